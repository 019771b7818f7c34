"""Which day a clock time gets when its own sentence names none (a later paper retelling a happening)."""

from __future__ import annotations

from timeline.temporal import tag


def _value(text: str, published: str, phrase: str) -> str | None:
    found = [e for e in tag(text, published) if e.text == phrase]
    assert len(found) == 1, found
    return found[0].value


RETOLD = (
    "Judge Kell was killed last Nov. 14 outside the courthouse in Portvale.\n\n"
    "Police said the knife was found March 2 in a drain.\n\n"
    "Kell, 61, was killed at 7 p.m. as he left the building."
)


def test_a_clock_in_a_retold_happening_takes_the_day_that_happening_was_told_with():
    # The verb "killed" ties the clock's clause to the Nov. 14 sentence, not to the knife's March 2.
    assert _value(RETOLD, "2024-03-20", "7 p.m.") == "2023-11-14T19:00"


def test_a_clock_with_no_verb_in_common_keeps_the_last_past_day():
    text = (
        "Judge Kell was killed last Nov. 14 outside the courthouse in Portvale.\n\n"
        "The knife was found March 2 in a drain.\n\n"
        "A cyclist noticed a parked car at 5 a.m. near the courthouse."
    )
    assert _value(text, "2024-03-20", "5 a.m.") == "2024-03-02T05:00"


def test_a_clock_in_a_paragraph_that_names_its_day_keeps_that_day():
    text = "On Saturday, a gunman entered the Acme store.\nHe opened fire at 2:15 p.m."
    assert _value(text, "2022-02-14", "2:15 p.m.") == "2022-02-12T14:15"


def test_a_reporting_verb_ties_no_clock_to_an_earlier_day():
    # "said" names no happening: the clock keeps its paragraph's day.
    text = (
        "The council said on Feb. 2 that the bridge would close.\n\n"
        "The ferry sank on Feb. 9 near the harbour. Officials said it left at 3 p.m."
    )
    assert _value(text, "2022-02-14", "3 p.m.") == "2022-02-09T15:00"


def test_a_bare_clock_takes_the_day_a_later_clock_of_its_sentence_names():
    # The parenthesis restates the clock with its day: the bare clock is that Friday's, not the paper's day
    # (published on Wednesday 4 June 2025).
    text = 'Minister Rahn said: "The delegation will leave at 5 in the morning (5 a.m. GMT Friday)."'
    assert _value(text, "2025-06-04", "5 in the morning") == "2025-06-06T05:00"


def _expression(text: str, published: str, phrase: str):
    found = [e for e in tag(text, published) if e.text == phrase]
    assert len(found) == 1, found
    return found[0]


NAMED = (
    "Judge Kell was killed on the night of Nov. 14 outside the courthouse.\n\n"
    "The knife was found March 2.\n\n"
    "A clerk saw a car at 5 a.m. near the courthouse 12 days before the killing."
)


def test_days_before_a_happening_the_article_dated_count_from_its_day():
    twelve_days = _expression(NAMED, "2024-05-06", "12 days")
    assert (twelve_days.type, twelve_days.value) == ("DATE", "2023-11-02")
    # the clock of that sentence takes the day just found, not the knife's March 2
    assert _value(NAMED, "2024-05-06", "5 a.m.") == "2023-11-02T05:00"


def test_days_before_a_happening_named_by_its_place_or_with_no_day_stay_durations():
    text = (
        "The Acme plant was bombed on March 3 in Norland.\n\n"
        "Rahn spoke one day after the attacks in Ostland, two months after his team left."
    )
    assert _expression(text, "2022-06-01", "one day").type == "DURATION"
    assert _expression(text, "2022-06-01", "two months").type == "DURATION"


def test_the_end_of_something_is_no_happening_to_count_from():
    text = "The war ended on May 8, 1945.\n\nThe country voted 20 days after the end of the war."
    assert _expression(text, "2022-06-01", "20 days").type == "DURATION"

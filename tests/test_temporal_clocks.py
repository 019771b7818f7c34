"""Which day a clock time gets when its own sentence names none (a later paper retelling a happening)."""

from __future__ import annotations

from timeline.temporal import tag


def _value(text: str, published: str, phrase: str) -> str | None:
    found = [e for e in tag(text, published) if e.text == phrase]
    assert len(found) == 1, found
    return found[0].value


RETOLD = (
    "Minister Rahn was shot to death last Oct. 23 at his home in Norland.\n\n"
    "Investigators said the rifle was found April 8 behind the house.\n\n"
    "Rahn, 52, was shot to death at 10 p.m. as he stood in his kitchen."
)


def test_a_clock_in_a_retold_happening_takes_the_day_that_happening_was_told_with():
    # The verb "shot" ties the clock's clause to the Oct. 23 sentence, not to the rifle's April 8.
    assert _value(RETOLD, "1999-04-19", "10 p.m.") == "1998-10-23T22:00"


def test_a_clock_with_no_verb_in_common_keeps_the_last_past_day():
    text = (
        "Minister Rahn was shot to death last Oct. 23 at his home in Norland.\n\n"
        "The rifle was found April 8 behind the house.\n\n"
        "A jogger noticed a parked van at 6 a.m. near the house."
    )
    assert _value(text, "1999-04-19", "6 a.m.") == "1999-04-08T06:00"


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
    # The parenthesis restates the clock with its day: the bare clock is that Thursday's, not the paper's day.
    text = 'Minister Rahn said: "The delegation will leave at 4 in the morning (4 a.m. GMT Thursday)."'
    assert _value(text, "2000-04-05", "4 in the morning") == "2000-04-06T04:00"


def _expression(text: str, published: str, phrase: str):
    found = [e for e in tag(text, published) if e.text == phrase]
    assert len(found) == 1, found
    return found[0]


NAMED = (
    "Minister Rahn was shot to death on the night of Oct. 23 in his kitchen.\n\n"
    "The rifle was found April 8.\n\n"
    "A neighbour saw a van at 6 a.m. near the house 10 days before the murder."
)


def test_days_before_a_happening_the_article_dated_count_from_its_day():
    ten_days = _expression(NAMED, "1999-05-05", "10 days")
    assert (ten_days.type, ten_days.value) == ("DATE", "1998-10-13")
    # the clock of that sentence takes the day just found, not the rifle's April 8
    assert _value(NAMED, "1999-05-05", "6 a.m.") == "1998-10-13T06:00"


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

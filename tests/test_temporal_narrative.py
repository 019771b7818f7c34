"""Year-less dates of a story told in the past take the story's year (timeline/temporal/narrative.py).

The golden cases are hand-written TimeML files in tests/data/narrative/ (history told in prose from general
knowledge, news background paragraphs, present news): every gold TIMEX3 must be found with its type, value
and mod.  The same files are scored by ``benchmarks/score_timeml.py tests/data/narrative``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal import tag
from timeline.temporal.timeml import read_timeml

NARRATIVE = sorted((Path(__file__).parent / "data" / "narrative").glob("*.tml"))


@pytest.mark.parametrize("path", NARRATIVE, ids=[p.stem for p in NARRATIVE])
def test_golden_narrative(path: Path) -> None:
    text, published, gold = read_timeml(path.read_bytes())
    found = tag(text, published)
    for timex in gold:
        overlapping = [e for e in found if e.start < timex.end and timex.start < e.end]
        assert overlapping, f"{timex.text!r} not found"
        got = overlapping[0]
        assert (got.type, got.value, got.mod) == (timex.type, timex.value, timex.mod), (
            f"{timex.text!r}: {got.value} ({got.rule}), gold {timex.value}"
        )
    assert len(found) == len(gold), [e.text for e in found]


def test_there_are_narrative_cases() -> None:
    assert len(NARRATIVE) >= 8


def _value(text: str, phrase: str, published: str | None = "2009-06-15") -> str | None:
    return next(e.value for e in tag(text, published) if e.text == phrase)


def test_a_month_after_the_carried_month_rolls_the_year_forward() -> None:
    text = "In December 1940 the army crossed the border. In March, it reached the river."
    assert _value(text, "March") == "1941-03"


def test_the_anchor_is_recorded_for_explain() -> None:
    text = "In December 1940 the army crossed the border. In March, it reached the river."
    march = next(e for e in tag(text, "2009-06-15") if e.text == "March")
    assert (march.anchor, march.anchor_value, march.anchor_text) == ("mention", "1940-12", "December 1940")
    assert march.rule == "month.bare.narrative"


def test_relative_references_follow_the_story() -> None:
    text = "On July 14, 1789, crowds stormed the fortress. The next day the governor's head was paraded."
    assert _value(text, "The next day") == "1789-07-15"


def test_the_text_says_when_it_looks_back() -> None:
    text = "In December 1940 the army crossed the border. Earlier, in October, it had massed troops."
    assert _value(text, "October") == "1940-10"


def test_a_future_speaks_from_the_publication_date() -> None:
    text = "The republic was founded in 1920. In March, it will hold a referendum."
    assert _value(text, "March", "2022-02-16") == "2022-03"


def test_a_present_perfect_speaks_from_the_publication_date() -> None:
    text = "Norland joined the union in 2004. Its exports have grown since January."
    assert _value(text, "January", "2022-06-16") == "2022-01"


def test_the_news_of_the_day_ends_the_story() -> None:
    text = "The war began in 1998. On Tuesday the minister said. Exports fell in March."
    assert _value(text, "March", "2022-06-16") == "2022-03"


def test_a_word_of_the_day_in_the_sentence_speaks_from_the_publication_date() -> None:
    text = "The war began in 1998. In March, the minister said on Tuesday, exports fell."
    assert _value(text, "March", "2022-06-16") == "2022-03"


def test_dates_that_name_or_bound_a_period_are_not_the_story() -> None:
    published = "2022-06-16"
    assert _value("Acme has grown since 1980. In March, it bought a rival.", "March", published) == "2022-03"
    relative_clause = "Acme, which was founded in 1980, bought a rival in March."
    assert _value(relative_clause, "March", published) == "2022-03"
    assert _value("Victims of the 1998 flood met in March.", "March", published) == "2022-03"


def test_a_story_told_in_the_past_never_reaches_past_publication() -> None:
    text = "Dr. Rahn was shot on Oct. 23, 1998. In September, police had been warned."
    assert _value(text, "September", "1999-01-22") == "1998-09"


def test_without_a_publication_date_the_story_still_dates_the_text() -> None:
    text = "In July 1898 the couple announced the discovery of polonium, and in December that of radium."
    assert _value(text, "December", None) == "1898-12"


def test_a_season_or_month_named_from_the_story() -> None:
    text = "In January 1941 the siege began. That winter was cold. The following spring the army left."
    assert _value(text, "That winter") == "1940-WI"
    assert _value(text, "The following spring") == "1941-SP"
    assert _value("The war began in 1998. That October, rebels took the city.", "That October") == "1998-10"


def test_that_with_a_verb_or_a_name_is_not_a_period() -> None:
    text = "Prices that fall fast. Officials doubt that May could adopt it."
    assert [e.text for e in tag(text, "2012-02-24")] == []


def test_a_day_counted_from_a_month_of_the_story_stays_in_the_story() -> None:
    # Known only to the month: never the publication day, decades later.
    text = "In March 1941 the army reached the river. The next day it crossed. Two days later it attacked."
    assert _value(text, "The next day") == "1941-03"
    assert _value(text, "Two days later") == "1941-03"


def test_the_decade_of_the_story() -> None:
    text = "Work on the canal began in 1881, but it was abandoned by the end of the decade."
    assert _value(text, "the end of the decade", "2014-08-15") == "188"
    present = "Work on the canal began in 1881. Norland will finish a new one by the end of the decade."
    assert _value(present, "the end of the decade", "2014-08-15") == "201"


def test_a_hope_put_in_the_past_still_looks_forward() -> None:
    text = "Talks collapsed in December 2018. Both sides said they hoped to reach a deal by June."
    assert _value(text, "June", "2019-05-14") == "2019-06"


def test_a_year_phrase_places_the_date_before_it() -> None:
    text = "The monarchy fell in September 1792, and the king was executed on January 21 the following year."
    assert _value(text, "January 21", "2014-07-14") == "1793-01-21"
    assert _value(text, "the following year", "2014-07-14") == "1793"
    assert _value("The war began in 1914. In March the next year, it spread.", "March") == "1915-03"


def test_a_date_placed_by_a_year_phrase_anchors_what_follows() -> None:
    text = "Vell resigned on December 31 of that year. Three months later, Rahn won."
    assert _value("In 1999 the crisis deepened. " + text, "Three months later", "2008-05-08") == "2000-03"


def test_day_names_of_a_story_without_publication_date() -> None:
    text = "On Sunday, December 7, 1941, aircraft attacked the harbour. On Monday, Congress declared war."
    assert _value(text, "Monday", None) == "1941-12-08"
    # With a publication date a day name is the news of the week, even after an old date.
    assert _value(text, "Monday", "2011-12-07") == "2011-12-05"


def test_a_year_in_passing_does_not_carry_into_the_news() -> None:
    news = "The festival returns this weekend. Her last concert was in 2004. She died in January."
    assert _value(news, "January", "2016-06-10") == "2016-01"
    opening = "The festival returns this weekend. The war began in 1998. In March, rebels took the capital."
    assert _value(opening, "March", "2016-06-10") == "1998-03"


def test_asides_are_not_the_story() -> None:
    published = "2009-01-10"
    citation = "The composer died in 1809 (Radio pick of the day, 2 January, page 16)."
    assert _value(citation, "2 January", published) == "2009-01-02"
    participle = "Set up in 2002, the court issued its first verdicts in June."
    assert _value(participle, "June", published) == "2008-06"
    span = "Acme restated profits going back to 1997 before filing for bankruptcy on December 2."
    assert _value(span, "December 2", published) == "2008-12-02"


def test_a_concession_is_not_the_story() -> None:
    text = "Although the actor died in 2014, the writers plan a sequel. At the end of March, they wrote."
    assert _value(text, "the end of March", "2017-05-06") == "2017-03"

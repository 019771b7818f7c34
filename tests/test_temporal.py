"""The date engine's public API: tag() on the seed articles, regions, and parse_date_value()."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal import parse_date_value, tag
from timeline.temporal.timex import value_to_date

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _after_header(text: str, header_end: int) -> list[tuple[int, int]]:
    return [(header_end, len(text))]


def _calendar_dates(expressions) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(text, value) of every DATE/TIME expression that names a calendar span."""
    return {
        (e.text, e.value)
        for e in expressions
        if e.type in ("DATE", "TIME") and e.value and value_to_date(e.value) is not None
    }


def test_seed_000_month_publication_date() -> None:
    text = _seed("000")
    header_end = text.index(" date 2022-02 ") + len(" date 2022-02 ")
    found = tag(text, "2022-02", _after_header(text, header_end))
    assert _calendar_dates(found) == {("February 14", "2022-02-14"), ("February 2", "2022-02-02")}
    assert not [e for e in found if "2022" in e.text]  # "Zametil 2022", "Allied Resolve 2022" are names


def test_seed_001_has_no_dates() -> None:
    text = _seed("001")
    found = tag(text, None)
    assert _calendar_dates(found) == set()
    assert not [e for e in found if "mins" in e.text or "2022" in e.text]


def test_seed_002_relative_dates() -> None:
    text = _seed("002")
    found = tag(text, "2022-02-15", _after_header(text, text.index("\n") + 1))
    assert _calendar_dates(found) == {
        ("15th February, 2022", "2022-02-15"),  # the dateline
        ("Tuesday", "2022-02-15"),
        ("Monday", "2022-02-14"),
        ("the same day", "2022-02-14"),
        ("last week", "2022-W06"),
        ("Sunday", "2022-02-20"),
    }
    same_day = next(e for e in found if e.text == "the same day")
    assert (same_day.anchor, same_day.anchor_text) == ("mention", "Monday")
    assert ("the past few months", "PXM") in {(e.text, e.value) for e in found if e.type == "DURATION"}


def test_seed_003_weekday_and_mention() -> None:
    found = tag(_seed("003"), "2022-02-16")
    assert _calendar_dates(found) == {
        ("Wednesday", "2022-02-16"),
        ("this week", "2022-W07"),
        ("the day before", "2022-02-15"),
        ("1994", "1994"),
        ("2020", "2020"),
    }
    day_before = next(e for e in found if e.text == "the day before")
    assert day_before.anchor == "mention" and day_before.anchor_value == "2022-02-16"


def test_results_sorted_non_overlapping_and_quoted() -> None:
    text = "On Monday, two days after March 3, 2022, the talks resumed; they end next week."
    found = tag(text, "2022-03-09")
    assert [e.start for e in found] == sorted(e.start for e in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
    assert all(text[e.start : e.end] == e.text and e.rule for e in found)


def test_regions_limit_tagging_but_keep_offsets() -> None:
    text = "Header 2022-01-01\nThe vote was held on Friday."
    body_start = text.index("\n") + 1
    found = tag(text, "2022-02-16", [(body_start, len(text))])
    assert [(e.text, e.value, e.start) for e in found] == [("Friday", "2022-02-11", text.index("Friday"))]


@pytest.mark.parametrize("junk", ["", " ", "\x00\x01", "9" * 5000, "Monday" * 300, "(((("])
def test_never_raises_on_odd_input(junk: str) -> None:
    assert isinstance(tag(junk, "2022-02-16"), list)


def test_invalid_publication_date_is_ignored() -> None:
    found = tag("It happened yesterday.", "not a date")
    assert [(e.text, e.value, e.anchor) for e in found] == [("yesterday", None, "unresolved")]


@pytest.mark.parametrize(
    ("given", "value"),
    [
        ("2022-02-16", "2022-02-16"),
        ("2022-02", "2022-02"),
        ("2022", "2022"),
        ("16 February 2022", "2022-02-16"),
        ("February 16, 2022", "2022-02-16"),
        ("Feb 2022", "2022-02"),
        ("  2022-02-16  ", "2022-02-16"),
    ],
)
def test_parse_date_value(given: str, value: str) -> None:
    assert parse_date_value(given) == value


@pytest.mark.parametrize("given", ["", "hello", "2022-13", "2022-02-30"])
def test_parse_date_value_rejects_non_dates(given: str) -> None:
    assert parse_date_value(given) is None


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Last Friday's bombings killed 12 people.", "Last Friday", True),
        ("Saturday night's debate ran late.", "Saturday night", True),
        ("The 1971 charter is still in force.", "1971", True),
        ("Voters in a 2020 election were angry.", "2020", True),
        ("The 14-day strike ended.", "14-day", True),
        ("Fans flew in for the 2022 World Cup.", "2022", True),
        ("In 2022 Brazil won again.", "2022", False),
        ("Police said last week's raid found weapons.", "last week", True),
        ("In 1998 the law passed.", "1998", False),
        ("The talks ended on Monday and the envoys left.", "Monday", False),
        ("The strike lasted 14 days in all.", "14 days", False),
    ],
)
def test_modifies_noun_marks_possessive_and_attributive_dates(text: str, phrase: str, expected: bool) -> None:
    found = {e.text: e for e in tag(text, "2022-03-09")}
    assert found[phrase].modifies_noun is expected


def test_hours_ago_is_never_a_distant_date() -> None:
    """Page chrome ("Updated 2 hours ago") is a clock time with a timestamped publication date, the
    publication day without one, and never moves a dateline's clock onto another day."""
    text = "February 14, 2022 / 10:30 AM / Updated 2 hours ago"
    with_clock = {e.text: e for e in tag(text, "2022-02-15T01:00")}
    assert (with_clock["2 hours ago"].type, with_clock["2 hours ago"].value) == ("TIME", "2022-02-14T23:00")
    assert with_clock["10:30 AM"].value == "2022-02-14T10:30"
    day_only = {e.text: e for e in tag(text, "2022-02-16")}
    assert day_only["2 hours ago"].value == "2022-02-16"
    assert day_only["10:30 AM"].value == "2022-02-14T10:30"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Russian forces shelled the port overnight.", "2022-02-15TNI"),  # the night before publication
        ("Strikes will continue overnight, the army said.", "2022-02-16TNI"),  # the coming night
    ],
)
def test_overnight_follows_tense(text: str, value: str) -> None:
    found = {e.text: e for e in tag(text, "2022-02-16")}
    assert (found["overnight"].type, found["overnight"].value) == ("TIME", value)


def test_ambiguous_slashed_date_without_publication_is_month_first() -> None:
    found = tag("The claim was filed on 03/04/2022.", None)
    assert [(e.text, e.value) for e in found] == [("03/04/2022", "2022-03-04")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # tokenised news (a space before each comma, as research collections ship it): the year still belongs
        ("She died early on February 3 , 2003 .", "2003-02-03"),
        ("The trial opened on Monday , April 16 , 2007 .", "2007-04-16"),
        ("On 3 February , 2003 , police came .", "2003-02-03"),
        ("In May , 2005 , he moved .", "2005-05"),
    ],
)
def test_a_space_before_the_comma_keeps_the_year_with_its_date(text: str, value: str) -> None:
    (expression,) = tag(text, "2007-04-20")
    assert expression.value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # the day is kept (not just "December last year"), in the year the phrase counts from publication
        ("The premiere on 9 November last year drew crowds.", "9 November last year", "2015-11-09"),
        ("Acme filed the claim on 3 March of last year.", "3 March of last year", "2015-03-03"),
        # "this year" places a date past the nearest-year guess (publication in January)
        ("The agency took charge on June 18 this year.", "June 18 this year", "2016-06-18"),
        ("The vote on 1 April next year will decide it.", "1 April next year", "2017-04-01"),
    ],
)
def test_a_year_phrase_after_a_day_places_it_from_publication(text: str, phrase: str, value: str) -> None:
    found = {e.text: e for e in tag(text, "2016-01-15")}
    assert (found[phrase].value, found[phrase].granularity) == (value, "day")


def test_last_years_possessive_is_not_the_dates_year() -> None:
    found = {e.text: e.value for e in tag("On November 9 last year 's winner spoke.", "2016-01-15")}
    assert found["November 9"] == "2015-11-09" and found["last year"] == "2015"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # published on Wednesday 2017-01-04: the week phrase picks the week, whatever the verb's tense
        ("The talks resume on Monday next week.", "Monday next week", "2017-01-09"),
        ("The vote is on Thursday of next week.", "Thursday of next week", "2017-01-12"),
        ("Minister Rahn said he would publish it on Tuesday this week.", "Tuesday this week", "2017-01-03"),
        ("They met on Friday last week.", "Friday last week", "2016-12-30"),
    ],
)
def test_a_week_phrase_after_a_day_name_places_it_in_that_week(text: str, phrase: str, value: str) -> None:
    found = {e.text: e for e in tag(text, "2017-01-04")}
    assert (found[phrase].value, found[phrase].granularity) == (value, "day")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a modal perfect tells what did not happen: the day is past (published Wednesday 2017-01-04)
        ("The founder would have been 99 on Saturday.", "2016-12-31"),
        ("Critics said Rahn should have resigned on Monday.", "2017-01-02"),
        # an obligation or a plain modal still looks ahead
        ("Acme would have to close the plant on Friday.", "2017-01-06"),
        ("Acme would sign the deal on Friday.", "2017-01-06"),
    ],
)
def test_a_modal_perfect_puts_the_day_name_in_the_past(text: str, value: str) -> None:
    (day,) = [e for e in tag(text, "2017-01-04") if e.granularity == "day"]
    assert day.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # research collections print the possessive apart ("Sunday 's"): it is still a possessive
        ("Ahead of Sunday 's vote , the parties rallied .", "2000-07-30"),  # what comes next
        ("Whether Saturday 's ban will stand is unclear .", "2000-07-22"),  # what happened
    ],
)
def test_a_tokenised_possessive_day_name_reads_as_one(text: str, value: str) -> None:
    (day,) = [e for e in tag(text, "2000-07-24") if e.granularity == "day"]
    assert day.value == value and day.modifies_noun


def test_a_day_name_in_another_week_does_not_decide_the_articles_reading() -> None:
    # "Monday next week" is said to be another week: the article's Monday (a possessive, weak) stays past
    text = "Talks will resume on Monday next week. Monday's storm closed the port."
    found = [(e.text, e.value) for e in tag(text, "2000-07-26")]
    assert found == [("Monday next week", "2000-07-31"), ("Monday", "2000-07-24")]


@pytest.mark.parametrize(
    ("text", "value", "anchor"),
    [
        # A report of its own with no day: the spokeswoman speaks on the publication day.
        (
            "The levee broke on May 2. An Acme spokeswoman said crews worked overnight.",
            "2023-05-19TNI",
            "publication",
        ),
        # A retold story without a report: the night of the day the story is on.
        ("The levee broke on May 2. Crews worked overnight.", "2023-05-02TNI", "mention"),
    ],
)
def test_overnight_of_a_fresh_report_is_the_night_before_publication(
    text: str, value: str, anchor: str
) -> None:
    found = {e.text: e for e in tag(text, "2023-05-20")}
    assert (found["overnight"].value, found["overnight"].anchor) == (value, anchor)


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # "a still unspecified date": an adjective, not the past tense; "would be paid" looks forward
        (
            "Acme said the dividend would be paid on a still unspecified date in January.",
            "2017-11-10",
            "2018-01",
        ),
        ("Acme will complete the announced sale in February.", "2017-11-10", "2018-02"),
        # a noun in -ly is no adverb: "the family moved" is still a past-tense verb
        ("The family moved to Norland in June.", "2017-03-10", "2016-06"),
    ],
)
def test_a_participle_after_a_determiner_is_no_past_tense(text: str, published: str, value: str) -> None:
    (month,) = [e for e in tag(text, published) if e.granularity == "month"]
    assert month.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a noun's possessive makes the participle an adjective: no past tense, so "will" decides
        ("Westholm's postponed vote, 5 May, will settle the matter.", "2011-05-05"),
        # a pronoun's "'s" is "has": "he's resigned" is the past tense
        ("He's resigned on 5 May, aides said.", "2010-05-05"),
        # "due to hit": the verb of a future cue ("to" and all) is no past tense
        ("The film is due to hit cinemas on 5 May.", "2011-05-05"),
        # "his next court appearance" looks forward, nearer the date than "detailed" (an adjective here)
        ("Rahn faces weeks of detailed preparation before his next court appearance on 5 May.", "2011-05-05"),
    ],
)
def test_a_year_less_day_far_from_publication_takes_its_tense(text: str, value: str) -> None:
    """Published 23 November 2010: 5 May is nearer in 2011, and the sentence's tense decides."""
    (day,) = [e for e in tag(text, "2010-11-23") if e.granularity == "day"]
    assert day.value == value


def test_a_list_items_tense_stays_in_its_item() -> None:
    """A chronology's items, one after another behind bullets: the "will" of one item is not the next
    item's tense (published late January, October 5 is nearest in the year before)."""
    text = "April 17 Rahn says the block will be lifted \u00b7 October 5 Varga visits Acme \u00b7 end"
    (day,) = [e for e in tag(text, "2002-01-29") if e.text == "October 5"]
    assert day.value == "2001-10-05"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Acme appealed, but in March a judge ruled against it.", "2017-03"),
        ("In May the council approved the plan.", "2017-05"),
    ],
)
def test_a_month_after_in_is_a_month_before_an_article(text: str, value: str) -> None:
    found = [(e.text, e.value) for e in tag(text, "2017-06-01")]
    assert [value for _, value in found] == [value] and found[0][0] in ("March", "May")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # 2016-03-05 is a Saturday: the writer's Thursday was 2015's March 5
        ("The vote is on Thursday, March 5.", "2016-01-10", "2015-03-05"),
        ("The memo is dated Thu, Jul 8.", "2011-02-01", "2010-07-08"),  # an abbreviated day name too
        ("The vote is on Thursday, March 5.", "2015-01-10", "2015-03-05"),  # the nearest year fits
    ],
)
def test_a_day_name_picks_the_year_of_a_year_less_date(text: str, published: str, value: str) -> None:
    (day,) = [e for e in tag(text, published) if e.granularity == "day"]
    assert day.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("In 1989 , the year the old leader died , Rahn was made secretary .", "1989"),
        ("Rahn may run again as early as 2014, the year Norland hosts the games.", "2014"),
        # a sentence apart: no apposition, the paper's year as before
        ("Rahn resigned in 1989. The year ahead looks hard for Acme.", "2013"),
    ],
)
def test_the_year_in_apposition_to_a_year_is_that_year(text: str, value: str) -> None:
    (the_year,) = [e for e in tag(text, "2013-06-20") if e.text.lower().startswith("the year")]
    assert the_year.value == value


def test_a_later_that_year_counts_from_the_apposed_year() -> None:
    text = "In 1961 , the year Rahn was arrested , Varga was 19 . That year , Varga began his studies ."
    values = {e.text: e.value for e in tag(text, "2010-12-08")}
    assert (values["the year"], values["That year"]) == ("1961", "1961")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # later than a time not named here, told in the past: no date (the paper's day + 2 years is to come)
        ("Varga left Norland for good . Two years later , she met Rahn at a party .", None),
        ("We were told we would fail . But here we are , eight years later .", None),  # now, not 2024
        ("In 2003 Rahn left . Two years later , he returned .", "2005"),  # counted from the year named
        ("The plant will close ten years later .", "2026"),  # a plan: from the paper's day, as before
    ],
)
def test_an_unanchored_later_in_a_past_sentence_gets_no_future_date(text: str, value: str | None) -> None:
    (later,) = [e for e in tag(text, "2016-11-13") if "later" in e.text]
    assert later.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Rahn ran the second half of the race quicker than the first .",
        "So in the first half - hour of the hearing , the prosecutor made his case .",
        "Varga was rarely out of the first half - dozen in the sprints .",
        "The advert ran during the third quarter of the final .",
    ],
)
def test_a_half_or_quarter_of_something_else_than_a_period_is_no_date(text: str) -> None:
    assert [e for e in tag(text, "2014-04-10") if "half" in e.text or "quarter" in e.text] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sales fell in the second half of this year .", "2014-H2"),
        ("Acme expects a loss in the first half of fiscal 2015 .", "2015-H1"),
        (
            "Profits were 4.1 % of output in the third quarter - lower than at any time since 2009 .",
            "2013-Q3",
        ),
    ],
)
def test_a_half_or_quarter_of_a_year_is_still_a_date(text: str, value: str) -> None:
    (period,) = [e for e in tag(text, "2014-04-10") if "half" in e.text or "quarter" in e.text]
    assert period.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # after a time the text tells, told in the past, with no date named: not the day after the paper's
        ("The arrest warrant was revoked the next day by a higher prosecutor .", None),
        ("The following year was a momentous one for Rahn .", None),
        ("On Monday Rahn left . The next day he returned .", "2010-12-07"),  # counted from the day named
        ("Rahn said he aimed for 5 % growth over the next year .", "2011"),  # the year ahead of the paper
        ("The ministers will meet again the next day .", "2010-12-08"),  # a plan: from the paper's day
    ],
)
def test_an_unanchored_next_day_told_in_the_past_is_not_the_papers_next_day(
    text: str, value: str | None
) -> None:
    (after,) = [
        e for e in tag(text, "2010-12-07") if e.text.lower().startswith(("the next", "the following"))
    ]
    assert after.value == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # a Monday's paper, told in the past: the weekend just gone (ISO week 23 of 2011 is 6-12 June)
        ("Officials said this weekend that the talks had failed .", "2011-06-13", "2011-W23-WE"),
        # a Friday's paper: the coming weekend, whatever the tense of the sentence
        ("Thousands said they were ready to march this weekend .", "2011-06-17", "2011-W24-WE"),
        # a possessive names what is to come
        ("Rahn prepared for this weekend 's summit .", "2011-06-13", "2011-W24-WE"),
        ("Rahn will speak this weekend .", "2011-06-13", "2011-W24-WE"),
    ],
)
def test_this_weekend_in_an_early_week_paper_told_in_the_past_is_the_one_just_gone(
    text: str, published: str, value: str
) -> None:
    (weekend,) = [e for e in tag(text, published) if "weekend" in e.text]
    assert weekend.value == value


def test_a_later_counted_from_a_date_for_something_else_is_no_date_past_the_paper() -> None:
    """A past clause cannot tell a day more than a month after its paper: counted from the wrong date."""
    text = "Rahn was first elected in 2007 and began her climb up the party two years later ."
    (later,) = [e for e in tag(text, "2008-05-31") if "later" in e.text]
    assert later.value is None
    plan = "The vote is due on 3 September , with final results coming two weeks later ."
    (later,) = [e for e in tag(plan, "2009-08-28") if "later" in e.text]
    assert later.value == "2009-W38"  # a plan of the coming weeks, counted from its date, stays

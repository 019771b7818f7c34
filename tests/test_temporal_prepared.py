"""Recognise once, resolve for many publication dates: tag_for_dates / prepare / resolve.

Publication-date inference tags one undated article against ~40 candidate days; these tests pin
that doing it in one go gives exactly what tagging it once per day gives, with no state leaking
from one day's resolution into another's.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import prepare, resolve, tag, tag_for_dates

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _days(last: str, count: int) -> list[str | None]:
    end = date.fromisoformat(last)
    return [(end - timedelta(days=back)).isoformat() for back in range(count)]


def _values(expressions) -> list[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    return [(e.text, e.value) for e in expressions]


# ---------------------------------------------------------------- same results as tag()

# Words that exercise the date-dependent paths: weekdays by tense, mentions anchored on an earlier
# date, year-less dates, bare months, clock times taking their sentence's day, slashed dates.
WORDS = st.sampled_from(
    [
        "Monday", "on", "Friday", "night", "last", "next", "week", "the", "day", "before", "after", "May",
        "March", "December", "14", "2022", "Feb.", "3", "p.m.", "10:30", "GMT", "two", "days", "ago",
        "later", "since", "until", "the same day", "that week", "the next morning", "a year earlier",
        "overnight", "this", "year", "quarter", "third", "early", "mid-", ",", ".", "\n", "\n\n", "said",
        "will", "was", "meets", "postponed", "yesterday", "today", "tonight", "summer", "Christmas",
        "2/3/2022", "14/02/2022", "2022-02-14", "'s", "hours", "in the morning", "at dawn", "Jan. 6",
    ]
)  # fmt: skip
# Whole clauses chain the date-dependent paths: a weekday, then a mention anchored on it, then a
# clock time taking that day, so one day's anchors would show up if they leaked into another's.
CLAUSES = st.sampled_from(
    [
        "Talks ended on Monday.", "The day before, they met.", "At 3 p.m. the vote began.",
        "She will speak on Friday.", "On March 3 it rained.", "Two days later, it stopped.",
        "That week was calm.", "The next morning they left.", "Filed 2/3/2022.",
        "It was postponed until May.", "Shelling continued overnight.", "Last week's raid was condemned.",
        "\n\n", "\n", "He said so.",
    ]
)  # fmt: skip
TEXT = st.one_of(
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(CLAUSES, max_size=12).map(" ".join),
    st.text(max_size=120),
)
PUBLISHED = st.one_of(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat),
    st.sampled_from(
        [None, "2022-02", "2022-02-16", "2022-02-20", "2022-02-16T09:30", "2022", "2022-W07", "not a date"]
    ),
)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, published_values=st.lists(PUBLISHED, max_size=6))
def test_tag_for_dates_equals_tag_for_each_date(text: str, published_values: list[str | None]) -> None:
    many = tag_for_dates(text, published_values)
    assert len(many) == len(published_values)
    for published, found in zip(published_values, many, strict=True):
        assert found == tag(text, published), published


@settings(max_examples=60, deadline=None)
@given(text=TEXT, published_values=st.lists(PUBLISHED, min_size=1, max_size=4), cut=st.integers(0, 200))
def test_tag_for_dates_equals_tag_inside_regions(
    text: str, published_values: list[str | None], cut: int
) -> None:
    regions = [(cut, len(text))]
    for published, found in zip(
        published_values, tag_for_dates(text, published_values, regions), strict=True
    ):
        assert found == tag(text, published, regions)


def test_resolution_order_does_not_matter() -> None:
    # A weekday, a mention anchored on it and a clock time anchored on the mention: the most
    # date-dependent chain.  Resolving a month-only date in between must not change the others.
    text = "Talks ended on Monday. The day before, the envoys met at 3 p.m. The next talks will be on Friday."
    prepared = prepare(text)
    first = resolve(prepared, "2022-02-16")
    assert resolve(prepared, "2022-02") == tag(text, "2022-02")  # nothing left over from the 16th
    resolve(prepared, "2021-07-30")
    assert resolve(prepared, "2022-02-16") == first == tag(text, "2022-02-16")


def test_each_date_gets_its_own_expression_objects() -> None:
    found_a, found_b = tag_for_dates("The vote was on Monday.", ["2022-02-16", "2022-02-16"])
    assert found_a == found_b
    assert found_a[0] is not found_b[0]  # callers may annotate results without touching another day's
    found_a[0].value = "edited"
    assert found_b[0].value == "2022-02-14"


def test_weekday_moves_with_the_publication_date_and_needs_a_day() -> None:
    text = "The minister resigned on Monday. The day before, she met the president."
    on_wednesday, on_monday, on_month = tag_for_dates(text, ["2022-02-16", "2022-02-21", "2022-02"])
    # 2022-02-16 is a Wednesday: the past Monday is the 14th, the day before it the 13th.
    assert _values(on_wednesday) == [("Monday", "2022-02-14"), ("The day before", "2022-02-13")]
    # Published on a Monday, "on Monday" is that day (news convention).
    assert _values(on_monday) == [("Monday", "2022-02-21"), ("The day before", "2022-02-20")]
    # A month-only publication date never yields an invented day.
    assert _values(on_month) == [("Monday", None), ("The day before", None)]


def test_slashed_date_order_is_a_property_of_the_document() -> None:
    # "14/02/2022" makes the whole document day-first, whatever the publication date.
    text = "Filed on 14/02/2022. Hearing set for 3/4/2022."
    for found in tag_for_dates(text, ["2022-03-04", "2022-04-03", None]):
        assert _values(found) == [("14/02/2022", "2022-02-14"), ("3/4/2022", "2022-04-03")]


def test_empty_inputs() -> None:
    assert tag_for_dates("The vote was on Monday.", []) == []
    assert tag_for_dates("", ["2022-02-16", None]) == [[], []]
    assert tag_for_dates("No dates here at all.", ["2022-02-16"]) == [[]]
    assert resolve(prepare(""), "2022-02-16") == []


# ---------------------------------------------------------------- the seeds


def test_seeds_tagged_for_forty_days_match_tag() -> None:
    days = _days("2022-02-28", 40) + [None, "2022-02", "2022"]
    for prefix in ("000", "001", "002", "003"):
        text = _seed(prefix)
        for published, found in zip(days, tag_for_dates(text, days), strict=True):
            assert found == tag(text, published), (prefix, published)


def test_undated_seed_resolves_per_candidate_day() -> None:
    # Seed 003 has no date header: inference tries candidate days.  Checked by hand:
    # 2022-02-16 is a Wednesday, 2022-02-21 the Monday after.
    text = _seed("003")
    on_16, on_21, on_month = tag_for_dates(text, ["2022-02-16", "2022-02-21", "2022-02"])
    said_wednesday = text.index("said Wednesday") + len("said ")

    def value_at(found, start: int) -> str | None:  # type: ignore[no-untyped-def]
        return next(e.value for e in found if e.start == start)

    assert value_at(on_16, said_wednesday) == "2022-02-16"  # same weekday as publication: that day
    assert value_at(on_21, said_wednesday) == "2022-02-16"  # the Wednesday before
    assert value_at(on_month, said_wednesday) is None
    this_week = text.index("this week")
    assert value_at(on_16, this_week) == "2022-W07"
    assert value_at(on_21, this_week) == "2022-W08"

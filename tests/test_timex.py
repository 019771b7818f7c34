"""TIMEX3 values map to the calendar spans a reader expects."""

from datetime import date

import pytest

from timeline.temporal.timex import date_to_value, is_valid_value, value_to_date


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2022-02-14", date(2022, 2, 14), date(2022, 2, 14), "day"),
        ("2022-W07", date(2022, 2, 14), date(2022, 2, 20), "week"),  # ISO week: Monday to Sunday
        ("2022-W06", date(2022, 2, 7), date(2022, 2, 13), "week"),
        ("2020-W53", date(2020, 12, 28), date(2021, 1, 3), "week"),  # a week crossing the year
        ("2022-02", date(2022, 2, 1), date(2022, 2, 28), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),  # leap year
        ("2022-Q1", date(2022, 1, 1), date(2022, 3, 31), "quarter"),
        ("2022-SU", date(2022, 6, 1), date(2022, 8, 31), "season"),
        ("2022-WI", date(2022, 12, 1), date(2023, 2, 28), "season"),
        ("2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("19", date(1900, 1, 1), date(1999, 12, 31), "century"),
        ("2022-02-14T15:00", date(2022, 2, 14), date(2022, 2, 14), "time"),
    ],
)
def test_value_to_date_gives_inclusive_bounds(value, start, end, granularity):
    span = value_to_date(value)
    assert (span.start, span.end, span.granularity) == (start, end, granularity)


@pytest.mark.parametrize("value", ["P2W", "PXM", "PRESENT_REF", "XXXX-WXX-1", "2022-02-30", "nonsense"])
def test_values_without_a_calendar_span_give_none(value):
    assert value_to_date(value) is None


def test_date_to_value_names_the_containing_stretch():
    day = date(2022, 2, 16)
    assert [date_to_value(day, g) for g in ("day", "week", "month", "quarter", "year", "decade")] == [
        "2022-02-16",
        "2022-W07",
        "2022-02",
        "2022-Q1",
        "2022",
        "202",
    ]


@pytest.mark.parametrize(
    "value", ["2022-02-14", "2022-W07", "P2W", "PT3H", "PXY", "PRESENT_REF", "2022-02-14TNI"]
)
def test_grammar_accepts_timex_values(value):
    assert is_valid_value(value)


@pytest.mark.parametrize("value", ["", "P", "2022/02/14", "Feb 2022", "2022-13-1"])
def test_grammar_rejects_non_timex_values(value):
    assert not is_valid_value(value)

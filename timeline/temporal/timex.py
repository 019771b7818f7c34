"""TIMEX3 values <-> calendar spans.

A TIMEX3 value names a stretch of time at some granularity: ``2022`` (year),
``199`` (decade), ``20`` (century), ``2022-Q1``, ``2022-SU``, ``2022-02``,
``2022-W07``, ``2022-W07-WE`` (weekend), ``2022-02-14``, ``2022-02-14T15:00``
or ``2022-02-14TEV`` (time of day).  This module turns one into inclusive
calendar bounds and back; everything that compares dates goes through it.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

from timeline.types import DateValue

_SEASON_MONTHS = {  # northern-hemisphere meteorological seasons
    "SP": (3, 5),
    "SU": (6, 8),
    "FA": (9, 11),
    "WI": (12, 2),  # winter runs into the next year
}

TIMEX_VALUE = re.compile(
    r"""^(?:
        \d{2} | \d{3} | \d{4}                                  # century, decade, year
      | \d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)                     # quarter, half, season
      | \d{4}-\d{2}                                            # month
      | \d{4}-W\d{2}(?:-WE|-[1-7])?                            # ISO week, weekend, week-day
      | \d{4}-\d{2}-\d{2}(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|MI|AF|EV|NI|DT))?   # day, time
      | XXXX(?:-[0-9X]{2}(?:-[0-9X]{2})?|-WXX-[1-7]|-W\d{2})?    # underspecified
      | XXXX-WXX-[1-7]T(?:MO|MI|AF|EV|NI)                       # a weekday's part of day (SET)
      | XXXX-(?:SP|SU|FA|WI|Q[1-4]|H[12])                      # a season or quarter of any year (SET)
      | P(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q|H)              # date duration
      | PT(?:\d+(?:\.\d+)?|X)(?:H|M|S)                         # time duration
      | P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?   # composite
      | PRESENT_REF | PAST_REF | FUTURE_REF
    )$""",
    re.VERBOSE,
)


def is_valid_value(value: str) -> bool:
    """Whether ``value`` matches the TIMEX3 value grammar this project emits."""
    return bool(value) and value != "P" and bool(TIMEX_VALUE.match(value))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def value_to_date(value: str) -> DateValue | None:
    """The inclusive calendar span of a DATE/TIME value, or None if it has none.

    >>> span = value_to_date("2022-W07")
    >>> (span.start.isoformat(), span.end.isoformat(), span.granularity)
    ('2022-02-14', '2022-02-20', 'week')
    """
    try:
        return _parse(value)
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=8192)
def cached_value_to_date(value: str) -> DateValue | None:
    """``value_to_date``, memoised: the tagger asks for the same few values over and over (a
    ``DateValue`` is frozen, so sharing one is safe)."""
    return value_to_date(value)


def _parse(value: str) -> DateValue | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        day = date.fromisoformat(value[:10])
        return DateValue(value, day, day, "time")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        day = date.fromisoformat(value)
        return DateValue(value, day, day, "day")
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(?:-(WE|[1-7]))?", value):
        year, week, part = int(m[1]), int(m[2]), m[3]
        monday = date.fromisocalendar(year, week, 1)
        if part == "WE":
            return DateValue(value, monday + timedelta(days=5), monday + timedelta(days=6), "day")
        if part:
            day = monday + timedelta(days=int(part) - 1)
            return DateValue(value, day, day, "day")
        return DateValue(value, monday, monday + timedelta(days=6), "week")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        year, month = int(m[1]), int(m[2])
        return DateValue(value, date(year, month, 1), _month_end(year, month), "month")
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        year, q = int(m[1]), int(m[2])
        return DateValue(value, date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        year, h = int(m[1]), int(m[2])
        return DateValue(value, date(year, 6 * h - 5, 1), _month_end(year, 6 * h), "quarter")
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, (first, last) = int(m[1]), _SEASON_MONTHS[m[2]]
        end_year = year + 1 if last < first else year
        return DateValue(value, date(year, first, 1), _month_end(end_year, last), "season")
    if re.fullmatch(r"\d{4}", value):
        year = int(value)
        return DateValue(value, date(year, 1, 1), date(year, 12, 31), "year")
    if re.fullmatch(r"\d{3}", value):
        decade = int(value) * 10
        return DateValue(value, date(max(decade, 1), 1, 1), date(decade + 9, 12, 31), "decade")
    if re.fullmatch(r"\d{2}", value):
        century = int(value) * 100
        return DateValue(value, date(max(century, 1), 1, 1), date(century + 99, 12, 31), "century")
    return None


def date_to_value(day: date, granularity: str) -> str:
    """The TIMEX3 value naming the ``granularity``-sized stretch containing ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        iso = day.isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    raise ValueError(f"unknown granularity {granularity!r}")

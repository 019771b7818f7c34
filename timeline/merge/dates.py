"""Date spans for the merge: distances, week buckets, year typos."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.merge.features import _DAY, RECURRING, WIDE_SPAN_DAYS, MentionFeatures
from timeline.types import DateValue, EventMention


def _gap(a: DateValue, b: DateValue) -> timedelta:
    """Days between two spans (zero when they overlap)."""
    if a.overlaps(b):
        return timedelta(0)
    return b.start - a.end if a.end < b.start else a.start - b.end


def _is_wide(when: DateValue) -> bool:
    return (when.end - when.start).days > WIDE_SPAN_DAYS


def _weeks(start: date, end: date) -> range:
    return range(start.toordinal() // 7, end.toordinal() // 7 + 1)


def _year_shifts(day: date) -> list[date]:
    """The same month and day a year before and after (none for 29 February)."""
    if (day.month, day.day) == (2, 29):
        return []
    return [day.replace(year=day.year - 1), day.replace(year=day.year + 1)]


def _year_typo(a: DateValue, b: DateValue) -> bool:
    """Two precise days with the same month and day, a year apart: one source's year is wrong."""
    return (
        a.granularity in _DAY
        and b.granularity in _DAY
        and abs(a.start.year - b.start.year) == 1
        and (a.start.month, a.start.day) == (b.start.month, b.start.day)
    )


_TYPO_SPAN_DAYS = 92  # a month or a season ("last fall") may hold the day a wrong year stands for


def _year_typo_within(a: DateValue, b: DateValue) -> bool:
    """A precise day whose same month and day a year off lies in the other's month or season: the
    other source tells the day less precisely ("last October"), and one of them has the year wrong."""
    if a.granularity not in _DAY or b.granularity in _DAY or (b.end - b.start).days > _TYPO_SPAN_DAYS:
        return False
    if abs(a.start.year - b.start.year) != 1 and abs(a.start.year - b.end.year) != 1:
        return False  # cheap, and nearly always so
    return any(b.start <= shifted <= b.end for shifted in _year_shifts(a.start))


def _recurring(a: DateValue, b: DateValue, f: MentionFeatures, of: MentionFeatures) -> bool:
    return a.granularity in _DAY and b.granularity in _DAY and bool((f.concepts | of.concepts) & RECURRING)


def bounds(mention: EventMention) -> tuple[date, date]:
    """The days the mention's own date allows: a publication-implied day may be the day before
    (``EventMention.earliest``), so its span starts there."""
    assert mention.date is not None
    start = mention.date.start
    if mention.earliest is not None and mention.earliest < start:
        start = mention.earliest
    return start, mention.date.end


def compatible(a: EventMention, b: EventMention) -> bool:
    """The two mentions' dates can be one happening's: their (widened) spans overlap."""
    start_a, end_a = bounds(a)
    start_b, end_b = bounds(b)
    return start_a <= end_b and start_b <= end_a

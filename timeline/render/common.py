"""Helpers shared by every renderer: event order, date captions, source labels, text shortening."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from timeline.temporal.timex import value_to_date
from timeline.types import GRANULARITIES, Article, DateValue, Event, Timeline

_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_TIME_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
# Usual starting hour of each named part of the day, to order it among clock times.
_PART_OF_DAY_START = {"MO": 6, "DT": 9, "MI": 12, "AF": 13, "EV": 18, "NI": 21}


def _event_sort_key(event: Event) -> tuple:
    """Chronological order; when spans start together the coarser (longer) one comes first.

    A month heading before the days inside it reads like a chronology: the broad context, then the detail.
    """
    when = event.date
    assert when is not None
    span_days = (when.end - when.start).days
    coarseness = GRANULARITIES.index(when.granularity) if when.granularity in GRANULARITIES else 0
    return (when.start, -span_days, -coarseness, when.value)


def ordered_events(events: Iterable[Event]) -> list[Event]:
    """Dated events in time order, then undated ones in their given order (sort is stable)."""
    events = list(events)
    dated = sorted((e for e in events if e.date is not None), key=_event_sort_key)
    return dated + [e for e in events if e.date is None]


def _heading_key(when: DateValue | None) -> str | None:
    """What one date heading stands for: a time of day is filed under its calendar day."""
    if when is None:
        return None
    if when.granularity in ("day", "time") and when.start == when.end:
        return when.start.isoformat()
    return when.value


def _heading_date(events: list[Event]) -> DateValue | None:
    """The heading's date: the group's first day-level date, else the bare day holding its times."""
    first = events[0].date
    if first is None or first.granularity != "time":
        return first
    return DateValue(first.start.isoformat(), first.start, first.start, "day")


def _clock_parts(when: DateValue) -> tuple[str, str]:
    """``("2024-03-11", "NI")`` for ``2024-03-11TNI``: the day and the time part of a TIME value."""
    day, _, part = when.value.partition("T")
    return day, part


def time_of_day(when: DateValue | None) -> str:
    """The time part of a TIME value for a reader (``night``, ``15:00``); ``""`` for any other date."""
    if when is None or when.granularity != "time":
        return ""
    part = _clock_parts(when)[1]
    if part in _TIME_OF_DAY:
        return _TIME_OF_DAY[part]
    if re.fullmatch(r"\d{2}", part):
        return f"{part}:00"
    if re.fullmatch(r"\d{2}:\d{2}:00", part):
        return part[:5]
    return part


def _minutes_into_day(when: DateValue) -> tuple[int, int]:
    """Where a time of day sits, for ordering: a named part at its usual start, before a clock time there."""
    part = _clock_parts(when)[1]
    if part in _PART_OF_DAY_START:
        return (_PART_OF_DAY_START[part] * 60, 0)
    clock = re.match(r"(\d{2})(?::(\d{2}))?", part)
    if clock is None:
        return (24 * 60, 1)  # unknown: end of the day
    return (int(clock[1]) * 60 + int(clock[2] or 0), 1)


def _within_day_key(event: Event) -> tuple:
    """Day-level events first (the day's summary), then times of day in clock order; the sort is stable."""
    when = event.date
    if when is None or when.granularity != "time":
        return (0,)
    return (1, *_minutes_into_day(when))


def group_by_date(events: Iterable[Event]) -> Iterator[tuple[DateValue | None, list[Event]]]:
    """Runs of ordered events under one date heading; ``None`` is the undated group.

    Events dated to a time of day ("Monday night", "15:00") share their day's heading, after the
    events dated to the whole day, in clock order.  Only the grouping changes, not the events' dates.
    """
    current: list[Event] = []
    current_key: str | None = None
    for event in ordered_events(events):
        key = _heading_key(event.date)
        if current and key != current_key:
            yield _heading_date(current), sorted(current, key=_within_day_key)
            current = []
        current_key = key
        current.append(event)
    if current:
        yield _heading_date(current), sorted(current, key=_within_day_key)


def _day_text(day: date) -> str:
    return f"{day.day} {_MONTH_ABBR[day.month - 1]} {day.year}"


def _month_range(start: date, end: date) -> str:
    first, last = _MONTH_ABBR[start.month - 1], _MONTH_ABBR[end.month - 1]
    year = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{first}–{last} {year}"


def describe_date(when: DateValue) -> str:
    """A short human caption that also makes the granularity visible (``week of 14 Feb 2022``)."""
    value, start, end = when.value, when.start, when.end
    kind = when.granularity
    if kind == "time":
        return f"{start:%A} {time_of_day(when)}".strip()
    if kind == "day":
        if start != end:  # a weekend: two days
            return f"weekend of {_day_text(start)}–{_day_text(end)}"
        if value == start.isoformat():
            return f"{start:%A}"
        return f"{start:%A} {_day_text(start)}"  # e.g. 2022-W07-3: the day is not in the value
    if kind == "week":
        return f"week of {_day_text(start)}"
    if kind == "month":
        return f"{start:%B} {start.year}"
    if kind == "quarter":
        label = "half-year" if "-H" in value else "quarter"
        return f"{label}, {_month_range(start, end)}"
    if kind == "season":
        season = _SEASON_NAMES.get(value[-2:], "season")
        return f"{season} {start.year} ({_month_range(start, end)})"
    if kind == "year":
        return "year"
    if kind == "decade":
        return f"the {start.year - start.year % 10}s (decade)"
    if kind == "century":
        return f"the {start.year - start.year % 100}s (century)"
    return kind


def source_labels(timeline: Timeline) -> dict[str, str]:
    """A short, stable label per article id: ``1``, ``2`` ... in document order.

    Numbers stay short at 80 columns whatever the ids or outlet names look like; the legend maps them back.
    Ids cited by events but missing from ``documents`` still get a label.
    """
    labels: dict[str, str] = {}
    for doc in timeline.documents:
        labels.setdefault(doc.id, str(len(labels) + 1))
    for event in timeline.events:
        for doc_id in event.sources:
            labels.setdefault(doc_id, str(len(labels) + 1))
        for conflict in event.conflicts:
            for doc_id in conflict.sources:
                labels.setdefault(doc_id, str(len(labels) + 1))
    return labels


def documents_by_id(timeline: Timeline) -> dict[str, Article]:
    return {doc.id: doc for doc in timeline.documents}


def cited_documents(timeline: Timeline) -> set[str]:
    """Article ids the events cite, as a source or for a conflicting date."""
    cited = {doc_id for event in timeline.events for doc_id in event.sources}
    return cited | {doc_id for e in timeline.events for c in e.conflicts for doc_id in c.sources}


def source_list(timeline: Timeline) -> tuple[list[str], list[str]]:
    """The article ids a source list details, in label order, and the other articles read (named only).

    The list explains the printed lines, so it details the articles they cite and the re-sent copies of
    those (where else the same text ran).  Articles none of the printed events cite (left out by ``--top``
    or ``--since``, or giving no event) are only named.  With no event at all every article is detailed.
    """
    ids = list(source_labels(timeline))
    cited = cited_documents(timeline)
    if not cited:
        return ids, []
    detailed = [doc_id for doc_id in ids if doc_id in cited or timeline.copies.get(doc_id) in cited]
    shown = set(detailed)
    return detailed, [doc_id for doc_id in ids if doc_id not in shown]


def copy_note(doc_id: str, timeline: Timeline, name: Callable[[str], str]) -> str:
    """``repeats the text of [1] ...`` for a re-sent copy (see ``Timeline.copies``); ``""`` for any other.

    A cited copy has sentences of its own (a write-thru's added paragraph); the others are counted
    under their original only.
    """
    original = timeline.copies.get(doc_id)
    if original is None:
        return ""
    if doc_id in cited_documents(timeline):
        return (
            f"repeats most of the text of {name(original)}: only the sentences it adds are cited as its own"
        )
    return f"repeats the text of {name(original)}: counted as one source with it"


# C0/C1 control characters: an escape sequence in an article must not restyle or corrupt the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """User text made safe for one line of output: control characters dropped, whitespace collapsed."""
    return re.sub(r"\s+", " ", _CONTROL.sub(" ", text)).strip()


TITLE_DISPLAY = 120  # characters of an event title on one line (the JSON and CSV carry it whole)


def display_title(title: str) -> str:
    """An event's title for a one-line place (terminal, Markdown, HTML and TimelineJS headline, ICS
    SUMMARY): cleaned and shortened at a word boundary."""
    return shorten(title, TITLE_DISPLAY) or "(untitled event)"


def shorten(text: str, limit: int) -> str:
    """Clean the text and cut it at a word boundary, marking the cut with an ellipsis."""
    flat = clean(text)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def summary_counts(timeline: Timeline) -> dict[str, int]:
    """The numbers in the one-line summary and in the JSON ``summary`` object.

    Undated events and articles are counted as ``timeline check`` counts its ``undated-event`` and
    ``undated-article`` gaps, so the two commands agree on the same files.
    """
    cited = {doc_id for event in timeline.events for doc_id in event.sources}
    return {
        "articles": len(timeline.documents),
        "events": len(timeline.events),
        "sources": len(cited),
        "conflicts": sum(len(event.conflicts) for event in timeline.events),
        "gaps": len(timeline.gaps),
        "undated_events": sum(1 for event in timeline.events if event.date is None),
        "undated_articles": sum(1 for doc in timeline.documents if is_undated_article(doc)),
    }


def is_undated_article(article: Article) -> bool:
    """No publication date, not even bounds: what ``timeline check`` reports as an ``undated-article``."""
    published = article.published
    return published.value is None and published.earliest is None and published.latest is None


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(timeline: Timeline) -> str:
    """``4 articles read · 12 events · 4 sources · 1 conflict``, then gaps (only when some were looked for
    and found: ``build`` does not look for them) and the undated events and articles."""
    counts = summary_counts(timeline)
    parts = [
        f"{plural(counts['articles'], 'article')} read",
        plural(counts["events"], "event"),
        plural(counts["sources"], "source"),
        plural(counts["conflicts"], "conflict"),
    ]
    if counts["gaps"]:
        parts.append(plural(counts["gaps"], "gap"))
    if counts["undated_events"]:
        parts.append(plural(counts["undated_events"], "undated event"))
    if counts["undated_articles"]:
        parts.append(plural(counts["undated_articles"], "undated article"))
    return " · ".join(parts)


def published_text(article: Article) -> str:
    """``2022-02 (header)``, ``unknown`` ... for legends and source lists."""
    published = article.published
    if published.value is None or _bounds_say_more(published):
        if published.earliest and published.latest:
            return f"between {published.earliest} and {published.latest} ({published.source})"
        if published.earliest:
            return f"on or after {published.earliest} ({published.source})"
        if published.latest:
            return f"on or before {published.latest} ({published.source})"
        return "unknown"
    return f"{published.value} ({published.source})"


def _bounds_say_more(published) -> bool:
    """Bounds narrower than a coarse value (an inferred "2024-W11" that is really 14-17 March)."""
    if not (published.earliest and published.latest):
        return False
    span = value_to_date(published.value)
    return span is not None and (span.start < published.earliest or span.end > published.latest)


def line_of(text: str, offset: int) -> int:
    """1-based line number of ``offset`` in ``text``."""
    return text.count("\n", 0, offset) + 1


def gap_span(start: date | None, end: date | None) -> str:
    """``1994-12-31 – 2022-02-01`` for interval gaps, ``""`` when the gap has no dates."""
    if start is None and end is None:
        return ""
    low = start.isoformat() if start else "…"
    high = end.isoformat() if end else "…"
    return f"{low} – {high}"


def span_text(when: DateValue) -> str:
    """The calendar days a date covers, for a reader: ``14 Feb 2022``, ``14–20 Feb 2022``, ``1994``."""
    start, end = when.start, when.end
    if start == end:
        return _day_text(start)
    if when.granularity in ("year", "decade", "century"):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {_MONTH_ABBR[start.month - 1]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {_MONTH_ABBR[start.month - 1]} – {_day_text(end)}"
    return f"{_day_text(start)} – {_day_text(end)}"


def is_span(when: DateValue | None) -> bool:
    """True for a date covering more than one day (a week, a month, a weekend ...)."""
    return when is not None and when.end > when.start


def clock(when: DateValue | None) -> tuple[int, int] | None:
    """``(15, 30)`` for a TIME value with a clock time (``2022-02-14T15:30``); None for anything else."""
    if when is None or when.granularity != "time":
        return None
    found = re.fullmatch(r"(\d{2})(?::(\d{2}))?(?::\d{2})?", _clock_parts(when)[1])
    if found is None or int(found[1]) > 23:
        return None
    return int(found[1]), int(found[2] or 0)


def outlet_name(doc_id: str, docs: dict[str, Article]) -> str:
    """The outlet if known, else the article id (plain text; renderers escape it)."""
    doc = docs.get(doc_id)
    return clean(doc.source) if doc is not None and doc.source else clean(doc_id)

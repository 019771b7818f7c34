"""TimelineJS3 JSON (``--format timelinejs``): load the file in a TimelineJS embed to publish the chronology.

Follows the documented format (https://timeline.knightlab.com/docs/json-format.html): a ``title`` slide
and ``events``, each with ``start_date`` (and ``end_date`` for a span) as ``{year, month, day}`` objects
holding only the parts the event's granularity really has, a ``display_date`` for weeks and coarser dates,
``text`` with a ``headline`` and an HTML ``text`` (the sentence and its sources), ``group`` by status and a
stable ``unique_id``.
Undated events cannot be placed on a TimelineJS axis: they are counted on the title slide instead.
"""

from __future__ import annotations

from html import escape

from timeline.render.common import (
    clock,
    describe_date,
    display_title,
    documents_by_id,
    is_span,
    ordered_events,
    outlet_name,
    span_text,
    summary_line,
    time_of_day,
)
from timeline.render.jsonout import dumps
from timeline.types import GRANULARITIES, Article, DateValue, Event, Timeline

# Granularities for which TimelineJS's own date display would mislead (it would print a single day).
_DISPLAYED_AS_SPAN = frozenset(GRANULARITIES[GRANULARITIES.index("week") :])


def _date_object(when: DateValue, *, end: bool) -> dict:
    """``{"year": 2022, "month": 2, "day": 14}`` with only the parts the granularity has."""
    day = when.end if end else when.start
    kind = when.granularity
    if kind in ("year", "decade", "century"):
        return {"year": day.year}
    if kind in ("month", "quarter", "season"):
        return {"year": day.year, "month": day.month}
    parts = {"year": day.year, "month": day.month, "day": day.day}
    if (hour_minute := clock(when)) is not None:
        parts["hour"], parts["minute"] = hour_minute
    return parts


def _needs_end(when: DateValue) -> bool:
    """A span TimelineJS must be told the end of: one start object alone already means a whole month/year."""
    if when.granularity in ("month", "year"):
        return False
    return is_span(when)


def _display_date(when: DateValue) -> str | None:
    if when.granularity == "week":
        return f"week of {span_text(when)}"
    if when.granularity == "year":
        return str(when.start.year)
    if (
        when.granularity in _DISPLAYED_AS_SPAN
    ):  # "February 2022", "quarter, Jan–Mar 2022", "the 1990s (decade)"
        return describe_date(when)
    if when.granularity == "time" and clock(when) is None:  # "Monday night": no clock time to show
        return f"{span_text(when)}, {time_of_day(when)}"
    if is_span(when):  # a weekend
        return describe_date(when)
    return None


def _sources_html(sources: list[str], docs: dict[str, Article]) -> str:
    names = []
    for doc_id in sources:
        doc = docs.get(doc_id)
        name = escape(outlet_name(doc_id, docs))
        names.append(f'<a href="{escape(doc.url)}">{name}</a>' if doc is not None and doc.url else name)
    return ", ".join(names)


def _text_html(event: Event, docs: dict[str, Article]) -> str:
    """The event's first sentence, its sources and any conflicting dates, as TimelineJS's HTML text."""
    parts = []
    if event.mentions:
        parts.append(f"<p>“{escape(' '.join(event.mentions[0].sentence.text.split()))}”</p>")
    parts.append(f"<p>Sources: {_sources_html(event.sources, docs)}</p>")
    for conflict in event.conflicts:
        by = _sources_html(conflict.sources, docs)
        parts.append(f"<p>⚠ Conflict: {escape(conflict.value)} according to {by}</p>")
    return "".join(parts)


def event_slide(event: Event, docs: dict[str, Article]) -> dict:
    when = event.date
    assert when is not None
    slide: dict = {"start_date": _date_object(when, end=False)}
    if _needs_end(when):
        slide["end_date"] = _date_object(when, end=True)
    if display := _display_date(when):
        slide["display_date"] = display
    slide["text"] = {"headline": escape(display_title(event.title)), "text": _text_html(event, docs)}
    slide["group"] = event.status
    slide["unique_id"] = event.id
    return slide


def _title_slide(timeline: Timeline, undated: int) -> dict:
    text = escape(summary_line(timeline))
    if undated:
        text += f"<br>{undated} undated event{'s' if undated != 1 else ''} not shown on the time axis."
    return {"text": {"headline": "Timeline", "text": text}}


def to_timelinejs(timeline: Timeline) -> dict:
    """The TimelineJS3 data object for ``timeline``."""
    docs = documents_by_id(timeline)
    events = ordered_events(timeline.events)
    dated = [event for event in events if event.date is not None]
    return {
        "title": _title_slide(timeline, len(events) - len(dated)),
        "events": [event_slide(event, docs) for event in dated],
    }


def render_timelinejs(timeline: Timeline) -> str:
    return dumps(to_timelinejs(timeline))  # the same text as json.dumps(indent=2, ensure_ascii=False), faster

"""iCalendar (``--format ics``, RFC 5545, via the ``icalendar`` library): the chronology in a calendar app.

- A day is an all-day event; a week, month, quarter or year spans its days (``DTEND`` is exclusive, so the
  day after the last one); a clock time starts at that (floating, local) time.
- ``SUMMARY`` is the title, ``DESCRIPTION`` the sentence, the sources, the date as found and any conflicting
  dates; ``STATUS`` is ``TENTATIVE`` for expected events, ``CATEGORIES`` the event's status.
- ``UID`` is the event's stable id, so re-importing an updated chronology updates events, not duplicates them.
- ``DTSTAMP`` is when the information was last revised: the latest publication day among the event's sources
  (``SOURCE_DATE_EPOCH`` or now when none has one), so the same articles give the same file.

Undated events have no place in a calendar and are left out (the terminal and JSON outputs list them).
"""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone

from timeline import __version__
from timeline.render.common import (
    clock,
    describe_date,
    display_title,
    documents_by_id,
    ordered_events,
    outlet_name,
    span_text,
    time_of_day,
)
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, Timeline

UID_DOMAIN = "timeline.invalid"  # RFC 5545 suggests id@domain; .invalid never names a real host


def _description(event: Event, docs: dict[str, Article]) -> str:
    assert event.date is not None
    lines = []
    if event.mentions:
        lines.append(f"“{' '.join(event.mentions[0].sentence.text.split())}”")
    when = f"{event.date.value} ({describe_date(event.date)}: {span_text(event.date)})"
    if part := time_of_day(event.date):
        when += f", {part}"
    lines.append(f"Date: {when}; {event.status}")
    lines.append("Sources: " + ", ".join(_source_entry(doc_id, docs) for doc_id in event.sources))
    for conflict in event.conflicts:
        by = ", ".join(outlet_name(doc_id, docs) for doc_id in conflict.sources)
        lines.append(f"Conflict: {conflict.value} according to {by}")
    return "\n".join(lines)


def _source_entry(doc_id: str, docs: dict[str, Article]) -> str:
    doc = docs.get(doc_id)
    name = outlet_name(doc_id, docs)
    if doc is not None and doc.url:
        return f"{name} <{doc.url}>"
    return name if name == doc_id else f"{name} ({doc_id})"


def _last_revised(event: Event, docs: dict[str, Article]) -> datetime:
    days = []
    for doc_id in event.sources:
        doc = docs.get(doc_id)
        span = value_to_date(doc.published.value) if doc is not None and doc.published.value else None
        if span is not None:
            days.append(span.start)
    if days:
        return datetime.combine(max(days), time(), tzinfo=timezone.utc)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc).replace(microsecond=0)


def _start_and_end(event: Event) -> tuple[date | datetime, date | None]:
    """DTSTART and the exclusive DTEND (None: a clock time, an instant)."""
    when = event.date
    assert when is not None
    if (hour_minute := clock(when)) is not None:
        return datetime.combine(when.start, time(*hour_minute)), None
    return when.start, when.end + timedelta(days=1)


def calendar_event(event: Event, docs: dict[str, Article]):
    from icalendar import Event as CalendarEvent  # imported late: only this format needs it

    start, end = _start_and_end(event)
    entry = CalendarEvent()
    entry.add("uid", f"{event.id}@{UID_DOMAIN}")
    entry.add("dtstamp", _last_revised(event, docs))
    entry.add("dtstart", start)
    if end is not None:
        entry.add("dtend", end)
    entry.add("summary", display_title(event.title))
    entry.add("description", _description(event, docs))
    entry.add("status", "TENTATIVE" if event.status == "expected" else "CONFIRMED")
    entry.add("categories", [event.status])
    first_url = next((docs[d].url for d in event.sources if d in docs and docs[d].url), None)
    if first_url:
        entry.add("url", first_url)
    return entry


def render_ics(timeline: Timeline) -> str:
    from icalendar import Calendar

    docs = documents_by_id(timeline)
    calendar = Calendar()
    calendar.add("prodid", f"-//timeline//timeline {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Timeline")
    for event in ordered_events(timeline.events):
        if event.date is not None:
            calendar.add_component(calendar_event(event, docs))
    return calendar.to_ical().decode("utf-8")

"""CSV (``--format csv``): one row per event, RFC 4180 (comma, double quotes, CRLF), for spreadsheets.

Undated events are rows with empty date cells, after the dated ones.  A text cell that a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-`` or ``@``) gets a leading apostrophe, the usual guard
against formula injection from article text.
"""

from __future__ import annotations

import csv
import io

from timeline.render.common import ordered_events
from timeline.types import Event

COLUMNS = (
    "date",  # the TIMEX3 value: 2022-02-14, 2022-W07, 2022-02, 1994
    "start",  # first day it covers (ISO)
    "end",  # last day it covers (ISO)
    "granularity",
    "title",
    "status",
    "sources",  # article ids, separated by "; "
    "source_count",
    "conflict",  # "yes" when sources disagree on the date
    "conflicting_dates",  # the other dates given, separated by "; "
    "document",  # the first mention's article id
    "sentence_start",  # its character offsets in that article
    "sentence_end",
    "line",
    "sentence",
    "event_id",
)
_FORMULA_START = ("=", "+", "-", "@")


def _text_cell(text: str) -> str:
    flat = " ".join(text.split())
    return "'" + flat if flat.startswith(_FORMULA_START) else flat


def event_row(event: Event) -> list[str]:
    when = event.date
    first = event.mentions[0] if event.mentions else None
    return [
        when.value if when else "",
        when.start.isoformat() if when else "",
        when.end.isoformat() if when else "",
        when.granularity if when else "",
        _text_cell(event.title),
        event.status,
        "; ".join(event.sources),
        str(len(event.sources)),
        "yes" if event.conflicts else "no",
        "; ".join(conflict.value for conflict in event.conflicts),
        first.document if first else "",
        str(first.sentence.start) if first else "",
        str(first.sentence.end) if first else "",
        str(first.sentence.line) if first else "",
        _text_cell(first.sentence.text) if first else "",
        event.id,
    ]


def render_csv(timeline) -> str:
    """The header row and one row per event, each line ending in CRLF as RFC 4180 asks."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")  # the default dialect quotes only where needed
    writer.writerow(COLUMNS)
    writer.writerows(event_row(event) for event in ordered_events(timeline.events))
    return buffer.getvalue()

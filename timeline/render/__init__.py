"""Render a Timeline (or one article's time expressions) as terminal text, Markdown, JSON, JSONL, TimelineJS,
CSV, iCalendar or a self-contained HTML page.

Every function returns a string without a trailing newline (CSV and iCalendar end their last line with the
CRLF their standards ask for); printing is the caller's job.
The JSON shapes are a public contract: see ``timeline/schema/*.schema.json`` and ``docs/schema.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from timeline.errors import UsageError
from timeline.render.dates import render_dates_terminal
from timeline.render.jsonout import (
    SCHEMA_VERSION,
    check_to_dict,
    dates_to_dict,
    dumps,
    event_to_dict,
    to_dict,
)
from timeline.render.jsonout import iter_json as _iter_json
from timeline.render.jsonout import iter_jsonl as _iter_jsonl
from timeline.render.jsonout import render_json as _render_json
from timeline.render.jsonout import render_jsonl as _render_jsonl
from timeline.render.markdown import render_markdown
from timeline.render.terminal import render_terminal
from timeline.types import Article, TimeExpression, Timeline

FORMATS = ("terminal", "markdown", "json", "jsonl", "timelinejs", "csv", "ics", "html")
DATES_FORMATS = ("terminal", "json")

__all__ = [
    "DATES_FORMATS",
    "FORMATS",
    "SCHEMA_VERSION",
    "check_to_dict",
    "dates_to_dict",
    "dumps",
    "plain_list",
    "event_to_dict",
    "render",
    "render_chunks",
    "render_dates",
    "to_dict",
]


def _timelinejs(timeline: Timeline) -> str:
    from timeline.render.timelinejs import render_timelinejs

    return render_timelinejs(timeline)


def _csv(timeline: Timeline) -> str:
    from timeline.render.csvout import render_csv

    return render_csv(timeline)


def _ics(timeline: Timeline) -> str:
    from timeline.render.ics import render_ics

    return render_ics(timeline)


def _html(timeline: Timeline) -> str:
    from timeline.render.html import render_html

    return render_html(timeline)


# Formats for other programs, imported only when asked for (the calendar library is not light).
_FILE_FORMATS = {"timelinejs": _timelinejs, "csv": _csv, "ics": _ics, "html": _html}


def render(
    timeline: Timeline, fmt: str, *, color: bool = False, width: int = 100, explain: bool = False
) -> str:
    """The timeline in ``fmt`` (one of ``FORMATS``); ``color``/``width`` apply to the terminal view,
    ``explain`` to the terminal and Markdown views (the HTML page always carries the derivations)."""
    if fmt == "terminal":
        return render_terminal(timeline, color=color, width=width, explain=explain)
    if fmt == "markdown":
        return render_markdown(timeline, explain=explain)
    if fmt == "json":
        return _render_json(timeline)
    if fmt == "jsonl":
        return _render_jsonl(timeline)
    if fmt in _FILE_FORMATS:
        return _FILE_FORMATS[fmt](timeline)
    raise UsageError(f"unknown output format {fmt!r}; choose one of: {plain_list(FORMATS)}")


def render_chunks(
    timeline: Timeline, fmt: str, *, color: bool = False, width: int = 100, explain: bool = False
) -> Iterator[str]:
    """``render`` in pieces that join to the same text: JSON and JSONL one event at a time, so a large
    timeline is written without its whole document in memory; other formats in one piece."""
    if fmt == "json":
        return _iter_json(timeline)
    if fmt == "jsonl":
        return _iter_jsonl(timeline)
    return iter([render(timeline, fmt, color=color, width=width, explain=explain)])


def plain_list(words: tuple[str, ...] | list[str]) -> str:
    """``terminal, markdown or json``: a list of choices in plain words."""
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def render_dates(
    article: Article, expressions: list[TimeExpression], fmt: str, *, color: bool = False, width: int = 100
) -> str:
    """One article's time expressions (``timeline dates``) as a terminal table or JSON."""
    if fmt == "terminal":
        return render_dates_terminal(article, expressions, color=color, width=width)
    if fmt == "json":
        return dumps(dates_to_dict(article, expressions))
    raise UsageError(f"unknown dates format {fmt!r}; choose one of: {plain_list(DATES_FORMATS)}")

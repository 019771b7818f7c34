"""The terminal view (rich): events under date headings, source badges, a legend and a summary line.

Everything is rendered to a string; with ``color=False`` the text holds no ANSI codes at all.
"""

from __future__ import annotations

import io
import re

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline.render.common import (
    TITLE_DISPLAY,
    clean,
    copy_note,
    describe_date,
    display_title,
    documents_by_id,
    gap_span,
    group_by_date,
    published_text,
    shorten,
    source_labels,
    source_list,
    summary_line,
    time_of_day,
)
from timeline.render.explain import (
    copy_notes,
    explain_mention,
    explain_ranking,
    explain_summary_sentence,
    published_evidence,
)
from timeline.report import summarised
from timeline.types import DateValue, Event, EventMention, Timeline

QUOTE_LIMIT = 140  # quoted sentences under --explain
CONFLICT_QUOTE_LIMIT = 90
NOT_CITED_LIMIT = 20  # articles named on the "not cited" line of the source list

# The end of a line made only of spaces and style codes: rich pads table cells with (styled) spaces.
_TRAILING_PADDING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$")

STYLE = {
    "date": "bold cyan",
    "caption": "cyan",
    "title": "bold",
    "badge": "magenta",
    "expected": "bold yellow",
    "background": "dim",
    "conflict": "bold red",
    "undated": "bold red",
    "quote": "italic",
    "derivation": "green",
    "dim": "dim",
    "warn": "yellow",
}


EVENT_INDENT = 4  # "  • " before an event's line
MIN_TITLE_ROOM = 40  # a title keeps this much even beside many sources (the line then wraps)


def make_console(color: bool, width: int) -> tuple[Console, io.StringIO]:
    """A console writing to a string; every setting explicit so TERM, NO_COLOR ... can't change it."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        height=25,  # with both set, rich never asks the terminal for its size
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    return console, buffer


def _drop_spaces(match: re.Match[str]) -> str:
    return match.group(0).replace(" ", "")


def finish(buffer: io.StringIO, color: bool) -> str:
    """The rendered text, trailing padding removed (rich pads table cells with spaces)."""
    lines = [_TRAILING_PADDING.sub(_drop_spaces, line) for line in buffer.getvalue().splitlines()]
    return "\n".join(lines).rstrip("\n")


def print_item(console: Console, indent: int, marker: str, body: Text, marker_style: str = "") -> None:
    """``marker`` then ``body``; wrapped lines of ``body`` hang under its first character."""
    grid = Table.grid(padding=0)
    grid.add_column(width=indent + cell_len(marker), no_wrap=True)
    grid.add_column()
    grid.add_row(Text(" " * indent + marker, style=marker_style), body)
    console.print(grid)


def _badges(sources: list[str], labels: dict[str, str]) -> str:
    return " ".join(f"[{labels.get(doc_id) or clean(doc_id)}]" for doc_id in sources)


def _date_heading(when: DateValue | None) -> Text:
    if when is None:
        return Text.assemble(("Undated", STYLE["undated"]), ("  no date could be determined", STYLE["dim"]))
    return Text.assemble((when.value, STYLE["date"]), "  ", (describe_date(when), STYLE["caption"]))


def _event_text(event: Event, labels: dict[str, str], width: int = TITLE_DISPLAY) -> Text:
    """The event's line: its time, its title shortened to what the line leaves, its sources, its status."""
    when = time_of_day(event.date)  # the heading gives the day; the time goes on the event's line
    prefix = f"{when}  " if when else ""
    badges = _badges(event.sources, labels)
    status = f"  {event.status}" if event.status != "reported" else ""
    room = width - EVENT_INDENT - len(prefix) - 2 - len(badges) - len(status)
    text = Text(prefix, style=STYLE["caption"])
    text.append(shorten(display_title(event.title), max(MIN_TITLE_ROOM, room)), style=STYLE["title"])
    text.append("  ")
    text.append(badges, style=STYLE["badge"])
    if status:
        text.append("  ")
        text.append(event.status, style=STYLE.get(event.status, ""))
    return text


def _conflict_text(value: str, sources: list[str], quote: str, labels: dict[str, str]) -> Text:
    text = Text(f"conflict: {clean(value)} per {_badges(sources, labels)}", style=STYLE["conflict"])
    if quote:
        text.append(f"  “{shorten(quote, CONFLICT_QUOTE_LIMIT)}”", style=STYLE["quote"])
    return text


def _mention_lines(mention: EventMention, timeline: Timeline, labels: dict[str, str]) -> tuple[Text, Text]:
    label = labels.get(mention.document) or clean(mention.document)
    quote = Text(f"[{label}] line {mention.sentence.line}: ", style=STYLE["badge"])
    quote.append(f"“{shorten(mention.sentence.text, QUOTE_LIMIT)}”", style=STYLE["quote"])
    article = next((doc for doc in timeline.documents if doc.id == mention.document), None)
    expressions = timeline.expressions.get(mention.document, [])
    derivation = Text(explain_mention(mention, article, expressions), style=STYLE["derivation"])
    return quote, derivation


def _print_event(console: Console, event: Event, timeline: Timeline, labels: dict[str, str], explain: bool):
    print_item(console, 2, "• ", _event_text(event, labels, console.width))
    for sentence in event.summary[1:]:  # --sentences K: the title is the first
        line = Text(clean(sentence.text), style=STYLE["title"])
        line.append("  ")
        line.append(_badges(sentence.sources, labels), style=STYLE["badge"])
        print_item(console, 4, "+ ", line, STYLE["dim"])
    for conflict in event.conflicts:
        conflict_text = _conflict_text(conflict.value, conflict.sources, conflict.text, labels)
        print_item(console, 4, "⚠ ", conflict_text, STYLE["conflict"])
    if explain:
        if event.ranking is not None:
            print_item(console, 4, "› ", Text(explain_ranking(event.ranking), style=STYLE["derivation"]))
        for number, sentence in enumerate(event.summary, start=1):
            label = labels.get(sentence.sources[0]) or clean(sentence.sources[0])
            why = f"[{label}] summary sentence {number}: {explain_summary_sentence(sentence)}"
            print_item(console, 4, "› ", Text(why, style=STYLE["derivation"]))
        for mention in event.mentions:
            quote, derivation = _mention_lines(mention, timeline, labels)
            print_item(console, 4, "› ", quote, STYLE["dim"])
            print_item(console, 6, "", derivation)
        for note in copy_notes(event, timeline, lambda doc_id: _badges([doc_id], labels)):
            print_item(console, 4, "› ", Text(note, style=STYLE["derivation"]), STYLE["dim"])


def _print_publication_notes(
    console: Console, timeline: Timeline, labels: dict[str, str], explain: bool = False
) -> None:
    """Articles whose publication date was not stated: every relative date in them leans on a guess.

    The evidence is shortened to one line, except under ``--explain``, whose point it is."""
    for doc in timeline.documents:
        if doc.published.source not in ("inferred", "unknown"):
            continue
        what = f"publication date {published_text(doc)}"
        if doc.published.evidence:
            evidence = clean(doc.published.evidence) if explain else shorten(doc.published.evidence, 120)
            what += f": {evidence}"
        note = Text(f"[{labels[doc.id]}] {clean(doc.id)}: {what}", style=STYLE["warn"])
        print_item(console, 0, "! ", note, STYLE["warn"])


def _print_legend(
    console: Console, timeline: Timeline, labels: dict[str, str], explain: bool = False
) -> None:
    console.print(Text("Sources", style="bold"))
    known = documents_by_id(timeline)
    detailed, others = source_list(timeline)
    for doc_id in detailed:
        label = labels[doc_id]
        doc = known.get(doc_id)
        head = Text(clean(doc_id))
        if doc is None:
            print_item(console, 2, f"[{label}] ", head, STYLE["badge"])
            continue
        if doc.source:
            head.append(f"  {clean(doc.source)}", style="bold")
        if doc.title:
            head.append(f"  “{shorten(doc.title, 90)}”")
        published = published_text(doc)
        if doc.published.value is not None and doc.published.evidence:
            evidence = (
                published_evidence(doc.published, limit=None)
                if explain
                else published_evidence(doc.published)
            )
            published = f"{doc.published.value} ({evidence})"
        details = f"{clean(doc.url or doc.path)} · published {published}"
        head.append("\n" + details, style=STYLE["dim"])
        if note := copy_note(doc_id, timeline, lambda other: _badges([other], labels)):
            head.append("\n" + note, style=STYLE["warn"])
        print_item(console, 2, f"[{label}] ", head, STYLE["badge"])
    if others:
        print_item(console, 2, "", _not_cited(others, labels), STYLE["dim"])


def _not_cited(others: list[str], labels: dict[str, str]) -> Text:
    """One line naming the articles read that no printed event cites (``--top`` leaves many out)."""
    named = ", ".join(f"{_badges([doc_id], labels)} {clean(doc_id)}" for doc_id in others[:NOT_CITED_LIMIT])
    if len(others) > NOT_CITED_LIMIT:
        named += f" and {len(others) - NOT_CITED_LIMIT} more"
    return Text(f"also read, not cited above: {named}", style=STYLE["dim"])


def _print_gaps(console: Console, timeline: Timeline) -> None:
    console.print(Text("Gaps", style="bold"))
    for gap in timeline.gaps:
        where = clean(gap.path or gap.document or "")
        if where and gap.line:
            where += f":{gap.line}"
        body = Text(f"{clean(gap.kind)}: {clean(gap.message)}")
        if span := gap_span(gap.start, gap.end):
            body.append(f"  {span}", style=STYLE["caption"])
        if where:
            body.append(f"  ({where})", style=STYLE["dim"])
        marker_style = STYLE["conflict"] if gap.failing else STYLE["dim"]
        print_item(console, 2, "✗ " if gap.failing else "· ", body, marker_style)


def render_terminal(
    timeline: Timeline, *, color: bool = False, width: int = 100, explain: bool = False
) -> str:
    console, buffer = make_console(color, width)
    labels = source_labels(timeline)
    console.print(Text("Timeline", style="bold underline"))
    _print_publication_notes(console, timeline, labels, explain)
    if not timeline.events:
        console.print(Text("No events found.", style=STYLE["warn"]))
    for when, events in group_by_date(timeline.events):
        console.print()
        console.print(_date_heading(when))
        for event in events:
            _print_event(console, event, timeline, labels, explain)
    console.print()
    if labels:
        _print_legend(console, timeline, labels, explain)
        console.print()
    if timeline.gaps:
        _print_gaps(console, timeline)
        console.print()
    for warning in summarised(timeline.warnings):  # many are summarised (timeline.report)
        print_item(console, 0, "! ", Text(clean(warning), style=STYLE["warn"]), STYLE["warn"])
    console.print(Text(summary_line(timeline), style="bold"))
    return finish(buffer, color)

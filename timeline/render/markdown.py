"""The Markdown view: renders cleanly on GitHub; user text is escaped so it cannot break the layout."""

from __future__ import annotations

import re

from timeline.render.common import (
    clean,
    copy_note,
    describe_date,
    display_title,
    documents_by_id,
    gap_span,
    group_by_date,
    published_text,
    shorten,
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
from timeline.types import Article, DateValue, Event, Timeline

QUOTE_LIMIT = 200

# Characters that start emphasis, links, tables, HTML, code or strikethrough anywhere in a line.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# Characters that only matter at the start of a line: headings, quotes, lists, setext underlines.
_LEADING_SPECIAL = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def escape(text: str) -> str:
    """Make user text literal in Markdown: one line, special characters backslash-escaped."""
    flat = clean(text)
    flat = _INLINE_SPECIAL.sub(r"\\\1", flat)
    match = _LEADING_SPECIAL.match(flat)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
        flat = match.group(1) + escaped + flat[match.end() :]
    return flat


def code(text: str) -> str:
    """An inline code span that survives backticks inside ``text``."""
    text = clean(text)
    if "`" not in text:
        return f"`{text}`"
    return f"`` {text} ``"


def _link(label: str, url: str) -> str:
    target = url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    return f"[{label}](<{target}>)"


def source_name(doc_id: str, docs: dict[str, Article]) -> str:
    """The outlet if known, else the article id; linked to the article's URL when there is one."""
    doc = docs.get(doc_id)
    label = escape(doc.source) if doc is not None and doc.source else code(doc_id)
    if doc is not None and doc.url:
        return _link(label, doc.url)
    return label


def _heading(when: DateValue | None) -> str:
    if when is None:
        return "## Undated\n\n*No date could be determined for these events.*"
    return f"## {when.value} ({describe_date(when)})"


def _event_lines(event: Event, timeline: Timeline, docs: dict[str, Article], explain: bool) -> list[str]:
    sources = ", ".join(source_name(doc_id, docs) for doc_id in event.sources)
    when = time_of_day(event.date)  # the heading gives the day; the time goes on the event's line
    time_prefix = f"*{escape(when)}* " if when else ""
    line = f"- {time_prefix}**{escape(display_title(event.title))}** — {sources}"
    if event.status != "reported":
        line += f" *({event.status})*"
    lines = [line]
    for sentence in event.summary[1:]:  # --sentences K: the title is the first
        cited = ", ".join(source_name(doc_id, docs) for doc_id in sentence.sources)
        lines.append(f"  - {escape(sentence.text)} — {cited}")
    for conflict in event.conflicts:
        by = ", ".join(source_name(doc_id, docs) for doc_id in conflict.sources)
        note = f"  - ⚠ **conflict:** {escape(conflict.value)} per {by}"
        if conflict.text:
            note += f": “{escape(shorten(conflict.text, QUOTE_LIMIT))}”"
        lines.append(note)
    if explain:
        lines.extend(_explain_lines(event, timeline, docs))
    return lines


def _explain_lines(event: Event, timeline: Timeline, docs: dict[str, Article]) -> list[str]:
    lines = [f"  - {escape(explain_ranking(event.ranking))}"] if event.ranking is not None else []
    lines += [
        f"  - summary sentence {n} ({code(s.sources[0])}): {escape(explain_summary_sentence(s))}"
        for n, s in enumerate(event.summary, start=1)
    ]
    for mention in event.mentions:
        where = f"{code(mention.document)} line {mention.sentence.line}"
        quote = escape(shorten(mention.sentence.text, QUOTE_LIMIT))
        derivation = explain_mention(
            mention, docs.get(mention.document), timeline.expressions.get(mention.document, [])
        )
        lines.append(f"  - {where}: “{quote}”")
        lines.append(f"    - {escape(derivation)}")
    lines.extend(f"  - {note}" for note in copy_notes(event, timeline, code))
    return lines


def _published_note(doc: Article) -> str:
    """``published 2022-02 (header: " date 2022-02")`` — the value and where it came from."""
    published = doc.published
    if published.value is None:
        return f"published {escape(published_text(doc))}"
    return f"published {escape(published.value)} ({escape(published_evidence(published))})"


def _source_lines(timeline: Timeline) -> list[str]:
    """The articles the events cite (and re-sends of them) in full; the others read named on one line."""
    lines = ["## Sources", ""]
    docs = documents_by_id(timeline)
    detailed, others = source_list(timeline)
    for doc_id in detailed:
        doc = docs.get(doc_id)
        if doc is None:
            lines.append(f"- {code(doc_id)}")
            continue
        parts = [code(doc.id)]
        if doc.source:
            parts.append(escape(doc.source))
        if doc.title:
            parts.append(f"“{escape(doc.title)}”")
        parts.append(_link(escape(doc.url), doc.url) if doc.url else code(doc.path))
        parts.append(_published_note(doc))
        if note := copy_note(doc.id, timeline, code):
            parts.append(f"*{note}*")
        lines.append("- " + " — ".join(parts))
    if others:
        lines.extend(["", f"*Also read, not cited above:* {', '.join(code(doc_id) for doc_id in others)}"])
    return lines


def _gap_lines(timeline: Timeline) -> list[str]:
    lines = ["## Gaps", ""]
    for gap in timeline.gaps:
        where = gap.path or gap.document
        location = f" ({code(where + (f':{gap.line}' if gap.line else ''))})" if where else ""
        flag = "✗" if gap.failing else "·"
        span = gap_span(gap.start, gap.end)
        span = f" ({span})" if span else ""
        lines.append(f"- {flag} **{escape(gap.kind)}**: {escape(gap.message)}{span}{location}")
    return lines


def render_markdown(timeline: Timeline, *, explain: bool = False) -> str:
    docs = documents_by_id(timeline)
    blocks: list[str] = ["# Timeline", f"*{escape(summary_line(timeline))}*"]
    notes = [
        f"> ⚠ {code(doc.id)}: {_published_note(doc)}"
        for doc in timeline.documents
        if doc.published.source in ("inferred", "unknown")
    ]
    if notes:
        blocks.append("\n>\n".join(notes))
    if not timeline.events:
        blocks.append("No events found.")
    for when, events in group_by_date(timeline.events):
        lines = [_heading(when), ""]
        for event in events:
            lines.extend(_event_lines(event, timeline, docs, explain))
        blocks.append("\n".join(lines))
    if timeline.documents:
        blocks.append("\n".join(_source_lines(timeline)))
    if timeline.gaps:
        blocks.append("\n".join(_gap_lines(timeline)))
    return "\n\n".join(blocks)

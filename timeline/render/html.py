"""One self-contained HTML page (``--format html``): the chronology to look at, share or attach.

No network at all: the CSS and the small script (``html_assets/``) are inlined, so the file works offline,
from an e-mail attachment or a CI artefact.  Events sit on a vertical time axis under their date headings;
a span (a week, a month) is drawn as a span, not a day; sources are coloured badges linking to the
articles; conflicts and expected events are marked; filters by status and source (also settable from the
address, ``page.html#status=expected&source=a1``); a click on an event shows how its date was derived
(the ``--explain`` chain).  Everything is rendered here, so the page reads fine even with scripts off.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import timedelta
from html import escape
from importlib import resources

from timeline import __version__
from timeline.render.common import (
    clean,
    copy_note,
    describe_date,
    display_title,
    documents_by_id,
    group_by_date,
    is_span,
    outlet_name,
    plural,
    published_text,
    source_labels,
    source_list,
    span_text,
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
from timeline.types import EVENT_STATUSES, Article, DateValue, Event, EventMention, Timeline

# Nothing may be fetched: the page is whole in itself (links to the articles still open on a click).
CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
MANY_SOURCES = 12  # more source filters than this are folded into a list to open


def _asset(name: str) -> str:
    return resources.files("timeline.render").joinpath("html_assets", name).read_text(encoding="utf-8")


def _text(value: str) -> str:
    """User text made safe for HTML element content and attribute values."""
    return escape(clean(value), quote=True)


def _hue(label: str) -> int:
    """A well-spread colour per source label (golden-angle steps), the same in every output."""
    return (int(label) * 137) % 360 if label.isdigit() else 200


class _Page:
    """What every part of the page needs: the timeline, its documents and the source labels."""

    def __init__(self, timeline: Timeline) -> None:
        self.timeline = timeline
        self.docs = documents_by_id(timeline)
        self.labels = source_labels(timeline)

    def badge(self, doc_id: str) -> str:
        label = self.labels.get(doc_id, "?")
        doc = self.docs.get(doc_id)
        name = _text(outlet_name(doc_id, self.docs))
        title = _text(doc.title or doc_id) if doc is not None else _text(doc_id)
        style = f'style="--hue: {_hue(label)}"'
        if doc is not None and doc.url:
            return f'<a class="badge" {style} href="{_text(doc.url)}" title="{title}">[{label}] {name}</a>'
        return f'<span class="badge" {style} title="{title}">[{label}] {name}</span>'

    def badges(self, sources: list[str]) -> str:
        return " ".join(self.badge(doc_id) for doc_id in sources)


def _when_line(when: DateValue | None) -> str:
    """The event's own date, with its granularity visible: a span gets a bracket bar and its days."""
    if when is None:
        return '<div class="when"><span class="gran">undated</span></div>'
    parts = [f'<span class="gran">{escape(when.granularity)}</span>']
    if is_span(when):
        parts.append(f'<span class="spanbar {escape(when.granularity)}" aria-hidden="true"></span>')
        parts.append(f"<span>{escape(span_text(when))}</span>")
    elif part := time_of_day(when):
        parts.append(f"<span>{escape(part)}</span>")
    return f'<div class="when">{"".join(parts)}</div>'


def _mention_item(page: _Page, mention: EventMention) -> str:
    article = page.docs.get(mention.document)
    expressions = page.timeline.expressions.get(mention.document, [])
    chain = explain_mention(mention, article, expressions)
    label = page.labels.get(mention.document, "?")
    where = f"[{label}] {_text(mention.document)}, line {mention.sentence.line}"
    published = ""
    if article is not None and article.published.source in ("inferred", "unknown"):
        published = f'<div class="chain">publication date {_text(published_text(article))}'
        if article.published.evidence:
            published += f": {_text(article.published.evidence)}"
        published += "</div>"
    return (
        f'<li><span class="where">{where}</span>: <span class="quote">“{_text(mention.sentence.text)}”</span>'
        f'<div class="chain">{_text(chain)}</div>{published}</li>'
    )


def _event_html(page: _Page, event: Event) -> str:
    status = event.status if event.status in EVENT_STATUSES else "reported"
    tags = ""
    if status != "reported":
        tags += f'<span class="tag {status}">{status}</span>'
    if event.conflicts:
        tags += '<span class="tag conflict">conflict</span>'
    parts = [
        _when_line(event.date),
        f"<h3>{_text(display_title(event.title))}{tags}</h3>",
        f'<div class="badges">{page.badges(event.sources)}</div>',
    ]
    for sentence in event.summary[1:]:  # --sentences K: the title is the first
        parts.append(f'<p class="sentence">{_text(sentence.text)} {page.badges(sentence.sources)}</p>')
    for conflict in event.conflicts:
        quote = f" <span class='quote'>“{_text(conflict.text)}”</span>" if conflict.text else ""
        parts.append(
            f'<p class="conflict">⚠ Sources disagree: {_text(conflict.value)} according to '
            f"{page.badges(conflict.sources)}{quote}</p>"
        )
    items = [f"<li>{_text(explain_ranking(event.ranking))}</li>"] if event.ranking is not None else []
    for number, sentence in enumerate(event.summary, start=1):
        label = page.labels.get(sentence.sources[0], "?")
        why = explain_summary_sentence(sentence)
        items.append(f"<li>[{label}] summary sentence {number}: {_text(why)}</li>")
    items += [_mention_item(page, mention) for mention in event.mentions]
    items += [f"<li>{_text(note)}</li>" for note in copy_notes(event, page.timeline, _label_name(page))]
    parts.append(
        '<details class="derivation"><summary>How this date was derived</summary>'
        f"<ol>{''.join(items)}</ol></details>"
    )
    sources = escape(json.dumps(event.sources, ensure_ascii=False), quote=True)  # ids may hold spaces
    granularity = event.date.granularity if event.date else "undated"
    return (
        f'<article class="event {status}" id="event-{_text(event.id)}" data-status="{status}" '
        f'data-sources="{sources}" data-granularity="{granularity}" tabindex="0">'
        + "".join(parts)
        + "</article>"
    )


def _label_name(page: _Page):
    return lambda doc_id: f"[{page.labels.get(doc_id, '?')}]"


def _section(page: _Page, when: DateValue | None, events: list[Event]) -> str:
    if when is None:
        heading = '<h2>Undated <span class="caption">no date could be determined for these events</span></h2>'
        css = "date undated"
    else:
        caption = describe_date(when)
        if is_span(when) or when.granularity == "day":  # "Monday · 14 Feb 2022", "week of … · 14–20 Feb 2022"
            caption += f" · {span_text(when)}"
        heading = (
            f'<h2><time datetime="{escape(when.start.isoformat())}">{escape(when.value)}</time> '
            f'<span class="caption">{escape(caption)}</span></h2>'
        )
        css = "date span" if is_span(when) else "date"
    body = "".join(_event_html(page, event) for event in events)
    value = escape(when.value) if when else ""
    return f'<section class="{css}" data-date="{value}">{heading}{body}</section>'


def _filters(page: _Page) -> str:
    statuses = Counter(event.status for event in page.timeline.events)
    status_boxes = "".join(
        f'<label class="chip"><input type="checkbox" name="status" value="{status}" checked> {status} '
        f'<span class="caption">{statuses[status]}</span></label>'
        for status in EVENT_STATUSES
        if statuses[status]
    )
    cited = {doc_id for event in page.timeline.events for doc_id in event.sources}
    source_boxes = "".join(
        f'<label class="chip badge" style="--hue: {_hue(label)}"><input type="checkbox" name="source" '
        f'value="{_text(doc_id)}" checked> [{label}] {_text(outlet_name(doc_id, page.docs))}</label>'
        for doc_id, label in page.labels.items()
        if doc_id in cited
    )
    count = len(page.timeline.events)
    buttons = (
        '<button type="button" data-select="all">all</button>'
        '<button type="button" data-select="none">none</button>'
    )
    if len(cited) > MANY_SOURCES:  # a long list folds away instead of filling the screen
        source_boxes = (
            f'<details class="many"><summary>{len(cited)} sources</summary>'
            f'<div class="chips">{source_boxes}</div></details>'
        )
    return (
        '<form id="filters" aria-label="Filter the events">'
        f"<fieldset><legend>Status</legend>{status_boxes}</fieldset>"
        f'<fieldset class="sources"><legend>Sources</legend>{buttons}{source_boxes}</fieldset>'
        f'<p id="shown" role="status">{count} of {count} events shown</p></form>'
    )


def _publication_notes(page: _Page) -> str:
    notes = [
        f"<li>[{page.labels[doc.id]}] {_text(doc.id)}: publication date {_text(published_text(doc))}"
        + (f" — {_text(doc.published.evidence)}" if doc.published.evidence else "")
        + "</li>"
        for doc in page.timeline.documents
        if doc.published.source in ("inferred", "unknown")
    ]
    return f'<ul class="notes">{"".join(notes)}</ul>' if notes else ""


def _source_item(page: _Page, doc: Article) -> str:
    parts = [page.badge(doc.id), _text(doc.id)]
    if doc.title:
        parts.append(f"“{_text(doc.title)}”")
    published = published_text(doc)
    if doc.published.value is not None and doc.published.evidence:
        published = f"{doc.published.value} ({published_evidence(doc.published, limit=None)})"
    parts.append(f"published {_text(published)}")
    if note := copy_note(doc.id, page.timeline, _label_name(page)):
        parts.append(f"<em>{_text(note)}</em>")
    return f"<li>{' · '.join(parts)}</li>"


def _sources(page: _Page) -> str:
    detailed, others = source_list(page.timeline)
    items = "".join(_source_item(page, page.docs[doc_id]) for doc_id in detailed if doc_id in page.docs)
    also = ""
    if others:
        also = f"<p>Also read, not cited above: {_text(', '.join(others))}</p>"
    return f"<footer><h2>Sources</h2><ol>{items}</ol>{also}</footer>"


def _lapse(previous: DateValue | None, when: DateValue | None) -> str:
    """``9 days later`` between two date headings, so the axis shows time passing, not just order."""
    if previous is None or when is None or when.start <= previous.end + timedelta(days=1):
        return ""
    days = (when.start - previous.end).days
    if days < 14:
        amount = plural(days, "day")
    elif days < 61:
        amount = plural(round(days / 7), "week")
    elif days < 730:
        amount = plural(round(days / 30.44), "month")
    else:
        amount = plural(round(days / 365.25), "year")
    return f'<div class="lapse" aria-hidden="true">{amount} later</div>'


def _sections(page: _Page) -> str:
    parts, previous = [], None
    for when, events in group_by_date(page.timeline.events):
        parts.append(_lapse(previous, when) + _section(page, when, events))
        if when is not None and (previous is None or when.end > previous.end):
            previous = when
    return "".join(parts)


def render_html(timeline: Timeline) -> str:
    page = _Page(timeline)
    sections = _sections(page)
    if not timeline.events:
        sections = "<p>No events found.</p>"
    summary = _text(summary_line(timeline))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_POLICY}">'
        f'<meta name="generator" content="timeline {escape(__version__)}">'
        f"<title>Timeline · {summary}</title><style>{_asset('page.css')}</style></head>\n"
        f'<body><header><h1>Timeline</h1><p class="summary">{summary}</p>'
        f"{_publication_notes(page)}{_filters(page)}</header>\n"
        f'<main id="timeline">{sections}</main>\n'
        f"{_sources(page)}\n"
        f"<script>{_asset('page.js')}</script></body></html>"
    )

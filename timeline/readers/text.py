"""Plain-text and Markdown articles: header lines, front matter, title.

Scraped news text often starts with a few header lines before the prose:

    ␠date 2022-02 The minister said on Monday ...   (rest of the line is prose: body)
    ␠date 2022-02-15 Example.com                     (rest is an outlet name: ``source``)
    Date: 15 February 2022
    Published on Feb 15, 2022 10:30 GMT
    ---                                             (YAML-like front matter)
    date: 2022-02-15
    ---

Header lines are kept out of ``Article.body`` but ``Article.text`` stays the
whole decoded file, so offsets are offsets into the file.  A short first line
without a final period is the headline (``title``); it stays in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from timeline.readers.published import match_date_prefix, normalise_date
from timeline.spans import strip_span
from timeline.types import Article, Published

_MAX_HEADER_LINES = 8  # header lines live at the top; never look deeper than this many non-blank lines
_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BARE_DATE_LINE = re.compile(r"(?i)[ \t]*date[ \t]+")  # the crawler form: " date 2022-02-15 ..."
_LABELLED_DATE_LINE = re.compile(
    r"(?i)[ \t]*(?:date|published|publication date|posted|first published)(?:[ \t]+on)?[ \t]*(?::|-|\s)[ \t]*"
)
_UPDATED_LINE = re.compile(r"(?i)[ \t]*(?:updated|last updated|modified)(?: on)?[ \t]*[:\-]?[ \t]*")
_FIELD_LINE = re.compile(
    r"(?i)[ \t]*(source|outlet|publisher|url|link|title|headline)[ \t]*:[ \t]*(\S.*?)\s*$"
)
_BYLINE = re.compile(r"[ \t]*By[ \t]+(?:[A-Z][\w.'’-]*(?:,?[ \t]+|$)){1,5}[ \t]*$")
_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.MULTILINE)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)
_MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")
_SENTENCE_PUNCT = re.compile(r"[.!?;:](?:\s|$)|[.!?]$")

_FIELD_NAMES = {
    "date": "date",
    "published": "date",
    "published_at": "date",
    "publish_date": "date",
    "pubdate": "date",
    "datepublished": "date",
    "title": "title",
    "headline": "title",
    "source": "source",
    "publisher": "source",
    "outlet": "source",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
}


@dataclass
class _Header:
    """What the top of a text file told us, and which spans of it are not body."""

    excluded: list[tuple[int, int]] = field(default_factory=list)
    date: str | None = None
    date_evidence: str = ""
    updated: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


def read_text(text: str, path: str, article_id: str, fmt: str = "text") -> Article:
    """An Article from a decoded text or Markdown file."""
    header = _Header()
    start = _read_front_matter(text, header)
    _read_header_lines(text, start, header)
    body = _complement(header.excluded, len(text), text)
    title = header.title or _headline(text, body, markdown=fmt == "markdown")
    published = Published()
    if header.date or header.updated:
        published = Published(
            value=header.date or header.updated, source="header", evidence=header.date_evidence
        )
    return Article(
        id=article_id,
        path=path,
        text=text,
        body=body,
        title=title,
        published=published,
        url=header.url,
        source=header.source,
        format=fmt,
    )


def _lines(text: str, start: int) -> list[tuple[int, int, str]]:
    """(start, end-including-newline, content-without-newline) for the top lines from ``start``."""
    lines = []
    for m in _LINE.finditer(text, start):
        if m.start() == m.end() or len(lines) >= 40:
            break
        lines.append((m.start(), m.end(), m.group().rstrip("\r\n")))
    return lines


def _read_front_matter(text: str, header: _Header) -> int:
    """Parse ``---`` ... ``---`` front matter at the start; return where the rest begins."""
    if not (opening := _FRONT_MATTER_OPEN.match(text)):
        return 0
    opening_end = opening.end()
    close = _FRONT_MATTER_CLOSE.search(text, opening_end)
    if not close or text.count("\n", 0, close.start()) > 100:
        return 0
    for key, raw in _FRONT_MATTER_FIELD.findall(text, opening_end, close.start()):
        _set_field(
            header, _FIELD_NAMES.get(key.lower()), raw.strip().strip("\"'"), f"front matter {key}: {raw}"
        )
    header.excluded.append((0, close.end()))
    return close.end()


def _set_field(header: _Header, name: str | None, value: str, evidence: str) -> None:
    if not value or name is None:
        return
    if name == "date" and header.date is None:
        header.date = normalise_date(value)
        header.date_evidence = evidence.strip() if header.date else ""
    elif name in ("title", "source", "url") and getattr(header, name) is None:
        setattr(header, name, value)


def _read_header_lines(text: str, start: int, header: _Header) -> None:
    """Recognise header lines among the first few non-blank lines."""
    seen_headline = False
    non_blank = 0
    for line_start, line_end, content in _lines(text, start):
        if not content.strip():
            continue
        non_blank += 1
        if non_blank > _MAX_HEADER_LINES:
            return
        kept_from = _header_line(content, header)
        if kept_from is None:
            # One headline may precede the header lines; prose ends the header.
            if seen_headline or not _is_headline(content):
                return
            seen_headline = True
            continue
        header.excluded.append((line_start, line_start + kept_from if kept_from < len(content) else line_end))
        if kept_from < len(content):
            return  # the rest of this line is the first sentence: the header is over


def _header_line(content: str, header: _Header) -> int | None:
    """If ``content`` is a header line, record what it says and return where body text
    starts in it (``len(content)`` when none of it is body); else None."""
    if m := _BARE_DATE_LINE.match(content):
        return _bare_date_line(content, m.end(), header)
    if m := _LABELLED_DATE_LINE.match(content):
        found = match_date_prefix(content[m.end() :])
        if found and _is_chrome(content[m.end() + found[1] :]):
            if header.date is None:
                header.date, header.date_evidence = found[0], content.strip()
            return len(content)
    if m := _UPDATED_LINE.match(content):
        found = match_date_prefix(content[m.end() :])
        if found and _is_chrome(content[m.end() + found[1] :]):
            header.updated = header.updated or found[0]
            if header.date is None:
                header.date_evidence = content.strip()
            return len(content)
    if (found := match_date_prefix(content.strip())) and "-" in found[0]:
        # A line holding only a date (and maybe a clock time) at the top is the dateline.
        rest = content.strip()[found[1] :]
        if _is_chrome(rest) and not re.search(r"[A-Za-z]{3}", rest.replace("GMT", "").replace("UTC", "")):
            if header.date is None:
                header.date, header.date_evidence = found[0], content.strip()
            return len(content)
    if (m := _FIELD_LINE.match(content)) and len(m[2].split()) <= 15:
        key = m[1].lower()
        _set_field(header, _FIELD_NAMES.get(key), m[2], content)
        return len(content)
    if _BYLINE.match(content):
        return len(content)
    return None


def _bare_date_line(content: str, date_start: int, header: _Header) -> int | None:
    """`` date 2022-02-15 Example.com`` (outlet) or `` date 2022-02 The minister said ...`` (prose)."""
    found = match_date_prefix(content[date_start:])
    if not found:
        return None
    value, length = found
    rest_start = date_start + length
    rest = content[rest_start:]
    if header.date is None:
        header.date = value
        header.date_evidence = content[:rest_start].strip()
    if not rest.strip():
        return len(content)
    if _is_outlet_name(rest):
        header.source = header.source or rest.strip()
        header.date_evidence = content.strip()
        return len(content)
    return rest_start + len(rest) - len(rest.lstrip())


def _is_outlet_name(rest: str) -> bool:
    """An outlet name is short and is not a sentence: no sentence punctuation, at most 4 words."""
    words = rest.split()
    return 0 < len(words) <= 4 and not _SENTENCE_PUNCT.search(rest.strip())


def _is_chrome(rest: str) -> bool:
    """What may follow a labelled date on a header line: nothing, or a short non-sentence."""
    rest = rest.strip(" \t|·•-–—,")
    return not rest or (len(rest.split()) <= 8 and not re.search(r"[.!?]$", rest))


def _is_headline(line: str) -> bool:
    """Short, at least two words, and not ending like a sentence or a clause."""
    stripped = line.strip()
    if _MARKDOWN_HEADING.match(stripped):
        return True
    words = stripped.split()
    return 2 <= len(words) <= 25 and len(stripped) <= 200 and not re.search(r"[.,;:]$", stripped)


def _headline(text: str, body: list[tuple[int, int]], markdown: bool) -> str | None:
    """The first body line if it is a headline followed by more text."""
    if not body:
        return None
    start, end = body[0]
    line_end = text.find("\n", start, end)
    if line_end == -1:
        line_end = end
    first = text[start:line_end].strip()
    if not text[line_end:end].strip() and len(body) == 1:
        return None  # nothing follows: a one-line article is not a headline
    if m := _MARKDOWN_HEADING.match(first):
        return m[1].strip()
    if markdown and first.startswith("#"):
        return None
    return first if _is_headline(first) else None


def _complement(excluded: list[tuple[int, int]], length: int, text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` not excluded, trimmed of surrounding whitespace, empty ones dropped."""
    regions = []
    position = 0
    for start, end in sorted(excluded):
        if start > position:
            regions.append((position, start))
        position = max(position, end)
    if position < length:
        regions.append((position, length))
    return [trimmed for region in regions if (trimmed := strip_span(text, *region))]

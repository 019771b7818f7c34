"""HTML pages: article text via trafilatura, publication date via htmldate.

Both are ordinary dependencies, imported only when an HTML file is actually
read so that start-up stays fast.  HTML *fragments* (an article body stored
as HTML inside a JSON field) are converted by ``fragment_to_text``, which uses
trafilatura when it is installed and keeps most of the text, and otherwise a
standard-library parser that always works.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

from timeline.errors import InputError
from timeline.readers.published import normalise_date
from timeline.types import Article, Published

# Only a damaged install lacks them (they are dependencies); name the packages, which the index does have
# (the index's "timeline" is an unrelated project).
HTML_EXTRA_HINT = (
    "reading HTML needs trafilatura and htmldate: pip install trafilatura htmldate lxml_html_clean"
)


def _libraries(path: str) -> tuple[Any, Any]:
    try:
        import htmldate
        import trafilatura
    except ImportError:
        raise InputError(f"{path}: {HTML_EXTRA_HINT}") from None
    return trafilatura, htmldate


def read_html(html: str, path: str, article_id: str) -> Article:
    """An Article from an HTML page: the main text, its title, outlet and date."""
    trafilatura, htmldate = _libraries(path)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        text = trafilatura.extract(html, include_comments=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError(f"{path}: no article text found in this HTML page")
    metadata = trafilatura.extract_metadata(html)
    return Article(
        id=article_id,
        path=path,
        text=text,
        body=[(0, len(text))],
        title=getattr(metadata, "title", None) or None,
        published=_published(htmldate, html),
        url=getattr(metadata, "url", None) or None,
        source=getattr(metadata, "sitename", None) or None,
        format="html",
    )


def _published(htmldate: Any, html: str) -> Published:
    """The page's original publication date; the quick search first, the extensive one if needed."""
    for extensive in (False, True):
        try:
            found = htmldate.find_date(html, original_date=True, extensive_search=extensive)
        except (ValueError, TypeError):
            found = None
        value = normalise_date(found) if found else None
        if value:
            how = "htmldate, extensive search" if extensive else "htmldate"
            return Published(value=value, source="metadata", evidence=f"HTML page date ({how}): {found}")
    return Published()


# --- HTML fragments (article bodies stored as HTML in JSON fields) ---------------------------------

# Tag names that a crawled article body uses; a bare "<" in prose ("profits < 5%", "a<b") never
# matches because HTML requires the tag name right after "<" and a space, "/" or ">" after the name.
_BLOCK_TAG_NAMES = (
    "p div br hr h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre figure figcaption table thead tbody "
    "tr td th section article header footer aside main nav address details summary"
)
_INLINE_TAG_NAMES = "html body a b i u em strong span small sup sub img iframe script style time q cite"
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_INLINE_TAGS = frozenset(_INLINE_TAG_NAMES.split())
_DROPPED_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
_TAG = re.compile(
    r"<(?:/?(?:" + "|".join(sorted(_BLOCK_TAGS | _INLINE_TAGS)) + r")(?=[\s/>])[^<>]*>|!--|!doctype)",
    re.IGNORECASE,
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.IGNORECASE)
_MIN_ENTITIES = 2  # one "&amp;" can be a crawler's slip; several mean the field is HTML-escaped text
_MIN_KEPT_SHARE = 0.85  # trafilatura may drop real sentences from a short fragment: keep it only if it didn't


def looks_like_html(text: str) -> bool:
    """Whether a text field holds HTML markup: a known tag, a comment/doctype, or several entities."""
    return bool(_TAG.search(text)) or len(_ENTITY.findall(text)) >= _MIN_ENTITIES


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by blank lines, entities decoded.

    trafilatura (optional extra) is preferred because it also drops boilerplate; it is used only
    when it keeps most of the words the plain parser finds, since it often returns nothing, or
    loses lines, for short fragments.
    """
    plain = _collect_text(fragment)
    if not _TAG.search(fragment):
        # escaped text without markup ("&amp;", "&#8217;"): nothing for trafilatura to tell boilerplate by
        # (it returns nothing), and not importing it spares the build ~15 MB (issue #13)
        return plain
    extracted = _trafilatura_text(fragment)
    if extracted and len(extracted.split()) >= _MIN_KEPT_SHARE * len(plain.split()):
        return extracted
    return plain


def _trafilatura_text(fragment: str) -> str | None:
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        text = trafilatura.extract(fragment, include_comments=False, include_tables=False, favor_recall=True)
    except Exception:  # a parser failure on one record falls back, it must not abort the run
        return None
    if not text or not text.strip():
        return None
    # trafilatura writes one paragraph per line; the project's paragraphs are blank-line separated.
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, with block tags as paragraph breaks and scripts/styles dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._dropped_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped_depth += 1
        elif tag == "br":
            self.pieces.append("\n")
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _DROPPED_TAGS:  # "<br/>", "<hr/>"; a self-closed <script/> has no content
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED_TAGS:
            self._dropped_depth = max(0, self._dropped_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.pieces.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._dropped_depth:
            # Source newlines in HTML are plain whitespace; breaks come only from tags.
            self.pieces.append(re.sub(r"\s+", " ", data))


def _collect_text(fragment: str) -> str:
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = [line.strip() for line in "".join(collector.pieces).split("\n")]
    text = "\n".join(lines)
    # "<br>" alone is a line break; two of them, or any block boundary, a paragraph break.
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def inline_to_text(value: str) -> str:
    """A one-line field (a title) with tags removed and entities decoded, whitespace collapsed."""
    if _TAG.search(value):
        value = _collect_text(value)  # also decodes entities
    elif _ENTITY.search(value):
        value = unescape(value)
    return " ".join(value.split())

"""HTML pages: article text via trafilatura, publication date via htmldate.

Both live in the optional ``timeline[html]`` extra, so they are imported only
when an HTML file is actually read.
"""

from __future__ import annotations

from typing import Any

from timeline.errors import InputError
from timeline.readers.published import normalise_date
from timeline.types import Article, Published

HTML_EXTRA_HINT = "reading HTML needs the html extra: pip install 'timeline[html]'"


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

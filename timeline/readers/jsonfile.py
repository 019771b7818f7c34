"""JSON and JSON Lines articles, with the field names crawlers commonly write.

A file holds one object, a list of objects, or one object per line.  Each
object with a text field becomes one Article whose ``text`` is that field;
a field holding HTML (crawled article bodies often do) is converted to plain
text first, so sentences and offsets carry no tags or entities.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from timeline.errors import InputError, UsageError
from timeline.readers.html import fragment_to_text, inline_to_text, looks_like_html
from timeline.readers.published import DATE_FIELDS, normalise_date, timestamp_to_value
from timeline.types import Article, Published

_LARGEST_TIMESTAMP = 1e15  # milliseconds in the year 33658: anything larger is not a date
# A lone surrogate ("\udc00" escaped in JSON) cannot be written as UTF-8: it becomes U+FFFD, one
# character for one, so offsets still index the text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "full_text", "article_text")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "canonical_url")
SOURCE_FIELDS = ("source", "outlet", "publisher", "domain", "source_domain", "site_name", "sitename")


def parse_json(text: str) -> Any:
    """``json.loads``, with the ways hostile JSON breaks it turned into ``ValueError`` with a plain reason.

    ``json.JSONDecodeError`` passes through (it says where); nesting thousands of levels deep, a
    number of thousands of digits and the like become ``ValueError("...")``.
    """
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply (thousands of levels of [ or {)") from None
    except ValueError as exc:
        if "digits" in str(exc):
            raise ValueError("a number with thousands of digits") from None
        raise ValueError(str(exc)) from None


def _no_constant(name: str) -> float:
    # NaN and Infinity are not JSON; Python accepts them, so a NaN date would reach the date code
    return None  # type: ignore[return-value]


def read_json(text: str, path: str, stem: str, warn: Callable[[str], None]) -> list[Article]:
    """Articles from a JSON document: one object or a list of objects."""
    try:
        data = parse_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise InputError(f"{path}: cannot read this JSON: {exc}") from None
    records = data if isinstance(data, list) else [data]
    articles = []
    for number, record in enumerate(records, start=1):
        where = f"{path}: item {number}" if isinstance(data, list) else path
        fallback_id = f"{stem}:{number}" if isinstance(data, list) else stem
        article = _article(record, path, fallback_id, where, "json", warn)
        if article:
            articles.append(article)
    return articles


def read_jsonl(text: str, path: str, stem: str, warn: Callable[[str], None]) -> list[Article]:
    """Articles from JSON Lines: one object per line; a broken line is skipped with a warning."""
    return read_jsonl_lines(_numbered_lines(text), path, stem, warn)


def read_jsonl_lines(
    lines: Iterable[tuple[int, str]], path: str, stem: str, warn: Callable[[str], None]
) -> list[Article]:
    """Articles from numbered JSON Lines, read one at a time (``lines`` may stream from a file)."""
    articles = []
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = parse_json(line)
        except json.JSONDecodeError as exc:
            warn(f"{path}:{number}: skipping a line that is not valid JSON ({exc.msg})")
            continue
        except ValueError as exc:
            warn(f"{path}:{number}: skipping: cannot read this line: {exc}")
            continue
        article = _article(record, path, f"{stem}:{number}", f"{path}:{number}", "jsonl", warn)
        if article:
            articles.append(article)
    return articles


def select_article(articles: list[Article], article_id: str | None, source: str) -> Article:
    """The one article of ``articles`` (read from ``source``) that a one-article command works on.

    Without ``article_id`` there must be exactly one; with it, the article with that id (a record's
    ``id`` field, or ``stem:N`` for the record on line or item N).  Otherwise a one-line UsageError
    naming the source and a few of its ids.
    """
    if article_id is None:
        if len(articles) == 1:
            return articles[0]
        raise UsageError(
            f"{source} holds {len(articles)} articles (ids: {_some_ids(articles)}); pick one with --id ID"
        )
    for article in articles:
        if article.id == article_id:
            return article
    raise UsageError(f"no article with id {article_id!r} in {source} (ids: {_some_ids(articles)})")


def _some_ids(articles: list[Article], shown: int = 5) -> str:
    ids = ", ".join(article.id for article in articles[:shown])
    return ids + (f" and {len(articles) - shown} more" if len(articles) > shown else "")


def _numbered_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def _lowered(record: dict[str, Any]) -> dict[str, Any]:
    """``record``'s fields by their lower-case names (for ``_first``; made once per record)."""
    return {key.lower(): value for key, value in record.items() if isinstance(key, str)}


def _first(record: dict[str, Any], names: tuple[str, ...], lowered: dict[str, Any]) -> Any:
    """The first present, non-empty field among ``names`` (exact, then case-insensitive: ``lowered`` is
    ``_lowered(record)``)."""
    for name in names:
        for value in (record.get(name), lowered.get(name.lower())):
            if value not in (None, "", []):
                return value
    return None


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "\n\n".join(value)  # a list of paragraphs
    return None


def _as_name(value: Any) -> str | None:
    """An outlet or URL field, which some crawlers write as an object ({"name": ...})."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or value.get("href") or value.get("url")
    if value in (None, ""):
        return None
    return str(value).strip() or None


def _date_value(raw: Any) -> str | None:
    """A date field's TIMEX3 value: a date string, a Unix timestamp (number or digits), {"$date": ...}."""
    if isinstance(raw, dict) and "$date" in raw:  # MongoDB export
        raw = raw["$date"]
    if isinstance(raw, str) and raw.strip().isdigit() and len(raw.strip()) in (10, 13):
        raw = int(raw.strip())
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        if not math.isfinite(raw) or abs(raw) > _LARGEST_TIMESTAMP:
            return None
        return timestamp_to_value(raw) if raw > 10_000 else normalise_date(str(int(raw)))
    return normalise_date(str(raw)) if isinstance(raw, str) else None


def _published(
    record: dict[str, Any], lowered: dict[str, Any], where: str, warn: Callable[[str], None]
) -> Published:
    unreadable = []
    for name in DATE_FIELDS:
        raw = _first(record, (name,), lowered)
        if raw is None or raw == "":
            continue
        value = _date_value(raw)
        if value:
            return Published(value=value, source="metadata", evidence=f'"{name}": {json.dumps(raw)}')
        unreadable.append(f'"{name}": {json.dumps(raw)}')
    if unreadable:  # a date the crawler wrote but we cannot read: say so rather than treat it as absent
        warn(f"{where}: cannot read the publication date {unreadable[0]}; treating the article as undated")
    return Published()


def _record_id(value: Any) -> str | None:
    """A record's id as a string: a number or text; anything else (a list, an object) is no id."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)) or value == "":
        return None
    text = _LONE_SURROGATE.sub("\ufffd", str(value))
    text = " ".join(text.split())
    return text[:200] or None


def _article(
    record: Any, path: str, fallback_id: str, where: str, fmt: str, warn: Callable[[str], None]
) -> Article | None:
    if not isinstance(record, dict):
        warn(f"{where}: skipping: expected a JSON object, got {type(record).__name__}")
        return None
    lowered = _lowered(record)
    text = _as_text(_first(record, TEXT_FIELDS, lowered))
    if text and not text.isascii():  # (an ASCII text holds no surrogate: known without a search)
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if text and looks_like_html(text):
        text = fragment_to_text(text)
    if not text or not text.strip():
        warn(f"{where}: skipping: no article text (expected one of the fields {', '.join(TEXT_FIELDS[:4])})")
        return None
    record_id = record.get("id", record.get("_id"))
    title = _first(record, TITLE_FIELDS, lowered)
    if isinstance(title, str) and not title.isascii():
        title = _LONE_SURROGATE.sub("\ufffd", title)
    return Article(
        id=_record_id(record_id) or fallback_id,
        path=path,
        text=text,
        body=[(0, len(text))],
        title=inline_to_text(title) or None if isinstance(title, str) else None,
        published=_published(record, lowered, where, warn),
        url=_as_name(_first(record, URL_FIELDS, lowered)),
        source=_as_name(_first(record, SOURCE_FIELDS, lowered)),
        format=fmt,
    )

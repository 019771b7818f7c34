"""Readers: find the input files, detect their format, decode them, and return Articles.

Formats are detected by extension, then by content (extension-less files,
``.xml`` files and standard input): plain text / Markdown (``text.py``),
JSON / JSON Lines (``jsonfile.py``), HTML (``html.py``, optional extra) and
TimeML (``timeml.py``).  The publication date comes from ``--published``
(source "option") over a day-precise date in the file ("header" or
"metadata") over the date of a wire dateline ("LIMA, Oct 9, 2023 (Agency)
-", source "header", ``dateline.py``) over nothing ("unknown"); a coarser
date in the file (a month) is refined by a dateline day inside it.
"""

from __future__ import annotations

import codecs
import json
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from timeline.errors import InputError, UsageError
from timeline.output import writable_text
from timeline.readers.dateline import apply_dateline
from timeline.readers.encoding import decode_bytes, looks_binary
from timeline.readers.html import read_html
from timeline.readers.jsonfile import read_json, read_jsonl, read_jsonl_lines
from timeline.readers.pathdate import apply_path_date
from timeline.readers.paths import EXTENSION_FORMATS, STDIN, expand_paths, file_kind
from timeline.readers.published import (
    ACCEPTED_FORMS,
    load_published_file,
    normalise_date,
    parse_published_options,
)
from timeline.readers.text import read_text
from timeline.readers.timeml import read_timeml, root_element_name
from timeline.types import Article, Published, Skipped

__all__ = ["read_paths", "read_article", "parse_published_options", "load_published_file", "sniff_format"]

Warn = Callable[[str], None]

MAX_ARTICLE_SIZE = 50_000_000  # characters of one article's text (bytes of a one-article file): 50 MB
# A whole-file format (a JSON array, standard input) may hold many articles: this many times the limit.
COLLECTION_FACTOR = 20
_STDIN_CHUNK = 1 << 20
_ONE_ARTICLE_FORMATS = ("text", "markdown", "html", "timeml")
_HTML_ROOTS = {"html", "head", "body", "article", "main", "div", "section", "p", "meta", "title"}


def read_paths(
    paths: list[str],
    published: dict[str, str] | None = None,
    stdin: TextIO | BinaryIO | Callable[[], TextIO | BinaryIO | None] | None = None,
    warn: Warn | None = None,
    published_origins: dict[str, str] | None = None,
    *,
    skipped: list[Skipped] | None = None,
    max_article_size: int = MAX_ARTICLE_SIZE,
) -> list[Article]:
    """Every article under ``paths``; a bad file is skipped with ``warn("skipping path: reason")``.

    ``published`` maps an article id (or a file name or path, or the start of exactly one article's id)
    to a date that overrides the one found in the file; ``published_origins`` names where a key's date
    came from (a ``--published-from`` file) for the evidence, which is ``--published ID=DATE`` otherwise.

    Raises InputError for a missing path, an empty directory, a glob matching nothing, or when no article
    is readable.  ``stdin`` is the stream ``-`` reads (or a function returning it, called only when ``-``
    is given).  Each file or record left out is appended to ``skipped``; an article larger than
    ``max_article_size`` (characters of text, or bytes of a one-article file) is one of them.
    """
    warn = warn or (lambda message: None)
    articles: list[Article] = []
    failures: list[str] = []
    left_out: list[Skipped] = []
    # Warnings wait until something was read: with nothing to build, the user gets one error line.
    pending: list[str] = []
    for item in expand_paths(paths, warn=pending.append):
        name = "<stdin>" if item == STDIN else str(item)
        messages: list[str] = []
        try:
            found = _read_input(item, stdin, messages.append, max_article_size)
            left_out.extend(_skipped_records(messages))
        except InputError as exc:
            failures.append(str(exc) if str(exc).startswith(name) else f"{name}: {exc}")
            left_out.append(Skipped(path=name, reason=failures[-1].removeprefix(f"{name}: ")))
            pending.extend(messages)
            pending.append(f"skipping {failures[-1]}")
            continue
        pending.extend(messages)
        if not found:
            if messages:  # its reader already said why, record by record
                failures.append(messages[0].replace(": skipping:", ":", 1))
            else:
                failures.append(f"{name}: no article in it")
                left_out.append(Skipped(path=name, reason="no article in it"))
                pending.append(f"skipping {failures[-1]}")
        articles.extend(found)
    if not articles:
        if len(failures) == 1:
            raise InputError(failures[0])
        raise InputError(f"no readable article among {len(failures)} inputs (first: {failures[0]})")
    for message in pending:
        warn(message)
    if skipped is not None:
        skipped.extend(left_out)
    _make_ids_unique(articles, warn)
    _apply_published_options(articles, published or {}, warn, published_origins or {})
    return articles


def read_article(
    path: Path,
    published: str | None = None,
    *,
    warn: Warn | None = None,
    max_article_size: int = MAX_ARTICLE_SIZE,
) -> list[Article]:
    """The articles in one file (a JSON Lines file may hold many).

    ``published`` (a date string) overrides the file's own date.  Without
    ``warn``, reading warnings are kept in the first article's ``warnings``.
    Only a regular file is read (a pipe or a device would block or never end).
    """
    path = Path(path)
    collected: list[str] = []
    fmt = _format_from_extension(path)
    size = _regular_file_size(path)
    if fmt == "jsonl":  # read one record at a time: a collection may be far larger than memory allows
        articles = _read_jsonl_file(path, warn or collected.append, max_article_size)
    else:
        _check_file_size(path, size, fmt, max_article_size)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
        articles = _read_bytes(data, str(path), _stem(path), fmt, warn or collected.append)
        articles = _within_size(articles, max_article_size, warn or collected.append)
    if collected and articles:
        articles[0].warnings.extend(message for message in collected if message not in articles[0].warnings)
    if published is not None:
        value = normalise_date(published)
        if value is None:
            raise UsageError(
                f"published date {published!r} for {path}: cannot read it (use {ACCEPTED_FORMS})"
            )
        for article in articles:
            article.published = Published(
                value=value, source="option", evidence=f"--published {article.id}={value}"
            )
    return articles


def _read_input(
    item: Path | str,
    stdin: TextIO | BinaryIO | Callable[[], TextIO | BinaryIO | None] | None,
    warn: Warn,
    max_article_size: int,
) -> list[Article]:
    if item != STDIN:
        return read_article(Path(item), warn=warn, max_article_size=max_article_size)
    data = _read_stdin(stdin, max_article_size)
    if isinstance(data, str):
        articles = _read_text(data, "<stdin>", "stdin", sniff_format(data), [], warn)
    else:
        articles = _read_bytes(data, "<stdin>", "stdin", None, warn)
    return _within_size(articles, max_article_size, warn)


# ---------------------------------------------------------------- limits: what is read at all


def _regular_file_size(path: Path) -> int:
    """The size of ``path``, or InputError when it is missing or not a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(
            f"no such file or directory: {str(path)!r} (give a file, a directory or a glob)"
        ) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise InputError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: {file_kind(path)}, not a regular file; only regular files are read")
    return info.st_size


def _size_words(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} characters"


def _check_file_size(path: Path, size: int, fmt: str | None, limit: int) -> None:
    one_article = fmt in _ONE_ARTICLE_FORMATS
    allowed = limit if one_article else limit * COLLECTION_FACTOR
    if size > allowed:
        what = "an article" if one_article else "a file read whole (use JSON Lines for big collections)"
        raise InputError(
            f"{path}: {_size_words(size)}, larger than the limit for {what} of {_size_words(allowed)} "
            "(raise it with --max-article-size)"
        )


def _within_size(articles: list[Article], limit: int, warn: Warn) -> list[Article]:
    """``articles`` without those whose text is larger than ``limit`` (each skipped with a warning)."""
    kept = []
    for article in articles:
        if len(article.text) > limit:
            warn(
                f"{article.path} (article {article.id}): skipping: its text is "
                f"{_size_words(len(article.text))}, larger than the limit of {_size_words(limit)} "
                "(raise it with --max-article-size)"
            )
            continue
        kept.append(article)
    if articles and not kept and len(articles) == 1:
        raise InputError(f"{articles[0].path}: the article is larger than the limit of {_size_words(limit)}")
    return kept


def _read_stdin(
    stdin: TextIO | BinaryIO | Callable[[], TextIO | BinaryIO | None] | None, limit: int
) -> str | bytes:
    """Standard input, read in chunks: stopped early when it is binary (``< /dev/zero``) or too large."""
    stream = stdin() if callable(stdin) else stdin
    if stream is None and stdin is None:
        stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError("standard input is closed; give the articles as files, or pipe them in")
    allowed = limit * COLLECTION_FACTOR
    chunks: list = []
    size = 0
    while chunk := stream.read(_STDIN_CHUNK):
        if not chunks and isinstance(chunk, bytes) and looks_binary(chunk):
            raise InputError("<stdin>: looks like a binary stream, not an article")
        chunks.append(chunk)
        size += len(chunk)
        if size > allowed:
            raise InputError(
                f"<stdin>: more than {_size_words(allowed)}, the limit for standard input "
                "(save it to a JSON Lines file, or raise it with --max-article-size)"
            )
    return chunks[0][:0].join(chunks) if chunks else b""


def _read_jsonl_file(path: Path, warn: Warn, limit: int) -> list[Article]:
    """A JSON Lines file, one record at a time (a line longer than ``limit`` is skipped)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_binary(head):
                _check_file_size(path, path.stat().st_size, None, limit)
                return _read_bytes(handle.read(), str(path), _stem(path), "jsonl", warn)
            lines = _lines_of(handle, limit, str(path), warn)
            articles = read_jsonl_lines(lines, str(path), _stem(path), warn)
            if not articles and _is_blank(path):
                raise InputError(f"{path}: empty file")
            return _finish(articles, "jsonl", [], warn)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _lines_of(handle: BinaryIO, limit: int, name: str, warn: Warn) -> Iterator[tuple[int, str]]:
    """(line number, decoded line) of a binary stream; a line longer than ``limit`` bytes is skipped."""
    number = 0
    warned_encoding = False
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while (rest := handle.readline(_STDIN_CHUNK)) and not rest.endswith(b"\n"):
                pass  # the rest of the oversized line, never held in memory
            warn(
                f"{name}:{number}: skipping: a line larger than the limit of {_size_words(limit)} "
                "(raise it with --max-article-size)"
            )
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        text, problems = decode_bytes(raw, name)
        if problems and not warned_encoding:
            warned_encoding = True
            warn(f"{name}: not UTF-8 (line {number} and maybe others); decoded as cp1252 or latin-1")
        yield number, text


def _is_blank(path: Path) -> bool:
    with path.open("rb") as handle:
        return not any(chunk.strip() for chunk in iter(lambda: handle.read(_STDIN_CHUNK), b""))


_SKIP_MESSAGE = re.compile(r"(?s)^(?P<where>.+?): skipping:? (?P<reason>.*)$")


def _skipped_records(messages: list[str]) -> list[Skipped]:
    """The records a reader skipped, from its warnings ("PATH:N: skipping: reason")."""
    found = [m for m in map(_SKIP_MESSAGE.match, messages) if m]
    # a record holding no text (or no object) is no article: warned about, not an unreadable article
    return [
        Skipped(path=m["where"], reason=m["reason"])
        for m in found
        if not m["reason"].startswith(("no article text", "expected a JSON object"))
    ]


def _stem(path: Path) -> str:
    """The file stem as an article id: a name that is not valid UTF-8 gets U+FFFD for its bad bytes,
    so that the id can be written, hashed and compared like any other."""
    return writable_text(path.stem)


def _format_from_extension(path: Path) -> str | None:
    return EXTENSION_FORMATS.get(path.suffix.lower())


def _read_bytes(data: bytes, name: str, stem: str, fmt: str | None, warn: Warn) -> list[Article]:
    if looks_binary(data):
        raise InputError(f"{name}: looks like a binary file, not an article")
    text, decode_warnings = decode_bytes(data, name)
    for message in decode_warnings:
        warn(message)
    if fmt in (None, "xml"):
        fmt = sniff_format(text, xml_only=fmt == "xml")
    return _read_text(text, name, stem, fmt, decode_warnings, warn)


def _read_text(
    text: str, name: str, stem: str, fmt: str, decode_warnings: list[str], warn: Warn
) -> list[Article]:
    if not text.strip():
        raise InputError(f"{name}: empty file")
    if fmt == "xml":
        root = root_element_name(text)
        raise InputError(
            f"{name}: XML but not TimeML (root element <{root}>); give .txt, .json, .html or TimeML"
        )
    if fmt == "json":
        articles = _read_json_or_lines(text, name, stem, warn)
    elif fmt == "jsonl":
        articles = read_jsonl(text, name, stem, warn)
    elif fmt == "html":
        articles = [read_html(text, name, stem)]
    elif fmt == "timeml":
        articles = [read_timeml(text, name, stem)]
    else:
        articles = [read_text(text, name, stem, fmt)]
    return _finish(articles, fmt, decode_warnings, warn)


def _finish(articles: list[Article], fmt: str, decode_warnings: list[str], warn: Warn) -> list[Article]:
    """Dates every reader's articles get the same way: a dateline, a day in the path."""
    for article in articles:
        article.warnings.extend(decode_warnings)
        if fmt != "timeml":  # TimeML's creation time is authoritative; other formats may lack a date
            for message in apply_dateline(article):
                warn(message)
            apply_path_date(article)  # a day in the URL or the path, when the article names none
    return articles


def _read_json_or_lines(text: str, name: str, stem: str, warn: Warn) -> list[Article]:
    """A ``.json`` file that is really JSON Lines is read as such."""
    try:
        return read_json(text, name, stem, warn)
    except InputError:
        if _looks_like_json_lines(text):
            return read_jsonl(text, name, stem, warn)
        raise


def _looks_like_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except json.JSONDecodeError:
        return False


def sniff_format(text: str, xml_only: bool = False) -> str:
    """The format of decoded ``text`` by its content: timeml, html, xml, json, jsonl, markdown or text."""
    head = text.lstrip()[:4096]
    if head.startswith("<"):
        root = root_element_name(head)
        if root == "TimeML":
            return "timeml"
        if xml_only:
            return "xml"
        lowered = head.lower()
        if (root and root.lower() in _HTML_ROOTS) or "<!doctype html" in lowered or "<html" in lowered:
            return "html"
        return "xml"
    if xml_only:
        return "xml"
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        return "jsonl" if _looks_like_json_lines(text) else "json"
    if head.startswith("# "):
        return "markdown"
    return "text"


def _make_ids_unique(articles: list[Article], warn: Warn) -> None:
    """Two files with the same stem in different directories must not share an id."""
    seen: set[str] = {article.id for article in articles}
    counts: dict[str, int] = {}
    for article in articles:
        counts[article.id] = counts.get(article.id, 0) + 1
        if counts[article.id] == 1:
            continue
        number = counts[article.id]
        while f"{article.id}#{number}" in seen:
            number += 1
        new_id = f"{article.id}#{number}"
        warn(f"{article.path}: another article already has the id {article.id!r}; this one is {new_id!r}")
        seen.add(new_id)
        article.id = new_id


def _apply_published_options(
    articles: list[Article], published: dict[str, str], warn: Warn, origins: dict[str, str]
) -> None:
    """``--published`` beats the file's own date; a key may be an id, a file name or a path, or else the
    start of exactly one article's id (``003`` for ``003_8abad7e98a5fd3f2``, said in a note)."""
    given: set[str] = set()  # article ids
    used: set[str] = set()
    for article in articles:
        for key in (article.id, Path(article.path).name, article.path):
            if key in published:
                _set_published(article, key, published[key], origins.get(key))
                given.add(article.id)
                used.add(key)
                break
    for key in published:
        if key in used:
            continue
        matches = [article for article in articles if article.id.startswith(key)]
        if len(matches) == 1 and matches[0].id not in given:
            _set_published(matches[0], key, published[key], origins.get(key))
            given.add(matches[0].id)
            only = matches[0].id
            warn(f"--published {key}: taken as the article {only} (the only id starting with {key!r})")
        elif len(matches) > 1:
            named = ", ".join(article.id for article in matches[:5]) + (" ..." if len(matches) > 5 else "")
            warn(f"--published {key}: {len(matches)} ids start with it ({named}); give more of the id")
        else:
            ids = ", ".join(article.id for article in articles[:10]) + (" ..." if len(articles) > 10 else "")
            warn(f"--published {key}: no article has this id (ids: {ids})")


def _set_published(article: Article, key: str, raw: str, origin: str | None) -> None:
    value = normalise_date(raw)
    if value is None:
        where = origin or "--published"
        raise UsageError(f"{where} {key}={raw}: cannot read the date (use {ACCEPTED_FORMS})")
    evidence = f"{origin}: {key},{raw}" if origin else f"--published {key}={raw}"
    article.published = Published(value=value, source="option", evidence=evidence)

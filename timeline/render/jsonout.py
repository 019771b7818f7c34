"""The JSON and JSONL outputs: plain dicts following ``timeline/schema/timeline.schema.json``.

Change a field here only together with the schema and ``docs/schema.md``; removing or renaming a field,
or changing its meaning, bumps ``SCHEMA_VERSION``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import islice
from typing import Any

try:  # the optional fast encoder (``pip install 'timeline[fast]'``): the same text, several times faster
    import orjson
except ImportError:  # pragma: no cover - the standard path below writes the same text
    orjson = None

from timeline import __version__
from timeline.render.common import ordered_events, summary_counts
from timeline.types import (
    Article,
    Conflict,
    DateValue,
    DayRanking,
    Event,
    EventMention,
    Gap,
    JoinReason,
    Published,
    SummarySentence,
    TimeExpression,
    Timeline,
)

SCHEMA_VERSION = 2


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def published_to_dict(published: Published) -> dict:
    return {
        "value": published.value,
        "source": published.source,
        "evidence": published.evidence,
        "earliest": _iso(published.earliest),
        "latest": _iso(published.latest),
    }


def document_to_dict(article: Article, copy_of: str | None = None) -> dict:
    """``copy_of``: the id of the article whose text this one re-sends (see ``Timeline.copies``)."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "format": article.format,
        "published": published_to_dict(article.published),
        "copy_of": copy_of,
    }


def date_to_dict(when: DateValue | None) -> dict | None:
    if when is None:
        return None
    return {
        "value": when.value,
        "start": when.start.isoformat(),
        "end": when.end.isoformat(),
        "granularity": when.granularity,
    }


def expression_to_dict(expression: TimeExpression) -> dict:
    return {
        "text": expression.text,
        "start": expression.start,
        "end": expression.end,
        "type": expression.type,
        "value": expression.value,
        "granularity": expression.granularity,
        "anchor": expression.anchor,
        "anchor_value": expression.anchor_value,
        "anchor_text": expression.anchor_text,
        "rule": expression.rule,
        "mod": expression.mod,
    }


def mention_to_dict(mention: EventMention) -> dict:
    sentence = mention.sentence
    return {
        "document": mention.document,
        "text": sentence.text,
        "start": sentence.start,
        "end": sentence.end,
        "line": sentence.line,
        "date_source": mention.date_source,
        "expression": expression_to_dict(mention.expression) if mention.expression else None,
        "date": mention.date.value if mention.date else None,
        "earliest": _iso(mention.earliest),
    }


def conflict_to_dict(conflict: Conflict) -> dict:
    return {"value": conflict.value, "sources": list(conflict.sources), "text": conflict.text}


def event_to_dict(event: Event) -> dict:
    return _materialised(_event_fields(event))


def _event_fields(event: Event) -> dict:
    """An event's JSON object; a large event's mentions and join reasons are converted only as they are
    written (an event of a collection that repeats one sentence thousands of times holds as many)."""
    lazy = Items if len(event.mentions) > LAZY_MENTIONS else _converted
    result = {
        "id": event.id,
        "date": date_to_dict(event.date),
        "title": event.title,
        "status": event.status,
        "sources": list(event.sources),
        "mentions": lazy(event.mentions, mention_to_dict, fast=True, flat=True),
        "conflicts": [conflict_to_dict(c) for c in event.conflicts],
        "reasons": lazy(event.reasons, reason_to_dict, fast=True, flat=True),
        "confidence": _number(event.confidence),
    }
    if event.summary:  # summary timelines (--top) only
        result["sentences"] = [_summary_sentence(s) for s in event.summary]
    if event.ranking is not None:
        result["ranking"] = _ranking(event.ranking)
    return result


def _ranking(ranking: DayRanking) -> dict:
    """Why a summary keeps the day: its rank and the evidence behind its score."""
    return {
        "rank": ranking.rank,
        "candidates": ranking.candidates,
        "score": _number(ranking.score),
        "naming": ranking.naming,
        "naming_later": ranking.naming_later,
        "months_recalled": ranking.months_recalled,
        "published": ranking.published,
        "retold": ranking.retold,
        "reductions": list(ranking.reductions),
    }


def _summary_sentence(sentence: SummarySentence) -> dict:
    """A summary sentence: its text, the articles saying it, and why it summarises its day."""
    result: dict = {"text": sentence.text, "sources": list(sentence.sources)}
    if sentence.dated_by:
        result["dated_by"] = sentence.dated_by
        result["expression"] = sentence.expression
        result["headline"] = sentence.headline
    return result


def reason_to_dict(reason: JoinReason) -> dict:
    return {
        "document": reason.document,
        "start": reason.start,
        "matched_document": reason.matched_document,
        "matched_start": reason.matched_start,
        "kind": reason.kind,
        "confidence": _number(reason.confidence),
        "actors": list(reason.actors),
        "terms": list(reason.terms),
        "date": reason.date,
        "quoted": list(reason.quoted),
        "similarity": _number(reason.similarity),
    }


def gap_to_dict(gap: Gap) -> dict:
    return {
        "kind": gap.kind,
        "message": gap.message,
        "document": gap.document,
        "path": gap.path,
        "line": gap.line,
        "start": _iso(gap.start),
        "end": _iso(gap.end),
        "failing": gap.failing,
    }


def to_dict(timeline: Timeline) -> dict:
    """The whole JSON document as dicts (``iter_json`` writes the same without holding it all)."""
    return _materialised(_fields(timeline))


def check_to_dict(gaps: list[Gap]) -> dict:
    """The optional ``check`` object that ``timeline check --format json`` adds to the document."""
    failing = sum(1 for gap in gaps if gap.failing)
    return {"passed": failing == 0, "failing": failing}


def dates_to_dict(article: Article, expressions: list[TimeExpression]) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "document": article.id,
        "path": article.path,
        "published": published_to_dict(article.published),
        "expressions": [expression_to_dict(e) for e in sorted(expressions, key=lambda e: (e.start, e.end))],
    }


def dumps(document: dict) -> str:
    """Pretty JSON, UTF-8 text kept as is (quotes and names read naturally in the output)."""
    return _pretty(document)  # the text of ``json.dumps(document, indent=2, ensure_ascii=False)``, faster


# ---------------------------------------------------------------- streaming
#
# A large timeline's document (tens of thousands of events, each with its mentions) costs several times
# its text as Python dicts; written field by field and event by event, only one event's dict lives at a
# time.  The pieces join to exactly ``dumps`` of the whole document: a nested value's lines are only
# shifted right, which is safe because JSON strings never hold a raw newline.


LAZY_MENTIONS = 100  # an event with more mentions is written mention by mention (fewer: in one piece, faster)
_ENCODER = json.JSONEncoder(indent=2, ensure_ascii=False)  # ``dumps``'s settings, made once for many calls


def _converted(
    items: Iterable[Any], convert: Callable[[Any], Any], fast: bool = False, flat: bool = False
) -> list:
    return [convert(item) for item in items]


class Items:
    """A list field of a streamed document: ``convert`` is applied to each item only as it is written.

    ``fast``: ``convert`` makes values that ``orjson`` writes as ``json`` does whenever it accepts them:
    every float in them is zero or finite and at least 1e-4 (``_number``), where both write the same
    shortest text (``orjson`` writes NaN and Infinity as null, and 1e-05 as 0.00001).

    ``flat``: ``convert`` never makes an ``Items`` or a dict holding one, so a fast list's items are
    written a batch at a time without looking into each (a large event's mentions and reasons)."""

    def __init__(
        self, items: Iterable[Any], convert: Callable[[Any], Any], fast: bool = False, flat: bool = False
    ) -> None:
        self.items = items
        self.convert = convert
        self.fast = fast and orjson is not None
        self.flat = flat


class _OddFloat(float):
    """A float that ``orjson`` would write otherwise than ``json``: ``orjson`` refuses this subclass, so
    the value is written by the standard path (which writes a float subclass as its float)."""


def _number(value: float) -> float:
    """``value``, marked (``_OddFloat``) when ``orjson`` would not write it as ``json`` does."""
    if value == 0.0 or 1e-4 <= abs(value) < _INFINITY:  # NaN fails both
        return value
    return _OddFloat(value)


def iter_dumps(fields: dict[str, Any]) -> Iterator[str]:
    """``dumps(fields)`` in pieces: a dict holding an ``Items`` value is written field by field and the
    ``Items`` one item at a time (recursively: an item may be such a dict); any other value (including an
    ``Items`` deeper inside it) in one piece."""
    return _iter_value(fields, 0)


def _iter_value(value: Any, level: int) -> Iterator[str]:
    if type(value) is Items:
        yield from _iter_list(value, level)
    elif _streamed(value):
        yield from _iter_dict(value, level)
    else:
        yield _pretty(value, level)


def _streamed(value: Any) -> bool:
    """Whether ``value`` is a dict written field by field: one holding an ``Items``."""
    return type(value) is dict and Items in map(type, value.values())


def _iter_dict(fields: dict[str, Any], level: int) -> Iterator[str]:
    indent = _indent(level + 1)
    for number, (key, value) in enumerate(fields.items()):
        yield ("{" if number == 0 else ",") + indent + _encode_string(key) + ": "
        yield from _iter_value(value, level + 1)
    yield _indent(level) + "}"


_CHUNK_PIECES = 1_000  # the items of a list are written in chunks of about this many pieces (~50 kB)


def _iter_list(field: Items, level: int) -> Iterator[str]:
    if field.fast and field.flat:
        yield from _iter_flat_list(field, level)
        return
    indent = _indent(level + 1)
    pieces: list[str] = []
    batch: list[Any] = []  # values waiting to be written together by ``orjson`` (``field.fast``)
    opening = "[" + indent
    for item in field.items:
        value = field.convert(item)
        if type(value) is Items or _streamed(value):
            if batch:
                opening = _write_batch(batch, level, opening, pieces)
            pieces.append(opening)
            opening = "," + indent
            yield "".join(pieces)
            pieces.clear()
            yield from _iter_value(value, level + 1)
        elif field.fast:
            batch.append(value)
            if len(batch) >= _BATCH_ITEMS:
                opening = _write_batch(batch, level, opening, pieces)
                yield "".join(pieces)
                pieces.clear()
        else:
            pieces.append(opening)
            opening = "," + indent
            _write(value, level + 1, pieces)
            if len(pieces) >= _CHUNK_PIECES:
                yield "".join(pieces)
                pieces.clear()
    yield _closed_list(batch, level, opening, pieces)


_BATCH_ITEMS = 64  # values of a fast ``Items`` list written in one call of ``orjson`` (~100 kB of text)


def _iter_flat_list(field: Items, level: int) -> Iterator[str]:
    """``_iter_list`` of a fast and flat ``Items``: the same pieces, its items converted a batch at a time
    (nearly two million mentions and reasons in a collection that repeats its sentences, issue #9)."""
    items, convert = iter(field.items), field.convert
    pieces: list[str] = []
    opening = "[" + _indent(level + 1)
    while len(batch := list(map(convert, islice(items, _BATCH_ITEMS)))) == _BATCH_ITEMS:
        opening = _write_batch(batch, level, opening, pieces)
        yield "".join(pieces)
        pieces.clear()
    yield _closed_list(batch, level, opening, pieces)


def _closed_list(batch: list[Any], level: int, opening: str, pieces: list[str]) -> str:
    """The last piece of a list at ``level``: ``pieces`` so far, the items still in ``batch`` and the
    closing bracket (``[]`` when no item was written)."""
    if batch:
        opening = _write_batch(batch, level, opening, pieces)
    pieces.append("[]" if opening.startswith("[") else _indent(level) + "]")
    return "".join(pieces)


def _write_batch(batch: list[Any], level: int, opening: str, out: list[str]) -> str:
    """Append the items of a list at ``level`` that ``batch`` holds (in order, each after its opening or
    comma) to ``out`` and empty ``batch``; return the opening of the next item."""
    text = _fast_items(batch, level)
    if text is None:  # a value ``orjson`` does not write as ``json`` does: the standard path
        indent = _indent(level + 1)
        for value in batch:
            out.append(opening)
            opening = "," + indent
            _write(value, level + 1, out)
    else:
        out.append(opening)
        out.append(text)
        opening = "," + _indent(level + 1)
    batch.clear()
    return opening


_ORJSON_OPTIONS = (
    # the types ``json`` cannot write (dates, dataclasses) and subclasses (which ``json`` writes as their
    # base type, or refuses) raise, so that the standard path writes them, or fails, as ``json`` does
    (orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS)
    | orjson.OPT_PASSTHROUGH_SUBCLASS
    if orjson is not None
    else 0
)


def _fast_items(batch: list[Any], level: int) -> str | None:
    """The items of a list at ``level`` holding ``batch``, written by ``orjson`` (from the first item's first
    character to the last one's last), or None when it refuses a value (a lone surrogate, an integer
    beyond 64 bits, a key that is not a string, an ``_OddFloat``, a type ``json`` cannot write): the caller
    then writes them the standard way.  The batch is nested in ``level`` lists of one item, so that
    ``orjson`` indents it at its depth itself; the text of the outer lists is left out."""
    nested: list[Any] = batch
    for _ in range(level):
        nested = [nested]
    try:
        data = orjson.dumps(nested, option=_ORJSON_OPTIONS)
    except TypeError:  # orjson.JSONEncodeError is one
        return None
    head, tail = _nesting_lengths(level)
    return str(memoryview(data)[head : len(data) - tail], "utf-8")


def _nesting_lengths(level: int) -> tuple[int, int]:
    """The characters before the first item of a list nested ``level`` deep in lists of one item (their
    openings and its first indentation) and after its last item (its closing line and theirs)."""
    head = 1 + sum(len(_indent(depth)) + 1 for depth in range(1, level + 1)) + len(_indent(level + 1))
    return head, sum(len(_indent(depth)) + 1 for depth in range(level + 1))


# ------------------------------------------------- the pretty encoder
#
# ``json`` encodes with its C encoder only without ``indent``; with it, every value goes through the
# pure-Python ``_iterencode`` (a generator per nesting level, several ``isinstance`` per value), which cost
# more than the whole build on a large collection.  ``_pretty`` writes the same text: the scalars with the
# same C and ``repr`` functions ``json`` uses, the indentation here.  A value of any other type (a subclass,
# a non-string key, an unknown object) is left to ``json`` itself, so its text or error stays ``json``'s
# (a circular structure, which no timeline makes, raises RecursionError instead of ``json``'s ValueError).

_encode_string = json.encoder.encode_basestring  # ``ensure_ascii=False``'s string encoder (C when built)
_INDENTS: list[str] = []


def _indent(level: int) -> str:
    """A newline and ``level`` levels of indentation."""
    while len(_INDENTS) <= level:
        _INDENTS.append("\n" + "  " * len(_INDENTS))
    return _INDENTS[level]


def _pretty(value: Any, level: int = 0) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` as nested ``level`` levels deep (every line after
    the first indented further)."""
    out: list[str] = []
    _write(value, level, out)
    return "".join(out)


def _float_text(number: float) -> str:
    if number != number:
        return "NaN"
    if number == _INFINITY:
        return "Infinity"
    if number == -_INFINITY:
        return "-Infinity"
    return float.__repr__(number)


_INFINITY = float("inf")
_SCALAR_TEXT: dict[type, Callable[[Any], str]] = {
    str: _encode_string,
    int: int.__repr__,
    float: _float_text,
    bool: lambda flag: "true" if flag else "false",
    type(None): lambda _: "null",
}


def _write(value: Any, level: int, out: list[str]) -> None:
    kind = type(value)
    scalar = _SCALAR_TEXT.get(kind)
    if scalar is not None:
        out.append(scalar(value))
    elif kind is dict:
        _write_dict(value, level, out)
    elif kind is list or kind is tuple:
        _write_list(value, level, out)
    elif kind is Items:  # not streamed at this depth: written as its list
        _write_list([value.convert(item) for item in value.items], level, out)
    else:
        out.append(_shifted(_ENCODER.encode(value), level))


def _write_dict(value: dict, level: int, out: list[str]) -> None:
    if not value:
        out.append("{}")
        return
    mark, text_of, prefixes = len(out), _SCALAR_TEXT.get, _key_prefixes(level)
    for key, item in value.items():
        prefix = prefixes.get(key)  # only string keys are kept there
        if prefix is None:
            if type(key) is not str:  # ``json``'s own conversion of the key (or its error)
                del out[mark:]
                out.append(_shifted(_ENCODER.encode(value), level))
                return
            prefix = _key_prefix(key, level)
        scalar = text_of(type(item))
        if scalar is not None:
            out.append(prefix + scalar(item))
        else:
            out.append(prefix)
            _write(item, level + 1, out)
    out[mark] = "{" + out[mark][1:]  # the first field opens the object instead of following a comma
    out.append(_indent(level) + "}")


# per level, each key's text with the comma and indentation before it and the colon after it (the schema's
# few keys recur in every event, mention and reason)
_KEY_PREFIXES: list[dict[str, str]] = []
_MOST_KEYS = 10_000  # a dict of many keys of its own (not the schema's) is not worth keeping


def _key_prefixes(level: int) -> dict[str, str]:
    while len(_KEY_PREFIXES) <= level:
        _KEY_PREFIXES.append({})
    return _KEY_PREFIXES[level]


def _key_prefix(key: str, level: int) -> str:
    prefix = "," + _indent(level + 1) + _encode_string(key) + ": "
    prefixes = _KEY_PREFIXES[level]
    if len(prefixes) < _MOST_KEYS:
        prefixes[key] = prefix
    return prefix


def _write_list(value: list | tuple, level: int, out: list[str]) -> None:
    if not value:
        out.append("[]")
        return
    indent, text_of = _indent(level + 1), _SCALAR_TEXT.get
    opening = "[" + indent
    for item in value:
        scalar = text_of(type(item))
        if scalar is not None:
            out.append(opening + scalar(item))
        else:
            out.append(opening)
            _write(item, level + 1, out)
        opening = "," + indent
    out.append(_indent(level) + "]")


def _shifted(text: str, levels: int) -> str:
    """``text`` (pretty JSON) as nested ``levels`` deep: every line after the first indented further."""
    return text.replace("\n", "\n" + "  " * levels) if levels else text


def _materialised(value: Any) -> Any:
    """``value`` with every ``Items`` converted into its list (what ``iter_dumps`` writes, as plain data)."""
    if isinstance(value, Items):
        return [_materialised(value.convert(item)) for item in value.items]
    if isinstance(value, dict):
        return {key: _materialised(item) for key, item in value.items()}
    return value


def iter_json(timeline: Timeline) -> Iterator[str]:
    """``render_json`` in pieces, one event at a time (see ``iter_dumps``)."""
    return iter_dumps(_fields(timeline))


def _fields(timeline: Timeline) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "timeline", "version": __version__},
        "documents": Items(
            timeline.documents, lambda d: document_to_dict(d, timeline.copies.get(d.id)), fast=True, flat=True
        ),
        "events": Items(ordered_events(timeline.events), _event_fields, fast=True),
        "gaps": Items(timeline.gaps, gap_to_dict, fast=True, flat=True),
        "summary": summary_counts(timeline),
    }


def render_json(timeline: Timeline) -> str:
    return "".join(iter_json(timeline))


def iter_jsonl(timeline: Timeline) -> Iterator[str]:
    """``render_jsonl`` in pieces, one event a line."""
    for number, event in enumerate(ordered_events(timeline.events)):
        yield ("\n" if number else "") + json.dumps(event_to_dict(event), ensure_ascii=False)


def render_jsonl(timeline: Timeline) -> str:
    """One compact event object per line, in timeline order; nothing else."""
    return "".join(iter_jsonl(timeline))

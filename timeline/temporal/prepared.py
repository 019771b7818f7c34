"""Recognise once, resolve for many publication dates.

Recognition (candidate spans, their families, the sentence/paragraph layout, the document's
slashed-date order) depends only on the text; normalisation depends on the publication date.
Publication-date inference tags the same article once per candidate day, so it ``prepare``s the
text once and ``resolve``s it per day::

    prepared = prepare(text, regions)
    for day in candidate_days:
        expressions = resolve(prepared, day)  # == tag(text, day, regions)

``resolve`` never changes what a ``Prepared`` recognised: each call builds its own ``Context``
(mentions, results) and returns fresh ``TimeExpression``s.  The only state shared between calls
are two memos, the layout's tense cues and ``modifies_noun``, both pure functions of the text and a
span, so one date's resolution cannot leak into another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from timeline.temporal.anchor import Layout, build_layout
from timeline.temporal.normalise import (
    CLOCK_FAMILIES,
    RESOLVERS,
    Context,
    names_own_day,
    numeric_order_of,
    resolve_time,
)
from timeline.temporal.recognise import Candidate, modifies_noun, noun_modifier
from timeline.temporal.timex import cached_value_to_date, is_valid_value
from timeline.temporal.units import recognise
from timeline.types import TimeExpression

# ``is_valid_value`` (a pure function of the value) once per distinct value: every expression's value and
# the publication date are tested on each resolution, and a collection repeats the same few thousand
_valid_value = lru_cache(maxsize=8192)(is_valid_value)

# A malformed match (e.g. day 31 in a 30-day month) is simply not a date: resolvers may raise these.
_RESOLUTION_ERRORS = (ValueError, KeyError, IndexError, OverflowError, TypeError)


@dataclass(frozen=True)
class Prepared:
    """Everything about a text that does not depend on its publication date."""

    text: str
    dated: tuple[Candidate, ...]  # non-overlapping candidates resolved in text order
    clocks: tuple[Candidate, ...]  # clock times and parts of day, resolved after the dates
    layout: Layout | None  # None when nothing was recognised (no need to lay the text out)
    numeric_order: str | None  # "dm" / "md" / "unknown"; None when the text has no numeric date

    def modifies_noun(self, expr: TimeExpression) -> bool:
        """``recognise.modifies_noun`` of ``expr``, kept in the layout's memo (a function of the text)."""
        if self.layout is None:
            return modifies_noun(self.text, expr.start, expr.end, expr.type)
        return noun_modifier(self.text, self.layout, expr.start, expr.end, expr.type)


_NOTHING = Prepared(text="", dated=(), clocks=(), layout=None, numeric_order=None)


def prepare(text: str, regions: list[tuple[int, int]] | None = None) -> Prepared:
    """Recognise the time expressions of ``text`` (inside ``regions``) without resolving them."""
    if not isinstance(text, str) or not text:
        return _NOTHING
    try:
        candidates = recognise(text, _clean_regions(regions, len(text)))
    except (RecursionError, re.error):  # pragma: no cover - defensive: never raise on input text
        return _NOTHING
    if not candidates:
        return Prepared(text=text, dated=(), clocks=(), layout=None, numeric_order=None)
    has_numeric = any(c.family == "numeric" for c in candidates)
    return Prepared(
        text=text,
        dated=tuple(c for c in candidates if c.family not in CLOCK_FAMILIES),
        clocks=tuple(c for c in candidates if c.family in CLOCK_FAMILIES),
        layout=build_layout(text),
        numeric_order=numeric_order_of(text) if has_numeric else None,
    )


def resolve(prepared: Prepared, published: str | None = None) -> list[TimeExpression]:
    """The expressions of a prepared text, normalised against ``published``; equal to ``tag``'s."""
    if prepared.layout is None:
        return []
    ctx = _context(prepared, published)
    results: list[TimeExpression] = []
    paragraph_of, mentions = ctx.layout.paragraph, ctx.mentions
    for cand in prepared.dated:  # ``_resolve_dated`` for each, inlined: the loop runs once per expression
        try:
            found = RESOLVERS[cand.family](cand, ctx)
        except _RESOLUTION_ERRORS:
            continue
        paragraph = paragraph_of(cand.start)
        for expr in found:
            if expr.granularity and expr.value and expr.type in ("DATE", "TIME"):
                span = cached_value_to_date(expr.value)
                if span is not None:
                    mentions.append((paragraph, expr, span))
        results.extend(found)
    # Clock times come last: they take the day of the nearest day-level expression in their sentence.
    # Those naming their own day ("4 a.m. Thursday") first, so that a bare clock beside them takes it.
    resolved = list(results)
    for cand in sorted(prepared.clocks, key=lambda c: not names_own_day(c)):
        try:
            found = resolve_time(cand, ctx, resolved)
        except (ValueError, KeyError, IndexError, OverflowError):
            continue
        results.extend(found)
        if names_own_day(cand):
            resolved.extend(found)
    results.sort(key=_start)
    for expr in results:
        expr.modifies_noun = prepared.modifies_noun(expr)
    return [e for e in results if e.value is None or _valid_value(e.value)]


_start = attrgetter("start")


def resolve_many(prepared: Prepared, published_values: list[str | None]) -> list[list[TimeExpression]]:
    """``resolve`` for each publication value, in order (each list is fresh, nothing shared)."""
    return [resolve(prepared, published) for published in published_values]


def _context(prepared: Prepared, published: str | None) -> Context:
    pub_value = published if published and _valid_value(published) else None
    pub_span = cached_value_to_date(pub_value) if pub_value else None
    assert prepared.layout is not None
    return Context(
        text=prepared.text,
        published=pub_value if pub_span else None,
        pub=pub_span,
        layout=prepared.layout,
        _numeric_order=prepared.numeric_order,
    )


def _clean_regions(regions: list[tuple[int, int]] | None, length: int) -> list[tuple[int, int]]:
    if regions is None:
        return [(0, length)]
    spans = sorted((max(0, int(s)), min(length, int(e))) for s, e in regions)
    return [(s, e) for s, e in spans if e > s]

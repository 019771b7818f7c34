"""Recognition sentence by sentence, each distinct sentence recognised once per process.

Recognition (``recognise.scan``: candidate spans, their families, overlaps resolved) depends on the text
around each match, not on the article, so a sentence printed again (wire copies, boilerplate, templated
records) can reuse what was found in its first copy, its offsets shifted.  The text is cut into *units*
where no expression and no guard can reach across the cut:

* a unit ends after a sentence's final ``.``/``!``/``?`` (closing quotes or brackets allowed), the spaces
  (space, tab, newline) after it and before a capital letter (or a quote or bracket and a capital): no
  family matches across ``". X"``, and every guard's reading after a match stops at that mark (anchored
  patterns that must first match spaces or a word; the decade words' look at the rest of the sentence
  stops there too);
* not after a word whose dot may belong to an expression or to an abbreviation: single letters and
  initials ("p.m. Tuesday", "U.S."), titles ("Mr."), a day name before a date ("Monday. March 5" and
  "Tues. Nov. 9" are one ``month_day`` match).  A month's dot never ends a match before a capital
  (``recognise._MONTH``).

Before a unit, a guard may read up to ``GUARD_LEFT`` characters back from a match it judges ("Smith.
June Carter" is a name: the capitalised word before "June" is the previous sentence's): when a judged
match starts that close to the unit's start, the characters it may read there are part of the key.  The
title test (``_is_title_name``) reads a whole line: a unit whose recognition read a line reaching past the
unit is not kept.  Everything else a unit's recognition reads lies inside it, so a kept unit's candidates
are those a scan of the whole text finds there (a property test and ``benchmarks/bench_units.py`` compare
the two on generated and real text).

Tables are bounded LRUs per process, emptied by ``forget_recognised_units`` once a build has read its
articles.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from timeline.temporal.recognise import (
    GUARD_LEFT,
    Candidate,
    Reads,
    _lower_same_length,
    find_candidates,
    scan,
    select_non_overlapping,
)

_UNIT_BREAK = re.compile(r"[.!?][\"'”’)]*[ \t\n]+(?=[\"'“‘(]?[A-Z])")
# Titles: their dot does not end a sentence (as ``anchor``'s sentence breaks).
_TITLES = frozenset(
    {"vs", "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
     "cpl", "adm", "cmdr", "rev", "st", "mt", "ft", "jr", "sr", "no", "gens", "sens", "reps"}
)  # fmt: skip
_DAY_NAMES = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
# A day name's dot belongs to a ``month_day`` / ``day_month`` match when a date follows ("Monday. March 5",
# "Tues. the 5th of March"): the next unit must not begin like one.
_DATE_AFTER_DAY_NAME = re.compile(r"(?i:the\s+)?(?:\d|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))")
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _dot_may_continue(text: str, at: int, after: int) -> bool:
    """Whether the dot at ``at`` (the next unit would begin at ``after``) may belong to an abbreviation or
    an expression: after a single letter or an initial ("p.m. Tuesday", "U.S."), a title, or a day name
    before a date."""
    tail = text[max(0, at - 10) : at]
    word = tail[len(tail.rstrip(_LETTERS)) :].lower()  # the (up to 10) letters before the dot
    if len(word) == 1 or word in _TITLES:
        return True
    return word in _DAY_NAMES and bool(_DATE_AFTER_DAY_NAME.match(text, after))


UNITS_KEPT = 4096  # distinct units (text and regions) kept per process
IN_CONTEXT_KEPT = 4096  # distinct (left context, unit) readings kept per process

Regions = tuple[tuple[int, int], ...]  # relative to the unit
# a kept candidate: start and end relative to the unit, family, priority, match, and where the string the
# match ran on starts relative to the unit (zero or negative)
_Kept = tuple[int, int, str, int, "re.Match[str]", int]


@dataclass
class _Unit:
    """What one unit's text (and regions) gave: ``left`` characters before it that its guards may read
    (0: none), and its candidates when they do not depend on anything outside the unit."""

    left: int
    kept: tuple[_Kept, ...] | None


_units: OrderedDict[tuple[str, Regions], _Unit] = OrderedDict()
_in_context: OrderedDict[tuple[str, bool, str, Regions], tuple[_Kept, ...]] = OrderedDict()
_seen: set[int] = set()  # hashes of the units met once (a collision only keeps a unit early)
SEEN_KEPT = 200_000


def forget_recognised_units() -> None:
    """Empty this process's tables of recognised units (memory, once a build has read its articles)."""
    _units.clear()
    _in_context.clear()
    _seen.clear()


def unit_starts(text: str) -> list[int]:
    """The offsets where ``text``'s units begin (0 first)."""
    starts = [0]
    for m in _UNIT_BREAK.finditer(text):
        at = m.start()
        if text[at] == "." and _dot_may_continue(text, at, m.end()):
            continue
        starts.append(m.end())
    return starts


def recognise(text: str, regions: list[tuple[int, int]]) -> list[Candidate]:
    """``select_non_overlapping(find_candidates(text, regions))``, each unit seen before recognised once.

    A unit met for the first time is scanned with the rest of the text as usual (most sentences of real
    news are never printed again, and keeping every one would cost more than it saves); its text is noted,
    and from its second copy on it is recognised alone and kept."""
    bounds = unit_starts(text)
    bounds.append(len(text))
    found: list[Candidate] = []
    first_seen: list[tuple[int, int, int]] = []  # spans of units met for the first time
    reused = False
    for s, e in zip(bounds, bounds[1:], strict=False):
        inside = _inside(regions, s, e)
        if not inside:
            continue
        key = (text[s:e], inside)
        unit = _units.get(key)
        if unit is None and hash(key) not in _seen:
            if len(_seen) >= SEEN_KEPT:
                _seen.clear()
            _seen.add(hash(key))
            first_seen.extend((s + start, s + end, s + end) for start, end in _spans(inside, e - s))
            continue
        reused = True
        found.extend(_unit_candidates(text, s, e, key, unit))
    if not reused:  # nothing seen before: one scan of the whole text, as ``find_candidates`` does
        return select_non_overlapping(find_candidates(text, regions))
    if first_seen:
        found.extend(select_non_overlapping(scan(text, _lower_same_length(text), first_seen)))
        found.sort(key=_start)
    return found


_WHOLE: Regions = ((0, -1),)  # the whole unit lies in one region (the usual case): its key's regions


def _inside(regions: list[tuple[int, int]], s: int, e: int) -> Regions:
    """The parts of ``regions`` inside [s, e), relative to s (``_WHOLE`` for all of it)."""
    parts = []
    for start, end in regions:
        if start < e and end > s:
            if start <= s and end >= e:
                return _WHOLE
            parts.append((max(start, s) - s, min(end, e) - s))
    return tuple(parts)


def _spans(regions: Regions, length: int) -> Regions:
    return ((0, length),) if regions is _WHOLE else regions


def _start(candidate: Candidate) -> int:
    return candidate.start


def _unit_candidates(
    text: str, s: int, e: int, key: tuple[str, Regions], unit: _Unit | None
) -> list[Candidate]:
    """The candidates of the unit text[s:e] (``key``), from the tables or recognised and kept."""
    regions = key[1]
    if unit is None:
        kept, left, lines_inside = _recognise_unit(text, s, e, regions)
        if lines_inside:
            _remember(_units, key, _Unit(left, None if left else kept), UNITS_KEPT)
            if left:
                _remember(_in_context, _context_key(text, s, left, key), kept, IN_CONTEXT_KEPT)
        return _placed(kept, text, s)
    _units.move_to_end(key)
    if unit.kept is not None:
        return _placed(unit.kept, text, s)
    context = _context_key(text, s, unit.left, key)
    kept_here = _in_context.get(context)
    if kept_here is None:
        kept_here, _, lines_inside = _recognise_unit(text, s, e, regions)
        if lines_inside:
            _remember(_in_context, context, kept_here, IN_CONTEXT_KEPT)
    else:
        _in_context.move_to_end(context)
    return _placed(kept_here, text, s)


def _context_key(text: str, s: int, left: int, key: tuple[str, Regions]) -> tuple[str, bool, str, Regions]:
    """The unit's key with the ``left`` characters before it (and whether the text starts within them)."""
    return (text[max(0, s - left) : s], s < left, *key)


def _recognise_unit(text: str, s: int, e: int, regions: Regions) -> tuple[tuple[_Kept, ...], int, bool]:
    """(candidates, characters before the unit its guards may have read, whether every line read lies
    inside the unit)."""
    w0 = max(0, s - GUARD_LEFT)
    window = text[w0:e]
    margin = s - w0
    reads = Reads(text, w0)
    spans = [(start + margin, end + margin, end + margin) for start, end in _spans(regions, e - s)]
    chosen = select_non_overlapping(scan(window, _lower_same_length(window), spans, reads))
    left = max(0, margin - (reads.first_judged - GUARD_LEFT)) if reads.first_judged < (1 << 62) else 0
    lines_inside = all(s <= start and end <= e for start, end in reads.lines)
    kept = tuple((c.start - margin, c.end - margin, c.family, c.priority, c.match, -margin) for c in chosen)
    return kept, min(left, GUARD_LEFT), lines_inside


def _placed(kept: tuple[_Kept, ...], text: str, s: int) -> list[Candidate]:
    return [
        Candidate(s + start, s + end, family, match, priority, text, s + shift)
        for start, end, family, priority, match, shift in kept
    ]


def _remember(table: OrderedDict, key: object, value: object, limit: int) -> None:
    table[key] = value
    if len(table) > limit:
        table.popitem(last=False)

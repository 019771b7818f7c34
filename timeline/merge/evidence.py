"""Why a mention joined an event, in a form a reader can check: a ``JoinReason`` per join.

The reason is built once per join (not per compared pair), from the two mentions that matched: the named
actors they share (spelling variants shown as "A ~ B"), their key terms and event concepts in common, how
their dates relate, quoted words both carry, and a wording similarity.  The confidence is a plain sum of
that evidence, clamped to 0..1, so a reader can retrace it:

    0.30 base
    + 0.15 per shared named actor (at most two)
    + 0.08 per shared key term or concept (at most three)
    + 0.15 for the same day, 0.08 for a compatible date; - 0.10 for a conflict; - 0.10 when undated
    + 0.10 when both quote the same words
    + 0.20 x wording similarity
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from rapidfuzz import fuzz

from timeline.merge.features import _DAY, MentionFeatures
from timeline.names import same_actor
from timeline.types import DateValue, EventMention, JoinReason

_MAX_TERMS = 6
_QUOTE = re.compile(r"[\"“”]([^\"“”]{3,200})[\"“”]")
_WORD = re.compile(r"[a-z0-9']+")


def date_kind(mention: EventMention, other: EventMention) -> str:
    """The kind of a join whose dates agree: ``same-date`` when equal, else ``compatible-date``."""
    return "same-date" if mention.date == other.date else "compatible-date"


def join_reason(
    mention: EventMention, f: MentionFeatures, other: EventMention, of: MentionFeatures, kind: str
) -> JoinReason:
    """The evidence that ``mention`` (features ``f``) is the happening ``other`` reports."""
    actors = shared_actors(f.names, of.names)
    terms = shared_terms(f, of)
    quoted = shared_quotes(mention.sentence.text, other.sentence.text)
    ratio = fuzz.token_set_ratio(mention.sentence.text, other.sentence.text)
    similarity = _one_float(round(ratio / 100.0, 2))
    return JoinReason(
        document=mention.document,
        start=mention.sentence.start,
        matched_document=other.document,
        matched_start=other.sentence.start,
        kind=kind,
        confidence=confidence(
            kind, len(actors), len(terms), bool(quoted), similarity, mention.date, other.date
        ),
        actors=actors,
        terms=terms,
        date=sys.intern(date_relation(kind, mention, other)),  # (one string for the many equal ones)
        quoted=quoted,
        similarity=similarity,
    )


def confidence(
    kind: str,
    actors: int,
    terms: int,
    quoted: bool,
    similarity: float,
    when: DateValue | None,
    other: DateValue | None,
) -> float:
    """The module docstring's sum, clamped to 0.05..0.99 (no join is certain, none is worthless)."""
    score = 0.30 + 0.15 * min(actors, 2) + 0.08 * min(terms, 3) + 0.20 * similarity
    if quoted:
        score += 0.10
    if kind in ("same-date", "compatible-date", "retelling"):
        same_day = when is not None and other is not None and when.granularity in _DAY and when == other
        score += 0.15 if same_day else 0.08
    elif kind == "conflict" or kind == "undated":
        score -= 0.10
    return _one_float(round(min(0.99, max(0.05, score)), 2))


# Memory (issue #9): a join reason's confidence and similarity, one float object for each of the hundred
# or so values rounded to hundredths (a float is 24 bytes; the 50 MB real array makes 83,000 reasons)
_FLOATS: dict[float, float] = {}


def _one_float(value: float) -> float:
    return _FLOATS.setdefault(value, value)


def shared_actors(names: tuple[str, ...], others: tuple[str, ...]) -> tuple[str, ...]:
    """Each name of ``names`` also named in ``others``, as "A ~ B" when written differently."""
    found: list[str] = []
    for name in names:
        for match in others:  # (a loop, not a generator: a join reason is made for every join)
            if _same(name, match):
                label = name if match == name else f"{name} ~ {match}"
                if label not in found:
                    found.append(label)
                break
    return tuple(found)


@lru_cache(maxsize=8192)  # memory (issue #13): 98% of a 65,536-entry cache's hits on a 1,000-article merge
def _same(a: str, b: str) -> bool:
    return a == b or same_actor(a, b)


def shared_terms(f: MentionFeatures, of: MentionFeatures) -> tuple[str, ...]:
    """Event concepts and specific words in common (a bare verb's concept shown as the verb)."""
    concepts = {c.removeprefix("v:") for c in f.concepts & of.concepts}
    specific = f.specific.intersection(of.specific_words).difference(concepts)
    return (
        tuple(sorted(concepts))[:_MAX_TERMS] + tuple(sorted(specific))[: max(0, _MAX_TERMS - len(concepts))]
    )


def shared_quotes(a: str, b: str) -> tuple[str, ...]:
    """Quoted passages of one sentence (two words or more) that the other sentence carries too."""
    found: list[str] = []
    for text, other_text in ((a, b), (b, a)):
        # (a sentence without a quotation mark is not searched: most are not, and a search costs ten times
        # as much as looking for the three marks)
        quotes = _QUOTE.findall(text) if '"' in text or "“" in text or "”" in text else ()
        if not quotes:
            continue  # (most sentences quote nothing: the other one is then not read)
        other = _flat(other_text)
        for quote in quotes:
            flat = _flat(quote)
            if len(flat.split()) >= 2 and flat in other and flat not in found:
                found.append(flat)
    return tuple(found)


def _flat(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def date_relation(kind: str, mention: EventMention, other: EventMention) -> str:
    """How the joining mention's date relates to the matched member's, in words."""
    mine, theirs = mention.date, other.date
    if kind == "undated" or mine is None:
        return f"no date of its own; takes the event's date ({theirs.value})" if theirs else "no date"
    if theirs is None:
        return f"{mine.value}"
    if kind == "same-date":
        return f"same date ({mine.value})"
    if kind == "compatible-date":
        if mention.earliest is not None and mention.date_source == "publication-implicit":
            return f"{mine.value} (publication day, or the day before) is compatible with {theirs.value}"
        if theirs.contains(mine) or mine.contains(theirs):
            return (
                f"{mine.value} lies within {theirs.value}"
                if theirs.contains(mine)
                else (f"{theirs.value} lies within {mine.value}")
            )
        return f"{mine.value} overlaps {theirs.value}"
    if kind == "retelling":
        return f"a later report ({mine.value}) retelling the happening of {theirs.value}"
    return f"{mine.value} disagrees with {theirs.value}: a conflict"

"""Clause structure: comma segments, subordinate and relative clauses, coordination, closing attributions."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.events.analysis import _NOUN_MODIFIERS, _Analysis, _verbal

_SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "until", "unless"}
)


def _subordinated(analysis: _Analysis, verb: int, near: tuple[int, int]) -> bool:
    """A subordinating word stands between the date tokens ``near`` and the verb."""
    between = range(near[1] + 1, verb) if verb > near[1] else range(verb + 1, near[0])
    return any(analysis.tokens[i].lower in _SUBORDINATORS and i not in analysis.ignored for i in between)


def _comma_segment(analysis: _Analysis, clause: tuple[int, int], near: tuple[int, int]) -> tuple[int, int]:
    """The stretch of the clause between the commas around the date tokens ``near``."""
    lo, hi = clause
    for i in range(near[0] - 1, clause[0] - 1, -1):
        if analysis.tokens[i].text == "," and i not in analysis.ignored:
            lo = i + 1
            break
    for i in range(near[1] + 1, clause[1]):
        if analysis.tokens[i].text == "," and i not in analysis.ignored:
            hi = i
            break
    return lo, hi


@dataclass(frozen=True)
class _Relative:
    """A relative clause: its relative word, where it ends, and the noun phrase it describes."""

    word: int  # token index of "who"/"which"/"where"...
    end: int  # exclusive token index
    antecedent: tuple[int, int]  # [start, end) of the described noun phrase ("Jan Orlo", "the beach")


_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})


_ANTECEDENT_STOPS = frozenset({"in", "at", "on", "near", "to", "from", "by", "with", "into", "for", "off"})


def _relative_clauses(analysis: _Analysis) -> list[_Relative]:
    """The sentence's relative clauses: ", who lived in exile," / "the beach where the army landed"
    (found once per analysis; the list is shared: never change it)."""
    if analysis.relatives is None:
        analysis.relatives = _find_relative_clauses(analysis)
    return analysis.relatives


def _find_relative_clauses(analysis: _Analysis) -> list[_Relative]:
    tokens, found = analysis.tokens, []
    for r, token in enumerate(tokens):
        if token.lower not in _RELATIVE_WORDS or r == 0 or r in analysis.ignored:
            continue
        comma = tokens[r - 1].text == ","
        described = r - 2 if comma else r - 1
        if described < 0 or analysis.verbs[described] or tokens[described].text in ",;":
            continue  # "asked where ...": a question, not a noun's description
        end = _relative_end(analysis, r, comma)
        if end is not None:
            antecedent = _antecedent(analysis, described, stop_at_of=token.lower in ("who", "whom", "whose"))
            found.append(_Relative(r, end, antecedent))
    return found


def _relative_end(analysis: _Analysis, word: int, comma: bool) -> int | None:
    """Where the relative clause opened by ``word`` ends: at the next comma; one without commas ("the
    man who led it died") also at the next verb after a pause of non-verbs (the main clause's verb).
    None when no verb of its own comes before that: not a clause."""
    tokens, own_verb, pause = analysis.tokens, False, False
    for i in range(word + 1, len(tokens)):
        if i in analysis.ignored:
            continue
        if tokens[i].text in ",;":
            return i if own_verb else None
        verbal = _verbal(analysis, i)
        if not comma and own_verb and pause and verbal and tokens[i - 1].lower not in ("to", "and", "or"):
            return i
        own_verb = own_verb or verbal
        pause = pause or (own_verb and not verbal)
    return len(tokens) if own_verb else None


def _antecedent(analysis: _Analysis, last: int, stop_at_of: bool = False) -> tuple[int, int]:
    """The noun phrase ending at ``last``: back to its determiner, a preposition or a comma (<= 6 words).

    ``stop_at_of``: a person is the last noun ("the arrest of Varga, who ..." describes Varga).
    """
    start = last
    while start > 0 and last - start < 5:
        prev = start - 1
        token = analysis.tokens[prev]
        if token.text in ",;" or analysis.verbs[prev] or token.lower in _ANTECEDENT_STOPS:
            break
        if stop_at_of and token.lower == "of":
            break
        if prev in analysis.ignored or token.lower in ("and", "or", "that"):
            break
        start = prev
        if token.lower in _NOUN_MODIFIERS:
            break
    return start, last + 1


def _relative_holding(analysis: _Analysis, index: int) -> _Relative | None:
    """The relative clause holding token ``index`` (the innermost, i.e. the last one opened before it)."""
    holding = [r for r in _relative_clauses(analysis) if r.word < index < r.end]
    return holding[-1] if holding else None


_COORDINATORS = frozenset({"and", "but"})


_MAX_SUBJECT = 6  # tokens between a coordinator and the next trigger that can still be its subject


def _own_spans(
    analysis: _Analysis, clause: tuple[int, int], triggers: list[int | None]
) -> dict[int, tuple[int, int]]:
    """Each trigger's own part of a clause two events share: "Rain started on Sunday | and the river
    burst its banks on Monday" (``clause`` boundaries only split at "and" + a verb, not + a subject)."""
    ordered = sorted({t for t in triggers if t is not None})
    cuts = [c for a, b in zip(ordered, ordered[1:], strict=False) if (c := _coordination(analysis, a, b))]
    if not cuts:
        return {}
    bounds = [clause[0], *cuts, clause[1]]
    segments = list(zip(bounds, bounds[1:], strict=False))
    return {t: next(s for s in segments if s[0] <= t < s[1]) for t in ordered}


def _coordination(analysis: _Analysis, first: int, second: int) -> int | None:
    """The "and"/"but" between two triggers that opens the second's clause with its own subject."""
    for i in range(second - 1, first, -1):
        token = analysis.tokens[i]
        if i in analysis.ignored or token.lower not in _COORDINATORS:
            continue
        subject = [k for k in range(i + 1, second) if k not in analysis.ignored]
        plain = all(not analysis.verbs[k] and analysis.tokens[k].text not in ",;" for k in subject)
        return i if subject and plain and len(subject) <= _MAX_SUBJECT else None
    return None


_MAX_ATTRIBUTION = 8  # tokens of a closing ", Transport Minister X Y said Saturday"


def _reported_before(analysis: _Analysis, verb: int) -> tuple[int, int] | None:
    """The reported clause before a closing attribution whose verb is ``verb`` ("[X resumed], a
    ministry official said Thursday."), as a token range; None if the verb does not close the sentence."""
    tokens = analysis.tokens
    comma = next(
        (i for i in range(verb - 1, -1, -1) if tokens[i].text in ",;" and i not in analysis.ignored), None
    )
    if comma is None or verb - comma > _MAX_ATTRIBUTION or tokens[comma].text != ",":
        return None
    after = [
        i for i in range(verb + 1, len(tokens)) if i not in analysis.ignored and tokens[i].text.isalnum()
    ]
    if after or any(analysis.verbs[i] for i in range(comma + 1, verb)):
        return None  # "said Thursday that ...", "..., who was there, said": not a closing attribution
    start = next((i for i in range(comma) if i not in analysis.ignored), None)
    return (start, comma) if start is not None else None

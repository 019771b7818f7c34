"""Which word is a dated clause's event (its trigger), and which date belongs to which trigger."""

from __future__ import annotations

import re

from timeline.events.analysis import (
    _NOUN_MODIFIERS,
    _TIME_NOUNS,
    _TIME_PREPOSITIONS,
    _Analysis,
    _clause_of,
    _event_nouns,
    _token_of,
    _verbs,
)
from timeline.events.clauses import _comma_segment, _subordinated
from timeline.text import (
    EVENT_NOUNS,
    LIGHT_VERBS,
    PHRASAL_CONCEPTS,
    STOPWORDS,
    concept,
    is_reporting,
)
from timeline.types import GRANULARITIES, TimeExpression


def _trigger(
    analysis: _Analysis, clause: tuple[int, int], near: tuple[int, int], coarse: bool = False
) -> int | None:
    """The clause's verb nearest the time expression (a light verb yields to its event noun).

    ``coarse``: the date is coarser than a day; in a clause of its own after a report ("said that X's
    results this year were ...") it is the reported clause's, never the report's (``reported_clause``).
    """

    def distance(i: int) -> int:
        return min(abs(i - near[0]), abs(i - near[1]))

    verbs = _verbs(analysis, *clause)
    # "found ... on Thursday after a boat sank": a verb behind "after"/"when" is another event
    verbs = [v for v in verbs if not _subordinated(analysis, v, near)] or verbs
    lo, hi = _comma_segment(analysis, clause, near)
    # a participle clause holding the date is its event: "ruled by X since 1994,", "crushing Y in 2020,"
    verbs = [v for v in verbs if lo <= v < hi] or verbs
    if not verbs:
        # a verbless clause ("a call this week was ..."): its event noun, else the sentence's verb
        nouns = _event_nouns(analysis, *clause)
        if nouns:
            return min(nouns, key=distance)
        verbs = _verbs(analysis, 0, len(analysis.tokens))
        if coarse:
            verbs = [v for v in verbs if not reported_clause(analysis, v, clause)]
        if not verbs:
            return None
    verb = min(verbs, key=lambda i: (distance(i), i))
    return _governed_event_noun(analysis, verb, clause[1], near)


def reported_clause(analysis: _Analysis, verb: int, clause: tuple[int, int]) -> bool:
    """``clause`` is what the reporting verb at ``verb``, right before it, says: "said | that ... this year"
    (a clause further on, "said ..., which led to a verdict this week", may be another's)."""
    return clause[0] - 2 <= verb < clause[0] and is_reporting(analysis.tokens[verb].lower)


def _governed_event_noun(
    analysis: _Analysis, verb: int, clause_end: int, date: tuple[int, int] | None = None
) -> int:
    """A verb that names no event itself ("held", "hailed") yields to the event noun after it ("call").

    Not a verb of its own act next to its date: "on Tuesday condemned the bombings" dates the
    condemnation; the bombings happened earlier.
    """
    word = analysis.tokens[verb].lower
    if is_reporting(word) or (concept(word) and word not in LIGHT_VERBS):
        return verb
    if word in _COPULAS and (act := _ordinal_infinitive(analysis, verb, clause_end)) is not None:
        return act  # "became the last to ratify": the ratification
    if word not in LIGHT_VERBS and date is not None and (date[1] < verb or date[0] <= verb + 1):
        return verb
    following = _event_nouns(analysis, verb + 1, min(verb + 7, clause_end))
    if following:
        return following[0]
    if word in LIGHT_VERBS and (noun := _action_noun_object(analysis, verb, clause_end)) is not None:
        return noun  # "made a decision", "gave a speech": the noun is the act
    return verb


def _ordinal_infinitive(analysis: _Analysis, verb: int, clause_end: int) -> int | None:
    """The verb of "the first/last/only to VERB" right after a copula."""
    words = [t.lower for t in analysis.tokens[verb + 1 : min(verb + 6, clause_end)]]
    for n, word in enumerate(words[:-1]):
        if word == "to" and n >= 1 and words[n - 1] in ("first", "last", "only", "second", "third", "next"):
            return verb + n + 2
    return None


_COPULAS = frozenset({"become", "became", "becomes", "becoming"})


_ACTION_NOUN = re.compile(r"[a-z]{3,}(?:tion|sion|ment|ance|ence)s?$")


_ACTION_NOUNS = frozenset(
    {"speech", "speeches", "promise", "pledge", "offer", "appeal", "bid", "plea", "vote", "attempt"}
    | {"request", "remarks", "address", "decision", "decisions", "proposal", "trip", "tour", "raid"}
)


def _action_noun_object(analysis: _Analysis, verb: int, clause_end: int) -> int | None:
    """The light verb's object when it names an act ("made a [decision]", "gave a brief [speech]")."""
    for i in range(verb + 1, min(verb + 5, clause_end)):
        token = analysis.tokens[i]
        if i in analysis.ignored or analysis.verbs[i] or not token.text.isalpha() or not token.text.islower():
            return None
        if token.lower in _ACTION_NOUNS or _ACTION_NOUN.fullmatch(token.lower):
            return i
        if token.lower in STOPWORDS and token.lower not in _NOUN_MODIFIERS:
            return None  # a preposition: the object has ended
    return None


def _dates_plain_noun(analysis: _Analysis, expression: TimeExpression) -> bool:
    """ "a campaign poster from 1989", "the constitution of 1946": a date after "from"/"of" that
    describes a thing (a determined common noun that names no event), not when something happened."""
    first = _token_of(analysis, expression.start)
    if expression.modifies_noun or first < 2 or analysis.tokens[first - 1].lower not in ("from", "of"):
        return False  # "the handling of Wednesday's meeting": the date is the next noun's
    noun = first - 2
    word = analysis.tokens[noun]
    if analysis.verbs[noun] or not word.text.isalpha() or not word.text.islower():
        return False
    if (
        word.lower in STOPWORDS
        or word.lower in EVENT_NOUNS
        or concept(word.lower)
        or word.lower in _TIME_NOUNS
    ):
        return False
    for i in range(noun - 1, max(noun - 4, -1), -1):
        token = analysis.tokens[i]
        if token.lower in _NOUN_MODIFIERS:
            return True
        if analysis.verbs[i] or not token.text.isalpha() or not token.text.islower():
            return False
    return False


def _dated_triggers(
    analysis: _Analysis, clause: tuple[int, int], found: list[TimeExpression]
) -> list[tuple[int | None, TimeExpression]]:
    """The clause's events with their dates: one per trigger, dated by its finest nearest expression.

    Dates nearest different verbs date different events ("X, built in 1978, had been inspected last
    year": the building and the inspection); several dates of one verb are one event at the finest.
    """

    def finest(chains: list[list[TimeExpression]]) -> list[TimeExpression]:
        return min(chains, key=lambda c: (GRANULARITIES.index(c[0].granularity or "day"), c[0].start))

    def span(e: TimeExpression) -> tuple[int, int]:
        return _token_of(analysis, e.start), _token_of(analysis, e.end - 1)

    chains = _coordinated_chains(analysis, found)  # "on Monday and Tuesday": one event, two days
    by_trigger: dict[int | None, list[list[TimeExpression]]] = {}
    for chain in chains:
        trigger = _trigger(analysis, clause, span(chain[0]))
        lo, hi = _comma_segment(analysis, clause, span(chain[0]))
        # only a verb in the date's own comma segment makes it another event ("officials said on
        # Tuesday" dates the report, not another event: its date stays with the clause's event)
        if trigger is not None and lo <= trigger < hi and not is_reporting(analysis.tokens[trigger].lower):
            by_trigger.setdefault(trigger, []).append(chain)
    if len(by_trigger) < 2:
        chosen = finest(chains)
        coarse = (chosen[0].granularity or "day") not in ("day", "time")
        return [(_trigger(analysis, clause, span(chosen[0]), coarse), e) for e in chosen]
    dated = [(t, e) for t, own in by_trigger.items() for e in finest(own)]
    return sorted(dated, key=lambda pair: pair[1].start)


_DATE_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)(?:on\s+|in\s+)?")


def _coordinated_chains(analysis: _Analysis, found: list[TimeExpression]) -> list[list[TimeExpression]]:
    """The dates in order, those joined by a coordination kept together: "held talks on Monday and
    Tuesday", "on April 24 and 25" are one event on both days.  "Monday or Tuesday" is one uncertain
    day: not joined, so its first date stands alone as before."""
    chains: list[list[TimeExpression]] = []
    for expression in sorted(found, key=lambda e: e.start):
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and expression.start >= last.end
            and expression.granularity == last.granularity
            and expression.value != last.value
            and _DATE_COORDINATOR.fullmatch(
                analysis.text, last.end - analysis.offset, expression.start - analysis.offset
            )
        ):
            chains[-1].append(expression)
        else:
            chains.append([expression])
    return chains


# the preposition whose object is an event noun dated after it: "in connection with the bombings last year"
_NOUN_PREPOSITIONS = frozenset(
    {"with", "since", "after", "before", "following", "over", "about", "for", "despite", "amid", "of"}
)


def _noun_before_date(analysis: _Analysis, expression: TimeExpression) -> int | None:
    """The event noun a date follows, when the noun is a preposition's object after the main verb.

    "was arrested in connection with the bombings last year", "... with the bombings of two embassies
    last year": the year dates the bombings, not the arrest; "since the attacks in August" likewise.
    The noun may carry a short complement ("of ...", "in ...") before the date; a verb of its clause must
    stand before the preposition.
    """
    first = _token_of(analysis, expression.start)
    i = first - 1
    if i >= 0 and analysis.tokens[i].lower in _TIME_PREPOSITIONS:
        i -= 1  # the date's own preposition ("the attacks in August")
    for noun in range(i, max(i - 8, -1), -1):
        token = analysis.tokens[noun]
        if noun in analysis.ignored or analysis.verbs[noun] or token.text in ",;":
            return None
        after = analysis.tokens[noun + 1].lower if noun < i else ""
        if token.lower in EVENT_NOUNS and (noun == i or after in _COMPLEMENT_PREPOSITIONS):
            return noun if _object_of_preposition(analysis, noun) else None
    return None


_COMPLEMENT_PREPOSITIONS = frozenset({"of", "in", "at", "on", "against", "near"})


def _object_of_preposition(analysis: _Analysis, noun: int) -> bool:
    """A preposition of ``_NOUN_PREPOSITIONS`` governs the noun, after a verb of the clause."""
    for j in range(noun - 1, max(noun - 5, -1), -1):
        word = analysis.tokens[j]
        if word.lower in _NOUN_PREPOSITIONS:
            return bool(_verbs(analysis, _clause_of(analysis, noun)[0], j))
        if analysis.verbs[j] or word.text in ",;" or j in analysis.ignored:
            return False
    return False


def _trigger_text(analysis: _Analysis, trigger: int, clause_end: int) -> str:
    """The trigger word, with its particle when the pair means something else ("went off", "blew up")."""
    word = analysis.tokens[trigger]
    # a copula or light verb reaches its complement past determiners and adjectives ("became full members")
    reach = 5 if word.lower in _COPULAS or word.lower in LIGHT_VERBS else 3
    for n in range(trigger + 1, min(trigger + reach, clause_end)):
        follower = analysis.tokens[n]
        if (word.lower, follower.lower) in PHRASAL_CONCEPTS:
            return f"{word.text} {follower.text}"
        if follower.text[:1].isupper():
            continue  # one name may stand between: "became OSTRA members"
        if reach == 3 or analysis.verbs[n] or not follower.text.isalpha():
            break
        if follower.lower in STOPWORDS and follower.lower not in _NOUN_MODIFIERS:
            break  # a preposition ends the complement
    return word.text


_BE_FORMS = frozenset({"is", "are", "was", "were"})
# prepositions STOPWORDS lacks that end a subject noun phrase ("the fire behind the depot")
_PLACE_PREPOSITIONS = frozenset({"outside", "inside", "near", "behind", "beside", "across", "along"})
_PLACE_TAKING = frozenset({"take", "takes", "took", "taken", "taking"})


def subject_event_noun(analysis: _Analysis, verb: int, clause: tuple[int, int]) -> int | None:
    """The event noun that is the subject of a verb saying only that it happened or what it was like:
    "The blast was so strong that ...", "the ceremony took place at ...": the noun is the happening."""
    tokens = analysis.tokens
    word = tokens[verb].lower
    framing = word in _BE_FORMS or (
        word in _PLACE_TAKING and verb + 1 < len(tokens) and tokens[verb + 1].lower == "place"
    )
    if not framing:
        return None
    start = verb
    while start > clause[0] and tokens[start - 1].text not in ",;" and not analysis.verbs[start - 1]:
        start -= 1
    # the subject: a determiner, then its noun ("The fire behind the depot", "the twin storms")
    if start >= verb or tokens[start].lower not in _NOUN_MODIFIERS:
        return None
    head = None
    for i in range(start + 1, verb):
        token = tokens[i]
        if i in analysis.ignored or not token.text.isalpha() or not token.text.islower():
            break
        if token.lower in STOPWORDS or token.lower in _PLACE_PREPOSITIONS:
            break
        head = i
    if head is None:
        return None
    noun = tokens[head].lower
    return head if noun in EVENT_NOUNS or concept(noun) else None

"""Who took part, who acted, where it happened, and the clause's content terms."""

from __future__ import annotations

from functools import lru_cache

from timeline.events.analysis import _PLACE_PREPOSITIONS, _Analysis, _names, _token_index, _verbs
from timeline.events.clauses import _relative_clauses
from timeline.names import Name, is_nationality
from timeline.text import (
    AUXILIARIES,
    CONCEPTS,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MODALS,
    ROLE_NOUNS,
    STOPWORDS,
    concept,
    is_reporting,
    noun_lemma,
    verb_lemma,
)
from timeline.types import EventMention

_CONCEPT_IDS = frozenset(CONCEPTS.values())


def _expand_surnames(mentions: list[EventMention]) -> None:
    """A bare surname means the person of the article's one full name with that surname ("Varga"); a full
    name with and without an initial ("Ana B. Varga", "Ana Varga") is written one way."""
    full: dict[str, dict[str, str]] = {}  # surname -> the full name without initials -> as first written
    named: set[str] = set()  # every actor of the article
    recorded: set[str] = set()  # the actors read once outside places: a second reading adds nothing
    for mention in mentions:
        if not mention.actors:
            continue
        named.update(mention.actors)
        for actor in mention.actors:
            if actor in recorded or actor in mention.places:
                continue
            recorded.add(actor)
            words = actor.split()
            if len(words) >= 2 and " of " not in f" {actor} ":
                # "Ana B Varga" and "Ana Varga" are one person: an initial does not make another
                plain = " ".join(w for w in words if len(w) > 1)
                full.setdefault(words[-1], {}).setdefault(plain, actor)
    # each name's written form once per article, not once per mention naming it (speed: a templated
    # article names the same few people in every sentence)
    renamed = {actor: name for actor in named if (name := _full_name(actor, full)) != actor}
    if not renamed:
        return
    for mention in mentions:
        if not renamed.keys().isdisjoint(mention.actors):
            mention.actors = list(dict.fromkeys([renamed.get(a, a) for a in mention.actors]))


def _full_name(actor: str, full: dict[str, dict[str, str]]) -> str:
    words = actor.split()
    if len(words) == 1:
        return next(iter(full[actor].values())) if len(full.get(actor, ())) == 1 else actor
    # the one written form of a person named with and without an initial, so the names meet as strings
    return full.get(words[-1], {}).get(" ".join(w for w in words if len(w) > 1), actor)


def _subjects(analysis: _Analysis, clause: tuple[int, int], trigger: int, places: set[str]) -> list[str]:
    """The names that did the trigger's act: those left of it in its clause ("Norland and Ostria on
    Friday joined"), not a preposition's object, a place, a role noun or a name inside a relative clause.

    Names in the trigger's own comma segment win; else the clause's first segment (the subject before
    an apposition: "Norland, a member since 1999, condemned ...").
    """
    if not analysis.verbs[trigger]:
        # an event noun: the subject of the light verb that holds it ("X and Y held the call") is its
        # agent; a name before another verb ("X hailed the call") only reacted to it
        governing = [
            v for v in _verbs(analysis, clause[0], trigger) if analysis.tokens[v].lower in LIGHT_VERBS
        ]
        if not governing or _verbs(analysis, governing[-1] + 1, trigger):
            return []
        trigger = governing[-1]
    lo_offset, hi_offset = analysis.tokens[clause[0]].start, analysis.tokens[trigger].start
    relatives = [r for r in _relative_clauses(analysis) if not r.word < trigger < r.end]
    by_segment: dict[int, list[str]] = {}
    for name in _names(analysis):
        if not lo_offset <= name.start < hi_offset or name.text in places or _is_role_name(name.text):
            continue
        first, last = _token_index(analysis, name.start), _token_index(analysis, name.end - 1)
        before = first - 1
        while before > 0 and analysis.tokens[before].lower in ("the", "a", "an"):
            before -= 1
        if before >= 0 and analysis.tokens[before].lower in _OBJECT_PREPOSITIONS:
            continue  # "talks with Ostria", "the ratification of the Pact": not the one who acted
        if last + 1 < trigger and _names_an_event(analysis, last + 1):
            continue  # "the Ardo summit will be held": the name labels the event, it did nothing
        if any(r.word < first < r.end for r in relatives):
            continue
        segment = sum(
            1 for i in range(first, trigger) if analysis.tokens[i].text == "," and i not in analysis.ignored
        )
        by_segment.setdefault(segment, []).append(name.text)
    if not by_segment:
        return []
    chosen = by_segment.get(0) or by_segment[max(by_segment)]
    return list(dict.fromkeys(chosen))


def _names_an_event(analysis: _Analysis, i: int) -> bool:
    word = analysis.tokens[i].lower
    return not analysis.verbs[i] and (word in EVENT_NOUNS or (concept(word) is not None and word.isalpha()))


_OBJECT_PREPOSITIONS = frozenset(
    {"with", "by", "of", "for", "to", "from", "against", "between", "among", "about", "after", "before"}
    | _PLACE_PREPOSITIONS
)


def _is_role_name(name: str) -> bool:
    """A capitalised common noun opening the sentence ("Police", "Officials"), not a named actor."""
    words = [w for w in name.lower().split() if w not in ("the", "a", "an")]
    return len(words) == 1 and noun_lemma(words[0]) in ROLE_NOUNS


def _actors(
    analysis: _Analysis, clause: tuple[int, int], reporting_verb: int | None
) -> tuple[list[str], int | None]:
    """Names in the clause (else in the clauses before it), a statement's speaker first.

    Also returns the token index where the speaker's name starts, if there is a speaker.
    """
    names = _names(analysis)
    lo, hi = analysis.tokens[clause[0]].start, analysis.tokens[clause[1] - 1].end
    inside = [n for n in names if lo <= n.start < hi] or [n for n in names if n.start < lo]
    speaker_start = None
    if reporting_verb is not None:
        verb_start = analysis.tokens[reporting_verb].start
        speakers = [n for n in inside if n.start < verb_start]
        if speakers:
            speaker = _speaker(analysis, speakers, reporting_verb)
            inside.remove(speaker)
            inside.insert(0, speaker)
            speaker_start = _token_index(analysis, speaker.start)
            if speaker_start > clause[0] and analysis.tokens[speaker_start - 1].lower in ("the", "a", "an"):
                speaker_start -= 1
    unique: list[str] = []
    for name in inside:
        if name.text not in unique:
            unique.append(name.text)
    return unique, speaker_start


def _speaker(analysis: _Analysis, names: list[Name], verb: int) -> Name:
    """The name nearest the saying verb, unless it only says where the subject before it is: "The Eastport
    Herald in Portvale reported", "The Herald (in Portvale) said": the paper speaks, not its city.

    Only a subject that opens the sentence and runs straight to the verb: after an apposition ("Ivo Rahn,
    an analyst at Acme in Portvale, said") the names before the verb are the speaker's employer and town,
    and a capitalised word opening the sentence ("Analysts in Portvale said") is no name of a speaker."""
    last = names[-1]
    if len(names) < 2 or not _placed_after(analysis, names[-2], last, verb):
        return last
    return names[-2]


def _placed_after(analysis: _Analysis, name: Name, place: Name, verb: int) -> bool:
    """``place`` follows ``name``, the sentence's subject, after a locative preposition ("Herald (in
    Portvale)"), and the verb follows the place's phrase with no comma ("Herald in Portvale reported")."""
    tokens = analysis.tokens
    first, last = _token_index(analysis, name.start), _token_index(analysis, name.end - 1)
    at = _token_index(analysis, place.start)
    opening = first
    while opening > 0 and tokens[opening - 1].lower in ("the", "a", "an"):
        opening -= 1
    if opening > 0 and not (opening == 2 and tokens[1].text == ","):  # "However, the Herald in ..."
        return False
    if opening == first and " " not in name.text and not (first == 2 and tokens[1].text == ","):
        return False  # a capitalised word opening the sentence: "Analysts in Portvale said"
    if _is_role_name(name.text) or is_nationality(name.text):
        return False  # "Police in Portvale said", "A Danish envoy in Portvale said": the place tells which
    if any(t.text in (",", ";") for t in tokens[at:verb]):
        return False  # "Ivo Rahn in the Herald, meanwhile, said": too far from the verb to be sure
    words = [t.lower for t in tokens[last + 1 : at] if t.lower not in ("(", "the")]
    if not words or words[-1] not in _PLACE_PREPOSITIONS or "," in words:
        return False
    # at most one common noun between the name and the preposition: "the Herald newspaper in Portvale"
    return len(words) <= 2 and all(w.isalpha() and w not in AUXILIARIES for w in words)


def _places(analysis: _Analysis) -> set[str]:
    """The sentence's names read as where something happened: "in Eastport", "Portvale, Norland", "in Norland
    and Sudmark".  Only a locative preposition makes a place: a nationality ("Danish fishermen", "U.S.
    officials") or a possessive ("Ana's relatives") describes a participant, not the event's location.
    Found once per analysis: the set is shared by the sentence's mentions (never change it)."""
    if analysis.places is None:
        analysis.places = _find_places(analysis)
    return analysis.places


def _find_places(analysis: _Analysis) -> set[str]:
    tokens, places = analysis.tokens, set()
    names = _names(analysis)
    for n, name in enumerate(names):
        first = _token_index(analysis, name.start)
        last = _token_index(analysis, name.end - 1)
        before = tokens[first - 1].lower if first > 0 else ""
        before2 = tokens[first - 2].lower if first > 1 else ""
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        attributive = after is not None and after.text[:1].islower() and _plain_noun(analysis, last + 1)
        if (
            before in _PLACE_PREPOSITIONS
            or (before == "the" and before2 in _PLACE_PREPOSITIONS and not attributive)
            or name.text in places
            or (before == "and" and first > 1 and _previous_name(names, n, first, analysis) in places)
        ):
            places.add(name.text)
            if after is not None and after.text == "," and n + 1 < len(names):
                # "Portvale, Norland": a place followed by its region or country
                region = names[n + 1]
                if _token_index(analysis, region.start) == last + 2:
                    places.add(region.text)
    return places


def _previous_name(names: list[Name], n: int, first: int, analysis: _Analysis) -> str | None:
    """The name just before "and" ("in Norland and Sudmark"), if the name at ``first`` follows one."""
    if n == 0 or _token_index(analysis, names[n - 1].end - 1) != first - 2:
        return None
    return names[n - 1].text


def _plain_noun(analysis: _Analysis, i: int) -> bool:
    """A lower-case content word that is not a verb: the noun an attributive name qualifies."""
    word = analysis.tokens[i].lower
    return not analysis.verbs[i] and word not in STOPWORDS and word not in AUXILIARIES and word not in MODALS


def _terms(analysis: _Analysis, clause: tuple[int, int]) -> list[str]:
    """Lower-case content lemmas of the clause; event words become their shared concept."""
    terms: list[str] = []
    tokens, ignored, verbs, tables = analysis.tokens, analysis.ignored, analysis.verbs, _TOKEN_TERMS
    for i in range(*clause):
        if i in ignored:
            continue
        text, verb = tokens[i].text, verbs[i]
        term = tables[verb].get(text, _UNREAD)
        if term is _UNREAD:
            term = _token_term(text, verb)
        if term is not None and term not in terms:
            terms.append(term)
    return terms


# ``_token_term`` of each token text, one table for non-verbs and one for verbs (indexed by the verb flag):
# ``_terms`` reads every word of every mention's clause, and one look-up by the text is cheaper than the
# first-letter tests and a two-argument cache's key each time (issue #13)
_TOKEN_TERMS: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})
_TOKEN_TERMS_KEPT = 65536  # per table: past this a table starts again (its words are read again)
_UNREAD = object()


def _token_term(text: str, verb: bool) -> str | None:
    """The term of a token written ``text`` (its lower-case form is ``text.lower()``): none for a word
    not starting with a lower-case letter (a name, a number, punctuation), else ``_term_of``."""
    first = text[:1]
    term = None if not first.isalpha() or first.isupper() else _term_of(text.lower(), verb)
    table = _TOKEN_TERMS[verb]
    if len(table) >= _TOKEN_TERMS_KEPT:
        table.clear()
    table[text] = term
    return term


@lru_cache(maxsize=65536)
def _term_of(word: str, verb: bool) -> str | None:
    """The content term of a lower-case word (read as a verb or not), None for a function word: decided
    once per word (``_terms`` reads every word of every mention's clause)."""
    if word in STOPWORDS or len(word) < 3 or word in AUXILIARIES or is_reporting(word):
        return None
    if word in CONCEPTS and (word in EVENT_NOUNS or verb or not word.endswith("ed")):
        return concept(word) or word
    if verb:
        # a verb sharing a concept's spelling ("called X alarming") must not pose as that concept
        return word if verb_lemma(word) in _CONCEPT_IDS else verb_lemma(word)
    return noun_lemma(word)


def _reported_terms(analysis: _Analysis, clause: tuple[int, int]) -> list[str]:
    """The terms of the that-clause right after a statement's clause ("said ... that two villages were
    evacuated"): what was said, which the reporting clause itself does not tell."""
    following = next((c for c in analysis.clauses if c[0] == clause[1]), None)
    if following is None or analysis.tokens[following[0]].lower != "that":
        return []
    return _terms(analysis, following)

"""Words said on the story's date: a statement that only borrowed a happening's action is not that happening.

The events stage lends a clause that states no date a nearby report's action, names and date (one
happening told over several sentences: ``timeline/events/implicit.py``). When that clause is words said
by someone ("The Ostrian government also expressed its condolences", "A statement by the ministry called
the attacks senseless", a quotation and its speaker) and states no date of its own, only the borrowed
action, the story's day and the story's names tie it to the happening, and the merge would join it to
every report of that happening (on the AQUAINT merge gold such sentences held a tenth of the wrong
pairs). So, once the events are formed, such a statement whose speaker the rest of its event never names
leaves for an event of its own, keeping its own date (nothing is re-dated).

Kept: a statement of the account's own speaker (no party named outside its quotation but places:
"... ,'' he said", "marched around the Town Square chanting ``...''"), one naming a party the event's
other sentences name (every word of the name in one of theirs: "the Foreign Affairs Department" is not
"the State Department"), and one whose own verb tells the event's action ("12 were killed, officials said").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.analysis import _PLACE_PREPOSITIONS as PLACE_PREPOSITIONS
from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.features import _ALLIED, MentionFeatures, features
from timeline.merge.scoring import UNSTATED
from timeline.names import Name, extract_names, name_words
from timeline.text import Token, concept, is_reporting, tokenize, verb_flags
from timeline.types import EventMention

# a quotation: ``...'' (the corpora's wire style), "...", or typographic quotes
_QUOTATION = re.compile(r"``.*?(?:''|$)|\".*?(?:\"|$)|\u201c.*?(?:\u201d|$)", re.DOTALL)
QUOTED_WORDS = 3  # a quotation shorter than this is a word in quotes ("a ``kidnapping''"), not speech
# nouns that name words said: "a statement by the ministry", "expressed its condolences"
_SAID_NOUNS = frozenset({"statement", "statements", "remarks", "comments", "condolences", "message"})

Names = tuple[frozenset[str], ...]  # each named party's words (``names.name_words``)


def separate_statements(clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters with each borrowed statement (``borrowed_statement``) whose named parties none of
    its event's other sentences name taken out into a cluster of its own."""
    result: list[_Cluster] = []
    for cluster in clusters:
        gone = _outside_statements(cluster) if len(cluster.mentions) > 1 else []
        if not gone:
            result.append(cluster)
            continue
        kept = _without(cluster, gone)
        if kept.mentions:
            result.append(kept)
        for mention in gone:
            mention.join = None  # it starts its own event: no longer joined to anything
            alone = _Cluster()
            alone.add(mention, features(mention))
            result.append(alone)
    return result


def _outside_statements(cluster: _Cluster) -> list[EventMention]:
    """The cluster's borrowed statements that neither tell its action nor name a party its other sentences
    name."""
    gone = []
    for mention in cluster.mentions:
        names = borrowed_statement(mention, features(mention))
        if not names:
            continue
        others = [features(m) for m in cluster.mentions if m.sentence is not mention.sentence]
        if not others or _tells_action(mention, others):
            continue
        if not any(_named(words, others) for words in names):
            gone.append(mention)
    return gone


def _tells_action(mention: EventMention, others: list[MentionFeatures]) -> bool:
    """A verb of the sentence's own is the event's action or an allied one ("75 people were killed,
    officials said" of an attack): it reports the happening, not only words about it."""
    heads = {of.head for of in others if of.head}
    heads |= {allied for head in tuple(heads) for allied in _ALLIED.get(head, ())}
    tokens = tokenize(mention.sentence.text)
    return any(flag and concept(t.lower) in heads for t, flag in zip(tokens, verb_flags(tokens), strict=True))


def _named(words: frozenset[str], others: list[MentionFeatures]) -> bool:
    """Every word of the party's name is in one name the other sentences give."""
    return any(words <= name_words(name) for of in others for name in of.names)


def borrowed_statement(mention: EventMention, f: MentionFeatures) -> Names | None:
    """The parties a sentence names (``Names``) when it reports words said by a named party, states no
    date of its own and carries an action not among its own words (lent by a neighbouring report); None
    otherwise."""
    if mention.date_source not in UNSTATED or f.kind == "statement":
        return None
    text = mention.sentence.text
    first = mention.trigger.split()[0].lower() if mention.trigger else ""
    if first and first in text.lower():
        return None  # its own action: what it reports, not only who said something
    return _speech_names(text)


# memory (issue #9): one merge step's sentences, seldom asked twice far apart (mem75: docs/performance.md)
@lru_cache(maxsize=1024)
def _speech_names(text: str) -> Names | None:
    """The parties a sentence reporting words said names, inside its quotations too (None when it reports
    none, or names no party outside them: "... ,'' he said" goes on with the account's own speaker)."""
    quotes = [q for q in _QUOTATION.finditer(text) if len(tokenize(q.group())) >= QUOTED_WORDS]
    outside = tokenize(_QUOTATION.sub(" ", text))
    # lower-case only: "States" of a country's name is no reporting verb
    said = any(t.text.islower() and (is_reporting(t.lower) or t.lower in _SAID_NOUNS) for t in outside)
    if not (quotes or said) or not _parties(outside):
        return None
    return tuple(words for name in extract_names(tokenize(text)) if (words := name_words(name.text)))


def _parties(tokens: list[Token]) -> list[Name]:
    """The names of the tokens that are not places: "in Eastport", "around the Town Square" say where."""
    found = []
    starts = {t.start: i for i, t in enumerate(tokens)}
    for name in extract_names(tokens):
        i = starts.get(name.start, 0)
        before = [t.lower for t in tokens[max(0, i - 2) : i]]
        if before and before[-1] == "the":
            before = before[:-1]
        if before and before[-1] in PLACE_PREPOSITIONS:
            continue
        found.append(name)
    return found

"""Words said on the story's date: a statement that only borrowed a happening's action is not that happening.

The events stage lends a clause that states no date a nearby report's action, names and date (one
happening told over several sentences: ``timeline/events/implicit.py``). When that clause is words said
by someone ("The Cuban government also expressed its condolences", "A statement by the ministry called
the attacks senseless", a quotation and its speaker) and states no date of its own, only the borrowed
action, the story's day and the story's names tie it to the happening, and the merge would join it to
every report of that happening (on the AQUAINT merge gold such sentences held a tenth of the wrong
pairs). So, once the events are formed, such a statement whose speaker the rest of its event never names
leaves for an event of its own, keeping its own date (nothing is re-dated).

A statement of the account's own speaker is kept: one with no name outside its quotation ("... ,'' he
said"), or one naming a party the event's other sentences name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.features import _ALLIED, MentionFeatures, features
from timeline.merge.scoring import UNSTATED
from timeline.names import extract_names, frozen_actor_keys, frozen_keys_match
from timeline.text import concept, is_reporting, tokenize, verb_flags
from timeline.types import EventMention

# a quotation: ``...'' (the corpora's wire style), "...", or typographic quotes
_QUOTATION = re.compile(r"``.*?(?:''|$)|\".*?(?:\"|$)|\u201c.*?(?:\u201d|$)", re.DOTALL)
QUOTED_WORDS = 3  # a quotation shorter than this is a word in quotes ("a ``kidnapping''"), not speech
# nouns that name words said: "a statement by the ministry", "expressed its condolences"
_SAID_NOUNS = frozenset({"statement", "statements", "remarks", "comments", "condolences", "message"})

Names = tuple[frozenset[str], ...]


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
    gone = []
    for mention in cluster.mentions:
        names = borrowed_statement(mention, features(mention))
        if not names:
            continue
        others = [features(m) for m in cluster.mentions if m.sentence is not mention.sentence]
        if others and not _tells_action(mention, others) and not any(_named(keys, others) for keys in names):
            gone.append(mention)
    return gone


def _tells_action(mention: EventMention, others: list[MentionFeatures]) -> bool:
    """A verb of the sentence's own is the event's action or an allied one ("75 people were killed,
    officials said" of an attack): it reports the happening, not only words about it."""
    heads = {of.head for of in others if of.head}
    heads |= {allied for head in tuple(heads) for allied in _ALLIED.get(head, ())}
    tokens = tokenize(mention.sentence.text)
    return any(flag and concept(t.lower) in heads for t, flag in zip(tokens, verb_flags(tokens), strict=True))


def _named(keys: frozenset[str], others: list[MentionFeatures]) -> bool:
    return any(frozen_keys_match(keys, actor) for of in others for actor in of.actors)


def borrowed_statement(mention: EventMention, f: MentionFeatures) -> Names | None:
    """The name keys outside quotations of a sentence that reports words said, states no date of its own
    and carries an action not among its own words (lent by a neighbouring report); None otherwise."""
    if mention.date_source not in UNSTATED or f.kind == "statement":
        return None
    text = mention.sentence.text
    first = mention.trigger.split()[0].lower() if mention.trigger else ""
    if first and first in text.lower():
        return None  # its own action: what it reports, not only who said something
    return _speech_names(text)


@lru_cache(maxsize=16384)
def _speech_names(text: str) -> Names | None:
    """The name keys of a sentence reporting words said by a named party (None when it reports none, or
    names no one outside its quotations: "... ,'' he said" goes on with the account's own speaker)."""
    quotes = [q for q in _QUOTATION.finditer(text) if len(tokenize(q.group())) >= QUOTED_WORDS]
    outside = tokenize(_QUOTATION.sub(" ", text))
    # lower-case only: "States" of a country's name is no reporting verb
    said = any(t.text.islower() and (is_reporting(t.lower) or t.lower in _SAID_NOUNS) for t in outside)
    if not (quotes or said) or not extract_names(outside):
        return None
    return tuple(keys for name in extract_names(tokenize(text)) if (keys := frozen_actor_keys(name.text)))

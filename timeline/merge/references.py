"""A definite description of an act refers to its article's one happening of that act.

"Norland police arrested Kell on Thursday ... It was not known if the arrest announced today was linked to
the Vesta case."  The second sentence reports no happening of its own: "the arrest" is the one its article
has told already, and "announced today" dates the announcement, not the arrest.  Its mention shares one
concept with the article's report of the arrest and nothing else, and its trigger ("announced", a statement
with no speaker) is compared with nothing, so it stays in an event of its article alone.

``join_definite_references`` (after the doers' step): a mention in an event of its article alone whose
sentence has one definite description of an act (``_reading``: "the arrest", "this attack", "the latest
arrest": a singular, lower-case noun of a lexicon concept heading its phrase, not after a preposition:
"after the arrest", "the response to the raid" are about another thing) that is the mention's own
happening (``described_act``: its trigger is the noun or the verb the description is the subject of, "the
arrest announced today", "the visit was brief"; no other lexicon action, not a noun the sentence's own
action governs, not a named party's statement, reported, not a plan) joins the event where its article told
that act before (``_antecedent``: a verb or an indefinite noun of the act, "police arrested", "a deal",
in exactly one event of the article, one whose mentions tell that act most).  It keeps its own date: on a
day the event's date allows it joins as any report of that day; on a later day (at most ``RETELL_WINDOW``)
as a ``retelling``; an earlier day is not the reference's (no join).  Reason "...; refers to its article's
report of the act".
Measured in ``docs/accuracy.md``, "Merge, session 11 (arrest53)".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import RETELL_WINDOW, MentionFeatures, features
from timeline.merge.scoring import _own_actions
from timeline.merge.similar import _event_date
from timeline.text import (
    AUXILIARIES,
    STOPWORDS,
    _wordset,
    concept,
    is_past_form,
    noun_lemma,
    tokenize,
    verb_flags,
)
from timeline.types import EventMention

REFERENCE_JOIN = "refers to its article's report of the act"
# determiners of a description whose referent the reader already knows
_DEFINITE = frozenset({"the", "this", "that"})
# a word between the determiner and the act's noun ("the latest arrest", "the suicide attack")
MODIFIERS = 1
# words from the description's noun to the verb it is the subject of ("the meeting was being held")
VERB_REACH = 3
# prepositions placing the sentence's own happening in time against the act ("after the arrest, police
# searched ..."): the act is the other happening's background, not what the sentence reports
_TIME_PREPOSITIONS = frozenset({"after", "since", "before", "following", "until", "till", "prior", "amid"})
# a description after a preposition (or a verb) is another phrase's complement ("the response to the raid",
# "the crowd outside the meeting", "approved the deal"): the sentence is about that phrase, not the act
_PREPOSITIONS = _TIME_PREPOSITIONS | _wordset(
    """of to on about for by with in at from into over against during near under without than like as outside
    inside around between among across behind beyond through toward towards"""
)
_FRAMES = frozenset({"begin", "end"})  # concepts that frame an act rather than name it
_NOT_ACTS = frozenset({"press"})  # "the press" is the news media

Key = tuple[str, str]  # (article, act concept)


def join_definite_references(
    clusters: list[_Cluster], copies: dict[str, str] | None = None
) -> list[_Cluster]:
    """The clusters after each definite description of an act (``described_act``), alone in an event of
    its article, has joined the event of its article's one report of that act."""
    copies = copies or {}
    candidates = [
        (cid, mention)
        for cid, cluster in enumerate(clusters)
        # an event told with other articles' reports stays: the merge's evidence stands
        if len({copies.get(m.document, m.document) for m in cluster.mentions}) == 1
        for mention in cluster.mentions
        if _may_describe(mention)
    ]
    if not candidates:
        return clusters
    # speed (every sentence read otherwise): only the articles and acts the candidates may describe, and
    # only candidates whose article tells such an act in another event, by its words' concepts alone
    wanted = {(m.document, act) for _, m in candidates for act in _concepts(features(m))}
    told = _told_in(clusters, wanted)
    described = [
        (cid, m, act)
        for cid, m in candidates
        if any(told.get((m.document, a), set()) - {cid} for a in _concepts(features(m)))
        if (act := described_act(m)) is not None
    ]
    tellers = _tellers(clusters, {(m.document, act) for _, m, act in described})
    moves: list[tuple[int, EventMention, int, EventMention]] = []
    for cid, mention, act in described:
        found = _antecedent(mention, act, cid, clusters, tellers)
        if found is not None:
            moves.append((cid, mention, *found))
    if not moves:
        return clusters
    gone: dict[int, list[EventMention]] = {}
    received: set[int] = set()
    for cid, mention, target, antecedent in moves:
        kind = _kind(mention, antecedent, clusters[target])
        if kind is None:
            continue
        reason = join_reason(mention, features(mention), antecedent, features(antecedent), kind)
        mention.join = replace(reason, date=f"{reason.date}; {REFERENCE_JOIN}")
        clusters[target].add_reason(mention.join)
        clusters[target].add(mention, features(mention))
        gone.setdefault(cid, []).append(mention)
        received.add(target)
    if not gone:
        return clusters
    kept = [_without(c, gone[cid]) if cid in gone else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies)


def _may_describe(mention: EventMention) -> bool:
    """Cheap tests first: a dated report whose words name an act (the description's noun among them)."""
    return mention.date is not None and mention.status == "reported" and bool(_concepts(features(mention)))


def _concepts(f: MentionFeatures) -> frozenset[str]:
    """The lexicon acts a mention's words name (not a framing verb's, not a verb outside the lexicon)."""
    return frozenset(c for c in f.concepts if c not in _FRAMES and not c.startswith("v:"))


def _told_in(clusters: list[_Cluster], wanted: set[Key]) -> dict[Key, set[int]]:
    """For each article and act (of those ``wanted``), the events whose mentions of the article tell it (its
    concepts, the sentence unread)."""
    documents = {document for document, _ in wanted}
    found: dict[Key, set[int]] = {}
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            if mention.document in documents:
                for act in _told_acts(features(mention)):
                    if (mention.document, act) in wanted:
                        found.setdefault((mention.document, act), set()).add(cid)
    return found


def _tellers(clusters: list[_Cluster], wanted: set[Key]) -> dict[Key, dict[int, EventMention]]:
    """For each article and act concept (of those ``wanted``), the events where the article tells that act,
    each with its first sentence telling it (a verb or an indefinite noun of the act: a description, "the
    treaty", tells no happening of its own)."""
    documents = {document for document, _ in wanted}
    found: dict[Key, dict[int, EventMention]] = {}
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            if mention.document not in documents:
                continue
            acts = frozenset(a for a in _told_acts(features(mention)) if (mention.document, a) in wanted)
            if acts:
                acts &= _reading(mention.sentence.text).introduced
            for act in acts:
                first = found.setdefault((mention.document, act), {})
                if cid not in first or mention.sentence.start < first[cid].sentence.start:
                    first[cid] = mention
    return found


def _told_acts(f: MentionFeatures) -> frozenset[str]:
    """The acts a mention tells: an occurrence's own action (not a noun its sentence only names: "was
    arrested in connection with the bombings" is no bombing told again), a statement's words' concepts."""
    if f.kind != "statement":
        return _own_actions(f)
    governed = concept(f.governor) if f.governor else None
    told = frozenset(c for term in f.told if (c := concept(term)) is not None)
    return f.concepts | told | ({governed} if governed else frozenset())


def _antecedent(
    mention: EventMention,
    act: str,
    own: int,
    clusters: list[_Cluster],
    tellers: dict[Key, dict[int, EventMention]],
) -> tuple[int, EventMention] | None:
    """The event (and its first sentence telling the act) the mention's definite description of ``act``
    refers to: the one event where its article tells that act, outside the description's own event, told
    before it, and an event of that act (``_event_of``)."""
    events = tellers.get((mention.document, act), {})
    if own in events or len(events) != 1:
        return None  # the article tells the act in its own event too, or in several: which one is unknown
    ((target, first),) = events.items()
    if first.sentence.start >= mention.sentence.start:
        return None  # a description comes after what it refers to
    return (target, first) if _event_of(clusters[target], act) else None


def _event_of(cluster: _Cluster, act: str) -> bool:
    """The act is what the event's mentions tell most (a statement on it joined to another happening's
    event, a court hearing's, does not make that event the act's)."""
    told = Counter(a for m in cluster.mentions for a in _told_acts(features(m)))
    return told[act] == max(told.values())


def described_act(mention: EventMention) -> str | None:
    """The act a mention's sentence names with a definite description whose act is the mention's own: its
    trigger is the description's noun or the verb it is the subject of ("the arrest announced today", "the
    attack was ..."); None for a sentence doing something to the act ("criticized the meeting"), telling
    another act, or a party's statement."""
    f = features(mention)
    reading = _reading(mention.sentence.text)
    if len(reading.descriptions) != 1:
        return None
    ((act, noun),) = reading.descriptions
    if not _trigger_of(reading.words, noun, mention.trigger):
        return None
    modifies = reading.words[noun + 1 : noun + 2] == (mention.trigger.split()[0].lower(),)
    if f.kind == "statement" and f.speaker and not modifies:
        # a party's words on the act: perhaps a reaction, the reactions' step reads them ("the attack was
        # condemned by Norland"); a participle right after the noun has none ("the arrest announced today
        # was linked to the Vesta case": a name elsewhere in the sentence is no speaker)
        return None
    own = {a for a in _own_actions(f) if a not in _FRAMES}
    if f.governor and concept(f.governor) != act:
        own.add(f.governor)  # the sentence's own action only names the act
    return act if own <= {act} else None


def _trigger_of(words: tuple[str, ...], noun: int, trigger: str) -> bool:
    """The trigger (its word's first place in the sentence, where the extractor read it) is the noun at
    ``noun`` or the verb right after it, auxiliaries and adverbs between ("the meeting was being held")."""
    first = trigger.split()[0].lower() if trigger else ""
    at = next((k for k, word in enumerate(words) if word == first), None)
    if at is None or not noun <= at <= noun + VERB_REACH:
        return False
    return all(word in STOPWORDS or word.endswith("ly") for word in words[noun + 1 : at])


@dataclass(frozen=True)
class _Reading:
    words: tuple[str, ...]
    # (act, its noun's index) of each definite description the sentence is about (no preposition's or verb's
    # complement)
    descriptions: tuple[tuple[str, int], ...]
    # acts named otherwise than by a definite description: a verb, an indefinite noun ("arrested", "a raid")
    introduced: frozenset[str]


# memory (issue #9): one merge step's sentences, seldom asked twice far apart (mem75: docs/performance.md)
@lru_cache(maxsize=1024)
def _reading(text: str) -> _Reading:
    """The sentence's definite descriptions of an act ("the arrest", "this attack", "the latest arrest": a
    singular common noun heading its phrase, no time preposition before it), and the acts it names
    otherwise."""
    tokens = tokenize(text)
    words = tuple(t.lower for t in tokens)
    flags = verb_flags(tokens)
    descriptions: dict[int, str] = {}  # the noun's index -> its act
    complements: set[int] = set()  # those after a preposition
    for i, word in enumerate(words):
        if word not in _DEFINITE:
            continue
        for j in range(i + 1, min(i + 2 + MODIFIERS, len(words))):
            if not tokens[j].text.islower():
                break  # a name's word: "the Eastport Press"
            act = _act_noun(words, flags, j)
            if act is not None:
                descriptions[j] = act
                if i > 0 and (words[i - 1] in _PREPOSITIONS or _object_of(words, flags, i - 1)):
                    complements.add(j)
                break
            if words[j] in STOPWORDS or not words[j].isalpha():
                break
    introduced = frozenset(
        act
        for j, word in enumerate(words)
        if j not in descriptions and tokens[j].text.islower() and (act := concept(word)) is not None
    )
    about = tuple((act, j) for j, act in descriptions.items() if j not in complements)
    return _Reading(words, about, introduced)


def _object_of(words: tuple[str, ...], flags: list[bool], k: int) -> bool:
    """The word at ``k`` is a verb taking the description as its object ("approved the deal"); an
    auxiliary opening the clause ("Had the raid ended ...") takes none."""
    return flags[k] and words[k] not in AUXILIARIES


def _act_noun(words: tuple[str, ...], flags: list[bool], j: int) -> str | None:
    """The concept of the act the noun at ``j`` names, when it is the head of its phrase: a singular noun
    (not a participle, "the arrested man"; not a plural, "the votes", which counts many happenings), not a
    modifier of the next noun ("the attack helicopter")."""
    word = words[j]
    act = concept(word)
    if act is None or act in _FRAMES or word in _NOT_ACTS or is_past_form(word) or flags[j]:
        return None
    if noun_lemma(word) != word:
        return None
    after = words[j + 1] if j + 1 < len(words) else ""
    if after and after.isalpha() and after not in STOPWORDS and not flags[j + 1] and not is_past_form(after):
        return None  # "the arrest warrant", "the bombing suspects"
    return act


def _kind(mention: EventMention, antecedent: EventMention, event: _Cluster) -> str | None:
    """How the description joins: on a day the event's date allows, as any report of that day; on a
    later day within ``RETELL_WINDOW``, as a retelling; not at all on an earlier day."""
    when = _event_date(event)
    if when is None:
        return None
    start, end = bounds(mention)
    if start <= when.end and when.start <= end:
        return date_kind(mention, antecedent)
    if when.end < start <= when.end + RETELL_WINDOW:
        return "retelling"
    return None

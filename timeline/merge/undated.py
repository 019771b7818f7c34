"""Joining mentions without a date of their own to the dated event they match."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from datetime import date
from functools import lru_cache
from itertools import product

from timeline.merge.candidates import _Buckets
from timeline.merge.clusters import _Cluster
from timeline.merge.events import _to_event
from timeline.merge.evidence import join_reason
from timeline.merge.features import (
    MentionFeatures,
    _places_differ,
    _shared_actors,
    _subjects_clash,
    features,
)
from timeline.names import (
    frozen_actor_keys,
    frozen_keys_match,
    same_actor,
)
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, EventMention

# named actors an undated sentence about another action must share with a happening it names to count as
# one of its reports ("hailed the call between the two ministers")
REFERENCE_ACTORS = 2


class _JoinIndex:
    """Dated clusters by (actor key, concept), for joining undated mentions.

    A join needs a member with one of the mention's actor keys and, for an occurrence, an occurrence
    member sharing one of its concepts (for a statement, a statement member).  Indexing those pairs
    yields exactly the clusters worth scoring, instead of every cluster naming a common actor
    (quadratic on big collections).
    """

    _STATEMENT = "\x00statement"  # pseudo-concept: the cluster has a statement to compare a statement with

    def __init__(self, clusters: list[_Cluster]) -> None:
        # filed by concept, then actor key (memory, issue #13: no key tuple or list for each of the tens of
        # thousands of pairs, most of which one cluster has)
        self._by_pair = _Buckets()
        for cid, cluster in enumerate(clusters):
            keys = {k for _, f in cluster.reps for actor in f.actors for k in actor}
            concepts: set[str] = set()
            for _, f in cluster.reps:
                concepts.update(self._concepts(f))
            for key, concept in product(keys, concepts):
                self._by_pair.add(concept, key, cid)

    @classmethod
    def _concepts(cls, f: MentionFeatures) -> frozenset[str]:
        return frozenset({cls._STATEMENT}) if f.kind == "statement" else f.concepts

    def candidates(self, f: MentionFeatures) -> list[int]:
        keys = {k for actor in f.actors for k in actor}
        pairs = product(keys, self._wanted(f))
        return sorted({cid for key, concept in pairs for cid in self._by_pair.get(concept, key)})

    @classmethod
    def _wanted(cls, f: MentionFeatures) -> frozenset[str]:
        """The concepts a cluster must have (filed with the mention's key) to be worth scoring.

        An occurrence: its action alone.  ``join_score`` is 0 unless a member's concepts hold the
        mention's action (its own action or a concept the mention also names), and a cluster is filed under
        every (key, concept) of its members together, so a cluster holding one of the mention's keys and
        its action is found under that pair; one found only under another of the mention's concepts
        scores 0 against every member, and is never chosen.  Speed (issue #9): on a collection of many
        stories, a common concept ("death", "meeting") of the mention's brings clusters of every story
        naming the same person; exact: the same clusters score above 0, so the same one is chosen."""
        if f.kind == "statement" or f.head is None:
            return cls._concepts(f)
        return frozenset({f.head})


class _JoinContext:
    """What joining needs beyond the features: publication bounds and the collection's place names."""

    def __init__(self, articles: list[Article], mentions: list[EventMention]) -> None:
        self.latest: dict[str, date] = {}
        for article in articles:
            bound = _latest_publication(article)
            if bound is not None:
                self.latest[article.id] = bound
        # a name read as a place anywhere ("in Eastport") is a place everywhere ("the Eastport relatives")
        self.place_keys = frozenset(k for m in mentions for p in m.places for k in frozen_actor_keys(p))
        self._people: dict[int, tuple[str, ...]] = {}
        self._scores: dict[tuple[MentionFeatures, int], tuple[float, int]] = {}
        # memory (issue #13): only the features several undated mentions share (wire copies) have their
        # scores remembered; on a 1,000-article topic 116 of 35,000 scores were asked again
        self.repeated: set[MentionFeatures] = set()

    def cluster_score(self, f: MentionFeatures, cid: int, cluster: _Cluster) -> tuple[float, int]:
        """The best ``join_score`` of ``f`` against the cluster's members, and that member's position
        among ``cluster.reps`` (memoised for ``repeated`` features: wire copies repeat)."""
        key = (f, cid)
        found = self._scores.get(key)
        if found is None:
            best, at = 0.0, 0  # the best score, the first member on ties (a loop: asked 35,000 times a merge)
            for i, (_, of) in enumerate(cluster.reps):
                score = join_score(f, of, self)
                if score > best or i == 0:
                    best, at = score, i
            found = (best, at)
            if f in self.repeated:
                self._scores[key] = found
        return found

    def people(self, f: MentionFeatures) -> tuple[str, ...]:
        """The actors that are people or organisations (not places or nationalities)."""
        found = self._people.get(id(f))
        if found is None:
            found = tuple(n for n in f.names if not (frozen_actor_keys(n) & self.place_keys))
            self._people[id(f)] = found
        return found


def _latest_publication(article: Article) -> date | None:
    published = article.published
    if published.value and (when := value_to_date(published.value)):
        return when.end
    return published.latest


def _join_undated(undated: list[EventMention], clusters: list[_Cluster], context: _JoinContext) -> set[str]:
    """Attach each undated mention to the dated event it matches best; returns the documents joined."""
    index = _JoinIndex(clusters)
    dated_docs = [_documents(c) for c in clusters]
    earliest = [min((m.date.start for m in c.mentions if m.date is not None), default=None) for c in clusters]
    # the choice depends on the mention's features and article: identical mentions choose once
    chosen: dict[tuple, tuple[int, int] | None] = {}
    joined: set[str] = set()
    attachments: list[tuple[int, EventMention, MentionFeatures, int]] = []
    found_features = [features(mention) for mention in undated]
    context.repeated = {f for f, count in Counter(found_features).items() if count > 1}
    for mention, f in zip(undated, found_features, strict=True):
        key = (mention.document, mention.trigger, tuple(mention.terms), tuple(mention.actors))
        if key not in chosen:
            # the publication-date guard is for other articles' events: an article may date its own later
            candidates = [
                cid
                for cid in index.candidates(f)
                if mention.document in dated_docs[cid] or _joinable_date(mention, earliest[cid], context)
            ]
            chosen[key] = _best_to_join(mention.document, f, candidates, clusters, dated_docs, context)
        found = chosen[key]
        if found is not None:
            mention.date_source = "joined"
            attachments.append((found[0], mention, f, found[1]))
            joined.add(mention.document)
    # attach after matching, so undated mentions only ever join events dated by an expression
    for cid, mention, f, member in attachments:
        other, of = clusters[cid].reps[member]
        mention.join = join_reason(mention, f, other, of, "undated")
        clusters[cid].add_reason(mention.join)
        clusters[cid].add(mention, f)
    return joined


_FEW_DOCUMENTS = 8  # up to this many, a cluster's articles are a tuple to search, not a set to look up


def _documents(cluster: _Cluster) -> Collection[str]:
    """The articles of a cluster's mentions.  Memory (issue #13): most clusters have one or two, and a
    set costs 216 bytes however few it holds."""
    documents = dict.fromkeys(m.document for m in cluster.mentions)
    return tuple(documents) if len(documents) <= _FEW_DOCUMENTS else frozenset(documents)


def _joinable_date(mention: EventMention, event_start: date | None, context: _JoinContext) -> bool:
    """A report cannot tell of an event that happened after its article was published."""
    latest = context.latest.get(mention.document)
    if latest is None or mention.status == "expected":
        return True
    return event_start is not None and event_start <= latest


def _best_to_join(
    document: str,
    f: MentionFeatures,
    candidates: list[int],
    clusters: list[_Cluster],
    dated_docs: list[Collection[str]],
    context: _JoinContext,
) -> tuple[int, int] | None:
    """The candidate cluster with the best join score (the first on ties), if any matches, and the
    position of the member it matched best.

    Every join needs the same evidence (``join_score``): an article's own sentences share its names and
    wording whatever they report, so sharing them says nothing more.  Among matches, an event the same
    article already dates is preferred.
    """
    best: tuple[float, int, int] | None = None
    for cid in candidates:
        score, member = context.cluster_score(f, cid, clusters[cid])
        if score > 0 and document in dated_docs[cid]:
            score += 10.0
        if score > 0 and (best is None or score > best[0]):
            best = (score, cid, member)
    return (best[1], best[2]) if best else None


def join_score(f: MentionFeatures, of: MentionFeatures, context: _JoinContext) -> float:
    """How well an undated sentence matches another article's dated mention (0: not the same event).

    It needs a shared person or organisation (a place or nationality says nothing about which event),
    the same action, and a shared concept of the lexicon or a shared specific word: a shared verb alone
    is often the same word in another sense ("the crater left by the blast" / "plans to leave").
    """
    # every test is a condition of a match: the cheap ones (set operations) come first, the name
    # comparisons last; most pairs fail on the action or on the words they share
    if f.kind != of.kind:
        return 0.0
    if f.kind != "statement" and not (
        f.head is not None and (f.head == of.head or (f.head in of.concepts and of.head in f.concepts))
    ):
        return 0.0  # not the same action
    lexicon = {c for c in f.concepts & of.concepts if not c.startswith("v:")}
    specific = len(f.specific.intersection(of.specific_words))
    if not (lexicon or specific):
        return 0.0  # an action of the lexicon, or the same verb and a specific word in common
    if _places_differ(f, of) or _subjects_clash(f, of):
        return 0.0
    if f.governor != of.governor and _shared_actors(f, of) < REFERENCE_ACTORS:
        return 0.0  # another action naming the happening ("laid flowers at the ruins of the fire")
    people = _shared_people(context.people(f), context.people(of))
    if people == 0:
        return 0.0
    if f.kind == "statement":
        if not (f.speaker and of.speaker and frozen_keys_match(f.speaker, of.speaker)):
            return 0.0
        return 3.0 + 2.0 * len(lexicon) + 0.5 * specific
    return 2.0 * len(lexicon) + 1.5 * people + 0.5 * specific


def _shared_people(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    return sum(1 for name in a if any(_same_person(name, other) for other in b))


# memory (issue #9): pairs of names, their repeats close together (mem75: docs/performance.md)
@lru_cache(maxsize=4096)
def _same_person(a: str, b: str) -> bool:
    return same_actor(a, b)


def _orphans(
    ordered: list[EventMention], clusters: list[_Cluster], joined_docs: set[str], copies: dict[str, str]
) -> list[Event]:
    """An article that contributed to no event keeps its first event report as an undated event."""
    undated = [m for m in ordered if m.date is None]
    if not undated:
        return []  # (speed, issue #9: no set of the articles of every event's mentions, a templated array's)
    represented = {m.document for c in clusters for m in c.mentions} | joined_docs
    events: list[Event] = []
    for mention in undated:
        if mention.document not in represented:
            represented.add(mention.document)
            cluster = _Cluster()
            cluster.add(mention, features(mention))
            events.append(_to_event(cluster, copies))
    return events


# ---------------------------------------------------------------- event assembly

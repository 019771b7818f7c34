"""Merge event mentions from one or many articles into events.

Two mentions are the same event when their dates are compatible (they
overlap: the same day, or a week/month containing the day) and their content
matches: a shared event concept (call/conversation/talks, drills/exercises ...)
plus a shared actor (spelling variants allowed) or a second shared concept.
Statements ("X said ...") only merge with statements of the same speaker.

A strong content match with a non-overlapping date a few days away is the same
event told differently: it joins the event as a ``Conflict``.  Mentions without
a date of their own join the best-matching dated event (``date_source="joined"``).

Clustering runs in date order over week buckets, comparing a mention only
with events that share a concept in nearby weeks, so it stays near-linear.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import product

from timeline.names import frozen_actor_keys, frozen_keys_match
from timeline.text import CONCEPTS, concept, is_reporting, verb_lemma
from timeline.types import GRANULARITIES, Article, Conflict, DateValue, Event, EventMention

CONFLICT_WINDOW = timedelta(days=10)  # how far apart two dates of one event may be before we stop looking
MAX_REPRESENTATIVES = 12  # distinct mentions an event is compared by (plus one per distinct date)
WIDE_SPAN_DAYS = 400  # dates coarser than about a year are compared by concept only, not by week
_CONCEPT_IDS = frozenset(CONCEPTS.values())
_STATUS_ORDER = ("reported", "expected", "background")


@dataclass(frozen=True, eq=False)  # hashed by identity: identical contents share one (cached) instance
class MentionFeatures:
    kind: str  # "statement" | "occurrence"
    head: str | None  # the trigger's concept
    concepts: frozenset[str]
    terms: frozenset[str]
    actors: list[frozenset[str]]  # blocking keys of each actor
    speaker: frozenset[str] | None  # a statement's speaker keys


@dataclass
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)
    # distinct (mention, features) to compare against: bounded, so big events stay cheap to match
    reps: list[tuple[EventMention, MentionFeatures]] = field(default_factory=list)
    signatures: set[tuple] = field(default_factory=set)

    def add(self, mention: EventMention, f: MentionFeatures) -> None:
        self.mentions.append(mention)
        signature = _signature(mention, f)
        new_date = all(m.date != mention.date for m, _ in self.reps)
        if signature not in self.signatures and (new_date or len(self.reps) < MAX_REPRESENTATIVES):
            self.signatures.add(signature)
            self.reps.append((mention, f))


def _signature(mention: EventMention, f: MentionFeatures) -> tuple:
    actors = tuple(sorted(tuple(sorted(keys)) for keys in f.actors))
    value = mention.date.value if mention.date else None
    return (value, mention.status == "background", f.kind, f.head, f.concepts, actors)


def representative_features(mentions: list[EventMention]) -> list[MentionFeatures]:
    """Features of an event's distinct mentions (at most ``MAX_REPRESENTATIVES``)."""
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return [f for _, f in cluster.reps]


def features(mention: EventMention) -> MentionFeatures:
    """What the merge compares: event kind, concepts, actors (shared, read-only: never mutate it)."""
    return _features(mention.trigger, tuple(mention.terms), tuple(mention.actors))


@lru_cache(maxsize=65536)
def _features(trigger: str, terms: tuple[str, ...], names: tuple[str, ...]) -> MentionFeatures:
    statement = is_reporting(trigger)
    # an action without a lexicon concept still compares with itself ("ruled" ~ "rules")
    head = (concept(trigger) or f"v:{verb_lemma(trigger)}") if trigger and not statement else None
    concepts = {t for t in terms if t in _CONCEPT_IDS} | ({head} if head else set())
    actors = [keys for name in names if (keys := frozen_actor_keys(name))]
    return MentionFeatures(
        kind="statement" if statement else "occurrence",
        head=head,
        concepts=frozenset(concepts),
        terms=frozenset(terms),
        actors=actors,
        speaker=actors[0] if statement and actors else None,
    )


def _shared_actors(a: MentionFeatures, b: MentionFeatures) -> int:
    return sum(1 for keys in a.actors if any(frozen_keys_match(keys, other) for other in b.actors))


def match_score(a: MentionFeatures, b: MentionFeatures, *, undated: bool = False) -> tuple[float, bool]:
    """How well two mentions' contents match (0 = not the same event) and whether the match is strong.

    A strong match (same trigger concept, two shared concepts, a shared actor)
    is strong enough to call differing dates a conflict rather than two events.
    """
    if a.kind != b.kind:
        return 0.0, False
    shared_concepts = len(a.concepts & b.concepts)
    if a.kind == "statement":
        if not (a.speaker and b.speaker and frozen_keys_match(a.speaker, b.speaker)):
            return 0.0, False
        shared_terms = len(a.terms & b.terms)
        if undated and shared_concepts == 0 and shared_terms < 2:
            return 0.0, False
        return 3.0 + shared_concepts + 0.25 * shared_terms, False
    if shared_concepts == 0:
        return 0.0, False
    shared_terms = len(a.terms & b.terms)
    shared_actors = _shared_actors(a, b)
    same_head = a.head is not None and a.head == b.head
    # joining without any date evidence needs the same action and actor, or a lot in common
    if undated and not ((same_head and shared_actors >= 1) or (shared_concepts >= 2 and shared_actors >= 2)):
        return 0.0, False
    if shared_actors == 0 and shared_concepts < 2:
        return 0.0, False
    score = 2.0 * shared_concepts + 1.5 * shared_actors + (1.0 if same_head else 0.0) + 0.25 * shared_terms
    strong = same_head and shared_concepts >= 2 and shared_actors >= 1
    return score, strong


@lru_cache(maxsize=262144)
def _cached_match(a: MentionFeatures, b: MentionFeatures, undated: bool) -> tuple[float, bool]:
    """``match_score`` memoised: the same contents meet again and again in a large collection."""
    return match_score(a, b, undated=undated)


def _gap(a: DateValue, b: DateValue) -> timedelta:
    """Days between two spans (zero when they overlap)."""
    if a.overlaps(b):
        return timedelta(0)
    return b.start - a.end if a.end < b.start else a.start - b.end


def _is_wide(when: DateValue) -> bool:
    return (when.end - when.start).days > WIDE_SPAN_DAYS


def _weeks(start: date, end: date) -> range:
    return range(start.toordinal() // 7, end.toordinal() // 7 + 1)


class _Index:
    """Clusters by (concept or speaker key, week bucket) so a mention meets only plausible events."""

    def __init__(self) -> None:
        self._buckets: dict[tuple[str, object], list[int]] = defaultdict(list)

    @staticmethod
    def _keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return {f"speaker:{k}" for k in (f.speaker or set())}
        return set(f.concepts)

    def add(self, cluster_id: int, f: MentionFeatures, when: DateValue) -> None:
        slots: list[object] = ["wide"] if _is_wide(when) else list(_weeks(when.start, when.end))
        for key in self._keys(f):
            for slot in slots:
                self._buckets[(key, slot)].append(cluster_id)

    def candidates(self, f: MentionFeatures, when: DateValue) -> set[int]:
        found: set[int] = set()
        if _is_wide(when):
            slots: list[object] = ["wide"]
        else:
            slots = list(_weeks(when.start - CONFLICT_WINDOW, when.end + CONFLICT_WINDOW))
        for key in self._keys(f):
            for slot in slots:
                found.update(self._buckets.get((key, slot), ()))
        return found


def _order_key(mention: EventMention, doc_keys: dict[str, str]) -> tuple:
    when = mention.date
    span = (when.start.toordinal(), -when.end.toordinal()) if when else (0, 0)
    start = mention.expression.start if mention.expression else mention.sentence.start
    return (*span, doc_keys.get(mention.document, mention.document), mention.sentence.start, start)


def _doc_keys(articles: list[Article]) -> dict[str, str]:
    """A content hash per article, so processing order never depends on input order or file names."""
    return {a.id: hashlib.sha1(a.text.encode("utf-8")).hexdigest() for a in articles}


def merge_mentions(mentions: list[EventMention], articles: list[Article]) -> list[Event]:
    """Cluster mentions into events; returns events in no particular order (the build stage orders them)."""
    doc_keys = _doc_keys(articles)
    mentions = [_copy(m) for m in mentions]  # joining sets date/date_source: never touch the caller's
    ordered = sorted(mentions, key=lambda m: _order_key(m, doc_keys))
    clusters: list[_Cluster] = []
    index = _Index()
    for mention in (m for m in ordered if m.date is not None):
        _place_dated(mention, features(mention), clusters, index)
    joined_docs = _join_undated([m for m in ordered if m.date is None], clusters)
    events = [_to_event(c) for c in clusters]
    events.extend(_orphans(ordered, clusters, joined_docs))
    return events


def _copy(mention: EventMention) -> EventMention:
    """A shallow copy, like ``dataclasses.replace(mention)`` but several times faster."""
    clone = object.__new__(EventMention)
    clone.__dict__.update(mention.__dict__)
    return clone


def _place_dated(mention: EventMention, f: MentionFeatures, clusters: list[_Cluster], index: _Index) -> None:
    assert mention.date is not None
    best: tuple[tuple[bool, float], int] | None = None
    for cid in sorted(index.candidates(f, mention.date)):
        rank = _rank_against(mention, f, clusters[cid])
        if rank is not None and (best is None or rank > best[0]):
            best = (rank, cid)
    if best is None:
        clusters.append(_Cluster())
        cid = len(clusters) - 1
    else:
        cid = best[1]
    clusters[cid].add(mention, f)
    index.add(cid, f, mention.date)


def _rank_against(mention: EventMention, f: MentionFeatures, cluster: _Cluster) -> tuple[bool, float] | None:
    """(date compatible, score) of the best-matching member, or None if no member matches."""
    assert mention.date is not None
    best: tuple[bool, float] | None = None
    for other, of in cluster.reps:
        if other.date is None or (other.status == "background") != (mention.status == "background"):
            continue
        compatible = mention.date.overlaps(other.date)
        if not compatible and _gap(mention.date, other.date) > CONFLICT_WINDOW:
            continue  # too far apart to be the same event whatever the content (checked first: cheap)
        score, strong = _cached_match(f, of, False)
        if score <= 0 or not (compatible or strong):
            continue
        if best is None or (compatible, score) > best:
            best = (compatible, score)
    return best


class _JoinIndex:
    """Dated clusters by (actor key, concept), for joining undated mentions.

    ``match_score(..., undated=True)`` accepts a cluster only if one of its members has one of the
    mention's actor keys and, for an occurrence, an occurrence member shares one of its concepts
    (for a statement, a statement member exists).  Indexing those pairs yields exactly the clusters
    worth scoring, instead of every cluster naming a common actor (quadratic on big collections).
    """

    _STATEMENT = "\x00statement"  # pseudo-concept: the cluster has a statement to compare a statement with

    def __init__(self, clusters: list[_Cluster]) -> None:
        self._by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        for cid, cluster in enumerate(clusters):
            keys = {k for _, f in cluster.reps for actor in f.actors for k in actor}
            concepts: set[str] = set()
            for _, f in cluster.reps:
                concepts.update(self._concepts(f))
            for pair in product(keys, concepts):
                self._by_pair[pair].append(cid)

    @classmethod
    def _concepts(cls, f: MentionFeatures) -> frozenset[str]:
        return frozenset({cls._STATEMENT}) if f.kind == "statement" else f.concepts

    def candidates(self, f: MentionFeatures) -> list[int]:
        keys = {k for actor in f.actors for k in actor}
        pairs = product(keys, self._concepts(f))
        return sorted({cid for pair in pairs for cid in self._by_pair.get(pair, ())})


def _join_undated(undated: list[EventMention], clusters: list[_Cluster]) -> set[str]:
    """Attach each undated mention to the dated event it matches best; returns the documents joined."""
    index = _JoinIndex(clusters)
    # the choice depends on the mention's features only: identical mentions (wire copies) choose once
    chosen: dict[tuple, int | None] = {}
    joined: set[str] = set()
    attachments: list[tuple[int, EventMention, MentionFeatures]] = []
    for mention in undated:
        f = features(mention)
        key = (mention.trigger, tuple(mention.terms), tuple(mention.actors))
        if key not in chosen:
            chosen[key] = _best_to_join(f, index.candidates(f), clusters)
        cid = chosen[key]
        if cid is not None:
            mention.date_source = "joined"
            attachments.append((cid, mention, f))
            joined.add(mention.document)
    # attach after matching, so undated mentions only ever join events dated by an expression
    for cid, mention, f in attachments:
        clusters[cid].add(mention, f)
    return joined


def _best_to_join(f: MentionFeatures, candidates: list[int], clusters: list[_Cluster]) -> int | None:
    """The candidate cluster with the best undated match score (the first on ties), if any matches."""
    best: tuple[float, int] | None = None
    for cid in candidates:
        score = max((_cached_match(f, of, True)[0] for _, of in clusters[cid].reps), default=0.0)
        if score > 0 and (best is None or score > best[0]):
            best = (score, cid)
    return best[1] if best else None


def _orphans(ordered: list[EventMention], clusters: list[_Cluster], joined_docs: set[str]) -> list[Event]:
    """An article that contributed to no event keeps its first event report as an undated event."""
    represented = {m.document for c in clusters for m in c.mentions} | joined_docs
    events: list[Event] = []
    for mention in ordered:
        if mention.date is None and mention.document not in represented:
            represented.add(mention.document)
            cluster = _Cluster()
            cluster.add(mention, features(mention))
            events.append(_to_event(cluster))
    return events


# ---------------------------------------------------------------- event assembly


def _precision(when: DateValue) -> int:
    return -GRANULARITIES.index(when.granularity) if when.granularity in GRANULARITIES else -99


def _choose_date(dated: list[EventMention]) -> DateValue | None:
    """The date most sources agree with (a day inside a week agrees with it), finest first."""
    if not dated:
        return None
    options = {m.date.value: m.date for m in dated if m.date}
    documents: dict[str, set[str]] = defaultdict(set)  # by date value: big events repeat few dates
    for m in dated:
        if m.date:
            documents[m.date.value].add(m.document)

    def support(when: DateValue) -> tuple[int, int, int, str]:
        sources = set().union(*(documents[value] for value, d in options.items() if d.overlaps(when)))
        return (len(sources), _precision(when), -when.start.toordinal(), when.value)

    return max(options.values(), key=support)


def _to_event(cluster: _Cluster) -> Event:
    mentions = sorted(cluster.mentions, key=lambda m: (m.document, m.sentence.start, _expr_start(m)))
    dated = [m for m in mentions if m.date is not None and m.date_source == "expression"]
    when = _choose_date(dated)
    agreeing = [m for m in dated if when and m.date and m.date.overlaps(when)]
    conflicts = _conflicts(dated, when)
    for m in mentions:
        if m.date_source == "joined":
            m.date = when
    sources = sorted({m.document for m in mentions})
    title = _pick_title(agreeing or mentions, when)
    status = _pick_status(agreeing or mentions)
    return Event(
        id=event_id(when.value if when else None, title, sources),
        date=when,
        title=title,
        status=status,
        sources=sources,
        mentions=mentions,
        conflicts=conflicts,
    )


def _expr_start(mention: EventMention) -> int:
    return mention.expression.start if mention.expression else -1


def _conflicts(dated: list[EventMention], when: DateValue | None) -> list[Conflict]:
    by_value: dict[str, list[EventMention]] = defaultdict(list)
    for m in dated:
        if when and m.date and not m.date.overlaps(when):
            by_value[m.date.value].append(m)
    return [
        Conflict(value=value, sources=sorted({m.document for m in ms}), text=ms[0].sentence.text)
        for value, ms in sorted(by_value.items())
    ]


def _pick_title(mentions: list[EventMention], when: DateValue | None) -> str:
    def quality(m: EventMention) -> tuple:
        exact = bool(when and m.date and m.date.value == when.value)
        complete = not m.title.endswith("\u2026")
        return (exact, complete, bool(m.title), min(len(m.actors), 3), -len(m.title), m.title)

    return max(mentions, key=quality).title if mentions else ""


def _pick_status(mentions: list[EventMention]) -> str:
    statuses = {m.status for m in mentions}
    return next((s for s in _STATUS_ORDER if s in statuses), "reported")


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def event_id(value: str | None, title: str, sources: list[str]) -> str:
    """``ev-`` + 10 hex digits of a hash of date, title and sources: stable across runs and input order."""
    key = "|".join([value or "undated", _normalise(title), ",".join(sorted(sources))])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

"""Merge event mentions from one or many articles into events.

Two mentions are the same event when their dates are compatible (they
overlap: the same day, or a week/month containing the day) and their content
matches: a shared event concept (call/conversation/talks, drills/exercises ...)
plus a shared actor (spelling variants allowed) or a second shared concept.
Statements ("X said ...") only merge with statements of the same speaker.

A strong content match with a non-overlapping date a few days away is the same
event told differently: it joins the event as a ``Conflict``.  Strong: the same
action and a shared person with a second shared concept or two shared specific
words (a place counts as one), or nearly the same words with two specific words in common (no named
actor needed).  Nearly the same words on compatible dates merge however short the sentence.  Mentions without
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

from timeline.names import (
    frozen_actor_keys,
    frozen_keys_match,
    name_words,
    place_keys,
    same_actor,
    subject_names,
)
from timeline.temporal.timex import cached_value_to_date, value_to_date
from timeline.text import (
    AUXILIARIES,
    CONCEPTS,
    GENERIC_TERMS,
    LIGHT_VERBS,
    concept,
    is_reporting,
    verb_lemma,
    word_stem,
)
from timeline.types import GRANULARITIES, Article, Conflict, DateValue, Event, EventMention

CONFLICT_WINDOW = timedelta(days=10)  # how far apart two dates of one event may be before we stop looking
MAX_REPRESENTATIVES = 12  # distinct mentions an event is compared by (plus one per distinct date)
WIDE_SPAN_DAYS = 400  # dates coarser than about a year are compared by concept only, not by week
_CONCEPT_IDS = frozenset(CONCEPTS.values())
_STATUS_ORDER = ("reported", "expected", "background")
_DAY = ("day", "time")
# Events that recur (a rally every evening): two different precise days are two events, not a conflict.
RECURRING = frozenset({"protest", "meeting", "call", "attend", "press"})
# Concepts one report of an event may use for another's: a death toll on the day of an attack.
_ALLIED = {"death": frozenset({"attack"}), "attack": frozenset({"death"})}
_NOT_EVIDENCE = GENERIC_TERMS | AUXILIARIES | frozenset(verb_lemma(w) for w in LIGHT_VERBS)
SAME_DAY_TERMS = 2  # specific words (places included) two same-day reports must share when verbs differ
CONFLICT_TERMS = 2  # specific words (or a place) a shared actor's reports on different days must share
NEAR_IDENTICAL = 0.7  # Jaccard of content words above which two reports are one event told twice


@dataclass(frozen=True, eq=False)  # hashed by identity: identical contents share one (cached) instance
class MentionFeatures:
    kind: str  # "statement" | "occurrence"
    head: str | None  # the trigger's concept
    concepts: frozenset[str]
    terms: frozenset[str]
    actors: list[frozenset[str]]  # blocking keys of each actor
    speaker: frozenset[str] | None  # a statement's speaker keys
    names: tuple[str, ...] = ()  # the actors as written
    places: frozenset[str] = frozenset()  # blocking keys of the names read as places or nationalities
    specific: frozenset[str] = frozenset()  # stems of terms that can show two reports share a subject
    action: str = ""  # the trigger's stem when it is specific ("flood"): same-day reports may share it
    subjects: tuple[frozenset[str], ...] = ()  # the words of each named actor who did it (clause subject)
    name_words: frozenset[str] = frozenset()  # every word of every actor's name (``names.name_words``)


@dataclass
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)
    # distinct (mention, features) to compare against: bounded, so big events stay cheap to match
    reps: list[tuple[EventMention, MentionFeatures]] = field(default_factory=list)
    signatures: set[tuple] = field(default_factory=set)
    has_days: bool = False  # a member is dated to a day (or a time of day)

    def add(self, mention: EventMention, f: MentionFeatures) -> None:
        self.mentions.append(mention)
        if mention.date is not None and mention.date_source == "expression":
            self.has_days = self.has_days or mention.date.granularity in _DAY
        signature = _signature(mention, f)
        new_date = all(m.date != mention.date for m, _ in self.reps)
        if signature not in self.signatures and (new_date or len(self.reps) < MAX_REPRESENTATIVES):
            self.signatures.add(signature)
            self.reps.append((mention, f))

    def absorb(self, other: _Cluster) -> None:
        """Take over another cluster's mentions (its representatives first, so they stay compared)."""
        represented = {id(m) for m, _ in other.reps}
        for mention, f in other.reps:
            self.add(mention, f)
        for mention in other.mentions:
            if id(mention) not in represented:
                self.add(mention, features(mention))


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
    actors, places = tuple(mention.actors), tuple(mention.places)
    subjects = mention.subjects
    if subjects is None:  # the extractor did not say: read it from the sentence
        subjects = subject_names(mention.sentence.text, mention.trigger, actors, places)
    return _features(mention.trigger, tuple(mention.terms), actors, places, tuple(subjects))


@lru_cache(maxsize=65536)
def _features(
    trigger: str,
    terms: tuple[str, ...],
    names: tuple[str, ...],
    places: tuple[str, ...] = (),
    subjects: tuple[str, ...] = (),
) -> MentionFeatures:
    statement = is_reporting(trigger)
    # an action without a lexicon concept still compares with itself ("ruled" ~ "rules")
    head = (concept(trigger) or f"v:{verb_lemma(trigger)}") if trigger and not statement else None
    concepts = {t for t in terms if t in _CONCEPT_IDS} | ({head} if head else set())
    actors = [keys for name in names if (keys := frozen_actor_keys(name))]
    trigger_lemma = verb_lemma(trigger.split()[0]) if trigger else ""
    # stems, so a noun in one report meets the verb in another ("the collapse" / "collapsed")
    specific = {
        word_stem(t) for t in terms if t not in _NOT_EVIDENCE and t != trigger_lemma and t not in _CONCEPT_IDS
    }
    action = word_stem(trigger_lemma) if trigger_lemma and trigger_lemma not in _NOT_EVIDENCE else ""
    return MentionFeatures(
        kind="statement" if statement else "occurrence",
        head=head,
        concepts=frozenset(concepts),
        terms=frozenset(terms),
        actors=actors,
        speaker=actors[0] if statement and actors else None,
        names=names,
        places=frozenset(k for place in places for k in place_keys(place)),
        specific=frozenset(specific),
        action=action if head and head.startswith("v:") else "",
        subjects=tuple(words for name in subjects if (words := name_words(name))),
        name_words=frozenset(w for name in names for w in name_words(name)),
    )


def _places_differ(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both reports name where it happened, and no place in common: two events (two cities' bombings)."""
    return bool(a.places and b.places) and not frozen_keys_match(a.places, b.places)


def _subjects_clash(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both reports name who acted, and neither's subject takes part in the other: two parties' actions
    ("Norland condemned the bombing" / "Ostria condemned the bombing"), however much else they share."""
    if not (a.subjects and b.subjects):
        return False
    return not (_takes_part(a.subjects, b) or _takes_part(b.subjects, a))


def _takes_part(subjects: tuple[frozenset[str], ...], other: MentionFeatures) -> bool:
    """A subject is named in the other report (any word of its name: "Elian" in "Elian Gonzalez")."""
    return any(frozen_keys_match(subject, other.name_words) for subject in subjects)


# Heads that only frame another action ("talks began", "became members", "held talks", "the blast
# occurred"): the event is the noun they govern.
_FRAMING_HEADS = frozenset(
    {"begin", "end", "v:occur", "v:happen", "v:become", "v:take", "v:follow"}
) | frozenset(f"v:{verb_lemma(w)}" for w in LIGHT_VERBS | AUXILIARIES)


def _reaction(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Two different actions of their own, sharing a concept only as one's object or circumstance:
    "condemned the bombing" / "a bomb exploded", "attended a vigil ... after he was killed" / "was killed".
    A reaction to an event is another event; allied actions (a death toll and its attack) are not."""
    if a.head is None or b.head is None or a.head == b.head:
        return False
    if a.head in _FRAMING_HEADS or b.head in _FRAMING_HEADS:
        return False
    return b.head not in _ALLIED.get(a.head, frozenset())


def _shared_actors(a: MentionFeatures, b: MentionFeatures, ignore: frozenset[str] = frozenset()) -> int:
    return sum(
        1
        for keys in a.actors
        if not (keys & ignore) and any(frozen_keys_match(keys, other) for other in b.actors)
    )


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
    if shared_concepts == 0 or _places_differ(a, b) or _subjects_clash(a, b):
        return 0.0, False
    if shared_concepts < 2 and _reaction(a, b):
        return 0.0, False  # the one shared concept is what one report reacts to, not what both report
    shared_terms = len(a.terms & b.terms)
    shared_actors = _shared_actors(a, b)
    same_head = a.head is not None and a.head == b.head
    # joining without any date evidence needs the same action and actor, or a lot in common
    if undated and not ((same_head and shared_actors >= 1) or (shared_concepts >= 2 and shared_actors >= 2)):
        return 0.0, False
    # near-identical wording is the same event on compatible dates however short the sentence;
    # calling differing dates a conflict on wording alone also needs two specific words in common
    retold = same_head and _near_identical(a, b)
    if shared_actors == 0 and shared_concepts < 2 and not retold:
        return 0.0, False
    score = 2.0 * shared_concepts + 1.5 * shared_actors + (1.0 if same_head else 0.0) + 0.25 * shared_terms
    # a shared place says where, not which event: calling differing dates a conflict needs a shared person
    people = _shared_actors(a, b, ignore=a.places | b.places)
    strong = same_head and people >= 1 and (shared_concepts >= 2 or _shared_specifics(a, b) >= CONFLICT_TERMS)
    retold_specifically = retold and len(a.specific & b.specific) >= SAME_DAY_TERMS
    # a date told by a party the other report does not name ("the Council condemned the bombing on
    # Thursday") may be that party's own action: no ground for calling the dates a conflict
    return score, (strong or retold_specifically) and not _outside_subject(a, b)


def _outside_subject(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One report names who acted, and the other does not name that actor at all."""
    return bool(a.subjects and not _takes_part(a.subjects, b)) or bool(
        b.subjects and not _takes_part(b.subjects, a)
    )


def _shared_specifics(a: MentionFeatures, b: MentionFeatures) -> int:
    """Specific words in common, plus one for a shared place ("border" ... "in Geneva")."""
    return len(a.specific & b.specific) + (1 if a.places and frozen_keys_match(a.places, b.places) else 0)


def _near_identical(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Two reports in (nearly) the same words, names included ("the flood began"): the same event on
    compatible dates even without a named actor.  ``match_score`` asks more before differing dates
    become a conflict: a couple of common words ("a soldier killed") is not one event told twice."""
    words_a = a.terms | {name.lower() for name in a.names}
    words_b = b.terms | {name.lower() for name in b.names}
    union = words_a | words_b
    return bool(union) and len(words_a & words_b) / len(union) >= NEAR_IDENTICAL


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
    """Clusters by (concept or speaker key, week bucket) so a mention meets only plausible events.

    Day-precise occurrences are also filed by (specific word or place, day), so same-day reports
    worded with different verbs meet, and by the day a year later and earlier (a year typo).
    """

    def __init__(self) -> None:
        # reliability: each bucket holds a cluster once (a dict as an ordered set), not once per mention
        # joining it, so a story repeated thousands of times does not make every lookup quadratic
        self._buckets: dict[tuple[str, object], dict[int, None]] = defaultdict(dict)

    @staticmethod
    def _keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return {f"speaker:{k}" for k in (f.speaker or set())}
        return set(f.concepts)

    @staticmethod
    def _day_keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return set()
        return {f"t:{t}" for t in _content(f)} | {f"t:{p}" for p in f.places}

    def add(self, cluster_id: int, f: MentionFeatures, when: DateValue) -> None:
        slots: list[object] = ["wide"] if _is_wide(when) else list(_weeks(when.start, when.end))
        for key in self._keys(f):
            for slot in slots:
                self._buckets[(key, slot)][cluster_id] = None
        if when.granularity in _DAY:
            for key in self._day_keys(f):
                self._buckets[(key, ("day", when.start.toordinal()))][cluster_id] = None

    def candidates(self, f: MentionFeatures, when: DateValue) -> set[int]:
        found: set[int] = set()
        if _is_wide(when):
            slots: list[object] = ["wide"]
        else:
            slots = list(_weeks(when.start - CONFLICT_WINDOW, when.end + CONFLICT_WINDOW))
            if when.granularity in _DAY:
                slots += [w for shifted in _year_shifts(when.start) for w in _weeks(shifted, shifted)]
        keys = self._keys(f)
        for allied in [_ALLIED.get(c, frozenset()) for c in f.concepts if f.kind == "occurrence"]:
            keys |= allied
        for key in keys:
            for slot in slots:
                found.update(self._buckets.get((key, slot), ()))
        return found

    def same_day_candidates(self, f: MentionFeatures, when: DateValue) -> set[int]:
        found: set[int] = set()
        if when.granularity in _DAY:
            for key in self._day_keys(f):
                found.update(self._buckets.get((key, ("day", when.start.toordinal())), ()))
        return found


def _year_shifts(day: date) -> list[date]:
    """The same month and day a year before and after (none for 29 February)."""
    if (day.month, day.day) == (2, 29):
        return []
    return [day.replace(year=day.year - 1), day.replace(year=day.year + 1)]


def _order_key(mention: EventMention, doc_keys: dict[str, str]) -> tuple:
    when = mention.date
    span = (when.start.toordinal(), -when.end.toordinal()) if when else (0, 0)
    start = mention.expression.start if mention.expression else mention.sentence.start
    return (*span, doc_keys.get(mention.document, mention.document), mention.sentence.start, start)


def _doc_keys(articles: list[Article]) -> dict[str, str]:
    """A content hash per article, so processing order never depends on input order or file names."""
    return {a.id: hashlib.sha1(a.text.encode("utf-8")).hexdigest() for a in articles}


def merge_mentions(
    mentions: list[EventMention], articles: list[Article], copies: dict[str, str] | None = None
) -> list[Event]:
    """Cluster mentions into events; returns events in no particular order (the build stage orders them).

    ``copies`` maps an article that re-sends another's text to that article: its mentions are still
    listed, but it is not counted as a source of its own.
    """
    doc_keys = _doc_keys(articles)
    mentions = [_copy(m) for m in mentions]  # joining sets date/date_source: never touch the caller's
    ordered = sorted(mentions, key=lambda m: _order_key(m, doc_keys))
    clusters: list[_Cluster] = []
    index = _Index()
    merged_into: dict[int, int] = {}  # a cluster absorbed by another: its id now means the other
    for mention in (m for m in ordered if m.date is not None):
        _place_dated(mention, features(mention), clusters, index, merged_into)
    clusters = [c for cid, c in enumerate(clusters) if cid not in merged_into]
    context = _JoinContext(articles, ordered)
    joined_docs = _join_undated([m for m in ordered if m.date is None], clusters, context)
    copies = copies or {}
    events = [_to_event(c, copies, context.latest) for c in clusters]
    events.extend(_orphans(ordered, clusters, joined_docs, copies))
    return events


def _copy(mention: EventMention) -> EventMention:
    """A shallow copy, like ``dataclasses.replace(mention)`` but several times faster."""
    clone = object.__new__(EventMention)
    clone.__dict__.update(mention.__dict__)
    return clone


def _place_dated(
    mention: EventMention,
    f: MentionFeatures,
    clusters: list[_Cluster],
    index: _Index,
    merged_into: dict[int, int],
) -> None:
    assert mention.date is not None
    ranks: dict[int, tuple[bool, float]] = {}
    primary = _live(index.candidates(f, mention.date), merged_into)
    _rank_all(mention, f, clusters, primary, ranks)
    if not any(compatible for compatible, _ in ranks.values()):
        # no event of the same kind on a compatible date: same-day reports in other words
        same_day = _live(index.same_day_candidates(f, mention.date), merged_into) - primary
        _rank_all(mention, f, clusters, same_day, ranks)
    if not ranks:
        clusters.append(_Cluster())
        cid = len(clusters) - 1
    else:
        cid = max(sorted(ranks), key=lambda c: ranks[c])  # the first (lowest id) on ties
        _absorb_same_day(mention, cid, ranks, clusters, merged_into)
    clusters[cid].add(mention, f)
    index.add(cid, f, mention.date)


def _live(cids: set[int], merged_into: dict[int, int]) -> set[int]:
    """Cluster ids with merged clusters replaced by the cluster that absorbed them."""
    return {_root(cid, merged_into) for cid in cids}


def _root(cid: int, merged_into: dict[int, int]) -> int:
    while cid in merged_into:
        cid = merged_into[cid]
    return cid


def _rank_all(
    mention: EventMention,
    f: MentionFeatures,
    clusters: list[_Cluster],
    cids: set[int],
    ranks: dict[int, tuple[bool, float]],
) -> None:
    for cid in cids:
        rank = _rank_against(mention, f, clusters[cid])
        if rank is not None:
            ranks[cid] = rank


def _absorb_same_day(
    mention: EventMention,
    cid: int,
    ranks: dict[int, tuple[bool, float]],
    clusters: list[_Cluster],
    merged_into: dict[int, int],
) -> None:
    """Merge into ``cid`` the other clusters the day-precise mention also matches on its date.

    Clusters form in date order, so two reports that do not match each other directly may start two
    events before a third report matching both arrives: without this, adding a source could split a
    pair that matched, and the result would depend on processing order.
    """
    assert mention.date is not None
    if mention.date.granularity not in _DAY:
        return  # a coarse mention ("this month") would bridge different days
    target = clusters[cid]
    for other_id in sorted(ranks):
        other = clusters[other_id]
        if other_id == cid or not ranks[other_id][0] or _clusters_conflict(target, other):
            continue
        target.absorb(other)
        merged_into[other_id] = cid


def _clusters_conflict(a: _Cluster, b: _Cluster) -> bool:
    """Members naming different places or different subjects, or the same day told as two different
    lexicon actions."""
    return any(
        _places_differ(fa, fb) or _subjects_clash(fa, fb) or _different_actions(fa, fb)
        for (_, fa), (_, fb) in product(a.reps, b.reps)
    )


def _different_actions(a: MentionFeatures, b: MentionFeatures) -> bool:
    heads = (a.head or "v:", b.head or "v:")
    if a.kind != "occurrence" or b.kind != "occurrence" or any(h.startswith("v:") for h in heads):
        return False
    return a.head != b.head and b.head not in _ALLIED.get(heads[0], frozenset())


def _rank_against(mention: EventMention, f: MentionFeatures, cluster: _Cluster) -> tuple[bool, float] | None:
    """(date compatible, score) of the best-matching member, or None if no member matches."""
    assert mention.date is not None
    best: tuple[bool, float] | None = None
    # a coarse member ("bombings this month") overlaps every day of its month: a day-precise report
    # compares with the event's day-precise members when it has some, so it cannot bridge two days
    fine_only = mention.date.granularity in _DAY and cluster.has_days
    for other, of in cluster.reps:
        if other.date is None:
            continue
        background_differs = (other.status == "background") != (mention.status == "background")
        if background_differs and not _recalled(mention, f, other, of):
            continue
        if fine_only and other.date.granularity not in _DAY:
            continue
        compatible = mention.date.overlaps(other.date)
        too_far = not compatible and _gap(mention.date, other.date) > CONFLICT_WINDOW
        if too_far and not _year_typo(mention.date, other.date):
            continue  # too far apart to be the same event whatever the content (checked first: cheap)
        score, strong = _cached_match(f, of, False)
        if not compatible and not strong and _year_typo(mention.date, other.date):
            strong = _retold_with_wrong_year(mention, f, other, of)
        if score <= 0 and compatible:
            # a plan and its report ("a meeting is scheduled for Thursday" / "met on Thursday")
            planned = "expected" in (mention.status, other.status)
            score = _same_day_score(mention.date, other.date, f, of, planned)
        if score <= 0 or not (compatible or strong):
            continue
        if not compatible and _recurring(mention.date, other.date, f, of):
            continue  # a rally on Wednesday and one on Thursday: two rallies, not one with two dates
        if not compatible and _same_distance_from_publication(mention, other):
            continue  # daily reports alike ("stocks fell on Monday" in Monday's and Tuesday's papers)
        if best is None or (compatible, score) > best:
            best = (compatible, score)
    return best


def _same_distance_from_publication(a: EventMention, b: EventMention) -> bool:
    """Both dates are read relative to their own article's publication day, at the same distance.

    Two sources that disagree about one event were published about the same time; two articles
    published days apart that each say "on <their own day>" are reporting two days of a recurring
    story, however alike their sentences.
    """
    offsets = []
    for mention in (a, b):
        expression = mention.expression
        if expression is None or expression.anchor != "publication" or mention.date is None:
            return False
        anchor = cached_value_to_date(expression.anchor_value or "")
        if anchor is None or anchor.granularity != "day":
            return False
        offsets.append((mention.date.start - anchor.start).days)
    return offsets[0] == offsets[1]


def _recalled(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> bool:
    """A background mention ("last year's bombing of the courthouse") recalls a story event it contains
    ("a bomb exploded at the courthouse on Friday"): the same action, a specific word in common and a
    second one or a shared actor (a person or a place).  It then joins that event as a source agreeing
    at its coarser precision, instead of standing apart as a second event."""
    if a.date is None or b.date is None or not (a.date.contains(b.date) or b.date.contains(a.date)):
        return False
    if fa.kind != "occurrence" or fb.kind != "occurrence" or fa.head is None or fa.head != fb.head:
        return False
    if _places_differ(fa, fb) or _subjects_clash(fa, fb):
        return False
    specific = len(fa.specific & fb.specific)
    return specific >= 1 and specific + _shared_actors(fa, fb) >= CONFLICT_TERMS


# Wording that says a date recurs: the same day a year apart is then another occurrence, not a typo.
_RECURRENCE = re.compile(r"\b(?:anniversar\w*|annual\w*|yearly|every year|each year)\b", re.IGNORECASE)


def _retold_with_wrong_year(
    a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures
) -> bool:
    """The same occurrence on the same day of the year, one year off, told in other words: the same
    action, a shared person and a specific word in common ("killed by a sniper").  One source has the
    year wrong: a conflict to show, not a second event.  Anniversaries and annual events are not."""
    if fa.kind != "occurrence" or fa.head is None or fa.head != fb.head:
        return False
    if _RECURRENCE.search(a.sentence.text) or _RECURRENCE.search(b.sentence.text):
        return False
    if fa.concepts & RECURRING or fb.concepts & RECURRING:
        return False
    people = _shared_actors(fa, fb, ignore=fa.places | fb.places)
    return people >= 1 and len(fa.specific & fb.specific) >= 1


def _year_typo(a: DateValue, b: DateValue) -> bool:
    """Two precise days with the same month and day, a year apart: one source's year is wrong."""
    return (
        a.granularity in _DAY
        and b.granularity in _DAY
        and abs(a.start.year - b.start.year) == 1
        and (a.start.month, a.start.day) == (b.start.month, b.start.day)
    )


def _recurring(a: DateValue, b: DateValue, f: MentionFeatures, of: MentionFeatures) -> bool:
    return a.granularity in _DAY and b.granularity in _DAY and bool((f.concepts | of.concepts) & RECURRING)


def _content(f: MentionFeatures) -> frozenset[str]:
    """The specific words of a report with its own action's stem: one report's verb ("flooded") is
    another's participle or noun ("flooding")."""
    return f.specific | {f.action} if f.action else f.specific


def _same_day_score(
    a: DateValue, b: DateValue, f: MentionFeatures, of: MentionFeatures, planned: bool = False
) -> float:
    """Same-day reports of one occurrence in different words: a death toll with its attack, or
    reports sharing enough specific words and places ("exploded" / "went off" outside the embassy).

    Two announcements of the same kind of event for the same day ("an emergency meeting on Thursday")
    need only one shared specific word: plans are told in few words, and rarely two alike for one day.
    """
    if (
        f.kind != "occurrence"
        or of.kind != "occurrence"
        or not (a.granularity in _DAY and b.granularity in _DAY)
    ):
        return 0.0
    if _places_differ(f, of) or _subjects_clash(f, of):
        return 0.0
    # a death toll with its attack, not a reaction to the attack ("condemned the bombing")
    allied = any(_ALLIED.get(c, frozenset()) & of.concepts for c in f.concepts) and not _reaction(f, of)
    shared = len(_content(f) & _content(of)) + len(f.places & of.places)
    if allied and (shared >= 1 or _shared_actors(f, of) >= 1):
        return 1.5 + 0.25 * shared
    # two different actions of the lexicon (a call, a visit) on one day are two events
    lexicon_heads = not (f.head or "v:").startswith("v:") and not (of.head or "v:").startswith("v:")
    if shared >= SAME_DAY_TERMS and not (lexicon_heads and f.head != of.head):
        return 1.0 + 0.25 * shared
    if planned and shared >= 1 and _lexicon(f.concepts) & _lexicon(of.concepts):
        return 1.0 + 0.25 * shared
    return 0.0


def _lexicon(concepts: frozenset[str]) -> frozenset[str]:
    """The concepts of the synonym lexicon (not a bare verb's ``v:`` key)."""
    return frozenset(c for c in concepts if not c.startswith("v:"))


class _JoinIndex:
    """Dated clusters by (actor key, concept), for joining undated mentions.

    A join needs a member with one of the mention's actor keys and, for an occurrence, an occurrence
    member sharing one of its concepts (for a statement, a statement member).  Indexing those pairs
    yields exactly the clusters worth scoring, instead of every cluster naming a common actor
    (quadratic on big collections).
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


class _JoinContext:
    """What joining needs beyond the features: publication bounds and the collection's place names."""

    def __init__(self, articles: list[Article], mentions: list[EventMention]) -> None:
        self.latest: dict[str, date] = {}
        for article in articles:
            bound = _latest_publication(article)
            if bound is not None:
                self.latest[article.id] = bound
        # a name read as a place anywhere ("in Miami") is a place everywhere ("the Miami relatives")
        self.place_keys = frozenset(k for m in mentions for p in m.places for k in frozen_actor_keys(p))
        self._people: dict[int, tuple[str, ...]] = {}
        self._scores: dict[tuple[MentionFeatures, int], float] = {}

    def cluster_score(self, f: MentionFeatures, cid: int, cluster: _Cluster) -> float:
        """The best ``join_score`` of ``f`` against the cluster's members (memoised: wire copies repeat)."""
        key = (f, cid)
        score = self._scores.get(key)
        if score is None:
            score = max((join_score(f, of, self) for _, of in cluster.reps), default=0.0)
            self._scores[key] = score
        return score

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
    dated_docs = [{m.document for m in c.mentions} for c in clusters]
    earliest = [min((m.date.start for m in c.mentions if m.date is not None), default=None) for c in clusters]
    # the choice depends on the mention's features and article: identical mentions choose once
    chosen: dict[tuple, int | None] = {}
    joined: set[str] = set()
    attachments: list[tuple[int, EventMention, MentionFeatures]] = []
    for mention in undated:
        f = features(mention)
        key = (mention.document, mention.trigger, tuple(mention.terms), tuple(mention.actors))
        if key not in chosen:
            # the publication-date guard is for other articles' events: an article may date its own later
            candidates = [
                cid
                for cid in index.candidates(f)
                if mention.document in dated_docs[cid] or _joinable_date(mention, earliest[cid], context)
            ]
            chosen[key] = _best_to_join(mention.document, f, candidates, clusters, dated_docs, context)
        cid = chosen[key]
        if cid is not None:
            mention.date_source = "joined"
            attachments.append((cid, mention, f))
            joined.add(mention.document)
    # attach after matching, so undated mentions only ever join events dated by an expression
    for cid, mention, f in attachments:
        clusters[cid].add(mention, f)
    return joined


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
    dated_docs: list[set[str]],
    context: _JoinContext,
) -> int | None:
    """The candidate cluster with the best join score (the first on ties), if any matches.

    Every join needs the same evidence (``join_score``): an article's own sentences share its names and
    wording whatever they report, so sharing them says nothing more.  Among matches, an event the same
    article already dates is preferred.
    """
    best: tuple[float, int] | None = None
    for cid in candidates:
        score = context.cluster_score(f, cid, clusters[cid])
        if score > 0 and document in dated_docs[cid]:
            score += 10.0
        if score > 0 and (best is None or score > best[0]):
            best = (score, cid)
    return best[1] if best else None


def join_score(f: MentionFeatures, of: MentionFeatures, context: _JoinContext) -> float:
    """How well an undated sentence matches another article's dated mention (0: not the same event).

    It needs a shared person or organisation (a place or nationality says nothing about which event),
    the same action, and a shared concept of the lexicon or a shared specific word: a shared verb alone
    is often the same word in another sense ("the crater left by the blast" / "plans to leave").
    """
    if f.kind != of.kind or _places_differ(f, of) or _subjects_clash(f, of):
        return 0.0
    people = _shared_people(context.people(f), context.people(of))
    if people == 0:
        return 0.0
    lexicon = {c for c in f.concepts & of.concepts if not c.startswith("v:")}
    specific = len(f.specific & of.specific)
    if f.kind == "statement":
        if not (f.speaker and of.speaker and frozen_keys_match(f.speaker, of.speaker)):
            return 0.0
        return 3.0 + 2.0 * len(lexicon) + 0.5 * specific if lexicon or specific else 0.0
    same_action = f.head is not None and (
        f.head == of.head or (f.head in of.concepts and of.head in f.concepts)
    )
    if not same_action or not (lexicon or specific):
        return 0.0  # an action of the lexicon, or the same verb and a specific word in common
    return 2.0 * len(lexicon) + 1.5 * people + 0.5 * specific


def _shared_people(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    return sum(1 for name in a if any(_same_person(name, other) for other in b))


@lru_cache(maxsize=262144)
def _same_person(a: str, b: str) -> bool:
    return same_actor(a, b)


def _orphans(
    ordered: list[EventMention], clusters: list[_Cluster], joined_docs: set[str], copies: dict[str, str]
) -> list[Event]:
    """An article that contributed to no event keeps its first event report as an undated event."""
    represented = {m.document for c in clusters for m in c.mentions} | joined_docs
    events: list[Event] = []
    for mention in ordered:
        if mention.date is None and mention.document not in represented:
            represented.add(mention.document)
            cluster = _Cluster()
            cluster.add(mention, features(mention))
            events.append(_to_event(cluster, copies))
    return events


# ---------------------------------------------------------------- event assembly


def _precision(when: DateValue) -> int:
    return -GRANULARITIES.index(when.granularity) if when.granularity in GRANULARITIES else -99


def _choose_date(dated: list[EventMention], copies: dict[str, str] | None = None) -> DateValue | None:
    """The date the sources support best, at the finest precision they agree on.

    Only the finest dates compete (a date containing another, finer one agrees with it and yields to it).
    Between conflicting fine dates the one more sources give at its own precision wins; coarse mentions
    around one of them ("in October") only break a tie, so one fine but wrong date cannot win on them.
    A copy of another article's text is not an independent source.
    """
    if not dated:
        return None
    copies = copies or {}
    options = {m.date.value: m.date for m in dated if m.date}
    documents: dict[str, set[str]] = defaultdict(set)  # by date value: big events repeat few dates
    for m in dated:
        if m.date:
            documents[m.date.value].add(copies.get(m.document, m.document))
    leaves = [
        when for when in options.values() if not any(_finer_inside(other, when) for other in options.values())
    ]

    def support(when: DateValue) -> tuple[int, int, int, int, int, str]:
        fine = set().union(*(documents[v] for v, d in options.items() if when.contains(d)))
        overlapping = set().union(*(documents[v] for v, d in options.items() if d.overlaps(when)))
        exact = len(documents[when.value])  # "Friday" (5 sources) over "Friday night" (1): same day
        return (len(fine), len(overlapping), exact, _precision(when), -when.start.toordinal(), when.value)

    return max(leaves, key=support)


def _finer_inside(inner: DateValue, outer: DateValue) -> bool:
    """``inner`` is a finer date within ``outer`` ("Nov. 25" in "late November")."""
    # a time of day is no finer a date than its day: both compete, on their sources
    return inner.value != outer.value and outer.contains(inner) and not inner.contains(outer)


def _to_event(
    cluster: _Cluster, copies: dict[str, str] | None = None, latest: dict[str, date] | None = None
) -> Event:
    copies = copies or {}
    mentions = sorted(cluster.mentions, key=lambda m: (m.document, m.sentence.start, _expr_start(m)))
    dated = [m for m in mentions if m.date is not None and m.date_source == "expression"]
    when = _choose_date(dated, copies)
    agreeing = [m for m in dated if when and m.date and m.date.overlaps(when)]
    conflicts = _conflicts(dated, when)
    for m in mentions:
        if m.date_source == "joined":
            m.date = when
    documents = {m.document for m in mentions}
    # a re-sent copy is listed through its mentions, but counts as a source only on its own
    sources = sorted(d for d in documents if d not in copies) or sorted(documents)
    title = _pick_title(agreeing or mentions, when)
    counted = [m for m in agreeing or mentions if m.document in sources]
    status = _pick_status(counted or agreeing or mentions, when, latest or {})
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
        long_enough = len(m.title.split()) >= 3
        return (exact, long_enough, complete, bool(m.title), min(len(m.actors), 3), -len(m.title), m.title)

    return max(mentions, key=quality).title if mentions else ""


def _pick_status(
    mentions: list[EventMention], when: DateValue | None = None, latest: dict[str, date] | None = None
) -> str:
    """Reported once any source tells it happened, else expected, else background.

    Against a plan, a report counts only from a source that could have seen the event: one published
    (at the latest) before the event's date cannot tell it happened, its past tense is a misreading.
    """
    statuses = {m.status for m in mentions}
    if when is not None and {"reported", "expected"} <= statuses:
        reporters = [m.document for m in mentions if m.status == "reported"]
        if all(_published_before(doc, when, latest or {}) for doc in reporters):
            statuses.discard("reported")
    return next((s for s in _STATUS_ORDER if s in statuses), "reported")


def _published_before(document: str, when: DateValue, latest: dict[str, date]) -> bool:
    bound = latest.get(document)
    return bound is not None and bound < when.start


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def event_id(value: str | None, title: str, sources: list[str]) -> str:
    """``ev-`` + 10 hex digits of a hash of date, title and sources: stable across runs and input order."""
    key = "|".join([value or "undated", _normalise(title), ",".join(sorted(sources))])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

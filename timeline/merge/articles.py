"""One article's next sentence about the happening it just reported: the same event.

An article tells a happening over several sentences, each in other words: a lead, then a quote, a toll,
a detail.  Matching them one by one across outlets leaves the later sentences in events of their own,
so a source's account is split.  After clustering, a dated mention that no other article's report
joined (its event has only its own article) moves to the event of the sentence next to it in the same
article, when that event is told by several articles, its date allows the mention's own date (the same
day, or a publication-implied day and the day before), and the two sentences share a named actor (the
speaker of a quote included), a specific word or an event concept, with no place or acting party telling
them apart.  Moves chain in sentence order, so a quote after a detail after the lead follows the lead.

The mention keeps its own date: a stated date the event's does not overlap, or an unstated one outside
it, leaves again (``conflicts.separate_unstated``), so nothing is re-dated by a move.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from timeline.merge.clusters import _Cluster
from timeline.merge.dates import bounds
from timeline.merge.evidence import join_reason
from timeline.merge.features import (
    _DAY,
    MentionFeatures,
    _content,
    _lexicon,
    _places_differ,
    _shared_actors,
    _subjects_clash,
    features,
)
from timeline.names import frozen_keys_match
from timeline.types import EventMention

NEXT_SENTENCE = 1  # how far (in sentences) the neighbour may be: further ones are other news too often
ARTICLE_EVIDENCE = 1  # shared people, specific words or concepts the two sentences need
_MAX_SPAN_DAYS = 1  # a mention's own span (from ``earliest``) longer than this is no day of its own


def follow_neighbours(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after moving each lone article's mentions to the neighbouring sentence's event."""
    copies = copies or {}
    home: dict[int, int] = {}  # id(mention) -> index of its cluster
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            home[id(mention)] = cid
    sources = [{copies.get(m.document, m.document) for m in c.mentions} for c in clusters]
    moved: dict[int, list[EventMention]] = defaultdict(list)
    for mentions in _by_document(clusters).values():
        for at, mention in enumerate(mentions):
            if len(sources[home[id(mention)]]) > 1:
                continue  # another article's report is already in its event
            found = _neighbour(mention, mentions, at, home, sources)
            if found is None:
                continue
            cid, other = found
            f, of = features(mention), features(other)
            kind = "same-date" if mention.date == other.date else "compatible-date"
            reason = join_reason(mention, f, other, of, kind)
            mention.join = replace(reason, date=f"{reason.date}; the next sentence of the same article")
            moved[home[id(mention)]].append(mention)
            clusters[cid].reasons.append(mention.join)
            clusters[cid].add(mention, f)
            home[id(mention)] = cid
    if not moved:
        return clusters
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return [c for c in kept if c.mentions]


def _by_document(clusters: list[_Cluster]) -> dict[str, list[EventMention]]:
    """Each article's dated mentions in sentence order."""
    found: dict[str, list[EventMention]] = defaultdict(list)
    for cluster in clusters:
        for mention in cluster.mentions:
            if mention.date is not None:
                found[mention.document].append(mention)
    for mentions in found.values():
        mentions.sort(key=lambda m: (m.sentence.index, m.sentence.start))
    return found


def _neighbour(
    mention: EventMention,
    mentions: list[EventMention],
    at: int,
    home: dict[int, int],
    sources: list[set[str]],
) -> tuple[int, EventMention] | None:
    """The cluster (and its member) of the nearest neighbouring sentence's report of the same happening."""
    f = features(mention)
    best: tuple[tuple[int, int, int], int, EventMention] | None = None
    index = mention.sentence.index
    for other in mentions:
        distance = abs(other.sentence.index - index)
        cid = home[id(other)]
        if distance == 0 or distance > NEXT_SENTENCE or len(sources[cid]) < 2:
            continue
        if not _same_day(mention, other):
            continue
        of = features(other)
        if _places_differ(f, of) or _subjects_clash(f, of):
            continue
        evidence = _evidence(f, of)
        if evidence < ARTICLE_EVIDENCE:
            continue
        key = (distance, -evidence, -len(sources[cid]))
        if best is None or key < best[0]:
            best = (key, cid, other)
    return (best[1], best[2]) if best else None


def _same_day(mention: EventMention, other: EventMention) -> bool:
    """The mention's own day (or publication-implied two days) allows the other's day-precise date."""
    if mention.date is None or other.date is None or other.date.granularity not in _DAY:
        return False
    start, end = bounds(mention)
    if (end - start).days > _MAX_SPAN_DAYS:
        return False
    return start <= other.date.end and other.date.start <= end


def _evidence(f: MentionFeatures, of: MentionFeatures) -> int:
    """Named actors, specific words and event concepts in common; a quote's speaker named in the other."""
    shared = len(_content(f) & _content(of)) + len(_lexicon(f.concepts) & _lexicon(of.concepts))
    shared += _shared_actors(f, of)
    if f.kind == "statement" and f.speaker:
        shared += any(frozen_keys_match(f.speaker, keys) for keys in of.actors)
    return shared


def _without(cluster: _Cluster, gone: list[EventMention]) -> _Cluster:
    """The cluster less the mentions that moved (its reasons between those left kept)."""
    left = [m for m in cluster.mentions if all(m is not g for g in gone)]
    rebuilt = _Cluster()
    for mention in left:
        rebuilt.add(mention, features(mention))
    places = {(m.document, m.sentence.start) for m in left}
    rebuilt.reasons = [
        r
        for r in cluster.reasons
        if (r.document, r.start) in places and (r.matched_document, r.matched_start) in places
    ]
    return rebuilt

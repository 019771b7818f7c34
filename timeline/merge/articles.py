"""Happenings told over an article's sentences: its lead, and its next sentence about what it reported.

**Leads** (``join_leads``): articles published about one story on one day open with that day's
happening, each in its own verb; a lone article's lead joins the event of another article's lead of the
same day naming the same parties.  A lead grouped with other articles' sentences that all already tell
that other lead's event (a wire's quotes of the day, a copy of a report there) moves alone, when the two
leads are worded alike.

**Next sentences** (``follow_neighbours``):

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

from timeline.merge.clusters import Sources, _Cluster, _different_actions, sources_of
from timeline.merge.conflicts import _retelling, implicit_day, separate_unstated, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import (
    _ALLIED,
    _DAY,
    MentionFeatures,
    _apart,
    _content,
    _lexicon,
    _places_differ,
    _shared_actors,
    _subjects_clash,
    features,
)
from timeline.merge.scoring import _reacts
from timeline.merge.similar import _cosine, _Space
from timeline.names import frozen_keys_match
from timeline.types import EventMention, JoinReason

NEXT_SENTENCE = 1  # how far (in sentences) the neighbour may be: further ones are other news too often
ARTICLE_EVIDENCE = 1  # shared people, specific words or concepts the two sentences need
_MAX_SPAN_DAYS = 1  # a mention's own span (from ``earliest``) longer than this is no day of its own
LEAD_SENTENCES = 3  # an article's lead: its first dated report, among its first sentences (a headline first)
LEAD_MOVES = 1  # sources an event may have for its lead to take it into a better-attested lead's event
LEAD_ACTORS = 3  # named actors two leads of one day share to tell one happening in other verbs
# TF-IDF cosine of two leads for one to leave an event other articles tell too (read on Entities, no gold:
# the same parties in comments on other news scored 0.03, one happening's leads 0.06-0.32)
LEAD_ALONE_WORDING = 0.05


def follow_neighbours(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after moving each lone article's mentions to the neighbouring sentence's event."""
    copies = copies or {}
    home: dict[int, int] = {}  # id(mention) -> index of its cluster
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            home[id(mention)] = cid
    sources = sources_of(clusters, copies)
    moved: dict[int, list[EventMention]] = defaultdict(list)
    received: set[int] = set()
    for mentions in _by_document(clusters).values():
        by_sentence: dict[int, list[EventMention]] = defaultdict(list)
        for mention in mentions:
            by_sentence[mention.sentence.index].append(mention)
        for mention in mentions:
            if len(sources[home[id(mention)]]) > 1:
                continue  # another article's report is already in its event
            index = mention.sentence.index
            near = [
                other
                for n in range(index - NEXT_SENTENCE, index + NEXT_SENTENCE + 1)
                if n != index
                for other in by_sentence.get(n, ())
            ]
            found = _neighbour(mention, near, home, sources) if near else None
            if found is None:
                continue
            cid, other = found
            f, of = features(mention), features(other)
            kind = date_kind(mention, other)
            reason = join_reason(mention, f, other, of, kind)
            mention.join = replace(reason, date=f"{reason.date}; the next sentence of the same article")
            moved[home[id(mention)]].append(mention)
            clusters[cid].add_reason(mention.join)
            clusters[cid].add(mention, f)
            home[id(mention)] = cid
            received.add(cid)
    if not moved:
        return clusters
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies)


def join_leads(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, idf: dict[str, float] | None = None
) -> list[_Cluster]:
    """The clusters after a lone article's lead joins the event of another article's lead of the same day.

    Articles published about one story on one day open with that day's happening, each in its own verb
    ("became members", "joined", "embraced three former rivals"): two day-precise leads naming the same
    parties (``LEAD_ACTORS``), with no place, acting party or reaction telling them apart, are one
    happening.  Only an event told by one article moves (with the same article's sentences joined to its
    lead), so two events several outlets already tell are never fused by this weaker evidence.  A lead
    whose event other articles tell too moves alone (``_lead_alone``), and only when each of those
    articles already tells the other lead's event and the two leads are worded alike
    (``LEAD_ALONE_WORDING``, TF-IDF cosine with ``idf``, the collection's: ``similar.sentence_idf``):
    its grouping with them (a quote of the day) kept it apart from the happening all of them report.
    """
    copies = copies or {}
    leads = _leads(clusters)
    # memory (issue #9): each event's sources a tuple when one article tells it (``sources_of``), and the
    # clusters of the leads only (asked for no other mention), not a set of every event's sources and a
    # table of every mention
    sources = sources_of(clusters, copies)
    leading = {id(lead) for lead in leads}
    home = {id(m): cid for cid, c in enumerate(clusters) for m in c.mentions if id(m) in leading}
    by_day: dict[int, list[EventMention]] = defaultdict(list)
    for lead in leads:
        by_day[lead.date.start.toordinal()].append(lead)
    target: dict[int, tuple[int, EventMention, EventMention]] = {}  # lone cluster -> (cluster, lead, other)
    for lead in leads:
        cid = home[id(lead)]
        if cid in target:
            continue
        start, end = bounds(lead)
        nearby = [o for day in range(start.toordinal(), end.toordinal() + 1) for o in by_day.get(day, ())]
        found = _lead_match(lead, nearby, home, sources, copies)
        if found is not None:
            target[cid] = (home[id(found)], lead, found)
    joined = {into for into, _, _ in target.values()}
    for cid, (into, lead, other) in sorted(target.items()):
        if into in target or cid in joined:
            continue  # no chains: an event that others join stays, one that joins another takes none
        alone = len(sources[cid]) > LEAD_MOVES
        own = copies.get(lead.document, lead.document)
        if alone and not (sources[cid] - {own}).issubset(sources[into]):  # (several: a set)
            continue  # another article tells the lead's event and not the other's: two happenings
        if alone and _lead_wording(lead, other, idf, clusters) < LEAD_ALONE_WORDING:
            continue  # the same parties in other words: commentary on the day, not its happening
        f, of = features(lead), features(other)
        kind = date_kind(lead, other)
        reason = join_reason(lead, f, other, of, kind)
        lead.join = replace(reason, date=f"{reason.date}; leads of the same day")
        clusters[into].add_reason(lead.join)
        if alone:
            clusters[cid] = _lead_alone(clusters[cid], lead)
            clusters[into].add(lead, f)
            continue
        clusters[into].absorb(clusters[cid])
        clusters[cid] = _Cluster()
    return [c for c in clusters if c.mentions]


def _lead_wording(
    lead: EventMention, other: EventMention, idf: dict[str, float] | None, clusters: list[_Cluster]
) -> float:
    """The TF-IDF cosine of the two leads' sentences."""
    space = _Space(clusters, idf)
    return _cosine(space.text_vector([lead.sentence.text]), space.text_vector([other.sentence.text]))


def _lead_alone(cluster: _Cluster, lead: EventMention) -> _Cluster:
    """The cluster without its lead (which moves alone), its other members and their reasons kept."""
    rest = _Cluster()
    for mention in cluster.mentions:
        if mention is not lead:
            rest.add(mention, features(mention))
    rest.reasons = [
        r for r in cluster.reasons if (r.document, r.start) != (lead.document, lead.sentence.start)
    ]
    return rest


def _leads(clusters: list[_Cluster]) -> list[EventMention]:
    """Each article's lead: its first day-precise reported occurrence, among its first sentences."""
    first: dict[str, EventMention] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            when = mention.date
            if when is None or when.granularity not in _DAY or mention.sentence.index >= LEAD_SENTENCES:
                continue
            if mention.status != "reported" or features(mention).kind != "occurrence":
                continue
            known = first.get(mention.document)
            if known is None or _position(mention) < _position(known):
                first[mention.document] = mention
    return sorted(first.values(), key=_position)


def _position(mention: EventMention) -> tuple[int, int, str]:
    return (mention.sentence.index, mention.sentence.start, mention.document)


def _lead_match(
    lead: EventMention,
    others: list[EventMention],
    home: dict[int, int],
    sources: list[Sources],
    copies: dict[str, str],
) -> EventMention | None:
    """The other article's lead of the same happening sharing the most named actors, if any."""
    f = features(lead)
    best: tuple[tuple[int, int], EventMention] | None = None
    for other in others:
        if len(sources[home[id(other)]]) <= max(1, len(sources[home[id(lead)]])):
            continue  # a lone lead joins a happening outlets agree on, never another lone lead (no chains)
        if not _same_day(lead, other):
            continue
        of = features(other)
        if _apart(f, of) or _reacts(f, of) or _different_actions(f, of):
            continue  # two parties, places or actions of the lexicon (a protest, a signing): two happenings
        shared = _shared_actors(f, of)
        if shared < LEAD_ACTORS:
            continue
        key = (shared, len(sources[home[id(other)]]))
        if best is None or key > best[0]:
            best = (key, other)
    return best[1] if best else None


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
    home: dict[int, int],
    sources: list[Sources],
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
    mine, theirs = _lexicon(f.concepts), _lexicon(of.concepts)
    shared = len(_content(f) & _content(of)) + len(mine & theirs)
    if not mine & theirs and any(_ALLIED.get(c, frozenset()) & theirs for c in mine):
        shared += 1  # a toll beside its attack ("30 were hurt" / "a blast tore through the depot")
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


def rehome_dateless(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each one left with nothing to date it gives its mentions back a date.

    A step that takes mentions out of an event (``_without``: a preview, a reaction, a retold sentence
    moving on) may leave behind only mentions that never date an event: retellings (their own later day
    kept, not the event's) and mentions with no date.  Such a remainder would be an event with no date,
    shown undated or dropped, although each of its sentences had joined a dated happening.  Each of its
    mentions goes where it came from: with the sentence of its own article its join matched, when that
    sentence's event is dated (an undated one taking that event's date, as undated joins do); else a
    retelling is a report of its own again, dated by its own day (``separate_unstated`` keeps apart those
    whose days differ), and an undated mention is left for ``undated._join_undated`` to place afresh.
    """
    copies = copies or {}
    dated = [_dates_itself(c, copies) for c in clusters]
    if all(dated):
        return clusters
    home = {
        (m.document, m.sentence.start): cid
        for cid, c in enumerate(clusters)
        if dated[cid]
        for m in c.mentions
    }
    result: list[_Cluster] = []
    for cid, cluster in enumerate(clusters):
        if dated[cid]:
            result.append(cluster)
            continue
        gone = [m for m in cluster.mentions if m.date is None]  # each undated one placed again, or below
        for mention in cluster.mentions:
            join = mention.join
            found = home.get((join.matched_document, join.matched_start)) if join else None
            if found is not None and join is not None and join.matched_document == mention.document:
                _follow(mention, join, clusters[found], gone)
            elif _retelling(mention):
                mention.join = None  # retells nothing here: a report of its own day
        result.extend(part for part in separate_unstated(_without(cluster, gone), copies) if part.mentions)
    return result


def _dates_itself(cluster: _Cluster, copies: dict[str, str]) -> bool:
    """The cluster's event has a date (``events._to_event``'s: a stated date, else an implied day)."""
    stated = [m for m in cluster.mentions if m.date is not None and m.date_source == "expression"]
    if any(not _retelling(m) for m in stated):
        return True  # (``conflicts._choose_date`` gives a date whenever one is stated)
    return implicit_day(cluster.mentions) is not None


def _follow(mention: EventMention, join: JoinReason, into: _Cluster, gone: list[EventMention]) -> None:
    """Move the mention into the event of the sentence its join matched (its reason kept)."""
    if mention.date is None:
        mention.date_source = "joined"  # dated by that event, marked as other undated joins are
    else:
        gone.append(mention)
    into.add_reason(join)
    into.add(mention, features(mention))

"""A sentence between two of its article's sentences retelling a happening retells it too.

A later paper tells an earlier happening again over a few sentences ("The fire spread within minutes.
The injured numbered 40, among them 5 visitors. Two more died in the second building."). The steps
before this one join the sentences that name the happening's action or repeat an outlet's words; one
between them that does neither (a toll in other words, a detail) stays alone, though its article tells the
happening on both sides of it.

``join_between`` (after ``retold``): a lone sentence (its event only its article's, one sentence) that may
retell (``scoring.may_retell``: a past or perfect report in its own words, dated only by its paper or the
narrative) joins the event its article's previous and next sentences are both in, when several outlets
tell that event, the sentence's own day lies after the event's (both neighbours there as retellings, or
the event's date ending before it), and nothing tells it apart from its neighbours (a place, an acting party,
a reaction, another lexicon action: ``together._told_apart``). It joins as a ``retelling``: its own later
date is kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import _retelling, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import join_reason
from timeline.merge.features import features
from timeline.merge.scoring import may_retell
from timeline.merge.together import _told_apart
from timeline.types import EventMention

BETWEEN_SOURCES = 2  # outlets the neighbours' event needs: one article's own account is ``accounts``'


def join_between(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each lone sentence between two of its article's retellings of one happening
    has joined that happening's event as a retelling."""
    copies = copies or {}
    home: dict[tuple[str, int], set[int]] = defaultdict(set)  # (document, sentence index) -> clusters
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            home[(mention.document, mention.sentence.index)].add(cid)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        mention = _lone_sentence(cluster, copies)
        if mention is None:
            continue
        place = (mention.document, mention.sentence.index)
        if home[place] != {cid}:
            continue  # another of the sentence's mentions is elsewhere: not a lone sentence
        around = home[(place[0], place[1] - 1)] & home[(place[0], place[1] + 1)]
        into = next((i for i in sorted(around) if _retold_there(mention, clusters[i], copies)), None)
        if into is None:
            continue
        _join(cluster, mention, clusters[into])
        clusters[cid] = _Cluster()
        home[place] = {into}
        received.add(into)
    if not received:
        return clusters
    return settle_moves(clusters, received, copies)


def _lone_sentence(cluster: _Cluster, copies: dict[str, str]) -> EventMention | None:
    """The cluster's one mention when it is a single sentence that may retell an earlier happening."""
    if len(cluster.mentions) != 1:
        return None
    mention = cluster.mentions[0]
    return mention if may_retell(mention, features(mention)) else None


def _retold_there(mention: EventMention, event: _Cluster, copies: dict[str, str]) -> bool:
    """Several outlets tell the event, and the mention's article retells it: the neighbours joined it as
    retellings, or the event's own dates all end before the mention's day."""
    if (
        not event.mentions
        or len({copies.get(m.document, m.document) for m in event.mentions}) < BETWEEN_SOURCES
    ):
        return False
    start, _ = bounds(mention)
    neighbours = [
        m
        for m in event.mentions
        if m.document == mention.document and abs(m.sentence.index - mention.sentence.index) == 1
    ]
    if any(_told_apart(mention, m) for m in neighbours):
        return False  # another place, party or kind of act ("Police arrested a suspect"): other news
    if neighbours and all(_retelling(m) for m in neighbours):
        return True
    own = [m for m in event.mentions if m.date is not None and not _retelling(m)]
    return bool(own) and all(m.date.end < start for m in own)


def _join(cluster: _Cluster, mention: EventMention, event: _Cluster) -> None:
    anchor = next(
        m
        for m in event.mentions
        if m.document == mention.document and abs(m.sentence.index - mention.sentence.index) == 1
    )
    reason = join_reason(mention, features(mention), anchor, features(anchor), "retelling")
    mention.join = replace(reason, date=f"{reason.date}; between two of its article's sentences retelling it")
    event.reasons.append(mention.join)
    event.absorb(cluster)

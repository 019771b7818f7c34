"""Two events that several articles tell together are one happening.

Outlets match each other sentence by sentence, so one happening can end up as two events that several
outlets each tell: the blasts and the first toll, a ceremony and a minister's words at it.  The articles
themselves say they belong together: each tells both, a few sentences apart, on the same day.

``join_told_together`` moves an event of a few outlets (``MOVER_SOURCES``) into one of as many or more
outlets when at least ``WITNESSES`` articles (a re-sent copy is no article of its own) each have a sentence
in both, at most ``TOGETHER_SENTENCES`` apart and dated to the same day, with nothing telling the two
sentences apart: no place or acting party differs, neither reacts to the other, they do not name different
concepts of the lexicon (a call, drills), and no other action governs one of them.  When one of the two is a
statement quoting words said, right beside the other, its subject is the speaker, no party acting in the
happening: only the place tells them apart then (a minister's words at a ceremony, quoted beside it by two
outlets; session 7).  (Requiring a shared
name or word besides loses every fusion on the AQUAINT gold: a minister's quote at a ceremony, a toll
beside the blasts share none.)  The events' stated dates must all overlap, and every mention's own date is
checked against the fused event's again (``conflicts.separate_unstated``): nothing is re-dated.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from timeline.merge.accounts import _only_source
from timeline.merge.articles import _same_day
from timeline.merge.clusters import _Cluster, _different_actions
from timeline.merge.conflicts import settle_moves
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import _ALLIED, MentionFeatures, _apart, _lexicon, _places_differ, features
from timeline.merge.scoring import _reacts
from timeline.types import EventMention

TOGETHER_SENTENCES = 3  # how far apart the two sentences may be (gap 2 and 3 alike on the AQUAINT gold)
WITNESSES = 2  # articles telling both: one article alone is its own account, not the outlets' agreement
# sources the smaller event may have: two large events are never fused, and nothing chains (on a
# 30-topic collection, unbounded fusing chained a court day's events into one of 270 mentions)
MOVER_SOURCES = 3

_Pair = tuple[int, int]
_QUOTE = re.compile(r"``|''|\"")  # a quotation mark, as news text writes it


def join_told_together(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after fusing every two events of several outlets that several articles tell together."""
    copies = copies or {}
    witnesses, example = _told_together(clusters, copies)
    size = [len({copies.get(m.document, m.document) for m in c.mentions}) for c in clusters]
    moved: set[int] = set()
    fused: set[int] = set()
    for pair, documents in sorted(witnesses.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(documents) < WITNESSES:
            continue
        into, other = sorted(pair, key=lambda cid: (-size[cid], cid))  # the one of fewer sources moves
        if size[other] > MOVER_SOURCES or other in moved or other in fused or into in moved:
            continue  # no chains: one that moved is no target, one that took another in stays
        if not _dates_agree(clusters[into], clusters[other]):
            continue
        later, earlier = example[pair]
        fuse(clusters, into, other, (later, earlier), "told together by several articles")
        moved.add(other)
        fused.add(into)
    if not fused:
        return clusters
    return settle_moves(clusters, fused, copies)


def fuse(
    clusters: list[_Cluster], into: int, other: int, example: tuple[EventMention, EventMention], why: str
) -> None:
    """Event ``other`` moves into event ``into``, the join's reason read from ``example`` (a mention of the
    mover and one of the target) with ``why`` after its date."""
    mention, anchor = example
    reason = join_reason(mention, features(mention), anchor, features(anchor), date_kind(mention, anchor))
    clusters[into].add_reason(replace(reason, date=f"{reason.date}; {why}"))
    clusters[into].absorb(clusters[other])
    clusters[other] = _Cluster()


def _told_together(
    clusters: list[_Cluster], copies: dict[str, str]
) -> tuple[dict[_Pair, set[str]], dict[_Pair, tuple[EventMention, EventMention]]]:
    """For each two events of several outlets: the articles telling both in near sentences of one day,
    and one such (later, earlier) pair of sentences."""
    home: dict[int, int] = {}
    by_document: dict[str, list[EventMention]] = defaultdict(list)
    for cid, cluster in enumerate(clusters):
        if not cluster.mentions or _only_source(cluster, copies, None) is not None:
            continue  # an event one article alone tells is that article's, not the outlets'
        for mention in cluster.mentions:
            if mention.date is not None:
                by_document[mention.document].append(mention)
                home[id(mention)] = cid
    witnesses: dict[_Pair, set[str]] = defaultdict(set)
    example: dict[_Pair, tuple[EventMention, EventMention]] = {}
    for document, mentions in by_document.items():
        mentions.sort(key=lambda m: m.sentence.index)
        for i, earlier in enumerate(mentions):
            for later in mentions[i + 1 :]:
                if later.sentence.index - earlier.sentence.index > TOGETHER_SENTENCES:
                    break
                a, b = home[id(earlier)], home[id(later)]
                if a == b or later.sentence.index == earlier.sentence.index:
                    continue
                if not (_same_day(earlier, later) and _same_day(later, earlier)):
                    continue
                if _told_apart(earlier, later):
                    continue
                pair = (min(a, b), max(a, b))
                witnesses[pair].add(copies.get(document, document))
                example.setdefault(pair, (later, earlier))
    return witnesses, example


def _told_apart(a: EventMention, b: EventMention) -> bool:
    """Two happenings however near: places or parties differ, one reacts to the other, two lexicon
    actions, or another action governs one of them (``features._apart``)."""
    fa, fb = features(a), features(b)
    # words quoted right beside the happening: the speaker is no party acting in it, so only the place tells
    # them apart (read on Entities, unquoted or farther statements fused other news as often as not)
    said = _quoted_beside(a, fa, b, fb)
    apart = (fa.governor != fb.governor or _places_differ(fa, fb)) if said else _apart(fa, fb)
    if apart or _reacts(fa, fb) or _reacts(fb, fa) or _different_actions(fa, fb):
        return True
    # "a call ..." then "Novak said the drills ...": each names a lexicon concept, none shared or allied
    ca, cb = _lexicon(fa.concepts), _lexicon(fb.concepts)
    return bool(ca and cb) and not ca & cb and not any(c in _ALLIED.get(x, ()) for x in ca for c in cb)


def _quoted_beside(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> bool:
    """One of two neighbouring sentences quotes words said: "``We are home,'' the minister said."."""
    if abs(a.sentence.index - b.sentence.index) != 1:
        return False
    return any(f.kind == "statement" and _QUOTE.search(m.sentence.text) for m, f in ((a, fa), (b, fb)))


def _dates_agree(a: _Cluster, b: _Cluster) -> bool:
    """Every date the two events' members state overlaps every other: one day told twice, not two."""
    return all(x.overlaps(y) for x in a.stated for y in b.stated)

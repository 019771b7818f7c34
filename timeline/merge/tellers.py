"""A teller's account beside an article's retelling: the sentences of one teller around it join it.

A paper tells an earlier happening again through a witness's or a lawyer's words, over several sentences:
"Kell said the stone struck the side window and came out through the roof.  The driver and one passenger
were in the car when it happened, Kell said.  The stone rolled into the ditch, Kell said.  The driver
tried to stop."  The merge compares a statement only with statements of its speaker, and the details in
other words share no action with other outlets' reports, so only one of these sentences (here the second,
``retold``: a past report in the happening's words) reaches the happening's event; the rest stay in
events of their own article alone, one entry each.

``join_told_accounts`` (after ``retold``, ``between`` and ``continued``): a lone sentence (all of its
mentions in one event, told by its article alone) joins the event of its article's previous or next
sentence, the *anchor*, when

- the anchor is a report its article attributes to a teller after it ("..., Kell said", "..., said Kell")
  that joined an event of ``TOLD_SOURCES`` or more outlets as a ``retelling`` of an earlier happening;
- the sentence is told by the same teller: a statement whose speaker is that person (the events stage
  lends a sentence carrying on a quote its speaker), or a report with the same teller after it;
- it is a past account: dated only by its paper (a past clause) or the narrative, no modal, no future, no
  present-tense verb ("is", "has", "says"), a verb in the past;
- no place tells the two apart, and the anchor's day is not after the sentence's.

It joins as a ``retelling`` when its day is after the event's (its own date kept, nothing re-dated);
sentences beside one that just joined may follow it (``TOLD_PASSES``).  A teller's two statements are the
statement rules' business, not this step's: over the Entities topics, joining a statement to its
speaker's neighbouring statement in a retelling's event was mostly wrong (``docs/accuracy.md``, "Merge,
session 11 (stmt54)").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster, sentence_homes, sources_of
from timeline.merge.conflicts import _retelling, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import RETELL_FAR, _places_differ, features
from timeline.merge.retold import _may_retell
from timeline.merge.similar import _event_date
from timeline.names import frozen_actor_keys, frozen_keys_match
from timeline.text import FUTURE_CUES, MODALS, is_past_form, lower_words
from timeline.types import EventMention

TOLD_SOURCES = 2  # outlets the anchor's event needs
TOLD_PASSES = 3  # a sentence beside one that just joined may follow it (the AQUAINT gold's account needed 2)
_TOLD = "its article's account in its teller's words, beside its retelling"

# a report with its teller after it: "..., Kell said." / "..., said Minister Rahn."
_NAME = r"[A-Z][\w.'-]*"
_TRAILING_TELLER = re.compile(
    rf",(?:''|\")?\s+(?:(?P<before>(?:{_NAME}\s+){{0,3}}{_NAME})\s+(?:said|says|told)\b"
    rf"|said\s+(?P<after>{_NAME}(?:\s+{_NAME}){{0,3}}))"
)
# a present-tense verb: the sentence tells how things are or what is done now, not a past account
_PRESENT = frozenset({"is", "are", "am", "has", "have", "does", "do", "says", "say"})

Sentence = tuple[str, int]  # (document, sentence index)
Anchor = tuple[int, EventMention]  # (its event, the anchor mention)


def join_told_accounts(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each lone sentence of a teller's past account has joined the event its
    article's neighbouring sentence, told by the same teller, joined as a retelling."""
    copies = copies or {}
    documents: set[str] | None = None  # where a sentence moved: only there can another follow it
    for _ in range(TOLD_PASSES):
        clusters, documents = _join_once(clusters, copies, documents)
        if not documents:
            break
    return clusters


def _join_once(
    clusters: list[_Cluster], copies: dict[str, str], documents: set[str] | None
) -> tuple[list[_Cluster], set[str]]:
    """One pass (over the lone events of ``documents`` only, when given); the articles where a sentence
    moved."""
    sources = sources_of(clusters, copies)
    home = sentence_homes(clusters)
    anchors: dict[Sentence, list[Anchor]] = defaultdict(
        list
    )  # retold by a teller, in several outlets' events
    for cid, cluster in enumerate(clusters):
        several = len(sources[cid]) >= TOLD_SOURCES
        for mention in cluster.mentions:
            if several and _retold_by_teller(mention):
                anchors[(mention.document, mention.sentence.index)].append((cid, mention))
    moved: dict[int, list[EventMention]] = defaultdict(list)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if len(sources[cid]) != 1 or (
            documents is not None and cluster.mentions[0].document not in documents
        ):
            continue
        for (document, index), mentions in _by_sentence(cluster).items():
            beside = [*anchors.get((document, index - 1), ()), *anchors.get((document, index + 1), ())]
            if not beside or home.get((document, index)) != (cid,):
                continue  # (a sentence with mentions in other events too is not lone)
            found = _anchor(mentions, beside) if all(_told_account(m) for m in mentions) else None
            if found is None:
                continue
            into, anchor = found
            _join(mentions, clusters[into], anchor)
            moved[cid].extend(mentions)
            received.add(into)
    if not moved:
        return clusters, set()
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies), {m.document for ms in moved.values() for m in ms}


def _by_sentence(cluster: _Cluster) -> dict[Sentence, list[EventMention]]:
    found: dict[Sentence, list[EventMention]] = defaultdict(list)
    for mention in cluster.mentions:
        found[(mention.document, mention.sentence.index)].append(mention)
    return found


def _told_account(mention: EventMention) -> bool:
    """A past account in someone's words, dated only by its paper (a past clause) or the narrative: a
    statement, or a report with its teller after it; no modal, no future, no present-tense verb."""
    if not _may_retell(mention):
        return False  # (a lead or a present report is its paper's own news)
    text = mention.sentence.text
    if features(mention).kind != "statement" and not _TRAILING_TELLER.search(text):
        return False
    words = lower_words(text)
    if any(w in MODALS or w in _PRESENT for w in words) or FUTURE_CUES.search(text):
        return False
    return any(is_past_form(w) for w in words)


def _anchor(mentions: list[EventMention], beside: list[Anchor]) -> Anchor | None:
    """The neighbouring sentence's anchor (the previous sentence first) told by the same teller, its day
    not after the sentence's, no place telling them apart."""
    mention = mentions[0]
    start, end = bounds(mention)
    f = features(mention)
    for cid, other in beside:
        assert other.date is not None
        if bounds(other)[0] > end or start - other.date.end > RETELL_FAR:
            continue
        if _same_teller(mention, other) and not _places_differ(f, features(other)):
            return cid, other
    return None


def _retold_by_teller(anchor: EventMention) -> bool:
    """A report its article attributes to a teller after it ("..., Kell said") that joined its event as a
    retelling of an earlier happening."""
    if anchor.date is None or not _retelling(anchor) or features(anchor).kind != "occurrence":
        return False
    return _TRAILING_TELLER.search(anchor.sentence.text) is not None


def _teller(mention: EventMention) -> frozenset[str] | None:
    """Whose words the sentence tells (name keys): a statement's speaker, or the name after its report."""
    f = features(mention)
    if f.kind == "statement" and f.speaker:
        return f.speaker
    found = _TRAILING_TELLER.search(mention.sentence.text)
    if found is None:
        return None
    return frozen_actor_keys(found.group("before") or found.group("after")) or None


def _same_teller(mention: EventMention, other: EventMention) -> bool:
    one, two = _teller(mention), _teller(other)
    return one is not None and two is not None and frozen_keys_match(one, two)


def _join(mentions: list[EventMention], into: _Cluster, anchor: EventMention) -> None:
    """Move the sentence's mentions into ``into``: a retelling when their day is after the event's."""
    when = _event_date(into) or anchor.date
    assert when is not None
    of = features(anchor)
    for mention in mentions:
        f = features(mention)
        start, end = bounds(mention)
        kind = date_kind(mention, anchor) if start <= when.end and when.start <= end else "retelling"
        reason = join_reason(mention, f, anchor, of, kind)
        mention.join = replace(reason, date=f"{reason.date}; {_TOLD}")
        into.add_reason(mention.join)
        into.add(mention, f)

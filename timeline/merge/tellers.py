"""A teller's account beside an article's retelling: the sentences it says around one that joined.

A paper tells a happening again through a witness's or a lawyer's words ("The lawyer said the bullet
entered through the kitchen window.  The wife and a son were in the kitchen when the shooting occurred,
the lawyer said.").  The merge compares a statement only with statements of its speaker, so the first
sentence stays in its article's own event though the second joined the happening's event (``retold``).

``join_told_accounts`` (after ``retold`` and ``between``): a lone sentence (its event its article's alone)
telling a past account in someone's words (a statement, or a report with its teller after it: ``...,
Kell said``), dated only by its paper or the narrative, with no modal and no future, joins the event of its
article's previous or next sentence when other outlets tell that event, the event's date is not after the
sentence's day, and the two sentences share a named party, a speaker or a specific word with no place
telling them apart.  It joins as a ``retelling`` when its day is after the event's (its own date kept).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from timeline.merge.articles import _evidence, _without
from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import RETELL_FAR, _places_differ, features
from timeline.merge.scoring import _RETOLD_RULES, UNSTATED
from timeline.merge.similar import _event_date
from timeline.names import frozen_actor_keys, frozen_keys_match
from timeline.text import FUTURE_CUES, MODALS, is_past_form, lower_words
from timeline.types import EventMention

TOLD_PASSES = 3  # a sentence beside one that just moved may follow it
TOLD_SOURCES = 2  # outlets the neighbour's event needs
_TOLD = "its article's account in a teller's words beside it"

# a report with its teller after it: "..., Kell said." / "..., said Kell."
_TRAILING_TELLER = re.compile(
    r",(?:''|\")?\s+(?:(?P<before>(?:[A-Z][\w.'-]*\s+){0,3}[A-Z][\w.'-]*)\s+(?:said|says|told)\b"
    r"|said\s+(?P<after>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}))"
)

Sentence = tuple[str, int]
# a present-tense verb: the clause tells how things are or what is done now, not a past account
_PRESENT = frozenset({"is", "are", "am", "has", "have", "does", "do", "says", "say", "'s"})


def join_told_accounts(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, subject: frozenset[str] = frozenset()
) -> list[_Cluster]:
    """The clusters after each lone sentence of a teller's past account has joined the event of its
    article's neighbouring sentence that several outlets tell."""
    copies = copies or {}
    for _ in range(TOLD_PASSES):
        clusters, moved = _join_once(clusters, copies, subject)
        if not moved:
            break
    return clusters


def _join_once(
    clusters: list[_Cluster], copies: dict[str, str], subject: frozenset[str]
) -> tuple[list[_Cluster], bool]:
    sources = [{copies.get(m.document, m.document) for m in c.mentions} for c in clusters]
    home: dict[Sentence, set[int]] = defaultdict(set)
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            home[(mention.document, mention.sentence.index)].add(cid)
    moved: dict[int, list[EventMention]] = defaultdict(list)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if len(sources[cid]) != 1:
            continue
        by_sentence: dict[Sentence, list[EventMention]] = defaultdict(list)
        for mention in cluster.mentions:
            by_sentence[(mention.document, mention.sentence.index)].append(mention)
        for place, mentions in by_sentence.items():
            if home[place] != {cid} or not all(_told_account(m) for m in mentions):
                continue
            found = _anchor(mentions[0], place, clusters, home, sources, subject)
            if found is None:
                continue
            into, anchor = found
            _join(mentions, clusters[into], anchor)
            _log(mentions[0], anchor)
            moved[cid].extend(mentions)
            received.add(into)
    if not moved:
        return clusters, False
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies), True


def _told_account(mention: EventMention) -> bool:
    """A past account in someone's words, dated only by its paper (a past or perfect clause) or the
    narrative: a statement or a report with its teller after it; no modal, no future."""
    if mention.date is None or mention.date_source not in UNSTATED:
        return False
    if mention.date_source == "publication-implicit" and mention.date_rule.partition(".")[2] not in _RETOLD_RULES:
        return False
    text = mention.sentence.text
    if features(mention).kind != "statement" and not _TRAILING_TELLER.search(text):
        return False
    words = lower_words(text)
    if any(w in MODALS or w in _PRESENT for w in words) or FUTURE_CUES.search(text):
        return False
    return any(is_past_form(w) for w in words)


def _anchor(
    mention: EventMention,
    place: Sentence,
    clusters: list[_Cluster],
    home: dict[Sentence, set[int]],
    sources: list[set[str]],
    subject: frozenset[str],
) -> tuple[int, EventMention] | None:
    """The event of a neighbouring sentence several outlets tell, and that sentence's mention there."""
    start, end = bounds(mention)
    f = features(mention)
    for step in (-1, 1):
        neighbour = (place[0], place[1] + step)
        for cid in sorted(home.get(neighbour, ())):
            if len(sources[cid]) < TOLD_SOURCES:
                continue
            for other in clusters[cid].mentions:
                if (other.document, other.sentence.index) != neighbour or other.date is None:
                    continue
                if bounds(other)[0] > end or start - other.date.end > RETELL_FAR:
                    continue
                of = features(other)
                if _retold_by_teller(other) and not _places_differ(f, of) and _same_teller(mention, other):
                    return cid, other
    return None


def _join(mentions: list[EventMention], into: _Cluster, anchor: EventMention) -> None:
    of = features(anchor)
    for mention in mentions:
        f = features(mention)
        start, end = bounds(mention)
        when = _event_date(into) or anchor.date
        assert when is not None
        same = start <= when.end and when.start <= end
        kind = date_kind(mention, anchor) if same else "retelling"
        reason = join_reason(mention, f, anchor, of, kind)
        mention.join = replace(reason, date=f"{reason.date}; {_TOLD}")
        into.reasons.append(mention.join)
        into.add(mention, f)


def _teller(mention: EventMention) -> frozenset[str] | None:
    """Whose words the sentence tells: a statement's speaker, or the name after its report
    ("..., Kell said", "..., said Minister Rahn")."""
    f = features(mention)
    if f.kind == "statement" and f.speaker:
        return f.speaker
    found = _TRAILING_TELLER.search(mention.sentence.text)
    if found is None:
        return None
    keys = frozen_actor_keys(found.group("before") or found.group("after"))
    return keys or None


def _retold_by_teller(anchor: EventMention) -> bool:
    """The neighbour is a report its article attributes to a teller after it ("..., Kell said") that
    joined its event as a retelling of an earlier happening."""
    if anchor.join is None or anchor.join.kind != "retelling" or features(anchor).kind != "occurrence":
        return False
    return _TRAILING_TELLER.search(anchor.sentence.text) is not None


def _same_teller(mention: EventMention, other: EventMention) -> bool:
    one, two = _teller(mention), _teller(other)
    return one is not None and two is not None and frozen_keys_match(one, two)


def _log(mention: EventMention, anchor: EventMention) -> None:  # TEMP
    import os
    import sys

    if os.environ.get("TOLD_LOG"):
        print(
            f"TOLD\t{mention.document}:{mention.sentence.start}\t{anchor.document}:{anchor.sentence.start}\t"
            f"{mention.sentence.text[:200]}\t{anchor.sentence.text[:200]}\t{mention.join.kind}"
            f"\t{anchor.join.kind if anchor.join else None}\t{features(mention).kind}/{features(anchor).kind}"
            f"\t{sorted(_teller(mention) or ())}/{sorted(_teller(anchor) or ())}",
            file=sys.stderr,
        )

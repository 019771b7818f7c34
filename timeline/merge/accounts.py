"""One article's account of one happening: its lone sentences of that day join the article's report of it.

An article tells a happening over many sentences: the lead, what was said, who did what next, a detail.
Other outlets tell it in other words, so after matching reports one by one only some of the article's
sentences (the lead, a quote another paper printed) are in the happening's event with other sources; the
rest stay in events of their own article alone, and a reader sees one visit or one ceremony as ten entries.

``join_accounts`` moves each such lone event (told by one article only) into the event of the next or
previous sentence of the same article that other outlets report too (an *anchor*), when the anchor's day
allows every moved mention's own date, no place or acting party tells the two apart, and the sentence
continues the anchor's account:

- it shares a named actor, a specific word or an event concept with the anchor; or
- it follows the anchor without naming anyone new: its subject is a pronoun ("She then lavished praise",
  "Then he left"), a pronoun speaks its quote ("..., she told the staffers") or it opens with a quote.

Moves chain: a sentence continuing one that just moved follows it (``ACCOUNT_PASSES``).  Nothing is
re-dated: every moved mention's own date is checked against its new event's again
(``conflicts.separate_unstated``), and the join reason says it was the article's account of that day.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from timeline.merge.articles import _evidence, _same_day
from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import separate_unstated
from timeline.merge.dates import bounds
from timeline.merge.evidence import join_reason
from timeline.merge.features import RETELL_FAR, _places_differ, _subjects_clash, features
from timeline.merge.scoring import may_retell
from timeline.types import EventMention

ACCOUNT_SENTENCES = 1  # how far the anchor may be: two sentences away is another happening too often
ACCOUNT_PASSES = 2  # a third pass moved one sentence more on the AQUAINT gold

# a sentence carrying on the previous one's subject: "She then ...", "Then he ...", "Later, they ..."
_CONTINUING_SUBJECT = re.compile(
    r"^\W*(?:(?:then|later|also|and|but|so|meanwhile|afterwards?|there|here)\b,?\s*)?"
    r"(?:she|he|they|it|we|i)\b",
    re.IGNORECASE,
)
# a quote spoken by a pronoun: "``...,'' she told the staffers", "..., he added"
_PRONOUN_SPEAKER = re.compile(r"(?:''|\"|,)\s*(?:she|he|they)\s+[a-z]+", re.IGNORECASE)
_QUOTE_START = re.compile(r"^\s*(?:``|\"|')")


def join_accounts(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each lone article event joins its article's account of that day."""
    for _ in range(ACCOUNT_PASSES):
        clusters, moved = _join_once(clusters, copies or {})
        if not moved:
            break
    return clusters


def _join_once(clusters: list[_Cluster], copies: dict[str, str]) -> tuple[list[_Cluster], bool]:
    sources = [{copies.get(m.document, m.document) for m in c.mentions} for c in clusters]
    home = {id(m): cid for cid, c in enumerate(clusters) for m in c.mentions}
    by_sentence: dict[tuple[str, int], list[EventMention]] = defaultdict(list)
    for cid, cluster in enumerate(clusters):
        if len(sources[cid]) < 2:
            continue  # only an event other outlets tell is an anchor
        for mention in cluster.mentions:
            if mention.date is not None:
                by_sentence[(mention.document, mention.sentence.index)].append(mention)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if len(sources[cid]) != 1 or not cluster.mentions:
            continue
        found = _anchor(cluster, by_sentence, home)
        if found is None:
            continue
        into, mention, anchor, kind = found
        reason = join_reason(mention, features(mention), anchor, features(anchor), kind)
        mention.join = replace(reason, date=f"{reason.date}; the same article's account of that day")
        clusters[into].reasons.append(mention.join)
        clusters[into].absorb(cluster)
        clusters[cid] = _Cluster()
        received.add(into)
    if not received:
        return clusters, False
    # a moved mention whose own date its new event's date does not allow leaves again (no re-dating)
    settled = [
        part
        for cid, c in enumerate(clusters)
        for part in (separate_unstated(c, copies) if cid in received else [c])
    ]
    return [c for c in settled if c.mentions], True


def _anchor(
    cluster: _Cluster, by_sentence: dict[tuple[str, int], list[EventMention]], home: dict[int, int]
) -> tuple[int, EventMention, EventMention, str] | None:
    """(cluster, mention, anchor, join kind): the nearest anchor sentence one of the lone cluster's mentions
    continues, the previous sentence first."""
    for distance in range(1, ACCOUNT_SENTENCES + 1):
        for step in (-distance, distance):
            for mention in cluster.mentions:
                if mention.date is None:
                    continue
                for other in by_sentence.get((mention.document, mention.sentence.index + step), ()):
                    kind = _join_kind(cluster, mention, other, step)
                    if kind:
                        return home[id(other)], mention, other, kind
    return None


def _join_kind(cluster: _Cluster, mention: EventMention, anchor: EventMention, step: int) -> str:
    """How the lone cluster's mention joins the anchor's account ("" when it does not)."""
    if _same_day(mention, anchor):
        if not _continues(mention, anchor, step):
            return ""
        if all(m.date is None or _same_day(m, anchor) for m in cluster.mentions):
            return "same-date" if mention.date == anchor.date else "compatible-date"
    if len(cluster.mentions) == 1 and _retells(mention, anchor):
        return "retelling" if _continues(mention, anchor, step, same_day=False) else ""
    return ""


def _retells(mention: EventMention, anchor: EventMention) -> bool:
    """An unstated past report right beside the article's sentence about an earlier happening: the
    article retells it ("On Aug. 2 the bomb went off.  It killed 40 people." in a paper weeks later)."""
    if mention.date is None or anchor.date is None:
        return False
    if not may_retell(mention, features(mention)):
        return False
    start, _ = bounds(mention)
    return anchor.date.end < start and (start - anchor.date.end).days <= RETELL_FAR.days


def _continues(mention: EventMention, anchor: EventMention, step: int, same_day: bool = True) -> bool:
    """The mention's sentence carries on the anchor's account (of the same day)."""
    if same_day and not _same_day(mention, anchor):
        return False
    f, of = features(mention), features(anchor)
    text = mention.sentence.text
    # a pronoun is the subject of "Then she handed ...": a capitalised opener read as a name is none
    if _places_differ(f, of) or (_subjects_clash(f, of) and not _CONTINUING_SUBJECT.match(text)):
        return False
    return _evidence(f, of) >= 1 or (step < 0 and _continuing(text))


def _continuing(text: str) -> bool:
    """A sentence that names no new subject: a pronoun's action or quote, or a quote opening it."""
    return bool(_CONTINUING_SUBJECT.match(text) or _PRONOUN_SPEAKER.search(text) or _QUOTE_START.match(text))

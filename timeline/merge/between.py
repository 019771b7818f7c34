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

import re
from dataclasses import replace

from timeline.merge.articles import _evidence, _same_day
from timeline.merge.clusters import Homes, Place, _Cluster, sentence_homes
from timeline.merge.conflicts import _retelling, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import features
from timeline.merge.scoring import may_retell
from timeline.merge.together import _told_apart
from timeline.types import EventMention

BETWEEN_SOURCES = 2  # outlets the neighbours' event needs: one article's own account is ``accounts``'
# how far after a same-day sentence its article's next sentence in the event may be: an aside between them
# (a date in the past, a figure) is still the account (1 and 2 joined nothing on the AQUAINT gold; 3-6 alike)
SAME_DAY_AFTER = 3
SAME_DAY_EVIDENCE = 0


def join_between(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each lone sentence between two of its article's retellings of one happening
    has joined that happening's event as a retelling."""
    copies = copies or {}
    home = sentence_homes(clusters)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        mention = _lone_sentence(cluster, copies)
        if mention is None:
            continue
        place = (mention.document, mention.sentence.index)
        if home.get(place) != (cid,):
            continue  # another of the sentence's mentions is elsewhere: not a lone sentence
        around = set(home.get((place[0], place[1] - 1), ())).intersection(
            home.get((place[0], place[1] + 1), ())
        )
        into = next((i for i in sorted(around) if _retold_there(mention, clusters[i], copies)), None)
        if into is None:
            continue
        _join(cluster, mention, clusters[into])
        clusters[cid] = _Cluster()
        home[place] = (into,)
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
    event.add_reason(mention.join)
    event.absorb(cluster)


def join_between_same_day(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each lone sentence of the happening's own day, right after one of its article's
    sentences in an event several outlets tell and a few before another one there, has joined that event."""
    copies = copies or {}
    # where each sentence was before this step: a sentence moved here is no neighbour for the next one (its
    # next sentence, a history aside lent the day's date, would follow it in)
    texts: dict[Place, str] = {}
    home = sentence_homes(clusters, texts)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if len(cluster.mentions) != 1 or cluster.mentions[0].date is None:
            continue
        mention = cluster.mentions[0]
        document, index = mention.document, mention.sentence.index
        if home.get((document, index)) != (cid,):
            continue  # another of the sentence's mentions is elsewhere: not a lone sentence
        # (the event around first: most lone sentences have none, and reading the passage's words costs more)
        into = _event_around(mention, clusters, home, copies)
        if into is None or _aside(mention, texts):
            continue
        _join_same_day(mention, clusters[into])
        clusters[into].absorb(cluster)
        clusters[cid] = _Cluster()
        received.add(into)
    if not received:
        return clusters
    return settle_moves(clusters, received, copies)


def _event_around(
    mention: EventMention,
    clusters: list[_Cluster],
    home: Homes,
    copies: dict[str, str],
) -> int | None:
    """The event holding the mention's article's previous sentence and one of its next
    ``SAME_DAY_AFTER`` sentences, told by several outlets, on the mention's own day, nothing telling the
    mention apart from those two sentences."""
    document, index = mention.document, mention.sentence.index
    before = set(home.get((document, index - 1), ()))
    for gap in range(1, SAME_DAY_AFTER + 1):
        for cid in sorted(before.intersection(home.get((document, index + gap), ()))):
            event = clusters[cid]
            if len({copies.get(m.document, m.document) for m in event.mentions}) < BETWEEN_SOURCES:
                continue
            sides = [
                m
                for m in event.mentions
                if m.document == document and m.sentence.index in (index - 1, index + gap)
            ]
            if all(_same_day(mention, side) and not _told_apart(mention, side) for side in sides) and (
                _told_elsewhere(mention, event)
            ):
                return cid
    return None


# word classes of a sentence that is not the day's news: a modal of opinion or possibility, the writer or
# reader in person (a memory, commentary), an earlier time named (a year, a decade, "once", "used to")
_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "ought"})
_PERSONS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
_EARLIER = frozenset({"once", "former", "formerly"})
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_DECADE = re.compile(
    r"^(1[5-9]\d0|20\d0)'?s$|^'?\d0s$|^(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$"
)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _aside(mention: EventMention, texts: dict[Place, str]) -> bool:
    """The paper-dated sentence reads as an aside, not the day's next detail: a modal, the writer or
    reader in person, its action in the pluperfect ("he'd stopped"), or an earlier time named in it or in
    the article's sentence before or after it (a passage of history: "until 1980 ... A group of soldiers
    ...")."""
    words = _words(mention.sentence.text)
    if _MODALS.intersection(words) or _PERSONS.intersection(words):
        return True
    trigger = mention.trigger.lower()
    if any(
        words[i] == trigger and (words[i - 1] in ("had", "d") or words[i - 1].endswith("'d"))
        for i in range(1, len(words))
    ):
        return True
    year = mention.date.start.year if mention.date else 0
    document, index = mention.document, mention.sentence.index
    passage = [
        mention.sentence.text,
        texts.get((document, index - 1), ""),
        texts.get((document, index + 1), ""),
    ]
    return any(_earlier_named(_words(text), year) for text in passage)


def _earlier_named(words: list[str], year: int) -> bool:
    """The words name a time before ``year``: an earlier year, a decade, "once", "used to", "the late"."""
    if _EARLIER.intersection(words) or any(_DECADE.match(word) for word in words):
        return True
    if any(_YEAR.match(word) and int(word) < year for word in words):
        return True
    text = " ".join(words)
    return "used to" in text or "the late" in text


def _told_elsewhere(mention: EventMention, event: _Cluster) -> bool:
    """Another article's sentence in the event shares ``SAME_DAY_EVIDENCE`` named actors, specific words or
    event concepts with the mention: the other outlets tell what it tells, not only its article."""
    f = features(mention)
    return any(
        _evidence(f, features(other)) >= SAME_DAY_EVIDENCE
        for other in event.mentions
        if other.document != mention.document
    )


def _join_same_day(mention: EventMention, event: _Cluster) -> None:
    anchor = next(
        m
        for m in event.mentions
        if m.document == mention.document and m.sentence.index == mention.sentence.index - 1
    )
    reason = join_reason(mention, features(mention), anchor, features(anchor), date_kind(mention, anchor))
    mention.join = replace(
        reason, date=f"{reason.date}; between two of its article's sentences telling it that day"
    )
    event.add_reason(mention.join)

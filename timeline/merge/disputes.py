"""Sources disagreeing on the day: one happening two outlets date a few days apart is one event, flagged.

Outlets date one happening differently ("on May 15" in one paper, "Friday", the 16th, in another; a
journey's "on Thursday" and a later paper's "June 3").  The merge's sentence rules call two dates that do
not overlap a conflict only on the same action and a shared person, and two outlets' reports of one
happening often share neither: one paper's dated sentence is a detail ("New notices put out on
May 15 advise only caution") of the report just before it ("The ministry has set aside its
advice"); the other's date leads a sentence whose later clause tells the happening.  So, once the events
are formed, an event one article alone tells, every date its sentences state on one day, joins an event
of other articles stating another day when

- the days are at most ``DISPUTE_DAYS`` apart and one of its sentences shares ``DISPUTE_TERMS`` specific
  words (stems, each sentence's own action among them) with one of the event's sentences and a named
  party or mostly the same words (``SAME_WORDING``), or the sentence before it in its paragraph does
  when that one states no date (the report the dated detail belongs to), or
- the days are at most ``JOURNEY_DAYS`` apart and both tell one person's journey (a journey verb as the
  sentence's own action, the same named subject, and another name in common: where to),

and no place or acting party tells the two sentences apart.  It joins as a ``conflict``: both dates stay,
each with its sources, and the event is flagged in every output (``conflicts.separate_unstated`` keeps a
stated date a conflict join brought in).  The sentence before moves with it when an event of its own
article alone holds it: a retelling when its date is later (a paper weeks after), never re-dated.
Measured on the AQUAINT merge gold (``docs/accuracy.md``, "Merge, session 7b") and on the joins judged
by reading (``benchmarks/score_disputes.py``, "Merge, session 7c").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from timeline.merge.articles import _without
from timeline.merge.clusters import Sources, _Cluster, sources_of
from timeline.merge.conflicts import _retelling, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import (
    _DAY,
    RECURRING,
    MentionFeatures,
    _content,
    _places_differ,
    _shared_actors,
    _subjects_clash,
    _takes_part,
    features,
)
from timeline.merge.scoring import UNSTATED
from timeline.merge.similar import _event_date
from timeline.names import frozen_keys_match
from timeline.types import DateValue, EventMention

DISPUTE_DAYS = 2  # how far apart two outlets' days of one happening told in the same words may be
DISPUTE_TERMS = 3  # specific words (stems, actions among them) the two sentences must share
JOURNEY_DAYS = 4  # how far apart the days of one person's journey to one place may be (a plan, an arrival)
# a journey's own verbs (stems, as ``MentionFeatures.action``): one outlet tells the plan or the
# departure, another the arrival
JOURNEY_ACTIONS = frozenset({"travel", "fly", "arriv"})
JOURNEY_NAMES = 2  # named actors the two journeys share: who, and where to
# the share of the two sentences' specific words they have in common that tells one wording retold (a
# wire sentence a paper reprints a day later, its "yesterday" then another day) without a party in common
SAME_WORDING = 0.5

_Key = tuple[str, int]  # a sentence: (document, start)


def join_disputed(
    clusters: list[_Cluster],
    published: dict[str, date],
    copies: dict[str, str] | None = None,
    subject: frozenset[str] = frozenset(),
) -> list[_Cluster]:
    """The clusters after each lone article's event that other articles tell on a day or a few days away
    has joined their event as a conflict; ``published``: each article's latest publication day (when
    known), ``subject``: the collection's own words (``features.collection_subject``), no evidence that
    two sentences tell one happening."""
    copies = copies or {}
    sources = sources_of(clusters, copies)
    index = _DayIndex(clusters, subject)
    movers = [cid for cid in index.dates if len(sources[cid]) == 1]
    if not movers:
        return clusters
    before = _previous_sentences(clusters)
    # each sentence before another's event, by mention: its event (memory, issue #9: only those ``before``
    # holds, the only ones carried along, not every mention of the collection)
    leading = {id(m) for mentions in before.values() for m in mentions}
    home = {id(m): cid for cid, c in enumerate(clusters) for m in c.mentions if id(m) in leading}
    del leading
    moved: dict[int, list[EventMention]] = defaultdict(list)
    gone: set[int] = set()  # the ids of the mentions that moved
    received: set[int] = set()
    for cid in movers:
        if cid in received or cid in moved:
            continue  # no chains: an event that took one in stays, one that moved is gone
        found = _best_target(cid, clusters, sources, index, (before, published), moved)
        if found is None:
            continue
        into, member, lead_in = found
        carried = [
            m
            for m in lead_in
            if len(sources[home[id(m)]]) == 1 and home[id(m)] not in received and id(m) not in gone
        ]
        _join(clusters[cid].mentions, carried, clusters[into], member, index.dates[into])
        moved[cid].extend(clusters[cid].mentions)
        for mention in carried:
            moved[home[id(mention)]].append(mention)
        gone.update(id(m) for m in clusters[cid].mentions + carried)
        received.add(into)
    if not moved:
        return clusters
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies)


class _DayIndex:
    """The events whose stated dates all fall on one day: that date, and per day the events using each
    specific word (the collection's own words left out) and those telling a journey."""

    def __init__(self, clusters: list[_Cluster], subject: frozenset[str]) -> None:
        self.dates: dict[int, DateValue] = {}
        self.words: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.journeys: dict[int, list[int]] = defaultdict(list)
        self.subject = subject
        for cid, cluster in enumerate(clusters):
            when = _stated_day(cluster)
            if when is None:
                continue
            self.dates[cid] = when
            day = when.start.toordinal()
            words: set[str] = set()
            for mention in cluster.mentions:
                if not _retelling(mention):
                    words |= _content(features(mention))
            for word in words - subject:
                self.words[day][word].append(cid)
            if any(_journey(m) for m in cluster.mentions):
                self.journeys[day].append(cid)

    def near(self, cid: int, words: set[str], journey: bool) -> list[tuple[int, int]]:
        """(event, days apart) of the events stating a day near the event's: within ``DISPUTE_DAYS``
        sharing ``DISPUTE_TERMS`` of ``words``, within ``JOURNEY_DAYS`` telling a journey when it does."""
        day = self.dates[cid].start.toordinal()
        found: dict[int, int] = {}
        for gap in range(1, max(DISPUTE_DAYS, JOURNEY_DAYS) + 1):
            for other in (day - gap, day + gap):
                if gap <= DISPUTE_DAYS and other in self.words:
                    postings = self.words[other]
                    counts = Counter(t for w in words if w in postings for t in postings[w])
                    found.update((t, gap) for t, n in counts.items() if n >= DISPUTE_TERMS and t not in found)
                if journey:
                    found.update((t, gap) for t in self.journeys.get(other, ()) if t not in found)
        return sorted(found.items(), key=lambda item: (item[1], item[0]))


def _written_after(document: str, when: DateValue, published: dict[str, date]) -> bool:
    """The article was written on or after the day (or its day is unknown): it could know what happened
    then.  A paper of Monday saying "on Monday" and one of Tuesday saying "on Tuesday" tell two days of
    a story (markets falling each day), not a disagreement."""
    latest = published.get(document)
    return latest is None or latest >= when.start


def _stated_day(cluster: _Cluster) -> DateValue | None:
    """The event's date when every date its members state falls on one day (None: none, or several)."""
    if not cluster.stated or not all(when.granularity in _DAY for when in cluster.stated):
        return None
    if len({when.start for when in cluster.stated}) != 1:
        return None
    return _event_date(cluster) or cluster.stated[0]


def _journey(mention: EventMention) -> bool:
    """The sentence's own action is a journey verb and it names who made it."""
    f = features(mention)
    return f.kind == "occurrence" and f.action in JOURNEY_ACTIONS and bool(f.subjects)


def _previous_sentences(clusters: list[_Cluster]) -> dict[_Key, list[EventMention]]:
    """Per sentence: the mentions of the sentence before it in its article, when that one states no date
    (its date is its paper's day or the narrative's) and is in the same paragraph: a dated detail of a
    report follows it there, while a new paragraph is often another item (a digest's next entry)."""
    by_index: dict[tuple[str, int], list[EventMention]] = defaultdict(list)
    for cluster in clusters:
        for mention in cluster.mentions:
            by_index[(mention.document, mention.sentence.index)].append(mention)
    before: dict[_Key, list[EventMention]] = {}
    for (document, index), mentions in by_index.items():
        previous = by_index.get((document, index - 1))
        paragraph = mentions[0].sentence.paragraph
        if (
            previous
            and previous[0].sentence.paragraph == paragraph
            and all(m.date is not None and m.date_source in UNSTATED for m in previous)
        ):
            before[(document, mentions[0].sentence.start)] = previous
    return before


def _best_target(
    cid: int,
    clusters: list[_Cluster],
    sources: list[Sources],
    index: _DayIndex,
    context: tuple[dict[_Key, list[EventMention]], dict[str, date]],
    moved: dict[int, list[EventMention]],
) -> tuple[int, EventMention, list[EventMention]] | None:
    """The nearest event of other articles (then the most words shared) one of the lone event's sentences
    tells in the same words or as the same journey: the event, its matching member, and the sentence
    before to carry along (``_match``)."""
    (document,) = sources[cid]
    before, published = context
    day = index.dates[cid]
    units = _units(clusters[cid], before)
    words = set().union(*(unit_words for _, _, unit_words in units)) - index.subject
    journey = any(_journey(m) for m in clusters[cid].mentions)
    best: tuple[tuple[int, int, int], int, EventMention, list[EventMention]] | None = None
    for target, gap in index.near(cid, words, journey):
        if document in sources[target] or target in moved or not clusters[target].mentions:
            continue
        if not _written_after(document, index.dates[target], published):
            continue
        for mentions, lead_in, unit_words in units:
            match = _match(mentions, lead_in, unit_words - index.subject, clusters[target], gap)
            if match is None or not _written_after(match[1].document, day, published):
                continue
            shared, member, carried = match
            rank = (gap, -shared, target)
            if best is None or rank < best[0]:
                best = (rank, target, member, carried)
    return (best[1], best[2], best[3]) if best else None


_Unit = tuple[
    list[EventMention], list[EventMention], set[str]
]  # a sentence's mentions, the one before, words


def _units(cluster: _Cluster, before: dict[_Key, list[EventMention]]) -> list[_Unit]:
    """Each sentence of the event with the sentence before it (when that states no date, ``before``) and
    the specific words of both."""
    by_sentence: dict[_Key, list[EventMention]] = defaultdict(list)
    for mention in cluster.mentions:
        by_sentence[(mention.document, mention.sentence.start)].append(mention)
    own = {id(m) for m in cluster.mentions}
    units = []
    for key, mentions in by_sentence.items():
        lead_in = [m for m in before.get(key, []) if id(m) not in own]
        words = set().union(*(_content(features(m)) for m in mentions + lead_in))
        units.append((mentions, lead_in, words))
    return units


def _match(
    mentions: list[EventMention], lead_in: list[EventMention], words: set[str], target: _Cluster, gap: int
) -> tuple[int, EventMention, list[EventMention]] | None:
    """The target's member the sentence tells in the same words (``_close``), or the sentence before it
    does (that one then moves too: the dated sentence is a detail of its report), or that tells the same
    journey; with how many words they share.  None when none does, or a place or party tells them
    apart."""
    best: tuple[int, EventMention, list[EventMention]] | None = None
    for member in target.mentions:
        if _retelling(member):
            continue
        of = features(member)
        if of.concepts & RECURRING or any(features(m).concepts & RECURRING for m in mentions + lead_in):
            continue  # a protest, a meeting, a call: held again day after day, two happenings
        own = _words(mentions) & words
        carried: list[EventMention] = []
        if gap <= DISPUTE_DAYS and _close(mentions, own, of) and _one_telling(mentions, own, of):
            shared = len(own & _content(of))
        elif gap <= DISPUTE_DAYS and lead_in and _close(lead_in, _words(lead_in) & words, of):
            shared, carried = len(words & _content(of)), lead_in
        elif gap <= JOURNEY_DAYS and _same_journey(mentions, member):
            shared = len(own & _content(of))
        else:
            continue
        if _told_apart(mentions + carried, member):
            continue
        if best is None or shared > best[0]:
            best = (shared, member, carried)
    return best


def _words(mentions: list[EventMention]) -> set[str]:
    return set().union(*(_content(features(m)) for m in mentions))


def _close(mentions: list[EventMention], words: set[str], of: MentionFeatures) -> bool:
    """``DISPUTE_TERMS`` specific words in common that tell one act (``_same_act``)."""
    common = words & _content(of)
    return len(common) >= DISPUTE_TERMS and _same_act(mentions, of, common)


def _one_telling(mentions: list[EventMention], words: set[str], of: MentionFeatures) -> bool:
    """A named party in common, or mostly the same words (``SAME_WORDING``).  Three words and an action
    shared by two sentences naming no one in common are often two happenings of one kind (a crowd that
    cheered one night, and less the next; two papers' corrections of different pages).  Asked of a
    sentence's own words only: the sentence before's path has its own condition (one paragraph)."""
    theirs = _content(of)
    if len(words & theirs) >= SAME_WORDING * len(words | theirs):
        return True
    return any(_shared_actors(features(m), of) for m in mentions)


def _same_act(mentions: list[EventMention], of: MentionFeatures, common: set[str]) -> bool:
    """The shared words tell one act: one sentence's own action is among them ("has set aside the advice"
    / "set aside its advice"), or both report one speaker's words."""
    if of.action in common or any(features(m).action in common for m in mentions):
        return True
    return of.kind == "statement" and any(_same_speaker(features(m), of) for m in mentions)


def _same_speaker(f: MentionFeatures, of: MentionFeatures) -> bool:
    return (
        f.kind == "statement" and bool(f.speaker and of.speaker) and frozen_keys_match(f.speaker, of.speaker)
    )


def _same_journey(mentions: list[EventMention], member: EventMention) -> bool:
    """One person's journey to one place: both sentences' own action a journey verb, the same named
    subject, and another name in common (the destination)."""
    if not _journey(member):
        return False
    of = features(member)
    for mention in mentions:
        f = features(mention)
        if not (_journey(mention) and _takes_part(f.subjects, of) and _takes_part(of.subjects, f)):
            continue
        if _shared_actors(f, of) >= JOURNEY_NAMES:
            return True
    return False


def _told_apart(mentions: list[EventMention], member: EventMention) -> bool:
    """A place or an acting party tells every sentence of the unit apart from the member."""
    of = features(member)
    return all(_places_differ(features(m), of) or _subjects_clash(features(m), of) for m in mentions)


def _join(
    mentions: list[EventMention],
    lead_in: list[EventMention],
    into: _Cluster,
    member: EventMention,
    when: DateValue,
) -> None:
    """Move the event's mentions into ``into`` (dated ``when``), as conflicts when their stated day is
    another, and the sentence before them, as a retelling when its date is later than the event's."""
    why = f"the same happening, dated {when.value} by another source"
    for mention in mentions:
        agrees = mention.date is not None and mention.date.overlaps(when)
        _add(mention, member, into, date_kind(mention, member) if agrees else "conflict", why)
    for mention in lead_in:
        start, _ = bounds(mention)
        kind = "retelling" if start > when.end else date_kind(mention, member)
        _add(mention, member, into, kind, "told just before a dated detail of the same happening")


def _add(mention: EventMention, member: EventMention, into: _Cluster, kind: str, why: str) -> None:
    f = features(mention)
    reason = join_reason(mention, f, member, features(member), kind)
    mention.join = replace(reason, date=f"{reason.date}; {why}")
    into.add_reason(mention.join)
    into.add(mention, f)

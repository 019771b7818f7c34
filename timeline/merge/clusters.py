"""Placing dated mentions into clusters (events in the making), in date order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import product

from timeline.merge.candidates import _Index
from timeline.merge.dates import (
    _TYPO_SPAN_DAYS,
    _gap,
    _recurring,
    _year_shifts,
    _year_typo,
    bounds,
)
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import (
    _ALLIED,
    _DAY,
    CONFLICT_WINDOW,
    MAX_REPRESENTATIVES,
    RETELL_FAR,
    RETELL_WINDOW,
    MentionFeatures,
    _apart,
    _content,
    _lexicon,
    _places_differ,
    _shared_actors,
    _subjects_clash,
    features,
)
from timeline.merge.scoring import (
    _TOLL,
    _cached_match,
    _recalled,
    _retold_with_wrong_year,
    _same_day_score,
    _same_distance_from_publication,
    allied_concepts,
    may_retell,
    retelling,
    retold_content,
    toll_retold,
)
from timeline.types import DateValue, EventMention, JoinReason

# shared people, specific words or concepts two same-day sentences of one article need to be one event
SAME_ARTICLE_EVIDENCE = 2
_NO_GAP = timedelta(0)

# the member a mention matched best in a cluster: (date compatible, score), the member and its features
_Match = tuple[tuple[bool, float], EventMention, MentionFeatures]


NO_REASONS: tuple[()] = ()  # a cluster's reasons before the first (``_Cluster.reasons``)


@dataclass(slots=True)  # memory (issue #13): a large topic holds 10,000 clusters and more
class _Cluster:
    mentions: list[EventMention] = field(default_factory=list)
    # distinct (mention, features) to compare against: bounded, so big events stay cheap to match
    reps: list[tuple[EventMention, MentionFeatures]] = field(default_factory=list)
    has_days: bool = False  # a member is dated to a day (or a time of day)
    # why each mention after the first joined: ``NO_REASONS`` (shared) until one is added.  Memory (issue
    # #9): most clusters never get one (an event of one mention, as many are), and an empty list is
    # 56 bytes each; write through ``add_reason`` / ``add_reasons``, never in place on the shared tuple
    reasons: list[JoinReason] | tuple[()] = NO_REASONS
    # the distinct dates members state themselves: a tuple, most clusters having none or one (memory, issue
    # #13: no empty list for each of a large topic's 13,000 clusters while placing)
    stated: tuple[DateValue, ...] = ()

    def add_reason(self, reason: JoinReason) -> None:
        """Record why a mention joined (a list of its own made at the first)."""
        if self.reasons:
            self.reasons.append(reason)
        else:
            self.reasons = [reason]

    def add_reasons(self, reasons: Iterable[JoinReason]) -> None:
        """``add_reason`` for each, in order."""
        if self.reasons:
            self.reasons.extend(reasons)
        elif found := list(reasons):
            self.reasons = found

    def add(self, mention: EventMention, f: MentionFeatures) -> None:
        self.mentions.append(mention)
        if mention.date is not None and mention.date_source == "expression":
            self.has_days = self.has_days or mention.date.granularity in _DAY
            if mention.date not in self.stated and not (mention.join and mention.join.kind == "retelling"):
                self.stated += (mention.date,)
        if mention.join is not None and mention.join.kind == "retelling":
            return  # told days later: other reports are compared with the happening, not with it
        # (the count first: the dates are compared only in a cluster that has its representatives)
        new_date = len(self.reps) < MAX_REPRESENTATIVES or all(m.date != mention.date for m, _ in self.reps)
        if new_date and not self._represented(mention, f):
            self.reps.append((mention, f))

    def _represented(self, mention: EventMention, f: MentionFeatures) -> bool:
        """A representative has the mention's signature (``_signature``).  Memory (issue #13): signatures are
        worked out again, not kept (3.6 MB on a 1,000-article topic); what they read of a representative
        does not change while it is one."""
        signature = None
        for other, of in self.reps:
            if of.head == f.head and of.kind == f.kind:  # cheap parts of the signature first
                signature = signature or _signature(mention, f)
                if _signature(other, of) == signature:
                    return True
        return False

    def absorb(self, other: _Cluster) -> None:
        """Take over another cluster's mentions (its representatives first, so they stay compared)."""
        represented = {id(m) for m, _ in other.reps}
        for mention, f in other.reps:
            self.add(mention, f)
        for mention in other.mentions:
            if id(mention) not in represented:
                self.add(mention, features(mention))
        self.add_reasons(other.reasons)


Sources = tuple[str] | set[str]  # the articles telling an event (``sources_of``)


def sources_of(clusters: list[_Cluster], copies: dict[str, str]) -> list[Sources]:
    """Each event's articles (a copy counted as its original): a tuple when one tells it, as most do.
    Memory (issue #9): the steps that ask make them for every event at once (150,000 on the 50 MB real
    array), and a set of one is 216 bytes, a tuple 48.  For counting, unpacking and looking an article up
    (which a tuple of one answers as the set does), not for set operations."""
    found: list[Sources] = []
    for cluster in clusters:  # (a loop, not a call per event: CPU)
        documents = {copies.get(m.document, m.document) for m in cluster.mentions}
        found.append(tuple(documents) if len(documents) == 1 else documents)
    return found


Place = tuple[str, int]  # a sentence: its document and index
Homes = dict[Place, tuple[int, ...]]  # each sentence's clusters (``sentence_homes``)


def sentence_homes(clusters: list[_Cluster], texts: dict[Place, str] | None = None) -> Homes:
    """The ids of the clusters holding each sentence's mentions, in increasing order; with ``texts``, each
    sentence's text put there too.  Memory (issue #9): a tuple, not a set (48 bytes for one cluster, as
    nearly every sentence has, against 216), and one key for both tables: a table of every sentence's
    clusters is made for every sentence of a collection at once."""
    home: Homes = {}
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            place = (mention.document, mention.sentence.index)
            found = home.get(place)
            if found is None:
                home[place] = (cid,)
                if texts is not None:
                    texts[place] = mention.sentence.text
            elif found[-1] != cid:  # (ids come in increasing order: a repeat is the same cluster's)
                home[place] = (*found, cid)
    return home


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


def _place_dated(
    mention: EventMention,
    f: MentionFeatures,
    clusters: list[_Cluster],
    index: _Index,
    merged_into: dict[int, int],
    subject: frozenset[str] = frozenset(),
    ranking: Ranking | None = None,
) -> None:
    """Place the mention in the cluster it matches best, or a new one; ``subject``: the collection's
    own words (``features.collection_subject``), no evidence that one article's two sentences are one;
    ``ranking``: how clusters are ranked and joins worded, when not directly (``merge/placing.py``)."""
    assert mention.date is not None
    ranks: dict[int, _Match] = {}
    may = may_retell(mention, f)  # the mention's own side of a retelling, tested once
    probe = _Probe.of(mention, f, may, subject)
    primary = index.candidates(f, mention.date, probe.allied)
    if may:
        primary |= index.retelling_candidates(f)
    primary = _live(primary, merged_into)
    _rank_all(probe, clusters, primary, ranks, ranking)
    if not any(rank[0] for rank, _, _ in ranks.values()):
        # no event of the same kind on a compatible date: same-day reports in other words
        same_day = _live(index.same_day_candidates(f, mention.date, mention.document), merged_into) - primary
        _rank_all(probe, clusters, same_day, ranks, ranking)
    if not ranks:
        clusters.append(_Cluster())
        cid = len(clusters) - 1
    else:
        cid = max(sorted(ranks), key=lambda c: ranks[c][0])  # the first (lowest id) on ties
        _absorb_same_day(mention, f, cid, ranks, clusters, merged_into, ranking)
        (compatible_date, _), other, of = ranks[cid]
        kind = _kind(mention, f, other, of, compatible_date)
        mention.join = (
            ranking.reason(mention, f, other, of, kind)
            if ranking
            else join_reason(mention, f, other, of, kind)
        )
        clusters[cid].add_reason(mention.join)
    clusters[cid].add(mention, f)
    index.add(cid, f, mention.date, mention.document)


def _live(cids: set[int], merged_into: dict[int, int]) -> set[int]:
    """Cluster ids with merged clusters replaced by the cluster that absorbed them."""
    if merged_into.keys().isdisjoint(cids):
        return cids  # (most often: none was absorbed; the callers own the set)
    return {_root(cid, merged_into) for cid in cids}


def _root(cid: int, merged_into: dict[int, int]) -> int:
    while cid in merged_into:
        cid = merged_into[cid]
    return cid


def _rank_all(
    probe: _Probe, clusters: list[_Cluster], cids: set[int], ranks: dict[int, _Match], ranking: Ranking | None
) -> None:
    """Rank the mention against each cluster."""
    if ranking is None:
        _rank_each(probe, clusters, cids, ranks)
        return
    for cid in cids:
        match = ranking.rank(probe, cid, clusters[cid])
        if match is not None:
            ranks[cid] = match


class Ranking:
    """How ``_place_dated`` ranks a mention against a cluster and words a join: directly, as here.
    ``merge/placing.py`` records the answers in a helper process and recalls them in the merging one;
    both are pure functions of the mention and the cluster's members (``_rank_against`` reads nothing
    else, and changes nothing)."""

    def rank(self, probe: _Probe, cid: int, cluster: _Cluster) -> _Match | None:
        return _rank_against(probe, cluster)

    def reason(
        self, mention: EventMention, f: MentionFeatures, other: EventMention, of: MentionFeatures, kind: str
    ) -> JoinReason:
        return join_reason(mention, f, other, of, kind)


def _kind(
    mention: EventMention, f: MentionFeatures, other: EventMention, of: MentionFeatures, compatible_date: bool
) -> str:
    """The kind of a dated join (``JOIN_KINDS``)."""
    if compatible_date:
        return date_kind(mention, other)
    if retelling(mention, f, other, of):
        return "retelling"
    return "conflict"


def _absorb_same_day(
    mention: EventMention,
    f: MentionFeatures,
    cid: int,
    ranks: dict[int, _Match],
    clusters: list[_Cluster],
    merged_into: dict[int, int],
    ranking: Ranking | None = None,
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
        (compatible_date, _), member, of = ranks[other_id]
        if other_id == cid or not compatible_date or _clusters_conflict(target, other):
            continue
        # the bridge: the mention that matched both events, and the member of the absorbed one it matched
        kind = _kind(member, of, mention, f, True)
        bridge = (
            ranking.reason(member, of, mention, f, kind)
            if ranking
            else join_reason(member, of, mention, f, kind)
        )
        target.add_reason(bridge)
        target.absorb(other)
        merged_into[other_id] = cid


def _clusters_conflict(a: _Cluster, b: _Cluster) -> bool:
    """Members naming different places or different subjects, or the same day told as two different
    lexicon actions."""
    return any(_apart(fa, fb) or _different_actions(fa, fb) for (_, fa), (_, fb) in product(a.reps, b.reps))


def _different_actions(a: MentionFeatures, b: MentionFeatures) -> bool:
    heads = (a.head or "v:", b.head or "v:")
    if a.kind != "occurrence" or b.kind != "occurrence" or any(h.startswith("v:") for h in heads):
        return False
    return a.head != b.head and b.head not in _ALLIED.get(heads[0], frozenset())


@dataclass(slots=True, eq=False)  # not frozen: one is made for every mention placed (faster)
class _Probe:
    """The mention being placed, with what ``_rank_against`` reads of it worked out once per placement
    (speed, issue #13: a mention is ranked against about a dozen events).  Read-only."""

    mention: EventMention
    f: MentionFeatures
    may: bool  # it may retell an earlier happening (``scoring.may_retell``)
    start: date  # the days its date allows (``dates.bounds``)
    end: date
    day_precise: bool
    shifted: tuple[date, ...]  # a day-precise date's day a year before and after (``dates._year_shifts``)
    background: bool
    stated: bool  # its sentence states the date
    # on a date not overlapping its own, a member can match only through a retelling: a possible one
    # (``may``) or a toll counted again (``toll_retold`` needs the toll as the mention's action)
    retells: bool
    # ``_same_day_score`` is 0 for every member unless the mention is a day-precise occurrence
    same_day_possible: bool
    toll: bool  # its action is a death toll (``toll_retold`` is False for every member otherwise)
    occurrence: bool
    # what the pair scores read of the mention alone: ``scoring.allied_concepts``, ``features._content``
    # (``_same_day_score``), its specific words outside the collection's subject (``_Probe.of``'s
    # ``subject``) and its lexicon concepts (``_same_article_score``)
    allied: frozenset[str]
    content: frozenset[str]
    own_specific: frozenset[str]
    lexicon: frozenset[str]

    @classmethod
    def of(cls, mention: EventMention, f: MentionFeatures, may: bool, subject: frozenset[str]) -> _Probe:
        assert mention.date is not None
        start, end = bounds(mention)
        day_precise = mention.date.granularity in _DAY
        return cls(
            mention,
            f,
            may,
            start,
            end,
            day_precise,
            tuple(_year_shifts(mention.date.start)) if day_precise else (),
            mention.status == "background",
            mention.date_source == "expression",
            may or f.head == _TOLL,
            day_precise and f.kind == "occurrence",
            f.head == _TOLL,
            f.kind == "occurrence",
            allied_concepts(f),
            _content(f),
            f.specific - subject if subject else f.specific,
            _lexicon(f.concepts),
        )


def _rank_against(probe: _Probe, cluster: _Cluster) -> _Match | None:
    """(date compatible, score) of the best-matching member, and that member; None if none matches."""
    ranks: dict[int, _Match] = {}
    _rank_each(probe, [cluster], (0,), ranks)
    return ranks.get(0)


def _rank_each(
    probe: _Probe, clusters: list[_Cluster], cids: Iterable[int], ranks: dict[int, _Match]
) -> None:
    """``ranks[cid]``: ``_rank_against`` of each cluster of ``cids`` that matches (none for the others).

    The tests that skip a member have no side effects, so the cheapest come first; a member whose dates
    are compatible and one whose dates are not take two paths (speed, issue #13: half a million members
    a merge), each with only the tests that can apply to it.  One call for all the clusters a mention is
    ranked against (a dozen on average): what is read of the mention alone is read once per mention, not
    once per cluster (speed: 246,000 rankings a merge on a 1,000-article topic)."""
    mention, f, may, start, end = probe.mention, probe.f, probe.may, probe.start, probe.end
    day = mention.date
    assert day is not None
    day_start, document = day.start, mention.document
    kind, concepts, speaker = f.kind, f.concepts, f.speaker
    # a coarse member ("bombings this month") overlaps every day of its month: a day-precise report
    # compares with the event's day-precise members when it has some, so it cannot bridge two days
    fine, shifted = probe.day_precise, probe.shifted
    retell_limit = RETELL_FAR if may else RETELL_WINDOW
    stated, background, occurrence = probe.stated, probe.background, probe.occurrence
    same_day_possible, retells, toll = probe.same_day_possible, probe.retells, probe.toll
    allied, content, places = probe.allied, probe.content, f.places
    for cid in cids:
        cluster = clusters[cid]
        best: _Match | None = None
        fine_only = fine and cluster.has_days
        fits_stated: bool | None = None  # computed once, when a member's date is unstated
        for other, of in cluster.reps:
            when = other.date
            if when is None:
                continue
            if fine_only and when.granularity not in _DAY and not _shifted_within(shifted, when, cluster):
                # (a month holding the day a year off is the one a wrong year tells: a conflict to show)
                continue
            # ``bounds(other)``, written out: it is asked about half a million times a merge
            when_start, earliest = when.start, other.earliest
            other_start = earliest if earliest is not None and earliest < when_start else when_start
            implicit = not stated or other.date_source != "expression"
            if start <= when.end and other_start <= end:
                if implicit:
                    if fits_stated is None:
                        fits_stated = not cluster.stated or any(
                            start <= w.end and w.start <= end for w in cluster.stated
                        )
                    if not fits_stated:
                        continue  # matched through an unstated date, but the event's dates say another day
                if (other.status == "background") != background and not _recalled(mention, f, other, of):
                    continue
                # ``match_score``'s first tests, written out: most members fail them (no call, no look-up)
                if of.kind == kind and (
                    not concepts.isdisjoint(of.concepts) if occurrence else (speaker and of.speaker)
                ):
                    score = _cached_match(f, of, False)[0]
                else:
                    score = 0.0
                if score <= 0:
                    # same-day reports in other words, or a plan and its report ("a meeting is scheduled for
                    # Thursday" / "met on Thursday")
                    if (
                        same_day_possible
                        and of.kind == "occurrence"
                        and when.granularity in _DAY
                        # (``_same_day_only``'s first test, without its call: most members share nothing)
                        and (
                            not allied.isdisjoint(of.concepts)
                            or not content.isdisjoint(of.specific_words)
                            or (of.action and of.action in content)
                            or not places.isdisjoint(of.places)
                        )
                    ):
                        score = _same_day_only(probe, other, of)
                    # ``_same_article_score`` is 0 unless both are of one article and dated to the same day
                    if (
                        score <= 0
                        and other.document == document
                        and when_start == day_start
                        and fine
                        and when.granularity in _DAY
                    ):
                        score = _same_article_score(probe, of)
                    if score <= 0:
                        continue
                if best is None or not best[0][0] or score > best[0][1]:  # ``_better``, written out
                    best = ((True, score), other, of)
                continue
            if implicit and not retells:
                continue  # a date the sentence does not state cannot disagree with one that another states
            if (other.status == "background") != background and not _recalled(mention, f, other, of):
                continue
            gap = _gap(day, when)
            too_far = gap > CONFLICT_WINDOW
            year_typo = too_far and (
                _year_typo(day, when)
                or (fine and when.granularity not in _DAY and _shifted_within(shifted, when, cluster))
            )
            if too_far and gap > retell_limit and not year_typo:
                continue  # too far apart to be the same event whatever the content (checked first: cheap)
            # (each call after the tests that end it at once, written out: ``toll_retold`` needs the toll as
            # the mention's action, ``retold_content`` the member's action among the mention's concepts)
            retold = (toll and toll_retold(mention, f, other, of)) or (
                may and when.end < start and of.head in concepts and retold_content(mention, f, other, of) > 0
            )
            if not retold and implicit:
                continue  # a date the sentence does not state cannot disagree with one that another states
            if too_far and not (retold or year_typo):
                continue
            # ``match_score``'s first tests, written out: most members fail them (no call, no cache look-up)
            if of.kind != kind or (
                concepts.isdisjoint(of.concepts) if occurrence else not (speaker and of.speaker)
            ):
                score, strong = 0.0, False
            else:
                score, strong = _cached_match(f, of, False)
            if retold:
                evidence = retold_content(mention, f, other, of) if may else 0.0
                best = _better(best, ((False, max(score, evidence, 0.5)), other, of))
                continue
            if not strong and year_typo:
                strong = _retold_with_wrong_year(mention, f, other, of)
            if score <= 0 or not strong:
                continue
            if _recurring(day, when, f, of):
                continue  # a rally on Wednesday and one on Thursday: two rallies, not one with two dates
            if _same_distance_from_publication(mention, other):
                continue  # daily reports alike ("stocks fell on Monday" in Monday's and Tuesday's papers)
            best = _better(best, ((False, score), other, of))
        if best is not None:
            ranks[cid] = best


def _same_day_only(probe: _Probe, other: EventMention, of: MentionFeatures) -> float:
    """``_same_day_score`` of a day-precise occurrence and a member whose date is compatible with its."""
    when = other.date
    assert when is not None
    mention, f, content = probe.mention, probe.f, probe.content
    # two articles' sentences dated by their publication days only (``_same_day_score``)
    unstated = not probe.stated and other.date_source != "expression" and other.document != mention.document
    # ``_same_day_evidence`` is 0 without an allied concept or a word (or, but for ``unstated``, a place) in
    # common: asked first, without a call (most members have none)
    if (
        probe.allied.isdisjoint(of.concepts)
        and content.isdisjoint(of.specific_words)
        and not (of.action and of.action in content)
        and (unstated or f.places.isdisjoint(of.places))
    ):
        return 0.0  # (most members)
    planned = "expected" in (mention.status, other.status)
    assert mention.date is not None
    return _same_day_score(mention.date, when, f, of, planned, probe.allied, content, unstated=unstated)


def _shifted_within(shifted: tuple[date, ...], coarse: DateValue, cluster: _Cluster) -> bool:
    """A day-precise mention's day a year off (``shifted``: ``_Probe.shifted``) lies in a coarse member's
    month or season (``dates._year_typo_within``), and a member of the event states that very day a year
    off: the event's day is known, and only the year of the mention's differs ("last October" and "Friday"
    for it, "Oct. 23" with the next year in a later paper); a month alone a year off is as likely the next
    year's happening of the same kind.  ``coarse`` is not dated to a day.

    Speed (issue #9): ``_year_typo_within``'s tests, the cheapest first, with no date made (its year test
    left out: a day a year off inside the member's span has that year).  A day-precise mention meets every
    coarse member of its candidate events, millions on a collection of many stories, and nearly all
    fail the first test (a year, a decade)."""
    if (coarse.end - coarse.start).days > _TYPO_SPAN_DAYS:
        return False
    if not any(coarse.start <= day <= coarse.end for day in shifted):
        return False
    return any(w.granularity in _DAY and w.start in shifted for w in cluster.stated)


def _better(best: _Match | None, candidate: _Match) -> _Match:
    return candidate if best is None or candidate[0] > best[0] else best


def _same_article_score(probe: _Probe, of: MentionFeatures) -> float:
    """Two sentences of one article dated to the same day that share a person, a specific word or an
    event concept: an article tells its news over several sentences, in other words each time.  Places
    and parties acting differently, or another action naming the happening, still keep them apart.
    Words of the collection's own ``subject`` (a story's "the airline", "the pilots") are in most of its
    sentences: no evidence (on the AQUAINT gold they joined a lead to half its article's other news).

    Of the mention being placed (``probe``) and a member (features ``of``) that the caller found to be of
    the same article and both dated to the same day (speed: those tests come first in ``_rank_each``,
    where most pairs fail them; 100,000 calls a merge on a 1,000-article topic)."""
    f = probe.f
    # (``probe.lexicon`` holds no ``v:`` key: its common part with ``of.concepts`` is the one with their
    # lexicon part, and no set is made for the member)
    shared = len(probe.own_specific.intersection(of.specific_words)) + len(probe.lexicon & of.concepts)
    if shared + len(f.actors) < SAME_ARTICLE_EVIDENCE:
        return 0.0  # not enough even if every actor is shared: the name comparisons skipped (speed)
    if f.governor != of.governor or _places_differ(f, of):  # ``_apart``'s cheaper parts, before the names
        return 0.0
    # (no name comparison when the member names no one: a third of the pairs that get here)
    people = _shared_actors(f, of, ignore=f.places | of.places) if of.actors else 0
    if shared + people < SAME_ARTICLE_EVIDENCE or _subjects_clash(f, of):  # (the rest of ``_apart``)
        return 0.0
    return 0.75 + 0.25 * (shared + people)


def _implicit(*mentions: EventMention) -> bool:
    """A mention dated without an expression of its own (by its publication day or the narrative)."""
    return any(m.date_source != "expression" for m in mentions)

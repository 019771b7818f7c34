"""An event's date among its sources' dates, the dates that disagree with it, and the mentions whose
unstated date it does not include."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from timeline.merge.clusters import _Cluster
from timeline.merge.dates import bounds
from timeline.merge.features import features
from timeline.temporal.timex import cached_value_to_date
from timeline.types import GRANULARITIES, Conflict, DateValue, EventMention


def _precision(when: DateValue) -> int:
    return -GRANULARITIES.index(when.granularity) if when.granularity in GRANULARITIES else -99


def _choose_date(dated: list[EventMention], copies: dict[str, str] | None = None) -> DateValue | None:
    """The date the sources support best, at the finest precision they agree on.

    Only the finest dates compete (a date containing another, finer one agrees with it and yields to it).
    Between conflicting fine dates the one more sources give at its own precision wins; coarse mentions
    around one of them ("in October") only break a tie, so one fine but wrong date cannot win on them.
    A copy of another article's text is not an independent source.
    """
    if not dated:
        return None
    copies = copies or {}
    options = {m.date.value: m.date for m in dated if m.date}
    documents: dict[str, set[str]] = defaultdict(set)  # by date value: big events repeat few dates
    for m in dated:
        if m.date:
            documents[m.date.value].add(copies.get(m.document, m.document))
    leaves = [
        when for when in options.values() if not any(_finer_inside(other, when) for other in options.values())
    ]

    def support(when: DateValue) -> tuple[int, int, int, int, int, str]:
        fine = set().union(*(documents[v] for v, d in options.items() if when.contains(d)))
        overlapping = set().union(*(documents[v] for v, d in options.items() if d.overlaps(when)))
        exact = len(documents[when.value])  # "Friday" (5 sources) over "Friday night" (1): same day
        return (len(fine), len(overlapping), exact, _precision(when), -when.start.toordinal(), when.value)

    return max(leaves, key=support)


def _finer_inside(inner: DateValue, outer: DateValue) -> bool:
    """``inner`` is a finer date within ``outer`` ("Nov. 25" in "late November")."""
    # a time of day is no finer a date than its day: both compete, on their sources
    return inner.value != outer.value and outer.contains(inner) and not inner.contains(outer)


def _conflicts(dated: list[EventMention], when: DateValue | None) -> list[Conflict]:
    by_value: dict[str, list[EventMention]] = defaultdict(list)
    for m in dated:
        if when and m.date and not m.date.overlaps(when):
            by_value[m.date.value].append(m)
    return [
        Conflict(value=value, sources=sorted({m.document for m in ms}), text=ms[0].sentence.text)
        for value, ms in sorted(by_value.items())
    ]


def settle_moves(
    clusters: list[_Cluster], received: set[int], copies: dict[str, str] | None = None
) -> list[_Cluster]:
    """The clusters after the ``received`` ones (indices of events that took mentions in) are checked
    again with ``separate_unstated``, empty ones left out: a moved mention whose own date its new event's
    date does not allow leaves again (no re-dating)."""
    settled = [
        part
        for cid, c in enumerate(clusters)
        for part in (separate_unstated(c, copies) if cid in received else [c])
    ]
    return [c for c in settled if c.mentions]


def separate_unstated(cluster: _Cluster, copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The cluster, less the mentions whose date their sentence does not state (the publication day, the
    narrative's day) when the event's own date falls outside it: each group of those (by date) becomes an
    event of its own.  Joining by content along a chain of such mentions must never re-date one: a date
    the text states can disagree (a conflict, shown) only when the merge joined it on the strong evidence
    a conflict needs (a ``conflict`` join, to or from it); one it only implies cannot."""
    stated = [m for m in cluster.mentions if m.date is not None and m.date_source == "expression"]
    when = _choose_date([m for m in stated if not _retelling(m)], copies) or implicit_day(cluster.mentions)
    if when is None:
        return [cluster]
    disputed = _disputed_dates(cluster)
    # which mentions go apart, decided first: most clusters keep them all, and are then not rebuilt (speed:
    # every cluster after placing is asked, 13,000 on a 1,000-article topic)
    leaving = [_leaves(mention, when, disputed) for mention in cluster.mentions]
    if not any(leaving):
        return [cluster]
    kept, apart = _Cluster(), defaultdict(_Cluster)
    for mention, leaves in zip(cluster.mentions, leaving, strict=True):
        if leaves:
            assert mention.date is not None
            mention.join = None
            apart[mention.date.value].add(mention, features(mention))
        else:
            kept.add(mention, features(mention))
    places = _places(kept)
    kept.reasons = [r for r in cluster.reasons if (r.document, r.start) in places]
    for part in apart.values():
        places = _places(part)
        part.reasons = [
            r
            for r in cluster.reasons
            if (r.document, r.start) in places and (r.matched_document, r.matched_start) in places
        ]
    return [kept, *apart.values()]


def _leaves(mention: EventMention, when: DateValue, disputed: list[DateValue]) -> bool:
    """The mention's date is one its sentence does not state, or a stated one no conflict join brought in,
    and falls outside the event's date ``when`` (``disputed``: ``_disputed_dates``)."""
    unstated = mention.date is not None and mention.date_source not in ("expression", "joined")
    weak_conflict = mention.date_source == "expression" and not _disputes(mention, disputed)
    return (unstated or weak_conflict) and not _retelling(mention) and not _within(mention, when)


def _disputed_dates(cluster: _Cluster) -> list[DateValue]:
    """The stated dates a conflict join (strong content evidence) brought in, on either side of it."""
    places = {(r.document, r.start) for r in cluster.reasons if r.kind == "conflict"}
    places |= {(r.matched_document, r.matched_start) for r in cluster.reasons if r.kind == "conflict"}
    return [
        m.date
        for m in cluster.mentions
        if m.date is not None and m.date_source == "expression" and (m.document, m.sentence.start) in places
    ]


def _disputes(mention: EventMention, disputed: list[DateValue]) -> bool:
    """A stated date outside the event's stays as a conflict of it only when it agrees with a date a
    conflict join brought in; a chain of weaker joins alone must not carry it onto another day."""
    return mention.date is not None and any(mention.date.overlaps(d) for d in disputed)


def implicit_day(mentions: list[EventMention]) -> DateValue | None:
    """For an event no sentence dates itself: the day most of its unstated dates allow (each from its
    ``earliest`` to its date's end), the latest on a tie, so that none is moved off the days it allows."""
    spans: list[
        tuple[int, int]
    ] = []  # by day's ordinal (speed: asked for every event, several times a merge)
    for mention in mentions:
        if mention.date is None or mention.date_source in ("expression", "joined") or _retelling(mention):
            continue
        start, end = bounds(mention)
        first, last = start.toordinal(), end.toordinal()
        if last - first <= _IMPLICIT_SPAN_DAYS:
            spans.append((first, last))
    if not spans:
        return None
    if len(spans) == 1:
        day = spans[0][1]  # (most events: one span, each of its days allowed once, the latest taken)
    else:
        cover: dict[int, int] = {}
        for first, last in spans:
            for day in range(first, last + 1):
                cover[day] = cover.get(day, 0) + 1
        day = max(cover, key=lambda d: (cover[d], d))
    return cached_value_to_date(date.fromordinal(day).isoformat())


_IMPLICIT_SPAN_DAYS = 7  # longer unstated spans (a month) give no day


def _retelling(mention: EventMention) -> bool:
    return mention.join is not None and mention.join.kind == "retelling"


def _within(mention: EventMention, when: DateValue) -> bool:
    start, end = bounds(mention)
    return start <= when.end and when.start <= end


def _places(cluster: _Cluster) -> set[tuple[str, int]]:
    """Where the cluster's mentions are (document, sentence start): what a join reason names of its two
    sides (speed, issue #9: a set, not a search of every mention per reason, in an event of thousands)."""
    return {(m.document, m.sentence.start) for m in cluster.mentions}

"""Placing the dated mentions, shared with a forked helper process on a large collection.

Speed (issue #13): the merge runs in one process while the other cores idle, and placing the dated mentions
(``clusters._place_dated``) is its largest step.  No part of it is independent of the rest: each mention
is ranked against the events the earlier ones made (on a 1,000-article topic, whatever the cut of the
dated mentions, one of the next 25 after it joins an event from before it).  So the work is shared by
recalling answers instead of splitting the collection:

- a helper process, forked when placement starts, places the later half of the dated mentions on its
  own, as if the earlier half did not exist, and records its answers to ``clusters.Ranking``: each
  mention's rank against each cluster it was compared with (keyed by the mention, the cluster's first
  member and how many members it had) and each join's reason;
- meanwhile this process places the earlier half as usual, then the later half in full (candidates,
  absorptions, joins), taking a cluster's rank from the helper's record only when the cluster's members
  so far are the very ones the helper's had when it ranked the mention, checked member by member,
  with whether each joined as a retelling (the only other thing a cluster keeps of its members).

A rank is a pure function of the mention and the cluster's members (``_rank_against`` reads nothing
else and changes nothing), and a join's reason of the two mentions and the kind of join, so every
answer recalled is the one this process would have worked out: the events are the same as placing
every mention here, by construction, whatever the helper could not know (events of the earlier half,
joins across the cut), which is worked out here.  When no process can be forked, or the helper fails,
the later half is placed here as before.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import threading
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from timeline.merge.candidates import _Index
from timeline.merge.clusters import Ranking, _Cluster, _Match, _place_dated, _Probe, _rank_against
from timeline.merge.evidence import join_reason
from timeline.merge.features import MentionFeatures, features
from timeline.merge.similar import sentence_idf
from timeline.types import EventMention, JoinReason

# On unless turned off (``TIMELINE_SHARE_PLACEMENT=0``), for collections of a size where it pays, and only
# when a core was idle as the merge began. Off from session 8 to 15: the helper's own placement adds its
# private pages to the forked copy of the merging process, and the largest process's peak (issue #13's
# memory measure) rose past its target on a 900-article topic; since session 15's lighter features it stays
# under it (152 MB against 165.2), and on a machine doing nothing else the largest topics build about 10%
# faster (ten pairs, nine faster; docs/performance.md, "Session 16: the placing helper turned on (lead)").
SHARE_VARIABLE = "TIMELINE_SHARE_PLACEMENT"


def _turned_on(value: str) -> bool:
    """``TIMELINE_SHARE_PLACEMENT``'s reading: anything but 0 (or unset) leaves the helper on."""
    return value.strip() != "0"


SHARE_PLACEMENT = _turned_on(os.environ.get(SHARE_VARIABLE, ""))
# dated mentions below which placement stays in one process: forking and recalling cost more than they save
SHARED_PLACEMENT_MIN = 5000
# ... and above which it stays there too: the saving falls as the collection grows (-10% of the wall at 17,000
# dated mentions, -4% at 48,000) while the forked copy's memory grows with it (+21 MB at 48,000)
SHARED_PLACEMENT_MAX = 30000
WORKERS_VARIABLE = "TIMELINE_WORKERS"  # as for the build's pool: 1 keeps everything in one process
IDLE_CORE_MIN = 0.6  # processors idle on average while the merge began, for a helper to be forked
_FEWEST_TICKS = 20  # clock ticks (of all processors) below which idleness is not told
HELPER_NICENESS = 10  # added to the helper's niceness (lower scheduling priority)
_LOOK_EVERY = 16  # mentions placed between two looks for the helper's record (a look is a system call)

# what the helper hands back: the comparisons that found no match (by ``_Positions.key``), the matches
# ((date compatible, score, the member's position)), the joins' reasons (by the positions of the two
# mentions and the kind), and each of its clusters' members in order (``_member``), by its first member
Record = tuple[
    set[int],
    dict[int, tuple[bool, float, int]],
    dict[tuple[int, int, str], JoinReason],
    dict[int, tuple[int, ...]],
]


class Placement:
    """Placing the dated mentions (in date order) into ``clusters``: with a helper process when the
    collection is large (this module's docstring), which then also works out the collection's IDF
    (``similar.sentence_idf``) for the wording steps.  A context: the helper ends on leaving it."""

    def __init__(
        self, dated: list[EventMention], subject: frozenset[str], since: CpuTimes | None = None
    ) -> None:
        """``since``: ``cpu_times()`` when the merge began: a helper is forked only if a core was idle
        since (on a busy machine it would take the merging process's share, and forking costs it)."""
        self._dated, self._subject = dated, subject
        self._cut = len(dated) // 2
        share = _may_share(len(dated)) and idle_cores(since) >= IDLE_CORE_MIN
        self._helper = _Helper.start(dated, self._cut, subject) if share else None
        self._recorded = False  # the helper's record has been received (its IDF comes next)

    def __enter__(self) -> Placement:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._helper is not None:
            self._helper.stop()

    def place(self, clusters: list[_Cluster], index: _Index, merged_into: dict[int, int]) -> None:
        """``clusters._place_dated`` of each dated mention: the later half's ranks recalled from the
        helper's record where it had the same clusters, from the moment the record is there.  This
        process never waits for it: on a busy machine the helper may be late, and the mentions placed
        meanwhile are placed here in full (recalling is right from any point: it checks the members)."""
        dated, subject, helper = self._dated, self._subject, self._helper
        cut = self._cut if helper is not None else len(dated)
        for mention in dated[:cut]:
            _place_dated(mention, features(mention), clusters, index, merged_into, subject)
        ranking: _Recalling | None = None
        for done, mention in enumerate(dated[cut:]):
            if helper is not None and done % _LOOK_EVERY == 0 and helper.ready():
                record = helper.record()
                self._recorded = record is not None
                ranking = _Recalling(dated, cut, record) if record is not None else None
                helper = None  # (received, or failed: not looked for again)
            _place_dated(mention, features(mention), clusters, index, merged_into, subject, ranking)

    def idf(self, clusters: list[_Cluster]) -> dict[str, float]:
        """``similar.sentence_idf(clusters)``: the helper's when the clusters hold the sentences of the
        dated mentions it read, as they do right after placing (moving and separating mentions keeps them)."""
        ready = self._helper is not None and self._recorded and self._helper.ready()
        found = self._helper.idf() if ready and self._helper is not None else None  # (no waiting either)
        if found is None or _sentences([m for c in clusters for m in c.mentions]) != _sentences(self._dated):
            return sentence_idf(clusters)
        return found


def _sentences(mentions: list[EventMention]) -> set[tuple[str, int]]:
    """What ``sentence_idf`` reads of mentions: their distinct sentences (by article and start)."""
    return {(m.document, m.sentence.start) for m in mentions}


CpuTimes = tuple[int, int]  # idle and total time of all processors, in clock ticks, since boot


def cpu_times() -> CpuTimes | None:
    """The processors' idle (with waiting for input and output) and total time so far (Linux's
    ``/proc/stat``), or None where it cannot be read."""
    try:
        with open("/proc/stat", "rb") as stat:
            ticks = [int(value) for value in stat.readline().split()[1:9]]
    except (OSError, ValueError):
        return None
    return (ticks[3] + ticks[4], sum(ticks)) if len(ticks) == 8 else None


def idle_cores(since: CpuTimes | None) -> float:
    """How many of the machine's processors were idle, on average, from ``since`` to now (0 when not
    known, or over too short a time to tell)."""
    now = cpu_times()
    if since is None or now is None or now[1] - since[1] < _FEWEST_TICKS:
        return 0.0
    cores = os.cpu_count() or 1
    return cores * (now[0] - since[0]) / (now[1] - since[1])


def _may_share(count: int) -> bool:
    """Whether to fork a helper: a large collection, another core, and a process that may fork safely."""
    if not SHARE_PLACEMENT or not SHARED_PLACEMENT_MIN <= count <= SHARED_PLACEMENT_MAX:
        return False
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    if value.isdigit() and int(value) <= 1:
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if cores < 2 or not sys.platform.startswith("linux"):
        return False
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() != 1:
        return False  # forking a process with other threads is unsafe
    return not multiprocessing.current_process().daemon  # a pool's worker may not start processes


class _Helper:
    """The forked process placing the later half, and the pipe its record comes back on."""

    def __init__(self, process: BaseProcess, connection: Connection) -> None:
        self._process, self._connection = process, connection

    @classmethod
    def start(cls, dated: list[EventMention], cut: int, subject: frozenset[str]) -> _Helper | None:
        context = multiprocessing.get_context("fork")
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=_help, args=(dated, cut, subject, sending), daemon=True)
        try:
            process.start()
        except OSError:  # no process can be started here (limits, sandbox): all in this one
            receiving.close()
            sending.close()
            return None
        sending.close()
        return cls(process, receiving)

    def ready(self) -> bool:
        """Whether the helper's next answer (or its end) is there to receive without waiting."""
        try:
            return self._connection.poll()
        except (EOFError, OSError):
            return True  # (then received as None)

    def record(self) -> Record | None:
        """The helper's record of the later half, or None when it failed."""
        return self._receive()

    def idf(self) -> dict[str, float] | None:
        """The collection's IDF, which the helper works out after the record (None when it failed)."""
        return self._receive()

    def _receive(self) -> Any:
        try:
            return pickle.loads(self._connection.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):
            return None

    def stop(self) -> None:
        """Close the pipe and end the helper (at once, if this process is interrupted before its record)."""
        self._connection.close()
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def _help(dated: list[EventMention], cut: int, subject: frozenset[str], connection: Connection) -> None:
    """The helper's work (in the forked process): place the later half alone and send the record."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the merging process's to handle
    # an idle core is what the helper is for: on a busy machine it gives way to the merging process (which
    # does not wait for it), instead of taking its share
    os.nice(HELPER_NICENESS)
    try:
        connection.send_bytes(pickle.dumps(_record(dated, cut, subject), pickle.HIGHEST_PROTOCOL))
        # needed after the merging process has placed the later half itself: worked out meanwhile
        idf = sentence_idf([_Cluster(mentions=list(dated))])
        connection.send_bytes(pickle.dumps(idf, pickle.HIGHEST_PROTOCOL))
    except BaseException:  # noqa: BLE001 - the merging process then works it all out itself
        pass
    finally:
        connection.close()


def _record(dated: list[EventMention], cut: int, subject: frozenset[str]) -> Record:
    recording = _Recording(dated)
    clusters: list[_Cluster] = []
    index, merged_into = _Index(), {}
    for mention in dated[cut:]:
        _place_dated(mention, features(mention), clusters, index, merged_into, subject, recording)
    position = recording.position
    members = {position[id(c.mentions[0])]: tuple(_member(m, position) for m in c.mentions) for c in clusters}
    return recording.misses, recording.matches, recording.reasons, members


def _member(mention: EventMention, position: dict[int, int]) -> int:
    """A cluster's member as the record keeps it: its position, and whether it joined as a retelling."""
    retold = mention.join is not None and mention.join.kind == "retelling"
    return 2 * position[id(mention)] + retold


class _Positions:
    """The place of each dated mention in date order: how the two processes name the same mention."""

    def __init__(self, dated: list[EventMention]) -> None:
        self.dated = dated
        self.position = {id(m): i for i, m in enumerate(dated)}

    def key(self, probe: _Probe, cluster: _Cluster) -> int:
        """The mention, the cluster's first member and how many members it has, as one number."""
        count = len(self.dated)
        first = self.position[id(cluster.mentions[0])]
        return (self.position[id(probe.mention)] * count + first) * (count + 1) + len(cluster.mentions)


class _Recording(Ranking, _Positions):
    """The helper's ranking: direct, each answer kept."""

    def __init__(self, dated: list[EventMention]) -> None:
        _Positions.__init__(self, dated)
        self.misses: set[int] = set()
        self.matches: dict[int, tuple[bool, float, int]] = {}
        self.reasons: dict[tuple[int, int, str], JoinReason] = {}

    def rank(self, probe: _Probe, cid: int, cluster: _Cluster) -> _Match | None:
        match = _rank_against(probe, cluster)
        if match is None:
            self.misses.add(self.key(probe, cluster))
        else:
            (compatible, score), member, _ = match
            self.matches[self.key(probe, cluster)] = (compatible, score, self.position[id(member)])
        return match

    def reason(
        self, mention: EventMention, f: MentionFeatures, other: EventMention, of: MentionFeatures, kind: str
    ) -> JoinReason:
        reason = join_reason(mention, f, other, of, kind)
        self.reasons[(self.position[id(mention)], self.position[id(other)], kind)] = reason
        return reason


class _Recalling(Ranking, _Positions):
    """This process's ranking of the later half: the helper's answer where its cluster had the same members,
    else worked out."""

    def __init__(self, dated: list[EventMention], cut: int, record: Record) -> None:
        _Positions.__init__(self, dated)
        self._cut = cut
        self._misses, self._matches, self._reasons, self._members = record
        # by cluster id: how many of its first members are the helper's cluster's, or -1 when one is not
        # (for good: members are only ever added)
        self._agreed: dict[int, int] = {}

    def rank(self, probe: _Probe, cid: int, cluster: _Cluster) -> _Match | None:
        mentions = cluster.mentions
        first = self.position[id(mentions[0])]
        if first >= self._cut:  # (else an event of the earlier half: the helper never saw it)
            count = len(self.dated)
            key = (self.position[id(probe.mention)] * count + first) * (count + 1) + len(mentions)
            if key in self._misses:
                if self._same_members(cid, mentions, first):
                    return None
            else:
                recorded = self._matches.get(key)
                if recorded is not None and self._same_members(cid, mentions, first):
                    compatible, score, member = recorded
                    other = self.dated[member]
                    for rep, of in cluster.reps:  # the member as the cluster holds it, with its features
                        if rep is other:
                            return (compatible, score), rep, of
        return _rank_against(probe, cluster)

    def _same_members(self, cid: int, mentions: list[EventMention], first: int) -> bool:
        """The cluster's members are, in order, the first ones of the helper's cluster begun by the same
        mention (each checked once)."""
        agreed = self._agreed.get(cid, 0)
        if agreed == len(mentions) or agreed < 0:
            return agreed >= 0
        theirs = self._members.get(first, ())
        if len(mentions) > len(theirs):
            self._agreed[cid] = -1
            return False
        position = self.position
        for k in range(agreed, len(mentions)):
            if theirs[k] != _member(mentions[k], position):
                self._agreed[cid] = -1
                return False
        self._agreed[cid] = len(mentions)
        return True

    def reason(
        self, mention: EventMention, f: MentionFeatures, other: EventMention, of: MentionFeatures, kind: str
    ) -> JoinReason:
        found = self._reasons.get((self.position[id(mention)], self.position[id(other)], kind))
        return found if found is not None else join_reason(mention, f, other, of, kind)

"""The index that hands a mention only the events worth scoring it against."""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date

from timeline.merge.dates import _is_wide, _weeks, _year_shifts
from timeline.merge.features import (
    _ALLIED,
    _DAY,
    CONFLICT_WINDOW,
    RECURRING,
    RETELL_WINDOW,
    MentionFeatures,
    _content,
)
from timeline.types import DateValue

MAX_DAY_BUCKET = 40  # events of one day sharing a word or place, beyond which the word tells nothing
# events sharing an action and a name, beyond which the pair says nothing about which one a retelling means
MAX_RETELL_BUCKET = 12


class _Index:
    """Clusters by (concept or speaker key, week bucket) so a mention meets only plausible events.

    Day-precise occurrences are also filed by (specific word or place, day), so same-day reports
    worded with different verbs meet, and by the day a year later and earlier (a year typo).
    """

    def __init__(self) -> None:
        # reliability: each bucket holds a cluster once (an ordered set), not once per mention
        # joining it, so a story repeated thousands of times does not make every lookup quadratic
        self._buckets = _Buckets()
        # (action, name key) of every event so far: clustering runs in date order, so these are the
        # earlier happenings a report with an unstated date may retell, however long ago
        self._happenings = _Buckets()
        # each features' day keys, made once (speed, issue #13: a mention's are asked for when it looks
        # for same-day events and again when it is filed; features are shared by identical contents)
        self._day_keys_of: dict[MentionFeatures, tuple[str, ...]] = {}
        self._document_keys: dict[str, str] = {}  # (the same, for each article's key)
        self._shifted_weeks: dict[date, tuple[int, ...]] = {}  # (and each day's year-shifted weeks)

    @staticmethod
    def _keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return {f"speaker:{k}" for k in (f.speaker or set())}
        return set(f.concepts)

    @staticmethod
    def _day_keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return set()
        # interned: a word is filed under many days (memory, issue #13)
        return {sys.intern(f"t:{t}") for t in _content(f)} | {sys.intern(f"t:{p}") for p in f.places}

    def _year_shifted_weeks(self, day: date) -> tuple[int, ...]:
        """The week slots of the same day a year before and after (a year typo), kept by day."""
        found = self._shifted_weeks.get(day)
        if found is None:
            found = tuple(w for shifted in _year_shifts(day) for w in _weeks(shifted, shifted))
            self._shifted_weeks[day] = found
        return found

    def _document_key(self, document: str) -> str:
        found = self._document_keys.get(document)
        if found is None:
            found = self._document_keys[document] = sys.intern(f"doc:{document}")
        return found

    def _cached_day_keys(self, f: MentionFeatures) -> tuple[str, ...]:
        found = self._day_keys_of.get(f)
        if found is None:
            # only iterated: kept as a tuple, in the frozenset's own order (the buckets' filing order is
            # unchanged), a third of a small frozenset's bytes (memory, issue #13: one per distinct mention,
            # held while placing, at the merge's peak)
            found = self._day_keys_of[f] = tuple(frozenset(self._day_keys(f)))
        return found

    def add(self, cluster_id: int, f: MentionFeatures, when: DateValue, document: str = "") -> None:
        slots: Iterable[object] = ("wide",) if _is_wide(when) else _weeks(when.start, when.end)
        # (``_keys`` without its copy for an occurrence: only read here)
        keys = f.concepts if f.kind != "statement" else self._keys(f)
        for slot in slots:
            self._buckets.add_keys(slot, keys, cluster_id)
        if when.granularity in _DAY:
            day = ("day", when.start.toordinal())
            self._buckets.add_keys(day, self._cached_day_keys(f), cluster_id)
            if document:  # the article's own events of the day, whatever their wording
                self._buckets.add(day, self._document_key(document), cluster_id)
        if f.kind == "occurrence" and f.head is not None and f.head not in RECURRING and f.actors:
            for actor in f.actors:
                self._happenings.add_keys(f.head, actor, cluster_id)

    def retelling_candidates(self, f: MentionFeatures) -> set[int]:
        """Earlier events whose action the report names, sharing a name (person or place) with it."""
        found: set[int] = set()
        if f.kind != "occurrence":
            return found
        for action in f.concepts:
            for actor in f.actors:
                for key in actor:
                    bucket = self._happenings.get(action, key)
                    if len(bucket) <= MAX_RETELL_BUCKET:
                        found.update(bucket)
        return found

    def candidates(
        self, f: MentionFeatures, when: DateValue, allied: frozenset[str] | None = None
    ) -> set[int]:
        """Events filed under one of the mention's keys (or a concept allied to one of its own: ``allied``,
        ``scoring.allied_concepts(f)`` when the caller has it) in the weeks around its date."""
        found: set[int] = set()
        if _is_wide(when):
            slots: list[object] = ["wide"]
        else:
            # a toll told later may retell an attack up to ``RETELL_WINDOW`` before
            back = RETELL_WINDOW if "death" in f.concepts else CONFLICT_WINDOW
            slots = list(_weeks(when.start - back, when.end + CONFLICT_WINDOW))
            if when.granularity in _DAY:
                slots += self._year_shifted_weeks(when.start)
        keys = self._keys(f)
        if f.kind == "occurrence":
            if allied is None:
                for concept in f.concepts:
                    keys |= _ALLIED.get(concept, frozenset())
            else:
                keys |= allied
        self._buckets.gather(slots, keys, found)
        return found

    def same_day_candidates(self, f: MentionFeatures, when: DateValue, document: str = "") -> set[int]:
        found: set[int] = set()
        keyed = self._buckets.table(("day", when.start.toordinal())) if when.granularity in _DAY else None
        if keyed is None:
            return found  # (no event filed on that day)
        # (``_Buckets.get`` for each key, written out: the day's table looked up once)
        for key in self._cached_day_keys(f):
            bucket = keyed.get(key)
            if bucket is None:
                continue
            if isinstance(bucket, int):
                found.add(bucket)
            # a word or place that a day's many events share says nothing about which one (the story's
            # main place on a busy day)
            elif len(bucket) <= MAX_DAY_BUCKET:
                found.update(bucket)
        if document:  # the article's own events are always looked at
            bucket = keyed.get(self._document_key(document))
            if isinstance(bucket, int):
                found.add(bucket)
            elif bucket is not None:
                found.update(bucket)
        return found


def _file(keyed: dict[str, int | tuple[int, ...] | dict[int, None]], key: str, cluster_id: int) -> None:
    """File ``cluster_id`` under ``key`` of one slot's table, in the bucket's smallest form."""
    bucket = keyed.get(key)
    if bucket is None:
        keyed[key] = cluster_id
    elif isinstance(bucket, dict):
        bucket[cluster_id] = None
    else:
        keyed[key] = _filed(bucket, cluster_id)


class _Buckets:
    """Cluster ids filed under (slot, key), each at most once, in filing order.

    Memory (issue #13): a large topic files hundreds of thousands of buckets, most holding one cluster, so
    buckets are grouped by slot (no key tuple each), a bucket of one id is that int and one of a few ids a
    tuple (``_filed``; a dict only beyond ``SMALL_BUCKET``: 15,000 two-id dicts cost 3.5 MB on a
    900-article topic, held while placing, at the merge's peak).  Each form lists its ids in filing order.
    """

    def __init__(self) -> None:
        self._slots: dict[object, dict[str, int | tuple[int, ...] | dict[int, None]]] = defaultdict(dict)

    def add(self, slot: object, key: str, cluster_id: int) -> None:
        _file(self._slots[slot], key, cluster_id)

    def add_keys(self, slot: object, keys: Collection[str], cluster_id: int) -> None:
        """``add`` under each of ``keys`` (the slot's table found once)."""
        if not keys:
            return  # (no table made for the slot, as ``add`` makes none)
        keyed = self._slots[slot]
        for key in keys:  # (``_file`` written out: a mention is filed under a dozen keys, 260,000 a merge)
            bucket = keyed.get(key)
            if bucket is None:
                keyed[key] = cluster_id
            elif isinstance(bucket, dict):
                bucket[cluster_id] = None
            elif bucket != cluster_id:  # (an int or a tuple: ``_filed`` keeps the bucket that holds it)
                keyed[key] = _filed(bucket, cluster_id)

    def gather(self, slots: Iterable[object], keys: Collection[str], found: set[int]) -> None:
        """Add to ``found`` the ids filed under each of ``slots`` with each of ``keys`` (``get`` for every
        pair, written out: a mention looks in a dozen week slots under a few keys)."""
        filed = self._slots
        for slot in slots:
            keyed = filed.get(slot)
            if keyed is None:
                continue
            for key in keys:
                bucket = keyed.get(key)
                if bucket is None:
                    continue
                if isinstance(bucket, int):
                    found.add(bucket)
                else:
                    found.update(bucket)

    def table(self, slot: object) -> dict[str, int | tuple[int, ...] | dict[int, None]] | None:
        """The slot's buckets by key (a bucket: an id, a tuple of ids or a dict of them), None if none."""
        return self._slots.get(slot)

    def get(self, slot: object, key: str) -> Collection[int]:
        keys = self._slots.get(slot)
        bucket = keys.get(key) if keys is not None else None
        if bucket is None:
            return ()
        return (bucket,) if isinstance(bucket, int) else bucket


SMALL_BUCKET = 8  # ids a bucket holds as a tuple (looked through when filing); beyond, an ordered dict


def _filed(bucket: int | tuple[int, ...], cluster_id: int) -> int | tuple[int, ...] | dict[int, None]:
    """A bucket of one id or a few (``_Buckets``) with ``cluster_id`` filed last, unless it holds it."""
    if isinstance(bucket, int):
        return bucket if bucket == cluster_id else (bucket, cluster_id)
    if cluster_id in bucket:
        return bucket
    if len(bucket) < SMALL_BUCKET:
        return (*bucket, cluster_id)
    return dict.fromkeys((*bucket, cluster_id))

"""The index that hands a mention only the events worth scoring it against."""

from __future__ import annotations

from collections import defaultdict

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
MAX_RETELL_BUCKET = 40


class _Index:
    """Clusters by (concept or speaker key, week bucket) so a mention meets only plausible events.

    Day-precise occurrences are also filed by (specific word or place, day), so same-day reports
    worded with different verbs meet, and by the day a year later and earlier (a year typo).
    """

    def __init__(self) -> None:
        # reliability: each bucket holds a cluster once (a dict as an ordered set), not once per mention
        # joining it, so a story repeated thousands of times does not make every lookup quadratic
        self._buckets: dict[tuple[str, object], dict[int, None]] = defaultdict(dict)
        # (action, name key) of every event so far: clustering runs in date order, so these are the
        # earlier happenings a report with an unstated date may retell, however long ago
        self._happenings: dict[tuple[str, str], dict[int, None]] = defaultdict(dict)

    @staticmethod
    def _keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return {f"speaker:{k}" for k in (f.speaker or set())}
        return set(f.concepts)

    @staticmethod
    def _day_keys(f: MentionFeatures) -> set[str]:
        if f.kind == "statement":
            return set()
        return {f"t:{t}" for t in _content(f)} | {f"t:{p}" for p in f.places}

    def add(self, cluster_id: int, f: MentionFeatures, when: DateValue, document: str = "") -> None:
        slots: list[object] = ["wide"] if _is_wide(when) else list(_weeks(when.start, when.end))
        for key in self._keys(f):
            for slot in slots:
                self._buckets[(key, slot)][cluster_id] = None
        if when.granularity in _DAY:
            for key in self._day_keys(f):
                self._buckets[(key, ("day", when.start.toordinal()))][cluster_id] = None
            if document:  # the article's own events of the day, whatever their wording
                self._buckets[(f"doc:{document}", ("day", when.start.toordinal()))][cluster_id] = None
        if f.kind == "occurrence" and f.head is not None and f.head not in RECURRING:
            for actor in f.actors:
                for key in actor:
                    self._happenings[(f.head, key)][cluster_id] = None

    def retelling_candidates(self, f: MentionFeatures) -> set[int]:
        """Earlier events whose action the report names, sharing a name (person or place) with it."""
        found: set[int] = set()
        if f.kind != "occurrence":
            return found
        for action in f.concepts:
            for actor in f.actors:
                for key in actor:
                    bucket = self._happenings.get((action, key), ())
                    if len(bucket) <= MAX_RETELL_BUCKET:
                        found.update(bucket)
        return found

    def candidates(self, f: MentionFeatures, when: DateValue, unstated: bool = False) -> set[int]:
        """Clusters sharing a concept in nearby weeks; further back for a report that may retell one
        (a toll, or a sentence whose date is unstated)."""
        found: set[int] = set()
        if _is_wide(when):
            slots: list[object] = ["wide"]
        else:
            # a toll told later may retell an attack up to ``RETELL_WINDOW`` before
            back = RETELL_WINDOW if "death" in f.concepts or unstated else CONFLICT_WINDOW
            slots = list(_weeks(when.start - back, when.end + CONFLICT_WINDOW))
            if when.granularity in _DAY:
                slots += [w for shifted in _year_shifts(when.start) for w in _weeks(shifted, shifted)]
        keys = self._keys(f)
        for allied in [_ALLIED.get(c, frozenset()) for c in f.concepts if f.kind == "occurrence"]:
            keys |= allied
        for key in keys:
            for slot in slots:
                found.update(self._buckets.get((key, slot), ()))
        return found

    def same_day_candidates(self, f: MentionFeatures, when: DateValue, document: str = "") -> set[int]:
        found: set[int] = set()
        if when.granularity in _DAY:
            keys = self._day_keys(f) | ({f"doc:{document}"} if document else set())
            for key in keys:
                bucket = self._buckets.get((key, ("day", when.start.toordinal())), ())
                # a word or place that a day's many events share says nothing about which one (the
                # story's main place on a busy day); the article's own events are always looked at
                if len(bucket) <= MAX_DAY_BUCKET or key.startswith("doc:"):
                    found.update(bucket)
        return found

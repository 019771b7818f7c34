"""Options for building and checking a timeline, as plain dataclasses.

The CLI fills these from its arguments (and, for the check policy, from
``[tool.timeline]`` in ``pyproject.toml`` or ``.timeline.toml``); library
users construct them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

# progress(stage, done, total): called by long-running stages so a front end can show progress.
ProgressCallback = Callable[[str, int, int], None]


@dataclass
class BuildOptions:
    since: date | None = None  # keep events whose date ends on or after this day
    until: date | None = None  # keep events whose date starts on or before this day
    top: int | None = None  # keep only the N most important dates (summary timeline)
    sentences: int = 1  # summary timeline: sentences per date (with ``top``)
    progress: ProgressCallback | None = None
    min_sources: int | None = None  # keep events reported by at least this many sources
    statuses: set[str] | None = None  # keep events of these statuses (reported, expected, background)
    sources: set[str] | None = None  # keep events citing one of these article ids
    # with ``top``: rank and summarise the days from the articles' dates and sentences alone, without
    # extracting and merging events (several times faster on large collections, a little less accurate)
    quick: bool = False


GAP_KINDS = (
    "undated-article",
    "undated-event",
    "interval",
    "conflict",
    "unresolved-expression",
    "unreadable-article",  # an input skipped: unreadable, or its processing failed
)


@dataclass
class CheckPolicy:
    max_gap_days: int | None = None  # interval gaps: longest allowed stretch without events; None = no limit
    since: date | None = None
    until: date | None = None
    fail_on: set[str] = field(
        default_factory=lambda: {"undated-article", "undated-event", "interval", "unreadable-article"}
    )
    strict: bool = False  # also fail on conflict and unresolved-expression gaps
    source: str | None = None  # the policy file it was loaded from, if any (for diagnostics)

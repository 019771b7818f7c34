"""Order and trim: the timeline's order, the filters (sources, status, period) and ``--top``.

Events are ordered by date (a coarser date first on the same start, then the most important), undated last.
``--top L`` keeps L dates: with the collection the events came from, the days ``timeline.summarise`` ranks
and summarises; otherwise (or to fill dates it cannot) the dates whose events most sources report.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.config import BuildOptions
from timeline.summarise import Collection, summarise
from timeline.types import Event


def _sort_key(event: Event) -> tuple:
    """By date start, coarser first on the same start, then most important first; undated last."""
    if event.date is None:
        return (1, 0, 0, -len(event.sources), -len(event.mentions), event.title, event.id)
    return (
        0,
        event.date.start.toordinal(),
        -event.date.end.toordinal(),
        -len(event.sources),
        -len(event.mentions),
        event.title,
        event.id,
    )


def select_events(
    events: list[Event], options: BuildOptions, collection: Collection | None = None
) -> list[Event]:
    """Order events; keep those the filters ask for (sources, status); of those, the ones overlapping
    ``since``/``until`` and the undated ones (which no period can rule out); then the ``top`` most important
    dates.

    With the ``collection`` they were read from, ``top`` ranks the collection's days by the evidence
    ``timeline.summarise`` weighs (references, coverage, salience) and summarises each in
    ``options.sentences`` sentences; dates it cannot fill (fewer named days than asked for) are the
    most important remaining events' dates.  Without it, events are ranked by their own sources.
    """
    kept = [e for e in sorted(events, key=_sort_key) if _wanted(e, options)]
    if options.since or options.until:
        kept = [e for e in kept if e.date is None or _within(e, options)]
    if options.top is None:
        return kept
    if collection is None or not _unfiltered(options):
        return _top_dates(kept, options.top)
    days = summarise(
        kept, collection, options.top, options.sentences, options.since, options.until, quick=options.quick
    )
    covered = {e.date.start for e in days if e.date}
    rest = [
        e
        for e in kept
        if e.date is not None and (e.date.granularity not in ("day", "time") or e.date.start not in covered)
    ]
    filled = _top_dates(rest, options.top - len(days)) if len(days) < options.top else []
    return sorted([*days, *filled], key=_sort_key)


def _unfiltered(options: BuildOptions) -> bool:
    """No event filter is set: the summary may then rank every day of the collection, not only the events'."""
    return options.min_sources is None and options.statuses is None and options.sources is None


def _wanted(event: Event, options: BuildOptions) -> bool:
    """The ``--min-sources``, ``--status`` and ``--source`` filters."""
    if options.min_sources is not None and len(event.sources) < options.min_sources:
        return False
    if options.statuses is not None and event.status not in options.statuses:
        return False
    return options.sources is None or not options.sources.isdisjoint(event.sources)


def _within(event: Event, options: BuildOptions) -> bool:
    assert event.date is not None
    if options.since and event.date.end < options.since:
        return False
    return not (options.until and event.date.start > options.until)


_WORD = re.compile(r"[a-z0-9]{3,}")


def _top_dates(events: list[Event], top: int) -> list[Event]:
    """The ``top`` most important dates, each with its single most important event (one line a date)."""
    by_value: dict[str, list[Event]] = {}
    for event in events:
        if event.date is not None:
            by_value.setdefault(event.date.value, []).append(event)
    ranked = sorted(by_value.values(), key=_date_rank, reverse=True)
    # max() keeps the first of equals, and ``events`` is already in timeline order.
    keep = {max(group, key=_centrality).id for group in ranked[: max(top, 0)]}
    # A summary line is a sentence a reader can quote: the event's most central one.
    return [replace(e, title=central_sentence(e)) for e in events if e.id in keep]


def central_sentence(event: Event) -> str:
    """The sentence sharing the most words with the event's other mentions (the first of equals).

    Only mentions that agree with the event's date compete: a conflicting report is not its summary.
    """
    supporting = [
        m for m in event.mentions if m.date is None or event.date is None or m.date.overlaps(event.date)
    ]
    sentences = list(dict.fromkeys(" ".join(m.sentence.text.split()) for m in supporting))
    if not sentences:
        return event.title
    words = [set(_WORD.findall(sentence.lower())) for sentence in sentences]

    def shared(index: int) -> float:
        return sum(
            len(words[index] & other) / (len(words[index] | other) or 1)
            for j, other in enumerate(words)
            if j != index
        )

    return sentences[max(range(len(sentences)), key=lambda i: (shared(i), -i))]


def _centrality(event: Event) -> tuple:
    """Most sources, then mentions; what happened before what is only expected."""
    return (*event.importance, event.status == "reported")


def _date_rank(group: list[Event]) -> tuple:
    return (
        any(_is_story_day(e) for e in group),
        max(e.importance for e in group),
        sum(len(e.sources) for e in group),
        -min(e.date.start.toordinal() for e in group if e.date),
    )


def _is_story_day(event: Event) -> bool:
    """A summary timeline lists days, as journalists' timelines do: weeks, months and background
    context ("ruled since 1994") only fill places that no dated day claims."""
    return (
        event.date is not None and event.date.granularity in ("day", "time") and event.status != "background"
    )

"""The `timeline check` rules: what is missing from a chronology.

``find_gaps`` reports every gap of five kinds and marks each failing or not
according to the policy; ``check_passed`` says whether any gap fails.

- ``undated-article``: no publication date, not even bounds.  An article only
  known to be "on or after" some day is dated at that precision.
- ``undated-event``: an event the engine found but could not date.
- ``interval``: more than ``max_gap_days`` days without events inside the
  period checked (``since``/``until``, default the span of the events that
  take part).  Only reported or expected events dated to the day, week or
  month take part; a week- or month-level event fills every day it covers.
  Background events and events dated to a quarter, season, year or coarser
  neither fill days nor define the period: "in 1994" or "last year" says
  nothing about whether the story itself has a hole.
- ``conflict``: sources disagree on an event's date (fails with ``strict``).
- ``unresolved-expression``: a time expression found but not normalised
  (fails with ``strict``).
- ``unreadable-article``: an input left out of the chronology (a file or record that could not be
  read, or an article whose processing failed: ``Timeline.skipped``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from timeline.config import CheckPolicy
from timeline.types import Article, Event, Gap, Skipped, Timeline

STRICT_KINDS = frozenset({"conflict", "unresolved-expression"})
# Granularities precise enough to say whether a stretch of days had events.
INTERVAL_GRANULARITIES = frozenset({"time", "day", "week", "month"})


def find_gaps(timeline: Timeline, policy: CheckPolicy) -> list[Gap]:
    """Every gap in ``timeline``, grouped by kind, each marked failing per ``policy``."""
    documents = {article.id: article for article in timeline.documents}
    gaps = [
        *_undated_articles(timeline.documents),
        *_undated_events(timeline.events, documents),
        *_intervals(timeline.events, policy),
        *_conflicts(timeline.events, documents),
        *_unresolved_expressions(timeline, documents),
        *_unreadable_articles(timeline.skipped),
    ]
    failing_kinds = failing_kinds_for(policy)
    for gap in gaps:
        gap.failing = gap.kind in failing_kinds
    return gaps


def check_passed(gaps: list[Gap]) -> bool:
    """True when no gap is failing (warnings alone pass)."""
    return not any(gap.failing for gap in gaps)


def failing_kinds_for(policy: CheckPolicy) -> set[str]:
    """The gap kinds that fail the check under ``policy``."""
    return set(policy.fail_on) | (STRICT_KINDS if policy.strict else set())


# -- undated articles and events ---------------------------------------------------------------------


def _undated_articles(articles: Iterable[Article]) -> Iterator[Gap]:
    for article in articles:
        if _undated(article):
            yield Gap(
                kind="undated-article",
                message=(
                    f"article {_label(article)} has no publication date: none in the file and none inferable "
                    "from the other articles, so its relative dates cannot be anchored"
                ),
                document=article.id,
                path=article.path,
            )


def _undated_events(events: Iterable[Event], documents: dict[str, Article]) -> Iterator[Gap]:
    for event in events:
        if event.date is not None:
            continue
        gap = Gap(kind="undated-event", message=f"event {_quote(event.title)} has no date")
        if event.mentions:
            mention = event.mentions[0]
            gap.document = mention.document
            gap.path = _path(documents, mention.document)
            gap.line = mention.sentence.line
            gap.message += f": {_quote(mention.sentence.text)}"
        yield gap


# -- intervals ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Covered:
    """The days one event covers (its whole calendar span)."""

    start: date
    end: date
    title: str


def _intervals(events: Iterable[Event], policy: CheckPolicy) -> Iterator[Gap]:
    if policy.max_gap_days is None:
        return
    spans = sorted(
        (_Covered(event.date.start, event.date.end, event.title) for event in events if _takes_part(event)),
        key=lambda span: (span.start, span.end),
    )
    period_start = policy.since or (spans[0].start if spans else None)
    period_end = policy.until or (max(span.end for span in spans) if spans else None)
    if period_start is None or period_end is None or period_start > period_end:
        return
    inside = [span for span in spans if span.end >= period_start and span.start <= period_end]
    yield from _empty_stretches(inside, period_start, period_end, policy.max_gap_days)


def _takes_part(event: Event) -> bool:
    return (
        event.date is not None
        and event.status != "background"
        and event.date.granularity in INTERVAL_GRANULARITIES
    )


def _empty_stretches(spans: list[_Covered], first: date, last: date, max_days: int) -> Iterator[Gap]:
    """Stretches of more than ``max_days`` days in ``first..last`` that no span covers."""
    if first == date.min:  # the calendar's first day has no day before it
        first += timedelta(days=1)
    covered_until = first - timedelta(days=1)  # last day known to be covered
    previous: _Covered | None = None
    for span in spans:
        if (span.start - covered_until).days - 1 > max_days:
            yield _interval_gap(
                covered_until + timedelta(days=1), span.start - timedelta(days=1), max_days, previous, span
            )
        if span.end > covered_until:
            covered_until, previous = span.end, span
    if (last - covered_until).days > max_days:
        yield _interval_gap(covered_until + timedelta(days=1), last, max_days, previous, None)


def _interval_gap(
    start: date, end: date, max_days: int, before: _Covered | None, after: _Covered | None
) -> Gap:
    days = (end - start).days + 1
    # Neighbours are quoted short: the dates are the point, the titles only help find the spot.
    where = [f"after {_quote(before.title)}" if before else "from the start of the period"]
    where.append(f"before {_quote(after.title)}" if after else "to the end of the period")
    return Gap(
        kind="interval",
        message=(
            f"no events for {_days(days)}, {start.isoformat()} to {end.isoformat()} "
            f"(longer than the {_days(max_days)} allowed), {' and '.join(where)}"
        ),
        start=start,
        end=end,
    )


# -- conflicts and unresolved expressions ------------------------------------------------------------


def _conflicts(events: Iterable[Event], documents: dict[str, Article]) -> Iterator[Gap]:
    for event in events:
        chosen = event.date.value if event.date else "no date"
        for conflict in event.conflicts:
            document = conflict.sources[0] if conflict.sources else None
            agreeing = [source for source in event.sources if source not in conflict.sources]
            gap = Gap(
                kind="conflict",
                message=(
                    f"sources disagree on the date of {_quote(event.title)}: "
                    f"{chosen} (chosen) according to {_labels(documents, agreeing)}, "
                    f"{conflict.value} according to {_labels(documents, conflict.sources)}"
                ),
                document=document,
                path=_path(documents, document),
                line=_conflict_line(event, conflict.sources, conflict.text),
            )
            if conflict.text:  # the disagreeing source's sentence: quoted right after its name
                gap.message += f": {_quote(conflict.text)}"
            yield gap


def _conflict_line(event: Event, sources: list[str], text: str) -> int | None:
    """The line of the mention that gave the conflicting date, else of the source's first mention."""
    of_sources = [mention for mention in event.mentions if mention.document in sources]
    for mention in of_sources:
        if text and text.strip() == mention.sentence.text.strip():
            return mention.sentence.line
    return of_sources[0].sentence.line if of_sources else None


def _unresolved_expressions(timeline: Timeline, documents: dict[str, Article]) -> Iterator[Gap]:
    for document, expressions in timeline.expressions.items():
        if document in timeline.copies:
            continue  # a re-sent copy's expressions are its original's: reported once, there
        article = documents.get(document)
        for expression in expressions:
            if expression.anchor != "unresolved" and expression.value is not None:
                continue
            rule = expression.rule or ""
            why = (
                "no publication date or earlier date to anchor it"
                if article is not None and _undated(article)
                else "it counts from a time the text does not date"
                if rule.startswith("relative.") and rule.endswith(".unresolved")
                else "it could not be normalised"
            )
            yield Gap(
                kind="unresolved-expression",
                message=f"time expression {_quote(expression.text)} left unresolved: {why}",
                document=document,
                path=article.path if article else None,
                line=article.text.count("\n", 0, expression.start) + 1 if article else None,
            )


def _unreadable_articles(skipped: Iterable[Skipped]) -> Iterator[Gap]:
    for item in skipped:
        yield Gap(
            kind="unreadable-article",
            message=f"left out of the chronology: {item.reason}",
            document=item.document,
            path=item.path,
        )


# -- wording -----------------------------------------------------------------------------------------


def _undated(article: Article) -> bool:
    published = article.published
    return published.value is None and published.earliest is None and published.latest is None


def _path(documents: dict[str, Article], document: str | None) -> str | None:
    article = documents.get(document) if document else None
    return article.path if article else None


def _label(article: Article) -> str:
    """The file name; for one record of a many-article file (JSON Lines), the record's id too."""
    if not article.path:
        return article.id
    name = Path(article.path).name
    return name if Path(article.path).stem == article.id else f"{article.id} ({name})"


def _labels(documents: dict[str, Article], ids: list[str]) -> str:
    labels = [_label(documents[i]) if i in documents else i for i in ids]
    return ", ".join(labels) if labels else "the other sources"


def _quote(text: str) -> str:
    """Text as a one-line quotation, whole: the JSON carries it in full, renderers shorten it for display."""
    return f'"{" ".join(text.split())}"'


def _days(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"

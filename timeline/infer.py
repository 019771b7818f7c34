"""Date an article that has no publication date, from the other articles' events.

An undated article's relative expressions ("said Wednesday", "this week", "the
day before") cannot be resolved on their own.  For each candidate publication
day near the dates of events the article seems to talk about, we re-resolve
them and score the candidate:

* +1 per dated mention that matches an event of the other articles (same
  content) on a compatible date (+0.5 when only week/month-level);
* -1 per mention whose content matches such an event but whose date does not,
  and per past-tense report that would lie after the publication day.

Only events of the others dated to a day or a week count (a year or a month
contains any weekday, so agreeing with it pins nothing).

The best-scoring days form a tier.  News reports its latest events on the day
or the day after, so within the tier the day closest after the latest
day-precise event the article reports wins when that is unique; otherwise
only bounds are recorded (value = the ISO week or month containing the whole
tier, or None).  Articles without any relative expression are bounded later
by the events they were merged into (``bound_from_events``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from timeline.events import extract_mentions, span_of
from timeline.merge import SAME_DAY_TERMS, MentionFeatures, features, match_score, representative_features
from timeline.names import frozen_keys_match
from timeline.temporal.timex import date_to_value
from timeline.text import is_past_form
from timeline.types import Article, DateValue, Event, EventMention, Published, Sentence, TimeExpression

Tagger = Callable[..., list[TimeExpression]]


class EventReference:
    """The other articles' events with their distinct mention features, indexed by actor key.

    Build it once (``EventReference(events)``) to date many articles, possibly in several
    processes, with ``infer_with_reference``.
    """

    def __init__(self, events: list[Event]) -> None:
        events = [e for e in events if e.date and e.status != "background"]
        self.entries: list[tuple[Event, list[MentionFeatures]]] = [
            (e, representative_features(e.mentions)) for e in events
        ]
        self.by_key: dict[str, set[int]] = {}
        for i, (_, fs) in enumerate(self.entries):
            for f in fs:
                for keys in f.actors:
                    for key in keys:
                        self.by_key.setdefault(key, set()).add(i)
                if _lexicon_head(f):
                    self.by_key.setdefault(f"head:{f.head}", set()).add(i)
        self._latest = max((e.date.end for e, _ in self.entries if e.date), default=None)
        # matches depend on a mention's content only, which recurs on every candidate day
        self._matches: dict[tuple, list[Event]] = {}

    def __bool__(self) -> bool:
        return bool(self.entries)

    def latest_day(self) -> date:
        assert self._latest is not None
        return self._latest

    def matches(self, mention: EventMention) -> list[Event]:
        """Events whose content confidently matches the mention's (same action and actor, ...)."""
        key = (mention.trigger, tuple(mention.terms), tuple(mention.actors))
        if key not in self._matches:
            self._matches[key] = self._find_matches(features(mention))
        return self._matches[key]

    def weak_matches(self, mention: EventMention) -> list[Event]:
        """Events the mention may report on looser evidence, which counts only where the dates agree.

        A past-tense report of an event the others announced for a day (it happened as planned), and a
        statement whose reported clause tells an event of its speaker ("X said that villages were
        being evacuated").  Neither says which day on its own: a meeting recurs, a statement may come
        days after what it tells.
        """
        key = ("weak", mention.trigger, tuple(mention.terms), tuple(mention.actors), tuple(mention.content))
        if key not in self._matches:
            self._matches[key] = self._find_weak_matches(mention, features(mention))
        return self._matches[key]

    def _find_weak_matches(self, mention: EventMention, f: MentionFeatures) -> list[Event]:
        found = []
        if _lexicon_head(f) and is_past_form(mention.trigger):
            for i in sorted(self.by_key.get(f"head:{f.head}", ())):
                event, fs = self.entries[i]
                if _happened_as_planned(f, event, fs):
                    found.append(event)
        said = _said_features(mention, f)
        if said is not None:
            keys = {key for key in f.speaker or ()}
            for i in sorted({i for key in keys for i in self.by_key.get(key, ())}):
                event, fs = self.entries[i]
                if _tells_of(f, said, fs) and event not in found:
                    found.append(event)
        return found

    def _find_matches(self, f: MentionFeatures) -> list[Event]:
        keys = {key for keys in f.actors for key in keys} | (
            {f"head:{f.head}"} if _lexicon_head(f) else set()
        )
        candidates = sorted({i for key in keys for i in self.by_key.get(key, ())})
        found = []
        for i in candidates:
            event, fs = self.entries[i]
            if any(match_score(f, other, undated=True)[0] > 0 or _same_subject(f, other) for other in fs):
                found.append(event)
        return found


def _lexicon_head(f: MentionFeatures) -> bool:
    return f.kind == "occurrence" and f.head is not None and not f.head.startswith("v:")


def _same_subject(f: MentionFeatures, other: MentionFeatures) -> bool:
    """Without a named actor: the same kind of event with specific words in common ("the cabinet met
    ... emergency funds" / "an emergency cabinet meeting")."""
    return _lexicon_head(f) and f.head == other.head and len(f.specific & other.specific) >= SAME_DAY_TERMS


def _happened_as_planned(f: MentionFeatures, event: Event, fs: list[MentionFeatures]) -> bool:
    """A day-precise announcement of the same kind of event as the report, with a specific word in
    common ("the cabinet met" / "an emergency cabinet meeting is scheduled"): plans are told in few
    words, as in the merge of two announcements for one day."""
    if event.status != "expected" or event.date is None or not _day_precise(event.date):
        return False
    if not any(other.head == f.head for other in fs):
        return False
    return bool(f.specific & _event_content(fs))


def _said_features(mention: EventMention, f: MentionFeatures) -> MentionFeatures | None:
    """The features of what a statement reports (its that-clause), or None when it has none."""
    if f.kind != "statement" or not f.speaker or not mention.content:
        return None
    return features(replace(mention, trigger="", terms=mention.content, actors=[]))


def _tells_of(f: MentionFeatures, said: MentionFeatures, fs: list[MentionFeatures]) -> bool:
    """The speaker is an actor of the event and what they said shares its specific words."""
    assert f.speaker is not None
    if not any(frozen_keys_match(f.speaker, keys) for other in fs for keys in other.actors):
        return False
    return len(said.specific & _event_content(fs)) >= SAME_DAY_TERMS


def _event_content(fs: list[MentionFeatures]) -> frozenset[str]:
    """The specific words of all an event's reports, with their actions' stems."""
    return frozenset(word for f in fs for word in f.specific | ({f.action} if f.action else set()))


MAX_CANDIDATES = 45  # days tried per article: bounded work even for a long story
_SPAN_DAYS = 8  # publication is usually within a week after the events it reports


@dataclass
class _Candidate:
    day: date
    score: float
    staleness: int  # days since the latest day-precise event it reports (large when none)
    matched: list[tuple[TimeExpression, Event]]
    latest: TimeExpression | None


def infer_publication_dates(
    articles: Iterable[Article],
    events: list[Event],
    sentences: dict[str, list[Sentence]],
    tagger: Tagger,
) -> dict[str, Published]:
    """Inferred publication dates for the undated ``articles``, by article id.

    ``events`` are the events of the dated articles; ``sentences`` the split
    sentences by article id; ``tagger`` is ``timeline.temporal.tag``.
    Articles for which there is no evidence are left out.
    """
    return infer_with_reference(articles, EventReference(events), sentences, tagger)


def infer_with_reference(
    articles: Iterable[Article],
    reference: EventReference,
    sentences: dict[str, list[Sentence]],
    tagger: Tagger,
) -> dict[str, Published]:
    """``infer_publication_dates`` with the dated articles' events already indexed."""
    inferred: dict[str, Published] = {}
    for article in articles:
        if article.published.value:
            continue
        result = _infer_one(article, reference, sentences.get(article.id, []), tagger)
        if result is not None:
            inferred[article.id] = result
    return inferred


def _infer_one(
    article: Article, reference: EventReference, sentences: list[Sentence], tagger: Tagger
) -> Published | None:
    unresolved = [e for e in tagger(article.text, None, regions=article.body) if e.anchor == "unresolved"]
    if not unresolved or not reference:
        return None
    regions = _regions_with(sentences, unresolved)
    chosen = [s for s in sentences if (s.start, s.end) in set(regions)]
    reader = _Rereader(article, chosen, tagger, regions)
    days = _candidate_days(reader, reference)
    candidates = [_score(reader, reference, day) for day in days]
    return _decide(candidates)


class _Rereader:
    """The sentences of an undated article holding relative dates, re-read as if published on a day.

    Only the values of the expressions change from one day to the next, so the mentions (their
    clauses, triggers, actors, terms) are extracted once per layout of expressions and given each
    day's expressions and dates.  Inference reads nothing else of them (their status also depends
    on the day: never read here).
    """

    def __init__(
        self, article: Article, sentences: list[Sentence], tagger: Tagger, regions: list[tuple[int, int]]
    ) -> None:
        self.article, self.sentences, self.tagger, self.regions = article, sentences, tagger, regions
        self._mentions: dict[tuple, list[EventMention]] = {}

    def at(self, day: date) -> tuple[list[EventMention], list[TimeExpression]]:
        """The mentions and expressions as if published on ``day``."""
        value = day.isoformat()
        expressions = self.tagger(self.article.text, value, regions=self.regions)
        # everything extraction looks at except the values (whether one parses decides its use)
        layout = tuple(
            (e.start, e.end, e.text, e.type, e.granularity, e.anchor, span_of(e) is not None)
            for e in expressions
        )
        if layout not in self._mentions:
            dated = replace(self.article, published=Published(value=value, source="inferred"))
            self._mentions[layout] = extract_mentions(dated, self.sentences, expressions)
        by_span = {(e.start, e.end): e for e in expressions}
        return [_redated(m, by_span) for m in self._mentions[layout]], expressions


def _redated(mention: EventMention, by_span: dict[tuple[int, int], TimeExpression]) -> EventMention:
    """``mention`` dated by the expression at the same place among ``by_span``."""
    if mention.expression is None:
        return mention
    expression = by_span[(mention.expression.start, mention.expression.end)]
    if expression is mention.expression:
        return mention
    return replace(mention, expression=expression, date=span_of(expression))


def _regions_with(sentences: list[Sentence], expressions: list[TimeExpression]) -> list[tuple[int, int]]:
    """The sentences holding the unresolved expressions: the only text worth re-tagging."""
    return sorted(
        {
            (s.start, s.end)
            for s in sentences
            for e in expressions
            if s.start <= e.start < s.end and not s.boilerplate
        }
    )


def _candidate_days(reader: _Rereader, reference: EventReference) -> list[date]:
    """Days near the events the article's sentences talk about (content match, any date)."""
    mentions, _ = reader.at(reference.latest_day())
    matched = {e.date for m in mentions for e in _anchors(reference.matches(m) + reference.weak_matches(m))}
    days: set[date] = set()
    for when in matched:
        days.update(
            when.start + timedelta(days=i) for i in range(-1, (when.end - when.start).days + _SPAN_DAYS + 1)
        )
    return sorted(days)[:MAX_CANDIDATES]


def _score(reader: _Rereader, reference: EventReference, day: date) -> _Candidate:
    score = 0.0
    matched: list[tuple[TimeExpression, Event]] = []
    mentions, expressions = reader.at(day)
    for mention in mentions:
        when = mention.date
        if when is None or mention.expression is None:
            continue
        if is_past_form(mention.trigger) and when.start > day:
            score -= 1  # a past-tense report of something after the publication day
            continue
        events = _anchors(reference.matches(mention))
        # weak matches only ever agree: their disagreeing dates are other occasions, not contradictions
        agreeing = [e for e in events + _anchors(reference.weak_matches(mention)) if e.date.overlaps(when)]
        if agreeing:
            score += 1.0 if when.granularity in ("day", "time") else 0.5
            matched.append((mention.expression, agreeing[0]))
        elif events:
            score -= 1
    latest = _latest_day_report(expressions, day)
    staleness = (day - latest[1].start).days if latest else 10_000
    return _Candidate(day, score, staleness, matched, latest[0] if latest else None)


def _anchors(events: list[Event]) -> list[Event]:
    """The events dated to a day or a week: a year or a month contains any weekday the article may
    say, so agreeing with it (or with its containing span) would pin nothing."""
    return [e for e in events if e.date is not None and _precise(e.date)]


def _latest_day_report(
    expressions: list[TimeExpression], day: date
) -> tuple[TimeExpression, DateValue] | None:
    """The latest day-precise date up to publication the article mentions, with its expression."""
    found = [(e, d) for e in expressions if (d := span_of(e)) and _day_precise(d) and d.start <= day]
    return max(found, key=lambda pair: (pair[1].start, -pair[0].start)) if found else None


def _day_precise(when: DateValue) -> bool:
    return when.granularity in ("day", "time")


def _decide(candidates: list[_Candidate]) -> Published | None:
    if not candidates:
        return None
    best_score = max(c.score for c in candidates)
    if best_score <= 0:
        return None
    tier = [c for c in candidates if c.score == best_score]
    freshest = min(c.staleness for c in tier)
    winners = [c for c in tier if c.staleness == freshest]
    earliest, latest = min(c.day for c in tier), max(c.day for c in tier)
    if len(winners) == 1 and freshest < 10_000 and not _retells_known_event(winners[0]):
        winner = winners[0]
        return Published(
            value=winner.day.isoformat(),
            source="inferred",
            evidence=_evidence(winner),
            earliest=winner.day,
            latest=winner.day,
        )
    return Published(
        value=coarsest_common_value([c.day for c in tier]),
        source="inferred",
        evidence=_evidence(tier[0]) + f"; equally consistent from {earliest} to {latest}",
        earliest=earliest,
        latest=latest,
    )


def _retells_known_event(candidate: _Candidate) -> bool:
    """Its latest reported day is an event the others already tell: a recap may come any day after it,
    so that day bounds the publication from below but does not pin it (fresh news of its own would)."""
    latest = candidate.latest
    return latest is not None and any(
        (expr.start, expr.end) == (latest.start, latest.end) for expr, _ in candidate.matched
    )


def coarsest_common_value(days: list[date]) -> str | None:
    """The ISO week or month containing all ``days``, or None when they span more than a month."""
    for granularity in ("day", "week", "month"):
        values = {date_to_value(d, granularity) for d in days}
        if len(values) == 1:
            return values.pop()
    return None


def _evidence(candidate: _Candidate) -> str:
    parts = []
    events = list(dict.fromkeys(event.id for _, event in candidate.matched))
    by_id = {event.id: event for _, event in candidate.matched}
    for event_id in events[:3]:
        event = by_id[event_id]
        texts = dict.fromkeys(f'"{expr.text}"' for expr, e in candidate.matched if e.id == event_id)
        sources = ", ".join(event.sources)
        value = event.date.value if event.date else "?"
        parts.append(f'{" + ".join(texts)} matches "{event.title}" on {value} ({sources})')
    if candidate.latest is not None:
        parts.append(f'"{candidate.latest.text}" is then the latest day it reports, {candidate.latest.value}')
    return "; ".join(parts)


def bound_from_events(article: Article, events: list[Event]) -> Published | None:
    """For an article still undated: published no earlier than the latest event it reports."""
    reported = [
        e.date
        for e in events
        if e.date and e.status == "reported" and article.id in e.sources and _precise(e.date)
    ]
    if not reported:
        return None
    latest_event = max(reported, key=lambda d: d.start)
    titles = [e for e in events if e.date == latest_event and article.id in e.sources]
    sources = ", ".join(s for s in titles[0].sources if s != article.id) if titles else ""
    return Published(
        value=None,
        source="inferred",
        evidence=(
            f"no usable date of its own; it reports the event of {latest_event.value}"
            + (f" ({sources})" if sources else "")
            + f", so it was published on or after {latest_event.start}"
        ),
        earliest=latest_event.start,
        latest=None,
    )


def _precise(when: DateValue) -> bool:
    return when.granularity in ("day", "time", "week")

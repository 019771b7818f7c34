"""Assembling an ``Event`` from a cluster: its date, title, status, sources and id."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from operator import attrgetter

from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import _choose_date, _conflicts, implicit_day
from timeline.merge.features import _STATUS_ORDER
from timeline.types import DateValue, Event, EventMention, JoinReason

CONCISE_TITLE_WORDS = 14  # a title up to this long reads on one line
LEAD_SENTENCES = 1  # an article's sentences up to this index (headline, first sentence) tell its news
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def _to_event(
    cluster: _Cluster, copies: dict[str, str] | None = None, latest: dict[str, date] | None = None
) -> Event:
    copies = copies or {}
    mentions = _sorted_in_text_order(cluster.mentions)
    # a retelling keeps its own (later) date, but neither dates the event nor disagrees with it
    dated = [
        m
        for m in mentions
        if m.date is not None
        and m.date_source == "expression"
        and not (m.join is not None and m.join.kind == "retelling")
    ]
    when = _choose_date(dated, copies) or implicit_day(mentions)
    agreeing = [m for m in dated if when and m.date and m.date.overlaps(when)]
    conflicts = _conflicts(dated, when)
    for m in mentions:
        if m.date_source == "joined":
            m.date = when
    documents = {m.document for m in mentions}
    # a re-sent copy is listed through its mentions, but counts as a source only on its own
    sources = sorted(d for d in documents if d not in copies) or sorted(documents)
    title = _pick_title(mentions, when)
    counting = set(sources)  # scale (issue #9): an event of thousands of sources is no list to search
    counted = [m for m in agreeing or mentions if m.document in counting]
    status = _pick_status(counted or agreeing or mentions, when, latest or {})
    return Event(
        id=event_id(when.value if when else None, title, sources),
        date=when,
        title=title,
        status=status,
        sources=sources,
        mentions=mentions,
        conflicts=conflicts,
        reasons=list(cluster.reasons),
        confidence=event_confidence(cluster.reasons, sources),
    )


def event_confidence(reasons: list[JoinReason], sources: list[str]) -> float:
    """How sure that every source reports this happening: each source but the best-linked one counts by
    its most confident join, and the event by its least sure source (1.0 for a single source)."""
    if len(sources) < 2:
        return 1.0
    by_source: dict[str, float] = {}
    best = by_source.get
    for reason in reasons:  # (written out: an event of thousands of repeats has a reason per mention)
        confidence, document, matched = reason.confidence, reason.document, reason.matched_document
        if best(document, 0.0) < confidence:
            by_source[document] = confidence
        if best(matched, 0.0) < confidence:
            by_source[matched] = confidence
    linked = sorted(by_source.get(source, 0.0) for source in sources)
    return linked[0] if linked else 1.0


def _in_text_order(mention: EventMention) -> tuple[str, int, int]:
    """An event's mentions by article, sentence and date expression (none first)."""
    expression = mention.expression
    return (mention.document, mention.sentence.start, expression.start if expression else -1)


_DOCUMENT = attrgetter("document")


def _sorted_in_text_order(mentions: list[EventMention]) -> list[EventMention]:
    """``sorted(mentions, key=_in_text_order)``, in two steps (speed, issue #9: an event of hundreds of
    thousands of repeats, most of them one per article): by article, then each article's run of several
    mentions by the whole key.  Both sorts are stable and the run shares the key's first part, so the order
    is the one-step sort's."""
    if len(mentions) < 2:
        return list(mentions)  # (most events)
    ordered = sorted(mentions, key=_DOCUMENT)
    start, count = 0, len(ordered)
    while start < count:
        document, end = ordered[start].document, start + 1
        while end < count and ordered[end].document == document:
            end += 1
        if end - start > 1:
            ordered[start:end] = sorted(ordered[start:end], key=_in_text_order)
        start = end
    return ordered


def _pick_title(mentions: list[EventMention], when: DateValue | None) -> str:
    """The title of the mention that best says the happening most of the event's sentences tell.

    First a mention on the event's day, by its own date expression or as an article's lead (headline or
    first sentence, dated by publication: the news of the day), then a report over a plan, then a title
    that reads on a line, then the most central: its words (terms, names) echoed by the most other
    sources and sentences of the event, so that a large event is titled by what its outlets retell, not
    by the shortest aside."""
    if len(mentions) < 2:
        return mentions[0].title if mentions else ""  # (most events: one mention, nothing to weigh)
    day = when.value if when else None
    # a title's quality reads only these of its mention: each distinct one weighed once (speed, issue #9:
    # an event of thousands of repeats); equal qualities are equal titles, so the title is the same
    told = {
        (
            day is not None
            and m.date is not None
            and m.date.value == day
            and (m.date_source == "expression" or m.sentence.index <= LEAD_SENTENCES),
            m.status,
            m.title,
            id(m.terms),  # (the lists are alive while the event is made, so their ``id`` names them)
            id(m.actors),
        ): m
        for m in mentions
    }
    standing = {key: _standing(*key[:3]) for key in told}
    best = max(standing.values())
    contenders = [(key, m) for key, m in told.items() if standing[key] == best]
    if len({key[2] for key, _ in contenders}) == 1:
        # one title stands first on the day, status and length: the central words (read from every
        # mention, the costly part) would only decide between titles alike in those (speed)
        return contenders[0][0][2]
    words = _TitleWords()
    support = _word_support(mentions, words)

    def quality(item: tuple[tuple, EventMention]) -> tuple:
        """The rest of a contender's quality (their first parts are equal): the most central, then."""
        key, m = item
        title = key[2]
        return (sum([support[word] for word in words.of(m)]), min(len(m.actors), 3), -len(title), title)

    return max(contenders, key=quality)[0][2]


def _standing(on_day: bool, status: str, title: str) -> tuple[bool, int, bool, bool, bool]:
    """The first parts of a title's quality (``_pick_title``): on the event's day, a report over a plan,
    then a title that reads on a line (3 to 14 words: titles carry their whole clause), then any title."""
    length = len(title.split())
    return (on_day, _status_rank(status), length >= 3, length <= CONCISE_TITLE_WORDS, bool(title))


def _status_rank(status: str) -> int:
    return -_STATUS_ORDER.index(status) if status in _STATUS_ORDER else -len(_STATUS_ORDER)


def _title_words(mention: EventMention) -> set[str]:
    return set(mention.terms) | {actor.lower() for actor in mention.actors}


class _TitleWords:
    """``_title_words`` of each mention of one event, worked out once per pair of word lists: repeats of
    a sentence share their lists (``EventMention``), and the lists are alive while the event is made, so
    their ``id`` names them (speed, issue #9: an event of thousands of repeated mentions)."""

    def __init__(self) -> None:
        self._found: dict[tuple[int, int], set[str]] = {}

    def of(self, mention: EventMention) -> set[str]:
        lists = (id(mention.terms), id(mention.actors))
        found = self._found.get(lists)
        if found is None:
            found = self._found[lists] = _title_words(mention)
        return found


def _word_support(mentions: list[EventMention], words: _TitleWords | None = None) -> dict[str, int]:
    """How much of the rest of the event repeats each word: one point per other source using it, and a
    fraction per other sentence (which decides within one source). Linear in the event's words.

    In whole fractions (points times the number of mentions), so a title's sum is exact: summed as floats
    in the order a set gives its words, which follows Python's string hashing, a tie fell either way from
    one run to the next (0.1 + 0.2 above 0.3), and with it the title and the event's id."""
    words = words or _TitleWords()
    # the mentions by their word lists first: an event's repeats of one sentence count their words once
    groups: dict[tuple[int, int], tuple[EventMention, set[str], list[int]]] = {}
    for mention in mentions:
        lists = (id(mention.terms), id(mention.actors))
        group = groups.get(lists)
        if group is None:
            group = groups[lists] = (mention, set(), [0])
        group[1].add(mention.document)
        group[2][0] += 1
    sources: dict[str, set[str]] = {}
    sentences: dict[str, int] = {}
    for first, documents, (mentioned,) in groups.values():
        for word in words.of(first):
            found = sources.get(word)
            if found is None:
                sources[word], sentences[word] = set(documents), mentioned
            else:
                found |= documents
                sentences[word] += mentioned
    count = len(mentions)
    return {word: (len(sources[word]) - 1) * count + sentences[word] - 1 for word in sources}


def _pick_status(
    mentions: list[EventMention], when: DateValue | None = None, latest: dict[str, date] | None = None
) -> str:
    """Reported once any source tells it happened, else expected, else background.

    Against a plan, a report counts only from a source that could have seen the event: one published
    (at the latest) before the event's date cannot tell it happened, its past tense is a misreading.
    """
    statuses = {m.status for m in mentions}
    if when is not None and {"reported", "expected"} <= statuses:
        reporters = [m.document for m in mentions if m.status == "reported"]
        if all(_published_before(doc, when, latest or {}) for doc in reporters):
            statuses.discard("reported")
    return next((s for s in _STATUS_ORDER if s in statuses), "reported")


def _published_before(document: str, when: DateValue, latest: dict[str, date]) -> bool:
    bound = latest.get(document)
    return bound is not None and bound < when.start


def _normalise(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub(" ", text.lower()).strip()


def distinct_ids(events: list[Event]) -> list[Event]:
    """Give events that share an id (one source telling two happenings of a day under one title, e.g. a
    headline and a later sentence) ids of their own: the colliding key also hashes the event's first
    mention's place in its text, so ids stay stable across runs and unique within the timeline."""
    counts = Counter(e.id for e in events)
    for event in events:
        if counts[event.id] > 1 and event.mentions:
            first = min(event.mentions, key=lambda m: (m.document, m.sentence.start))
            event.id = (
                "ev-"
                + hashlib.sha1(f"{event.id}|{first.document}:{first.sentence.start}".encode()).hexdigest()[
                    :10
                ]
            )
    return events


def event_id(value: str | None, title: str, sources: list[str]) -> str:
    """``ev-`` + 10 hex digits of a hash of date, title and sources: stable across runs and input order."""
    key = "|".join([value or "undated", _normalise(title), ",".join(sorted(sources))])
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]

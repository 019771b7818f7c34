"""Issue #11: joining never re-dates a mention silently (its own date stays compatible with its event's,
or the event records that date as a conflict, from that mention's source)."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.merge import merge_mentions
from timeline.merge.dates import bounds
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, EventMention, Sentence, TimeExpression

THURSDAY, FRIDAY = "2026-03-05", "2026-03-06"
ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c", "d")]
TERMS = ["talk", "ceasefire", "continue", "harbour"]


def _statement(doc: str, value: str, text: str, source: str = "expression") -> EventMention:
    sentence = Sentence(doc, 0, 0, len(text), text, 0, 1)
    stated = source == "expression"
    return EventMention(
        document=doc,
        sentence=sentence,
        expression=TimeExpression(value, 0, 5, "DATE", value, None, "absolute") if stated else None,
        date=value_to_date(value),
        trigger="said",
        actors=["Norland"],
        subjects=["Norland"],
        terms=list(TERMS),
        title=text.rstrip("."),
        date_source=source,
        # a date implied by the paper's day may be the day before it
        earliest=None if stated else date.fromisoformat(value) - timedelta(days=1),
    )


def _silently_redated(events: list[Event]) -> list[EventMention]:
    found = []
    for event in events:
        listed = {(c.value, s) for c in event.conflicts for s in c.sources}
        for m in event.mentions:
            if m.date is None or event.date is None or m.date_source == "joined":
                continue
            start, end = bounds(m)
            if (
                not (start <= event.date.end and event.date.start <= end)
                and (m.date.value, m.document) not in listed
            ):
                found.append(m)
    return found


def _statements() -> list[EventMention]:
    return [
        _statement(
            "a", THURSDAY, "Minister Norland said Thursday the harbour ceasefire talks would continue."
        ),
        _statement(
            "b", THURSDAY, "Norland said on Thursday that ceasefire talks at the harbour would continue."
        ),
        _statement("c", FRIDAY, "Norland said here Friday that the harbour ceasefire talks would continue."),
    ]


def test_a_statement_dated_friday_by_its_own_sentence_is_never_shown_under_thursday_silently():
    events = merge_mentions(_statements(), ARTICLES)
    assert _silently_redated(events) == []
    friday = next(m for e in events for m in e.mentions if m.document == "c")
    assert friday.date.value == FRIDAY  # its own date is kept
    event = next(e for e in events if friday in e.mentions)
    # it leaves Thursday's statements, or stays with them only as a visible conflict
    assert event.date.value == FRIDAY or (FRIDAY, ["c"]) in [(c.value, c.sources) for c in event.conflicts]


def test_a_statement_dated_by_its_paper_may_sit_on_the_day_before_without_a_conflict():
    implied = _statement(
        "d", FRIDAY, "Norland said the harbour ceasefire talks would continue.", "publication-implicit"
    )
    events = merge_mentions([*_statements()[:2], implied], ARTICLES)
    assert _silently_redated(events) == []
    event = next(e for e in events if any(m.document == "d" for m in e.mentions))
    # Friday's paper may report Thursday: joining Thursday's statements is no re-dating, and no conflict
    assert event.date.value in (THURSDAY, FRIDAY)
    assert all(c.sources != ["d"] for c in event.conflicts)


def test_a_stated_friday_chained_to_thursday_through_the_papers_day_leaves_for_an_event_of_its_own():
    # the Friday lead and a later sentence of the same Friday paper (dated only by the paper: Friday or
    # Thursday); that sentence matches Thursday's statement, the lead does not: the lead must not follow it
    lead = _statement(
        "c", FRIDAY, "Norland said here Friday that the harbour ceasefire talks would continue."
    )
    later = _statement("c", FRIDAY, "Norland said the harbour talks were going well.", "publication-implicit")
    later.sentence = Sentence("c", 1, 100, 150, later.sentence.text, 0, 2)
    later.terms = ["talk", "harbour", "well"]
    thursday = _statement("a", THURSDAY, "Norland said Thursday the harbour talks were going well.")
    thursday.terms = ["talk", "harbour", "well"]
    events = merge_mentions([lead, later, thursday], ARTICLES)
    assert _silently_redated(events) == []
    (own,) = [e for e in events if lead in e.mentions]
    assert own.date.value == FRIDAY and [m.document for m in own.mentions] == ["c"]
    (joined,) = [e for e in events if thursday in e.mentions]
    assert joined.date.value == THURSDAY and joined.conflicts == []  # the paper's sentence may be Thursday's

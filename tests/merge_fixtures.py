"""Hand-made mentions for the merge tests: one sentence dated by its own expression (invented text only)."""

from __future__ import annotations

from datetime import timedelta

from timeline.build import build_timeline
from timeline.temporal.timex import value_to_date
from timeline.types import Article, EventMention, Sentence, TimeExpression


def plain_article(doc: str) -> Article:
    """Article ``doc`` with a placeholder text and no publication date."""
    return Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)])


def numbered_mention(
    doc: str,
    value: str | None,
    trigger: str,
    actors: list[str],
    terms: list[str],
    status: str = "reported",
    index: int = 0,
) -> EventMention:
    """A mention in sentence ``index`` of ``doc`` (placeholder text), dated ``value`` by an expression at the
    sentence's start, or undated when ``value`` is None."""
    sentence = Sentence(doc, index, index * 100, index * 100 + 50, f"{doc} sentence {index}", 0, index + 1)
    expression = None
    if value:
        expression = TimeExpression(value, index * 100, index * 100 + 5, "DATE", value, None, "absolute")
    return EventMention(
        document=doc,
        sentence=sentence,
        expression=expression,
        date=value_to_date(value) if value else None,
        trigger=trigger,
        actors=actors,
        terms=terms,
        status=status,
        title=f"{' and '.join(actors)} {trigger}",
        date_source="expression" if value else "none",
    )


def dated_mention(
    doc: str,
    value: str,
    text: str,
    trigger: str,
    actors: list[str],
    terms: list[str],
    places: list[str] | None = None,
    status: str = "reported",
    subjects: list[str] | None = None,
) -> EventMention:
    """The sentence ``text`` of article ``doc``, dated ``value`` by an expression at its start."""
    sentence = Sentence(doc, 0, 0, len(text), text, 0, 1)
    expression = TimeExpression(value, 0, 5, "DATE", value, None, "absolute")
    return EventMention(
        document=doc,
        sentence=sentence,
        expression=expression,
        date=value_to_date(value),
        trigger=trigger,
        actors=actors,
        terms=terms,
        status=status,
        title=text.rstrip("."),
        places=places or [],
        subjects=subjects,
    )


def blast_report(document: str, text: str) -> EventMention:
    """One outlet's report of an invented bombing in Eastport on 2031-03-07 (the merge tests' happening)."""
    terms = ["bomb", "attack", "bank", "death"]
    return dated_mention(document, "2031-03-07", text, "exploded", ["Eastport"], terms, places=["Eastport"])


def blast_reports() -> list[EventMention]:
    """Three outlets' reports of the Eastport bombing, worded apart (the retelling tests' happening)."""
    return [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
        blast_report(
            "c", "On March 7 a bomb exploded at the Eastport bank, killing 12 people and two guards."
        ),
    ]


def dated_by_paper(mention: EventMention) -> EventMention:
    """``mention`` as a past sentence that states no date: dated by its paper's day (its date), which
    allows the day before (``earliest``), as the events stage dates such a sentence."""
    mention.expression = None
    mention.date_source = "publication-implicit"
    mention.date_rule = "publication-implicit.past"
    mention.earliest = mention.date.start - timedelta(days=1)
    return mention


def events_of(articles: list[Article]) -> dict[str, set[str]]:
    """Build ``articles``; each article -> the ids of the events holding its sentences."""
    events: dict[str, set[str]] = {a.id: set() for a in articles}
    for event in build_timeline(articles).events:
        for mention in event.mentions:
            events[mention.document].add(event.id)
    return events

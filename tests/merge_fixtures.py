"""Hand-made mentions for the merge tests: one sentence dated by its own expression (invented text only)."""

from __future__ import annotations

from timeline.temporal.timex import value_to_date
from timeline.types import EventMention, Sentence, TimeExpression


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

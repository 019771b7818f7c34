"""The ``--explain`` text: how each mention got its date, in words.

Built only from what the temporal stage recorded on each ``TimeExpression``
(``anchor``, ``anchor_value``, ``anchor_text``, ``rule``, ``mod``) and the
article's ``Published`` source and evidence, so it shows the real derivation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from timeline.render.common import clean, published_text, shorten
from timeline.temporal.timex import date_to_value, value_to_date
from timeline.types import (
    GRANULARITIES,
    Article,
    DateValue,
    DayRanking,
    Event,
    EventMention,
    JoinReason,
    Published,
    SummarySentence,
    TimeExpression,
    Timeline,
)

_MAX_CHAIN = 4  # "relative to X, which is relative to Y ..." stops here, in case of a cycle
_EVIDENCE_LIMIT = 70

_STEP_UNITS = ("day", "week", "month", "year")  # units a relative expression steps by ("last week")


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def _units_between(anchor: DateValue, target: DateValue, unit: str) -> int:
    if unit == "day":
        return (target.start - anchor.start).days
    if unit == "week":
        return (target.start - anchor.start).days // 7
    if unit == "month":
        return (target.start.year - anchor.start.year) * 12 + target.start.month - anchor.start.month
    return target.start.year - anchor.start.year


def relation(value: str | None, anchor_value: str | None) -> str:
    """How ``value`` sits relative to ``anchor_value``: ``1 day before``, ``within`` ... or ``""``.

    The anchor is first widened to the target's unit, so "last week" said on a Wednesday reads
    "1 week before" that Wednesday, whatever the weekday.
    """
    if not value or not anchor_value:
        return ""
    target, anchor = value_to_date(value), value_to_date(anchor_value)
    if target is None or anchor is None:
        return ""
    rank = GRANULARITIES.index
    unit = target.granularity
    if rank(anchor.granularity) > rank(unit):
        return "within" if anchor.contains(target) else ""
    if unit not in _STEP_UNITS or (unit == "day" and target.value != target.start.isoformat()):
        return ""  # weekends, week-days: no single step to describe
    widened = value_to_date(date_to_value(anchor.start, unit))
    if widened is None:  # e.g. an ISO week outside the calendar at year 1
        return ""
    return _offset(_units_between(widened, target, unit), unit)


def _offset(amount: int, unit: str) -> str:
    if amount == 0:
        return f"the same {unit} as"
    direction = "before" if amount < 0 else "after"
    return f"{_count(abs(amount), unit)} {direction}"


def published_evidence(published: Published, limit: int | None = _EVIDENCE_LIMIT) -> str:
    """``header: " date 2022-02"``: where the publication date came from (``limit=None``: all of it)."""
    evidence = ""
    if published.evidence:
        evidence = clean(published.evidence) if limit is None else shorten(published.evidence, limit)
    return f"{published.source}: {evidence}" if evidence else published.source


def _anchor_phrase(
    expression: TimeExpression,
    article: Article | None,
    expressions: list[TimeExpression],
    depth: int,
) -> str:
    """The part after the colon: why the expression has its value."""
    kind = expression.anchor
    if kind == "absolute":
        return "stated in full in the text"
    if kind == "unresolved" or expression.value is None:
        return f"could not be resolved: {unresolved_reason(article)}"
    rel = relation(expression.value, expression.anchor_value)
    if kind == "publication":
        return _publication_phrase(rel, expression.anchor_value, article)
    if kind == "mention":
        return _mention_phrase(expression, rel, article, expressions, depth)
    return f"anchored by {kind}"


def unresolved_reason(article: Article | None) -> str:
    """Why a relative expression in ``article`` found no anchor, as far as the article tells."""
    if article is None:
        return "no date to anchor it to"
    published = article.published
    if published.value is None:
        if published.earliest or published.latest:
            return f"the article's publication date is only known as a range ({published_text(article)})"
        return "the article has no publication date"
    when = value_to_date(published.value)
    if when is not None and GRANULARITIES.index(when.granularity) > GRANULARITIES.index("day"):
        # "on Monday" needs a day; a month-only publication date cannot place it
        return f"the publication date {published.value} is too coarse and no earlier mention anchors it"
    return "no earlier mention to anchor it"


def _publication_phrase(rel: str, anchor_value: str | None, article: Article | None) -> str:
    anchor = f"the publication date {anchor_value}" if anchor_value else "the publication date"
    if rel == "within":
        phrase = f"completed from {anchor}"
    elif rel:
        phrase = f"{rel} {anchor}"
    else:
        phrase = f"relative to {anchor}"
    if article is not None:
        # the derivation is what --explain is for: an inferred date's evidence is shown whole
        phrase += f" ({published_evidence(article.published, limit=None)})"
    return phrase


def _mention_phrase(
    expression: TimeExpression,
    rel: str,
    article: Article | None,
    expressions: list[TimeExpression],
    depth: int,
) -> str:
    anchor_text = f'"{expression.anchor_text}"' if expression.anchor_text else "an earlier date"
    if expression.anchor_value:
        anchor_text += f" ({expression.anchor_value})"
    phrase = f"completed from {anchor_text}" if rel == "within" else f"{rel or 'relative to'} {anchor_text}"
    earlier = _find_anchor(expression, expressions)
    if earlier is not None and depth < _MAX_CHAIN:
        phrase += ", which is " + _anchor_phrase(earlier, article, expressions, depth + 1)
    return phrase


def _find_anchor(expression: TimeExpression, expressions: list[TimeExpression]) -> TimeExpression | None:
    """The earlier expression this one was anchored to: nearest preceding one with that text and value."""
    if not expression.anchor_text:
        return None
    wanted = expression.anchor_text.casefold()
    candidates = [
        other
        for other in expressions
        if other is not expression
        and other.text.casefold() == wanted
        and other.value == expression.anchor_value
        and (other.start, other.end) != (expression.start, expression.end)
    ]
    if not candidates:
        return None
    before = [c for c in candidates if c.start < expression.start]
    return max(before, key=lambda c: c.start) if before else candidates[0]


def explain_anchor(
    expression: TimeExpression,
    article: Article | None = None,
    expressions: list[TimeExpression] | None = None,
) -> str:
    """Why the expression has its value: ``1 day before "Wednesday" (2022-02-16), which is ... [rule x]``."""
    text = _anchor_phrase(expression, article, expressions or [], 0)
    extras = []
    if expression.mod:
        extras.append(f"mod {expression.mod}")
    if expression.rule:
        extras.append(f"rule {expression.rule}")
    if extras:
        text += f" [{', '.join(extras)}]"
    return clean(text)


def explain_expression(
    expression: TimeExpression,
    article: Article | None = None,
    expressions: list[TimeExpression] | None = None,
) -> str:
    """``"the day before" → 2022-02-15: 1 day before "Wednesday" (2022-02-16), which is ... [rule x]``."""
    value = expression.value or "?"
    return f'"{shorten(expression.text, 60)}" → {clean(value)}: ' + explain_anchor(
        expression, article, expressions
    )


def explain_mention(
    mention: EventMention,
    article: Article | None = None,
    expressions: list[TimeExpression] | None = None,
) -> str:
    """How one mention was dated (or why it was not), and why it joined its event."""
    text = _how_dated(mention, article, expressions)
    if mention.join is not None:
        text += "; " + join_text(mention.join)
    return text


def join_text(reason: JoinReason) -> str:
    """``joined because shared actors ...; shared terms ...; same date (...)`` with the confidence."""
    parts: list[str] = []
    if reason.actors:
        parts.append("shared actors " + ", ".join(reason.actors))
    if reason.terms:
        parts.append("shared terms " + ", ".join(reason.terms))
    if reason.quoted:
        parts.append("quoted words in common " + ", ".join(f'"{shorten(q, 60)}"' for q in reason.quoted))
    if reason.date:
        parts.append(reason.date)
    parts.append(f"wording similarity {reason.similarity:.2f}")
    return clean(f"joined because {'; '.join(parts)} (confidence {reason.confidence:.2f})")


def _how_dated(
    mention: EventMention,
    article: Article | None = None,
    expressions: list[TimeExpression] | None = None,
) -> str:
    if mention.date_source == "joined":
        dated = f" ({clean(mention.date.value)})" if mention.date else ""
        return f"no date in this sentence; took the date of the event it was merged with{dated}"
    if mention.date_source in IMPLICIT_REASONS and mention.date is not None:
        return implicit_reason(mention)
    if mention.expression is None:
        unresolved = unresolved_in_sentence(mention, expressions or [])
        if unresolved:
            quoted = ", ".join(f'"{shorten(e.text, 60)}"' for e in unresolved)
            return clean(f"{quoted} could not be resolved: {unresolved_reason(article)}")
        return "no time expression in this sentence"
    text = explain_expression(mention.expression, article, expressions)
    if mention.date_rule == DAY_ROLE:
        text += "; the day is named as a deadline or a date, so it dates that noun, not the act of its clause"
    return text


DAY_ROLE = "expression.day-role"  # ``timeline.events.beside.DAY_ROLE`` (render does not import events)


# Why a clause without a date of its own got one (``EventMention.date_rule``, its part after the dot).
IMPLICIT_REASONS = {"publication-implicit", "narrative"}
_WHY = {
    "lead": "a news lead reports the news of its publication day",
    "perfect": "a present-perfect report is news of its publication day",
    "report-present": "a report in the present tense is news of its publication day",
    "progressive": "what is going on as the article is written is news of its publication day",
    "present": "a statement in the present tense holds on its publication day",
    "past": "a past-tense report with no other day before it is news of its publication day",
    "state": 'a condition the article reports as holding now ("is in custody", "still has") is news '
    "of its publication day",
    "beside-date": "the sentence's date belongs to what the clause names, and a clause told in the present "
    '("expects", "has invited") is news of its publication day',
    "beside-plan": "the sentence's days all lie after its publication and date what is planned, and the "
    "report of the plan is news of its publication day",
    "market-close": "a market close told without a day is the last trading session before publication",
}


def implicit_reason(mention: EventMention) -> str:
    """ "no date in the sentence: a news lead reports the news of its publication day, 2022-02-15 (it may
    be the day before, 2022-02-14)"; for a narrative date, the day the sentence before it told."""
    assert mention.date is not None
    value = clean(mention.date.value)
    why = mention.date_rule.partition(".")[2]
    if why == "quotation":
        return (
            f"no date in the sentence: a quotation standing alone is words of its speaker's statement "
            f"beside it, dated {value}"
        )
    if mention.date_source == "narrative":
        return (
            f"no date in the sentence: it goes on with the story of {value}, "
            "the day the sentence before it tells"
        )
    earlier = f" (it may be the day before, {mention.earliest.isoformat()})" if mention.earliest else ""
    reason = _WHY.get(why, "a news report without a date of its own is news of its publication day")
    if why in ("beside-date", "beside-plan"):
        return f"no date of its own in the clause: {reason}, {value}{earlier}"
    return f"no date in the sentence: {reason}, {value}{earlier}"


def copy_notes(event: Event, timeline: Timeline, name: Callable[[str], str]) -> list[str]:
    """Why some text of ``event`` is not counted again: the re-sent copies that repeat its sentences,
    and the originals of the copies among its sources (``name`` labels an article id)."""
    documents = {doc.id: doc for doc in timeline.documents}
    quoted: dict[str, list[str]] = defaultdict(list)  # the sentences each article has in the event
    for m in event.mentions:
        quoted[m.document].append(_flat(m.sentence.text))
    notes = []
    for copy, original in sorted(timeline.copies.items()):
        if copy in quoted:
            notes.append(
                f"{name(copy)} repeats most of the text of {name(original)}: its sentences quoted here are "
                "its own, dated from its own publication date"
            )
        elif original in quoted and copy in documents:
            text = _flat(documents[copy].text)
            if any(sentence in text for sentence in quoted[original]):
                published = documents[copy].published.value or published_text(documents[copy])
                notes.append(
                    f"{name(copy)}, published {published}, repeats these sentences of {name(original)}: "
                    "not counted again, nor dated again from its own publication date"
                )
    return notes


def _flat(text: str) -> str:
    return " ".join(text.split())


def unresolved_in_sentence(mention: EventMention, expressions: list[TimeExpression]) -> list[TimeExpression]:
    """The article's unresolved expressions inside the mention's sentence, in text order.

    They explain an undated mention better than "no time expression": the sentence had one, it just
    could not be turned into a date.
    """
    sentence = mention.sentence
    inside = [
        e
        for e in expressions
        if (e.anchor == "unresolved" or e.value is None)
        and e.type in ("DATE", "TIME")
        and sentence.start <= e.start
        and e.end <= sentence.end
    ]
    return sorted(inside, key=lambda e: (e.start, e.end))


def explain_summary_sentence(sentence: SummarySentence) -> str:
    """Why a summary sentence (``--top``) summarises its date, in words."""
    what = "the headline" if sentence.headline else "the opening"
    if sentence.dated_by == "expression":
        return f"it names the day: “{clean(sentence.expression or '')}”"
    if sentence.dated_by == "publication":
        return f"{what} of an article published that day"
    if sentence.dated_by == "publication-next-day":
        return f"{what} of an article published the day after (a morning-after report)"
    return "a sentence about the day"


def explain_ranking(ranking: DayRanking) -> str:
    """Why a summary keeps its day, in words: its rank and the evidence behind its score."""
    parts = [f"{_count(ranking.naming, 'article')} name{'s' if ranking.naming == 1 else ''} it"]
    if ranking.naming_later:
        months = f", over {_count(ranking.months_recalled, 'month')}" if ranking.months_recalled > 1 else ""
        parts[0] += f" ({ranking.naming_later} more than a week later{months})"
    if ranking.published:
        parts.append(f"{_count(ranking.published, 'article')} published that day")
    if ranking.retold:
        parts.append(f"{_count(ranking.retold, 'later article')} retelling it without naming it")
    parts.extend(ranking.reductions)
    ranked = f"ranked {ranking.rank} of {ranking.candidates} days with evidence (score {ranking.score:g})"
    return f"{ranked}: " + "; ".join(parts)

"""The narrative reference time: which year a year-less date belongs to when the text tells a past period.

A text that tells a past period ("In December 1940 the army crossed the border. In March, it reached the
river.") dates its year-less expressions from the story, not from the publication date: "March" is the
March after the last date the story gave (1941-03).  A news article does the same in its background
paragraphs ("The war began in 1998. In March, ...") and goes back to the publication date when it returns
to the news of the day ("On Tuesday, the minister said ...").  There is no mode to choose: each year-less
expression weighs the signals below and takes the story's reference time or the publication date.

* **The reference time** is the last date the text gave with its year (an absolute date: "1998",
  "December 1940", "July 14, 1941", or one counted from such a date: "the next day", or a year-less date
  already placed in the story).  It carries forward across sentences and paragraphs as the story moves on.
* **Back to the present.** A date counted from the publication date near it ("Tuesday", "yesterday",
  "this week", "last month") ends the story: later year-less dates take the publication date until the
  text gives another year.  So does such a word in the expression's own sentence ("In March, the minister
  said on Tuesday ..." is this year's March).
* **Tense of the governing verb.** A future, a present ("is", "meets") or a present perfect ("has
  closed since March") speaks from the publication date.  A simple past or past perfect, or no verb cue,
  continues the story.
* **Not after publication.** A past-tense date of the story cannot lie after the publication date; if
  the story's reading would, the publication date decides.
* **Narrative order.** A story is told forward: after the reference month, a month name is the next
  such month ("In December 1940 ... In March" is 1941-03; "In September 1944 ... by June" is 1945-06),
  unless the text says it looks back ("earlier", "previously", "before that").  A past perfect does not:
  "By December they had retreated" is December itself.  A year alone ("in 1998") is a period: "In March"
  after it is March 1998.  In a news article the publication date bounds the story: "Nov. 14, 2003 ...
  In September" read in January 2004 is September 2003.

Every date resolved this way records its anchor: kind ``mention``, the reference expression's value and
text, and a rule id ending in ``.narrative``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.temporal.anchor import forward_tense, nearest_cue, tense_cues
from timeline.temporal.recognise import noun_modifier
from timeline.types import DateValue, TimeExpression

if TYPE_CHECKING:
    from timeline.temporal.normalise import Context

NARRATIVE = ".narrative"

# Granularities a reference time may have: "the 1990s" is too vague to place a month in.
_REFERENCE_GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "year")
# A publication-anchored date this close to publication is the news of the day.
_PRESENT_DAYS = 31
# A reference this coarse ("that year") may only restate a finer one just before it ("July 14").
_COARSE = ("quarter", "season", "year")

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# Words of the news of the day in a sentence: "today", "this week", "on Tuesday" (a day name not part
# of a full date such as "Sunday, December 7, 1941").
_PRESENT_NEWS = re.compile(
    rf"\b(?:today|yesterday|tomorrow|tonight|(?:this|last|next)\s+(?:week|month)"
    rf"|{_WEEKDAY}(?!,?\s+(?:the\s+)?\d|,?\s+[A-Z][a-z]+\.?\s+\d))\b"
)
_PERFECT = {"has", "have", "'s", "'ve"}
_PERFECT_BEFORE = re.compile(
    r"\b(?:has|have|'ve)\s+(?:not\s+|never\s+|\w+ly\s+)?\w+(?:\s+\S+){0,6}\s+$", re.I
)
_LOOK_BACK_BEFORE = re.compile(r"\b(?:earlier|previously|before\s+that)\b[^.;]{0,40}$", re.IGNORECASE)


@dataclass(frozen=True)
class Reference:
    """The story's reference time at some point of the text."""

    expr: TimeExpression
    span: DateValue


# A date bounding a period that reaches the present is not a point of the story: "profits have doubled
# since 1980", "a trustee until 1974", "shootings dating to 1994", "assets as of Sept. 30".
_PERIOD_BOUND_BEFORE = re.compile(
    r"\b(?:since|until|till|through|thru|(?:dating|going|goes|dates)(?:\s+back)?\s+to|back\s+to|as\s+of"
    r"|as\s+early\s+as)\s+$",
    re.IGNORECASE,
)

_OPENS_SENTENCE = re.compile(
    r"[\s\"'“‘(]*(?:(?:and|but|then|later|by|in|on|at|during|from|until|early|late|the\s+end\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of)\s+)*",
    re.IGNORECASE,
)
# "Since the index was launched in 1984, ...", "Although he died in 2014, ...": a period reaching today, or
# a concession set against the news.
_SINCE_CLAUSE_BEFORE = re.compile(r"\b(?:since|although|though|whereas)\b[^,;:.]*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(
    r"\b(?:between\s+(?:\S+\s+){0,3}?(?:and\s+)?|from\s+(?:\S+\s+){0,3}?(?:to|until|till|through)\s+)$"
    r"|\bfrom\s+$(?=\S+\s+(?:to|until|till|through)\b)",
    re.IGNORECASE,
)
_SPAN_START = re.compile(r"\s+(?:to|until|till|through)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# A date the text reports a state at ("assets as of Sept. 30") is a reporting date, not the story's.
_AS_OF_BEFORE = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)


def sets_reference(expr: TimeExpression, span: DateValue, ctx: Context) -> bool:
    """Whether ``expr`` gives the story a reference time: a date with its year written, or placed from
    such a date ("the next day", a year-less date of the story), dating its clause rather than a noun
    ("the 1998 war") and not bounding a period ("since 1980")."""
    if expr.type not in ("DATE", "TIME") or span.granularity not in _REFERENCE_GRANULARITIES:
        return False
    if expr.anchor == "mention" and id(expr) not in _story_expressions(ctx):
        return False
    if expr.anchor not in ("absolute", "mention"):
        return False
    if _PERIOD_BOUND_BEFORE.search(ctx.text, max(0, expr.start - 25), expr.start):
        return False
    if _SINCE_CLAUSE_BEFORE.search(
        ctx.text, max(ctx.layout.sentence(expr.start)[0], expr.start - 80), expr.start
    ):
        return False  # "Since the index was launched in 1984, ...": the start of a period reaching today
    if (
        _BETWEEN_BEFORE.search(ctx.text, max(0, expr.start - 40), expr.start)
        or _SPAN_START.match(ctx.text, expr.end)
        and re.search(r"\bfrom\s+$", ctx.text[max(0, expr.start - 6) : expr.start], re.IGNORECASE)
    ):
        return False  # "between 1998 and 2005", "from 1993 until 2009": a span, not a point of the story
    if _POSSESSIVE_BEFORE.search(ctx.text, max(0, expr.start - 4), expr.start) and _NOUN_AFTER.match(
        ctx.text, expr.end
    ):
        return False  # "Johnson's 1999 mark": the year names a record, not the story's time
    if _ARTICLE_BEFORE.search(ctx.text, max(0, expr.start - 5), expr.start):
        return False  # "the Dec. 21, 1988, bombing": the date names an event, it does not date the clause
    if _in_relative_clause(ctx, expr.start) or _in_opening_participle(ctx, expr):
        return False
    return not noun_modifier(ctx.text, ctx.layout, expr.start, expr.end, expr.type)


# A relative clause ("the treaty, which was signed in 1987", "a program approved by the board in 1987")
# dates its noun's event, an aside of the sentence, not the point the story has reached.
_RELATIVE_PRONOUN = re.compile(
    r"\b(?:which|who|whom|whose)\b"
    r"|\b(?<!said )(?<!says )that\s+(?:was|were|had|happened|began|started|ended|took)\b",
    re.IGNORECASE,
)
_REDUCED_PASSIVE = re.compile(
    r"\b(?!(?:was|were|is|are|be|been|being|has|have|had)\s)\w+\s+[a-z]{3,}ed\s+by\s+[^,;]{1,40}$"
)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]")


def _in_relative_clause(ctx: Context, pos: int) -> bool:
    s_start, _ = ctx.layout.sentence(pos)
    before = ctx.text[max(s_start, pos - 120) : pos]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    return bool(_RELATIVE_PRONOUN.search(clause) or _REDUCED_PASSIVE.search(clause))


# "Set up in 2002, the court issued its first verdicts in June": a participle clause opening the sentence
# describes its subject's past, not the point the story has reached.
_OPENING_PARTICIPLE = re.compile(
    r"[\s\"'“‘(]*(?:[A-Z][a-z]+ed|Set|Built|Born|Made|Held|Sold|Led|Won|Begun|Taken|Founded)\b[^,;.!?]*$"
)


def _in_opening_participle(ctx: Context, expr: TimeExpression) -> bool:
    s_start, s_end = ctx.layout.sentence(expr.start)
    if not _OPENING_PARTICIPLE.fullmatch(ctx.text, s_start, expr.start):
        return False
    return bool(re.match(r"[^,;.!?]{0,30},", ctx.text[expr.end : s_end]))


def _story_expressions(ctx: Context) -> set[int]:
    """ids of the expressions resolved so far that belong to a story: absolute dates, and those anchored
    on one (transitively).  "a year earlier" counted from the publication date's quarter is not.
    Kept up to date incrementally on the context (mentions only grow, in text order), when asked: a
    mention is judged by the mentions before it only, so catching up later gives the same set."""
    story, by_anchor = ctx.story_ids, ctx.story_by_anchor
    for _, expr, _ in ctx.mentions[ctx.story_seen :]:
        # (the anchor is looked up for a "mention" only: most mentions are not one)
        anchor = expr.anchor
        if anchor == "absolute" or (anchor == "mention" and by_anchor.get(_anchor_key(expr)) in story):
            story.add(id(expr))
        by_anchor[(expr.text, expr.value or "")] = id(expr)
    ctx.story_seen = len(ctx.mentions)
    return story


def _anchor_key(expr: TimeExpression) -> tuple[str, str]:
    return (expr.anchor_text or "", expr.anchor_value or "")


def is_present_day(expr: TimeExpression, span: DateValue, ctx: Context) -> bool:
    """Whether ``expr`` is the news of the day: counted from the publication date, and near it."""
    if expr.anchor != "publication" or ctx.pub is None or expr.rule.endswith(NARRATIVE):
        return False
    if span.granularity not in ("time", "day", "week", "month"):
        return False
    return span.start - timedelta(days=_PRESENT_DAYS) <= ctx.pub.end and (
        ctx.pub.start - timedelta(days=_PRESENT_DAYS) <= span.end
    )


def reference_at(ctx: Context, pos: int) -> Reference | None:
    """The story's reference time before ``pos``; None when there is none or the text came back to the
    news of the day since."""
    paragraph = ctx.layout.paragraph(pos)
    found: Reference | None = None
    for para, expr, span in reversed(ctx.mentions):
        if expr.start >= pos:
            continue
        if para < paragraph - 1 or is_present_day(expr, span, ctx):
            break
        if sets_reference(expr, span, ctx):
            if found is None:
                found = Reference(expr, span)
            elif found.span.contains(span) and span.granularity != found.span.granularity:
                return Reference(expr, span)  # "On July 14 ... Later that year": the story is still in July
            if found.span.granularity not in _COARSE:
                return found
    return found


def story_reference(
    ctx: Context, start: int, end: int, *, period_of_story: bool = False
) -> tuple[Reference, bool] | None:
    """(reference, looks back) when the year-less expression at [start, end) belongs to the story.

    None when the text has no story reference here, or the expression speaks from the publication date:
    a word of the news of the day in its sentence, a future, present or present perfect verb.
    ``period_of_story``: the expression names the story's own period ("the decade"), which a plan made in
    the story ("before the end of the decade") does not leave.
    """
    ref = reference_at(ctx, start)
    # "the late-November trip": a known event
    if ref is None or noun_modifier(ctx.text, ctx.layout, start, end, "DATE"):
        return None
    if _passing_year(ctx, ref, start):
        return None
    if _AS_OF_BEFORE.search(ctx.text, max(0, start - 8), start):
        return None
    s_start, s_end = ctx.layout.sentence(start)
    if _PRESENT_NEWS.search(ctx.text, s_start, start) or _PRESENT_NEWS.search(ctx.text, end, s_end):
        return None
    cue = nearest_cue(ctx.text, start, end, ctx.layout)
    # A plan within the story ("asked Congress to land a man on the Moon before the end of the decade") still
    # names the story's decade; only a month or day it points to may lie after the story's time.
    if not period_of_story and forward_tense(ctx.text, start, ctx.layout, cue) == "future":
        return None
    if cue is not None and (cue[0] != "past" or cue[1].lower() in _PERFECT):
        return None
    if cue is not None and _PERFECT_BEFORE.search(ctx.text, max(s_start, start - 60), start):
        return None  # "they have not met since November": a present perfect speaks from today
    if _verbless_brackets(ctx, start, end, s_start, s_end):
        return None  # a citation in brackets ("(War wounds, 1 March, page 18)"): not the story
    # Not a past perfect: "By December they had retreated" is December itself.
    looks_back = bool(_LOOK_BACK_BEFORE.search(ctx.text, max(s_start, start - 50), start))
    return ref, looks_back


# Words only news of the day uses: a text with any of them counts its day names from publication.
_NEWS_OF_THE_DAY = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?:this|last|next)\s+week)\b|\b(?:said|says|told)\s+(?:on\s+)?"
    rf"{_WEEKDAY}\b|\b{_WEEKDAY},?\s+(?:said|told)\b",
    re.IGNORECASE,
)


def story_weekday(ctx: Context, start: int, end: int, weekday: int) -> tuple[date, Reference] | None:
    """The day a bare day name names in a story told in the past ("On Sunday, December 7, 1941, ... On
    Monday, Congress declared war": the Monday after), if the text tells one here.

    Only in a text without a publication date that never speaks of the news of the day ("today", "this
    week", "said Tuesday").  With a publication date, news names the days around it even right after a
    paragraph retelling an old date ("... on 14 February 2013. In court on Wednesday, the judge said"): on
    the Entities articles, 3 of the 4 day names this rule placed in a story there were news of the week.
    """
    if ctx.pub is not None:
        return None
    found = story_reference(ctx, start, end)
    if found is None or found[0].span.granularity not in ("day", "time"):
        return None
    ref = found[0]
    if ctx.layout.news_of_the_day is None:
        ctx.layout.news_of_the_day = bool(_NEWS_OF_THE_DAY.search(ctx.text))
    if ctx.layout.news_of_the_day:
        return None
    ahead = (weekday - ref.span.start.isoweekday()) % 7
    return ref.span.start + timedelta(days=ahead), ref


def _passing_year(ctx: Context, ref: Reference, start: int) -> bool:
    """News mentions years in passing ("his last concert was in 2004. He died in January"): in a text that
    speaks of the present, a year alone carries to a later sentence only when the date opens that sentence,
    the way a story moves on ("The war began in 1998. In March, rebels took the capital").  Any story date
    carries into a new paragraph of news only that way: a paragraph that does not open with a date is
    back to the news ("... the currency collapsed in October 1981. / Inflation fell in September")."""
    if not _is_news(ctx):
        return False
    new_paragraph = ctx.layout.paragraph(ref.expr.start) != ctx.layout.paragraph(start)
    if ref.span.granularity != "year" and not new_paragraph:
        return False
    if ctx.layout.sentence_index(ref.expr.start) == ctx.layout.sentence_index(start):
        return False
    return not _OPENS_SENTENCE.fullmatch(ctx.text, ctx.layout.sentence(start)[0], start)


# News of the day: words only a text about the present uses, or a day name not part of a full date.
_NEWS_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight"
    r"|(?:this|last|next)\s+(?:week|weekend|month|year|summer|winter|spring|autumn|fall))\b"
    rf"|{_PRESENT_NEWS.pattern}",
    re.IGNORECASE,
)


def _is_news(ctx: Context) -> bool:
    """Whether the text speaks of the news of the day anywhere (see ``story_reference``)."""
    if ctx.layout.speaks_of_today is None:
        ctx.layout.speaks_of_today = bool(_NEWS_WORDS.search(ctx.text))
    return ctx.layout.speaks_of_today


def _verbless_brackets(ctx: Context, start: int, end: int, s_start: int, s_end: int) -> bool:
    """Whether [start, end) sits in brackets that hold no verb of their own."""
    opening = ctx.text.rfind("(", s_start, start)
    if opening < 0 or ctx.text.rfind(")", opening, start) >= 0:
        return False
    closing = ctx.text.find(")", end, s_end)
    inside = ctx.text[opening + 1 : start] + " " + ctx.text[end : closing if closing >= 0 else s_end]
    return not tense_cues(inside)


def month_year(ref: DateValue, month: int, looks_back: bool) -> int:
    """The year of ``month`` in the story after the reference ``ref`` (see the module docstring)."""
    if ref.granularity == "year":
        return ref.start.year
    last = ref.end  # the story has reached the end of a season or quarter it named
    if looks_back:
        return last.year - (1 if month > last.month else 0)
    return last.year + (1 if month < last.month else 0)


def within_publication(day: date, ctx: Context) -> bool:
    """A date of a story told in the past cannot lie after the publication date."""
    return ctx.pub is None or day <= ctx.pub.end

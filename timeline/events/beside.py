"""Clauses beside a dated clause: which of a sentence's other clauses are news of their own day.

A sentence often holds a clause dated by its own expression and another act without a date: a closing
statement (", the company said") beside a clause dated only to a month, a present-tense clause whose past
date belongs to something it names ("expects sales to grow from 20% last year"), a report beside the days
of what it plans ("said it will redeem its notes on Dec. 7"), a main clause coordinated after background,
a market move told without its day.  Each rule here says when such a clause is dated
like an undated report (``implicit.implicit_date``) and with which rule id, so ``--explain`` can say why.
A day named as a deadline ("set Friday as the deadline") is that deadline's, not its clause's (``day_role``).
"""

from __future__ import annotations

import re
from datetime import timedelta

from timeline.events.analysis import _Analysis, _token_of
from timeline.events.implicit import (
    PERFECT,
    PRESENT,
    PROGRESSIVE,
    PUBLICATION_IMPLICIT,
    REPORT_PRESENT,
    STATE,
    ImplicitDate,
    MainVerb,
    closing_report,
    coordinated_verb,
)
from timeline.types import DateValue, EventMention, TimeExpression

DAY_ROLE = "expression.day-role"  # ``date_rule`` of a deadline dated by the day named as it (``day_role``)
# "set Friday as the deadline", "chose May 2 as the date of the vote": a day named for a role
_DAY_ROLES = frozenset({"deadline", "date", "day", "target", "cutoff", "limit"})
_ROLE_DETERMINERS = frozenset({"the", "a", "its", "their", "his", "her", "new"})
# "gave Acme a deadline of Friday": a role noun whose "of" names the day ("the day of" names others)
_ROLES_OF_A_DAY = frozenset({"deadline", "target", "cutoff"})
_OBJECT_REACH = 4  # tokens from a verb of setting to the role noun it sets ("gave Acme a new deadline")


def day_role(analysis: _Analysis, expression: TimeExpression) -> int | None:
    """The role noun when a verb names a day as a deadline or a date: "set Friday as the deadline for the
    sale", "designated May 2 as the day of the vote", "gave Acme a deadline of Friday".  The day dates
    that deadline (the noun's phrase says what it is for), not the verb's act: the deadline was set on
    another day.  A day after a preposition is not named as a role ("on Monday as the day wore on"),
    nor a deadline that is not the verb's object ("ahead of the deadline of Friday": the clause's act
    is not the deadline)."""
    tokens = analysis.tokens
    first = _token_of(analysis, expression.start)
    if first >= 2 and tokens[first - 1].lower == "of" and tokens[first - 2].lower in _ROLES_OF_A_DAY:
        return first - 2 if _object_of_verb(analysis, first - 2) else None
    return _role_after(analysis, first, _token_of(analysis, expression.end - 1))


def _role_after(analysis: _Analysis, first: int, last: int) -> int | None:
    """The role noun of "<verb> <day> as the deadline", the day's tokens ``first`` to ``last``."""
    tokens = analysis.tokens
    if first == 0 or not analysis.verbs[first - 1] or (first - 1) in analysis.ignored:
        return None
    role = last + 3
    if role >= len(tokens) or tokens[last + 1].lower != "as":
        return None
    if tokens[last + 2].lower not in _ROLE_DETERMINERS:
        return None
    return role if tokens[role].lower in _DAY_ROLES and not analysis.verbs[role] else None


def named_as_role(analysis: _Analysis, first: int, end: int) -> bool:
    """Tokens ``[first, end)`` are a day a verb names as a deadline or a date ("set March 24 as the
    deadline", "gave Acme a deadline of May 2", the "of" with the day): a title keeps them, what its act
    set."""
    tokens = analysis.tokens
    if first >= 1 and tokens[first].lower == "of" and tokens[first - 1].lower in _ROLES_OF_A_DAY:
        return _object_of_verb(analysis, first - 1)
    return _role_after(analysis, first, end - 1) is not None


def _object_of_verb(analysis: _Analysis, noun: int) -> bool:
    """A verb stands a few words before the noun with only its object's words between ("set a new
    deadline", "gave Acme a deadline"), no preposition or punctuation."""
    for i in range(noun - 1, max(noun - 1 - _OBJECT_REACH, -1), -1):
        if analysis.verbs[i] and i not in analysis.ignored:
            return True
        word = analysis.tokens[i].lower
        if not word.isalpha() or word in _PREPOSITIONS:
            return False
    return False


_PREPOSITIONS = frozenset(
    {"of", "by", "to", "for", "with", "ahead", "before", "after", "at", "on", "in", "under"}
)


def only_background(triggers: dict[int, EventMention]) -> bool:
    """The sentence's clause dates are all background or coarser than a day: news may stand beside them
    ("Acme, founded in 1978, unveiled ..."); beside a clause dated to a recent day, an undated main clause
    is weak evidence (on TBAQ such clauses got the publication day wrong two times in three)."""
    return all(
        m.status == "background" or (m.date is not None and m.date.granularity not in ("day", "time"))
        for m in triggers.values()
    )


def complement_date(analysis: _Analysis, verb: MainVerb, mention: EventMention) -> bool:
    """A date that sits deep in what was said ("Kavan said he was in Kell in 1968", "Leon speculated that
    ... in 1984"), not beside the verb ("said Tuesday", "said on Tuesday that"): it dates the reported
    clause, not the statement."""
    if mention.expression is None:
        return False
    date = _token_of(analysis, mention.expression.start)
    if verb.report:
        return date > verb.index + 3
    # any verb's "that"-clause: "speculated that X might sue ... over its 1984 deal"
    return any(analysis.tokens[i].lower == "that" for i in range(verb.index + 1, date))


def coarse_news_statement(
    analysis: _Analysis, quoted: set[int], main: EventMention, triggers: dict[int, EventMention]
) -> MainVerb | None:
    """The closing ", X said" of a sentence whose main clause is dated only to a month, a week or a year
    ("The plant was sold last month, the company said."): the statement is an act of its own with no date
    of its own, so it is dated like an undated report.  Beside a clause dated to a day it is not (that
    news would appear twice: on its day, and as the statement on the publication day)."""
    if main.date is None or main.date.granularity in ("day", "time"):
        return None
    statement = closing_report(analysis, quoted) or _closing_according(analysis, quoted)
    if statement is None or statement.index in triggers:
        return None
    return statement


# the rule of a present or present-perfect clause beside a date that is not its own
BESIDE_DATE = f"{PUBLICATION_IMPLICIT}.beside-date"
_PRESENT_TENSES = frozenset({PRESENT, REPORT_PRESENT, PROGRESSIVE, STATE})


def present_beside_past(verb: MainVerb | None, main: EventMention, published: DateValue | None) -> bool:
    """A main clause in the present tense whose date lies wholly before the publication day ("Acme expects
    its sales to grow from 20% last year", "the letters claim the 1997 attack"): what happens in the present
    cannot be on a past day, so the date belongs to something the clause names, and the clause is dated
    like one without a date of its own."""
    if verb is None or main.date is None or published is None:
        return False
    if verb.tense == PERFECT and not verb.planned:
        return main.date.start > published.end  # "has invited them to a ceremony on May 2": the ceremony's
    return verb.tense in _PRESENT_TENSES and main.date.end < published.start


# the rule of a main clause beside the dates of plans only
BESIDE_PLAN = f"{PUBLICATION_IMPLICIT}.beside-plan"


def only_plans(dated: list[EventMention], published: DateValue | None) -> bool:
    """Every day the sentence names lies after the publication day ("Acme said it will redeem its notes on
    Dec. 7", "declared a dividend, payable Dec. 15"): those days date what is planned, and a main clause
    with no date of its own beside them is reported news, dated like a clause without a date.  Beside a
    past day it is not (on TBAQ such clauses got the publication day wrong two times in three)."""
    days = [m.date for m in dated if m.date is not None and m.date.granularity in ("day", "time")]
    return published is not None and bool(days) and all(day.start > published.end for day in days)


def date_after_verb(analysis: _Analysis, verb: MainVerb, main: EventMention) -> bool:
    """The date lies in what the clause names, after the verb and apart from it ("expects sales to grow from
    20% last year", "claim the 1997 attack").  A date before the verb or right after it is the clause's
    own, or sits in the subject where a plural noun was read as the verb ("The attacks March 7 at the
    offices killed 25")."""
    return main.expression is not None and _token_of(analysis, main.expression.start) > verb.index + 1


def coordinated_beside_background(
    analysis: _Analysis,
    quoted: set[int],
    verb: MainVerb | None,
    main: EventMention,
    triggers: dict[int, EventMention],
) -> MainVerb | None:
    """A main clause coordinated after a first one dated only as background or coarser than a day
    ("Norland has been a republic since 1901, but it still recognizes the crown"): it has its own tense
    and no date of its own.  Not when the date opens the sentence ("In June, X fell out, and Y was
    arrested": the date frames both clauses)."""
    if verb is None or main.expression is None:
        return None
    coarse = main.date is not None and main.date.granularity not in ("day", "time")
    if not (coarse or main.status == "background"):
        return None
    if main.expression.start - analysis.offset < analysis.tokens[verb.index].start:
        return None
    second = coordinated_verb(analysis, quoted, verb)
    return second if second is not None and second.index not in triggers else None


def _closing_according(analysis: _Analysis, quoted: set[int]) -> MainVerb | None:
    """A closing ", according to X" (after one of the last two commas: "according to Acme, a maker of
    jets"): a source's statement, in the present."""
    tokens = analysis.tokens
    for comma in [i for i in range(len(tokens) - 3, 0, -1) if tokens[i].text == ","][:2]:
        if (
            comma + 1 not in quoted
            and tokens[comma + 1].lower == "according"
            and tokens[comma + 2].lower == "to"
        ):
            return MainVerb(comma + 1, REPORT_PRESENT, report=True)
    return None


_MARKET_MOVE = re.compile(
    r"\b(?:closed|ended|finished|settled)\s+(?:at|up|down|unchanged)\b"
    r"|\b(?:rose|fell|gained|lost|eased|jumped|slipped|dropped|climbed|declined|advanced|surged|tumbled|added|shed)"
    r"\s+(?:about\s+)?\$?\d[\d./ ]*(?:%\s*,?\s*or\s+\$?\d[\d./ ]*\s*)?"
    r"(?:to\s+\$?\d|cents?\b|points?\b|,\s*to\s+\$?\d)"
    r"|\b(?:stock|share)\s+prices\s+(?:rose|fell|climbed|declined|tumbled|surged|slipped)\b",
    re.IGNORECASE,
)


# A verb every ``_MARKET_MOVE`` match holds: an ASCII sentence with none of them (in any case) has no match.
_MARKET_VERB_TEXT = """closed ended finished settled rose fell gained lost eased jumped slipped dropped
    climbed declined advanced surged tumbled added shed"""
_MARKET_VERBS = tuple(_MARKET_VERB_TEXT.split())


def _may_tell_market_move(text: str) -> bool:
    """Whether ``_MARKET_MOVE`` may match: a few substring tests in C instead of a case-insensitive search
    trying its alternatives at every position (run for every past-tense sentence dated by its paper).
    Beyond ASCII the search decides: ``re.IGNORECASE`` folds letters ``str.lower`` does not ("\u017f")."""
    if not text.isascii():
        return True
    lower = text.lower()
    return any(verb in lower for verb in _MARKET_VERBS)


def market_close_day(decision: ImplicitDate, text: str, verb: MainVerb, analysis: _Analysis) -> ImplicitDate:
    """A past-tense market move ("Acme closed at $28", "the index fell 12 to 480") told without a day is
    the last trading session before publication: a daily paper reports the previous session's close."""
    if decision.source != PUBLICATION_IMPLICIT or verb.tense != "past":
        return decision
    if not _may_tell_market_move(text) or not _MARKET_MOVE.search(text):
        return decision
    day = decision.date.start - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    date = DateValue(day.isoformat(), day, day, "day")
    return ImplicitDate(date, decision.source, f"{PUBLICATION_IMPLICIT}.market-close", decision.status)

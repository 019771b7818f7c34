"""Status of a dated mention: reported, expected (future) or background (long before publication)."""

from __future__ import annotations

import re
from datetime import timedelta

from timeline.events.analysis import _Analysis, _token_of, span_of
from timeline.text import (
    FUTURE_CUES,
    is_past_form,
    is_reporting,
)
from timeline.types import DateValue, TimeExpression

BACKGROUND_BEFORE = timedelta(days=90)  # coarse dates this long before publication are context


# A day or month this long before publication is context too ("landed on Dec. 2, 1956"); longer than
# for years because a follow-up months later still retells the story's own days (its core events).
PRECISE_BACKGROUND_BEFORE = timedelta(days=365)


_COARSE = ("year", "decade", "century")


def _status(
    analysis: _Analysis,
    clause: tuple[int, int],
    trigger: int | None,
    expression: TimeExpression,
    reference: DateValue | None,
) -> str:
    when = span_of(expression)
    if when is None:
        return "reported"
    if reference and _long_before(when, reference):
        return "background"
    if reference and when.end < reference.start:
        # before publication: "said they would appeal" is a past statement, whatever was planned in it
        return "expected" if trigger is not None and _explicit_future(analysis, trigger) else "reported"
    if FUTURE_CUES.search(_local_text(analysis, clause, trigger, expression)):
        return "expected"
    if reference and reference.granularity in ("day", "time") and when.start > reference.end:
        return "expected"
    return "reported"


def _long_before(when: DateValue, reference: DateValue) -> bool:
    """A date far enough before publication to be context, not the story: a year or coarser 90 days
    before, a day a year before ("landed on Dec. 2, 1956"); a month or week never (too ambiguous)."""
    if when.granularity in _COARSE:
        return when.end < reference.start - BACKGROUND_BEFORE
    return when.granularity in ("day", "time") and when.end < reference.start - PRECISE_BACKGROUND_BEFORE


def _explicit_future(analysis: _Analysis, trigger: int) -> bool:
    """The trigger itself is future: "will attend", "is scheduled to begin" (not "would", not a past form)."""
    word = analysis.tokens[trigger].lower
    if is_past_form(word) or is_reporting(word):
        return False
    before = " ".join(t.lower for t in analysis.tokens[max(0, trigger - 4) : trigger])
    return bool(_FUTURE_BEFORE.search(before))


_FUTURE_BEFORE = re.compile(
    r"(?:\bwill|'ll|\bshall|\b(?:scheduled|due|set|slated|expected)\s+to)(?:\s+(?:not|be|also|now))*$"
)


def _local_text(
    analysis: _Analysis, clause: tuple[int, int], trigger: int | None, expression: TimeExpression
) -> str:
    """The words around the trigger and its date, from the last comma before them: where tense is read."""
    date_token = _token_of(analysis, expression.start)
    first = min(date_token, trigger) if trigger is not None else date_token
    last = max(date_token, trigger) if trigger is not None else date_token
    start = clause[0]
    for i in range(first - 1, clause[0] - 1, -1):
        if analysis.tokens[i].text in ",;":
            start = i + 1
            break
    return " ".join(t.text for t in analysis.tokens[start : min(last + 3, clause[1])])

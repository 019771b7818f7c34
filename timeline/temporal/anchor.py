"""Reference-time helpers: sentence/paragraph layout, tense of the governing verb, calendar shifts.

Tense (news convention): the nearest tense cue in the same sentence decides, looking first
backwards from the expression, then forwards.  Future cues (``will``, ``expected to``,
``scheduled``, ``plans to``, ``is due to``...) absorb the few words after them, so the participle
in "will be held on Monday" does not count as a past-tense verb.  No cue means past.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from timeline.temporal.timex import date_to_value
from timeline.types import DateValue

_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z])|\n")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?\"'”’»:])[ \t]*\n\s*")

_FUTURE_CUE = (
    r"will|won't|wo\s+n't|'ll|shall|would|expected\s+to|expects\s+to|scheduled|slated|due\s+to|set\s+to"
    r"|plans?\s+to|planning\s+to|as\s+soon\s+as|as\s+early\s+as|intends?\s+to|going\s+to|upcoming|to\s+be\s+held|is\s+to|are\s+to"
    r"|aims?\s+to|hopes?\s+to|promised\s+to|vowed\s+to|agreed\s+to|should"
    r"|(?:is|are)\s+(?:now\s+)?(?:expected|likely|scheduled|planned)|supposed\s+to|to\s+be"
)
# A present passive ("the case is heard", "it is subject to") says nothing about past or future.
_PRESENT_PASSIVE = r"(?:is|are|am)\s+(?:not\s+)?(?:\w+ly\s+)?(?:being\s+)?[a-z]{2,}(?:ed|en)"
_IRREGULAR_PAST = (
    r"was|were|had|did|said|told|held|met|began|took|made|came|went|saw|gave|left|sent|spoke|got|won|lost"
    r"|struck|fell|rose|led|ran|found|brought|bought|sold|paid|kept|became|wrote|flew|broke|chose|drove|grew"
    r"|knew|threw|thought|caught|fought|sought|taught|stood|felt|heard|meant|shot|spent|swore|withdrew|been"
    r"|has|have|began|sat|hit|quit|cut|laid|oversaw|underwent|overtook|forgave|arose|awoke|bore|dealt|fled"
    r"|hung|lay|lit|slid|split|spread|stole|stuck|stung|swept|swung|tore|woke|wore|wound"
)
_NOT_PAST = (
    r"need|indeed|speed|proceed|succeed|exceed|seed|feed|breed|bed|red|shed|hundred|sacred|naked|wicked"
)
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_CUE})|(?P<present>{_PRESENT_PASSIVE})"
    rf"|(?P<past>{_IRREGULAR_PAST}|(?!(?:{_NOT_PAST})\b)(?-i:[a-z]{{2,}}ed)))\b",  # not "United"
    re.IGNORECASE,
)
# After a future cue, its verb group ("will be held", "would appeal") is not a past-tense cue.
_FUTURE_VERB_GROUP = re.compile(r"(?:\s+(?:not|be|been|being|have|\w+ly))*\s+\w+")


@dataclass
class Layout:
    """Sentence and paragraph start offsets of a text (sorted)."""

    sentence_starts: list[int]
    paragraph_starts: list[int]
    length: int

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else self.length
        return self.sentence_starts[i], end

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1


def build_layout(text: str) -> Layout:
    sentences = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    paragraphs = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return Layout(sorted(set(sentences)), sorted(set(paragraphs)), len(text))


def _cues(segment: str) -> list[str]:
    kinds: list[str] = []
    absorb_until = -1
    for m in _CUE.finditer(segment):
        if m.group("future"):
            kinds.append("future")
            group = _FUTURE_VERB_GROUP.match(segment, m.end())
            absorb_until = group.end() if group else m.end()
        elif m.start() >= absorb_until:
            kinds.append("present" if m.group("present") else "past")
    return kinds


def tense_near(text: str, start: int, end: int, layout: Layout) -> str | None:
    """``past``/``future`` from the nearest verb cue in the sentence around [start, end); None if none."""
    s_start, s_end = layout.sentence(start)
    before = _cues(text[max(s_start, start - 150) : start])
    after = _cues(text[end : min(s_end, end + 150)]) if not before else []
    nearest = before[-1] if before else after[0] if after else None
    return None if nearest == "present" else nearest


# ---------------------------------------------------------------- calendar arithmetic

GRANULARITY_RANK = {g: i for i, g in enumerate(("time", "day", "week", "month", "quarter", "season", "year"))}
GRANULARITY_RANK.update({"decade": 7, "century": 8})
_UNIT_NEEDS = {"day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter"}
_UNIT_NEEDS.update({"year": "year", "decade": "decade", "century": "century", "season": "season"})


def fine_enough(anchor: DateValue, unit: str) -> bool:
    """Whether ``anchor`` is precise enough to count ``unit``s from it."""
    need = _UNIT_NEEDS.get(unit, "day")
    if anchor.granularity == "season" and unit in ("month", "quarter"):
        return False
    return GRANULARITY_RANK[anchor.granularity] <= GRANULARITY_RANK[need]


def shift(anchor: DateValue, unit: str, n: int) -> str | None:
    """The ``unit``-granularity value ``n`` units from ``anchor`` (None if the anchor is too coarse)."""
    if not fine_enough(anchor, unit):
        return None
    day = anchor.start
    try:
        if unit == "day":
            return date_to_value(day + timedelta(days=n), "day")
        if unit in ("week", "weekend"):
            moved = day + timedelta(weeks=n)
            if unit == "week":
                return date_to_value(moved, "week")
            return date_to_value(moved, "week") + "-WE"
        if unit in ("month", "quarter"):
            months = n * (3 if unit == "quarter" else 1)
            return date_to_value(day + relativedelta(months=months), unit)
        if unit == "year":
            return f"{day.year + n:04d}"
        if unit == "decade":
            return f"{day.year // 10 + n:03d}"
        if unit == "century":
            return f"{day.year // 100 + n:02d}"
    except (OverflowError, ValueError):
        return None
    return None


def weekday_date(pub: date, weekday: int, rel: str | None, tense: str | None) -> date:
    """The date of ``weekday`` (ISO 1-7) relative to ``pub`` by news convention."""
    diff = weekday - pub.isoweekday()
    if rel in ("last", "past", "previous"):
        return pub - timedelta(days=(-diff) % 7 or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=diff % 7 or 7)
    if rel == "this":
        return pub + timedelta(days=diff)
    if diff == 0:
        return pub
    if tense == "future":
        return pub + timedelta(days=diff % 7)
    return pub - timedelta(days=(-diff) % 7)


def nearest_year(month: int, day: int, reference: DateValue) -> int | None:
    """The year putting month/day nearest to ``reference`` (year before, same or after)."""
    middle = reference.start + (reference.end - reference.start) / 2
    if reference.granularity == "year":
        return reference.start.year
    best: tuple[int, int] | None = None
    for year in (middle.year - 1, middle.year, middle.year + 1):
        try:
            distance = abs((date(year, month, day) - middle).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None

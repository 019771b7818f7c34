"""Turn recognised candidates into TIMEX3-normalised, anchored ``TimeExpression``s.

One resolver per recogniser family.  The ``Context`` carries the publication date, the text
layout (sentences, paragraphs) and the DATE/TIME expressions already resolved, which serve as
anchors for expressions relative to an earlier mention ("the day before").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import TH, relativedelta

from timeline.temporal.anchor import (
    PAST_FORM,
    Layout,
    fine_enough,
    forward_tense,
    nearest_cue,
    nearest_year,
    shift,
    tense_near,
    weekday_date,
)
from timeline.temporal.lexicon import (
    DECADE_WORDS,
    FIXED_HOLIDAYS,
    FREQUENCY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MODS,
    QUANTITY_MODS,
    REFERENCE_WORDS,
    SEASONS,
    UNITS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YEAR_CENTURY_WORDS,
)
from timeline.temporal.narrative import (
    NARRATIVE,
    month_year,
    reference_at,
    story_reference,
    story_weekday,
    within_publication,
)
from timeline.temporal.recognise import POSSESSIVE_AFTER, YEAR_PHRASE_AFTER, Candidate, range_end_year
from timeline.temporal.timex import cached_value_to_date, value_to_date
from timeline.temporal.weekdays import consistent_weekday_tense
from timeline.text import concept, is_reporting
from timeline.types import DateValue, TimeExpression

PUBLICATION = "publication date"


@dataclass
class Context:
    text: str
    published: str | None
    pub: DateValue | None  # the publication date's span, None when unknown
    layout: Layout
    mentions: list[tuple[int, TimeExpression, DateValue]] = field(
        default_factory=list
    )  # (paragraph, expr, span)
    _numeric_order: str | None = field(default=None, repr=False)
    # narrative.py's record of which mentions belong to a story (built incrementally as mentions grow)
    story_ids: set[int] = field(default_factory=set, repr=False)
    story_by_anchor: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    story_seen: int = 0

    @property
    def numeric_order(self) -> str:
        """How this document writes slashed dates: ``dm`` (14/02/2022), ``md`` (2/14/2022) or ``unknown``."""
        if self._numeric_order is None:
            self._numeric_order = numeric_order_of(self.text)
        return self._numeric_order

    @property
    def pub_day(self) -> date | None:
        if self.pub and self.pub.granularity in ("day", "time"):
            return self.pub.start
        return None


# ---------------------------------------------------------------- helpers


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)
def _clean(word: str | None) -> str:
    return _SPACES.sub(" ", word or "").strip().lower()


def _granularity(kind: str, value: str | None) -> str | None:
    if kind not in ("DATE", "TIME") or not value:
        return None
    span = cached_value_to_date(value)
    if span is None:
        return None
    return "time" if "T" in value else span.granularity


def _position_mod(pmod: str | None) -> str | None:
    words = _clean(pmod).replace("the ", "").split()
    return POSITION_MODS.get(words[0]) if words else None


def make(
    cand: Candidate,
    kind: str,
    value: str | None,
    rule: str,
    anchor: str,
    *,
    anchor_value: str | None = None,
    anchor_text: str | None = None,
    mod: str | None = None,
    tense: str | None = None,
    span: tuple[int, int] | None = None,
    text: str | None = None,
) -> TimeExpression:
    if span is None:
        start, end = cand.start, cand.end
    else:
        start, end = span
    if value is None:
        anchor = "unresolved"
    # (positional arguments, in the fields' order: the most frequent call of resolution)
    return TimeExpression(
        text if text is not None else cand.source[start:end],
        start,
        end,
        kind,
        value,
        _granularity(kind, value),
        anchor,
        anchor_value,
        anchor_text,
        rule,
        mod,
        tense,
    )


def _from_publication(
    cand: Candidate, ctx: Context, kind: str, value: str | None, rule: str, **extra: object
) -> TimeExpression:
    if value is None:
        return make(cand, kind, None, rule + ".unresolved", "unresolved", **extra)  # type: ignore[arg-type]
    return make(
        cand, kind, value, rule, "publication", anchor_value=ctx.published, anchor_text=PUBLICATION, **extra
    )  # type: ignore[arg-type]


def _number(word: str) -> float | None:
    """A count from digits or number words; None for vague quantities ("several")."""
    word = _clean(word).replace("-", " ")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    parts = word.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    if word.startswith("couple"):
        return 2.0
    return None


def _unit(word: str | None) -> str:
    word = _clean(word)
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


def _day_value(day: date, tod: str | None) -> tuple[str, str]:
    """(type, value) for a day, with a part of day making it a TIME."""
    if tod:
        return "TIME", f"{day.isoformat()}T{PARTS_OF_DAY[_clean(tod)]}"
    return "DATE", day.isoformat()


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_number(word: str) -> int:
    return MONTHS[_clean(word).rstrip(".")]


def _find_mention(ctx: Context, pos: int, unit: str) -> tuple[TimeExpression, DateValue] | None:
    """The last DATE/TIME before ``pos`` precise enough for ``unit``, in the same paragraph or the one
    before (news paragraphs are short: "On March 1, ..." / "The next morning, ...").  A date the year
    phrase at ``pos`` places ("January 21 the following year") is skipped: it was placed from the same
    anchor."""
    paragraph = ctx.layout.paragraph(pos)
    for para, expr, span in reversed(ctx.mentions):
        if para < paragraph - 1:
            break
        phrase = YEAR_PHRASE_AFTER.match(ctx.text, expr.end) if expr.rule.endswith(".year_phrase") else None
        if phrase is not None and expr.start < pos <= phrase.end():  # the year phrase placing it: skip it
            continue
        if expr.start < pos and fine_enough(span, unit):
            return expr, span
    return None


# ---------------------------------------------------------------- absolute dates


def resolve_iso(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    day = _safe_date(int(cand.group("y")), int(cand.group("mo")), int(cand.group("d")))
    if day is None:
        return []
    if cand.group("hh"):
        value = f"{day.isoformat()}T{cand.group('hh')}:{cand.group('mm')}"
        return [make(cand, "TIME", value, "absolute.iso_time", "absolute")]
    return [make(cand, "DATE", day.isoformat(), "absolute.iso", "absolute")]


_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?![\d/])")


def numeric_order_of(text: str) -> str:
    """``dm`` or ``md`` when the document's unambiguous slashed dates (a number above 12) agree."""
    day_first = month_first = 0
    for m in _SLASHED_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        day_first += 12 < a <= 31 and 1 <= b <= 12
        month_first += 12 < b <= 31 and 1 <= a <= 12
    if day_first > month_first:
        return "dm"
    return "md" if month_first > day_first else "unknown"


def _month_day_order(a: int, b: int, year: int, ctx: Context) -> tuple[int, int]:
    """(month, day) of a slashed date ``a/b/year``.

    A number above 12 settles it; else the document's other slashed dates ("14/02/2022" elsewhere
    means day-first); else, as the outlet's locale is unknown, the reading nearer the publication
    date (news reports recent days); else US month/day.
    """
    if a > 12 or b > 12 or a == b:
        return (b, a) if a > 12 else (a, b)
    order = ctx.numeric_order
    if order != "unknown":
        return (b, a) if order == "dm" else (a, b)
    pub = ctx.pub_day
    us, european = _safe_date(year, a, b), _safe_date(year, b, a)
    if pub and us and european and abs((european - pub).days) < abs((us - pub).days):
        return b, a
    return a, b


def resolve_numeric(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    a, b, year_text = int(cand.group("a")), int(cand.group("b")), cand.group("y")
    year = int(year_text)
    if len(year_text) == 2:
        pivot = (ctx.pub.start.year % 100 + 1) if ctx.pub else 30
        year += 2000 if year <= pivot else 1900
    # Dots: day.month.year; slashes: see _month_day_order.
    month, day_n = (b, a) if cand.group("sep") == "." else _month_day_order(a, b, year, ctx)
    day = _safe_date(year, month, day_n)
    if day is None:
        return []
    if cand.group("hh"):
        value = f"{day.isoformat()}T{int(cand.group('hh')):02d}:{cand.group('mm')}"
        return [make(cand, "TIME", value, "absolute.numeric_time", "absolute")]
    return [make(cand, "DATE", day.isoformat(), "absolute.numeric", "absolute")]


_TENSE_OVERRIDES_NEAREST_AFTER_DAYS = 100
# "last Nov. 14", "next May 5"; "the quarter ended Sept. 30" and "since Jan. 4" look back too.
_DIRECTION_BEFORE = re.compile(r"\b(last|past|next|coming|ended|since)\s+(?:on\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Placed:
    """A year-less date placed in a year: its value, how (anchor kind, rule suffix) and on what."""

    value: str | None
    anchor: str
    suffix: str
    anchor_value: str | None = None
    anchor_text: str | None = None


def _month_day_value(cand: Candidate, ctx: Context, month: int, day_n: int, year_text: str | None) -> _Placed:
    """A month/day with or without a year, placed in its year."""
    if year_text:
        day = _safe_date(int(year_text), month, day_n)
        return _Placed(day.isoformat() if day else None, "absolute", "")
    year_rel = _clean(cand.group("yrel"))
    if year_rel and ctx.pub is not None:  # "9 November last year": no nearest-year guess to make
        day = _safe_date(ctx.pub.start.year + _YEAR_REL_OFFSET[year_rel], month, day_n)
        return _Placed(day.isoformat() if day else None, "publication", f".{year_rel}_year", ctx.published,
                       PUBLICATION)  # fmt: skip
    in_year = _year_from_phrase_after(cand, ctx)
    if in_year is not None:
        year, expr = in_year
        day = _safe_date(year, month, day_n)
        return _Placed(day.isoformat() if day else None, "mention", ".year_phrase", expr.value, expr.text)
    direction = _DIRECTION_BEFORE.search(ctx.text, max(0, cand.start - 15), cand.start)
    in_story = None if direction else _story_month_day(cand, ctx, month, day_n)
    if in_story is not None:
        return in_story
    if ctx.pub is None:
        return _Placed(f"XXXX-{month:02d}-{day_n:02d}", "unresolved", ".no_year")
    year = nearest_year(month, day_n, ctx.pub)
    day = _safe_date(year, month, day_n) if year else None
    pub = ctx.pub_day
    if day and pub and direction:  # "last Nov. 14", "next May 5": the word decides the year
        word = direction.group(1).lower()
        if word in ("last", "past") and day >= pub or word in ("ended", "since") and day > pub:
            day = _safe_date(day.year - 1, month, day_n)
        elif word in ("next", "coming") and day <= pub:
            day = _safe_date(day.year + 1, month, day_n)
    elif day and pub and abs((day - pub).days) > _TENSE_OVERRIDES_NEAREST_AFTER_DAYS:
        # The nearest year can contradict the sentence's tense ("was killed on Nov. 14" in June):
        # a past or future cue moves the date by a year.  Within about three months of publication
        # the nearest year stands: verb cues misfire ("the offer expired ... Dec. 7" in November).
        tense = tense_near(ctx.text, cand.start, cand.end, ctx.layout)
        if tense == "past" and day > pub:
            day = _safe_date(day.year - 1, month, day_n)
        elif tense == "future" and day < pub:
            day = _safe_date(day.year + 1, month, day_n)
    day, by_weekday = _year_named_by_weekday(cand, day)
    suffix = ".weekday_year" if by_weekday else ".year_from_publication"
    return _Placed(day.isoformat() if day else None, "publication", suffix, ctx.published, PUBLICATION)


def _year_named_by_weekday(cand: Candidate, day: date | None) -> tuple[date | None, bool]:
    """ "Friday 9 March": the year next to ``day``'s in which that day is a Friday, if ``day``'s
    is not (the day name was written by someone who knew the year; it shifts by 1-2 days a year, so at
    most one neighbouring year fits)."""
    name = _clean(cand.group("wd")).rstrip(".")
    weekday = WEEKDAYS.get(name) or WEEKDAY_ABBREVIATIONS.get(name)
    if day is None or weekday is None or day.isoweekday() == weekday:
        return day, False
    for year in (day.year - 1, day.year + 1):
        other = _safe_date(year, day.month, day.day)
        if other is not None and other.isoweekday() == weekday:
            return other, True
    return day, False


_YEAR_REL_OFFSET = {"this": 0, "last": -1, "next": 1}  # also weeks: "Monday next week"
_YEAR_PHRASE_OFFSET = {"the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}


def _year_from_phrase_after(cand: Candidate, ctx: Context) -> tuple[int, TimeExpression] | None:
    """ "January 21 the following year": the year counted from the date mentioned before this one (the
    year phrase places the date; it is not counted from the date it follows)."""
    phrase = YEAR_PHRASE_AFTER.match(ctx.text, cand.end)
    if phrase is None:
        return None
    found = _find_mention(ctx, cand.start, "year")
    if found is None:
        return None
    expr, span = found
    return span.start.year + _YEAR_PHRASE_OFFSET.get(_clean(phrase.group("ref")), 0), expr


def _story_month_day(cand: Candidate, ctx: Context, month: int, day_n: int) -> _Placed | None:
    """A year-less month/day placed in the story the text tells (``narrative.py``), if it tells one here."""
    found = story_reference(ctx, cand.start, cand.end)
    if found is None:
        return None
    ref, looks_back = found
    day = _safe_date(month_year(ref.span, month, looks_back), month, day_n)
    if day is not None and not within_publication(day, ctx) and not looks_back:
        day = _safe_date(month_year(ref.span, month, True), month, day_n)
    if day is None or not within_publication(day, ctx):
        return None
    return _Placed(day.isoformat(), "mention", NARRATIVE, ref.expr.value, ref.expr.text)


def _suffix_end(text: str, pos: int) -> int:
    m = re.match(r"(?:st|nd|rd|th)\b", text[pos : pos + 3], re.IGNORECASE)
    return pos + (m.end() if m else 0)


def resolve_month_day(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    month = _month_number(cand.group("month"))
    days = [int(cand.group("day"))] + ([int(cand.group("day2"))] if cand.group("day2") else [])
    year_text = cand.group("year")
    if len(days) == 2 and days[1] <= days[0]:
        days = days[:1]  # "March 5-3" is not a range
    results: list[TimeExpression] = []
    text = ctx.text
    if len(days) == 2:
        # A range "Feb 10-20" / "10-20 February" becomes two expressions: its first and last day.
        if cand.family == "month_day":
            first = (cand.start, _suffix_end(text, cand.end_of("day")))
            second = (cand.start_of("day2"), cand.end)
        else:
            first = (cand.start, _suffix_end(text, cand.end_of("day")))
            second = (cand.start_of("day2"), cand.end)
        between = text[cand.end_of("day") : cand.start_of("day2")]
        if re.search(r"and|&", between, re.IGNORECASE):  # "April 24 and 25": two days, not a span
            spans = [(first, "absolute.coordinated_first"), (second, "absolute.coordinated_second")]
        else:
            spans = [(first, "absolute.range_start"), (second, "absolute.range_end")]
    else:
        spans = [((cand.start, cand.end), f"absolute.{cand.family}")]
    for day_n, ((start, end), rule) in zip(days, spans, strict=True):
        placed = _month_day_value(cand, ctx, month, day_n, year_text)
        if placed.value is None and placed.anchor != "unresolved":
            return []
        results.append(
            make(cand, "DATE", placed.value, rule + placed.suffix, placed.anchor,
                 anchor_value=placed.anchor_value, anchor_text=placed.anchor_text, span=(start, end))
        )  # fmt: skip
        if placed.anchor == "unresolved":
            results[-1].granularity = None
    return results


def resolve_month_year(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    value = f"{cand.year():04d}-{_month_number(cand.group('month')):02d}"
    return [
        make(cand, "DATE", value, "absolute.month_year", "absolute", mod=_position_mod(cand.group("pmod")))
    ]


def resolve_month(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    month = _month_number(cand.group("month"))
    rel = _clean(cand.group("rel"))
    mod = _position_mod(cand.group("pmod"))
    in_year = None if rel or cand.group("yrel") else _year_from_phrase_after(cand, ctx)
    if in_year is not None:
        year, expr = in_year
        return [make(cand, "DATE", f"{year:04d}-{month:02d}", "month.year_phrase", "mention",
                     anchor_value=expr.value, anchor_text=expr.text, mod=mod)]  # fmt: skip
    if not rel and not cand.group("yrel"):
        in_story = _story_month(cand, ctx, month, mod)
        if in_story is not None:
            return [in_story]
    if ctx.pub is None or ctx.pub.granularity in ("year", "decade", "century"):
        year = ctx.pub.start.year if ctx.pub and ctx.pub.granularity == "year" else None
        value = f"{year:04d}-{month:02d}" if year else None
        return [_from_publication(cand, ctx, "DATE", value, "month.bare", mod=mod)]
    pub_month, year = ctx.pub.start.month, ctx.pub.start.year
    tense = None
    year_rel = _clean(cand.group("yrel"))
    if year_rel:  # "June last year"
        year += {"this": 0, "last": -1, "next": 1}[year_rel]
        value = f"{year:04d}-{month:02d}"
        return [_from_publication(cand, ctx, "DATE", value, f"month.{year_rel}_year", mod=mod)]
    if rel in ("last", "past"):
        year -= 1 if month >= pub_month else 0
    elif rel in ("next", "coming"):
        year += 1 if month <= pub_month else 0
    elif rel != "this":
        tense = forward_tense(
            ctx.text, cand.start, ctx.layout, nearest_cue(ctx.text, cand.start, cand.end, ctx.layout)
        )
        tense = tense or tense_near(ctx.text, cand.start, cand.end, ctx.layout)
        if tense == "past" and (month - pub_month) % 12 == 1:
            # The month right after publication is the coming one even in a past-tense sentence
            # ("decided to admit them in early March"): a verb cue is weaker evidence than 11 months.
            year += 1 if month < pub_month else 0
        elif tense == "future" and month < pub_month:
            year += 1
        elif tense == "past" and month > pub_month:
            year -= 1
        elif tense is None and abs(month - pub_month) > 6:
            year += 1 if month < pub_month else -1
    rule = f"month.{rel}" if rel else "month.bare"
    return [_from_publication(cand, ctx, "DATE", f"{year:04d}-{month:02d}", rule, mod=mod, tense=tense)]


def _story_month(cand: Candidate, ctx: Context, month: int, mod: str | None) -> TimeExpression | None:
    """A bare month placed in the story the text tells ("In December 1940 ... In March": 1941-03)."""
    found = story_reference(ctx, cand.start, cand.end)
    if found is None:
        return None
    ref, looks_back = found
    year = month_year(ref.span, month, looks_back)
    if not within_publication(date(year, month, 1), ctx) and not looks_back:
        year = month_year(ref.span, month, True)
    if not within_publication(date(year, month, 1), ctx):
        return None
    return make(cand, "DATE", f"{year:04d}-{month:02d}", "month.bare" + NARRATIVE, "mention",
                anchor_value=ref.expr.value, anchor_text=ref.expr.text, mod=mod)  # fmt: skip


def resolve_year(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    fiscal = (cand.group("fiscal") or "").startswith("fiscal") or cand.group("fy")
    rule = "absolute.fiscal_year" if fiscal else "absolute.year"
    mod = _position_mod(cand.group("pmod"))
    return [make(cand, "DATE", f"{cand.year():04d}", rule, "absolute", mod=mod)]


def resolve_year_range(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "2019-2021", "the 2021-22 season": the first and the last year, like "Feb 10-20"."""
    first = int(cand.group("year"))
    last = range_end_year(first, cand.group("y2"))
    return [
        make(cand, "DATE", f"{first:04d}", "absolute.year_range_start", "absolute",
             span=(cand.start, cand.end_of("year"))),
        make(cand, "DATE", f"{last:04d}", "absolute.year_range_end", "absolute",
             span=(cand.start_of("y2"), cand.end)),
    ]  # fmt: skip


def resolve_turn_of_century(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "the turn of the 20th century" -> 1900; "the turn of the century": the century boundary nearest
    the publication year (2000 for news from 1950 on), approximately."""
    if cand.group("c"):
        value: str | None = f"{(int(cand.group('c')) - 1) * 100:04d}"
        return [make(cand, "DATE", value, "absolute.turn_of_century", "absolute", mod="APPROX")]
    value = f"{round(ctx.pub.start.year / 100) * 100:04d}" if ctx.pub else None
    return [_from_publication(cand, ctx, "DATE", value, "relative.turn_of_century", mod="APPROX")]


def resolve_decade(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    mod = _position_mod(cand.group("pmod"))
    if cand.group("dec"):
        return [make(cand, "DATE", cand.group("dec"), "absolute.decade", "absolute", mod=mod)]
    digit = int(cand.group("yy"))
    this_year = ctx.pub.start.year if ctx.pub else 2000 + 29
    century = 20 if 2000 + digit * 10 <= this_year else 19
    return [make(cand, "DATE", f"{century}{digit}", "absolute.decade_short", "absolute", mod=mod)]


def resolve_decade_word(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "the nineteen-nineties" 199; "the nineties": the latest such decade begun by publication."""
    digit = DECADE_WORDS[_clean(cand.group("decw"))]
    mod = _position_mod(cand.group("pmod"))
    if cand.group("cw"):
        century = YEAR_CENTURY_WORDS[_clean(cand.group("cw"))]
        return [make(cand, "DATE", f"{century}{digit}", "absolute.decade_words", "absolute", mod=mod)]
    if ctx.pub is None:
        return [make(cand, "DATE", f"19{digit}", "absolute.decade_words.assumed_1900s", "absolute", mod=mod)]
    this_year = ctx.pub.start.year
    century = this_year // 100 if (this_year // 100) * 100 + digit * 10 <= this_year else this_year // 100 - 1
    return [_from_publication(cand, ctx, "DATE", f"{century}{digit}", "absolute.decade_words", mod=mod)]


def resolve_century(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    number = int(cand.group("c"))
    if not 1 <= number <= 30:
        return []
    mod = _position_mod(cand.group("pmod"))
    return [make(cand, "DATE", f"{number - 1:02d}", "absolute.century", "absolute", mod=mod)]


def _quarter_year(cand: Candidate, ctx: Context, quarter: int) -> tuple[int | None, bool]:
    """(year, came from the text) for a quarter or half."""
    for name in ("y1", "y2", "y"):
        if cand.group(name):
            return int(cand.group(name)), True
    if ctx.pub is None:
        return None, False
    year = ctx.pub.start.year
    rel = _clean(cand.group("yrel") or cand.group("yrel2"))
    if rel:
        return year + {"this": 0, "last": -1, "next": 1}[rel], False
    pub_quarter = (ctx.pub.start.month - 1) // 3 + 1
    if quarter > pub_quarter and tense_near(ctx.text, cand.start, cand.end, ctx.layout) != "future":
        year -= 1  # "the fourth quarter" in a February report is last year's
    return year, False


def resolve_quarter(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    ordinal = _clean(cand.group("ord") if cand.family == "quarter" else cand.group("qn"))
    is_half = _clean(cand.group("qh")) == "half" or _clean(cand.group("code")) == "h"
    pub_quarter = (ctx.pub.start.month - 1) // 3 + 1 if ctx.pub else None
    if ordinal.isdigit():
        number: int | None = int(ordinal)
    elif ordinal in ORDINALS:
        number = ORDINALS[ordinal]
    elif ordinal == "final":
        number = 2 if is_half else 4
    elif ordinal == "current" and pub_quarter and not is_half:
        number = pub_quarter
    elif ordinal in ("previous", "past", "latest") and ctx.pub and not is_half:
        # "the latest quarter" in a report is the last completed one
        value = shift(ctx.pub, "quarter", -1)
        return [_from_publication(cand, ctx, "DATE", value, "quarter.previous")]
    else:
        number = None
    if number is None or (is_half and number > 2):
        return []
    year, explicit = _quarter_year(cand, ctx, number * 3 if is_half else number)
    letter = "H" if is_half else "Q"
    value = f"{year:04d}-{letter}{number}" if year else None
    rule = "absolute.half" if is_half else "absolute.quarter"
    span = _without_article(cand, "ord", "qh") if cand.family == "quarter" and not cand.group("y1") else None
    if explicit:
        return [make(cand, "DATE", value, rule, "absolute", span=span)]
    return [_from_publication(cand, ctx, "DATE", value, rule + ".year_from_publication", span=span)]


_QUARTER_ENDED = re.compile(r"\s+(?:that\s+)?ended\s+([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})\b")


def resolve_the_quarter(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "the quarter": the quarter last reported in the document (its label, fiscal or not); else the
    calendar quarter ending on the date given ("the quarter ended Sept. 30"); else the last completed one.
    """
    found = _last_quarter_mention(ctx, cand.start)
    if found:
        expr, span = found
        return [
            make(cand, "DATE", span.value, "quarter.the.mention", "mention",
                 anchor_value=expr.value, anchor_text=expr.text)
        ]  # fmt: skip
    ended = _QUARTER_ENDED.match(ctx.text, cand.end)
    if ended and ctx.pub is not None and _clean(ended.group(1)).rstrip(".") in MONTHS:
        month = _month_number(ended.group(1))
        year = ctx.pub.start.year
        if (month, int(ended.group(2))) > (ctx.pub.start.month, ctx.pub.start.day):
            year -= 1
        value = f"{year:04d}-Q{(month - 1) // 3 + 1}"
        return [_from_publication(cand, ctx, "DATE", value, "quarter.the.ended")]
    value = shift(ctx.pub, "quarter", -1) if ctx.pub else None
    return [_from_publication(cand, ctx, "DATE", value, "quarter.the.publication")]


def _last_quarter_mention(ctx: Context, pos: int) -> tuple[TimeExpression, DateValue] | None:
    """The last reported quarter mentioned before ``pos`` anywhere in the document.

    Quarters reached by going back a year ("a year ago", "the year-ago quarter") are comparisons,
    not the period being reported, so they are skipped.
    """
    for _, expr, span in reversed(ctx.mentions):
        if span.granularity != "quarter" or "-Q" not in span.value or expr.start >= pos:
            continue
        if not expr.rule.startswith("relative."):
            return expr, span
    return None


def resolve_year_ago(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "the year-ago quarter", "year-earlier profit": the reported period one year back.

    The reported period is the last quarter mentioned; without one, the year before publication.
    """
    span = None if cand.group("noun") else (cand.start_of("core"), cand.end)
    ordinal = _clean(cand.group("ord"))
    found = _last_quarter_mention(ctx, cand.start)
    if found:
        expr, quarter = found
        value = shift(quarter, "quarter", -4)
        if ordinal:
            value = f"{quarter.start.year - 1:04d}-Q{ORDINALS[ordinal]}"
        return [
            make(cand, "DATE", value, "relative.year_ago.quarter", "mention", anchor_value=expr.value,
                 anchor_text=expr.text, span=span)
        ]  # fmt: skip
    if ctx.pub is None:
        return [make(cand, "DATE", None, "relative.year_ago.unresolved", "unresolved", span=span)]
    year = ctx.pub.start.year - 1
    value = f"{year:04d}-Q{ORDINALS[ordinal]}" if ordinal else f"{year:04d}"
    return [_from_publication(cand, ctx, "DATE", value, "relative.year_ago", span=span)]


def resolve_the_year(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "for the year": the publication year; "the year ended June 30": a fiscal year, a duration."""
    after = ctx.text[cand.end : cand.end + 30]
    if re.match(r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|through|to)\b", after, re.IGNORECASE):
        return [make(cand, "DURATION", "P1Y", "duration.the_year_ended", "absolute")]
    if not _clean(cand.group("ymod")) and (named := _apposed_date(cand, ctx, "year")) is not None:
        expr, span = named  # "In 1989, the year X died": the year just named, not the paper's
        return [make(cand, "DATE", shift(span, "year", 0), "relative.the_year.apposition", "mention",
                     anchor_value=expr.value, anchor_text=expr.text)]  # fmt: skip
    if ctx.pub is None or ctx.pub.granularity in ("decade", "century"):
        return [make(cand, "DATE", None, "relative.the_year.unresolved", "unresolved")]
    year = ctx.pub.start.year - (1 if _clean(cand.group("ymod")).startswith("latest") else 0)
    return [_from_publication(cand, ctx, "DATE", f"{year:04d}", "relative.the_year")]


def resolve_year_end(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "by year-end": the publication year, mod END; "since year-end" looks back to the last one."""
    if ctx.pub is None or ctx.pub.granularity in ("decade", "century"):
        return [make(cand, "DATE", None, "relative.year_end.unresolved", "unresolved", mod="END")]
    year = ctx.pub.start.year
    if re.search(r"\bsince\s+(?:the\s+)?$", ctx.text[max(0, cand.start - 12) : cand.start], re.IGNORECASE):
        year -= 1
    return [_from_publication(cand, ctx, "DATE", f"{year:04d}", "relative.year_end", mod="END")]


def resolve_holiday(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    name = _clean(cand.group("hol")).replace("’", "'")
    name = name.replace("new years", "new year's").replace("valentines", "valentine's")
    rel = _clean(cand.group("rel"))

    def on(year: int) -> date:
        if name.startswith("easter"):
            return easter(year) + timedelta(days=1 if name.endswith("monday") else 0)
        if name.startswith("thanksgiving"):
            return date(year, 11, 1) + relativedelta(weekday=TH(4))
        month, day_n = FIXED_HOLIDAYS[name]
        return date(year, month, day_n)

    if cand.group("year"):
        return [make(cand, "DATE", on(int(cand.group("year"))).isoformat(), "holiday.absolute", "absolute")]
    if not rel:
        found = story_reference(ctx, cand.start, cand.end)
        story_day = on(month_year(found[0].span, on(2001).month, found[1])) if found else None
        if found and story_day and within_publication(story_day, ctx):
            ref_expr = found[0].expr
            return [make(cand, "DATE", story_day.isoformat(), "holiday.narrative", "mention",
                         anchor_value=ref_expr.value, anchor_text=ref_expr.text)]  # fmt: skip
    if ctx.pub is None:
        return [make(cand, "DATE", None, "holiday.unresolved", "unresolved")]
    ref = ctx.pub.start + (ctx.pub.end - ctx.pub.start) / 2
    options = [on(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if rel == "last":
        chosen = max(d for d in options if d < ref)
    elif rel == "next":
        chosen = min(d for d in options if d > ref)
    else:
        chosen = min(options, key=lambda d: abs((d - ref).days))
    return [_from_publication(cand, ctx, "DATE", chosen.isoformat(), f"holiday.{rel or 'nearest'}")]


# ---------------------------------------------------------------- relative to publication


def resolve_weekday(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    weekday = WEEKDAYS[_clean(cand.group("wd"))]
    rel = _clean(cand.group("rel")) or None
    tod = cand.group("tod")
    possessive = bool(POSSESSIVE_AFTER.match(ctx.text, cand.end))
    in_story = None if rel or possessive else story_weekday(ctx, cand.start, cand.end, weekday)
    if in_story is not None:
        day, ref = in_story
        kind, value = _day_value(day, tod)
        return [make(cand, kind, value, "weekday.narrative", "mention", anchor_value=ref.expr.value,
                     anchor_text=ref.expr.text)]  # fmt: skip
    week_rel = _clean(cand.group("wrel"))
    if week_rel and ctx.pub_day is not None:  # "Monday next week": that week's Monday, whatever the tense
        monday = ctx.pub_day - timedelta(days=ctx.pub_day.isoweekday() - 1)
        day = monday + timedelta(days=7 * _YEAR_REL_OFFSET[week_rel] + weekday - 1)
        kind, value = _day_value(day, tod)
        return [_from_publication(cand, ctx, kind, value, f"weekday.{week_rel}_week")]
    tense, from_article = None, False
    if not rel:
        tense, from_article = consistent_weekday_tense(
            ctx.text, cand.start, cand.end, ctx.layout, weekday, possessive
        )
    pub = ctx.pub_day
    rule = f"weekday.{rel}" if rel else f"weekday.{tense or 'past'}" + (".article" if from_article else "")
    if pub is None:
        kind = "TIME" if tod else "DATE"
        return [_from_publication(cand, ctx, kind, None, rule, tense=tense)]
    day = weekday_date(pub, weekday, rel, tense)
    if day == pub and not rel:
        rule = "weekday.same_day"
    kind, value = _day_value(day, tod)
    mod = _EDGE_MODS.get(_clean(cand.group("pmod")))
    return [_from_publication(cand, ctx, kind, value, rule, tense=tense, mod=mod)]


_EDGE_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END"}


_DAY_WORD_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_day_word(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    word = _clean(cand.group("word"))
    offset = _DAY_WORD_OFFSET[word]
    before_after = _clean(cand.group("ba"))
    offset += {"before": -1, "after": 1}.get(before_after, 0)
    tod = cand.group("tod") or ("night" if word == "tonight" else None)
    mod = _position_mod(cand.group("pmod"))
    rule = f"relative.{word}" + (f".day_{before_after}" if before_after else "")
    pub = ctx.pub_day
    if pub is None:
        # A month-level publication date still says which month "today" is in; never invent a day.
        if ctx.pub is not None and offset == 0:
            return [_from_publication(cand, ctx, "DATE", ctx.published, rule + ".coarse", mod=mod)]
        return [_from_publication(cand, ctx, "DATE", None, rule, mod=mod)]
    kind, value = _day_value(pub + timedelta(days=offset), tod)
    return [_from_publication(cand, ctx, kind, value, rule, mod=mod)]


def resolve_part_of_day(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    rel = _clean(cand.group("rel"))
    offset = -1 if rel == "last" else 0
    pub = ctx.pub_day
    rule = f"part_of_day.{rel}"
    mod = _position_mod(cand.group("pmod"))
    if pub is None:
        return [_from_publication(cand, ctx, "TIME", None, rule)]
    reported = _reporting_day_for_last(cand, ctx) if rel == "last" else None
    if reported is not None:
        day, anchor_text = reported
        kind, value = _day_value(day - timedelta(days=1), cand.group("tod"))
        return [
            make(cand, kind, value, rule + ".reporting_day", "mention", anchor_value=day.isoformat(),
                 anchor_text=anchor_text, mod=mod)
        ]  # fmt: skip
    kind, value = _day_value(pub + timedelta(days=offset), cand.group("tod"))
    return [_from_publication(cand, ctx, kind, value, rule, mod=mod)]


def _reporting_day_for_last(cand: Candidate, ctx: Context) -> tuple[date, str] | None:
    """The reporting day "last night" counts back from, when its sentence names one other than the
    publication day: "officials said on Monday that the fire started last night" (Sunday night), or
    "the fire started last night, police said Monday"."""
    s_start, s_end = ctx.layout.sentence(cand.start)
    for _, expr, span in reversed(ctx.mentions):
        if expr.start < s_start:
            break
        if expr.start < cand.start and span.granularity == "day" and _is_reporting_day(expr, ctx):
            day = date.fromisoformat(expr.value[:10]) if expr.value else None
            return (day, expr.text) if day and day != ctx.pub_day else None
    return _trailing_reporting_weekday(cand, ctx, s_end)


def _trailing_reporting_weekday(cand: Candidate, ctx: Context, s_end: int) -> tuple[date, str] | None:
    """A weekday named next to a reporting verb later in the sentence ("..., police said Monday")."""
    assert ctx.pub_day is not None
    tail = ctx.text[cand.end : s_end]
    for m in _WEEKDAY_WORD.finditer(tail):
        before = _WORD.findall(tail[: m.start()])[-3:]
        after = _WORD.findall(tail[m.end() :])[:2]
        if any(is_reporting(word) for word in before + after):
            day = weekday_date(ctx.pub_day, WEEKDAYS[m.group(0).lower()], None, "past")
            return (day, m.group(0)) if day != ctx.pub_day else None
    return None


_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b(?! ?['’]s)", re.IGNORECASE)


_RELATIVE_OFFSET = {
    "this": 0, "current": 0, "the current": 0, "the present": 0, "the latest": 0,
    "last": -1, "past": -1, "the last": -1, "the previous": -1,
    "next": 1, "coming": 1, "the next": 1, "the coming": 1, "the following": 1, "the upcoming": 1,
}  # fmt: skip


def resolve_relative(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    rel = _clean(cand.group("rel"))
    unit = _clean(cand.group("unit"))
    mod = _position_mod(cand.group("pmod"))
    if unit == "fortnight":
        return [make(cand, "DURATION", "P2W", "duration.fortnight", "absolute")]
    if rel == "the past" or (rel == "the last" and unit in ("decade", "century")):
        return [make(cand, "DURATION", _duration_value(1.0, unit), "duration.the_past_unit", "absolute")]
    tense = None
    if unit == "weekend" and rel == "the":
        tense = tense_near(ctx.text, cand.start, cand.end, ctx.layout)
        pub = ctx.pub_day
        offset = 0 if tense == "future" or (pub and pub.isoweekday() >= 6) else -1
    elif unit == "weekend" and rel == "this" and _weekend_just_gone(cand, ctx):
        offset = -1  # "This weekend the band said ...", in a Monday's paper: the weekend just gone
    else:
        offset = _RELATIVE_OFFSET.get(rel, 0)
    rule = f"relative.{rel.replace('the ', 'the_')}_{unit}"
    if rel == "the" and unit in _STORY_UNITS and (named := _apposed_date(cand, ctx, unit)) is not None:
        # "In 1989, the year X died": the year just named, not the paper's
        expr, span = named
        return [make(cand, "DATE", shift(span, unit, 0), rule + ".apposition", "mention",
                     anchor_value=expr.value, anchor_text=expr.text, mod=mod)]  # fmt: skip
    if rel == "the" and unit in _STORY_UNITS:
        found = story_reference(ctx, cand.start, cand.end, period_of_story=True)
        if found is not None and fine_enough(found[0].span, unit):
            # "ended the work by the end of the decade" in a story of the 1880s: the story's decade
            ref = found[0]
            return [make(cand, "DATE", shift(ref.span, unit, 0), rule + NARRATIVE, "mention",
                         anchor_value=ref.expr.value, anchor_text=ref.expr.text, mod=mod)]  # fmt: skip
    value = shift(ctx.pub, unit, offset) if ctx.pub else None
    if value is None and ctx.pub is not None and unit == "week" and offset == 0:
        pass  # a month-level date cannot say which week: unresolved, never a guessed week
    return [_from_publication(cand, ctx, "DATE", value, rule, mod=mod, tense=tense)]


_STORY_UNITS = ("month", "year", "decade", "century")
_POSSESSIVE_S = re.compile(r"\s?['\u2019]s\b")


def _weekend_just_gone(cand: Candidate, ctx: Context) -> bool:
    """ "this weekend" in a Monday's or Tuesday's paper, told in the past ("officials said this weekend"):
    the weekend just gone.  Later in the week "this weekend" is mostly the coming one whatever the tense
    ("prepared to take to the streets this weekend"), and so is a possessive ("this weekend's summit")."""
    pub = ctx.pub_day
    if pub is None or pub.isoweekday() > 2 or _POSSESSIVE_S.match(ctx.text, cand.end):
        return False
    return tense_near(ctx.text, cand.start, cand.end, ctx.layout) == "past"


_APPOSITION_GAP = re.compile(r"\s*,\s*$")


def _apposed_date(cand: Candidate, ctx: Context, unit: str) -> tuple[TimeExpression, DateValue] | None:
    """The date "the <unit>" stands in apposition to ("in 1989, the year ...", "in March, the month ..."):
    the date named right before it, a comma between, of that unit's granularity."""
    found = _find_mention(ctx, cand.start, unit)
    if found is None:
        return None
    expr, span = found
    between = ctx.text[expr.end : cand.start]
    if not _APPOSITION_GAP.fullmatch(between) or span.granularity != unit:
        return None
    return expr, span


def resolve_ago(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    unit = _unit(cand.group("unit"))
    direction = _clean(cand.group("dir"))
    count = _number(cand.group("n"))
    mod = QUANTITY_MODS.get(_clean(cand.group("q")))
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    from_mention = direction in ("earlier", "later", "before", "after")
    if count is None:
        ref = "FUTURE_REF" if sign > 0 else "PAST_REF"
        return [_from_publication(cand, ctx, "DATE", ref, f"relative.vague_{direction.replace(' ', '_')}")]
    # "a decade ago" is a year ten years back, not "the 1980s"; "a fortnight ago" a week
    steps = round(count * {"fortnight": 2, "decade": 10, "century": 100}.get(unit, 1))
    calendar_unit = {"fortnight": "week", "hour": "day", "minute": "day", "second": "day", "decade": "year",
                     "century": "year"}.get(unit, unit)  # fmt: skip
    if unit in ("hour", "minute") and sign < 0 and not from_mention:
        clock = _clock_ago(ctx, count, unit, mod)
        if clock:  # "Updated 2 hours ago" under a timestamped publication date
            return [_from_publication(cand, ctx, "TIME", clock, f"relative.n_{unit}s_ago.clock", mod=mod)]
    if calendar_unit in ("hour", "minute", "second", "day") and unit != "day":
        steps = 0  # "three hours ago": still the anchor day
    if mod == "APPROX" and unit in ("hour", "minute"):
        steps = 0
    if unit == "year" and steps == count:
        quarter = _quarter_in_paragraph(ctx, cand.start)
        if quarter is not None:
            # Year-on-year comparison of a reported quarter: "a year ago" is the same quarter last year.
            expr, span = quarter
            return [
                make(cand, "DATE", shift(span, "quarter", sign * 4 * steps),
                     f"relative.n_years_{direction}.quarter", "mention", anchor_value=expr.value,
                     anchor_text=expr.text, mod=mod)
            ]  # fmt: skip
    anchor_found = _find_mention(ctx, cand.start, calendar_unit) if from_mention else None
    story = reference_at(ctx, cand.start) if from_mention and not anchor_found else None
    if story is not None and steps * _UNIT_DAYS.get(calendar_unit, 365) < _UNIT_DAYS[story.span.granularity]:
        # "In March 1941 ... Two days later": within the story's month, known no finer.  A longer shift
        # ("In 2009 ... ten months later") may leave it: not known.
        if steps * _UNIT_DAYS.get(calendar_unit, 365) * 4 > _UNIT_DAYS[story.span.granularity]:
            return [make(cand, "DATE", None, f"relative.n_{unit}s_{direction}.story_coarser.unresolved",
                         "unresolved", mod=mod)]  # fmt: skip
        return [
            make(cand, "DATE", story.span.value, f"relative.n_{unit}s_{direction}.story_coarser", "mention",
                 anchor_value=story.expr.value, anchor_text=story.expr.text, mod=mod)
        ]  # fmt: skip
    if anchor_found:
        expr, span = anchor_found
        value = shift(span, calendar_unit, sign * steps)
        if sign > 0 and _after_publication(value, ctx) and _told_in_the_past(cand, ctx):
            # "... began her climb two years later", counted from a date named for something else: a past
            # happening after the paper's day is no date of it
            return [make(cand, "DATE", None, f"relative.n_{unit}s_{direction}.mention.unresolved",
                         "unresolved", mod=mod)]  # fmt: skip
        return [
            make(cand, "DATE", value, f"relative.n_{unit}s_{direction}.mention", "mention",
                 anchor_value=expr.value, anchor_text=expr.text, mod=mod)
        ]  # fmt: skip
    rule = f"relative.n_{unit}s_{direction.replace(' ', '_')}"
    told = _told_day(cand, ctx) if from_mention and unit in ("hour", "minute", "second") else None
    if told is not None:
        # "Kell was shot on Friday night. ... (paragraphs on) He died an hour later": the day of the
        # happening the narrative told last, not the paper's day.
        expr, span = told
        return [make(cand, "DATE", shift(span, "day", 0), rule + ".told_day", "mention",
                     anchor_value=expr.value, anchor_text=expr.text, mod=mod)]  # fmt: skip
    if sign > 0 and steps > 0 and from_mention and not _told_ahead(cand, ctx):
        # "Two years later, she met him", "But here we are, eight years later": later than a time the text
        # does not name here; only a plan ("will close ten years later") counts from the paper's day
        return [make(cand, "DATE", None, rule + ".unresolved", "unresolved", mod=mod)]
    value = shift(ctx.pub, calendar_unit, sign * steps) if ctx.pub else None
    return [_from_publication(cand, ctx, "DATE", value, rule, mod=mod)]


def _after_a_told_time(rule: str, calendar_unit: str, offset: int) -> bool:
    """ "the next day", "the following year", "the year after": a time after one the text tells, not the
    coming one ("growth over the next year", said in the past tense, is the year ahead of the paper)."""
    return offset > 0 and (calendar_unit == "day" or "following" in rule or rule.endswith("_after"))


def _told_in_the_past(cand: Candidate, ctx: Context) -> bool:
    return tense_near(ctx.text, cand.start, cand.end, ctx.layout) == "past"


def _told_ahead(cand: Candidate, ctx: Context) -> bool:
    return tense_near(ctx.text, cand.start, cand.end, ctx.layout) == "future"


_PLAN_MARGIN = timedelta(days=31)  # a past sentence may still tell a plan of the coming weeks


def _after_publication(value: str | None, ctx: Context) -> bool:
    """``value`` starts more than a month after the paper's day (a past clause cannot tell it)."""
    span = cached_value_to_date(value) if value else None
    return span is not None and ctx.pub is not None and span.start > ctx.pub.end + _PLAN_MARGIN


def _told_day(cand: Candidate, ctx: Context) -> tuple[TimeExpression, DateValue] | None:
    """For "an hour later" in a past clause, the last past day the article named before it, in any
    paragraph: an offset of hours stays on the day the narrative just told."""
    if tense_near(ctx.text, cand.start, cand.end, ctx.layout) != "past":
        return None
    for _, expr, span in reversed(ctx.mentions):
        if expr.start >= cand.start or not _names_a_day(expr) or _clock_with_day(expr):
            continue
        if ctx.pub_day and expr.value[:10] > ctx.pub_day.isoformat():
            continue
        return expr, span
    return None


# Rough length of each granularity, to tell whether a shift stays inside a coarser reference.
_UNIT_DAYS = {"time": 0, "day": 1, "week": 7, "weekend": 7, "month": 30, "quarter": 91, "season": 91,
              "year": 365, "decade": 3650, "century": 36500}  # fmt: skip


def _clock_ago(ctx: Context, count: float, unit: str, mod: str | None) -> str | None:
    """The clock time ``count`` hours/minutes before a publication date that has a clock."""
    published = ctx.published or ""
    clock = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?", published)
    if clock is None or mod == "APPROX" and unit == "minute":
        return None
    moment = datetime.fromisoformat(f"{clock.group(1)}T{clock.group(2)}:{clock.group(3)}")
    moment -= timedelta(hours=count) if unit == "hour" else timedelta(minutes=count)
    return moment.strftime("%Y-%m-%dT%H:%M")


_FINANCIAL_FIGURE = re.compile(r"[$€£¥%]|\b(?:cents?|million|billion|percent|per\s+cent)\b", re.IGNORECASE)


def _quarter_in_paragraph(ctx: Context, pos: int) -> tuple[TimeExpression, DateValue] | None:
    """The reported quarter a year-on-year comparison ("a year ago") refers to, if any.

    A quarter in the same paragraph; or, in a sentence quoting figures (an earnings report), the
    last quarter reported anywhere before.
    """
    found = _last_quarter_mention(ctx, pos)
    if found is None:
        return None
    if ctx.layout.paragraph(found[0].start) == ctx.layout.paragraph(pos):
        return found
    s_start, s_end = ctx.layout.sentence(pos)
    return found if _FINANCIAL_FIGURE.search(ctx.text, s_start, s_end) else None


# ---------------------------------------------------------------- relative to an earlier mention

_MENTION_OFFSET = {
    "that": 0, "that same": 0, "the same": 0, "in the": 0,
    "the previous": -1, "the preceding": -1, "the prior": -1,
    "the following": 1, "the next": 1,
}  # fmt: skip


def _resolve_from_mention(
    cand: Candidate, ctx: Context, unit: str, offset: int, rule: str, tod: str | None, mod: str | None
) -> list[TimeExpression]:
    calendar_unit = "day" if unit in PARTS_OF_DAY or unit == "day" else unit
    if unit == "night" and offset == 0:
        tod = "night"
    found = _find_mention(ctx, cand.start, calendar_unit)
    latest = _find_mention(ctx, cand.start, "century")  # the time named last, however coarse
    coarser = latest if latest and (not found or latest[0].start > found[0].start) else None
    if coarser and offset == 0 and coarser[1].granularity not in ("century", "decade"):
        # "Three doctors were attacked last October. ... crossed off the list that same day": a day
        # of the month just named, known only to the month (the publication day would be wrong).
        expr, span = coarser
        return [
            make(cand, "DATE", span.value, rule + ".mention_coarser", "mention", anchor_value=expr.value,
                 anchor_text=expr.text, mod=mod)
        ]  # fmt: skip
    story = reference_at(ctx, cand.start) if not found else None
    if story is not None:
        # "In March 1941 the army reached the river. The next day it crossed": the story is in March 1941,
        # known only to the month; the publication day would be decades off.
        return [
            make(cand, "DATE", story.span.value, rule + ".story_coarser", "mention",
                 anchor_value=story.expr.value, anchor_text=story.expr.text, mod=mod)
        ]  # fmt: skip
    if found:
        expr, span = found
        anchor, anchor_value, anchor_text, base = "mention", expr.value, expr.text, span
        rule += ".mention"
    elif ctx.pub is not None and not (
        _after_a_told_time(rule, calendar_unit, offset) and _told_in_the_past(cand, ctx)
    ):
        anchor, anchor_value, anchor_text, base = "publication", ctx.published, PUBLICATION, ctx.pub
        rule += ".publication"
    else:
        # no date named to count from; "the warrant was revoked the next day": not the day after the paper's
        return [make(cand, "DATE", None, rule + ".unresolved", "unresolved")]
    value = shift(base, calendar_unit, offset)
    kind = "DATE"
    if value and tod and calendar_unit == "day":
        kind, value = "TIME", f"{value}T{PARTS_OF_DAY[tod]}"
    return [
        make(cand, kind, value, rule, anchor, anchor_value=anchor_value, anchor_text=anchor_text, mod=mod)
    ]


def resolve_mention(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    ref = _clean(cand.group("ref"))
    unit = _clean(cand.group("unit"))
    pmod = _clean(cand.group("pmod"))
    mod = POSITION_MODS.get(pmod) if pmod in ("early", "late") else None
    tod = unit if unit in PARTS_OF_DAY else None
    rule = f"relative.{ref.replace(' ', '_')}_{unit}"
    return _resolve_from_mention(cand, ctx, unit, _MENTION_OFFSET[ref], rule, tod, mod)


def resolve_mention_before(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    unit = _clean(cand.group("unit"))
    direction = _clean(cand.group("ba"))
    offset = -1 if direction in ("before", "earlier") else 1
    rule = f"relative.{unit}_{direction}"
    if cand.group("wd"):
        return _before_named_day(cand, ctx, unit, offset, rule)
    return _resolve_from_mention(cand, ctx, unit, offset, rule, "night" if unit == "night" else None, None)


def _before_named_day(
    cand: Candidate, ctx: Context, unit: str, offset: int, rule: str
) -> list[TimeExpression]:
    """ "the day before last Tuesday('s hearing)": the named day, resolved as usual, then shifted."""
    pub = ctx.pub_day
    if pub is None:
        return [make(cand, "DATE", None, rule + ".weekday.unresolved", "unresolved")]
    rel = _clean(cand.group("wrel")) or None
    start = cand.start_of("wd")
    possessive = bool(POSSESSIVE_AFTER.match(ctx.text, cand.end))
    weekday = WEEKDAYS[_clean(cand.group("wd"))]
    tense = None
    if not rel:
        tense = consistent_weekday_tense(ctx.text, start, cand.end, ctx.layout, weekday, possessive)[0]
    named = weekday_date(pub, weekday, rel, tense)
    calendar_unit = "day" if unit == "night" else unit
    base = value_to_date(named.isoformat())
    value = shift(base, calendar_unit, offset) if base else None
    if value and unit == "night":
        return [_from_publication(cand, ctx, "TIME", f"{value}TNI", rule + ".weekday")]
    return [_from_publication(cand, ctx, "DATE", value, rule + ".weekday")]


# ---------------------------------------------------------------- durations, sets, seasons, references


# A fraction of a unit in the next smaller one: "5 1/2 hours" = PT5H30M, "2 1/2 years" = P2Y6M.
_SMALLER_UNIT = {
    "year": (12, "M", False),
    "day": (24, "H", True),
    "hour": (60, "M", True),
    "minute": (60, "S", True),
}


def _amount(count: float) -> str:
    return str(int(count)) if count == int(count) else f"{count:g}"


def _duration_value(count: float | None, unit: str) -> str:
    letter, is_time, _ = UNITS[unit]
    if count is None:
        return f"PTX{letter}" if is_time else f"PX{letter}"
    if unit == "fortnight":
        count *= 2
    if unit in ("decade", "century") and count == int(count):
        return f"P{int(count) * (10 if unit == 'decade' else 100)}Y"  # ISO 8601 has no decade unit
    if unit == "week" and count != int(count) and count * 7 == int(count * 7):
        unit, letter, count = "day", "D", count * 7
    whole = int(count)
    rest = count - whole
    if rest and unit in _SMALLER_UNIT and (rest * _SMALLER_UNIT[unit][0]).is_integer():
        factor, small_letter, small_is_time = _SMALLER_UNIT[unit]
        small = f"{int(rest * factor)}{small_letter}"
        if whole == 0:
            return f"PT{small}" if small_is_time else f"P{small}"
        if unit == "day":
            return f"P{whole}DT{small}"
        return f"PT{whole}{letter}{small}" if is_time else f"P{whole}{letter}{small}"
    return f"PT{_amount(count)}{letter}" if is_time else f"P{_amount(count)}{letter}"


def _without_article(cand: Candidate, left: str, right: str) -> tuple[int, int] | None:
    """The span without its leading "the" when groups ``left``-``right`` form a hyphenated adjective.

    TimeML tags the adjective only: "the [14-day] strike", "the [third-quarter] results".
    """
    if "-" not in cand.source[cand.end_of(left) : cand.start_of(right)]:
        return None
    article = re.match(r"the\s+", cand.source[cand.start : cand.end], re.IGNORECASE)
    return (cand.start + article.end(), cand.end) if article else None


def _attributive_span(cand: Candidate, count: float | None) -> tuple[int, int] | None:
    """ "the [two day] rally": an unhyphenated count with a singular unit is an adjective, like "14-day"."""
    if count in (None, 1.0) or not re.match(r" [a-z]", cand.source[cand.end : cand.end + 2]):
        return None
    article = re.match(r"the\s+(?=\w)", cand.source[cand.start : cand.end], re.IGNORECASE)
    return (cand.start + article.end(), cand.end) if article and _clean(cand.group("det")) == "the" else None


# "$33 million a year", "four flights a week", "24 hours a day": a quantity per unit is a rate (SET).
_QUANTITY_BEFORE_RATE = re.compile(
    r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|hundreds?"
    r"|thousands?|millions?|billions?|dozens?|once|twice|times))[^\s]*(?:\s+[\w$%-]+){0,2}\s+$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE_RATE = re.compile(r"\b(?:in|within|for|over|about|than|after|before|of|by|at)\s+$", re.I)


def _is_rate(cand: Candidate) -> bool:
    if _clean(cand.group("n")) not in ("a", "an") or cand.group("pl") or cand.group("q"):
        return False
    if cand.group("det") or cand.group("adj") or cand.group("dir"):
        return False
    before = cand.source[max(0, cand.start - 40) : cand.start]
    return bool(_QUANTITY_BEFORE_RATE.search(before)) and not _PREPOSITION_BEFORE_RATE.search(before)


def resolve_duration(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    unit = _unit(cand.group("unit"))
    count = _number(cand.group("n"))
    if count is not None and (cand.group("frac") or cand.group("half")):
        count += 0.5
    mod = QUANTITY_MODS.get(_clean(cand.group("q")))
    if _is_rate(cand) and unit in ("hour", "day", "week", "month", "year"):
        return [make(cand, "SET", _duration_value(1.0, unit), "set.rate", "absolute")]
    span = None if cand.group("pl") else _without_article(cand, "n", "unit") or _attributive_span(cand, count)
    if span is None and count is not None and unit in ("day", "week"):
        from_event = _from_named_event(cand, ctx, unit, count, mod)
        if from_event is not None:
            return [from_event]
    value = _duration_value(count, unit)
    return [make(cand, "DURATION", value, "duration.number", "absolute", mod=mod, span=span)]


_COMPOUND_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")  # "president-elect" is no election
_PHRASE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_QUALIFIED = re.compile(r"\s+(?:in|at|on|of|against|near|by)\b")
_HAPPENING_REACH = 40  # characters: "the March 29 election", "the murder of [a name] on 14 February"


def _dates_happening(expr: TimeExpression, kind: str, ctx: Context) -> bool:
    """Whether ``expr`` dates a happening of ``kind`` written beside it, in one phrase with no other date
    between ("the March 29 election", "killed on the night of Nov. 14"; not "the elections next
    month ended on Saturday", not "the election, and on May 30 a storm")."""
    s_start, s_end = ctx.layout.sentence(expr.start)
    lo, hi = max(s_start, expr.start - _HAPPENING_REACH), min(s_end, expr.end + _HAPPENING_REACH)
    breaks = list(_PHRASE_BREAK.finditer(ctx.text, lo, expr.start))
    lo = breaks[-1].end() if breaks else lo
    after = _PHRASE_BREAK.search(ctx.text, expr.end, hi)
    hi = after.start() if after else hi
    others = [other.start for _, other, _ in ctx.mentions if other is not expr and lo <= other.start < hi]
    for word in _COMPOUND_WORD.finditer(ctx.text, lo, hi):
        if expr.start <= word.start() < expr.end or concept(word.group()) != kind:
            continue
        if re.search(r"-\s*$", ctx.text[max(0, word.start() - 3) : word.start()]):
            continue  # "president - elect": a compound, no happening
        if not any(min(word.start(), expr.start) < o < max(word.start(), expr.start) for o in others):
            return True
    return False


# The start or end of something names no happening of its own ("20 years after the end of the war").
_ASPECTS = frozenset({"begin", "end"})
_BEFORE_THE_EVENT = re.compile(r"\s+(before|after|prior\s+to|following)\s+the\s+([a-z]+)\b")


def _from_named_event(
    cand: Candidate, ctx: Context, unit: str, count: float, mod: str | None
) -> TimeExpression | None:
    """A day counted from a named happening ("12 days before the killing"): the happening the article dated
    before, found by the kind its noun names (the last day-level date in a sentence telling a death).  None
    when the noun names no kind of happening ("two months after his team") or no such day was given."""
    found = _BEFORE_THE_EVENT.match(ctx.text, cand.end)
    if found is None or count != int(count) or _QUALIFIED.match(ctx.text, found.end()):
        return None  # "one day after the attacks in [a city]": named by its place, not the one told before
    kind = concept(found.group(2))
    if kind is None or kind in _ASPECTS:
        return None
    own = ctx.layout.sentence_index(cand.start)
    for _, expr, span in reversed(ctx.mentions):
        if span.granularity != "day" or expr.start >= cand.start or expr.anchor == "unresolved":
            continue
        if ctx.layout.sentence_index(expr.start) == own:
            continue  # "two days before the start of the trial, his uncle said on Saturday": the saying's day
        if _dates_happening(expr, kind, ctx):
            sign = 1 if found.group(1) in ("after", "following") else -1
            value = shift(span, unit, sign * int(count))
            return make(cand, "DATE", value, f"relative.n_{unit}s_{found.group(1).split()[0]}.event",
                        "mention", anchor_value=expr.value, anchor_text=expr.text, mod=mod)  # fmt: skip
    return None


def resolve_unit_long(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    value = _duration_value(1.0, _unit(cand.group("unit")))
    return [make(cand, "DURATION", value, "duration.unit_long", "absolute")]


def resolve_vague_duration(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    unit = _unit(cand.group("unit"))
    span = None
    if cand.group("long"):  # "the decades-long feud": the adjective without the noun's article
        span = (cand.start_of("vq") if cand.group("vq") else cand.start_of("unit"), cand.end)
    return [make(cand, "DURATION", _duration_value(None, unit), "duration.vague", "absolute", span=span)]


def resolve_season(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    code = SEASONS[_clean(cand.group("season"))]
    rel = _clean(cand.group("rel"))
    mod = _position_mod(rel) if rel not in ("this", "last", "next", "past", "coming", "the") else None
    if cand.group("year"):
        return [make(cand, "DATE", f"{cand.year():04d}-{code}", "absolute.season", "absolute", mod=mod)]
    if rel in ("", "the", "early", "late", "mid", "the early", "the late", "the middle of the"):
        in_story = _story_season(cand, ctx, code, mod)
        if in_story is not None:
            return [in_story]
    if ctx.pub is None or ctx.pub.granularity in ("decade", "century"):
        return [make(cand, "DATE", None, "season.unresolved", "unresolved", mod=mod)]
    ref = ctx.pub.start
    if ctx.pub.granularity == "year":
        return [_from_publication(cand, ctx, "DATE", f"{ref.year}-{code}", "season.in_year", mod=mod)]
    spans = [
        span
        for y in (ref.year - 2, ref.year - 1, ref.year, ref.year + 1)
        if (span := value_to_date(f"{y}-{code}"))
    ]
    word = rel.split()[-1] if rel else ""
    tense = None
    if word in ("last", "past"):
        chosen = [s for s in spans if s.end < ref][-1]
    elif word in ("next", "coming"):
        chosen = [s for s in spans if s.start > ref][0]
    elif word == "this" and code != "WI":
        # "this summer" is the publication year's: coming in February, just over in November
        chosen = next(s for s in spans if s.start.year == ref.year)
    elif word == "this":
        chosen = next((s for s in spans if s.start <= ref <= s.end), [s for s in spans if s.start > ref][0])
    else:
        tense = tense_near(ctx.text, cand.start, cand.end, ctx.layout)
        if tense == "future":
            chosen = [s for s in spans if s.end >= ref][0]
        else:
            chosen = [s for s in spans if s.start <= ref][-1]
    rule = f"season.{word or 'nearest'}"
    return [_from_publication(cand, ctx, "DATE", chosen.value, rule, mod=mod, tense=tense)]


_SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _story_season(cand: Candidate, ctx: Context, code: str, mod: str | None) -> TimeExpression | None:
    """A year-less season placed in the story ("In December 1940 ... In the spring": 1941-SP)."""
    found = story_reference(ctx, cand.start, cand.end)
    if found is None:
        return None
    ref, looks_back = found
    start_month = _SEASON_START_MONTH[code]
    current = value_to_date(f"{ref.span.start.year - (ref.span.start.month < 3)}-{code}")
    if (
        current is not None
        and ref.span.granularity != "year"
        and current.start <= ref.span.start <= current.end
    ):
        year = current.start.year  # the season the story is in ("In January 1941 ... that winter")
    else:
        year = month_year(ref.span, start_month, looks_back)
    if not within_publication(date(year, start_month, 1), ctx):
        return None
    value = f"{year:04d}-{code}"
    return make(cand, "DATE", value, "season.narrative", "mention", anchor_value=ref.expr.value,
                anchor_text=ref.expr.text, mod=mod)  # fmt: skip


def resolve_story_period(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    """ "that winter", "the following spring", "that October", "the next April": a season or month placed
    from the story's reference time (else the last date mentioned, else the publication date)."""
    period, ref_word = _clean(cand.group("period")), _clean(cand.group("ref"))
    mod = _position_mod(cand.group("pmod"))
    base = _period_base(ctx, cand.start)
    if base is None:
        return [make(cand, "DATE", None, "story_period.unresolved", "unresolved", mod=mod)]
    expr, span = base
    direction = {"that": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}[
        ref_word
    ]
    if period in SEASONS:
        value = _season_from(span, SEASONS[period], direction)
    else:
        value = _month_from(span, _month_number(period), direction)
    kind = "season" if period in SEASONS else "month"
    rule = f"story_period.{ref_word.replace('the ', '')}_{kind}"
    if expr is None:
        return [_from_publication(cand, ctx, "DATE", value, rule, mod=mod)]
    return [make(cand, "DATE", value, rule + ".mention", "mention", anchor_value=expr.value,
                 anchor_text=expr.text, mod=mod)]  # fmt: skip


_PERIOD_DIRECTION = {"that": 0, "the following": 1, "the next": 1, "the previous": -1, "the preceding": -1}


def _period_base(ctx: Context, pos: int) -> tuple[TimeExpression | None, DateValue] | None:
    """What "that winter" counts from: the story's reference time, else the last date mentioned (down to a
    year), else the publication date (expression None)."""
    ref = reference_at(ctx, pos)
    if ref is not None:
        return ref.expr, ref.span
    found = _find_mention(ctx, pos, "year")
    if found is not None:
        return found
    return (None, ctx.pub) if ctx.pub is not None else None


def _month_from(base: DateValue, month: int, direction: int) -> str:
    """That month of the base's year (0), the first one after the base (1) or the last one before it (-1)."""
    if direction == 0:
        year = base.start.year
    elif direction > 0:
        year = base.end.year + (1 if base.granularity == "year" or month <= base.end.month else 0)
    else:
        year = base.start.year - (1 if base.granularity == "year" or month >= base.start.month else 0)
    return f"{year:04d}-{month:02d}"


def _season_from(base: DateValue, code: str, direction: int) -> str:
    """That season of the base (the one it falls in, else its year's), the next one or the previous one."""
    year = base.start.year
    spans = [s for y in (year - 2, year - 1, year, year + 1, year + 2) if (s := value_to_date(f"{y}-{code}"))]
    if direction > 0:
        return next(s for s in spans if s.start > base.end).value
    if direction < 0:
        return [s for s in spans if s.end < base.start][-1].value
    inside = [s for s in spans if s.start <= base.start <= s.end and base.granularity != "year"]
    return inside[0].value if inside else f"{year:04d}-{code}"


def resolve_set(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    weekday = cand.group("wd") or cand.group("wds")
    if weekday:
        number = WEEKDAYS[_clean(weekday).split()[0].rstrip("s")]
        tods = _clean(cand.group("tods"))
        suffix = f"T{PARTS_OF_DAY[tods]}" if tods else ""  # "Tuesday nights": XXXX-WXX-2TNI
        return [make(cand, "SET", f"XXXX-WXX-{number}{suffix}", "set.weekday", "absolute")]
    if cand.group("setmonth"):  # "each July"
        return [
            make(cand, "SET", f"XXXX-{_month_number(cand.group('setmonth')):02d}", "set.month", "absolute")
        ]
    if cand.group("unit3"):  # "per day", "per annum"
        unit = _clean(cand.group("unit3")).replace("annum", "year")
        return [make(cand, "SET", _duration_value(1.0, unit), "set.per", "absolute")]
    unit = _clean(cand.group("unit") or cand.group("unit2"))
    unit = unit[:-1] if unit.endswith("s") and unit[:-1] not in ("",) else unit
    count = _number(cand.group("n")) if cand.group("n") else 1.0
    if unit in UNITS:
        value = _duration_value(count, unit)
    elif unit in ("morning", "afternoon", "evening", "night"):
        value = "P1D"
    elif unit == "weekend":
        value = "P1W"
    else:  # "every summer": that season of every year
        value = f"XXXX-{SEASONS[unit]}"
    return [make(cand, "SET", value, "set.every" if not cand.group("times") else "set.frequency", "absolute")]


def resolve_frequency(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    value = FREQUENCY_WORDS[_clean(cand.group("freq"))]
    return [make(cand, "SET", value, "set.adverb", "absolute")]


def resolve_reference(cand: Candidate, ctx: Context) -> list[TimeExpression]:
    word = _clean(cand.group("ref"))
    return [
        _from_publication(cand, ctx, "DATE", REFERENCE_WORDS[word], f"reference.{word.replace(' ', '_')}")
    ]


# ---------------------------------------------------------------- clock times (resolved last)


def _day_for_time(
    cand: Candidate, ctx: Context, resolved: list[TimeExpression]
) -> tuple[str, str, str] | None:
    """(day value, anchor kind, anchor text) for a clock time.

    The day is that of the nearest day-level expression in the same sentence; else the last one
    mentioned before it in the paragraph (a retold story keeps its day: "On Nov. 14 ... He was attacked
    at 7 p.m."); else that of an earlier sentence telling the same verb (``_retold_day``); else, in a
    past-tense sentence, the last past day named before; else the publication date.
    """
    best = _day_mention_for_time(cand, ctx, resolved)
    if best is not None and best.value:
        return best.value[:10], "mention", best.text
    if ctx.pub_day:
        return ctx.pub_day.isoformat(), "publication", PUBLICATION
    return None


def _day_mention_for_time(
    cand: Candidate, ctx: Context, resolved: list[TimeExpression], *, retold: bool = True
) -> TimeExpression | None:
    """The day-level expression a clock time takes its day from (see ``_day_for_time``), if any.

    ``retold``: a clause repeating an earlier sentence's verb may take that sentence's day
    (``_retold_day``); not for "overnight", whose night is read against reporting days instead."""
    sentence = ctx.layout.sentence_index(cand.start)
    paragraph = ctx.layout.paragraph(cand.start)
    best: TimeExpression | None = None
    earlier: TimeExpression | None = None
    for expr in resolved:
        if not _names_a_day(expr):
            continue
        if _clock_with_day(expr) and not _restates(expr, cand, ctx):
            continue  # "noon Thursday" sets no day for "The deadline expires at midnight"
        if ctx.layout.sentence_index(expr.start) == sentence:
            if best is None or abs(expr.start - cand.start) < abs(best.start - cand.start):
                best = expr
        elif expr.start < cand.start and ctx.layout.paragraph(expr.start) == paragraph:
            earlier = expr if earlier is None or expr.start > earlier.start else earlier
    found = best or earlier or (_retold_day(cand, ctx, resolved) if retold else None)
    return found or _earlier_past_day(cand, ctx, resolved)


def _clock_with_day(expr: TimeExpression) -> bool:
    """A clock time that wrote its own day ("4 a.m. Thursday"): a day only for bare clocks of its sentence."""
    return expr.type == "TIME" and expr.rule.endswith(".with_day")


_BRACKET_BETWEEN = re.compile(r"[\s,]*(?:local\s+time\s*)?[()][\s,]*", re.IGNORECASE)


def _restates(expr: TimeExpression, cand: Candidate, ctx: Context) -> bool:
    """Whether the clock ``expr`` restates the clock ``cand`` in brackets beside it: "at 5 in the morning
    (5 a.m. GMT Friday)", "until 9.30am tomorrow local time (8.30am GMT)"."""
    if expr.end <= cand.start:
        return bool(_BRACKET_BETWEEN.fullmatch(ctx.text, expr.end, cand.start))
    return bool(_BRACKET_BETWEEN.fullmatch(ctx.text, cand.end, expr.start))


def _names_a_day(expr: TimeExpression) -> bool:
    """Whether a clock time may take ``expr``'s day: a day or a time, but not "2 hours ago" page chrome."""
    if expr.type not in ("DATE", "TIME") or expr.granularity not in ("day", "time") or not expr.value:
        return False
    return not re.match(r"relative\.n_(?:hour|minute|second)s_", expr.rule)


# Verb forms that say nothing of which happening a clause tells: auxiliaries and copulas.
_AUXILIARY_FORMS = frozenset(
    ["was", "were", "had", "has", "have", "been", "did", "got", "went", "came", "made", "took"]
)
_CLAUSE_EDGE = re.compile(r"[,;:()\u2014]")


def _clause_past_verbs(cand: Candidate, ctx: Context) -> set[str]:
    """The past forms of the clock time's clause ("was killed at 7 p.m." -> {"killed"}), lower-case,
    without auxiliaries and reporting verbs (a report's verb names no happening of its own)."""
    s_start, s_end = ctx.layout.sentence(cand.start)
    before = ctx.text[s_start : cand.start]
    edges = list(_CLAUSE_EDGE.finditer(before))
    start = s_start + edges[-1].end() if edges else s_start
    after = _CLAUSE_EDGE.search(ctx.text, cand.end, s_end)
    clause = ctx.text[start : after.start() if after else s_end]
    return {
        word.lower()
        for word in PAST_FORM.findall(clause)
        if word.lower() not in _AUXILIARY_FORMS and not is_reporting(word.lower())
    }


def _retold_day(cand: Candidate, ctx: Context, resolved: list[TimeExpression]) -> TimeExpression | None:
    """For a past clock time with no day in its sentence, the day of an earlier sentence that told the same
    verb: "He was killed last Nov. 14 ..." then, paragraphs on, "He was killed at 7 p.m.":
    a later paper retells its happening in pieces, and the clock belongs to the happening's day, not to
    whatever day the article named last ("The knife was found March 2")."""
    if tense_near(ctx.text, cand.start, cand.end, ctx.layout) != "past":
        return None
    verbs = _clause_past_verbs(cand, ctx)
    if not verbs:
        return None
    own = ctx.layout.sentence_index(cand.start)
    found: TimeExpression | None = None
    for expr in resolved:
        if expr.start >= cand.start or not _names_a_day(expr) or _clock_with_day(expr):
            continue
        if ctx.layout.sentence_index(expr.start) == own:
            continue
        if ctx.pub_day and expr.value and expr.value[:10] > ctx.pub_day.isoformat():
            continue
        s_start, s_end = ctx.layout.sentence(expr.start)
        if (found is None or expr.start > found.start) and verbs.intersection(
            word.lower() for word in _WORD.findall(ctx.text[s_start:s_end])
        ):
            found = expr
    return found


def _earlier_past_day(cand: Candidate, ctx: Context, resolved: list[TimeExpression]) -> TimeExpression | None:
    """For a past-tense clock time, the last past day the article mentioned before it.

    News paragraphs are short: "On Saturday, a gunman entered the store." / "He opened fire at 2:15 p.m.";
    a follow-up retells an earlier day ("The judge was killed on Nov. 4 ..." / "He was attacked at 7 p.m."),
    which the publication date would move by months.
    """
    if tense_near(ctx.text, cand.start, cand.end, ctx.layout) != "past":
        return None
    last: TimeExpression | None = None
    for expr in resolved:
        if expr.type not in ("DATE", "TIME") or expr.granularity not in ("day", "time") or not expr.value:
            continue
        if expr.start >= cand.start or not _names_a_day(expr) or _clock_with_day(expr):
            continue
        if ctx.pub_day and expr.value[:10] > ctx.pub_day.isoformat():
            continue
        if last is None or expr.start > last.start:
            last = expr
    return last


_SUNLIGHT_PARTS = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "dusk": "EV", "nightfall": "EV"}
_SUNLIGHT_PARTS["sunset"] = "EV"
_PART_FAMILIES = ("part_time", "early_hours")


def _clock_of(cand: Candidate) -> tuple[str, str | None] | None:
    """(clock suffix, mod): ``T15:30`` or a part of the day (``TMO``); None for an impossible hour."""
    if cand.family == "noon":
        word = _clean(cand.group("word"))
        return ("T24:00" if word == "midnight" else "T12:00"), None  # midnight ends its day
    if cand.family == "early_hours":
        return "TMO", "START"  # "the early hours": the small hours, before the morning proper
    if cand.family == "part_time":
        tod = _clean(cand.group("tod"))
        code = _SUNLIGHT_PARTS.get(tod) or PARTS_OF_DAY[tod]
        return f"T{code}", _position_mod(cand.group("pmod"))
    hour, minute = int(cand.group("h")), int(cand.group("mi") or 0)
    marker = _clean(cand.group("ap")).replace(".", "") if cand.group("ap") else ""
    part = _clean(cand.group("inthe"))
    evening = marker == "pm" or part.endswith(("afternoon", "evening")) or part == "at night" and hour >= 6
    if evening and hour < 12:
        hour += 12
    elif (marker == "am" or part.endswith("morning") or part == "at night") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    return f"T{hour:02d}:{minute:02d}", ("APPROX" if cand.group("q") else None)


def names_own_day(cand: Candidate) -> bool:
    """Whether a clock time writes its own day ("9 a.m. Tuesday", "5 p.m. EST Nov. 9")."""
    return bool(cand.group("dw") or cand.group("mday"))


def resolve_time(cand: Candidate, ctx: Context, resolved: list[TimeExpression]) -> list[TimeExpression]:
    found_clock = _clock_of(cand)
    if found_clock is None:
        return []
    clock, mod = found_clock
    family = "part_of_day" if cand.family in _PART_FAMILIES else "time"
    day_word = cand.group("dw")
    if day_word or cand.group("mday"):
        inner = _resolve_inner_day(cand, ctx, day_word) if day_word else _time_month_day(cand, ctx)
        if inner is None:
            return [make(cand, "TIME", None, f"{family}.unresolved", "unresolved", mod=mod)]
        return [_from_publication(cand, ctx, "TIME", inner + clock, f"{family}.with_day", mod=mod)]
    if _clean(cand.group("tod")) == "overnight":
        found = _overnight_day(cand, ctx, resolved)
    else:
        found = _day_for_time(cand, ctx, resolved)
    if found is None:
        return [make(cand, "TIME", None, f"{family}.unresolved", "unresolved", mod=mod)]
    day_value, anchor, anchor_text = found
    anchor_value = ctx.published if anchor == "publication" else day_value
    return [
        make(cand, "TIME", day_value + clock, f"{family}.{anchor}", anchor, anchor_value=anchor_value,
             anchor_text=anchor_text, mod=mod)
    ]  # fmt: skip


def _overnight_day(
    cand: Candidate, ctx: Context, resolved: list[TimeExpression]
) -> tuple[str, str, str] | None:
    """The evening's day of "overnight".

    Anchored on a reporting day (the publication date, or "officials said on Tuesday"), a past report
    ("pulled 14 people from the water overnight") means the night leading into that day, a future one
    ("will work overnight") the coming night.  Anchored on an event day of a retold story ("On March 3
    the storm hit. Overnight, the river rose.") it is that day's night, but not when its own sentence is
    a fresh report with no day of its own ("An aide said the depots shelled overnight were empty."): that
    report is the publication's, and so is its night.
    """
    mention = _day_mention_for_time(cand, ctx, resolved, retold=False)
    if mention is not None and _fresh_report_elsewhere(mention, cand, ctx):
        mention = None
    if mention is not None and mention.value and not _is_reporting_day(mention, ctx):
        return mention.value[:10], "mention", mention.text
    if mention is not None and mention.value:
        day, anchor, anchor_text = date.fromisoformat(mention.value[:10]), "mention", mention.text
    elif ctx.pub_day is not None:
        day, anchor, anchor_text = ctx.pub_day, "publication", PUBLICATION
    else:
        return None
    future = tense_near(ctx.text, cand.start, cand.end, ctx.layout) == "future"
    return (day if future else day - timedelta(days=1)).isoformat(), anchor, anchor_text


def _fresh_report_elsewhere(mention: TimeExpression, cand: Candidate, ctx: Context) -> bool:
    """Whether ``mention`` is an event day from another sentence while ``cand``'s sentence is a report
    of its own (a reporting verb, no day word): the sentence then speaks from the publication day."""
    if _is_reporting_day(mention, ctx):
        return False
    s_start, s_end = ctx.layout.sentence(cand.start)
    if s_start <= mention.start < s_end:
        return False
    return any(is_reporting(word) for word in _WORD.findall(ctx.text[s_start:s_end]))


_DAY_NAME_RULES = ("weekday.", "relative.today")


def _is_reporting_day(expr: TimeExpression, ctx: Context) -> bool:
    """Whether ``expr`` is the day something was reported: the publication date itself, or a day
    name ("Tuesday", "today") right next to a reporting verb ("said on Tuesday", "On Tuesday, officials
    told reporters")."""
    if ctx.pub_day is not None and expr.value and expr.value[:10] == ctx.pub_day.isoformat():
        return True
    if not expr.rule.startswith(_DAY_NAME_RULES) or expr.granularity != "day":
        return False
    s_start, s_end = ctx.layout.sentence(expr.start)
    before = _WORD.findall(ctx.text[s_start : expr.start])[-3:]
    after = _WORD.findall(ctx.text[expr.end : s_end])[:2]
    return any(is_reporting(word) for word in before + after)


_WORD = re.compile(r"[A-Za-z]+")


def _time_month_day(cand: Candidate, ctx: Context) -> str | None:
    """The day of "5 p.m. EST Nov. 9"."""
    value = _month_day_value(
        cand, ctx, _month_number(cand.group("month")), int(cand.group("mday")), cand.group("year")
    ).value
    return value if value and not value.startswith("X") else None


def _resolve_inner_day(cand: Candidate, ctx: Context, word: str) -> str | None:
    pub = ctx.pub_day
    if pub is None:
        return None
    lower = _clean(word)
    if lower in _DAY_WORD_OFFSET:
        return (pub + timedelta(days=_DAY_WORD_OFFSET[lower])).isoformat()
    rel = _clean(cand.group("wrel")) or None
    tense = None
    if not rel:
        tense = consistent_weekday_tense(ctx.text, cand.start, cand.end, ctx.layout, WEEKDAYS[lower])[0]
    return weekday_date(pub, WEEKDAYS[lower], rel, tense).isoformat()


RESOLVERS: dict[str, Callable[[Candidate, Context], list[TimeExpression]]] = {
    "iso": resolve_iso,
    "numeric": resolve_numeric,
    "month_day": resolve_month_day,
    "day_month": resolve_month_day,
    "month_year": resolve_month_year,
    "month": resolve_month,
    "holiday": resolve_holiday,
    "decade": resolve_decade,
    "decade_word": resolve_decade_word,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "quarter_code": resolve_quarter,
    "the_quarter": resolve_the_quarter,
    "year_ago": resolve_year_ago,
    "the_year": resolve_the_year,
    "year_end": resolve_year_end,
    "year": resolve_year,
    "year_range": resolve_year_range,
    "turn_of_century": resolve_turn_of_century,
    "weekday": resolve_weekday,
    "day_word": resolve_day_word,
    "part_of_day": resolve_part_of_day,
    "mention": resolve_mention,
    "mention_before": resolve_mention_before,
    "story_period": resolve_story_period,
    "relative": resolve_relative,
    "ago": resolve_ago,
    "duration": resolve_duration,
    "unit_long": resolve_unit_long,
    "vague_duration": resolve_vague_duration,
    "set": resolve_set,
    "frequency": resolve_frequency,
    "season": resolve_season,
    "reference": resolve_reference,
}
CLOCK_FAMILIES = ("time", "clock", "noon", "military", "part_time", "early_hours")

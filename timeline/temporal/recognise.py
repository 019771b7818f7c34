"""Find candidate temporal expressions: compiled patterns plus context guards.

Each *family* is one compiled regex (case-insensitive) with named groups, and an optional guard
that rejects matches by looking at the surrounding text (names such as ``Exercise-2022``, modal
``may``, the verb ``March``...).  Candidates from all families are then reduced to a
non-overlapping set: the longest span wins, ties go to the family listed first.

Extent follows TimeML: leading prepositions (``on``, ``in``, ``since``) are left out; determiners
and modifiers (``the``, ``last``, ``this``, ``early``, ``mid-``) are kept.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from timeline.temporal.lexicon import (
    DECADE_WORDS,
    FREQUENCY_WORDS,
    MONTHS,
    SPELLED_YEAR_PATTERN,
    WEEKDAYS,
    trie_alternation,
    year_number,
)

# ---------------------------------------------------------------- fragments

_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b"
    r"(?:\.(?![ \t]*(?:\n|$|[A-Z\"“‘'(])))?"  # an abbreviation's dot, not a sentence's full stop
)
_WEEKDAY = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_WEEKDAY_ANY = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\b\.?"
)
_YEAR = r"(?P<year>(?:1\d|20)\d\d)(?![\d%]|[.,:]\d)"
# A year in digits or in words ("nineteen ninety-six"), for the families a transcript may spell out.
_YEAR_ANY = rf"(?P<year>(?:1\d|20)\d\d(?![\d%]|[.,:]\d)|{SPELLED_YEAR_PATTERN})"
_ORDINAL_SUFFIX = r"(?:st|nd|rd|th)?"
_POSITION = (
    r"(?P<pmod>early|earlier|late|later|mid|the\s+(?:end|beginning|start|middle|close)\s+of"
    r"|(?:end|beginning|start|middle)\s+of)"
)
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_SMALL = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen"
)
_NUMBER = (
    rf"(?P<n>\d{{1,4}}(?:\.\d+)?|(?:{_TENS})(?:[\s-](?:{_SMALL}))?|{_SMALL}|an?|half\s+an?|a\s+couple\s+of"
    r"|a\s+dozen|a\s+hundred|several|a\s+few|few|many|a\s+number\s+of|numerous|couple\s+of)"
)
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ies))"
_QMOD = (
    r"(?P<q>more\s+than|less\s+than|nearly|almost|about|around|roughly|approximately|at\s+least"
    r"|at\s+most|up\s+to|over(?!\s+the)|under|some|just)"
)
_PART_OF_DAY = r"(?P<tod>morning|afternoon|evening|night|overnight)"
_NOT_AFTER_UNIT = "".join(
    rf"(?<!{unit}{plural}\s)"
    for unit in ("minute", "hour", "day", "week", "month", "year")
    for plural in ("", "s")
)
_TIMEZONE = (
    r"(?P<tz>GMT|UTC|[ECMP][SD]?T|BST|CES?T|EES?T|WES?T|MSK|IST|AE[SD]T|JST|KST|HKT|SGT|WIB|PKT|SAST|EAT)\b"
)
_CLOCK_QMOD = r"(?:(?<!\w)(?P<q>around|about|approximately|roughly)\s+)?"


@dataclass
class Candidate:
    start: int
    end: int
    family: str
    match: re.Match[str]  # matched against the lower-cased text: read case from ``source``
    priority: int
    source: str  # the original text
    # ``source`` offset of the string ``match`` ran on: a sentence recognised once (``units.py``) keeps its
    # match for every copy, each copy adding its own offset
    offset: int = 0

    def start_of(self, name: str) -> int:
        """Where group ``name`` starts in ``source``."""
        return self.match.start(name) + self.offset

    def end_of(self, name: str) -> int:
        """Where group ``name`` ends in ``source``."""
        return self.match.end(name) + self.offset

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None

    def year(self) -> int | None:
        """The ``year`` group's year, in digits or spelled out."""
        text = self.group("year")
        return year_number(text) if text else None


# ---------------------------------------------------------------- guards
# A guard returns False to reject a match.  ``text`` is the whole document.

_PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:in|on|since|until|till|by|from|to|of|during|before|after|through|throughout|between|and|or"
    r"|early|late|mid|last|next|this|around|about|for|within|into|fiscal|as|at|year|years|ending|ended|than"
    r"|January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|[(,;:\[])[\s-]*$",
    re.IGNORECASE,
)
_CAPITALISED_WORD_BEFORE = re.compile(r"(?:\b[A-Z][\w'’.&]*|[»\"”])\s*(?:[-–—]\s*)?$")
_CAPITALISED_DETERMINER_BEFORE = re.compile(
    r"(?:^|[.!?\"“]\s*|\n\s*)(?:The|A|An|This|That|Its|Their|His|Her|Our)\s+$"
)
_NUMBER_CONTEXT_BEFORE = re.compile(r"(?:[$€£¥#№]|\bNo\.?|\bnumber|\bpage|\bsection|\bp\.|\bUS\$)\s*$", re.I)
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:[-–]?\s*(?:km|kms|kilomet|met(?:er|re)|miles?|feet|ft|tons?|tonnes?|kg|people|persons|troops|soldiers"
    r"|residents|votes|points|units|cars|dollars|euros|pounds|rubles|roubles|yuan|percent|per\s+cent|acres"
    r"|hectares|square|cases|deaths|men|women|children|students|workers|jobs|pages|words|rooms|beds|times|degrees))\b",
    re.IGNORECASE,
)


# Speed: ``_NUMBER_CONTEXT_BEFORE`` and ``_PREPOSITION_BEFORE`` end in ``$``, so a plain ``search`` tries
# their (case-insensitive) alternations at each of the window's 40 characters, 10-15 µs a window, for every
# year, duration, clock time and month judged.  A match's alternative ends at the window's last character
# that its tail (``\s*``, ``[\s-]*``) cannot take, and is at most this many characters long, so the search
# may start there: the same answer (``\b`` still reads the character before the start).
_NUMBER_CONTEXT_LONGEST = len("section")
_PREPOSITION_LONGEST = len("throughout")


def _number_context_before(before: str) -> bool:
    """``_NUMBER_CONTEXT_BEFORE.search(before)`` as a bool, searched from near the end."""
    end = len(before.rstrip())  # (``rstrip`` and ``\s`` strip the same characters: ``str.isspace``)
    return _NUMBER_CONTEXT_BEFORE.search(before, max(0, end - _NUMBER_CONTEXT_LONGEST)) is not None


def _preposition_before(before: str) -> bool:
    """``_PREPOSITION_BEFORE.search(before)`` as a bool, searched from near the end."""
    end = len(before)
    while end and (before[end - 1] == "-" or before[end - 1].isspace()):
        end -= 1
    return _PREPOSITION_BEFORE.search(before, max(0, end - _PREPOSITION_LONGEST)) is not None


def _original(text: str, m: re.Match[str], name: str) -> str:
    """A group's text in its original case (matches run on the lower-cased text)."""
    return text[m.start(name) : m.end(name)]


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _year_guard(text: str, m: re.Match[str]) -> bool:
    """Reject years that are part of a name (``Exercise-2022``), amounts, or counts."""
    start = m.start("year")
    if m.group("fy") and _original(text, m, "fy") != "FY":
        return False
    before = _before(text, start)
    if _number_context_before(before) or _COUNT_NOUN_AFTER.match(text, m.end()):
        return False
    if not m.group("year")[0].isdigit():
        return _spelled_year_guard(text, m, before)
    if m.start() == start and not m.group("pmod") and not m.group("fiscal"):
        year = int(m.group("year"))
        if year < 1600 and not _preposition_before(before):
            return False
        # A capitalised word joined by a space or dash is a name ("Euro 2024", "Resolve-2022"),
        # unless the word itself is date context ("In 2020", "March 2022").
        if (
            _CAPITALISED_WORD_BEFORE.search(before)
            and not _preposition_before(before)
            and not _CAPITALISED_DETERMINER_BEFORE.search(before)
        ):
            return False
        if re.search(r"\d\s*$", before) and not re.search(r"\d\s*[-–]\s*$", before):
            return False
        if re.search(r"\d{3}\s*[-–/]\s*$", before):
            return False  # the end of "Pages 2010-2015", "ISO 9001-2015": the range family decides
    return True


def _spelled_year_guard(text: str, m: re.Match[str], before: str) -> bool:
    """A year in words: "nineteen ninety-six" reads as a year anywhere; "two thousand", "twenty ten" and
    "nineteen hundred" are counts too, so they need date context before and no noun after."""
    words = _original(text, m, "year")
    if year_number(words) is None or re.search(r"\s[A-Z]", words):
        return False  # "Nineteen Eighty-Four": a title
    if m.start() != m.start("year") or (
        re.match(r"(?:sixteen|seventeen|eighteen|nineteen)[\s-]+(?!hundred)", m.group("year"))
    ):
        return True
    if not _preposition_before(before):
        return False
    if not re.match(r"two\s+thousand\s*$|\w+[\s-]+hundred$", m.group("year")):
        return True  # "in twenty twenty-two", "by two thousand and five"
    word = _NEXT_WORD.match(text, m.end())
    return word is None or word.group(1) in _NOT_A_NOUN


def range_end_year(first: int, second_text: str) -> int:
    """The second year of "2021-22" / "1999-00" / "2019-2021"."""
    if len(second_text) == 4:
        return int(second_text)
    second = first - first % 100 + int(second_text)
    return second + 100 if second <= first else second


def _year_range_guard(text: str, m: re.Match[str]) -> bool:
    first = int(m.group("year"))
    last = range_end_year(first, m.group("y2"))
    if not 0 < last - first <= 100:
        return False  # "2022-2019", "1990-1999" ok; "2020/1990" is not a range
    if len(m.group("y2")) == 2 and last // 100 != first // 100 and last != first + 1:
        return False  # two digits cross a century only to the next year ("1999-00"); "2022-02" is a month
    if len(m.group("y2")) == 2 and range_end_year(first, m.group("y2")) - first > 1 and "/" in m.group():
        return False  # "2019/25": a page or a ratio, not a span ("2019/20" is one)
    before = _before(text, m.start())
    if _number_context_before(before) or _COUNT_NOUN_AFTER.match(text, m.end()):
        return False
    if re.search(r"[\d.,]\s*$", before):
        return False
    return not (  # "Agenda 2021-2030", "Vision 2020-25": a name
        _CAPITALISED_WORD_BEFORE.search(before)
        and not _preposition_before(before)
        and not _CAPITALISED_DETERMINER_BEFORE.search(before)
    )


# "January 21 the following year", "in March that year": a year phrase placing the date before it.
YEAR_PHRASE_AFTER = re.compile(
    r"\s*,?\s*(?:of\s+)?(?P<ref>the\s+following|the\s+next|the\s+previous|the\s+preceding|that(?:\s+same)?"
    r"|the\s+same)\s+year\b",
    re.IGNORECASE,
)


# Words that take a time, never a verb: "in March a judge ruled" is the month ("to March" may be a verb).
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|since|until|till|during|early|late|mid|last|next|this)\s+$", re.IGNORECASE
)


def _month_guard(text: str, m: re.Match[str]) -> bool:
    return _original(text, m, "month")[0].isupper()  # "may", "march" in lower case are never months


def _bare_month_guard(text: str, m: re.Match[str]) -> bool:
    """A month name standing alone: reject the modal ``May``, the verb ``March`` and abbreviations."""
    if not _month_guard(text, m):
        return False
    word = m.group("month")
    has_modifier = bool(m.group("rel") or m.group("pmod") or m.group("yrel"))
    if len(word) <= 4 and word.lower() not in ("may", "june", "july") and not has_modifier:
        return False  # "Mar", "Dec" alone are more often names
    after = text[m.end() : m.end() + 30]
    if re.match(r"\s*\d{1,2}(?:st|nd|rd|th)?\b(?![.,:]\d)", after):
        return False  # "last Nov. 14": a day of the month follows; the month_day family takes it
    if has_modifier:
        return True
    before = _before(text, m.start())
    lower = word.lower()
    if lower in ("may", "march"):
        if not _preposition_before(before):
            return False
        if (
            re.match(r"\s+(?:the|a|an|on|to|be|have|not|through|against)\b", after, re.I)
            and not YEAR_PHRASE_AFTER.match(after)
            and not _TIME_PREPOSITION_BEFORE.search(before)
        ):
            return False  # "to march the troops", but "in March the following year", "in March a judge"
    # inside a name: "Grace May Smith"
    return not (re.match(r"\s+[A-Z]", after) and _CAPITALISED_WORD_BEFORE.search(before))


_TEMPERATURE_NEAR = re.compile(
    r"\b(?:temperatures?|degrees?|highs?|lows?|fahrenheit|celsius|thermometers?)\b", re.I
)


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?:\s|$)")


def _decade_word_guard(text: str, m: re.Match[str]) -> bool:
    """ "the nineties" is a decade, but "temperatures in the nineties" are degrees."""
    before = re.split(r"[.!?]\s", text[max(0, m.start() - 50) : m.start()])[-1]
    # up to the end of the sentence, closing quotes included (its next sentence says nothing of this one)
    near = before + _SENTENCE_END.split(text[m.end() : m.end() + 20])[0]
    return not _TEMPERATURE_NEAR.search(near) and "°" not in near


def _weekday_guard(text: str, m: re.Match[str]) -> bool:
    word = _original(text, m, "wd")
    if not word[0].isupper():
        return False
    before = _before(text, m.start(), 20)
    # "Good Friday", "Black Friday", "Super Tuesday": a capitalised adjective makes a name.
    return not (
        m.start() == m.start("wd") and re.search(r"\b(?:Good|Black|Super|Ash|Cyber|Holy|Easter)\s+$", before)
    )


def _day_month_guard(text: str, m: re.Match[str]) -> bool:
    if not _month_guard(text, m):
        return False
    if not 1 <= int(m.group("day")) <= 31:
        return False
    return not _number_context_before(_before(text, m.start()))


def _month_day_guard(text: str, m: re.Match[str]) -> bool:
    if not _day_month_guard(text, m):
        return False
    if m.group("wd") and not _original(text, m, "wd")[0].isupper():
        return False
    # "May 5 people" / "March 3 km": a count, not a date.
    return not _COUNT_NOUN_AFTER.match(text, m.end())


def _month_year_guard(text: str, m: re.Match[str]) -> bool:
    return _month_guard(text, m) and not _COUNT_NOUN_AFTER.match(text, m.end())


def _month_guard_any(text: str, m: re.Match[str]) -> bool | str:
    if m.group("year"):
        return "month_year" if not m.group("rel") and _month_year_guard(text, m) else False
    return _bare_month_guard(text, m)


def _numeric_guard(text: str, m: re.Match[str]) -> bool:
    a, b = int(m.group("a")), int(m.group("b"))
    if m.group("sep") == "." and len(m.group("y")) != 4:
        return False
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


def _iso_guard(text: str, m: re.Match[str]) -> bool:
    return 1 <= int(m.group("mo")) <= 12 and 1 <= int(m.group("d")) <= 31


def _duration_or_ago_guard(text: str, m: re.Match[str]) -> bool | str:
    if m.group("dir"):
        return "ago" if not m.group("det") and _ago_guard(text, m) else False
    return _duration_guard(text, m)


def _duration_guard(text: str, m: re.Match[str]) -> bool:
    n = m.group("n").lower()
    unit = m.group("unit").lower()
    plural = m.group("pl")
    if n in ("a", "an", "half a", "half an") and (unit in ("second", "quarter") or plural):
        return False  # "a second time", "a quarter of"
    if n in ("a", "an") and unit == "year" and re.match(r"\s+(?:or|to)\s", text[m.end() : m.end() + 6]):
        return True
    if n[0].isdigit():
        if len(n) == 4 and not plural:
            return False  # "the 1988 quarter": a year, not a count
        if _number_context_before(_before(text, m.start("n"))):
            return False
        if re.search(r"[\d.,]$", text[max(0, m.start("n") - 1) : m.start("n")]):
            return False
    if re.match(r"(?:-olds?|\s+olds?)\b", text[m.end() : m.end() + 6]):
        return False  # ages ("a 6-year-old", "52 years old") are not time expressions
    if m.group("adj") == "-old":
        return bool(_AGED_THING_AFTER.match(text, m.end()))
    if (
        unit == "quarter"
        and not m.group("det")
        and n in ("one", "two", "three")
        and _FRACTION_OF.match(text, m.end())
    ):
        return False  # "three-quarters of its food": a fraction
    single = n in ("a", "an", "one", "1", "half a", "half an")
    hyphenated = "-" in text[m.end("n") : m.start("unit")]
    if plural and single and unit != "century":
        return False
    # "a five year low", "a three hour meeting": an unhyphenated count before a noun.
    attributive = unit != "quarter" and bool(re.match(r" [a-z]", text[m.end() : m.end() + 2]))
    return (
        plural
        or single
        or hyphenated
        or attributive
        or bool(m.group("adj"))
        or n[0].isdigit()
        or unit == "century"
    )


# "the 8-month-old truce" is a duration; "a 6-year-old boy", "a 52-year-old surgeon" are ages, and
# the nouns of ages are endless: only an institution, a conflict or an arrangement makes a duration.
_AGED_THING_AFTER = re.compile(
    r"\s+(?:truce|cease-?fire|war|conflict|dispute|feud|embargo|ban|blockade|siege|strike|standoff|crisis"
    r"|insurgency|rebellion|uprising|regime|moratorium|policy|law|agreement|accord|deal|treaty|alliance"
    r"|case|investigation|inquiry|probe|campaign|marriage|relationship|rivalry|tradition|mystery|peace"
    r"|occupation|dictatorship|government|coalition|partnership|friendship|shutdown|lockout|boycott)s?\b"
)
# "three-quarters of its food", "two quarters of the vote": a fraction, not a duration.
_FRACTION_OF = re.compile(
    r"\s+of\s+(?:its|the|their|his|her|our|all|those|these|a|an)\b(?!\s+(?:fiscal\s+|calendar\s+)?year\b)"
)


def _quarter_code_guard(text: str, m: re.Match[str]) -> bool:
    """ "Q3", "Q3 2021"; a half needs its year ("H1 2022"): "H2" alone is hydrogen, "H1" a visa."""
    if text[m.start()] not in "QH":
        return False
    return m.group("code") == "q" or (m.group("qn") in "12" and bool(m.group("y")))


def _the_quarter_guard(text: str, m: re.Match[str]) -> bool:
    word = text[m.end() - 7 : m.end()] if m.group().endswith("quarter") else "period"
    if word[0] == "Q":
        return False  # "the Quarter": a district
    return not re.match(r"\s+(?:of|point|century)\b", text[m.end() : m.end() + 10], re.IGNORECASE)


# "the first nine months of the year", "the rest of the year": "of the year" is temporal only after
# a word for a part of a period ("Player of the Year", "the deal of the year" are not dates).
_PART_OF_PERIOD_BEFORE_OF = re.compile(
    r"\b(?:months?|weeks?|days?|quarters?|half|halves|rest|remainder|balance|end|start|beginning|middle"
    r"|part|parts|course|period|portion|time|close|turn|first|second|third|fourth|last)\s+of\s+$",
    re.IGNORECASE,
)


def _the_year_guard(text: str, m: re.Match[str]) -> bool:
    if "Year" in text[m.start() : m.end()]:
        return False  # "Player of the Year", "the Year of the Dragon": names
    after = text[m.end() : m.end() + 20]
    if re.match(r"\s+(?:\d|two\b|nineteen\b|before\b|after\b|earlier\b|later\b|ago\b|of\b)", after, re.I):
        return False  # another family's expression, or "the year of ...": a name or an unknown year
    before = _before(text, m.start(), 30)
    if re.search(r"\bof\s+$", before, re.IGNORECASE):
        return bool(_PART_OF_PERIOD_BEFORE_OF.search(before))
    return True


def _vague_guard(text: str, m: re.Match[str]) -> bool:
    if m.group("long"):
        return True  # "a decades-long feud"
    if m.group("det") or m.group("vq"):
        return not (m.group("det") and m.group("det").lower() == "the" and not m.group("vq"))
    return bool(re.search(r"\b(?:for|in|over|within)\s+$", _before(text, m.start(), 12), re.I))


def _season_guard(text: str, m: re.Match[str]) -> bool:
    season = _original(text, m, "season")
    rel = (m.group("rel") or "").lower()
    if m.group("year"):
        return True
    after = text[m.end() : m.end() + 20]
    if season[0].isupper() and re.match(r"\s+[A-Z]", after):
        return False  # "Summer Olympics", "Arab Spring Uprising"
    if rel == "the" and re.match(r"\s+of\b", after):
        return False  # "the fall of the city"
    if rel:
        return season.lower() != "fall" or rel != "the" or not re.match(r"\s+(?:in|of|on)\b", after)
    if season.lower() in ("fall", "spring"):
        return False
    return bool(
        re.search(r"\b(?:in|during|this|by|until|since|through)\s+$", _before(text, m.start(), 15), re.I)
    )


def _reference_guard(text: str, m: re.Match[str]) -> bool:
    word = re.sub(r"\s+", " ", m.group("ref").lower())
    before = _before(text, m.start(), 12)
    after = text[m.end() : m.end() + 12]
    if after.startswith("-"):
        return False  # "now-defunct"
    if word == "soon" and re.search(r"\bas\s+$", before, re.I):
        return False  # "as soon as"
    if word in ("shortly", "soon") and re.match(r"\s+(?:after|before|thereafter)\b", after, re.I):
        return False
    if word == "the past":
        return bool(re.search(r"\b(?:in|of|from|into|than)\s+$", before, re.I))
    if word == "future":
        return bool(re.search(r"\bin\s+$", before, re.I))
    if word == "now":
        return not re.search(r"\b(?:until|till|by|from|than|for)\s+$", before, re.I) or True
    return True


def _set_guard(text: str, m: re.Match[str]) -> bool:
    for name in ("wd", "wds", "setmonth"):
        if m.group(name) and not _original(text, m, name)[0].isupper():
            return False
    # "50 km per hour" is a speed, not a recurrence
    return not (m.group("unit3") and _SPEED_BEFORE.search(_before(text, m.start(), 15)))


_SPEED_BEFORE = re.compile(
    r"\b(?:km|kms|kilomet\w*|miles?|metres?|meters?|feet|knots?|words|litres?|liters?)\s+$", re.I
)


# "the Communist Party daily Granma", "the daily said": a newspaper, not a frequency.
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:[A-Z]|(?:newspaper|paper|said|says|reported|reports|quoted|wrote|writes|cited|added)\b)"
    r"|\s*[.,;:]",
)


def _frequency_guard(text: str, m: re.Match[str]) -> bool:
    if not _original(text, m, "freq")[0].islower():
        return False  # "Daily Mail", "The Weekly Standard" are names
    if m.group("freq") in ("daily", "weekly") and _NEWSPAPER_AFTER.match(text, m.end()):
        return not re.search(r"\b(?:the|a|an|party|business|financial|state|official|local)\s+$",
                             _before(text, m.start(), 12), re.IGNORECASE)  # fmt: skip
    return True


def _time_guard(text: str, m: re.Match[str]) -> bool:
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    groups = m.re.groupindex
    if "inthe" in groups and m.group("inthe") and not 1 <= hour <= 12:
        return False  # "4 in the morning"; "20 in the evening" is a count
    if (
        "mday" in groups
        and m.group("mday")
        and not (_month_guard(text, m) and 1 <= int(m.group("mday")) <= 31)
    ):
        return False
    return 0 <= hour <= 24 and minute < 60 and not _number_context_before(_before(text, m.start()))


# A timestamp's clock follows its date: "14 Feb 2022 | 10:30", "February 14, 2022 10:30".
_DATE_BEFORE_CLOCK = re.compile(r"\b(?:1\d|20)\d\d,?\s*(?:[|/–—-]\s*)?$")


def _clock_guard(text: str, m: re.Match[str]) -> bool:
    if not _time_guard(text, m):
        return False
    if m.group("tz"):
        return True
    if m.group("csep") == "." or int(m.group("h")) > 23:
        return False  # "10.30" without a zone is a number
    if m.group("q"):
        return True
    before = _before(text, m.start(), 12)
    return bool(
        re.search(r"\b(?:at|by|around|until|till|from|since|before|after)\s+$", before)
        or _DATE_BEFORE_CLOCK.search(before)
    )


_TOD_PREPOSITION_BEFORE = re.compile(
    r"\b(?:at|before|after|by|until|till|from|since|around|near|toward|towards|about|in|during|through"
    r"|throughout|on|into|of)\s+$",
    re.IGNORECASE,
)
# What may follow a part of the day used as a time ("in the morning, ...", "overnight into Monday"),
# as opposed to an adjective ("the morning session", "the overnight rate", "dawn raids").
_TOD_FOLLOWER = re.compile(
    r"\s*(?:$|[.,;:!?)\]\"”'’—–(-]|(?:on|in|into|to|from|and|as|after|before|while|when|at|near|across|with"
    r"|but|amid|despite|following|until|by|around|local|against|the|a|an|he|she|they|it|we|i|there"
    r"|officials|police|troops|forces)\b|[A-Z]"
    r"|of\s+(?:[A-Z\d]|the\s+(?:same|next|following|\d)|that\b))"  # "the morning of Feb. 24", not "of life"
)
_SUNLIGHT = ("dawn", "daybreak", "dusk", "nightfall", "sunrise", "sunset")


def _part_time_guard(text: str, m: re.Match[str]) -> bool:
    """A part of the day standing alone is a time only where a preposition governs it and no noun
    follows it; with a day ("mid-afternoon yesterday") it always is."""
    tod = m.group("tod")
    if m.group("wd") and not _original(text, m, "wd")[0].isupper():
        return False
    if m.group("dw"):
        return True
    before = _before(text, m.start(), 15)
    if not _TOD_FOLLOWER.match(text, m.end()):
        return False
    if tod == "overnight":
        return not m.group("the") and not re.search(r"\b(?:an?|its|their|his|her|our)\s+$", before, re.I)
    if tod in _SUNLIGHT and not m.group("the"):
        return bool(_TOD_PREPOSITION_BEFORE.search(before))
    if not (m.group("the") or m.group("pmod")):
        return False  # "morning" alone: "good morning", "morning prayers"
    return bool(_TOD_PREPOSITION_BEFORE.search(before))


def _noon_guard(text: str, m: re.Match[str]) -> bool:
    """A clock word needs a day or a time preposition: not "high noon", "Midnight Express"."""
    day = m.group("dw")
    if day:
        return day in ("today", "yesterday", "tomorrow", "tonight") or _original(text, m, "dw")[0].isupper()
    before = _before(text, m.start(), 12)
    return bool(re.search(r"\b(?:at|by|around|until|till|before|after|since|past|from|about)\s+$", before))


# After "the day before": an event ("the vote", "he left", "returning", "Easter") is the anchor, not a
# date we know, so the expression is skipped.
_EVENT_AFTER = re.compile(
    r"\s+(?:(?i:the|a|an|his|her|its|their|our|my|this|that|these|those|he|she|it|they|we|you|i)\b"
    r"|(?i:[a-z]+ing)\b|[A-Z])"
)
# What may follow "the day before" used as a date ("left the day before in a convoy", "the day before
# was quiet"); any other word begins the event it is anchored to ("the day before police issued").
_DATE_USE_AFTER = re.compile(
    r"\s+(?:in|at|on|and|but|or|when|as|to|with|by|from|for|after|while|was|were|had|has|is|are|did|so"
    r"|yesterday|alone|too|also|already|then)\b",
    re.IGNORECASE,
)


def _mention_guard(text: str, m: re.Match[str]) -> bool:
    """``the day before`` followed by an event (a noun phrase, a clause, a verb in -ing) is anchored to
    that event: skip.  A following day name is the anchor ("the day before last Tuesday")."""
    if m.group("wd"):
        return _original(text, m, "wd")[0].isupper()
    if not m.group("ba"):
        return True
    if _EVENT_AFTER.match(text, m.end()):
        return False
    return not re.match(r"\s+\w", text[m.end() : m.end() + 2]) or bool(_DATE_USE_AFTER.match(text, m.end()))


def _story_period_guard(text: str, m: re.Match[str]) -> bool:
    """A month must be capitalised and not start a name ("that June Smith"); "that fall", "that May" after
    a noun or a verb is a relative clause or a complement ("prices that fall", "unlikely that May could"),
    so "that" with a verb-like period needs a preposition or a comma before it, or to start a sentence."""
    period = _original(text, m, "period")
    is_month = period.lower() not in ("spring", "summer", "autumn", "fall", "winter")
    if is_month and (not period[0].isupper() or re.match(r"\s+[A-Z]", text[m.end() : m.end() + 2])):
        return False  # "that may", "that June Smith's daughter": not a month
    if m.group("ref") == "that" and period.lower() in ("fall", "spring", "march", "may"):
        capital = _original(text, m, "ref")[0].isupper()
        sentence_start = capital and bool(_SENTENCE_START_BEFORE.search(_before(text, m.start(), 4)))
        return sentence_start or bool(_preposition_before(_before(text, m.start())))
    return True


def _ago_guard(text: str, m: re.Match[str]) -> bool:
    direction = m.group("dir").lower()
    n = m.group("n").lower()
    if n[0].isdigit() and _number_context_before(_before(text, m.start("n"))):
        return False
    if direction in ("before", "after"):
        after = text[m.end() : m.end() + 3]
        return not re.match(r"\s*\w", after)
    return True


# ---------------------------------------------------------------- families

Guard = Callable[[str, "re.Match[str]"], "bool | str"]  # False: reject; a string: re-label the family

# "April 24 and 25" names two days, but "April 24 and 25 percent" one day and a count.
# "9 November last year", "June 18 this year": the year counted from the publication's (not "last year's")
_NOT_POSSESSIVE = r"(?![-’']|\s*['’]s\b)"  # "last year's", "last year 's" (tokenised), "last year-end"
_YEAR_REL_AFTER = rf"\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b{_NOT_POSSESSIVE}"
_AND_ANOTHER_DAY = rf"(?:and|&)(?!\s*\d{{1,2}}(?:st|nd|rd|th)?(?:\s*%|{_COUNT_NOUN_AFTER.pattern}))"

_FAMILY_SOURCES: list[tuple[str, str, Guard | None]] = [
    (
        "iso",
        r"(?<![\d-])(?P<y>(?:1\d|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z\b|[+-][01]\d:?[0-5]\d)?)?(?![\d-])",
        _iso_guard,
    ),
    (
        "numeric",
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/]|\.\d)"
        r"(?:\s+(?P<hh>[0-2]?\d):(?P<mm>[0-5]\d)(?::[0-5]\d)?)?",
        _numeric_guard,
    ),
    (
        "month_day",
        rf"(?:{_WEEKDAY_ANY}(?:\s*,)?\s+(?:the\s+)?)?{_MONTH}\s*(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}(?![\d%]|[.,:]\d)"
        rf"(?:\s*(?:-|–|—|to|through|until|{_AND_ANOTHER_DAY})\s*(?P<day2>\d{{1,2}}){_ORDINAL_SUFFIX}(?![\d%]|[.,:]\d))?"
        rf"(?:(?:\s*,)?\s+{_YEAR}|{_YEAR_REL_AFTER})?",
        _month_day_guard,
    ),
    (
        "day_month",
        rf"(?<![\w.,/$£€-])(?:{_WEEKDAY_ANY}(?:\s*,)?\s+(?:the\s+)?)?(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}"
        rf"(?:\s*(?:-|–|to|{_AND_ANOTHER_DAY})\s*(?P<day2>\d{{1,2}}){_ORDINAL_SUFFIX})?\s+(?:of\s+)?{_MONTH}(?:(?:\s*,)?\s+{_YEAR}|{_YEAR_REL_AFTER})?",
        _day_month_guard,
    ),
    (
        "month",  # with a year: "month_year"
        rf"(?:(?P<rel>last|next|this|past|coming)\s+|{_POSITION}[\s-]*)?{_MONTH}"
        rf"(?:(?:\s*,)?\s+(?:of\s+)?{_YEAR_ANY}|\s+(?P<yrel>this|last|next)\s+year\b(?![-’']))?",
        _month_guard_any,
    ),
    (
        "holiday",
        r"(?:(?P<rel>last|next|this)\s+)?(?P<hol>Christmas(?:\s+Day|\s+Eve)?|New\s+Year'?s(?:\s+Day|\s+Eve)"
        r"|Valentine'?s\s+Day|Boxing\s+Day|Halloween|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday|\s+Monday)?)\b"
        rf"(?:\s+{_YEAR})?",
        lambda text, m: _original(text, m, "hol")[0].isupper(),
    ),
    (
        "decade",
        r"(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]*)?(?:(?P<dec>(?:1\d|20)\d)0|['’](?P<yy>\d)0)'?s\b",
        None,
    ),
    (
        "decade_word",  # "the nineties", "the early nineteen-eighties"
        r"the\s+(?:(?P<pmod>early|mid|late)[\s-]*)?(?:(?P<cw>sixteen|seventeen|eighteen|nineteen|twenty)[\s-]+)?"
        rf"(?P<decw>{'|'.join(DECADE_WORDS)})\b(?!-)",
        _decade_word_guard,
    ),
    (
        "century",
        r"(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]*)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b",
        None,
    ),
    (
        "quarter",
        r"(?:the\s+)?(?:(?P<y1>(?:1\d|20)\d\d)(?:'s)?\s+|(?P<yrel>this|last|next)\s+year'?s\s+)?"
        r"(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past)"
        # not "half-hour", nor a half of something else than a period ("the second half of the race")
        r"[\s-]+(?:fiscal[\s-]+)?(?P<qh>quarter|half)\b(?!-|\s+-\s+(?:hour|dozen|time|mile|length|century)\b)"
        r"(?!\s+of\s+(?:the|this|that|his|her|its|their|a|an)\s+(?!(?:years?|fiscal|financial|calendar|current"
        r"|century|decade|month|last|next|past|previous|coming|\d)\b)[a-z])"
        r"(?:\s+of\s+(?:fiscal\s+|the\s+year\s+)?(?:(?P<y2>(?:1\d|20)\d\d)|(?P<yrel2>this|last|next)\s+year))?",
        None,
    ),
    (
        "quarter_code",
        r"\b(?P<code>[QH])(?P<qn>[1-4])(?:\s*[-/]?\s*(?P<y>(?:1\d|20)\d\d))?\b",
        _quarter_code_guard,
    ),
    (
        "the_quarter",  # an earnings report's "the quarter", "the latest period"
        r"the\s+(?:quarter|latest\s+period)\b(?![-’']s?\w)",
        _the_quarter_guard,
    ),
    (
        "year_ago",  # "the year-ago quarter", "the year-earlier period", "year-earlier profit"
        r"(?:the\s+(?:(?:comparable|corresponding|same)\s+)?)?(?P<core>year-(?:ago|earlier))\b"
        r"(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?P<noun>quarter|period)\b(?![-’']s?\w))?",
        None,
    ),
    (
        "the_year",  # "for the year", "the fiscal year ended June 30"
        r"the\s+(?:(?P<ymod>full|fiscal|calendar|current\s+fiscal|latest\s+fiscal)\s+)?year\b(?![-’']s?\w)",
        _the_year_guard,
    ),
    (
        "year_end",  # "by year-end", "at year's end": the end of the publication year
        r"(?:the\s+)?year(?:['’]s)?[\s-]end\b(?!-)",
        None,
    ),
    (
        "year_range",  # "2019-2021", "the 2021-22 season", "2019/20": two DATEs, like "Feb 10-20"
        rf"{_YEAR}\s*[-–/]\s*(?P<y2>(?:1\d|20)\d\d|\d\d)(?![\d%/-]|[.,:]\d|\s*(?:%|percent))",
        _year_range_guard,
    ),
    (
        "turn_of_century",
        r"the\s+turn\s+of\s+the\s+(?:(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+)?century\b",
        None,
    ),
    (
        "year",
        rf"(?:{_POSITION}[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar\s+year|the\s+year)\s+|(?P<fy>FY)\s?)?{_YEAR_ANY}"
        r"(?![\w$€£]|-\d|\s*(?:%|percent))",
        _year_guard,
    ),
    (
        "weekday",
        # "early Tuesday", "later Sunday" (mod START/END), but not "two days later Sunday"
        rf"(?:{_NOT_AFTER_UNIT}(?P<pmod>early|earlier|late|later)\s+(?:on\s+)?)?"
        rf"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?{_WEEKDAY}(?:\s+{_PART_OF_DAY})?"
        rf"(?:\s+(?:of\s+)?(?P<wrel>this|last|next)\s+week\b{_NOT_POSSESSIVE})?",  # "Monday next week"
        _weekday_guard,
    ),
    (
        "day_word",
        r"(?:the\s+day\s+(?P<ba>before|after)\s+)?(?:(?P<pmod>early|late)\s+)?"
        r"(?P<word>today|yesterday|tomorrow|tonight)\b(?:\s+(?P<tod>morning|afternoon|evening|night))?",
        None,
    ),
    (
        "part_of_day",
        r"(?:(?P<pmod>early|late|earlier|later)\s+)?(?P<rel>this|last)\s+(?P<tod>morning|afternoon|evening|night)\b",
        None,
    ),
    (
        "mention",
        r"(?:(?P<pmod>early|earlier|late|later)\s+)?"
        r"(?P<ref>that(?:\s+same)?|the\s+same|the\s+previous|the\s+following|the\s+next|the\s+preceding|the\s+prior"
        r"|in\s+the)"  # "later in the day": the day last mentioned
        r"\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\b(?!-)",
        lambda text, m: m.group("ref") != "in the" or (bool(m.group("pmod")) and m.group("unit") == "day"),
    ),
    (
        # "that winter", "the following spring", "that October", "the next April": a season or month of the
        # story's year, or the next/previous one after it
        "story_period",
        r"(?:(?P<pmod>early|earlier|late|later)\s+(?:in\s+)?)?"
        r"(?P<ref>that|the\s+following|the\s+next|the\s+previous|the\s+preceding)\s+"
        r"(?P<period>spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august"
        r"|september|october|november|december)\b(?![\'’-]|\s+(?:of\s+)?\d)",
        _story_period_guard,
    ),
    (
        "mention_before",
        r"the\s+(?P<unit>day|night|week|weekend|month|year)\s+(?P<ba>before|after|earlier|later)\b"
        r"(?:\s+(?:(?P<wrel>last|next|this)\s+)?"  # "the day before last Tuesday('s hearing)"
        r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)?",
        _mention_guard,
    ),
    (
        "relative",
        rf"(?:{_POSITION}\s+)?(?P<rel>this|last|next|past|coming|current|the\s+(?:past|last|next|coming|current"
        r"|previous|following|present|latest|upcoming)|the)\s+"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century|fortnight)\b(?!-\w|['’](?:s\w|[a-rt-z]))",
        lambda text, m: (
            not (
                m.group("rel").lower() == "the"
                and m.group("unit").lower() != "weekend"
                and not m.group("pmod")
            )
        ),
    ),
    (
        "duration",  # with a direction word: "ago"
        rf"(?:{_QMOD}\s+)?(?:(?P<det>the\s+(?:past|last|next|first|previous|coming|following|final|remaining|other)"
        rf"|the|another|past|last|next|first|an\s+additional|(?:an)?other|further)\s+)?{_NUMBER}"
        r"(?P<frac>\s+and\s+a\s+half|\s+1/2|\s*½)?(?:\s+(?:more|additional|extra))?(?:\s+|-)"  # "5 1/2 hours"
        rf"{_UNIT}(?P<pl>s)?(?P<adj>-long|-old)?\b(?!-)(?P<half>\s+and\s+a\s+half\b)?"  # "a year and a half"
        r"(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|(?:before|after)(?![ \t]*\w))\b)?",
        _duration_or_ago_guard,
    ),
    (
        "unit_long",  # "a day-long meeting", "their year-long inquiry": one unit
        r"(?P<unit>hour|day|week|month|year)-long\b",
        None,
    ),
    (
        "vague_duration",
        r"(?:(?P<det>the\s+(?:past|last|next|coming|previous|first)|the|past|last|next|recent|coming)\s+)?"
        r"(?:(?P<vq>several|a\s+few|few|many|some|a\s+number\s+of|numerous|a\s+couple\s+of)\s+)?"
        r"(?P<unit>minute|hour|day|week|month|year|decade|centur(?:y|ie))s\b(?P<long>-long\b)?",
        _vague_guard,
    ),
    (
        "time",  # "3pm", "around 7:15 p.m. EST Tuesday", "5 p.m. EST Nov. 9", "4 in the morning"
        rf"(?<![\d.:]){_CLOCK_QMOD}(?P<h>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?"
        r"(?:\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
        r"|(?:\s+o['’]clock)?\s+(?P<inthe>in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)"
        rf"(?:\s*\(?{_TIMEZONE}\)?)?"
        rf"(?:,?\s+(?:(?P<dw>today|yesterday|tomorrow|tonight|{_WEEKDAY})"
        rf"|{_MONTH}\s*(?P<mday>\d{{1,2}})(?![\d%]|[.,:]\d)(?:(?:\s*,)?\s+{_YEAR})?))?",
        _time_guard,
    ),
    (
        "clock",  # "15:00 GMT", "10.30 GMT" (a dot only with a zone), "at 10:30", "2022 | 10:30"
        rf"(?<![\d.:]){_CLOCK_QMOD}(?P<h>[0-2]?\d)(?P<csep>[:.])(?P<mi>[0-5]\d)(?![\d.:])"
        rf"(?:\s*(?:\(?{_TIMEZONE}\)?|local\s+time\b))?",
        _clock_guard,
    ),
    (
        "military",  # "(1230 GMT)": a four-digit clock needs its zone
        r"(?<![\d.:,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|Z)\b",
        None,
    ),
    (
        "part_time",  # "at dawn", "overnight", "in the morning", "by mid-afternoon yesterday"
        r"(?:(?P<the>the)\s+)?(?:(?P<pmod>early|late|mid)[\s-]*)?"
        r"(?P<tod>morning|afternoon|evening|dawn|daybreak|dusk|nightfall|sunrise|sunset|overnight)\b(?!-)"
        rf"(?:,?\s+(?P<dw>today|yesterday|tomorrow|{_WEEKDAY}))?",
        _part_time_guard,
    ),
    (
        "early_hours",  # "the early hours of Sunday (morning)"
        r"the\s+(?:early|small|wee)\s+hours\b(?:\s+of\s+(?:(?P<wrel>last|this)\s+)?"
        rf"(?P<dw>today|yesterday|tomorrow|{_WEEKDAY})(?:\s+morning\b)?)?",
        lambda text, m: not m.group("wd") or _original(text, m, "wd")[0].isupper(),
    ),
    (
        "noon",  # "noon Thursday", "at midnight"
        rf"(?P<word>noon|midnight|midday)\b(?:,?\s+(?P<dw>today|yesterday|tomorrow|tonight|{_WEEKDAY}))?",
        _noon_guard,
    ),
    (
        "set",
        r"(?:(?P<every>every|each)\s+(?:other\s+)?(?:(?P<n>\d+|two|three|four|five|six|ten)\s+)?"
        rf"(?:{_WEEKDAY}|(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|hour"
        r"|summer|winter|spring|autumn|fall)s?"
        r"|(?P<setmonth>January|February|March|April|May|June|July|August|September|October|November"
        r"|December))\b"
        r"|(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<unit2>day|week|month|year|hour)\b"
        r"|per\s+(?P<unit3>hour|day|week|month|year|annum)\b"
        r"|(?P<wds>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays"
        r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?P<tods>morning|afternoon|evening"
        r"|night)s)\b)",
        _set_guard,
    ),
    ("frequency", rf"(?P<freq>{'|'.join(FREQUENCY_WORDS)})\b", _frequency_guard),
    (
        "season",
        r"(?:(?P<rel>this|last|next|past|coming|early|late|mid|the|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
        r"(?:\s+the|\s+this|\s+last|\s+next)?)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)\b(?!-)"
        rf"(?:(?:\s+of)?\s+{_YEAR_ANY})?",
        _season_guard,
    ),
    (
        "reference",
        r"(?<![-\w])(?P<ref>right\s+now|now|currently|nowadays|presently|at\s+present|at\s+the\s+moment"
        r"|these\s+days|recently|lately|formerly|the\s+past|the\s+future|future|shortly"
        r"|the\s+(?:near|immediate)\s+(?:future|term)|the\s+short\s+term)\b(?!-)",
        _reference_guard,
    ),
]


def _compile(source: str) -> re.Pattern[str]:
    """Compile a family for the lower-cased text: case-sensitive lower-case matching is much faster
    than IGNORECASE, and guards read the original case where it matters."""
    lowered = source.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(lowered if lowered.startswith("(?<") else r"(?<!\w)" + lowered)


FAMILIES: list[tuple[str, re.Pattern[str], Guard | None]] = [
    (name, _compile(source), guard) for name, source, guard in _FAMILY_SOURCES
]

# ---------------------------------------------------------------- dispatch by first token
# Scanning the text once per family was three quarters of the tagging time.  Instead one scan finds
# the *tokens* an expression can begin with, and only the families that can begin with that token are
# tried there, anchored (``pattern.match``).  A token is a maximal run of lower-case letters (after a
# non-word character), of digits (after a non-digit) or an apostrophe ('90s).  Each family lists the
# tokens it can start with: whole words, word prefixes (where the pattern lets the next word follow
# without a space, "mid-" / "midFebruary"), and digit runs.  A family missing a start token here
# would silently lose matches, so tests compare the result with a plain per-family scan.


def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


_POSITION_WORDS = ("the", "end", "beginning", "start", "middle")
_GLUED_POSITION = ("early", "earlier", "late", "mid")  # may be followed directly by the next word
_REL_WORDS = ("last", "next", "this", "past", "coming")
_QMOD_WORDS = _words("more less nearly almost about around roughly approximately at up over under some just")
_NUMBER_WORDS = (*_TENS.split("|"), *_SMALL.split("|"), *_words("a an half several few many numerous couple"))
_WEEKDAY_WORDS = (*WEEKDAYS, *_words("mon tue tues wed thu thur thurs fri sat sun"))
_YEAR_DIGITS = r"(?:1\d|20)\d\d"
_DAY_DIGITS = r"\d{1,2}"
_NONE: tuple[str, ...] = ()

# family -> (whole words, word prefixes, digit-run pattern or None); the apostrophe is the decade's.
_STARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str | None]] = {
    "iso": (_NONE, _NONE, _YEAR_DIGITS),
    "numeric": (_NONE, _NONE, _DAY_DIGITS),
    "month_day": ((*_WEEKDAY_WORDS, *MONTHS), _NONE, None),
    "day_month": (_WEEKDAY_WORDS, _NONE, _DAY_DIGITS),
    "month": ((*_REL_WORDS, *_POSITION_WORDS, *MONTHS), _GLUED_POSITION, None),
    "holiday": (
        _words("last next this christmas new valentine valentines boxing halloween thanksgiving easter"),
        _NONE,
        None,
    ),
    "decade": (("the",), ("early", "mid", "late"), r"(?:1\d|20)\d0"),
    "decade_word": (("the",), _NONE, None),
    "century": (("the",), ("early", "mid", "late"), _DAY_DIGITS),
    "quarter": (
        _words("the this last next fiscal first second third fourth final latest current previous past"),
        _NONE,
        rf"{_YEAR_DIGITS}|[1-4]",
    ),
    "quarter_code": (("q", "h"), _NONE, None),
    "the_quarter": (("the",), _NONE, None),
    "year_ago": (("the", "year"), _NONE, None),
    "the_year": (("the",), _NONE, None),
    "year_end": (("the", "year"), _NONE, None),
    "year_range": (_NONE, _NONE, _YEAR_DIGITS),
    "turn_of_century": (("the",), _NONE, None),
    "year": (
        (*_POSITION_WORDS, *_words("fiscal calendar fy sixteen seventeen eighteen nineteen twenty two")),
        _GLUED_POSITION,
        _YEAR_DIGITS,
    ),
    "weekday": ((*_REL_WORDS, "previous", "early", "earlier", "late", "later", *WEEKDAYS), _NONE, None),
    "day_word": (_words("the early late today yesterday tomorrow tonight"), _NONE, None),
    "part_of_day": (_words("early late earlier later this last"), _NONE, None),
    "mention": (_words("early earlier late later that the"), _NONE, None),
    "mention_before": (("the",), _NONE, None),
    "story_period": (_words("early earlier late later that the"), _NONE, None),
    "relative": ((*_POSITION_WORDS, *_GLUED_POSITION, "later", *_REL_WORDS, "current"), _NONE, None),
    "duration": (
        (*_QMOD_WORDS, *_words("the another past last next first an other further"), *_NUMBER_WORDS),
        _NONE,
        r"\d{1,4}",
    ),
    "unit_long": (_words("hour day week month year"), _NONE, None),
    "vague_duration": (
        _words(
            "the past last next recent coming several a few many some numerous"
            " minutes hours days weeks months years decades centuries"
        ),
        _NONE,
        None,
    ),
    "time": (_words("around about approximately roughly"), _NONE, _DAY_DIGITS),
    "clock": (_words("around about approximately roughly"), _NONE, _DAY_DIGITS),
    "military": (_NONE, _NONE, r"\d{4}"),
    "part_time": (
        _words(
            "the early late morning afternoon evening dawn daybreak dusk nightfall sunrise sunset overnight"
        ),
        ("mid",),
        None,
    ),
    "early_hours": (("the",), _NONE, None),
    "noon": (("noon", "midnight", "midday"), _NONE, None),
    "set": (
        _words(
            "every each once twice three four per mondays tuesdays wednesdays thursdays fridays saturdays"
            " sundays monday tuesday wednesday thursday friday saturday sunday"
        ),
        _NONE,
        r"\d+",
    ),
    "frequency": (tuple(FREQUENCY_WORDS), _NONE, None),
    "season": (
        (
            *_REL_WORDS,
            *_words("early late mid"),
            *_POSITION_WORDS,
            *_words("spring summer fall autumn winter"),
        ),
        _NONE,
        None,
    ),
    "reference": (
        _words("right now currently nowadays presently at these recently lately formerly the future shortly"),
        _NONE,
        None,
    ),
}
_APOSTROPHE_FAMILIES = ("decade",)


def _start_pattern(words: tuple[str, ...], prefixes: tuple[str, ...], digits: str | None) -> re.Pattern[str]:
    """A pattern that fully matches every token the family can start with."""
    options = [
        "|".join(words),
        f"(?:{'|'.join(prefixes)})[a-z]*" if prefixes else "",
        digits or "",
    ]
    return re.compile("|".join(f"(?:{option})" for option in options if option))


_START_PATTERNS = [_start_pattern(*_STARTS[name]) for name, _, _ in FAMILIES]


_all_words = {w for words, _, _ in _STARTS.values() for w in words}
_all_prefixes = {p for _, prefixes, _ in _STARTS.values() for p in prefixes}
# One scan for every possible first token: whole start words, words beginning with a glued prefix,
# digit runs and apostrophes.
# (Kept as a pattern's text, not compiled: the scan runs as ``_tokens``, and compiling the trie costs
# about as much as tagging a few articles, in every process.)
_TOKEN_SCAN = (
    rf"\b(?:{trie_alternation(_all_words)}(?![a-z])|{trie_alternation(_all_prefixes)}[a-z]*)"
    r"|(?<!\d)\d+|(?<!\w)['’]"
)
# ``_TOKEN_SCAN`` in two passes (``_tokens``), the same tokens in the same order.  A pattern whose every
# alternative opens with a look-behind or ``\b`` is tried in full at every character; the rare tokens
# (digit runs, apostrophes) open with a character class, which the engine skips to, and their
# look-behinds are tested on the few hits.  (The word tokens are letters only: no digit or apostrophe
# lies inside one, so the passes find what the single scan found.)
_WORD_TOKEN = re.compile(_TOKEN_SCAN.rsplit("|(?<!\\d)", 1)[0])
# (``[\d'’]`` widened to every character but the ASCII ones other than digits and the apostrophe, then
# checked by the look-behind: the engine skips on a bitmap test instead of a Unicode digit test at every
# character.  Written as a negated class of ASCII ranges: a class reaching to U+10FFFF costs ~10 ms to
# compile in every process.)
_RARE_TOKEN = re.compile(r"[^\x00-&(-/:-\x7f](?<=[\d'’])(?:(?<=\d)\d*)?")
# ``_WORD_TOKEN`` found by the character before it: a word token opens with a letter, where ``\b`` means a
# non-word character before it (or none: the string's start).  A pattern opening with ``\W`` lets the
# engine skip from one such character to the next (about one in five) instead of trying the whole pattern
# at every character: the word scan costs a third of what it did.  The token is group 1.
_WORD_AFTER = re.compile(r"\W(" + _WORD_TOKEN.pattern.removeprefix(r"\b") + ")")
_DISPATCH_CACHE: dict[str, tuple[int, ...]] = {}


def _families_starting_with(token: str) -> tuple[int, ...]:
    """Indices into FAMILIES (in priority order) of the families that can begin with ``token``."""
    cached = _DISPATCH_CACHE.get(token)
    if cached is None:
        if token in ("'", "’"):
            cached = tuple(i for i, (name, _, _) in enumerate(FAMILIES) if name in _APOSTROPHE_FAMILIES)
        else:
            cached = tuple(i for i, pattern in enumerate(_START_PATTERNS) if pattern.fullmatch(token))
        if len(_DISPATCH_CACHE) < 50_000:  # bounded: long numbers are many distinct tokens
            _DISPATCH_CACHE[token] = cached
    return cached


# "the" starts a third of the tokens found and twenty families, almost always in vain ("the company"): a
# family starting with "the" goes on with spaces (or a hyphen) and one of these words, a digit or an
# apostrophe, so one test of what follows rules them all out at once.  Words are prefixes (a looser test
# is still exact: the families are tried as before where it passes).
_THE_FOLLOWERS = (
    *_POSITION_WORDS, "close", *_GLUED_POSITION, *_REL_WORDS, *_NUMBER_WORDS, *DECADE_WORDS, "fiscal",
    "first", "second", "third", "fourth", "final", "latest", "current", "previous", "quarter", "comparable",
    "corresponding", "same", "year", "full", "calendar", "turn", "day", "following", "preceding", "prior",
    "night", "week", "month", "decade", "centur", "fortnight", "present", "upcoming", "remaining", "other",
    "some", "minute", "hour", "morning", "afternoon", "evening", "dawn", "daybreak", "dusk", "nightfall",
    "sunrise", "sunset", "overnight", "small", "wee", "spring", "summer", "fall", "autumn", "winter",
    "future", "near", "immediate", "short",
)  # fmt: skip
_AFTER_THE = re.compile(
    rf"[\s-]+(?:\d|['’]|an?[\s-]|{trie_alternation(set(_THE_FOLLOWERS) - {'a', 'an'})})"
)  # "the a few days": "a" only as a word

# "a" and "an" start only the durations (``_A_FAMILIES``), almost always in vain ("a statement"): after
# them a duration goes on with a half ("a½ day"), or with spaces or a hyphen and a unit, a count word ("a
# few", "a couple of"), a fraction ("and a half", "1/2") or "more" ("an additional"); one test of what
# follows rules both families out at once (looser than the patterns: they are tried as before where it
# passes).
_A_FAMILIES = frozenset({"duration", "vague_duration"})
_AFTER_A = re.compile(
    r"\s*½|[\s-]+(?:couple|dozen|hundred|few|number|and|1/2|more|additional|extra"
    r"|second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)"
)

_RELABELS = ("ago", "month_year")  # family names a guard may return instead of True

# Families whose words are lower case in running text: capitalised inside a sentence they are part of
# a name ("ABC's This Week", "60 Minutes", "USA Today").  Month, day and holiday names are always
# capitalised, so their families are not listed.
_LOWER_CASE_FAMILIES = frozenset(
    {"relative", "duration", "ago", "vague_duration", "unit_long", "day_word", "reference", "mention",
     "part_of_day", "the_year", "the_quarter"}
)  # fmt: skip
_SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:;\n(\[\"“”'‘’`—–-])\s*$")
_WORD = re.compile(r"[A-Za-z]+")


def _is_title_name(text: str, start: int, end: int, lines: list[tuple[int, int]] | None = None) -> bool:
    """Whether text[start:end] is capitalised like a title ("This Week", "60 Minutes", "VOA Today")
    in a line that is not itself a headline ("Talks Resume Next Week" is a date).  The span of every line
    read is added to ``lines`` (the only read of this module not bounded to a few words around a match)."""
    words = _WORD.findall(text, start, end)
    if not words:
        return False
    later_capitalised = any(w[0].isupper() for w in words[1:])
    if not text[start : start + 1].isalpha():  # "60 Minutes": the number comes first
        later_capitalised = words[0][0].isupper()
    elif len(words) == 1 and words[0][0].isupper():  # "Today" inside a sentence: "VOA Today"
        later_capitalised = not _SENTENCE_START_BEFORE.search(text, max(0, start - 3), start)
    if not later_capitalised:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if lines is not None:
        lines.append((line_start, line_end if line_end >= 0 else len(text)))
    line_words = _WORD.findall(text, line_start, line_end if line_end >= 0 else len(text))
    capitalised = sum(1 for w in line_words if w[0].isupper())
    headline = 3 <= len(line_words) <= 20 and capitalised >= 0.6 * len(line_words)
    return not (headline and not re.search(r"[.!?][\"”’']?\s*$", text[line_start : max(line_end, end)]))


def accepted_family(
    text: str, m: re.Match[str], name: str, guard: Guard | None, reads: Reads | None = None
) -> str | None:
    """The family a match of family ``name`` is kept as (a guard may re-label it), or None if rejected.

    ``reads``: ``text`` is a window of a longer text (``Reads.full_text``); the match is noted there, and
    the title test reads its line in the full text."""
    if reads is not None:
        reads.first_judged = min(reads.first_judged, m.start())
    verdict = True if guard is None else guard(text, m)
    if not verdict:
        return None
    family = verdict if isinstance(verdict, str) and verdict in _RELABELS else name
    if family in _LOWER_CASE_FAMILIES:
        if reads is None:
            title = _is_title_name(text, m.start(), m.end())
        else:
            at = reads.offset
            title = _is_title_name(reads.full_text, m.start() + at, m.end() + at, reads.lines)
        if title:
            return None
    return family


@dataclass
class Reads:
    """What recognising a window of ``full_text`` (starting at ``offset``) read outside its match spans.

    Guards read at most ``GUARD_LEFT`` characters before a match they judge (``_before``'s 40, the decade
    words' 50, the title test's 3); ``first_judged`` is the earliest such match (window offsets).  The title
    test alone reads a whole line: ``lines`` holds the spans it read (``full_text`` offsets)."""

    full_text: str
    offset: int
    first_judged: int = 1 << 62
    lines: list[tuple[int, int]] = field(default_factory=list)


GUARD_LEFT = 50  # characters a guard may read before the start of the match it judges


def find_candidates(text: str, regions: list[tuple[int, int]]) -> list[Candidate]:
    """All guarded matches of all families inside ``regions``, overlaps not yet resolved.

    Equivalent to running ``finditer`` for every family over every region: a family is tried only
    where one of its start tokens begins, and (like ``finditer``) never again inside its own last match.
    """
    return scan(text, _lower_same_length(text), [(start, end, end) for start, end in regions])


def scan(
    text: str, lowered: str, spans: list[tuple[int, int, int]], reads: Reads | None = None
) -> list[Candidate]:
    """``find_candidates`` for matches starting in [start, end) and ending by ``endpos``, per span."""
    found: list[Candidate] = []
    for start, end, endpos in spans:
        resume = [start] * len(FAMILIES)  # per family: where its next match may begin
        for pos, token in _tokens(lowered, start, end):
            if token == "the" and not _AFTER_THE.match(lowered, pos + 3, endpos):
                continue
            if (token == "a" or token == "an") and not _AFTER_A.match(lowered, pos + len(token), endpos):
                continue
            for index in _families_starting_with(token):
                if pos < resume[index]:
                    continue
                name, pattern, guard = FAMILIES[index]
                m = pattern.match(lowered, pos, endpos)
                if m is None or m.end() == pos:
                    continue
                resume[index] = m.end()
                family = accepted_family(text, m, name, guard, reads)
                if family:
                    found.append(Candidate(m.start(), m.end(), family, m, index, text))
    return found


def _tokens(lowered: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, text) of ``_TOKEN_SCAN``'s matches in ``lowered[start:end]``, in order."""
    tokens = _word_tokens(lowered, start, end)
    rare = [
        (m.start(), m.group())
        for m in _RARE_TOKEN.finditer(lowered, start, end)
        if _rare_token_starts(lowered, m.start())
    ]
    if rare:  # two sorted runs of distinct starts (a word starts with a letter): merged by the sort
        tokens += rare
        tokens.sort()
    return tokens


def _word_tokens(lowered: str, start: int, end: int) -> list[tuple[int, str]]:
    """(start, text) of ``_WORD_TOKEN``'s matches in ``lowered[start:end]``, found as the character
    before each (``_WORD_AFTER``); one at the string's start has none."""
    tokens = []
    if start == 0 and (first := _WORD_TOKEN.match(lowered, 0, end)):
        tokens.append((0, first.group()))
        start = first.end()
    # the character before ``start`` may be the one before a token at ``start`` (``\b`` reads it too)
    tokens += [(m.start() + 1, m.group(1)) for m in _WORD_AFTER.finditer(lowered, max(0, start - 1), end)]
    return tokens


def _rare_token_starts(lowered: str, at: int) -> bool:
    """``(?<!\\d)`` before a digit run, ``(?<!\\w)`` before an apostrophe (``\\w``: alphanumeric or _)."""
    if at == 0:
        return True
    before = lowered[at - 1]
    if lowered[at].isdecimal():
        return not before.isdecimal()
    return not (before.isalnum() or before == "_")


def _lower_same_length(text: str) -> str:
    """``text.lower()`` keeping every offset (a few characters lower-case to two code points)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def select_non_overlapping(candidates: list[Candidate]) -> list[Candidate]:
    """Longest match wins; ties go to the earlier family.  Result sorted by start."""
    ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.priority, c.start))
    starts: list[int] = []
    chosen: list[Candidate] = []
    for cand in ordered:
        i = bisect.bisect_left(starts, cand.start)
        if i > 0 and chosen[i - 1].end > cand.start:
            continue
        if i < len(chosen) and chosen[i].start < cand.end:
            continue
        starts.insert(i, cand.start)
        chosen.insert(i, cand)
    return chosen


# ---------------------------------------------------------------- expressions that modify a noun
# "last Friday's bombings", "the 1971 charter", "the 14-day strike": the expression dates a noun, not
# the clause, so the event stage must not date the sentence's main verb with it.

# "Friday's vote", and "Friday 's vote" as tokenised news collections print it
POSSESSIVE_AFTER = re.compile(r"(?: ?['’]s|s['’])(?!\w)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|his|her|their|our|this|that)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_HYPHEN = re.compile(
    r"-(?:day|week|month|year|hour|minute|quarter|half|earlier|ago|long|end)$", re.I
)
# A lower-case word that cannot be the noun the date modifies (a preposition, verb, conjunction...).
_NOT_A_NOUN = frozenset(
    _words(
        """of to in on at for and or but nor was were is are be been has had have will would when with by
        from as that which who whom where while than after before until since during through against among
        compared ended ending and so yet if because though although said says"""
    )
)
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")
_YEAR_BEFORE_NAME = re.compile(r"(?:1\d|20)\d\d")
_CAPITALISED_NEXT = re.compile(r"\s+[A-Z][a-z]")


# The second character of every ``POSSESSIVE_AFTER`` match (" 's", "'s", "s'"): without one there, no match.
_POSSESSIVE_SECOND = frozenset("s'’")


def modifies_noun(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the expression text[start:end] is possessive or attributive (modifies a noun)."""
    # (Each pattern is tried only where a character it needs is present: the same answers, fewer tries.)
    inner = text[start:end]
    if text[end + 1 : end + 2] in _POSSESSIVE_SECOND and POSSESSIVE_AFTER.match(text, end):
        return True
    if inner.endswith(("'s", "’s")):
        return True
    if inner.endswith("s") and re.match(r"['’](?!\w)", text[end : end + 2]):  # "the 1990s' boom"
        return True
    if kind not in ("DATE", "DURATION"):
        return False
    if len(inner) == 4 and _YEAR_BEFORE_NAME.fullmatch(inner) and _CAPITALISED_NEXT.match(text, end):
        # "the 2022 World Cup", "the 2020 Olympics": a year naming an edition of an event
        return _determiner_before(text, start)
    word = _NEXT_WORD.match(text, end)
    if word is None or word.group(1) in _NOT_A_NOUN or word.group(1).endswith("ly"):
        return False
    if "-" in inner and _ATTRIBUTIVE_HYPHEN.search(inner):
        return True  # "the [14-day] strike", "[third-quarter] results", "[year-earlier] profit"
    # "the 1971 charter", "a 1998 law", "the Feb. 10 deadline": a determiner before a bare date.
    return _determiner_before(text, start) and inner[:1].isalnum()


class _NounMemo(Protocol):
    noun_memo: dict[tuple[int, int, str], bool]


def noun_modifier(text: str, layout: _NounMemo, start: int, end: int, kind: str) -> bool:
    """``modifies_noun(text, start, end, kind)`` kept in ``layout.noun_memo`` (``layout`` is ``text``'s)."""
    key = (start, end, kind)
    found = layout.noun_memo.get(key)
    if found is None:
        found = layout.noun_memo[key] = modifies_noun(text, start, end, kind)
    return found


def _determiner_before(text: str, start: int) -> bool:
    # the pattern ends in spaces: none before ``start``, no match
    if not text[start - 1 : start].isspace():
        return False
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start))

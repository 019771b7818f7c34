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
from dataclasses import dataclass

from timeline.temporal.lexicon import FREQUENCY_WORDS, MONTHS, UNITS, WEEKDAYS

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
_TIMEZONE = r"(?P<tz>GMT|UTC|[ECMP][SD]T|BST|CET|CEST|EET|MSK|IST)"


@dataclass
class Candidate:
    start: int
    end: int
    family: str
    match: re.Match[str]  # matched against the lower-cased text: read case from ``source``
    priority: int
    source: str  # the original text

    def group(self, name: str) -> str | None:
        try:
            return self.match.group(name)
        except IndexError:
            return None


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
_NUMBER_CONTEXT_BEFORE = re.compile(r"(?:[$€£¥#№]|\bNo\.?|\bnumber|\bpage|\bsection|\bp\.|\bUS\$)\s*$", re.I)
_COUNT_NOUN_AFTER = re.compile(
    r"\s*(?:[-–]?\s*(?:km|kms|kilomet|met(?:er|re)|miles?|feet|ft|tons?|tonnes?|kg|people|persons|troops|soldiers"
    r"|residents|votes|points|units|cars|dollars|euros|pounds|rubles|roubles|yuan|percent|per\s+cent|acres"
    r"|hectares|square|cases|deaths|men|women|children|students|workers|jobs|pages|words|rooms|beds|times))\b",
    re.IGNORECASE,
)


def _original(text: str, m: re.Match[str], name: str) -> str:
    """A group's text in its original case (matches run on the lower-cased text)."""
    return text[m.start(name) : m.end(name)]


def _before(text: str, start: int, width: int = 40) -> str:
    return text[max(0, start - width) : start]


def _year_guard(text: str, m: re.Match[str]) -> bool:
    """Reject years that are part of a name (``Exercise-2022``), amounts, or counts."""
    start = m.start("year")
    before = _before(text, start)
    if _NUMBER_CONTEXT_BEFORE.search(before) or _COUNT_NOUN_AFTER.match(text, m.end()):
        return False
    if m.start() == start and not m.group("pmod") and not m.group("fiscal"):
        year = int(m.group("year"))
        if year < 1600 and not _PREPOSITION_BEFORE.search(before):
            return False
        # A capitalised word joined by a space or dash is a name ("Euro 2024", "Resolve-2022"),
        # unless the word itself is date context ("In 2020", "March 2022").
        if _CAPITALISED_WORD_BEFORE.search(before) and not _PREPOSITION_BEFORE.search(before):
            return False
        if re.search(r"\d\s*$", before) and not re.search(r"\d\s*[-–]\s*$", before):
            return False
    return True


def _month_guard(text: str, m: re.Match[str]) -> bool:
    return _original(text, m, "month")[0].isupper()  # "may", "march" in lower case are never months


def _bare_month_guard(text: str, m: re.Match[str]) -> bool:
    """A month name standing alone: reject the modal ``May``, the verb ``March`` and abbreviations."""
    if not _month_guard(text, m):
        return False
    word = m.group("month")
    has_modifier = bool(m.group("rel") or m.group("pmod"))
    if len(word) <= 4 and word.lower() not in ("may", "june", "july") and not has_modifier:
        return False  # "Mar", "Dec" alone are more often names
    if has_modifier:
        return True
    after = text[m.end() : m.end() + 30]
    before = _before(text, m.start())
    lower = word.lower()
    if lower in ("may", "march"):
        if not _PREPOSITION_BEFORE.search(before):
            return False
        if re.match(
            r"\s+(?:the|a|an|on|to|be|have|not|we|they|he|she|it|you|I|through|against)\b", after, re.I
        ):
            return False
    # inside a name: "Grace May Smith"
    return not (re.match(r"\s+[A-Z]", after) and _CAPITALISED_WORD_BEFORE.search(before))


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
    return not _NUMBER_CONTEXT_BEFORE.search(_before(text, m.start()))


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
        if _NUMBER_CONTEXT_BEFORE.search(_before(text, m.start("n"))):
            return False
        if re.search(r"[\d.,]$", text[max(0, m.start("n") - 1) : m.start("n")]):
            return False
    if re.match(r"-olds?\b", text[m.end() : m.end() + 6]) or (m.group("adj") or "").lower() == "-old":
        return False  # ages ("a 6-year-old") are not time expressions
    single = n in ("a", "an", "one", "1")
    hyphenated = "-" in text[m.end("n") : m.start("unit")]
    if plural and single and unit != "century":
        return False
    return plural or single or hyphenated or bool(m.group("adj")) or n[0].isdigit() or unit == "century"


def _vague_guard(text: str, m: re.Match[str]) -> bool:
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


def _frequency_guard(text: str, m: re.Match[str]) -> bool:
    return _original(text, m, "freq")[0].islower()  # "Daily Mail", "The Weekly Standard" are names


def _time_guard(text: str, m: re.Match[str]) -> bool:
    hour = int(m.group("h"))
    minute = int(m.group("mi") or 0)
    return 0 <= hour <= 24 and minute < 60 and not _NUMBER_CONTEXT_BEFORE.search(_before(text, m.start()))


def _clock_guard(text: str, m: re.Match[str]) -> bool:
    if not _time_guard(text, m):
        return False
    if m.group("tz"):
        return True
    return bool(
        re.search(r"\b(?:at|by|around|until|till|from|since|before|after)\s+$", _before(text, m.start(), 10))
    )


def _mention_guard(text: str, m: re.Match[str]) -> bool:
    """``the day before`` followed by an event noun phrase is anchored to that event: skip."""
    if not m.group("ba"):
        return True
    after = text[m.end() : m.end() + 25]
    return not re.match(r"\s+(?:the|a|an|his|her|its|their|our|my|this|that|these|those)\b", after, re.I)


def _ago_guard(text: str, m: re.Match[str]) -> bool:
    direction = m.group("dir").lower()
    n = m.group("n").lower()
    if n[0].isdigit() and _NUMBER_CONTEXT_BEFORE.search(_before(text, m.start("n"))):
        return False
    if direction in ("before", "after"):
        after = text[m.end() : m.end() + 3]
        return not re.match(r"\s*\w", after)
    return True


# ---------------------------------------------------------------- families

Guard = Callable[[str, "re.Match[str]"], "bool | str"]  # False: reject; a string: re-label the family

_FAMILY_SOURCES: list[tuple[str, str, Guard | None]] = [
    (
        "iso",
        r"(?<![\d-])(?P<y>(?:1\d|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
        r"(?:[T\s](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?)?(?![\d-])",
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
        rf"(?:{_WEEKDAY_ANY},?\s+(?:the\s+)?)?{_MONTH}\s*(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}(?![\d:%]|[.,]\d)"
        rf"(?:\s*(?:-|–|—|to|through|until)\s*(?P<day2>\d{{1,2}}){_ORDINAL_SUFFIX}(?![\d:%]|[.,]\d))?"
        rf"(?:,?\s+{_YEAR})?",
        _month_day_guard,
    ),
    (
        "day_month",
        rf"(?<![\w.,/$£€-])(?:{_WEEKDAY_ANY},?\s+(?:the\s+)?)?(?P<day>\d{{1,2}}){_ORDINAL_SUFFIX}"
        rf"(?:\s*(?:-|–|to)\s*(?P<day2>\d{{1,2}}){_ORDINAL_SUFFIX})?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?",
        _day_month_guard,
    ),
    (
        "month",  # with a year: "month_year"
        rf"(?:(?P<rel>last|next|this|past|coming)\s+|{_POSITION}[\s-]*)?{_MONTH}(?:,?\s+(?:of\s+)?{_YEAR})?",
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
        "century",
        r"(?:the\s+)?(?:(?P<pmod>early|mid|late)[\s-]*)?(?P<c>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b",
        None,
    ),
    (
        "quarter",
        r"(?:the\s+)?(?:(?P<y1>(?:1\d|20)\d\d)(?:'s)?\s+|(?P<yrel>this|last|next)\s+year'?s\s+)?"
        r"(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past)"
        r"[\s-]+(?:fiscal[\s-]+)?(?P<qh>quarter|half)\b(?!-)"
        r"(?:\s+of\s+(?:fiscal\s+|the\s+year\s+)?(?:(?P<y2>(?:1\d|20)\d\d)|(?P<yrel2>this|last|next)\s+year))?",
        None,
    ),
    (
        "quarter_code",
        r"\bQ(?P<qn>[1-4])(?:\s*[-/]?\s*(?P<y>(?:1\d|20)\d\d))?\b",
        lambda text, m: text[m.start()] == "Q",
    ),
    (
        "year",
        rf"(?:{_POSITION}[\s-]*)?(?:(?P<fiscal>fiscal(?:\s+year)?|calendar\s+year|the\s+year)\s+)?{_YEAR}"
        r"(?![\w$€£]|-\d|\s*(?:%|percent))",
        _year_guard,
    ),
    (
        "weekday",
        rf"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?{_WEEKDAY}(?:\s+{_PART_OF_DAY})?",
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
        r"(?P<ref>that(?:\s+same)?|the\s+same|the\s+previous|the\s+following|the\s+next|the\s+preceding|the\s+prior)"
        r"\s+(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|year)\b(?!-)",
        None,
    ),
    (
        "mention_before",
        r"the\s+(?P<unit>day|night|week|month|year)\s+(?P<ba>before|after|earlier|later)\b",
        _mention_guard,
    ),
    (
        "relative",
        rf"(?:{_POSITION}\s+)?(?P<rel>this|last|next|past|coming|current|the\s+(?:past|last|next|coming|current"
        r"|previous|following|present|latest|upcoming)|the)\s+"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century|fortnight)\b(?![-’']s?\w)",
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
        rf"|the|another|past|last|next|first|an\s+additional|(?:an)?other|further)\s+)?{_NUMBER}(?:\s+|-)"
        rf"{_UNIT}(?P<pl>s)?(?P<adj>-long|-old)?\b(?!-)"
        r"(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence|back|(?:before|after)(?![ \t]*\w))\b)?",
        _duration_or_ago_guard,
    ),
    (
        "vague_duration",
        r"(?:(?P<det>the\s+(?:past|last|next|coming|previous|first)|the|past|last|next|recent|coming)\s+)?"
        r"(?:(?P<vq>several|a\s+few|few|many|some|a\s+number\s+of|numerous|a\s+couple\s+of)\s+)?"
        r"(?P<unit>minute|hour|day|week|month|year|decade|centur(?:y|ie))s\b",
        _vague_guard,
    ),
    (
        "time",
        r"(?<![\d.:])(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
        rf"(?:\s*\(?{_TIMEZONE}\)?)?(?:,?\s+(?P<dw>today|yesterday|tomorrow|tonight|{_WEEKDAY}))?",
        _time_guard,
    ),
    (
        "clock",
        rf"(?<![\d.:])(?P<h>[0-2]?\d):(?P<mi>[0-5]\d)(?![\d.:])(?:\s*(?:\(?{_TIMEZONE}\)?|local\s+time))?",
        _clock_guard,
    ),
    (
        "set",
        r"(?:(?P<every>every|each)\s+(?:other\s+)?(?:(?P<n>\d+|two|three|four|five|six|ten)\s+)?"
        rf"(?:{_WEEKDAY}|(?P<unit>day|week|month|year|morning|afternoon|evening|night|weekend|quarter|hour"
        r"|summer|winter|spring|autumn)s?)\b"
        r"|(?P<times>once|twice|three\s+times|four\s+times|\d+\s+times)\s+(?:a|an|per|each|every)\s+"
        r"(?P<unit2>day|week|month|year|hour)\b"
        r"|(?P<wds>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)\b)",
        lambda text, m: not m.group("wds") or _original(text, m, "wds")[0].isupper(),
    ),
    ("frequency", rf"(?P<freq>{'|'.join(FREQUENCY_WORDS)})\b", _frequency_guard),
    (
        "season",
        r"(?:(?P<rel>this|last|next|past|coming|early|late|mid|the|(?:the\s+)?(?:end|beginning|start|middle)\s+of"
        r"(?:\s+the|\s+this|\s+last|\s+next)?)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)\b(?!-)"
        rf"(?:(?:\s+of)?\s+{_YEAR})?",
        _season_guard,
    ),
    (
        "reference",
        r"(?<![-\w])(?P<ref>right\s+now|now|currently|nowadays|presently|at\s+present|at\s+the\s+moment"
        r"|these\s+days|recently|lately|formerly|the\s+past|the\s+future|future|shortly)\b",
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

# Cheap prefilter: text without any of these cannot contain an expression.
PREFILTER = re.compile(
    r"\d|\b(?:"
    + "|".join(
        sorted(
            set(MONTHS)
            | set(WEEKDAYS)
            | set(UNITS)
            | set(FREQUENCY_WORDS)
            | {
                "today",
                "yesterday",
                "tonight",
                "tomorrow",
                "now",
                "current",
                "recent",
                "previous",
                "formerly",
                "past",
                "future",
                "soon",
                "shortly",
                "spring",
                "summer",
                "fall",
                "autumn",
                "winter",
                "morning",
                "afternoon",
                "evening",
                "night",
                "weekend",
                "noon",
                "midnight",
                "midday",
                "christmas",
                "easter",
                "thanksgiving",
                "halloween",
                "valentine",
                "new year",
                "presently",
                "nowadays",
                "lately",
                "centuries",
                "every",
                "each",
                "once",
                "twice",
                "moment",
                "these days",
                "present",
                "fortnight",
                "mondays",
                "tuesdays",
                "wednesdays",
                "thursdays",
                "fridays",
                "saturdays",
                "sundays",
                "quarter",
            },
            key=len,
            reverse=True,
        )
    )
    + ")",
)  # fmt: skip  (run on the lower-cased text)


_RELABELS = ("ago", "month_year")  # family names a guard may return instead of True


def find_candidates(text: str, regions: list[tuple[int, int]]) -> list[Candidate]:
    """All guarded matches of all families inside ``regions``, overlaps not yet resolved."""
    found: list[Candidate] = []
    lowered = _lower_same_length(text)
    for start, end in regions:
        if not PREFILTER.search(lowered, start, end):
            continue
        for priority, (name, pattern, guard) in enumerate(FAMILIES):
            for m in pattern.finditer(lowered, start, end):
                if m.end() == m.start():
                    continue
                verdict = True if guard is None else guard(text, m)
                if verdict:
                    family = verdict if verdict in _RELABELS else name
                    found.append(Candidate(m.start(), m.end(), family, m, priority, text))
    return found


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

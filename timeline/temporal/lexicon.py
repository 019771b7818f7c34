"""Word lists for the temporal recogniser: months, weekdays, numbers, units, cue words.

Everything here is plain data plus the regex fragments built from it; the patterns that
use them live in ``recognise.py``.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {  # ISO weekday numbers
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a dozen": 12, "half a": 0.5, "half an": 0.5,
    "a half": 0.5,
}  # fmt: skip
VAGUE_QUANTITIES = ("several", "a few", "few", "many", "some", "a number of", "numerous", "countless")

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip

# unit word -> (TIMEX3 duration letter, is a time unit (PT...), calendar granularity)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "time"),
    "minute": ("M", True, "time"),
    "hour": ("H", True, "time"),
    "day": ("D", False, "day"),
    "week": ("W", False, "week"),
    "fortnight": ("W", False, "week"),  # value doubled by the normaliser
    "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"),
    "year": ("Y", False, "year"),
    "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
UNIT_PLURALS = {"centuries": "century"}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
}

# Position modifiers: TIMEX3 mod value.
POSITION_MODS = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "close": "END",
}
# Quantity modifiers before durations.
QUANTITY_MODS = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}

# Adverbs naming the present / past / future without a calendar value.
REFERENCE_WORDS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "the immediate future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the immediate term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "future": "FUTURE_REF",  # only as "in future" (see recognise)
    "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF",
}

# Frequency adverbs: SET value.
FREQUENCY_WORDS = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
}

# Holidays with a fixed calendar day (month, day).
FIXED_HOLIDAYS = {
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "valentine's day": (2, 14),
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "halloween": (10, 31),
}


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first so the regex prefers full words."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(item.replace(".", r"\.").replace(" ", r"\s+") for item in items)


def trie_alternation(words: set[str]) -> str:
    """A regex matching exactly ``words``, factored by shared prefixes ("a(?:bout|lmost|n)?").

    The regex engine tries alternatives one by one; a prefix tree lets it reject most positions after
    one character instead of after trying every word (about three times faster on news text).
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # end of a word

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return build(trie)


# Years and decades said in words, as broadcast transcripts write them: "nineteen ninety-six",
# "the year two thousand", "twenty twenty-two", "the nineties".
_UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen")
_TEEN_WORDS += ("sixteen", "seventeen", "eighteen", "nineteen")
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
YEAR_CENTURY_WORDS = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
DECADE_WORDS = {f"{tens[:-1]}ies": NUMBER_WORDS[tens] // 10 for tens in _TENS_WORDS}  # "nineties": 9

_UNIT_RE = "|".join(_UNIT_WORDS)
_TEEN_RE = "|".join(_TEEN_WORDS)
_TENS_RE = "|".join(_TENS_WORDS)
_TWO_DIGITS_RE = rf"(?:{_TEEN_RE}|(?:{_TENS_RE})(?:[\s-]+(?:{_UNIT_RE}))?)\b"
SPELLED_YEAR_PATTERN = (
    rf"(?:(?:{'|'.join(YEAR_CENTURY_WORDS)})[\s-]+(?:hundred\b|oh[\s-]+(?:{_UNIT_RE})\b|{_TWO_DIGITS_RE})"
    rf"|two\s+thousand\b(?:\s+(?:and\s+)?(?:{_TWO_DIGITS_RE}|(?:{_UNIT_RE})\b))?)"
)


def _two_digit_words(words: list[str]) -> int | None:
    """1-99 from "ninety six", "seventeen", "five"; None if the words are not such a number."""
    if len(words) == 1 and (words[0] in _UNIT_WORDS or words[0] in _TEEN_WORDS):
        return NUMBER_WORDS[words[0]]
    if words and words[0] in _TENS_WORDS and len(words) <= 2:
        unit = NUMBER_WORDS[words[1]] if len(words) == 2 and words[1] in _UNIT_WORDS else 0
        return NUMBER_WORDS[words[0]] + unit if len(words) == 1 or unit else None
    return None


def spelled_year(text: str) -> int | None:
    """The year a spelled-out year names: "nineteen ninety-six" 1996, "two thousand and one" 2001,
    "twenty twenty-two" 2022, "nineteen oh five" 1905; None for anything else."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        if len(words) == 2:
            return 2000
        rest = _two_digit_words(words[2:])
        return 2000 + rest if rest else None
    century = YEAR_CENTURY_WORDS.get(words[0]) if words else None
    if century is None or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return century * 100 if century < 20 else None
    if words[1] == "oh" and len(words) == 3 and words[2] in _UNIT_WORDS:
        return century * 100 + NUMBER_WORDS[words[2]]
    rest = _two_digit_words(words[1:])
    return century * 100 + rest if rest and rest >= 10 else None


def year_number(text: str) -> int | None:
    """A year written in digits ("1996") or in words ("nineteen ninety-six")."""
    return int(text) if text.isdigit() else spelled_year(text)

"""Wire and web datelines: "LIMA, Oct 9 (Reuters) -", "WASHINGTON (AP) _", "(CNN) —".

A dateline opens the first paragraph of much news copy.  It names the place
the story was filed from, often the agency, and sometimes the filing date:

    PORTVALE, Norland, March 8 (Wirecast) --            place, region, date, agency
    OSLO (Example News / Agency - 9th October, 2023) Officials ...   date inside the brackets
    LONDON, 9 October 2023 —                      place, date
    Quito, October 9, 2023 /Agency/.              agency between slashes
    WASHINGTON _                                  place only (upper case)

``find_dateline`` finds one at the start of a line among the first ~300
characters of the body.  ``date_from_dateline`` decides what it adds to the
publication date the reader already has: a file's own day-precise date wins
(a dateline that disagrees is a warning), a coarser one (a month) is refined
by a dateline day inside it, and with no date at all a dateline date with a
year becomes the publication date (source "header", the schema having no
"dateline" source).  A date without a year ("Oct 9") is recorded as evidence
only: guessing the year would invent a date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from timeline.temporal import tag
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Published

SEARCH_WINDOW = 300  # a dateline opens the article: look no further into the body than this
_MAX_LINES = 4  # headline, byline, blank-line-separated chrome ... then the first paragraph

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY_NAME = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
_WEEKDAY = rf"(?i:{_WEEKDAY_NAME}\.?,?\s+)"
_ORDINAL = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:{_WEEKDAY}?(?:{_MONTH}\.?\s+\d{{1,2}}{_ORDINAL}(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_MONTH}\.?(?:,?\s+\d{{4}})?)"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})(?!\w)"
)
_CODES = r"(?:&[A-Za-z][A-Za-z0-9]{0,7};\s*)*"  # undecoded wire markup before the dateline
_NAME = r"[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,2}"
_DATELINE = re.compile(
    rf"""[ \t]*{_CODES}
    (?P<head>
        (?:(?P<place>(?!{_MONTH}\b|{_WEEKDAY}){_NAME})
           (?P<region>(?:,[ ]+(?!{_MONTH}\b|(?i:{_WEEKDAY_NAME})\b){_NAME}){{0,2}}))?
        (?:(?(place),[ ]+|)(?P<date>{_DATE}))?
        (?:\.?[ ]*(?:\((?P<paren>[^()\n]{{1,80}})\)|/[ ]*(?P<slash>[A-Z][^/\n]{{0,40}}?)[ ]*/))?
    )
    (?P<separator>[ \t]*(?:--|—|–|-|__?|:)(?=\s|$)|[ \t]*\.(?=\s|$)|[ \t]*(?=\n|$))?
    """,
    re.VERBOSE,
)
_DATE_INSIDE = re.compile(rf"(?:^|[\s,/-])(?P<date>{_DATE})")
_CAPS_SEPARATORS = {"--", "—", "–", "-", "_", "__", ":"}
# Upper-case labels that open a line like a place would, but are not places.
_LABELS = frozenset(
    str.split(
        """UPDATE UPDATED BREAKING EXCLUSIVE WATCH LIVE ANALYSIS OPINION EDITORIAL COMMENT VIDEO PHOTOS PHOTO
    CORRECTION CORRECTED NOTE WARNING FILE EDS URGENT FLASH BULLETIN ADVISORY FACTBOX EXPLAINER REFILE RPT
    REVIEW INTERVIEW PODCAST SPONSORED UPDATES MORE END ATTENTION ATTN"""
    )
)
_NOT_FIRST_WORDS = frozenset(
    str.split("on in at by since from until till last next this early late mid before after during for as")
)
_DATE_WORD = re.compile(rf"{_MONTH}|{_WEEKDAY_NAME}|today|yesterday|tomorrow", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    """A dateline at the top of an article.

    ``text == article.text[start:end]`` is the dateline without its closing
    separator ("LIMA, Oct 9 (Reuters)"); the prose starts at ``prose_start``.
    ``value`` is the day it gives when it has a year; a year-less date
    ("Oct 9") only fills ``month_day``.
    """

    start: int
    end: int
    text: str
    prose_start: int
    place: str | None = None
    agency: str | None = None
    date_text: str | None = None
    value: str | None = None  # TIMEX3 day, e.g. "2023-10-09"
    month_day: tuple[int, int] | None = None  # (month, day), with or without a year

    def written_date(self) -> str:
        """The dateline's date for messages: its value, else the words as written."""
        return self.value or self.date_text or ""


def find_dateline(text: str, body: list[tuple[int, int]]) -> Dateline | None:
    """The dateline opening one of the first lines of the body (within ~300 characters), or None."""
    if not body:
        return None
    limit = body[0][0] + SEARCH_WINDOW
    for line_start, line_end in _first_lines(text, body, limit):
        m = _DATELINE.match(text, line_start, line_end)
        if m and (found := _accept(text, m, line_end)):
            return found
    return None


def _first_lines(text: str, body: list[tuple[int, int]], limit: int) -> list[tuple[int, int]]:
    """(start, end) of the first few non-blank body lines starting before ``limit``."""
    lines: list[tuple[int, int]] = []
    for region_start, region_end in body:
        position = region_start
        while position < min(region_end, limit) and len(lines) < _MAX_LINES:
            newline = text.find("\n", position, region_end)
            end = region_end if newline == -1 else newline
            if text[position:end].strip():
                lines.append((position, end))
            position = end + 1
        if len(lines) >= _MAX_LINES or position >= limit:
            break
    return lines


@dataclass(frozen=True)
class _Parts:
    """What a candidate dateline is made of."""

    place: str | None
    date_text: str | None  # from the head ("LIMA, Oct 9") or the brackets ("(Agency - 9 Oct 2023)")
    date_in_brackets: bool
    agency: str | None
    separator: str  # "-", "--", "_", ":", "." ...; "" when none or only the end of the line
    separated: bool  # a separator, or the end of the line after an agency or a date


def is_dateline_only(line: str) -> bool:
    """Whether ``line`` is a dateline and nothing else ("PORTVALE, May 8 (Wirecast) --"): no article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 160:
        return False
    m = _DATELINE.match(stripped)
    found = _accept(stripped, m, len(stripped), normalise=False) if m else None
    return found is not None and found.prose_start >= len(stripped)


def _accept(text: str, m: re.Match[str], line_end: int, normalise: bool = True) -> Dateline | None:
    """The dateline matched by ``m``, if its parts together really make one."""
    agency, bracket_date = _agency(m["paren"] or m["slash"])
    if m["paren"] and agency is None and bracket_date is None:
        return None  # "(Undated)", "(pictured)": brackets, not an agency
    prose_start = _skip_space(text, m.end())
    if prose_start < len(text) and not _starts_prose(text[prose_start]):
        return None  # what follows a dateline is a sentence, not its continuation
    separator = (m["separator"] or "").strip()
    date_text = m["date"] or bracket_date
    at_line_end = m["separator"] is not None and prose_start >= line_end
    parts = _Parts(
        place=m["place"],
        date_text=date_text,
        date_in_brackets=m["date"] is None and bracket_date is not None,
        agency=agency,
        separator=separator,
        # alone on its line, a dateline needs no separator if it has a date or a placed agency
        separated=bool(separator) or (at_line_end and bool(date_text or (agency and m["place"]))),
    )
    if not m["head"].strip() or not _is_dateline(parts):
        return None
    start, end = m.start("head"), m.end("head")
    value, month_day = _normalise(date_text) if normalise else (None, None)
    return Dateline(
        start=start,
        end=end,
        text=text[start:end],
        prose_start=prose_start,
        place=((m["place"] or "") + (m["region"] or "")).strip() or None,
        agency=agency,
        date_text=date_text,
        value=value,
        month_day=month_day,
    )


def _is_dateline(parts: _Parts) -> bool:
    """The rules that keep ordinary sentence openings ("OSTRA - the alliance", "On Oct 9 - ...") out."""
    place = parts.place
    if place and not _could_be_place(place):
        return False
    if parts.agency is not None:
        # "(Reuters) -", "Quito (AFP) -", "OSLO (Agency - 9th October, 2023) Officials ..."
        return parts.separated or (place is not None and parts.date_in_brackets)
    if parts.date_text:
        # "LONDON, 9 October 2023 —": a place and its date ("Oct 9 - ..." alone is a sentence)
        return place is not None and parts.separated
    if place is None or not parts.separated:
        return False
    # A place alone: only the upper-case wire form, "WASHINGTON _", "NEW DELHI:".
    letters = sum(ch.isalpha() for ch in place)
    return place.upper() == place and letters >= 4 and parts.separator in _CAPS_SEPARATORS


def _could_be_place(place: str) -> bool:
    """Not a label ("UPDATE"), a date word or a preposition ("On Monday, Oct 9 - ...")."""
    words = [word.rstrip(".:,").lower() for word in place.split()]
    if place.split()[0].rstrip(".:") in _LABELS or words[0] in _NOT_FIRST_WORDS:
        return False
    return not any(_DATE_WORD.fullmatch(word) for word in words)


def _starts_prose(first: str) -> bool:
    return first.isupper() or first.isdigit() or first in "\"'“‘«(&"


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _agency(content: str | None) -> tuple[str | None, str | None]:
    """(agency name, date written inside the brackets) from "Agency / Partner - 9th October, 2023"."""
    if content is None:
        return None, None
    date_text = None
    if found := _DATE_INSIDE.search(content):
        date_text = found["date"]
        content = content[: found.start("date")]
    name = content.strip(" \t-–—,/")
    if not name or not _looks_like_agency(name):
        return None, date_text
    return name, date_text


def _looks_like_agency(name: str) -> bool:
    """Short, and every word capitalised (or a joiner): "AP", "Reuters", "Example News / Partner"."""
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    joiners = {"/", "&", "-", "of", "and", "de", "la"}
    return all(word in joiners or word[0].isupper() for word in words) and name[0].isupper()


def _normalise(date_text: str | None) -> tuple[str | None, tuple[int, int] | None]:
    """(TIMEX3 day if the date has a year, (month, day)) by the temporal stage, without a publication date."""
    if not date_text:
        return None, None
    for expression in tag(date_text):
        value = expression.value or ""
        if expression.type != "DATE" or not re.fullmatch(r"(?:\d{4}|XXXX)-\d{2}-\d{2}", value):
            continue
        month_day = (int(value[5:7]), int(value[8:10]))
        return (value if value_to_date(value) else None), month_day
    return None, None


# --- what a dateline adds to the publication date --------------------------------------------------------


def date_from_dateline(published: Published, dateline: Dateline | None) -> tuple[Published, list[str]]:
    """The publication date once ``dateline`` is taken into account, and any warnings.

    Precedence: the file's own day-precise date > the dateline's date > unknown; a
    coarser own date (a month, a year) is refined by a dateline day inside it.
    """
    if dateline is None or dateline.month_day is None or published.source in ("option", "inferred"):
        return published, []
    if published.value is None:
        return _from_dateline_alone(published, dateline), []
    own = value_to_date(published.value)
    if own is None:
        return published, []
    if own.granularity in ("day", "time"):
        return published, _disagreement(published, dateline, own.start)
    day = _day_inside(own.start, own.end, dateline)
    if day is None:
        return published, _disagreement(published, dateline, None)
    evidence = f"{published.source} {published.value} refined by dateline '{dateline.text}'"
    return replace(published, value=day.isoformat(), evidence=evidence), []


def _from_dateline_alone(published: Published, dateline: Dateline) -> Published:
    if dateline.value:
        return Published(value=dateline.value, source="header", evidence=f'dateline: "{dateline.text}"')
    note = f'dateline: "{dateline.text}" gives {dateline.date_text} without a year'
    return replace(published, evidence=published.evidence or note)


def _day_inside(first: date, last: date, dateline: Dateline) -> date | None:
    """The dateline's day if it lies in [first, last]; a year-less one takes the span's only year."""
    if dateline.value:
        day = date.fromisoformat(dateline.value)
        return day if first <= day <= last else None
    if first.year != last.year or dateline.month_day is None:
        return None  # a decade or longer: which year?
    month, day_of_month = dateline.month_day
    try:
        day = date(first.year, month, day_of_month)
    except ValueError:
        return None  # "Feb 29" in a common year
    return day if first <= day <= last else None


def _disagreement(published: Published, dateline: Dateline, own_day: date | None) -> list[str]:
    """A warning when the dateline's date is not the file's own date."""
    if dateline.month_day is None:
        return []
    if own_day is not None:
        same = (
            dateline.value == own_day.isoformat()
            if dateline.value
            else (dateline.month_day == (own_day.month, own_day.day))
        )
        if same:
            return []
    return [
        f"the dateline '{dateline.text}' gives {dateline.written_date()}, but the {published.source} date is "
        f"{published.value}; keeping {published.value}"
    ]


def apply_dateline(article: Article) -> list[str]:
    """Complete or refine ``article.published`` from its dateline; warnings also go to the article."""
    dateline = find_dateline(article.text, article.body)
    article.published, warnings = date_from_dateline(article.published, dateline)
    where = article.path if article.format not in ("json", "jsonl") else f"{article.path} ({article.id})"
    messages = [f"{where}: {warning}" for warning in warnings]
    article.warnings.extend(message for message in messages if message not in article.warnings)
    return messages

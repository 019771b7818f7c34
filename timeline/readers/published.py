"""Publication dates: normalising date strings and the ``--published`` options.

``normalise_date`` turns "2022-02-16", "2022-02", "16 February 2022",
"Feb 15, 2022", "2022" or an ISO datetime into a TIMEX3 value at its real
granularity (a datetime becomes its day).  It prefers
``timeline.temporal.parse_date_value`` when that exists and falls back to a
small parser of its own.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timezone
from pathlib import Path

from timeline.errors import InputError, UsageError
from timeline.temporal.timex import is_valid_value

ACCEPTED_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, '15 February 2022' or 'February 15, 2022'"

# Field names crawlers use for a publication date, most specific first.
DATE_FIELDS = (
    "published",
    "published_at",
    "publish_date",
    "date_publish",
    "datePublished",
    "pubdate",
    "date",
    "time",
)

_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_ISO = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)


# A publication date must leave room for the dates read relative to it ("next Monday", "a week
# earlier") inside the calendar Python can count: the first and last year are left out.
FIRST_YEAR, LAST_YEAR = 2, 9998
_MAX_DATE_CHARS = 200  # a publication date is short; a longer string is not one (and is not parsed)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_date(text: str) -> str | None:
    """The TIMEX3 value of a date string at its real granularity, or None."""
    text = text.strip().strip("\"'")
    if len(text) > _MAX_DATE_CHARS or _CONTROL.search(text):
        return None
    if not _YEAR.search(text):
        return None  # "Monday", "yesterday": relative to what? A publication date names its year.
    value = _temporal_parse(text)
    if value is None:
        value = _parse_date_value(text)
    if value and "T" in value:
        value = value.split("T", 1)[0]  # a publication date is a day at the finest
    return value if value and is_valid_value(value) and _inside_calendar(value) else None


def _inside_calendar(value: str) -> bool:
    year = value[:4]
    return year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR


def _temporal_parse(text: str) -> str | None:
    """The temporal stage's parser, when it is there; its result as a TIMEX3 value string."""
    try:
        from timeline.temporal import parse_date_value
    except ImportError:
        return None
    try:
        result = parse_date_value(text)
    except (ValueError, TypeError, OverflowError):
        return None
    if result is None:
        return None
    value = getattr(result, "value", result)  # a DateValue or a plain value string
    return value if isinstance(value, str) else None


def _parse_date_value(text: str) -> str | None:
    """Fallback parser: ISO forms exactly, else one full date written in words."""
    if m := _ISO.fullmatch(text):
        year, month, day = m.groups()
        try:
            if day:
                return datetime(int(year), int(month), int(day)).date().isoformat()
            if month:
                return f"{year}-{month}" if 1 <= int(month) <= 12 else None
        except ValueError:
            return None
        return year
    return _parse_wordy_date(text)


def _parse_wordy_date(text: str) -> str | None:
    """'15 February 2022', 'Feb. 15, 2022', 'Tuesday, 15th February, 2022', 'February 2022'."""
    from dateutil import parser as dateutil_parser

    if not re.search(r"\b\d{4}\b", text) or not re.search(r"[A-Za-z]{3}", text):
        return None
    has_day = bool(re.search(r"(?<![\d:])\d{1,2}(?:st|nd|rd|th)?(?![\d:])", text))
    try:
        # Two different defaults expose fields the text did not give.
        first = dateutil_parser.parse(text, default=datetime(2000, 1, 1))
        second = dateutil_parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day or not has_day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()


def timestamp_to_value(seconds: float) -> str | None:
    """A Unix timestamp (seconds, or milliseconds when huge) as a UTC day."""
    if seconds > 1e11:
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def parse_published_options(values: list[str]) -> dict[str, str]:
    """``["ID=DATE", ...]`` -> ``{id: timex_value}``; a bad value raises UsageError."""
    result: dict[str, str] = {}
    for raw in values:
        if _CONTROL.search(raw):
            raise UsageError(
                f"--published {raw!r}: holds control characters; expected ID=DATE, e.g. 'story1=2022-02-15'"
            )
        article_id, sep, date_text = raw.partition("=")
        article_id = article_id.strip()
        if not sep or not article_id or not date_text.strip():
            raise UsageError(
                f"--published {raw!r}: expected ID=DATE, e.g. 'story1=2022-02-15' (DATE as {ACCEPTED_FORMS})"
            )
        value = normalise_date(date_text)
        if value is None:
            raise UsageError(
                f"--published {raw!r}: cannot read the date {date_text.strip()!r} "
                f"(use {ACCEPTED_FORMS}; years {FIRST_YEAR} to {LAST_YEAR})"
            )
        result[article_id] = value
    return result


def load_published_file(path: str) -> dict[str, str]:
    """Publication dates from a file: CSV ``id,date`` (header optional) or JSON.

    JSON may be ``{"id": "date", ...}`` or ``[{"id": ..., "date": ...}, ...]``.
    """
    if not Path(path).is_file():
        if Path(path).exists():
            raise InputError(f"--published-from {path!r}: not a regular file; give a CSV or JSON file")
        raise InputError(f"no such file: {path!r} (give a CSV or JSON file of id,date pairs)")
    if Path(path).stat().st_size > _MAX_PUBLISHED_FILE:
        raise InputError(f"--published-from {path!r}: larger than 100 MB; this is not a list of dates")
    try:
        content = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"no such file: {path!r} (give a CSV or JSON file of id,date pairs)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path!r}: {exc}") from None
    stripped = content.lstrip()
    if stripped.startswith(("{", "[")):
        pairs = _json_pairs(path, stripped)
    else:
        try:
            pairs = _csv_pairs(content)
        except UsageError as exc:  # "line 3: expected 'id,date'": say which file
            raise UsageError(f"{path}:{exc}") from None
    result: dict[str, str] = {}
    for where, article_id, date_text in pairs:
        value = normalise_date(date_text)
        if value is None:
            raise UsageError(f"{path}:{where}: cannot read the date {date_text!r} (use {ACCEPTED_FORMS})")
        result[article_id] = value
    return result


def _csv_pairs(content: str) -> list[tuple[str, str, str]]:
    pairs = []
    for number, row in enumerate(csv.reader(io.StringIO(content)), start=1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) < 2:
            raise UsageError(f"{number}: expected 'id,date', got {','.join(row)!r}")
        if number == 1 and normalise_date(cells[1]) is None and cells[1].lower() in (*DATE_FIELDS, "value"):
            continue  # a header row
        pairs.append((str(number), cells[0], cells[1]))
    return pairs


_MAX_PUBLISHED_FILE = 100_000_000


def _json_pairs(path: str, content: str) -> list[tuple[str, str, str]]:
    from timeline.readers.jsonfile import parse_json

    try:
        data = parse_json(content)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except ValueError as exc:
        raise UsageError(f"{path}: cannot read this JSON: {exc}") from None
    if isinstance(data, dict):
        return [(repr(key), str(key), str(value)) for key, value in data.items()]
    pairs = []
    for number, item in enumerate(data if isinstance(data, list) else [data]):
        date_key = next((key for key in DATE_FIELDS if isinstance(item, dict) and key in item), None)
        if not isinstance(item, dict) or "id" not in item or date_key is None:
            raise UsageError(f"{path}: item {number} should be an object with 'id' and 'date'")
        pairs.append((f"item {number}", str(item["id"]), str(item[date_key])))
    return pairs


_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PREFIX = re.compile(
    rf"""(?ix)
    (?P<date>
        \d{{4}}-\d{{2}}-\d{{2}}(?:[T\s]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
      | \d{{4}}/\d{{2}}/\d{{2}}
      | \d{{4}}-\d{{2}}
      | {_WEEKDAY}\d{{1,2}}{_ORD}\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}
      | {_WEEKDAY}{_MONTH}\s+\d{{1,2}}{_ORD},?\s+\d{{4}}
      | {_MONTH}\s+\d{{4}}
      | \d{{4}}
    )
    (?![\w-])
    # an optional clock time and zone after the date: chrome, not body
    (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{{2,5}}|[+-]\d{{2}}:?\d{{2}}))?(?!\w))?
    """
)


def match_date_prefix(text: str) -> tuple[str, int] | None:
    """A date at the very start of ``text``: its TIMEX3 value and where the match ends."""
    m = _DATE_PREFIX.match(text)
    if not m:
        return None
    value = normalise_date(m["date"].replace("/", "-"))
    return (value, m.end()) if value else None

"""Publication dates written in a file's path or an article's URL.

News archives and research collections are often laid out by day
(``topic/2011-02-11/story.txt``, ``2022/02/15/story.html``, ``20220215_story.txt``,
``2022-02-15-budget-vote.md``), and news URLs carry the day too
(``https://example.org/world/2022/02/15/budget-vote``).  When an article gives no
date of its own, such a date is its publication date: source "metadata", with
evidence naming where it was found.  The closest component wins: the file name,
then its directory, then the directories above it.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePath

from timeline.types import Article, Published

_FIRST_YEAR, _LAST_YEAR = 1900, 2100

# A day inside one component: 2022-02-15, 2022_02_15, 2022.02.15, 20220215 (not inside a longer number).
_DAY_IN_COMPONENT = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")
# A day or month spread over components: 2022/02/15/ or 2022/02/ (URL and archive layouts).
_DAY_ACROSS = re.compile(r"(?<![\d])(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$)")
_MONTH_ACROSS = re.compile(r"(?<![\d])(\d{4})/(\d{1,2})(?=/)")


def date_in_path(path: str) -> tuple[str, str] | None:
    """The TIMEX3 value of the day (or month) that ``path`` names, and the text it was read from."""
    if not path or path.startswith("<"):
        return None
    for component in reversed(PurePath(path).parts):
        for match in reversed(list(_DAY_IN_COMPONENT.finditer(component))):
            value = _day_value(match[1], match[3], match[4])
            if value:
                return value, component
    for year, month, day in reversed(_DAY_ACROSS.findall(path)):
        value = _day_value(year, month, day)
        if value:
            return value, f"{year}/{month}/{day}"
    for year, month in reversed(_MONTH_ACROSS.findall(path)):
        if _FIRST_YEAR <= int(year) <= _LAST_YEAR and 1 <= int(month) <= 12:
            return f"{int(year):04d}-{int(month):02d}", f"{year}/{month}/"
    return None


def _day_value(year: str, month: str, day: str) -> str | None:
    if not _FIRST_YEAR <= int(year) <= _LAST_YEAR:
        return None
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def apply_path_date(article: Article) -> None:
    """Give an article with no date at all the date its URL or file path names."""
    published = article.published
    if published.value or published.earliest or published.latest:
        return
    for where, text in (("URL", article.url), ("file path", article.path)):
        found = date_in_path(text or "")
        if found:
            value, evidence = found
            article.published = Published(value=value, source="metadata", evidence=f"{where}: {evidence!r}")
            return

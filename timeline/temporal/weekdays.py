"""One article, one reading per day name: "Tuesday" is the same day wherever the article says it.

News names the days of the week around publication without saying which week; the tense of each
sentence decides (``anchor.weekday_tense``).  Sentences disagree: in a Monday article, "X headed Tuesday
to Y" is a past verb, "her first stop Tuesday morning" a scheduled plan.  Unless the text marks another
week ("last Tuesday", "next Tuesday"), a day name refers to one day throughout the article, so the
occurrences that state their tense (``anchor.weekday_evidence``: "will", "is scheduled", "said Tuesday",
a past perfect) decide for those that only suggest one (a plain past verb, a possessive, no verb).  When
the stated occurrences disagree with each other, the article is not consistent and each keeps its own
reading.
"""

from __future__ import annotations

import re

from timeline.temporal.anchor import Layout, weekday_evidence
from timeline.temporal.lexicon import WEEKDAYS

# A bare day name: not "last/next/this Tuesday" (another week, said so), not the weekday of a full date
# ("Tuesday, March 3"), which the date itself places.
# (The words before are tested after a match: a pattern opening with look-behinds is tried at every
# character, five times slower over a whole article.)
_BARE_WEEKDAY = re.compile(
    r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!,?\s+(?:the\s+)?\d|,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d"
    r"|\s+(?:of\s+)?(?:this|last|next)\s+week\b)"  # "Monday next week": another week, said so
)
_OTHER_WEEK_BEFORE = re.compile(r"\b(?:last|next|this|past|coming) $")
_POSSESSIVE = re.compile(r" ?['’]s\b")  # "Friday's", tokenised "Friday 's"
# "4 a.m. EDT Thursday", "noon Friday": the clock time and its day are one expression, read from its start
# (the dot of "a.m." must not cut the sentence before the day).
_CLOCK_BEFORE = re.compile(
    r"(?:\b\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|[ap]m)(?:\s+[A-Z]{2,4})?|\bnoon|\bmidnight)\s+$", re.IGNORECASE
)


def article_weekdays(text: str, layout: Layout) -> dict[int, str]:
    """{ISO weekday: tense} for the day names whose stated occurrences all agree."""
    if layout.weekday_memo is None:
        layout.weekday_memo = _article_weekdays(text, layout)
    return layout.weekday_memo


def _article_weekdays(text: str, layout: Layout) -> dict[int, str]:
    stated: dict[int, set[str]] = {}
    for m in _BARE_WEEKDAY.finditer(text):
        if _OTHER_WEEK_BEFORE.search(text, max(0, m.start() - 7), m.start()):
            continue
        possessive = bool(_POSSESSIVE.match(text, m.end()))
        clock = _CLOCK_BEFORE.search(text, max(0, m.start() - 25), m.start())
        start = clock.start() if clock else m.start()
        tense, strong = weekday_evidence(text, start, m.end(), layout, possessive)
        if strong and tense:
            stated.setdefault(WEEKDAYS[m.group("wd").lower()], set()).add(tense)
    return {day: tenses.pop() for day, tenses in stated.items() if len(tenses) == 1}


def consistent_weekday_tense(
    text: str, start: int, end: int, layout: Layout, weekday: int, possessive: bool = False
) -> tuple[str | None, bool]:
    """(tense, from the article) for a bare day name: its own tense when stated, else the article's."""
    tense, strong = weekday_evidence(text, start, end, layout, possessive)
    if strong:
        return tense, False
    article = article_weekdays(text, layout).get(weekday)
    if article is not None and article != (tense or "past"):  # no tense reads as past (news convention)
        return article, True
    return tense, False

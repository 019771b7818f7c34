"""Time expressions: recognise, normalise to TIMEX3, and anchor.

Public API::

    tag(text, published=None, regions=None) -> list[TimeExpression]
    tag_for_dates(text, published_values, regions=None) -> list[list[TimeExpression]]
    prepare(text, regions=None) -> Prepared          # recognition only (no publication date)
    resolve(prepared, published=None) -> list[TimeExpression]   # tag() == resolve(prepare())
    parse_date_value(s) -> str | None

Pipeline: ``recognise.find_candidates`` (one compiled regex per family, guarded; a scan finds
the tokens an expression can start with, words apart from digit runs and apostrophes, and only the
families starting with that token are tried there) -> ``select_non_overlapping`` (longest wins),
both sentence by sentence with each repeated sentence recognised once (``units.recognise``) ->
``normalise`` resolvers in text order
(so later expressions can anchor on earlier mentions) -> clock times last (they take the day of
the nearest day-level expression in their sentence).  Everything before the resolvers depends only
on the text: ``prepare`` does it once and ``resolve`` runs the resolvers for one publication date.

Conventions
-----------
* Extent follows TimeML: leading prepositions are excluded ("on Monday" -> "Monday"), determiners
  and modifiers are kept ("last week", "early 2022", "the 1990s").
* Ranges ("Feb 10-20", "10-20 February 2022") become two DATE expressions, first and last day
  (rules ``absolute.range_start`` / ``absolute.range_end``).
* A year-less date takes the year that puts it nearest the publication date.  A bare month uses
  the tense of its sentence (past -> not after the publication month, future -> not before).
  Except in a story told in the past (``narrative.py``): "In December 1940 ... In March" is 1941-03,
  the story's last date written with its year carried forward; month/day, bare month, season and
  holiday (rules ``*.narrative``, anchor ``mention``).
* One reading per day name in an article (``weekdays.py``): a stated tense decides for a weak one
  (rules ``weekday.past.article`` / ``weekday.future.article``).
* Weekdays (news convention): same weekday as publication = publication day; otherwise the tense
  of the governing verb decides (future -> coming, else past).  ``last``/``next`` are strict.
  Forward cues: "until/by/before Tuesday" (unless a plain past verb governs and nothing was put off:
  "stayed until Tuesday" is past, "postponed until Tuesday" is not), "planned to/a", "due", "set for",
  a present-tense verb ("meets Monday", "is heading Friday").  A fronted day takes the main verb's
  tense ("On Friday, the ministry planned to..." is past); a past perfect plan ("had been due to
  expire Friday") is past; a possessive ("Friday's ruling") is past unless "ahead of" it.
* Mentions: "the day before", "the next morning", "a day later" anchor on the last date in the same
  or the previous paragraph (short news paragraphs), else the publication date ("an hour later" in a
  past clause: else the last past day named before, in any paragraph).  A clock time takes
  the day of its sentence, else the last day in its paragraph, else (past tense) the day of an earlier
  sentence whose verb its clause repeats ("was killed last Nov. 14" ... "was killed at
  7 p.m."), else (past tense) the last past day named before, else the publication date.  "the day
  before last Tuesday('s hearing)" is one expression; "12 days before the killing" (days or weeks, "the"
  + a noun of a kind of happening, no qualifier after it) counts from the day an earlier sentence wrote
  beside a word of that kind ("killed on the night of Nov. 14"), else stays a duration; "the day
  before he left" / "the day before returning" is not a date (event anchor).
* ``TimeExpression.modifies_noun`` is True for possessive ("Friday's vote", "last week's raid") and
  attributive dates ("the 1971 charter", "a 2020 election", "the 14-day strike", "third-quarter
  results"): they date a noun, not the clause.
* A publication date coarser than a day never yields an invented day: day-relative expressions
  are unresolved (value None), except "today"/"tonight", which take the publication month.
* Numeric dates: dotted ones are day.month.year.  A slashed date is settled by a number above 12;
  else by the document's other slashed dates (any "14/02/2022" makes the document day-first, any
  "2/14/2022" month-first); else, the outlet's locale being unknown, by the reading nearer the
  publication date (news reports recent days); else (no publication date) US month/day.
* A year-less date keeps the nearest year unless it is more than ~100 days from publication and
  the sentence's tense says otherwise ("was killed on Nov. 14" in June -> last November); "last Nov. 14",
  "ended Jan. 31", "since Dec. 28" look back, "next May 5" forward.  "by February" points forward
  like "by Friday".  A bare month
  in a past-tense sentence is not after publication, except the month right after it ("confirmed
  the summit for early March" in February -> this March).
* Tense cues: a participle after a determiner is an adjective, not the past tense ("paid on a still
  unspecified date in January", "will complete the announced sale in February" look forward); a noun
  in -ly is no adverb ("the ally told" is a verb).  A day name written with a year-less date settles its
  year: "Thursday, March 5" takes the neighbouring year whose March 5 is a Thursday if the nearest
  year's is not (rule ``*.weekday_year``).  "in March a judge ruled": after a preposition of time a
  capitalised March/May is the month, whatever follows ("to March the troops" stays a verb).
* A hyphenated adjective drops the article: "the [14-day] strike", "the [third-quarter] results".
* Earnings reports: "the quarter" / "the latest period" is the last quarter reported in the
  document (else the last completed one); "the year-ago quarter", "year-earlier profit" and a
  "a year ago" in a sentence quoting figures are that quarter one year back.  "the year" is the
  publication year, but "the (fiscal) year ended June 30" is a duration (P1Y).
* Clock times: "3pm", "15:00 GMT", "10.30 GMT" (a dotted clock only with a zone), "(1230 GMT)"
  (four digits only with GMT/UTC/Z), a timestamp's "2022 | 10:30", "around 7:15 p.m." (mod APPROX),
  "4 in the morning", "5 p.m. EST Nov. 9" (one TIME on that day).  The zone is kept in the extent
  but the value is the local clock (no conversion).  "local time" is not part of the extent.
* Parts of the day are TIME on the day they belong to (TimeML): "Sunday evening" (TEV), "Friday
  night" (TNI), "at dawn" (TMO), "at dusk" (TEV), "by mid-afternoon yesterday" (TAF, mod MID), "in the
  morning" (the sentence's day, like a clock time), "the early hours of Sunday" (TMO, mod START).
  Alone they need a governing preposition and no noun after them ("the morning show", "dawn raids",
  "the overnight rate" are not times).  "overnight" anchored on a reporting day (the publication date, or
  a day name next to a reporting verb: "officials said on Tuesday") is the night leading into that day
  (its evening's day), or the coming night in a future-tense sentence; anchored on an event day of a
  retold story ("On March 3 the storm hit. Overnight, ...") it is that day's night.  "last night" is
  the night before publication, or before a reporting day its sentence names ("officials said on
  Monday that the fire started last night", "..., police said Monday": Sunday night).
* "N hours/minutes ago" (page chrome: "Updated 2 hours ago") is a TIME counted back from a
  timestamped publication date, else the publication day; it never anchors another clock time.
* Year spans "2019-2021", "the 2021-22 season", "2019/20" are two DATEs (like "Feb 10-20"); a
  two-digit second year needs a slash to be the next year ("2019/25" is not a span).  "FY2022" is
  the year 2022 (TimeBank writes fiscal years as the plain year); "H1 2022" is 2022-H1 (a half code
  needs its year: "H2" alone is hydrogen); "the turn of the century" is the century boundary
  nearest the publication year, mod APPROX.
* Not dates, by decision: "9/11" and "Jan. 6" used as names of events are not resolved to their
  historic day ("9/11" has no year and is not tagged; "the Jan. 6 committee" takes the nearest
  Jan. 6 like any year-less date); "24/7" (an idiom, not a calendar recurrence); scores ("2-1"),
  race times ("2:03:45"), model names ("Boeing 737", "iPhone 13", "F-35", "COVID-19").
* SETs: "every Monday" (XXXX-WXX-1), "Tuesday nights" (XXXX-WXX-2TNI), "each July" (XXXX-07),
  "every summer" (XXXX-SU), "$90 per day" (P1D; not a speed, "50 km per hour"), "twice a week"
  (P1W: TIMEX3's freq attribute has no field here).  A newspaper called "the daily" is not a SET.
* Deliberate divergences from TimeBank/AQUAINT gold: "last week"/"this week" get real ISO weeks
  (2022-W06) where some gold has 1989-WXX or a month; "Month last year" is one expression
  ("June last year" -> 2021-06), not two; "midnight Friday" is Friday T24:00.  Adjectives "current",
  "recent" alone are not tagged (gold tags about half of them: no gain, precision risk).

Rule ids
--------
======================================  ==========================================================
rule                                    meaning
======================================  ==========================================================
absolute.iso / absolute.iso_time         2022-02-14, 2022-02-14T15:00
absolute.numeric / .numeric_time         2/14/2022, 14.02.2022
absolute.month_day / absolute.day_month  February 14, 2022 / 15th February, 2022
  ... .year_from_publication            year-less, year chosen nearest the publication date
  ... .no_year                          year-less, no publication date (value XXXX-MM-DD)
  ... .<rel>_year                       9 November last year, June 18 this year (year from publication)
  ... .weekday_year                     Thursday, March 5: the neighbouring year whose March 5 is a Thursday
absolute.range_start / range_end         Feb 10-20 -> two expressions
absolute.month_year                      February 2022, mid-February 2022 (mod)
absolute.year / absolute.fiscal_year     2020, early 2022 (mod START), fiscal 1989, FY2022
absolute.year_range_start / _end         2019-2021, 2021-22 -> two expressions
absolute.turn_of_century                 the turn of the 20th century (1900, mod APPROX)
relative.turn_of_century                 the turn of the century (nearest boundary, mod APPROX)
absolute.decade / decade_short           the 1990s (199), the '90s
absolute.century                         the 21st century (20)
absolute.quarter / absolute.half         the third quarter of 1998, the first half of 2022, Q3 2021, H1 2022
  ... .year_from_publication            quarter/half whose year comes from the publication date
absolute.season                          summer 2022
month.bare / month.last / month.next     February, last October (year from publication and tense)
month.<rel>_year                         June last year, January this year
holiday.*                                Christmas, Thanksgiving, Easter...
weekday.past / .future / .same_day       Monday by tense (news convention); "earlier Sunday": mod START
weekday.<tense>.article                 the article's reading of that day name (weekdays.py)
weekday.last / .next / .this ...         last Friday, next Tuesday
weekday.<rel>_week                       Thursday of next week, Monday this week
absolute.month_day.narrative             year-less date placed in the story (also month.bare, season,
                                         holiday, relative.the_decade .narrative; weekday.narrative
                                         only without a publication date)
*.year_phrase                            January 21 the following year, in March that year
*.story_coarser                          the next day after "In March 1941": the story's month
story_period.<that|following|...>_<kind> that winter, the following spring, that October, the next April
relative.today / yesterday / tomorrow    day words; tonight/this morning are TIME (TNI, TMO)
  ... .coarse                           month-level publication date: the month itself
part_of_day.this / .last                 this morning, last night
  ... .last.reporting_day               last night before "said Monday" in its sentence
relative.<rel>_<unit>                    this week (2022-W07), last month, next year, the weekend
relative.n_<unit>s_<dir>                 two days ago, a year earlier (.mention when anchored on one)
  ... .told_day                         an hour later (past clause, no day in its or the previous paragraph):
                                         the last past day named before it, not the paper's day
  ... .unresolved                       two years later (past clause, no date named to count from):
                                         no value, not a date still to come
relative.n_<unit>s_<before|after>.event  12 days before the killing (a happening dated beside its noun
                                         earlier in the article: "killed on Nov. 14")
relative.vague_<dir>                     years ago -> PAST_REF
relative.<ref>_<unit>.mention            the same day, that week, the next morning, the previous day
  ... .unresolved                       the next day, the following year (a past clause, no date named
                                         before it): no value, not the day after the paper's
relative.<unit>_<before|after>.mention   the day before, the week after
  ... .weekday                          the day before last Tuesday (shifted from the named day)
relative.year_end                        by year-end, at year's end (publication year, mod END)
  ... .publication                      as above, no earlier mention in the paragraph
quarter.previous                         the previous quarter
quarter.the.mention / .publication       the quarter, the latest period (last reported quarter)
quarter.the.ended                        the quarter ended Sept. 30, with no quarter reported before
relative.year_ago(.quarter)              the year-ago quarter, year-earlier results
relative.the_year                        for the year (publication year)
  ... .apposition                       in 1989, the year X died (the year just named)
duration.the_year_ended                  the year ended June 30 (P1Y)
season.last / next / this / nearest      last summer (2021-SU)
time.mention / time.publication          3 p.m. on the day of the sentence's date, else publication
time.with_day                            9 a.m. Tuesday, noon Thursday, midnight (T24:00), 5 p.m. EST Nov. 9
part_of_day.<anchor>                     at dawn, in the morning, overnight, the early hours (of Sunday):
                                         with_day / mention / publication, like clock times
relative.n_<hour|minute>s_ago.clock      2 hours ago under a timestamped publication date (TIME)
duration.number / duration.vague         two weeks (P2W), 48 hours (PT48H), the past few months (PXM),
                                         5 1/2 hours (PT5H30M), two decades (P20Y); not ages (52 years old)
duration.the_past_unit                   the past year (P1Y)
set.every / set.weekday / set.adverb     every Monday (XXXX-WXX-1), daily (P1D), weekly (P1W)
set.month / set.per                      each July (XXXX-07), per day (P1D)
set.frequency                            twice a year (P1Y)
set.rate                                 $5 million a year, 24 hours a day (P1Y, P1D)
reference.<word>                         now (PRESENT_REF), recently (PAST_REF), the future (FUTURE_REF)
*.unresolved                             recognised, but no anchor precise enough: value None
======================================  ==========================================================
"""

from __future__ import annotations

import re

from timeline.temporal.prepared import Prepared, prepare, resolve, resolve_many
from timeline.temporal.timex import value_to_date
from timeline.types import TimeExpression

__all__ = ["tag", "tag_for_dates", "prepare", "resolve", "Prepared", "parse_date_value"]


def tag(
    text: str, published: str | None = None, regions: list[tuple[int, int]] | None = None
) -> list[TimeExpression]:
    """Every temporal expression in ``text`` (inside ``regions``), normalised and anchored.

    Results are sorted by start and never overlap; ``text[e.start:e.end] == e.text``.
    """
    return resolve(prepare(text, regions), published)


def tag_for_dates(
    text: str, published_values: list[str | None], regions: list[tuple[int, int]] | None = None
) -> list[list[TimeExpression]]:
    """``[tag(text, p, regions) for p in published_values]``, recognising the text only once.

    For publication-date inference, which tags one article against many candidate days.
    """
    return resolve_many(prepare(text, regions), list(published_values))


_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date_value(s: str) -> str | None:
    """A user-given date as a TIMEX3 value at its real granularity, or None.

    ``2022-02-16`` -> ``2022-02-16``; ``2022-02`` / ``Feb 2022`` -> ``2022-02``; ``2022`` -> ``2022``;
    ``16 February 2022`` -> ``2022-02-16``.
    """
    if not isinstance(s, str):
        return None
    s = s.strip()
    if not s:
        return None
    if m := _ISO_PARTIAL.fullmatch(s):
        value = "-".join(part for part in m.groups() if part)
        return value if value_to_date(value) else None
    found = [e for e in tag(s) if e.type == "DATE" and e.anchor == "absolute" and e.value]
    if (
        len(found) == 1
        and found[0].text.strip(" .,") == s.strip(" .,")
        and value_to_date(found[0].value or "")
    ):
        return found[0].value
    return _parse_with_dateparser(s)


def _parse_with_dateparser(s: str) -> str | None:
    """Fallback for forms our patterns do not cover; keeps dateparser's own granularity."""
    try:
        from dateparser.date import DateDataParser

        data = DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"}).get_date_data(s)
    except Exception:  # noqa: BLE001 - dateparser raises many types on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    granularity = {"day": "day", "week": "day", "month": "month", "year": "year"}.get(
        data.period or "day", "day"
    )
    from timeline.temporal.timex import date_to_value

    return date_to_value(day, granularity)

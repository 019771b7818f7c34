"""Reference-time helpers: sentence/paragraph layout, tense of the governing verb, calendar shifts.

Tense (news convention): the nearest tense cue in the same sentence decides, looking first
backwards from the expression, then forwards.  Future cues (``will``, ``expected to``,
``scheduled``, ``plans to``, ``is due to``...) absorb the few words after them, so the participle
in "will be held on Monday" does not count as a past-tense verb.  No cue means past.  A present
passive ("the case is heard") says nothing; a present active verb ("meets", "is heading") means
future for a day name only (``weekday_tense``), and a forward preposition ("until", "by") points
forward (``forward_tense``).  Sentences do not break after titles and "vs." ("Roe vs. Wade").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache

from timeline.temporal.lexicon import trie_alternation
from timeline.temporal.timex import date_to_value
from timeline.types import DateValue

# A sentence break: ``[.!?][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z])|\n``, with the two alternatives' first
# characters in one class (the same matches): a pattern opening with a class is skipped to by the engine,
# an alternation of a class and a character is tried in full at every character of the text.
_SENTENCE_BREAK = re.compile(r"[.!?\n](?:(?<=\n)|[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z]))")
# Titles and "vs." end with a dot but not a sentence ("Roe vs. Wade", "Mr. Smith").
_ABBREVIATION_BEFORE = re.compile(
    r"\b(?:vs|v|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Rev|St|Mt|Ft|Jr|Sr|No"
    r"|Gens|Sens|Reps)$"
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*|(?<=[.!?\"'”’»:])[ \t]*\n\s*")

_FUTURE_CUE = (
    r"will|won't|wo\s+n't|'ll|shall|would|expected\s+to|expects\s+to|scheduled|slated|due|set\s+to|set\s+for"
    r"|plans?\s+to|planning|planned\s+(?:to|a|an|the)\b|as\s+soon\s+as|as\s+early\s+as|intends?\s+to|going\s+to|upcoming"
    # "his next court appearance": what comes next (not a date's "next week", nor "next to")
    r"|next(?=\s+(?:\w+\s+)?(?:appearance|hearing|meeting|round|session|summit|election|vote|match|race"
    r"|game|trial|step|stage|phase|visit|talks)\b)"
    r"|expected(?=\s+(?:in|on|by|before|within|early|late|later|next|this)\b)|expects?(?!\w)|forecasts?(?!\w)"
    r"|to\s+be\s+held|is\s+to|are\s+to|aims?\s+to|hopes?\s+to|promised\s+to|vowed\s+to|agreed\s+to|should"
    r"|(?:is|are)\s+(?:now\s+)?(?:expected|likely|scheduled|planned|headed|bound)|supposed\s+to|to\s+be"
    # a plan named by its noun: "an agreement to acquire the bank in January" looks forward
    r"|(?:agreements?|deals?|proposals?|offers?|bids?|decision|commitment|pledges?|promises?)\s+to"
)


def _words(spaced: str) -> list[str]:
    return spaced.split()


_IRREGULAR_PAST = _words(
    """was were had did said told held met began took made came went saw gave left sent spoke got won lost
    struck fell rose led ran found brought bought sold paid kept became wrote flew broke chose drove grew
    knew threw thought caught fought sought taught stood felt heard meant shot spent swore withdrew been has
    have sat hit quit cut laid oversaw underwent overtook forgave arose awoke bore dealt fled hung lay lit
    slid split spread stole stuck stung swept swung tore woke wore wound built rebuilt blew drew sank rang
    shook hid overran overthrew undertook forbade"""
)
_PARTICIPLE = r"[a-z]{2,}(?:ed|en)|held|heard|made|sent|told|kept|found|paid|sold|brought|bought|shot|hit|cut"
# A past tense or participle as a word: the verbs a clause may share with an earlier one.
PAST_FORM = re.compile(rf"\b(?:{_PARTICIPLE}|{'|'.join(_IRREGULAR_PAST)})\b", re.IGNORECASE)
# A present passive ("the case is heard", "it is subject to") says nothing about past or future.
_PRESENT_PASSIVE = rf"(?:is|are|am)\s+(?:not\s+)?(?:\w+ly\s+)?(?:being\s+)?(?:{_PARTICIPLE})"
# Present active: a progressive ("is heading") or a present-tense verb of scheduled action ("meets",
# "heads", "leaves").  Before a day name in news these announce what is coming.  Base forms only of
# verbs that are rarely nouns, so "a televised address Friday" is not read as a verb.
_SCHEDULED_VERBS = _words(
    """meet leave arrive begin resume travel go come testify fly depart convene reconvene gather attend
    appear compete"""
)
_SCHEDULED_THIRD_PERSON = _words(
    """heads visits faces holds hosts opens closes ends starts takes expires launches unveils kicks wraps
    concludes plays signs"""
)


def _third_person(verb: str) -> str:
    if verb.endswith("y"):
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("o", "s", "sh", "ch", "x")) else "s")


_PRESENT_ACTIVE = (
    r"(?:is|are|am|'s|'re)\s+(?:\w+ly\s+)?(?!being\b|going\s+to\b)[a-z]{2,}ing|returns\s+to|"
    + trie_alternation({*_SCHEDULED_VERBS, *map(_third_person, _SCHEDULED_VERBS), *_SCHEDULED_THIRD_PERSON})
)
_NOT_PAST = (
    r"need|indeed|speed|proceed|succeed|exceed|seed|feed|breed|bed|red|shed|hundred|sacred|naked|wicked"
)
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE_CUE})|(?P<present>{_PRESENT_PASSIVE})|(?P<active>{_PRESENT_ACTIVE})"
    rf"|(?P<past>{trie_alternation(set(_IRREGULAR_PAST))}"
    rf"|(?!(?:{_NOT_PAST})\b)(?-i:[a-z]{{2,}}ed)))\b",  # not "United"
    re.IGNORECASE,
)
# After a future cue, its verb group ("will be held", "would appeal") is not a past-tense cue.
_FUTURE_VERB_GROUP = re.compile(r"(?:\s+(?:not|be|been|being|have|to|\w+ly))*\s+\w+")  # "due to hit"
# A base-form verb after an auxiliary of the past ("did not meet") or a determiner ("the return") is
# not a present-tense verb.
_NOT_ACTIVE_BEFORE = re.compile(
    r"\b(?:did|didn't|does|doesn't|the|a|an|his|her|its|their|our|to|could|might|may|must|can)(?:\s+not)?\s+$",
    re.IGNORECASE,
)

# Verbs that move something to a later time: "postponed until Tuesday" points forward even in the past.
_DEFERRAL = re.compile(
    r"\b(?:postpon|delay|adjourn|extend|defer|reschedul|recess|suspend|schedul)\w*|\bpush\w*\s+back\b"
    r"|\b(?:moved|set|put|planned|ordered|asked|told|gave|given|granted|allowed|instructed|urged|warned"
    r"|expected|agreed|decided|called|announced|promised|vowed|hoped|aimed|sought|intended|wanted|pledged)\b",
    re.IGNORECASE,
)
# "had been due to expire Friday", "had planned to leave Monday": a plan in the past perfect is over.
# A participle after a determiner modifies a noun ("a still unspecified date", "the proposed merger", "its
# planned sale"): it is an adjective, not the sentence's past-tense verb.
# Nouns in -ly are no adverbs: "the ally told", "the family said" are verbs.
_LY_NOUN = (
    r"ally|family|assembly|rally|supply|monopoly|anomaly|reply|bully|belly|daily|weekly|monthly|july|italy"
)
# A noun's possessive does the same ("the nation's unconfined joy"), not a pronoun's "'s" ("she's resigned").
_DETERMINER_BEFORE = re.compile(
    rf"(?:\b(?:the|a|an|its|their|his|her|our|your|my)"
    rf"|\b(?!(?:he|she|it|that|there|what|who|where|here)\b)\w+\s?['’]s)"
    rf"\s+(?:(?!(?:{_LY_NOUN})\b)\w+ly\s+|still\s+)?$",
    re.IGNORECASE,
)
_PAST_PERFECT_BEFORE = re.compile(r"\bhad\s+(?:not\s+)?(?:been\s+)?$", re.IGNORECASE)
# "would have been 99 on Saturday", "should have resigned on Monday": what did not happen, in the past
# ("would have to leave" is an obligation still ahead)
_MODAL_PERFECT_AFTER = re.compile(r"\s+(?:not\s+|n['’]t\s+)?have\s+(?!to\b)[a-z]", re.IGNORECASE)
# A preposition governing the day name that points forward: "until 9 a.m. Tuesday", "by Friday".
_FORWARD_PREPOSITION = re.compile(
    r"\b(?:until|till|by|before|as\s+(?:soon|early)\s+as|no\s+later\s+than|ahead\s+of|in\s+advance\s+of)"
    r"\s+(?:(?:on|at|about|around|early|late)\s+)?$",
    re.IGNORECASE,
)
# The last word of each of ``_FORWARD_PREPOSITION``'s prepositions, and the words it allows after one.
_FORWARD_LAST_WORDS = ("until", "till", "by", "before", "as", "than", "of")
_AFTER_FORWARD = frozenset({"on", "at", "about", "around", "early", "late"})


def _may_end_with_forward_preposition(text: str, end: int) -> bool:
    """False only where ``_FORWARD_PREPOSITION`` cannot match in the 40 characters before ``end``: it ends
    in spaces after one of its last words (or one of them and a word it allows after).  A cheap test of
    the last two words instead of the pattern tried at every position of the window."""
    window = text[max(0, end - 40) : end]
    if not window[-1:].isspace():
        return False
    words = window.rsplit(None, 2)
    if not words or not window.isascii():  # (case-insensitive matching of a few non-ASCII letters)
        return bool(words)
    last = words[-1].lower()
    if last.endswith(_FORWARD_LAST_WORDS):
        return True
    return last in _AFTER_FORWARD and (len(words) < 2 or words[-2].lower().endswith(_FORWARD_LAST_WORDS))


_AHEAD_OF = re.compile(r"\b(?:ahead|in\s+advance)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass
class Layout:
    """Sentence and paragraph start offsets of a text (sorted).

    A layout belongs to one text: it also memoises that text's tense cues per span (a pure function
    of the text), so tagging the text for many publication dates looks for each cue once.
    """

    sentence_starts: list[int]
    paragraph_starts: list[int]
    length: int
    cue_memo: dict[tuple[int, int], tuple[str, str, bool] | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    # ``recognise.modifies_noun`` per (start, end, type), a function of the text: resolution asks it of a
    # date the story may take (``narrative``) and of every result, for every publication date
    noun_memo: dict[tuple[int, int, str], bool] = field(default_factory=dict, repr=False, compare=False)
    # the article's reading of each day name (``weekdays.article_weekdays``), also a function of the text
    weekday_memo: dict[int, str] | None = field(default=None, repr=False, compare=False)
    # whether the text speaks of the news of the day ("today", "said Tuesday"): ``narrative.story_weekday``
    news_of_the_day: bool | None = field(default=None, repr=False, compare=False)
    # whether the text speaks of the present anywhere ("this week", "on Tuesday"): ``narrative._is_news``
    speaks_of_today: bool | None = field(default=None, repr=False, compare=False)

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else self.length
        return self.sentence_starts[i], end

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, pos) - 1

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1


def build_layout(text: str) -> Layout:
    sentences = [0] + [
        m.end()
        for m in _SENTENCE_BREAK.finditer(text)
        if text[m.start()] != "." or not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 5), m.start())
    ]
    paragraphs = [0, *paragraph_breaks(text)]
    return Layout(sorted(set(sentences)), sorted(set(paragraphs)), len(text))


_WHITESPACE_FROM_NEWLINE = re.compile(r"[ \t]*\n\s*")
_TWO_NEWLINES = re.compile(r"\n[ \t]*\n")
_BEFORE_LINE_END = frozenset(".!?\"'”’»:")


def paragraph_breaks(text: str) -> list[int]:
    """``[m.end() for m in _PARAGRAPH_BREAK.finditer(text)]``, newline by newline.

    Every match of either alternative lies in one run of whitespace holding a newline and ends where the
    run ends (the final ``\\s*``), so a run is a break when it holds two newlines with only spaces or
    tabs between them, or when it follows a mark and reaches its first newline through spaces or tabs.
    (The pattern's look-behind alternative is tried at every character: four times slower.)"""
    breaks = []
    newline = text.find("\n")
    while newline >= 0:
        start = newline
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        end = _WHITESPACE_FROM_NEWLINE.match(text, start).end()  # type: ignore[union-attr]
        if (start > 0 and text[start - 1] in _BEFORE_LINE_END) or _TWO_NEWLINES.search(text, newline, end):
            breaks.append(end)
        newline = text.find("\n", end)
    return breaks


@lru_cache(maxsize=4096)
def _cues(segment: str) -> tuple[tuple[str, str], ...]:
    """(kind, word) of every tense cue in ``segment``, in order: future, present, active or past.

    Kept by segment (a pure function of it): the text around each date of a sentence printed again
    (wire copies, templated records) is read once."""
    cues: list[tuple[str, str]] = []
    absorb_until = -1
    for m in _CUE.finditer(segment):
        if m.group("future"):
            past_perfect = _PAST_PERFECT_BEFORE.search(segment, max(0, m.start() - 20), m.start())
            looks_back = past_perfect or (
                m.group().lower() in ("would", "should") and _MODAL_PERFECT_AFTER.match(segment, m.end())
            )
            cues.append(("past" if looks_back else "future", m.group()))
            group = _FUTURE_VERB_GROUP.match(segment, m.end())
            absorb_until = group.end() if group else m.end()
        elif m.start() < absorb_until:
            continue
        elif m.group("active"):
            if " " in m.group() or "'" in m.group() or not _NOT_ACTIVE_BEFORE.search(segment, 0, m.start()):
                cues.append(("active", m.group()))
        elif m.group("present"):
            cues.append(("present", m.group()))
        elif not _DETERMINER_BEFORE.search(segment, max(0, m.start() - 30), m.start()):
            cues.append(("past", m.group()))
    return tuple(cues)


def tense_cues(segment: str) -> list[tuple[str, str]]:
    """(kind, word) of every tense cue in ``segment`` (see ``nearest_cue``)."""
    return list(_cues(segment))


def nearest_cue(text: str, start: int, end: int, layout: Layout) -> tuple[str, str, bool] | None:
    """(kind, word, found after) of the nearest tense cue in the sentence: the last one before
    [start, end), else the first one after.  ``layout`` must be ``text``'s (its memo is used)."""
    key = (start, end)
    if key not in layout.cue_memo:
        layout.cue_memo[key] = _nearest_cue(text, start, end, layout)
    return layout.cue_memo[key]


# A list's bullet ends the item a cue may come from ("... will be lifted · October 5 X visits ...").
_BULLET = re.compile(r"\s[·•]\s")


def _nearest_cue(text: str, start: int, end: int, layout: Layout) -> tuple[str, str, bool] | None:
    s_start, s_end = layout.sentence(start)
    segment = text[max(s_start, start - 150) : start]
    bullet = max(segment.rfind("·"), segment.rfind("•"))  # the item's own words only
    if bullet >= 0:
        segment = segment[bullet + 1 :]
    before = _cues(segment)
    if before:
        return (*before[-1], False)
    after_text = text[end : min(s_end, end + 150)]
    if (cut := _BULLET.search(after_text)) is not None:
        after_text = after_text[: cut.start()]
    after = _cues(after_text)
    return (*after[0], True) if after else None


def tense_near(text: str, start: int, end: int, layout: Layout) -> str | None:
    """``past``/``future`` from the nearest verb cue in the sentence around [start, end); None if none.

    A present-tense verb (passive or active) gives None: it says nothing certain about a month or a year.
    """
    cue = nearest_cue(text, start, end, layout)
    return cue[0] if cue and cue[0] in ("past", "future") else None


# A fronted day name takes the tense of the main verb: "On Friday, the government planned to pay" is
# a plan made on a past Friday, whereas "planned to leave on Friday" looks forward.
_PAST_FORM_OF_FUTURE_CUE = re.compile(r"(?:planned|scheduled|agreed|promised|vowed|slated)\b", re.I)


def weekday_tense(text: str, start: int, end: int, layout: Layout, possessive: bool = False) -> str | None:
    """``past``/``future`` for a bare day name ("Tuesday") by news convention.

    * A forward preposition ("until Tuesday", "by Friday", "as soon as Monday") points to the coming
      day, unless a plain past verb governs the sentence ("Until Thursday, they had not...");
      deferrals stay forward ("postponed until Tuesday").
    * A present-tense verb ("meets Monday", "is heading Friday") announces the coming day.
    * A possessive ("Friday's ruling") is something that happened, unless it is what comes next
      ("ahead of Sunday's vote").
    """
    return weekday_evidence(text, start, end, layout, possessive)[0]


# A future cue put in the past ("was due to", "were expected to") reports a plan that may be over.
_PAST_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were)\s+(?:not\s+)?$", re.IGNORECASE)
_PLAN_IN_PAST = re.compile(r"\b(?:was|were)\s+to\s+\w+(?:\s+\S+){0,6}\s+(?:on\s+)?$", re.IGNORECASE)
_DEPARTURE_OR_PLAN = re.compile(
    r"headed|set|planned|scheduled|arranged|prepared|readied",
    re.IGNORECASE,
)


def weekday_evidence(
    text: str, start: int, end: int, layout: Layout, possessive: bool = False
) -> tuple[str | None, bool]:
    """(tense, strong) for a bare day name: ``weekday_tense``'s reading and whether the text states it.

    Strong: a future cue ("will", "is scheduled"), a present-tense verb ("meets Monday"), a forward
    preposition under a non-past verb, "ahead of Sunday's vote", a past verb of what happened ("won on
    Friday", "said Tuesday").  Weak: a departure or plan in the past tense ("headed Tuesday to ...", which
    may report a departure still to come), a possessive ("Saturday's final"), a plan put in the past ("was
    due to"), or no verb at all.
    """
    if possessive:
        ahead = bool(_AHEAD_OF.search(text, max(0, start - 40), start))
        return ("future", True) if ahead else ("past", False)
    cue = nearest_cue(text, start, end, layout)
    forward = forward_tense(text, start, layout, cue)
    if forward:
        return forward, forward == "future" and (cue is None or cue[0] != "past")
    if cue is None:
        return None, False
    kind, word, after = cue
    if kind == "future" and after and _PAST_FORM_OF_FUTURE_CUE.match(word):
        kind = "past"
    if kind == "future" and word.lower() == "should":
        return "future", False  # advice ("should meet Tuesday") says little about the week
    if kind in ("future", "active"):
        s_start, _ = layout.sentence(start)
        cue_at = text.rfind(word, s_start, start) if not after else -1
        planned_in_past = cue_at >= 0 and bool(
            _PAST_AUXILIARY_BEFORE.search(text, max(0, cue_at - 12), cue_at)
        )
        return "future", not planned_in_past
    if kind != "past":
        return None, False
    if word.lower() in ("was", "were") and _PLAN_IN_PAST.search(text, max(0, start - 60), start):
        return "future", False  # "was to host a fundraiser Monday": a plan, seen from the past
    # Only a departure or a plan put in the past may still lie ahead ("headed Tuesday to ..."); any other
    # past verb reports what happened.
    return "past", not _DEPARTURE_OR_PLAN.fullmatch(word)


def forward_tense(
    text: str, start: int, layout: Layout, cue: tuple[str, str, bool] | None = None
) -> str | None:
    """For a date governed by a forward preposition ("until Tuesday", "by February"): ``future``, or
    ``past`` when a plain past verb governs the sentence and nothing was put off; None without one."""
    if not _may_end_with_forward_preposition(text, start) or not _FORWARD_PREPOSITION.search(
        text, max(0, start - 40), start
    ):
        return None
    if cue is None or cue[0] != "past":
        return "future"
    s_start, _ = layout.sentence(start)
    return "future" if _DEFERRAL.search(text, max(s_start, start - 150), start) else "past"


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
            return _month_shift(day, n * (3 if unit == "quarter" else 1), unit)
        if unit == "year":
            return f"{day.year + n:04d}"
        if unit == "decade":
            return f"{day.year // 10 + n:03d}"
        if unit == "century":
            return f"{day.year // 100 + n:02d}"
    except (OverflowError, ValueError):
        return None
    return None


def _month_shift(day: date, months: int, unit: str) -> str | None:
    """``date_to_value(day + relativedelta(months=months), unit)`` for a month or a quarter: only the
    year and month count (relativedelta's clipping of the day changes neither), in integers."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    if not MINYEAR <= year <= MAXYEAR:
        return None  # relativedelta raises here
    return date_to_value(date(year, month + 1, 1), unit)


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

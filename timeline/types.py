"""The small dataclasses that pass between pipeline stages.

Data flows one way:

    readers  -> Article
    sentences -> Sentence
    temporal -> TimeExpression      (dates normalised to TIMEX3 values)
    events   -> EventMention
    merge    -> Event               (one real-world event, many sources)
    build    -> Timeline            (documents, events, gaps)
    render   -> text / Markdown / JSON

Every offset (``start``/``end``) indexes ``Article.text``, the whole decoded
file, so ``article.text[start:end]`` is always the quoted text.

The types made in the tens of thousands on a large collection (sentences, expressions, mentions, join
reasons, events) have ``__slots__``: no per-object ``__dict__``, about half the memory (issue #13).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import date

# Granularities, coarsest last.  "time" is finer than "day" (a clock time).
GRANULARITIES = ("time", "day", "week", "month", "quarter", "season", "year", "decade", "century")

# Where a publication date came from.
PUBLISHED_SOURCES = ("header", "metadata", "option", "inferred", "unknown")

# How a time expression was resolved.
ANCHOR_KINDS = (
    "absolute",  # fully specified in the text ("14 February 2022")
    "publication",  # relative to the article's publication date ("on Monday")
    "mention",  # relative to an earlier time expression ("the day before")
    "unresolved",  # found, but no anchor was available to normalise it
)

# How an event mention got its date (``EventMention.date_source``).
DATE_SOURCES = (
    "expression",  # a time expression of its own clause
    "publication-implicit",  # no date in the clause: a news lead/report dated by its publication day
    "narrative",  # no date in the clause: a past-tense clause continuing the story of the day told before it
    "joined",  # took the date of the event it was merged with
    "none",  # undated
)

# Event status.
EVENT_STATUSES = ("reported", "expected", "background")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A normalised calendar date at its real granularity.

    ``value`` is a TIMEX3 value (``2022``, ``2022-02``, ``2022-W07``,
    ``2022-02-14``, ``2022-Q1``, ``2022-SU``, ``199`` for a decade ...);
    ``start``/``end`` are the inclusive calendar bounds it covers.
    """

    value: str
    start: date
    end: date
    granularity: str

    def overlaps(self, other: DateValue) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: DateValue) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass
class Published:
    """An article's publication date and how we know it."""

    value: str | None = None  # TIMEX3 value, e.g. "2022-02" or "2022-02-15"; None if unknown
    source: str = "unknown"  # one of PUBLISHED_SOURCES
    evidence: str = ""  # human-readable: the header line, the option, the inference
    earliest: date | None = None  # bounds when only a range is known (inferred)
    latest: date | None = None


@dataclass
class Article:
    """One input article, decoded.

    ``text`` is the whole decoded file (or, for JSON/HTML/TimeML inputs, the
    extracted article text); ``body`` lists the ``(start, end)`` regions of
    ``text`` that are article prose, so headers and markup stay out of events
    while offsets remain offsets into ``text``.
    """

    id: str
    path: str
    text: str
    body: list[tuple[int, int]]
    title: str | None = None
    published: Published = field(default_factory=Published)
    url: str | None = None
    source: str | None = None  # outlet name, when known
    format: str = "text"  # text|markdown|json|jsonl|html|timeml
    warnings: list[str] = field(default_factory=list)


# ``Article.text`` is read and set through a property, so that a build can hold the text of an article it
# has done reading in a smaller form (``pack_text``) while ``article.text`` still gives the same string.
# Memory (issue #9): a text with one character beyond Latin-1 (a curly quote, a dash) is held at two bytes
# a character, and nearly half the articles of real news are such texts (on the 50 MB array of real news
# 12,297 texts take 76 MB as strings; the 5,633 wide ones 55 MB of it, 28 MB as UTF-8).  The property is
# set on the class after ``dataclass`` has made ``__init__`` (which then sets the text through it); the
# value is kept in the instance's ``__dict__`` under the same name, so pickling and copying are as before.


def _article_text(article: Article) -> str:
    text = article.__dict__["text"]
    return text if type(text) is str else text.decode("utf-8")  # a packed text: ``pack_text``


def _set_article_text(article: Article, text: str) -> None:
    article.__dict__["text"] = text


Article.text = property(_article_text, _set_article_text, doc="The whole decoded text (see ``Article``).")


def pack_text(article: Article) -> None:
    """Hold ``article``'s text as UTF-8 when that is smaller (a text with characters beyond Latin-1):
    ``article.text`` then decodes it each time it is asked for (a new, equal string).  For the articles
    a build has done reading: their texts are asked for again only for a few of them, if at all."""
    text = article.__dict__["text"]
    if type(text) is not str or text.isascii():  # packed already; an ASCII string is as small as its bytes
        return
    try:
        packed = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (an escaped one in JSON): kept as it is
        return
    if sys.getsizeof(packed) < sys.getsizeof(text):  # a string's size tells how it holds its characters
        article.__dict__["text"] = packed


def text_utf8(article: Article) -> bytes:
    """``article.text.encode("utf-8")``, without decoding a packed text first (``pack_text``)."""
    text = article.__dict__["text"]
    return text.encode("utf-8") if type(text) is str else text


@dataclass(frozen=True, slots=True)
class Sentence:
    document: str  # Article.id
    index: int  # position in the article, 0-based
    start: int
    end: int
    text: str  # == article.text[start:end]
    paragraph: int  # paragraph number, 0-based
    line: int  # 1-based line number of ``start`` in the file
    boilerplate: bool = False  # navigation, appeals, share buttons: never yields events


@dataclass(slots=True)
class TimeExpression:
    """A temporal expression found in text, normalised to TIMEX3."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None  # TIMEX3 value; None when unresolved
    granularity: str | None  # see GRANULARITIES; None for DURATION/SET/unresolved
    anchor: str  # one of ANCHOR_KINDS
    anchor_value: str | None = None  # the value it was anchored to (publication date, earlier mention)
    anchor_text: str | None = None  # the anchoring mention's text, or "publication date"
    rule: str = ""  # rule id, shown by --explain
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER ...
    tense: str | None = None  # past|present|future as read from the governing verb, if used
    modifies_noun: bool = False  # possessive/attributive: "Friday's vote", "the 1971 charter"

    def date(self) -> DateValue | None:
        """The calendar span of this expression (DATE/TIME only), if it has one."""
        from timeline.temporal.timex import value_to_date  # local: keep types dependency-free

        if self.type not in ("DATE", "TIME") or not self.value:
            return None
        return value_to_date(self.value)


# Why a mention joined an event (``JoinReason.kind``).
JOIN_KINDS = (
    "same-date",  # dated to the same date as the member it matched
    "compatible-date",  # dates overlap: a day inside a week, a publication-implied day and the day before
    "conflict",  # the same happening told with a date that disagrees: listed in ``Event.conflicts``
    "retelling",  # a later report that recalls the happening ("the March 8 bombing"): no conflict
    "undated",  # no date of its own: joined on content alone, its date taken from the event
)


@dataclass(frozen=True, slots=True)
class JoinReason:
    """The evidence on which one mention joined an event, and how sure the join is (0..1).

    ``document``/``start`` locate the joining mention's sentence, ``matched_document``/``matched_start``
    the member it matched best.
    """

    document: str
    start: int
    matched_document: str
    matched_start: int
    kind: str  # one of JOIN_KINDS
    confidence: float
    actors: tuple[str, ...] = ()  # named actors in common, "A ~ B" when spelled differently
    terms: tuple[str, ...] = ()  # key terms and event concepts in common
    date: str = ""  # how the two dates relate, in words
    quoted: tuple[str, ...] = ()  # quoted words both sentences carry
    similarity: float = 0.0  # wording similarity of the two sentences (token-set ratio, 0..1)


class _HeldFeatures:
    """Two slots the merge keeps a mention's features in while it runs (``merge.features.features``):
    memory (issue #9), 16 bytes a mention instead of an entry of a table by ``id`` (about 140).  Not
    fields: not compared, shown, copied or pickled; unset outside a merge."""

    __slots__ = ("_features", "_features_week")


@dataclass(slots=True)
class EventMention(_HeldFeatures):
    """One sentence's report of one event.

    The word lists (``actors``, ``terms``, ``places``, ``content``, ``subjects``) of the mentions of one
    ``build_timeline`` run may be one shared object when equal (memory: wire copies repeat sentences by
    the thousand): read them, or copy one before changing it."""

    document: str
    sentence: Sentence
    expression: TimeExpression | None  # the time expression dating it; None if undated here
    date: DateValue | None
    trigger: str  # governing action word ("held", "call", "began")
    actors: list[str] = field(default_factory=list)  # names as written
    terms: list[str] = field(default_factory=list)  # content keywords (lower-case lemmas)
    status: str = "reported"  # one of EVENT_STATUSES
    title: str = ""
    date_source: str = "expression"  # one of DATE_SOURCES
    places: list[str] = field(default_factory=list)  # those of ``actors`` read as places or nationalities
    content: list[str] = field(default_factory=list)  # a statement's reported clause terms ("said that ...")
    # the names (of ``actors``) that are the trigger's grammatical subject ("Norland" in "Norland condemned
    # the bombing"); None when the extractor did not determine it, [] when the subject is not a name
    subjects: list[str] | None = None
    # the earliest day the happening may lie on when it is before ``date.start``: a publication-implicit
    # date may be the day before publication (Saturday's paper reports Friday); merging treats the whole
    # [earliest, date.end] as compatible and never calls that range a conflict
    earliest: date | None = None
    # the rule that gave a date without an expression ("publication-implicit.lead", "narrative.past"),
    # shown by --explain; "" when the date is an expression's (its own ``rule`` tells) or there is none
    date_rule: str = ""
    # why the merge put this mention in its event (None for the mention an event started from)
    join: JoinReason | None = None
    # (trigger, ``merge.features.governing_action`` and ``named_after`` of the sentence and that trigger),
    # worked out by the extractor (in the worker processes), so merging (one process) need not re-read
    # the sentence; None when not known, and ignored when the trigger has changed since
    trigger_context: tuple[str, str, frozenset[str]] | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class Conflict:
    """A date for an event that disagrees with the event's chosen date."""

    value: str
    sources: list[str]
    text: str  # the sentence saying so


@dataclass(slots=True)
class SummarySentence:
    """One sentence of a summary timeline's entry (``--top --sentences``), with the articles that say it."""

    text: str
    sources: list[str]  # Article ids: the one quoted first, then those saying nearly the same
    # why it summarises its day (``summarise._dated``): it names the day ("expression", with the
    # expression's text), or it opens an article published that day or the day after
    dated_by: str = ""
    expression: str | None = None
    headline: bool = False  # an input's title, not a sentence of its text


@dataclass(slots=True)
class DayRanking:
    """Why a summary timeline (``--top``) keeps a day: its rank among the collection's days and the
    evidence its score weighs (``timeline.summarise``)."""

    rank: int  # 1: the collection's most important day
    candidates: int  # the days with any evidence (within --since/--until)
    score: float
    naming: int  # articles naming the day (a re-sent copy not counted)
    naming_later: int  # ... of them written more than a week after it
    months_recalled: int  # the distinct months in which those later articles were written
    published: int  # articles published on the day
    retold: int  # later articles telling its happening without naming it (the merged events)
    reductions: list[str] = field(default_factory=list)  # what lowered its score, in words


@dataclass(slots=True)
class Event:
    id: str  # stable across runs: derived from content, not order
    date: DateValue | None
    title: str
    status: str
    sources: list[str]  # Article ids, in first-seen order
    mentions: list[EventMention]
    conflicts: list[Conflict] = field(default_factory=list)
    reasons: list[JoinReason] = field(default_factory=list)  # why each joined mention is in the event
    confidence: float = 1.0  # how sure that every source reports this one happening (0..1)
    summary: list[SummarySentence] = field(default_factory=list)  # summary timelines only (--top)
    ranking: DayRanking | None = None  # summary timelines only (--top): why the day is kept

    @property
    def importance(self) -> tuple[int, int]:
        return (len(self.sources), len(self.mentions))


@dataclass
class Gap:
    """Something missing from the chronology (see ``timeline check``)."""

    kind: str  # undated-article | undated-event | interval | conflict | unresolved-expression
    message: str
    document: str | None = None  # Article id
    path: str | None = None
    line: int | None = None
    start: date | None = None  # for interval gaps: the empty stretch
    end: date | None = None
    failing: bool = True


@dataclass
class Skipped:
    """An input left out of the result: a file or record that could not be read, or an article whose
    processing failed.  ``timeline check`` reports each as an ``unreadable-article`` gap."""

    path: str  # the file (or "<stdin>"), with ":N" for record N of a many-article file
    reason: str
    document: str | None = None  # the Article id, when the article was read but could not be processed


@dataclass
class Timeline:
    documents: list[Article]
    events: list[Event]
    gaps: list[Gap] = field(default_factory=list)
    expressions: dict[str, list[TimeExpression]] = field(default_factory=dict)  # by Article.id
    warnings: list[str] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)  # a re-sent Article.id -> the Article.id it repeats
    skipped: list[Skipped] = field(default_factory=list)  # inputs left out (see ``Skipped``)

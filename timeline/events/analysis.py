"""One sentence read once: its tokens, the tokens to ignore (dates, attribution), its clause boundaries."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import indexOf, itemgetter
from typing import Any

from timeline.names import Name, extract_names
from timeline.temporal.timex import value_to_date
from timeline.text import (
    AUXILIARIES,
    EVENT_NOUNS,
    MODALS,
    Token,
    is_reporting,
    tokenize,
    verb_flags,
)
from timeline.types import DateValue, Sentence, TimeExpression

_CLAUSE_STARTERS = frozenset({"and", "but", "while", "whereas", "saying", "adding"})


_TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "morning", "afternoon", "evening", "night"})


_QUOTE = re.compile("``|''|[\"\u201c\u201d]")


_PERFECT = frozenset({"has", "have", "had"})


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "since", "during", "by", "from", "as", "of", "until"})


_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "off", "around", "along"}
    | {"within", "onto", "beneath", "opposite"}
)


@dataclass
class _Analysis:
    """Tokens of one sentence, with the ones to ignore and the clause boundaries."""

    tokens: list[Token]
    ignored: set[int]  # attribution ("According to X,") and time-expression tokens
    clauses: list[tuple[int, int]]  # [start, end) token ranges
    verbs: list[bool]  # ``is_verb`` of each token, judged once
    names: list[Name] | None = None  # names outside the ignored tokens, found on first use
    text: str = ""  # the sentence, so a title is cut from it verbatim ("a 20% gain")
    offset: int = 0  # the sentence's start in its article (token offsets are relative to the sentence)
    # found on first use, then shared by every reader of the sentence (extraction asks many times)
    relatives: list[Any] | None = None  # ``clauses._relative_clauses`` (a list of ``_Relative``)
    left_out: list[bool] | None = None  # ``titles._left_out`` of each token
    places: set[str] | None = None  # ``actors._places`` (shared by every mention of the sentence)
    clause_marks: list[bool] | None = None  # each token is "," or ";" (``titles._word_count``)
    token_lengths: list[int] | None = None  # running sum of the tokens' lengths (``titles._verbatim``)
    commas: list[int] | None = None  # the indices of the "," tokens, in order (``comma_indices``)
    # the sentence's text and skipped spans relative to it: equal for every copy of the sentence, so what
    # is read from the analysis alone (token indices, words) may be kept by it (``_text_reading``)
    reading: tuple[str, tuple[tuple[int, int], ...]] | None = None
    # the quotation marks of ``text`` (position in it, mark), found with the first reading and shared by
    # its copies; None when not known (``quote_marks`` then looks)
    marks: tuple[tuple[int, str], ...] | None = None


def span_of(expression: TimeExpression) -> DateValue | None:
    """``expression.date()``, parsing each distinct value once (extraction asks for it many times)."""
    if expression.type not in ("DATE", "TIME") or not expression.value:
        return None
    return _span_of_value(expression.value)


@lru_cache(maxsize=65536)
def _span_of_value(value: str) -> DateValue | None:
    return value_to_date(value)  # DateValue is frozen: one shared instance per value is safe


def _analyse(
    sentence: Sentence, expressions: list[TimeExpression], skipped: tuple[tuple[int, int], ...] = ()
) -> _Analysis:
    """The analysis of a sentence whose ``expressions`` are dates (their tokens, and ``skipped``, ignored)."""
    if not expressions:
        return _analysis_with_dates(sentence, skipped)  # most sentences: no date of their own
    return _analysis_with_dates(sentence, skipped + tuple((e.start, e.end) for e in expressions))


ANALYSES_CACHED = 32  # the last sentences' analyses, each asked for by several readers of its sentence


@lru_cache(maxsize=ANALYSES_CACHED)
def _analysis_with_dates(sentence: Sentence, spans: tuple[tuple[int, int], ...]) -> _Analysis:
    # cached: a sentence's readers (its dated mentions, the sentence loop, an undated report) ask in a row,
    # and inferring a publication date re-reads an article's sentences for every candidate day (past this
    # size those come from ``_text_readings``).  Small: with 512 entries each analysis was let go some 14
    # articles after it was made, no longer in the processor's caches: extraction of the templated array
    # took 6-8% more CPU (issue #9; Phil_Spector with a quarter of its articles undated: inference +6%).
    start = sentence.start
    within = tuple((lo - start, hi - start) for lo, hi in spans) if spans else ()  # relative to the sentence
    key = (sentence.text, within)
    first = _text_readings.get(key)
    if first is None or first is SEEN_ONCE:
        marks = _marks_in(sentence.text)
        analysis = _analyse_tokens(tokenize(sentence.text), within, bool(marks))
        analysis.marks = marks
        _keep_reading(key, analysis if first is SEEN_ONCE else SEEN_ONCE)
    else:
        _text_readings.move_to_end(key)
        return copy_analysis(first, sentence)
    analysis.text, analysis.offset, analysis.reading = sentence.text, start, key
    return analysis


def copy_analysis(first: _Analysis, sentence: Sentence) -> _Analysis:
    """The analysis of ``sentence``, a copy of ``first``'s sentence with the same skipped spans relative to
    it (the same ``reading`` key).  The tokens' offsets are relative to the sentence, so every copy shares
    the first one's tokens (none shifted and made again per copy: about a tenth of reading the templated
    array, issue #9); a copy gets its own offset and lazy fields (its readers fill them)."""
    analysis = _Analysis(first.tokens, first.ignored, first.clauses, first.verbs, marks=first.marks)
    analysis.text, analysis.offset, analysis.reading = sentence.text, sentence.start, first.reading
    return analysis


TEXT_READINGS = 2048  # distinct (sentence text, skipped spans) readings kept per process

# A table's mark of a key met once.  The tables of sentences read once (this one, and ``extract``'s) keep a
# reading only from its key's second sighting: most sentences of real news are printed once, and keeping
# the first reading of each (the objects it holds, let go thousands of sentences later, long out of the
# processor's caches) cost real news about a tenth of extraction's CPU for the few it saved (issue #13).
SEEN_ONCE: Any = object()

# the second analysis made of each (text, skipped spans relative to it), by that key (SEEN_ONCE before)
_text_readings: OrderedDict[tuple[str, tuple[tuple[int, int], ...]], _Analysis] = OrderedDict()


def _keep_reading(key: tuple[str, tuple[tuple[int, int], ...]], analysis: _Analysis) -> None:
    """Keep ``analysis`` (or ``SEEN_ONCE``) for the next copies of its sentence (wire copies, boilerplate,
    templated records): what depends only on the words (tokens, ignored tokens, clauses, verb flags) is
    read once.  Exact: the tokens and the skipped spans are both relative to the sentence, so equal for
    every copy.  A copy gets its own analysis (its offset; the readers fill its lazy fields); ``tokens``,
    ``ignored``, ``clauses`` and ``verbs`` are never changed once made, so they are shared."""
    remember(_text_readings, key, analysis, TEXT_READINGS)


def remember(table: OrderedDict, key: Any, value: Any, limit: int) -> None:
    """``table[key] = value`` as its newest entry, the oldest let go past ``limit`` entries."""
    table[key] = value
    table.move_to_end(key)
    if len(table) > limit:
        table.popitem(last=False)


def _analyse_tokens(
    tokens: list[Token], spans: tuple[tuple[int, int], ...], quoted: bool = False
) -> _Analysis:
    ignored = _attribution_tokens(tokens)
    for start, end in spans:
        # the tokens overlapping a skipped span: those ending after its start and starting before its end,
        # a run of neighbours (tokens do not overlap, so their starts and ends both increase)
        ignored.update(range(bisect_right(tokens, start, key=_END), bisect_left(tokens, end, key=_START)))
    ignored |= _date_leaders(tokens, ignored)
    verbs = verb_flags(tokens)
    ignored |= _trailing_attribution(tokens, ignored, verbs, quoted)
    return _Analysis(tokens, ignored, _clauses(tokens, ignored, verbs), verbs)


# Words that only qualify a sentence-opening date: "As of Friday,", "Just over an hour later,".
_DATE_LEADERS = frozenset(
    {"as", "of", "just", "over", "about", "around", "nearly", "almost", "shortly", "only", "some", "exactly"}
    | {"roughly", "barely", "more", "less", "than", "soon", "even", "still", "early", "late", "until", "till"}
)


def _date_leaders(tokens: list[Token], ignored: set[int]) -> set[int]:
    """The sentence's first words when they only lead into its opening date: they go with the date."""
    for i, token in enumerate(tokens):
        if i in ignored:
            return set(range(i))
        if token.lower not in _DATE_LEADERS and token.lower not in _TIME_PREPOSITIONS:
            return set()
    return set()


def _trailing_attribution(
    tokens: list[Token], ignored: set[int], verbs: list[bool], quoted: bool
) -> set[int]:
    """A closing ", witnesses said" / ", an official said" is sourcing when the sentence has its own action.

    Kept when it carries a date of its own ("..., police said Tuesday": the statement is what is dated)
    or follows a quotation (then what was said is the statement's content, not an event).
    """
    if quoted:
        return set()
    # the last comma after the first token (searched from the end in C: ``_TEXT`` of each token)
    from_end = _index_of(map(_TEXT, reversed(tokens)), ",")
    comma = len(tokens) - 1 - from_end
    if from_end < 0 or comma <= 0 or len(tokens) - comma > 8:
        return set()
    tail = range(comma + 1, len(tokens))
    if not any(verbs[i] and is_reporting(tokens[i].lower) for i in tail) or any(i in ignored for i in tail):
        return set()
    if any(verbs[i] and not is_reporting(tokens[i].lower) for i in tail):
        return set()
    if not any(verbs[i] and not is_reporting(tokens[i].lower) and i not in ignored for i in range(comma)):
        return set()
    return set(range(comma, len(tokens)))


def _attribution_tokens(tokens: list[Token]) -> set[int]:
    """Sentence-initial "As X reported," and "According to X," are sourcing, not events."""
    comma = _index_of(map(_TEXT, tokens), ",")
    if comma <= 0:  # no comma, or a sentence that starts with one: no "According to X," head
        return set()
    head = [t.lower for t in tokens[:comma]]
    if head[:2] == ["according", "to"] or (head[0] == "as" and any(is_reporting(w) for w in head)):
        return set(range(comma + 1))
    return set()


# the words that can open a clause after a token other than ";" (``_clauses``)
_CLAUSE_WORDS = _CLAUSE_STARTERS | {"that", "and"}


def _clauses(tokens: list[Token], ignored: set[int], verbs: list[bool]) -> list[tuple[int, int]]:
    starts = [0]
    for i in range(1, len(tokens)):
        word, prev = tokens[i].lower, tokens[i - 1].text
        if (prev != ";" and word not in _CLAUSE_WORDS) or i in ignored:
            continue  # most tokens: none of the tests below can hold (checked first: cheap)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        starts_clause = (
            prev == ";"
            or (word == "that" and (nxt is None or nxt.lower not in _TIME_NOUNS))
            or (prev == "," and word in _CLAUSE_STARTERS)
            or (word == "and" and nxt is not None and (nxt.lower == "that" or verbs[i + 1]))
        )
        if starts_clause:
            starts.append(i)
    starts = sorted(set(starts))
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(tokens)], strict=True) if e > s]


_TEXT, _START, _END = itemgetter(0), itemgetter(1), itemgetter(2)  # a Token's fields


def _index_of(items: Iterable[str], item: str) -> int:
    """The position of the first ``item`` in ``items`` (run in C), -1 when there is none."""
    try:
        return indexOf(items, item)
    except ValueError:
        return -1


def comma_indices(analysis: _Analysis) -> list[int]:
    """The indices of the sentence's "," tokens, in order: found in C once per analysis, for the readers
    that look for the commas around an aside or before a closing attribution (not a scan of every
    token each)."""
    if analysis.commas is None:
        tokens = analysis.tokens
        analysis.commas = list(compress(range(len(tokens)), map(",".__eq__, map(_TEXT, tokens))))
    return analysis.commas


def quote_marks(analysis: _Analysis) -> tuple[tuple[int, str], ...]:
    """(offset in the sentence, mark) of every quotation mark of the sentence, in order: read from the
    text once per distinct sentence (every copy of it shares the first reading's), not again by each
    reader."""
    if analysis.marks is None:
        return _marks_in(analysis.text)
    return analysis.marks


def _marks_in(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, mark) of each of ``_QUOTE``'s matches in ``text``.

    Each match holds one of five pieces (", \u201c, \u201d, two backquotes, two apostrophes) and most
    sentences hold none: each is searched for in C, far cheaper than the pattern's scan of the sentence
    (about 3% of the events stage of real news, issue #13; tested in turn, as an ``any`` over them
    would cost a generator per sentence)."""
    if (
        '"' not in text
        and "\u201c" not in text
        and "\u201d" not in text
        and "``" not in text
        and "''" not in text
    ):
        return ()
    return tuple((m.start(), m.group()) for m in _QUOTE.finditer(text))


def _clause_of(analysis: _Analysis, index: int) -> tuple[int, int]:
    """The first clause holding token ``index`` (StopIteration when none does)."""
    clauses = analysis.clauses
    if clauses:
        # clauses follow one another in order: the first one, else the last starting at or before ``index``
        first = clauses[0]
        if first[0] <= index < first[1]:
            return first
        last = clauses[bisect_right(clauses, index, key=_TEXT) - 1]  # ``_TEXT``: item 0, a clause's start
        if last[0] <= index < last[1]:
            return last
    return next(c for c in clauses if c[0] <= index < c[1])


def _token_index(analysis: _Analysis, offset: int) -> int:
    """The first token ending after ``offset`` in the sentence, as the tokens' and the names' offsets
    are (else the last token); token ends only increase."""
    index = bisect_right(analysis.tokens, offset, key=_END)
    return index if index < len(analysis.tokens) else max(len(analysis.tokens) - 1, 0)


def _token_of(analysis: _Analysis, position: int) -> int:
    """``_token_index`` of a ``position`` in the article's text (a time expression's offsets)."""
    tokens = analysis.tokens
    index = bisect_right(tokens, position - analysis.offset, key=_END)
    return index if index < len(tokens) else max(len(tokens) - 1, 0)


def _verbs(analysis: _Analysis, lo: int, hi: int) -> list[int]:
    ignored, flags = analysis.ignored, analysis.verbs
    if lo < 0 or hi > len(flags):
        return [i for i in range(lo, hi) if flags[i] and i not in ignored]
    verbs = compress(range(lo, hi), flags[lo:hi])  # the flagged indices, found in C
    return [i for i in verbs if i not in ignored] if ignored else list(verbs)


def _event_nouns(analysis: _Analysis, lo: int, hi: int) -> list[int]:
    ignored, tokens = analysis.ignored, analysis.tokens  # locals: read once, not at every index
    return [i for i in range(lo, hi) if i not in ignored and tokens[i].lower in EVENT_NOUNS]


def _verbal(analysis: _Analysis, i: int) -> bool:
    word = analysis.tokens[i].lower
    return analysis.verbs[i] or word in AUXILIARIES or word in MODALS


_NOUN_MODIFIERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
)


def _names(analysis: _Analysis) -> list[Name]:
    """The sentence's names, outside attribution and dates (shared by all its clauses)."""
    if analysis.names is None:
        ignored = analysis.ignored
        tokens = analysis.tokens
        kept = [t for i, t in enumerate(tokens) if i not in ignored] if ignored else tokens[:]
        analysis.names = extract_names(kept, sentence_start=0 not in analysis.ignored)
    return analysis.names

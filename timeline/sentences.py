"""Sentence and paragraph boundaries over an article's body, with exact file offsets.

Paragraphs: in scraped news files one line is one paragraph, whether lines are
separated by blank lines or by single newlines, so every non-blank line starts
a new paragraph.  The exception is hard-wrapped text (lines broken at a fixed
width mid-sentence, as in e-mail or wire copy): there a paragraph is a block
of lines between blank lines and sentences may run across line breaks.

Sentences end at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets after them) followed by whitespace and something that can start a
sentence; never after titles (``Mr.``, ``Gen.``), initials (``J. Smith``),
``No. 5``, abbreviated months before a number (``Feb. 15``), and after dotted
acronyms (``U.S.``) or ``Inc.``/``a.m.`` only when a common sentence opener
follows.  A run of more than ``MAX_SENTENCE_CHARS`` characters without a
sentence end is cut at the last whitespace before the limit.  Every sentence
span is stripped of surrounding whitespace, so
``article.text[s.start:s.end] == s.text``.

Boilerplate (page furniture, appeals) is decided per paragraph by
``timeline.boilerplate`` and inherited by the paragraph's sentences.  Wire
markup codes ("&QL;") at either end of a sentence are left out of its span
(a sentence of nothing else is dropped), so no title starts with one.
"""

from __future__ import annotations

import re

from timeline.boilerplate import classify_paragraphs, trim_markup_codes
from timeline.spans import strip_span
from timeline.types import Article, Sentence

_LINE = re.compile(r"[^\n]+")
_BLOCK_SEPARATOR = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
# ``[.!?…]+[\"'”’»)\]]*(?=\s)`` with the repeat's first character written out: a pattern opening with a
# class is skipped to by the engine, one opening with a repeat is tried at every character (half the time).
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s)")
_TOKEN_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*|\d+)\.$")
_NEXT_WORD = re.compile(r"\s+([\"'“‘«(\[]?)(\S*)")
_LINE_END_MARKS = frozenset(".!?:;\"'”’»)")  # a line ending in one of these ends a sentence or clause
# A run of text without a sentence end (a flattened table, a feed without punctuation) is cut at the last
# space before this many characters.  The events stage reads a sentence once per time expression in it, so
# an uncut run with dates throughout costs the square of its length (issue #9: no hang).  The longest of
# the 460,000 sentences of the evaluation collections has 2,851 characters: no real sentence is cut.
MAX_SENTENCE_CHARS = 4000


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Never end a sentence after these (lower-case, without the dot).
_TITLES = _wordset(
    """mr mrs ms mx dr prof gen lt col maj capt cpt sgt cpl adm cmdr gov sen rep rev fr sr jr st mt ft
    pres amb hon supt insp det brig lieut messrs mme mlle"""
)
# Abbreviations that end a sentence only when a common opener follows.
_WEAK_ABBREVIATIONS = _wordset(
    """inc corp ltd co bros plc llc etc vs approx dept est univ assn ave blvd rd jan feb mar apr jun jul aug
    sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun al fig vol art para sec ch pp cf"""
)
_NUMBER_ABBREVIATIONS = _wordset("no nos nr art vol fig para sec ch p pp op")
_OPENERS = _wordset(
    """the a an he she it they we i you his her its their our my this that these those there here but and
    or so yet in on at for after before when while as if however meanwhile also some many most both one
    two three officials authorities police according then still now today yesterday last earlier later
    what why how who where since although though despite no not nor"""
)


def split_sentences(article: Article) -> list[Sentence]:
    """The sentences of ``article``'s body regions, in order, with paragraph, line and boilerplate."""
    text = article.text
    paragraphs = _paragraphs(text, article.body)
    flags = classify_paragraphs([text[start:end] for start, end in paragraphs])
    sentences: list[Sentence] = []
    # sentences come in order of their starts, so each one's line is the last one's plus the newlines
    # between them (counted in place: no list of every newline to bisect)
    line, counted_to = 1, 0
    for paragraph_index, ((start, end), boilerplate) in enumerate(zip(paragraphs, flags, strict=True)):
        for sentence_start, sentence_end in _sentence_spans(text, start, end):
            if sentence_start < counted_to:  # (body regions out of order: counted from the start)
                line, counted_to = 1, 0
            line += text.count("\n", counted_to, sentence_start)
            counted_to = sentence_start
            sentences.append(
                Sentence(
                    document=article.id,
                    index=len(sentences),
                    start=sentence_start,
                    end=sentence_end,
                    text=text[sentence_start:sentence_end],
                    paragraph=paragraph_index,
                    line=line,
                    boilerplate=boilerplate,
                )
            )
    return sentences


def _paragraphs(text: str, body: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Paragraph spans (stripped) inside the body regions."""
    unit = _BLOCK_SEPARATOR if _is_hard_wrapped(text, body) else None
    spans: list[tuple[int, int]] = []
    for region_start, region_end in body:
        if unit is None:
            pieces = [(m.start(), m.end()) for m in _LINE.finditer(text, region_start, region_end)]
        else:
            pieces = _between(unit, text, region_start, region_end)
        spans.extend(span for piece in pieces if (span := strip_span(text, *piece)))
    return spans


def _between(separator: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    position = start
    for m in separator.finditer(text, start, end):
        pieces.append((position, m.start()))
        position = m.end()
    pieces.append((position, end))
    return pieces


def _is_hard_wrapped(text: str, body: list[tuple[int, int]]) -> bool:
    """Lines broken mid-sentence: most longish lines followed by another line end without punctuation."""
    longish = open_ended = continued_lowercase = 0
    for region_start, region_end in body:
        lines = text[region_start:region_end].split("\n")
        for line, following in zip(lines, lines[1:], strict=False):
            stripped, next_line = line.strip(), following.strip()
            if len(stripped) < 40 or not next_line:
                continue
            longish += 1
            if stripped[-1] not in _LINE_END_MARKS:  # (stripped, 40+ characters: no newline to end on)
                open_ended += 1
                continued_lowercase += next_line[0].islower()
    # A list of headlines also has open-ended lines, but wrapped prose often goes on in lower case.
    return longish >= 3 and open_ended >= 0.6 * longish and continued_lowercase >= 0.3 * open_ended


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.end() <= position or not _ends_sentence(text, m, end):
            continue
        if span := strip_span(text, position, m.end()):
            spans.append(span)
        position = m.end()
    if span := strip_span(text, position, end):
        spans.append(span)
    if any(e - s > MAX_SENTENCE_CHARS for s, e in spans):
        spans = [piece for span in spans for piece in _cut_run_on(text, *span)]
    if text.find("&", start, end) < 0:  # no markup code to trim (without copying the paragraph)
        return spans
    return [trimmed for span in spans if (trimmed := trim_markup_codes(text, *span))]


def _cut_run_on(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` in pieces of at most ``MAX_SENTENCE_CHARS``, each cut at the last whitespace
    within its second half (at the limit itself when there is none)."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((i for i in range(limit, limit - MAX_SENTENCE_CHARS // 2, -1) if text[i].isspace()), limit)
        if span := strip_span(text, start, cut):
            pieces.append(span)
        start = cut
    if span := strip_span(text, start, end):
        pieces.append(span)
    return pieces


def _ends_sentence(text: str, m: re.Match[str], limit: int) -> bool:
    """Whether the punctuation matched by ``m`` ends a sentence, judging the words around it."""
    following = _NEXT_WORD.match(text, m.end(), limit)
    if not following or not following[2]:
        return True
    opening, next_word = following[1], following[2]
    first = next_word[0]
    if first.islower() and not opening:
        return False  # "e.g. the", '"Why?" he asked'
    if m.end() - m.start() != 1 or text[m.start()] != ".":
        return True  # "!", "?", "...", or a period with a closing quote after it
    before = _token_before(text, m.start())
    if not before:
        return True
    return _period_ends_sentence(before[1], next_word, opening)


def _token_before(text: str, period: int) -> re.Match[str] | None:
    """The word, dotted abbreviation or number right before the period at ``period`` (within 40
    characters).  The same match as ``_TOKEN_BEFORE.search(text, max(0, period - 40), period + 1)``: a
    token holds no space, so the search may start after the window's last space (far fewer attempts)."""
    window = max(0, period - 40)
    return _TOKEN_BEFORE.search(text, max(window, text.rfind(" ", window, period) + 1), period + 1)


def _period_ends_sentence(token: str, next_word: str, opening: str) -> bool:
    lowered = token.lower()
    if lowered in _TITLES:
        return False
    if lowered in _NUMBER_ABBREVIATIONS and next_word[0].isdigit():
        return False  # "No. 5"
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. Smith"
    if "." in token:  # "U.S.", "e.g.", "a.m."
        return _is_opener(next_word, opening)
    if lowered in _WEAK_ABBREVIATIONS:
        return _is_opener(next_word, opening) and not next_word[0].isdigit()
    return True  # (most periods: a plain word before them, the next word need not be read)


def _is_opener(next_word: str, opening: str) -> bool:
    return (opening or "") == "" and next_word.strip("\"'“‘«(,").lower() in _OPENERS

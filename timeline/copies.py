"""Re-sent copies: articles that repeat most of another's text, and what each copy adds of its own.

A wire story re-sent with a new paragraph, or syndicated by another outlet, is one source's report: counted
once, with the sentences the copy adds kept as its own.  Texts are compared on their runs of five words
(shingles), blocked by a small sketch of each text's smallest run hashes so that a large collection is not
compared pair by pair.
"""

from __future__ import annotations

import heapq
import re
import zlib
from array import array
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations

from rapidfuzz import fuzz, process

from timeline.temporal.timex import value_to_date
from timeline.types import Article, EventMention, Sentence

SHINGLE_WORDS = 5  # texts are compared on their runs of five words
COPY_CONTAINMENT = 0.8  # share of the shorter text's five-word runs found in the other: a copy
SKETCH_SIZE = 6  # each text's smallest run hashes: texts sharing some are compared (blocking)
SKETCH_MATCHES = 2  # how many of them two texts must share to be compared
MAX_BLOCK = 64  # a run hash shared by more texts than this is boilerplate, not a sign of a copy
# rapidfuzz ratio (0-100) from which a copy's sentence is one of the original's lightly edited, not news
COPY_SENTENCE_SIMILARITY = 90
_WORDS = re.compile(r"\w+")


def find_copies(articles: list[Article]) -> dict[str, str]:
    """Articles that re-send another's text (near-identical), mapped to the earliest article of that text.

    The rule: two texts are copies when at least ``COPY_CONTAINMENT`` of the shorter one's five-word runs
    occur in the other, so a re-send, a syndicated reprint and a write-thru that adds or trims a
    paragraph all qualify.  The earliest published one is the original; ``own_mentions`` then keeps
    only what a copy says that its original does not.

    Each text is a set of hashed five-word runs; only texts sharing one of their few smallest hashes are
    compared (a copy shares nearly all its runs, so nearly always its smallest ones), so the cost stays
    near-linear in the collection's size.
    """
    return copies_in_groups(copy_groups(articles), articles)


def copy_groups(articles: list[Article]) -> list[list[int]]:
    """The positions in ``articles`` of the texts that copy one another, group by group (``find_copies``
    without choosing the originals: it reads only the texts, so it can run while they are being read)."""
    # each text's distinct run hashes as a compact array (a set of a thousand-article collection's
    # hashes costs tens of MB); sets are rebuilt only for the few pairs that share a sketch
    word_hashes = _WordHashes()  # per call, not a module cache: it would outlive the build
    shingles = [array("q", _shingles(a, word_hashes)) for a in articles]
    blocks: dict[int, list[int]] = defaultdict(list)
    for number, runs in enumerate(shingles):
        for value in heapq.nsmallest(SKETCH_SIZE, runs):
            blocks[value].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for block in blocks.values():
        if len(block) <= MAX_BLOCK:
            shared.update(combinations(block, 2))
    group = list(range(len(articles)))  # union-find over the texts found to be copies of each other

    def root(k: int) -> int:
        while group[k] != k:
            group[k] = group[group[k]]
            k = group[k]
        return k

    for (i, j), count in sorted(shared.items()):
        # near-identical texts share most of their smallest hashes, not one by chance
        if count < SKETCH_MATCHES or root(i) == root(j):
            continue
        smaller = min(len(shingles[i]), len(shingles[j]))
        if smaller and len(set(shingles[i]).intersection(shingles[j])) >= COPY_CONTAINMENT * smaller:
            group[root(j)] = root(i)
    members: dict[int, list[int]] = defaultdict(list)
    for k in range(len(articles)):
        members[root(k)].append(k)
    return [texts for texts in members.values() if len(texts) > 1]


def copies_in_groups(groups: list[list[int]], articles: list[Article]) -> dict[str, str]:
    """``find_copies`` given ``copy_groups(articles)``: in each group the earliest article is the original
    (``articles`` may have gained publication dates since, but not changed texts or positions)."""
    copies: dict[str, str] = {}
    for group in groups:
        first, *others = sorted((articles[k] for k in group), key=_age)
        copies.update((other.id, first.id) for other in others)
    return copies


def _words(article: Article) -> list[str]:
    return [w for start, end in article.body for w in _WORDS.findall(article.text[start:end].lower())]


def _shingles(article: Article, word_hashes: _WordHashes | None = None) -> set[int]:
    # ``map`` and ``set`` over C iterators: the copies' task reads every word of a large collection (issue 9)
    hashes = _WordHashes() if word_hashes is None else word_hashes
    ids = list(map(hashes.__getitem__, _words(article)))
    return set(map(hash, zip(*(ids[k:] for k in range(SHINGLE_WORDS)), strict=False)))


class _WordHashes(dict):
    """``_word_hash`` of each word met, computed on its first lookup."""

    def __missing__(self, word: str) -> int:
        value = self[word] = _word_hash(word)
        return value


def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))  # stable across runs, unlike ``hash(str)``


def _age(article: Article) -> tuple:
    """Sort key: published earlier first (undated last), then by id."""
    when = value_to_date(article.published.value) if article.published.value else None
    return (when is None, when.start if when else date.max, article.id)


def own_mentions(
    mentions: list[EventMention], original: Article, original_sentences: list[Sentence]
) -> list[EventMention]:
    """The mentions of a copy whose sentence its ``original`` does not contain (a write-thru's new paragraph).

    A sentence is the original's when its words occur in the original's text in the same order (whatever
    the sentence splitting), or when it is a light edit of one of the original's sentences ("three years"
    -> "3 years": ``COPY_SENTENCE_SIMILARITY``).  Only those are dropped: what the copy adds is its own
    reporting, dated against its own publication date.
    """
    text = f" {' '.join(_words(original))} "
    known = [" ".join(_WORDS.findall(s.text.lower())) for s in original_sentences]
    repeated: dict[int, bool] = {}  # by sentence start: a sentence often holds several mentions

    def is_repeated(sentence: Sentence) -> bool:
        if sentence.start not in repeated:
            words = " ".join(_WORDS.findall(sentence.text.lower()))
            repeated[sentence.start] = f" {words} " in text or _is_edit_of_any(words, known)
        return repeated[sentence.start]

    return [m for m in mentions if not is_repeated(m.sentence)]


def _is_edit_of_any(words: str, sentences: list[str]) -> bool:
    scorer, cutoff = fuzz.ratio, COPY_SENTENCE_SIMILARITY
    return process.extractOne(words, sentences, scorer=scorer, score_cutoff=cutoff) is not None


def copy_warning(copy: str, original: str, own: list[EventMention]) -> str:
    if not own:
        return f"{copy} repeats the text of {original}: counted as one source ({original})"
    added = len({m.sentence.start for m in own})
    return (
        f"{copy} repeats most of the text of {original}: what they share is counted once ({original}); "
        f"{added} sentence{'s' if added > 1 else ''} of its own kept"
    )

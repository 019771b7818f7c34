"""Cheap tests tried before the date engine's patterns (session 12's speed work) change no answer: each
function gives what the patterns alone give, on random text built from the characters and words the
patterns care about (case variants and the non-ASCII letters that match ASCII ones case-insensitively)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import anchor, recognise, units

_WORDS = [
    *("until", "till", "by", "before", "as", "soon", "early", "no", "later", "than", "ahead", "in"),
    *("advance",),
    *("of", "on", "at", "about", "around", "late", "the", "a", "an", "its", "Tuesday", "nearby", "UNTIL"),
    *("By", "Of", "ON", "İ", "ı", "ſ", "K", "1998", "2022", "14-day", "third-quarter", "World", "Cup"),
    *("strike", "results", "'s", "’s", "s'", "'", "’", "ly", "happily", "was", "said", "Mr", "Dr", "p.m"),
    *("vs", "Monday", "March", "St"),
]
_GAPS = [" ", "  ", "\n", "", "\t", ", ", ". ", "-", "\xa0"]

texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=12).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


@settings(max_examples=800, deadline=None)
@given(text=texts, data=st.data())
def test_forward_preposition_test_never_hides_a_match(text, data) -> None:
    """Wherever the forward-preposition pattern matches before a date, the cheap test lets it be tried."""
    end = data.draw(st.integers(0, len(text)))
    if anchor._FORWARD_PREPOSITION.search(text, max(0, end - 40), end):
        assert anchor._may_end_with_forward_preposition(text, end)


def _modifies_noun_by_patterns(text: str, start: int, end: int, kind: str) -> bool:
    """``modifies_noun`` as it read before the cheap tests: every pattern tried."""
    inner = text[start:end]
    if recognise.POSSESSIVE_AFTER.match(text, end) or inner.endswith(("'s", "’s")):
        return True
    if inner.endswith("s") and re.match(r"['’](?!\w)", text[end : end + 2]):
        return True
    if kind not in ("DATE", "DURATION"):
        return False
    if recognise._YEAR_BEFORE_NAME.fullmatch(inner) and recognise._CAPITALISED_NEXT.match(text, end):
        return bool(recognise._DETERMINER_BEFORE.search(text, max(0, start - 8), start))
    word = recognise._NEXT_WORD.match(text, end)
    if word is None or word.group(1) in recognise._NOT_A_NOUN or word.group(1).endswith("ly"):
        return False
    if recognise._ATTRIBUTIVE_HYPHEN.search(inner):
        return True
    return bool(recognise._DETERMINER_BEFORE.search(text, max(0, start - 8), start)) and inner[:1].isalnum()


@settings(max_examples=1500, deadline=None)
@given(text=texts, data=st.data(), kind=st.sampled_from(["DATE", "TIME", "DURATION", "SET"]))
def test_modifies_noun_answers_as_its_patterns(text, data, kind) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = _modifies_noun_by_patterns(text, start, end, kind)
    assert recognise.modifies_noun(text, start, end, kind) == expected


def test_modifies_noun_examples() -> None:
    text = "the 14-day strike began after Friday's vote and the 2022 World Cup ended in June"
    spans = {"14-day": "DURATION", "Friday": "DATE", "2022": "DATE", "June": "DATE"}
    found = {word: recognise.modifies_noun(text, text.index(word), text.index(word) + len(word), kind)
             for word, kind in spans.items()}  # fmt: skip
    assert found == {"14-day": True, "Friday": True, "2022": True, "June": False}


def _dot_may_continue_letter_by_letter(text: str, at: int, after: int) -> bool:
    start = at
    while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha() and at - start <= 9:
        start -= 1
    word = text[start:at].lower()
    if len(word) == 1 or word in units._TITLES:
        return True
    return word in units._DAY_NAMES and bool(units._DATE_AFTER_DAY_NAME.match(text, after))


@settings(max_examples=800, deadline=None)
@given(text=texts)
def test_unit_dots_read_the_same_word(text) -> None:
    """The word before a unit's final dot, read with ``rstrip``, is the one read letter by letter."""
    for m in re.finditer(r"\.", text):
        expected = _dot_may_continue_letter_by_letter(text, m.start(), m.end())
        assert units._dot_may_continue(text, m.start(), m.end()) == expected


_TOKEN_PIECES = [
    "the",
    "a",
    "last",
    "mid",
    "early",
    "week",
    "days",
    "ago",
    "2022",
    "14",
    "٣",
    "'",
    "’",
    "s",
    "_",
    "x",
]


@settings(max_examples=1500, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(st.sampled_from(_TOKEN_PIECES), st.sampled_from(["", " ", "-", "'", "5"])), max_size=14
    ),
    data=st.data(),
)
def test_tokens_in_two_passes_are_the_single_scans(pieces, data) -> None:
    """The words and the rare tokens (digit runs, apostrophes), found apart and merged, are the tokens of
    the single pattern: the same starts and texts in the same order, inside any span."""
    lowered = "".join(piece + gap for piece, gap in pieces)
    start = data.draw(st.integers(0, len(lowered)))
    end = data.draw(st.integers(start, len(lowered)))
    single = re.compile(recognise._TOKEN_SCAN)
    expected = [(m.start(), m.group()) for m in single.finditer(lowered, start, end)]
    assert list(recognise._tokens(lowered, start, end)) == expected


@settings(max_examples=800, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list(" \t\n\r\xa0\u2003ab.")), max_size=30), data=st.data())
def test_strip_span_is_the_stripped_slice(text, data) -> None:
    from timeline.spans import strip_span

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    span = strip_span(text, start, end)
    stripped = text[start:end].strip()
    if not stripped:
        assert span is None
    else:
        assert span is not None and text[span[0] : span[1]] == stripped
        assert span[0] == start + len(text[start:end]) - len(text[start:end].lstrip())

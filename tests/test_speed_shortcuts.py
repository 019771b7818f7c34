"""Shortcuts taken for speed must decide exactly as the slow way does (issue 13: behaviour-preserving)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from timeline.events.analysis import _analysis_with_dates, _token_index
from timeline.names import SURNAME_MIN_RATIO, _lengths_allow_ratio, _similar_keys, keys_match
from timeline.types import Sentence

# a small alphabet, so that random keys are often near-identical (the interesting case for the bound)
_KEYS = st.text(alphabet="aeiknorst", min_size=0, max_size=12)


@settings(max_examples=500, deadline=None)
@given(_KEYS, _KEYS)
def test_length_bound_never_rules_out_a_similar_pair(x, y):
    if fuzz.ratio(x, y) >= SURNAME_MIN_RATIO:
        assert _lengths_allow_ratio(len(x), len(y))


def test_length_bound_rules_out_keys_of_very_different_lengths():
    assert not _lengths_allow_ratio(5, 8)  # "rahns" / "rahnsson": at most 200 x 5 / 13 = 77
    assert _lengths_allow_ratio(6, 7)  # "norlan" / "norland": 92 possible
    assert keys_match({"norland"}, {"norlan"})
    assert not keys_match({"rahn"}, {"rahnsson"})


@settings(max_examples=300, deadline=None)
@given(st.sets(_KEYS, max_size=3), st.sets(_KEYS, max_size=3))
def test_keys_match_is_any_equal_or_similar_pair(keys_a, keys_b):
    expected = any(x == y or _similar_keys(x, y) for x in keys_a for y in keys_b)
    assert keys_match(keys_a, keys_b) == expected


_SENTENCE_WORDS = "Acme said on Monday , it will buy Norland's plant ; Minister Rahn agreed 12 ."
_WORDS = st.sampled_from(_SENTENCE_WORDS.split(" "))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=15), st.integers(min_value=0, max_value=120))
def test_token_index_is_the_first_token_ending_after_the_offset(words, offset):
    text = " ".join(words)
    sentence = Sentence(document="d", index=0, start=40, end=40 + len(text), text=text, paragraph=0, line=1)
    analysis = _analysis_with_dates(sentence, ())
    tokens = analysis.tokens
    expected = next((i for i, t in enumerate(tokens) if t.end > 40 + offset), max(len(tokens) - 1, 0))
    assert _token_index(analysis, 40 + offset) == expected

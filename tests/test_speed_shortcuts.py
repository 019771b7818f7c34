"""Shortcuts taken for speed must decide exactly as the slow way does (issue 13: behaviour-preserving)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from timeline.events.analysis import _QUOTE, _Analysis, _analysis_with_dates, _token_index, _token_of
from timeline.events.extract import _QuoteMarks
from timeline.events.titles import _left_out, _left_out_flags
from timeline.names import SURNAME_MIN_RATIO, keys_match
from timeline.sentences import _TOKEN_BEFORE, _token_before
from timeline.text import lower_words, tokenize
from timeline.types import Sentence

# a small alphabet, so that random keys are often near-identical (the interesting case for the bound)
_KEYS = st.text(alphabet="aeiknorst", min_size=0, max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.sets(_KEYS, max_size=3), st.sets(_KEYS, max_size=3))
def test_keys_match_is_any_equal_or_similar_pair(keys_a, keys_b):
    # the length bound ``keys_match`` tests first must never rule out a pair the ratio accepts
    expected = any(x == y or fuzz.ratio(x, y) >= SURNAME_MIN_RATIO for x in keys_a for y in keys_b)
    assert keys_match(keys_a, keys_b) == expected


def test_keys_of_near_lengths_still_match_and_far_lengths_do_not():
    assert keys_match({"norland"}, {"norlan"})  # 200 x 6 / 13 = 92
    assert not keys_match({"rahn"}, {"rahnsson"})  # at most 200 x 4 / 12 = 67


_SENTENCE_WORDS = "Acme said on Monday , it will buy Norland's plant ; Minister Rahn agreed 12 ."
_WORDS = st.sampled_from(_SENTENCE_WORDS.split(" "))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=15), st.integers(min_value=0, max_value=120))
def test_token_index_is_the_first_token_ending_after_the_offset(words, offset):
    text = " ".join(words)
    sentence = Sentence(document="d", index=0, start=40, end=40 + len(text), text=text, paragraph=0, line=1)
    analysis = _analysis_with_dates(sentence, ())
    tokens = analysis.tokens
    # the tokens' offsets are relative to the sentence; ``_token_of`` takes a position in the article
    assert [(t.start, t.end) for t in tokens] == [(t.start - 40, t.end - 40) for t in tokenize(text, 40)]
    expected = next((i for i, t in enumerate(tokens) if t.end > offset), max(len(tokens) - 1, 0))
    assert _token_index(analysis, offset) == expected
    assert _token_of(analysis, 40 + offset) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab '`\"\n\u201c", max_size=40), st.integers(min_value=0, max_value=40))
def test_quote_marks_of_a_paragraph_are_counted_as_a_scan_of_it_would(text, start):
    start = min(start, len(text))
    end = text.find("\n\n", start)
    end = end if end != -1 else len(text)
    assert _QuoteMarks(text).count(start, end) == len(_QUOTE.findall(text[start:end]))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ab1 ,;.'-&;\u00c9x", max_size=30))
def test_lower_words_are_the_lower_case_tokens(text):
    assert lower_words(text) == [token.lower for token in tokenize(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aB1 .\u00e9_\n-", max_size=60))
def test_token_before_a_period_is_the_search_of_the_whole_window(text):
    # the splitter starts its search after the window's last space; the match must be the full search's
    for period in (i for i, char in enumerate(text) if char == "."):
        expected = _TOKEN_BEFORE.search(text, max(0, period - 40), period + 1)
        found = _token_before(text, period)
        assert (found and found.span(1)) == (expected and expected.span(1))


_TITLE_SENTENCE = "On Monday last week , Acme said this plant in Norland will close next year ; Rahn agreed"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TITLE_SENTENCE.split(" ")), max_size=14), st.sets(st.integers(-2, 16)))
def test_left_out_flags_are_each_tokens_left_out(words, ignored):
    # the flags are marked from the ignored tokens; each must be what ``_left_out`` says of its token
    tokens = tokenize(" ".join(words))
    analysis = _Analysis(tokens, set(ignored), [(0, len(tokens))], [False] * len(tokens))
    expected = [_left_out(analysis, i) for i in range(len(tokens))]
    assert _left_out_flags(analysis) == expected


def test_a_date_and_its_preposition_are_left_out_of_a_title():
    tokens = tokenize("Acme closed the plant on Monday , officials said")
    analysis = _Analysis(tokens, {5}, [(0, len(tokens))], [False] * len(tokens))
    assert _left_out_flags(analysis) == [False] * 4 + [True, True] + [False] * 3

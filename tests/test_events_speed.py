"""The events stage's shortcuts for speed (session 9, issue 13) decide exactly as the plain loops they
replace: each reference below is the loop as it was, asked of random sentences of invented words."""

from __future__ import annotations

import re
from dataclasses import astuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.actors import _term_of, _terms
from timeline.events.analysis import (
    _analyse_tokens,
    _analysis_with_dates,
    _attribution_tokens,
    _clause_of,
    _date_leaders,
    _trailing_attribution,
    _verbs,
)
from timeline.events.extract import _DATE_FIELDS
from timeline.events.titles import _GLUE, _SPACES, _title_tokens, _verbatim
from timeline.temporal.timex import value_to_date
from timeline.text import is_reporting, tokenize, verb_flags
from timeline.types import Sentence

_SENTENCE = (
    "According to Acme , as officials said on Monday it will buy Norland's plant ; Minister Rahn agreed "
    "that and but while the talks resumed , adding 12 % of $ 5 - told reporters ( said ) Tuesday"
)
_SENTENCE_WORDS = _SENTENCE.split(" ")
_WORDS = st.lists(st.sampled_from(_SENTENCE_WORDS), min_size=0, max_size=18)


def _sentence(words: list[str], start: int = 40) -> Sentence:
    text = " ".join(words)
    return Sentence(document="d", index=0, start=start, end=start + len(text), text=text, paragraph=0, line=1)


def _old_trailing_attribution(tokens, ignored, verbs, quoted):
    comma = next((i for i in range(len(tokens) - 1, 0, -1) if tokens[i].text == ","), None)
    if quoted or comma is None or len(tokens) - comma > 8:
        return set()
    tail = range(comma + 1, len(tokens))
    if not any(verbs[i] and is_reporting(tokens[i].lower) for i in tail) or any(i in ignored for i in tail):
        return set()
    if any(verbs[i] and not is_reporting(tokens[i].lower) for i in tail):
        return set()
    if not any(verbs[i] and not is_reporting(tokens[i].lower) and i not in ignored for i in range(comma)):
        return set()
    return set(range(comma, len(tokens)))


@settings(max_examples=400, deadline=None)
@given(_WORDS, st.booleans(), st.sets(st.integers(0, 18), max_size=3))
def test_commas_found_from_either_end_are_the_ones_a_scan_finds(words, quoted, ignored):
    tokens = tokenize(" ".join(words))
    # the old scan for the first comma
    first = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    head = [t.lower for t in tokens[:first]] if first else []
    leading = bool(first) and (
        head[:2] == ["according", "to"] or (head[0] == "as" and any(is_reporting(w) for w in head))
    )
    assert _attribution_tokens(tokens) == (set(range(first + 1)) if leading else set())
    verbs = verb_flags(tokens)
    expected = _old_trailing_attribution(tokens, ignored, verbs, quoted)
    assert _trailing_attribution(tokens, ignored, verbs, quoted) == expected


def test_a_closing_attribution_after_the_last_comma_is_left_out():
    tokens = tokenize("Acme bought the plant , officials said")
    assert _trailing_attribution(tokens, set(), verb_flags(tokens), False) == {4, 5, 6}
    tokens = tokenize("Acme bought the plant , officials said , and left")
    assert _trailing_attribution(tokens, set(), verb_flags(tokens), False) == set()


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.lists(st.tuples(st.integers(0, 90), st.integers(0, 30)), max_size=3), st.booleans())
def test_skipped_spans_ignore_the_tokens_they_overlap(words, spans, quoted):
    tokens = tokenize(" ".join(words), 7)
    skipped = tuple((7 + lo, 7 + lo + length) for lo, length in spans)
    # the old way: every token tested against every span
    ignored = _attribution_tokens(tokens)
    for lo, hi in skipped:
        ignored.update(i for i, token in enumerate(tokens) if lo < token.end and token.start < hi)
    ignored |= _date_leaders(tokens, ignored)
    ignored |= _trailing_attribution(tokens, ignored, verb_flags(tokens), quoted)
    assert _analyse_tokens(tokens, skipped, quoted).ignored == ignored


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 20), st.integers(0, 20), st.sets(st.integers(0, 20), max_size=4))
def test_verbs_of_a_range_are_its_flagged_tokens_not_ignored(words, lo, hi, ignored):
    analysis = _analysis_with_dates(_sentence(words), ())
    analysis.ignored = ignored  # any set: the function must read it as the loop did
    hi = min(hi, len(analysis.tokens))
    expected = [i for i in range(lo, hi) if analysis.verbs[i] and i not in ignored]
    assert _verbs(analysis, lo, hi) == expected


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 10))
def test_terms_are_the_content_terms_of_the_clause_each_once(words, lo):
    analysis = _analysis_with_dates(_sentence(words), ())
    clause = (min(lo, len(analysis.tokens)), len(analysis.tokens))
    expected: list[str] = []
    for i in range(*clause):
        first = analysis.tokens[i].text[:1]
        if i in analysis.ignored or not first.isalpha() or first.isupper():
            continue
        term = _term_of(analysis.tokens[i].lower, analysis.verbs[i])
        if term is not None and term not in expected:
            expected.append(term)
    assert _terms(analysis, clause) == expected
    assert _terms(analysis, clause) == expected  # the second time from the tables


def test_a_title_with_nothing_left_out_is_its_stretch_without_a_leading_clause_word():
    analysis = _analysis_with_dates(
        _sentence(["and", "Acme", "bought", "the", "plant", ",", "officials", "said"]), ()
    )
    assert _title_tokens(analysis, 0, 5, False) == [1, 2, 3, 4]
    assert _title_tokens(analysis, 0, len(analysis.tokens), False) == [1, 2, 3, 4]  # attribution dropped
    assert _verbatim(analysis, [1, 2, 3, 4, 5]) == "Acme bought the plant,"


def test_a_title_leaves_out_its_date_and_the_date_s_preposition():
    analysis = _analysis_with_dates(
        _sentence(["Acme", "bought", "the", "plant", "on", "Monday"]), ((69, 75),)
    )
    assert _title_tokens(analysis, 0, len(analysis.tokens), False) == [0, 1, 2, 3]


def test_the_dated_readings_key_holds_every_field_of_the_reference_date():
    # the key of ``_dated_mentions_once`` stands for the reference ``DateValue`` by its fields: equal keys
    # must mean equal dates, so it must hold every one of them
    reference = value_to_date("2022-02-14")
    assert _DATE_FIELDS(reference) == astuple(reference)
    later = value_to_date("2022-02-15")
    assert _DATE_FIELDS(later) != _DATE_FIELDS(reference)


@settings(max_examples=300, deadline=None)
@given(_WORDS, st.integers(0, 20))
def test_the_clause_of_a_token_is_the_first_clause_holding_it(words, index):
    analysis = _analysis_with_dates(_sentence(words), ())
    holding = [c for c in analysis.clauses if c[0] <= index < c[1]]
    if holding:
        assert _clause_of(analysis, index) == holding[0]
    else:
        with pytest.raises(StopIteration):
            _clause_of(analysis, index)


_SPACE_BEFORE_CLAUSE_MARK = re.compile(r" ([,;])")  # what the titles once dropped with a pattern


def _old_verbatim(analysis, kept):
    tokens, parts = analysis.tokens, []
    for n, i in enumerate(kept):
        if n:
            prev = kept[n - 1]
            gap = analysis.text[tokens[prev].end : tokens[i].start]  # token offsets: in the sentence
            if prev != i - 1 or not analysis.text or not _GLUE.fullmatch(gap):
                gap = " "
            parts.append(gap if gap == " " else _SPACES.sub(" ", gap))
        parts.append(tokens[i].text)
    return _SPACE_BEFORE_CLAUSE_MARK.sub(r"\1", "".join(parts))


_GAPPED = st.lists(
    st.sampled_from(["Acme", "20", "%", "gain", ",", ";", "U.S.", "$", "5", "-", "(", ")", '"'])
)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_verbatim_keeps_what_the_token_by_token_join_keeps(data):
    words = data.draw(_GAPPED)
    gaps = data.draw(st.lists(st.sampled_from(["", " ", "  ", "\n", " - ", "/"]), min_size=20, max_size=20))
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False)).strip() or "x"
    analysis = _analysis_with_dates(_sentence([text]), ())
    n = len(analysis.tokens)
    kept = data.draw(st.lists(st.integers(0, max(n - 1, 0)), max_size=12)) if n else []
    assert _verbatim(analysis, kept) == _old_verbatim(analysis, kept)

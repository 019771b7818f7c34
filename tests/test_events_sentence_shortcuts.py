"""Shortcuts of the events stage's reading of a sentence decide as the slower way did (issue 13: the
stage made cheaper without changing one mention): a title cut from its sentence in one slice, the
quotation marks, commas and words before a verb, a possessive, the main verb's scan."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.analysis import _QUOTE, _analysis_with_dates, _marks_in, comma_indices
from timeline.events.implicit import _last_words, main_verb
from timeline.events.titles import _joined, _neighbours_as_written, _verbatim
from timeline.text import _POSSESSIVE_END, strip_possessive
from timeline.types import Sentence

# words and gaps meant to collide: neighbours with no gap ("20%"), a single space, two spaces, a tab, a
# dash between spaces, an entity dropped by the tokenizer, punctuation outside any token
_PIECES = ["Acme", "Rahn's", "20", "%", "gain", ",", ";", "well-known", "U.S.", "Norland", "&amp;", "(", ")"]
_GAPS = ["", " ", " ", " ", "  ", "\t", " - ", "\n", "'", " $"]


def _analysis(text: str):
    sentence = Sentence(document="d", index=0, start=7, end=7 + len(text), text=text, paragraph=0, line=1)
    return _analysis_with_dates(sentence, ())


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_PIECES)), min_size=1, max_size=12),
    st.data(),
)
def test_a_slice_is_taken_only_when_it_is_the_join(pieces, data):
    analysis = _analysis("".join(gap + piece for gap, piece in pieces))
    n = len(analysis.tokens)
    if n == 0:
        return
    # runs of neighbours (the slice's case) and any other choice of tokens (never sliced)
    first = data.draw(st.integers(0, n - 1))
    last = data.draw(st.integers(first, n - 1))
    other = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=6))
    for kept in (list(range(first, last + 1)), other):
        joined = _joined(analysis.tokens, analysis.text, kept)
        sliced = _neighbours_as_written(analysis, kept)
        assert sliced is None or sliced == joined
        if sliced is None and kept == list(range(kept[0], kept[-1] + 1)):
            # refused only when some gap between the neighbours is neither "" nor " "
            gaps = [analysis.text[analysis.tokens[i - 1].end : analysis.tokens[i].start] for i in kept[1:]]
            assert any(gap not in ("", " ") for gap in gaps)


def test_titles_as_written():
    analysis = _analysis("Acme reported a 20% gain in Norland,  Rahn said")
    words = [t.text for t in analysis.tokens]
    assert words == ["Acme", "reported", "a", "20", "gain", "in", "Norland", ",", "Rahn", "said"]
    # neighbours in order with single spaces between them: one slice of the sentence
    assert _neighbours_as_written(analysis, [0, 1, 2, 3]) == "Acme reported a 20"
    # "%" between neighbours is kept too, by the join (the slice is only for "" and " ")
    assert _neighbours_as_written(analysis, [2, 3, 4]) is None
    assert _verbatim(analysis, [0, 1, 2, 3, 4]) == "Acme reported a 20% gain"
    # two spaces after the comma: the join makes them one, so no slice is taken
    assert _neighbours_as_written(analysis, [6, 7, 8]) is None
    assert _verbatim(analysis, [6, 7, 8, 9]) == "Norland, Rahn said"
    # not in order, or not neighbours: joined with single spaces
    assert _neighbours_as_written(analysis, [8, 9, 0]) is None
    assert _verbatim(analysis, [8, 9, 0, 1]) == "Rahn said Acme reported"
    assert _verbatim(analysis, [0, 4]) == "Acme gain"


# ---------------------------------------------------------------- the sentence's other shortcuts

_MARK_TEXT = st.text(alphabet=st.sampled_from(list("ab '`\"\u201c\u201d\u2019,")), max_size=30)


@settings(max_examples=800, deadline=None)
@given(_MARK_TEXT)
def test_quotation_marks_are_the_patterns_matches(text):
    # the pieces tested first never hide a match: ``, '', ", \u201c and \u201d are the only ways to make one
    assert _marks_in(text) == tuple((m.start(), m.group()) for m in _QUOTE.finditer(text))


def test_quotation_marks_found():
    assert _marks_in("Rahn said ``no'' and \u201cnever\u201d") == (
        (10, "``"),
        (14, "''"),
        (21, "\u201c"),
        (27, "\u201d"),
    )
    assert _marks_in("Rahn's plant, Acme's \u2019jets\u2019") == ()  # apostrophes alone are no marks


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_GAPS), st.sampled_from(_PIECES)), max_size=12), st.data())
def test_commas_and_the_words_before_a_token_are_a_scans(pieces, data):
    analysis = _analysis("".join(gap + piece for gap, piece in pieces))
    tokens = analysis.tokens
    assert comma_indices(analysis) == [i for i, token in enumerate(tokens) if token.text == ","]
    end = data.draw(st.integers(0, len(tokens)))
    skipped = set(data.draw(st.lists(st.integers(0, max(len(tokens) - 1, 0)), max_size=4)))
    before = [i for i in range(end) if i not in skipped and tokens[i].text.isalpha()]
    assert _last_words(tokens, end, skipped, 3) == [tokens[i].lower for i in before[-3:]]


def test_the_subject_words_before_a_verb():
    analysis = _analysis("Acme , the Norland maker , closed 20 plants")
    # letters-only words, the comma and skipped tokens left out, the nearest three in order
    assert _last_words(analysis.tokens, 6, set(), 3) == ["the", "norland", "maker"]
    assert _last_words(analysis.tokens, 6, {4}, 3) == ["acme", "the", "norland"]
    assert _last_words(analysis.tokens, 1, set(), 3) == ["acme"]
    assert comma_indices(analysis) == [1, 5]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Rahs'\u2019\n .")), max_size=10))
def test_possessive_stripped_as_the_pattern_does(word):
    assert strip_possessive(word) == _POSSESSIVE_END.sub("", word)


def test_possessives():
    assert strip_possessive("Rahn's") == "Rahn"
    assert strip_possessive("Varga\u2019s") == "Varga"
    assert strip_possessive("Westholm") == "Westholm"


def test_a_contracted_pronoun_still_opens_the_main_verb():
    # the apostrophe is tested before the contraction's pattern: both apostrophes still lead to it
    for text in ("They've agreed to the deal with Acme.", "They\u2019ve agreed to the deal with Acme."):
        verb = main_verb(_analysis(text), set())
        assert verb is not None and (verb.index, verb.tense) == (1, "perfect")  # "have agreed"
    verb = main_verb(_analysis("Rahn said it's closing the Westholm plant."), set())
    assert verb is not None and (verb.index, verb.tense, verb.report) == (1, "past", True)  # "said" first


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,;\n")), max_size=20))
def test_spaces_before_clause_marks_dropped_as_the_pattern_does(title):
    # ``_verbatim``'s two replacements against the pattern they stand for, on runs of spaces and marks
    expected = re.sub(r" ([,;])", r"\1", title)
    assert title.replace(" ,", ",").replace(" ;", ";") == expected


def test_glue_between_neighbours_written_the_same_twice():
    analysis = _analysis("Acme  -  Norland , Rahn ' s plant")
    first = _verbatim(analysis, list(range(len(analysis.tokens))))
    assert first == "Acme - Norland, Rahn ' s plant"  # the dash's spaces made single, no space before ","
    assert _verbatim(analysis, list(range(len(analysis.tokens)))) == first  # the kept gap's writing

"""The sentence and time-expression stages' speed changes of session 17 (issue #13) change no answer:
each rewritten pattern finds what the pattern it replaces found, each shortened search answers as the
full one, and the counts read once are the counts read twice, on random text built from what the
patterns care about and on hand-made examples."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import boilerplate, sentences
from timeline.sentences import split_sentences
from timeline.temporal import anchor, recognise
from timeline.types import Article

# the patterns as they were written before session 17
_SENTENCE_BREAK_BEFORE = re.compile(r"[.!?][\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z])|\n")
_BOUNDARY_BEFORE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_RARE_TOKEN_BEFORE = re.compile(r"[\d'’](?:(?<=\d)\d*)?")

_WORDS = [
    *("in", "throughout", "September", "THROUGHOUT", "ſection", "section", "No", "No.", "p.", "US$", "$"),
    *("#", "№", "number", "pages", "fiscal", "within", "x", "Westholm", "Rahn", "5", "2024", "٣", "é"),
    *("Mr.", "U.S.", "Acme", "said", "(", ",", "’", "'", "»", '"', "…", "!?", "...", ")"),
]
_GAPS = [" ", "  ", "\n", "\n\n", "", "\t", "-", " - ", "\xa0", "\u2003", ". ", "? ", ".\n"]

texts = st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS)), max_size=14).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


@settings(max_examples=1500, deadline=None)
@given(text=texts)
def test_end_anchored_windows_searched_from_near_their_end_answer_as_the_whole_search(text) -> None:
    """The year, duration and clock guards' windows: a number's context ("No. 5", "$") and a
    preposition before a date ("in", "throughout", "September") are found as a search of the whole
    window finds them, whatever spaces, dashes and case follow or precede."""
    number_context, preposition = recognise._NUMBER_CONTEXT_BEFORE, recognise._PREPOSITION_BEFORE
    for window in (text, text[-40:]):
        assert recognise._number_context_before(window) == bool(number_context.search(window))
        assert recognise._preposition_before(window) == bool(preposition.search(window))


def test_end_anchored_windows_by_hand() -> None:
    assert recognise._number_context_before("the Acme plant at No. ")
    assert recognise._number_context_before("priced at $")
    assert not recognise._number_context_before("a phenomenon ")  # "no" inside a word is not "No."
    assert recognise._preposition_before("strikes throughout - ")
    assert recognise._preposition_before("work resumed in\xa0")
    assert not recognise._preposition_before("Rahn's win ")
    assert not recognise._preposition_before("")


@settings(max_examples=1500, deadline=None)
@given(text=texts)
def test_sentence_break_patterns_find_what_they_found(text) -> None:
    """The layout's sentence breaks and the splitter's boundaries, rewritten to open with a character
    class, match the same spans as the patterns they replace."""
    assert [m.span() for m in anchor._SENTENCE_BREAK.finditer(text)] == [
        m.span() for m in _SENTENCE_BREAK_BEFORE.finditer(text)
    ]
    assert [m.span() for m in sentences._BOUNDARY.finditer(text)] == [
        m.span() for m in _BOUNDARY_BEFORE.finditer(text)
    ]


def test_rare_tokens_are_every_digit_run_and_apostrophe() -> None:
    """Every character the rare-token class lets through is one the plain class matched, and the reverse:
    ASCII and other digits, both apostrophes; no letter or other mark."""
    for character in "09'’٣٠１":
        assert recognise._RARE_TOKEN.match(character) is not None
    for character in "aZ_é“‘-. \xa0\u2003ſ":
        assert recognise._RARE_TOKEN.match(character) is None
    text = "Acme's 2024 bid, '90s and ٣٣ units"
    assert [m.span() for m in recognise._RARE_TOKEN.finditer(text)] == [
        m.span() for m in _RARE_TOKEN_BEFORE.finditer(text)
    ]


def test_word_tokens_at_the_start_and_after_non_ascii_letters() -> None:
    """A token at the text's start has no character before it; a word glued to a non-ASCII letter is no
    token (``\\b`` is not there)."""
    lowered = "last week, éthe day café-today"
    single = re.compile(recognise._TOKEN_SCAN)
    expected = [(m.start(), m.group()) for m in single.finditer(lowered)]
    assert recognise._tokens(lowered, 0, len(lowered)) == expected
    assert expected[0] == (0, "last")
    assert (12, "the") not in expected
    assert recognise._tokens(lowered, 5, len(lowered)) == [
        (m.start(), m.group()) for m in single.finditer(lowered, 5)
    ]


def _article(text: str, body: list[tuple[int, int]] | None = None) -> Article:
    return Article(id="doc", path="doc.txt", text=text, body=body if body is not None else [(0, len(text))])


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_sentence_lines_are_one_plus_the_newlines_before_them(text) -> None:
    for sentence in split_sentences(_article(text)):
        assert sentence.line == text.count("\n", 0, sentence.start) + 1


def test_sentence_lines_by_hand_also_with_body_regions_out_of_order() -> None:
    text = "Norland voted.\n\nRahn won. Varga lost.\nAcme fell.\n"
    lines = [(s.text, s.line) for s in split_sentences(_article(text))]
    assert lines == [("Norland voted.", 1), ("Rahn won.", 3), ("Varga lost.", 3), ("Acme fell.", 4)]
    backwards = split_sentences(_article(text, [(38, 48), (0, 14)]))
    assert [(s.text, s.line) for s in backwards] == [("Acme fell.", 4), ("Norland voted.", 1)]


@settings(max_examples=800, deadline=None)
@given(
    lines=st.lists(
        st.sampled_from(
            ["&UR; By JANE ROWE &QC;", "&QL;", "Acme &amp; Rahn said the plan would go ahead.", "Share", "",
             "Sign up for our newsletter", "Norland's council met on Tuesday and agreed the budget.",
             "  Related stories  ", "© 2024 Acme", "Reporting by Ana Varga; editing by Tom Rahn"]
        ),
        max_size=8,
    )
)  # fmt: skip
def test_a_paragraphs_count_taken_by_its_line_reason_is_the_count_of_its_words(lines) -> None:
    """``paragraph_reasons`` reuses the word count ``line_reason`` took: the count of the same words."""
    for line in lines:
        reason, count = boilerplate._judged_line(line)
        assert reason == boilerplate.line_reason(line)
        if count is not None:
            assert count == boilerplate._capped_word_count(boilerplate.without_markup_codes(line))


_A_WORDS = [
    *("a", "an", "A", "few", "couple", "of", "number", "dozen", "hundred", "day", "days", "weeks", "year"),
    *("centuries", "½", "1/2", "and", "half", "more", "additional", "extra", "-", "statement", "another"),
    *("fortnight", "quarter", "ago", "long", "-long", "á", "5"),
]
_A_GAPS = [" ", "  ", "", "-", "\n", "\xa0", " - ", ", "]


@settings(max_examples=1500, deadline=None)
@given(
    parts=st.lists(st.tuples(st.sampled_from(_A_WORDS), st.sampled_from(_A_GAPS)), min_size=1, max_size=10)
)
def test_what_follows_a_or_an_never_hides_a_duration(parts) -> None:
    """Wherever a family that can start with "a" or "an" matches there, the test of what follows lets it
    be tried; and only the durations start with them (a new family doing so must be added to the test)."""
    lowered = recognise._lower_same_length("".join(word + gap for word, gap in parts))
    for pos, token in recognise._tokens(lowered, 0, len(lowered)):
        if token not in ("a", "an"):
            continue
        families = recognise._families_starting_with(token)
        assert {recognise.FAMILIES[i][0] for i in families} <= recognise._A_FAMILIES
        if recognise._AFTER_A.match(lowered, pos + len(token)):
            continue
        for index in families:
            m = recognise.FAMILIES[index][1].match(lowered, pos)
            assert m is None or m.end() == pos, lowered


def test_durations_after_a_and_an_by_hand() -> None:
    text = "Rahn spoke for a few minutes, a statement followed, an additional hour, a½ day, a-week truce."
    found = [(c.family, text[c.start : c.end]) for c in recognise.find_candidates(text, [(0, len(text))])]
    assert ("vague_duration", "a few minutes") in found
    assert ("duration", "an additional hour") in found
    assert ("duration", "a½ day") in found
    assert not [span for family, span in found if span.startswith("a statement")]

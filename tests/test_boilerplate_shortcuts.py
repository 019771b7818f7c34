"""The cheap tests ``boilerplate`` runs before its patterns never rule out a line a pattern would flag
(issue 13: speed without changing a single answer)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.boilerplate import (
    _APPEAL,
    _APPEAL_KEYWORDS,
    _CASE_EXTRAS,
    _COPYRIGHT,
    _COUNT_CAP,
    _PHOTO_CREDIT,
    _SHARE_WORDS,
    _WORD,
    _capped_word_count,
    _has_appeal_keyword,
    _is_share_buttons,
    _marker_kind,
    _may_be_copyright,
    _may_be_photo_credit,
    _may_fold,
    _word_count,
    line_reason,
    paragraph_reasons,
    words,
)

# pieces the patterns look for, in odd cases, with the letters ``re.IGNORECASE`` folds and lower-casing
# does not ("ı", "ſ", "İ"), among plain words and spaces
_PIECES = [
    "©",
    "(C)",
    "(c) 2031",
    "Copyright",
    "COPYRİGHT",
    "copyrıght 2031",
    "All Rights Reserved",
    "all rightſ reserved",
    "Getty Images",
    "AP Photo",
    "photo by",
    "PHOTOGRAPH:",
    "File photo",
    "ſhutterſtock",
    "EPA-EFE",
    "Support us",
    "donate",
    "subscribe",
    "need your help",
    "Share on",
    "Facebook",
    "X",
    "via",
    "Acme",
    "Norland",
    "said",
    "on Monday",
    "2031",
    ".",
    ":",
    "\n",
    *_CASE_EXTRAS,
]
_LINES = st.lists(st.sampled_from(_PIECES), max_size=8).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_LINES)
def test_lines_the_copyright_or_photo_patterns_match_pass_their_prefilters(line):
    folds = _may_fold(line)
    if _COPYRIGHT.search(line):
        assert folds or _may_be_copyright(line.lower())
    if _PHOTO_CREDIT.search(line):
        assert folds or _may_be_photo_credit(line.lower())


def test_the_letters_lower_casing_does_not_fold_are_caught():
    assert _COPYRIGHT.search("copyrıght 2031") and not _may_be_copyright("copyrıght 2031")
    assert _may_fold("copyrıght 2031") and _may_fold("ſhutterſtock") and not _may_fold("Copyright Acme")
    assert line_reason("Copyrıght 2031 Acme") == "copyright"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_APPEAL_KEYWORDS, "acme", "supp", "ad", "free", " "]), max_size=6).map("".join)
)
def test_appeal_keyword_test_is_any_keyword_in_the_line(lowered):
    assert _has_appeal_keyword(lowered) == any(keyword in lowered for keyword in _APPEAL_KEYWORDS)


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_every_appeal_match_holds_a_keyword(line):
    if _APPEAL.search(line) and not _may_fold(line):
        assert _has_appeal_keyword(line.lower())


@settings(max_examples=300, deadline=None)
@given(_LINES)
def test_share_button_lines_start_with_a_share_word(line):
    tokens = words(line)
    if _is_share_buttons(tokens):
        assert _WORD.search(line).group().lower() in _SHARE_WORDS


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Related stories", "Dear readers", "Acme", "said", "\n", " "]), max_size=20))
def test_a_marker_line_is_short_or_starts_a_paragraph_of_several_lines(pieces):
    # ``_mark_tail`` reads the first line of a long paragraph only when it holds a line break
    paragraph = " ".join(pieces)
    if _marker_kind(paragraph.lstrip().split("\n", 1)[0]):
        assert _word_count(paragraph) <= 12 or "\n" in paragraph


def test_a_letter_to_readers_still_ends_the_article():
    story = [
        "The city opened the new bridge over the canal on Tuesday, the mayor's office said.",
        "Traffic will use both lanes from next week, officials said in a statement.",
        "Dear readers",
        "Our reporting depends on you.",
    ]
    # the marker line is navigation by itself; the letter after it is cut off as the tail
    assert paragraph_reasons(story)[2:] == ["navigation", "after the end of the article"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Acme", "said", " ", "\n", "\t", "\u00a0", "\u2003", ".", "2031"]), max_size=200
    )
)
def test_a_capped_word_count_answers_every_threshold_as_the_full_count(pieces):
    # ``line_reason`` and ``paragraph_reasons`` compare counts with 6, 10, 12, 30 and 60 only
    text = "".join(pieces)
    assert _capped_word_count(text) == min(_word_count(text), _COUNT_CAP + 1)


def test_a_long_paragraph_is_counted_up_to_the_cap():
    paragraph = " ".join(["word"] * 500) + " "
    assert _capped_word_count(paragraph) == _COUNT_CAP + 1 and _word_count(paragraph) == 500
    assert _capped_word_count("  one two\tthree\n") == 3

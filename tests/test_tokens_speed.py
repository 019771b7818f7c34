"""Tokenising and verb flags run in C where they can (session 12, issue 13): they decide exactly as the
plain loops they replace, which are kept here as references and asked of random texts of invented words."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events.beside import _MARKET_MOVE, _MARKET_VERBS, _may_tell_market_move
from timeline.events.extract import _copy_mention
from timeline.names import (
    _CONNECTORS,
    _NOT_NAMES_BUT_THE,
    Name,
    _abbreviation_inside,
    _is_capitalised,
    _starts_name,
    extract_names,
)
from timeline.text import (
    NOT_NAMES,
    WORD,
    Token,
    is_verb,
    strip_possessive,
    tokenize,
    verb_flags,
)
from timeline.types import EventMention


def _old_tokenize(text: str, offset: int = 0) -> list[Token]:
    """The loop over ``WORD``'s matches that ``tokenize`` was."""
    return [
        Token(match.group(), offset + match.start(), offset + match.end())
        for match in WORD.finditer(text)
        if match.group()[0] != "&"
    ]


# pieces of every kind ``WORD`` tells apart: words with inner apostrophes, dots and hyphens, single
# letters, numbers with separators, clause marks, markup entities, letters outside ASCII, and gaps
_PIECE_TEXT = (
    "Acme|Norland's|U.S.|co-op|a|I|12|3.5|1,200|10:30|2024-05-06|;|,|&QL;|&amp;|&|\u00dcnal|\u00e9|"
    "l\u2019\u00e9t\u00e9|...| |  |\n|(|)|-|'|\u2019|$|%|said|Minister|Rahn|x.y|--|\t|\u00df|\u0130|\u017f"
)
_PIECES = _PIECE_TEXT.split("|")
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.integers(0, 10_000))
def test_tokens_are_word_matches_with_their_offsets(text, offset):
    tokens = tokenize(text, offset)
    assert tokens == _old_tokenize(text, offset)
    assert all(type(token) is Token for token in tokens)
    assert all(text[t.start - offset : t.end - offset] == t.text for t in tokens)


def test_entities_are_left_out_and_the_words_after_them_keep_their_offsets():
    text = "&QL; Acme &amp; Norland met;"
    assert [(t.text, t.start, t.end, t.lower) for t in tokenize(text, 5)] == [
        ("Acme", 10, 14, "acme"),
        ("Norland", 21, 28, "norland"),
        ("met", 29, 32, "met"),
        (";", 32, 33, ";"),
    ]
    assert tokenize("") == [] and tokenize("&QL;") == [] and tokenize(" ... ") == []


def _old_verb_flags(tokens: list[Token]) -> list[bool]:
    return [is_verb(tokens, i) for i in range(len(tokens))]


_VERB_WORDS = """had has have having is was will can not to did do does n't the a an their said says told
    met begins held visited ended closed attended meeting building signing talks calls states three 12 of
    after by quickly early Smith Call Talks Had Said announced announce announces warns hold meets , ;
    died used need seed hundreds several"""


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VERB_WORDS.split()), max_size=16))
def test_verb_flags_of_the_words_that_may_be_verbs_agree_with_is_verb(words):
    tokens = tokenize(" ".join(words))
    assert verb_flags(tokens) == _old_verb_flags(tokens)


def test_a_copied_mention_has_every_field_of_the_mention_but_its_place():
    fields = dataclasses.fields(EventMention)
    values = {f.name: [f.name] if f.name in _LISTS else f"the {f.name}" for f in fields}
    mention = EventMention(**values)
    copied = _copy_mention(mention, "other article", "other sentence", "other date")
    for f in fields:
        expected = {"document": "other article", "sentence": "other sentence", "expression": "other date"}
        assert getattr(copied, f.name) == expected.get(f.name, values[f.name]), f.name
        if f.name in _LISTS:
            assert getattr(copied, f.name) is not getattr(mention, f.name)  # its own list
    mention.subjects = None
    assert _copy_mention(mention, "a", "s", None).subjects is None


_LISTS = {"actors", "terms", "places", "content", "subjects"}


def _old_extract_names(tokens: list[Token], sentence_start: bool = True) -> list[Name]:
    """``extract_names`` as it was: every token visited in turn."""
    names: list[Name] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].text[:1].isupper() or not _starts_name(tokens, i, sentence_start):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            if tokens[j].start - tokens[j - 1].end > 1 and not _abbreviation_inside(tokens, j):
                break
            capitalised = _is_capitalised(tokens[j]) and tokens[j].lower not in NOT_NAMES
            if capitalised or (
                tokens[j].lower in _CONNECTORS
                and j + 1 < len(tokens)
                and (_is_capitalised(tokens[j + 1]) or tokens[j + 1].lower == "the")
                and tokens[j + 1].lower not in _NOT_NAMES_BUT_THE
            ):
                j += 1
            else:
                break
        while j > i + 1 and tokens[j - 1].lower in _CONNECTORS:
            j -= 1
        text = strip_possessive(" ".join(t.text for t in tokens[i:j]))
        if text:
            names.append(Name(text, tokens[i].start, tokens[j - 1].end))
        i = j
    return names


_NAME_WORDS = """Minister Rahn of the Acme Group said The On Monday Ana B. Varga St. Ardo met in Norland ,
    ; the of for de Speaking Ten Increasingly Rescued NATO U.S. Norland's ( ) X talks with Kell Bank and
    Today's Ostria-based 12 van Dyke"""


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS.split()), max_size=16), st.booleans())
def test_names_found_from_the_capitalised_tokens_are_those_of_every_token(words, sentence_start):
    tokens = tokenize(" ".join(words))
    assert extract_names(tokens, sentence_start) == _old_extract_names(tokens, sentence_start)


_MARKET_PIECES = """closed ended finished settled rose fell gained lost eased jumped slipped dropped climbed
    declined advanced surged tumbled added shed CLOSED Fell sHed at up down unchanged about to cents points
    stock share prices Prices $ 12 3.5 % , or Acme \u017fhed clo\u017fed"""


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKET_PIECES.split()), max_size=8), st.sampled_from([" ", "  ", ""]))
def test_a_sentence_the_market_prefilter_passes_over_holds_no_market_move(words, gap):
    text = gap.join(words)
    assert _may_tell_market_move(text) or not _MARKET_MOVE.search(text)


def test_every_market_move_passes_the_prefilter():
    for verb in _MARKET_VERBS:
        for text in (
            f"Acme {verb} up",
            f"Acme {verb.upper()} 5 cents",
            f"Stock prices {verb.title()} sharply",
        ):
            assert not _MARKET_MOVE.search(text) or _may_tell_market_move(text), text
    assert all(_MARKET_MOVE.search(t) for t in ("Acme CLOSED at $28", "the index Fell 12 to 480"))
    assert not _may_tell_market_move("Acme bought the plant on Monday.")

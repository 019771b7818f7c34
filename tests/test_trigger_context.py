"""The trigger context read from a sentence's tokens equals the one read from its text (issue 13: the
extractor passes the tokens it holds instead of having the text tokenised again)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.merge.features import governing_action, named_after, trigger_context
from timeline.text import tokenize, verb_flags, word_stem

# words around event nouns and verbs, in odd cases and joined odd ways ("blast-hit", "_blast", "9blast"),
# with forms of "have" (whose verb reading depends on the next word) and reporting verbs
_WORDS = [
    "Police",
    "arrested",
    "a",
    "man",
    "in",
    "connection",
    "with",
    "the",
    "blast",
    "blasts",
    "Blast",
    "BLASTS",
    "blast-hit",
    "anti-blast",
    "_blast",
    "9blast",
    "blast's",
    "had",
    "has",
    "been",
    "killed",
    "said",
    "which",
    "injured",
    "by",
    "occurred",
    "Acme",
    "Norland",
    "protest",
    "flood",
    "flooded",
    ",",
    ";",
    ".",
    "&QL;",
    "\u0131",
]
_TRIGGERS = st.sampled_from(["blast", "blasts", "Blast", "blast attack", "protest", "flood", "had", ""])


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), _TRIGGERS, st.integers(min_value=0, max_value=500))
def test_context_from_the_tokens_is_the_context_from_the_text(words, trigger, offset):
    text = " ".join(words)
    tokens = tokenize(text, offset)
    expected = (governing_action.__wrapped__(text, trigger), named_after.__wrapped__(text, trigger))
    assert trigger_context(text, trigger, tokens, verb_flags(tokens), offset) == expected


def test_a_noun_another_verb_governs_and_one_that_is_the_action():
    def context(text: str, trigger: str) -> tuple[str, frozenset[str]]:
        tokens = tokenize(text, 40)
        return trigger_context(text, trigger, tokens, verb_flags(tokens), 40)

    governor, _ = context("Police arrested a man in connection with the blasts.", "blasts")
    assert governor == word_stem("arrest")
    assert context("Six people were killed in the blasts.", "blasts")[0] == ""
    # a token running across the trigger's end ("blast-hit"): still the answer the text gives
    text = "Police arrested a man in the blast-hit town after the blast."
    assert context(text, "blast") == (governing_action(text, "blast"), named_after(text, "blast"))

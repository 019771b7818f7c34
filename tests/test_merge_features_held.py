"""A merge keeps each mention's features on the mention while it runs, and their terms and specific words
as tuples made sets when asked (memory, issue #9): the same features as before, let go when the merge
ends."""

import copy
import pickle
from datetime import date

import pytest

from timeline.merge.features import features, forget_features, remember_features
from timeline.types import DateValue, EventMention, Sentence

TEXT = "Acme engineers closed the Rahn dam after the flood reached Westholm."
DAY = DateValue("2031-04-17", date(2031, 4, 17), date(2031, 4, 17), "day")
WEEK = DateValue("2031-W16", date(2031, 4, 14), date(2031, 4, 20), "week")


def _mention(terms: list[str]) -> EventMention:
    sentence = Sentence("a", 0, 0, len(TEXT), TEXT, 0, 1)
    return EventMention("a", sentence, None, DAY, "closed", actors=["Acme", "Westholm"], terms=terms)


@pytest.fixture
def merging():
    remember_features()
    yield
    forget_features()


def test_terms_are_the_mentions_terms_as_a_set():
    found = features(_mention(["dam", "flood", "engineer", "dam"]))
    assert isinstance(found.terms, frozenset)
    assert found.terms == frozenset({"dam", "flood", "engineer"})
    assert found.term_words == ("dam", "flood", "engineer", "dam")  # as read: the set is made from them
    assert isinstance(found.specific, frozenset)
    assert found.specific == frozenset({"dam", "flood", "engineer"})
    assert sorted(found.specific_words) == ["dam", "engineer", "flood"]  # each once: the set's words
    assert features(_mention([])).terms == frozenset()


def test_a_merge_asks_once_per_mention(merging):
    mention = _mention(["dam", "flood"])
    found = features(mention)
    assert features(mention) is found
    # an equal mention is another object: its features are equal, read for it (and kept on it)
    other = _mention(["dam", "flood"])
    assert features(other).terms == found.terms and features(other) is features(other)


def test_a_week_date_is_read_again(merging):
    text = "Police in Westholm arrested two men in connection with the bombings."
    sentence = Sentence("a", 0, 0, len(text), text, 0, 1)
    mention = EventMention("a", sentence, None, DAY, "bombings", terms=["bombing", "police"])
    found = features(mention)
    assert found.governor == "arrest"  # the sentence's own action: an arrest, not the bombings
    mention.date = WEEK  # the one change a merge makes that the features depend on
    again = features(mention)
    assert again.governor == "" and features(mention) is again  # news of that week's bombings
    assert again.terms == found.terms


def test_the_merge_lets_go_of_them():
    mention = _mention(["dam", "flood"])
    remember_features()
    features(mention)
    forget_features()
    # unset again: the mention copies and pickles as one never merged
    assert not hasattr(mention, "_features") and not hasattr(copy.copy(mention), "_features")
    assert not hasattr(pickle.loads(pickle.dumps(mention)), "_features")
    assert pickle.dumps(mention) == pickle.dumps(_mention(["dam", "flood"]))


def test_a_merge_that_failed_is_let_go_by_the_next():
    mention = _mention(["dam", "flood"])
    remember_features()
    features(mention)
    remember_features()  # no ``forget_features`` in between: a merge that raised
    assert not hasattr(mention, "_features")
    assert features(mention) is features(mention)
    forget_features()
    assert not hasattr(mention, "_features")


def test_outside_a_merge_nothing_is_kept():
    mention = _mention(["dam", "flood"])
    assert features(mention).terms == features(mention).terms
    assert not hasattr(mention, "_features")

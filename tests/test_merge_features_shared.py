"""The merge's features share equal values and hold names' words as a tuple, and an event's sources are a
tuple when one article tells it (memory, issue #9): the same comparisons as before, the same timeline with
or without ``_features``' cache emptied part-way."""

from datetime import date

import pytest

import timeline.merge as merge_module
from timeline.merge import merge_mentions
from timeline.merge.clusters import _Cluster, sources_of
from timeline.merge.evidence import confidence, join_reason
from timeline.merge.features import (
    _subjects_clash,
    features,
    forget_features,
    remember_features,
    settle_features,
)
from timeline.names import frozen_actor_keys
from timeline.types import Article, DateValue, EventMention, Sentence

DAY = DateValue("2031-04-17", date(2031, 4, 17), date(2031, 4, 17), "day")


def _mention(doc: str, text: str, trigger: str, actors: list[str], subjects: list[str] | None = None):
    sentence = Sentence(doc, 0, 0, len(text), text, 0, 1)
    terms = [w.lower().strip(".") for w in text.split() if len(w) > 3]
    return EventMention(doc, sentence, None, DAY, trigger, actors=actors, terms=terms, subjects=subjects)


@pytest.fixture
def merging():
    remember_features()
    yield
    forget_features()


def test_name_words_are_each_word_of_each_name_once():
    found = features(_mention("a", "Ana Rahn met Rahn in Westholm.", "met", ["Ana Rahn", "Rahn"]))
    assert isinstance(found.name_words, tuple)
    assert sorted(found.name_words) == ["ana", "rahn"]  # "rahn" in both names, kept once
    assert features(_mention("a", "The dam closed.", "closed", [])).name_words == ()


def test_a_subject_named_in_the_other_report_takes_part():
    said = _mention("a", "Ana Varga closed the Rahn dam.", "closed", ["Ana Varga"], subjects=["Ana Varga"])
    named = _mention("b", "Engineers closed the dam, Ana said.", "closed", ["Ana"], subjects=[])
    spelled = _mention("c", "Vargha closed the Rahn dam.", "closed", ["Vargha"], subjects=["Vargha"])
    other = _mention("d", "Acme closed the Rahn dam.", "closed", ["Acme"], subjects=["Acme"])
    nobody = _mention("e", "The Rahn dam was closed.", "closed", [], subjects=[])
    # "Ana" of the other report is a word of the subject's name: one party, no clash
    assert not _subjects_clash(features(said), features(named))
    # a spelling variant of the subject's name (the fuzzy comparison of its words) is the same party
    assert not _subjects_clash(features(said), features(spelled))
    # two parties, neither named by the other: two actions
    assert _subjects_clash(features(said), features(other))
    # a report naming nobody does not clash
    assert not _subjects_clash(features(said), features(nobody))


def test_equal_actor_keys_are_one_set_in_a_merge(merging):
    first = features(_mention("a", "Acme closed the Rahn dam.", "closed", ["Acme"]))
    frozen_actor_keys.cache_clear()  # the names' own cache let the name go (it keeps the latest only)
    second = features(_mention("b", "Acme reopened the Rahn dam later.", "reopened", ["Acme"]))
    assert first.actors == second.actors
    assert first.actors[0] is second.actors[0]  # one set for both, not two equal ones


def test_settled_features_are_still_the_mentions(merging):
    mention = _mention("a", "Acme closed the Rahn dam.", "closed", ["Acme"])
    found = features(mention)
    settle_features()  # the cache emptied: the mention still holds its features
    assert features(mention) is found
    equal = _mention("a", "Acme closed the Rahn dam.", "closed", ["Acme"])
    again = features(equal)  # read again: equal features of its own
    assert again is not found and again.actors == found.actors and again.terms == found.terms


def test_join_reasons_share_equal_values():
    a = _mention("a", "Acme closed the Rahn dam at Westholm.", "closed", ["Acme"])
    b = _mention("b", "Acme closed the Rahn dam at Westholm today.", "closed", ["Acme"])
    one = join_reason(a, features(a), b, features(b), "same-date")
    two = join_reason(b, features(b), a, features(a), "same-date")
    assert one.date == "same date (2031-04-17)" and one.date is two.date
    assert one.confidence == two.confidence and one.confidence is two.confidence
    assert confidence("same-date", 1, 3, False, 0.5, DAY, DAY) == 0.94  # 0.30 + 0.15 + 0.24 + 0.10 + 0.15


def _collection() -> tuple[list[EventMention], list[Article]]:
    texts = [
        "Acme engineers closed the Rahn dam after the flood.",
        "Engineers from Acme closed the Rahn dam as the flood rose.",
        "Ana Varga said Acme had closed the dam.",
        "Westholm officials praised Acme for closing the Rahn dam.",
        "The flood reached Westholm on Thursday.",
    ]
    articles, mentions = [], []
    for i, text in enumerate(texts):
        doc = f"d{i}"
        articles.append(Article(doc, f"{doc}.txt", text, [(0, len(text))]))
        trigger = "said" if " said " in text else ("reached" if "reached" in text else "closed")
        actors = [w for w in ("Acme", "Ana Varga", "Westholm", "Rahn") if w in text]
        mentions.append(_mention(doc, text, trigger, actors))
    return mentions, articles


def _shape(events) -> list[tuple]:
    return sorted(
        (e.id, e.date.value if e.date else None, tuple(sorted((m.document, m.trigger) for m in e.mentions)))
        for e in events
    )


def test_a_merge_gives_the_same_events_with_the_cache_kept(monkeypatch):
    mentions, articles = _collection()
    settled = merge_mentions(mentions, articles)
    monkeypatch.setattr(merge_module, "settle_features", lambda: None)
    kept = merge_mentions(mentions, articles)
    assert _shape(settled) == _shape(kept)
    assert len(settled) < len(mentions)  # (something was merged: the comparison says something)


def test_an_events_sources_are_counted_and_searched_alike():
    a = _mention("a", "Acme closed the Rahn dam.", "closed", ["Acme"])
    copy = _mention("a2", "Acme closed the Rahn dam.", "closed", ["Acme"])
    b = _mention("b", "Acme closed the dam at Rahn.", "closed", ["Acme"])
    one = _Cluster(mentions=[a, copy])
    both = _Cluster(mentions=[a, b])
    copies = {"a2": "a"}  # "a2" re-sends "a": one source
    found = sources_of([one, both, _Cluster()], copies)
    assert found[0] == ("a",)  # a tuple of one: counted, unpacked and searched as a set
    (document,) = found[0]
    assert document == "a" and "a" in found[0] and "b" not in found[0]
    assert found[1] == {"a", "b"} and len(found[1]) == 2
    assert len(found[2]) == 0

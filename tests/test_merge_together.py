"""Two events that several articles tell side by side, on one day, are one happening (#11)."""

from merge_fixtures import dated_mention

from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.together import join_told_together
from timeline.temporal.timex import value_to_date
from timeline.types import EventMention, Sentence

DAY = "2031-03-07"


def _at(doc: str, index: int, text: str, trigger: str, terms: list[str], actors=None) -> EventMention:
    mention = dated_mention(doc, DAY, text, trigger, actors or [], terms)
    mention.sentence = Sentence(doc, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _blast(doc: str, index: int = 0) -> EventMention:
    return _at(doc, index, "A bomb exploded at the Acme bank on Friday.", "exploded", ["bomb", "bank"])


def _toll(doc: str, index: int = 1) -> EventMention:
    return _at(doc, index, "At least 12 people were reported dead on Friday.", "reported", ["dead", "people"])


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def test_two_events_two_articles_tell_side_by_side_are_one():
    blasts = _cluster(_blast("a"), _blast("b"), _blast("c"))
    tolls = _cluster(_toll("a"), _toll("b"), _toll("d", 0))
    (fused,) = join_told_together([blasts, tolls])
    assert {m.document for m in fused.mentions} == {"a", "b", "c", "d"}
    assert any("told together by several articles" in r.date for r in fused.reasons)


def test_one_article_telling_both_is_not_enough():
    blasts = _cluster(_blast("a"), _blast("c"))
    tolls = _cluster(_toll("a"), _toll("d", 0))
    assert len(join_told_together([blasts, tolls])) == 2


def test_sentences_far_apart_or_a_reaction_stay_apart():
    far = _cluster(_toll("a", 9), _toll("b", 9), _toll("d", 0))
    assert len(join_told_together([_cluster(_blast("a"), _blast("b")), far])) == 2

    def reaction(doc: str) -> EventMention:
        text = "Minister Rahn of Norland condemned the bombing on Friday."
        return _at(doc, 1, text, "condemned", ["bombing"], actors=["Minister Rahn", "Norland"])

    reactions = _cluster(reaction("a"), reaction("b"))
    assert len(join_told_together([_cluster(_blast("a"), _blast("b")), reactions])) == 2


def test_events_whose_members_state_two_days_are_not_fused():
    # the toll event also holds a paper's "Saturday" toll: fusing would put two stated days in one event
    blasts = _cluster(_blast("a"), _blast("b"))
    saturday = _at(
        "d", 0, "At least 14 people were reported dead on Saturday.", "reported", ["dead", "people"]
    )
    saturday.date = value_to_date("2031-03-08")
    clusters = join_told_together([blasts, _cluster(_toll("a"), _toll("b"), saturday)])
    assert all(len({m.trigger for m in c.mentions}) == 1 for c in clusters)  # blasts and tolls apart


def test_a_happening_and_a_statement_about_another_thing_told_together_stay_apart():
    def drills(doc: str) -> EventMention:
        text = "Minister Rahn said the army drills would go on."
        return _at(doc, 1, text, "said", ["drills", "army"], actors=["Minister Rahn"])

    clusters = join_told_together([_cluster(_blast("a"), _blast("b")), _cluster(drills("a"), drills("b"))])
    assert len(clusters) == 2


def test_two_large_events_are_never_fused_and_nothing_chains():
    articles = "abcdefg"
    blasts = _cluster(*(_blast(doc) for doc in articles))
    tolls = _cluster(*(_toll(doc) for doc in articles))  # seven outlets each: both too large to move
    assert len(join_told_together([blasts, tolls])) == 2

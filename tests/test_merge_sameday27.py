"""A paper-dated sentence between two of its article's sentences in a several-outlet event of its day joins
that event, unless it reads as an aside: a modal, the writer in person, an earlier time named (#11)."""

from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge.between import join_between_same_day
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.types import EventMention

DAY = "2031-03-07"


def _mention(
    doc: str, index: int, text: str, trigger: str, actors: list[str], terms: list[str]
) -> EventMention:
    mention = dated_mention(doc, DAY, text, trigger, actors, terms)
    return replace(mention, sentence=replace(mention.sentence, index=index))


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _clusters(lone_text: str, lone_trigger: str) -> list[_Cluster]:
    opening = ["Rahn", "Acme"], ["open", "dam"]
    event = _cluster(
        _mention("a", 0, "Minister Rahn opened the Acme dam.", "opened", *opening),
        _mention(
            "a", 2, "Minister Rahn then toured the Acme turbine hall.", "toured", ["Rahn", "Acme"], ["tour"]
        ),
        _mention("b", 0, "Minister Rahn opened the Acme dam in Norland.", "opened", *opening),
    )
    lone = _cluster(_mention("a", 1, lone_text, lone_trigger, [], ["crowd", "gather"]))
    return [event, lone]


def _joined(clusters: list[_Cluster], text: str) -> bool:
    return any(
        len(cluster.mentions) > 1 and any(m.sentence.text == text for m in cluster.mentions)
        for cluster in join_between_same_day(clusters)
    )


def test_the_days_next_detail_between_the_articles_sentences_joins_their_event():
    text = "A crowd of farmers gathered below the spillway."
    assert _joined(_clusters(text, "gathered"), text)


def test_an_aside_between_them_stays_apart():
    for text, trigger in [
        ("A crowd of farmers gathered there in 1998 for the first survey.", "gathered"),  # an earlier year
        ("A crowd of farmers had gathered there for decades.", "gathered"),  # pluperfect
        ("A crowd of farmers would gather there every spring.", "gather"),  # a modal
        ("We gathered there as children.", "gathered"),  # the writer in person
    ]:
        assert not _joined(_clusters(text, trigger), text), text

"""An older happening a later sentence's news is told against is not what the sentence reports (#11)."""

import re
from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.merge.backdrop import separate_backdrops
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.types import Article, EventMention

RESCUE = "2031-05-03"
RESCUE_TERMS = ["rescue", "climber", "ridge"]


def _mention(doc: str, text: str, trigger: str, date_text: str = "May 3") -> EventMention:
    """Article ``doc``'s sentence, dated 3 May by its words ``date_text``, the Kell ridge named."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 3 and w != "norland"]
    terms = sorted({*RESCUE_TERMS, *words})  # the sentence's own words, as the extractor keeps them
    mention = dated_mention(doc, RESCUE, text, trigger, ["Norland"], terms, places=["Norland"])
    at = text.index(date_text)
    assert mention.expression is not None
    return replace(mention, expression=replace(mention.expression, start=at, end=at + len(date_text)))


def _reports() -> list[EventMention]:
    return [
        _mention("a", "Fishermen rescued the climber off the Kell ridge on May 3.", "rescued"),
        _mention("b", "On May 3 the climber was rescued off the Kell ridge.", "rescued"),
        _mention("c", "The climber was rescued by fishermen off the Kell ridge on May 3.", "rescued"),
    ]


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _kept(sentence: EventMention, reports: list[EventMention] | None = None) -> bool:
    parts = separate_backdrops([_cluster(*(reports or _reports()), sentence)])
    return sentence in parts[0].mentions


# the ministry's statement is the news; the rescue only says since when the clinic has treated him
STATEMENT = (
    "The ministry said it will move the climber from the clinic that has treated him since he was "
    "rescued off the Kell ridge on May 3."
)


def test_a_statement_told_against_an_older_rescue_does_not_join_the_rescue():
    articles = [Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)]) for doc in "abcd"]
    backdrop = _mention("d", STATEMENT, "rescued")
    events = merge_mentions([*_reports(), backdrop], articles)
    (rescue,) = [e for e in events if len(e.sources) > 1]
    assert sorted(rescue.sources) == ["a", "b", "c"]
    (alone,) = [e for e in events if e is not rescue]
    assert alone.mentions[0].sentence.text == STATEMENT
    assert alone.mentions[0].date is not None and alone.mentions[0].date.value == RESCUE  # not re-dated


def test_backdrop_clauses_of_other_news_leave_the_event():
    for text, trigger, date_text in [
        (STATEMENT, "rescued", "May 3"),
        # a participle on a noun: the appeal is the news, the ruling its backdrop
        (
            "They said they would appeal the order, announced on May 3 by the Kell ridge guard, that "
            "the climber must pay the costs.",
            "announced",
            "May 3",
        ),
        # the clause opens the sentence; the words said after it are the news
        (
            "Since the climber was rescued off the Kell ridge on May 3, the ministry has said little.",
            "rescued",
            "May 3",
        ),
        (
            "The ministry said it acted after the climber was rescued off the Kell ridge on May 3.",
            "rescued",
            "May 3",
        ),
    ]:
        sentence = _mention("d", text, trigger, date_text)
        assert not _kept(sentence), text
        assert sentence.join is None


def test_a_sentence_retelling_the_older_happening_stays_with_it():
    for text, trigger in [
        # a state reaching back to it: a retelling of the rescue
        (
            "The climber has been the focus of an insurance dispute since he was rescued off the Kell "
            "ridge on May 3.",
            "rescued",
        ),
        ("The clinic has treated him since he was rescued off the Kell ridge on May 3.", "rescued"),
        # the rescue is the main clause's own action
        (
            "Rescued off the Kell ridge on May 3, the climber has become the focus of an insurance dispute.",
            "Rescued",
        ),
        # "after" with an action: often the next step of one happening, left alone
        ("The climber was placed in a clinic after he was rescued off the Kell ridge on May 3.", "rescued"),
        # a party named doing it: its act, news in its own right
        ("The talks changed after Rahn announced on May 3 that the climber would stay.", "announced"),
        # the comma before the verb closes an apposition naming someone: the verb is the main clause's
        (
            "Officials said the talks began after the minister, Rahn, visited Norland on May 3.",
            "visited",
        ),
        # "state" here names a visit, it reports nothing
        ("The cancellation of Rahn's state visit, scheduled for May 3, surprised no one.", "scheduled"),
        # an apposition's participle before the main verb
        ("Rahn, accused of neglect, rescued the climber off the Kell ridge on May 3.", "rescued"),
    ]:
        assert _kept(_mention("d", text, trigger)), text


def test_since_a_date_is_no_backdrop_clause():
    text = "The ministry said the climber has stayed in the clinic since May 3, when he was rescued."
    assert _kept(_mention("d", text, "rescued"))


def test_one_articles_own_event_is_left_alone():
    own = _mention("a", "Fishermen rescued the climber off the Kell ridge on May 3.", "rescued")
    backdrop = _mention("a", STATEMENT, "rescued")
    assert _kept(backdrop, [own])


def test_a_sentence_two_papers_print_nearly_alike_stays():
    edited = STATEMENT.replace("The ministry said", "The ministry said on Monday")
    first, second = _mention("d", STATEMENT, "rescued"), _mention("e", edited, "rescued")
    (event,) = separate_backdrops([_cluster(*_reports(), first, second)])
    assert first in event.mentions and second in event.mentions

"""A later paper's sentence retelling a happening several outlets told joins it as a retelling (#11)."""

from merge_fixtures import blast_reports, dated_by_paper, dated_mention

from timeline.merge import merge_mentions
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.retold import _named_concepts, join_retold
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c", "d")]


def _later(index: int, text: str, trigger: str, terms: list[str], doc: str = "d") -> EventMention:
    """Sentence ``index`` of article d, published on April 20, that states no date (past tense); its
    trigger and terms as an extractor may read them, naming nothing of the blast."""
    mention = dated_mention(doc, "2031-04-20", text, trigger, [], terms)
    mention.sentence = Sentence(doc, index, index * 100, index * 100 + len(text), text, 0, 1)
    return dated_by_paper(mention)


RETOLD = "The bomb exploded at the Eastport bank, killing 12 people and two guards among them."


def _event_of(events, text: str):
    return next(e for e in events if any(m.sentence.text.startswith(text) for m in e.mentions))


def test_a_later_sentence_retelling_the_happening_joins_it_keeping_its_date():
    retold = _later(3, RETOLD, "among", [])
    events = merge_mentions([*blast_reports(), retold], ARTICLES)
    blast = _event_of(events, "A bomb exploded at the bank")
    assert blast.sources == ["a", "b", "c", "d"]
    joined = next(m for m in blast.mentions if m.document == "d")
    assert joined.join is not None and joined.join.kind == "retelling"
    assert "retells what several outlets reported" in joined.join.date
    assert joined.date is not None and joined.date.value == "2031-04-20"  # its own date: no re-dating
    assert blast.date is not None and blast.date.value == "2031-03-07" and blast.conflicts == []


def test_a_later_sentence_naming_no_such_happening_or_another_one_stays_apart():
    prices = _later(3, "Prices at the Eastport bank rose sharply after the guards left.", "rose", ["price"])
    fever = _later(5, "Two soldiers died of fever in the Westmark barracks.", "died", ["fever"])
    events = merge_mentions([*blast_reports(), prices, fever], ARTICLES)
    blast = _event_of(events, "A bomb exploded at the bank")
    assert blast.sources == ["a", "b", "c"]


def _cluster(mentions: list[EventMention]) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def test_a_happening_two_outlets_told_is_not_retold_into():
    two_outlets = [_cluster(blast_reports()[:2]), _cluster([_later(3, RETOLD, "among", [])])]
    assert len(join_retold(two_outlets)) == 2
    three_outlets = [_cluster(blast_reports()), _cluster([_later(3, RETOLD, "among", [])])]
    assert len(join_retold(three_outlets)) == 1


def test_one_retelling_two_papers_print_joins_but_two_papers_own_news_does_not():
    printed_twice = _cluster([_later(3, RETOLD, "among", []), _later(7, RETOLD, "among", [], doc="e")])
    assert len(join_retold([_cluster(blast_reports()), printed_twice])) == 1
    own_news = _cluster([_later(3, RETOLD, "among", []), _later(7, RETOLD, "among", [], doc="e")])
    own_news.mentions[1].date_rule = "publication-implicit.lead"  # the paper's own news of its day
    assert len(join_retold([_cluster(blast_reports()), own_news])) == 2


def test_the_happenings_named_by_a_sentences_own_words():
    assert _named_concepts("The bombs went off almost simultaneously.") == {"attack"}
    assert _named_concepts("Eleven people died in the blast.") == {"death", "attack"}
    assert _named_concepts("Prices rose sharply.") == frozenset()
    # words that only situate something else: a relative clause's verb, a time since the happening
    assert _named_concepts("Police traced the rifle that killed the guard.") == frozenset()
    assert _named_concepts("She has had six operations since the Eastport bank bombing.") == frozenset()
    assert _named_concepts("The bombing, which killed 12, shook the town.") == {"attack"}

"""A collection's own subject is no evidence that one article's two sentences tell one happening (#11)."""

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.merge.features import collection_subject
from timeline.types import Article, EventMention, Sentence

SUBJECT_TERMS = ["orphan", "guardians"]  # what every report of this invented custody story is about


def _articles(docs: str) -> list[Article]:
    return [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in docs]


def _at(mention: EventMention, index: int) -> EventMention:
    """The mention as its article's sentence ``index`` (each sentence its own offset)."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _article_a() -> list[EventMention]:
    """Two same-day sentences of article "a" about two happenings that share only the story's words."""
    meeting = dated_mention(
        "a",
        "2031-03-03",
        "Officials met the guardians of the orphan on Monday.",
        "met",
        [],
        ["official", *SUBJECT_TERMS],
    )
    rally = dated_mention(
        "a",
        "2031-03-03",
        "Neighbours held a rally outside the guardians' house where the orphan lives on Monday.",
        "rally",
        [],
        ["neighbour", "house", *SUBJECT_TERMS],
    )
    return [meeting, _at(rally, 5)]


def _other_days() -> list[EventMention]:
    """Four more articles of the story, each about a happening of its own day, all naming its subject."""
    happenings = [
        ("b", "2031-02-10", "A judge heard the guardians' plea for the orphan on Feb. 10.", "heard", "plea"),
        ("c", "2031-02-14", "The orphan's father wrote to the guardians on Feb. 14.", "wrote", "letter"),
        ("d", "2031-02-18", "Lawmakers debated the orphan's guardians on Feb. 18.", "debated", "bill"),
        ("e", "2031-02-22", "The guardians took the orphan to a fair on Feb. 22.", "took", "fair"),
    ]
    return [
        dated_mention(doc, value, text, trigger, [], [word, *SUBJECT_TERMS])
        for doc, value, text, trigger, word in happenings
    ]


def _event_of(events, text: str):
    return next(e for e in events if any(m.sentence.text.startswith(text) for m in e.mentions))


def test_the_words_most_of_a_collections_articles_use_are_its_subject():
    mentions = _article_a() + _other_days()
    assert collection_subject(mentions) >= {"orphan", "guardian"}
    assert "neighbour" not in collection_subject(mentions)  # one article's word
    assert collection_subject(_article_a()) == frozenset()  # a lone article has no subject to tell


def test_one_articles_sentences_sharing_only_the_storys_subject_stay_two_events():
    events = merge_mentions(_article_a() + _other_days(), _articles("abcde"))
    assert _event_of(events, "Officials met") is not _event_of(events, "Neighbours held")


def test_a_lone_articles_same_day_sentences_sharing_two_words_are_one_event():
    events = merge_mentions(_article_a(), _articles("a"))
    assert _event_of(events, "Officials met") is _event_of(events, "Neighbours held")

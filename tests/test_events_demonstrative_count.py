"""A sentence opening with "That"/"This" and a past form that takes a figure to a new level has a verb.

Every input is an invented article published on Wednesday, 2023-03-15.
"""

from __future__ import annotations

from timeline.events import extract_mentions
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published

PUBLISHED = "2023-03-15"
TOLL = "The death toll in the Eastport floods has risen to 12, officials said on Tuesday. "


def _mentions(text: str) -> list[EventMention]:
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(PUBLISHED, "header"))
    return extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))


def _of(mentions: list[EventMention], start: str) -> list[EventMention]:
    return [m for m in mentions if m.sentence.text.startswith(start)]


def test_that_pushed_the_toll_to_a_figure_is_a_report_of_the_papers_day():
    (toll,) = _of(_mentions(TOLL + "That pushed the week's toll to 40."), "That pushed")
    assert toll.trigger in ("pushed", "toll")
    assert toll.date is not None and toll.date.value in ("2023-03-14", PUBLISHED)


def test_a_level_reached_after_words_of_approximation_counts():
    (toll,) = _of(_mentions(TOLL + "This raised the number of dead to more than 40."), "This raised")
    assert toll.date is not None


def test_without_a_level_reached_the_sentence_is_a_comment():
    text = TOLL + "That took another 10 years. This made the mayor the 14th to resign. That said, rain fell."
    mentions = _mentions(text)
    assert not _of(mentions, "That took") and not _of(mentions, "This made")
    # "That said," is a turn of phrase: the sentence's act is the rain, not a statement
    assert all(m.trigger != "said" for m in _of(mentions, "That said"))


def test_money_and_shares_are_no_level_reached():
    text = TOLL + "That brought the cost to $40 million. This lifted the share to 40 % of the vote."
    mentions = _mentions(text)
    assert not _of(mentions, "That brought") and not _of(mentions, "This lifted")

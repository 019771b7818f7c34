"""Speed rewrites of the merge give the answers of the code they replace (mergecpu43, output identical)."""

from __future__ import annotations

import random
from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge.events import _in_text_order, _sorted_in_text_order
from timeline.merge.repeats import REPEAT_ARTICLES, _in_articles, collapse_repeats
from timeline.types import EventMention


def _mention(document: str, start: int, expression_start: int | None) -> EventMention:
    mention = dated_mention(document, "2031-03-07", "Acme opened a plant in Norland.", "opened", [], [])
    mention.sentence = replace(mention.sentence, start=start)
    mention.expression = (
        None if expression_start is None else replace(mention.expression, start=expression_start)
    )
    return mention


def test_an_event_s_mentions_sorted_in_two_steps_keep_the_one_step_order() -> None:
    # several articles, several sentences of one article, two mentions of one sentence (one without an
    # expression of its own), and equal keys: the stable sort keeps those in their given order
    rng = random.Random(43)
    mentions = [
        _mention(rng.choice("abcde"), rng.choice((0, 40, 90)), rng.choice((None, 3, 12))) for _ in range(300)
    ]
    for _ in range(5):
        rng.shuffle(mentions)
        expected = sorted(mentions, key=_in_text_order)
        assert [id(m) for m in _sorted_in_text_order(mentions)] == [id(m) for m in expected]
    assert _sorted_in_text_order([]) == []
    lone = _mention("a", 0, None)
    assert _sorted_in_text_order([lone])[0] is lone


def test_a_group_counts_distinct_articles_until_there_are_enough() -> None:
    one_article = [_mention("a", 0, 3) for _ in range(REPEAT_ARTICLES * 2)]
    assert not _in_articles(one_article, REPEAT_ARTICLES)
    several = [_mention(f"paper{n % (REPEAT_ARTICLES - 1)}", 0, 3) for n in range(REPEAT_ARTICLES * 3)]
    assert not _in_articles(several, REPEAT_ARTICLES)  # one article short
    enough = [_mention(f"paper{n}", 0, 3) for n in range(REPEAT_ARTICLES)]
    assert _in_articles(enough, REPEAT_ARTICLES)


def test_repeats_are_collapsed_only_when_enough_articles_print_them() -> None:
    printed = [_mention(f"paper{n}", 0, 3) for n in range(REPEAT_ARTICLES)]
    kept, repeats = collapse_repeats(printed)
    assert kept == [printed[0]] and repeats == {id(printed[0]): printed[1:]}
    fewer = printed[:-1] + [_mention("paper0", 0, 3)]  # as many mentions, one article fewer
    kept, repeats = collapse_repeats(fewer)
    assert kept == fewer and repeats == {}

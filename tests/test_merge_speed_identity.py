"""Speed rewrites of the merge give the answers of the code they replace (mergecpu43, 57, 62)."""

from __future__ import annotations

import random
from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge.events import (
    CONCISE_TITLE_WORDS,
    LEAD_SENTENCES,
    _in_text_order,
    _pick_title,
    _sorted_in_text_order,
    _status_rank,
    _title_words,
    _word_support,
)
from timeline.merge.repeats import REPEAT_ARTICLES, _in_articles, _placed, collapse_repeats
from timeline.temporal.timex import value_to_date
from timeline.types import DateValue, EventMention, JoinReason


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


def test_collapsing_keeps_every_other_mention_in_its_place() -> None:
    # repeats printed widely, interleaved with an undated mention, a report in two articles only and
    # another sentence: all kept in the given order but the repeats after the first
    printed = [_mention(f"paper{n}", 0, 3) for n in range(REPEAT_ARTICLES + 2)]
    undated = _mention("paper1", 50, None)
    undated.date = None
    pair = [
        dated_mention(doc, "2031-03-08", "Minister Rahn visited Norland.", "visited", [], [])
        for doc in ("paper2", "paper3")
    ]
    other = dated_mention("paper4", "2031-03-09", "Acme closed a plant.", "closed", [], [])
    mentions = [pair[0], *printed[:4], undated, other, *printed[4:], pair[1]]
    kept, repeats = collapse_repeats(mentions)
    assert kept == [pair[0], printed[0], undated, other, pair[1]]
    assert list(repeats) == [id(printed[0])] and repeats[id(printed[0])] == printed[1:]


def test_a_repeat_s_reason_made_without_the_constructor_is_the_constructor_s() -> None:
    # every field but the first two (where the repeat is) differs from its default, so a field left unset
    # (or set from the wrong value) shows
    reason = JoinReason(
        "paper0",
        7,
        "paper9",
        30,
        "conflict",
        0.41,
        ("Minister Rahn",),
        ("plant",),
        "a day apart",
        ("x y",),
        0.6,
    )
    members = [_mention(f"paper{n}", 10 * n, 3) for n in range(1, 4)]
    joins = _placed(reason, members)
    expected = [replace(reason, document=m.document, start=m.sentence.start) for m in members]
    assert joins == expected and [m.join for m in members] == expected
    assert all(
        type(join) is JoinReason and hash(join) == hash(other)
        for join, other in zip(joins, expected, strict=True)
    )


def _title_by_every_mention(mentions: list[EventMention], when: DateValue | None) -> str:
    """``_pick_title`` as it was written before session 11: the whole quality tuple of every mention."""
    support = _word_support(mentions)

    def quality(m: EventMention) -> tuple:
        on_day = bool(when and m.date and m.date.value == when.value) and (
            m.date_source == "expression" or m.sentence.index <= LEAD_SENTENCES
        )
        length = len(m.title.split())
        return (
            on_day,
            _status_rank(m.status),
            length >= 3,
            length <= CONCISE_TITLE_WORDS,
            bool(m.title),
            sum(support[word] for word in _title_words(m)),
            min(len(m.actors), 3),
            -len(m.title),
            m.title,
        )

    return max(mentions, key=quality).title


def test_a_title_weighed_once_per_kind_of_mention_is_the_one_every_mention_weighed_gives() -> None:
    # events of repeats sharing their word lists, titles of several lengths (one empty, one too long), plans
    # and reports, leads and later sentences dated by their papers, mentions of the event's day and not
    rng = random.Random(57)
    titles = [
        "Acme opened a plant in Norland",
        "Acme opened a plant",
        "Minister Rahn visited the new Acme plant in the north of Norland on its first day of work",
        "The plant opened",
        "",
        "Opened",
    ]
    word_lists = [
        (["plant", "open"], ["Acme"]),
        (["plant"], ["Acme", "Norland"]),
        ([], []),
        (["visit"], ["Rahn"]),
    ]
    days = ["2031-03-07", "2031-03-08", "2031-03"]
    for _ in range(200):
        mentions = []
        for _ in range(rng.randint(2, 12)):
            terms, actors = rng.choice(word_lists)  # (shared lists, as repeats share theirs)
            mention = dated_mention(
                f"paper{rng.randint(0, 4)}", rng.choice(days), "x.", "opened", actors, terms
            )
            mention.title = rng.choice(titles)
            mention.status = rng.choice(("reported", "reported", "expected", "background"))
            mention.date_source = rng.choice(("expression", "publication-implicit"))
            mention.sentence = replace(mention.sentence, index=rng.randint(0, 3))
            mentions.append(mention)
        when = rng.choice([value_to_date(days[0]), value_to_date(days[2]), None])
        assert _pick_title(mentions, when) == _title_by_every_mention(mentions, when)

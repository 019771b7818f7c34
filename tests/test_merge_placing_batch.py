"""Placing's shortcuts give the answers of the plain steps they stand for (session 15, mergecpu73): a
mention ranked against several events in one call, an index day looked up once, a cluster that keeps
every mention returned as it is, an event's implied day from one span, quotes looked for only where a
quotation mark is (invented names and text only)."""

from __future__ import annotations

import dataclasses
from datetime import date

from merge_fixtures import numbered_mention as _mention

from timeline.merge.candidates import MAX_DAY_BUCKET, _Index
from timeline.merge.clusters import _Cluster, _Probe, _rank_against, _rank_each
from timeline.merge.conflicts import implicit_day, separate_unstated
from timeline.merge.evidence import shared_quotes
from timeline.merge.features import features
from timeline.temporal.timex import value_to_date
from timeline.types import EventMention, JoinReason


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _probe(mention: EventMention) -> _Probe:
    return _Probe.of(mention, features(mention), False, frozenset())


def _unstated(mention: EventMention, earliest: date | None = None) -> EventMention:
    """The mention dated by its publication day (no expression of its own), from ``earliest`` if given."""
    return dataclasses.replace(
        mention, expression=None, date_source="publication-implicit", earliest=earliest
    )


def test_ranking_several_events_in_one_call_gives_each_events_own_rank() -> None:
    meeting = _cluster(_mention("a", "2031-05-08", "met", ["Varga"], ["meeting", "harbour"]))
    visit = _cluster(_mention("b", "2031-05-08", "visited", ["Rahn"], ["visit", "factory"]))
    talks = _cluster(_mention("c", "2031-05-08", "met", ["Ana Varga"], ["meeting", "harbour", "talks"]))
    clusters = [meeting, visit, talks]
    probe = _probe(_mention("d", "2031-05-08", "met", ["Varga"], ["meeting", "harbour"]))
    ranks: dict = {}
    _rank_each(probe, clusters, [2, 1, 0], ranks)
    # the two meetings of Varga match on the same day (a compatible date); the factory visit does not
    assert sorted(ranks) == [0, 2]
    assert all(ranks[cid][0][0] for cid in ranks)
    assert ranks[0][1] is meeting.mentions[0] and ranks[2][1] is talks.mentions[0]
    # ... each the rank the event gets alone, and nothing for the one that does not match
    assert ranks == {cid: _rank_against(probe, clusters[cid]) for cid in (0, 2)}
    assert _rank_against(probe, visit) is None


def test_ranking_adds_to_the_ranks_already_found() -> None:
    clusters = [_cluster(_mention("a", "2031-05-08", "met", ["Varga"], ["meeting", "harbour"]))]
    probe = _probe(_mention("d", "2031-05-08", "met", ["Varga"], ["meeting", "harbour"]))
    found = ((True, 9.0), clusters[0].mentions[0], features(clusters[0].mentions[0]))
    ranks: dict = {7: found}
    _rank_each(probe, clusters, [0], ranks)
    assert ranks[7] is found and 0 in ranks


def test_a_days_word_shared_by_too_many_events_finds_none_but_the_articles_own_events_are_found() -> None:
    index = _Index()
    crowded = _mention("a", "2031-05-08", "exploded", [], ["harbour"])
    for cid in range(MAX_DAY_BUCKET + 1):  # one more event than a day's word may tell apart
        index.add(cid, features(crowded), value_to_date("2031-05-08"), f"doc{cid}")
    lone = _mention("z", "2031-05-08", "collapsed", [], ["harbour"])
    assert index.same_day_candidates(features(lone), value_to_date("2031-05-08"), "z") == set()
    # the article's own events of the day are looked at however many there are
    assert index.same_day_candidates(features(lone), value_to_date("2031-05-08"), "doc3") == {3}
    # another day has no events at all
    assert index.same_day_candidates(features(lone), value_to_date("2031-05-09"), "doc3") == set()


def test_a_word_of_few_events_on_the_day_finds_them() -> None:
    index = _Index()
    pier = _mention("a", "2031-05-08", "exploded", [], ["pier"])
    index.add(4, features(pier), value_to_date("2031-05-08"), "a")
    index.add(6, features(pier), value_to_date("2031-05-08"), "b")
    lone = _mention("z", "2031-05-08", "collapsed", [], ["pier"])
    assert index.same_day_candidates(features(lone), value_to_date("2031-05-08"), "z") == {4, 6}


def test_a_cluster_keeping_every_mention_comes_back_as_it_is() -> None:
    lead = _mention("a", "2031-05-08", "met", ["Varga"], ["meeting"])
    same_day = _unstated(_mention("b", "2031-05-08", "met", ["Varga"], ["meeting"]))
    cluster = _cluster(lead, same_day)
    assert separate_unstated(cluster) == [cluster]
    assert separate_unstated(cluster)[0] is cluster


def test_an_unstated_mention_off_the_events_day_leaves_with_its_join_cleared() -> None:
    lead = _mention("a", "2031-05-08", "met", ["Varga"], ["meeting"])
    later = _unstated(_mention("b", "2031-05-11", "met", ["Varga"], ["meeting"]))
    joined = _unstated(_mention("c", "2031-05-08", "met", ["Varga"], ["meeting"]))
    cluster = _cluster(lead, later, joined)
    for mention in (later, joined):
        mention.join = JoinReason(mention.document, 0, "a", 0, "compatible-date", 0.5)
    kept, apart = separate_unstated(cluster)
    assert kept.mentions == [lead, joined] and apart.mentions == [later]
    assert later.join is None and joined.join is not None and joined.join.document == "c"


def test_an_events_implied_day_is_the_latest_its_one_span_allows() -> None:
    # a publication day, or the day before it
    report = _unstated(_mention("a", "2031-05-08", "met", ["Varga"], ["meeting"]), date(2031, 5, 7))
    assert implicit_day([report]).value == "2031-05-08"
    # a span longer than a week gives no day; a stated date is not the event's implied day
    month = _unstated(_mention("b", "2031-05", "met", ["Varga"], ["meeting"]))
    assert implicit_day([month]) is None
    assert implicit_day([_mention("c", "2031-05-08", "met", ["Varga"], ["meeting"])]) is None


def test_an_events_implied_day_is_the_one_most_of_its_spans_allow() -> None:
    first = _unstated(_mention("a", "2031-05-08", "met", ["Varga"], ["meeting"]), date(2031, 5, 7))
    second = _unstated(_mention("b", "2031-05-07", "met", ["Varga"], ["meeting"]))
    assert implicit_day([first, second]).value == "2031-05-07"  # both allow the 7th, one the 8th
    third = _unstated(_mention("c", "2031-05-09", "met", ["Varga"], ["meeting"]))
    assert implicit_day([first, third]).value == "2031-05-09"  # each day once: the latest


def test_quotes_are_found_with_either_kind_of_mark_and_none_without() -> None:
    plain = 'Varga said "the harbour stays open" on Friday.'
    curly = "The minister repeated “the harbour stays open” to the council."
    assert shared_quotes(plain, curly) == ("the harbour stays open",)
    assert shared_quotes(curly, "Rahn said the harbour stays open.") == ("the harbour stays open",)
    assert shared_quotes("Rahn said the harbour stays open.", "Varga said the harbour stays open.") == ()

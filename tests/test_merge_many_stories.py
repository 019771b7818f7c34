"""The merge on a collection of many unrelated stories (issue #9): the candidates it looks at are pruned only
where no join can come of them, so the same events come out (invented names only)."""

from __future__ import annotations

from itertools import product

from merge_fixtures import numbered_mention as _mention
from merge_fixtures import plain_article as _article

from timeline.merge import merge_mentions
from timeline.merge.clusters import _Cluster, _shifted_within
from timeline.merge.dates import _year_shifts, _year_typo_within
from timeline.merge.features import _DAY, features
from timeline.merge.undated import _JoinIndex
from timeline.temporal.timex import value_to_date
from timeline.types import EventMention

ARTICLES = [_article(d) for d in "abcde"]


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _sources(events) -> list[tuple[list[str], str | None]]:
    return sorted((e.sources, e.date.value if e.date else None) for e in events)


def test_two_stories_sharing_a_verb_and_a_week_stay_apart_and_each_storys_reports_join():
    mentions = [
        _mention("a", "2023-05-08", "visited", ["Varga"], ["visit", "harbour"]),
        _mention("b", "2023-05-09", "visited", ["Rahn"], ["visit", "factory"]),  # another story, same week
        _mention("c", "2023-05-08", "visited", ["Ana Varga"], ["visit", "harbour"]),
        _mention("d", "2023-05-09", "visited", ["Rahn"], ["visit", "factory", "Acme"]),
    ]
    assert _sources(merge_mentions(mentions, ARTICLES)) == [
        (["a", "c"], "2023-05-08"),
        (["b", "d"], "2023-05-09"),
    ]


# an undated arrest naming Varga, with a meeting among its words
_UNDATED_ARREST = ("e", None, "arrested", ["Varga"], ["arrest", "meeting", "smuggling"])


def test_an_undated_report_is_scored_only_against_events_holding_its_own_action():
    met = _cluster(_mention("a", "2023-05-08", "met", ["Varga"], ["meeting", "harbour"]))
    arrested = _cluster(_mention("b", "2023-05-10", "arrested", ["Varga"], ["arrest", "smuggling"]))
    # an event whose first member is the meeting and whose second, naming no Varga, an arrest: filed under
    # (varga, arrest) all the same (its members' keys and concepts together), so still looked at
    both = _cluster(
        _mention("c", "2023-05-12", "met", ["Varga"], ["meeting"]),
        _mention("d", "2023-05-12", "arrested", ["Rahn"], ["arrest", "customs"], index=1),
    )
    index = _JoinIndex([met, arrested, both])
    assert index.candidates(features(_mention(*_UNDATED_ARREST))) == [1, 2]
    # a statement keeps looking at the speaker's statements
    said = _cluster(_mention("a", "2023-05-08", "said", ["Varga"], ["harbour"]))
    statement = features(_mention("e", None, "told", ["Varga"], ["harbour"]))
    assert _JoinIndex([met, said]).candidates(statement) == [1]


def test_an_undated_report_joins_the_event_of_its_action_not_one_sharing_another_concept():
    mentions = [
        _mention("a", "2023-05-08", "met", ["Varga"], ["meeting", "harbour"]),
        _mention("b", "2023-05-10", "arrested", ["Varga"], ["arrest", "smuggling"]),
        _mention(*_UNDATED_ARREST),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert _sources(events) == [(["a"], "2023-05-08"), (["b", "e"], "2023-05-10")]
    (joined,) = [m for e in events for m in e.mentions if m.document == "e"]
    assert joined.date_source == "joined"


def test_a_day_a_year_off_inside_a_coarse_member_as_dates_tells_it():
    """``_shifted_within`` answers as ``dates._year_typo_within`` with the event's stated day a year off."""
    stated = _cluster(_mention("a", "2010-10-23", "killed", ["Voss"], ["death", "sniper"]))
    # by hand: the day a year on from the event's stated day, inside that October: the wrong year's day
    assert _shifted_within(
        tuple(_year_shifts(value_to_date("2011-10-23").start)), value_to_date("2010-10"), stated
    )
    for day, coarse in [("2011-10-24", "2010-10"), ("2011-10-23", "2010"), ("2011-10-23", "2011-10")]:
        shifted = tuple(_year_shifts(value_to_date(day).start))
        assert not _shifted_within(shifted, value_to_date(coarse), stated)  # another day, a year, no year off
    days = ["2011-10-23", "2009-10-23", "2010-10-23", "2011-01-02", "2012-02-29", "2011-11-30", "2011-09-01"]
    coarse = ["2010-10", "2010-FA", "2010-Q4", "2010-W42", "2010", "201", "2012-10", "2010-11", "2010-09"]
    for day, span in product(days, coarse):
        when, member = value_to_date(day), value_to_date(span)
        shifts = _year_shifts(when.start)
        expected = _year_typo_within(when, member) and any(
            w.granularity in _DAY and w.start in shifts for w in stated.stated
        )
        assert _shifted_within(tuple(shifts), member, stated) == expected, (day, span)

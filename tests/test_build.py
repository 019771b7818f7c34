"""Building the timeline: the seeds end to end, and ordering / since / until / top."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.build import build_timeline, select_events
from timeline.config import BuildOptions
from timeline.readers import read_paths
from timeline.temporal.timex import value_to_date
from timeline.types import Event

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds_timeline():
    return build_timeline(read_paths([str(SEEDS)]))


def _short(event: Event) -> list[str]:
    return sorted(s[:3] for s in event.sources)


def _on(timeline, value: str) -> list[Event]:
    return [e for e in timeline.events if e.date and e.date.value == value]


def test_seed_call_has_all_four_sources(seeds_timeline):
    calls = [e for e in _on(seeds_timeline, "2022-02-14") if "call" in e.title.lower()]
    assert len(calls) == 1
    assert _short(calls[0]) == ["000", "001", "002", "003"]
    assert calls[0].status == "reported"


def test_seed_drills_start_conflict(seeds_timeline):
    (start,) = _on(seeds_timeline, "2022-02-02")
    assert _short(start) == ["000", "002"]
    assert [(c.value, [s[:3] for s in c.sources]) for c in start.conflicts] == [("2022-W06", ["002"])]


def test_seed_later_events_and_statuses(seeds_timeline):
    assert any("visited" in e.title and _short(e) == ["003"] for e in _on(seeds_timeline, "2022-02-15"))
    assert any("revealed" in e.title and _short(e) == ["002"] for e in _on(seeds_timeline, "2022-02-15"))
    assert any("attend" in e.title and e.status == "expected" for e in _on(seeds_timeline, "2022-02-16"))
    assert any("Makei" in e.title for e in _on(seeds_timeline, "2022-02-16"))
    (end,) = _on(seeds_timeline, "2022-W07")
    assert "announced an end" in end.title
    (finish,) = _on(seeds_timeline, "2022-02-20")
    assert finish.status == "expected"
    assert {e.status for e in _on(seeds_timeline, "1994") + _on(seeds_timeline, "2020")} == {"background"}


def test_seed_publication_dates(seeds_timeline):
    published = {d.id[:3]: d.published for d in seeds_timeline.documents}
    assert published["000"].value == "2022-02"
    assert published["002"].value == "2022-02-15"
    assert (published["003"].value, published["003"].source) == ("2022-02-16", "inferred")
    assert '"this week"' in published["003"].evidence
    assert published["001"].value is None
    assert published["001"].earliest == date(2022, 2, 14)


def test_seed_order_and_expressions(seeds_timeline):
    starts = [e.date.start for e in seeds_timeline.events if e.date]
    assert starts == sorted(starts)
    assert set(seeds_timeline.expressions) == {d.id for d in seeds_timeline.documents}
    assert seeds_timeline.gaps == []


def test_progress_is_reported_per_article():
    calls = []
    build_timeline(read_paths([str(SEEDS)]), BuildOptions(progress=lambda *a: calls.append(a)))
    assert [c for c in calls if c[0] == "read"] == [("read", i, 4) for i in range(1, 5)]


def _event(value: str, sources: int, title: str) -> Event:
    return Event(
        f"ev-{title}", value_to_date(value), title, "reported", [f"s{i}" for i in range(sources)], []
    )


EVENTS = [
    _event("2022-03", 1, "month"),
    _event("2022-03-05", 1, "minor"),
    _event("2022-03-05", 3, "major"),
    _event("2022-03-01", 2, "first"),
    _event("2022-03-09", 1, "late"),
    Event("ev-undated", None, "undated", "reported", ["s0"], []),
]


def test_events_ordered_by_start_coarser_first_then_importance():
    titles = [e.title for e in select_events(EVENTS, BuildOptions())]
    assert titles == ["month", "first", "major", "minor", "late", "undated"]


def test_since_until_keep_overlapping_dated_events():
    kept = select_events(EVENTS, BuildOptions(since=date(2022, 3, 5), until=date(2022, 3, 8)))
    assert [e.title for e in kept] == ["month", "major", "minor"]


def test_top_keeps_the_most_important_dates_and_their_central_event():
    kept = select_events(EVENTS, BuildOptions(top=2))
    assert [e.title for e in kept] == ["first", "major"]

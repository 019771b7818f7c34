"""Properties of the whole build: order/name independence, date shifting, single article, stable ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from timeline.build import build_timeline
from timeline.readers import read_paths
from timeline.types import Article, Published, Timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = (
    "Ana Kowalczyk and Petro Marchenko held a phone call on Monday. "
    "The joint drills are expected to finish on Sunday. "
    "Officials said Wednesday that the talks went well."
)


def _shape(timeline: Timeline, names: dict[str, str] | None = None) -> list[tuple]:
    """The timeline with article ids mapped through ``names`` (so renamed files compare equal)."""
    names = names or {}
    return [
        (
            e.date.value if e.date else None,
            e.title,
            e.status,
            sorted(names.get(s, s) for s in e.sources),
            [(c.value, sorted(names.get(s, s) for s in c.sources)) for c in e.conflicts],
        )
        for e in timeline.events
    ]


def test_same_timeline_whatever_the_input_order_or_file_names():
    articles = read_paths([str(SEEDS)])
    baseline = build_timeline(articles)
    renamed = [replace(a, id=f"zz{i}", path=f"renamed/{i}.txt") for i, a in enumerate(reversed(articles))]
    back = {f"zz{i}": a.id for i, a in enumerate(reversed(articles))}
    shuffled = build_timeline(renamed)
    assert _shape(shuffled, back) == _shape(baseline)
    assert [e.id for e in build_timeline(list(reversed(articles))).events] == [e.id for e in baseline.events]


def test_event_ids_are_stable_across_runs():
    first = build_timeline(read_paths([str(SEEDS)]))
    second = build_timeline(read_paths([str(SEEDS)]))
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == len(first.events)


def _story(published: str) -> Article:
    return Article("story", "story.txt", STORY, [(0, len(STORY))], published=Published(published, "option"))


def test_shifting_the_publication_date_by_a_week_shifts_every_derived_date():
    before = build_timeline([_story("2023-03-15")])
    after = build_timeline([_story("2023-03-22")])
    assert len(before.events) == len(after.events) >= 3
    for old, new in zip(before.events, after.events, strict=True):
        assert new.date.start - old.date.start == timedelta(days=7)
        assert new.title == old.title


def test_one_article_alone_gives_its_own_events():
    articles = [a for a in read_paths([str(SEEDS)]) if a.id.startswith("002")]
    timeline = build_timeline(articles)
    assert timeline.events
    assert all(e.sources == [articles[0].id] for e in timeline.events)
    assert any(e.date and e.date.value == "2022-02-14" and "call" in e.title for e in timeline.events)

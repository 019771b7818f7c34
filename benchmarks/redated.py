"""Count mentions silently re-dated by the merge (issue #11: "no re-dating by merge").

A mention is *re-dated* when its own date (from its sentence's expression, the publication day or the
narrative, i.e. not ``joined``) is not compatible with its event's date (no overlap of the event's date
with the mention's [earliest, end] span, ``timeline.merge.dates.bounds``), the event lists no conflict
with that date from that mention's document, and the mention is not marked a retelling.

Built as the benchmarks build: each TBAQ document on its own (``score_event_dates``) and the AQUAINT
stories together (``score_merge``).

    python benchmarks/redated.py ../shared/eval/tbaq
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from timeline.merge.dates import bounds
from timeline.types import Event, EventMention

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

Example = tuple[str, str, int, str, str, str]  # scope, document, offset, own date, event date, sentence


def redated(events: Iterable[Event]) -> list[tuple[EventMention, Event]]:
    """The mentions whose own date their event silently replaced."""
    found = []
    for event in events:
        if event.date is None:
            continue
        listed = {(c.value, source) for c in event.conflicts for source in c.sources}
        for mention in event.mentions:
            if mention.date is None or mention.date_source == "joined":
                continue
            if mention.join is not None and mention.join.kind == "retelling":
                continue
            start, end = bounds(mention)
            if start <= event.date.end and event.date.start <= end:
                continue
            if (mention.date.value, mention.document) not in listed:
                found.append((mention, event))
    return found


def differing(events: Iterable[Event]) -> int:
    """Own dates (not joined, not retellings) other than their event's date value, compatible or not: the
    wider count ("a day in the event's week", "the paper's day, the event the day before" included)."""
    return sum(
        1
        for e in events
        for m in e.mentions
        if e.date is not None
        and m.date is not None
        and m.date_source != "joined"
        and not (m.join is not None and m.join.kind == "retelling")
        and m.date.value != e.date.value
    )


def _examples(scope: str, events: list[Event]) -> tuple[list[Example], int]:
    return [
        (
            scope,
            m.document,
            m.sentence.start,
            m.date.value if m.date else "",
            e.date.value if e.date else "",
            m.sentence.text[:90],
        )
        for m, e in redated(events)
    ], differing(events)


def _document(path: Path) -> tuple[list[Example], int]:
    from timeline.build import build_timeline
    from timeline.readers import read_article

    (article,) = read_article(path)
    return _examples("doc", build_timeline([article]).events)


def _stories(tbaq: Path) -> tuple[list[Example], int]:
    from score_merge import aquaint_dir, load_gold

    from timeline.build import build_timeline
    from timeline.readers import read_paths

    directory = aquaint_dir(tbaq.parent)
    found, differ = [], 0
    for story in load_gold():
        articles = read_paths([str(directory / f"{doc}.tml") for doc in story.documents])
        examples, count = _examples(story.id, build_timeline(articles).events)
        found.extend(examples)
        differ += count
    return found, differ


def measure(tbaq: Path) -> tuple[list[Example], int, int]:
    """The re-dated mentions, and the own dates differing from their event's (documents, stories)."""
    paths = sorted(Path(tbaq).rglob("*.tml"))
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(_document, paths, chunksize=4))
    stories, differ_stories = _stories(Path(tbaq))
    found = [e for examples, _ in results for e in examples] + stories
    return found, sum(n for _, n in results), differ_stories


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tbaq", type=Path, help="the TBAQ directory (../shared/eval/tbaq)")
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args(argv)
    found, differ_docs, differ_stories = measure(args.tbaq)
    per_doc = sum(1 for e in found if e[0] == "doc")
    print(
        f"re-dated mentions: {len(found)} (documents alone {per_doc}, AQUAINT stories {len(found) - per_doc})"
    )
    print(
        f"own date other than the event's (compatible ones included): documents alone {differ_docs}, "
        f"AQUAINT stories {differ_stories}"
    )
    for scope, doc, offset, own, event_date, text in found[: args.examples]:
        print(f"  {scope} {doc}@{offset}: own {own}, event {event_date}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

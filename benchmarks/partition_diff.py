"""Which sentences a merge change joins and separates: two JSON builds of one input, compared.

    timeline build ../shared/eval/entities/Chris_Brown/articles.jsonl --format json -o /tmp/before.json
    (apply the change)
    timeline build ../shared/eval/entities/Chris_Brown/articles.jsonl --format json -o /tmp/after.json
    python benchmarks/partition_diff.py /tmp/before.json /tmp/after.json --list 30

Each build's events are a partition of its mentions' sentences, a sentence keyed by its article and start
offset.  A *join* is a pair of sentences of two articles in one event after the change and in none before;
a *separation*, the other way round.  ``--list N`` prints N of each (a seeded sample when there are more),
with both sentences, for reading: the brief of a merge change asks that most of them be right.  Nothing of
the data is stored; the builds are read where they were written.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

Key = tuple[str, int]
Pair = tuple[Key, Key]


def partition(build: dict) -> tuple[set[Pair], dict[Key, str]]:
    """The cross-article sentence pairs sharing an event in a JSON build, and each sentence's text."""
    together: set[Pair] = set()
    texts: dict[Key, str] = {}
    for event in build["events"]:
        keys = set()
        for mention in event["mentions"]:
            key = (mention["document"], mention["start"])
            keys.add(key)
            texts[key] = mention["text"]
        together.update((a, b) for a, b in combinations(sorted(keys), 2) if a[0] != b[0])
    return together, texts


def compare(before: dict, after: dict) -> tuple[list[Pair], list[Pair], dict[Key, str]]:
    """(pairs joined, pairs separated, texts of both builds' sentences), each list sorted."""
    old, old_texts = partition(before)
    new, new_texts = partition(after)
    return sorted(new - old), sorted(old - new), old_texts | new_texts


def _show(label: str, pairs: list[Pair], texts: dict[Key, str], limit: int) -> None:
    shown = pairs if len(pairs) <= limit else sorted(random.Random(0).sample(pairs, limit))
    for a, b in shown:
        print(f"{label} {a[0]}:{a[1]}  {texts.get(a, '')[:150]!r}")
        print(f"     {b[0]}:{b[1]}  {texts.get(b, '')[:150]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--list", type=int, default=0, help="print N joins and N separations (a sample)")
    args = parser.parse_args(argv)
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    joined, separated, texts = compare(before, after)
    print(f"cross-article sentence pairs: {len(joined)} joined, {len(separated)} separated")
    _show("JOIN", joined, texts, args.list)
    _show("SPLIT", separated, texts, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Precision of the dispute step's joins (``timeline/merge/disputes.py``) over a judged set.

    python benchmarks/score_disputes.py ../shared/eval [--topics Enron,Sarah_Palin] [--cache DIR] [--show]

The dispute step joins an event one article alone tells to an event of other articles dated a day or a few
days away, as a conflict: a reader sees "⚠ conflict", so a wrong join shows a false disagreement and merges
two happenings.  This script builds the AQUAINT gold stories and the Entities topics, records every join the
step makes, and looks each up in ``benchmarks/data/dispute_joins.json``: joins judged by reading both
sentences (right: the same happening, the sources' dates disagree; wrong: otherwise), stored as document
ids and sentence start offsets only.  It prints right / wrong / unjudged and the precision over the judged
ones.  ``--show`` prints the sentences of every join (to judge new ones; never store them).  ``--cache``
keeps each collection's merge input (pickled, outside the repository) so that a rerun merges only.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import timeline.build as build
import timeline.merge.disputes as disputes
from timeline.merge import merge_mentions
from timeline.readers import read_paths
from timeline.types import EventMention

JUDGED_PATH = Path(__file__).parent / "data" / "dispute_joins.json"
sys.path.insert(0, str(Path(__file__).parent))

Key = tuple[str, int]  # a sentence: (document id, start offset)


@dataclass(frozen=True)
class Join:
    collection: str
    moved: tuple[Key, ...]  # the lone event's sentences
    carried: tuple[Key, ...]  # the sentence before, carried along
    member: Key  # the sentence of the other event it matched

    @property
    def key(self) -> tuple:
        return (self.collection, self.moved, self.carried, self.member)


def _key(mention: EventMention) -> Key:
    return (mention.document, mention.sentence.start)


def _record(collection: str, joins: list[Join], texts: dict[Key, str]) -> object:
    """Wrap ``disputes._join`` to record each join of ``collection``."""
    original = disputes._join

    def recording(mentions, lead_in, into, member, when):
        for mention in [*mentions, *lead_in, member]:
            texts[_key(mention)] = f"[{mention.date.value if mention.date else '-'}] {mention.sentence.text}"
        moved = tuple(sorted({_key(m) for m in mentions}))
        carried = tuple(sorted({_key(m) for m in lead_in}))
        joins.append(Join(collection, moved, carried, _key(member)))
        return original(mentions, lead_in, into, member, when)

    disputes._join = recording
    return original


def merge_input(name: str, paths: list[str], cache: Path | None) -> tuple:
    """The merge's input for a collection: built once (or read from ``cache``)."""
    cached = cache / f"{name}.pkl" if cache else None
    if cached and cached.exists():
        return pickle.loads(cached.read_bytes())
    captured: dict[str, tuple] = {}
    original = build.merge_mentions

    def capture(mentions, articles, copies=None, **options):
        captured["args"] = (mentions, articles, copies)
        return []

    build.merge_mentions = capture
    try:
        build.build_timeline(read_paths(paths))
    finally:
        build.merge_mentions = original
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(captured["args"]))
    return captured["args"]


def collections(eval_dir: Path, topics: list[str] | None) -> list[tuple[str, list[str]]]:
    """(name, article paths): the AQUAINT gold stories, then the Entities topics."""
    from score_merge import aquaint_dir, load_gold

    found = []
    if topics is None or "aquaint" in topics:
        directory = aquaint_dir(eval_dir)
        for story in load_gold():
            found.append((f"aquaint/{story.id}", [str(directory / f"{d}.tml") for d in story.documents]))
    for topic in sorted((eval_dir / "entities").glob("*/articles.jsonl")):
        if topics is None or topic.parent.name in topics:
            found.append((topic.parent.name, [str(topic)]))
    return found


def collect(eval_dir: Path, topics: list[str] | None, cache: Path | None) -> tuple[list[Join], dict]:
    joins: list[Join] = []
    texts: dict[Key, str] = {}
    for name, paths in collections(eval_dir, topics):
        mentions, articles, copies = merge_input(name, paths, cache)
        original = _record(name, joins, texts)
        try:
            merge_mentions(mentions, articles, copies)
        finally:
            disputes._join = original
    return joins, texts


def load_judged(path: Path = JUDGED_PATH) -> dict[tuple, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    judged = {}
    for j in data["joins"]:
        join = Join(
            j["collection"],
            tuple((d, int(s)) for d, s in j["moved"]),
            tuple((d, int(s)) for d, s in j["carried"]),
            (j["member"][0], int(j["member"][1])),
        )
        judged[join.key] = j["verdict"]
    return judged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--topics", help="comma-separated Entities topics ('aquaint' for the gold stories)")
    parser.add_argument("--cache", type=Path, help="a directory outside the repository for merge inputs")
    parser.add_argument("--show", action="store_true", help="print the sentences of every join")
    args = parser.parse_args(argv)
    topics = args.topics.split(",") if args.topics else None
    joins, texts = collect(args.eval_dir, topics, args.cache)
    judged = load_judged() if JUDGED_PATH.exists() else {}
    verdicts = {"right": 0, "wrong": 0, "unjudged": 0}
    for join in joins:
        verdict = judged.get(join.key, "unjudged")
        verdicts[verdict] += 1
        print(f"{verdict:8} {json.dumps(_as_json(join, verdict))}")
        if args.show:
            for key in (*join.carried, *join.moved, join.member):
                print(f"    {key}: {texts[key]}")
    judged_count = verdicts["right"] + verdicts["wrong"]
    precision = verdicts["right"] / judged_count if judged_count else 1.0
    scanned = {name for name, _ in collections(args.eval_dir, topics)}
    made = {j.key for j in joins}
    missing = sum(1 for k, v in judged.items() if v == "right" and k[0] in scanned and k not in made)
    print(
        f"dispute joins: {len(joins)} ({verdicts['right']} right, {verdicts['wrong']} wrong, "
        f"{verdicts['unjudged']} unjudged); precision over the judged {precision:.3f}; "
        f"right joins of the judged set no longer made: {missing}"
    )
    return 0


def _as_json(join: Join, verdict: str) -> dict:
    return {
        "collection": join.collection,
        "moved": [list(k) for k in join.moved],
        "carried": [list(k) for k in join.carried],
        "member": list(join.member),
        "verdict": verdict,
    }


if __name__ == "__main__":
    raise SystemExit(main())

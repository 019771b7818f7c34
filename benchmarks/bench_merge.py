"""Time the merge stage alone on a collection (the mentions are extracted once, then merged N times).

    python benchmarks/bench_merge.py ../shared/eval/entities/Sarah_Palin/articles.jsonl [--runs 3]

Prints the number of mentions and events and each run's wall and CPU time (``time.process_time``: the figure
to compare when other work loads the machine) of ``merge_mentions``, with Python's cyclic garbage collector
paused as the build pauses it.
"""

from __future__ import annotations

import argparse
import gc
import time

import timeline.build as build
from timeline.merge import merge_mentions
from timeline.readers import read_paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    captured: dict[str, tuple] = {}
    original = build.merge_mentions

    def capture(mentions, articles, copies=None, **options):
        # the build hands its mentions over (the merge may change them): keep them intact for the runs
        captured["args"] = (mentions, articles, copies)
        return original(mentions, articles, copies)

    build.merge_mentions = capture
    build.build_timeline(read_paths(args.paths))
    build.merge_mentions = original
    mentions, articles, copies = captured["args"]
    gc.disable()
    for run in range(args.runs):
        start, cpu_start = time.perf_counter(), time.process_time()
        events = merge_mentions(mentions, articles, copies)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        counts = f"{len(mentions)} mentions -> {len(events)} events"
        print(f"run {run + 1}: {counts} in {elapsed:.2f} s ({cpu:.2f} s CPU)")
    gc.enable()


if __name__ == "__main__":
    main()

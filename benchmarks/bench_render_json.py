"""CPU of the JSON rendering alone (issues 9 and 13): build a timeline once, then time ``render_json``.

    python benchmarks/bench_render_json.py PATH [--runs 3] [--cache FILE]

PATH is any build input (e.g. ``../shared/eval/entities/Sarah_Palin/articles.jsonl`` or a JSON array
written by ``bench_scale.py``).  ``--cache`` keeps the built timeline in a pickle so the rendering of two
checkouts can be timed on the same timeline.  Prints the CPU seconds (``time.process_time``) of each run
and the output's size.  The input is read at run time; none is stored.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path


def _timeline(path: Path, cache: Path | None):
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from timeline.build import build_timeline
    from timeline.readers import read_paths

    timeline = build_timeline(read_paths([str(path)]))
    if cache is not None:
        cache.write_bytes(pickle.dumps(timeline, protocol=pickle.HIGHEST_PROTOCOL))
    return timeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    sys.setrecursionlimit(10_000)
    timeline = _timeline(args.path, args.cache)
    from timeline.render import render_chunks

    runs, written = [], 0
    for _ in range(args.runs):
        start = time.process_time()
        written = sum(len(piece) for piece in render_chunks(timeline, "json"))
        runs.append(round(time.process_time() - start, 2))
    print(json.dumps({"render_cpu_s": runs, "best": min(runs), "json_mchars": round(written / 1e6, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

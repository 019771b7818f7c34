"""Real-corpus smoke benchmark: the whole build on real news never crashes, and how long it takes.

    python benchmarks/smoke_build.py ../shared/eval             # every TBAQ document, 3 Entities topics
    python benchmarks/smoke_build.py ../shared/eval --json      # the figures only
    python benchmarks/smoke_build.py ../shared/eval --topics 5 --jobs 2

Builds every document of ``tbaq`` (TimeBank + AQUAINT TimeML) on its own, and the ``--topics`` smallest
topics (by article count) of ``entities`` (``*/articles.jsonl``) each as one collection, through the
library exactly as the CLI does: ``read_paths`` -> ``build_timeline`` -> ``render`` in every output format.
Each build runs in a worker process (``--jobs``, default: the available cores).

Figures (``gate_figures`` for ``benchmarks/ci_gate.py``):

- ``smoke_failures``: builds that raised anything but a ``TimelineError`` (a bug), plus articles the build
  skipped because their processing failed (``Timeline.skipped``: the per-article guard caught a bug).
  Should be 0.
- ``smoke_warnings``: warnings of all kinds (records without text, copies ...): informative only.
- ``smoke_seconds``: wall time of the whole pass.

Nothing from the corpora is stored: the script reads them at run time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

SMALLEST_TOPICS = 3


def build_one(paths: list[str]) -> dict:
    """Build one collection and render it in every format; what went wrong, counted."""
    from timeline.build import build_timeline
    from timeline.errors import TimelineError
    from timeline.readers import read_paths
    from timeline.render import FORMATS, render

    warnings: list[str] = []
    skipped: list = []
    try:
        articles = read_paths(paths, warn=warnings.append, skipped=skipped)
        timeline = build_timeline(articles)
        for fmt in FORMATS:
            render(timeline, fmt)
    except TimelineError as error:  # an input the tool refuses with one clear line: counted, not a crash
        return {"paths": paths, "failures": 0, "warnings": len(warnings) + 1, "refused": str(error)}
    except Exception:  # noqa: BLE001 - the point of a smoke test: count every crash
        return {"paths": paths, "failures": 1, "warnings": len(warnings), "crash": traceback.format_exc()}
    failed = [s for s in timeline.skipped if s.document is not None]  # processing failed: a caught bug
    return {
        "paths": paths,
        "failures": len(failed),
        "warnings": len(warnings) + len(timeline.warnings),
        "crash": "; ".join(f"{s.path}: {s.reason}" for s in failed) or None,
        "articles": len(timeline.documents),
        "events": len(timeline.events),
    }


def collections(eval_dir: Path, topics: int = SMALLEST_TOPICS) -> list[list[str]]:
    """Every TBAQ document on its own, then the ``topics`` smallest Entities topics, largest first."""
    documents = sorted((eval_dir / "tbaq").rglob("*.tml"))
    topic_files = sorted((eval_dir / "entities").glob("*/articles.jsonl"), key=_line_count)[:topics]
    return [[str(path)] for path in reversed(topic_files)] + [[str(path)] for path in documents]


def _one_process_per_build() -> None:
    os.environ["TIMELINE_WORKERS"] = "1"  # each build in its own worker: no pool inside a pool


def _line_count(path: Path) -> tuple[int, str]:
    with path.open("rb") as handle:
        return sum(1 for _ in handle), str(path)


def run(eval_dir: Path, topics: int = SMALLEST_TOPICS, jobs: int | None = None) -> tuple[dict, list[dict]]:
    todo = collections(eval_dir, topics)
    if not todo:
        raise SystemExit(f"smoke_build: no TBAQ documents or Entities topics under {eval_dir}")
    jobs = jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, initializer=_one_process_per_build) as pool:
        results = list(pool.map(build_one, todo))
    seconds = time.perf_counter() - started
    figures = {
        "smoke_failures": float(sum(r["failures"] for r in results)),
        "smoke_warnings": float(sum(r["warnings"] for r in results)),
        "smoke_seconds": round(seconds, 1),
        "smoke_builds": float(len(results)),
    }
    return figures, results


def gate_figures(eval_dir: Path) -> dict[str, float]:
    """Figures for the CI gate: ``smoke_failures`` (ceiling 0) and ``smoke_seconds`` (a time budget)."""
    figures, _ = run(Path(eval_dir))
    return {name: figures[name] for name in ("smoke_failures", "smoke_seconds")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path, help="the directory holding tbaq/ and entities/")
    parser.add_argument(
        "--topics", type=int, default=SMALLEST_TOPICS, help="smallest Entities topics to build"
    )
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: available cores)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args(argv)
    figures, results = run(args.eval_dir, args.topics, args.jobs)
    if args.json:
        print(json.dumps(figures))
        return 0
    for result in results:
        if result.get("crash"):
            print(f"CRASH {result['paths'][0]}:\n{result['crash']}", file=sys.stderr)
        elif result.get("refused"):
            print(f"refused {result['paths'][0]}: {result['refused']}", file=sys.stderr)
    topics = [r for r in results if r["paths"][0].endswith(".jsonl")]
    for result in topics:
        name = Path(result["paths"][0]).parent.name
        print(f"{name}: {result.get('articles')} articles, {result.get('events')} events")
    print(
        f"{len(results)} builds ({len(results) - len(topics)} TBAQ documents, {len(topics)} topics): "
        f"{figures['smoke_failures']:.0f} failures, {figures['smoke_warnings']:.0f} warnings, "
        f"{figures['smoke_seconds']} s"
    )
    return 0 if figures["smoke_failures"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

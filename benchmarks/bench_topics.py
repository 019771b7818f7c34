"""Wall time and peak memory of `timeline build --top` on the largest topics of a timeline-summarisation set.

    python benchmarks/bench_topics.py ../shared/eval/entities                # the 5 largest topics
    python benchmarks/bench_topics.py ../shared/eval/entities --topics Enron,Steve_Jobs --top 20
    python benchmarks/bench_topics.py ../shared/eval/entities --profile Sarah_Palin   # where the time goes

Each topic's ``articles.jsonl`` is built by the command line, as a user would run it
(``timeline build FILE --top N --format json -o FILE --quiet``), under ``/usr/bin/time``: wall seconds, CPU
seconds of all its processes (steadier than wall on a shared machine) and the peak resident set of the
largest process of the run (the parent or a worker), in MB.  The
budget (issue 13) is 4 s wall on 2 cores and 100 MB + 20 bytes per character of article text.

``--profile TOPIC`` runs the build in this process with one worker (``TIMELINE_WORKERS=1``) under cProfile
and prints the cumulative seconds of each pipeline stage, so that each stage's share is known (stages run in
worker processes in a normal run; their sum here is CPU time, not wall).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 4.0
BUDGET_BASE_MB, BUDGET_BYTES_PER_CHARACTER = 100.0, 20.0

# pipeline stages: (label, module path fragment, function name) as cProfile reports them
STAGES = (
    ("read files", "readers/__init__.py", "read_paths"),
    ("sentences", "timeline/sentences.py", "split_sentences"),
    ("time expressions", "temporal/__init__.py", "tag"),
    ("event mentions", "timeline/events", "extract_mentions"),
    ("undated articles", "timeline/build.py", "_date_undated"),
    ("re-sent copies", "timeline/copies.py", "find_copies"),
    ("merge", "timeline/merge", "merge_mentions"),
    ("summary (--top)", "timeline/summarise.py", "summarise"),
    ("whole build", "timeline/build.py", "build_timeline"),
)


def topic_files(dataset: Path, topics: list[str] | None, largest: int) -> list[Path]:
    if topics:
        return [dataset / name / "articles.jsonl" for name in topics]
    files = sorted(dataset.glob("*/articles.jsonl"), key=lambda p: -_count_lines(p))
    return files[:largest]


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def text_characters(path: Path) -> int:
    with path.open(encoding="utf-8") as handle:
        return sum(len(json.loads(line).get("text", "")) for line in handle if line.strip())


def measure(path: Path, top: int) -> dict:
    """One CLI build of ``path``: wall seconds and peak RSS (MB) of its largest process."""
    with tempfile.TemporaryDirectory() as scratch:
        timing = Path(scratch) / "time.txt"
        command = [
            "/usr/bin/time", "-f", "%e %M %U %S", "-o", str(timing),
            sys.executable, "-m", "timeline", "build", str(path), "--top", str(top),
            "--format", "json", "-o", str(Path(scratch) / "out.json"), "--quiet",
        ]  # fmt: skip
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if done.returncode != 0:
            raise SystemExit(f"bench_topics: {path} failed ({done.returncode}): {done.stderr[-500:]}")
        seconds, kilobytes, user, system = timing.read_text().split()[-4:]
        events = len(json.loads((Path(scratch) / "out.json").read_text())["events"])
    characters = text_characters(path)
    peak = int(kilobytes) / 1024
    budget = BUDGET_BASE_MB + BUDGET_BYTES_PER_CHARACTER * characters / 1e6
    return {
        "topic": path.parent.name,
        "articles": _count_lines(path),
        "characters": characters,
        "seconds": float(seconds) if seconds else wall,
        "cpu_seconds": round(float(user) + float(system), 1),  # all processes: stable on a busy machine
        "peak_mb": round(peak, 1),
        "budget_mb": round(budget, 1),
        "dates": events,
        "within_budget": float(seconds) <= BUDGET_SECONDS and peak <= budget,
    }


def profile(path: Path, top: int) -> list[tuple[str, float]]:
    os.environ["TIMELINE_WORKERS"] = "1"
    from timeline.build import build_timeline
    from timeline.config import BuildOptions
    from timeline.readers import read_paths

    profiler = cProfile.Profile()
    profiler.enable()
    articles = read_paths([str(path)])
    build_timeline(articles, BuildOptions(top=top))
    profiler.disable()
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    shares = []
    for label, fragment, name in STAGES:
        total = sum(
            cumulative
            for (filename, _, function), (_, _, _, cumulative, _) in stats.items()
            if function == name and fragment in filename.replace(os.sep, "/")
        )
        shares.append((label, total))
    return shares


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--topics", help="comma-separated topic names (default: the largest)")
    parser.add_argument("--largest", type=int, default=5, help="how many of the largest topics (default 5)")
    parser.add_argument("--top", type=int, default=20, help="--top N for the build (default 20)")
    parser.add_argument("--profile", metavar="TOPIC", help="profile one topic's build in-process instead")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.profile:
        shares = profile(args.dataset / args.profile / "articles.jsonl", args.top)
        for label, seconds in shares:
            print(f"{label:18} {seconds:7.2f} s")
        return 0
    topics = [t.strip() for t in args.topics.split(",")] if args.topics else None
    rows = [measure(path, args.top) for path in topic_files(args.dataset, topics, args.largest)]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print("| topic | articles | characters | wall s | CPU s | peak MB | budget MB | dates | within |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        within = "yes" if r["within_budget"] else "no"
        print(
            f"| {r['topic']} | {r['articles']} | {r['characters']:,} | {r['seconds']:.1f} | "
            f"{r['cpu_seconds']:.1f} | {r['peak_mb']:.0f} | {r['budget_mb']:.0f} | {r['dates']} | {within} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build speed and memory on the largest Entities topics (issue 13's speed target).

    python benchmarks/bench_build_topics.py ../shared/eval/entities [--topics Sarah_Palin Steve_Jobs ...]
    python benchmarks/bench_build_topics.py ../shared/eval/entities --stages [--topics ...]
    python benchmarks/bench_build_topics.py ../shared/eval/entities --stages --array 4000
    python benchmarks/bench_build_topics.py ../shared/eval/entities --top 30 [--quick]

Default mode: for each topic, ``timeline build TOPIC/articles.jsonl --format json`` runs as the CLI does
(worker pool on every core) under ``/usr/bin/time``, which reports the wall time, the CPU time of the
process and its workers, and the peak resident set of the largest process (``%M``).  The target is
<= 4 s wall and <= 100 MB + 20 bytes per character of article text.

``--stages``: each topic is built in one process (``TIMELINE_WORKERS=1``) with the CPU time of every
stage summed (sentences, time expressions, event extraction, inference of publication dates, merging,
selection): on a shared machine CPU time is the steadier figure, and it shows what the pool can share
(everything but merging and selection is per article).

``--top N`` (and ``--quick``): the CLI builds a summary of N dates instead (``timeline build ... --top N
[--quick]``); with ``--quick``, no event is extracted or merged.

``--array N``: the same for ``bench_scale.py``'s generated JSON array of N records (issue 9's 50 MB case
has 20,000): articles made of six template sentences, so nearly every sentence recurs thousands of times.

The topics are read at run time from the evaluation directory; nothing of them is stored here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

DEFAULT_TOPICS = ("Sarah_Palin", "Steve_Jobs", "David_Bowie")
TIME_FORMAT = "%e %U %S %M"  # wall s, user s, system s, peak RSS of the largest process (KB)


def characters(path: Path) -> int:
    """Characters of article text in a JSON-lines topic file (or a JSON array of records)."""
    if path.suffix == ".json":
        return sum(len(record.get("text") or "") for record in json.loads(path.read_text(encoding="utf-8")))
    total = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                total += len(json.loads(line).get("text") or "")
    return total


def measure_cli(path: Path, options: tuple[str, ...] = ()) -> dict[str, float]:
    """Wall, CPU and peak RSS of one ``timeline build`` run as a user starts it (with ``options`` added)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "time.txt"
        output = Path(tmp) / "out.json"
        # ``-S`` passed on: an older checkout is measured with ``python -S`` and PYTHONPATH to it and to
        # the virtualenv's site-packages (so the editable install does not take precedence)
        python = [sys.executable, "-S"] if sys.flags.no_site else [sys.executable]
        command = ["/usr/bin/time", "-o", str(report), "-f", TIME_FORMAT, *python, "-m", "timeline"]
        command += ["build", str(path), "--format", "json", "-o", str(output), "-q", *options]
        subprocess.run(command, check=True)
        wall, user, system, peak_kb = report.read_text().split()[-4:]
    return {"wall_s": float(wall), "cpu_s": float(user) + float(system), "peak_mb": int(peak_kb) / 1000}


def measure_stages(path: Path) -> dict[str, float]:
    """CPU seconds per stage of one build in this process (no worker pool)."""
    os.environ["TIMELINE_WORKERS"] = "1"
    from timeline import build
    from timeline.readers import read_paths

    spent: dict[str, float] = defaultdict(float)

    def timed(stage: str, function):
        def wrapper(*args, **kwargs):
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start

        return wrapper

    stages = {
        "_split": "sentences",
        "_tag": "time expressions",
        "extract_mentions": "events",
        "_date_undated": "publication dates",
        "find_copies": "copies",
        "merge_mentions": "merge",
        "select_events": "select",
    }
    originals = {name: getattr(build, name) for name in stages}
    try:
        for name, stage in stages.items():
            setattr(build, name, timed(stage, originals[name]))
        articles = read_paths([str(path)])
        start = time.process_time()
        build.build_timeline(articles)
        total = time.process_time() - start
    finally:
        for name, function in originals.items():
            setattr(build, name, function)
    # "publication dates" includes the re-reading of undated articles (also counted in their stages)
    figures = {stage: round(spent[stage], 2) for stage in stages.values()}
    figures["total"] = round(total, 2)
    return figures


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("entities", type=Path, help="the Entities directory (../shared/eval/entities)")
    parser.add_argument("--topics", nargs="+", default=list(DEFAULT_TOPICS))
    parser.add_argument("--stages", action="store_true", help="CPU seconds per stage, one process")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--array",
        type=int,
        metavar="N",
        help="instead of topics: bench_scale's generated JSON array of N records (templated sentences)",
    )
    parser.add_argument("--top", type=int, metavar="N", help="build a summary of N dates (the CLI's --top N)")
    parser.add_argument("--quick", action="store_true", help="with --top: the CLI's --quick")
    args = parser.parse_args(argv)
    if args.quick and args.top is None:
        parser.error("--quick needs --top N")
    summary = (("--top", str(args.top)) if args.top else ()) + (("--quick",) if args.quick else ())
    results = {}
    for topic in [f"{ARRAY}{args.array}"] if args.array else args.topics:
        path = topic_path(args.entities, topic)
        if args.stages:
            # a fresh interpreter per topic: caches warmed by one topic must not speed up the next
            python = [sys.executable, "-S"] if sys.flags.no_site else [sys.executable]
            command = [*python, __file__, str(args.entities), "--topics", topic, "--json", "--one"]
            results[topic] = json.loads(subprocess.run(command, check=True, capture_output=True).stdout)
        else:
            size = characters(path)
            figures = measure_cli(path, summary)
            figures["characters"] = size
            figures["memory_target_mb"] = round(100 + 20 * size / 1e6, 1)
            results[topic] = figures
        if not args.json:
            print(topic, results[topic], flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


def _one(argv: list[str]) -> int:
    """Child of ``--stages``: one topic's stage figures as JSON on standard output."""
    entities, topic = Path(argv[0]), argv[2]
    print(json.dumps(measure_stages(topic_path(entities, topic))))
    return 0


ARRAY = "array:"  # a "topic" named array:N is bench_scale's JSON array of N generated records


def topic_path(entities: Path, topic: str) -> Path:
    """A topic's JSON lines, or for ``array:N`` bench_scale's generated array (written to a temporary
    file, the same records for the same N: the generator is seeded)."""
    if not topic.startswith(ARRAY):
        return entities / topic / "articles.jsonl"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_scale import _records

    path = Path(tempfile.gettempdir()) / f"timeline-bench-{topic.replace(':', '-')}.json"
    path.write_text(json.dumps(_records(int(topic[len(ARRAY) :]))), encoding="utf-8")
    return path


if __name__ == "__main__":
    if "--one" in sys.argv:
        sys.exit(_one(sys.argv[1:]))
    sys.exit(main())

"""Scale of one input: a paragraph repeated thousands of times, a 50 MB JSON array, JSON Lines streaming.

    python benchmarks/bench_scale.py                  # all three, generated inputs in a temporary directory
    python benchmarks/bench_scale.py --only repeat    # or: array, lines
    python benchmarks/bench_scale.py --only array --phases [--no-render] [--records N]
    python benchmarks/bench_scale.py --real-from ../shared/eval/entities [--real-mb 50] [--real-out FILE]

- ``repeat``: one article holding the same dated paragraph 2,000 and 10,000 times; the build time must grow
  linearly (ratio ~5), not quadratically (~25).
- ``array``: a JSON array of ~20,000 generated records (~50 MB): reading it (``read_paths``) in a fresh
  process, time and peak memory; ``--build`` also builds the timeline of it.
- ``lines``: the same records as JSON Lines, read one line at a time: peak memory compared with the array.
- ``--real-from ENTITIES_DIR``: the same scale of real news: a JSON array of the evaluation set's articles
  (its topics in alphabetical order, records as they are) up to ``--real-mb`` MB (default 50), built as a user
  builds it (``timeline build array.json --format json -o out.json`` under ``/usr/bin/time``: wall, CPU,
  peak resident set of the largest process).  Real articles rarely repeat a sentence, so none of the
  templated array's reuse applies.
- ``--phases`` (with ``--only array``): where the build's wall time goes, phase by phase: reading the file,
  the worker pool's reading (with the main process compacting the readings as they arrive), then each
  serial step (dating undated articles, copies, merge, selection) and rendering the JSON, each with its
  wall time and the main process's CPU time, plus the workers' CPU (``RUSAGE_CHILDREN``).  On a shared
  2-core machine the CPU figures are the steadier ones; ``load`` is the load average at the start.

Each measurement runs in a child process, so its peak resident memory is its own.  Inputs are generated
(invented names and sentences); nothing is read from any corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH = (
    "Minister Rahn of Norland met the Acme board on Monday, 14 February 2022, and said talks would "
    "resume next week.\n\n"
)
SENTENCES = [
    "Minister Rahn met the Acme board in Norland on {day} February 2022.",
    "The council of Westholm approved the harbour plan on Tuesday.",
    "Officials said the talks would resume next week, after the vote on {day} March.",
    "The strike began last month and ended on Friday, the union said.",
    "Acme shares fell by {day} percent in the quarter ended in June.",
    "A spokesperson for the ministry declined to comment on Wednesday.",
]


def _child(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; its printed JSON plus its wall time and peak memory."""
    started = time.perf_counter()
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    wall = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    return {
        **json.loads(output.strip().splitlines()[-1]),
        "wall_s": round(wall, 2),
        "peak_mb_max": peak_kb // 1024,
    }


def bench_repeat(directory: Path) -> dict:
    results = {}
    for times in (2000, 10000):
        path = directory / f"repeat{times}.txt"
        path.write_text("Date: 15 February 2022\n\n" + PARAGRAPH * times, encoding="utf-8")
        code = (
            "import json, time\nfrom timeline.readers import read_paths\n"
            "from timeline.build import build_timeline\n"
            f"a = read_paths([{str(path)!r}])\nt = time.perf_counter(); tl = build_timeline(a)\n"
            "print(json.dumps({'build_s': round(time.perf_counter() - t, 2), 'events': len(tl.events)}))"
        )
        results[times] = _child(code)
    results["ratio_10000_to_2000"] = round(results[10000]["build_s"] / results[2000]["build_s"], 2)
    return results


def _records(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for number in range(count):
        text = " ".join(rng.choice(SENTENCES).format(day=rng.randint(1, 28)) for _ in range(36))
        records.append({"id": f"r{number}", "date": f"2022-02-{1 + number % 28:02}", "text": text})
    return records


def bench_files(directory: Path, count: int, build: bool) -> dict:
    records = _records(count)
    array, lines = directory / "array.json", directory / "lines.jsonl"
    array.write_text(json.dumps(records), encoding="utf-8")
    lines.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    results = {"records": count, "array_mb": round(array.stat().st_size / 1e6, 1)}
    for name, path in (("array", array), ("lines", lines)):
        code = (
            "import json, resource, time\nfrom timeline.readers import read_paths\n"
            f"t = time.perf_counter(); a = read_paths([{str(path)!r}])\nread = time.perf_counter() - t\n"
            "out = {'articles': len(a), 'read_s': round(read, 2)}\n"
        )
        if build and name == "array":
            code += (
                "from timeline.build import build_timeline\n"
                "t = time.perf_counter(); tl = build_timeline(a)\n"
                "out['build_s'] = round(time.perf_counter() - t, 1)\n"
            )
        code += "out['peak_mb'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024\n"
        code += "print(json.dumps(out))"
        results[name] = _child(code)
    return results


# build steps timed by ``--phases`` (the ones a checkout lacks are skipped, so an older one can be measured)
_SERIAL_STEPS = ("_date_undated", "find_copies", "copies_in_groups", "merge_mentions", "select_events")


def measure_phases(path: Path, render: bool = True) -> dict:
    """Wall and CPU seconds of each phase of ``read_paths`` + ``build_timeline`` + the JSON rendering of
    ``path``, in this process (see the module's docstring)."""
    from timeline import build
    from timeline.readers import read_paths
    from timeline.render import render_chunks

    phases: dict[str, list[float]] = {}
    marks = [time.perf_counter(), time.process_time()]

    def close(name: str) -> None:  # the phase from the last mark to now (added up when it recurs)
        wall, cpu = time.perf_counter(), time.process_time()
        spent = phases.setdefault(name, [0.0, 0.0])
        spent[0], spent[1] = spent[0] + wall - marks[0], spent[1] + cpu - marks[1]
        marks[:] = wall, cpu

    def timed(name: str, function):
        def wrapper(*args, **kwargs):
            # until the first serial step: the pool's reading, its readings compacted as they arrive
            close("between the steps" if name in phases or len(phases) > 1 else "reading (pool), compacting")
            try:
                return function(*args, **kwargs)
            finally:
                close(name)

        return wrapper

    load = os.getloadavg()[0]
    articles = read_paths([str(path)])
    close("read_paths")
    for name in _SERIAL_STEPS:
        if hasattr(build, name):
            setattr(build, name, timed(name, getattr(build, name)))
    timeline = build.build_timeline(articles)
    close("rest of the build")
    written = sum(len(piece) for piece in render_chunks(timeline, "json")) if render else 0
    if render:
        close("render json")
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "load": round(load, 1),
        "phases [wall s, main CPU s]": {name: [round(w, 2), round(c, 2)] for name, (w, c) in phases.items()},
        "workers_cpu_s": round(children.ru_utime + children.ru_stime, 2),
        "json_mb": round(written / 1e6, 1),
        "peak_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "peak_worker_mb": children.ru_maxrss // 1024,
    }


def bench_phases(directory: Path, count: int, render: bool) -> dict:
    path = directory / "array.json"
    path.write_text(json.dumps(_records(count)), encoding="utf-8")
    # a fresh interpreter (``-S`` passed on, so an older checkout on PYTHONPATH can be measured)
    python = [sys.executable, "-S"] if sys.flags.no_site else [sys.executable]
    command = [*python, __file__, "--phases-of", str(path), *([] if render else ["--no-render"])]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def bench_real(directory: Path, entities: Path, megabytes: float, keep: Path | None = None) -> dict:
    """Wall, CPU and peak of building a JSON array of real articles (see the module's docstring); the array
    is written to ``keep`` when given (and left there, for ``--phases-of``), else to ``directory``."""
    records: list[dict] = []
    size = 0
    for topic in sorted(p for p in entities.iterdir() if (p / "articles.jsonl").is_file()):
        with (topic / "articles.jsonl").open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip() and size < megabytes * 1e6:
                    records.append(json.loads(line))
                    size += len(line.encode("utf-8"))
    path, output, report = keep or directory / "real.json", directory / "out.json", directory / "time.txt"
    path.write_text(json.dumps(records), encoding="utf-8")
    python = [sys.executable, "-S"] if sys.flags.no_site else [sys.executable]
    command = ["/usr/bin/time", "-o", str(report), "-f", "%e %U %S %M", *python, "-m", "timeline"]
    subprocess.run([*command, "build", "-q", str(path), "--format", "json", "-o", str(output)], check=True)
    wall, user, system, peak_kb = report.read_text().split()[-4:]
    return {
        "records": len(records),
        "array_mb": round(path.stat().st_size / 1e6, 1),
        "characters": sum(len(r.get("text") or "") for r in records),
        "load": round(os.getloadavg()[0], 1),
        "wall_s": float(wall),
        "cpu_s": round(float(user) + float(system), 1),
        "peak_mb": int(peak_kb) // 1024,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("repeat", "array", "lines"), default=None)
    parser.add_argument("--records", type=int, default=20_000, help="records in the JSON array")
    parser.add_argument("--build", action="store_true", help="also build the timeline of the JSON array")
    parser.add_argument("--phases", action="store_true", help="the array's build phase by phase (wall, CPU)")
    parser.add_argument("--no-render", action="store_true", help="--phases without rendering the JSON")
    parser.add_argument("--real-from", type=Path, help="an Entities directory: a JSON array of real articles")
    parser.add_argument("--real-mb", type=float, default=50.0, help="--real-from's MB of JSON")
    parser.add_argument("--real-out", type=Path, help="--real-from's array written to this file and kept")
    # the child of ``--phases``; also any article file's phases (``--real-from``'s array written out, say)
    parser.add_argument("--phases-of", type=Path, help="the phases of building this file, in this process")
    args = parser.parse_args(argv)
    if args.phases_of:
        print(json.dumps(measure_phases(args.phases_of, not args.no_render)))
        return 0
    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        if args.real_from:
            real = bench_real(directory, args.real_from, args.real_mb, args.real_out)
            print("JSON array of real articles:", json.dumps(real))
            return 0
        if args.phases:
            print(
                "phases of the JSON array's build:",
                json.dumps(bench_phases(directory, args.records, not args.no_render), indent=1),
            )
            return 0
        if args.only in (None, "repeat"):
            print("repeated paragraph:", json.dumps(bench_repeat(directory)))
        if args.only in (None, "array", "lines"):
            print("JSON array / JSON Lines:", json.dumps(bench_files(directory, args.records, args.build)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

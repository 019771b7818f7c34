"""Whole-pipeline benchmark: read and build a timeline from a large synthetic collection.

    python benchmarks/bench_build.py [--articles 5000] [--article-kb 5] [--keep DIR] [--json]
    python benchmarks/bench_build.py --measure DIR [--json]

Step 1 writes a synthetic collection into a temporary directory (or ``--keep
DIR``): ``--articles`` plain-text files of about ``--article-kb`` thousand
characters, each made of news texts from the TBAQ corpus (read at run time
from ``--corpus``, never copied into the project) and the sample articles in
``seeds/``, with a `` date YYYY-MM-DD`` header line: the source's own creation
date shifted by a week per pass over the sources, so the collection spans many
dates.  Sources without a date stay undated, as in real crawls.

Step 2 runs the full pipeline, ``timeline.readers.read_paths`` then
``timeline.build.build_timeline``, in a fresh child process (so its peak
resident memory is the pipeline's alone) and reports wall time per stage,
peak RSS, articles and events.  ``--measure DIR`` does only step 2 on an
existing directory.  Targets (brief): 5,000 articles (~25 MB) in < 60 s and
< 2 GB on the 2-core machine.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from timeline.config import BuildOptions
from timeline.temporal.timeml import TimeMLError, read_timeml

DEFAULT_CORPUS = "/work/shared/eval/tbaq"
DEFAULT_SEEDS = Path(__file__).resolve().parents[1] / "seeds"
_SEED_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)[ \t]*", re.IGNORECASE)

Source = tuple[str, "date | None"]  # (text, publication day)


# --------------------------------------------------------------------------- corpus


def load_sources(corpus: str | Path, seeds: str | Path) -> list[Source]:
    """News texts with their publication day: TimeML documents under ``corpus``, then the seed articles."""
    sources: list[Source] = []
    for path in sorted(Path(corpus).rglob("*.tml")):
        try:
            text, dct, _ = read_timeml(path.read_bytes())
        except (OSError, TimeMLError):
            continue
        sources.append((text.strip(), _day(dct)))
    for path in sorted(Path(seeds).glob("*.txt")):
        sources.append(_seed_source(path.read_text(encoding="utf-8")))
    return sources


def _day(value: str | None) -> date | None:
    """The first day a TIMEX3 date value covers (``1998-08-07``, ``2022-02``), or None."""
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def _seed_source(text: str) -> Source:
    """A seed article without its `` date ...`` header (re-added, shifted, when writing)."""
    header = _SEED_HEADER.match(text)
    if not header:
        return text.strip(), None
    return text[header.end() :].strip(), _day(header[1])


def make_collection(sources: list[Source], directory: Path, articles: int, article_chars: int) -> int:
    """Write ``articles`` text files into ``directory``; return the characters written."""
    if not sources:
        raise SystemExit("bench_build: no source texts (check --corpus and --seeds)")
    directory.mkdir(parents=True, exist_ok=True)
    written = 0
    for number in range(articles):
        text = _article(sources, number, article_chars)
        (directory / f"article_{number:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def _article(sources: list[Source], number: int, article_chars: int) -> str:
    """Article ``number``: its own source (dated) followed by the next sources until long enough."""
    body, day = sources[number % len(sources)]
    shift = timedelta(weeks=number // len(sources))  # each pass over the sources lands a week later
    parts = [f" date {(day + shift).isoformat()}\n\n{body}" if day else body]
    size, following = len(parts[0]), number + 1
    # add sources while that brings the size closer to the target (so articles average article_chars)
    while size + len(sources[following % len(sources)][0]) // 2 < article_chars:
        extra = sources[following % len(sources)][0]
        parts.append(extra)
        size += len(extra) + 2
        following += 1
    return "\n\n".join(parts) + "\n"


# --------------------------------------------------------------------------- measuring


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(directory: str | Path) -> dict[str, object]:
    """Run read_paths + build_timeline on ``directory`` in this process; return the figures."""
    try:  # imported here: the pipeline stages may not all exist yet while the project is being built
        build_timeline = importlib.import_module("timeline.build").build_timeline
        read_paths = importlib.import_module("timeline.readers").read_paths
    except (ImportError, AttributeError) as error:
        raise SystemExit(f"bench_build: the pipeline is not available yet ({error})") from error
    started = time.perf_counter()
    articles = read_paths([str(directory)])
    read_seconds = time.perf_counter() - started
    timeline = build_timeline(articles, BuildOptions())
    total_seconds = time.perf_counter() - started
    return {
        "articles": len(articles),
        "characters": sum(len(article.text) for article in articles),
        "events": len(timeline.events),
        "expressions": sum(len(found) for found in timeline.expressions.values()),
        "gaps": len(timeline.gaps),
        "read_seconds": round(read_seconds, 2),
        "build_seconds": round(total_seconds - read_seconds, 2),
        "total_seconds": round(total_seconds, 2),
        "cpu_seconds": round(time.process_time(), 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def measure_in_child(directory: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, __file__, "--measure", str(directory), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"bench_build: the pipeline failed:\n{completed.stderr.strip()}")
    return json.loads(completed.stdout)


def format_report(report: dict) -> str:
    lines = [
        f"{report['articles']:,} articles, {report['characters']:,} characters -> "
        f"{report['events']:,} events, {report['expressions']:,} time expressions, {report['gaps']:,} gaps",
        f"  read {report['read_seconds']:.1f} s + build {report['build_seconds']:.1f} s = "
        f"{report['total_seconds']:.1f} s wall ({report['cpu_seconds']:.1f} s CPU)",
        f"  peak RSS {report['peak_rss_mb']:.0f} MB",
    ]
    if "generated_characters" in report:
        lines.insert(0, f"collection: {report['directory']} ({report['generated_characters']:,} characters)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000, help="number of articles to generate")
    parser.add_argument("--article-kb", type=float, default=5.0, help="thousands of characters per article")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS, help="directory of *.tml news texts")
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="directory of sample *.txt articles")
    parser.add_argument("--keep", metavar="DIR", help="write the collection here and keep it")
    parser.add_argument("--measure", metavar="DIR", help="only run the pipeline on an existing directory")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    arguments = parser.parse_args(argv)

    if arguments.measure:
        report = measure(arguments.measure)
    else:
        sources = load_sources(arguments.corpus, arguments.seeds)
        with tempfile.TemporaryDirectory(prefix="timeline-bench-") as scratch:
            directory = Path(arguments.keep or scratch)
            article_chars = int(arguments.article_kb * 1000)
            written = make_collection(sources, directory, arguments.articles, article_chars)
            report = {"directory": str(directory), "generated_characters": written}
            report.update(measure_in_child(directory))
    print(json.dumps(report, indent=2) if arguments.json else format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time-expression tagging throughput, single process, on news text.

    python benchmarks/bench_tagging.py [TIMEML_DIR] [--mb 5] [--dateparser-kb 50] [--json]
    python benchmarks/bench_tagging.py --articles TOPIC_DIR [--stage sentences|dates|both]

The corpus is the plain text of every ``*.tml`` under TIMEML_DIR (default: the
TBAQ development corpus, read at run time, never copied), repeated until it
holds at least ``--mb`` million characters; each document is tagged with its
own creation date as the publication date, exactly as ``timeline`` does.

Reported: characters, wall and CPU seconds, MB/s (10^6 characters per second
of wall time and per CPU second, i.e. per core), expressions per second, and
the process's peak resident memory.  One warm-up document is tagged first so
that imports and regex compilation are not timed.  ``--dateparser-kb N`` also
times ``dateparser.search.search_dates`` on the first N thousand characters,
for comparison only; ``--profile`` prints where the tagger spends its time.

``--articles TOPIC_DIR`` times instead the two stages a quick summary runs in its workers, on real news:
the sentences and the time expressions of each article of ``TOPIC_DIR/articles.jsonl`` (an Entities
topic), as ``timeline.build.read_dates`` reads them, once each, in one process, and prints each stage's
CPU seconds and a digest of what they found (equal digests: equal sentences and expressions).
``--stage`` runs one of them only (for instruction counts under ``valgrind --tool=callgrind``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.temporal.timeml import TimeMLError, read_timeml

DEFAULT_CORPUS = "/work/shared/eval/tbaq"

Document = tuple[str, "str | None"]  # (text, publication date)


def load_corpus(root: str | Path) -> list[Document]:
    """(plain text, DCT) of each readable ``*.tml`` under ``root``, sorted by path."""
    documents: list[Document] = []
    for path in sorted(Path(root).rglob("*.tml")):
        try:
            text, dct, _ = read_timeml(path.read_bytes())
        except (OSError, TimeMLError):
            continue
        documents.append((text, dct))
    return documents


def repeat_to_size(documents: list[Document], characters: int) -> list[Document]:
    """The documents in order, cycled until their texts hold at least ``characters`` characters."""
    if not documents:
        return []
    repeated: list[Document] = []
    total = 0
    while total < characters:
        for document in documents:
            repeated.append(document)
            total += len(document[0])
            if total >= characters:
                break
    return repeated


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def time_tagger(documents: list[Document], tagger: Callable[..., Sequence[object]]) -> dict[str, float]:
    characters = sum(len(text) for text, _ in documents)
    expressions = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for text, published in documents:
        expressions += len(tagger(text, published=published))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "documents": len(documents),
        "characters": characters,
        "expressions": expressions,
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "mb_per_second": round(characters / wall / 1e6, 3) if wall else 0.0,
        "mb_per_cpu_second": round(characters / cpu / 1e6, 3) if cpu else 0.0,
        "expressions_per_second": round(expressions / wall) if wall else 0,
    }


def time_dateparser(documents: list[Document], kilochars: int) -> dict[str, float]:
    """dateparser's search_dates over about ``kilochars`` thousand characters (whole documents)."""
    from datetime import datetime

    from dateparser.search import search_dates

    sample = repeat_to_size(documents, kilochars * 1000)
    found = 0
    characters = sum(len(text) for text, _ in sample)
    started = time.perf_counter()
    for text, published in sample:
        settings = {"RELATIVE_BASE": datetime.fromisoformat(published[:10])} if published else {}
        found += len(search_dates(text, languages=["en"], settings=settings) or [])
    seconds = time.perf_counter() - started
    return {
        "characters": characters,
        "expressions": found,
        "wall_seconds": round(seconds, 3),
        "kb_per_second": round(characters / seconds / 1e3, 1) if seconds else 0.0,
    }


def profile(documents: list[Document], tagger: Callable[..., Sequence[object]], top: int = 20) -> str:
    """cProfile of one pass over ``documents``: the ``top`` functions by own time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(time_tagger, documents, tagger)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


def load_tagger() -> Callable[..., Sequence[object]]:
    try:
        from timeline.temporal import tag
    except ImportError as error:
        raise SystemExit(f"bench_tagging: timeline.temporal.tag is not available yet: {error}") from error
    return tag


def time_stages(topic_dir: str, stage: str) -> dict[str, object]:
    """CPU seconds of the sentence and time-expression stages over one topic's articles (``--articles``),
    and a digest of their results."""
    import hashlib

    from timeline.build import _split, _tag
    from timeline.readers import read_paths

    articles = read_paths([str(Path(topic_dir) / "articles.jsonl")])
    if articles:  # warm-up: imports, compiled patterns
        _split(articles[0]), _tag(articles[0].text, articles[0].published.value, articles[0].body)
    digest = hashlib.sha256()
    seconds = {"sentences": 0.0, "dates": 0.0}
    for article in articles:
        if stage in ("sentences", "both"):
            started = time.process_time()
            found = _split(article)
            seconds["sentences"] += time.process_time() - started
            digest.update(
                repr([(s.start, s.end, s.paragraph, s.line, s.boilerplate) for s in found]).encode()
            )
        if stage in ("dates", "both"):
            started = time.process_time()
            expressions = _tag(article.text, article.published.value, article.body)
            seconds["dates"] += time.process_time() - started
            digest.update(repr(expressions).encode())
    characters = sum(len(article.text) for article in articles)
    rounded = {name: round(value, 3) for name, value in seconds.items()}
    return {
        "articles": len(articles),
        "characters": characters,
        "cpu_seconds": rounded,
        "digest": digest.hexdigest(),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS, help="directory of *.tml files")
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in millions of characters")
    parser.add_argument("--dateparser-kb", type=int, default=0, help="also time dateparser on N kchars")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--profile", action="store_true", help="profile one pass over the corpus instead")
    parser.add_argument(
        "--articles", metavar="TOPIC_DIR", help="time the sentence and date stages on a topic"
    )
    parser.add_argument("--stage", choices=("sentences", "dates", "both"), default="both")
    arguments = parser.parse_args(argv)
    if arguments.articles:
        print(json.dumps(time_stages(arguments.articles, arguments.stage), indent=2))
        return 0

    documents = load_corpus(arguments.corpus)
    if not documents:
        print(f"bench_tagging: no readable *.tml under {arguments.corpus}", file=sys.stderr)
        return 2
    tagger = load_tagger()
    tagger(documents[0][0], published=documents[0][1])  # warm-up: imports, compiled patterns
    if arguments.profile:
        print(profile(documents, tagger))
        return 0
    rss_before = peak_rss_mb()
    corpus = repeat_to_size(documents, int(arguments.mb * 1e6))
    report: dict[str, object] = {"tagger": time_tagger(corpus, tagger)}
    report["peak_rss_mb"] = round(peak_rss_mb(), 1)
    report["peak_rss_mb_before_tagging"] = round(rss_before, 1)
    if arguments.dateparser_kb:
        report["dateparser_search_dates"] = time_dateparser(documents, arguments.dateparser_kb)
    print(json.dumps(report, indent=2) if arguments.json else format_report(report))
    return 0


def format_report(report: dict) -> str:
    tagged = report["tagger"]
    lines = [
        f"timeline.temporal.tag: {tagged['documents']:,} documents, {tagged['characters']:,} characters, "
        f"{tagged['expressions']:,} expressions",
        f"  {tagged['wall_seconds']:.2f} s wall, {tagged['cpu_seconds']:.2f} s CPU",
        f"  {tagged['mb_per_second']:.3f} MB/s wall, {tagged['mb_per_cpu_second']:.3f} MB/s per core "
        f"(CPU time), {tagged['expressions_per_second']:,} expressions/s",
        f"  peak RSS {report['peak_rss_mb']:.0f} MB "
        f"(before tagging: {report['peak_rss_mb_before_tagging']:.0f} MB)",
    ]
    if "dateparser_search_dates" in report:
        other = report["dateparser_search_dates"]
        lines.append(
            f"dateparser search_dates: {other['characters']:,} characters in {other['wall_seconds']:.2f} s, "
            f"{other['kb_per_second']:.0f} KB/s, {other['expressions']:,} dates"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

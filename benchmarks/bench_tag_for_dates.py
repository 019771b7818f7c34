"""Speed sanity check: tagging one text for many publication dates, recognising it once.

    python benchmarks/bench_tag_for_dates.py [TIMEML_DIR] [--dates 40] [--limit N] [--check]

Publication-date inference tags an undated article once per candidate day.  For each document of
the corpus (default: the TBAQ development corpus, read at run time, never copied) this times
``[tag(text, d) for d in days]`` against ``tag_for_dates(text, days)``, where ``days`` are ``--dates``
consecutive days ending on the document's creation date, and prints both wall times and the ratio.
``--check`` also asserts that both give identical expressions (slower: it runs both twice).
A script, not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Sequence
from datetime import date, timedelta

from bench_tagging import DEFAULT_CORPUS, Document, load_corpus  # same corpus and loading (script directory)

from timeline.temporal import tag, tag_for_dates


def candidate_days(published: str | None, count: int) -> list[str | None]:
    """``count`` consecutive ISO days ending on ``published`` (its first ten characters)."""
    try:
        last = date.fromisoformat((published or "")[:10])
    except ValueError:
        last = date(2000, 1, 1)
    return [(last - timedelta(days=back)).isoformat() for back in range(count - 1, -1, -1)]


def time_both(documents: list[Document], count: int) -> dict[str, float]:
    plans = [(text, candidate_days(published, count)) for text, published in documents]
    start = time.perf_counter()
    for text, days in plans:
        for day in days:
            tag(text, day)
    separate = time.perf_counter() - start
    start = time.perf_counter()
    for text, days in plans:
        tag_for_dates(text, days)
    once = time.perf_counter() - start
    return {"separate_seconds": separate, "once_seconds": once, "speedup": separate / once}


def check_identical(documents: list[Document], count: int) -> int:
    """Number of (document, day) pairs where the two ways disagree (should be 0)."""
    wrong = 0
    for text, published in documents:
        days = candidate_days(published, count)
        wrong += sum(tag(text, day) != got for day, got in zip(days, tag_for_dates(text, days), strict=True))
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    parser.add_argument("--dates", type=int, default=40, help="candidate publication days per document")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    parser.add_argument("--check", action="store_true", help="also check that results are identical")
    arguments = parser.parse_args(argv)
    documents = load_corpus(arguments.corpus)
    if arguments.limit:
        documents = documents[: arguments.limit]
    if not documents:
        print(f"no TimeML documents under {arguments.corpus}")
        return 1
    tag(*documents[0])  # warm-up: imports and regex compilation are not timed
    characters = sum(len(text) for text, _ in documents)
    print(f"{len(documents)} documents, {characters:,} characters, {arguments.dates} dates each")
    result = time_both(documents, arguments.dates)
    print(f"{arguments.dates} x tag():       {result['separate_seconds']:.2f} s")
    print(f"tag_for_dates():   {result['once_seconds']:.2f} s")
    print(f"speed-up:          {result['speedup']:.1f}x")
    if arguments.check:
        wrong = check_identical(documents, arguments.dates)
        print(f"identical results: {'yes' if wrong == 0 else f'NO ({wrong} differ)'}")
        return 1 if wrong else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

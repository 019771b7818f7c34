"""CPU of the events stage alone (``extract_mentions``), on sentences and time expressions prepared first.

    python benchmarks/bench_events.py ../shared/eval/entities --topic Sarah_Palin [--limit N] [--digest]
    python benchmarks/bench_events.py ../shared/eval/entities --array 4000 [--limit N] [--digest]
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/bench_events.py ../shared/eval/entities --topic Sarah_Palin --limit 100 [--skip]

The articles are split and tagged first (not timed), then every article's mentions are extracted in turn
in this process with the cycle collector off (as the build's workers run it) and the CPU seconds of that
loop printed.  ``--digest`` adds a digest of every mention's fields (``trigger_context`` too), for checking
that a speed change leaves the mentions unchanged (run it with ``PYTHONHASHSEED=0``: a frozen set's order
follows the hash seed).  The machine this project runs on is shared and loaded, so process CPU varies by
5-10% between runs; under ``valgrind --tool=callgrind`` the instruction count is the same from run to run:
run it with ``--skip`` (everything but the extraction) and without, and subtract.

The evaluation data are read at run time from the directory given; none is stored.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build_topics import ARRAY, topic_path  # noqa: E402


def prepared(entities: Path, topic: str, limit: int | None) -> list[tuple]:
    """(article, sentences, time expressions) of each article of ``topic``, as the build makes them."""
    from timeline.build import _split, _tag
    from timeline.readers import read_paths

    articles = read_paths([str(topic_path(entities, topic))])[:limit]
    return [(a, _split(a), _tag(a.text, a.published.value, a.body)) for a in articles]


def digest(readings: list[list]) -> str:
    """A digest of every mention's fields, ``trigger_context`` (left out of ``repr``) included."""
    text = repr(
        [
            [(m, m.trigger_context and (*m.trigger_context[:2], sorted(m.trigger_context[2]))) for m in found]
            for found in readings
        ]
    )
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("entities", type=Path, help="the Entities directory (../shared/eval/entities)")
    parser.add_argument("--topic", default="Sarah_Palin")
    parser.add_argument("--array", type=int, metavar="N", help="bench_scale's generated array of N records")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--digest", action="store_true", help="print a digest of the mentions")
    parser.add_argument("--skip", action="store_true", help="prepare only (the baseline of a callgrind run)")
    args = parser.parse_args(argv)
    topic = f"{ARRAY}{args.array}" if args.array else args.topic
    data = prepared(args.entities, topic, args.limit)
    from timeline.events import extract_mentions

    gc.disable()
    start = time.process_time()
    readings = [] if args.skip else [extract_mentions(a, s, e) for a, s, e in data]
    spent = time.process_time() - start
    print(f"{topic}: {len(data)} articles, events {spent:.3f} s CPU", end="")
    print(f", digest {digest(readings)}" if args.digest else "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

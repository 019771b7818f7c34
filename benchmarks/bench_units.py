"""Recognition unit by unit (``timeline/temporal/units.py``) against one scan of the whole text.

    python benchmarks/bench_units.py ../shared/eval [--repeat 3000]

Every document of the Entities topics (``entities/*/articles.jsonl``) and of TimeML (``tbaq``) is recognised
both ways, the first ``--repeat`` documents a second time (so that units seen before are reused from the
tables): the candidates (span, family, priority, every group's span and text) must be equal.  Prints the
documents that differ (none expected), the CPU time of each way and how many units were kept.  The
evaluation data are read at run time; nothing of them is stored.
"""

from __future__ import annotations

import argparse
import glob
import time
from pathlib import Path

from timeline.readers import read_paths
from timeline.temporal import units
from timeline.temporal.prepared import _clean_regions
from timeline.temporal.recognise import Candidate, find_candidates, select_non_overlapping


def _signature(candidate: Candidate) -> tuple:
    m = candidate.match
    groups = tuple(
        (name, candidate.start_of(name), candidate.end_of(name), m.group(name))
        for name in m.re.groupindex
        if m.start(name) >= 0
    )
    return (candidate.start, candidate.end, candidate.family, candidate.priority, groups)


def documents(eval_dir: Path) -> list[tuple[str, list[tuple[int, int]], str]]:
    paths = sorted(glob.glob(str(eval_dir / "entities" / "*" / "articles.jsonl"))) + [str(eval_dir / "tbaq")]
    found = []
    for path in paths:
        for article in read_paths([path]):
            found.append((article.text, _clean_regions(article.body, len(article.text)), path))
    return found


def compare(docs: list[tuple[str, list[tuple[int, int]], str]]) -> dict[str, float]:
    units.forget_recognised_units()
    whole_s = by_units_s = 0.0
    differing = 0
    for text, regions, path in docs:
        start = time.process_time()
        whole = [_signature(c) for c in select_non_overlapping(find_candidates(text, regions))]
        middle = time.process_time()
        by_units = [_signature(c) for c in units.recognise(text, regions)]
        by_units_s += time.process_time() - middle
        whole_s += middle - start
        if whole != by_units:
            differing += 1
            print(f"differs: {path}, {len(text)} characters")
    return {
        "documents": len(docs),
        "differing": differing,
        "whole_text_cpu_s": round(whole_s, 2),
        "by_units_cpu_s": round(by_units_s, 2),
        "units_kept": len(units._units),
        "in_context_kept": len(units._in_context),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("eval_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=3000, help="documents recognised a second time")
    args = parser.parse_args(argv)
    docs = documents(args.eval_dir)
    figures = compare(docs + docs[: args.repeat])
    print(figures)
    return 1 if figures["differing"] else 0


if __name__ == "__main__":
    raise SystemExit(main())

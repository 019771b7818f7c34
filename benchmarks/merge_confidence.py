"""How often a cross-article join is right, by its confidence (``JoinReason.confidence``), on AQUAINT.

    python benchmarks/merge_confidence.py [EVAL_DIR]     # EVAL_DIR defaults to ../shared/eval

A join is judged when both its sentence and the sentence it matched are in the gold
(``benchmarks/data/aquaint_merge_gold.json``): right when the gold puts them in one happening.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from timeline.build import build_timeline
from timeline.readers import read_paths

GOLD = Path(__file__).parent / "data" / "aquaint_merge_gold.json"
BINS = 5


def main() -> None:
    eval_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for story in gold["stories"]:
        happening = {(d, s): h["id"] for h in story["happenings"] for d, s in h["sentences"]}
        paths = [str(eval_dir / "tbaq" / "AQUAINT" / f"{doc}.tml") for doc in story["documents"]]
        for event in build_timeline(read_paths(paths)).events:
            for reason in event.reasons:
                one, other = (reason.document, reason.start), (reason.matched_document, reason.matched_start)
                if (
                    reason.document == reason.matched_document
                    or one not in happening
                    or other not in happening
                ):
                    continue
                counts[min(int(reason.confidence * BINS), BINS - 1)][0] += happening[one] == happening[other]
                counts[min(int(reason.confidence * BINS), BINS - 1)][1] += 1
    for k in sorted(counts):
        right, total = counts[k]
        print(
            f"confidence {k / BINS:.1f}-{(k + 1) / BINS:.1f}: {right} of {total} cross-article joins right "
            f"({right / total:.2f})"
        )


if __name__ == "__main__":
    main()

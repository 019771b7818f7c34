"""Year-less dates the narrative anchor placed in a story, on the Entities news articles, for reading.

    python benchmarks/story_placements.py ../shared/eval/entities                    # counts
    python benchmarks/story_placements.py ../shared/eval/entities --sample 30 --seed 5

There is no gold for these articles: this counts the expressions placed from the story the text tells
(rules ``*.narrative``, ``*.story_coarser``, ``*.year_phrase``, ``story_period.*``) and, with ``--sample N``,
prints N random ones placed more than a year before publication (where the publication year would have
been used before) with their context, to be judged by hand.  The printout quotes the corpus: keep it out
of the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from timeline.temporal import tag

STORY_SUFFIXES = (".narrative", ".story_coarser", ".year_phrase")


def is_story_placed(rule: str) -> bool:
    return rule.endswith(STORY_SUFFIXES) or rule.startswith("story_period")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("entities", type=Path, help="directory of topics, each with articles.jsonl")
    parser.add_argument("--sample", type=int, default=0, help="print N placements a year or more back")
    parser.add_argument("--seed", type=int, default=5)
    arguments = parser.parse_args(argv)
    placed = 0
    far: list[str] = []
    for path in sorted(arguments.entities.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            published_year = int(article["time"][:4])
            for e in tag(article["text"], article["time"]):
                if not is_story_placed(e.rule):
                    continue
                placed += 1
                if e.value and e.value[:4].isdigit() and int(e.value[:4]) < published_year - 1:
                    context = article["text"][max(0, e.start - 250) : e.end + 40].replace("\n", " ")
                    head = f"{article['id']} published {article['time']}: {e.text!r} -> {e.value}"
                    far.append(f"{head} ({e.rule}, on {e.anchor_text!r})\n  {context}")
    print(f"{placed} expressions placed in a story, {len(far)} of them more than a year before publication")
    for entry in random.Random(arguments.seed).sample(far, min(arguments.sample, len(far))):
        print(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())

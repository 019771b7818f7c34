"""How often one article gives the same day name two different days, on the Entities news articles.

    python benchmarks/weekday_consistency.py ../shared/eval/entities            # counts
    python benchmarks/weekday_consistency.py ../shared/eval/entities --sample 30 # + decisions to read

There is no gold for weekdays here: this counts articles where a bare day name ("Tuesday", not "last
Tuesday") resolves to two days, and ``--sample N`` prints N random occurrences whose reading the article
decided (rule ``weekday.*.article``), with context, to be judged by hand.  The printout quotes the corpus:
keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

from timeline.temporal import tag
from timeline.temporal.lexicon import WEEKDAYS

BARE_RULES = ("weekday.past", "weekday.future", "weekday.same_day")


def day_name(text: str) -> str:
    return next(name for name in WEEKDAYS if name in text.lower())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("entities", type=Path, help="directory of topics, each with articles.jsonl")
    parser.add_argument("--sample", type=int, default=0, help="print N article-decided readings")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args(argv)
    articles = conflicts = 0
    decided: list[str] = []
    for path in sorted(arguments.entities.glob("*/articles.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            articles += 1
            days: dict[str, set[str]] = defaultdict(set)
            for e in tag(article["text"], article["time"]):
                if e.rule.startswith(BARE_RULES) and e.value:
                    days[day_name(e.text)].add(e.value[:10])
                if e.rule.endswith(".article"):
                    context = article["text"][max(0, e.start - 120) : e.end + 60].replace("\n", " ")
                    decided.append(
                        f"{article['id']} published {article['time']}: {e.value} ({e.rule})\n  {context}"
                    )
            conflicts += any(len(values) > 1 for values in days.values())
    print(
        f"{articles} articles, {conflicts} with one day name read as two days,"
        f" {len(decided)} readings decided by the article"
    )
    for line in random.Random(arguments.seed).sample(decided, min(arguments.sample, len(decided))):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

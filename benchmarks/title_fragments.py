"""Titles that say too little: how many events a real collection gives an empty or fragment title.

    python benchmarks/title_fragments.py ../shared/eval/entities
    python benchmarks/title_fragments.py ../shared/eval/entities --topics Enron,Steve_Jobs --show 20

A *fragment* is a title of at most 3 words for an event whose first sentence has 8 words or more
("Analysts believe", "The magistrate ruled", "We loved"): who thought or said something, not what. An
*empty* title is a defect whatever its sentence, and so is a *split "'s"*: a lone "s" left where a date
written apart from its possessive ("Friday 's election", tokenised text) was taken out. Each topic's busiest
month (the month with most articles, its first ``--articles`` of them) is built as a user builds a folder
(``build_timeline``, default options), so the figures are the tool's output on real news, not on hand-made
sentences. Nothing is stored: the articles are read at run time from the dataset directory (laid out like
``shared/eval/entities``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from timeline.build import build_timeline
from timeline.config import BuildOptions
from timeline.readers.jsonfile import read_jsonl

DEFAULT_TOPICS = ("Enron", "Hassan_Rouhani", "Julian_Assange", "Oscar_Pistorius", "Steve_Jobs")
FRAGMENT_WORDS, SENTENCE_WORDS = 3, 8
_SPLIT_S = re.compile(r"(?:^|\s)[sS]\s")


@dataclass
class Count:
    events: int = 0
    empty: int = 0
    fragments: int = 0
    split_s: int = 0
    examples: list[tuple[str, str]] = field(default_factory=list)


def busiest_month(rows: list[dict], limit: int) -> list[dict]:
    """The articles of the month most of ``rows`` were published in (its first ``limit``, in file order)."""
    months = Counter(str(r.get("time", ""))[:7] for r in rows)
    month = months.most_common(1)[0][0]
    return [r for r in rows if str(r.get("time", ""))[:7] == month][:limit]


def count_titles(rows: list[dict], path: str) -> Count:
    text = "".join(json.dumps(row) + "\n" for row in rows)
    articles = read_jsonl(text, path, Path(path).stem, lambda warning: None)
    count = Count()
    for event in build_timeline(articles, BuildOptions()).events:
        count.events += 1
        sentence = event.mentions[0].sentence.text if event.mentions else ""
        if not event.title.strip():
            count.empty += 1
            count.examples.append(("(empty)", sentence))
        elif len(event.title.split()) <= FRAGMENT_WORDS and len(sentence.split()) >= SENTENCE_WORDS:
            count.fragments += 1
            count.examples.append((event.title, sentence))
        if _SPLIT_S.search(event.title):
            count.split_s += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", type=Path, help="a directory of topics, each with articles.jsonl")
    parser.add_argument("--topics", default=",".join(DEFAULT_TOPICS), help="comma-separated topic names")
    parser.add_argument("--articles", type=int, default=80, help="articles per topic (its busiest month)")
    parser.add_argument("--show", type=int, default=0, help="list N fragment or empty titles with sentences")
    args = parser.parse_args(argv)
    total = Count()
    print("| topic | events | empty titles | fragment titles | split 's' |")
    print("|---|---|---|---|---|")
    for topic in args.topics.split(","):
        path = args.dataset / topic / "articles.jsonl"
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        count = count_titles(busiest_month(rows, args.articles), str(path))
        print(f"| {topic} | {count.events} | {count.empty} | {count.fragments} | {count.split_s} |")
        total.events += count.events
        total.empty += count.empty
        total.fragments += count.fragments
        total.split_s += count.split_s
        total.examples.extend(count.examples)
    share = total.fragments / total.events if total.events else 0.0
    print(f"| **all** | {total.events} | {total.empty} | {total.fragments} ({share:.1%}) | {total.split_s} |")
    for title, sentence in total.examples[: args.show]:
        print(f"{title!r} <= {sentence[:140]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How well one worker reuses the readings of sentences it has seen: CPU and the kept-reading tables.

    python benchmarks/bench_reuse.py [--records 20000] [--share 0.5]
    python benchmarks/bench_reuse.py --topic ../shared/eval/entities/Sarah_Palin/articles.jsonl

Reads (``build.read_article``: sentences, time expressions, event mentions) the first ``--share`` of
``bench_scale``'s generated JSON array in the build's order, in this process with the cycle collector off,
as one of the build's two workers reads its half of issue 9's 50 MB array; or every article of a topic.
Prints the CPU seconds of the reading and, for each table of sentences read once, how many entries it
holds at the end against its limit, and how many dated sentences were read afresh (``_dated_mentions``
calls) against all the dated sentences asked for (``_dated_mentions_once`` calls).  A table at its limit
with many more fresh readings than entries is letting readings go before their next copy (issue 9).

To measure another checkout: ``python -S`` with PYTHONPATH set to it and to the virtualenv's site-packages.
Inputs are generated (invented sentences) or read at run time from the directory given; none is stored.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import _records  # noqa: E402


def _articles(args: argparse.Namespace, directory: Path) -> list:
    from timeline.build import _text_digest
    from timeline.readers import read_paths

    if args.topic:
        path = Path(args.topic)
    else:
        path = directory / "array.json"
        path.write_text(json.dumps(_records(args.records)), encoding="utf-8")
    articles = sorted(read_paths([str(path)]), key=lambda a: (_text_digest(a.text), a.id))
    return articles if args.topic else articles[: int(len(articles) * args.share)]


def measure(articles: list) -> dict:
    from timeline.build import read_article
    from timeline.events import analysis, extract
    from timeline.temporal import units

    asked = {"dated sentences": 0, "read afresh": 0}
    once, fresh = extract._dated_mentions_once, extract._dated_mentions

    def counted_once(*args, **kwargs):
        asked["dated sentences"] += 1
        return once(*args, **kwargs)

    def counted_fresh(*args, **kwargs):
        asked["read afresh"] += 1
        return fresh(*args, **kwargs)

    extract._dated_mentions_once, extract._dated_mentions = counted_once, counted_fresh
    gc.disable()
    start = time.process_time()
    for article in articles:
        read_article(article)
    spent = time.process_time() - start
    tables = {
        "dated readings": (len(extract._dated_readings), extract.DATED_READINGS),
        "main verbs": (len(extract._main_verbs), extract.DATED_READINGS),
        "undated readings": (len(extract._undated_readings), extract.DATED_READINGS),
        "text readings": (len(analysis._text_readings), analysis.TEXT_READINGS),
        "units": (len(units._units), units.UNITS_KEPT),
        "units in context": (len(units._in_context), units.IN_CONTEXT_KEPT),
    }
    return {
        "articles": len(articles),
        "reading_cpu_s": round(spent, 2),
        **asked,
        "tables [entries, limit]": tables,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20_000, help="records in the generated array")
    parser.add_argument("--share", type=float, default=0.5, help="the share of them one worker reads")
    parser.add_argument("--topic", help="a topic's articles.jsonl instead of the generated array")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temp:
        articles = _articles(args, Path(temp))
    print(json.dumps(measure(articles)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

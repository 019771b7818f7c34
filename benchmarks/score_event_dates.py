"""Score how well the timeline dates the events of real news, on TBAQ (TimeBank + AQUAINT).

    python benchmarks/score_event_dates.py ../shared/eval/tbaq [--limit N] [--json] [--errors FILE]

**Gold.** Each EVENT (through its MAKEINSTANCE ``eiid`` -> ``eventID``) that a TLINK places inside a
day-level TIMEX3 of the document, the creation time ``t0`` included: event -> time links with
``IS_INCLUDED``, ``DURING``, ``SIMULTANEOUS`` or ``IDENTITY``, and the same relations written time -> event
(``INCLUDES``, ``DURING_INV``, ``SIMULTANEOUS``, ``IDENTITY``).  A clock-time value counts as its day.
Each gold pair is (event, day); an event linked to two days gives two pairs.

**System.** Each document is read with the project's TimeML reader and built on its own
(``build_timeline([article])``), so merging across documents cannot change the figures.  An event's
sentences are those of its mentions; its date counts when it is day-level (a clock time is its day).

* **recall**: gold (event, day) pairs for which some output event dated that day has a mention in the
  sentence holding the gold event;
* **precision**, per output event: of the events with a day-level date whose sentences hold at least one
  gold event, those whose date is one of those sentences' gold days.

The baseline dates every sentence by its document's creation (publication) date: one event per
sentence.  Figures per sub-corpus (the first directory below the root) and overall.

``gate_figures(eval_dir)`` gives the overall recall and precision for the CI accuracy gate.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

EVENT_TO_TIME = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"})
TIME_TO_EVENT = frozenset({"INCLUDES", "DURING_INV", "SIMULTANEOUS", "IDENTITY"})
_DAY = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T.*)?$")


@dataclass
class Counts:
    gold: int = 0  # gold (event, day) pairs
    found: int = 0  # of them, recalled
    judged: int = 0  # output events with a day-level date over a gold sentence
    right: int = 0  # of them, dated with one of their sentences' gold days
    gold_sentences: int = 0
    base_found: int = 0  # the publication-date baseline
    base_judged: int = 0
    base_right: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    @property
    def recall(self) -> float:
        return self._ratio(self.found, self.gold)

    @property
    def precision(self) -> float:
        return self._ratio(self.right, self.judged)

    @property
    def base_recall(self) -> float:
        return self._ratio(self.base_found, self.gold)

    @property
    def base_precision(self) -> float:
        return self._ratio(self.base_right, self.base_judged)


@dataclass
class DocumentResult:
    corpus: str
    doc_id: str
    counts: Counts
    errors: list[str] = field(default_factory=list)  # tab-separated rows for --errors
    # per dating rule: [gold pairs found, events judged, events right] (``--rules``)
    rules: dict[str, list[int]] = field(default_factory=dict)
    misses: Counter = field(default_factory=Counter)  # missed pairs by kind (``--misses``)


# ---------------------------------------------------------------- gold


def day_of(value: str | None) -> str | None:
    """The day a TIMEX3 value names (``1998-08-07``, ``1998-08-07T10:00``), else None."""
    match = _DAY.match(value or "")
    return match.group(1) if match else None


def event_spans(text_element: ET.Element) -> dict[str, tuple[int, int]]:
    """Each EVENT's ``eid`` -> its (start, end) in the plain text of ``<TEXT>``."""
    spans: dict[str, tuple[int, int]] = {}

    def walk(element: ET.Element, offset: int) -> int:
        start = offset
        offset += len(element.text or "")
        for child in element:
            offset = walk(child, offset)
            offset += len(child.tail or "")
        if element.tag == "EVENT" and element.get("eid"):
            spans[element.get("eid", "")] = (start, offset)
        return offset

    walk(text_element, 0)
    return spans


def gold_pairs(root: ET.Element) -> set[tuple[str, str]]:
    """The document's gold (eid, day) pairs."""
    days = {t.get("tid", ""): d for t in root.iter("TIMEX3") if (d := day_of(t.get("value")))}
    instance = {m.get("eiid", ""): m.get("eventID", "") for m in root.iter("MAKEINSTANCE")}
    pairs: set[tuple[str, str]] = set()
    for link in root.iter("TLINK"):
        relation = link.get("relType", "")
        event, time = link.get("eventInstanceID"), link.get("relatedToTime")
        if event and time and relation in EVENT_TO_TIME and time in days and event in instance:
            pairs.add((instance[event], days[time]))
        time, event = link.get("timeID"), link.get("relatedToEventInstance")
        if event and time and relation in TIME_TO_EVENT and time in days and event in instance:
            pairs.add((instance[event], days[time]))
    return pairs


# ---------------------------------------------------------------- one document


def score_document(path: Path, root_dir: Path) -> DocumentResult:
    from timeline.build import build_timeline
    from timeline.readers import read_article

    relative = path.relative_to(root_dir)
    corpus = relative.parts[0] if len(relative.parts) > 1 else "."
    root = ET.fromstring(re.sub(rb"^\s*<\?xml[^>]*\?>", b"", path.read_bytes(), count=1))
    text_element = root.find(".//TEXT")
    assert text_element is not None, path
    spans = event_spans(text_element)
    (article,) = read_article(path)
    timeline = build_timeline([article])
    sentences = _sentences(article)
    sentence_of = {eid: _sentence_index(sentences, start) for eid, (start, _) in spans.items()}

    gold = sorted(gold_pairs(root))
    days_by_sentence: dict[int, set[str]] = {}
    for eid, day in gold:
        days_by_sentence.setdefault(sentence_of[eid], set()).add(day)

    covered: set[tuple[int, str]] = set()  # (sentence, day) an output event dates
    told: dict[int, set[str]] = {}  # sentence -> how our events covering it are dated (for --errors)
    ruled: dict[int, set[str]] = {}  # sentence -> "date=rule" of our events covering it (for --errors)
    rules: dict[str, list[int]] = {}
    finders: dict[tuple[int, str], str] = {}  # (sentence, day) -> the rule of the first event finding it
    counts = Counts(gold=len(gold), gold_sentences=len(days_by_sentence))
    errors: list[str] = []
    misses: Counter = Counter()
    doc_id = f"{corpus}/{path.stem}"
    for event in timeline.events:
        day = _event_day(event)
        indices = {_sentence_index(sentences, m.sentence.start) for m in event.mentions}
        shown = day or (event.date.value if event.date else "undated")
        for index in indices:
            told.setdefault(index, set()).add(shown)
            ruled.setdefault(index, set()).add(f"{shown}={_rule(event)}")
        if day is None:
            continue
        covered |= {(i, day) for i in indices}
        gold_days = set().union(*(days_by_sentence.get(i, set()) for i in indices))
        rule = _rule(event)
        if gold_days:
            counts.judged += 1
            counts.right += day in gold_days
            tally = rules.setdefault(rule, [0, 0, 0])
            tally[1] += 1
            tally[2] += day in gold_days
            for index in indices:
                for gold_day in days_by_sentence.get(index, ()):
                    if gold_day == day:
                        finders.setdefault((index, day), rule)
            if day not in gold_days:
                errors.append(f"FP\t{doc_id}\t{day}\t{'/'.join(sorted(gold_days))}\t{rule}\t{event.title}")
    for eid, day in gold:
        index = sentence_of[eid]
        if (index, day) in covered:
            counts.found += 1
            rules.setdefault(finders.get((index, day), "?"), [0, 0, 0])[0] += 1
        else:
            start, end = spans[eid]
            word = article.text[start:end]
            ours = "/".join(sorted(told.get(index, {"-"})))
            kind = _miss_kind(told.get(index, set()), day, day_of(article.published.value))
            misses[kind] += 1
            rules_there = " ".join(sorted(ruled.get(index, ()))) or "-"
            errors.append(
                f"FN\t{doc_id}\t{ours}\t{day}\t{word}\t{_clean(sentences[index][2])}\t{kind}\t{rules_there}"
            )
    published = day_of(article.published.value)
    if published:
        counts.base_found = sum(day == published for _, day in gold)
        counts.base_judged = len(days_by_sentence)
        counts.base_right = sum(published in days for days in days_by_sentence.values())
    return DocumentResult(corpus, doc_id, counts, errors, rules, misses)


MISS_KINDS = {
    "no-event": "no output event has a mention in the gold event's sentence",
    "undated": "the sentence's events are all undated or coarser than a day",
    "publication-day-not-day-before": "dated by the publication day, gold is the day before",
    "gold-publication-day": "gold is the publication day, the sentence's events are dated otherwise",
    "other-day": "gold is another day, the sentence's events are dated otherwise",
}


def _miss_kind(ours: set[str], gold: str, published: str | None) -> str:
    """Why a gold pair was missed, from how our events covering its sentence are dated."""
    days = {value for value in ours if day_of(value) == value}
    if not ours:
        return "no-event"
    if not days:
        return "undated"
    if (
        published
        and published in days
        and gold == (date.fromisoformat(published) - timedelta(days=1)).isoformat()
    ):
        return "publication-day-not-day-before"
    return "gold-publication-day" if gold == published else "other-day"


def _sentences(article) -> list[tuple[int, int, str]]:  # noqa: ANN001 (an Article)
    from timeline.sentences import split_sentences

    return [(s.start, s.end, s.text) for s in split_sentences(article)]


def _sentence_index(sentences: list[tuple[int, int, str]], offset: int) -> int:
    """The sentence holding ``offset`` (the last starting at or before it)."""
    index = 0
    for n, (start, _, _) in enumerate(sentences):
        if start > offset:
            break
        index = n
    return index


def _event_day(event) -> str | None:  # noqa: ANN001 (an Event)
    if event.date is None or event.date.granularity not in ("day", "time"):
        return None
    return event.date.start.isoformat()


def _rule(event) -> str:  # noqa: ANN001 (an Event)
    """How the event got its date: ``expression`` when a mention's own expression gives it, else the
    dating rule of its first implicitly dated mention."""
    if any(m.date_source == "expression" for m in event.mentions):
        return "expression"
    return next((m.date_rule for m in event.mentions if getattr(m, "date_rule", "")), "other")


def _clean(text: str) -> str:
    return " ".join(text.split())[:200]


# ---------------------------------------------------------------- corpus


def documents(root_dir: Path, limit: int | None = None) -> list[Path]:
    paths = sorted(root_dir.rglob("*.tml"))
    if limit is not None and limit < len(paths):
        step = len(paths) / limit
        paths = [paths[int(n * step)] for n in range(limit)]
    return paths


def score(root_dir: Path, limit: int | None = None, workers: int | None = None) -> list[DocumentResult]:
    paths = documents(root_dir, limit)
    workers = workers or min(len(paths), os.cpu_count() or 1)
    if workers <= 1:
        return [score_document(p, root_dir) for p in paths]
    with ProcessPoolExecutor(workers) as pool:
        return list(pool.map(score_document, paths, [root_dir] * len(paths), chunksize=4))


def totals(results: Iterable[DocumentResult]) -> dict[str, Counts]:
    by_corpus: dict[str, Counts] = {}
    overall = Counts()
    for result in results:
        by_corpus.setdefault(result.corpus, Counts()).add(result.counts)
        overall.add(result.counts)
    return {**dict(sorted(by_corpus.items())), "overall": overall}


def gate_figures(eval_dir: Path) -> dict[str, float]:
    """The overall TBAQ event-dating recall and precision (``eval_dir`` holds ``tbaq/``)."""
    overall = totals(score(Path(eval_dir) / "tbaq"))["overall"]
    return {
        "tbaq_event_dating_recall": round(overall.recall, 4),
        "tbaq_event_dating_precision": round(overall.precision, 4),
    }


def _table(groups: dict[str, Counts]) -> str:
    lines = [
        f"{'corpus':<10} {'gold':>5} {'sents':>5} {'recall':>7} {'prec':>6} {'judged':>6} "
        f"{'base R':>7} {'base P':>7}"
    ]
    for name, c in groups.items():
        lines.append(
            f"{name:<10} {c.gold:>5} {c.gold_sentences:>5} {c.recall:>7.3f} {c.precision:>6.3f} "
            f"{c.judged:>6} {c.base_recall:>7.3f} {c.base_precision:>7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="TimeML root (e.g. ../shared/eval/tbaq)")
    parser.add_argument("--limit", type=int, help="score N documents spread over the corpus")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--errors",
        type=Path,
        help="write missed pairs (FN, with their miss kind and each date=rule of the sentence's events)"
        " and wrong dates (FP) here",
    )
    parser.add_argument("--rules", action="store_true", help="also print what each dating rule adds")
    parser.add_argument("--misses", action="store_true", help="also print the missed pairs by kind")
    args = parser.parse_args(argv)
    results = score(args.root, args.limit, args.workers)
    groups = totals(results)
    if args.errors:
        rows = [row for r in results for row in r.errors]
        header = "kind\tdocument\tours\tgold\tword/rule\tcontext\tmiss kind (FN)\tour dates=rules (FN)\n"
        args.errors.write_text(header + "\n".join(rows) + "\n")
    if args.json:
        json.dump(
            {
                name: {
                    "gold": c.gold,
                    "sentences": c.gold_sentences,
                    "recall": round(c.recall, 4),
                    "precision": round(c.precision, 4),
                    "judged": c.judged,
                    "baseline_recall": round(c.base_recall, 4),
                    "baseline_precision": round(c.base_precision, 4),
                }
                for name, c in groups.items()
            },
            sys.stdout,
            indent=2,
        )
        print()
    else:
        print(_table(groups))
    if args.rules:
        print(_rule_table(results, groups["overall"]))
    if args.misses:
        print(_miss_table(results))
    return 0


def _miss_table(results: list[DocumentResult]) -> str:
    """The missed gold pairs by kind, per sub-corpus."""
    corpora = sorted({r.corpus for r in results})
    lines = [f"{'missed pairs':<32}" + "".join(f"{c:>10}" for c in corpora) + f"{'all':>8}  meaning"]
    for kind, meaning in MISS_KINDS.items():
        by_corpus = [sum(r.misses[kind] for r in results if r.corpus == c) for c in corpora]
        cells = "".join(f"{n:>10}" for n in by_corpus)
        lines.append(f"{kind:<32}{cells}{sum(by_corpus):>8}  {meaning}")
    return "\n".join(lines)


def _rule_table(results: list[DocumentResult], overall: Counts) -> str:
    """Per dating rule: the gold pairs its events find first (share of all gold) and its precision."""
    tallies: dict[str, list[int]] = {}
    for result in results:
        for rule, (found, judged, right) in result.rules.items():
            tally = tallies.setdefault(rule, [0, 0, 0])
            tally[0] += found
            tally[1] += judged
            tally[2] += right
    lines = [f"{'rule':<36} {'found':>6} {'recall':>7} {'judged':>6} {'prec':>6}"]
    for rule, (found, judged, right) in sorted(tallies.items(), key=lambda kv: -kv[1][1]):
        share = found / overall.gold if overall.gold else 0.0
        precision = right / judged if judged else 0.0
        lines.append(f"{rule:<36} {found:>6} {share:>7.3f} {judged:>6} {precision:>6.3f}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

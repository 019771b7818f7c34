"""Score our time-expression tagger against gold TimeML, the way TempEval-3 does.

    python benchmarks/score_timeml.py GOLD_DIR [GOLD_DIR ...] [--limit N] [--errors FILE] [--json]
        [--off-year]

Every ``*.tml`` file under GOLD_DIR (recursively) is parsed; the plain text of
its ``<TEXT>`` element is tagged with ``timeline.temporal.tag(text,
published=DCT)`` and our expressions are matched with the gold TIMEX3 inside
TEXT (the DCT itself is not scored):

* a predicted and a gold expression *match* (relaxed) when their character
  spans overlap, and match *strictly* when the spans are equal;
* each gold and each predicted expression is used at most once, greedily by
  the size of the overlap (an exact match wins a tie);
* type and value accuracy are over relaxed matches; value F1 = relaxed F1 x
  value accuracy, TempEval-3's ranking figure.

Figures are given overall, per gold type (an unmatched prediction counts
under its own type) and per sub-corpus (the first directory below GOLD_DIR).
A document whose tagging raises counts as tagged with nothing (its gold
expressions are misses) and is listed as a failure; a file that does not
parse is listed and skipped.

The scoring is a library (``load_documents``, ``score``) so it can be tested
with a fake tagger; ``main`` is the command line.
"""

from __future__ import annotations

import argparse
import bisect
import importlib
import itertools
import json
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from timeline.temporal.timeml import TimeMLError, TimexTag, read_timeml
from timeline.temporal.timex import value_to_date
from timeline.types import TimeExpression

# tagger(text, published) -> expressions with offsets into text
Tagger = Callable[[str, "str | None"], Sequence[TimeExpression]]

TYPES = ("DATE", "TIME", "DURATION", "SET")
CONTEXT_CHARS = 50
_WHITESPACE = re.compile(r"\s+")


@dataclass
class GoldDocument:
    doc_id: str
    corpus: str  # sub-corpus: first directory below the gold root ("TimeBank", "AQUAINT"), or "."
    path: str
    text: str  # plain text of <TEXT>
    dct: str | None  # document creation time value
    timexes: list[TimexTag]


@dataclass
class Counts:
    """Raw counts for one group of documents or expressions; the ratios are derived."""

    gold: int = 0
    predicted: int = 0
    relaxed: int = 0  # matched pairs (overlapping spans)
    strict: int = 0  # matched pairs with equal spans
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "relaxed", "strict", "type_correct", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def relaxed_precision(self) -> float:
        return _ratio(self.relaxed, self.predicted)

    @property
    def relaxed_recall(self) -> float:
        return _ratio(self.relaxed, self.gold)

    @property
    def relaxed_f1(self) -> float:
        return _f1(self.relaxed_precision, self.relaxed_recall)

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    @property
    def type_accuracy(self) -> float:
        return _ratio(self.type_correct, self.relaxed)

    @property
    def value_accuracy(self) -> float:
        return _ratio(self.value_correct, self.relaxed)

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy

    def to_dict(self) -> dict[str, float | int]:
        counts = {
            name: getattr(self, name)
            for name in ("gold", "predicted", "relaxed", "strict", "type_correct", "value_correct")
        }
        ratios = {
            name: round(getattr(self, name), 4)
            for name in (
                "relaxed_precision",
                "relaxed_recall",
                "relaxed_f1",
                "strict_precision",
                "strict_recall",
                "strict_f1",
                "type_accuracy",
                "value_accuracy",
                "value_f1",
            )
        }
        return {**counts, **ratios}


@dataclass
class DocumentResult:
    document: GoldDocument
    pairs: list[tuple[TimexTag, TimeExpression]] = field(default_factory=list)
    missed: list[TimexTag] = field(default_factory=list)  # false negatives
    spurious: list[TimeExpression] = field(default_factory=list)  # false positives
    error: str | None = None  # the tagger's exception, if it raised


@dataclass
class Scores:
    overall: Counts
    by_type: dict[str, Counts]
    by_corpus: dict[str, Counts]
    results: list[DocumentResult]
    failures: list[tuple[str, str]]  # (document, reason): unreadable files and tagger exceptions
    seconds: float = 0.0  # time spent in the tagger
    characters: int = 0  # characters tagged

    def to_dict(self) -> dict[str, object]:
        return {
            "documents": len(self.results),
            "characters": self.characters,
            "tagging_seconds": round(self.seconds, 3),
            "overall": self.overall.to_dict(),
            "by_type": {name: counts.to_dict() for name, counts in self.by_type.items()},
            "by_corpus": {name: counts.to_dict() for name, counts in self.by_corpus.items()},
            "failures": [{"document": doc, "reason": reason} for doc, reason in self.failures],
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --------------------------------------------------------------------------- loading


def find_gold_files(roots: Iterable[str | Path]) -> list[tuple[Path, Path]]:
    """(root, file) for every ``*.tml`` under each root (a root may itself be a file), sorted."""
    found: list[tuple[Path, Path]] = []
    for root in map(Path, roots):
        if root.is_file():
            found.append((root.parent, root))
        else:
            found.extend((root, path) for path in sorted(root.rglob("*.tml")))
    return found


def spread(items: list, limit: int | None) -> list:
    """``limit`` items evenly spread over ``items``."""
    if limit is None or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(max(limit, 0))]


def sample(found: list[tuple[Path, Path]], limit: int | None) -> list[tuple[Path, Path]]:
    """At most ``limit`` files, each sub-corpus getting its share (at least one), spread over its files."""
    if limit is None or limit >= len(found):
        return found
    by_corpus: dict[str, list[tuple[Path, Path]]] = {}
    for root, path in found:
        by_corpus.setdefault(_corpus(root, path), []).append((root, path))
    shares = [spread(files, max(1, round(limit * len(files) / len(found)))) for files in by_corpus.values()]
    # take the shares in turn, so the cut at ``limit`` still leaves every sub-corpus represented
    interleaved = [item for group in itertools.zip_longest(*shares) for item in group if item is not None]
    return sorted(interleaved[:limit])


def _corpus(root: Path, path: Path) -> str:
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else "."


def load_documents(
    roots: Iterable[str | Path], limit: int | None = None
) -> tuple[list[GoldDocument], list[tuple[str, str]]]:
    """Parse the gold files; return the documents and (file, reason) for those that failed."""
    documents: list[GoldDocument] = []
    failures: list[tuple[str, str]] = []
    for root, path in sample(find_gold_files(roots), limit):
        try:
            text, dct, timexes = read_timeml(path.read_bytes())
        except (OSError, TimeMLError) as error:
            failures.append((str(path), f"unreadable: {error}"))
            continue
        documents.append(GoldDocument(path.stem, _corpus(root, path), str(path), text, dct, timexes))
    return documents, failures


# --------------------------------------------------------------------------- matching


def match(
    gold: Sequence[TimexTag], predicted: Sequence[TimeExpression]
) -> tuple[list[tuple[TimexTag, TimeExpression]], list[TimexTag], list[TimeExpression]]:
    """Pair gold and predicted expressions one-to-one, greedily by character overlap.

    Returns (pairs in gold order, unmatched gold, unmatched predictions).
    """
    by_start = sorted(range(len(predicted)), key=lambda i: predicted[i].start)
    starts = [predicted[i].start for i in by_start]
    candidates: list[tuple[int, bool, int, int]] = []
    for g, timex in enumerate(gold):
        # only predictions starting before the gold end can overlap it
        for i in by_start[: bisect.bisect_left(starts, timex.end)]:
            expression = predicted[i]
            overlap = min(timex.end, expression.end) - max(timex.start, expression.start)
            if overlap > 0:
                exact = (timex.start, timex.end) == (expression.start, expression.end)
                candidates.append((-overlap, not exact, g, i))
    candidates.sort()
    gold_used: dict[int, int] = {}
    predicted_used: set[int] = set()
    for _, _, g, i in candidates:
        if g not in gold_used and i not in predicted_used:
            gold_used[g] = i
            predicted_used.add(i)
    pairs = [(gold[g], predicted[gold_used[g]]) for g in sorted(gold_used)]
    missed = [timex for g, timex in enumerate(gold) if g not in gold_used]
    spurious = [expression for i, expression in enumerate(predicted) if i not in predicted_used]
    return pairs, missed, spurious


def same_value(gold: TimexTag, expression: TimeExpression) -> bool:
    return (gold.value or "").strip() == (expression.value or "").strip()


def same_type(gold: TimexTag, expression: TimeExpression) -> bool:
    return gold.type.strip().upper() == (expression.type or "").strip().upper()


def is_strict(gold: TimexTag, expression: TimeExpression) -> bool:
    return (gold.start, gold.end) == (expression.start, expression.end)


# --------------------------------------------------------------------------- scoring


def score_document(document: GoldDocument, tagger: Tagger) -> DocumentResult:
    try:
        predicted = list(tagger(document.text, document.dct))
    except Exception as error:  # noqa: BLE001 - one bad document must not stop the run
        return DocumentResult(document, missed=list(document.timexes), error=_describe(error))
    pairs, missed, spurious = match(document.timexes, predicted)
    return DocumentResult(document, pairs, missed, spurious)


def _describe(error: BaseException) -> str:
    frame = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    where = f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""
    return f"{type(error).__name__}: {error}{where}"


def tally(result: DocumentResult) -> tuple[Counts, dict[str, Counts]]:
    """Counts for one document, overall and per type (gold type; own type when unmatched)."""
    overall = Counts()
    by_type: dict[str, Counts] = {}

    def group(name: str) -> Counts:
        return by_type.setdefault(name.upper() or "?", Counts())

    for gold, expression in result.pairs:
        for counts in (overall, group(gold.type)):
            counts.gold += 1
            counts.predicted += 1
            counts.relaxed += 1
            counts.strict += is_strict(gold, expression)
            counts.type_correct += same_type(gold, expression)
            counts.value_correct += same_value(gold, expression)
    for gold in result.missed:
        overall.gold += 1
        group(gold.type).gold += 1
    for expression in result.spurious:
        overall.predicted += 1
        group(expression.type or "").predicted += 1
    return overall, by_type


def score(documents: Iterable[GoldDocument], tagger: Tagger) -> Scores:
    """Tag every document and score the result against its gold TIMEX3."""
    scores = Scores(Counts(), {name: Counts() for name in TYPES}, {}, [], [])
    for document in documents:
        started = time.perf_counter()
        result = score_document(document, tagger)
        scores.seconds += time.perf_counter() - started
        scores.characters += len(document.text)
        scores.results.append(result)
        if result.error:
            scores.failures.append((document.path, f"tagger raised {result.error}"))
        overall, by_type = tally(result)
        scores.overall.add(overall)
        scores.by_corpus.setdefault(document.corpus, Counts()).add(overall)
        for name, counts in by_type.items():
            scores.by_type.setdefault(name, Counts()).add(counts)
    return scores


# --------------------------------------------------------------------------- reporting


def format_table(scores: Scores) -> str:
    header = (
        f"{'group':<14}{'gold':>6}{'pred':>6}  {'P':>5} {'R':>5} {'F1':>5}  {'sP':>5} {'sR':>5} {'sF1':>5}"
        f"  {'type':>5} {'value':>5} {'valF1':>5}"
    )
    lines = [
        "relaxed P/R/F1 (overlap), strict sP/sR/sF1 (equal spans), type/value accuracy over relaxed matches,",
        "valF1 = relaxed F1 x value accuracy",
        "",
        header,
        "-" * len(header),
        _row("overall", scores.overall),
    ]
    lines.append("")
    lines += [
        _row(name, counts) for name, counts in scores.by_type.items() if counts.gold or counts.predicted
    ]
    lines.append("")
    lines += [_row(name, counts) for name, counts in sorted(scores.by_corpus.items())]
    speed = scores.characters / scores.seconds / 1000 if scores.seconds else 0.0
    lines += [
        "",
        f"{len(scores.results)} documents, {scores.characters:,} characters tagged in {scores.seconds:.2f} s"
        f" ({speed:,.0f} KB/s)",
    ]
    if scores.failures:
        lines.append(f"{len(scores.failures)} failures:")
        lines += [f"  {doc}: {reason}" for doc, reason in scores.failures]
    return "\n".join(lines)


def _row(name: str, c: Counts) -> str:
    return (
        f"{name:<14}{c.gold:>6}{c.predicted:>6}  {c.relaxed_precision:5.3f} {c.relaxed_recall:5.3f} "
        f"{c.relaxed_f1:5.3f}  {c.strict_precision:5.3f} {c.strict_recall:5.3f} {c.strict_f1:5.3f}  "
        f"{c.type_accuracy:5.3f} {c.value_accuracy:5.3f} {c.value_f1:5.3f}"
    )


ERROR_COLUMNS = ("kind", "document", "span", "text", "gold", "predicted", "rule", "context")


def error_rows(scores: Scores) -> list[tuple[str, ...]]:
    """One row per false negative (FN), false positive (FP) and faulty match.

    A faulty match's kind joins what is wrong: VALUE, TYPE and/or SPAN (overlap, not equal).
    """
    rows: list[tuple[str, ...]] = []
    for result in scores.results:
        document = result.document
        doc = f"{document.corpus}/{document.doc_id}"
        entries: list[tuple[int, tuple[str, ...]]] = []
        for gold in result.missed:
            entries.append((gold.start, _error_row("FN", doc, document.text, gold, None)))
        for expression in result.spurious:
            entries.append((expression.start, _error_row("FP", doc, document.text, None, expression)))
        for gold, expression in result.pairs:
            faults = [
                name
                for name, ok in (
                    ("VALUE", same_value(gold, expression)),
                    ("TYPE", same_type(gold, expression)),
                    ("SPAN", is_strict(gold, expression)),
                )
                if not ok
            ]
            if faults:
                entries.append(
                    (gold.start, _error_row("+".join(faults), doc, document.text, gold, expression))
                )
        rows += [row for _, row in sorted(entries, key=lambda entry: entry[0])]
    return rows


def _error_row(
    kind: str, doc: str, text: str, gold: TimexTag | None, expression: TimeExpression | None
) -> tuple[str, ...]:
    spans = [(s.start, s.end) for s in (gold, expression) if s is not None]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    # the gold text, then ours when it differs
    shown = " | ".join(dict.fromkeys(_one_line(text[s:e]) for s, e in spans))
    context = (
        _one_line(text[max(0, start - CONTEXT_CHARS) : start])
        + "[["
        + _one_line(text[start:end])
        + "]]"
        + _one_line(text[end : end + CONTEXT_CHARS])
    )
    return (
        kind,
        doc,
        f"{start}-{end}",
        shown,
        _describe_gold(gold),
        _describe_predicted(expression),
        expression.rule if expression else "",
        context,
    )


def _describe_gold(gold: TimexTag | None) -> str:
    if gold is None:
        return "-"
    return f"{gold.type} {gold.value}" + (f" mod={gold.mod}" if gold.mod else "")


def _describe_predicted(expression: TimeExpression | None) -> str:
    if expression is None:
        return "-"
    return f"{expression.type} {expression.value}" + (f" mod={expression.mod}" if expression.mod else "")


def _one_line(text: str) -> str:
    return _WHITESPACE.sub(" ", text)


def write_errors(scores: Scores, path: str | Path) -> int:
    """Write the error rows (tab-separated), then the most frequent texts per kind; return the row count."""
    rows = error_rows(scores)
    lines = ["\t".join(ERROR_COLUMNS)] + ["\t".join(row) for row in rows]
    kinds = Counter(row[0] for row in rows)
    lines.append("")
    lines.append("# totals: " + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common()))
    for kind in ("FN", "FP", "VALUE"):
        common = Counter(row[3].lower() for row in rows if kind in row[0].split("+")).most_common(25)
        if common:
            lines.append(
                f"# most frequent {kind}: " + "; ".join(f"{text!r} x{count}" for text, count in common)
            )
    lines.append("# wrong values by kind: kind, count, meaning")
    lines += [
        f"#   {kind}\t{count}\t{VALUE_ERROR_KINDS[kind]}"
        for kind, count in value_error_summary(scores).most_common()
    ]
    lines += rule_summary(scores)
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


VALUE_ERROR_KINDS = {
    "underspecified": "same time; the gold leaves part unknown (1989-WXX for our 1989-W43)",
    "granularity": "same time at another granularity (gold 1998-10, ours 1998-W42; 1988 vs 1988-Q3)",
    "part_of_day": "same day; one adds a part of the day or a clock (1998-10-23 vs 1998-10-23TNI)",
    "week_apart": "two days exactly 7 days apart (which Tuesday)",
    "duration_vs_point": "one is a duration (P...), the other a point in time",
    "reference": "one is PRESENT_REF/PAST_REF/FUTURE_REF, the other a calendar value",
    "other_time": "two different calendar times",
    "other": "anything else (a mod, a set's form, an unresolved value)",
}


def value_error_kind(gold: str | None, ours: str | None) -> str:
    """Which kind of disagreement a wrong value is (keys of ``VALUE_ERROR_KINDS``)."""
    if not gold or not ours:
        return "other"
    if _is_duration(gold) != _is_duration(ours):
        return "duration_vs_point"
    if gold.endswith("_REF") != ours.endswith("_REF"):
        return "reference"
    if "X" in gold and "X" not in ours and ours.startswith(gold.split("X")[0].rstrip("-")):
        return "underspecified"
    gold_span, our_span = value_to_date(gold), value_to_date(ours)
    if gold_span is None or our_span is None:
        return "other"
    if gold_span.start == our_span.start and gold_span.end == our_span.end:
        same_day = gold_span.start == gold_span.end
        return "part_of_day" if same_day and "T" in gold + ours else "other"
    if gold_span.start <= our_span.end and our_span.start <= gold_span.end:
        return "granularity"
    days_apart = abs((gold_span.start - our_span.start).days)
    if gold_span.granularity == our_span.granularity == "day" and days_apart == 7:
        return "week_apart"
    return "other_time"


def _is_duration(value: str) -> bool:
    return bool(re.match(r"P[\dXT]", value))


def value_error_summary(scores: Scores) -> Counter[str]:
    """How many matched expressions have a wrong value, by kind of disagreement."""
    kinds: Counter[str] = Counter()
    for result in scores.results:
        for gold, expression in result.pairs:
            if not same_value(gold, expression):
                kinds[value_error_kind(gold.value, expression.value)] += 1
    return kinds


def rule_summary(scores: Scores) -> list[str]:
    """``#`` lines: per tagger rule, predictions, false positives, wrong values (worst rules first)."""
    stats: dict[str, Counter[str]] = {}
    for result in scores.results:
        for gold, expression in result.pairs:
            counts = stats.setdefault(expression.rule or "?", Counter())
            counts["predicted"] += 1
            counts["wrong value"] += not same_value(gold, expression)
        for expression in result.spurious:
            counts = stats.setdefault(expression.rule or "?", Counter())
            counts["predicted"] += 1
            counts["FP"] += 1
    ranked = sorted(stats.items(), key=lambda item: -(item[1]["FP"] + item[1]["wrong value"]))
    return ["# by rule: rule, predicted, FP, wrong value"] + [
        f"#   {rule}\t{c['predicted']}\t{c['FP']}\t{c['wrong value']}" for rule, c in ranked
    ]


# --------------------------------------------------------------------------- command line


def load_tagger(spec: str | None) -> Tagger:
    """``module:function`` (called as function(text, published)), default timeline.temporal:tag."""
    module_name, _, function_name = (spec or "timeline.temporal:tag").partition(":")
    try:
        module = importlib.import_module(module_name)
        tagger = getattr(module, function_name or "tag")
    except (ImportError, AttributeError) as error:
        raise SystemExit(
            f"score_timeml: cannot load tagger {spec or 'timeline.temporal:tag'}: {error}"
        ) from error

    def call(text: str, published: str | None) -> Sequence[TimeExpression]:
        return tagger(text, published=published)

    return call


# --------------------------------------------------------------------------- narrative measurement

NARRATIVE_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "narrative"
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|['’]\d\d\b")


def is_off_year(gold: TimexTag, dct: str | None) -> bool:
    """A gold DATE/TIME whose year is not the creation year and is not written in it ("in March" meaning
    last year's March, "the next day" of a story told years back): the expressions a narrative anchor
    decides, where the publication year is wrong."""
    value = gold.value or ""
    if gold.type not in ("DATE", "TIME") or not dct or not re.match(r"\d{4}", value):
        return False
    return value[:4] != dct[:4] and not _WRITTEN_YEAR.search(gold.text)


def off_year_documents(documents: Iterable[GoldDocument]) -> list[GoldDocument]:
    """The documents with only their off-year gold expressions (``is_off_year``)."""
    kept = []
    for document in documents:
        timexes = [t for t in document.timexes if is_off_year(t, document.dct)]
        if timexes:
            kept.append(GoldDocument(document.doc_id, document.corpus, document.path, document.text,
                                     document.dct, timexes))  # fmt: skip
    return kept


def only_near_gold(tagger: Tagger, documents: Iterable[GoldDocument]) -> Tagger:
    """``tagger`` restricted to predictions overlapping a kept gold expression (a subset has no false
    positives of its own: what is measured is whether each kept expression is found with its value)."""
    gold_by_text = {document.text: document.timexes for document in documents}

    def call(text: str, published: str | None) -> Sequence[TimeExpression]:
        gold = gold_by_text.get(text, [])
        return [e for e in tagger(text, published) if any(g.start < e.end and e.start < g.end for g in gold)]

    return call


def gate_figures(eval_dir: Path) -> dict[str, float]:
    """The CI gate's figures (``benchmarks/ci_gate.py``): whole-TBAQ relaxed and value F1, value F1 on
    TBAQ's off-year expressions (``--off-year``) and on the golden narrative cases of the repository."""
    documents, unreadable = load_documents([Path(eval_dir) / "tbaq"])
    tagger = load_tagger(None)
    scores = score(documents, tagger)
    overall = scores.overall.to_dict()
    off_year = off_year_documents(documents)
    narrative, _ = load_documents([NARRATIVE_GOLD])
    return {
        "tbaq_timex_relaxed_f1": overall["relaxed_f1"],
        "tbaq_timex_value_f1": overall["value_f1"],
        "tbaq_timex_failures": float(len(scores.failures) + len(unreadable)),
        "tbaq_timex_offyear_value_f1": round(
            score(off_year, only_near_gold(tagger, off_year)).overall.value_f1, 4
        ),
        "narrative_golden_value_f1": round(score(narrative, tagger).overall.value_f1, 4),
    }


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="+", help="directories (searched recursively for *.tml) or .tml files")
    parser.add_argument(
        "--limit", type=int, help="score only N documents, spread over the sub-corpora and files"
    )
    parser.add_argument(
        "--errors", metavar="FILE", help="write every FN, FP and wrong value/type/span here (TSV)"
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    parser.add_argument(
        "--off-year",
        action="store_true",
        help="score only gold DATE/TIME whose year differs from the creation year and is not written in them",
    )
    parser.add_argument(
        "--tagger", metavar="MODULE:FUNCTION", help="tagger to score (default timeline.temporal:tag)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    tagger = load_tagger(arguments.tagger)
    documents, unreadable = load_documents(arguments.gold, arguments.limit)
    if not documents:
        print(f"score_timeml: no readable *.tml under {' '.join(arguments.gold)}", file=sys.stderr)
        return 2
    if arguments.off_year:
        documents = off_year_documents(documents)
        tagger = only_near_gold(tagger, documents)
    scores = score(documents, tagger)
    scores.failures[:0] = unreadable
    if arguments.errors:
        count = write_errors(scores, arguments.errors)
        print(f"{count} error rows written to {arguments.errors}", file=sys.stderr)
    print(json.dumps(scores.to_dict(), indent=2) if arguments.json else format_table(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())

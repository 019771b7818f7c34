"""Score merged events' titles against the hand-written AQUAINT merge gold (not gated).

    python benchmarks/score_titles.py                  # EVAL_DIR ../shared/eval
    python benchmarks/score_titles.py ../shared/eval --json
    python benchmarks/score_titles.py --show 20        # also the events whose title misses, largest first

An event's title is one of its mentions' titles; the *title sentence* is the sentence of the mention(s)
whose title is the event's (a re-sent copy's sentence folded into the article it repeats counts as the
copy's gold sentence too, as in ``score_merge``). Gold (``benchmarks/data/aquaint_merge_gold.json``) lists
happenings as sets of sentences.

- **Title precision**: over output events holding 2+ gold sentences, the share whose title sentence is a
  gold sentence of the event's majority happening (the happening with most of its gold sentences; ties
  count for any of them). A title from a sentence the gold does not list counts as a miss: the gold lists
  the sentences that tell a happening, so the title should be one of them.
- **Judged title precision**: the same, over those events whose title sentence is a gold sentence at all
  (a title from an unlisted sentence is left out rather than counted wrong).
- **Happening title recall**: over happenings with a sentence in the output, the share whose main event
  (``score_merge.main_event``: the event holding most of its sentences) takes its title from one of the
  happening's sentences.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_merge import (  # noqa: E402
    DEFAULT_EVAL,
    GOLD_PATH,
    GoldStory,
    Key,
    _events_by_sentence,
    _view,
    aquaint_dir,
    folded_copies,
    load_gold,
    main_event,
)

from timeline.types import Event  # noqa: E402

MIN_GOLD_MENTIONS = 2  # an event with one gold sentence has no majority to miss


@dataclass
class TitleCounts:
    events: int = 0  # output events holding 2+ gold sentences
    events_right: int = 0
    events_judged: int = 0  # ... whose title sentence is a gold sentence
    events_judged_right: int = 0
    happenings: int = 0  # happenings with a sentence in the output
    happenings_titled: int = 0  # ... whose main event's title sentence is one of theirs
    misses: list[tuple[int, str, str, str]] = field(default_factory=list)  # (gold size, story, label, title)

    def add(self, other: TitleCounts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict[str, float | int]:
        return {
            "title_precision": _share(self.events_right, self.events),
            "title_precision_judged": _share(self.events_judged_right, self.events_judged),
            "happening_title_recall": _share(self.happenings_titled, self.happenings),
            "events": self.events,
            "events_judged": self.events_judged,
            "happenings": self.happenings,
        }


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def title_keys(event: Event, gold_of: dict[Key, Key]) -> set[Key]:
    """The (gold) keys of the sentences the event's title comes from."""
    keys = {(m.document, m.sentence.start) for m in event.mentions if m.title == event.title}
    return keys | {gold_of[key] for key in keys if key in gold_of}


def score_titles(story: GoldStory, events: Sequence[Event], folded: dict[Key, Key]) -> TitleCounts:
    happening_of = {key: h for h in story.happenings for key in h.sentences}
    gold_of = {original: copy for copy, original in folded.items()}  # a folded sentence -> the copy's key
    counts = TitleCounts()
    by_id = {event.id: event for event in events}
    for event in events:
        keys = {(m.document, m.sentence.start) for m in event.mentions}
        gold = [
            happening_of[k] for k in keys | {gold_of[k] for k in keys if k in gold_of} if k in happening_of
        ]
        if len(gold) < MIN_GOLD_MENTIONS:
            continue
        votes = Counter(h.id for h in gold)
        majority = {h for h, n in votes.items() if n == max(votes.values())}
        titled = {happening_of[k].id for k in title_keys(event, gold_of) if k in happening_of}
        counts.events += 1
        counts.events_right += bool(titled & majority)
        counts.events_judged += bool(titled)
        counts.events_judged_right += bool(titled & majority)
        if not titled & majority:
            label = next(h.label for h in story.happenings if h.id in majority)
            counts.misses.append((len(gold), story.id, label, event.title))
    events_of = _events_by_sentence(happening_of, [_view(e) for e in events], folded)
    for happening in story.happenings:
        chosen = main_event(happening, events_of)
        if chosen is None:
            continue
        counts.happenings += 1
        counts.happenings_titled += bool(title_keys(by_id[chosen], gold_of) & set(happening.sentences))
    return counts


def build_events(story: GoldStory, directory: Path) -> tuple[list[Event], dict[Key, Key]]:
    from timeline.build import build_timeline
    from timeline.readers import read_paths

    articles = read_paths([str(directory / f"{doc}.tml") for doc in story.documents])
    timeline = build_timeline(articles)
    return timeline.events, folded_copies(story, articles, timeline.copies)


def score_all(eval_dir: Path, gold_path: Path = GOLD_PATH) -> dict[str, TitleCounts]:
    directory = aquaint_dir(eval_dir)
    if not directory.is_dir():
        raise FileNotFoundError(f"no AQUAINT directory at {directory}")
    scores: dict[str, TitleCounts] = defaultdict(TitleCounts)
    for story in load_gold(gold_path):
        scores[story.id] = score_titles(story, *build_events(story, directory))
        scores["overall"].add(scores[story.id])
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", nargs="?", default=DEFAULT_EVAL, help="evaluation root (or AQUAINT dir)")
    parser.add_argument("--gold", default=str(GOLD_PATH), help="gold file")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--show", type=int, default=0, help="list N missed titles, largest events first")
    args = parser.parse_args(argv)
    try:
        scores = score_all(Path(args.eval_dir), Path(args.gold))
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({name: counts.figures() for name, counts in scores.items()}, indent=1))
        return 0
    for name, counts in sorted(scores.items(), key=lambda item: item[0] == "overall"):
        f = counts.figures()
        print(
            f"{name}: title precision {f['title_precision']:.3f} of {f['events']} events "
            f"(judged {f['title_precision_judged']:.3f} of {f['events_judged']}); "
            f"happening title recall {f['happening_title_recall']:.3f} of {f['happenings']}"
        )
    for size, story, label, title in sorted(scores["overall"].misses, reverse=True)[: args.show]:
        print(f"  MISS {story} ({size} gold): [{label}] title: {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

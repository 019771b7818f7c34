"""Why the merge misses gold pairs: each missed cross-article pair of the AQUAINT merge gold, by cause.

    python benchmarks/merge_misses.py ../shared/eval                                  # every story
    python benchmarks/merge_misses.py ../shared/eval --story custody-case-2000 --list 20
    python benchmarks/merge_misses.py ../shared/eval --story custody-case-2000 --heads 20

A diagnosis, not a score (``score_merge.py`` scores).  Two views of one story's output (built as
``score_merge`` builds it):

- **pairs**: every gold pair of two articles' sentences that share no output event, classified by the two
  sentences' closest mentions (the pair ranked first by: dates compatible, same kind, shared concepts,
  ``match_score``);
- **sentences**: every gold sentence outside its happening's *main* event (the output event holding most of
  its sentences), charged with the cross-article pairs it loses against that event's sentences, and
  classified against the event's mentions of other articles.  ``[own article's event]`` marks a sentence
  every event of which is its own article's alone.

The causes say which step would have to join the two, in the merge's terms: no mention (the events stage
made none, or a re-sent copy's sentence not folded), an undated mention, dates more than the compatible
span apart (the later one dated only by its paper or the story's narrative: an unstated retelling; or by its
own expression), and on compatible dates: a statement against an occurrence, two statements, two
occurrences with no shared concept (other words for one act), or sharing one and still apart (a veto, no
shared party).  A sentence of two gold happenings is counted apart.  ``--heads`` tallies the pairs of the
"no shared concept" cause by the two closest mentions' triggers and action keys (``features(...).head``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_merge as sm  # noqa: E402

from timeline.merge.dates import compatible  # noqa: E402
from timeline.merge.features import _lexicon, features  # noqa: E402
from timeline.merge.scoring import match_score  # noqa: E402
from timeline.types import Event, EventMention  # noqa: E402

UNSTATED = ("publication-implicit", "narrative")


def classify(mention: EventMention | None, other: EventMention | None) -> str:
    """The cause two mentions of one happening stayed apart (``mention`` the one outside, when it matters)."""
    if mention is None or other is None:
        return "no mention (events stage, or an unfolded copy)"
    if mention.date is None or other.date is None or "joined" in (mention.date_source, other.date_source):
        return "undated mention"
    if not compatible(mention, other):
        later, earlier = (mention, other) if mention.date.start > other.date.start else (other, mention)
        if later.date_source in UNSTATED:
            return "days apart: the later dated only by its paper/narrative (unstated retelling)"
        if earlier is mention and mention.date_source == "expression":
            return "days apart: its own expression dates it earlier (preview, another act's clause)"
        return "days apart: both dated by their own expressions"
    f, of = features(mention), features(other)
    if f.kind != of.kind:
        return "same days: a statement against an occurrence"
    if f.kind == "statement":
        return "same days: two statements (other speakers or words)"
    if not (f.concepts & of.concepts or _lexicon(f.concepts) & _lexicon(of.concepts)):
        return "same days: no shared concept (other words for one act)"
    return "same days: a shared concept, still apart (a veto, no shared party)"


def _rank(pair: tuple[EventMention, EventMention]) -> tuple:
    a, b = pair
    if a.date is None or b.date is None:
        return (False, False, 0, 0.0)
    fa, fb = features(a), features(b)
    return (compatible(a, b), fa.kind == fb.kind, len(fa.concepts & fb.concepts), match_score(fa, fb)[0])


def closest(ours: list[EventMention], theirs: list[EventMention]) -> tuple[EventMention | None, ...]:
    pairs = [(a, b) for a in ours for b in theirs]
    return max(pairs, key=_rank) if pairs else (None, None)


Key = tuple[str, int]


NO_CONCEPT = "same days: no shared concept (other words for one act)"


def _heads(mention: EventMention, other: EventMention) -> tuple[str, str]:
    """The two mentions' triggers with their action keys ("ruled v:rule"), in a fixed order."""
    one, two = (f"{m.trigger} {features(m).head}" for m in (mention, other))
    return (one, two) if one <= two else (two, one)


def diagnose(
    story: sm.GoldStory, events: list[Event], folded: dict[Key, Key], heads: Counter | None = None
) -> tuple[Counter, Counter, list]:
    """(pairs by cause, pairs lost by sentences outside their main event by cause, those sentences); the
    "no shared concept" pairs are also tallied by their mentions' triggers and keys into ``heads``."""
    mentions_of: dict[Key, list[tuple[Event, EventMention]]] = defaultdict(list)
    for event in events:
        for m in event.mentions:
            mentions_of[(m.document, m.sentence.start)].append((event, m))
    happenings_of = Counter(k for h in story.happenings for k in h.sentences)

    def of(key: Key) -> list[tuple[Event, EventMention]]:
        return mentions_of[folded.get(key, key)]

    def root(document: str) -> str:
        return sm._root(document, story.copies)

    pairs: Counter = Counter()
    for happening in story.happenings:
        for a, b in combinations(happening.sentences, 2):
            if not sm.cross_article(a, b, story.copies):
                continue
            if {e.id for e, _ in of(a)} & {e.id for e, _ in of(b)}:
                continue
            if happenings_of[a] > 1 or happenings_of[b] > 1:
                pairs["a sentence of two happenings"] += 1
                continue
            mention, other = closest([m for _, m in of(a)], [m for _, m in of(b)])
            cause = classify(mention, other)
            pairs[cause] += 1
            if heads is not None and cause == NO_CONCEPT:
                heads[_heads(mention, other)] += 1
    sentences: Counter = Counter()
    listed = []
    for happening in story.happenings:
        tally = Counter(e.id for k in happening.sentences for e in {e.id: e for e, _ in of(k)}.values())
        if not tally:
            continue
        main = max(tally, key=lambda e: (tally[e], e))
        inside = [k for k in happening.sentences if any(e.id == main for e, _ in of(k))]
        members = next(e for k in inside for e, _ in of(k) if e.id == main).mentions
        for key in happening.sentences:
            lost = sum(1 for k in inside if root(k[0]) != root(key[0]))
            if key in inside or lost == 0:
                continue
            others = [m for m in members if root(m.document) != root(key[0])]
            mention, other = closest([m for _, m in of(key)], others)
            cause = classify(mention, other)
            if cause.startswith("same days") and all(len(e.sources) == 1 for e, _ in of(key)):
                cause += " [own article's event]"
            sentences[cause] += lost
            text = mention.sentence.text if mention is not None else ""
            listed.append((lost, cause, happening.id, key, text))
    return pairs, sentences, sorted(listed, key=lambda x: (-x[0], x[2], x[3]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("eval_dir", nargs="?", default=sm.DEFAULT_EVAL)
    parser.add_argument("--story", help="one story id (default: every story)")
    parser.add_argument("--list", type=int, default=0, help="also list the N sentences losing most pairs")
    parser.add_argument(
        "--heads", type=int, default=0, help="also tally no-shared-concept pairs by trigger and key"
    )
    args = parser.parse_args(argv)
    from timeline.build import build_timeline  # local: as score_merge
    from timeline.readers import read_paths

    directory = sm.aquaint_dir(Path(args.eval_dir))
    for story in sm.load_gold():
        if args.story and story.id != args.story:
            continue
        articles = read_paths([str(directory / f"{doc}.tml") for doc in story.documents])
        timeline = build_timeline(articles)
        folded = sm.folded_copies(story, articles, timeline.copies)
        heads: Counter = Counter()
        pairs, sentences, listed = diagnose(story, timeline.events, folded, heads)
        print(f"## {story.id}: {sum(pairs.values())} missed cross-article pairs")
        for cause, count in pairs.most_common():
            print(f"{count:6d}  {cause}")
        print(f"   sentences outside their happening's main event: {sum(sentences.values())} pairs lost")
        for cause, count in sentences.most_common():
            print(f"{count:6d}  {cause}")
        for lost, cause, happening, key, text in listed[: args.list]:
            print(f"    {lost:4d}  {happening}  {key[0]}:{key[1]}  {cause}\n          {text[:160]!r}")
        for (one, two), count in heads.most_common(args.heads):
            print(f"    {count:4d}  {one}  |  {two}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

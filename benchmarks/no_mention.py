"""Gold sentences of the AQUAINT merge gold that no output event holds, and why the events stage made none.

    python benchmarks/no_mention.py ../shared/eval                     # every story, about 4 s
    python benchmarks/no_mention.py ../shared/eval --story custody-case-2000

A diagnosis, not a score (``score_merge.py`` scores; ``merge_misses.py`` classifies the missed pairs).  Each
story is built as ``score_merge`` builds it; a gold sentence is *missing* when no output event has a mention
of it (a re-sent copy's sentence counts where ``score_merge.folded_copies`` finds it).  Each missing
sentence's article is then read again alone (``build.read_article``), watching the events stage's two
decisions for it: the main verb it found (``extract._main_verb_once``: the tense) and the date it gave the
clause (``implicit.implicit_date``: a date, None for "not dated here", False for background), and whether an
undated report was made (``extract._undated_mention``).  Its cause is the first that applies:

- a copy's sentence dropped as a repeat of its original (``copies.own_mentions``: a light edit, which the
  scorer's exact-text folding does not follow);
- a mention made but undated, which the merge placed nowhere;
- background: a past or pluperfect clause the events stage reads as background (False);
- no main verb read; or a verb of a tense not dated here (future, modal, copula, present).

``pairs`` is the number of cross-article gold pairs the sentence is in (an upper bound of what it loses).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_merge as sm  # noqa: E402

import timeline.events.extract as extract  # noqa: E402

Key = tuple[str, int]


@contextmanager
def watched() -> Iterator[dict[int, dict[str, Any]]]:
    """The events stage's decisions per sentence index while an article is read (patched, then restored)."""
    seen: dict[int, dict[str, Any]] = defaultdict(dict)
    current: dict[str, Any] = {}
    originals = (extract._main_verb_once, extract.implicit_date, extract._undated_mention)

    def main_verb(analysis: Any, *args: Any, **kwargs: Any) -> Any:
        current["verb"] = found = originals[0](analysis, *args, **kwargs)
        return found

    def implicit_date(verb: Any, **kwargs: Any) -> Any:
        decision = originals[1](verb, **kwargs)
        seen[kwargs["sentence"]].setdefault("decision", decision)
        seen[kwargs["sentence"]].setdefault("verb", verb)
        return decision

    def undated(article: Any, sentence: Any, *args: Any, **kwargs: Any) -> Any:
        mention = originals[2](article, sentence, *args, **kwargs)
        seen[sentence.index]["undated"] = mention.trigger if mention is not None else None
        seen[sentence.index].setdefault("verb", current.get("verb"))
        return mention

    patched: tuple[Callable, ...] = (main_verb, implicit_date, undated)
    names = ("_main_verb_once", "implicit_date", "_undated_mention")
    for name, function in zip(names, patched, strict=True):
        setattr(extract, name, function)
    try:
        yield seen
    finally:
        for name, function in zip(names, originals, strict=True):
            setattr(extract, name, function)


def cause(sentence: Any, decisions: dict[str, Any], kept_elsewhere: bool, made: list) -> str:
    if sentence.boilerplate:
        return "boilerplate"
    if kept_elsewhere:
        return "a copy's sentence kept in its original (light edit, not folded by the scorer)"
    if made:
        dated = [m for m in made if m.date is not None]
        return "dated mention made, left out by the merge" if dated else "undated mention, placed nowhere"
    verb = decisions.get("verb")
    decision = decisions.get("decision")
    if verb is None:
        return "no main verb read"
    if decision is False:
        return f"background ({verb.tense})"
    return f"a tense not dated here ({verb.tense})"


def missing(story: sm.GoldStory, directory: Path) -> list[tuple[str, str, Key, int, str]]:
    """(cause, happening, key, pairs, text) of every gold sentence no output event holds."""
    from timeline.build import build_timeline, read_article
    from timeline.readers import read_paths

    articles = read_paths([str(directory / f"{doc}.tml") for doc in story.documents])
    by_id = {article.id: article for article in articles}
    timeline = build_timeline(articles)
    folded = sm.folded_copies(story, articles, timeline.copies)
    found = {(m.document, m.sentence.start) for event in timeline.events for m in event.mentions}
    rows = []
    for happening in story.happenings:
        for key in happening.sentences:
            if folded.get(key, key) in found:
                continue
            with watched() as seen:
                sentences, _, mentions = read_article(by_id[key[0]])
            sentence = next(s for s in sentences if s.start == key[1])
            made = [m for m in mentions if m.sentence.start == key[1]]
            # a copy's mention dropped as a repeat of its original: the original's sentence holds it
            kept_elsewhere = key[0] in timeline.copies and bool(made)
            pairs = sum(1 for other in happening.sentences if sm.cross_article(key, other, story.copies))
            reason = cause(sentence, seen.get(sentence.index, {}), kept_elsewhere, made)
            rows.append((reason, happening.id, key, pairs, sentence.text))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("eval_dir", nargs="?", default=sm.DEFAULT_EVAL)
    parser.add_argument("--story", help="one story id (default: every story)")
    args = parser.parse_args(argv)
    directory = sm.aquaint_dir(Path(args.eval_dir))
    sentences: Counter = Counter()
    pairs: Counter = Counter()
    for story in sm.load_gold():
        if args.story and story.id != args.story:
            continue
        rows = missing(story, directory)
        print(f"## {story.id}: {len(rows)} gold sentences in no event")
        for reason, happening, key, count, text in sorted(rows, key=lambda r: (r[0], -r[3])):
            print(f"  {count:4d}  {happening}  {key[0]}:{key[1]}  {reason}\n          {text[:150]!r}")
            sentences[reason] += 1
            pairs[reason] += count
    print("## by cause: sentences, cross-article gold pairs they are in")
    for reason, count in sentences.most_common():
        print(f"  {count:3d}  {pairs[reason]:4d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

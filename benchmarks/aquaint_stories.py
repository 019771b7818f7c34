"""Group TimeML news documents into stories, build one timeline per story, and report on the merge.

    python benchmarks/aquaint_stories.py [DIR] [--threshold 0.12] [--top 8] [--json] [--out FILE]

DIR defaults to the AQUAINT part of the TBAQ development corpus (``/work/shared/eval/tbaq/AQUAINT``),
which holds a handful of stories each told by several agencies on several days. The corpus is read at run
time and never copied: the report quotes event titles taken from it, so write it outside the repository
(``--out /tmp/...``) and keep only aggregate numbers in the docs.

**Grouping into stories** is by content, with no list of file names:

1. *Name vocabulary*: a word counts as a name when, somewhere in the collection, it is written capitalised
   in the middle of a sentence (not after ``.``, ``"``, ``:`` or a line start) and it is not a calendar or
   function word. All-caps words longer than three letters (shouted headlines) are not taken as evidence;
   short acronyms such as FBI or INS are kept.
2. *Document vector*: the log-scaled counts of those names in the title and text, weighted by inverse
   document frequency; names in more than half of the documents (agency names, "U.S.") or in only one
   document carry no grouping signal and are dropped.
3. *Clustering*: average-link agglomerative clustering on cosine similarity, merging the closest pair of
   groups while their average similarity is at least ``--threshold``. A document that joins no group is a
   one-document story.

Per story the report gives the number of documents, events, multi-source events, conflicts, events per
date, and the top multi-source events with their sources and dates (to read). Over all stories it gives
automatic sanity figures:

- *reported after publication*: share of ``reported`` events dated (start) after the latest publication
  date of their sources (a report cannot describe the future: should be about 0);
- *gold value agreement*: share of dated mentions whose time expression has the gold TIMEX3 value at an
  overlapping span in the ``.tml`` file (exact string; "compatible" also accepts the two values' calendar
  spans overlapping), and how many mention dates rest on no gold TIMEX3 at all;
- *mention after publication*: mentions (not ``expected``) dated after their own document's publication,
  by how they got the date (``expression`` or ``joined``: an undated sentence that took an event's date);
- *source links by undated join only*: in multi-source events, the (event, source) pairs where that source
  contributes only joined mentions, i.e. the merge rests on content alone, with no date evidence;
- *duplicate texts*: documents that (nearly) repeat another's text, and multi-source events whose sources
  are all copies of one text (they say nothing about cross-source merging);
- *dateline events* (a wire dateline such as "CITY, Month D (Agency) --" made into an event) and *short
  titles* (fewer than three words);
- multi-source events, events whose sources span more than one agency, and conflicts.

Timing: about one second for the 73 AQUAINT documents (single process).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.build import build_timeline
from timeline.readers import read_paths
from timeline.temporal.timeml import TimexTag, read_timeml, read_title
from timeline.temporal.timex import value_to_date
from timeline.types import Article, DateValue, Event, EventMention, Timeline

DEFAULT_DIR = "/work/shared/eval/tbaq/AQUAINT"
DEFAULT_THRESHOLD = 0.12
FAR_DAYS = 30  # a mention date this far from the gold value is "far off" (wrong month or year)
MAX_SHARE = 0.5  # names in more documents than this share say nothing about which story

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
# Capitalised words that are not names even mid-sentence (calendar words, titles, pronoun "I").
_NOT_NAME = frozenset(
    re.split(
        r"\s+",
        """i monday tuesday wednesday thursday friday saturday sunday january february march april may june
        july august september october november december mr mrs ms dr st the a an and of in on at to for""",
    )
)


# --------------------------------------------------------------------------- documents


@dataclass
class Document:
    doc_id: str
    path: str
    agency: str  # leading letters of the document id (APW, NYT, XIE)
    published: str | None
    title: str
    text: str
    gold: list[TimexTag]


def load_documents(directory: str | Path) -> list[Document]:
    documents = []
    for path in sorted(Path(directory).glob("*.tml")):
        raw = path.read_bytes()
        text, dct, gold = read_timeml(raw)
        agency = re.match(r"[A-Za-z]*", path.stem).group()  # type: ignore[union-attr]
        title = read_title(raw) or ""
        documents.append(Document(path.stem, str(path), agency, dct, title, text, gold))
    return documents


def duplicate_texts(documents: Sequence[Document], threshold: float = 0.8) -> dict[str, str]:
    """Map each document that (nearly) repeats an earlier one's text to that earlier document's id.

    Agencies re-send stories (write-thrus); copies inflate "multi-source" counts, so they are reported
    apart. A copy is a text whose word 5-grams are mostly (``threshold``) found in the other text, or
    the other way round, so a shortened or extended re-send counts as well as an exact repeat.
    """
    shingles = [_shingles(d.text) for d in documents]
    copies: dict[str, str] = {}
    for i, later in enumerate(documents):
        for j in range(i):
            smaller = min(len(shingles[i]), len(shingles[j]))
            if smaller and len(shingles[i] & shingles[j]) / smaller >= threshold:
                copies[later.doc_id] = copies.get(documents[j].doc_id, documents[j].doc_id)
                break
    return copies


def _shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = [w.lower() for w in _WORD.findall(text)]
    return {tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 0))}


# --------------------------------------------------------------------------- grouping into stories


def _mid_sentence_capitals(text: str) -> Counter[str]:
    """Lower-cased words written capitalised where capitals are not forced by position."""
    found: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or word.isupper() and len(word) > 3:
            continue  # lower case, or all-caps shouting (headlines)
        before = text[max(0, match.start() - 8) : match.start()].rstrip(" \t")
        if not before or before[-1] in ".!?\"'`\n:_-(":
            continue  # sentence, line or quote start: capital proves nothing
        if word.lower() not in _NOT_NAME:
            found[word.lower()] += 1
    return found


def name_vocabulary(texts: Sequence[str]) -> set[str]:
    vocabulary: set[str] = set()
    for text in texts:
        vocabulary.update(_mid_sentence_capitals(text))
    return vocabulary


def document_vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    """TF-IDF vectors over the name vocabulary, unit length."""
    vocabulary = name_vocabulary(texts)
    counts = [Counter(w for w in (m.lower() for m in _WORD.findall(t)) if w in vocabulary) for t in texts]
    frequency = Counter(word for c in counts for word in c)
    usable = {w for w, n in frequency.items() if 2 <= n <= MAX_SHARE * len(texts)}
    vectors = []
    for c in counts:
        vector = {
            w: (1 + math.log(n)) * math.log(len(texts) / frequency[w]) for w, n in c.items() if w in usable
        }
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({w: v / norm for w, v in vector.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def cluster(texts: Sequence[str], threshold: float = DEFAULT_THRESHOLD) -> list[list[int]]:
    """Average-link clustering of ``texts`` by shared names; groups of indices, largest first."""
    vectors = document_vectors(texts)
    n = len(texts)
    similarity = [[_cosine(vectors[i], vectors[j]) for j in range(n)] for i in range(n)]
    groups: list[list[int]] = [[i] for i in range(n)]
    while len(groups) > 1:
        best, pair = -1.0, (0, 0)
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                average = sum(similarity[i][j] for i in groups[a] for j in groups[b])
                average /= len(groups[a]) * len(groups[b])
                if average > best:
                    best, pair = average, (a, b)
        if best < threshold:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def story_name(documents: Sequence[Document], vectors: Sequence[dict[str, float]]) -> str:
    """The group's three heaviest names: a label for the report, not a claim."""
    weight: Counter[str] = Counter()
    for vector in vectors:
        weight.update(vector)
    return " / ".join(word for word, _ in weight.most_common(3)) or documents[0].doc_id


# --------------------------------------------------------------------------- per-story report


@dataclass
class StoryReport:
    name: str
    documents: list[str]
    agencies: dict[str, int]
    events: int
    multi_source: int
    multi_agency: int
    conflicts: int
    per_date: list[tuple[str, int]]  # (date value, events), in date order
    top_events: list[dict[str, object]]
    undated_events: int = 0


@dataclass
class Sanity:
    reported_events: int = 0
    reported_after_publication: int = 0
    after_examples: list[str] = field(default_factory=list)
    expected_before_publication: int = 0  # "expected" events wholly before their earliest source's date
    expected_examples: list[str] = field(default_factory=list)
    dated_mentions: int = 0
    with_gold: int = 0  # a gold TIMEX3 overlaps the mention's expression
    gold_exact: int = 0
    gold_compatible: int = 0  # calendar spans overlap
    no_gold: int = 0
    gold_far: int = 0  # our date is more than FAR_DAYS away from every overlapping gold value
    gold_far_examples: list[str] = field(default_factory=list)
    text_mismatch: list[str] = field(default_factory=list)  # documents where reader and gold texts differ
    duplicates: dict[str, str] = field(default_factory=dict)  # copy -> original document id
    events: int = 0
    multi_source: int = 0
    conflicts: int = 0
    # mention level: a source cannot report, as past, something dated after its own publication
    mention_after_publication: Counter[str] = field(default_factory=Counter)  # by date_source
    mention_after_examples: list[str] = field(default_factory=list)
    joined_only_links: int = 0  # (event, source) pairs where the source is linked by undated joins only
    source_links: int = 0  # (event, source) pairs of multi-source events
    duplicate_only_events: int = 0  # multi-source events whose sources are all copies of one text
    dateline_events: int = 0  # events made from an agency dateline ("CITY, Month D (Agency) --")
    short_titles: int = 0  # titles of fewer than three words

    def to_dict(self) -> dict[str, object]:
        def share(part: int, whole: int) -> float:
            return round(part / whole, 4) if whole else 0.0

        return {
            "events": self.events,
            "multi_source_events": self.multi_source,
            "conflicts": self.conflicts,
            "reported_events": self.reported_events,
            "reported_after_publication": self.reported_after_publication,
            "reported_after_publication_share": share(self.reported_after_publication, self.reported_events),
            "expected_before_publication": self.expected_before_publication,
            "dated_mentions": self.dated_mentions,
            "mentions_with_gold_timex": self.with_gold,
            "gold_value_exact": self.gold_exact,
            "gold_value_exact_share": share(self.gold_exact, self.with_gold),
            "gold_value_compatible_share": share(self.gold_compatible, self.with_gold),
            "mentions_without_gold_timex": self.no_gold,
            f"gold_value_over_{FAR_DAYS}_days_off": self.gold_far,
            "mention_after_publication": dict(self.mention_after_publication),
            "source_links_in_multi_source_events": self.source_links,
            "source_links_by_undated_join_only": self.joined_only_links,
            "multi_source_events_of_duplicate_texts_only": self.duplicate_only_events,
            "dateline_events": self.dateline_events,
            "short_titles": self.short_titles,
            "text_mismatch_documents": self.text_mismatch,
            "duplicate_documents": self.duplicates,
        }


def _published_dates(timeline: Timeline) -> dict[str, tuple[date, date]]:
    dates = {}
    for article in timeline.documents:
        span = value_to_date(article.published.value) if article.published.value else None
        if span is not None:
            dates[article.id] = (span.start, span.end)
    return dates


def report_story(name: str, timeline: Timeline, agencies: dict[str, str], top: int) -> StoryReport:
    events = timeline.events
    per_date = Counter(e.date.value for e in events if e.date is not None)
    order = {e.date.value: (e.date.start, -e.date.end.toordinal()) for e in events if e.date is not None}
    multi = [e for e in events if len(e.sources) > 1]
    ranked = sorted(multi, key=lambda e: (-len(e.sources), -len(e.mentions), e.title))[:top]
    return StoryReport(
        name=name,
        documents=[a.id for a in timeline.documents],
        agencies=dict(Counter(agencies[a.id] for a in timeline.documents)),
        events=len(events),
        multi_source=len(multi),
        multi_agency=sum(1 for e in multi if len({agencies[s] for s in e.sources}) > 1),
        conflicts=sum(len(e.conflicts) for e in events),
        per_date=sorted(per_date.items(), key=lambda item: order[item[0]]),
        top_events=[_event_summary(e) for e in ranked],
        undated_events=sum(1 for e in events if e.date is None),
    )


def _event_summary(event: Event) -> dict[str, object]:
    return {
        "date": event.date.value if event.date else None,
        "status": event.status,
        "title": event.title,
        "sources": event.sources,
        "mentions": [
            {
                "document": m.document,
                "date": m.date.value if m.date else None,
                "expression": m.expression.text if m.expression else None,
                "date_source": m.date_source,
                "trigger": m.trigger,
                "status": m.status,
                "sentence": " ".join(m.sentence.text.split()),
            }
            for m in event.mentions
        ],
        "conflicts": [{"value": c.value, "sources": c.sources} for c in event.conflicts],
    }


# "PORTVALE, August 21 (Wirecast) --": a wire-service dateline, not news.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]+,(?:\s+[A-Z][A-Za-z.]*)?(?:\s+\d{1,2})?\s*\([A-Za-z ]+\)\s*[-_]+\s*$"
)


def add_sanity(
    sanity: Sanity, timeline: Timeline, gold: dict[str, Document], copies: dict[str, str] | None = None
) -> None:
    """Add one story's figures; ``copies`` maps a document id to the id of the text it duplicates."""
    published = _published_dates(timeline)
    copies = copies or {}
    sanity.events += len(timeline.events)
    sanity.multi_source += sum(1 for e in timeline.events if len(e.sources) > 1)
    sanity.conflicts += sum(len(e.conflicts) for e in timeline.events)
    for article in timeline.documents:
        if article.id in gold and article.text != gold[article.id].text:
            sanity.text_mismatch.append(article.id)
    for event in timeline.events:
        _check_status(sanity, event, published)
        _check_links(sanity, event, copies)
        if any(_DATELINE.match(m.sentence.text) for m in event.mentions):
            sanity.dateline_events += 1
        if len(event.title.split()) < 3:
            sanity.short_titles += 1
        for mention in event.mentions:
            _check_gold(sanity, mention, gold)
            _check_mention_date(sanity, mention, published)


def _check_links(sanity: Sanity, event: Event, copies: dict[str, str]) -> None:
    if len(event.sources) < 2:
        return
    sanity.source_links += len(event.sources)
    for source in event.sources:
        if all(m.date_source == "joined" for m in event.mentions if m.document == source):
            sanity.joined_only_links += 1
    if len({copies.get(s, s) for s in event.sources}) == 1:
        sanity.duplicate_only_events += 1


def _check_mention_date(
    sanity: Sanity, mention: EventMention, published: dict[str, tuple[date, date]]
) -> None:
    span = published.get(mention.document)
    if mention.date is None or span is None or mention.status == "expected":
        return
    if mention.date.start > span[1]:
        sanity.mention_after_publication[mention.date_source] += 1
        sanity.mention_after_examples.append(
            f"{mention.document} ({mention.date_source}) -> {mention.date.value}: "
            + " ".join(mention.sentence.text.split())[:100]
        )


def _check_status(sanity: Sanity, event: Event, published: dict[str, tuple[date, date]]) -> None:
    spans = [published[s] for s in event.sources if s in published]
    if event.date is None or not spans:
        return
    if event.status == "reported":
        sanity.reported_events += 1
        latest = max(end for _, end in spans)
        if event.date.start > latest:
            sanity.reported_after_publication += 1
            sanity.after_examples.append(f"{event.date.value} {event.sources[0]}: {event.title}")
    elif event.status == "expected" and event.date.end < min(start for start, _ in spans):
        sanity.expected_before_publication += 1
        sanity.expected_examples.append(f"{event.date.value} {event.sources[0]}: {event.title}")


def _check_gold(sanity: Sanity, mention: EventMention, gold: dict[str, Document]) -> None:
    expression = mention.expression
    if expression is None or mention.date is None or mention.date_source != "expression":
        return
    document = gold.get(mention.document)
    if document is None:
        return
    sanity.dated_mentions += 1
    overlapping = [t for t in document.gold if t.start < expression.end and expression.start < t.end]
    if not overlapping:
        sanity.no_gold += 1
        return
    sanity.with_gold += 1
    if any((t.value or "") == (expression.value or "") for t in overlapping):
        sanity.gold_exact += 1
        sanity.gold_compatible += 1
        return
    spans = [
        s for s in (value_to_date(_plain_gold(t.value)) for t in overlapping if t.value) if s is not None
    ]
    if any(s.overlaps(mention.date) for s in spans):
        sanity.gold_compatible += 1
    elif spans and all(_days_apart(s, mention.date) > FAR_DAYS for s in spans):
        sanity.gold_far += 1
        gold_values = ", ".join(t.value or "" for t in overlapping)
        sanity.gold_far_examples.append(
            f"{mention.document} {expression.text!r} -> {expression.value} (gold {gold_values})"
        )


def _plain_gold(value: str) -> str:
    """A gold value in the form ``value_to_date`` reads: ``1949-XX`` -> ``1949``, ``2000-W7`` -> ``2000-W07``,
    ``198X`` -> ``198`` (annotators' variants of the same calendar span)."""
    value = re.sub(r"(-XX)+$", "", value.strip())
    value = re.sub(r"-W(\d)$", r"-W0\1", value)
    return re.sub(r"^(\d{2,3})X+$", r"\1", value)


def _days_apart(a: DateValue, b: DateValue) -> int:
    if a.overlaps(b):
        return 0
    return (b.start - a.end).days if a.end < b.start else (a.start - b.end).days


# --------------------------------------------------------------------------- driver


def build_stories(
    documents: list[Document], threshold: float, top: int
) -> tuple[list[StoryReport], Sanity, list[Timeline]]:
    texts = [f"{d.title}\n{d.text}" for d in documents]
    vectors = document_vectors(texts)
    agencies = {d.doc_id: d.agency for d in documents}
    gold = {d.doc_id: d for d in documents}
    copies = duplicate_texts(documents)
    reports, timelines = [], []
    sanity = Sanity(duplicates=copies)
    for group in cluster(texts, threshold):
        members = [documents[i] for i in group]
        articles: list[Article] = read_paths([d.path for d in members])
        timeline = build_timeline(articles)
        name = story_name(members, [vectors[i] for i in group])
        reports.append(report_story(name, timeline, agencies, top))
        add_sanity(sanity, timeline, gold, copies)
        timelines.append(timeline)
    return reports, sanity, timelines


def render_text(reports: list[StoryReport], sanity: Sanity) -> str:
    lines: list[str] = []
    for number, story in enumerate(reports, start=1):
        agencies = ", ".join(f"{a} {n}" for a, n in sorted(story.agencies.items()))
        lines += [
            f"## Story {number}: {story.name}",
            f"{len(story.documents)} documents ({agencies}): {' '.join(story.documents)}",
            f"{story.events} events ({story.undated_events} undated), {story.multi_source} multi-source "
            f"({story.multi_agency} across agencies), {story.conflicts} conflicts",
            "events per date: " + ", ".join(f"{value} {n}" for value, n in story.per_date),
        ]
        for event in story.top_events:
            conflicts = "; ".join(f"{c['value']} ({', '.join(c['sources'])})" for c in event["conflicts"])  # type: ignore[index,union-attr]
            lines.append(
                f"  * {event['date']} [{event['status']}] {event['title']}"
                + (f"  CONFLICTS: {conflicts}" if conflicts else "")
            )
            for m in event["mentions"]:  # type: ignore[union-attr]
                lines.append(
                    f"      - {m['document']} {m['date']} ({m['expression']}; {m['date_source']}, "
                    f"{m['trigger']}, {m['status']}): {m['sentence'][:160]}"
                )
        lines.append("")
    figures = sanity.to_dict()
    lines.append("## Sanity over all stories")
    lines += [f"{key}: {value}" for key, value in figures.items()]
    lines += [f"  event after publication: {example}" for example in sanity.after_examples[:20]]
    lines += [f"  mention after publication: {example}" for example in sanity.mention_after_examples[:40]]
    lines += [f"  expected but past: {example}" for example in sanity.expected_examples[:20]]
    lines += [f"  far from gold: {example}" for example in sanity.gold_far_examples[:40]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directory", nargs="?", default=DEFAULT_DIR)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="average-link similarity")
    parser.add_argument("--top", type=int, default=8, help="multi-source events shown per story")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--out", help="write the report to this file instead of standard output")
    args = parser.parse_args(argv)
    documents = load_documents(args.directory)
    if not documents:
        print(f"no .tml files in {args.directory}", file=sys.stderr)
        return 2
    reports, sanity, _ = build_stories(documents, args.threshold, args.top)
    if args.json:
        output = json.dumps(
            {"stories": [vars(r) for r in reports], "sanity": sanity.to_dict()}, indent=1, default=str
        )
    else:
        output = render_text(reports, sanity)
    if args.out:
        Path(args.out).write_text(output + "\n", encoding="utf-8")
    else:
        print(output)
    return 0


if __name__ == "__main__":
    sys.exit(main())

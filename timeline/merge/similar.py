"""Same-day reports in similar wording: a small event joins the day's event more outlets tell.

Reports of one happening by different outlets share its specific words (the place, the thing hit, the
numbers, the people) even when their verbs differ, and the merge's rules, which compare one sentence
with another, miss many of them.  Compared as a whole, an event's sentences carry more of those words.
After clustering, each event told by one or two articles (``SIMILAR_MOVES``; all its mentions dated) is
compared with the day-precise events more articles tell on a date that allows every one of its mentions' own
dates (the same day, or a publication-implied day and the day before): by the cosine of their TF-IDF
vectors, the words of each event's sentences weighted by how rare they are in the collection (the story's
names, present everywhere, weigh little).  Above ``SIMILAR_WORDING`` it joins the most similar one.

Measured on the AQUAINT merge gold (``docs/accuracy.md``, "Merge, session 4"): a hand-written sparse
cosine over dicts is enough (no scikit-learn: its import alone costs about 90 MB).  Only small events move
into larger ones (fewest sources first), so two events several outlets tell are not fused by wording
alone, and nothing is re-dated.
"""

from __future__ import annotations

import math
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from heapq import nlargest
from itertools import chain
from operator import itemgetter

from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import _choose_date, _retelling, implicit_day
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import _DAY, MentionFeatures, _places_differ, _subjects_clash, features
from timeline.text import STOPWORDS
from timeline.types import DateValue, EventMention

SIMILAR_MOVES = 2  # an event told by this many articles or fewer may join a similar one more articles tell
SIMILAR_WORDING = 0.2  # TF-IDF cosine above which a lone event is the day's event in other words
# ... or, for an event above ``_CANDIDATE_WORDING``, the cosine of its sentence most similar to one of the
# day's event's sentences: one report repeating another's words, diluted among the event's other sentences
SIMILAR_SENTENCE = 0.4
_CANDIDATE_WORDING = 0.08  # (measured: 0.1 keeps every such join, 0.12 loses some)
_COMPARED_WORDS = 30  # a lone event's heaviest words compared (the rest add little to the cosine)
_SHOWN_WORDS = 4  # the heaviest shared words named in the join's reason
_WORD = re.compile(r"[^\W\d_][\w'-]*[^\W_]|\d[\d,.]*\d|\d")
# the same on lower-cased ASCII text, its classes spelled out (speed: sets, not Unicode categories)
_ASCII_WORD = re.compile(r"[a-z][a-z0-9_'-]*[a-z0-9]|[0-9][0-9,.]*[0-9]|[0-9]")

Vector = dict[str, float]


def join_similar(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, idf: dict[str, float] | None = None
) -> list[_Cluster]:
    """The clusters after each small event (told by up to ``SIMILAR_MOVES`` articles) joins the most
    similar same-day event that more articles tell; ``idf``: the collection's (``sentence_idf``), when
    the caller has it."""
    copies = copies or {}
    sources = [len({copies.get(m.document, m.document) for m in c.mentions}) for c in clusters]
    movers = sorted(
        (cid for cid, c in enumerate(clusters) if sources[cid] <= SIMILAR_MOVES and _all_dated(c)),
        key=lambda cid: (sources[cid], cid),
    )
    targets = [cid for cid in range(len(clusters)) if sources[cid] > 1]
    if not movers or not targets:
        return clusters
    space = _Space(clusters, idf)
    members = _Members(clusters, space)
    dates: dict[int, DateValue] = {}
    # each day's words: the events using them, as one flat list of event id, weight, event id, weight ...
    # (memory, issue #13: a tuple per pair cost 5 MB at the merge's peak on a 1,000-article topic)
    postings: dict[int, dict[str, list[int | float]]] = defaultdict(lambda: defaultdict(list))
    for cid in targets:
        when = _event_date(clusters[cid])
        if when is None or when.granularity not in _DAY:
            continue  # a week's or a month's events are no day's happening (measured: none joins them)
        dates[cid] = when
        day = postings[when.start.toordinal()]
        for word, weight in space.vector(cid).items():
            day[word].extend((cid, weight))
    days = sorted(postings)
    # fewest sources first: an event that took a lone one in may move on with it (every mention's date is
    # checked against its new event's again); one that has moved is no target any more
    gone: set[int] = set()
    for cid in movers:
        own = sources[cid]
        best = _most_similar(
            clusters[cid],
            cid,
            (space, members),
            postings,
            dates,
            lambda t, own=own: sources[t] > own and t not in gone,
            days,
            lone=own == 1,
        )
        if best is not None:
            into, cosine = best
            _join(clusters[cid], clusters[into], cosine, space.vector(cid), space.vector(into))
            clusters[cid] = _Cluster()
            gone.add(cid)
        if best is not None or cid not in dates:
            # memory (issue #9): a vector no later event asks for again (the event moved, or is no day's
            # target), let go; a target's stays, the one its postings hold (the event may change since)
            space.forget(cid)
    return [c for c in clusters if c.mentions]


def _all_dated(cluster: _Cluster) -> bool:
    return all(m.date is not None for m in cluster.mentions)


def _event_date(cluster: _Cluster) -> DateValue | None:
    """The date the event will have (``events._to_event``): from its stated dates, else its unstated ones.
    Only its day matters here: when every date its members state is on one day, that day (cheap)."""
    days = {when.start for when in cluster.stated}
    if len(days) == 1 and all(when.granularity in _DAY for when in cluster.stated):
        return cluster.stated[0]
    stated = [
        m
        for m in cluster.mentions
        if m.date is not None and m.date_source == "expression" and not _retelling(m)
    ]
    return _choose_date(stated) or implicit_day(cluster.mentions)


def _most_similar(
    cluster: _Cluster,
    cid: int,
    spaces: tuple[_Space, _Members],
    postings: dict[int, dict[str, list[int | float]]],
    dates: dict[int, DateValue],
    allowed: Callable[[int], bool],
    posting_days: list[int],
    lone: bool = False,
) -> tuple[int, float] | None:
    """The most similar event of several articles whose date every mention's own date allows; for a
    ``lone`` event (one article's), also one with a sentence one of its own repeats (``SIMILAR_SENTENCE``)."""
    spans = [bounds(m) for m in cluster.mentions]
    first = max(start for start, _ in spans)
    last = min(end for _, end in spans)
    # the days with events of more articles that every mention's own dates allow (a coarse date allows many)
    days = posting_days[
        bisect_left(posting_days, first.toordinal()) : bisect_right(posting_days, last.toordinal())
    ]
    if not days:
        return None  # no event of several articles on a day the lone event's own dates all allow
    space, members = spaces
    vector = space.vector(cid)
    heaviest = (
        nlargest(_COMPARED_WORDS, vector.items(), key=itemgetter(1))
        if len(vector) > _COMPARED_WORDS
        else vector.items()
    )
    best: tuple[float, int] | None = None
    own: list[Vector] = []  # the cluster's sentences' vectors, made when first needed
    for day in days:
        words = postings[day]
        dots: dict[int, float] = {}  # the cosine with each event of the day (unit vectors)
        dot = dots.get
        for word, weight in heaviest:
            found = words.get(word)
            if found is None:
                continue  # most of the heaviest words are no word of that day's events
            pairs = iter(found)
            for target, other in zip(pairs, pairs, strict=True):
                dots[target] = dot(target, 0.0) + weight * other
        for target, cosine in dots.items():
            if cosine < _CANDIDATE_WORDING or (best is not None and (-cosine, target) >= (-best[0], best[1])):
                continue  # the most similar wins, the first (lowest id) on a tie: independent of order
            when = dates[target]
            if not (allowed(target) and all(start <= when.end and when.start <= end for start, end in spans)):
                continue
            if cosine < SIMILAR_WORDING:
                if not lone:
                    continue  # two outlets' event: by its wording as a whole (measured: no join lost)
                if not own:
                    texts = {(m.document, m.sentence.start): m.sentence.text for m in cluster.mentions}
                    own = [space.text_vector([text]) for text in texts.values()]
                if not _repeats_a_report(own, members.vectors(target)):
                    continue
            best = (cosine, target)
    return (best[1], best[0]) if best else None


def _repeats_a_report(own: list[Vector], others: list[Vector]) -> bool:
    """One of the cluster's sentences is as similar as ``SIMILAR_SENTENCE`` to one of the target's."""
    return any(_cosine(vector, other) >= SIMILAR_SENTENCE for vector in own for other in others)


def _join(lone: _Cluster, into: _Cluster, cosine: float, vector: Vector, other: Vector) -> None:
    """Move the lone event's mentions into ``into``, its first mention's join saying why."""
    mention, f = lone.reps[0] if lone.reps else (lone.mentions[0], features(lone.mentions[0]))
    member, of = _closest_member(mention, into)
    shared = sorted(set(vector) & set(other), key=lambda w: (-vector[w] * other[w], w))[:_SHOWN_WORDS]
    reason = join_reason(mention, f, member, of, date_kind(mention, member))
    mention.join = replace(
        reason,
        terms=tuple(dict.fromkeys(reason.terms + tuple(shared)))[:6],
        date=f"{reason.date}; similar wording to that day's reports (TF-IDF cosine {cosine:.2f})",
    )
    into.add_reason(mention.join)
    into.absorb(lone)


def _closest_member(mention: EventMention, cluster: _Cluster) -> tuple[EventMention, MentionFeatures]:
    """The member sharing most words with the mention (the join's other side), no place or party apart."""
    words = set(_words(mention.sentence.text))
    f = features(mention)

    def overlap(pair: tuple[EventMention, MentionFeatures]) -> tuple[bool, int]:
        other, of = pair
        apart = _places_differ(f, of) or _subjects_clash(f, of)
        return (not apart, len(words & set(_words(other.sentence.text))))

    return max(cluster.reps, key=overlap)


class _Space:
    """TF-IDF vectors of clusters over their distinct sentences, normalised; IDF over the collection's
    sentences (``sentence_idf``).  A cluster's vector is made when first asked for: most lone events
    meet no candidate."""

    def __init__(self, clusters: list[_Cluster], idf: dict[str, float] | None = None) -> None:
        self._clusters = clusters
        self._idf = sentence_idf(clusters) if idf is None else idf
        self._vectors: dict[int, Vector] = {}

    def vector(self, cid: int) -> Vector:
        found = self._vectors.get(cid)
        if found is None:
            texts: dict[tuple[str, int], str] = {}
            for m in self._clusters[cid].mentions:
                texts.setdefault((m.document, m.sentence.start), m.sentence.text)
            found = self.text_vector(texts.values())
            self._vectors[cid] = found
        return found

    def forget(self, cid: int) -> None:
        """Let the cluster's vector go (``vector`` makes it again from the cluster as it is then)."""
        self._vectors.pop(cid, None)

    def text_vector(self, texts: Iterable[str]) -> Vector:
        """The normalised TF-IDF vector of the texts together (sentences of the collection)."""
        counts = Counter(chain.from_iterable(map(_words, texts)))  # (one update: the same counts, in order)
        idf, log = self._idf.get, math.log
        # a word said once weighs its IDF (1 + log 1 = 1: no logarithm to take, the same figure)
        weights = {w: idf(w, 0.0) if n == 1 else (1.0 + log(n)) * idf(w, 0.0) for w, n in counts.items()}
        norm = math.sqrt(sum([x * x for x in weights.values()])) or 1.0
        return {w: x / norm for w, x in weights.items() if x > 0}


def _cosine(vector: Vector, other: Vector) -> float:
    if len(vector) > len(other):
        vector, other = other, vector  # the shorter one's words looked up in the longer one
    get = other.get  # (summed from a list: faster than from a generator, the same order)
    return sum([weight * get(word, 0.0) for word, weight in vector.items()])


class _Members:
    """Each event's distinct sentences as TF-IDF vectors (its retellings left out), made when first asked
    for.  A short report, or a retelling, repeats one report's words: against the event's sentences all
    together (``_Space``) it weighs little, against the report it repeats it stands out."""

    def __init__(self, clusters: list[_Cluster], space: _Space) -> None:
        self._clusters, self._space = clusters, space
        self._vectors: dict[int, list[Vector]] = {}

    def vectors(self, cid: int) -> list[Vector]:
        found = self._vectors.get(cid)
        if found is None:
            # by text: the copies of one wire sentence are one vector
            texts = {m.sentence.text for m in self._clusters[cid].mentions if not _retelling(m)}
            found = self._vectors[cid] = [self._space.text_vector([text]) for text in texts]
        return found


def sentence_idf(clusters: list[_Cluster]) -> dict[str, float]:
    """Each word's IDF over the distinct sentences of the clusters' mentions (the collection's).

    Memory (issue #13): the words of each sentence are counted, not kept (a large topic's 16,000
    sentences hold 200,000 lower-cased words); a vector reads its cluster's sentences again."""
    seen: set[tuple[str, int]] = set()
    frequency: Counter[str] = Counter()
    for cluster in clusters:
        for mention in cluster.mentions:
            key = (mention.document, mention.sentence.start)
            if key not in seen:
                seen.add(key)
                frequency.update(set(_words(mention.sentence.text)))
    total = len(seen)
    return {word: math.log(total / n) for word, n in frequency.items()}


# Within one merge, from the collection's IDF to the retellings (``remember_words`` ... ``forget_words``),
# each sentence's words by its text (speed, issue #13: the IDF, the events' vectors and the retellings read
# every sentence two or three times).  Memory: about 3.4 MB on a 1,000-article topic (the words themselves
# are interned, and the IDF holds them anyway), held only after placing has let its index go.
_WORDS_OF: dict[str, tuple[str, ...]] | None = None


def remember_words() -> None:
    """Keep each sentence's words until ``forget_words`` (nothing changes but speed: ``_words`` is pure)."""
    global _WORDS_OF
    _WORDS_OF = {}


def forget_words() -> None:
    global _WORDS_OF
    _WORDS_OF = None


def _words(text: str) -> tuple[str, ...]:
    """Lower-cased content words and numbers (three letters or more; stop words left out); kept between
    ``remember_words`` and ``forget_words``."""
    if _WORDS_OF is None:
        return _read_words(text)
    found = _WORDS_OF.get(text)
    if found is None:
        found = _WORDS_OF[text] = _read_words(text)
    return found


def _read_words(text: str) -> tuple[str, ...]:
    """``_words``, read from the text."""
    # interned: the vectors and postings of many events then share one string per word (a list
    # comprehension, not nested generators: the merge reads every sentence's words several times)
    intern = sys.intern
    if text.isascii():  # speed: lower-cased at once, the same words (ASCII letters stay letters)
        words = _ASCII_WORD.findall(text.lower())
        return tuple([intern(w) for w in words if len(w) >= 3 and w not in STOPWORDS])
    return tuple([intern(w) for m in _WORD.findall(text) if len(w := m.lower()) >= 3 and w not in STOPWORDS])

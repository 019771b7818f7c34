"""Summary timelines (``--top L --sentences K``): the L most important days, K sentences each.

Which days matter is read from the collection itself, with no training on reference timelines:

- **references**: how many articles name the day (a time expression resolving to it), each article once
  (a re-sent copy not at all);
  an article written more than a week later weighs most (a day still recalled later mattered), one
  published the same day or within the week counts once, a forecast (the day is still ahead) half;
- **coverage**: how many articles were published that day, and a quarter for those of the next day
  (the morning-after report);
- **outlets**: when articles name their outlet, an outlet's further articles on (or naming) a day count
  1/2, 1/3...: many outlets reporting a day say more than one outlet's many updates;
- **relevance**: a reference in a sentence that names none of the collection's subject words (the
  capitalised words most articles share: the person, organisation or place the story is about) counts
  for less: a story folder also holds articles that mention its subject in passing; a reference by a
  holiday's name ("at Christmas") counts half: a season or a plan more than a happening;
- **salience against its period**: the sum is divided by the square root of the articles published
  within a year of the day, so that a busy year does not fill the whole timeline with its small days
  and a quiet year's big day still shows;
- **retellings**: an article written more than a week later that tells the day's happening without naming
  the day (the merge put one of its sentences in an event of that day: "after his arrest", "the verdict";
  without merged events, ``--quick``, a sentence dated by the day's month that says nearly what a sentence
  naming the day says) counts 0.3, against 2 for a later article naming it: a happening still retold later
  mattered, but the join is weaker evidence than a date;
- **how long it is recalled**: a day that later articles (more than a week after it) name in n different
  months counts x(1 + 0.2 ln(1 + n)): ten articles of one follow-up week name a day as often as one
  article a month for ten months, but only the second is a day the story keeps coming back to;
- **witnesses**: a day that only one article names counts half: one passing date is weaker evidence
  than a day several articles independently recall;
- **about the subject**: a day none of whose candidate sentences (below) names the story's main subject
  counts a fifth: what happened that day happened to someone else;
- **said about**: a day with fewer than three candidate sentences counts half: a date the collection says
  only one or two things about is a passing date more than a happening its articles report;
- **echoes**: a day no later article names, within two days of a better-ranked day that later articles do
  name, counts 0.7: it is most likely that happening's news wave (the morning-after reports, the reactions)
  rather than a happening of its own.

Sentences for a day: those naming the day, and the headlines and opening sentences of the articles
published on it or the day after (naming no other day); of those, the ones naming the story's main
subject (its two most frequent subject words) when there are any; the most central to that pool (TF-IDF
centroid; a headline's centrality counts 1.5 times and a sentence's of at most 30 words 1.2 times: a
timeline entry says one event in a few words), then the next most central that does not repeat what is
chosen (maximal marginal relevance), each with the articles that say nearly the same.

Provenance: each kept day carries its ``DayRanking`` (its rank, score and the evidence above, with the rules
that lowered it, in words), and each summary sentence says why it is on its day (``dated_by``: the
expression naming it, or the publication day of the article it opens).
"""

from __future__ import annotations

import bisect
import hashlib
import heapq
import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from timeline.temporal.timex import value_to_date
from timeline.text import STOPWORDS
from timeline.types import (
    Article,
    DateValue,
    DayRanking,
    Event,
    EventMention,
    Sentence,
    SummarySentence,
    TimeExpression,
)

# weights of one article's reference to a day, by when the article was published relative to it
LATER_WEIGHT = 2.0  # more than a week after the day
RECENT_WEIGHT = 1.0  # the same day or within the week after
AHEAD_WEIGHT = 0.5  # before the day: a plan or a forecast
RECENT_DAYS = 7
PUBLISHED_WEIGHT = 1.0  # an article published on the day
NEXT_DAY_WEIGHT = 0.25  # an article published the day after
OFF_SUBJECT_WEIGHT = 0.3  # a reference in a sentence naming none of the subject words
SUBJECT_SHARE = 0.3  # subject words: in at least this share of the articles of the most common one
PERIOD_DAYS = 365  # salience is measured against the articles published this close to the day
SINGLE_WITNESS_WEIGHT = 0.5  # a day only one article names (a passing date) counts half
HOLIDAY_WEIGHT = 0.5  # a reference by a holiday's name ("at Christmas"): a season more than a happening
RETOLD_WEIGHT = 0.3  # a later article telling the day's happening without naming the day (LATER_WEIGHT: 2)
# without merged events (--quick), a retelling is found by its words: a sentence dated by a span of at most
# this many days holding the day ("in July"), as close to a sentence naming the day as this (TF-IDF cosine)
RETELLING_SPAN_DAYS, RETELLING_SIMILARITY = 31, 0.3
RECALL_MONTHS_WEIGHT = 0.2  # x(1 + this ln(1 + n)), n the months in which later articles name the day
ECHO_DAYS, ECHO_WEIGHT = 2, 0.7  # a day no later article names, this close to a kept day some do

LEAD_SENTENCES = 5  # opening sentences of an article published on the day that may summarise it
FOLLOWING_DAYS = 1  # ... or this many days after it (the morning-after reports)
MIN_WORDS, MAX_WORDS = 6, 60  # a summary sentence is a sentence, not a fragment or a run-on
HEADLINE_MIN_WORDS = 4  # a headline says an event in fewer words ("Senate votes to impeach Rahn")
MAIN_SUBJECT_WORDS = 2  # the subject words a summary sentence should name, when some candidates do
OFF_MAIN_DAY_WEIGHT = 0.2  # a day none of whose candidate sentences names them
THIN_SENTENCES, THIN_DAY_WEIGHT = 3, 0.5  # a day with fewer candidate sentences: little said about it
HEADLINE_PREFERENCE = 1.5  # a headline's centrality counts this much more: it is written to say the event
SHORT_WORDS, SHORT_PREFERENCE = (
    30,
    1.2,
)  # so does a sentence of at most 30 words: a timeline entry is one clause
REDUNDANCY = 0.7  # MMR: weight of centrality against similarity to the sentences already chosen
SAME_REPORT = 0.5  # cosine from which another article's sentence says the same (cited as a source)

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# after a lower-case word, a number or a comma: a capitalised word that does not open a sentence
_INNER_CAPITALISED = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][a-z]{2,}\b")
_TOKEN = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"\w+(?:['’.-]\w+)*")  # a word however the text spaces its punctuation


@dataclass
class Collection:
    """What the summariser reads besides the events: the articles and each one's sentences and dates."""

    articles: list[Article]
    sentences: dict[str, list[Sentence]]
    expressions: dict[str, list[TimeExpression]]
    copies: dict[str, str] = field(default_factory=dict)  # a re-sent article's id -> its original's


# ---------------------------------------------------------------- which days


def published_day(article: Article) -> date | None:
    value = article.published.value
    if not value or len(value) < 10:
        return None
    when = value_to_date(value[:10])
    return when.start if when else None


def day_of(expression: TimeExpression) -> date | None:
    """The day a DATE/TIME expression names, when it names exactly one day."""
    if expression.type not in ("DATE", "TIME") or expression.granularity not in ("day", "time"):
        return None
    when = expression.date()
    return when.start if when is not None and when.start == when.end else None


def subject_words(collection: Collection) -> set[str]:
    """Capitalised words (not opening a sentence) found in many of the articles: what the story is about."""
    return set(_ranked_subject_words(collection))


def main_subject_words(collection: Collection) -> set[str]:
    """The subject words most articles share (the story's person or organisation, e.g. its two names)."""
    return set(_ranked_subject_words(collection)[:MAIN_SUBJECT_WORDS])


def _ranked_subject_words(collection: Collection) -> list[str]:
    """The subject words, most articles first (the alphabetically first of equals)."""
    frequency: Counter[str] = Counter()
    for article in collection.articles:
        frequency.update(set(_INNER_CAPITALISED.findall(_body(article))))
    if not frequency:
        return []
    most = max(frequency.values())
    ranked = sorted(frequency.items(), key=lambda item: (-item[1], item[0]))
    return [word for word, count in ranked if count >= SUBJECT_SHARE * most]


def _body(article: Article) -> str:
    return "\n".join(article.text[start:end] for start, end in article.body)


def _names_subject(text: str, subject: set[str]) -> bool:
    return not subject or any(word in subject for word in _CAPITALISED.findall(text))


def _sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    index = bisect.bisect_right(starts, offset) - 1
    return sentences[index] if index >= 0 and offset < sentences[index].end else None


def _reference_weight(day: date, published: date) -> float:
    if day > published:
        return AHEAD_WEIGHT
    return LATER_WEIGHT if (published - day).days > RECENT_DAYS else RECENT_WEIGHT


def day_scores(
    collection: Collection,
    since: date | None = None,
    until: date | None = None,
    subject: set[str] | None = None,
    events: Iterable[Event] = (),
) -> dict[date, float]:
    """Importance of every day the collection names, within ``since``/``until`` (see the module doc);
    ``events`` (the merged events) add the later articles retelling a day's happening."""
    return _scored_days(collection, since, until, subject, events)[0]


@dataclass
class _Evidence:
    """Per day, what its score was made of (for ``DayRanking``, and the echo rule's months)."""

    namers: dict[date, set[str]]  # the distinct articles naming each day
    later: dict[date, set[str]]  # ... written more than ``RECENT_DAYS`` after it
    recalled: dict[date, set[tuple[int, int]]]  # the months in which those later articles were written
    published: Counter[date]  # articles published on each day (copies left out)
    retold: dict[date, int]  # later articles retelling its happening without naming it


def _scored_days(
    collection: Collection,
    since: date | None,
    until: date | None,
    subject: set[str] | None,
    events: Iterable[Event],
    worded: DayIndex | None = None,
) -> tuple[dict[date, float], _Evidence]:
    """``day_scores``, and per day what the score was made of.  With a ``worded`` index (``--quick``: no
    merged events) the later retellings are found by their words (``_worded_retellings``)."""
    subject = subject_words(collection) if subject is None else subject
    evidence: Counter[date] = Counter()
    coverage: Counter[date] = Counter()
    published: list[date] = []
    namers: dict[date, set[str]] = defaultdict(set)  # the distinct articles naming each day
    later: dict[date, set[str]] = defaultdict(set)
    recalled: dict[date, set[tuple[int, int]]] = defaultdict(set)  # months of later articles naming it
    on_day: Counter[date] = Counter()
    # how many articles of each known outlet were already counted as published on / naming a day
    outlet_published: Counter[tuple[str, date]] = Counter()
    outlet_named: Counter[tuple[str, date]] = Counter()
    for article in sorted(collection.articles, key=lambda a: a.id):
        when = published_day(article)
        if when is None or article.id in collection.copies:
            continue  # a re-sent copy is not another article naming the day, nor more coverage
        published.append(when)
        on_day[when] += 1
        coverage[when] += _outlet_weight(article, when, outlet_published)
        evidence[when] += 0.0  # a publication day is a candidate only when something names it
        for day, weight in _references(article, collection, subject).items():
            namers[day].add(article.id)
            if (when - day).days > RECENT_DAYS:
                later[day].add(article.id)
                recalled[day].add((when.year, when.month))
            evidence[day] += (
                weight * _reference_weight(day, when) * _outlet_weight(article, day, outlet_named)
            )
    retold: dict[date, int] = {}
    if worded is not None:
        retellings = _worded_retellings(collection, subject, namers, worded)
    else:
        retellings = _later_retellings(events, collection, subject, namers)
    for day, tellers in retellings.items():
        if day in evidence:  # a candidate already: named, or a publication day
            evidence[day] += RETOLD_WEIGHT * sum(tellers.values())
            retold[day] = len(tellers)
    published.sort()
    scores = {}
    for day, weight in evidence.items():
        if weight <= 0 or (since and day < since) or (until and day > until):
            continue
        total = (
            weight + PUBLISHED_WEIGHT * coverage[day] + NEXT_DAY_WEIGHT * coverage[day + timedelta(days=1)]
        )
        period = _published_within(published, day, PERIOD_DAYS)
        scores[day] = total / math.sqrt(1 + period)
        if len(namers.get(day, ())) < 2:
            scores[day] *= SINGLE_WITNESS_WEIGHT
        scores[day] *= _recall_factor(len(recalled.get(day, ())))
    return scores, _Evidence(namers, later, recalled, on_day, retold)


def _recall_factor(months: int) -> float:
    """How long a day is remembered, beyond how often: each later article already adds ``LATER_WEIGHT``,
    but articles of one follow-up wave say less than articles spread over many months (a milestone the
    story keeps returning to).  The logarithm keeps a day recalled for years from swamping the rest."""
    return 1.0 + RECALL_MONTHS_WEIGHT * math.log1p(months)


def _later_retellings(
    events: Iterable[Event], collection: Collection, subject: set[str], namers: dict[date, set[str]]
) -> dict[date, dict[str, float]]:
    """Per day, the articles published more than ``RECENT_DAYS`` after it that tell its happening without
    naming it (one of their sentences is in an event of that day), each with its relevance weight (as a
    reference's: a sentence naming none of the subject words counts ``OFF_SUBJECT_WEIGHT``)."""
    published = {a.id: published_day(a) for a in collection.articles if a.id not in collection.copies}
    tellers: dict[date, dict[str, float]] = defaultdict(dict)
    for event in events:
        if (
            event.date is None
            or event.date.granularity not in ("day", "time")
            or event.status == "background"
        ):
            continue
        day = event.date.start
        for mention in event.mentions:
            when = published.get(mention.document)
            if when is None or (when - day).days <= RECENT_DAYS or mention.document in namers.get(day, ()):
                continue
            weight = 1.0 if _names_subject(mention.sentence.text, subject) else OFF_SUBJECT_WEIGHT
            tellers[day][mention.document] = max(tellers[day].get(mention.document, 0.0), weight)
    return tellers


def _worded_retellings(
    collection: Collection, subject: set[str], namers: dict[date, set[str]], index: DayIndex
) -> dict[date, dict[str, float]]:
    """``_later_retellings`` without merged events (``--quick``): per day, the articles published more than
    ``RECENT_DAYS`` after it, not naming it, with a sentence dated by a span of at most
    ``RETELLING_SPAN_DAYS`` holding the day ("who resigned in July") whose words are as close as
    ``RETELLING_SIMILARITY`` to a sentence naming the day (TF-IDF cosine, the subject words left out: they
    are in nearly every sentence).  On Entities most of what the merged retellings add is of this kind: a
    later sentence naming the happening's month (docs/accuracy.md, "Session 17: summaries without events")."""
    frequency, documents = index.frequencies()
    lowered = {word.lower() for word in subject}

    def vector(text: str) -> dict[str, float]:
        return {w: v for w, v in _vector(text, frequency, documents).items() if w not in lowered}

    naming: dict[date, list[dict[str, float]]] = {}  # per day, its naming sentences' vectors (made once)
    days = sorted(namers)
    tellers: dict[date, dict[str, float]] = defaultdict(dict)
    for article in collection.articles:
        when = published_day(article)
        if when is None or article.id in collection.copies:
            continue
        sentences = collection.sentences.get(article.id, [])
        starts = [s.start for s in sentences]
        for expression in collection.expressions.get(article.id, []):
            span = _coarse_span(expression)
            sentence = _sentence_at(sentences, starts, expression.start) if span else None
            if span is None or sentence is None or sentence.boilerplate:
                continue
            own: dict[str, float] | None = None
            for day in days[bisect.bisect_left(days, span[0]) : bisect.bisect_right(days, span[1])]:
                if (when - day).days <= RECENT_DAYS or article.id in namers[day]:
                    continue
                own = own if own is not None else vector(sentence.text)
                if day not in naming:
                    naming[day] = [vector(s.text) for s, _ in index.naming.get(day, []) if not s.boilerplate]
                if any(_cosine(own, other) >= RETELLING_SIMILARITY for other in naming[day]):
                    weight = 1.0 if _names_subject(sentence.text, subject) else OFF_SUBJECT_WEIGHT
                    tellers[day][article.id] = max(tellers[day].get(article.id, 0.0), weight)
    return tellers


def _coarse_span(expression: TimeExpression) -> tuple[date, date] | None:
    """The days a date coarser than a day spans, when it is at most ``RETELLING_SPAN_DAYS`` long."""
    if expression.type != "DATE" or expression.granularity in ("day", "time"):
        return None
    when = expression.date()
    if when is None or (when.end - when.start).days > RETELLING_SPAN_DAYS:
        return None
    return when.start, when.end


def _outlet_weight(article: Article, day: date, seen: Counter[tuple[str, date]]) -> float:
    """1 for an outlet's first article on (or naming) a day, less for each further one: ten outlets
    reporting a day say more than one outlet's ten updates.  Articles of unknown outlet count fully."""
    if not article.source:
        return 1.0
    key = (article.source.lower(), day)
    seen[key] += 1
    return 1.0 / seen[key]


def _references(article: Article, collection: Collection, subject: set[str]) -> dict[date, float]:
    """The days ``article`` names, each with its best relevance weight (an article counts a day once)."""
    sentences = collection.sentences.get(article.id, [])
    starts = [s.start for s in sentences]
    days: dict[date, float] = {}
    for expression in collection.expressions.get(article.id, []):
        day = day_of(expression)
        if day is None:
            continue
        sentence = _sentence_at(sentences, starts, expression.start)
        if sentence is not None and sentence.boilerplate:
            continue
        relevant = sentence is None or _names_subject(sentence.text, subject)
        weight = (1.0 if relevant else OFF_SUBJECT_WEIGHT) * _kind_weight(expression)
        days[day] = max(days.get(day, 0.0), weight)
    return days


def _kind_weight(expression: TimeExpression) -> float:
    """A holiday named by its name is mostly a season or a plan ("Christmas shopping", "over Easter"); a
    happening on that day is also named by its date.  (On Entities none of 577 such references named a
    reference date.)"""
    return HOLIDAY_WEIGHT if expression.rule.startswith("holiday") else 1.0


def _published_within(published: list[date], day: date, radius: int) -> int:
    low = bisect.bisect_left(published, day - timedelta(days=radius))
    return bisect.bisect_right(published, day + timedelta(days=radius)) - low


def rank_days(scores: dict[date, float]) -> list[date]:
    """Most important first; the earlier of equals."""
    return sorted(scores, key=lambda day: (-scores[day], day))


# ---------------------------------------------------------------- which sentences


@dataclass
class _Candidate:
    sentence: Sentence
    text: str
    vector: dict[str, float]


def _words(text: str) -> list[str]:
    """Content words: function words would make any two sentences look alike."""
    return [w for w in _TOKEN.findall(text.lower()) if w not in STOPWORDS]


def document_frequencies(sentences: Iterable[Sentence]) -> tuple[Counter[str], int]:
    """In how many of ``sentences`` each content word occurs (the idf of the sentences that may summarise)."""
    frequency: Counter[str] = Counter()
    count = 0
    for sentence in sentences:
        frequency.update(set(_words(sentence.text)))
        count += 1
    return frequency, count


def _vector(text: str, frequency: Counter[str], documents: int) -> dict[str, float]:
    counts = Counter(_words(text))
    # smoothed idf (never zero: a word in every article still counts a little)
    vector = {w: c * (1 + math.log((1 + documents) / (1 + frequency[w]))) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def _headline(article: Article) -> Sentence | None:
    """The article's title as a candidate sentence when it is not part of the text (index -1, no offsets)."""
    if not article.title or article.text.lstrip().startswith(article.title.strip()):
        return None
    return Sentence(article.id, -1, -1, -1, " ".join(article.title.split()), 0, 0)


@dataclass
class DayIndex:
    """Per day: the sentences naming it (with the expression that does), and the headlines and leads
    published on it."""

    naming: dict[date, list[tuple[Sentence, TimeExpression]]]
    leads: dict[date, list[Sentence]]
    _named: dict[tuple[str, int], set[date]] | None = None  # the days each sentence names (built on demand)
    _frequencies: tuple[Counter[str], int] | None = None  # ``frequencies()``, made once

    @classmethod
    def of(cls, collection: Collection) -> DayIndex:
        naming: dict[date, list[tuple[Sentence, TimeExpression]]] = defaultdict(list)
        leads: dict[date, list[Sentence]] = defaultdict(list)
        for article in collection.articles:
            sentences = collection.sentences.get(article.id, [])
            starts = [s.start for s in sentences]
            for expression in collection.expressions.get(article.id, []):
                day = day_of(expression)
                sentence = _sentence_at(sentences, starts, expression.start) if day else None
                if day is not None and sentence is not None:
                    naming[day].append((sentence, expression))
            when = published_day(article)
            if when is not None:
                headline = _headline(article)
                leads[when].extend([headline] if headline else [])
                leads[when].extend([s for s in sentences if not s.boilerplate][:LEAD_SENTENCES])
        return cls(naming, leads)

    def names_only(self, sentence: Sentence, day: date) -> bool:
        """``sentence`` names no day other than ``day``."""
        if self._named is None:
            self._named = defaultdict(set)
            for named, pairs in self.naming.items():
                for other, _ in pairs:
                    self._named[(other.document, other.start)].add(named)
        return self._named.get((sentence.document, sentence.start), set()) <= {day}

    def frequencies(self) -> tuple[Counter[str], int]:
        """``document_frequencies`` of the ``pool``: the idf of the sentences that may summarise."""
        if self._frequencies is None:
            self._frequencies = document_frequencies(self.pool())
        return self._frequencies

    def pool(self) -> Iterator[Sentence]:
        """Every sentence that may summarise a day, once."""
        seen: set[tuple[str, int]] = set()
        for sentence in itertools.chain(
            (s for pairs in self.naming.values() for s, _ in pairs),
            itertools.chain.from_iterable(self.leads.values()),
        ):
            if (sentence.document, sentence.start) not in seen:
                seen.add((sentence.document, sentence.start))
                yield sentence


def candidate_sentences(
    day: date, index: DayIndex, subject: set[str], main: set[str] | None = None
) -> list[Sentence]:
    """Sentences that may summarise ``day``: those naming it, the headlines and leads of the articles
    published on it and in the ``FOLLOWING_DAYS`` after; those naming the ``main`` subject words first,
    else those naming any ``subject`` word, else all."""
    pool: dict[tuple[str, int], Sentence] = {}
    for sentence, _ in index.naming.get(day, []):
        pool[(sentence.document, sentence.start)] = sentence
    for sentence in _leads_after(day, index):
        if index.names_only(sentence, day):  # an opening about another day it names is that day's
            pool[(sentence.document, sentence.start)] = sentence
    usable = [s for s in pool.values() if not s.boilerplate and _summary_length(s)]
    on_subject = [s for s in usable if _names_subject(s.text, subject)]
    on_main = [s for s in on_subject if main and _names_subject(s.text, main)]
    return sorted(on_main or on_subject or usable, key=lambda s: (s.document, s.start))


def _leads_after(day: date, index: DayIndex) -> list[Sentence]:
    """Headlines and opening sentences of the articles published on ``day`` and the days just after."""
    return [
        s for offset in range(FOLLOWING_DAYS + 1) for s in index.leads.get(day + timedelta(days=offset), [])
    ]


def _summary_length(sentence: Sentence) -> bool:
    words = len(sentence.text.split())
    return (HEADLINE_MIN_WORDS if sentence.index < 0 else MIN_WORDS) <= words <= MAX_WORDS


def choose_sentences(
    sentences: list[Sentence], count: int, frequency: Counter[str], documents: int
) -> list[SummarySentence]:
    """The ``count`` most central, mutually non-redundant sentences, each with the articles saying it."""
    candidates = []
    seen: set[str] = set()
    for sentence in sentences:
        text = " ".join(sentence.text.split())
        if text.lower() in seen:
            continue
        seen.add(text.lower())
        candidates.append(_Candidate(sentence, text, _vector(text, frequency, documents)))
    if not candidates:
        return []
    centroid: dict[str, float] = defaultdict(float)
    for candidate in candidates:
        for word, value in candidate.vector.items():
            centroid[word] += value / len(candidates)
    # mean similarity to the *other* sentences: a lone sentence is not central for resembling itself
    others = max(len(candidates) - 1, 1)
    centrality = [
        _preferred((len(candidates) * _cosine(c.vector, centroid) - 1) / others, c) for c in candidates
    ]
    chosen: list[int] = []
    while len(chosen) < count:
        # a sentence saying the same as one already chosen is that one's source, not a new sentence
        eligible = [
            i
            for i in range(len(candidates))
            if i not in chosen
            and all(_cosine(candidates[i].vector, candidates[j].vector) < SAME_REPORT for j in chosen)
        ]
        if not eligible:
            break
        chosen.append(max(eligible, key=lambda i: (_marginal(i, chosen, candidates, centrality), -i)))
    return [_with_sources(candidates[i], candidates, sentences) for i in chosen]


def _preferred(centrality: float, candidate: _Candidate) -> float:
    """A central headline or short sentence before an equally central long sentence: a timeline entry says
    one event in a few words, as a headline does (a negative centrality is left as it is)."""
    if centrality <= 0:
        return centrality
    if candidate.sentence.index < 0:
        centrality *= HEADLINE_PREFERENCE
    if len(_WORD.findall(candidate.text)) <= SHORT_WORDS:
        centrality *= SHORT_PREFERENCE
    return centrality


def _marginal(index: int, chosen: list[int], candidates: list[_Candidate], centrality: list[float]) -> float:
    repeat = max((_cosine(candidates[index].vector, candidates[j].vector) for j in chosen), default=0.0)
    return REDUNDANCY * centrality[index] - (1 - REDUNDANCY) * repeat


def _with_sources(chosen: _Candidate, candidates: list[_Candidate], pool: list[Sentence]) -> SummarySentence:
    sources = [chosen.sentence.document]
    for other in candidates:
        if other.sentence.document not in sources and _cosine(chosen.vector, other.vector) >= SAME_REPORT:
            sources.append(other.sentence.document)
    return SummarySentence(text=chosen.text, sources=sources, headline=chosen.sentence.index < 0)


def _dated(summary: list[SummarySentence], day: date, index: DayIndex, published: dict) -> None:
    """Say of each sentence why it summarises ``day`` (in place): the expression naming the day, else the
    publication day of the article it opens (the day itself or the day after: a morning-after report)."""
    naming = {(s.document, " ".join(s.text.split())): e for s, e in index.naming.get(day, [])}
    for sentence in summary:
        expression = None if sentence.headline else naming.get((sentence.sources[0], sentence.text))
        if expression is not None:
            sentence.dated_by, sentence.expression = "expression", expression.text
        elif published.get(sentence.sources[0]) == day:
            sentence.dated_by = "publication"
        elif published.get(sentence.sources[0]) == day + timedelta(days=FOLLOWING_DAYS):
            sentence.dated_by = "publication-next-day"


# ---------------------------------------------------------------- the summary timeline


def summarise(
    events: list[Event],
    collection: Collection,
    top: int,
    sentences: int = 1,
    since: date | None = None,
    until: date | None = None,
    quick: bool = False,
) -> list[Event]:
    """The ``top`` most important days of ``collection`` as events, summarised in ``sentences`` sentences;
    ``quick``: ``events`` holds no merged events, and later retellings are found by their words.

    A day keeps the event the pipeline merged for it (the one sharing a chosen sentence, else the one most
    sources report); a day that no event claims still gets an entry built from its sentences.
    Returned in ``events``' order (timeline order), the built entries in date order among them.
    """
    if top <= 0:
        return []
    ranked = _ranked_subject_words(collection)  # one pass over the articles for both
    subject, main = set(ranked), set(ranked[:MAIN_SUBJECT_WORDS])
    index = DayIndex.of(collection)
    frequency, documents = index.frequencies()
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in events:
        if (
            event.date is not None
            and event.date.granularity in ("day", "time")
            and event.status != "background"
        ):
            by_day[event.date.start].append(event)
    published = {a.id: published_day(a) for a in collection.articles}
    chosen: list[Event] = []
    for ranked in _ranked_pools(collection, since, until, subject, main, index, events, quick):
        if len(chosen) >= top:
            break
        summary = choose_sentences(ranked.pool, sentences, frequency, documents)
        if summary:
            _dated(summary, ranked.day, index, published)
            event = _day_event(ranked.day, summary, by_day.get(ranked.day, []), index, published)
            chosen.append(replace(event, ranking=ranked.ranking(len(chosen) + 1)))
    return sorted(chosen, key=lambda e: (e.date.start if e.date else date.max, e.id))


def ranked_days(
    collection: Collection,
    since: date | None = None,
    until: date | None = None,
    events: Iterable[Event] = (),
) -> Iterator[date]:
    """The days ``summarise`` keeps, most important first (its first ``top`` are the summary's days, given
    the same ``events``): for studies of the ranking (``benchmarks/score_tls.py --study``)."""
    ranked = _ranked_subject_words(collection)
    subject, main = set(ranked), set(ranked[:MAIN_SUBJECT_WORDS])
    index = DayIndex.of(collection)
    return (ranked.day for ranked in _ranked_pools(collection, since, until, subject, main, index, events))


def _ranked_pools(
    collection: Collection,
    since: date | None,
    until: date | None,
    subject: set[str],
    main: set[str],
    index: DayIndex,
    events: Iterable[Event] = (),
    quick: bool = False,
) -> Iterator[_RankedDay]:
    """The days with something to summarise them, most important first, each with its candidates."""
    scores, evidence = _scored_days(collection, since, until, subject, events, index if quick else None)
    pools = _days_about(
        scores, main, lambda day: candidate_sentences(day, index, subject, main), evidence.recalled
    )
    for day, pool, score, reductions in pools:
        if pool:
            yield _RankedDay(day, pool, score, reductions, len(scores), evidence)


@dataclass
class _RankedDay:
    """A day the ranking keeps, with its candidate sentences and what its score was made of."""

    day: date
    pool: list[Sentence]
    score: float
    reductions: list[str]  # the content and echo rules that lowered it
    candidates: int
    evidence: _Evidence

    def ranking(self, rank: int) -> DayRanking:
        """Its ``DayRanking`` as the ``rank``-th day of a summary."""
        day, evidence = self.day, self.evidence
        naming = len(evidence.namers.get(day, ()))
        witness = [f"one article names it (x{SINGLE_WITNESS_WEIGHT})"] if naming < 2 else []
        return DayRanking(
            rank=rank,
            candidates=self.candidates,
            score=round(self.score, 4),
            naming=naming,
            naming_later=len(evidence.later.get(day, ())),
            months_recalled=len(evidence.recalled.get(day, ())),
            published=evidence.published.get(day, 0),
            retold=evidence.retold.get(day, 0),
            reductions=witness + self.reductions,
        )


def _days_about(
    scores: dict[date, float],
    main: set[str],
    pool_of: Callable[[date], list[Sentence]],
    recalled: dict[date, set[tuple[int, int]]] | None = None,
) -> Iterator[tuple[date, list[Sentence], float, list[str]]]:
    """The days most important first (as ``rank_days``), each with its candidate sentences; a day none of
    whose candidates names the ``main`` subject words counts ``OFF_MAIN_DAY_WEIGHT`` of its score, and one
    with fewer than ``THIN_SENTENCES`` candidates ``THIN_DAY_WEIGHT`` (both: the product); then a day that
    echoes a day already kept (``_echoes``) counts ``ECHO_WEIGHT``.  The candidates are gathered only for the
    days examined (a collection names thousands of days).  Each comes with its final score and, in words,
    the rules that lowered it here."""
    recalled = recalled or {}
    heap = [(-score, day) for day, score in scores.items()]
    heapq.heapify(heap)
    demoted: set[date] = set()
    echoing: set[date] = set()
    kept: set[date] = set()
    while heap:
        negative, day = heapq.heappop(heap)
        pool = pool_of(day)
        weight = _content_weight(pool, main)
        if weight < 1 and day not in demoted:
            demoted.add(day)
            heapq.heappush(heap, (negative * weight, day))
            continue
        if day not in echoing and _echoes(day, kept, recalled):
            echoing.add(day)
            heapq.heappush(heap, (negative * ECHO_WEIGHT, day))
            continue
        if pool:
            kept.add(day)
        reductions = _content_reductions(pool, main) if day in demoted else []
        yield (
            day,
            pool,
            -negative,
            reductions + ([f"the news wave of a day beside it (x{ECHO_WEIGHT})"] if day in echoing else []),
        )


def _echoes(day: date, kept: set[date], recalled: dict[date, set[tuple[int, int]]]) -> bool:
    """``day`` is no later article's memory, but a day within ``ECHO_DAYS`` of it already kept is: ``day``
    is most likely that happening's news wave (the morning-after reports, the reactions), not a happening
    of its own.  Two near days both recalled later are two happenings and both keep their scores."""
    if recalled.get(day):
        return False
    near = (day + timedelta(days=offset) for offset in range(-ECHO_DAYS, ECHO_DAYS + 1) if offset)
    return any(other in kept and recalled.get(other) for other in near)


def _content_reductions(pool: list[Sentence], main: set[str]) -> list[str]:
    """``_content_weight``'s reasons, in words."""
    reasons = []
    if main and not any(_names_subject(s.text, main) for s in pool):
        reasons.append(f"none of its sentences names the main subject (x{OFF_MAIN_DAY_WEIGHT})")
    if len(pool) < THIN_SENTENCES:
        reasons.append(f"fewer than {THIN_SENTENCES} sentences say anything about it (x{THIN_DAY_WEIGHT})")
    return reasons


def _content_weight(pool: list[Sentence], main: set[str]) -> float:
    """What a day's candidate sentences say of its importance: a day whose sentences are all about someone
    else happened to someone else; a day the collection says only one or two sentences about (that name
    the subject) is a passing date more than a happening its articles report.  A day without any
    candidate is skipped anyway (nothing to summarise)."""
    if not pool:
        return 1.0
    weight = 1.0
    if main and not any(_names_subject(s.text, main) for s in pool):
        weight *= OFF_MAIN_DAY_WEIGHT
    if len(pool) < THIN_SENTENCES:
        weight *= THIN_DAY_WEIGHT
    return weight


def _day_event(
    day: date, summary: list[SummarySentence], events: list[Event], index: DayIndex, published: dict
) -> Event:
    texts = {s.text for s in summary}
    sharing = [e for e in events if any(" ".join(m.sentence.text.split()) in texts for m in e.mentions)]
    base = max(sharing or events, key=lambda e: (e.importance, e.status == "reported"), default=None)
    cited = list(dict.fromkeys(doc for s in summary for doc in s.sources))
    if base is not None:
        sources = list(dict.fromkeys([*base.sources, *cited]))
        return replace(base, title=summary[0].text, sources=sources, summary=summary)
    when = DateValue(day.isoformat(), day, day, "day")
    mentions = _summary_mentions(summary, when, index)
    digest = hashlib.sha1(f"{day.isoformat()} {summary[0].text}".encode()).hexdigest()[:12]
    # a day still ahead of the article naming it is a plan or a forecast, not something reported done
    first = published.get(summary[0].sources[0])
    status = "expected" if first is not None and day > first else "reported"
    return Event(f"ev-{digest}", when, summary[0].text, status, cited, mentions, summary=summary)


def _summary_mentions(
    summary: Iterable[SummarySentence], when: DateValue, index: DayIndex
) -> list[EventMention]:
    """One mention per chosen sentence, so that --explain and the JSON quote where each came from."""
    naming = {(s.document, s.start): e for s, e in index.naming.get(when.start, [])}
    pool = [s for s, _ in index.naming.get(when.start, [])] + _leads_after(when.start, index)
    mentions = []
    for item in summary:
        sentence = next(
            (s for s in pool if s.document == item.sources[0] and " ".join(s.text.split()) == item.text), None
        )
        if sentence is None or sentence.index < 0:  # a headline is no sentence of the text to quote
            continue
        expression = naming.get((sentence.document, sentence.start))
        source = "expression" if expression is not None else "publication-implicit"
        dated, earliest = when, None
        if item.dated_by == "publication-next-day":
            # the opening of the next day's paper: news of its publication day, which may be the day before
            paper = when.start + timedelta(days=FOLLOWING_DAYS)
            dated, earliest = DateValue(paper.isoformat(), paper, paper, "day"), when.start
        mentions.append(
            EventMention(
                sentence.document,
                sentence,
                expression,
                dated,
                "",
                title=item.text,
                date_source=source,
                earliest=earliest,
            )
        )
    return mentions

"""Build a timeline: run every stage over the articles, then order and trim.

sentences -> time expressions -> event mentions (per article); date the
undated articles from the others and re-read them; merge mentions into events;
order by date and importance; apply ``since``/``until`` and ``top``.

The result never depends on the order of the input articles: articles are
processed in an order derived from their text, and events are sorted by content.

The per-article stages are independent, so a large collection is read by a
pool of worker processes (one per available core), in contiguous chunks of the
same order; many undated articles are likewise dated in forked workers.  The
results are identical to doing everything in this process, which is what
happens for small inputs, when no process pool can be started, or with the
environment variable ``TIMELINE_WORKERS=1``.
"""

from __future__ import annotations

import copyreg
import gc
import hashlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from datetime import timedelta
from operator import attrgetter
from typing import Any

from timeline.config import BuildOptions
from timeline.copies import copies_in_groups, copy_groups, copy_warning, find_copies, own_mentions
from timeline.errors import InputError
from timeline.events import extract_mentions, forget_kept_readings
from timeline.infer import EventReference, bound_from_events, infer_with_reference
from timeline.merge import merge_mentions
from timeline.select import select_events
from timeline.summarise import Collection
from timeline.types import (
    Article,
    Event,
    EventMention,
    Published,
    Sentence,
    Skipped,
    TimeExpression,
    Timeline,
    pack_text,
)

# Below these sizes starting worker processes costs more than it saves.
PARALLEL_MIN_ARTICLES = 200
PARALLEL_MIN_CHARACTERS = 2_000_000
PARALLEL_MIN_UNDATED = 16  # articles to date by inference (each re-reads itself for up to 45 days)
INFER_CHUNK = 4  # undated articles per inference task
CHUNK_CHARACTERS = 200_000  # per task: small enough to balance the workers and report progress often
TAIL_TASKS = 2  # per worker: the collection's last chunks are a quarter of that size (``_chunks``)
WORKERS_VARIABLE = "TIMELINE_WORKERS"  # environment override of the worker count (1 = never use a pool)

Reading = tuple[list[Sentence], list[TimeExpression], list[EventMention]]


def _tag(text: str, published: str | None, regions: list[tuple[int, int]]) -> list[TimeExpression]:
    from timeline.temporal import tag  # imported late: the date engine is the heaviest import

    return tag(text, published, regions=regions)


def _forget_recognised_units() -> None:
    from timeline.temporal.units import forget_recognised_units

    forget_recognised_units()  # memory, like the sentences read once: tagging reuses them while reading only


def _split(article: Article) -> list[Sentence]:
    from timeline.sentences import split_sentences

    return split_sentences(article)


def build_timeline(articles: list[Article], options: BuildOptions | None = None) -> Timeline:
    """The merged, dated, sourced chronology of ``articles``."""
    if options is not None and options.quick:
        _check_quick(options)
    with _cycle_collector_paused():
        return _build(articles, options or BuildOptions())


def _build(articles: list[Article], options: BuildOptions) -> Timeline:
    ordered = sorted(articles, key=lambda a: (_text_digest(a.text), a.id))
    sentences: dict[str, list[Sentence]] = {}
    expressions: dict[str, list[TimeExpression]] = {}
    mentions: dict[str, list[EventMention]] = {}
    failed: list[tuple[Article, str]] = []
    beside = _Beside()
    # the articles whose readings keep every sentence (``_thinned``); the others' are split again if needed
    every_sentence = _every_sentence(options)
    whole = {a.id for a in ordered if _keeps_every_sentence(a, every_sentence)}
    # readings come chunk by chunk, in order, as the workers finish them, their equal values one object
    for article, reading in zip(ordered, _read_articles(ordered, options, beside), strict=True):
        if isinstance(reading, str):
            failed.append((article, reading))
            continue
        sentences[article.id], expressions[article.id], mentions[article.id] = reading
    forget_kept_readings()  # memory: sentences read once are kept for the reading stage only
    _forget_recognised_units()
    skipped, failure_warnings = _skipped_articles(failed, len(ordered))
    ordered = [a for a in ordered if a.id in sentences]

    quick = summary_only(options)
    if not quick:  # (undated articles are dated from the others' events, which a quick summary has none of)
        ordered = _date_undated(ordered, sentences, expressions, mentions, options, failure_warnings)
    # the groups are the texts' (dating changes no text); an article left out would change them
    found = beside.copy_groups is not None and not failed
    copies = copies_in_groups(beside.copy_groups, ordered) if found else find_copies(ordered)
    by_id = {a.id: a for a in ordered}
    # a copy adds only what its original does not say: its repeated sentences would be read again
    # against the copy's own (later) publication date and give phantom events a week on
    own = {
        copy: own_mentions(mentions[copy], by_id[original], _all_sentences(by_id[original], sentences, whole))
        for copy, original in copies.items()
        if not quick
    }
    for article in ordered:
        pack_text(article)  # memory (issue #9): from here the texts are read again for a few articles at most
    if options.top is None:
        # memory (issue #13): from here only a summary (``--top``) reads the sentences again; the ones
        # that carry events stay alive through their mentions
        sentences = {}
    # the mentions are not read again as they were: merged in place, not copied (memory, issue #9)
    merged = [m for a in ordered for m in own.get(a.id, mentions[a.id])]
    mentions.clear()  # (memory: an article's list of them is not read again; the mentions are in ``merged``)
    events = [] if quick else merge_mentions(merged, ordered, copies, hand_over=True)
    if not quick:
        _report(options, "merge", 1, 1)
    ordered = [_bounded(a, events) for a in ordered]
    events = select_events(events, options, Collection(ordered, sentences, expressions, copies))
    documents = sorted(ordered, key=lambda a: a.id)
    return Timeline(
        documents=documents,
        events=events,
        expressions={a.id: expressions[a.id] for a in documents},
        warnings=[
            *failure_warnings,
            *(copy_warning(copy, original, own.get(copy, [])) for copy, original in sorted(copies.items())),
        ],
        copies=copies,
        skipped=skipped,
    )


def _check_quick(options: BuildOptions) -> None:
    """A quick summary has no events: nothing for the event filters to keep, and no timeline but a summary."""
    if options.top is None:
        raise ValueError("quick builds only a summary timeline: set top as well")
    if options.min_sources is not None or options.statuses is not None or options.sources is not None:
        raise ValueError("quick builds no events, so min_sources, statuses and sources cannot filter them")


def summary_only(options: BuildOptions) -> bool:
    """A quick summary (``--top N --quick``): the days are ranked and summarised from the articles' dates
    and sentences alone; no event is extracted or merged (issue #13: on a thousand articles those two
    stages are about five sixths of the build's CPU).  What it gives up is measured in docs/accuracy.md."""
    return options.quick and options.top is not None


def _every_sentence(options: BuildOptions) -> bool:
    """Whether the build reads every sentence of a dated article after the reading stage: only a summary
    (``--top``) does; otherwise only the sentences that carry a mention are read again (``_thinned``)."""
    return options.top is not None


def _keeps_every_sentence(article: Article, every_sentence: bool) -> bool:
    # an undated article may be dated from the others and read again, from all its sentences
    return every_sentence or not article.published.value


def _thinned(article: Article, reading: Reading | str, every_sentence: bool) -> Reading | str:
    """``reading`` with only the sentences its mentions are in, unless the build reads them all again
    (``_keeps_every_sentence``).  Memory and CPU (issue #9): on real news about 40% of the sentences carry
    no mention; the parent held them only until the merge, and they were pickled, sent and unpickled for
    nothing.  The mentions and their sentences are the same objects."""
    if isinstance(reading, str) or _keeps_every_sentence(article, every_sentence):
        return reading
    sentences, expressions, mentions = reading
    held = {id(mention.sentence) for mention in mentions}
    return [s for s in sentences if id(s) in held], expressions, mentions


def _all_sentences(article: Article, sentences: dict[str, list[Sentence]], whole: set[str]) -> list[Sentence]:
    """Every sentence of ``article``: its reading's, or split again when its reading kept only some
    (``_thinned``): the original of a copy, read again to find what the copy adds."""
    return sentences[article.id] if article.id in whole else _split(article)


def _compact(reading: Reading, shared: dict) -> Reading:
    """``reading`` with its repeated values shared (in place): the same term, rule, set of words, title,
    date or sentence text is one object for the whole reading stage, not one per mention.  Memory (issues
    #13, #9): a large topic holds a hundred thousand terms of a few thousand distinct words, and a
    collection that repeats sentences (wire copies, templates) as many copies of their text, titles and
    dates as it has articles.  Readings read in-process; the workers' are shared the same way as they are
    unpickled (``_SHARES``)."""
    sentences, expressions, mentions = reading
    lists = shared.setdefault(_LISTS, {})
    for sentence in sentences:
        # the one field a frozen ``Sentence`` would need rebuilding for; an equal string, so no visible change
        object.__setattr__(sentence, "text", shared.setdefault(sentence.text, sentence.text))
    for mention in mentions:
        mention.trigger = sys.intern(mention.trigger)
        mention.actors, mention.terms = _one_list(mention.actors, lists), _one_list(mention.terms, lists)
        mention.places, mention.content = _one_list(mention.places, lists), _one_list(mention.content, lists)
        if mention.subjects is not None:
            mention.subjects = _one_list(mention.subjects, lists)
        mention.status, mention.date_source = sys.intern(mention.status), sys.intern(mention.date_source)
        mention.date_rule = sys.intern(mention.date_rule)
        mention.title = shared.setdefault(mention.title, mention.title)
        mention.date = shared.setdefault(mention.date, mention.date)
        mention.earliest = shared.setdefault(mention.earliest, mention.earliest)
        if mention.trigger_context is not None:
            trigger, governor, named = mention.trigger_context
            named = shared.setdefault(named, named)
            context = (sys.intern(trigger), sys.intern(governor), named)
            mention.trigger_context = shared.setdefault(context, context)
    for expression in expressions:
        expression.type, expression.anchor = sys.intern(expression.type), sys.intern(expression.anchor)
        expression.rule = sys.intern(expression.rule)
        expression.text = shared.setdefault(expression.text, expression.text)
        expression.value = shared.setdefault(expression.value, expression.value)
    return sentences, expressions, mentions


_LISTS = object()  # the key of ``_compact``'s equal word lists in its ``shared`` values


def _one_list(words: list[str], lists: dict[tuple[str, ...], list[str]]) -> list[str]:
    """``words`` interned, or the equal list met before: mentions share equal word lists (they are read,
    never changed, after extraction).  Memory (issue #9): a collection of wire copies repeats the same
    sentences thousands of times, and an empty list alone costs 56 bytes."""
    key = tuple(map(sys.intern, words))
    found = lists.get(key)
    if found is None:
        words[:] = key
        found = lists[key] = words
    return found


def _text_digest(text: str) -> str:
    # surrogatepass: a lone surrogate in a text (an escaped "\udc00" in JSON) must not stop the build
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (restored afterwards).

    A build allocates millions of small objects that live until it ends; the collector
    rescans them again and again (a third of the run time on large collections) while
    finding next to nothing: the stages create no reference cycles to speak of, and
    reference counting still frees everything else at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            _to_oldest_generation()
            gc.enable()


def _to_oldest_generation() -> None:
    """Move every object the collector tracks to its oldest generation, unexamined.

    What a paused build allocated (millions of objects on a large collection, alive with the timeline)
    would otherwise all be young when the collector resumes: its next collections would examine every one
    of them, then again as they age (about 2 s of CPU per 4 million objects, each time, during rendering).
    In the oldest generation they are examined only by a full collection, as long-lived objects are.
    Nothing is left frozen; a caller's own frozen objects (``gc.freeze``) are left alone."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()


# ---------------------------------------------------------------- per-article stages


def read_article(article: Article) -> Reading:
    """Sentences, time expressions and event mentions of one article (independent of the others)."""
    sentences, expressions, _ = read_dates(article)
    return sentences, expressions, extract_mentions(article, sentences, expressions)


def read_dates(article: Article) -> Reading:
    """Sentences and time expressions of one article, no event mentions: what a quick summary reads
    (``summary_only``)."""
    return _split(article), _tag(article.text, article.published.value, article.body), []


# ---------------------------------------------------------------- the per-article guard
#
# A bug met in one article's text must cost that article, never the whole run: its failure becomes a
# warning naming it (and a ``Skipped`` entry, which ``timeline check`` reports), and the build goes on.
# With TIMELINE_DEBUG set the exception propagates, so a developer gets the traceback.

DEBUG_VARIABLE = "TIMELINE_DEBUG"
_REASON_CHARS = 160  # an exception's message is cut to this in the warning


def _guarded_read(article: Article, events: bool = True) -> Reading | str:
    """``read_article``, or a one-line reason when processing this article raised."""
    try:
        return read_article(article) if events else read_dates(article)
    except Exception as error:  # noqa: BLE001 - the guard: one article's failure must not stop the rest
        if os.environ.get(DEBUG_VARIABLE):
            raise
        return _failure_reason(error)


def _failure_reason(error: BaseException) -> str:
    detail = " ".join(str(error).split())[:_REASON_CHARS]
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _failure_warning(article: Article, reason: str) -> str:
    where = article.path if article.path in ("", article.id) else f"{article.path} (article {article.id})"
    return (
        f"{where or article.id}: could not be processed ({reason}); skipped, the other articles are kept. "
        f"This is a bug: please report it (rerun with {DEBUG_VARIABLE}=1 for the traceback)"
    )


def _skipped_articles(failed: list[tuple[Article, str]], total: int) -> tuple[list[Skipped], list[str]]:
    """The ``Skipped`` entries and warnings of the articles whose processing failed."""
    if failed and len(failed) == total:
        article, reason = failed[0]
        raise InputError(
            f"no article could be processed ({len(failed)} tried; first: {article.path or article.id}: "
            f"{reason}); rerun with {DEBUG_VARIABLE}=1 for the traceback and please report it"
        )
    skipped = [Skipped(path=a.path or a.id, reason=reason, document=a.id) for a, reason in failed]
    return skipped, [_failure_warning(article, reason) for article, reason in failed]


def _read_chunk(chunk: list[Article], every_sentence: bool = True, events: bool = True) -> bytes:
    """Worker task: module-level so that it pickles by name.  Its readings are pickled here by columns
    (``_ByColumns``), with their values to share marked (the chunk's marks start afresh), while the cyclic
    collector is still paused: pickling makes a tuple or list for every object and field, which the
    collector would scan again and again as they are made (a fifth of the pickling's CPU, issue #9), had
    the pool pickled the result after the task.  The parent unpickles the bytes into the list of readings
    (or failure reasons) itself (``_unpickled``)."""
    for marks in _MARKS.values():
        marks.clear()
    with _cycle_collector_paused():
        readings = [_thinned(article, _guarded_read(article, events), every_sentence) for article in chunk]
        return pickle.dumps(_ByColumns(readings), protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(data: bytes, shared: dict) -> list[Reading | str]:
    """In the parent: a chunk's readings from ``_read_chunk``'s bytes, their marked values made one with
    the equal ones in ``shared`` (``_shared_value`` & co.)."""
    global _SHARED
    _SHARED = shared
    try:
        return pickle.loads(data)
    finally:
        _SHARED = None


@dataclass
class _Beside:
    """What the worker pool works out beside the reading (None where it did not)."""

    copy_groups: list[list[int]] | None = None  # ``copy_groups`` of the articles read


def _read_articles(ordered: list[Article], options: BuildOptions, beside: _Beside) -> Iterator[Reading | str]:
    """``read_article`` of each article (or why it failed), in order: in worker processes when the
    collection is large.  Unless a summary is asked for, a dated article's reading keeps only the
    sentences its mentions are in (``_thinned``)."""
    workers = _worker_count(ordered)
    method = _start_method() if workers > 1 else None
    read = 0
    shared: dict = {}  # equal values of the readings, one object each (``_compact``, ``_shared_value``)
    if method is not None:
        try:
            for reading in _read_in_pool(ordered, options, workers, method, beside, shared):
                yield reading  # its values shared as it was unpickled
                read += 1
        except (BrokenProcessPool, OSError):
            # no usable process pool here (sandbox, no semaphores, a worker killed): the rest in-process
            beside.copy_groups = None
        else:
            return
    for done, article in enumerate(ordered[read:], start=read + 1):
        reading = _guarded_read(article, not summary_only(options))
        reading = _thinned(article, reading, _every_sentence(options))
        yield reading if isinstance(reading, str) else _compact(reading, shared)
        _report(options, "read", done, len(ordered))


def _worker_count(articles: list[Article]) -> int:
    if _workers_override() is None:
        small = sum(len(a.text) for a in articles) <= PARALLEL_MIN_CHARACTERS
        if len(articles) < PARALLEL_MIN_ARTICLES and small:
            return 1
    return min(_available_workers(), len(articles))


def _workers_override() -> int | None:
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    return max(int(value), 1) if value.isdigit() else None


def _available_workers() -> int:
    override = _workers_override()
    if override is not None:
        return override
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _start_method() -> str | None:
    """How to start workers safely from any caller (CLI, library, pytest), or None to stay in-process."""
    if multiprocessing.current_process().daemon:
        return None  # inside a pool worker already: daemonic processes may not have children
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return "fork"  # cheapest: workers inherit the loaded modules; unsafe only with other threads
    if "forkserver" in methods:
        return "forkserver"  # never runs the caller's unguarded ``__main__`` code, unlike "spawn"
    return None


def _chunks(articles: list[Article], size: int, tail: int = 0) -> Iterator[list[Article]]:
    """Contiguous runs of articles of about ``size`` characters each; those ending in the collection's
    last ``tail`` characters of about a quarter of that, so that the workers' last tasks are short and
    they finish nearly together (not one waiting for the other's last full chunk)."""
    remaining = sum(len(article.text) for article in articles)
    chunk: list[Article] = []
    characters = 0
    for article in articles:
        chunk.append(article)
        characters += len(article.text)
        remaining -= len(article.text)
        if characters >= (size if remaining >= tail else max(size // 4, 1)):
            yield chunk
            chunk, characters = [], 0
    if chunk:
        yield chunk


def _read_in_pool(
    ordered: list[Article], options: BuildOptions, workers: int, method: str, beside: _Beside, shared: dict
) -> Iterator[Reading | str]:
    """``read_article`` of each article by worker processes, chunk by chunk; results in input order, each
    chunk's as soon as it and the ones before it are done, their values made one with the equal ones in
    ``shared`` as they are unpickled.  Forked workers also find the copies' groups (``copy_groups``, which
    reads only the texts): one task beside the reading instead of a serial step after it."""
    global _COPY_TEXTS
    chunks = list(_chunks(ordered, CHUNK_CHARACTERS, TAIL_TASKS * workers * CHUNK_CHARACTERS))
    _COPY_TEXTS = ordered if method == "fork" else None  # inherited by the workers, forked at the first task
    try:
        with _worker_pool(min(workers, len(chunks)), method) as pool:
            grouping = pool.submit(_copy_groups_task) if _COPY_TEXTS is not None else None
            every_sentence, events = _every_sentence(options), not summary_only(options)
            futures = {
                pool.submit(_read_chunk, chunk, every_sentence, events): number
                for number, chunk in enumerate(chunks)
            }
            finished: dict[int, list[Reading | str]] = {}
            done = given = 0
            for future in as_completed(futures):
                number = futures.pop(future)  # memory: the chunk's bytes go with the future once unpickled
                finished[number] = _unpickled(future.result(), shared)
                done += len(chunks[number])
                _report(options, "read", done, len(ordered))
                while given in finished:
                    yield from finished.pop(given)
                    given += 1
            if grouping is not None:
                beside.copy_groups = grouping.result()
    finally:
        _COPY_TEXTS = None


# The articles being read, for a forked worker's ``_copy_groups_task`` (shared memory, not a pickled copy).
_COPY_TEXTS: list[Article] | None = None


def _copy_groups_task() -> list[list[int]]:
    """Worker task (forked): ``copy_groups`` of the parent's articles."""
    assert _COPY_TEXTS is not None, "the copies' task needs a worker forked from the building process"
    with _cycle_collector_paused():
        return copy_groups(_COPY_TEXTS)


def _start_worker() -> None:
    """Worker initializer: Ctrl-C is the parent's to handle (it stops the workers at once); a worker
    interrupted on its own would print a traceback and leave the parent waiting.  The readings a worker
    hands back are pickled compactly (``_pickle_by_fields``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for kind in (Sentence, TimeExpression, EventMention):
        copyreg.pickle(kind, _pickle_by_fields(kind))


def _pickle_by_fields(kind: type) -> Callable[[object], tuple[type, tuple]]:
    """How a worker pickles a ``kind`` of the readings: as a call of the class with its fields in order,
    not the default state (a dict of the slots' names and values).  The same objects, shared as before
    (the pickle's memo keeps one copy of each); the hand-off of the readings to the parent, about a
    seventh of the CPU time on a large collection, takes about half as long to pickle and a third as
    long to unpickle, in half the bytes (issue #9).  Every field of these classes is an ``__init__``
    argument, and none refers back to the object holding it.  The fields ``_compact`` shares are
    marked (one ``_Shared`` per distinct value of a chunk and way of sharing, in ``_MARKS``), so that the
    parent shares them as it unpickles them."""
    names = [f.name for f in fields(kind)]
    values = attrgetter(*names)
    shares = _SHARES.get(kind, {})
    # (position, the chunk's marks of its way of sharing); a word list is marked by its tuple
    marked = [(position, shares[name]) for position, name in enumerate(names) if name in shares]
    plain = [(position, _MARKS[share]) for position, share in marked if share is not _shared_words]
    words = [(position, _MARKS[share]) for position, share in marked if share is _shared_words]

    def reduce(instance: object) -> tuple[type, tuple]:
        state = list(values(instance))
        for position, marks in plain:
            state[position] = marks[state[position]]  # None stays None (``_Marks.__missing__``)
        for position, marks in words:
            if (value := state[position]) is not None:
                state[position] = marks[tuple(value)]
        return kind, tuple(state)

    return reduce


# ---------------------------------------------------------------- the readings handed over by columns
#
# A chunk's readings hold some hundred thousand sentences, expressions and mentions.  Pickled one object at
# a time, each costs a call of its reducer in Python (``_pickle_by_fields``): about a tenth of a worker's
# CPU on a large collection (issue #9).  By columns, the chunk's objects of each class are cut into one
# tuple per field by C loops (``attrgetter``, ``zip``), the values to share marked a column at a time, and
# a mention's sentence and expression given as their positions in the chunk's lists; the parent makes
# each class's objects by calling it with their fields (as unpickling ``_pickle_by_fields`` does), then
# cuts the lists back into the articles' readings.  The same objects, shared alike.


class _ByColumns:
    """A chunk's readings (or failure reasons), pickled by columns: unpickled, the list itself."""

    __slots__ = ("readings",)

    def __init__(self, readings: list[Reading | str]) -> None:
        self.readings = readings

    def __reduce__(self) -> tuple[Callable, tuple]:
        readings = self.readings
        read = [reading for reading in readings if not isinstance(reading, str)]
        sentences = [sentence for found, _, _ in read for sentence in found]
        expressions = [expression for _, found, _ in read for expression in found]
        mentions = [mention for _, _, found in read for mention in found]
        try:
            columns = _mention_columns(mentions, sentences, expressions)
        except KeyError:  # a mention refers to an object outside the chunk's lists: object by object
            return _as_they_are, (readings,)
        shape = [
            reading if isinstance(reading, str) else (len(reading[0]), len(reading[1]), len(reading[2]))
            for reading in readings
        ]
        return _from_columns, (
            shape,
            _columns(Sentence, sentences),
            _columns(TimeExpression, expressions),
            columns,
        )


def _as_they_are(readings: list[Reading | str]) -> list[Reading | str]:
    return readings


def _columns(kind: type, instances: list) -> list:
    """One sequence per field of ``kind`` (in ``__init__``'s order), the values to share marked."""
    names, plain, words = _COLUMNS[kind]
    if not instances:
        return [()] * len(names)
    columns: list = list(zip(*map(attrgetter(*names), instances), strict=True))
    for position, marks in plain:
        columns[position] = list(map(marks.__getitem__, columns[position]))  # None stays None
    for position, marks in words:
        column = columns[position]
        if None in column:  # no subjects told: None stays None
            columns[position] = [None if value is None else marks[tuple(value)] for value in column]
        else:
            columns[position] = list(map(marks.__getitem__, map(tuple, column)))
    return columns


def _mention_columns(mentions: list[EventMention], sentences: list[Sentence], expressions: list) -> list:
    """``_columns`` of the mentions, each one's sentence and expression as their positions in the chunk's
    lists (an expression of None as the position after the last); KeyError when one is not there, or
    when an object is there twice (its two places would come back as two objects)."""
    columns = _columns(EventMention, mentions)
    if not mentions:
        return columns
    sentence_at = {id(sentence): number for number, sentence in enumerate(sentences)}
    expression_at = {id(expression): number for number, expression in enumerate(expressions)}
    expression_at[id(None)] = len(expressions)
    if len(sentence_at) < len(sentences) or len(expression_at) <= len(expressions):
        raise KeyError("an object twice in the chunk's lists")
    columns[_SENTENCE] = list(map(sentence_at.__getitem__, map(id, columns[_SENTENCE])))
    columns[_EXPRESSION] = list(map(expression_at.__getitem__, map(id, columns[_EXPRESSION])))
    return columns


def _from_columns(
    shape: list[tuple[int, int, int] | str],
    sentence_columns: list,
    expression_columns: list,
    mention_columns: list,
) -> list[Reading | str]:
    """In the parent: the chunk's readings from their columns (see ``_ByColumns``)."""
    _share_offsets(Sentence, sentence_columns)
    _share_offsets(TimeExpression, expression_columns)
    sentences = list(map(Sentence, *sentence_columns))
    expressions: list = list(map(TimeExpression, *expression_columns))
    expressions.append(None)  # the position after the last: no expression
    mention_columns[_SENTENCE] = list(map(sentences.__getitem__, mention_columns[_SENTENCE]))
    mention_columns[_EXPRESSION] = list(map(expressions.__getitem__, mention_columns[_EXPRESSION]))
    expressions.pop()
    mentions = list(map(EventMention, *mention_columns))
    readings: list[Reading | str] = []
    sentence = expression = mention = 0
    for counts in shape:
        if isinstance(counts, str):
            readings.append(counts)
            continue
        found_sentences, found_expressions, found_mentions = counts
        readings.append(
            (
                sentences[sentence : sentence + found_sentences],
                expressions[expression : expression + found_expressions],
                mentions[mention : mention + found_mentions],
            )
        )
        sentence, expression, mention = (
            sentence + found_sentences,
            expression + found_expressions,
            mention + found_mentions,
        )
    return readings


# ---------------------------------------------------------------- the readings' values shared at the hand-off
#
# ``_compact`` makes the equal values of the readings one object (memory).  Readings read by the workers
# arrive pickled, a chunk at a time: a worker marks each value to share (one ``_Shared`` per distinct value
# of its chunk, so the pickle holds it once), and the parent makes it the build's one object as it
# unpickles it (``_unpickled``), once per distinct value of a chunk instead of once per mention: the main
# process's compacting no longer competes with the workers for the cores (issue #9).


class _Shared:
    """A value the parent shares: pickled as the call ``share(value)``."""

    __slots__ = ("share", "value")

    def __init__(self, share: Callable[[object], object], value: object) -> None:
        self.share, self.value = share, value

    def __reduce__(self) -> tuple[Callable[[object], object], tuple[object]]:
        return self.share, (self.value,)


# The shared values of the build whose chunk of readings is being unpickled (``_unpickled``); None when none
# is.  Two builds reading at once in one process (threads) may share one table or none for a while: the
# values stay equal.
_SHARED: dict | None = None


def _shared_value(value: object) -> object:
    """In the parent: the build's one object equal to ``value``."""
    shared = _SHARED
    return value if shared is None else shared.setdefault(value, value)


def _shared_words(words: tuple[str, ...]) -> list[str]:
    """In the parent: the build's one word list equal to ``words`` (``_one_list``)."""
    shared = _SHARED
    return list(words) if shared is None else _one_list(list(words), shared.setdefault(_LISTS, {}))


def _shared_context(context: tuple[str, str, frozenset[str]]) -> tuple[str, str, frozenset[str]]:
    """In the parent: the build's one trigger context equal to ``context`` (as ``_compact`` shares it)."""
    shared = _SHARED
    if shared is None:
        return context
    trigger, governor, named = context
    named = shared.setdefault(named, named)
    context = (sys.intern(trigger), sys.intern(governor), named)
    return shared.setdefault(context, context)


def _share_offsets(kind: type, columns: list) -> None:
    """In the parent: the columns of ``kind``'s offsets and positions (``_OFFSETS``) with equal numbers one
    object for the build.  Memory (issue #9): every number above 256 unpickled is an object of its own (28
    bytes), and a large collection's offsets are a few tens of thousands of values met again in article
    after article (on real news about four objects for each distinct value)."""
    shared = _SHARED
    if shared is None or not columns[0]:
        return
    numbers = shared.setdefault(_NUMBERS, {})
    for position in _OFFSETS[kind]:
        column = columns[position]
        columns[position] = list(map(numbers.setdefault, column, column))


_NUMBERS = object()  # the key of ``_share_offsets``'s equal numbers in the build's shared values

# the fields ``_compact`` shares, and how
_SHARES: dict[type, dict[str, Callable]] = {
    Sentence: {"text": _shared_value},
    TimeExpression: {
        **dict.fromkeys(("type", "anchor", "rule"), sys.intern),
        **dict.fromkeys(("text", "value"), _shared_value),
    },
    EventMention: {
        **dict.fromkeys(("trigger", "status", "date_source", "date_rule"), sys.intern),
        **dict.fromkeys(("actors", "terms", "places", "content", "subjects"), _shared_words),
        **dict.fromkeys(("title", "date", "earliest"), _shared_value),
        "trigger_context": _shared_context,
    },
}


class _Marks(dict):
    """In a worker: a chunk's marks of one way of sharing, by value (a word list by its tuple), each made
    on its value's first lookup; None is not marked (it stays None, as ``_compact`` leaves it)."""

    __slots__ = ("share",)

    def __init__(self, share: Callable[[Any], object]) -> None:
        super().__init__()
        self.share = share

    def __missing__(self, value: object) -> _Shared | None:
        mark = self[value] = None if value is None else _Shared(self.share, value)
        return mark


# in a worker, per way of sharing: the chunk's marks (``_Shared``) by value (a word list by its tuple)
_MARKS: dict[Callable, _Marks] = {
    share: _Marks(share) for share in (sys.intern, _shared_value, _shared_words, _shared_context)
}


def _column_marks(kind: type) -> tuple[list[str], list[tuple[int, _Marks]], list[tuple[int, _Marks]]]:
    """The fields of ``kind`` in ``__init__``'s order, and the positions (with the chunk's marks) of those
    shared as values and as word lists (``_SHARES``)."""
    names = [f.name for f in fields(kind)]
    shares = _SHARES.get(kind, {})
    marked = [(position, shares[name]) for position, name in enumerate(names) if name in shares]
    plain = [(position, _MARKS[share]) for position, share in marked if share is not _shared_words]
    words = [(position, _MARKS[share]) for position, share in marked if share is _shared_words]
    return names, plain, words


_COLUMNS = {kind: _column_marks(kind) for kind in (Sentence, TimeExpression, EventMention)}
_SENTENCE = _COLUMNS[EventMention][0].index("sentence")
# the positions of the numbers that ``_share_offsets`` shares, by class
_OFFSETS = {
    Sentence: [_COLUMNS[Sentence][0].index(name) for name in ("index", "start", "end", "paragraph", "line")],
    TimeExpression: [_COLUMNS[TimeExpression][0].index(name) for name in ("start", "end")],
}
_EXPRESSION = _COLUMNS[EventMention][0].index("expression")


@contextmanager
def _worker_pool(workers: int, method: str) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, on any error or Ctrl-C in the parent, stops its workers at once
    (instead of letting them finish their chunks, which can take minutes)."""
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker)
    try:
        yield pool
    except BaseException:
        # ``_processes`` is private, but terminating the workers is the only way not to wait for them
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


# ---------------------------------------------------------------- inference and bounds


def _report(options: BuildOptions, stage: str, done: int, total: int) -> None:
    if options.progress is not None:
        options.progress(stage, done, total)


def _date_undated(
    ordered: list[Article],
    sentences: dict[str, list[Sentence]],
    expressions: dict[str, list[TimeExpression]],
    mentions: dict[str, list[EventMention]],
    options: BuildOptions,
    warnings: list[str],
) -> list[Article]:
    """Infer publication dates of undated articles from the dated ones; re-read those articles.

    An article whose re-reading fails keeps its first reading (undated), with a warning."""
    dated = [a for a in ordered if a.published.value]
    # only relative expressions left unresolved can date an article (see ``infer``): without any,
    # the reference merge of all dated articles would be wasted
    undated = [
        a
        for a in ordered
        if not a.published.value and any(e.anchor == "unresolved" for e in expressions[a.id])
    ]
    if not undated or not dated:
        return ordered
    try:
        reference = merge_mentions([m for a in dated for m in mentions[a.id]], dated)
        inferred = _infer_dates(undated, EventReference(reference), sentences)
    except Exception as error:  # noqa: BLE001 - the guard: dating from the others is a bonus, not a must
        if os.environ.get(DEBUG_VARIABLE):
            raise
        warnings.append(
            f"could not date the {len(undated)} undated article(s) from the others "
            f"({_failure_reason(error)}); they stay undated. "
            f"This is a bug: please report it (rerun with {DEBUG_VARIABLE}=1)"
        )
        return ordered
    result = []
    for done, article in enumerate(ordered, start=1):
        published = inferred.get(article.id)
        if published is not None:
            article = _reread_with_date(article, published, sentences, expressions, mentions, warnings)
        result.append(article)
        _report(options, "infer", done, len(ordered))
    return result


def _reread_with_date(
    article: Article,
    published: Published,
    sentences: dict[str, list[Sentence]],
    expressions: dict[str, list[TimeExpression]],
    mentions: dict[str, list[EventMention]],
    warnings: list[str],
) -> Article:
    """``article`` with its inferred date, its expressions and mentions read again against it."""
    dated = replace(article, published=published)
    if not published.value:
        return dated
    try:
        tagged = _tag_within_bounds(dated)
        found = extract_mentions(dated, sentences[article.id], tagged)
    except Exception as error:  # noqa: BLE001 - the per-article guard (see ``_guarded_read``)
        if os.environ.get(DEBUG_VARIABLE):
            raise
        warnings.append(
            f"{article.path or article.id}: could not be re-read with its inferred date "
            f"({_failure_reason(error)}); kept undated"
        )
        return article
    expressions[article.id], mentions[article.id] = tagged, found
    return dated


MAX_BOUNDED_DAYS = 31  # wider ranges are not worth resolving day by day


def _tag_within_bounds(article: Article) -> list[TimeExpression]:
    """Tag an article whose publication date is known only as a range of days.

    An expression whose value comes out the same for every possible publication day ("Monday
    night" in an article published some day from Thursday to Sunday) is resolved; one that
    depends on the day keeps what the coarse value gives (usually unresolved).
    """
    published = article.published
    coarse = _tag(article.text, published.value, article.body)
    if not (published.earliest and published.latest):
        return coarse
    span = (published.latest - published.earliest).days + 1
    if not 1 < span <= MAX_BOUNDED_DAYS:
        return coarse
    from timeline.temporal import tag_for_dates

    days = [(published.earliest + timedelta(days=n)).isoformat() for n in range(span)]
    readings = tag_for_dates(article.text, days, article.body)
    by_span = [{(e.start, e.end): e for e in reading} for reading in readings]
    resolved = []
    for expression in coarse:
        key = (expression.start, expression.end)
        versions = [reading.get(key) for reading in by_span]
        agreed = versions[0]
        if (
            expression.anchor == "unresolved"
            and agreed is not None
            and agreed.value is not None
            and all(v is not None and (v.value, v.type) == (agreed.value, agreed.type) for v in versions)
        ):
            expression = replace(
                agreed,
                anchor_value=published.value,
                anchor_text=f"publication date, any day from {days[0]} to {days[-1]}",
            )
        resolved.append(expression)
    return resolved


# The dated articles' events and every article's sentences, for forked inference workers: they read
# them from the memory they share with the parent instead of receiving a copy of each.
_INFERENCE_STATE: tuple[EventReference, dict[str, list[Sentence]]] | None = None


def _infer_dates(
    undated: list[Article], reference: EventReference, sentences: dict[str, list[Sentence]]
) -> dict[str, Published]:
    """Inferred publication dates of ``undated``: in forked workers when there are many."""
    workers = min(_available_workers(), -(-len(undated) // INFER_CHUNK))
    parallel = workers > 1 and (len(undated) >= PARALLEL_MIN_UNDATED or _workers_override() is not None)
    # only "fork" shares the reference for free; other start methods would have to copy it to each worker
    if parallel and _start_method() == "fork":
        try:
            return _infer_in_pool(undated, reference, sentences, workers)
        except (BrokenProcessPool, OSError):
            pass  # no usable process pool here: infer in-process
    return infer_with_reference(undated, reference, sentences, _PreparedTagger())


def _infer_in_pool(
    undated: list[Article], reference: EventReference, sentences: dict[str, list[Sentence]], workers: int
) -> dict[str, Published]:
    global _INFERENCE_STATE
    chunks = [undated[i : i + INFER_CHUNK] for i in range(0, len(undated), INFER_CHUNK)]
    _INFERENCE_STATE = (reference, sentences)
    try:
        with _worker_pool(workers, "fork") as pool:
            results = list(pool.map(_infer_chunk, chunks))
    finally:
        _INFERENCE_STATE = None
    return {article_id: published for result in results for article_id, published in result.items()}


def _infer_chunk(chunk: list[Article]) -> dict[str, Published]:
    """Worker task (forked): dates ``chunk`` against the parent's reference."""
    assert _INFERENCE_STATE is not None, "inference workers must be forked from the building process"
    reference, sentences = _INFERENCE_STATE
    with _cycle_collector_paused():
        return infer_with_reference(chunk, reference, sentences, _PreparedTagger())


class _PreparedTagger:
    """``tag`` for inference, which asks for one text under many publication dates in a row.

    Recognition does not depend on the publication date, so the text is recognised once
    (``prepare``) and only resolved per date (``resolve``): about 10x cheaper than re-tagging.
    """

    def __init__(self) -> None:
        self._key: tuple[str, tuple[tuple[int, int], ...]] | None = None
        self._prepared = None

    def __call__(
        self, text: str, published: str | None, regions: list[tuple[int, int]] | None = None
    ) -> list[TimeExpression]:
        from timeline.temporal import prepare, resolve

        key = (text, tuple(regions or ()))
        if self._key is None or self._key[0] is not text or self._key != key:
            self._key, self._prepared = key, prepare(text, list(regions or []))
        return resolve(self._prepared, published)


def _bounded(article: Article, events: list[Event]) -> Article:
    """An article still without a date gets the bounds its merged events imply."""
    if article.published.value or article.published.earliest or article.published.latest:
        return article
    bounds = bound_from_events(article, events)
    return replace(article, published=bounds) if bounds else article

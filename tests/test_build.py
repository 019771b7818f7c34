"""Building the timeline: the seeds end to end, and ordering / since / until / top."""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import pickle
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest

from timeline import build, copies, select
from timeline.build import build_timeline, select_events
from timeline.config import BuildOptions
from timeline.errors import InputError
from timeline.readers import read_paths
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, EventMention, Published, Sentence, TimeExpression

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeds_timeline():
    return build_timeline(read_paths([str(SEEDS)]))


def _short(event: Event) -> list[str]:
    return sorted(s[:3] for s in event.sources)


def _on(timeline, value: str) -> list[Event]:
    return [e for e in timeline.events if e.date and e.date.value == value]


def test_seed_call_has_all_four_sources(seeds_timeline):
    calls = [e for e in _on(seeds_timeline, "2022-02-14") if "call" in e.title.lower()]
    assert len(calls) == 1
    assert _short(calls[0]) == ["000", "001", "002", "003"]
    assert calls[0].status == "reported"


def test_seed_drills_start_conflict(seeds_timeline):
    (start,) = _on(seeds_timeline, "2022-02-02")
    assert _short(start) == ["000", "002"]
    assert [(c.value, [s[:3] for s in c.sources]) for c in start.conflicts] == [("2022-W06", ["002"])]


def test_seed_later_events_and_statuses(seeds_timeline):
    assert any("visited" in e.title and _short(e) == ["003"] for e in _on(seeds_timeline, "2022-02-15"))
    assert any("revealed" in e.title and _short(e) == ["002"] for e in _on(seeds_timeline, "2022-02-15"))
    assert any("attend" in e.title and e.status == "expected" for e in _on(seeds_timeline, "2022-02-16"))
    assert any("Makei" in e.title for e in _on(seeds_timeline, "2022-02-16"))
    (end,) = _on(seeds_timeline, "2022-W07")
    assert "announced an end" in end.title
    (finish,) = _on(seeds_timeline, "2022-02-20")
    assert finish.status == "expected"
    assert {e.status for e in _on(seeds_timeline, "1994") + _on(seeds_timeline, "2020")} == {"background"}


def test_seed_publication_dates(seeds_timeline):
    published = {d.id[:3]: d.published for d in seeds_timeline.documents}
    assert published["000"].value == "2022-02"
    assert published["002"].value == "2022-02-15"
    assert (published["003"].value, published["003"].source) == ("2022-02-16", "inferred")
    assert '"this week"' in published["003"].evidence
    assert published["001"].value is None
    assert published["001"].earliest == date(2022, 2, 14)


def test_seed_order_and_expressions(seeds_timeline):
    starts = [e.date.start for e in seeds_timeline.events if e.date]
    assert starts == sorted(starts)
    assert set(seeds_timeline.expressions) == {d.id for d in seeds_timeline.documents}
    assert seeds_timeline.gaps == []


def test_progress_is_reported_per_article():
    calls = []
    build_timeline(read_paths([str(SEEDS)]), BuildOptions(progress=lambda *a: calls.append(a)))
    assert [c for c in calls if c[0] == "read"] == [("read", i, 4) for i in range(1, 5)]


def _event(value: str, sources: int, title: str) -> Event:
    return Event(
        f"ev-{title}", value_to_date(value), title, "reported", [f"s{i}" for i in range(sources)], []
    )


EVENTS = [
    _event("2022-03", 1, "month"),
    _event("2022-03-05", 1, "minor"),
    _event("2022-03-05", 3, "major"),
    _event("2022-03-01", 2, "first"),
    _event("2022-03-09", 1, "late"),
    Event("ev-undated", None, "undated", "reported", ["s0"], []),
]


def test_events_ordered_by_start_coarser_first_then_importance():
    titles = [e.title for e in select_events(EVENTS, BuildOptions())]
    assert titles == ["month", "first", "major", "minor", "late", "undated"]


def test_since_until_keep_overlapping_dated_events_and_the_undated_ones():
    kept = select_events(EVENTS, BuildOptions(since=date(2022, 3, 5), until=date(2022, 3, 8)))
    # an undated event may lie in the period: it stays listed (under Undated), not silently dropped
    assert [e.title for e in kept] == ["month", "major", "minor", "undated"]


def test_top_keeps_the_most_important_dates_and_their_central_event():
    kept = select_events(EVENTS, BuildOptions(top=2))
    assert [e.title for e in kept] == ["first", "major"]


def test_top_prefers_story_days_over_widely_cited_background_years():
    background = _event("1994", 5, "ruled since 1994")
    background.status = "background"
    kept = select_events([background, *EVENTS], BuildOptions(top=2))
    assert [e.title for e in kept] == ["first", "major"]
    wider = select_events([background, *EVENTS], BuildOptions(top=4))
    assert [e.title for e in wider][0] == "ruled since 1994"  # once the story's days are all in


def test_top_gives_one_line_per_date_preferring_what_happened_over_what_is_expected():
    expected = _event("2022-03-05", 3, "planned")
    expected.status = "expected"
    kept = select_events([expected, *EVENTS], BuildOptions(top=1))
    assert [e.title for e in kept] == ["major"]


# ---------------------------------------------------------------- worker processes


def _everything(timeline) -> tuple:
    return (
        [(e.id, e.date, e.title, e.status, e.sources, e.conflicts, len(e.mentions)) for e in timeline.events],
        [(d.id, d.published) for d in timeline.documents],
        timeline.expressions,
    )


@pytest.fixture
def tiny_chunks(monkeypatch):
    """Force worker processes on the four seeds: one article per task."""
    monkeypatch.setenv(build.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(build, "CHUNK_CHARACTERS", 1)


def test_worker_processes_give_the_same_timeline_and_report_progress(tiny_chunks, seeds_timeline):
    calls = []
    timeline = build_timeline(read_paths([str(SEEDS)]), BuildOptions(progress=lambda *a: calls.append(a)))
    assert _everything(timeline) == _everything(seeds_timeline)
    assert [c for c in calls if c[0] == "read"] == [("read", i, 4) for i in range(1, 5)]


def test_workers_started_by_forkserver_give_the_same_timeline(tiny_chunks, monkeypatch, seeds_timeline):
    # what a threaded caller (a progress bar) or a platform without fork gets
    if "forkserver" not in multiprocessing.get_all_start_methods():
        pytest.skip("no forkserver on this platform")
    monkeypatch.setattr(build, "_start_method", lambda: "forkserver")
    assert _everything(build_timeline(read_paths([str(SEEDS)]))) == _everything(seeds_timeline)


def test_a_failing_process_pool_falls_back_to_reading_in_process(tiny_chunks, monkeypatch, seeds_timeline):
    def broken(*args):
        raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(build, "_read_in_pool", broken)
    assert _everything(build_timeline(read_paths([str(SEEDS)]))) == _everything(seeds_timeline)


def test_a_pool_that_breaks_midway_leaves_the_rest_to_this_process(tiny_chunks, monkeypatch, seeds_timeline):
    # the readings already handed over are kept; the articles after them are read here, in order
    def breaks_after_two(ordered, *args):
        yield from (build._guarded_read(article) for article in ordered[:2])
        raise BrokenProcessPool("a worker died")

    monkeypatch.setattr(build, "_read_in_pool", breaks_after_two)
    assert _everything(build_timeline(read_paths([str(SEEDS)]))) == _everything(seeds_timeline)


def _wire_collection() -> list[Article]:
    """Re-sent stories among other articles (invented): what the copies step must find."""
    resend = _STORY.replace("three years", "3 years")
    other = "Ivan Petrov resigned as mayor of Westholm on Monday, citing his health, officials said."
    texts = [("wire-1", _STORY, "2023-05-09"), ("wire-2", resend, "2023-05-17"), ("wire-3", _STORY, None)]
    texts += [("mayor-1", other, "2023-05-10"), ("mayor-2", other, "2023-05-08")]
    texts += [
        (f"note-{n}", f"Acme opened plant {n} in Norland on {n + 1} May 2023.", "2023-05-20")
        for n in range(4)
    ]
    return [_article(doc, text, when) for doc, text, when in texts]


def _article(doc: str, text: str, published: str | None) -> Article:
    when = Published(published, "header") if published else Published()
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=when)


def test_copies_found_by_the_workers_are_the_ones_found_after_reading(tiny_chunks, monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    in_process = build_timeline(_wire_collection())
    # wire-3 is dated from the others: "2023-05", which starts before wire-1's day, so it is the original
    wire_3 = {d.id: d.published for d in in_process.documents}["wire-3"]
    assert (wire_3.value, wire_3.source) == ("2023-05", "inferred")
    assert in_process.copies == {"wire-1": "wire-3", "wire-2": "wire-3", "mayor-1": "mayor-2"}
    monkeypatch.setenv(build.WORKERS_VARIABLE, "2")

    def not_after_reading(articles):
        raise AssertionError("the workers found the copies' groups: nothing to find after reading")

    monkeypatch.setattr(build, "find_copies", not_after_reading)
    pooled = build_timeline(_wire_collection())
    assert pooled.copies == in_process.copies
    assert pooled.warnings == in_process.warnings
    assert _everything(pooled) == _everything(in_process)


_REPORT = [
    "The council of Westholm met on Monday to discuss the harbour plan.",
    "Minister Rahn said the plan would cost more than expected.",
    "Dockworkers gathered outside the town hall before the vote.",
    "Acme offered to pay for half of the new quay.",
    "The mayor thanked the workers for their patience during the talks.",
    "A final decision is expected before the end of the summer.",
    "Residents of Portvale asked for a second public hearing.",
    "The harbour master warned that ships were already waiting.",
    "Union leaders called the offer a good first step.",
    "Officials in Norland declined to comment on the dispute.",
]


def test_copies_are_found_again_when_an_article_could_not_be_read(tiny_chunks, monkeypatch):
    # the full report holds both parts; the parts share too little to be copies of each other: with the
    # full report left out (it could not be read) they are two stories, not one group as the workers saw
    first_part = _article("part-a", " ".join(_REPORT[:8]), "2023-05-09")
    full = _article("full", " ".join(_REPORT), "2023-05-10")
    last_part = _article("part-c", " ".join(_REPORT[2:]), "2023-05-11")
    others = [_article(f"other-{n}", f"Acme opened plant {n} in Norland.", "2023-05-20") for n in range(3)]
    articles = [first_part, full, last_part, *others]
    assert copies.find_copies(articles) == {"full": "part-a", "part-c": "part-a"}
    reading = build.read_article

    def fails_on_full(article):
        if article.id == "full":
            raise IndexError("list index out of range")
        return reading(article)

    monkeypatch.setattr(build, "read_article", fails_on_full)
    timeline = build_timeline(articles)
    assert [s.document for s in timeline.skipped] == ["full"]
    assert timeline.copies == {}


def test_readings_pickled_by_the_workers_come_back_equal_and_shared_alike():
    # the workers pickle sentences, expressions and mentions as calls with their fields: every field, the
    # ones left out of ``==`` too, must come back, and objects shared in a reading must stay shared
    article = _article("a1", _STORY, "2023-05-09")
    reading = build.read_article(article)
    sentences, expressions, mentions = reading
    assert mentions and any(m.expression is not None for m in mentions)
    for kind in (Sentence, TimeExpression, EventMention):
        assert all(f.init for f in fields(kind))  # each field can be given back to ``__init__``
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {
        kind: build._pickle_by_fields(kind) for kind in (Sentence, TimeExpression, EventMention)
    }
    pickler.dump(reading)
    back_sentences, back_expressions, back_mentions = pickle.loads(buffer.getvalue())

    def every_field(instance) -> tuple:
        return tuple(getattr(instance, f.name) for f in fields(instance))

    assert [every_field(s) for s in back_sentences] == [every_field(s) for s in sentences]
    assert [every_field(e) for e in back_expressions] == [every_field(e) for e in expressions]
    assert [every_field(m) for m in back_mentions] == [every_field(m) for m in mentions]
    assert all(m.trigger_context is not None for m in back_mentions)
    by_id = {id(e): n for n, e in enumerate(expressions)}
    for mention, back in zip(mentions, back_mentions, strict=True):
        assert back.sentence is back_sentences[mention.sentence.index]
        if mention.expression is not None:
            assert back.expression is back_expressions[by_id[id(mention.expression)]]
    assert len(buffer.getvalue()) < len(pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL))


def _pickled_by_columns(readings: list) -> bytes:
    """A chunk's readings pickled as a worker returns them (``_ByColumns``, the marks made afresh)."""
    return _pickled_by_fields(build._ByColumns(readings))


def _pickled_by_fields(value: object) -> bytes:
    """``value`` pickled as a worker pickles readings (each class by its fields), the marks made afresh."""
    for marks in build._MARKS.values():
        marks.clear()
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {
        kind: build._pickle_by_fields(kind) for kind in (Sentence, TimeExpression, EventMention)
    }
    pickler.dump(value)
    return buffer.getvalue()


def _every_field(instance) -> tuple:
    return tuple(getattr(instance, f.name) for f in fields(instance))


def _same_readings(back: list, readings: list) -> None:
    """``back`` holds the readings' every field, with a mention's sentence and expression the objects of
    its own article's lists, as in ``readings``."""
    assert len(back) == len(readings)
    for back_reading, reading in zip(back, readings, strict=True):
        if isinstance(reading, str):
            assert back_reading == reading
            continue
        for back_items, items in zip(back_reading, reading, strict=True):
            assert [_every_field(x) for x in back_items] == [_every_field(x) for x in items]
        back_sentences, back_expressions, back_mentions = back_reading
        sentences, expressions, mentions = reading
        sentence_at = {id(s): n for n, s in enumerate(sentences)}
        expression_at = {id(e): n for n, e in enumerate(expressions)}
        for back_mention, mention in zip(back_mentions, mentions, strict=True):
            assert back_mention.sentence is back_sentences[sentence_at[id(mention.sentence)]]
            if mention.expression is None:
                assert back_mention.expression is None
            else:
                assert back_mention.expression is back_expressions[expression_at[id(mention.expression)]]


def test_a_chunk_pickled_by_columns_comes_back_as_its_readings(monkeypatch):
    # a worker hands its chunk over by columns: every field of every sentence, expression and mention
    # comes back, the failures' reasons in their places, each mention pointing into its own article's lists
    texts = [_STORY, "Minister Rahn resigned on Monday.", "No date here at all, said Acme.", _STORY]
    readings: list = [
        build.read_article(_article(f"a{n}", text, "2023-05-09")) for n, text in enumerate(texts)
    ]
    readings[1][2][0].subjects = None  # the subject not determined
    readings.insert(2, "ValueError: could not read it")
    readings.append(([], [], []))  # an article with nothing in it
    mentions = [m for reading in readings if not isinstance(reading, str) for m in reading[2]]
    assert any(m.expression is None for m in mentions) and any(m.expression is not None for m in mentions)
    assert any(m.subjects is None for m in mentions) and any(m.subjects for m in mentions)
    monkeypatch.setattr(build, "_SHARED", {})
    back = pickle.loads(_pickled_by_columns(readings))
    _same_readings(back, readings)
    texts_back = [m.sentence.text for reading in back if not isinstance(reading, str) for m in reading[2]]
    assert len({id(t) for t in texts_back}) == len(set(texts_back))  # equal texts one object
    assert pickle.loads(_pickled_by_columns([])) == []
    assert pickle.loads(_pickled_by_columns(["KeyError: 'x'"])) == ["KeyError: 'x'"]


def test_a_worker_pickles_its_chunk_with_the_collector_paused_and_the_parent_gets_the_readings(monkeypatch):
    # the chunk is pickled inside the task, where the cyclic collector is still paused (pickling by columns
    # makes a container per object and field: the collector would scan them as they are made)
    enabled_while_pickling = []
    reduce = build._ByColumns.__reduce__

    def recording(self):
        enabled_while_pickling.append(gc.isenabled())
        return reduce(self)

    monkeypatch.setattr(build._ByColumns, "__reduce__", recording)
    articles = [
        _article("a1", _STORY, "2023-05-09"),
        _article("a2", "Minister Rahn resigned on Monday.", None),
    ]
    was_enabled = gc.isenabled()
    data = build._read_chunk(articles)
    assert isinstance(data, bytes)
    assert enabled_while_pickling == [False]
    assert gc.isenabled() == was_enabled
    _same_readings(build._unpickled(data, {}), [build.read_article(article) for article in articles])
    assert build._SHARED is None  # the build's table is not kept


def test_a_mention_pointing_outside_its_chunk_is_handed_over_object_by_object(monkeypatch):
    # a mention whose sentence (or expression) is not in the chunk's lists, or an object twice in them,
    # cannot be given as a position: the chunk is pickled object by object, with the same result
    reading = build.read_article(_article("a1", _STORY, "2023-05-09"))
    sentences, expressions, mentions = reading
    stray = replace(mentions[0], sentence=replace(mentions[0].sentence, index=99))
    outside = (sentences, expressions, [*mentions, stray])
    twice = (sentences, [*expressions, expressions[0]], mentions)
    monkeypatch.setattr(build, "_SHARED", {})
    for readings in ([outside], [reading, reading], [twice]):
        back = pickle.loads(_pickled_by_columns(readings))
        for back_reading, read in zip(back, readings, strict=True):
            for back_items, items in zip(back_reading, read, strict=True):
                assert [_every_field(x) for x in back_items] == [_every_field(x) for x in items]
    back_first, back_second = pickle.loads(_pickled_by_columns([reading, reading]))
    assert back_first[0][0] is back_second[0][0]  # one object in the worker, one in the parent


def test_the_parent_shares_the_marked_values_of_a_chunk_and_leaves_none_as_none(monkeypatch):
    # a worker marks each distinct value to share once per chunk (``_Marks``); the parent makes equal values
    # one object as it unpickles them, and a field left None (an undated mention's date, no subjects) comes
    # back None, unmarked
    article = _article("a1", _STORY, "2023-05-09")
    _, _, mentions = build.read_article(article)
    twins = [replace(mentions[0], actors=["Minister Rahn"], subjects=None, date=None) for _ in range(2)]
    twins[1].actors = ["Minister " + "Rahn"]  # equal, another object
    assert twins[0].actors is not twins[1].actors
    pickled = _pickled_by_fields(twins)
    assert all(marks.get(None) is None for marks in build._MARKS.values())  # None is never a mark
    monkeypatch.setattr(build, "_SHARED", {})
    first, second = pickle.loads(pickled)
    assert first.actors == second.actors == ["Minister Rahn"] and first.actors is second.actors
    assert first.subjects is None and second.subjects is None
    assert first.date is None and second.date is None
    assert first.title is second.title and first.trigger is second.trigger


def test_the_collector_resumes_as_it_was_with_the_build_aged_and_nothing_frozen():
    # the build pauses the cyclic collector; afterwards it runs again, what the build made is in the
    # oldest generation (not examined again by young collections), and nothing stays frozen
    assert gc.isenabled()
    gc.collect()
    timeline = build_timeline(read_paths([str(SEEDS)]))
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert gc.get_count()[0] < 100  # the young generation holds only what was made since
    assert timeline.events and gc.is_tracked(timeline.events[0])
    gc.disable()
    try:
        build_timeline(read_paths([str(SEEDS)]))
        assert not gc.isenabled()  # a caller's paused collector stays paused
    finally:
        gc.enable()
    gc.freeze()  # a caller's frozen objects stay frozen (the ones still alive: some die meanwhile)
    try:
        build_timeline(read_paths([str(SEEDS)]))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_small_collections_stay_in_process_large_ones_use_the_cores(monkeypatch):
    monkeypatch.delenv(build.WORKERS_VARIABLE, raising=False)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    small = [Article(f"a{i}", f"a{i}.txt", "Text.", [(0, 5)]) for i in range(10)]
    assert build._worker_count(small) == 1
    assert build._worker_count(small * 20) == cores  # 200 articles
    long_text = "x" * 300_000
    assert build._worker_count([Article(f"b{i}", "b.txt", long_text, [(0, 1)]) for i in range(10)]) == cores
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    assert build._worker_count(small * 20) == 1


def test_chunks_are_contiguous_runs_of_about_the_requested_size():
    articles = [
        Article(f"a{i}", f"a{i}.txt", "x" * size, [(0, size)]) for i, size in enumerate([3, 4, 5, 1, 9, 2])
    ]
    chunks = list(build._chunks(articles, 8))
    assert [[a.id for a in chunk] for chunk in chunks] == [["a0", "a1", "a2"], ["a3", "a4"], ["a5"]]


def test_the_last_chunks_are_smaller_so_that_the_workers_finish_together():
    # 20 articles of 10 characters in chunks of 40: the last 80 characters in chunks of 10
    articles = [Article(f"a{i:02}", f"a{i}.txt", "x" * 10, [(0, 10)]) for i in range(20)]
    chunks = list(build._chunks(articles, 40, tail=80))
    assert [len(chunk) for chunk in chunks] == [4, 4, 4] + [1] * 8  # the last 8 articles: 80 characters
    assert [a for chunk in chunks for a in chunk] == articles  # contiguous runs, in order
    assert [len(chunk) for chunk in build._chunks(articles, 40)] == [4, 4, 4, 4, 4]


def test_undated_article_without_relative_dates_is_bounded_by_its_own_events():
    dated_text = "Ana Kowalczyk visited Lisbon on Monday."
    undated_text = "Petro Marchenko met Ana Kowalczyk in Lisbon on 3 March 2023."
    articles = [
        Article("dated", "dated.txt", dated_text, [(0, len(dated_text))], published=Published("2023-03-08")),
        Article("undated", "undated.txt", undated_text, [(0, len(undated_text))]),
    ]
    documents = {d.id: d.published for d in build_timeline(articles).documents}
    assert documents["undated"].value is None
    assert documents["undated"].source == "inferred"
    assert documents["undated"].earliest == date(2023, 3, 3)


def test_an_error_while_reading_in_a_worker_skips_only_that_article(tiny_chunks, monkeypatch):
    if build._start_method() != "fork":
        pytest.skip("the patched reader only reaches workers started by fork")
    real = build.read_article

    def failing_on_003(article):
        if article.id.startswith("003"):
            raise ValueError(f"cannot read {article.id}")
        return real(article)

    monkeypatch.setattr(build, "read_article", failing_on_003)
    timeline = build_timeline(read_paths([str(SEEDS)]))
    assert [s.document for s in timeline.skipped] == ["003_8abad7e98a5fd3f2"]
    assert "003" not in " ".join(d.id for d in timeline.documents)
    assert len(timeline.documents) == 3 and timeline.events
    assert any("could not be processed (ValueError: cannot read 003" in w for w in timeline.warnings)


def test_an_error_in_every_article_reaches_the_caller_as_one_input_error(tiny_chunks, monkeypatch):
    def failing(article):
        raise ValueError(f"cannot read {article.id}")

    monkeypatch.setattr(build, "read_article", failing)
    with pytest.raises(InputError, match="no article could be processed .*cannot read"):
        build_timeline(read_paths([str(SEEDS)]))


def test_undated_articles_dated_in_worker_processes_match_in_process(monkeypatch):
    seeds = read_paths([str(SEEDS)])
    (undated,) = [a for a in seeds if a.id.startswith("003")]
    articles = seeds + [replace(undated, id="003-copy", path="copy.txt")]
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    in_process = build_timeline(articles)
    monkeypatch.setenv(build.WORKERS_VARIABLE, "2")
    monkeypatch.setattr(build, "INFER_CHUNK", 1)  # one undated article per worker
    in_workers = build_timeline(articles)
    assert _everything(in_workers) == _everything(in_process)
    published = {d.id: d.published for d in in_workers.documents}
    assert published["003-copy"].value == published[undated.id].value == "2022-02-16"


# ---------------------------------------------------------------- re-sent copies

_STORY = (
    "Maria Novak, the port authority chief, opened the new container terminal on Monday after three years "
    "of construction. Dockworkers staged a brief protest outside the gates, demanding higher wages and "
    "shorter shifts. The terminal will double the harbour's capacity, Novak told reporters."
)


def _text_article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def test_near_identical_resend_is_found_and_counted_as_one_source():
    original = _text_article("wire-1", _STORY, "2023-05-09")
    resend = _text_article("wire-2", _STORY.replace("three years", "3 years"), "2023-05-17")
    other = _text_article(
        "other", "Ivan Petrov resigned as mayor on Monday, citing his health.", "2023-05-09"
    )
    assert copies.find_copies([resend, other, original]) == {"wire-2": "wire-1"}
    timeline = build_timeline([resend, other, original])
    assert timeline.warnings == ["wire-2 repeats the text of wire-1: counted as one source (wire-1)"]
    assert all(event.sources != ["wire-1", "wire-2"] for event in timeline.events)


def _mention(text: str, value: str | None) -> EventMention:
    sentence = Sentence("doc", 0, 0, len(text), text, 0, 1)
    when = value_to_date(value) if value else None
    return EventMention("doc", sentence, None, when, "met")


def test_summary_line_is_the_most_central_sentence_that_agrees_with_the_date():
    mentions = [
        _mention("The ministers met in Vienna on Monday.", "2022-03-07"),
        _mention("Foreign ministers met in Vienna on Monday to discuss the ceasefire.", "2022-03-07"),
        _mention(
            "The ministers met in Vienna to discuss the ceasefire last week.", "2022-W09"
        ),  # conflicting
        _mention("Talks on the ceasefire continued.", None),
    ]
    event = Event("ev-1", value_to_date("2022-03-07"), "ministers met", "reported", ["doc"], mentions)
    # The second sentence shares the most words with the others; the conflicting one may not be chosen.
    assert (
        select.central_sentence(event)
        == "Foreign ministers met in Vienna on Monday to discuss the ceasefire."
    )
    [kept] = select_events([event], BuildOptions(top=1))
    assert kept.title == "Foreign ministers met in Vienna on Monday to discuss the ceasefire."


def test_an_article_dated_only_by_a_range_resolves_what_every_day_in_it_agrees_on():
    text = "The dam gave way on Monday night. The cabinet met on Thursday. Crews left yesterday."
    article = Article(
        "blog",
        "blog.txt",
        text,
        [(0, len(text))],
        published=Published(
            "2024-W11", "inferred", "bounds", earliest=date(2024, 3, 14), latest=date(2024, 3, 17)
        ),
    )
    values = {e.text: e.value for e in build._tag_within_bounds(article)}
    # Published any day from Thursday 14 to Sunday 17 March 2024: the Monday before is always the 11th,
    # the Thursday always the 14th; "yesterday" depends on the day, so it stays unresolved.
    assert values["Monday night"] == "2024-03-11TNI"
    assert values["Thursday"] == "2024-03-14"
    assert values["yesterday"] is None


def _two_reports(tmp_path, first: tuple[str, str], second: tuple[str, str]):
    sentence = "Stock markets in Lavra fell sharply on {day} after the central bank report, traders said.\n"
    for name, (published, day) in (("a", first), ("b", second)):
        (tmp_path / f"{name}.txt").write_text(
            f" date {published}\n" + sentence.format(day=day), encoding="utf-8"
        )
    return build_timeline(read_paths([str(tmp_path)]))


def test_alike_daily_reports_from_different_days_are_two_events(tmp_path):
    # Monday's paper says "on Monday", Tuesday's paper says "on Tuesday": two days of a story, no dispute.
    timeline = _two_reports(tmp_path, ("2023-03-13", "Monday"), ("2023-03-14", "Tuesday"))
    dated = sorted(e.date.value for e in timeline.events if e.date)
    assert dated == ["2023-03-13", "2023-03-14"]
    assert all(not e.conflicts for e in timeline.events)


def test_alike_reports_published_together_with_different_days_conflict(tmp_path):
    # Two papers of the same day disagree on which day it happened: one event, the other day a conflict.
    timeline = _two_reports(tmp_path, ("2023-03-14", "Monday"), ("2023-03-14", "Tuesday"))
    [event] = [e for e in timeline.events if e.date]
    assert [c.value for c in event.conflicts] in (["2023-03-13"], ["2023-03-14"])


def test_readings_handed_over_by_the_pool_share_equal_values_across_chunks(monkeypatch):
    # the workers mark the values to share and the parent shares them as it unpickles: the readings are
    # those read in-process, with equal texts, word lists, dates and strings one object for the whole build
    texts = [f"{_STORY} Minister Rahn met the Acme board on {day} May." for day in (3, 4, 3, 5, 3, 4)]
    articles = [_article(f"a{n}", text, "2023-05-09") for n, text in enumerate(texts)]
    monkeypatch.setattr(build, "CHUNK_CHARACTERS", 100)  # one article a chunk
    monkeypatch.setenv(build.WORKERS_VARIABLE, "2")
    pooled = list(build._read_articles(articles, BuildOptions(), build._Beside()))
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    in_process = list(build._read_articles(articles, BuildOptions(), build._Beside()))

    def every_field(instance) -> tuple:
        return tuple(getattr(instance, f.name) for f in fields(instance))

    for back, read in zip(pooled, in_process, strict=True):
        for back_items, read_items in zip(back, read, strict=True):
            assert [every_field(x) for x in back_items] == [every_field(x) for x in read_items]
    mentions = [m for _, _, found in pooled for m in found]
    assert len(mentions) > len(texts)
    for value in ("terms", "actors", "places", "title", "date", "trigger", "status", "trigger_context"):
        by_value: dict = {}
        for mention in mentions:
            one = by_value.setdefault(repr(getattr(mention, value)), getattr(mention, value))
            assert getattr(mention, value) is one, value
    sentence_texts: dict = {}
    for sentence in (s for found, _, _ in pooled for s in found):
        assert sentence_texts.setdefault(sentence.text, sentence.text) is sentence.text
    assert build._SHARED is None  # the build's table is not kept

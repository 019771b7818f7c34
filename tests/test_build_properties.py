"""Properties of the whole build: order/name independence, date shifting, single article, stable ids."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from timeline.build import build_timeline
from timeline.config import BuildOptions
from timeline.readers import read_paths
from timeline.types import Article, Published, Timeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

STORY = (
    "Ana Kowalczyk and Petro Marchenko held a phone call on Monday. "
    "The joint drills are expected to finish on Sunday. "
    "Officials said Wednesday that the talks went well."
)


def _shape(timeline: Timeline, names: dict[str, str] | None = None) -> list[tuple]:
    """The timeline with article ids mapped through ``names`` (so renamed files compare equal)."""
    names = names or {}
    return [
        (
            e.date.value if e.date else None,
            e.title,
            e.status,
            sorted(names.get(s, s) for s in e.sources),
            [(c.value, sorted(names.get(s, s) for s in c.sources)) for c in e.conflicts],
        )
        for e in timeline.events
    ]


def test_same_timeline_whatever_the_input_order_or_file_names():
    articles = read_paths([str(SEEDS)])
    baseline = build_timeline(articles)
    renamed = [replace(a, id=f"zz{i}", path=f"renamed/{i}.txt") for i, a in enumerate(reversed(articles))]
    back = {f"zz{i}": a.id for i, a in enumerate(reversed(articles))}
    shuffled = build_timeline(renamed)
    assert _shape(shuffled, back) == _shape(baseline)
    assert [e.id for e in build_timeline(list(reversed(articles))).events] == [e.id for e in baseline.events]


def test_event_ids_are_stable_across_runs():
    first = build_timeline(read_paths([str(SEEDS)]))
    second = build_timeline(read_paths([str(SEEDS)]))
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert len({e.id for e in first.events}) == len(first.events)


def _story(published: str) -> Article:
    return Article("story", "story.txt", STORY, [(0, len(STORY))], published=Published(published, "option"))


def test_shifting_the_publication_date_by_a_week_shifts_every_derived_date():
    before = build_timeline([_story("2023-03-15")])
    after = build_timeline([_story("2023-03-22")])
    assert len(before.events) == len(after.events) >= 3
    for old, new in zip(before.events, after.events, strict=True):
        assert new.date.start - old.date.start == timedelta(days=7)
        assert new.title == old.title


def test_one_article_alone_gives_its_own_events():
    articles = [a for a in read_paths([str(SEEDS)]) if a.id.startswith("002")]
    timeline = build_timeline(articles)
    assert timeline.events
    assert all(e.sources == [articles[0].id] for e in timeline.events)
    assert any(e.date and e.date.value == "2022-02-14" and "call" in e.title for e in timeline.events)


# --- the whole build never raises: readers -> build -> every output format ----------------------------
#
# Random text, random bytes and random mixes of date words and punctuation go through the readers (as
# standard input, so format detection runs too), the build and every renderer.  A ``TimelineError`` (an
# input that is not an article: binary, empty) is a fine answer; any other exception is a bug.  Every
# JSON output validates against the schema, and every offset indexes the article's text.

import io  # noqa: E402 - the property tests' own imports, kept with them
import json  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from jsonschema import Draft202012Validator  # noqa: E402

from timeline.errors import TimelineError  # noqa: E402
from timeline.render import FORMATS, render  # noqa: E402
from timeline.schema import definition_schema, load_schema  # noqa: E402

_TIMELINE_SCHEMA = Draft202012Validator(load_schema("timeline"))
_EVENT_SCHEMA = Draft202012Validator(definition_schema("timeline", "event"))
_PROPERTY_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

DATE_WORDS = [
    "Monday",
    "Tuesday",
    "Friday",
    "yesterday",
    "today",
    "tomorrow",
    "last week",
    "next month",
    "this year",
    "14 February 2022",
    "Feb. 15",
    "2022-02-16",
    "March",
    "1994",
    "the 1990s",
    "Q3",
    "a week earlier",
    "the day before",
    "two days later",
    "since",
    "until",
    "on",
    "in",
    "at 3 p.m.",
    "noon",
    "spring",
    "Date:",
    " date",
    "---",
    "Rahn",
    "Acme",
    "Norland",
    "met",
    "said",
    "will",
    "was",
    "signed",
    "the",
]
PUNCTUATION = [".", ",", ";", ":", "—", "-", "(", ")", '"', "'", "\n", "\n\n", " ", "!", "?", "/", "#", "…"]


def _build_everything(data: bytes | str, options: BuildOptions | None = None) -> None:
    stream = io.BytesIO(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    try:
        articles = read_paths(["-"], stdin=stream, published={"stdin": "2022-02-15"})
        timeline = build_timeline(articles, options)
    except TimelineError:
        return  # one clear line for the user: not an article, or nothing that could be processed
    _check_offsets(timeline)
    assert len({e.id for e in timeline.events}) == len(timeline.events)  # JSON consumers key on ids
    for fmt in FORMATS:
        text = render(timeline, fmt)
        assert isinstance(text, str)
        if fmt == "json":
            errors = [e.message for e in _TIMELINE_SCHEMA.iter_errors(json.loads(text))]
            assert not errors, errors
        if fmt == "jsonl":
            for line in filter(None, text.splitlines()):
                assert not [e.message for e in _EVENT_SCHEMA.iter_errors(json.loads(line))]


def _check_offsets(timeline: Timeline) -> None:
    texts = {article.id: article.text for article in timeline.documents}
    for document, expressions in timeline.expressions.items():
        for expression in expressions:
            assert texts[document][expression.start : expression.end] == expression.text
    for event in timeline.events:
        for mention in event.mentions:
            sentence = mention.sentence
            assert texts[mention.document][sentence.start : sentence.end] == sentence.text


@_PROPERTY_SETTINGS
@given(st.text(max_size=400))
def test_any_text_builds_and_renders_in_every_format(text):
    _build_everything(text)


@_PROPERTY_SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_build_and_render_in_every_format(data):
    _build_everything(data)


@_PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(DATE_WORDS + PUNCTUATION), min_size=1, max_size=80))
def test_any_mix_of_date_words_and_punctuation_builds_and_renders(pieces):
    _build_everything(" ".join(pieces) if len(pieces) % 2 else "".join(pieces))


@_PROPERTY_SETTINGS
@given(st.lists(st.sampled_from(DATE_WORDS + PUNCTUATION), min_size=1, max_size=80), st.booleans())
def test_any_mix_of_date_words_builds_a_summary_quick_or_not(pieces, quick):
    _build_everything(" ".join(pieces), BuildOptions(top=3, sentences=2, quick=quick))


EXTENSIONS = [".txt", ".md", ".json", ".jsonl", ".tml", ".xml", ".html", ""]


@_PROPERTY_SETTINGS
@given(st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)), st.sampled_from(EXTENSIONS))
def test_any_file_of_any_extension_builds_or_is_refused_in_one_line(data, extension):
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{extension}"
        path.write_bytes(data)
        try:
            timeline = build_timeline(read_paths([str(path)], published={"input": "2022-02-15"}))
        except TimelineError:
            return
        _check_offsets(timeline)
        for fmt in FORMATS:
            render(timeline, fmt)


# --- run-on text: thousands of characters without a sentence end (found by fuzzing, audit79) -----------
#
# The events stage reads a sentence once per date in it, so the splitter bounds a sentence's length; a few
# examples go through the whole build (each a second or two), many more through the splitter alone.

_RUN_ON_WORDS = [w for w in DATE_WORDS if w not in ("---", "Date:")] + [",", ";", "(", ")", '"', "—"]


def _run_on(pieces: list[str], length: int) -> str:
    unit = " ".join(pieces)
    return (unit + " ") * (length // (len(unit) + 1) + 1)


@settings(max_examples=50, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(_RUN_ON_WORDS + PUNCTUATION), min_size=1, max_size=30), st.integers(1, 30_000)
)
def test_every_sentence_is_bounded_and_its_offsets_exact(pieces, length):
    from timeline.sentences import MAX_SENTENCE_CHARS, split_sentences

    text = _run_on(pieces, length)
    sentences = split_sentences(Article("run", "run.txt", text, [(0, len(text))]))
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(st.sampled_from(_RUN_ON_WORDS), min_size=3, max_size=12), st.integers(4_001, 5_000))
def test_a_run_on_text_of_date_words_builds_and_renders(pieces, length):
    _build_everything(_run_on(pieces, length))

"""``--top N --quick``: a summary from the dates and sentences alone, no events extracted or merged."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from jsonschema import Draft202012Validator
from test_summarise import ARTICLES, _articles
from typer.testing import CliRunner

import timeline.build
from timeline.build import build_timeline
from timeline.cli import app
from timeline.config import BuildOptions
from timeline.render import render, to_dict
from timeline.schema import load_schema
from timeline.sentences import split_sentences
from timeline.summarise import Collection, DayIndex, _worded_retellings, subject_words
from timeline.temporal import tag
from timeline.types import Article, Published


def _days(options: BuildOptions) -> list[tuple[str, list[str]]]:
    timeline = build_timeline(_articles(), options)
    return [(e.date.value, [s.text for s in e.summary]) for e in timeline.events]


def test_quick_keeps_the_days_and_sentences_of_the_full_summary_when_nothing_is_retold():
    # every later article of the invented story names the strike's day: no retelling for the merge to add
    full = _days(BuildOptions(top=2, sentences=2))
    quick = _days(BuildOptions(top=2, sentences=2, quick=True))
    assert [day for day, _ in quick] == ["2021-03-03", "2021-03-09"]
    assert quick == full


def test_quick_extracts_and_merges_no_event(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a quick summary must not extract or merge events")

    monkeypatch.setenv("TIMELINE_WORKERS", "1")
    monkeypatch.setattr(timeline.build, "extract_mentions", refuse)
    monkeypatch.setattr(timeline.build, "merge_mentions", refuse)
    built = build_timeline(_articles(), BuildOptions(top=1, quick=True))
    assert [e.date.value for e in built.events] == ["2021-03-03"]
    assert not built.warnings


def test_a_quick_entry_says_where_its_sentence_and_date_come_from():
    built = build_timeline(_articles(), BuildOptions(top=2, quick=True))
    document = to_dict(built)
    Draft202012Validator(load_schema("timeline")).validate(document)
    for event in built.events:
        assert event.sources and event.mentions
        for mention in event.mentions:
            assert mention.document in event.sources
            assert mention.date_source in ("expression", "publication-implicit")
            quoted = mention.sentence.text
            text = ARTICLES[mention.document][1]
            assert text[mention.sentence.start : mention.sentence.end] == quoted  # offsets index the text
    strike = built.events[0]
    named = [m for m in strike.mentions if m.date_source == "expression"]
    assert named and "March 3, 2021" in named[0].expression.text


def test_quick_needs_a_summary_and_no_event_filter():
    with pytest.raises(ValueError, match="top"):
        build_timeline(_articles(), BuildOptions(quick=True))
    with pytest.raises(ValueError, match="min_sources"):
        build_timeline(_articles(), BuildOptions(top=1, quick=True, min_sources=2))


def _corpus(tmp_path):
    for doc, (day, text) in ARTICLES.items():
        (tmp_path / f"{doc}.json").write_text(json.dumps({"id": doc, "time": day, "text": text}))
    return str(tmp_path)


def test_cli_quick(tmp_path):
    corpus = _corpus(tmp_path)
    result = CliRunner().invoke(app, ["build", corpus, "--top", "1", "--quick", "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.stdout)["events"]
    assert event["date"]["value"] == "2021-03-03" and event["sentences"]


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ([], "--top"),
        (["--top", "1", "--min-sources", "2"], "--min-sources"),
        (["--top", "1", "--status", "reported"], "--status"),
    ],
)
def test_cli_quick_usage_errors(tmp_path, extra, says):
    result = CliRunner().invoke(app, ["build", _corpus(tmp_path), "--quick", *extra])
    assert result.exit_code == 2
    assert says in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- why a summary sentence is on its day


@pytest.mark.parametrize("quick", [False, True])
def test_each_summary_sentence_says_why_it_is_on_its_day(quick):
    built = build_timeline(_articles(), BuildOptions(top=2, sentences=2, quick=quick))
    march_9 = next(e for e in built.events if e.date.value == "2021-03-09")
    named, opening = march_9.summary
    # a3 (published 2021-03-10) names the day in its first sentence; its second sentence names no day
    assert named.text.startswith("Norland officials met union leaders")
    assert (named.dated_by, named.expression, named.headline) == ("expression", "March 9, 2021", False)
    assert opening.text.startswith("Talks about the Norland port contract")
    assert (opening.dated_by, opening.expression) == ("publication-next-day", None)
    sentences = to_dict(built)["events"][1]["sentences"]
    assert [s["dated_by"] for s in sentences] == ["expression", "publication-next-day"]


def test_explain_shows_why_each_summary_sentence_is_on_its_day():
    built = build_timeline(_articles(), BuildOptions(top=2, sentences=2, quick=True))
    terminal = render(built, "terminal", width=300, explain=True)
    assert "summary sentence 1: it names the day: “March 9, 2021”" in terminal
    assert "summary sentence 2: the opening of an article published the day after" in terminal
    markdown = render(built, "markdown", explain=True)
    assert "summary sentence 2 (`a3`): the opening of an article published the day after" in markdown


def test_a_summarised_day_still_ahead_of_its_article_is_expected():
    # every article names a day after its own publication: a plan, not something reported done
    texts = [
        "The Norland port will reopen on May 20, 2021 after the repairs, the port authority said.",
        "Shipping lines said the Norland port reopens on May 20, 2021 and bookings are open again.",
    ]
    articles = [
        Article(f"p{n}", f"p{n}.txt", text, [(0, len(text))], published=Published("2021-05-02", "metadata"))
        for n, text in enumerate(texts)
    ]
    [event] = build_timeline(articles, BuildOptions(top=1, quick=True)).events
    assert event.date.value == "2021-05-20" and event.status == "expected"


# ---------------------------------------------------------------- why a day is kept


@pytest.mark.parametrize("quick", [False, True])
def test_each_summary_day_says_why_it_is_kept(quick):
    strike, talks = build_timeline(_articles(), BuildOptions(top=2, quick=quick)).events
    # a1, a2 (the day after) and a4, a5 (six and eight months later) name the strike's day
    assert (strike.ranking.rank, strike.ranking.candidates) == (1, 2)
    assert (strike.ranking.naming, strike.ranking.naming_later, strike.ranking.months_recalled) == (4, 2, 2)
    assert (strike.ranking.published, strike.ranking.retold, strike.ranking.reductions) == (0, 0, [])
    # by hand: references 1 + 1 (the day after) + 2 + 2 (months later), two articles published the next day
    # at 0.25 each, over the square root of 1 + 5 articles published within a year, x(1 + 0.2 ln 3) for the
    # two months in which later articles name it
    assert strike.ranking.score == pytest.approx(6.5 / math.sqrt(6) * (1 + 0.2 * math.log(3)), abs=1e-4)
    # only a3 names the talks' day, and it says two sentences about it
    assert (talks.ranking.rank, talks.ranking.naming, talks.ranking.naming_later) == (2, 1, 0)
    assert talks.ranking.reductions == [
        "one article names it (x0.5)",
        "fewer than 3 sentences say anything about it (x0.5)",
    ]


def test_explain_and_json_show_why_each_day_is_kept():
    built = build_timeline(_articles(), BuildOptions(top=2, quick=True))
    terminal = render(built, "terminal", width=300, explain=True)
    expected = "ranked 1 of 2 days with evidence (score 3.2367): 4 articles name it "
    assert expected + "(2 more than a week later, over 2 months)" in terminal
    assert "ranked 2 of 2 days with evidence" in render(built, "markdown", explain=True)
    document = to_dict(built)
    Draft202012Validator(load_schema("timeline")).validate(document)
    assert document["events"][0]["ranking"]["naming_later"] == 2
    assert "ranking" not in to_dict(build_timeline(_articles()))["events"][0]  # only summaries rank days


# ---------------------------------------------------------------- retellings without merged events

_FILLER = [
    "Norland farmers expect a good harvest after the wet spring, the cooperative said.",
    "The Norland football club signed two new players for the coming season.",
    "Ferry fares to the Norland islands will rise next year, the operator announced.",
    "A new museum of maritime history opened its doors in the Norland capital.",
]


def _resignation() -> list[Article]:
    def article(doc: str, day: str, text: str) -> Article:
        return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(day, "metadata"))

    return [
        article(
            "n1", "2021-07-04", "Rahn resigned as Norland governor on July 3, 2021 after the ethics inquiry."
        ),
        article(
            "n2", "2021-07-04", "Norland governor Rahn resigned on July 3, 2021 over the ethics inquiry."
        ),
        # months later: the resignation retold by its month only, and another July happening
        article(
            "l1",
            "2021-11-10",
            "Rahn, who resigned as governor in July after the ethics inquiry, joined the assembly.",
        ),
        article(
            "l2",
            "2021-11-12",
            "The Acme plant in Norland opened in July with two hundred workers, its owners said.",
        ),
        *(article(f"f{n}", f"2021-08-1{n}", text) for n, text in enumerate(_FILLER)),
    ]


def test_quick_finds_a_later_retelling_by_its_month_and_its_words():
    [day] = build_timeline(_resignation(), BuildOptions(top=1, quick=True)).events
    assert day.date.value == "2021-07-03"
    assert day.ranking.retold == 1  # l1: "resigned ... in July"; not l2, whose July happening is another
    collection = Collection(
        _resignation(),
        {a.id: split_sentences(a) for a in _resignation()},
        {a.id: tag(a.text, a.published.value, regions=a.body) for a in _resignation()},
    )
    namers = {date(2021, 7, 3): {"n1", "n2"}}
    found = _worded_retellings(collection, subject_words(collection), namers, DayIndex.of(collection))
    assert {day: set(tellers) for day, tellers in found.items()} == {date(2021, 7, 3): {"l1"}}


def test_the_html_page_shows_every_summary_sentence_and_why_its_day_is_kept():
    built = build_timeline(_articles(), BuildOptions(top=2, sentences=2, quick=True))
    page = render(built, "html")
    second = built.events[1].summary[1].text
    assert f'<p class="sentence">{second}' in page
    assert "ranked 1 of 2 days with evidence" in page
    assert "summary sentence 2: the opening of an article published the day after" in page

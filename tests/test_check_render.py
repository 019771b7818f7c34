"""The `timeline check` reports: terminal, JSON (one schema with `timeline build`) and GitHub annotations."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import jsonschema
import pytest

from timeline.errors import UsageError
from timeline.render.check import render_check
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, EventMention, Gap, Published, Sentence, Timeline


def make_article(doc_id: str) -> Article:
    return Article(doc_id, f"articles/{doc_id}.txt", "", [], published=Published("2022-02-15", "header"))


def make_event(title: str, value: str | None, doc: str = "a") -> Event:
    when = value_to_date(value) if value else None
    sentence = Sentence(doc, 0, 0, len(title), title, 0, 3)
    return Event(
        f"e-{title}", when, title, "reported", [doc], [EventMention(doc, sentence, None, when, "held")]
    )


def story(articles: int = 4, events: int = 9) -> Timeline:
    """A timeline of ``articles`` documents and ``events`` dated events, one a day from 1 Feb 2022."""
    documents = [make_article(chr(ord("a") + i)) for i in range(articles)]
    dated = [make_event(f"event {i + 1}", f"2022-02-{i + 1:02d}") for i in range(events)]
    return Timeline(documents=documents, events=dated)


UNDATED = Gap(
    "undated-event", 'event "talks" has no date: "They talked."', "b", "articles/b.txt", 7, failing=True
)
INTERVAL_1 = Gap(
    "interval",
    "no events for 8 days, 2022-02-02 to 2022-02-09",
    start=date(2022, 2, 2),
    end=date(2022, 2, 9),
    failing=True,
)
INTERVAL_2 = Gap(
    "interval",
    "no events for 5 days, 2022-02-20 to 2022-02-24",
    start=date(2022, 2, 20),
    end=date(2022, 2, 24),
    failing=True,
)
CONFLICT = Gap("conflict", 'sources disagree on the date of "call"', "c", "articles/c.txt", 4, failing=False)


# -- the verdict line ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["terminal", "github"])
def test_pass_verdict_counts_articles_events_and_warnings(fmt: str):
    output = render_check(story(), [CONFLICT], fmt)
    assert output.splitlines()[-1] == "PASS: 4 articles, 9 events, no failing gaps (1 warning)"


@pytest.mark.parametrize("fmt", ["terminal", "github"])
def test_pass_verdict_without_gaps(fmt: str):
    assert render_check(story(1, 1), [], fmt) == "PASS: 1 article, 1 event, no failing gaps"


@pytest.mark.parametrize("fmt", ["terminal", "github"])
def test_fail_verdict_counts_failing_gaps_by_kind_most_first(fmt: str):
    output = render_check(story(), [UNDATED, INTERVAL_1, INTERVAL_2], fmt)
    assert output.splitlines()[-1] == "FAIL: 3 failing gaps (interval 2, undated-event 1)"


def test_fail_verdict_mentions_warnings_and_stays_on_one_line_at_narrow_width():
    output = render_check(story(), [UNDATED, CONFLICT, CONFLICT], "terminal", width=40)
    assert output.splitlines()[-1] == "FAIL: 1 failing gap (undated-event 1), 2 warnings"


# -- terminal -----------------------------------------------------------------------------------------


def test_terminal_report_groups_gaps_by_kind_and_marks_failing_and_warnings():
    output = render_check(story(), [CONFLICT, UNDATED, INTERVAL_1, INTERVAL_2], "terminal", width=80)
    assert output == "\n".join(
        [
            "undated-event (1 failing)",
            '  ✗ articles/b.txt:7  event "talks" has no date: "They talked."',
            "",
            "interval (2 failing)",
            "  ✗ no events for 8 days, 2022-02-02 to 2022-02-09",
            "  ✗ no events for 5 days, 2022-02-20 to 2022-02-24",
            "",
            "conflict (1 warning)",
            '  ! articles/c.txt:4  sources disagree on the date of "call"',
            "",
            "FAIL: 3 failing gaps (interval 2, undated-event 1), 1 warning",
        ]
    )


def test_terminal_report_wraps_long_messages_under_themselves_at_80_columns():
    long = Gap(
        "undated-article", "article x.txt has no publication date " + "and more words " * 12, "x", "x.txt"
    )
    output = render_check(story(), [long], "terminal", width=80)
    lines = output.splitlines()
    assert all(len(line) <= 80 for line in lines[:-1])
    assert lines[1].startswith("  ✗ x.txt  article x.txt")
    assert lines[2].startswith("    ") and lines[2].strip()  # hanging indent, not back at column 0


def test_terminal_report_has_no_ansi_codes_without_color_and_some_with_color():
    gaps = [UNDATED, CONFLICT]
    assert "\x1b[" not in render_check(story(), gaps, "terminal", color=False)
    assert "\x1b[" in render_check(story(), gaps, "terminal", color=True)


def test_terminal_report_prints_messages_literally():
    odd = Gap("undated-event", 'event "[bold]x[/bold]" has no date: ":smile: 100%"', "a", "a.txt", 1)
    output = render_check(story(), [odd], "terminal", color=True)
    assert "[bold]x[/bold]" in output and ":smile: 100%" in output


# -- JSON ---------------------------------------------------------------------------------------------


def test_json_is_the_build_document_with_these_gaps_and_a_verdict():
    timeline = story(2, 3)
    document = json.loads(render_check(timeline, [INTERVAL_1, CONFLICT], "json"))
    schema = json.loads(resources.files("timeline.schema").joinpath("timeline.schema.json").read_text())
    jsonschema.validate(document, schema)
    assert document["schema_version"] == 2
    assert [d["id"] for d in document["documents"]] == ["a", "b"]
    assert len(document["events"]) == 3
    assert document["gaps"] == [
        {
            "kind": "interval",
            "message": "no events for 8 days, 2022-02-02 to 2022-02-09",
            "document": None,
            "path": None,
            "line": None,
            "start": "2022-02-02",
            "end": "2022-02-09",
            "failing": True,
        },
        {
            "kind": "conflict",
            "message": 'sources disagree on the date of "call"',
            "document": "c",
            "path": "articles/c.txt",
            "line": 4,
            "start": None,
            "end": None,
            "failing": False,
        },
    ]
    assert document["check"] == {"passed": False, "failing": 1}
    assert timeline.gaps == []  # the caller's timeline is left alone


def test_json_passing_check():
    document = json.loads(render_check(story(), [CONFLICT], "json"))
    assert document["check"] == {"passed": True, "failing": 0}


# -- GitHub workflow commands -------------------------------------------------------------------------


def test_github_annotations_one_per_gap_then_the_verdict():
    output = render_check(story(), [UNDATED, INTERVAL_1, CONFLICT], "github")
    assert output.splitlines() == [
        "::error file=articles/b.txt,line=7,title=timeline undated-event::"
        'event "talks" has no date: "They talked."',
        "::error title=timeline interval::no events for 8 days, 2022-02-02 to 2022-02-09",
        "::warning file=articles/c.txt,line=4,title=timeline conflict::"
        'sources disagree on the date of "call"',
        "FAIL: 2 failing gaps (undated-event 1, interval 1), 1 warning",
    ]


def test_github_annotation_without_line_keeps_the_file():
    gap = Gap("undated-article", "article a.txt has no publication date", "a", "articles/a.txt")
    first = render_check(story(), [gap], "github").splitlines()[0]
    assert (
        first
        == "::error file=articles/a.txt,title=timeline undated-article::article a.txt has no publication date"
    )


def test_github_escapes_message_data_and_property_values():
    gap = Gap("undated-event", "50% done\r\nnext line: a, b", "a", "news/a,b:c.txt", 2, failing=False)
    first = render_check(story(), [gap], "github").splitlines()[0]
    assert first == (
        "::warning file=news/a%2Cb%3Ac.txt,line=2,title=timeline undated-event::"
        "50%25 done%0D%0Anext line: a, b"
    )


def test_github_paths_are_relative_to_the_checkout(monkeypatch: pytest.MonkeyPatch, tmp_path):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    inside = Gap("undated-article", "m", "a", str(tmp_path / "articles" / "a.txt"))
    outside = Gap("undated-article", "m", "b", "/elsewhere/b.txt")
    relative = Gap("undated-article", "m", "c", "articles/c.txt")
    lines = render_check(story(), [inside, outside, relative], "github").splitlines()
    assert [line.split(",")[0] for line in lines[:3]] == [
        "::error file=articles/a.txt",
        "::error file=/elsewhere/b.txt",
        "::error file=articles/c.txt",
    ]


# -- formats ------------------------------------------------------------------------------------------


def test_unknown_format_is_a_usage_error():
    with pytest.raises(UsageError, match="unknown check format 'xml'"):
        render_check(story(), [], "xml")

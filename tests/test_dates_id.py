"""`timeline dates FILE --id ID`: one record out of a JSON or JSON Lines file holding many."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import UsageError
from timeline.readers import read_paths
from timeline.readers.jsonfile import select_article

runner = CliRunner()

# Three crawled records: two with an "id" field, the second without (so its id is "<stem>:<line>").
RECORDS = [
    {"id": "harbour-1", "text": "Harbour workers went on strike on Monday.", "date": "2023-05-10"},
    {"text": "Union leaders will meet the port authority on Friday.", "date": "2023-05-10"},
    {"id": "harbour-3", "text": "The strike ended on Tuesday.", "date": "2023-05-17"},
]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def crawl(tmp_path) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in RECORDS), encoding="utf-8")
    return path


def values(result) -> list[str]:
    return [expression["value"] for expression in json.loads(result.stdout)["expressions"]]


def test_id_picks_the_record_with_that_id_field(crawl):
    result = run("dates", str(crawl), "--id", "harbour-3", "--format", "json")
    assert result.exit_code == 0, result.output
    assert values(result) == ["2023-05-16"]  # the Tuesday before Wednesday 17 May 2023


def test_id_picks_a_record_without_id_field_by_stem_and_line(crawl):
    result = run("dates", str(crawl), "--id", "crawl:2", "--format", "json")
    assert result.exit_code == 0, result.output
    assert values(result) == ["2023-05-12"]  # the Friday after Wednesday 10 May 2023


def test_id_picks_an_item_of_a_json_list(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(RECORDS[1:]), encoding="utf-8")
    result = run("dates", str(path), "--id", "feed:1", "--format", "json")
    assert result.exit_code == 0, result.output
    assert values(result) == ["2023-05-12"]


def test_published_applies_to_the_chosen_record(crawl):
    result = run("dates", str(crawl), "--id", "harbour-1", "--published", "2023-05-03", "--format", "json")
    assert result.exit_code == 0, result.output
    assert values(result) == ["2023-05-01"]  # the Monday before Wednesday 3 May 2023


def test_without_id_a_multi_record_file_is_one_error_line_listing_ids_and_suggesting_id(crawl):
    result = run("dates", str(crawl))
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "crawl.jsonl" in line
    assert "3 articles" in line
    assert "harbour-1, crawl:2, harbour-3" in line
    assert "--id" in line


def test_unknown_id_is_one_error_line_naming_the_id_and_the_file(crawl):
    result = run("dates", str(crawl), "--id", "harbour-9")
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert "'harbour-9'" in line
    assert "crawl.jsonl" in line
    assert result.stdout == ""


def test_multi_record_standard_input_needs_an_id_too(crawl):
    text = crawl.read_text(encoding="utf-8")
    assert run("dates", "-", input=text).exit_code == 2
    result = run("dates", "-", "--id", "stdin:2", "--format", "json", input=text)
    assert result.exit_code == 0, result.output
    assert values(result) == ["2023-05-12"]


def test_a_one_article_file_needs_no_id_and_accepts_its_own(tmp_path):
    path = tmp_path / "strike.txt"
    path.write_text(" date 2023-05-10\nThe strike began on Monday.\n", encoding="utf-8")
    for extra in ([], ["--id", "strike"]):
        result = run("dates", str(path), "--format", "json", *extra)
        assert result.exit_code == 0, result.output
        assert values(result) == ["2023-05-08"]
    assert run("dates", str(path), "--id", "other").exit_code == 2


def test_select_article_lists_only_a_few_ids_of_a_long_file(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(
        "".join(json.dumps({"text": f"Story {n}."}) + "\n" for n in range(1, 13)), encoding="utf-8"
    )
    articles = read_paths([str(path)])
    with pytest.raises(UsageError) as caught:
        select_article(articles, None, str(path))
    message = str(caught.value)
    assert "12 articles" in message
    assert "big:1, big:2, big:3, big:4, big:5 and 7 more" in message
    assert select_article(articles, "big:12", str(path)).text == "Story 12."

"""Publication dates from archive layouts and URLs, used only when the article gives none."""

from __future__ import annotations

import json

import pytest

from timeline.readers import read_paths
from timeline.readers.pathdate import date_in_path

ARTICLE = "The council approved the budget on Monday, the mayor said.\n"


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("corpus/egypt/2011-02-11/story.txt", "2011-02-11"),  # a directory per day (research collections)
        ("archive/2022/02/15/story.html", "2022-02-15"),  # year/month/day directories
        ("20220215_story.txt", "2022-02-15"),
        ("2022-02-15-budget-vote.md", "2022-02-15"),  # static-site post names
        ("https://example.org/world/2022/02/15/budget-vote", "2022-02-15"),
        ("https://example.org/world/2022/02/budget-vote", "2022-02"),  # only the month: month granularity
        ("2021-01-01/2022-02-15-story.txt", "2022-02-15"),  # the file name is closer than its directory
    ],
)
def test_days_named_by_paths_and_urls(path, value):
    assert date_in_path(path)[0] == value


@pytest.mark.parametrize(
    "path",
    [
        "seeds/000_aa990616373d5229.txt",  # digits inside a hash are not a date
        "reports/12345678.txt",  # eight digits that are no valid date
        "a/2022-13-45/x.txt",  # month 13
        "budget_2022.txt",  # a year alone says too little
        "<stdin>",
        "",
    ],
)
def test_no_date_where_the_path_names_none(path):
    assert date_in_path(path) is None


def test_an_undated_article_takes_the_day_of_its_directory(tmp_path):
    day = tmp_path / "2023-05-10"
    day.mkdir()
    (day / "council.txt").write_text(ARTICLE, encoding="utf-8")
    [article] = read_paths([str(tmp_path)])
    assert (article.published.value, article.published.source) == ("2023-05-10", "metadata")
    assert "2023-05-10" in article.published.evidence


def test_the_articles_own_date_wins_over_its_path(tmp_path):
    day = tmp_path / "2023-05-10"
    day.mkdir()
    (day / "council.txt").write_text(" date 2023-05-12\n" + ARTICLE, encoding="utf-8")
    [article] = read_paths([str(tmp_path)])
    assert article.published.value == "2023-05-12"


def test_a_json_record_without_a_date_takes_the_day_in_its_url(tmp_path):
    record = {"id": "r1", "url": "https://example.org/news/2023/05/10/council-budget", "text": ARTICLE}
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_paths([str(path)])
    assert article.published.value == "2023-05-10"
    assert article.published.evidence.startswith("URL")

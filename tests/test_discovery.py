"""Which files a directory walk reads: articles yes; hidden entries and project files (README, LICENSE) no."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.errors import InputError
from timeline.readers import read_paths
from timeline.readers.paths import PROJECT_FILE_STEMS, expand_paths, is_project_file

STORY = " date 2023-05-10\nHarbour workers went on strike on Monday, the union said.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def corpus_with_project_files(root: Path) -> Path:
    """A corpus directory as it looks in a git repository: articles beside the repository's own files."""
    write(root / "strike.txt", STORY)
    write(root / "analysis.md", "# Analysis\n\nThe strike ended on Friday.\n")  # a Markdown article
    write(root / "history.txt", "The port opened in 1901.\n")  # a word, not a project file name
    write(root / "README", "Articles collected for the strike story, updated on 1 June 2023.\n")
    write(root / "README.md", "# Corpus\n\nCollected in June 2023.\n")
    write(root / "LICENSE.txt", "Licensed under CC-BY 4.0 since 2020.\n")
    write(root / "license", "A lower-case licence file, 2019.\n")
    write(root / "COPYING", "Copying permitted since 2018.\n")
    write(root / "NOTICE", "Notice of 2017.\n")
    write(root / "AUTHORS", "Written in 2016 by the data desk.\n")
    write(root / "CHANGELOG.md", "## 2023-06-01\n\nAdded articles.\n")
    write(root / "Makefile", "all:\n\techo built in 2015\n")
    write(root / ".DS_Store", "Finder metadata of 2014.\n")
    write(root / ".git" / "description", "Unnamed repository, 2013.\n")
    write(root / ".git" / "notes.txt", "A text file inside a hidden directory.\n")
    write(root / "sub" / "README.md", "# Sub-folder\n\nOn 2 June 2023.\n")
    write(root / "sub" / "report.txt", "Talks resumed on Tuesday.\n")
    return root


def test_walk_reads_articles_and_skips_project_and_hidden_files(tmp_path):
    corpus = corpus_with_project_files(tmp_path)
    ids = [article.id for article in read_paths([str(corpus)])]
    assert ids == ["analysis", "history", "strike", "report"]


@pytest.mark.parametrize(
    "name",
    ["README", "readme.md", "README.txt", "License", "LICENCE.md", "COPYING", "notice.txt", "AUTHORS",
     "CHANGELOG.md", "Makefile", "CONTRIBUTING.md"],
)  # fmt: skip
def test_well_known_project_names_are_project_files_whatever_the_case_or_extension(name):
    assert is_project_file(name)


@pytest.mark.parametrize(
    "name",
    ["story.md", "readme-strike.txt", "notice-of-strike.txt", "news.txt", "history.md", "licensing.txt"],
)
def test_other_names_are_not_project_files(name):
    assert not is_project_file(name)


def test_a_project_file_named_on_the_command_line_is_read(tmp_path):
    readme = write(tmp_path / "README.md", "# Notes\n\nThe strike began on 8 May 2023.\n")
    [article] = read_paths([str(readme)])
    assert article.id == "README"
    assert "8 May 2023" in article.text


def test_a_project_file_named_beside_its_directory_is_read_once(tmp_path):
    corpus = corpus_with_project_files(tmp_path)
    ids = [article.id for article in read_paths([str(corpus), str(corpus / "NOTICE")])]
    assert ids == ["analysis", "history", "strike", "report", "NOTICE"]


def test_a_file_matched_by_a_glob_is_read_like_a_named_file(tmp_path):
    write(tmp_path / "README", "Collected in June 2023.\n")
    write(tmp_path / "strike.txt", STORY)
    ids = [article.id for article in read_paths([str(tmp_path / "*")])]
    assert ids == ["README", "strike"]  # the same as the shell's expansion of an unquoted *


def test_a_directory_matched_by_a_glob_is_walked_with_the_same_rule(tmp_path):
    corpus = corpus_with_project_files(tmp_path / "corpus")
    ids = [article.id for article in read_paths([str(tmp_path / "cor*")])]
    assert ids == ["analysis", "history", "strike", "report"]
    assert corpus.exists()


def test_a_directory_of_project_files_only_is_an_error_naming_them(tmp_path):
    write(tmp_path / "README.md", "# Empty corpus\n")
    write(tmp_path / "LICENSE", "MIT License\n")
    with pytest.raises(InputError) as caught:
        read_paths([str(tmp_path)])
    message = str(caught.value)
    assert "no articles in directory" in message
    assert "LICENSE" in message and "README.md" in message
    assert "\n" not in message


def test_skipped_project_files_are_reported_to_warn_once_per_directory(tmp_path):
    corpus = corpus_with_project_files(tmp_path)
    messages: list[str] = []
    inputs = expand_paths([str(corpus)], warn=messages.append)
    assert [Path(item).name for item in inputs] == ["analysis.md", "history.txt", "strike.txt", "report.txt"]
    [message] = messages
    # README, README.md, LICENSE.txt, license, COPYING, NOTICE, AUTHORS, CHANGELOG.md, Makefile, sub/README.md
    assert message.startswith("skipping 10 project file(s)")
    assert "AUTHORS" in message


def test_no_warning_when_nothing_was_skipped(tmp_path):
    write(tmp_path / "strike.txt", STORY)
    messages: list[str] = []
    expand_paths([str(tmp_path)], warn=messages.append)
    assert messages == []


def test_build_on_a_repository_folder_leaves_the_readme_out_of_the_chronology(tmp_path):
    write(tmp_path / "strike.txt", STORY)
    write(tmp_path / "README", "Articles collected for the strike story, updated on 1 June 2023.\n")
    write(tmp_path / "LICENSE", "Copyright 2023. Permission is granted on 1 January 2023.\n")
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert [doc["id"] for doc in document["documents"]] == ["strike"]
    assert document["summary"]["articles"] == 1


def test_the_cli_reference_lists_every_skipped_name():
    reference = (
        (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8").lower()
    )
    missing = sorted(stem for stem in PROJECT_FILE_STEMS if f"`{stem}" not in reference)
    assert not missing, f"docs/cli.md does not list {missing} among the skipped file names"

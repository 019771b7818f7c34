"""The command line as a user drives it: commands, formats, inputs, output files and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import __version__
from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_003 = "003_8abad7e98a5fd3f2"

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return runner.invoke(app, list(args), input=input, env=env or {}, catch_exceptions=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = (
    " date 2023-05-10\n"
    "Harbour workers went on strike on Monday, the union said.\n"
    "The port authority will meet union leaders on Friday.\n"
)


# --- help and version ------------------------------------------------------------------------------


def test_version_prints_the_package_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"timeline {__version__}"


@pytest.mark.parametrize("command", ["build", "check", "dates"])
def test_every_command_help_teaches_by_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples" in result.output
    assert f"timeline {command}" in result.output


def test_no_arguments_shows_help_listing_the_commands():
    result = run()
    for command in ("build", "check", "dates"):
        assert command in result.output


# --- build: formats -------------------------------------------------------------------------------


def test_build_seeds_prints_a_dated_chronology_without_ansi_when_piped():
    result = run("build", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert "2022-02-14" in result.output
    assert "2022-02-02" in result.output
    assert "\x1b[" not in result.output  # CliRunner is not a TTY: plain text
    assert "4 articles" in result.output


def test_build_json_is_valid_against_the_shipped_schema():
    import jsonschema

    from timeline.schema import load_schema

    result = run("build", str(SEEDS), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, load_schema("timeline"))
    assert document["schema_version"] == 2
    assert {doc["id"] for doc in document["documents"]} == {p.stem for p in SEEDS.glob("*.txt")}
    call = [event for event in document["events"] if event["date"] and event["date"]["value"] == "2022-02-14"]
    assert call, "the 14 February call must be an event"


def test_build_json_mentions_quote_the_file_at_their_offsets():
    result = run("build", str(SEEDS), "--format", "json")
    document = json.loads(result.stdout)
    paths = {doc["id"]: Path(doc["path"]) for doc in document["documents"]}
    for event in document["events"]:
        for mention in event["mentions"]:
            text = paths[mention["document"]].read_text(encoding="utf-8")
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_build_jsonl_streams_one_event_per_line():
    result = run("build", str(SEEDS), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) >= 3
    for line in lines:
        event = json.loads(line)
        assert {"id", "date", "title", "sources", "mentions"} <= set(event)


def test_build_markdown_to_a_file(tmp_path):
    out = tmp_path / "timeline.md"
    result = run("build", str(SEEDS), "--format", "markdown", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "## 2022-02-14" in text
    assert result.output == ""  # nothing on stdout when writing a file


def test_build_explain_shows_how_a_relative_date_was_derived():
    result = run("build", str(SEEDS), "--explain", "--published", f"{SEED_003}=2022-02-16")
    assert result.exit_code == 0, result.output
    assert "the day before" in result.output
    assert "2022-02-16" in result.output


def test_same_output_whatever_the_order_of_inputs():
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    forward = json.loads(run("build", *files, "--format", "json").stdout)
    backward = json.loads(run("build", *reversed(files), "--format", "json").stdout)
    assert [e["id"] for e in forward["events"]] == [e["id"] for e in backward["events"]]


# --- build: inputs --------------------------------------------------------------------------------


def test_build_reads_standard_input(tmp_path):
    result = run("build", "-", "--format", "json", input=ARTICLE)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["documents"][0]["id"] == "stdin"
    values = {event["date"]["value"] for event in document["events"] if event["date"]}
    assert "2023-05-08" in values  # "on Monday" before a Wednesday publication date


def test_published_option_dates_an_undated_article(tmp_path):
    article = write(tmp_path / "strike.txt", ARTICLE.split("\n", 1)[1])
    result = run("build", str(article), "--format", "json", "--published", "strike=2023-05-10")
    document = json.loads(result.stdout)
    assert document["documents"][0]["published"] == {
        **document["documents"][0]["published"],
        "value": "2023-05-10",
        "source": "option",
    }


def test_published_from_a_csv_file(tmp_path):
    article = write(tmp_path / "in" / "strike.txt", ARTICLE.split("\n", 1)[1])
    dates = write(tmp_path / "dates.csv", "id,date\nstrike,2023-05-10\n")
    result = run("build", str(article), "--format", "json", "--published-from", str(dates))
    assert json.loads(result.stdout)["documents"][0]["published"]["value"] == "2023-05-10"


def test_one_bad_file_among_many_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["build", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "broken.json" in result.stderr
    document = json.loads(result.stdout)
    assert [doc["id"] for doc in document["documents"]] == ["good"]


# --- errors: one line, exit 2, no traceback -------------------------------------------------------


def assert_one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_missing_path_is_a_one_line_error(tmp_path):
    assert_one_line_error(run("build", str(tmp_path / "nope")), "nope")


def test_empty_directory_is_a_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run("build", str(tmp_path / "empty")), "empty")


def test_a_lone_unreadable_file_is_one_error_line_not_a_warning_too(tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(run("build", str(binary)), "photo.txt", "binary")


def test_bad_published_value_is_a_one_line_error():
    assert_one_line_error(run("build", str(SEEDS), "--published", "003=someday"), "--published", "someday")


def test_bad_since_value_is_a_one_line_error():
    assert_one_line_error(run("build", str(SEEDS), "--since", "yesterdayish"), "--since")


# --- output files ---------------------------------------------------------------------------------


def test_output_refuses_to_overwrite_an_input_file(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run("build", str(article), "-o", str(article))
    assert_one_line_error(result, "input")
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_output_is_atomic_when_writing_fails(tmp_path, monkeypatch):
    out = write(tmp_path / "timeline.json", "previous\n")

    def failing_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    result = run("build", str(SEEDS), "--format", "json", "-o", str(out))
    assert result.exit_code == 2
    assert "timeline: error: cannot write --output" in result.stderr and "disk full" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["timeline.json"]  # no temp file left behind


# --- dates ---------------------------------------------------------------------------------------


def test_dates_lists_expressions_with_spans_values_and_anchors():
    path = SEEDS / f"{SEED_003}.txt"
    result = run("dates", str(path), "--published", "2022-02-16", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    text = path.read_text(encoding="utf-8")
    found = {(e["text"], e["value"]) for e in document["expressions"]}
    assert ("the day before", "2022-02-15") in found
    assert ("this week", "2022-W07") in found
    for expression in document["expressions"]:
        assert text[expression["start"] : expression["end"]] == expression["text"]


def test_dates_timeml_output_is_well_formed_xml():
    import xml.etree.ElementTree as ET

    result = run("dates", str(SEEDS / f"{SEED_003}.txt"), "--published", "2022-02-16", "--format", "timeml")
    assert result.exit_code == 0, result.output
    root = ET.fromstring(result.output)
    values = [t.get("value") for t in root.iter("TIMEX3")]
    assert "2022-02-15" in values


# --- check ---------------------------------------------------------------------------------------


def test_check_seeds_passes_with_the_default_policy(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no policy file around: the built-in defaults
    result = run("check", str(SEEDS))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith("PASS")


def test_check_seeds_fails_with_a_one_day_max_gap_and_names_the_gaps(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(SEEDS), "--max-gap", "1d")
    assert result.exit_code == 1, result.output
    assert "interval" in result.output
    # The drills began on 2 February and the call was on 14 February: nothing in between.
    assert "2022-02-03 to 2022-02-13" in result.output
    assert result.stdout.strip().splitlines()[-1].startswith("FAIL")


def test_check_github_format_annotates_the_gaps(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("check", str(SEEDS), "--max-gap", "1d", "--format", "github")
    assert result.exit_code == 1
    assert any(line.startswith("::error ") for line in result.stdout.splitlines())


def test_check_json_reports_the_verdict(tmp_path, monkeypatch):
    import jsonschema

    from timeline.schema import load_schema

    monkeypatch.chdir(tmp_path)
    result = run("check", str(SEEDS), "--max-gap", "1d", "--format", "json")
    document = json.loads(result.stdout)
    jsonschema.validate(document, load_schema("timeline"))
    assert document["check"] == {"passed": False, "failing": 1}
    assert [gap["kind"] for gap in document["gaps"] if gap["failing"]] == ["interval"]


def test_check_reads_the_policy_from_pyproject(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.timeline]\nmax-gap = "1d"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", str(SEEDS)).exit_code == 1
    assert run("check", str(SEEDS), "--max-gap", "30d").exit_code == 0  # the command line wins


def test_check_bad_max_gap_is_a_usage_error():
    assert_one_line_error(run("check", str(SEEDS), "--max-gap", "soon"), "soon")


# --- a real process ------------------------------------------------------------------------------


def test_python_dash_m_runs_the_cli_in_a_real_process():
    completed = _real_process("build", str(SEEDS), "--format", "json")
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["schema_version"] == 2


def test_a_real_process_ends_at_once_with_its_output_whole_and_its_exit_code(tmp_path):
    # the console script leaves what a command built for the process's exit to free: the output file and
    # what stdout and stderr say are complete, and ``check`` still exits 1 on failing gaps
    out = tmp_path / "t.json"
    built = _real_process("build", str(SEEDS), "--format", "json", "-o", str(out))
    assert built.returncode == 0, built.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(
        run("build", str(SEEDS), "-f", "json").stdout
    )
    checked = _real_process("check", str(SEEDS), "--max-gap", "1d", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    assert checked.stdout.strip().splitlines()[-1].startswith("FAIL")


def test_a_command_run_inside_another_program_keeps_nothing_for_the_exit():
    from timeline import cli

    assert run("build", str(SEEDS), "-f", "json").exit_code == 0
    assert cli._LEFT_FOR_EXIT is None


def _real_process(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m timeline ARGUMENTS`` in a process of its own, without colour, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
        cwd=cwd,
    )


def test_real_process_error_has_no_traceback(tmp_path):
    completed = _real_process("build", str(tmp_path / "missing"))
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
    assert completed.stderr.count("\n") == 1


def test_output_file_gets_ordinary_permissions_and_keeps_existing_ones(tmp_path):
    new = tmp_path / "new.md"
    old_umask = os.umask(0o022)
    try:
        assert run("build", str(SEEDS), "-f", "markdown", "-o", str(new)).exit_code == 0
    finally:
        os.umask(old_umask)
    assert new.stat().st_mode & 0o777 == 0o644  # not the temporary file's private 0600
    shared = write(tmp_path / "shared.md", "old\n")
    shared.chmod(0o664)
    assert run("build", str(SEEDS), "-f", "markdown", "-o", str(shared)).exit_code == 0
    assert shared.stat().st_mode & 0o777 == 0o664


def test_a_json_file_without_article_text_is_one_error_line_naming_the_missing_field(tmp_path):
    record = write(tmp_path / "notext.json", '{"id": "x", "title": "only a title"}')
    assert_one_line_error(run("build", str(record)), "notext.json", "no article text")


def test_a_skipped_record_is_warned_about_once(tmp_path):
    write(tmp_path / "notext.json", '{"id": "x", "title": "only a title"}')
    write(tmp_path / "good.txt", ARTICLE)
    result = runner.invoke(app, ["build", str(tmp_path), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert result.stderr.count("notext.json") == 1


def test_dates_bad_published_value_names_what_the_user_typed():
    result = run("dates", str(SEEDS / f"{SEED_003}.txt"), "--published", "someday")
    assert_one_line_error(result, "--published 'someday'")


def test_the_progress_bar_starts_no_thread_so_the_build_can_fork_its_workers(capsys):
    # a terminal's progress bar is redrawn as progress is reported: with a thread of its own running, the
    # build's pools would start their workers through a server process instead of forking them
    import threading

    from timeline import build, cli

    bar = cli._progress(quiet=False, total=100)
    bar.enabled = True  # as on a terminal
    threads = threading.active_count()
    with bar as update:
        update("read", 1, 10)
        update("read", 10, 10)
        assert threading.active_count() == threads
        if threads == 1 and sys.platform.startswith("linux"):
            assert build._start_method() == "fork"

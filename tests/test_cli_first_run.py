"""A first run without surprises: each test is one surprise a new user met, and would have caught it.

The articles are invented here (Norland, Acme, Minister Rahn), written to a temporary directory.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# A long title on purpose: piped output must keep it on one line with its badges.
RAIL = (
    " date 2022-03-10\n"
    "Norland rail review\n"
    "\n"
    "Minister Rahn of Norland announced a sweeping review of the safety rules of the national rail network "
    "on 8 March 2022.\n"
    "Acme Rail will publish its own findings on 20 March 2022, a spokesman said.\n"
)
RAIL_AGAIN = (
    " date 2022-03-11 Norland Wire\n"
    "Review welcomed\n"
    "\n"
    "Minister Rahn of Norland announced a review of the rail safety rules on 8 March 2022.\n"
    "Unions welcomed it on 9 March 2022.\n"
)
UNDATED = "Acme recalls toasters\n\nAcme Corp recalled its toasters on Monday, the company said.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "rail_0310.txt").write_text(RAIL, encoding="utf-8")
    (folder / "rail_0311.txt").write_text(RAIL_AGAIN, encoding="utf-8")
    (folder / "recall.txt").write_text(UNDATED, encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def no_columns(monkeypatch):
    """Tests see the output as piped to another program, whatever the terminal running them."""
    for variable in ("COLUMNS", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(variable, raising=False)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def build_json(*args: str) -> dict:
    code, out, err = run("build", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


# --- build and check count undated events and articles the same way ----------------------------------------


def test_build_lists_and_counts_undated_events_as_check_does(corpus):
    code, out, _ = run("build", str(corpus))
    assert code == 0
    assert "Undated" in out and "Acme Corp recalled its toasters" in out
    summary = out.splitlines()[-1]
    assert "1 undated event" in summary and "1 undated article" in summary
    assert "0 gaps" not in summary  # build does not look for gaps: it must not claim there are none
    code, out, _ = run("check", str(corpus), "--format", "json")
    assert code == 1
    kinds = [gap["kind"] for gap in json.loads(out)["gaps"]]
    document = build_json(str(corpus))
    assert kinds.count("undated-event") == document["summary"]["undated_events"] == 1
    assert kinds.count("undated-article") == document["summary"]["undated_articles"] == 1


def test_a_period_does_not_hide_undated_events(corpus):
    document = build_json(str(corpus), "--since", "2022-03-09")
    assert [e["title"] for e in document["events"] if e["date"] is None] == [
        "Acme Corp recalled its toasters on Monday"
    ]
    assert all(e["date"] is None or e["date"]["end"] >= "2022-03-09" for e in document["events"])


# --- --published with the start of an id, and the help's own example ----------------------------------------


def test_published_accepts_the_start_of_one_id_and_says_which(corpus):
    code, out, err = run("build", str(corpus), "--published", "recall=2022-03-14", "--format", "json")
    assert code == 0
    assert "--published recall: taken as the article recall" not in err  # an exact id needs no note
    code, out, err = run("build", str(corpus), "--published", "rec=2022-03-14", "--format", "json")
    assert code == 0
    assert "--published rec: taken as the article recall" in err
    recall = next(d for d in json.loads(out)["documents"] if d["id"] == "recall")
    assert (recall["published"]["value"], recall["published"]["source"]) == ("2022-03-14", "option")


def test_published_with_the_start_of_several_ids_names_them(corpus):
    code, out, err = run("build", str(corpus), "--published", "rail=2022-03-14", "--format", "json")
    assert code == 0
    assert "rail_0310, rail_0311" in err and "give more of the id" in err
    assert all(
        d["published"]["source"] == "header" for d in json.loads(out)["documents"] if "rail" in d["id"]
    )


def _help_examples(command: str) -> list[str]:
    help_text = CliRunner().invoke(app, [command, "--help"]).output
    examples = help_text.split("Examples:", 1)[1]
    return [
        line.strip()
        for line in examples.splitlines()
        if line.strip().startswith(f"timeline {command} seeds/")
    ]


@pytest.mark.parametrize("command", ["build", "check", "dates"])
def test_every_help_example_on_the_seeds_runs(command, tmp_path, monkeypatch):
    examples = _help_examples(command)
    assert examples or command != "build"
    monkeypatch.chdir(tmp_path)  # outputs (-o) land here
    for example in examples:
        args = [
            str(SEEDS) + arg[len("seeds") :] if arg.startswith("seeds/") else arg
            for arg in shlex.split(example)
        ]
        code, _, err = run(*args[1:])
        assert code in (0, 1), f"{example}: {err}"  # 1: check found gaps, still a run that works
        assert "no article has this id" not in err, example


# --- JSON keeps whole texts; --explain keeps whole evidence -------------------------------------------------


def test_gap_messages_are_whole_in_json_and_shortened_only_on_screen(tmp_path):
    sentence = (
        "Officials of the Norland Transport Agency, speaking to reporters in the capital after a long "
        "meeting with unions, operators and passenger groups, said the old signalling system had failed."
    )
    (tmp_path / "long.txt").write_text(f"Signals\n\n{sentence}\n", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path), "--format", "json")
    messages = [gap["message"] for gap in json.loads(out)["gaps"] if gap["kind"] == "undated-event"]
    assert messages and f'"{sentence}"' in messages[0]  # the whole sentence, not cut at 90 characters
    code, out, _ = run("check", str(tmp_path))
    assert sentence not in out and "…" in out  # the terminal view shortens it for display


def test_explain_shows_the_whole_evidence_of_an_inferred_publication_date():
    document = build_json(str(SEEDS))
    inferred = [
        d for d in document["documents"] if d["published"]["source"] == "inferred" and d["published"]["value"]
    ]
    assert inferred
    evidence = inferred[0]["published"]["evidence"]
    assert len(evidence) > 120  # long enough to have been cut before
    code, out, _ = run("build", str(SEEDS), "--explain")
    assert code == 0 and " ".join(evidence.split()) in out


# --- --since/--until: calendar dates only ------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["yesterday", "last week", "2 days ago"])
def test_since_refuses_a_date_relative_to_today_and_says_what_it_would_mean(corpus, relative):
    code, _, err = run("build", str(corpus), "--since", relative)
    assert code == 2
    assert "is not a calendar date" in err
    if relative == "yesterday":
        assert re.search(r"would mean \d{4}-\d{2}-\d{2} today", err)


@pytest.mark.parametrize(
    "written", ["2022-03-09", "2022-03", "2022-W10", "2022", "9 March 2022", "March 2022"]
)
def test_since_accepts_calendar_dates_in_iso_or_words(corpus, written):
    code, _, err = run("build", str(corpus), "--since", written, "--format", "json")
    assert code == 0, err


# --- help and usage in plain words --------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["build", "check", "dates"])
def test_help_shows_no_python_types_and_one_example_per_line(command):
    help_text = CliRunner().invoke(app, [command, "--help"]).output
    assert "list[str]" not in help_text and "{PATHS}" not in help_text and "<" not in help_text.split("\n")[0]
    examples = help_text.split("Examples:", 1)[1].splitlines()
    assert sum(line.strip().startswith("timeline ") for line in examples) >= 4
    assert not [line for line in examples if line.count("timeline ") > 1]  # never two examples on a line


def test_an_unknown_format_lists_the_valid_ones_in_plain_words(corpus):
    code, _, err = run("build", str(corpus), "--format", "pdf")
    assert code == 2
    assert "unknown format 'pdf'; choose terminal, markdown, json, jsonl, timelinejs, csv, ics or html" in err
    assert "Value error" not in err


# --- piped output, colour and COLUMNS -----------------------------------------------------------------------


def _event_line(out: str) -> str:
    return next(line for line in out.splitlines() if "“Minister Rahn of Norland announced a sweeping" in line)


def test_piped_output_keeps_each_line_whole(corpus):
    code, out, _ = run("build", str(corpus), "--explain")
    line = _event_line(out)  # the quoted sentence under --explain: longer than 100 columns
    assert len(line) > 100 and line.rstrip().endswith("2022.”")
    bullets = [line for line in out.splitlines() if line.startswith("  • ")]
    assert bullets and all(
        re.search(r"\]( +(expected|background))?$", line) for line in bullets
    )  # badges end it


def test_columns_is_honoured(corpus, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = run("build", str(corpus))
    assert max(len(line) for line in out.splitlines()) <= 60


def test_color_always_never_and_auto(corpus):
    assert ANSI.search(run("build", str(corpus), "--color", "always")[1])
    assert not ANSI.search(run("build", str(corpus), "--color", "never")[1])
    assert not ANSI.search(run("build", str(corpus))[1])  # auto, piped: no colour
    code, _, err = run("build", str(corpus), "--color", "sometimes")
    assert code == 2 and "choose auto, always or never" in err


# --- --published-from names its file; dates from it say where they came from --------------------------------


def test_a_bad_published_from_file_is_named(corpus, tmp_path):
    dates = tmp_path / "dates.csv"
    dates.write_text("id,date\nrecall\n", encoding="utf-8")
    code, _, err = run("build", str(corpus), "--published-from", str(dates))
    assert code == 2
    assert "--published-from" in err and "dates.csv:2" in err


def test_dates_from_a_published_from_file_show_that_file(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("dates.csv").write_text("recall,2022-03-14\n", encoding="utf-8")
    document = build_json(str(corpus), "--published-from", "dates.csv")
    recall = next(d for d in document["documents"] if d["id"] == "recall")
    assert recall["published"]["value"] == "2022-03-14"
    assert "dates.csv" in recall["published"]["evidence"]
    code, out, _ = run("build", str(corpus), "--published-from", "dates.csv")
    assert "published 2022-03-14 (option: --published-from dates.csv: recall,2022-03-14)" in out


# --- filters ------------------------------------------------------------------------------------------------


def test_min_sources_keeps_corroborated_events(corpus):
    all_events = build_json(str(corpus))["events"]
    kept = build_json(str(corpus), "--min-sources", "2")["events"]
    assert kept == [e for e in all_events if len(e["sources"]) >= 2] and kept


def test_status_filter(corpus):
    all_events = build_json(str(corpus))["events"]
    kept = build_json(str(corpus), "--status", "expected")["events"]
    assert kept == [e for e in all_events if e["status"] == "expected"] and kept
    code, _, err = run("build", str(corpus), "--status", "rumoured")
    assert code == 2 and "reported, expected, background" in err


def test_source_filter_by_id_or_its_start(corpus):
    all_events = build_json(str(corpus))["events"]
    kept = build_json(str(corpus), "--source", "rail_0311")["events"]
    assert kept == [e for e in all_events if "rail_0311" in e["sources"]]
    assert 0 < len(kept) < len(all_events)
    assert build_json(str(corpus), "--source", "rec")["events"] == [
        e for e in all_events if "recall" in e["sources"]
    ]
    outlet = build_json(str(corpus), "--source", "norland wire")["events"]  # rail_0311's outlet, any case
    assert outlet == kept
    code, _, err = run("build", str(corpus), "--source", "nowhere")
    assert code == 2 and "no article has this id" in err


# --- documented commands run from a fresh checkout ----------------------------------------------------------


def _commands(markdown: str) -> list[str]:
    blocks = re.findall(r"```\n(.*?)```", markdown, re.S)
    return [line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_performance_commands_use_no_machine_paths_and_name_real_scripts():
    commands = _commands((ROOT / "docs" / "performance.md").read_text(encoding="utf-8"))
    assert commands
    for command in commands:
        words = shlex.split(command)
        while re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # an environment variable set for the command
            words = words[1:]
        if words[0] == "time":  # the shell's timer in front of a command
            words = words[1:]
        assert not [w for w in words if w.startswith("/") and w != "/dev/null"], f"machine path in: {command}"
        if words[0] == "timeline":  # the tool itself: its options are the subcommand's
            help_command, arguments = [sys.executable, "-m", "timeline", words[1], "--help"], words[2:]
        else:
            assert words[0] == "python" and (ROOT / words[1]).is_file(), command
            help_command, arguments = [sys.executable, words[1], "--help"], words[2:]
        # the arguments are ones the script accepts
        help_run = subprocess.run(help_command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert help_run.returncode == 0, command
        for option in (w for w in arguments if w.startswith("--")):
            assert option in help_run.stdout, f"{command}: {option} is not an option of {words[1]}"

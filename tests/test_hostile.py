"""Hostile and odd inputs: every one gives one clear line and exit 2, or a warning and the rest processed.

Never a traceback, never a hang, never an article lost silently.  Inputs are generated in ``tmp_path``;
a real process is used where exit codes of the process itself, signals or closed streams matter.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import build as build_module
from timeline.cli import app

runner = CliRunner()

ARTICLE = "Date: 15 February 2022\nMinister Rahn met officials of Acme in Norland on Monday.\n"
OTHER = "Date: 16 February 2022\nThe Norland council approved the harbour plan on Tuesday.\n"
FORMATS = ("terminal", "markdown", "json", "jsonl", "timelinejs", "csv", "ics", "html")


def cli(*args: str, input: str | bytes | None = None, env: dict | None = None):
    return runner.invoke(app, list(args), input=input, env=env or {}, catch_exceptions=False)


def proc(*args: str, timeout: float = 60, **kwargs) -> subprocess.CompletedProcess:
    """The real command in a child process (exit codes, signals and closed streams as a shell sees them)."""
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, timeout=timeout, **kwargs
    )


def one_error_line(stderr: str | bytes, *words: str) -> None:
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    assert "Traceback" not in text and "internal error" not in text, text
    lines = [line for line in text.splitlines() if line.startswith("timeline: error:")]
    assert len(lines) == 1, text
    for word in words:
        assert word in lines[0], text


def article(directory: Path, name: str = "ok.txt", text: str = ARTICLE) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


# --- names and characters that cannot be written as UTF-8 -------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_name_that_is_not_utf8_is_written_in_every_format(tmp_path, fmt):
    name = os.fsdecode(b"report-\xff.txt")
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    result = cli("build", str(tmp_path / name), "--format", fmt)
    assert result.exit_code == 0, result.output
    text = result.stdout_bytes.decode("utf-8")  # strict: valid UTF-8 whatever the file name
    assert "report-\ufffd" in text or fmt in ("ics", "csv", "timelinejs")


def test_a_lone_surrogate_in_a_json_text_field_becomes_a_replacement_character(tmp_path):
    path = tmp_path / "feed.json"
    path.write_text('{"id": "a", "date": "2022-02-15", "text": "Rahn met Acme on Monday \\udc00 here."}')
    result = cli("build", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout_bytes.decode("utf-8"))
    sentences = [m["text"] for e in document["events"] for m in e["mentions"]]
    assert any("Monday \ufffd here" in sentence for sentence in sentences), sentences


# --- deeply nested, huge and not-a-number JSON --------------------------------------------------------

DEEP = "[" * 10_000 + "]" * 10_000


def test_deeply_nested_json_file_is_one_line(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(DEEP)
    result = cli("build", str(path))
    assert result.exit_code == 2
    one_error_line(result.stderr, "deep.json", "nested too deeply")


def test_a_deeply_nested_json_line_is_skipped_and_the_rest_processed(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = json.dumps({"id": "good", "date": "2022-02-15", "text": "Rahn met Acme on Monday."})
    path.write_text(f'{{"text": {DEEP}}}\n{good}\n')
    result = cli("build", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["good"]
    assert "feed.jsonl:1: skipping" in result.stderr and "nested too deeply" in result.stderr
    assert "finished with 1 of 2 articles; 1 skipped" in result.stderr


def test_deeply_nested_json_on_standard_input_is_one_line():
    result = cli("build", "-", input=DEEP)
    assert result.exit_code == 2
    one_error_line(result.stderr, "<stdin>", "nested too deeply")


def test_deeply_nested_json_in_published_from_is_one_line(tmp_path):
    dates = tmp_path / "dates.json"
    dates.write_text(DEEP)
    result = cli("build", str(article(tmp_path)), "--published-from", str(dates))
    assert result.exit_code == 2
    one_error_line(result.stderr, "dates.json", "nested too deeply")


@pytest.mark.parametrize("field", ["id", "text", "date"])
def test_a_number_of_thousands_of_digits_is_one_line(tmp_path, field):
    record = {"id": '"a"', "text": '"Rahn met Acme on Monday."', "date": '"2022-02-15"'}
    record[field] = "9" * 5000
    path = tmp_path / "feed.json"
    path.write_text("{" + ", ".join(f'"{key}": {value}' for key, value in record.items()) + "}")
    result = cli("build", str(path))
    assert result.exit_code == 2
    one_error_line(result.stderr, "feed.json", "thousands of digits")


@pytest.mark.parametrize("date", ["NaN", "Infinity", "1e308", "-1e308", str(10**30)])
def test_a_json_date_that_is_not_a_real_number_leaves_the_article_undated(tmp_path, date):
    path = tmp_path / "feed.json"
    path.write_text(f'{{"id": "a", "text": "Rahn met Acme on 14 February 2022.", "date": {date}}}')
    result = cli("build", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["published"]["value"] is None


# --- XML ------------------------------------------------------------------------------------------------

TIMEML = (
    '<?xml version="1.0" encoding="{encoding}"?>\n<TimeML><DOCID>d1</DOCID>'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2022-02-15" functionInDocument="CREATION_TIME">'
    "2022-02-15</TIMEX3></DCT><TEXT>{body}</TEXT></TimeML>\n"
)


def test_deeply_nested_timeml_builds_and_cannot_crash_its_rewrite(tmp_path):
    body = "<s>" * 50_000 + "Rahn met Acme on Monday." + "</s>" * 50_000
    path = tmp_path / "deep.tml"
    path.write_text(TIMEML.format(encoding="UTF-8", body=body))
    assert cli("build", str(path)).exit_code == 0
    result = cli("dates", str(path), "--format", "timeml")
    assert result.exit_code in (0, 2)
    if result.exit_code == 2:
        one_error_line(result.stderr, "deep.tml", "nested too deeply")


def test_utf16_timeml_is_read_and_written_back(tmp_path):
    path = tmp_path / "wide.tml"
    path.write_bytes(TIMEML.format(encoding="UTF-16", body="Rahn met Acme on Monday.").encode("utf-16"))
    result = cli("build", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["documents"][0]["published"]["value"] == "2022-02-15"
    tagged = cli("dates", str(path), "--format", "timeml")
    assert tagged.exit_code == 0 and 'value="2022-02-14"' in tagged.stdout


# --- paths: links, loops, empty, not regular files ----------------------------------------------------


def test_symbolic_link_loops_in_a_directory_walk_are_passed_over(tmp_path):
    article(tmp_path / "corpus" if (tmp_path / "corpus").mkdir() is None else tmp_path)
    (tmp_path / "corpus" / "self").symlink_to(tmp_path / "corpus")
    (tmp_path / "corpus" / "a").symlink_to(tmp_path / "corpus" / "b")
    (tmp_path / "corpus" / "b").symlink_to(tmp_path / "corpus" / "a")
    result = cli("build", str(tmp_path / "corpus"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["ok"]


def test_a_recursive_glob_does_not_follow_link_loops(tmp_path):
    sub = tmp_path / "corpus" / "sub"
    sub.mkdir(parents=True)
    article(sub)
    (sub / "up").symlink_to(tmp_path / "corpus")
    (sub / "up2").symlink_to(tmp_path)
    started = time.monotonic()
    result = proc("build", str(tmp_path / "corpus" / "**" / "*.txt"), "--format", "json", timeout=30)
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started < 20
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["ok"]


def test_an_empty_path_is_an_error_not_the_current_directory():
    result = cli("build", "")
    assert result.exit_code == 2
    one_error_line(result.stderr, "empty path")


def test_a_named_pipe_given_as_a_path_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = proc("build", str(fifo), timeout=20)
    assert result.returncode == 2
    one_error_line(result.stderr, "named pipe", "only regular files")


def test_pipes_devices_and_links_to_them_in_a_walk_are_named_and_skipped(tmp_path):
    article(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zeros").symlink_to("/dev/zero")
    result = proc("build", str(tmp_path), "--format", "json", timeout=20)
    assert result.returncode == 0, result.stderr
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["ok"]
    warning = result.stderr.decode()
    assert "not regular files" in warning and "pipe (a named pipe)" in warning
    assert "zeros (a character device)" in warning


def test_dev_zero_as_a_path_or_as_standard_input_is_refused_at_once():
    assert proc("build", "/dev/zero", timeout=20).returncode == 2
    with open("/dev/zero", "rb") as zeros:
        result = proc("build", "-", stdin=zeros, timeout=20)
    assert result.returncode == 2
    one_error_line(result.stderr, "binary")


def test_an_article_over_the_size_limit_is_skipped_with_a_warning(tmp_path):
    big = article(tmp_path, "big.txt", ARTICLE + "More words about the harbour. " * 100)
    small = article(tmp_path, "small.txt", OTHER)
    result = cli("build", str(big), str(small), "--max-article-size", "1k", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["small"]
    assert "larger than the limit" in result.stderr and "--max-article-size" in result.stderr
    jsonl = tmp_path / "feed.jsonl"
    records = [{"id": "long", "text": "word " * 400}, {"id": "short", "text": "Rahn met Acme on Monday."}]
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
    result = cli("build", str(jsonl), "--max-article-size", "1k", "--format", "json")
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["short"]
    assert cli("build", str(big), "--max-article-size", "lots").exit_code == 2


# --- dates at the edge of the calendar ----------------------------------------------------------------


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_a_publication_date_at_the_edge_of_the_calendar_is_one_line(tmp_path, date):
    result = cli("build", str(article(tmp_path)), "--published", f"ok={date}")
    assert result.exit_code == 2
    one_error_line(result.stderr, date, "years 2 to 9998")


def test_checking_from_the_first_day_of_the_calendar_works(tmp_path):
    result = cli("check", str(article(tmp_path)), "--since", "0001-01-01", "--max-gap", "1d")
    assert result.exit_code == 1  # a failing interval gap, reported, not a crash
    assert "no events for" in result.stdout


@pytest.mark.parametrize("value", ["9" * 100_000 + "d", "99999999999d"])
def test_a_huge_max_gap_is_one_line(tmp_path, value):
    result = cli("check", str(article(tmp_path)), "--max-gap", value)
    assert result.exit_code == 2
    one_error_line(result.stderr, "--max-gap")
    assert len(result.stderr) < 400


@pytest.mark.parametrize("value", ["ok=\x01\x02", "ok=2022-02-15\x07", "o\x1bk=2022-02-15"])
def test_published_with_control_characters_is_one_line(tmp_path, value):
    result = cli("build", str(article(tmp_path)), "--published", value)
    assert result.exit_code == 2
    one_error_line(result.stderr, "--published")


# --- standard streams and output files ----------------------------------------------------------------


def test_closed_standard_input_is_fine_for_files_and_one_line_for_dash(tmp_path):
    path = article(tmp_path)
    closed = proc("build", "-", stdin=None, preexec_fn=lambda: os.close(0))
    assert closed.returncode == 2
    one_error_line(closed.stderr, "standard input is closed")
    still = proc("build", str(path), preexec_fn=lambda: os.close(0))
    assert still.returncode == 0, still.stderr


def test_closed_standard_output_is_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "build", str(article(tmp_path))],
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),
        timeout=60,
    )
    assert result.returncode == 2
    one_error_line(result.stderr, "standard output is closed")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_standard_output_on_a_full_device_is_one_line(tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "timeline", "build", str(article(tmp_path))],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=60,
        )
    assert result.returncode == 2
    one_error_line(result.stderr, "No space left")


def test_output_into_a_directory_that_cannot_be_written_is_one_line(tmp_path, monkeypatch):
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = cli("build", str(article(tmp_path)), "-o", str(tmp_path / "out.md"))
    assert result.exit_code == 2
    one_error_line(result.stderr, "cannot write --output", "Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_output_into_a_read_only_directory_is_one_line(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    result = proc("build", str(article(tmp_path)), "-o", str(locked / "out.md"))
    assert result.returncode == 2
    one_error_line(result.stderr, "cannot write --output")


def test_output_to_dev_stdout_writes_directly(tmp_path):
    result = proc("build", str(article(tmp_path)), "--format", "json", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["documents"][0]["id"] == "ok"


def test_a_closed_pipe_downstream_exits_0_silently(tmp_path):
    texts = [ARTICLE, OTHER, "Date: 17 February 2022\nThe Acme board resigned on Wednesday.\n"]
    paths = [str(article(tmp_path, f"a{n}.txt", text * 200)) for n, text in enumerate(texts)]
    command = [sys.executable, "-m", "timeline", "build", *paths, "--format", "json"]
    writer = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.stdout.close()  # `| true`: the reader is gone before anything is written
    _, stderr = writer.communicate(timeout=60)
    assert writer.returncode == 0
    assert stderr == b""


@pytest.mark.parametrize("columns", ["abc", "80.5", "-3", "9" * 50])
def test_odd_columns_values_are_ignored(tmp_path, columns):
    result = cli("build", str(article(tmp_path)), env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output


# --- the policy file -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "make", "words"),
    [
        (".timeline.toml", lambda p: p.write_bytes(bytes(range(256)) * 4), "not a TOML text file"),
        (".timeline.toml", lambda p: p.mkdir(), "not a regular file"),
        ("pyproject.toml", lambda p: p.write_text("[tool]\ntimeline = 3\n"), "must be a table"),
    ],
)
def test_a_bad_policy_file_is_one_line(tmp_path, monkeypatch, name, make, words):
    project = tmp_path / "project"
    project.mkdir()
    (project / ".git").mkdir()
    make(project / name)
    path = article(tmp_path)
    monkeypatch.chdir(project)
    result = cli("check", str(path))
    assert result.exit_code == 2
    one_error_line(result.stderr, words)


# --- one article's failure costs that article only --------------------------------------------------


@pytest.fixture
def failing_on_acme(monkeypatch):
    real = build_module.read_article

    def read(article):
        if "Acme" in article.text:
            raise IndexError("list index out of range")
        return real(article)

    monkeypatch.setattr(build_module, "read_article", read)
    monkeypatch.setenv("TIMELINE_DEBUG", "")


def test_an_article_whose_processing_fails_is_a_warning_and_the_rest_is_built(tmp_path, failing_on_acme):
    bad, good = article(tmp_path, "bad.txt"), article(tmp_path, "good.txt", OTHER)
    result = cli("build", str(bad), str(good), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [d["id"] for d in json.loads(result.stdout)["documents"]] == ["good"]
    assert "bad.txt" in result.stderr and "could not be processed (IndexError" in result.stderr
    assert result.stderr.splitlines()[-1].startswith("timeline: finished with 1 of 2 articles; 1 skipped")


def test_check_reports_a_skipped_article_as_a_failing_unreadable_article_gap(tmp_path, failing_on_acme):
    bad, good = article(tmp_path, "bad.txt"), article(tmp_path, "good.txt", OTHER)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = cli("check", str(bad), str(good), str(broken), "--format", "json")
    assert result.exit_code == 1
    gaps = [g for g in json.loads(result.stdout)["gaps"] if g["kind"] == "unreadable-article"]
    assert sorted(Path(g["path"]).name for g in gaps) == ["bad.txt", "broken.json"]
    assert all(g["failing"] for g in gaps)
    passing = cli("check", str(good), str(broken), "--fail-on", "undated-article")
    assert passing.exit_code == 0


def test_when_every_article_fails_it_is_one_error_line(tmp_path, failing_on_acme):
    result = cli("build", str(article(tmp_path)))
    assert result.exit_code == 2
    one_error_line(result.stderr, "no article could be processed", "IndexError")


def test_many_warnings_are_summarised_and_verbose_shows_them_all(tmp_path):
    article(tmp_path)
    for number in range(30):
        (tmp_path / f"broken{number:02}.json").write_text("{not json")
    result = cli("build", str(tmp_path))
    warnings = [line for line in result.stderr.splitlines() if line.startswith("timeline: warning:")]
    assert result.exit_code == 0
    assert len(warnings) == 5
    assert "timeline: 30 warnings (skipped-input 30); the first 5 shown above, rerun with -v" in result.stderr
    assert "finished with 1 of 31 articles; 30 skipped" in result.stderr
    verbose = cli("build", str(tmp_path), "-v")
    assert sum(line.startswith("timeline: warning:") for line in verbose.stderr.splitlines()) == 30
    assert cli("build", str(tmp_path), "-q").stderr == ""


# --- Ctrl-C ---------------------------------------------------------------------------------------------


def _wait_for_workers(pid: int, limit: float = 60) -> None:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if children.read_text().split():
                time.sleep(0.3)  # the workers are at work
                return
        except OSError:
            return  # finished already, or no /proc: send the signal anyway
        time.sleep(0.05)


def test_ctrl_c_stops_a_pooled_build_at_once_with_130_and_no_temp_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = "Minister Rahn met the Acme board in Norland on Monday and spoke again on Friday. "
    for number in range(240):  # enough articles for the worker pool
        (corpus / f"a{number:03}.txt").write_text(f"Date: {1 + number % 28} March 2022\n" + paragraph * 30)
    out = tmp_path / "out"
    out.mkdir()
    command = [sys.executable, "-m", "timeline", "build", str(corpus), "-o", str(out / "t.json")]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ})
    _wait_for_workers(child.pid)  # Ctrl-C while the pool is busy, not while Python is still starting
    started = time.monotonic()
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert time.monotonic() - started < 10
    if child.returncode == 0:
        pytest.skip("the build finished before the signal arrived")
    assert child.returncode == 130
    assert b"Traceback" not in stderr and stderr.strip().endswith(b"timeline: interrupted")
    assert list(out.iterdir()) == []


def test_a_failure_while_dating_undated_articles_keeps_them_undated(monkeypatch):
    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(build_module, "_infer_dates", broken)
    monkeypatch.setenv("TIMELINE_DEBUG", "")
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    result = cli("build", str(seeds), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "could not date the 1 undated article(s) from the others (ZeroDivisionError" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 4


def test_many_warnings_in_the_terminal_report_are_summarised_too():
    from timeline.render import render
    from timeline.types import Timeline

    timeline = Timeline(
        documents=[], events=[], warnings=[f"a{n}.txt: skipping: not valid JSON" for n in range(40)]
    )
    lines = [line for line in render(timeline, "terminal").splitlines() if line.lstrip().startswith("!")]
    assert len(lines) == 6
    assert "40 warnings in all (skipped-input 40)" in lines[-1]


# ------------------------------------------------------------ a sentence printed by many articles (issue #9)

WIRE = "Minister Rahn opened the Acme bridge in Norland on 14 February 2022."


def wire_articles(count: int) -> list:
    """``count`` articles, each its own opening (so none is a re-sent copy of another) and then the same
    wire sentence, word for word."""
    from timeline.types import Article, Published

    articles = []
    for k in range(count):
        text = (
            f"Reporter number {k} filed note {k * 7 + 3} from district {k * 11 + 5} for page {k * 13 + 1} "
            f"of edition {k * 17 + 2}, volume {k * 19 + 4}.\n\n{WIRE}\n"
        )
        published = Published(f"2022-02-{15 + k % 3:02}", "header")
        articles.append(Article(f"w{k:03}", f"w{k:03}.txt", text, [(0, len(text))], published=published))
    return articles


def event_partition(timeline) -> set:
    return {
        (e.date.value if e.date else None, tuple(sorted((m.document, m.sentence.start) for m in e.mentions)))
        for e in timeline.events
    }


def test_a_sentence_many_articles_print_is_one_event_with_every_source(monkeypatch):
    from timeline import merge
    from timeline.build import build_timeline

    monkeypatch.setenv("TIMELINE_WORKERS", "1")
    articles = wire_articles(12)
    collapsed = build_timeline(articles)
    monkeypatch.setattr(merge.repeats, "REPEAT_ARTICLES", 10**9)  # each copy merged on its own, as before
    one_by_one = build_timeline(articles)
    assert event_partition(collapsed) == event_partition(one_by_one)
    bridge = next(e for e in collapsed.events if "bridge" in e.title)
    assert bridge.date is not None and bridge.date.value == "2022-02-14"
    assert bridge.sources == sorted(a.id for a in articles)
    # each joined mention says why, from its own article
    assert {(r.document, r.start) for r in bridge.reasons} == {
        (m.document, m.sentence.start) for m in bridge.mentions if m.join is not None
    }
    assert all(r.kind == "same-date" and r.similarity == 1.0 for r in bridge.reasons)


def test_a_sentence_many_articles_print_is_placed_once(monkeypatch):
    """Linear, not quadratic: the repeated sentence is compared with the events once, not once per article."""
    from timeline.build import build_timeline
    from timeline.merge import placing

    monkeypatch.setenv("TIMELINE_WORKERS", "1")
    placed = []
    original = placing._place_dated
    monkeypatch.setattr(
        placing, "_place_dated", lambda mention, *rest: placed.append(mention) or original(mention, *rest)
    )
    timeline = build_timeline(wire_articles(150))
    assert sum(1 for m in placed if "bridge" in m.sentence.text) == 1
    assert len(next(e for e in timeline.events if "bridge" in e.title).sources) == 150


def test_a_sentence_many_articles_print_keeps_one_copy_of_its_word_lists(monkeypatch):
    """Memory (issue #9): thousands of copies of a sentence hold one list of its terms and names, not one
    each, and the lists say what one article's reading of the sentence says."""
    from timeline.build import build_timeline

    monkeypatch.setenv("TIMELINE_WORKERS", "1")
    articles = wire_articles(20)
    bridge = next(e for e in build_timeline(articles).events if "bridge" in e.title)
    alone = next(e for e in build_timeline(articles[:1]).events if "bridge" in e.title).mentions[0]
    assert len(bridge.mentions) == 20
    for field in ("actors", "terms", "places", "content"):
        lists = [getattr(m, field) for m in bridge.mentions]
        assert all(words == getattr(alone, field) for words in lists)
        assert len({id(words) for words in lists}) == 1
    assert "Rahn" in " ".join(alone.actors) and "bridge" in alone.terms


# --- a run-on text: no sentence end in thousands of characters ---------------------------------------
#
# Found by fuzzing the whole build (audit79): the events stage reads a sentence once per time expression in
# it, so a run of text without a sentence end and with dates throughout (a flattened table, a feed without
# punctuation) cost more than the square of its length: 6,299 characters took 2.4 s, 12,599 took 15 s.

RUN_ON_PIECE = "Rahn met Varga in Norland on Monday and Acme was sold in March"


def test_a_run_on_text_is_cut_into_sentences_of_bounded_length():
    from timeline.sentences import MAX_SENTENCE_CHARS, split_sentences
    from timeline.types import Article

    text = " ".join([RUN_ON_PIECE] * 400)  # 25,199 characters, no sentence end
    sentences = split_sentences(Article("run", "run.txt", text, [(0, len(text))]))
    assert len(sentences) == 7  # 25,199 / 4,000, each cut at a space
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert " ".join(s.text for s in sentences) == text  # no word cut or lost


def test_a_long_sentence_of_ordinary_length_is_not_cut():
    from timeline.sentences import split_sentences
    from timeline.types import Article

    sentence = ", ".join([RUN_ON_PIECE] * 45) + "."  # 2,969 characters: longer than any in real news
    text = f"{sentence} Varga left on Tuesday."
    sentences = split_sentences(Article("long", "long.txt", text, [(0, len(text))]))
    assert [s.text for s in sentences] == [sentence, "Varga left on Tuesday."]


def test_a_run_on_text_without_spaces_is_cut_too():
    from timeline.sentences import MAX_SENTENCE_CHARS, split_sentences
    from timeline.types import Article

    text = "x" * 10_001
    sentences = split_sentences(Article("run", "run.txt", text, [(0, len(text))]))
    assert [len(s.text) for s in sentences] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 2001]


def test_a_run_on_text_full_of_dates_is_built_in_bounded_sentences():
    # (its speed: docs/performance.md, "Session 16: never crash ... (audit79)"; tests do not time)
    from timeline.build import build_timeline
    from timeline.sentences import MAX_SENTENCE_CHARS
    from timeline.types import Article, Published

    text = " ".join([RUN_ON_PIECE] * 150)  # 9,449 characters: three sentences
    timeline = build_timeline(
        [Article("run", "run.txt", text, [(0, len(text))], published=Published("2022-02-15"))]
    )
    sentences = {m.sentence.start for e in timeline.events for m in e.mentions}
    assert len(sentences) == 3
    assert all(len(m.sentence.text) <= MAX_SENTENCE_CHARS for e in timeline.events for m in e.mentions)

"""The `timeline` command line: parse arguments, call the library, print.

Every command is a thin shell over plain library functions (`read_paths`,
`build_timeline`, `find_gaps`, `tag`, `render`), so anything the CLI does a
notebook can do too.  Errors the user can fix are `TimelineError`s: one line on
stderr and exit code 2; exit codes live in `timeline.errors`.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from timeline import __version__
from timeline.errors import (
    EXIT_GAPS,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    InputError,
    Interrupted,
    OutputError,
    TimelineError,
    UsageError,
)
from timeline.report import Reporter, error_line, one_line

app = typer.Typer(
    name="timeline",
    help=(
        "Turn news articles about one story into one merged, dated, sourced chronology.\n\n"
        "Examples:\n\n"
        "  timeline build seeds/                      # chronology in the terminal\n\n"
        "  timeline build seeds/ --format json | jq '.events[].date.value'\n\n"
        "  timeline check articles/ --max-gap 3d      # CI gate: exit 1 when there are gaps\n\n"
        "  timeline dates seeds/002_a96e2a5aaa83fd45.txt   # every time expression in one article"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class BuildFormat(str, Enum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"


class CheckFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    github = "github"


class DatesFormat(str, Enum):
    terminal = "terminal"
    json = "json"
    timeml = "timeml"


# Options shared by every command that reads articles (one definition, like a shared decorator).
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Article files, directories (read recursively), glob patterns, or - for standard input.",
        metavar="PATHS",
        show_default=False,
    ),
]
PublishedOption = Annotated[
    Optional[list[str]],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Option(
        "--published",
        metavar="ID=DATE",
        help="Publication date of the article with this id (its file stem), e.g. 003=2022-02-16. Repeatable.",
        show_default=False,
    ),
]
PublishedFromOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--published-from",
        metavar="FILE",
        help="CSV (id,date) or JSON ({id: date}) file of publication dates.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (atomically) instead of standard output.",
        show_default=False,
    ),
]
SinceOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--since",
        metavar="DATE",
        help="Only events on or after DATE (2022-02-01, 2022-02, 2022).",
        show_default=False,
    ),
]
UntilOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option("--until", metavar="DATE", help="Only events on or before DATE.", show_default=False),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings on stderr.")]
VerboseOption = Annotated[
    bool, typer.Option("--verbose", "-v", help="Every warning line (many are otherwise summarised).")
]
MaxArticleSizeOption = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--max-article-size",
        metavar="SIZE",
        help="Skip (with a warning) an article larger than SIZE characters: 50MB by default; "
        "e.g. 200MB, 500k, 1000000.",
        show_default=False,
    ),
]


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"timeline {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Turn news articles about one story into one merged, dated, sourced chronology."""


@app.command(
    epilog=(
        "Examples:  timeline build seeds/ · timeline build seeds/ --explain · "
        "timeline build 'news/**/*.json' --format json -o timeline.json · "
        "timeline build seeds/ --format markdown -o timeline.md · "
        "cat article.txt | timeline build - --published stdin=2022-02-16 · "
        "timeline build corpus/ --top 10 --since 2022-02"
    )
)
def build(
    paths: PathsArgument,
    output_format: Annotated[
        Optional[BuildFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="terminal (default), markdown, json, or jsonl (one event per line).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    published: PublishedOption = None,
    published_from: PublishedFromOption = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how each date was derived, step by step.")
    ] = False,
    top: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--top",
            metavar="N",
            min=1,
            help="Keep only the N most important dates (a summary).",
            show_default=False,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    max_article_size: MaxArticleSizeOption = None,
) -> None:
    """Build the merged chronology of the articles in PATHS."""
    from timeline.build import build_timeline
    from timeline.config import BuildOptions
    from timeline.render import render

    fmt = (output_format or BuildFormat.terminal).value
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _user_errors(reporter):
        articles = _read(paths, published, published_from, reporter, max_article_size)
        options = BuildOptions(
            since=_day(since, "--since", end=False), until=_day(until, "--until", end=True), top=top
        )
        if options.since and options.until and options.since > options.until:
            raise UsageError(f"--since {since} is after --until {until}; no event could match")
        with _progress(quiet, len(articles)) as progress:
            options.progress = progress
            timeline = build_timeline(articles, options)
        _collect(reporter, timeline)
        color = _use_color(output)
        text = render(timeline, fmt, color=color, width=_width(), explain=explain)
        _emit(text, output, articles)
        reporter.finish(len(timeline.documents))


@app.command(
    epilog=(
        "Examples:  timeline check articles/ · timeline check articles/ --max-gap 3d · "
        "timeline check articles/ --strict --format github · "
        "timeline check seeds/ --fail-on interval,undated-event --format json. "
        "Exit codes: 0 no failing gaps, 1 failing gaps found, 2 usage or input error. "
        "Defaults can be pinned in pyproject.toml under [tool.timeline] or in .timeline.toml."
    )
)
def check(
    paths: PathsArgument,
    max_gap: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--max-gap",
            metavar="DURATION",
            help="Longest allowed stretch without events, e.g. 3d, 2w, 1m.",
            show_default=False,
        ),
    ] = None,
    fail_on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--fail-on",
            metavar="KINDS",
            help="Comma-separated gap kinds that fail the check: undated-article, undated-event, "
            "interval, conflict, unresolved-expression, unreadable-article.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        Optional[bool],  # noqa: UP045
        typer.Option(
            "--strict/--no-strict",
            help="Also fail on conflicts and unresolved expressions.",
            show_default=False,
        ),
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    output_format: Annotated[
        Optional[CheckFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="terminal (default), json, or github (workflow annotations).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    published: PublishedOption = None,
    published_from: PublishedFromOption = None,
    config: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--config",
            metavar="FILE",
            help="Policy file (default: the nearest pyproject.toml [tool.timeline] or .timeline.toml).",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    max_article_size: MaxArticleSizeOption = None,
) -> None:
    """Check that the chronology of PATHS has no gaps (exit 1 if it has)."""
    from timeline.build import build_timeline
    from timeline.gaps import check_passed, find_gaps
    from timeline.policy import load_policy
    from timeline.render.check import render_check

    fmt = (output_format or CheckFormat.terminal).value
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _user_errors(reporter):
        overrides = _policy_overrides(max_gap, fail_on, strict, since, until)
        policy = load_policy(Path.cwd(), overrides, config_file=config)
        articles = _read(paths, published, published_from, reporter, max_article_size)
        with _progress(quiet, len(articles)) as progress:
            from timeline.config import BuildOptions

            timeline = build_timeline(articles, BuildOptions(progress=progress))
        _collect(reporter, timeline)
        gaps = find_gaps(timeline, policy)
        timeline.gaps = gaps
        text = render_check(timeline, gaps, fmt, color=_use_color(output), width=_width())
        _emit(text, output, articles)
        reporter.finish(len(timeline.documents))
    raise typer.Exit(EXIT_OK if check_passed(gaps) else EXIT_GAPS)


@app.command(
    epilog=(
        "Examples:  timeline dates seeds/002_a96e2a5aaa83fd45.txt · "
        "timeline dates article.txt --published 2022-02-16 --format json · "
        "timeline dates doc.tml --format timeml -o tagged.tml · "
        "timeline dates crawl.jsonl --id crawl:3"
    )
)
def dates(
    path: Annotated[
        str,
        typer.Argument(help="One article file, or - for standard input.", metavar="FILE", show_default=False),
    ],
    published: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--published",
            metavar="DATE",
            help="Publication date (overrides the file's own).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        Optional[DatesFormat],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            help="terminal (default), json, or timeml (TimeML with our TIMEX3 tags).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    article_id: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--id",
            metavar="ID",
            help="The article with this id, in a JSON or JSON Lines file holding many.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """List every time expression in one article: span, TIMEX3 value, and anchor."""
    from timeline.readers import parse_published_options, read_paths
    from timeline.readers.jsonfile import select_article
    from timeline.render import render_dates
    from timeline.temporal import tag

    fmt = (output_format or DatesFormat.terminal).value
    reporter = Reporter()
    with _user_errors(reporter):
        articles = read_paths([path], stdin=_stdin, warn=reporter.warn)
        reporter.flush()
        article = select_article(articles, article_id, "standard input" if path == "-" else repr(path))
        if published:
            try:
                value = parse_published_options([f"{article.id}={published}"])[article.id]
            except UsageError:
                raise UsageError(
                    f"--published {published!r} is not a date; use e.g. 2022-02-16, 2022-02 or 15 Feb 2022"
                ) from None
            from timeline.types import Published

            article.published = Published(value=value, source="option", evidence=f"--published {published}")
        expressions = tag(article.text, article.published.value, regions=article.body)
        if fmt == "timeml":
            text = _timeml(article, expressions, path)
        else:
            text = render_dates(article, expressions, fmt, color=_use_color(output), width=_width())
        _emit(text, output, articles)


# --- helpers: argument plumbing only -------------------------------------------------------------


def _read(
    paths: list[str],
    published: list[str] | None,
    published_from: Path | None,
    reporter: Reporter,
    max_article_size: str | None,
) -> list:
    from timeline.readers import MAX_ARTICLE_SIZE, load_published_file, parse_published_options, read_paths

    limit = _size(max_article_size, "--max-article-size") if max_article_size else MAX_ARTICLE_SIZE
    dates: dict[str, str] = {}
    if published_from is not None:
        dates.update(load_published_file(str(published_from)))
    dates.update(parse_published_options(published or []))
    skipped: list = []
    articles = read_paths(
        paths,
        published=dates,
        stdin=_stdin,
        warn=reporter.warn,
        skipped=skipped,
        max_article_size=limit,
    )
    reporter.skip(skipped)
    reporter.flush()  # the reading warnings now, before a long build
    return articles


def _stdin():
    """Standard input as bytes, or None when it is closed (``<&-``)."""
    return getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None


def _collect(reporter: Reporter, timeline) -> None:
    """The build's warnings and the inputs left out at reading and at building, in one place."""
    reporter.warn_all(timeline.warnings)
    reporter.skip(timeline.skipped)
    timeline.skipped = list(reporter.skipped)  # `check` reports every one as an unreadable-article gap


_SIZE = re.compile(r"(\d{1,15})\s*([kmg]?)b?", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


def _size(text: str, option: str) -> int:
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match[1]) == 0:
        raise UsageError(f"{option} {text[:40]!r}: expected a size like 50MB, 500k or 1000000")
    return int(match[1]) * _SIZE_UNITS[match[2].lower()]


def _timeml(article, expressions, path: str) -> str:
    from timeline.readers.encoding import decode_bytes
    from timeline.temporal.timeml import text_to_timeml, to_timeml

    try:
        if article.format == "timeml" and path != "-":
            return to_timeml(decode_bytes(Path(path).read_bytes(), path)[0], expressions)
        return text_to_timeml(article.text, article.published.value, expressions, article.id)
    except RecursionError:
        raise InputError(f"{path}: XML nested too deeply to write back as TimeML") from None


def _day(text: str | None, option: str, *, end: bool):
    """A --since/--until value as a day: the first (or last) day of the stretch it names."""
    if text is None:
        return None
    from timeline.temporal import parse_date_value
    from timeline.temporal.timex import value_to_date

    value = parse_date_value(text)
    span = value_to_date(value) if value else None
    if span is None:
        raise UsageError(f"{option} {text!r} is not a date; use e.g. 2022-02-14, 2022-02 or 2022")
    return span.end if end else span.start


def _policy_overrides(max_gap, fail_on, strict, since, until) -> dict:
    from timeline.config import GAP_KINDS

    overrides: dict = {}
    if max_gap is not None:
        overrides["max-gap"] = max_gap
    if fail_on is not None:
        kinds = [kind.strip() for kind in fail_on.split(",") if kind.strip()]
        unknown = [kind for kind in kinds if kind not in GAP_KINDS]
        if unknown:
            raise UsageError(
                f"--fail-on: unknown gap kind {unknown[0]!r}; choose from {', '.join(GAP_KINDS)}"
            )
        overrides["fail-on"] = kinds
    if strict is not None:
        overrides["strict"] = strict
    if since is not None:
        overrides["since"] = _day(since, "--since", end=False)
    if until is not None:
        overrides["until"] = _day(until, "--until", end=True)
    return overrides


def _emit(text: str, output: Path | None, articles: list) -> None:
    from timeline.output import writable_text, write_atomically

    text = text if text.endswith("\n") or not text else text + "\n"
    if output is not None:
        write_atomically(text, output, [a.path for a in articles])
        return
    if sys.stdout is None:
        raise OutputError("standard output is closed; write to a file with -o FILE")
    try:
        sys.stdout.write(writable_text(text))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()  # the reader (`head`, `true`) went away: normal use, not an error
    except OSError as error:
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that Python's final flush of what is still buffered
    neither fails again nor prints "Exception ignored" (the way the Python docs advise for SIGPIPE)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _use_color(output: Path | None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()


def _width() -> int:
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        columns = _columns_variable()
    return max(60, min(columns, 120))


def _columns_variable() -> int:
    """``COLUMNS`` when it is a whole number (``abc`` or ``80.5`` are ignored), else 100."""
    value = os.environ.get("COLUMNS", "").strip()
    return int(value) if value.isdigit() and len(value) <= 6 else 100


class _user_errors:
    """Turn a TimelineError into one line on stderr and its exit code: no traceback for the user.

    The warnings collected so far are printed first, so that the error is the last line."""

    def __init__(self, reporter: Reporter | None = None) -> None:
        self.reporter = reporter

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        if isinstance(error, TimelineError):
            if self.reporter is not None:
                self.reporter.flush()
            _say(error_line(error))
            raise typer.Exit(error.exit_code)
        return False


def _say(line: str) -> None:
    """One line on stderr, if there is a stderr to write to."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


class _progress:
    """A progress bar on stderr for long runs on a terminal; silent otherwise."""

    MIN_ARTICLES = 25

    def __init__(self, quiet: bool, total: int) -> None:
        terminal = sys.stderr is not None and sys.stderr.isatty()
        self.enabled = not quiet and total >= self.MIN_ARTICLES and terminal
        self._bar = None
        self._tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True)
        self._bar.start()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)

    def __exit__(self, *exc) -> bool:
        if self._bar is not None:
            self._bar.stop()
        return False


def _interrupt(signum, frame) -> None:
    raise Interrupted()


def main() -> None:
    """Console-script entry point: exit codes as documented in ``timeline.errors``."""
    with contextlib.suppress(ValueError):  # not the main thread (embedded): keep Python's default
        signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except (Interrupted, KeyboardInterrupt):
        _stop(EXIT_INTERRUPTED, "timeline: interrupted", at_once=True)
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error worth a word.
        _silence_stdout()
        _stop(EXIT_OK)
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        if os.environ.get("TIMELINE_DEBUG"):
            raise
        _stop(
            EXIT_INTERNAL,
            f"timeline: internal error: {type(error).__name__}: {one_line(str(error))[:300]} "
            "(a bug; rerun with TIMELINE_DEBUG=1 for the traceback and please report it)",
        )


def _stop(code: int, line: str | None = None, *, at_once: bool = False) -> None:
    """Exit with ``code`` after one line on stderr; a second Ctrl-C meanwhile changes nothing.

    ``at_once`` skips Python's exit handlers: after Ctrl-C, the process pool's handler could wait
    forever for a queue feeding workers that are gone.  Temporary files are already removed by
    then (``write_atomically`` cleans up as the interrupt passes through it)."""
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if line:
        _say(line)
    if at_once:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
    sys.exit(code)


__all__ = ["app", "main", "EXIT_USAGE"]

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
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer.core import TyperCommand

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

if TYPE_CHECKING:
    from timeline.config import BuildOptions

app = typer.Typer(
    name="timeline",
    help=(
        "Turn news articles about one story into one merged, dated, sourced chronology.\n\n"
        "\b\nExamples:\n"
        "  timeline build seeds/                        # chronology in the terminal\n"
        "  timeline build seeds/ --format html -o timeline.html\n"
        "  timeline build seeds/ --format json | jq '.events[].date.value'\n"
        "  timeline check articles/ --max-gap 3d        # CI gate: exit 1 when there are gaps\n"
        "  timeline dates seeds/002_a96e2a5aaa83fd45.txt   # every time expression in one article"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


BUILD_FORMATS = ("terminal", "markdown", "json", "jsonl", "timelinejs", "csv", "ics", "html")
CHECK_FORMATS = ("terminal", "json", "github")
DATES_FORMATS = ("terminal", "json", "timeml")
COLOR_CHOICES = ("auto", "always", "never")


def _plain_choices(choices: tuple[str, ...]) -> str:
    return f"{', '.join(choices[:-1])} or {choices[-1]}"


def _choice(option: str, choices: tuple[str, ...]):
    """A callback accepting one of ``choices``; anything else is a usage error naming them in plain words."""

    def check(value: str | None) -> str | None:
        if value is None or value in choices:
            return value
        raise typer.BadParameter(f"unknown {option} {value!r}; choose {_plain_choices(choices)}")

    return check


def _examples(*lines: str) -> str:
    """An epilog of examples, one per line as typed (``\\b`` keeps the formatter from rewrapping them)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


class _Command(TyperCommand):
    """Help as people read it: ``PATHS...`` in the usage line and the argument list, not ``{PATHS}...`` and
    ``PATHS <list[str]>`` (Python types mean nothing to a reader)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if getattr(param, "param_type_name", "") != "argument" or not param.metavar:
                continue
            shown = param.metavar + ("..." if param.nargs != 1 else "")
            param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
            param._usage_display_name = lambda shown=shown: shown  # type: ignore[attr-defined]
            param._rich_display_name = lambda shown=shown: shown  # type: ignore[attr-defined]


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
        help="Publication date of the article with this id (its file stem, or the start of it), "
        "e.g. 003_8abad7e98a5fd3f2=2022-02-16 or 003=2022-02-16. Repeatable.",
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
        help="Only events on or after DATE: 2022-02-01, 2022-02, 2022-W07, 2022 or 1 February 2022 "
        "(undated events are still listed, under Undated).",
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
ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        metavar="WHEN",
        help="Colour the terminal view: auto (on a terminal, unless NO_COLOR is set), always or never.",
        callback=_choice("--color", COLOR_CHOICES),
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
    cls=_Command,
    epilog=_examples(
        "timeline build seeds/",
        "timeline build seeds/ --explain",
        "timeline build seeds/ --format html -o timeline.html",
        "timeline build 'news/**/*.json' --format json -o timeline.json",
        "timeline build seeds/ --format csv -o timeline.csv",
        "timeline build seeds/ --format markdown -o timeline.md",
        "timeline build seeds/ --min-sources 2 --status reported",
        "timeline build seeds/ --published 003=2022-02-16",
        "cat article.txt | timeline build - --published stdin=2022-02-16",
        "timeline build corpus/ --top 10 --since 2022-02",
        "timeline build corpus/ --top 20 --sentences 2 --format markdown",
        "timeline build corpus/ --top 20 --quick",
    ),
)
def build(
    paths: PathsArgument,
    output_format: Annotated[
        Optional[str],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal (default), markdown, json, jsonl (one event per line), timelinejs (TimelineJS3 "
            "JSON), csv, ics (iCalendar) or html (one self-contained page).",
            show_default=False,
            callback=_choice("format", BUILD_FORMATS),
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
    sentences: Annotated[
        int,
        typer.Option(
            "--sentences",
            metavar="K",
            min=1,
            help="With --top: K sentences per date, central and not repeating each other (default 1).",
        ),
    ] = 1,
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="With --top: rank and summarise the dates from the articles' dates and sentences alone, "
            "without extracting and merging events: several times faster on large collections, a little "
            "less accurate, and each date's sources are its sentences' articles.",
        ),
    ] = False,
    since: SinceOption = None,
    until: UntilOption = None,
    min_sources: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option(
            "--min-sources",
            metavar="N",
            min=1,
            help="Only events reported by at least N sources (corroborated events).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--status",
            metavar="STATUSES",
            help="Only events of these statuses, comma-separated: reported, expected, background.",
            show_default=False,
        ),
    ] = None,
    source: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--source",
            metavar="ID",
            help="Only events citing this article (its id or the start of it) or outlet; repeatable.",
            show_default=False,
        ),
    ] = None,
    color: ColorOption = "auto",
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    max_article_size: MaxArticleSizeOption = None,
) -> None:
    """Build the merged chronology of the articles in PATHS."""
    from timeline.build import build_timeline
    from timeline.render import render_chunks

    fmt = output_format or "terminal"
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _user_errors(reporter):
        articles = _read(paths, published, published_from, reporter, max_article_size, output)
        options = _build_options(articles, since, until, top, min_sources, status, source)
        if sentences != 1 and top is None:
            raise UsageError("--sentences K summarises the dates of a summary timeline: add --top N")
        options.sentences = sentences
        options.quick = _quick(quick, options)
        with _progress(quiet, len(articles)) as progress:
            options.progress = progress
            timeline = build_timeline(articles, options)
        _collect(reporter, timeline)
        colored = _use_color(output, color)
        _emit(render_chunks(timeline, fmt, color=colored, width=_width(), explain=explain), output, articles)
        reporter.finish(len(timeline.documents))
        _leave_for_exit(timeline, articles)


@app.command(
    cls=_Command,
    epilog=_examples(
        "timeline check articles/",
        "timeline check articles/ --max-gap 3d",
        "timeline check articles/ --strict --format github",
        "timeline check seeds/ --fail-on interval,undated-event --format json",
    )
    + "\n\nExit codes: 0 no failing gaps, 1 failing gaps found, 2 usage or input error. "
    "Defaults can be pinned in pyproject.toml under [tool.timeline] or in .timeline.toml.",
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
            "interval, conflict, unresolved-expression.",
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
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal (default), json or github (workflow annotations).",
            show_default=False,
            callback=_choice("format", CHECK_FORMATS),
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
    color: ColorOption = "auto",
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    max_article_size: MaxArticleSizeOption = None,
) -> None:
    """Check that the chronology of PATHS has no gaps (exit 1 if it has)."""
    from timeline.build import build_timeline
    from timeline.gaps import check_passed, find_gaps
    from timeline.policy import load_policy
    from timeline.render.check import render_check

    fmt = output_format or "terminal"
    reporter = Reporter(quiet=quiet, verbose=verbose)
    with _user_errors(reporter):
        overrides = _policy_overrides(max_gap, fail_on, strict, since, until)
        policy = load_policy(Path.cwd(), overrides, config_file=config)
        articles = _read(paths, published, published_from, reporter, max_article_size, output)
        with _progress(quiet, len(articles)) as progress:
            from timeline.config import BuildOptions

            timeline = build_timeline(articles, BuildOptions(progress=progress))
        _collect(reporter, timeline)
        gaps = find_gaps(timeline, policy)
        timeline.gaps = gaps
        text = render_check(timeline, gaps, fmt, color=_use_color(output, color), width=_width())
        _emit(text, output, articles)
        reporter.finish(len(timeline.documents), checking=True)
        _leave_for_exit(timeline, articles)
    raise typer.Exit(EXIT_OK if check_passed(gaps) else EXIT_GAPS)


@app.command(
    cls=_Command,
    epilog=_examples(
        "timeline dates seeds/002_a96e2a5aaa83fd45.txt",
        "timeline dates article.txt --published 2022-02-16 --format json",
        "timeline dates doc.tml --format timeml -o tagged.tml",
        "timeline dates crawl.jsonl --id crawl:3",
    ),
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
        Optional[str],  # noqa: UP045
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="terminal (default), json or timeml (TimeML with our TIMEX3 tags).",
            show_default=False,
            callback=_choice("format", DATES_FORMATS),
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
    color: ColorOption = "auto",
) -> None:
    """List every time expression in one article: span, TIMEX3 value, and anchor."""
    from timeline.readers import parse_published_options, read_paths
    from timeline.readers.jsonfile import select_article
    from timeline.render import render_dates
    from timeline.temporal import tag

    fmt = output_format or "terminal"
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
            text = render_dates(article, expressions, fmt, color=_use_color(output, color), width=_width())
        _emit(text, output, articles)


# --- helpers: argument plumbing only -------------------------------------------------------------


def _read(
    paths: list[str],
    published: list[str] | None,
    published_from: Path | None,
    reporter: Reporter,
    max_article_size: str | None,
    output: Path | None = None,
) -> list:
    from timeline.readers import MAX_ARTICLE_SIZE, load_published_file, parse_published_options, read_paths

    if output is None and sys.stdout is None:  # say so now, not after a long build
        raise OutputError("standard output is closed; write to a file with -o FILE")

    limit = _size(max_article_size, "--max-article-size") if max_article_size else MAX_ARTICLE_SIZE
    dates: dict[str, str] = {}
    origins: dict[str, str] = {}
    if published_from is not None:
        try:
            from_file = load_published_file(str(published_from))
        except TimelineError as error:  # say which option the file came from, and the file
            message = str(error)
            if str(published_from) not in message:
                message = f"{published_from}: {message}"
            raise type(error)(f"--published-from {message}") from None
        dates.update(from_file)
        origins.update(dict.fromkeys(from_file, f"--published-from {published_from}"))
    for key in (options := parse_published_options(published or [])):
        origins.pop(key, None)  # an option given on the command line wins over the file
    dates.update(options)
    skipped: list = []
    articles = read_paths(
        paths,
        published=dates,
        stdin=_stdin,
        warn=reporter.warn,
        published_origins=origins,
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


def _quick(quick: bool, options: BuildOptions) -> bool:
    """``--quick``, checked: it builds a summary without events, so it needs --top and no event filter."""
    if quick and options.top is None:
        raise UsageError("--quick builds a summary timeline quickly: add --top N")
    filters = (options.min_sources, options.statuses, options.sources)
    if quick and any(value is not None for value in filters):
        raise UsageError("--quick builds no events for --min-sources, --status or --source to filter")
    return quick


def _build_options(articles, since, until, top, min_sources, status, source):
    """BuildOptions from the command line's selection options, each checked with a message in plain words."""
    from timeline.config import BuildOptions
    from timeline.types import EVENT_STATUSES

    options = BuildOptions(
        since=_day(since, "--since", end=False), until=_day(until, "--until", end=True), top=top
    )
    if options.since and options.until and options.since > options.until:
        raise UsageError(f"--since {since} is after --until {until}; no event could match")
    options.min_sources = min_sources
    if status is not None:
        wanted = [word.strip() for word in status.split(",") if word.strip()]
        unknown = [word for word in wanted if word not in EVENT_STATUSES]
        if unknown or not wanted:
            choices = ", ".join(EVENT_STATUSES)
            raise UsageError(f"--status: unknown status {(unknown or [status])[0]!r}; choose from {choices}")
        options.statuses = set(wanted)
    if source:
        options.sources = {doc_id for key in source for doc_id in _article_ids(articles, key)}
    return options


def _article_ids(articles: list, key: str) -> set[str]:
    """The articles a ``--source`` value names: an id or file name, an outlet's name (all its articles), or
    the start of exactly one id."""
    for article in articles:
        if key in (article.id, Path(article.path).name):
            return {article.id}
    outlet = {
        article.id for article in articles if article.source and article.source.casefold() == key.casefold()
    }
    if outlet:
        return outlet
    matches = [article.id for article in articles if article.id.startswith(key)]
    if len(matches) == 1:
        return set(matches)
    if matches:
        raise UsageError(
            f"--source {key}: {len(matches)} articles have ids starting with it; give more of the id"
        )
    ids = ", ".join(article.id for article in articles[:10]) + (" ..." if len(articles) > 10 else "")
    raise UsageError(f"--source {key}: no article has this id or outlet (ids: {ids})")


def _timeml(article, expressions, path: str) -> str:
    from timeline.readers.encoding import decode_bytes
    from timeline.temporal.timeml import text_to_timeml, to_timeml

    try:
        if article.format == "timeml" and path != "-":
            return to_timeml(decode_bytes(Path(path).read_bytes(), path)[0], expressions)
        return text_to_timeml(article.text, article.published.value, expressions, article.id)
    except RecursionError:
        raise InputError(f"{path}: XML nested too deeply to write back as TimeML") from None


_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?|-W\d{2}|-Q[1-4])?")


def _day(text: str | None, option: str, *, end: bool):
    """A --since/--until value as a day: the first (or last) day of the stretch it names.

    Only calendar dates are accepted (``2022-02-14``, ``2022-02``, ``2022-W07``, ``2022``, ``14 February
    2022``): a word like "yesterday" would silently depend on the day the command runs, so it is refused
    with the date it would have meant.
    """
    if text is None:
        return None
    from timeline.temporal.timex import value_to_date

    value = _calendar_value(text.strip())
    span = value_to_date(value) if value else None
    if span is None:
        raise UsageError(_not_a_date(text, option))
    return span.end if end else span.start


def _calendar_value(text: str) -> str | None:
    """The TIMEX3 value of a calendar date written in full (ISO or words), or None."""
    if _CALENDAR_VALUE.fullmatch(text):
        return text
    from timeline.temporal import tag

    found = [e for e in tag(text) if e.type == "DATE" and e.anchor == "absolute" and e.value]
    if len(found) == 1 and found[0].text.strip(" .,") == text.strip(" .,"):
        return found[0].value
    return None


def _not_a_date(text: str, option: str) -> str:
    from timeline.temporal import parse_date_value

    message = f"{option} {text!r} is not a calendar date; use e.g. 2022-02-14, 2022-02, 2022-W07 or 2022"
    relative = parse_date_value(text)  # a relative phrase the date parser reads against today
    if relative:
        message += f" ({text!r} would mean {relative} today: write that date if you mean it)"
    return message


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


def _emit(text: str | Iterable[str], output: Path | None, articles: list) -> None:
    """Write the result (a string, or pieces of one: a large JSON document is written event by event)."""
    from timeline.output import ending_with_newline, writable_text, write_atomically

    chunks = ending_with_newline([text] if isinstance(text, str) else text)
    if output is not None:
        write_atomically(chunks, output, [a.path for a in articles])
        return
    if sys.stdout is None:
        raise OutputError("standard output is closed; write to a file with -o FILE")
    try:
        for chunk in chunks:
            sys.stdout.write(writable_text(chunk))
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


def _use_color(output: Path | None, when: str = "auto") -> bool:
    """``--color``: always, never, or auto: only for a terminal, never when NO_COLOR is set
    (https://no-color.org), and forced by FORCE_COLOR."""
    if when != "auto":
        return when == "always"
    if output is not None or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout is not None and sys.stdout.isatty()


UNWRAPPED = 100_000  # the width piped text is laid out at: one event a line, whatever its length


def _width() -> int:
    """``COLUMNS`` when set, else the terminal's width; piped text is not wrapped at all (grep-able)."""
    columns = os.environ.get("COLUMNS", "").strip()  # "abc" or "80.5" are not a width: ignored
    if columns.isdigit() and len(columns) <= 6 and int(columns) > 0:
        return min(max(40, int(columns)), UNWRAPPED)
    try:
        return max(40, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError, AttributeError):
        return UNWRAPPED


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
    """A progress bar on stderr for long runs on a terminal; silent otherwise.

    It is redrawn as the build reports progress, not by a thread of its own: the build's worker pools
    fork only a process without other threads (a thread may hold a lock that a forked worker would then
    wait on forever), and otherwise start their workers through a server process, which costs a user on
    a terminal the workers' imports again and the copies found beside the reading."""

    MIN_ARTICLES = 25
    REDRAW_SECONDS = 0.1  # at most this often (inference reports every article)

    def __init__(self, quiet: bool, total: int) -> None:
        terminal = sys.stderr is not None and sys.stderr.isatty()
        self.enabled = not quiet and total >= self.MIN_ARTICLES and terminal
        self._bar = None
        self._tasks: dict[str, int] = {}
        self._drawn = 0.0

    def __enter__(self):
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import Progress

        self._bar = Progress(console=Console(stderr=True), transient=True, auto_refresh=False)
        self._bar.start()
        return self.update

    def update(self, stage: str, done: int, total: int) -> None:
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done, total=total)
        now = time.monotonic()
        if now - self._drawn >= self.REDRAW_SECONDS or done == total:
            self._bar.refresh()
            self._drawn = now

    def __exit__(self, *exc) -> bool:
        if self._bar is not None:
            self._bar.stop()
        return False


def _interrupt(signum, frame) -> None:
    raise Interrupted()


# What the commands of the console script (``main``) built, left for the process's exit to free; None
# when the commands run inside another program (tests, a library caller), which keeps nothing.
_LEFT_FOR_EXIT: list[object] | None = None


def _leave_for_exit(*results: object) -> None:
    """Keep a command's results alive until the console script exits, which then ends the process
    without freeing them object by object: a large build's millions of objects take long to free (about
    a tenth of the wall time of a 1,000-article build, seconds for 20,000), and the operating system
    takes the memory back at once (``main``)."""
    if _LEFT_FOR_EXIT is not None:
        _LEFT_FOR_EXIT.extend(results)


def main() -> None:
    """Console-script entry point: exit codes as documented in ``timeline.errors``."""
    global _LEFT_FOR_EXIT
    _LEFT_FOR_EXIT = []
    with contextlib.suppress(ValueError):  # not the main thread (embedded): keep Python's default
        signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except SystemExit as done:
        if _LEFT_FOR_EXIT and (done.code is None or isinstance(done.code, int)):
            # a command finished (its output written and closed): end without freeing what it built;
            # Python's exit handlers have nothing left to do (the worker pools are shut down)
            _stop(done.code or EXIT_OK, at_once=True)
        raise
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

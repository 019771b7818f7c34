"""The one place where problems become lines on stderr.

- An error the user can fix (``TimelineError``) is one line: what, where, what to do; exit code 2.
- A problem with one input among many (a file that cannot be read, a record without text, an
  article whose processing failed) is a *warning* naming it; the rest is processed.
- At the end, one summary line says how many inputs were skipped, so a long run never hides it.

Many warnings are summarised: the first few, then the count of each kind (``-v``/``--verbose``
shows every line).  The library never prints: it hands messages to a ``warn`` callback (readers)
or returns them in ``Timeline.warnings`` and ``Timeline.skipped`` (build); the CLI passes them all
through a ``Reporter``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from timeline.types import Skipped

# Up to this many warnings are all shown; above it, the first SHOWN and a count per kind.
SHOW_ALL_UP_TO = 10
SHOWN = 5

# Warning kinds, recognised from the wording the readers and the build use (first match wins).
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("article-failed", re.compile(r"could not be processed")),
    ("too-large", re.compile(r"larger than the limit|too large")),
    ("not-a-regular-file", re.compile(r"not a regular file")),
    ("skipped-input", re.compile(r"\bskipping\b")),
    ("encoding", re.compile(r"not UTF-8|decoded as")),
    ("publication-date", re.compile(r"publication date|--published")),
    ("copy", re.compile(r"repeats (?:most of )?the text")),
    ("duplicate-id", re.compile(r"already has the id")),
)


def warning_kind(message: str) -> str:
    """The kind of a warning line, for the summary's counts."""
    for kind, pattern in _KINDS:
        if pattern.search(message):
            return kind
    return "other"


class Reporter:
    """Collects warnings during a run and prints them (all, or a summary) on ``stream``."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self._stream = stream
        self.warnings: list[str] = []
        self.skipped: list[Skipped] = []

    # -- collecting

    def warn(self, message: str) -> None:
        """Record one warning (the ``warn`` callback handed to the readers)."""
        if message not in self.warnings[-1:]:
            self.warnings.append(message)

    def warn_all(self, messages: Iterable[str]) -> None:
        for message in messages:
            self.warn(message)

    def skip(self, skipped: Iterable[Skipped]) -> None:
        """Record inputs that were left out of the result (each is also a warning already)."""
        self.skipped.extend(skipped)

    # -- printing

    def flush(self) -> None:
        """Print the warnings collected so far: every line, or the first few and the counts by kind."""
        if self.quiet or not self.warnings:
            self.warnings.clear()
            return
        everything = self.verbose or len(self.warnings) <= SHOW_ALL_UP_TO
        shown = self.warnings if everything else self.warnings[:SHOWN]
        for message in shown:
            self._print(f"timeline: warning: {message}")
        if len(shown) < len(self.warnings):
            counts = Counter(warning_kind(message) for message in self.warnings)
            by_kind = ", ".join(f"{kind} {count}" for kind, count in counts.most_common())
            self._print(
                f"timeline: {len(self.warnings)} warnings ({by_kind}); the first {len(shown)} shown above, "
                "rerun with -v for all"
            )
        self.warnings.clear()

    def finish(self, articles_used: int, *, checking: bool = False) -> None:
        """Print the remaining warnings and, when inputs were skipped, one summary line."""
        self.flush()
        if self.quiet or not self.skipped:
            return
        total = articles_used + len(self.skipped)
        where = "unreadable-article gaps above" if checking else "`timeline check` reports them as gaps"
        self._print(
            f"timeline: finished with {articles_used} of {total} articles; {len(self.skipped)} skipped "
            f"(see the warnings; {where})"
        )

    def _print(self, line: str) -> None:
        stream = self._stream or sys.stderr
        if stream is None:  # stderr closed: nowhere to say it
            return
        try:
            stream.write(line + "\n")
            stream.flush()
        except (OSError, ValueError):
            pass  # a closed or full stderr must not turn a finished run into a crash


def summarised(messages: list[str], verbose: bool = False) -> list[str]:
    """The warning lines a report shows: every one when there are few (or ``verbose``), else the first
    ``SHOWN`` and one line counting them all by kind."""
    if verbose or len(messages) <= SHOW_ALL_UP_TO:
        return list(messages)
    counts = Counter(warning_kind(message) for message in messages)
    by_kind = ", ".join(f"{kind} {count}" for kind, count in counts.most_common())
    total = f"{len(messages)} warnings in all ({by_kind}); timeline build -v lists them on stderr"
    return [*messages[:SHOWN], total]


def error_line(error: BaseException) -> str:
    """The one line an error the user can fix is shown as."""
    return f"timeline: error: {one_line(str(error))}"


def one_line(text: str) -> str:
    """``text`` on one line: control characters (a newline in a file name) shown escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")

"""Exit codes and the errors that map to them, in one place.

The CLI turns a ``TimelineError`` into one line on stderr and its exit code;
nothing else in the library prints or exits.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_GAPS = 1  # `timeline check` found failing gaps
EXIT_USAGE = 2  # bad option, missing path, no readable article ...
EXIT_INTERNAL = 3  # a bug in timeline itself: one line, and the traceback only with TIMELINE_DEBUG=1
EXIT_INTERRUPTED = 130  # stopped by Ctrl-C (SIGINT), as shells report it: 128 + 2

# A run that finished but left some inputs out (an unreadable file among many, an article whose
# processing failed) exits EXIT_OK from `build` (each is a warning, and a summary line counts them)
# and EXIT_GAPS from `check`, which reports each as an `unreadable-article` gap.


class TimelineError(Exception):
    """An error the user can fix; its message is one line naming what and where."""

    exit_code = EXIT_USAGE


class UsageError(TimelineError):
    """A bad option value or combination."""


class InputError(TimelineError):
    """A path or an article that cannot be read."""


class OutputError(TimelineError):
    """The result cannot be written (a full disk, a closed standard output, a directory not writable)."""


class Interrupted(BaseException):
    """Ctrl-C.  A BaseException like KeyboardInterrupt, but not one: the command-line framework turns
    KeyboardInterrupt into "Aborted!" and exit 1, while this one reaches ``cli.main`` (exit 130)."""

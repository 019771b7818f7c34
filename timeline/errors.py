"""Exit codes and the errors that map to them, in one place.

The CLI turns a ``TimelineError`` into one line on stderr and its exit code;
nothing else in the library prints or exits.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_GAPS = 1  # `timeline check` found failing gaps
EXIT_USAGE = 2  # bad option, missing path, no readable article ...
EXIT_INTERNAL = 3  # a bug in timeline itself: one line, and the traceback only with TIMELINE_DEBUG=1


class TimelineError(Exception):
    """An error the user can fix; its message is one line naming what and where."""

    exit_code = EXIT_USAGE


class UsageError(TimelineError):
    """A bad option value or combination."""


class InputError(TimelineError):
    """A path or an article that cannot be read."""

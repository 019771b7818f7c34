"""Writing results: atomically, and never over an input file.

Text is written as UTF-8 whatever it holds: a lone surrogate (from a file name that is not valid
UTF-8, or an escaped one in a JSON field) becomes U+FFFD, one character for one.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline.errors import OutputError, UsageError

_SURROGATE = re.compile("[\ud800-\udfff]")


def writable_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so that it encodes as UTF-8."""
    if text.isascii():  # known without reading the text
        return text
    try:  # a surrogate is what UTF-8 cannot encode: the encoder finds none 5-10x faster than the pattern
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def ending_with_newline(chunks: Iterable[str]) -> Iterator[str]:
    """``chunks``, then a newline if there was text and it did not end with one (a text file's last line)."""
    last = ""
    for chunk in chunks:
        if chunk:
            last = chunk
            yield chunk
    if last and not last.endswith("\n"):
        yield "\n"


def write_atomically(
    text: str | Iterable[str], destination: str | Path, inputs: list[str | Path] = ()
) -> None:
    """Write ``text`` (a string, or pieces of one written as they come) to ``destination`` via a
    temporary file and a rename.

    A reader of ``destination`` sees the old file or the whole new one, never
    half of it; and an output path that is one of the input files is refused,
    so a typo cannot destroy an article.  A destination that exists and is not
    a regular file (``/dev/stdout``, a pipe, a terminal) is written directly:
    there is nothing to rename over.
    """
    target = Path(destination)
    name = repr(writable_text(str(destination)))
    if not str(destination).strip():
        raise UsageError("--output is empty; give a file name")
    if target.is_dir():
        raise UsageError(f"--output {name} is a directory; give a file name")
    if _is_special(target):
        _write_directly(text, target, name)
        return
    resolved = Path(os.path.realpath(target))  # never raises on a link loop, unlike Path.resolve
    for item in inputs:
        if item != "-" and os.path.exists(item) and os.path.realpath(item) == str(resolved):
            raise UsageError(f"--output {name} is one of the input files; refusing to overwrite it")
    directory = resolved.parent
    if not directory.is_dir():
        raise UsageError(f"--output {name}: directory {str(directory)!r} does not exist")
    try:
        _replace(text, resolved, directory)
    except OSError as error:
        raise OutputError(f"cannot write --output {name}: {error.strerror or error}") from None


def _write_pieces(stream, text: str | Iterable[str]) -> None:
    for piece in [text] if isinstance(text, str) else text:
        stream.write(writable_text(piece))


def _replace(text: str | Iterable[str], resolved: Path, directory: Path) -> None:
    mode = _mode_for(resolved)
    handle, temp_path = tempfile.mkstemp(prefix=f".{resolved.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            _write_pieces(stream, text)
        os.chmod(temp_path, mode)  # mkstemp makes it private (0600); the result should not be
        os.replace(temp_path, resolved)
    except BaseException:
        Path(temp_path).unlink(missing_ok=True)
        raise


def _is_special(target: Path) -> bool:
    """Whether ``target`` exists and is not a regular file (a device, a pipe, ``/dev/stdout``).

    ``/dev/stdout`` redirected to a file is special too: renaming over the file would cut the
    shell's own redirection (``>>`` appends) off from what is written."""
    if os.path.abspath(target).startswith(("/dev/", "/proc/")):
        return os.path.exists(target)
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except (OSError, ValueError):
        return False


def _write_directly(text: str | Iterable[str], target: Path, name: str) -> None:
    try:
        with open(target, "w", encoding="utf-8", newline="") as stream:
            _write_pieces(stream, text)
    except OSError as error:
        raise OutputError(f"cannot write --output {name}: {error.strerror or error}") from None


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets what the umask allows, as `>` would give."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

"""Writing results: atomically, and never over an input file."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from timeline.errors import UsageError


def write_atomically(text: str, destination: str | Path, inputs: list[str | Path] = ()) -> None:
    """Write ``text`` to ``destination`` via a temporary file and a rename.

    A reader of ``destination`` sees the old file or the whole new one, never
    half of it; and an output path that is one of the input files is refused,
    so a typo cannot destroy an article.
    """
    target = Path(destination)
    if target.exists() and target.is_dir():
        raise UsageError(f"--output {str(destination)!r} is a directory; give a file name")
    resolved = target.resolve()
    for item in inputs:
        if item != "-" and Path(item).exists() and Path(item).resolve() == resolved:
            raise UsageError(
                f"--output {str(destination)!r} is one of the input files; refusing to overwrite it"
            )
    directory = resolved.parent
    if not directory.is_dir():
        raise UsageError(f"--output {str(destination)!r}: directory {str(directory)!r} does not exist")
    mode = _mode_for(resolved)
    handle, temp_path = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        os.chmod(temp_path, mode)  # mkstemp makes it private (0600); the result should not be
        os.replace(temp_path, resolved)
    except BaseException:
        Path(temp_path).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """An existing file keeps its permissions; a new one gets what the umask allows, as `>` would give."""
    if path.exists():
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask

"""Turning command-line paths into the list of inputs to read.

A path may be a file, a directory (walked recursively in sorted order,
skipping hidden files and directories, keeping known extensions and
extension-less files that look like text), a glob pattern (expanded with
``glob.glob(recursive=True)``, sorted) or ``-`` for standard input.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path

from timeline.errors import InputError
from timeline.readers.encoding import looks_binary

STDIN = "-"

# Extension -> format; ".xml" is read as TimeML when its root element says so.
EXTENSION_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".tml": "timeml",
    ".xml": "xml",
}
_GLOB_CHARACTERS = frozenset("*?[")


def expand_paths(paths: list[str]) -> list[Path | str]:
    """Every input to read, in order, each once: ``Path`` objects and possibly ``STDIN``."""
    inputs: list[Path | str] = []
    for raw in paths:
        if raw == STDIN:
            inputs.append(STDIN)
        else:
            inputs.extend(_expand_one(raw))
    return _unique(inputs)


def _expand_one(raw: str) -> list[Path]:
    path = Path(raw).expanduser()
    if path.is_dir():
        files = walk_directory(path)
        if not files:
            known = " ".join(sorted(EXTENSION_FORMATS))
            raise InputError(f"no articles in directory {raw!r} (expected files ending in {known})")
        return files
    if path.exists():
        return [path]
    if _GLOB_CHARACTERS & set(raw):
        return _expand_glob(raw)
    raise InputError(f"no such file or directory: {raw!r} (give a file, a directory or a glob)")


def _expand_glob(pattern: str) -> list[Path]:
    files: list[Path] = []
    for match in sorted(glob.glob(os.path.expanduser(pattern), recursive=True)):
        path = Path(match)
        files.extend(walk_directory(path) if path.is_dir() else [path] if path.is_file() else [])
    if not files:
        raise InputError(f"no files match {pattern!r} (check the pattern, or give a file or a directory)")
    return files


def walk_directory(directory: Path) -> list[Path]:
    """Readable-looking files under ``directory``, recursively, sorted, hidden ones skipped."""
    found: list[Path] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            path = Path(root, name)
            if not name.startswith(".") and _wanted(path):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(directory).parts)


def _wanted(path: Path) -> bool:
    suffix = path.suffix.lower()
    if suffix in EXTENSION_FORMATS:
        return True
    if suffix:
        return False  # .pdf, .png, .py ...: not ours
    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    return bool(head.strip()) and not looks_binary(head)


def _unique(inputs: list[Path | str]) -> list[Path | str]:
    seen: set[str] = set()
    unique: list[Path | str] = []
    for item in inputs:
        key = item if item == STDIN else str(Path(item).resolve())
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique

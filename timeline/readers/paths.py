"""Turning command-line paths into the list of inputs to read.

A path may be a file, a directory (walked recursively in sorted order,
skipping hidden files and directories and project files such as README or
LICENSE, keeping known extensions and extension-less files that look like
text), a glob pattern (expanded with ``glob.glob(recursive=True)``, sorted)
or ``-`` for standard input.  A file named on the command line, or matched by
a glob, is always read: only the directory walk filters by name.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
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

# Stems (lower case) of the files a project or a corpus keeps next to its articles: README.md, LICENSE,
# Makefile ...  Only these names are skipped by a directory walk, never a whole extension: .md files are
# articles too.  Words a story's file could be named after (news, history) are deliberately absent.
PROJECT_FILE_STEMS = frozenset(
    {
        "readme",
        "license",
        "licence",
        "copying",
        "notice",
        "authors",
        "contributors",
        "changelog",
        "changes",
        "contributing",
        "code_of_conduct",
        "citation",
        "makefile",
        "dockerfile",
    }
)


def expand_paths(paths: list[str], warn: Callable[[str], None] | None = None) -> list[Path | str]:
    """Every input to read, in order, each once: ``Path`` objects and possibly ``STDIN``.

    ``warn``, when given, hears one line per walked directory in which project files were skipped.
    """
    inputs: list[Path | str] = []
    for raw in paths:
        if raw == STDIN:
            inputs.append(STDIN)
        else:
            inputs.extend(_expand_one(raw, warn))
    return _unique(inputs)


def is_project_file(name: str) -> bool:
    """Whether ``name`` is a project or documentation file (README.md, LICENSE, Makefile), not an article."""
    return Path(name).stem.lower() in PROJECT_FILE_STEMS


def _expand_one(raw: str, warn: Callable[[str], None] | None) -> list[Path]:
    path = Path(raw).expanduser()
    if path.is_dir():
        return _walk_reporting(path, raw, warn)
    if path.exists():
        return [path]
    if _GLOB_CHARACTERS & set(raw):
        return _expand_glob(raw, warn)
    raise InputError(f"no such file or directory: {raw!r} (give a file, a directory or a glob)")


def _walk_reporting(
    directory: Path, raw: str, warn: Callable[[str], None] | None, *, must_find: bool = True
) -> list[Path]:
    """The directory's articles; skipped project files are named in the error or the warning."""
    skipped: list[Path] = []
    files = walk_directory(directory, skipped)
    names = ", ".join(str(p.relative_to(directory)) for p in skipped[:5]) + (
        " ..." if len(skipped) > 5 else ""
    )
    if not files and must_find:
        known = " ".join(sorted(EXTENSION_FORMATS))
        ignored = f"; skipped project files {names}, name one to read it" if skipped else ""
        raise InputError(f"no articles in directory {raw!r} (expected files ending in {known}{ignored})")
    if skipped and warn is not None:
        warn(f"skipping {len(skipped)} project file(s) in {raw}: {names} (name a file to read it anyway)")
    return files


def _expand_glob(pattern: str, warn: Callable[[str], None] | None) -> list[Path]:
    files: list[Path] = []
    for match in sorted(glob.glob(os.path.expanduser(pattern), recursive=True)):
        path = Path(match)
        if path.is_dir():
            files.extend(_walk_reporting(path, match, warn, must_find=False))  # one empty match is fine
        elif path.is_file():
            files.append(path)  # matched by the user's own pattern: read, like a named file
    if not files:
        raise InputError(f"no files match {pattern!r} (check the pattern, or give a file or a directory)")
    return files


def walk_directory(directory: Path, skipped: list[Path] | None = None) -> list[Path]:
    """Readable-looking files under ``directory``, recursively, sorted; hidden and project files skipped.

    Project files left out (README.md, LICENSE ...) are appended to ``skipped`` when it is given.
    """
    found: list[Path] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            path = Path(root, name)
            if name.startswith("."):
                continue
            if is_project_file(name):
                if skipped is not None and _wanted(path):  # only those we would have read are news
                    skipped.append(path)
                continue
            if _wanted(path):
                found.append(path)
    if skipped is not None:
        skipped.sort(key=lambda p: p.relative_to(directory).parts)
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

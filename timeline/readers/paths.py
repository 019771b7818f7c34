"""Turning command-line paths into the list of inputs to read.

A path may be a file, a directory (walked recursively in sorted order,
skipping hidden files and directories and project files such as README or
LICENSE, keeping known extensions and extension-less files that look like
text), a glob pattern (``**`` for any depth; sorted) or ``-`` for standard
input.  A file named on the command line, or matched by a glob, is always
read: only the directory walk filters by name.

Only regular files are read: a named pipe, a device or a socket would block or
never end, so a walk leaves them out with a warning, and one named on the
command line is skipped with a warning (``read_article`` says why).  Neither a
walk nor a ``**`` glob follows a symbolic link to a directory, so a link loop
cannot make them run forever.
"""

from __future__ import annotations

import os
import stat
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
    if not raw.strip():
        raise InputError("an empty path was given; name a file, a directory (. for this one) or a glob")
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
    special: list[Path] = []
    files = walk_directory(directory, skipped, special)
    if special and warn is not None:
        warn(_special_files_message(directory, raw, special))
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


def _special_files_message(directory: Path, raw: str, special: list[Path]) -> str:
    names = ", ".join(f"{p.relative_to(directory)} ({file_kind(p)})" for p in special[:5])
    more = " ..." if len(special) > 5 else ""
    return f"skipping {len(special)} file(s) in {raw} that are not regular files: {names}{more}"


def file_kind(path: Path) -> str:
    """What a path that is not a regular file is, in words."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return f"cannot be read: {error.strerror or error}"
    kinds = (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a directory"),
    )
    return next((word for test, word in kinds if test(mode)), "not a regular file")


def is_regular_file(path: Path) -> bool:
    """Whether ``path`` is (a link to) a regular file; never blocks, never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _glob(pattern: str) -> list[Path]:
    """The paths matching ``pattern``, sorted; hidden names only when the pattern spells them out.

    pathlib's ``**`` does not follow symbolic links to directories (``glob.glob`` does, and a link
    loop makes it run for minutes).
    """
    parts = Path(os.path.expanduser(pattern)).parts
    literal = next((n for n, part in enumerate(parts) if _GLOB_CHARACTERS & set(part)), len(parts))
    root = Path(*parts[:literal]) if literal else Path(".")
    rest = parts[literal:]
    if not rest:
        return [root] if root.exists() else []
    try:
        matches = list(root.glob(str(Path(*rest))))
    except (OSError, ValueError, RuntimeError):  # an unreadable directory, an invalid pattern
        return []
    visible = [m for m in matches if not _hidden_beyond_pattern(m.relative_to(root).parts, rest)]
    return sorted(visible, key=str)


def _hidden_beyond_pattern(parts: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether a match has a hidden name the pattern did not ask for (as ``glob.glob`` leaves out)."""
    asked = any(part.startswith(".") for part in pattern)
    return not asked and any(part.startswith(".") for part in parts)


def _expand_glob(pattern: str, warn: Callable[[str], None] | None) -> list[Path]:
    files: list[Path] = []
    for path in _glob(pattern):
        if path.is_dir():
            files.extend(_walk_reporting(path, str(path), warn, must_find=False))  # one empty match is fine
        elif path.is_file():
            files.append(path)  # matched by the user's own pattern: read, like a named file
    if not files:
        raise InputError(f"no files match {pattern!r} (check the pattern, or give a file or a directory)")
    return files


def walk_directory(
    directory: Path, skipped: list[Path] | None = None, special: list[Path] | None = None
) -> list[Path]:
    """Readable-looking files under ``directory``, recursively, sorted; hidden and project files skipped.

    Project files left out (README.md, LICENSE ...) are appended to ``skipped`` when it is given, and
    files that are not regular files (pipes, devices, sockets, broken links) to ``special``.
    """
    found: list[Path] = []
    for root, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in sorted(filenames):
            path = Path(root, name)
            if name.startswith("."):
                continue
            if not is_regular_file(path):
                if special is not None and os.path.exists(path):
                    special.append(path)  # a dangling or looping link is not news; a pipe or device is
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
        key = item if item == STDIN else os.path.realpath(item)  # never raises on a link loop
        if key not in seen:
            seen.add(key)
            unique.append(item)
    return unique

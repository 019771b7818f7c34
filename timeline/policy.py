"""The `timeline check` policy: from a policy file and command-line overrides.

A repository pins its policy in ``pyproject.toml``::

    [tool.timeline]
    max-gap = "3d"                       # longest allowed stretch without events
    fail-on = ["undated-article", "undated-event", "interval"]
    strict = true                        # also fail on conflicts and unresolved expressions
    since = "2022-02-01"                 # the period checked for interval gaps
    until = "2022-03-31"

or in a ``.timeline.toml`` holding the same keys at top level.  The nearest
file wins, found by walking up from ``start_dir`` (the CLI passes the current
directory) or named by ``--config``; the walk stops at
a directory holding ``.git`` (the repository root) or at the filesystem root.
In one directory ``.timeline.toml`` wins over ``pyproject.toml``; a
``pyproject.toml`` without a ``[tool.timeline]`` table is skipped.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from timeline.config import GAP_KINDS, CheckPolicy
from timeline.errors import UsageError
from timeline.temporal.timex import value_to_date

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

POLICY_FILE = ".timeline.toml"
PYPROJECT = "pyproject.toml"
POLICY_KEYS = ("max-gap", "fail-on", "strict", "since", "until")

# Days per unit.  A month counts as 30 days and a year as 365: a gap limit
# needs a fixed length, not a calendar month that depends on where it starts.
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30, "y": 365}
_UNIT_WORDS = {"day": "d", "week": "w", "month": "m", "year": "y"}
_DURATION = re.compile(r"(\d+)\s*([a-z]*)")
# The longest gap that means anything: the whole calendar Python can count (years 1 to 9999).
MAX_GAP_DAYS = (date.max - date.min).days


def parse_duration(text: str) -> int:
    """A gap length in days: ``"3d"`` -> 3, ``"2w"`` -> 14, ``"1m"`` -> 30, ``"1y"`` -> 365.

    A bare number counts days; units may be spelled out (``"2 weeks"``).
    Anything else raises ``UsageError``.
    """
    raw = str(text).strip().lower()
    match = _DURATION.fullmatch(raw) if len(raw) <= 40 else None
    unit = _unit(match[2]) if match else None
    if match is None or unit is None:
        shown = repr(text) if len(str(text)) <= 40 else f"{str(text)[:20]!r}... ({len(str(text))} characters)"
        raise UsageError(
            f"invalid duration {shown}: expected a number of days, weeks, months or years, "
            'like "3d", "2w", "1m" (30 days) or "1y" (365 days)'
        )
    return _within_calendar(int(match[1]) * _UNIT_DAYS[unit], text)


def _within_calendar(days: int, text: object) -> int:
    if days > MAX_GAP_DAYS:
        raise UsageError(
            f"duration {str(text)[:40]!r} is longer than the calendar ({MAX_GAP_DAYS:,} days); "
            'give a real limit, like "3d" or "2w"'
        )
    return days


def _unit(word: str) -> str | None:
    if not word:
        return "d"
    if word in _UNIT_DAYS:
        return word
    return _UNIT_WORDS.get(word.removesuffix("s"))


def load_policy(
    start_dir: Path, overrides: dict[str, Any], *, config_file: Path | None = None
) -> CheckPolicy:
    """The check policy for ``start_dir``: its policy file, then ``overrides`` on top.

    ``config_file`` (``--config``) names the policy file instead of searching:
    its ``[tool.timeline]`` table if it has one, else its top-level keys.

    ``overrides`` holds command-line values under the file's key names
    (``max-gap``, ``fail-on``, ``strict``, ``since``, ``until``; ``_`` works for
    ``-``, and ``max_gap_days`` takes days).  ``None`` means "not given".
    Values may be raw strings as typed (``"3d"``, ``"interval,conflict"``,
    ``"2022-02"``) or already parsed (days as int, ``date``, a set of kinds).
    Unknown keys and bad values raise ``UsageError`` naming the file and key.
    """
    policy = CheckPolicy()
    found = read_policy_file(Path(config_file)) if config_file else find_policy_file(Path(start_dir))
    if found is not None:
        path, table, where = found
        _apply(policy, table, lambda key: f"{where}: {key}", where)
        policy.source = str(path)
    given = {key: value for key, value in overrides.items() if value is not None}
    _apply(policy, _normalise_override_keys(given), lambda key: f"--{key}", "command line")
    if policy.since and policy.until and policy.since > policy.until:
        raise UsageError(f"since ({policy.since}) is after until ({policy.until})")
    return policy


# A found policy: the file, its policy table, and how to name it in messages.
PolicyFile = tuple[Path, dict[str, Any], str]


def find_policy_file(start_dir: Path) -> PolicyFile | None:
    """The nearest policy file at or above ``start_dir`` (see the module docstring)."""
    directory = start_dir.resolve()
    if not directory.is_dir():
        directory = directory.parent
    while True:
        dedicated = directory / POLICY_FILE
        if dedicated.exists() and not dedicated.is_file():
            raise UsageError(f"{dedicated}: the policy file is not a regular file (a directory?); remove it")
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated), str(dedicated)
        pyproject = directory / PYPROJECT
        if pyproject.is_file():
            table = _tool_table(pyproject, _read_toml(pyproject))
            if table is not None:
                return pyproject, table, f"{pyproject} [tool.timeline]"
        if (directory / ".git").exists() or directory.parent == directory:
            return None
        directory = directory.parent


def read_policy_file(path: Path) -> PolicyFile:
    """A policy file named by the user: its ``[tool.timeline]`` table if it has one, else its top level."""
    if not path.is_file():
        raise UsageError(f"--config: no such policy file: {path}")
    data = _read_toml(path)
    table = _tool_table(path, data)
    if table is not None:
        return path, table, f"{path} [tool.timeline]"
    if path.name == PYPROJECT:
        raise UsageError(f"{path}: no [tool.timeline] table")
    return path, data, str(path)


def _tool_table(path: Path, data: dict[str, Any]) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("timeline") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise UsageError(f"{path}: [tool.timeline] must be a table")
    return table


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > _MAX_POLICY_BYTES:
            raise UsageError(f"{path}: larger than 1 MB; not a policy file")
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{path}: cannot read policy: {getattr(error, 'strerror', None) or error}") from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UsageError(f"{path}: cannot read policy: not a TOML text file (binary or not UTF-8)") from None


_MAX_POLICY_BYTES = 1_000_000


def _normalise_override_keys(overrides: dict[str, Any]) -> dict[str, Any]:
    normalised: dict[str, Any] = {}
    for key, value in overrides.items():
        key = key.replace("_", "-")
        if key == "max-gap-days":  # already in days, as in CheckPolicy
            key, value = "max-gap", _days_value(value)
        normalised[key] = value
    return normalised


def _days_value(value: Any) -> Any:
    return f"{value}d" if isinstance(value, int) and not isinstance(value, bool) else value


def _apply(policy: CheckPolicy, table: dict[str, Any], name: Callable[[str], str], where: str) -> None:
    """Set ``policy`` fields from ``table``; ``name(key)`` says where a bad value came from."""
    for key, value in table.items():
        if key not in POLICY_KEYS:
            known = ", ".join(POLICY_KEYS)
            raise UsageError(f"{where}: unknown key {key!r} (known keys: {known})")
        try:
            _set(policy, key, value)
        except UsageError as error:
            raise UsageError(f"{name(key)}: {error}") from None


def _set(policy: CheckPolicy, key: str, value: Any) -> None:
    if key == "max-gap":
        policy.max_gap_days = _parse_max_gap(value)
    elif key == "fail-on":
        policy.fail_on = _parse_kinds(value)
    elif key == "strict":
        policy.strict = _parse_bool(value)
    elif key == "since":
        policy.since = _parse_day(value, first=True)
    elif key == "until":
        policy.until = _parse_day(value, first=False)


def _parse_max_gap(value: Any) -> int:
    if isinstance(value, bool):
        raise UsageError(f'expected a duration like "3d", got {value!r}')
    if isinstance(value, int):  # a bare TOML integer counts days
        if value < 0:
            raise UsageError(f"a gap length cannot be negative, got {value}")
        return _within_calendar(value, value)
    if isinstance(value, str):
        return parse_duration(value)
    raise UsageError(f'expected a duration like "3d", got {value!r}')


def _parse_kinds(value: Any) -> set[str]:
    if isinstance(value, str):  # command line: "interval,conflict"; "" or "none" fails on nothing
        items = [] if value.strip().lower() == "none" else value.split(",")
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
    else:
        raise UsageError(f"expected a list of gap kinds, got {value!r}")
    kinds = {str(item).strip() for item in items if str(item).strip()}
    unknown = sorted(kinds - set(GAP_KINDS))
    if unknown:
        raise UsageError(f"unknown gap kind {unknown[0]!r} (kinds: {', '.join(GAP_KINDS)})")
    return kinds


def _parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "false", "no", "0"):
        return value.strip().lower() in ("true", "yes", "1")
    raise UsageError(f"expected true or false, got {value!r}")


def _parse_day(value: Any, *, first: bool) -> date:
    """A calendar day; a coarser value like ``"2022-02"`` means its first (since) or last (until) day."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    span = value_to_date(value.strip()) if isinstance(value, str) else None
    if span is None:
        raise UsageError(f'expected a date like "2022-02-01" (or "2022-02", "2022"), got {value!r}')
    return span.start if first else span.end

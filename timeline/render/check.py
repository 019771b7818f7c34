"""Reports for `timeline check`: terminal (rich), JSON (the build document plus a verdict), GitHub.

Every renderer returns text without a trailing newline; the CLI prints it.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from io import StringIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline.config import GAP_KINDS
from timeline.errors import UsageError
from timeline.render.common import shorten
from timeline.types import Gap, Timeline

CHECK_FORMATS = ("terminal", "json", "github")
MESSAGE_LIMIT = 240  # characters of a gap's message shown in the terminal (its quotations are whole)
FAIL_MARK, WARN_MARK = "✗", "!"


def render_check(
    timeline: Timeline, gaps: list[Gap], fmt: str, *, color: bool = False, width: int = 100
) -> str:
    """The check report for ``gaps`` found in ``timeline``, as ``fmt`` (terminal | json | github)."""
    if fmt == "terminal":
        return render_terminal(timeline, gaps, color=color, width=width)
    if fmt == "json":
        return render_json(timeline, gaps)
    if fmt == "github":
        return render_github(timeline, gaps)
    raise UsageError(f"unknown check format {fmt!r} (formats: {', '.join(CHECK_FORMATS)})")


def verdict(timeline: Timeline, gaps: list[Gap]) -> str:
    """One line: ``PASS: 4 articles, 9 events, no failing gaps (1 warning)`` or ``FAIL: 3 failing gaps``."""
    failing = [gap for gap in gaps if gap.failing]
    warnings = len(gaps) - len(failing)
    warning_note = f" ({_plural(warnings, 'warning')})" if warnings else ""
    if not failing:
        counts = f"{_plural(len(timeline.documents), 'article')}, {_plural(len(timeline.events), 'event')}"
        return f"PASS: {counts}, no failing gaps{warning_note}"
    by_kind = Counter(gap.kind for gap in failing)
    most_first = sorted(_kinds_in_order(by_kind), key=lambda kind: -by_kind[kind])  # stable: ties keep order
    kinds = ", ".join(f"{kind} {by_kind[kind]}" for kind in most_first)
    tail = f", {_plural(warnings, 'warning')}" if warnings else ""
    return f"FAIL: {_plural(len(failing), 'failing gap')} ({kinds}){tail}"


# -- terminal ----------------------------------------------------------------------------------------


def render_terminal(timeline: Timeline, gaps: list[Gap], *, color: bool = False, width: int = 100) -> str:
    """Gaps grouped by kind, one line each (wrapped under itself), then the verdict."""
    console = Console(
        file=StringIO(),
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
    )
    by_kind: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_kind.setdefault(gap.kind, []).append(gap)
    for kind in _kinds_in_order(by_kind):
        console.print(_heading(kind, by_kind[kind]))
        console.print(_gap_table(by_kind[kind]))
        console.print()
    passed = not any(gap.failing for gap in gaps)
    # The verdict stays on one line whatever the width: CI logs and scripts grep for it.
    console.print(Text(verdict(timeline, gaps), style="bold green" if passed else "bold red"), soft_wrap=True)
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in output.splitlines()).rstrip("\n")


def _heading(kind: str, gaps: list[Gap]) -> Text:
    failing = sum(1 for gap in gaps if gap.failing)
    warnings = len(gaps) - failing
    parts = ([f"{failing} failing"] if failing else []) + ([_plural(warnings, "warning")] if warnings else [])
    return Text.assemble((kind, "bold"), f" ({', '.join(parts)})")


def _gap_table(gaps: list[Gap]) -> Table:
    """Marker column, then location and message wrapping in their own column (a hanging indent)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(width=3, justify="right", no_wrap=True)
    table.add_column(overflow="fold")
    for gap in gaps:
        mark = Text(FAIL_MARK, style="bold red") if gap.failing else Text(WARN_MARK, style="bold yellow")
        line = Text()
        location = _location(gap)
        if location:
            line.append(location, style="cyan")
            line.append("  ")
        line.append(shorten(gap.message, MESSAGE_LIMIT))  # the JSON output keeps the whole message
        table.add_row(mark, line)
    return table


def _location(gap: Gap) -> str:
    if gap.path is None:
        return ""
    return f"{gap.path}:{gap.line}" if gap.line is not None else gap.path


# -- JSON --------------------------------------------------------------------------------------------


def render_json(timeline: Timeline, gaps: list[Gap]) -> str:
    """The ``timeline build --format json`` document with these gaps and a ``check`` verdict."""
    from timeline.render import dumps, to_dict  # lazy: the render package imports its renderers

    # Build from a copy holding these gaps, so the document's own summary counts agree with "gaps".
    document = to_dict(dataclasses.replace(timeline, gaps=list(gaps)))
    failing = sum(1 for gap in gaps if gap.failing)
    document["check"] = {"passed": failing == 0, "failing": failing}
    return dumps(document)


# -- GitHub workflow commands ------------------------------------------------------------------------


def render_github(timeline: Timeline, gaps: list[Gap]) -> str:
    """One ``::error`` (failing) or ``::warning`` command per gap, then the plain verdict."""
    lines = [_github_command(gap) for gap in gaps]
    lines.append(verdict(timeline, gaps))
    return "\n".join(lines)


def _github_command(gap: Gap) -> str:
    properties = []
    if gap.path is not None:
        properties.append(f"file={_escape_property(_repository_path(gap.path))}")
        if gap.line is not None:
            properties.append(f"line={gap.line}")
    properties.append(f"title={_escape_property(f'timeline {gap.kind}')}")
    command = "error" if gap.failing else "warning"
    return f"::{command} {','.join(properties)}::{_escape_data(gap.message)}"


def _repository_path(path: str) -> str:
    """GitHub attaches annotations to paths relative to the checkout: relativise absolute ones inside it."""
    if not os.path.isabs(path):
        return path.replace(os.sep, "/")
    root = os.environ.get("GITHUB_WORKSPACE") or os.getcwd()
    relative = os.path.relpath(path, root)
    return path if relative.startswith("..") else relative.replace(os.sep, "/")


def _escape_data(text: str) -> str:
    """GitHub's escaping for a command's message: ``%``, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """GitHub's escaping for a property value: as for data, plus ``:`` and ``,``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# -- helpers -----------------------------------------------------------------------------------------


def _kinds_in_order(kinds: Counter | dict) -> list[str]:
    """Known kinds in their documented order, then any others alphabetically."""
    return [kind for kind in GAP_KINDS if kind in kinds] + sorted(set(kinds) - set(GAP_KINDS))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"

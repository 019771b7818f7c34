"""A first run without surprises: what the README's plain install gives, and what a hint tells to run."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [
        re.split(r"[<>=;\[ ]", requirement, maxsplit=1)[0].lower() for requirement in project["dependencies"]
    ]


def test_html_pages_are_read_after_the_plain_install():
    # `pip install .` must bring what reading a saved web page needs: no extra to know about
    assert {"trafilatura", "htmldate", "lxml_html_clean", "icalendar"} <= set(_dependencies())


def test_documents_name_no_html_extra():
    for doc in ("README.md", "docs/cli.md"):
        assert "[html]" not in (ROOT / doc).read_text(encoding="utf-8"), doc


def test_the_html_and_calendar_libraries_are_imported_only_when_needed():
    # start-up stays fast: the command line and a build of plain text never import them
    code = (
        "import sys; from timeline.cli import app; from timeline.readers import read_paths; "
        f"read_paths([{str(ROOT / 'seeds')!r}]); "
        "print(sorted(m for m in ('trafilatura', 'htmldate', 'icalendar', 'lxml') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"

"""The documentation stays true: every command and option is documented, every stage module exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ["build", "check", "dates"]


def options_of(command: str) -> set[str]:
    help_text = CliRunner().invoke(app, [command, "--help"]).output
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", help_text)) - {"--help"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_and_option_is_in_the_cli_reference(command):
    reference = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert f"## `timeline {command}`" in reference
    section = reference.split(f"## `timeline {command}`", 1)[1].split("\n## ", 1)[0]
    missing = sorted(option for option in options_of(command) if f"`{option}" not in section)
    assert not missing, f"docs/cli.md does not document {missing} for `timeline {command}`"


def test_architecture_names_only_modules_that_exist():
    architecture = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for module in re.findall(r"`(timeline/[\w/]+(?:\.py|/))`", architecture):
        assert (ROOT / module).exists(), f"docs/architecture.md names {module}, which does not exist"


def test_readme_commands_are_the_ones_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install . && timeline build seeds/" in readme
    assert "pip install '.[test]' && pytest" in readme
    assert "pip install '.[test]' && pytest" in ci

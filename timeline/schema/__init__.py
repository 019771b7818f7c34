"""The JSON Schemas (draft 2020-12) of timeline's JSON outputs, shipped as package data.

``timeline.schema.json`` describes ``timeline --format json`` (and, through ``#/$defs/event``, each line of
``--format jsonl``); ``dates.schema.json`` describes ``timeline dates --format json``.
"""

from __future__ import annotations

import json
from importlib import resources

SCHEMA_NAMES = ("timeline", "dates")


def load_schema(name: str) -> dict:
    """The schema called ``name`` (``"timeline"`` or ``"dates"``; ``".schema.json"`` may be included)."""
    stem = name.removesuffix(".json").removesuffix(".schema")
    if stem not in SCHEMA_NAMES:
        raise ValueError(f"unknown schema {name!r}; choose one of: {', '.join(SCHEMA_NAMES)}")
    text = resources.files(__package__).joinpath(f"{stem}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def definition_schema(name: str, definition: str) -> dict:
    """A standalone schema for one ``$defs`` entry, e.g. ``("timeline", "event")`` for a JSONL line."""
    schema = load_schema(name)
    return {
        "$schema": schema["$schema"],
        "$defs": schema["$defs"],
        "$ref": f"#/$defs/{definition}",
    }

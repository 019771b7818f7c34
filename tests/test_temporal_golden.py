"""Golden cases for the date engine, one JSON file per case in tests/data/cases/.

Each case: ``text``, ``published`` (TIMEX3 value or null), ``expected`` expressions (exact text,
type, value, optionally ``mod``/``anchor``/``anchor_text``) and ``must_not_fire`` strings that no
expression may overlap.  ``skip_first_line`` tags only the text after the first line (a header).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline.temporal import tag

CASES = sorted((Path(__file__).parent / "data" / "cases").glob("*.json"))


def _regions(case: dict) -> list[tuple[int, int]] | None:
    if case.get("skip_first_line"):
        return [(case["text"].index("\n") + 1, len(case["text"]))]
    return None


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden_case(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    text = case["text"]
    found = tag(text, case["published"], _regions(case))
    by_text = {e.text: e for e in found}
    for want in case["expected"]:
        assert want["text"] in by_text, f"missing {want['text']!r}; found {[e.text for e in found]}"
        got = by_text[want["text"]]
        for key in ("type", "value", "mod", "anchor", "anchor_text"):
            if key in want:
                assert getattr(got, key) == want[key], f"{want['text']!r}: {key} {getattr(got, key)!r}"
    for phrase in case["must_not_fire"]:
        for occurrence in re.finditer(re.escape(phrase), text):
            hits = [e for e in found if e.start < occurrence.end() and occurrence.start() < e.end]
            assert not hits, f"{phrase!r} was tagged as {[(e.text, e.value) for e in hits]}"


def test_there_are_cases() -> None:
    assert len(CASES) >= 30

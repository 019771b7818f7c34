"""The CI gate's bound checking (benchmarks/ci_gate.py): a figure more than a point under its floor fails."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "ci_gate", Path(__file__).parents[1] / "benchmarks" / "ci_gate.py"
)
ci_gate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(ci_gate)


def test_a_figure_within_one_point_of_its_floor_passes():
    assert ci_gate.check({"f1": 0.805}, {"f1": {"floor": 0.815}}) == []


def test_a_figure_more_than_one_point_below_its_floor_fails_and_is_named():
    problems = ci_gate.check({"f1": 0.80}, {"f1": {"floor": 0.815}})
    assert len(problems) == 1 and problems[0].startswith("f1 = 0.8000")


def test_a_ceiling_is_exceeded_by_any_rise():
    assert ci_gate.check({"failures": 1.0}, {"failures": {"ceiling": 0}}) != []
    assert ci_gate.check({"failures": 0.0}, {"failures": {"ceiling": 0}}) == []


def test_a_pinned_figure_that_no_gate_produced_fails():
    assert ci_gate.check({}, {"recall": {"floor": 0.5}}) == [
        "recall: pinned in floors.json but no gate produced it"
    ]


def test_every_pinned_figure_names_a_bound():
    for name, bound in ci_gate.load_floors().items():
        assert "floor" in bound or "ceiling" in bound, name

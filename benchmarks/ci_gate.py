"""The CI accuracy gate: one benchmark pass, every floor.

    python benchmarks/ci_gate.py ../shared/eval            # run every gate, compare with floors.json
    python benchmarks/ci_gate.py ../shared/eval --json     # the figures only, as JSON
    python benchmarks/ci_gate.py ../shared/eval --only tbaq_timex

Each gate is a benchmark script of this directory exposing ``gate_figures(eval_dir) -> dict[str, float]``;
the figures are compared with ``floors.json``, where each figure has a pinned ``floor`` (accuracy: fail when
the figure drops more than ``tolerance`` below it) or ``ceiling`` (failures, seconds: fail when it rises above
it). The
tolerance is one point (0.01) unless the entry says otherwise. This is the way trafilatura gates its releases:
accuracy floors over saved real-world inputs, checked on every change.

Exit status: 0 every figure within its bound, 1 a figure out of bounds (each is named), 2 the evaluation data
is missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (gate name, script in this directory). Each script's gate_figures(eval_dir) returns named figures.
GATES: tuple[tuple[str, str], ...] = (
    ("tbaq_timex", "score_timeml.py"),
    ("aquaint_merge", "score_merge.py"),
    ("tbaq_event_dating", "score_event_dates.py"),
    ("entities_tls", "score_tls.py"),
    ("smoke", "smoke_build.py"),
)

DEFAULT_TOLERANCE = 0.01


def load_gate(script: str) -> Callable[[Path], dict[str, float]]:
    spec = importlib.util.spec_from_file_location(f"gate_{Path(script).stem}", HERE / script)
    if spec is None or spec.loader is None:
        raise SystemExit(f"ci_gate: cannot load {script}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look the module up by name
    spec.loader.exec_module(module)
    return module.gate_figures


def load_floors(path: Path = HERE / "floors.json") -> dict[str, dict[str, float]]:
    return json.loads(path.read_text(encoding="utf-8"))["figures"]


def check(figures: dict[str, float], floors: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure out of its bound, or pinned but not produced."""
    problems: list[str] = []
    for name, bound in floors.items():
        if name not in figures:
            problems.append(f"{name}: pinned in floors.json but no gate produced it")
            continue
        value = figures[name]
        tolerance = bound.get("tolerance", DEFAULT_TOLERANCE)
        if "floor" in bound and value < bound["floor"] - tolerance:
            problems.append(f"{name} = {value:.4f}, below its floor {bound['floor']:.4f} - {tolerance}")
        if "ceiling" in bound and value > bound["ceiling"]:
            problems.append(f"{name} = {value:.4f}, above its ceiling {bound['ceiling']:.4f}")
    return problems


def run(eval_dir: Path, only: set[str] | None = None) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, script in GATES:
        if only and name not in only:
            continue
        started = time.perf_counter()
        produced = load_gate(script)(eval_dir)
        seconds = time.perf_counter() - started
        print(f"ci_gate: {name} ({script}) {seconds:.1f} s", file=sys.stderr)
        figures.update(produced)
    return figures


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("eval_dir", type=Path, help="the shared evaluation data (holds tbaq/ and entities/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON, check nothing")
    parser.add_argument("--only", help="comma-separated gate names to run")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    if not (arguments.eval_dir / "tbaq").is_dir():
        print(f"ci_gate: no evaluation data at {arguments.eval_dir} (expected tbaq/ inside)", file=sys.stderr)
        return 2
    only = set(arguments.only.split(",")) if arguments.only else None
    figures = run(arguments.eval_dir, only)
    if arguments.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
        return 0
    floors = load_floors()
    if only:
        floors = {name: bound for name, bound in floors.items() if name in figures}
    for name in sorted(figures):
        bound = floors.get(name, {})
        pinned = (
            f"floor {bound['floor']:.4f}"
            if "floor" in bound
            else f"ceiling {bound['ceiling']:.4f}"
            if "ceiling" in bound
            else "not pinned"
        )
        print(f"{name:<40} {figures[name]:>10.4f}   {pinned}")
    problems = check(figures, floors)
    for problem in problems:
        print(f"ci_gate: FAIL {problem}", file=sys.stderr)
    print("ci_gate: " + ("failed" if problems else "every figure within its bound"), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""Check that a speed change leaves the build's output unchanged (issue 13's behaviour-preserving rule).

    python benchmarks/same_output.py build OUT_DIR [--source CHECKOUT] [--quick] [--array N] [--eval DIR]
    python benchmarks/same_output.py compare BEFORE_DIR AFTER_DIR

``build`` writes one JSON build per case into OUT_DIR: the seeds, the Entities topics ``Phil_Spector``,
``Hu_Jintao`` (also with ``--top 10 --sentences 2``) and ``Sarah_Palin``, and the TimeML AQUAINT directory
(``--quick`` leaves out ``Sarah_Palin``; ``--array N`` adds ``bench_scale``'s generated array of N records,
the templated input where sentences repeat and the tables of sentences read once matter most).
``--source`` builds with another checkout (e.g. one made with ``git archive COMMIT | tar -x -C DIR``)
instead of the installed package: it runs ``python -S`` with PYTHONPATH set to the checkout and this
interpreter's site-packages, so the editable install does not take precedence.  ``compare`` reports every
case whose JSON differs, ignoring ``generator``; the input paths are the same in both builds (absolute), so
the documents' paths compare equal.

The evaluation data are read at run time from ``../shared/eval`` (beside the clone), or from ``--eval DIR``
(from a worktree, which has no ``../shared``); none is stored.
"""

from __future__ import annotations

import argparse
import json
import os
import site
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = (ROOT / ".." / "shared" / "eval").resolve()


def cases(evaluation: Path) -> dict[str, list[str]]:
    """Each case's ``timeline build`` arguments, the evaluation data read from ``evaluation``."""
    entities = evaluation / "entities"
    return {
        "seeds": [str(ROOT / "seeds")],
        "Phil_Spector": [str(entities / "Phil_Spector" / "articles.jsonl")],
        "Hu_Jintao": [str(entities / "Hu_Jintao" / "articles.jsonl")],
        "Hu_Jintao_top": [str(entities / "Hu_Jintao" / "articles.jsonl"), "--top", "10", "--sentences", "2"],
        "AQUAINT": [str(evaluation / "tbaq" / "AQUAINT")],
        "Sarah_Palin": [str(entities / "Sarah_Palin" / "articles.jsonl")],
    }


QUICK_SKIPS = {"Sarah_Palin"}


def build(
    out_dir: Path, source: Path | None, quick: bool, array: int | None = None, evaluation: Path = EVAL
) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    arguments_of = cases(evaluation.resolve())
    if array:
        arguments_of[f"array{array}"] = [str(_array_file(array, evaluation.resolve() / "entities"))]
    python = [sys.executable]
    env = dict(os.environ)
    if source is not None:
        python.append("-S")
        env["PYTHONPATH"] = os.pathsep.join([str(source.resolve()), *site.getsitepackages()])
    for name, arguments in arguments_of.items():
        if quick and name in QUICK_SKIPS:
            continue
        output = out_dir / f"{name}.json"
        command = [*python, "-m", "timeline", "build", *arguments, "--format", "json", "-o", str(output)]
        command.append("-q")
        # run inside the checkout that builds: ``-m`` puts the working directory first on the path, so from
        # this clone the other checkout's package would never be imported
        completed = subprocess.run(command, env=env, cwd=source.resolve() if source is not None else ROOT)
        print(f"{name}: exit {completed.returncode}", flush=True)
    return 0


def _array_file(records: int, entities: Path) -> Path:
    """``bench_scale``'s generated JSON array of ``records`` records (seeded: the same file for the same
    number), written where ``bench_build_topics.py --array`` writes it."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_build_topics import ARRAY, topic_path

    return topic_path(entities, f"{ARRAY}{records}")


def _comparable(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("generator", None)
    return data


def _first_difference(before, after, where: str = "") -> str:
    """Where two JSON values first differ (a readable pointer for the report)."""
    if type(before) is not type(after):
        return f"{where}: {type(before).__name__} vs {type(after).__name__}"
    if isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            if before.get(key) != after.get(key):
                return _first_difference(before.get(key), after.get(key), f"{where}/{key}")
    elif isinstance(before, list):
        if len(before) != len(after):
            return f"{where}: {len(before)} vs {len(after)} items"
        for index, (one, other) in enumerate(zip(before, after, strict=True)):
            if one != other:
                return _first_difference(one, other, f"{where}/{index}")
    return f"{where}: {str(before)[:200]!r} vs {str(after)[:200]!r}"


def compare(before_dir: Path, after_dir: Path) -> int:
    differing = 0
    for before in sorted(before_dir.glob("*.json")):
        after = after_dir / before.name
        if not after.exists():
            print(f"{before.stem}: missing in {after_dir}")
            differing += 1
            continue
        one, other = _comparable(before), _comparable(after)
        if one == other:
            print(f"{before.stem}: identical ({len(one.get('events', []))} events)")
        else:
            differing += 1
            print(f"{before.stem}: DIFFERS at {_first_difference(one, other)}")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build")
    building.add_argument("out_dir", type=Path)
    building.add_argument("--source", type=Path, help="a checkout to build with instead of the installed one")
    building.add_argument("--quick", action="store_true", help="leave out the largest topic")
    building.add_argument(
        "--array", type=int, metavar="N", help="also bench_scale's generated JSON array of N records"
    )
    building.add_argument(
        "--eval", type=Path, default=EVAL, metavar="DIR", help="the evaluation data (default: ../shared/eval)"
    )
    comparing = commands.add_parser("compare")
    comparing.add_argument("before_dir", type=Path)
    comparing.add_argument("after_dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(args.out_dir, args.source, args.quick, args.array, args.eval)
    return compare(args.before_dir, args.after_dir)


if __name__ == "__main__":
    sys.exit(main())

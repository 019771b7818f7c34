"""benchmarks/partition_diff.py on two hand-made builds (the expected pairs worked out by hand)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "partition_diff.py"


def load():
    spec = importlib.util.spec_from_file_location("partition_diff", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["partition_diff"] = module
    spec.loader.exec_module(module)
    return module


pd = load()


def mention(document: str, start: int, text: str) -> dict:
    return {"document": document, "start": start, "text": text}


RULED = mention("a", 0, "The Acme board ruled on Monday.")
DECISION = mention("b", 10, "Its decision came on Monday.")
VOWED = mention("a", 40, "Minister Rahn vowed to appeal.")
OFFERED = mention("c", 5, "The board offered three options.")

# before: {ruled, vowed} (one article: no cross pair), {decision, offered} -> cross pairs: (b, c)
BEFORE = {"events": [{"mentions": [RULED, VOWED]}, {"mentions": [DECISION, OFFERED]}]}
# after: {ruled, decision}, {vowed}, {offered} -> cross pairs: (a0, b10)
AFTER = {"events": [{"mentions": [RULED, DECISION]}, {"mentions": [VOWED]}, {"mentions": [OFFERED]}]}


def test_joined_and_separated_pairs_are_those_of_two_articles():
    joined, separated, texts = pd.compare(BEFORE, AFTER)
    assert joined == [(("a", 0), ("b", 10))]
    assert separated == [(("b", 10), ("c", 5))]  # the one-article pair (ruled, vowed) is never counted
    assert texts[("c", 5)] == OFFERED["text"]


def test_the_same_partition_changes_nothing():
    joined, separated, _ = pd.compare(BEFORE, json.loads(json.dumps(BEFORE)))
    assert joined == [] and separated == []


def test_command_line_prints_counts_and_pairs(tmp_path, capsys):
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps(BEFORE), encoding="utf-8")
    after.write_text(json.dumps(AFTER), encoding="utf-8")
    assert pd.main([str(before), str(after), "--list", "5"]) == 0
    out = capsys.readouterr().out
    assert "1 joined, 1 separated" in out
    assert "JOIN a:0" in out and "SPLIT b:10" in out

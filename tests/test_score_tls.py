"""The summarisation scorer's study helpers (benchmarks/score_tls.py): the honesty check's halves and what a
returned day that is no reference date is."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "score_tls", Path(__file__).parents[1] / "benchmarks" / "score_tls.py"
)
score_tls = importlib.util.module_from_spec(_SPEC)
sys.modules.setdefault("score_tls", score_tls)  # its dataclasses look their module up
_SPEC.loader.exec_module(score_tls)


def _score(topic: str, number: int = 1):
    rouge = {m: {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for m in ("rouge_1", "rouge_2")}
    return score_tls.Score(topic, number, 4, 4, 0.5, 0.5, rouge, 0.0)


def test_halves_split_the_topics_alphabetically_the_first_half_taking_the_odd_one():
    scores = [_score(t) for t in ("Norland", "Acme", "Rahn", "Borland", "Acme")]  # Acme has two timelines
    scores[-1].timeline = 2
    parts = score_tls.halves(scores)
    assert sorted({s.topic for s in parts["first half"]}) == ["Acme", "Borland"]
    assert len(parts["first half"]) == 3  # both of Acme's timelines stay together
    assert sorted({s.topic for s in parts["second half"]}) == ["Norland", "Rahn"]


def test_a_wrong_day_is_told_apart_by_its_distance_to_the_reference_dates():
    references = {date(2021, 3, 3), date(2022, 6, 1)}
    returned = {date(2021, 3, 3), date(2021, 3, 4)}
    assert score_tls._gap_kind(date(2021, 3, 4), returned, references).endswith("also returned")
    assert score_tls._gap_kind(date(2022, 6, 3), returned, references).endswith("not returned")
    assert score_tls._gap_kind(date(2022, 3, 3), returned, references).startswith("a reference date's month")
    assert score_tls._gap_kind(date(2021, 3, 20), returned, references).startswith("4-31 days")
    assert score_tls._gap_kind(date(2021, 9, 1), returned, references) == "further"

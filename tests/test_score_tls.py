"""The summarisation scorer's study helpers (benchmarks/score_tls.py): the honesty check's halves and what a
returned day that is no reference date is; the second split; the study's agreement count."""

from __future__ import annotations

import importlib.util
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

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


def test_the_second_split_takes_the_topics_in_turn_keeping_a_topics_timelines_together():
    scores = [_score(t) for t in ("Rahn", "Acme", "Norland", "Borland", "Acme")]
    scores[-1].timeline = 2
    parts = score_tls.alternates(scores)
    assert sorted({s.topic for s in parts["odd topics"]}) == ["Acme", "Norland"]  # 1st and 3rd
    assert len(parts["odd topics"]) == 3
    assert sorted({s.topic for s in parts["even topics"]}) == ["Borland", "Rahn"]  # 2nd and 4th


def test_naming_articles_agree_when_their_sentences_tell_the_same_happening():
    # the --study pocket "naming articles say the same": two reports of one arrest agree, a third article
    # naming the same day for a market move does not (cosines by hand: 5 / sqrt(5 x 6) = 0.91 and 0)
    texts = {
        "a1": "Rahn was arrested in Westholm on charges of fraud.",
        "a2": "Police in Westholm arrested Rahn on fraud charges.",
        "a3": "Acme shares rose sharply in Norland trading.",
    }
    vectors = {doc: [score_tls._vector(text, Counter(), 3)] for doc, text in texts.items()}
    assert score_tls._cosine(vectors["a1"][0], vectors["a2"][0]) == pytest.approx(5 / math.sqrt(30))
    assert score_tls._agreeing(vectors) == 2
    assert score_tls._agreeing({"a3": vectors["a3"]}) == 0  # one article agrees with no one

"""benchmarks/no_mention.py: the events stage's decisions it watches, on invented sentences."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path

import timeline.events.extract as extract
from timeline.build import read_article
from timeline.types import Article, Published

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "no_mention.py"


def load_script():
    spec = importlib.util.spec_from_file_location("no_mention", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["no_mention"] = module
    spec.loader.exec_module(module)
    return module


nm = load_script()

TEXT = (
    "Minister Rahn opened the new bridge in Norland on Monday. "
    "The old ferry had carried travellers across the river for a century. "
    "Ten workers built the bridge."
)


def article() -> Article:
    return Article(
        id="n1",
        path="n1.txt",
        text=TEXT,
        body=[(0, len(TEXT))],
        published=Published("2024-03-06", "header", "2024-03-06"),
    )


def test_watched_records_the_decisions_and_restores_the_stage():
    originals = (extract._main_verb_once, extract.implicit_date, extract._undated_mention)
    with nm.watched() as seen:
        sentences, _, mentions = read_article(article())
    assert (extract._main_verb_once, extract.implicit_date, extract._undated_mention) == originals
    ferry = next(s for s in sentences if "ferry" in s.text)
    # "had carried": a pluperfect, background (no event) by the events stage's rule
    assert seen[ferry.index]["verb"].tense == "pluperfect"
    assert seen[ferry.index]["decision"] is False
    assert not [m for m in mentions if m.sentence.index == ferry.index]
    assert nm.cause(ferry, seen[ferry.index], False, []) == "background (pluperfect)"


def test_cause_of_a_copy_and_of_an_undated_report():
    sentences, _, mentions = read_article(article())
    first = sentences[0]
    made = [m for m in mentions if m.sentence.index == first.index]
    assert made  # the opening sentence is dated by its own "Monday"
    assert nm.cause(first, {}, True, made).startswith("a copy's sentence")
    undated = [replace(m, date=None) for m in made[:1]]  # a copy: the stage may keep the mention it read
    assert nm.cause(first, {}, False, undated) == "undated mention, placed nowhere"

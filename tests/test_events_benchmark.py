"""The event-dating benchmark (benchmarks/score_event_dates.py) on hand-written TimeML."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCORER_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "score_event_dates.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_event_dates", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_event_dates"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


scorer = load_scorer()

DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" value="2001-03-09" functionInDocument="CREATION_TIME">20010309</TIMEX3></DCT>
<TEXT>
Acme <EVENT eid="e1" class="OCCURRENCE">unveiled</EVENT> a new jet.

The company <EVENT eid="e2" class="OCCURRENCE">tested</EVENT> it on <TIMEX3 tid="t1" type="DATE" \
value="2001-03-06">Tuesday</TIMEX3> at <TIMEX3 tid="t2" type="TIME" value="2001-03-06T10:00">10 a.m.</TIMEX3>

It <EVENT eid="e3" class="OCCURRENCE">flew</EVENT> in <TIMEX3 tid="t3" value="2001-02">February</TIMEX3>.
The <EVENT eid="e4" class="OCCURRENCE">rollout</EVENT> <EVENT eid="e5" class="OCCURRENCE">followed</EVENT>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="NONE"/>
<MAKEINSTANCE eventID="e5" eiid="ei5" tense="PAST"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
<TLINK lid="l2" relType="IS_INCLUDED" eventInstanceID="ei2" relatedToTime="t1"/>
<TLINK lid="l3" relType="INCLUDES" timeID="t2" relatedToEventInstance="ei2"/>
<TLINK lid="l4" relType="IS_INCLUDED" eventInstanceID="ei3" relatedToTime="t3"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="ei4" relatedToTime="t0"/>
<TLINK lid="l6" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei5"/>
</TimeML>
"""


def _root():
    import xml.etree.ElementTree as ET

    return ET.fromstring(DOCUMENT.split("\n", 1)[1])


def test_gold_pairs_take_day_links_in_both_directions_and_clock_times_as_days():
    pairs = scorer.gold_pairs(_root())
    # e1 inside t0; e2 inside Tuesday and (written from the time's side) its 10 a.m.: one pair for the day;
    # e3 only inside a month (not a day); e4 before t0 (not inside); e5 inside t0 written time -> event
    assert pairs == {("e1", "2001-03-09"), ("e2", "2001-03-06"), ("e5", "2001-03-09")}


def test_event_spans_index_the_plain_text():
    root = _root()
    text = "".join(root.find(".//TEXT").itertext())
    spans = scorer.event_spans(root.find(".//TEXT"))
    assert {eid: text[a:b] for eid, (a, b) in spans.items()} == {
        "e1": "unveiled",
        "e2": "tested",
        "e3": "flew",
        "e4": "rollout",
        "e5": "followed",
    }


def test_day_of_reads_days_and_clock_times_only():
    assert scorer.day_of("2011-03-08") == "2011-03-08"
    assert scorer.day_of("2011-03-08T10:30") == "2011-03-08"
    assert scorer.day_of("1998-08") is None
    assert scorer.day_of("PRESENT_REF") is None


def test_document_counts(tmp_path):
    corpus = tmp_path / "Demo"
    corpus.mkdir()
    (corpus / "x1.tml").write_text(DOCUMENT)
    result = scorer.score_document(corpus / "x1.tml", tmp_path)
    counts = result.counts
    assert result.corpus == "Demo"
    assert (counts.gold, counts.gold_sentences) == (3, 3)
    # baseline: every sentence on 2001-03-09 finds e1 and e5, and is right in their two sentences of three
    assert (counts.base_found, counts.base_right, counts.base_judged) == (2, 2, 3)
    # the lead is the publication day's news (e1), "tested it on Tuesday" is dated by its expression (e2),
    # and "The rollout followed", a past report on a line of its own, is the publication day's (e5)
    assert (counts.found, counts.judged, counts.right) == (3, 3, 3)
    assert result.rules == {
        "publication-implicit.lead": [1, 1, 1],
        "expression": [1, 1, 1],
        "publication-implicit.past": [1, 1, 1],
    }

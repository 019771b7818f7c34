"""The TempEval-3-style scorer (benchmarks/score_timeml.py), run with a fake tagger on hand-written TimeML."""

from __future__ import annotations

import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

from timeline.temporal.timeml import TimexTag
from timeline.types import TimeExpression

SCORER_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "score_timeml.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_timeml", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_timeml"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


scorer = load_scorer()

HEADER = '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{id}</DOCID>\n'
DCT = '<DCT><TIMEX3 tid="t0" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>\n'

# Text: "The bridge reopened on Thursday after three months of repairs."
# gold: "on Thursday" [20, 31) DATE 2021-03-04; "three months" [38, 50) DURATION P3M
BRIDGE = (
    HEADER.format(id="bridge")
    + DCT.format(dct="2021-03-05")
    + '<TEXT>The bridge <EVENT eid="e1">reopened</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-03-04">'
    'on Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>'
    " of repairs.</TEXT>\n</TimeML>\n"
)
# Text: "Prices rose in 2020 and fell every day last week, May said."
# gold: "2020" [15, 19) DATE 2020; "every day" [29, 38) SET P1D; "last week" [39, 48) DATE 2021-W07.
# "May" [50, 53) is a person here, not annotated.
PRICES = (
    HEADER.format(id="prices")
    + DCT.format(dct="2021-02-26")
    + '<TEXT>Prices rose in <TIMEX3 tid="t1" type="DATE" value="2020">2020</TIMEX3> and fell '
    '<TIMEX3 tid="t2" type="SET" value="P1D">every day</TIMEX3> '
    '<TIMEX3 tid="t3" type="DATE" value="2021-W07">last week</TIMEX3>, May said.</TEXT>\n</TimeML>\n'
)

PREDICTIONS = {
    "The bridge reopened on Thursday after three months of repairs.": [
        ("Thursday", 23, 31, "DATE", "2021-03-04"),  # relaxed match, right value
        ("three months", 38, 50, "DURATION", "P3D"),  # strict match, wrong value
    ],
    "Prices rose in 2020 and fell every day last week, May said.": [
        ("2020", 15, 19, "DATE", "2020"),  # strict, right
        ("day", 35, 38, "DURATION", "P1D"),  # relaxed, wrong type (gold SET), right value
        ("May", 50, 53, "DATE", "2021-05"),  # false positive; "last week" is missed
    ],
}


def fake_tagger(text: str, published: str | None = None) -> list[TimeExpression]:
    return [
        TimeExpression(words, start, end, kind, value, None, "absolute", rule="fake")
        for words, start, end, kind, value in PREDICTIONS[text]
    ]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "Alpha").mkdir()
    (tmp_path / "Beta" / "deeper").mkdir(parents=True)
    (tmp_path / "Alpha" / "bridge.tml").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "Beta" / "deeper" / "prices.tml").write_text(PRICES, encoding="utf-8")
    return tmp_path


def gold(start: int, end: int, type_: str = "DATE", value: str = "2020") -> TimexTag:
    return TimexTag("t", start, end, "", type_, value)


def predicted(start: int, end: int) -> TimeExpression:
    return TimeExpression("", start, end, "DATE", "2020", "day", "absolute")


def spans(items) -> list[tuple[int, int]]:
    return [(item.start, item.end) for item in items]


# ----------------------------------------------------------------- matching


def test_match_pairs_overlapping_spans_one_to_one_by_largest_overlap():
    pairs, missed, spurious = scorer.match([gold(0, 10)], [predicted(0, 4), predicted(2, 10)])

    assert [(spans([g])[0], spans([p])[0]) for g, p in pairs] == [((0, 10), (2, 10))]
    assert missed == []
    assert spans(spurious) == [(0, 4)]


def test_match_prefers_the_exact_span_on_equal_overlap():
    pairs, _, spurious = scorer.match([gold(5, 10)], [predicted(5, 12), predicted(5, 10)])

    assert spans([pairs[0][1]]) == [(5, 10)]
    assert spans(spurious) == [(5, 12)]


def test_match_uses_one_prediction_for_at_most_one_gold():
    pairs, missed, spurious = scorer.match([gold(0, 4), gold(5, 9)], [predicted(0, 9)])

    assert len(pairs) == 1
    assert len(missed) == 1
    assert spurious == []


def test_touching_spans_do_not_match():
    pairs, missed, spurious = scorer.match([gold(0, 4)], [predicted(4, 8)])

    assert (pairs, len(missed), len(spurious)) == ([], 1, 1)


# ----------------------------------------------------------------- scoring


def test_load_documents_reads_text_dct_gold_and_sub_corpus(gold_dir):
    documents, failures = scorer.load_documents([gold_dir])

    assert failures == []
    assert [(d.doc_id, d.corpus, d.dct, len(d.timexes)) for d in documents] == [
        ("bridge", "Alpha", "2021-03-05", 2),
        ("prices", "Beta", "2021-02-26", 3),
    ]


def test_score_counts_relaxed_strict_type_and_value(gold_dir):
    documents, _ = scorer.load_documents([gold_dir])

    overall = scorer.score(documents, fake_tagger).overall

    # 5 gold, 5 predicted, 4 overlapping pairs, 2 of them exact, 3 right types, 3 right values
    assert (overall.gold, overall.predicted, overall.relaxed, overall.strict) == (5, 5, 4, 2)
    assert (overall.type_correct, overall.value_correct) == (3, 3)
    assert overall.relaxed_precision == pytest.approx(0.8)
    assert overall.relaxed_recall == pytest.approx(0.8)
    assert overall.relaxed_f1 == pytest.approx(0.8)
    assert overall.strict_f1 == pytest.approx(0.4)
    assert overall.type_accuracy == pytest.approx(0.75)
    assert overall.value_accuracy == pytest.approx(0.75)
    assert overall.value_f1 == pytest.approx(0.6)  # relaxed F1 x value accuracy


def test_score_breaks_down_by_gold_type_and_sub_corpus(gold_dir):
    documents, _ = scorer.load_documents([gold_dir])

    scores = scorer.score(documents, fake_tagger)

    date, duration, set_ = (scores.by_type[name] for name in ("DATE", "DURATION", "SET"))
    # the unmatched "May" counts as a DATE prediction; the DURATION "day" counts under its gold type SET
    assert (date.gold, date.predicted, date.relaxed, date.value_correct) == (3, 3, 2, 2)
    assert (duration.gold, duration.predicted, duration.strict, duration.value_correct) == (1, 1, 1, 0)
    assert (set_.gold, set_.predicted, set_.relaxed, set_.type_correct, set_.value_correct) == (1, 1, 1, 0, 1)
    assert scores.by_type["TIME"].gold == 0
    alpha, beta = scores.by_corpus["Alpha"], scores.by_corpus["Beta"]
    assert (alpha.gold, alpha.predicted, alpha.relaxed) == (2, 2, 2)
    assert (beta.gold, beta.predicted, beta.relaxed) == (3, 3, 2)


def test_score_passes_the_dct_as_publication_date(gold_dir):
    seen: list[str | None] = []

    def recording_tagger(text, published=None):
        seen.append(published)
        return []

    documents, _ = scorer.load_documents([gold_dir])
    scorer.score(documents, recording_tagger)

    assert seen == ["2021-03-05", "2021-02-26"]


def test_a_failing_document_is_reported_and_counted_as_missed(gold_dir):
    def flaky_tagger(text, published=None):
        if text.startswith("Prices"):
            raise RuntimeError("boom")
        return fake_tagger(text, published)

    documents, _ = scorer.load_documents([gold_dir])
    scores = scorer.score(documents, flaky_tagger)

    assert len(scores.failures) == 1
    assert "prices.tml" in scores.failures[0][0]
    assert "RuntimeError: boom" in scores.failures[0][1]
    assert (scores.overall.gold, scores.overall.predicted, scores.overall.relaxed) == (5, 2, 2)


def test_unreadable_files_are_listed_and_skipped(gold_dir):
    (gold_dir / "Alpha" / "broken.tml").write_text("<TimeML><TEXT>no end", encoding="utf-8")

    documents, failures = scorer.load_documents([gold_dir])

    assert [d.doc_id for d in documents] == ["bridge", "prices"]
    assert len(failures) == 1 and "broken.tml" in failures[0][0]


def test_limit_spreads_over_the_sorted_files(gold_dir):
    for name in ("a", "b", "c"):
        (gold_dir / "Alpha" / f"{name}.tml").write_text(BRIDGE, encoding="utf-8")

    documents, _ = scorer.load_documents([gold_dir], limit=2)

    assert {d.corpus for d in documents} == {"Alpha", "Beta"}


# ----------------------------------------------------------------- reports


def test_error_rows_list_misses_false_positives_and_wrong_matches(gold_dir):
    documents, _ = scorer.load_documents([gold_dir])
    rows = scorer.error_rows(scorer.score(documents, fake_tagger))

    by_kind = {row[0]: row for row in rows}
    assert set(by_kind) == {"SPAN", "VALUE", "TYPE+SPAN", "FN", "FP"}
    assert by_kind["FN"][1:6] == ("Beta/prices", "39-48", "last week", "DATE 2021-W07", "-")
    assert by_kind["FP"][1:6] == ("Beta/prices", "50-53", "May", "-", "DATE 2021-05")
    assert by_kind["VALUE"][4:7] == ("DURATION P3M", "DURATION P3D", "fake")
    assert by_kind["SPAN"][3] == "on Thursday | Thursday"
    assert "fell every day [[last week]], May said." in by_kind["FN"][7]


def test_write_errors_writes_a_tab_separated_file(gold_dir, tmp_path):
    documents, _ = scorer.load_documents([gold_dir])
    path = tmp_path / "errors.tsv"

    count = scorer.write_errors(scorer.score(documents, fake_tagger), path)

    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == 5
    assert lines[0].split("\t") == list(scorer.ERROR_COLUMNS)
    assert sum(1 for line in lines if line.startswith("FN\tBeta/prices")) == 1
    # rule "fake": 5 predictions, 1 false positive ("May"), 1 wrong value ("three months")
    assert "#   fake\t5\t1\t1" in lines


def test_main_prints_json_scores(gold_dir, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_tagging", types.SimpleNamespace(tag=fake_tagger))

    status = scorer.main([str(gold_dir), "--json", "--tagger", "fake_tagging:tag"])

    report = json.loads(capsys.readouterr().out)
    assert status == 0
    assert report["documents"] == 2
    assert report["overall"]["value_f1"] == pytest.approx(0.6)
    assert report["by_corpus"]["Beta"]["gold"] == 3


def test_main_prints_a_table(gold_dir, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_tagging", types.SimpleNamespace(tag=fake_tagger))

    scorer.main([str(gold_dir), "--tagger", "fake_tagging:tag"])

    table = capsys.readouterr().out
    assert "overall" in table and "0.800" in table and "0.600" in table


def test_main_fails_clearly_without_documents(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "fake_tagging", types.SimpleNamespace(tag=fake_tagger))

    assert scorer.main([str(tmp_path), "--tagger", "fake_tagging:tag"]) == 2
    assert "no readable" in capsys.readouterr().err


def test_wrong_values_are_sorted_by_kind_of_disagreement():
    value_error_kind = scorer.value_error_kind
    assert value_error_kind("1989-WXX", "1989-W43") == "underspecified"
    assert value_error_kind("1998-10", "1998-W42") == "granularity"  # 12-18 Oct 1998 lies in October
    assert value_error_kind("1988", "1988-Q3") == "granularity"
    assert value_error_kind("1998-10-23", "1998-10-23TNI") == "part_of_day"
    assert value_error_kind("1990-08-07", "1990-08-14") == "week_apart"
    assert value_error_kind("P1W", "1998-W33") == "duration_vs_point"
    assert value_error_kind("PRESENT_REF", "1998-03-05") == "reference"
    assert value_error_kind("1997-02", "1998-02") == "other_time"

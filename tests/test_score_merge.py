"""The merge scorer (benchmarks/score_merge.py) on tiny hand-made gold and output clusters.

Every expected value below was worked out by hand from the clusters in the test (written out in comments),
not copied from the scorer's output.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from timeline.temporal.timex import value_to_date

SCORER_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "score_merge.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_merge", SCORER_PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_merge"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


sm = load_scorer()


def mention(doc, offset, value=None, source="expression", earliest=None, retelling=False):
    return sm.MentionView((doc, offset), value_to_date(value) if value else None, source, earliest, retelling)


def event(event_id, value, *mentions, conflicts=()):
    return sm.EventView(event_id, value_to_date(value) if value else None, tuple(mentions), tuple(conflicts))


def story(*happenings, copies=None):
    docs = sorted({doc for h in happenings for doc, _ in h.sentences})
    return sm.GoldStory("s", tuple(docs), tuple(happenings), dict(copies or {}))


def happening(hid, dates, *keys):
    return sm.Happening(hid, hid, tuple(dates), tuple(keys))


# Gold: H1 (2022-02-14) = A0, B0, C0; H2 (2022-02-15) = A10, B10.
# Output: E1 (02-14) = A0, B0, A10 (A10 wrongly joined); E2 (02-15) = C0 (H1 split off, wrong date);
#         E3 (02-15) = B10 (H2 split).
H1 = happening("h1", ["2022-02-14"], ("A", 0), ("B", 0), ("C", 0))
H2 = happening("h2", ["2022-02-15"], ("A", 10), ("B", 10))
EVENTS = [
    event("E1", "2022-02-14", mention("A", 0), mention("B", 0), mention("A", 10)),
    event("E2", "2022-02-15", mention("C", 0)),
    event("E3", "2022-02-15", mention("B", 10)),
]


@pytest.fixture
def figures():
    return sm.score_story(story(H1, H2), EVENTS).counts.figures()


def test_cross_article_pairs(figures):
    # gold pairs: A0-B0, A0-C0, B0-C0 (H1) and A10-B10 (H2) = 4;
    # same-document pairs (A0-A10, B0-B10) never count
    # predicted: sentences of different documents sharing an event: A0-B0 and A10-B0 (E1) = 2; correct: A0-B0
    assert figures["gold_pairs"] == 4
    assert figures["predicted_pairs"] == 2
    assert figures["correct_pairs"] == 1
    assert figures["pair_precision"] == 0.5
    assert figures["pair_recall"] == 0.25
    assert figures["pair_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["pair_recall_found"] == 0.25  # every gold sentence is in some event


def test_source_pairs(figures):
    # H1: documents A-B linked (E1), A-C and B-C not; H2: A (E1) and B (E3) not linked -> 1 of 4
    assert figures["source_pair_recall"] == 0.25


def test_bcubed(figures):
    # cluster of a sentence = itself + gold sentences sharing an event with it:
    # A0, B0: {A0, B0, A10} vs H1 -> P 2/3, R 2/3;  A10: {A0, B0, A10} vs H2 -> P 1/3, R 1/2
    # C0: {C0} vs H1 -> P 1, R 1/3;  B10: {B10} vs H2 -> P 1, R 1/2
    precision = (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5  # 11/15
    recall = (2 / 3 + 2 / 3 + 1 / 2 + 1 / 3 + 1 / 2) / 5  # 8/15
    assert figures["bcubed_precision"] == pytest.approx(precision, abs=1e-4)
    assert figures["bcubed_recall"] == pytest.approx(recall, abs=1e-4)
    assert figures["bcubed_f1"] == pytest.approx(176 / 285, abs=1e-4)


def test_dates(figures):
    # H1's event is E1 (2 of its sentences), dated 02-14: right. H2 ties E1/E3 (one each): the smaller id, E1,
    # dated 02-14 against gold 02-15: wrong. Sentences: A0, B0, B10 right; C0 (E2) and A10 (E1) wrong.
    assert figures["dated_happenings"] == 2
    assert figures["date_accuracy"] == 0.5
    assert figures["sentence_date_accuracy"] == 0.6


def test_splits_and_wrong_joins():
    score = sm.score_story(story(H1, H2), EVENTS)
    assert {s.happening.id for s in score.splits} == {"h1", "h2"}
    h1_split = next(s for s in score.splits if s.happening.id == "h1")
    assert [[key for key, _ in group] for group in h1_split.groups] == [[("A", 0), ("B", 0)], [("C", 0)]]
    assert len(score.wrong_joins) == 1
    join = score.wrong_joins[0]
    assert join.event.id == "E1"
    assert join.parts == {"h1": [("A", 0), ("B", 0)], "h2": [("A", 10)]}
    assert join.wrong_pairs == 1  # B0-A10; A0-A10 is within one document


def test_copies_are_not_cross_article_pairs():
    # B2 re-sends B: gold pairs are A-B and A-B2 only, and the B-B2 join is not credited
    gold = story(happening("h", ["2022-02-14"], ("A", 0), ("B", 0), ("B2", 0)), copies={"B2": "B"})
    one_event = [event("E", "2022-02-14", mention("A", 0), mention("B", 0), mention("B2", 0))]
    figures = sm.score_story(gold, one_event).counts.figures()
    assert (figures["gold_pairs"], figures["predicted_pairs"], figures["correct_pairs"]) == (2, 2, 2)
    assert figures["source_pair_recall"] == 1.0  # one document pair: A and B (B2 folded into B)


def test_sentences_missing_from_the_output():
    # C0 is in no event: its pairs count against recall, not against recall over found pairs
    events = [event("E1", "2022-02-14", mention("A", 0), mention("B", 0))]
    score = sm.score_story(story(H1), events)
    figures = score.counts.figures()
    assert figures["pair_recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert figures["pair_recall_found"] == 1.0
    assert figures["sentences_found"] == 2
    assert score.missing == [("C", 0)]
    assert score.splits == []  # one group among the found sentences


def test_redating_by_join():
    gold = story(happening("h", ["2022-02-14"], ("A", 0), ("B", 0), ("C", 0), ("D", 0), ("F", 0)))
    events = [
        event(
            "E",
            "2022-02-14",
            mention("A", 0, "2022-02-14"),
            mention("B", 0, "2022-02-14", source="joined"),  # undated, took the event's date: allowed
            mention("C", 0, "2022-02-10"),  # own date elsewhere, no conflict: re-dated
            mention("D", 0, "2022-02-11"),  # own date elsewhere, flagged as a conflict: not re-dated
            # a later report marked as a retelling keeps its own date: not re-dated
            mention("F", 0, "2022-02-20", source="publication-implicit", retelling=True),
            conflicts=[("2022-02-11", "D")],
        )
    ]
    figures = sm.score_story(gold, events).counts.figures()
    assert figures["redated"] == 1  # only C
    assert figures["redated_joined"] == 1
    assert figures["redated_old"] == 3  # B, C and F under the old, stricter count


def test_publication_implied_day_before_is_compatible():
    # a mention dated 02-15 that may be the day before (earliest 02-14) sits in an event of 02-14
    from datetime import date

    gold = story(happening("h", ["2022-02-14"], ("A", 0)))
    events = [event("E", "2022-02-14", mention("A", 0, "2022-02-15", earliest=date(2022, 2, 14)))]
    assert sm.score_story(gold, events).counts.figures()["redated"] == 0


def test_disputed_dates_flagged_only_in_one_event_with_a_conflict():
    disputed = sm.Happening("h", "h", ("2022-02-13", "2022-02-14"), (("A", 0), ("B", 0)), disputed=True)
    gold = story(disputed)
    flagged = [
        event(
            "E",
            "2022-02-13",
            mention("A", 0, "2022-02-13"),
            mention("B", 0, "2022-02-14"),
            conflicts=[("2022-02-14", "B")],
        )
    ]
    apart = [event("E1", "2022-02-13", mention("A", 0)), event("E2", "2022-02-14", mention("B", 0))]
    assert sm.score_story(gold, flagged).counts.figures()["disputed_flagged"] == 1
    figures = sm.score_story(gold, apart).counts.figures()
    assert (figures["disputed_happenings"], figures["disputed_flagged"]) == (1, 0)


@pytest.mark.parametrize(
    ("output", "gold", "right"),
    [
        ("2022-02-14", ["2022-02-14"], True),
        ("2022-02-14", ["2022-02"], True),  # a day inside a gold month
        ("2022-W07", ["2022-02-14"], True),  # a week (Feb 14-20) containing the gold day
        ("2022-02", ["2022-02-14"], False),  # a month is too vague for a gold day
        ("2022-02-15", ["2022-02-14"], False),
        ("2022-02-14", ["2022-02-13", "2022-02-14"], True),  # disputed: either date
        (None, ["2022-02-14"], False),
    ],
)
def test_date_compatible(output, gold, right):
    assert sm.date_compatible(value_to_date(output) if output else None, gold) is right


def test_load_gold_round_trip(tmp_path):
    data = {
        "stories": [
            {
                "id": "s",
                "documents": ["A", "B"],
                "copies": {},
                "happenings": [
                    {
                        "id": "s/01",
                        "label": "a vote",
                        "dates": ["2022-02-14"],
                        "disputed": False,
                        "sentences": [["A", 3], ["B", 7]],
                    },
                ],
            }
        ]
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    (gold,) = sm.load_gold(path)
    assert gold.documents == ("A", "B")
    assert gold.happenings[0].sentences == (("A", 3), ("B", 7))


def test_repository_gold_is_well_formed():
    stories = sm.load_gold()
    keys = [key for s in stories for h in s.happenings for key in h.sentences]
    assert len(keys) == len(set(keys)), "a sentence belongs to one happening"
    for s in stories:
        for h in s.happenings:
            assert all(doc in s.documents for doc, _ in h.sentences)
            assert all(value_to_date(v) is not None for v in h.dates)
            assert h.disputed == (len(h.dates) > 1)


def test_a_folded_copys_sentence_is_found_where_the_repeated_sentence_is():
    # Gold: H = A0, B0, C40; C is a re-sent copy of A (the gold says so), its sentence at 40 repeats A's at 0.
    # Output: the tool read C's text once, in A: E1 = A0, B0 (no mention of C at all).
    # Without the folding C40 is in no event: 1 of 2 cross-article gold pairs found (A0-B0; A0-C40 is a copy
    # pair, left out; B0-C40 missed). With C40 -> A0, B0-C40 shares E1: both pairs correct.
    gold = story(happening("h", ["2022-02-14"], ("A", 0), ("B", 0), ("C", 40)), copies={"C": "A"})
    events = [event("E1", "2022-02-14", mention("A", 0), mention("B", 0))]
    assert sm.score_story(gold, events).counts.figures()["pair_recall"] == 0.5
    folded = sm.score_story(gold, events, {("C", 40): ("A", 0)}).counts.figures()
    assert folded["pair_recall"] == 1.0
    assert folded["sentences_found"] == 3


def test_folded_copies_follow_only_copies_the_gold_names_and_text_the_other_article_holds():
    from timeline.types import Article

    copy_text = "Acme opened a plant in Portvale. Its own line here."
    articles = [
        Article(id="A", path="a", text="Rahn spoke. Acme opened a plant in Portvale.", body=[(0, 44)]),
        Article(id="C", path="c", text=copy_text, body=[(0, len(copy_text))]),
    ]
    gold = story(
        happening("h", ["2022-02-14"], ("A", 12), ("C", 0), ("C", copy_text.index("Its"))), copies={"C": "A"}
    )
    # the repeated sentence maps to its place in A; C's own sentence is not in A's text, so it stays C's
    assert sm.folded_copies(gold, articles, {"C": "A"}) == {("C", 0): ("A", 12)}
    # a copy the gold does not name is not followed
    assert sm.folded_copies(story(*gold.happenings), articles, {"C": "A"}) == {}

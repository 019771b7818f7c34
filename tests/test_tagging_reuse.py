"""Recognition unit by unit, each unit recognised once (``temporal/units.py``), tags exactly as a scan of
the whole text does: articles made of repeated invented sentences, at other offsets, after other
sentences, under other publication dates and body regions, give equal expressions (every field)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import prepared, resolve, units
from timeline.temporal.recognise import find_candidates, select_non_overlapping

SENTENCES = [
    "Minister Rahn met the Acme board in Norland on Feb. 10-12, 2022.",
    "The council of Westholm approved the plan on Tuesday.",
    "Officials said the talks would resume next week, after the vote on 5 March.",
    "The strike began last month and ended on Friday, the union said.",
    "The offer expires at 5 p.m. EST Nov. 9, the company said.",
    "The vote was held on Monday. March 5 is the next date.",
    "Talks Resume Next Week",
    "Acme shares fell 4 percent in the quarter ended June 30.",
    "He met Jones. June Carter arrived the day before.",
    "The 2022 budget passed in the 1990s' style.",
    "Rahn left at 10 a.m. Tuesday and returned two days later.",
    "Grace May Smith spoke in May.",
    "“We will meet on Wednesday,” Rahn said. The summit ended Dec. 3.",
    "Temperatures stayed in the nineties. Three years ago, the council met in early 2019.",
]
SEPARATORS = [" ", "  ", "\n", "\n\n", " \n"]
PUBLISHED = [None, "2022-02-16", "2022-03-01", "2021-12-31", "2022-02"]


def _whole_text(text: str, regions: list[tuple[int, int]]) -> list:
    return select_non_overlapping(find_candidates(text, regions))


def _article(rng: random.Random, count: int) -> str:
    parts = []
    for _ in range(count):
        parts.append(rng.choice(SENTENCES))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts).rstrip()


def _regions(rng: random.Random, text: str) -> list[tuple[int, int]] | None:
    if rng.random() < 0.6:
        return None
    cut = rng.randrange(len(text))  # a headline left out, perhaps inside a sentence
    return [(cut, len(text))]


def _tag_both(text: str, published: str | None, regions: list[tuple[int, int]] | None, monkeypatch):
    by_units = resolve(prepared.prepare(text, regions), published)
    with monkeypatch.context() as patch:
        patch.setattr(prepared, "recognise", _whole_text)
        whole = resolve(prepared.prepare(text, regions), published)
    return by_units, whole


def _check_articles(seed: int, monkeypatch) -> int:
    rng = random.Random(seed)
    units.forget_recognised_units()
    compared = 0
    for _ in range(40):
        text = _article(rng, rng.randint(1, 12))
        regions = _regions(rng, text)
        published = rng.choice(PUBLISHED)
        by_units, whole = _tag_both(text, published, regions, monkeypatch)
        assert by_units == whole, (text, published, regions)
        compared += len(whole)
    return compared


def test_units_recognised_once_tag_like_the_whole_text(monkeypatch) -> None:
    compared = sum(_check_articles(seed, monkeypatch) for seed in range(5))
    assert compared > 500  # the articles do hold many expressions
    assert units._units  # and units were kept and reused


def test_a_shift_off_by_one_is_caught(monkeypatch) -> None:
    """The comparison above fails when a kept unit's candidates are placed one character off."""
    original = units._placed

    def off_by_one(kept, text, s):
        return original(kept, text, s + 1) if s else original(kept, text, s)

    monkeypatch.setattr(units, "_placed", off_by_one)
    with pytest.raises(AssertionError):
        _check_articles(0, monkeypatch)


def test_units_end_only_where_no_expression_continues() -> None:
    text = (
        "The offer expires at 5 p.m. EST Nov. 9. The vote was on Monday. March 5 is next. "
        "Mr. Rahn left on Monday. The council met. Dr. Acme spoke."
    )
    starts = units.unit_starts(text)
    assert [text[s : s + 8] for s in starts] == ["The offe", "The vote", "Mr. Rahn", "The coun", "Dr. Acme"]


def test_a_guard_reading_the_previous_sentence_keeps_it_in_the_key(monkeypatch) -> None:
    """ "June Carter" after a capitalised word is a name; at a sentence start after a lower-case word it is
    a month: the same sentence after other sentences is recognised in each context."""
    units.forget_recognised_units()
    sentence = "June Carter arrived on Monday."
    for before in ("He met Jones. ", "He met them. ", "He met Jones. ", "He met them. ", "She saw Rahn. "):
        text = before + sentence
        by_units, whole = _tag_both(text, "2022-02-16", None, monkeypatch)
        assert by_units == whole


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.integers(0, len(SENTENCES) - 1), min_size=1, max_size=10),
    separators=st.lists(st.sampled_from(SEPARATORS), min_size=10, max_size=10),
    published=st.sampled_from(PUBLISHED),
)
def test_property_repeated_sentences_tag_alike(picks, separators, published) -> None:
    text = "".join(SENTENCES[i] + sep for i, sep in zip(picks, separators, strict=False)).rstrip()
    with pytest.MonkeyPatch.context() as monkeypatch:
        for _ in range(3):  # first sight, second (recognised alone and kept), third (reused)
            by_units, whole = _tag_both(text, published, None, monkeypatch)
            assert by_units == whole


@settings(max_examples=300, deadline=None)
@given(
    day=st.dates(),
    months=st.integers(-30_000, 30_000),
    unit=st.sampled_from(["month", "quarter"]),
)
def test_month_shift_matches_relativedelta(day, months, unit) -> None:
    """Month and quarter shifts in integers give relativedelta's year and month (None where it raises)."""
    from dateutil.relativedelta import relativedelta

    from timeline.temporal.anchor import _month_shift
    from timeline.temporal.timex import date_to_value

    try:
        expected = date_to_value(day + relativedelta(months=months), unit)
    except (OverflowError, ValueError):
        expected = None
    assert _month_shift(day, months, unit) == expected


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab.:!?\"'”’»,) \t\n\r\xa0")), max_size=60))
def test_paragraph_breaks_match_the_pattern(text) -> None:
    """The newline-by-newline paragraph breaks are the pattern's ``finditer`` ends."""
    from timeline.temporal.anchor import _PARAGRAPH_BREAK, paragraph_breaks

    assert paragraph_breaks(text) == [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]

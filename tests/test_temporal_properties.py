"""Property test: tag() is total and its output is well formed for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import tag
from timeline.temporal.timex import is_valid_value, value_to_date

# Text biased towards date words so the interesting code paths run, plus arbitrary unicode.
WORDS = st.sampled_from(
    [
        "Monday", "on", "Sunday", "night", "last", "week", "the", "day", "before", "May", "may", "March",
        "14", "2022", "February", "Feb.", "3", "p.m.", "two", "days", "ago", "later", "since", "1990s", "-",
        "–", "$2", "5", "mins", "every", "daily", "this", "year", "quarter", "third", "early", "mid-", ",",
        ".", "\n", "\n\n", "said", "will", "yesterday", "today", "summer", "2/14/2022", "2022-02-14", "'s",
    ]
)  # fmt: skip
TEXT = st.one_of(st.lists(WORDS, max_size=40).map(" ".join), st.text(max_size=200))
PUBLISHED = st.sampled_from([None, "2022-02-16", "2022-02", "2022", "1999-12-31", "2024-02-29"])


@settings(max_examples=300, deadline=None)
@given(text=TEXT, published=PUBLISHED)
def test_tag_output_is_well_formed(text: str, published: str | None) -> None:
    found = tag(text, published)
    previous_end = 0
    for e in found:
        assert 0 <= e.start < e.end <= len(text)
        assert e.start >= previous_end  # sorted, non-overlapping
        previous_end = e.end
        assert text[e.start : e.end] == e.text
        assert e.type in ("DATE", "TIME", "DURATION", "SET")
        assert e.rule
        if e.value is not None:
            assert is_valid_value(e.value), e
        else:
            assert e.anchor == "unresolved"
        if e.type == "DATE" and e.granularity is not None:
            assert value_to_date(e.value or "") is not None, e


@settings(max_examples=100, deadline=None)
@given(text=TEXT, start=st.integers(-5, 300), end=st.integers(-5, 300))
def test_tag_respects_regions(text: str, start: int, end: int) -> None:
    for e in tag(text, "2022-02-16", [(start, end)]):
        assert max(start, 0) <= e.start and e.end <= end

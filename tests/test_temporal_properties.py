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


# ---------------------------------------------------------------- first-token dispatch

DISPATCH_WORDS = [
    "the", "last", "next", "this", "mid", "early", "earlier", "late", "later", "end", "of", "fiscal", "year",
    "years", "quarter", "half", "first", "third", "a", "an", "another", "few", "several", "two", "twenty",
    "one", "more", "than", "about", "at", "least", "up", "to", "over", "days", "day", "weeks", "month",
    "months", "ago", "before", "after", "earlier", "same", "previous", "following", "that", "february",
    "February", "Feb.", "May", "march", "Mon.", "Tuesday", "Tuesdays", "Christmas", "Eve", "New", "Year's",
    "spring", "summer", "Spring", "now", "right", "recently", "future", "past", "every", "twice", "times",
    "daily", "Q3", "q", "today", "tonight", "morning", "night", "1990s", "'90s", "’90s", "21st", "century",
    "1", "14", "2022", "1999", "3000", "12345", "2022-02-14", "2/14/2022", "14.02.2022", "3", "p.m.", "GMT",
    "10:30", "15", "-", "–", "to", "$", "%", "km", "theory", "midst", "amid", "lateral", "nowhere", "é",
    "week-long", "6-year-old", "decades", "centuries", "weekend", "calendar", "these", "current", "latest",
]  # fmt: skip
SEPARATORS = st.sampled_from([" ", " ", " ", "", "-", ", ", ". ", "\n", "'s ", "’"])
DISPATCH_TEXT = st.lists(st.tuples(st.sampled_from(DISPATCH_WORDS), SEPARATORS), max_size=30).map(
    lambda pairs: "".join(word + sep for word, sep in pairs)
)


def _scan_every_family(text: str, start: int, end: int) -> set[tuple[int, int, str]]:
    """The slow reference: every family's pattern run over the whole region with ``finditer``."""
    from timeline.temporal.recognise import FAMILIES, _lower_same_length, accepted_family

    lowered = _lower_same_length(text)
    found = set()
    for name, pattern, guard in FAMILIES:
        for m in pattern.finditer(lowered, start, end):
            family = accepted_family(text, m, name, guard)
            if m.end() > m.start() and family:
                found.add((m.start(), m.end(), family))
    return found


@settings(max_examples=400, deadline=None)
@given(text=DISPATCH_TEXT, cut=st.integers(0, 12))
def test_first_token_dispatch_finds_what_a_full_scan_finds(text: str, cut: int) -> None:
    """Trying families only where their first token starts must lose no match (and add none)."""
    from timeline.temporal.recognise import find_candidates

    region = (min(cut, len(text)), len(text))
    fast = {(c.start, c.end, c.family) for c in find_candidates(text, [region])}
    assert fast == _scan_every_family(text, *region)


def test_first_token_dispatch_on_the_seed_articles() -> None:
    from pathlib import Path

    from timeline.temporal.recognise import find_candidates

    for path in sorted(Path(__file__).parent.parent.joinpath("seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        fast = {(c.start, c.end, c.family) for c in find_candidates(text, [(0, len(text))])}
        assert fast == _scan_every_family(text, 0, len(text)), path.name

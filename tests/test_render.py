"""Terminal, Markdown and dates views of a hand-made timeline (see render_fixtures.py)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render_fixtures import EXPECTED_ORDER, make_timed_timeline, make_timeline
from rich.cells import cell_len

from timeline.errors import UsageError
from timeline.render import FORMATS, render, render_dates
from timeline.render.common import describe_date, time_of_day
from timeline.render.explain import relation
from timeline.render.markdown import escape
from timeline.temporal.timex import value_to_date
from timeline.types import Event, Published, Timeline

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(needle) for needle in needles]
    assert -1 not in found, [n for n, at in zip(needles, found, strict=True) if at == -1]
    return found


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


@pytest.fixture(scope="module")
def plain() -> str:
    return render(make_timeline(), "terminal", width=100)


@pytest.fixture(scope="module")
def markdown() -> str:
    return render(make_timeline(), "markdown")


# --- terminal -------------------------------------------------------------------------------------------


def test_terminal_events_in_time_order_undated_last(plain):
    at = positions(plain, EXPECTED_ORDER)
    assert at == sorted(at)
    assert plain.index("Undated") < plain.index("Attaché visit")
    assert plain.index("Undated") > plain.index("The drills end")


def test_terminal_date_headings_show_granularity(plain):
    headings = [
        "1994  year",
        "2022-02  February 2022",
        "2022-02-01  Tuesday",
        "2022-W07  week of 14 Feb 2022",
        "2022-02-14  Monday",
        "2022-02-20  Sunday",
        "Undated",
    ]
    at = positions(plain, headings)
    assert at == sorted(at)


def test_terminal_sources_status_and_conflict(plain):
    # a1 is source [1], b2 [2], c3 [3]: numbered in document order
    assert "[1] [2]" in line_with(plain, "Ministers held a phone call")
    assert "expected" in line_with(plain, "The drills end")
    assert "background" in line_with(plain, "The leader came to power")
    assert "expected" not in line_with(plain, "Ministers held a phone call")
    assert "⚠ conflict: 2022-W06 per [3]" in plain
    assert plain.index("⚠ conflict") > plain.index("Ministers held a phone call")


def test_terminal_legend_publication_notes_and_summary(plain):
    legend = plain[plain.index("Sources") :]
    assert "[1] a1  Daily Example" in legend
    assert "https://example.com/news/a1" in legend
    assert "published 2022-02-15 (header: date 2022-02-15 Daily Example)" in legend
    assert "news/b2.txt · published 2022-02-16 (inferred: its 'Wednesday'" in legend
    assert "news/c3.txt · published unknown" in legend
    assert "b2: publication date 2022-02-16 (inferred): its 'Wednesday' matches" in plain
    assert "c3: publication date unknown" in plain
    assert "a1: publication date" not in plain  # its date came from a header: nothing to warn about
    assert "undated-event: no date found" in plain
    last = plain.splitlines()[-1]
    # c3 has no publication date, not even bounds; the visit event has no date: counted as check counts them
    counts = "3 articles read · 7 events · 3 sources · 1 conflict · 2 gaps"
    assert last == f"{counts} · 1 undated event · 1 undated article"


def test_terminal_plain_has_no_ansi_and_color_has(plain):
    assert "\x1b" not in plain
    colored = render(make_timeline(), "terminal", color=True, width=100)
    assert "\x1b[" in colored
    assert ANSI.sub("", colored) == plain


@pytest.mark.parametrize("explain", [False, True])
def test_terminal_fits_80_columns(explain):
    for color in (False, True):
        text = render(make_timeline(), "terminal", color=color, width=80, explain=explain)
        widths = [len(ANSI.sub("", line)) for line in text.splitlines()]
        assert max(widths) <= 80
        assert max(widths) > 60  # long lines were wrapped, not cut short


def test_terminal_explain_shows_quotes_and_derivation():
    text = render(make_timeline(), "terminal", width=400, explain=True)  # wide: one line per derivation
    assert "[1] line 4: “On Monday, the two ministers held a phone call about the drills.”" in text
    assert '"On Monday" → 2022-02-14: 1 day before the publication date 2022-02-15 (header:' in text
    # the chain: "two days before" -> "Wednesday" -> the inferred publication date, with its evidence
    derivation = line_with(text, '"two days before" → 2022-02-14')
    assert (
        '2 days before "Wednesday" (2022-02-16), which is the same day as the publication date 2022-02-16'
        in (derivation)
    )
    assert "(inferred: its 'Wednesday' matches the call" in derivation
    assert "[rule days-before-mention]" in derivation
    assert "no date in this sentence; took the date of the event it was merged with" in text
    assert "stated in full in the text [rule year]" in text


def test_terminal_without_explain_has_no_derivation(plain):
    assert "line 4:" not in plain
    assert "→" not in plain


def test_terminal_does_not_interpret_markup_in_user_text():
    timeline = make_timeline()
    timeline.events[0].title = "[bold red]Not markup[/bold red] :smile:"
    text = render(timeline, "terminal", color=True)
    assert "[bold red]Not markup[/bold red] :smile:" in ANSI.sub("", text)


def test_terminal_empty_timeline():
    text = render(Timeline(documents=[], events=[]), "terminal")
    assert "No events found." in text
    assert text.splitlines()[-1].startswith("0 articles read · 0 events")


# --- markdown -------------------------------------------------------------------------------------------


def test_markdown_headings_in_order(markdown):
    assert markdown.startswith("# Timeline\n")
    headings = [line for line in markdown.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 1994 (year)",
        "## 2022-02 (February 2022)",
        "## 2022-02-01 (Tuesday)",
        "## 2022-W07 (week of 14 Feb 2022)",
        "## 2022-02-14 (Monday)",
        "## 2022-02-20 (Sunday)",
        "## Undated",
        "## Sources",
        "## Gaps",
    ]


def test_markdown_event_bullets(markdown):
    call = line_with(markdown, "Ministers held a phone call")
    assert call == "- **Ministers held a phone call** — [Daily Example](<https://example.com/news/a1>), `b2`"
    assert line_with(markdown, "The drills end").endswith("*(expected)*")
    assert "- ⚠ **conflict:** 2022-W06 per `c3`: “A phone call last week eased tensions.”" in markdown
    undated = markdown[markdown.index("## Undated") : markdown.index("## Sources")]
    assert "**Attaché visit to \\*Zone\\_7\\* agreed**" in undated


def test_markdown_sources_section(markdown):
    sources = markdown[markdown.index("## Sources") : markdown.index("## Gaps")]
    items = [line for line in sources.splitlines() if line.startswith("- ")]
    assert len(items) == 3
    assert items[0].startswith("- `a1` — Daily Example — “Ministers talk by phone”")
    assert "published 2022-02-15 (header: date 2022-02-15 Daily Example)" in items[0]
    assert "`news/b2.txt`" in items[1] and "published 2022-02-16 (inferred:" in items[1]
    assert "published unknown" in items[2]


def test_markdown_escapes_user_text(markdown):
    # c3's title is "# Drills | *Update* [live] <b>": no heading, table cell, emphasis, link or HTML
    assert "“\\# Drills \\| \\*Update\\* \\[live\\] \\<b\\>”" in markdown
    assert "<b>" not in markdown


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("# not a heading", "\\# not a heading"),
        ("1. not a list", "1\\. not a list"),
        ("- not a bullet", "\\- not a bullet"),
        ("> not a quote", "\\> not a quote"),
        ("snake_case and *stars*", "snake\\_case and \\*stars\\*"),
        ("a | b", "a \\| b"),
        ("[link](x)", "\\[link\\](x)"),
        ("two\nlines", "two lines"),
        ("in the middle # stays", "in the middle # stays"),
        ("back\\slash `code`", "back\\\\slash \\`code\\`"),
    ],
)
def test_markdown_escape(raw, escaped):
    assert escape(raw) == escaped


def test_markdown_explain_nested_bullets():
    text = render(make_timeline(), "markdown", explain=True)
    assert "  - `a1` line 4: “On Monday, the two ministers held a phone call about the drills.”" in text
    derivation = line_with(text, '"two days before" → 2022-02-14')
    assert derivation.startswith("    - ")
    assert '2 days before "Wednesday" (2022-02-16)' in derivation
    assert "line 4:" not in render(make_timeline(), "markdown")


def test_markdown_publication_notes(markdown):
    assert "> ⚠ `b2`: published 2022-02-16 (inferred: its 'Wednesday' matches" in markdown
    assert "> ⚠ `c3`: published unknown" in markdown


# --- shared pieces --------------------------------------------------------------------------------------


def test_unknown_format_is_a_usage_error():
    assert FORMATS == ("terminal", "markdown", "json", "jsonl", "timelinejs", "csv", "ics", "html")
    # the valid formats in plain words
    with pytest.raises(UsageError, match="choose one of: terminal, markdown, .*, ics or html$"):
        render(make_timeline(), "pdf")
    with pytest.raises(UsageError):
        render_dates(make_timeline().documents[0], [], "markdown")


@pytest.mark.parametrize(
    ("value", "caption"),
    [
        ("2022-02-14", "Monday"),
        ("2022-02-14TEV", "Monday evening"),
        ("2022-02-14T15:00", "Monday 15:00"),
        ("2022-W07-3", "Wednesday 16 Feb 2022"),
        ("2022-W07-WE", "weekend of 19 Feb 2022–20 Feb 2022"),
        ("2022-W07", "week of 14 Feb 2022"),
        ("2022-02", "February 2022"),
        ("2022-Q1", "quarter, Jan–Mar 2022"),
        ("2022-H2", "half-year, Jul–Dec 2022"),
        ("2021-WI", "winter 2021 (Dec–Feb 2021–2022)"),
        ("1994", "year"),
        ("199", "the 1990s (decade)"),
        ("19", "the 1900s (century)"),
    ],
)
def test_describe_date(value, caption):
    assert describe_date(value_to_date(value)) == caption


@pytest.mark.parametrize(
    ("value", "anchor", "expected"),
    [
        ("2022-02-15", "2022-02-16", "1 day before"),
        ("2022-02-19", "2022-02-16", "3 days after"),
        ("2022-02-16", "2022-02-16", "the same day as"),
        ("2022-W06", "2022-W07", "1 week before"),
        ("2022-01", "2022-03", "2 months before"),
        ("2022-02-14", "2022-02", "within"),
        ("2022-W06", "2022-02-16", "1 week before"),  # "last week" said on Wednesday 16 Feb (week 7)
        ("2022-W07", "2022-02-16", "the same week as"),
        ("2022-03", "2022-02-16", "1 month after"),
        ("2021", "2022-02-16", "1 year before"),
        ("2022-W07-WE", "2022-02-16", ""),  # a weekend: no single step describes it
        ("2022-02-14", None, ""),
    ],
)
def test_relation(value, anchor, expected):
    assert relation(value, anchor) == expected


def test_same_start_coarser_first_and_stable_within_a_date():
    day, month = value_to_date("2022-03-01"), value_to_date("2022-03")
    events = [
        Event("d1", day, "Day one", "reported", ["x"], []),
        Event("m", month, "Month", "reported", ["x"], []),
        Event("d2", day, "Day two", "reported", ["x"], []),
    ]
    text = render(Timeline(documents=[], events=events), "markdown")
    assert positions(text, ["Month", "Day one", "Day two"]) == sorted(
        positions(text, ["Month", "Day one", "Day two"])
    )
    assert text.count("## 2022-03-01") == 1  # both day events under one heading


# --- timeline dates -------------------------------------------------------------------------------------


def test_dates_terminal_lists_expressions_in_text_order():
    timeline = make_timeline()
    b2 = timeline.documents[1]
    text = render_dates(b2, timeline.expressions["b2"], "terminal", width=80)
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "published 2022-02-16 (inferred)" in text
    assert text.index("two days before") < text.index("Wednesday  ")  # table row, not the derivation
    assert "2022-02-14" in line_with(text, "two days before")
    assert text.splitlines()[-1] == "2 expressions · 0 unresolved"


def test_dates_terminal_counts_unresolved_and_color():
    timeline = make_timeline()
    c3 = timeline.documents[2]
    text = render_dates(c3, timeline.expressions["c3"], "terminal", color=True)
    assert "\x1b[" in text
    assert ANSI.sub("", text).splitlines()[-1] == "3 expressions · 2 unresolved"
    assert "could not be resolved" in ANSI.sub("", text)


def test_gap_dates_in_markdown(markdown):
    gaps = markdown[markdown.index("## Gaps") :]
    assert (
        "- ✗ **undated-event**: no date found for 'Attaché visit to \\*Zone\\_7\\* agreed' (`news/b2.txt:4`)"
        in gaps
    )
    assert "- · **interval**: no events for 1928 days (1994-12-31 – 2022-02-01)" in gaps


def test_gap_span_in_terminal(plain):
    assert "· interval: no events for 1928 days  1994-12-31 – 2022-02-01" in plain


# --- hostile text ---------------------------------------------------------------------------------------

_USER_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
    | st.sampled_from("\x1b[31m*_|<#\n\t漢"),
    max_size=150,
)


@settings(max_examples=40, deadline=None)
@given(title=_USER_TEXT, outlet=_USER_TEXT)
def test_terminal_survives_any_user_text(title, outlet):
    timeline = make_timeline()
    timeline.events[2].title = title
    timeline.documents[0].source = outlet or None
    for color in (False, True):
        text = render(timeline, "terminal", color=color, width=80, explain=True)
        plain_text = ANSI.sub("", text)
        assert "\x1b" not in plain_text  # escape codes in articles never reach the terminal
        assert max(cell_len(line) for line in plain_text.splitlines()) <= 80


@settings(max_examples=60, deadline=None)
@given(raw=_USER_TEXT)
def test_markdown_escape_leaves_no_active_special_character(raw):
    escaped = escape(raw)
    assert "\n" not in escaped and "\x1b" not in escaped
    unescaped = re.sub(r"\\.", "", escaped)  # drop every backslash-escaped character
    assert not set(unescaped) & set("*_[]|<>`~\\")
    assert not re.match(r"\s*(#|>|[-+=]|\d+[.)])", escaped)  # no heading, quote or list marker


# --- times of day under their day; unresolved expressions in --explain ------------------------------------


def test_terminal_files_times_of_day_under_their_day_in_clock_order():
    text = render(make_timed_timeline(), "terminal", width=100)
    monday = text.split("2024-03-11  Monday\n", 1)[1].split("\n\n", 1)[0]
    assert monday.splitlines() == [
        "  • The bridge closed  [1]",  # the whole day first
        "  • morning  Pumps started  [1]",
        "  • 15:00  Crews arrived  [1]",
        "  • night  The river rose  [1]",
    ]
    # a day with only a timed event still gets the plain day heading
    assert "2024-03-12  Tuesday\n  • evening  Water receded  [1]" in text
    assert "TNI" not in text and "TEV" not in text and "T15:00" not in text
    assert text.count("2024-03-11") == 1


def test_markdown_files_times_of_day_under_their_day_in_clock_order():
    text = render(make_timed_timeline(), "markdown")
    assert "## 2024-03-11 (Monday)" in text
    assert "## 2024-03-12 (Tuesday)" in text
    assert "TNI" not in text and "TEV" not in text
    lines = ["**The bridge closed**", "*morning* **Pumps started**", "*15:00* **Crews arrived**",
             "*night* **The river rose**", "## 2024-03-12", "*evening* **Water receded**"]  # fmt: skip
    at = positions(text, lines)
    assert at == sorted(at)


def test_json_keeps_the_time_values_of_timed_events():
    document = json.loads(render(make_timed_timeline(), "json"))
    values = {event["title"]: event["date"]["value"] for event in document["events"] if event["date"]}
    assert values["The river rose"] == "2024-03-11TNI"
    assert values["Crews arrived"] == "2024-03-11T15:00"
    assert values["The bridge closed"] == "2024-03-11"


@pytest.mark.parametrize(
    ("value", "label"),
    [("2024-03-11TNI", "night"), ("2024-03-11TMO", "morning"), ("2024-03-11T15:00", "15:00"),
     ("2024-03-11T09", "09:00"), ("2024-03-11T07:30:00", "07:30"), ("2024-03-11", ""), ("2024-03", "")],
)  # fmt: skip
def test_time_of_day_label(value, label):
    assert time_of_day(value_to_date(value)) == label


@pytest.mark.parametrize("fmt", ["terminal", "markdown"])
def test_explain_names_an_unresolved_expression_in_an_undated_sentence(fmt):
    text = render(make_timed_timeline(), fmt, width=400, explain=True)
    assert '"Monday night" could not be resolved: the article has no publication date' in text
    assert '"the day before" could not be resolved: no earlier mention to anchor it' in text
    # a sentence with no time expression at all keeps the plain explanation
    assert text.count("no time expression in this sentence") == 1
    assert text.index("A clean-up began") < text.index("no time expression in this sentence")


def test_explain_unresolved_reason_with_a_publication_range_or_a_coarse_date():
    timeline = make_timed_timeline()
    u2, u3 = timeline.documents[1], timeline.documents[2]
    u2.published = Published(None, "inferred", earliest=date(2024, 3, 11), latest=date(2024, 3, 13))
    u3.published = Published("2024-03", "header")
    text = render(timeline, "terminal", width=400, explain=True)
    assert (
        '"Monday night" could not be resolved: the article\'s publication date is only known as a range '
        "(between 2024-03-11 and 2024-03-13 (inferred))" in text
    )
    assert "the publication date 2024-03 is too coarse and no earlier mention anchors it" in text


def test_published_bounds_narrower_than_a_coarse_value_are_shown():
    from datetime import date

    from timeline.render.common import published_text
    from timeline.types import Article, Published

    article = Article("x", "x.txt", "t", [(0, 1)])
    article.published = Published(
        "2024-W11", "inferred", "", earliest=date(2024, 3, 14), latest=date(2024, 3, 17)
    )
    assert published_text(article) == "between 2024-03-14 and 2024-03-17 (inferred)"
    article.published = Published(
        "2024-03-14", "inferred", "", earliest=date(2024, 3, 14), latest=date(2024, 3, 14)
    )
    assert published_text(article) == "2024-03-14 (inferred)"
    article.published = Published(None, "inferred", "", earliest=date(2024, 3, 14))
    assert published_text(article) == "on or after 2024-03-14 (inferred)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_output_is_the_rendered_text(fmt, monkeypatch):
    """The CLI writes large timelines piece by piece (JSON event by event): the pieces must join to exactly
    the text ``render`` returns, and the JSON to exactly the pretty-printed whole document."""
    from timeline.render import render_chunks, to_dict

    # an iCalendar event no dated source revised is stamped "now": two renders a second apart would differ
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")

    large = make_timeline()
    first = large.events[0]
    # an event large enough to be written mention by mention
    large.events[0] = replace(first, mentions=first.mentions * 150, reasons=first.reasons * 150)
    for timeline in (make_timeline(), make_timed_timeline(), large, Timeline(documents=[], events=[])):
        streamed = "".join(render_chunks(timeline, fmt))
        assert streamed == render(timeline, fmt)
        if fmt == "json":
            assert streamed == json.dumps(to_dict(timeline), indent=2, ensure_ascii=False)

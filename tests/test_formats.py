"""The formats for other programs: TimelineJS3 JSON, CSV, iCalendar and the self-contained HTML page.

Each is read back the way its consumer would (the documented TimelineJS fields as a JSON Schema, the csv
module, the icalendar library, an HTML parser) from the hand-made timeline of ``render_fixtures``, whose
expected dates are worked out by hand in the comments.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest
from icalendar import Calendar
from render_fixtures import A1_TEXT, EXPECTED_ORDER, make_timed_timeline, make_timeline

from timeline.render import render
from timeline.render.csvout import COLUMNS

TIMELINEJS_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "formats" / "timelinejs.schema.json").read_text(encoding="utf-8")
)


# --- TimelineJS ----------------------------------------------------------------------------------------


def timelinejs(timeline) -> dict:
    document = json.loads(render(timeline, "timelinejs"))
    jsonschema.validate(document, TIMELINEJS_SCHEMA)
    return document


def slide(document: dict, unique_id: str) -> dict:
    return next(s for s in document["events"] if s["unique_id"] == unique_id)


def test_timelinejs_follows_the_documented_format_in_time_order():
    document = timelinejs(make_timeline())
    headlines = [s["text"]["headline"] for s in document["events"]]
    assert headlines == EXPECTED_ORDER[:-1]  # the undated event has no place on the axis
    assert "1 undated event" in document["title"]["text"]["text"]


def test_timelinejs_dates_have_the_events_real_granularity():
    document = timelinejs(make_timeline())
    call = slide(document, "ev-call")  # 2022-02-14, a day
    assert call["start_date"] == {"year": 2022, "month": 2, "day": 14}
    assert "end_date" not in call and "display_date" not in call
    week = slide(document, "ev-week")  # 2022-W07: Monday 14 to Sunday 20 February
    assert week["start_date"] == {"year": 2022, "month": 2, "day": 14}
    assert week["end_date"] == {"year": 2022, "month": 2, "day": 20}
    assert week["display_date"] == "week of 14–20 Feb 2022"
    month = slide(document, "ev-month")  # 2022-02: no day at all
    assert month["start_date"] == {"year": 2022, "month": 2}
    assert month["display_date"] == "February 2022"
    assert slide(document, "ev-1994")["start_date"] == {"year": 1994}


def test_timelinejs_groups_by_status_and_cites_the_sources():
    document = timelinejs(make_timeline())
    assert slide(document, "ev-drills-end")["group"] == "expected"
    assert slide(document, "ev-1994")["group"] == "background"
    call = slide(document, "ev-call")
    assert call["group"] == "reported"
    assert '<a href="https://example.com/news/a1">Daily Example</a>' in call["text"]["text"]
    assert "b2" in call["text"]["text"]
    assert "2022-W06" in call["text"]["text"]  # the conflicting date, and who gives it
    assert "On Monday, the two ministers held a phone call" in call["text"]["text"]


def test_timelinejs_clock_times_and_parts_of_the_day():
    document = timelinejs(make_timed_timeline())
    crews = slide(document, "ev-crews")  # 15:00 on Monday 11 March 2024
    assert crews["start_date"] == {"year": 2024, "month": 3, "day": 11, "hour": 15, "minute": 0}
    assert slide(document, "ev-river")["display_date"] == "11 Mar 2024, night"


def test_timelinejs_escapes_html_in_titles():
    timeline = make_timeline()
    timeline.events = [replace(e, title="Rates <b>cut</b> & held") for e in timeline.events]
    document = timelinejs(timeline)
    assert document["events"][0]["text"]["headline"] == "Rates &lt;b&gt;cut&lt;/b&gt; &amp; held"


# --- CSV -----------------------------------------------------------------------------------------------


def csv_rows(timeline) -> tuple[str, list[dict]]:
    text = render(timeline, "csv")
    return text, list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_reads_back_one_row_per_event_in_time_order():
    text, rows = csv_rows(make_timeline())
    assert text.splitlines()[0].split(",") == list(COLUMNS)
    assert [row["title"] for row in rows] == EXPECTED_ORDER
    assert all(line.endswith("\r\n") for line in io.StringIO(text, newline="").readlines())  # RFC 4180


def test_csv_row_has_the_dates_sources_conflict_and_first_mention():
    _, rows = csv_rows(make_timeline())
    call = next(row for row in rows if row["event_id"] == "ev-call")
    assert (call["date"], call["start"], call["end"], call["granularity"]) == (
        "2022-02-14",
        "2022-02-14",
        "2022-02-14",
        "day",
    )
    assert call["sources"] == "a1; b2" and call["source_count"] == "2"
    assert (call["conflict"], call["conflicting_dates"]) == ("yes", "2022-W06")
    assert call["document"] == "a1"
    start, end = int(call["sentence_start"]), int(call["sentence_end"])
    assert (
        A1_TEXT[start:end]
        == call["sentence"]
        == "On Monday, the two ministers held a phone call about the drills."
    )
    assert call["line"] == "4"
    week = next(row for row in rows if row["event_id"] == "ev-week")
    assert (week["start"], week["end"], week["granularity"]) == ("2022-02-14", "2022-02-20", "week")
    undated = rows[-1]
    assert undated["event_id"] == "ev-visit" and undated["date"] == "" and undated["start"] == ""


def test_csv_quotes_commas_quotes_and_newlines_and_guards_formulas():
    timeline = make_timeline()
    timeline.events = [
        replace(e, title='He said "no", twice\nthen left') if e.id == "ev-call" else e
        for e in timeline.events
    ]
    timeline.events = [replace(e, title="=HYPERLINK(1)") if e.id == "ev-week" else e for e in timeline.events]
    _, rows = csv_rows(timeline)
    titles = {row["event_id"]: row["title"] for row in rows}
    assert titles["ev-call"] == 'He said "no", twice then left'  # one line a cell: no newline inside
    assert titles["ev-week"] == "'=HYPERLINK(1)"  # a spreadsheet must not run article text as a formula


# --- iCalendar -----------------------------------------------------------------------------------------


def calendar_events(timeline) -> dict:
    calendar = Calendar.from_ical(render(timeline, "ics"))
    return {str(entry["uid"]).split("@")[0]: entry for entry in calendar.walk("VEVENT")}


def test_ics_parses_back_with_one_event_per_dated_event():
    entries = calendar_events(make_timeline())
    assert set(entries) == {"ev-call", "ev-drills-end", "ev-week", "ev-month", "ev-planning", "ev-1994"}
    assert set(calendar_events(make_timeline())) == set(entries)  # the same UIDs on every run


def test_ics_days_are_all_day_and_spans_span_their_days():
    entries = calendar_events(make_timeline())

    def span(uid: str) -> tuple:
        return entries[uid]["dtstart"].dt, entries[uid]["dtend"].dt

    assert span("ev-call") == (date(2022, 2, 14), date(2022, 2, 15))  # DTEND is exclusive
    assert span("ev-week") == (date(2022, 2, 14), date(2022, 2, 21))  # Monday to Sunday
    assert span("ev-month") == (date(2022, 2, 1), date(2022, 3, 1))
    assert span("ev-1994") == (date(1994, 1, 1), date(1995, 1, 1))


def test_ics_description_status_and_revision_date():
    entries = calendar_events(make_timeline())
    call = entries["ev-call"]
    description = str(call["description"])
    assert "On Monday, the two ministers held a phone call about the drills." in description
    assert "Daily Example <https://example.com/news/a1>" in description and "b2" in description
    assert "2022-W06" in description
    assert str(call["summary"]) == "Ministers held a phone call"
    assert str(entries["ev-drills-end"]["status"]) == "TENTATIVE"
    # last revised: the later of its sources' publication days (a1 2022-02-15, b2 2022-02-16)
    assert call["dtstamp"].dt.date() == date(2022, 2, 16)


def test_ics_clock_time_starts_at_that_time():
    entries = calendar_events(make_timed_timeline())
    assert entries["ev-crews"]["dtstart"].dt == datetime(2024, 3, 11, 15, 0)
    assert entries["ev-river"]["dtstart"].dt == date(2024, 3, 11)  # "night": the day, all day


# --- HTML (structure; the browser test is in test_formats_browser.py) ------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_is_one_self_contained_small_file():
    page = render(make_timeline(), "html")
    collector = _Collector()
    collector.feed(page)
    assert not [t for t, a in collector.tags if t in ("link", "iframe", "img")]
    assert not [a for t, a in collector.tags if t == "script" and "src" in a]
    assert not re.search(r"@import|url\(", page)
    assert len(page.encode("utf-8")) < 40_000


def test_html_marks_granularity_status_conflict_and_escapes_user_text():
    page = render(make_timeline(), "html")
    collector = _Collector()
    collector.feed(page)
    cards = {a["id"]: a for t, a in collector.tags if t == "article"}
    assert cards["event-ev-week"]["data-granularity"] == "week"
    assert cards["event-ev-drills-end"]["data-status"] == "expected"
    assert json.loads(cards["event-ev-call"]["data-sources"]) == ["a1", "b2"]
    assert "14–20 Feb 2022" in page  # the week is shown as its days
    assert "Sources disagree: 2022-W06" in page
    assert "<b>" not in page.replace("<body>", "")  # c3's title holds "<b>": shown as text
    assert "# Drills | *Update* [live] &lt;b&gt;" in page
    assert "How this date was derived" in page


# --- every format from `timeline build`, end to end on the sample articles ---------------------------------


@pytest.fixture(scope="module")
def seeds_outputs(tmp_path_factory) -> tuple[dict, Path]:
    from typer.testing import CliRunner

    from timeline.cli import app

    folder = tmp_path_factory.mktemp("formats")
    seeds = str(Path(__file__).resolve().parent.parent / "seeds")
    runner = CliRunner()
    for fmt in ("json", "timelinejs", "csv", "ics", "html"):
        result = runner.invoke(app, ["build", seeds, "--format", fmt, "-o", str(folder / f"out.{fmt}")])
        assert result.exit_code == 0, result.output
    return json.loads((folder / "out.json").read_text(encoding="utf-8")), folder


def test_build_writes_every_format_from_the_same_timeline(seeds_outputs):
    data, folder = seeds_outputs
    dated = [e for e in data["events"] if e["date"] is not None]
    slides = json.loads((folder / "out.timelinejs").read_text(encoding="utf-8"))
    jsonschema.validate(slides, TIMELINEJS_SCHEMA)
    assert [s["unique_id"] for s in slides["events"]] == [e["id"] for e in dated]
    with (folder / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["event_id"] for row in rows] == [e["id"] for e in data["events"]]
    calendar = Calendar.from_ical((folder / "out.ics").read_bytes())
    assert sorted(str(v["uid"]) for v in calendar.walk("VEVENT")) == sorted(
        f"{e['id']}@timeline.invalid" for e in dated
    )
    page = (folder / "out.html").read_text(encoding="utf-8")
    assert all(f'id="event-{e["id"]}"' in page for e in data["events"])


def test_html_axis_shows_the_time_between_dates_and_forbids_any_fetch():
    page = render(make_timeline(), "html")
    # 1994 ends on 31 Dec 1994; February 2022 starts on 1 Feb 2022: 9,894 days, about 27 years
    between = page.split('data-date="1994"', 1)[1].split('data-date="2022-02"', 1)[0]
    assert '<div class="lapse" aria-hidden="true">27 years later</div>' in between
    # February 2022 covers every later date (1, 14 and 20 February): no time passes outside it
    assert page.count('class="lapse"') == 1
    assert "default-src 'none'" in page

"""Event titles: the JSON carries the whole clause; one-line views shorten it for display only."""

from __future__ import annotations

import json

from timeline.build import build_timeline
from timeline.render import render
from timeline.types import Article, Published

# Invented: one long clause without a comma to end it early; published Wednesday 2023-03-15.
LONG = (
    "Minister Rahn of Norland announced on Monday a sweeping plan to rebuild the northern rail network "
    "and the harbour at Kell together with three regional airports and the old coastal highway between "
    "Acme City and the border towns of the far north."
)
SHORT = "Acme opened a plant in Kell on Tuesday."


def _timeline():
    text = f"{LONG}\n\n{SHORT}"
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published("2023-03-15", "header"))
    return build_timeline([article])


def test_json_titles_carry_the_whole_clause():
    titles = [event["title"] for event in json.loads(render(_timeline(), "json"))["events"]]
    assert all(not title.endswith("\u2026") for title in titles)
    long = next(title for title in titles if title.startswith("Minister Rahn"))
    # the clause to its last word, only its date ("on Monday") left out
    assert long.startswith("Minister Rahn of Norland announced a sweeping plan")
    assert long.endswith("the border towns of the far north")
    assert "Acme opened a plant in Kell" in titles


def test_the_terminal_shows_a_long_title_on_one_short_line():
    out = render(_timeline(), "terminal", width=100)
    (line,) = [line for line in out.splitlines() if "Minister Rahn" in line]
    assert len(line) <= 100 and "\u2026" in line and line.rstrip().endswith("[1]")
    assert "far north" not in out  # shortened for display, not wrapped onto a second line
    assert "Acme opened a plant in Kell  [1]" in out  # a short title is shown whole


def test_one_line_formats_shorten_the_headline():
    timeline = _timeline()
    markdown = render(timeline, "markdown")
    (line,) = [line for line in markdown.splitlines() if "Minister Rahn" in line]
    assert "\u2026" in line and "far north" not in line
    headlines = [s["text"]["headline"] for s in json.loads(render(timeline, "timelinejs"))["events"]]
    assert all(len(headline) <= 120 for headline in headlines)
    assert "SUMMARY:Minister Rahn" in render(timeline, "ics").replace("\r\n ", "")

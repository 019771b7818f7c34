"""The HTML page in a real browser: headless Chromium loads the file, runs its script, and the DOM it
dumps holds the events, the filters and the shown-count.

Skipped (with the reason) only where no Chromium is installed; CI installs Debian's
``chromium-headless-shell`` (see ``.ci/run``).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.render.common import display_title

ROOT = Path(__file__).resolve().parent.parent
SEEDS = str(ROOT / "seeds")
BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome", "headless_shell")
BROWSER = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)

pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="no headless Chromium installed (apt-get install chromium-headless-shell) to load the HTML page",
)


def browser_command(tmp_path: Path, *extra: str) -> list[str]:
    return [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        *extra,
    ]


def dump_dom(tmp_path: Path, url: str) -> str:
    done = subprocess.run(
        browser_command(tmp_path, "--dump-dom", url), capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("page")
    page = folder / "timeline.html"
    runner = CliRunner()
    assert runner.invoke(app, ["build", SEEDS, "--format", "html", "-o", str(page)]).exit_code == 0
    data = json.loads(runner.invoke(app, ["build", SEEDS, "--format", "json"]).output)
    return page, data


def cards(dom: str) -> list[tuple[str, str]]:
    """(class attribute, heading text) of every event card in the dumped DOM."""
    found = re.findall(r'<article class="([^"]*)"[^>]*>.*?<h3>(.*?)(?:<span class="tag|</h3>)', dom, re.S)
    return [(css, unescape(title)) for css, title in found]


def test_the_browser_renders_every_event_and_runs_the_script(seeds_page, tmp_path):
    page, data = seeds_page
    dom = dump_dom(tmp_path, page.as_uri())
    assert 'data-ready="yes"' in dom  # the page's script ran to the end without an error
    shown = cards(dom)
    assert [title for _, title in shown] == [display_title(event["title"]) for event in data["events"]]
    assert f"{len(data['events'])} of {len(data['events'])} events shown" in dom
    assert not [css for css, _ in shown if "hidden" in css]


def test_the_status_filter_from_the_address_hides_the_other_events(seeds_page, tmp_path):
    page, data = seeds_page
    dom = dump_dom(tmp_path, page.as_uri() + "#status=expected")
    expected = [display_title(e["title"]) for e in data["events"] if e["status"] == "expected"]
    visible = [title for css, title in cards(dom) if "hidden" not in css]
    assert visible == expected and expected
    assert f"{len(expected)} of {len(data['events'])} events shown" in dom


def test_the_source_filter_keeps_the_events_citing_that_source(seeds_page, tmp_path):
    page, data = seeds_page
    source = data["documents"][2]["id"]
    dom = dump_dom(tmp_path, page.as_uri() + f"#source={source}")
    citing = [display_title(e["title"]) for e in data["events"] if source in e["sources"]]
    visible = [title for css, title in cards(dom) if "hidden" not in css]
    assert visible == citing and 0 < len(citing) < len(data["events"])


def test_a_screenshot_of_the_page_can_be_taken(seeds_page, tmp_path):
    page, _ = seeds_page
    shot = tmp_path / "page.png"
    subprocess.run(
        browser_command(
            tmp_path, "--hide-scrollbars", "--window-size=1000,800", f"--screenshot={shot}", page.as_uri()
        ),
        capture_output=True,
        timeout=60,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_many_sources_with_spaces_in_their_ids_filter_from_the_address(tmp_path):
    from datetime import date

    from timeline.render import render
    from timeline.temporal.timex import value_to_date
    from timeline.types import Article, Event, Published, Timeline

    documents = [
        Article(
            f"outlet {n}", f"outlet {n}.txt", "x", [(0, 1)], published=Published(f"2022-03-{n:02d}", "header")
        )
        for n in range(1, 15)
    ]
    events = [
        Event(f"ev-{n}", value_to_date(date(2022, 3, n).isoformat()), f"Acme event number {n}", "reported",
              [f"outlet {n}"], [])
        for n in range(1, 15)
    ]  # fmt: skip
    page = tmp_path / "many.html"
    page.write_text(render(Timeline(documents, events), "html"), encoding="utf-8")
    dom = dump_dom(tmp_path, page.as_uri() + "#source=outlet%207")
    assert '<details class="many">' in dom  # 14 source filters fold away
    assert [title for css, title in cards(dom) if "hidden" not in css] == ["Acme event number 7"]
    assert "1 of 14 events shown" in dom


def test_a_link_to_one_event_opens_its_derivation(seeds_page, tmp_path):
    page, data = seeds_page
    event = next(e for e in data["events"] if e["conflicts"])
    dom = dump_dom(tmp_path, page.as_uri() + f"#event-{event['id']}")
    card = dom.split(f'id="event-{event["id"]}"', 1)[1].split("</article>", 1)[0]
    assert '<details class="derivation" open="">' in card
    assert "How this date was derived" in card and event["mentions"][0]["line"] > 0
    assert f"line {event['mentions'][0]['line']}" in card

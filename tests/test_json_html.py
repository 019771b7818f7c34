"""JSON / JSON Lines records whose text field holds HTML: converted to plain text, offsets index it."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from timeline.readers import read_paths
from timeline.readers.html import fragment_to_text, looks_like_html
from timeline.sentences import split_sentences
from timeline.types import Article

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
RECORDS = INPUTS / "html_records.jsonl"

PIER_TEXT = (
    "The council voted on Monday to close the old pier.\n\n"
    "Fishermen & traders said they were \u201csurprised\u201d by the decision. Repairs will start in June."
)
MARGINS_TEXT = "Profits rose although margins stayed < 5% and a < b held in every quarter."
FERRY_TEXT = 'Officials said "the ferry will run again" on Friday & Saturday.'


def read_records() -> dict[str, Article]:
    return {article.id: article for article in read_paths([str(RECORDS)])}


def without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes "import trafilatura" raise ImportError, as when the extra is missing.
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def test_html_record_becomes_plain_text_with_its_dates():
    articles = read_records()
    pier = articles["pier-1"]
    assert pier.text == PIER_TEXT
    assert pier.body == [(0, len(PIER_TEXT))]
    assert pier.format == "jsonl"
    assert pier.title == "Pier & harbour: council\u2019s vote"
    assert (pier.published.value, pier.published.source) == ("2019-03-14", "metadata")
    assert articles["ferry-1"].published.value == "2019-03-16"


def test_html_record_gives_clean_sentences_in_paragraphs():
    sentences = split_sentences(read_records()["pier-1"])
    assert [s.text for s in sentences] == [
        "The council voted on Monday to close the old pier.",
        "Fishermen & traders said they were \u201csurprised\u201d by the decision.",
        "Repairs will start in June.",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 1]
    text = read_records()["pier-1"].text
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_plain_text_with_a_less_than_sign_is_unchanged():
    assert read_records()["margins-1"].text == MARGINS_TEXT


def test_entity_escaped_text_is_decoded():
    assert read_records()["ferry-1"].text == FERRY_TEXT


def test_fallback_without_trafilatura_gives_the_same_text(monkeypatch):
    without_trafilatura(monkeypatch)
    articles = read_records()
    assert articles["pier-1"].text == PIER_TEXT
    assert articles["margins-1"].text == MARGINS_TEXT
    assert articles["ferry-1"].text == FERRY_TEXT


def test_fallback_when_trafilatura_finds_nothing(monkeypatch):
    silent = types.SimpleNamespace(extract=lambda *args, **kwargs: None)
    monkeypatch.setitem(sys.modules, "trafilatura", silent)
    assert fragment_to_text("<p>Short note.</p>") == "Short note."


def test_trafilatura_output_that_drops_a_line_is_not_used(monkeypatch):
    lossy = types.SimpleNamespace(extract=lambda *args, **kwargs: "Tickets cost more.")
    monkeypatch.setitem(sys.modules, "trafilatura", lossy)
    fragment = "The ferry resumed on Tuesday.<br><br>Tickets cost more."
    assert fragment_to_text(fragment) == "The ferry resumed on Tuesday.\n\nTickets cost more."


def test_fallback_line_breaks_lists_and_source_whitespace(monkeypatch):
    without_trafilatura(monkeypatch)
    fragment = (
        "<div>\n<h2>Update</h2>Work on the bridge\n   began in May.<br>It paused in July.<br/><br/>"
        "<ul><li>Cost: 3&nbsp;million</li><li>Length: 40&#160;m</li></ul><noscript>Enable JS</noscript></div>"
    )
    assert fragment_to_text(fragment) == (
        "Update\n\nWork on the bridge began in May.\nIt paused in July.\n\nCost: 3 million\n\nLength: 40 m"
    )


def test_record_whose_html_holds_no_text_is_skipped_with_a_warning(tmp_path):
    path = tmp_path / "two.jsonl"
    lines = [{"id": "empty", "content": "<div><script>x()</script></div>"}, {"id": "ok", "text": "Fine."}]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    messages: list[str] = []
    assert [a.id for a in read_paths([str(path)], warn=messages.append)] == ["ok"]
    assert any("no article text" in message for message in messages)


@pytest.mark.parametrize(
    "text",
    ["<p>One.</p>", "One.<br>Two.", "One.</div>", "<P CLASS='x'>One.", "&quot;One&quot;", "<!-- c -->One."],
)
def test_html_is_recognised(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    ["profits < 5%", "a < b and c > d", "a<b", "if x<y then", "AT&T and H&M", "Tom &amp; Jerry"],
)
def test_plain_text_is_not_taken_for_html(text):
    assert not looks_like_html(text)


def test_escaped_text_without_markup_is_decoded_without_trafilatura(monkeypatch):
    """A field of HTML-escaped plain text ("&amp;" twice) is decoded as is: trafilatura, which needs markup
    to tell boilerplate, is not consulted (nor imported: it costs a large build ~15 MB)."""

    def refuse(*args, **kwargs):
        raise AssertionError("trafilatura consulted for text without markup")

    monkeypatch.setitem(sys.modules, "trafilatura", types.SimpleNamespace(extract=refuse))
    text = "Acme &amp; Norland signed the pact; Rahn &amp; Varga said it was &quot;a start&quot;."
    assert looks_like_html(text)
    assert fragment_to_text(text) == 'Acme & Norland signed the pact; Rahn & Varga said it was "a start".'

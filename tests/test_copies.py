"""Re-sent copies of an article: they add no events of their own, are not counted twice, stay visible."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from timeline import build, copies, select
from timeline.build import build_timeline
from timeline.config import BuildOptions
from timeline.render import render, to_dict
from timeline.render.common import summary_counts
from timeline.schema import load_schema
from timeline.temporal.timex import value_to_date
from timeline.types import Article, Event, Published, Timeline

# Invented wire story, first sent on Thursday 11 May 2023: Wednesday is 10 May, Thursday 11 May.
STORY = (
    "The Lerwen city council voted on Wednesday to shut down the Marsk paper mill, citing health concerns "
    "raised by residents of the river valley.\n\n"
    "Several hundred mill workers marched to the council building on Thursday to demand new jobs.\n\n"
    "The mill has employed families in the valley for more than eighty years, the union said."
)
# A write-thru a week later: one word edited, one paragraph added (Monday 15 May).
WRITE_THRU = (
    STORY.replace("health concerns", "health worries")
    + "\n\nPolice detained four protesters outside the mill gates on Monday after a scuffle with guards."
)


def _article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _dated(timeline: Timeline) -> dict[str, list[str]]:
    """Event date value -> sources, for the dated events."""
    return {e.date.value: e.sources for e in timeline.events if e.date is not None}


@pytest.fixture(scope="module")
def resent() -> Timeline:
    # the same text sent again a week later: its "Wednesday" would read as 17 May
    return build_timeline([_article("resend", STORY, "2023-05-18"), _article("first", STORY, "2023-05-11")])


def test_a_resent_copy_adds_no_events_of_its_own(resent):
    assert copies.find_copies(resent.documents) == {"resend": "first"}
    assert _dated(resent) == {"2023-05-10": ["first"], "2023-05-11": ["first"]}
    assert all(not e.conflicts for e in resent.events)
    assert resent.copies == {"resend": "first"}
    assert resent.warnings == ["resend repeats the text of first: counted as one source (first)"]


def test_a_resent_copy_is_not_counted_as_a_source(resent):
    counts = summary_counts(resent)
    assert (counts["articles"], counts["events"], counts["sources"]) == (2, 2, 1)
    assert render(resent, "terminal").splitlines()[-1].startswith("2 articles read · 2 events · 1 source ·")


def test_a_resent_copy_stays_in_the_json_documents_with_what_it_copies(resent):
    document = to_dict(resent)
    assert {d["id"]: d["copy_of"] for d in document["documents"]} == {"first": None, "resend": "first"}
    assert not list(Draft202012Validator(load_schema("timeline")).iter_errors(document))


def test_the_source_list_says_what_a_copy_repeats(resent):
    terminal = render(resent, "terminal", width=200)
    legend = terminal[terminal.index("Sources") :]
    assert "[2] resend" in legend
    assert "repeats the text of [1]: counted as one source with it" in legend
    markdown = render(resent, "markdown")
    assert "*repeats the text of `first`: counted as one source with it*" in markdown


def test_explain_tells_that_a_copy_repeats_the_event_sentences(resent):
    text = render(resent, "terminal", width=300, explain=True)
    note = "[2], published 2023-05-18, repeats these sentences of [1]: not counted again"
    assert text.count(note) == 2  # under each of the two events
    assert "`resend`, published 2023-05-18, repeats these sentences of `first`" in render(
        resent, "markdown", explain=True
    )


def test_a_write_thru_keeps_only_the_paragraph_it_adds():
    timeline = build_timeline(
        [_article("first", STORY, "2023-05-11"), _article("update", WRITE_THRU, "2023-05-18")]
    )
    assert timeline.copies == {"update": "first"}
    # the shared sentences (one lightly edited) count once, dated from the first sending; the added
    # paragraph is the write-thru's own report, dated from its own publication date (Monday 15 May)
    assert _dated(timeline) == {"2023-05-10": ["first"], "2023-05-11": ["first"], "2023-05-15": ["update"]}
    assert timeline.warnings == [
        "update repeats most of the text of first: what they share is counted once (first); "
        "1 sentence of its own kept"
    ]
    assert summary_counts(timeline)["sources"] == 2
    legend = render(timeline, "terminal", width=200)
    assert "repeats most of the text of [1]: only the sentences it adds are cited as its own" in legend


def test_own_mentions_ignores_how_the_original_was_split_into_sentences():
    original = _article("first", STORY.replace(" to demand", ". To demand"), "2023-05-11")
    copy = _article("copy", STORY, "2023-05-18")
    sentences, _, _ = build.read_article(original)
    _, _, mentions = build.read_article(copy)
    assert mentions  # the copy's own reading has dated mentions ...
    assert copies.own_mentions(mentions, original, sentences) == []  # ... all of them the original's


# ---------------------------------------------------------------- the source list under --top


def _event(doc: str, value: str, title: str) -> Event:
    return Event(f"ev-{doc}", value_to_date(value), title, "reported", [doc], [])


def _four_articles() -> Timeline:
    documents = [_article(doc, f"Text of {doc}.", "2023-05-11") for doc in ("a", "b", "c", "d")]
    events = [
        _event("a", "2023-05-10", "The council voted"),
        _event("c", "2023-05-11", "Workers marched"),
    ]
    return Timeline(documents=documents, events=events, copies={"b": "a"})


def test_source_list_details_only_the_cited_articles_and_their_copies():
    timeline = _four_articles()
    timeline.events = select.select_events(timeline.events, BuildOptions(top=1))
    assert [e.title for e in timeline.events] == ["The council voted"]  # the earlier of equals
    text = render(timeline, "terminal", width=200)
    legend = text[text.index("Sources") :]
    assert "[1] a" in legend and "a.txt" in legend
    assert "[2] b" in legend and "repeats the text of [1]" in legend  # where else the cited text ran
    assert "c.txt" not in legend and "d.txt" not in legend
    assert "also read, not cited above: [3] c, [4] d" in legend
    assert text.splitlines()[-1].startswith("4 articles read · 1 event · 1 source ·")
    markdown = render(timeline, "markdown")
    sources = markdown[markdown.index("## Sources") :]
    assert "`a.txt`" in sources and "`b.txt`" in sources and "`c.txt`" not in sources
    assert "*Also read, not cited above:* `c`, `d`" in sources


def test_source_list_details_every_article_when_no_event_cites_any():
    timeline = _four_articles()
    timeline.events = []
    text = render(timeline, "terminal", width=200)
    assert all(f"{doc}.txt" in text for doc in "abcd")
    assert "not cited" not in text


def test_a_copys_unresolved_expressions_are_reported_once(resent):
    from dataclasses import replace

    from timeline.gaps import find_gaps
    from timeline.policy import CheckPolicy
    from timeline.types import TimeExpression

    # the same expression, which could not be normalised, in the article and in its re-send
    start = STORY.index("Wednesday")
    unresolved = TimeExpression("Wednesday", start, start + 9, "DATE", None, None, "unresolved")
    timeline = replace(resent, expressions={"first": [unresolved], "resend": [unresolved]})
    gaps = [g for g in find_gaps(timeline, CheckPolicy()) if g.kind == "unresolved-expression"]
    assert [g.document for g in gaps] == ["first"]


def test_the_run_hashes_are_those_of_each_run_of_five_word_hashes():
    # the copies' shingles: the hash of each run of five consecutive words' crc32 (stable across runs), once
    import zlib

    text = "Acme and Norland signed the deal. Acme and Norland signed the deal again on Monday."
    article = Article("a", "a.txt", text, [(0, len(text))])
    words = [w.lower() for w in text.replace(".", " ").split()]
    ids = [zlib.crc32(w.encode("utf-8")) for w in words]
    expected = {hash(tuple(ids[k : k + 5])) for k in range(len(ids) - 4)}
    assert copies._shingles(article) == expected
    assert len(expected) < len(ids) - 4  # a repeated run counts once
    short = Article("b", "b.txt", "Acme signed", [(0, 11)])
    assert copies._shingles(short) == set()

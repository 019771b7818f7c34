"""Every join says why and how sure: reasons and confidence on events, in --explain and in JSON."""

from __future__ import annotations

from timeline.build import build_timeline
from timeline.merge import merge_mentions
from timeline.render.explain import explain_mention
from timeline.render.jsonout import to_dict
from timeline.temporal.timex import value_to_date
from timeline.types import Article, EventMention, Published, Sentence, TimeExpression


def _article(doc: str, text: str = "", published: str | None = None) -> Article:
    text = text or f"text of {doc}"
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _mention(doc: str, value: str | None, text: str, trigger: str, actors: list[str], terms: list[str]):
    sentence = Sentence(doc, 0, 0, len(text), text, 0, 1)
    expression = TimeExpression(value, 0, 5, "DATE", value, None, "absolute") if value else None
    return EventMention(
        document=doc,
        sentence=sentence,
        expression=expression,
        date=value_to_date(value) if value else None,
        trigger=trigger,
        actors=actors,
        terms=terms,
        title=text.rstrip("."),
        date_source="expression" if value else "none",
    )


ARTICLES = [_article(d) for d in ("a", "b", "c")]


def test_a_join_records_shared_actors_terms_and_the_date():
    mentions = [
        _mention(
            "a",
            "2031-03-04",
            "Minister Rahn held a call with Ostrava on Tuesday.",
            "call",
            ["Rahn", "Ostrava"],
            ["call"],
        ),
        _mention(
            "b",
            "2031-03-04",
            "Paul Rahn had a phone call with Ostrava.",
            "call",
            ["Paul Rahn", "Ostrava"],
            ["call", "phone"],
        ),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert len(event.reasons) == 1
    reason = event.reasons[0]
    assert {reason.document, reason.matched_document} == {"a", "b"}
    assert reason.kind == "same-date"
    assert any("Rahn" in actor and "~" in actor for actor in reason.actors)  # a spelling variant, shown
    assert "call" in reason.terms
    assert "2031-03-04" in reason.date
    assert 0.0 < reason.confidence <= 1.0
    assert event.confidence == reason.confidence


def test_a_single_source_event_is_certain_and_has_no_reasons():
    (event,) = merge_mentions(
        [_mention("a", "2031-03-04", "Rahn called.", "called", ["Rahn"], ["call"])], ARTICLES
    )
    assert event.reasons == []
    assert event.confidence == 1.0


def test_an_undated_join_says_it_took_the_events_date_and_why():
    dated = _mention(
        "a",
        "2031-03-04",
        "Rahn called Ostrava about the dam.",
        "called",
        ["Rahn", "Ostrava"],
        ["call", "dam"],
    )
    undated = _mention(
        "b", None, "Rahn called Ostrava about the dam.", "called", ["Rahn", "Ostrava"], ["call", "dam"]
    )
    (event,) = merge_mentions([dated, undated], ARTICLES)
    joined = next(m for m in event.mentions if m.document == "b")
    assert joined.date_source == "joined"
    assert joined.join is not None and joined.join.kind == "undated"
    text = explain_mention(joined)
    assert "took the date of the event" in text
    assert "joined because" in text and "shared actors" in text and "confidence" in text


def test_json_carries_reasons_and_a_confidence_per_event():
    text_a = "Minister Rahn of Norland visited the Acme dam on 4 March 2031. Officials said the dam is safe."
    text_b = "Norland's Minister Rahn visited the Acme dam on 4 March 2031, officials said."
    timeline = build_timeline([_article("a", text_a, "2031-03-05"), _article("b", text_b, "2031-03-05")])
    document = to_dict(timeline)
    visit = [e for e in document["events"] if set(e["sources"]) == {"a", "b"}]
    assert visit, "the two reports of the visit are one event"
    (event,) = visit
    assert 0.0 < event["confidence"] <= 1.0
    assert event["reasons"] and event["reasons"][0]["kind"] in ("same-date", "compatible-date")
    assert all(0.0 <= r["confidence"] <= 1.0 for e in document["events"] for r in e["reasons"])

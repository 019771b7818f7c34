"""A decision and its maker's words on it that day are one happening (#11)."""

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b")]


def _at(mention: EventMention, index: int) -> EventMention:
    """The mention as its article's sentence ``index`` (each sentence its own offset)."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _ruling(doc: str, text: str, maker: str, terms: list[str]) -> EventMention:
    return dated_mention(doc, "2031-03-05", text, "ruled", [maker], terms, subjects=[maker])


def _statement(doc: str, text: str, terms: list[str]) -> EventMention:
    """Far from its article's ruling (sentence 6), sharing no word with it: only other outlets' reports
    of the ruling share a word with the statements."""
    return _at(dated_mention(doc, "2031-03-05", text, "said", ["Rahn"], terms), 6)


def _statements() -> list[EventMention]:
    return [
        _statement("a", "``The crew comes first,'' Rahn said on Wednesday about safety.", ["crew", "safety"]),
        _statement(
            "b", "Rahn said on Wednesday that the crew had missed two inspections.", ["crew", "inspection"]
        ),
    ]


def _rulings(maker: str, first: str, second: str) -> list[EventMention]:
    return [
        _ruling("a", first, maker, ["ferry", "licence", "revoke"]),
        _ruling("b", second, maker, ["ferry", "licence", "revoke", "safety"]),
    ]


def _event_of(events, text: str):
    return next(e for e in events if any(m.sentence.text.startswith(text) for m in e.mentions))


def test_the_makers_words_on_its_ruling_that_day_join_the_ruling():
    rulings = _rulings(
        "Rahn",
        "Commissioner Rahn ruled on Wednesday that the Acme ferry licence is revoked.",
        "The Acme ferry licence was revoked on Wednesday on safety grounds, Commissioner Rahn ruled.",
    )
    events = merge_mentions(rulings + _statements(), ARTICLES)
    ruling = _event_of(events, "Commissioner Rahn ruled")
    assert len(ruling.mentions) == 4 and ruling.sources == ["a", "b"]
    assert any("maker's words" in reason.date for reason in ruling.reasons)
    assert all(m.date_source == "expression" for m in ruling.mentions)  # every date its own


def test_words_of_someone_who_did_not_make_the_ruling_stay_apart():
    rulings = _rulings(
        "Acme",
        "The Acme board ruled on Wednesday that the ferry licence is revoked.",
        "The ferry licence was revoked on Wednesday on safety grounds, the Acme board ruled.",
    )
    events = merge_mentions(rulings + _statements(), ARTICLES)
    assert _event_of(events, "``The crew") is not _event_of(events, "The Acme board ruled")

"""Event titles say what happened, not only who said or thought it: a clause a short title's verb governs
("ruled that ..."), a cleft's clause ("It was not until May that ..."), a closing object pronoun or particle
("loved him for it", "picked her up"), and never an empty title (invented sentences, the whole reading
stage: sentences, time expressions, mentions)."""

from __future__ import annotations

import pytest

from timeline.build import read_article
from timeline.types import Article, EventMention, Published


def _mentions(text: str, published: str = "2010-12-08") -> list[EventMention]:
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(published, "header"))
    return read_article(article)[2]


def _titles(text: str) -> list[str]:
    return [m.title for m in _mentions(text)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "The magistrate ruled that no recordings of the hearing would be allowed.",
            "The magistrate ruled that no recordings of the hearing would be allowed",
        ),
        ("Analysts believe that the vote will be close.", "Analysts believe that the vote will be close"),
        ("He pointed out that the messages stay online.", "He pointed out that the messages stay online"),
        (
            "It is thought that Rahn would appear before the court.",
            "It is thought that Rahn would appear before the court",
        ),
    ],
)
def test_a_short_title_takes_the_clause_its_verb_governs(text: str, title: str) -> None:
    assert title in _titles(text)


def test_a_long_title_does_not_reach_into_the_next_clause() -> None:
    text = "The Westholm council and the Acme board finally approved the harbour plan that the union opposed."
    assert all(not t.endswith("opposed") or "approved" in t for t in _titles(text))
    assert "The Westholm council and the Acme board finally approved the harbour plan" in _titles(text)


def test_a_cleft_is_titled_by_what_happened_on_its_date() -> None:
    (dated,) = [
        m
        for m in _mentions("It was not until 18 November that the court approved the warrant.")
        if m.expression
    ]
    assert (dated.date.value, dated.title) == ("2010-11-18", "The court approved the warrant")


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("And we loved him for it.", "We loved him for it"),
        ("Rahn picked her up at the station.", "Rahn picked her up at the station"),
        ("Varga gave up.", "Varga gave up"),
    ],
)
def test_a_closing_object_pronoun_or_particle_stays_in_the_title(text: str, title: str) -> None:
    assert title in _titles(text)


def test_a_title_never_opens_on_the_s_of_a_word_left_out() -> None:
    titles = _titles("Today 's vote is about choosing between bad and worse , he told the agency .")
    assert titles and not any(t.startswith("S ") or t == "S" for t in titles)


@pytest.mark.parametrize(
    "text",
    [
        "Last Tuesday , while working on a story about sanctions , we were arrested outside a pharmacy .",
        "But there was more to it than that on Monday .",
        "It was not until Monday that .",
    ],
)
def test_no_event_has_an_empty_title(text: str) -> None:
    mentions = _mentions(text)
    assert mentions and all(m.title.strip() for m in mentions)


def test_a_verbless_dated_fragment_is_still_no_event() -> None:
    assert [m for m in _mentions("Why not, on a Saturday afternoon.") if m.expression] == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Rahn yesterday rejected growing pressure to call off Friday 's presidential election .",
            "Rahn rejected growing pressure to call off presidential election",
        ),
        (
            "Acme expects to produce 500 tonnes of grain in this year 's harvest , a 28 % drop .",
            "Acme expects to produce 500 tonnes of grain in harvest, a 28 % drop",
        ),
    ],
)
def test_a_possessive_date_left_out_takes_its_s_and_leaves_the_preposition(text: str, title: str) -> None:
    """Tokenised text writes "Friday 's" apart: without the date, its "'s" would stand alone ("off s
    presidential"), and the preposition before the date governs the noun after it."""
    titles = _titles(text)
    assert title in titles
    assert not any(" s " in f" {t} " for t in titles)

"""A later report whose date is unstated (its publication day, the narrative's day) retells an earlier
happening it names: it joins that event as a retelling, keeping its own date, with no conflict."""

from __future__ import annotations

from datetime import date, timedelta

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.temporal.timex import value_to_date
from timeline.types import Article, EventMention

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b")]


def _mention(
    doc: str, value: str, text: str, trigger: str, actors: list[str], terms: list[str]
) -> EventMention:
    return dated_mention(doc, value, text, trigger, actors, terms, places=[a for a in actors if a == "Vesta"])


def _blast() -> EventMention:
    return _mention(
        "a", "2011-04-29", "A bomb exploded at the Vesta courthouse on Friday, killing three guards.",
        "exploded", ["Vesta"], ["bomb", "attack", "courthouse", "death", "guard"],
    )  # fmt: skip


def _later(text: str, trigger: str, actors: list[str], terms: list[str], rule: str = "past") -> EventMention:
    """A sentence of an article published on May 12 that states no date: dated by its publication day."""
    mention = _mention("b", "2011-05-12", text, trigger, actors, terms)
    mention.expression = None
    mention.date_source = "publication-implicit"
    mention.date_rule = f"publication-implicit.{rule}"
    mention.earliest = date(2011, 5, 12) - timedelta(days=1)
    return mention


def test_a_later_past_tense_report_of_the_blast_joins_it_as_a_retelling_keeping_its_date():
    retold = _later(
        "The blast at the Vesta courthouse was heard across the river.",
        "was", ["Vesta"], ["attack", "courthouse", "river", "heard"],
    )  # fmt: skip
    (event,) = merge_mentions([_blast(), retold], ARTICLES)
    assert event.sources == ["a", "b"]
    assert event.date.value == "2011-04-29"  # the retelling does not move the event
    assert event.conflicts == []  # an unstated date disagrees with nothing
    joined = next(m for m in event.mentions if m.document == "b")
    assert joined.date.value == "2011-05-12" and joined.date_source == "publication-implicit"
    assert joined.join is not None and joined.join.kind == "retelling"


def test_a_lead_on_a_later_day_is_that_days_news_not_a_retelling():
    lead = _later(
        "A bomb exploded at the Vesta courthouse, killing two guards.",
        "exploded", ["Vesta"], ["bomb", "attack", "courthouse", "death", "guard"], rule="lead",
    )  # fmt: skip
    assert len(merge_mentions([_blast(), lead], ARTICLES)) == 2


def test_a_named_partys_own_act_on_the_happening_is_no_retelling():
    condemned = _later(
        "Norland condemned the blast at the Vesta courthouse.",
        "condemned", ["Norland", "Vesta"], ["condemn", "attack", "courthouse"],
    )  # fmt: skip
    assert len(merge_mentions([_blast(), condemned], ARTICLES)) == 2


def test_nothing_in_common_but_the_kind_of_happening_is_too_weak_to_retell():
    other = _later(
        "A bomb exploded at a market in Ostria.", "exploded", ["Ostria"], ["bomb", "attack", "market"]
    )
    assert len(merge_mentions([_blast(), other], ARTICLES)) == 2


def _killing() -> EventMention:
    return _mention(
        "a", "2011-04-29", "Minister Rahn was killed at his home in Vesta on Friday.",
        "killed", ["Minister Rahn", "Vesta"], ["death", "home", "minister"],
    )  # fmt: skip


def _months_later(text: str, actors: list[str], terms: list[str]) -> EventMention:
    mention = _later(text, "killed", actors, terms)
    mention.date = value_to_date("2011-09-20")
    mention.earliest = date(2011, 9, 19)
    return mention


def test_months_later_a_retelling_needs_a_shared_name_and_more():
    retold = _months_later("Rahn was killed at his home.", ["Rahn"], ["death", "home"])
    (event,) = merge_mentions([_killing(), retold], ARTICLES)
    assert event.date.value == "2011-04-29" and event.conflicts == []
    joined = next(m for m in event.mentions if m.document == "b")
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date.value == "2011-09-20"


def test_months_later_the_same_words_without_a_name_are_another_killing():
    other = _months_later("A minister was killed at his home.", [], ["death", "home", "minister"])
    assert len(merge_mentions([_killing(), other], ARTICLES)) == 2


def test_a_recurring_kind_of_happening_is_never_retold():
    met = _mention(
        "a", "2011-04-29", "Minister Rahn met the Acme board in Vesta on Friday.",
        "met", ["Minister Rahn", "Acme", "Vesta"], ["meeting", "board"],
    )  # fmt: skip
    again = _later(
        "Rahn met the Acme board in Vesta.", "met", ["Rahn", "Acme", "Vesta"], ["meeting", "board"]
    )
    assert len(merge_mentions([met, again], ARTICLES)) == 2

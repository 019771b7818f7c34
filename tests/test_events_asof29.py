"""Which expression dates a sentence (session 9, asof29): a day named as a deadline dates the deadline.

"set March 17 as the deadline", "gave Norland a deadline of May 2": the day is the deadline's, not the
day the deadline was set.  Every input is an invented article published on Wednesday 2023-03-15.
"""

from __future__ import annotations

from timeline.events import extract_mentions
from timeline.render.explain import explain_mention
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published

PUBLISHED = "2023-03-15"


def _mentions(text: str) -> list[EventMention]:
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(PUBLISHED, "header"))
    return extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))


def _dated(mentions: list[EventMention], value: str) -> list[EventMention]:
    return [m for m in mentions if m.date is not None and m.date.value == value]


def test_a_day_set_as_the_deadline_dates_the_deadline_not_the_setting():
    mentions = _mentions("The regulator set March 17 as the deadline for the sale of the plant.")
    (deadline,) = _dated(mentions, "2023-03-17")
    assert deadline.trigger == "deadline"
    assert deadline.title == "The deadline for the sale of the plant"
    assert deadline.status == "expected"  # after the publication day: a plan, not news
    assert deadline.date_rule == "expression.day-role"
    assert explain_mention(deadline).endswith("so it dates that noun, not the act of its clause")
    assert not [m for m in mentions if m.trigger == "set" and m.date is not None]


def test_the_setting_keeps_its_own_day_beside_the_deadline():
    mentions = _mentions("The regulator on Monday set March 17 as the deadline for the sale.")
    (setting,) = _dated(mentions, "2023-03-13")
    assert setting.trigger == "set"
    # the deadline's day is what the act set: its title keeps it, as it drops its own "on Monday"
    assert setting.title == "The regulator set March 17 as the deadline for the sale"
    assert [m.trigger for m in _dated(mentions, "2023-03-17")] == ["deadline"]


def test_a_deadline_of_a_day_given_by_a_verb_is_an_event_of_that_day():
    mentions = _mentions("Acme gave Norland a deadline of May 2 to reply.")
    (deadline,) = _dated(mentions, "2023-05-02")
    assert deadline.title == "A deadline to reply"
    (giving,) = [m for m in mentions if m.date_source == "publication-implicit"]
    assert giving.title == "Acme gave Norland a deadline of May 2 to reply"


def test_a_day_named_as_the_date_of_a_vote_dates_that_date():
    mentions = _mentions("Minister Rahn named May 2 as the date of the vote.")
    assert [m.title for m in _dated(mentions, "2023-05-02")] == ["The date of the vote"]


def test_a_day_after_a_preposition_still_dates_the_clause():
    # "as the day wore on" is a clause of time, not a role given to Monday
    mentions = _mentions("Acme opened the plant on Monday as the day wore on.")
    assert [m.trigger for m in _dated(mentions, "2023-03-13")] == ["opened"]


def test_a_deadline_the_clause_only_names_is_not_dated_as_an_event():
    # the signing is the news; the deadline is not what the verb sets
    mentions = _mentions("Acme signed the deal ahead of the deadline of March 17.")
    assert not _dated(mentions, "2023-03-17")
    assert [m.trigger for m in mentions] == ["signed"]

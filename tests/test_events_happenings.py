"""What a sentence's mention says happened (session 8): the happening a framing verb speaks of, and more of a
recent happening told on in a later paper.

Every input is an invented article; the publication date is a Wednesday, 2023-03-15.
"""

from __future__ import annotations

from timeline.events import extract_mentions
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published

PUBLISHED = "2023-03-15"


def _mentions(text: str, published: str = PUBLISHED) -> list[EventMention]:
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(published, "header"))
    return extract_mentions(article, split_sentences(article), tag(text, published))


def _by_sentence(mentions: list[EventMention], start: str) -> list[EventMention]:
    return [m for m in mentions if m.sentence.text.startswith(start)]


def test_a_copula_after_an_event_noun_reports_the_noun_s_happening():
    # "was so strong" says what the blast was like: the mention is the blast (an attack), not "was"
    text = "The blast outside the Acme depot in Kell was so strong that it shook windows a mile away."
    (mention,) = _mentions(text)
    assert mention.trigger == "blast"


def test_took_place_reports_its_subject_s_happening():
    text = "In a quiet hall in Kell, the ceremony took place at the town library."
    (mention,) = _mentions(text)
    assert mention.trigger == "ceremony"


def test_a_copula_after_a_plain_noun_keeps_its_verb():
    # "the depot" names no happening: nothing to take instead of the verb
    text = "The depot outside Kell was so full that trucks waited on the road."
    assert all(m.trigger != "depot" for m in _mentions(text))


def test_more_of_a_happening_of_a_few_weeks_ago_is_dated_to_its_day_as_background():
    # a later paper tells the blasts of March 3 and goes on about them: the injured are that day's
    text = (
        "Investigators in Kell named a second suspect on Tuesday.\n\n"
        "The blasts, on March 3, killed 40 people in Kell and two in Tarn. "
        "More than 500 people were injured, mostly Kell residents."
    )
    (injured,) = _by_sentence(_mentions(text), "More than 500")
    assert injured.date is not None and injured.date.value == "2023-03-03"
    assert (injured.date_source, injured.date_rule) == ("narrative", "narrative.background")
    # told right after the blasts' report of that day, it is more of that report (the merge sees the blasts)
    assert injured.trigger == "killed"


def test_more_of_a_story_of_long_ago_is_still_no_event():
    text = (
        "Investigators in Kell named a second suspect on Tuesday.\n\n"
        "The blasts, on Jan. 3, killed 40 people in Kell and two in Tarn. "
        "More than 500 people were injured, mostly Kell residents."
    )
    assert _by_sentence(_mentions(text), "More than 500") == []


def test_a_lead_describing_a_happening_in_the_past_is_no_news_of_the_day():
    # the lead of a later paper says what the blast was like: a past report a merge may join as a retelling
    text = "The blast outside the Acme depot in Kell was so strong that it shook windows a mile away."
    (mention,) = _mentions(text)
    assert (mention.date_source, mention.date_rule) == ("publication-implicit", "publication-implicit.past")


def test_a_lead_with_its_own_action_is_the_news_of_the_day():
    text = "Acme has unveiled a new version of its long-range jet.\n\nThe jet carries 300 passengers."
    (lead,) = _by_sentence(_mentions(text), "Acme")
    assert lead.date_rule == "publication-implicit.lead"

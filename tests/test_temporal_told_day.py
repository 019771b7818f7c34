"""An offset of hours or minutes ("an hour later") in a past clause stays on the day the narrative told
last, even paragraphs after it, instead of taking the paper's day (``normalise._told_day``)."""

from __future__ import annotations

from timeline.temporal import tag

SUNDAY = "2026-03-08"  # two days after the Friday of the story


def _expr(text: str, phrase: str, published: str = SUNDAY):
    return next(e for e in tag(text, published) if e.text == phrase)


def test_an_hour_later_in_the_next_sentence_is_the_shooting_day() -> None:
    text = "Kell was shot in Eastport on Friday night. He died an hour later."
    assert _expr(text, "an hour later").value == "2026-03-06"


def test_an_hour_later_paragraphs_after_the_shooting_is_still_its_day() -> None:
    text = (
        "Kell was shot in Eastport on Friday night, the police said.\n\n"
        "His brother and a neighbour tried to stop the bleeding.\n\n"
        "He died an hour later at the hospital."
    )
    later = _expr(text, "an hour later")
    assert later.value == "2026-03-06"
    assert later.anchor_text == "Friday night"


def test_minutes_earlier_in_the_past_take_the_story_day_too() -> None:
    text = "Minister Rahn resigned on Tuesday.\n\nThe cabinet met.\n\nHe had left ten minutes earlier."
    assert _expr(text, "ten minutes earlier").value == "2026-03-03"


def test_a_future_offset_of_hours_keeps_the_publication_day() -> None:
    text = "Kell was shot in Eastport on Friday night.\n\nPolice said.\n\nA court will sit two hours later."
    assert _expr(text, "two hours later").value == SUNDAY


def test_a_day_after_publication_is_not_the_story() -> None:
    # A day named ahead of the paper is a plan, not the happening the narrative told.
    text = "Acme will vote on Tuesday.\n\nThe board met.\n\nThe chairman left an hour later."
    assert _expr(text, "an hour later").value == SUNDAY

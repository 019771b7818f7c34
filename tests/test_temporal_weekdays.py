"""One article, one reading per day name (timeline/temporal/weekdays.py)."""

from __future__ import annotations

from timeline.temporal import tag

MONDAY = "2022-02-14"  # a Monday: "Tuesday" is the 8th (past) or the 15th (coming)


def _values(text: str, published: str = MONDAY) -> list[tuple[str, str | None]]:
    return [(e.text, e.value) for e in tag(text, published)]


def test_a_departure_in_the_past_tense_follows_the_schedule_stated_elsewhere():
    text = (
        "Minister Rahn headed Tuesday to Norland, seeking support for the pact. "
        "Rahn is scheduled to land in the capital Tuesday morning and to fly home the same night."
    )
    found = dict(_values(text))
    assert found["Tuesday"] == "2022-02-15"
    assert found["Tuesday morning"] == "2022-02-15TMO"


def test_the_departure_alone_keeps_the_news_convention():
    assert dict(_values("Minister Rahn headed Tuesday to Norland."))["Tuesday"] == "2022-02-08"


def test_a_stated_past_decides_for_a_possessive():
    text = "Acme's board met Tuesday to weigh the offer. Shareholders welcomed Tuesday's decision."
    assert [v for t, v in _values(text) if t == "Tuesday"] == ["2022-02-08", "2022-02-08"]


def test_a_stated_future_decides_for_a_possessive():
    text = "The council will vote on the budget Thursday. Ahead of it, Thursday's agenda was published."
    assert [v for t, v in _values(text) if t == "Thursday"] == ["2022-02-17", "2022-02-17"]


def test_a_plan_seen_from_the_past_follows_the_article():
    text = "Senator Vell was to host a dinner Wednesday night. Vell now plans to host it on Wednesday."
    found = _values(text)
    assert ("Wednesday night", "2022-02-16TNI") in found and ("Wednesday", "2022-02-16") in found


def test_last_and_next_keep_their_own_week():
    text = "The talks will resume Tuesday. They broke down last Tuesday."
    found = dict(_values(text))
    assert found["Tuesday"] == "2022-02-15"
    assert found["last Tuesday"] == "2022-02-08"


def test_stated_readings_that_disagree_each_keep_their_own():
    # The article is not consistent: each occurrence says which Tuesday it means.
    text = "Rebels shelled the town Tuesday, killing four. Talks will resume Tuesday in Acme City."
    assert [v for t, v in _values(text) if t == "Tuesday"] == ["2022-02-08", "2022-02-15"]


def test_the_rule_id_says_the_article_decided():
    text = "Minister Rahn headed Tuesday to Norland. Rahn is scheduled to land Tuesday morning."
    first = next(e for e in tag(text, MONDAY) if e.text == "Tuesday")
    assert first.rule == "weekday.future.article"

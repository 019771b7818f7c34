"""The `timeline check` rules, on timelines built by hand (every expected date counted on a calendar)."""

from __future__ import annotations

from datetime import date

from timeline.config import CheckPolicy
from timeline.gaps import check_passed, find_gaps
from timeline.temporal.timex import value_to_date
from timeline.types import (
    Article,
    Conflict,
    Event,
    EventMention,
    Gap,
    Published,
    Sentence,
    TimeExpression,
    Timeline,
)


def make_article(
    doc_id: str = "a", *, value: str | None = "2022-02-15", text: str = "", **published
) -> Article:
    return Article(
        id=doc_id,
        path=f"articles/{doc_id}.txt",
        text=text,
        body=[(0, len(text))],
        published=Published(value=value, source="header" if value else "unknown", **published),
    )


def make_event(
    title: str,
    value: str | None,
    *,
    status: str = "reported",
    doc: str = "a",
    line: int = 1,
    sentence: str = "",
    conflicts: list[Conflict] | None = None,
    mentions: list[EventMention] | None = None,
) -> Event:
    when = value_to_date(value) if value else None
    if mentions is None:
        said = Sentence(doc, 0, 0, len(sentence), sentence or title, 0, line)
        mentions = [EventMention(doc, said, None, when, "held", status=status, title=title)]
    sources = list(dict.fromkeys(m.document for m in mentions))
    return Event(f"e-{title}", when, title, status, sources, mentions, conflicts or [])


def timeline_of(*events: Event, articles: list[Article] | None = None, **kwargs) -> Timeline:
    return Timeline(
        documents=articles if articles is not None else [make_article()], events=list(events), **kwargs
    )


def days(*values: str) -> list[Event]:
    return [make_event(f"event on {value}", value) for value in values]


def interval_gaps(timeline: Timeline, max_gap: int, **policy) -> list[tuple[date, date]]:
    gaps = find_gaps(timeline, CheckPolicy(max_gap_days=max_gap, **policy))
    return [(gap.start, gap.end) for gap in gaps if gap.kind == "interval"]


D = date.fromisoformat


# -- a clean chronology passes ------------------------------------------------------------------------


def test_dated_articles_and_close_events_have_no_gaps():
    timeline = timeline_of(*days("2022-02-14", "2022-02-15", "2022-02-18"))
    gaps = find_gaps(timeline, CheckPolicy(max_gap_days=3))
    assert gaps == []
    assert check_passed(gaps)


def test_check_passed_is_false_only_when_a_gap_fails():
    assert check_passed([])
    assert check_passed([Gap("conflict", "x", failing=False)])
    assert not check_passed([Gap("conflict", "x", failing=False), Gap("interval", "y", failing=True)])


# -- undated articles ---------------------------------------------------------------------------------


def test_article_without_any_date_is_a_failing_gap_naming_the_file():
    undated = make_article("b", value=None)
    timeline = timeline_of(*days("2022-02-14"), articles=[make_article("a"), undated])
    gaps = find_gaps(timeline, CheckPolicy())
    assert [(g.kind, g.document, g.path, g.failing) for g in gaps] == [
        ("undated-article", "b", "articles/b.txt", True)
    ]
    assert "b.txt" in gaps[0].message and "no publication date" in gaps[0].message
    assert not check_passed(gaps)


def test_article_dated_by_bounds_or_at_month_precision_is_not_a_gap():
    on_or_after = make_article("b", value=None, earliest=D("2022-02-14"))
    before = make_article("c", value=None, latest=D("2022-02-20"))
    month_only = make_article("d", value="2022-02")
    timeline = timeline_of(*days("2022-02-14"), articles=[on_or_after, before, month_only])
    assert find_gaps(timeline, CheckPolicy()) == []


# -- undated events -----------------------------------------------------------------------------------


def test_undated_event_reports_file_line_and_sentence_of_its_first_mention():
    event = make_event("talks resumed", None, doc="a", line=7, sentence="The talks resumed after a pause.")
    timeline = timeline_of(*days("2022-02-14"), event)
    gaps = find_gaps(timeline, CheckPolicy())
    assert len(gaps) == 1
    gap = gaps[0]
    assert (gap.kind, gap.document, gap.path, gap.line, gap.failing) == (
        "undated-event",
        "a",
        "articles/a.txt",
        7,
        True,
    )
    assert '"talks resumed"' in gap.message
    assert "The talks resumed after a pause." in gap.message


def test_undated_event_passes_when_policy_does_not_fail_on_it():
    timeline = timeline_of(make_event("talks resumed", None))
    gaps = find_gaps(timeline, CheckPolicy(fail_on={"interval"}))
    assert [(g.kind, g.failing) for g in gaps] == [("undated-event", False)]
    assert check_passed(gaps)


# -- intervals ----------------------------------------------------------------------------------------


def test_interval_gap_is_the_empty_stretch_between_events():
    timeline = timeline_of(*days("2022-02-01", "2022-02-10"))
    # 2 Feb .. 9 Feb: eight days without events.
    assert interval_gaps(timeline, 3) == [(D("2022-02-02"), D("2022-02-09"))]
    assert interval_gaps(timeline, 7) == [(D("2022-02-02"), D("2022-02-09"))]
    assert interval_gaps(timeline, 8) == []  # exactly the limit is allowed


def test_interval_gap_message_says_how_long_when_and_between_what():
    timeline = timeline_of(*days("2022-02-01", "2022-02-10"))
    (gap,) = find_gaps(timeline, CheckPolicy(max_gap_days=3))
    assert gap.failing and gap.path is None and gap.line is None
    assert "8 days" in gap.message and "2022-02-02" in gap.message and "2022-02-09" in gap.message
    assert '"event on 2022-02-01"' in gap.message and '"event on 2022-02-10"' in gap.message


def test_no_max_gap_means_no_interval_gaps():
    timeline = timeline_of(*days("2020-01-01", "2022-02-10"))
    assert find_gaps(timeline, CheckPolicy(max_gap_days=None)) == []


def test_zero_max_gap_fails_on_any_empty_day():
    timeline = timeline_of(*days("2022-02-01", "2022-02-02", "2022-02-04"))
    assert interval_gaps(timeline, 0) == [(D("2022-02-03"), D("2022-02-03"))]


def test_week_level_event_fills_the_days_it_covers():
    # 2022-W06 runs Monday 7 Feb .. Sunday 13 Feb.
    with_week = timeline_of(*days("2022-02-01", "2022-02-16"), make_event("drills that week", "2022-W06"))
    assert interval_gaps(with_week, 3) == [(D("2022-02-02"), D("2022-02-06"))]
    without_week = timeline_of(*days("2022-02-01", "2022-02-16"))
    assert interval_gaps(without_week, 3) == [(D("2022-02-02"), D("2022-02-15"))]


def test_day_inside_a_longer_span_does_not_shorten_the_covered_time():
    # The week covers up to 13 Feb; a day event inside it must not pull coverage back to 8 Feb.
    timeline = timeline_of(make_event("week", "2022-W06"), *days("2022-02-08", "2022-02-17"))
    assert interval_gaps(timeline, 3) == []  # 14..16 Feb: three days


def test_month_level_event_fills_its_month_and_defines_the_period():
    timeline = timeline_of(make_event("exercises in February", "2022-02"), *days("2022-03-05"))
    # February is covered to the 28th; 1..4 March is empty.
    assert interval_gaps(timeline, 3) == [(D("2022-03-01"), D("2022-03-04"))]
    assert interval_gaps(timeline, 4) == []


def test_background_and_coarse_events_neither_fill_nor_define_the_period():
    timeline = timeline_of(
        *days("2022-02-01", "2022-02-03"),
        make_event("ruled since 1994", "1994"),
        make_event("protests in 2020", "2020-08-09", status="background"),
        make_event("a quarter", "2021-Q4"),
        make_event("a summer", "2021-SU"),
    )
    assert interval_gaps(timeline, 3) == []
    # ...and a background event in the middle of a hole does not fill it.
    holed = timeline_of(
        *days("2022-02-01", "2022-02-10"), make_event("recalled", "2022-02-05", status="background")
    )
    assert interval_gaps(holed, 3) == [(D("2022-02-02"), D("2022-02-09"))]


def test_since_and_until_extend_the_period_checked():
    timeline = timeline_of(*days("2022-02-10", "2022-02-12"))
    assert interval_gaps(timeline, 3, since=D("2022-02-01"), until=D("2022-02-20")) == [
        (D("2022-02-01"), D("2022-02-09")),
        (D("2022-02-13"), D("2022-02-20")),
    ]
    # 7..9 Feb and 13..15 Feb: three empty days each, allowed.
    assert interval_gaps(timeline, 3, since=D("2022-02-07"), until=D("2022-02-15")) == []


def test_since_and_until_restrict_the_period_checked():
    timeline = timeline_of(*days("2021-06-01", "2022-02-10", "2022-02-12", "2022-09-01"))
    assert interval_gaps(timeline, 3, since=D("2022-02-10"), until=D("2022-02-12")) == []
    # since alone: the period ends with the last event, so the September hole is still found.
    assert interval_gaps(timeline, 3, since=D("2022-02-10")) == [(D("2022-02-13"), D("2022-08-31"))]


def test_event_overlapping_the_period_start_covers_its_days_inside():
    timeline = timeline_of(make_event("January", "2022-01"), *days("2022-02-03"))
    assert interval_gaps(timeline, 3, since=D("2022-01-20")) == []  # 1..2 Feb empty
    assert interval_gaps(timeline, 1, since=D("2022-01-20")) == [(D("2022-02-01"), D("2022-02-02"))]


def test_a_period_without_events_is_one_gap():
    timeline = timeline_of(make_event("ruled since 1994", "1994"))
    assert interval_gaps(timeline, 3, since=D("2022-02-01"), until=D("2022-02-28")) == [
        (D("2022-02-01"), D("2022-02-28"))
    ]
    assert interval_gaps(timeline, 3) == []  # no since/until and no event to define a period


# -- conflicts ----------------------------------------------------------------------------------------


def conflicting_timeline() -> Timeline:
    call_a = EventMention(
        "a",
        Sentence("a", 2, 0, 10, "On Monday they called.", 1, 4),
        None,
        value_to_date("2022-02-14"),
        "call",
    )
    call_b = EventMention(
        "b",
        Sentence("b", 5, 0, 10, "The call was on Sunday.", 2, 9),
        None,
        value_to_date("2022-02-13"),
        "call",
    )
    conflict = Conflict("2022-02-13", ["b"], "The call was on Sunday.")
    event = make_event("phone call", "2022-02-14", mentions=[call_a, call_b], conflicts=[conflict])
    return timeline_of(event, articles=[make_article("a"), make_article("b")])


def test_conflict_is_a_warning_by_default_pointing_at_the_disagreeing_sentence():
    gaps = find_gaps(conflicting_timeline(), CheckPolicy())
    assert [(g.kind, g.document, g.path, g.line, g.failing) for g in gaps] == [
        ("conflict", "b", "articles/b.txt", 9, False)
    ]
    message = gaps[0].message
    assert "2022-02-13 according to b.txt" in message and "2022-02-14 (chosen) according to a.txt" in message
    assert check_passed(gaps)


def test_conflict_fails_with_strict_or_when_listed_in_fail_on():
    assert not check_passed(find_gaps(conflicting_timeline(), CheckPolicy(strict=True)))
    assert not check_passed(find_gaps(conflicting_timeline(), CheckPolicy(fail_on={"conflict"})))


# -- unresolved expressions ---------------------------------------------------------------------------


def expression(text: str, start: int, value: str | None, anchor: str) -> TimeExpression:
    return TimeExpression(text, start, start + len(text), "DATE", value, "day" if value else None, anchor)


def test_unresolved_expression_is_a_warning_with_its_line_and_fails_with_strict():
    text = "Headline\n\nTalks were held last week.\nOn 14 February they met.\n"
    article = make_article("a", text=text)
    last_week = expression("last week", text.index("last week"), None, "unresolved")
    resolved = expression("14 February", text.index("14 February"), "2022-02-14", "absolute")
    timeline = timeline_of(*days("2022-02-14"), articles=[article], expressions={"a": [last_week, resolved]})

    gaps = find_gaps(timeline, CheckPolicy())
    assert [(g.kind, g.document, g.path, g.line, g.failing) for g in gaps] == [
        ("unresolved-expression", "a", "articles/a.txt", 3, False)
    ]
    assert '"last week"' in gaps[0].message
    assert check_passed(gaps)
    assert not check_passed(find_gaps(timeline, CheckPolicy(strict=True)))


def test_expression_without_value_counts_as_unresolved_whatever_its_anchor():
    text = "It happened that day."
    article = make_article("a", text=text)
    that_day = expression("that day", text.index("that day"), None, "mention")
    timeline = timeline_of(*days("2022-02-14"), articles=[article], expressions={"a": [that_day]})
    assert [(g.kind, g.line) for g in find_gaps(timeline, CheckPolicy())] == [("unresolved-expression", 1)]


def test_a_later_with_no_date_to_count_from_says_so() -> None:
    from dataclasses import replace

    text = "Varga left Norland. Two years later, she met Rahn."
    article = make_article("a", text=text)
    later = replace(
        expression("Two years later", text.index("Two"), None, "unresolved"),
        rule="relative.n_years_later.unresolved",
    )
    (gap,) = find_gaps(
        timeline_of(*days("2022-02-14"), articles=[article], expressions={"a": [later]}), CheckPolicy()
    )
    assert gap.message.endswith("left unresolved: it counts from a time the text does not date")


# -- every kind at once -------------------------------------------------------------------------------


def test_all_kinds_are_reported_in_documented_order_with_policy_marks():
    text = "Something happened last week."
    articles = [make_article("a", value=None, text=text), make_article("b")]
    unresolved = expression("last week", text.index("last week"), None, "unresolved")
    base = conflicting_timeline()
    timeline = timeline_of(
        *base.events,
        *days("2022-02-20"),
        make_event("undated", None),
        articles=articles,
        expressions={"a": [unresolved]},
    )
    gaps = find_gaps(timeline, CheckPolicy(max_gap_days=3))
    assert [(g.kind, g.failing) for g in gaps] == [
        ("undated-article", True),
        ("undated-event", True),
        ("interval", True),
        ("conflict", False),
        ("unresolved-expression", False),
    ]
    assert "no publication date" in gaps[-1].message  # says why it could not be resolved


def test_a_record_of_a_many_article_file_is_named_by_its_id_and_file():
    from timeline.gaps import _label

    record = Article("l2", "feeds/e.jsonl", "text", [(0, 4)])
    single = Article("story", "news/story.txt", "text", [(0, 4)])
    assert _label(record) == "l2 (e.jsonl)"
    assert _label(single) == "story.txt"

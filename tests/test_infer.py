"""Dating an undated article from the other articles' events (with a small stand-in date engine)."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.infer import bound_from_events, coarsest_common_value, infer_publication_dates
from timeline.merge import merge_mentions
from timeline.temporal.timex import date_to_value, value_to_date
from timeline.types import Article, EventMention, Published, Sentence, TimeExpression


def fake_tag(text: str, published: str | None = None, regions=None) -> list[TimeExpression]:
    """Resolves only "this week" (the publication week) and "Wednesday" (the last one up to publication)."""
    pub = date.fromisoformat(published) if published and len(published) == 10 else None
    found = []
    for phrase in ("this week", "Wednesday"):
        start = text.find(phrase)
        while start >= 0:
            if regions and not any(lo <= start < hi for lo, hi in regions):
                start = text.find(phrase, start + 1)
                continue
            value = None
            if pub and phrase == "this week":
                value = date_to_value(pub, "week")
            elif pub:
                value = (pub - timedelta(days=(pub.weekday() - 2) % 7)).isoformat()
            granularity = value_to_date(value).granularity if value else None
            anchor = "publication" if value else "unresolved"
            found.append(
                TimeExpression(phrase, start, start + len(phrase), "DATE", value, granularity, anchor)
            )
            start = text.find(phrase, start + 1)
    return sorted(found, key=lambda e: e.start)


def _sentences(doc: str, text: str) -> list[Sentence]:
    result, start = [], 0
    for index, part in enumerate(text.split(". ")):
        part = part if part.endswith(".") else part + "."
        begin = text.index(part.rstrip("."), start)
        end = min(begin + len(part), len(text))
        result.append(Sentence(doc, index, begin, end, text[begin:end], 0, 1))
        start = end
    return result


def _reference_events():
    sentence = Sentence("dated", 0, 0, 40, "Kowalczyk and Marchenko held a call.", 0, 1)
    expression = TimeExpression("on Monday", 0, 9, "DATE", "2023-05-08", "day", "publication")
    mention = EventMention(
        "dated",
        sentence,
        expression,
        value_to_date("2023-05-08"),
        "call",
        ["Kowalczyk", "Oleksii Marchenko"],
        ["call"],
        title="Kowalczyk and Marchenko held a call",
    )
    dated = Article("dated", "dated.txt", "x", [(0, 1)], published=Published("2023-05-09", "header"))
    return merge_mentions([mention], [dated])


def _infer(text: str) -> Published | None:
    article = Article("undated", "undated.txt", text, [(0, len(text))])
    result = infer_publication_dates(
        [article], _reference_events(), {"undated": _sentences("undated", text)}, fake_tag
    )
    return result.get("undated")


def test_weekday_and_this_week_pin_the_publication_day():
    published = _infer(
        "Marchenko hailed a phone call with Kowalczyk this week. Novak said Wednesday that talks went well."
    )
    assert published is not None
    assert published.source == "inferred"
    assert published.value == "2023-05-10"  # the Wednesday of the week of the call on Monday 2023-05-08
    assert '"this week"' in published.evidence and "2023-05-08" in published.evidence
    assert '"Wednesday"' in published.evidence


def test_only_a_week_level_match_gives_bounds_not_a_day():
    published = _infer("Marchenko hailed a phone call with Kowalczyk this week.")
    assert published is not None
    assert published.value == "2023-W19"  # every day of that week fits equally: never guess one
    assert (published.earliest, published.latest) == (date(2023, 5, 8), date(2023, 5, 14))


def test_no_relative_expression_or_no_matching_event_gives_no_inference():
    assert _infer("Marchenko hailed a phone call with Kowalczyk.") is None
    assert _infer("Rivera opened a bakery this week.") is None


def test_dated_articles_are_left_alone():
    text = "Marchenko hailed a phone call with Kowalczyk this week."
    article = Article("x", "x.txt", text, [(0, len(text))], published=Published("2023-05-09", "header"))
    assert (
        infer_publication_dates([article], _reference_events(), {"x": _sentences("x", text)}, fake_tag) == {}
    )


def test_article_without_dates_is_bounded_by_the_events_it_reports():
    events = _reference_events()
    events[0].sources.append("undated")
    article = Article("undated", "undated.txt", "text", [(0, 4)])
    published = bound_from_events(article, events)
    assert published.value is None
    assert published.earliest == date(2023, 5, 8) and published.latest is None
    assert "2023-05-08" in published.evidence


def test_coarsest_common_value():
    assert coarsest_common_value([date(2023, 5, 8)]) == "2023-05-08"
    assert coarsest_common_value([date(2023, 5, 8), date(2023, 5, 14)]) == "2023-W19"
    assert coarsest_common_value([date(2023, 5, 1), date(2023, 5, 30)]) == "2023-05"
    assert coarsest_common_value([date(2023, 4, 30), date(2023, 5, 30)]) is None


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_tag(text: str, published: str | None = None, regions=None) -> list[TimeExpression]:
    """Resolves every bare weekday as the last such day up to publication (the day itself included)."""
    pub = date.fromisoformat(published) if published and len(published) == 10 else None
    found = []
    for weekday, name in enumerate(_WEEKDAYS):
        start = text.find(name)
        if start < 0 or (regions and not any(lo <= start < hi for lo, hi in regions)):
            continue
        value = (pub - timedelta(days=(pub.weekday() - weekday) % 7)).isoformat() if pub else None
        anchor = "publication" if value else "unresolved"
        found.append(
            TimeExpression(name, start, start + len(name), "DATE", value, "day" if value else None, anchor)
        )
    return sorted(found, key=lambda e: e.start)


def _dated_event(text: str, phrase: str, day: str, trigger: str, actors, terms, status="reported"):
    sentence = Sentence("dated", 0, 0, len(text), text, 0, 1)
    start = text.index(phrase)
    expression = TimeExpression(phrase, start, start + len(phrase), "DATE", day, "day", "publication")
    mention = EventMention(
        "dated", sentence, expression, value_to_date(day), trigger, actors, terms, status, title=text
    )
    dated = Article("dated", "dated.txt", text, [(0, len(text))], published=Published("2023-05-09", "header"))
    return merge_mentions([mention], [dated])


def _infer_with(text: str, events) -> Published | None:
    article = Article("undated", "undated.txt", text, [(0, len(text))])
    sentences = {"undated": _sentences("undated", text)}
    return infer_publication_dates([article], events, sentences, weekday_tag).get("undated")


def _announced_meeting():
    # announced on Tuesday 2023-05-09 for Thursday 2023-05-11
    text = "An emergency council meeting is planned for Thursday."
    return _dated_event(text, "Thursday", "2023-05-11", "meeting", [], ["emergency", "council"], "expected")


def test_past_report_of_an_announced_event_bounds_publication_from_below():
    published = _infer_with("The council met on Thursday and approved new funds.", _announced_meeting())
    assert published is not None
    # read on any day from that Thursday to the Wednesday after, "met on Thursday" is the announced
    # meeting; read earlier, it would be the Thursday before (no match)
    assert (published.earliest, published.latest) == (date(2023, 5, 11), date(2023, 5, 17))
    # a recap of a known event: the days tie, no single day is guessed
    assert published.value == "2023-05"
    assert '"Thursday" matches' in published.evidence and "2023-05-11" in published.evidence


def test_announced_event_needs_the_same_kind_of_event_and_a_shared_word():
    assert _infer_with("The council voted on Thursday.", _announced_meeting()) is None
    assert _infer_with("The orchestra met on Thursday.", _announced_meeting()) is None


def test_a_statement_matches_the_event_its_that_clause_tells():
    # Wednesday 2023-05-10
    events = _dated_event(
        "Mayor Lena Kowalski ordered the evacuation of three schools on Wednesday.",
        "Wednesday",
        "2023-05-10",
        "ordered",
        ["Lena Kowalski"],
        ["order", "evacuation", "three", "school"],
    )
    published = _infer_with(
        "Mayor Lena Kowalska said on Wednesday that three schools were evacuated.", events
    )
    assert published is not None
    assert (published.earliest, published.latest) == (date(2023, 5, 10), date(2023, 5, 16))
    assert '"Wednesday" matches' in published.evidence
    # the same speaker on another subject is no match
    assert _infer_with("Mayor Lena Kowalski said on Wednesday that the roads were open.", events) is None


def _year_and_day_reports(day: str):
    """One resignation told by one source for a day and by another only for its year (two events here,
    as when the merge keeps them apart)."""
    resign = ["mayor", "resign", "scandal"]
    year_text = "The mayor resigned in 2023 after the scandal."
    sentence = Sentence("yearly", 0, 0, len(year_text), year_text, 0, 1)
    expression = TimeExpression("in 2023", 19, 26, "DATE", "2023", "year", "absolute")
    mention = EventMention(
        "yearly", sentence, expression, value_to_date("2023"), "resigned", [], resign, title=year_text
    )
    yearly = Article(
        "yearly", "yearly.txt", year_text, [(0, len(year_text))], Published("2023-05-20", "header")
    )
    day_event = _dated_event(
        "The mayor resigned on Tuesday after the scandal.", "Tuesday", day, "resigned", [], resign
    )
    return merge_mentions([mention], [yearly]) + day_event


def test_a_year_level_event_never_dates_a_weekday():
    # the day-level report says Tuesday 2023-05-09; only the year-level one is consistent with "Wednesday"
    events = _year_and_day_reports("2023-05-09")
    assert _infer_with("The mayor resigned on Wednesday after the scandal.", events) is None


def test_a_weekday_is_matched_with_the_day_level_event_not_the_year():
    events = _year_and_day_reports("2023-05-09")
    published = _infer_with("The mayor resigned on Tuesday after the scandal.", events)
    assert published is not None
    assert published.earliest == date(2023, 5, 9)  # not before the Tuesday it reports
    assert "on 2023-05-09" in published.evidence and "on 2023 " not in published.evidence

"""One happening two sources date a few days apart is one event whose other date is a conflict (#11)."""

from dataclasses import replace
from datetime import date

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Published, Sentence


def _articles(**published: str) -> list[Article]:
    return [
        Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)], published=Published(day, "header"))
        for doc, day in published.items()
    ]


LIFTED_FRIDAY = "On Friday, as Minister Rahn set aside a visit, the Foreign Office lifted a travel warning."


def _friday_report(doc: str = "a", value: str = "2031-05-16") -> EventMention:
    # the extractor reads the sentence's first verb as its action: the lifting is only in its words
    return dated_mention(
        doc,
        value,
        LIFTED_FRIDAY,
        "set",
        ["Minister Rahn", "Foreign Office"],
        ["set", "aside", "lift", "warning", "travel"],
        subjects=["Minister Rahn"],
    )


def _sentence(mention: EventMention, index: int) -> EventMention:
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _has_lifted(doc: str = "b") -> EventMention:
    """A later paper's report stating no date: a present perfect, dated by its paper's day."""
    mention = dated_mention(
        doc,
        "2031-06-07",
        "The Foreign Office has lifted its dire travel warnings.",
        "lifted",
        ["Foreign Office"],
        ["lift", "dire", "travel", "warning"],
    )
    mention.expression = None
    mention.date_source = "publication-implicit"
    mention.date_rule = "publication-implicit.perfect"
    mention.earliest = date(2031, 6, 6)
    return _sentence(mention, 0)


def _notices_thursday(doc: str = "b") -> EventMention:
    """The sentence after it, dating what it tells in other words."""
    mention = dated_mention(
        doc,
        "2031-05-15",
        "New notices put out on May 15 advise only caution.",
        "advise",
        [],
        ["notice", "put", "caution"],
    )
    return _sentence(mention, 1)


def _event_of(events, text: str):
    return next(e for e in events if any(m.sentence.text == text for m in e.mentions))


def test_a_dated_detail_after_its_report_and_another_outlets_day_are_one_event_with_a_conflict():
    mentions = [_friday_report(), _has_lifted(), _notices_thursday()]
    events = merge_mentions(mentions, _articles(a="2031-05-19", b="2031-06-07"))
    (event,) = events
    assert event.sources == ["a", "b"]
    # both days stay, each with its source: one is the event's date, the other a conflict
    dates = {event.date.value} | {c.value for c in event.conflicts}
    assert dates == {"2031-05-15", "2031-05-16"}
    [conflict] = event.conflicts
    assert conflict.sources == ["a" if conflict.value == "2031-05-16" else "b"]
    # the later paper's report keeps its own date, as a retelling: nothing is re-dated
    report = next(m for m in event.mentions if m.sentence.text.startswith("The Foreign Office has"))
    assert report.date.value == "2031-06-07" and report.join.kind == "retelling"
    notices = next(m for m in event.mentions if m.sentence.text.startswith("New notices"))
    assert notices.date.value == "2031-05-15"


def _lifting(value: str, day_name: str) -> EventMention:
    """Outlet b's report of the lifting, dated by its own day name."""
    text = f"The Foreign Office lifted the travel warning on {day_name}."
    return dated_mention("b", value, text, "lifted", ["Foreign Office"], ["lift", "travel", "warning"])


def test_two_outlets_telling_one_act_in_the_same_words_a_day_apart_are_one_event():
    thursday = _lifting("2031-05-15", "Thursday")
    (event,) = merge_mentions([_friday_report(), thursday], _articles(a="2031-05-19", b="2031-05-20"))
    assert event.sources == ["a", "b"] and len(event.conflicts) == 1


def test_the_same_words_three_days_apart_stay_two_events():
    monday = _lifting("2031-05-19", "Monday")
    events = merge_mentions([_friday_report(), monday], _articles(a="2031-05-20", b="2031-05-20"))
    assert len(events) == 2 and all(not e.conflicts for e in events)


def test_a_paper_written_before_the_other_day_does_not_dispute_it():
    # Thursday's paper tells Thursday's lifting; Friday's paper tells Friday's: it could not know of it
    thursday = _lifting("2031-05-15", "Thursday")
    events = merge_mentions([_friday_report(), thursday], _articles(a="2031-05-16", b="2031-05-15"))
    assert len(events) == 2 and all(not e.conflicts for e in events)


def test_words_in_common_without_the_act_are_no_dispute():
    # three words shared, but neither sentence's own action is among them: two happenings
    thursday = dated_mention(
        "b",
        "2031-05-15",
        "Fewer bookings for travel were made while the warning was set aside.",
        "made",
        [],
        ["booking", "travel", "warning", "aside"],
        subjects=[],
    )
    events = merge_mentions([_friday_report(), thursday], _articles(a="2031-05-19", b="2031-05-20"))
    assert len(events) == 2 and all(not e.conflicts for e in events)


def _journey(doc: str, value: str, words: str, verb: str, destination: str) -> EventMention:
    """Minister Rahn's journey as ``words`` ("will travel to") tell it, ``verb`` the extractor's action."""
    text = f"Minister Rahn {words} {destination} on {value}."
    return dated_mention(
        doc, value, text, verb, ["Minister Rahn", destination], [verb], subjects=["Minister Rahn"]
    )


PLAN = ("2031-04-06", "will travel to", "travel", "Norland")  # an editorial of that day: he travels today


def test_one_persons_journey_dated_differently_by_two_papers_is_one_event_with_a_conflict():
    plan = _journey("a", *PLAN)
    arrival = _journey("b", "2031-04-02", "arrived in", "arrived", "Norland")  # a paper two months later
    (event,) = merge_mentions([plan, arrival], _articles(a="2031-04-06", b="2031-06-01"))
    assert event.sources == ["a", "b"] and len(event.conflicts) == 1


def test_journeys_to_two_places_stay_two_events():
    plan = _journey("a", *PLAN)
    arrival = _journey("b", "2031-04-02", "arrived in", "arrived", "Ostria")
    events = merge_mentions([plan, arrival], _articles(a="2031-04-06", b="2031-06-01"))
    assert len(events) == 2 and all(not e.conflicts for e in events)


def test_a_dated_sentence_opening_a_new_paragraph_does_not_carry_the_report_before_it():
    # a digest: the undated report ends one paragraph, the dated line is the next item, not its detail
    notices = _notices_thursday()
    notices.sentence = replace(notices.sentence, paragraph=1)
    events = merge_mentions(
        [_friday_report(), _has_lifted(), notices], _articles(a="2031-05-19", b="2031-06-07")
    )
    assert all(not e.conflicts for e in events)
    assert _event_of(events, notices.sentence.text).sources == ["b"]


def _crowd(doc: str, value: str, text: str, terms: list[str], actors: list[str]) -> EventMention:
    return dated_mention(doc, value, text, "cheered", actors, ["cheer", *terms], subjects=[])


def test_an_act_of_one_kind_told_in_other_words_and_of_no_party_in_common_is_no_dispute():
    # three words and the act in common, but nobody named in both and mostly other words: two nights
    first = _crowd(
        "a",
        "2031-05-15",
        "When Minister Rahn reached the stage at the Acme hall the crowd cheered loudly.",
        ["crowd", "loudly", "stage", "hall", "reach"],
        ["Minister Rahn", "Acme"],
    )
    second = _crowd(
        "b",
        "2031-05-16",
        "A columnist in the Norland Herald says the crowd cheered less loudly than the night before.",
        ["crowd", "loudly", "columnist", "less", "night", "before"],
        ["Norland Herald"],
    )
    events = merge_mentions([first, second], _articles(a="2031-05-16", b="2031-05-17"))
    assert len(events) == 2 and all(not e.conflicts for e in events)


def test_one_sentence_a_paper_reprints_a_day_later_is_one_event_with_a_conflict():
    # the same words, no party named in common: a wire sentence whose "yesterday" became another day
    text = "The crowd cheered loudly as the results were read out yesterday."
    terms = ["crowd", "loudly", "result", "read"]
    first, second = _crowd("a", "2031-05-15", text, terms, []), _crowd("b", "2031-05-16", text, terms, [])
    (event,) = merge_mentions([first, second], _articles(a="2031-05-16", b="2031-05-17"))
    assert event.sources == ["a", "b"] and len(event.conflicts) == 1

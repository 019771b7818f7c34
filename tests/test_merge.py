"""Merging mentions across sources: names, same-day events, conflicts, undated joins, ids."""

from __future__ import annotations

import re
from itertools import permutations

from hypothesis import given, settings
from hypothesis import strategies as st
from merge_fixtures import numbered_mention as _mention
from merge_fixtures import plain_article as _article

from timeline.merge import merge_mentions
from timeline.merge.features import find_whole_word
from timeline.names import same_actor
from timeline.types import Article, EventMention, Published

ARTICLES = [_article(d) for d in ("a", "b", "c", "d")]


def test_transliterated_first_names_are_one_actor_and_different_people_stay_apart():
    assert same_actor("Oleksii Reznikov", "Aleksey Reznikov")
    assert same_actor("Oleksii Reznikov", "Alexey Reznikov")
    assert same_actor("Volodymyr Zelensky", "Volodimir Zelenskyy")
    assert same_actor("Reznikov", "Oleksii Reznikov")
    assert not same_actor("Joe Biden", "Hunter Biden")
    assert not same_actor("Viktor Khrenin", "Viktor Orban")


def test_same_call_in_two_articles_with_spelling_variants_is_one_event():
    mentions = [
        _mention("a", "2023-05-08", "conversation", ["Jan Kowalczyk", "Oleksii Marchenko"], ["call"]),
        _mention("b", "2023-05-08", "call", ["Aleksey Marchenko"], ["call", "phone"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.sources == ["a", "b"]
    assert event.date.value == "2023-05-08"


def test_week_mention_joins_the_day_it_contains():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Jan Kowalczyk", "Marchenko"], ["call"]),
        _mention("c", "2023-W19", "call", ["Marchenko"], ["call", "positive"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.date.value == "2023-05-08"  # the finer date wins when sources agree
    assert event.conflicts == []


def test_call_and_visit_on_the_same_day_are_two_events():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("b", "2023-05-08", "visited", ["Kowalczyk", "Marchenko"], ["visit", "border"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert len(events) == 2


def test_statements_of_different_speakers_stay_apart():
    mentions = [
        _mention("a", "2023-05-10", "said", ["Petrov"], ["drills"]),
        _mention("b", "2023-05-10", "said", ["Novak"], ["drills"]),
        _mention("c", "2023-05-10", "told", ["Petrov", "Novak"], ["press"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert sorted(sorted(e.sources) for e in events) == [["a", "c"], ["b"]]


def test_incompatible_dates_of_the_same_event_become_a_conflict():
    mentions = [
        _mention("a", "2023-05-02", "began", ["Northland", "Southland"], ["begin", "joint", "drills"]),
        _mention("b", "2023-W19", "started", ["Northland", "Southland"], ["begin", "joint", "drills"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.date.value == "2023-05-02"  # one source each: the more precise date wins
    assert [(c.value, c.sources) for c in event.conflicts] == [("2023-W19", ["b"])]
    assert event.sources == ["a", "b"]


def test_distant_dates_are_separate_events_not_conflicts():
    mentions = [
        _mention("a", "2023-01-02", "began", ["Northland"], ["begin", "drills"]),
        _mention("b", "2023-06-05", "began", ["Northland"], ["begin", "drills"]),
    ]
    assert len(merge_mentions(mentions, ARTICLES)) == 2


def test_undated_event_report_joins_the_dated_event_and_takes_its_date():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("d", None, "conversation", ["Jan Kowalczyk", "Alexey Marchenko"], ["call", "telephone"]),
        _mention("d", None, "stressed", ["Kowalczyk"], ["friendship"], index=1),
    ]
    events = merge_mentions(mentions, ARTICLES)
    (event,) = events  # the unmatched statement is dropped: article d already joined an event
    assert event.sources == ["a", "d"]
    joined = [m for m in event.mentions if m.document == "d"]
    assert joined[0].date_source == "joined"
    assert joined[0].date.value == "2023-05-08"
    assert mentions[1].date_source == "none"  # the caller's mentions are not modified


def test_article_with_nothing_joinable_keeps_an_undated_event():
    mentions = [_mention("d", None, "arrested", ["Ivan Sidorov"], ["arrest"])]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.date is None and event.sources == ["d"]


def test_event_ids_do_not_depend_on_input_order():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("b", "2023-05-08", "call", ["Marchenko"], ["call"], index=1),
        _mention("c", "2023-05-09", "visited", ["Kowalczyk"], ["visit"], index=2),
    ]
    forward = merge_mentions(mentions, ARTICLES)
    backward = merge_mentions(list(reversed(mentions)), list(reversed(ARTICLES)))
    assert sorted(e.id for e in forward) == sorted(e.id for e in backward)
    assert all(e.id.startswith("ev-") and len(e.id) == 13 for e in forward)


def test_undated_statement_joins_the_same_speakers_statement_on_the_same_subject():
    mentions = [
        _mention("a", "2023-05-10", "said", ["Petrov"], ["drills", "joint"]),
        _mention("b", "2023-05-10", "said", ["Novak"], ["drills", "joint"], index=1),
        _mention("c", None, "told", ["Ivan Petrov"], ["drills", "defensive"], index=2),
    ]
    events = merge_mentions(mentions, ARTICLES)
    by_sources = {tuple(e.sources): e for e in events}
    assert set(by_sources) == {("a", "c"), ("b",)}
    joined = [m for m in by_sources[("a", "c")].mentions if m.document == "c"]
    assert [(m.date_source, m.date.value) for m in joined] == [("joined", "2023-05-10")]


def test_undated_report_sharing_only_an_actor_does_not_join():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("d", None, "arrested", ["Marchenko"], ["arrest"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert sorted((e.sources, e.date.value if e.date else None) for e in events) == [
        (["a"], "2023-05-08"),
        (["d"], None),
    ]


def test_the_same_reports_repeated_in_many_articles_merge_per_date():
    # ten outlets carry one wire story (two dated events, one undated report); ten more a week later
    articles = [_article(f"w{i:02d}") for i in range(20)]
    mentions = []
    for i, article in enumerate(articles):
        day = "2023-05-08" if i < 10 else "2023-05-15"
        mentions += [
            _mention(article.id, day, "call", ["Kowalczyk", "Marchenko"], ["call"]),
            _mention(article.id, day, "said", ["Novak"], ["drills"], index=1),
            _mention(article.id, None, "conversation", ["Jan Kowalczyk"], ["call"], index=2),
        ]
    events = merge_mentions(mentions, articles)
    # each undated report joins the call its own article dates, not the other week's
    assert sorted((e.date.value, e.title, len(e.sources), len(e.mentions)) for e in events) == [
        ("2023-05-08", "Kowalczyk and Marchenko call", 10, 20),
        ("2023-05-08", "Novak said", 10, 10),
        ("2023-05-15", "Kowalczyk and Marchenko call", 10, 20),
        ("2023-05-15", "Novak said", 10, 10),
    ]


def _places(mention: EventMention, places: list[str]) -> EventMention:
    mention.places = places
    return mention


def _published(doc: str, value: str) -> Article:
    return Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)], published=Published(value, "header"))


def test_undated_report_never_joins_an_event_after_its_own_publication():
    articles = [_article("a"), _published("d", "2023-05-01")]
    mentions = [
        _mention("a", "2023-05-08", "arrested", ["Ivan Sidorov"], ["arrest", "smuggling"]),
        _mention("d", None, "arrested", ["Ivan Sidorov"], ["arrest", "smuggling"]),
    ]
    events = merge_mentions(mentions, articles)
    assert sorted((e.sources, e.date.value if e.date else None) for e in events) == [
        (["a"], "2023-05-08"),
        (["d"], None),
    ]


def test_undated_join_across_articles_needs_a_person_not_a_place():
    mentions = [
        _places(
            _mention("a", "2023-05-08", "condemned", ["Vesta", "Petrov"], ["attack", "depot"]), ["Vesta"]
        ),
        _places(_mention("b", None, "condemned", ["Vesta"], ["attack", "depot"]), ["Vesta"]),
        _mention("c", None, "condemned", ["Ivan Petrov"], ["attack", "depot"], index=1),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert sorted(e.sources for e in events) == [["a", "c"], ["b"]]


def test_undated_join_needs_more_than_the_same_verb():
    # "the ruins left by the blast" is not "the team left the city": same verb, nothing else shared
    mentions = [
        _mention("a", "2023-05-08", "left", ["Novak"], ["team", "city"]),
        _mention("b", None, "left", ["Novak"], ["ruins", "blast"]),
    ]
    assert sorted(e.sources for e in merge_mentions(mentions, ARTICLES)) == [["a"], ["b"]]


def test_surname_shared_by_relatives_is_not_one_person():
    mentions = [
        _mention("a", "2023-05-08", "said", ["Ivo Novak"], ["talks", "travel"]),
        _mention("b", None, "said", ["Lena Novak"], ["talks", "travel"]),
    ]
    assert sorted(e.sources for e in merge_mentions(mentions, ARTICLES)) == [["a"], ["b"]]


def test_same_day_reports_worded_differently_are_one_attack_in_one_place():
    mentions = [
        _places(_mention("a", "2023-03-12", "exploded", [], ["attack", "depot", "car"]), ["Portvale"]),
        _places(_mention("b", "2023-03-12", "went off", [], ["attack", "depot"], index=1), ["Portvale"]),
        _places(_mention("c", "2023-03-12", "killed", [], ["death", "depot"], index=2), ["Portvale"]),
        _places(_mention("d", "2023-03-12", "exploded", [], ["attack", "depot", "car"]), ["Westholm"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert sorted(e.sources for e in events) == [["a", "b", "c"], ["d"]]  # another city: another bombing


def test_rallies_on_consecutive_days_are_two_events_not_a_conflict():
    mentions = [
        _mention("a", "2023-01-05", "attended", ["Varga"], ["attend", "protest", "harbour"]),
        _mention("b", "2023-01-06", "attended", ["Varga"], ["attend", "protest", "harbour"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert len(events) == 2 and all(e.conflicts == [] for e in events)


def test_a_year_typo_is_a_conflict_of_the_same_event():
    mentions = [
        _mention("a", "2019-06-14", "killed", ["Rahn"], ["death", "attack", "gunman"]),
        _mention("b", "2019-06-14", "killed", ["Rahn"], ["death", "attack", "gunman"], index=1),
        _mention("c", "2020-06-14", "killed", ["Rahn"], ["death", "attack", "gunman"], index=2),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.date.value == "2019-06-14"
    assert [(c.value, c.sources) for c in event.conflicts] == [("2020-06-14", ["c"])]


def test_coarse_mentions_do_not_let_one_fine_date_win():
    terms = ["death", "attack"]
    mentions = [
        _mention("a", "2023-10-23", "killed", ["Rahn"], terms),
        _mention("b", "2023-10-23", "killed", ["Rahn"], terms, index=1),
        _mention("c", "2023-10-30", "killed", ["Rahn"], terms, index=2),
    ]
    # three vaguer reports ("early that week") around the later day only
    mentions += [_mention(doc, "2023-W44", "killed", ["Rahn"], terms, index=3) for doc in ("d", "e", "f")]
    articles = [_article(doc) for doc in "abcdef"]
    (event,) = merge_mentions(mentions, articles)
    assert event.date.value == "2023-10-23"  # two sources at day precision against one
    assert [c.value for c in event.conflicts] == ["2023-10-30", "2023-W44"]


def test_a_re_sent_copy_is_listed_but_not_counted_as_a_source():
    mentions = [
        _mention("a", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("b", "2023-05-08", "call", ["Kowalczyk", "Marchenko"], ["call"]),
        _mention("c", "2023-05-08", "call", ["Marchenko"], ["call"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES, copies={"b": "a"})
    assert event.sources == ["a", "c"]
    assert sorted(m.document for m in event.mentions) == ["a", "b", "c"]


def test_undated_join_inside_one_article_needs_a_person_too():
    # the article's own dated condemnation and another undated one sharing only a capital's name
    mentions = [
        _places(
            _mention("a", "2023-05-08", "condemned", ["Vesta", "Petrov"], ["attack", "depot"]), ["Vesta"]
        ),
        _places(_mention("a", None, "condemned", ["Vesta"], ["attack", "depot"], index=1), ["Vesta"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert [m.sentence.index for m in event.mentions] == [0]


def test_undated_report_joins_its_own_articles_later_event_despite_publication_date():
    # an article announcing a meeting a week ahead may describe it undated; only other articles are guarded
    articles = [_published("d", "2023-05-01")]
    mentions = [
        _mention("d", "2023-05-08", "meet", ["Ivan Sidorov"], ["meeting", "border"], status="expected"),
        _mention("d", None, "meet", ["Sidorov"], ["meeting", "border"], index=1),
    ]
    (event,) = merge_mentions(mentions, articles)
    assert event.date.value == "2023-05-08"
    assert [m.date_source for m in event.mentions] == ["expression", "joined"]


def test_same_day_reports_of_a_collapse_merge_across_noun_verb_and_time_of_day():
    # one report says "collapsed on Monday night, flooding three villages", another "the collapse
    # late on Monday flooded three villages": a night lies within its day, collapse/collapsed and
    # flooding/flooded are the same words
    wire = _mention(
        "a", "2024-03-11TNI", "collapsed", ["Selen"], ["dam", "river", "collapse", "flooding", "village"]
    )
    web = _mention("b", "2024-03-11", "flooded", [], ["collapse", "flood", "village"])
    events = merge_mentions([wire, web], ARTICLES)
    assert len(events) == 1
    assert events[0].sources == ["a", "b"]


def test_two_announced_meetings_on_one_day_sharing_a_qualifier_merge_without_a_named_actor():
    web = _mention(
        "a", "2024-03-14", "scheduled", [], ["emergency", "cabinet", "meeting", "schedule"], "expected"
    )
    wire = _mention(
        "b", "2024-03-14", "meeting", [], ["government", "hold", "emergency", "meeting"], "expected"
    )
    assert len(merge_mentions([web, wire], ARTICLES)) == 1


def test_announced_call_and_visit_on_one_day_stay_apart_despite_a_shared_word():
    call = _mention("a", "2024-03-14", "call", [], ["emergency", "call"], "expected")
    visit = _mention("b", "2024-03-14", "visit", [], ["emergency", "visit"], "expected")
    assert len(merge_mentions([call, visit], ARTICLES)) == 2


def test_reported_meetings_on_one_day_need_more_than_one_shared_word():
    first = _mention("a", "2024-03-14", "met", [], ["board", "meeting"])
    second = _mention("b", "2024-03-14", "meeting", [], ["board", "meeting", "budget"])
    assert len(merge_mentions([first, second], ARTICLES)) == 2


def test_a_third_report_never_splits_two_same_day_reports_that_matched():
    # "the breach late on Friday flooded two towns" and "the levee gave way on Friday night" share no
    # actor and too few words; "the levee on the Orrin breached on Friday night, flooding two towns"
    # matches each. Whichever order the articles are processed in, the three are one event.
    roles = {
        "levee": ("2024-06-07TNI", "gave way", ["Orrin"], ["levee", "give", "way", "breach"]),
        "wire": ("2024-06-07TNI", "breached", ["Orrin"], ["levee", "breach", "flooding", "town"]),
        "flood": ("2024-06-07", "flooded", [], ["breach", "flood", "town"]),
    }
    for docs in permutations("abc"):
        mentions = [_mention(doc, *args) for doc, args in zip(docs, roles.values(), strict=True)]
        events = merge_mentions(mentions, ARTICLES)
        assert [e.sources for e in events] == [["a", "b", "c"]], docs


def test_a_report_matching_two_bombings_in_different_towns_does_not_merge_them():
    first = _places(_mention("a", "2024-06-07", "exploded", [], ["bomb", "market"]), ["Tarsk"])
    second = _places(_mention("b", "2024-06-07", "exploded", [], ["bomb", "market"]), ["Velm"])
    vague = _mention("c", "2024-06-07", "exploded", [], ["bomb", "market"])
    events = merge_mentions([first, second, vague], ARTICLES)
    assert len(events) == 2
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_a_report_that_the_announced_meeting_took_place_joins_it_and_makes_it_reported():
    # two announcements of "an emergency council meeting on Friday", then "the council met on Friday"
    planned = _mention("a", "2024-06-07", "scheduled", [], ["emergency", "council", "meeting"], "expected")
    announced = _mention("b", "2024-06-07", "meeting", [], ["hold", "emergency", "meeting"], "expected")
    happened = _mention("c", "2024-06-07", "met", [], ["council", "meeting"])
    (event,) = merge_mentions([planned, announced, happened], ARTICLES)
    assert event.sources == ["a", "b", "c"]
    assert event.status == "reported"


def test_a_past_tense_report_published_before_the_date_does_not_make_a_plan_reported():
    articles = [_article("a"), _published("c", "2024-06-03")]
    planned = _mention("a", "2024-06-07", "scheduled", [], ["emergency", "council", "meeting"], "expected")
    early = _mention("c", "2024-06-07", "met", [], ["council", "meeting"])
    (event,) = merge_mentions([planned, early], articles)
    assert event.status == "expected"


def test_a_shared_signatory_with_shared_specifics_on_two_days_is_a_conflict():
    # the same signing, two days apart: a shared person, the same action, a shared word and place
    mentions = [
        _places(
            _mention("a", "2023-03-14", "signed", ["Alvarez", "Ruritania"], ["agreement", "border"]),
            ["Geneva"],
        ),
        _places(
            _mention("b", "2023-03-16", "signed", ["Ruritania", "Alvarez"], ["border", "agreement"]),
            ["Geneva"],
        ),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.date.value == "2023-03-14"  # one source each: the earlier day wins the tie
    assert [(c.value, c.sources) for c in event.conflicts] == [("2023-03-16", ["b"])]


def test_the_same_sentence_with_another_day_is_a_conflict_even_without_a_named_actor():
    mentions = [
        _mention("a", "2023-03-14", "resigned", [], ["mayor", "resign", "scandal"]),
        _mention("b", "2023-03-15", "resigned", [], ["mayor", "resign", "scandal"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert [(c.value, c.sources) for c in event.conflicts] == [("2023-03-15", ["b"])]


def test_reports_sharing_little_more_than_the_action_on_two_days_stay_two_events():
    mentions = [
        _mention("a", "2023-03-14", "resigned", [], ["mayor", "resign"]),
        _mention("b", "2023-03-15", "resigned", [], ["mayor", "resign"]),
        _mention("c", "2023-04-03", "signed", ["Alvarez"], ["agreement", "trade"]),
        _mention("d", "2023-04-05", "signed", ["Alvarez"], ["agreement", "fishing"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert len(events) == 4 and all(e.conflicts == [] for e in events)


def test_identical_rally_reports_on_two_days_stay_two_rallies():
    mentions = [
        _mention("a", "2023-01-05", "rallied", [], ["protest", "crowd", "square", "parliament"]),
        _mention("b", "2023-01-06", "rallied", [], ["protest", "crowd", "square", "parliament"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert len(events) == 2 and all(e.conflicts == [] for e in events)


def test_the_same_short_sentence_from_two_outlets_on_one_day_is_one_event():
    # "The flood began on March 5." twice: one specific word only, still one event told twice
    mentions = [
        _mention("a", "2023-03-05", "began", [], ["flood", "begin"]),
        _mention("b", "2023-03-05", "began", [], ["flood", "begin"]),
    ]
    (event,) = merge_mentions(mentions, ARTICLES)
    assert event.sources == ["a", "b"] and event.conflicts == []


def test_the_same_short_sentence_on_two_days_stays_two_events():
    # too little in common to call the differing dates a conflict of one event
    mentions = [
        _mention("a", "2023-03-05", "began", [], ["flood", "begin"]),
        _mention("b", "2023-03-07", "began", [], ["flood", "begin"]),
    ]
    events = merge_mentions(mentions, ARTICLES)
    assert sorted(e.date.value for e in events) == ["2023-03-05", "2023-03-07"]
    assert all(e.conflicts == [] for e in events)


def test_initials_and_the_name_they_abbreviate_are_one_actor():
    assert same_actor("NCA", "Norland Customs Authority")
    assert same_actor("NCA", "the Norland Customs Authority")
    assert not same_actor("NCA", "Norland Coast Authority Board")
    assert not same_actor("NCA", "NCB")


# letters that fold specially under re.IGNORECASE, curly quotes, accented letters, digits and underscores
_FIND_ALPHABET = "abkisKS _-'.9\u0130\u0131\u017f\u212a\u00e9\u2019"


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=_FIND_ALPHABET, max_size=30),
    st.text(alphabet=_FIND_ALPHABET, min_size=1, max_size=4),
)
def test_find_whole_word_agrees_with_the_case_insensitive_pattern(text, word):
    found = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE)
    assert find_whole_word(text, word) == (found.end() if found else None)


def test_find_whole_word_skips_the_word_inside_longer_words():
    assert find_whole_word("The recall vote called for a Call.", "call") == 33
    assert find_whole_word("Recalled.", "call") is None


def test_events_that_would_share_an_id_get_distinct_stable_ones():
    # One source telling two happenings of one day under the same title (a headline restated later, with
    # a different happening between) must not give two events the same id: JSON consumers key on it.
    from timeline.merge.events import distinct_ids
    from timeline.types import Event

    def events() -> list[Event]:
        headline = _mention("a", "2022-02-15", "condemned", ["Norland"], ["attack"], index=0)
        restated = _mention("a", "2022-02-15", "condemned", ["Norland"], ["attack"], index=4)
        return [
            Event("ev-same", headline.date, "Norland condemned", "reported", ["a"], [headline]),
            Event("ev-same", restated.date, "Norland condemned", "reported", ["a"], [restated]),
        ]

    ids = [e.id for e in distinct_ids(events())]
    assert len(set(ids)) == 2 and "ev-same" not in ids
    assert ids == [e.id for e in distinct_ids(events())]

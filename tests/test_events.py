"""Event mentions: clauses, triggers, status, actors and titles (hand-built inputs)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import extract_mentions, span_of
from timeline.temporal.timex import value_to_date
from timeline.text import Token, is_verb, tokenize, verb_flags
from timeline.types import Article, Published, Sentence, TimeExpression


def _article(text: str, published: str | None = "2022-03-09") -> Article:
    return Article("a1", "a1.txt", text, [(0, len(text))], published=Published(published, "header"))


def _sentence(text: str) -> Sentence:
    return Sentence("a1", 0, 0, len(text), text, 0, 1)


def _expr(text: str, phrase: str, value: str | None, occurrence: int = 0) -> TimeExpression:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    when = value_to_date(value) if value else None
    return TimeExpression(
        phrase,
        start,
        start + len(phrase),
        "DATE",
        value,
        when.granularity if when else None,
        "publication" if value else "unresolved",
    )


def _mentions(text: str, dates: list[tuple[str, str | None]], published: str | None = "2022-03-09"):
    counts: dict[str, int] = {}
    expressions = []
    for phrase, value in dates:
        expressions.append(_expr(text, phrase, value, counts.get(phrase, 0)))
        counts[phrase] = counts.get(phrase, 0) + 1
    return extract_mentions(_article(text, published), [_sentence(text)], expressions)


def test_one_sentence_with_two_dates_gives_statement_and_two_events():
    text = (
        "The foreign minister said Wednesday that the envoy had visited the exercises the day before, "
        "and that the other envoy would attend drills on Wednesday."
    )
    mentions = _mentions(
        text, [("Wednesday", "2022-03-09"), ("the day before", "2022-03-08"), ("on Wednesday", "2022-03-09")]
    )
    assert [(m.date.value, m.trigger, m.status) for m in mentions] == [
        ("2022-03-09", "said", "reported"),
        ("2022-03-08", "visited", "reported"),
        ("2022-03-09", "attend", "expected"),
    ]
    assert mentions[1].title == "The envoy had visited the exercises"
    assert "drills" in mentions[2].terms  # "drills" is its own concept word


def test_expected_status_from_future_wording():
    text = "The drills are expected to finish on Sunday."
    (mention,) = _mentions(text, [("on Sunday", "2022-03-13")])
    assert mention.status == "expected"
    assert mention.title == "The drills are expected to finish"


def test_coarse_date_long_before_publication_is_background():
    text = "The country has been ruled by Ivan Petrov since 1994, and mass protests were suppressed in 2020."
    mentions = _mentions(text, [("1994", "1994"), ("2020", "2020")])
    assert [m.status for m in mentions] == ["background", "background"]


def test_same_year_date_is_not_background():
    text = "Ivan Petrov signed the treaty in 2022."
    (mention,) = _mentions(text, [("2022", "2022")])
    assert mention.status == "reported"


def test_fronted_date_is_removed_from_title_and_light_verb_yields_to_event_noun():
    text = "On Monday, Smith and Jones held the phone call amid rising tensions."
    (mention,) = _mentions(text, [("On Monday", "2022-03-07")])
    assert mention.trigger == "call"
    assert mention.actors == ["Smith", "Jones"]
    assert mention.title == "Smith and Jones held the phone call amid rising tensions"
    assert "call" in mention.terms


def test_statement_speaker_comes_first():
    text = "Ministers met in Geneva, and Maria Novak told reporters on Friday that talks would continue."
    (mention,) = _mentions(text, [("on Friday", "2022-03-04")])
    assert mention.trigger == "told"
    assert mention.actors[0] == "Maria Novak"


def test_undated_sentence_reporting_an_event_becomes_an_undated_mention():
    text = "Defense ministers Anna Kowalski and Petro Marchenko had a telephone conversation."
    (mention,) = _mentions(text, [], published=None)
    assert mention.date is None and mention.expression is None
    assert mention.date_source == "none"
    assert mention.trigger == "conversation"
    assert {"Anna Kowalski", "Petro Marchenko"} <= set(mention.actors)


def test_undated_sentence_without_actor_or_past_event_is_skipped():
    assert _mentions("Our feelings are very warm.", [], published=None) == []
    assert _mentions("The parties discussed the situation.", [], published=None) == []


def test_year_glued_to_a_name_is_not_a_date():
    text = "Officials described the Northern Shield 2022 exercises as defensive."
    mentions = _mentions(text, [("2022", "2022")])
    assert all(m.expression is None for m in mentions)
    # the lead's news has no date of its own: it is the publication day's
    assert [m.date.value for m in mentions] == ["2022-03-09"]


def test_boilerplate_sentences_and_unresolved_expressions_are_ignored():
    text = "Subscribe to our newsletter on Monday."
    article = _article(text)
    boiler = Sentence("a1", 0, 0, len(text), text, 0, 1, boilerplate=True)
    assert extract_mentions(article, [boiler], [_expr(text, "on Monday", "2022-03-07")]) == []
    text2 = "Smith visited Paris on Monday."
    assert all(m.date is None for m in _mentions(text2, [("on Monday", None)], published=None))


def test_undated_perfect_tense_report_with_a_name_is_kept():
    # no "-ed" past form here: the perfect auxiliary alone marks the report
    (mention,) = _mentions("Maria Novak has begun a tour of the region.", [], published=None)
    assert mention.trigger == "begun"
    assert mention.actors == ["Maria Novak"]


def test_undated_past_report_needs_a_named_actor():
    assert _mentions("the ministers signed an agreement.", [], published=None) == []
    (mention,) = _mentions("the ministers signed an agreement with Portugal.", [], published=None)
    assert mention.actors == ["Portugal"]


def test_verb_flags_read_each_token_like_is_verb():
    text = "Smith had a call, had visited Kyiv and the Call ended; Jones will attend and has to leave."
    tokens = tokenize(text)
    flags = verb_flags(tokens)
    assert flags == [is_verb(tokens, i) for i in range(len(tokens))]
    verbs = [t.text for t, flag in zip(tokens, flags, strict=True) if flag]
    assert verbs == ["had", "visited", "ended", "attend", "leave"]


# words of every kind ``is_verb`` tells apart: auxiliaries, modals, determiners, irregular and reporting
# verbs, past forms, -ing words, plurals, numbers, prepositions before gerunds, capitalised words
_VERB_TEST_WORDS = """had has have having is was will can not to did the a their said says told met begins
    held visited ended closed attended meeting building signing talks calls states three 12 of after by
    quickly early Smith Call Talks announced announce announces warns hold meets , ;"""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VERB_TEST_WORDS.split()), min_size=1, max_size=12))
def test_verb_flags_agree_with_is_verb_on_any_word_sequence(words):
    tokens = tokenize(" ".join(words))
    assert verb_flags(tokens) == [is_verb(tokens, i) for i in range(len(tokens))]


def test_tokens_keep_offsets_and_lower_case_form():
    tokens = tokenize("On Monday, NATO met.", offset=100)
    assert [(t.text, t.start, t.end, t.lower) for t in tokens] == [
        ("On", 100, 102, "on"),
        ("Monday", 103, 109, "monday"),
        (",", 109, 110, ","),
        ("NATO", 111, 115, "nato"),
        ("met", 116, 119, "met"),
    ]
    assert Token("Kyiv", 0, 4).lower == "kyiv"


def test_span_of_is_the_calendar_span_of_dates_only():
    text = "Talks lasted two weeks in February 2022."
    month = _expr(text, "February 2022", "2022-02")
    assert span_of(month) == month.date() == value_to_date("2022-02")
    duration = TimeExpression("two weeks", 13, 22, "DURATION", "P2W", None, "absolute")
    assert span_of(duration) is None
    assert span_of(_expr(text, "February 2022", None)) is None


def _noun_date(text: str, phrase: str, value: str) -> TimeExpression:
    expression = _expr(text, phrase, value)
    expression.modifies_noun = True
    return expression


def test_wire_dateline_date_does_not_date_the_sentence():
    text = "PORTVALE, Norland, March 8 (Wirecast) -- Two bombs exploded outside the depots on Friday."
    mentions = _mentions(text, [("March 8", "2022-03-08"), ("on Friday", "2022-03-04")])
    assert [(m.date.value, m.trigger) for m in mentions] == [("2022-03-04", "exploded")]
    assert "PORTVALE" not in mentions[0].actors
    # a dateline alone is no event, dated or not
    alone = "CAIRO, March 8 (AP) _"
    assert _mentions(alone, [("March 8", "2022-03-08")]) == []


def test_a_date_of_a_noun_dates_that_noun_not_the_main_verb():
    text = "Maria Novak condemned last Friday's bombings of the two depots."
    expression = _noun_date(text, "last Friday", "2022-03-04")
    mentions = extract_mentions(_article(text), [_sentence(text)], [expression])
    (mention,) = [m for m in mentions if m.date_source == "expression"]
    assert (mention.trigger, mention.date.value, mention.status) == ("bombings", "2022-03-04", "reported")
    # the condemnation is not dated by the bombings' date: it is the lead's news, of the publication day
    (condemned,) = [m for m in mentions if m.date_source != "expression"]
    assert (condemned.trigger, condemned.date_source) == ("condemned", "publication-implicit")
    # a noun that names no event ("the 1971 charter") gives the date nothing to date
    text = "The law signed by Novak strengthened the 1971 charter."
    expression = _noun_date(text, "1971", "1971")
    mentions = extract_mentions(_article(text), [_sentence(text)], [expression])
    assert all(m.expression is None and (m.date is None or m.date.value != "1971") for m in mentions)


def test_past_statement_about_a_plan_dated_before_publication_is_reported():
    text = "They said they would appeal the decision, announced Monday by the commissioner."
    (mention,) = _mentions(text, [("Monday", "2022-03-07")])
    assert mention.status == "reported"
    (future,) = _mentions("The envoy will attend the drills on Monday.", [("on Monday", "2022-03-07")])
    assert future.status == "expected"  # explicitly future wording keeps its status


def test_title_drops_closing_attribution_and_markup_entities():
    text = "Suspected bombs exploded outside the two depots Friday, injuring several workers, witnesses said."
    (mention,) = _mentions(text, [("Friday", "2022-03-04")])
    assert mention.trigger == "exploded"
    assert mention.title.startswith("Suspected bombs exploded outside the two depots")
    assert "witnesses" not in mention.title
    text = "The Times says in an editorial on Thursday: &QL;"
    assert all(m.date is None for m in _mentions(text, [("Thursday", "2022-03-03")]))
    (said,) = _mentions("Novak said Monday the talks &QL; had failed.", [("Monday", "2022-03-07")])
    assert "QL" not in said.title and len(said.title.split()) >= 3


def test_places_are_told_from_people_and_nationalities():
    # a nationality describes who took part, not where it happened (merge vetoes on differing places)
    text = "Ostrian exiles led by Maria Novak protested in Eastport on Monday."
    (mention,) = _mentions(text, [("on Monday", "2022-03-07")])
    assert set(mention.places) == {"Eastport"}
    assert "Maria Novak" in mention.actors and "Maria Novak" not in mention.places


def test_explosion_words_and_phrasal_verbs_share_the_attack_concept():
    (went,) = _mentions("A bomb went off at the depot on Friday.", [("on Friday", "2022-03-04")])
    (blast,) = _mentions("The blast ripped the depot on Friday.", [("on Friday", "2022-03-04")])
    assert went.trigger == "went off"
    assert "attack" in blast.terms
    assert not verb_flags(tokenize("the three states agreed"))[2]  # "states" is a noun here


def test_passing_away_is_a_death_and_standing_down_a_resignation():
    from timeline.build import build_timeline
    from timeline.merge.features import features

    (passed,) = _mentions("Maria Novak passed away on Friday.", [("on Friday", "2022-03-04")])
    (stood,) = _mentions("Maria Novak stood down on Friday.", [("on Friday", "2022-03-04")])
    assert (passed.trigger, features(passed).head) == ("passed away", "death")
    assert (stood.trigger, features(stood).head) == ("stood down", "resign")
    # two papers telling one death in other words: one event with both sources
    texts = {
        "a": "Maria Novak died in Eastport on Friday.",
        "b": "Maria Novak passed away in Eastport on Friday.",
    }
    articles = [
        Article(name, f"{name}.txt", text, [(0, len(text))], published=Published("2022-03-05", "header"))
        for name, text in texts.items()
    ]
    (event,) = build_timeline(articles).events
    assert (event.date.value, event.sources) == ("2022-03-04", ["a", "b"])


def test_title_of_a_date_in_a_participle_clause_is_that_clause():
    text = "Ardovia, governed by Maren Holt since 2011, borders both Velland and Ostra."
    (mention,) = _mentions(text, [("since 2011", "2011")])
    assert mention.trigger == "governed"
    assert mention.title == "Ardovia, governed by Maren Holt"


def test_fronted_dated_clause_ends_the_title_at_its_comma():
    text = (
        "Increasingly isolated after harshly crushing street protests in 2019, "
        "Governor Tal Brenner has become dependent on the capital."
    )
    (mention,) = _mentions(text, [("in 2019", "2019")])
    assert mention.title == "Increasingly isolated after harshly crushing street protests"
    assert mention.trigger != "has"  # the date is the crackdown's, not the later dependence


def test_title_is_a_contiguous_extract_without_date_or_closing_attribution():
    burst = _mentions("The canal burst its banks on Sunday, residents said.", [("on Sunday", "2022-03-06")])
    assert [(m.trigger, m.title) for m in burst] == [("burst", "The canal burst its banks")]
    text = "Northwind Ltd recorded a 15% rise in quarterly sales on Tuesday."
    (gain,) = _mentions(text, [("on Tuesday", "2022-03-08")])
    assert gain.title == "Northwind Ltd recorded a 15% rise in quarterly sales"
    (opened,) = _mentions("The mayor, on Friday, opened the new bridge.", [("on Friday", "2022-03-04")])
    assert opened.title == "The mayor opened the new bridge"


def test_date_right_after_a_prepositions_event_noun_dates_that_noun():
    text = "Police detained a student in connection with the bombings last year that injured 40 people."
    mentions = _mentions(text, [("last year", "2021")])
    dated = [m for m in mentions if m.date_source == "expression"]
    assert [(m.trigger, m.date.value, m.title) for m in dated] == [
        ("bombings", "2021", "The bombings that injured 40 people")
    ]
    # the detention itself is the publication day's news, not last year's
    assert [(m.trigger, m.date.value) for m in mentions if m.date_source != "expression"] == [
        ("detained", "2022-03-09")
    ]
    text = "Officers arrested a driver in connection with the attacks on two consulates last year."
    dated = [m for m in _mentions(text, [("last year", "2021")]) if m.date_source == "expression"]
    assert [m.trigger for m in dated] == ["attacks"]  # the noun's complement may stand before the date
    text = "The party has grown since the protests in August, its leader Anna Rusk said."
    (protests,) = [m for m in _mentions(text, [("in August", "2021-08")]) if m.date is not None]
    assert protests.trigger == "protests"


def test_verb_behind_after_or_when_is_not_the_dated_event():
    text = "The boy was found on Sunday after a boat carrying him sank."
    (mention,) = _mentions(text, [("on Sunday", "2022-03-06")])
    assert mention.trigger == "found"


def test_title_of_a_possessive_dated_noun_stops_before_the_next_verb():
    text = "A guard was questioned about last month's bombing of the depot and was released."
    expression = replace(_expr(text, "last month's", "2022-02"), modifies_noun=True)
    mentions = extract_mentions(_article(text), [_sentence(text)], [expression])
    dated = [m for m in mentions if m.date_source == "expression"]
    assert [(m.trigger, m.title) for m in dated] == [("bombing", "Bombing of the depot")]


def test_participle_and_main_verb_each_keep_their_own_date():
    text = "The bridge, opened in 1965, had been repaired last year."
    mentions = _mentions(text, [("1965", "1965"), ("last year", "2021")])
    assert [(m.date.value, m.trigger) for m in mentions] == [("1965", "opened"), ("2021", "repaired")]
    # the participle keeps its date rather than dangle ("The bridge, opened, had ...")
    assert mentions[0].title == "The bridge, opened in 1965"
    assert mentions[1].title == "The bridge, opened in 1965, had been repaired"


def test_a_closing_attribution_date_does_not_split_off_an_event():
    text = "A tower in the old town collapsed on Monday night, officials said on Tuesday."
    mentions = _mentions(text, [("Monday night", "2022-03-07TNI"), ("Tuesday", "2022-03-08")])
    assert [(m.date.value, m.trigger) for m in mentions] == [("2022-03-07TNI", "collapsed")]


def test_noun_and_verb_forms_share_a_stem_and_giving_way_is_a_collapse():
    from timeline.text import concept, word_stem

    assert word_stem("collapse") == word_stem("collapsed")
    assert word_stem("flooding") == word_stem("flooded") == word_stem("flood")
    assert word_stem("evacuated") == word_stem("evacuation")
    assert concept("gave way") == concept("collapsed") == "collapse"


def test_a_statement_carries_the_terms_of_what_was_said():
    text = "Mayor Lena Kowalski said on Wednesday that three schools were being evacuated."
    (statement,) = _mentions(text, [("on Wednesday", "2022-03-09")])
    assert statement.trigger == "said" and statement.actors[0].endswith("Lena Kowalski")
    # the reporting clause tells nothing; the that-clause holds the content
    assert "school" in statement.content
    assert any(term.startswith("evacuat") for term in statement.content)
    assert "school" not in statement.terms


def test_only_statements_carry_reported_content():
    text = "Mayor Lena Kowalski closed the bridge on Wednesday."
    (mention,) = _mentions(text, [("on Wednesday", "2022-03-09")])
    assert mention.content == []


def test_two_dated_events_joined_by_and_a_new_subject_get_their_own_titles():
    text = "Rain started on Sunday and the river burst its banks on Monday."
    mentions = _mentions(text, [("Sunday", "2022-03-06"), ("Monday", "2022-03-07")])
    assert [(m.date.value, m.title) for m in mentions] == [
        ("2022-03-06", "Rain started"),
        ("2022-03-07", "The river burst its banks"),
    ]


def test_a_short_second_clause_keeps_its_own_title_and_joined_objects_are_not_cut():
    text = "Rain started on Sunday and floods hit on Monday."
    mentions = _mentions(text, [("Sunday", "2022-03-06"), ("Monday", "2022-03-07")])
    assert [m.title for m in mentions] == ["Rain started", "Floods hit"]
    # "and officials" joins two objects, and the comma ends the first event's part: one title each
    text = "The envoy met ministers and officials on Monday, and the talks ended on Tuesday."
    mentions = _mentions(text, [("Monday", "2022-03-07"), ("Tuesday", "2022-03-08")])
    assert [m.title for m in mentions] == ["The envoy met ministers and officials", "The talks ended"]


def test_coordinated_days_date_the_event_on_each_day():
    text = "Negotiators met in Geneva on Monday and Tuesday to discuss the ceasefire."
    mentions = _mentions(text, [("Monday", "2022-03-07"), ("Tuesday", "2022-03-08")])
    assert [(m.date.value, m.trigger) for m in mentions] == [("2022-03-07", "met"), ("2022-03-08", "met")]


def test_coordinated_month_days_and_alternatives():
    text = "The summit will be held on April 24 and 25, officials said."
    mentions = _mentions(text, [("April 24", "2022-04-24"), ("25", "2022-04-25")])
    # (the statement itself is the publication day's report: "beside-plan", tested in test_events_implicit)
    assert [m.date.value for m in mentions if m.date_source == "expression"] == ["2022-04-24", "2022-04-25"]
    # "Monday or Tuesday" is one uncertain day, not two events: only the first date is used
    text = "Rain is expected on Monday or Tuesday."
    mentions = _mentions(text, [("Monday", "2022-03-14"), ("Tuesday", "2022-03-15")])
    assert [m.date.value for m in mentions] == ["2022-03-14"]


def test_another_events_possessive_date_stays_in_the_title():
    text = "Police in Vesta on Thursday arrested a suspect in last year's bombing of the courthouse."
    mentions = _mentions(text, [("Thursday", "2022-03-03"), ("last year's", "2021")])
    arrest = next(m for m in mentions if m.date.value == "2022-03-03")
    assert arrest.title == "Police in Vesta arrested a suspect in last year's bombing of the courthouse"


def test_sentence_starting_with_a_comma_is_not_an_attribution_and_does_not_crash():
    # Real news (and fuzzing) has sentences whose first token is a comma; the "According to X," check
    # must not index an empty head.
    text = "\u2014 , 570 the quarter ended Sept. 30"
    article = _article(text)
    expressions = [_expr(text, "Sept. 30", "2021-09-30")]
    mentions = extract_mentions(article, [_sentence(text)], expressions)
    assert [m.date.value for m in mentions if m.date] == ["2021-09-30"]

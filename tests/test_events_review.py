"""Event extraction on constructions found by reviewing multi-agency stories (invented names only):
relative clauses and noun modifiers holding a date, garbled titles, light verbs, nationality words."""

from __future__ import annotations

from pathlib import Path

from timeline.build import build_timeline
from timeline.events import extract_mentions
from timeline.readers import read_paths
from timeline.temporal.timex import value_to_date
from timeline.types import Article, EventMention, Published, Sentence, TimeExpression


def _mentions(text: str, dates: list[tuple[str, str]], published: str = "2011-04-02") -> list[EventMention]:
    """Mentions of a one-sentence article whose time expressions are given as (phrase, TIMEX3 value)."""
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(published, "header"))
    expressions = []
    for phrase, value in dates:
        start = text.index(phrase)
        when = value_to_date(value)
        expressions.append(
            TimeExpression(phrase, start, start + len(phrase), "DATE", value, when.granularity, "absolute")
        )
    return extract_mentions(article, [Sentence("a1", 0, 0, len(text), text, 0, 1)], expressions)


def _dated(mentions: list[EventMention]) -> list[EventMention]:
    return [m for m in mentions if m.expression is not None]


# ---------------------------------------------------------------- dates inside relative clauses and nouns


def test_a_where_clause_date_dates_the_relative_clause_event_with_its_place():
    text = "The marchers waved flags on the beach at Kell Point, where the rebel army landed on Dec. 2, 1956."
    mentions = _mentions(text, [("on Dec. 2, 1956", "1956-12-02")])
    (landing,) = _dated(mentions)
    assert landing.trigger == "landed"
    assert landing.title == "The rebel army landed at Kell Point"
    assert landing.status == "background"  # a day decades before publication is context
    # the main clause stays an (undated) report of its own, not the landing's
    assert [m.trigger for m in mentions if m.expression is None] == ["waved"]


def test_a_restrictive_where_clause_puts_back_the_noun_it_describes():
    text = "Crowds gathered on the square where the old king was crowned in 1921."
    (crowning,) = _dated(_mentions(text, [("in 1921", "1921")]))
    assert crowning.trigger == "crowned"
    assert crowning.title == "The old king was crowned on the square"


def test_a_who_clause_date_dates_the_person_s_own_act_not_the_main_verb():
    text = "Minister Jan Orlo, who lived in exile in Kestrel in 1968, will chair the commission."
    mentions = _mentions(text, [("in 1968", "1968")])
    (exile,) = _dated(mentions)
    assert exile.trigger == "lived"
    assert exile.title == "Minister Jan Orlo lived in exile in Kestrel"
    assert exile.subjects == ["Minister Jan Orlo"]
    assert exile.status == "background"
    # "will chair" is no past report, and "lived" belongs to the relative clause: no undated copy
    assert all(m.expression is not None for m in mentions)


def test_a_date_in_the_main_clause_is_not_taken_by_a_relative_clause_before_it():
    text = "Dara Vent, who chairs the council, resigned on Friday."
    (resignation,) = _dated(_mentions(text, [("on Friday", "2011-04-01")]))
    assert resignation.trigger == "resigned"
    assert resignation.status == "reported"


def test_a_year_describing_a_thing_is_no_event_date():
    text = "Mayor Ida Rusk said she had brought a campaign poster from 1989 to the rally."
    mentions = _mentions(text, [("1989", "1989")])
    assert _dated(mentions) == []
    assert [m.trigger for m in mentions] == ["said"]  # still an undated report


def test_a_day_months_before_publication_stays_a_story_event():
    # a follow-up article retells the story's own days: only a day over a year old is background
    text = "The ferry Orla sank off Kell Island on Oct. 3, 2010, killing 40 passengers."
    (sinking,) = _dated(_mentions(text, [("on Oct. 3, 2010", "2010-10-03")]))
    assert sinking.status == "reported"
    text = "The ferry Orla sank off Kell Island on Oct. 3, 1987, killing 40 passengers."
    (sinking,) = _dated(_mentions(text, [("on Oct. 3, 1987", "1987-10-03")]))
    assert sinking.status == "background"


# ---------------------------------------------------------------- titles


def test_words_leading_into_an_opening_date_leave_with_it():
    (closing,) = _mentions(
        "As of Friday, the harbour was closed to all shipping.", [("Friday", "2011-04-01")]
    )
    assert closing.title == "The harbour was closed to all shipping"
    text = "Just over an hour later, the fire was declared out by the chief."
    (declared,) = _mentions(text, [("an hour later", "2011-04-01")])
    assert declared.title == "The fire was declared out by the chief"
    assert "Just" not in declared.actors


def test_a_date_modifying_the_subject_noun_keeps_what_the_noun_did():
    text = "The March 4 blast killed nine dock workers in Port Ardo."
    start = text.index("March 4")
    when = value_to_date("2011-03-04")
    expression = TimeExpression(
        "March 4", start, start + 7, "DATE", "2011-03-04", when.granularity, "absolute", modifies_noun=True
    )
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published("2011-03-12", "header"))
    mentions = extract_mentions(article, [Sentence("a1", 0, 0, len(text), text, 0, 1)], [expression])
    assert [(m.title, m.date.value) for m in mentions] == [
        ("The blast killed nine dock workers in Port Ardo", "2011-03-04")
    ]  # one event: no undated copy of the same clause


def test_a_dated_closing_attribution_titles_the_statement_with_what_was_said():
    text = "Talks on compensation resumed, a ministry official said Thursday."
    (statement,) = _mentions(text, [("Thursday", "2011-03-31")])
    assert statement.trigger == "said"
    assert statement.title == "Talks on compensation resumed"
    assert "compensation" in statement.content
    text = "Port Velm can now reopen its docks, Transport Minister Oda Frell said Saturday."
    (statement,) = _mentions(text, [("Saturday", "2011-04-02")])
    assert statement.title == "Port Velm can now reopen its docks"
    assert statement.subjects == ["Transport Minister Oda Frell"]


def test_a_verbless_fragment_is_no_event():
    assert _mentions("Until this week.", [("this week", "2011-W13")]) == []


# ---------------------------------------------------------------- light verbs and copulas


def test_a_copula_takes_its_complement_as_the_act():
    (joining,) = _mentions(
        "Norland and Ostria became full members of the pact on Friday.", [("on Friday", "2011-04-01")]
    )
    assert joining.trigger == "became members"  # the lexicon's "join"
    text = "The parliament in Tarrow on Tuesday became the last to ratify the treaty."
    (ratifying,) = _mentions(text, [("on Tuesday", "2011-03-29")])
    assert ratifying.trigger == "ratify"


def test_a_light_verb_yields_to_the_act_it_introduces():
    (deciding,) = _mentions("The tribunal made a decision on Tuesday.", [("on Tuesday", "2011-03-29")])
    assert deciding.trigger == "decision"
    (speaking,) = _mentions("Governor Lena Varr gave a long speech on Monday.", [("on Monday", "2011-03-28")])
    assert speaking.trigger == "speech"


# ---------------------------------------------------------------- places and subjects


def test_nationalities_and_possessive_names_are_no_places():
    text = "Tomas Vell, 6, was rescued by two Danish fishermen off Kell Island on Thursday."
    (rescue,) = _mentions(text, [("on Thursday", "2011-03-31")])
    assert rescue.places == ["Kell Island"]
    text = "Tomas's relatives met lawyers in Port Ardo on Thursday."
    (meeting,) = _mentions(text, [("on Thursday", "2011-03-31")])
    assert meeting.places == ["Port Ardo"]


def test_the_subject_is_who_acted_not_who_is_named_elsewhere():
    text = "Norland on Saturday condemned the bombing of the Kestrel embassy in Vesta."
    (condemning,) = _mentions(text, [("on Saturday", "2011-04-02")])
    assert condemning.subjects == ["Norland"]
    text = "Ostria and Norland held talks with Vesta on Monday."
    (talks,) = _mentions(text, [("on Monday", "2011-03-28")])
    assert talks.trigger == "talks"
    assert talks.subjects == ["Ostria", "Norland"]
    text = "Mayor Ida Rusk hailed the call between Ostria and Norland on Monday."
    (hailing,) = _mentions(text, [("on Monday", "2011-03-28")])
    assert hailing.subjects in ([], ["Mayor Ida Rusk"])  # never the parties to the call
    assert "Ostria" not in (hailing.subjects or [])


# ---------------------------------------------------------------- end to end


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_a_nationality_no_longer_splits_one_rescue_told_by_two_outlets(tmp_path: Path):
    _write(
        tmp_path,
        "a.txt",
        "Boy found\n\nDate: 5 March 2011\n\nTomas Vell was rescued by Danish fishermen on Thursday.\n",
    )
    _write(
        tmp_path,
        "b.txt",
        "Boy rescued\n\nDate: 6 March 2011\n\nTomas Vell was rescued in the Kelso Straits on Thursday.\n",
    )
    timeline = build_timeline(read_paths([str(tmp_path)]))
    rescues = [e for e in timeline.events if e.date and e.date.value == "2011-03-03"]
    assert len(rescues) == 1 and len(rescues[0].sources) == 2


def test_a_relative_clause_date_gives_a_background_event_titled_by_that_clause(tmp_path: Path):
    _write(
        tmp_path,
        "a.txt",
        "Rally\n\nDate: 2 April 2011\n\n"
        "The marchers waved flags on the beach at Kell Point, where the rebel army landed on Dec. 2, 1956.\n",
    )
    timeline = build_timeline(read_paths([str(tmp_path)]))
    (landing,) = [e for e in timeline.events if e.date and e.date.value == "1956-12-02"]
    assert landing.title == "The rebel army landed at Kell Point"
    assert landing.status == "background"


def test_a_where_clause_after_an_of_phrase_keeps_the_whole_place():
    text = "They gathered on the shore of the village of Kell, where the rebel army landed on Dec. 2, 1956."
    (landing,) = _dated(_mentions(text, [("on Dec. 2, 1956", "1956-12-02")]))
    assert landing.title == "The rebel army landed on the shore of the village of Kell"


def test_a_date_set_off_by_commas_inside_a_noun_phrase_leaves_no_stray_comma():
    text = "The March 8, 2011, floods killed more than 40 people."
    (floods,) = _dated(_mentions(text, [("March 8, 2011", "2011-03-08")], published="2012-06-07"))
    assert floods.title == "The floods killed more than 40 people"


def test_a_short_sentence_whose_verb_is_not_recognised_still_counts():
    # only a fragment with no words besides its date is dropped
    (meeting,) = _mentions(
        "Congress reconvenes Jan. 24.", [("Jan. 24", "2011-01-24")], published="2011-01-10"
    )
    assert meeting.title == "Congress reconvenes"


def test_a_possessive_date_after_of_still_dates_its_own_noun():
    text = "Ostria condemned the handling of Wednesday's meeting between the envoys."
    start = text.index("Wednesday's")
    when = value_to_date("2011-03-30")
    expression = TimeExpression(
        "Wednesday",
        start,
        start + 9,
        "DATE",
        "2011-03-30",
        when.granularity,
        "publication",
        modifies_noun=True,
    )
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published("2011-04-01", "header"))
    mentions = extract_mentions(article, [Sentence("a1", 0, 0, len(text), text, 0, 1)], [expression])
    assert [(m.trigger, m.date.value) for m in mentions if m.expression] == [("meeting", "2011-03-30")]

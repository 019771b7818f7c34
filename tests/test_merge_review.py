"""Merge defects found on real multi-agency stories: different parties' actions, generic place words,
noun/verb forms, background recalls and year typos (invented names only)."""

from __future__ import annotations

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.merge.features import governing_action
from timeline.names import place_keys, subject_names
from timeline.text import word_stem
from timeline.types import Article, EventMention


def _article(doc: str) -> Article:
    return Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)])


ARTICLES = [_article(d) for d in ("a", "b", "c")]


_mention = dated_mention


def _condemned(doc: str, party: str, subjects: list[str] | None = None) -> EventMention:
    text = f"{party} on Saturday condemned the bombing of the Kestrel embassy in Vesta."
    actors = [party, "Kestrel", "Vesta"]
    terms = ["condemn", "attack", "embassy"]
    return _mention(doc, "2011-06-11", text, "condemned", actors, terms, ["Vesta"], subjects=subjects)


def _sources(events) -> list[list[str]]:
    return sorted(e.sources for e in events)


def test_the_subject_is_the_named_actor_before_the_trigger_not_a_place_or_a_role_noun():
    text = "Norland on Saturday condemned the bombing of the Kestrel embassy in Vesta."
    assert subject_names(text, "condemned", ("Norland", "Kestrel", "Vesta"), ("Vesta",)) == ("Norland",)
    text = "Police in Vesta arrested Arno Kell on Friday."
    assert subject_names(text, "arrested", ("Police", "Vesta", "Arno Kell"), ("Vesta",)) == ()
    # a name in an earlier clause is not the subject of the trigger's clause
    text = "After Ostria protested, the council on Monday approved the plan."
    assert subject_names(text, "approved", ("Ostria",), ()) == ()


def test_two_parties_condemning_the_same_bombing_are_two_events():
    events = merge_mentions([_condemned("a", "Norland"), _condemned("b", "Ostria")], ARTICLES)
    assert _sources(events) == [["a"], ["b"]]


def test_one_party_condemning_told_by_two_outlets_is_one_event():
    events = merge_mentions([_condemned("a", "Norland"), _condemned("b", "Norland")], ARTICLES)
    assert _sources(events) == [["a", "b"]]


def test_the_extractor_subject_field_is_used_and_an_empty_one_vetoes_nothing():
    # the field wins over reading the sentence: "Ostria" given as subject of both is one party
    same = [_condemned("a", "Norland", ["Ostria"]), _condemned("b", "Ostria", ["Ostria"])]
    assert len(merge_mentions(same, ARTICLES)) == 1
    # [] means "no named subject": nothing to tell the reports apart by
    unnamed = [_condemned("a", "Norland", []), _condemned("b", "Ostria", [])]
    assert len(merge_mentions(unnamed, ARTICLES)) == 1


def test_a_subject_named_by_part_of_its_name_is_the_same_party():
    first = _mention(
        "a", "2011-03-03", "Tomas Vell on Thursday swam ashore near Port Ardo.", "swam",
        ["Tomas Vell", "Port Ardo"], ["swim", "ashore"], ["Port Ardo"],
    )  # fmt: skip
    second = _mention(
        "b", "2011-03-03", "Tomas on Thursday swam ashore, his uncle said.", "swam",
        ["Tomas"], ["swim", "ashore", "uncle"],
    )  # fmt: skip
    assert _sources(merge_mentions([first, second], ARTICLES)) == [["a", "b"]]


def test_a_reaction_sharing_only_the_event_it_reacts_to_is_another_event():
    killed = _mention(
        "a", "2011-10-23", "Dr. Hal Voss was killed by a sniper on Sunday.", "killed",
        ["Hal Voss"], ["death", "sniper"],
    )  # fmt: skip
    vigil = _mention(
        "b", "2011-10-23", "Neighbours attended a vigil for Dr. Hal Voss on Sunday after he was killed.",
        "attended", ["Hal Voss"], ["neighbour", "attend", "vigil", "death"],
    )  # fmt: skip
    assert _sources(merge_mentions([killed, vigil], ARTICLES)) == [["a"], ["b"]]


def test_place_keys_ignore_generic_geographic_words_and_nationalities():
    assert place_keys("Kelso Straits") == place_keys("Kelso")
    assert place_keys("Newark International Airport") == place_keys("Newark")
    assert place_keys("Straits") == frozenset()
    assert place_keys("Danish") == frozenset()
    assert place_keys("Paris") != frozenset()


def _rescued(doc: str, text: str, actors: list[str], places: list[str], terms: list[str]) -> EventMention:
    return _mention(doc, "2011-03-03", text, "rescued", actors, ["rescue", *terms], places)


def test_a_nationality_or_a_generic_place_word_does_not_split_one_rescue():
    by_fishermen = _rescued(
        "a", "Tomas Vell was rescued by two Danish fishermen on Thursday.",
        ["Tomas Vell", "Danish"], ["Danish"], ["fishermen"],
    )  # fmt: skip
    in_the_straits = _rescued(
        "b", "Tomas Vell was rescued in the Kelso Straits on Thursday.",
        ["Tomas Vell", "Kelso Straits"], ["Kelso Straits"], [],
    )  # fmt: skip
    assert _sources(merge_mentions([by_fishermen, in_the_straits], ARTICLES)) == [["a", "b"]]


def test_two_real_places_still_make_two_rescues():
    in_the_straits = _rescued(
        "a", "Tomas Vell was rescued in the Kelso Straits on Thursday.",
        ["Tomas Vell", "Kelso Straits"], ["Kelso Straits"], [],
    )  # fmt: skip
    in_the_harbour = _rescued(
        "b", "Tomas Vell was rescued in Port Ardo harbour on Thursday.",
        ["Tomas Vell", "Port Ardo"], ["Port Ardo"], ["harbour"],
    )  # fmt: skip
    assert _sources(merge_mentions([in_the_straits, in_the_harbour], ARTICLES)) == [["a"], ["b"]]


def test_noun_and_verb_forms_of_one_action_share_a_stem():
    for noun, verb in [
        ("ratification", "ratified"),
        ("acquisition", "acquired"),
        ("election", "elected"),
        ("decision", "decided"),
        ("confirmation", "confirmed"),
        ("announcement", "announced"),
        ("approval", "approved"),
        ("admission", "admitted"),
    ]:
        assert word_stem(noun) == word_stem(verb), (noun, verb)


def test_unrelated_words_with_derivational_endings_keep_their_own_stems():
    for noun, other in [("department", "departed"), ("nation", "nate"), ("commission", "committed")]:
        assert word_stem(noun) != word_stem(other), (noun, other)


def _blast(doc: str = "a") -> EventMention:
    return _mention(
        doc, "2011-04-29", "A bomb exploded at the Vesta courthouse on Friday, killing three guards.",
        "exploded", ["Vesta"], ["bomb", "attack", "courthouse", "death", "guard"],
    )  # fmt: skip


def test_last_years_bombing_joins_the_bombing_at_year_precision():
    recalled = _mention(
        "b", "2011", "Last year's bombing of the Vesta courthouse shocked the town.",
        "bombing", ["Vesta"], ["attack", "courthouse"], ["Vesta"], status="background",
    )  # fmt: skip
    (event,) = merge_mentions([_blast(), recalled], ARTICLES)
    assert event.sources == ["a", "b"]
    assert event.date.value == "2011-04-29"
    assert event.conflicts == []
    assert event.status == "reported"


def test_an_arrest_in_connection_with_last_years_bombing_is_a_happening_of_its_own():
    # the sentence reports an arrest: naming the bombing does not make it a report of the bombing
    arrest = _mention(
        "b", "2011", "Police arrested a suspect in last year's bombing of the Vesta courthouse.",
        "bombing", ["Vesta"], ["attack", "courthouse"], ["Vesta"], status="background",
    )  # fmt: skip
    assert _sources(merge_mentions([_blast(), arrest], ARTICLES)) == [["a"], ["b"]]


def test_a_background_mention_of_another_action_stays_apart():
    other = _mention(
        "b", "2011", "Last year the Vesta courthouse was renovated.", "renovated",
        ["Vesta"], ["courthouse", "renovate"], status="background",
    )  # fmt: skip
    assert _sources(merge_mentions([_blast(), other], ARTICLES)) == [["a"], ["b"]]


def _killed(doc: str, value: str, text: str, terms: list[str]) -> EventMention:
    return _mention(doc, value, text, "killed", ["Hal Voss"], ["death", *terms])


def _led(doc: str, value: str, text: str) -> EventMention:
    return _mention(doc, value, text, "led", ["Hal Voss"], ["lead", "march"])


def test_the_same_killing_told_with_the_wrong_year_is_a_conflict():
    original = _killed(
        "a", "2010-10-23", "Dr. Hal Voss was killed by a sniper at his home on Oct. 23.", ["sniper", "home"]
    )
    wrong = _killed(
        "b",
        "2011-10-23",
        "Voss was killed on Oct. 23, 2011 by a sniper in his backyard.",
        ["sniper", "backyard"],
    )
    (event,) = merge_mentions([original, wrong], ARTICLES)
    assert event.date.value == "2010-10-23"
    assert event.sources == ["a", "b"]
    assert [c.value for c in event.conflicts] == ["2011-10-23"]


def test_an_anniversary_or_an_annual_event_a_year_later_is_not_a_year_typo():
    original = _killed(
        "a", "2010-10-23", "Dr. Hal Voss was killed by a sniper at his home on Oct. 23.", ["sniper", "home"]
    )
    recalled = "On the anniversary, Oct. 23, 2011, a vigil recalled how Voss was killed by a sniper."
    anniversary = _killed("b", "2011-10-23", recalled, ["sniper", "vigil"])
    assert _sources(merge_mentions([original, anniversary], ARTICLES)) == [["a"], ["b"]]
    march = [
        _led("a", "2010-10-23", "Hal Voss led the annual march on Oct. 23."),
        _led("b", "2011-10-23", "Hal Voss led the march on Oct. 23, 2011."),
    ]
    assert all(not e.conflicts for e in merge_mentions(march, ARTICLES))


def test_another_action_naming_the_bombing_on_its_day_stays_apart():
    # hoping, dated by the blast it names: a happening of its own, not a report of the blast
    hoped = _mention(
        "b", "2011-04-29", "Officials hoped the minister would bring aid after the April 29 blast at the "
        "Vesta courthouse that killed six people.", "blast", ["Vesta"], ["attack", "courthouse"], ["Vesta"],
    )  # fmt: skip
    assert _sources(merge_mentions([_blast(), hoped], ARTICLES)) == [["a"], ["b"]]


def test_the_governing_action_of_a_named_happening():
    assert governing_action("Police arrested a man in connection with the blasts.", "blasts") == word_stem(
        "arrest"
    )
    assert governing_action("Six people were killed in the blasts.", "blasts") == ""  # the blasts' own toll
    assert governing_action("The blast occurred at noon.", "blast") == ""  # only framing
    assert governing_action("Officials said the blasts killed six people.", "blasts") == ""  # reported
    assert governing_action("Norland said the bombing was a crime.", "bombing") != ""  # what Norland said


def test_a_toll_counted_days_later_joins_the_attack_as_a_retelling_not_a_conflict():
    toll = _mention(
        "b", "2011-05-04", "Five people have now died of wounds from the Vesta courthouse blast.",
        "died", ["Vesta"], ["death", "wound", "courthouse", "blast"], ["Vesta"],
    )  # fmt: skip
    (event,) = merge_mentions([_blast(), toll], ARTICLES)
    assert event.sources == ["a", "b"]
    assert event.date.value == "2011-04-29"
    assert event.conflicts == []
    joined = next(m for m in event.mentions if m.document == "b")
    assert joined.date.value == "2011-05-04"  # its own date is kept
    assert joined.join is not None and joined.join.kind == "retelling"


def test_a_relative_clause_action_belongs_to_the_verb_it_hangs_on():
    text = "Norland deplored the blasts which killed six people."
    assert governing_action(text, "killed") == word_stem("deplore")
    assert governing_action("The blasts, which killed six people, shook the town.", "killed") == ""


def test_a_meeting_after_an_attack_is_no_retelling_though_its_sentence_counts_the_dead():
    met = _mention(
        "b", "2011-05-04", "The mayor met aides on Wednesday after the Vesta courthouse blast killed three.",
        "met", ["Vesta"], ["meeting", "death", "courthouse", "blast"], ["Vesta"],
    )  # fmt: skip
    assert _sources(merge_mentions([_blast(), met], ARTICLES)) == [["a"], ["b"]]


def _implied(doc: str, published: str) -> EventMention:
    """A lead dated by its publication day only (it may tell of the day before)."""
    from datetime import date, timedelta

    mention = _mention(
        doc, published, "A bomb exploded at the Vesta courthouse, killing three guards.",
        "exploded", ["Vesta"], ["bomb", "attack", "courthouse", "death", "guard"],
    )  # fmt: skip
    mention.expression = None
    mention.date_source = "publication-implicit"
    mention.earliest = date.fromisoformat(published) - timedelta(days=1)
    return mention


def test_a_lead_of_the_next_days_paper_joins_without_conflict_and_keeps_its_date():
    (event,) = merge_mentions([_blast(), _implied("b", "2011-04-30")], ARTICLES)
    assert event.sources == ["a", "b"]
    assert event.date.value == "2011-04-29"
    assert event.conflicts == []
    lead = next(m for m in event.mentions if m.document == "b")
    assert lead.date.value == "2011-04-30" and lead.date_source == "publication-implicit"


def test_a_lead_implied_days_later_is_neither_joined_nor_a_conflict():
    events = merge_mentions([_blast(), _implied("b", "2011-05-03")], ARTICLES)
    assert _sources(events) == [["a"], ["b"]]
    assert all(e.conflicts == [] for e in events)


def test_a_stated_later_day_never_joins_silently_through_a_lead_dated_by_its_paper():
    later = _mention(
        "c", "2011-04-30", "A bomb exploded at the Vesta courthouse on Saturday, killing three guards.",
        "exploded", ["Vesta"], ["bomb", "attack", "courthouse", "death", "guard"],
    )  # fmt: skip
    for event in merge_mentions([_blast(), _implied("b", "2011-04-30"), later], ARTICLES):
        conflicting = {c.value for c in event.conflicts}
        for mention in event.mentions:
            if mention.date_source == "expression":
                assert mention.date.overlaps(event.date) or mention.date.value in conflicting


def test_a_plural_event_noun_after_a_modifier_is_named_by_the_sentences_verb():
    text = "Norland on Saturday condemned two bomb attacks in Vesta."
    assert governing_action(text, "attacks") == word_stem("condemn")


def test_deploring_the_blast_on_its_day_is_a_reaction_not_a_report_of_it():
    deplored = _mention(
        "b", "2011-04-29", "Norland deplored the bomb blast at the Vesta courthouse that killed guards.",
        "deplored", ["Norland", "Vesta"], ["deplore", "bomb", "attack", "courthouse", "death", "guard"],
        ["Vesta"], subjects=["Norland"],
    )  # fmt: skip
    assert _sources(merge_mentions([_blast(), deplored], ARTICLES)) == [["a"], ["b"]]


def test_an_event_only_leads_tell_takes_a_day_every_lead_allows():
    # two papers' leads: one published on the 30th (may tell the 29th), one on the 1st (may tell the 30th)
    events = merge_mentions([_implied("a", "2011-04-30"), _implied("b", "2011-05-01")], ARTICLES)
    for event in events:
        for mention in event.mentions:
            assert mention.earliest <= event.date.start and event.date.end <= mention.date.end

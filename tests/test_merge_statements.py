"""Words said on the story's date that only borrowed a happening's action are not that happening (#11)."""

from datetime import date

from merge_fixtures import blast_report

from timeline.merge import merge_mentions
from timeline.merge.features import features
from timeline.merge.statements import borrowed_statement
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c")]


def _blast_reports() -> list[EventMention]:
    return [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
        blast_report("c", "On March 7 a bomb exploded at the Eastport bank, killing 12 people."),
    ]


def _lent(text: str, index: int = 1) -> EventMention:
    """Sentence ``index`` of article c, stating no date: dated by its paper's day, and lent the lead's
    action, names and words, as the events stage lends a clause that goes on with a report."""
    mention = blast_report("c", text)
    mention.sentence = Sentence("c", index, index * 100, index * 100 + len(text), text, 0, 1)
    mention.expression = None
    mention.date_source = "publication-implicit"
    mention.date_rule = "publication-implicit.past"
    mention.earliest = date(2031, 3, 6)
    return mention


def _event_holding(events, text: str):
    return next(e for e in events if any(m.sentence.text == text for m in e.mentions))


CONDOLENCES = "The Ostrian government also expressed its condolences to the families of the victims."


def test_another_partys_words_on_the_story_day_are_not_the_happening():
    events = merge_mentions([*_blast_reports(), _lent(CONDOLENCES)], ARTICLES)
    blast = _event_holding(events, "A bomb exploded at the bank in Eastport on Friday, killing 12 people.")
    assert all(m.sentence.text != CONDOLENCES for m in blast.mentions)
    alone = _event_holding(events, CONDOLENCES)
    assert len(alone.mentions) == 1 and alone.mentions[0].join is None
    # its own date kept: the paper's day, not re-dated
    assert alone.date is not None and alone.date.value == "2031-03-07"


def test_a_party_sharing_only_a_generic_word_with_the_events_names_is_not_named_by_it():
    reports = _blast_reports()
    reports[0].actors = [*reports[0].actors, "Eastport Police Department"]
    statement = "A statement by the Foreign Affairs Department called the attack senseless."
    events = merge_mentions([*reports, _lent(statement)], ARTICLES)
    assert len(_event_holding(events, statement).mentions) == 1


def test_words_of_the_accounts_own_speaker_or_of_a_party_the_event_names_stay():
    kept = [
        "``We heard a loud bang and ran,'' he said.",  # no one named outside the quotation
        "At least 12 people were killed there, the Norland Red Cross said.",  # tells the happening itself
        "The Eastport council also expressed its condolences to the families.",  # a party the event names
        # only places named outside the quotation: a scene of the happening, no other party speaking
        "In Westmark, hundreds marched around the Town Square chanting ``We are not afraid!''",
    ]
    for text in kept:
        events = merge_mentions([*_blast_reports(), _lent(text)], ARTICLES)
        blast = _event_holding(events, text)
        assert blast.sources == ["a", "b", "c"] and len(blast.mentions) == 4, text


def test_only_a_borrowed_action_on_an_unstated_date_is_such_a_statement():
    lent = _lent(CONDOLENCES)
    assert borrowed_statement(lent, features(lent)) is not None
    own = _lent("The Ostrian government said a bomb exploded at the bank.")  # its own action
    assert borrowed_statement(own, features(own)) is None
    scare = _lent("Girls wore paper handcuffs, calling it a ``kidnapping.''")  # a word in quotes: no speech
    assert borrowed_statement(scare, features(scare)) is None
    stated = blast_report("c", CONDOLENCES)  # a date of its own (an expression)
    assert borrowed_statement(stated, features(stated)) is None

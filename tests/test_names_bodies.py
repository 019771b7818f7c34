"""How a public body's name is read (session 10, names46): "A and B <head noun>" is one name, an office
between a body and a person joins neither, and the body's initials meet its full name.

Every input is invented.
"""

from __future__ import annotations

from timeline.names import extract_names, frozen_actor_keys, frozen_keys_match, name_words
from timeline.text import tokenize


def _names(text: str) -> list[str]:
    return [name.text for name in extract_names(tokenize(text))]


def test_a_body_named_with_and_inside_is_one_name():
    assert _names("The Harbour and Customs Service ruled on Monday.") == ["Harbour and Customs Service"]
    assert _names("Rahn said the Coast and Survey Agency acted.") == ["Rahn", "Coast and Survey Agency"]


def test_two_names_joined_by_and_stay_two():
    assert _names("Norland and Ostria signed the pact.") == ["Norland", "Ostria"]
    # two bodies: the first already ends in its own head noun
    assert _names("The Customs Service and Coast Agency met.") == ["Customs Service", "Coast Agency"]
    # a firm's "X and Company" is X: the firm's keys stay X's
    assert _names("Acme Norland and Company said so.") == ["Acme Norland", "Company"]


def test_an_office_between_a_body_and_a_person_joins_neither():
    assert _names("Customs Service Director Ana Vell said the ruling stands.") == [
        "Customs Service",
        "Ana Vell",
    ]
    assert _names("Harbour and Customs Service Director Ana Vell said so.") == [
        "Harbour and Customs Service",
        "Ana Vell",
    ]


def test_an_office_not_after_a_body_stays_in_the_name():
    assert _names("Secretary of State Ana Vell arrived.") == ["Secretary of State Ana Vell"]
    assert _names("They met the Acme Agency Director.") == ["Acme Agency Director"]


def test_initials_meet_the_body_they_abbreviate():
    full, initials = "Harbour and Customs Service", "HCS"
    assert frozen_keys_match(frozen_actor_keys(full), frozen_actor_keys(initials))
    # as a subject too: "The HCS ruled" names a party of a report of "the Harbour and Customs Service"
    assert name_words(full) & name_words(initials)
    assert "and" not in name_words(full)


def test_only_a_body_named_across_and_meets_its_initials_as_a_subject():
    # "The HCS ruled" and "the Harbour Customs Service ruled" are still one party by actor keys, but not by
    # the subject words that tell two parties' acts apart (a story's subject body would join all its acts)
    assert frozen_keys_match(frozen_actor_keys("Harbour Customs Service"), frozen_actor_keys("HCS"))
    assert not name_words("Harbour Customs Service") & name_words("HCS")
    assert name_words("Harbour and Customs Service") & name_words("HCS")


def test_an_office_after_a_party_stays_with_its_holder():
    # a party's (or an army's) office is the person's title, not a public body's office
    assert _names("They met Norland Party Secretary Ana Vell.") == ["Norland Party Secretary Ana Vell"]

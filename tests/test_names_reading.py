"""How names are read (session 8, names21): a count opening a sentence is no name, an initial or a dotted
abbreviation stays inside its name, and an organisation's head noun alone is no key.

Every input is invented.
"""

from __future__ import annotations

from timeline.events import extract_mentions
from timeline.names import extract_names, frozen_actor_keys, frozen_keys_match, same_actor
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.text import tokenize
from timeline.types import Article, Published


def _meet(a: str, b: str) -> bool:
    return frozen_keys_match(frozen_actor_keys(a), frozen_actor_keys(b))


PUBLISHED = "2023-03-15"


def _names(text: str) -> list[str]:
    return [name.text for name in extract_names(tokenize(text))]


def test_a_count_opening_a_sentence_is_not_a_name():
    assert _names("Ten of the passengers on the Acme ferry were rescued.") == ["Acme"]
    assert _names("Dozens were hurt in Kell.") == ["Kell"]


def test_a_count_before_a_nationality_leaves_the_nationality():
    assert _names("Five Norlanders were held at the border.") == ["Norlanders"]


def test_a_middle_initial_stays_inside_the_name():
    assert _names("The police sought Ana B. Varga, 44, on Monday.") == ["Ana B Varga"]


def test_an_initial_inside_an_organisation_s_name():
    assert _names("The Tomas R. Kell Library in Vesta opened.") == ["Tomas R Kell Library", "Vesta"]


def test_a_dotted_abbreviation_opens_a_name():
    assert _names("He lived in St. Ardo until May.") == ["St Ardo"]
    assert _names("Capt. Ivo Rahn said the ship sank.") == ["Capt Ivo Rahn"]


def test_a_full_stop_ending_a_word_still_ends_the_name():
    # a word of two or more letters before the dot is no initial: "Acme Corp" and "Rahn" stay apart
    assert _names("He left Acme Ltd. Rahn stayed.") == ["Acme Ltd", "Rahn"]


def test_a_name_with_and_without_its_initial_is_one_person():
    assert same_actor("Ana B. Varga", "Ana Varga")
    assert not same_actor("Ana B. Varga", "Eva Varga")


def test_a_lone_letter_keeps_its_key():
    # no longer word beside it: the letter is all the name has ("Plan B")
    assert frozen_actor_keys("B") == frozenset({"b"})


def test_departments_of_two_governments_share_no_key():
    assert not _meet("Justice Department", "Energy Department")


def test_a_department_written_both_ways_shares_its_key():
    assert _meet("Energy Department", "Department of Energy")


def test_a_republic_is_not_every_republic():
    assert not _meet("Norland Republic", "Ostria Republic")


def test_a_person_keeps_the_surname_key():
    # "Minister" is a title, not an organisation's head: the surname is the key, as before
    assert "rahn" in frozen_actor_keys("Minister Ivo Rahn")
    assert _meet("Minister Ivo Rahn", "Rahn")


def test_an_article_writes_a_person_one_way_with_and_without_the_initial():
    text = (
        "Police issued a warrant on Monday for Ana B. Varga in Kell. "
        "Ana Varga was charged on Monday with the theft. "
        "Varga denied the charge on Monday."
    )
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(PUBLISHED, "header"))
    mentions = extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))
    persons = {actor for m in mentions for actor in m.actors if "Varga" in actor}
    assert persons == {"Ana B Varga"}

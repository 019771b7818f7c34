"""One happening, one event: what a sentence suffered in a happening reports it (issue #11, session 4)."""

from timeline.merge.features import governing_action
from timeline.text import word_stem


def test_what_was_suffered_in_a_happening_reports_it():
    # injured, damaged, cut *in* or *by* the blast: the blast's own consequences, so reports of it
    assert governing_action("Two guards were injured in the blast.", "blast") == ""
    assert governing_action("The roof was damaged by the massive explosion.", "explosion") == ""


def test_other_acts_naming_a_happening_keep_their_own_action():
    # an arrest "in connection with" the blast, a crater "left by" it: other happenings
    arrested = "A man was arrested in connection with the blast."
    assert governing_action(arrested, "blast") == word_stem("arrest")
    wreath = "Rahn laid a wreath next to the crater left by the blast."
    assert governing_action(wreath, "blast") != ""

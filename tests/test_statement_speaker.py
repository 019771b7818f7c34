"""A statement's speaker is the one who says it, not the place written after it: "The Eastport Herald
newspaper in Portvale reported ..." is the paper's report, so two outlets' sentences citing that paper's
report are one statement (#11)."""

from merge_fixtures import events_of

from timeline.events import extract_mentions
from timeline.types import Article, Published, Sentence

DAY = "2031-04-18"  # a Friday


def _article(doc: str, text: str, published: str = DAY) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _speaker(text: str) -> str:
    (mention,) = extract_mentions(_article("a", text), [Sentence("a", 0, 0, len(text), text, 0, 1)], [])
    return mention.actors[0]


def test_the_paper_speaks_not_the_city_it_is_in():
    herald = "Eastport Herald"
    assert _speaker("The Eastport Herald newspaper in Portvale reported that a man was arrested.") == herald
    assert _speaker("The Eastport Herald (in Portvale) reported that a man was arrested.") == herald


def test_the_nearest_name_speaks_when_no_named_subject_stands_before_the_place():
    # the place opens the sentence, apart from the speaker: the nearest name to the verb speaks
    assert _speaker("In Portvale, police spokesman Ivo Rahn said that a man was arrested.") == "Ivo Rahn"
    assert _speaker("Minister Lena Rahn in Portvale said that talks would go on.") == "Minister Lena Rahn"
    # a role noun or a nationality is no name of its own: the place tells which police or envoy
    assert _speaker("Police in Portvale said that a man was arrested.") == "Portvale"
    assert _speaker("A Danish envoy in Portvale said that talks would go on.") == "Portvale"


def test_two_outlets_citing_one_papers_report_are_one_statement():
    articles = [
        _article(
            "a",
            "The Eastport Herald newspaper reported today that a Norland man was arrested, and that "
            "officials were searching for accomplices.",
        ),
        _article(
            "b",
            "The Eastport Herald newspaper in Portvale reported that a search had been launched for "
            "accomplices of the arrested man.",
        ),
    ]
    events = events_of(articles)
    assert events["a"] and events["a"] == events["b"]

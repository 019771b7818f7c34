"""One happening, one event: consequences named with it, and an article's next sentence about it (#11)."""

from timeline.build import build_timeline
from timeline.merge.features import governing_action
from timeline.text import word_stem
from timeline.types import Article, Published


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


def _article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _event_of(timeline, text: str):
    return next(e for e in timeline.events if any(m.sentence.text.startswith(text) for m in e.mentions))


def test_an_articles_next_sentence_about_the_happening_joins_its_event_keeping_its_date():
    text_a = (
        "Minister Rahn of Norland opened the Acme dam on Tuesday, ending a decade of work. "
        "``This dam will feed the whole valley,'' Rahn said at the ceremony. "
        "Heavy rain flooded the port of Eastport on Tuesday."
    )
    text_b = "Norland's Minister Rahn opened the Acme dam on Tuesday."
    timeline = build_timeline([_article("a", text_a, "2031-03-05"), _article("b", text_b, "2031-03-05")])
    opening = _event_of(timeline, "Minister Rahn")
    assert opening.sources == ["a", "b"]
    quote = next(m for m in opening.mentions if m.sentence.text.startswith("``This dam"))
    assert quote.date is not None and quote.date.value == "2031-03-04"  # its own date, the event's day
    assert quote.join is not None and "next sentence of the same article" in quote.join.date
    # the flood, told next in the same article, shares nothing with the opening: another event
    assert _event_of(timeline, "Heavy rain") is not opening


def test_a_lone_article_keeps_its_sentences_apart():
    # nothing joins another article's report: the step only follows events several articles tell
    text = "Minister Rahn opened the Acme dam on Tuesday. ``It is a great day,'' Rahn said on Tuesday."
    timeline = build_timeline([_article("a", text, "2031-03-05")])
    mentions = [m for e in timeline.events for m in e.mentions]
    assert all(m.join is None or "next sentence" not in m.join.date for m in mentions)


def test_a_lone_lead_joins_the_same_day_leads_that_name_the_same_parties_in_another_verb():
    day, parties = "2031-03-05", "Acme Corp, Borex Ltd and Cantor Group"
    articles = [
        _article("a", f"The Delta Alliance on Tuesday embraced three former rivals, {parties}.", day),
        _article("b", f"{parties} joined the Delta Alliance on Tuesday.", day),
        _article("c", f"{parties} formally joined the Delta Alliance at a ceremony on Tuesday.", day),
        _article("d", f"Workers of {parties} protested outside the Delta Alliance offices on Tuesday.", day),
    ]
    timeline = build_timeline(articles)
    joining = _event_of(timeline, "Acme Corp, Borex Ltd and Cantor Group joined")
    assert joining.sources == ["a", "b", "c"]
    lead = next(m for m in joining.mentions if m.document == "a")
    assert lead.join is not None and "leads of the same day" in lead.join.date
    # the same parties' protest that day is another action of the lexicon: another happening
    assert _event_of(timeline, "Workers of Acme").sources == ["d"]

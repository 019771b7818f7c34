"""One happening, one event: consequences named with it, and an article's next sentence about it (#11)."""

import random

from timeline.build import build_timeline
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features, governing_action
from timeline.merge.similar import (
    SIMILAR_WORDING,
    _cosine,
    _read_words,
    _Space,
    _words,
    forget_words,
    join_similar,
    remember_words,
)
from timeline.temporal.timex import value_to_date
from timeline.text import word_stem
from timeline.types import Article, EventMention, Published, Sentence, TimeExpression


def test_what_was_suffered_in_a_happening_reports_it():
    # injured, damaged, cut *in* or *by* the blast: the blast's own consequences, so reports of it
    assert governing_action("Two guards were injured in the blast.", "blast") == ""
    assert governing_action("The roof was damaged by the massive explosion.", "explosion") == ""


def test_other_acts_naming_a_happening_keep_their_own_action():
    # an arrest "in connection with" the blast, ruins "left by" it: other happenings
    arrested = "A man was arrested in connection with the blast."
    assert governing_action(arrested, "blast") == word_stem("arrest")
    flowers = "Rahn laid flowers beside the ruins left by the blast."
    assert governing_action(flowers, "blast") != ""


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


def _report(doc: str, value: str, text: str) -> EventMention:
    """A mention stated on ``value`` (only what the similarity step reads: document, sentence, date)."""
    sentence = Sentence(doc, 0, 0, len(text), text, 0, 1)
    expression = TimeExpression(value, 0, 5, "DATE", value, None, "absolute")
    return EventMention(doc, sentence, expression, value_to_date(value), trigger=text.split()[1])


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def test_a_lone_report_in_similar_words_joins_the_days_event_of_several_outlets():
    flood = _cluster(
        _report("a", "2031-03-04", "Floodwater from the Kelso reservoir swept through the Marrow valley."),
        _report("b", "2031-03-04", "Kelso reservoir floodwater swept through Marrow valley villages."),
    )
    torrent = _cluster(
        _report("c", "2031-03-04", "Floodwater of the burst Kelso reservoir drowned Marrow villages.")
    )
    market = _cluster(_report("d", "2031-03-04", "Farmers sold cattle at the weekly market in Brandt."))
    later = _cluster(_report("e", "2031-03-09", "Kelso reservoir floodwater in Marrow valley receded."))
    # other news of the collection, so that words only the flood reports use are rare in it
    others = [
        _cluster(_report("f", "2031-02-0" + str(n), f"The {word} council met to discuss the budget."))
        for n, word in enumerate(("Brandt", "Ostria", "Vesta", "Norland", "Acme"), start=1)
    ]
    merged = join_similar([flood, torrent, market, later, *others])
    by_documents = sorted(sorted({m.document for m in c.mentions}) for c in merged)
    # the market shares no word; the receding water is another day's news, whatever its words
    assert by_documents == [["a", "b", "c"], ["d"], ["e"], *[["f"]] * 5]
    joined = next(m for c in merged for m in c.mentions if m.document == "c")
    assert joined.join is not None and "similar wording" in joined.join.date
    assert "kelso" in joined.join.terms or "reservoir" in joined.join.terms
    assert joined.date is not None and joined.date.value == "2031-03-04"  # its own date, unchanged


def test_two_events_as_many_outlets_tell_are_never_fused_by_wording():
    first = _cluster(
        _report("a", "2031-03-04", "Floodwater from the Kelso reservoir swept through the Marrow valley."),
        _report("b", "2031-03-04", "Kelso reservoir floodwater swept through Marrow valley villages."),
    )
    second = _cluster(
        _report("c", "2031-03-04", "Kelso reservoir floodwater reached the Marrow valley school."),
        _report("d", "2031-03-04", "The Marrow valley school was flooded by Kelso reservoir water."),
    )
    assert len(join_similar([first, second])) == 2


def test_an_event_two_outlets_tell_joins_a_similar_one_that_more_outlets_tell():
    larger = _cluster(
        _report("a", "2031-03-04", "Floodwater from the Kelso reservoir swept through the Marrow valley."),
        _report("b", "2031-03-04", "Kelso reservoir floodwater swept through Marrow valley villages."),
        _report("c", "2031-03-04", "The Kelso reservoir burst and its floodwater swept the Marrow valley."),
    )
    smaller = _cluster(
        _report("d", "2031-03-04", "Floodwater of the burst Kelso reservoir drowned Marrow villages."),
        _report("e", "2031-03-04", "Marrow villages drowned as the Kelso reservoir burst."),
    )
    others = [
        _cluster(_report("f", "2031-02-0" + str(n), f"The {word} council met to discuss the budget."))
        for n, word in enumerate(("Brandt", "Ostria", "Vesta", "Norland", "Acme"), start=1)
    ]
    merged = join_similar([smaller, larger, *others])
    assert sorted({m.document for m in merged[0].mentions}) == ["a", "b", "c", "d", "e"]


def _nth(index: int, mention: EventMention) -> EventMention:
    """The mention as its article's sentence ``index``."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def test_a_lone_report_repeating_one_sentence_of_the_days_event_joins_it():
    day = "2031-03-04"
    flood = _cluster(
        _nth(0, _report("a", day, "Floodwater from the Kelso reservoir swept through the Marrow valley.")),
        _nth(1, _report("a", day, "Rescue boats from Vesta searched the flooded fields until dark.")),
        _nth(0, _report("b", day, "Kelso reservoir floodwater swept through Marrow valley villages.")),
        _nth(1, _report("b", day, "Engineers had warned of cracks in the old dam wall for years.")),
        _nth(2, _report("b", day, "``We lost the whole harvest in one night,'' said farmer Ilse Brandt.")),
        _nth(3, _report("b", day, "Army helicopters lifted stranded families from rooftops in Trell.")),
        _nth(2, _report("a", day, "Power lines to the northern suburbs of Vesta came down at noon.")),
        _nth(3, _report("a", day, "The governor declared an emergency and closed every school in Marrow.")),
        _nth(4, _report("a", day, "Insurers expect claims above two billion crowns, analysts estimated.")),
        _nth(5, _report("a", day, "Trains to Vesta stopped after the embankment washed away.")),
        _nth(4, _report("b", day, "Volunteers filled sandbags along the canal through the evening.")),
    )
    quoted = "``We lost the whole harvest in one night,'' a farmer told reporters."
    quote = _cluster(_report("c", day, quoted))
    market = _cluster(_report("d", day, "Farmers sold the harvest at the weekly market in Ostria."))
    others = [
        _cluster(_report("f", "2031-02-0" + str(n), f"The {word} council met to discuss the budget."))
        for n, word in enumerate(("Norland", "Acme", "Borex", "Cantor", "Delta"), start=1)
    ]
    space = _Space([flood, quote, market, *others])
    assert _cosine(space.vector(1), space.vector(0)) < SIMILAR_WORDING  # the event as a whole: too little
    merged = join_similar([flood, quote, market, *others])
    by_documents = sorted(sorted({m.document for m in c.mentions}) for c in merged)
    # the quote repeats one of the flood's sentences; the market shares a word or two, no sentence
    assert by_documents == [["a", "b", "c"], ["d"], *[["f"]] * 5]


def test_compared_words_are_the_lower_cased_content_words_and_numbers_with_or_without_accents():
    # the same words whether the sentence is plain ASCII (lower-cased at once) or not (word by word)
    assert _words("Minister Rahn's Acme-Works cut 1,200 JOBS in Norland.") == (
        "minister",
        "rahn's",
        "acme-works",
        "cut",
        "1,200",
        "jobs",
        "norland",
    )
    assert _words("Minister Ráhn's Acme-Works cut 1,200 JOBS in Norland.")[1] == "ráhn's"
    assert _words("It was at 5 in the ÉTÉ Club.") == ("été", "club")


def test_a_sentences_words_kept_within_a_merge_are_the_words_it_reads_and_go_with_the_merge():
    # the merge keeps each sentence's words from the collection's IDF to the retellings (speed): what a
    # later step reads must be the same words, and nothing is kept once it is over
    text = "Minister Rahn's Acme-Works cut 1,200 JOBS in Norland."
    remember_words()
    try:
        kept = _words(text)
        assert kept == _read_words(text)
        assert _words(text) is kept  # read once
    finally:
        forget_words()
    assert _words(text) == kept and _words(text) is not kept


def test_a_plain_ascii_sentence_has_the_words_the_general_reading_gives():
    # ``_words`` reads plain-ASCII text with its own pattern; a trailing "é" (too short to be a word)
    # sends the same text through the general reading, which must find the same words
    alphabet = "aZq9 0,.'-_!\"Ab1"
    rng = random.Random(13)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 24)))
        assert _words(text) == _words(text + " é"), text

"""Reports of one happening that sentence-by-sentence matching leaves apart join it (#11, session 7)."""

from datetime import date

from merge_fixtures import blast_report, dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c")]


def _sentence_of(mention: EventMention, index: int) -> EventMention:
    """The mention as its article's sentence ``index`` (each sentence its own offset)."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _next_day_lead() -> EventMention:
    """Article c's lead, a day after the blast, dated by its paper (that day or the day before)."""
    lead = blast_report("c", "Bombs blew apart the bank in Eastport, trapping people under concrete.")
    lead.trigger, lead.expression = "blew", None
    lead.date = dated_mention("c", "2031-03-08", "x", "x", [], []).date
    lead.date_source, lead.date_rule = "publication-implicit", "publication-implicit.lead"
    lead.earliest = date(2031, 3, 7)
    return _sentence_of(lead, 1)


def _outlets_and(*mentions: EventMention) -> list:
    reports = [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
    ]
    return merge_mentions([*reports, _next_day_lead(), *mentions], ARTICLES)


def test_a_toll_counted_the_next_day_beside_the_articles_attack_report_joins_it_as_a_retelling():
    text = "At least 12 were killed and 80 injured, officials said as dawn broke on Saturday."
    toll = _sentence_of(dated_mention("c", "2031-03-08", text, "broke", [], ["death", "injur", "dawn"]), 2)
    events = _outlets_and(toll)
    blast = next(e for e in events if "a" in e.sources)
    assert blast.sources == ["a", "b", "c"]
    joined = next(m for m in blast.mentions if m.sentence.text.startswith("At least 12"))
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date.value == "2031-03-08"  # its own day kept: the toll as counted on Saturday
    assert blast.date.value == "2031-03-07" and blast.conflicts == []


def test_another_happening_of_the_next_day_beside_the_attack_report_stays_apart():
    text = "Rescuers searched the rubble of the bank on Saturday."
    search = _sentence_of(dated_mention("c", "2031-03-08", text, "searched", [], ["rescuer", "rubble"]), 2)
    events = _outlets_and(search)
    blast = next(e for e in events if "a" in e.sources)
    assert all(not m.sentence.text.startswith("Rescuers") for m in blast.mentions)

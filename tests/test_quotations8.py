"""A quotation standing alone is words of its speaker's statement beside it (issue #11, session 8).

Every input is an invented article; the publication date is a Wednesday, 2031-03-12.
"""

from __future__ import annotations

from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.build import build_timeline
from timeline.events import extract_mentions
from timeline.events.quotations import QUOTATION_RULE
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.quotations import hold_quotations, place_quotations
from timeline.render.explain import explain_mention
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published, Sentence

PUBLISHED = "2031-03-12"

SPEECH = (
    "Norland closed its border with Ostria on Tuesday.\n\n"
    "``The border stays closed until the talks resume,'' Minister Rahn said on Tuesday.\n\n"
    "``We will not open it for anyone.''\n\n"
    "Trade fell sharply last year."
)


def _article(text: str, doc: str = "a1", published: str = PUBLISHED) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _mentions(text: str) -> list[EventMention]:
    article = _article(text)
    return extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))


def _of(mentions: list[EventMention], start: str) -> list[EventMention]:
    return [m for m in mentions if m.sentence.text.startswith(start)]


def test_a_quotation_paragraph_after_its_speaker_is_a_mention_of_the_statement():
    mentions = _mentions(SPEECH)
    (statement,) = _of(mentions, "``The border stays")
    (quotation,) = _of(mentions, "``We will not open")
    assert statement.date is not None and statement.date.value == "2031-03-11"
    # the statement's day, trigger and speaker; but no date of its own, so not "expression"
    assert quotation.date == statement.date and quotation.trigger == statement.trigger == "said"
    assert "Minister Rahn" in quotation.actors
    assert quotation.expression is None and quotation.date_source == "narrative"
    assert quotation.date_rule == "narrative.quotation"
    # still in text order
    starts = [m.sentence.start for m in mentions]
    assert starts == sorted(starts)


def test_a_quotation_before_its_speaker_in_one_paragraph_takes_the_statement_after_it():
    text = (
        "Acme cut its prices on Monday.\n\n"
        "``Not one cent more for the old models.'' ``Nobody can stop that,'' said chairman Veld on "
        "Monday."
    )
    mentions = _mentions(text)
    (quotation,) = _of(mentions, "``Not one cent")
    assert quotation.trigger == "said" and quotation.date is not None and quotation.date.value == "2031-03-10"


def test_no_speaker_beside_it_no_mention():
    # the sentence before reports no words said (no quotation mark, no reporting verb)
    text = "Norland closed its border on Tuesday.\n\n``We will not open it for anyone.''"
    assert _of(_mentions(text), "``We will") == []


def test_a_word_in_quotes_is_no_quotation_standing_alone():
    text = (
        "``The border stays closed,'' Minister Rahn said on Tuesday.\n\n"
        "``Closed'' is what the ministry calls a border with two guards at the gate."
    )
    mentions = _mentions(text)
    assert all(m.date_rule != "narrative.quotation" for m in _of(mentions, "``Closed''"))


def test_the_quotation_joins_its_speakers_event_only_and_says_why():
    other = (
        "Norland closed its border with Ostria on Tuesday, Minister Rahn said.\n\n"
        "The closure stranded 300 lorries at the crossing."
    )
    articles = [_article(SPEECH, "a1"), _article(other, "a2")]
    timeline = build_timeline(articles)
    quote = next(
        (e, m) for e in timeline.events for m in e.mentions if m.sentence.text.startswith("``We will not")
    )
    event, mention = quote
    speaker = [m for m in event.mentions if m.sentence.text.startswith("``The border stays")]
    assert speaker, "the quotation is in its speaker's statement's event"
    assert mention.join is not None and mention.join.matched_start == speaker[0].sentence.start
    assert "quotation standing alone" in explain_mention(mention, articles[0], [])


def _quoting(speaker: EventMention, text: str, index: int) -> EventMention:
    """A quotation standing alone at sentence ``index`` of the speaker's article, as the events stage
    reads it: the statement's mention told by the quotation's sentence."""
    sentence = Sentence(speaker.document, index, index * 100, index * 100 + len(text), text, index, 1)
    return replace(
        speaker, sentence=sentence, expression=None, date_source="narrative", date_rule=QUOTATION_RULE
    )


def _statement(doc: str, text: str, index: int = 0) -> EventMention:
    mention = dated_mention(doc, "2031-03-11", text, "said", ["Minister Rahn"], ["border", "close"])
    mention.sentence = Sentence(doc, index, index * 100, index * 100 + len(text), text, index, 1)
    return mention


def test_the_quotation_goes_where_its_statement_went_and_nowhere_by_itself():
    statement = _statement("a1", "Minister Rahn said on Tuesday the border stays closed.")
    quote = _quoting(statement, "``Lorries from Ostria will wait at the Eastport crossing.''", 1)
    # another outlet's report sharing the quotation's own words, not the statement's
    lorries = dated_mention(
        "a2",
        "2031-03-11",
        "Lorries from Ostria waited at the Eastport crossing on Tuesday.",
        "waited",
        ["Ostria", "Eastport"],
        ["lorry", "wait", "crossing"],
    )
    rest, held = hold_quotations([statement, quote, lorries])
    assert held == [quote] and quote not in rest
    speakers, others = _Cluster(), _Cluster()
    speakers.add(statement, features(statement))
    others.add(lorries, features(lorries))
    clusters = [others, speakers]
    place_quotations(clusters, held)
    assert speakers.mentions == [statement, quote] and others.mentions == [lorries]
    assert quote.join is not None and quote.join.matched_document == "a1" and quote.join.matched_start == 0


def test_a_quotation_whose_statement_is_in_no_event_stands_alone():
    statement = _statement("a1", "Minister Rahn said on Tuesday the border stays closed.", 4)
    quote = _quoting(statement, "``Nobody crosses.''", 5)
    clusters: list[_Cluster] = []
    place_quotations(clusters, [quote])
    assert [c.mentions for c in clusters] == [[quote]] and quote.join is None

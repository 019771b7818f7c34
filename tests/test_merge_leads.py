"""Leads of one day (#11): a lead grouped with another article's quote of the day moves alone."""

from timeline.merge.articles import join_leads
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.temporal.timex import value_to_date
from timeline.types import EventMention, Sentence, TimeExpression

DAY = "2031-03-04"
PARTIES = ["Acme Corp", "Borex Ltd", "Cantor Group"]
NEW_MEMBERS = "Acme Corp, Borex Ltd and Cantor Group"


def _mention(
    doc: str, index: int, text: str, trigger: str, actors: list[str], subjects: list[str]
) -> EventMention:
    sentence = Sentence(doc, index, 100 * index, 100 * index + len(text), text, 0, 1)
    expression = TimeExpression(DAY, 0, 5, "DATE", DAY, None, "absolute")
    return EventMention(
        doc, sentence, expression, value_to_date(DAY), trigger=trigger, actors=actors, subjects=subjects
    )


def _lead(doc: str, text: str, trigger: str, index: int = 1) -> EventMention:
    return _mention(doc, index, text, trigger, PARTIES, [])


def _quote(doc: str) -> EventMention:
    text = "``It is a great day,'' said Delta Alliance chief Ana Varga."
    return _mention(doc, 5, text, "said", ["Delta Alliance", "Ana Varga"], ["Ana Varga"])


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _joining() -> _Cluster:
    """The day's happening, as three outlets lead with it."""
    return _cluster(
        _lead("b", f"{NEW_MEMBERS} joined the Delta Alliance on Tuesday.", "joined"),
        _lead("c", f"{NEW_MEMBERS} formally joined the Delta Alliance.", "joined"),
        _lead("d", f"{NEW_MEMBERS} joined the Delta Alliance at a ceremony.", "joined"),
    )


def _documents(clusters: list[_Cluster]) -> list[list[tuple[str, int]]]:
    return sorted(sorted((m.document, m.sentence.index) for m in c.mentions) for c in clusters)


def test_a_lead_grouped_with_a_quote_from_an_outlet_of_that_happening_moves_alone():
    # "a" leads in other words; its lead was grouped with the alliance chief's quote of the day, which "d"
    # (one of the outlets of the joining) printed: the lead joins the joining, the quote stays where it was
    lead = _lead("a", f"{NEW_MEMBERS} today became members of the Delta Alliance.", "became")
    quoted = _cluster(lead, _quote("a"), _quote("d"))
    merged = join_leads([_joining(), quoted])
    assert _documents(merged) == [
        [("a", 1), ("b", 1), ("c", 1), ("d", 1)],
        [("a", 5), ("d", 5)],
    ]
    assert lead.join is not None and "leads of the same day" in lead.join.date


def test_a_lead_naming_the_same_parties_in_other_words_stays():
    # "a" names the three parties but tells of their shares, in no words of the joining: a comment on
    # the day, not its happening (the parties' names are in most of the collection's sentences)
    lead = _lead("a", f"{NEW_MEMBERS} shares fell sharply in Ostria trading.", "fell")
    quoted = _cluster(lead, _quote("a"), _quote("d"))
    background = [
        _cluster(_mention(f"x{n}", 6, f"{NEW_MEMBERS} {rest}", "said", PARTIES, []))
        for n, rest in enumerate(("hired staff.", "opened offices.", "paid taxes.", "won prizes."))
    ]
    merged = join_leads([_joining(), quoted, *background])
    assert [("a", 1), ("a", 5), ("d", 5)] in _documents(merged)
    assert lead.join is None


def test_a_lead_grouped_with_an_outlet_that_does_not_tell_the_happening_stays():
    # "e" tells the quote but not the joining: the lead's event may be another happening of that day
    lead = _lead("a", f"{NEW_MEMBERS} today became members of the Delta Alliance.", "became")
    quoted = _cluster(lead, _quote("a"), _quote("e"))
    merged = join_leads([_joining(), quoted])
    assert _documents(merged) == [
        [("a", 1), ("a", 5), ("e", 5)],
        [("b", 1), ("c", 1), ("d", 1)],
    ]
    assert lead.join is None

"""A main happening told in parts: an article's later sentence of its lead's doer on its lead's day joins
the lead's event; another day, an earlier time, another person of the same surname do not (#11)."""

from dataclasses import replace

from merge_fixtures import dated_by_paper, dated_mention

from timeline.merge.clusters import _Cluster
from timeline.merge.continued import join_continued
from timeline.merge.features import features
from timeline.types import EventMention

DAY = "2031-03-11"  # a Tuesday
LEAD = "Minister Lena Rahn opened the Eastport flood barrier on Tuesday with the town's engineers."


def _mention(
    doc: str,
    index: int,
    text: str,
    trigger: str,
    subjects: list[str],
    terms: list[str],
    value: str = DAY,
    places: list[str] | None = None,
) -> EventMention:
    actors = subjects + (places or [])
    mention = dated_mention(doc, value, text, trigger, actors, terms, places=places, subjects=subjects)
    return replace(mention, sentence=replace(mention.sentence, index=index, start=index * 100))


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _opening() -> _Cluster:
    """Two outlets' leads of the barrier's opening in Eastport, in one event."""
    terms = ["open", "barrier", "flood"]
    return _cluster(
        _mention("a", 0, LEAD, "opened", ["Minister Lena Rahn"], terms, places=["Eastport"]),
        _mention(
            "b",
            0,
            "Minister Lena Rahn opened a flood barrier in Eastport on Tuesday.",
            "opened",
            ["Minister Lena Rahn"],
            terms,
            places=["Eastport"],
        ),
    )


def _later(text: str, trigger: str, subjects: list[str], value: str = DAY, paper: bool = True) -> _Cluster:
    """Article a's later sentence, in an event with another outlet's report of the same words."""
    terms = ["clinic", "open", "portvale"]
    mine = _mention("a", 7, text, trigger, subjects, terms, value, places=["Portvale"])
    theirs = _mention(
        "c", 2, "A clinic opened in Portvale on Tuesday.", "opened", [], terms, value, ["Portvale"]
    )
    return _cluster(dated_by_paper(mine) if paper else mine, theirs)


def _with_lead(clusters: list[_Cluster], text: str) -> bool:
    """Whether the sentence ``text`` ends in the event of article a's lead."""
    for cluster in clusters:
        texts = {m.sentence.text for m in cluster.mentions}
        if LEAD in texts:
            return text in texts
    raise AssertionError("the lead is in no event")


def test_the_tours_second_town_joins_the_opening_event():
    text = "Rahn then drove to Portvale, where she opened a clinic."
    clusters = join_continued([_opening(), _later(text, "drove", ["Rahn"])])
    assert _with_lead(clusters, text)
    moved = next(m for c in clusters for m in c.mentions if m.sentence.text == text)
    assert moved.join is not None and "its article's lead" in moved.join.date
    assert str(moved.date.start) == DAY  # its own date kept


def test_a_lone_lead_joins_the_event_its_own_later_sentence_is_in():
    """The article's lead in other words ("set off for the coast") is alone; its later sentence of the
    same day and person is in the event several outlets tell: the lead goes there."""
    lead = _mention(
        "d",
        0,
        "Minister Lena Rahn set off on Tuesday for the coast.",
        "set",
        ["Minister Lena Rahn"],
        ["coast"],
    )
    later = _mention(
        "d", 4, "Rahn opened the Eastport barrier on Tuesday morning.", "opened", ["Rahn"], ["open"]
    )
    opening = _opening()
    opening.add(later, features(later))
    clusters = join_continued([opening, _cluster(lead)])
    assert len(clusters) == 1 and len(clusters[0].mentions) == 4


def test_another_day_an_earlier_time_or_another_person_stays_apart():
    for text, trigger, subjects, value, paper in [
        # two meetings of one minister in two places, the second on another day
        ("Rahn met the governor in Portvale on Thursday.", "met", ["Rahn"], "2031-03-13", False),
        ("Rahn once opened a clinic in Portvale.", "opened", ["Rahn"], DAY, True),  # an earlier time
        ("Rahn opened a clinic in Portvale in 2024.", "opened", ["Rahn"], DAY, True),  # an earlier year
        ("Ivo Rahn opened a clinic in Portvale.", "opened", ["Ivo Rahn"], DAY, True),  # another Rahn
        ("Rahn's aide opened a clinic in Portvale.", "opened", ["Rahn"], DAY, True),  # not Rahn herself
        ("Rahn is barred from Portvale.", "barred", ["Rahn"], DAY, True),  # a state, not an act
    ]:
        later = _later(text, trigger, subjects, value, paper)
        if text.startswith("Rahn is"):
            later.mentions[0].date_rule = "publication-implicit.present"
        clusters = join_continued([_opening(), later])
        assert not _with_lead(clusters, text), text


def test_a_sentence_lent_the_leads_action_by_the_events_stage_does_not_join():
    """Its action word is not its own ("opened" lent by the sentence before): no evidence of the doer."""
    text = "The clinic in Portvale had no power."
    later = _later(text, "opened", ["Minister Lena Rahn"])
    assert not _with_lead(join_continued([_opening(), later]), text)

"""A statement of the act's doer ("President Kell said he had ordered the raids") is a report of the act: it
joins another outlet's report of the raids, with a join reason of its own; another speaker's reaction to the
raids ("condemned the raids") stays apart (#11)."""

from timeline.build import build_timeline
from timeline.merge.clusters import _Cluster
from timeline.merge.doers import DOER_JOIN, REPORTED_JOIN, _reactions_apart, reported_act, reported_other_act
from timeline.merge.features import features
from timeline.types import Article, Published, Timeline

DAY = "2031-04-17"  # a Thursday
NEXT_DAY = "2031-04-18"

RAIDS = (
    "Norland forces on Thursday launched air raids on rebel camps in the hills of Ostria and on a depot near "
    "Eastport."
)
ORDERED = (
    "President Kell of Norland said Thursday that he had ordered the raids on the rebel camps in Ostria and "
    "on the depot near Eastport."
)
ORDERED_NEXT_DAY = (
    "President Kell of Norland said on Friday that he had ordered the raids on the rebel camps in Ostria and "
    "on the depot near Eastport."
)
CONDEMNED = (
    "Foreign Minister Lena Varga of Westmark said Thursday that she condemned the raids on the rebel camps "
    "in Ostria and on the depot near Eastport."
)


def _article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _event_ids(timeline: Timeline) -> dict[str, set[str]]:
    """Each article -> the ids of the events holding its sentences."""
    found: dict[str, set[str]] = {}
    for event in timeline.events:
        for mention in event.mentions:
            found.setdefault(mention.document, set()).add(event.id)
    return found


def test_the_doers_statement_joins_the_report_of_the_act():
    timeline = build_timeline([_article("a", RAIDS, DAY), _article("b", ORDERED, NEXT_DAY)])
    events = _event_ids(timeline)
    assert events["a"] == events["b"]
    (event,) = [e for e in timeline.events if e.id in events["b"]]
    (said,) = [m for m in event.mentions if m.document == "b"]
    assert said.join is not None and said.join.date.endswith(DOER_JOIN)
    assert said.join.kind == "same-date"  # said on the day of the raids
    # the reason names the act and what the two sentences share
    assert "attack" in said.join.terms and "camp" in said.join.terms
    assert {"Norland", "Ostria"} <= set(said.join.actors)
    assert str(said.date.value) == DAY  # its own date kept
    assert not event.conflicts


def test_said_the_next_day_it_is_a_later_report_of_the_act():
    timeline = build_timeline([_article("a", RAIDS, DAY), _article("b", ORDERED_NEXT_DAY, NEXT_DAY)])
    events = _event_ids(timeline)
    assert events["a"] == events["b"]
    (event,) = [e for e in timeline.events if e.id in events["b"]]
    (said,) = [m for m in event.mentions if m.document == "b"]
    assert said.join is not None and said.join.kind == "retelling"
    assert str(said.date.value) == NEXT_DAY  # nothing re-dated
    assert str(event.date.value) == DAY and not event.conflicts


def test_another_speakers_condemnation_stays_apart():
    articles = [
        _article("a", RAIDS, DAY),
        _article("b", ORDERED, NEXT_DAY),
        _article("c", CONDEMNED, NEXT_DAY),
    ]
    events = _event_ids(build_timeline(articles))
    assert events["a"] == events["b"]
    assert not events["c"] & events["a"]


def test_the_reported_clause_must_tell_an_act_of_the_speaker_or_those_it_commands():
    assert reported_act(ORDERED, "said").concepts == {"attack"}
    assert reported_act("Norland said its forces had struck the camps.", "said").concepts == {"attack"}
    assert reported_act("Officials confirmed that troops carried out the raids.", "confirmed").concepts == {
        "attack"
    }
    arrest = reported_act("Kell announced that he had ordered the arrest of two men.", "announced")
    assert arrest.concepts == {"arrest"}
    # a reaction, a plan, a passive, another party's forces, an order of something else: no act of theirs
    assert reported_act(CONDEMNED, "said") is None
    assert reported_act("Kell said he would order new raids.", "said") is None
    assert reported_act("Kell said he was attacked by protesters.", "said") is None
    assert reported_act("Kell said Acme forces had struck the camps.", "said") is None
    assert reported_act("Kell said that he had ordered an inquiry into the raids.", "said") is None
    assert reported_act("Norland announced that it had carried out its first bomb test.", "announced") is None
    assert (
        reported_act("Officials confirmed that the government had struck deals with the rebels.", "confirmed")
        is None
    )


# the act's report between a foreign minister's words, which its paper's account of the day joins to it
SUPPORT = (
    "Westmark stood by Norland's right to protect its people, Westmark said Friday after the Norland "
    "air raids on rebel bases in Ostria.\n\n"
    "Foreign Minister Lena Varga said that this month's bombings of Norland consulates in Eastport and "
    "Dunmore ``prove that no city is safe.''\n\n"
    "Answering the consulate attacks of two weeks ago, Norland forces Thursday launched air "
    "raids against rebel bases in Ostria and a warehouse near Eastport.\n\n"
    "``Every nation may protect itself and Westmark accepts what Norland has done,'' "
    "Varga said."
)
ORDERED_AFTER_EVIDENCE = (
    "President Kell of Norland said Thursday that he had ordered the raids once officials showed him that "
    "the rebel bases in Ostria and the warehouse had helped to plan the attacks."
)


def _paragraphs(doc: str, text: str, published: str) -> Article:
    spans, at = [], 0
    for paragraph in text.split("\n\n"):
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    return Article(doc, f"{doc}.txt", text, spans, published=Published(published, "header"))


def test_another_speakers_words_leave_the_acts_event_the_doer_joined():
    articles = [_paragraphs("a", SUPPORT, DAY), _article("b", ORDERED_AFTER_EVIDENCE, NEXT_DAY)]
    mentions = [m for e in build_timeline(articles).events for m in e.mentions]
    raids = next(
        m for m in mentions if m.document == "a" and m.sentence.index == 2 and m.trigger == "launched"
    )
    (kell,) = [m for m in mentions if m.document == "b"]
    (varga,) = [m for m in mentions if m.document == "a" and m.sentence.index == 1 and m.trigger == "said"]
    assert kell.join is not None and kell.join.date.endswith(DOER_JOIN)
    # the raids' event as its paper's account of the day left it: the minister's words in it
    cluster = _Cluster()
    for mention in (varga, raids, kell):
        cluster.add(mention, features(mention))
    clusters = [cluster]
    (apart,) = _reactions_apart(clusters, 0)
    # the minister's words on the attacks are not the raids Kell ordered
    assert apart.mentions == [varga]
    assert clusters[0].mentions == [raids, kell]


# Another party's act a statement reports ("said Norland agents arrested Kell"), dated by its own words to the
# day before the other paper's lead, which tells the arrest and is dated by its paper.
AGENTS_ARRESTED = (
    "A police spokesman, Ana Vell, said Norland agents arrested Kell early Thursday at the airport in "
    "Eastport as he was about to board a flight."
)
MAN_ARRESTED = (
    "``I can confirm that an individual was arrested and Norland agents were involved'' in making the "
    "arrest, police spokesman Ana Vell said."
)


def test_a_statement_of_another_partys_act_joins_the_papers_report_of_it():
    timeline = build_timeline(
        [_article("a", MAN_ARRESTED, NEXT_DAY), _article("b", AGENTS_ARRESTED, NEXT_DAY)]
    )
    events = _event_ids(timeline)
    assert events["a"] == events["b"]
    (event,) = [e for e in timeline.events if e.id in events["b"]]
    (said,) = [m for m in event.mentions if m.document == "b"]
    assert said.join is not None and said.join.date.endswith(REPORTED_JOIN)
    assert str(said.date.value).startswith(DAY)  # the arrest's own day kept, not the paper's


def test_the_clause_of_another_partys_act_needs_a_named_doer_and_an_active_act():
    assert reported_other_act(AGENTS_ARRESTED).concepts == {"arrest"}
    assert reported_other_act("Ana Vell said troops arrested two men on Thursday.").concepts == {"arrest"}
    assert reported_other_act("Ana Vell said she condemned the arrest of two men.") is None  # a reaction
    assert reported_other_act("Ana Vell said Kell was arrested on Thursday.") is None  # a passive
    assert reported_other_act("Ana Vell said Norland agents would arrest Kell.") is None  # a plan

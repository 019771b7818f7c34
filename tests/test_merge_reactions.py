"""A named party's reaction to a happening, and the clause it governs, are not that happening (#11)."""

from merge_fixtures import blast_report, dated_mention

from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.reactions import separate_reactions
from timeline.types import EventMention

DEPLORED = (
    "Ostria deplored on Friday the bomb blasts which killed 12 people and injured 40 others in Eastport."
)


def _reports() -> list[EventMention]:
    return [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
        blast_report("c", "On March 7 a bomb exploded at the Eastport bank, killing 12 people."),
    ]


def _deplored(trigger: str = "deplored", subjects: tuple[str, ...] = ("Ostria",)) -> EventMention:
    return dated_mention(
        "d",
        "2031-03-07",
        DEPLORED,
        trigger,
        ["Ostria", "Eastport"],
        ["deplore", "bomb", "blast", "kill", "injure"],
        subjects=list(subjects),
    )


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _texts(cluster: _Cluster) -> set[str]:
    return {m.sentence.text for m in cluster.mentions}


def test_another_partys_reaction_dated_by_its_own_words_leaves_the_happening():
    reaction = _deplored()
    assert "attack" in features(reaction).objects  # what it deplores: the blasts
    parts = separate_reactions([_cluster(*_reports(), reaction)])
    assert len(parts) == 2
    blast, alone = parts
    assert DEPLORED not in _texts(blast) and len(blast.mentions) == 3
    assert alone.mentions == [reaction] and reaction.join is None
    assert reaction.date.value == "2031-03-07"  # its own date kept


def test_a_reaction_by_a_party_the_happening_names_stays():
    # "Eastport deplored ...": the place the blasts hit is named by every report
    reaction = _deplored(subjects=("Eastport",))
    (kept,) = separate_reactions([_cluster(*_reports(), reaction)])
    assert DEPLORED in _texts(kept)


def test_a_clause_the_reaction_governs_leaves_when_the_reaction_is_elsewhere():
    injured = _deplored("injured", subjects=())
    assert features(injured).governor == "deplor"  # the sentence's own action is the deploring
    reaction = _deplored()
    parts = separate_reactions([_cluster(*_reports(), injured), _cluster(reaction)])
    blast = next(p for p in parts if len(p.mentions) == 3)
    assert DEPLORED not in _texts(blast)
    assert any(p.mentions == [injured] for p in parts)


def test_a_governed_clause_stays_with_its_governing_action():
    injured, reaction = _deplored("injured", subjects=()), _deplored()
    (cluster,) = separate_reactions([_cluster(injured, reaction)])
    assert len(cluster.mentions) == 2

"""How many named actors two reports share (``features._shared_actors``): each of the first report's actors
counted once when the other names it, by the same key or a spelling variant ("Varga" / "Vargas"), and places
left out when asked (a shared town says where, not who).  Speed (issue #13) reorganised the comparison
(keys in common first, the fuzzy one only for actors without); these are the answers it must keep."""

from datetime import date

from timeline.merge.features import _matching_actors, _shared_actors, features
from timeline.merge.scoring import match_score
from timeline.names import frozen_keys_match
from timeline.types import DateValue, EventMention, Sentence

DAY = DateValue("2031-04-17", date(2031, 4, 17), date(2031, 4, 17), "day")


def _mention(
    text: str, trigger: str, actors: list[str], places: list[str] = (), terms=("dam",)
) -> EventMention:
    sentence = Sentence("a", 0, 0, len(text), text, 0, 1)
    return EventMention(
        "a", sentence, None, DAY, trigger, actors=actors, places=list(places), terms=[trigger, *terms]
    )


FIRST = features(
    _mention(
        "Ana Varga and Piet Westholmer of Acme met Lena Rahn in Westholm.",
        "met",
        ["Ana Varga", "Piet Westholmer", "Acme", "Lena Rahn", "Westholm"],
        ["Westholm"],
    )
)
# "Vargas" and "Westholmar": spellings of the same people (keys "varg" / "varga", "vestholmer" /
# "vestholmar": fuzzy ratio 88.9 and 90, the threshold 88); "Rahn" the same key; Westholm the place
SECOND = features(
    _mention(
        "Anna Vargas met Piet Westholmar and Karl Rahn in Westholm, Norland.",
        "met",
        ["Anna Vargas", "Piet Westholmar", "Karl Rahn", "Westholm", "Norland"],
        ["Westholm", "Norland"],
    )
)


def test_spelling_variants_and_shared_keys_count_once_each():
    # Varga ~ Vargas, Westholmer ~ Westholmar, Rahn = Rahn, Westholm = Westholm; Acme is not named
    assert _shared_actors(FIRST, SECOND) == 4
    assert _shared_actors(SECOND, FIRST) == 4  # (Norland is not in the first)
    assert [sorted(keys) for keys in _matching_actors(FIRST, SECOND)] == [
        ["varg"],
        ["vestholmer"],
        ["rahn"],
        ["vestholm"],
    ]  # the first report's actors, in its order


def test_an_actor_named_twice_by_the_other_counts_once():
    twice = features(_mention("Ana Varga and Anna Vargas spoke.", "spoke", ["Ana Varga", "Anna Vargas"]))
    once = features(_mention("Varga spoke.", "spoke", ["Varga"]))
    assert _shared_actors(once, twice) == 1
    assert _shared_actors(twice, once) == 2  # both of its names are the one Varga


def test_places_are_left_out_when_asked():
    ignore = FIRST.places | SECOND.places
    assert ignore == frozenset({"vestholm", "norland"})
    assert _shared_actors(FIRST, SECOND, ignore=ignore) == 3  # the people, not the town
    assert _shared_actors(SECOND, FIRST, ignore=SECOND.places) == 3


def test_no_actors_on_either_side():
    nobody = features(_mention("The dam was closed.", "closed", []))
    assert _shared_actors(nobody, FIRST) == 0
    assert _shared_actors(FIRST, nobody) == 0
    assert _matching_actors(FIRST, nobody) == []


def test_the_count_is_the_pairwise_comparison():
    """The answer of comparing every actor with every other by ``names.frozen_keys_match``, for every
    ordered pair of these reports, with and without the places."""
    reports = [
        FIRST,
        SECOND,
        features(_mention("Westholm officials and Acme closed the dam.", "closed", ["Westholm", "Acme"])),
        features(_mention("Varga spoke.", "spoke", ["Varga"])),
    ]
    for a in reports:
        for b in reports:
            for ignore in (frozenset(), a.places | b.places):
                expected = sum(
                    1
                    for keys in a.actors
                    if keys.isdisjoint(ignore) and any(frozen_keys_match(keys, other) for other in b.actors)
                )
                assert _shared_actors(a, b, ignore=ignore) == expected


def test_a_conflict_needs_a_shared_person_not_only_the_place():
    """``match_score`` counts the actors once for its score and its strength: a shared place alone makes
    a match, never a strong one (dates that differ are then no conflict)."""
    text = "Acme closed the Rahn dam in Westholm after the flood."
    a = features(_mention(text, "closed", ["Acme", "Westholm"], ["Westholm"], ("dam", "flood", "rahn")))
    place_only = features(
        _mention(text, "closed", ["Norland Water", "Westholm"], ["Westholm"], ("dam", "flood", "rahn"))
    )
    score, strong = match_score(a, place_only)
    assert score > 0 and not strong
    score, strong = match_score(a, a)
    assert score > 0 and strong  # Acme, a person of the story, shared as well

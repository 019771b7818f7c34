"""The per-article passes after extraction: one written form per person (``_expand_surnames``) and one
happening told over several sentences (``group_same_happening``), including the mentions they must skip."""

from datetime import date

from timeline.events.actors import _expand_surnames
from timeline.events.implicit import NARRATIVE, PUBLICATION_IMPLICIT, group_same_happening
from timeline.types import DateValue, EventMention, Sentence

MONDAY = DateValue("2024-03-04", date(2024, 3, 4), date(2024, 3, 4), "day")
TUESDAY = DateValue("2024-03-05", date(2024, 3, 5), date(2024, 3, 5), "day")


def _mention(index: int, trigger: str, actors: list[str], day: DateValue | None, source: str = "expression"):
    sentence = Sentence("doc", index, 0, 1, "x", 0, 1)
    return EventMention(
        "doc", sentence, None, day, trigger, actors=list(actors), date_source=source, title=trigger
    )


def test_a_bare_surname_becomes_the_articles_one_full_name_in_every_mention() -> None:
    mentions = [
        _mention(0, "visited", ["Ana B Varga", "Norland"], MONDAY),
        _mention(1, "said", ["Varga"], MONDAY),
        _mention(2, "met", ["Varga", "Ana Varga"], MONDAY),
    ]
    _expand_surnames(mentions)
    assert [m.actors for m in mentions] == [
        ["Ana B Varga", "Norland"],
        ["Ana B Varga"],
        ["Ana B Varga"],  # both written one way, then once
    ]


def test_a_surname_of_two_full_names_and_a_place_name_stay_as_written() -> None:
    mentions = [
        _mention(0, "met", ["Ana Varga", "Ivo Varga"], MONDAY),
        _mention(1, "said", ["Varga"], MONDAY),
    ]
    place = _mention(2, "visited", ["Port Rahn"], MONDAY)
    place.places = ["Port Rahn"]
    mentions += [place, _mention(3, "left", ["Rahn"], MONDAY)]
    _expand_surnames(mentions)
    assert [m.actors for m in mentions] == [["Ana Varga", "Ivo Varga"], ["Varga"], ["Port Rahn"], ["Rahn"]]


def test_a_name_read_as_a_place_once_is_still_a_person_elsewhere() -> None:
    place = _mention(0, "visited", ["Ana Varga"], MONDAY)
    place.places = ["Ana Varga"]
    mentions = [place, _mention(1, "met", ["Ana Varga"], MONDAY), _mention(2, "said", ["Varga"], MONDAY)]
    _expand_surnames(mentions)
    assert mentions[2].actors == ["Ana Varga"]


def test_an_implicit_clause_joins_the_report_of_its_day_past_a_report_of_another_day() -> None:
    head = _mention(0, "unveiled", ["Acme"], MONDAY)
    other = _mention(1, "opened", ["Norland"], TUESDAY)  # another day: neither joins nor is joined
    later = _mention(2, "showed", ["Acme"], MONDAY, PUBLICATION_IMPLICIT)
    group_same_happening([head, other, later])
    assert (later.trigger, later.title) == ("unveiled", "unveiled")
    assert other.trigger == "opened"


def test_a_group_ends_beyond_its_window_and_a_new_one_starts() -> None:
    head = _mention(0, "unveiled", ["Acme"], MONDAY)
    far = _mention(4, "showed", ["Acme"], MONDAY, PUBLICATION_IMPLICIT)  # four sentences on: its own
    near = _mention(5, "priced", ["Acme"], MONDAY, NARRATIVE)  # joins the new group, not the first
    group_same_happening([head, far, near])
    assert (far.trigger, near.trigger) == ("showed", "showed")


def test_an_expression_dated_clause_never_takes_a_neighbours_content() -> None:
    head = _mention(0, "unveiled", ["Acme"], MONDAY, PUBLICATION_IMPLICIT)
    dated = _mention(1, "priced", ["Acme"], MONDAY)
    group_same_happening([head, dated])
    assert dated.trigger == "priced"

"""A paper's (or an agency's, an editor's) reports name it as their speaker whatever they tell: two of its
reports of one day are one happening only when they say something alike (#11: a newspaper's report of
another inquiry and a commentary citing that paper joined a court hearing's event through the paper)."""

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Published

DAY = "2031-03-07"
PAPER = "Norland Herald"


def _statement(doc: str, text: str, trigger: str, terms: list[str]) -> EventMention:
    return dated_mention(doc, DAY, text, trigger, [PAPER], terms)


def _together(first: EventMention, second: EventMention) -> bool:
    articles = [Article(doc, f"{doc}.txt", "x", [(0, 1)], published=Published(DAY, "header")) for doc in "ab"]
    events = merge_mentions([first, second], articles)
    return any(len({m.document for m in event.mentions}) == 2 for event in events)


def test_two_reports_of_one_paper_telling_different_things_stay_apart():
    searched = _statement(
        "a",
        "The Norland Herald reported that customs officers searched the port.",
        "reported",
        ["customs", "officer", "port"],
    )
    wrote = _statement(
        "b",
        "As the Norland Herald wrote, the rail union called off its strike.",
        "wrote",
        ["rail", "union", "strike"],
    )
    assert not _together(searched, wrote)


def test_two_reports_of_one_paper_sharing_what_they_tell_still_join():
    searched = _statement(
        "a",
        "The Norland Herald reported that customs officers searched the port.",
        "reported",
        ["customs", "officer", "port"],
    )
    again = _statement(
        "b",
        "The Norland Herald reported that the port was searched by customs.",
        "reported",
        ["port", "customs"],
    )
    assert _together(searched, again)

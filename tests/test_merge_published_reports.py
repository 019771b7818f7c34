"""A paper's (or an agency's, an editor's) reports name it as their speaker whatever they tell: two of its
reports of one day are one happening only when they say something alike (#11: a newspaper's report of
another inquiry and a commentary citing that paper joined a court hearing's event through the paper)."""

from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Published

DAY = "2031-03-07"
PAPER = "Norland Herald"
SEARCHED = "The Norland Herald reported that customs officers searched the port."


def _report(doc: str, text: str, trigger: str, said: list[str]) -> EventMention:
    """A statement of the paper whose reported clause's words are ``said`` (as the events stage keeps them:
    in ``content``, not ``terms``)."""
    return replace(dated_mention(doc, DAY, text, trigger, [PAPER], []), content=said)


def _together(first: EventMention, second: EventMention) -> bool:
    articles = [Article(doc, f"{doc}.txt", "x", [(0, 1)], published=Published(DAY, "header")) for doc in "ab"]
    events = merge_mentions([first, second], articles)
    return any(len({m.document for m in event.mentions}) == 2 for event in events)


def test_two_reports_of_one_paper_telling_different_things_stay_apart():
    searched = _report("a", SEARCHED, "reported", ["customs", "officer", "search", "port"])
    wrote = _report(
        "b", "As the Norland Herald wrote, the rail union called off its strike.", "wrote", ["rail", "strike"]
    )
    assert not _together(searched, wrote)


def test_two_reports_of_one_paper_telling_the_same_thing_still_join():
    searched = _report("a", SEARCHED, "reported", ["customs", "officer", "search", "port"])
    again = _report(
        "b", "The Norland Herald reported that the port was searched.", "reported", ["port", "search"]
    )
    assert _together(searched, again)

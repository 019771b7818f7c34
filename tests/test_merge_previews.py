"""A plan told days before its date is not the day's happening: it leaves the day's reports (#11)."""

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Published

CEREMONY = "2031-03-12"


def _articles(**published: str) -> list[Article]:
    return [
        Article(doc, f"{doc}.txt", f"text of {doc}", [(0, 10)], published=Published(day, "header"))
        for doc, day in published.items()
    ]


def _ceremony_report(doc: str, text: str) -> EventMention:
    return dated_mention(
        doc, CEREMONY, text, "joined", ["Norland", "Acme Alliance"], ["join", "ceremony", "member", "treaty"]
    )


def _reports() -> list[EventMention]:
    return [
        _ceremony_report(
            "a", "Norland joined the Acme Alliance at a ceremony on Friday, signing the treaty."
        ),
        _ceremony_report("b", "At a ceremony on Friday Norland became a member of the Acme Alliance."),
    ]


def _invitation(doc: str = "c") -> EventMention:
    """A paper of weeks before: the invitation is its news, the ceremony's day only what it is about."""
    mention = dated_mention(
        doc,
        CEREMONY,
        "Minister Rahn has invited Norland to a ceremony on March 12 to mark its joining the Acme Alliance.",
        "invited",
        ["Minister Rahn", "Norland", "Acme Alliance"],
        ["invite", "ceremony", "join", "mark"],
        status="expected",
    )
    return mention


def _event_holding(events, document: str):
    return next(e for e in events if any(m.document == document for m in e.mentions))


def test_an_invitation_weeks_before_is_not_the_ceremonys_report():
    articles = _articles(a="2031-03-12", b="2031-03-13", c="2031-02-16")
    events = merge_mentions([*_reports(), _invitation()], articles)
    ceremony = _event_holding(events, "a")
    assert ceremony.sources == ["a", "b"]
    invitation = _event_holding(events, "c")
    assert invitation is not ceremony and len(invitation.mentions) == 1
    # its own date kept (the day it names), not re-dated; no join left claiming it
    assert invitation.date.value == CEREMONY and invitation.mentions[0].join is None


def test_the_paper_of_the_day_before_still_tells_the_happening():
    # written as it begins: "Norland is to join ... on Friday" in Thursday's paper reports the joining
    articles = _articles(a="2031-03-12", b="2031-03-13", c="2031-03-11")
    schedule = dated_mention(
        "c",
        CEREMONY,
        "Norland is scheduled to join the Acme Alliance at a ceremony on Friday.",
        "join",
        ["Norland", "Acme Alliance"],
        ["join", "ceremony", "schedule"],
        status="expected",
    )
    events = merge_mentions([*_reports(), schedule], articles)
    assert _event_holding(events, "a").sources == ["a", "b", "c"]
    # the same sentence in a paper three weeks before is a plan, not the day's report
    earlier = _articles(a="2031-03-12", b="2031-03-13", c="2031-02-20")
    assert _event_holding(merge_mentions([*_reports(), schedule], earlier), "a").sources == ["a", "b"]

"""Nothing lost (#11): a step taking a happening's dated sentences out of an event never leaves the rest
of it undated; each sentence left goes back to a date (``articles.rehome_dateless``).  Invented text."""

from dataclasses import replace
from datetime import date

from merge_fixtures import dated_by_paper, dated_mention

from timeline.merge.articles import rehome_dateless
from timeline.merge.clusters import _Cluster
from timeline.merge.events import _to_event
from timeline.merge.features import features
from timeline.merge.previews import separate_previews
from timeline.types import EventMention, JoinReason

CEREMONY = "2031-03-12"
PUBLISHED = {"c": "2031-02-16", "d": "2031-02-20", "e": "2031-02-24"}  # papers before the ceremony
_ACTORS = ["Norland", "Acme Alliance"]
_TERMS = ["join", "ceremony", "member", "treaty"]


def _invitation() -> EventMention:
    """A paper of weeks before the ceremony: a plan, dated by the day it names (a preview)."""
    text = "Minister Rahn has invited Norland to a ceremony on March 12 to join the Acme Alliance."
    return dated_mention(
        "c", CEREMONY, text, "invited", ["Minister Rahn", *_ACTORS], _TERMS, status="expected"
    )


def _paper_sentence(doc: str, day: str, text: str, start: int = 0) -> EventMention:
    """A past sentence stating no date: dated by its paper's day."""
    mention = dated_by_paper(dated_mention(doc, day, text, "agreed", _ACTORS, _TERMS))
    mention.sentence = replace(mention.sentence, start=start, index=start)
    return mention


def _retelling(mention: EventMention, of: EventMention) -> EventMention:
    """``mention`` joined to ``of``'s event as a later retelling of it (its own date kept)."""
    mention.join = JoinReason(
        mention.document, mention.sentence.start, of.document, of.sentence.start, "retelling", 0.5
    )
    return mention


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
        if mention.join is not None:
            cluster.add_reason(mention.join)
    return cluster


def _dates(clusters: list[_Cluster]) -> list[str | None]:
    return sorted(str(e.date.value if e.date else None) for e in map(_to_event, clusters))


def test_a_retelling_left_behind_by_a_preview_is_dated_by_its_own_paper():
    preview = _invitation()
    retold = _retelling(_paper_sentence("d", PUBLISHED["d"], "Norland agreed to join the alliance."), preview)
    clusters = separate_previews([_cluster(preview, retold)], {"c": _day("c"), "d": _day("d")})
    # the bug: the retelling alone never dates an event, so its sentence would be shown undated
    assert None in [_to_event(c).date for c in clusters]
    rehomed = rehome_dateless(clusters)
    assert _dates(rehomed) == sorted([CEREMONY, PUBLISHED["d"]])
    alone = next(c for c in rehomed if retold in c.mentions)
    assert alone.mentions == [retold] and retold.join is None  # no join left claiming the plan


def test_a_retelling_goes_with_the_sentence_of_its_article_it_joined_through():
    report = _paper_sentence("d", PUBLISHED["d"], "Norland agreed to the treaty on Tuesday.", start=0)
    retold = _retelling(_paper_sentence("d", PUBLISHED["d"], "It agreed to join, Rahn said.", 80), report)
    dated, left = _cluster(report), _cluster(retold)
    rehomed = rehome_dateless([dated, left])
    assert len(rehomed) == 1 and rehomed[0].mentions == [report, retold]
    assert retold.join is not None and retold.join.kind == "retelling"  # its own date kept, as a retelling
    assert _to_event(rehomed[0]).date.value == PUBLISHED["d"]


def test_retellings_of_two_papers_left_together_keep_their_own_days():
    preview = _invitation()
    first = _retelling(_paper_sentence("d", PUBLISHED["d"], "Norland agreed to join."), preview)
    second = _retelling(
        _paper_sentence("e", PUBLISHED["e"], "Norland had agreed to join the treaty."), preview
    )
    clusters = separate_previews([_cluster(preview, first, second)], {d: _day(d) for d in PUBLISHED})
    rehomed = rehome_dateless(clusters)
    assert _dates(rehomed) == sorted([CEREMONY, PUBLISHED["d"], PUBLISHED["e"]])  # none re-dated


def test_dated_events_are_left_as_they_are():
    report = _paper_sentence("d", PUBLISHED["d"], "Norland agreed to the treaty.")
    clusters = [_cluster(report)]
    assert rehome_dateless(clusters) is clusters


def _day(doc: str) -> date:
    return date.fromisoformat(PUBLISHED[doc])

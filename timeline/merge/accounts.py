"""One article's account of one happening: its lone sentences of that day join the article's report of it.

An article tells a happening over many sentences: the lead, what was said, who did what next, a detail.
Other outlets tell it in other words, so after matching reports one by one only some of the article's
sentences (the lead, a quote another paper printed) are in the happening's event with other sources; the
rest stay in events of their own article alone, and a reader sees one visit or one ceremony as ten entries.

``join_accounts`` moves each such lone event (told by one article only) into the event of the next or
previous sentence of the same article that other outlets report too (an *anchor*), when the anchor's day
allows every moved mention's own date, no place or acting party tells the two apart, and the sentence
continues the anchor's account:

- it shares a named actor, a specific word or an event concept with the anchor; or
- it follows the anchor without naming anyone new: its subject is a pronoun ("She then lavished praise",
  "Then he left"), a pronoun speaks its quote ("..., she told the staffers") or it opens with a quote.

Either sentence may be the anchor: the later one carries on the earlier one's subject.  A later paper's
account of an earlier happening ("On Aug. 2 the bomb went off.  They were standing in the lobby ...")
joins it as a ``retelling`` when the moved sentence is a past report whose date is unstated
(``scoring.may_retell``), keeping its own later date; so does a toll counted again beside such a retelling
("The death toll has risen to 12, officials said Wednesday").

With ``lone=True`` (the last step), the same rule gathers an article's account that no other outlet tells:
a lone event joins the lone event of its article's previous sentence that it carries on, so a happening
only one paper reports is one entry, not one per sentence.

Moves chain: a sentence continuing one that just moved follows it (``ACCOUNT_PASSES``).  Nothing is
re-dated: every moved mention's own date is checked against its new event's again
(``conflicts.separate_unstated``), and the join reason says it was the article's account of that day.
"""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.merge.articles import _evidence, _same_day
from timeline.merge.clusters import _Cluster, _root
from timeline.merge.conflicts import settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import RETELL_FAR, _places_differ, _subjects_clash, features
from timeline.merge.scoring import _TOLD_OF, _TOLL, may_retell
from timeline.types import EventMention

ACCOUNT_SENTENCES = 1  # how far the anchor may be: two sentences away is another happening too often
ACCOUNT_PASSES = 2  # a third pass moved one sentence more on the AQUAINT gold

# a sentence carrying on the previous one's subject: "She then ...", "Then he ...", "Later, they ..."
_CONTINUING_SUBJECT = re.compile(
    r"^\W*(?:(?:then|later|also|and|but|so|meanwhile|afterwards?|there|here)\b,?\s*)?"
    r"(?:she|he|they|it|we|i)\b",
    re.IGNORECASE,
)
# a quote spoken by a pronoun: "``...,'' she told the staffers", "..., he added"
_PRONOUN_SPEAKER = re.compile(r"(?:''|\"|,)\s*(?:she|he|they)\s+[a-z]+", re.IGNORECASE)
_QUOTE_START = re.compile(r"^\s*(?:``|\"|')")


def join_accounts(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, lone: bool = False
) -> list[_Cluster]:
    """The clusters after each lone article event joins its article's account of that day: the event of
    a next sentence other outlets tell too, or (``lone``) the previous sentence's event of that article.

    With ``lone``, a lone sentence between two of its article's sentences in an event several outlets tell
    that day joins that event first (``between.join_between_same_day``), before it can join a lone one."""
    if lone:
        from timeline.merge.between import join_between_same_day  # here: between needs together, needs this

        clusters = join_between_same_day(clusters, copies)
    documents: set[str] | None = None  # the articles where a sentence moved: only there can more follow
    for _ in range(ACCOUNT_PASSES):
        clusters, documents = _join_once(clusters, copies or {}, lone, documents)
        if not documents:
            break
    return clusters


def _join_once(
    clusters: list[_Cluster], copies: dict[str, str], lone: bool, documents: set[str] | None
) -> tuple[list[_Cluster], set[str]]:
    """One pass (over the ``documents`` only, when given); the articles where a sentence moved."""
    source = [_only_source(c, copies, documents) for c in clusters]  # one article alone tells it: that one
    # each sentence's dated anchor mentions and the cluster each was in, flat: mention, cid, mention, cid
    # ...  Memory (issue #9): with ``lone`` nearly every dated mention is an anchor, and a tuple a sentence
    # costs a third of a list a sentence and a table by ``id`` of every anchor mention beside it
    by_sentence: dict[tuple[str, int], tuple] = {}
    for cid, cluster in enumerate(clusters):
        if source[cid] == "" or ((source[cid] is None) if lone else (source[cid] is not None)):
            continue  # an anchor: an event other outlets tell (of the article alone, ``lone``)
        for mention in cluster.mentions:
            if mention.date is not None:
                place = (mention.document, mention.sentence.index)
                by_sentence[place] = (*by_sentence.get(place, ()), mention, cid)
    moved_to: dict[int, int] = {}  # a cluster that moved -> the one it moved into (``clusters._root``)
    received: set[int] = set()
    moved_in: set[str] = set()
    for cid, cluster in enumerate(clusters):
        if not source[cid]:
            continue
        found = _anchor(cluster, by_sentence, moved_to, lone)
        if found is None or found[0] == cid:
            continue
        into, mention, anchor, kind = found
        reason = join_reason(mention, features(mention), anchor, features(anchor), kind)
        mention.join = replace(reason, date=f"{reason.date}; the same article's account of that day")
        clusters[into].add_reason(mention.join)
        clusters[into].absorb(cluster)
        moved_to[cid] = into  # (its mentions, and those it took in, are in ``into`` now)
        clusters[cid] = _Cluster()
        received.add(into)
        moved_in.add(mention.document)
    if not received:
        return clusters, moved_in
    return settle_moves(clusters, received, copies), moved_in


def _only_source(cluster: _Cluster, copies: dict[str, str], documents: set[str] | None) -> str | None:
    """The one article (copies folded) telling the cluster's mentions; None for several; "" for none or,
    when ``documents`` are given, for a cluster with no mention in them."""
    if not cluster.mentions or (
        documents is not None and all(m.document not in documents for m in cluster.mentions)
    ):
        return ""
    found = None
    for mention in cluster.mentions:
        document = copies.get(mention.document, mention.document)
        if found is None:
            found = document
        elif document != found:
            return None
    return found


def _anchor(
    cluster: _Cluster,
    by_sentence: dict[tuple[str, int], tuple],
    moved_to: dict[int, int],
    lone: bool = False,
) -> tuple[int, EventMention, EventMention, str] | None:
    """(cluster, mention, anchor, join kind): the nearest anchor sentence one of the lone cluster's mentions
    continues, the previous sentence first."""
    for distance in range(1, ACCOUNT_SENTENCES + 1):
        for step in (-distance,) if lone else (-distance, distance):
            for mention in cluster.mentions:
                if mention.date is None:
                    continue
                anchors = iter(by_sentence.get((mention.document, mention.sentence.index + step), ()))
                for other, home in zip(anchors, anchors, strict=True):
                    kind = _join_kind(cluster, mention, other, step, lone)
                    if kind:
                        return _root(home, moved_to), mention, other, kind
    return None


def _join_kind(
    cluster: _Cluster, mention: EventMention, anchor: EventMention, step: int, lone: bool = False
) -> str:
    """How the lone cluster's mention joins the anchor's account ("" when it does not)."""
    if _same_day(mention, anchor):
        if not _continues(mention, anchor, step, named=not lone):
            return ""
        if all(m.date is None or _same_day(m, anchor) for m in cluster.mentions):
            if not lone and _one_toll(cluster) and _toll_retold_beside(mention, anchor):
                return "retelling"
            if not lone and _toll_beside_attack(mention, anchor):
                return "retelling"
            return date_kind(mention, anchor)
    if not lone and len(cluster.mentions) == 1 and _retells(mention, anchor):
        return "retelling" if _continues(mention, anchor, step, same_day=False) else ""
    return ""


def _one_toll(cluster: _Cluster) -> bool:
    """One sentence, or a few that each give a count of the dead ("The toll ... has risen to 12, officials
    said." then "That pushed the week's toll to 31."): one toll told in two sentences.  Sentences
    that only took a death's trigger from a neighbour (``group_same_happening``) state no number."""
    mentions = cluster.mentions
    return len(mentions) == 1 or all(
        _TOLL in features(m).concepts and _NUMBER.search(m.sentence.text) for m in mentions
    )


_NUMBER = re.compile(r"\d")


def _toll_retold_beside(mention: EventMention, anchor: EventMention) -> bool:
    """A toll counted again ("the death toll has risen to 12, officials said Wednesday") beside the
    later paper's retelling of the attack: it retells the attack too, on its own later day."""
    if anchor.join is None or anchor.join.kind != "retelling":
        return False
    return _TOLL in features(mention).concepts and bool(_TOLD_OF & features(anchor).concepts)


def _toll_beside_attack(mention: EventMention, anchor: EventMention) -> bool:
    """A toll counted beside the article's report of the attack ("At least 30 were hurt, officials said
    on Sunday" after "A blast tore through the depot"): the attack's toll, on its own day."""
    return _TOLL in features(mention).concepts and features(anchor).head in _TOLD_OF - {_TOLL}


def _retells(mention: EventMention, anchor: EventMention) -> bool:
    """An unstated past report right beside the article's sentence about an earlier happening: the
    article retells it ("On Aug. 2 the bomb went off.  It killed 40 people." in a paper weeks later)."""
    if mention.date is None or anchor.date is None:
        return False
    if not may_retell(mention, features(mention)):
        return False
    start, _ = bounds(mention)
    return anchor.date.end < start and (start - anchor.date.end).days <= RETELL_FAR.days


def _continues(
    mention: EventMention, anchor: EventMention, step: int, same_day: bool = True, named: bool = True
) -> bool:
    """The mention's sentence carries on the anchor's account (of the same day)."""
    if same_day and not _same_day(mention, anchor):
        return False
    text = mention.sentence.text
    # the later of two sentences carrying on the earlier one's subject links them, whichever is the anchor
    carries_on = _continuing(text if step < 0 else anchor.sentence.text)
    if not (carries_on or named):
        return False  # checked first: cheap
    f, of = features(mention), features(anchor)
    # a pronoun is the subject of "Then she handed ...": a capitalised opener read as a name is none
    if _places_differ(f, of) or (_subjects_clash(f, of) and not _CONTINUING_SUBJECT.match(text)):
        return False
    return carries_on or _evidence(f, of) >= 1


def _continuing(text: str) -> bool:
    """A sentence that names no new subject: a pronoun's action or quote, or a quote opening it."""
    return bool(_CONTINUING_SUBJECT.match(text) or _PRONOUN_SPEAKER.search(text) or _QUOTE_START.match(text))

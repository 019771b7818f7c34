"""Verbatim repeats across many articles (wire copies, templated reports): merged once, listed for each.

Placing a dated mention compares it with the events near its date, so a sentence that thousands of articles
print word for word, with the same date, makes the merge quadratic: each copy is ranked against the
events the others made (issue #9: 20,000 generated records took half an hour).  Such a group is one report,
syndicated.  Before clustering, each group of identical dated mentions (same sentence words, same date,
same reading of it) found in at least ``REPEAT_ARTICLES`` articles is represented by its first member; after
clustering, the other members join their representative's event, each with the evidence of that join
(``join_reason``), and the event is assembled from all of them (date, sources, conflicts count every
article).  Groups smaller than that are merged one by one as before: real news collections rarely repeat a
sentence in more than a few articles that are not re-sent copies (at most 3 in the development topics),
and copies are handled before merging (``copies.own_mentions``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields
from operator import attrgetter

from timeline.merge.clusters import _Cluster
from timeline.merge.evidence import join_reason
from timeline.merge.features import features
from timeline.types import EventMention, JoinReason

REPEAT_ARTICLES = 8  # distinct articles printing the same dated mention before it is merged once for all

# a join reason's fields after its first two (the joining mention's document and sentence start)
_AFTER_PLACE = attrgetter(*(f.name for f in fields(JoinReason)[2:]))

# the members of each collapsed group but its representative, by ``id`` of the representative
Repeats = dict[int, list[EventMention]]


def repeat_key(mention: EventMention, spaced: dict[str, str] | None = None) -> tuple | None:
    """What two mentions must share to be the same report repeated: the sentence's words and everything
    read from them; None for an undated mention (joined by content, one by one).  ``spaced``: each text's
    words, single-spaced, kept by the caller (a repeated sentence's text is spaced once)."""
    if mention.date is None:
        return None
    text = mention.sentence.text
    words = spaced.get(text) if spaced is not None else None
    if words is None:
        words = " ".join(text.split())
        if spaced is not None:
            spaced[text] = words
    return (
        words,
        mention.expression.text if mention.expression else None,
        mention.date,
        mention.earliest,
        mention.date_source,
        mention.date_rule,
        mention.trigger,
        mention.status,
        mention.title,
        tuple(mention.actors),
        tuple(mention.terms),
        tuple(mention.places),
        tuple(mention.content),
        None if mention.subjects is None else tuple(mention.subjects),
    )


def collapse_repeats(mentions: list[EventMention]) -> tuple[list[EventMention], Repeats]:
    """``mentions`` less the members of each large group of repeats but its first (in the given order),
    and those members by their representative."""
    # each group by its members' places in ``mentions``: what is kept is found from the groups, in order,
    # without a pass over every mention (speed, issue #9: nearly all of a templated array's are dropped)
    groups: dict[tuple, list[int]] = defaultdict(list)
    kept: list[int] = []  # the undated mentions, then each group's kept members
    spaced: dict[str, str] = {}
    for at, mention in enumerate(mentions):
        key = repeat_key(mention, spaced)
        if key is None:
            kept.append(at)
        else:
            groups[key].append(at)
    repeats: Repeats = {}
    member = mentions.__getitem__
    for places in groups.values():
        members = list(map(member, places)) if len(places) > 1 else None
        if members is not None and _in_articles(members, REPEAT_ARTICLES):
            repeats[id(members[0])] = members[1:]
            kept.append(places[0])
        else:
            kept.extend(places)
    if not repeats:
        return mentions, repeats
    kept.sort()
    return list(map(member, kept)), repeats


def _in_articles(members: list[EventMention], articles: int) -> bool:
    """At least ``articles`` distinct articles among the members: counted until there are (speed, issue #9:
    a group of thousands of repeats is one in its first few members)."""
    seen: set[str] = set()
    for member in members:
        seen.add(member.document)
        if len(seen) >= articles:
            return True
    return False


def expand_repeats(clusters: list[_Cluster], repeats: Repeats) -> None:
    """Put each collapsed member into its representative's cluster, joined on the representative's evidence
    (a conflict or a retelling when the representative joined as one, else the same date)."""
    if not repeats:
        return
    for cluster in clusters:
        found = [(m, repeats[id(m)]) for m in cluster.mentions if id(m) in repeats]
        for representative, members in found:
            kind = representative.join.kind if representative.join is not None else "same-date"
            # the members differ from one another only in where they are: one reason, placed for each
            first, f = members[0], features(representative)
            reason = join_reason(first, features(first), representative, f, kind)
            joins = _placed(reason, members)
            cluster.mentions.extend(members)
            cluster.add_reasons(joins)


# each field's slot setter, in ``__init__``'s order (a frozen dataclass's own ``__init__`` sets each one
# through ``object.__setattr__``: most of the cost of making a reason)
_SETTERS = tuple(getattr(JoinReason, f.name).__set__ for f in fields(JoinReason))


def _placed(reason: JoinReason, members: list[EventMention]) -> list[JoinReason]:
    """``reason`` for each member, with the member's document and sentence start (the first two fields),
    set as each member's join.  Speed (issue #9: a reason per repeat, hundreds of thousands): made as the
    class's ``__init__`` makes one, less its calls (every field set, and no ``__post_init__``)."""
    new, set_document, set_start = object.__new__, _SETTERS[0], _SETTERS[1]
    rest = tuple(zip(_SETTERS[2:], _AFTER_PLACE(reason), strict=True))
    joins = []
    for member in members:
        join = new(JoinReason)
        set_document(join, member.document)
        set_start(join, member.sentence.start)
        for put, value in rest:
            put(join, value)
        member.join = join
        joins.append(join)
    return joins

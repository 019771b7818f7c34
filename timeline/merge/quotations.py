"""A quotation standing alone goes where its speaker's statement went, and nowhere by itself.

The events stage reads a sentence that is only a quotation ("``We will not close it for anyone.''") as a
mention of its speaker's statement beside it (``events.quotations``: the statement's trigger, names and
date). Placed like any mention it would match by those borrowed features and pull other reports together
that the statement alone did not (on the AQUAINT merge gold such quotes joined a statement's event to
another happening's of its day), so the merge holds quotations out and, once every event is formed, puts
each into the event of its speaker's statement: the quotation says no more about which happening it is than
that statement does.
"""

from __future__ import annotations

from timeline.events.quotations import QUOTATION_RULE
from timeline.merge.clusters import _Cluster
from timeline.merge.evidence import join_reason
from timeline.merge.features import features
from timeline.types import EventMention


def hold_quotations(mentions: list[EventMention]) -> tuple[list[EventMention], list[EventMention]]:
    """The mentions less the quotations standing alone, and those quotations."""
    quotations = [m for m in mentions if m.date_rule == QUOTATION_RULE]
    if not quotations:
        return mentions, []
    return [m for m in mentions if m.date_rule != QUOTATION_RULE], quotations


def place_quotations(clusters: list[_Cluster], quotations: list[EventMention]) -> None:
    """Each quotation into the cluster of its speaker's statement (the mention of the sentence before or
    after it with its trigger and date), joined on that statement's evidence; a quotation whose statement
    is in no cluster starts one of its own."""
    if not quotations:
        return
    wanted = {(q.document, q.sentence.index + step) for q in quotations for step in (-1, 1)}
    beside: dict[tuple[str, int], list[tuple[EventMention, _Cluster]]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            key = (mention.document, mention.sentence.index)
            if key in wanted:
                beside.setdefault(key, []).append((mention, cluster))
    for quotation in quotations:
        found = _speaker(quotation, beside)
        if found is None:
            alone = _Cluster()
            alone.add(quotation, features(quotation))
            clusters.append(alone)
            continue
        speaker, cluster = found
        quotation.join = join_reason(quotation, features(quotation), speaker, features(speaker), "same-date")
        cluster.add(quotation, features(quotation))
        cluster.add_reason(quotation.join)


def _speaker(
    quotation: EventMention, beside: dict[tuple[str, int], list[tuple[EventMention, _Cluster]]]
) -> tuple[EventMention, _Cluster] | None:
    for step in (-1, 1):  # the sentence before is the speaker's first (``events.quotations``)
        for mention, cluster in beside.get((quotation.document, quotation.sentence.index + step), ()):
            if mention.trigger == quotation.trigger and mention.date == quotation.date:
                return mention, cluster
    return None

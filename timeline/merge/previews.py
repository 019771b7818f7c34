"""Previews are not the happening's reports: a plan told before its day leaves the reports of that day.

A sentence written before the day it names ("has invited the mayors to a summit on May 12", "they
said they would appeal the ruling that the site be closed by June 1") tells what was planned or
announced then; the day's own reports, written on or after it, tell what happened.  The merge's rules
join such a preview to the day's event by its date and names; on the AQUAINT merge gold those joins are
mostly wrong (one invitation a month before the day held 35 wrong pairs).  So, once the events are
formed, a mention the events stage marks ``expected`` whose stated date starts more than ``PREVIEW_LEAD``
after its article's latest publication day leaves an event that other articles' mentions hold, for an
event of its own (per article), its date kept.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.types import EventMention

# days before a plan's date its article may be written and still tell the happening: the paper of the
# day before, written as it starts ("is due to spend the morning at the plant" of a visit that
# day) reports it (measured: keeping those is the AQUAINT gold's reading, 6 right pairs)
PREVIEW_LEAD = timedelta(days=1)


def separate_previews(clusters: list[_Cluster], published: dict[str, date]) -> list[_Cluster]:
    """The clusters with each article's previews (``_preview``) of a happening other articles report
    taken out into a cluster of their own."""
    result: list[_Cluster] = []
    for cluster in clusters:
        previews = [m for m in cluster.mentions if _preview(m, published)]
        if not previews:
            result.append(cluster)
            continue
        preview_docs = {m.document for m in previews}
        reported = any(m.document not in preview_docs for m in cluster.mentions)
        if not reported:
            result.append(cluster)
            continue
        kept = _without(cluster, previews)
        result.append(kept)
        by_document: dict[str, _Cluster] = defaultdict(_Cluster)
        for mention in previews:
            mention.join = None
            by_document[mention.document].add(mention, features(mention))
        result.extend(by_document.values())
    return result


def _preview(mention: EventMention, published: dict[str, date]) -> bool:
    latest = published.get(mention.document)
    return (
        mention.status == "expected"
        and mention.date is not None
        and mention.date_source == "expression"
        and latest is not None
        and mention.date.start > latest + PREVIEW_LEAD
    )

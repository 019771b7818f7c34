"""A decision and its maker's words about it on that day are one happening.

Outlets report a ruling in two ways: "the agency ruled on Wednesday that ..." and "``The licence stays
revoked,'' the director said Wednesday".  Sentence by sentence these stay two events, each told by
several outlets: an occurrence and a statement never match (a statement matches only its speaker's other
statements), and no article tells the two side by side (``together``).

``join_makers_statements`` moves an event of statements (most of its distinct mentions are statements with
a named speaker) that ``MAKER_SOURCES`` or more outlets tell into an event of several outlets whose
occurrence has that speaker as its acting party ("Commissioner Rahn ruled ...", a subject of one of its
members), when a statement is dated to a day the occurrence event's members are, the two events share a
specific word that is not the collection's subject (``features.collection_subject``), the speaker is not
a name most of the collection's articles use (its main actor speaks every day), and every date their
members state overlaps.  No chains: an event that moved is no target.  Every moved mention's own date is
checked against its new event's again (``conflicts.separate_unstated``): nothing is re-dated.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import settle_moves
from timeline.merge.features import _DAY, NAME_KEY, MentionFeatures, features
from timeline.merge.together import _dates_agree, fuse
from timeline.names import frozen_keys_match
from timeline.types import EventMention

MAKER_SOURCES = 2  # outlets telling each of the two events: one article's quote is its own account
MAKER_TERMS = 1  # specific words (not the collection's subject) the two events share; 2 joins none here

# (event, the acting party's member and its features) of occurrence events, by day
_Makers = dict[int, list[tuple[int, EventMention, MentionFeatures]]]


def join_makers_statements(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, subject: frozenset[str] = frozenset()
) -> list[_Cluster]:
    """The clusters after each several-outlet event of a party's statements joins that party's same-day
    occurrence event (its decision, its ruling)."""
    copies = copies or {}
    sources = [len({copies.get(m.document, m.document) for m in c.mentions}) for c in clusters]
    makers = _makers(clusters, sources)
    moved: set[int] = set()
    fused: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if sources[cid] < MAKER_SOURCES or cid in fused:
            continue
        statements = [(m, f) for m, f in cluster.reps if f.kind == "statement" and f.speaker]
        if not statements or 2 * len(statements) < len(cluster.reps):
            continue  # an event of occurrences that quotes someone is not that party's words
        found = _maker(cid, statements, makers, clusters, subject, moved)
        if found is None:
            continue
        into, mention, anchor = found
        fuse(clusters, into, cid, (mention, anchor), "its maker's words on it")
        moved.add(cid)
        fused.add(into)
    if not fused:
        return clusters
    return settle_moves(clusters, fused, copies)


def _makers(clusters: list[_Cluster], sources: list[int]) -> _Makers:
    """Each several-outlet event's acting parties (its occurrences' subjects), filed under the days its
    day-precise occurrences are dated to."""
    makers: _Makers = defaultdict(list)
    for cid, cluster in enumerate(clusters):
        if sources[cid] < MAKER_SOURCES:
            continue
        parties = [(m, f) for m, f in cluster.reps if f.kind == "occurrence" and f.subjects]
        days = {
            m.date.start.toordinal()
            for m, f in cluster.reps
            if f.kind == "occurrence" and m.date is not None and m.date.granularity in _DAY
        }
        for day in days:
            makers[day].extend((cid, m, f) for m, f in parties)
    return makers


def _maker(
    cid: int,
    statements: list[tuple[EventMention, MentionFeatures]],
    makers: _Makers,
    clusters: list[_Cluster],
    subject: frozenset[str],
    moved: set[int],
) -> tuple[int, EventMention, EventMention] | None:
    """(event, statement, the acting party's member) for the first statement whose speaker made a
    same-day occurrence event; None when there is none."""
    for mention, f in statements:
        if mention.date is None or mention.date.granularity not in _DAY or f.speaker is None:
            continue
        if any(NAME_KEY + key in subject for key in f.speaker):
            continue  # the story's main actor speaks every day: its words are no sign of one decision
        for into, anchor, of in makers.get(mention.date.start.toordinal(), ()):
            if into == cid or into in moved:
                continue
            if not any(frozen_keys_match(f.speaker, words) for words in of.subjects):
                continue
            if len((_words(clusters[cid]) & _words(clusters[into])) - subject) < MAKER_TERMS:
                continue
            if _dates_agree(clusters[into], clusters[cid]):
                return into, mention, anchor
    return None


def _words(cluster: _Cluster) -> set[str]:
    """The specific words of the event's mentions (all of them: its representatives are distinct by
    action and names, not by words)."""
    return {word for mention in cluster.mentions for word in features(mention).specific_words}

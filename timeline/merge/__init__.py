"""Merge event mentions from one or many articles into events.

Two mentions are the same event when their dates are compatible (they
overlap: the same day, or a week/month containing the day) and their content
matches: a shared event concept (call/conversation/talks, drills/exercises ...)
plus a shared actor (spelling variants allowed) or a second shared concept.
Statements ("X said ...") only merge with statements of the same speaker; two a paper "reported" or
"wrote" (its speaker whatever it tells) only when they share a word.

A strong content match with a non-overlapping date a few days away is the same
event told differently: it joins the event as a ``Conflict``.  Strong: the same
action and a shared person with a second shared concept or two shared specific
words (a place counts as one), or nearly the same words with two specific words in common (no named
actor needed).  Nearly the same words on compatible dates merge however short the sentence.  Mentions without
a date of their own join the best-matching dated event (``date_source="joined"``).

Clustering runs in date order over week buckets, comparing a mention only
with events that share a concept in nearby weeks, so it stays near-linear.

The steps, one module each: ``features`` (what a mention is compared by), ``dates`` (date
spans and their distances), ``scoring`` (how well two mentions match), ``candidates`` (the index that
finds plausible events), ``clusters`` (placing dated mentions), ``undated`` (joining undated mentions),
``conflicts`` (disagreeing dates) and ``events`` (assembling an ``Event``); after clustering, the steps that
join what sentence-by-sentence matching leaves apart (``articles``, ``similar``, ``accounts``, ``together``,
``makers``, ``restated``, ``retold``, ``between``; then ``statements`` takes out words said that only
borrowed a happening's action, ``disputes`` joins one happening its sources date a few days apart as a
conflict, ``previews`` takes out plans told before their day, ``reactions`` a party's reaction to a
happening, ``history`` history lent the day's action and ``backdrop`` a sentence whose news is told against an
older happening; last ``doers`` joins a statement of an act's doer to the act; an event these steps left
with nothing to date it gives its mentions back a date (``articles.rehome_dateless``):
``docs/architecture.md``, "Events and merging")."""

from __future__ import annotations

import hashlib
import operator
from dataclasses import fields

from timeline.merge.accounts import join_accounts
from timeline.merge.articles import follow_neighbours, join_leads, rehome_dateless
from timeline.merge.backdrop import separate_backdrops
from timeline.merge.between import join_between
from timeline.merge.candidates import _Index
from timeline.merge.clusters import _Cluster, representative_features
from timeline.merge.conflicts import separate_unstated
from timeline.merge.continued import join_continued
from timeline.merge.disputes import join_disputed
from timeline.merge.doers import join_doers_statements
from timeline.merge.events import _to_event, distinct_ids, event_id
from timeline.merge.features import (
    SAME_DAY_TERMS,
    MentionFeatures,
    collection_subject,
    features,
    forget_features,
    remember_features,
    settle_features,
)
from timeline.merge.history import separate_history
from timeline.merge.makers import join_makers_statements
from timeline.merge.placing import Placement, cpu_times
from timeline.merge.previews import separate_previews
from timeline.merge.quotations import hold_quotations, place_quotations
from timeline.merge.reactions import separate_reactions
from timeline.merge.references import join_definite_references
from timeline.merge.repeats import collapse_repeats, expand_repeats
from timeline.merge.restated import join_restated
from timeline.merge.retold import join_retold
from timeline.merge.scoring import _cached_match, match_score
from timeline.merge.similar import forget_words, join_similar, remember_words
from timeline.merge.statements import separate_statements
from timeline.merge.tellers import join_told_accounts
from timeline.merge.together import join_told_together
from timeline.merge.undated import _join_undated, _JoinContext, _orphans
from timeline.types import Article, Event, EventMention, text_utf8


def _order_key(mention: EventMention, doc_keys: dict[str, str]) -> tuple:
    when = mention.date
    span = (when.start.toordinal(), -when.end.toordinal()) if when else (0, 0)
    start = mention.expression.start if mention.expression else mention.sentence.start
    return (*span, doc_keys.get(mention.document, mention.document), mention.sentence.start, start)


def _doc_keys(articles: list[Article]) -> dict[str, str]:
    """A content hash per article, so processing order never depends on input order or file names."""
    return {a.id: hashlib.sha1(text_utf8(a)).hexdigest() for a in articles}  # (a packed text as it is)


def merge_mentions(
    mentions: list[EventMention],
    articles: list[Article],
    copies: dict[str, str] | None = None,
    *,
    hand_over: bool = False,
) -> list[Event]:
    """Cluster mentions into events; returns events in no particular order (the build stage orders them).

    ``copies`` maps an article that re-sends another's text to that article: its mentions are still
    listed, but it is not counted as a source of its own.  Joining sets a mention's date, date source and
    join reason, on copies of the mentions, unless the caller hands them over (``hand_over``: it has no
    further use for them as they were, and a large collection's mentions are not held twice).
    """
    began = cpu_times()  # (whether a core is idle: ``placing``)
    doc_keys = _doc_keys(articles)
    mentions = list(mentions) if hand_over else [_copy(m) for m in mentions]
    remember_features()  # until ``_release_into_events``: the merge asks for each one's features many times
    mentions, quotations = hold_quotations(mentions)  # placed with their speakers' statements at the end
    mentions, repeats = collapse_repeats(mentions)  # scale (issue #9): a sentence many articles print
    ordered = sorted(mentions, key=lambda m: _order_key(m, doc_keys))
    clusters: list[_Cluster] = []
    index = _Index()
    merged_into: dict[int, int] = {}  # a cluster absorbed by another: its id now means the other
    subject = collection_subject(mentions)  # the story's own words, in most of its articles
    settle_features()  # (every mention's features now held on it)
    # with a helper process on a large collection (``placing``): the same clusters, the same IDF
    with Placement([m for m in ordered if m.date is not None], subject, began) as placement:
        placement.place(clusters, index, merged_into)
        del index  # memory (issue #13): the dated mentions' index is the merge's largest structure, done with
        clusters = [c for cid, c in enumerate(clusters) if cid not in merged_into]
        remember_words()  # each sentence's words, read again by the steps comparing wording
        idf = placement.idf(clusters)  # the collection's words, for the steps comparing wording
    copies = copies or {}
    clusters = follow_neighbours(join_leads(clusters, copies, idf), copies)
    clusters = [part for c in clusters for part in separate_unstated(c, copies)]
    clusters = follow_neighbours(join_similar(clusters, copies, idf), copies)  # next sentences of what joined
    clusters = join_accounts(clusters, copies)  # an article's lone sentences continuing its account
    clusters = join_told_together(clusters, copies)  # two events several articles tell side by side
    clusters = join_makers_statements(clusters, copies, subject)  # a party's words on its own decision
    clusters = join_accounts(clusters, copies, lone=True)  # ... and an account no other outlet tells
    clusters = join_restated(clusters)
    clusters = join_retold(clusters, copies, idf)  # a lone sentence retelling what several outlets told
    forget_words()  # (the last step reading them)
    clusters = join_between(clusters, copies)  # ... or between two of its article's sentences retelling it
    clusters = join_continued(clusters, copies)  # an article's later sentences: its lead's doer, its day
    clusters = join_told_accounts(clusters, copies)  # a teller's account beside its article's retelling
    clusters = separate_statements(clusters)  # words said, lent a happening's action
    context = _JoinContext(articles, ordered)
    clusters = join_disputed(clusters, context.latest, copies, subject)  # one happening, sources' days apart
    clusters = separate_previews(clusters, context.latest)  # a plan told before its day
    clusters = separate_reactions(clusters)  # a party's reaction to a happening, and clauses it governs
    clusters = separate_history(clusters, copies)  # a history aside lent the day's action
    clusters = separate_backdrops(clusters, copies)  # an older happening a sentence's news is told against
    clusters = join_doers_statements(clusters, copies)  # "said he had ordered the raids": the raids
    clusters = join_definite_references(clusters, copies)  # "the arrest announced today": that arrest
    clusters = rehome_dateless(clusters, copies)  # what a step left with nothing to date it
    # (an undated mention that followed its sentence there took its event's date: not placed again)
    undated = [m for m in ordered if m.date is None and m.date_source != "joined"]
    joined_docs = _join_undated(undated, clusters, context)
    expand_repeats(clusters, repeats)
    place_quotations(clusters, quotations)
    orphans = _orphans(ordered, clusters, joined_docs, copies)
    events = _release_into_events(clusters, copies, context.latest)
    events.extend(orphans)
    return distinct_ids(events)


def _release_into_events(clusters: list[_Cluster], copies: dict[str, str], latest: dict) -> list[Event]:
    """Each cluster as its event, in order, the cluster let go (and ``clusters`` emptied) once it is made.

    Memory (issue #13): the clusters' representatives and the features they are compared by
    are the merge's largest holdings and are not read again; freed as the events are made, the events
    take their place instead of being added on top at the merge's peak."""
    forget_features()  # the caches hold every mention's features: from here only the clusters do
    _cached_match.cache_clear()
    clusters.reverse()
    events: list[Event] = []
    while clusters:
        events.append(_to_event(clusters.pop(), copies, latest))
    return events


# every field, in ``__init__``'s order (a dataclass's slots follow its fields)
_MENTION_FIELDS = operator.attrgetter(*(f.name for f in fields(EventMention)))


def _copy(mention: EventMention) -> EventMention:
    """A shallow copy, like ``dataclasses.replace(mention)`` but several times faster."""
    return EventMention(*_MENTION_FIELDS(mention))


__all__ = [
    "SAME_DAY_TERMS",
    "MentionFeatures",
    "event_id",
    "features",
    "match_score",
    "merge_mentions",
    "representative_features",
]

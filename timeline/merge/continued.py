"""A main happening told in parts: an article's later sentences of its lead's doer on its lead's day.

A report of a day's happening ("Minister Rahn opened the Eastport flood barrier on Tuesday") goes on
over many paragraphs: what the same person did there, then at the second town of her tour, the funds she
promised.  Each part is matched across outlets on its own words, so the one happening falls apart: the
first town's sentences join the other outlets' lead, the second town's or the promise join another event
(the same person's words of the day before, inside the publication-implied window), and an outlet's
lead in other words ("Rahn set off on Tuesday for the coast") stays alone.

So, after the joining steps, an article's later sentence told as done on the lead's day (its own date,
or a past-tense sentence dated by its paper; no earlier time named in it) by one of the lead's named
doers (the same name, or the surname alone: "Rahn" / "Minister Lena Rahn"; not a place, not a possessive,
not a name or an action word the events stage lent it) moves into the lead's event (its join reason
says "the same person's act on the day of its article's lead"); the lead must be dated by its own words.
A sentence lent such a continuation's content follows it when other outlets tell the lead's happening.
When the lead's event is told by that article alone and a continuation's event by other outlets too, the
lead's event goes into that one instead.  The moved mention keeps its own date (``settle_moves``: nothing
re-dated).  Measured in ``docs/accuracy.md``, "Merge, session 9: a main happening told in parts".
"""

from __future__ import annotations

from dataclasses import replace

from timeline.merge.articles import _by_document, _without
from timeline.merge.between import _earlier_named, _words
from timeline.merge.clusters import _Cluster, sources_of
from timeline.merge.conflicts import settle_moves
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import _DAY, features
from timeline.types import EventMention, JoinReason

LEAD_SENTENCES = 3  # an article's lead: its first dated report among its first sentences (a headline first)
_CONTINUES = "the same person's act on the day of its article's lead"
_CONTINUED = "its article's later sentence tells the same person's act that day, in this event"

Move = tuple[EventMention, EventMention]  # (the mention that moves, the member it joins on)


def join_continued(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each article's continuations of its lead (``_continuations``) join its event,
    or its lead's event, told by it alone, joins a continuation's event that other outlets tell."""
    copies = copies or {}
    home = {id(m): cid for cid, c in enumerate(clusters) for m in c.mentions}
    sources = sources_of(clusters, copies)
    moving: dict[int, list[Move]] = {}  # the lead's event -> the continuations coming in
    absorbed: dict[int, tuple[int, Move]] = {}  # a lone lead's event -> (the event it goes into, why)
    for mentions in _by_document(clusters).values():
        lead = _lead(mentions)
        found = _continuations(lead, mentions, home, len(sources[home[id(lead)]]) > 1) if lead else []
        if lead is None or not found:
            continue
        own = home[id(lead)]
        attested = [m for m in found if len(sources[home[id(m)]]) > 1]
        if len(sources[own]) == 1 and attested:
            target = max(attested, key=lambda m: (len(sources[home[id(m)]]), -m.sentence.index))
            absorbed[own] = (home[id(target)], (lead, target))
            continue
        moving.setdefault(own, []).extend((mention, lead) for mention in found)
    if not moving and not absorbed:
        return clusters
    return _apply(clusters, home, moving, absorbed, copies)


def _apply(
    clusters: list[_Cluster],
    home: dict[int, int],
    moving: dict[int, list[Move]],
    absorbed: dict[int, tuple[int, Move]],
    copies: dict[str, str],
) -> list[_Cluster]:
    """Each move made, unless it would chain with an event that goes into another this round; events that
    took mentions in are then checked for dates they do not allow (``settle_moves``: no re-dating)."""
    gone: dict[int, list[EventMention]] = {}
    received: set[int] = set()
    for target, moves in moving.items():
        for mention, lead in moves:
            source = home[id(mention)]
            if source in absorbed or target in absorbed:
                continue
            mention.join = _reason(mention, lead, _CONTINUES)
            clusters[target].add_reason(mention.join)
            clusters[target].add(mention, features(mention))
            gone.setdefault(source, []).append(mention)
            received.add(target)
    for own, (into, (lead, matched)) in absorbed.items():
        if into in absorbed or own in gone or own in received:
            continue
        lead.join = _reason(lead, matched, _CONTINUED)
        clusters[into].absorb(clusters[own])
        clusters[into].add_reason(lead.join)
        clusters[own] = _Cluster()
        received.add(into)
    kept = [_without(c, gone[cid]) if cid in gone else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies)


def _reason(mention: EventMention, other: EventMention, why: str) -> JoinReason:
    reason = join_reason(mention, features(mention), other, features(other), date_kind(mention, other))
    return replace(reason, date=f"{reason.date}; {why}")


def _lead(mentions: list[EventMention]) -> EventMention | None:
    """The article's lead: its first day-precise report among its first sentences, done by named people
    (a subject that is not a place), not words said and not background."""
    for mention in mentions:
        if mention.sentence.index >= LEAD_SENTENCES:
            return None
        when = mention.date
        if when is None or when.granularity not in _DAY or mention.status == "background":
            continue
        if mention.date_source != "expression":
            continue  # its day told by its own words ("on Tuesday"), not only by the paper's date
        if features(mention).kind != "occurrence":
            continue
        return mention if _doers(mention) else None
    return None


def _doers(mention: EventMention) -> list[str]:
    """The names that did the mention's act, as its own sentence writes them: not a place, not a name
    the sentence does not hold (lent by a sentence before it), not a possessive ("Rahn's aide said")."""
    text = mention.sentence.text
    found = []
    for name in mention.subjects or ():
        at = text.find(name)
        if name in mention.places or at < 0 or not _personal(name):
            continue
        if text[at + len(name) :].lstrip().startswith(("'s", "\u2019s", "' ")):
            continue
        found.append(name)
    return found


def _personal(name: str) -> bool:
    """A name whose last word is written like a person's or a body's (``Rahn``), not an initialism."""
    last = name.split()[-1]
    return len(last) > 2 and last.isalpha() and last[0].isupper() and not last.isupper()


def _same_doer(names: list[str], others: list[str]) -> bool:
    """The same name, or a surname alone for the full name ("Rahn" / "Minister Lena Rahn"); not two
    people sharing a surname ("Lena Rahn" / "Ivo Rahn")."""
    for a in names:
        for b in others:
            if a == b or (" " not in a and b.split()[-1] == a) or (" " not in b and a.split()[-1] == b):
                return True
    return False


def _continuations(
    lead: EventMention, mentions: list[EventMention], home: dict[int, int], attested: bool
) -> list[EventMention]:
    """The article's later mentions, in other events than the lead's, reported as done on the lead's day
    (``_told_as_done``) by one of the lead's named doers, named in their own sentence with their own verb.

    A sentence the events stage lent such a continuation's action and names (``_lent``) follows it only
    when other outlets tell the lead's happening too (``attested``): the long account of a main happening.
    Of an article's own story, on four Entities topics, such sentences were mostly background (a career,
    an earlier offence), not more of the day."""
    doers = _doers(lead)
    found: list[EventMention] = []
    for mention in mentions:
        if mention.sentence.index <= lead.sentence.index or home[id(mention)] == home[id(lead)]:
            continue
        if mention.status == "background" or not _same_day(mention, lead) or not _told_as_done(mention):
            continue
        if _own_words(mention):
            if _same_doer(_doers(mention), doers):
                found.append(mention)
        elif attested and found and _lent(found[-1], mention, home):
            found.append(mention)
    return found


def _lent(source: EventMention, mention: EventMention, home: dict[int, int]) -> bool:
    """``mention`` carries ``source``'s action and names (lent by the events stage) in ``source``'s event."""
    return (
        home[id(mention)] == home[id(source)]
        and mention.trigger == source.trigger
        and mention.actors == source.actors
        and mention.terms == source.terms
    )


def _told_as_done(mention: EventMention) -> bool:
    """Its own date, or the day of a past-tense report ("she opened the bridge"): not a present state or a
    perfect's background ("Rahn is barred from ...", "Rahn has had a difficult year"), nor a sentence
    naming an earlier time (a year before, a decade, "once": "Rahn once said ...", "fled in 1983")."""
    if mention.date_source != "expression" and not mention.date_rule.endswith(".past"):
        return False
    year = mention.date.start.year if mention.date else 0
    return not _earlier_named(_words(mention.sentence.text), year)


def _same_day(mention: EventMention, lead: EventMention) -> bool:
    when = mention.date
    return when is not None and when.granularity in _DAY and when.start == lead.date.start


def _own_words(mention: EventMention) -> bool:
    """The mention's action is its own sentence's word, not one lent by a sentence before it (the events
    stage's ``group_same_happening``: "The Ostrian government also expressed its condolences" lent
    "condemned" and its subject by the lead): a lent subject is no evidence of the lead's actor."""
    return bool(mention.trigger) and mention.trigger.lower() in mention.sentence.text.lower()

"""How well two dated mentions' contents match, and whether the match is strong enough for a conflict."""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.merge.features import (
    _ALLIED,
    _DAY,
    CONFLICT_TERMS,
    RECURRING,
    RETELL_FAR,
    RETELL_WINDOW,
    SAME_DAY_TERMS,
    MentionFeatures,
    _apart,
    _content,
    _lexicon,
    _matching_actors,
    _near_identical,
    _outside,
    _outside_subject,
    _shared_actors,
    _shared_specifics,
)
from timeline.names import (
    frozen_keys_match,
)
from timeline.temporal.timex import cached_value_to_date
from timeline.text import (
    AUXILIARIES,
    LIGHT_VERBS,
    concept,
    verb_lemma,
)
from timeline.types import DateValue, EventMention

_FRAMING_HEADS = frozenset(
    {"begin", "end", "v:occur", "v:happen", "v:become", "v:take", "v:follow"}
) | frozenset(f"v:{verb_lemma(w)}" for w in LIGHT_VERBS | AUXILIARIES)


def _reacts(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One report's action is done to the other's, named after its verb ("deplored the blasts" / "bombs
    exploded"): a reaction, another happening, however much else they share."""
    return (b.head in a.objects or a.head in b.objects) and _reaction(a, b)


def _reaction(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Two different actions of their own, sharing a concept only as one's object or circumstance:
    "condemned the bombing" / "a bomb exploded", "attended a vigil ... after he was killed" / "was killed".
    A reaction to an event is another event; allied actions (a death toll and its attack) are not."""
    actions_a, actions_b = _own_actions(a), _own_actions(b)
    if not (actions_a and actions_b) or actions_a & actions_b:
        return False
    return not any(_ALLIED.get(x, frozenset()) & actions_b for x in actions_a)


def _own_actions(f: MentionFeatures) -> frozenset[str]:
    """The action a report tells: its trigger's concept, or, for a framing verb that only starts what its
    object names ("launched strikes", "opened talks"), that object's; none for a framing verb alone."""
    if f.head is None:
        return frozenset()
    if f.head not in _FRAMING_HEADS:
        return frozenset({f.head})
    return f.started if f.head == "begin" else frozenset()


def match_score(a: MentionFeatures, b: MentionFeatures, *, undated: bool = False) -> tuple[float, bool]:
    """How well two mentions' contents match (0 = not the same event) and whether the match is strong.

    A strong match (same trigger concept, two shared concepts, a shared actor)
    is strong enough to call differing dates a conflict rather than two events.
    """
    if a.kind != b.kind:
        return 0.0, False
    shared_concepts = len(a.concepts & b.concepts)
    if a.kind == "statement":
        if not (a.speaker and b.speaker and frozen_keys_match(a.speaker, b.speaker)):
            return 0.0, False
        shared_terms = len(a.terms & b.terms)
        if undated and shared_concepts == 0 and shared_terms < 2:
            return 0.0, False
        # two reports told with a publishing verb ("<a paper> reported that ...", "as <its editor> wrote")
        # name the paper as their speaker whatever they tell: one happening only when they say something alike
        if a.published and b.published and shared_concepts == 0 and a.told.isdisjoint(b.told):
            return 0.0, False
        return 3.0 + shared_concepts + 0.25 * shared_terms, False
    if shared_concepts == 0 or _apart(a, b):
        return 0.0, False
    if _reacts(a, b):
        return 0.0, False  # one report's action is done to the other's ("deplored the blasts")
    if shared_concepts < 2 and _reaction(a, b):
        return 0.0, False  # the one shared concept is what one report reacts to, not what both report
    shared_terms = len(a.terms & b.terms)
    # the actors matched once, for the count with and without places (``_shared_actors`` twice before)
    matched = _matching_actors(a, b) if b.actors else []
    shared_actors = len(matched)
    same_head = a.head is not None and a.head == b.head
    # joining without any date evidence needs the same action and actor, or a lot in common
    if undated and not ((same_head and shared_actors >= 1) or (shared_concepts >= 2 and shared_actors >= 2)):
        return 0.0, False
    # near-identical wording is the same event on compatible dates however short the sentence;
    # calling differing dates a conflict on wording alone also needs two specific words in common
    retold = same_head and _near_identical(a, b)
    if shared_actors == 0 and shared_concepts < 2 and not retold:
        return 0.0, False
    score = 2.0 * shared_concepts + 1.5 * shared_actors + (1.0 if same_head else 0.0) + 0.25 * shared_terms
    # a shared place says where, not which event: calling differing dates a conflict needs a shared person
    # (counted only when ``strong`` can be true)
    people = _outside(matched, a.places | b.places) if same_head and matched else 0
    strong = same_head and people >= 1 and (shared_concepts >= 2 or _shared_specifics(a, b) >= CONFLICT_TERMS)
    retold_specifically = retold and len(a.specific.intersection(b.specific_words)) >= SAME_DAY_TERMS
    # a date told by a party the other report does not name ("the Council condemned the bombing on
    # Thursday") may be that party's own action: no ground for calling the dates a conflict
    return score, (strong or retold_specifically) and not _outside_subject(a, b)


# memory (issue #13): the repeats are pairs met again soon after; a 1,000-article merge keeps 95% of its
# hits with 1,024 entries (a 16,384-entry cache held 4.7 MB for 5% hits)
@lru_cache(maxsize=1024)
def _cached_match(a: MentionFeatures, b: MentionFeatures, undated: bool) -> tuple[float, bool]:
    """``match_score`` memoised: the same contents meet again and again in a large collection."""
    return match_score(a, b, undated=undated)


def _same_distance_from_publication(a: EventMention, b: EventMention) -> bool:
    """Both dates are read relative to their own article's publication day, at the same distance.

    Two sources that disagree about one event were published about the same time; two articles
    published days apart that each say "on <their own day>" are reporting two days of a recurring
    story, however alike their sentences.
    """
    offsets = []
    for mention in (a, b):
        expression = mention.expression
        if expression is None or expression.anchor != "publication" or mention.date is None:
            return False
        anchor = cached_value_to_date(expression.anchor_value or "")
        if anchor is None or anchor.granularity != "day":
            return False
        offsets.append((mention.date.start - anchor.start).days)
    return offsets[0] == offsets[1]


def _recalled(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> bool:
    """A background mention ("last year's bombing of the courthouse") recalls a story event it contains
    ("a bomb exploded at the courthouse on Friday"): the same action, a specific word in common and a
    second one or a shared actor (a person or a place).  It then joins that event as a source agreeing
    at its coarser precision, instead of standing apart as a second event."""
    if a.date is None or b.date is None or not (a.date.contains(b.date) or b.date.contains(a.date)):
        return False
    if fa.kind != "occurrence" or fb.kind != "occurrence" or fa.head is None or fa.head != fb.head:
        return False
    if _apart(fa, fb):
        return False
    specific = len(fa.specific.intersection(fb.specific_words))
    return specific >= 1 and specific + _shared_actors(fa, fb) >= CONFLICT_TERMS


# Wording that says a date recurs: the same day a year apart is then another occurrence, not a typo.
_RECURRENCE = re.compile(r"\b(?:anniversar\w*|annual\w*|yearly|every year|each year)\b", re.IGNORECASE)


def _retold_with_wrong_year(
    a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures
) -> bool:
    """The same occurrence on the same day of the year, one year off, told in other words: the same
    action, a shared person and a specific word in common ("killed by a sniper").  One source has the
    year wrong: a conflict to show, not a second event.  Anniversaries and annual events are not."""
    if fa.kind != "occurrence" or fa.head is None or fa.head != fb.head:
        return False
    if _RECURRENCE.search(a.sentence.text) or _RECURRENCE.search(b.sentence.text):
        return False
    if fa.concepts & RECURRING or fb.concepts & RECURRING:
        return False
    people = _shared_actors(fa, fb, ignore=fa.places | fb.places)
    return people >= 1 and not fa.specific.isdisjoint(fb.specific_words)


def _same_day_score(
    a: DateValue,
    b: DateValue,
    f: MentionFeatures,
    of: MentionFeatures,
    planned: bool = False,
    allied: frozenset[str] | None = None,
    content: frozenset[str] | None = None,
    *,
    unstated: bool = False,
) -> float:
    """Same-day reports of one occurrence in different words: a death toll with its attack, or
    reports sharing enough specific words and places ("collapsed" / "fell down" beside the depot).

    ``unstated``: two articles' sentences neither of which states its day (both dated by their
    publication days).  A place both name is then no evidence: any two reports of a story published on
    one day name its country, an essay's general remarks as well as a regulator's statement.

    Two announcements of the same kind of event for the same day ("an emergency meeting on Thursday")
    need only one shared specific word: plans are told in few words, and rarely two alike for one day.
    ``allied`` and ``content``: ``allied_concepts(f)`` and ``_content(f)``, when the caller has them.
    """
    if (
        f.kind != "occurrence"
        or of.kind != "occurrence"
        or not (a.granularity in _DAY and b.granularity in _DAY)
    ):
        return 0.0
    score = _same_day_evidence(f, of, planned, allied, content, unstated=unstated)
    # reports of two places or parties are two happenings: tested last, only for a pair that would match
    # (the name comparisons cost more than the rest)
    return 0.0 if score > 0 and _apart(f, of) else score


def allied_concepts(f: MentionFeatures) -> frozenset[str]:
    """The concepts another report of ``f``'s happening may use for one of ``f``'s (``_ALLIED``)."""
    allied: frozenset[str] = frozenset()
    for c in f.concepts:
        allied |= _ALLIED.get(c, frozenset())
    return allied


def _same_day_evidence(
    f: MentionFeatures,
    of: MentionFeatures,
    planned: bool,
    allied_to: frozenset[str] | None = None,
    content: frozenset[str] | None = None,
    *,
    unstated: bool = False,
) -> float:
    """``_same_day_score`` of two day-precise occurrences before telling places and parties apart
    (``allied_to``, ``content``: of ``f``, worked out here unless given: speed, a mention placed meets
    dozens of members)."""
    if allied_to is None:
        allied_to = allied_concepts(f)
    # a death toll with its attack, not a reaction to the attack ("condemned the bombing")
    allied = not allied_to.isdisjoint(of.concepts) and not _reaction(f, of)
    shared = _shared_content(_content(f) if content is None else content, of)
    if not unstated:
        shared += len(f.places & of.places)
    if allied and (shared >= 1 or _shared_actors(f, of) >= 1):
        return 1.5 + 0.25 * shared
    # two different actions of the lexicon (a call, a visit) on one day are two events
    lexicon_heads = not (f.head or "v:").startswith("v:") and not (of.head or "v:").startswith("v:")
    if shared >= SAME_DAY_TERMS and not (lexicon_heads and f.head != of.head) and not _reacts(f, of):
        return 1.0 + 0.25 * shared
    if planned and shared >= 1 and _lexicon(f.concepts) & _lexicon(of.concepts):
        return 1.0 + 0.25 * shared
    return 0.0


def _shared_content(content: frozenset[str], of: MentionFeatures) -> int:
    """``len(content & _content(of))`` without making ``_content(of)``: its specific words, and its action's
    stem when that is not one of them."""
    shared = len(content.intersection(of.specific_words))
    action = of.action
    if action and action in content and action not in of.specific_words:
        shared += 1
    return shared


# The concept a later report of an attack's toll carries ("the death toll rose to 12"), and what it retells.
_TOLL = "death"
_TOLD_OF = frozenset({"attack", "death"})


def retelling(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> bool:
    """``a`` is a later report of ``b``'s happening: a toll counted again (``toll_retold``) or a sentence
    whose date is unstated retelling it on strong evidence (``unstated_retelling``).  It joins ``b``'s event
    keeping its own date, with no conflict, and does not date the event."""
    return toll_retold(a, fa, b, fb) or unstated_retelling(a, fa, b, fb) > 0


# date sources a sentence gets without stating a date: its publication day, or the story's day it goes on with
UNSTATED = frozenset({"publication-implicit", "narrative"})
# the ``date_rule`` of a publication-implied date that may retell: a past-tense or perfect report, not a lead
_RETOLD_RULES = frozenset({"past", "perfect"})
FAR_RETELLING_EVIDENCE = 2  # ... when long after, or told with a plain verb: a name and one more
RETELLING_EVIDENCE = 1  # shared people, places and specific words an unstated retelling needs


def unstated_retelling(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> float:
    """How strongly ``a``, dated only by its publication day or narrative, retells ``b``'s earlier
    happening (0: it does not).  "The blast killed 224 people" in a paper weeks later is not news of its own
    day: the text states no date, so nothing contradicts the earlier one.

    It needs ``b``'s action named in ``a`` (the same action, an allied one, or the happening's noun under a
    verb that only frames or describes it: "the fire broke out", "was so fierce"), nothing telling them
    apart (places, subjects, another action governing the noun, one reacting to the other), and at least
    ``RETELLING_EVIDENCE`` in common among named people, places and specific words, or near-identical
    wording.  Recurring kinds (meetings, calls, protests) are left alone: the next one is news."""
    return retold_content(a, fa, b, fb) if may_retell(a, fa) else 0.0


def may_retell(a: EventMention, fa: MentionFeatures) -> bool:
    """``a`` is a report that could retell an earlier happening (``unstated_retelling``'s tests of ``a``
    alone, done once per mention): a past or perfect clause with an unstated date, told by its own words."""
    if a.date_source not in UNSTATED or a.date is None or fa.kind != "occurrence":
        return False
    if a.date_source == "publication-implicit" and a.date_rule.partition(".")[2] not in _RETOLD_RULES:
        return False  # a lead, a present or progressive report is the publication day's own news
    return _own_words(a)


def retold_content(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> float:
    """``unstated_retelling`` for an ``a`` that ``may_retell``: the dates and the contents."""
    assert a.date is not None
    if b.date is None or fb.kind != "occurrence" or fb.head is None:
        return 0.0
    if fb.head in RECURRING or fb.head not in fa.concepts:
        return 0.0  # (first: the cheapest test, which most pairs fail)
    start = a.earliest if a.earliest is not None and a.earliest < a.date.start else a.date.start
    if not (b.date.end < start and start - b.date.end <= RETELL_FAR):
        return 0.0
    # long after, or with a plain verb for the action ("was shot"), a named person or place must be shared
    needs_name = start - b.date.end > RETELL_WINDOW or fb.head.startswith("v:")
    if not _names_happening(fa, fb):
        return 0.0
    # a word of the happening itself ("bomb" for a bombing) says which kind, not which one
    words = sum(1 for word in fa.specific.intersection(fb.specific_words) if concept(word) is None)
    # speed (issue #13): ``a`` names no one and no place, so nothing named is shared, and the name
    # comparisons below cannot change the answer (the same tests as at the end, made early)
    if not (fa.actors or fa.places) and (needs_name or words == 0):
        return 0.0
    if needs_name and _copula(fa):
        return 0.0
    if _apart(fa, fb) or (_reacts(fa, fb) and not _describes(fa)):
        return 0.0
    people = _shared_actors(fa, fb, ignore=fa.places | fb.places)
    places = 1 if fa.places and frozen_keys_match(fa.places, fb.places) else 0
    evidence = people + places + words
    # the happening's noun plus its place or a person in common, or several specific words
    named = people + places >= 1
    if needs_name and not (named and evidence >= FAR_RETELLING_EVIDENCE) or (needs_name and _copula(fa)):
        return 0.0
    if not named and evidence < RETELLING_EVIDENCE and not (_near_identical(fa, fb) and words >= 1):
        return 0.0
    return 1.0 + 0.5 * evidence


def _own_words(mention: EventMention) -> bool:
    """The mention's trigger is a word of its own sentence: a clause that took a nearby report's content
    (``timeline/events``: one happening told over several sentences) retells nothing by itself."""
    first = mention.trigger.split()[0].lower() if mention.trigger else ""
    return bool(first) and first in mention.sentence.text.lower()


def _copula(f: MentionFeatures) -> bool:
    """An auxiliary read as the action ("it was likely ...", "had been"): too little to retell from afar."""
    return f.head in _AUXILIARY_HEADS


_AUXILIARY_HEADS = frozenset(f"v:{w}" for w in AUXILIARIES) | frozenset(
    f"v:{verb_lemma(w)}" for w in AUXILIARIES
)


def _describes(f: MentionFeatures) -> bool:
    """A plain verb with no named party doing it ("was cut in the blast", "were talking when the bomb went
    off"): it describes the happening it names; "Norland condemned the bombing" is Norland's own act."""
    return not f.subjects and (f.head or "").startswith("v:")


def _names_happening(fa: MentionFeatures, fb: MentionFeatures) -> bool:
    """``a``'s own action is ``b``'s, an allied one, or a verb that is no happening of the lexicon."""
    if fa.head is None:
        return False
    allied = _ALLIED.get(fb.head or "", frozenset())
    return fa.head == fb.head or fa.head in allied or fa.head.startswith("v:")


def toll_retold(a: EventMention, fa: MentionFeatures, b: EventMention, fb: MentionFeatures) -> bool:
    """``a`` is a later report of the toll of ``b``'s attack (or of its earlier toll): the dead counted
    again days later ("at least 30 were killed", "the toll has risen to 34").  It joins the attack's
    event as a retelling, its own date kept and no conflict: it tells the same happening, later.

    It needs the toll as its action, a date after the attack's within ``RETELL_WINDOW``, a place or a specific
    word in common, and no named person in common: one person's death told on two days is a conflict."""
    if fa.head != _TOLL or fb.head not in _TOLD_OF:  # first: the cheap test that nearly always fails
        return False
    if (
        a.date is None
        or b.date is None
        or fa.kind != "occurrence"
        or fb.kind != "occurrence"
        or _apart(fa, fb)
    ):
        return False
    if not (b.date.end < a.date.start and a.date.start - b.date.end <= RETELL_WINDOW):
        return False
    if _shared_actors(fa, fb, ignore=fa.places | fb.places):
        return False  # a named person's death told on another day: the sources disagree (a conflict)
    shared_places = fa.places and frozen_keys_match(fa.places, fb.places)
    return bool(shared_places or not fa.specific.isdisjoint(fb.specific_words))

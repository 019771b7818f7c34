"""Later reports retelling a happening several outlets told: a lone sentence joins it as a retelling.

Papers days or months after a happening tell it again in a sentence or two ("The floods killed more
than 40 people", "The two fires broke out almost together", "Her brother died when the bridge fell"),
dated only by their own publication day or narrative.  The merge's mention rules compare such a sentence's
action and names with the happening's reports and often miss it: the events stage may have read another
action in it, or its article's same-day news took it first.  After the other steps, a sentence whose date
it does not state (a past or perfect report dated by its paper's day, or by the narrative), in an event
only its own article tells (or two articles, when all that event holds are such sentences: one wire
sentence printed by two papers), joins the earlier event ``RETOLD_SOURCES`` or more outlets tell when

- it names that event's action in its own words (a word of the event's lexicon concept, or an allied
  one: a death toll for an attack; an irregular participle after "was"/"were" by its verb: "was shot"),
- its article is not among the event's sources, unless the article's sentence just before tells the event,
  the article tells it only as the past (its background: "... on March 7 killed 12 people." then "Of those
  killed, two were killed at the gate.") and a past verb of the sentence names the action (``_past_verb``),
- and it is similar to one of the event's sentences: the TF-IDF cosine with the most similar one reaches
  ``RETOLD_WORDING`` (IDF over the collection's sentences, as ``similar.py``; a retelling repeats one
  report's words, and against all of the event's sentences together a short sentence weighs little),
  the most similar such event winning;

the same sentence printed by another paper of its event goes where that print goes.

It joins as a ``retelling`` (a day the event's date allows: same or compatible date): its own date is
kept, it states no date that could disagree, and it never dates the event.  Measured on the AQUAINT merge
gold (``docs/accuracy.md``, "Merge, session 6" and "Merge, session 8b").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

from timeline.merge.articles import _without
from timeline.merge.clusters import Sources, _Cluster, sources_of
from timeline.merge.conflicts import _retelling, settle_moves
from timeline.merge.dates import bounds
from timeline.merge.evidence import date_kind, join_reason
from timeline.merge.features import _ALLIED, RETELL_FAR, features
from timeline.merge.scoring import _RETOLD_RULES, UNSTATED
from timeline.merge.similar import Vector, _closest_member, _cosine, _event_date, _Members, _Space
from timeline.text import IRREGULAR_VERBS, PHRASAL_CONCEPTS, concept, lower_words
from timeline.types import DateValue, EventMention

RETOLD_SOURCES = 3  # outlets an event needs to be a happening later papers retell
# outlets the retelling sentence's event may have: its article alone, or two when all it holds are retellings
# (one wire sentence two papers print weeks later)
RETOLD_MOVES = 2
RETOLD_WORDING = 0.18  # TF-IDF cosine of the sentence with the event's most similar sentence
# ... compared only when the sentence's cosine with all of the event's sentences together reaches this
# (speed: a cheap bound that, measured, keeps every join)
_CANDIDATE_WORDING = 0.05
# the sentence after its article's own background retelling may join the event that holds it
# (``_tells_as_past``; docs/accuracy.md, "Merge, session 8b")
OWN_BACKGROUND = True
_SHOWN_WORDS = 4  # the heaviest shared words named in the join's reason


def join_retold(
    clusters: list[_Cluster], copies: dict[str, str] | None = None, idf: dict[str, float] | None = None
) -> list[_Cluster]:
    """The clusters after each lone article's unstated sentence retelling an earlier happening several
    outlets told has joined that happening's event; ``idf``: the collection's (``similar.sentence_idf``)."""
    copies = copies or {}
    sources = sources_of(clusters, copies)
    targets = _targets(clusters, sources)
    if not targets:
        return clusters
    space = _Space(clusters, idf)
    naming, members = _Naming(), _Members(clusters, space)
    by_concept: dict[str, list[int]] = defaultdict(list)  # the targets each concept names
    for cid, (_, concepts) in targets.items():
        for name in concepts:
            by_concept[name].append(cid)
    moved: dict[int, list[EventMention]] = defaultdict(list)
    received: set[int] = set()
    for cid, cluster in enumerate(clusters):
        if cid in targets or not _mover(cluster, len(sources[cid])):
            continue
        sentences = _sentences(cluster)
        found_for = [
            _best_target(mentions[0], targets, clusters, sources, space, members, naming, by_concept)
            for mentions in sentences
        ]
        by_text = {ms[0].sentence.text: f for ms, f in zip(sentences, found_for, strict=True) if f}
        for mentions, found in zip(sentences, found_for, strict=True):
            # one wire sentence two papers print goes where one of its prints goes (the other paper may
            # tell the happening elsewhere in its article)
            found = found or by_text.get(mentions[0].sentence.text)
            if found is None:
                continue
            into, cosine = found
            vectors = (space.text_vector([mentions[0].sentence.text]), space.vector(into))
            _join(mentions, clusters[into], targets[into][0], cosine, vectors)
            moved[cid].extend(mentions)
            received.add(into)
    if not moved:
        return clusters
    kept = [_without(c, moved[cid]) if cid in moved else c for cid, c in enumerate(clusters)]
    return settle_moves(kept, received, copies)


_Targets = dict[int, tuple[DateValue, frozenset[str]]]  # event index -> its date, the concepts naming it


def _targets(clusters: list[_Cluster], sources: list[Sources]) -> _Targets:
    """Events of ``RETOLD_SOURCES`` outlets or more: their date and the concepts that name their action."""
    targets = {}
    for cid, cluster in enumerate(clusters):
        if len(sources[cid]) < RETOLD_SOURCES:
            continue
        when = _event_date(cluster)
        heads = Counter(
            f.head for m, f in cluster.reps if not _retelling(m) and f.head and not f.head.startswith("v:")
        )
        if when is None or not heads:
            continue
        head = heads.most_common(1)[0][0]
        targets[cid] = (when, frozenset({head}) | _ALLIED.get(head, frozenset()))
    return targets


def _mover(cluster: _Cluster, sources: int) -> bool:
    """An event whose sentences may move: one article's, or a few articles' retellings only."""
    return sources == 1 or (sources <= RETOLD_MOVES and all(_may_retell(m) for m in cluster.mentions))


def _may_retell(mention: EventMention) -> bool:
    """Dated, the date unstated; by the publication day, a past or perfect report (a lead or a present
    report is the day's own news, as ``scoring.may_retell`` has it)."""
    if mention.date is None or mention.date_source not in UNSTATED:
        return False
    rule = mention.date_rule.partition(".")[2]
    return mention.date_source != "publication-implicit" or rule in _RETOLD_RULES


def _sentences(cluster: _Cluster) -> list[list[EventMention]]:
    """The cluster's mentions that may retell (``_may_retell``), grouped by sentence."""
    by_sentence: dict[tuple[str, int], list[EventMention]] = defaultdict(list)
    for mention in cluster.mentions:
        if _may_retell(mention):
            by_sentence[(mention.document, mention.sentence.start)].append(mention)
    return list(by_sentence.values())


def _best_target(
    mention: EventMention,
    targets: _Targets,
    clusters: list[_Cluster],
    sources: list[Sources],
    space: _Space,
    members: _Members,
    naming: _Naming,
    by_concept: dict[str, list[int]],
) -> tuple[int, float] | None:
    """The earlier event whose action the sentence names with the most similar sentence, above
    ``RETOLD_WORDING``."""
    start, _ = bounds(mention)
    named = naming.named(mention.sentence.text)
    vector: Vector | None = None
    best: tuple[int, float] | None = None
    for cid in sorted({cid for c in named for cid in by_concept.get(c, ())}):
        when = targets[cid][0]
        if when.start > start or start - when.end > RETELL_FAR:
            continue
        if mention.document in sources[cid] and not (
            OWN_BACKGROUND
            and targets[cid][1] & naming.named(mention.sentence.text, past_verbs=True)
            and _tells_as_past(clusters[cid], mention, start)
        ):
            continue
        vector = vector or space.text_vector([mention.sentence.text])
        if _cosine(vector, space.vector(cid)) < _CANDIDATE_WORDING:
            continue
        cosine = max((_cosine(vector, other) for other in members.vectors(cid)), default=0.0)
        if cosine >= RETOLD_WORDING and (best is None or (cosine, -cid) > (best[1], -best[0])):
            best = (cid, cosine)
    return best


def _tells_as_past(cluster: _Cluster, mention: EventMention, day: date) -> bool:
    """The article's sentence just before tells the event, and the article tells it only as the past (each
    of its mentions there a retelling, or dated before ``day``, the sentence's): the sentence goes on with
    that background ("... on March 7 killed 12 people." then "Of those killed, two were guards.")."""
    own = [m for m in cluster.mentions if m.document == mention.document]
    return any(m.sentence.index == mention.sentence.index - 1 for m in own) and all(
        _retelling(m) or bounds(m)[1] < day for m in own
    )


def _aside(words: list[str], index: int) -> bool:
    """The word names something the sentence only situates by: a relative clause's verb after "that" or
    "which" ("the bullet that killed him" tells of the bullet), or a noun shortly after "since" ("surgery
    since the bombing" tells of the surgery)."""
    if index and words[index - 1] in ("that", "which"):
        return True
    return "since" in words[max(0, index - _SINCE_WORDS) : index]


_SINCE_WORDS = 4  # "since the Norland embassy bombing"


def _past_verb(words: list[str], index: int) -> bool:
    """The word is a past form ("killed", "shot") outside a clause about something else: not shortly after
    "that", "which" or "who" ("the claim that rebels killed the guards" tells of the claim)."""
    word = words[index]
    if not (word.endswith("ed") or word in IRREGULAR_VERBS):
        return False
    return not any(other in _CLAUSE_OPENERS for other in words[max(0, index - _SINCE_WORDS) : index])


_CLAUSE_OPENERS = frozenset({"that", "which", "who"})


class _Naming:
    """The lexicon concepts a sentence's own words name (two-word actions included: "went off"; words
    only situating something else left out, ``_aside``), each word looked up once."""

    def __init__(self) -> None:
        self._seen: dict[str, str | None] = {}  # word (or two words) -> its concept

    def named(self, text: str, past_verbs: bool = False) -> frozenset[str]:
        """``past_verbs``: only words in a past form ("killed", "were arrested", "shot"), the clause telling
        the happening again, not a noun situating something else ("after their arrest", "the victory")."""
        words = lower_words(text)
        seen, found = self._seen, set()
        for i, word in enumerate(words):
            if past_verbs and not _past_verb(words, i):
                continue
            named = seen[word] if word in seen else self._concept(word)
            if named is None and i and words[i - 1] in _PASSIVE_AUXILIARIES and word in IRREGULAR_VERBS:
                named = self._concept(IRREGULAR_VERBS[word])  # "was shot": the verb's, not the noun's
            if named and not _aside(words, i):
                found.add(named)
        found.update(
            self._concept(f"{first} {second}")
            for first, second in zip(words, words[1:], strict=False)
            if second in _PHRASAL_SECONDS
        )
        return frozenset(c for c in found if c)

    def _concept(self, word: str) -> str | None:
        seen = self._seen
        if word not in seen:
            seen[word] = concept(word)
        return seen[word]


# an irregular past participle after one of these is a passive verb ("was shot with a rifle"), read by its
# verb's concept though the word alone names none (the noun "shot" is no attack); the lexicon lists the
# regular forms it reads ("killed"), so a regular one it leaves out ("was called") stays out
_PASSIVE_AUXILIARIES = frozenset({"was", "were", "been", "being"})
_PHRASAL_SECONDS = frozenset(second for _, second in PHRASAL_CONCEPTS)


def _named_concepts(text: str) -> frozenset[str]:
    """The lexicon concepts the sentence's own words name."""
    return _Naming().named(text)


def _join(
    mentions: list[EventMention],
    into: _Cluster,
    when: DateValue,
    cosine: float,
    vectors: tuple[Vector, Vector],
) -> None:
    """Move the sentence's mentions into ``into`` (dated ``when``) as a retelling, or on a same or
    compatible date when the event's date allows theirs; each one's join says why."""
    member, of = _closest_member(mentions[0], into)
    vector, other = vectors
    shared = sorted(set(vector) & set(other), key=lambda w: (-vector[w] * other[w], w))[:_SHOWN_WORDS]
    for mention in mentions:
        f = features(mention)
        kind = _kind(mention, member, when)
        reason = join_reason(mention, f, member, of, kind)
        mention.join = replace(
            reason,
            terms=tuple(dict.fromkeys(reason.terms + tuple(shared)))[:6],
            date=f"{reason.date}; retells what several outlets reported (TF-IDF cosine {cosine:.2f})",
        )
        into.add_reason(mention.join)
        into.add(mention, f)


def _kind(mention: EventMention, member: EventMention, when: DateValue) -> str:
    """A later day is a retelling; a day the event's date allows joins it as any report of that day."""
    start, end = bounds(mention)
    if start <= when.end and when.start <= end:
        return date_kind(mention, member)
    return "retelling"

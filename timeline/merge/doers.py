"""A statement of the act's doer reports the act: "President Kell said on Friday he had ordered the raids".

The merge compares a statement only with statements of its speaker (``scoring.match_score``), so one
outlet's words of the head of state who ordered a happening stand apart from another outlet's report of
it ("Norland's forces launched raids on Friday on camps in Ostria"), though both tell one act.  Once the
events are formed, a statement whose reported clause, right after its saying verb (a date and "that"
between them at most), tells an act done by the speaker or by those the speaker commands ("he had
ordered the raids", "its forces had struck the camps", "troops carried out the raids": a pronoun, or a
force noun with no other party's name before it, then an active past verb: no passive, no modal, no
plan) joins the event of a report of that act: the same lexicon action of force or authority (the
reported verb's own concept, or, for a verb of ordering or carrying out, the concept of the head of the
noun phrase it governs), on the saying day or the day before, with two named parties or specific words in
common, and no named doer in the report that the statement does not name.  A reaction to the act ("Ostria
said it condemned the raids", "voiced support for the strikes") tells no act of the speaker's: nothing
joins it.  The statement keeps its own date (the day after the act is a later report of it: a
``retelling``, no conflict).  In the event it joins, other speakers' statements that tell no act of the
event's and whose speaker its reports do not name leave: reactions (``_reactions_apart``).
A statement whose reported clause tells, with an active past verb of the same acts, an act of a named
third party or of a force noun ("a police spokesman said the Norland agency arrested Kell early
Thursday": a statement, or the act's own mention when the extractor took the act's verb as its trigger)
joins likewise the event of another article's report of that act (an occurrence of it, or a statement
telling it with a verb: "an individual was arrested, police said"), told on the statement's day or dated
only by its paper on the day after, with the same evidence and no other doer; reason "statement of a
reported act" (``_reported_target``).
Measured in ``docs/accuracy.md``, "Merge, session 10 (strikes38)" and "(arrest52)".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.conflicts import settle_moves
from timeline.merge.evidence import confidence, date_kind, join_reason
from timeline.merge.features import _ALLIED, _DAY, _NOT_EVIDENCE, MentionFeatures, features
from timeline.merge.scoring import _own_actions
from timeline.names import extract_names, frozen_keys_match, name_words
from timeline.text import (
    DETERMINERS,
    REPORTING_VERBS,
    STOPWORDS,
    WORD,
    _wordset,
    concept,
    is_past_form,
    is_reporting,
    tokenize,
    verb_flags,
    verb_lemma,
    word_stem,
)
from timeline.types import EventMention, JoinReason

DOER_JOIN = "statement of the act's doer"
REPORTED_JOIN = "statement of a reported act"
NAME_REACH = 4  # words of a named party that is a reported clause's subject ("the Norland Security Agency")
DOER_EVIDENCE = 2  # named parties and specific words the statement's clause shares with the report
OBJECT_REACH = 4  # words of the noun phrase an ordering verb governs ("the three overnight air raids")
# between the saying verb and the clause's subject: a stated day, "that"
_BEFORE_SUBJECT = _wordset(
    """that on late early yesterday today tonight last night morning afternoon evening this ,
    monday tuesday wednesday thursday friday saturday sunday"""
)
_SUBJECT_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "it"})
_POSSESSIVES = frozenset({"his", "her", "its", "our", "their", "the", "my"})
# those a speaker commands or speaks for
_FORCES = _wordset(
    """forces troops soldiers army military navy police officers units warplanes aircraft jets planes
    government security agents marines"""
)
_HAVE = frozenset({"had", "has", "have", "'d", "'ve"})
_ADVERBS = frozenset({"also", "personally", "already", "just", "then", "successfully"})
# verbs whose object is the act: "ordered the raids", "carried out the strikes"
_ORDERING = frozenset(
    {"order", "authorize", "authorise", "direct", "command", "launch", "carry", "conduct", "mount", "stage"}
)
_FRAMES = frozenset({"begin", "end"})  # concepts that frame an act rather than name it
# acts of force or authority, which a speaker does or commands: not what befalls one ("she died"), an
# opinion ("he agreed that ...") or a find ("she found him charming")
_COMMANDED = frozenset({"attack", "arrest", "sanction", "deploy", "withdraw", "invasion", "resign"})


@dataclass(frozen=True)
class Act:
    """What a statement's reported clause says its speaker did: the act's lexicon concepts, and the
    clause's named parties' words and specific stems (its evidence)."""

    concepts: frozenset[str]
    names: frozenset[str]
    stems: frozenset[str]
    third_party: bool = False  # another party's act the speaker reports, not the speaker's own


def join_doers_statements(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters after each statement of an act's doer (``reported_act``) has joined the event of a
    report of that act (``_target``)."""
    statements = [
        (cid, m, act)
        for cid, c in enumerate(clusters)
        for m in c.mentions
        if (act := _statement_act(m)) is not None
    ]
    if not statements:
        return clusters
    reports = _reports_by_day(clusters)
    gone: dict[int, list[EventMention]] = {}
    received: set[int] = set()
    reported: set[int] = set()  # events only statements of another party's act joined: no reactions out
    for cid, mention, act in statements:
        if act.third_party:
            found = _reported_target(mention, act, cid, clusters)
        else:
            found = _target(mention, act, cid, clusters, reports)
        if found is None:
            continue
        target, report = found
        mention.join = _reason(mention, act, report)
        clusters[target].add_reason(mention.join)
        clusters[target].add(mention, features(mention))
        gone.setdefault(cid, []).append(mention)
        received.add(target)
        if act.third_party:
            reported.add(target)
    if not gone:
        return clusters
    kept = [_without(c, gone[cid]) if cid in gone else c for cid, c in enumerate(clusters)]
    apart = [part for cid in sorted(received - reported) for part in _reactions_apart(kept, cid)]
    return settle_moves(kept, received, copies) + apart


def _reactions_apart(clusters: list[_Cluster], cid: int) -> list[_Cluster]:
    """Take out of the act's event (``clusters[cid]``, which a doer's statement joined) the statements of
    other speakers that tell no act of their own and whose speaker its reports do not name (a foreign
    minister's words of support, joined as his article's account of the day): reactions to the act.
    Returned as one event per article, their joins dropped."""
    cluster = clusters[cid]
    doers = [m for m in cluster.mentions if m.join is not None and m.join.date.endswith(DOER_JOIN)]
    reports = [f for m in cluster.mentions if (f := features(m)).kind == "occurrence"]
    acts = {a for f in reports for a in _own_actions(f)}
    acts |= {allied for a in tuple(acts) for allied in _ALLIED.get(a, ())}
    speakers = [s for m in doers if (s := features(m).speaker)]
    gone: dict[str, list[EventMention]] = {}
    for m in cluster.mentions:
        f = features(m)
        if f.kind != "statement" or m in doers or not f.speaker:
            continue
        if any(frozen_keys_match(f.speaker, s) for s in speakers):
            continue  # the doer's own words
        if any(frozen_keys_match(f.speaker, a) for r in reports for a in r.actors):
            continue  # a party the act's reports name
        if reported_act(m.sentence.text, m.trigger) or _tells_act(m.sentence.text, frozenset(acts)):
            continue
        gone.setdefault(m.document, []).append(m)
    if not gone or sum(map(len, gone.values())) == len(cluster.mentions):
        return []
    clusters[cid] = _without(cluster, [m for ms in gone.values() for m in ms])
    parts = []
    for mentions in gone.values():
        part = _Cluster()
        for m in mentions:
            m.join = None
            part.add(m, features(m))
        parts.append(part)
    return parts


def _tells_act(text: str, acts: frozenset[str]) -> bool:
    """A verb of the sentence's own names one of the act's concepts ("the jets struck ...")."""
    tokens = tokenize(text)
    return any(flag and concept(t.lower) in acts for t, flag in zip(tokens, verb_flags(tokens), strict=True))


def _statement_act(mention: EventMention) -> Act | None:
    """The act a day-dated statement says its speaker did, or the act of a named party or a force it
    reports (``reported_other_act``), or None."""
    when = mention.date
    if when is None or when.granularity not in _DAY:
        return None
    if features(mention).kind == "statement":
        own = reported_act(mention.sentence.text, mention.trigger)
        if own is not None:
            return own
    return reported_other_act(mention.sentence.text)


Report = tuple[int, EventMention, MentionFeatures]


def _reports_by_day(clusters: list[_Cluster]) -> dict[object, list[Report]]:
    """The day-dated reports of a lexicon action, by day."""
    by_day: dict[object, list[Report]] = {}
    for cid, cluster in enumerate(clusters):
        for m in cluster.mentions:
            f = features(m)
            if f.kind != "occurrence" or m.date is None or m.date.granularity not in _DAY:
                continue
            if _own_actions(f) - _FRAMES:
                by_day.setdefault(m.date.start, []).append((cid, m, f))
    return by_day


def _target(
    mention: EventMention, act: Act, own: int, clusters: list[_Cluster], reports: dict[object, list[Report]]
) -> tuple[int, EventMention] | None:
    """The event (and its report) the statement joins: of the reports of its act on the saying day or
    the day before, in another article, the one in the event most articles tell, then with most in
    common."""
    assert mention.date is not None
    said = mention.date.start
    best: tuple[tuple[int, int], int, EventMention] | None = None
    for day in (said, said - timedelta(days=1)):
        for cid, report, f in reports.get(day, ()):
            if cid == own or report.document == mention.document or not (_own_actions(f) & act.concepts):
                continue
            evidence = _evidence(act, f)
            if evidence < DOER_EVIDENCE or _other_doer(f, act):
                continue
            rank = (len({m.document for m in clusters[cid].mentions}), evidence)
            if best is None or rank > best[0]:
                best = (rank, cid, report)
    return None if best is None else (best[1], best[2])


def _reported_target(
    mention: EventMention, act: Act, own: int, clusters: list[_Cluster]
) -> tuple[int, EventMention] | None:
    """The event (and its report) a statement of another party's act, in an event of its article's alone,
    joins: of the reports of the act in another article (``_tells_reported``), told on the statement's day
    or dated only by its paper on the day after, with enough in common and no doer the statement does not
    name, the one in the event most articles tell, then with most in common."""
    assert mention.date is not None
    if any(m.document != mention.document for m in clusters[own].mentions):
        return None  # already told with another article's reports: the merge's evidence stands
    said = mention.date.start
    best: tuple[tuple[int, int], int, EventMention] | None = None
    for cid, cluster in enumerate(clusters):
        if cid == own:
            continue
        for report in cluster.mentions:
            if report.document == mention.document or not _on_day(report, said):
                continue
            f = features(report)
            if not _tells_reported(report, f, act.concepts):
                continue
            evidence = _evidence(act, f)
            if evidence < DOER_EVIDENCE or _other_doer(f, act):
                continue
            rank = (len({m.document for m in cluster.mentions}), evidence)
            if best is None or rank > best[0]:
                best = (rank, cid, report)
    return None if best is None else (best[1], best[2])


def _evidence(act: Act, f: MentionFeatures) -> int:
    """The act's name words and stems the report carries (``MentionFeatures.name_words`` is a tuple)."""
    return len(act.names.intersection(f.name_words)) + len(act.stems.intersection(f.specific_words))


def _on_day(report: EventMention, said: object) -> bool:
    """Told on the statement's day, or dated only by its paper on the day after (the paper's lead of an
    act done the day before)."""
    when = report.date
    if when is None or when.granularity not in _DAY:
        return False
    if when.start == said:
        return True
    return report.date_source == "publication-implicit" and report.earliest == said


def _tells_reported(report: EventMention, f: MentionFeatures, acts: frozenset[str]) -> bool:
    """The mention reports the act: its own action, or, for a statement, a verb of the act in its words
    ("an individual was arrested, police said"; not "condemned the arrest")."""
    if f.kind == "occurrence":
        return bool(_own_actions(f) & acts)
    return not f.published and _tells_act(report.sentence.text, acts)


def _other_doer(report: MentionFeatures, act: Act) -> bool:
    """The report names who did it, and the statement names none of them: another party's act."""
    return bool(report.subjects) and not any(words <= act.names for words in report.subjects)


def _reason(mention: EventMention, act: Act, report: EventMention) -> JoinReason:
    """The join's evidence: the act and what the statement's clause shares with the report (a statement has
    no terms of its own to compare); a statement made the day after the act is a later report of it."""
    assert mention.date is not None and report.date is not None
    kind = "retelling" if mention.date.start > report.date.end else date_kind(mention, report)
    if act.third_party and mention.date.start < report.date.start:
        # the act's own day, before the day its paper dates the report: the papers' date disagrees
        kind = "conflict"
    label = REPORTED_JOIN if act.third_party else DOER_JOIN
    reason = join_reason(mention, features(mention), report, features(report), kind)
    f = features(report)
    actors = tuple(name for name in f.names if name_words(name) & act.names)
    terms = tuple(sorted(act.concepts)) + tuple(sorted(act.stems.intersection(f.specific_words)))
    return replace(
        reason,
        actors=actors,
        terms=terms,
        date=f"{reason.date}; {label}",
        confidence=confidence(
            kind, len(actors), len(terms), bool(reason.quoted), reason.similarity, mention.date, report.date
        ),
    )


# memory (issue #9): one merge step's sentences, seldom asked twice far apart (mem75: docs/performance.md)
@lru_cache(maxsize=1024)
def reported_act(text: str, trigger: str) -> Act | None:
    """The act a statement's reported clause says its speaker (or those it commands) did: "said Friday
    that he had ordered the raids", "said its forces had struck": None for anything else (a reaction, a
    passive, a plan, another party's act)."""
    first = trigger.split()[0].lower() if trigger else ""
    if not is_reporting(first):
        return None  # (the clause follows the trigger's own saying verb: no text to read without one)
    texts, words = _words(text)
    said = next((i for i, w in enumerate(words) if w == first), None)
    if said is None:
        return None
    i = said + 1
    while i < len(words) and (words[i] in _BEFORE_SUBJECT or words[i].isdigit()):
        i += 1
    if said > 0 and _other_pronoun(words[said - 1], words[i] if i < len(words) else ""):
        return None  # "He said she ...": someone else's doing
    i = _after_subject(texts, words, i)
    if i is None:
        return None
    while i < len(words) and (words[i] in _HAVE or words[i] in _ADVERBS):
        i += 1
    if i >= len(words) or not is_past_form(words[i]):
        return None
    concepts = _act_concepts(words, i)
    if not concepts:
        return None
    names, stems = _act_evidence(tokenize(text), i)
    return Act(concepts=concepts, names=names, stems=stems)


def _words(text: str) -> tuple[list[str], list[str]]:
    """``tokenize(text)``'s tokens' texts and lower-case forms, without the tokens: most statements end
    before an act is found, and only an act's evidence needs the tokens' offsets (speed: every day-dated
    mention is read here)."""
    texts = [word for word in WORD.findall(text) if word[0] != "&"]
    return texts, [word.lower() for word in texts]


def _act_evidence(tokens: list, verb: int) -> tuple[frozenset[str], frozenset[str]]:
    """The statement's named parties, and the act's target and circumstances: the stems of the words
    after its verb at ``verb`` (not the subject, not "ordered")."""
    names = frozenset(w for name in extract_names(tokens) for w in name_words(name.text))
    stems = frozenset(
        word_stem(t.lower)
        for t in tokens[verb + 1 :]
        if t.text.islower() and t.lower.isalpha() and concept(t.lower) is None
        if t.lower not in STOPWORDS and t.lower not in _NOT_EVIDENCE
    )
    return names, stems


# memory (issue #9): one merge step's sentences, seldom asked twice far apart (mem75: docs/performance.md)
@lru_cache(maxsize=1024)
def reported_other_act(text: str) -> Act | None:
    """The act a statement's reported clause, right after its saying verb, says a named party or a force
    did: "said the Norland agency arrested Kell", "said troops arrested him": an active past verb of
    an act of force or authority; None for anything else (a reaction, a passive, a pronoun's act)."""
    texts, words = _words(text)
    if REPORTING_VERBS.isdisjoint(words):
        return None  # no saying verb (the words are lower-case: ``is_reporting`` is membership), most often
    said = next((i for i, w in enumerate(words) if is_reporting(w) and i > 0), None)
    if said is None:
        return None
    i = said + 1
    while i < len(words) and (words[i] in _BEFORE_SUBJECT or words[i].isdigit()):
        i += 1
    i = _after_named_subject(texts, words, i)
    if i is None:
        return None
    while i < len(words) and words[i] in _ADVERBS:
        i += 1
    if i >= len(words) or not is_past_form(words[i]) or words[i] in _HAVE:
        return None
    own = concept(words[i])
    if own not in _COMMANDED or _object_concept(words, i) not in (None, own):
        return None
    names, stems = _act_evidence(tokenize(text), i)
    return Act(concepts=frozenset({own}), names=names, stems=stems, third_party=True)


def _after_named_subject(texts: list[str], words: list[str], i: int) -> int | None:
    """Where the verb starts after a subject that is a named party ("the Norland agency", "Acme") or a
    force noun ("police", "troops"); None otherwise."""
    if i < len(words) and words[i] in DETERMINERS:
        i += 1
    start = i
    while i < len(words) and i - start < NAME_REACH and _name_word(texts[i], words[i]):
        i += 1
    named = i > start
    if i < len(words) and words[i] in _FORCES and texts[i].islower():
        return i + 1  # "the Norland police", "troops"
    return i if named else None


def _name_word(text: str, lower: str) -> bool:
    """A capitalised word that is no function word ("What struck me ...", a quotation's first word) or
    an acronym ("US")."""
    return text[:1].isupper() and (lower not in STOPWORDS or (len(text) > 1 and text.isupper()))


def _other_pronoun(speaker: str, subject: str) -> bool:
    """The speaker is a personal pronoun and the clause's subject another one."""
    return speaker in _SUBJECT_PRONOUNS and subject in _SUBJECT_PRONOUNS and speaker != subject


def _after_subject(texts: list[str], words: list[str], i: int) -> int | None:
    """Where the reported clause's verb group starts, when its subject is the speaker (a pronoun) or
    those it commands ("its forces", "troops"); None otherwise."""
    if i >= len(words):
        return None
    word = words[i]
    if word in _SUBJECT_PRONOUNS:
        return i + 1
    if word in _POSSESSIVES and i + 1 < len(words):
        i += 1
        word = words[i]
    return i + 1 if word in _FORCES and texts[i].islower() else None


def _act_concepts(words: list[str], verb: int) -> frozenset[str]:
    """The lexicon concepts of the act a past verb tells: its own ("struck"), or for a verb of ordering
    or carrying out, that of the head of the noun phrase it governs ("ordered the raids", "carried out
    strikes")."""
    own = concept(words[verb])
    act = _object_concept(words, verb)
    if own in _COMMANDED:
        # an object of another lexicon action makes the verb an idiom: "had struck deals" is no attack
        return frozenset({own}) if act in (None, own) else frozenset()
    if verb_lemma(words[verb]) not in _ORDERING and own != "begin":
        return frozenset()
    return frozenset({act}) if act in _COMMANDED else frozenset()


def _object_concept(words: list[str], verb: int) -> str | None:
    """The lexicon concept of the head (last word) of the noun phrase right after a verb (and "out"):
    "its first bomb test" is a test, not an attack."""
    j = verb + 1
    if j < len(words) and words[j] == "out":
        j += 1
    while j < len(words) and words[j] in DETERMINERS:
        j += 1
    head = ""
    for word in words[j : j + OBJECT_REACH]:
        if word in STOPWORDS or not word.isalnum():
            break
        head = word
    return concept(head) if head else None

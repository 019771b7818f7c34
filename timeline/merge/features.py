"""What the merge compares two mentions by: kind, concepts, actors, places and specific words."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from operator import itemgetter

from timeline.names import (
    frozen_actor_keys,
    frozen_keys_match,
    fuzzy_keys_match,
    name_words,
    place_keys,
    subject_names,
)
from timeline.text import (
    _HAVE,
    AUXILIARIES,
    CONCEPTS,
    DETERMINERS,
    GENERIC_TERMS,
    LIGHT_VERBS,
    STOPWORDS,
    Token,
    concept,
    is_reporting,
    lower_words,
    tokenize,
    verb_flags,
    verb_lemma,
    word_stem,
)
from timeline.types import EventMention

CONFLICT_WINDOW = timedelta(days=10)  # how far apart two dates of one event may be before we stop looking
# how long after an attack a report of its (growing) toll is still a retelling of it, not news of its own
RETELL_WINDOW = timedelta(days=31)
# how long after a happening a sentence with an unstated date may still retell it, given a named person or
# place in common and more evidence (a follow-up months later: "the doctor was shot with a rifle")
RETELL_FAR = timedelta(days=730)
MAX_REPRESENTATIVES = 12  # distinct mentions an event is compared by (plus one per distinct date)
WIDE_SPAN_DAYS = 400  # dates coarser than about a year are compared by concept only, not by week
_CONCEPT_IDS = frozenset(CONCEPTS.values())
_STATUS_ORDER = ("reported", "expected", "background")
_DAY = ("day", "time")
# Events that recur (a rally every evening): two different precise days are two events, not a conflict.
RECURRING = frozenset({"protest", "meeting", "call", "attend", "press"})
# Concepts one report of an event may use for another's: a death toll on the day of an attack.
_ALLIED = {"death": frozenset({"attack"}), "attack": frozenset({"death"})}
_NOT_EVIDENCE = GENERIC_TERMS | AUXILIARIES | frozenset(verb_lemma(w) for w in LIGHT_VERBS)
SAME_DAY_TERMS = 2  # specific words (places included) two same-day reports must share when verbs differ
CONFLICT_TERMS = 2  # specific words (or a place) a shared actor's reports on different days must share
NEAR_IDENTICAL = 0.7  # Jaccard of content words above which two reports are one event told twice


@dataclass(frozen=True, eq=False, slots=True)  # hashed by identity: identical contents share one instance
class MentionFeatures:
    kind: str  # "statement" | "occurrence"
    head: str | None  # the trigger's concept
    concepts: frozenset[str]
    # the mention's terms as read (``terms`` is their set, made when asked).  Memory (issue #9): a sequence
    # is a fifth of a frozenset's bytes or less (a set of 8 to 15 words: 728 bytes, a tuple 104 to 160),
    # and a merge holds the features of every distinct mention from its start to its end; in a merge, the
    # first mention's own list of terms (``_read_features``), which the mentions hold anyway
    term_words: Sequence[str]
    actors: tuple[frozenset[str], ...]  # blocking keys of each actor
    speaker: frozenset[str] | None  # a statement's speaker keys
    names: Sequence[str] = ()  # the actors as written (in a merge, the first mention's list: ``term_words``)
    places: frozenset[str] = frozenset()  # blocking keys of the names read as places or nationalities
    # stems of terms that can show two reports share a subject (``specific`` is their set, made when asked)
    specific_words: tuple[str, ...] = ()
    action: str = ""  # the trigger's stem when it is specific ("flood"): same-day reports may share it
    subjects: tuple[frozenset[str], ...] = ()  # the words of each named actor who did it (clause subject)
    # every word of every actor's name (``names.name_words``), each once.  Memory (issue #9): a tuple, not a
    # set (a set of up to four words is 216 bytes, their tuple 72 at most): nearly every mention's names are
    # another word set, 100,000 of them on the 50 MB real array; read only by matching a set against it
    name_words: tuple[str, ...] = ()
    # the stem of the sentence's own action when the trigger is only a noun it mentions ("arrested in
    # connection with the bombings": "arrest"); "" when the trigger is the sentence's action
    governor: str = ""
    # lexicon concepts the sentence names after its trigger: what the action is done to ("deplored the
    # blasts": attack), as opposed to what did it ("the collapse flooded three villages")
    objects: frozenset[str] = frozenset()
    # the lexicon concepts of the object a framing verb starts ("launched missile strikes": attack); empty
    # for other triggers and for a framing verb with no such object ("opened up since the attack")
    started: frozenset[str] = frozenset()
    # a statement told with a publishing verb ("<a paper> reported", "<an editor> wrote"): what a paper or
    # an agency says of everything, every day, not one party's words on one matter
    published: bool = False
    # such a statement's words: its terms and its reported clause's (``EventMention.content``); else empty
    told: frozenset[str] = frozenset()

    @property
    def terms(self) -> frozenset[str]:
        """The mention's terms (``EventMention.terms``) as a set: a new one each time it is asked for (read
        by ``scoring.match_score`` and ``_near_identical`` only, for pairs that passed cheaper tests)."""
        return frozenset(self.term_words)

    @property
    def specific(self) -> frozenset[str]:
        """``specific_words`` as a set: a new one each time it is asked for.  CPU: the merge reads it in
        its loops; making the set costs about 1% of the merge's instructions (the memory saved: a fifth
        of the 10 MB real array's feature sets)."""
        return frozenset(self.specific_words)


# Within one merge, each mention's features are kept on the mention (speed, issue #13: the merge asks for
# one mention's features again and again, and building the cache key of ``_features`` costs more than the
# look-up), with whether its date was a week's, the one input the merge may change (it only sets dates).
# Memory (issue #9): two slots of the mention (``types._HeldFeatures``), not an entry of a table by ``id``;
# the mentions that hold some are listed here to be let go by ``forget_features``.  None outside
# ``remember_features`` ... ``forget_features``.
_HOLDING: list[EventMention] | None = None


def remember_features() -> None:
    """Keep each mention's features until ``forget_features`` (a merge's mentions: lists not changed)."""
    global _HOLDING
    _let_go()  # a merge that failed half-way did not
    _HOLDING = []


def features(mention: EventMention) -> MentionFeatures:
    """What the merge compares: event kind, concepts, actors (shared, read-only: never mutate it)."""
    if _HOLDING is None:
        return _read_features(mention)
    this_week = mention.date is not None and mention.date.granularity == "week"
    try:
        if mention._features_week is this_week:
            return mention._features
    except AttributeError:  # never held: unpickled or made since the slots were set
        pass
    found = _read_features(mention)
    if getattr(mention, "_features_week", None) is None:
        _HOLDING.append(mention)
    mention._features, mention._features_week = found, this_week
    return found


def _let_go() -> None:
    """The features held on mentions since ``remember_features``, dropped (the slots unset again: a
    mention pickles and copies as one never merged)."""
    for mention in _HOLDING or ():
        del mention._features, mention._features_week


def _read_features(mention: EventMention) -> MentionFeatures:
    actors, places = tuple(mention.actors), tuple(mention.places)
    subjects = mention.subjects
    if subjects is None:  # the extractor did not say: read it from the sentence
        subjects = subject_names(mention.sentence.text, mention.trigger, actors, places)
    # another action naming a happening of the same few days ("hailed the call this week") is still news
    # of it; one naming its day, month or year ("condemned Friday's bombing", "arrested in connection
    # with last year's blasts") is a happening of its own
    this_week = mention.date is not None and mention.date.granularity == "week"
    governor, objects = _trigger_context(mention)
    if this_week:
        governor = ""
    trigger = mention.trigger
    framing = bool(trigger) and concept(trigger) == "begin"
    terms = tuple(mention.terms)  # (the cache's key)
    found = _features(
        trigger,
        terms,
        _one(actors),
        places,
        _one(tuple(subjects)),
        governor,
        objects,
        started_object(mention.sentence.text, trigger) if framing else _EMPTY,
        _compact(mention.content) if mention.content and _publishing(trigger) else _EMPTY,
    )
    if found.term_words is terms and _HOLDING is not None:
        # made now, from this key (a fresh tuple): in a merge, held with the mention's own lists of terms
        # and names (equal words, in order), not copies.  Memory (issue #9): the mentions hold their lists
        # to the merge's end (nothing changes them there); the copies, one for each distinct features, took
        # 31 MB of the 50 MB real array's peak.  Set before anyone has read the features
        object.__setattr__(found, "term_words", mention.terms)
        object.__setattr__(found, "names", mention.actors)
    return found


@lru_cache(maxsize=65536)
def named_after(text: str, trigger: str) -> frozenset[str]:
    """The lexicon concepts of the words after the trigger's first occurrence in the sentence."""
    first = trigger.split()[0].lower() if trigger else ""
    end = find_whole_word(text, first) if first else None
    if end is None:
        return frozenset()
    return frozenset(c for word in lower_words(text[end:]) if (c := concept(word)))


_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
STARTED_REACH = 5  # words of the object a framing verb starts, read after its determiner


# memory (issue #9): asked once per mention's features, which ``_features`` holds (mem75)
@lru_cache(maxsize=1024)
def started_object(text: str, trigger: str) -> frozenset[str]:
    """The lexicon concepts of the noun phrase right after a framing verb ("launched air raids
    on ...": attack): its words from after a determiner to the first preposition, other function word
    or punctuation.  A particle or preposition right after the verb ("opened up since the attack") is no
    object: nothing."""
    first = trigger.split()[0].lower() if trigger else ""
    end = find_whole_word(text, first) if first else None
    if end is None:
        return frozenset()
    words = lower_words(text[end:])
    while words and (words[0] in DETERMINERS or words[0] in _POSSESSIVES):
        words = words[1:]
    found = set()
    for word in words[:STARTED_REACH]:
        if word in STOPWORDS or not word.isalnum():
            break
        if c := concept(word):
            found.add(c)
    return frozenset(found)


def _plural_noun(tokens: list, where: int, head: str | None) -> bool:
    """An event noun in the plural after a modifier ("two bomb attacks", "the terrorist blasts"), which the
    verb test reads as a verb in the present ("attacks")."""
    word = tokens[where].lower
    if head is None or not word.endswith("s") or where == 0:
        return False
    before = tokens[where - 1]
    return before.text.islower() and before.lower not in STOPWORDS and before.lower not in AUXILIARIES


_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})


def _relative_governor(tokens: list, flags: list[bool], where: int, allied: set) -> str:
    """A verb trigger inside a relative clause on another verb's object ("deplored the blasts which
    killed 80"): the sentence's action is that other verb (not a reporting one: "said that ...")."""
    pronoun = next((i for i in range(where - 1, -1, -1) if tokens[i].lower in _RELATIVE_PRONOUNS), None)
    if pronoun is None:
        return ""
    for i in range(pronoun - 1, -1, -1):
        word = tokens[i].lower
        if not flags[i] or word in AUXILIARIES or word in LIGHT_VERBS:
            continue
        lemma = verb_lemma(word)
        if is_reporting(word) or is_reporting(lemma) or lemma in _FRAMING_VERBS or concept(word) in allied:
            return ""
        return word_stem(lemma)
    return ""


# prepositions by which a passive verb says what its subject suffered in a happening ("hurt in the blast")
_SUFFERED_IN = frozenset({"in", "by", "during"})


def _suffered_in(tokens: list, verb: int, noun: int) -> bool:
    """A passive verb right before "in/by/during the <noun>": "two were injured in the blast", "the roof was
    damaged by the explosion" tell what the happening did, so they are reports of it (not "the crater left
    by the blast": no auxiliary makes it the clause's own passive; not "arrested in connection with ...")."""
    participle = tokens[verb].lower.endswith(("ed", "en", "t"))
    if verb < 1 or tokens[verb - 1].lower not in AUXILIARIES or not participle:
        return False
    if verb + 1 >= noun or tokens[verb + 1].lower not in _SUFFERED_IN:
        return False
    # only a determiner and modifiers between: "in the massive blast", not "in connection with the blast"
    between = tokens[verb + 2 : noun]
    modifiers = [t for t in between if t.lower not in DETERMINERS]
    return len(modifiers) <= 1 and all(t.text.isalpha() and t.lower not in STOPWORDS for t in modifiers)


# Verbs that only frame the noun they govern ("the blast occurred"): the noun stays the sentence's action.
_FRAMING_VERBS = frozenset({"begin", "end", "occur", "happen", "become", "take", "follow", "continue"})


# non-ASCII letters ``re.IGNORECASE`` matches with ASCII ones (the Kelvin sign too, but it lowers to "k")
_CASE_EXTRAS = ("\u0130", "\u0131", "\u017f")


def find_whole_word(text: str, word: str) -> int | None:
    """Where the first occurrence of ``word`` standing alone (not inside a longer word), in any case, ends.

    The same as searching ``(?<!\\w)word(?!\\w)`` with ``re.IGNORECASE``, without compiling a pattern per
    word (the compiling was most of the cost): an ASCII word is looked for in the lower-cased text when
    lower-casing keeps the offsets and no letter that only the pattern would fold is present."""
    if word.isascii() and not any(extra in text for extra in _CASE_EXTRAS):
        lowered, target = text.lower(), word.lower()
        if len(lowered) == len(text):
            at = lowered.find(target)
            while at >= 0:
                end = at + len(target)
                if (at == 0 or not _word_char(text[at - 1])) and (
                    end == len(text) or not _word_char(text[end])
                ):
                    return end
                at = lowered.find(target, at + 1)
            return None
    found = _whole_word(word).search(text)
    return found.end() if found else None


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # ``\\w`` of ``re`` for text


@lru_cache(maxsize=16384)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def _trigger_context(mention: EventMention) -> tuple[str, frozenset[str]]:
    """``governing_action`` and ``named_after`` of the mention's sentence, as the extractor found them
    when it could."""
    context = mention.trigger_context
    if context is not None and context[0] == mention.trigger:
        return context[1], context[2]
    text, trigger = mention.sentence.text, mention.trigger
    return governing_action(text, trigger), named_after(text, trigger)


def trigger_context(
    text: str, trigger: str, tokens: list[Token], verbs: list[bool], offset: int = 0
) -> tuple[str, frozenset[str]]:
    """``governing_action(text, trigger)`` and ``named_after(text, trigger)``, read from the sentence's
    tokens (``tokenize(text, offset)``) and their ``verb_flags``, which the extractor already holds.

    Speed (issue #13): the trigger's word is searched once for both, and the text is not tokenised again.
    Exact: the tokens ending by the trigger's end are those ``tokenize`` finds in the text up to it, and
    the ones after, those it finds in the rest, unless a token runs across that end ("war" in "war-torn":
    then the two functions are asked); a verb flag reads only the word before, and for a form of "have"
    the word after, which the text up to the trigger does not have."""
    first = trigger.split()[0].lower() if trigger else ""
    found = find_whole_word(text, first) if first else None
    if found is None:
        return "", frozenset()
    limit = offset + found
    before = bisect_right(tokens, limit, key=_token_end)  # the tokens ending by the trigger's end
    if before < len(tokens) and tokens[before].start < limit:
        return governing_action(text, trigger), named_after(text, trigger)
    flags = verbs[:before]
    if before and tokens[before - 1].lower in _HAVE:
        flags[-1] = False  # nothing after it in the text up to the trigger: "had" reads as an auxiliary
    governor = _governing(text, first, found, tokens[:before], flags)
    return governor, frozenset(c for token in tokens[before:] if (c := concept(token.lower)))


_token_end = itemgetter(2)  # ``Token.end``


@lru_cache(maxsize=65536)
def governing_action(text: str, trigger: str) -> str:
    """The sentence's own action when the trigger is a noun that action only refers to.

    "Officials hoped she would bring aid after the blasts" reports hoping, not the blasts; "a man was
    arrested in connection with the bombings" reports an arrest.  Such a sentence tells of another
    happening than the one its noun names: it must not join that one's event.  The governing action is
    the nearest verb before the noun, skipping auxiliaries and verbs that only frame it ("the blast
    occurred").  A verb of the noun's own or an allied concept before it ("people were killed in the
    blasts"), or after it when the governor only reports ("officials said the blasts killed 200"), keeps
    the noun as the sentence's action.  Returns the governing verb's stem, or "".
    """
    first = trigger.split()[0].lower() if trigger else ""
    if not first:
        return ""
    found = find_whole_word(text, first)
    if found is None:
        return ""
    # only the words up to the trigger decide (the rest is read below only for a reported noun): cheap
    tokens = tokenize(text[:found])
    return _governing(text, first, found, tokens, verb_flags(tokens))


def _governing(text: str, first: str, found: int, tokens: list[Token], flags: list[bool]) -> str:
    """``governing_action`` given the end of the trigger's first word ``first`` in ``text`` (``found``),
    the tokens of the text up to it and their verb flags, as ``tokenize`` and ``verb_flags`` make them."""
    where = next((i for i, t in enumerate(tokens) if t.lower == first), None)
    if where is None:
        return ""
    head = concept(first)
    allied = {head, *_ALLIED.get(head or "", ())} - {None}
    if flags[where] and not _plural_noun(tokens, where, head):
        return _relative_governor(tokens, flags, where, allied)
    governor, governor_at = "", -1
    for i in range(where):
        word = tokens[i].lower
        if not flags[i] or word in AUXILIARIES or word in LIGHT_VERBS:
            continue
        lemma = verb_lemma(word)
        if lemma in _FRAMING_VERBS:
            continue
        if allied and concept(word) in allied:
            return ""
        governor, governor_at = lemma, i
    if governor and _suffered_in(tokens, governor_at, where):
        return ""
    # "officials said the blasts killed 200" reports the blasts; "X said that the bombings this month
    # were an outrage" reports what X said about them
    reported = governor and (is_reporting(governor) or is_reporting(tokens[where - 1].lower))
    if reported:
        rest = tokenize(text[found:])
        if any(
            flag and concept(token.lower) in allied
            for token, flag in zip(rest, verb_flags(rest), strict=True)
        ):
            return ""
    return word_stem(governor) if governor else ""


def _compact(words: Iterable[str]) -> frozenset[str]:
    """``frozenset(words)`` in the smallest hash table CPython gives it (memory, issue #13: a merge holds a
    few sets for each of 15,000 distinct mentions).  Built from an iterable, a set of 5 to 7 words gets a
    32-slot table (728 bytes); copied from a set, 16 slots (472); from 16 to 18 words it is the other way
    round (728 against 1,240).  The contents are the same either way."""
    unique = set(words)
    if not unique:
        return _EMPTY
    return frozenset(tuple(unique)) if 16 <= len(unique) <= 18 else frozenset(unique)


# The one empty set the features hold (memory, issue #13): every ``frozenset()`` is a new 216-byte object,
# and one per mention was kept (the features' cache keys, empty term sets)
_EMPTY: frozenset[str] = frozenset()


# equal name tuples of the features' cache keys, one object each (most are one of a few hundred names)
_ONE: dict[tuple[str, ...], tuple[str, ...]] = {}


def _one(names: tuple[str, ...]) -> tuple[str, ...]:
    return _ONE.setdefault(names, names) if names else ()


# equal sets of ``_shared``, one object each: a plain table, a quarter of an ``lru_cache``'s bytes per set
# (no link and key tuple each: about 1.9 MB at a 900-article merge's peak); emptied when full and at a
# merge's end (it only shares equal values, so forgetting them changes nothing but memory).  Within a merge
# the features hold every set it shares to the end, so emptying it only makes equal sets apart: the 50 MB
# real array's features share about 110,000 sets (its actors' key sets among them), more than 65,536
_SETS: dict[frozenset[str], frozenset[str]] = {}
_SETS_MAX = 262144


def _shared(words: frozenset[str]) -> frozenset[str]:
    """One object for equal sets (memory, issue #13): most mentions' places, objects and concepts are one of
    a few hundred sets (often the empty one), and a small frozenset costs over 200 bytes."""
    found = _SETS.get(words)
    if found is None:
        if len(_SETS) >= _SETS_MAX:
            _SETS.clear()
        found = _SETS[words] = words
    return found


PUBLISHING_VERBS = frozenset({"report", "write"})  # ``MentionFeatures.published``


@lru_cache(maxsize=65536)
def _features(
    trigger: str,
    term_words: tuple[str, ...],
    names: tuple[str, ...],
    places: tuple[str, ...] = (),
    subjects: tuple[str, ...] = (),
    governor: str = "",
    objects: frozenset[str] = frozenset(),
    started: frozenset[str] = frozenset(),
    content: frozenset[str] = frozenset(),
) -> MentionFeatures:
    """``content``: a publishing statement's reported clause terms (``MentionFeatures.told``)."""
    terms = _compact(term_words)  # read here only (as it was built before): the features keep the words
    statement = is_reporting(trigger)
    # an action without a lexicon concept still compares with itself ("ruled" ~ "rules")
    head = (concept(trigger) or sys.intern(f"v:{verb_lemma(trigger)}")) if trigger and not statement else None
    concepts = {t for t in terms if t in _CONCEPT_IDS} | ({head} if head else set())
    # (lighter than a list; each key set one object for equal sets: ``names`` keeps only the latest names')
    actors = tuple(_shared(keys) for name in names if (keys := frozen_actor_keys(name)))
    trigger_lemma = verb_lemma(trigger.split()[0]) if trigger else ""
    # stems, so a noun in one report meets the verb in another ("the collapse" / "collapsed")
    specific = {
        word_stem(t) for t in terms if t not in _NOT_EVIDENCE and t != trigger_lemma and t not in _CONCEPT_IDS
    }
    action = word_stem(trigger_lemma) if trigger_lemma and trigger_lemma not in _NOT_EVIDENCE else ""
    published = statement and trigger_lemma in PUBLISHING_VERBS
    return MentionFeatures(
        kind="statement" if statement else "occurrence",
        head=head,
        concepts=_shared(frozenset(concepts)),
        term_words=term_words,
        actors=actors,
        speaker=actors[0] if statement and actors else None,
        names=names,
        places=_shared(frozenset(k for place in places for k in place_keys(place))),
        specific_words=tuple(specific),
        action=action if head and head.startswith("v:") else "",
        subjects=_one(tuple(_shared(words) for name in subjects if (words := name_words(name)))),
        name_words=tuple(dict.fromkeys(w for name in names for w in name_words(name))),
        governor=governor,
        objects=_shared(objects),
        started=_shared(started),
        published=published,
        told=_compact(word_stem(t) for t in terms | content) if published else _EMPTY,
    )


def _publishing(trigger: str) -> bool:
    """The trigger is a publishing verb (``MentionFeatures.published``)."""
    return bool(trigger) and verb_lemma(trigger.split()[0]) in PUBLISHING_VERBS


# A word a large share of the collection's articles use is the story's own subject ("the airline", "the
# pilots" in every report of one strike): two sentences of one article sharing it are not thereby
# one happening.  So is a name they all use (its main actor), filed as ``NAME_KEY`` + the name's key.
# Only collections of several articles have a subject to tell (a lone article has none).
SUBJECT_SHARE = 0.3  # of the articles
SUBJECT_MIN_ARTICLES = 4
NAME_KEY = "name:"


def collection_subject(mentions: Iterable[EventMention]) -> frozenset[str]:
    """The specific words and (``NAME_KEY``-prefixed) name keys at least ``SUBJECT_SHARE`` of the
    collection's articles (and at least ``SUBJECT_MIN_ARTICLES``) use in their mentions."""
    words_of: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        f = features(mention)
        words = words_of[mention.document]
        words.update(f.specific_words)
        words.update(NAME_KEY + key for keys in f.actors for key in keys)
    needed = max(SUBJECT_MIN_ARTICLES, SUBJECT_SHARE * len(words_of))
    counts = Counter(word for words in words_of.values() for word in words)
    return frozenset(word for word, count in counts.items() if count >= needed)


def forget_features() -> None:
    """Empty the cache that holds every mention's features (memory, issue #13: a large merge's feature
    sets stay alive through it).  Nothing changes but speed: features are recomputed when asked again."""
    global _HOLDING
    _let_go()
    _features.cache_clear()
    _ONE.clear()
    _SETS.clear()
    _HOLDING = None


def settle_features() -> None:
    """Empty ``_features``' cache and the tables sharing equal values (``_one``, ``_shared``) once every
    mention's features are held on it (``collection_subject`` asks for all of them).  Memory (issue #9):
    the cache's keys and links are about 16 MB on the 50 MB real array (65,536 entries), the tables
    another 10; the features keep what they share.  From here nearly every request is answered by the
    mention, and a mention read again (its date now a week's) gets equal features of its own.  Nothing
    changes but memory and speed."""
    _features.cache_clear()
    _ONE.clear()
    _SETS.clear()


def _apart(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Two happenings whatever else the reports share: different places, different parties acting, or
    one sentence's own action is another than the noun both name (``governing_action``)."""
    return a.governor != b.governor or _places_differ(a, b) or _subjects_clash(a, b)


def _places_differ(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both reports name where it happened, and no place in common: two events (two cities' bombings)."""
    return bool(a.places and b.places) and not frozen_keys_match(a.places, b.places)


def _subjects_clash(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both reports name who acted, and neither's subject takes part in the other: two parties' actions
    ("Norland condemned the bombing" / "Ostria condemned the bombing"), however much else they share."""
    if not (a.subjects and b.subjects):
        return False
    return not (_takes_part(a.subjects, b) or _takes_part(b.subjects, a))


def _takes_part(subjects: tuple[frozenset[str], ...], other: MentionFeatures) -> bool:
    """A subject is named in the other report (any word of its name: "Ana" in "Ana Varga")."""
    words = other.name_words
    if not words:
        return False
    for subject in subjects:  # a loop, not ``any``: merging calls this very often
        # ``names.frozen_keys_match`` of the subject and the words' set, the set made only for the fuzzy
        # comparison (the words are a tuple: ``MentionFeatures.name_words``)
        if not subject.isdisjoint(words) or fuzzy_keys_match(subject, frozenset(words)):
            return True
    return False


# Heads that only frame another action ("talks began", "became members", "held talks", "the blast


def _shared_actors(a: MentionFeatures, b: MentionFeatures, ignore: frozenset[str] = frozenset()) -> int:
    """How many of ``a``'s actors (none of whose keys are in ``ignore``) match one of ``b``'s
    (``names.frozen_keys_match``).

    Speed (issue #13: about 230,000 actor comparisons a merge on a 1,000-article topic, nearly all
    failing): a key in common with any of ``b``'s actors is looked for first, and only an actor with none
    is compared fuzzily, through ``frozen_keys_match``'s own cache called directly (no Python call
    around it; a cache of its own would hold another megabyte at the merge's peak)."""
    others = b.actors
    shared = 0
    if not others:
        return shared
    for keys in a.actors:  # loops, not generators: merging calls this hundreds of thousands of times
        if not keys.isdisjoint(ignore):
            continue
        for other in others:
            if not keys.isdisjoint(other):
                shared += 1
                break
        else:
            for other in others:
                if fuzzy_keys_match(keys, other):
                    shared += 1
                    break
    return shared


def _matching_actors(a: MentionFeatures, b: MentionFeatures) -> list[frozenset[str]]:
    """``a``'s actors (their keys) that match one of ``b``'s: those ``_shared_actors`` counts, for a
    caller that counts them with and without places (``_outside``)."""
    found = []
    others = b.actors
    for keys in a.actors:  # (``_shared_actors``' loops)
        for other in others:
            if not keys.isdisjoint(other):
                found.append(keys)
                break
        else:
            for other in others:
                if fuzzy_keys_match(keys, other):
                    found.append(keys)
                    break
    return found


def _outside(matched: list[frozenset[str]], ignore: frozenset[str]) -> int:
    """How many of the matched actors have no key in ``ignore`` (places: ``_shared_actors``)."""
    count = 0
    for keys in matched:
        if keys.isdisjoint(ignore):
            count += 1
    return count


def _outside_subject(a: MentionFeatures, b: MentionFeatures) -> bool:
    """One report names who acted, and the other does not name that actor at all."""
    return bool(a.subjects and not _takes_part(a.subjects, b)) or bool(
        b.subjects and not _takes_part(b.subjects, a)
    )


def _shared_specifics(a: MentionFeatures, b: MentionFeatures) -> int:
    """Specific words in common, plus one for a shared place ("border" ... "in Geneva")."""
    shared = len(a.specific.intersection(b.specific_words))  # (one set made, not two)
    return shared + (1 if a.places and frozen_keys_match(a.places, b.places) else 0)


def _near_identical(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Two reports in (nearly) the same words, names included ("the flood began"): the same event on
    compatible dates even without a named actor.  ``match_score`` asks more before differing dates
    become a conflict: a couple of common words ("a soldier killed") is not one event told twice."""
    words_a = a.terms | {name.lower() for name in a.names}
    words_b = b.terms | {name.lower() for name in b.names}
    union = words_a | words_b
    return bool(union) and len(words_a & words_b) / len(union) >= NEAR_IDENTICAL


def _content(f: MentionFeatures) -> frozenset[str]:
    """The specific words of a report with its own action's stem: one report's verb ("flooded") is
    another's participle or noun ("flooding")."""
    return frozenset((*f.specific_words, f.action)) if f.action else f.specific


@lru_cache(maxsize=4096)  # the same few concept sets are asked about again and again
def _lexicon(concepts: frozenset[str]) -> frozenset[str]:
    """The concepts of the synonym lexicon (not a bare verb's ``v:`` key)."""
    return frozenset(c for c in concepts if not c.startswith("v:"))

"""Actors: capitalised names in a sentence, and matching their spelling variants.

The same person is often spelled differently by different outlets
(transliteration: ks/x, kh/h, ii/iy/y ...).  Names are compared on a
transliteration-folded form with a fuzzy ratio, surname first; two names with
the same surname but clearly different first names stay different people.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from rapidfuzz import fuzz

from timeline.temporal.lexicon import NUMBER_WORDS
from timeline.text import (
    GENERIC_PLACE_WORDS,
    NOT_NAMES,
    ROLE_NOUNS,
    WORD_CACHE_SIZE,
    Token,
    is_past_form,
    noun_lemma,
    strip_possessive,
)

SURNAME_MIN_RATIO = 88  # surnames must be near-identical after folding
FIRST_NAME_MIN_RATIO = 70  # first names tolerate vowel differences (Yevgeniy / Evgeny)
_CONNECTORS = frozenset({"of", "the", "for", "de", "von", "van", "al", "bin", "del", "da", "la", "le"})
# Country <-> demonym endings, so "Austrian" and "Austria" share a key.
_DEMONYM_SUFFIX = re.compile(r"(?:ians?|eans?|ans?|ese|ish|ia|a|e|i|s)$")


@dataclass(frozen=True)
class Name:
    text: str  # as written, possessive removed
    start: int
    end: int


_NOT_NAMES_BUT_THE = NOT_NAMES - {"the"}

# A capitalised count opening a sentence ("Ten of the passengers", "Dozens were hurt"): no name.
_COUNT_WORDS = frozenset({w for w in NUMBER_WORDS if " " not in w}) | frozenset(
    {"dozen", "dozens", "hundreds", "thousands", "millions", "scores"}
)


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and _has_letter(token.text)


@lru_cache(maxsize=65536)
def _has_letter(word: str) -> bool:
    return any(c.isalpha() for c in word)


@lru_cache(maxsize=65536)
def _not_a_name(lower: str) -> bool:
    """A capitalised function word, weekday, month ... (also with a possessive: "Today's")."""
    return lower in NOT_NAMES or strip_possessive(lower) in NOT_NAMES


def extract_names(tokens: list[Token], sentence_start: bool = True) -> list[Name]:
    """Runs of capitalised words (with inner "of"/"the" for organisations) as names.

    ``sentence_start``: the first token begins a sentence, so a capitalised
    function word there ("The", "On") is not a name.
    """
    names: list[Name] = []
    after = 0  # the token after the last name found: a name starts at or after it
    # ``_starts_name`` needs a capitalised first letter: most tokens fail on that alone, so only those
    # are visited (found in C: this runs for every sentence with a mention, issue #13)
    upper_first = map(str.isupper, map(_FIRST_LETTER, map(_TEXT, tokens)))
    for i in compress(range(len(tokens)), upper_first):
        if i < after or not _starts_name(tokens, i, sentence_start):
            continue
        j = i + 1
        while j < len(tokens):
            if tokens[j].start - tokens[j - 1].end > 1 and not _abbreviation_inside(tokens, j):
                break  # punctuation between the words ("MOSCOW (Agency"): not one name
            capitalised = _is_capitalised(tokens[j]) and tokens[j].lower not in NOT_NAMES
            if capitalised or (
                tokens[j].lower in _CONNECTORS
                and j + 1 < len(tokens)
                and (_is_capitalised(tokens[j + 1]) or tokens[j + 1].lower == "the")
                and tokens[j + 1].lower not in _NOT_NAMES_BUT_THE
            ):
                j += 1
            else:
                break
        while j > i + 1 and tokens[j - 1].lower in _CONNECTORS:
            j -= 1
        # most names are one word: its text as it is, without joining a run
        text = strip_possessive(tokens[i].text if j == i + 1 else " ".join(t.text for t in tokens[i:j]))
        if text:
            names.append(Name(text, tokens[i].start, tokens[j - 1].end))
        after = j
    return names


_TEXT, _FIRST_LETTER = itemgetter(0), itemgetter(slice(None, 1))  # a token's text; a text's first letter


# Abbreviations written with a dot inside a name: "St. Ardo", "Mt. Kela", "Capt. Ana Varga"
_DOTTED_IN_NAMES = frozenset(
    {"st", "mt", "ft", "capt", "lt", "col", "gen", "sgt", "gov", "sen", "rep", "adm"}
)


def _abbreviation_inside(tokens: list[Token], j: int) -> bool:
    """Only a dot and a space between ``j - 1`` and ``j``, after an initial or a dotted abbreviation:
    "Tomas R. Kell", "St. Ardo" go on as one name."""
    previous = tokens[j - 1]
    if tokens[j].start - previous.end != 2:
        return False
    text = previous.text
    return (len(text) == 1 and text.isupper()) or previous.lower in _DOTTED_IN_NAMES


def _starts_name(tokens: list[Token], i: int, sentence_start: bool) -> bool:
    token = tokens[i]
    if not _is_capitalised(token) or _not_a_name(token.lower):
        return False
    if i == 0 and sentence_start:
        # A sentence-initial adverb, participle or count ("Increasingly", "Speaking", "Rescued", "Ten")
        # is not a name.
        lower = token.lower
        return not (lower.endswith(("ly", "ing")) or is_past_form(lower) or lower in _COUNT_WORDS)
    return True


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold(text: str) -> str:
    """Lower-case, strip diacritics and fold common transliteration variants."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE_S.sub("", text)
    for old, new in (("ks", "x"), ("kh", "h"), ("ck", "k"), ("ph", "f"), ("w", "v"), ("y", "i")):
        text = text.replace(old, new)
    text = _FINAL_EI.sub("i", text)
    return _DOUBLED.sub(r"\1", text)  # doubled letters: "ii" -> "i", "nn" -> "n"


_POSSESSIVE_S = re.compile(r"['\u2019]s\b")
_FINAL_EI = re.compile(r"ei\b")
_DOUBLED = re.compile(r"([a-z])\1+")


def _words(name: str) -> list[str]:
    """The folded words of a name without connectors, and without initials beside longer words ("Ana B.
    Varga": ana, varga)."""
    # (``str.split`` splits at the same whitespace as ``\s``, and leaves no empty word: merging reads the
    # names of every join's two sentences)
    words = [w for w in fold(name).split() if w not in _CONNECTORS]
    longer = [w for w in words if len(w.rstrip(".")) > 1]
    return longer if longer and len(longer) < len(words) else words


def actor_keys(name: str) -> set[str]:
    """Blocking keys for an actor: the folded surname, or each part of a compound (``A-B``)."""
    return set(frozen_actor_keys(name))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def frozen_actor_keys(name: str) -> frozenset[str]:
    """``actor_keys`` as a shared immutable set (cached: the same names recur across articles)."""
    words = _words(name)
    if not words:
        return frozenset()
    acronym = acronym_key(name)
    extra = {acronym} if acronym else set()
    if " of " in f" {name.lower()} ":
        if words[0] in _ORGANISATION_HEADS and len(words) > 1:
            words = [*words[1:], words[0]]  # "Department of State" is the "State Department"
        return frozenset({" ".join(words), *extra})  # an organisation: "Ministry of Defense" is one key
    if len(words) > 1 and words[-1] in _ORGANISATION_HEADS:
        # "Justice Department", "Norland Republic": the head noun is any such body's, the whole name its key
        return frozenset({" ".join(words), *extra})
    return frozenset({*(_stem(part) for part in words[-1].split("-") if part), *extra})


# Head nouns of bodies and institutions: shared by many unrelated ones, so no key alone.
_HEAD_WORDS = """department ministry service agency office bureau administration commission committee
    council court republic house library center centre hospital base university college school institute
    federation organization organisation union association party church company corporation bank fund
    foundation pact treaty act laboratory embassy consulate parliament assembly army navy force"""
_ORGANISATION_HEADS = frozenset(fold(word) for word in _HEAD_WORDS.split())
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_INITIAL_SKIP = frozenset({"and", "of", "the", "for", "&"})


@lru_cache(maxsize=WORD_CACHE_SIZE)
def acronym_key(name: str) -> str:
    """One key shared by an organisation's initials and its full name: "INS" and "Immigration and
    Naturalization Service" both give ``acr:ins``.  Only for an all-capitals name of two to six letters,
    or a name of at least three capitalised words (two-word names are mostly people: no initials)."""
    name = name.strip()
    if _ACRONYM.fullmatch(name):
        return f"acr:{name.lower()}"
    # single letters are a country's initials before the name ("U.S. Immigration and ..."), not its own
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", name) if len(w) > 1 and w.lower() not in _INITIAL_SKIP]
    if len(words) >= 3 and all(w[0].isupper() for w in words):
        return "acr:" + "".join(w[0].lower() for w in words)
    return ""


def _stem(word: str) -> str:
    stem = _DEMONYM_SUFFIX.sub("", word)
    return stem if len(stem) >= 4 else word


def same_actor(a: str, b: str) -> bool:
    """Whether two written names denote the same actor, allowing transliteration variants.

    >>> same_actor("Yevgeniy Petrov", "Evgeny Petrov")
    True
    """
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    acronym_a, acronym_b = acronym_key(a), acronym_key(b)
    if (
        acronym_a
        and acronym_a == acronym_b
        and (_ACRONYM.fullmatch(a.strip()) or _ACRONYM.fullmatch(b.strip()))
    ):
        return True  # initials and the name they abbreviate
    if (" of " in f" {a.lower()} ") or (" of " in f" {b.lower()} "):
        return fuzz.ratio(" ".join(wa), " ".join(wb)) >= SURNAME_MIN_RATIO
    if not keys_match(frozen_actor_keys(a), frozen_actor_keys(b)):  # (no copies to make)
        return False
    # the given name is the word before the surname; a title there ("Minister Petrov") is no given name
    given_a = wa[-2] if len(wa) >= 2 and wa[-2] not in _TITLES else None
    given_b = wb[-2] if len(wb) >= 2 and wb[-2] not in _TITLES else None
    if given_a and given_b:
        return fuzz.ratio(given_a, given_b) >= FIRST_NAME_MIN_RATIO
    return True


# Titles and offices written before a surname (folded as by ``fold``: "y" -> "i", doubled letters single).
_TITLE_WORDS = """president minister secretary general gen governor gov senator sen rep representative judge
    commissioner attorney ambassador spokesman spokeswoman prime chief king queen prince princess pope mayor
    capt captain lt col colonel adm admiral sgt sergeant officer leader director chairman chairwoman
    defense defence foreign interior deputy vice premier chancellor dr mr mrs ms sir lord rev father
    sheikh cardinal bishop"""
_TITLES = frozenset(fold(word) for word in _TITLE_WORDS.split())


def keys_match(keys_a: Set[str], keys_b: Set[str]) -> bool:
    if keys_a & keys_b:
        return True
    for x in keys_a:  # loops, not a generator: merging calls this hundreds of thousands of times
        length_x = len(x)
        for y in keys_b:
            # ``fuzz.ratio`` is 200 x (longest common subsequence) / (sum of the lengths), so at most 200 x
            # the shorter length / the sum: most key pairs a merge meets fail on that, in integers,
            # before the cached ratio is looked up
            length_y = len(y)
            shorter = length_x if length_x < length_y else length_y
            if 200 * shorter >= SURNAME_MIN_RATIO * (length_x + length_y) and _similar_keys(x, y):
                return True
    return False


def frozen_keys_match(keys_a: frozenset[str], keys_b: frozenset[str]) -> bool:
    """``keys_match`` for immutable key sets, cached: merging compares the same actors over and over.

    A shared key answers at once without a cache entry (entries cost memory: a large topic compares
    hundreds of thousands of pairs); only the fuzzy comparison is remembered.
    """
    return not keys_a.isdisjoint(keys_b) or fuzzy_keys_match(keys_a, keys_b)


# memory (issue #13): on a 1,000-article merge (318,000 calls) 4x the entries add 4.5% hits for 2.3 MB more
@lru_cache(maxsize=4096)
def fuzzy_keys_match(keys_a: frozenset[str], keys_b: frozenset[str]) -> bool:
    """``keys_match`` of two key sets known to share no key, cached (the merge's actor comparisons)."""
    return keys_match(keys_a, keys_b)


@lru_cache(maxsize=2048)  # a cache entry costs more memory than the ratio costs time
def _similar_keys(x: str, y: str) -> bool:
    if x.startswith("acr:") or y.startswith("acr:"):
        return False  # initials match exactly or not at all ("acr:fbi" is not "acr:fbo")
    return fuzz.ratio(x, y) >= SURNAME_MIN_RATIO


# A one-word nationality adjective or plural ("Danish", "Chinese", "American"); other "-an" and "-is" are
# left out: too many places end so (Sudan, Japan, Paris).
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:ish|ese|ians?|eans?|icans?|ans)")


def is_nationality(name: str) -> bool:
    """A one-word nationality adjective or plural ("Danish", "Chinese", "Ostrians"): says who, not which."""
    return _NATIONALITY.fullmatch(name) is not None


@lru_cache(maxsize=65536)
def place_keys(name: str) -> frozenset[str]:
    """Blocking keys of a place that tell *where*: its specific words, not a generic geographic noun.

    "Kelso Straits" -> ``kelso`` (not ``strait``); "Newark International Airport" -> ``newark``; a place
    named only by generic words ("the Airport") has no key, so it cannot tell two events apart.
    """
    if _NATIONALITY.fullmatch(name):
        return frozenset()  # "Danish fishermen" says who, not where
    words = [w for w in name.split() if noun_lemma(strip_possessive(w)).lower() not in GENERIC_PLACE_WORDS]
    if len(words) == len(name.split()):
        return frozen_actor_keys(name)
    return frozen_actor_keys(" ".join(words)) if words else frozenset()


# Words that open a new clause before a trigger: names before them belong to another clause's action.
_CLAUSE_OPENER = re.compile(
    r"[;:(]|\b(?:that|which|who|whom|whose|after|before|when|while|because|although|though|since|until|"
    r"if|where|whereas)\b",
    re.IGNORECASE,
)


_SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "since", "until", "if"}
)


@lru_cache(maxsize=16384)
def _word_at_boundaries(word: str) -> re.Pattern[str]:
    """``\\bword\\b`` in any case, compiled once per word (``re`` keeps only a few hundred patterns)."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


# memory (issue #9): asked once per mention's features, which the merge holds (mem75)
@lru_cache(maxsize=1024)
def subject_names(
    text: str, trigger: str, actors: tuple[str, ...], places: tuple[str, ...]
) -> tuple[str, ...]:
    """The actors written in the trigger's clause before the trigger: who did it ("Norland" in "Norland on
    Saturday condemned the bombing of the embassy in Vesta").

    A rough reading without a parser, used when the extractor gave no subject: places, and common role
    nouns that merely start the sentence capitalised ("Police", "Officials"), are no named subject.
    """
    first = trigger.split()[0] if trigger.strip() else ""
    found = _word_at_boundaries(first).search(text) if first else None
    if found is None:
        return ()
    before = text[: found.start()]
    openers = list(_CLAUSE_OPENER.finditer(before))
    lo = openers[-1].end() if openers else 0
    if openers and openers[-1].group().lower() in _SUBORDINATORS and "," in before[lo:]:
        lo = before.index(",", lo) + 1  # "After Ostria protested, the council approved": the main clause
    subjects = []
    for name in actors:
        at = before.find(name, lo)
        if at < 0 or name in places or _is_role_noun(name) or _NATIONALITY.fullmatch(name):
            continue
        subjects.append(name)
    return tuple(subjects)


def _is_role_noun(name: str) -> bool:
    """A capitalised common noun ("Police", "Officials", "The Boy"), not a name."""
    words = [w for w in name.lower().split() if w not in ("the", "a", "an")]
    return len(words) == 1 and noun_lemma(strip_possessive(words[0])) in ROLE_NOUNS


@lru_cache(maxsize=WORD_CACHE_SIZE)
def name_words(name: str) -> frozenset[str]:
    """Every word of a name as a key, titles left out: "Ana" and "Ana Varga" share ``ana``,
    "Immigration and Naturalization Service" and "the Naturalization Service" share ``naturalization``."""
    return frozenset(_stem(w) for w in _words(name) if w not in _TITLES)

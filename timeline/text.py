"""Small, general English word knowledge for event extraction.

No tagger is available, so verbs, event nouns and clauses are recognised with
word lists and a few suffix rules.  Everything here is general vocabulary:
never a person, place or date of any particular story.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import itemgetter
from typing import Any, NamedTuple

WORD = re.compile(
    r"&[A-Za-z]{1,8};|"
    r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F'\u2019.-]*[\w\u00C0-\u024F]|[A-Za-z\u00C0-\u024F]|\d+(?:[.,:/-]\d+)*|[;,]"
)

# Entries of each word cache (``lru_cache`` of a word's reading) the merge fills (memory, issue #9): 16,384
# keep nearly all the hits of 65,536 on 10 MB of real news and cap them at 50 MB (mem75, docs/performance.md)
WORD_CACHE_SIZE = 16384


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


class _TokenFields(NamedTuple):
    text: str
    start: int  # offset into the text that was tokenised
    end: int
    lower: str  # ``text.lower()``, computed once: event extraction reads it many times per token


class Token(_TokenFields):
    """A word with its offsets (a named tuple: millions are made, so creating one must be cheap)."""

    __slots__ = ()

    def __new__(cls, text: str, start: int, end: int, lower: str | None = None) -> Token:
        return super().__new__(cls, text, start, end, text.lower() if lower is None else lower)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Words, numbers and the clause punctuation ``;`` and ``,`` with offsets (shifted by ``offset``).

    ``WORD`` never ends a match on a dot, so an abbreviation's or sentence's final dot stays out.
    """
    # extraction's hottest loop, run in C: ``_WORD_PARTS.split`` gives the text as gap, word, gap, ...,
    # gap (``WORD``'s matches, in order), so the running sum of the parts' lengths holds every word's
    # start and end; no per-match Python code (a list comprehension over ``finditer``'s matches cost
    # about a tenth of the events stage, issue #13)
    parts = _WORD_PARTS.split(text)
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=offset))  # bounds[k]: where part k starts
    fields = zip(words, bounds[1:-1:2], bounds[2::2], map(str.lower, words), strict=True)
    tokens = list(map(tuple.__new__, repeat(Token), fields))  # skips Token.__new__'s keyword handling
    if "&" in text:
        # a markup entity left in the text ("&QL;"): neither a word nor a clause break
        return [token for token in tokens if token[0][0] != "&"]
    return tokens


_WORD_PARTS = re.compile(f"({WORD.pattern})")  # ``WORD`` as split's one group: its matches are kept


def lower_words(text: str) -> list[str]:
    """The lower-case form of each of ``tokenize(text)``'s tokens, without making the tokens (cheaper,
    when their offsets are not needed)."""
    return [word.lower() for word in WORD.findall(text) if word[0] != "&"]


def strip_possessive(word: str) -> str:
    if "'" not in word and "\u2019" not in word:
        return word  # most words and names: nothing to strip, no pattern run (every name found, issue #13)
    return _POSSESSIVE_END.sub("", word)


_POSSESSIVE_END = re.compile(r"['\u2019]s?$")


STOPWORDS = _wordset(
    """a an the and or but nor of in on at to for from by with about as into onto over under after before
    during since until till than then that this these those there here it its it's he she they them their
    his her him we us our you your i me my is are was were be been being am do does did done has have had
    having will would shall should can could may might must not no yes so if while also too very more most
    some any all each both either neither other another such only just own same what which who whom whose
    when where why how one two three up down out off again further once amid among between through per via
    said says say mr mrs ms dr according"""
)

# Capitalised words that start sentences or headlines without being names.
NOT_NAMES = _wordset(
    """the a an and but or on in at as of for to from by with after before during since while when if
    it its he she they we i you his her their our this that these those there here what which who
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december today yesterday tomorrow last next this earlier
    later meanwhile however moreover also still yet indeed neither nor not some many several both all
    each any no one two three more most other such dear previous related posted updated read share
    mr mrs ms dr over under about across against despite through throughout within without among amid
    following including until upon once"""
)

MODALS = _wordset("will would shall should can could may might must 'll")
AUXILIARIES = _wordset("be is are was were been being am has have had having do does did")
DETERMINERS = _wordset("a an the this that these those his her its their our my your some any each every no")

# Verbs that introduce what someone said: their clause is a statement event.
REPORTING_VERBS = _wordset(
    """say said says saying tell told tells telling announce announced announces announcing
    report reported reports state stated states note noted notes reveal revealed reveals
    tweet tweeted tweets add added adds claim claimed claims confirm confirmed confirms declare declared
    declares write wrote writes written insist insisted insists warn warned warns assure assured assures
    stress stressed stresses emphasize emphasized emphasised emphasizes deny denied denies explain
    explained explains comment commented inform informed informs remark remarked acknowledge
    acknowledged admit admitted argue argued suggest suggested urge urged quote quoted posted"""
)

# Verbs whose object noun is the real event ("held talks", "had a call", "took place").
LIGHT_VERBS = _wordset(
    """have has had having hold holds held holding take takes took taken taking make makes made making
    conduct conducts conducted conducting carry carries carried give gave given stage staged host hosted
    get got"""
)

# Irregular verb forms (past and base) that suffix rules cannot find.
IRREGULAR_VERBS = {
    "began": "begin",
    "begun": "begin",
    "begin": "begin",
    "begins": "begin",
    "held": "hold",
    "hold": "hold",
    "holds": "hold",
    "had": "have",
    "has": "have",
    "have": "have",
    "met": "meet",
    "meet": "meet",
    "meets": "meet",
    "told": "tell",
    "said": "say",
    "says": "say",
    "took": "take",
    "taken": "take",
    "made": "make",
    "went": "go",
    "gone": "go",
    "came": "come",
    "gave": "give",
    "given": "give",
    "saw": "see",
    "seen": "see",
    "spoke": "speak",
    "spoken": "speak",
    "sent": "send",
    "send": "send",
    "left": "leave",
    "leave": "leave",
    "won": "win",
    "lost": "lose",
    "fought": "fight",
    "struck": "strike",
    "brought": "bring",
    "bought": "buy",
    "ran": "run",
    "rose": "rise",
    "fell": "fall",
    "led": "lead",
    "paid": "pay",
    "sought": "seek",
    "stood": "stand",
    "thought": "think",
    "wrote": "write",
    "written": "write",
    "broke": "break",
    "broken": "break",
    "chose": "choose",
    "drove": "drive",
    "flew": "fly",
    "froze": "freeze",
    "grew": "grow",
    "knew": "know",
    "became": "become",
    "shot": "shoot",
    "hit": "hit",
    "set": "set",
    "put": "put",
    "cut": "cut",
    "quit": "quit",
    "withdrew": "withdraw",
    "undertook": "undertake",
    "overtook": "overtake",
    "got": "get",
    "kept": "keep",
    "felt": "feel",
    "found": "find",
    "heard": "hear",
    "meant": "mean",
    "sold": "sell",
    "spent": "spend",
    "swore": "swear",
    "threw": "throw",
    "understood": "understand",
    "woke": "wake",
    "wore": "wear",
    "forbade": "forbid",
    "fled": "flee",
    "slew": "slay",
    "bore": "bear",
    "burst": "burst",
    "spread": "spread",
    "shut": "shut",
    "sank": "sink",
    "blew": "blow",
    "blown": "blow",
    "swept": "sweep",
    "built": "build",
    "build": "build",
    "builds": "build",
}
IRREGULAR_PAST = frozenset(w for w, base in IRREGULAR_VERBS.items() if w != base and not w.endswith("s"))

# Common base verbs for recognising "will attend", "to finish", "plans to visit".
BASE_VERBS = _wordset(
    """attend visit finish end begin start launch open close sign agree discuss talk call meet hold arrive
    leave return vote elect resign die kill attack invade strike release arrest detain deploy withdraw
    announce hold host travel fly meet continue resume stop halt suspend cancel approve reject adopt pass
    win lose take make send receive invite join accept propose introduce ban ease lift impose hit bomb
    shell capture seize occur happen remain stay conclude complete begin hold sign expire"""
)

# Event nouns and event verbs mapped to a shared concept: the small synonym lexicon used for merging.
CONCEPTS = {
    "call": "call",
    "calls": "call",
    "phone": "call",
    "telephone": "call",
    "conversation": "call",
    "conversations": "call",
    "talk": "call",
    "talks": "call",
    "phoned": "call",
    "telephoned": "call",
    "meeting": "meeting",
    "meetings": "meeting",
    "meet": "meeting",
    "met": "meeting",
    "summit": "meeting",
    "visit": "visit",
    "visits": "visit",
    "visited": "visit",
    "trip": "visit",
    "tour": "visit",
    "attend": "attend",
    "attended": "attend",
    "attends": "attend",
    "drill": "drills",
    "drills": "drills",
    "exercise": "drills",
    "exercises": "drills",
    "maneuvers": "drills",
    "manoeuvres": "drills",
    "maneuver": "drills",
    "wargames": "drills",
    "begin": "begin",
    "began": "begin",
    "begun": "begin",
    "begins": "begin",
    "start": "begin",
    "started": "begin",
    "starts": "begin",
    "launch": "begin",
    "launched": "begin",
    "launches": "begin",
    "beginning": "begin",
    "opened": "begin",
    "end": "end",
    "ended": "end",
    "ends": "end",
    "finish": "end",
    "finished": "end",
    "finishes": "end",
    "conclude": "end",
    "concluded": "end",
    "completion": "end",
    "complete": "end",
    "completed": "end",
    "attack": "attack",
    "attacks": "attack",
    "attacked": "attack",
    "strike": "attack",
    "strikes": "attack",
    "struck": "attack",
    "assault": "attack",
    "shelling": "attack",
    "shelled": "attack",
    "bombed": "attack",
    "election": "election",
    "elections": "election",
    "vote": "election",
    "voted": "election",
    "referendum": "election",
    "polls": "election",
    "protest": "protest",
    "protests": "protest",
    "protested": "protest",
    "demonstration": "protest",
    "demonstrations": "protest",
    "rally": "protest",
    "rallies": "protest",
    "agreement": "agreement",
    "agreed": "agreement",
    "agree": "agreement",
    "deal": "agreement",
    "treaty": "agreement",
    "accord": "agreement",
    "signed": "agreement",
    "arrest": "arrest",
    "arrested": "arrest",
    "detained": "arrest",
    "detention": "arrest",
    "invasion": "invasion",
    "invaded": "invasion",
    "invade": "invasion",
    "resignation": "resign",
    "resigned": "resign",
    "resign": "resign",
    "killed": "death",
    "died": "death",
    "death": "death",
    "deaths": "death",
    "sanctions": "sanction",
    "sanctioned": "sanction",
    "sanction": "sanction",
    "deployment": "deploy",
    "deployed": "deploy",
    "deploying": "deploy",
    "deploy": "deploy",
    "withdrawal": "withdraw",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "withdraw": "withdraw",
    "press": "press",
    "briefing": "press",
    "interview": "press",
}
# General synonym families, grouped by concept (one word, one concept): explosions are attacks,
# a death toll is deaths, "plucked from the sea" is a rescue, "acceded" is joining.
_FAMILIES = {
    "attack": """bomb bombs bombing bombings bomber bombers explosion explosions explode exploded explodes
        blast blasts blew attacking raid raids ambush ambushed shoot shoots shooting shootings gunfire
        stab stabs stabbed stabbing""",
    "death": """kill kills killing killings dead die dies dying toll slain murder murders murdered slaying
        casualties fatalities""",
    "rescue": """rescue rescues rescued rescuing found find finds saved save plucked pluck""",
    "join": """join joins joined joining accede accedes acceded accession membership admission""",
    "arrest": """arrests detain detains seize seized seizes captured capture captures apprehended""",
    "election": """ballot ballots voting votes elected elect poll""",
    "agreement": """sign signs signing pact""",
    "resign": """quit quits resigns resigning""",
    "meeting": """meets summits""",
    "collapse": """collapse collapses collapsed collapsing""",
}
for _concept, _words in _FAMILIES.items():
    for _word in _words.split():
        CONCEPTS.setdefault(_word, _concept)

# Two-word actions whose first word alone means something else ("went off" is an explosion).
PHRASAL_CONCEPTS = {
    ("went", "off"): "attack",
    ("go", "off"): "attack",
    ("goes", "off"): "attack",
    ("blew", "up"): "attack",
    ("stepped", "down"): "resign",
    ("step", "down"): "resign",
    ("steps", "down"): "resign",
    ("became", "members"): "join",
    ("become", "members"): "join",
    ("became", "member"): "join",
    ("become", "member"): "join",
    ("becoming", "members"): "join",
    ("gave", "way"): "collapse",
    ("give", "way"): "collapse",
    ("gives", "way"): "collapse",
    ("giving", "way"): "collapse",
    ("caved", "in"): "collapse",
    ("passed", "away"): "death",
    ("pass", "away"): "death",
    ("passes", "away"): "death",
    ("passing", "away"): "death",
    ("stood", "down"): "resign",
    ("stand", "down"): "resign",
    ("stands", "down"): "resign",
}
for (_first, _second), _concept in PHRASAL_CONCEPTS.items():
    CONCEPTS[f"{_first} {_second}"] = _concept

# Words too general to show that two sentences are about the same thing.
GENERIC_TERMS = _wordset(
    """people person official officials government governments year years day days week weeks month months
    time times man men woman women thing things country countries city cities state states group groups
    part case cases report reports news statement number way lot life area place issue matter other new
    former last first second many few another told take make come get give put see know think want keep
    keeps kept go went become became help show tell call use told asked ask leave left look seem seemed
    going including include spokesman spokeswoman source sources percent end begin"""
)

# Generic geographic nouns: a place name's key comes from its other words ("Kelso Straits" -> kelso),
# and a place named by them alone says nothing about where (lemmas, as ``noun_lemma`` gives them).
GENERIC_PLACE_WORDS = _wordset(
    """strait straits airport international national bay sea ocean gulf river lake island islands isle
    mountain mountains mount hill hills valley coast beach harbor harbour port street avenue road square
    park bridge border province county district region state city town village capital north south east
    west northern southern eastern western central upper lower new old great greater little saint st"""
)

# Common nouns for people and bodies that start a sentence capitalised without being a name
# ("Police arrested ..."): never the named subject that tells two parties' actions apart (lemmas).
ROLE_NOUNS = _wordset(
    """police officer official authority investigator prosecutor detective troop soldier rebel militant
    guerrilla witness resident rescuer firefighter doctor worker protester protestor demonstrator lawmaker
    legislator parliament government court army military navy president minister leader suspect boy girl
    man woman child children people person family relative student teacher analyst expert diplomat
    spokesman spokeswoman source report reporter journalist citizen voter crowd mob gunman gunmen
    attacker bomber victim survivor lawyer judge jury"""
)

# Words where the noun reading of a CONCEPTS entry differs from the verb ("called X alarming").
EVENT_NOUNS = _wordset(
    """call calls conversation conversations talks meeting meetings summit visit visits trip drills
    exercise exercises maneuvers manoeuvres attack attacks strike strikes assault shelling election
    elections referendum protest protests demonstration demonstrations rally rallies agreement deal
    treaty accord arrest detention invasion resignation death sanctions deployment withdrawal
    ceremony conference briefing interview session negotiations bombing bombings explosion explosions
    blast blasts killing killings accession membership rescue ballot signing toll murder raid debate
    hearing"""
)

# "-ed" words that are usually adjectives or nouns, not verbs.
ED_NON_VERBS = _wordset(
    """need speed seed feed bed red aged united armed based alleged related limited advanced detailed
    concerned interested proposed so-called called-for hundred unprecedented unbiased indeed embed
    breed creed greed shed sled weed"""
)

FUTURE_CUES = re.compile(
    r"\b(?:will|'ll|would|shall|is|are|was|were)\s+(?:not\s+)?(?:be\s+)?(?:expected|scheduled|due|set|slated|"
    r"planned|going)\s+to\b|\bwill\b|\bwould\b|\bshall\b|\b(?:plans?|planning|planned|intends?|intending|"
    r"aims?|expects?|expected|scheduled|slated)\s+to\b|\bscheduled\b|\bupcoming\b|\bto be held\b|\bwon't\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def verb_lemma(word: str) -> str:
    """A rough base form of a verb form: ``visited`` -> ``visit``, ``began`` -> ``begin``."""
    w = word.lower()
    if w in IRREGULAR_VERBS:
        return IRREGULAR_VERBS[w]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if suffix in ("ed", "ing") and len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # "admitted" -> "admit"
            elif suffix in ("ed", "es", "ing") and _needs_final_e(stem):
                stem += "e"  # "announced" -> "announce", "ruled" -> "rule"
            return stem
    return w


# consonant-vowel-consonant endings that usually drop an "e": isolat(e), rul(e), accus(e), provok(e)
_DROPPED_E = re.compile(r"[^aeiou](?:at|iz|is|ud|us|uc|iv|ok|ul|id|ag|ur|ar|ot|ut|in)$|nc$|rg$|lv$|[lnrp]s$")


def _needs_final_e(stem: str) -> bool:
    if stem + "e" in BASE_VERBS or stem + "e" in REPORTING_VERBS:
        return True
    return bool(_DROPPED_E.search(stem))


def noun_lemma(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=2 * WORD_CACHE_SIZE)  # the most asked word cache
def concept(word: str) -> str | None:
    """The shared event concept of a word (``talks`` and ``conversation`` -> ``call``), if it has one."""
    w = word.lower()
    return CONCEPTS.get(w) or CONCEPTS.get(noun_lemma(w))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_stem(word: str) -> str:
    """One key for a word's noun and verb forms: collapse / collapsed, flood / flooding, evacuated /
    evacuation (for comparing content words, not for display)."""
    w = word.lower()
    w = verb_lemma(w) if w.endswith(("ing", "ed")) else noun_lemma(w)
    w = _verb_of_noun(w)
    if w.endswith("tion") and len(w) > 6:
        w = w[:-3]  # "evacuation" -> "evacuat", "inspection" -> "inspect"
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]  # "collapse" and "collaps(ed)" alike
    return w


# Derivational noun endings and the verb ending they come from, tried in order (longest first):
# ratification/ratify, acquisition/acquire, decision/decide, admission/admit, conclusion/conclude,
# explosion/explode, confirmation/confirm, announcement/announce, approval/approve, arrival/arrive.
_NOUN_TO_VERB = (
    ("ification", "ify"),
    ("isition", "ire"),
    ("ission", "it"),
    ("ision", "ide"),
    ("usion", "ude"),
    ("osion", "ode"),
    ("ement", "e"),
    ("ment", ""),
    ("oval", "ove"),
    ("ival", "ive"),
)
# Nouns with those endings that are not actions of a verb of the same stem.
_NOT_DERIVED = _wordset(
    """department apartment compartment commission mission vision division television provision revision
    government statement document instrument element moment comment segment cement pavement basement festival
    rival interval survival oval supplement implement complement sentiment"""
)
# "-ation" nouns of verbs that do not end in "-ate" (confirmation/confirm, condemnation/condemn):
# the verb itself, checked so "nation", "station", "relation" keep their own stem.
_ATION_VERBS = _wordset(
    """confirm condemn resign inform form transform consult declar accus invit explor prepar continu
    cancel present represent limit visit orient expect reserv observ preserv conserv deport transport
    adopt implement"""
)


def _verb_of_noun(noun: str) -> str:
    """The verb a derived action noun comes from (``ratification`` -> ``ratify``), else the noun."""
    if noun in _NOT_DERIVED:
        return noun
    if noun.endswith("ation") and noun[:-5] in _ATION_VERBS:
        return noun[:-5]
    for suffix, verb_ending in _NOUN_TO_VERB:
        if noun.endswith(suffix) and len(noun) - len(suffix) >= 3:
            return noun[: -len(suffix)] + verb_ending
    return noun


def is_reporting(word: str) -> bool:
    return word.lower() in REPORTING_VERBS


@lru_cache(maxsize=WORD_CACHE_SIZE)
def is_past_form(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PAST or w in ED_NON_VERBS or not w.endswith("ed"):
        return w in IRREGULAR_PAST
    if len(w) == 4:
        # "died", "used", "sued", "owed": a two-letter stem with a vowel, not "-eed" ("need", "seed")
        return w[1] != "e" and any(c in "aeiouy" for c in w[:2])
    return len(w) > 4


_HAVE = frozenset({"has", "have", "had", "having"})


def verb_flags(tokens: list[Token]) -> list[bool]:
    """``is_verb`` of every token (one pass, for a whole sentence).

    The same decisions as ``_reads_as_verb``, taken from what is known of each word alone and of the
    word before it alone (two small tables), instead of one cache entry per pair of words: every
    sentence of a collection goes through here, and most word pairs are seen only once.  Most words
    are never a verb whatever comes before them: those are settled by the word's own reading, looked up
    for every token in C; Python code runs only for the tenth or so of the tokens that may be verbs.
    """
    words = list(map(_LOWER_FIELD, tokens))
    readings = list(map(_WORD_READINGS.__getitem__, words))
    flags = [False] * len(words)
    previous_reading = _PREVIOUS_READINGS.__getitem__
    for i in compress(range(len(words)), readings):  # a reading (a tuple) is true, "never a verb" None
        reading = readings[i]
        if reading is _HAVE_READING:
            nxt = words[i + 1] if i + 1 < len(words) else ""
            prev = words[i - 1] if i > 0 else ""
            flags[i] = _reads_as_verb(words[i], prev, nxt, i > 0 and tokens[i].text[:1].isupper())
        elif i > 0 and tokens[i].text[:1].isupper():
            continue
        else:
            fixed, after_modal, gerund, present = reading
            determiner, modal, before_gerund, before_plural = previous_reading(words[i - 1] if i > 0 else "")
            if determiner:
                continue
            if fixed:
                flags[i] = True
            elif modal:
                flags[i] = after_modal
            elif gerund and before_gerund:
                flags[i] = True
            else:
                flags[i] = present and not before_plural
    return flags


_LOWER_FIELD = itemgetter(3)  # a Token's ``lower``


class WordReadings(dict):
    """A pure function of one word, kept by the word (``table[word]``): looked up in C, computed on a
    miss; emptied past ``limit`` words (a bound, not an LRU: the readings are cheap to make again)."""

    def __init__(self, read: Callable[[str], Any], limit: int) -> None:
        super().__init__()
        self.read, self.limit = read, limit

    def __missing__(self, word: str) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.read(word)
        return value


_HAVE_READING = (None, False, False, False)  # "have": its next word decides (``_reads_as_verb``)


def _word_reading(word: str) -> tuple[bool | None, bool, bool, bool] | None:
    """What ``_reads_as_verb`` decides from ``word`` alone: None when it is never a verb (whatever the
    word before), ``_HAVE_READING`` (that very object) for a form of "have", else: a verb unless after a
    determiner or capitalised (True) or neither (None); then whether it is a verb after a modal, an
    -ing verb after an auxiliary or a gerund's preposition, and a verb in the present otherwise."""
    if word in _HAVE:
        return _HAVE_READING
    if word in AUXILIARIES or word in MODALS:
        return None
    if word in IRREGULAR_VERBS or word in REPORTING_VERBS and not word.endswith("s"):
        return True, False, False, False
    if is_past_form(word):
        return True, False, False, False
    base = verb_lemma(word)
    after_modal = base in BASE_VERBS or word in BASE_VERBS or word in REPORTING_VERBS
    gerund = word.endswith("ing") and word not in _ING_NOUNS
    present = word.endswith("s") and (base in BASE_VERBS or word in REPORTING_VERBS)
    if not (after_modal or gerund or present):
        return None  # not a verb after a modal, nor an -ing verb, nor a present: never a verb
    return None, after_modal, gerund, present


def _previous_reading(prev: str) -> tuple[bool, bool, bool, bool]:
    """What ``_reads_as_verb`` asks of the word before: a determiner, a modal (or "to", "not" ...),
    before an -ing verb, before a plural noun."""
    return (
        prev in DETERMINERS,
        prev in MODALS or prev == "to" or prev in ("not", "n't", "did", "does", "do"),
        prev in AUXILIARIES or _before_gerund(prev),
        prev in _BEFORE_PLURAL_NOUNS or prev[:1].isdigit(),
    )


_WORD_READINGS = WordReadings(_word_reading, 65536)
_PREVIOUS_READINGS = WordReadings(_previous_reading, 65536)


def is_verb(tokens: list[Token], i: int) -> bool:
    """Whether token ``i`` reads as a verb, judged from its form and the word before it."""
    token = tokens[i]
    prev = tokens[i - 1].lower if i > 0 else ""
    # only "have" looks at the next word; leaving it out elsewhere keeps the cache small
    nxt = tokens[i + 1].lower if token.lower in _HAVE and i + 1 < len(tokens) else ""
    return _reads_as_verb(token.lower, prev, nxt, i > 0 and token.text[:1].isupper())


@lru_cache(maxsize=262144)
def _reads_as_verb(word: str, prev: str, nxt: str, mid_capitalised: bool) -> bool:
    """``is_verb`` on the words alone (cached: the same word pairs recur throughout a collection)."""
    if word in _HAVE:
        # "had a call" is a verb of its own; "had visited", "had to" are auxiliaries
        return bool(nxt) and nxt not in ("to", "been", "not", "also", "already") and not is_past_form(nxt)
    if word in AUXILIARIES or word in MODALS:
        return False
    if prev in DETERMINERS or mid_capitalised:
        return False  # "the call", or a capitalised name in mid-sentence
    if word in IRREGULAR_VERBS or word in REPORTING_VERBS and not word.endswith("s"):
        return True
    if is_past_form(word):
        return True
    base = verb_lemma(word)
    if prev in MODALS or prev == "to" or prev in ("not", "n't", "did", "does", "do"):
        return base in BASE_VERBS or word in BASE_VERBS or word in REPORTING_VERBS
    if word.endswith("ing") and (prev in AUXILIARIES or _before_gerund(prev)) and word not in _ING_NOUNS:
        return True
    if prev in _BEFORE_PLURAL_NOUNS or prev[:1].isdigit():
        return False  # "three states", "of talks": a plural noun, not a verb in the present
    return word.endswith("s") and (base in BASE_VERBS or word in REPORTING_VERBS)


# "after crushing", "by violently suppressing": a preposition or manner adverb before an -ing verb
_GERUND_PREPOSITIONS = _wordset("after before while by since without when upon despite")
_LY_ADJECTIVES = _wordset("early only daily weekly monthly yearly likely family holy friendly deadly elderly")
_ING_NOUNS = _wordset("morning evening building meeting funding spending ceiling wedding hearing briefing")


def _before_gerund(prev: str) -> bool:
    if prev in _GERUND_PREPOSITIONS:
        return True
    return prev.endswith("ly") and len(prev) > 4 and prev not in _LY_ADJECTIVES


_BEFORE_PLURAL_NOUNS = _wordset(
    """two three four five six seven eight nine ten dozen hundreds thousands several many few both other
    of in for with from among by on at into"""
)

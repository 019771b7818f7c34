"""Dates a clause has without a date expression of its own: the news of the publication day, or the day
of the narrative it continues.

A news article's headline and lead report its news, and so do the body's present-perfect and present
reports ("Acme has unveiled ...", "officials say ..."): with no date in the clause, the event is the
publication day's (``publication-implicit``; it may lie a day earlier: Saturday's paper reports Friday).
A past-tense clause right after a clause dated to a recent day continues that day's story and shares its
date (``narrative``); a past-tense report with no such day before it is the publication day's news.
Background is no event of the timeline: pluperfect ("had signed"), "has long", and past-tense clauses
continuing a narrative of long ago.  Future, modal and generic present clauses are not dated here.

Everything is decided per clause, from the main clause's verb group: a relative clause ("Acme, which has
out-sold its rival since 2003, unveiled ...") or a quotation does not make the sentence's tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from timeline.events.analysis import _Analysis, comma_indices, quote_marks
from timeline.events.clauses import _relative_clauses
from timeline.text import (
    DETERMINERS,
    IRREGULAR_VERBS,
    MODALS,
    STOPWORDS,
    Token,
    concept,
    is_past_form,
    is_reporting,
    verb_flags,
)
from timeline.types import DateValue, EventMention

PUBLICATION_IMPLICIT = "publication-implicit"
NARRATIVE = "narrative"

# how many sentences after a dated one a past-tense sentence may still continue its story
NARRATIVE_REACH = 1
# a narrative day this close before publication is the story's own (recent) day; older ones are history
RECENT_BEFORE = timedelta(days=7)
# an older narrative day still this close is a recent happening's (a later report of a blast's toll told on
# about it): its next sentences are more of that happening, as the merge joins later reports of it within
# its retelling window (``merge.features.RETELL_WINDOW``, the same 31 days); beyond, history
RECENT_STORY = timedelta(days=31)
BACKGROUND = "background"  # the status of a clause telling more of an earlier happening
LEAD_SENTENCES = 1  # body sentences (after the headline) that are the article's lead

# Tenses of a main clause's verb group, as ``main_verb`` reads them.
PLUPERFECT, PERFECT, LONG_PERFECT = "pluperfect", "perfect", "long-perfect"
PAST, PRESENT, REPORT_PRESENT, PROGRESSIVE = "past", "present", "report-present", "progressive"
FUTURE, MODAL = "future", "modal"
COPULA = "copula"  # "is", "are" + a noun or adjective: a state, generic present
STATE = (
    "state"  # a changeable condition of a particular subject, holding now: "is in custody", "remains missing"
)

_SKIPPED_ADVERBS = frozenset(
    {"also", "already", "not", "n't", "now", "just", "still", "since", "recently", "reportedly", "finally"}
    | {"never", "repeatedly", "previously", "officially", "formally", "quickly", "again", "all", "both"}
)
_DURATIVE = frozenset({"long", "always", "often", "traditionally", "frequently", "usually"})
_FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo"})
_SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "if", "unless", "as", "once"}
    | {"since", "until", "whereas"}
)
# participles of planning: a happening so described has a date still to come or not yet told
_PLANNING = frozenset(
    {"scheduled", "planned", "set", "slated", "arranged", "postponed", "rescheduled", "delayed"}
)
_PAST_PARTICIPLES = frozenset(w for w, base in IRREGULAR_VERBS.items() if w != base)
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re"})
_PAST_BE = frozenset({"was", "were"})
# "for years", "for decades", "since 2003": a perfect of a long stretch is background, not news
_LONG_STRETCH = re.compile(r"\bfor (?:years|decades|months|centuries|generations)\b|\bsince\b", re.IGNORECASE)


@dataclass(frozen=True)
class MainVerb:
    """The main clause's verb group: where its verb stands and its tense."""

    index: int  # token index of the lexical verb (or of the auxiliary when none follows)
    tense: str
    report: bool = False  # a reporting verb ("said", "told")
    stative: bool = False  # a verb of a state in the present ("wants", "remains"): how things are
    planned: bool = False  # a participle of planning ("has been scheduled", "is planned")


@dataclass
class Narrative:
    """What the article has told so far: the date of its last dated main clause, and where it stood."""

    date: DateValue | None = None
    sentence: int = -1  # that clause's sentence index (moved on as past-tense sentences continue it)
    paragraph: int = -1
    quote_open: bool = False  # a quotation left open by the previous sentence runs on
    names: frozenset[str] = frozenset()  # the names of the clause that set the date (its doers, its places)
    statement: bool = False  # that clause is a statement ("police said Monday that ...")


def new_scene(narrative: Narrative, subjects: list[str], news_day: DateValue, lead_doers: set[str]) -> bool:
    """A statement's day carries on to what it reports, not to a new paragraph that opens on the lead's
    doer when the statement did not name them and the lead tells its news on another day ("Rahn toured
    Acmeville on Wednesday. ... Police said Tuesday that ... [new paragraph] Rahn, back from ..., inspected
    the docks"): that is the lead's scene again.  ``lead_doers``: the last words of the lead's named
    doers (a later sentence names them by surname).  Anyone else goes on with the story, and so does
    everything when the lead's day is the statement's (a paper telling all of yesterday)."""
    if not narrative.statement or narrative.date == news_day or narrative.names.intersection(subjects):
        return False
    return any(name.split()[-1] in lead_doers for name in subjects)


def quoted_tokens(analysis: _Analysis, open_at_start: bool) -> tuple[set[int], bool]:
    """The tokens inside quotation marks, and whether a quotation is still open at the sentence's end."""
    marks = quote_marks(analysis)
    if not marks:  # most sentences: no mark opens or closes anything
        return (set(range(len(analysis.tokens))) if open_at_start else set()), open_at_start
    inside, quoted, n = open_at_start, set(), 0
    for i, token in enumerate(analysis.tokens):
        while n < len(marks) and marks[n][0] <= token.start:
            inside = _after_mark(inside, marks[n][1])
            n += 1
        if inside:
            quoted.add(i)
    for _, mark in marks[n:]:
        inside = _after_mark(inside, mark)
    return quoted, inside


def _after_mark(inside: bool, mark: str) -> bool:
    """Whether a quotation is open after ``mark``: an opening mark (````, \u201c) opens one even when one is
    open already (a new quoted paragraph re-opens the quotation), a closing one (\u201d) closes it; marks
    that look alike on both sides ('', ") toggle."""
    if mark in OPENING_QUOTES:
        return True
    if mark == "\u201d":
        return False
    return not inside


OPENING_QUOTES = frozenset({"``", "\u201c"})


def main_verb(
    analysis: _Analysis, quoted: set[int], headline: bool = False, asides: bool = True
) -> MainVerb | None:
    """The verb group of the sentence's main clause: the first finite verb outside quotations, relative
    clauses, a leading subordinate clause ("After the vote, ...") and the ignored tokens.

    What was said without a tense of its own to date it (a quotation, a modal or future clause) followed
    by ", X said" is the statement's sentence: its main verb is the reporting verb, and so is a
    present-tense aside's (``aside_report``; with ``asides``: a sentence whose clause has no date of its
    own).  A headline is read in lower case ("Acme Unveils Jet").
    """
    verbs = analysis.verbs
    if headline:
        verbs = verb_flags([Token(t.text.lower(), t.start, t.end) for t in analysis.tokens])
    skipped = set(quoted) | set(analysis.ignored)
    for relative in _relative_clauses(analysis):
        skipped.update(range(relative.word, _unquoted_end(analysis, relative.end, quoted)))
    skipped |= _leading_subordinate(analysis)
    found = _headline_verb(analysis, skipped) if headline else None
    tokens = analysis.tokens
    for i in range(len(tokens) if found is None else 0):
        if i in skipped:
            continue
        # ``_tense_at`` finds nothing at a token that is neither a verb nor a word of ``_TENSE_WORDS`` nor
        # a contracted pronoun (which has an apostrophe: tested first, without a call, on every word)
        word = tokens[i].lower
        if verbs[i] or word in _TENSE_WORDS or (("'" in word or "\u2019" in word) and _contracted(word)):
            found = _tense_at(analysis, i, skipped, verbs)
            if found is not None:
                break
    # a present verb the lexicon does not know may come before the verb found ("Engineers say the dam is")
    unknown = _plain_present(analysis, skipped, found.index if found is not None else len(analysis.tokens))
    if unknown is not None and (found is None or unknown.index < found.index):
        found = unknown
    aside = aside_report(analysis, quoted) if asides else None
    if aside is not None:
        return aside  # "The problem, officials now say, was the cost": the statement is the sentence's act
    if found is None or found.tense in (MODAL, FUTURE, PRESENT, COPULA):
        closing = closing_report(analysis, quoted)
        if closing is not None:
            return closing
    elif (
        asides
        and (closing := closing_report(analysis, quoted)) is not None
        and closing.tense == REPORT_PRESENT
    ):
        return closing  # "The decision was made after ..., officials say": said now, like an aside
    if found is not None and _current_state(analysis, found, skipped):
        return MainVerb(found.index, STATE, stative=True)
    return found


# Adjectives of a condition that changes and is news while it holds ("the road is closed", "two climbers
# are missing", "the patient is stable"); not judgements ("is important", "is skeptical") nor properties.
_STATE_WORDS = """missing dead alive critical stable serious safe free ready available unavailable closed open
    shut intact idle vacant empty full homeless stranded dependent close unchanged unknown ill sick absent
    at-large"""
_STATE_ADJECTIVES = frozenset(_STATE_WORDS.split())
# "is in custody", "are under investigation", "is on strike", "are without power", "are among the dead":
# a preposition before a common noun (not a name: "the city is in Norland" is geography, not news)
_STATE_PREPOSITIONS = frozenset({"in", "on", "at", "under", "behind", "without", "among", "out"})
# verbs that say a condition holds on ("remains in hospital", "stays closed"): any place counts
_REMAIN = frozenset({"remain", "remains", "stay", "stays"})
# subjects of opinion or of the whole situation, not a particular one: "it is unclear", "what matters is"
_GENERIC_SUBJECTS = frozenset({"it", "this", "that", "what", "there", "which", "who"})


# verbs of an attitude or a judgement: "still wants", "now fears" tell an opinion, not a condition
_ATTITUDE = "want need like fear prefer love hate wish hope seem appear mean deserve matter tend"
_ATTITUDES = frozenset(form for base in _ATTITUDE.split() for form in (base, base + "s"))


def _last_words(tokens: list[Token], end: int, skipped: set[int], count: int) -> list[str]:
    """The lower-case forms of the last ``count`` words (letters only) before token ``end``, outside
    ``skipped``, in order: read from ``end`` back, stopping at the ``count``-th (the subject before a
    verb is near it)."""
    words: list[str] = []
    for i in range(end - 1, -1, -1):
        if i not in skipped and tokens[i].text.isalpha():
            words.append(tokens[i].lower)
            if len(words) == count:
                break
    words.reverse()
    return words


# adverbs saying a condition holds at the time of writing: "still", "now", "currently", "no longer"
_NOW = frozenset({"still", "now", "currently", "longer"})


def _holds_now(tokens: list[Token], verb: int) -> bool:
    """An adverb of the present right before the verb or right after it ("still has", "is now")."""
    return any(tokens[i].lower in _NOW for i in (verb - 1, verb + 1) if 0 <= i < len(tokens))


def _current_state(analysis: _Analysis, verb: MainVerb, skipped: set[int]) -> bool:
    """The main clause tells a changeable condition of a particular subject as holding now: a copula,
    "has" or a verb of holding with "still", "now", "currently" or "no longer" beside it; "is" / "are"
    / "remains" + a state adjective ("is missing", "are totally dependent on aid") or a preposition of
    condition before a common noun ("are in custody", "is under investigation"); "remains" / "stays" +
    any place.  A copula + a noun ("is a country", "the source is the embassy") is not such news."""
    tokens = analysis.tokens
    word = tokens[verb.index].lower
    remain = verb.tense == PRESENT and word in _REMAIN
    subject = _last_words(tokens, verb.index, skipped, 3)
    if not subject or subject[-1] in _GENERIC_SUBJECTS or "what" in subject:
        return False
    if (verb.tense == COPULA or verb.stative) and word not in _ATTITUDES and _holds_now(tokens, verb.index):
        return True  # "Norland still has ...", "the fund now holds ...", "Rahn is now the second ..."
    if not (verb.tense == COPULA and word in _PRESENT_BE) and not remain:
        return False
    j, predicate, _ = _next_word(analysis, verb.index, skipped)
    if predicate in _STATE_ADJECTIVES:
        return True
    if predicate not in _STATE_PREPOSITIONS or j + 1 >= len(tokens):
        return False
    k = j + 1
    while k < len(tokens) - 1 and tokens[k].lower in DETERMINERS:
        k += 1
    head = tokens[k].text
    if not head.isalpha() or tokens[k].lower in _NOT_CONDITIONS:
        return False
    return remain or head.islower()


# "are at least imposed", "is in fact": adverbial phrases; "is in the north of", "is at the heart of": where
# a thing lies, not a condition
_NOT_CONDITIONS = frozenset(
    {"least", "most", "fact", "part", "all", "turn", "general", "particular", "addition"}
    | {"north", "south", "east", "west", "centre", "center", "heart", "middle", "corner", "edge", "mouth"}
    | {"outskirts", "side", "top", "bottom", "front", "back", "foot"}
)


# words opening a main clause coordinated with the first: "..., but it still recognizes ..."
_COORDINATORS = frozenset({"but", "and", "while", "whereas", "yet"})


def coordinated_verb(analysis: _Analysis, quoted: set[int], verb: MainVerb) -> MainVerb | None:
    """The verb group of a main clause coordinated after the one of ``verb`` ("Norland has been a
    republic since 1901, but it still recognizes the old crown"): each main clause has its own tense."""
    skipped = set(quoted) | set(analysis.ignored)
    for relative in _relative_clauses(analysis):
        skipped.update(range(relative.word, _unquoted_end(analysis, relative.end, quoted)))
    for start, end in analysis.clauses:
        opener = analysis.tokens[start].lower
        if start <= verb.index or start in skipped or opener not in _COORDINATORS:
            continue
        if analysis.tokens[start - 1].text not in (",", ";"):
            continue  # "black and white", "talks and a vote": no clause of its own
        for i in range(start + 1, end):
            if i not in skipped and (found := _tense_at(analysis, i, skipped, analysis.verbs)) is not None:
                return found
        # a present verb the lexicon does not know ("but it still recognizes the crown")
        outside = skipped | set(range(start + 1)) | set(range(end, len(analysis.tokens)))
        return _plain_present(analysis, outside, end)
    return None


def _present(i: int, word: str) -> MainVerb:
    """A present-tense verb at token ``i``: a report ("says"), a state ("wants") or an act ("unveils")."""
    report = is_reporting(word)
    return MainVerb(i, REPORT_PRESENT if report else PRESENT, report=report, stative=word in STATIVE_VERBS)


def _headline_verb(analysis: _Analysis, skipped: set[int]) -> MainVerb | None:
    """A headline's verb, its words all capitalised: "Acme Unveils Jet" (present), "Acme To Cut Jobs"
    (a plan), "Three Killed In Blast" (past)."""
    for i in range(1, len(analysis.tokens)):
        word = analysis.tokens[i].lower
        if i in skipped or not word.isalpha() or word in STOPWORDS - {"to"}:
            continue
        if word == "to":
            return MainVerb(i, FUTURE)
        if is_past_form(word):
            return MainVerb(i, PAST, report=is_reporting(word))
        if word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
            return _present(i, word)
    return None


def _unquoted_end(analysis: _Analysis, end: int, quoted: set[int]) -> int:
    """A clause that ended at a comma inside a quotation ("who called it ``slow, costly'' and ...") ends at
    the next comma outside it."""
    if end not in quoted:
        return end
    return next(
        (i for i in range(end, len(analysis.tokens)) if analysis.tokens[i].text == "," and i not in quoted),
        len(analysis.tokens),
    )


# the pronouns that may say an aside ("..., they note, ...", "..., some say, ...")
_ASIDE_SUBJECTS = frozenset({"they", "he", "she", "some", "others", "many", "most", "we", "i"})
_ASIDE_WORDS = 7  # an aside between two commas: "U.S. officials now say"


def aside_report(analysis: _Analysis, quoted: set[int]) -> MainVerb | None:
    """The present-tense reporting verb closing an aside between two commas ("The real problem, U.S.
    officials now say, was ...", "What is behind it, some say, is ..."): a statement of the publication
    day, whatever the tense of what it reports.  Its source comes right before it, a name, a noun or a
    pronoun ("secretary of state" is no aside)."""
    tokens = analysis.tokens
    commas = [i for i in comma_indices(analysis) if i not in quoted]
    for first, second in zip(commas, commas[1:], strict=False):
        verb = second - 1
        if not (first + 1 < verb and second - first <= _ASIDE_WORDS) or verb in quoted:
            continue
        word, before = tokens[verb].lower, tokens[verb - 1].lower
        if (
            not tokens[verb].text.islower()
            or not is_reporting(word)
            or is_past_form(word)
            or word.endswith("ing")
        ):
            continue
        if before in _ASIDE_SUBJECTS or before in _SKIPPED_ADVERBS or before not in STOPWORDS:
            return MainVerb(verb, REPORT_PRESENT, report=True)
    return None


def closing_report(analysis: _Analysis, quoted: set[int]) -> MainVerb | None:
    """The reporting verb of a closing ", X said" / ", said X" (at most 8 words after the last comma), or
    of a ", said X, a spokesman for Y" whose source has an apposition of its own (the comma before).

    The segment is read from its end (", the radio reports said": "said"); a reporting word after a
    determiner or "to" is a noun or an infinitive (", as bankers like to say", ", the state department"),
    and one after another verb is that verb's object (", a company official declined further comment").
    """
    tokens = analysis.tokens
    commas = [i for i in reversed(comma_indices(analysis)) if i > 0][:2]  # the last two, not the first token
    end = len(tokens)
    for comma in commas:
        if end - comma > 9:
            return None
        for i in range(end - 1, comma, -1):
            word = tokens[i].lower
            if i in quoted or not is_reporting(word) or word.endswith("ing"):
                continue
            if tokens[i - 1].lower in _NOT_BEFORE_A_VERB or _other_verb_between(analysis, comma, i):
                continue
            return MainVerb(i, PAST if is_past_form(word) else REPORT_PRESENT, report=True)
        end = comma
    return None


# words after which a reporting word is a noun or an infinitive, not a finite verb
_NOT_BEFORE_A_VERB = DETERMINERS | {"to", "no", "further", "of", "his", "her", "its", "their"}


def _other_verb_between(analysis: _Analysis, start: int, end: int) -> bool:
    """A verb other than a reporting one between tokens ``start`` and ``end`` (both excluded)."""
    tokens = analysis.tokens
    return any(analysis.verbs[k] and not is_reporting(tokens[k].lower) for k in range(start + 1, end))


# Words ending in "s" that are seldom a verb in the present.
_NOT_PRESENT = frozenset({"this", "its", "his", "hers", "yes", "thus", "news", "series", "always", "perhaps"})


def _plain_present(analysis: _Analysis, skipped: set[int], before: int) -> MainVerb | None:
    """A present-tense verb the verb lexicon does not know ("Acme owes its growth to ..."): a lower-case
    word in -s right after its subject (a name, a pronoun or a noun) and before its object, standing before
    token ``before``."""
    tokens = analysis.tokens
    for i in range(1, min(before, len(tokens) - 1)):
        word, nxt = tokens[i].lower, tokens[i + 1]
        if (
            not word.endswith("s")
            or i in skipped
            or not tokens[i].text.isalpha()
            or not tokens[i].text.islower()
        ):
            continue  # a word in -s first: most words fail on that alone (cheap)
        if word.endswith(("ss", "us", "is", "ous")) or word in _NOT_PRESENT:
            continue
        prev = tokens[_before_adverbs(analysis, i)]  # "Acme also owes": the subject before the adverb
        if word in STOPWORDS or prev.lower in DETERMINERS or prev.lower in STOPWORDS - _SUBJECT_PRONOUNS:
            continue
        subject = prev.text[:1].isupper() or prev.lower in _SUBJECT_PRONOUNS or prev.text.isalpha()
        object_follows = nxt.lower in DETERMINERS or nxt.lower in ("that", "to") or nxt.text[:1].isupper()
        object_follows = object_follows or (word in _REMAIN and nxt.text[:1].isalpha())  # "remains at large"
        if subject and object_follows:
            plural = _plural_present(analysis, skipped, i)
            return plural or _present(i, word)
    return _plural_present(analysis, skipped, before)


def _before_adverbs(analysis: _Analysis, i: int) -> int:
    """The token before ``i`` past adverbs of a verb group ("also", "still", "now", "quietly")."""
    j = i - 1
    while j > 0 and (
        analysis.tokens[j].lower in _SKIPPED_ADVERBS or _manner_adverb(analysis.tokens[j].lower)
    ):
        j -= 1
    return j


def _plural_present(analysis: _Analysis, skipped: set[int], before: int) -> MainVerb | None:
    """A present verb after a plural subject (before token ``before``): "officials say they ...",
    "analysts maintain that ...", "monarchists hope to ...": a bare verb between a plural noun and
    "that", "to" or a pronoun."""
    tokens = analysis.tokens
    for i in range(1, min(before, len(tokens) - 1)):
        word, prev = tokens[i].lower, tokens[i - 1]
        if not prev.lower.endswith("s") or i in skipped or not tokens[i].text.isalpha():
            continue  # after a plural (below): most words fail on the word before alone (cheap)
        if not tokens[i].text.islower():
            continue
        if word in STOPWORDS and not is_reporting(word):
            continue
        plural = prev.text.isalpha() and prev.lower.endswith("s") and not prev.lower.endswith("ss")
        if plural and prev.lower not in STOPWORDS and _complement_follows(word, tokens[i + 1]):
            return _present(i, word)
    return None


def _complement_follows(word: str, nxt: Token) -> bool:
    """ "say that", "hope to", "say they'll ...": a clause or an infinitive after the verb; a verb of saying
    also takes a clause opening on a name or "there" ("analysts say Acme is ...", "say there are ...")."""
    head = nxt.lower.split("'")[0].split("\u2019")[0]  # "they'll", "it's"
    if head in _COMPLEMENT_STARTS:
        return True
    return is_reporting(word) and (head in _CLAUSE_OPENERS or (nxt.text[:1].isupper() and nxt.text.isalpha()))


_COMPLEMENT_STARTS = frozenset({"that", "to", "they", "he", "she", "it", "we", "the"})
_CLAUSE_OPENERS = frozenset({"there", "i", "you", "a", "an", "its", "their", "his", "her", "this", "these"})


_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "who"})


def _leading_subordinate(analysis: _Analysis) -> set[int]:
    """ "After the vote was counted, ...": the tokens up to the comma closing a leading subordinate clause."""
    first = next((i for i in range(len(analysis.tokens)) if i not in analysis.ignored), None)
    if first is None or analysis.tokens[first].lower not in _SUBORDINATORS:
        return set()
    comma = next((i for i in range(first, len(analysis.tokens)) if analysis.tokens[i].text == ","), None)
    return set(range(first, comma + 1)) if comma is not None else set()


def _next_word(analysis: _Analysis, i: int, skipped: set[int]) -> tuple[int, str, bool]:
    """The next token after ``i`` past adverbs, whether a durative adverb ("long") was passed."""
    durative = False
    j = i + 1
    while j < len(analysis.tokens) and (
        analysis.tokens[j].lower in _SKIPPED_ADVERBS | _DURATIVE or _manner_adverb(analysis.tokens[j].lower)
    ):
        durative = durative or analysis.tokens[j].lower in _DURATIVE
        j += 1
    if j >= len(analysis.tokens) or j in skipped:
        return j, "", durative
    return j, analysis.tokens[j].lower, durative


def _participle_modifier(analysis: _Analysis, i: int, verbs: list[bool]) -> bool:
    """A past participle describing a noun, not a finite verb: "exiles led by X protested" (a finite
    verb follows), "Suspected bombs exploded" (opening the sentence before its noun)."""
    tokens = analysis.tokens
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    verb_follows = any(verbs[k] for k in range(i + 2, len(tokens)))
    if nxt.lower == "by" and verb_follows:
        return True
    plain_noun = nxt.text.isalpha() and nxt.text.islower() and nxt.lower not in STOPWORDS
    return i == 0 and verb_follows and plain_noun


# irregular participles the lexicon lacks ("grown", "shown", "risen", "done", "sung", "caught", "slept")
_PARTICIPLE_ENDINGS = ("wn", "en", "one", "ung", "unk", "ught", "ept", "elt")


def _since_before(analysis: _Analysis, i: int) -> bool:
    """ "Since his rescue, X has ...": a perfect measured from a past point is a long stretch."""
    return any(t.lower == "since" for t in analysis.tokens[:i])


def _manner_adverb(word: str) -> bool:
    """ "bitterly", "quickly": an -ly adverb inside a verb group."""
    return word.endswith("ly") and len(word) > 5 and word not in _LY_NOUNS


_LY_NOUNS = frozenset({"family", "rally", "supply", "reply", "assembly", "monopoly", "anomaly", "butterfly"})


def _participle(word: str) -> bool:
    return is_past_form(word) or word in _PAST_PARTICIPLES or word == "been"


# the words ``_tense_at`` reads a verb group from even when the verb test does not flag them
_TENSE_WORDS = (
    frozenset({"has", "have", "had", "'ve", "did", "does", "do"})
    | _FUTURE_WORDS
    | MODALS
    | _PRESENT_BE
    | _PAST_BE
)


def _verb_follows(analysis: _Analysis, i: int, verbs: list[bool]) -> bool:
    """The word after token ``i`` (past adverbs) is a verb or an auxiliary."""
    j, nxt, _ = _next_word(analysis, i, set())
    return j < len(analysis.tokens) and (verbs[j] or nxt in _PRESENT_BE | _PAST_BE | MODALS | {"has", "have"})


# a pronoun with its auxiliary in one token: "it's turning", "they're meeting", "we've agreed"
_CONTRACTED = re.compile(r"(?:it|he|she|that|there|what|who|here|they|we|you|i)['\u2019](s|re|ve|ll)")
_EXPANDED = {"s": "is", "re": "are", "ve": "have", "ll": "will"}


def _contracted(word: str) -> str | None:
    """The auxiliary a contracted pronoun carries ("it's" -> "is", "they've" -> "have"), else None."""
    match = _CONTRACTED.fullmatch(word) if "'" in word or "\u2019" in word else None
    return _EXPANDED[match.group(1)] if match else None


def _tense_at(analysis: _Analysis, i: int, skipped: set[int], verbs: list[bool]) -> MainVerb | None:
    """The verb group starting at token ``i``, if one does (``verbs``: which tokens read as verbs)."""
    word = analysis.tokens[i].lower
    auxiliary = _contracted(word)
    if auxiliary is not None:
        # "he's been arrested": the "'s" before "been" is "has"; before another participle "is" and "has"
        # date alike ("it's followed by", "that's built up": both news of the publication day)
        word = "has" if auxiliary == "is" and _next_word(analysis, i, skipped)[1] == "been" else auxiliary
    if word in ("has", "have", "had", "'ve"):
        j, nxt, durative = _next_word(analysis, i, skipped)
        if _participle(nxt) or nxt.endswith(_PARTICIPLE_ENDINGS):
            if word == "had":
                return MainVerb(j, PLUPERFECT)
            rest = " ".join(t.lower for t in analysis.tokens[j : j + 8])
            long = durative or _LONG_STRETCH.search(rest) is not None or _since_before(analysis, i)
            if nxt == "been":
                after = analysis.tokens[j + 1].lower if j + 1 < len(analysis.tokens) else ""
                passive = _participle(after) and after != "been"
                there = i > 0 and analysis.tokens[i - 1].lower == "there"
                # "prices have been falling": going on up to now, news (a duration or "since" made it long)
                going_on = after.endswith("ing") and len(after) > 4
                # "has been the focus of": a state; "there have been no arrests": what the news finds now
                long = long or not (passive or there or going_on)
                j += passive  # "has been arrested": the arrest is the event
            planned = analysis.tokens[j].lower in _PLANNING
            return MainVerb(j, LONG_PERFECT if long else PERFECT, planned=planned)
        if durative and word != "had":
            return MainVerb(j, LONG_PERFECT)  # "has often tread", "have long held"
        if nxt == "to":
            return MainVerb(i, PAST if word == "had" else PRESENT)  # "had to", "has to"
        if verbs[i]:
            return MainVerb(i, PAST if word == "had" else COPULA)  # "had a call"; "has a plan" is a state
        return None
    if word in _FUTURE_WORDS:
        return MainVerb(i, FUTURE)
    if word in MODALS:
        return MainVerb(i, MODAL)
    if word in _PRESENT_BE or word in _PAST_BE:
        j, nxt, _ = _next_word(analysis, i, skipped)
        if nxt == "going" and j + 1 < len(analysis.tokens) and analysis.tokens[j + 1].lower == "to":
            return MainVerb(j, FUTURE)
        if word in _PAST_BE:
            return MainVerb(j if nxt.endswith("ing") or _participle(nxt) else i, PAST)
        if nxt.endswith("ing") and len(nxt) > 4:
            if nxt == "being" and j + 1 < len(analysis.tokens) and _participle(analysis.tokens[j + 1].lower):
                j += 1  # "is being investigated"
            return MainVerb(j, PROGRESSIVE)
        if not _participle(nxt):
            return MainVerb(i, COPULA)
        following = analysis.tokens[j + 1].lower if j + 1 < len(analysis.tokens) else ""
        then = analysis.tokens[j + 2].lower if j + 2 < len(analysis.tokens) else ""
        if following == "to" and not then.endswith("ing"):
            return MainVerb(j, FUTURE)  # "is expected to close": a plan ("is opposed to uniting" is not)
        return MainVerb(j, PRESENT, planned=nxt in _PLANNING)
    if word in ("did", "does", "do"):
        return MainVerb(i, PAST if word == "did" else PRESENT)
    if not verbs[i]:
        return None
    if is_past_form(word) and i > 0 and analysis.tokens[i - 1].lower == "to":
        return None
    if is_past_form(word):
        if _participle_modifier(analysis, i, verbs):
            return None
        return MainVerb(i, PAST, report=is_reporting(word))
    if word.endswith("ing"):
        return None  # a participle without its auxiliary ("saying ...") heads no main clause
    if word.endswith("s"):
        if i == 1 and _participle_modifier(analysis, 0, verbs):
            return None  # "Suspected bombs": the noun a sentence-opening participle describes
        if i == 0 and _verb_follows(analysis, i, verbs):
            return None  # "Talks resumed", "Reports said": a plural noun opening the sentence, its subject
        return _present(i, word)
    return None


# Verbs of a state, an opinion or a property: in the present they say how things are, not what happened
# ("Kell wants peace", "the plan remains unclear", "the firm owns three plants"), like "is" + a noun.
_STATIVE = """want remain seem know own need like fear belong contain mean cost lack depend deserve exist
    include involve matter resemble tend prefer love hate wish consist weigh appear stand lie hold"""
STATIVE_VERBS = frozenset(form for base in _STATIVE.split() for form in (base, base + "s"))


# a stretch of a year or more: "for eighty years", "for decades", "18 months" (not "in the past two months")
_LONG_DURATION = re.compile(r"P(?:\d+(?:\.\d+)?|X)(?:Y|DE|CE|L)|P(?:1[2-9]|[2-9]\d|\d{3,})M")


def long_duration(value: str | None) -> bool:
    """A DURATION value of a year or more: measured over such a stretch, a perfect tells a state of long
    standing ("has employed families for eighty years"); over days, weeks or months it tells what has just
    happened ("has fallen 12% in the last 24 hours", "have lost $6 billion in the past two months")."""
    return bool(value) and _LONG_DURATION.fullmatch(value) is not None


@dataclass(frozen=True)
class ImplicitDate:
    date: DateValue
    source: str  # PUBLICATION_IMPLICIT or NARRATIVE
    rule: str  # "<source>.<why>": publication-implicit.lead, narrative.past ...
    status: str = "reported"


def implicit_date(
    verb: MainVerb | None,
    *,
    lead: bool,
    published: DateValue | None,
    narrative: Narrative,
    sentence: int,
    paragraph: int,
    lasting: bool = False,
) -> ImplicitDate | None | bool:
    """The date of a main clause without its own; None when it is not dated here; False when it is
    background (no event at all).  ``lasting``: the sentence measures a stretch of a year or more ("for
    more than eighty years", ``long_duration``), which makes a perfect a state, not news."""
    if published is None or published.granularity not in ("day", "time"):
        return None
    tense = verb.tense if verb is not None else None
    if tense in (PLUPERFECT, LONG_PERFECT) or (tense == PERFECT and lasting):
        return False
    if verb is not None and verb.planned and tense in (PERFECT, PRESENT):
        return None  # "the meeting has been scheduled": a happening whose date is missing, not today's
    if lead and tense not in (FUTURE, MODAL):
        return ImplicitDate(published, PUBLICATION_IMPLICIT, f"{PUBLICATION_IMPLICIT}.lead")
    if tense in (PERFECT, REPORT_PRESENT, PROGRESSIVE):
        return ImplicitDate(published, PUBLICATION_IMPLICIT, f"{PUBLICATION_IMPLICIT}.{tense}")
    if tense == PRESENT and not (verb is not None and verb.stative and not lead):
        return ImplicitDate(published, PUBLICATION_IMPLICIT, f"{PUBLICATION_IMPLICIT}.present")
    if tense == STATE:
        return ImplicitDate(published, PUBLICATION_IMPLICIT, f"{PUBLICATION_IMPLICIT}.{STATE}")
    if tense != PAST:
        return None  # future, modal, generic present ("is", "are" + a noun or adjective): not dated here
    told = narrative.date
    if told is not None and told != published and sentence - narrative.sentence <= NARRATIVE_REACH:
        if told.granularity in ("day", "time") and told.start >= published.start - RECENT_BEFORE:
            if told.end <= published.end:
                return ImplicitDate(told, NARRATIVE, f"{NARRATIVE}.past")
        elif told.end < published.start - RECENT_BEFORE and paragraph == narrative.paragraph:
            if told.start >= published.start - RECENT_STORY:
                # a story of a few weeks ago goes on ("More than 500 were injured."): more of that
                # happening, on its day, as background (no news of the paper's day)
                return ImplicitDate(told, NARRATIVE, f"{NARRATIVE}.{BACKGROUND}", BACKGROUND)
            return False  # the story of long ago goes on: background
    return ImplicitDate(published, PUBLICATION_IMPLICIT, f"{PUBLICATION_IMPLICIT}.past")


# ---------------------------------------------------------------- one happening, many sentences

GROUP_WINDOW = 3  # sentences between two reports of one happening in one article


def group_same_happening(mentions: list[EventMention]) -> None:
    """Many sentences of one article telling one happening make one event, not ten: a clause dated
    implicitly (publication day, narrative) that shares the acting name or the kind of act with a recent
    report of the same date takes that report's content (trigger, terms, actors, title), so the merge
    stage sees one happening.  Its sentence stays its own: it is still quoted as evidence."""
    # only a clause dated implicitly joins a group, and only a group of its own date: a mention of another
    # day can never be joined nor join (speed: most mentions of a long article are dated by their own
    # expressions, to days no implicit clause has)
    days = {m.date.value for m in mentions if m.date is not None and m.date_source in _IMPLICIT_SOURCES}
    if not days:
        return
    groups: list[tuple[EventMention, list[int]]] = []  # (head, [last sentence index])
    window_at = None  # the sentence index ``groups`` was last narrowed to
    for mention in mentions:
        date = mention.date
        if date is None or date.value not in days:
            continue
        index = mention.sentence.index
        if index != window_at:
            # reliability: mentions come in text order, so a group last seen more than GROUP_WINDOW
            # sentences back can never be near again; dropping it keeps a long article linear instead of
            # quadratic (the other mentions of one sentence find the window narrowed already)
            groups = [group for group in groups if index - group[1][0] <= GROUP_WINDOW]
            window_at = index
        if mention.date_source in _IMPLICIT_SOURCES:
            for head, last in reversed(groups):
                near = index - last[0] <= GROUP_WINDOW and head.date == date
                if near and (_same_happening(head, mention) or _continues(head, mention, last[0])):
                    _adopt(mention, head)
                    last[0] = index
                    break
            else:
                groups.append((mention, [index]))
        else:
            groups.append((mention, [index]))


_IMPLICIT_SOURCES = (PUBLICATION_IMPLICIT, NARRATIVE)


def _same_happening(head: EventMention, other: EventMention) -> bool:
    """A name in common (the same people or bodies, on the same day, a few sentences apart), or the same
    kind of act ("the blast" ... "the explosion")."""
    if set(head.actors) & set(other.actors) or set(head.subjects or ()) & set(other.subjects or ()):
        return True
    kind = concept(head.trigger.lower())
    return kind is not None and kind == concept(other.trigger.lower())


def _continues(head: EventMention, mention: EventMention, last: int) -> bool:
    """A narrative clause right after the report it goes on with ("Parliament approved the budget on
    Thursday. The vote was 112 to 80.") tells more of that happening; a statement is an act of its own."""
    return (
        mention.date_source == NARRATIVE
        and mention.sentence.index - last <= NARRATIVE_REACH
        and not is_reporting(mention.trigger.lower())
    )


def _adopt(mention: EventMention, head: EventMention) -> None:
    mention.trigger, mention.title, mention.status = head.trigger, head.title, head.status
    mention.terms, mention.content = list(head.terms), list(head.content)
    mention.actors, mention.places = list(head.actors), list(head.places)
    mention.subjects = list(head.subjects) if head.subjects is not None else None

"""Event mentions: what happened, who, and when, one per dated clause.

A sentence is split into clauses at ``;``, ``that``, ``, and``, ``and`` + verb
..., each date expression is assigned to the clause it sits in, and the clause's
nearest verb (or event noun) is its trigger.  A reporting verb next to its own
date ("X said Wednesday that ...") makes a *statement* event; the dates inside
the reported clause make their own events.  Sentences without a date become
undated mentions only when they report an event (past-tense verb + a named
actor), so the merge stage can date them from other sources.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from timeline.names import Name, extract_names
from timeline.temporal.timex import value_to_date
from timeline.text import (
    AUXILIARIES,
    CONCEPTS,
    EVENT_NOUNS,
    FUTURE_CUES,
    LIGHT_VERBS,
    MODALS,
    NOT_NAMES,
    PHRASAL_CONCEPTS,
    ROLE_NOUNS,
    STOPWORDS,
    Token,
    concept,
    is_past_form,
    is_reporting,
    noun_lemma,
    tokenize,
    verb_flags,
    verb_lemma,
)
from timeline.types import GRANULARITIES, Article, DateValue, EventMention, Sentence, TimeExpression

TITLE_WORDS = 12
BACKGROUND_BEFORE = timedelta(days=90)  # coarse dates this long before publication are context
# A day or month this long before publication is context too ("landed on Dec. 2, 1956"); longer than
# for years because a follow-up months later still retells the story's own days (its core events).
PRECISE_BACKGROUND_BEFORE = timedelta(days=365)
_COARSE = ("year", "decade", "century")
_CLAUSE_STARTERS = frozenset({"and", "but", "while", "whereas", "saying", "adding"})
_TITLE_TRIM = frozenset({"that", "and", "but", "while", "whereas", ",", ";"})
_CONCEPT_IDS = frozenset(CONCEPTS.values())
_TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "morning", "afternoon", "evening", "night"})
_QUOTE = re.compile("``|''|[\"\u201c\u201d]")
_PERFECT = frozenset({"has", "have", "had"})
_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "since", "during", "by", "from", "as", "of", "until"})
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "off", "around", "along"}
    | {"within", "onto", "beneath", "opposite"}
)


@dataclass
class _Analysis:
    """Tokens of one sentence, with the ones to ignore and the clause boundaries."""

    tokens: list[Token]
    ignored: set[int]  # attribution ("According to X,") and time-expression tokens
    clauses: list[tuple[int, int]]  # [start, end) token ranges
    verbs: list[bool]  # ``is_verb`` of each token, judged once
    names: list[Name] | None = None  # names outside the ignored tokens, found on first use
    text: str = ""  # the sentence, so a title is cut from it verbatim ("a 20% gain")
    offset: int = 0  # the sentence's start: token offsets minus this index ``text``


def extract_mentions(
    article: Article, sentences: list[Sentence], expressions: list[TimeExpression]
) -> list[EventMention]:
    """The event mentions of one article, in text order."""
    reference = _reference_date(article, expressions)
    usable = sorted((e for e in expressions if _is_usable(e, article.text)), key=lambda e: e.start)
    starts = [e.start for e in usable]  # reliability: bisect, not a scan of every expression per sentence
    mentions: list[EventMention] = []
    for sentence in sentences:
        if sentence.boilerplate:
            continue
        report_line_end = sentence.start + _report_line_length(sentence.text)
        report_line = ((sentence.start, report_line_end),) if report_line_end > sentence.start else ()
        own = usable[bisect_left(starts, report_line_end) : bisect_left(starts, sentence.end)]
        dated, clause_dated = (
            _dated_mentions(article, sentence, own, reference, report_line) if own else ([], False)
        )
        mentions.extend(dated)
        if not clause_dated:
            # no date of its own for the clause (only datelines or dates of nouns): an undated report
            skipped = report_line + tuple((e.start, e.end) for e in own)
            nouns_dated = any(m.expression is not None for m in dated)
            if (mention := _undated_mention(article, sentence, skipped, nouns_dated)) is not None:
                mentions.append(mention)
    _expand_surnames(mentions)
    return mentions


# "NAIROBI, Kenya, Aug. 7 (Xinhua) --", "CITY, Month D (AP) _": the wire's report line, not an event.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2}"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(?:\([A-Za-z][A-Za-z&.' ]{0,30}\)\s*)?(?:--|_|-|\u2014|\u2013)"
)
# "The Times says in an editorial on Thursday, Jan. 6:": a publication line introducing the text.
_LEAD_IN = re.compile(r"\b(?:says|writes|reports)\b[^:]{0,80}:\s*(?:&[A-Za-z]{1,8};\s*)?$")


def _report_line_length(text: str) -> int:
    """Length of a leading wire dateline (or a whole publication lead-in line) whose dates are not events."""
    match = _DATELINE.match(text)
    if match and re.match(r"\s*[A-Z]{2}", text) and ("(" in match.group() or re.search(r"\d", match.group())):
        return match.end()
    return len(text) if _LEAD_IN.search(text) else 0


def _expand_surnames(mentions: list[EventMention]) -> None:
    """A bare surname means the person of the article's one full name with that surname ("Castro")."""
    full: dict[str, set[str]] = {}
    for mention in mentions:
        for actor in mention.actors:
            words = actor.split()
            if len(words) >= 2 and actor not in mention.places and " of " not in f" {actor} ":
                full.setdefault(words[-1], set()).add(actor)
    for mention in mentions:
        expanded = [
            next(iter(full[a])) if " " not in a and len(full.get(a, ())) == 1 else a for a in mention.actors
        ]
        if expanded != mention.actors:
            mention.actors = list(dict.fromkeys(expanded))


def span_of(expression: TimeExpression) -> DateValue | None:
    """``expression.date()``, parsing each distinct value once (extraction asks for it many times)."""
    if expression.type not in ("DATE", "TIME") or not expression.value:
        return None
    return _span_of_value(expression.value)


@lru_cache(maxsize=65536)
def _span_of_value(value: str) -> DateValue | None:
    return value_to_date(value)  # DateValue is frozen: one shared instance per value is safe


def _is_usable(expression: TimeExpression, text: str) -> bool:
    if (
        expression.type not in ("DATE", "TIME")
        or span_of(expression) is None
        or expression.anchor == "unresolved"
    ):
        return False
    return not _is_name_year(expression, text)


def _is_name_year(expression: TimeExpression, text: str) -> bool:
    """A bare year glued to a name ("Summit-2022", "Games 2024") labels the name, not a date."""
    if not re.fullmatch(r"\d{4}", expression.text.strip()):
        return False
    before = text[max(0, expression.start - 40) : expression.start]
    if before.endswith("-"):
        return True
    match = re.search(r"([A-Za-z\u00C0-\u024F]+)[\s\u2013\u2014-]*$", before)
    return bool(match and match.group(1)[:1].isupper() and match.group(1).lower() not in NOT_NAMES)


def _reference_date(article: Article, expressions: list[TimeExpression]) -> DateValue | None:
    """Publication date, else the latest day-precise date the article mentions."""
    if article.published.value and (published := value_to_date(article.published.value)):
        return published
    days = [d for e in expressions if (d := span_of(e)) and d.granularity in ("day", "time")]
    return max(days, key=lambda d: d.start) if days else None


# ---------------------------------------------------------------- sentence analysis


def _analyse(
    sentence: Sentence, expressions: list[TimeExpression], skipped: tuple[tuple[int, int], ...] = ()
) -> _Analysis:
    """The analysis of a sentence whose ``expressions`` are dates (their tokens, and ``skipped``, ignored)."""
    return _analysis_with_dates(sentence, skipped + tuple((e.start, e.end) for e in expressions))


@lru_cache(maxsize=512)
def _analysis_with_dates(sentence: Sentence, spans: tuple[tuple[int, int], ...]) -> _Analysis:
    # cached: inferring a publication date re-reads the same few sentences for every candidate day
    analysis = _analyse_tokens(
        tokenize(sentence.text, sentence.start), spans, _QUOTE.search(sentence.text) is not None
    )
    analysis.text, analysis.offset = sentence.text, sentence.start
    return analysis


def _analyse_tokens(
    tokens: list[Token], spans: tuple[tuple[int, int], ...], quoted: bool = False
) -> _Analysis:
    ignored = _attribution_tokens(tokens)
    for i, token in enumerate(tokens):
        if any(start < token.end and token.start < end for start, end in spans):
            ignored.add(i)
    ignored |= _date_leaders(tokens, ignored)
    verbs = verb_flags(tokens)
    ignored |= _trailing_attribution(tokens, ignored, verbs, quoted)
    return _Analysis(tokens, ignored, _clauses(tokens, ignored, verbs), verbs)


# Words that only qualify a sentence-opening date: "As of Friday,", "Just over an hour later,".
_DATE_LEADERS = frozenset(
    {"as", "of", "just", "over", "about", "around", "nearly", "almost", "shortly", "only", "some", "exactly"}
    | {"roughly", "barely", "more", "less", "than", "soon", "even", "still", "early", "late", "until", "till"}
)


def _date_leaders(tokens: list[Token], ignored: set[int]) -> set[int]:
    """The sentence's first words when they only lead into its opening date: they go with the date."""
    for i, token in enumerate(tokens):
        if i in ignored:
            return set(range(i))
        if token.lower not in _DATE_LEADERS and token.lower not in _TIME_PREPOSITIONS:
            return set()
    return set()


def _trailing_attribution(
    tokens: list[Token], ignored: set[int], verbs: list[bool], quoted: bool
) -> set[int]:
    """A closing ", witnesses said" / ", an official said" is sourcing when the sentence has its own action.

    Kept when it carries a date of its own ("..., police said Tuesday": the statement is what is dated)
    or follows a quotation (then what was said is the statement's content, not an event).
    """
    comma = next((i for i in range(len(tokens) - 1, 0, -1) if tokens[i].text == ","), None)
    if quoted or comma is None or len(tokens) - comma > 8:
        return set()
    tail = range(comma + 1, len(tokens))
    if not any(verbs[i] and is_reporting(tokens[i].lower) for i in tail) or any(i in ignored for i in tail):
        return set()
    if any(verbs[i] and not is_reporting(tokens[i].lower) for i in tail):
        return set()
    if not any(verbs[i] and not is_reporting(tokens[i].lower) and i not in ignored for i in range(comma)):
        return set()
    return set(range(comma, len(tokens)))


def _attribution_tokens(tokens: list[Token]) -> set[int]:
    """Sentence-initial "As X reported," and "According to X," are sourcing, not events."""
    comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
    if not comma:  # no comma, or a sentence that starts with one: no "According to X," head
        return set()
    head = [t.lower for t in tokens[:comma]]
    if head[:2] == ["according", "to"] or (head[0] == "as" and any(is_reporting(w) for w in head)):
        return set(range(comma + 1))
    return set()


def _clauses(tokens: list[Token], ignored: set[int], verbs: list[bool]) -> list[tuple[int, int]]:
    starts = [0]
    for i, token in enumerate(tokens):
        if i in ignored or i == 0:
            continue
        word, prev = token.lower, tokens[i - 1].text
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        starts_clause = (
            prev == ";"
            or (word == "that" and (nxt is None or nxt.lower not in _TIME_NOUNS))
            or (prev == "," and word in _CLAUSE_STARTERS)
            or (word == "and" and nxt is not None and (nxt.lower == "that" or verbs[i + 1]))
        )
        if starts_clause:
            starts.append(i)
    starts = sorted(set(starts))
    return [(s, e) for s, e in zip(starts, starts[1:] + [len(tokens)], strict=True) if e > s]


def _clause_of(analysis: _Analysis, index: int) -> tuple[int, int]:
    return next(c for c in analysis.clauses if c[0] <= index < c[1])


def _token_index(analysis: _Analysis, offset: int) -> int:
    for i, token in enumerate(analysis.tokens):
        if token.end > offset:
            return i
    return max(len(analysis.tokens) - 1, 0)


def _verbs(analysis: _Analysis, lo: int, hi: int) -> list[int]:
    return [i for i in range(lo, hi) if analysis.verbs[i] and i not in analysis.ignored]


def _event_nouns(analysis: _Analysis, lo: int, hi: int) -> list[int]:
    return [i for i in range(lo, hi) if i not in analysis.ignored and analysis.tokens[i].lower in EVENT_NOUNS]


def _trigger(analysis: _Analysis, clause: tuple[int, int], near: tuple[int, int]) -> int | None:
    """The clause's verb nearest the time expression (a light verb yields to its event noun)."""

    def distance(i: int) -> int:
        return min(abs(i - near[0]), abs(i - near[1]))

    verbs = _verbs(analysis, *clause)
    # "found ... on Thursday after a boat sank": a verb behind "after"/"when" is another event
    verbs = [v for v in verbs if not _subordinated(analysis, v, near)] or verbs
    lo, hi = _comma_segment(analysis, clause, near)
    # a participle clause holding the date is its event: "ruled by X since 1994,", "crushing Y in 2020,"
    verbs = [v for v in verbs if lo <= v < hi] or verbs
    if not verbs:
        # a verbless clause ("a call this week was ..."): its event noun, else the sentence's verb
        nouns = _event_nouns(analysis, *clause)
        if nouns:
            return min(nouns, key=distance)
        verbs = _verbs(analysis, 0, len(analysis.tokens))
        if not verbs:
            return None
    verb = min(verbs, key=lambda i: (distance(i), i))
    return _governed_event_noun(analysis, verb, clause[1], near)


_SUBORDINATORS = frozenset(
    {"after", "before", "when", "while", "because", "although", "though", "until", "unless"}
)


def _subordinated(analysis: _Analysis, verb: int, near: tuple[int, int]) -> bool:
    """A subordinating word stands between the date tokens ``near`` and the verb."""
    between = range(near[1] + 1, verb) if verb > near[1] else range(verb + 1, near[0])
    return any(analysis.tokens[i].lower in _SUBORDINATORS and i not in analysis.ignored for i in between)


def _comma_segment(analysis: _Analysis, clause: tuple[int, int], near: tuple[int, int]) -> tuple[int, int]:
    """The stretch of the clause between the commas around the date tokens ``near``."""
    lo, hi = clause
    for i in range(near[0] - 1, clause[0] - 1, -1):
        if analysis.tokens[i].text == "," and i not in analysis.ignored:
            lo = i + 1
            break
    for i in range(near[1] + 1, clause[1]):
        if analysis.tokens[i].text == "," and i not in analysis.ignored:
            hi = i
            break
    return lo, hi


def _governed_event_noun(
    analysis: _Analysis, verb: int, clause_end: int, date: tuple[int, int] | None = None
) -> int:
    """A verb that names no event itself ("held", "hailed") yields to the event noun after it ("call").

    Not a verb of its own act next to its date: "on Tuesday condemned the bombings" dates the
    condemnation; the bombings happened earlier.
    """
    word = analysis.tokens[verb].lower
    if is_reporting(word) or (concept(word) and word not in LIGHT_VERBS):
        return verb
    if word in _COPULAS and (act := _ordinal_infinitive(analysis, verb, clause_end)) is not None:
        return act  # "became the last to ratify": the ratification
    if word not in LIGHT_VERBS and date is not None and (date[1] < verb or date[0] <= verb + 1):
        return verb
    following = _event_nouns(analysis, verb + 1, min(verb + 7, clause_end))
    if following:
        return following[0]
    if word in LIGHT_VERBS and (noun := _action_noun_object(analysis, verb, clause_end)) is not None:
        return noun  # "made a decision", "gave a speech": the noun is the act
    return verb


def _ordinal_infinitive(analysis: _Analysis, verb: int, clause_end: int) -> int | None:
    """The verb of "the first/last/only to VERB" right after a copula."""
    words = [t.lower for t in analysis.tokens[verb + 1 : min(verb + 6, clause_end)]]
    for n, word in enumerate(words[:-1]):
        if word == "to" and n >= 1 and words[n - 1] in ("first", "last", "only", "second", "third", "next"):
            return verb + n + 2
    return None


_COPULAS = frozenset({"become", "became", "becomes", "becoming"})
_ACTION_NOUN = re.compile(r"[a-z]{3,}(?:tion|sion|ment|ance|ence)s?$")
_ACTION_NOUNS = frozenset(
    {"speech", "speeches", "promise", "pledge", "offer", "appeal", "bid", "plea", "vote", "attempt"}
    | {"request", "remarks", "address", "decision", "decisions", "proposal", "trip", "tour", "raid"}
)


def _action_noun_object(analysis: _Analysis, verb: int, clause_end: int) -> int | None:
    """The light verb's object when it names an act ("made a [decision]", "gave a brief [speech]")."""
    for i in range(verb + 1, min(verb + 5, clause_end)):
        token = analysis.tokens[i]
        if i in analysis.ignored or analysis.verbs[i] or not token.text.isalpha() or not token.text.islower():
            return None
        if token.lower in _ACTION_NOUNS or _ACTION_NOUN.fullmatch(token.lower):
            return i
        if token.lower in STOPWORDS and token.lower not in _NOUN_MODIFIERS:
            return None  # a preposition: the object has ended
    return None


# ---------------------------------------------------------------- mentions


def _dated_mentions(
    article: Article,
    sentence: Sentence,
    expressions: list[TimeExpression],
    reference: DateValue | None,
    skipped: tuple[tuple[int, int], ...] = (),
) -> tuple[list[EventMention], bool]:
    """The sentence's dated mentions, and whether a date dates a clause (not only nouns)."""
    analysis = _analyse(sentence, expressions, skipped)
    if not analysis.tokens:
        return [], False
    by_clause: dict[tuple[int, int], list[TimeExpression]] = {}
    relatives: dict[tuple[int, int], _Relative] = {}
    mentions = []
    subject_noun_dated = False
    for expression in expressions:
        if _dates_plain_noun(analysis, expression):
            continue  # "a poster from 1989": the date describes a thing, not an event
        # "last Friday's bombings", "the 1959 embargo", "with the bombings last year": the noun's event
        noun = _noun_before_date(analysis, expression)
        if expression.modifies_noun or noun is not None:
            mention, is_subject = _noun_mention(article, sentence, analysis, expression, reference, noun)
            if mention is not None:
                mentions.append(mention)
                subject_noun_dated |= is_subject  # "The March 4 blast killed ...": the clause is dated too
            continue
        date_token = _token_index(analysis, expression.start)
        clause = _clause_of(analysis, date_token)
        relative = _relative_holding(analysis, date_token)
        if relative is not None:
            # "on the beach, where the army landed on Dec. 2, 1956": the date is the relative clause's
            clause = (max(clause[0], relative.word + 1), min(clause[1], relative.end))
            relatives[clause] = relative
        by_clause.setdefault(clause, []).append(expression)
    for clause, found in sorted(by_clause.items()):
        dated = _dated_triggers(analysis, clause, found)
        spans = _own_spans(analysis, clause, [t for t, _ in dated])
        for trigger, expression in dated:
            mention = _mention(article, sentence, analysis, clause, trigger, expression, spans.get(trigger))
            if trigger is None and len(mention.title.split()) < 2:
                continue  # a verbless fragment ("Until this week."): no event to date
            mention.status = _status(analysis, clause, trigger, expression, reference)
            if clause in relatives:
                _retitle_relative(analysis, mention, relatives[clause], expression)
            mentions.append(mention)
    main_dated = any(clause not in relatives for clause in by_clause) or subject_noun_dated
    return sorted(mentions, key=lambda m: m.expression.start if m.expression else 0), main_dated


@dataclass(frozen=True)
class _Relative:
    """A relative clause: its relative word, where it ends, and the noun phrase it describes."""

    word: int  # token index of "who"/"which"/"where"...
    end: int  # exclusive token index
    antecedent: tuple[int, int]  # [start, end) of the described noun phrase ("Jan Orlo", "the beach")


_RELATIVE_WORDS = frozenset({"who", "whom", "whose", "which", "where"})
_ANTECEDENT_STOPS = frozenset({"in", "at", "on", "near", "to", "from", "by", "with", "into", "for", "off"})


def _relative_clauses(analysis: _Analysis) -> list[_Relative]:
    """The sentence's relative clauses: ", who lived in exile," / "the beach where the army landed"."""
    tokens, found = analysis.tokens, []
    for r, token in enumerate(tokens):
        if token.lower not in _RELATIVE_WORDS or r == 0 or r in analysis.ignored:
            continue
        comma = tokens[r - 1].text == ","
        described = r - 2 if comma else r - 1
        if described < 0 or analysis.verbs[described] or tokens[described].text in ",;":
            continue  # "asked where ...": a question, not a noun's description
        end = _relative_end(analysis, r, comma)
        if end is not None:
            antecedent = _antecedent(analysis, described, stop_at_of=token.lower in ("who", "whom", "whose"))
            found.append(_Relative(r, end, antecedent))
    return found


def _verbal(analysis: _Analysis, i: int) -> bool:
    word = analysis.tokens[i].lower
    return analysis.verbs[i] or word in AUXILIARIES or word in MODALS


def _relative_end(analysis: _Analysis, word: int, comma: bool) -> int | None:
    """Where the relative clause opened by ``word`` ends: at the next comma; one without commas ("the
    man who led it died") also at the next verb after a pause of non-verbs (the main clause's verb).
    None when no verb of its own comes before that: not a clause."""
    tokens, own_verb, pause = analysis.tokens, False, False
    for i in range(word + 1, len(tokens)):
        if i in analysis.ignored:
            continue
        if tokens[i].text in ",;":
            return i if own_verb else None
        verbal = _verbal(analysis, i)
        if not comma and own_verb and pause and verbal and tokens[i - 1].lower not in ("to", "and", "or"):
            return i
        own_verb = own_verb or verbal
        pause = pause or (own_verb and not verbal)
    return len(tokens) if own_verb else None


def _antecedent(analysis: _Analysis, last: int, stop_at_of: bool = False) -> tuple[int, int]:
    """The noun phrase ending at ``last``: back to its determiner, a preposition or a comma (<= 6 words).

    ``stop_at_of``: a person is the last noun ("the arrest of Kopp, who ..." describes Kopp).
    """
    start = last
    while start > 0 and last - start < 5:
        prev = start - 1
        token = analysis.tokens[prev]
        if token.text in ",;" or analysis.verbs[prev] or token.lower in _ANTECEDENT_STOPS:
            break
        if stop_at_of and token.lower == "of":
            break
        if prev in analysis.ignored or token.lower in ("and", "or", "that"):
            break
        start = prev
        if token.lower in _NOUN_MODIFIERS:
            break
    return start, last + 1


def _relative_holding(analysis: _Analysis, index: int) -> _Relative | None:
    """The relative clause holding token ``index`` (the innermost, i.e. the last one opened before it)."""
    holding = [r for r in _relative_clauses(analysis) if r.word < index < r.end]
    return holding[-1] if holding else None


def _retitle_relative(
    analysis: _Analysis, mention: EventMention, relative: _Relative, expression: TimeExpression
) -> None:
    """Title a relative clause's event with the noun it describes put back: "where the army landed"
    -> "The army landed at Kell Point"; ", who lived in exile" -> "Jan Orlo lived in exile"."""
    body = _title_tokens(analysis, relative.word + 1, relative.end, False, _date_tokens(analysis, expression))
    lo, hi = relative.antecedent
    word = analysis.tokens[relative.word].lower
    while word == "where" and lo > 1 and analysis.tokens[lo - 1].lower == "of" and hi - lo < 8:
        lo = _antecedent(analysis, lo - 2)[0]  # "on the shore of the village, where": the whole place
    noun_phrase = [i for i in range(lo, hi) if i not in analysis.ignored]
    if word == "where":
        preposition = [lo - 1] if lo > 0 and analysis.tokens[lo - 1].lower in _ANTECEDENT_STOPS else []
        kept = body + preposition + noun_phrase
    elif word == "whose":
        kept = noun_phrase + [relative.word] + body
    else:
        kept = noun_phrase + body
    if _word_count(analysis, body) >= 2:
        mention.title = _finish_title(analysis, kept)
    names = [
        n.text for n in _names(analysis) if analysis.tokens[lo].start <= n.start < analysis.tokens[hi - 1].end
    ]
    if word != "where":
        mention.actors = list(dict.fromkeys(names + mention.actors))
        mention.subjects = [n for n in names if not _is_role_name(n)]  # "Jan Orlo, who lived ...": Orlo did


def _dates_plain_noun(analysis: _Analysis, expression: TimeExpression) -> bool:
    """ "a campaign poster from 1989", "the constitution of 1946": a date after "from"/"of" that
    describes a thing (a determined common noun that names no event), not when something happened."""
    first = _token_index(analysis, expression.start)
    if expression.modifies_noun or first < 2 or analysis.tokens[first - 1].lower not in ("from", "of"):
        return False  # "the handling of Wednesday's meeting": the date is the next noun's
    noun = first - 2
    word = analysis.tokens[noun]
    if analysis.verbs[noun] or not word.text.isalpha() or not word.text.islower():
        return False
    if (
        word.lower in STOPWORDS
        or word.lower in EVENT_NOUNS
        or concept(word.lower)
        or word.lower in _TIME_NOUNS
    ):
        return False
    for i in range(noun - 1, max(noun - 4, -1), -1):
        token = analysis.tokens[i]
        if token.lower in _NOUN_MODIFIERS:
            return True
        if analysis.verbs[i] or not token.text.isalpha() or not token.text.islower():
            return False
    return False


def _dated_triggers(
    analysis: _Analysis, clause: tuple[int, int], found: list[TimeExpression]
) -> list[tuple[int | None, TimeExpression]]:
    """The clause's events with their dates: one per trigger, dated by its finest nearest expression.

    Dates nearest different verbs date different events ("X, built in 1978, had been inspected last
    year": the building and the inspection); several dates of one verb are one event at the finest.
    """

    def finest(chains: list[list[TimeExpression]]) -> list[TimeExpression]:
        return min(chains, key=lambda c: (GRANULARITIES.index(c[0].granularity or "day"), c[0].start))

    def span(e: TimeExpression) -> tuple[int, int]:
        return _token_index(analysis, e.start), _token_index(analysis, e.end - 1)

    chains = _coordinated_chains(analysis, found)  # "on Monday and Tuesday": one event, two days
    by_trigger: dict[int | None, list[list[TimeExpression]]] = {}
    for chain in chains:
        trigger = _trigger(analysis, clause, span(chain[0]))
        lo, hi = _comma_segment(analysis, clause, span(chain[0]))
        # only a verb in the date's own comma segment makes it another event ("officials said on
        # Tuesday" dates the report, not another event: its date stays with the clause's event)
        if trigger is not None and lo <= trigger < hi and not is_reporting(analysis.tokens[trigger].lower):
            by_trigger.setdefault(trigger, []).append(chain)
    if len(by_trigger) < 2:
        chosen = finest(chains)
        return [(_trigger(analysis, clause, span(chosen[0])), e) for e in chosen]
    dated = [(t, e) for t, own in by_trigger.items() for e in finest(own)]
    return sorted(dated, key=lambda pair: pair[1].start)


_DATE_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|and\s+|&\s*)(?:on\s+|in\s+)?")


def _coordinated_chains(analysis: _Analysis, found: list[TimeExpression]) -> list[list[TimeExpression]]:
    """The dates in order, those joined by a coordination kept together: "held talks on Monday and
    Tuesday", "on April 24 and 25" are one event on both days.  "Monday or Tuesday" is one uncertain
    day: not joined, so its first date stands alone as before."""
    chains: list[list[TimeExpression]] = []
    for expression in sorted(found, key=lambda e: e.start):
        last = chains[-1][-1] if chains else None
        if (
            last is not None
            and expression.start >= last.end
            and expression.granularity == last.granularity
            and expression.value != last.value
            and _DATE_COORDINATOR.fullmatch(
                analysis.text, last.end - analysis.offset, expression.start - analysis.offset
            )
        ):
            chains[-1].append(expression)
        else:
            chains.append([expression])
    return chains


_COORDINATORS = frozenset({"and", "but"})
_MAX_SUBJECT = 6  # tokens between a coordinator and the next trigger that can still be its subject


def _own_spans(
    analysis: _Analysis, clause: tuple[int, int], triggers: list[int | None]
) -> dict[int, tuple[int, int]]:
    """Each trigger's own part of a clause two events share: "Rain started on Sunday | and the river
    burst its banks on Monday" (``clause`` boundaries only split at "and" + a verb, not + a subject)."""
    ordered = sorted({t for t in triggers if t is not None})
    cuts = [c for a, b in zip(ordered, ordered[1:], strict=False) if (c := _coordination(analysis, a, b))]
    if not cuts:
        return {}
    bounds = [clause[0], *cuts, clause[1]]
    segments = list(zip(bounds, bounds[1:], strict=False))
    return {t: next(s for s in segments if s[0] <= t < s[1]) for t in ordered}


def _coordination(analysis: _Analysis, first: int, second: int) -> int | None:
    """The "and"/"but" between two triggers that opens the second's clause with its own subject."""
    for i in range(second - 1, first, -1):
        token = analysis.tokens[i]
        if i in analysis.ignored or token.lower not in _COORDINATORS:
            continue
        subject = [k for k in range(i + 1, second) if k not in analysis.ignored]
        plain = all(not analysis.verbs[k] and analysis.tokens[k].text not in ",;" for k in subject)
        return i if subject and plain and len(subject) <= _MAX_SUBJECT else None
    return None


# the preposition whose object is an event noun dated after it: "in connection with the bombings last year"
_NOUN_PREPOSITIONS = frozenset(
    {"with", "since", "after", "before", "following", "over", "about", "for", "despite", "amid", "of"}
)
_NOUN_MODIFIERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}
)


def _noun_before_date(analysis: _Analysis, expression: TimeExpression) -> int | None:
    """The event noun a date follows, when the noun is a preposition's object after the main verb.

    "was arrested in connection with the bombings last year", "... with the bombings of two embassies
    last year": the year dates the bombings, not the arrest; "since the attacks in August" likewise.
    The noun may carry a short complement ("of ...", "in ...") before the date; a verb of its clause must
    stand before the preposition.
    """
    first = _token_index(analysis, expression.start)
    i = first - 1
    if i >= 0 and analysis.tokens[i].lower in _TIME_PREPOSITIONS:
        i -= 1  # the date's own preposition ("the attacks in August")
    for noun in range(i, max(i - 8, -1), -1):
        token = analysis.tokens[noun]
        if noun in analysis.ignored or analysis.verbs[noun] or token.text in ",;":
            return None
        after = analysis.tokens[noun + 1].lower if noun < i else ""
        if token.lower in EVENT_NOUNS and (noun == i or after in _COMPLEMENT_PREPOSITIONS):
            return noun if _object_of_preposition(analysis, noun) else None
    return None


_COMPLEMENT_PREPOSITIONS = frozenset({"of", "in", "at", "on", "against", "near"})


def _object_of_preposition(analysis: _Analysis, noun: int) -> bool:
    """A preposition of ``_NOUN_PREPOSITIONS`` governs the noun, after a verb of the clause."""
    for j in range(noun - 1, max(noun - 5, -1), -1):
        word = analysis.tokens[j]
        if word.lower in _NOUN_PREPOSITIONS:
            return bool(_verbs(analysis, _clause_of(analysis, noun)[0], j))
        if analysis.verbs[j] or word.text in ",;" or j in analysis.ignored:
            return False
    return False


def _noun_mention(
    article: Article,
    sentence: Sentence,
    analysis: _Analysis,
    expression: TimeExpression,
    reference: DateValue | None,
    noun: int | None = None,
) -> tuple[EventMention | None, bool]:
    """The event noun a date belongs to, as its own mention (else None), and whether that noun is its
    clause's subject ("The March 4 blast killed nine": the killing is the blast's, titled in full).

    ``noun``: the noun before the date, if found already; else the noun after a possessive or
    attributive date ("last Friday's bombings").
    """
    if noun is not None:
        span = _noun_phrase(analysis, noun)
        mention = _mention(article, sentence, analysis, span, noun, expression)
        mention.status = _status(analysis, span, noun, expression, reference)
        return mention, False
    first = next((i for i, t in enumerate(analysis.tokens) if t.start >= expression.end), None)
    if first is None:
        return None, False
    clause = _clause_of(analysis, first)
    for i in range(first, min(first + 4, clause[1])):
        token = analysis.tokens[i]
        if token.lower in EVENT_NOUNS or (concept(token.lower) and not analysis.verbs[i]):
            noun = i
            break
        if analysis.verbs[i] or token.text in ",;" or token.lower in _TIME_PREPOSITIONS:
            break
    if noun is None:
        return None, False
    mention = _mention(article, sentence, analysis, (noun, clause[1]), noun, expression)
    mention.status = _status(analysis, (noun, clause[1]), noun, expression, reference)
    phrase_end = _noun_phrase_end(analysis, noun, clause[1])
    is_subject = _subject_of_clause(analysis, noun, clause, phrase_end)
    if is_subject:
        # the noun with what it did: "The blast killed nine dock workers", not "The blast"
        mention.title = _title(analysis, clause, False, None, _date_tokens(analysis, expression))
    else:
        # the clause's words stay its content; the title is the noun's phrase alone
        mention.title = _title(analysis, (noun, phrase_end), False, None, _date_tokens(analysis, expression))
    return mention, is_subject


def _subject_of_clause(analysis: _Analysis, noun: int, clause: tuple[int, int], phrase_end: int) -> bool:
    """The noun opens its clause (only determiners and its date before it) and a verb follows its phrase."""
    before = [i for i in range(clause[0], noun) if i not in analysis.ignored]
    if any(analysis.tokens[i].lower not in _NOUN_MODIFIERS for i in before):
        return False
    if phrase_end >= clause[1]:
        return False
    word = analysis.tokens[phrase_end].lower
    return analysis.verbs[phrase_end] or word in AUXILIARIES or word in MODALS


def _noun_phrase_end(analysis: _Analysis, noun: int, clause_end: int) -> int:
    """Where the noun's phrase ends: before the clause's next verb ("blasts in X and was brought ...")."""
    for i in range(noun + 1, clause_end):
        word = analysis.tokens[i].lower
        if analysis.verbs[i] or word in AUXILIARIES or word in MODALS:
            before = analysis.tokens[i - 1].lower
            return i - 1 if before in ("and", "but", "or", ",") and i - 1 > noun else i
    return clause_end


def _noun_phrase(analysis: _Analysis, noun: int) -> tuple[int, int]:
    """The noun with its determiner and a relative clause after it ("the bombings that killed 12 people")."""
    start = noun
    while start > 0 and analysis.tokens[start - 1].lower in _NOUN_MODIFIERS:
        start -= 1
    end = _clause_of(analysis, noun)[1]
    following = next((c for c in analysis.clauses if c[0] == end), None)
    if following is not None and analysis.tokens[end].lower in ("that", "which", "who"):
        end = following[1]
    return start, end


def _undated_mention(
    article: Article,
    sentence: Sentence,
    skipped: tuple[tuple[int, int], ...] = (),
    nouns_dated: bool = False,
) -> EventMention | None:
    """A sentence without a date, kept only if it reports an event: past-tense verb + a named actor.

    ``skipped``: spans in the sentence that do not date it (a dateline, a date of a noun).
    ``nouns_dated``: its event nouns already have mentions of their own ("condemned Friday's
    bombings"), so the verb keeps the undated report instead of yielding to the noun.
    """
    tokens = tokenize(sentence.text, sentence.start)
    # most sentences fail on a cheap test: no past form or perfect auxiliary, or no name at all
    if not any(t.lower in _PERFECT or is_past_form(t.lower) for t in tokens):
        return None
    analysis = _analyse_tokens(tokens, skipped, _QUOTE.search(sentence.text) is not None)
    analysis.text, analysis.offset = sentence.text, sentence.start
    if not _names(analysis):
        return None
    relatives = _relative_clauses(analysis)
    for i in _verbs(analysis, 0, len(analysis.tokens)):
        word = analysis.tokens[i].lower
        perfect = i > 0 and analysis.tokens[i - 1].lower in _PERFECT
        if not (is_past_form(word) or perfect) or any(r.word < i < r.end for r in relatives):
            continue  # a relative clause's verb describes a participant, it is not the sentence's report
        clause = _clause_of(analysis, i)
        keep_verb = nouns_dated and word not in LIGHT_VERBS
        trigger = i if keep_verb else _governed_event_noun(analysis, i, clause[1])
        mention = _mention(article, sentence, analysis, clause, trigger, None)
        return mention if mention.actors else None
    return None


def _mention(
    article: Article,
    sentence: Sentence,
    analysis: _Analysis,
    clause: tuple[int, int],
    trigger: int | None,
    expression: TimeExpression | None,
    title_span: tuple[int, int] | None = None,
) -> EventMention:
    """``title_span``: the trigger's own part of a clause it shares with another event, for the title."""
    trigger_word = _trigger_text(analysis, trigger, clause[1]) if trigger is not None else ""
    statement = trigger is not None and is_reporting(trigger_word)
    actors, speaker_start = _actors(analysis, clause, trigger if statement else None)
    places = _places(analysis)
    reported = _reported_before(analysis, trigger) if statement and trigger is not None else None
    mention = EventMention(
        places=[a for a in actors if a in places],
        document=article.id,
        sentence=sentence,
        expression=expression,
        date=span_of(expression) if expression else None,
        trigger=trigger_word,
        actors=actors,
        terms=_terms(analysis, clause),
        content=_reported_terms(analysis, clause) if statement else [],
        title=_title(
            analysis,
            title_span or clause,
            statement,
            speaker_start,
            _date_tokens(analysis, expression),
            title_span[0] if title_span else 0,
        ),
        date_source="expression" if expression else "none",
    )
    if trigger is not None:
        lo = reported[1] if reported is not None else clause[0]
        mention.subjects = _subjects(analysis, (lo, clause[1]), trigger, places)
    if reported is not None:
        # "Talks resumed, a ministry official said Thursday": what was said titles the statement
        kept = _title_tokens(analysis, reported[0], reported[1], True, _date_tokens(analysis, expression))
        if _word_count(analysis, kept) >= 3:
            mention.title = _finish_title(analysis, kept)
            mention.content = mention.content or _terms(analysis, reported)
    return mention


def _subjects(analysis: _Analysis, clause: tuple[int, int], trigger: int, places: set[str]) -> list[str]:
    """The names that did the trigger's act: those left of it in its clause ("Norland and Ostria on
    Friday joined"), not a preposition's object, a place, a role noun or a name inside a relative clause.

    Names in the trigger's own comma segment win; else the clause's first segment (the subject before
    an apposition: "Norland, a member since 1999, condemned ...").
    """
    if not analysis.verbs[trigger]:
        # an event noun: the subject of the light verb that holds it ("X and Y held the call") is its
        # agent; a name before another verb ("X hailed the call") only reacted to it
        governing = [
            v for v in _verbs(analysis, clause[0], trigger) if analysis.tokens[v].lower in LIGHT_VERBS
        ]
        if not governing or _verbs(analysis, governing[-1] + 1, trigger):
            return []
        trigger = governing[-1]
    lo_offset, hi_offset = analysis.tokens[clause[0]].start, analysis.tokens[trigger].start
    relatives = [r for r in _relative_clauses(analysis) if not r.word < trigger < r.end]
    by_segment: dict[int, list[str]] = {}
    for name in _names(analysis):
        if not lo_offset <= name.start < hi_offset or name.text in places or _is_role_name(name.text):
            continue
        first, last = _token_index(analysis, name.start), _token_index(analysis, name.end - 1)
        before = first - 1
        while before > 0 and analysis.tokens[before].lower in ("the", "a", "an"):
            before -= 1
        if before >= 0 and analysis.tokens[before].lower in _OBJECT_PREPOSITIONS:
            continue  # "talks with Ostria", "the ratification of the Pact": not the one who acted
        if last + 1 < trigger and _names_an_event(analysis, last + 1):
            continue  # "the Ardo summit will be held": the name labels the event, it did nothing
        if any(r.word < first < r.end for r in relatives):
            continue
        segment = sum(
            1 for i in range(first, trigger) if analysis.tokens[i].text == "," and i not in analysis.ignored
        )
        by_segment.setdefault(segment, []).append(name.text)
    if not by_segment:
        return []
    chosen = by_segment.get(0) or by_segment[max(by_segment)]
    return list(dict.fromkeys(chosen))


def _names_an_event(analysis: _Analysis, i: int) -> bool:
    word = analysis.tokens[i].lower
    return not analysis.verbs[i] and (word in EVENT_NOUNS or (concept(word) is not None and word.isalpha()))


_OBJECT_PREPOSITIONS = frozenset(
    {"with", "by", "of", "for", "to", "from", "against", "between", "among", "about", "after", "before"}
    | _PLACE_PREPOSITIONS
)


def _is_role_name(name: str) -> bool:
    """A capitalised common noun opening the sentence ("Police", "Officials"), not a named actor."""
    words = [w for w in name.lower().split() if w not in ("the", "a", "an")]
    return len(words) == 1 and noun_lemma(words[0]) in ROLE_NOUNS


_MAX_ATTRIBUTION = 8  # tokens of a closing ", Transport Minister X Y said Saturday"


def _reported_before(analysis: _Analysis, verb: int) -> tuple[int, int] | None:
    """The reported clause before a closing attribution whose verb is ``verb`` ("[X resumed], a
    ministry official said Thursday."), as a token range; None if the verb does not close the sentence."""
    tokens = analysis.tokens
    comma = next(
        (i for i in range(verb - 1, -1, -1) if tokens[i].text in ",;" and i not in analysis.ignored), None
    )
    if comma is None or verb - comma > _MAX_ATTRIBUTION or tokens[comma].text != ",":
        return None
    after = [
        i for i in range(verb + 1, len(tokens)) if i not in analysis.ignored and tokens[i].text.isalnum()
    ]
    if after or any(analysis.verbs[i] for i in range(comma + 1, verb)):
        return None  # "said Thursday that ...", "..., who was there, said": not a closing attribution
    start = next((i for i in range(comma) if i not in analysis.ignored), None)
    return (start, comma) if start is not None else None


def _date_tokens(analysis: _Analysis, expression: TimeExpression | None) -> range:
    if expression is None:
        return range(0)
    return range(_token_index(analysis, expression.start), _token_index(analysis, expression.end - 1) + 1)


def _actors(
    analysis: _Analysis, clause: tuple[int, int], reporting_verb: int | None
) -> tuple[list[str], int | None]:
    """Names in the clause (else in the clauses before it), a statement's speaker first.

    Also returns the token index where the speaker's name starts, if there is a speaker.
    """
    names = _names(analysis)
    lo, hi = analysis.tokens[clause[0]].start, analysis.tokens[clause[1] - 1].end
    inside = [n for n in names if lo <= n.start < hi] or [n for n in names if n.start < lo]
    speaker_start = None
    if reporting_verb is not None:
        verb_start = analysis.tokens[reporting_verb].start
        speakers = [n for n in inside if n.start < verb_start]
        if speakers:
            inside.remove(speakers[-1])
            inside.insert(0, speakers[-1])
            speaker_start = _token_index(analysis, speakers[-1].start)
            if speaker_start > clause[0] and analysis.tokens[speaker_start - 1].lower in ("the", "a", "an"):
                speaker_start -= 1
    unique: list[str] = []
    for name in inside:
        if name.text not in unique:
            unique.append(name.text)
    return unique, speaker_start


def _trigger_text(analysis: _Analysis, trigger: int, clause_end: int) -> str:
    """The trigger word, with its particle when the pair means something else ("went off", "blew up")."""
    word = analysis.tokens[trigger]
    # a copula or light verb reaches its complement past determiners and adjectives ("became full members")
    reach = 5 if word.lower in _COPULAS or word.lower in LIGHT_VERBS else 3
    for n in range(trigger + 1, min(trigger + reach, clause_end)):
        follower = analysis.tokens[n]
        if (word.lower, follower.lower) in PHRASAL_CONCEPTS:
            return f"{word.text} {follower.text}"
        if follower.text[:1].isupper():
            continue  # one name may stand between: "became NATO members"
        if reach == 3 or analysis.verbs[n] or not follower.text.isalpha():
            break
        if follower.lower in STOPWORDS and follower.lower not in _NOUN_MODIFIERS:
            break  # a preposition ends the complement
    return word.text


def _places(analysis: _Analysis) -> set[str]:
    """The sentence's names read as where something happened: "in Miami", "Nairobi, Kenya", "in Kenya and
    Tanzania".  Only a locative preposition makes a place: a nationality ("Danish fishermen", "U.S.
    officials") or a possessive ("Elian's relatives") describes a participant, not the event's location."""
    tokens, places = analysis.tokens, set()
    names = _names(analysis)
    for n, name in enumerate(names):
        first = _token_index(analysis, name.start)
        last = _token_index(analysis, name.end - 1)
        before = tokens[first - 1].lower if first > 0 else ""
        before2 = tokens[first - 2].lower if first > 1 else ""
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        attributive = after is not None and after.text[:1].islower() and _plain_noun(analysis, last + 1)
        if (
            before in _PLACE_PREPOSITIONS
            or (before == "the" and before2 in _PLACE_PREPOSITIONS and not attributive)
            or name.text in places
            or (before == "and" and first > 1 and _previous_name(names, n, first, analysis) in places)
        ):
            places.add(name.text)
            if after is not None and after.text == "," and n + 1 < len(names):
                # "Nairobi, Kenya": a place followed by its region or country
                region = names[n + 1]
                if _token_index(analysis, region.start) == last + 2:
                    places.add(region.text)
    return places


def _previous_name(names: list[Name], n: int, first: int, analysis: _Analysis) -> str | None:
    """The name just before "and" ("in Kenya and Tanzania"), if the name at ``first`` follows one."""
    if n == 0 or _token_index(analysis, names[n - 1].end - 1) != first - 2:
        return None
    return names[n - 1].text


def _plain_noun(analysis: _Analysis, i: int) -> bool:
    """A lower-case content word that is not a verb: the noun an attributive name qualifies."""
    word = analysis.tokens[i].lower
    return not analysis.verbs[i] and word not in STOPWORDS and word not in AUXILIARIES and word not in MODALS


def _names(analysis: _Analysis) -> list[Name]:
    """The sentence's names, outside attribution and dates (shared by all its clauses)."""
    if analysis.names is None:
        kept = [t for i, t in enumerate(analysis.tokens) if i not in analysis.ignored]
        analysis.names = extract_names(kept, sentence_start=0 not in analysis.ignored)
    return analysis.names


def _terms(analysis: _Analysis, clause: tuple[int, int]) -> list[str]:
    """Lower-case content lemmas of the clause; event words become their shared concept."""
    terms: list[str] = []
    for i in range(*clause):
        token = analysis.tokens[i]
        word = token.lower
        if i in analysis.ignored or not token.text[:1].isalpha() or token.text[:1].isupper():
            continue
        if word in STOPWORDS or len(word) < 3 or word in AUXILIARIES or is_reporting(word):
            continue
        if word in CONCEPTS and (word in EVENT_NOUNS or analysis.verbs[i] or not word.endswith("ed")):
            term = concept(word) or word
        elif analysis.verbs[i]:
            # a verb sharing a concept's spelling ("called X alarming") must not pose as that concept
            term = word if verb_lemma(word) in _CONCEPT_IDS else verb_lemma(word)
        else:
            term = noun_lemma(word)
        if term not in terms:
            terms.append(term)
    return terms


def _reported_terms(analysis: _Analysis, clause: tuple[int, int]) -> list[str]:
    """The terms of the that-clause right after a statement's clause ("said ... that two villages were
    evacuated"): what was said, which the reporting clause itself does not tell."""
    following = next((c for c in analysis.clauses if c[0] == clause[1]), None)
    if following is None or analysis.tokens[following[0]].lower != "that":
        return []
    return _terms(analysis, following)


def _status(
    analysis: _Analysis,
    clause: tuple[int, int],
    trigger: int | None,
    expression: TimeExpression,
    reference: DateValue | None,
) -> str:
    when = span_of(expression)
    if when is None:
        return "reported"
    if reference and _long_before(when, reference):
        return "background"
    if reference and when.end < reference.start:
        # before publication: "said they would appeal" is a past statement, whatever was planned in it
        return "expected" if trigger is not None and _explicit_future(analysis, trigger) else "reported"
    if FUTURE_CUES.search(_local_text(analysis, clause, trigger, expression)):
        return "expected"
    if reference and reference.granularity in ("day", "time") and when.start > reference.end:
        return "expected"
    return "reported"


def _long_before(when: DateValue, reference: DateValue) -> bool:
    """A date far enough before publication to be context, not the story: a year or coarser 90 days
    before, a day a year before ("landed on Dec. 2, 1956"); a month or week never (too ambiguous)."""
    if when.granularity in _COARSE:
        return when.end < reference.start - BACKGROUND_BEFORE
    return when.granularity in ("day", "time") and when.end < reference.start - PRECISE_BACKGROUND_BEFORE


def _explicit_future(analysis: _Analysis, trigger: int) -> bool:
    """The trigger itself is future: "will attend", "is scheduled to begin" (not "would", not a past form)."""
    word = analysis.tokens[trigger].lower
    if is_past_form(word) or is_reporting(word):
        return False
    before = " ".join(t.lower for t in analysis.tokens[max(0, trigger - 4) : trigger])
    return bool(_FUTURE_BEFORE.search(before))


_FUTURE_BEFORE = re.compile(
    r"(?:\bwill|'ll|\bshall|\b(?:scheduled|due|set|slated|expected)\s+to)(?:\s+(?:not|be|also|now))*$"
)


def _local_text(
    analysis: _Analysis, clause: tuple[int, int], trigger: int | None, expression: TimeExpression
) -> str:
    """The words around the trigger and its date, from the last comma before them: where tense is read."""
    date_token = _token_index(analysis, expression.start)
    first = min(date_token, trigger) if trigger is not None else date_token
    last = max(date_token, trigger) if trigger is not None else date_token
    start = clause[0]
    for i in range(first - 1, clause[0] - 1, -1):
        if analysis.tokens[i].text in ",;":
            start = i + 1
            break
    return " ".join(t.text for t in analysis.tokens[start : min(last + 3, clause[1])])


def _title(
    analysis: _Analysis,
    clause: tuple[int, int],
    statement: bool,
    speaker_start: int | None,
    own_date: range = range(0),
    floor: int = 0,
) -> str:
    """A contiguous stretch of the sentence from the clause's subject, without its date, 3 to ~14 words.

    Only the date (with its preposition and commas) and a closing attribution are left out; the title
    stops at the clause boundary a date closes ("X, ruled by Y since 1994, borders Z" -> "X, ruled by Y").
    A title too short to say anything reaches back to ``floor`` (the sentence's start, or the start
    of the part of a clause another event does not own).
    """
    start, end = speaker_start if speaker_start is not None else clause[0], clause[1]
    if statement:
        # what was said: the following clauses, past bare "adding", "that" ("X said, adding that ...")
        for following in (c for c in analysis.clauses if c[0] >= clause[1]):
            end = following[1]
            if _word_count(analysis, _title_tokens(analysis, clause[1], end, statement, own_date)) >= 3:
                break
    kept = _title_tokens(analysis, start, end, statement, own_date)
    if _word_count(analysis, kept) < 3:
        kept = _title_tokens(analysis, floor, end, statement, own_date)  # too short: the sentence so far
    return _finish_title(analysis, kept)


def _finish_title(analysis: _Analysis, kept: list[int]) -> str:
    """The kept tokens as a title: at most ~14 words, no dangling last word, capitalised."""
    kept, truncated = _shorten(analysis, kept)
    while kept and (analysis.tokens[kept[-1]].lower in STOPWORDS or analysis.tokens[kept[-1]].text in ",;"):
        kept.pop()
    text = _verbatim(analysis, kept)
    text = text[:1].upper() + text[1:]
    return text + ("\u2026" if truncated and text else "")


def _word_count(analysis: _Analysis, kept: list[int]) -> int:
    return sum(analysis.tokens[i].text not in ",;" for i in kept)


def _title_tokens(
    analysis: _Analysis, start: int, end: int, statement: bool, own_date: range = range(0)
) -> list[int]:
    """Indices of the title's tokens in ``[start, end)``: dates left out, cut where its date ends a clause."""
    tokens, kept = analysis.tokens, []
    i = start
    while i < end:
        if not _left_out(analysis, i):
            kept.append(i)
            i += 1
            continue
        j = i
        while j < end and _left_out(analysis, j):
            j += 1
        comma_after = j < end and tokens[j].text == ","
        if _possessive_date_of_a_noun(analysis, i, j, end, own_date):
            # "arrested a suspect in last year's bombing": without it the noun phrase falls apart
            kept.extend(range(i, j))
        elif comma_after and _participle_before(analysis, kept, i):
            # "The dam, built in 1978, ...": without its date the participle would dangle ("built,")
            kept.extend(range(i, j))
            if j - 1 in own_date and not statement:
                break  # the date closes the dated clause: "The dam, built in 1978"
        elif comma_after and kept and kept[-1] == i - 1 and tokens[kept[-1]].text == ",":
            kept.pop()  # "X, on Monday, did": the comma pair goes with the date
            j += 1
        elif comma_after and all(tokens[k].text in ",;" or tokens[k].lower in _NOUN_MODIFIERS for k in kept):
            j += 1  # "On Monday, X did"; "The Aug. 7, 1998, bombings killed" (the date's closing comma)
        elif comma_after and any(analysis.verbs[k] for k in kept) and not statement and j - 1 in own_date:
            break  # "after crushing protests in 2020, X has ...": the date closes the dated clause
        i = j
    while kept and (tokens[kept[0]].lower in _TITLE_TRIM or tokens[kept[0]].lower in _CLAUSE_STARTERS):
        kept.pop(0)
    return _without_attribution(analysis, kept)


def _possessive_date_of_a_noun(analysis: _Analysis, i: int, j: int, end: int, own_date: range) -> bool:
    """Tokens [i, j) are another event's possessive date before a noun ("in last year's bombing")."""
    tokens = analysis.tokens
    if j >= end or any(k in own_date for k in range(i, j)) or not tokens[j].text[:1].isalpha():
        return False
    return tokens[j - 1].text.endswith(("'s", "’s", "s'", "s’")) or (
        j - i >= 2 and tokens[j - 1].text in ("'s", "’s", "'", "’")
    )


def _participle_before(analysis: _Analysis, kept: list[int], i: int) -> bool:
    """The title so far ends in a participle set off by a comma, right before token ``i`` (", built")."""
    return (
        len(kept) >= 2
        and kept[-1] == i - 1
        and analysis.verbs[i - 1]
        and analysis.tokens[kept[-2]].text == ","
    )


def _left_out(analysis: _Analysis, i: int) -> bool:
    """Ignored (a date, an attribution), or a date's preposition; commas are judged by the caller."""
    if i in analysis.ignored:
        return True
    return analysis.tokens[i].text != "," and _dangling_preposition(analysis, i)


def _without_attribution(analysis: _Analysis, kept: list[int]) -> list[int]:
    """Drop a closing ", officials said" / ", X told reporters" (up to 6 words, no other verb)."""
    tokens = analysis.tokens
    commas = [n for n, i in enumerate(kept) if tokens[i].text == ","]
    if not commas or kept[-1] != len(tokens) - 1:
        return kept
    tail = kept[commas[-1] + 1 :]
    verbs = [i for i in tail if analysis.verbs[i]]
    if len(tail) > 6 or not verbs or not all(is_reporting(tokens[i].lower) for i in verbs):
        return kept
    head = kept[: commas[-1]]
    if _word_count(analysis, head) < 3 or not any(analysis.verbs[i] for i in head):
        return kept  # "..., the minister said": the statement itself, nothing else to title it
    return head


def _shorten(analysis: _Analysis, kept: list[int]) -> tuple[list[int], bool]:
    """At most ~14 words: cut at the last comma leaving a clause of 9+ words, else after 12 (truncated)."""
    if _word_count(analysis, kept) <= TITLE_WORDS + 2:
        return kept, False
    count, boundary, limit = 0, None, len(kept)
    for n, i in enumerate(kept):
        if analysis.tokens[i].text in ",;":
            follower = analysis.tokens[kept[n + 1]].text if n + 1 < len(kept) else ""
            if count >= 9 and follower.islower() and any(analysis.verbs[k] for k in kept[:n]):
                boundary = n  # a clause boundary (not a name in apposition) that leaves a clause
            continue
        count += 1
        if count == TITLE_WORDS:
            limit = n + 1
        if count > TITLE_WORDS + 2:
            break
    if boundary is not None:
        return kept[:boundary], False
    return kept[:limit], True


_GLUE = re.compile(r"\s*[%$\u20ac\u00a3'\u2019/.-]?\s*")


def _verbatim(analysis: _Analysis, kept: list[int]) -> str:
    """The kept tokens as written: neighbours keep the text between them ("20% gain"), gaps one space."""
    tokens, parts = analysis.tokens, []
    for n, i in enumerate(kept):
        if n:
            prev = kept[n - 1]
            gap = analysis.text[tokens[prev].end - analysis.offset : tokens[i].start - analysis.offset]
            if prev != i - 1 or not analysis.text or not _GLUE.fullmatch(gap):
                gap = " "
            parts.append(re.sub(r"\s+", " ", gap))
        parts.append(tokens[i].text)
    return re.sub(r" ([,;])", r"\1", "".join(parts))


def _dangling_preposition(analysis: _Analysis, i: int) -> bool:
    """A preposition or comma left behind when the date after/before it is removed ("on [Monday],")."""
    token = analysis.tokens[i]
    nxt_ignored = i + 1 in analysis.ignored and i + 1 < len(analysis.tokens)
    prev_ignored = i - 1 in analysis.ignored and i > 0
    if token.lower in _TIME_PREPOSITIONS or token.lower in ("last", "next", "this"):
        return nxt_ignored
    if token.text == ",":
        return prev_ignored or i == 0
    return False

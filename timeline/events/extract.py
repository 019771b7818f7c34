"""Event mentions of one article: one per dated clause, plus undated reports."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from datetime import timedelta
from functools import lru_cache
from operator import attrgetter

from timeline.events.actors import _actors, _expand_surnames, _places, _reported_terms, _subjects, _terms
from timeline.events.analysis import (
    _NOUN_MODIFIERS,
    _PERFECT,
    _QUOTE,
    _TIME_PREPOSITIONS,
    SEEN_ONCE,
    _analyse,
    _Analysis,
    _analysis_with_dates,
    _clause_of,
    _names,
    _text_readings,
    _token_of,
    _verbs,
    copy_analysis,
    quote_marks,
    remember,
    span_of,
)
from timeline.events.beside import (
    BESIDE_DATE,
    BESIDE_PLAN,
    DAY_ROLE,
    coarse_news_statement,
    complement_date,
    coordinated_beside_background,
    date_after_verb,
    day_role,
    market_close_day,
    only_background,
    only_plans,
    present_beside_past,
)
from timeline.events.clauses import (
    _own_spans,
    _Relative,
    _relative_clauses,
    _relative_holding,
    _reported_before,
)
from timeline.events.implicit import (
    LEAD_SENTENCES,
    NARRATIVE,
    PAST,
    PUBLICATION_IMPLICIT,
    ImplicitDate,
    MainVerb,
    Narrative,
    coordinated_verb,
    group_same_happening,
    implicit_date,
    long_duration,
    main_verb,
    new_scene,
    quoted_tokens,
)
from timeline.events.quotations import standing_alone, with_quotations
from timeline.events.status import _status
from timeline.events.titles import (
    _date_tokens,
    _finish_title,
    _retitle_relative,
    _title,
    _title_tokens,
    _word_count,
)
from timeline.events.triggers import (
    _dated_triggers,
    _dates_plain_noun,
    _governed_event_noun,
    _noun_before_date,
    _trigger_text,
    reported_clause,
    subject_event_noun,
)
from timeline.merge.features import governing_action, named_after, trigger_context
from timeline.temporal.timex import value_to_date
from timeline.text import (
    AUXILIARIES,
    EVENT_NOUNS,
    LIGHT_VERBS,
    MODALS,
    NOT_NAMES,
    STOPWORDS,
    concept,
    is_past_form,
    is_reporting,
)
from timeline.types import Article, DateValue, EventMention, Sentence, TimeExpression


def extract_mentions(
    article: Article, sentences: list[Sentence], expressions: list[TimeExpression]
) -> list[EventMention]:
    """The event mentions of one article, in text order."""
    reference = _reference_date(article, expressions)
    usable = sorted((e for e in expressions if _is_usable(e, article.text)), key=lambda e: e.start)
    starts = [e.start for e in usable]  # reliability: bisect, not a scan of every expression per sentence
    published = _published_day(article)
    published_key = _DATE_FIELDS(published) if published is not None else None  # a turn's key (``_turn``)
    durations = sorted(e.start for e in expressions if e.type == "DURATION" and long_duration(e.value))
    narrative = Narrative()
    lead, headlines = _lead_sentences(article, sentences)
    paragraph = -1
    marks = _QuoteMarks(article.text)
    mentions: list[EventMention] = []
    analyses: dict[int, _Analysis] = {}  # by sentence index: their tokens serve ``_trigger_context``
    alone: list[Sentence] = []  # quotations standing alone (``quotations``)
    for sentence in sentences:
        if sentence.boilerplate:
            continue
        report_line_end = sentence.start + _report_line_length(sentence.text)
        report_line = ((sentence.start, report_line_end),) if report_line_end > sentence.start else ()
        own = usable[bisect_left(starts, report_line_end) : bisect_left(starts, sentence.end)]
        dated, clause_dated, triggers, kept = (
            _dated_mentions_once(article, sentence, own, reference, report_line)
            if own
            else ([], False, {}, None)
        )
        mentions.extend(dated)
        if kept is not None and kept.analysis is not None:
            analysis = copy_analysis(kept.analysis, sentence)  # the same as ``_analyse``'s, made directly
        else:
            analysis = _analyse(sentence, own, report_line)
        analyses[sentence.index] = analysis
        # a quotation runs on across sentences, and into the next paragraph when that one closes it
        opens_paragraph = sentence.paragraph != paragraph
        if opens_paragraph:
            narrative.quote_open = _quote_runs_on(article, sentence, narrative.quote_open, marks)
        paragraph = sentence.paragraph
        headline = sentence.index in headlines
        # a dated sentence's copies share its turn (``_turn``), by what the turn reads beside the reading
        turn_key = (narrative.quote_open, headline, published_key)
        turn = kept.turns.get(turn_key) if kept is not None else None
        if turn is None:
            turn = _turn(analysis, narrative.quote_open, headline, clause_dated, triggers, published)
            if kept is not None:
                kept.turns[turn_key] = turn
        quoted, narrative.quote_open, verb, main_trigger, statement = turn
        if quoted and standing_alone(analysis.tokens, quoted):
            alone.append(sentence)
        main = triggers[main_trigger] if main_trigger is not None else None
        # where the sentence stands, for dating a main clause (or its statement) without a date of its own
        where = {
            "lead": sentence.index in lead,
            "published": published,
            "narrative": narrative,
            "sentence": sentence.index,
            "paragraph": sentence.paragraph,
        }
        if clause_dated and (verb is None or main is not None or not only_background(triggers)):
            if main is not None:
                if statement is not None:
                    decision = implicit_date(statement, **where)
                    if statement is verb and isinstance(decision, ImplicitDate):
                        decision = ImplicitDate(decision.date, decision.source, BESIDE_DATE, decision.status)
                    if isinstance(decision, ImplicitDate):
                        mentions.append(
                            _implicit_mention(article, sentence, analysis, statement, decision, True)
                        )
                _tell(narrative, main, sentence)
            elif verb is not None and only_plans(dated, published):
                # "Acme said it will redeem its notes on Dec. 7": the day is the plan's, the clause is news
                decision = implicit_date(verb, **where)
                if isinstance(decision, ImplicitDate) and decision.source == PUBLICATION_IMPLICIT:
                    decision = ImplicitDate(decision.date, decision.source, BESIDE_PLAN, decision.status)
                    mentions.append(_implicit_mention(article, sentence, analysis, verb, decision, True))
            continue
        lasting = bisect_left(durations, sentence.end) > bisect_left(durations, sentence.start)
        decision = implicit_date(verb, **where, lasting=lasting)
        if not isinstance(decision, ImplicitDate) and verb is not None:
            # the first main clause is background or not dated here; a coordinated one may be news
            second = coordinated_verb(analysis, quoted, verb)
            later = implicit_date(second, **where, lasting=lasting) if second is not None else None
            if isinstance(later, ImplicitDate) and second is not None:
                mentions.append(_implicit_mention(article, sentence, analysis, second, later))
        if decision is False:
            continue  # background: not an event of the timeline
        if isinstance(decision, ImplicitDate) and verb is not None:
            decision = market_close_day(decision, sentence.text, verb, analysis)
            nouns_dated = any(m.expression is not None for m in dated)
            mention = _implicit_mention(article, sentence, analysis, verb, decision, nouns_dated)
            if (
                decision.source == NARRATIVE
                and (news_day := _lead_scene(narrative, opens_paragraph, analysis, mention, (mentions, lead)))
                is not None
            ):
                where["narrative"] = Narrative()  # the lead's scene: dated as its news, not the story's
                redated = implicit_date(verb, **where, lasting=lasting)
                if isinstance(redated, ImplicitDate) and redated.date == news_day:
                    decision = market_close_day(redated, sentence.text, verb, analysis)
                    mention = _implicit_mention(article, sentence, analysis, verb, decision, nouns_dated)
            mentions.append(mention)
            if decision.source == NARRATIVE:
                narrative.sentence = sentence.index  # the story goes on
            continue
        if not clause_dated:
            # no date of its own for the clause (only datelines or dates of nouns): an undated report
            skipped = report_line + tuple((e.start, e.end) for e in own)
            nouns_dated = any(m.expression is not None for m in dated)
            if (mention := _undated_mention(article, sentence, skipped, nouns_dated)) is not None:
                mentions.append(mention)
    _expand_surnames(mentions)
    mentions = _without_restated_headline(mentions, headlines, lead)
    group_same_happening(mentions)
    if alone:
        mentions = with_quotations(mentions, alone, lambda i: i in analyses and _says(analyses[i]))
    for mention in mentions:
        # worked out here, in the (parallel) extraction: the merge needs them for every mention and would
        # otherwise read each sentence again in its single process
        mention.trigger_context = _trigger_context(mention, analyses.get(mention.sentence.index))
    return mentions


LEAD_RULE = f"{PUBLICATION_IMPLICIT}.lead"  # an article's lead: the news of its day

# (quoted tokens, whether a quotation is open after the sentence, main verb, the key in ``triggers`` of
# the main clause's dated mention, the statement dated beside it): what ``_turn`` decides
_Turn = tuple[set[int], bool, MainVerb | None, int | None, MainVerb | None]


def _turn(
    analysis: _Analysis,
    quote_open: bool,
    headline: bool,
    clause_dated: bool,
    triggers: dict[int, EventMention],
    published: DateValue | None,
) -> _Turn:
    """What the sentence loop decides of a sentence before reading where it stands in its article: its
    quoted tokens, its main verb, its main clause's dated mention and the statement beside that date.

    Kept with a dated sentence's reading (``_dated_mentions_once``) for its copies, by ``quote_open``,
    ``headline`` and ``published``: it reads the analysis (a function of the dated reading's key), its
    dated mentions only through ``triggers`` (their status, date and date's offsets, equal for every copy:
    a copy's own mention is taken by the key returned), and nothing else of the article."""
    quoted, quote_open = quoted_tokens(analysis, quote_open)
    # an aside's statement (", officials now say,") is the act of a sentence without a date of its own;
    # beside a clause's own date the clause stays the act (its date goes on with the narrative)
    asides = not clause_dated
    verb = _main_verb_once(analysis, quoted, headline, asides) if analysis.tokens else None
    if verb is None and analysis.tokens:
        verb = demonstrative_count(analysis, quoted)
    main = _main_trigger(analysis, verb, triggers) if clause_dated else None
    if main is None:
        return quoted, quote_open, verb, None, None
    dated = triggers[main]
    statement = coarse_news_statement(analysis, quoted, dated, triggers)
    if (
        statement is None
        and not headline
        and present_beside_past(verb, dated, published)
        and date_after_verb(analysis, verb, dated)
    ):
        statement = verb  # "Acme expects sales to grow from 20% last year": the year is the sales
    if statement is None:
        statement = coordinated_beside_background(analysis, quoted, verb, dated, triggers)
    return quoted, quote_open, verb, main, statement


def _says(analysis: _Analysis) -> bool:
    """The sentence reports words said: it has a quotation mark or a reporting verb."""
    return bool(quote_marks(analysis)) or any(is_reporting(t.lower) for t in analysis.tokens)


_TriggerContext = tuple[str, str, frozenset[str]]
_trigger_contexts: OrderedDict[tuple[str, str, bool], _TriggerContext] = OrderedDict()


def _trigger_context(mention: EventMention, analysis: _Analysis | None) -> _TriggerContext:
    """The mention's trigger with ``governing_action`` and ``named_after`` of its sentence, read from the
    sentence's analysis (its tokens and verb flags) when there is one.

    Kept by the sentence's text and the trigger (and which way it was read): both ways read nothing else
    (the analysis's tokens are ``tokenize`` of that text, its verb flags theirs, at any offset), so every
    copy of a sentence (wire copies, templated records) gets the first one's tuple, shared."""
    text, trigger = mention.sentence.text, mention.trigger
    read = analysis is not None and analysis.text == text
    key = (text, trigger, read)
    kept = _trigger_contexts.get(key)
    if kept is not None and kept is not SEEN_ONCE:
        _trigger_contexts.move_to_end(key)
        return kept
    if analysis is None or not read:
        found = trigger, governing_action(text, trigger), named_after(text, trigger)
    else:
        found = trigger, *trigger_context(text, trigger, analysis.tokens, analysis.verbs)  # offsets in text
    remember(_trigger_contexts, key, found if kept is SEEN_ONCE else SEEN_ONCE, DATED_READINGS)
    return found


# "PORTVALE, Norland, March 8 (Wirecast) --", "CITY, Month D (AP) _": the wire's report line, not an event.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}){0,2}"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?"
    r"\s*(?:\([A-Za-z][A-Za-z&.' ]{0,30}\)\s*)?(?:--|_|-|\u2014|\u2013)"
)


# "The Times says in an editorial on Thursday, Jan. 6:": a publication line introducing the text.
_LEAD_IN = re.compile(r"\b(?:says|writes|reports)\b[^:]{0,80}:\s*(?:&[A-Za-z]{1,8};\s*)?$")


# patterns asked of every sentence or date: compiled once (``re``'s own cache costs a lookup per call)
_CAPITALS_START = re.compile(r"\s*[A-Z]{2}")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\d{4}")
_WORD_BEFORE = re.compile(r"([A-Za-z\u00C0-\u024F]+)[\s\u2013\u2014-]*$")
_POSSESSIVE = re.compile(r"['\u2019]s\b")


def _report_line_length(text: str) -> int:
    """Length of a leading wire dateline (or a whole publication lead-in line) whose dates are not events."""
    match = _DATELINE.match(text)
    if match and _CAPITALS_START.match(text) and ("(" in match.group() or _DIGIT.search(match.group())):
        return match.end()
    return len(text) if ":" in text and _LEAD_IN.search(text) else 0  # the lead-in ends with a colon


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
    if not _YEAR.fullmatch(expression.text.strip()):
        return False
    before = text[max(0, expression.start - 40) : expression.start]
    if before.endswith("-"):
        return True
    match = _WORD_BEFORE.search(before)
    return bool(match and match.group(1)[:1].isupper() and match.group(1).lower() not in NOT_NAMES)


def _reference_date(article: Article, expressions: list[TimeExpression]) -> DateValue | None:
    """Publication date, else the latest day-precise date the article mentions."""
    if article.published.value and (published := value_to_date(article.published.value)):
        return published
    days = [d for e in expressions if (d := span_of(e)) and d.granularity in ("day", "time")]
    return max(days, key=lambda d: d.start) if days else None


def _dated_mentions(
    article: Article,
    sentence: Sentence,
    expressions: list[TimeExpression],
    reference: DateValue | None,
    skipped: tuple[tuple[int, int], ...] = (),
) -> tuple[list[EventMention], bool, dict[int, EventMention]]:
    """The sentence's dated mentions, whether a date dates a clause (not only nouns), and the mentions of
    the triggers outside relative clauses, by token index."""
    analysis = _analyse(sentence, expressions, skipped)
    if not analysis.tokens:
        return [], False, {}
    triggers: dict[int, EventMention] = {}
    by_clause: dict[tuple[int, int], list[TimeExpression]] = {}
    relatives: dict[tuple[int, int], _Relative] = {}
    mentions = []
    subject_noun_dated = False
    for expression in expressions:
        # "set Friday as the deadline", "a deadline of Friday": the deadline's day, not the clause's
        role = day_role(analysis, expression)
        if role is None and _dates_plain_noun(analysis, expression):
            continue  # "a poster from 1989": the date describes a thing, not an event
        # "last Friday's bombings", "the 1971 charter", "with the bombings last year": the noun's event
        noun = role if role is not None else _noun_before_date(analysis, expression)
        if expression.modifies_noun or noun is not None:
            mention, is_subject = _noun_mention(article, sentence, analysis, expression, reference, noun)
            if mention is not None and role is not None:
                mention.date_rule = DAY_ROLE
            if mention is not None:
                mentions.append(mention)
                subject_noun_dated |= is_subject  # "The March 4 blast killed ...": the clause is dated too
            if mention is not None or not _possessive_subject_date(analysis, expression):
                continue
            # "Monday's trading volume totaled ...": the day of the subject is the clause's day
        date_token = _token_of(analysis, expression.start)
        clause = _clause_of(analysis, date_token)
        reported = _reported_subject_start(analysis, expression) if expression.modifies_noun else None
        if reported is not None:
            clause = (max(clause[0], reported), clause[1])
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
            span = spans.get(trigger) or _object_span(analysis, clause, trigger, dated)
            mention = _mention(article, sentence, analysis, clause, trigger, expression, span)
            if trigger is None and len(mention.title.split()) < 2:
                continue  # a verbless fragment ("Until this week."): no event to date
            mention.status = _status(analysis, clause, trigger, expression, reference)
            if clause in relatives:
                _retitle_relative(analysis, mention, relatives[clause], expression)
            else:
                triggers.setdefault(_trigger_key(analysis, clause, trigger), mention)
            mentions.append(mention)
    main_dated = any(clause not in relatives for clause in by_clause) or subject_noun_dated
    if subject_noun_dated and not triggers:
        return sorted(mentions, key=_expression_start), main_dated, {_SUBJECT_NOUN: mentions[-1]}
    return sorted(mentions, key=_expression_start), main_dated, triggers


# ---------------------------------------------------------------- a sentence's dated mentions, read once

DATED_READINGS = 4096  # distinct dated sentences (text, dates, reference) kept per process

_Dated = tuple[list[EventMention], bool, dict[int, EventMention]]


class _ForCopies:
    """What the copies of a dated sentence share beside its mentions: its analysis, kept from its second
    sighting on (most dated sentences of real news are read once: keeping each one's tokens would cost
    memory for nothing), and its turns (``_turn``) by quotation open, headline and publication day."""

    __slots__ = ("analysis", "turns")

    def __init__(self) -> None:
        self.analysis: _Analysis | None = None
        self.turns: dict[tuple, _Turn] = {}


# the mentions (kept unchanged), each one's expression as an index into the sentence's expressions, whether
# the clause is dated, ``triggers`` as indices into the mentions, and what else the copies share
_Template = tuple[list[EventMention], list[int | None], bool, dict[int, int], _ForCopies]
_dated_readings: OrderedDict[tuple, _Template] = OrderedDict()
_DATE_FIELDS = attrgetter("value", "start", "end", "granularity")  # every field of a ``DateValue``
# The fields of a date ``_dated_mentions`` reads (with its offsets and ``modifies_noun``), and no others: not
# how it was resolved (``anchor``, ``anchor_value``, ``anchor_text``, ``rule``, ``mod``, ``tense``).  Those
# vary with the article around a sentence (the earlier mention "the quarter" is counted from, a story's
# date) while the date stays the same: in the key, they made the templated array's dated sentences some
# 12,300 distinct keys per worker, more than the table holds (read afresh again and again); without them,
# about 2,400 (issue #9).  ``tests/test_reading_reuse.py`` checks that no other field is read.
_EXPRESSION_FIELDS = attrgetter("text", "type", "value", "granularity")


def forget_kept_readings() -> None:
    """Empty this process's tables of sentences read once (``_dated_mentions_once``, ``_main_verb_once``,
    ``_mention``, ``analysis._keep_reading``, ``_trigger_context``): memory, once a build has read its
    articles (the merge never reads them)."""
    _dated_readings.clear()
    _main_verbs.clear()
    _text_readings.clear()
    _undated_readings.clear()
    _trigger_contexts.clear()


def _dated_mentions_once(
    article: Article,
    sentence: Sentence,
    expressions: list[TimeExpression],
    reference: DateValue | None,
    skipped: tuple[tuple[int, int], ...] = (),
) -> tuple[list[EventMention], bool, dict[int, EventMention], _ForCopies | None]:
    """``_dated_mentions``, reading a sentence once for all its copies (wire copies, templated records),
    with what else its copies share (None when nothing is kept).

    Exact: ``_dated_mentions`` reads the article only for its id, and the sentence, its dates and
    ``skipped`` only through the sentence's text and offsets compared with one another, and its dates only
    through their offsets, ``modifies_noun``, text, type, value and granularity (never how they were
    resolved); so the key is the text, those fields of the dates with their offsets relative to the
    sentence, ``skipped`` likewise and the reference date, and a copy's mentions are the first reading's
    with its own article, sentence and expressions (new objects: later steps change mentions in place)."""
    start = sentence.start
    key = (
        sentence.text,
        tuple((e.start - start, e.end - start, e.modifies_noun, *_EXPRESSION_FIELDS(e)) for e in expressions),
        tuple((lo - start, hi - start) for lo, hi in skipped),
        # the reference's fields, not the ``DateValue``: equal exactly when it is, hashed and compared in C
        # (its dataclass ``__hash__`` and ``__eq__`` run Python code for every sentence of the array)
        _DATE_FIELDS(reference) if reference is not None else None,
    )
    template = _dated_readings.get(key)
    if template is None:
        # kept from the first sighting (unlike the other tables): a dated sentence of the templated array
        # recurs under a few thousand distinct keys (its dates' values), each read once more otherwise
        found = _dated_mentions(article, sentence, expressions, reference, skipped)
        if (made := _template(found, expressions)) is None:
            return (*found, None)
        remember(_dated_readings, key, made, DATED_READINGS)
        return (*found, made[4])
    _dated_readings.move_to_end(key)
    mentions, dates, main_dated, triggers, shared = template
    if shared.analysis is None:
        shared.analysis = _analyse(sentence, expressions, skipped)  # the loop's analysis of the sentence
    copies = [
        _copy_mention(m, article.id, sentence, expressions[i] if i is not None else None)
        for m, i in zip(mentions, dates, strict=True)
    ]
    return copies, main_dated, {token: copies[index] for token, index in triggers.items()}, shared


def _template(found: _Dated, expressions: list[TimeExpression]) -> _Template | None:
    """What a copy of the sentence needs of ``found`` (None, so nothing is kept, if a mention's date is not
    one of ``expressions``: a copy could not be given its own)."""
    mentions, main_dated, triggers = found
    position = {id(e): i for i, e in enumerate(expressions)}
    if any(m.expression is not None and id(m.expression) not in position for m in mentions):
        return None
    kept = [_copy_mention(m, m.document, m.sentence, m.expression) for m in mentions]
    dates = [position[id(m.expression)] if m.expression is not None else None for m in mentions]
    index = {id(m): i for i, m in enumerate(mentions)}
    return kept, dates, main_dated, {token: index[id(m)] for token, m in triggers.items()}, _ForCopies()


def _copy_mention(
    mention: EventMention, document: str, sentence: Sentence, expression: TimeExpression | None
) -> EventMention:
    """``mention`` for another copy of its sentence: its own lists, the copy's article, sentence and date."""
    # every field, in the order ``EventMention`` declares them: passed by position, half the cost of by
    # keyword (copies are most of the templated array's mentions, issue #9; ``tests/test_tokens_speed.py``
    # checks each field against a copy by name)
    subjects = mention.subjects
    return EventMention(
        document,
        sentence,
        expression,
        mention.date,
        mention.trigger,
        list(mention.actors),
        list(mention.terms),
        mention.status,
        mention.title,
        mention.date_source,
        list(mention.places),
        list(mention.content),
        list(subjects) if subjects is not None else None,
        mention.earliest,
        mention.date_rule,
        mention.join,
        mention.trigger_context,
    )


_main_verbs: OrderedDict[tuple, MainVerb | None] = OrderedDict()


_DEMONSTRATIVES = frozenset({"that", "this"})


def demonstrative_count(analysis: _Analysis, quoted: set[int]) -> MainVerb | None:
    """The verb of a sentence opening with "That" or "This" and a past form that takes a figure to a new
    level: "That pushed the week's toll to 31.", "This raised the number of dead to 40."  The
    verb reader takes a past form after a determiner for a noun's modifier ("the damaged depot"), so such
    a sentence has no main verb; the pronoun goes back to the report before it, and the figure is news of
    that day.  Without a level reached ("That said, ...", "That took another 10 years", "This made him the
    14th fastest") it is a comment or a result, and stays without a verb: on the Entities topics the
    opening past form alone gave comments and old happenings on the paper's day (docs/accuracy.md,
    nomention44)."""
    tokens = analysis.tokens
    if len(tokens) < 4 or tokens[0].lower not in _DEMONSTRATIVES or 1 in quoted:
        return None
    if not is_past_form(tokens[1].lower) or not tokens[2].text.isalnum():
        return None  # "That said, ...": a turn of phrase
    clause = _clause_of(analysis, 1)
    if not any(_level_reached(analysis, i) for i in range(3, clause[1])):
        return None
    return MainVerb(1, PAST, report=is_reporting(tokens[1].lower))


# words between "to" and its figure: "to more than 200", "to about 40", "to at least 12"
_APPROXIMATE = frozenset(
    {"more", "than", "about", "nearly", "almost", "at", "least", "over", "some", "around"}
)


def _level_reached(analysis: _Analysis, i: int) -> bool:
    """Token ``i`` is a figure reached: digits after "to" (a few words of approximation between), not a
    date, an amount of money or a share ("to $5 million", "to 10 %")."""
    token = analysis.tokens[i]
    if i in analysis.ignored or not token.text.replace(",", "").isdigit():
        return False
    before = analysis.text[: token.start].rstrip()[-1:]
    after = analysis.text[token.end :].lstrip()[:1]
    following = analysis.tokens[i + 1].lower if i + 1 < len(analysis.tokens) else ""
    if before in _CURRENCY or after == "%" or following in ("percent", "per"):
        return False
    j = i - 1
    while j > 1 and analysis.tokens[j].lower in _APPROXIMATE:
        j -= 1
    return analysis.tokens[j].lower == "to"


_CURRENCY = frozenset("$£€¥")


def _main_verb_once(
    analysis: _Analysis, quoted: set[int], headline: bool, asides: bool = True
) -> MainVerb | None:
    """``main_verb``, once for every copy of a sentence: it reads the analysis only through token indices
    and words (never offsets), so it is a function of the analysis's ``reading`` key, the quoted tokens,
    ``headline`` and ``asides``; a ``MainVerb`` is frozen, so one is shared by the copies."""
    if analysis.reading is None:
        return main_verb(analysis, quoted, headline=headline, asides=asides)
    key = (analysis.reading, frozenset(quoted), headline, asides)
    kept = _main_verbs.get(key, _UNSEEN)
    if kept is not _UNSEEN and kept is not SEEN_ONCE:
        _main_verbs.move_to_end(key)
        return kept
    verb = main_verb(analysis, quoted, headline=headline, asides=asides)
    remember(_main_verbs, key, verb if kept is SEEN_ONCE else SEEN_ONCE, DATED_READINGS)
    return verb


def _object_span(
    analysis: _Analysis,
    clause: tuple[int, int],
    trigger: int | None,
    dated: list[tuple[int | None, TimeExpression]],
) -> tuple[int, int] | None:
    """A happening noun dated apart from the clause's verb ("Norland on Saturday condemned the attacks on
    Kell Friday"): its title is the noun's part of the clause ("The attacks on Kell"), not the verb's act,
    which happened on another day."""
    if trigger is None or is_past_form(analysis.tokens[trigger].lower):
        return None  # "met Y on Monday and signed on Tuesday": a second act of the clause's subject
    verbs = [t for t, _ in dated if t is not None and t < trigger and analysis.verbs[t]]
    return (verbs[-1] + 1, clause[1]) if verbs else None


def _possessive_subject_date(analysis: _Analysis, expression: TimeExpression) -> bool:
    """A day in the possessive opening its clause's subject ("Monday's trading volume totaled ..."): what
    the subject measures or names is of that day, and so is the clause's verb."""
    span = span_of(expression)
    if span is None or span.granularity not in ("day", "time"):
        return False
    if not _POSSESSIVE.match(analysis.text[expression.end - analysis.offset :]):
        return False
    first = _token_of(analysis, expression.start)
    clause = _clause_of(analysis, first)
    before = [i for i in range(clause[0], first) if i not in analysis.ignored]
    if all(analysis.tokens[i].lower in _NOUN_MODIFIERS for i in before):
        return True
    if _reported_subject_start(analysis, expression) is not None:
        return True
    # "the following were among Friday's offerings": the predicate names what the clause is about
    words = [analysis.tokens[i].lower for i in before if analysis.tokens[i].lower not in _NOUN_MODIFIERS]
    return bool(words) and (
        words[-1] in _BE or (words[-1] == "among" and len(words) > 1 and words[-2] in _BE)
    )


_BE = frozenset({"is", "are", "was", "were"})


def _reported_subject_start(analysis: _Analysis, expression: TimeExpression) -> int | None:
    """Where the reported clause starts when a day in the possessive opens its subject right after a
    reporting verb ("analysts said (that) Friday's selling was ..."): that clause is of that day, the
    statement is not."""
    if not _POSSESSIVE.match(analysis.text[expression.end - analysis.offset :]):
        return None
    first = _token_of(analysis, expression.start)
    start = first
    while start > 0 and analysis.tokens[start - 1].lower in _NOUN_MODIFIERS:
        start -= 1
    if start > 0 and analysis.tokens[start - 1].lower == "that":
        start -= 1
    return start if start > 0 and is_reporting(analysis.tokens[start - 1].lower) else None


_SUBJECT_NOUN, _VERBLESS = -1, -2  # keys of ``triggers`` for a dated clause with no verb trigger
_COMPLEMENT = -3  # ... for a verbless dated clause that a report before it says: not the main clause's date


def _trigger_key(analysis: _Analysis, clause: tuple[int, int], trigger: int | None) -> int:
    """The key of a dated clause's mention in ``triggers``: its trigger; for a clause without one, whether it
    is a verbless sentence ("Congress reconvenes Jan. 24.": its date is the main clause's) or what a report
    says ("Acme said that its results this year were ...": the year is not the statement's)."""
    if trigger is not None:
        return trigger
    reported = any(reported_clause(analysis, v, clause) for v in range(clause[0]))
    return _COMPLEMENT if reported else _VERBLESS


def _expression_start(mention: EventMention) -> int:
    return mention.expression.start if mention.expression else 0


# ---------------------------------------------------------------- clauses without a date of their own


def _lead_scene(
    narrative: Narrative,
    opens_paragraph: bool,
    analysis: _Analysis,
    mention: EventMention,
    told: tuple[list[EventMention], set[int]],
) -> DateValue | None:
    """The lead's day when a narrative-dated mention goes back to the lead's scene (``new_scene``): its
    paragraph opens on its doer (``_opens_on_doer``); else None.  ``told``: the article's mentions so far
    and its lead sentences."""
    subjects = mention.subjects
    if not (narrative.statement and opens_paragraph and subjects):
        return None  # the common case, settled before reading the sentence or the lead
    mentions, lead = told
    news_day = _lead_day(mentions, lead)
    if news_day is None or not _opens_on_doer(analysis, subjects):
        return None
    return news_day if new_scene(narrative, subjects, news_day, _lead_doers(mentions, lead)) else None


_OPENING_CONJUNCTIONS = frozenset({"but", "and", "then", "meanwhile"})


def _opens_on_doer(analysis: _Analysis, subjects: list[str] | None) -> bool:
    """The sentence opens on its doer's name, then its verb or an aside ("Rahn, back from ..., inspected",
    "But Rahn said"): not a possessive ("Norland's minister said") or a name modifying a noun ("Acme
    shares fell")."""
    tokens = analysis.tokens
    start = 1 if tokens and tokens[0].lower in _OPENING_CONJUNCTIONS else 0
    for name in subjects or ():
        words = name.split()
        end = start + len(words)
        if end < len(tokens) and [t.text for t in tokens[start:end]] == words:
            return tokens[end].text == "," or analysis.verbs[end]
    return False


def _lead_day(mentions: list[EventMention], lead: set[int]) -> DateValue | None:
    """The day the article's lead tells its news on (its first dated mention's)."""
    return next((m.date for m in mentions if m.sentence.index in lead and m.date is not None), None)


def _lead_doers(mentions: list[EventMention], lead: set[int]) -> set[str]:
    """The last words of the names the lead's mentions have as their doers."""
    return {name.split()[-1] for m in mentions if m.sentence.index in lead for name in m.subjects or ()}


def _published_day(article: Article) -> DateValue | None:
    """The publication date when it names a day and the article states it (a header, metadata, an
    option): the only date an implicit date is read from.  An inferred publication date is itself read
    from other articles' events; dating the article's undated clauses by it would stack a guess on a guess.
    """
    if article.published.source == "inferred":
        return None
    when = value_to_date(article.published.value) if article.published.value else None
    return when if when is not None and when.granularity in ("day", "time") else None


def _lead_sentences(article: Article, sentences: list[Sentence]) -> tuple[set[int], set[int]]:
    """The lead (the headline and the body's first sentence(s)) and the headline: a sentence that is
    the article's title."""
    title = " ".join((article.title or "").split())
    lead: set[int] = set()
    headlines: set[int] = set()
    body = 0
    for sentence in sentences:
        if sentence.boilerplate:
            continue
        if title and " ".join(sentence.text.split()) == title:
            lead.add(sentence.index)
            headlines.add(sentence.index)
            continue
        lead.add(sentence.index)
        body += 1
        if body >= LEAD_SENTENCES:
            break
    return lead, headlines


def _main_trigger(
    analysis: _Analysis, verb: MainVerb | None, triggers: dict[int, EventMention]
) -> int | None:
    """The key in ``triggers`` of the main clause's dated mention: the verb's (or the event noun's it
    governs), if it has one."""
    if verb is None:
        return None
    if _SUBJECT_NOUN in triggers:
        return _SUBJECT_NOUN  # "The March 4 blast killed nine": the subject's date dates the clause
    if _VERBLESS in triggers:
        return _VERBLESS  # "Congress reconvenes Jan. 24.": a verb the lexicon does not know
    clause = _clause_of(analysis, verb.index)
    for index in (verb.index, _governed_event_noun(analysis, verb.index, clause[1])):
        if index in triggers and not complement_date(analysis, verb, triggers[index]):
            return index
    for index in triggers:
        # a verb chain: "are expected to finish on Sunday", "plans to visit ... on Monday"; not what was
        # said ("said it continues to hold ... by 1995": the date is the reported clause's)
        between = [t.lower for t in analysis.tokens[verb.index + 1 : index]]
        if 0 < index - verb.index <= 4 and "to" in between and "," not in between and not verb.report:
            return index
    return None


def _without_restated_headline(
    mentions: list[EventMention], headlines: set[int], lead: set[int]
) -> list[EventMention]:
    """A headline dated by the publication day restates its lead: when the lead's first sentence reports
    an event of that day too, the headline is no event of its own."""
    head = [m for m in mentions if m.sentence.index in headlines and m.date_source == PUBLICATION_IMPLICIT]
    if not head:
        return mentions
    lead_days = {
        m.date.value for m in mentions if m.sentence.index in lead - headlines and m.date is not None
    }
    restated = {id(m) for m in head if m.date is not None and m.date.value in lead_days}
    return [m for m in mentions if id(m) not in restated]


def _quote_runs_on(article: Article, sentence: Sentence, open_quote: bool, marks: _QuoteMarks) -> bool:
    """Whether a quotation left open by the previous paragraph goes on at ``sentence``, which starts a new
    one.  News style re-opens a long quotation at each paragraph (a leading mark: the mark itself opens
    it); a paragraph without a leading mark goes on with the quotation only when it holds the closing
    mark (an odd number of marks); otherwise the open mark was stray and the quotation has ended."""
    if not open_quote or _QUOTE.match(sentence.text.lstrip()):
        return False
    end = article.text.find("\n\n", sentence.start)
    return marks.count(sentence.start, end if end != -1 else len(article.text)) % 2 == 1


class _QuoteMarks:
    """The quotation marks of an article's text, found once: counting those of a paragraph re-scanned the
    rest of the article each time when its paragraphs are not separated by blank lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None

    def count(self, start: int, end: int) -> int:
        """``len(_QUOTE.findall(text[start:end]))``, for an ``end`` at a blank line or the text's end."""
        if start > 0 and self.text[start - 1] in "`'":
            # a two-character mark may straddle ``start``: scan the slice itself, as its reader would
            return len(_QUOTE.findall(self.text[start:end]))
        if self.starts is None:
            self.starts = [m.start() for m in _QUOTE.finditer(self.text)]
        return bisect_left(self.starts, end) - bisect_left(self.starts, start)


def _tell(narrative: Narrative, main: EventMention, sentence: Sentence) -> None:
    """A main clause dated by its own expression: the narrative now stands on its date."""
    if main.date is not None:
        narrative.date, narrative.sentence = main.date, sentence.index
        narrative.paragraph = sentence.paragraph
        narrative.names = frozenset(main.actors).union(main.subjects or ())
        narrative.statement = is_reporting(main.trigger.lower())


def _implicit_mention(
    article: Article,
    sentence: Sentence,
    analysis: _Analysis,
    verb: MainVerb,
    decision: ImplicitDate,
    nouns_dated: bool = False,
) -> EventMention:
    """The main clause as an event dated by the publication day or the narrative's day.

    ``nouns_dated``: its event nouns have dates of their own ("condemned Friday's bombings"), so the
    verb is the event, not the noun it governs."""
    clause = _clause_of(analysis, verb.index)
    keep_verb = nouns_dated and analysis.tokens[verb.index].lower not in LIGHT_VERBS
    trigger = verb.index if keep_verb else _governed_event_noun(analysis, verb.index, clause[1])
    described = False
    if trigger == verb.index and (noun := subject_event_noun(analysis, verb.index, clause)) is not None:
        trigger, described = noun, True
    mention = _mention(article, sentence, analysis, clause, trigger, None)
    mention.date, mention.date_source, mention.status = decision.date, decision.source, decision.status
    mention.date_rule = decision.rule
    if described and verb.tense == PAST and decision.rule == LEAD_RULE:
        # "The fire was so fierce that ...": a lead describing a happening in the past tense tells of it,
        # it is not the paper's news of the day (a later report may retell it)
        mention.date_rule = f"{PUBLICATION_IMPLICIT}.{PAST}"
    if decision.source == PUBLICATION_IMPLICIT and not decision.rule.endswith(".market-close"):
        mention.earliest = decision.date.start - timedelta(days=1)
    return mention


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
    end = expression.end - analysis.offset  # in the sentence, as the tokens' offsets
    first = next((i for i, t in enumerate(analysis.tokens) if t.start >= end), None)
    if first is None:
        return None, False
    clause = _clause_of(analysis, first)
    # a day opening the subject ("Friday's selling was ...") dates the clause: `_possessive_subject_date`
    possessive = _possessive_day(analysis, expression) and not _possessive_subject_date(analysis, expression)
    for i in range(first, min(first + 4, clause[1])):
        token = analysis.tokens[i]
        if token.lower in EVENT_NOUNS or (concept(token.lower) and not analysis.verbs[i]):
            noun = i
            break
        if possessive and _deverbal(token.lower) and not analysis.verbs[i] and _phrase_head(analysis, i):
            noun = i  # "yesterday's announcement", "Tuesday's declaration": a happening of that day
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


# endings of nouns made from verbs: announce-ment, declara-tion, rul-ing, approv-al, clos-ure, accept-ance
_DEVERBAL_ENDINGS = ("ment", "tion", "sion", "ing", "al", "ance", "ence", "ure")


def _deverbal(word: str) -> bool:
    """A noun made from a verb ("announcement", "ruling", "approval"): after a day in the possessive it
    names that day's happening, where "Tuesday's paper" names a thing."""
    return word.isalpha() and len(word) > 5 and word.endswith(_DEVERBAL_ENDINGS)


def _phrase_head(analysis: _Analysis, i: int) -> bool:
    """Token ``i`` ends its noun phrase: no plain noun follows ("the ruling was", not "federal court")."""
    if i + 1 >= len(analysis.tokens):
        return True
    nxt = analysis.tokens[i + 1]
    return not (nxt.text.isalpha() and nxt.text.islower()) or nxt.lower in STOPWORDS or analysis.verbs[i + 1]


def _possessive_day(analysis: _Analysis, expression: TimeExpression) -> bool:
    """A day-level date in the possessive ("yesterday's", "Tuesday's")."""
    span = span_of(expression)
    after = analysis.text[expression.end - analysis.offset :]
    return span is not None and span.granularity in ("day", "time") and _POSSESSIVE.match(after) is not None


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
    # the same analysis as the implicit-date reading's (cached): the dates' and dateline's tokens ignored
    analysis = _analysis_with_dates(sentence, skipped)
    # most sentences fail on a cheap test: no past form or perfect auxiliary, or no name at all
    if not any(map(_past_or_perfect, map(_LOWER, analysis.tokens))):
        return None
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


_LOWER = attrgetter("lower")


@lru_cache(maxsize=65536)
def _past_or_perfect(word: str) -> bool:
    """A past form or a perfect's auxiliary: what an undated report needs somewhere (decided once a word)."""
    return word in _PERFECT or is_past_form(word)


# mentions without a date expression (implicit dates, undated reports) by the analysis's ``reading`` key,
# the clause, the trigger and the title span: None when the key was seen once, then a kept mention
_undated_readings: OrderedDict[tuple, EventMention | None] = OrderedDict()
_UNSEEN = object()


def _mention(
    article: Article,
    sentence: Sentence,
    analysis: _Analysis,
    clause: tuple[int, int],
    trigger: int | None,
    expression: TimeExpression | None,
    title_span: tuple[int, int] | None = None,
) -> EventMention:
    """``_read_mention``, once for every copy of a sentence when the mention has no date expression.

    Exact: without an expression, ``_read_mention`` reads the analysis only through its text, token
    indices and offsets compared with one another (equal for every copy: the ``reading`` key), and the
    article and sentence only to store them; a copy gets the kept mention's fields with its own article and
    sentence (new lists: later steps change mentions in place).  A key is only marked when first seen: most
    sentences of real news are read once, and a copy kept for each would cost more than it saves."""
    if expression is not None or analysis.reading is None:
        return _read_mention(article, sentence, analysis, clause, trigger, expression, title_span)
    key = (analysis.reading, clause, trigger, title_span)
    kept = _undated_readings.get(key, _UNSEEN)
    if kept is _UNSEEN or kept is None:
        mention = _read_mention(article, sentence, analysis, clause, trigger, None, title_span)
        seen = kept is not _UNSEEN
        _undated_readings[key] = _copy_mention(mention, mention.document, sentence, None) if seen else None
        if len(_undated_readings) > DATED_READINGS:
            _undated_readings.popitem(last=False)
        return mention
    _undated_readings.move_to_end(key)
    return _copy_mention(kept, article.id, sentence, None)


def _read_mention(
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
            beyond=trigger is not None,  # (a verbless fragment's empty title is how it is left out)
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

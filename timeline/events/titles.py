"""Titles: a contiguous, readable stretch of the sentence without its date."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate, islice
from operator import itemgetter

from timeline.events.actors import _is_role_name
from timeline.events.analysis import (
    _CLAUSE_STARTERS,
    _NOUN_MODIFIERS,
    _TIME_PREPOSITIONS,
    _Analysis,
    _names,
    _token_of,
)
from timeline.events.beside import named_as_role
from timeline.events.clauses import _ANTECEDENT_STOPS, _antecedent, _Relative
from timeline.text import (
    STOPWORDS,
    Token,
    is_reporting,
)
from timeline.types import EventMention, TimeExpression

LONG_TITLE_WORDS = 14  # a title longer than this ends at a clause boundary when it has one


_TITLE_TRIM = frozenset({"that", "and", "but", "while", "whereas", ",", ";"})


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


def _date_tokens(analysis: _Analysis, expression: TimeExpression | None) -> range:
    if expression is None:
        return range(0)
    return range(_token_of(analysis, expression.start), _token_of(analysis, expression.end - 1) + 1)


def _title(
    analysis: _Analysis,
    clause: tuple[int, int],
    statement: bool,
    speaker_start: int | None,
    own_date: range = range(0),
    floor: int = 0,
    *,
    beyond: bool = True,
) -> str:
    """A contiguous stretch of the sentence from the clause's subject, without its date, 3 words or more.

    Only the date (with its preposition and commas) and a closing attribution are left out; the title
    stops at the clause boundary a date closes ("X, ruled by Y since 1994, borders Z" -> "X, ruled by Y").
    A title too short to say anything reaches back to ``floor`` (the sentence's start, or the start
    of the part of a clause another event does not own).  ``beyond``: a short title reaches on into the
    clause its verb governs ("ruled that ..."), and a clause of only its date and small words takes the
    rest of the sentence, never an empty title.
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
    if not beyond:
        return _finish_title(analysis, kept, objects=False)
    if not statement and (complement := _complement_end(analysis, kept, end)) is not None:
        if not _finish_title(analysis, list(kept)):
            # "It was not until May that the court ruled": the clause says nothing but its date
            return _finish_title(analysis, _title_tokens(analysis, end + 1, complement, False, own_date))
        kept = _title_tokens(
            analysis, floor if kept and kept[0] < start else start, complement, False, own_date
        )
    return _finish_title(analysis, kept) or _sentence_title(analysis, floor, statement, own_date)


def _sentence_title(analysis: _Analysis, floor: int, statement: bool, own_date: range) -> str:
    """A title for a clause that holds nothing but its date and small words ("Last Tuesday, while
    ..."): the sentence from ``floor`` on, and failing that every word of it, never an empty title."""
    whole = _title_tokens(analysis, floor, len(analysis.tokens), statement, own_date)
    if title := _finish_title(analysis, whole):
        return title
    text = _verbatim(analysis, list(range(len(analysis.tokens))))
    return text[:1].upper() + text[1:]


# the words opening a clause a short title's verb governs: "Analysts believe | that rigging is less likely"
_COMPLEMENTISERS = frozenset({"that", "whether", "how", "why"})
SHORT_TITLE_WORDS = 4  # a title of at most this many words before such a clause says nothing without it


def _complement_end(analysis: _Analysis, kept: list[int], end: int) -> int | None:
    """The end of the clause that follows a short title's clause when it opens with "that", "whether",
    "how" or "why" ("The magistrate ruled that ...", "He pointed out that ...", "It is thought that ...");
    None otherwise.  Its clause alone is only who thought or said something, not what."""
    tokens = analysis.tokens
    if end >= len(tokens) or tokens[end].lower not in _COMPLEMENTISERS:
        return None
    if kept and not all(_left_out_flags(analysis)[kept[-1] + 1 : end]):
        return None  # the title stops before its clause does: not the clause's last words
    if _word_count(analysis, kept) > SHORT_TITLE_WORDS:
        return None
    following = [c for c in analysis.clauses if c[0] == end]
    return following[0][1] if following and following[0][1] > end + 1 else None


# a pronoun closing a title is the act's object ("we loved him for it"), not a dangling word
_OBJECT_PRONOUNS = frozenset(
    {"him", "her", "it", "them", "me", "us", "you", "himself", "herself", "themselves"}
)
_PARTICLES = frozenset({"up", "out", "off", "down", "back", "away"})


def _has_content(tokens: list[Token], kept: list[int]) -> bool:
    return any(tokens[i].lower not in STOPWORDS and tokens[i].text not in ",;" for i in kept)


def _after_apostrophe(analysis: _Analysis, token: Token) -> bool:
    return 0 < token.start <= len(analysis.text) and analysis.text[token.start - 1] in "'\u2019"


def _finish_title(analysis: _Analysis, kept: list[int], objects: bool = True) -> str:
    """The kept tokens as a title: the whole clause (renderers shorten it for one line), no dangling
    last word, capitalised.  ``objects``: a closing object pronoun or particle after a word is kept."""
    kept = _first_clause(analysis, kept)
    tokens = analysis.tokens
    while kept and (tokens[kept[-1]].lower in STOPWORDS or tokens[kept[-1]].text in ",;"):
        last = tokens[kept[-1]].lower
        if (
            objects
            and (last in _OBJECT_PRONOUNS or last in _PARTICLES)
            and len(kept) > 1
            and tokens[kept[-2]].text not in ",;"
            and _has_content(tokens, kept[:-1])
        ):
            break  # "we loved him for it", "picked her up", "gave up"
        kept.pop()
    while kept and tokens[kept[0]].lower == "s" and _after_apostrophe(analysis, tokens[kept[0]]):
        kept.pop(0)  # the "'s" of a word left out ("Today 's election"): not a word of its own
    text = _verbatim(analysis, kept)
    return text[:1].upper() + text[1:]


def _word_count(analysis: _Analysis, kept: list[int]) -> int:
    """The kept tokens that are words (not "," or ";")."""
    if analysis.clause_marks is None:  # once per analysis: titles count words again and again
        analysis.clause_marks = [token.text in ",;" for token in analysis.tokens]
    return len(kept) - sum(map(analysis.clause_marks.__getitem__, kept))


def _title_tokens(
    analysis: _Analysis, start: int, end: int, statement: bool, own_date: range = range(0)
) -> list[int]:
    """Indices of the title's tokens in ``[start, end)``: dates left out, cut where its date ends a clause."""
    tokens = analysis.tokens
    left_out = _left_out_flags(analysis)
    if start >= 0 and end <= len(left_out) and True not in left_out[start:end]:
        kept = list(range(start, end))  # most stretches: nothing left out (the loop below keeps every token)
        i = end
    else:
        kept, i = [], start
    while i < end:
        if not left_out[i]:
            kept.append(i)
            i += 1
            continue
        j = i
        while j < end and left_out[j]:
            j += 1
        comma_after = j < end and tokens[j].text == ","
        if _possessive_date_of_a_noun(analysis, i, j, end, own_date):
            # "arrested a suspect in last year's bombing": without it the noun phrase falls apart
            kept.extend(range(i, j))
        elif not any(k in own_date for k in range(i, j)) and named_as_role(analysis, i, j):
            kept.extend(range(i, j))  # "set March 24 as the deadline": the object of the act, not its day
        elif comma_after and _participle_before(analysis, kept, i):
            # "The dam, built in 1978, ...": without its date the participle would dangle ("built,")
            kept.extend(range(i, j))
            if j - 1 in own_date and not statement:
                break  # the date closes the dated clause: "The dam, built in 1978"
        elif comma_after and kept and kept[-1] == i - 1 and tokens[kept[-1]].text == ",":
            kept.pop()  # "X, on Monday, did": the comma pair goes with the date
            j += 1
        elif comma_after and all(tokens[k].text in ",;" or tokens[k].lower in _NOUN_MODIFIERS for k in kept):
            j += 1  # "On Monday, X did"; "The March 8, 2011, floods killed" (the date's closing comma)
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


def _left_out_flags(analysis: _Analysis) -> list[bool]:
    """``_left_out`` of every token, worked out once per analysis (each title of the sentence reads it)."""
    if analysis.left_out is None:
        # only an ignored token or the word right before one can be left out (``_left_out``): mark those
        # instead of asking of every token (most sentences ignore nothing, or a date's few tokens)
        tokens, n = analysis.tokens, len(analysis.tokens)
        flags = [False] * n
        ignored = analysis.ignored
        for i in ignored:
            if 0 <= i < n:
                flags[i] = True
                if i > 0 and tokens[i - 1].lower in _DANGLING_WORDS and not _possessive_after(analysis, i):
                    flags[i - 1] = True  # "on [Monday]", "last [week]"
                if i + 1 < n and i + 1 not in ignored and _possessive_after(analysis, i):
                    flags[i + 1] = True  # "out of [Friday] 's election": the date's "'s" goes with it
        analysis.left_out = flags
    return analysis.left_out


def _possessive_after(analysis: _Analysis, i: int) -> bool:
    """The date ending at token ``i`` (or the run of ignored tokens it is in) is a possessive written apart
    ("Friday 's", tokenised text): its "'s" is token ``i + 1``, and a preposition before the date governs
    the noun after it ("out of Friday 's election"), not the date."""
    tokens, end = analysis.tokens, i
    while end + 1 in analysis.ignored:
        end += 1
    return (
        end + 1 < len(tokens)
        and tokens[end + 1].lower == "s"
        and _after_apostrophe(analysis, tokens[end + 1])
    )


def _left_out(analysis: _Analysis, i: int) -> bool:
    """Ignored (a date, an attribution), or a date's preposition; commas are judged by the caller."""
    if i in analysis.ignored:
        return True
    return analysis.tokens[i].text != "," and _dangling_preposition(analysis, i)


def _without_attribution(analysis: _Analysis, kept: list[int]) -> list[int]:
    """Drop a closing ", officials said" / ", X told reporters" (up to 6 words, no other verb)."""
    tokens = analysis.tokens
    if not kept or kept[-1] != len(tokens) - 1:
        return kept  # not closing the sentence (checked first: cheap)
    commas = [n for n, i in enumerate(kept) if tokens[i].text == ","]
    if not commas:
        return kept
    tail = kept[commas[-1] + 1 :]
    verbs = [i for i in tail if analysis.verbs[i]]
    if len(tail) > 6 or not verbs or not all(is_reporting(tokens[i].lower) for i in verbs):
        return kept
    head = kept[: commas[-1]]
    if _word_count(analysis, head) < 3 or not any(analysis.verbs[i] for i in head):
        return kept  # "..., the minister said": the statement itself, nothing else to title it
    return head


def _first_clause(analysis: _Analysis, kept: list[int]) -> list[int]:
    """A long title (over 14 words) ends at the last comma within its first 14 words that closes a clause
    of 9+ words with its verb ("X detained four protesters after a scuffle, prompting ..."): a complete
    clause; without such a comma the title is the whole kept clause, never cut inside it."""
    if _word_count(analysis, kept) <= LONG_TITLE_WORDS:
        return kept
    count, boundary = 0, None
    for n, i in enumerate(kept):
        if analysis.tokens[i].text in ",;":
            follower = analysis.tokens[kept[n + 1]].text if n + 1 < len(kept) else ""
            if count >= 9 and follower.islower() and any(analysis.verbs[k] for k in kept[:n]):
                boundary = n  # a clause boundary (not a name in apposition) that leaves a clause
            continue
        count += 1
        if count > LONG_TITLE_WORDS:
            break  # only a boundary that leaves a short title
    return kept[:boundary] if boundary is not None else kept


_GLUE = re.compile(r"\s*[%$\u20ac\u00a3'\u2019/.-]?\s*")


def _verbatim(analysis: _Analysis, kept: list[int]) -> str:
    """The kept tokens as written: neighbours keep the text between them ("20% gain"), gaps one space."""
    if not kept:
        return ""
    tokens, text = analysis.tokens, analysis.text  # locals: read once a title
    title = _neighbours_as_written(analysis, kept) if text else None
    if title is None:
        title = _joined(tokens, text, kept)
    if " ," not in title and " ;" not in title:
        return title  # most titles: no space before a comma or semicolon
    # the space before each clause mark dropped (" ([,;])" replaced by the mark: two ``str.replace`` do it
    # alike, and without the pattern's replacement template, run in Python for every match)
    return title.replace(" ,", ",").replace(" ;", ";")


def _joined(tokens: list[Token], text: str, kept: list[int]) -> str:
    """The kept tokens joined token by token: a gap between neighbours as ``_verbatim`` keeps it."""
    prev = kept[0]
    parts = [tokens[prev].text]
    for i in islice(kept, 1, None):
        token = tokens[i]
        if prev == i - 1 and text:
            gap = text[tokens[prev].end : token.start]  # token offsets are relative to the sentence
            if gap not in _PLAIN_GAPS:  # most neighbours: "" or " ", kept as they are (cheap)
                gap = _gap_written(gap)
        else:
            gap = " "
        parts.append(gap)
        parts.append(token.text)
        prev = i
    return "".join(parts)


def _neighbours_as_written(analysis: _Analysis, kept: list[int]) -> str | None:
    """``_joined``'s title cut from the sentence in one slice when the kept tokens are one run of neighbours
    in order (most titles) with every gap between them "" or " " (kept as written): else None.

    Tokens hold no space, so the slice's characters outside its tokens are its gaps: they are all single
    spaces exactly when their count (the slice's length less its tokens' lengths) is the slice's count of
    spaces and no two spaces stand together."""
    first, last = kept[0], kept[-1]
    if last - first != len(kept) - 1 or kept != list(range(first, last + 1)):
        return None
    tokens = analysis.tokens
    start, end = tokens[first].start, tokens[last].end
    title = analysis.text[start:end]
    lengths = analysis.token_lengths
    if lengths is None:  # once per analysis: the running sum of its tokens' lengths
        lengths = analysis.token_lengths = list(accumulate(map(len, map(_TEXT, tokens)), initial=0))
    gaps = end - start - (lengths[last + 1] - lengths[first])
    if gaps != title.count(" ") or "  " in title:
        return None
    return title


_TEXT = itemgetter(0)  # a Token's text


_PLAIN_GAPS = ("", " ")  # gaps ``_GLUE`` matches that ``_verbatim`` keeps unchanged
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=4096)  # a few short gaps (" - ", " '") recur throughout a collection
def _gap_written(gap: str) -> str:
    """How a title writes the text between two neighbouring tokens: glue (a dash, a percent sign, an
    apostrophe ...) with its spaces made single, anything else one space."""
    return _SPACES.sub(" ", gap) if _GLUE.fullmatch(gap) else " "


# the words ``_dangling_preposition`` leaves out before an ignored token (none of them is a comma)
_DANGLING_WORDS = _TIME_PREPOSITIONS | {"last", "next", "this"}


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

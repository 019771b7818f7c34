"""A happening a sentence names only as the backdrop of its own news is not what the sentence reports.

A long-running story's later reports place their news against an earlier happening: "The ministry said
on Monday it will move the climber from the clinic that has treated him since he was rescued in late
May", "They said they would appeal the fine, announced Wednesday by the regulator", "Since the
fine was announced, they have said they will appeal".  The only date such a sentence states is the
backdrop's, in a clause opened by "since" or "after", or in a participle clause after a comma on a noun,
so the events stage dates its mention there and the merge joins it to every outlet's report of that older
happening, while the sentence's own news (the ministry's statement, the appeal) is another happening.  On
the AQUAINT merge gold three such sentences held 56 wrong pairs of a long-running story.

So, once the events are formed, a mention in an event several articles tell leaves for an event of its
own (its date kept, its join dropped) when

- its trigger is the verb of such a backdrop clause, and the date it states lies inside that clause: after
  a conjunction "since" (not "since May 2": a preposition), after "after" when the main clause reports words
  said ("after" with an action is too often the next step of one happening: "appeared in court after turning
  himself in"), or a passive participle after a comma on a common noun ("the fine, announced Wednesday
  by ...", not an apposition's end: "the minister, Rahn, visited ...");
- the clause names no party as its subject ("after the minister announced on Monday ..." is news itself);
- and the sentence's main clause has a verb of its own that tells news: words said (any tense: "they
  have said they will appeal"), or an action in the simple past ("sent tanks ... since it withdrew"), other
  than the trigger's action or one allied to it, and no action another sentence of the event tells.

Kept: a main clause that only describes a state reaching back to the backdrop ("has been the focus of an
insurance dispute since he was found", "has treated him since"), which retells the older happening; a
trigger that is the main clause's own verb ("Found on a ledge in May, the climber has become ...");
a sentence another article in the event prints the same or nearly; one article's own event.
"""

from __future__ import annotations

from functools import lru_cache

from timeline.merge.clusters import _Cluster
from timeline.merge.features import _ALLIED, _near_identical, features
from timeline.merge.reactions import take_out
from timeline.text import (
    _HAVE,
    AUXILIARIES,
    MODALS,
    Token,
    concept,
    is_past_form,
    is_reporting,
    tokenize,
    verb_flags,
    verb_lemma,
)
from timeline.types import EventMention

# words opening a clause that tells what the main clause's news came after or out of
_BACKDROP_OPENERS = frozenset({"since", "after"})
# ... of which those whose main clause is always later news; after "after" only words said are
_LATER_OPENERS = frozenset({"since"})
BACKDROP_REACH = (
    5  # tokens from the opener to the clause's verb ("since the agency's decision was announced")
)


def separate_backdrops(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters with each backdrop mention (module docstring) of an event several articles tell taken
    out into a cluster of its own."""
    copies = copies or {}
    result: list[_Cluster] = []
    for cluster in clusters:
        articles = {copies.get(m.document, m.document) for m in cluster.mentions}
        gone = _backdrops(cluster) if len(articles) > 1 else []
        result.extend(take_out(cluster, gone))
    return result


def _backdrops(cluster: _Cluster) -> list[EventMention]:
    """The cluster's mentions whose sentence's news is another action than the event's, told against it."""
    gone = []
    for mention in cluster.mentions:
        news = _news_action(mention)
        if news is None:
            continue
        if _reprinted(mention, cluster):
            continue  # a sentence several papers print: the event is that sentence's
        heads = {
            f.head for m in cluster.mentions if m.sentence is not mention.sentence and (f := features(m)).head
        }
        heads |= {allied for head in tuple(heads) for allied in _ALLIED.get(head, ())}
        if news not in heads:
            gone.append(mention)  # the main clause tells no action of the event's: other news
    return gone


def _reprinted(mention: EventMention, cluster: _Cluster) -> bool:
    """Another article's sentence in the event is the same sentence, or nearly (a wire text edited)."""
    text, f = mention.sentence.text, features(mention)
    return any(
        o.document != mention.document and (o.sentence.text == text or _near_identical(f, features(o)))
        for o in cluster.mentions
    )


def _news_action(mention: EventMention) -> str | None:
    """The action (a concept, or ``v:`` and the verb's lemma) of the main clause's news when the mention's
    trigger and stated date are a backdrop clause's; None otherwise."""
    expression = mention.expression
    if mention.date_source != "expression" or expression is None or not mention.trigger:
        return None
    at = expression.start - mention.sentence.start
    return backdrop_news(mention.sentence.text, mention.trigger.split()[0].lower(), at)


# memory (issue #9): one merge step's sentences, seldom asked twice far apart (mem75: docs/performance.md)
@lru_cache(maxsize=1024)
def backdrop_news(text: str, trigger: str, date_at: int) -> str | None:
    """When ``trigger`` (a lower-case word of ``text``) is the verb of a backdrop clause holding the date at
    offset ``date_at`` and the sentence's main clause tells news of its own (module docstring), that news's
    action ("v:" and the verb's lemma when the lexicon has no concept for it); else None."""
    tokens = tokenize(text)
    flags = verb_flags(tokens)
    where = next((i for i, t in enumerate(tokens) if t.lower == trigger), None)
    if where is None:
        return None
    clause = _clause_opening(tokens, flags, where, date_at)
    if clause is None:
        return None
    opener, end = clause
    if not tokens[opener].start < date_at < end or tokens[opener + 1].start == date_at:
        return None  # the date is the main clause's ("since May 2 he has lived ...": a preposition)
    if _named_agent(tokens, opener, where):
        return None  # "after the minister announced on Monday ...": a party's act, told as news itself
    main = _main_verb(tokens, flags, opener)
    if main is None:
        return None
    word = tokens[main].lower
    if tokens[opener].lower not in _LATER_OPENERS and not is_reporting(word):
        return None  # "... after he pleaded guilty": often the next step of one happening; only words said
    action = concept(word) or f"v:{verb_lemma(word)}"
    head = concept(trigger)
    return None if head is not None and action in {head, *_ALLIED.get(head, ())} else action


def _named_agent(tokens: list[Token], opener: int, where: int) -> bool:
    """A name is the backdrop clause's subject: a capitalised word right before its verb group ("after
    Rahn announced", not "since the agency's decision was announced")."""
    i = where - 1
    while i > opener and (tokens[i].lower in AUXILIARIES or tokens[i].lower in _ADVERBS):
        i -= 1
    return i > opener and tokens[i].text[:1].isupper()


def _clause_opening(
    tokens: list[Token], flags: list[bool], where: int, date_at: int
) -> tuple[int, int] | None:
    """Where the backdrop clause whose verb is ``tokens[where]`` opens (its opener or the comma before a
    participle), and the text offset it ends at (the comma closing it, else the sentence's end)."""
    closing = next((t.start for t in tokens[where + 1 :] if t.text == ","), None)
    ending = closing if closing is not None else tokens[-1].end
    for i in range(where - 1, max(-1, where - 1 - BACKDROP_REACH), -1):
        word = tokens[i].lower
        if word in _BACKDROP_OPENERS:
            return i, ending
        if tokens[i].text == "," or (flags[i] and word not in AUXILIARIES):
            break  # another clause, or another verb is this clause's
    return (where - 1, ending) if _participle_on_noun(tokens, flags, where, date_at) else None


def _participle_on_noun(tokens: list[Token], flags: list[bool], where: int, date_at: int) -> bool:
    """ "the decision, announced Wednesday by ...": a passive participle after a comma on a common noun (no
    name before the comma, no earlier comma: not the end of an apposition, "the minister, Rahn, visited
    ..."), followed by a preposition or its date, not an object ("visited the capital")."""
    if where < 2 or tokens[where - 1].text != "," or not tokens[where].lower.endswith("ed"):
        return False
    noun = tokens[where - 2]
    if flags[where - 2] or not noun.text.islower() or any(t.text == "," for t in tokens[: where - 1]):
        return False
    if where + 1 >= len(tokens):
        return False
    after = tokens[where + 1]
    return after.start == date_at or after.lower in _PARTICIPLE_PREPOSITIONS


# what follows a passive participle that says when or by whom ("announced on Monday by", "scheduled for")
_PARTICIPLE_PREPOSITIONS = frozenset({"by", "on", "in", "at", "for", "last", "earlier"})


def _main_verb(tokens: list[Token], flags: list[bool], opener: int) -> int | None:
    """The main clause's verb when it tells news (words said, or an action in the simple past), else None.

    The main clause is what comes before the backdrop clause, up to a first comma (past one, whose verb it
    is, is not certain: "Rahn, accused of fraud, ..."), or, when the sentence opens with the backdrop, what
    comes after the comma closing it.  Its first verb group decides: "has been the focus" (a copula) and
    "has treated him" (a perfect) describe a state reaching back to the backdrop, not news."""
    if opener == 0:
        comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
        if comma is None:
            return None
        span = range(comma + 1, len(tokens))
    else:
        span = range(0, opener)
    perfect = False
    in_group = False
    for i in span:
        word = tokens[i].lower
        if tokens[i].text == "," and opener > 0:
            return None
        if word in AUXILIARIES or word in MODALS:
            perfect = perfect or word in _HAVE
            in_group = True
            continue
        if not flags[i]:
            if in_group and word not in _ADVERBS:
                return None  # "has been the focus of ...": a copula, a state
            continue
        if is_reporting(word) and (is_past_form(word) or word.endswith("s") and word not in _SAID_NOUNS):
            return i  # words said ("said", "has told", "says"), not a noun read as a verb ("a state visit")
        return None if perfect or not is_past_form(word) else i
    return None


# reporting verbs' forms that are as often nouns ("a state visit", "the reports", "her notes")
_SAID_NOUNS = frozenset({"states", "reports", "notes", "claims", "comments", "quotes", "remarks", "posts"})
# adverbs that may stand inside a verb group ("was later placed", "have long said")
_ADVERBS = frozenset(
    {"not", "n't", "also", "later", "since", "already", "long", "just", "then", "still", "never"}
)

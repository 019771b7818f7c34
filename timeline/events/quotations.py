"""A quotation standing alone is words of its speaker's statement beside it.

News style gives a speaker's words a paragraph of their own: "``The border stays open,'' Minister Rahn said
on Tuesday." then "``We will not close it for anyone.''". The second sentence has no verb outside its
quotation, so the events stage reads no clause in it; yet it is words said at the happening the first one
reports (the AQUAINT merge gold counts a ceremony's speeches as the ceremony). Such a sentence becomes a
mention of the statement beside it: the same trigger, date, status and names, marked ``narrative.quotation``
(it states no date; the statement's day is its story's). The merge places it with that statement only
(``merge.quotations``): by its own words alone it would match nothing better than the statement does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter

from timeline.events.implicit import NARRATIVE
from timeline.text import Token
from timeline.types import EventMention, Sentence

QUOTATION_RULE = f"{NARRATIVE}.quotation"
QUOTED_WORDS = 3  # quoted words a sentence needs to be speech, not a word in quotes ("a 'kidnapping'")
OUTSIDE_WORDS = 3  # words outside the quotation it may still have ('"..." against terrorism.')


def standing_alone(tokens: list[Token], quoted: set[int]) -> bool:
    """A sentence whose first token is quoted (it opens a quotation, or goes on with one opened before)
    and which has speech in quotation marks and few words besides."""
    if 0 not in quoted or len(quoted) < QUOTED_WORDS:
        return False
    outside = sum(1 for i, token in enumerate(tokens) if i not in quoted and token.text[0].isalnum())
    return outside <= OUTSIDE_WORDS


def with_quotations(
    mentions: list[EventMention], alone: list[Sentence], says: Callable[[int], bool]
) -> list[EventMention]:
    """``mentions`` (one article's, in text order) with a mention for each sentence of ``alone``
    (quotations standing alone) that has no mention of its own and whose neighbour is its speaker's
    statement: the sentence before it (in its paragraph or the paragraph before, which a quotation
    paragraph follows), else the sentence after it in its paragraph. A quotation with an undated mention
    (a verb inside it: "we have gathered") keeps it: measured, taking the statement's instead joined
    only wrong pairs. ``says``: whether the sentence of an index reports words said (a quotation or a
    reporting verb)."""
    told = {m.sentence.index for m in mentions}
    alone = [s for s in alone if s.index not in told]
    if not alone:
        return mentions
    by_sentence: dict[int, EventMention] = {}
    for mention in mentions:
        # the sentence's main mention: its first one without an expression of a noun's own, else its first
        if mention.sentence.index not in by_sentence or (
            by_sentence[mention.sentence.index].date_source == "expression"
            and mention.date_source != "expression"
        ):
            by_sentence[mention.sentence.index] = mention
    found = {}
    for sentence in alone:
        speaker = _speaker(sentence, by_sentence, says)
        if speaker is not None and speaker.date is not None:
            found[sentence.index] = _quotation(speaker, sentence)
    if not found:
        return mentions
    return sorted(mentions + list(found.values()), key=_SENTENCE_START)  # stable: a sentence's own order kept


_SENTENCE_START = attrgetter("sentence.start")


def _speaker(
    sentence: Sentence, by_sentence: dict[int, EventMention], says: Callable[[int], bool]
) -> EventMention | None:
    before = by_sentence.get(sentence.index - 1)
    # the paragraph before: a quotation paragraph follows its speaker's
    near = before is not None and before.sentence.paragraph >= sentence.paragraph - 1
    if near and says(sentence.index - 1):
        return before
    after = by_sentence.get(sentence.index + 1)
    if after is not None and says(sentence.index + 1) and after.sentence.paragraph == sentence.paragraph:
        return after
    return None


def _quotation(speaker: EventMention, sentence: Sentence) -> EventMention:
    """The statement's mention, told by the quotation's sentence."""
    return replace(
        speaker,
        sentence=sentence,
        expression=None,
        date_source=NARRATIVE,
        date_rule=QUOTATION_RULE,
        join=None,
        trigger_context=None,
    )

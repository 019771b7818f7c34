"""The events stage's share of one happening told in parts (session 9, visitev34).

An article whose lead tells its news on the paper's day, then a statement of the day before ("police said
Tuesday that ..."): a new paragraph that opens on the lead's doer ("Rahn, back from ..., inspected") is the
lead's scene again, dated as its news, not the statement's day.  Every input is an invented article
published on Wednesday 2023-03-15.
"""

from __future__ import annotations

from timeline.events import extract_mentions
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published

PUBLISHED = "2023-03-15"
LEAD = "Foreign Minister Anna Rahn toured the port of Acmeville on Wednesday."
STATEMENT = "Police in Acmeville said Tuesday that a suspect had not admitted any role in the attack."
RETURN = "Rahn, back from the north, inspected the docks for an hour before driving to the capital."


def _mentions(*paragraphs: str) -> list[EventMention]:
    text = "\n\n".join(paragraphs)
    article = Article("a1", "a1.txt", text, [(0, len(text))], published=Published(PUBLISHED, "header"))
    return extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))


def _of(mentions: list[EventMention], words: str) -> EventMention:
    (mention,) = [m for m in mentions if m.sentence.text.startswith(words)]
    return mention


def test_a_paragraph_back_on_the_lead_doer_is_dated_as_the_lead_not_as_the_statement_before():
    visit = _of(_mentions(LEAD, STATEMENT, RETURN), "Rahn, back")
    assert visit.date is not None and visit.date.value == PUBLISHED
    assert visit.date_source == "publication-implicit"
    assert visit.trigger == "toured"  # the lead's happening goes on; the statement is not lent to it
    assert "suspect" not in visit.content


def test_the_statement_day_still_carries_to_its_own_paragraph_and_to_other_doers():
    # the limits: in the statement's paragraph, or on a doer the lead does not name, the day carries on
    same_paragraph = _of(_mentions(LEAD, f"{STATEMENT} {RETURN}"), "Rahn, back")
    assert same_paragraph.date is not None and same_paragraph.date.value == "2023-03-14"
    other = RETURN.replace("Rahn", "Minister Kohl")
    other_doer = _of(_mentions(LEAD, STATEMENT, other), "Minister Kohl")
    assert other_doer.date is not None and other_doer.date.value == "2023-03-14"

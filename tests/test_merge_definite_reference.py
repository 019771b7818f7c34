"""A definite description of an act ("the arrest announced today") in a sentence reporting no happening of
its own refers to its article's one happening of that act: it joins that happening's event, keeping its own
date (#11, session 11)."""

from timeline.build import build_timeline
from timeline.merge.references import REFERENCE_JOIN, _reading
from timeline.types import Article, EventMention, Published

DAY = "2031-04-18"  # a Friday: the papers' day
THURSDAY = "2031-04-17"

LEAD = "Norland police arrested Kell at the airport in Eastport on Thursday."
OTHER_LEAD = "Kell was arrested on Thursday at the Eastport airport by Norland police."
CHARGED = "Seven people have been charged in the Vesta case."
REFERENCE = "It was not immediately known if the arrest announced today was linked to the Vesta case."


def _article(doc: str, sentences: list[str]) -> Article:
    text = " ".join(sentences)
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(DAY, "header"))


def _mentions(articles: list[Article]) -> dict[str, tuple[EventMention, str]]:
    """Each sentence's text -> its mention (one each here) and the id of its event."""
    found = {}
    for event in build_timeline(articles).events:
        for mention in event.mentions:
            found[mention.sentence.text] = (mention, event.id)
    return found


def test_the_description_joins_its_articles_report_of_the_act():
    found = _mentions([_article("a", [LEAD, CHARGED, REFERENCE]), _article("b", [OTHER_LEAD])])
    (lead, arrest), other_arrest = found[LEAD], found[OTHER_LEAD][1]
    reference, event = found[REFERENCE]
    assert arrest == other_arrest  # the two papers' arrest: one event
    assert event == arrest  # the arrest the article told, not an event of its own
    assert reference.join is not None and reference.join.date.endswith(REFERENCE_JOIN)
    assert (reference.join.matched_document, reference.join.matched_start) == ("a", lead.sentence.start)
    assert str(reference.date.value) == DAY  # the announcement's day, its own, not the arrest's
    assert reference.join.kind == "retelling"  # told the day after the arrest: no conflict, no re-dating
    assert str(lead.date.value) == THURSDAY
    assert found[CHARGED][1] != arrest  # the charges are another happening


def test_no_join_when_the_article_tells_two_happenings_of_the_act():
    second = "Police in Westmark arrested two more men in another case on Thursday."
    found = _mentions([_article("a", [LEAD, second, CHARGED, REFERENCE]), _article("b", [OTHER_LEAD])])
    reference, event = found[REFERENCE]
    assert reference.join is None or not reference.join.date.endswith(REFERENCE_JOIN)  # which arrest?
    assert event != found[LEAD][1]


def test_a_sentence_doing_something_after_the_act_is_no_reference():
    after = "After the arrest, officers searched a house in the old town."
    found = _mentions([_article("a", [LEAD, CHARGED, after]), _article("b", [OTHER_LEAD])])
    searched, event = found[after]
    assert event != found[LEAD][1]
    assert searched.join is None or not searched.join.date.endswith(REFERENCE_JOIN)


def test_which_noun_phrases_describe_an_act():
    def described(text: str) -> set[str]:
        return {act for act, _ in _reading(text).descriptions}

    assert described(REFERENCE) == {"arrest"}
    assert described("The latest arrest brought to nine the number held.") == {"arrest"}
    assert described("This attack was the third in a month.") == {"attack"}
    assert described("The arrest warrant was issued on Monday.") == set()  # a warrant, not an arrest
    assert described("The Eastport Press reported it.") == set()  # a name, not a press conference
    assert described("The votes were counted overnight.") == set()  # many happenings
    assert described("After the attack, the border closed.") == set()  # another happening's time
    assert described("The reaction to the attack was swift.") == set()  # about the reaction
    assert _reading(LEAD).introduced == {"arrest"}  # told with a verb, not described

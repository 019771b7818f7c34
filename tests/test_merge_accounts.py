"""One article's account of one happening is one event: next sentences carrying on its subject (#11)."""

from merge_fixtures import blast_report, dated_by_paper, dated_mention

from timeline.build import build_timeline
from timeline.merge import merge_mentions
from timeline.merge.accounts import _continuing
from timeline.types import Article, EventMention, Published, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c")]


def _article(doc: str, text: str, published: str) -> Article:
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(published, "header"))


def _event_of(timeline, text: str):
    return next(e for e in timeline.events if any(m.sentence.text.startswith(text) for m in e.mentions))


def _build(text_a: str):
    text_b = "Norland's Minister Rahn opened the Acme dam on Tuesday."
    return build_timeline([_article("a", text_a, "2031-03-05"), _article("b", text_b, "2031-03-05")])


def test_a_sentence_carrying_on_the_subject_joins_the_articles_account_keeping_its_date():
    timeline = _build(
        "Minister Rahn of Norland opened the Acme dam on Tuesday, ending a decade of work. "
        "Then she handed a folded flag to the engineers on Tuesday and toured the turbine hall."
    )
    opening = _event_of(timeline, "Minister Rahn")
    assert opening.sources == ["a", "b"]
    handed = next(m for m in opening.mentions if m.sentence.text.startswith("Then she handed"))
    assert handed.date_source == "expression"  # its own date, the event's day
    assert handed.join is not None and "account of that day" in handed.join.date


def test_a_pronouns_quote_after_the_account_joins_it():
    timeline = _build(
        "Minister Rahn of Norland opened the Acme dam on Tuesday, ending a decade of work. "
        "``The valley will never be dry again,'' she told the crowd of farmers on Tuesday."
    )
    opening = _event_of(timeline, "Minister Rahn")
    assert any(m.sentence.text.startswith("``The valley") for m in opening.mentions)


def test_a_new_subject_or_another_day_stays_apart():
    timeline = _build(
        "Minister Rahn of Norland opened the Acme dam on Tuesday, ending a decade of work. "
        "Heavy rain flooded the port of Eastport on Tuesday. "
        "She will visit the Borex mine on Friday."
    )
    opening = _event_of(timeline, "Minister Rahn")
    # the flood names nothing of the opening and has a subject of its own: another happening
    assert _event_of(timeline, "Heavy rain") is not opening
    # a pronoun's sentence dated to another day is not the day's account
    assert _event_of(timeline, "She will visit") is not opening


def test_what_counts_as_carrying_on_the_subject():
    assert _continuing("She then lavished praise on the staff.")
    assert _continuing("Later, they drove to the port.")
    assert _continuing("``We are back,'' he said.")
    assert _continuing("The minister is proud of you, she told the staffers.")
    assert not _continuing("Minister Varga then lavished praise on the staff.")
    assert not _continuing("Heavy rain flooded the port.")
    assert not _continuing("Shell prices rose.")


def _sentence_of(mention: EventMention, index: int) -> EventMention:
    """The mention as its article's sentence ``index`` (each sentence its own offset)."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _blast_reports() -> list[EventMention]:
    return [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
        _sentence_of(blast_report("c", "On March 7 a bomb exploded at the bank in Eastport."), 1),
    ]


def _unstated(doc: str, index: int, text: str, trigger: str) -> EventMention:
    """Sentence ``index`` of an article published on March 22 that states no date (past tense)."""
    mention = _sentence_of(dated_mention(doc, "2031-03-22", text, trigger, [], ["lobby", "guard"]), index)
    return dated_by_paper(mention)


def test_a_later_papers_account_of_an_earlier_happening_joins_it_as_a_retelling():
    # a paper two weeks later tells the blast, then goes on: "They were standing in the lobby ..."
    retold = _unstated("c", 2, "They were standing in the lobby, and several guards were hurt.", "standing")
    events = merge_mentions([*_blast_reports(), retold], ARTICLES)
    blast = next(e for e in events if e.sources == ["a", "b", "c"])
    joined = next(m for m in blast.mentions if m.sentence.text.startswith("They were"))
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date.value == "2031-03-22"  # its own date kept: no re-dating
    assert blast.date.value == "2031-03-07" and blast.conflicts == []


def test_a_sentence_not_carrying_on_the_retold_account_stays_apart():
    other = _unstated("c", 2, "Prices at the Acme market in Westport rose sharply.", "rose")
    events = merge_mentions([*_blast_reports(), other], ARTICLES)
    assert len(events) == 2


def test_an_account_no_other_outlet_tells_is_one_event():
    text = (
        "Minister Rahn of Norland opened the Acme dam on Tuesday, ending a decade of work. "
        "Then she handed a folded flag to the engineers on Tuesday and toured the turbine hall."
    )
    timeline = build_timeline([_article("a", text, "2031-03-05")])
    (event,) = timeline.events
    handed = next(m for m in event.mentions if m.sentence.text.startswith("Then she handed"))
    assert handed.join is not None and "account of that day" in handed.join.date


def _retold_toll() -> list:
    """Two outlets' reports of a blast, then a later paper's undated retelling of it and its toll."""
    blast = _blast_reports()[:2]
    for mention in blast:
        mention.places, mention.actors = ["Eastport"], ["Eastport"]
    heard = _unstated("c", 1, "The blast at the bank in Eastport was heard across the river.", "was")
    heard.terms, heard.places, heard.actors = ["attack", "bank", "river"], ["Eastport"], ["Eastport"]
    text = "The death toll in Eastport has risen to 14, officials said on Tuesday."
    toll = dated_mention(
        "c", "2031-03-22", text, "said", ["Eastport"], ["death", "toll"], places=["Eastport"]
    )
    toll = _sentence_of(toll, 2)
    return [*blast, heard, toll]


def test_a_toll_counted_again_beside_a_later_papers_retelling_joins_it_as_a_retelling():
    events = merge_mentions(_retold_toll(), ARTICLES)
    attack = next(e for e in events if "a" in e.sources)
    joined = next(m for m in attack.mentions if m.sentence.text.startswith("The death toll"))
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date.value == "2031-03-22" and attack.date.value == "2031-03-07" and not attack.conflicts


def _toll_in_two_sentences(second: str) -> list:
    """The toll beside a later paper's retelling (as above), then the paper's next sentence ``second``."""
    after = _sentence_of(dated_mention("c", "2031-03-22", second, "toll", [], ["death", "toll"]), 3)
    return merge_mentions([*_retold_toll(), dated_by_paper(after)], ARTICLES)


def test_a_toll_told_in_two_counting_sentences_joins_the_retold_attack():
    # "That pushed the toll to 26": the next sentence counts again; both are the attack's toll
    events = _toll_in_two_sentences("That pushed the week's toll to 26.")
    attack = next(e for e in events if "a" in e.sources)
    texts = {m.sentence.text[:14]: m for m in attack.mentions}
    assert {"The death toll", "That pushed th"} <= set(texts)
    assert all(texts[t].join is not None and texts[t].join.kind == "retelling" for t in texts if t[0] == "T")
    assert attack.date.value == "2031-03-07" and not attack.conflicts


def test_a_toll_beside_a_sentence_that_counts_nothing_stays_apart():
    # the second sentence took a death's words but states no figure: not the toll told again
    events = _toll_in_two_sentences("That was the worst day the town had known.")
    attack = next(e for e in events if "a" in e.sources)
    assert not any(m.sentence.text.startswith("The death toll") for m in attack.mentions)

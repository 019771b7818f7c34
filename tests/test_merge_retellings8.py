"""A later paper's retelling of a shooting in the passive ("X was shot with a rifle") joins it (#11)."""

from merge_fixtures import blast_report, blast_reports, dated_by_paper, dated_mention

from timeline.merge import merge_mentions
from timeline.merge.retold import _named_concepts, _Naming
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c", "d")]


def _shooting_report(document: str, text: str) -> EventMention:
    """One outlet's report of an invented shooting of a judge in Norland on 2031-03-07."""
    terms = ["judge", "rifle", "window", "death"]
    return dated_mention(document, "2031-03-07", text, "killed", ["Rahn"], terms, subjects=[])


def _shooting_reports() -> list[EventMention]:
    return [
        _shooting_report("a", "Judge Rahn was killed by a sniper firing a rifle through his kitchen window."),
        _shooting_report("b", "A sniper killed Judge Rahn with one rifle shot through a window on Friday."),
        _shooting_report("c", "On March 7 Judge Rahn was killed in his kitchen, hit by a rifle shot."),
    ]


def _later(text: str, trigger: str) -> EventMention:
    """A sentence of article d, published on May 20, dated only by its paper (past tense)."""
    mention = dated_mention("d", "2031-05-20", text, trigger, ["Rahn"], [])
    mention.sentence = Sentence("d", 4, 400, 400 + len(text), text, 0, 1)
    return dated_by_paper(mention)


def test_a_passive_irregular_participle_names_its_verbs_happening():
    assert _named_concepts("Rahn, 61, was shot with a rifle.") == {"attack"}
    assert _named_concepts("Two guards were shot at the gate.") == {"attack"}
    # the noun names no attack ("a shot at the title"), nor a regular form the lexicon leaves out
    assert _named_concepts("Rahn took a shot at the title.") == frozenset()
    assert _named_concepts("Rahn was called to give evidence.") == frozenset()


def test_a_later_papers_passive_retelling_of_the_shooting_joins_it_keeping_its_date():
    retold = _later("Judge Rahn, 61, was shot with a rifle through a window.", "shot")
    events = merge_mentions([*_shooting_reports(), retold], ARTICLES)
    shooting = next(e for e in events if any(m.document == "a" for m in e.mentions))
    assert shooting.sources == ["a", "b", "c", "d"]
    joined = next(m for m in shooting.mentions if m.document == "d")
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date is not None and joined.date.value == "2031-05-20"  # its own date: no re-dating
    assert shooting.date is not None and shooting.date.value == "2031-03-07"


def test_a_later_sentence_taking_a_shot_stays_apart():
    other = _later("Judge Rahn took a shot at the rifle club's window prize.", "took")
    events = merge_mentions([*_shooting_reports(), other], ARTICLES)
    shooting = next(e for e in events if any(m.document == "a" for m in e.mentions))
    assert shooting.sources == ["a", "b", "c"]


def _background(index: int) -> EventMention:
    """Sentence ``index`` of article d (May 20) telling the blast as background, its date stated."""
    text = "On March 7 a bomb at the Eastport bank killed 12 people."
    mention = blast_report("d", text)
    mention.sentence = Sentence("d", index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


GOES_ON = "Of those killed at the Eastport bank, two were guards."


def _own_event(events) -> list[str]:
    blast = next(e for e in events if any(m.document == "a" for m in e.mentions))
    return sorted(m.sentence.text for m in blast.mentions if m.document == "d")


def test_the_sentence_after_an_articles_own_background_retelling_joins_it_too():
    goes_on = _later(GOES_ON, "were")
    goes_on.sentence = Sentence("d", 4, 400, 400 + len(GOES_ON), GOES_ON, 0, 1)
    events = merge_mentions([*blast_reports(), _background(3), goes_on], ARTICLES)
    assert _own_event(events) == sorted([GOES_ON, _background(3).sentence.text])
    joined = next(m for e in events for m in e.mentions if m.sentence.text == GOES_ON)
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date is not None and joined.date.value == "2031-05-20"  # its own date: no re-dating


def test_a_sentence_far_from_its_articles_background_stays_apart():
    far = _later(GOES_ON, "were")
    far.sentence = Sentence("d", 9, 900, 900 + len(GOES_ON), GOES_ON, 0, 1)
    events = merge_mentions([*blast_reports(), _background(3), far], ARTICLES)
    assert _own_event(events) == [_background(3).sentence.text]


def test_a_wire_sentence_two_papers_print_joins_with_both_prints():
    # paper d tells the blast as background far earlier in its article: its print alone would stay apart
    text = "The bomb exploded at the Eastport bank, killing 12 people and two guards among them."
    printed_by_d, printed_by_e = _later(text, "among"), _later(text, "among")
    printed_by_d.sentence = Sentence("d", 9, 900, 900 + len(text), text, 0, 1)
    printed_by_e.document = "e"
    printed_by_e.sentence = Sentence("e", 2, 200, 200 + len(text), text, 0, 1)
    articles = [*ARTICLES, Article("e", "e.txt", "text of e", [(0, 10)])]
    events = merge_mentions([*blast_reports(), _background(3), printed_by_d, printed_by_e], articles)
    blast = next(e for e in events if any(m.document == "a" for m in e.mentions))
    assert blast.sources == ["a", "b", "c", "d", "e"]
    assert sum(1 for m in blast.mentions if m.sentence.text == text) == 2


def test_an_own_articles_next_sentence_must_tell_the_happening_with_a_past_verb():
    naming = _Naming()
    assert naming.named("Of those killed, two were killed at the bank.", past_verbs=True) == {"death"}
    assert naming.named("Two guards were shot at the gate.", past_verbs=True) == {"attack"}
    # a noun situating something else, or a verb in a clause about a claim, tells no happening again
    assert naming.named("The two friends were released after their arrest.", past_verbs=True) == frozenset()
    assert naming.named("He denied the claim that rebels killed the guards.", past_verbs=True) == frozenset()

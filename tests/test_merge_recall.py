"""Reports of one happening that sentence-by-sentence matching leaves apart join it (#11, session 7)."""

from datetime import date

from merge_fixtures import blast_report, dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c")]


def _sentence_of(mention: EventMention, index: int) -> EventMention:
    """The mention as its article's sentence ``index`` (each sentence its own offset)."""
    text = mention.sentence.text
    mention.sentence = Sentence(mention.document, index, index * 100, index * 100 + len(text), text, 0, 1)
    return mention


def _next_day_lead() -> EventMention:
    """Article c's lead, a day after the blast, dated by its paper (that day or the day before)."""
    lead = blast_report("c", "Bombs blew apart the bank in Eastport, trapping people under concrete.")
    lead.trigger, lead.expression = "blew", None
    lead.date = dated_mention("c", "2031-03-08", "x", "x", [], []).date
    lead.date_source, lead.date_rule = "publication-implicit", "publication-implicit.lead"
    lead.earliest = date(2031, 3, 7)
    return _sentence_of(lead, 1)


def _outlets_and(*mentions: EventMention) -> list:
    reports = [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
    ]
    return merge_mentions([*reports, _next_day_lead(), *mentions], ARTICLES)


def test_a_toll_counted_the_next_day_beside_the_articles_attack_report_joins_it_as_a_retelling():
    text = "At least 12 were killed and 80 injured, officials said as dawn broke on Saturday."
    toll = _sentence_of(dated_mention("c", "2031-03-08", text, "broke", [], ["death", "injur", "dawn"]), 2)
    events = _outlets_and(toll)
    blast = next(e for e in events if "a" in e.sources)
    assert blast.sources == ["a", "b", "c"]
    joined = next(m for m in blast.mentions if m.sentence.text.startswith("At least 12"))
    assert joined.join is not None and joined.join.kind == "retelling"
    assert joined.date.value == "2031-03-08"  # its own day kept: the toll as counted on Saturday
    assert blast.date.value == "2031-03-07" and blast.conflicts == []


def test_another_happening_of_the_next_day_beside_the_attack_report_stays_apart():
    text = "Rescuers searched the rubble of the bank on Saturday."
    search = _sentence_of(dated_mention("c", "2031-03-08", text, "searched", [], ["rescuer", "rubble"]), 2)
    events = _outlets_and(search)
    blast = next(e for e in events if "a" in e.sources)
    assert all(not m.sentence.text.startswith("Rescuers") for m in blast.mentions)


def _later_paper(index: int, text: str, trigger: str, terms: list[str]) -> EventMention:
    """Sentence ``index`` of article c, published two weeks after the blast, stating no date (past tense)."""
    mention = _sentence_of(dated_mention("c", "2031-03-21", text, trigger, [], terms), index)
    mention.expression, mention.date_source = None, "publication-implicit"
    mention.date_rule, mention.earliest = "publication-implicit.past", date(2031, 3, 20)
    return mention


def _retold_around(middle: EventMention) -> list:
    reports = [
        blast_report("a", "A bomb exploded at the bank in Eastport on Friday, killing 12 people."),
        blast_report("b", "A bomb exploded on Friday at a bank in Eastport, killing 12."),
    ]
    before = _sentence_of(blast_report("c", "On March 7 a bomb exploded at the bank in Eastport."), 1)
    after = _later_paper(3, "Twelve people died in the bomb attack at the Eastport bank.", "died", ["death"])
    after.places = after.actors = ["Eastport"]
    return merge_mentions([*reports, before, middle, after], ARTICLES)


def test_a_sentence_between_two_retellings_of_its_article_joins_the_happening_as_a_retelling():
    middle = _later_paper(2, "The victims numbered twelve, including three guards.", "numbered", ["victim"])
    events = _retold_around(middle)
    blast = next(e for e in events if "a" in e.sources)
    assert [m.sentence.index for m in blast.mentions if m.document == "c"] == [1, 2, 3]
    joined = next(m for m in blast.mentions if m.sentence.index == 2)
    assert joined.join is not None and joined.join.kind == "retelling"
    assert "between two of its article's sentences" in joined.join.date
    assert joined.date.value == "2031-03-21" and blast.date.value == "2031-03-07" and not blast.conflicts


def test_a_sentence_between_them_stating_its_date_not_past_or_another_act_stays_apart():
    stated = _later_paper(2, "Police questioned two guards on Thursday.", "questioned", ["guard"])
    stated.date_source, stated.date_rule, stated.earliest = "expression", "", None
    present = _later_paper(2, "The guards are still in hospital.", "are", ["guard", "hospital"])
    present.date_rule = "publication-implicit.present"
    arrest = _later_paper(2, "Police arrested two guards in the case.", "arrested", ["arrest", "guard"])
    for middle in (stated, present, arrest):  # the arrest: another kind of act between them
        blast = next(e for e in _retold_around(middle) if "a" in e.sources)
        assert all(m.sentence.index != 2 for m in blast.mentions if m.document == "c")


def _shooting_by_month() -> list[EventMention]:
    """Two outlets date the shooting by its month."""
    return [
        dated_mention(d, "2030-10", text, "killed", ["Minister Rahn"], ["death", "sniper", "garden"])
        for d, text in (
            ("a", "Minister Rahn was killed by a sniper in his garden last October."),
            ("b", "Minister Rahn was killed in October by a sniper hiding in the garden."),
        )
    ]


def _wrong_year() -> EventMention:
    """A paper a year later writes the shooting's day with the next year."""
    text = "Rahn was killed on Oct. 23, 2031 by a sniper hiding in the garden."
    return dated_mention("d", "2031-10-23", text, "killed", ["Rahn"], ["death", "sniper", "garden"])


def test_a_day_a_year_off_the_day_an_outlet_states_joins_as_a_conflict():
    # a third outlet states the day, sharing no specific word with the later paper's sentence
    text = "Minister Rahn was killed at home on Friday, Oct. 23."
    day = dated_mention("c", "2030-10-23", text, "killed", ["Minister Rahn"], ["death", "home"])
    articles = [*ARTICLES, Article("d", "d.txt", "text of d", [(0, 10)])]
    events = merge_mentions([*_shooting_by_month(), day, _wrong_year()], articles)
    shooting = next(e for e in events if "a" in e.sources)
    assert shooting.sources == ["a", "b", "c", "d"] and shooting.date.value == "2030-10-23"
    assert [(c.value, c.sources) for c in shooting.conflicts] == [("2031-10-23", ["d"])]  # shown, not hidden


def test_a_day_a_year_off_a_month_alone_stays_apart():
    # no outlet states the day: the same month a year later may be the next year's happening of that kind
    articles = [*ARTICLES, Article("d", "d.txt", "text of d", [(0, 10)])]
    events = merge_mentions([*_shooting_by_month(), _wrong_year()], articles)
    assert sorted(e.sources for e in events) == [["a", "b"], ["d"]]


def test_a_day_a_year_off_without_the_same_action_and_person_stays_apart():
    month = dated_mention(
        "a",
        "2030-10",
        "Minister Rahn was killed by a sniper last October.",
        "killed",
        ["Minister Rahn"],
        ["death", "sniper"],
    )
    day = dated_mention(
        "c",
        "2030-10-23",
        "Minister Rahn stood in his garden on Friday.",
        "stood",
        ["Minister Rahn"],
        ["garden"],
    )
    text = "A sniper killed a guard on Oct. 23, 2031 near the Acme plant."
    other = dated_mention("d", "2031-10-23", text, "killed", ["Acme"], ["death", "sniper", "guard"])
    events = merge_mentions([month, day, other], [*ARTICLES, Article("d", "d.txt", "text of d", [(0, 10)])])
    assert all(e.sources == ["d"] or "d" not in e.sources for e in events)


def test_a_speakers_words_two_articles_quote_beside_the_happening_join_it():
    from timeline.merge.clusters import _Cluster
    from timeline.merge.features import features
    from timeline.merge.together import join_told_together

    def at(doc: str, index: int, text: str, trigger: str, actors: list[str], subjects: list[str]):
        mention = dated_mention(doc, "2031-03-12", text, trigger, actors, ["member", "ceremony"])
        mention.subjects = subjects
        return _sentence_of(mention, index)

    def cluster(*mentions: EventMention) -> _Cluster:
        made = _Cluster()
        for mention in mentions:
            made.add(mention, features(mention))
        return made

    text = "Norland joined the Acme alliance at a ceremony on Friday."
    ceremony = cluster(*(at(d, 1, text, "joined", ["Norland", "Acme"], ["Norland"]) for d in "abc"))
    text = "``We are home at last,'' Minister Rahn said at the ceremony."
    words = cluster(*(at(d, 2, text, "said", ["Minister Rahn"], ["Minister Rahn"]) for d in "ab"))
    (fused,) = join_told_together([ceremony, words])  # the speaker is no other party acting
    assert any("told together by several articles" in r.date for r in fused.reasons)
    text = "``We are home at last,'' Minister Rahn said in Westport."
    elsewhere = cluster(
        *(at(d, 2, text, "said", ["Minister Rahn", "Westport"], ["Minister Rahn"]) for d in "ab")
    )
    for mention in elsewhere.mentions:
        mention.places = ["Westport"]
    for mention in ceremony.mentions:
        mention.places = ["Eastport"]
    ceremony = cluster(*ceremony.mentions)
    elsewhere = cluster(*elsewhere.mentions)
    assert len(join_told_together([ceremony, elsewhere])) == 2  # said in another place: apart
    text = "Minister Rahn said the alliance would grow."  # words reported, not quoted: the speaker's own act
    reported = cluster(*(at(d, 2, text, "said", ["Minister Rahn"], ["Minister Rahn"]) for d in "ab"))
    plain = cluster(
        *(at(d, 1, "Norland joined the Acme alliance.", "joined", ["Norland"], ["Norland"]) for d in "abc")
    )
    assert len(join_told_together([plain, reported])) == 2

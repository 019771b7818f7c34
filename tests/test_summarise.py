"""Summary timelines: which days --top keeps, and the --sentences K sentences each one gets."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from timeline.build import build_timeline
from timeline.cli import app
from timeline.config import BuildOptions
from timeline.render import render, to_dict
from timeline.schema import load_schema
from timeline.sentences import split_sentences
from timeline.summarise import (
    RECALL_MONTHS_WEIGHT,
    Collection,
    DayIndex,
    _echoes,
    candidate_sentences,
    choose_sentences,
    day_scores,
    document_frequencies,
    main_subject_words,
    rank_days,
    ranked_days,
    subject_words,
    summarise,
)
from timeline.temporal import tag
from timeline.types import Article, DateValue, Event, EventMention, Published, Sentence

# An invented story about the port of Norland. 3 March 2021 (the strike) is recalled months later by
# several articles; 9 March is named once, in passing; the rest are routine.
ARTICLES = {
    "a1": (
        "2021-03-04",
        "Dock workers in Norland walked out on March 3, 2021, closing the port of Norland for the day. "
        "The Norland port authority said ships were diverted to Acme Bay.",
    ),
    "a2": (
        "2021-03-04",
        "The Norland strike on March 3, 2021 stranded forty ships outside the harbour. "
        "Union leader Rahn said the Norland workers wanted a new contract.",
    ),
    "a3": (
        "2021-03-10",
        "Norland officials met union leaders on March 9, 2021 without reaching a deal. "
        "Talks about the Norland port contract are due to resume next month.",
    ),
    "a4": (
        "2021-09-20",
        "Six months after the Norland port strike of March 3, 2021, trade through Norland has recovered. "
        "The port of Norland now handles more ships than before the walkout.",
    ),
    "a5": (
        "2021-11-02",
        "Minister Rahn recalled that the March 3, 2021 strike had shut the Norland port for a day. "
        "He said the new Norland contract would prevent another walkout.",
    ),
}


def _articles() -> list[Article]:
    return [
        Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published(day, "metadata"))
        for doc, (day, text) in ARTICLES.items()
    ]


def _collection() -> Collection:
    articles = _articles()
    return Collection(
        articles,
        {a.id: split_sentences(a) for a in articles},
        {a.id: tag(a.text, a.published.value, regions=a.body) for a in articles},
    )


def test_subject_words_are_the_capitalised_words_most_articles_share():
    assert "Norland" in subject_words(_collection())
    assert "Acme" not in subject_words(_collection())  # one article's passing mention


def test_a_day_many_later_articles_recall_outranks_a_day_named_once():
    scores = day_scores(_collection())
    assert scores[date(2021, 3, 3)] > scores[date(2021, 3, 9)]


def test_since_and_until_bound_the_days_considered():
    scores = day_scores(_collection(), since=date(2021, 3, 5), until=date(2021, 3, 31))
    assert date(2021, 3, 3) not in scores and date(2021, 3, 9) in scores


def test_top_returns_as_many_days_as_asked_when_the_collection_names_them():
    timeline = build_timeline(_articles(), BuildOptions(top=2))
    days = [e.date.value for e in timeline.events]
    assert days == ["2021-03-03", "2021-03-09"]
    strike = timeline.events[0]
    assert "March 3 , 2021" in strike.title.replace(",", " ,") or "March 3, 2021" in strike.title


def test_ranked_days_open_with_the_days_top_keeps():
    ranked = list(ranked_days(_collection()))
    assert ranked[:2] == [date(2021, 3, 3), date(2021, 3, 9)]  # recalled months later, then named once
    assert ranked[:1] == [
        date.fromisoformat(e.date.value) for e in build_timeline(_articles(), BuildOptions(top=1)).events
    ]


def test_top_one_keeps_the_most_recalled_day():
    [only] = build_timeline(_articles(), BuildOptions(top=1)).events
    assert only.date.value == "2021-03-03"
    assert only.summary and only.summary[0].text == only.title


def _sentence(doc: str, text: str) -> Sentence:
    return Sentence(doc, 0, 0, len(text), text, 0, 1)


def test_sentences_are_central_and_do_not_repeat_each_other():
    pool = [
        _sentence("x1", "The Norland port reopened on Friday after the strike ended with a new contract."),
        _sentence("x2", "The Norland port reopened on Friday after the strike ended with a new deal."),
        _sentence("x3", "Union members approved the new contract by a large majority on Friday."),
        _sentence("x4", "The weather in the capital was mild and dry for the season."),
    ]
    frequency, documents = document_frequencies(pool)
    first, second = choose_sentences(pool, 2, frequency, documents)
    assert first.text.startswith("The Norland port reopened")
    assert second.text.startswith("Union members approved")  # not the near-copy of the first
    # the near-identical sentence of the other article is cited as a source of the first
    assert set(first.sources) == {"x1", "x2"}
    assert second.sources == ["x3"]


def test_one_sentence_by_default_and_k_with_sentences():
    one = build_timeline(_articles(), BuildOptions(top=1)).events[0]
    two = build_timeline(_articles(), BuildOptions(top=1, sentences=2)).events[0]
    assert len(one.summary) == 1 and len(two.summary) == 2
    assert two.summary[0].text != two.summary[1].text
    assert all(s.sources for s in two.summary)


def test_markdown_json_and_terminal_show_every_sentence():
    timeline = build_timeline(_articles(), BuildOptions(top=1, sentences=2))
    second = timeline.events[0].summary[1].text
    assert second in render(timeline, "markdown")
    assert second[:30] in render(timeline, "terminal", width=400)
    document = to_dict(timeline)
    Draft202012Validator(load_schema("timeline")).validate(document)
    sentences = document["events"][0]["sentences"]
    assert [s["text"] for s in sentences][1] == second and all(s["sources"] for s in sentences)


def test_plain_build_has_no_sentences_field():
    document = to_dict(build_timeline(_articles()))
    assert all("sentences" not in event for event in document["events"])


def test_cli_sentences_option(tmp_path):
    for doc, (day, text) in ARTICLES.items():
        (tmp_path / f"{doc}.json").write_text(json.dumps({"id": doc, "time": day, "text": text}))
    result = CliRunner().invoke(
        app, ["build", str(tmp_path), "--top", "1", "--sentences", "2", "--format", "json", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    [event] = json.loads(result.stdout)["events"]
    assert event["date"]["value"] == "2021-03-03" and len(event["sentences"]) == 2


def test_a_re_sent_copy_is_not_another_article_naming_the_day():
    collection = _collection()
    before = day_scores(collection)[date(2021, 3, 9)]
    resent = Collection(
        collection.articles, collection.sentences, collection.expressions, copies={"a3": "a2"}
    )
    assert date(2021, 3, 9) not in day_scores(resent)  # only the copy named it
    assert before > 0


def _named(doc: str, outlet: str | None, day: str, text: str) -> Article:
    return Article(
        doc, f"{doc}.txt", text, [(0, len(text))], published=Published(day, "metadata"), source=outlet
    )


def test_many_outlets_naming_a_day_outweigh_one_outlets_many_updates():
    texts = {
        "one": "The Norland council approved the budget on May 4, 2022 after a long debate.",
        "many": "Norland voters rejected the tax plan on May 6, 2022 in a close referendum.",
    }
    articles = [_named(f"w{i}", "Wire", "2022-05-20", texts["one"]) for i in range(3)]
    articles += [_named(f"o{i}", f"Outlet {i}", "2022-05-20", texts["many"]) for i in range(3)]
    collection = Collection(
        articles,
        {a.id: split_sentences(a) for a in articles},
        {a.id: tag(a.text, a.published.value, regions=a.body) for a in articles},
    )
    scores = day_scores(collection)
    assert scores[date(2022, 5, 6)] > scores[date(2022, 5, 4)]
    # without outlet names, each article counts fully: the two days tie
    for article in articles:
        article.source = None
    scores = day_scores(collection)
    assert scores[date(2022, 5, 6)] == scores[date(2022, 5, 4)]


def test_an_opening_sentence_about_another_day_does_not_summarise_this_one():
    text = (
        "Norland dock workers ended their strike on Tuesday after a new offer. "
        "The Norland port authority will reopen the harbour on Thursday, officials said."
    )
    article = _named("d1", None, "2021-06-09", text)  # Wednesday 9 June: Tuesday is 8 June, Thursday 10 June
    collection = Collection(
        [article], {"d1": split_sentences(article)}, {"d1": tag(text, "2021-06-09", regions=article.body)}
    )
    index = DayIndex.of(collection)
    on_tuesday = [s.text for s in candidate_sentences(date(2021, 6, 8), index, {"Norland"})]
    assert on_tuesday == [text.split(". ")[0] + "."]  # the Thursday plan is not Tuesday's news


def test_sentences_without_top_is_a_usage_error(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"id": "a", "time": "2021-03-04", "text": ARTICLES["a1"][1]}))
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--sentences", "2", "--quiet"])
    assert result.exit_code == 2
    assert "--top" in result.output


def test_a_day_only_one_article_names_counts_half():
    # one article, two months on, recalls April 2 (a later reference: x2); two articles written within the
    # week name April 3 (x1 each).  Both days would score 2 (April 2 times its one month of later recall);
    # the day with two witnesses comes first.
    articles = [
        _named("late", None, "2021-06-20", "In Norland the ferry service was suspended on April 2, 2021."),
        _named("n1", None, "2021-04-06", "In Norland the harbour flooded on April 3, 2021 after the storm."),
        _named("n2", None, "2021-04-06", "The Norland harbour was under water on April 3, 2021, crews said."),
    ]
    collection = Collection(
        articles,
        {a.id: split_sentences(a) for a in articles},
        {a.id: tag(a.text, a.published.value, regions=a.body) for a in articles},
    )
    scores = day_scores(collection)
    recalled_once = 1 + RECALL_MONTHS_WEIGHT * math.log(2)
    assert scores[date(2021, 4, 3)] == pytest.approx(2 * scores[date(2021, 4, 2)] / recalled_once)
    assert rank_days(scores)[0] == date(2021, 4, 3)


def _collection_of(articles: list[Article]) -> Collection:
    return Collection(
        articles,
        {a.id: split_sentences(a) for a in articles},
        {a.id: tag(a.text, a.published.value, regions=a.body) for a in articles},
    )


def test_a_headline_outside_the_text_may_summarise_its_day():
    text = "Officials in Norland said the vote ended late on Monday evening with a clear result."
    article = _named("h1", None, "2021-06-08", text)
    article.title = "Norland parliament votes to remove Minister Rahn"
    short = _named("h2", None, "2021-06-08", "Norland officials gave no further details about the count.")
    short.title = "Norland votes"  # two words: a label, not a sentence
    index = DayIndex.of(_collection_of([article, short]))
    texts = [s.text for s in candidate_sentences(date(2021, 6, 8), index, {"Norland"})]
    assert "Norland parliament votes to remove Minister Rahn" in texts
    assert "Norland votes" not in texts
    # a headline the text already opens with is not a second candidate
    article.text = f"{article.title}\n{text}"
    article.body = [(0, len(article.text))]
    index = DayIndex.of(_collection_of([article]))
    headlines = [s for s in candidate_sentences(date(2021, 6, 8), index, {"Norland"}) if s.index < 0]
    assert headlines == []


def test_sentences_naming_the_main_subject_come_first():
    # every article names Rahn and Norland; Acme, in two of three, is a lesser subject word
    articles = [
        _named("m1", None, "2021-06-08", "Voters backed Rahn in Norland today. Shares of Acme fell."),
        _named("m2", None, "2021-06-09", "Crowds cheered Rahn across Norland. Investors in Acme sold."),
        _named("m3", None, "2021-06-10", "Aides of Rahn in Norland planned the cabinet for the week."),
    ]
    collection = _collection_of(articles)
    subject, main = subject_words(collection), main_subject_words(collection)
    assert "Acme" in subject and main == {"Norland", "Rahn"}
    text = "Shares of Acme fell sharply on the news. The new leader Rahn took office in the capital."
    index = DayIndex.of(_collection_of([*articles, _named("m4", None, "2021-06-11", text)]))
    texts = [s.text for s in candidate_sentences(date(2021, 6, 11), index, subject, main)]
    assert texts == ["The new leader Rahn took office in the capital."]
    assert len(candidate_sentences(date(2021, 6, 11), index, subject)) == 2  # without main: both


def test_a_day_whose_sentences_are_about_someone_else_counts_less(monkeypatch):
    # Norland and Rahn are in every article (the main subject); Acme, in three, is a lesser subject word.
    # May 3 is named by two articles, but only in sentences about Acme; May 4, by one, about Rahn.
    texts = [
        "Minister Rahn spoke in Norland. Shares of Acme fell on May 3, 2021.",
        "Minister Rahn toured Norland. Investors in Acme sold on May 3, 2021.",
        "Minister Rahn met workers in Norland. The rival of Acme fell too.",
        "Minister Rahn resigned in Norland on May 4, 2021 after the vote.",
    ]
    articles = [_named(f"s{i}", None, "2021-05-10", text) for i, text in enumerate(texts)]
    _assert_weight_decides(
        _collection_of(articles), monkeypatch, "OFF_MAIN_DAY_WEIGHT", date(2021, 5, 3), date(2021, 5, 4)
    )


def test_a_headline_is_preferred_to_a_slightly_more_central_sentence(monkeypatch):
    # the text sentence shares "from office" with the third one and is the most central; the headline,
    # written to say the event in a few words, is nearly as central and summarises the day
    text = Sentence(
        "a", 0, 0, 60, "Lawmakers in Norland voted on Monday to remove Minister Rahn from office.", 0, 1
    )
    other = Sentence(
        "c", 0, 0, 60, "The vote in Norland to remove Minister Rahn from office passed easily.", 0, 1
    )
    headline = Sentence("b", -1, -1, -1, "Norland parliament votes to remove Minister Rahn", 0, 0)
    frequency, documents = document_frequencies([text, other, headline])
    [chosen] = choose_sentences([text, other, headline], 1, frequency, documents)
    assert chosen.text == headline.text
    monkeypatch.setattr("timeline.summarise.HEADLINE_PREFERENCE", 1.0)
    [chosen] = choose_sentences([text, other, headline], 1, frequency, documents)
    assert chosen.text == text.text


def test_a_holiday_named_by_its_name_counts_half():
    # two later articles each name both days: December 20 by its date, Christmas Day by the holiday's name
    texts = [
        "Minister Rahn left Norland on December 20, 2021 and spent Christmas abroad.",
        "Aides said Minister Rahn quit Norland on December 20, 2021, before Christmas.",
    ]
    articles = [_named(f"x{i}", None, "2022-02-01", text) for i, text in enumerate(texts)]
    scores = day_scores(_collection_of(articles))
    assert scores[date(2021, 12, 25)] == 0.5 * scores[date(2021, 12, 20)]


def test_a_short_sentence_is_preferred_to_a_slightly_more_central_long_one(monkeypatch):
    # the long sentence (34 words) shares the most with the others; the short one tells the same removal in
    # nine words, as a timeline entry would, and is nearly as central
    texts = [
        "Lawmakers in Norland voted on Monday to remove Minister Rahn from office, after a debate that "
        "lasted for most of the day and well into the night, over the port contract he had signed.",
        "Minister Rahn had signed the port contract without a debate, critics in Norland said.",
        "Norland lawmakers voted to remove Minister Rahn from office.",
        "The Norland vote removed Minister Rahn from office on Monday.",
    ]
    sentences = [Sentence(f"d{i}", 0, 0, len(text), text, 0, 1) for i, text in enumerate(texts)]
    frequency, documents = document_frequencies(sentences)
    [chosen] = choose_sentences(sentences, 1, frequency, documents)
    assert chosen.text == texts[2]
    monkeypatch.setattr("timeline.summarise.SHORT_PREFERENCE", 1.0)
    [chosen] = choose_sentences(sentences, 1, frequency, documents)
    assert chosen.text == texts[0]


def test_a_day_with_only_one_or_two_sentences_to_summarise_it_counts_half(monkeypatch):
    # June 2 is recalled by two articles two months on (x2 each: 4); June 3 by three articles written that
    # week (x1 each: 3).  But only two sentences say anything about June 2, three about June 3.
    later = [
        "Looking back, Minister Rahn of Norland signed the decree on June 2, 2021 at the palace.",
        "Critics of Minister Rahn in Norland still cite the decree of June 2, 2021 in the debate.",
    ]
    week = [
        "Minister Rahn opened the new Norland bridge on June 3, 2021 before a large crowd.",
        "Crowds cheered as Minister Rahn crossed the Norland bridge on June 3, 2021 by car.",
        "The Norland bridge that Minister Rahn opened on June 3, 2021 cost two million crowns.",
    ]
    articles = [_named(f"l{i}", None, "2021-08-01", text) for i, text in enumerate(later)]
    articles += [_named(f"w{i}", None, "2021-06-05", text) for i, text in enumerate(week)]
    _assert_weight_decides(
        _collection_of(articles), monkeypatch, "THIN_DAY_WEIGHT", date(2021, 6, 2), date(2021, 6, 3)
    )


def _assert_weight_decides(
    collection, monkeypatch, weight: str, by_references: date, with_weight: date
) -> None:
    """``by_references`` scores higher on references alone, the ``weight`` rule makes ``with_weight`` the top
    day, and with the rule switched off (weight 1) ``by_references`` is again."""
    scores = day_scores(collection)
    assert scores[by_references] > scores[with_weight]
    [day] = summarise([], collection, top=1)
    assert day.date.start == with_weight
    monkeypatch.setattr(f"timeline.summarise.{weight}", 1.0)
    [day] = summarise([], collection, top=1)
    assert day.date.start == by_references


# Two days of an invented story, each named by two articles written the next day (equal evidence): the
# election of 10 May 2021 and a strike of 12 May.  Later articles tell the election again without its date.
RETOLD_DAYS = {
    "e1": ("2021-05-11", "Norland voters elected Minister Rahn on May 10, 2021 in a calm ballot."),
    "e2": ("2021-05-11", "The Norland election of May 10, 2021 gave Minister Rahn a clear majority."),
    "s1": ("2021-05-13", "Acme dock workers in Norland went on strike on May 12, 2021 over pay."),
    "s2": ("2021-05-13", "The Norland dock strike of May 12, 2021 closed the harbour for a day."),
}
ELECTION, STRIKE = date(2021, 5, 10), date(2021, 5, 12)


def _election_event(collection: Collection, documents: list[str], status: str = "reported") -> Event:
    """The election as the merge made it: one mention per document (its first sentence), dated 10 May."""
    when = DateValue("2021-05-10", ELECTION, ELECTION, "day")
    mentions = [
        EventMention(
            doc, collection.sentences[doc][0], None, when, "elected", date_source="publication-implicit"
        )
        for doc in documents
    ]
    return Event("ev-election", when, "Norland voters elected Minister Rahn", status, documents, mentions)


def _retold_collection(later: dict[str, tuple[str, str]]) -> Collection:
    return _collection_of(
        [_named(doc, None, day, text) for doc, (day, text) in {**RETOLD_DAYS, **later}.items()]
    )


def test_a_day_later_articles_retell_without_its_date_outranks_an_equal_day():
    later = {
        "r1": ("2021-09-01", "Minister Rahn has governed Norland since his election with a narrow team."),
        "r2": ("2021-11-15", "Since the Norland election Minister Rahn has cut the port tax twice."),
    }
    collection = _retold_collection(later)
    before = day_scores(collection)
    assert before[ELECTION] == before[STRIKE]  # the dates alone cannot tell the two days apart
    event = _election_event(collection, ["e1", "r1", "r2"])
    after = day_scores(collection, events=[event])
    assert after[ELECTION] > after[STRIKE] == before[STRIKE]
    assert next(ranked_days(collection, events=[event])) == ELECTION
    [day] = summarise([event], collection, top=1)
    assert day.date.start == ELECTION


def test_a_retelling_counts_only_from_a_later_article_that_does_not_name_the_day():
    later = {
        # written within the week: the day's own news wave, already counted as coverage
        "w1": ("2021-05-14", "Minister Rahn began forming a Norland cabinet after winning the vote."),
        # names the day itself: counted once, as a reference
        "n1": ("2021-09-01", "Minister Rahn won the Norland election on May 10, 2021 with ease."),
    }
    collection = _retold_collection(later)
    before = day_scores(collection)
    assert day_scores(collection, events=[_election_event(collection, ["e1", "w1", "n1"])]) == before


def test_a_background_event_retold_later_adds_nothing():
    later = {
        "r1": ("2021-09-01", "Minister Rahn has governed Norland since his election with a narrow team.")
    }
    collection = _retold_collection(later)
    event = _election_event(collection, ["e1", "r1"], status="background")
    assert day_scores(collection, events=[event]) == day_scores(collection)


# Two days of an invented story, each recalled by three articles written months later (equal references):
# the ferry disaster of 4 June 2021, recalled in three different months, and a harbour fire of 2 June,
# recalled three times within one month (the earlier of equal days would come first).
RECALLED = {
    "f1": ("2021-09-02", "Westholm still mourns the Norland ferry that sank on June 4, 2021 off the coast."),
    "f2": ("2021-10-14", "The Norland ferry disaster of June 4, 2021 led Minister Rahn to close the line."),
    "f3": ("2021-11-25", "Families of those lost on June 4, 2021 met Minister Rahn in Westholm."),
    "h1": ("2021-09-01", "Investigators said the Norland harbour fire of June 2, 2021 began in a shed."),
    "h2": ("2021-09-03", "The Norland harbour fire on June 2, 2021 destroyed two Acme warehouses."),
    "h3": ("2021-09-06", "Acme rebuilt the warehouses the Norland fire of June 2, 2021 destroyed."),
}
FERRY, FIRE = date(2021, 6, 4), date(2021, 6, 2)


def test_a_day_recalled_over_many_months_outranks_one_recalled_as_often_in_one_month(monkeypatch):
    collection = _collection_of([_named(doc, None, day, text) for doc, (day, text) in RECALLED.items()])
    scores = day_scores(collection)
    # three later references each (x2), the same year's six articles: only the months of recall differ
    months_3, months_1 = 1 + RECALL_MONTHS_WEIGHT * math.log(4), 1 + RECALL_MONTHS_WEIGHT * math.log(2)
    assert scores[FERRY] / scores[FIRE] == pytest.approx(months_3 / months_1)
    assert rank_days(scores)[0] == FERRY
    monkeypatch.setattr("timeline.summarise.RECALL_MONTHS_WEIGHT", 0.0)
    flat = day_scores(collection)
    assert flat[FERRY] == flat[FIRE]  # without the rule the references alone tie
    assert rank_days(flat)[0] == FIRE


def test_a_day_named_only_within_its_week_has_no_months_of_recall(monkeypatch):
    # 29 June named on 2 and 5 July: another month, but the day's own news wave, not a later recall
    articles = [
        _named("w1", None, "2021-07-02", "Norland closed its border with Westholm on June 29, 2021 at noon."),
        _named("w2", None, "2021-07-05", "Since June 29, 2021 the Norland border with Westholm stays shut."),
    ]
    collection = _collection_of(articles)
    before = day_scores(collection)[date(2021, 6, 29)]
    monkeypatch.setattr("timeline.summarise.RECALL_MONTHS_WEIGHT", 0.0)
    assert day_scores(collection)[date(2021, 6, 29)] == before


# An invented dam collapse of 10 March 2022, recalled in three later months; the reactions of 11 March, named
# by four articles that week and never again; a separate vote of 20 March, named by three articles that week.
ECHO = {
    "c1": ("2022-05-02", "Engineers blamed the Norland dam collapse of March 10, 2022 on poor upkeep."),
    "c2": ("2022-06-15", "Since the Norland dam gave way on March 10, 2022 the valley has been rebuilt."),
    "c3": ("2022-08-20", "The Norland inquiry into the collapse of March 10, 2022 named two firms."),
    "r1": ("2022-03-14", "Mourners gathered across Norland on March 11, 2022 to remember the victims."),
    "r2": ("2022-03-14", "Flags in Norland flew at half mast on March 11, 2022 after the disaster."),
    "r3": ("2022-03-14", "Aid from Westholm reached Norland on March 11, 2022 by road and by air."),
    "r4": ("2022-03-14", "Schools in Norland stayed shut on March 11, 2022 as the waters receded."),
    "v1": ("2022-03-22", "The parliament of Norland voted on March 20, 2022 to fund a new dam."),
    "v2": ("2022-03-22", "Deputies in Norland approved the dam fund on March 20, 2022 by a wide margin."),
    "v3": ("2022-03-22", "The new dam that Norland voted for on March 20, 2022 will cost a fortune."),
}
COLLAPSE, REACTIONS, VOTE = date(2022, 3, 10), date(2022, 3, 11), date(2022, 3, 20)


def test_the_day_after_a_recalled_day_that_no_later_article_names_is_its_echo(monkeypatch):
    collection = _collection_of([_named(doc, None, day, text) for doc, (day, text) in ECHO.items()])
    scores = day_scores(collection)
    assert scores[COLLAPSE] > scores[REACTIONS] > scores[VOTE]  # four references against three
    assert 0.7 * scores[REACTIONS] < scores[VOTE]
    assert list(ranked_days(collection))[:3] == [COLLAPSE, VOTE, REACTIONS]
    monkeypatch.setattr("timeline.summarise.ECHO_WEIGHT", 1.0)
    assert list(ranked_days(collection))[:3] == [COLLAPSE, REACTIONS, VOTE]


def test_only_a_near_day_no_later_article_names_echoes_a_recalled_one():
    recalled = {COLLAPSE: {(2022, 5)}}
    assert _echoes(REACTIONS, {COLLAPSE}, recalled)
    assert not _echoes(REACTIONS, {COLLAPSE}, {**recalled, REACTIONS: {(2022, 6)}})  # two happenings
    assert not _echoes(date(2022, 3, 13), {COLLAPSE}, recalled)  # three days on: not its news wave
    assert not _echoes(REACTIONS, {COLLAPSE}, {})  # the kept day is no later article's memory either

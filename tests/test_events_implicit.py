"""Clauses without a date of their own: the news of the publication day, the narrative's day, background.

Every input is an invented article; the publication date is a Wednesday, 2023-03-15.
"""

from __future__ import annotations

from datetime import date

from timeline.build import build_timeline
from timeline.events import extract_mentions
from timeline.render.explain import explain_mention
from timeline.sentences import split_sentences
from timeline.temporal import tag
from timeline.types import Article, EventMention, Published

PUBLISHED = "2023-03-15"


def _article(text: str, published: str | None = PUBLISHED, title: str | None = None) -> Article:
    return Article(
        "a1", "a1.txt", text, [(0, len(text))], title=title, published=Published(published, "header")
    )


def _mentions(text: str, published: str | None = PUBLISHED, title: str | None = None) -> list[EventMention]:
    article = _article(text, published, title)
    return extract_mentions(article, split_sentences(article), tag(text, published))


def _by_sentence(mentions: list[EventMention], start: str) -> list[EventMention]:
    return [m for m in mentions if m.sentence.text.startswith(start)]


def test_a_lead_without_a_date_is_the_news_of_the_publication_day():
    text = "Acme has unveiled a new version of its long-range jet.\n\nThe jet carries 300 passengers."
    (lead,) = _by_sentence(_mentions(text), "Acme")
    assert lead.date is not None and lead.date.value == PUBLISHED
    assert lead.date_source == "publication-implicit"
    assert lead.earliest == date(2023, 3, 14)  # Wednesday's paper may report Tuesday's news
    assert lead.date_rule == "publication-implicit.lead"
    assert explain_mention(lead).startswith(
        "no date in the sentence: a news lead reports the news of its publication day, 2023-03-15"
    )


def test_a_headline_in_title_case_is_read_as_news():
    text = "Acme Unveils Long-Range Jet\n\nThe jet will fly in May, the company said on Friday."
    mentions = _mentions(text, title="Acme Unveils Long-Range Jet")
    (headline,) = _by_sentence(mentions, "Acme Unveils")
    assert headline.date is not None and headline.date.value == PUBLICATION_DAY
    assert headline.date_source == "publication-implicit"


PUBLICATION_DAY = PUBLISHED


def test_the_main_clause_is_news_beside_a_background_date_in_a_relative_clause():
    # the relative clause's year dates its own verb; it must not steal the main clause
    text = "Acme, which has out-sold its rival since 2003, unveiled a new jet."
    mentions = _mentions(text)
    assert {(m.date.value, m.date_source) for m in mentions if m.date} >= {
        (PUBLISHED, "publication-implicit")
    }
    (news,) = [m for m in mentions if m.date_source == "publication-implicit"]
    assert news.trigger == "unveiled"


def test_present_perfect_and_present_reports_in_the_body_are_publication_day_news():
    text = (
        "Officials met in Kell on Monday to discuss the dam.\n\n"
        "Rain fell all week across the valley.\n\n"
        "Minister Rahn has ordered an inquiry into the flooding.\n\n"
        "Engineers say the dam is sound."
    )
    mentions = _mentions(text)
    (ordered,) = _by_sentence(mentions, "Minister Rahn")
    assert (ordered.date.value, ordered.date_rule) == (PUBLISHED, "publication-implicit.perfect")
    (say,) = _by_sentence(mentions, "Engineers")
    assert (say.date.value, say.date_rule) == (PUBLISHED, "publication-implicit.report-present")


def test_a_past_sentence_continuing_a_recent_dated_one_shares_its_day():
    text = (
        "Storms hit the coast of Norland on Monday.\n\n"
        "Heavy rain flooded the harbour and cut power to the old town."
    )
    mentions = _mentions(text)
    (flood,) = _by_sentence(mentions, "Heavy rain")
    assert (flood.date.value, flood.date_source) == ("2023-03-13", "narrative")
    assert flood.earliest is None
    assert "2023-03-13" in explain_mention(flood)


def test_a_past_report_without_a_dated_sentence_before_it_is_publication_day_news():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "The plant employs 400 people.\n\n"
        "The company said the plant cost 80 million euros."
    )
    (said,) = _by_sentence(_mentions(text), "The company said")
    assert (said.date.value, said.date_rule) == (PUBLISHED, "publication-implicit.past")


def test_background_is_not_an_event():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "The company had built its first plant in the valley.\n\n"
        "Acme has long dominated the regional market.\n\n"
        "The firm has employed families in the valley for more than eighty years."
    )
    mentions = _mentions(text)
    for start in ("The company had built", "Acme has long", "The firm has employed"):
        assert _by_sentence(mentions, start) == [], start


def test_a_past_clause_after_a_date_long_before_publication_is_background_in_its_paragraph():
    text = "Acme has opened a new plant in Kell.\n\nIn 1998 the company began making jets. It sold ten."
    mentions = _mentions(text)
    assert all(m.date is None or m.date.value != PUBLISHED for m in _by_sentence(mentions, "It sold"))


def test_generic_present_quotes_and_plans_are_not_dated():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "The plant is the largest in the valley.\n\n"
        "The town still wants a railway station.\n\n"
        '"We are proud of our workers and of this region," the director told the crowd.\n\n'
        "The company will hire 200 more people."
    )
    mentions = _mentions(text)
    assert _by_sentence(mentions, "The plant is") == []
    assert _by_sentence(mentions, "The town still wants") == []
    assert all(m.date is None for m in _by_sentence(mentions, "The company will"))
    # the quotation's words are not the news; the statement itself is the day's report
    (told,) = _by_sentence(mentions, '"We are proud')
    assert told.trigger == "told"


def test_a_scheduled_happening_keeps_its_missing_date():
    text = "Acme has opened a new plant in Kell.\n\nThe meeting with Minister Rahn has been scheduled."
    assert all(m.date is None for m in _by_sentence(_mentions(text), "The meeting"))


def test_the_json_mention_carries_its_date_source_and_earliest_day():
    from jsonschema import Draft202012Validator

    from timeline.render import to_dict
    from timeline.schema import load_schema

    document = to_dict(build_timeline([_article("Acme has unveiled a new jet in Kell.")]))
    assert not list(Draft202012Validator(load_schema("timeline")).iter_errors(document))
    (event,) = document["events"]
    (mention,) = event["mentions"]
    assert (mention["date_source"], mention["date"], mention["earliest"]) == (
        "publication-implicit",
        PUBLISHED,
        "2023-03-14",
    )


def test_no_publication_day_no_implicit_date():
    text = "Acme has unveiled a new version of its long-range jet."
    assert all(m.date is None for m in _mentions(text, published="2023-03"))
    assert all(m.date is None for m in _mentions(text, published=None))
    # a publication date inferred from other articles is no ground for dating the article's own news
    article = _article(text)
    article.published = Published(PUBLISHED, "inferred", "matches another article's event")
    mentions = extract_mentions(article, split_sentences(article), tag(text, PUBLISHED))
    assert all(m.date is None for m in mentions)


def test_sentences_of_one_happening_make_one_event():
    text = (
        "Minister Rahn has resigned over the flooding of the harbour.\n\n"
        "Rahn announced the resignation at a press conference in Kell.\n\n"
        "Rahn said the inquiry had shown failures in her ministry."
    )
    timeline = build_timeline([_article(text)])
    dated = [e for e in timeline.events if e.date is not None]
    assert [e.date.value for e in dated] == [PUBLISHED]
    assert len(dated[0].mentions) == 3


def test_a_narrative_sentence_tells_more_of_the_happening_it_goes_on_with():
    text = (
        "The parliament of Norland on Monday approved the budget for next year. The vote was 112 to 80. "
        "Minister Rahn said the budget would cut the deficit."
    )
    timeline = build_timeline([_article(text)])
    monday = [e for e in timeline.events if e.date is not None and e.date.value == "2023-03-13"]
    # the vote is the approval's; the minister's statement is an act of its own, on the same day
    assert sorted(len(e.mentions) for e in monday) == [1, 2]
    (approval,) = [e for e in monday if len(e.mentions) == 2]
    assert approval.title.startswith("The parliament of Norland approved the budget")


def test_a_plural_present_report_before_a_named_or_there_clause_is_the_days_news():
    # "analysts say Norland ...", "officials say there are ...": the statement is the publication day's
    text = (
        "Acme opened a new plant in Kell on Monday.\n\n"
        "But analysts say Norland is a special case.\n\n"
        "Port officials say there are delays at the harbour."
    )
    mentions = _mentions(text)
    for start in ("But analysts", "Port officials"):
        (report,) = _by_sentence(mentions, start)
        assert report.date is not None and report.date.value == PUBLISHED
        assert report.date_rule == "publication-implicit.report-present"
        assert report.trigger == "say"


def test_a_possessive_day_on_the_subject_dates_its_clause():
    # "Monday's trading volume" is Monday's even though "volume" names no event: so is "totaled"
    text = "Acme opened a plant in Kell.\n\nMonday's trading volume totaled 132 million shares."
    (volume,) = _by_sentence(_mentions(text), "Monday's")
    assert volume.date is not None and volume.date.value == "2023-03-13"
    assert volume.date_source == "expression" and volume.trigger == "totaled"


def test_a_possessive_day_on_the_object_leaves_the_clause_its_own_reading():
    # "praised Monday's vote": the praise is not dated by the vote's day
    text = "Acme opened a plant in Kell.\n\nMinister Rahn praised Monday's vote."
    mentions = _by_sentence(_mentions(text), "Minister Rahn")
    assert all(m.trigger != "praised" or m.date is None or m.date.value != "2023-03-13" for m in mentions)


def test_a_closing_statement_beside_a_month_dated_clause_is_the_days_news():
    # the sale is dated to last month; the company's statement about it is today's report
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "The old plant was sold last month to Norland Steel, the company said.\n\n"
        "Imports of steel totaled 3 million tonnes in 2021, according to the customs office."
    )
    mentions = _mentions(text)
    sold = _by_sentence(mentions, "The old plant")
    assert {(m.trigger, m.date.value) for m in sold} == {("sold", "2023-02"), ("said", PUBLISHED)}
    imports = _by_sentence(mentions, "Imports")
    assert {(m.trigger, m.date.value) for m in imports} == {("totaled", "2021"), ("according", PUBLISHED)}


def test_a_closing_statement_beside_a_day_dated_clause_is_not_a_second_event():
    text = "Acme has opened a new plant in Kell.\n\nThe old plant was sold on Monday, the company said."
    (sold,) = _by_sentence(_mentions(text), "The old plant")
    assert (sold.trigger, sold.date.value) == ("sold", "2023-03-13")


def test_a_closing_said_with_an_apposition_on_its_source_is_the_statement():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        '"We will hire four hundred people," said Tom Rahn, a spokesman for the company.'
    )
    (said,) = _by_sentence(_mentions(text), '"We will')
    assert (said.trigger, said.date.value) == ("said", PUBLISHED)


def test_a_market_close_without_a_day_is_the_last_session_before_publication():
    # published on Monday 2023-03-13: the close told without a day is Friday's session
    text = (
        "Acme shares slid after the company cut its forecast.\n\n"
        "Acme closed at $28.25, down 50 cents.\n\n"
        "The Norland index fell 12.5 to 480.2.\n\n"
        "The company said it would cut 200 jobs."
    )
    mentions = _mentions(text, published="2023-03-13")
    for start in ("Acme closed", "The Norland index"):
        (move,) = _by_sentence(mentions, start)
        assert (move.date.value, move.date_rule) == ("2023-03-10", "publication-implicit.market-close")
    (said,) = _by_sentence(mentions, "The company said")
    assert said.date.value == "2023-03-13"
    (close,) = _by_sentence(mentions, "Acme closed")
    assert close.earliest is None
    assert "last trading session" in explain_mention(close) and "2023-03-10" in explain_mention(close)


def test_a_possessive_day_opening_a_reported_subject_dates_the_reported_clause_not_the_statement():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "But traders said Friday's focus on the top stocks showed broad fears over the economy."
    )
    (focus,) = _by_sentence(_mentions(text), "But traders")
    assert (focus.trigger, focus.date.value) == ("showed", "2023-03-10")


def test_a_possessive_day_in_a_copular_predicate_dates_the_clause():
    # "were among Friday's offerings": the listing is Friday's, not the publication day's
    text = "Acme has opened a new plant in Kell.\n\nThe largest gain was Monday's rise in steel shares."
    mentions = _by_sentence(_mentions(text), "The largest gain")
    assert [m.date.value for m in mentions] == ["2023-03-13"]


def test_a_fall_in_a_company_figure_is_not_a_market_close():
    text = (
        "Acme shares slid after the company cut its forecast.\n\n"
        "Stock prices fell sharply in active trading.\n\n"
        "Acme's production fell 8.4% as demand weakened."
    )
    mentions = _mentions(text, published="2023-03-13")
    (prices,) = _by_sentence(mentions, "Stock prices")
    assert prices.date.value == "2023-03-10"
    (production,) = _by_sentence(mentions, "Acme's production")
    assert production.date.value == "2023-03-13"


def test_four_letter_past_forms_are_past_tense_reports():
    # "died", "sued" are past forms as much as "resigned": the report is the publication day's news
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "Minister Rahn died in a hospital in Kell.\n\n"
        "The union sued the company over the plant."
    )
    mentions = _mentions(text)
    for start in ("Minister Rahn died", "The union sued"):
        (mention,) = _by_sentence(mentions, start)
        assert (mention.date.value, mention.date_rule) == (PUBLISHED, "publication-implicit.past"), start


def test_words_in_eed_are_not_past_forms():
    from timeline.text import is_past_form

    assert [w for w in ("died", "used", "sued", "owed", "tied") if not is_past_form(w)] == []
    assert [w for w in ("need", "seed", "feed", "reed", "shed", "aged") if is_past_form(w)] == []


def test_a_changeable_condition_holding_now_is_the_days_news():
    text = (
        "Floods have cut the valley road near Kell.\n\n"
        "The border crossing is open.\n\n"
        "The driver of the bus is in critical condition.\n\n"
        "Minister Rahn remains in Kell.\n\n"
        "The villages are totally dependent on aid.\n\n"
        "Norland still has 300 soldiers in the valley.\n\n"
        "Dorn remains at-large and police admit they do not know where he is."
    )
    mentions = _mentions(text)
    starts = (
        "The border",
        "The driver",
        "Minister Rahn remains",
        "The villages",
        "Norland still",
        "Dorn remains",
    )
    for start in starts:
        (mention,) = _by_sentence(mentions, start)
        assert (mention.date.value, mention.date_rule) == (PUBLISHED, "publication-implicit.state"), start
        assert mention.earliest == date(2023, 3, 14)
    (border,) = _by_sentence(mentions, "The border")
    assert "a condition the article reports as holding now" in explain_mention(border)


def test_properties_opinions_and_places_of_things_are_not_conditions():
    text = (
        "Floods have cut the valley road near Kell.\n\n"
        "The source for the figures is the embassy.\n\n"
        "Kell is in Norland.\n\n"
        "It is unclear how the road will be repaired.\n\n"
        "The town still wants a railway station.\n\n"
        "The company has 400 employees.\n\n"
        "The costs are at least covered by the insurers.\n\n"
        "The station is in the north of the city."
    )
    mentions = _mentions(text)
    unchanging = (
        "The source",
        "Kell is",
        "It is unclear",
        "The town",
        "The company has",
        "The costs",
        "The station",
    )
    for start in unchanging:
        assert all(m.date_rule != "publication-implicit.state" for m in _by_sentence(mentions, start)), start
    assert _by_sentence(mentions, "The source") == _by_sentence(mentions, "Kell is") == []


def test_a_present_clause_beside_a_past_date_is_the_days_news_and_the_date_keeps_its_own_event():
    # "expects" happens now; "last year" belongs to the sales it compares with
    text = "Minister Rahn has opened a new road.\n\nAcme also expects its sales to grow from 20% last year."
    mentions = _by_sentence(_mentions(text), "Acme also")
    assert {(m.date.value, m.date_source) for m in mentions if m.date} == {
        ("2022", "expression"),
        (PUBLISHED, "publication-implicit"),
    }
    (now,) = [m for m in mentions if m.date_source == "publication-implicit"]
    assert now.trigger == "expects" and now.date_rule == "publication-implicit.beside-date"
    assert explain_mention(now).startswith(
        "no date of its own in the clause: the sentence's date belongs to what the clause names"
    )


def test_a_date_in_the_subject_stays_the_clauses_own_when_a_plural_noun_reads_as_a_verb():
    # "attacks" after "The almost simultaneous" is the subject's noun, not a present verb: the blasts of
    # the date killed people; nothing here is news of the publication day
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "The almost simultaneous attacks March 7 at the offices in Kell and Norby killed 25 people."
    )
    mentions = _by_sentence(_mentions(text), "The almost")
    assert mentions and all(m.date_source == "expression" for m in mentions)
    assert {m.date.value for m in mentions} == {"2023-03-07"}


def test_a_day_in_the_possessive_dates_the_happening_a_noun_made_from_a_verb_names():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "Acme shareholders responded coolly to yesterday's announcement.\n\n"
        "Tuesday's paper printed the figures in full.\n\n"
        "Acme makes the engines of today's regional jets."
    )
    mentions = _mentions(text)
    told = {(m.trigger, m.date.value) for m in _by_sentence(mentions, "Acme shareholders") if m.date}
    assert ("announcement", "2023-03-14") in told
    assert all(m.trigger != "paper" for m in _by_sentence(mentions, "Tuesday's paper"))
    # "regional" is no noun made from a verb: "today's" names no happening here
    assert all(m.expression is None for m in _by_sentence(mentions, "Acme makes"))


def test_a_present_perfect_beside_a_later_date_is_the_days_news():
    # the invitation is news now; May 2 is the ceremony's day
    text = "Minister Rahn has invited the mayors of Kell and Norby to a ceremony in Kell on May 2."
    told = {(m.date.value, m.date_source, m.status) for m in _mentions(text) if m.date}
    assert told == {("2023-05-02", "expression", "expected"), (PUBLISHED, "publication-implicit", "reported")}


def test_a_date_in_what_was_said_does_not_date_the_statement_through_a_verb_chain():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "Acme said it continues to hold to its goal of a 50% share by 2030."
    )
    told = {(m.trigger, m.date.value) for m in _by_sentence(_mentions(text), "Acme said") if m.date}
    assert ("said", PUBLISHED) in told


def test_a_participle_before_to_and_a_gerund_is_no_plan():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "The union is opposed to closing the plant.\n\n"
        "The plant is expected to close in May."
    )
    mentions = _mentions(text)
    (opposed,) = _by_sentence(mentions, "The union")
    assert (opposed.date.value, opposed.date_rule) == (PUBLISHED, "publication-implicit.present")
    assert all(m.date is None or m.date.value != PUBLISHED for m in _by_sentence(mentions, "The plant is"))


def test_a_coordinated_main_clause_beside_background_has_its_own_tense():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "Norland has been a republic since 1901, but it still recognizes the old crown.\n\n"
        "The mill had closed years ago, and the town has lost half its people.\n\n"
        "In June 2019 the council fell apart, and the mayor was arrested."
    )
    mentions = _mentions(text)
    for start, word in (("Norland has", "recognizes"), ("The mill", "lost")):
        news = [m for m in _by_sentence(mentions, start) if m.date_source == "publication-implicit"]
        assert [(m.date.value, m.trigger) for m in news] == [(PUBLISHED, word)], start
    # an opening date frames both clauses: the arrest is not the publication day's
    assert all(m.date is None or m.date.value != PUBLISHED for m in _by_sentence(mentions, "In June"))


def test_there_have_been_is_what_the_news_finds_now():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "There have been no arrests in the case.\n\n"
        "There have been floods in the valley for centuries."
    )
    mentions = _mentions(text)
    (found,) = _by_sentence(mentions, "There have been no")
    assert (found.date.value, found.date_rule) == (PUBLISHED, "publication-implicit.perfect")
    assert _by_sentence(mentions, "There have been floods") == []  # a long stretch: background


def test_a_possessive_day_on_a_reported_subject_made_from_a_verb_still_dates_the_clause():
    text = (
        "Acme has opened a new plant in Kell.\n\n"
        "Traders said Friday's selling was a natural result of the week's rally."
    )
    told = [m.date.value for m in _by_sentence(_mentions(text), "Traders") if m.date]
    assert told == ["2023-03-10"]  # Friday's; the statement is not the publication day's


def test_a_plural_noun_opening_the_sentence_is_its_subject_not_its_verb():
    text = "Minister Rahn has opened a new road.\n\nTalks resumed between Acme and the union."
    (talks,) = _by_sentence(_mentions(text), "Talks")
    assert talks.date_rule == "publication-implicit.past"  # "resumed" is the verb, not "Talks"


def test_a_happening_noun_dated_apart_from_the_verb_is_titled_by_its_own_words():
    # the condemnation is Saturday's, the attacks Friday's: Friday's event must not read "Norland condemned"
    mentions = _mentions("Norland on Saturday condemned the attacks on two offices in Kell on Friday.")
    titles = {m.date.value: m.title for m in mentions if m.date}
    assert titles == {
        "2023-03-11": "Norland condemned the attacks on two offices in Kell",
        "2023-03-10": "The attacks on two offices in Kell",
    }


def test_a_perfect_progressive_is_news_going_on_up_to_now():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "Fuel prices have been falling across Norland.\n\n"
        "Acme has been selling jets for more than forty years.\n\n"
        "The bridge has been the pride of the town."
    )
    mentions = _mentions(text)
    (falling,) = _by_sentence(mentions, "Fuel prices")
    assert (falling.date.value, falling.date_rule) == (PUBLISHED, "publication-implicit.perfect")
    assert _by_sentence(mentions, "Acme has been selling") == []  # a long stretch: background
    assert _by_sentence(mentions, "The bridge") == []  # a state


def test_a_report_beside_the_days_of_its_plans_is_the_publication_days_news():
    # the days are the plans'; announcing them is what happened, on the publication day
    text = (
        "Acme declared a dividend of five cents a share, payable March 30.\n\n"
        "Minister Rahn has opened a new road.\n\n"
        "Norland Bank said it will redeem its notes on March 20.\n\n"
        "Kell Mills said the plant closed on Monday."
    )
    mentions = _mentions(text)
    for start in ("Acme declared", "Norland Bank"):
        (news,) = [m for m in _by_sentence(mentions, start) if m.date_source == "publication-implicit"]
        assert (news.date.value, news.date_rule) == (PUBLISHED, "publication-implicit.beside-plan"), start
        assert explain_mention(news).startswith(
            "no date of its own in the clause: the sentence's days all lie after its publication"
        )
    (plan,) = [m for m in _by_sentence(mentions, "Norland Bank") if m.date_source == "expression"]
    assert plan.date.value == "2023-03-20"
    # beside a past day the statement stays undated: its day is the story's or the paper's, unmarked
    assert all(m.date_source == "expression" for m in _by_sentence(mentions, "Kell Mills") if m.date)


def test_a_pronoun_contracted_with_its_auxiliary_gives_the_tense():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "They're talking about new tolls in Kell.\n\n"
        "He's been arrested twice since the opening."
    )
    mentions = _mentions(text)
    (talking,) = _by_sentence(mentions, "They're")
    assert (talking.date.value, talking.date_rule) == (PUBLISHED, "publication-implicit.progressive")
    assert _by_sentence(mentions, "He's been") == []  # "'s been" is "has been": since the opening, background


def test_an_opening_mark_inside_a_quotation_reopens_it_and_the_text_after_the_closing_mark_is_read():
    # one paragraph holding two quoted sentences, the second re-opened with its own opening mark: toggling
    # on every mark would leave the quotation open for the rest of the article
    text = (
        "Minister Rahn has opened a new road. Replied a Kell official, ``We have not seen the plan. "
        "``We believe it is too costly.'' Acme said it would sell its plant."
    )
    (sold,) = _by_sentence(_mentions(text), "Acme said")
    assert (sold.date.value, sold.trigger) == (PUBLISHED, "said")


def test_a_perfect_over_a_recent_stretch_is_news_and_over_years_background():
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "In the past two months, fuel prices in Norland have fallen by twelve percent.\n\n"
        "Acme has employed families in the valley for more than eighty years."
    )
    mentions = _mentions(text)
    (fallen,) = _by_sentence(mentions, "In the past two months")
    assert (fallen.date.value, fallen.date_rule) == (PUBLISHED, "publication-implicit.perfect")
    assert _by_sentence(mentions, "Acme has employed") == []


def test_a_present_report_in_an_aside_is_the_publication_days_statement():
    text = (
        "Storms hit the coast of Norland on Monday.\n\n"
        "The real problem with the dam, engineers now say, was its age.\n\n"
        "On behalf of Acme, the secretary of state, Ana Vos, signed the treaty."
    )
    mentions = _mentions(text)
    (say,) = _by_sentence(mentions, "The real problem")
    assert (say.date.value, say.date_rule, say.trigger) == (
        PUBLISHED,
        "publication-implicit.report-present",
        "say",
    )  # not Monday's story: the engineers say it now
    # "secretary of state" names an office, no aside: the signing is the sentence's act
    (signed,) = _by_sentence(mentions, "On behalf")
    assert (signed.trigger, signed.date_rule) == ("signed", "publication-implicit.past")


def test_an_aside_beside_a_clause_of_its_own_date_leaves_the_clause_the_act():
    text = "The plant closed on Monday, officials say, after a fire.\n\nWorkers left the site in buses."
    mentions = _mentions(text)
    (closed,) = _by_sentence(mentions, "The plant")
    assert (closed.date.value, closed.trigger) == ("2023-03-13", "closed")
    (left,) = _by_sentence(mentions, "Workers")
    assert (left.date.value, left.date_source) == ("2023-03-13", "narrative")  # Monday's story goes on


def test_a_closing_present_report_is_said_now_and_a_reporting_noun_closes_nothing():
    text = (
        "Storms hit the coast of Norland on Monday.\n\n"
        "The dam was built too low, engineers say.\n\n"
        "Acme did not explain the delay, and a company official declined further comment."
    )
    mentions = _mentions(text)
    (say,) = _by_sentence(mentions, "The dam")
    assert (say.date.value, say.trigger, say.date_rule) == (
        PUBLISHED,
        "say",
        "publication-implicit.report-present",
    )  # not Monday's story: the engineers say it now
    # "comment" after "declined further" is the object of another verb, no closing report
    assert all(m.trigger != "comment" for m in _by_sentence(mentions, "Acme did not"))


def test_a_coarse_date_in_what_a_report_says_is_not_the_reports_date():
    # the year is the performance's; the statement itself is the publication day's news, not "this year"'s
    text = (
        "Minister Rahn has opened a new road.\n\n"
        "An analyst at Acme said that its performance this year has been poor."
    )
    mentions = _by_sentence(_mentions(text), "An analyst")
    assert all(m.trigger != "said" for m in mentions if m.date_source == "expression")
    (said,) = [m for m in mentions if m.date_source == "publication-implicit"]
    assert (said.trigger, said.date.value) == ("said", PUBLISHED)

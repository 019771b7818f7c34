"""A sentence printed again (wire copies, templated records) is read once: the reuse must be exact.

``events.analysis`` keeps the text-only part of a sentence's analysis and ``events.extract`` a dated
sentence's mentions, both by text and relative offsets; an article read with those kept readings must
give exactly the mentions it gives when every sentence is read afresh (issue 13: behaviour-preserving).
"""

from __future__ import annotations

from dataclasses import fields, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.build import read_article
from timeline.events import analysis, extract
from timeline.events.analysis import _QUOTE, _analyse_tokens, _analysis_with_dates, quote_marks
from timeline.text import tokenize
from timeline.types import Article, EventMention, Published, Sentence

# invented sentences: dated clauses, nouns with dates, statements, relative clauses, undated reports
_SENTENCES = [
    "Minister Rahn met the Acme board in Norland on Monday.",
    "The council of Westholm approved the harbour plan on 14 February 2022.",
    "Officials said on Tuesday that the talks would resume next week.",
    "The strike began last month and ended on Friday, the union said.",
    "Acme shares fell 4 percent in the quarter ended in June.",
    "Friday's vote was delayed, a ministry spokesperson said.",
    "Rahn, who arrived on Sunday, signed the accord in Portvale.",
    "Norland condemned the bombing of the harbour.",
    '"We will not sign," Rahn said on Wednesday.',
    "According to Acme, the plant closed in March 2021.",
    "The talks collapsed yesterday.",
    "Westholm has approved the plan.",
]
_PUBLISHED = ["2022-02-15", "2022-03-01", "2021-11-30", None]


def _article(number: int, picks: list[int], separators: list[str], published: str | None) -> Article:
    text = "".join(_SENTENCES[i] + sep for i, sep in zip(picks, separators, strict=True)).strip()
    when = Published(value=published, source="metadata") if published else Published()
    return Article(id=f"a{number}", path=f"a{number}.txt", text=text, body=[(0, len(text))], published=when)


def _comparable(mention: EventMention) -> tuple:
    # every field, the ones left out of ``==`` too (``trigger_context``)
    return tuple(getattr(mention, f.name) for f in fields(EventMention))


def _clear_kept_readings() -> None:
    analysis._text_readings.clear()
    extract._dated_readings.clear()
    extract._main_verbs.clear()
    extract._undated_readings.clear()
    extract._trigger_contexts.clear()
    analysis._analysis_with_dates.cache_clear()


def _read_afresh(article: Article) -> list[tuple]:
    """The article's mentions with every sentence read afresh: nothing kept between sentences."""
    sizes = analysis.TEXT_READINGS, extract.DATED_READINGS
    analysis.TEXT_READINGS = extract.DATED_READINGS = 0
    try:
        _clear_kept_readings()
        return [_comparable(m) for m in read_article(article)[2]]
    finally:
        analysis.TEXT_READINGS, extract.DATED_READINGS = sizes


_ARTICLES = st.lists(
    st.tuples(
        st.lists(st.integers(0, len(_SENTENCES) - 1), min_size=1, max_size=8),
        st.sampled_from(_PUBLISHED),
        st.sampled_from([" ", "\n", "\n\n", "  "]),
    ),
    min_size=2,
    max_size=5,
)


@settings(max_examples=40, deadline=None)
@given(_ARTICLES)
def test_reused_readings_equal_fresh_ones(specs):
    articles = [
        _article(n, picks, [sep] * len(picks), published) for n, (picks, published, sep) in enumerate(specs)
    ]
    fresh = [_read_afresh(article) for article in articles]
    # read in turn with the readings kept: later articles repeat earlier sentences at other offsets,
    # after other sentences, under other publication dates
    _clear_kept_readings()
    kept = [[_comparable(m) for m in read_article(article)[2]] for article in articles]
    assert kept == fresh


def test_a_repeated_sentence_is_read_once_and_gets_its_own_article_and_offsets():
    _clear_kept_readings()
    first = _article(1, [0, 1], [" ", " "], "2022-02-15")
    second = _article(2, [2, 0, 1], [" ", " ", " "], "2022-02-15")  # the same two sentences, shifted
    before = len(extract._dated_readings)
    read_article(first)
    after_first = len(extract._dated_readings)
    mentions = read_article(second)[2]
    assert after_first > before
    assert len(extract._dated_readings) == after_first + 1  # only the new sentence was read
    council = next(m for m in mentions if "harbour" in m.title)
    assert council.document == "a2"
    assert council.sentence.document == "a2"
    assert second.text[council.expression.start : council.expression.end] == "14 February 2022"


def test_an_undated_sentence_seen_again_is_read_once_and_gets_its_own_article():
    _clear_kept_readings()
    # "The talks collapsed yesterday." is dated by the publication day: a mention without an expression
    articles = [_article(n, [10, 11], [" ", " "], "2022-02-15") for n in range(1, 4)]
    fresh = [_read_afresh(article) for article in articles]
    _clear_kept_readings()
    kept = [[_comparable(m) for m in read_article(article)[2]] for article in articles]
    assert kept == fresh
    templates = [m for m in extract._undated_readings.values() if m is not None]
    assert templates  # seen twice: kept; the third copy is made from it
    third = read_article(_article(4, [10, 11], [" ", " "], "2022-02-15"))[2]
    assert {m.document for m in third} == {"a4"}
    assert all(m.sentence.document == "a4" for m in third)
    assert all(m.title.startswith(("The talks", "Westholm")) for m in third)


_WORDS = st.sampled_from(
    [
        "According",
        "to",
        "Acme",
        ",",
        "Rahn",
        "said",
        "on",
        "Monday",
        "that",
        "the",
        "plant",
        ",",
        "which",
        "closed",
        ",",
        '"reopened"',
        ";",
        "and",
    ]
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_WORDS, max_size=14),
    st.integers(0, 300),
    st.lists(st.tuples(st.integers(-5, 60), st.integers(0, 20)), max_size=3),
)
def test_an_analysis_from_a_kept_reading_is_the_one_read_in_place(words, start, spans):
    # a copy's analysis made from a kept reading must be the one made reading the sentence where it stands
    text = " ".join(words)
    sentence = Sentence(
        document="d", index=0, start=start, end=start + len(text), text=text, paragraph=0, line=1
    )
    skipped = tuple((start + lo, start + lo + length) for lo, length in spans)
    _clear_kept_readings()
    # the kept reading is the first copy's, read at another offset: the one asked for is shifted from it
    elsewhere = Sentence(
        document="e", index=3, start=start + 37, end=start + 37 + len(text), text=text, paragraph=1, line=2
    )
    _analysis_with_dates(elsewhere, tuple((lo + 37, hi + 37) for lo, hi in skipped))
    shifted = _analysis_with_dates(sentence, skipped)
    # offsets in an analysis are relative to its sentence (``offset`` is where the sentence starts)
    within = tuple((lo, lo + length) for lo, length in spans)
    in_place = _analyse_tokens(tokenize(text), within, _QUOTE.search(text) is not None)
    assert shifted.tokens == in_place.tokens
    assert (shifted.ignored, shifted.clauses, shifted.verbs) == (
        in_place.ignored,
        in_place.clauses,
        in_place.verbs,
    )
    assert (shifted.text, shifted.offset) == (text, start)
    # the quotation marks, found once for both copies, are where a fresh look finds them in this one
    fresh = tuple((m.start(), m.group()) for m in _QUOTE.finditer(text))
    assert quote_marks(shifted) == fresh == quote_marks(replace(shifted, marks=None))


def test_a_build_keeps_no_sentence_readings_once_its_articles_are_read():
    # memory: the tables serve the reading stage; the merge and everything after never read them
    from timeline.build import build_timeline

    articles = [_article(n, [0, 1, 2], [" ", " ", " "], "2022-02-15") for n in range(3)]
    timeline = build_timeline(articles)
    assert timeline.events
    assert not analysis._text_readings and not extract._dated_readings and not extract._main_verbs
    assert not extract._trigger_contexts


def test_a_kept_trigger_context_is_the_one_read_afresh():
    # the same sentences under other publication dates, after other sentences, at other offsets: each
    # mention's trigger context (what the merge compares) is the one its own sentence gives
    _clear_kept_readings()
    articles = [
        _article(1, [7, 2, 9], [" "] * 3, "2022-02-15"),
        _article(2, [3, 7, 9, 2], ["\n\n"] * 4, "2021-11-30"),
        _article(3, [9, 7], [" ", " "], None),
    ]
    fresh = [_read_afresh(article) for article in articles]
    _clear_kept_readings()
    kept = [read_article(article)[2] for article in articles]
    assert [[_comparable(m) for m in mentions] for mentions in kept] == fresh
    assert extract._trigger_contexts  # the first article's contexts served the later copies
    bombing = [m for mentions in kept for m in mentions if m.trigger == "bombing"]
    assert len(bombing) == 3 and all(m.trigger_context == bombing[0].trigger_context for m in bombing)
    assert bombing[0].trigger_context[1] == "condemn"  # the noun is what Norland condemned


def test_a_sentence_is_kept_from_its_second_sighting_on():
    # real news prints most sentences once: their first reading is only marked, not kept (speed, issue #13)
    # "The talks collapsed yesterday." is dated, "Westholm has approved the plan." is not
    _clear_kept_readings()
    read_article(_article(1, [10, 11], [" ", " "], "2022-02-15"))
    assert set(analysis._text_readings.values()) == {analysis.SEEN_ONCE}
    assert list(extract._main_verbs.values()) == [analysis.SEEN_ONCE] * 2
    read_article(_article(2, [10, 11], [" ", " "], "2022-02-15"))
    kept = list(analysis._text_readings.values())
    assert kept and all(isinstance(a, analysis._Analysis) for a in kept)
    # the undated sentence's main verb is kept from its second sighting; the dated one's is kept from the
    # first with its turn (``_turn``), in its dated reading, and not asked of the main verbs' table again
    assert [v is analysis.SEEN_ONCE for v in extract._main_verbs.values()] == [True, False]
    assert [len(template[4].turns) for template in extract._dated_readings.values()] == [1]
    # the third copy is read from the kept ones, and is the same as a fresh reading
    third = _article(3, [10, 11], [" ", " "], "2022-02-15")
    assert [_comparable(m) for m in read_article(third)[2]] == _read_afresh(third)


# A story where the same dated sentence is resolved differently around the same date: "the quarter" is
# counted from an earlier mention in one article and from the publication date in another.
_STORY = [
    "Acme reported a loss in the quarter ended in September.",
    "Acme shares fell in the quarter, the company said on Tuesday.",
    "Minister Rahn met the Acme board in Norland on 14 February 2022.",
    "Officials said the talks would resume next week, after the vote on 3 March.",
    "In December 1940 the council of Westholm approved the harbour plan.",
    "In March the council opened the harbour.",
]


def _dated_read_fields(articles: list[Article], monkeypatch) -> set[str]:
    """The fields of its dates ``_dated_mentions`` and ``_turn`` (kept with its reading) read while
    ``articles`` are read afresh."""
    from timeline.types import TimeExpression

    read: set[str] = set()
    reading = [False]
    get = TimeExpression.__getattribute__

    def recording(self, name):
        if reading[0]:
            read.add(name)
        return get(self, name)

    def recorded(original):
        def reader(*args, **kwargs):
            reading[0] = True
            try:
                return original(*args, **kwargs)
            finally:
                reading[0] = False

        return reader

    monkeypatch.setattr(TimeExpression, "__getattribute__", recording)
    monkeypatch.setattr(extract, "_dated_mentions", recorded(extract._dated_mentions))
    monkeypatch.setattr(extract, "_turn", recorded(extract._turn))
    monkeypatch.setattr(extract, "DATED_READINGS", 0)  # every dated sentence read afresh
    _clear_kept_readings()
    for article in articles:
        read_article(article)
    return read


def test_a_dated_sentence_is_read_through_the_fields_of_its_key_only(monkeypatch):
    # the key of ``_dated_mentions_once`` leaves out how a date was resolved: complete only if
    # ``_dated_mentions`` and ``_turn`` never read those fields (issue #9: they multiplied the templated
    # array's keys)
    texts = [*_SENTENCES, *_STORY]
    articles = [
        Article(
            id=f"s{n}",
            path=f"s{n}.txt",
            text=" ".join(texts[n:] + texts[:n]),
            body=[(0, len(" ".join(texts)))],
            published=Published(value=published, source="metadata") if published else Published(),
        )
        for n, published in enumerate(["2022-02-15", "2021-11-30", None, "2022-06-01"])
    ]
    read = _dated_read_fields(articles, monkeypatch)
    assert {"start", "end", "value"} <= read  # the dates were read
    key_fields = {"start", "end", "modifies_noun", "text", "type", "value", "granularity"}
    assert read <= key_fields, read - key_fields


def test_the_same_dated_sentence_resolved_another_way_is_read_as_afresh():
    # "the quarter" resolved from the earlier mention in one article, from the publication date in the
    # other; the same sentence after a story's date and after none: each copy is what a fresh reading gives
    stories = [
        _story_article(1, [0, 1, 4, 5], "2022-10-20"),
        _story_article(2, [1, 5], "2022-10-20"),
        _story_article(3, [4, 1, 5, 0], "2022-10-20"),
        _story_article(4, [5, 1], "2022-11-02"),
    ]
    fresh = [_read_afresh(article) for article in stories]
    _clear_kept_readings()
    kept = [[_comparable(m) for m in read_article(article)[2]] for article in stories]
    assert kept == fresh
    # "the quarter" of "Acme shares fell ..." is counted from the earlier mention in the first article and
    # from the publication date in the second: the same date resolved two ways, one kept reading
    _clear_kept_readings()
    first = read_article(stories[0])[1]
    before = len(extract._dated_readings)
    second = read_article(_story_article(5, [1], "2022-10-20"))[1]  # that sentence alone, the same day
    assert len(extract._dated_readings) == before  # its one dated sentence was read from the kept one
    quarter_first = next(e for e in first if e.text == "the quarter" and e.start > len(_STORY[0]))
    quarter_second = next(e for e in second if e.text == "the quarter")
    assert (quarter_first.anchor, quarter_second.anchor) == ("mention", "publication")
    assert quarter_first.value == quarter_second.value


def _story_article(number: int, picks: list[int], published: str) -> Article:
    text = " ".join(_STORY[i] for i in picks)
    when = Published(value=published, source="metadata")
    return Article(id=f"t{number}", path=f"t{number}.txt", text=text, body=[(0, len(text))], published=when)


def test_a_sentence_in_a_lead_or_not_with_a_title_or_without_is_read_as_afresh():
    # the same sentences as a headline, as the lead's first sentence and deep in the body, in articles
    # with and without a title: whether a sentence is the lead or the headline is never kept with it
    def titled(number: int, picks: list[int], title: str | None) -> Article:
        return _titled_article(f"h{number}", "\n\n".join(_SENTENCES[i] for i in picks), "2022-02-15", title)

    articles = [
        titled(1, [4, 0, 2], _SENTENCES[4]),  # "Acme shares fell ..." as the headline, restating the lead
        titled(2, [5, 6, 10, 0, 2, 4], None),  # the same sentences, "Acme shares fell ..." deep in the body
        titled(3, [4, 10, 2], "Acme board meets"),  # the lead's first sentence under another title
        titled(4, [2, 0, 10, 6, 5, 4], "Acme shares fell"),
    ]
    fresh = [_read_afresh(article) for article in articles]
    _clear_kept_readings()
    kept = [read_article(article)[2] for article in articles]
    assert [[_comparable(m) for m in mentions] for mentions in kept] == fresh
    # unlike turns of one sentence were compared: dated as the lead's news in one article, as a past
    # report in another
    fell = [[m.date_rule for m in mentions if m.trigger == "fell"] for mentions in kept]
    assert fell[1] == ["publication-implicit.past"] and fell[2] == ["publication-implicit.lead"]


def test_a_kept_turn_serves_the_same_open_quotation_headline_and_publication_day_only():
    # a kept turn (``_turn``) is the copy's only for the same open quotation, headline and publication day:
    # the same dated sentences after a quotation left open and after none, as the headline and not, in an
    # article with a publication day and in one without (whose latest date is that day: the same reference)
    opening = '"The vote was fair, Rahn said on Monday.'  # opens a quotation it does not close
    # a present clause beside a past date: a statement of the publication day, when the article has one
    expects = "Acme expects sales to grow from 20% in 2021."
    meeting = "Minister Rahn met the Acme board on 15 February 2022."  # the latest date: the reference

    def article(number: int, picks: list[int | str], published: str | None, title: str | None) -> Article:
        text = " ".join(p if isinstance(p, str) else _SENTENCES[p] for p in picks)
        return _titled_article(f"q{number}", text, published, title)

    articles = [
        article(1, [opening, 8, 3, 5], "2022-02-15", None),
        article(2, [8, 3, 5, opening], "2022-02-15", _SENTENCES[8]),
        article(3, [opening, 3, 8, 5, 1], None, None),
        article(4, [1, 3, 5, 8], "2022-02-14", _SENTENCES[3]),
        article(5, [opening, 5, 8, 3], "2022-02-15", _SENTENCES[5]),
        article(6, [meeting, expects], None, None),
        article(7, [expects, meeting], "2022-02-15", None),
    ]
    fresh = [_read_afresh(a) for a in articles]
    _clear_kept_readings()
    kept = [[_comparable(m) for m in read_article(a)[2]] for a in articles]
    assert kept == fresh
    turns = [key for template in extract._dated_readings.values() for key in template[4].turns]
    assert {key[0] for key in turns} == {False, True} and {key[1] for key in turns} == {False, True}


def _titled_article(article_id: str, text: str, published: str | None, title: str | None) -> Article:
    """An article of ``text`` with its title and its publication day (None: none known)."""
    when = Published(value=published, source="metadata") if published else Published()
    return Article(
        id=article_id, path=f"{article_id}.txt", text=text, body=[(0, len(text))], title=title, published=when
    )

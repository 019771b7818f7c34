"""Sentence and paragraph splitting: offsets, abbreviations, line numbers, boilerplate on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.readers import read_article, read_paths
from timeline.sentences import split_sentences
from timeline.types import Article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def article_of(text: str, body: list[tuple[int, int]] | None = None) -> Article:
    return Article(id="doc", path="doc.txt", text=text, body=body if body is not None else [(0, len(text))])


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(article_of(text))]


def seed_article(prefix: str) -> Article:
    [article] = read_article(next(SEEDS.glob(f"{prefix}_*.txt")))
    return article


@pytest.mark.parametrize(
    "path", sorted(SEEDS.glob("*.txt")) + sorted(INPUTS.glob("*.t*")), ids=lambda p: p.name
)
def test_offsets_are_exact_and_inside_the_body(path):
    for article in read_paths([str(path)]):
        sentences = split_sentences(article)
        assert sentences
        for index, sentence in enumerate(sentences):
            assert article.text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip()
            assert sentence.index == index
            assert sentence.document == article.id
            assert any(start <= sentence.start and sentence.end <= end for start, end in article.body)
            assert sentence.line == article.text.count("\n", 0, sentence.start) + 1


def test_header_is_not_a_sentence():
    sentences = split_sentences(seed_article("000"))
    assert sentences[0].text.startswith("Belarusian Defense Minister Viktor Khrenin has assured")
    assert all("date 2022-02" not in sentence.text for sentence in sentences)
    assert all(sentence.text != "UrduPoint.com" for sentence in split_sentences(seed_article("002")))


def test_abbreviations_initials_numbers_do_not_end_sentences():
    assert texts(
        "Mr. Ode met Gen. A. B. Kova on Feb. 15 at 3.30 p.m. in Room No. 5 with Dr. Lee. "
        "The U.S. envoy paid $2.5 million. They left."
    ) == [
        "Mr. Ode met Gen. A. B. Kova on Feb. 15 at 3.30 p.m. in Room No. 5 with Dr. Lee.",
        "The U.S. envoy paid $2.5 million.",
        "They left.",
    ]


def test_acronym_at_the_end_of_a_sentence_before_a_common_opener():
    assert texts("The team flew to the U.S. The match is on Sunday.") == [
        "The team flew to the U.S.",
        "The match is on Sunday.",
    ]


def test_quotes_exclamations_questions_and_ellipses():
    assert texts('"Is it over?" he asked. "Yes!" She smiled... Then rain came. «Done.» They went home.') == [
        '"Is it over?" he asked.',
        '"Yes!"',
        "She smiled...",
        "Then rain came.",
        "«Done.»",
        "They went home.",
    ]


def test_each_line_is_a_paragraph_with_blank_or_single_newlines():
    text = "First line here.\nSecond line. Still second.\n\nThird line\n"
    sentences = split_sentences(article_of(text))
    assert [(s.text, s.paragraph, s.line) for s in sentences] == [
        ("First line here.", 0, 1),
        ("Second line.", 1, 2),
        ("Still second.", 1, 2),
        ("Third line", 2, 4),
    ]


def test_crlf_line_endings():
    text = "One sentence here.\r\n\r\nAnother one. A third.\r\n"
    sentences = split_sentences(article_of(text))
    assert [(s.text, s.paragraph, s.line) for s in sentences] == [
        ("One sentence here.", 0, 1),
        ("Another one.", 1, 3),
        ("A third.", 1, 3),
    ]
    assert all("\r" not in s.text for s in sentences)


def test_hard_wrapped_text_keeps_sentences_across_line_breaks():
    text = (
        "The regional council said on Thursday that the new\n"
        "water treatment plant would open next spring, after\n"
        "a delay caused by supply problems. The cost rose to\n"
        "about forty million.\n"
        "\n"
        "Residents had complained about the taste of tap water\n"
        "for years, according to a survey published last year.\n"
    )
    sentences = split_sentences(article_of(text))
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert sentences[0].text.endswith("supply problems.")
    assert sentences[0].text.startswith("The regional council")
    assert sentences[1].text == "The cost rose to\nabout forty million."
    assert sentences[2].line == 6


def test_a_list_of_related_headlines_is_not_mistaken_for_wrapped_text():
    text = (
        "The council approved the budget on Monday.\n\n"
        "The vote was close, with nine members in favour and eight against.\n\n"
        "Related stories\n"
        "Council members clash over the cost of the new sports centre\n"
        "Residents petition for more frequent night buses in the east\n"
        "Mayor promises a review of parking charges before the summer\n"
    )
    sentences = split_sentences(article_of(text))
    assert [s.paragraph for s in sentences] == [0, 1, 2, 3, 4, 5]
    assert [s.boilerplate for s in sentences] == [False, False, True, True, True, True]


def test_only_body_regions_are_split():
    text = "HEADER STUFF\nThe body starts here. It ends here.\nFOOTER"
    start = text.index("The body")
    end = text.index("\nFOOTER")
    assert [s.text for s in split_sentences(article_of(text, [(start, end)]))] == [
        "The body starts here.",
        "It ends here.",
    ]


def test_seed_003_message_to_readers_is_boilerplate():
    sentences = split_sentences(seed_article("003"))
    marker = next(s for s in sentences if s.text.startswith("A Message from"))
    assert all(not s.boilerplate for s in sentences if s.start < marker.start)
    assert all(s.boilerplate for s in sentences if s.start >= marker.start)
    assert sentences[-1].text == "Remind me later."
    assert sum(not s.boilerplate for s in sentences) == 14


def test_seed_001_read_time_and_post_navigation_are_boilerplate():
    sentences = split_sentences(seed_article("001"))
    flagged = [s.text for s in sentences if s.boilerplate]
    assert flagged[0] == "5 mins"
    previous = next(s for s in sentences if s.text == "Previous post")
    assert all(s.boilerplate for s in sentences if s.start >= previous.start)
    assert flagged[-1] == "Related Posts"
    article_sentences = [s for s in sentences if s.text != "5 mins" and s.start < previous.start]
    assert article_sentences and not any(s.boilerplate for s in article_sentences)


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_clean_seeds_have_no_boilerplate(prefix):
    assert not any(s.boilerplate for s in split_sentences(seed_article(prefix)))


def test_large_input_is_split():
    paragraph = "The committee met on Monday. Mr. Vale said the plan, worth $4.5 million, was approved.\n"
    text = paragraph * 2000
    sentences = split_sentences(article_of(text))
    assert len(sentences) == 4000
    assert sentences[-1].line == 2000


def test_wire_codes_are_trimmed_from_sentence_ends_and_code_only_sentences_dropped():
    text = (
        "VALEMOOR, March 5 (Coastline Wire) _\n"
        "The council voted on Friday. &QL; &UR; It met for six hours.\n"
        "&UR;\n"
        "&LR; ``We listened,'' the leader said. &QL;\n"
        "Tickets cost &pound;4 &amp; more.\n"
    )
    sentences = split_sentences(article_of(text))
    assert [s.text for s in sentences] == [
        "VALEMOOR, March 5 (Coastline Wire) _",
        "The council voted on Friday.",
        "It met for six hours.",
        "``We listened,'' the leader said.",
        "Tickets cost &pound;4 &amp; more.",  # HTML entities are text, not wire codes
    ]
    assert [s.index for s in sentences] == [0, 1, 2, 3, 4]
    assert [s.line for s in sentences] == [1, 2, 2, 4, 5]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert sentences[0].boilerplate  # a dateline alone at the top


def test_wire_copy_fixture_keeps_codes_out_of_prose_sentences():
    [article] = read_article(INPUTS / "wire_codes.txt")
    prose = [s.text for s in split_sentences(article) if not s.boilerplate]
    assert prose == [
        "The regional council voted on Friday to keep the winter ferry running.",
        "``We listened to the islanders,'' the council leader said.",
        "The service costs &pound;2 million a year, the council said.",
    ]

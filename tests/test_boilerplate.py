"""Boilerplate: page furniture and appeals are flagged; article prose is not."""

from __future__ import annotations

import pytest

from timeline.boilerplate import classify_paragraphs, is_markup_code, line_reason, paragraph_reasons

STORY = [
    "Flood barriers go up along the canal",
    "The city began installing temporary flood barriers along the canal on Tuesday.",
    "Engineers expect the water level to peak on Thursday night, the mayor's office said.",
    "Schools near the canal will close for two days as a precaution.",
]


@pytest.mark.parametrize(
    "line",
    [
        "5 mins",
        "3 min read",
        "2 hours ago",
        "Updated 10:30 GMT",
        "14:05",
        "Facebook Twitter WhatsApp",
        "Share on Facebook",
        "Telegram",
        "Read more",
        "Skip to main content",
        "Remind me later.",
        "We use cookies to improve your browsing experience. By continuing you accept our privacy policy.",
        "© 2024 Example Media Ltd.",
        "Copyright 2023 The Harbour Herald. All rights reserved.",
        "If you value our reporting, please support us with a monthly donation from just $5.",
        "Subscribe to our newsletter to get the best stories in your inbox every morning.",
        "We need your help. Become a member today and keep independent journalism alive.",
        "Follow us on Telegram",
        "By Ana Ruiz and Tom Okafor",
        "(Reporting by Ana Ruiz; Editing by Tom Okafor)",
        "This article was originally published on 3 May 2021 and updated on 4 May.",
        "Firefighters at the scene on Monday. Photo by Ana Ruiz",
    ],
)
def test_furniture_lines_are_flagged(line):
    assert line_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "The city began installing temporary flood barriers along the canal on Tuesday.",
        "Donations to the flood relief fund reached $2 million, the charity said on Friday.",
        "Subscriptions to the streaming service fell by 5% last quarter, the company reported.",
        '"We need your help," the fire chief told volunteers at the shelter.',
        "The minister said she would support the new law.",
        "Flood barriers go up along the canal",
        "Copyright law was the main topic of the hearing, which lasted six hours and ended without a vote.",
        "By Monday evening, the water had receded from most streets.",
        "The report was published on Tuesday by the national audit office.",
    ],
)
def test_article_lines_are_not_flagged(line):
    assert line_reason(line) is None


def test_appeal_block_after_the_story_is_boilerplate_to_the_end():
    paragraphs = [
        *STORY,
        "A note from our editors:",
        "Our newsroom has covered the canal district for thirty years.",
        "Local reporting like this costs money to produce.",
        "Thank you for reading.",
    ]
    assert classify_paragraphs(paragraphs) == [False] * 4 + [True] * 4


def test_navigation_after_the_story_and_related_headlines_are_boilerplate():
    paragraphs = [
        *STORY,
        "Next article",
        "Council debates new parking fees",
        "Related stories",
        "Bus drivers vote on new contract",
    ]
    assert classify_paragraphs(paragraphs) == [False] * 4 + [True] * 4


def test_short_lines_after_the_last_prose_paragraph_are_boilerplate():
    paragraphs = [*STORY, "Weather", "Traffic updates", "Local sport"]
    reasons = paragraph_reasons(paragraphs)
    assert reasons[:4] == [None] * 4
    assert all(reason is not None for reason in reasons[4:])


def test_a_marker_before_any_prose_does_not_swallow_the_article():
    paragraphs = ["Related stories", *STORY[1:]]
    assert classify_paragraphs(paragraphs) == [True, False, False, False]


def test_headline_and_section_heading_inside_the_story_are_kept():
    paragraphs = [STORY[0], STORY[1], "What happens next", STORY[2], STORY[3]]
    assert classify_paragraphs(paragraphs) == [False] * 5


def test_sharing_line_between_story_paragraphs_is_flagged_alone():
    paragraphs = [STORY[0], STORY[1], "Share this article", STORY[2], STORY[3]]
    assert classify_paragraphs(paragraphs) == [False, False, True, False, False]


def test_an_inline_related_box_does_not_end_the_article():
    paragraphs = [
        STORY[1],
        STORY[2],
        "Related stories",
        "Council debates new parking fees",
        "Bus drivers vote on new contract",
        "Later on Tuesday, volunteers filled sandbags at three depots across the northern districts.",
        "The regional weather service warned that more rain could fall over the weekend.",
    ]
    assert classify_paragraphs(paragraphs) == [False, False, True, True, True, False, False]


def test_a_sentence_starting_like_a_marker_is_news():
    paragraphs = [*STORY, "Support for the barriers grew after the floods of last spring.", STORY[1]]
    assert classify_paragraphs(paragraphs) == [False] * 6


# --- wire markup and datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["&UR;", "&QL; &UR;", "X1234 &Cx1f; abc-z", "GAZ-03-05-21 1930EST &QL;"])
def test_a_line_of_wire_codes_is_boilerplate(line):
    assert line_reason(line) == "markup codes"


def test_codes_are_ignored_when_judging_a_line():
    assert line_reason("&UR; By JANE ROWE &QC;") == "byline"
    assert line_reason("&UR; Eds: UPDATES with the council vote &QL;") == "editors' note"
    assert line_reason("&LR; The council voted on Friday to keep the winter ferry running. &QL;") is None


def test_html_entities_are_not_wire_codes():
    assert is_markup_code("&QL;") and is_markup_code("&Cx1f;")
    assert not is_markup_code("&amp;") and not is_markup_code("&eacute;") and not is_markup_code("&pound;")


def test_sentence_ending_before_a_code_still_counts_as_prose():
    # The last story paragraph carries a trailing code: the short line after it is still after the end.
    paragraphs = [*STORY[:3], STORY[3] + " &QL;", "Weather"]
    assert paragraph_reasons(paragraphs)[3:] == [None, "short line after the end of the article"]


def test_a_dateline_alone_at_the_top_is_boilerplate():
    paragraphs = [STORY[0], "PORT ELLIS, March 3 (Coastline Wire) --", *STORY[1:]]
    assert paragraph_reasons(paragraphs) == [None, "dateline", None, None, None]


def test_a_dateline_opening_a_sentence_is_kept():
    paragraphs = [STORY[0], "PORT ELLIS, March 3 (Coastline Wire) -- " + STORY[1], *STORY[2:]]
    assert classify_paragraphs(paragraphs) == [False] * 4

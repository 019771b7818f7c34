"""Wire datelines: finding them, and the publication date they give when the article has none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.readers import read_article, read_paths
from timeline.readers.dateline import date_from_dateline, find_dateline, is_dateline_only
from timeline.types import Published

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def dateline_of(text: str):
    return find_dateline(text, [(0, len(text))])


# --- finding a dateline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "place", "agency", "value", "month_day", "prose"),
    [
        (
            "LIMA, Oct 9 (Reuters) - The ministry said ...",
            "LIMA, Oct 9 (Reuters)",
            "LIMA",
            "Reuters",
            None,
            (10, 9),
            "The ministry",
        ),
        (
            "PORTVALE, Norland, March 8 (Wirecast) -- A blast ...",
            "PORTVALE, Norland, March 8 (Wirecast)",
            "PORTVALE, Norland",
            "Wirecast",
            None,
            (3, 8),
            "A blast",
        ),
        ("WASHINGTON (AP) _ The Senate ...", "WASHINGTON (AP)", "WASHINGTON", "AP", None, None, "The Senate"),
        (
            "OSLO (Example News / Partner Agency - 9th October, 2023) The minister ...",
            "OSLO (Example News / Partner Agency - 9th October, 2023)",
            "OSLO",
            "Example News / Partner Agency",
            "2023-10-09",
            (10, 9),
            "The minister",
        ),
        (
            "LONDON, 8 October 2023 — The prime minister ...",
            "LONDON, 8 October 2023",
            "LONDON",
            None,
            "2023-10-08",
            (10, 8),
            "The prime",
        ),
        (
            "Quito, October 8, 2023 /Andes Wire/. The president ...",
            "Quito, October 8, 2023 /Andes Wire/",
            "Quito",
            "Andes Wire",
            "2023-10-08",
            (10, 8),
            "The president",
        ),
        ("(CNN) — The White House ...", "(CNN)", None, "CNN", None, None, "The White"),
        (
            "PORT ELLIS, Tuesday, March 2, 2021 (Coastline Wire) -- Ferries ...",
            "PORT ELLIS, Tuesday, March 2, 2021 (Coastline Wire)",
            "PORT ELLIS",
            "Coastline Wire",
            "2021-03-02",
            (3, 2),
            "Ferries",
        ),
        ("VALEMOOR, Ore. _ Ferries ...", "VALEMOOR, Ore.", "VALEMOOR, Ore.", None, None, None, "Ferries"),
        ("NEW HAVEN: The council ...", "NEW HAVEN", "NEW HAVEN", None, None, None, "The council"),
        (
            "Oct 9 (Reuters) - Oil prices ...",
            "Oct 9 (Reuters)",
            None,
            "Reuters",
            None,
            (10, 9),
            "Oil prices",
        ),
    ],
)
def test_dateline_forms(text, dateline, place, agency, value, month_day, prose):
    found = dateline_of(text)
    assert found is not None
    assert found.text == dateline
    assert text[found.start : found.end] == dateline
    assert (found.place, found.agency, found.value, found.month_day) == (place, agency, value, month_day)
    assert text[found.prose_start :].startswith(prose)


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Oct 9 - the minister said ...",  # a sentence opening, not a place
        "On Oct 9 - the minister said ...",
        "UPDATE: The ministry said ...",  # a label, not a place
        "OSTRA - the alliance said ...",  # lower case after the dash: one sentence
        "Rivertown - The council said ...",  # a mixed-case name alone is not the wire form
        "(Undated)\n\nThe council said ...",  # brackets holding no agency
        "The Valemoor Gazette said in an editorial on Thursday, March 4: ...",
        "Harbour Works Inc., Port Ellis, said it agreed to buy ...",
        "BIG HARBOUR WORKS is expanding ...",
        "Council (pictured) - said ...",
    ],
)
def test_not_a_dateline(text):
    assert dateline_of(text) is None


def test_dateline_under_a_headline_is_found():
    text = "Ferry contract approved\n\nVALEMOOR, March 4, 2021 (Coastline Wire) - The council approved it."
    found = dateline_of(text)
    assert found is not None and found.value == "2021-03-04"


def test_dateline_alone_on_its_line_before_the_prose():
    text = "VALEMOOR, March 4 (Coastline Wire) --\n\nThe council approved the contract."
    found = dateline_of(text)
    assert found is not None and found.month_day == (3, 4)
    assert text[found.prose_start :].startswith("The council")


def test_only_the_top_of_the_body_is_searched():
    first = "The council met for six hours and approved a long list of measures on ferries and roads. " * 4
    text = first + "\n\nVALEMOOR, March 4, 2021 (Coastline Wire) - The council approved it."
    assert len(first) > 300
    assert dateline_of(text) is None


def test_dateline_is_searched_in_the_body_not_the_header():
    text = "Source: PORT ELLIS, March 3, 2021 (Coastline Wire) - x\nThe council met."
    assert find_dateline(text, [(text.index("The council"), len(text))]) is None
    assert find_dateline(text, []) is None


def test_wire_codes_before_a_dateline_are_skipped():
    found = dateline_of("&UR; VALEMOOR, March 4 (Coastline Wire) _ The council met.")
    assert found is not None and found.text == "VALEMOOR, March 4 (Coastline Wire)"


def test_is_dateline_only():
    assert is_dateline_only("PORTVALE, Norland, March 8 (Wirecast) --")
    assert is_dateline_only("  WASHINGTON _ ")
    assert not is_dateline_only("WASHINGTON (AP) _ The Senate voted.")
    assert not is_dateline_only("Ferry contract approved")


# --- what the dateline adds to the publication date ----------------------------------------------------

FULL = dateline_of("PORT ELLIS, March 3, 2021 (Coastline Wire) -- The quay reopened.")
YEARLESS = dateline_of("VALEMOOR, March 4 (Coastline Wire) - The council met.")
NO_DATE = dateline_of("VALEMOOR (Coastline Wire) - The council met.")


def test_no_date_of_its_own_takes_the_dateline_date_with_a_year():
    published, warnings = date_from_dateline(Published(), FULL)
    assert published == Published(
        value="2021-03-03", source="header", evidence='dateline: "PORT ELLIS, March 3, 2021 (Coastline Wire)"'
    )
    assert warnings == []


def test_a_dateline_without_a_year_is_evidence_only():
    published, warnings = date_from_dateline(Published(), YEARLESS)
    assert published.value is None and published.source == "unknown"
    assert (
        "VALEMOOR, March 4 (Coastline Wire)" in published.evidence and "without a year" in published.evidence
    )
    assert warnings == []


def test_a_dateline_without_any_date_changes_nothing():
    assert NO_DATE is not None and NO_DATE.place == "VALEMOOR"
    assert date_from_dateline(Published(), NO_DATE) == (Published(), [])


@pytest.mark.parametrize(
    "dateline", [YEARLESS, dateline_of("VALEMOOR, March 4, 2021 (Wire) - The council met.")]
)
def test_a_month_header_is_refined_by_a_dateline_day_inside_it(dateline):
    header = Published(value="2021-03", source="header", evidence="date 2021-03")
    published, warnings = date_from_dateline(header, dateline)
    assert published.value == "2021-03-04"
    assert published.source == "header"
    assert published.evidence == f"header 2021-03 refined by dateline '{dateline.text}'"
    assert warnings == []


def test_a_year_header_gives_a_yearless_dateline_its_year():
    published, _ = date_from_dateline(
        Published(value="2021", source="metadata", evidence='"date": 2021'), YEARLESS
    )
    assert (published.value, published.source) == ("2021-03-04", "metadata")


def test_a_month_header_outside_the_dateline_day_is_kept_with_a_warning():
    header = Published(value="2021-04", source="header", evidence="date 2021-04")
    published, warnings = date_from_dateline(header, YEARLESS)
    assert published == header
    assert len(warnings) == 1 and "2021-04" in warnings[0] and "VALEMOOR, March 4" in warnings[0]


def test_a_day_header_wins_and_a_different_dateline_day_is_a_warning():
    header = Published(value="2021-03-05", source="header", evidence="Date: 5 March 2021")
    for dateline in (YEARLESS, dateline_of("VALEMOOR, March 4, 2021 (Wire) - The council met.")):
        published, warnings = date_from_dateline(header, dateline)
        assert published == header
        assert len(warnings) == 1 and "keeping 2021-03-05" in warnings[0]


def test_a_day_header_agreeing_with_the_dateline_gives_no_warning():
    header = Published(value="2021-03-04", source="header", evidence="Date: 4 March 2021")
    assert date_from_dateline(header, YEARLESS) == (header, [])


def test_an_option_date_is_never_touched():
    option = Published(value="2021-05-01", source="option", evidence="--published x=2021-05-01")
    assert date_from_dateline(option, FULL) == (option, [])


def test_february_29_in_a_common_year_refines_nothing():
    leap_day = dateline_of("VALEMOOR, Feb. 29 (Coastline Wire) - The council met.")
    header = Published(value="2021-02", source="header", evidence="date 2021-02")
    published, warnings = date_from_dateline(header, leap_day)
    assert published == header and len(warnings) == 1


# --- readers apply it -----------------------------------------------------------------------------------


def test_text_file_without_header_dated_by_its_dateline():
    [article] = read_article(INPUTS / "wire_dateline.txt")
    assert article.published.value == "2021-03-03"
    assert article.published.source == "header"
    assert article.published.evidence == 'dateline: "PORT ELLIS, March 3, 2021 (Coastline Wire)"'
    assert article.title == "Harbour authority reopens the northern quay"


def test_month_header_refined_by_the_dateline_on_the_same_line():
    [article] = read_article(INPUTS / "wire_month_header.txt")
    assert article.published.value == "2021-03-04"
    assert (
        article.published.evidence
        == "header 2021-03 refined by dateline 'VALEMOOR, March 4 (Coastline Wire)'"
    )


def test_day_header_contradicted_by_the_dateline_warns(tmp_path):
    path = tmp_path / "late.txt"
    path.write_text(
        "Date: 6 March 2021\n\nVALEMOOR, March 4 (Coastline Wire) - The council met on Thursday.\n"
    )
    warned: list[str] = []
    [article] = read_paths([str(path)], warn=warned.append)
    assert article.published.value == "2021-03-06" and article.published.source == "header"
    assert len(article.warnings) == 1 and "VALEMOOR, March 4 (Coastline Wire)" in article.warnings[0]
    assert warned == article.warnings


def test_published_option_beats_the_dateline():
    [article] = read_paths([str(INPUTS / "wire_dateline.txt")], published={"wire_dateline": "2021-03-04"})
    assert (article.published.value, article.published.source) == ("2021-03-04", "option")


def test_json_records_use_the_dateline_only_without_a_date_field():
    warned: list[str] = []
    articles = {a.id: a for a in read_paths([str(INPUTS / "wire_records.jsonl")], warn=warned.append)}
    assert (articles["quay"].published.value, articles["quay"].published.source) == ("2021-03-03", "header")
    contract = articles["contract"].published
    assert (contract.value, contract.source) == ("2021-03-05", "metadata")
    assert len(articles["contract"].warnings) == 1 and "(contract)" in articles["contract"].warnings[0]
    assert warned == articles["contract"].warnings
    vote = articles["vote"].published
    assert vote.value is None and vote.source == "unknown" and "March 5" in vote.evidence


def test_json_record_with_a_month_date_field_is_refined(tmp_path):
    record = {"id": "r", "date": "2021-03", "text": "VALEMOOR, March 4 (Wire) - The council met."}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(record))
    [article] = read_article(path)
    assert (article.published.value, article.published.source) == ("2021-03-04", "metadata")


def test_seed_with_header_and_matching_dateline_has_no_warning():
    [article] = read_article(next(SEEDS.glob("002_*.txt")))
    assert article.published.value == "2022-02-15" and article.published.source == "header"
    assert article.warnings == []
    found = find_dateline(article.text, article.body)
    assert found is not None and found.value == "2022-02-15" and found.place == "MOSCOW"


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seeds_without_dateline_stay_unknown(prefix):
    [article] = read_article(next(SEEDS.glob(f"{prefix}_*.txt")))
    assert find_dateline(article.text, article.body) is None
    assert article.published == Published()

"""Readers: formats, encodings, headers, paths, errors and publication-date precedence."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from timeline.errors import InputError, UsageError
from timeline.readers import (
    load_published_file,
    parse_published_options,
    read_article,
    read_paths,
    sniff_format,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def read_one(path: Path, **kwargs) -> object:
    articles = read_article(path, **kwargs)
    assert len(articles) == 1
    return articles[0]


def body_text(article) -> str:
    return "".join(article.text[start:end] for start, end in article.body)


# --- seeds -----------------------------------------------------------------------------------------


def test_seed_000_date_header_with_prose_after_the_date():
    article = read_one(seed("000"))
    assert article.published.value == "2022-02"  # month granularity, not a made-up day
    assert article.published.source == "header"
    assert article.text == seed("000").read_text(encoding="utf-8")
    start = article.body[0][0]
    assert article.text[:start] == " date 2022-02 "
    assert article.text[start:].startswith("Belarusian Defense Minister Viktor Khrenin has assured")
    assert article.source is None
    assert article.title is None  # the first line is a sentence, not a headline


def test_seed_002_date_header_with_outlet_name():
    article = read_one(seed("002"))
    assert article.published.value == "2022-02-15"
    assert article.published.source == "header"
    assert article.source == "UrduPoint.com"
    assert "UrduPoint.com\n" not in body_text(article)[:20]
    assert article.text[article.body[0][0] :].startswith("Belarusian Defense Minister Says Agreed")
    assert article.title == "Belarusian Defense Minister Says Agreed To Resume Military Dialogue With Ukraine"


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_seeds_without_a_header_have_unknown_date(prefix):
    article = read_one(seed(prefix))
    assert article.published.value is None
    assert article.published.source == "unknown"
    assert article.body[0][0] == 0


def test_seed_001_headline_becomes_title_and_stays_in_body():
    article = read_one(seed("001"))
    assert (
        article.title == "Belarusian and Ukrainian Ministers of Defense discuss confidence-building measures"
    )
    assert body_text(article).startswith(article.title)


def test_seed_ids_are_file_stems():
    ids = [article.id for article in read_paths([str(SEEDS)])]
    assert ids == sorted(path.stem for path in SEEDS.glob("*.txt"))


# --- text headers ------------------------------------------------------------------------------------


def test_date_colon_header_and_byline_are_not_body():
    article = read_one(INPUTS / "date_header.txt")
    assert article.published.value == "2022-02-15"
    assert article.published.source == "header"
    assert article.published.evidence == "Date: 15 February 2022"
    assert article.title == "Tram line extension opens to passengers"
    body = body_text(article)
    assert "Date:" not in body and "Ines Larkin" not in body
    assert "The first passengers rode the extended tram line" in body


def test_published_on_header_with_time_of_day():
    article = read_one(INPUTS / "published_on.txt")
    assert article.published.value == "2020-03-03"
    assert article.text[article.body[0][0] :].startswith("Officials announced")


def test_a_line_holding_only_a_date_under_the_headline_is_the_dateline(tmp_path):
    path = tmp_path / "dateline.txt"
    path.write_text(
        "Port reopens after storm\nFebruary 9, 2024 08:15 GMT\n\nThe port reopened.\n", encoding="utf-8"
    )
    article = read_one(path)
    assert (article.published.value, article.published.source) == ("2024-02-09", "header")
    assert article.title == "Port reopens after storm"
    assert "2024" not in body_text(article)


def test_front_matter_fields_and_markdown_heading():
    article = read_one(INPUTS / "front_matter.md")
    assert article.format == "markdown"
    assert article.published.value == "2023-06-01"
    assert article.published.source == "header"
    assert article.source == "Northside Gazette"
    assert article.url == "https://gazette.example.com/library"
    assert article.title == "Library reopens after renovation"
    assert article.text.startswith("---\n")  # text is the whole file; the front matter is just not body
    assert article.text[article.body[0][0] :].startswith("# Library reopens")


def test_markdown_heading_is_title_without_front_matter(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(
        "# Water main bursts downtown\n\nA water main burst on Elm Road on Friday.\n", encoding="utf-8"
    )
    article = read_one(path)
    assert article.title == "Water main bursts downtown"
    assert article.published.source == "unknown"


def test_a_prose_line_starting_with_published_is_body(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text(
        "Published on Monday, the report found that rents rose.\nMore text follows.\n", encoding="utf-8"
    )
    article = read_one(path)
    assert article.published.source == "unknown"
    assert article.body[0][0] == 0


def test_only_header_lines_at_the_top_count(tmp_path):
    lines = [f"Paragraph {n} of the story is here." for n in range(12)] + ["Date: 3 May 2001"]
    path = tmp_path / "late.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert read_one(path).published.source == "unknown"


# --- encodings ---------------------------------------------------------------------------------------


def test_utf8_bom_is_stripped_and_offsets_index_decoded_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf date 2021-05-04 The caf\xc3\xa9 reopened on Tuesday.\n")
    article = read_one(path)
    assert article.text == " date 2021-05-04 The café reopened on Tuesday.\n"
    assert article.published.value == "2021-05-04"
    start, end = article.body[0]
    assert article.text[start:end] == "The café reopened on Tuesday."
    assert article.warnings == []


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Date: 1 April 2019\n\nThe ferry resumed service.\n".encode("utf-16"))
    article = read_one(path)
    assert article.published.value == "2019-04-01"
    assert article.text.startswith("Date: 1 April 2019")
    assert article.warnings == []


def test_cp1252_fallback_warns_and_keeps_every_character(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("The minister\u2019s caf\u00e9 visit cost \u20ac5.".encode("cp1252"))
    messages: list[str] = []
    [article] = read_paths([str(path)], warn=messages.append)
    assert article.text == "The minister\u2019s caf\u00e9 visit cost \u20ac5."
    assert any("not UTF-8" in message and "cp1252" in message for message in messages)
    assert any("cp1252" in message for message in article.warnings)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Caf\xe9 \x81 opened.")
    article = read_one(path)
    assert article.text == "Caf\u00e9 \x81 opened."
    assert any("latin-1" in message for message in article.warnings)


def test_crlf_is_kept(tmp_path):
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Date: 2 June 2020\r\n\r\nRoads closed on Sunday.\r\n")
    article = read_one(path)
    assert article.text == "Date: 2 June 2020\r\n\r\nRoads closed on Sunday.\r\n"
    assert article.published.value == "2020-06-02"
    start, end = article.body[0]
    assert article.text[start:end] == "Roads closed on Sunday."


# --- JSON ------------------------------------------------------------------------------------------


def test_json_list_of_records():
    messages: list[str] = []
    articles = read_paths([str(INPUTS / "records.json")], warn=messages.append)
    assert [a.id for a in articles] == ["wire-17", "records:2"]
    strike, ferry = articles
    assert strike.text.startswith("Dock workers returned to work on Friday")
    assert strike.body == [(0, len(strike.text))]
    assert strike.title == "Port strike ends"
    assert strike.url == "https://wire.example.net/port-strike"
    assert strike.source == "Example Wire"
    assert (strike.published.value, strike.published.source) == ("2020-07-10", "metadata")
    assert ferry.title == "Ferry timetable changes"
    assert ferry.source == "Coast Weekly"
    assert ferry.published.value == "2020-07"
    assert any("item 3" in message and "no article text" in message for message in messages)


def test_json_single_object():
    article = read_one(INPUTS / "single.json")
    assert article.id == "single"
    assert article.format == "json"
    assert article.text.startswith("The city museum")
    assert article.published.value == "2021-02-12"
    assert article.source == "Culture Desk"


def test_jsonl_with_a_broken_line_warns_and_continues():
    messages: list[str] = []
    articles = read_paths([str(INPUTS / "feed.jsonl")], warn=messages.append)
    assert [a.id for a in articles] == ["a1", "feed:4"]
    assert articles[0].published.value == "2018-09-01"
    assert articles[1].published.value == "2018-09-03"  # Unix timestamp 1535932800, UTC
    assert any(message.startswith(f"{INPUTS / 'feed.jsonl'}:2:") for message in messages)


def test_jsonl_warnings_are_kept_on_the_article_without_a_warn_callback():
    articles = read_article(INPUTS / "feed.jsonl")
    assert any(":2:" in message for message in articles[0].warnings)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ('"published": "1535932800"', "2018-09-03"),
        ('"published": 1535932800000', "2018-09-03"),
        ('"date": {"$date": "2018-09-03T10:00:00Z"}', "2018-09-03"),
        ('"date": 2018', "2018"),
        ('"date": "last Tuesday"', None),
    ],
)
def test_json_date_field_forms(tmp_path, field, expected):
    path = tmp_path / "one.json"
    path.write_text('{"text": "The bakery closed.", ' + field + "}", encoding="utf-8")
    assert read_one(path).published.value == expected


def test_json_file_holding_json_lines(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text('{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n', encoding="utf-8")
    assert [a.id for a in read_article(path)] == ["x", "y"]


def test_broken_json_file_is_an_input_error(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"text": "unfinished', encoding="utf-8")
    with pytest.raises(InputError, match="broken.json: not valid JSON"):
        read_article(path)


# --- HTML ------------------------------------------------------------------------------------------


def test_html_page_with_meta_date():
    pytest.importorskip("trafilatura")
    article = read_one(INPUTS / "river_bridge.html")
    assert article.format == "html"
    assert article.title == "Council approves new river bridge"
    assert article.source == "The Valley Courier"
    assert article.url == "https://courier.example.org/news/river-bridge"
    assert (article.published.value, article.published.source) == ("2021-03-09", "metadata")
    assert "approved plans for a second bridge" in article.text
    assert "Sport" not in article.text  # navigation is not article text
    assert "<p>" not in article.text
    assert article.body == [(0, len(article.text))]


def test_html_page_without_a_date_keeps_a_yearless_dateline_as_evidence(tmp_path):
    pytest.importorskip("trafilatura")
    path = tmp_path / "quay.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Quay reopens</title></head><body><article>"
        "<h1>Harbour authority reopens the northern quay</h1>"
        "<p>PORT ELLIS, March 3 (Coastline Wire) -- The harbour authority reopened the northern quay on"
        " Wednesday after two weeks of repairs, a spokeswoman said.</p>"
        "<p>Repairs began after a storm damaged the mooring posts, and the ferry to the outer islands will"
        " return to its usual timetable on Monday, the authority said in a statement.</p>"
        "</article></body></html>"
    )
    article = read_one(path)
    assert article.published.value is None  # no year: none is invented
    assert article.published.source == "unknown"
    assert article.published.evidence.startswith('dateline: "PORT ELLIS, March 3 (Coastline Wire)"')


def test_html_page_with_time_element():
    pytest.importorskip("trafilatura")
    article = read_one(INPUTS / "harbour_fire.htm")
    assert article.published.value == "2019-11-27"
    assert "Firefighters brought the blaze under control" in article.text


def test_html_without_the_extra_names_the_file_and_the_fix(monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes `import trafilatura` fail
    with pytest.raises(InputError) as caught:
        read_article(INPUTS / "river_bridge.html")
    message = str(caught.value)
    assert "river_bridge.html" in message
    # a command that works: the package index's "timeline" is another project, so name the libraries
    assert "pip install trafilatura htmldate" in message
    assert "timeline[html]" not in message


# --- TimeML ----------------------------------------------------------------------------------------


def test_timeml_text_dct_and_title():
    article = read_one(INPUTS / "storm.tml")
    assert article.format == "timeml"
    assert (article.published.value, article.published.source) == ("2005-10-04", "metadata")
    assert article.title == "Storm closes coastal roads"
    assert article.text == (
        "\nHeavy rain closed two coastal roads on Monday, officials said.\n"
        "Crews & volunteers cleared the debris today.\n"
    )


def test_xml_with_timeml_root_is_timeml_and_other_xml_is_skipped(tmp_path):
    (tmp_path / "doc.xml").write_bytes((INPUTS / "storm.tml").read_bytes())
    (tmp_path / "feed.xml").write_text("<?xml version='1.0'?><rss><channel/></rss>", encoding="utf-8")
    messages: list[str] = []
    articles = read_paths([str(tmp_path)], warn=messages.append)
    assert [(a.id, a.format) for a in articles] == [("doc", "timeml")]
    assert any(message.startswith("skipping") and "feed.xml" in message for message in messages)


# --- paths -------------------------------------------------------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_directory_is_walked_recursively_sorted_skipping_hidden_and_foreign_files(tmp_path):
    write(tmp_path / "b.txt", "Second story.")
    write(tmp_path / "a.md", "First story.")
    write(tmp_path / "sub" / "c.txt", "Nested story.")
    write(tmp_path / ".hidden.txt", "Hidden story.")
    write(tmp_path / ".git" / "d.txt", "Hidden directory story.")
    write(tmp_path / "notes.py", "print('not an article')")
    write(tmp_path / "dispatch", "An extension-less text file is sniffed and read.")
    write(tmp_path / "README", "A project file: skipped by the walk.")
    (tmp_path / "image").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    ids = [article.id for article in read_paths([str(tmp_path)])]
    assert ids == ["a", "b", "dispatch", "c"]  # the directory's own files first, then sub/


def test_glob_pattern_is_expanded_sorted(tmp_path):
    write(tmp_path / "x2.txt", "Two.")
    write(tmp_path / "x1.txt", "One.")
    write(tmp_path / "deep" / "x3.txt", "Three.")
    write(tmp_path / "y.txt", "Not matched.")
    ids = [article.id for article in read_paths([str(tmp_path / "**" / "x*.txt")])]
    assert ids == ["x3", "x1", "x2"]  # glob's sorted path order: "deep/x3.txt" < "x1.txt"


def test_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", "One.")
    assert len(read_paths([str(path), str(tmp_path)])) == 1


def test_same_stem_in_two_directories_gets_distinct_ids(tmp_path):
    write(tmp_path / "one" / "story.txt", "First.")
    write(tmp_path / "two" / "story.txt", "Second.")
    messages: list[str] = []
    ids = [article.id for article in read_paths([str(tmp_path)], warn=messages.append)]
    assert ids == ["story", "story#2"]
    assert messages


def test_stdin_bytes_text_is_sniffed():
    stream = io.BytesIO(b" date 2020-01-05 The storm passed on Saturday.\n")
    [article] = read_paths(["-"], stdin=stream)
    assert article.id == "stdin"
    assert article.path == "<stdin>"
    assert article.published.value == "2020-01-05"


def test_stdin_text_stream_holding_json_lines():
    stream = io.StringIO('{"text": "First."}\n{"text": "Second."}\n')
    articles = read_paths(["-"], stdin=stream)
    assert [a.id for a in articles] == ["stdin:1", "stdin:2"]
    assert all(a.format == "jsonl" for a in articles)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<?xml version='1.0'?>\n<TimeML><TEXT>x</TEXT></TimeML>", "timeml"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ('[{"text": "x"}]', "json"),
        ('{"text": "x"}', "json"),
        ('{"text": "x"}\n{"text": "y"}', "jsonl"),
        ("# Heading\n\nText.", "markdown"),
        ("Plain words.", "text"),
    ],
)
def test_sniff_format(text, expected):
    assert sniff_format(text) == expected


# --- errors ----------------------------------------------------------------------------------------


def test_missing_path_is_one_line_input_error(tmp_path):
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError) as caught:
        read_paths([missing])
    assert str(caught.value) == f"no such file or directory: {missing!r} (give a file, a directory or a glob)"


def test_empty_directory_is_an_input_error(tmp_path):
    write(tmp_path / "script.py", "x = 1")
    with pytest.raises(InputError, match="no articles in directory"):
        read_paths([str(tmp_path)])


def test_glob_matching_nothing_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no files match"):
        read_paths([str(tmp_path / "*.txt")])


def test_one_bad_file_among_many_is_skipped_with_a_warning(tmp_path):
    write(tmp_path / "good.txt", "The bridge opened on Monday.")
    write(tmp_path / "bad.json", "{not json")
    write(tmp_path / "empty.txt", "   \n")
    messages: list[str] = []
    articles = read_paths([str(tmp_path)], warn=messages.append)
    assert [a.id for a in articles] == ["good"]
    assert sorted(message.split(":")[0] for message in messages) == [
        f"skipping {tmp_path / 'bad.json'}",
        f"skipping {tmp_path / 'empty.txt'}",
    ]


def test_nothing_readable_is_an_input_error(tmp_path):
    write(tmp_path / "a.json", "{not json")
    write(tmp_path / "b.json", "[1, 2]")
    with pytest.raises(InputError, match="no readable article"):
        read_paths([str(tmp_path)], warn=lambda message: None)


def test_a_single_unreadable_file_raises_its_own_reason(tmp_path):
    path = write(tmp_path / "a.json", "{not json")
    with pytest.raises(InputError, match="a.json: not valid JSON"):
        read_paths([str(path)])


# --- publication dates ------------------------------------------------------------------------------


def test_published_option_beats_the_header():
    article = read_paths([str(seed("002"))], published={seed("002").stem: "2022-02-14"})[0]
    assert article.published.value == "2022-02-14"
    assert article.published.source == "option"
    assert article.published.evidence == f"--published {seed('002').stem}=2022-02-14"


def test_published_option_may_name_the_file_and_fills_an_unknown_date():
    article = read_paths([str(seed("003"))], published={seed("003").name: "2022-02-16"})[0]
    assert (article.published.value, article.published.source) == ("2022-02-16", "option")


def test_published_option_for_no_article_warns():
    messages: list[str] = []
    read_paths([str(seed("003"))], published={"missing-id": "2022-02-16"}, warn=messages.append)
    assert any("missing-id" in message for message in messages)


def test_read_article_with_published_value_applies_to_every_record():
    articles = read_article(INPUTS / "records.json", published="16 February 2022")
    assert {(a.published.value, a.published.source) for a in articles} == {("2022-02-16", "option")}


def test_parse_published_options_normalises_each_granularity():
    assert parse_published_options(
        [
            "a=2022-02-16",
            "b=2022-02",
            "c=16 February 2022",
            "d=Feb 15, 2022",
            "e=2022",
            "f=2022-02-15T10:30:00Z",
        ]
    ) == {
        "a": "2022-02-16",
        "b": "2022-02",
        "c": "2022-02-16",
        "d": "2022-02-15",
        "e": "2022",
        "f": "2022-02-15",
    }


@pytest.mark.parametrize("value", ["2022-02-16", "a=", "=2022", "a=next week", "a=Monday", "a=2022-13-01"])
def test_bad_published_option_is_a_usage_error_naming_option_and_value(value):
    with pytest.raises(UsageError) as caught:
        parse_published_options([value])
    message = str(caught.value)
    assert message.startswith(f"--published {value!r}")
    assert "YYYY-MM-DD" in message


def test_load_published_csv_with_and_without_header(tmp_path):
    with_header = write(tmp_path / "with.csv", "id,date\nalpha,2021-01-02\nbeta,March 2021\n")
    without_header = write(tmp_path / "without.csv", "alpha,2021-01-02\n\nbeta,5 March 2021\n")
    assert load_published_file(str(with_header)) == {"alpha": "2021-01-02", "beta": "2021-03"}
    assert load_published_file(str(without_header)) == {"alpha": "2021-01-02", "beta": "2021-03-05"}


def test_load_published_json_object_and_list(tmp_path):
    as_object = write(tmp_path / "o.json", json.dumps({"alpha": "2021-01-02"}))
    as_list = write(tmp_path / "l.json", json.dumps([{"id": "beta", "date": "Feb 3, 2021"}]))
    assert load_published_file(str(as_object)) == {"alpha": "2021-01-02"}
    assert load_published_file(str(as_list)) == {"beta": "2021-02-03"}


def test_load_published_file_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_published_file(str(tmp_path / "missing.csv"))
    bad = write(tmp_path / "bad.csv", "alpha,2021-01-02\nbeta,someday\n")
    with pytest.raises(UsageError, match=r"bad.csv:2: cannot read the date 'someday'"):
        load_published_file(str(bad))


def test_an_unreadable_date_in_a_json_record_is_warned_about(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "r1", "date": "bogus", "text": "The council met on Monday."}\n', encoding="utf-8")
    warnings: list[str] = []
    [article] = read_paths([str(path)], warn=warnings.append)
    assert article.published.value is None
    assert any("r1" in w or "feed.jsonl:1" in w for w in warnings)
    assert any('"date": "bogus"' in w for w in warnings)

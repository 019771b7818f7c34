"""Reading gold TimeML and writing our TIMEX3 tags back (timeline.temporal.timeml)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from timeline.temporal.timeml import (
    TimeMLError,
    read_doc_id,
    read_timeml,
    read_title,
    text_to_timeml,
    to_timeml,
)
from timeline.types import TimeExpression

# Hand-written; plain text of TEXT is
# "The bridge reopened on Thursday after three months of repairs by Smith & Sons."
#  "on Thursday" is [20, 31), "three months" is [38, 50).
BRIDGE = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>bridge-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-05" temporalFunction="false" \
functionInDocument="CREATION_TIME">2021-03-05</TIMEX3></DCT>
<TITLE>Bridge   reopens</TITLE>
<TEXT>The bridge <EVENT eid="e1" class="OCCURRENCE">reopened</EVENT> <TIMEX3 tid="t1" type="DATE" \
value="2021-03-04" temporalFunction="true" functionInDocument="NONE" anchorTimeID="t0">on Thursday</TIMEX3> \
after <TIMEX3 tid="t2" type="DURATION" value="P3M" mod="APPROX" temporalFunction="false" \
functionInDocument="NONE">three months</TIMEX3> of repairs by Smith &amp; Sons.</TEXT>
<MAKEINSTANCE eiid="ei1" eventID="e1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""
BRIDGE_TEXT = "The bridge reopened on Thursday after three months of repairs by Smith & Sons."


def expression(text: str, start: int, end: int, type_: str = "DATE", value: str | None = None, **extra):
    return TimeExpression(text, start, end, type_, value, None, extra.pop("anchor", "absolute"), **extra)


def timexes_in_text(xml: str) -> list[ET.Element]:
    return list(ET.fromstring(xml.split("?>", 1)[1]).find("TEXT").iter("TIMEX3"))


def test_read_timeml_gives_plain_text_dct_and_gold_spans():
    text, dct, timexes = read_timeml(BRIDGE)

    assert text == BRIDGE_TEXT
    assert dct == "2021-03-05"
    assert [(t.tid, t.start, t.end, t.text, t.type, t.value) for t in timexes] == [
        ("t1", 20, 31, "on Thursday", "DATE", "2021-03-04"),
        ("t2", 38, 50, "three months", "DURATION", "P3M"),
    ]
    assert timexes[1].mod == "APPROX"
    assert timexes[0].attributes["anchorTimeID"] == "t0"


def test_read_timeml_accepts_bytes_and_reads_title_and_doc_id():
    text, dct, _ = read_timeml(BRIDGE.encode("utf-8"))

    assert (text, dct) == (BRIDGE_TEXT, "2021-03-05")
    assert read_title(BRIDGE) == "Bridge reopens"
    assert read_doc_id(BRIDGE) == "bridge-1"


def test_read_timeml_without_dct_gives_none():
    text, dct, timexes = read_timeml(
        "<TimeML><TEXT>Rain fell <TIMEX3 tid='t3'>today</TIMEX3>.</TEXT></TimeML>"
    )

    assert (text, dct) == ("Rain fell today.", None)
    assert (timexes[0].start, timexes[0].end) == (10, 15)


@pytest.mark.parametrize("bad", ["<TimeML><TEXT>unclosed</TimeML>", "<TimeML><DOCID>x</DOCID></TimeML>", ""])
def test_read_timeml_rejects_non_timeml(bad):
    with pytest.raises(TimeMLError):
        read_timeml(bad)


def test_to_timeml_replaces_gold_tags_with_ours_and_round_trips():
    ours = [
        expression("Thursday", 23, 31, value="2021-03-04", anchor="publication"),
        expression("three months", 38, 50, "DURATION", "P3M"),
    ]

    output = to_timeml(BRIDGE, ours)
    text, dct, timexes = read_timeml(output)

    assert text == BRIDGE_TEXT  # the text given to the official scorer is unchanged
    assert dct == "2021-03-05"
    assert [(t.start, t.end, t.type, t.value) for t in timexes] == [
        (23, 31, "DATE", "2021-03-04"),
        (38, 50, "DURATION", "P3M"),
    ]
    # gold-only attributes are gone: "three months" is ours now, without the gold mod
    assert timexes[1].mod is None
    assert timexes[0].attributes["temporalFunction"] == "true"  # computed from the publication date
    assert timexes[1].attributes["temporalFunction"] == "false"
    assert {t.attributes["functionInDocument"] for t in timexes} == {"NONE"}


def test_to_timeml_keeps_header_elements_and_drops_events_and_links():
    output = to_timeml(BRIDGE, [])
    root = ET.fromstring(output.split("?>", 1)[1])

    assert root.find("DOCID").text == "bridge-1"
    assert root.find("DCT/TIMEX3").get("tid") == "t0"
    assert root.find("TITLE").text == "Bridge   reopens"
    assert root.find("TEXT").text == BRIDGE_TEXT
    assert list(root.find("TEXT")) == []  # no EVENT or gold TIMEX3 left
    for tag in ("MAKEINSTANCE", "TLINK"):
        assert root.find(tag) is None
    assert output.startswith('<?xml version="1.0" ?>')


def test_to_timeml_gives_unique_tids_distinct_from_the_dct():
    ours = [
        expression("on", 20, 22),
        expression("Thursday", 23, 31),
        expression("months", 44, 50, "DURATION"),
    ]

    tids = [t.get("tid") for t in timexes_in_text(to_timeml(BRIDGE, ours))]

    assert tids == ["t1", "t2", "t3"]


def test_to_timeml_skips_tids_used_outside_text():
    source = BRIDGE.replace(
        "<TITLE>Bridge   reopens</TITLE>", '<TITLE><TIMEX3 tid="t1">Spring</TIMEX3></TITLE>'
    )

    tids = [t.get("tid") for t in timexes_in_text(to_timeml(source, [expression("Thursday", 23, 31)]))]

    assert tids == ["t2"]


def test_to_timeml_writes_mod_and_a_placeholder_for_unresolved_values():
    ours = [
        expression("Thursday", 23, 31, value=None, anchor="unresolved"),
        expression("three months", 38, 50, "DURATION", "P3M", mod="APPROX"),
    ]

    first, second = timexes_in_text(to_timeml(BRIDGE, ours))

    assert first.get("value") == "XXXX-XX-XX"
    assert "mod" not in first.attrib
    assert second.get("mod") == "APPROX"


def test_to_timeml_drops_overlapping_and_out_of_range_expressions():
    ours = [
        expression("on Thursday", 20, 31, value="2021-03-04"),
        expression("Thursday", 23, 31, value="2021-03-04"),  # nested in the first: TimeML forbids it
        expression("beyond", 500, 506),
    ]

    _, _, timexes = read_timeml(to_timeml(BRIDGE, ours))

    assert [(t.start, t.end) for t in timexes] == [(20, 31)]


def test_text_to_timeml_escapes_markup_characters():
    text = "Q&A <live> on 3 May & later"
    ours = [expression("3 May", 14, 19, value="2022-05-03")]

    output = text_to_timeml(text, "2022-05-01", ours, doc_id="a&b")

    assert "Q&amp;A &lt;live&gt;" in output
    read_text, dct, timexes = read_timeml(output)
    assert read_text == text
    assert dct == "2022-05-01"
    assert [(t.start, t.end, t.text, t.value) for t in timexes] == [(14, 19, "3 May", "2022-05-03")]
    assert read_doc_id(output) == "a&b"


def test_text_to_timeml_keeps_offsets_through_carriage_returns_and_control_characters():
    text = "First line\r\nSecond\x0c line on Monday."
    start = text.index("Monday")
    ours = [expression("Monday", start, start + 6, value="2022-05-02")]

    read_text, _, timexes = read_timeml(text_to_timeml(text, None, ours))

    assert len(read_text) == len(text)
    assert read_text[start : start + 6] == "Monday"
    assert (timexes[0].start, timexes[0].end) == (start, start + 6)


def test_text_to_timeml_without_publication_date_has_no_dct():
    output = text_to_timeml("No dates here.", None, [])

    assert "<DCT>" not in output
    assert read_timeml(output)[:2] == ("No dates here.", None)

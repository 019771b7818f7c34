"""The JSON outputs against their published JSON Schemas (the contract with downstream tools)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from render_fixtures import EXPECTED_ORDER, make_timeline

from timeline.render import check_to_dict, dates_to_dict, render, to_dict
from timeline.schema import definition_schema, load_schema
from timeline.types import Timeline


def validator(schema: dict) -> Draft202012Validator:
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(schema: dict, instance: object) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(schema).iter_errors(instance)]


def strict(schema: dict) -> dict:
    """The schema with ``additionalProperties: false`` on every object.

    Catches fields we emit but never documented."""
    strict_schema = copy.deepcopy(schema)

    def close(node: object) -> None:
        if isinstance(node, dict):
            if "properties" in node:
                node["additionalProperties"] = False
            for child in node.values():
                close(child)
        elif isinstance(node, list):
            for child in node:
                close(child)

    close(strict_schema)
    return strict_schema


@pytest.fixture
def document() -> dict:
    return to_dict(make_timeline())


@pytest.mark.parametrize("name", ["timeline", "dates"])
def test_schemas_are_valid_draft_2020_12(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_load_schema_accepts_file_names_and_rejects_unknown():
    assert load_schema("timeline.schema.json") == load_schema("timeline")
    with pytest.raises(ValueError, match="unknown schema"):
        load_schema("events")


def test_timeline_json_validates(document):
    assert errors(load_schema("timeline"), document) == []


def test_timeline_json_has_no_undocumented_fields(document):
    assert errors(strict(load_schema("timeline")), document) == []


def test_rendered_json_is_the_dict(document):
    assert json.loads(render(make_timeline(), "json")) == document


def test_json_header_summary_and_order(document):
    assert document["schema_version"] == 2
    assert document["generator"]["name"] == "timeline"
    assert [e["title"] for e in document["events"]] == EXPECTED_ORDER
    # 3 articles, 7 events, 3 cited articles, one conflict, two gaps, one undated event, one article (c3)
    # with no publication date nor bounds (counted by hand)
    assert document["summary"] == {
        "articles": 3,
        "events": 7,
        "sources": 3,
        "conflicts": 1,
        "gaps": 2,
        "undated_events": 1,
        "undated_articles": 1,
    }
    assert "check" not in document


def test_json_values_match_the_timeline(document):
    docs = {d["id"]: d for d in document["documents"]}
    assert docs["a1"]["published"] == {
        "value": "2022-02-15",
        "source": "header",
        "evidence": " date 2022-02-15 Daily Example",
        "earliest": None,
        "latest": None,
    }
    assert docs["b2"]["published"]["earliest"] == "2022-02-16"
    assert docs["c3"]["published"]["value"] is None
    week = next(e for e in document["events"] if e["id"] == "ev-week")
    assert week["date"] == {
        "value": "2022-W07",
        "start": "2022-02-14",
        "end": "2022-02-20",
        "granularity": "week",
    }
    call = next(e for e in document["events"] if e["id"] == "ev-call")
    assert call["sources"] == ["a1", "b2"]
    assert call["conflicts"] == [
        {"value": "2022-W06", "sources": ["c3"], "text": "A phone call last week eased tensions."}
    ]
    first = call["mentions"][0]
    assert (first["document"], first["line"], first["date_source"]) == ("a1", 4, "expression")
    assert first["expression"]["text"] == "On Monday"
    assert first["expression"]["anchor"] == "publication"
    assert document["events"][-1]["date"] is None
    assert document["gaps"][1]["start"] == "1994-12-31"
    assert document["gaps"][1]["failing"] is False


def test_mention_and_expression_offsets_index_the_document_text(document):
    texts = {doc.id: doc.text for doc in make_timeline().documents}
    mentions = [m for e in document["events"] for m in e["mentions"]]
    assert mentions
    for mention in mentions:
        text = texts[mention["document"]]
        assert text[mention["start"] : mention["end"]] == mention["text"]
        if mention["expression"]:
            expr = mention["expression"]
            assert text[expr["start"] : expr["end"]] == expr["text"]
            assert mention["start"] <= expr["start"] < expr["end"] <= mention["end"]


def test_every_jsonl_line_is_an_event():
    event_schema = definition_schema("timeline", "event")
    lines = render(make_timeline(), "jsonl").split("\n")
    assert len(lines) == 7
    for line in lines:
        assert errors(event_schema, json.loads(line)) == []
    assert [json.loads(line)["title"] for line in lines] == EXPECTED_ORDER


def test_empty_timeline_validates():
    empty = to_dict(Timeline(documents=[], events=[]))
    assert errors(load_schema("timeline"), empty) == []
    assert empty["summary"]["events"] == 0
    assert render(Timeline(documents=[], events=[]), "jsonl") == ""


def test_check_object_is_optional_and_validated(document):
    schema = load_schema("timeline")
    document["check"] = check_to_dict(make_timeline().gaps)
    assert document["check"] == {"passed": False, "failing": 1}  # one failing gap, one not
    assert errors(schema, document) == []
    document["check"] = {"passed": "yes"}
    assert errors(schema, document)


def test_unknown_fields_are_allowed_for_forward_compatibility(document):
    document["future_field"] = {"anything": 1}
    document["events"][0]["future_field"] = True
    assert errors(load_schema("timeline"), document) == []


@pytest.mark.parametrize(
    ("path", "bad_value"),
    [
        (("schema_version",), 1),
        (("events", 0, "status"), "rumoured"),
        (("events", 0, "date", "start"), "1994-1-1"),
        (("events", 0, "date", "granularity"), "fortnight"),
        (("events", 0, "mentions", 0, "line"), 0),
        (("events", 0, "mentions", 0, "date_source"), "guess"),
        (("events", 0, "mentions", 0, "expression", "anchor"), "vibes"),
        (("documents", 0, "published", "source"), "rumour"),
        (("documents", 0, "published", "earliest"), "2022-02-30"),
        (("gaps", 0, "failing"), "true"),
    ],
)
def test_schema_rejects_wrong_values(document, path, bad_value):
    node = document
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = bad_value
    assert errors(load_schema("timeline"), document)


@pytest.mark.parametrize("field", ["schema_version", "generator", "documents", "events", "gaps", "summary"])
def test_schema_requires_top_level_fields(document, field):
    del document[field]
    assert errors(load_schema("timeline"), document)


def test_schema_requires_event_fields(document):
    del document["events"][0]["sources"]
    del document["events"][1]["mentions"][0]["expression"]
    assert len(errors(load_schema("timeline"), document)) == 2


def test_dates_json_validates():
    timeline = make_timeline()
    for article in timeline.documents:
        result = dates_to_dict(article, timeline.expressions[article.id])
        assert errors(strict(load_schema("dates")), result) == []


def test_dates_json_content_in_text_order():
    timeline = make_timeline()
    b2 = timeline.documents[1]
    result = dates_to_dict(b2, timeline.expressions["b2"])
    assert result["schema_version"] == 2
    assert (result["document"], result["path"]) == ("b2", "news/b2.txt")
    assert result["published"]["source"] == "inferred"
    # "two days before" comes before "Wednesday" in the text although the list gave them the other way round
    assert [e["text"] for e in result["expressions"]] == ["two days before", "Wednesday"]
    first = result["expressions"][0]
    assert (first["value"], first["granularity"], first["anchor"]) == ("2022-02-14", "day", "mention")
    assert (first["anchor_value"], first["anchor_text"]) == ("2022-02-16", "Wednesday")
    assert b2.text[first["start"] : first["end"]] == "two days before"


def test_dates_schema_shares_definitions_with_timeline_schema():
    timeline_defs = load_schema("timeline")["$defs"]
    for name, definition in load_schema("dates")["$defs"].items():
        assert definition == timeline_defs[name], name


def property_names(node: object) -> set[str]:
    names: set[str] = set()
    if isinstance(node, dict):
        names.update(node.get("properties", {}))
        for child in node.values():
            names |= property_names(child)
    elif isinstance(node, list):
        for child in node:
            names |= property_names(child)
    return names


@pytest.mark.parametrize("name", ["timeline", "dates"])
def test_docs_describe_every_schema_field(name):
    reference = (Path(__file__).resolve().parent.parent / "docs" / "schema.md").read_text(encoding="utf-8")
    undocumented = sorted(
        field
        for field in property_names(load_schema(name))
        if not re.search(rf"`([\w.]+\.)?{field}`", reference)
    )
    assert not undocumented, f"docs/schema.md does not describe {undocumented}"

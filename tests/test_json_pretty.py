"""The JSON writer's text must equal ``json.dumps(..., indent=2, ensure_ascii=False)`` byte for byte:
users pipe ``--format json`` into other tools and diff builds, and ``jsonout`` writes it without ``json``'s
slow indenting encoder."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from render_fixtures import make_timeline

from timeline.render import jsonout, render, render_chunks, to_dict
from timeline.render.jsonout import Items, dumps, iter_dumps
from timeline.types import JoinReason


def _reference(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


# text with quotes, backslashes, control characters, non-ASCII letters and astral characters
_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ['"', "\\", "\n\t\r\x00\x1f\x7f", "café – “quoted” 😀", "\u2028\u2029", ""]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats()  # NaN and ±Infinity included: ``json`` writes them as NaN and Infinity
    | _TEXT
)
_KEYS = _TEXT | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(_TEXT, inner, max_size=4)
        | st.dictionaries(_KEYS, inner, max_size=3)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_dumps_writes_exactly_the_json_module_text(value):
    assert dumps(value) == _reference(value)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(_TEXT, _VALUES, max_size=3),
    st.lists(_VALUES, max_size=4),
    st.lists(_VALUES, max_size=3),
)
def test_streamed_pieces_join_to_the_json_module_text(head, items, inner):
    """An ``Items`` field (with ``Items`` inside its items, and one nested deeper in a plain dict) is
    written as the list its converted items make."""
    fields = {
        **head,
        "items": Items(items, lambda item: {"value": item, "inner": Items(inner, lambda x: [x])}),
        "deeper": {"list": Items(inner, str)},
    }
    plain = {
        **head,
        "items": [{"value": item, "inner": [[x] for x in inner]} for item in items],
        "deeper": {"list": [str(x) for x in inner]},
    }
    assert "".join(iter_dumps(fields)) == _reference(plain)


def test_special_floats_and_large_integers_are_written_as_json_writes_them():
    value = {"n": math.nan, "up": math.inf, "down": -math.inf, "zero": -0.0, "tiny": 5e-324, "big": 10**30}
    text = dumps(value)
    assert text == _reference(value)
    assert '"n": NaN' in text and '"down": -Infinity' in text
    assert '"big": 1000000000000000000000000000000' in text


def test_a_value_json_cannot_write_fails_as_it_does_there():
    with pytest.raises(TypeError):
        dumps({"when": object()})
    with pytest.raises(TypeError):
        dumps({("a", "b"): 1})


@settings(max_examples=60, deadline=None)
@given(_TEXT.filter(bool), _TEXT, _TEXT)
def test_a_timeline_with_any_text_renders_exactly_the_json_module_text(title, sentence, outlet):
    timeline = make_timeline()
    first = timeline.events[0]
    mention = first.mentions[0]
    changed = replace(mention, sentence=replace(mention.sentence, text=sentence))
    timeline.events[0] = replace(first, title=title, mentions=[changed, *first.mentions[1:]] * 120)
    timeline.documents[0].title = outlet
    expected = _reference(to_dict(timeline))
    assert render(timeline, "json") == expected
    assert "".join(render_chunks(timeline, "json")) == expected


def _with_reasons(confidences: list[float], text: str = "The talks resumed.", repeat: int = 1):
    """The fixture timeline whose first event joined one mention per confidence (``repeat`` times each)."""
    timeline = make_timeline()
    first = timeline.events[0]
    mention = first.mentions[0]
    changed = replace(mention, sentence=replace(mention.sentence, text=text))
    reasons = [
        JoinReason("a1", 0, "b2", 0, "same-date", value, similarity=value, terms=("talks",))
        for value in confidences
    ]
    timeline.events[0] = replace(
        first,
        mentions=[changed, *first.mentions[1:]] * repeat,
        reasons=reasons * repeat,
        confidence=confidences[0],
    )
    return timeline


@pytest.mark.parametrize("repeat", [1, 120])  # written in one piece, and mention by mention
@pytest.mark.parametrize(
    "confidences",
    [[0.85, 0.0, 1.0], [1e-05, 0.85], [math.nan, 0.5], [0.5, math.inf], [2.5e-7, -0.0]],
)
def test_numbers_the_fast_encoder_would_write_otherwise_keep_the_json_module_text(confidences, repeat):
    """``orjson`` (when installed) writes 1e-05 as 0.00001 and NaN as null: such a number, which the merge
    never makes, still comes out as ``json`` writes it."""
    timeline = _with_reasons(confidences, repeat=repeat)
    assert render(timeline, "json") == _reference(to_dict(timeline))


@pytest.mark.parametrize("text", ["lone \udc00 surrogate", "tab\tand \x00 control, “quotes” and 😀"])
def test_text_the_fast_encoder_refuses_or_escapes_keeps_the_json_module_text(text):
    timeline = _with_reasons([0.85], text=text, repeat=120)
    timeline.documents[0].title = text
    assert "".join(render_chunks(timeline, "json")) == _reference(to_dict(timeline))


def test_without_the_fast_encoder_the_text_is_the_same(monkeypatch):
    timeline = _with_reasons([0.85, 0.3], repeat=120)
    with_it = render(timeline, "json")
    monkeypatch.setattr(jsonout, "orjson", None)
    assert render(timeline, "json") == with_it == _reference(to_dict(timeline))


@settings(max_examples=100, deadline=None)
@given(st.lists(_VALUES, max_size=70), st.integers(min_value=0, max_value=3), st.booleans())
def test_fast_items_join_to_the_json_module_text(items, level, flat):
    """A fast ``Items`` list (values whose floats are marked as its converters mark them), nested at any
    depth, in batches of any size, flat (written a batch at a time without looking into each) or not."""

    def marked(value):
        if type(value) is float:
            return jsonout._number(value)
        if type(value) in (list, tuple):
            return type(value)(map(marked, value))
        if type(value) is dict:
            return {key: marked(item) for key, item in value.items()}
        return value

    fields: object = {"items": Items(items, marked, fast=True)}
    plain: object = {"items": items}
    for _ in range(level):
        fields, plain = {"outer": fields, "more": Items([1], int)}, {"outer": plain, "more": [1]}
    assert "".join(iter_dumps(fields)) == _reference(plain)


@pytest.mark.parametrize("count", [0, 1, 63, 64, 65, 128, 200])
def test_a_flat_list_is_written_in_the_same_pieces_as_one_looked_into(count):
    # the lists of a large event's mentions and reasons are flat: batches of 64 items end where they did
    items = [
        {"n": n, "text": f"Minister Rahn spoke {n} times.", "score": 0.5, "words": ["a"]}
        for n in range(count)
    ]
    for level in (0, 2):
        flat = list(jsonout._iter_list(Items(items, dict, fast=True, flat=True), level))
        looked_into = list(jsonout._iter_list(Items(items, dict, fast=True), level))
        assert flat == looked_into
        assert "".join(flat) == jsonout._pretty(items, level)

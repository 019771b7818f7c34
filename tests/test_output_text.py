"""Output text is written as UTF-8 whatever it holds (``timeline.output.writable_text``)."""

from __future__ import annotations

import pytest

from timeline.output import writable_text


@pytest.mark.parametrize(
    "text",
    ['plain ASCII, "quoted"\n', "Minister Rahn’s café – “Norland” 😀", "", "\x00\x7f\u2028"],
)
def test_text_that_encodes_as_utf8_is_kept_as_it_is(text):
    assert writable_text(text) == text


def test_each_lone_surrogate_becomes_one_replacement_character():
    text = "Acme \udc00 board é \ud800\udfff end"
    assert writable_text(text) == "Acme \ufffd board é \ufffd\ufffd end"
    writable_text(text).encode("utf-8")  # encodes now

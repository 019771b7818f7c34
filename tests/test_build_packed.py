"""Memory after the reading stage (issue #9): an article's text held as UTF-8 when that is smaller, read
back as the same string."""

from __future__ import annotations

import copy
import pickle
import sys
from dataclasses import replace

from timeline import build
from timeline.build import build_timeline
from timeline.types import Article, Published, pack_text, text_utf8

_WIDE = "Rahn’s council met on Monday — the Westholm port reopened. " * 20  # a curly quote and a dash


def _article(doc: str, text: str, published: str | None = "2023-05-09") -> Article:
    when = Published(published, "header") if published else Published()
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=when)


def test_a_wide_text_is_held_as_utf8_and_read_back_as_the_same_string():
    article, before = _article("a", _WIDE), _article("a", _WIDE)
    pack_text(article)
    held = article.__dict__["text"]
    assert type(held) is bytes and sys.getsizeof(held) < sys.getsizeof(_WIDE)  # 2 bytes a character as str
    assert article.text == _WIDE and type(article.text) is str
    assert article == before and repr(article) == repr(before)
    assert text_utf8(article) == _WIDE.encode("utf-8") == text_utf8(before)
    assert pickle.loads(pickle.dumps(article)).text == _WIDE
    assert copy.copy(article).text == _WIDE and replace(article, title="t").text == _WIDE
    article.text = "new text"  # set again: held as given
    assert article.__dict__["text"] == "new text" and article.text == "new text"


def test_a_text_no_smaller_as_utf8_is_left_as_it_is():
    ascii_text, lone_surrogate = "Acme opened a plant on Monday.", "Varga spoke \udc00 on Monday’s call."
    latin = "Café owners in Norland met on Monday. " + "é" * 60  # UTF-8 would be longer than the string
    for text in (ascii_text, lone_surrogate, latin):
        article = _article("a", text)
        pack_text(article)
        assert article.__dict__["text"] is text and article.text is text


def test_a_build_packs_its_articles_texts_and_builds_the_same_timeline(monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    texts = [
        "Rahn’s union called a strike at the Westholm port on Monday — the first in a decade.",
        "Dockworkers of Rahn’s union walked out at the Westholm port on Monday, the union said.",
        "The Westholm port reopened on Wednesday after the strike, officials said.",
    ]

    def articles() -> list[Article]:
        return [_article(f"doc-{n}", text, f"2023-05-1{n}") for n, text in enumerate(texts)]

    packed_articles = articles()
    packed = build_timeline(packed_articles)
    assert [type(a.__dict__["text"]) for a in packed_articles] == [bytes, bytes, str]  # the third is ASCII
    assert [a.text for a in packed_articles] == texts
    monkeypatch.setattr(build, "pack_text", lambda article: None)
    plain = build_timeline(articles())
    assert [(e.id, e.title, e.date, e.sources) for e in packed.events] == [
        (e.id, e.title, e.date, e.sources) for e in plain.events
    ]
    assert packed.documents == plain.documents

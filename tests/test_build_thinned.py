"""What the build keeps of a reading until the merge: only the sentences that carry a mention, unless a
summary reads them all again; the offsets shared as they are handed over."""

from __future__ import annotations

from timeline import build
from timeline.build import build_timeline
from timeline.config import BuildOptions
from timeline.sentences import split_sentences
from timeline.types import Article, Published

# sentences 0 and 4 carry a mention; 1-3 (a share button, a photo credit, a question) carry none
_TEXT = (
    "Maria Novak, the port authority chief, opened the new container terminal on Monday.\n\n"
    "Share this article on Facebook, on Twitter or by e-mail with your friends and your family.\n\n"
    "Photo: Acme archive, all rights reserved, used with the kind permission of its owners.\n\n"
    "Is it a good idea?\n\n"
    "Dockworkers staged a brief protest outside the gates on Tuesday."
)


def _article(doc: str, text: str, published: str | None) -> Article:
    when = Published(published, "header") if published else Published()
    return Article(doc, f"{doc}.txt", text, [(0, len(text))], published=when)


def _sentence_indexes(reading) -> list[int]:
    return [sentence.index for sentence in reading[0]]


def test_a_dated_reading_keeps_only_the_sentences_its_mentions_are_in(monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    dated, undated = _article("a1", _TEXT, "2023-05-09"), _article("a2", _TEXT, None)
    thin, whole = build._read_articles([dated, undated], BuildOptions(), build._Beside())
    assert _sentence_indexes(thin) == [0, 4]
    assert [m.sentence for m in thin[2]] == list(thin[0])  # the mentions' own sentence objects
    # an undated article may be dated from the others and read again from all its sentences
    assert _sentence_indexes(whole) == [0, 1, 2, 3, 4]
    # a summary (``--top``) reads every sentence again
    (kept,) = build._read_articles([dated], BuildOptions(top=3), build._Beside())
    assert _sentence_indexes(kept) == [0, 1, 2, 3, 4]


def test_a_workers_chunk_is_thinned_alike_and_its_offsets_shared():
    one, two = _article("a1", _TEXT, "2023-05-09"), _article("a2", _TEXT, "2023-05-10")
    shared: dict = {}
    back = build._unpickled(build._read_chunk([one, two], every_sentence=False), shared)
    assert [_sentence_indexes(reading) for reading in back] == [[0, 4], [0, 4]]
    assert [m.sentence.index for m in back[0][2]] == [0, 4]
    # the fifth sentence starts at the same offset (above 256) in both articles: one number object
    first, second = back[0][0][1], back[1][0][1]
    assert first.start == second.start == _TEXT.index("Dockworkers") > 256
    assert first.start is second.start
    # by default (the task as other callers use it) a chunk keeps every sentence
    whole = build._unpickled(build._read_chunk([one]), {})
    assert _sentence_indexes(whole[0]) == [0, 1, 2, 3, 4]


def test_a_copy_of_a_thinned_original_still_drops_the_sentences_the_original_says(monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    added = "\n\nThe union of Westholm said on Wednesday that the strike would go on."
    articles = [
        _article("wire-1", _TEXT, "2023-05-09"),
        _article("wire-2", _TEXT + added, "2023-05-11"),  # the original re-sent with a new paragraph
    ]
    split_again = []

    def split(article: Article) -> list:
        split_again.append(article.id)
        return split_sentences(article)

    monkeypatch.setattr(build, "_split", split)
    thinned = build_timeline(articles)
    assert "wire-1" in split_again  # the original's reading kept two sentences: split again for the copy
    monkeypatch.setattr(build, "_every_sentence", lambda options: True)
    every = build_timeline(articles)
    assert thinned.copies == every.copies == {"wire-2": "wire-1"}
    assert thinned.warnings == every.warnings
    assert [(e.title, e.sources) for e in thinned.events] == [(e.title, e.sources) for e in every.events]
    # the copy is a source of its own only for what it adds: the union's statement
    assert thinned.warnings[0].endswith("1 sentence of its own kept")
    own = [e.title for e in thinned.events if "wire-2" in e.sources]
    assert own == ["Westholm said that the strike would go"]

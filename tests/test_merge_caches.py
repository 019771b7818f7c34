"""The caches a merge fills are emptied once it is done (memory, issue #9: a large collection's peak is the
timeline's writing, after the merge), and a build after that gives the same timeline."""

from __future__ import annotations

from timeline import build
from timeline.build import build_timeline
from timeline.merge import _FILLED_BY_MERGE
from timeline.names import fold, frozen_actor_keys
from timeline.render import dumps, to_dict
from timeline.types import Article, Published

# two outlets telling the same meeting and vote (invented)
_TEXTS = {
    "a1": "Minister Ana Varga met the Acme board in Westholm on Monday.\n\n"
    "The Norland council approved the harbour plan on Tuesday, officials said.",
    "a2": "Ana Varga, the trade minister, held talks with Acme executives in Westholm on Monday.\n\n"
    "On Tuesday the council of Norland voted to approve the harbour plan.",
}


def _articles() -> list[Article]:
    return [
        Article(doc, f"{doc}.txt", text, [(0, len(text))], published=Published("2023-05-10", "header"))
        for doc, text in _TEXTS.items()
    ]


def test_a_build_leaves_the_merge_caches_empty(monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")  # one process: the reading fills the same caches
    fold("Varga")
    timeline = build_timeline(_articles())
    assert timeline.events  # the merge ran
    assert frozen_actor_keys.cache_info().currsize == 0
    assert all(cached.cache_info().currsize == 0 for cached in _FILLED_BY_MERGE)


def test_a_build_after_the_caches_were_emptied_gives_the_same_timeline(monkeypatch):
    monkeypatch.setenv(build.WORKERS_VARIABLE, "1")
    first = dumps(to_dict(build_timeline(_articles())))
    for cached in (fold, frozen_actor_keys):
        cached("Ana Varga")  # warm again, as a build with its caches full would be
    again = dumps(to_dict(build_timeline(_articles())))
    assert again == first

"""Placing dated mentions with a helper process gives the very events one process gives (issue #13).

``merge/placing.py`` forks a helper that places the later half of the dated mentions alone; the merging
process places the earlier half, then the later half again, recalling the helper's ranks only where its
clusters had the same members.  These tests lower the size from which the helper is used, so a small
invented collection takes that path, and compare the whole timeline with the one-process merge."""

from __future__ import annotations

import pytest

import timeline.merge.placing as placing
from timeline.build import build_timeline
from timeline.merge.clusters import _Cluster
from timeline.merge.similar import sentence_idf
from timeline.render import render
from timeline.types import Article, Published

IDLE_CORE_MIN = placing.IDLE_CORE_MIN  # as the module has it (some tests lower it)

_HAPPENINGS = [
    "Norland's parliament passed the water bill on {day} May 2031",
    "Acme opened a battery plant in Lakeview on {day} May 2031",
    "Minister Rahn visited the port of Westbay on {day} May 2031",
    "Floods cut the railway line near Eastmoor on {day} May 2031",
    "Police arrested two men after a fire at the Lakeview depot on {day} May 2031",
]


def _collection() -> list[Article]:
    """Three outlets reporting a few happenings a day for three weeks; one outlet often a day late (a
    conflict to show), and later retellings: joins that cross any cut of the dated mentions."""
    articles = []
    for day in range(1, 22):
        for outlet in ("a", "b", "c"):
            told = day + 1 if outlet == "c" and day % 3 == 0 else day  # a date one source has wrong
            sentences = [_HAPPENINGS[(day + k) % len(_HAPPENINGS)].format(day=told) + "." for k in range(3)]
            if day > 3:
                sentences.append(f"Minister Rahn said on {day} May 2031 that the water bill was needed.")
                sentences.append(f"Acme said on {day - 2} May 2031 that the Lakeview plant would hire 300.")
            text = " ".join(sentences)
            doc = f"{outlet}-{day:02d}"
            when = Published(f"2031-05-{min(day + 1, 28):02d}", "header")
            articles.append(Article(doc, f"{doc}.txt", text, [(0, len(text))], published=when))
    return articles


def _build_json(monkeypatch: pytest.MonkeyPatch, shared: bool) -> str:
    monkeypatch.setattr(placing, "SHARED_PLACEMENT_MIN", 1 if shared else 10**9)
    monkeypatch.setattr(placing, "IDLE_CORE_MIN", -1.0)  # however busy the machine running the tests
    return render(build_timeline(_collection()), "json")


@pytest.fixture
def helper_answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    """What the helper handed back to the merging process (its record and IDF), to check it was used.
    The merging process never waits for the helper (a late one leaves it the work); here it does, so
    that the small collection takes the recalling path every time."""
    monkeypatch.setattr(placing._Helper, "ready", lambda helper: helper._connection.poll(None))
    received: dict[str, list] = {"record": [], "idf": []}
    for name in received:
        original = getattr(placing._Helper, name)

        def receiving(helper, original=original, name=name):
            answer = original(helper)
            received[name].append(answer)
            return answer

        monkeypatch.setattr(placing._Helper, name, receiving)
    return received


def test_the_helper_changes_nothing_in_the_timeline(monkeypatch, helper_answers) -> None:
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", True)  # whatever the environment says
    if not placing._may_share(placing.SHARED_PLACEMENT_MIN):
        pytest.skip("no process can be forked here (one core, threads, or not Linux)")
    alone = _build_json(monkeypatch, shared=False)
    assert helper_answers["record"] == []
    recalled: list[int] = []
    original_rank = placing._Recalling.rank

    def counting(ranking, probe, cid, cluster):
        match = original_rank(ranking, probe, cid, cluster)
        recalled.append(int(ranking.position[id(cluster.mentions[0])] >= ranking._cut))
        return match

    monkeypatch.setattr(placing._Recalling, "rank", counting)
    shared = _build_json(monkeypatch, shared=True)
    assert shared == alone
    record, idf = helper_answers["record"], helper_answers["idf"]
    assert len(record) == 1 and record[0] is not None, "the helper's record was not used"
    misses, matches, reasons, members = record[0]
    assert misses and matches and reasons and members
    assert idf and idf[0], "the helper's IDF was not used"
    # both kinds of cluster met after the cut: the helper's (recalled) and the earlier half's (worked out)
    assert 0 in recalled and 1 in recalled


def test_a_failed_helper_leaves_the_work_to_the_merging_process(monkeypatch, helper_answers) -> None:
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", True)
    if not placing._may_share(placing.SHARED_PLACEMENT_MIN):
        pytest.skip("no process can be forked here (one core, threads, or not Linux)")
    alone = _build_json(monkeypatch, shared=False)

    def failing(*arguments):
        raise MemoryError("the helper ran out of memory")

    monkeypatch.setattr(placing, "_record", failing)  # inherited by the forked helper
    assert _build_json(monkeypatch, shared=True) == alone
    assert helper_answers["record"] == [None]


def test_the_helper_is_off_when_turned_off(monkeypatch) -> None:
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", False)
    assert not placing._may_share(placing.SHARED_PLACEMENT_MIN)


def test_the_helper_is_on_unless_the_environment_turns_it_off() -> None:
    assert placing._turned_on("") and placing._turned_on("1") and placing._turned_on("yes")
    assert not placing._turned_on("0") and not placing._turned_on(" 0 ")


def test_no_helper_for_a_collection_too_large_to_pay(monkeypatch) -> None:
    # its forked copy's memory grows with the collection while its saving falls
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", True)
    if not placing._may_share(placing.SHARED_PLACEMENT_MIN):
        pytest.skip("no process can be forked here (one core, threads, or not Linux)")
    assert placing._may_share(placing.SHARED_PLACEMENT_MAX)
    assert not placing._may_share(placing.SHARED_PLACEMENT_MAX + 1)


def test_one_process_when_the_user_asks_for_one(monkeypatch) -> None:
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", True)
    monkeypatch.setenv(placing.WORKERS_VARIABLE, "1")
    assert not placing._may_share(placing.SHARED_PLACEMENT_MIN)
    monkeypatch.delenv(placing.WORKERS_VARIABLE)
    assert not placing._may_share(placing.SHARED_PLACEMENT_MIN - 1)


def test_the_idf_of_the_dated_mentions_is_the_clusters_one() -> None:
    # what the helper works out (from the dated mentions) is what the merge asks for (from its clusters):
    # the same sentences however they are grouped
    timeline = build_timeline(_collection())
    mentions = [m for e in timeline.events for m in e.mentions if m.date is not None]
    halves = [_Cluster(mentions=mentions[::2]), _Cluster(mentions=mentions[1::2])]
    assert sentence_idf(halves) == sentence_idf([_Cluster(mentions=list(reversed(mentions)))])


def test_a_late_helper_is_not_waited_for_and_changes_nothing(monkeypatch) -> None:
    monkeypatch.setattr(placing, "SHARE_PLACEMENT", True)
    if not placing._may_share(placing.SHARED_PLACEMENT_MIN):
        pytest.skip("no process can be forked here (one core, threads, or not Linux)")
    alone = _build_json(monkeypatch, shared=False)
    looks = iter([False] * 3)  # the record is there only from the fourth look on (48 mentions later)
    monkeypatch.setattr(
        placing._Helper, "ready", lambda helper: next(looks, None) is None and helper._connection.poll(None)
    )
    assert _build_json(monkeypatch, shared=True) == alone


def test_no_helper_on_a_busy_machine(monkeypatch) -> None:
    started: list[int] = []
    original = placing._Helper.start.__func__
    monkeypatch.setattr(
        placing._Helper, "start", classmethod(lambda cls, *a: started.append(1) or original(cls, *a))
    )
    alone = _build_json(monkeypatch, shared=False)
    monkeypatch.setattr(placing, "idle_cores", lambda since: 0.3)  # others keep the other cores busy
    monkeypatch.setattr(placing, "IDLE_CORE_MIN", IDLE_CORE_MIN)
    monkeypatch.setattr(placing, "SHARED_PLACEMENT_MIN", 1)
    assert render(build_timeline(_collection()), "json") == alone
    assert started == []


def test_idle_cores_from_the_processors_times(monkeypatch) -> None:
    monkeypatch.setattr(placing.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(placing, "cpu_times", lambda: (1_000 + 90, 10_000 + 200))
    assert placing.idle_cores((1_000, 10_000)) == pytest.approx(0.9)  # 90 of 200 ticks idle, of 2 cores
    assert placing.idle_cores((1_000 + 80, 10_000 + 190)) == 0.0  # 10 ticks: too short to tell
    assert placing.idle_cores(None) == 0.0
    monkeypatch.setattr(placing, "cpu_times", lambda: None)
    assert placing.idle_cores((1_000, 10_000)) == 0.0

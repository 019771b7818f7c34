"""A later paper's account told in one teller's words joins the happening beside its retelling (#11)."""

from merge_fixtures import blast_reports, dated_by_paper, dated_mention

from timeline.merge import merge_mentions
from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.tellers import _told_account, join_told_accounts
from timeline.types import Article, EventMention, JoinReason, Sentence

ARTICLES = [Article(d, f"{d}.txt", f"text of {d}", [(0, 10)]) for d in ("a", "b", "c", "d")]

# article d, published weeks after the Eastport bombing, tells it again through a witness's words
SAID = "Kell said the blast tore through the lobby doors and shattered the tall windows."
RETOLD = "The bomb exploded at the Eastport bank, killing 12 people and two guards among them, Kell said."
DETAIL = "The heavy door flew across the hall and landed near the vault, Kell said."


def _later(index: int, text: str, trigger: str, actors: list[str], terms: list[str]) -> EventMention:
    """Sentence ``index`` of article d, published on April 20, stating no date (a past clause)."""
    mention = dated_mention("d", "2031-04-20", text, trigger, actors, terms)
    mention.sentence = Sentence("d", index, index * 100, index * 100 + len(text), text, 0, 1)
    return dated_by_paper(mention)


def _said() -> EventMention:
    return _later(1, SAID, "said", ["Kell"], ["blast", "lobby", "door", "window", "tall"])


def _retold() -> EventMention:
    return _later(2, RETOLD, "exploded", ["Kell"], ["bomb", "bank", "guard"])


def _detail() -> EventMention:
    return _later(3, DETAIL, "flew", ["Kell"], ["door", "hall", "vault", "heavy"])


def _cluster(mentions: list[EventMention]) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _retold_into_blast() -> _Cluster:
    """The three outlets' reports with article d's retelling, joined as ``retold`` joins it."""
    retold = _retold()
    retold.join = JoinReason("d", retold.sentence.start, "a", 0, "retelling", 0.7)
    return _cluster([*blast_reports(), retold])


def _places(cluster: _Cluster) -> set[tuple[str, int]]:
    return {(m.document, m.sentence.index) for m in cluster.mentions}


def test_the_tellers_sentences_beside_a_retelling_join_it_keeping_their_dates():
    clusters = [_retold_into_blast(), _cluster([_said()]), _cluster([_detail()])]
    joined = join_told_accounts(clusters)
    assert len(joined) == 1
    blast = joined[0]
    assert {("d", 1), ("d", 2), ("d", 3)} <= _places(blast)
    for mention in blast.mentions:
        if mention.document == "d" and mention.sentence.index != 2:
            assert mention.join is not None and mention.join.kind == "retelling"
            assert "in its teller's words" in mention.join.date
            assert mention.date is not None and mention.date.value == "2031-04-20"  # not re-dated


def test_a_merge_joins_the_statement_beside_the_retelling_it_made():
    events = merge_mentions([*blast_reports(), _said(), _retold()], ARTICLES)
    blast = next(e for e in events if any(m.sentence.text.startswith("A bomb exploded") for m in e.mentions))
    assert {m.sentence.text for m in blast.mentions if m.document == "d"} == {SAID, RETOLD}
    assert blast.date is not None and blast.date.value == "2031-03-07"


def test_another_teller_a_plan_or_a_same_day_neighbour_stays_apart():
    other_teller = _later(1, SAID.replace("Kell", "Rahn"), "said", ["Rahn"], ["blast", "lobby", "door"])
    joined = join_told_accounts([_retold_into_blast(), _cluster([other_teller])])
    assert len(joined) == 2
    plan = _later(1, "Kell said the bank would reopen its lobby in May.", "said", ["Kell"], ["bank", "lobby"])
    assert not _told_account(plan)
    assert len(join_told_accounts([_retold_into_blast(), _cluster([plan])])) == 2
    # the neighbour joined as the day's own report, not as a retelling: no teller's account to follow
    same_day = _cluster([*blast_reports(), _retold()])
    assert len(join_told_accounts([same_day, _cluster([_said()])])) == 2

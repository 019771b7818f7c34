"""History told beside the day's news, lent the day's action, is not the day's happening (#11)."""

from merge_fixtures import dated_by_paper, dated_mention

from timeline.merge.clusters import _Cluster
from timeline.merge.features import features
from timeline.merge.history import separate_history
from timeline.types import EventMention, Sentence

CEREMONY = "2031-03-12"
HISTORY = "On April 4, 1989, the foreign minister signed the treaty, which created the Acme Alliance."


def _report(doc: str, text: str) -> EventMention:
    return dated_mention(doc, CEREMONY, text, "joined", ["Norland", "Acme Alliance"], ["join", "ceremony"])


def _history_mentions(lent_trigger: str = "ceremony") -> list[EventMention]:
    """The history sentence's two mentions: its own, dated 1989 by its words, and one dated by its paper
    that the events stage lent the day's action."""
    own = dated_mention("c", "1989-04-04", HISTORY, "signed", ["Acme Alliance"], ["sign", "treaty"])
    lent = dated_mention(
        "c", CEREMONY, HISTORY, lent_trigger, ["Norland", "Acme Alliance"], ["ceremony", "join"]
    )
    dated_by_paper(lent)
    for mention in (own, lent):
        mention.sentence = Sentence("c", 5, 500, 500 + len(HISTORY), HISTORY, 0, 6)
    return [own, lent]


def _cluster(*mentions: EventMention) -> _Cluster:
    cluster = _Cluster()
    for mention in mentions:
        cluster.add(mention, features(mention))
    return cluster


def _day_reports() -> list[EventMention]:
    return [
        _report("a", "Norland joined the Acme Alliance at a ceremony on Friday."),
        _report("b", "At a ceremony on Friday Norland joined the Acme Alliance."),
        _report("c", "Norland joined the Acme Alliance on Friday."),
    ]


def test_a_history_clause_lent_the_days_action_leaves_the_days_event():
    own, lent = _history_mentions()
    parts = separate_history([_cluster(*_day_reports(), lent), _cluster(own)])
    day = parts[0]
    assert {m.document for m in day.mentions} == {"a", "b", "c"} and lent not in day.mentions
    assert any(p.mentions == [lent] for p in parts)
    assert lent.date.value == CEREMONY  # its own (publication) date kept


def test_its_own_action_or_one_articles_account_keeps_it():
    own, lent = _history_mentions(lent_trigger="signed")  # "signed" is a word of its sentence
    (day, _) = separate_history([_cluster(*_day_reports(), lent), _cluster(own)])
    assert lent in day.mentions
    own, lent = _history_mentions()
    one_article = [_report("c", "Norland joined the Acme Alliance on Friday."), lent]
    (account, _) = separate_history([_cluster(*one_article), _cluster(own)])
    assert lent in account.mentions


def test_a_date_of_the_same_year_is_no_history():
    own, lent = _history_mentions()
    own.date = dated_mention("c", "2030-12-01", HISTORY, "signed", [], []).date
    (day, _) = separate_history([_cluster(*_day_reports(), lent), _cluster(own)])
    assert lent in day.mentions

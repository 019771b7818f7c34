"""Two articles' sentences that state no day of their own are dated by their publication days: a place both
name is then no evidence that they tell one happening (#11: an essay's general remarks joined a same-day
news report through the country both name)."""

from dataclasses import replace

from merge_fixtures import dated_mention

from timeline.merge import merge_mentions
from timeline.types import Article, EventMention, Published

DAY = "2031-03-07"
RATTLED = "Lenders in Norland were rattled by the ledger scandal."
VOWED = "The scandal brought vows from the watchdogs of Norland."


def _report(doc: str, text: str, trigger: str, terms: list[str], stated: bool) -> EventMention:
    mention = dated_mention(doc, DAY, text, trigger, ["Norland"], terms, places=["Norland"])
    return mention if stated else replace(mention, expression=None, date_source="publication-implicit")


def _together(stated: bool) -> bool:
    mentions = [
        _report("a", RATTLED, "rattled", ["lender", "ledger", "scandal"], stated),
        _report("b", VOWED, "brought", ["scandal", "vow", "watchdog"], stated),
    ]
    articles = [Article(doc, f"{doc}.txt", "x", [(0, 1)], published=Published(DAY, "header")) for doc in "ab"]
    events = merge_mentions(mentions, articles)
    return any(len({m.document for m in event.mentions}) == 2 for event in events)


def test_publication_dated_sentences_sharing_a_place_and_one_word_stay_apart():
    assert not _together(stated=False)


def test_the_same_sentences_each_stating_the_day_still_join():
    assert _together(stated=True)

"""History told beside the day's news is not the day's happening: a lent action does not make it so.

The events stage lends a clause that states no date of its own a neighbouring report's action and date
(``timeline/events/implicit.py``: one happening told over several sentences).  A sentence of history in a
report ("On May 2, 1961, the foreign minister signed the charter, which created the union") then has,
beside the mention its own date makes (1949), a second one dated by its paper and carrying the day's action
("ceremony"), which joins the day's event with every outlet's report of it (on the AQUAINT merge gold two
such sentences held 32 wrong pairs in a ceremony's event).  So, once the events are formed, a mention in an
event several articles tell that

- states no date of its own (its paper's day or the narrative's),
- carries an action that is no word of its own sentence (lent),
- and whose sentence states, in another mention, only dates more than ``HISTORY_DAYS`` from its event's date

leaves for an event of its own, its date kept.  Within one article's own event nothing changes: its
account may tell its history as it likes.
"""

from __future__ import annotations

from collections import defaultdict

from timeline.merge.clusters import _Cluster
from timeline.merge.reactions import take_out
from timeline.merge.scoring import UNSTATED
from timeline.merge.similar import _event_date
from timeline.types import DateValue, EventMention

# how far a date the sentence states may lie from its event's before the sentence is history, not news of
# that day (measured on the AQUAINT gold: any other day loses 20 right pairs, a month and a year alike lose
# none; a year, the more cautious)
HISTORY_DAYS = 365

_Sentence = tuple[str, int]


def separate_history(clusters: list[_Cluster], copies: dict[str, str] | None = None) -> list[_Cluster]:
    """The clusters with each lent history clause (module docstring) of an event several articles tell
    taken out into a cluster of its own."""
    copies = copies or {}
    stated: dict[_Sentence, list[DateValue]] = defaultdict(list)
    for cluster in clusters:
        for mention in cluster.mentions:
            if mention.date is not None and mention.date_source == "expression":
                stated[(mention.document, mention.sentence.start)].append(mention.date)
    result: list[_Cluster] = []
    for cluster in clusters:
        articles = {copies.get(m.document, m.document) for m in cluster.mentions}
        when = _event_date(cluster) if len(articles) > 1 else None
        gone = [m for m in cluster.mentions if when is not None and _history(m, when, stated)]
        result.extend(take_out(cluster, gone))
    return result


def _history(mention: EventMention, when: DateValue, stated: dict[_Sentence, list[DateValue]]) -> bool:
    if mention.date is None or mention.date_source not in UNSTATED:
        return False
    first = mention.trigger.split()[0].lower() if mention.trigger else ""
    if first and first in mention.sentence.text.lower():
        return False  # its own action: what it tells is its own
    own = stated.get((mention.document, mention.sentence.start), [])
    return bool(own) and all(abs((day.start - when.start).days) > HISTORY_DAYS for day in own)

"""Restated reports: one happening the earlier steps left as two events of the same day.

Two cases a reader sees as the same line printed twice under one date:
- **word for word**: outlets print the same sentence ("No one has claimed responsibility.") on the same
  day, often from one wire story; the merge's rules compare actions and names and may find neither;
- **one article restating itself**: a headline-like lead and the article's next sentences that the events
  stage gave the same content (action and named actors) end up apart when one is dated by its own
  expression and the others by the article's publication day.

Both join only events whose dates are the same day, so nothing is re-dated; the smaller event moves into
the larger, its first mention's join saying why.
"""

from __future__ import annotations

import re
from dataclasses import replace
from hashlib import blake2b

from timeline.merge.clusters import _Cluster
from timeline.merge.evidence import join_reason
from timeline.merge.features import _DAY, features
from timeline.merge.similar import _event_date

# a sentence printed word for word is evidence only when it says something: "He said so." is not
MIN_RESTATED_WORDS = 5
# the runs between ``[\W_]+`` (every whitespace character is one of those): read at once, not by replacing
# the others by spaces and splitting there (speed; the same words)
_WORD_RUN = re.compile(r"[^\W_]+")


def join_restated(clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters after same-day events told in the same words, or restated by one article, are one."""
    by_key: dict[tuple, int] = {}
    for cid, cluster in enumerate(clusters):
        when = _event_date(cluster)
        if when is None or when.granularity not in _DAY:
            continue
        for key in _keys(cluster, when.value):
            other = by_key.get(key)
            if other is None or not clusters[other].mentions:
                by_key[key] = cid
                continue
            if other == cid:
                continue
            big, small = sorted((other, cid), key=lambda i: -len(clusters[i].mentions))
            how = "wording" if type(key) is bytes else "restated"
            if how == "wording" and not _other_outlet(clusters[small], clusters[big]):
                continue
            _join(clusters[small], clusters[big], how)
            clusters[small] = _Cluster()
            by_key[key] = big
            if small == cid:
                break  # this cluster is gone
    return [c for c in clusters if c.mentions]


def _other_outlet(small: _Cluster, big: _Cluster) -> bool:
    """A lone sentence of another article: fusing two events over one shared sentence joined unrelated
    reports (measured on the AQUAINT gold), and two events of one sentence are two happenings it tells."""
    return len(small.mentions) == 1 and small.mentions[0].document not in {m.document for m in big.mentions}


def _keys(cluster: _Cluster, day: str) -> list[tuple | bytes]:
    """The cluster's keys: a mention's wording on that day (``_wording``), and for one article's event its
    mentions' content (action, status and named actors) on that day."""
    keys: list[tuple | bytes] = []
    documents = {m.document for m in cluster.mentions}
    for mention in cluster.mentions:
        words = _WORD_RUN.findall(mention.sentence.text.lower())
        if len(words) >= MIN_RESTATED_WORDS:
            keys.append(_wording(day, mention.status, words))
        if len(documents) == 1 and len(mention.actors) >= 2 and mention.date_source != "joined":
            content = (mention.trigger.lower(), mention.status, frozenset(a.lower() for a in mention.actors))
            keys.append(("restated", day, mention.document, content))
    return keys


def _wording(day: str, status: str, words: list[str]) -> bytes:
    """The key of a sentence's words on a day and in a status: their 128-bit digest.  Memory (issue #9):
    the table holds a key for every sentence of every day-dated event, and a sentence's words joined are a
    string of a hundred or two bytes, a digest 16 (two different sentences meeting on one is a chance of
    2^-128 a pair: none)."""
    text = "\0".join((day, status, " ".join(words)))
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _join(small: _Cluster, big: _Cluster, how: str) -> None:
    mention = small.mentions[0]
    member = next((m for m in big.mentions if m.sentence.text == mention.sentence.text), big.mentions[0])
    reason = join_reason(mention, features(mention), member, features(member), "same-date")
    said = "the same sentence word for word" if how == "wording" else "the article restating the same report"
    mention.join = replace(reason, date=f"{reason.date}; {said}")
    big.add_reason(mention.join)
    big.absorb(small)

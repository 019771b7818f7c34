"""A named party's reaction to a happening is not that happening, nor a clause the reaction governs.

"Ostria deplored on Friday the depot fire which killed 9 people" is Ostria's act, done to the fire
(``MentionFeatures.objects``), on the fire's day and with its words.  The merge's match refuses such a
reaction (``scoring._reacts``) except against a report told with a framing verb ("the fire occurred
..."), which lets it into the happening's event; and the events stage reads a second mention in the
sentence's relative clause ("... which killed ... and injured more than 40": ``features.governor``
names the sentence's own action), which joins the happening by its words.  On the AQUAINT merge gold one
such sentence held 35 wrong pairs.  So, once the events are formed:

- a mention whose own action is not its event's main action (the lexicon concept most of its members
  report) nor allied to it, names that action after its verb (``objects``), states its own date, is done by
  a named party (its clause's subject) that none of the event's other sentences names, and is no reprint of
  another article's sentence in the event, leaves for an event of its own;
- then a mention whose action its sentence's own action governs leaves an event when the mention of that
  governing action is in another event: the sentence's news is what governs it.

Each keeps its own date (nothing is re-dated) and loses its join.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from timeline.merge.articles import _without
from timeline.merge.clusters import _Cluster
from timeline.merge.features import _ALLIED, MentionFeatures, features
from timeline.merge.scoring import _FRAMING_HEADS
from timeline.merge.statements import _named
from timeline.types import EventMention

REACTED_MEMBERS = 3  # an event this large has a main action a reaction can be told apart from


def separate_reactions(clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters after reactions (``_reactions``), then the clauses their sentences' own actions
    govern elsewhere (``_governed``), have left for events of their own."""
    clusters = [part for cluster in clusters for part in take_out(cluster, _reactions(cluster))]
    home = _governing_homes(clusters)
    return [
        part
        for cid, cluster in enumerate(clusters)
        for part in take_out(cluster, _governed(cid, cluster, home))
    ]


def take_out(cluster: _Cluster, gone: list[EventMention]) -> list[_Cluster]:
    """The cluster less ``gone`` (none left behind empty), and each of those alone in a cluster of its own,
    its join dropped."""
    if not gone or len(gone) == len(cluster.mentions):
        return [cluster]
    parts = [_without(cluster, gone)]
    for mention in gone:
        mention.join = None
        alone = _Cluster()
        alone.add(mention, features(mention))
        parts.append(alone)
    return parts


def _reactions(cluster: _Cluster) -> list[EventMention]:
    """The mentions that are a named party's own act done to the event's main action."""
    if len(cluster.mentions) < REACTED_MEMBERS:
        return []
    heads = Counter(
        f.head for m in cluster.mentions if (f := features(m)).head and not f.head.startswith("v:")
    )
    if not heads:
        return []
    main = heads.most_common(1)[0][0]
    return [m for m in cluster.mentions if _reacts_to(m, features(m), main, cluster)]


def _reacts_to(mention: EventMention, f: MentionFeatures, main: str, cluster: _Cluster) -> bool:
    if f.kind != "occurrence" or f.head is None or f.head == main or f.head in _ALLIED.get(main, ()):
        return False
    if f.head in _FRAMING_HEADS or main not in f.objects or not f.subjects:
        return False
    if mention.date_source != "expression":
        return False  # dated by the story around it: the statements step's business
    text = mention.sentence.text
    if any(o.sentence.text == text and o.document != mention.document for o in cluster.mentions):
        return False  # a wire sentence several papers print: the event is that sentence's
    others = [features(o) for o in cluster.mentions if o.sentence.text != text]
    return not any(_named(words, others) for words in f.subjects)


_Sentence = tuple[str, int]


def _governing_homes(clusters: list[_Cluster]) -> dict[_Sentence, dict[str, int]]:
    """Per sentence, the event each of its mentions' own action (its stem) is in."""
    home: dict[_Sentence, dict[str, int]] = defaultdict(dict)
    for cid, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            f = features(mention)
            stem = f.action or (f.head or "").removeprefix("v:")
            if stem:
                home[(mention.document, mention.sentence.start)][stem] = cid
    return home


def _governed(cid: int, cluster: _Cluster, home: dict[_Sentence, dict[str, int]]) -> list[EventMention]:
    """The mentions whose sentence's governing action is told in another event."""
    gone = []
    for mention in cluster.mentions:
        governor = features(mention).governor
        if governor:
            where = home[(mention.document, mention.sentence.start)].get(governor)
            if where is not None and where != cid:
                gone.append(mention)
    return gone

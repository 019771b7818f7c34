"""The merge's per-cluster and per-sentence tables in their smaller forms (memory, issue #9): a cluster's
reasons shared empty until it gets one, each sentence's clusters as a tuple, a sentence's words keyed by
their digest, an event's vector let go and made again: the same answers as before."""

from datetime import date

from timeline.merge import merge_mentions
from timeline.merge.clusters import NO_REASONS, _Cluster, sentence_homes
from timeline.merge.features import features, forget_features, remember_features
from timeline.merge.restated import _wording
from timeline.merge.similar import _Space
from timeline.types import Article, DateValue, EventMention, JoinReason, Sentence

DAY = DateValue("2031-04-17", date(2031, 4, 17), date(2031, 4, 17), "day")


def _mention(doc: str, text: str, trigger: str, actors: list[str], index: int = 0) -> EventMention:
    sentence = Sentence(doc, index, 100 * index, 100 * index + len(text), text, 0, 1)
    terms = [w.lower().strip(".") for w in text.split() if len(w) > 3]
    return EventMention(doc, sentence, None, DAY, trigger, actors=actors, terms=terms)


def _reason(doc: str, other: str) -> JoinReason:
    return JoinReason(doc, 0, other, 0, "same-date", 0.5)


def test_a_clusters_reasons_are_its_own_from_the_first():
    one, two, three = _Cluster(), _Cluster(), _Cluster()
    assert one.reasons == () and one.reasons is two.reasons  # (one shared empty tuple, no list each)
    first = _reason("b", "a")
    one.add_reason(first)
    assert one.reasons == [first]
    assert two.reasons == () and NO_REASONS == ()  # the shared tuple was not changed in place
    two.add_reasons([])  # nothing to add: still the shared one
    assert two.reasons is NO_REASONS
    second = _reason("c", "a")
    two.add_reasons([second])
    three.add_reasons(one.reasons)  # taking another's reasons copies them: later additions stay apart
    three.add_reason(second)
    assert one.reasons == [first] and two.reasons == [second] and three.reasons == [first, second]


def test_two_events_keep_their_own_reasons_after_their_joins():
    remember_features()
    try:
        a = _mention("a", "Acme closed the Rahn dam at Westholm.", "closed", ["Acme"])
        b = _mention("b", "Acme closed the Rahn dam at Westholm today.", "closed", ["Acme"])
        c = _mention("c", "Varga opened the Norland border crossing.", "opened", ["Varga"])
        d = _mention("d", "Varga opened the Norland border crossing today.", "opened", ["Varga"])
        dam, border = _Cluster(), _Cluster()
        for cluster, (first, joined) in ((dam, (a, b)), (border, (c, d))):
            cluster.add(first, features(first))
            cluster.add_reason(_reason(joined.document, first.document))
            cluster.add(joined, features(joined))
        lone = _Cluster()
        lone.add(a, features(a))
        dam.absorb(lone)  # (a cluster without reasons taken in adds none)
    finally:
        forget_features()
    assert [r.document for r in dam.reasons] == ["b"]
    assert [r.document for r in border.reasons] == ["d"]


def test_a_merges_events_each_hold_the_reasons_of_their_own_mentions():
    texts = [
        ("Acme engineers closed the Rahn dam after the flood.", "closed", ["Acme", "Rahn"]),
        ("Engineers from Acme closed the Rahn dam as the flood rose.", "closed", ["Acme", "Rahn"]),
        ("Varga opened the Norland border crossing at dawn.", "opened", ["Varga", "Norland"]),
        ("Varga opened the Norland border crossing to lorries.", "opened", ["Varga", "Norland"]),
        ("The Westholm choir sang at the festival.", "sang", ["Westholm"]),
    ]
    articles, mentions = [], []
    for i, (text, trigger, actors) in enumerate(texts):
        articles.append(Article(f"d{i}", f"d{i}.txt", text, [(0, len(text))]))
        mentions.append(_mention(f"d{i}", text, trigger, actors))
    events = merge_mentions(mentions, articles)
    joined = [e for e in events if len(e.mentions) > 1]
    assert len(joined) == 2  # the dam's closing and the border's opening, each told twice
    for event in events:
        documents = {m.document for m in event.mentions}
        assert len(event.reasons) == len(event.mentions) - 1
        assert all(r.document in documents and r.matched_document in documents for r in event.reasons)


def test_each_sentences_clusters_in_increasing_order_each_once():
    a0 = _mention("a", "Acme closed the dam.", "closed", ["Acme"])
    a0_again = _mention("a", "Acme closed the dam.", "dam", ["Acme"])  # another mention, one sentence
    a1 = _mention("a", "Varga opened the border.", "opened", ["Varga"], index=1)
    b0 = _mention("b", "Acme closed the dam.", "closed", ["Acme"])
    clusters = [
        _Cluster(mentions=[a0, a0_again, b0]),
        _Cluster(mentions=[a1]),
        _Cluster(mentions=[a0_again]),  # (a sentence in two clusters)
    ]
    texts: dict[tuple[str, int], str] = {}
    home = sentence_homes(clusters, texts)
    assert home == {("a", 0): (0, 2), ("a", 1): (1,), ("b", 0): (0,)}
    assert texts == {
        ("a", 0): "Acme closed the dam.",
        ("a", 1): "Varga opened the border.",
        ("b", 0): b0.sentence.text,
    }
    assert sentence_homes([_Cluster()]) == {}


def test_a_sentences_words_key_tells_the_day_the_status_and_the_words_apart():
    words = ["acme", "closed", "the", "rahn", "dam"]
    key = _wording("2031-04-17", "reported", words)
    assert isinstance(key, bytes) and len(key) == 16
    assert key == _wording("2031-04-17", "reported", list(words))  # the same words: the same key
    assert key != _wording("2031-04-18", "reported", words)
    assert key != _wording("2031-04-17", "expected", words)
    assert key != _wording("2031-04-17", "reported", ["acme", "closed", "the", "rahn", "dams"])
    assert _wording("2031-04-17", "reported", ["caf\udce9"])  # a lone surrogate of a bad byte: still a key


def test_an_events_vector_let_go_is_made_again_from_the_event_as_it_is():
    a = _mention("a", "Acme closed the Rahn dam after the flood.", "closed", ["Acme"])
    b = _mention("b", "Varga opened the Norland border crossing.", "opened", ["Varga"])
    clusters = [_Cluster(mentions=[a]), _Cluster(mentions=[b])]
    space = _Space(clusters, {"acme": 1.0, "closed": 0.5, "rahn": 2.0, "flood": 1.5, "varga": 1.0})
    first = space.vector(0)
    assert space.vector(0) is first  # kept until let go
    space.forget(0)
    again = space.vector(0)
    assert again == first and again is not first
    clusters[0].mentions.append(b)  # the event changed: a vector made after letting go tells it
    space.forget(0)
    assert "varga" in space.vector(0) and "varga" not in first
    space.forget(1)
    space.forget(1)  # (letting go twice, or one never made, is nothing)


def test_in_a_merge_the_features_hold_the_mentions_own_lists_of_terms_and_names():
    mention = _mention("a", "Acme closed the Rahn dam at Westholm.", "closed", ["Acme", "Westholm"])
    outside = features(mention)  # outside a merge: copies, as tuples
    assert outside.term_words == tuple(mention.terms) and outside.names == ("Acme", "Westholm")
    remember_features()
    try:
        # (the terms read the same words another way: not the key cached outside the merge)
        other = _mention("b", "Acme closed the Rahn dam at Westholm at noon.", "closed", ["Acme", "Westholm"])
        found = features(other)
        assert found.term_words is other.terms and found.names is other.actors  # no copy of either
        assert found.terms == frozenset(other.terms) and list(found.names) == ["Acme", "Westholm"]
        equal = _mention("c", "Acme closed the Rahn dam at Westholm at noon.", "closed", ["Acme", "Westholm"])
        shared = features(equal)  # equal words: the same features, holding the first mention's lists
        assert shared is found and shared.term_words == equal.terms
        again = features(mention)  # a key cached outside the merge: the features as they were made
        assert again is outside and isinstance(again.term_words, tuple)
    finally:
        forget_features()

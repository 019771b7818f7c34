"""Same-day reports a reader would see printed twice: the same sentence from two outlets is one event."""

from __future__ import annotations

from timeline.build import build_timeline
from timeline.readers import read_paths


def _write(tmp_path, name: str, lead: str, restated: str) -> str:
    path = tmp_path / name
    path.write_text(f"Date: 2026-03-06\n\n{lead}\n\n{restated}\n", encoding="utf-8")
    return str(path)


def test_one_sentence_printed_word_for_word_by_two_outlets_is_one_event(tmp_path):
    # each outlet's lead is other news, so the restated sentence starts an event of its own in each
    same = "No group has claimed responsibility so far."  # no name: the earlier rules find no evidence
    paths = [
        _write(tmp_path, "wire.txt", "Minister Rahn opened a bridge in Kell on Friday.", same),
        _write(tmp_path, "paper.txt", "Norby's council approved a new budget on Friday.", same),
    ]
    timeline = build_timeline(read_paths(paths))
    told = [e for e in timeline.events if any(m.sentence.text == same for m in e.mentions)]
    assert len(told) == 1
    (event,) = told
    assert event.sources == ["paper", "wire"]
    assert event.date is not None and event.date.value == "2026-03-06"
    joined = [m.join for m in event.mentions if m.join is not None and m.sentence.text == same]
    assert joined and any("word for word" in j.date for j in joined)


def test_an_article_restating_its_own_report_on_the_same_day_is_one_event():
    # the lead dated by its own "on Friday", the next sentence (given the lead's action and names by the
    # events stage) by the paper's day: the same day, the same report, one event
    from timeline.merge.clusters import _Cluster
    from timeline.merge.features import features
    from timeline.merge.restated import join_restated
    from timeline.temporal.timex import value_to_date
    from timeline.types import EventMention, Sentence, TimeExpression

    def mention(index: int, text: str, stated: bool) -> EventMention:
        expression = (
            TimeExpression("2026-03-06", 0, 6, "DATE", "2026-03-06", None, "absolute") if stated else None
        )
        return EventMention(
            document="a",
            sentence=Sentence("a", index, index * 100, index * 100 + len(text), text, index, index + 1),
            expression=expression,
            date=value_to_date("2026-03-06"),
            trigger="condemned",
            actors=["Norland", "Kell"],
            title="Norland condemned the raid on Kell",
            date_source="expression" if stated else "publication-implicit",
        )

    clusters = []
    for m in (
        mention(0, "Norland condemned the raid on Kell on Friday.", True),
        mention(2, "A resolution deplored it.", False),
    ):
        cluster = _Cluster()
        cluster.add(m, features(m))
        clusters.append(cluster)
    (joined,) = join_restated(clusters)
    assert [m.sentence.index for m in joined.mentions] == [0, 2]
    assert "restating" in joined.mentions[1].join.date

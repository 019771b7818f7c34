"""The dates of an event's sources that disagree with its chosen date."""

from __future__ import annotations

from collections import defaultdict

from timeline.types import Conflict, DateValue, EventMention


def _conflicts(dated: list[EventMention], when: DateValue | None) -> list[Conflict]:
    by_value: dict[str, list[EventMention]] = defaultdict(list)
    for m in dated:
        if when and m.date and not m.date.overlaps(when):
            by_value[m.date.value].append(m)
    return [
        Conflict(value=value, sources=sorted({m.document for m in ms}), text=ms[0].sentence.text)
        for value, ms in sorted(by_value.items())
    ]

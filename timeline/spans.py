"""Character spans of a text: shared by the stages that cut text into pieces."""

from __future__ import annotations


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed to exclude surrounding whitespace; None if only whitespace is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    lead = len(chunk) - len(chunk.lstrip())
    return (start + lead, start + lead + len(stripped))

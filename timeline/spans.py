"""Character spans of a text: shared by the stages that cut text into pieces."""

from __future__ import annotations


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed to exclude surrounding whitespace; None if only whitespace is left."""
    if 0 <= start < end <= len(text) and not text[start].isspace() and not text[end - 1].isspace():
        # most pieces (nineteen sentences in twenty): nothing to strip, so no copy of the chunk is made
        # (``str.strip`` strips what ``str.isspace`` calls space, so the span is already its own result)
        return start, end
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    # everything before the first non-space character is space, so that character is first found there
    # (no second copy of the chunk, as ``lstrip`` would make)
    lead = chunk.find(stripped[0])
    return (start + lead, start + lead + len(stripped))

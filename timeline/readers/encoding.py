"""Bytes -> text, never failing and never losing a byte.

UTF-8 (with or without a BOM) and UTF-16 with a BOM are decoded as such; the
BOM is dropped so offsets index the text a reader sees.  Anything else is
decoded as cp1252 when that succeeds strictly, else latin-1 (which maps every
byte), with a warning saying so.  Line endings are kept as they are: offsets
into the decoded text must stay offsets into the file's text.
"""

from __future__ import annotations

import codecs


def decode_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """Decode ``data`` (read from ``name``); return the text and any warnings."""
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8_or_fallback(data[len(codecs.BOM_UTF8) :], name)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), []
            except UnicodeDecodeError:
                break  # a BOM-like start that is not UTF-16 after all
    return _decode_utf8_or_fallback(data, name)


def _decode_utf8_or_fallback(data: bytes, name: str) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    for codec in ("cp1252", "latin-1"):  # latin-1 maps every byte, so the loop always returns
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return text, [f"{name}: not UTF-8; decoded as {codec}"]
    raise AssertionError("unreachable: latin-1 decodes any bytes")


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is probably not text (NUL bytes outside a UTF-16 file)."""
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head

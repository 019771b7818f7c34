"""TimeML in and out: read gold TIMEX3 annotations, write our own.

TimeML (the TempEval-3 format) is XML: the article is the text content of the
``<TEXT>`` element, with inline ``<TIMEX3>``/``<EVENT>``/``<SIGNAL>`` tags, and
the document creation time sits in ``<DCT><TIMEX3 ... value="2011-03-08"
functionInDocument="CREATION_TIME">``.

Offsets used here are character offsets into the *plain text* of ``<TEXT>``:
its text content with every inner tag removed, exactly as an XML parser
decodes it (entities resolved, line ends normalised to ``\\n``).
``read_timeml(xml)[0]`` is that text, and it is the text a reader should hand
to ``tag()`` so that the expressions' offsets fit ``to_timeml``.

Writing (``to_timeml``) rebuilds ``<TEXT>`` as that plain text with *our*
TIMEX3 tags inserted.  Gold TIMEX3, EVENT and SIGNAL tags inside TEXT are
dropped, and so are MAKEINSTANCE and the link tags (TLINK, SLINK, ALINK),
which would otherwise point at ids that no longer exist.  Everything else
(DOCID, DCT with its ``t0``, TITLE, EXTRAINFO ...) is kept byte for byte.
The result is valid TimeML that the official TempEval-3 scorer accepts.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field

from timeline.types import TimeExpression

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# Tags that reference EVENT/TIMEX3 ids and so cannot survive a rebuilt TEXT.
_LINK_TAGS = ("MAKEINSTANCE", "TLINK", "SLINK", "ALINK")

_TEXT_ELEMENT = re.compile(r"(<TEXT(?:\s[^>]*)?>)(.*?)(</TEXT\s*>)", re.DOTALL)
_EMPTY_TEXT_ELEMENT = re.compile(r"<TEXT(?:\s[^>]*)?/>")
_LINK_ELEMENT = re.compile(
    r"[ \t]*<(?P<tag>{tags})\b[^>]*?(?:/>|>.*?</(?P=tag)\s*>)[ \t]*\n?".format(tags="|".join(_LINK_TAGS)),
    re.DOTALL,
)
_TID = re.compile(r"""\btid\s*=\s*["']([^"']*)["']""")
# Characters XML 1.0 forbids even as references; replaced one-for-one so offsets hold.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# A value for expressions the tagger found but could not normalise (TIMEX3 requires one).
_UNKNOWN_VALUE = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PXD", "SET": "XXXX-XX-XX"}

TIMEML_HEADER = (
    '<?xml version="1.0" ?>\n'
    '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n'
)


@dataclass(frozen=True)
class TimexTag:
    """One TIMEX3 annotation with its span in the plain text of ``<TEXT>``."""

    tid: str
    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    attributes: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


class TimeMLError(ValueError):
    """The input is not TimeML we can read (not XML, or no ``<TEXT>`` element)."""


def read_timeml(source_xml: str | bytes) -> tuple[str, str | None, list[TimexTag]]:
    """Plain text of ``<TEXT>``, the DCT value (or None) and the TIMEX3 tags inside TEXT.

    Raises ``TimeMLError`` when the XML does not parse or has no TEXT element.
    """
    root = _parse(source_xml)
    text_element = root.find(".//TEXT")
    if text_element is None:
        raise TimeMLError("no <TEXT> element")
    pieces: list[str] = []
    spans: list[tuple[ET.Element, int, int]] = []
    _walk(text_element, pieces, spans, offset=0)
    text = "".join(pieces)
    return text, dct_value(root), [_timex_tag(element, start, end, text) for element, start, end in spans]


def read_title(source_xml: str | bytes) -> str | None:
    """The ``<TITLE>`` (or ``<HEADLINE>``) text, if the document has one."""
    root = _parse(source_xml)
    for tag in ("TITLE", "HEADLINE"):
        element = root.find(f".//{tag}")
        if element is not None:
            title = " ".join("".join(element.itertext()).split())
            if title:
                return title
    return None


def read_doc_id(source_xml: str | bytes) -> str | None:
    """The ``<DOCID>`` text, if any."""
    element = _parse(source_xml).find(".//DOCID")
    if element is None:
        return None
    return "".join(element.itertext()).strip() or None


def dct_value(root: ET.Element) -> str | None:
    """The value of the creation-time TIMEX3 (inside ``<DCT>``, or marked CREATION_TIME)."""
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME" and timex.get("value"):
            return timex.get("value")
    dct = root.find(".//DCT/TIMEX3")
    if dct is not None and dct.get("value"):
        return dct.get("value")
    return None


def _parse(source_xml: str | bytes) -> ET.Element:
    if isinstance(source_xml, str):
        # ElementTree refuses a str that carries an encoding declaration; bytes are fine.
        source_xml = source_xml.encode("utf-8")
        source_xml = re.sub(rb"^\s*<\?xml[^>]*\?>", b"", source_xml, count=1)
    try:
        return ET.fromstring(source_xml)
    except ET.ParseError as error:
        raise TimeMLError(f"not well-formed XML: {error}") from error


def _walk(
    element: ET.Element, pieces: list[str], spans: list[tuple[ET.Element, int, int]], offset: int
) -> int:
    """Append the text under ``element`` (not its tail) to ``pieces``; return the new offset.

    Every TIMEX3 met is recorded in ``spans`` with its (start, end) offsets.
    """
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, pieces, spans, offset)
        if child.tag == "TIMEX3":
            spans.append((child, start, offset))
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def _timex_tag(element: ET.Element, start: int, end: int, text: str) -> TimexTag:
    return TimexTag(
        tid=element.get("tid", ""),
        start=start,
        end=end,
        text=text[start:end],
        type=element.get("type", ""),
        value=element.get("value"),
        mod=element.get("mod"),
        attributes=dict(element.attrib),
    )


# --------------------------------------------------------------------------- writing


def to_timeml(source_xml: str, expressions: Iterable[TimeExpression]) -> str:
    """``source_xml`` with its ``<TEXT>`` rebuilt around our TIMEX3 tags (see module doc).

    ``expressions`` carry offsets into ``read_timeml(source_xml)[0]``.  Expressions
    that overlap an earlier-kept one (TimeML forbids nested TIMEX3) or fall
    outside the text are left out.
    """
    if isinstance(source_xml, bytes):
        source_xml = source_xml.decode("utf-8")
    text, _, _ = read_timeml(source_xml)
    source_xml = _EMPTY_TEXT_ELEMENT.sub("<TEXT></TEXT>", source_xml, count=1)
    match = _TEXT_ELEMENT.search(source_xml)
    if match is None:  # a TEXT element parsed, so only a TEXT inside a comment or CDATA can hide it
        raise TimeMLError("cannot locate the <TEXT> element")
    head, tail = source_xml[: match.start()], source_xml[match.end() :]
    open_tag, close_tag = match.group(1), match.group(3)
    head, tail = _drop_links(head), _drop_links(tail)
    taken_tids = set(_TID.findall(head)) | set(_TID.findall(tail)) | {"t0"}
    body = _tagged_text(text, expressions, taken_tids)
    result = f"{head}{open_tag}{body}{close_tag}{tail}"
    _parse(result)  # our own output must be well-formed; fail loudly here rather than downstream
    return result


def text_to_timeml(
    text: str, published: str | None, expressions: Iterable[TimeExpression], doc_id: str = "document"
) -> str:
    """A minimal TimeML document for plain ``text``: DOCID, DCT (when ``published`` is known), TEXT.

    ``expressions`` carry offsets into ``text``.  Without a publication date the
    DCT element is omitted (TimeML has no way to say "unknown").
    """
    parts = [TIMEML_HEADER, f"<DOCID>{_escape(doc_id)}</DOCID>\n"]
    if published:
        value = _escape_attribute(published)
        parts.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{value}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{value}</TIMEX3></DCT>\n'
        )
    parts.append(f"<TEXT>{_tagged_text(text, expressions, {'t0'})}</TEXT>\n</TimeML>\n")
    result = "".join(parts)
    _parse(result)
    return result


def _drop_links(xml: str) -> str:
    return _LINK_ELEMENT.sub("", xml)


def _tagged_text(text: str, expressions: Iterable[TimeExpression], taken_tids: set[str]) -> str:
    """``text`` escaped, with a TIMEX3 element around each kept expression."""
    out: list[str] = []
    position = 0
    number = 0
    for expression in _non_overlapping(text, expressions):
        number += 1
        while f"t{number}" in taken_tids:
            number += 1
        out.append(_escape(text[position : expression.start]))
        inner = _escape(text[expression.start : expression.end])
        out.append(f"<TIMEX3 {_timex_attributes(expression, f't{number}')}>{inner}</TIMEX3>")
        position = expression.end
    out.append(_escape(text[position:]))
    return "".join(out)


def _non_overlapping(text: str, expressions: Iterable[TimeExpression]) -> list[TimeExpression]:
    """Valid, non-overlapping expressions in text order; on overlap the earlier (then longer) one wins."""
    ordered = sorted(
        (e for e in expressions if 0 <= e.start < e.end <= len(text)),
        key=lambda e: (e.start, -(e.end - e.start)),
    )
    kept: list[TimeExpression] = []
    for expression in ordered:
        if not kept or expression.start >= kept[-1].end:
            kept.append(expression)
    return kept


def _timex_attributes(expression: TimeExpression, tid: str) -> str:
    timex_type = expression.type if expression.type in TIMEX_TYPES else "DATE"
    value = expression.value or _UNKNOWN_VALUE[timex_type]
    # Anchored to the publication date or another mention: the value was computed, not read.
    computed = expression.anchor in ("publication", "mention")
    attributes = [("tid", tid), ("type", timex_type), ("value", value)]
    if expression.mod:
        attributes.append(("mod", expression.mod))
    attributes += [("temporalFunction", "true" if computed else "false"), ("functionInDocument", "NONE")]
    return " ".join(f'{name}="{_escape_attribute(content)}"' for name, content in attributes)


def _escape(text: str) -> str:
    """Escape character data; keep every character one-for-one so offsets survive a re-parse."""
    text = _XML_INVALID.sub(" ", text)
    # A raw \r would be normalised away by the parser, shifting offsets; a reference survives.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _escape_attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")

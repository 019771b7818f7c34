"""TimeML documents (``<TimeML>`` root): DCT as publication date, TEXT as text.

``Article.text`` is the plain text content of ``<TEXT>`` with every inner tag
removed and entities decoded, so offsets computed here line up with the text
a reader of the annotated document sees.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from timeline.errors import InputError
from timeline.readers.published import normalise_date
from timeline.types import Article, Published

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_ROOT_TAG = re.compile(r"<(?![?!])([A-Za-z_][\w.:-]*)")


def root_element_name(text: str) -> str | None:
    """The name of the first element in an XML/HTML document, without parsing it all."""
    head = _XML_DECLARATION.sub("", text[:4096], count=1)
    head = re.sub(r"<!--.*?-->|<!DOCTYPE[^>]*>", "", head, flags=re.DOTALL)
    m = _ROOT_TAG.search(head)
    return m[1] if m else None


def is_timeml(text: str) -> bool:
    return root_element_name(text) == "TimeML"


def read_timeml(text: str, path: str, article_id: str) -> Article:
    """An Article from a TimeML document."""
    try:
        # The declaration may name an encoding; the text is already decoded.
        root = ElementTree.fromstring(_XML_DECLARATION.sub("", text, count=1))
    except ElementTree.ParseError as exc:
        raise InputError(f"{path}: not well-formed TimeML XML ({exc})") from None
    body_element = root.find(".//TEXT")
    if body_element is None:
        raise InputError(f"{path}: TimeML document without a <TEXT> element")
    plain = "".join(body_element.itertext())
    title_element = root.find(".//TITLE")
    title = " ".join("".join(title_element.itertext()).split()) if title_element is not None else None
    return Article(
        id=article_id,
        path=path,
        text=plain,
        body=[(0, len(plain))] if plain.strip() else [],
        title=title or None,
        published=_document_creation_time(root),
        format="timeml",
    )


def _document_creation_time(root: ElementTree.Element) -> Published:
    for timex in root.iterfind(".//DCT//TIMEX3"):
        raw = timex.get("value", "")
        value = normalise_date(raw)
        if value:
            return Published(value=value, source="metadata", evidence=f'TimeML DCT value="{raw}"')
    return Published()

"""Which paragraphs of a scraped article are page furniture, not the article.

Scraped news text keeps bits of the page around the story: read times
("5 mins"), share buttons ("Facebook Twitter WhatsApp"), navigation
("Previous post", "Related posts"), cookie notices, copyright lines and
appeals to readers ("Dear readers", "please support us").  None of it may yield
events, so each paragraph gets a reason when it is boilerplate.

The rules are general, in the spirit of jusText / trafilatura (short link-like
blocks, context, end-of-article detection) but our own:

1. A line classifier: page chrome (read times, timestamps), share-button and
   menu lines, cookie notices, copyright lines, and appeals (second-person
   calls to action with a money or membership ask, not reported speech).
2. The tail: once a strong end-of-article marker (a short "A message from ...:",
   "Dear readers", "Previous post", "Related articles", "Comments" ...) appears
   after some article prose, everything from it on is boilerplate.
3. After the last prose paragraph, short non-sentence lines (headlines of
   related links, menu items) are boilerplate; so is a short non-sentence
   line sitting between two boilerplate paragraphs.
4. Wire markup: undecoded SGML codes that are not HTML entities (``&QL;``,
   ``&UR;``, ``&Cx1f;``) and the slugs around them ("A1234 &Cx1f; abc-z").
   A line of nothing else is boilerplate; elsewhere the codes are ignored
   when judging a paragraph, and ``trim_markup_codes`` keeps them off the
   ends of sentences (``Article.text`` itself is never changed: offsets
   index it).  An editors' note ("Eds: ...") is boilerplate too, and so is a
   wire dateline standing alone as the first paragraph ("PORTVALE, March 8
   (Wirecast) --"): it dates the report, it is no event.
"""

from __future__ import annotations

import re
from html.entities import html5 as _HTML_ENTITIES

from timeline.readers.dateline import is_dateline_only

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$|[\"”»]$")

_READ_TIME = re.compile(
    r"(?i)^(?:\d+|an?|one)\s*(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)"
    r"(?:\s+(?:ago|read|to read|reading|long read))?\.?$"
)
_TIMESTAMP = re.compile(
    r"(?i)^(?:(?:last\s+)?updated|posted|published|modified)\b.{0,40}$"
    r"|^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$"
)
# Share-button lines are made of service names and a little filler ("Share on Facebook").
_SHARE_SERVICES = frozenset(
    str.split(
        """facebook twitter x whatsapp telegram linkedin email e-mail mail print reddit pinterest share tweet
        copy vk viber messenger flipboard pocket sms threads bluesky mastodon instagram youtube tiktok rss"""
    )
)
_SHARE_FILLER = frozenset(str.split("on via this article story page link url"))
_SHARE_WORDS = _SHARE_SERVICES | _SHARE_FILLER
_MENU_LINE = re.compile(
    r"(?i)^(?:home|menu|search|log\s?in|log\s?out|sign\s?in|sign\s?up|register|subscribe|close|"
    r"skip to (?:main )?content|back to top|advertisement|advertising|sponsored(?: content)?|"
    r"remind me later|not now|no,? thanks|maybe later|click here\b.*|read (?:the )?full (?:story|article)|"
    r"continue reading|listen to (?:this )?(?:article|story)|print (?:this )?(?:article|page)?|"
    r"(?:cookie|privacy) (?:settings|policy|preferences)|accept(?: all)?(?: cookies)?|"
    r"terms of (?:use|service)|"
    r"(?:photo|image|video|source|credit)s?\s*:.{0,80}|read more\b.{0,80}|see also\b.{0,80}|"
    r"share(?: this| on| via)?(?: article| story| page| post)?(?: on \w+)?|follow us(?: on [\w ]+)?)[.!:]?$"
)
_DATA_LINE = re.compile(r"[^:\n]{1,40}:\s*(?=.*\d)\S")
# Credits and notes about the article itself, not its story.
_CREDITS = re.compile(
    r"(?i)^\(?\s*(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|produced|graphics)\s+by\b"
)
_EDITORIAL_NOTE = re.compile(
    r"(?i)^this\s+(?:article|story|piece|post|version|page)\s+(?:was|has\s+been|is|first)\s+"
    r"(?:originally\s+|first\s+)?(?:published|updated|appeared|corrected|amended|produced|written)\b"
)
_PHOTO_CREDIT = re.compile(
    r"(?i)\b(?:getty\s+images|ap\s+photo|shutterstock|afp\s+photo|epa-efe|photo\s+by|photograph\s*:|file\s+photo)"
)
_BYLINE = re.compile(r"^[Bb]y\s+(?:[A-Z][\w.'’-]*(?:,?\s+(?:and\s+)?|$)){1,6}$")
_COOKIE_CONTEXT = re.compile(
    r"(?i)\b(?:we use|uses|accept|consent|privacy|by continuing|browsing experience"
    r"|your (?:device|browser))\b"
)
_COPYRIGHT = re.compile(
    r"(?i)©|\(c\)\s*\d{4}|\bcopyright\s*(?:©|\(c\))?\s*\d{4}|\ball rights reserved\b|\bcopyright\s*$"
)
# Speed (issue #13): the case-insensitive searches above scan the whole line, so a line is searched only
# when its lower-cased text holds a word every match contains.  ``re.IGNORECASE`` also matches "i" with
# "ı" and "İ", and "s" with "ſ", which lower-casing does not give: a line holding one is always searched.
_CASE_EXTRAS = ("\u0130", "\u0131", "\u017f")


def _may_fold(text: str) -> bool:
    """Whether ``text`` has a letter that ``re.IGNORECASE`` matches with an ASCII one but ``str.lower``
    does not turn into it."""
    return not text.isascii() and ("\u0130" in text or "\u0131" in text or "\u017f" in text)


def _may_be_copyright(lowered: str) -> bool:
    """False only when ``_COPYRIGHT`` cannot match the line ``lowered`` was lowered from (unless the line
    ``_may_fold``)."""
    return "©" in lowered or "(c)" in lowered or "copyright" in lowered or "all rights reserved" in lowered


def _may_be_photo_credit(lowered: str) -> bool:
    """False only when ``_PHOTO_CREDIT`` cannot match the line ``lowered`` was lowered from."""
    return "photo" in lowered or "getty" in lowered or "shutterstock" in lowered or "epa-efe" in lowered


# Strong end-of-article markers, two kinds.  A letter to readers ends the article for good; a
# navigation heading ends it unless article prose resumes below it (an inline "Related stories" box).
_LETTER_MARKER = re.compile(
    r"""(?ix)^(?:
        (?:an?\s+)?(?:message|note|letter|word)\s+(?:from|to)\b.{0,60}
      | dear\s+(?:readers?|friends?|subscribers?|supporters?|members?|listeners?|viewers?)\b.{0,40}
      | (?:support|subscribe\s+to|donate\s+to)\s+(?:us|our|the|independent)\b.{0,60}
      | become\s+a\s+(?:member|subscriber|patron|supporter)\b.{0,60}
    )$"""
)
_NAVIGATION_MARKER = re.compile(
    r"""(?ix)^(?:
        (?:previous|next|prev|older|newer)\s+(?:post|article|story|page|entry|item)\b.{0,60}
      | (?:related|recommended|popular|trending|latest|more|top|other|similar
        |most\s+(?:read|popular|viewed|shared))
        (?:\s+\w+){0,3}\s+(?:posts?|articles?|stories|news|reads?|videos?|content|headlines|coverage|links)
      | (?:more\s+(?:from|on|about|in)|also\s+read|read\s+also|further\s+reading|don['’]t\s+miss
        |you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|in\s+other\s+news)\b.{0,60}
      | (?:comments?|\d+\s+comments?|leave\s+a\s+(?:comment|reply)
        |join\s+the\s+(?:conversation|discussion)|tags?\s*:|topics?\s*:|filed\s+under\b|keywords?\s*:).{0,60}
    )$"""
)

_SECOND_PERSON = re.compile(r"(?i)\b(?:you|your|you['’](?:re|ll|ve|d)|yourself)\b")
_FIRST_PLURAL = re.compile(r"(?i)\b(?:we|us|our|ours)\b")
_APPEAL = re.compile(
    r"(?i)\b(?:support(?:ing)?\s+(?:us|our|independent|quality|journalism)|donat(?:e|ion|ions|ing)|"
    r"contribut(?:e|ion|ions|ing)|subscri(?:be|ber|bers|ption|ptions)|newsletters?|sign\s+up|"
    r"become\s+a\s+(?:member|subscriber|patron|supporter)|membership|patreon|paywall|ad[- ]free|"
    r"need\s+your\s+(?:help|support)|help\s+us|independent\s+journalism|reader[- ]funded)"
)
# Cheap substring test before the appeal regex: every _APPEAL alternative contains one of these.
_APPEAL_KEYWORDS = (
    "support",
    "donat",
    "contribut",
    "subscri",
    "newsletter",
    "sign",
    "member",
    "patreon",
    "paywall",
    "ad-free",
    "ad free",
    "need",
    "help",
    "journalism",
    "reader",
)


def _has_appeal_keyword(lowered: str) -> bool:
    """Whether one of ``_APPEAL_KEYWORDS`` is in ``lowered`` (written out: a generator costs more than the
    look-ups, speed of issue #13)."""
    return (
        "support" in lowered
        or "donat" in lowered
        or "contribut" in lowered
        or "subscri" in lowered
        or "newsletter" in lowered
        or "sign" in lowered
        or "member" in lowered
        or "patreon" in lowered
        or "paywall" in lowered
        or "ad-free" in lowered
        or "ad free" in lowered
        or "need" in lowered
        or "help" in lowered
        or "journalism" in lowered
        or "reader" in lowered
    )


_MONEY = re.compile(
    r"[$€£]\s?\d|\d\s?(?:USD|EUR|GBP|dollars?|euros?|pounds?)\b|\b(?:per|a|each)\s+month\b|\bmonthly\b"
)
_IMPERATIVE_START = re.compile(
    r"(?i)(?:^|[.!?]\s+)(?:please\s+)?(?:support|donate|subscribe|sign\s+up|join|become|give|contribute|"
    r"click|follow\s+us|read\s+more|share)\b"
)
_REPORTED_SPEECH = re.compile(
    r"(?i)\b(?:said|says|told|tells|according\s+to|announced|stated|added|wrote|tweeted|reported)\b"
)


# Wire markup: "&QL;" and friends.  "&amp;", "&eacute;" are HTML entities, not codes.
_MARKUP_CODE = re.compile(r"&[A-Za-z][A-Za-z0-9]{0,7};")
# Tokens that go with codes on a wire's control lines: selector and story numbers ("A1234",
# "XYZ-01-02-03", "1930EST") and short lower-case category tags ("abc-z", "wxyz-").
_SLUG = re.compile(r"(?=\S*\d)(?=\S*[A-Za-z])[A-Za-z0-9][\w,:/-]*|[a-z]{2,6}-[a-z]?|[^\w\s]+")
_EDITORS_NOTE = re.compile(r"^(?:EDS?|Eds?|EDITORS?|Editors?)\s*:")


def is_markup_code(token: str) -> bool:
    """An undecoded SGML code left by wire systems ("&QL;"), as opposed to an HTML entity ("&amp;")."""
    return bool(_MARKUP_CODE.fullmatch(token)) and token[1:] not in _HTML_ENTITIES


def without_markup_codes(text: str) -> str:
    """``text`` with its wire codes removed (for judging it, never for offsets)."""
    if "&" not in text:
        return text
    return _MARKUP_CODE.sub(lambda m: "" if is_markup_code(m.group()) else m.group(), text).strip()


def is_markup_line(text: str) -> bool:
    """A line of wire codes and slugs only ("&UR;", "XYZ-01-02-03 1930EST &QL;"): no article text."""
    tokens = text.split()
    if not any(is_markup_code(token) for token in tokens):
        return False
    return all(is_markup_code(token) or _SLUG.fullmatch(token) for token in tokens)


def trim_markup_codes(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` narrowed past wire codes (and whitespace) at either end; None if nothing is left."""
    while start < end:
        m = _MARKUP_CODE.match(text, start, end)
        if not m or not is_markup_code(m.group()):
            break
        start = _skip_whitespace(text, m.end(), end)
    while start < end and text[end - 1] == ";":
        ampersand = text.rfind("&", start, end)
        if ampersand == -1 or not is_markup_code(text[ampersand:end]):
            break
        end = ampersand
        while end > start and text[end - 1].isspace():
            end -= 1
    return (start, end) if start < end else None


def _skip_whitespace(text: str, position: int, limit: int) -> int:
    while position < limit and text[position].isspace():
        position += 1
    return position


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _word_count(text: str) -> int:
    """Whitespace-separated tokens: cheap, and close enough for length thresholds."""
    return len(text.split())


_COUNT_CAP = 64  # above every word-count threshold of this module (60 at most)


def _capped_word_count(text: str) -> int:
    """``min(_word_count(text), _COUNT_CAP + 1)``: the same answer to every threshold test up to the cap,
    without splitting a long paragraph into all its words (one-paragraph articles of thousands of words,
    issue #9): ``split`` with a maximum of ``_COUNT_CAP`` splits makes at most ``_COUNT_CAP + 1`` pieces."""
    return len(text.split(None, _COUNT_CAP))


def ends_like_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text.rstrip()[-4:]))  # only the end matters; don't scan the paragraph


def is_prose(text: str) -> bool:
    """A paragraph that reads like article text: several words and a sentence ending."""
    return _word_count(text) >= 6 and ends_like_sentence(text)


def is_short_non_sentence(text: str, max_words: int = 15) -> bool:
    return _word_count(text) <= max_words and not ends_like_sentence(text)


_MARKER_WORDS = 12  # the most words of an end-of-article marker line


def _marker_kind(text: str) -> str | None:
    """ "letter" or "navigation" for a short end-of-article marker line; None otherwise."""
    stripped = text.strip()
    if _word_count(stripped) > _MARKER_WORDS or ends_like_sentence(stripped):
        return None  # markers are headings, not sentences: "Support for the plan grew." is news
    if _LETTER_MARKER.match(stripped):
        return "letter"
    if _NAVIGATION_MARKER.match(stripped):
        return "navigation"
    return None


def is_tail_marker(text: str) -> bool:
    return _marker_kind(text) is not None


def line_reason(text: str) -> str | None:
    """Why this paragraph, taken alone, is boilerplate; None if it may be article text."""
    return _judged_line(text)[0]


def _judged_line(text: str) -> tuple[str | None, int | None]:
    """``line_reason(text)``, and the ``_capped_word_count`` of the line's words without its markup codes
    when it was taken (None when not): ``paragraph_reasons`` needs the same count, and it need not split
    each paragraph twice."""
    if "&" in text:
        if is_markup_line(text):
            return "markup codes", None
        text = without_markup_codes(text)
    stripped = text.strip()
    if _EDITORS_NOTE.match(stripped):
        return "editors' note", None
    first_word = _WORD.search(stripped)
    if not first_word:
        return "no words", None
    count = _capped_word_count(stripped)  # compared with 12, 30 and 60 below
    return _counted_line_reason(stripped, count, first_word.group().lower()), count


def _counted_line_reason(stripped: str, count: int, first_word: str) -> str | None:
    """``line_reason`` of a stripped line with words, given its ``_capped_word_count`` and first word."""
    lowered = stripped.lower()
    folds = _may_fold(stripped)
    if count <= 12 and (reason := _short_line_reason(stripped, lowered, folds, first_word)):
        return reason
    if "cookie" in lowered and _COOKIE_CONTEXT.search(stripped):
        return "cookie notice"
    if count <= 30 and (folds or _may_be_copyright(lowered)) and _COPYRIGHT.search(stripped):
        return "copyright"
    if count <= 60 and (_CREDITS.match(stripped) or _EDITORIAL_NOTE.match(stripped)):
        return "credits"
    if _has_appeal_keyword(lowered) and _is_appeal(stripped):
        return "appeal"
    return None


def _short_line_reason(stripped: str, lowered: str, folds: bool, first_word: str) -> str | None:
    """``line_reason`` of a line of 12 words or fewer, given its lower-cased text, its ``_may_fold`` and
    its first word lower-cased."""
    if _READ_TIME.match(stripped) or (_TIMESTAMP.match(stripped) and not ends_like_sentence(stripped)):
        return "timestamp"
    # a line of share buttons is made of their words only, so one whose first word is another is none
    if first_word in _SHARE_WORDS and _is_share_buttons(words(stripped)):
        return "share buttons"
    if _MENU_LINE.match(stripped) or _marker_kind(stripped):
        return "navigation"
    if _BYLINE.match(stripped):
        return "byline"
    photo = (folds or _may_be_photo_credit(lowered)) and _PHOTO_CREDIT.search(stripped)
    if photo and not ends_like_sentence(stripped):
        return "photo credit"
    return None


def _is_share_buttons(tokens: list[str]) -> bool:
    lowered = [token.lower() for token in tokens]
    return any(token in _SHARE_SERVICES for token in lowered) and all(
        token in _SHARE_SERVICES or token in _SHARE_FILLER for token in lowered
    )


def _is_appeal(text: str) -> bool:
    """A call to action addressed to the reader: an ask, plus 'you' or the outlet's 'we' or money."""
    if not _APPEAL.search(text):
        return False
    asks = len(_APPEAL.findall(text))
    if _REPORTED_SPEECH.search(text):
        return False  # a story about donations or subscriptions, not an appeal
    score = asks + bool(_SECOND_PERSON.search(text)) + bool(_MONEY.search(text))
    score += bool(_IMPERATIVE_START.search(text)) + bool(_FIRST_PLURAL.search(text))
    return score >= 3


def paragraph_reasons(paragraphs: list[str]) -> list[str | None]:
    """For each paragraph in document order: why it is boilerplate, or None."""
    judged = [_judged_line(paragraph) for paragraph in paragraphs]
    reasons = [reason for reason, _ in judged]
    paragraphs = [without_markup_codes(paragraph) for paragraph in paragraphs]  # judge the words only
    # each paragraph's length and ``is_prose``, read once (the passes below ask for them again and again);
    # the length as ``line_reason`` counted it when it did (the same words: the paragraph without its codes)
    counts = [  # compared with 6, 10 and 12
        _capped_word_count(paragraph) if count is None else count
        for paragraph, (_, count) in zip(paragraphs, judged, strict=True)
    ]
    prose = [count >= 6 and ends_like_sentence(p) for p, count in zip(paragraphs, counts, strict=True)]
    _mark_dateline(paragraphs, reasons)
    _mark_tail(paragraphs, reasons, counts, prose)
    _mark_after_last_prose(paragraphs, reasons, prose)
    _mark_sandwiched(paragraphs, reasons)
    return reasons


def classify_paragraphs(paragraphs: list[str]) -> list[bool]:
    """For each paragraph: whether it is boilerplate."""
    return [reason is not None for reason in paragraph_reasons(paragraphs)]


_DATELINE_PARAGRAPHS = 4  # a dateline opens the article: after a headline and a byline at most


def _mark_dateline(paragraphs: list[str], reasons: list[str | None]) -> None:
    """A paragraph that is only a dateline, among the first few."""
    for index, paragraph in enumerate(paragraphs[:_DATELINE_PARAGRAPHS]):
        if reasons[index] is None and is_dateline_only(paragraph):
            reasons[index] = "dateline"
            return


def _mark_tail(
    paragraphs: list[str], reasons: list[str | None], counts: list[int], prose: list[bool]
) -> None:
    """From a strong end-of-article marker that follows some prose, everything is boilerplate."""
    prose_seen = 0
    for index, paragraph in enumerate(paragraphs):
        # a marker is a short first line; a paragraph of one line is that line (no need to cut it)
        kind = None
        if counts[index] <= _MARKER_WORDS or "\n" in paragraph:
            kind = _marker_kind(paragraph.lstrip().split("\n", 1)[0])
        if kind and prose_seen >= 2:
            if kind == "letter" or not _prose_resumes(reasons, counts, prose, index + 1):
                for later in range(index, len(paragraphs)):
                    reasons[later] = reasons[later] or "after the end of the article"
                return
            _mark_link_list(paragraphs, reasons, index + 1)
        if reasons[index] is None and prose[index]:
            prose_seen += 1


def _prose_resumes(reasons: list[str | None], counts: list[int], prose: list[bool], start: int) -> bool:
    """Whether real article paragraphs (long, sentence-ending, not flagged) come after ``start``."""
    long_prose = sum(
        1
        for index in range(start, len(reasons))
        if reasons[index] is None and prose[index] and counts[index] >= 10
    )
    return long_prose >= 2


def _mark_link_list(paragraphs: list[str], reasons: list[str | None], start: int) -> None:
    """The short headline lines right under an inline navigation heading."""
    for index in range(start, len(paragraphs)):
        if reasons[index] is not None:
            continue
        if not is_short_non_sentence(paragraphs[index]):
            return
        reasons[index] = "link under a navigation heading"


def _mark_after_last_prose(paragraphs: list[str], reasons: list[str | None], prose: list[bool]) -> None:
    last_prose = next(
        (index for index in reversed(range(len(paragraphs))) if reasons[index] is None and prose[index]),
        None,
    )
    if last_prose is None:
        return
    for index in range(last_prose + 1, len(paragraphs)):
        if _DATA_LINE.match(paragraphs[index].strip()):
            continue  # "Injured: 4,877": a figure the story gives, not a link
        if reasons[index] is None and is_short_non_sentence(paragraphs[index]):
            reasons[index] = "short line after the end of the article"


def _mark_sandwiched(paragraphs: list[str], reasons: list[str | None]) -> None:
    for index in range(1, len(paragraphs) - 1):
        if (
            reasons[index] is None
            and reasons[index - 1] is not None
            and reasons[index + 1] is not None
            and is_short_non_sentence(paragraphs[index])
            and not _DATA_LINE.match(paragraphs[index].strip())
        ):
            reasons[index] = "short line among boilerplate"

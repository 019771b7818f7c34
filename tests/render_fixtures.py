"""A small hand-made Timeline for the renderer tests, built from the dataclasses directly.

Three articles about one invented story:
  a1  outlet "Daily Example", header date 2022-02-15
  b2  no outlet, publication date inferred as 2022-02-16
  c3  publication date unknown; title full of Markdown special characters
Events (deliberately given out of order): a day with a conflict, a week, a month and a day starting together,
an expected event, a background year, and an undated event.
"""

from __future__ import annotations

from datetime import date

from timeline.temporal.timex import value_to_date
from timeline.types import (
    Article,
    Conflict,
    Event,
    EventMention,
    Gap,
    Published,
    Sentence,
    TimeExpression,
    Timeline,
)

A1_TEXT = (
    " date 2022-02-15 Daily Example\n"
    "Ministers talk by phone\n"
    "\n"
    "On Monday, the two ministers held a phone call about the drills.\n"
    "The drills will end on 20 February, the ministry said.\n"
    "Planning for the drills began on 1 February.\n"
)
B2_TEXT = (
    "Officials confirm call\n"
    "\n"
    "The ministers spoke two days before, officials said on Wednesday.\n"
    "An attaché visit was also agreed.\n"
)
C3_TEXT = (
    "A phone call last week eased tensions.\n"
    "Joint drills began in February and end this week.\n"
    "The leader has ruled since 1994.\n"
)


def sentence(doc_id: str, text: str, quoted: str, index: int) -> Sentence:
    start = text.index(quoted)
    return Sentence(
        document=doc_id,
        index=index,
        start=start,
        end=start + len(quoted),
        text=quoted,
        paragraph=0,
        line=text.count("\n", 0, start) + 1,
    )


def expression(text: str, quoted: str, value: str | None, anchor: str, **extra) -> TimeExpression:
    start = text.index(quoted)
    when = value_to_date(value) if value else None
    return TimeExpression(
        text=quoted,
        start=start,
        end=start + len(quoted),
        type="DATE",
        value=value,
        granularity=when.granularity if when else None,
        anchor=anchor,
        **extra,
    )


def mention(
    doc_id: str, text: str, quoted: str, index: int, expr: TimeExpression | None, **extra
) -> EventMention:
    return EventMention(
        document=doc_id,
        sentence=sentence(doc_id, text, quoted, index),
        expression=expr,
        date=expr.date() if expr else None,
        trigger="held",
        **({"date_source": "expression" if expr else "none"} | extra),
    )


def articles() -> list[Article]:
    a1 = Article(
        id="a1",
        path="news/a1.txt",
        text=A1_TEXT,
        body=[(A1_TEXT.index("On Monday"), len(A1_TEXT))],
        title="Ministers talk by phone",
        published=Published("2022-02-15", "header", " date 2022-02-15 Daily Example"),
        url="https://example.com/news/a1",
        source="Daily Example",
    )
    b2 = Article(
        id="b2",
        path="news/b2.txt",
        text=B2_TEXT,
        body=[(B2_TEXT.index("The ministers"), len(B2_TEXT))],
        title="Officials confirm call",
        published=Published(
            "2022-02-16",
            "inferred",
            "its 'Wednesday' matches the call dated 2022-02-14 by a1",
            earliest=date(2022, 2, 16),
            latest=date(2022, 2, 16),
        ),
    )
    c3 = Article(
        id="c3",
        path="news/c3.txt",
        text=C3_TEXT,
        body=[(0, len(C3_TEXT))],
        title="# Drills | *Update* [live] <b>",
    )
    return [a1, b2, c3]


def expressions() -> dict[str, list[TimeExpression]]:
    b2_wednesday = expression(
        B2_TEXT,
        "Wednesday",
        "2022-02-16",
        "publication",
        anchor_value="2022-02-16",
        anchor_text="publication date",
    )
    return {
        "a1": [
            expression(
                A1_TEXT,
                "On Monday",
                "2022-02-14",
                "publication",
                anchor_value="2022-02-15",
                anchor_text="publication date",
                rule="weekday-past",
            ),
            expression(A1_TEXT, "20 February", "2022-02-20", "publication", anchor_value="2022-02-15"),
            expression(A1_TEXT, "1 February", "2022-02-01", "publication", anchor_value="2022-02-15"),
        ],
        "b2": [  # not in text order on purpose
            b2_wednesday,
            expression(
                B2_TEXT,
                "two days before",
                "2022-02-14",
                "mention",
                anchor_value="2022-02-16",
                anchor_text="Wednesday",
                rule="days-before-mention",
            ),
        ],
        "c3": [
            expression(C3_TEXT, "last week", None, "unresolved", rule="week-relative"),
            expression(C3_TEXT, "February", None, "unresolved"),
            expression(C3_TEXT, "1994", "1994", "absolute", rule="year"),
        ],
    }


def events(exprs: dict[str, list[TimeExpression]]) -> list[Event]:
    """Out of time order on purpose: the renderers must sort."""
    by_text = {(doc, e.text): e for doc, items in exprs.items() for e in items}
    call = Event(
        id="ev-call",
        date=value_to_date("2022-02-14"),
        title="Ministers held a phone call",
        status="reported",
        sources=["a1", "b2"],
        mentions=[
            mention("a1", A1_TEXT, "On Monday, the two ministers held a phone call about the drills.", 0,
                    by_text["a1", "On Monday"]),
            mention("b2", B2_TEXT, "The ministers spoke two days before, officials said on Wednesday.", 0,
                    by_text["b2", "two days before"]),
        ],
        conflicts=[Conflict("2022-W06", ["c3"], "A phone call last week eased tensions.")],
    )  # fmt: skip
    drills_end = Event(
        id="ev-drills-end",
        date=value_to_date("2022-02-20"),
        title="The drills end",
        status="expected",
        sources=["a1"],
        mentions=[mention("a1", A1_TEXT, "The drills will end on 20 February, the ministry said.", 1,
                          by_text["a1", "20 February"], status="expected")],
    )  # fmt: skip
    week = Event(
        id="ev-week",
        date=value_to_date("2022-W07"),
        title="Drills wind down",
        status="reported",
        sources=["c3"],
        mentions=[
            mention(
                "c3",
                C3_TEXT,
                "Joint drills began in February and end this week.",
                1,
                None,
                date_source="joined",
            )
        ],
    )
    month = Event(
        id="ev-month",
        date=value_to_date("2022-02"),
        title="Joint drills began",
        status="reported",
        sources=["c3"],
        mentions=[
            mention(
                "c3",
                C3_TEXT,
                "Joint drills began in February and end this week.",
                1,
                None,
                date_source="joined",
            )
        ],
    )
    planning = Event(
        id="ev-planning",
        date=value_to_date("2022-02-01"),
        title="Planning for the drills began",
        status="reported",
        sources=["a1"],
        mentions=[mention("a1", A1_TEXT, "Planning for the drills began on 1 February.", 2,
                          by_text["a1", "1 February"])],
    )  # fmt: skip
    ruled = Event(
        id="ev-1994",
        date=value_to_date("1994"),
        title="The leader came to power",
        status="background",
        sources=["c3"],
        mentions=[mention("c3", C3_TEXT, "The leader has ruled since 1994.", 2, by_text["c3", "1994"],
                          status="background")],
    )  # fmt: skip
    visit = Event(
        id="ev-visit",
        date=None,
        title="Attaché visit to *Zone_7* agreed",
        status="reported",
        sources=["b2"],
        mentions=[mention("b2", B2_TEXT, "An attaché visit was also agreed.", 1, None)],
    )
    return [drills_end, visit, call, week, planning, ruled, month]


def gaps() -> list[Gap]:
    return [
        Gap("undated-event", "no date found for 'Attaché visit to *Zone_7* agreed'", document="b2",
            path="news/b2.txt", line=4),
        Gap("interval", "no events for 1928 days", start=date(1994, 12, 31), end=date(2022, 2, 1),
            failing=False),
    ]  # fmt: skip


def make_timeline() -> Timeline:
    exprs = expressions()
    return Timeline(documents=articles(), events=events(exprs), gaps=gaps(), expressions=exprs)


# Expected chronological order of the event titles, worked out by hand from the dates above: by start day,
# and when two spans start on the same day the coarser one first.
EXPECTED_ORDER = [
    "The leader came to power",  # 1994
    "Joint drills began",  # 2022-02 (starts 2022-02-01, coarser)
    "Planning for the drills began",  # 2022-02-01
    "Drills wind down",  # 2022-W07: starts 2022-02-14 like the call, and is coarser, so first
    "Ministers held a phone call",  # 2022-02-14
    "The drills end",  # 2022-02-20
    "Attaché visit to *Zone_7* agreed",  # undated, last
]


# --- times of day and unresolved expressions ------------------------------------------------------------
# A second invented story: river works dated to times of day, and two articles whose dates could not be read.
T1_TEXT = (
    "Crews arrived at 15:00 on Monday.\n"
    "The river rose on Monday night.\n"
    "The bridge closed on Monday.\n"
    "Pumps started on Monday morning.\n"
    "Water receded on Tuesday evening.\n"
)
U2_TEXT = "The levee gave way on Monday night.\nA clean-up began.\n"  # no publication date
U3_TEXT = "Repairs finished the day before.\n"  # has a publication date; nothing earlier to anchor to


def timed_event(event_id: str, quoted: str, when: str, value: str) -> Event:
    """An event of article t1 dated by the expression ``when`` (a TIME value or a day)."""
    expr = expression(T1_TEXT, when, value, "publication", anchor_value="2024-03-12")
    expr.start = T1_TEXT.index(quoted) + quoted.index(when)  # inside this sentence ("Monday" recurs)
    expr.end = expr.start + len(when)
    if "T" in value:
        expr.type = "TIME"
    title = quoted.split(" on ")[0].split(" at ")[0]
    return Event(
        id=event_id,
        date=value_to_date(value),
        title=title,
        status="reported",
        sources=["t1"],
        mentions=[mention("t1", T1_TEXT, quoted, T1_TEXT[: T1_TEXT.index(quoted)].count("\n"), expr)],
    )


def undated_event(event_id: str, doc_id: str, text: str, quoted: str) -> Event:
    return Event(
        id=event_id,
        date=None,
        title=quoted.rstrip("."),
        status="reported",
        sources=[doc_id],
        mentions=[mention(doc_id, text, quoted, text[: text.index(quoted)].count("\n"), None)],
    )


def make_timed_timeline() -> Timeline:
    """Times of day on 11 March 2024 (given out of clock order), a day with only an evening, and undated
    mentions whose sentences hold an unresolved expression (u2, u3) or none at all (u2's second line)."""
    documents = [
        Article("t1", "t1.txt", T1_TEXT, [(0, len(T1_TEXT))], published=Published("2024-03-12", "header")),
        Article("u2", "u2.txt", U2_TEXT, [(0, len(U2_TEXT))]),
        Article("u3", "u3.txt", U3_TEXT, [(0, len(U3_TEXT))], published=Published("2024-03-12", "header")),
    ]
    monday_night = expression(U2_TEXT, "Monday night", None, "unresolved")
    monday_night.type = "TIME"
    events = [
        timed_event("ev-crews", "Crews arrived at 15:00 on Monday.", "15:00 on Monday", "2024-03-11T15:00"),
        timed_event("ev-river", "The river rose on Monday night.", "Monday night", "2024-03-11TNI"),
        timed_event("ev-water", "Water receded on Tuesday evening.", "Tuesday evening", "2024-03-12TEV"),
        timed_event("ev-bridge", "The bridge closed on Monday.", "Monday", "2024-03-11"),
        timed_event("ev-pumps", "Pumps started on Monday morning.", "Monday morning", "2024-03-11TMO"),
        undated_event("ev-levee", "u2", U2_TEXT, "The levee gave way on Monday night."),
        undated_event("ev-cleanup", "u2", U2_TEXT, "A clean-up began."),
        undated_event("ev-repairs", "u3", U3_TEXT, "Repairs finished the day before."),
    ]
    expressions = {
        "t1": [m.expression for e in events[:5] for m in e.mentions if m.expression is not None],
        "u2": [monday_night],
        "u3": [expression(U3_TEXT, "the day before", None, "unresolved")],
    }
    return Timeline(documents=documents, events=events, expressions=expressions)

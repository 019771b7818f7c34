"""Event mentions: what happened, who, and when, one per dated clause.

A sentence is split into clauses at ``;``, ``that``, ``, and``, ``and`` + verb
..., each date expression is assigned to the clause it sits in, and the clause's
nearest verb (or event noun) is its trigger.  A reporting verb next to its own
date ("X said Wednesday that ...") makes a *statement* event; the dates inside
the reported clause make their own events.  Sentences without a date become
undated mentions only when they report an event (past-tense verb + a named
actor), so the merge stage can date them from other sources.

The steps, one module each: ``analysis`` (tokens, ignored tokens, clause boundaries), ``clauses``
(comma segments, relative and coordinated clauses), ``triggers`` (the event word of a clause and its dates),
``actors`` (participants, subjects, places, terms), ``status`` (reported, expected, background), ``titles``,
and ``extract``, which runs them over an article.
"""

from timeline.events.analysis import span_of
from timeline.events.extract import extract_mentions, forget_kept_readings

__all__ = ["extract_mentions", "forget_kept_readings", "span_of"]

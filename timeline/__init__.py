"""timeline: merge news articles about one story into one dated, sourced chronology."""

__version__ = "0.1.0"

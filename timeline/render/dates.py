"""Output of ``timeline dates``: every time expression of one article, how it was normalised and anchored."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from timeline.render.common import clean, line_of, published_text, shorten
from timeline.render.explain import explain_anchor, published_evidence
from timeline.render.terminal import finish as finish_console
from timeline.render.terminal import make_console
from timeline.types import Article, TimeExpression


def _header(article: Article) -> Text:
    header = Text(clean(article.id), style="bold")
    if article.title:
        header.append(f"  “{shorten(article.title, 80)}”")
    header.append(f"\n{clean(article.path)}", style="dim")
    header.append(f"\npublished {published_text(article)}", style="cyan")
    if article.published.evidence:
        header.append(f" · {published_evidence(article.published)}", style="dim")
    return header


def _table(article: Article, expressions: list[TimeExpression]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("line", justify="right", no_wrap=True, style="dim")
    table.add_column("text", ratio=2)
    table.add_column("value", no_wrap=True, style="bold cyan")
    table.add_column("how", ratio=3, style="green")
    for expression in expressions:
        how = explain_anchor(expression, article, expressions)
        value = Text(clean(expression.value or "") or "?")
        kind = expression.type if expression.type != "DATE" else expression.granularity
        if kind:  # the type (TIME, DURATION ...) or, for dates, the granularity
            value.append(f"\n{kind}", style="dim")
        table.add_row(str(line_of(article.text, expression.start)), clean(expression.text), value, how)
    return table


def render_dates_terminal(
    article: Article, expressions: list[TimeExpression], *, color: bool = False, width: int = 100
) -> str:
    console, buffer = make_console(color, width)
    console.print(_header(article))
    ordered = sorted(expressions, key=lambda e: (e.start, e.end))
    if ordered:
        console.print(_table(article, ordered))
    else:
        console.print(Text("No time expressions found.", style="yellow"))
    unresolved = sum(1 for e in ordered if e.value is None or e.anchor == "unresolved")
    console.print(Text(f"{len(ordered)} expressions · {unresolved} unresolved", style="bold"))
    return finish_console(buffer, color)

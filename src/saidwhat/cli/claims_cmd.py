"""Cross-article commands: ``claims conflicts`` and ``descriptors`` (and the ``plover`` export format)."""

from __future__ import annotations

import csv
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import orjson
import typer
from rich.console import Console
from rich.table import Table

import saidwhat.events.export  # noqa: F401  (registers the "plover" export format)
from saidwhat.cli import app
from saidwhat.crosscheck import descriptor_counts, find_conflicts
from saidwhat.errors import SaidwhatError
from saidwhat.store import Store

_err = Console(stderr=True)

claims_app = typer.Typer(help="Numeric claims across the articles of a store.", no_args_is_help=True)
app.add_typer(claims_app, name="claims")


class ConflictFormat(str, Enum):
    table = "table"
    json = "json"


class DescriptorFormat(str, Enum):
    table = "table"
    csv = "csv"


def _open(db: Path) -> Store:
    try:
        return Store(db, read_only=True)
    except SaidwhatError as exc:
        _err.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(code=2) from exc


def _format_value(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


@claims_app.command("conflicts")
def conflicts_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    window_days: int = typer.Option(7, "--window-days", min=0, help="Compare articles published within this many days."),
    output_format: ConflictFormat = typer.Option(ConflictFormat.table, "--format", "-f"),
) -> None:
    """Claims about the same thing, in the same period, whose values disagree, side by side."""
    with _open(db) as store:
        conflicts = find_conflicts(store.con, window_days=window_days)
    if output_format is ConflictFormat.json:
        rows = [
            {"counts": c.counts, "unit": c.unit, "first": vars(c.first), "second": vars(c.second)} for c in conflicts
        ]
        sys.stdout.write(orjson.dumps(rows, default=str, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    if not conflicts:
        _err.print(f"no conflicting claims within {window_days} days")
        return
    table = Table(title=f"Conflicting claims (published within {window_days} days)", show_lines=True)
    for column in ("counts", "unit", "first: outlet / date / voice", "first claim", "second: outlet / date / voice", "second claim"):
        table.add_column(column)
    for c in conflicts:
        table.add_row(
            c.counts,
            c.unit,
            f"{c.first.outlet or '?'}\n{c.first.published or '?'}\n{c.first.voice}",
            f"{c.first.text} ({_format_value(c.first.value)})\n[dim]{c.first.article_id}[/dim]",
            f"{c.second.outlet or '?'}\n{c.second.published or '?'}\n{c.second.voice}",
            f"{c.second.text} ({_format_value(c.second.value)})\n[dim]{c.second.article_id}[/dim]",
        )
    Console().print(table)


@app.command("descriptors")
def descriptors_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    output_format: DescriptorFormat = typer.Option(DescriptorFormat.table, "--format", "-f"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Per outlet, how each entity is described, with counts of mentions and articles."""
    with _open(db) as store:
        counts = descriptor_counts(store.con)
    columns = ("outlet", "entity", "entity_id", "descriptor", "mentions", "articles")
    if output_format is DescriptorFormat.csv:
        handle = output.open("w", newline="", encoding="utf-8") if output else sys.stdout
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in counts:
            writer.writerow([getattr(row, name) for name in columns])
        if output:
            handle.close()
            _err.print(f"wrote {len(counts):,} rows to {output}")
        return
    table = Table(title="Entity descriptors per outlet")
    for column in columns:
        table.add_column(column, justify="right" if column in {"mentions", "articles"} else "left")
    for row in counts:
        table.add_row(*(str(getattr(row, name) or "") for name in columns))
    if output:
        with output.open("w", encoding="utf-8") as handle:
            Console(file=handle, width=160).print(table)
        _err.print(f"wrote {len(counts):,} rows to {output}")
    else:
        Console().print(table)

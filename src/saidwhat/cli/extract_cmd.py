"""``saidwhat extract FILE...``: analyse articles and print JSON, JSONL or a table for people."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Optional

import orjson
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from saidwhat.cli import app
from saidwhat.engine import extract
from saidwhat.errors import SaidwhatError
from saidwhat.inputs import read_article_file
from saidwhat.models import Article


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _shorten(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(article: Article, console: Console) -> None:
    table = Table(title=f"{article.id}: {len(article.statements)} statements", show_lines=True)
    for column in ("speaker", "cue", "act", "content", "target", "time"):
        table.add_column(column, overflow="fold")
    for statement in article.statements:
        speaker = "—"
        if statement.source is not None:
            entity = article.entity(statement.source.entity)
            speaker = entity.name if entity else statement.source.text
        time = ""
        if statement.time is not None:
            time = f"{statement.time.text} ({statement.time.value or '?'})"
        target = ""
        if statement.target is not None:
            entity = article.entity(statement.target.entity)
            target = entity.name if entity else statement.target.text
        table.add_row(
            speaker,
            statement.cue.text if statement.cue else "",
            statement.speech_act.value,
            _shorten(statement.content.text),
            target,
            time,
        )
    console.print(table)


@app.command("extract")
def extract_command(
    files: list[str] = typer.Argument(..., help="Article files (.txt as is, .html via trafilatura); - reads stdin."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (times resolve against it)."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="json, jsonl or table."),
) -> None:
    """Find who said what in each article."""
    # A table piped to a file or shown by `make demo` would otherwise be squeezed into 80 columns.
    console = Console() if sys.stdout.isatty() else Console(width=160)
    errors = Console(stderr=True)
    failed = 0
    articles = []
    for path in files:
        try:
            raw = read_article_file(path)
            article = extract(
                raw.text,
                published=published or raw.published,
                url=raw.url,
                title=raw.title,
                outlet=raw.outlet,
                article_id=raw.id,
            )
        except SaidwhatError as exc:
            failed += 1
            message = str(exc) if str(exc).startswith(path) else f"{path}: {exc}"
            errors.print(Text.assemble(("error ", "red"), message), soft_wrap=True)
            continue
        if output_format is OutputFormat.table:
            render_table(article, console)
        elif output_format is OutputFormat.jsonl:
            sys.stdout.write(article.model_dump_json() + "\n")
        else:
            articles.append(article)
    if output_format is OutputFormat.json and articles:
        payload = articles[0].model_dump(mode="json") if len(articles) == 1 else [a.model_dump(mode="json") for a in articles]
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
    sys.stdout.flush()
    if failed:
        raise typer.Exit(code=1)

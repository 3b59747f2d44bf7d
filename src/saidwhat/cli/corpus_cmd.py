"""Corpus commands: ``ingest``, ``stats``, ``query``, ``export``, ``entities …`` and ``spark-job``."""

from __future__ import annotations

import csv
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import orjson
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from saidwhat.cli import app
from saidwhat.errors import SaidwhatError
from saidwhat.store import Store

_err = Console(stderr=True)

entities_app = typer.Typer(help="Inspect speakers and undo or make entity merges.", no_args_is_help=True)
app.add_typer(entities_app, name="entities")


def _fail(exc: SaidwhatError) -> typer.Exit:
    _err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
    return typer.Exit(code=2)


def _open(db: Path, read_only: bool = True) -> Store:
    try:
        return Store(db, read_only=read_only)
    except SaidwhatError as exc:
        raise _fail(exc) from exc


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="Folders, .txt/.html files, .jsonl(.gz) files, .warc(.gz) files."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store to write (created if absent)."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", help="Worker processes (default: all cores; 0 runs in this process)."),
    batch_size: int = typer.Option(64, help="Articles per store transaction."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry inputs recorded as failures by earlier runs."),
    progress: bool = typer.Option(True, help="Show the progress bar."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print a line per committed batch."),
) -> None:
    """Analyse a corpus into a store. Re-running skips what is stored, so an interrupted run resumes."""
    from saidwhat.corpus.ingest import ingest, print_report

    try:
        report = ingest(
            inputs, db, workers=workers, batch_size=batch_size, retry_failed=retry_failed,
            console=_err, progress=progress, verbose=verbose,
        )
    except SaidwhatError as exc:
        raise _fail(exc) from exc
    print_report(report, db, _err)
    if report.interrupted:
        raise typer.Exit(code=130)


@app.command("stats")
def stats_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Counts of articles, statements, entities (speakers after merging), claims and failures."""
    with _open(db) as store:
        stats = store.stats()
    if as_json:
        sys.stdout.write(orjson.dumps(stats).decode() + "\n")
        return
    table = Table(title=str(db))
    table.add_column("table")
    table.add_column("rows", justify="right")
    for key, value in stats.items():
        table.add_row(key, f"{value:,}")
    Console().print(table)


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


_QUERY_COLUMNS = ["published", "outlet", "speaker", "speech_act", "cue", "content_text", "target", "time_value", "article_id", "statement_id"]


def _display_row(row: dict) -> dict:
    return {
        **row,
        "speaker": row.get("speaker_canonical_name") or row.get("speaker_name") or "",
        "target": row.get("target_canonical_name") or row.get("target_name") or "",
    }


@app.command("query")
def query_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    speaker: Optional[str] = typer.Option(None, help="Speaker: any name or alias, across articles and merges."),
    target: Optional[str] = typer.Option(None, help="Target: any name or alias."),
    outlet: Optional[str] = typer.Option(None, help="Outlet (exact, any case)."),
    speech_act: Optional[str] = typer.Option(None, "--speech-act", help="ACCUSE, DENY, WARN, …"),
    since: Optional[str] = typer.Option(None, help="Published on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Published on or before YYYY-MM-DD."),
    text: Optional[str] = typer.Option(None, help="Words in the content."),
    limit: int = typer.Option(50, help="Rows to show."),
    offset: int = typer.Option(0, help="Rows to skip."),
    output_format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f", help="table, jsonl or csv."),
) -> None:
    """Find statements by speaker, target, outlet, speech act, date and text."""
    with _open(db) as store:
        try:
            rows = store.query_statements(
                speaker=speaker, target=target, outlet=outlet, speech_act=speech_act,
                since=since, until=until, text=text, limit=limit, offset=offset,
            )
        except SaidwhatError as exc:
            raise _fail(exc) from exc
    rows = [_display_row(r) for r in rows]
    if output_format is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(orjson.dumps(row, default=str).decode() + "\n")
    elif output_format is QueryFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else _QUERY_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=f"{len(rows)} statements", show_lines=True)
        for column in ("published", "outlet", "speaker", "act", "content", "target"):
            table.add_column(column, overflow="fold")
        for row in rows:
            content = " ".join(row["content_text"].split())
            table.add_row(
                str(row["published"] or ""), row["outlet"] or "", row["speaker"], row["speech_act"],
                content if len(content) < 160 else content[:159] + "…", row["target"],
            )
        Console().print(table)
    sys.stdout.flush()


@app.command("export")
def export_command(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    output_format: str = typer.Option(..., "--format", "-f", help="parquet (a folder, one file per table), jsonl (contract records), or a registered format."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write."),
) -> None:
    """Export the store (Parquet tables, contract JSONL, …)."""
    from saidwhat.store.export import EXPORTERS

    exporter = EXPORTERS.get(output_format)
    if exporter is None:
        _err.print(f"[red]error[/red] unknown format {output_format!r}; one of: {', '.join(sorted(EXPORTERS))}")
        raise typer.Exit(code=2)
    with _open(db) as store:
        try:
            count = exporter(store, output)
        except SaidwhatError as exc:
            raise _fail(exc) from exc
    _err.print(f"wrote {count:,} rows to {output}")


@entities_app.command("show")
def entities_show(
    name: str = typer.Argument(..., help="A name, alias or global entity id."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
) -> None:
    """A speaker: every entity merged into it, with the reasons, and statement counts."""
    with _open(db) as store:
        entity = store.entity(name) or store.entity(name=name)
    if entity is None:
        _err.print(f"no entity matches {name!r}")
        raise typer.Exit(code=1)
    sys.stdout.write(orjson.dumps(entity, default=str, option=orjson.OPT_INDENT_2).decode() + "\n")


@entities_app.command("merges")
def entities_merges(
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    include_undone: bool = typer.Option(False, "--all", help="Include undone merges."),
) -> None:
    """List entity merges with their reasons."""
    with _open(db) as store:
        merges = store.merges(include_undone=include_undone)
    table = Table(title=f"{len(merges)} merges")
    for column in ("entity", "into", "method", "reason", "undone"):
        table.add_column(column, overflow="fold")
    for merge in merges:
        table.add_row(
            f"{merge['entity_name']} ({merge['entity_id']})", f"{merge['into_name']} ({merge['into_id']})",
            merge["method"], merge["reason"], str(merge["undone_at"] or ""),
        )
    Console().print(table)


@entities_app.command("unmerge")
def entities_unmerge(
    entity_id: str = typer.Argument(..., help="The global id of the entity to split off (see `entities show`)."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
) -> None:
    """Undo the merge of an entity into another; the linker will not merge the pair again."""
    with _open(db, read_only=False) as store:
        try:
            undone = store.unmerge_entity(entity_id)
        except SaidwhatError as exc:
            raise _fail(exc) from exc
    _err.print(f"unmerged {entity_id} from {undone['into_id']} (was: {undone['reason']})")


@entities_app.command("merge")
def entities_merge(
    entity_id: str = typer.Argument(..., help="The global id of the entity to merge away."),
    into_id: str = typer.Argument(..., help="The global id of the entity it is the same speaker as."),
    db: Path = typer.Option(..., "--db", help="The DuckDB store."),
    reason: str = typer.Option("merged by hand", help="Why (recorded)."),
) -> None:
    """Merge one entity into another by hand."""
    with _open(db, read_only=False) as store:
        try:
            store.merge_entities(entity_id, into_id, reason=reason)
        except SaidwhatError as exc:
            raise _fail(exc) from exc
    _err.print(f"merged {entity_id} into {into_id}")


@app.command("spark-job")
def spark_job_command(
    inputs: list[str] = typer.Argument(..., help="JSONL(.gz) or WARC(.gz) files, or folders of them (paths or globs Spark reads)."),
    output: Path = typer.Option(..., "--output", "-o", help="Output folder: Parquet tables like `saidwhat export --format parquet`."),
    master: str = typer.Option("local[*]", help="Spark master (local[N]; on a cluster use spark-submit, see docs/spark.md)."),
    partitions: Optional[int] = typer.Option(None, help="Input partitions (default: one per file, at least 2 per core)."),
) -> None:
    """Run the engine over JSONL/WARC on Spark and write Parquet (same schema as the store export)."""
    from saidwhat.spark_job import run_spark_job

    try:
        summary = run_spark_job(inputs, output, master=master, partitions=partitions)
    except SaidwhatError as exc:
        raise _fail(exc) from exc
    _err.print(f"wrote {summary['articles']:,} articles, {summary['statements']:,} statements, {summary['failures']:,} failures to {output}")

"""Exporters: ``EXPORTERS[name](store, output) -> rows written``. Other areas register more formats.

``parquet`` writes a directory with one file per table (``articles.parquet``, ``mentions.parquet``,
``statements.parquet``, ``claims.parquet``, ``failures.parquet``) using the column layout of
``store.rows.TABLE_SCHEMAS`` (JSON columns as strings): the Spark job writes the same layout.
``jsonl`` writes one contract ``Article`` record per line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pyarrow.parquet as pq

from saidwhat.store.rows import TABLE_SCHEMAS
from saidwhat.store.store import Store

Exporter = Callable[[Store, Path], int]


def export_parquet(store: Store, output: Path) -> int:
    """One Parquet file per table in the ``output`` directory; returns the number of statements."""
    output.mkdir(parents=True, exist_ok=True)
    written = 0
    for table, schema in TABLE_SCHEMAS.items():
        columns = ", ".join(f'"{name}"' for name in schema.names)
        arrow = store.con.sql(f"SELECT {columns} FROM {table} ORDER BY 1, 2").to_arrow_table()
        pq.write_table(arrow.cast(schema), output / f"{table}.parquet", compression="zstd")
        if table == "statements":
            written = arrow.num_rows
    return written


def export_jsonl(store: Store, output: Path) -> int:
    """One contract ``Article`` JSON per line, in id order; returns the number of articles."""
    output.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with output.open("w", encoding="utf-8") as handle:
        for article in store.iter_articles():
            handle.write(article.model_dump_json() + "\n")
            count += 1
    return count


EXPORTERS: dict[str, Exporter] = {
    "parquet": export_parquet,
    "jsonl": export_jsonl,
}


def register_exporter(name: str, exporter: Exporter) -> None:
    """Add an export format (e.g. the events area registers "plover")."""
    EXPORTERS[name] = exporter

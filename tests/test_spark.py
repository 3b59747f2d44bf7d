"""The Spark job (local[2]) writes the same tables, with the same schema and rows, as ingest + export."""

from __future__ import annotations

import orjson
import pyarrow.parquet as pq
import pytest

from saidwhat.corpus import ingest
from saidwhat.store import Store
from saidwhat.store.export import EXPORTERS
from saidwhat.store.rows import TABLE_SCHEMAS
from tests.test_corpus_articles import CORPUS, FEATURE_CHESS
from tests.test_corpus_ingest import corrupt_record_bytes, html_page, warc_record_bytes

pytestmark = pytest.mark.spark

# Columns that record when a row was written, not what the input said.
WRITE_TIMES = {"ingested_at", "failed_at"}


def _rows(path, table: str) -> list[tuple]:
    data = pq.read_table(path).to_pylist()
    keep = [c for c in TABLE_SCHEMAS[table].names if c not in WRITE_TIMES]
    return sorted((tuple(repr(row[c]) for c in keep) for row in data))


def test_spark_job_matches_ingest_and_export(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    lines = [orjson.dumps({"id": cid, "outlet": outlet, "published": published, "text": text}) for cid, outlet, published, text in CORPUS[:4]]
    lines.insert(2, b'{"id": "cut-off", "text": ')
    (inputs / "feed.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (inputs / "crawl.warc.gz").write_bytes(
        warc_record_bytes("https://gazette.example/chess", html_page("The teenager who beat three grandmasters", FEATURE_CHESS).encode())
        + corrupt_record_bytes("https://gazette.example/broken", html_page("Broken", FEATURE_CHESS).encode())
    )
    from saidwhat.spark_job import run_spark_job

    counts = run_spark_job([str(inputs)], tmp_path / "spark", master="local[2]", partitions=2)
    assert (counts["articles"], counts["failures"]) == (5, 2)

    ingest([str(inputs)], tmp_path / "store.duckdb", workers=0, progress=False)
    with Store(tmp_path / "store.duckdb", read_only=True) as store:
        EXPORTERS["parquet"](store, tmp_path / "export")
    for table, schema in TABLE_SCHEMAS.items():
        spark_table = pq.read_table(tmp_path / "spark" / table)
        assert spark_table.schema.names == schema.names, table
        exported = pq.read_table(tmp_path / "export" / f"{table}.parquet")
        assert [f.type for f in spark_table.schema] == [f.type for f in exported.schema], table
        assert _rows(tmp_path / "spark" / table, table) == _rows(tmp_path / "export" / f"{table}.parquet", table), table

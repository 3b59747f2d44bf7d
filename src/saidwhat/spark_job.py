"""The engine on Spark: JSONL/WARC in, Parquet out (the tables of ``saidwhat export --format parquet``).

Each Spark task runs the same library code as ``saidwhat ingest`` (``corpus.readers`` and
``corpus.analyse.analyse_items``, i.e. ``saidwhat.engine.analyse_doc`` over ``nlp.pipe``) inside
``mapPartitions``; the model loads once per Python worker. Output: ``OUTPUT/articles``,
``OUTPUT/mentions``, ``OUTPUT/statements``, ``OUTPUT/claims`` and ``OUTPUT/failures``, Parquet
datasets with the columns and types of ``store.rows.TABLE_SCHEMAS``. Global entity ids are
deterministic, so they match a store's; cross-article merging is the store's job (ingest the
JSONL or load the Parquet into a store).

Local: ``saidwhat spark-job INPUT... --output DIR``. Cluster: ``spark-submit .../saidwhat/spark_job.py
INPUT... --output URI`` (docs/spark.md).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from saidwhat.errors import InputError

TABLES = ("articles", "mentions", "statements", "claims", "failures")
ANALYSE_CHUNK = 16  # items per analyse_items call inside a task

_LOG4J = """rootLogger.level = error
rootLogger.appenderRef.stdout.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n
logger.pyspark.name = org.apache.spark.api.python.PythonGatewayServer
logger.pyspark.level = error
"""


def _is_uri(path: str) -> bool:
    return "://" in path


def _input_files(inputs: list[str]) -> tuple[list[str], list[str]]:
    """(JSONL files, other files): local folders are expanded; URIs (s3://, hdfs://) pass through."""
    from saidwhat.corpus.readers import JSONL_SUFFIXES, expand_inputs

    local = [i for i in inputs if not _is_uri(i)]
    files = [str(f) for f in expand_inputs(local)] + [i for i in inputs if _is_uri(i)]
    jsonl = [f for f in files if f.lower().endswith(JSONL_SUFFIXES) and not f.lower().endswith(".gz")]
    return jsonl, [f for f in files if f not in jsonl]


def _read_element(element: tuple) -> Iterator:
    """A JSONL line ("line", source, text) or a whole file ("file", path) -> work items and read failures."""
    from saidwhat.corpus.readers import ReadFailure, parse_jsonl_record, read_inputs

    if element[0] == "line":
        _, source, line = element
        if not line.strip():
            return
        try:
            yield parse_jsonl_record(line.encode("utf-8"), source)
        except InputError as exc:
            yield ReadFailure(source, "InputError", str(exc))
    else:
        yield from read_inputs([Path(element[1])])


def analyse_partition(elements: Iterable[tuple]) -> Iterator[tuple[str, tuple]]:
    """mapPartitions function: (table, row tuple in the table's column order) for every output row."""
    import datetime as dt

    from saidwhat.corpus.analyse import analyse_items
    from saidwhat.corpus.pool import chunked
    from saidwhat.corpus.readers import ReadFailure
    from saidwhat.store.rows import TABLE_SCHEMAS

    columns = {table: TABLE_SCHEMAS[table].names for table in TABLES}

    def row(table: str, values: dict) -> tuple[str, tuple]:
        return table, tuple(values[c] for c in columns[table])

    def failure(source: str, error_type: str, reason: str, article_id: str | None) -> tuple[str, tuple]:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        return row("failures", {"source": source, "article_id": article_id, "error_type": error_type, "reason": reason, "failed_at": now})

    def work() -> Iterator:
        for element in elements:
            yield from _read_element(element)

    pending = []
    for result in work():
        if isinstance(result, ReadFailure):
            yield failure(result.source, result.error_type, result.reason, None)
        else:
            pending.append(result)
    for chunk in chunked(pending, ANALYSE_CHUNK):
        for outcome in analyse_items(chunk, flatten=True):
            if not outcome.ok:
                yield failure(outcome.source, outcome.error_type, outcome.reason, outcome.article_id)
                continue
            rows = outcome.rows
            yield row("articles", rows.article)
            for table in ("mentions", "statements", "claims"):
                for values in getattr(rows, table):
                    yield row(table, values)


def build_session(master: str | None, app_name: str = "saidwhat"):
    """A quiet Spark session; in local mode the Python workers run this interpreter (the venv).

    ``master=None`` keeps the master spark-submit configured (YARN, Kubernetes, standalone).
    """
    local = master is not None and master.startswith("local")
    if local or "PYSPARK_PYTHON" not in os.environ:
        # Workers otherwise run `python3` from PATH, outside the venv (SETUP-NOTES section 2).
        os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    conf_dir = Path(tempfile.mkdtemp(prefix="saidwhat-spark-"))
    (conf_dir / "log4j2.properties").write_text(_LOG4J, encoding="utf-8")
    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if local:
        builder = (
            builder.config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
        )
    session = (
        builder.config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.extraJavaOptions", f"-Dlog4j.configurationFile=file:{conf_dir / 'log4j2.properties'}")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark_job(
    inputs: list[str], output: str | Path, *, master: str | None = "local[*]", partitions: int | None = None, spark=None
) -> dict[str, int]:
    """Analyse the inputs on Spark and write one Parquet dataset per table under ``output``."""
    from pyspark import StorageLevel
    from pyspark.sql.pandas.types import from_arrow_schema

    from saidwhat.store.rows import TABLE_SCHEMAS

    jsonl_files, other_files = _input_files(inputs)
    if not jsonl_files and not other_files:
        raise InputError("no input files; give JSONL or WARC files, or folders of them")
    session = spark or build_session(master)
    context = session.sparkContext
    try:
        slices = partitions or max(2, context.defaultParallelism * 2)
        parts = []
        for path in jsonl_files:
            # Line numbers make the same source locators as `saidwhat ingest` ("path:line").
            lines = context.textFile(path, minPartitions=slices).zipWithIndex()
            parts.append(lines.map(lambda pair, path=path: ("line", f"{path}:{pair[1] + 1}", pair[0])))
        if other_files:
            parts.append(context.parallelize([("file", f) for f in other_files], numSlices=min(len(other_files), slices)))
        elements = context.union(parts) if len(parts) > 1 else parts[0]
        # Analysis is the expensive step: keep its rows while each table is written from them.
        rows = elements.repartition(slices).mapPartitions(analyse_partition).persist(StorageLevel.MEMORY_AND_DISK)
        counts = {table: 0 for table in TABLES} | dict(rows.countByKey())
        for table in TABLES:
            schema = from_arrow_schema(TABLE_SCHEMAS[table])
            table_rows = rows.filter(lambda item, table=table: item[0] == table).map(lambda item: item[1])
            frame = session.createDataFrame(table_rows, schema=schema)
            frame.write.mode("overwrite").parquet(f"{str(output).rstrip('/')}/{table}")
        rows.unpersist()
    finally:
        if spark is None:
            session.stop()
    return counts


def main(argv: list[str] | None = None) -> None:
    """spark-submit entry: ``spark-submit saidwhat/spark_job.py INPUT... --output URI``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="JSONL(.gz)/WARC(.gz) files or folders; URIs pass through")
    parser.add_argument("--output", required=True, help="output folder or URI")
    parser.add_argument("--master", default=None, help="Spark master (default: what spark-submit sets)")
    parser.add_argument("--partitions", type=int, default=None)
    args = parser.parse_args(argv)
    counts = run_spark_job(args.inputs, args.output, master=args.master, partitions=args.partitions)
    print(", ".join(f"{table} {count:,}" for table, count in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()

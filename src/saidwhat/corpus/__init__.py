"""Corpus scale: read folders/JSONL/WARC (``readers``), analyse on all cores (``pool``, ``analyse``),
and store resumably (``ingest``). The Spark job (``saidwhat.spark_job``) reuses ``readers`` and ``analyse``."""

from saidwhat.corpus.ingest import IngestReport, ingest

__all__ = ["ingest", "IngestReport"]

"""kill -9 in the middle of an ingest loses nothing committed, and re-running the same command completes it.

A real ``saidwhat ingest`` subprocess writes a real DuckDB file; it is SIGKILLed after its second
committed batch; the same command is run again; the final tables must equal those of an
uninterrupted run over the same input.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import orjson

from saidwhat.corpus import ingest
from saidwhat.store import Store
from tests.test_corpus_articles import CORPUS

# Tables compared, and their columns that do not depend on when a row was written.
COMPARED = {
    "articles": "id, source, url, title, outlet, outlet_group, published, text, n_words, n_statements, record",
    "mentions": "*",
    "statements": "*",
    "claims": "*",
    "failures": "source, article_id, error_type, reason",
    "entities": "id, outlet_group, name, norm_name, type",
}


def _corpus_file(path: Path, copies: int) -> None:
    lines = []
    for copy in range(copies):
        for article_id, outlet, published, text in CORPUS:
            lines.append(orjson.dumps({"id": f"{article_id}-{copy}", "outlet": outlet, "published": published, "text": text}))
        lines.append(b'{"id": "broken", "text": ')  # a bad line per copy: failures must survive the kill too
    path.write_bytes(b"\n".join(lines) + b"\n")


def _snapshot(db: Path) -> dict[str, list[tuple]]:
    with Store(db, read_only=True) as store:
        tables = {
            table: sorted(store.con.execute(f"SELECT {columns} FROM {table}").fetchall(), key=repr)
            for table, columns in COMPARED.items()
        }
        tables["speakers"] = sorted(
            store.con.execute(
                "SELECT e.name, c.name FROM entities e JOIN entities c ON c.id = e.canonical_id"
            ).fetchall()
        )
        return tables


def test_sigkill_then_rerun_equals_an_uninterrupted_run(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _corpus_file(corpus, copies=4)  # 32 articles, 4 bad lines
    command = [
        sys.executable, "-m", "saidwhat", "ingest", str(corpus), "--db", str(tmp_path / "killed.duckdb"),
        "--workers", "1", "--batch-size", "2", "--verbose", "--no-progress",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    commits = 0
    try:
        for line in process.stderr:
            commits += line.startswith("committed ")
            if commits == 2:
                process.send_signal(signal.SIGKILL)
                break
    finally:
        process.wait(timeout=120)
    assert commits == 2 and process.returncode == -signal.SIGKILL, "the ingest ended before it could be killed"

    with Store(tmp_path / "killed.duckdb", read_only=True) as store:
        kept = store.stats()
    assert kept["articles"] + kept["failures"] >= 4  # both committed batches survived the kill

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    skipped = int(re.search(r"([\d,]+) skipped", rerun.stderr).group(1).replace(",", ""))
    assert skipped == kept["articles"] + kept["failures"]  # resumed: nothing committed was redone

    ingest([str(corpus)], tmp_path / "reference.duckdb", workers=0, progress=False)
    killed, reference = _snapshot(tmp_path / "killed.duckdb"), _snapshot(tmp_path / "reference.duckdb")
    assert len(reference["articles"]) == 32 and len(reference["failures"]) == 4
    for table in reference:
        assert killed[table] == reference[table], table


def test_ctrl_c_stops_cleanly_and_the_rerun_completes(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _corpus_file(corpus, copies=2)
    command = [
        sys.executable, "-m", "saidwhat", "ingest", str(corpus), "--db", str(tmp_path / "s.duckdb"),
        "--workers", "1", "--batch-size", "2", "--verbose", "--no-progress",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    for line in process.stderr:
        if line.startswith("committed "):
            process.send_signal(signal.SIGINT)
            break
    rest = process.stderr.read()
    process.wait(timeout=120)
    assert process.returncode == 130, rest
    assert "interrupted" in rest and "run the same command again" in rest
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert (store.stats()["articles"], store.stats()["failures"]) == (16, 2)

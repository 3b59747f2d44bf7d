"""``ingest``: read a corpus, analyse it on all cores, and store it; resumable and failure-tolerant.

Data flow: readers (this process) -> work items -> worker processes (model loaded once each,
``nlp.pipe`` batches) -> outcomes -> this process, the ONE writer of the DuckDB file, which commits
every ``batch_size`` articles in one transaction. A kill loses at most the uncommitted batch; the
next run skips every source already stored or recorded as failed, so it picks up where it stopped.
"""

from __future__ import annotations

import signal
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from saidwhat.corpus.analyse import Outcome
from saidwhat.corpus.pool import analyse_stream, chunked, default_workers
from saidwhat.corpus.readers import ReadFailure, WorkItem, expand_inputs, read_inputs, total_input_bytes
from saidwhat.store import Store

CHUNK_SIZE = 8  # work items per task sent to a worker
BATCH_SIZE = 64  # articles per store transaction


@dataclass
class IngestReport:
    stored: int = 0
    failed: int = 0
    skipped: int = 0  # already in the store (or recorded as failed) before this run
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failure_types: Counter = field(default_factory=Counter)
    failure_examples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


class _BatchWriter:
    """Collects outcomes and read failures; commits them to the store a batch at a time."""

    def __init__(self, store: Store, report: IngestReport, batch_size: int, log: Console | None = None) -> None:
        self.store, self.report, self.batch_size, self.log = store, report, batch_size, log
        self.rows: list = []
        self.failures: list[tuple[str, str, str, str | None]] = []

    def add_outcome(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.rows.append(outcome.rows)
            self.report.words += outcome.words
        else:
            self.add_failure(outcome.source, outcome.reason or "", outcome.error_type or "Error", outcome.article_id)
        if len(self.rows) + len(self.failures) >= self.batch_size:
            self.flush()

    def add_failure(self, source: str, reason: str, error_type: str, article_id: str | None = None) -> None:
        self.failures.append((source, reason, error_type, article_id))

    def flush(self) -> None:
        if not self.rows and not self.failures:
            return
        self.store.write_batch(self.rows, self.failures)
        self.report.stored += len(self.rows)
        self.report.failed += len(self.failures)
        for source, reason, error_type, _ in self.failures:
            self.report.failure_types[error_type] += 1
            if len(self.report.failure_examples) < 10:
                self.report.failure_examples.append((source, reason))
        if self.log is not None:
            self.log.print(
                f"committed {len(self.rows)} articles, {len(self.failures)} failures "
                f"(this run: {self.report.stored} stored, {self.report.failed} failed)",
                highlight=False,
            )
        self.rows, self.failures = [], []


@contextmanager
def _stop_on_ctrl_c() -> Iterator[threading.Event]:
    """The first Ctrl-C asks the ingest to stop after the chunk in hand (what is done gets committed);
    a second one interrupts at once. Raising inside a DuckDB call would abort it instead."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def on_sigint(signum, frame) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)


def _progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TextColumn("{task.fields[articles]} articles, {task.fields[rate]:.1f}/s, {task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        disable=not enabled,
    )


def ingest(
    inputs: list[str],
    db: str | Path,
    *,
    workers: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    batch_size: int = BATCH_SIZE,
    retry_failed: bool = False,
    mode: str = "full",
    console: Console | None = None,
    progress: bool = True,
    verbose: bool = False,
) -> IngestReport:
    """Analyse every article of ``inputs`` into the store at ``db``, skipping what it already holds.

    ``verbose`` prints a line per committed batch.
    """
    console = console or Console(stderr=True)
    workers = default_workers() if workers is None else workers
    files = expand_inputs(inputs)
    report = IngestReport()
    started = time.perf_counter()
    with Store(db) as store:
        stored_ids = store.article_ids()
        done = store.done_sources() if not retry_failed else (store.done_sources() - store.failed_sources())
        writer = _BatchWriter(store, report, batch_size, console if verbose else None)
        with _progress(console, progress) as bar:
            task = bar.add_task("ingest", total=total_input_bytes(files) or None, articles=0, rate=0.0, failed=0)

            def advance(size: int) -> None:
                elapsed = time.perf_counter() - started
                done_count = report.stored + len(writer.rows)
                bar.update(
                    task,
                    advance=size,
                    articles=done_count,
                    rate=done_count / elapsed if elapsed else 0.0,
                    failed=report.failed + len(writer.failures),
                )

            def work() -> Iterator[WorkItem]:
                for result in read_inputs(files):
                    if result.source in done or (isinstance(result, WorkItem) and result.known_id() in stored_ids):
                        report.skipped += 1
                        advance(result.size)
                    elif isinstance(result, ReadFailure):
                        writer.add_failure(result.source, result.reason, result.error_type)
                        advance(result.size)
                    else:
                        yield result

            with _stop_on_ctrl_c() as stop:
                stream = analyse_stream(chunked(work(), chunk_size), workers=workers, mode=mode)
                try:
                    for outcomes in stream:
                        for outcome in outcomes:
                            writer.add_outcome(outcome)
                            advance(outcome.size)
                        if stop.is_set():
                            report.interrupted = True
                            break
                    writer.flush()
                except KeyboardInterrupt:
                    # A second Ctrl-C: the batch being collected is dropped, never half-written.
                    report.interrupted = True
                finally:
                    stream.close()  # stops the workers now, also after a break
    report.seconds = time.perf_counter() - started
    return report


def print_report(report: IngestReport, db: str | Path, console: Console) -> None:
    console.print(
        f"stored {report.stored:,} articles ({report.words:,} words) in {report.seconds:.1f} s "
        f"({report.articles_per_second:.1f} articles/s); {report.failed:,} failed; "
        f"{report.skipped:,} skipped (already in {db})"
    )
    if report.failure_types:
        console.print("failures by type: " + ", ".join(f"{t} {n}" for t, n in report.failure_types.most_common()))
        for source, reason in report.failure_examples:
            # Reader messages already name their source ("feed.jsonl:3: not valid JSON …").
            message = reason if reason.startswith(source) else f"{source}: {reason}"
            console.print(f"  [red]failed[/red] {escape(message)}", highlight=False)
    if report.interrupted:
        console.print("[yellow]interrupted[/yellow]: everything committed is kept; run the same command again to resume")

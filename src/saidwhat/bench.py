"""``make bench``: corpus throughput, scaling, ingest overhead, memory, store size and query latency.

Every figure is measured in one run on the same texts, and reported beside its reference from that
run (bare spaCy parsing, the one-worker rate, extract without the store), because absolute speeds
depend on the machine and its load. Real news: PolNeAR article texts (2016 US election coverage),
repeated with new ids up to ``--articles``. Nothing from the corpus is written into the repository;
texts go to a temporary folder.

    python -m saidwhat.bench --polnear ../shared/data/polnear [--articles 2000] [--statements 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import orjson
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from saidwhat.corpus.analyse import PIPE_BATCH_SIZE, Outcome, analyse_items
from saidwhat.corpus.ingest import ingest
from saidwhat.corpus.pool import analyse_stream, chunked, default_workers
from saidwhat.corpus.readers import WorkItem
from saidwhat.store import Store

BENCH_DOC = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
SECTION_START = "<!-- corpus-throughput:start -->"
SECTION_END = "<!-- corpus-throughput:end -->"
RSS_DIR_ENV = "SAIDWHAT_BENCH_RSS_DIR"
_NAME = re.compile(r"^(?P<outlet>[a-z]+)_(?P<date>\d{4}-\d{2}-\d{2})_")
console = Console(stderr=True)


# -- tasks the worker pool runs (module level, so workers can import them) ------------------------


def _record_peak_rss() -> None:
    folder = os.environ.get(RSS_DIR_ENV)
    if folder:
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        Path(folder, f"{os.getpid()}.rss").write_text(str(peak_kb), encoding="utf-8")


def measured_analyse(items: list[WorkItem], *, flatten: bool, mode: str) -> list[Outcome]:
    """The engine, as ingest runs it; records this worker's peak memory."""
    outcomes = analyse_items(items, flatten=flatten, mode=mode)
    _record_peak_rss()
    return outcomes


def bare_parse(items: list[WorkItem], *, flatten: bool, mode: str) -> list[Outcome]:
    """spaCy parsing only (the same model and batching): the reference the engine is compared with."""
    from saidwhat.nlp import load_model

    docs = load_model().pipe([item.content for item in items], batch_size=PIPE_BATCH_SIZE)
    outcomes = [Outcome(source=item.source, words=len(doc.text.split()), size=item.size) for item, doc in zip(items, docs)]
    _record_peak_rss()
    return outcomes


# -- measurements ----------------------------------------------------------------------------------


@dataclass
class Rate:
    label: str
    workers: int
    articles: int
    words: int
    seconds: float
    load: float = 0.0  # 1-minute load average when the run ended: other work on the machine

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds


@dataclass
class Results:
    articles: int
    words: int
    cores: int
    rates: list[Rate] = field(default_factory=list)
    peak_worker_mb: float = 0.0
    store_mb_per_1000: float = 0.0
    store_articles: int = 0
    query_statements: int = 0
    query_ms_median: float = 0.0
    query_ms_p95: float = 0.0
    query_speakers: int = 0

    def rate(self, label: str, workers: int) -> Rate:
        return next(r for r in self.rates if r.label == label and r.workers == workers)


def load_texts(polnear: Path, count: int) -> list[WorkItem]:
    files = sorted((polnear / "train" / "text").glob("*.txt")) + sorted((polnear / "dev" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"no PolNeAR texts under {polnear}/{{train,dev}}/text; pass --polnear")
    base = []
    for file in files:
        match = _NAME.match(file.name)
        text = file.read_text(encoding="utf-8")
        if text.strip():
            base.append((file.stem, text, match["outlet"] if match else None, match["date"] if match else None))
    items = []
    for index in range(count):
        stem, text, outlet, published = base[index % len(base)]
        copy = index // len(base)
        items.append(
            WorkItem(source=f"{stem}#{copy}", kind="text", content=text, id=f"{stem}-{copy}", outlet=outlet, published=published, size=1)
        )
    return items


def _progress(label: str, total: int) -> Progress:
    progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"), TimeRemainingColumn(), console=console)
    progress.add_task(label, total=total)
    return progress


def time_pool(label: str, items: list[WorkItem], workers: int, task: Callable, flatten: bool = False) -> Rate:
    words = 0
    where = "in-process" if workers == 0 else f"{workers} worker{'s' if workers != 1 else ''}"
    with _progress(f"{label} ({where})", len(items)) as bar:
        started = time.perf_counter()
        for outcomes in analyse_stream(chunked(items, 8), workers=workers, flatten=flatten, task=task):
            words += sum(o.words for o in outcomes)
            bar.advance(bar.task_ids[0], len(outcomes))
        seconds = time.perf_counter() - started
    return Rate(label, workers, len(items), words, seconds, os.getloadavg()[0])


def time_ingest(items: list[WorkItem], workers: int, folder: Path) -> tuple[Rate, Path]:
    corpus = folder / "corpus.jsonl"
    with corpus.open("wb") as handle:
        for item in items:
            handle.write(orjson.dumps({"id": item.id, "text": item.content, "outlet": item.outlet, "published": item.published}) + b"\n")
    db = folder / f"ingest-{workers}.duckdb"
    console.print(f"ingest ({workers} workers) into {db}")
    started = time.perf_counter()
    report = ingest([str(corpus)], db, workers=workers, console=console)
    seconds = time.perf_counter() - started
    return Rate("ingest", workers, report.stored, report.words, seconds, os.getloadavg()[0]), db


def store_size(db: Path) -> tuple[float, int]:
    with Store(db) as store:
        store.con.execute("CHECKPOINT")
        articles = store.stats()["articles"]
    return db.stat().st_size / 1e6 / max(1, articles) * 1000, articles


def grow_store(db: Path, statements: int) -> int:
    """Copy the stored articles under new ids until the store holds ``statements`` statements."""
    with Store(db) as store:
        have = store.stats()["statements"]
        copies = max(0, -(-statements // max(1, have)) - 1)
        for copy in range(1, copies + 1):
            suffix = f"~{copy}"
            store.con.begin()
            for table, key in (("articles", "id"), ("mentions", "article_id"), ("statements", "article_id"), ("claims", "article_id")):
                columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall()]
                select = ", ".join(f"{c} || '{suffix}'" if c == key else c for c in columns)
                store.con.execute(f"INSERT INTO {table} SELECT {select} FROM {table} WHERE {key} NOT LIKE '%~%'")
            store.con.commit()
        store.con.execute("CHECKPOINT")
        return store.stats()["statements"]


def time_speaker_queries(db: Path, repeats: int = 5) -> tuple[float, float, int]:
    with Store(db, read_only=True) as store:
        names = [s["name"] for s in store.speakers(limit=20)]
        for name in names:  # warm the caches once
            store.query_statements(speaker=name, limit=50)
        timings = []
        for _ in range(repeats):
            for name in names:
                started = time.perf_counter()
                store.query_statements(speaker=name, limit=50)
                timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(names)


def run(polnear: Path, articles: int, statements: int, workers_list: list[int]) -> Results:
    items = load_texts(polnear, articles)
    results = Results(articles=len(items), words=sum(len(i.content.split()) for i in items), cores=default_workers())
    with tempfile.TemporaryDirectory(prefix="saidwhat-bench-") as tmp:
        folder = Path(tmp)
        # One process: the engine against bare spaCy parsing of the same texts.
        results.rates.append(time_pool("bare spaCy", items, 0, bare_parse))
        results.rates.append(time_pool("engine", items, 0, measured_analyse))
        rss_dir = folder / "rss"  # from here on, workers (not this process) record their peak memory
        rss_dir.mkdir()
        os.environ[RSS_DIR_ENV] = str(rss_dir)
        for workers in workers_list:
            results.rates.append(time_pool("bare spaCy", items, workers, bare_parse))
            results.rates.append(time_pool("extract", items, workers, measured_analyse))
        top = max(workers_list)
        results.rates.append(time_pool("extract+rows", items, top, measured_analyse, flatten=True))
        ingest_rate, db = time_ingest(items, top, folder)
        results.rates.append(ingest_rate)
        results.peak_worker_mb = max(int(f.read_text()) for f in rss_dir.glob("*.rss")) / 1024
        results.store_mb_per_1000, results.store_articles = store_size(db)
        with console.status(f"growing the store to {statements:,} statements"):
            results.query_statements = grow_store(db, statements)
        results.query_ms_median, results.query_ms_p95, results.query_speakers = time_speaker_queries(db)
    return results


# -- report ----------------------------------------------------------------------------------------


def render(results: Results, command: str) -> str:
    one = {label: results.rate(label, 1) for label in ("bare spaCy", "extract")}
    top = max(r.workers for r in results.rates)
    engine, bare = results.rate("engine", 0), results.rate("bare spaCy", 0)
    scaling = results.rate("extract", top).articles_per_second / one["extract"].articles_per_second
    bare_scaling = results.rate("bare spaCy", top).articles_per_second / one["bare spaCy"].articles_per_second
    overhead = results.rate("ingest", top).seconds / results.rate("extract", top).seconds - 1
    bar = lambda ok: "**met**" if ok else "**not met**"  # noqa: E731
    lines = [
        SECTION_START,
        "## Corpus throughput, scaling, ingest overhead, store size, query latency",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.machine()} {platform.system()}, "
        f"{results.cores} cores, Python {platform.python_version()}; {results.articles:,} PolNeAR news texts "
        f"({results.words:,} words; the 924 train+dev texts repeated under new ids).",
        f"Command: `{command}`. Rates include pool start-up (each worker loads the model once).",
        "",
        "| run | workers | articles/s | words/s | vs reference | load avg |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for rate in results.rates:
        if rate.label == "engine":
            ref = f"{rate.articles_per_second / bare.articles_per_second:.2f} × bare spaCy (same process)"
        elif rate.label in ("bare spaCy", "extract") and rate.workers >= 1:
            base = one[rate.label]
            ref = f"{rate.articles_per_second / base.articles_per_second:.2f} × its 1-worker rate"
        elif rate.label in ("extract+rows", "ingest"):
            ref = f"{rate.seconds / results.rate('extract', rate.workers).seconds - 1:+.1%} time vs extract, {rate.workers} workers"
        else:
            ref = "reference"
        workers = "in-process" if rate.workers == 0 else str(rate.workers)
        lines.append(
            f"| {rate.label} | {workers} | {rate.articles_per_second:,.1f} | {rate.words_per_second:,.0f} | {ref} | {rate.load:.1f} |"
        )
    busiest = max(r.load for r in results.rates)
    if busiest > results.cores:
        lines += [
            "",
            f"**Caveat:** the machine was shared while this ran (1-minute load average up to {busiest:.1f} on "
            f"{results.cores} cores, last column), so each phase got a different share of the CPU and the ratios "
            "below carry that noise (a scaling above the worker count, or an ingest faster than extract, is load "
            "variation, not speed). Re-run `make bench` on an idle machine for figures to rely on.",
        ]
    lines += [
        "",
        f"- Engine vs bare spaCy, one process: the engine runs at {engine.articles_per_second / bare.articles_per_second:.2f} × "
        "the articles/s of parsing alone (attribution, context, entities and claims on top of the parse).",
        f"- Scaling: {top} workers give {scaling:.2f} × one worker (bar ≥ {0.9 * top:.1f}: {bar(scaling >= 0.9 * top)}); "
        f"bare spaCy (the same pool without the engine: the machine's own scaling) scales {bare_scaling:.2f} × in the same run.",
        f"- Ingest overhead (store writes, one writer process) vs extract at {top} workers: {overhead:+.1%} "
        f"(bar ≤ +15%: {bar(overhead <= 0.15)}).",
        f"- Peak memory per worker (max RSS): {results.peak_worker_mb:,.0f} MB.",
        f"- Store size: {results.store_mb_per_1000:,.1f} MB per 1,000 articles (DuckDB file after CHECKPOINT; "
        f"{results.store_articles:,} articles, full texts included).",
        f"- Speaker query (`Store.query_statements(speaker=…, limit=50)`, any alias, merged speakers) on "
        f"{results.query_statements:,} statements: median {results.query_ms_median:.1f} ms, p95 {results.query_ms_p95:.1f} ms "
        f"over the {results.query_speakers} most quoted speakers × 5 (bar < 100 ms: {bar(results.query_ms_p95 < 100)}). "
        "The statements are the ingested ones copied under new article ids.",
        "",
        "How: `saidwhat.bench` times each stage over the same work items; `bare spaCy` runs the same model and "
        "`nlp.pipe` batching in the same worker pool, `extract` runs the engine (`analyse_doc`) there, "
        "`extract+rows` also flattens the results into store rows in the workers, `ingest` is `saidwhat ingest` "
        "(JSONL reading, workers, one DuckDB writer) into a fresh store.",
        SECTION_END,
    ]
    return "\n".join(lines) + "\n"


def write_section(section: str, path: Path = BENCH_DOC) -> None:
    """Replace this benchmark's section of docs/benchmarks.md (other sections are left alone)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    if SECTION_START in text and SECTION_END in text:
        before, rest = text.split(SECTION_START, 1)
        after = rest.split(SECTION_END, 1)[1].lstrip("\n")
        text = before + section + ("\n" + after if after else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Corpus benchmarks (see docs/benchmarks.md).")
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--articles", type=int, default=2000, help="articles per run (PolNeAR texts repeated)")
    parser.add_argument("--statements", type=int, default=100_000, help="statements in the store the query is timed on")
    parser.add_argument("--workers", default=None, help="worker counts, e.g. 1,2,4 (default: 1,2,cores)")
    parser.add_argument("--output", type=Path, default=BENCH_DOC, help="markdown file whose corpus section is replaced")
    parser.add_argument("--no-write", action="store_true", help="print the section instead of writing it")
    args = parser.parse_args(argv)
    cores = default_workers()
    workers = sorted({int(w) for w in args.workers.split(",")}) if args.workers else sorted({1, 2, cores})
    if 1 not in workers:
        workers = [1, *workers]
    command = f"python -m saidwhat.bench --articles {args.articles} --statements {args.statements}"
    section = render(run(args.polnear, args.articles, args.statements, workers), command)
    if args.no_write:
        print(section)
    else:
        write_section(section, args.output)
        console.print(f"wrote the corpus section of {args.output}")
        print(section)


if __name__ == "__main__":
    main()

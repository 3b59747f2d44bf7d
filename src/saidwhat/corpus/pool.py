"""Run ``analyse_items`` over a stream of chunks on N worker processes, each loading the model once.

A worker that dies (a crash, the OOM killer) breaks the pool; the lost chunks are re-run one item
at a time on a fresh pool so the one article that kills a worker is recorded as a failure and
everything else is analysed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Callable, Iterable, Iterator

from saidwhat.corpus.analyse import Outcome, analyse_items
from saidwhat.corpus.readers import WorkItem

# Chunks in flight per worker: enough to keep every worker busy while the parent writes.
INFLIGHT_PER_WORKER = 3


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:  # a killed process that its parent has not reaped yet still answers kill(pid, 0)
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] == b"Z"
    except OSError:
        return False


def _exit_when_gone(owner_pid: int) -> None:
    while not _is_gone(owner_pid):
        time.sleep(1.0)
    os._exit(1)  # nothing to clean up: the results have nowhere to go


def _init_worker(owner_pid: int) -> None:
    # Ctrl-C goes to the whole process group: the parent decides what to do, workers keep quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Workers are children of the fork server, not of the ingest: if the ingest is killed (kill -9)
    # nothing tells them, so each one watches it and exits with it.
    threading.Thread(target=_exit_when_gone, args=(owner_pid,), daemon=True).start()
    from saidwhat.nlp import load_model

    load_model()


def _new_executor(workers: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process (no copied DuckDB or rich threads), and a
    # replacement pool after a worker death starts the same way.
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    if os.name == "posix":
        context.set_forkserver_preload(["saidwhat.corpus.analyse"])
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(os.getpid(),))


def _stop(executor: ProcessPoolExecutor) -> None:
    processes = list((executor._processes or {}).values())  # noqa: SLF001 - the executor offers no kill
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)


def _died(item: WorkItem) -> Outcome:
    return Outcome(
        source=item.source,
        article_id=item.id,
        size=item.size,
        error_type="WorkerDied",
        reason="the worker process died while analysing this article (a crash or out of memory); it was retried alone and died again",
    )


def analyse_stream(
    chunks: Iterable[list[WorkItem]],
    *,
    workers: int,
    flatten: bool = True,
    mode: str = "full",
    task: Callable[..., list[Outcome]] = analyse_items,
) -> Iterator[list[Outcome]]:
    """Outcomes of every chunk, as chunks complete (not in input order). ``workers=0`` runs in this process.

    ``task`` (a module-level function, called as ``task(chunk, flatten=, mode=)``) is what workers run.
    """
    if workers <= 0:
        for chunk in chunks:
            yield task(chunk, flatten=flatten, mode=mode)
        return
    source = iter(chunks)
    executor = _new_executor(workers)
    pending: dict[Future, tuple[list[WorkItem], bool]] = {}
    retry: deque[list[WorkItem]] = deque()
    try:
        while True:
            # While suspects are being retried alone, only one runs at a time: a death then names its item.
            isolating = bool(retry) or any(alone for _, alone in pending.values())
            limit = 1 if isolating else workers * INFLIGHT_PER_WORKER
            while len(pending) < limit:
                if retry:
                    chunk, alone = retry.popleft(), True
                else:
                    chunk, alone = next(source, None), False
                    if chunk is None:
                        break
                pending[executor.submit(task, chunk, flatten=flatten, mode=mode)] = (chunk, alone)
                if alone:
                    break
            if not pending:
                return
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                chunk, alone = pending.pop(future)
                try:
                    outcomes = future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield [_died(item) for item in chunk]
                    else:
                        retry.extend([item] for item in chunk)
                    continue
                yield outcomes
            if broken:
                # Every chunk still pending on the broken pool is lost: run its items again, alone.
                for chunk, _alone in pending.values():
                    retry.extend([item] for item in chunk)
                pending.clear()
                _stop(executor)
                executor = _new_executor(workers)
    finally:
        _stop(executor)

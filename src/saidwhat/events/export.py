"""The ``plover`` store exporter: one PLOVER event record per line (JSONL).

Importing this module registers the format, so ``saidwhat export --format plover`` finds it (the CLI
imports it with the claims commands). Events are derived from each stored contract ``Article`` by
``events_for_article``; the store is only read.
"""

from __future__ import annotations

from pathlib import Path

import orjson
from rich.console import Console
from rich.progress import track

from saidwhat.events.plover import events_for_article
from saidwhat.store import Store
from saidwhat.store.export import register_exporter


def export_plover(store: Store, output: Path) -> int:
    """Write every stored article's PLOVER events to ``output``; returns the number of events."""
    output.parent.mkdir(parents=True, exist_ok=True)
    total = store.stats()["articles"]
    written = 0
    with output.open("wb") as handle:
        for article in track(store.iter_articles(), total=total, description="PLOVER events", transient=True, console=Console(stderr=True)):
            for event in events_for_article(article):
                handle.write(orjson.dumps(event) + b"\n")
                written += 1
    return written


register_exporter("plover", export_plover)

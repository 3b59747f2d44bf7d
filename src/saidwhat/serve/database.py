"""Opening the store for the server, with errors that say what to do.

The server opens the store read-only unless write endpoints are enabled (a token is set): then it
owns the file read-write, and other writers (``saidwhat ingest``) must wait. DuckDB does not wait
for locks, so a conflict is reported at once.
"""

from __future__ import annotations

from pathlib import Path

from saidwhat.errors import InputError, SaidwhatError
from saidwhat.store import Store

STORE_TABLES = {"articles", "statements", "entities", "mentions"}


class StoreUnavailable(SaidwhatError):
    """The database cannot be served (missing, locked by a writer, or not a saidwhat store)."""


def open_store(path: Path, *, writable: bool) -> Store:
    if not writable and not path.is_file():
        raise StoreUnavailable(f"no database at {path}; create it first with `saidwhat ingest ARTICLES --db {path}`")
    try:
        store = Store(path, read_only=not writable)
    except InputError as exc:  # the store's message names the lock holder and what to do
        raise StoreUnavailable(str(exc)) from exc
    except Exception as exc:  # DuckDB raises several types for files that are not databases
        raise StoreUnavailable(f"cannot open {path} as a DuckDB database: {exc}") from exc
    cursor = store.cursor()
    try:
        tables = {row[0] for row in cursor.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        cursor.close()
    missing = STORE_TABLES - tables
    if missing:
        store.close()
        raise StoreUnavailable(
            f"{path} is not a saidwhat store (tables {', '.join(sorted(missing))} are missing); "
            "fill it with `saidwhat ingest`"
        )
    return store

"""``Store``: the DuckDB file that holds analysed articles, and the queries over it.

One process owns a store file read-write (DuckDB allows no second writer); any number of processes
may open it ``read_only=True`` when no writer holds it. Threads of the owning process use
``store.cursor()``.
"""

from __future__ import annotations

import datetime as dt
import threading
from importlib import resources
from pathlib import Path
from typing import Any, Iterable

import duckdb
import orjson
import pyarrow as pa

from saidwhat.errors import InputError
from saidwhat.models import Article
from saidwhat.store.linking import GlobalEntity, GroupLinker, MergeDecision
from saidwhat.store.names import normalize_name
from saidwhat.store.rows import (
    ARTICLE_SCHEMA,
    CLAIM_SCHEMA,
    FAILURE_SCHEMA,
    MENTION_SCHEMA,
    STATEMENT_SCHEMA,
    ArticleRows,
    LinkedName,
    flatten_article,
    to_arrow,
)

_ENTITY_SCHEMA = pa.schema([
    ("id", pa.string()), ("outlet_group", pa.string()), ("name", pa.string()), ("norm_name", pa.string()),
    ("type", pa.string()), ("aliases", pa.list_(pa.string())), ("canonical_id", pa.string()), ("first_seen", pa.timestamp("us")),
])
SCHEMA_SQL = resources.files("saidwhat.store").joinpath("schema.sql").read_text(encoding="utf-8")
ARTICLE_TABLES = ("articles", "mentions", "statements", "claims")
_ARTICLE_KEY = {"articles": "id", "mentions": "article_id", "statements": "article_id", "claims": "article_id"}

# The statement columns queries return, with the speaker's and the target's merged (canonical) entity.
# The page is chosen on the statements table's filter and sort columns alone (by rowid); only its rows
# are read whole and joined, which keeps queries fast on large stores.
_STATEMENT_PAGE = """
WITH page AS (
    SELECT * FROM statements WHERE rowid IN (SELECT rowid FROM statements s{where} ORDER BY {order} LIMIT ? OFFSET ?)
)
SELECT s.*, sp.canonical_id AS speaker_canonical_id, spc.name AS speaker_canonical_name,
       tg.canonical_id AS target_canonical_id, tgc.name AS target_canonical_name,
       a.title, a.url
FROM page s
LEFT JOIN entities sp ON sp.id = s.speaker_entity_id
LEFT JOIN entities spc ON spc.id = sp.canonical_id
LEFT JOIN entities tg ON tg.id = s.target_entity_id
LEFT JOIN entities tgc ON tgc.id = tg.canonical_id
LEFT JOIN articles a ON a.id = s.article_id
ORDER BY {order}
"""
_STATEMENT_ORDER = (
    "s.published DESC NULLS LAST, s.article_id, "
    "CAST(regexp_extract(s.statement_id, '\\d+') AS INTEGER) NULLS LAST, s.statement_id"
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _to_date(value: str | dt.date | None, option: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{option} {value!r} is not a date; use YYYY-MM-DD") from exc


class Store:
    """An article store in one DuckDB file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if self.path != ":memory:" and read_only and not Path(self.path).is_file():
            raise InputError(f"no store at {self.path}; create one with `saidwhat ingest INPUT --db {self.path}`")
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            raise InputError(
                f"cannot open the store {self.path}: {exc}. Another process (an ingest?) holds it; "
                "wait for it to finish, or query a copy (`saidwhat export`)"
            ) from exc
        if not read_only:
            self.con.execute(SCHEMA_SQL)
        self._linkers: dict[str, GroupLinker] = {}
        self._aliases: dict[str, set[str]] = {}  # global id -> display aliases stored in entities.aliases
        # Writes (and the in-memory entity index) are serialized: a server may write from request threads.
        self._write_lock = threading.RLock()

    # -- lifecycle -----------------------------------------------------------------------------

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for another thread of this process (DuckDB connections are not shared across threads)."""
        return self.con.cursor()

    # -- writing -------------------------------------------------------------------------------

    def upsert_article(self, article: Article, *, source: str | None = None) -> None:
        self.upsert_articles([article], sources=[source])

    def upsert_articles(self, articles: Iterable[Article], sources: Iterable[str | None] | None = None) -> None:
        """Store articles in one transaction, replacing any stored article with the same id."""
        articles = list(articles)
        source_list = list(sources) if sources is not None else [None] * len(articles)
        if len(source_list) != len(articles):
            raise ValueError("sources must have one entry per article")
        now = _now()
        self.write_batch([flatten_article(a, source=s, now=now) for a, s in zip(articles, source_list)])

    def record_failure(
        self,
        source: str,
        reason: str,
        *,
        error_type: str = "InputError",
        article_id: str | None = None,
    ) -> None:
        """Record why an input could not be stored (replacing an earlier failure of the same source)."""
        self.write_batch([], [(source, reason, error_type, article_id)])

    def write_batch(
        self, rows: Iterable[ArticleRows], failures: Iterable[tuple[str, str, str, str | None]] = ()
    ) -> None:
        """Store flattened articles and (source, reason, error_type, article_id) failures in ONE transaction.

        An article replaces any stored article with its id; a failure replaces an earlier failure of
        its source. Ingest calls this once per batch, so a kill loses at most the batch in flight.
        """
        batch = list({r.article["id"]: r for r in rows}.values())
        failure_rows = list({f[0]: f for f in failures}.values())
        if not batch and not failure_rows:
            return

        def write() -> None:
            if batch:
                self._insert_batch(batch)
            if failure_rows:
                now = _now()
                self.con.execute(
                    "DELETE FROM failures WHERE source IN (SELECT unnest(?::VARCHAR[]))", [[f[0] for f in failure_rows]]
                )
                failure_table = to_arrow(  # noqa: F841 - read by DuckDB's replacement scan below
                    [
                        {"source": source, "article_id": article_id, "error_type": error_type, "reason": reason, "failed_at": now}
                        for source, reason, error_type, article_id in failure_rows
                    ],
                    FAILURE_SCHEMA,
                )
                self.con.execute("INSERT INTO failures BY NAME SELECT * FROM failure_table")

        self._write(write)

    def delete_article(self, article_id: str) -> None:
        def write() -> None:
            for table in ARTICLE_TABLES:
                self.con.execute(f"DELETE FROM {table} WHERE {_ARTICLE_KEY[table]} = ?", [article_id])

        self._write(write)

    def _write(self, body) -> None:
        if self.read_only:
            raise InputError(f"the store {self.path} is open read-only")
        with self._write_lock:
            self.con.begin()
            try:
                body()
                self.con.commit()
            except BaseException:
                self.con.rollback()
                # The in-memory entity index may hold entities of the rolled-back batch: reload it when next needed.
                self._linkers.clear()
                self._aliases.clear()
                raise

    def _insert_batch(self, batch: list[ArticleRows]) -> None:
        # One statement per table (DuckDB's executemany runs a statement per row: slow for batches).
        ids = [rows.article["id"] for rows in batch]
        for table in ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE {_ARTICLE_KEY[table]} IN (SELECT unnest(?::VARCHAR[]))", [ids])
        # An input that now stores fine is no longer a failure.
        sources = [rows.article["source"] for rows in batch if rows.article["source"]]
        self.con.execute(
            "DELETE FROM failures WHERE article_id IN (SELECT unnest(?::VARCHAR[])) OR source IN (SELECT unnest(?::VARCHAR[]))",
            [ids, sources],
        )
        for table, schema, key in (
            ("articles", ARTICLE_SCHEMA, None),
            ("mentions", MENTION_SCHEMA, "mentions"),
            ("statements", STATEMENT_SCHEMA, "statements"),
            ("claims", CLAIM_SCHEMA, "claims"),
        ):
            rows = [r.article for r in batch] if key is None else [row for r in batch for row in getattr(r, key)]
            if rows:
                arrow_rows = to_arrow(rows, schema)  # noqa: F841 - read by DuckDB's replacement scan below
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM arrow_rows")
        self._link(batch)

    # -- entity linking ------------------------------------------------------------------------

    def _linker(self, group: str) -> GroupLinker:
        linker = self._linkers.get(group)
        if linker is not None:
            return linker
        blocked = {
            frozenset(pair)
            for pair in self.con.execute(
                "SELECT m.entity_id, m.into_id FROM entity_merges m JOIN entities e ON e.id = m.entity_id "
                "WHERE m.undone_at IS NOT NULL AND e.outlet_group = ?",
                [group],
            ).fetchall()
        }
        linker = GroupLinker(blocked)
        for entity_id, norm_name, name, type_, aliases, merged_into in self.con.execute(
            "SELECT id, norm_name, name, type, aliases, merged_into FROM entities WHERE outlet_group = ?", [group]
        ).fetchall():
            linker.add(GlobalEntity(entity_id, norm_name, name, type_, {normalize_name(a) for a in aliases}, merged_into))
            self._aliases[entity_id] = set(aliases)
        self._linkers[group] = linker
        return linker

    def _link(self, batch: list[ArticleRows]) -> None:
        """Add the batch's named entities to the global table and merge those that name one speaker."""
        now = _now()
        new_ids: dict[str, tuple[str, LinkedName]] = {}
        changed_aliases: set[str] = set()
        merges: list[MergeDecision] = []
        touched: set[str] = set()
        # Fuller, then more often mentioned names first: a batch links the same way whatever order its
        # articles arrived in, and a spelling variant merges into the common spelling, not the reverse.
        names = sorted(
            ((rows.outlet_group, name) for rows in batch for name in rows.names),
            key=lambda item: (item[0], -len(item[1].norm_name.split()), -item[1].n_mentions, item[1].norm_name),
        )
        for group, name in names:
            linker = self._linker(group)
            touched.add(group)
            display = {name.name, *name.aliases}
            normalized = {normalize_name(a) for a in display}
            if name.entity_id not in linker.entities:
                entity = GlobalEntity(name.entity_id, name.norm_name, name.name, name.type, normalized - {name.norm_name})
                linker.add(entity)
                self._aliases[name.entity_id] = display
                new_ids[name.entity_id] = (group, name)
                decision = linker.propose(entity.id)
            else:
                # New aliases of a known entity may name another entity seen before ("Abu Obeida" -> …).
                new_aliases = linker.add_aliases(name.entity_id, normalized)
                decision = linker.propose(name.entity_id) if new_aliases and not linker.entities[name.entity_id].merged_into else None
                if not display <= self._aliases[name.entity_id]:
                    self._aliases[name.entity_id] |= display
                    changed_aliases.add(name.entity_id)
            if decision is not None:
                linker.apply(decision)
                merges.append(decision)
        if new_ids:
            entity_table = to_arrow(  # noqa: F841 - read by DuckDB's replacement scan below
                [
                    {
                        "id": entity_id, "outlet_group": group, "name": name.name, "norm_name": name.norm_name,
                        "type": name.type, "aliases": sorted(self._aliases[entity_id]), "canonical_id": entity_id,
                        "first_seen": now,
                    }
                    for entity_id, (group, name) in new_ids.items()
                ],
                _ENTITY_SCHEMA,
            )
            self.con.execute("INSERT INTO entities BY NAME SELECT * FROM entity_table")
        changed_aliases -= new_ids.keys()
        if changed_aliases:
            changed = sorted(changed_aliases)
            self.con.execute(
                "UPDATE entities SET aliases = changed.aliases FROM "
                "(SELECT unnest(?::VARCHAR[]) AS id, unnest(?::VARCHAR[][]) AS aliases) AS changed "
                "WHERE entities.id = changed.id",
                [changed, [sorted(self._aliases[i]) for i in changed]],
            )
        if merges:
            self._record_merges(merges, now)
            self._refresh_canonical(touched)

    def _record_merges(self, merges: list[MergeDecision], now: dt.datetime) -> None:
        self.con.executemany(
            "INSERT INTO entity_merges (entity_id, into_id, method, reason, score, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [[m.entity_id, m.into_id, m.method, m.reason, m.score, now] for m in merges],
        )
        self.con.executemany(
            "UPDATE entities SET merged_into = ? WHERE id = ?", [[m.into_id, m.entity_id] for m in merges]
        )

    def _refresh_canonical(self, groups: Iterable[str]) -> None:
        updates = []
        for group in groups:
            linker = self._linker(group)
            current = dict(
                self.con.execute("SELECT id, canonical_id FROM entities WHERE outlet_group = ?", [group]).fetchall()
            )
            for entity_id in linker.entities:
                root = linker.root(entity_id)
                if current.get(entity_id) != root:
                    updates.append([root, entity_id])
        if updates:
            self.con.execute(
                "UPDATE entities SET canonical_id = changed.canonical_id FROM "
                "(SELECT unnest(?::VARCHAR[]) AS canonical_id, unnest(?::VARCHAR[]) AS id) AS changed "
                "WHERE entities.id = changed.id",
                [[u[0] for u in updates], [u[1] for u in updates]],
            )

    def merge_entities(self, entity_id: str, into_id: str, reason: str = "merged by hand") -> None:
        """Merge one global entity into another (same outlet group), recording the reason."""
        entity, into = self._entity_row(entity_id), self._entity_row(into_id)
        if entity["outlet_group"] != into["outlet_group"]:
            raise InputError(f"{entity_id} and {into_id} are in different outlet groups; only entities of one group merge")
        linker = self._linker(entity["outlet_group"])
        if linker.root(entity_id) == linker.root(into_id):
            raise InputError(f"{entity['name']!r} and {into['name']!r} are already one speaker")
        decision = MergeDecision(entity_id, into_id, "manual", reason)

        def write() -> None:
            linker.blocked.discard(frozenset((entity_id, into_id)))
            linker.apply(decision)
            self._record_merges([decision], _now())
            self._refresh_canonical([entity["outlet_group"]])

        self._write(write)

    def unmerge_entity(self, entity_id: str) -> dict:
        """Undo the merge that made this entity part of another speaker; returns the undone merge."""
        entity = self._entity_row(entity_id)
        if entity["merged_into"] is None:
            raise InputError(f"{entity_id} ({entity['name']!r}) is not merged into another entity; nothing to undo")
        merge = self.con.execute(
            "SELECT id, into_id, method, reason FROM entity_merges WHERE entity_id = ? AND into_id = ? AND undone_at IS NULL "
            "ORDER BY id DESC LIMIT 1",
            [entity_id, entity["merged_into"]],
        ).fetchall()
        linker = self._linker(entity["outlet_group"])

        def write() -> None:
            linker.undo(entity_id)
            self.con.execute("UPDATE entity_merges SET undone_at = ? WHERE entity_id = ? AND undone_at IS NULL", [_now(), entity_id])
            self.con.execute("UPDATE entities SET merged_into = NULL WHERE id = ?", [entity_id])
            self._refresh_canonical([entity["outlet_group"]])

        self._write(write)
        merge_id, into_id, method, reason = merge[0] if merge else (None, entity["merged_into"], None, None)
        return {"merge_id": merge_id, "entity_id": entity_id, "into_id": into_id, "method": method, "reason": reason}

    def _entity_row(self, entity_id: str) -> dict:
        rows = self._dicts("SELECT * FROM entities WHERE id = ?", [entity_id])
        if not rows:
            raise InputError(f"no entity {entity_id!r} in the store; find ids with `saidwhat entities show NAME`")
        return rows[0]

    # -- reading -------------------------------------------------------------------------------

    def _dicts(self, sql: str, params: list | None = None, con: duckdb.DuckDBPyConnection | None = None) -> list[dict]:
        cursor = (con or self.con).execute(sql, params or [])
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    def has_article(self, article_id: str) -> bool:
        return bool(self.con.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchall()[0][0])

    def article_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def done_sources(self) -> set[str]:
        """Sources already stored as articles or recorded as failures (ingest skips them)."""
        return {
            row[0]
            for row in self.con.execute(
                "SELECT source FROM articles WHERE source IS NOT NULL UNION SELECT source FROM failures"
            ).fetchall()
        }

    def failed_sources(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT source FROM failures").fetchall()}

    def load_article(self, article_id: str, con: duckdb.DuckDBPyConnection | None = None) -> Article:
        """The stored article as the exact contract record the engine returned."""
        rows = (con or self.con).execute("SELECT text, record FROM articles WHERE id = ?", [article_id]).fetchall()
        if not rows:
            raise InputError(f"no article {article_id!r} in the store {self.path}")
        text, record = rows[0]
        data = orjson.loads(record)
        data["text"] = text
        return Article.model_validate(data)

    def iter_articles(self, batch_size: int = 500) -> Iterable[Article]:
        """Every stored article, in id order, as contract records."""
        ids = [row[0] for row in self.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        for start in range(0, len(ids), batch_size):
            for article_id in ids[start : start + batch_size]:
                yield self.load_article(article_id)

    def stats(self) -> dict[str, int]:
        """Row counts: articles, statements, entities (distinct speakers after merging), claims, failures."""
        (articles, statements, entities, claims, failures, merges, mentions) = self.con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements), "
            "(SELECT count(DISTINCT canonical_id) FROM entities), (SELECT count(*) FROM claims), "
            "(SELECT count(*) FROM failures), (SELECT count(*) FROM entity_merges WHERE undone_at IS NULL), "
            "(SELECT count(*) FROM mentions)"
        ).fetchall()[0]
        return {
            "articles": articles,
            "statements": statements,
            "entities": entities,
            "claims": claims,
            "failures": failures,
            "merges": merges,
            "mentions": mentions,
        }

    def failures(self, limit: int = 100) -> list[dict]:
        return self._dicts("SELECT * FROM failures ORDER BY source LIMIT ?", [limit])

    def _entity_ids_matching(self, name: str, con: duckdb.DuckDBPyConnection) -> list[str]:
        """Global ids of every entity that is (merged with) an entity whose name or alias contains ``name``."""
        norm = normalize_name(name)
        if not norm:
            return []
        pattern = f"%{norm}%"
        rows = con.execute(
            "SELECT id FROM entities WHERE canonical_id IN ("
            "  SELECT canonical_id FROM entities WHERE norm_name LIKE ? "
            "  OR lower(array_to_string(aliases, '|')) LIKE ?)",
            [pattern, pattern],
        ).fetchall()
        return [row[0] for row in rows]

    def _statement_filters(
        self,
        con: duckdb.DuckDBPyConnection,
        *,
        speaker: str | None = None,
        target: str | None = None,
        outlet: str | None = None,
        speech_act: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        article_id: str | None = None,
        entity_id: str | None = None,
    ) -> tuple[str, list]:
        clauses: list[str] = []
        params: list = []
        for who, column, name_column in (
            (speaker, "s.speaker_entity_id", "s.speaker_name"),
            (target, "s.target_entity_id", "s.target_name"),
        ):
            if who:
                ids = self._entity_ids_matching(who, con)
                # Unlinked speakers ("a senior official") still match on their text.
                clauses.append(f"({column} IN (SELECT unnest(?::VARCHAR[])) OR {name_column} ILIKE ?)")
                params += [ids, f"%{who}%"]
        if entity_id:
            clauses.append(
                "s.speaker_entity_id IN (SELECT id FROM entities WHERE canonical_id = "
                "(SELECT canonical_id FROM entities WHERE id = ?))"
            )
            params.append(entity_id)
        if outlet:
            clauses.append("lower(s.outlet) = lower(?)")
            params.append(outlet)
        if speech_act:
            clauses.append("s.speech_act = ?")
            params.append(speech_act.upper())
        if since:
            clauses.append("s.published >= ?")
            params.append(_to_date(since, "--since"))
        if until:
            clauses.append("s.published <= ?")
            params.append(_to_date(until, "--until"))
        if text:
            clauses.append("s.content_text ILIKE ?")
            params.append(f"%{text}%")
        if article_id:
            clauses.append("s.article_id = ?")
            params.append(article_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def query_statements(
        self,
        *,
        speaker: str | None = None,
        target: str | None = None,
        outlet: str | None = None,
        speech_act: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        text: str | None = None,
        article_id: str | None = None,
        entity_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
        con: duckdb.DuckDBPyConnection | None = None,
    ) -> list[dict]:
        """Statements matching every given filter, newest first.

        ``speaker``/``target`` match any name or alias of an entity, and everything merged with it,
        across articles; ``since``/``until`` bound the publication date (inclusive); ``text`` searches
        the content. Each row has the ``statements`` columns plus ``speaker_canonical_id``/``_name``,
        ``target_canonical_id``/``_name``, ``title`` and ``url``. Pass ``con=store.cursor()`` from threads.
        """
        con = con or self.con
        where, params = self._statement_filters(
            con, speaker=speaker, target=target, outlet=outlet, speech_act=speech_act, since=since,
            until=until, text=text, article_id=article_id, entity_id=entity_id,
        )
        sql = _STATEMENT_PAGE.format(where=where, order=_STATEMENT_ORDER)
        return self._dicts(sql, params + [max(0, int(limit)), max(0, int(offset))], con)

    def count_statements(self, con: duckdb.DuckDBPyConnection | None = None, **filters: Any) -> int:
        """How many statements ``query_statements`` would return without limit (same filters)."""
        con = con or self.con
        where, params = self._statement_filters(con, **filters)
        return con.execute("SELECT count(*) FROM statements s" + where, params).fetchall()[0][0]

    def entity(
        self, entity_id: str | None = None, *, name: str | None = None, con: duckdb.DuckDBPyConnection | None = None
    ) -> dict | None:
        """One speaker: its canonical entity, every entity merged into it (with the merge reasons), counts.

        Give a global ``entity_id`` (any member of the speaker) or a ``name`` (the speaker with most
        statements among those whose name or alias contains it). None when nothing matches.
        """
        con = con or self.con
        if entity_id is None:
            if not name:
                raise InputError("give an entity id or a name")
            ids = self._entity_ids_matching(name, con)
            if not ids:
                return None
            best = con.execute(
                "SELECT e.canonical_id, count(s.statement_id) AS n FROM entities e "
                "LEFT JOIN statements s ON s.speaker_entity_id = e.id "
                "WHERE e.id IN (SELECT unnest(?::VARCHAR[])) GROUP BY e.canonical_id ORDER BY n DESC, e.canonical_id LIMIT 1",
                [ids],
            ).fetchall()
            entity_id = best[0][0]
        rows = self._dicts("SELECT canonical_id FROM entities WHERE id = ?", [entity_id], con)
        if not rows:
            return None
        canonical_id = rows[0]["canonical_id"]
        members = self._dicts(
            "SELECT e.id, e.name, e.type, e.aliases, e.merged_into, "
            "  (SELECT m.reason FROM entity_merges m WHERE m.entity_id = e.id AND m.into_id = e.merged_into "
            "   AND m.undone_at IS NULL ORDER BY m.id DESC LIMIT 1) AS merge_reason, "
            "  (SELECT count(*) FROM statements s WHERE s.speaker_entity_id = e.id) AS n_statements, "
            "  (SELECT count(DISTINCT article_id) FROM mentions m WHERE m.entity_id = e.id) AS n_articles "
            "FROM entities e WHERE e.canonical_id = ? ORDER BY e.id",
            [canonical_id],
            con,
        )
        root = next(m for m in members if m["id"] == canonical_id)
        canonical = self._dicts("SELECT outlet_group FROM entities WHERE id = ?", [canonical_id], con)[0]
        aliases = sorted({a for m in members for a in m["aliases"]} | {m["name"] for m in members})
        return {
            "id": canonical_id,
            "name": root["name"],
            "type": root["type"],
            "outlet_group": canonical["outlet_group"],
            "aliases": aliases,
            "members": members,
            "n_statements": sum(m["n_statements"] for m in members),
            "n_articles": con.execute(
                "SELECT count(DISTINCT article_id) FROM mentions WHERE entity_id IN "
                "(SELECT id FROM entities WHERE canonical_id = ?)",
                [canonical_id],
            ).fetchall()[0][0],
        }

    def merges(self, include_undone: bool = False) -> list[dict]:
        where = "" if include_undone else " WHERE m.undone_at IS NULL"
        return self._dicts(
            "SELECT m.*, e.name AS entity_name, i.name AS into_name FROM entity_merges m "
            "JOIN entities e ON e.id = m.entity_id JOIN entities i ON i.id = m.into_id" + where + " ORDER BY m.id"
        )

    def speakers(self, limit: int = 50, con: duckdb.DuckDBPyConnection | None = None) -> list[dict]:
        """Speakers (merged entities) by number of statements."""
        return self._dicts(
            "SELECT e.canonical_id AS id, any_value(c.name) AS name, count(*) AS n_statements, "
            "count(DISTINCT s.article_id) AS n_articles FROM statements s "
            "JOIN entities e ON e.id = s.speaker_entity_id JOIN entities c ON c.id = e.canonical_id "
            "GROUP BY e.canonical_id ORDER BY n_statements DESC, name LIMIT ?",
            [limit],
            con,
        )

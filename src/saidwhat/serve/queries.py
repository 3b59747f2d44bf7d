"""Read queries of the web app: the store's own queries, plus SQL over its tables for what it lacks.

Every call runs on its own cursor (``Store.cursor()``), so request threads never share a DuckDB
connection. Entities are shown by their canonical id (the root of the merge tree), so a merged
speaker is one page and one graph node.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from saidwhat.models import Article
from saidwhat.store import Store


@dataclass(frozen=True)
class StatementFilter:
    """The filters of ``GET /statements`` and the search page; None means no filter."""

    speaker: str | None = None
    target: str | None = None
    outlet: str | None = None
    speech_act: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None


class StoreReader:
    """Read-side queries over one open ``Store``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.store.cursor()
        try:
            result = cursor.execute(sql, params or [])
            names = [column[0] for column in result.description]
            return [dict(zip(names, row)) for row in result.fetchall()]
        finally:
            cursor.close()

    # -- articles -------------------------------------------------------------------------------

    def list_articles(self, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        total = self._rows("SELECT count(*) AS n FROM articles")[0]["n"]
        rows = self._rows(
            """SELECT id, title, outlet, published, url, n_words, n_statements, n_entities, n_claims
               FROM articles ORDER BY published DESC NULLS LAST, ingested_at DESC, id LIMIT ? OFFSET ?""",
            [limit, offset],
        )
        return total, rows

    def article(self, article_id: str) -> Article | None:
        # Store.load_article reads on the store's own connection; request threads need a cursor.
        rows = self._rows("SELECT text, record FROM articles WHERE id = ?", [article_id])
        if not rows:
            return None
        record = rows[0]["record"]
        data = json.loads(record) if isinstance(record, str) else record
        return Article.model_validate({**data, "text": rows[0]["text"]})

    def global_entity_ids(self, article_id: str) -> dict[str, str]:
        """The article's local entity ids ("e1") -> canonical global ids (for links to speaker pages)."""
        rows = self._rows(
            """SELECT m.local_id, coalesce(e.canonical_id, m.entity_id) AS entity_id
               FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id
               WHERE m.article_id = ? AND m.entity_id IS NOT NULL""",
            [article_id],
        )
        return {row["local_id"]: row["entity_id"] for row in rows}

    def outlets(self) -> list[str]:
        rows = self._rows("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
        return [row["outlet"] for row in rows]

    def stats(self) -> dict[str, int]:
        # Store.stats reads on the store's own connection; request threads need a cursor.
        row = self._rows(
            """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM statements) AS statements,
                      (SELECT count(DISTINCT canonical_id) FROM entities) AS entities"""
        )[0]
        return {key: int(value) for key, value in row.items()}

    # -- statements -----------------------------------------------------------------------------

    def statements(self, where: StatementFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        filters = {
            "speaker": where.speaker, "target": where.target, "outlet": where.outlet,
            "speech_act": where.speech_act, "since": where.since, "until": where.until, "text": where.q,
        }
        cursor = self.store.cursor()
        try:
            total = self.store.count_statements(con=cursor, **filters)
            rows = self.store.query_statements(con=cursor, limit=limit, offset=offset, **filters)
        finally:
            cursor.close()
        return total, [statement_row(row) for row in rows]

    # -- entities -------------------------------------------------------------------------------

    def entity(self, entity_id: str, statement_limit: int = 500) -> dict[str, Any] | None:
        """A speaker page: names, descriptors, a timeline of statements, and who-talks-about-whom."""
        cursor = self.store.cursor()
        try:
            entity = self.store.entity(entity_id, con=cursor)
            if entity is None:
                return None
            said = self.store.query_statements(con=cursor, entity_id=entity["id"], limit=statement_limit)
        finally:
            cursor.close()
        canonical = entity["id"]
        descriptors: dict[str, int] = {}
        for row in self._rows(
            """SELECT unnest(descriptors) AS descriptor FROM mentions
               WHERE entity_id IN (SELECT id FROM entities WHERE canonical_id = ?)""",
            [canonical],
        ):
            descriptors[row["descriptor"]] = descriptors.get(row["descriptor"], 0) + 1
        timeline = sorted(
            (statement_row(row) for row in said),
            key=lambda row: (row["published"] or dt.date.max, row["article_id"], _statement_number(row)),
        )
        return {
            "id": canonical,
            "name": entity["name"],
            "type": entity["type"],
            "aliases": [alias for alias in entity["aliases"] if alias != entity["name"]],
            "descriptors": sorted(descriptors, key=lambda d: (-descriptors[d], d)),
            "merged_ids": [member["id"] for member in entity["members"] if member["id"] != canonical],
            "statements": timeline,
            "talks_about": self._neighbours(canonical, speaking=True),
            "talked_about_by": self._neighbours(canonical, speaking=False),
        }

    def _neighbours(self, canonical: str, *, speaking: bool) -> list[dict[str, Any]]:
        mine, other = ("speaker", "target") if speaking else ("target", "speaker")
        return self._rows(
            f"""SELECT {other}_id AS id, any_value({other}_name) AS name, count(*) AS count
                FROM ({_EDGE_ROWS}) WHERE {mine}_id = ? AND {other}_id IS NOT NULL
                GROUP BY {other}_id ORDER BY count DESC, name""",
            [canonical],
        )

    # -- graph ----------------------------------------------------------------------------------

    def graph(self, limit: int, min_count: int) -> dict[str, Any]:
        edges = self._rows(
            f"""SELECT speaker_id AS source, target_id AS target, count(*) AS count
                FROM ({_EDGE_ROWS})
                WHERE speaker_id IS NOT NULL AND target_id IS NOT NULL AND speaker_id <> target_id
                GROUP BY speaker_id, target_id HAVING count(*) >= ?
                ORDER BY count DESC, source, target LIMIT ?""",
            [min_count, limit],
        )
        ids = sorted({edge["source"] for edge in edges} | {edge["target"] for edge in edges})
        nodes = self._rows(
            "SELECT id, name, type FROM entities WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY name", [ids]
        )
        return {"nodes": nodes, "edges": edges}


# One row per statement with canonical speaker/target ids and display names (graph and neighbours).
_EDGE_ROWS = """
    SELECT coalesce(se.canonical_id, s.speaker_entity_id) AS speaker_id, sr.name AS speaker_name,
           coalesce(te.canonical_id, s.target_entity_id) AS target_id, tr.name AS target_name
    FROM statements s
    LEFT JOIN entities se ON se.id = s.speaker_entity_id
    LEFT JOIN entities sr ON sr.id = se.canonical_id
    LEFT JOIN entities te ON te.id = s.target_entity_id
    LEFT JOIN entities tr ON tr.id = te.canonical_id
"""


def statement_row(row: dict[str, Any]) -> dict[str, Any]:
    """A ``Store.query_statements`` row as the API's ``StatementRow`` (canonical speaker and target)."""
    return {
        "article_id": row["article_id"],
        "statement_id": row["statement_id"],
        "kind": row["kind"],
        "speech_act": row["speech_act"],
        "confidence": row["confidence"],
        "cue": row["cue"],
        "content_text": row["content_text"],
        "speaker_id": row["speaker_canonical_id"] or row["speaker_entity_id"],
        "speaker_name": row["speaker_canonical_name"] or row["speaker_name"] or row["source_text"],
        "target_id": row["target_canonical_id"] or row["target_entity_id"],
        "target_name": row["target_canonical_name"] or row["target_name"] or row["target_text"],
        "time_text": row["time_text"],
        "time_value": row["time_value"],
        "place": row["place_name"] or row["place_text"],
        "venue": row["venue_text"],
        "via_names": list(row["via_names"] or []),
        "outlet": row["outlet"],
        "published": row["published"],
        "title": row["title"],
    }


def _statement_number(row: dict[str, Any]) -> int:
    digits = "".join(ch for ch in row["statement_id"] if ch.isdigit())
    return int(digits) if digits else 0

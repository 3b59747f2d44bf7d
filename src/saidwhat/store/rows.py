"""Flatten a contract ``Article`` into the rows of the store's tables (shared by the Store and the Spark job).

The pyarrow schemas here are the column layout of the ``articles``, ``mentions``, ``statements`` and
``claims`` tables (schema.sql) as exported to Parquet: JSON columns travel as strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import orjson
import pyarrow as pa

from saidwhat.models import Article, EntityPart, Part
from saidwhat.store.names import global_entity_id, is_linkable, normalize_name, outlet_group_for

_S = pa.string()
_SPANS = pa.string()  # JSON [[start, end], ...]
_NAMES = pa.list_(pa.string())

ARTICLE_SCHEMA = pa.schema([
    ("id", _S), ("source", _S), ("url", _S), ("title", _S), ("outlet", _S), ("outlet_group", _S),
    ("published", pa.date32()), ("text", _S), ("n_words", pa.int32()), ("n_statements", pa.int32()),
    ("n_entities", pa.int32()), ("n_claims", pa.int32()), ("record", _S), ("ingested_at", pa.timestamp("us")),
])
MENTION_SCHEMA = pa.schema([
    ("article_id", _S), ("local_id", _S), ("entity_id", _S), ("name", _S), ("type", _S),
    ("aliases", _NAMES), ("descriptors", _NAMES), ("spans", _SPANS), ("n_mentions", pa.int32()),
])
STATEMENT_SCHEMA = pa.schema([
    ("article_id", _S), ("statement_id", _S), ("kind", _S), ("speech_act", _S), ("confidence", pa.float64()),
    ("cue", _S), ("cue_spans", _SPANS),
    ("speaker_local_id", _S), ("speaker_entity_id", _S), ("speaker_name", _S), ("source_text", _S), ("source_spans", _SPANS),
    ("content_text", _S), ("content_spans", _SPANS),
    ("target_local_id", _S), ("target_entity_id", _S), ("target_name", _S), ("target_text", _S), ("target_spans", _SPANS),
    ("time_text", _S), ("time_value", _S), ("time_granularity", _S), ("time_spans", _SPANS),
    ("place_local_id", _S), ("place_entity_id", _S), ("place_name", _S), ("place_text", _S), ("place_spans", _SPANS),
    ("venue_text", _S), ("venue_spans", _SPANS),
    ("via", _S), ("via_names", _NAMES), ("outlet", _S), ("published", pa.date32()),
])
CLAIM_SCHEMA = pa.schema([
    ("article_id", _S), ("claim_id", _S), ("text", _S), ("spans", _SPANS), ("value", pa.float64()),
    ("unit", _S), ("qualifier", _S), ("counts", _S), ("asserted_by", _S), ("speaker_entity_id", _S),
    ("outlet", _S), ("published", pa.date32()),
])
FAILURE_SCHEMA = pa.schema([
    ("source", _S), ("article_id", _S), ("error_type", _S), ("reason", _S), ("failed_at", pa.timestamp("us")),
])
TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": ARTICLE_SCHEMA,
    "mentions": MENTION_SCHEMA,
    "statements": STATEMENT_SCHEMA,
    "claims": CLAIM_SCHEMA,
    "failures": FAILURE_SCHEMA,
}


@dataclass
class LinkedName:
    """A named entity of an article and the global entity its name maps to."""

    entity_id: str
    norm_name: str
    name: str
    type: str
    aliases: list[str]
    n_mentions: int


@dataclass
class ArticleRows:
    """The rows one article contributes to each table, plus the global entities it names."""

    article: dict
    mentions: list[dict] = field(default_factory=list)
    statements: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    names: list[LinkedName] = field(default_factory=list)

    @property
    def outlet_group(self) -> str:
        return self.article["outlet_group"]


def _spans_json(spans) -> str | None:
    return orjson.dumps([list(s) for s in spans]).decode() if spans else None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def flatten_article(article: Article, *, source: str | None = None, now: dt.datetime | None = None) -> ArticleRows:
    """All rows of one article. Global entity ids are deterministic, so any process computes the same ones."""
    group = outlet_group_for(article.outlet, article.url)
    published = _date(article.published)
    local_to_global: dict[str, str | None] = {}
    local_names: dict[str, str] = {}
    rows = ArticleRows(
        article={
            "id": article.id,
            "source": source,
            "url": article.url,
            "title": article.title,
            "outlet": article.outlet,
            "outlet_group": group,
            "published": published,
            "text": article.text,
            "n_words": len(article.text.split()),
            "n_statements": len(article.statements),
            "n_entities": len(article.entities),
            "n_claims": len(article.claims),
            "record": article.model_dump_json(exclude={"text"}),
            "ingested_at": now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
        }
    )
    for entity in article.entities:
        global_id = None
        if is_linkable(entity.name):
            norm = normalize_name(entity.name)
            global_id = global_entity_id(group, norm)
            aliases = [a for a in entity.aliases if is_linkable(a)]
            rows.names.append(LinkedName(global_id, norm, entity.name, entity.type, aliases, len(entity.mentions)))
        local_to_global[entity.id] = global_id
        local_names[entity.id] = entity.name
        rows.mentions.append(
            {
                "article_id": article.id,
                "local_id": entity.id,
                "entity_id": global_id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "descriptors": list(entity.descriptors),
                "spans": _spans_json(entity.mentions) or "[]",
                "n_mentions": len(entity.mentions),
            }
        )

    def entity_columns(prefix: str, part: EntityPart | None, name_column: bool = True) -> dict:
        local = part.entity if part else None
        columns = {
            f"{prefix}_local_id": local,
            f"{prefix}_entity_id": local_to_global.get(local) if local else None,
            f"{prefix}_text": part.text if part else None,
            f"{prefix}_spans": _spans_json(part.spans) if part else None,
        }
        if name_column:
            columns[f"{prefix}_name"] = (local_names.get(local) or part.text) if part else None
        return columns

    def part_columns(prefix: str, part: Part | None) -> dict:
        return {f"{prefix}_text": part.text if part else None, f"{prefix}_spans": _spans_json(part.spans) if part else None}

    speaker_of: dict[str, str | None] = {}
    for statement in article.statements:
        source = entity_columns("source", statement.source)
        speaker_of[statement.id] = source["source_entity_id"]
        via = [
            {
                "text": part.text,
                "spans": [list(s) for s in part.spans],
                "entity": part.entity,
                "entity_id": local_to_global.get(part.entity) if part.entity else None,
                "name": local_names.get(part.entity) or part.text,
            }
            for part in statement.via
        ]
        row = {
            "article_id": article.id,
            "statement_id": statement.id,
            "kind": statement.kind,
            "speech_act": statement.speech_act.value,
            "confidence": statement.confidence,
            "cue": statement.cue.text if statement.cue else None,
            "cue_spans": _spans_json(statement.cue.spans) if statement.cue else None,
            "speaker_local_id": source["source_local_id"],
            "speaker_entity_id": source["source_entity_id"],
            "speaker_name": source["source_name"],
            "source_text": source["source_text"],
            "source_spans": source["source_spans"],
            "content_text": statement.content.text,
            "content_spans": _spans_json(statement.content.spans),
            **entity_columns("target", statement.target),
            "time_text": statement.time.text if statement.time else None,
            "time_value": statement.time.value if statement.time else None,
            "time_granularity": statement.time.granularity if statement.time else None,
            "time_spans": _spans_json(statement.time.spans) if statement.time else None,
            **entity_columns("place", statement.place),
            **part_columns("venue", statement.venue),
            "via": orjson.dumps(via).decode(),
            "via_names": [v["name"] for v in via],
            "outlet": article.outlet,
            "published": published,
        }
        rows.statements.append(row)
    for claim in article.claims:
        rows.claims.append(
            {
                "article_id": article.id,
                "claim_id": claim.id,
                "text": claim.text,
                "spans": _spans_json(claim.spans),
                "value": claim.value,
                "unit": claim.unit,
                "qualifier": claim.qualifier,
                "counts": claim.counts,
                "asserted_by": claim.asserted_by,
                "speaker_entity_id": speaker_of.get(claim.asserted_by),
                "outlet": article.outlet,
                "published": published,
            }
        )
    return rows


def to_arrow(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Rows (dicts keyed by column) as an Arrow table with exactly the table's columns and types."""
    return pa.Table.from_pylist(rows, schema=schema)

"""The output contract: one place defines it.

Every offset is a Python string index into ``Article.text``. A part's ``text`` is the text of its
spans; when a part has several discontinuous spans their texts are joined with ``PIECE_JOINER``.
``schema/article.schema.json`` is generated from these models (``make schema``) and tests validate
output against it.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PIECE_JOINER = " … "

Span = tuple[int, int]


class SpeechAct(str, Enum):
    """The closed set of speech acts a statement is typed with (see docs/speech-acts.md)."""

    STATEMENT = "STATEMENT"  # said, told, added, noted, explained
    CLAIM = "CLAIM"  # claimed, insisted, argued, maintained, asserted
    ACCUSE = "ACCUSE"  # accused, blamed, alleged, charged
    CRITICIZE = "CRITICIZE"  # slammed, criticized, blasted, condemned, took a jab at
    DENY = "DENY"  # denied, disputed
    REJECT = "REJECT"  # rejected, refused, dismissed, ruled out
    THREATEN = "THREATEN"  # threatened
    WARN = "WARN"  # warned, cautioned
    REQUEST = "REQUEST"  # asked, urged, called on, demanded, appealed
    AGREE = "AGREE"  # agreed, accepted, endorsed a deal
    ADMIT = "ADMIT"  # admitted, acknowledged, conceded, confirmed
    PROMISE = "PROMISE"  # promised, pledged, vowed
    PRAISE = "PRAISE"  # praised, hailed, lauded, thanked
    SUPPORT = "SUPPORT"  # endorsed, backed, supported, defended
    QUESTION = "QUESTION"  # asked whether, questioned, wondered
    PREDICT = "PREDICT"  # predicted, forecast, expected that
    BELIEVE = "BELIEVE"  # believes, thinks, feels, knows, fears, hopes
    INTEND = "INTEND"  # wants, plans, intends, seeks
    REPORT = "REPORT"  # reported, wrote, according to (documents and media)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Part(_Strict):
    """A piece of the article: its text and one or more character spans."""

    text: str
    spans: list[Span] = Field(min_length=1)


class EntityPart(Part):
    """A part that refers to an entity of the article (null when it names none, e.g. "sources")."""

    entity: str | None = None


class TimePart(Part):
    """A time expression, resolved against the publication date when one is given.

    ``value`` is ISO 8601: ``2025-01-04`` (day), ``2025-01`` (month), ``2024`` (year),
    ``2025-W01`` (week), ``2025-01-04T15:00`` (time); null when it cannot be resolved.
    """

    value: str | None = None
    granularity: Literal["time", "day", "week", "month", "year", "unresolved"] = "unresolved"


class Entity(_Strict):
    id: str
    name: str
    type: Literal["PERSON", "ORG", "GPE", "NORP", "MEDIA", "GROUP", "OTHER"]
    aliases: list[str] = []
    descriptors: list[str] = []
    mentions: list[Span] = []


class Statement(_Strict):
    id: str
    kind: Literal["direct", "indirect", "mixed"]
    speech_act: SpeechAct
    cue: Part | None = None
    source: EntityPart | None = None
    content: Part
    target: EntityPart | None = None
    time: TimePart | None = None
    place: EntityPart | None = None
    venue: Part | None = None
    via: list[EntityPart] = []
    confidence: float = Field(ge=0.0, le=1.0)


class Claim(_Strict):
    id: str
    text: str
    spans: list[Span] = Field(min_length=1)
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    asserted_by: str  # a statement id, or "article" for the article's own voice


class Article(_Strict):
    id: str
    text: str
    published: str | None = None  # ISO date
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    entities: list[Entity] = []
    statements: list[Statement] = []
    claims: list[Claim] = []

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


def part_text(text: str, spans: list[Span]) -> str:
    """The ``text`` of a part with these spans, as the contract defines it."""
    return PIECE_JOINER.join(text[s:e] for s, e in spans)


def article_json_schema() -> dict:
    return Article.model_json_schema()

"""Typed records that the pipeline stages hand each other (internal; the output contract is models.py).

ingest -> parse -> attributions -> entities (resolution) -> context -> claims -> assemble
All offsets are character offsets into the article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]

MentionKind = Literal["name", "pronoun", "nominal"]


@dataclass
class FoundAttribution:
    """An attribution found in the text, before its source is resolved to an entity."""

    content: list[Span]
    kind: Literal["direct", "indirect", "mixed"]
    cue: list[Span] | None = None
    source: list[Span] | None = None
    # The cue's lemma phrase ("say", "accuse", "take a jab at", "according to"): speech-act typing reads it.
    cue_lemma: str | None = None
    confidence: float = 0.5
    # Why it was found: "quote", "rule", "model", "continuation" (debugging and error listings).
    origin: str = "rule"
    # Index of the attribution whose source this one continues ("he added", a cue-less follow-on quote).
    continues: int | None = None


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: MentionKind


@dataclass
class ResolvedEntity:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)


@dataclass
class EntityTable:
    """The entities of one article, and which entity each resolved mention span refers to."""

    entities: list[ResolvedEntity] = field(default_factory=list)
    by_span: dict[Span, str] = field(default_factory=dict)

    def entity_for(self, spans: list[Span] | None) -> str | None:
        """The entity a (possibly multi-piece) span refers to, if resolved."""
        if not spans:
            return None
        for span in spans:
            if span in self.by_span:
                return self.by_span[span]
        return None

    def get(self, entity_id: str | None) -> ResolvedEntity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass
class TimeRef:
    span: Span
    value: str | None
    granularity: str


@dataclass
class StatementContext:
    """What the context stage finds around one attribution."""

    speech_act: str = "STATEMENT"
    target: list[Span] | None = None
    time: TimeRef | None = None
    place: list[Span] | None = None
    venue: list[Span] | None = None
    via: list[list[Span]] = field(default_factory=list)

"""Request and response bodies of the HTTP API (the OpenAPI spec at /openapi.json comes from these)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

# Metadata fields get generous but finite limits: they are shown on pages and stored.
_SHORT = 1_000
_URL = 2_048


class ExtractRequest(BaseModel):
    """One article to analyse: its text, or (only if the operator allows fetching) a URL."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article text; offsets in the answer index it.")
    published: dt.date | None = Field(None, description="Publication date; times resolve against it.")
    url: str | None = Field(None, max_length=_URL, description="Where the article is from; fetched only "
                            "when text is absent and the server runs with --allow-fetch.")
    title: str | None = Field(None, max_length=_SHORT)
    outlet: str | None = Field(None, max_length=_SHORT)


class IngestArticle(ExtractRequest):
    id: str | None = Field(None, min_length=1, max_length=200, description="Stable id; default: hash of url+text.")


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[IngestArticle] = Field(min_length=1)


class IngestFailure(BaseModel):
    index: int
    message: str


class IngestResult(BaseModel):
    ingested: list[str]
    failed: list[IngestFailure]


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    into: str = Field(min_length=1, max_length=200, description="The entity id to merge into.")
    reason: str = Field("merged by an editor", max_length=_SHORT)


class MergeResult(BaseModel):
    entity_id: str
    into_id: str


class UnmergeResult(BaseModel):
    """The merge that was undone (merge_id null when the store has no record of it)."""

    merge_id: int | None
    entity_id: str
    into_id: str
    method: str | None
    reason: str | None


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None
    n_words: int
    n_statements: int
    n_entities: int
    n_claims: int


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleSummary]


class StatementRow(BaseModel):
    """A statement with its article's metadata and its speaker/target as canonical global entities."""

    article_id: str
    statement_id: str
    kind: str
    speech_act: str
    confidence: float
    cue: str | None
    content_text: str
    speaker_id: str | None
    speaker_name: str | None
    target_id: str | None
    target_name: str | None
    time_text: str | None
    time_value: str | None
    place: str | None
    venue: str | None
    via_names: list[str]
    outlet: str | None
    published: dt.date | None
    title: str | None


class StatementPage(Page):
    items: list[StatementRow]


class EntityLink(BaseModel):
    id: str
    name: str | None
    count: int


class EntityDetail(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    descriptors: list[str]
    merged_ids: list[str]
    statements: list[StatementRow]
    talks_about: list[EntityLink]
    talked_about_by: list[EntityLink]


class GraphNode(BaseModel):
    id: str
    name: str
    type: str


class GraphEdge(BaseModel):
    source: str
    target: str
    count: int


class Graph(BaseModel):
    nodes: list[GraphNode]
    edges: list[GraphEdge]

"""The JSON API: extraction, and read queries over the store (documented at /openapi.json)."""

from __future__ import annotations

import datetime as dt

from fastapi import APIRouter, Query, Request

from saidwhat.models import Article, SpeechAct
from saidwhat.serve.analysis import analyse
from saidwhat.serve.errors import ApiError, documented
from saidwhat.serve.queries import StatementFilter, StoreReader
from saidwhat.serve.schemas import (
    ArticlePage,
    EntityDetail,
    ExtractRequest,
    Graph,
    StatementPage,
)

# Every operation may be refused as malformed (400: unparsable body) or invalid (422).
router = APIRouter(responses=documented(400, 422))

_FILTER_TEXT = 200  # longest accepted filter/search string
_MAX_OFFSET = 10_000_000


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def reader_of(request: Request) -> StoreReader:
    reader = request.app.state.reader
    if reader is None:
        raise ApiError(503, "no_store", "this server runs without a database; start it with `saidwhat serve --db PATH`")
    return reader


@router.post("/extract", response_model=Article, tags=["extract"],
             responses=documented(403, 413, 429, 502))
def extract_article(body: ExtractRequest, request: Request) -> Article:
    """Analyse one article: every attributed statement, its speaker, target, time, place and source chain."""
    state = request.app.state
    return analyse(body, settings=state.settings, limiter=state.limiter, client=client_address(request))


@router.get("/articles", response_model=ArticlePage, tags=["read"], responses=documented(503))
def list_articles(
    request: Request,
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=_MAX_OFFSET),
) -> ArticlePage:
    """Stored articles, newest first."""
    total, rows = reader_of(request).list_articles(limit, offset)
    return ArticlePage(total=total, limit=limit, offset=offset, items=rows)


@router.get("/articles/{article_id}", response_model=Article, tags=["read"], responses=documented(404, 503))
def get_article(article_id: str, request: Request) -> Article:
    """One stored article in the output contract's form."""
    article = reader_of(request).article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}; list them at /articles")
    return article


@router.get("/statements", response_model=StatementPage, tags=["read"], responses=documented(503))
def list_statements(
    request: Request,
    speaker: str | None = Query(None, max_length=_FILTER_TEXT, description="Speaker: any alias or entity id."),
    target: str | None = Query(None, max_length=_FILTER_TEXT, description="Whom it is about: any alias or id."),
    outlet: str | None = Query(None, max_length=_FILTER_TEXT),
    speech_act: SpeechAct | None = Query(None),
    since: dt.date | None = Query(None, description="Published on or after this date."),
    until: dt.date | None = Query(None, description="Published on or before this date."),
    q: str | None = Query(None, max_length=_FILTER_TEXT, description="Text the content contains."),
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0, le=_MAX_OFFSET),
) -> StatementPage:
    """Statements across the store, filtered; ``total`` counts all matches."""
    where = StatementFilter(
        speaker=speaker, target=target, outlet=outlet, speech_act=speech_act.value if speech_act else None,
        since=since, until=until, q=q,
    )
    total, rows = reader_of(request).statements(where, limit, offset)
    return StatementPage(total=total, limit=limit, offset=offset, items=rows)


@router.get("/entities/{entity_id}", response_model=EntityDetail, tags=["read"], responses=documented(404, 503))
def get_entity(entity_id: str, request: Request) -> EntityDetail:
    """A speaker or target: aliases, descriptors, statements, whom they talk about and who talks about them."""
    entity = reader_of(request).entity(entity_id)
    if entity is None:
        raise ApiError(404, "not_found", f"no entity with id {entity_id!r}; find ids via /statements or /graph")
    return EntityDetail(**entity)


@router.get("/graph", response_model=Graph, tags=["read"], responses=documented(503))
def get_graph(
    request: Request,
    limit: int = Query(200, ge=1, le=2000, description="At most this many edges, the strongest first."),
    min_count: int = Query(1, ge=1, le=1_000_000, description="Only edges with at least this many statements."),
) -> Graph:
    """Who talks about whom: speaker -> target edges with statement counts."""
    return Graph(**reader_of(request).graph(limit, min_count))

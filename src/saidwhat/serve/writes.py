"""Write endpoints: ingest articles, merge and unmerge entities. They need the operator's bearer token."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from saidwhat.errors import InputError
from saidwhat.serve.analysis import analyse
from saidwhat.serve.errors import ApiError, documented
from saidwhat.serve.schemas import (
    IngestFailure,
    IngestRequest,
    IngestResult,
    MergeRequest,
    MergeResult,
    UnmergeResult,
)
from saidwhat.store import Store

_bearer = HTTPBearer(auto_error=False)


def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> Store:
    """The writable store, if the caller shows the operator's token."""
    settings = request.app.state.settings
    if not settings.token:
        raise ApiError(403, "writes_disabled", "write endpoints are disabled on this server; the operator "
                       "enables them with `saidwhat serve --token TOKEN` (or SAIDWHAT_TOKEN)")
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise ApiError(401, "bad_token", "send the operator's token as `Authorization: Bearer TOKEN`")
    store = request.app.state.store
    if store is None:
        raise ApiError(503, "no_store", "this server runs without a database; start it with --db PATH")
    return store


router = APIRouter(tags=["write"], responses=documented(400, 401, 403, 413, 422, 503))


@router.post("/ingest", response_model=IngestResult, responses=documented(429, 502))
def ingest(body: IngestRequest, request: Request, store: Store = Depends(require_token)) -> IngestResult:
    """Analyse and store articles (replacing stored ones with the same id); failures are listed per article."""
    state = request.app.state
    if len(body.articles) > state.settings.max_ingest_articles:
        raise ApiError(413, "too_many_articles",
                       f"{len(body.articles)} articles in one request; send at most {state.settings.max_ingest_articles}")
    analysed, failed = [], []
    for index, item in enumerate(body.articles):
        try:
            analysed.append(analyse(item, settings=state.settings, limiter=state.limiter,
                                    client=None, article_id=item.id))
        except ApiError as exc:
            if exc.status == 429:  # the server is busy: refuse the whole request so the caller retries it
                raise
            failed.append(IngestFailure(index=index, message=exc.message))
    with state.write_lock:
        store.upsert_articles(analysed, sources=["api" for _ in analysed])
    return IngestResult(ingested=[article.id for article in analysed], failed=failed)


@router.post("/entities/{entity_id}/merge", response_model=MergeResult, responses=documented(404))
def merge(entity_id: str, body: MergeRequest, request: Request, store: Store = Depends(require_token)) -> MergeResult:
    """Merge this entity into another: from now on they count as one speaker."""
    _require_entities(store, entity_id, body.into)
    with request.app.state.write_lock:
        try:
            store.merge_entities(entity_id, body.into, reason=body.reason)
        except InputError as exc:  # different outlet groups, already one speaker
            raise ApiError(422, "refused", str(exc)) from exc
    return MergeResult(entity_id=entity_id, into_id=body.into)


@router.post("/entities/{entity_id}/unmerge", response_model=UnmergeResult, responses=documented(404))
def unmerge(entity_id: str, request: Request, store: Store = Depends(require_token)) -> UnmergeResult:
    """Undo the merge that made this entity part of another speaker."""
    _require_entities(store, entity_id)
    with request.app.state.write_lock:
        try:
            return UnmergeResult(**store.unmerge_entity(entity_id))
        except InputError as exc:  # not merged into anything
            raise ApiError(422, "refused", str(exc)) from exc


def _require_entities(store: Store, *entity_ids: str) -> None:
    cursor = store.cursor()
    try:
        known = {row[0] for row in cursor.execute(
            "SELECT id FROM entities WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(entity_ids)]).fetchall()}
    finally:
        cursor.close()
    for entity_id in entity_ids:
        if entity_id not in known:
            raise ApiError(404, "not_found", f"no entity with id {entity_id!r}; find ids via /statements or /graph")

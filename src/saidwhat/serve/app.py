"""The FastAPI application: JSON API at the root, HTML pages under /ui, static files under /static."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from saidwhat import __version__
from saidwhat.serve import api, pages, writes
from saidwhat.serve.database import open_store
from saidwhat.serve.errors import ApiError, invalid_request
from saidwhat.serve.limits import BodySizeLimit, ExtractionLimiter
from saidwhat.serve.queries import StoreReader
from saidwhat.serve.settings import ServeSettings

STATIC = Path(__file__).parent / "static"

# Pages load only their own files: even if escaping ever failed, injected script would not run.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def create_app(settings: ServeSettings) -> FastAPI:
    """Build the app; with ``settings.db`` it opens the store (StoreUnavailable says why it cannot)."""
    store = open_store(settings.db, writable=settings.writable) if settings.db else None

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        yield
        if store is not None:
            store.close()

    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what, about whom, when, where, and according to whom. "
        "Errors are JSON: {\"error\": {\"code\", \"message\"}}.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN; the spec is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.reader = StoreReader(store) if store is not None else None
    app.state.write_lock = threading.Lock()  # the store's writes share its one connection
    app.state.limiter = ExtractionLimiter(settings.max_concurrent_extractions, settings.extractions_per_minute)

    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
            response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(exc.payload(), status_code=exc.status, headers=exc.headers())

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        return await api_error(request, invalid_request(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # Unknown routes, wrong methods, unparsable bodies: the same error shape as every other refusal
        # (an HTML page for people under /ui).
        if request.url.path.startswith("/ui/"):
            return pages.render(request, "error.html", exc.status_code, title="Not available",
                                message=f"{exc.detail}: {request.url.path}")
        codes = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}
        error = ApiError(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail))
        return JSONResponse(error.payload(), status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(pages.PageError)
    async def page_error(request: Request, exc: pages.PageError) -> Response:
        return pages.render(request, "error.html", exc.status, title="Not available", message=exc.message)

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app

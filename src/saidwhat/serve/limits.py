"""Input limits: request body size (ASGI middleware) and extraction concurrency/rate (429)."""

from __future__ import annotations

import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import Iterator

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saidwhat.serve.errors import ApiError


class BodySizeLimit:
    """Refuse request bodies over ``max_bytes`` with a 413 JSON error, before any parsing.

    A declared Content-Length is checked up front; a chunked body is counted as it arrives and
    buffered (at most ``max_bytes``), then replayed to the app.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        error = ApiError(
            413,
            "body_too_large",
            f"the request body is over the limit of {self.max_bytes:,} bytes; send a smaller article",
        )
        payload = orjson.dumps(error.payload())
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class ExtractionLimiter:
    """At most ``concurrent`` extractions at once, and ``per_minute`` per client; else 429."""

    def __init__(self, concurrent: int, per_minute: int) -> None:
        self._slots = threading.BoundedSemaphore(concurrent)
        self._per_minute = per_minute
        self._recent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @contextmanager
    def slot(self, client: str | None) -> Iterator[None]:
        """A slot for one extraction; ``client`` None (an authenticated writer) skips the rate count."""
        if client is not None:
            self._count_request(client)
        if not self._slots.acquire(blocking=False):
            raise ApiError(429, "busy", "the server is busy with other extractions; retry in a few seconds",
                           retry_after=2)
        try:
            yield
        finally:
            self._slots.release()

    def _count_request(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            recent = self._recent.setdefault(client, deque())
            while recent and now - recent[0] > 60:
                recent.popleft()
            if len(recent) >= self._per_minute:
                wait = int(60 - (now - recent[0])) + 1
                raise ApiError(429, "rate_limited",
                               f"over {self._per_minute} extractions per minute from this address; retry in {wait} s",
                               retry_after=wait)
            recent.append(now)
            if len(self._recent) > 10_000:  # forget idle clients so the table cannot grow without bound
                for key in [k for k, v in self._recent.items() if not v or now - v[-1] > 60]:
                    del self._recent[key]

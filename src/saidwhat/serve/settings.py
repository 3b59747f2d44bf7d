"""What the operator configures when starting the server (``saidwhat serve`` options)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

TOKEN_ENV = "SAIDWHAT_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    # The DuckDB store to serve; None serves only the stateless parts (/extract, the paste box).
    db: Path | None = None
    # Bearer token for write endpoints; None disables them (403) and the DB is opened read-only.
    token: str | None = None
    # Whether /extract may fetch a URL on the caller's behalf (off: the server never makes requests).
    allow_fetch: bool = False
    # Request bodies over this many bytes are refused with 413 before they are parsed.
    max_body_bytes: int = 2_000_000
    # Article text over this many characters is refused with 413 (the engine's own limit is higher).
    max_text_chars: int = 200_000
    # At most this many extractions run at once; more get 429 (extraction is CPU-bound).
    max_concurrent_extractions: int = 2
    # Per client address: at most this many extractions per minute; more get 429.
    extractions_per_minute: int = 60
    # At most this many articles in one POST /ingest.
    max_ingest_articles: int = 100
    # Fetched pages over this many bytes are refused.
    max_fetch_bytes: int = 5_000_000

    @property
    def writable(self) -> bool:
        return bool(self.token)


def token_from_env(token: str | None) -> str | None:
    """The token given on the command line, else the environment's; empty means none."""
    return token or os.environ.get(TOKEN_ENV) or None

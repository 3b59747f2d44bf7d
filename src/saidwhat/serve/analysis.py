"""Analysing one submitted article (``POST /extract`` and the paste box share this)."""

from __future__ import annotations

from saidwhat.engine import extract
from saidwhat.errors import InputError
from saidwhat.models import Article
from saidwhat.serve.errors import ApiError
from saidwhat.serve.fetch import fetch_article
from saidwhat.serve.limits import ExtractionLimiter
from saidwhat.serve.schemas import ExtractRequest
from saidwhat.serve.settings import ServeSettings


def analyse(body: ExtractRequest, *, settings: ServeSettings, limiter: ExtractionLimiter, client: str | None,
            article_id: str | None = None) -> Article:
    """Check limits, fetch if asked and allowed, and run the engine; refusals raise ApiError."""
    text, url, title, outlet = body.text, body.url, body.title, body.outlet
    if text is None:
        if not url:
            raise ApiError(422, "no_text", "send the article as \"text\" (or a \"url\" if the server allows fetching)")
        if not settings.allow_fetch:
            raise ApiError(403, "fetch_disabled",
                           "this server does not fetch URLs; send the article as \"text\" "
                           "(the operator can enable fetching with `saidwhat serve --allow-fetch`)")
    elif len(text) > settings.max_text_chars:
        raise ApiError(413, "text_too_long", _too_long(len(text), settings))
    with limiter.slot(client):
        if text is None:
            page = fetch_article(url, settings.max_fetch_bytes)
            text, title, outlet = page.text, title or page.title, outlet or page.outlet
            if len(text) > settings.max_text_chars:
                raise ApiError(413, "text_too_long", _too_long(len(text), settings))
        try:
            return extract(text, published=body.published, url=url, title=title, outlet=outlet,
                           article_id=article_id)
        except InputError as exc:
            raise ApiError(422, "bad_article", str(exc)) from exc


def _too_long(length: int, settings: ServeSettings) -> str:
    return (f"the text has {length:,} characters, over this server's limit of "
            f"{settings.max_text_chars:,}; split it into articles")

"""Fetching an article page for ``POST /extract {"url": ...}``, only when the operator allows it.

Even then the server refuses addresses inside the operator's network (loopback, private,
link-local), so a caller cannot use it to reach internal services.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from saidwhat.errors import InputError
from saidwhat.inputs import RawArticle, decode_bytes, html_to_article
from saidwhat.serve.errors import ApiError

FETCH_TIMEOUT_SECONDS = 10


def fetch_article(url: str, max_bytes: int) -> RawArticle:
    """Download ``url`` and extract its main text; ApiError (4xx/502) says what went wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError(422, "bad_url", "url must be an absolute http:// or https:// address")
    _refuse_internal_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    request = urllib.request.Request(url, headers={"User-Agent": "saidwhat (+https://github.com/saidwhat)"})
    opener = urllib.request.build_opener(_CheckedRedirects)
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(max_bytes + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise ApiError(502, "fetch_failed", f"could not fetch {url}: {exc}; send the article text instead") from exc
    if len(body) > max_bytes:
        raise ApiError(413, "page_too_large", f"the page at {url} is over {max_bytes:,} bytes")
    try:
        return html_to_article(decode_bytes(body, url), url=url)
    except InputError as exc:
        raise ApiError(422, "no_article", str(exc)) from exc


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is another fetch: it gets the same scheme and address checks."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001 (urllib's signature)
        parts = urlsplit(newurl)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ApiError(422, "bad_url", f"the page redirects to {newurl!r}, which is not http(s)")
        _refuse_internal_host(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _refuse_internal_host(host: str, port: int) -> None:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)}
    except socket.gaierror as exc:
        raise ApiError(422, "bad_url", f"cannot resolve host {host!r}") from exc
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not ip.is_global:
            raise ApiError(403, "internal_address", f"{host} resolves to a non-public address; refusing to fetch it")

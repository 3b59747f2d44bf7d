"""Reading one article from a file or stdin: ``.txt`` as is, ``.html`` through trafilatura."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from saidwhat.errors import InputError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass
class RawArticle:
    """An article as read, before analysis: its text and whatever metadata the input gave."""

    id: str | None
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


def decode_bytes(data: bytes, where: str) -> str:
    if b"\x00" in data[:65536]:
        raise InputError(f"{where} is binary (it contains NUL bytes), not an article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{where} is not valid UTF-8 (byte {exc.start}); convert it first, e.g. "
            f"`iconv -f latin1 -t utf-8 {where}`"
        ) from exc


def html_to_article(html: str, *, id: str | None = None, url: str | None = None) -> RawArticle:
    """Main text and metadata of a news page (boilerplate removed by trafilatura)."""
    import trafilatura  # imported here: it costs start-up time and only HTML input needs it

    if not html.strip():
        raise InputError("the HTML page is empty")
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, favor_precision=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError("no article text found in the HTML page (trafilatura extracted nothing)")
    return RawArticle(
        id=id,
        text=text,
        url=url or getattr(document, "url", None),
        title=getattr(document, "title", None),
        published=getattr(document, "date", None),
        outlet=getattr(document, "sitename", None),
    )


def read_article_file(path: str) -> RawArticle:
    """Read ``path`` (or ``-`` for stdin). A ``.txt`` file's content is kept unchanged."""
    if path == "-":
        return RawArticle(id="stdin", text=decode_bytes(sys.stdin.buffer.read(), "stdin"))
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    text = decode_bytes(file.read_bytes(), path)
    if file.suffix.lower() in HTML_SUFFIXES:
        return html_to_article(text, id=file.stem)
    return RawArticle(id=file.stem, text=text)

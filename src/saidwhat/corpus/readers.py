"""Stream work items out of corpus inputs: folders, .txt/.html files, JSONL and WARC/WARC.gz.

Readers never stop at a bad input: each one they cannot use becomes a ``ReadFailure`` with the
reason, and reading goes on. HTML is not parsed here (that costs as much as a worker's time, so
workers do it); readers only decode and size-check. Every item has a stable ``source`` locator
(``path``, ``path:line`` or ``path@offset``) so a re-run can skip what a store already holds.
"""

from __future__ import annotations

import gzip
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal, Union

import orjson

from saidwhat import errors
from saidwhat.engine import article_id_for
from saidwhat.errors import InputError
from saidwhat.inputs import HTML_SUFFIXES, decode_bytes

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
# The HTML of a page may be several times its text; past this a file or record cannot hold an
# article under the engine's limit, so it is refused unread.
INPUT_BYTES_PER_CHAR = 8


def max_input_bytes() -> int:
    return INPUT_BYTES_PER_CHAR * errors.MAX_ARTICLE_CHARS


@dataclass
class WorkItem:
    """One article to analyse: its text (kind "text") or HTML (kind "html") and given metadata."""

    source: str
    kind: Literal["text", "html"]
    content: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    size: int = 0  # input bytes this item stands for (progress)

    def known_id(self) -> str | None:
        """The article id if it is known before analysis (HTML text is only known after extraction)."""
        if self.id:
            return self.id
        return article_id_for(self.content, self.url) if self.kind == "text" else None


@dataclass
class ReadFailure:
    """An input that cannot become an article, and why."""

    source: str
    error_type: str
    reason: str
    size: int = 0


ReadResult = Union[WorkItem, ReadFailure]


def input_kind(path: Path) -> Literal["jsonl", "warc", "html", "text"]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    return "text"


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files named, and every non-hidden file under folders named, in a stable (sorted) order."""
    files: list[Path] = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{given}: no such file or folder; give .txt/.html files, folders, .jsonl or .warc(.gz) files")
    return files


def total_input_bytes(files: list[Path]) -> int:
    return sum(f.stat().st_size for f in files)


def read_inputs(files: list[Path]) -> Iterator[ReadResult]:
    for path in files:
        kind = input_kind(path)
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "warc":
            yield from read_warc(path)
        else:
            yield read_document(path, kind)


def read_document(path: Path, kind: Literal["html", "text"]) -> ReadResult:
    """One article file: text kept exactly as is; HTML handed to a worker for extraction."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_input_bytes():
            raise InputError(
                f"{path} is {size / 1e6:.1f} MB, too large to be one article "
                f"(limit {max_input_bytes() / 1e6:.0f} MB); split it into articles"
            )
        content = decode_bytes(path.read_bytes(), source)
    except InputError as exc:
        return ReadFailure(source, "InputError", str(exc), _size(path))
    except OSError as exc:
        return ReadFailure(source, type(exc).__name__, f"{path} cannot be read: {exc}", 0)
    return WorkItem(source=source, kind=kind, content=content, size=size)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _optional_str(record: dict, key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if key == "id" and isinstance(value, int):
        return str(value)
    raise InputError(f"{where}: field {key!r} must be a string, got {type(value).__name__}")


def parse_jsonl_record(line: bytes, where: str) -> WorkItem:
    """A JSONL line: an object with ``text`` or ``html`` and optional id, url, title, published, outlet."""
    if len(line) > max_input_bytes():
        raise InputError(f"{where}: the line is {len(line) / 1e6:.1f} MB, too large to be one article")
    try:
        record = orjson.loads(line.rstrip(b"\r\n"))  # Spark hands lines without their newline: same errors either way
    except orjson.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc}); each line must be one JSON object") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a \"text\" or \"html\" field")
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text:
        kind, content = "text", text
    elif isinstance(html, str) and html:
        kind, content = "html", html
    else:
        raise InputError(f"{where}: no \"text\" or \"html\" string field; add the article text as \"text\"")
    return WorkItem(
        source=where,
        kind=kind,
        content=content,
        id=_optional_str(record, "id", where),
        url=_optional_str(record, "url", where),
        title=_optional_str(record, "title", where),
        published=_optional_str(record, "published", where),
        outlet=_optional_str(record, "outlet", where),
        size=len(line),
    )


def read_jsonl(path: Path) -> Iterator[ReadResult]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    line_no = 0
    try:
        with opener(path, "rb") as handle:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}:{line_no}"
                try:
                    yield parse_jsonl_record(line, where)
                except InputError as exc:
                    yield ReadFailure(where, "InputError", str(exc), len(line))
    except (OSError, EOFError) as exc:
        yield ReadFailure(f"{path}:{line_no + 1}", type(exc).__name__, f"{path} cannot be read past line {line_no}: {exc}")


def read_warc(path: Path) -> Iterator[ReadResult]:
    """HTML responses of a WARC file, streamed with fastwarc. Non-HTML and non-2xx records are skipped."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType  # imported here: only WARC input needs it

    last_pos = 0
    try:
        with open(path, "rb") as handle:
            records = ArchiveIterator(
                handle, record_types=WarcRecordType.response | WarcRecordType.resource, parse_http=False
            )
            for record in records:
                last_pos = record.stream_pos
                item = _warc_item(path, record)
                if item is not None:
                    yield item
    except OSError as exc:
        yield ReadFailure(
            f"{path}@{last_pos}+",
            "WarcError",
            f"{path} is corrupt after offset {last_pos} ({exc}); the records before it were read, the rest of the file was not",
        )


def _warc_item(path: Path, record) -> ReadResult | None:
    source = f"{path}@{record.stream_pos}"
    url = record.headers.get("WARC-Target-URI")
    size = record.content_length
    if size > max_input_bytes():
        return ReadFailure(source, "InputError", f"WARC record for {url} is {size / 1e6:.1f} MB, too large to be one article", size)
    if record.headers.get("WARC-Block-Digest") and not record.verify_block_digest(consume=False):
        return ReadFailure(source, "WarcError", f"WARC record for {url} fails its digest check (WARC-Block-Digest): the record is corrupt", size)
    charset = None
    if str(record.record_type) == "response":
        record.parse_http()
        status = record.http_headers.status_code if record.http_headers else None
        if status is None or not 200 <= status < 300:
            return None
        content_type = (record.http_content_type or "").lower()
        charset = record.http_charset
    else:
        content_type = (record.headers.get("Content-Type") or "").lower()
    if "html" not in content_type:
        return None  # images, scripts, robots.txt: not articles, not failures
    body = record.reader.read()
    try:
        html = body.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        # Web pages often declare the wrong charset; trafilatura copes with the odd replaced byte.
        html = body.decode("utf-8", errors="replace")
    return WorkItem(source=source, kind="html", content=html, url=url, size=size)

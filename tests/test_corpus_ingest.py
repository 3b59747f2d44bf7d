"""Corpus readers and ingest: folders, JSONL, WARC; bad inputs become recorded failures; re-runs resume."""

from __future__ import annotations

import gzip
import os
from io import BytesIO
from pathlib import Path

import orjson
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from saidwhat.corpus import ingest
from saidwhat.corpus.analyse import analyse_items
from saidwhat.corpus.pool import analyse_stream, chunked
from saidwhat.corpus.readers import ReadFailure, WorkItem, expand_inputs, read_inputs, read_jsonl, read_warc
from saidwhat.engine import article_id_for
from saidwhat.errors import InputError
from saidwhat.store import Store
from tests.conftest import assert_spans_valid
from tests.test_corpus_articles import CORPUS, FEATURE_CHESS, MARKETS, SAYS_CLINIC, UK_FLOODS, WIRE_PORT


def html_page(title: str, text: str, outlet: str = "Harbour Gazette", published: str = "2025-03-04") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n"))
    return (
        f"<!doctype html><html><head><title>{title} | {outlet}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{published}T08:00:00Z">'
        f"</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<footer>© {outlet} 2025. All rights reserved.</footer></body></html>"
    )


def warc_record_bytes(url: str, body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK") -> bytes:
    """One gzipped WARC response record, written by warcio (with block and payload digests)."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))
    return buffer.getvalue()


def corrupt_record_bytes(url: str, body: bytes) -> bytes:
    """A WARC record whose content no longer matches its digest (a byte flipped after writing)."""
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http))
    raw = bytearray(buffer.getvalue())
    position = raw.index(b"<article>")
    raw[position + 1 : position + 8] = b"ARTICLE"
    return gzip.compress(bytes(raw))


def write_jsonl(path: Path, records: list[dict | str]) -> None:
    lines = [r if isinstance(r, str) else orjson.dumps(r).decode() for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- readers -----------------------------------------------------------------------------------


def test_jsonl_reader_maps_fields_and_records_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(
        path,
        [
            {"id": "a1", "text": WIRE_PORT, "url": "https://wire.example/a1", "title": "Strike", "published": "2025-03-03", "outlet": "Wire"},
            {"html": html_page("Floods", UK_FLOODS)},
            "{not json",
            "[1, 2]",
            {"title": "no body"},
            {"text": "fine", "published": 20250101},
            "",
            {"id": 7, "text": SAYS_CLINIC},
        ],
    )
    results = list(read_jsonl(path))
    first, second = results[0], results[1]
    assert isinstance(first, WorkItem) and (first.id, first.kind, first.url, first.title, first.published, first.outlet) == (
        "a1", "text", "https://wire.example/a1", "Strike", "2025-03-03", "Wire",
    )
    assert first.content == WIRE_PORT and first.source == f"{path}:1"
    assert isinstance(second, WorkItem) and second.kind == "html" and second.known_id() is None
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [f.source for f in failures] == [f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert "not valid JSON" in failures[0].reason and "JSON object" in failures[1].reason
    assert '"text"' in failures[2].reason and "'published' must be a string" in failures[3].reason
    assert results[-1].id == "7" and results[-1].source == f"{path}:8"  # the blank line 7 is no article


def test_gzipped_jsonl_is_read(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(orjson.dumps({"text": MARKETS}) + b"\n"))
    (item,) = list(read_jsonl(path))
    assert item.content == MARKETS and item.known_id() == article_id_for(MARKETS, None)


def test_warc_reader_keeps_html_responses_and_reports_corrupt_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        warc_record_bytes("https://gazette.example/strike", html_page("Strike", WIRE_PORT).encode())
        + warc_record_bytes("https://gazette.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        + warc_record_bytes("https://gazette.example/missing", b"<html>gone</html>", status="404 Not Found")
        + corrupt_record_bytes("https://gazette.example/broken", html_page("Broken", MARKETS).encode())
        + warc_record_bytes("https://gazette.example/chess", html_page("Chess", FEATURE_CHESS).encode("utf-8"))
    )
    results = list(read_warc(path))
    items = [r for r in results if isinstance(r, WorkItem)]
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert [i.url for i in items] == ["https://gazette.example/strike", "https://gazette.example/chess"]
    assert all(i.kind == "html" and "<article>" in i.content for i in items)
    assert len(failures) == 1 and "digest" in failures[0].reason and "broken" in failures[0].reason
    assert len({r.source for r in results}) == 3 and all("@" in r.source for r in results)


def test_a_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    good = warc_record_bytes("https://gazette.example/strike", html_page("Strike", WIRE_PORT).encode())
    damaged = warc_record_bytes("https://gazette.example/chess", html_page("Chess", FEATURE_CHESS).encode())
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(good + damaged[: len(damaged) // 2])
    results = list(read_warc(path))
    assert isinstance(results[0], WorkItem) and results[0].url == "https://gazette.example/strike"
    assert isinstance(results[-1], ReadFailure) and "corrupt" in results[-1].reason


def test_expand_inputs_is_sorted_skips_hidden_files_and_refuses_missing_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("no", encoding="utf-8")
    assert expand_inputs([str(tmp_path)]) == [tmp_path / "1.txt", tmp_path / "b" / "2.txt"]
    with pytest.raises(InputError, match="no such file or folder"):
        expand_inputs([str(tmp_path / "absent")])


# -- ingest ------------------------------------------------------------------------------------


def build_messy_folder(root: Path) -> dict[str, str]:
    """Good articles of every input kind beside one of each kind of bad input; returns bad name -> expected reason."""
    root.mkdir()
    (root / "wire-port.txt").write_text(WIRE_PORT, encoding="utf-8")
    (root / "floods.html").write_text(html_page("Village told to prepare for more flooding", UK_FLOODS), encoding="utf-8")
    write_jsonl(
        root / "feed.jsonl",
        [{"id": cid, "outlet": outlet, "published": published, "text": text} for cid, outlet, published, text in CORPUS[2:7]],
    )
    (root / "crawl.warc.gz").write_bytes(
        warc_record_bytes("https://gazette.example/markets", html_page("Nordic Timber shares fall", MARKETS).encode())
        + corrupt_record_bytes("https://gazette.example/broken", html_page("Broken", MARKETS).encode())
    )
    (root / "empty.html").write_text("", encoding="utf-8")
    with open(root / "huge.txt", "wb") as handle:  # 50 MB of real-looking text
        sentence = ("The committee said the report would be published next month. " * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            handle.write(sentence)
    (root / "latin1.txt").write_bytes("Le ministre a déclaré que la réforme était « nécessaire ».".encode("latin-1"))
    (root / "blob.bin").write_bytes(bytes(range(256)) * 64)
    return {
        "empty.html": "HTML page is empty",
        "huge.txt": "too large",
        "latin1.txt": "not valid UTF-8",
        "blob.bin": "binary",
        "crawl.warc.gz@": "digest",
    }


def test_bad_inputs_are_recorded_and_every_good_article_is_stored(tmp_path):
    folder = tmp_path / "inbox"
    expected_failures = build_messy_folder(folder)
    db = tmp_path / "store.duckdb"
    report = ingest([str(folder)], db, workers=1, progress=False)
    assert (report.stored, report.failed, report.skipped, report.interrupted) == (8, 5, 0, False)
    with Store(db, read_only=True) as store:
        failures = {Path(f["source"]).name: f for f in store.failures()}
        assert len(failures) == 5
        for name, expected in expected_failures.items():
            (match,) = [f for source, f in failures.items() if source.startswith(name)]
            assert expected in match["reason"], (name, match["reason"])
            assert match["error_type"] in {"InputError", "WarcError"}
        ids = store.article_ids()
        assert {"says-clinic", "feature-chess", "hamdan-1", "hamdan-2", "hamdan-3"} <= ids
        assert article_id_for(WIRE_PORT, None) in ids
        floods = [store.load_article(i) for i in ids if store.load_article(i).title]
        titles = {a.title for a in floods}
        assert "Village told to prepare for more flooding" in titles and "Nordic Timber shares fall" in titles
        markets = next(a for a in floods if a.title == "Nordic Timber shares fall")
        assert markets.url == "https://gazette.example/markets" and markets.published == "2025-03-04"
        for article_id in ids:
            article = store.load_article(article_id)
            assert_spans_valid(article)
            assert store.count_statements(article_id=article_id) == len(article.statements)
        assert store.stats()["statements"] > 8
    again = ingest([str(folder)], db, workers=0, progress=False)
    assert (again.stored, again.failed, again.skipped) == (0, 0, 13)


def test_retry_failed_tries_recorded_failures_again(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Caf\xe9 owners said prices would rise.".encode("latin-1"))
    db = tmp_path / "s.duckdb"
    assert ingest([str(folder)], db, workers=0, progress=False).failed == 1
    (folder / "a.txt").write_text("Café owners said prices would rise.", encoding="utf-8")
    assert ingest([str(folder)], db, workers=0, progress=False).skipped == 1
    fixed = ingest([str(folder)], db, workers=0, progress=False, retry_failed=True)
    assert (fixed.stored, fixed.failed) == (1, 0)
    with Store(db, read_only=True) as store:
        assert store.stats()["failures"] == 0 and store.stats()["articles"] == 1


def test_the_same_text_in_two_files_is_one_article(tmp_path):
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.txt").write_text(MARKETS, encoding="utf-8")
    (folder / "b.txt").write_text(MARKETS, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    report = ingest([str(folder)], db, workers=0, progress=False)
    assert report.stored + report.skipped == 2
    with Store(db, read_only=True) as store:
        assert store.article_ids() == {article_id_for(MARKETS, None)}


def test_cross_article_speaker_merging_through_ingest(tmp_path):
    path = tmp_path / "gulf.jsonl"
    write_jsonl(path, [{"id": cid, "outlet": outlet, "published": published, "text": text} for cid, outlet, published, text in CORPUS if cid.startswith("hamdan")])
    db = tmp_path / "s.duckdb"
    ingest([str(path)], db, workers=0, progress=False)
    with Store(db, read_only=True) as store:
        by_article = {r["article_id"] for r in store.query_statements(speaker="Hamadan")}
        assert by_article == {"hamdan-1", "hamdan-2", "hamdan-3"}
        assert store.entity(name="Hamdan")["name"] == "Osama Hamdan"


def die_on_poison(items: list[WorkItem], *, flatten: bool, mode: str):
    """A worker task that kills its process on one article, like a segfault or the OOM killer would."""
    if any("POISON" in item.content for item in items):
        os._exit(1)
    return analyse_items(items, flatten=flatten, mode=mode)


def test_a_worker_death_costs_only_the_article_that_caused_it():
    items = [WorkItem(source=f"item{i}", kind="text", content=text) for i, (_, _, _, text) in enumerate(CORPUS[:5])]
    items.insert(2, WorkItem(source="poison", kind="text", content="POISON said the tester."))
    outcomes = [o for chunk in analyse_stream(chunked(items, 3), workers=1, task=die_on_poison) for o in chunk]
    by_source = {o.source: o for o in outcomes}
    assert sorted(by_source) == sorted(i.source for i in items)
    assert by_source["poison"].error_type == "WorkerDied" and "died" in by_source["poison"].reason
    assert all(o.ok for s, o in by_source.items() if s != "poison")


def test_per_article_metadata_errors_are_failures_not_crashes(tmp_path):
    path = tmp_path / "meta.jsonl"
    write_jsonl(
        path,
        [
            {"id": "bad-date", "text": MARKETS, "published": "last Tuesday"},
            {"id": "blank", "text": "   \n  "},
            {"id": "ok", "text": UK_FLOODS, "published": "2025-02-16T09:30:00Z"},
        ],
    )
    db = tmp_path / "s.duckdb"
    report = ingest([str(path)], db, workers=0, progress=False)
    assert (report.stored, report.failed) == (1, 2)
    with Store(db, read_only=True) as store:
        reasons = {f["article_id"]: f["reason"] for f in store.failures()}
        assert "YYYY-MM-DD" in reasons["bad-date"] and "empty" in reasons["blank"]
        assert store.load_article("ok").published == "2025-02-16"

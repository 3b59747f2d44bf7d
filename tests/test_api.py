"""The HTTP API and the pages, in process (FastAPI TestClient) over a real DuckDB store."""

from __future__ import annotations

import functools
import html
import http.server
import json
import re
import subprocess
import sys
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from saidwhat import extract
from saidwhat.models import Article, Statement
from saidwhat.serve import ServeSettings, create_app, fetch, pages
from saidwhat.serve.database import StoreUnavailable
from saidwhat.serve.highlight import Mark, highlight, segments
from saidwhat.serve.views import graph_layout
from saidwhat.store import Store
from tests.conftest import assert_spans_valid
from tests.serve_support import (
    SAIDWHAT,
    SEED_RECORD,
    TEST_ARTICLES,
    XSS_ARTICLE,
    XSS_IMG,
    XSS_SCRIPT,
    running_server,
)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TOKEN = "test-token-123"


def analysed(record: dict) -> Article:
    return extract(record["text"], published=record["published"], url=record.get("url"), title=record["title"],
                   outlet=record["outlet"], article_id=record["id"])


@pytest.fixture(scope="session")
def stored_articles() -> list[Article]:
    return [analysed(record) for record in [SEED_RECORD, *TEST_ARTICLES]]


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, stored_articles) -> Path:
    path = tmp_path_factory.mktemp("serve") / "store.duckdb"
    with Store(path) as store:
        store.upsert_articles(stored_articles)
    return path


@pytest.fixture(scope="session")
def client(store_path) -> TestClient:
    with TestClient(create_app(ServeSettings(db=store_path))) as test_client:
        yield test_client


@pytest.fixture
def stateless() -> TestClient:
    return TestClient(create_app(ServeSettings(max_body_bytes=20_000, max_text_chars=5_000)))


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"], body
    return body["error"]


# -- highlighting ---------------------------------------------------------------------------------


def _visible_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_segments_cut_overlapping_and_nested_spans_at_every_boundary():
    marks = [Mark(0, 10, "s1", "content"), Mark(5, 15, "s2", "content"), Mark(6, 8, "s2", "cue")]
    cut = [(s.start, s.end, s.statement_ids, s.roles) for s in segments(20, marks)]
    assert cut == [
        (0, 5, ("s1",), ("content",)),
        (5, 6, ("s1", "s2"), ("content",)),
        (6, 8, ("s1", "s2"), ("cue", "content")),
        (8, 10, ("s1", "s2"), ("content",)),
        (10, 15, ("s2",), ("content",)),
        (15, 20, (), ()),
    ]


def _article_text_of(page: str) -> str:
    """The visible text of a page's highlighted article body."""
    body = re.search(r'<div id="article-text" class="article-text">(.*?)</div>', page, re.S)
    assert body, "the page shows the article text"
    return _visible_text(body.group(1))


def test_highlight_marks_discontinuous_content_and_escapes_every_piece():
    text = 'A <b>"quote," she said, "goes on" & ends.'
    first, second = text.index("<b>"), text.index("goes on")
    cue = text.index("said")
    statement = Statement(
        id="s1", kind="direct", speech_act="STATEMENT", confidence=0.9,
        content={"text": "x", "spans": [(first, text.index(",") + 1), (second, second + 7)]},
        cue={"text": "said", "spans": [(cue, cue + 4)]},
        source={"text": "she", "spans": [(cue - 4, cue - 1)]},
    )
    markup = str(highlight(Article(id="a", text=text, statements=[statement])))
    assert "<b>" not in markup and "&lt;b&gt;" in markup
    assert _visible_text(markup) == text, "markup must keep every character, in order"
    content_runs = re.findall(r'<span class="hl role-content" data-statements="s1"[^>]*>([^<]*)</span>', markup)
    assert [html.unescape(run) for run in content_runs] == [text[first:text.index(",") + 1], "goes on"]
    assert re.search(r'class="hl role-cue"[^>]*>said<', markup)
    assert re.search(r'class="hl role-source"[^>]*>she<', markup)


def test_highlight_of_engine_output_keeps_the_text(stored_articles):
    for article in stored_articles:
        assert _visible_text(str(highlight(article))) == article.text


# -- POST /extract --------------------------------------------------------------------------------


def test_extract_returns_the_contract_with_valid_spans(stateless):
    record = TEST_ARTICLES[1]
    response = stateless.post("/extract", json={key: record[key] for key in ("text", "published", "title", "outlet")})
    assert response.status_code == 200, response.text
    article = Article.model_validate(response.json())
    assert article.text == record["text"] and article.published == record["published"]
    assert article.statements, "the UK-style article has quotes"
    assert_spans_valid(article)


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({"text": "   "}, 422, "bad_article"),
        ({}, 422, "no_text"),
        ({"url": "https://example.com/story"}, 403, "fetch_disabled"),
        ({"text": "x" * 5_001}, 413, "text_too_long"),
    ],
)
def test_extract_refuses_bad_input_with_a_json_error(stateless, payload, status, code):
    response = stateless.post("/extract", json=payload)
    assert response.status_code == status, response.text
    assert error_of(response)["code"] == code


def test_extract_rejects_unknown_fields_and_bad_dates(stateless):
    assert stateless.post("/extract", json={"text": "He said so.", "author": "me"}).status_code == 422
    assert stateless.post("/extract", json={"text": "He said so.", "published": "yesterday"}).status_code == 422
    assert stateless.post("/extract", content=b"{not json", headers={"content-type": "application/json"}).status_code == 422


def test_oversized_body_is_refused_before_parsing(stateless):
    response = stateless.post("/extract", content=b'{"text": "' + b"a" * 30_000 + b'"}',
                              headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert error_of(response)["code"] == "body_too_large"


def test_oversized_chunked_body_is_refused(stateless):
    def chunks():
        yield b'{"text": "'
        for _ in range(10):
            yield b"a" * 5_000
        yield b'"}'

    response = stateless.post("/extract", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_extraction_rate_limit_answers_429_with_retry_after():
    limited = TestClient(create_app(ServeSettings(extractions_per_minute=2)))
    statuses = [limited.post("/extract", json={"text": "\"It works,\" she said."}).status_code for _ in range(3)]
    assert statuses[:2] == [200, 200]
    third = limited.post("/extract", json={"text": "\"It works,\" she said."})
    assert third.status_code == 429 and int(third.headers["retry-after"]) >= 1
    assert error_of(third)["code"] == "rate_limited"


def test_concurrent_extractions_over_the_limit_get_429():
    app = create_app(ServeSettings(max_concurrent_extractions=1))
    busy = TestClient(app)
    held, release = threading.Event(), threading.Event()

    def hold_the_only_slot():
        with app.state.limiter.slot("someone-else"):
            held.set()
            release.wait(30)

    worker = threading.Thread(target=hold_the_only_slot)
    worker.start()
    try:
        assert held.wait(10)
        response = busy.post("/extract", json={"text": "\"Busy,\" he said."})
        assert response.status_code == 429 and error_of(response)["code"] == "busy"
    finally:
        release.set()
        worker.join()
    assert busy.post("/extract", json={"text": "\"Free,\" he said."}).status_code == 200


def test_fetch_refuses_internal_addresses_even_when_allowed():
    fetching = TestClient(create_app(ServeSettings(allow_fetch=True)))
    for url in ("http://127.0.0.1:9/secret", "http://localhost/", "http://10.0.0.1/", "file:///etc/passwd"):
        response = fetching.post("/extract", json={"url": url})
        assert response.status_code in (403, 422), (url, response.text)
        assert error_of(response)["code"] in ("internal_address", "bad_url")


def test_without_a_database_read_endpoints_say_how_to_start_one(stateless):
    response = stateless.get("/articles")
    assert response.status_code == 503 and "--db" in error_of(response)["message"]
    assert stateless.get("/ui/", follow_redirects=False).headers["location"] == "/ui/analyse"


# -- read endpoints -------------------------------------------------------------------------------


def test_articles_are_paginated_with_a_total(client, stored_articles):
    everything = client.get("/articles", params={"limit": 500}).json()
    assert everything["total"] == len(stored_articles)
    assert {item["id"] for item in everything["items"]} == {a.id for a in stored_articles}
    pages = [client.get("/articles", params={"limit": 2, "offset": offset}).json() for offset in (0, 2, 4)]
    assert [item["id"] for page in pages for item in page["items"]] == [item["id"] for item in everything["items"]]
    assert all(page["total"] == len(stored_articles) for page in pages)
    assert client.get("/articles", params={"limit": 0}).status_code == 422


def test_article_round_trips_the_contract(client, stored_articles):
    for article in stored_articles:
        response = client.get(f"/articles/{article.id}")
        assert response.status_code == 200
        served = Article.model_validate(response.json())
        assert served == article
        assert_spans_valid(served)
    missing = client.get("/articles/no-such-article")
    assert missing.status_code == 404 and error_of(missing)["code"] == "not_found"


def _all_statements(client, **params) -> dict:
    return client.get("/statements", params={"limit": 500, **params}).json()


def test_statement_filters_keep_only_matching_statements(client, stored_articles):
    every = _all_statements(client)
    assert every["total"] == sum(len(a.statements) for a in stored_articles) == len(every["items"])
    acts = {item["speech_act"] for item in every["items"]}
    for act in acts:
        chosen = _all_statements(client, speech_act=act)
        assert chosen["total"] == sum(1 for item in every["items"] if item["speech_act"] == act)
        assert all(item["speech_act"] == act for item in chosen["items"])
    by_outlet = _all_statements(client, outlet="harbour wire")
    assert by_outlet["total"] == len(next(a for a in stored_articles if a.id == "port-strike").statements)
    assert {item["article_id"] for item in by_outlet["items"]} == {"port-strike"}
    february = _all_statements(client, since="2025-02-01", until="2025-02-28")
    assert {item["article_id"] for item in february["items"]} == {"flood-defences"}
    word = "strike"
    searched = _all_statements(client, q=word.upper())
    assert searched["total"] == sum(1 for item in every["items"] if word in item["content_text"].lower())
    assert client.get("/statements", params={"speech_act": "GOSSIP"}).status_code == 422


def test_statement_pages_add_up_to_the_total(client):
    total = _all_statements(client)["total"]
    seen = []
    for offset in range(0, total, 3):
        page = client.get("/statements", params={"limit": 3, "offset": offset}).json()
        assert page["total"] == total
        seen += [(item["article_id"], item["statement_id"]) for item in page["items"]]
    assert len(seen) == len(set(seen)) == total


def _speakers(client) -> list[str]:
    return sorted({item["speaker_id"] for item in _all_statements(client)["items"] if item["speaker_id"]})


def test_speaker_filter_matches_every_alias_of_the_entity(client):
    speakers = _speakers(client)
    assert speakers, "the stored articles have resolved speakers"
    for speaker_id in speakers:
        entity = client.get(f"/entities/{speaker_id}").json()
        own = {(s["article_id"], s["statement_id"]) for s in entity["statements"]}
        for name in [entity["name"], *entity["aliases"]]:
            found = {(s["article_id"], s["statement_id"]) for s in _all_statements(client, speaker=name)["items"]}
            assert own <= found, f"speaker={name!r} misses statements of {entity['name']}"


def test_entity_page_lists_only_its_own_statements_in_time_order(client):
    for speaker_id in _speakers(client):
        entity = client.get(f"/entities/{speaker_id}").json()
        assert entity["statements"], entity["name"]
        assert all(s["speaker_id"] == entity["id"] for s in entity["statements"])
        dates = [s["published"] for s in entity["statements"]]
        assert dates == sorted(dates)
    assert client.get("/entities/E-nobody").status_code == 404


def test_graph_edges_agree_with_entity_pages(client):
    graph = client.get("/graph").json()
    node_ids = {node["id"] for node in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= node_ids and edge["count"] >= 1
        speaker = client.get(f"/entities/{edge['source']}").json()
        assert any(n["id"] == edge["target"] and n["count"] == edge["count"] for n in speaker["talks_about"])
        target = client.get(f"/entities/{edge['target']}").json()
        assert any(n["id"] == edge["source"] and n["count"] == edge["count"] for n in target["talked_about_by"])
    strongest = client.get("/graph", params={"min_count": 2}).json()
    assert all(edge["count"] >= 2 for edge in strongest["edges"])


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/extract", "/articles", "/articles/{article_id}", "/statements", "/entities/{entity_id}",
                 "/graph", "/ingest", "/entities/{entity_id}/merge", "/entities/{entity_id}/unmerge"):
        assert path in paths, path
    assert not any(path.startswith("/ui") for path in paths)


# -- write endpoints ------------------------------------------------------------------------------


def test_write_endpoints_are_disabled_without_a_configured_token(client):
    response = client.post("/ingest", json={"articles": [{"text": "\"Hi,\" she said."}]},
                           headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "--token" in error_of(response)["message"]
    assert client.post("/entities/E1/unmerge").status_code == 403


def test_ingest_and_merge_with_the_operator_token(tmp_path, stored_articles):
    path = tmp_path / "writable.duckdb"
    with Store(path) as store:
        store.upsert_article(stored_articles[1])
    with TestClient(create_app(ServeSettings(db=path, token=TOKEN))) as writer:
        record = TEST_ARTICLES[2]
        body = {"articles": [{k: record[k] for k in ("id", "text", "published", "title", "outlet")}, {"text": " "}]}
        assert writer.post("/ingest", json=body).status_code == 401
        assert writer.post("/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
        auth = {"Authorization": f"Bearer {TOKEN}"}
        result = writer.post("/ingest", json=body, headers=auth).json()
        assert result["ingested"] == [record["id"]]
        assert [failure["index"] for failure in result["failed"]] == [1]
        stored = Article.model_validate(writer.get(f"/articles/{record['id']}").json())
        assert stored.text == record["text"]

        speakers = _speakers(writer)
        assert len(speakers) >= 2
        first, second = speakers[:2]
        merged = writer.post(f"/entities/{first}/merge", json={"into": second}, headers=auth)
        assert merged.status_code == 200, merged.text
        assert merged.json() == {"entity_id": first, "into_id": second}
        after = writer.get(f"/entities/{first}").json()
        assert after["id"] == writer.get(f"/entities/{second}").json()["id"]
        assert first in after["merged_ids"] or second in after["merged_ids"]
        undone = writer.post(f"/entities/{first}/unmerge", headers=auth)
        assert undone.status_code == 200 and undone.json()["entity_id"] == first
        assert undone.json()["method"] == "manual"
        assert writer.get(f"/entities/{first}").json()["id"] == first
        again = writer.post(f"/entities/{first}/unmerge", headers=auth)
        assert again.status_code == 422 and "nothing to undo" in error_of(again)["message"]
        assert writer.post("/entities/E-nobody/merge", json={"into": second}, headers=auth).status_code == 404


# -- pages ----------------------------------------------------------------------------------------


def test_pages_render_and_escape_article_text(client):
    page = client.get("/ui/articles/xss-probe")
    assert page.status_code == 200
    body = page.text
    assert XSS_SCRIPT not in body and "<img src=x" not in body
    assert _article_text_of(body) == XSS_ARTICLE["text"]
    assert str(escape(XSS_SCRIPT)) in body
    assert "javascript:" not in body, "a javascript: URL must never become a link"
    assert "&lt;b&gt;hack&lt;/b&gt;" in body
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for url in ("/ui/", "/ui/search?q=council", "/ui/graph", "/ui/analyse", "/ui/search?since=not-a-date"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert XSS_SCRIPT not in response.text
    assert "not a date" in client.get("/ui/search?since=not-a-date").text
    assert client.get("/ui/articles/nope").status_code == 404
    unknown_page = client.get("/ui/no-such-page")
    assert unknown_page.status_code == 404 and unknown_page.headers["content-type"].startswith("text/html")
    unknown_route = client.get("/no-such-endpoint")
    assert unknown_route.status_code == 404 and error_of(unknown_route)["code"] == "not_found"
    assert client.get("/ui/entities/nope").status_code == 404


def test_article_page_cards_link_speakers_to_their_pages(client):
    body = client.get("/ui/articles/port-strike").text
    links = set(re.findall(r'href="/ui/entities/([^"]+)"', body))
    assert links, "resolved speakers link to their pages"
    for entity_id in links:
        assert client.get(f"/ui/entities/{entity_id}").status_code == 200


def test_paste_box_analyses_text_without_storing_it(client):
    text = TEST_ARTICLES[1]["text"]
    response = client.post("/ui/analyse", data={"text": text, "published": "2025-02-11"})
    assert response.status_code == 200
    assert "role-content" in response.text
    assert _article_text_of(response.text) == text, "the pasted text is shown whole, character for character"
    empty = client.post("/ui/analyse", data={"text": "  ", "published": ""})
    assert empty.status_code == 422 and "Paste the text" in empty.text
    injected = client.post("/ui/analyse", data={"text": XSS_ARTICLE["text"], "published": ""})
    assert XSS_SCRIPT not in injected.text and XSS_IMG not in injected.text


# -- opening the store ----------------------------------------------------------------------------


def test_serving_a_missing_or_foreign_database_says_what_to_do(tmp_path):
    with pytest.raises(StoreUnavailable, match="saidwhat ingest"):
        create_app(ServeSettings(db=tmp_path / "missing.duckdb"))

    foreign = tmp_path / "foreign.duckdb"
    duckdb.connect(str(foreign)).execute("CREATE TABLE t (x INTEGER)").close()
    with pytest.raises(StoreUnavailable, match="not a saidwhat store"):
        create_app(ServeSettings(db=foreign))


def test_serve_command_reports_a_writer_holding_the_lock(store_path, tmp_path):
    locked = tmp_path / "locked.duckdb"
    locked.write_bytes(store_path.read_bytes())
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(locked)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = subprocess.run([SAIDWHAT, "serve", "--db", str(locked), "--port", "9"],
                                capture_output=True, text=True, timeout=60)
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2
    assert "lock" in result.stderr.lower() and "Traceback" not in result.stderr


# -- fetching (only when the operator allows it) ----------------------------------------------------


def test_allowed_fetch_extracts_the_page_text(monkeypatch, tmp_path):

    record = TEST_ARTICLES[0]
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in record["text"].splitlines() if line)
    (tmp_path / "story.html").write_text(
        f"<html><head><title>{record['title']}</title></head><body><article><h1>{record['title']}</h1>"
        f"{paragraphs}</article></body></html>", encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # The page is on loopback, which the fetcher refuses by design; this test is about the fetch itself.
    monkeypatch.setattr(fetch, "_refuse_internal_host", lambda host, port: None)
    try:
        fetching = TestClient(create_app(ServeSettings(allow_fetch=True)))
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        response = fetching.post("/extract", json={"url": url, "published": record["published"]})
        assert response.status_code == 200, response.text
        article = Article.model_validate(response.json())
        assert "Marieke Janssen" in article.text and article.url == url and article.statements
        assert_spans_valid(article)
        missing = fetching.post("/extract", json={"url": url.replace("story", "gone")})
        assert missing.status_code == 502 and "send the article text" in error_of(missing)["message"]
    finally:
        server.shutdown()


# -- a real server under concurrent readers --------------------------------------------------------


def test_real_server_answers_concurrent_readers(store_path, tmp_path):

    copy = tmp_path / "concurrent.duckdb"
    copy.write_bytes(store_path.read_bytes())
    with running_server(copy) as base:
        speakers = [item["speaker_id"] for item in json.load(urllib.request.urlopen(f"{base}/statements?limit=500"))["items"]
                    if item["speaker_id"]]
        urls = [f"{base}/articles", f"{base}/statements?speaker=Blinken", f"{base}/graph",
                f"{base}/ui/articles/hamas-blinken", f"{base}/ui/search?q=the", *(f"{base}/entities/{s}" for s in speakers)]

        def status(url: str) -> int:
            with urllib.request.urlopen(url, timeout=30) as response:
                response.read()
                return response.status

        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(status, urls * 6))
    assert statuses == [200] * len(statuses)


def test_graph_layout_keeps_nodes_inside_and_curves_opposite_edges_apart():
    nodes = [{"id": f"E{i}", "name": f"Speaker {i}", "type": "PERSON"} for i in range(12)]
    edges = [{"source": "E0", "target": "E1", "count": 3}, {"source": "E1", "target": "E0", "count": 1},
             *({"source": "E0", "target": f"E{i}", "count": 1} for i in range(2, 12))]
    layout = graph_layout({"nodes": nodes, "edges": edges})
    assert len(layout.nodes) == 12 and len(layout.edges) == len(edges)
    for node in layout.nodes:
        assert node["r"] < node["x"] < layout.width - node["r"] and node["r"] < node["y"] < layout.height - node["r"]

    def control_point(path: str) -> tuple[float, ...]:
        return tuple(float(v) for v in path.split(" Q ")[1].split()[:2])

    there, back = layout.edges[0]["path"], layout.edges[1]["path"]
    assert control_point(there) != control_point(back), "A→B and B→A must not be drawn on top of each other"
    assert max(edge["width"] for edge in layout.edges) == layout.edges[0]["width"], "the heaviest edge is thickest"


def _linked_titles(page: str) -> list[str]:
    return re.findall(r'<a href="/ui/articles/[^"]+">([^<]+)</a>', page)


def test_page_links_walk_through_articles_and_keep_search_filters(client, monkeypatch, stored_articles):
    monkeypatch.setattr(pages, "PAGE_SIZE", 2)
    first = client.get("/ui/").text
    assert f"1–2 of {len(stored_articles)}" in first and 'href="?offset=2"' in first and 'rel="prev"' not in first
    second = client.get("/ui/?offset=2").text
    assert 'href="?offset=0"' in second and 'href="?offset=4"' in second
    assert not set(_linked_titles(first)) & set(_linked_titles(second))
    results = client.get("/ui/search?q=the&speech_act=STATEMENT").text
    next_link = re.search(r'rel="next" href="\?([^"]+)"', results)
    assert next_link and "q=the" in next_link.group(1) and "speech_act=STATEMENT" in next_link.group(1)
    assert "offset=2" in next_link.group(1)


def test_paste_box_explains_refusals_on_the_page():
    small = TestClient(create_app(ServeSettings(max_text_chars=100)))
    too_long = small.post("/ui/analyse", data={"text": "\"Fine,\" she said. " * 20, "published": ""})
    assert too_long.status_code == 413 and "limit of 100; split it" in too_long.text
    assert 'id="paste-text"' in too_long.text, "the form comes back with the text to shorten"
    bad_date = small.post("/ui/analyse", data={"text": "\"Fine,\" she said.", "published": "01/02/2025"})
    assert bad_date.status_code == 422 and "YYYY-MM-DD" in bad_date.text

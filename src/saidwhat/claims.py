"""Numeric claims and who asserts them (placeholder)."""

from __future__ import annotations

from spacy.tokens import Doc

from saidwhat.models import Claim, Statement


def find_claims(doc: Doc, statements: list[Statement]) -> list[Claim]:
    return []

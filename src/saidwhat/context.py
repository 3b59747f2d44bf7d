"""Context of a statement: speech act, target, time, place, venue, outlet chain (placeholder)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from saidwhat.records import FoundAttribution, StatementContext


def find_context(doc: Doc, attribution: FoundAttribution, published: dt.date | None) -> StatementContext:
    return StatementContext()

"""Character spans and the tokens of the one parse: shared by the stages that read spans off the Doc."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from saidwhat.records import Span


def covered_tokens(doc: Doc, spans: Iterable[Span]) -> set[int]:
    """Indices of tokens overlapping any of the character spans."""
    covered: set[int] = set()
    for start, end in spans:
        piece = doc.char_span(start, end, alignment_mode="expand")
        if piece is not None:
            covered.update(range(piece.start, piece.end))
    return covered

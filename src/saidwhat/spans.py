"""Character spans and the tokens of the one parse: shared by the stages that read spans off the Doc."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from saidwhat.records import Span


def covered_tokens(doc: Doc, spans: Iterable[Span]) -> set[int]:
    """Indices of tokens overlapping any of the character spans."""
    covered: set[int] = set()
    for start, end in spans:
        piece = doc.char_span(start, end, alignment_mode="expand")
        if piece is not None:
            covered.update(range(piece.start, piece.end))
    return covered


def apposed_name(verb: Token, noun: Token) -> Token | None:
    """"accused the armed group Harakat al-Fajr of …": the name right after a descriptive object noun,
    which the parser made a second object of the verb (None when there is none)."""
    if noun.pos_ != "NOUN":
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ in ("dobj", "npadvmod") and c.pos_ == "PROPN" and c.i > noun.i and c.left_edge.i == noun.right_edge.i + 1
        ),
        None,
    )

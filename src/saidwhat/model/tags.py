"""Token tags: gold BRAT spans -> BIO tags over a doc's tokens (training), tags -> chunks (decoding).

A sequence is the article's non-whitespace tokens. PolNeAR is univocal (each token belongs to at
most one role of at most one attribution), so one BIO tag per token loses nothing but the grouping,
which decode.py rebuilds from the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from saidwhat.eval.brat import GoldAttribution

ROLES = ("CUE", "SOURCE", "CONTENT")
OUTSIDE = "O"
# Characters trimmed from a gold span's ends before mapping it to tokens (annotators vary on them).
_TRIM = " \t\r\n"


def sequence_tokens(doc: Doc) -> list[Token]:
    """The tokens a tag sequence runs over: all but pure whitespace."""
    return [token for token in doc if not token.is_space]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def gold_tags(doc: Doc, tokens: Sequence[Token], attributions: Sequence[GoldAttribution]) -> list[str]:
    """One BIO tag per token. A token overlapping a span piece takes its role; the first one of a piece is B-."""
    tags = [OUTSIDE] * len(tokens)
    starts = [token.idx for token in tokens]
    text = doc.text
    for attribution in attributions:
        for role, spans in (("CUE", attribution.cue), ("SOURCE", attribution.source), ("CONTENT", attribution.content)):
            for raw_start, raw_end in spans or ():
                start, end = _trim(text, raw_start, raw_end)
                if start >= end:
                    continue
                first = True
                for i in _overlapping(tokens, starts, start, end):
                    if tags[i] != OUTSIDE:  # univocal by design; rare annotation overlaps keep the first role
                        first = False
                        continue
                    tags[i] = ("B-" if first else "I-") + role
                    first = False
    return tags


def _overlapping(tokens: Sequence[Token], starts: list[int], start: int, end: int) -> range:
    from bisect import bisect_left, bisect_right

    lo = bisect_right(starts, start) - 1
    if lo < 0 or tokens[lo].idx + len(tokens[lo]) <= start:
        lo += 1
    hi = bisect_left(starts, end)
    return range(max(lo, 0), hi)


@dataclass(frozen=True)
class Chunk:
    """A run of tokens with one role: token indexes [start, end) into the sequence."""

    role: str
    start: int
    end: int


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """Maximal BIO runs; an I- tag that does not continue its role starts a new run."""
    found: list[Chunk] = []
    role, start = None, 0
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, tag_role = tag.partition("-")
        if role is not None and (prefix != "I" or tag_role != role):
            found.append(Chunk(role, start, i))
            role = None
        if prefix in ("B", "I") and role is None:
            role, start = tag_role, i
    return found

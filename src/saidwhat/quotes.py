"""Quote-mark structure: which stretches of an article are quotations.

News text mixes curly and straight marks, double and single quotes, and quotations that run over
several paragraphs (each paragraph reopens the quote; only the last one closes it). This module turns
the marks into ``Quote`` records: the inner spans (marks excluded), one piece per paragraph. It never
fails on unbalanced marks: a quote opened mid-paragraph and never closed is dropped; one opened at a
paragraph start and never closed runs to the paragraph end.

One pass over the characters; no regular expression over the whole text per token.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from saidwhat.records import Span

# Opening marks and the closing mark each one expects.
_CURLY_PAIRS = {"“": "”", "«": "»", "„": "“"}
_STRAIGHT_DOUBLE = '"'
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_DOUBLED_APOSTROPHE = "''"
# A straight or curly single mark opens a quote only after one of these (else it is an apostrophe).
_OPENING_CONTEXT = set(" \t\n([{—–-/") | {"\u00a0"}
QUOTE_CHARS = frozenset("“”«»„\"‘’'")


@dataclass(frozen=True)
class Quote:
    """One quotation: inner spans per paragraph piece; ``open_at``/``close_at`` are the mark offsets."""

    pieces: tuple[Span, ...]
    open_at: int
    # Offset of the final closing mark's last character; None when the quote runs unclosed to a paragraph end.
    close_at: int | None

    @property
    def start(self) -> int:
        """Offset of the opening mark."""
        return self.open_at

    @property
    def end(self) -> int:
        """Offset just after the closing mark (or the last piece when unclosed)."""
        return self.close_at + 1 if self.close_at is not None else self.pieces[-1][1]

    @property
    def inner_start(self) -> int:
        return self.pieces[0][0]

    @property
    def inner_end(self) -> int:
        return self.pieces[-1][1]


@dataclass
class _Open:
    at: int
    closer: str
    at_paragraph_start: bool
    width: int = 1  # characters in the opening mark: 2 for a doubled apostrophe ('')

    @property
    def inner_start(self) -> int:
        return self.at + self.width


def paragraph_spans(text: str) -> list[Span]:
    """Non-blank lines of the text (a news paragraph is a line), without surrounding whitespace."""
    spans: list[Span] = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        stripped_start = start + (len(line) - len(line.lstrip()))
        stripped_end = start + len(line.rstrip())
        if stripped_end > stripped_start:
            spans.append((stripped_start, stripped_end))
        start = end + 1
    return spans


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _paragraph_quotes(text: str, para: Span) -> tuple[list[tuple[int, Span, int, bool]], _Open | None]:
    """Closed quotes of one paragraph as (open, inner span, close, at_start) and the quote left open.

    ``close`` is the offset of the closing mark's last character.
    """
    start, end = para
    found: list[tuple[int, Span, int, bool]] = []
    current: _Open | None = None
    i = start
    while i < end:
        ch = text[i]
        if ch not in QUOTE_CHARS:
            i += 1
            continue
        before = text[i - 1] if i > start else " "
        # ''So it goes,'' he said: archive text (NYT, wire databases) doubles the apostrophe for a double mark.
        doubled = ch == "'" and i + 1 < end and text[i + 1] == "'"
        after = text[i + 2 if doubled else i + 1] if (i + 2 if doubled else i + 1) < end else " "
        if current is None:
            if doubled and (not _is_word_char(before) or i == start):
                current = _Open(i, _DOUBLED_APOSTROPHE, i == start, width=2)
                i += 2
                continue
            if ch in _CURLY_PAIRS:
                current = _Open(i, _CURLY_PAIRS[ch], i == start)
            elif ch == _STRAIGHT_DOUBLE and not _is_word_char(before) or ch == _STRAIGHT_DOUBLE and i == start:
                current = _Open(i, _STRAIGHT_DOUBLE, i == start)
            elif ch in (_SINGLE_OPEN, "'") and (before in _OPENING_CONTEXT or i == start) and _is_word_char(after):
                current = _Open(i, _SINGLE_CLOSE if ch == _SINGLE_OPEN else "'", i == start)
            i += 1
            continue
        if current.closer == _DOUBLED_APOSTROPHE:
            if doubled and not _is_word_char(after):
                if i > current.inner_start:
                    found.append((current.at, (current.inner_start, i), i + 1, current.at_paragraph_start))
                current = None
                i += 2
            else:
                i += 1  # a single apostrophe inside the quotation (don't, ‘nested’)
            continue
        closes = ch == current.closer or {current.closer, ch} == {_STRAIGHT_DOUBLE, "”"}
        if current.closer in (_SINGLE_CLOSE, "'"):
            # A single mark closes only at a word's end (else it is an apostrophe: don't, Hamas’s).
            closes = closes and not _is_word_char(after)
        if closes:
            if i > current.inner_start:
                found.append((current.at, (current.inner_start, i), i, current.at_paragraph_start))
            current = None
        elif ch in _CURLY_PAIRS and current.closer != _SINGLE_CLOSE and current.closer != "'":
            # A second opening double mark while one is open: the first was never closed; restart here.
            current = _Open(i, _CURLY_PAIRS[ch], i == start)
        i += 1
    return found, current


def find_quotes(text: str) -> list[Quote]:
    """All quotations of the text, in text order (multi-paragraph quotes joined into one)."""
    quotes: list[Quote] = []
    # Pieces of a quote still open at the previous paragraph's end, and where it opened.
    pending: list[Span] = []
    pending_open: _Open | None = None

    def flush_pending() -> None:
        # Unclosed: keep it only if it opened a paragraph (a missing closing mark), else it is noise.
        if pending_open is not None and (len(pending) > 1 or pending_open.at_paragraph_start):
            quotes.append(Quote(tuple(pending), pending_open.at, None))

    for para in paragraph_spans(text):
        closed, left_open = _paragraph_quotes(text, para)
        if pending_open is not None:
            if closed and closed[0][0] == para[0]:
                _, first_inner, first_close, _ = closed.pop(0)
                quotes.append(Quote((*pending, first_inner), pending_open.at, first_close))
                pending, pending_open = [], None
            elif not (left_open is not None and left_open.at == para[0]):
                flush_pending()
                pending, pending_open = [], None
        quotes.extend(Quote((inner,), o, c) for o, inner, c, _ in closed)
        if left_open is not None and para[1] > left_open.inner_start:
            if pending_open is None:
                pending_open = left_open
            pending.append((left_open.inner_start, para[1]))
    flush_pending()
    quotes.sort(key=lambda q: q.open_at)
    return quotes


class QuoteIndex:
    """Look-ups from a character offset to the quote that contains it."""

    def __init__(self, quotes: list[Quote]):
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def containing(self, offset: int) -> Quote | None:
        """The quote whose marks enclose ``offset`` (marks included)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def inside(self, offset: int) -> bool:
        return self.containing(offset) is not None

    def overlapping(self, start: int, end: int) -> bool:
        """Whether any quote (marks included) overlaps ``[start, end)``."""
        if self.inside(start):
            return True
        i = bisect.bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end

"""Errors a caller can act on. Each message says what to do next."""

from __future__ import annotations


class SaidwhatError(Exception):
    """Base class: a clear, user-facing problem with the input or the setup."""


class InputError(SaidwhatError):
    """The article cannot be processed (empty, binary, too large, not text)."""


# An article over this many characters is refused rather than parsed: the longest real news
# features run to ~100k characters, and parsing cost grows with length.
MAX_ARTICLE_CHARS = 1_000_000

"""Content boundaries: a learned second look at where reported speech starts and ends.

The rules cut a content along the parse and the CRF tags content tokens; where news annotators put
the edge ("her presence" or "her presence on Twitter", a clause with or without the participle that
trails it) follows regularities that neither states. For each one-piece content of reported speech
(indirect or mixed: a direct quotation ends at its marks), this stage scores every candidate end
within ``END_WINDOW`` words of the proposed one with a logistic regression over the syntax of the cut
(the phrase that closes or opens there, punctuation, what is added or dropped, how far it moves) and
keeps the best. Starts are left alone: a start ranker trained the same way (complementizer, leading
adverbials) moved no dev content.

The weights are a small JSON file in the package (``saidwhat train-boundaries``, trained on the
engine's own proposals over PolNeAR train: ``model/train_boundaries.py``); scoring is a sum of
weights per candidate. Without the file the stage changes nothing.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from saidwhat.records import FoundAttribution
from saidwhat.spans import covered_tokens

ARTIFACT_NAME = "content-boundaries.json"
BOUNDARIES_ENV = "SAIDWHAT_BOUNDARY_MODEL"
END_WINDOW = 30
# Only reported speech is re-cut: a direct quotation's edges are its quotation marks.
REFINED_KINDS = frozenset({"indirect", "mixed"})
Features = dict[str, float]


@dataclass(frozen=True)
class Candidates:
    """The possible ends of one content that starts at token ``start``, as token positions: an end
    ``e`` stops after ``doc[e - 1]``. The first is the proposal's own."""

    start: int
    ends: list[int]
    features: list[Features]


def _word(token: Token) -> str:
    """Function words and punctuation as themselves, content words as their part of speech."""
    return token.lower_ if token.is_punct or token.is_stop else token.pos_


def _phrase_opening_at(doc: Doc, i: int) -> Token:
    """The highest token whose subtree starts at token ``i`` (the phrase that opens there)."""
    token = doc[i]
    while token.head.i != token.i and token.head.left_edge.i == i and token.head.i >= i:
        token = token.head
    return token


def _delta(moved: int, small: int) -> str:
    if abs(moved) <= small:
        return str(moved)
    return ("+" if moved > 0 else "-") + ("mid" if abs(moved) <= 10 else "big")


class _Window:
    """The tokens a content's candidate ends range over, with running counts so that each
    candidate's features cost the same however far it moves."""

    _COUNTED = {"verb": lambda t: t.pos_ == "VERB", "comma": lambda t: t.text == ",",
                "sent_start": lambda t: t.is_sent_start, "open_quote": lambda t: t.text == "“",
                "close_quote": lambda t: t.text == "”", "straight_quote": lambda t: t.text == '"',
                "open_paren": lambda t: t.text == "(", "close_paren": lambda t: t.text == ")"}

    def __init__(self, doc: Doc, start: int, proposed: int, limit: int, attribution: FoundAttribution):
        self.doc, self.start, self.proposed, self.limit = doc, start, proposed, limit
        self.shared = {"bias": 1, f"kind={attribution.kind}": 1, f"origin={attribution.origin}": 1}
        self.counts: dict[str, list[int]] = {name: [0] for name in self._COUNTED}
        for token in doc[start:limit]:
            for name, test in self._COUNTED.items():
                self.counts[name].append(self.counts[name][-1] + test(token))

    def count(self, name: str, low: int, high: int) -> int:
        """How many tokens low..high-1 have the property."""
        running = self.counts[name]
        return running[high - self.start] - running[low - self.start] if high > low else 0

    def moved(self, low: int, high: int, sign: str, features: Features) -> None:
        """Features of the words a candidate adds to or drops from the proposal (tokens low..high-1)."""
        if high <= low:
            return
        features[f"{sign}_len={min(high - low, 12)}"] = 1
        if self.count("verb", low, high):
            features[f"{sign}_verb"] = 1
        if self.count("comma", low, high):
            features[f"{sign}_comma"] = 1
        if self.count("sent_start", low + 1, high):
            features[f"{sign}_crosses_sentence"] = 1
        features[f"{sign}_firstdep={_phrase_opening_at(self.doc, low).dep_}"] = 1

    def end_features(self, end: int) -> Features:
        """Features of ending the content after token ``end - 1``."""
        doc, start, proposed = self.doc, self.start, self.proposed
        features = dict(self.shared)
        features[f"delta={_delta(end - proposed, 3)}"] = 1
        last = doc[end - 1]
        features[f"last={_word(last)}"] = 1
        features[f"lastdep={last.dep_}"] = 1
        if end >= self.limit:
            features["next=END"] = 1
        else:
            following = doc[end]
            phrase = _phrase_opening_at(doc, end)
            features[f"next={_word(following)}"] = 1
            features[f"nextphrase={phrase.dep_}"] = 1
            features[f"nextphrase+next={phrase.dep_}+{_word(following)}"] = 1
            features[f"nexthead_inside={start <= phrase.head.i < end}"] = 1
            if following.is_sent_start:
                features["next_sent_start"] = 1
        if end > proposed:
            self.moved(proposed, end, "add", features)
        else:
            self.moved(end, proposed, "drop", features)
        quotes = self.count("open_quote", start, end) - self.count("close_quote", start, end)
        if quotes or self.count("straight_quote", start, end) % 2:
            features["unbalanced_quotes"] = 1
        if self.count("open_paren", start, end) != self.count("close_paren", start, end):
            features["unbalanced_parens"] = 1
        return features


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space)


def candidates(doc: Doc, attribution: FoundAttribution, blocked: set[int]) -> Candidates | None:
    """The candidate ends of a one-piece content; None when it has several pieces or no words.

    Candidates stay in the content's paragraph and never take in a token of ``blocked`` (cues and
    sources, which are never content)."""
    if len(attribution.content) != 1:
        return None
    piece = doc.char_span(*attribution.content[0], alignment_mode="expand")
    words = [t.i for t in piece or () if _is_word(t)]
    if not words:
        return None
    first, last = words[0], words[-1]
    limit = last + 1  # the paragraph's end: a candidate never crosses a line break
    while limit < len(doc) and "\n" not in doc[limit].text and limit - last <= END_WINDOW:
        limit += 1
    ends = [last + 1]
    for end in range(last + 2, min(limit, last + END_WINDOW) + 1):  # growing: stop at a blocked token
        if end - 1 in blocked:
            break
        if _is_word(doc[end - 1]):
            ends.append(end)
    ends += [e for e in range(last, max(first, last - END_WINDOW), -1) if _is_word(doc[e - 1])]  # shrinking
    window = _Window(doc, first, last + 1, limit, attribution)
    return Candidates(start=first, ends=ends, features=[window.end_features(e) for e in ends])


def blocked_tokens(doc: Doc, found: Iterable[FoundAttribution]) -> set[int]:
    """Tokens of every cue and source: no content may take them in."""
    return covered_tokens(doc, [span for a in found for span in (*(a.cue or ()), *(a.source or ()))])


@dataclass(frozen=True)
class BoundaryModel:
    """Weights for candidate ends (logistic regression, one score per candidate)."""

    weights: dict[str, float]
    card: dict

    @classmethod
    def from_json(cls, data: dict) -> BoundaryModel:
        return cls(weights=data["weights"], card=data.get("card", {}))

    @classmethod
    def from_path(cls, path: str | Path) -> BoundaryModel:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    def best(self, options: Candidates) -> int:
        """The index of the best-scoring end; the first (the proposal) wins ties."""
        scores = [sum(self.weights.get(name, 0.0) * value for name, value in f.items()) for f in options.features]
        return max(range(len(scores)), key=lambda i: (scores[i], i == 0))

    def choose(self, options: Candidates) -> int:
        """The chosen end (a token position)."""
        return options.ends[self.best(options)]


@lru_cache(maxsize=1)
def packaged_boundary_model() -> BoundaryModel | None:
    """The weights shipped in ``saidwhat/data`` (or ``$SAIDWHAT_BOUNDARY_MODEL``); None when absent."""
    override = os.environ.get(BOUNDARIES_ENV)
    if override:
        return BoundaryModel.from_path(override)
    artifact = resources.files("saidwhat") / "data" / ARTIFACT_NAME
    if not artifact.is_file():
        return None
    return BoundaryModel.from_json(json.loads(artifact.read_text(encoding="utf-8")))

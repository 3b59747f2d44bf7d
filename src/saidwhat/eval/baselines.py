"""The systems ``saidwhat eval`` compares, each turning one parsed Doc into scored predictions.

* ``saidwhat``: the full engine (``analyse_doc(doc, mode="full")``).
* ``rules``: the same engine with rules only (``mode="rules"``), the plain-rules variant.
* ``textacy``: ``textacy.extract.triples.direct_quotations`` (textacy 0.13.0, the ``eval`` extra),
  a widely used rule baseline for direct quotes. It has no entities, so its speaker name is the
  source text. Where it refuses a whole article (odd number of quote marks) it runs per paragraph.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from saidwhat.errors import InputError
from saidwhat.eval.score import PredictedItem
from saidwhat.models import Article, Part

Predictor = Callable[[Doc, dt.date | None], list[PredictedItem]]


@dataclass(frozen=True)
class System:
    name: str
    description: str
    predict: Predictor


def _spans(part: Part | None) -> list[tuple[int, int]] | None:
    return [tuple(span) for span in part.spans] if part is not None else None


def predictions_from_article(article: Article) -> list[PredictedItem]:
    """The engine's statements as scored predictions; the speaker is the source entity's name."""
    items = []
    for statement in article.statements:
        entity = article.entity(statement.source.entity) if statement.source is not None else None
        items.append(
            PredictedItem(
                cue=_spans(statement.cue),
                source=_spans(statement.source),
                content=_spans(statement.content),
                speaker_name=entity.name if entity is not None else None,
            )
        )
    return items


def _engine(mode: str) -> Predictor:
    def predict(doc: Doc, published: dt.date | None) -> list[PredictedItem]:
        # Imported here so the scorer and the textacy baseline still run while the engine is broken.
        from saidwhat.engine import analyse_doc

        return predictions_from_article(analyse_doc(doc, published=published, mode=mode))

    return predict


def token_char_spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Character spans of tokens, one piece per run of consecutive tokens."""
    pieces: list[tuple[int, int]] = []
    previous = None
    for token in sorted(tokens, key=lambda t: t.i):
        start, end = token.idx, token.idx + len(token.text)
        if previous is not None and token.i == previous + 1:
            pieces[-1] = (pieces[-1][0], end)
        else:
            pieces.append((start, end))
        previous = token.i
    return pieces


def paragraphs(doc: Doc) -> list[Span]:
    """The article's paragraphs as spans of the parsed Doc (split at whitespace tokens holding a newline)."""
    spans, start = [], 0
    for token in doc:
        if token.is_space and "\n" in token.text:
            if token.i > start:
                spans.append(doc[start : token.i])
            start = token.i + 1
    if start < len(doc):
        spans.append(doc[start:])
    return spans


def _textacy_items(doc: Doc, offset: int) -> list[PredictedItem]:
    """textacy's triples on ``doc``, whose text starts at ``offset`` in the article."""
    from textacy.extract.triples import direct_quotations

    def shifted(tokens: Iterable[Token]) -> list[tuple[int, int]]:
        return [(start + offset, end + offset) for start, end in token_char_spans(tokens)]

    return [
        PredictedItem(
            cue=shifted(triple.cue),
            source=shifted(triple.speaker),
            content=shifted(triple.content),
            speaker_name=" ".join(doc.text[s:e] for s, e in token_char_spans(triple.speaker)),
        )
        for triple in direct_quotations(doc)
    ]


def predict_textacy(doc: Doc, published: dt.date | None = None) -> list[PredictedItem]:
    """textacy's direct quotations, as char spans of the article.

    textacy bails out (ValueError) when the article has an odd number of quote marks, which news
    articles often do (a quote running over several paragraphs opens each one). The baseline then
    runs it on each paragraph (a copy of the same parse), skipping only paragraphs it refuses.
    """
    try:
        return _textacy_items(doc, 0)
    except ValueError:
        pass
    items = []
    for paragraph in paragraphs(doc):
        try:
            items.extend(_textacy_items(paragraph.as_doc(), paragraph.start_char))
        except ValueError:
            continue
    return items


SYSTEMS: dict[str, System] = {
    system.name: system
    for system in (
        System("saidwhat", "full engine (rules + trained model)", _engine("full")),
        System("rules", "engine, rules only", _engine("rules")),
        System("textacy", "textacy 0.13.0 direct_quotations", predict_textacy),
    )
}


def systems_named(names: Iterable[str]) -> list[System]:
    """The systems to run, in the order given; unknown names raise InputError listing the known ones."""
    chosen = []
    for name in (n.strip() for n in names):
        if not name:
            continue
        if name not in SYSTEMS:
            raise InputError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
        if name == "textacy" and importlib.util.find_spec("textacy") is None:
            raise InputError("the textacy baseline needs textacy 0.13.0: run `.venv/bin/pip install -e '.[eval]'`")
        if SYSTEMS[name] not in chosen:
            chosen.append(SYSTEMS[name])
    if not chosen:
        raise InputError(f"no system to run; choose from {', '.join(SYSTEMS)}")
    return chosen

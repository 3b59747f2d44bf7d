"""Train the content-boundary model on the engine's own proposals over PolNeAR train.

Each reported (indirect or mixed) one-piece content the engine proposes that links to a gold
attribution with a one-piece content gives one ranking problem: which candidate end
(``boundaries.candidates``) is the gold end once both are trimmed the way the scorer trims them.
Every candidate is a row of a logistic regression (scikit-learn, the ``eval`` extra) labelled by
whether it is the gold end; the learned weights score candidates at run time. Proposals come from
``find_attributions(refine=False)`` with the installed CRF. Dev is read only to report, in the card,
how many linked contents end exactly right before and after.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.progress import Progress
from spacy.tokens import Doc

from saidwhat.attributions import find_attributions
from saidwhat.eval.brat import GoldArticle, read_split
from saidwhat.eval.score import GoldItem, PredictedItem, link, normalise_span
from saidwhat.model.boundaries import ARTIFACT_NAME, REFINED_KINDS, BoundaryModel, Candidates, blocked_tokens, candidates
from saidwhat.model.parsed import parse_articles
from saidwhat.model.train import DEFAULT_CACHE

# L2 strength: 1 and 3 ranked dev ends equally in a first experiment, 0.3 three fewer exactly right.
REGULARISATION_C = 1.0


@dataclass
class Example:
    """One proposal's candidate ends and the index of the gold end (None: not among them)."""

    options: Candidates
    gold: int | None


def _gold_index(doc: Doc, text: str, options: Candidates, wanted: int) -> int | None:
    """The index of the candidate end that trims to the gold end ``wanted``."""
    first = doc[options.start].idx
    for index, end in enumerate(options.ends):
        trimmed = normalise_span(text, [(first, doc[end - 1].idx + len(doc[end - 1].text))])
        if trimmed and trimmed[-1][1] == wanted:
            return index
    return None


def examples(article: GoldArticle, doc: Doc) -> Iterator[Example]:
    """The ranking examples of one article (proposals linked to a one-piece gold content)."""
    text = article.text
    found = find_attributions(doc, mode="full", refine=False)
    gold = [GoldItem(id=g.id, cue=g.cue, source=g.source, content=g.content) for g in article.attributions]
    predicted = [PredictedItem(cue=f.cue, source=f.source, content=f.content) for f in found]
    linked = {j: i for i, j in link(text, gold, predicted).items()}
    blocked = blocked_tokens(doc, found)
    for j, attribution in enumerate(found):
        gold_content = normalise_span(text, gold[linked[j]].content) if j in linked else ()
        if len(gold_content) != 1 or attribution.kind not in REFINED_KINDS:
            continue
        options = candidates(doc, attribution, blocked)
        if options is not None:
            yield Example(options=options, gold=_gold_index(doc, text, options, gold_content[0][1]))


def collect(articles: Sequence[GoldArticle], docs: Sequence[Doc], label: str) -> list[Example]:
    found: list[Example] = []
    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=len(articles))
        for article, doc in zip(articles, docs):
            found.extend(examples(article, doc))
            progress.advance(task)
    return found


def fit(data: Sequence[Example], c: float) -> dict[str, float]:
    """Feature weights for ranking candidate ends (the intercept is the same for all: left out)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, labels = [], []
    for example in data:
        if example.gold is not None:
            rows.extend(example.options.features)
            labels.extend(int(index == example.gold) for index in range(len(example.options.ends)))
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=5000).fit(vectorizer.fit_transform(rows), labels)
    return {
        name: round(float(weight), 4)
        for name, weight in zip(vectorizer.get_feature_names_out(), model.coef_[0])
        if abs(weight) >= 1e-4
    }


def exact_ends(model: BoundaryModel | None, data: Sequence[Example]) -> dict[str, int]:
    """How many proposals end exactly where the gold does (model None: the proposals as they are)."""
    chosen = [model.best(e.options) if model is not None else 0 for e in data]
    return {"proposals": len(data), "exact": sum(c == e.gold for c, e in zip(chosen, data))}


def train_boundaries(
    polnear_root: str | Path,
    output: str | Path = Path("src/saidwhat/data") / ARTIFACT_NAME,
    *,
    c: float = REGULARISATION_C,
    limit: int | None = None,
    cache_dir: Path | None = DEFAULT_CACHE,
    score_dev: bool = True,
) -> dict:
    """Train on the train split, write the weights with their card, return the card."""
    articles = read_split(polnear_root, "train")
    if not articles:
        raise FileNotFoundError(f"{polnear_root}: no annotated training articles found")
    articles = articles[:limit] if limit is not None else articles
    data = collect(articles, parse_articles(articles, cache_dir, "parsing train"), "proposals (train)")
    model = BoundaryModel(weights=fit(data, c), card={})
    card = {
        "model": "logistic regression ranking candidate content edges (saidwhat.model.boundaries)",
        "data": {"train": "PolNeAR train split", "articles": len(articles), "examples": len(data)},
        "c": c,
        "trained": dt.date.today().isoformat(),
        "train_exact_ends": {"proposed": exact_ends(None, data), "refined": exact_ends(model, data)},
        "dev_exact_ends": None,
    }
    if score_dev:
        dev_articles = read_split(polnear_root, "dev")
        dev = collect(dev_articles, parse_articles(dev_articles, cache_dir, "parsing dev"), "proposals (dev)")
        card["dev_exact_ends"] = {"proposed": exact_ends(None, dev), "refined": exact_ends(model, dev)}
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = {"card": card, "weights": model.weights}
    output.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return card

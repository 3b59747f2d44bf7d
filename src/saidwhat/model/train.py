"""Train the CRF on PolNeAR train, score it on dev, and write the artifact and its card.

Dev is never trained on: it is read only to report scores in the card. Parsed docs are cached
under ``build/`` (parsing is most of the time). L-BFGS is deterministic; the seed fixes which
articles a ``limit`` subset takes and the order sequences are given to the trainer.
"""

from __future__ import annotations

import json
import platform
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import pycrfsuite
from rich.progress import Progress
from spacy.tokens import Doc

from saidwhat.eval.brat import GoldArticle, read_split
from saidwhat.eval.score import GoldItem, PredictedItem, SystemTotals, score_article
from saidwhat.model.features import CueLexicon, doc_features
from saidwhat.model.parsed import parse_articles
from saidwhat.model.tagger import CARD_SUFFIX, MODEL_SUFFIX, AttributionTagger
from saidwhat.model.tags import gold_tags, sequence_tokens
from saidwhat.nlp import MODEL_PACKAGE, MODEL_VERSION

DEFAULT_CACHE = Path("build/model-cache")
# Lemmas seen fewer times than this in training get no learned cue rate (too noisy to trust).
LEXICON_MIN_COUNT = 3
LEXICON_MIN_RATE = 0.05


@dataclass(frozen=True)
class TrainingParams:
    """CRF hyper-parameters (L-BFGS). c1 (L1) prunes features, which keeps the artifact small."""

    c1: float = 2.0
    c2: float = 0.01
    max_iterations: int = 300
    min_feature_freq: int = 3

    def crfsuite(self) -> dict:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_feature_freq,
            "feature.possible_transitions": True,
        }


def learn_lexicon(docs: Sequence[Doc], tag_sequences: Sequence[Sequence[str]]) -> CueLexicon:
    """How often each lemma is tagged as a cue in the training data (for lemmas seen often enough)."""
    seen: Counter[str] = Counter()
    as_cue: Counter[str] = Counter()
    for doc, tags in zip(docs, tag_sequences):
        for token, tag in zip(sequence_tokens(doc), tags):
            lemma = token.lemma_.lower()
            seen[lemma] += 1
            if tag.endswith("CUE"):
                as_cue[lemma] += 1
    rates = {
        lemma: round(as_cue[lemma] / count, 3)
        for lemma, count in sorted(seen.items())
        if count >= LEXICON_MIN_COUNT and as_cue[lemma] / count >= LEXICON_MIN_RATE
    }
    return CueLexicon(rates)


def evaluate(tagger: AttributionTagger, articles: Sequence[GoldArticle], docs: Sequence[Doc]) -> dict:
    """Exact role F1 and linked F1 of the model alone (saidwhat.eval.score definitions)."""
    totals = SystemTotals()
    for article, doc in zip(articles, docs):
        gold = [GoldItem(id=g.id, cue=g.cue, source=g.source, content=g.content) for g in article.attributions]
        predicted = [PredictedItem(cue=p.cue, source=p.source, content=p.content) for p in tagger.predict(doc)]
        totals.add(score_article(article.text, gold, predicted, with_speakers=False))
    scores = totals.as_dict()
    scores.pop("speaker", None)
    return scores


def train(
    polnear_root: str | Path,
    output: str | Path,
    *,
    seed: int = 13,
    limit: int | None = None,
    params: TrainingParams = TrainingParams(),
    cache_dir: Path | None = DEFAULT_CACHE,
    score_dev: bool = True,
) -> dict:
    """Train on the train split, write ``<output>.crfsuite`` and ``<output>.json``; returns the card."""
    started, cpu_started = time.perf_counter(), time.process_time()
    articles = read_split(polnear_root, "train")
    if not articles:
        raise FileNotFoundError(f"{polnear_root}: no annotated training articles found")
    if limit is not None:
        articles = sorted(random.Random(seed).sample(articles, min(limit, len(articles))), key=lambda a: a.stem)
    docs = parse_articles(articles, cache_dir, "parsing train")
    tag_sequences = [gold_tags(doc, sequence_tokens(doc), a.attributions) for a, doc in zip(articles, docs)]
    lexicon = learn_lexicon(docs, tag_sequences)

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params.crfsuite())
    order = list(range(len(articles)))
    random.Random(seed).shuffle(order)
    with Progress(transient=True) as progress:
        task = progress.add_task("features", total=len(order))
        for i in order:
            tokens = sequence_tokens(docs[i])
            if tokens:
                trainer.append(doc_features(docs[i], tokens, lexicon), tag_sequences[i])
            progress.advance(task)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    model_path = output.with_name(output.name + MODEL_SUFFIX)
    fit_started = time.perf_counter()
    trainer.train(str(model_path))
    fit_seconds = time.perf_counter() - fit_started

    card = {
        "model": "linear-chain CRF (crfsuite L-BFGS) over spaCy parse features; BIO tags CUE/SOURCE/CONTENT",
        "data": {
            "train": "PolNeAR train split (first .ann per article in sorted order)",
            "articles": len(articles),
            "tokens": sum(len(t) for t in tag_sequences),
            "limit": limit,
        },
        "seed": seed,
        "params": asdict(params),
        "spacy_model": f"{MODEL_PACKAGE}=={MODEL_VERSION}",
        "python_crfsuite": pycrfsuite.__version__ if hasattr(pycrfsuite, "__version__") else "0.9.12",
        "feature_count": None,
        "labels": None,
        # Wall time depends on what else runs; CPU time of this process is the comparable figure.
        "train_seconds": round(time.perf_counter() - started, 1),
        "train_cpu_seconds": round(time.process_time() - cpu_started, 1),
        "fit_seconds": round(fit_seconds, 1),
        "machine": platform.machine(),
        "cue_lexicon": lexicon.rates,
        "dev": None,
    }
    info = pycrfsuite.Tagger()
    info.open(str(model_path))
    model_info = info.info()
    card["feature_count"] = len(model_info.state_features)
    card["labels"] = sorted(model_info.labels)
    info.close()
    if score_dev:
        dev_articles = read_split(polnear_root, "dev")
        dev_docs = parse_articles(dev_articles, cache_dir, "parsing dev")
        tagger = AttributionTagger.from_bytes(model_path.read_bytes(), card)
        card["dev"] = {"articles": len(dev_articles), **evaluate(tagger, dev_articles, dev_docs)}
    card_path = output.with_name(output.name + CARD_SUFFIX)
    card_path.write_text(json.dumps(card, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return card

"""Parse PolNeAR articles once and cache the spaCy docs under build/ (parsing dominates training time)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from rich.progress import Progress
from spacy.tokens import Doc, DocBin

from saidwhat.eval.brat import GoldArticle
from saidwhat.nlp import MODEL_PACKAGE, MODEL_VERSION, PIPELINE_REVISION, load_model


def _cache_key(texts: Sequence[str]) -> str:
    digest = hashlib.sha1(f"{MODEL_PACKAGE}=={MODEL_VERSION}/{PIPELINE_REVISION}".encode())
    for text in texts:
        digest.update(hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest())
    return digest.hexdigest()[:16]


def parse_articles(articles: Sequence[GoldArticle], cache_dir: Path | None, label: str = "parsing") -> list[Doc]:
    """The parsed docs of these articles, in order; reuses ``cache_dir/<key>.spacy`` when the texts match."""
    nlp = load_model()
    texts = [article.text for article in articles]
    cache = cache_dir / f"parsed-{_cache_key(texts)}.spacy" if cache_dir else None
    if cache is not None and cache.is_file():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs: list[Doc] = []
    with Progress(transient=True) as progress:
        task = progress.add_task(label, total=len(texts))
        for doc in nlp.pipe(texts, batch_size=16):
            docs.append(doc)
            progress.advance(task)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs

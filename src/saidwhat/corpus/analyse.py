"""Analyse a batch of work items in one process: the unit of work of ingest workers and Spark tasks.

One bad article never fails its batch: each item ends as an ``Outcome`` with either the analysed
article or the reason it failed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from saidwhat.corpus.readers import WorkItem
from saidwhat.engine import analyse_doc, check_text, parse_published
from saidwhat.errors import InputError
from saidwhat.inputs import RawArticle, html_to_article
from saidwhat.models import Article
from saidwhat.nlp import load_model
from saidwhat.store.rows import ArticleRows, flatten_article

# Texts per nlp.pipe call inside a worker: large enough to batch the parser, small enough to keep memory flat.
PIPE_BATCH_SIZE = 16


@dataclass
class Outcome:
    """What became of one work item: ``rows`` (flattened) or ``article_json``, else an error."""

    source: str
    article_id: str | None = None
    rows: ArticleRows | None = None
    article_json: str | None = None
    words: int = 0
    size: int = 0  # input bytes of the item (progress)
    error_type: str | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.error_type is None


@dataclass
class _Prepared:
    item: WorkItem
    raw: RawArticle
    published: dt.date | None


def _prepare(item: WorkItem) -> _Prepared:
    if item.kind == "html":
        raw = html_to_article(item.content, id=item.id, url=item.url)
        raw.title = item.title or raw.title
        raw.outlet = item.outlet or raw.outlet
        given_date = item.published
        try:
            published = parse_published(given_date or raw.published)
        except InputError:
            if given_date:
                raise
            published = None  # a page's own date metadata is a hint, not something to fail over
    else:
        raw = RawArticle(id=item.id, text=item.content, url=item.url, title=item.title, published=item.published, outlet=item.outlet)
        published = parse_published(item.published)
    check_text(raw.text)
    return _Prepared(item, raw, published)


def _failure(item: WorkItem, exc: BaseException) -> Outcome:
    reason = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    return Outcome(source=item.source, article_id=item.id, size=item.size, error_type=type(exc).__name__, reason=reason)


def _success(prepared: _Prepared, article: Article, flatten: bool) -> Outcome:
    item = prepared.item
    outcome = Outcome(source=item.source, article_id=article.id, words=len(article.text.split()), size=item.size)
    if flatten:
        outcome.rows = flatten_article(article, source=item.source)
    else:
        outcome.article_json = article.model_dump_json()
    return outcome


def analyse_items(items: list[WorkItem], *, flatten: bool = True, mode: str = "full") -> list[Outcome]:
    """Analyse items with the engine (``nlp.pipe`` batching); one outcome per item, in order."""
    outcomes: dict[int, Outcome] = {}
    prepared: list[tuple[int, _Prepared]] = []
    for index, item in enumerate(items):
        try:
            prepared.append((index, _prepare(item)))
        except Exception as exc:  # noqa: BLE001 - any failure of one article is recorded, never raised
            outcomes[index] = _failure(item, exc)
    nlp = load_model()
    texts = [p.raw.text for _, p in prepared]
    try:
        docs = list(nlp.pipe(texts, batch_size=PIPE_BATCH_SIZE))
    except Exception:  # noqa: BLE001 - one bad text fails a whole pipe batch: parse one by one to find it
        docs = None
    for position, (index, item) in enumerate(prepared):
        try:
            doc = docs[position] if docs is not None else nlp(item.raw.text)
            article = analyse_doc(
                doc,
                published=item.published,
                url=item.raw.url,
                title=item.raw.title,
                outlet=item.raw.outlet,
                article_id=item.raw.id,
                mode=mode,
            )
            outcomes[index] = _success(item, article, flatten)
        except Exception as exc:  # noqa: BLE001
            outcomes[index] = _failure(item.item, exc)
    return [outcomes[i] for i in range(len(items))]

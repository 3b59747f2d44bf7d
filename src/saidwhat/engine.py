"""The engine: one article in, every attributed statement out.

``extract`` (text) and ``analyse_doc`` (an already parsed spaCy Doc, used by the pipeline
component) share this one code path. Stages run in order and hand typed records along:
attributions -> context -> entity resolution -> claims -> assembled ``Article``.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from spacy.tokens import Doc

from saidwhat.attributions import find_attributions
from saidwhat.claims import find_claims
from saidwhat.context import find_contexts
from saidwhat.entities import resolve_entities
from saidwhat.errors import InputError, MAX_ARTICLE_CHARS
from saidwhat.models import (
    Article,
    Entity,
    EntityPart,
    Part,
    SpeechAct,
    Statement,
    TimePart,
    part_text,
)
from saidwhat.nlp import load_model
from saidwhat.records import EntityTable, FoundAttribution, Span, StatementContext


def article_id_for(text: str, url: str | None = None) -> str:
    """A stable id: the same url + text always gives the same id (re-runs never duplicate)."""
    digest = hashlib.sha1(f"{url or ''}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:16]


def check_text(text: object) -> str:
    """Refuse what is not an article, with a message that says what to do."""
    if not isinstance(text, str):
        raise InputError(f"expected the article as a str, got {type(text).__name__}; decode bytes first")
    if not text.strip():
        raise InputError("the article is empty (no text after removing whitespace)")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"the article has {len(text):,} characters, over the limit of {MAX_ARTICLE_CHARS:,}; "
            "split it into articles or raise saidwhat.errors.MAX_ARTICLE_CHARS"
        )
    if "\x00" in text or _control_ratio(text) > 0.1:
        raise InputError("the input looks binary (NUL or many control characters), not article text")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    bad += sample.count("\ufffd")
    return bad / max(1, len(sample))


def parse_published(published: str | dt.date | None) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError as exc:
        raise InputError(f"published date {published!r} is not ISO format YYYY-MM-DD") from exc


def extract(
    text: str,
    *,
    published: str | dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    mode: str = "full",
) -> Article:
    """Find every attribution in one article and return the contract's ``Article`` record."""
    check_text(text)
    published_date = parse_published(published)
    doc = load_model()(text)
    return analyse_doc(
        doc, published=published_date, url=url, title=title, outlet=outlet, article_id=article_id, mode=mode
    )


def analyse_doc(
    doc: Doc,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    mode: str = "full",
) -> Article:
    """Run the attribution stages over a parsed document."""
    text = doc.text
    found = find_attributions(doc, mode=mode)
    contexts = find_contexts(doc, found, published)
    wanted: list[Span] = []
    for attribution, context in zip(found, contexts):
        for spans in (attribution.source, context.target, context.place, *context.via):
            if spans:
                wanted.extend(spans)
    table = resolve_entities(doc, wanted)
    statements = _assemble_statements(text, found, contexts, table)
    claims = find_claims(doc, statements)
    return Article(
        id=article_id or article_id_for(text, url),
        text=text,
        published=published.isoformat() if published else None,
        url=url,
        title=title,
        outlet=outlet,
        entities=[
            Entity(
                id=e.id,
                name=e.name,
                type=e.type,
                aliases=e.aliases,
                descriptors=e.descriptors,
                mentions=sorted((m.start, m.end) for m in e.mentions),
            )
            for e in table.entities
        ],
        statements=statements,
        claims=claims,
    )


def _part(text: str, spans: list[Span] | None) -> Part | None:
    return Part(text=part_text(text, spans), spans=spans) if spans else None


def _entity_part(text: str, spans: list[Span] | None, table: EntityTable) -> EntityPart | None:
    if not spans:
        return None
    return EntityPart(text=part_text(text, spans), spans=spans, entity=table.entity_for(spans))


def _assemble_statements(
    text: str,
    found: list[FoundAttribution],
    contexts: list[StatementContext],
    table: EntityTable,
) -> list[Statement]:
    statements: list[Statement] = []
    for index, (attribution, context) in enumerate(zip(found, contexts)):
        source = _entity_part(text, attribution.source, table)
        if source is None and attribution.continues is not None:
            # A cue-less follow-on quote: the speaker is the one of the quote it continues.
            source = statements[attribution.continues].source
        time = None
        if context.time is not None:
            start, end = context.time.span
            time = TimePart(
                text=text[start:end],
                spans=[context.time.span],
                value=context.time.value,
                granularity=context.time.granularity,
            )
        statements.append(
            Statement(
                id=f"s{index + 1}",
                kind=attribution.kind,
                speech_act=SpeechAct(context.speech_act),
                cue=_part(text, attribution.cue),
                source=source,
                content=_part(text, attribution.content),
                target=_entity_part(text, context.target, table),
                time=time,
                place=_entity_part(text, context.place, table),
                venue=_part(text, context.venue),
                via=[_entity_part(text, spans, table) for spans in context.via if spans],
                confidence=round(attribution.confidence, 3),
            )
        )
    return statements

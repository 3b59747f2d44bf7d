"""Mentions and entity resolution (placeholder: one entity per distinct source text)."""

from __future__ import annotations

from spacy.tokens import Doc

from saidwhat.records import EntityTable, Mention, ResolvedEntity, Span


def resolve_entities(doc: Doc, wanted: list[Span]) -> EntityTable:
    table = EntityTable()
    by_name: dict[str, ResolvedEntity] = {}
    for start, end in wanted:
        name = doc.text[start:end]
        entity = by_name.get(name)
        if entity is None:
            entity = ResolvedEntity(id=f"e{len(by_name) + 1}", name=name, type="PERSON")
            by_name[name] = entity
            table.entities.append(entity)
        entity.mentions.append(Mention(start, end, name, "name"))
        table.by_span[(start, end)] = entity.id
    return table

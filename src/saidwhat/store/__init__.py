"""The article store: analysed articles in one DuckDB file, with queries, exports and entity merging.

Tables (``schema.sql`` has every column; names are an API, add columns but never rename):

``articles``
    One row per stored article: id (stable), source (where ingest read it), url, title, outlet,
    outlet_group, published (DATE), text, word/statement/entity/claim counts, ``record`` (the
    contract ``Article`` as JSON without its text; ``Store.load_article`` rebuilds the exact record)
    and ingested_at.
``entities``
    Global entities: one per normalized name per outlet group, with a deterministic id
    (``names.global_entity_id``), the name, type and every alias seen. ``merged_into`` links an
    entity to the one it was merged with; ``canonical_id`` is the root, i.e. the speaker.
``mentions``
    One row per entity of an article (``Article.entities``): its local id ("e1"), global
    ``entity_id`` (null for pronouns and generic nouns), name, type, aliases, descriptors, spans.
``statements``
    One row per statement, flattened: kind, speech_act, confidence, cue, the speaker (local id,
    global ``speaker_entity_id``, ``speaker_name``, source text/spans), content text/spans, target,
    time (text, ISO value, granularity), place, venue, via (JSON list), outlet, published.
``claims``
    One row per numeric claim, with the asserting statement id and its speaker's global id.
``failures``
    One row per input that could not be stored: source, article_id if known, error_type, reason.
``entity_merges``
    Every merge (automatic: exact-alias, surname, fuzzy; or manual), with a readable reason and a
    score; ``undone_at`` is set when a merge is reversed (``Store.unmerge_entity``).

Spans (``*_spans``) are JSON ``[[start, end], ...]`` character offsets into ``articles.text``.
One process owns a store file for writing (DuckDB takes a file lock); ``saidwhat ingest`` is that
process during ingest, and parallel workers hand their results to it.
"""

from saidwhat.store.store import Store

__all__ = ["Store"]

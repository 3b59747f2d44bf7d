-- saidwhat store schema (DuckDB). Documented in saidwhat/store/__init__.py; column names are an API:
-- the web app, the events exporter and the Spark job's Parquet output depend on them. Add columns, never rename.
-- No PRIMARY KEY constraints: the Store deletes an article's rows before re-inserting them in one
-- transaction (DuckDB checks keys eagerly, so delete+insert of the same key in one transaction would fail).

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR NOT NULL,            -- stable article id (given id, else engine.article_id_for(text, url))
    source VARCHAR,                 -- where ingest read it: a path, path:line or warc-path@offset
    url VARCHAR,
    title VARCHAR,
    outlet VARCHAR,
    outlet_group VARCHAR NOT NULL,  -- cross-article entity merging happens within one outlet group
    published DATE,
    text VARCHAR NOT NULL,          -- Article.text: every span indexes it
    n_words INTEGER NOT NULL,
    n_statements INTEGER NOT NULL,
    n_entities INTEGER NOT NULL,
    n_claims INTEGER NOT NULL,
    record JSON NOT NULL,           -- the contract Article without "text" (load_article rebuilds it exactly)
    ingested_at TIMESTAMP NOT NULL
);

-- Global entities: one row per (outlet group, normalized name). ids are deterministic
-- (store.names.global_entity_id), so the Spark job's Parquet uses the same ids.
CREATE TABLE IF NOT EXISTS entities (
    id VARCHAR NOT NULL,
    outlet_group VARCHAR NOT NULL,
    name VARCHAR NOT NULL,          -- the name as first seen
    norm_name VARCHAR NOT NULL,     -- normalized (casefolded, titles and possessives removed)
    type VARCHAR NOT NULL,
    aliases VARCHAR[] NOT NULL,     -- every name/alias seen for this entity in any article
    merged_into VARCHAR,            -- the entity it was merged into (see entity_merges), null for roots
    canonical_id VARCHAR NOT NULL,  -- root of the merge tree: the one speaker this entity counts as
    first_seen TIMESTAMP NOT NULL
);

-- One row per entity of an article (the contract's Article.entities), linked to a global entity.
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,      -- Entity.id inside the article ("e1")
    entity_id VARCHAR,              -- global entities.id; null for unnamed entities (pronouns, "officials")
    name VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    aliases VARCHAR[] NOT NULL,
    descriptors VARCHAR[] NOT NULL,
    spans JSON NOT NULL,            -- [[start, end], ...] into articles.text
    n_mentions INTEGER NOT NULL
);

-- One row per statement, flattened for querying. *_spans are JSON [[start, end], ...] into articles.text.
CREATE TABLE IF NOT EXISTS statements (
    article_id VARCHAR NOT NULL,
    statement_id VARCHAR NOT NULL,  -- Statement.id inside the article ("s1")
    kind VARCHAR NOT NULL,          -- direct | indirect | mixed
    speech_act VARCHAR NOT NULL,
    confidence DOUBLE NOT NULL,
    cue VARCHAR,
    cue_spans JSON,
    speaker_local_id VARCHAR,
    speaker_entity_id VARCHAR,      -- global entities.id (resolve merges through entities.canonical_id)
    speaker_name VARCHAR,           -- the speaker's entity name in the article, else the source text
    source_text VARCHAR,
    source_spans JSON,
    content_text VARCHAR NOT NULL,
    content_spans JSON NOT NULL,
    target_local_id VARCHAR,
    target_entity_id VARCHAR,
    target_name VARCHAR,
    target_text VARCHAR,
    target_spans JSON,
    time_text VARCHAR,
    time_value VARCHAR,             -- ISO 8601 (2025-01-04, 2025-01, 2025-W01, ...)
    time_granularity VARCHAR,
    time_spans JSON,
    place_local_id VARCHAR,
    place_entity_id VARCHAR,
    place_name VARCHAR,
    place_text VARCHAR,
    place_spans JSON,
    venue_text VARCHAR,
    venue_spans JSON,
    via JSON NOT NULL,              -- [{"text", "spans", "entity" (local id), "entity_id", "name"}, ...]
    via_names VARCHAR[] NOT NULL,
    outlet VARCHAR,
    published DATE
);

CREATE TABLE IF NOT EXISTS claims (
    article_id VARCHAR NOT NULL,
    claim_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    spans JSON NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    qualifier VARCHAR,
    counts VARCHAR,
    asserted_by VARCHAR NOT NULL,   -- a statement id of the article, or "article"
    speaker_entity_id VARCHAR,      -- global id of the asserting statement's speaker, if any
    outlet VARCHAR,
    published DATE
);

-- One row per input that could not become an article (upserted by source, so re-runs do not duplicate).
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR NOT NULL,
    article_id VARCHAR,
    error_type VARCHAR NOT NULL,    -- InputError, UnicodeDecodeError, ...
    reason VARCHAR NOT NULL,        -- the message: what went wrong and what to do
    failed_at TIMESTAMP NOT NULL
);

-- Every merge of one global entity into another, automatic or manual. Undoing sets undone_at
-- (the row stays, and keeps the automatic linker from merging the pair again).
CREATE SEQUENCE IF NOT EXISTS entity_merges_seq START 1;
CREATE TABLE IF NOT EXISTS entity_merges (
    id INTEGER NOT NULL DEFAULT nextval('entity_merges_seq'),
    entity_id VARCHAR NOT NULL,     -- the entity merged away
    into_id VARCHAR NOT NULL,       -- the entity it was merged into
    method VARCHAR NOT NULL,        -- exact-alias | surname | fuzzy | manual
    reason VARCHAR NOT NULL,        -- human-readable: why these are the same speaker
    score DOUBLE,                   -- similarity for fuzzy merges (0-100)
    created_at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);

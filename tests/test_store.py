"""The DuckDB store: exact round trip of contract records, upserts, queries, failures, entity merging."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.errors import InputError
from saidwhat.models import Article, Claim, Entity, EntityPart, Part, SpeechAct, Statement, TimePart
from saidwhat.store import Store
from saidwhat.store.export import EXPORTERS, register_exporter
from saidwhat.store.rows import TABLE_SCHEMAS
from tests.conftest import assert_spans_valid


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    start = text.index(piece, after)
    return (start, start + len(piece))


def make_article(
    article_id: str,
    text: str,
    quotes: list[tuple[str, str]],
    *,
    outlet: str | None = None,
    published: str | None = None,
    act: SpeechAct = SpeechAct.STATEMENT,
    target: str | None = None,
) -> Article:
    """A contract article built by hand: each (speaker name, quoted content) becomes a statement."""
    entities: dict[str, Entity] = {}
    statements = []
    for index, (speaker, content) in enumerate(quotes, start=1):
        content_span = _span(text, content)
        speaker_span = _span(text, speaker)
        entity = entities.setdefault(
            speaker, Entity(id=f"e{len(entities) + 1}", name=speaker, type="PERSON", mentions=[speaker_span])
        )
        target_part = None
        if target:
            if target not in entities:
                entities[target] = Entity(id=f"e{len(entities) + 1}", name=target, type="ORG", mentions=[_span(text, target)])
            target_part = EntityPart(text=target, spans=[_span(text, target)], entity=entities[target].id)
        statements.append(
            Statement(
                id=f"s{index}",
                kind="direct",
                speech_act=act,
                source=EntityPart(text=speaker, spans=[speaker_span], entity=entity.id),
                content=Part(text=content, spans=[content_span]),
                target=target_part,
                confidence=0.9,
            )
        )
    return Article(
        id=article_id, text=text, outlet=outlet, published=published, entities=list(entities.values()), statements=statements
    )


HAMDAN_FULL = make_article(
    "h1",
    'Osama Hamdan said: "There will be no deal without a withdrawal."',
    [("Osama Hamdan", "There will be no deal without a withdrawal.")],
    outlet="Gulf Daily",
    published="2025-01-07",
)
HAMDAN_SURNAME = make_article(
    "h2",
    'Israel is blocking aid. "The crossing has been closed for eleven days," Hamdan said.',
    [("Hamdan", "The crossing has been closed for eleven days,")],
    outlet="Gulf Daily",
    published="2025-01-08",
    act=SpeechAct.ACCUSE,
    target="Israel",
)
HAMDAN_MISSPELT = make_article(
    "h3",
    '"We are close to the end of our patience," Hamadan said on Wednesday.',
    [("Hamadan", "We are close to the end of our patience,")],
    outlet="Gulf Daily",
    published="2025-01-09",
)
HAMDAN_TRIO = [HAMDAN_FULL, HAMDAN_SURNAME, HAMDAN_MISSPELT]


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(tmp_path / "store.duckdb") as opened:
        yield opened


def _speaker_articles(store: Store, speaker: str) -> set[str]:
    return {row["article_id"] for row in store.query_statements(speaker=speaker)}


def test_load_article_rebuilds_the_exact_contract_record(store):
    text = (
        'Finance minister Ana Costa warned on Monday that the deficit would reach 4.5 percent, '
        'according to Lusa, at a briefing in Lisbon.'
    )
    article = Article(
        id="costa",
        text=text,
        published="2025-02-10",
        url="https://news.example.pt/costa",
        title="Deficit warning",
        outlet="Lisbon Times",
        entities=[
            Entity(id="e1", name="Ana Costa", type="PERSON", aliases=["Costa"], descriptors=["Finance minister"], mentions=[_span(text, "Ana Costa")]),
            Entity(id="e2", name="Lusa", type="MEDIA", mentions=[_span(text, "Lusa")]),
            Entity(id="e3", name="Lisbon", type="GPE", mentions=[_span(text, "Lisbon")]),
        ],
        statements=[
            Statement(
                id="s1",
                kind="indirect",
                speech_act=SpeechAct.WARN,
                cue=Part(text="warned", spans=[_span(text, "warned")]),
                source=EntityPart(text="Finance minister Ana Costa", spans=[_span(text, "Finance minister Ana Costa")], entity="e1"),
                content=Part(text="the deficit would reach 4.5 percent", spans=[_span(text, "the deficit would reach 4.5 percent")]),
                time=TimePart(text="on Monday", spans=[_span(text, "on Monday")], value="2025-02-10", granularity="day"),
                place=EntityPart(text="Lisbon", spans=[_span(text, "Lisbon")], entity="e3"),
                venue=Part(text="a briefing", spans=[_span(text, "a briefing")]),
                via=[EntityPart(text="Lusa", spans=[_span(text, "Lusa")], entity="e2")],
                confidence=0.875,
            )
        ],
        claims=[
            Claim(id="c1", text="4.5 percent", spans=[_span(text, "4.5 percent")], value=4.5, unit="percent", asserted_by="s1")
        ],
    )
    store.upsert_article(article, source="costa.txt")
    loaded = store.load_article("costa")
    assert loaded == article
    assert_spans_valid(loaded)
    row = store.query_statements(speaker="costa")[0]
    assert (row["speech_act"], row["time_value"], row["place_name"], row["via_names"]) == ("WARN", "2025-02-10", "Lisbon", ["Lusa"])
    assert orjson.loads(row["content_spans"]) == [list(_span(text, "the deficit would reach 4.5 percent"))]
    claim = store.con.execute("SELECT value, unit, asserted_by, speaker_entity_id FROM claims").fetchall()[0]
    assert claim[:3] == (4.5, "percent", "s1") and claim[3] == row["speaker_entity_id"]


def test_load_article_of_unknown_id_says_what_is_missing(store):
    with pytest.raises(InputError, match="no article 'nope'"):
        store.load_article("nope")


def test_upserting_again_replaces_without_duplicating(store):
    store.upsert_articles(HAMDAN_TRIO)
    before = store.stats()
    changed = HAMDAN_FULL.model_copy(update={"title": "Updated"})
    store.upsert_articles([HAMDAN_FULL, changed])  # the last one of an id wins, within a batch too
    assert store.stats() == before
    assert store.load_article("h1").title == "Updated"
    assert store.has_article("h1") and not store.has_article("h9")
    store.delete_article("h1")
    assert not store.has_article("h1") and store.query_statements(article_id="h1") == []
    assert store.stats()["statements"] == before["statements"] - 1


def test_speaker_query_matches_every_name_of_one_speaker_across_articles(store):
    for article in HAMDAN_TRIO:  # separate batches, as a stream of ingests would write them
        store.upsert_article(article)
    for name in ("Osama Hamdan", "hamdan", "Hamadan"):
        assert _speaker_articles(store, name) == {"h1", "h2", "h3"}, name
    speaker = store.entity(name="Hamadan")
    assert speaker["name"] == "Osama Hamdan"
    assert {m["name"] for m in speaker["members"]} == {"Osama Hamdan", "Hamdan", "Hamadan"}
    assert speaker["n_statements"] == 3 and speaker["n_articles"] == 3
    methods = {m["entity_name"]: m["method"] for m in store.merges()}
    assert methods == {"Hamdan": "surname", "Hamadan": "fuzzy"}
    assert all(m["reason"] for m in store.merges())
    rows = store.query_statements(speaker="Hamadan")
    assert {r["speaker_canonical_name"] for r in rows} == {"Osama Hamdan"}


@pytest.mark.parametrize("order", [(2, 1, 0), (1, 2, 0), (0, 2, 1)])
def test_merging_does_not_depend_on_arrival_order(tmp_path, order):
    with Store(tmp_path / "s.duckdb") as store:
        for index in order:
            store.upsert_article(HAMDAN_TRIO[index])
        assert store.entity(name="Hamdan")["name"] == "Osama Hamdan"
        assert _speaker_articles(store, "Hamadan") == {"h1", "h2", "h3"}
        assert store.stats()["entities"] == 2  # the speaker, and Israel


def test_same_name_in_another_outlet_group_is_another_speaker(store):
    other = make_article("x1", 'Hamdan said: "Rents will rise."', [("Hamdan", "Rents will rise.")], outlet="City Paper")
    store.upsert_articles([*HAMDAN_TRIO, other])
    assert _speaker_articles(store, "Osama Hamdan") == {"h1", "h2", "h3"}
    assert "x1" in _speaker_articles(store, "Hamdan")
    x1_row = store.query_statements(article_id="x1")[0]
    assert x1_row["speaker_canonical_name"] == "Hamdan"


def test_an_ambiguous_surname_is_not_merged(store):
    text = 'Donald Trump said "yes". Melania Trump said "no". Trump said "maybe".'
    article = make_article(
        "t1", text, [("Donald Trump", "yes"), ("Melania Trump", "no"), ("Trump", "maybe")], outlet="Wire"
    )
    store.upsert_article(article)
    assert store.merges() == []
    assert store.entity(name="Melania Trump")["n_statements"] == 1
    later = make_article("t2", 'Trump said "later".', [("Trump", "later")], outlet="Wire")
    store.upsert_article(later)
    assert store.merges() == []


def test_unmerge_is_recorded_reversible_and_not_redone(store):
    store.upsert_articles(HAMDAN_TRIO)
    misspelt_id = store.query_statements(article_id="h3")[0]["speaker_entity_id"]
    undone = store.unmerge_entity(misspelt_id)
    assert "spelling variant" in undone["reason"]
    assert _speaker_articles(store, "Hamadan") == {"h3"}
    assert _speaker_articles(store, "Osama Hamdan") == {"h1", "h2"}
    undone_rows = [m for m in store.merges(include_undone=True) if m["entity_id"] == misspelt_id]
    assert len(undone_rows) == 1 and undone_rows[0]["undone_at"] is not None
    assert misspelt_id not in {m["entity_id"] for m in store.merges()}
    # A new article naming the same misspelling does not merge it again.
    again = make_article("h4", '"Enough," Hamadan said.', [("Hamadan", "Enough,")], outlet="Gulf Daily")
    store.upsert_article(again)
    assert _speaker_articles(store, "Hamadan") == {"h3", "h4"}
    # A manual merge puts it back, with its reason.
    full_id = store.entity(name="Osama Hamdan")["id"]
    store.merge_entities(misspelt_id, full_id, reason="same person, checked by an editor")
    assert _speaker_articles(store, "Hamadan") == {"h1", "h2", "h3", "h4"}
    with pytest.raises(InputError, match="already one speaker"):
        store.merge_entities(misspelt_id, full_id)
    with pytest.raises(InputError, match="not merged"):
        store.unmerge_entity(full_id)


def test_a_new_alias_of_a_known_speaker_merges_the_entity_it_names(store):
    store.upsert_article(HAMDAN_FULL)
    nickname = make_article("n1", '"Never," Abu Khalid said.', [("Abu Khalid", "Never,")], outlet="Gulf Daily")
    store.upsert_article(nickname)
    assert _speaker_articles(store, "Abu Khalid") == {"n1"}
    text = 'Osama Hamdan, known as Abu Khalid, said: "We will see."'
    with_alias = make_article("n2", text, [("Osama Hamdan", "We will see.")], outlet="Gulf Daily")
    with_alias.entities[0].aliases = ["Abu Khalid"]
    store.upsert_article(with_alias)
    assert _speaker_articles(store, "Abu Khalid") == {"h1", "n1", "n2"}
    (merge,) = store.merges()
    assert merge["method"] == "exact-alias" and "Abu Khalid" in merge["reason"]


def test_pronoun_speakers_stay_article_local(store):
    article = make_article("p1", '"No," he said.', [("he", "No,")], outlet="Wire")
    store.upsert_article(article)
    assert store.con.execute("SELECT count(*) FROM entities").fetchall()[0][0] == 0
    assert store.query_statements(article_id="p1")[0]["speaker_entity_id"] is None


def test_query_filters(store):
    store.upsert_articles(HAMDAN_TRIO)
    assert {r["article_id"] for r in store.query_statements(outlet="gulf daily")} == {"h1", "h2", "h3"}
    assert store.query_statements(outlet="Other") == []
    assert [r["article_id"] for r in store.query_statements(speech_act="accuse")] == ["h2"]
    assert [r["article_id"] for r in store.query_statements(target="Israel")] == ["h2"]
    assert {r["article_id"] for r in store.query_statements(since="2025-01-08")} == {"h2", "h3"}
    assert {r["article_id"] for r in store.query_statements(until="2025-01-08")} == {"h1", "h2"}
    assert [r["article_id"] for r in store.query_statements(text="patience")] == ["h3"]
    newest_first = [r["article_id"] for r in store.query_statements()]
    assert newest_first == ["h3", "h2", "h1"]
    assert [r["article_id"] for r in store.query_statements(limit=1, offset=1)] == ["h2"]
    assert store.count_statements(speaker="Hamdan", since="2025-01-08") == 2
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        store.query_statements(since="last week")


def test_failures_are_upserted_by_source_and_cleared_by_success(store):
    store.record_failure("feed.jsonl:3", "not valid JSON")
    store.record_failure("feed.jsonl:3", "not valid JSON (again)")
    assert [(f["source"], f["reason"]) for f in store.failures()] == [("feed.jsonl:3", "not valid JSON (again)")]
    store.upsert_article(HAMDAN_FULL, source="feed.jsonl:3")
    assert store.failures() == [] and store.stats()["failures"] == 0
    assert "feed.jsonl:3" in store.done_sources()


def test_a_failed_batch_leaves_nothing_behind(store, monkeypatch):
    store.upsert_article(HAMDAN_FULL)
    before = store.stats()

    def broken_link(batch):
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_link", broken_link)
    with pytest.raises(RuntimeError):
        store.upsert_articles([HAMDAN_SURNAME, HAMDAN_MISSPELT])
    monkeypatch.undo()
    assert store.stats() == before
    store.upsert_articles([HAMDAN_SURNAME, HAMDAN_MISSPELT])  # the entity index was reloaded, merging still works
    assert _speaker_articles(store, "Hamadan") == {"h1", "h2", "h3"}


def test_a_second_process_cannot_open_a_store_being_written(tmp_path):
    path = tmp_path / "locked.duckdb"
    with Store(path) as writer:
        writer.upsert_article(HAMDAN_FULL)
        probe = subprocess.run(
            [sys.executable, "-c", f"from saidwhat.store import Store\nStore({str(path)!r}, read_only=True)"],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert probe.returncode != 0
    assert "InputError" in probe.stderr and "holds it" in probe.stderr
    with Store(path, read_only=True) as reader:  # once the writer is closed, readers open it
        assert reader.stats()["articles"] == 1
        with pytest.raises(InputError, match="read-only"):
            reader.upsert_article(HAMDAN_SURNAME)


def test_opening_a_missing_store_read_only_says_how_to_create_one(tmp_path):
    with pytest.raises(InputError, match="saidwhat ingest"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_parquet_export_has_the_table_schemas(store, tmp_path):
    store.upsert_articles(HAMDAN_TRIO)
    store.record_failure("bad.html", "the HTML page is empty")
    count = EXPORTERS["parquet"](store, tmp_path / "out")
    assert count == 3
    for table, schema in TABLE_SCHEMAS.items():
        exported = pq.read_table(tmp_path / "out" / f"{table}.parquet")
        assert exported.schema.names == schema.names, table
        assert [f.type for f in exported.schema] == [f.type for f in schema], table
    statements = pq.read_table(tmp_path / "out" / "statements.parquet").to_pylist()
    assert {s["speaker_name"] for s in statements} == {"Osama Hamdan", "Hamdan", "Hamadan"}


def test_jsonl_export_round_trips_contract_records(store, tmp_path):
    store.upsert_articles(HAMDAN_TRIO)
    assert EXPORTERS["jsonl"](store, tmp_path / "a.jsonl") == 3
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    assert [Article.model_validate_json(line) for line in lines] == sorted(HAMDAN_TRIO, key=lambda a: a.id)


def test_registered_exporter_is_offered_by_the_cli(tmp_path):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        store.upsert_articles(HAMDAN_TRIO)

    def ids_only(store: Store, output: Path) -> int:
        ids = sorted(store.article_ids())
        output.write_text("\n".join(ids), encoding="utf-8")
        return len(ids)

    register_exporter("ids", ids_only)
    try:
        result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "ids", "--output", str(tmp_path / "ids.txt")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "ids.txt").read_text(encoding="utf-8").split() == ["h1", "h2", "h3"]
        unknown = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "nope", "--output", str(tmp_path / "x")])
        assert unknown.exit_code == 2 and "ids" in unknown.output
    finally:
        EXPORTERS.pop("ids")


def test_cli_stats_query_and_unmerge(tmp_path):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        store.upsert_articles(HAMDAN_TRIO)
        misspelt_id = store.query_statements(article_id="h3")[0]["speaker_entity_id"]
    runner = CliRunner()
    stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert stats.exit_code == 0
    counts = orjson.loads(stats.stdout)
    assert {k: counts[k] for k in ("articles", "statements", "entities", "claims", "failures")} == {
        "articles": 3, "statements": 3, "entities": 2, "claims": 0, "failures": 0,
    }
    query = runner.invoke(app, ["query", "--db", str(db), "--speaker", "Hamadan", "--format", "jsonl"])
    assert query.exit_code == 0
    rows = [orjson.loads(line) for line in query.stdout.splitlines()]
    assert {r["article_id"] for r in rows} == {"h1", "h2", "h3"} and {r["speaker"] for r in rows} == {"Osama Hamdan"}
    csv_out = runner.invoke(app, ["query", "--db", str(db), "--text", "patience", "--format", "csv"])
    assert csv_out.stdout.splitlines()[0].startswith("article_id,") and len(csv_out.stdout.splitlines()) == 2
    unmerge = runner.invoke(app, ["entities", "unmerge", misspelt_id, "--db", str(db)])
    assert unmerge.exit_code == 0, unmerge.output
    after = runner.invoke(app, ["query", "--db", str(db), "--speaker", "Osama Hamdan", "--format", "jsonl"])
    assert {orjson.loads(line)["article_id"] for line in after.stdout.splitlines()} == {"h1", "h2"}
    missing = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "saidwhat ingest" in missing.output

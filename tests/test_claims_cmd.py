"""Cross-article checks over a store: `saidwhat claims conflicts`, `saidwhat descriptors`, PLOVER export."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from saidwhat import extract
from saidwhat.cli import app
from saidwhat.crosscheck import ClaimSide, counts_key, descriptor_counts, disagree, find_conflicts, value_range
from saidwhat.store import Store

# One story told by four outlets (written for these tests): two disagree on the hostage count in the
# same week, one agrees within its "about", one is a month later.
STORY = [
    (
        "wire-a",
        "Wire A",
        "2024-01-08",
        "Hamas, the militant group that runs Gaza, is holding 97 hostages, Israeli officials said on Monday. "
        "Benjamin Netanyahu, the Israeli prime minister, said the army would press on.",
    ),
    (
        "paper-b",
        "Paper B",
        "2024-01-10",
        "Hamas is holding 96 hostages in Gaza, according to the Israeli army. "
        "The group, which Britain lists as a terrorist organisation, rejected an Egyptian proposal for a truce.",
    ),
    (
        "site-c",
        "Site C",
        "2024-01-11",
        "About 100 hostages remain in Gaza. Hamas, the militant group, released a video on Wednesday.",
    ),
    (
        "paper-b-later",
        "Paper B",
        "2024-02-20",
        "Israeli officials now say 130 hostages are still held in Gaza by Hamas, the militant group.",
    ),
]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "story.duckdb"
    with Store(path) as store:
        for article_id, outlet, published, text in STORY:
            store.upsert_article(extract(text, published=published, outlet=outlet, article_id=article_id))
    return path


def run(*args: str):
    result = CliRunner().invoke(app, list(args))
    return result


def test_counts_key_and_ranges():
    assert counts_key("hostages") == counts_key("hostage") == "hostage"
    assert counts_key("people killed") == "people killed"
    assert counts_key("casualties") == "casualty"
    assert value_range(1200, "more than", "count") == (1200, float("inf"))
    assert value_range(40, None, "percent") == (39, 41)
    assert value_range(250, "between 200 and 300", "count") == (200, 300)


def side(value: float, qualifier: str | None = None) -> ClaimSide:
    return ClaimSide("a", "c1", None, None, None, "article", str(value), value, qualifier)


def test_disagreement_respects_qualifiers():
    assert disagree(side(97), side(96), "count")
    assert not disagree(side(97), side(100, "about"), "count")
    assert not disagree(side(1200, "more than"), side(1250), "count")
    assert disagree(side(1200, "more than"), side(1139), "count")
    assert not disagree(side(66.67), side(67), "percent")
    assert not disagree(side(250, "between 200 and 300"), side(290), "count")
    assert disagree(side(250, "between 200 and 300"), side(310), "count")


def test_conflicts_in_the_same_week_only(story_db):
    with Store(story_db, read_only=True) as store:
        conflicts = find_conflicts(store.con, window_days=7)
    pairs = {frozenset((c.first.article_id, c.second.article_id)) for c in conflicts}
    assert pairs == {frozenset({"wire-a", "paper-b"})}
    conflict = conflicts[0]
    assert (conflict.counts, conflict.unit) == ("hostage", "count")
    assert {conflict.first.value, conflict.second.value} == {97, 96}
    assert {conflict.first.outlet, conflict.second.outlet} == {"Wire A", "Paper B"}
    with Store(story_db, read_only=True) as store:
        wide = find_conflicts(store.con, window_days=60)
    assert frozenset({"wire-a", "paper-b-later"}) in {frozenset((c.first.article_id, c.second.article_id)) for c in wide}


def test_conflicts_command_json_and_table(story_db):
    result = run("claims", "conflicts", "--db", str(story_db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 1
    texts = {rows[0]["first"]["text"], rows[0]["second"]["text"]}
    assert texts == {"97 hostages", "96 hostages"}
    voices = {rows[0]["first"]["voice"], rows[0]["second"]["voice"]}
    assert all(voice for voice in voices)
    table = run("claims", "conflicts", "--db", str(story_db))
    assert table.exit_code == 0
    assert "97 hostages" in table.stdout and "96 hostages" in table.stdout


def test_descriptors_per_outlet(story_db):
    with Store(story_db, read_only=True) as store:
        counts = descriptor_counts(store.con)
    hamas = [c for c in counts if c.entity == "Hamas" and c.descriptor == "the militant group"]
    assert {c.outlet for c in hamas} >= {"Site C", "Paper B"}
    assert all(c.mentions >= 1 and c.articles >= 1 for c in counts)
    result = run("descriptors", "--db", str(story_db), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and set(rows[0]) == {"outlet", "entity", "entity_id", "descriptor", "mentions", "articles"}
    assert any(r["entity"] == "Hamas" and r["outlet"] == "Site C" for r in rows)


def test_descriptors_csv_to_file(story_db, tmp_path):
    output = tmp_path / "descriptors.csv"
    result = run("descriptors", "--db", str(story_db), "--format", "csv", "--output", str(output))
    assert result.exit_code == 0
    assert output.read_text(encoding="utf-8").startswith("outlet,entity,entity_id,descriptor,mentions,articles")


def test_missing_store_is_a_message_not_a_traceback(tmp_path):
    result = run("claims", "conflicts", "--db", str(tmp_path / "nope.duckdb"))
    assert result.exit_code == 2
    assert "saidwhat ingest" in result.output
    assert "Traceback" not in result.output


def test_plover_export(story_db, tmp_path):
    output = tmp_path / "events.jsonl"
    result = run("export", "--db", str(story_db), "--format", "plover", "--output", str(output))
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert any(e["event"] == ["REJECT"] and e["articleId"] == "paper-b" for e in events)
    ids = {article_id for article_id, *_ in STORY}
    for event in events:
        assert event["articleId"] in ids
        assert event["event"] and event["date"]

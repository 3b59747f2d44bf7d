"""Name normalization and the merge rules of the cross-article entity linker (no engine, no database)."""

from __future__ import annotations

import pytest

from saidwhat.store.linking import GlobalEntity, GroupLinker
from saidwhat.store.names import global_entity_id, is_linkable, normalize_name, outlet_group_for


@pytest.mark.parametrize(
    "name,expected",
    [
        ("President-elect Donald Trump's", "donald trump"),
        ("Mrs Holroyd", "holroyd"),
        ("Hamas’", "hamas"),
        ("José  Muñoz", "jose munoz"),
        ("Sen. Elizabeth Warren", "elizabeth warren"),
        ("The Times of Israel", "times of israel"),
        ("President", "president"),  # a title alone stays: there is nothing else to name
    ],
)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


@pytest.mark.parametrize("name,linkable", [("he", False), ("officials", False), ("Sources", False), ("Hamas", True), ("the coach", False)])
def test_only_names_link_across_articles(name, linkable):
    assert is_linkable(name) is linkable


def test_outlet_group_and_ids():
    assert outlet_group_for("The Guardian", None) == "guardian"
    assert outlet_group_for(None, "https://www.bbc.co.uk/news/world-1") == "bbc.co.uk"
    assert outlet_group_for(None, None) == ""
    assert global_entity_id("wire", "osama hamdan") == global_entity_id("wire", "osama hamdan")
    assert global_entity_id("wire", "osama hamdan") != global_entity_id("gulf daily", "osama hamdan")


def _linker(*names: tuple[str, str]) -> tuple[GroupLinker, dict[str, str]]:
    """Add (name, type) entities one by one, applying the linker's proposals as the store does."""
    linker = GroupLinker()
    ids = {}
    for name, type_ in names:
        norm = normalize_name(name)
        entity = GlobalEntity(global_entity_id("g", norm), norm, name, type_)
        ids[name] = entity.id
        linker.add(entity)
        decision = linker.propose(entity.id)
        if decision is not None:
            linker.apply(decision)
    return linker, ids


def _same(linker: GroupLinker, ids: dict[str, str], a: str, b: str) -> bool:
    return linker.root(ids[a]) == linker.root(ids[b])


def test_spelling_variants_of_full_names_merge_but_other_people_do_not():
    linker, ids = _linker(
        ("Antony Blinken", "PERSON"), ("Anthony Blinken", "PERSON"), ("John Smith", "PERSON"), ("Joan Smyth", "PERSON"),
        ("Hillary Clinton", "PERSON"), ("Bill Clinton", "PERSON"), ("Clinton", "PERSON"),
    )
    assert _same(linker, ids, "Antony Blinken", "Anthony Blinken")
    assert not _same(linker, ids, "John Smith", "Joan Smyth")
    assert not _same(linker, ids, "Hillary Clinton", "Bill Clinton")
    assert not _same(linker, ids, "Clinton", "Bill Clinton") and not _same(linker, ids, "Clinton", "Hillary Clinton")


def test_short_names_and_other_types_are_not_fuzzy_matched():
    linker, ids = _linker(("Hamas", "ORG"), ("Hamad", "ORG"), ("Austria", "GPE"), ("Australia", "GPE"), ("Hamdan", "PERSON"), ("Hamadan", "ORG"))
    assert not _same(linker, ids, "Hamas", "Hamad")
    assert not _same(linker, ids, "Austria", "Australia")
    assert not _same(linker, ids, "Hamdan", "Hamadan")  # a person and an organisation


def test_the_full_name_becomes_the_speakers_name_whatever_came_first():
    linker, ids = _linker(("Hamadan", "PERSON"), ("Hamdan", "PERSON"), ("Osama Hamdan", "PERSON"))
    root = {linker.root(i) for i in ids.values()}
    assert root == {ids["Osama Hamdan"]}


def test_an_undone_merge_is_not_proposed_again():
    linker, ids = _linker(("Osama Hamdan", "PERSON"), ("Hamdan", "PERSON"))
    assert _same(linker, ids, "Osama Hamdan", "Hamdan")
    linker.undo(ids["Hamdan"])
    assert not _same(linker, ids, "Osama Hamdan", "Hamdan")
    assert linker.propose(ids["Hamdan"]) is None

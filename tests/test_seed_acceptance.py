"""The seed article, end to end: what issue "The attribution engine" says must come out of it."""

from __future__ import annotations

import pytest

from saidwhat.models import Article, Statement


def statement_with(article: Article, content_piece: str) -> Statement:
    matches = [s for s in article.statements if content_piece in s.content.text]
    assert matches, f"no statement whose content contains {content_piece!r}"
    assert len(matches) == 1, f"{content_piece!r} is in {len(matches)} statements"
    return matches[0]


def speaker(article: Article, statement: Statement) -> str | None:
    if statement.source is None:
        return None
    entity = article.entity(statement.source.entity)
    return entity.name if entity else None


HAMDAN = "Osama Hamdan"
BLINKEN = "Antony Blinken"

EXPECTED = [
    # (a piece of the content, speaker, kind, speech act or None for any)
    ("His statements are misleading", HAMDAN, "direct", "STATEMENT"),
    ("We are determined to stop the aggression", HAMDAN, "direct", "STATEMENT"),
    ("I think the US president must make more disciplined", HAMDAN, "direct", None),
    ("Hamas was to blame", HAMDAN, "indirect", "DENY"),
    ("Palestinians can only rely on force", HAMDAN, "indirect", "CLAIM"),
    ("What we’ve seen time and again", BLINKEN, "direct", None),
    ("Where is the world?", BLINKEN, "direct", "STATEMENT"),
    ("the terrorists were at fault", BLINKEN, "indirect", "STATEMENT"),
    ("constantly backing out of the cease-fire negotiations", BLINKEN, "indirect", "ACCUSE"),
    ("a partner in the war of extermination", "Hamas", "mixed", "THREATEN"),
    ("it will not end the war until all the hostages are free", "Israel", "indirect", "CLAIM"),
    ("is a non-starter", "Israel", "indirect", None),
    ("hell to pay", "Donald Trump", "mixed", "WARN"),
]


@pytest.mark.parametrize("piece,who,kind,act", EXPECTED, ids=[e[0][:30] for e in EXPECTED])
def test_seed_attribution(seed_article, piece, who, kind, act):
    statement = statement_with(seed_article, piece)
    assert speaker(seed_article, statement) == who
    assert statement.kind == kind
    if act is not None:
        assert statement.speech_act.value == act


def test_hamadan_is_osama_hamdan(seed_article):
    hamdans = [e for e in seed_article.entities if "Hamdan" in e.name or "Hamadan" in e.name]
    assert len(hamdans) == 1
    assert hamdans[0].name == HAMDAN
    assert {"Hamadan", "Hamdan"} <= set(hamdans[0].aliases)
    statement = statement_with(seed_article, "His statements are misleading")
    assert statement.source.text == "Hamadan"


def test_he_added_is_hamdan(seed_article):
    statement = statement_with(seed_article, "We are determined to stop the aggression")
    assert statement.cue.text == "added"
    assert statement.source.text == "he"


def test_blinken_quote_spans_two_paragraphs(seed_article):
    statement = statement_with(seed_article, "Israel, on various occasions")
    assert "Where is the world?" in statement.content.text
    text = seed_article.text
    paragraphs = {text.count("\n", 0, start) for start, _ in statement.content.spans}
    assert len(paragraphs) == 2
    assert speaker(seed_article, statement) == BLINKEN


def test_times_of_israel_quote_context(seed_article):
    statement = statement_with(seed_article, "His statements are misleading")
    assert statement.time is not None and statement.time.text == "Tuesday"
    assert statement.time.value == "2025-01-07" and statement.time.granularity == "day"
    assert statement.place is not None and statement.place.text == "Algeria"
    assert statement.venue is not None and "news conference" in statement.venue.text
    assert [v.text for v in statement.via] == ["The Times of Israel"]
    outlet = seed_article.entity(statement.via[0].entity)
    assert outlet is not None and outlet.name == "The Times of Israel"


def test_blinken_accusation(seed_article):
    statement = statement_with(seed_article, "constantly backing out of the cease-fire negotiations")
    assert statement.target is not None
    assert seed_article.entity(statement.target.entity).name == "Hamas"
    assert statement.time is not None and statement.time.value == "2025-01-04"


def test_hamas_threat_targets_blinken(seed_article):
    statement = statement_with(seed_article, "a partner in the war of extermination")
    assert statement.target is not None
    assert seed_article.entity(statement.target.entity).name == BLINKEN


def test_the_times_is_the_new_york_times(seed_article):
    text = seed_article.text
    start = text.index("the Times on Saturday")
    nyt = [e for e in seed_article.entities if e.name == "The New York Times"]
    assert len(nyt) == 1
    end = start + len("the Times")
    assert any(s < end and start < e for s, e in nyt[0].mentions), "“the Times” is a mention of the NYT"
    toi = next(e for e in seed_article.entities if e.name == "The Times of Israel")
    assert not any(s < end and start < e for s, e in toi.mentions)


def test_entities_are_one_per_referent(seed_article):
    names = [e.name for e in seed_article.entities]
    for name in (HAMDAN, BLINKEN, "Hamas", "Israel", "Donald Trump", "The New York Times", "The Times of Israel"):
        assert names.count(name) == 1, f"{name}: {names.count(name)} entities"
    hamas = next(e for e in seed_article.entities if e.name == "Hamas")
    israel = next(e for e in seed_article.entities if e.name == "Israel")
    assert "the terror group" in hamas.descriptors
    assert "the Jewish state" in israel.descriptors

"""Numeric claims: spans, normalised values, units, qualifiers, what they count, who asserts them."""

from __future__ import annotations

import pytest

from saidwhat import extract
from saidwhat.claims import ARTICLE_VOICE, asserted_by, find_claims, parse_fraction, parse_number
from saidwhat.models import Part, SpeechAct, Statement
from saidwhat.nlp import load_model
from tests.conftest import assert_spans_valid


def claims_of(text: str, published: str = "2024-03-01"):
    article = extract(text, published=published)
    assert_spans_valid(article)
    return article, {c.text: c for c in article.claims}


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("1,200", 1200),
        ("1.5 million", 1_500_000),
        ("20m", 20_000_000),
        ("3bn", 3_000_000_000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two hundred and fifty", 250),
        ("three thousand four hundred", 3400),
        ("97", 97),
    ],
)
def test_parse_number(phrase, value):
    assert parse_number(phrase) == pytest.approx(value)


def test_parse_number_refuses_words_that_are_not_numbers():
    assert parse_number("several") is None
    assert parse_number("") is None


@pytest.mark.parametrize(("phrase", "value"), [("two-thirds", 2 / 3), ("a quarter", 0.25), ("half", 0.5)])
def test_parse_fraction(phrase, value):
    assert parse_fraction(phrase) == pytest.approx(value)


def test_seed_claims_values_units_and_counts(seed_article):
    assert_spans_valid(seed_article)
    by_text = {c.text: c for c in seed_article.claims}
    hostages = by_text["97 hostages"]
    assert (hostages.value, hostages.unit, hostages.counts) == (97, "count", "hostages")
    days = by_text["more than 450 days"]
    assert (days.value, days.unit, days.qualifier) == (450, "day", "more than")
    killed = by_text["more than 1,200 people"]
    assert (killed.value, killed.qualifier, killed.counts) == (1200, "more than", "people killed")
    kidnapped = by_text["another 251 others"]
    assert (kidnapped.value, kidnapped.qualifier, kidnapped.counts) == (251, "another", "people kidnapped")
    assert by_text["Oct. 7"].unit == "date"
    assert by_text["Oct. 7"].counts == "invade"


def test_seed_claims_in_blinkens_statement(seed_article):
    """97 and 450 sit in "where he said the terrorists were at fault … for more than 450 days"."""
    by_text = {c.text: c for c in seed_article.claims}
    statements = {s.id: s for s in seed_article.statements}
    for text in ("97 hostages", "more than 450 days"):
        owner = by_text[text].asserted_by
        assert owner in statements, f"{text!r} should sit in a statement, got {owner!r}"
        assert statements[owner].source is not None and "he" in statements[owner].source.text.lower()


def test_seed_claims_in_the_article_voice(seed_article):
    by_text = {c.text: c for c in seed_article.claims}
    assert by_text["more than 1,200 people"].asserted_by == ARTICLE_VOICE
    assert by_text["another 251 others"].asserted_by == ARTICLE_VOICE


def test_money_percent_fraction_and_duration():
    _, claims = claims_of(
        "The government pledged $3 billion in military aid to Kyiv. About 40% of voters backed the plan, "
        "and two-thirds of the council approved it. The project ran for three years and cost £20m."
    )
    aid = claims["$3 billion in military aid"]
    assert (aid.value, aid.unit, aid.counts) == (3e9, "USD", "military aid")
    voters = claims["About 40% of voters"]
    assert (voters.value, voters.unit, voters.qualifier, voters.counts) == (40, "percent", "about", "voters")
    council = claims["two-thirds of the council"]
    assert council.unit == "percent" and council.value == pytest.approx(66.67)
    assert claims["three years"].unit == "year" and claims["three years"].value == 3
    assert (claims["£20m"].value, claims["£20m"].unit) == (2e7, "GBP")


def test_uk_style_and_present_tense_sources():
    article, claims = claims_of(
        "Nearly 300 homes were flooded in Yorkshire, the Environment Agency says. "
        "A spokesman said: \"Up to 1.5 million people could lose power tonight.\" "
        "Unemployment rose to 4.5 per cent in the quarter."
    )
    assert claims["Nearly 300 homes"].qualifier == "nearly"
    assert claims["Nearly 300 homes"].counts == "homes"
    power = claims["Up to 1.5 million people"]
    assert power.value == 1.5e6 and power.qualifier == "up to"
    assert claims["4.5 per cent"].counts == "unemployment"
    quoted = [s.id for s in article.statements if "1.5 million" in s.content.text]
    # Whether the quote is found is the attribution stage's job; when it is, the claim is its speaker's.
    assert power.asserted_by == (quoted[0] if quoted else ARTICLE_VOICE)


def test_identifiers_are_not_claims():
    _, claims = claims_of(
        "The Covid-19 inquiry met at 3 p.m. and read page 5 of the report on the F-16 contract. "
        "One of the witnesses left. A dozen soldiers were wounded."
    )
    assert set(claims) == {"A dozen soldiers"}
    assert claims["A dozen soldiers"].value == 12


def test_level_verbs_count_their_subject_and_ages():
    _, claims = claims_of(
        "The death toll reached 45,000 on Monday. The 67-year-old farmer lost 500 euros."
    )
    assert claims["45,000"].counts == "death toll"
    assert (claims["67-year-old farmer"].value, claims["67-year-old farmer"].counts) == (67, "age")
    assert claims["500 euros"].unit == "EUR"


def test_dates_of_events():
    _, claims = claims_of(
        "Police arrested twenty-five protesters on 7 October 2023. The inauguration on Jan. 20 was "
        "moved indoors. The law was passed in 2016."
    )
    assert claims["twenty-five protesters"].value == 25
    for date in ("7 October 2023", "Jan. 20", "2016"):
        assert claims[date].unit == "date" and claims[date].value is None
    assert claims["Jan. 20"].counts == "inauguration"
    assert claims["7 October 2023"].counts == "arrest"


def test_ranges_ratios_and_scores():
    _, claims = claims_of(
        "Between 200 and 300 people attended the vigil in Leeds. Turnout was 20-30 per cent. "
        "One in five adults still smokes. The final score was 3-1. The plan ran in 2019-2021."
    )
    crowd = claims["Between 200 and 300 people"]
    assert (crowd.value, crowd.qualifier, crowd.counts) == (250, "between 200 and 300", "people attended")
    turnout = claims["20-30 per cent"]
    assert (turnout.unit, turnout.value) == ("percent", 25)
    assert (claims["One in five adults"].value, claims["One in five adults"].counts) == (20, "adults")
    assert claims["2019-2021"].unit == "date"
    assert not any("3-1" in text or text in {"3", "1"} for text in claims)


def test_thousands_are_never_split():
    _, claims = claims_of("A 3,000-strong force crossed the border, and 12,500 refugees fled.")
    assert claims["3,000"].value == 3000
    assert claims["12,500 refugees"].value == 12500
    assert "3" not in claims and "000" not in claims


def test_numbers_in_a_source_are_sourcing_not_claims():
    doc = load_model()("Two senior officials said 40 people died.")
    statement = Statement(
        id="s1",
        kind="indirect",
        speech_act=SpeechAct.STATEMENT,
        source={"text": "Two senior officials", "spans": [(0, 20)]},
        content=Part(text="40 people died", spans=[(26, 40)]),
        confidence=0.9,
    )
    claims = find_claims(doc, [statement])
    assert [(c.text, c.counts, c.asserted_by) for c in claims] == [("40 people", "people died", "s1")]


def test_asserted_by_picks_the_innermost_statement():
    outer = Statement(
        id="s1", kind="indirect", speech_act=SpeechAct.STATEMENT, content=Part(text="x" * 50, spans=[(0, 50)]),
        confidence=1.0,
    )
    inner = Statement(
        id="s2", kind="direct", speech_act=SpeechAct.STATEMENT, content=Part(text="x" * 10, spans=[(10, 20)]),
        confidence=1.0,
    )
    assert asserted_by((12, 15), [outer, inner]) == "s2"
    assert asserted_by((45, 55), [outer, inner]) == ARTICLE_VOICE


def test_no_numbers_no_claims():
    article, _ = claims_of("The minister resigned after a long row with her party.")
    assert article.claims == []

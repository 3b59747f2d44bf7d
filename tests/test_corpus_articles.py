"""Test articles for the corpus, store and Spark tests (written for these tests; no corpus text).

Varied on purpose: wire style, UK style ``said:``, present tense ``says``, a long feature, several
topics, and three articles of one outlet naming one speaker three ways ("Osama Hamdan", "Hamdan",
"Hamadan") for cross-article entity merging. The tests here check the engine handles each one
with valid spans, so a broken fixture shows up here rather than as a puzzling store failure.
"""

from __future__ import annotations

import pytest

from tests.conftest import assert_spans_valid

WIRE_PORT = (
    "ROTTERDAM, March 3 (Wire) - Dock workers at Europe's largest port will strike for 48 hours "
    "from Thursday, their union said on Monday, threatening fresh delays for shipping lines.\n"
    "\"We have given management every chance to make a fair offer,\" union leader Marieke de Vries "
    "told reporters outside the port authority's offices.\n"
    "The port authority said in a statement that it regretted the decision and urged the union to "
    "return to talks. A spokesman declined to say how many ships would be affected.\n"
    "Freight analyst Tom Becker said the strike could add a week to delivery times across northern Europe."
)

UK_FLOODS = (
    "Residents of a Yorkshire village have been told to prepare for more flooding after the river "
    "burst its banks for the second time this month.\n"
    "Councillor Janet Holroyd said: \"People are exhausted. They have barely finished drying out "
    "their homes and now they are being asked to move their furniture upstairs again.\"\n"
    "The Environment Agency said three flood warnings remained in place on Sunday evening.\n"
    "Mrs Holroyd added that the council would open the village hall as an emergency shelter."
)

SAYS_CLINIC = (
    "A rural clinic in Kenya's Rift Valley is running out of malaria tests, its head nurse says.\n"
    "\"Every week we turn away mothers with feverish children because we have nothing to test them "
    "with,\" says Grace Wanjiru, who has run the clinic for eleven years.\n"
    "The county health office says a delivery of 5,000 test kits is on its way. Wanjiru says she "
    "has heard that promise before."
)

FEATURE_CHESS = (
    "The teenager who beat three grandmasters in a week\n"
    "When Priya Raman sat down for the first round of the Reykjavik Open, nobody in the hall had "
    "heard of her. By the final day, the 15-year-old from Chennai had beaten three grandmasters and "
    "finished second overall.\n"
    "\"I was not thinking about their titles,\" Raman said after her last game. \"I was thinking "
    "about the position in front of me.\"\n"
    "Her coach, Vikram Iyer, said she trains for six hours a day and spends most of that time on "
    "endgames rather than openings. Iyer said her calm under pressure was unusual for her age.\n"
    "Tournament director Helgi Olafsson said the organisers had received more than 200 messages "
    "from chess clubs in India asking how to watch her games.\n"
    "Raman's mother, a schoolteacher, said the family had borrowed money to pay for the trip. "
    "\"We did not expect any prize money,\" she said. \"We expected a good experience.\"\n"
    "The Indian chess federation said on Tuesday it would cover her travel costs for the next two "
    "international events. Olafsson said he expected her to return next year as a favourite."
)

HAMDAN_1 = (
    "Osama Hamdan, a senior Hamas official, said on Tuesday that the group would not accept a deal "
    "that left Israeli troops in Gaza.\n"
    "\"There will be no agreement without a full withdrawal,\" Osama Hamdan told a news conference in Beirut."
)

HAMDAN_2 = (
    "Hamas official Hamdan accused Israel of blocking aid convoys at the Rafah crossing.\n"
    "\"The crossing has been closed for eleven days,\" Hamdan said."
)

HAMDAN_3 = (
    "Speaking in Algiers, Hamadan warned that the talks could collapse within days.\n"
    "\"We are close to the end of our patience,\" Hamadan said on Wednesday."
)

MARKETS = (
    "Shares in Nordic Timber fell 12 percent on Friday after the company cut its profit forecast "
    "for the third time this year.\n"
    "Chief executive Lars Nyberg said demand from builders in Germany had weakened sharply. "
    "\"We are not seeing the recovery we expected in the second half,\" Nyberg told analysts on a call.\n"
    "Analysts at Fjord Securities said the cut was larger than they had feared."
)

# (id, outlet, published, text): the corpus the ingest, kill and Spark tests share.
CORPUS: list[tuple[str, str, str, str]] = [
    ("wire-port", "Wire", "2025-03-03", WIRE_PORT),
    ("uk-floods", "Northern Post", "2025-02-16", UK_FLOODS),
    ("says-clinic", "Health Desk", "2024-11-20", SAYS_CLINIC),
    ("feature-chess", "Weekend Magazine", "2025-01-12", FEATURE_CHESS),
    ("hamdan-1", "Gulf Daily", "2025-01-07", HAMDAN_1),
    ("hamdan-2", "Gulf Daily", "2025-01-08", HAMDAN_2),
    ("hamdan-3", "Gulf Daily", "2025-01-09", HAMDAN_3),
    ("markets", "Wire", "2025-03-07", MARKETS),
]


@pytest.mark.parametrize("article_id,outlet,published,text", CORPUS, ids=[c[0] for c in CORPUS])
def test_fixture_articles_analyse_with_valid_spans(article_id, outlet, published, text):
    from saidwhat import extract

    article = extract(text, published=published, outlet=outlet, article_id=article_id)
    assert article.text == text
    assert article.statements, f"{article_id}: the engine found no statement; the fixture is not testing anything"
    assert_spans_valid(article)

"""The content-boundary stage: candidate ends, the ranking, the packaged weights, training."""

from __future__ import annotations

import json

import pytest

from saidwhat import extract
from saidwhat.attributions import find_attributions
from saidwhat.model.boundaries import (
    END_WINDOW,
    BoundaryModel,
    blocked_tokens,
    candidates,
    packaged_boundary_model,
)
from saidwhat.nlp import load_model
from saidwhat.records import FoundAttribution
from tests.conftest import assert_spans_valid

TEXT = (
    "The mayor said the bridge would close in May for repairs, angering commuters who rely on it.\n\n"
    "Officials declined to comment."
)


def _proposal(text: str, content: str, cue: str) -> tuple:
    doc = load_model()(text)
    start = text.index(content)
    cue_start = text.index(cue)
    attribution = FoundAttribution(
        content=[(start, start + len(content))], kind="indirect", cue=[(cue_start, cue_start + len(cue))]
    )
    return doc, attribution


def test_candidates_start_with_the_proposal_and_stay_in_the_paragraph():
    doc, attribution = _proposal(TEXT, "the bridge would close in May", "said")
    options = candidates(doc, attribution, blocked_tokens(doc, [attribution]))
    ends = [doc[e - 1].idx + len(doc[e - 1].text) for e in options.ends]
    assert TEXT[doc[options.start].idx : ends[0]] == "the bridge would close in May"
    assert len(set(options.ends)) == len(options.ends) == len(options.features)
    paragraph_end = TEXT.index("\n")
    assert all(end <= paragraph_end for end in ends)
    assert max(ends) == TEXT.index(".\n")  # grows to the sentence's last word: "… rely on it"
    assert min(options.ends) > options.start
    assert all(not doc[e - 1].is_punct for e in options.ends)  # candidates end on words
    assert len(options.ends) <= 2 * END_WINDOW + 1


def test_candidates_never_take_in_a_cue_or_source():
    text = "The bridge will close in May, the mayor said on Tuesday."
    doc, attribution = _proposal(text, "The bridge will close", "said")
    attribution.source = [(text.index("the mayor"), text.index("the mayor") + len("the mayor"))]
    options = candidates(doc, attribution, blocked_tokens(doc, [attribution]))
    ends = [doc[e - 1].idx + len(doc[e - 1].text) for e in options.ends]
    assert max(ends) == text.index(",")  # "… in May": stops before the source


def test_a_content_of_several_pieces_is_left_alone():
    doc = load_model()(TEXT)
    attribution = FoundAttribution(content=[(4, 9), (15, 20)], kind="indirect")
    assert candidates(doc, attribution, set()) is None


def test_the_best_scoring_end_wins_and_the_proposal_wins_ties():
    doc, attribution = _proposal(TEXT, "the bridge would close in May", "said")
    options = candidates(doc, attribution, set())
    assert BoundaryModel(weights={}, card={}).choose(options) == options.ends[0]
    # A model that likes ending before a comma-set participle and takes in "for repairs".
    chosen = BoundaryModel(weights={"next=,": 5.0}, card={}).choose(options)
    assert TEXT[doc[options.start].idx : doc[chosen - 1].idx + len(doc[chosen - 1].text)] == (
        "the bridge would close in May for repairs"
    )


def test_refinement_only_moves_ends_of_reported_speech():
    text = (
        "“We will close the bridge in May,” the mayor said.\n\n"
        "The council argued that the repairs were overdue, citing a 2019 inspection report."
    )
    doc = load_model()(text)
    proposed = find_attributions(doc, refine=False)
    refined = find_attributions(doc)
    assert [(a.cue, a.content[0][0]) for a in proposed] == [(a.cue, a.content[0][0]) for a in refined]
    direct = [(p, r) for p, r in zip(proposed, refined) if p.kind == "direct"]
    assert direct and all(p.content == r.content for p, r in direct)
    assert_spans_valid(extract(text))


def test_packaged_weights_are_shipped_and_their_card_reports_dev():
    model = packaged_boundary_model()
    assert model is not None and len(model.weights) > 100
    dev = model.card["dev_exact_ends"]
    assert dev["refined"]["exact"] >= dev["proposed"]["exact"]
    assert model.card["data"]["train"].startswith("PolNeAR train")


@pytest.mark.polnear
def test_training_writes_weights_the_engine_can_load(polnear_root, tmp_path):
    from saidwhat.model.train_boundaries import train_boundaries

    output = tmp_path / "boundaries.json"
    card = train_boundaries(polnear_root, output, limit=6, cache_dir=tmp_path / "cache", score_dev=False)
    assert card["data"]["articles"] == 6 and card["data"]["examples"] > 0
    model = BoundaryModel.from_path(output)
    assert model.weights and json.loads(output.read_text())["card"] == card
    proposed, refined = card["train_exact_ends"]["proposed"], card["train_exact_ends"]["refined"]
    assert proposed["proposals"] == refined["proposals"] == card["data"]["examples"]

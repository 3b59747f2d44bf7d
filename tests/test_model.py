"""The trained attribution span model: tags, decoding, the packaged artifact, and training."""

from __future__ import annotations

import json

import pytest

from saidwhat.eval.brat import GoldAttribution
from saidwhat.models import Article, EntityPart, Part, SpeechAct, Statement, part_text
from saidwhat.model import tagger as tagger_module
from saidwhat.model.decode import decode
from saidwhat.model.features import CueLexicon, doc_features
from saidwhat.model.tags import Chunk, chunks, gold_tags, sequence_tokens
from saidwhat.nlp import load_model
from tests.conftest import assert_spans_valid


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def packaged():
    model = tagger_module.packaged_tagger()
    if model is None:
        pytest.fail("the packaged model src/saidwhat/data/attribution-model.* is missing; run `make train`")
    return model


def as_article(text: str, found) -> Article:
    """The contract record of model output, so the shared span check can read it."""
    statements = []
    for i, attribution in enumerate(found):
        statements.append(
            Statement(
                id=f"s{i + 1}",
                kind=attribution.kind,
                speech_act=SpeechAct.STATEMENT,
                cue=Part(text=part_text(text, attribution.cue), spans=attribution.cue) if attribution.cue else None,
                source=EntityPart(text=part_text(text, attribution.source), spans=attribution.source)
                if attribution.source
                else None,
                content=Part(text=part_text(text, attribution.content), spans=attribution.content),
                confidence=attribution.confidence,
            )
        )
    return Article(id="t", text=text, statements=statements)


def predict(nlp, text: str):
    found = tagger_module.predict_attributions(nlp(text))
    assert_spans_valid(as_article(text, found))
    for attribution in found:
        assert attribution.origin == "model"
        assert 0.0 <= attribution.confidence <= 1.0
    return found


def texts(text: str, spans) -> list[str]:
    return [text[s:e] for s, e in spans or ()]


def find_by_cue(text: str, found, cue_word: str):
    matches = [a for a in found if any(cue_word in piece for piece in texts(text, a.cue))]
    assert matches, f"no attribution with cue {cue_word!r} in {[texts(text, a.cue) for a in found]}"
    return matches[0]


# --- tags -------------------------------------------------------------------------------------


def test_gold_tags_map_character_spans_to_bio_tokens(nlp):
    text = "The minister said on Monday that the plan would go ahead.\n\nNothing else happened."
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    assert all(not t.is_space for t in tokens)
    cue = (text.index("said"), text.index("said") + 4)
    # Annotators' spans may carry stray whitespace and may end inside a token.
    content = (text.index("the plan") - 1, text.index("ahead") + 3)
    gold = [GoldAttribution(id="E1", cue=[cue], source=[(0, 12)], content=[content])]
    tags = gold_tags(doc, tokens, gold)
    by_word = {t.text: tag for t, tag in zip(tokens, tags) if t.text in ("The", "minister", "said", "on", "plan", "ahead", "Nothing")}
    assert by_word == {
        "The": "B-SOURCE",
        "minister": "I-SOURCE",
        "said": "B-CUE",
        "on": "O",
        "plan": "I-CONTENT",
        "ahead": "I-CONTENT",
        "Nothing": "O",
    }
    assert tags[[t.text for t in tokens].index("the")] == "B-CONTENT"


def test_chunks_split_on_role_change_and_stray_inside_tags():
    tags = ["B-CONTENT", "I-CONTENT", "O", "I-CUE", "B-SOURCE", "I-SOURCE", "B-SOURCE", "I-CONTENT"]
    assert chunks(tags) == [
        Chunk("CONTENT", 0, 2),
        Chunk("CUE", 3, 4),
        Chunk("SOURCE", 4, 6),
        Chunk("SOURCE", 6, 7),
        Chunk("CONTENT", 7, 8),
    ]


# --- decoding -----------------------------------------------------------------------------------


def tag_words(tokens, assignments: dict[str, str]) -> list[str]:
    """BIO tags from a word -> role map (a run of tokens with one role is one chunk)."""
    tags, previous = [], None
    for token in tokens:
        role = assignments.get(token.text)
        tags.append("O" if role is None else ("I-" if role == previous else "B-") + role)
        previous = role
    return tags


def test_decode_joins_a_split_quote_into_one_attribution(nlp):
    text = "“We will not back down”, she said, “not this year”"
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    roles = {"she": "SOURCE", "said": "CUE"}
    tags = []
    for token in tokens:
        role = roles.get(token.text)
        if role is None and token.text != ",":
            role = "CONTENT"
        tags.append(role)
    bio = []
    for i, role in enumerate(tags):
        bio.append("O" if role is None else ("I-" if i and tags[i - 1] == role else "B-") + role)
    found = decode(tokens, bio, [0.9] * len(tokens))
    assert len(found) == 1
    (attribution,) = found
    assert texts(text, attribution.source) == ["she"]
    assert texts(text, attribution.cue) == ["said"]
    assert texts(text, attribution.content) == ["“We will not back down”", "“not this year”"]
    assert attribution.kind == "direct"
    assert attribution.cue_lemma == "say"
    assert attribution.confidence == pytest.approx(0.9)


def test_decode_gives_each_content_the_cue_that_governs_it(nlp):
    text = "Smith said taxes would fall, while Jones claimed they would rise."
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    tags = tag_words(tokens, {"Smith": "SOURCE", "said": "CUE", "Jones": "SOURCE", "claimed": "CUE"})
    for i, token in enumerate(tokens):
        if token.text in ("taxes", "they"):
            tags[i] = "B-CONTENT"
        elif token.text in ("would", "fall", "rise"):
            tags[i] = "I-CONTENT"
    found = decode(tokens, tags, [1.0] * len(tokens))
    pairs = {(texts(text, a.source)[0], texts(text, a.cue)[0], texts(text, a.content)[0]) for a in found}
    assert pairs == {("Smith", "said", "taxes would fall"), ("Jones", "claimed", "they would rise")}
    assert all(a.kind == "indirect" for a in found)


def test_decode_trims_loose_punctuation_off_a_tagged_source(nlp):
    text = "Dr Amara Osei, the chief medical officer, rejected the criticism."
    tokens = sequence_tokens(nlp(text))
    cue = next(t.i for t in tokens if t.text == "rejected")
    # The CRF tagged everything before the cue as source, the comma after "officer" included.
    tags = ["B-SOURCE"] + ["I-SOURCE"] * (cue - 1) + ["B-CUE", "B-CONTENT", "I-CONTENT", "O"]
    assert tokens[cue - 1].text == ","
    (found,) = decode(tokens, tags, [1.0] * len(tokens))
    assert texts(text, found.source) == ["Dr Amara Osei, the chief medical officer"]
    assert texts(text, found.content) == ["the criticism"]


def test_decode_drops_cues_without_content_and_strips_auxiliaries(nlp):
    text = "He has not denied it. Officials said."
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    tags = tag_words(tokens, {"He": "SOURCE", "has": "CUE", "not": "CUE", "denied": "CUE", "it": "CONTENT", "said": "CUE"})
    found = decode(tokens, tags, [0.5] * len(tokens))
    assert len(found) == 1
    assert found[0].cue_lemma == "deny"
    assert texts(text, found[0].cue) == ["has not denied"]


def test_features_are_one_list_per_token_and_mark_quotes(nlp):
    text = "“It is over,” he said.\n\n“Really"
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    features = doc_features(doc, tokens, CueLexicon({"say": 0.9}))
    assert len(features) == len(tokens)
    inside = {t.text: "q=1" in f for t, f in zip(tokens, features)}
    assert inside["It"] and inside["over"] and not inside["he"] and not inside["said"]
    # A paragraph break ends the open quotation state; the new paragraph's quote reopens it.
    assert inside["Really"]
    said = features[[t.text for t in tokens].index("said")]
    assert "cl=high" in said
    he = features[[t.text for t in tokens].index("he")]
    assert "pd=nsubj" in he


def test_features_describe_the_governing_verb_and_a_cue_taking_a_clause(nlp):
    text = "She said the bridge would reopen in May. The bridge is old."
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    features = dict(zip((t.text + str(t.i) for t in tokens), doc_features(doc, tokens, CueLexicon({"say": 0.9}))))
    said = features["said1"]
    assert "cl|comp=high|1" in said and "subj=PRON" in said and "cl|subj=high|PRON" in said
    # The reported clause's verb hangs from the cue verb, its subject from the reported verb;
    # words of the next sentence have no cue above them.
    assert {"gv=say", "gvl=high"} <= set(features["reopen5"])
    assert "gv=reopen" in features["bridge3"]
    assert "gvl=high" not in features["old12"]


def test_features_of_a_sentence_do_not_depend_on_where_the_text_starts(nlp):
    """No document-edge markers: PolNeAR opens every article with a headline, and an edge marker would
    teach the CRF that a text's first words are never attributions (short texts lose the most)."""
    sentence = "Officials said the road would reopen."
    alone, after = nlp(sentence), nlp("Traffic.\n\n" + sentence)
    lexicon = CueLexicon({"say": 0.9})
    first_alone = doc_features(alone, sequence_tokens(alone), lexicon)[0]
    first_after = doc_features(after, sequence_tokens(after), lexicon)[2]
    assert not [f for f in first_alone if f.startswith("-1") or f.startswith("-2")]
    assert set(first_alone) - set(first_after) == set()


# --- the packaged model -----------------------------------------------------------------------------


def test_packaged_artifact_loads_with_its_card(packaged):
    card = packaged.card
    assert card["feature_count"] > 1000
    assert {"B-CUE", "I-CUE", "B-SOURCE", "B-CONTENT", "I-CONTENT", "O"} <= set(card["labels"])
    assert card["cue_lexicon"]["say"] > 0.5
    assert card["dev"]["articles"] > 0
    assert tagger_module.packaged_tagger() is packaged  # loaded once per process


def test_reporting_verb_with_that_clause(nlp, packaged):
    text = "The minister said on Monday that the plan would go ahead."
    found = predict(nlp, text)
    attribution = find_by_cue(text, found, "said")
    assert texts(text, attribution.source) == ["The minister"]
    assert "the plan would go ahead" in " ".join(texts(text, attribution.content))
    assert attribution.kind == "indirect"
    assert attribution.cue_lemma == "say"


def test_inverted_source_after_content(nlp, packaged):
    text = "Prices will rise, analysts warned."
    found = predict(nlp, text)
    attribution = find_by_cue(text, found, "warned")
    assert texts(text, attribution.source) == ["analysts"]
    assert "Prices will rise" in " ".join(texts(text, attribution.content))
    assert attribution.cue_lemma == "warn"


WIRE_ARTICLE = """LONDON (Reuters) - Britain's biggest water utility warned on Tuesday that bills would have to rise by a fifth to pay for new sewage works.

"We cannot keep patching pipes laid in the reign of Queen Victoria," chief executive Helen Marsh told reporters at the company's headquarters.

The regulator said it would publish its decision in December. A spokesman for the environment ministry declined to comment.
"""

UK_ARTICLE = """The head of the hospital trust said: "Our staff have worked through the night and I want to thank every one of them."

Nurses' leaders believe the closure of the ward was avoidable. According to the union, more than 200 shifts went unfilled last month.
"""

PRESENT_TENSE_FEATURE = """Maria Okafor has farmed cocoa near Kumasi for thirty years. She says the rains now arrive a month late, and that the trees no longer flower when they should.

"Every season is a gamble," she says, walking between the rows. Her neighbour thinks the government should pay for irrigation.

Scientists at the University of Ghana estimate that yields in the region have fallen by a third since 2010, though the cocoa board insists the decline is temporary.
"""


@pytest.mark.parametrize(
    ("article", "cue", "source", "content_words"),
    [
        # The dateline before it leaves the parse unsure of the subject's modifiers: the head noun is found.
        (WIRE_ARTICLE, "warned", "utility", "bills would have to rise"),
        (WIRE_ARTICLE, "told", "chief executive Helen Marsh", "We cannot keep patching pipes"),
        (WIRE_ARTICLE, "said", "The regulator", "it would publish its decision"),
        (UK_ARTICLE, "said", "The head of the hospital trust", "Our staff have worked through the night"),
        (UK_ARTICLE, "believe", "Nurses' leaders", "the closure of the ward was avoidable"),
        (PRESENT_TENSE_FEATURE, "says", "She", "the rains now arrive a month late"),
        (PRESENT_TENSE_FEATURE, "insists", "the cocoa board", "the decline is temporary"),
    ],
)
def test_varied_articles(nlp, packaged, article, cue, source, content_words):
    found = predict(nlp, article)
    matches = [
        a
        for a in found
        if any(cue in piece for piece in texts(article, a.cue)) and content_words in " ".join(texts(article, a.content))
    ]
    assert matches, [(texts(article, a.cue), texts(article, a.content)) for a in found]
    assert source in " ".join(texts(article, matches[0].source))


@pytest.mark.parametrize(
    ("text", "cue", "source", "content_words"),
    [
        ("Shell said on Thursday it would cut 500 jobs in Aberdeen.", "said", "Shell", "it would cut 500 jobs"),
        ("Police believe the fire was started deliberately.", "believe", "Police", "the fire was started deliberately"),
        (
            "The club has confirmed that its manager will leave at the end of the season.",
            "confirmed",
            "The club",
            "its manager will leave",
        ),
    ],
)
def test_reported_speech_opening_a_text_without_headline(nlp, packaged, text, cue, source, content_words):
    """The model has no document-edge features, so a text's first words are tagged like any others."""
    attribution = find_by_cue(text, predict(nlp, text), cue)
    assert texts(text, attribution.source) == [source]
    assert content_words in " ".join(texts(text, attribution.content))
    assert attribution.kind == "indirect"


def test_direct_quote_kind(nlp, packaged):
    text = '"We cannot keep patching pipes laid a century ago," the chief executive told reporters.'
    found = predict(nlp, text)
    attribution = find_by_cue(text, found, "told")
    assert attribution.kind == "direct"


def test_text_without_attributions_gives_nothing(nlp, packaged):
    text = "The bridge opened in 1932. It carries four lanes of traffic across the river."
    assert predict(nlp, text) == []
    assert tagger_module.predict_attributions(nlp("   \n\n ")) == []


def test_missing_artifact_gives_no_attributions(nlp, tmp_path, monkeypatch):
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(tagger_module.resources, "files", lambda package: tmp_path)
    tagger_module.packaged_tagger.cache_clear()
    try:
        assert tagger_module.predict_attributions(nlp("Officials said the road would reopen.")) == []
    finally:
        monkeypatch.undo()
        tagger_module.packaged_tagger.cache_clear()


def test_a_candidate_artifact_is_loaded_from_the_environment(packaged, tmp_path, monkeypatch):
    card = dict(packaged.card, note="candidate")
    (tmp_path / "candidate.crfsuite").write_bytes(packaged.model_bytes)
    (tmp_path / "candidate.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setenv(tagger_module.MODEL_ENV, str(tmp_path / "candidate"))
    tagger_module.packaged_tagger.cache_clear()
    try:
        assert tagger_module.packaged_tagger().card["note"] == "candidate"
    finally:
        monkeypatch.undo()
        tagger_module.packaged_tagger.cache_clear()
    assert "note" not in tagger_module.packaged_tagger().card


# --- training ---------------------------------------------------------------------------------------


@pytest.mark.polnear
def test_training_is_deterministic_on_a_tiny_subset(polnear_root, tmp_path):
    from saidwhat.model.train import TrainingParams, train

    params = TrainingParams(max_iterations=15)
    cards = []
    for run in ("a", "b"):
        card = train(
            polnear_root, tmp_path / run / "m", seed=7, limit=4, params=params, cache_dir=tmp_path / "cache", score_dev=False
        )
        cards.append(card)
    model_a = (tmp_path / "a" / "m.crfsuite").read_bytes()
    assert model_a == (tmp_path / "b" / "m.crfsuite").read_bytes()
    for card in cards:
        for timing in ("train_seconds", "train_cpu_seconds", "fit_seconds"):
            card.pop(timing)
    assert cards[0] == cards[1]
    assert cards[0]["data"]["articles"] == 4 and cards[0]["seed"] == 7
    assert cards[0]["feature_count"] > 0
    written = json.loads((tmp_path / "a" / "m.json").read_text())
    assert written["cue_lexicon"] == cards[0]["cue_lexicon"]
    # The trained model runs through the same loader the package uses.
    model = tagger_module.AttributionTagger.from_path(tmp_path / "a" / "m")
    assert isinstance(model.predict(load_model()("Officials said the road would reopen.")), list)


def test_train_command_reports_a_missing_corpus(tmp_path):
    from typer.testing import CliRunner

    from saidwhat.cli import app

    result = CliRunner().invoke(app, ["train", str(tmp_path / "nowhere"), "--output", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "PolNeAR layout" in result.output
    assert not (tmp_path / "m.crfsuite").exists()


def test_an_unparsed_doc_is_refused_with_advice(packaged):
    import spacy

    from saidwhat.errors import InputError

    blank = spacy.blank("en")("Officials said the road would reopen.")
    with pytest.raises(InputError, match="dependency parse"):
        packaged.predict(blank)


SPORTS_REPORT = (
    '"We are not going anywhere," the coach said after the match. "This team has too much heart."\r\n\r\n'
    "Witnesses described hearing three loud bangs from the stands before the second half."
)


def test_split_quote_across_sentences_and_crlf_paragraphs(nlp, packaged):
    found = predict(nlp, SPORTS_REPORT)
    attribution = find_by_cue(SPORTS_REPORT, found, "said")
    assert texts(SPORTS_REPORT, attribution.source) == ["the coach"]
    quoted = texts(SPORTS_REPORT, attribution.content)
    assert any("not going anywhere" in piece for piece in quoted)
    assert any("too much heart" in piece for piece in quoted)
    assert attribution.kind == "direct"
    described = find_by_cue(SPORTS_REPORT, found, "described")
    assert texts(SPORTS_REPORT, described.source) == ["Witnesses"]


@pytest.mark.parametrize("text", ["!!!", "said", "“", "He said.", "“Der Plan ist gescheitert”, sagte Scholz.", "a\u00a0b \t\n" * 50])
def test_odd_inputs_give_valid_spans_or_nothing(nlp, packaged, text):
    for attribution in predict(nlp, text):
        assert attribution.content and attribution.cue


def test_decode_reads_an_untagged_subject_and_complement_off_the_parse(nlp):
    text = "Officials said the road would reopen."
    doc = nlp(text)
    tokens = sequence_tokens(doc)
    only_cue = tag_words(tokens, {"said": "CUE"})
    (attribution,) = decode(tokens, only_cue, [0.8] * len(tokens))
    assert texts(text, attribution.source) == ["Officials"]
    assert texts(text, attribution.content) == ["the road would reopen"]
    # A content piece the CRF stopped short inside the complement grows to the whole complement.
    partial = tag_words(tokens, {"said": "CUE", "the": "CONTENT", "road": "CONTENT"})
    (attribution,) = decode(tokens, partial, [0.8] * len(tokens))
    assert texts(text, attribution.content) == ["the road would reopen"]
    assert texts(text, attribution.source) == ["Officials"]
    # ... but never over a token the CRF gave another role.
    blocked = tag_words(tokens, {"said": "CUE", "the": "CONTENT", "road": "CONTENT", "reopen": "SOURCE"})
    contents = [texts(text, a.content) for a in decode(tokens, blocked, [0.8] * len(tokens))]
    assert ["the road"] in contents

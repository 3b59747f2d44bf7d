"""The evaluation harness: every metric on small hand-made examples, then the CLI end to end.

Expected numbers in the metric tests are worked out by hand in the comments next to them.
"""

from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from saidwhat.cli import app
from saidwhat.errors import InputError
from saidwhat.eval.baselines import (
    SYSTEMS,
    System,
    predict_textacy,
    predictions_from_article,
    systems_named,
    token_char_spans,
)
from saidwhat.eval.brat import parse_ann, read_split
from saidwhat.eval.harness import run_eval
from saidwhat.eval.listing import render, write_listing
from saidwhat.eval.score import (
    Counts,
    SystemTotals,
    bootstrap_intervals,
    content_kind,
    GoldItem,
    PredictedItem,
    last_name,
    link,
    link_score,
    maximum_matching,
    normalise_span,
    role_counts,
    score_article,
    speaker_agrees,
    trim_piece,
)
from saidwhat.models import Article, Entity, EntityPart, Part, SpeechAct, Statement
from saidwhat.nlp import load_model
from tests.conftest import assert_spans_valid


def at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """The span of the nth occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return (start, start + len(piece))


# --- span normal form ---------------------------------------------------------------------------


def test_trim_removes_surrounding_whitespace_quotes_and_punctuation_only():
    text = '  “Hello, world.”,  '
    start, end = trim_piece(text, (0, len(text)))
    assert text[start:end] == "Hello, world"
    assert trim_piece(text, (16, 20)) is None  # '”,  ' has no text left
    quoted = "‘Don’t’"
    assert quoted[slice(*trim_piece(quoted, (0, len(quoted))))] == "Don’t"  # inner apostrophe kept


def test_normal_form_drops_empty_pieces_sorts_and_merges_touching_or_blank_gaps():
    text = "“We will win,” she said, “and then rest.”"
    we, rest = at(text, "“We will win,”"), at(text, "“and then rest.”")
    comma = at(text, ", “")
    # Pieces given out of order, with a piece that is only punctuation: it is dropped.
    assert normalise_span(text, [rest, (comma[0], comma[0] + 1), we]) == (
        at(text, "We will win"),
        at(text, "and then rest"),
    )
    # Two pieces separated only by a space are one span; so are overlapping pieces.
    text2 = "one two three"
    assert normalise_span(text2, [(0, 3), (4, 7)]) == ((0, 7),)
    assert normalise_span(text2, [(0, 5), (2, 7)]) == ((0, 7),)
    assert normalise_span(text2, [(0, 3), (8, 13)]) == ((0, 3), (8, 13))
    assert normalise_span(text2, None) == ()


# --- exact role F1 ------------------------------------------------------------------------------

WIRE = (
    "“The bridge will reopen by spring,” Mayor Ana Ruiz said on Tuesday. "
    "Engineers warned that the repairs could take longer. "
    "“We are not there yet,” said Tom Okafor, the chief engineer, “but we are close.”"
)


def test_role_counts_exact_match_after_trimming_and_discontinuous_pieces():
    okafor_content = [at(WIRE, "“We are not there yet,”"), at(WIRE, "“but we are close.”")]
    gold = [
        GoldItem("E1", [at(WIRE, "said")], [at(WIRE, "Mayor Ana Ruiz")], [at(WIRE, "“The bridge will reopen by spring,”")]),
        GoldItem("E2", [at(WIRE, "warned")], [at(WIRE, "Engineers")], [at(WIRE, "that the repairs could take longer")]),
        GoldItem("E3", [at(WIRE, "said", 1)], [at(WIRE, "Tom Okafor, the chief engineer")], okafor_content),
    ]
    predicted = [
        # Same content without the quote marks and comma: equal after trimming. Source too short.
        PredictedItem([at(WIRE, "said")], [at(WIRE, "Ana Ruiz")], [at(WIRE, "The bridge will reopen by spring")]),
        # Only the first piece of a two-piece content: not equal.
        PredictedItem([at(WIRE, "said", 1)], [at(WIRE, "Tom Okafor, the chief engineer,")], okafor_content[:1]),
        # A spurious cue with no source.
        PredictedItem([at(WIRE, "warned")], None, [at(WIRE, "the repairs could take longer")]),
    ]
    # cue: gold {said, warned, said#2}, predicted {said, said#2, warned} -> 3 tp.
    assert vars(role_counts(WIRE, gold, predicted, "cue")) == {"tp": 3, "fp": 0, "fn": 0}
    # source: only "Tom Okafor, the chief engineer" (trailing comma trimmed) matches -> 1 tp, 1 fp, 2 fn.
    assert vars(role_counts(WIRE, gold, predicted, "source")) == {"tp": 1, "fp": 1, "fn": 2}
    # content: only the bridge quote matches -> tp 1; predicted 3 distinct -> fp 2; gold 3 -> fn 2.
    assert vars(role_counts(WIRE, gold, predicted, "content")) == {"tp": 1, "fp": 2, "fn": 2}


def test_duplicate_predictions_count_once_and_micro_average_sums_counts():
    gold = [GoldItem("E1", [at(WIRE, "said")], None, [at(WIRE, "The bridge will reopen by spring")])]
    twice = [PredictedItem([at(WIRE, "said")], None, [at(WIRE, "“The bridge will reopen by spring,”")])] * 2
    assert vars(role_counts(WIRE, gold, twice, "cue")) == {"tp": 1, "fp": 0, "fn": 0}
    # A span of only punctuation is no span: neither a false positive nor linkable.
    only_quote_mark = [PredictedItem([at(WIRE, "“")], None, [at(WIRE, "“")])]
    assert vars(role_counts(WIRE, gold, only_quote_mark, "content")) == {"tp": 0, "fp": 0, "fn": 1}
    assert score_article(WIRE, gold, only_quote_mark, with_speakers=False).links == {}
    total = Counts()
    total.add(Counts(tp=2, fp=1, fn=1))
    total.add(Counts(tp=0, fp=1, fn=3))
    # P = 2/4, R = 2/6, F1 = 2PR/(P+R) = 2*(1/2)(1/3)/(5/6) = 0.4
    assert (total.precision, round(total.recall, 4), round(total.f1, 4)) == (0.5, 0.3333, 0.4)
    assert Counts().f1 == 0.0


# --- linked F1 ----------------------------------------------------------------------------------

UK = (
    "The minister said: “Our schools need more teachers.” "
    "Unions say the plan falls short of what pupils need."
)


def test_link_needs_half_of_the_shorter_content_and_overlapping_sources():
    content = at(UK, "Our schools need more teachers")  # 30 characters
    gold = GoldItem("E1", [at(UK, "said")], [at(UK, "The minister")], [content])
    minister = [at(UK, "minister")]
    # Longer predictions starting inside the quote: the shorter content is gold's 30 characters.
    exactly_half = PredictedItem(None, minister, [(content[0] + 15, len(UK))])  # shares "d more teachers" = 15
    assert link_score(UK, gold, exactly_half) == 15
    under_half = PredictedItem(None, minister, [(content[0] + 17, len(UK))])  # shares "more teachers" = 13
    assert link_score(UK, gold, under_half) == 0
    # A short prediction inside gold: the shorter is the prediction ("Our", 3 characters), all shared.
    assert link_score(UK, gold, PredictedItem(None, minister, [(content[0], content[0] + 4)])) == 3
    assert link_score(UK, gold, PredictedItem(None, [at(UK, "Unions")], [content])) == 0  # other source
    no_source = PredictedItem(None, None, [content])
    assert link_score(UK, gold, no_source) == 0  # gold has a source, prediction none
    both_none = GoldItem("E2", [at(UK, "say")], None, [content])
    assert link_score(UK, both_none, no_source) == 30


def test_linking_is_one_to_one_and_maximum_not_greedy():
    text = "aaaaaaaaaa bbbbbbbbbb"  # gold G1 = the a's, G2 = the whole text
    g1 = GoldItem("E1", None, None, [(0, 10)])
    g2 = GoldItem("E2", None, None, [(0, 21)])
    p1 = PredictedItem(None, None, [(0, 21)])  # overlaps G1 by 10, G2 by 21
    p2 = PredictedItem(None, None, [(0, 10)])  # overlaps G1 by 10, G2 by 10 (half of 10: links)
    p3 = PredictedItem(None, None, [(0, 10)])  # a third prediction: nothing left for it
    links = link(text, [g1, g2], [p1, p2, p3])
    assert len(links) == 2 and len(set(links.values())) == 2
    # G2 keeps its heaviest edge (P1); G1, which tried P1 first, moves over to P2.
    assert links[1] == 0 and links[0] in (1, 2)
    # A case where greedy-by-weight fails: edges G0-P0 (9), G0-P1 (5), G1-P0 (8). Greedy takes G0-P0 and strands G1.
    matching = maximum_matching({(0, 0): 9, (0, 1): 5, (1, 0): 8}, 2)
    assert matching == {0: 1, 1: 0}


def test_score_article_linked_counts_and_gold_without_content():
    gold = [
        GoldItem("E1", [at(UK, "said")], [at(UK, "The minister")], [at(UK, "Our schools need more teachers")]),
        GoldItem("E2", [at(UK, "say")], [at(UK, "Unions")], [at(UK, "the plan falls short of what pupils need")]),
        GoldItem("E3", [at(UK, "say")], None, None),  # no content: cannot be linked, left out
    ]
    predicted = [
        PredictedItem([at(UK, "said")], [at(UK, "The minister")], [at(UK, "“Our schools need more teachers.”")]),
        PredictedItem([at(UK, "say")], None, [at(UK, "the plan falls short")]),  # source missing: no link
    ]
    score = score_article(UK, gold, predicted, with_speakers=False)
    assert score.links == {0: 0}
    # 1 link; 2 predictions -> fp 1; 2 linkable gold -> fn 1
    assert vars(score.linked) == {"tp": 1, "fp": 1, "fn": 1}
    assert score.unlinkable_gold == 1
    assert score.speaker is None


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (["“We will win,”"], "direct"),
        (["“We will win,”", "“and then rest.”"], "direct"),
        (["“We will win,”", "that they would rest"], "mixed"),
        (["that he would “fight on” until November"], "mixed"),
        (["that the party’s plan was ‘dead’"], "indirect"),  # single marks are also apostrophes
    ],
)
def test_content_kind(content, kind):
    text = " said ".join(content)
    assert content_kind(text, [at(text, piece) for piece in content]) == kind


def test_linked_recall_is_split_by_gold_kind():
    text = "“Rates will rise,” the banker said. Savers fear that rates will rise again."
    gold = [
        GoldItem("E1", None, [at(text, "the banker")], [at(text, "“Rates will rise,”")]),
        GoldItem("E2", None, [at(text, "Savers")], [at(text, "that rates will rise again")]),
    ]
    predicted = [PredictedItem(None, [at(text, "banker")], [at(text, "Rates will rise")])]
    score = score_article(text, gold, predicted, with_speakers=False)
    assert score.by_kind == {"direct": [1, 1], "mixed": [0, 0], "indirect": [0, 1]}


def test_bootstrap_intervals_bracket_the_point_estimate_and_are_reproducible():
    text = "“Rates will rise,” the banker said."
    gold = [GoldItem("E1", [at(text, "said")], [at(text, "the banker")], [at(text, "Rates will rise")])]
    hit = score_article(text, gold, [PredictedItem([at(text, "said")], [at(text, "the banker")], [at(text, "Rates will rise")])], with_speakers=False)
    miss = score_article(text, gold, [], with_speakers=False)
    # All articles alike: every resample gives the same F1, so the interval is that point.
    assert bootstrap_intervals([hit, hit, hit])["linked"] == (1.0, 1.0)
    articles = [hit, miss, hit, miss, hit]
    totals = SystemTotals()
    for article in articles:
        totals.add(article)
    low, high = bootstrap_intervals(articles)["linked"]
    assert low < totals.linked.f1 < high  # 3 of 5 found: F1 = 0.75
    assert bootstrap_intervals(articles) == bootstrap_intervals(articles)
    assert "speaker" not in bootstrap_intervals(articles)  # scored without speakers
    assert bootstrap_intervals([]) == {}


# --- speaker accuracy ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "kind", "predicted", "agrees"),
    [
        ("Hillary Clinton", "PERSON", "Clinton", True),
        ("Hillary Clinton", "PERSON", "CLINTON’s", True),
        ("Ted Cruz", "PERSON", "Sen. Ted Cruz Jr.", True),
        ("José Martí", "PERSON", "Jose Marti", True),
        ("Jason Chaffetz", "PERSON", "Rep. Jason Chaffetz (R-Utah)", True),
        ("Barack Obama", "PERSON", "Obama, the president", True),
        ("Donald Trump", "PERSON", "Donald Trump Jr.", True),  # the last-name rule cannot tell them apart
        ("Donald Trump", "PERSON", "Mike Pence", False),
        ("Donald Trump", "PERSON", "the president", False),
        ("Donald Trump", "PERSON", None, False),
        ("The New York Post", "ORG", "The Post", True),
        ("The New York Times", "ORG", "The Washington Post", False),  # "the" is a stop word
        ("Federal Bureau of Investigation", "ORG", "the bureau", True),
        ("Russia", "GPE", "Moscow", False),
        ("United States", "GPE", "the United States government", True),
    ],
)
def test_speaker_name_agreement(gold, kind, predicted, agrees):
    assert speaker_agrees(gold, kind, predicted) is agrees


def test_last_name_of_title_only_name_is_none():
    assert last_name("Mr. President") is None
    assert not speaker_agrees("Mr. President", "PERSON", "Mr. President")


def test_speaker_accuracy_counts_only_linked_person_org_gpe_referents():
    text = "“Taxes will fall,” Ms. Lee said. Critics said it was a gimmick. Acme Corp said profits rose."
    gold = [
        GoldItem("E1", [at(text, "said")], [at(text, "Ms. Lee")], [at(text, "Taxes will fall")], "Sarah Lee", "PERSON"),
        GoldItem("E2", [at(text, "said", 1)], [at(text, "Critics")], [at(text, "it was a gimmick")], None, "GENERIC"),
        GoldItem("E3", [at(text, "said", 2)], [at(text, "Acme Corp")], [at(text, "profits rose")], "Acme Corporation", "ORG"),
    ]
    predicted = [
        PredictedItem(None, [at(text, "Lee")], [at(text, "Taxes will fall")], speaker_name="Lee"),
        PredictedItem(None, [at(text, "Critics")], [at(text, "it was a gimmick")], speaker_name=None),
        PredictedItem(None, [at(text, "Acme")], [at(text, "profits rose")], speaker_name="Apex"),
    ]
    score = score_article(text, gold, predicted, with_speakers=True)
    # E2 is GENERIC: not scored. E1 agrees (Lee), E3 does not (Apex vs Acme).
    assert vars(score.speaker) == {"correct": 1, "scored": 2, "gold_total": 2}
    assert score.wrong_speakers == [2]
    unlinked = score_article(text, gold, predicted[:1], with_speakers=True)
    assert vars(unlinked.speaker) == {"correct": 1, "scored": 1, "gold_total": 2}


# --- BRAT reader --------------------------------------------------------------------------------


def test_parse_ann_merges_numbered_roles_and_keeps_sourceless_events():
    ann = "\n".join(
        [
            "T1\tContent 0 10\tfirst part",
            "T2\tSource 11 14\tshe",
            "T3\tCue 15 19\tsaid",
            "T4\tContent 21 32\tsecond part",
            "T5\tAttribution 15 19\tsaid",
            "E1\tAttribution:T5 Content:T1 Source:T2 Cue:T3 Content2:T4",
            "T6\tCue 40 48\tnoted in",
            "T7\tContent 49 60\ta statement",
            "T8\tAttribution-no-source 40 48\tnoted in",
            "E2\tAttribution-no-source:T8 Content:T7 Cue:T6",
            "",
        ]
    )
    first, second = parse_ann(ann)
    assert first.content == [(0, 10), (21, 32)]
    assert (first.cue, first.source) == ([(15, 19)], [(11, 14)])
    assert second.source is None and second.content == [(49, 60)]


# --- the systems --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_token_char_spans_joins_consecutive_tokens_only(nlp):
    doc = nlp("The city council said on Monday that it would vote.")
    pieces = token_char_spans([doc[3], doc[1], doc[2], doc[5]])
    assert [doc.text[s:e] for s, e in pieces] == ["city council said", "Monday"]


def test_textacy_baseline_gives_char_spans_and_source_text_as_speaker(nlp):
    text = "“We will rebuild the bridge before the winter,” Mayor Ana Ruiz said on Tuesday in Lisbon."
    doc = nlp(text)
    items = predict_textacy(doc)
    assert len(items) == 1
    item = items[0]
    assert normalise_span(text, item.content) == (at(text, "We will rebuild the bridge before the winter"),)
    assert [text[s:e] for s, e in item.cue] == ["said"]
    assert "Ruiz" in item.speaker_name
    assert item.speaker_name == " ".join(text[s:e] for s, e in item.source)


def test_textacy_falls_back_to_paragraphs_when_quotes_are_unbalanced(nlp):
    # A quote running over two paragraphs opens each one: three quote marks in the first two paragraphs.
    text = (
        "“The river rose faster than anyone expected.\n\n"
        "“We lost the lower fields in one night,” the farmer Lena Vogt told reporters.\n\n"
        "“Nobody warned us about the dam release,” Vogt said on Friday."
    )
    items = predict_textacy(nlp(text))
    contents = [text[slice(*normalise_span(text, item.content)[0])] for item in items]
    assert "Nobody warned us about the dam release" in contents
    assert "The river rose faster than anyone expected" not in contents
    for item in items:
        for start, end in (*item.cue, *item.source, *item.content):
            assert 0 <= start < end <= len(text)
        assert item.speaker_name == " ".join(text[s:e] for s, e in item.source)


def test_engine_predictions_use_the_source_entity_name():
    text = "“Prices are falling,” Governor Maria Silva says. Her aides say more cuts are coming."
    article = Article(
        id="t",
        text=text,
        entities=[Entity(id="e1", name="Maria Silva", type="PERSON", mentions=[at(text, "Governor Maria Silva")])],
        statements=[
            Statement(
                id="s1",
                kind="direct",
                speech_act=SpeechAct.STATEMENT,
                cue=Part(text="says", spans=[at(text, "says")]),
                source=EntityPart(text="Governor Maria Silva", spans=[at(text, "Governor Maria Silva")], entity="e1"),
                content=Part(text="Prices are falling", spans=[at(text, "Prices are falling")]),
                confidence=0.9,
            ),
            Statement(
                id="s2",
                kind="indirect",
                speech_act=SpeechAct.STATEMENT,
                source=EntityPart(text="Her aides", spans=[at(text, "Her aides")]),
                content=Part(text="more cuts are coming", spans=[at(text, "more cuts are coming")]),
                confidence=0.5,
            ),
        ],
    )
    assert_spans_valid(article)
    first, second = predictions_from_article(article)
    assert (first.speaker_name, first.cue, first.content) == ("Maria Silva", [at(text, "says")], [at(text, "Prices are falling")])
    assert (second.speaker_name, second.cue, second.source) == (None, None, [at(text, "Her aides")])


def test_systems_named_validates_names():
    assert [s.name for s in systems_named(["textacy", " rules", "textacy"])] == ["textacy", "rules"]
    with pytest.raises(InputError, match="choose from"):
        systems_named(["saidwhat", "gpt"])
    with pytest.raises(InputError):
        systems_named([""])


def test_textacy_system_says_how_to_install_it_when_missing(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "textacy" else real_find_spec(name, *a))
    with pytest.raises(InputError, match=r"pip install -e '\.\[eval\]'"):
        systems_named(["rules", "textacy"])
    assert [s.name for s in systems_named(["rules"])] == ["rules"]


# --- the harness on a gold folder written here --------------------------------------------------

ARTICLES = {
    "wire_bridge": WIRE,
    "uk_schools": UK,
    "feature_harbour": (
        "The harbour has been quiet for a decade. Fishermen say the catch has halved since 2015. "
        "“There is nothing left out there,” says Joan Pereira, who has fished here for forty years. "
        "The port authority insists the stocks are recovering."
    ),
}


def _gold_dir(tmp_path: Path, with_speakers: bool = True) -> Path:
    """A PolNeAR-layout folder with our own articles: dev/text, dev/attributions, speakers-dev."""
    gold = {
        "wire_bridge": [
            ("E1", "said", "Mayor Ana Ruiz", "“The bridge will reopen by spring,”", "Ana Ruiz", "PERSON"),
            ("E2", "warned", "Engineers", "that the repairs could take longer", None, "GENERIC"),
        ],
        "uk_schools": [("E1", "said:", "The minister", "“Our schools need more teachers.”", None, "UNRESOLVABLE")],
        "feature_harbour": [
            ("E1", "say", "Fishermen", "the catch has halved since 2015", None, "GENERIC"),
            ("E2", "says", "Joan Pereira", "“There is nothing left out there,”", "Joan Pereira", "PERSON"),
            ("E3", "insists", "The port authority", "the stocks are recovering", "Port Authority", "ORG"),
        ],
    }
    split = tmp_path / "gold" / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    speakers_dir = tmp_path / "gold" / "speakers-dev"
    if with_speakers:
        speakers_dir.mkdir()
    for stem, text in ARTICLES.items():
        (split / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        lines, speakers = [], {}
        for n, (event, cue, source, content, speaker, kind) in enumerate(gold[stem]):
            t = 3 * n
            for offset, (label, piece) in enumerate((("Cue", cue), ("Source", source), ("Content", content)), 1):
                start, end = at(text, piece)
                lines.append(f"T{t + offset}\t{label} {start} {end}\t{piece}")
            lines.append(f"{event}\tAttribution:T{t + 1} Cue:T{t + 1} Source:T{t + 2} Content:T{t + 3}")
            speakers[event] = {"speaker": speaker, "type": kind}
        annotation = f"{stem}_a1.ann"
        (split / "attributions" / annotation).write_text("\n".join(lines) + "\n", encoding="utf-8")
        # A second annotator's file: sorted after a1, so never gold.
        (split / "attributions" / f"{stem}_b2.ann").write_text("", encoding="utf-8")
        if with_speakers:
            (speakers_dir / f"{stem}.json").write_text(
                json.dumps({"article": stem, "annotation": annotation, "speakers": speakers}), encoding="utf-8"
            )
    return tmp_path / "gold"


def _oracle(gold_dir: Path) -> System:
    """Predicts exactly the gold spans of the first annotator (so every metric must be perfect)."""
    by_text = {a.text: a for a in read_split(gold_dir, "dev")}

    def predict(doc, published):
        return [
            PredictedItem(g.cue, g.source, g.content, speaker_name=doc.text[g.source[0][0] : g.source[0][1]])
            for g in by_text[doc.text].attributions
        ]

    return System("oracle", "gold spans", predict)


def _broken(doc, published):
    if "harbour" in doc.text:
        raise RuntimeError("boom")
    return []


def _mutating(doc, published):
    doc.user_data["touched"] = True
    return []


def test_run_eval_scores_systems_on_one_parse_and_records_failures(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path)
    witnessed: list[bool] = []

    def witness(doc, published):
        witnessed.append("touched" in doc.user_data)
        return []

    systems = [
        _oracle(gold_dir),
        System("mutating", "writes to the shared Doc", _mutating),
        System("witness", "sees whether the Doc was restored", witness),
        System("broken", "raises on one article", _broken),
        SYSTEMS["textacy"],
    ]
    run = run_eval(gold_dir, systems, split="dev", nlp=nlp)
    # One warm-up call plus one per article; the Doc was restored after every mutation.
    assert witnessed[1:] == [False, False, False]
    report = run.report()
    oracle = report["systems"]["oracle"]
    for role in ("cue", "source", "content", "linked"):
        assert oracle[role]["f1"] == 1.0, role
    # 6 gold attributions; referents PERSON/ORG: Ana Ruiz, Joan Pereira, Port Authority -> all agree.
    assert oracle["speaker"] == {"accuracy": 1.0, "correct": 3, "scored": 3, "gold_total": 3}
    broken = report["systems"]["broken"]
    assert broken["failures"] == [{"article": "feature_harbour", "error": broken["failures"][0]["error"]}]
    assert "RuntimeError: boom" in broken["failures"][0]["error"]
    assert broken["linked"]["fn"] == 6 and broken["linked"]["tp"] == 0
    assert {m["system"] for m in report["doc_mutations"]} == {"mutating"}
    assert len(report["doc_mutations"]) == 3
    assert report["articles"] == 3 and report["gold_attributions"] == 6
    assert set(report["code"]) == {"commit", "uncommitted_changes"}
    assert set(report["per_article"]) == set(ARTICLES)
    # Stems without an outlet prefix are their own outlet; the oracle is perfect on each.
    assert {k: v["f1"] for k, v in oracle["linked_by_outlet"].items()} == {"feature": 1.0, "uk": 1.0, "wire": 1.0}
    assert report["systems"]["textacy"]["timing"]["ratio_to_parse"] is not None

    listing = tmp_path / "errors.md"
    totals = write_listing(run, listing)
    written = listing.read_text(encoding="utf-8")
    assert (totals["oracle"].missed, totals["oracle"].spurious, totals["oracle"].boundary) == (0, 0, 0)
    assert totals["broken"].missed == 6 and totals["broken"].failed == 1
    assert "## feature_harbour" in written and "RuntimeError: boom" in written
    assert "⟦Q:the stocks are recovering⟧" in written


def test_a_hung_system_fails_one_article_and_the_run_goes_on(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path)

    def hangs_on_uk(doc, published):
        if "minister" in doc.text:
            time.sleep(30)
        return []

    run = run_eval(
        gold_dir, [System("hangs", "sleeps on one article", hangs_on_uk), _oracle(gold_dir)], nlp=nlp, timeout=0.5
    )
    report = run.report()
    failures = report["systems"]["hangs"]["failures"]
    assert [f["article"] for f in failures] == ["uk_schools"] and "SystemTimeout" in failures[0]["error"]
    assert report["systems"]["oracle"]["linked"]["f1"] == 1.0


def test_listing_shows_the_nearest_prediction_of_a_missed_attribution(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path)

    def wrong_source(doc, published):
        # Bridge quote with the wrong source: content overlaps but the pair cannot be linked.
        if "bridge" not in doc.text:
            return []
        return [PredictedItem([at(doc.text, "said")], [at(doc.text, "Tuesday")], [at(doc.text, "The bridge will reopen")])]

    run = run_eval(gold_dir, [System("wrong_source", "", wrong_source)], nlp=nlp)
    listing = tmp_path / "errors.md"
    totals = write_listing(run, listing)
    written = listing.read_text(encoding="utf-8")
    assert (totals["wrong_source"].missed, totals["wrong_source"].spurious) == (6, 1)
    assert "> nearest pred: “⟦Q:The bridge will reopen⟧ by spring,” Mayor Ana Ruiz ⟦C:said⟧ on ⟦S:Tuesday⟧." in written


def test_listing_shows_boundary_errors_and_wrong_speakers(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path)

    def short_source_wrong_name(doc, published):
        text = doc.text
        if "harbour" in text:  # right spans, but the source was resolved to no entity
            return [PredictedItem([at(text, "says")], [at(text, "Joan Pereira")], [at(text, "There is nothing left out there")])]
        if "bridge" not in text:
            return []
        return [PredictedItem([at(text, "said")], [at(text, "Ruiz")], [at(text, "The bridge will reopen by spring")], "Tom Okafor")]

    run = run_eval(gold_dir, [System("sloppy", "", short_source_wrong_name)], nlp=nlp)
    listing = tmp_path / "errors.md"
    totals = write_listing(run, listing)
    written = listing.read_text(encoding="utf-8")
    assert (totals["sloppy"].boundary, totals["sloppy"].wrong_speaker, totals["sloppy"].missed) == (1, 2, 4)
    assert totals["sloppy"].speaker_without_entity == 1
    assert "| sloppy | 4 | 0 | 1 | 2 (1) | 0 |" in written
    assert "- **wrong speaker** E2: gold «Joan Pereira» (PERSON), predicted «no entity»" in written
    assert "- **boundary** E1 (source)" in written
    assert "- **wrong speaker** E1: gold «Ana Ruiz» (PERSON), predicted «Tom Okafor»" in written
    assert "> pred: “⟦Q:The bridge will reopen by spring⟧,” Mayor Ana ⟦S:Ruiz⟧ ⟦C:said⟧ on Tuesday." in written


def test_run_eval_limit_and_missing_speakers(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path, with_speakers=False)
    run = run_eval(gold_dir, [_oracle(gold_dir)], split="dev", limit=2, nlp=nlp)
    report = run.report()
    assert report["articles"] == 2 and report["speakers"] is None
    assert report["systems"]["oracle"]["speaker"] is None


def test_run_eval_refuses_a_folder_without_the_layout(tmp_path):
    with pytest.raises(InputError, match="PolNeAR layout"):
        run_eval(tmp_path, [SYSTEMS["textacy"]])


def test_bad_gold_files_give_input_errors_or_skip_speakers(tmp_path, nlp):
    gold_dir = _gold_dir(tmp_path)
    # A speakers file that is not JSON: that article leaves speaker accuracy, the run goes on.
    (gold_dir / "speakers-dev" / "uk_schools.json").write_text("{not json", encoding="utf-8")
    # A speakers file made for another annotator's .ann: its E ids would not match, so it is ignored.
    wire = gold_dir / "speakers-dev" / "wire_bridge.json"
    wire.write_text(wire.read_text(encoding="utf-8").replace("wire_bridge_a1.ann", "wire_bridge_b2.ann"), encoding="utf-8")
    run = run_eval(gold_dir, [_oracle(gold_dir)], nlp=nlp)
    assert [a.has_speakers for a in run.articles] == [True, False, False]
    # Ana Ruiz (wire_bridge) is no longer scored: Joan Pereira and the port authority remain.
    assert run.report()["systems"]["oracle"]["speaker"]["gold_total"] == 2
    (gold_dir / "dev" / "attributions" / "uk_schools_a1.ann").write_text("T1\tCue 0 x\tsaid\n", encoding="utf-8")
    with pytest.raises(InputError, match="uk_schools_a1.ann"):
        run_eval(gold_dir, [_oracle(gold_dir)], nlp=nlp)


def test_render_marks_scored_spans_within_their_sentences(nlp):
    text = "Nothing here. " + WIRE
    doc = nlp(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    roles = {
        "source": normalise_span(text, [at(text, "Engineers")]),
        "cue": normalise_span(text, [at(text, "warned")]),
        "content": normalise_span(text, [at(text, "that the repairs could take longer")]),
    }
    line = render(text, sentences, roles)
    assert line == "⟦S:Engineers⟧ ⟦C:warned⟧ ⟦Q:that the repairs could take longer⟧."
    long_text = "He said " + "word " * 200 + "end."
    line = render(long_text, [(0, len(long_text))], {"content": ((8, len(long_text) - 1),)})
    assert " … " in line and len(line) < 300 and line.endswith("end⟧.")


# --- the CLI ------------------------------------------------------------------------------------


def test_cli_eval_on_own_gold_writes_report_and_listing(tmp_path):
    gold_dir = _gold_dir(tmp_path)
    output = tmp_path / "out" / "eval.json"
    result = CliRunner().invoke(app, ["eval", str(gold_dir), "--systems", "textacy", "--output", str(output)])
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))
    assert list(report["systems"]) == ["textacy"]
    assert Path(report["errors_file"]) == tmp_path / "out" / "eval-errors.md"
    assert (tmp_path / "out" / "eval-errors.md").is_file()
    table = Path(report["table_file"]).read_text(encoding="utf-8").splitlines()
    assert table[0].startswith("| system | cue F1") and table[2].startswith("| textacy | ")
    assert set(report["systems"]["textacy"]["ci95"]) == {"cue", "source", "content", "linked", "speaker"}
    assert "textacy" in result.output
    assert "eval: article 1/3 feature_harbour" in result.output  # progress lines when not on a terminal


def test_cli_eval_bad_folder_and_unknown_system_exit_cleanly(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "PolNeAR layout" in result.output
    result = CliRunner().invoke(app, ["eval", str(_gold_dir(tmp_path)), "--systems", "nope"])
    assert result.exit_code == 2 and "choose from" in result.output


@pytest.mark.polnear
def test_cli_eval_on_polnear_dev_articles(polnear_root, tmp_path):
    output = tmp_path / "eval-dev.json"
    result = CliRunner().invoke(app, ["eval", str(polnear_root), "--split", "dev", "--limit", "2", "--output", str(output)])
    assert result.exit_code == 0, result.output
    report = json.loads(output.read_text(encoding="utf-8"))
    assert report["articles"] == 2 and report["gold_attributions"] > 0
    assert list(report["systems"]) == ["saidwhat", "rules", "textacy"]
    for scores in report["systems"].values():
        for metric in ("cue", "source", "content", "linked"):
            assert set(scores[metric]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
            assert scores[metric]["tp"] + scores[metric]["fn"] > 0
        assert scores["speaker"] is not None and scores["speaker"]["gold_total"] > 0
        assert scores["timing"]["ratio_to_parse"] is not None
    listing = Path(report["errors_file"]).read_text(encoding="utf-8")
    assert listing.startswith("# Errors") and "| saidwhat |" in listing


# --- annotator agreement ----------------------------------------------------------------------------


def _annotated(folder: Path, stem: str, text: str, annotations: dict[str, str]) -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
    for annotator, ann in annotations.items():
        (folder / "attributions" / f"{stem}_{annotator}.ann").write_text(ann, encoding="utf-8")


def _brat(text: str, source: str, cue: str, content: str) -> str:
    lines = []
    for n, (role, piece) in enumerate((("Source", source), ("Cue", cue), ("Content", content)), start=1):
        start, end = at(text, piece)
        lines.append(f"T{n}\t{role} {start} {end}\t{piece}")
    lines.append("E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3")
    return "\n".join(lines) + "\n"


def test_agreement_scores_later_annotators_against_the_first(tmp_path):
    from saidwhat.eval.agreement import annotator_agreement

    text = "The mayor said the bridge would reopen in May."
    same = _brat(text, "The mayor", "said", "the bridge would reopen in May")
    shorter = _brat(text, "The mayor", "said", "the bridge would reopen")
    # a1 is gold; b2 agrees exactly; c3 cuts the content short (still linked: it overlaps more than half).
    _annotated(tmp_path / "dev", "bridge", text, {"a1": same, "b2": same, "c3": shorter})
    # One annotator only: not part of the agreement.
    _annotated(tmp_path / "dev", "solo", "Nothing here.", {"a1": ""})
    report = annotator_agreement(tmp_path, ["dev"])
    assert (report["articles"], report["pairs"]) == (1, 2)
    assert report["article_names"] == ["dev/bridge"]
    assert report["cue"]["f1"] == 1.0 and report["source"]["f1"] == 1.0 and report["linked"]["f1"] == 1.0
    # Content: b2 matches, c3 does not: tp 1, fp 1, fn 1.
    assert (report["content"]["tp"], report["content"]["fp"], report["content"]["fn"]) == (1, 1, 1)


def test_agreement_command_writes_json_and_refuses_a_corpus_without_second_annotators(tmp_path):
    text = "Officials said prices would rise."
    ann = _brat(text, "Officials", "said", "prices would rise")
    _annotated(tmp_path / "gold" / "dev", "prices", text, {"a1": ann, "b2": ann})
    output = tmp_path / "agreement.json"
    result = CliRunner().invoke(app, ["agreement", str(tmp_path / "gold"), "--splits", "dev", "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "1 articles, 1 annotator pairs" in result.output
    assert json.loads(output.read_text(encoding="utf-8"))["linked"]["f1"] == 1.0
    _annotated(tmp_path / "single" / "dev", "prices", text, {"a1": ann})
    result = CliRunner().invoke(app, ["agreement", str(tmp_path / "single"), "--splits", "dev"])
    assert result.exit_code == 2 and "two or more annotators" in result.output
    result = CliRunner().invoke(app, ["agreement", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "PolNeAR layout" in result.output


def test_polnear_annotators_agree_less_than_the_issue_bars(polnear_root):
    """The figure docs/benchmarks.md quotes: PolNeAR's own annotators, scored by these definitions."""
    from saidwhat.eval.agreement import annotator_agreement

    report = annotator_agreement(polnear_root, ["train", "dev"])
    assert report["articles"] >= 10 and report["pairs"] > report["articles"]
    for role in ("cue", "source", "content", "linked"):
        assert 0.3 < report[role]["f1"] < 1.0

"""Speech-act typing of cue phrases: lexicon, complements, negation, documents, coverage."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from saidwhat.models import SpeechAct
from saidwhat.speech_acts import LEXICON, LEXICON_BY_ACT, classify, lemmatize_word, lookup, normalize_cue
from tests.conftest import ROOT

A = SpeechAct


@pytest.mark.parametrize(
    "cue, complement, act",
    [
        ("said", "that", A.STATEMENT),
        ("say", None, A.STATEMENT),
        ("says", None, A.STATEMENT),
        ("told", None, A.STATEMENT),
        ("added", None, A.STATEMENT),
        ("pointed out", None, A.STATEMENT),
        ("warned", "that", A.WARN),
        ("cautioned", None, A.WARN),
        ("has threatened", "to", A.THREATEN),
        ("threatening", None, A.THREATEN),
        ("accused", "of", A.ACCUSE),
        ("blamed", None, A.ACCUSE),
        ("alleged", "that", A.ACCUSE),
        ("denied", "that", A.DENY),
        ("disputed", None, A.DENY),
        ("rejected", None, A.REJECT),
        ("dismissed", None, A.REJECT),
        ("refused", "to", A.REJECT),
        ("ruled out", None, A.REJECT),
        ("asked", "to", A.REQUEST),
        ("asked", "whether", A.QUESTION),
        ("asked", "?", A.QUESTION),
        ("urged", "to", A.REQUEST),
        ("called on", "to", A.REQUEST),
        ("called for", None, A.REQUEST),
        ("demanded", "that", A.REQUEST),
        ("agreed", "that", A.AGREE),
        ("admitted", None, A.ADMIT),
        ("acknowledged", "that", A.ADMIT),
        ("conceded", None, A.ADMIT),
        ("promised", "to", A.PROMISE),
        ("pledged", None, A.PROMISE),
        ("vowed", "to", A.PROMISE),
        ("slammed", None, A.CRITICIZE),
        ("criticized", None, A.CRITICIZE),
        ("blasted", None, A.CRITICIZE),
        ("condemned", None, A.CRITICIZE),
        ("took a jab at", None, A.CRITICIZE),
        ("take a jab at", None, A.CRITICIZE),
        ("targeted", None, A.CRITICIZE),
        ("lashing out at", None, A.CRITICIZE),
        ("praised", None, A.PRAISE),
        ("hailed", None, A.PRAISE),
        ("endorsed", None, A.SUPPORT),
        ("backed", None, A.SUPPORT),
        ("defended", None, A.SUPPORT),
        ("claimed", "that", A.CLAIM),
        ("claiming", None, A.CLAIM),
        ("insisted", None, A.CLAIM),
        ("argued", None, A.CLAIM),
        ("has maintained", "that", A.CLAIM),
        ("asserted", None, A.CLAIM),
        ("predicted", None, A.PREDICT),
        ("forecast", None, A.PREDICT),
        ("is expected", "to", A.PREDICT),
        ("believes", None, A.BELIEVE),
        ("thinks", None, A.BELIEVE),
        ("fears", None, A.BELIEVE),
        ("hopes", "that", A.BELIEVE),
        ("hopes", "to", A.INTEND),
        ("knows", None, A.BELIEVE),
        ("wants", None, A.INTEND),
        ("plans", "to", A.INTEND),
        ("intends", None, A.INTEND),
        ("seeks", None, A.INTEND),
        ("reported", None, A.REPORT),
        ("wrote", None, A.REPORT),
        ("according to", None, A.REPORT),
        ("issued a statement saying", None, A.STATEMENT),
        ("was asked", None, A.STATEMENT),
        ("made no secret of", None, A.CLAIM),
        ("pleaded not guilty", None, A.DENY),
        ("sang the praises of", None, A.PRAISE),
        ("spoke in favor of", None, A.SUPPORT),
        ("said in a statement", None, A.STATEMENT),
        ("frobnicated", None, A.STATEMENT),  # unknown cues are plain statements
    ],
)
def test_cue_and_complement_give_the_act(cue, complement, act):
    assert classify(cue, complement=complement) is act


@pytest.mark.parametrize(
    "cue, act",
    [
        ("did not deny", A.STATEMENT),  # withholding a denial is neither denial nor admission
        ("would not rule out", A.STATEMENT),
        ("didn't agree", A.REJECT),  # not agreeing is rejecting
        ("does not support", A.REJECT),
        ("never criticized", A.STATEMENT),
        ("does not think", A.BELIEVE),  # the polarity is the content's
        ("doesn’t want", A.INTEND),
        ("did not say", A.STATEMENT),
    ],
)
def test_negated_cues(cue, act):
    assert classify(cue) is act


@pytest.mark.parametrize(
    "cue, complement, act",
    [
        # Not telling is refusing to tell, as "declined to say" is.
        ("would not say", "whether", A.REJECT),
        ("did not disclose", "how", A.REJECT),
        ("did not comment", None, A.REJECT),
        ("would not confirm", None, A.REJECT),
        ("did not immediately respond to", "to", A.REJECT),  # "… to a request for comment"
        ("did not say", "that", A.STATEMENT),  # what was not said is reported, not refused
        # The plea the parser leaves in the content decides the act.
        ("has pleaded", "not", A.DENY),
        ("pleaded", "guilty", A.ADMIT),
        ("pleaded", "for", A.REQUEST),
        # Confirming is saying so, seldom a concession.
        ("confirmed", None, A.STATEMENT),
    ],
)
def test_withheld_answers_pleas_and_confirmations(cue, complement, act):
    assert classify(cue, complement=complement) is act


@pytest.mark.parametrize(
    "cue, act",
    [
        ("avoids condemning", A.STATEMENT),  # the criticism is withheld
        ("is steering clear of criticizing", A.STATEMENT),
        ("refrained from praising", A.STATEMENT),
        ("stopped short of endorsing", A.REJECT),  # withholding support, like "does not support"
        ("refused to answer", A.REJECT),  # refusing to speak is a rejection
        ("declined to comment", A.REJECT),
        ("declined to endorse", A.REJECT),
        ("refused to deny", A.STATEMENT),
    ],
)
def test_avoiding_and_refusing_withhold_the_act(cue, act):
    assert classify(cue) is act


def test_negation_found_by_the_parser_counts_too():
    assert classify("deny", negated=True) is A.STATEMENT
    assert classify("agree", negated=True) is A.REJECT


def test_document_sources_report_unless_the_cue_is_stronger():
    assert classify("said", source_is_document=True) is A.REPORT
    assert classify("shows", source_is_document=True) is A.REPORT
    assert classify("alleges", source_is_document=True) is A.ACCUSE
    assert classify(None, source_is_document=True) is A.REPORT
    assert classify(None) is A.STATEMENT


@pytest.mark.parametrize(
    "word, lemma",
    [("slammed", "slam"), ("stopped", "stop"), ("dismissed", "dismiss"), ("denies", "deny"), ("denied", "deny"), ("claiming", "claim"), ("praising", "praise"),
     ("told", "tell"), ("pushes", "push"), ("vowed", "vow"), ("threatened", "threaten"), ("urging", "urge")],
)
def test_lemmatizer(word, lemma):
    assert lemmatize_word(word) == lemma


def test_normalize_drops_fillers_and_reports_negation():
    assert normalize_cue("has repeatedly slammed") == ("slam", False)
    assert normalize_cue("did not deny") == ("deny", True)
    assert normalize_cue("Took a jab at") == ("take a jab at", False)
    assert normalize_cue("was asked") == ("be ask", False)


def test_every_cue_the_attribution_finder_detects_has_an_act():
    """The finder's detection lexicon (cues.py) and this typing lexicon must not drift apart."""
    from saidwhat import cues

    lemmas = set(cues.CUE_VERBS) | set(cues.CUE_NOUNS) | {" ".join(words) for words in cues.PHRASAL_CUES}
    untyped = sorted(lemma for lemma in lemmas if lookup(normalize_cue(lemma)[0]) is None)
    assert untyped == []


def test_lexicon_is_large_and_each_phrase_has_one_act():
    counts = Counter(phrase for phrases in LEXICON_BY_ACT.values() for phrase in phrases)
    assert [phrase for phrase, n in counts.items() if n > 1] == []
    assert len(LEXICON) >= 500
    assert set(LEXICON_BY_ACT) == set(SpeechAct)


def test_every_act_is_documented():
    doc = (ROOT / "docs" / "speech-acts.md").read_text(encoding="utf-8")
    for act in SpeechAct:
        assert f"`{act.value}`" in doc, f"{act.value} missing from docs/speech-acts.md"


@pytest.mark.polnear
def test_lexicon_covers_most_polnear_train_cues(polnear_root):
    """Share of gold cue occurrences (with letters) that the lexicon types without falling back."""
    from saidwhat.eval.brat import read_split

    if not (polnear_root / "train" / "text").is_dir():
        pytest.skip("PolNeAR train split not present")
    seen = known = 0
    for article in read_split(polnear_root, "train"):
        for gold in article.attributions:
            if not gold.cue:
                continue
            cue = " ".join(article.text[s:e] for s, e in gold.cue)
            if not re.search(r"[A-Za-z]", cue):
                continue
            seen += 1
            known += lookup(normalize_cue(cue)[0]) is not None
    assert seen > 1000
    assert known / seen >= 0.85

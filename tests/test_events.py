"""PLOVER events from articles: speech-act mapping, article-voice acts, modes, actors, recipients."""

from __future__ import annotations

import pytest

from saidwhat import extract
from saidwhat.events import events_for_article
from saidwhat.events.evaluate import LABEL_MAP, names_agree, summarize, Scores
from saidwhat.events.plover import SPEECH_ACT_EVENTS
from saidwhat.events.verbal import find_verbal_acts, mode_for
from saidwhat.models import Article, Entity, EntityPart, Part, SpeechAct, Statement
from saidwhat.nlp import load_model


def events_of(text: str, published: str = "2024-05-02") -> tuple[Article, list[dict]]:
    article = extract(text, published=published, article_id="t")
    return article, events_for_article(article)


def assert_event_spans_valid(article: Article, events: list[dict]) -> None:
    text = article.text
    for event in events:
        for (start, end), trigger_text in zip(event["textInfo"]["trigger"], event["eventText"]):
            assert text[start:end] == trigger_text
        for entity in event["actor"] + event["recipient"] + event["via"]:
            assert " … ".join(text[s:e] for s, e in entity["spans"]) == entity["entityText"]
        if event["quote"]:
            assert " … ".join(text[s:e] for s, e in event["quote"]["spans"]) == event["quote"]["text"]


def find(events: list[dict], event_type: str, actor_word: str) -> dict:
    matches = [e for e in events if e["event"] == [event_type] and any(actor_word in a["entityText"] for a in e["actor"])]
    assert matches, f"no {event_type} by {actor_word!r} in {[(e['event'], e['eventText']) for e in events]}"
    return matches[0]


def recipients(event: dict) -> str:
    return " | ".join(r["entityText"] for r in event["recipient"])


def test_speech_act_mapping_follows_the_manual():
    assert SPEECH_ACT_EVENTS[SpeechAct.CRITICIZE] == ("ACCUSE", "disapprove")
    assert SPEECH_ACT_EVENTS[SpeechAct.ACCUSE] == ("ACCUSE", "allege")
    assert SPEECH_ACT_EVENTS[SpeechAct.PROMISE][0] == "AGREE"
    assert SPEECH_ACT_EVENTS[SpeechAct.WARN][0] == "THREATEN"
    assert SPEECH_ACT_EVENTS[SpeechAct.PRAISE][0] == "SUPPORT"
    for plain in (SpeechAct.STATEMENT, SpeechAct.CLAIM, SpeechAct.DENY, SpeechAct.BELIEVE, SpeechAct.REPORT):
        assert plain not in SPEECH_ACT_EVENTS


def test_seed_events(seed_article):
    events = events_for_article(seed_article)
    assert_event_spans_valid(seed_article, events)
    threat = find(events, "THREATEN", "Hamas")
    assert threat["mode"] == ["arrest"]
    assert "Blinken" in recipients(threat)
    accuse = find(events, "ACCUSE", "Blinken")
    assert "Hamas" in recipients(accuse)
    reject = find(events, "REJECT", "Hamas")
    assert reject["date"] == "2025-01-08"
    denial_start = seed_article.text.index("Hamdan denied")
    sentence_end = seed_article.text.index(".", denial_start)
    assert not any(denial_start <= e["textInfo"]["trigger"][0][0] < sentence_end for e in events), (
        "Hamdan's denial stays a statement"
    )
    for event in events:
        assert event["id"].startswith("hamas-blinken-ev")
        assert event["coder"] == "saidwhat"


def test_statement_events_carry_the_quote_via_and_entity():
    text = "The minister criticised the union, saying the strike was reckless, according to the BBC."
    article = Article(
        id="a1",
        text=text,
        published="2024-02-01",
        entities=[
            Entity(id="e1", name="the minister", type="PERSON", mentions=[(0, 12)]),
            Entity(id="e2", name="the union", type="ORG", mentions=[(24, 33)]),
            Entity(id="e3", name="BBC", type="MEDIA", mentions=[(84, 87)]),
        ],
        statements=[
            Statement(
                id="s1",
                kind="indirect",
                speech_act=SpeechAct.CRITICIZE,
                cue=Part(text="criticised", spans=[(13, 23)]),
                source=EntityPart(text="The minister", spans=[(0, 12)], entity="e1"),
                content=Part(text="the strike was reckless", spans=[(42, 65)]),
                target=EntityPart(text="the union", spans=[(24, 33)], entity="e2"),
                via=[EntityPart(text="BBC", spans=[(84, 87)], entity="e3")],
                confidence=0.9,
            )
        ],
    )
    events = events_for_article(article)
    assert_event_spans_valid(article, events)
    assert len(events) == 1
    event = events[0]
    assert (event["event"], event["mode"]) == (["ACCUSE"], ["disapprove"])
    assert event["actor"][0]["identifierId"] == "e1"
    assert event["recipient"][0]["identifierId"] == "e2"
    assert event["via"][0]["identifierId"] == "e3"
    assert event["quote"]["text"] == "the strike was reckless"
    assert event["statementId"] == "s1"
    assert event["date"] == "2024-02-01"


def test_article_voice_reject_with_owner_of_the_proposal():
    article, events = events_of("The rebels on Friday rejected the government's proposal for a ceasefire in the north.")
    assert_event_spans_valid(article, events)
    reject = find(events, "REJECT", "rebels")
    assert "government" in recipients(reject)
    assert reject["mode"] == ["yield"]


@pytest.mark.parametrize(
    ("text", "event_type", "actor", "recipient", "mode"),
    [
        ("Turkey threatened to expel the Dutch ambassador over the dispute.", "THREATEN", "Turkey", "Dutch", "expel"),
        ("The union threatened to strike unless the council withdrew the plan.", "THREATEN", "union", None, "restrict"),
        ("Kenya urged Uganda to reopen the border crossing at Busia.", "REQUEST", "Kenya", "Uganda", None),
        ("The Irish prime minister praised Britain's efforts on trade.", "SUPPORT", "prime minister", "Britain", None),
        ("Opposition leaders accused the president of rigging the vote.", "ACCUSE", "leaders", "president", "allege"),
        ("The mayor met with residents of the flooded district on Monday.", "CONSULT", "mayor", "residents", None),
        ("Chile and Peru have agreed to share data on fishing stocks.", "AGREE", "Chile", None, None),
        ("The foreign minister said Russia must release the detained journalists.", "REQUEST", "minister", "Russia", "yield"),
        ("Norway said it would not accept more refugees this year.", "REJECT", "Norway", None, None),
        ("Labour says the Treasury must scrap the fuel duty rise.", "REQUEST", "Labour", "Treasury", None),
        ("The militia vowed to attack the convoy near Goma.", "THREATEN", "militia", None, "violence"),
        ("The Spanish government has hailed the deal as historic.", "SUPPORT", "government", None, None),
        ("Ecuador broke off talks? No: Ecuador held talks with Peru on Tuesday.", "CONSULT", "Ecuador", "Peru", None),
        ("Brazil will give Bolivia $20m in flood aid, officials say.", "AGREE", "Brazil", "Bolivia", None),
    ],
)
def test_article_voice_acts(text, event_type, actor, recipient, mode):
    article, events = events_of(text)
    assert_event_spans_valid(article, events)
    event = find(events, event_type, actor)
    if recipient is not None:
        assert recipient in recipients(event)
    if mode is not None:
        assert event["mode"] == [mode]


def test_dates_of_reported_acts():
    _, events = events_of("Iran on Tuesday threatened to shell Iraqi towns near Basra.", published="2024-05-02")
    assert find(events, "THREATEN", "Iran")["date"] == "2024-04-30"
    _, events = events_of("Chile rejected the offer, which Peru made on Monday.", published="2024-05-02")
    assert find(events, "REJECT", "Chile")["date"] == "2024-05-02", "Monday dates Peru's offer, not the rejection"


@pytest.mark.parametrize(
    "text",
    [
        "The council did not reject the proposal.",
        "If the council rejects the proposal, talks will collapse.",
        "The minister denied the allegations of corruption.",
        "The minister said the economy grew by 2 per cent.",
        "Thousands of students staged rallies to demand lower fees.",
    ],
)
def test_no_verbal_event(text):
    _, events = events_of(text)
    assert events == [], [(e["event"], e["eventText"]) for e in events]


def test_inner_verbs_are_content_not_events():
    _, events = events_of("The president refused to meet the visiting delegation.")
    assert [e["event"] for e in events] == [["REJECT"]]


def test_quoted_words_are_not_reported_acts():
    acts = find_verbal_acts(load_model()('“We reject this deal,” the spokesman said.'))
    assert acts == []


def test_events_need_an_article_record():
    from saidwhat.errors import InputError

    with pytest.raises(InputError, match="saidwhat.extract"):
        events_for_article({"text": "Hamas rejected the deal."})


def test_a_given_parse_is_used_and_checked():
    from saidwhat.errors import InputError

    text = "Kenya urged Uganda to reopen the border."
    article = extract(text, article_id="k")
    doc = load_model()(text)
    assert events_for_article(article, doc) == events_for_article(article)
    with pytest.raises(InputError, match="not a parse"):
        events_for_article(article, load_model()("Something else entirely."))


def test_article_without_date_or_acts():
    article = extract("The weather in Oslo was mild for the season.")
    assert events_for_article(article) == []


def test_modes_from_content():
    assert mode_for("THREATEN", "to prosecute the minister") == "arrest"
    assert mode_for("THREATEN", "to impose a naval blockade") == "restrict"
    assert mode_for("REQUEST", "to hold talks next week") == "meet"
    assert mode_for("REJECT", "the opinion piece") is None


def test_gsr_label_mapping_and_name_agreement():
    assert LABEL_MAP == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
    assert names_agree(["United States"], ["the United States government"])
    assert not names_agree(["Iran"], ["Iraqi President Saddam Hussein"])
    assert names_agree([], [])


def test_summary_scores():
    scores = Scores()
    scores.tp.update({"REJECT": 3})
    scores.fp.update({"REJECT": 1})
    scores.fn.update({"REJECT": 1})
    scores.actor_right.update({"REJECT": 3})
    scores.recipient_right.update({"REJECT": 2})
    summary = summarize(scores)
    assert summary["per_type"]["REJECT"]["f1"] == pytest.approx(0.75)
    assert summary["verbal_actor_agreement"] == 1.0
    assert summary["verbal_recipient_agreement"] == pytest.approx(0.667, abs=1e-3)


@pytest.mark.slow
def test_plover_gold_standard_verbal_scores():
    """The PLOVER GSR (read from ../shared at test time, never stored): verbal event types and actors."""
    from saidwhat.events.evaluate import DEFAULT_GSR, evaluate, load_gsr

    if not DEFAULT_GSR.is_file():
        pytest.skip(f"PLOVER GSR not found at {DEFAULT_GSR} (set SAIDWHAT_PLOVER)")
    summary = summarize(evaluate(load_gsr(DEFAULT_GSR), progress=False))
    assert summary["verbal_micro"]["f1"] >= 0.80
    assert summary["verbal_actor_agreement"] >= 0.75
    assert summary["verbal_recipient_agreement"] >= 0.75
    assert summary["errors"] == []

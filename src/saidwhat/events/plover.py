"""PLOVER event records derived from one ``models.Article`` (no store access).

Two sources of events, merged by trigger:

1. Statements whose speech act is a PLOVER verbal act (``SPEECH_ACT_EVENTS``). The statement gives
   the actor (its source entity), often the recipient (its target), the date (its time), the place,
   the quote and the outlet chain (via).
2. Verbal acts the article reports in any voice, found by ``events.verbal`` on a re-parse of the
   text ("Hamas has repeatedly rejected any and all cease-fire agreements" -> REJECT).

Mapping decisions (PLOVER manual draft 0.8 and CAMEO2PLOVER-2021):
- CRITICIZE -> ACCUSE mode "disapprove"; ACCUSE -> ACCUSE mode "allege" (CAMEO 111/112).
- PROMISE -> AGREE (manual 3.1: "agree to, offer, promise … willingness to cooperate").
- WARN -> THREATEN ("coercive or forceful warnings", manual 3.11); PRAISE -> SUPPORT (CAMEO 051).
- STATEMENT, CLAIM, DENY, ADMIT, QUESTION, PREDICT, BELIEVE, INTEND, REPORT stay statements:
  PLOVER keeps only CAMEO's cue categories 03-20 and drops 01 (make statement, incl. 016 deny
  responsibility) and 02 (appeal).

Record layout follows the manual's chapter 6 JSON names (id, date, actor, recipient, event, mode,
eventText, eventLoc, quadCode, eventScale, textInfo, citeInfo, coder). Extension fields, which the
manual allows ("providers should feel free to include named fields"): ``quote`` (the statement's
content with spans), ``via`` (the outlet/document chain), ``statementId``, ``articleId``.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from saidwhat.events.verbal import (
    VerbalAct,
    content_owner,
    find_verbal_acts,
    governing_map,
    is_conditional,
    is_future,
    is_protest_purpose,
    mode_for,
)
from saidwhat.errors import InputError
from saidwhat.models import Article, EntityPart, SpeechAct, Statement
from saidwhat.nlp import load_model
from saidwhat.timex import find_timexes
from saidwhat.records import Span

CODEBOOK = "PLOVER draft 0.8 (2021-09-17)"
CODER = "saidwhat"

SPEECH_ACT_EVENTS: dict[SpeechAct, tuple[str, str | None]] = {
    SpeechAct.ACCUSE: ("ACCUSE", "allege"),
    SpeechAct.CRITICIZE: ("ACCUSE", "disapprove"),
    SpeechAct.THREATEN: ("THREATEN", None),
    SpeechAct.WARN: ("THREATEN", None),
    SpeechAct.REJECT: ("REJECT", None),
    SpeechAct.REQUEST: ("REQUEST", None),
    SpeechAct.AGREE: ("AGREE", None),
    SpeechAct.PROMISE: ("AGREE", None),
    SpeechAct.PRAISE: ("SUPPORT", None),
    SpeechAct.SUPPORT: ("SUPPORT", None),
}

# Manual section 1 quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict.
QUAD_CODES = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3}
# Manual table 2.2 conflict-cooperation scores (category, mode). The table prints ACCUSE as 3, which
# contradicts every ACCUSE mode (-2 to -3.5) and its quad; -3 is used.
EVENT_SCALES: dict[tuple[str, str | None], float] = {
    ("AGREE", None): 2.5, ("CONSULT", None): 2.5, ("CONSULT", "visit"): 4, ("CONSULT", "phone"): 1.5,
    ("SUPPORT", None): 5, ("REQUEST", None): 0, ("REQUEST", "assist"): 0.5, ("REQUEST", "change"): -1,
    ("REQUEST", "yield"): -1, ("REQUEST", "meet"): 0, ("ACCUSE", None): -3, ("ACCUSE", "disapprove"): -2,
    ("ACCUSE", "investigate"): -3.5, ("ACCUSE", "allege"): -3.5, ("REJECT", None): -2, ("REJECT", "assist"): -1.5,
    ("REJECT", "change"): -2, ("REJECT", "yield"): -2, ("REJECT", "meet"): -2, ("THREATEN", None): -3.5,
    ("THREATEN", "restrict"): -3, ("THREATEN", "arrest"): -3.5, ("THREATEN", "relations"): -3.5,
    ("THREATEN", "expel"): -3.5, ("THREATEN", "territory"): -4, ("THREATEN", "violence"): -3.5,
}

_PRONOUNS = {"it", "they", "we", "he", "she", "i", "you"}
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def events_for_article(article: Article, doc: Doc | None = None) -> list[dict]:
    """The PLOVER events of one article, in text order.

    ``doc`` is the article's parse when the caller already has it (the engine's own); otherwise the
    text is parsed again with the one pinned model."""
    if not isinstance(article, Article):
        raise InputError(
            f"events_for_article needs a saidwhat.models.Article, got {type(article).__name__}; "
            "run saidwhat.extract(text) first (or Article.model_validate(json) for stored records)"
        )
    if doc is None:
        doc = load_model()(article.text)
    elif doc.text != article.text:
        raise InputError("the doc passed to events_for_article is not a parse of this article's text")
    acts = find_verbal_acts(doc)
    used: set[int] = set()
    governing = governing_map(acts)
    events: list[dict] = []
    for statement in article.statements:
        mapped = SPEECH_ACT_EVENTS.get(statement.speech_act)
        cue = _cue_root(doc, statement)
        if mapped is None or (cue is not None and (is_protest_purpose(cue) or is_conditional(cue))):
            continue  # a protest's purpose, or a hypothetical act ("if the council rejects …"), is no event
        index, act = _act_at_cue(acts, statement)
        if cue is not None and content_owner(cue, governing) not in (None, index):
            continue  # the cue verb is the content of another act ("urged X to support Y")
        if index is not None:
            used.add(index)
        if cue is not None and mapped[0] in {"SUPPORT", "CONSULT"} and is_future(cue):
            mapped = ("AGREE", None)  # manual 3.1: future cooperation is AGREE
        events.append(_from_statement(article, statement, mapped, act))
    for index, act in enumerate(acts):
        if index in used or _inside_direct_quote(act.trigger, article.statements):
            continue
        events.append(_from_act(article, act, _statement_reporting(act, article.statements), _act_date(doc, act, article)))
    events.sort(key=lambda e: e["textInfo"]["trigger"][0][0] if e["textInfo"]["trigger"] else 0)
    for number, event in enumerate(events, start=1):
        event["id"] = f"{article.id}-ev{number}"
    return events


def _cue_root(doc: Doc, statement: Statement):
    """The syntactic head of the statement's cue ("calling" in "calling for"), if it has a cue."""
    if statement.cue is None:
        return None
    cue = doc.char_span(*statement.cue.spans[0], alignment_mode="expand")
    return cue.root if cue is not None else None


def _act_at_cue(acts: list[VerbalAct], statement: Statement) -> tuple[int | None, VerbalAct | None]:
    if statement.cue is None:
        return None, None
    for index, act in enumerate(acts):
        if any(start <= act.trigger[0] < end for start, end in statement.cue.spans):
            return index, act
    return None, None


def _inside_direct_quote(span: Span, statements: list[Statement]) -> bool:
    return any(
        s.kind == "direct" and any(start <= span[0] < end for start, end in s.content.spans) for s in statements
    )


def _statement_reporting(act: VerbalAct, statements: list[Statement]) -> Statement | None:
    """The statement whose cue is the act's trigger (typed as a plain statement) or its say-verb
    ("said Y must …"): it gives the event its speaker, date, quote and via."""
    anchors = [act.trigger[0], *([act.reported_by[0]] if act.reported_by else [])]
    return next(
        (s for s in statements if s.cue and any(a <= x < b for a, b in s.cue.spans for x in anchors)), None
    )


def _from_statement(
    article: Article, statement: Statement, mapped: tuple[str, str | None], act: VerbalAct | None
) -> dict:
    event, mode = mapped
    if act is not None and {event, act.event} <= {"AGREE", "THREATEN"}:
        event = act.event  # "vowed to attack" is a threat, "warned it would help" is not: the content decides
    if act is not None and act.event == event and act.mode:
        mode = mode or act.mode
    if mode is None and event in {"THREATEN", "REQUEST", "REJECT"}:
        mode = mode_for(event, statement.content.text)
    actor = [_entity_object(article, statement.source)] if statement.source else []
    if act is not None and act.actor and (not actor or _is_relative(statement.source)):
        actor = [_span_entity(article, span) for span in act.actor]
    if not actor and act is not None:
        actor = [_span_entity(article, span) for span in act.actor]
    parsed = [_span_entity(article, span) for span in act.recipient] if act is not None else []
    # The context stage's target wins when it names a resolved entity; else the parse's recipient
    # (an unresolved target is often a thing or a day: "threatened on Monday", "a curfew").
    if statement.target is not None and statement.target.entity:
        recipient = [_entity_object(article, statement.target)]
    else:
        recipient = parsed
    trigger = statement.cue.spans if statement.cue else ([act.trigger] if act else [])
    place = _entity_object(article, statement.place) if statement.place else (
        _span_entity(article, act.place) if act is not None and act.place else None
    )
    return _record(article, event, mode, actor, recipient, trigger, place, statement, act)


def _act_date(doc: Doc, act: VerbalAct, article: Article) -> str | None:
    """The day a time expression attached to the trigger gives ("Iran on Tuesday threatened …")."""
    published = dt.date.fromisoformat(article.published) if article.published else None
    trigger = doc[act.governs[0]]
    for ref in find_timexes(doc.text, published, start=act.sentence[0], end=act.sentence[1], prefer_past=True):
        span = doc.char_span(*ref.span, alignment_mode="expand")
        if span is None or not ref.value or not _FULL_DATE.match(ref.value):
            continue
        node = span.root
        while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            node = node.head
        if node.i == trigger.i:
            return ref.value[:10]
    return None


def _from_act(article: Article, act: VerbalAct, reporting: Statement | None, date: str | None) -> dict:
    actor = [_span_entity(article, span) for span in act.actor]
    speaks_for_itself = not act.actor or all(
        article.text[start:end].lower() in _PRONOUNS for start, end in act.actor
    ) or act.reported_by is None
    if reporting is not None and reporting.source is not None and not _is_relative(reporting.source) and speaks_for_itself:
        actor = [_entity_object(article, reporting.source)]
    recipient = [_span_entity(article, span) for span in act.recipient]
    place = _span_entity(article, act.place) if act.place else None
    record = _record(article, act.event, act.mode, actor, recipient, [act.trigger], place, reporting, act)
    if date is not None:
        record["date"] = date
    return record


def _record(
    article: Article,
    event: str,
    mode: str | None,
    actor: list[dict],
    recipient: list[dict],
    trigger: list[Span],
    place: dict | None,
    statement: Statement | None,
    act: VerbalAct | None,
) -> dict:
    text = article.text
    record: dict = {
        "id": "",
        "date": _date(statement, article),
        "actor": actor,
        "recipient": recipient,
        "event": [event],
        "mode": [mode] if mode else [],
        "eventText": [text[s:e] for s, e in trigger],
        "quadCode": QUAD_CODES.get(event),
        "eventScale": EVENT_SCALES.get((event, mode), EVENT_SCALES.get((event, None))),
        "textInfo": {
            "trigger": [list(s) for s in trigger],
            **({"start": act.sentence[0], "end": act.sentence[1]} if act is not None else {}),
        },
        "citeInfo": {k: v for k, v in {"url": article.url, "title": article.title, "publication": article.outlet}.items() if v},
        "coder": CODER,
        "codebook": CODEBOOK,
        "articleId": article.id,
        "statementId": statement.id if statement is not None else None,
        "quote": (
            {"text": statement.content.text, "spans": [list(s) for s in statement.content.spans]}
            if statement is not None
            else None
        ),
        "via": [_entity_object(article, v) for v in statement.via] if statement is not None else [],
    }
    if place is not None:
        record["eventLoc"] = {"extractedPlace": place["entityText"], "identifierId": place.get("identifierId")}
    return record


def _is_relative(part: EntityPart | None) -> bool:
    """ "who had warned": the relative pronoun names nobody; the parse's antecedent does."""
    return part is not None and part.text.lower() in {"who", "which", "that", "whom"}


def _date(statement: Statement | None, article: Article) -> str | None:
    if statement is not None and statement.time is not None and statement.time.value:
        if _FULL_DATE.match(statement.time.value):
            return statement.time.value[:10]
    return article.published


def _entity_object(article: Article, part: EntityPart) -> dict:
    entity = article.entity(part.entity)
    obj = {"entityText": part.text, "spans": [list(s) for s in part.spans]}
    if entity is None:
        span_entity = _span_entity(article, part.spans[-1])
        return {**span_entity, "entityText": part.text, "spans": obj["spans"]}
    return {**obj, "identifierId": entity.id, "identifierText": entity.name, "type": entity.type}


def _span_entity(article: Article, span: Span) -> dict:
    """The entity object for a text span: the article entity whose mention covers its end, if any."""
    start, end = span
    obj: dict = {"entityText": article.text[start:end], "spans": [[start, end]]}
    best = None
    for entity in article.entities:
        for m_start, m_end in entity.mentions:
            if m_start < end and start < m_end:
                overlap = min(end, m_end) - max(start, m_start)
                if best is None or overlap > best[0]:
                    best = (overlap, entity)
    if best is not None:
        entity = best[1]
        obj.update({"identifierId": entity.id, "identifierText": entity.name, "type": entity.type})
    return obj

"""Verbal political acts read off the dependency parse, in any voice ("Hamas rejected the deal").

The attribution stage finds statements (someone *says* something); PLOVER also codes acts that are
reported without a quote: "X rejected Y's proposal", "X threatened to cut off electricity to Y",
"X said Y must withdraw", "X will support Y's bid". This module is that component:

    trigger (verb lexicon, or say-verb + modal complement, or future/willing + cooperative verb)
      -> PLOVER event type and mode
    subject (nsubj; relative pronoun -> antecedent; passive -> "by" agent)   -> actor
    object / preposition / possessor of the rejected proposal / must-clause subject -> recipient

Negated and conditional ("if", "unless", "until") triggers are not events (PLOVER's auxiliary
modes say negated events are excluded); triggers inside quotation marks are the speaker's words,
not acts the article reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from saidwhat.records import Span

# lemma -> (event, mode). Modes follow the PLOVER manual's tables (ACCUSE: allege/disapprove/investigate).
VERB_EVENTS: dict[str, tuple[str, str | None]] = {
    **{v: ("ACCUSE", "allege") for v in ("accuse", "blame", "allege", "charge", "sue", "indict", "fault")},
    **{
        v: ("ACCUSE", "disapprove")
        for v in (
            "criticize", "criticise", "condemn", "denounce", "slam", "blast", "decry", "deplore", "lambaste",
            "lambast", "rebuke", "censure", "complain", "protest", "castigate", "chide", "scold", "assail",
            "berate", "excoriate",
        )
    },
    **{v: ("ACCUSE", "investigate") for v in ("investigate", "probe")},
    **{
        v: ("REJECT", None)
        for v in ("reject", "refuse", "dismiss", "decline", "veto", "oppose", "rebuff", "spurn", "renege", "repudiate")
    },
    "threaten": ("THREATEN", None),
    "warn": ("THREATEN", None),
    **{
        v: ("REQUEST", None)
        for v in ("demand", "urge", "appeal", "request", "implore", "plead", "order", "press", "pressure", "seek")
    },
    **{v: ("AGREE", None) for v in ("agree", "promise", "pledge", "offer", "vow", "accept", "swear", "volunteer")},
    **{
        v: ("SUPPORT", None)
        for v in (
            "praise", "hail", "laud", "commend", "welcome", "endorse", "back", "support", "defend", "apologize",
            "apologise", "forgive", "thank", "congratulate", "applaud", "recognize", "recognise", "upgrade",
        )
    },
    "meet": ("CONSULT", None),
    "visit": ("CONSULT", "visit"),
    "host": ("CONSULT", "visit"),
    "telephone": ("CONSULT", "phone"),
    "phone": ("CONSULT", "phone"),
    "negotiate": ("CONSULT", None),
}

# Verb + particle/preposition phrases: (lemma, word) -> (event, mode); the word's object is the recipient.
PHRASAL_EVENTS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("call", "on"): ("REQUEST", None),
    ("call", "upon"): ("REQUEST", None),
    ("call", "for"): ("REQUEST", None),
    ("ask", "for"): ("REQUEST", None),
    ("push", "for"): ("REQUEST", None),
    ("insist", "on"): ("REQUEST", None),
    ("rule", "out"): ("REJECT", None),
    ("lash", "out"): ("ACCUSE", "disapprove"),
    ("hit", "out"): ("ACCUSE", "disapprove"),
    ("take", "jab"): ("ACCUSE", "disapprove"),
    ("take", "aim"): ("ACCUSE", "disapprove"),
    ("lodge", "protest"): ("ACCUSE", "disapprove"),
    ("hold", "talks"): ("CONSULT", None),
    ("hold", "meeting"): ("CONSULT", None),
    ("hold", "discussions"): ("CONSULT", None),
    ("reach", "agreement"): ("AGREE", None),
    ("reach", "consensus"): ("AGREE", None),
    ("reach", "deal"): ("AGREE", None),
    ("sign", "agreement"): ("SUPPORT", None),
    ("sign", "treaty"): ("SUPPORT", None),
    ("sign", "deal"): ("SUPPORT", None),
    ("establish", "ties"): ("SUPPORT", None),
    ("establish", "relations"): ("SUPPORT", None),
    ("issue", "ultimatum"): ("THREATEN", None),
    ("renew", "negotiations"): ("CONSULT", None),
    ("resume", "negotiations"): ("CONSULT", None),
    ("resume", "talks"): ("CONSULT", None),
    ("open", "talks"): ("CONSULT", None),
    ("undertake", "mediation"): ("CONSULT", None),
    ("launch", "mediation"): ("CONSULT", None),
    ("begin", "talks"): ("CONSULT", None),
    ("give", "welcome"): ("CONSULT", "visit"),
    ("open", "hearing"): ("ACCUSE", "investigate"),
    ("hold", "hearing"): ("ACCUSE", "investigate"),
    ("put", "investigation"): ("ACCUSE", "investigate"),
    ("conduct", "investigation"): ("ACCUSE", "investigate"),
    ("complete", "investigation"): ("ACCUSE", "investigate"),
    ("file", "lawsuit"): ("ACCUSE", "allege"),
    ("file", "complaint"): ("ACCUSE", "allege"),
    ("launch", "investigation"): ("ACCUSE", "investigate"),
    ("open", "investigation"): ("ACCUSE", "investigate"),
    ("open", "investigations"): ("ACCUSE", "investigate"),
}

# Say-like verbs whose complement carries the act ("said Y must …", "announced it will …").
_REPORTING = {"say", "announce", "declare", "reiterate", "state", "insist", "conclude", "confirm", "add", "tell"}
# What a promised / future act is: cooperative acts are AGREE, coercive ones THREATEN (PLOVER 3.1, 3.11).
_COOPERATIVE = {
    "support", "give", "provide", "help", "send", "allow", "release", "meet", "visit", "return", "evacuate", "sign",
    "cooperate", "contribute", "lift", "free", "host", "negotiate", "resume", "open", "grant", "talk", "accept",
    "withdraw", "aid", "assist", "join", "respect", "recognize", "hand", "democratize", "ease",
}
_COERCIVE = {
    "boycott", "blockade", "ban", "impose", "halt", "stop", "cut", "attack", "strike", "launch", "shell", "bomb",
    "retaliate", "expel", "sanction", "suspend", "break", "destroy", "invade", "fight", "prosecute", "arrest",
    "punish", "tighten", "extend", "freeze", "close", "seize", "occupy", "annex", "kill", "jail", "deport",
}
_WITHDRAWN_HELP = re.compile(r"peacekeep|inspector|worker|aid\b|ambassador|observer|monitor|personnel|envoy", re.I)
_PROTEST_ACTIONS = {
    "stage", "block", "demonstrate", "rally", "march", "converge", "gather", "shun", "picket", "strike", "riot",
}
_PROTEST_NOUNS = {"rally", "rallies", "demonstration", "protest", "strike", "march", "sit-in", "road", "street", "roadblock"}
_WILLING = {"willing", "ready", "prepared", "committed", "determined", "eager"}

# THREATEN modes are the content of the threat (manual table 3.6).
THREAT_MODES: list[tuple[str, re.Pattern[str]]] = [
    ("arrest", re.compile(r"\b(prosecut|arrest|detain|imprison|jail|indict|legal|legally|court|sue|trial|charge)", re.I)),
    ("restrict", re.compile(r"\b(boycott|blockade|curfew|strike|ban|restrict|embargo|sanction|martial law|tariff)", re.I)),
    ("relations", re.compile(r"\b(relations|ties|talks|negotiation|mediation|contact|cut off|withdraw|aid)", re.I)),
    ("expel", re.compile(r"\b(expel|deport|diplomats|peacekeepers)", re.I)),
    ("territory", re.compile(r"\b(occupy|annex|seize control|invade|take over)", re.I)),
    ("violence", re.compile(r"\b(attack|strike|bomb|shell|kill|war|military|force|offensive|blows|hell|retaliat|destroy|terror|fight)", re.I)),
]
# REQUEST and REJECT share modes (manual tables 3.3, 3.5).
REQUEST_MODES: list[tuple[str, re.Pattern[str]]] = [
    ("meet", re.compile(r"\b(meet|meeting|talks|negotiat|mediat|summit|cease-?fire agreement|peace plan|settle)", re.I)),
    ("yield", re.compile(r"\b(release|free|lift|cease-?fire|truce|withdraw|end (the )?(war|sanctions|curfew))", re.I)),
    ("assist", re.compile(r"\b(aid|help|assist|assistance|support|cooperat|troops|refugees)", re.I)),
    ("change", re.compile(r"\b(resign|step down|reform|change|removal|elections|policy|autonomy|rights)", re.I)),
]

# "denied the allegations" is a DENY statement; "denied land allocation" refuses something (REJECT).
_DENIED_CLAIMS = {
    "allegation", "charge", "report", "accusation", "claim", "responsibility", "involvement", "wrongdoing",
    "knowledge", "role", "rumor", "rumour", "suggestion", "story", "link", "existence", "that",
}
# "Israel is opposed to …", "is committed to …": grammatically passive, semantically the actor's stance.
_STATIVE_PASSIVES = {"oppose", "commit", "determine", "prepare"}
_RELATIVE = {"who", "which", "that", "whom"}
_CONDITIONAL_MARKS = {"if", "unless", "until", "whether"}
_NOUN_POS = {"NOUN", "PROPN", "PRON"}
_GENERIC_OBJECTS = {
    "proposal", "request", "offer", "demand", "demands", "call", "calls", "appeal", "plan", "ultimatum", "invitation",
    "efforts", "bid", "statement", "policy", "resolution", "deal", "agreement", "agreements", "proposals",
}
_QUOTE_PAIRS = re.compile(r"“[^”]*”|\"[^\"\n]*\"|``[^`']*''")


@dataclass
class VerbalAct:
    """One verbal act found in the text: event type, mode, and where its parts are."""

    event: str
    mode: str | None
    trigger: Span
    sentence: Span
    actor: list[Span] = field(default_factory=list)
    recipient: list[Span] = field(default_factory=list)
    place: Span | None = None
    reported_by: Span | None = None  # the say-verb when the act sits in its complement ("said X must …")
    # Token indices of the trigger (and of the complement verb it speaks for): acts under them are its content.
    governs: tuple[int, ...] = ()


def find_verbal_acts(doc: Doc) -> list[VerbalAct]:
    """Every verbal act in the document, in text order, one per trigger token."""
    quoted = [m.span() for m in _QUOTE_PAIRS.finditer(doc.text)]
    found: list[tuple[Token, VerbalAct]] = []
    for token in doc:
        if any(start <= token.idx < end for start, end in quoted) or is_protest_purpose(token):
            continue
        act = _act_for(token)
        if act is not None:
            found.append((token, act))
    acts = [act for _, act in found]
    governing = governing_map(acts)
    # "offered to negotiate", "urged X to support", "said Y must agree": the inner verb is the content
    # of the outer act, not an act of its own.
    return [act for index, (token, act) in enumerate(found) if content_owner(token, governing) in (None, index)]


def governing_map(acts: list[VerbalAct]) -> dict[int, int]:
    """Token index -> the act it belongs to: each trigger, then (winning) the complements acts speak for."""
    governing = {act.governs[0]: index for index, act in enumerate(acts)}
    for index, act in enumerate(acts):
        for token_index in act.governs[1:]:
            governing[token_index] = index
    return governing


# Dependencies through which a clause is the content of the verb above it ("refused *to meet*",
# "demanded that partners *refuse*", "rejected an offer *to host* a summit"); an infinitival advcl
# ("… a summit *to hammer out* a deal") is content too, a finite one ("…, urging Y") is an act.
_CONTENT_DEPS = {"xcomp", "ccomp", "pcomp", "acl", "dobj", "pobj", "prep"}


def content_owner(token: Token, governing: dict[int, int]) -> int | None:
    """The act whose content this token is, else the act it triggers (or speaks for), if any."""
    node = token
    for _ in range(5):
        infinitive = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if (node.dep_ not in _CONTENT_DEPS and not infinitive) or node.head.i == node.i:
            break
        node = node.head
        if node.i in governing:
            return governing[node.i]
    return governing.get(token.i)


def is_protest_purpose(token: Token) -> bool:
    """ "staged rallies to demand reforms", "began a hunger strike to protest": the demand is the
    topic of a PROTEST, which PLOVER does not code separately (manual 3.12)."""
    if token.dep_ not in {"advcl", "xcomp", "acl", "relcl"}:
        return False
    head = token.head
    owner = head.head if head.pos_ == "NOUN" else head
    return head.lemma_.lower() in _PROTEST_ACTIONS or owner.lemma_.lower() in _PROTEST_ACTIONS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_NOUNS for c in head.children
    ) or any(c.lemma_.lower() in _PROTEST_NOUNS for c in head.subtree if c.dep_ == "pobj")


def _act_for(token: Token) -> VerbalAct | None:
    if token.pos_ not in {"VERB", "AUX", "ADJ"} or _is_negated(token) or is_conditional(token):
        return None
    if token.dep_ == "xcomp" and token.head.lemma_ == "be":
        return None  # "Hamas was to blame": a judgement about Hamas, not an act by it
    typed = _typed(token)
    if typed is None:
        return None
    event, mode, recipient_token, reported_by = typed
    if event in {"THREATEN", "REQUEST", "REJECT"} and mode is None:
        mode = mode_for(event, _content_text(token))
    actor_tokens = _actors(token if token.pos_ != "ADJ" else token.head)
    passive = any(c.dep_ == "nsubjpass" for c in token.children)
    if not actor_tokens and reported_by is None and not (passive and event == "ACCUSE"):
        return None  # an act needs an actor, except "X has been accused/indicted/put under investigation"
    if reported_by is not None and not actor_tokens:
        actor_tokens = _actors(reported_by)
    if reported_by is not None and event != "REQUEST":
        # "Brazil will give Bolivia aid, officials say": Brazil acts; the sayer acts only for itself
        # ("Hungary said it will support"), where the complement's subject is a pronoun.
        complement = _ccomp(token)
        subject = next((c for c in complement.children if c.dep_ == "nsubj"), None) if complement is not None else None
        if subject is not None and subject.pos_ != "PRON":
            actor_tokens = _with_conjuncts(subject)
    if recipient_token is None or (event in _THING_OBJECT_EVENTS and not _names_someone(recipient_token)):
        recipient_token = _named_in_content(token, actor_tokens) or (
            recipient_token if recipient_token is not None and event not in _THING_OBJECT_EVENTS else None
        )
    sentence = token.sent
    last = _phrase_word(token) or token
    governs = (token.i, *((reported_complement.i,) if (reported_complement := _ccomp(token)) is not None else ()))
    return VerbalAct(
        event=event,
        mode=mode,
        governs=governs,
        trigger=(token.idx, max(token.idx + len(token.text), last.idx + len(last.text))),
        sentence=(sentence.start_char, sentence.end_char),
        actor=[_noun_span(t) for t in actor_tokens],
        recipient=[_noun_span(t) for t in _with_conjuncts(recipient_token)] if recipient_token is not None else [],
        place=_place(token),
        reported_by=(reported_by.idx, reported_by.idx + len(reported_by.text)) if reported_by is not None else None,
    )


def _phrase(token: Token) -> tuple[Token, tuple[str, str | None]] | None:
    """A phrasal trigger: its word ("called *on*", "took a *jab*", "renewed *negotiations*", "launched a
    *mediation* effort", "put under *investigation*") and its (event, mode)."""
    lemma = token.lemma_.lower()
    for child in token.children:
        if child.dep_ in {"prep", "prt"}:
            words = [child, *(c for c in child.children if c.dep_ == "pobj")]
        elif child.dep_ == "dobj":
            words = [child, *(c for c in child.children if c.dep_ == "compound")]
        else:
            continue
        for word in words:
            for form in (word.lower_, word.lemma_.lower()):
                if (lemma, form) in PHRASAL_EVENTS:
                    return word, PHRASAL_EVENTS[(lemma, form)]
    return None


def _phrase_word(token: Token) -> Token | None:
    phrase = _phrase(token)
    return phrase[0] if phrase else None


def _typed(token: Token) -> tuple[str, str | None, Token | None, Token | None] | None:
    """(event, mode, recipient token, reporting verb) for a trigger token, or None."""
    lemma = token.lemma_.lower()
    phrase = _phrase(token)
    if phrase is not None:
        phrase_word, (event, mode) = phrase
        return event, mode, _phrasal_recipient(token, phrase_word), None
    if lemma == "fail":
        complement = _xcomp(token)
        inner = _phrase(complement) if complement is not None else None
        if complement is not None and (
            complement.lemma_.lower() in {"agree", "accept", "comply", "respond"} or (inner and inner[1][0] == "AGREE")
        ):
            return "REJECT", None, _recipient(complement, "REJECT"), None
        return None
    if lemma == "deny" and _ccomp(token) is None:
        objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if objects and objects[0].lemma_.lower() not in _DENIED_CLAIMS:
            return "REJECT", None, _recipient(token, "REJECT"), None
        return None
    if lemma == "arrive" and any(t.lemma_.lower() == "visit" for t in token.subtree):
        return "CONSULT", "visit", _prep_object(token, {"in", "at"}), None
    if lemma == "oppose" and token.pos_ == "ADJ" or (lemma == "opposed" and token.dep_ == "acomp"):
        return "REJECT", None, _recipient_of_object(_prep_object(token, {"to"})), None
    if token.pos_ == "ADJ":
        if lemma in _WILLING and token.dep_ in {"acomp", "amod"} and _xcomp(token) is not None:
            return _future_act(_xcomp(token), token)
        return None
    if lemma in {"order", "press", "pressure"} and _xcomp(token) is None:
        return None  # "ordered patrols" is an action; "ordered X to appear" is a demand
    if lemma == "seek" and not any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children):
        return None  # "sought to ease tensions" is an intention, "sought refuge" a request
    if lemma in VERB_EVENTS:
        event, mode = VERB_EVENTS[lemma]
        if lemma == "support" and is_future(token):
            event = "AGREE"
        if lemma in {"vow", "swear", "warn"}:
            event, mode = _promise_or_threat(token, event)
        if lemma == "host" and not any(c.dep_ == "dobj" for c in token.children):
            return None
        return event, mode, _recipient(token, event), None
    if lemma in _REPORTING:
        complement = next((c for c in token.children if c.dep_ == "ccomp" and c.pos_ in {"VERB", "AUX"}), None)
        if complement is not None:
            return _complement_act(complement, token)
        return None
    if lemma in {"plan", "intend", "decide", "prepare"} and _xcomp(token) is not None:
        complement = _xcomp(token)
        if complement.lemma_.lower() in _COERCIVE:
            return _future_act(complement, token)
        return None
    if token.dep_ == "ROOT" and _is_coercive(token) and (is_future(token) or _has_modal(token, {"may", "might", "could"})):
        return "THREATEN", mode_for("THREATEN", _subtree_text(token)), _recipient(token, "THREATEN"), None
    if is_future(token) and token.dep_ == "ROOT" and lemma in _COOPERATIVE:
        return "AGREE", None, _recipient(token, "AGREE"), None
    return None


def _is_coercive(verb: Token) -> bool:
    """Coercive verbs, and withdrawing help (peacekeepers, inspectors, aid) rather than forces."""
    lemma = verb.lemma_.lower()
    if lemma == "withdraw":
        return bool(_WITHDRAWN_HELP.search(_subtree_text(verb)))
    return lemma in _COERCIVE


def _has_modal(token: Token, modals: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in modals for c in token.children)


def _complement_act(verb: Token, reporter: Token) -> tuple[str, str | None, Token | None, Token | None] | None:
    """ "said Y must withdraw" -> REQUEST to Y; "said it will not accept" -> REJECT; "will release" -> AGREE."""
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if modals & {"must", "should"} and subject is not None and subject.lower_ not in {"it", "we", "i", "they"}:
        return "REQUEST", None, subject, reporter
    if modals & {"will", "would", "'ll", "shall"}:
        lemma = verb.lemma_.lower()
        if _is_negated(verb) and lemma in _COOPERATIVE | {"meet", "accept"}:
            return "REJECT", None, _recipient(verb, "REJECT"), reporter
        if _is_coercive(verb) or (_is_negated(verb) and lemma in {"tolerate", "allow"}):
            return "THREATEN", mode_for("THREATEN", _subtree_text(verb)), _recipient(verb, "THREATEN"), reporter
        if lemma in _COOPERATIVE and not _is_negated(verb):
            return "AGREE", None, _recipient(verb, "AGREE"), reporter
    return None


def _future_act(verb: Token, willing: Token) -> tuple[str, str | None, Token | None, Token | None] | None:
    if _is_coercive(verb):
        return "THREATEN", mode_for("THREATEN", _subtree_text(verb)), _recipient(verb, "THREATEN"), None
    return "AGREE", None, _recipient(verb, "AGREE"), None


def _promise_or_threat(token: Token, event: str) -> tuple[str, str | None]:
    """ "vowed to fight" is a threat, "vowed to help" a promise; "warned of war" a threat."""
    content = _content_text(token)
    coercive = any(t.lemma_.lower() in _COERCIVE for t in token.subtree) or THREAT_MODES[-1][1].search(content)
    if coercive:
        return "THREATEN", mode_for("THREATEN", content)
    if token.lemma_.lower() == "warn":
        return "THREATEN", mode_for("THREATEN", content)
    return "AGREE", None


def mode_for(event: str, content: str) -> str | None:
    """The PLOVER mode a content text gives a THREATEN, REQUEST or REJECT event, if any."""
    table = THREAT_MODES if event == "THREATEN" else REQUEST_MODES
    return next((name for name, pattern in table if pattern.search(content)), None)


def _content_text(token: Token) -> str:
    """What the act is about: its complements and objects (not its subject)."""
    parts = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep", "dative", "attr", "advcl"}]
    return " ".join(_subtree_text(c) for c in parts)


def _subtree_text(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _ccomp(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "ccomp"), None)


def _xcomp(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ == "xcomp"), None)


def is_future(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "would", "shall"} for c in token.children)


def _is_negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def is_conditional(token: Token) -> bool:
    node = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in node.children):
            return True
        if node.dep_ not in {"xcomp", "conj", "ccomp", "advcl"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def _actors(verb: Token) -> list[Token]:
    """Who performs the act: the subject (through conjunctions, xcomp, relative clauses, passives)."""
    node = verb
    for _ in range(4):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _with_conjuncts(pobj)
        subject_deps = {"nsubj", "csubj"} | ({"nsubjpass"} if node.lemma_.lower() in _STATIVE_PASSIVES else set())
        subject = next((c for c in node.children if c.dep_ in subject_deps), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE and node.dep_ == "relcl":
                return _with_conjuncts(node.head)
            return _with_conjuncts(subject)
        if node.dep_ in {"conj", "xcomp", "advcl", "acomp"} and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "relcl":
            return _with_conjuncts(node.head)
        break
    return []


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(t for t in token.conjuncts if t.pos_ in _NOUN_POS and t.i > token.i)]


def _recipient(verb: Token, event: str) -> Token | None:
    """To whom the act is directed (never a date or time: "called Thursday on Arabs")."""
    found = _recipient_candidate(verb, event)
    if found is None or found.ent_type_ in {"DATE", "TIME"}:
        return None
    if found.lower_ in _RELATIVE and verb.dep_ == "relcl":
        return verb.head  # "refugees, whom authorities blame": the antecedent
    return found


def _recipient_candidate(verb: Token, event: str) -> Token | None:
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None and event in {"ACCUSE", "SUPPORT", "REQUEST", "THREATEN"}:
        return passive_subject
    complement = _xcomp(verb)
    # A proper noun right after the verb is its object even when the parser calls it npadvmod.
    objects = [
        c for c in verb.children
        if c.dep_ in {"dobj", "dative"} or (c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.i == verb.i + 1)
    ]
    dobj = next((c for c in objects if c.pos_ in {"NOUN", "PROPN"}), objects[0] if objects else None)
    if event == "REQUEST" and dobj is None:
        clause = _ccomp(verb)
        if clause is not None:
            return next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if dobj is None and complement is not None:
        return _recipient_candidate(complement, event)
    if dobj is not None:
        if _names_someone(dobj):
            return dobj
        return _recipient_of_object(dobj) or _prep_object(verb, _TO_WHOM) or (
            dobj if event not in {"REJECT", "THREATEN"} and dobj.pos_ in _NOUN_POS else None
        )
    return _prep_object(verb, _TO_WHOM | {"at", "on", "over"}) or (
        _prep_object(complement, _TO_WHOM | {"on"}) if complement is not None else None
    )


_TO_WHOM = {"against", "to", "with", "from", "toward", "towards"}


def _names_someone(noun: Token) -> bool:
    """A proper name or a named kind of actor, as opposed to a thing ("proposal", "restrictions")."""
    return noun.pos_ == "PROPN" or noun.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or (
        noun.pos_ == "NOUN" and noun.lemma_.lower() in _ACTOR_NOUNS
    )


_ACTOR_NOUNS = {
    "government", "official", "leader", "president", "minister", "rebel", "group", "party", "army",
    "police", "court", "council", "authority", "regime", "country", "state", "people", "ally", "neighbor",
    "neighbour", "opposition", "militant", "administration", "partner", "counterpart", "worker", "citizen",
    "mediator", "negotiator", "protester", "demonstrator", "activist", "lawmaker", "senator", "union",
    "committee", "agency", "ministry", "organization", "organisation", "coalition", "faction", "insurgent",
    "diplomat", "envoy", "spokesman", "spokeswoman", "judge", "prosecutor",
    "company", "firm", "bank", "regulator", "employer", "resident", "voter", "student", "teacher", "doctor",
}


def _recipient_of_object(noun: Token | None) -> Token | None:
    """The actor behind an object: its owner, or whom it is directed at ("restrictions against German goods")."""
    if noun is None:
        return None
    return _owner_of(noun) or _prep_object(noun, _TO_WHOM | {"on", "of"}, objects=False)


# Events whose direct object is usually a thing ("agreed to a ceasefire", "threatened a strike"): their
# recipient is an actor named elsewhere in the content ("… a curfew in Algiers", "… with Russia").
_THING_OBJECT_EVENTS = {"AGREE", "REJECT", "THREATEN"}
_NAMED_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


def _named_in_content(trigger: Token, actors: list[Token]) -> Token | None:
    """The first named actor in what the act is about, outside its subject and outside if/unless
    clauses when possible ("threatened to cut off electricity to the Azerbaijani republic …")."""
    excluded = {t.i for actor in actors for t in actor.subtree}
    head = trigger if trigger.pos_ != "ADJ" else trigger.head
    parts = [c for c in head.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep", "dative", "advcl", "acomp"}]
    if trigger.i != head.i:
        parts += [c for c in trigger.children if c.dep_ in {"xcomp", "prep"}]
    candidates = [
        t for part in parts for t in part.subtree
        if t.i not in excluded and t.i != trigger.i and t.ent_type_ in _NAMED_TYPES and t.dep_ != "poss" or (
            t.i not in excluded and t.dep_ == "poss" and t.ent_type_ in _NAMED_TYPES
        )
    ]
    if not candidates:
        return None
    plain = [t for t in candidates if not _in_conditional(t, head)]
    chosen = min(plain or candidates, key=lambda t: t.i)
    return _entity_head(chosen)


def _in_conditional(token: Token, stop: Token) -> bool:
    node = token
    while node.i != stop.i and node.head.i != node.i:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in node.children):
            return True
        node = node.head
    return False


def _entity_head(token: Token) -> Token:
    """The last token of the named entity a token belongs to (its syntactic head within the name)."""
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent.root
    return token


def _owner_of(noun: Token) -> Token | None:
    """Whose proposal: "Saddam Hussein's proposal", "a U.S. request", "calls by Kofi Annan"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in noun.children:
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    for child in noun.children:
        if child.dep_ in {"compound", "amod", "nmod"} and (child.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}):
            return child
    return None


def _prep_object(verb: Token, preps: set[str], objects: bool = True) -> Token | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                return _owner_of(pobj) if pobj.lemma_.lower() in _GENERIC_OBJECTS and _owner_of(pobj) else pobj
    if not objects:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            found = _prep_object(child, preps)
            if found is not None:
                return found
    return None


def _phrasal_recipient(verb: Token, particle: Token) -> Token | None:
    """ "called on X", "took a jab at X", "held talks with X", "lashed out at X"."""
    if particle.dep_ == "prep":
        pobj = next((c for c in particle.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.lower_ not in _GENERIC_OBJECTS:
            return pobj
    holder = particle if particle.dep_ == "dobj" else verb
    return _prep_object(holder, {"at", "with", "against", "on", "to"}) or _prep_object(
        verb, {"at", "with", "against", "on", "to"}
    )


def _place(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ in {"GPE", "LOC", "FAC"}:
                return _noun_span(pobj)
    return None


def _noun_span(noun: Token) -> Span:
    """The name of an entity as written: the noun with its compounds, modifiers and possessor."""
    doc = noun.doc
    start = noun.i
    for child in noun.lefts:
        if child.dep_ in {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod"}:
            start = min(start, child.left_edge.i)
    end = noun.i
    for child in noun.rights:
        if child.dep_ in {"compound", "flat"} or (child.dep_ == "appos" and child.i == noun.i + 1 and child.pos_ == "PROPN"):
            end = max(end, child.i)
    while start < noun.i and doc[start].dep_ in {"det", "punct", "cc"}:
        start += 1
    return (doc[start].idx, doc[end].idx + len(doc[end].text))

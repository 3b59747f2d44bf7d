"""Context of a statement: speech act, target, time, place, venue and outlet chain.

Everything is read from the attribution's *frame*: the cue's own clause (its adverbials,
prepositional phrases, objects and a participial "Speaking with the Times on Saturday" lead),
never from inside the content or the source. The decisions below are documented in
docs/speech-acts.md:

- target: whom the statement is about or addressed to — the cue's object ("accused Hamas"),
  the object of a phrasal cue ("took a jab at Trump") or of its infinitive ("threatened to
  prosecute Blinken"), a named addressee ("told Blinken"); generic audiences ("told reporters")
  are not targets; for evaluative acts, else the named subject of the content. A name is
  returned without its titles ("US Secretary of State Antony Blinken" -> "Antony Blinken").
- venue: the setting ("a news conference", "weekend interview with The New York Times",
  "a post on X", "Twitter"); an outlet spoken to ("told Reuters", "Speaking with the Times") is
  the venue, given as the outlet's name.
- via: the outlets and documents the statement reached us through, nearest to the speaker
  first ("X said ..., the Post reported, citing Reuters" -> [Reuters, the Post]).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span as SpacySpan, Token

from saidwhat.cues import AUDIENCE_NOUNS, DOCUMENT_NOUNS
from saidwhat.models import SpeechAct
from saidwhat.records import FoundAttribution, Span, StatementContext, TimeRef
from saidwhat.names import MEDIA_NOUNS
from saidwhat.spans import apposed_name, covered_tokens
from saidwhat.speech_acts import classify, lookup
from saidwhat.timex import find_timexes

# Settings a statement is made in ("at a news conference", "in a statement", "during a debate").
VENUE_NOUNS = frozenset(
    """conference briefing interview statement speech rally hearing post tweet op-ed oped letter email
    e-mail release meeting summit debate podcast program programme show broadcast appearance event
    session address remarks video memo filing testimony hall forum panel discussion chat
    conversation call teleconference livestream stream sermon lecture commencement ceremony
    convention gathering roundtable dinner luncheon breakfast reception keynote announcement note
    message column essay editorial article blog thread newsletter communique communiqué
    declaration submission motion plea deposition affidavit transcript documentary episode segment
    radio television tv stop visit tour trip paper study report book memoir""".split()
)
PLATFORMS = frozenset(
    """twitter x facebook instagram tiktok youtube telegram truth threads bluesky linkedin reddit
    snapchat weibo whatsapp substack mastodon gab parler rumble""".split()
)
# Outlet names: news organizations spoken to ("told Reuters") or reported through ("according to CNN").
_MEDIA = re.compile(
    r"\b(?:Times|Post|News|Journal|Reuters|AP|Associated Press|AFP|Agence France-Presse|BBC|CNN|Fox|"
    r"NBC|CBS|ABC|MSNBC|NPR|PBS|Guardian|Telegraph|Independent|Bloomberg|Axios|Politico|Tribune|"
    r"Herald|Gazette|Globe|Daily|Magazine|Radio|TV|Television|Al Jazeera|Al-Jazeera|Sky|Haaretz|"
    r"Channel|Network|Press|Chronicle|Observer|Mirror|Sun|Express|Mail|Star|Wire|Insider|Economist|"
    r"Atlantic|Vox|HuffPost|BuzzFeed|Breitbart|Hill|Newsweek|Time|Forbes|Interfax|Xinhua|Tass|TASS|"
    r"RIA|Yonhap|Kyodo|Le Monde|Spiegel|ESPN|Sky Sports|Deadline|Variety|Wired|Vice|Semafor|"
    r"Punchbowl|Examiner|Courier|Record|Dispatch|Inquirer|Bulletin|Standard|Sentinel|Post-Gazette|"
    r"Broadcasting|Media|Newspaper|Agency|Al-Quds|Anadolu|Kan|Ynet|Walla|Maariv|CNBC|C-SPAN|Morning Joe|"
    r"Meet the Press|Face the Nation|Good Morning America|60 Minutes|Hardball|Fox & Friends|Morning|"
    r"Tonight|Show|Podcast|PTI|ANI|IANS|UNI|EFE|ANSA|DPA|dpa|KCNA|IRNA|WAFA|Nikkei|Asahi|Yomiuri|Kompas|Dawn|"
    r"Ledger|Bee|Beacon|Argus|Advertiser|Enquirer|Clarion|Vanguard|Punch|Statesman|Courant|Register|Recorder)\b"
)
# What a speaker asserts: rejecting one of these denies it.
_ASSERTION_NOUNS = frozenset(
    "account claim suggestion allegation accusation assertion report charge story notion idea characterization "
    "portrayal version narrative description reports claims suggestions allegations accusations".split()
)
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "outside", "inside", "near", "during", "aboard"})
VENUE_PREPOSITIONS = frozenset({"at", "in", "during", "on", "via", "through", "over", "into"})
# Prepositions that attach a target to a phrasal cue ("take a jab at", "lash out against").
TARGET_PREPOSITIONS = frozenset({"at", "against", "on", "of", "with", "behind", "about", "into", "upon", "to"})
# Acts whose object is what the statement is about, whoever or whatever it is.
EVALUATIVE_ACTS = frozenset(
    {SpeechAct.ACCUSE, SpeechAct.CRITICIZE, SpeechAct.PRAISE, SpeechAct.SUPPORT, SpeechAct.THREATEN}
)
# Acts whose named object or addressee is a target ("warned Iran", "urged Congress").
ADDRESSING_ACTS = frozenset(
    {SpeechAct.WARN, SpeechAct.REQUEST, SpeechAct.QUESTION, SpeechAct.PROMISE, SpeechAct.STATEMENT,
     SpeechAct.REJECT, SpeechAct.AGREE, SpeechAct.DENY, SpeechAct.CLAIM, SpeechAct.ADMIT}
)  # fmt: skip
# Object pronouns an evaluative act can target; the entity stage resolves them to their antecedent.
_PERSONAL_OBJECTS = frozenset({"him", "her", "them"})
# Participles that set the scene of a statement ("Speaking with the Times on Saturday, ...").
SCENE_VERBS = frozenset({"speak", "talk", "address", "testify", "appear", "write", "interview", "post", "respond", "answer"})
REPORTING_VERBS = frozenset({"report", "write", "say", "publish", "reveal", "learn", "cite", "quote", "tell", "note", "add"})
_TITLE_WORDS = frozenset(
    """president president-elect elect vice secretary minister prime senator sen. rep. representative
    gov. governor mayor chancellor king queen prince princess judge justice general gen. col. lt.
    adm. admiral chief ceo chairman chairwoman chair director spokesman spokeswoman spokesperson
    ambassador leader commissioner sheriff officer coach manager captain dr. mr mr. mrs mrs. ms ms.
    sir dame lord lady pope cardinal rabbi imam rev. father state of foreign defense defence
    interior finance health us u.s. uk u.k. former acting deputy assistant attorney""".split()
)
# Dependents that open a clause of their own: nothing inside them belongs to the cue's frame.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "csubj", "parataxis"})
_FRAME_DEPS = frozenset({"npadvmod", "prep", "advmod", "agent", "dative", "dobj", "advcl", "attr"})


def find_contexts(
    doc: Doc, attributions: Iterable[FoundAttribution], published: dt.date | None
) -> list[StatementContext]:
    """The context of each attribution of one document."""
    # Doc.text joins every token anew on each access: read it once per document, not per attribution.
    text = doc.text
    return [_context(doc, text, attribution, published) for attribution in attributions]


def find_context(doc: Doc, attribution: FoundAttribution, published: dt.date | None) -> StatementContext:
    """Speech act, target, time, place, venue and via of one attribution (spans into doc.text)."""
    return find_contexts(doc, [attribution], published)[0]


def _context(doc: Doc, text: str, attribution: FoundAttribution, published: dt.date | None) -> StatementContext:
    head = _cue_head(doc, attribution.cue)
    act = _speech_act(doc, text, attribution, head)
    if head is None:
        return StatementContext(speech_act=act.value)
    source = covered_tokens(doc, attribution.source or [])
    blocked = covered_tokens(doc, attribution.content or []) | source
    own_cue = covered_tokens(doc, attribution.cue or [])
    via, via_tokens = _via(doc, head, attribution, blocked)
    venue = place = time = None
    venue_tokens: set[int] = set()
    # The cue's own frame first; a conjoined or participial cue ("said … and added", "spoke at a
    # rally, saying") shares the scene of the verb it hangs on.
    for scene_head, frame in _frames(head, blocked):
        frame -= via_tokens
        if venue is None:
            venue, venue_tokens = _venue(doc, scene_head, frame)
        place = place or _place(doc, frame, venue_tokens)
        # A cue span may carry its time ("said Tuesday" as one cue).
        extra = venue_tokens | _subject_adverbials(scene_head, blocked) | own_cue
        time = time or _time(doc, text, scene_head, frame, extra, published)
    target = _target(doc, head, act, attribution, blocked | venue_tokens | via_tokens, source, own_cue)
    return StatementContext(
        speech_act=act.value, target=target, time=time, place=place, venue=venue, via=via
    )


# --- tokens and spans -----------------------------------------------------------------------------


def _cue_head(doc: Doc, cue: list[Span] | None) -> Token | None:
    """The syntactic head of the cue: its token whose head lies outside the cue (a verb if any)."""
    if not cue:
        return None
    indices = covered_tokens(doc, cue)
    tokens = [doc[i] for i in sorted(indices) if not doc[i].is_space]
    if not tokens:
        return None
    heads = [t for t in tokens if t.head.i not in indices or t.head.i == t.i]
    for candidates in ([t for t in heads if t.pos_ in ("VERB", "AUX")], heads, tokens):
        if candidates:
            return candidates[0]
    return None


def _char_span(tokens: Iterable[Token]) -> list[Span]:
    """One span from the first to the last token, without spaces and punctuation at either edge
    ("a post on X" where the parser hung the full stop and the line break on "X")."""
    ordered = sorted(tokens, key=lambda t: t.i)
    while ordered and (ordered[-1].is_space or ordered[-1].is_punct and ordered[-1].text not in ")]”’\"'"):
        ordered.pop()
    while ordered and ordered[0].is_space:
        ordered.pop(0)
    if not ordered:
        return []
    last = ordered[-1]
    end = last.idx + len(last.text)
    if last.text.endswith(".") and last.text[:-1].lower() in PLATFORMS:
        end -= 1  # "on X." read as one token: the full stop closes the sentence
    return [(ordered[0].idx, end)]


def _entity_of(token: Token) -> SpacySpan | None:
    """The named entity ``token`` is part of (read from its IOB tags, not by scanning doc.ents)."""
    if not token.ent_type_:
        return None
    doc, start, end = token.doc, token.i, token.i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=token.ent_type_)


def _name_span(token: Token) -> list[Span]:
    """The name a noun phrase headed by ``token`` refers by, without titles, determiners kept.

    "US Secretary of State Antony Blinken" -> "Antony Blinken"; "the terror group" stays whole.
    """
    ent = _entity_of(token)
    if ent is not None and ent.label_ in NAMED and ent.root.i == token.i:
        tokens = list(ent)
        while ent.label_ == "PERSON" and len(tokens) > 1 and tokens[0].lower_ in _TITLE_WORDS:
            tokens = tokens[1:]
        return _char_span(tokens)
    left = [t for t in token.lefts if t.dep_ in ("det", "compound", "amod", "nmod", "nummod", "poss", "case", "punct")]
    tokens = [token]
    for child in reversed(left):
        if child.dep_ == "punct" and child.text not in "-–":
            break
        tokens.extend(child.subtree)
    if token.pos_ == "PROPN":
        # Titles in front of a proper name: keep only the capitalized run ending at the name.
        run = [token]
        # "the Chief Minister": an office with no name after it keeps its whole title.
        office = token.lower_ in _TITLE_WORDS
        for t in reversed(list(token.doc[min(t.i for t in tokens) : token.i])):
            if (t.lower_ in _TITLE_WORDS and not office) or not (t.pos_ == "PROPN" or t.text in "-–"):
                break
            run.append(t)
        while len(run) > 1 and run[-1].text in "-–":
            run.pop()
        tokens = run
    return _char_span(tokens)


def _noun_phrase(token: Token, *, keep_possessor: bool = True) -> list[Token]:
    """The noun phrase of ``token`` without relative clauses, appositions and trailing clauses."""
    tokens = [token]
    for child in token.lefts:
        if child.dep_ == "poss" and not keep_possessor:
            continue
        if child.dep_ in ("punct",) and child.text in "“”\"'":
            continue
        tokens.extend(child.subtree)
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ in ("with", "on", "to", "for", "before", "by", "of"):
            dropped = {t.i for p in child.subtree if _is_place_or_time_phrase(p) for t in p.subtree}
            tokens.extend(t for t in child.subtree if not _inside_clause(t, child) and t.i not in dropped)
        elif child.dep_ in ("compound", "amod", "nummod", "case"):
            tokens.extend(child.subtree)
    return _balanced_quotes(_contiguous(sorted(tokens, key=lambda t: t.i), token))


def _is_place_or_time_phrase(token: Token) -> bool:
    """ "in Virginia", "on Monday" inside a noun phrase: the place and time, not the setting."""
    if token.dep_ != "prep" or token.lower_ not in PLACE_PREPOSITIONS | {"on"}:
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("GPE", "LOC", "DATE", "TIME") for o in objects)


def _balanced_quotes(tokens: list[Token]) -> list[Token]:
    """Close a quotation the phrase opens (“Fox News Sunday” keeps its closing mark); a phrase that
    starts with an unclosed mark loses it. (US style puts the comma inside: "Face the Nation," stays
    open rather than swallow the comma.)"""
    if not tokens:
        return tokens
    opened = sum(t.text in "“\"" for t in tokens) - sum(t.text == "”" for t in tokens)
    if opened > 0:
        after = tokens[-1].i + 1
        if after < len(tokens[0].doc) and tokens[0].doc[after].text in "”\"":
            return [*tokens, tokens[0].doc[after]]
        if tokens[0].text in "“\"":
            return tokens[1:]
    return tokens


def _contiguous(tokens: list[Token], anchor: Token) -> list[Token]:
    """The run of consecutive tokens around ``anchor`` (stops at gaps and at commas)."""
    index = {t.i for t in tokens}
    start = end = anchor.i
    while start - 1 in index and anchor.doc[start - 1].text != ",":
        start -= 1
    while end + 1 in index and anchor.doc[end + 1].text != ",":
        end += 1
    run = list(anchor.doc[start : end + 1])
    while run and (run[-1].is_punct and run[-1].text not in ".") and run[-1].i != anchor.i:
        run.pop()
    return run


def _inside_clause(token: Token, top: Token) -> bool:
    """Is ``token`` inside a clause (relative, complement) that hangs below ``top``?"""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in _CLAUSE_DEPS or token.dep_ == "advcl":
            return True
        token = token.head
    return False


# --- frame ----------------------------------------------------------------------------------------

# Prepositional phrases that situate something else, not the statement ("after the interview").
_NOT_FRAME_PREPOSITIONS = frozenset(
    {"according", "after", "before", "despite", "because", "than", "like", "ahead", "until", "till", "since", "by"}
)
# Participles and conjuncts that share the scene of their governing verb.
_SCENE_SHARING_DEPS = frozenset({"conj", "advcl"})


def _frames(head: Token, blocked: set[int]) -> list[tuple[Token, set[int]]]:
    """The cue's frame, then (for "…, saying" and "… and added") its governing verb's frame."""
    frames = [(head, _frame(head, blocked))]
    parent = _scene_parent(head)
    if parent is not None:
        own_clause = {t.i for t in head.subtree}
        frames.append((parent, _frame(parent, blocked | own_clause)))
    return frames


def _scene_parent(head: Token) -> Token | None:
    """The verb whose scene a conjoined or participial cue shares.

    Usually the verb it hangs on; when the parser hangs "and added" on the previous content
    ("said … that talks would resume and added …"), the speech verb above that content.
    """
    if head.dep_ not in _SCENE_SHARING_DEPS or head.head.i == head.i or head.head.pos_ not in ("VERB", "AUX"):
        return None
    # Only a subjectless participle or conjunct shares it: "after the official blamed …" has its own.
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in head.children):
        return None
    token = head.head
    for _ in range(3):
        if lookup(token.lemma_.lower()) is not None or token.dep_ not in ("ccomp", "conj"):
            return token
        token = token.head
    return head.head



def _frame(head: Token, blocked: set[int]) -> set[int]:
    """Token indices of the cue's own clause: adverbials, objects, scene-setting participles."""
    frame: set[int] = set()
    for child in head.children:
        if child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME"):
            # "targeted [Blinken last year as a problem]": a bare date on the verb dates the act
            # even when a phrasal content span runs over it.
            frame.update(t.i for t in child.subtree)
            continue
        if child.i in blocked and child.dep_ not in ("nsubj", "nsubjpass"):
            frame.update(_hanging_outside(child, blocked))
        if child.i in blocked or child.dep_ not in _FRAME_DEPS:
            continue
        if child.dep_ == "advcl" and child.lemma_ not in SCENE_VERBS:
            # "Sentencing him on Friday, the judge told him …": a fronted participle dates the scene.
            if child.i < head.i and child.tag_ == "VBG":
                frame.update(_dates_of(child, blocked))
            continue
        if child.dep_ == "prep" and child.lower_ in _NOT_FRAME_PREPOSITIONS:
            continue
        for token in child.subtree:
            if token.i not in blocked and not _inside_clause(token, child if child.dep_ == "advcl" else head):
                if not _situates_something_else(token, child):
                    frame.add(token.i)
    # A "where he said" clause: the setting it hangs on is part of the frame.
    setting = _relative_setting(head)
    if setting is not None:
        frame.update(t.i for t in _noun_phrase(setting, keep_possessor=False) if t.i not in blocked)
    # "In a statement released on Friday", "In one message, dated July 18,": the setting's own date.
    for token in [head.doc[i] for i in frame]:
        if _is_venue_noun(token):
            for participle in token.children:
                if participle.dep_ in ("acl", "amod") and participle.tag_ == "VBN":
                    frame.update(_dates_of(participle, blocked))
    return frame


def _situates_something_else(token: Token, top: Token) -> bool:
    """Below "ahead of", "after", "until" … within ``top``: "speaking ahead of Sunday's visit" is not
    dated Sunday."""
    while token.i != top.i and token.head.i != token.i:
        if token.lower_ in _NOT_FRAME_PREPOSITIONS and token.dep_ in ("prep", "advmod"):
            return True
        token = token.head
    return False


def _dates_of(verb: Token, blocked: set[int]) -> set[int]:
    """The date and time words of a participle's own adverbials ("on Friday", "last week")."""
    indices: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod") and child.lower_ not in _NOT_FRAME_PREPOSITIONS:
            indices.update(
                t.i for t in child.subtree if t.ent_type_ in ("DATE", "TIME") and t.i not in blocked and not _inside_clause(t, child)
            )
    return indices


def _hanging_outside(content_top: Token, blocked: set[int]) -> set[int]:
    """Adverbials the parser hung on the content but that lie outside its span
    ("denied [the allegations] in a filing on Friday")."""
    indices: set[int] = set()
    for token in content_top.subtree:
        if token.i not in blocked and token.head.i in blocked and token.dep_ in ("prep", "npadvmod"):
            if token.lower_ not in _NOT_FRAME_PREPOSITIONS:
                indices.update(t.i for t in token.subtree if t.i not in blocked and not _inside_clause(t, token))
    return indices


def _relative_setting(head: Token) -> Token | None:
    """For a cue in "…interview with the Times, where he said", the venue noun ("interview")."""
    if head.dep_ != "relcl" or not any(c.lower_ in ("where", "when", "during") for c in head.children):
        return None
    token = head.head
    for _ in range(4):
        if _is_venue_noun(token) and token.pos_ in ("NOUN", "PROPN"):
            return token
        if token.head.i == token.i:
            break
        token = token.head
    return None


def _runs(doc: Doc, indices: set[int]) -> list[tuple[int, int]]:
    """Character ranges of consecutive frame tokens."""
    runs: list[tuple[int, int]] = []
    for i in sorted(indices):
        token = doc[i]
        start, end = token.idx, token.idx + len(token.text)
        if runs and i - 1 in indices:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((start, end))
    return runs


# --- speech act -----------------------------------------------------------------------------------


def _speech_act(doc: Doc, text: str, attribution: FoundAttribution, head: Token | None) -> SpeechAct:
    cue_text = attribution.cue_lemma or " ".join(text[s:e] for s, e in attribution.cue or [])
    negated = head is not None and any(c.dep_ == "neg" for c in head.children)
    if head is not None and not negated and head.lemma_.lower() in ("reject", "dismiss"):
        # "rejected that account", "dismissed suggestions that …": what is rejected is a claim, so it is denied.
        if any(c.dep_ == "dobj" and c.lemma_.lower() in _ASSERTION_NOUNS for c in head.children):
            return SpeechAct.DENY
    return classify(
        cue_text or None,
        complement=_complement(doc, text, attribution, head),
        negated=negated,
        source_is_document=_source_is_document(doc, attribution.source),
    )


def _complement(doc: Doc, text: str, attribution: FoundAttribution, head: Token | None) -> str | None:
    """The word introducing the content ("to", "whether", "that"), or "?" for a direct question."""
    content = attribution.content or []
    if not content:
        return None
    last = text[content[-1][0] : content[-1][1]].rstrip(" \"”’'.")
    if attribution.kind == "direct":
        # A quotation's first word is the speaker's, not a complementizer.
        return "?" if last.endswith("?") else None
    covered = covered_tokens(doc, content)
    words = [doc[i] for i in sorted(covered) if not doc[i].is_punct and not doc[i].is_space]
    if not words:
        return None
    first = words[0].lower_
    if first in ("to", "whether", "if", "why", "how", "what", "who", "when", "where", "which", "that", "of", "for", "on"):
        return first
    if first in ("not", "guilty"):  # "pleaded [not guilty to …]"
        return first
    if head is not None:
        # "threatened to prosecute": the infinitive marker may sit outside the content span.
        for child in head.children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return "to"
            if child.dep_ == "prep" and child.i == words[0].i - 1:  # "called for [an end …]"
                return child.lower_
    return None


def _source_is_document(doc: Doc, source: list[Span] | None) -> bool:
    if not source:
        return False
    tokens = [doc[i] for i in sorted(covered_tokens(doc, source))]
    heads = [t for t in tokens if t.head.i not in {x.i for x in tokens} or t.head.i == t.i]
    # An outlet reports too ("Sky Sports understands …", "The Athletic reported …").
    return any(t.lemma_.lower() in DOCUMENT_NOUNS for t in heads) or any(_names_outlet(t) for t in heads)


def _names_outlet(token: Token) -> bool:
    """A news outlet's name headed by ``token`` ("Sky Sports"), not a person it employs ("Fox News host Sean Hannity")."""
    ent = _entity_of(token)
    if ent is not None:
        return ent.label_ not in ("PERSON", "GPE", "NORP") and _is_media(list(ent))
    return token.pos_ == "PROPN" and _is_media([t for t in token.subtree if t.pos_ == "PROPN"])


# --- via: the outlet chain ------------------------------------------------------------------------


def _is_media(tokens: list[Token]) -> bool:
    text = " ".join(t.text for t in tokens)
    return bool(_MEDIA.search(text)) and any(t.pos_ == "PROPN" for t in tokens)


def _via(
    doc: Doc, head: Token, attribution: FoundAttribution, blocked: set[int]
) -> tuple[list[list[Span]], set[int]]:
    """Outlets and documents the statement came through, nearest to the speaker first."""
    cue_tokens = covered_tokens(doc, attribution.cue or [])
    chain: list[list[Token]] = []
    used: set[int] = set()

    def add(tokens: list[Token], tail: Token | None = None) -> None:
        if tokens and not used.intersection(t.i for t in tokens):
            chain.append(tokens)
            used.update(t.i for t in tokens)
            if tail is not None:
                used.update(t.i for t in tail.subtree if t.i not in blocked)

    # "X was quoted by TASS as saying …": who quoted the speaker is the first link.
    quoted = head if head.lemma_ == "quote" else head.head.head if head.dep_ == "pcomp" else None
    if quoted is not None and quoted.lemma_ == "quote":
        for agent in (c for c in quoted.children if c.dep_ == "agent"):
            outlet = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if outlet is not None and outlet.i not in blocked:
                add(_noun_phrase_name(outlet), agent)
    # Per clause level, nearest the speaker first: what is cited ("citing Al-Quds"), who reports
    # ("the Post reported that X said", "X said …, the Times reported"), who relays that
    # ("according to Axios"). Levels climb from the cue through the verbs that report it.
    level, reached_by = head, ""
    cited: list[tuple[list[Token], Token | None]] = []
    for _ in range(4):
        reporters: list[tuple[list[Token], Token | None]] = []
        relays: list[tuple[list[Token], Token | None]] = []
        for child in _hanging_on(level, head, blocked):
            if child.i in cue_tokens or child.i in blocked:
                continue
            if child.lower_ == "according":
                outlet = _according_to_object(child)
                if outlet is not None and outlet.i not in blocked:
                    relays.append((_noun_phrase_name(outlet), child))
            elif child.dep_ in ("ccomp", "parataxis") and child.lemma_ in REPORTING_VERBS and child.i > head.i:
                # "X said …, the Kyiv Independent reported": the parser hangs the report below.
                subject = _outlet_subject(child, blocked)
                if subject is not None:
                    cited.extend(_citations(child))
                    reporters.append((_noun_phrase_name(subject), child))
            elif child.dep_ == "advcl" and child.lemma_ in ("cite", "quote"):
                cited.extend(_citations(child))
        # Only a verb whose complement holds the cue reports it ("the Post reported that X said");
        # a coordinated one does not ("NBC published the video, and lawyers released it").
        if level.i != head.i and level.lemma_ in REPORTING_VERBS and reached_by in ("ccomp", "parataxis"):
            subject = _outlet_subject(level, blocked)
            if subject is not None:
                reporters.append((_noun_phrase_name(subject), None))
        # "citing Y" is what an outlet relies on; with no outlet it is the speaker's own evidence
        # ("Citing a conspiracy theory, Trump accused …") and no part of the chain.
        if reporters or relays:
            for tokens, top in cited + reporters + relays:
                add(tokens, top)
            cited = []
        climbs = level.i == head.i or level.dep_ in ("ccomp", "conj", "xcomp", "advcl", "parataxis")
        if level.head.i == level.i or not climbs:
            break
        reached_by = level.dep_
        level = level.head
    return [_char_span(tokens) for tokens in chain], used


def _hanging_on(level: Token, head: Token, blocked: set[int]) -> list[Token]:
    """Dependents of ``level``; at the cue, also those the parser hung on the content
    ("X said that the team was ready, according to ESPN": "according" hangs on "was")."""
    if level.i != head.i:
        return list(level.children)
    return [
        t for t in head.subtree
        if t.i not in blocked and (t.head.i == head.i or t.head.i in blocked or not _inside_clause(t, head))
    ]


def _according_to_object(according: Token) -> Token | None:
    for child in according.children:
        if child.lower_ == "to":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return next((c for c in according.children if c.dep_ == "pobj"), None)


def _with_article(tokens: list[Token]) -> list[Token]:
    """A venue keeps its article ("the Times"); an entity name does not need it."""
    first = tokens[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ == "the":
        return [first.doc[first.i - 1], *tokens]
    return tokens


def _noun_phrase_name(token: Token) -> list[Token]:
    """An entity's name if the phrase has one ("the state news agency Tass" -> "Tass"; also when
    the parser misses the apposition: "the newspaper Aftenposten")."""
    doc = token.doc
    follower = doc[token.i + 1] if token.pos_ == "NOUN" and token.i + 1 < len(doc) else None
    if follower is not None and (follower.pos_ != "PROPN" or follower.ent_type_ in ("DATE", "TIME")):
        follower = None  # "according to officials Monday": a date, not a name
    appositions = [c for c in token.children if c.dep_ == "appos"]
    if follower is not None:
        appositions.append(follower)
    for candidate in (token, *appositions):
        ent = _entity_of(candidate)
        if ent is not None and ent.label_ in NAMED | {"WORK_OF_ART"}:
            return list(ent)
    if follower is not None:
        return [follower]
    return _noun_phrase(token)


def _citations(verb: Token) -> list[tuple[list[Token], Token | None]]:
    """What "citing …"/"quoting …" names, below a reporting verb or as that verb itself."""
    citing = [verb] if verb.lemma_ in ("cite", "quote") else [
        c for c in verb.children if c.dep_ == "advcl" and c.lemma_ in ("cite", "quote")
    ]
    return [(_noun_phrase_name(obj), c) for c in citing for obj in c.children if obj.dep_ == "dobj"]


def _outlet_subject(verb: Token, blocked: set[int]) -> Token | None:
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i in blocked or not _is_source_outlet(subject):
        return None
    return subject


def _is_source_outlet(subject: Token) -> bool:
    tokens = _noun_phrase_name(subject)
    return _is_media(tokens) or subject.lemma_.lower() in DOCUMENT_NOUNS


# --- venue ----------------------------------------------------------------------------------------


def _venue(doc: Doc, head: Token, frame: set[int]) -> tuple[list[Span] | None, set[int]]:
    """The setting: a "where he said" interview, else the nearest setting noun phrase, platform,
    programme or outlet appeared on or spoken with, else the outlet told ("told Reuters")."""
    setting = _relative_setting(head)
    if setting is not None:
        return _venue_part(_noun_phrase(setting, keep_possessor=False))
    objects = [
        t for t in sorted((doc[i] for i in frame), key=lambda t: abs(t.i - head.i))
        if t.dep_ == "pobj" and t.head.dep_ == "prep"
    ]
    for token in objects:
        if token.head.lower_ in VENUE_PREPOSITIONS and _is_venue_noun(token):
            return _venue_part([t for t in _noun_phrase(token, keep_possessor=False) if t.i in frame])
    for token in objects:
        preposition = token.head.lower_
        if token.lower_ in PLATFORMS and preposition in ("on", "via"):
            return _venue_part([token])
        if preposition in ("on", "with", "to") and token.head.head.lemma_ in SCENE_VERBS | {"say", "tell"}:
            name = _noun_phrase_name(token)
            ent = _entity_of(token)
            programme = ent is not None and ent.label_ in ("ORG", "WORK_OF_ART") and preposition != "to"
            if _is_media(name) or programme:
                return _venue_part(_with_article(name))
    if head.lemma_ == "tell":
        for child in head.children:
            if child.dep_ in ("dobj", "dative") and child.i in frame:
                name = _noun_phrase_name(child)
                if _is_media(name):
                    return _venue_part(_with_article(name))
                if _is_told_setting(child):  # "told the Commons", "told the Swedish newspaper Aftonbladet"
                    named = [t for c in child.rights if c.dep_ == "appos" and c.pos_ == "PROPN" for t in c.doc[c.left_edge.i : c.i + 1]]
                    return _venue_part(_noun_phrase(child, keep_possessor=False) + named)
    return None, set()


def _is_told_setting(noun: Token) -> bool:
    """An audience or a medium told, not a person: "the Commons", "the jury", "this newspaper",
    "Spanish radio station Onda Deportiva" (the noun the name is compounded with says so)."""
    words = {noun.lemma_.lower()} | {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "appos")}
    return bool(words & (AUDIENCE_NOUNS | MEDIA_NOUNS | {"radio", "newspaper", "agency"}))


def _venue_part(tokens: list[Token]) -> tuple[list[Span] | None, set[int]]:
    return (_char_span(tokens) or None), {t.i for t in tokens}


def _is_venue_noun(token: Token) -> bool:
    """A setting noun, hyphenated ones included ("op-ed" is tokenized op - ed)."""
    if token.lemma_.lower() in VENUE_NOUNS:
        return True
    start = token.i - 2
    return start >= 0 and token.doc[start + 1].text == "-" and token.doc[start : token.i + 1].text.lower() in VENUE_NOUNS


# --- place ----------------------------------------------------------------------------------------


def _place(doc: Doc, frame: set[int], venue_tokens: set[int]) -> list[Span] | None:
    for token in sorted(doc[i] for i in frame):
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS:
            continue
        if token.i in venue_tokens and not _names_a_place(token):
            continue
        if _names_a_place(token):
            return _name_span(token)
    return None


def _names_a_place(token: Token) -> bool:
    ent = _entity_of(token)
    if ent is not None:
        # "at Chatham House", "at the United Nations": an organization's seat is a place.
        at_an_organization = ent.label_ == "ORG" and token.head.lower_ == "at" and not _is_media(list(ent))
        return ent.label_ in PLACE_LABELS or at_an_organization
    # The small model misses some place names ("in Kyiv"): a bare proper noun after an "in" that
    # situates the statement or its setting counts ("Commander in Chief" does not).
    if token.pos_ != "PROPN" or token.head.lower_ != "in" or token.lower_ in PLATFORMS:
        return False
    governor = token.head.head
    return governor.pos_ in ("VERB", "AUX") or _is_venue_noun(governor)


# --- time -----------------------------------------------------------------------------------------


def _time(
    doc: Doc, text: str, head: Token, frame: set[int], extra: set[int], published: dt.date | None
) -> TimeRef | None:
    """The time expression of the frame nearest the cue (a "weekend interview" dates its statement)."""
    found: list[TimeRef] = []
    for start, end in _runs(doc, frame | extra):
        found.extend(find_timexes(text, published, start=start, end=end, prefer_past=True))
    if not found:
        return None
    return min(found, key=lambda ref: abs(ref.span[0] - head.idx))


def _subject_adverbials(head: Token, blocked: set[int]) -> set[int]:
    """ "Judge Lopez on Sept. 12, 2016, rejected": the parser hangs the date on the subject."""
    indices: set[int] = set()
    for subject in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")):
        for child in subject.rights:
            if child.dep_ in ("prep", "npadvmod") and child.lower_ in ("on", "in", "during", "last", "this"):
                indices.update(t.i for t in child.subtree if t.i not in blocked and not _inside_clause(t, child))
    return indices


# --- target ---------------------------------------------------------------------------------------


def _target(
    doc: Doc,
    head: Token,
    act: SpeechAct,
    attribution: FoundAttribution,
    blocked: set[int],
    source: set[int],
    cue_tokens: set[int],
) -> list[Span] | None:
    for candidate, inside_content_ok in _target_candidates(head, cue_tokens):
        # The object of an evaluative cue may open its content ("accused [Hamas of backing out]").
        direct_object = candidate.head.i == head.i and candidate.dep_ in ("dobj", "npadvmod")
        if direct_object and act is SpeechAct.THREATEN and not (_is_named(candidate) or candidate.pos_ == "PRON"):
            continue  # "threatened a broader offensive": what is threatened, not whom
        if direct_object and act in EVALUATIVE_ACTS:
            candidate = apposed_name(head, candidate) or _possessor(candidate) or candidate
        # So may the addressee of a request ("told [employees to expect cuts]", "called on [all parties to …]").
        on_cue = candidate.head.i in cue_tokens and candidate.head.dep_ == "prep"
        addressee = (direct_object and _has_infinitive(head) or on_cue) and act in (SpeechAct.REQUEST, SpeechAct.WARN)
        # And whom a phrasal criticism aims at ("took a swipe at [Trump over …]").
        allowed_inside = inside_content_ok or ((direct_object or on_cue) and act in EVALUATIVE_ACTS) or addressee
        if candidate.i in (source if allowed_inside else blocked):
            continue
        if candidate.pos_ == "PRON":
            # "accused him of …", "called on him to resign": the entity stage resolves the pronoun;
            # other pronouns are no target.
            if (act in EVALUATIVE_ACTS or addressee) and candidate.lower_ in _PERSONAL_OBJECTS:
                return _char_span([candidate])
            continue
        if candidate.i in cue_tokens:  # "is drawing criticism": the noun is part of the cue
            continue
        if candidate.ent_type_ in _NOT_TARGETS:  # "called on Dean Wednesday", "asked to pay £900"
            continue
        if act not in EVALUATIVE_ACTS and _is_setting(candidate, head, cue_tokens):
            continue  # "told reporters at State House": where it was said, not whom it is about
        addressed = act in (SpeechAct.REQUEST, SpeechAct.WARN) and (_has_infinitive(head) or on_cue)
        if act in EVALUATIVE_ACTS or (act in ADDRESSING_ACTS and (_is_named(candidate) or addressed)):
            told = head.lemma_ in ("tell", "speak", "talk")
            if told and (_is_media(_noun_phrase_name(candidate)) or _is_told_setting(candidate)):
                continue  # "told PTI", "told the Commons": where it was said, not whom it is about
            return _name_span(candidate)
    if act in EVALUATIVE_ACTS and attribution.kind != "direct":
        subject = _content_subject(doc, attribution.content)
        if subject is not None and _is_named(subject):
            return _name_span(subject)
    return None


# Times and amounts are never whom a statement is about.
_NOT_TARGETS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _is_setting(candidate: Token, head: Token, cue_tokens: set[int]) -> bool:
    """The object of an "at"/"on"/"into" phrase the cue verb itself takes (not a phrasal cue's)."""
    prep = candidate.head
    return prep.dep_ == "prep" and prep.head.i == head.i and prep.lower_ in ("at", "on", "into", "upon") and prep.i not in cue_tokens


def _target_candidates(head: Token, cue_tokens: set[int]) -> Iterable[tuple[Token, bool]]:
    """Objects in order of preference, each with whether it may lie inside the content.

    The direct object, the object of a phrasal cue ("took a jab at"), then the object of the
    cue's infinitive ("threatened to prosecute Blinken"), which is part of the content.
    """
    # A proper noun parsed as npadvmod right after the verb is a misparsed object ("slammed Blinken").
    objects = [c for c in head.rights if c.dep_ in ("dobj", "dative")]
    objects += [c for c in head.rights if c.dep_ == "npadvmod" and c.pos_ == "PROPN"]
    for child in objects:
        if child.lemma_ in ("jab", "swipe", "shot", "dig", "aim", "issue", "exception", "fun", "credit"):
            yield from ((c, False) for c in _prepositional_objects(child))
        else:
            yield child, False
    for token in (head.doc[i] for i in sorted(cue_tokens)):
        if token.dep_ == "prep" and token.lower_ in TARGET_PREPOSITIONS:
            yield from ((c, False) for c in token.children if c.dep_ == "pobj")
    for child in head.children:
        if child.dep_ == "prep" and (
            child.lower_ in TARGET_PREPOSITIONS - {"of", "to", "about", "with"} or _is_said_of(head, child)
        ):
            yield from ((c, False) for c in child.children if c.dep_ == "pobj")
        if child.dep_ == "prt":
            for sibling in head.children:
                if sibling.dep_ == "prep" and sibling.i > child.i:
                    yield from ((c, False) for c in sibling.children if c.dep_ == "pobj")
    for child in head.children:
        if child.dep_ == "xcomp":
            yield from ((c, True) for c in child.children if c.dep_ in ("dobj", "dative"))


def _possessor(noun: Token) -> Token | None:
    """"praised his side's resilience", "criticized Trump's handling of …": whose quality or deed is judged."""
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    return owner


def _is_said_of(head: Token, preposition: Token) -> bool:
    """ "said of Clinton": an "of" right after a verb of saying names whom the statement is about (the cue
    span leaves the "of" out, as PolNeAR does)."""
    return preposition.lower_ == "of" and preposition.i == head.i + 1 and head.lemma_ in ("say", "write")


def _has_infinitive(head: Token) -> bool:
    """ "urged the agency to fund": the object is the one asked (or warned) to act."""
    return any(c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" for a in c.children) for c in head.children)


def _prepositional_objects(noun: Token) -> Iterable[Token]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            yield from (c for c in child.children if c.dep_ == "pobj")


def _is_named(token: Token) -> bool:
    ent = _entity_of(token)
    if ent is not None:
        return ent.label_ in NAMED
    return token.pos_ == "PROPN"


def _content_subject(doc: Doc, content: list[Span]) -> Token | None:
    covered = covered_tokens(doc, content)
    for i in sorted(covered):
        token = doc[i]
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i in covered and token.head.head.i not in covered:
            return token
    return None

"""Mention detection: every span of a parsed article that may refer to an entity.

One pass over the single spaCy parse finds names (NER entities, plus proper nouns the NER missed
when another stage wants them), pronouns, relative pronouns, definite descriptions whose head is a
role/organisation/place noun ("the official", "the terror group", "the Jewish state"), and the
quotations with their speakers (so "I" inside a quote is its speaker). Resolution (entities.py)
only reads these records.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span as SpacySpan, Token

from saidwhat.names import (
    AGE_NOUN,
    GPE_NOUNS,
    HONORIFICS,
    MEDIA_NOUNS,
    NAME_SUFFIXES,
    NATIONALITY_NOUNS,
    ORG_HEADS,
    ORG_NOUNS,
    OWNED_ORG_NOUNS,
    PERSON_ROLES,
    TITLE_WORDS,
)
from saidwhat.records import Span

Role = Literal["subj", "obj", "poss", "other"]
Kind = Literal["name", "pronoun", "relative", "first_person", "nominal"]

NAME_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "NORP": "NORP", "LOC": "OTHER", "FAC": "OTHER"}

# Verbs whose subject is a speaker: "he added" after a quote is that quote's speaker.
SPEECH_LEMMAS = frozenset(
    """
    say add tell claim argue insist write note explain warn ask reply respond continue recall declare
    state announce acknowledge admit deny suggest joke tweet post point accuse slam blast criticize
    criticise charge allege predict promise vow pledge urge agree concede confirm report testify
    """.split()
)

PRONOUN_FEATURES: dict[str, tuple[str, str]] = {
    **{w: ("masc", "sing") for w in ("he", "him", "his", "himself")},
    **{w: ("fem", "sing") for w in ("she", "her", "hers", "herself")},
    **{w: ("neut", "sing") for w in ("it", "its", "itself")},
    **{w: ("any", "plur") for w in ("they", "them", "their", "theirs", "themselves")},
}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})

_QUOTE = re.compile(r"“[^“”\n]*(?:”|(?=\n)|$)|\"[^\"\n]*\"")


class TokenOffsets:
    """Character offsets to tokens, without ``Doc.text`` / ``Doc.char_span`` (spaCy rebuilds the
    text on each access, which made long articles quadratic)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.starts = [token.idx for token in doc]
        self.ends = [token.idx + len(token.text) for token in doc]

    def span(self, start: int, end: int, *, expand: bool = True) -> SpacySpan | None:
        """Tokens overlapping [start, end) (expand) or lying inside it (contract); None if none."""
        if expand:
            first = bisect_right(self.ends, start)
            last = bisect_left(self.starts, end)
        else:
            first = bisect_left(self.starts, start)
            last = bisect_right(self.ends, end)
        return self.doc[first:last] if first < last else None


@dataclass
class Mention:
    """A span that may refer to an entity, with what resolution needs to know about it."""

    start: int
    end: int
    text: str
    kind: Kind
    head: int  # token index of the head word
    sentence: int
    role: Role
    label: str = ""  # NER-derived type for names, the noun class for nominals
    lemma: str = ""  # head lemma (nominals) or lower-cased pronoun
    titles: list[str] = field(default_factory=list)  # "US Secretary of State" before a name
    appositives: list[str] = field(default_factory=list)  # ", a member of Hamas’ politburo,"
    modifiers: list[str] = field(default_factory=list)  # "Hamas", "jewish" in a description
    quote: int | None = None  # index of the quotation the mention is inside
    speaker: bool = False  # subject of a speech verb, or a quotation's speaker
    headline: bool = False  # in a short title-case line (a headline)
    # An organisation named by its owner ("the Clinton campaign"): the owner's tokens stay the owner's.
    derived: bool = False

    @property
    def span(self) -> Span:
        return (self.start, self.end)


@dataclass
class Quote:
    start: int
    end: int
    speaker_token: int | None = None


@dataclass
class Mentions:
    mentions: list[Mention]
    quotes: list[Quote]
    # Sentence index -> count of narrative sentences (those not wholly inside a quotation) up to it,
    # so distance across a long quotation counts as one step, not many.
    narrative_index: list[int]
    offsets: TokenOffsets
    quote_of: dict[int, int]  # token index -> index of the quotation it is in


def find_mentions(doc: Doc, hints: list[Span] = ()) -> Mentions:
    """All candidate mentions of the article, in text order.

    ``hints`` are spans another stage needs resolved: a proper noun heading one of them becomes a
    name mention even when the NER missed it.
    """
    offsets = TokenOffsets(doc)
    sentences = list(doc.sents)
    sentence_of = [0] * len(doc)
    for index, sentence in enumerate(sentences):
        for token in sentence:
            sentence_of[token.i] = index
    quotes = _find_quotes(offsets)
    quote_of = _quote_index(offsets, quotes)
    mentions: list[Mention] = []
    covered: set[int] = set()
    for ent in doc.ents:
        mention = _name_mention(ent, sentence_of)
        if mention is not None:
            mentions.append(mention)
            covered.update(range(ent.start, ent.end))
    # Proper-noun subjects of speech verbs ("Tester said") are names even when the NER missed them.
    speakers = [(t.idx, t.idx + len(t.text)) for t in doc if t.pos_ == "PROPN" and _is_speech_subject(t)]
    for start, end in [*hints, *speakers]:
        span = offsets.span(start, end)
        if span is None:
            continue
        root = span.root
        if root.tag_ == "NNP" and root.i not in covered and root.lower_ not in TITLE_WORDS:
            if root.lower_ in ORG_HEADS or root.lower_ in ORG_NOUNS:
                # "The Fairlawn County Sheriff's Office said": an organisation's name, titles and possessive included.
                first, last = _organisation_run(root)
                mentions.append(_mention(doc[first : last + 1], "name", root, sentence_of, label="ORG"))
                covered.update(range(first, last + 1))
                continue
            first, last = _proper_run(root)
            if _only_role_words(list(doc[first : last + 1])):
                continue
            # An acronym ("S.E.C.") is an organisation; another untagged proper noun is most often a person.
            label = "ORG" if root.text.replace(".", "").isupper() and len(root.text) > 1 else "PERSON"
            mentions.append(_mention(doc[first : last + 1], "name", root, sentence_of, label=label))
            covered.update(range(first, last + 1))
    for token in doc:
        if token.i in covered:
            continue
        mention = (
            _pronoun_mention(token, sentence_of)
            or _owned_org_mention(token, sentence_of)
            or _nominal_mention(token, sentence_of)
        )
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, -m.end))
    _mark_context(doc, mentions, quotes, quote_of)
    return Mentions(
        mentions=mentions,
        quotes=quotes,
        narrative_index=_narrative_index(sentences, quote_of),
        offsets=offsets,
        quote_of=quote_of,
    )


def _mark_context(doc: Doc, mentions: list[Mention], quotes: list[Quote], quote_of: dict[int, int]) -> None:
    """Headline, quotation and speaker flags of each mention."""
    headlines = _headline_tokens(doc)
    quote_speakers = {quote.speaker_token for quote in quotes if quote.speaker_token is not None}
    for mention in mentions:
        mention.headline = mention.head in headlines
        mention.quote = quote_of.get(mention.head)
        mention.speaker = _is_speech_subject(doc[mention.head]) or mention.head in quote_speakers


def _narrative_index(sentences: list[SpacySpan], quote_of: dict[int, int]) -> list[int]:
    narrative = []
    count = 0
    for sentence in sentences:
        if any(token.i not in quote_of for token in sentence if not token.is_punct and not token.is_space):
            count += 1
        narrative.append(count)
    return narrative


def role_of(token: Token) -> Role:
    dep = token.dep_
    if dep in ("nsubj", "nsubjpass"):
        return "subj"
    if dep in ("dobj", "iobj", "dative", "attr"):
        return "obj"
    if dep == "poss":
        return "poss"
    if dep in ("compound", "appos", "conj") and token.head.i != token.i:
        return role_of(token.head)
    return "other"


def _mention(span: SpacySpan, kind: Kind, head: Token, sentence_of: list[int], *, label: str = "") -> Mention:
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        kind=kind,
        head=head.i,
        sentence=sentence_of[head.i],
        role=role_of(head),
        label=label,
        lemma=head.lemma_.lower(),
    )


def _name_mention(ent: SpacySpan, sentence_of: list[int]) -> Mention | None:
    label = NAME_LABELS.get(ent.label_)
    if label is None:
        return None
    tokens = list(ent)
    # "… beat Camille Moreau 4-6 6-3 7-5": a score or a number the NER ran into the end of a name.
    while tokens and (
        tokens[-1].tag_ == "POS" or tokens[-1].is_punct or label == "PERSON" and any(c.isdigit() for c in tokens[-1].text)
    ):
        tokens.pop()
    # "Injecting Clinton": a word the NER glued to the front of a person's name; "Minister of State for
    # Chemicals and Fertilisers Anupriya Sahu": the end of a title phrase, attached to the title before it.
    while label == "PERSON" and len(tokens) > 1 and (
        not (tokens[0].pos_ == "PROPN" or _given_name_read_as_noun(tokens[0]))
        or len(tokens) > 2 and tokens[0].head.i < ent.start
    ):
        tokens.pop(0)
    # "Siobhan McGrath SC": a post-nominal the tagger read as an acronym (the name is a person's; the
    # post-nominal stays in the mention, which the parser may head with it, and leaves the name key).
    if len(tokens) > 2 and tokens[-1].lower_.rstrip(".") in NAME_SUFFIXES and tokens[-1].text.isupper():
        label = "PERSON"
    # "Dr R K Jenamani" tagged as an organisation: an honorific opening the name makes it a person's.
    if len(tokens) > 1 and tokens[0].lower_.rstrip(".") in HONORIFICS and tokens[1].pos_ == "PROPN":
        label = "PERSON"
        tokens.pop(0)
    # "Councilwoman Teresa Gaines" tagged as an organisation: a title opening a two- or three-word name.
    titles = 0
    while titles < len(tokens) - 1 and tokens[titles].lower_.rstrip(".") in TITLE_WORDS:
        titles += 1
    if titles and label != "PERSON" and _looks_like_personal_name(tokens[titles:]):
        label = "PERSON"
        del tokens[:titles]
    # Lower-case "entities" ("politburo") and offices ("State" in "Secretary of State") are not names.
    if not tokens or not any(t.text[:1].isupper() for t in tokens):
        return None
    if len(tokens) == 1 and _is_office_object(tokens[0]):
        return None
    if len(tokens) == 1 and tokens[0].tag_ == "NNS" and tokens[0].is_sent_start:
        return None  # "Campaigners said …": a plural common noun capitalised by the sentence start
    if label == "PERSON" and _only_role_words(tokens):
        return None  # "Lawmaker Urges …", "Retired General Reveals …": a headline's role is no name
    if len(tokens) == 1 and tokens[0].lower_ in NATIONALITY_NOUNS and any(c.dep_ == "det" for c in tokens[0].children):
        return None  # "the Spaniard added": a description of someone (_nominal_mention), not a name
    first = tokens[0].i
    while (
        label == "PERSON"
        and first > 0
        and ent.doc[first].lower_.rstrip(".") not in TITLE_WORDS  # not "County" before "Clerk Ruth Ellingsen"
        and _given_name_left_out(ent.doc[first - 1], tokens[-1].i)
    ):
        first -= 1  # "Walter James Penhallow" tagged from "James" on
    span = ent.doc[first : tokens[-1].i + 1]
    root = span.root
    mention = _mention(span, "name", root, sentence_of, label=label)
    mention.titles = _titles_before(span)
    mention.appositives = [_phrase(child) for child in root.children if child.dep_ == "appos" and child.pos_ != "PROPN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < span.start:
        # "Its chief executive, Sarah Okafor": the noun the name is in apposition to describes it.
        head = root.head
        mention.appositives.append(head.doc[head.left_edge.i : head.i + 1].text)
    return mention


# Words that may stand before a name without being part of it ("Democrat Hillary Clinton").
_PARTY_WORDS = frozenset("democrat republican democratic gop labour tory conservative liberal independent green".split())


def _could_be_given_name(token: Token) -> bool:
    """A capitalised word compounded into a name that is no title, role or party word."""
    word = token.lower_.rstrip(".")
    return (
        token.dep_ == "compound"
        and token.is_title
        and word not in TITLE_WORDS
        and word not in PERSON_ROLES
        and word not in _PARTY_WORDS
    )


def _given_name_read_as_noun(token: Token) -> bool:
    """"Avner Gilad" with "Avner" tagged as a common noun ("Candidate Trump" keeps only "Trump")."""
    return token.pos_ == "NOUN" and _could_be_given_name(token)


def _given_name_left_out(token: Token, name_end: int) -> bool:
    """A proper noun right before a person's name, compounded into it and tagged as no entity of its
    own: a given name the NER left out ("Walter" of "Walter James Penhallow")."""
    return (
        token.pos_ == "PROPN"
        and token.is_alpha
        and token.ent_iob_ == "O"
        and token.i < token.head.i <= name_end
        and _could_be_given_name(token)
    )


def _looks_like_personal_name(tokens: list[Token]) -> bool:
    """Two or three capitalised proper nouns, none an organisation's or a place's word ("Teresa Gaines",
    not "Motors" of "General Motors" nor "Department" of "State Department")."""
    return 2 <= len(tokens) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_ not in ORG_NOUNS and t.lower_ not in GPE_NOUNS
        for t in tokens
    )


def _only_role_words(tokens: list[Token]) -> bool:
    """Role nouns and titles with no name among them ("Mr. Justice" has one: an honorific is followed by a name)."""
    words = [t.lower_.rstrip(".") for t in tokens]
    before = tokens[0].nbor(-1).lower_.rstrip(".") if tokens[0].i > 0 else ""
    if before in HONORIFICS or any(w in HONORIFICS for w in words):
        return False
    return all(w in PERSON_ROLES or w in TITLE_WORDS or w in ("retired", "top", "senior") for w in words)


def _is_office_object(token: Token) -> bool:
    """"State" in "Secretary of State", "Treasury" in "Secretary of the Treasury"."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_.rstrip(".") in TITLE_WORDS


_TITLE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "PUNCT", "DET", "PART"})


def _titles_before(span: SpacySpan) -> list[str]:
    """The title phrase a name carries in front ("US Secretary of State", "President-elect")."""
    doc = span.doc
    root = span.root
    first = root.left_edge.i
    while first < span.start and (doc[first].dep_ in ("det", "poss", "case", "punct") or doc[first].tag_ == "POS"):
        first += 1
    if first >= span.start:
        return []
    tokens = doc[first : span.start]
    if any(t.head.i < first or t.head.i >= span.end for t in tokens) or any(t.is_punct and t.text != "-" for t in tokens):
        return []
    # A title is nouns and adjectives ("US Secretary of State"), never a clock time or a verb.
    if any(t.like_num or t.pos_ not in _TITLE_POS for t in tokens) or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
        return []
    return [tokens.text]


def _phrase(token: Token) -> str:
    """The text of a token's subtree without surrounding punctuation."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and doc[end].is_punct:
        end -= 1
    return doc[start : end + 1].text


def _proper_run(token: Token) -> tuple[int, int]:
    """The run of proper nouns around ``token`` ("Osama Hamadan")."""
    doc = token.doc
    first = last = token.i
    while (
        first > 0
        and doc[first - 1].pos_ == "PROPN"
        and doc[first - 1].lower_.rstrip(".") not in TITLE_WORDS
        and doc[first - 1].head.i >= first  # not the end of a title before it ("… Chemicals and Fertilisers")
    ):
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
        last += 1
    return first, last


def _organisation_run(token: Token) -> tuple[int, int]:
    """The proper nouns before an organisation word, over a possessive ("Sheriff's Office")."""
    doc = token.doc
    first = token.i
    while first > 0 and (
        doc[first - 1].pos_ == "PROPN" or doc[first - 1].tag_ == "POS" and first > 1 and doc[first - 2].pos_ == "PROPN"
    ):
        first -= 1
    return first, token.i


def _pronoun_mention(token: Token, sentence_of: list[int]) -> Mention | None:
    lower = token.lower_
    if token.pos_ != "PRON" and token.tag_ not in ("PRP", "PRP$", "WP", "WDT", "WP$"):
        return None
    if lower in PRONOUN_FEATURES and token.tag_ in ("PRP", "PRP$"):
        kind: Kind = "pronoun"
    elif lower in FIRST_PERSON and token.tag_ in ("PRP", "PRP$"):
        kind = "first_person"
    elif lower in RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT", "WP$") and _relative_clause(token) is not None:
        kind = "relative"
    else:
        return None
    return _mention(token.doc[token.i : token.i + 1], kind, token, sentence_of)


def _relative_clause(token: Token) -> Token | None:
    """The verb of the relative clause a relative pronoun opens, if the parse says so."""
    verb = token.head
    while verb.dep_ not in ("relcl", "acl") and verb.head.i != verb.i and verb.i - token.i < 4 and verb.i >= token.i:
        verb = verb.head
    return verb if verb.dep_ in ("relcl", "acl") else None


def relative_antecedent(token: Token) -> Token | None:
    clause = _relative_clause(token)
    return clause.head if clause is not None else None


def noun_class(lemma: str) -> str | None:
    if lemma in PERSON_ROLES:
        return "PERSON"
    if lemma in MEDIA_NOUNS:
        return "MEDIA"
    if lemma in GPE_NOUNS:
        return "GPE"
    if lemma in ORG_NOUNS:
        return "ORG"
    return None


def _owned_org_mention(token: Token, sentence_of: list[int]) -> Mention | None:
    """"the Clinton campaign", "Trump’s team": an organisation named after its owner."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.lemma_.lower() not in OWNED_ORG_NOUNS:
        return None
    owners = [
        c for c in token.children
        # The tagger calls some surnames common nouns ("The Sandoval campaign"); the NER still names them.
        if c.dep_ in ("compound", "nmod", "poss") and c.pos_ in ("PROPN", "NOUN") and c.ent_type_ in ("PERSON", "ORG", "GPE")
    ]
    if not owners:
        return None
    determiners = [c for c in token.children if c.dep_ == "det" and c.i < owners[0].i]
    first = determiners[0].i if determiners else owners[0].left_edge.i
    mention = _mention(token.doc[first : token.i + 1], "name", token, sentence_of, label="ORG")
    mention.derived = True
    return mention


# An age in apposition ("The singer, 29,") is tagged as a date or a number: no name follows.
_AGE_TYPES = frozenset({"DATE", "CARDINAL"})


def _is_age_noun(token: Token) -> bool:
    """"the 42-year-old": the parser heads the phrase with "old", an adjective with "year" below it."""
    return token.lower_ == "old" and token.dep_ not in ("amod", "acomp") and any(
        c.lower_ == "year" and c.dep_ == "npadvmod" for c in token.children
    )


def _nominal_mention(token: Token, sentence_of: list[int]) -> Mention | None:
    """A definite singular description headed by a role/organisation/place noun."""
    if _is_age_noun(token):
        lemma = AGE_NOUN
    elif token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return None
    else:
        lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
    label = noun_class(lemma)
    if label is None:
        return None
    if token.dep_ in ("compound", "nmod"):
        return None  # "the Secretary of State's" keeps its head "Secretary"; "terror" in "terror group" is no head
    determiners = [c for c in token.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in DEFINITE_DETERMINERS:
        return None
    if any(
        c.dep_ in ("appos", "compound") and c.i > token.i and c.ent_type_ and c.ent_type_ not in _AGE_TYPES
        for c in token.children
    ):
        return None  # "the energy firm Calder Power": a title of the name that follows ("the singer, 29," is one)
    if label == "GPE" and any(place_of(c) for c in token.children):
        return None  # "the city of Phoenix" names Phoenix
    doc = token.doc
    first = determiners[0].i
    last = token.i
    for child in token.children:
        # "the Secretary of State": an office's "of" phrase is part of the description.
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == last + 1:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if objects:
                last = objects[0].right_edge.i
    mention = _mention(doc[first : last + 1], "nominal", token, sentence_of, label=label)
    mention.lemma = lemma
    # "The San Jose-based company": where it is based says nothing about which company it is.
    based = {t.i for c in token.children if c.dep_ == "amod" and c.lower_ in _BASED for t in c.subtree}
    mention.modifiers = [
        doc[i].text
        for i in range(first + 1, token.i)
        if doc[i].pos_ in ("PROPN", "ADJ") and doc[i].dep_ in ("compound", "nmod", "amod") and i not in based
    ]
    return mention


_BASED = frozenset({"based", "headquartered"})


def _headline_tokens(doc: Doc) -> set[int]:
    """Tokens of title-case lines ("Obama Says Black Voters …"), where the NER runs words together."""
    inside: set[int] = set()
    line: list[Token] = []
    for token in list(doc) + [None]:
        if token is not None and "\n" not in token.text:
            line.append(token)
            continue
        words = [t for t in line if t.is_alpha and len(t.text) > 3]
        # Short, and nearly every longer word capitalised (some sites end headlines with a period).
        if len(line) <= 30 and len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words):
            inside.update(t.i for t in line)
        line = []
    return inside


def place_of(prep: Token) -> Token | None:
    """Phoenix in "the city of Phoenix"."""
    if prep.dep_ != "prep" or prep.lower_ != "of":
        return None
    return next((c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ in ("GPE", "LOC")), None)


def _is_speech_subject(token: Token) -> bool:
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in SPEECH_LEMMAS


def _find_quotes(offsets: TokenOffsets) -> list[Quote]:
    text = offsets.text
    quotes = []
    for match in _QUOTE.finditer(text):
        start, end = match.span()
        if end - start < 3:
            continue
        quotes.append(Quote(start, end, _quote_speaker(offsets, start, end)))
    # A quotation with no cue that opens the paragraph after another continues its speaker.
    for previous, quote in zip(quotes, quotes[1:]):
        if quote.speaker_token is None and "\n" in text[previous.end : quote.start] and not text[previous.end : quote.start].strip():
            quote.speaker_token = previous.speaker_token
    return quotes


def _quote_speaker(offsets: TokenOffsets, start: int, end: int) -> int | None:
    """The subject of a speech verb right after (", Hamdan said") or before ("Hamdan said: “") a quote."""
    after = offsets.span(end, end + 80, expand=False)
    before = offsets.span(max(0, start - 120), start, expand=False)
    for region, forward in ((after, True), (before, False)):
        if region is None:
            continue
        tokens = list(region) if forward else list(reversed(region))
        for token in tokens:
            if token.text in ("“", "”", '"') or token.text == "\n" or "\n" in token.text:
                break
            if token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_LEMMAS:
                subject = speech_subject(token, inverted=forward)
                if subject is not None:
                    return subject.i
    return None


def speech_subject(verb: Token, *, inverted: bool = True) -> Token | None:
    """Who a speech verb has speaking: its subject, or ("…,” said Hamdan") the inverted subject the
    parser took for an object."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:
        return subjects[0]
    if inverted:
        objects = [c for c in verb.rights if c.pos_ in ("PROPN", "PRON") and c.dep_ in ("dobj", "nsubj", "attr")]
        if objects:
            return objects[0]
    return None


def _quote_index(offsets: TokenOffsets, quotes: list[Quote]) -> dict[int, int]:
    inside: dict[int, int] = {}
    for index, quote in enumerate(quotes):
        span = offsets.span(quote.start, quote.end)
        if span is not None:
            for token in span:
                inside[token.i] = index
    return inside

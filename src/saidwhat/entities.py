"""Entity resolution: our own rule-based coreference over one spaCy parse.

Mentions (mentions.py) are visited once, in text order, and each joins an entity or starts one:

- names join by name rules (names.py): same name, surname-only, first-name-only, a head-final short
  form ("the Times" → The New York Times), an acronym, or a one-typo surname ("Hamadan");
- pronouns take an antecedent by agreement (gender, number, person vs thing) and salience: within
  the sentence, the nearest constituent up the dependency tree (Hobbs' search); across sentences,
  the most prominent mention (subject first) of the nearest earlier sentence; never across a
  quotation boundary; "I" in a quotation is its speaker, outside one the letter's signer or the
  article's author; "who"/"which" is the noun its clause modifies;
- definite descriptions ("the official", "the terror group", "the Jewish state") join the entity
  whose titles, appositives and type fit the head noun and modifiers best, nearer ones first; a
  subject description continues the person the previous sentence is about unless something it says
  contradicts them ("Mike Pence says … . The Indiana governor …"); a role nothing fits goes to the
  one main character it can be (gender, party, place words seen with the name).

Then the entity types are fixed with evidence (titles, pronouns, outlet/organisation lexicons,
majority of NER labels), and the spans other stages asked about are mapped through their head word,
with rules for what has no head mention: a speech verb's subject, bare "police" (the force the
article names), documents (their maker: "a Reuters poll", "In a statement, X said"), plural and
indefinite descriptions ("the two men", "A New York judge" → the person named just after).
Cost is linear in mentions times a bounded window of candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from saidwhat.mentions import (
    noun_class,
    DEFINITE_DETERMINERS,
    PRONOUN_FEATURES,
    SPEECH_LEMMAS,
    Mention,
    Mentions,
    find_mentions,
    place_of,
    relative_antecedent,
    role_of,
    speech_subject,
)
from saidwhat.names import (
    SURNAME_PARTICLES,
    COMPANY_SUFFIXES,
    ORG_SHORT_NAMES,
    is_given_name_form,
    AGE_NOUN,
    DEMONYMS,
    ORG_HEADS,
    GPE_NOUNS,
    NATIONALITY_NOUNS,
    ORG_KINDS,
    OWNED_ORG_NOUNS,
    PERSON_ROLES,
    PLACE_ALIASES,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    gender_of_first_name,
    gender_of_title,
    is_acronym_of,
    is_company_short_form,
    is_known_org,
    is_outlet_name,
    is_short_form,
    likely_misspelling,
    name_key,
    name_tokens,
    noun_medium,
    outlet_medium,
    person_tokens,
    surname,
)
from saidwhat.cues import verb_frame
from saidwhat.records import EntityTable, Mention as MentionRecord, ResolvedEntity, Span

# How many narrative sentences back a pronoun / description may look for its antecedent.
PRONOUN_WINDOW = {"masc": 4, "fem": 4, "neut": 2, "any": 2}
DESCRIPTION_WINDOW = 8
# "the union", "the agency" name their organisation across a whole feature.
ORG_DESCRIPTION_WINDOW = 25
# What continuing the previous sentence's subject is worth to a description (a title match is 5).
CONTINUITY_BONUS = 3.0
# How many narrative sentences back the person a description continues may be named.
LEAD_WINDOW = 2
LONG_WINDOW = 12
# Determiners that make a mention of a group generic: "many Democrats", "some officials".
QUANTIFIERS = frozenset(
    "many some most few several fellow other all one two three another any each every various numerous".split()
)
# Heads of documents that speak for whoever made them ("a USA TODAY analysis", "the Reuters poll").
DOCUMENT_NOUNS = frozenset(
    "analysis report poll survey study statement ad advertisement article editorial memo letter "
    "tweet video release database investigation review filing complaint lawsuit brief submission "
    "commentary account program website book film piece column essay documentary tally average "
    "estimate forecast projection research transcript data ruling decision finding rule bylaw spot clip "
    "guidance guideline order opinion movie commercial feature story memoir recording".split()
)
# Documents only in the plural ("figures from the ONS"; "a key figure" is a person).
PLURAL_DOCUMENT_NOUNS = frozenset("figures statistics numbers records documents emails".split())
# Documents of one family name each other ("her documentary “13th.” … The film"), whoever made them.
DOCUMENT_FAMILIES = (
    frozenset("film documentary movie video recording".split()),
    frozenset("book memoir".split()),
    frozenset("article piece column essay story feature editorial commentary".split()),
    frozenset("ad advertisement spot clip commercial video".split()),
    frozenset("poll survey study analysis research report".split()),
)
# Verbs by which an organisation puts out a document ("the Council issued a statement").
ISSUING_LEMMAS = frozenset("issue release publish put file conduct produce circulate post send have launch air run unveil".split())
# How far back (tokens) "the study" may look for a document of another kind ("a Reuters survey").
OTHER_DOCUMENT_WINDOW = 60
# What someone says things in: "In a statement, the union called …" (not "In this poll, Trump leads").
STATEMENT_NOUNS = frozenset("statement release letter memo tweet post filing complaint brief submission".split())
# Documents an organisation makes, which a lead may announce before naming the maker ("A new poll").
RESEARCH_NOUNS = frozenset("poll survey study report analysis research".split())
# Parts of an organisation that speak for it ("a three-judge panel of the Court of Appeals").
PART_NOUNS = frozenset("panel division unit branch arm wing office bureau".split())
# How far ahead (tokens) an indefinite lead ("A new poll", "A New York judge") may be named.
LATER_WINDOW = 150
# Roles that stay anonymous however the story goes on.
ANONYMOUS_ROLES = frozenset("spokesman spokeswoman spokesperson source official aide reporter person insider".split())
# Roles news uses for one another ("A New York judge" is introduced as "Justice Frank Nervo").
ROLE_SYNONYMS = {
    "judge": frozenset({"justice", "magistrate"}),
    "justice": frozenset({"judge"}),
    "magistrate": frozenset({"judge"}),
}
# Organisation nouns that fit any organisation; other ones ("the agency", "the union") need their word.
GENERIC_ORG_NOUNS = frozenset("company firm group organization organisation business corporation conglomerate".split())
# What a company is called by its trade ("the packaged food maker", "the carmaker", "the lender"):
# these fit any company, like "the company" does.
TRADE_NOUNS = frozenset(
    "maker carmaker automaker chipmaker drugmaker steelmaker planemaker retailer airline insurer lender "
    "manufacturer startup supplier grocer supermarket broadcaster miner brewer bank chain giant".split()
)
COMPANY_NOUNS = frozenset("company firm business corporation conglomerate".split()) | TRADE_NOUNS
NOT_COMPANIES = frozenset(
    "union association federation party committee commission agency department ministry council court "
    "university college school hospital charity foundation institute government coalition caucus".split()
)
GOVERNMENT_NOUNS = frozenset("government administration regime authority army military police".split())
# Party words that mean the same ("the GOP nominee" for a Republican).
# Verbs of getting hold of a document: their agent is not its author.
OBTAINING_LEMMAS = frozenset("obtain see review receive acquire leak share view examine find access".split())
# Family words: "his son", "her husband" name the one person the article described so.
KIN_NOUNS = frozenset(
    "son daughter wife husband widow widower mother father brother sister partner fiance fiancee stepson "
    "stepdaughter grandson granddaughter".split()
)
PARTY_SYNONYMS = {"gop": "republican", "republicans": "republican", "democrat": "democratic", "democrats": "democratic"}
OPPOSITE_PARTY = {"republican": "democratic", "democratic": "republican"}
# What "it" can stand for, and what "they" can (people only as a group: singular "they" is too rare).
THING_TYPES = frozenset({"ORG", "GPE", "MEDIA", "OTHER"})
GROUP_TYPES = frozenset({"ORG", "GROUP", "NORP", "MEDIA"})
# Grammatical roles in which a common noun can be what "it"/"they" means, blocking entities behind it.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative"})


@dataclass(frozen=True)
class _Candidate:
    """A possible antecedent: an entity mention, or a common noun (entity None) that blocks."""

    head: int
    start: int
    entity: "_Entity | None"
    quote: int | None


@dataclass(eq=False)
class _Entity:
    """An entity while it is being built."""

    mentions: list[Mention] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    genders: Counter = field(default_factory=Counter)
    person_names: list[list[str]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    role_words: set[str] = field(default_factory=set)
    descriptors: list[str] = field(default_factory=list)
    outlet: bool = False
    known_org: bool = False
    org_named: bool = False  # its name ends in "Coalition", "Caucus", "Institute" …
    members: list[_Entity] = field(default_factory=list)  # a GROUP's entities ("Trump and Clinton")
    fixed_name: str | None = None  # a name no mention spells ("Sandoval campaign" for "His campaign")

    @property
    def type(self) -> str:
        if self.members:
            return "GROUP"
        # A known outlet or organisation stays one however often the tagger calls it a person,
        # unless something gendered it (titles, pronouns).
        if self.outlet and (self.labels["PERSON"] < 3 or not self.genders):
            return "MEDIA"
        if (self.known_org or self.org_named) and (self.labels["PERSON"] < 3 or not self.genders):
            return "ORG"
        if not self.labels:
            return "OTHER"
        return self.labels.most_common(1)[0][0]

    @property
    def gender(self) -> str | None:
        if not self.genders:
            return None
        (best, count), *rest = self.genders.most_common(2) + [(None, 0)]
        return best if count > rest[0][1] else None

    @property
    def surnames(self) -> set[str]:
        return {surname(tokens) for tokens in self.person_names}

    def add_descriptor(self, text: str, *, evidence: bool = True) -> None:
        text = text.strip()
        for suffix in ("’s", "'s"):
            text = text.removesuffix(suffix)
        if text and text.lower() not in {d.lower() for d in self.descriptors}:
            self.descriptors.append(text)
        if not evidence:
            return
        words = name_tokens(text)
        for i, word in enumerate(words):
            if i and words[i - 1] == "shadow":
                # "Shadow chancellor Mel Stride" is not who "the chancellor" means.
                self.role_words.add(f"shadow-{word}")
                continue
            self.role_words.add(TITLE_ABBREVIATIONS.get(word, word))
            self.role_words.update(word.split("-"))


class _Resolver:
    def __init__(self, doc: Doc, found: Mentions, hints: list[Span] = ()) -> None:
        self.doc = doc
        self.hints = list(hints)
        self.text = found.offsets.text
        self.found = found
        self.entities: list[_Entity] = []
        self.entity_of_token: dict[int, _Entity] = {}
        self.assigned: list[tuple[Mention, _Entity]] = []
        self.by_sentence: dict[int, list[tuple[Mention, _Entity]]] = {}
        self.sentences = list(doc.sents)
        self.sentence_starts = [sentence.start for sentence in self.sentences]
        self._authors: tuple[list[tuple[int, _Entity]], _Entity | None] | None = None
        self._context_words: dict[int, set[str]] = {}

    # -- assignment -------------------------------------------------------------------------
    def assign(self, mention: Mention, entity: _Entity) -> None:
        insort(entity.mentions, mention, key=lambda m: m.start)
        insort(self.assigned, (mention, entity), key=lambda pair: pair[0].start)
        self.by_sentence.setdefault(mention.sentence, []).append((mention, entity))
        self.entity_of_token.setdefault(mention.head, entity)
        if mention.kind == "name" and not mention.derived:
            for token in self.found.offsets.span(mention.start, mention.end) or ():
                self.entity_of_token.setdefault(token.i, entity)

    def run(self) -> None:
        # Names first: a pronoun inside a quotation must know the quotation's speaker, named after it.
        names = [m for m in self.found.mentions if m.kind == "name"]
        for mention in names:
            if not mention.headline:
                self.resolve_name(mention)
        # Headlines last: "Obama Says …" is tagged as one name; it joins whoever the body names.
        for mention in names:
            if mention.headline:
                self.resolve_headline_name(mention)
        self.find_hinted_surnames()
        self.find_missed_surnames()
        self.find_groups()
        for mention in self.found.mentions:
            if mention.kind == "pronoun":
                self.resolve_pronoun(mention)
            elif mention.kind == "relative":
                self.resolve_relative(mention)
            elif mention.kind == "nominal":
                self.resolve_nominal(mention)
        # "I" last: its quotation's speaker may be a pronoun resolved above.
        for mention in self.found.mentions:
            if mention.kind == "first_person":
                self.resolve_first_person(mention)

    # -- names ------------------------------------------------------------------------------
    def resolve_name(self, mention: Mention) -> None:
        entity = self.match_name(mention)
        if entity is None:
            entity = _Entity()
            self.entities.append(entity)
        self.learn_name(entity, mention)
        self.assign(mention, entity)

    def find_missed_surnames(self) -> None:
        """"Oz is hardly an impartial figure": a proper noun the NER left out that is the surname of
        exactly one person already named in full is a mention of them (pronouns depend on it); so is
        a capitalised word the tagger took for a plural noun ("9:37 p.m. — Gaines addressed supporters")."""
        full: dict[str, list[_Entity]] = {}
        for entity in self.entities:
            if entity.type == "PERSON":
                for name in entity.person_names:
                    if len(name) > 1:
                        full.setdefault(name[-1], [])
                        if entity not in full[name[-1]]:
                            full[name[-1]].append(entity)
        for token in self.doc:
            if not (token.tag_ == "NNP" or _capitalised_noun_phrase_head(token)):
                continue
            if not token.is_alpha or token.i in self.entity_of_token or token.lower_ in TITLE_WORDS:
                continue
            bearers = full.get(name_tokens(token.text)[0] if name_tokens(token.text) else "", [])
            if len(bearers) != 1 or min(m.start for m in bearers[0].mentions) > token.idx:
                continue
            if token.nbor(1).pos_ == "PROPN" if token.i + 1 < len(self.doc) else False:
                continue  # part of a longer name the NER missed ("Oz Pictures")
            mention = self.derived_name(self.doc[token.i : token.i + 1], token, "PERSON", quote=self.quote_of_token(token.i))
            self.assign(mention, bearers[0])

    def derived_name(self, span, head: Token, label: str, *, role: str | None = None, quote: int | None = None) -> Mention:
        """A name mention this stage found itself (the NER did not tag it), headed by ``head``."""
        return Mention(
            start=span.start_char, end=span.end_char, text=span.text, kind="name", head=head.i,
            sentence=bisect_right(self.sentence_starts, head.i) - 1, role=role or role_of(head), label=label,
            quote=quote, derived=True,
        )

    def find_hinted_surnames(self) -> None:
        """A span another stage asks about that is one capitalised word the tagger took for a common
        noun ("Wines believes …", a typo for Wimes) is that person when it is (nearly) their surname,
        so the pronouns after it can find them."""
        for start, end in self.hints:
            span = self.found.offsets.span(start, end)
            if span is None or len(span) != 1:
                continue
            token = span[0]
            if token.i in self.entity_of_token or not token.text[:1].isupper() or token.pos_ in ("PRON", "PROPN", "DET"):
                continue
            word = name_tokens(token.text)
            entity = self.most_recent(
                lambda e: e.type == "PERSON" and bool(word) and any(likely_misspelling(word[0], s) for s in e.surnames)
            )
            if entity is not None:
                mention = self.derived_name(
                    self.doc[token.i : token.i + 1], token, "PERSON", quote=self.quote_of_token(token.i)
                )
                self.assign(mention, entity)

    def find_groups(self) -> None:
        """Coordinated names ("Mr. Grassley and Mr. Leahy", "China and the United States") are also
        a group that "they" or "which" can refer to."""
        for mention, entity in list(self.assigned):
            token = self.doc[mention.head]
            if mention.kind != "name" or token.dep_ == "conj":
                continue
            members = self.coordinated(token)
            if len(members) > 1 and len({m.type for m in members}) == 1 and entity.type in ("PERSON", "GPE", "ORG"):
                last = max(token.conjuncts, key=lambda t: t.i)
                end = last.idx + len(last.text)
                group_mention = Mention(
                    start=mention.start, end=end, text=self.text[mention.start : end], kind="name",
                    head=mention.head, sentence=mention.sentence, role=mention.role, label="GROUP",
                    quote=mention.quote, derived=True,
                )
                self.assign(group_mention, self.group(members))

    def coordinated(self, token: Token, within: tuple[int, int] | None = None) -> list[_Entity]:
        """The entities of a word and its conjuncts, in order, each once."""
        members: list[_Entity] = []
        for word in [token, *token.conjuncts]:
            entity = self.entity_of_token.get(word.i)
            inside = within is None or within[0] <= word.idx < within[1]
            if entity is not None and entity not in members and not entity.members and inside:
                members.append(entity)
        return members

    def resolve_headline_name(self, mention: Mention) -> None:
        """Only the surname in "Black Lawmakers Blast Trump" is a mention of Trump."""
        for token in self.found.offsets.span(mention.start, mention.end) or ():
            words = name_tokens(token.text)
            entity = next((e for e in self.entities if e.type == "PERSON" and words and words[0] in e.surnames), None)
            if entity is not None:
                start, end = token.idx, token.idx + len(token.text)
                self.assign(replace(mention, start=start, end=end, text=self.text[start:end], head=token.i), entity)
                return
        self.resolve_name(mention)

    def match_name(self, mention: Mention) -> _Entity | None:
        key = name_key(mention.text)
        tokens = person_tokens(mention.text)
        # A company called by its short name, whatever the tagger says it is ("Northfield" after
        # "Northfield Group": the tagger calls the one-word name a person).
        words = name_tokens(mention.text)
        # Either way round: "Norvale Foods Plc" after a headline's "Norvale Foods".
        company = self.most_recent(
            lambda e: any(is_company_short_form(words, k.split()) or is_company_short_form(k.split(), words) for k in e.keys)
        )
        if company is not None and company.type in ("ORG", "MEDIA"):
            return company
        if mention.label == "PERSON" and len(tokens) >= 2:
            return self.match_full_person(tokens)
        if len(tokens) >= 2 and tokens[0] in SURNAME_PARTICLES:
            # "Abu Rayyan" after "Mohammed Abu Rayyan", whatever the tagger calls it.
            surname_of = self.most_recent(
                lambda e: e.type == "PERSON" and any(len(n) > len(tokens) and n[-len(tokens) :] == tokens for n in e.person_names)
            )
            if surname_of is not None:
                return surname_of
        key = ORG_SHORT_NAMES.get(key, key)  # "the Fed" is the Federal Reserve
        same_name = self.most_recent(lambda e: key in e.keys)
        by_surname = self.match_surname(mention, tokens[0]) if len(tokens) == 1 else None
        if mention.label == "PERSON":
            # "Clinton" after Bill and Hillary: the surname rule weighs honorifics; the bare key would not.
            found = by_surname or same_name
            if found is None and len(tokens) == 1:
                by_first = [
                    e for e in self.entities if any(len(n) > 1 and is_given_name_form(tokens[0], n[0]) for n in e.person_names)
                ]
                found = by_first[0] if len(by_first) == 1 else self.most_recent(
                    lambda e: e.type == "PERSON" and any(likely_misspelling(tokens[0], s) for s in e.surnames)
                )
            return found
        if len(tokens) == 1 and mention.label in ("ORG", "OTHER", "WORK_OF_ART", "PRODUCT"):
            # "Tasha hinted at the split" tagged as an organisation after "Tasha Reeve": her given name.
            by_given = [e for e in self.entities if e.type == "PERSON" and any(len(n) > 1 and n[0] == tokens[0] for n in e.person_names)]
            if len(by_given) == 1 and not any(key in e.keys for e in self.entities if e.type != "PERSON"):
                return by_given[0]
        place = DEMONYMS.get(key) if mention.label == "NORP" else None
        if place is not None:
            # "American commitments": the country, when the article names it ("the United States").
            place_key = PLACE_ALIASES.get(place, place)
            found = self.most_recent(lambda e: e.type == "GPE" and place_key in e.keys)
            if found is not None:
                return found
        # A surname alone even when the NER calls it a place or group ("Blinken" as GPE), or
        # mistyped ("Scheiderman, a Democrat" after Eric Schneiderman).
        found = same_name or by_surname
        if found is None and len(tokens) == 1 and mention.text[:1].isupper():
            found = self.most_recent(
                lambda e: e.type == "PERSON" and any(likely_misspelling(tokens[0], s) for s in e.surnames)
            )
        if found is not None:
            return found
        words = name_tokens(mention.text)
        shortened = self.most_recent(
            lambda e: e.type in ("ORG", "MEDIA") and any(_short_form(words, k.split()) for k in e.keys)
        )
        # Acronyms both ways: "the S.E.C." after the Securities and Exchange Commission, or before it.
        return shortened or self.most_recent(
            lambda e: any(is_acronym_of(words, k.split()) or is_acronym_of(k.split(), words) for k in e.keys)
        )

    def match_surname(self, mention: Mention, word: str) -> _Entity | None:
        honorific = gender_of_title([w for t in mention.titles for w in name_tokens(t)] + name_tokens(mention.text))
        bearers = [
            e for e in self.entities if word in e.surnames and (honorific is None or e.gender in (None, honorific))
        ]
        if len(bearers) < 2:
            return bearers[0] if bearers else None
        # Several people share the surname (Donald and Ivana Trump): a bare "Trump" is the one the
        # article names most, unless an honorific says otherwise; among equals the latest.
        named = Counter(id(e) for m, e in self.assigned if m.kind == "name" and e in bearers)
        latest = self.most_recent(lambda e: e in bearers)
        return max(bearers, key=lambda e: (honorific is not None and e.gender == honorific, named[id(e)], e is latest))

    def match_full_person(self, tokens: list[str]) -> _Entity | None:
        """A full name joins the entity with that name, or with that surname and no other first name;
        a one-typo surname counts ("Osama Hamadan", or "Scheiderman" before "Eric Schneiderman")."""
        last = tokens[-1]
        for entity in reversed(self.entities):
            if tokens in entity.person_names:
                return entity
        # A surname of several words ("Le Pen" after "Marine Le Pen", "Van Hollen" after "Chris Van Hollen").
        for entity in reversed(self.entities):
            if any(len(n) > len(tokens) and n[-len(tokens) :] == tokens for n in entity.person_names):
                return entity
        for same_surname in (lambda s: s == last, lambda s: likely_misspelling(last, s)):
            for entity in reversed(self.entities):
                if any(same_surname(s) for s in entity.surnames) and _first_name_fits(tokens[:-1], entity):
                    return entity
        # A headline's "Hartley insists …" the tagger called an organisation, before "Neil Hartley".
        for entity in reversed(self.entities):
            if entity.keys == {last} and not (entity.outlet or entity.known_org or entity.org_named or entity.members):
                if entity.type in ("ORG", "OTHER"):
                    return entity
        # "a son, Thomas" … "Thomas Penhallow said": someone known so far by a given name alone.
        for entity in reversed(self.entities):
            if entity.type == "PERSON" and entity.person_names and all(len(n) == 1 for n in entity.person_names):
                if [tokens[0]] in entity.person_names:
                    return entity
        return None

    def most_recent(self, test) -> _Entity | None:
        for mention, entity in reversed(self.assigned):
            if mention.kind == "name" and test(entity):
                return entity
        return None

    def learn_name(self, entity: _Entity, mention: Mention) -> None:
        tokens = person_tokens(mention.text)
        # A full name tagged PERSON ("Donald Trump") outweighs many "Trump" tagged ORG in "Trump’s plan".
        if mention.label == "PERSON" and len(tokens) > 1:
            weight = 3 * len(tokens)
        else:
            weight = len(tokens) if mention.label == "ORG" else 1
        entity.labels[mention.label] += weight
        entity.keys.add(name_key(mention.text))
        words = mention.text.split()
        if len(words) > 1 and words[0].islower():
            # "the federal Securities and Exchange Commission": the name proper starts capitalised.
            proper = next((i for i, w in enumerate(words) if not w.islower()), len(words))
            if proper < len(words):
                entity.keys.add(name_key(" ".join(words[proper:])))
        if mention.label == "PERSON" or mention.titles:
            entity.person_names.append(tokens)
        entity.outlet = entity.outlet or is_outlet_name(mention.text, mention.label)
        # "East European Coalition", "Democratic African-American Women Caucus": named for what
        # they are, organisations whatever the tagger says.
        entity.known_org = entity.known_org or is_known_org(mention.text)
        entity.org_named = entity.org_named or (len(tokens) > 1 and (tokens[-1] in ORG_HEADS or tokens[-1] in COMPANY_SUFFIXES))
        for title in mention.titles:
            entity.add_descriptor(title)
            title_tokens = [t for w in name_tokens(title) for t in w.split("-")]
            # A role before the name ("Villa boss Unai Emery") makes a person whatever the tagger said.
            if any(
                (t in TITLE_WORDS or t in PERSON_ROLES) and t not in {"state", "former", "acting", "interim", "elect"}
                for t in title_tokens
            ):
                entity.labels["PERSON"] += 3
            gender = gender_of_title(title_tokens)
            if gender:
                entity.genders[gender] += 3
        for appositive in mention.appositives:
            entity.add_descriptor(appositive)
            appositive_words = [t for w in name_tokens(appositive) for t in w.split("-")]
            if appositive_words and appositive_words[-1] in PERSON_ROLES:
                entity.labels["PERSON"] += 3  # "Labour's campaign chief, Morgan McSweeney": a person
            gender = gender_of_title(appositive_words)
            if gender:
                entity.genders[gender] += 2
        gender = gender_of_first_name(tokens)
        if gender:
            entity.genders[gender] += 1

    # -- pronouns ---------------------------------------------------------------------------
    def resolve_pronoun(self, mention: Mention) -> None:
        gender, _number = PRONOUN_FEATURES[mention.lemma]
        speaker = self.quote_speaker(mention)
        # A common noun can be what "it"/"they" means ("the war and its casualties"): it blocks.
        blocker_tag = {"neut": "NN", "any": "NNS"}.get(gender)

        def fits(candidate: _Candidate) -> bool:
            if mention.quote is None and candidate.quote is not None:
                return False
            entity = candidate.entity
            if entity is None:
                # "it said" wants a speaker: a common noun does not block the organisation before it.
                return not mention.speaker and self.doc[candidate.head].tag_ == blocker_tag
            if entity is speaker:
                return False
            kind = entity.type
            if gender in ("masc", "fem"):
                return kind == "PERSON" and entity.gender in (None, gender)
            if gender == "neut":
                return kind in THING_TYPES
            return kind in GROUP_TYPES

        found, entity = self.hobbs_in_sentence(mention, fits)
        if not found:
            entity = self.previous_sentences(mention, fits, PRONOUN_WINDOW[gender])
        if entity is None and not found and gender in ("masc", "fem"):
            # A long way back: the last person of the pronoun's known gender (a feature's subject).
            entity = self.previous_sentences(
                mention, lambda c: c.entity is not None and fits(c) and c.entity.gender == gender, LONG_WINDOW
            )
        if entity is not None:
            # A quotation's pronouns are the weakest guesses ("my son gave his life", said the
            # mother): they must not teach the entity a gender.
            if gender in ("masc", "fem") and mention.quote is None:
                entity.genders[gender] += 1
                entity.labels["PERSON"] += 1
            self.assign(mention, entity)

    def candidates(self, sentence: int, before: int) -> list[_Candidate]:
        """Entity mentions and unresolved common nouns of a sentence that start before ``before``."""
        found = [
            _Candidate(m.head, m.start, e, m.quote) for m, e in self.by_sentence.get(sentence, []) if m.start < before
        ]
        taken = {c.head for c in found}
        for token in self.sentences[sentence]:
            if token.idx >= before:
                break
            if token.pos_ == "NOUN" and token.dep_ in _ARGUMENT_DEPS and token.i not in taken and token.i not in self.entity_of_token:
                found.append(_Candidate(token.i, token.idx, None, self.quote_of_token(token.i)))
        return found

    def hobbs_in_sentence(self, mention: Mention, fits) -> tuple[bool, _Entity | None]:
        """Climb from the pronoun; the first ancestor whose left part holds a fitting mention wins."""
        token = self.doc[mention.head]
        # "Campaigning against Mitt Romney in 2012, he barely mentioned …": the fronted clause has
        # no subject of its own because its subject is the pronoun; nobody in it is "he".
        fronted = [
            (c.left_edge.i, c.right_edge.i) for c in token.head.children
            if c.dep_ == "advcl" and c.i < token.i and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        ] if mention.role == "subj" else []
        earlier = [
            c for c in self.candidates(mention.sentence, mention.start)
            if c.quote == mention.quote and fits(c) and not any(a <= c.head <= b for a, b in fronted)
        ]
        if not earlier:
            return False, None
        reflexive = mention.lemma.endswith("self") or mention.lemma.endswith("selves")
        ancestor = token
        while ancestor.head.i != ancestor.i:
            ancestor = ancestor.head
            inside = [
                (self.depth(self.doc[c.head], ancestor), c.start, c.entity)
                for c in earlier
                if ancestor.left_edge.i <= c.head <= ancestor.right_edge.i
                and (reflexive or not _bound(self.doc[c.head], token))
            ]
            if inside:
                return True, min(inside, key=lambda item: (item[0], item[1]))[2]
        return False, None

    @staticmethod
    def depth(token: Token, ancestor: Token) -> int:
        steps = 0
        while token.i != ancestor.i and token.head.i != token.i:
            token = token.head
            steps += 1
        return steps

    def previous_sentences(self, mention: Mention, fits, window: int) -> _Entity | None:
        """The most prominent fitting mention (shallowest, then leftmost) of the nearest earlier sentence."""
        narrative = self.found.narrative_index
        sentence = mention.sentence - 1
        while sentence >= 0 and narrative[mention.sentence] - narrative[sentence] <= window:
            fitting = [c for c in self.candidates(sentence, len(self.text)) if fits(c)]
            if fitting:
                root = self.sentences[sentence].root
                return min(fitting, key=lambda c: (self.depth(self.doc[c.head], root), c.start)).entity
            sentence -= 1
        return None

    def quote_of_token(self, index: int) -> int | None:
        return self.found.quote_of.get(index)

    def quote_speaker(self, mention: Mention) -> _Entity | None:
        if mention.quote is None:
            return None
        speaker_token = self.found.quotes[mention.quote].speaker_token
        return self.entity_of_token.get(speaker_token) if speaker_token is not None else None

    def resolve_first_person(self, mention: Mention) -> None:
        speaker = self.quote_speaker(mention) if mention.quote is not None else self.narrator(mention)
        if speaker is not None:
            self.assign(mention, speaker)

    def narrator(self, mention: Mention) -> _Entity | None:
        """Who "I" is outside quotations: the writer who signs the letter it is in (the next line
        that is only a person's name), else the article's author (a "By …" byline or a closing
        "<Name> is …" note); nobody when the article names none."""
        if self._authors is None:
            self._authors = self.find_authors()
        signatures, author = self._authors
        return next((entity for start, entity in signatures if start > mention.start), author)

    def find_authors(self) -> tuple[list[tuple[int, _Entity]], _Entity | None]:
        lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text) if m.group().strip()]
        signatures: list[tuple[int, _Entity]] = []
        author = None
        for number, (start, end) in enumerate(lines):
            words = [t for t in self.found.offsets.span(start, end, expand=False) or () if not t.is_punct]
            if not words:
                continue
            if number < 5 and words[0].lower_ == "by" and len(words) > 1:
                entity = self.person_of_line(words[1:])
                author = entity or author
            elif len(words) <= 6 and self.person_of_line(words) is not None:
                signatures.append((start, self.person_of_line(words)))
            elif number >= len(lines) - 2:
                # "Jane Doe is a professor of history at …" closing an opinion piece.
                first = self.entity_of_token.get(words[0].i)
                rest = [t for t in words if self.entity_of_token.get(t.i) is not first]
                if first is not None and first.type == "PERSON" and rest and rest[0].i > words[0].i and rest[0].lemma_ in ("be", "write", "teach"):
                    author = first
        return signatures, author

    def person_of_line(self, words: list[Token]) -> _Entity | None:
        """The person a line of words names, when it is nothing but that name."""
        entities = {id(self.entity_of_token.get(t.i)): self.entity_of_token.get(t.i) for t in words}
        entity = next(iter(entities.values()))
        return entity if len(entities) == 1 and entity is not None and entity.type == "PERSON" else None

    def resolve_relative(self, mention: Mention) -> None:
        antecedent = relative_antecedent(self.doc[mention.head])
        if antecedent is None:
            return
        members = self.coordinated(antecedent)
        entity = self.group(members) if len(members) > 1 else self.entity_of_noun(antecedent)
        if mention.lemma in ("who", "whom") and (entity is None or entity.type not in ("PERSON", "GROUP")):
            entity = self.person_antecedent(antecedent)
        if entity is not None:
            self.assign(mention, entity)

    def person_antecedent(self, noun: Token) -> _Entity | None:
        """Whom "who" means when the noun before it is no person: the subject a predicate noun
        describes ("Kaine is a former civil rights lawyer who"), or the person a place phrase hangs
        from ("Donna Rawlings, 59, of Ashton, Md., who"); nobody for "Democrats on Capitol Hill, who"."""
        if noun.dep_ == "attr":
            subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = self.entity_of_noun(subjects[0]) if subjects else None
            return found if found is not None and found.type == "PERSON" else None
        token = noun
        for _ in range(4):
            if token.dep_ not in ("pobj", "prep", "appos", "npadvmod", "nummod", "compound") or token.head.i == token.i:
                return None
            token = token.head
            found = self.entity_of_noun(token)
            if found is not None and found.type == "PERSON":
                return found
        return None

    def entity_of_noun(self, token: Token) -> _Entity | None:
        """The entity of a noun, or of a name in apposition with it ("His brother Phil Neville, who";
        "Heather Samuelson, a campaign assistant who")."""
        if token.i in self.entity_of_token:
            return self.entity_of_token[token.i]
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.entity_of_token:
                return self.entity_of_token[child.i]
        if token.dep_ == "appos" and token.head.i in self.entity_of_token:
            return self.entity_of_token[token.head.i]
        for child in token.children:
            place = place_of(child)
            if place is not None and place.i in self.entity_of_token:
                return self.entity_of_token[place.i]
        return None

    # -- definite descriptions --------------------------------------------------------------
    def resolve_nominal(self, mention: Mention) -> None:
        narrative = self.found.narrative_index
        best: tuple[float, _Entity] | None = None
        seen: set[int] = set()
        leads = self.leads(mention) if mention.label == "PERSON" and mention.role == "subj" else []
        for candidate, entity in reversed(self.assigned):
            if id(entity) in seen or candidate.start >= mention.start:
                continue
            seen.add(id(entity))
            distance = narrative[mention.sentence] - narrative[candidate.sentence]
            window = ORG_DESCRIPTION_WINDOW if mention.label in ("ORG", "MEDIA") else DESCRIPTION_WINDOW
            if distance > window:
                break
            fit = self.description_fit(mention, entity)
            if fit is not None and distance > DESCRIPTION_WINDOW and fit < 2.5:
                continue  # far back, only an organisation of the very kind ("the union") will do
            if any(entity is lead for lead in leads):
                # "Mike Pence says … . The Republican vice presidential nominee was speaking …": a
                # description opening the next sentence continues its subject unless something
                # it says contradicts that person.
                lenient = self.description_fit(mention, entity, lenient=True)
                if lenient is not None and not self.titled_otherwise(mention.lemma, entity):
                    fit = max(fit or 0.0, lenient + CONTINUITY_BONUS)
            if fit is None:
                continue
            score = fit - 0.3 * distance
            if best is None or score > best[0]:
                best = (score, entity)
        if best is None and mention.label == "PERSON":
            protagonist = self.protagonist(mention)
            best = (0.0, protagonist) if protagonist is not None else None
        if best is not None:
            best[1].add_descriptor(mention.text, evidence=False)
            self.assign(mention, best[1])

    def protagonist(self, mention: Mention) -> _Entity | None:
        """The most named person so far among those the description could be, for a role
        description nothing else fits ("the New York businessman" in a Trump–Clinton story is not
        the woman), when that person is named at least three times and twice as often as the next."""
        counts: Counter = Counter()
        people: dict[int, _Entity] = {}
        for candidate, entity in self.assigned:
            if candidate.start >= mention.start:
                break
            if candidate.kind == "name" and entity.type == "PERSON":
                counts[id(entity)] += 1
                people[id(entity)] = entity
        ranked = [(count, people[key]) for key, count in counts.most_common() if self.could_be(mention, people[key])]
        if not ranked:
            return None
        (count, entity), *rest = ranked + [(0, None)]
        return entity if count >= 3 and count >= 2 * rest[0][0] else None

    def could_be(self, mention: Mention, entity: _Entity) -> bool:
        """Nothing the description says contradicts the person: gender, party, and each proper word
        ("New York") is one the person is titled with or named alongside."""
        gender = gender_of_title([mention.lemma])
        if gender and entity.gender not in (None, gender):
            return False
        evidence = {_party(w) for w in entity.role_words}
        proper = [_party(name_tokens(m)[0]) for m in mention.modifiers if m[:1].isupper() and name_tokens(m)]
        if any(OPPOSITE_PARTY.get(word) in evidence for word in proper):
            return False
        # A place or party word nobody is known by ("the New York businessman") rules nobody out.
        claimed = {_party(w) for other in self.entities if other.type == "PERSON" for w in other.role_words}
        return all(word in evidence or word in self.context_words(entity) or word not in claimed for word in proper)

    def context_words(self, entity: _Entity) -> set[str]:
        """Proper words of the sentences naming the entity ("Trump, the New York developer, …")."""
        key = id(entity)
        if key not in self._context_words:
            words: set[str] = set()
            for mention in entity.mentions:
                if mention.kind != "name":
                    continue
                for token in self.sentences[mention.sentence]:
                    if token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ") and self.entity_of_token.get(token.i) is not entity:
                        words.update(_party(word) for word in name_tokens(token.text))
            self._context_words[key] = words
        return self._context_words[key]

    def titled_otherwise(self, role: str, entity: _Entity) -> bool:
        """Someone else, not this person, carries the title ("the judge" when a Judge Nervo is named)."""
        if role in entity.role_words:
            return False
        return any(role in other.role_words for other in self.entities if other is not entity and other.type == "PERSON")

    def leads(self, mention: Mention) -> list[_Entity]:
        """Whom a subject description most likely continues: the person the previous sentence is
        about, and a person who is the subject of a clause earlier in its own sentence ("As far as
        whether Sanders still senses anger …, the Vermont senator acknowledged …")."""
        earlier = [
            e for m, e in self.by_sentence.get(mention.sentence, [])
            if m.start < mention.start and m.quote is None and m.role == "subj" and m.kind == "name" and e.type == "PERSON"
        ]
        previous = self.previous_lead(mention)
        return earlier[:1] + ([previous] if previous is not None else [])

    def previous_lead(self, mention: Mention) -> _Entity | None:
        """The person the narrative sentence before is about: the subject of its main verb, else
        (the parser took "But Trump claims …" for a noun phrase) the first person it names."""
        narrative = self.found.narrative_index
        sentence = mention.sentence - 1
        mentions: list[tuple[Mention, _Entity]] = []
        # Back over quotation-only sentences, and over narrative ones that name nobody
        # ("Baiting the moderators."), a short way.
        while sentence >= 0 and narrative[mention.sentence] - narrative[sentence] <= LEAD_WINDOW:
            mentions = [(m, e) for m, e in self.by_sentence.get(sentence, []) if m.quote is None and e.type == "PERSON"]
            if mentions and narrative[sentence] < narrative[mention.sentence]:
                break
            sentence -= 1
        if not mentions or sentence < 0:
            return None
        root = self.sentences[sentence].root.i
        subjects = [e for m, e in mentions if m.role == "subj" and self.doc[m.head].head.i == root]
        if subjects:
            return subjects[0]
        named = sorted(((m.start, e) for m, e in mentions if m.kind == "name"), key=lambda pair: pair[0])
        return named[0][1] if named else None

    def description_fit(self, mention: Mention, entity: _Entity, *, lenient: bool = False) -> float | None:
        """How well "the <modifiers> <head>" describes an entity; None when it cannot.

        The evidence is the entity's own titles and appositives (never descriptions resolved to it
        earlier, which would let one mistake feed the next) and its name words.
        """
        kind = entity.type
        head = mention.lemma
        if not any(m.kind == "name" for m in entity.mentions):
            return None
        modifiers = [m.lower() for m in mention.modifiers]
        evidence = {_party(w) for w in entity.role_words | {w for key in entity.keys for w in key.split()}}
        proper = [_party(name_tokens(m)[0]) for m in mention.modifiers if m[:1].isupper() and name_tokens(m)]
        # Leniently, a proper word the entity is not known by ("Indiana") is no evidence either way.
        agreement = sum(2.0 if word in evidence else (0.0 if lenient else -1.0) for word in proper)
        if mention.label == "PERSON":
            if kind != "PERSON" or any(OPPOSITE_PARTY.get(word) in evidence for word in proper):
                return None  # "the Democratic nominee" is not the one titled Republican
            if f"shadow-{head}" in entity.role_words and "shadow" not in modifiers:
                return None  # nor is "the chancellor" the shadow chancellor
            gender = gender_of_title([head])
            if gender and entity.gender not in (None, gender):
                return None
            roles = [word for word in entity.role_words if word in PERSON_ROLES]
            if head in entity.role_words:
                fit = 5.0
            elif any(PERSON_ROLES[head] & PERSON_ROLES[word] for word in roles):
                fit = 2.0
            elif lenient and roles and head not in NATIONALITY_NOUNS and head != AGE_NOUN:
                return None  # "the singer" does not continue a person known only as someone's agent
            else:
                fit = 0.0
            fit += agreement
            return fit if fit >= (0.0 if lenient else 2.0) else None
        if mention.label == "GPE":
            if kind != "GPE":
                return None
            for word in modifiers:
                place = DEMONYMS.get(word)
                if place is not None and PLACE_ALIASES.get(place, place) not in entity.keys:
                    return None
            return 2.0 + 2.0 * any(word in DEMONYMS for word in modifiers)
        if mention.label == "MEDIA":
            if kind != "MEDIA":
                return None
            media = {outlet_medium(key.split()) for key in entity.keys} - {None}
            wanted = noun_medium(head)
            return None if wanted and media and wanted not in media else 2.0
        if kind not in ("ORG", "GROUP") and not (head in GOVERNMENT_NOUNS and kind == "GPE"):
            return None
        if kind == "GROUP" and self.doc[mention.head].tag_ not in ("NNS", "NNPS"):
            return None  # "the company" is one, not "Virginia and Ireland" named together
        if head == "bank" and "central" in modifiers:
            # "the central bank" is the Federal Reserve or the European Central Bank, not Goldman Sachs.
            central = evidence & {"central", "reserve", "fed"} or any(key.startswith("bank of ") for key in entity.keys)
            return 3.0 + agreement if central else None
        if head in evidence:
            fit = 3.0  # "the fund" for the International Monetary Fund, "the campaign" for a campaign
        elif ORG_KINDS.get(head, frozenset()) & evidence:
            fit = 2.5  # "the agency" for the Congressional Budget Office
        elif head in COMPANY_NOUNS and evidence & NOT_COMPANIES:
            return None  # a union, a party or a ministry is no "company"
        elif head in GENERIC_ORG_NOUNS or head in TRADE_NOUNS or (head in GOVERNMENT_NOUNS and kind == "GPE"):
            if all(self.is_affiliation(m) for m in entity.mentions):
                return None  # "Tomasz Wrobel of Kessler & Grant": named only as where someone works
            # Any organisation will do: the article's own (named often, in the lede) before one in passing.
            fit = 1.0 + min(len(entity.mentions), 10) * 0.1 + 0.5 * self.named_in_lede(entity)
        else:
            return None  # "the agency" needs an agency; any organisation will not do
        fit += agreement
        return fit if fit >= 1.0 else None

    def named_in_lede(self, entity: _Entity) -> bool:
        """Named in the article's first two narrative sentences (its headline included)."""
        narrative = self.found.narrative_index
        return any(m.kind == "name" and narrative[m.sentence] <= 1 for m in entity.mentions)

    def is_affiliation(self, mention: Mention) -> bool:
        """A name that only says where a person works: "an analyst at Harlow Securities", "Wrobel of Kessler & Grant"."""
        token = self.doc[mention.head]
        preposition = token.head
        if token.dep_ != "pobj" or preposition.lower_ not in ("of", "at", "with", "from"):
            return False
        holder = preposition.head
        person = self.entity_of_token.get(holder.i)
        return (person is not None and person.type == "PERSON") or holder.lemma_.lower() in PERSON_ROLES

    # -- output -----------------------------------------------------------------------------
    def table(self, wanted: list[Span]) -> EntityTable:
        extra: dict[int, list[tuple[Span, str]]] = {}
        by_span: dict[Span, _Entity] = {}
        for entity in self.entities:
            for mention in entity.mentions:
                by_span[mention.span] = entity
        for start, end in wanted:
            if (start, end) in by_span or not 0 <= start < end <= len(self.text):
                continue  # already known, or not a span of this text (nothing to resolve)
            entity, kind = self.entity_for_span(start, end)
            if entity is not None:
                by_span[(start, end)] = entity
                extra.setdefault(id(entity), []).append(((start, end), kind))
        kept = [e for e in self.entities if e.mentions or id(e) in extra]

        def first_position(entity: _Entity) -> int:
            return min([m.start for m in entity.mentions] + [span[0] for span, _ in extra.get(id(entity), [])])

        ordered = sorted(kept, key=first_position)
        table = EntityTable()
        ids: dict[int, str] = {}
        for number, entity in enumerate(ordered, start=1):
            ids[id(entity)] = f"e{number}"
            table.entities.append(self.record(entity, f"e{number}", extra.get(id(entity), [])))
        table.by_span = {span: ids[id(entity)] for span, entity in by_span.items()}
        return table

    def entity_for_span(self, start: int, end: int) -> tuple[_Entity | None, str]:
        """The entity a wanted span refers to, read off its head word (None for generics)."""
        span = self.found.offsets.span(start, end)
        if span is None:
            return None, "name"
        root = span.root
        if root.pos_ == "VERB" and root.lemma_.lower() in SPEECH_LEMMAS:
            # A source marked on its verb ("…,” [said] Hester): the verb's subject speaks.
            subject = speech_subject(root)
            return (self.entity_of_token.get(subject.i) if subject is not None else None), "name"
        named = self.named_in_apposition(span)
        if named is not None:
            return named, "nominal"  # "Another critic, Laurence H. Tribe,"
        pair = self.plural_description(root)
        if pair is not None:
            return pair, "nominal"
        member = self.party_member(root)
        if member is not None:
            return member, "nominal"
        owned = self.owned_by_person(root)
        if owned is not None:
            return owned, "nominal"
        relative = self.relative_described(root)
        if relative is not None:
            return relative, "nominal"
        if any(c.dep_ in ("det", "amod", "nummod", "predet", "compound") and c.lower_ in QUANTIFIERS for c in root.children):
            return None, "nominal"  # "many Democrats", "one Republican", "fellow physicians": generic
        entity = self.entity_of_token.get(root.i)
        kind = "pronoun" if root.pos_ == "PRON" else ("name" if root.pos_ == "PROPN" else "nominal")
        if entity is not None and entity.type in ("GPE", "NORP"):
            # "Tulsa police Chief Chuck Jordan" parsed with the place on top: the person is meant.
            # Only names of the phrase itself: not "her" in "Emeka Nwosu, who trained under her".
            clauses = {t.i for c in root.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
            people = [
                self.entity_of_token[t.i]
                for t in span
                if t.pos_ == "PROPN" and t.i not in clauses and self.entity_of_token.get(t.i, entity).type == "PERSON"
            ]
            if people:
                return people[-1], "name"
            # "Amnesty International Kenya", "Google India": an organisation's national branch.
            before = self.entity_of_token.get(root.i - 1)
            if root.i - 1 >= span.start and before is not None and before.type == "ORG" and self.doc[root.i - 1].head.i == root.i:
                return before, "name"
        # "Mr. Grassley and Mr. Leahy": a coordination of entities is a group of them.
        conjuncts = self.coordinated(root, (start, end))
        if len(conjuncts) < 2:
            conjuncts = self.named_together(span) or conjuncts
        if any(w.tag_ in ("NNS", "NNPS") and w.i not in self.entity_of_token for w in root.conjuncts):
            return None, "nominal"  # "the nominee and his aides": a group with unnamed members is generic
        if len(conjuncts) > 1:
            return self.group(conjuncts), "name"
        if entity is not None:
            person = self.person_opening(span)
            if person is not None and person is not entity:
                return person, "name"  # "Maya Ortiz of Riders United" read with the group on top
        if entity is not None:
            return entity, kind
        if conjuncts and root.tag_ not in ("NNS", "NNPS"):
            # "his wife and current nominee Hillary Clinton" is one person; "my siblings and I" are not.
            return conjuncts[0], "nominal"
        # "Another critic, Laurence H. Tribe,": the appositive names the referent.
        entity = self.entity_of_noun(root)
        if entity is not None:
            return entity, "nominal"
        if root.lemma_.lower() in DOCUMENT_NOUNS or root.lower_ in PLURAL_DOCUMENT_NOUNS:
            return self.producer(root) or self.earlier_producer(root) or self.later_producer(root), "nominal"
        if root.lower_ == "police":
            return self.police_force(root), "nominal"
        introduced = self.introduced_later(root)
        if introduced is not None:
            return introduced, "nominal"
        if root.text[:1].isupper() and root.pos_ != "PRON":
            # A name the tagger took for a common noun ("Trump urges …", "Sanders: …").
            return self.known_name(root.text), "name"
        return None, "name"

    def person_opening(self, span) -> _Entity | None:
        """The person whose name opens a phrase and is followed by "of"/"from"/"at" or a comma."""
        person = self.entity_of_token.get(span.start)
        if person is None or person.type != "PERSON":
            return None
        end = span.start
        while end < span.end and self.entity_of_token.get(end) is person:
            end += 1
        return person if end < span.end and self.doc[end].lower_ in ("of", "from", "at", ",") else None

    def owned_by_person(self, noun: Token) -> _Entity | None:
        """"her campaign" after "the Clinton campaign": the organisation already named after the
        person the possessive pronoun (or a name the tagger did not take for one) refers to; a new
        one named after that person when there is none yet."""
        if noun.lemma_.lower() not in OWNED_ORG_NOUNS:
            return None
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound") and c.pos_ in ("PRON", "PROPN")]
        owner = self.entity_of_token.get(owners[0].i) if owners else None
        if owner is None or owner.type != "PERSON" or not owner.surnames:
            return None
        wanted = {f"{name} {noun.lemma_.lower()}" for name in owner.surnames}
        found = self.most_recent(lambda e: e.type in ("ORG", "GROUP") and any(key in e.keys for key in wanted))
        if found is None:
            # "Sandoval has taken the lead. His campaign said …": the campaign is named after its owner.
            found = _Entity(keys=wanted, fixed_name=f"{self.names_of(owner)[0].split()[-1]} {noun.lemma_.lower()}")
            found.labels["ORG"] += 1
            self.entities.append(found)
            phrase = self.doc[owners[0].i : noun.i + 1]
            # So "his campaign" again, or "the Sandoval campaign", is the same one.
            self.assign(self.derived_name(phrase, noun, "ORG"), found)
        return found

    def relative_described(self, noun: Token) -> _Entity | None:
        """"His son said …" after "survived by a son, Thomas": the one person described by that
        family word (the appositive gave it to them as a descriptor)."""
        if noun.lemma_.lower() not in KIN_NOUNS or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
            return None
        word = noun.lower_
        described = [
            e for e in self.entities if e.type == "PERSON" and any(d.lower().split()[-1:] == [word] for d in e.descriptors)
        ]
        return described[0] if len(described) == 1 else None

    def plural_description(self, noun: Token) -> _Entity | None:
        """"the senators", "both men", "the two countries": the group last named together (the
        senators Grassley and Leahy), or with "two"/"both" the last two people or places named."""
        if noun.lower_ in ("each", "both") and noun.dep_ in ("nsubj", "nsubjpass"):
            return self.recent_group(noun)  # "each accused the other …" after "Trump and Clinton"
        if noun.tag_ not in ("NNS", "NNPS") or noun.i in self.entity_of_token:
            return None
        kind = "PERSON" if noun.lemma_.lower() in PERSON_ROLES or noun.lower_ in ("men", "women", "candidates") else (
            "GPE" if noun.lemma_.lower() in GPE_NOUNS else None
        )
        words = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet", "nummod")}
        if kind is None or not words & {"the", "both", "these", "those"}:
            return None
        if words & {"one", "three", "four", "some", "many", "all", "most", "several", "other"}:
            return None
        sentence = bisect_right(self.sentence_starts, noun.i) - 1
        narrative = self.found.narrative_index
        recent: list[_Entity] = []
        for mention, entity in reversed(self.assigned):
            if mention.start >= noun.idx or entity in recent:
                continue
            if narrative[sentence] - narrative[mention.sentence] > DESCRIPTION_WINDOW:
                break
            if entity.members and all(m.type == kind and self.one_of(noun, m) for m in entity.members):
                return entity
            if mention.kind == "name" and entity.type == kind and not entity.members and self.one_of(noun, entity):
                recent.append(entity)
        if words & {"both", "two"} and len(recent) >= 2:
            members = sorted(recent[:2], key=lambda e: min(m.start for m in e.mentions))
            return self.group(members)
        return None

    def party_member(self, word: Token) -> _Entity | None:
        """"The Republican is also encouraging …": the last person titled with that party."""
        party = PARTY_SYNONYMS.get(word.lower_, word.lower_)
        if party not in OPPOSITE_PARTY or word.tag_ in ("NNS", "NNPS"):
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in word.children):
            return None
        return self.most_recent(lambda e: e.type == "PERSON" and party in {_party(w) for w in e.role_words})

    def recent_group(self, token: Token) -> _Entity | None:
        """The last group of names mentioned together, within a few narrative sentences."""
        sentence = bisect_right(self.sentence_starts, token.i) - 1
        narrative = self.found.narrative_index
        for mention, entity in reversed(self.assigned):
            if mention.start >= token.idx:
                continue
            if narrative[sentence] - narrative[mention.sentence] > PRONOUN_WINDOW["any"]:
                return None
            if entity.members:
                return entity
        return None

    def one_of(self, noun: Token, entity: _Entity) -> bool:
        """Whether a person can be one of "the two Republican men": gender, and each proper word
        the person is titled with or named alongside."""
        gender = gender_of_title([noun.lemma_.lower()])
        if gender and entity.gender not in (None, gender):
            return False
        proper = [_party(w) for c in noun.children if c.text[:1].isupper() and c.dep_ in ("amod", "compound") for w in name_tokens(c.text)]
        evidence = {_party(w) for w in entity.role_words}
        return all(word in evidence or word in self.context_words(entity) for word in proper)

    def police_force(self, police: Token) -> _Entity | None:
        """"police said" is the force the article names: its own place ("Tulsa police"), else the last
        organisation named as police, else the nearest "<Place> police" in the article."""
        if self.force_of(police) is not None:
            return self.force_of(police)
        named = self.most_recent(lambda e: e.type == "ORG" and any("police" in key.split() for key in e.keys))
        if named is not None:
            return named
        # The nearest one before, else the first after ("police said …" well before "the
        # Charlotte-Mecklenburg police chief" is named).
        for token in [*reversed(self.doc[: police.i]), *self.doc[police.i + 1 :]]:
            if token.lower_ == "police" and self.force_of(token) is not None:
                return self.force_of(token)
        return None

    def force_of(self, police: Token) -> _Entity | None:
        """The entity of "Charlotte-Mecklenburg police" from the place words compounded with "police"."""
        first = police.i
        # The proper words right before it, hyphenated ones included ("Charlotte-Mecklenburg").
        while first > 0 and (_proper(self.doc[first - 1], police) or (self.doc[first - 1].text == "-" and first > 1 and _proper(self.doc[first - 2], police))):
            first -= 1
        if first == police.i or self.doc[first].lower_.rstrip(".") in TITLE_WORDS:
            return None
        span = self.doc[first : police.i + 1]
        key = name_key(span.text)
        entity = next((e for e in self.entities if key in e.keys and e.type == "ORG"), None)
        if entity is None:
            entity = _Entity(keys={key})
            entity.labels["ORG"] += 1
            self.entities.append(entity)
            self.assign(self.derived_name(span, police, "ORG", role="other"), entity)
        return entity

    def known_name(self, text: str) -> _Entity | None:
        key = name_key(text)
        words = person_tokens(text)
        return self.most_recent(lambda e: key in e.keys) or (
            self.most_recent(lambda e: any(likely_misspelling(words[-1], s) for s in e.surnames)) if words else None
        )

    def named_in_apposition(self, span) -> _Entity | None:
        """The person a description names after a comma: "His former partner at Lenox, Lawrence B. Cummings,"."""
        tokens = list(span)
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens or tokens[0].pos_ == "PROPN":
            return None
        entity = self.entity_of_token.get(tokens[-1].i)
        if entity is None or entity.type != "PERSON":
            # "Another analyst, Tomasz Wrobel of Kessler & Grant,": the apposition goes on past the name.
            root = span.root
            named = [
                self.entity_of_token.get(c.i)
                for c in root.children
                if c.dep_ == "appos" and c.i > root.i and self.doc[c.left_edge.i - 1].text == ","
            ]
            return next((e for e in named if e is not None and e.type == "PERSON"), None)
        first = tokens[-1].i
        while first - 1 >= tokens[0].i and self.entity_of_token.get(first - 1) is entity:
            first -= 1
        return entity if first > tokens[0].i and self.doc[first - 1].text == "," else None

    def producer(self, document: Token) -> _Entity | None:
        """Who made "a USA TODAY analysis", "a study by the Tax Foundation", "Reuters' poll"."""
        for child in document.children:
            if child.dep_ in ("poss", "compound", "nmod"):
                # "a Reuters/Ipsos poll": the maker may sit anywhere in the modifier, its head first
                # ("a Norwegian Fisheries Directorate survey" is the directorate's).
                for token in [child, *child.subtree]:
                    if token.i in self.entity_of_token:
                        return self.entity_of_token[token.i]
            if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by"):
                for obj in child.children:
                    if obj.i in self.entity_of_token:
                        return self.entity_of_token[obj.i]
            if child.dep_ == "acl" and child.lemma_.lower() not in OBTAINING_LEMMAS:
                # "research conducted by the Center …", "an analysis released by the department"; not
                # "emails obtained by the newspaper", "filings seen by Reuters": who has them did not write them.
                found = self.producer(child)
                if found is not None:
                    return found
        verb = document.head
        in_phrase = document.dep_ == "pobj" and document.head.lower_ == "in" and document.head.head.pos_ == "VERB"
        if in_phrase and document.lemma_.lower() in STATEMENT_NOUNS:
            verb = document.head.head  # "In a statement, the union called Clinton …"
        elif not (document.dep_ == "dobj" and verb.lemma_.lower() in ISSUING_LEMMAS):
            return None
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i in self.entity_of_token]
        return self.entity_of_token[subjects[0].i] if subjects else None

    def earlier_producer(self, document: Token) -> _Entity | None:
        """"the poll" after "a Reuters/Ipsos poll": the maker of the last document of that kind."""
        if not any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in document.children):
            return None
        lemma = document.lemma_.lower()
        for token in reversed(self.doc[max(0, document.i - 400) : document.i]):
            other = token.lemma_.lower()
            if other == lemma:
                found = self.producer(token)
                if found is not None:
                    return found
            elif other in DOCUMENT_NOUNS and document.i - token.i <= OTHER_DOCUMENT_WINDOW:
                # "The study found …" right after "a Reuters survey": a nearby document of the same
                # family, or an organisation's of another (a person's "statement" is seldom "the study").
                found = self.producer(token)
                family = any(lemma in f and other in f for f in DOCUMENT_FAMILIES)
                if found is not None and (family or found.type != "PERSON"):
                    return found
        return None

    def named_together(self, span) -> list[_Entity]:
        """"Presidential candidates Hillary Clinton and Donald Trump", "both President Obama and
        Republican nominee Donald Trump": names of one type joined by "and" when the parse did not
        coordinate them (titles in between)."""
        found: list[_Entity] = []
        joined = False
        for token in span:
            entity = self.entity_of_token.get(token.i)
            if token.lower_ == "and" and found:
                joined = True
            elif token.pos_ == "PROPN" and entity is not None and not entity.members and entity not in found:
                if _under_preposition(token, span.root):
                    return []  # "lawyers for both Donald and Ivana Trump" are the lawyers
                if found and not joined:
                    return []  # "Trump's running mate, Mike Pence": a name describing another
                found.append(entity)
                joined = False
            elif token.lower_ in (",", "who", "which", "of") and found:
                return []  # an appositive or relative clause, not a list of names
        if len(found) < 2 or len({e.type for e in found}) != 1 or found[0].type not in ("PERSON", "ORG", "GPE"):
            return []
        return found

    def is_person_token(self, token: Token) -> bool:
        entity = self.entity_of_token.get(token.i)
        return entity is not None and entity.type == "PERSON"

    def later_producer(self, document: Token) -> _Entity | None:
        """"A new poll shows …" in a lead, before "the latest Reuters/Ipsos poll": the maker of the
        next document of that kind, for an indefinite one."""
        lemma = document.lemma_.lower()
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in document.children)
        # "Poll: Wealthy Voters …": a headline drops its article.
        headline = "\n" not in self.text[: document.idx] and not any(c.dep_ == "det" for c in document.children)
        if lemma not in RESEARCH_NOUNS or not (indefinite or headline):
            return None
        for token in self.doc[document.i + 1 : document.i + 1 + LATER_WINDOW]:
            if token.lemma_.lower() == lemma:
                found = self.producer(token)
                if found is not None:
                    return found
        return None

    def introduced_later(self, noun: Token) -> _Entity | None:
        """"A New York judge has rejected …" opening a story, then "Judge Frank Nervo": an indefinite
        role or organisation description is the first entity named soon after with that title or
        of that kind ("A House panel" → the House Oversight Committee); "a panel of the Court of
        Appeals" is the court."""
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
        # A headline drops its articles: "Judge rejects …" is "A judge rejects …".
        headline = (
            "\n" not in self.text[: noun.idx]
            and not any(c.dep_ == "det" for c in noun.children)
            and not any(self.is_person_token(t) for t in self.doc[: noun.i])
        )
        subject = noun.dep_ in ("nsubj", "nsubjpass", "ROOT")
        # A title-case headline parses badly: its first words are its subject whatever the parse says.
        if not ((indefinite and subject) or (headline and (subject or noun.i <= 2))):
            return None
        head = noun.lemma_.lower()
        label = noun_class(head)
        if label not in ("PERSON", "ORG"):
            return None
        for prep in noun.children:
            whole = place_of(prep) if label == "ORG" else None
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    found = self.entity_of_token.get(obj.i)
                    if head in PART_NOUNS and found is not None and found.type == "ORG":
                        return found
            if whole is not None:
                return None
        kinds = ORG_KINDS.get(head, frozenset()) | {head}
        gender = gender_of_title([head])
        line_end = self.text.find("\n", noun.idx) if headline else noun.idx
        line_end = len(self.text) if line_end < 0 else line_end
        for _mention, entity in self.named_after(noun, line_end):
            if label == "PERSON" and entity.type == "PERSON":
                if (ROLE_SYNONYMS.get(head, frozenset()) | {head}) & entity.role_words and (
                    gender is None or entity.gender in (None, gender)
                ):
                    return entity
            elif label == "ORG" and entity.type in ("ORG", "MEDIA"):
                if kinds & {w for key in entity.keys for w in key.split()}:
                    return entity
        return self.first_new_speaker(noun, line_end, gender) if label == "PERSON" else None

    def named_after(self, noun: Token, line_end: int) -> Iterator[tuple[Mention, _Entity]]:
        """Name mentions, in text order, of entities first named after ``noun`` (not groups), from the
        end of the noun's line (the tagger makes names of headline words) to a window's end."""
        for mention, entity in self.assigned:
            if mention.start <= line_end or mention.kind != "name" or entity.members:
                continue
            if mention.start - noun.idx > LATER_WINDOW * 6:
                return
            if min(m.start for m in entity.mentions) >= noun.idx:  # one named before is no new one introduced
                yield mention, entity

    def first_new_speaker(self, noun: Token, line_end: int, gender: str | None) -> _Entity | None:
        """"A former DNC chairman says …" … "Don Fowler, who helmed the DNC …, told POLITICO": a lead that
        withholds the name identifies the first person named afterwards as the subject of a verb of
        saying, when no title says otherwise."""
        head = noun.lemma_.lower()
        if head in ANONYMOUS_ROLES or noun.tag_ in ("NNS", "NNPS"):
            return None  # "a spokesman", "a reporter for USA Today", "researchers": whoever speaks next is someone else
        modifiers = [c for c in noun.children if c.i < noun.i and c.dep_ in ("amod", "compound", "poss", "nmod")]
        specific = any(c.lower_ == "former" or c.pos_ == "PROPN" or c.ent_type_ for c in modifiers)
        # The lede may withhold any name ("A headteacher has warned …" … "Sarah Mitchell, head of Oakfield
        # Primary, said"); further down, only a description that singles someone out does ("a former DNC
        # chairman"): "A resident said …" is most often someone never named.
        if not specific and len(re.findall(r"\n\s*\n", self.text[: noun.idx].strip())) > 1:
            return None
        for mention, entity in self.named_after(noun, line_end):
            name = self.doc[mention.head]
            frame = verb_frame(name.head.lemma_) if name.dep_ == "nsubj" else None
            if entity.type == "PERSON" and frame is not None and frame.category == "speech" and mention.quote is None:
                return entity if gender is None or entity.gender in (None, gender) else None
        return None

    def group(self, members: list[_Entity]) -> _Entity:
        """The one GROUP entity for a set of entities mentioned together."""
        key = frozenset(id(m) for m in members)
        for entity in self.entities:
            if entity.members and frozenset(id(m) for m in entity.members) == key:
                return entity
        entity = _Entity(members=list(members))
        entity.labels["GROUP"] += 1
        self.entities.append(entity)
        return entity

    def record(self, entity: _Entity, entity_id: str, extra: list[tuple[Span, str]]) -> ResolvedEntity:
        kind = entity.type
        name, aliases = self.names_of(entity)
        mentions = [MentionRecord(m.start, m.end, m.text, "name" if m.kind == "name" else _record_kind(m)) for m in entity.mentions]
        seen = {(m.start, m.end) for m in mentions}
        for (start, end), mention_kind in extra:
            if (start, end) not in seen:
                mentions.append(MentionRecord(start, end, self.text[start:end], mention_kind))
                seen.add((start, end))
        mentions.sort(key=lambda m: (m.start, m.end))
        return ResolvedEntity(
            id=entity_id, name=name, type=kind, mentions=mentions, aliases=aliases, descriptors=list(entity.descriptors)
        )

    def names_of(self, entity: _Entity) -> tuple[str, list[str]]:
        """The canonical name (fullest; among equals the commonest spelling, then the first) and aliases."""
        if entity.members:
            return " and ".join(self.names_of(member)[0] for member in entity.members), []
        if entity.fixed_name is not None:
            return entity.fixed_name, []
        names = [m for m in entity.mentions if m.kind == "name"]
        names = [m for m in names if not m.derived] or names  # "the Clinton campaign" has only derived ones
        body = [m for m in names if not m.headline] or names
        surfaces = [self.surface(m, entity.type) for m in body]
        spellings = Counter(surfaces)
        name = max(spellings, key=lambda s: (len(name_tokens(s)), spellings[s], -surfaces.index(s)))
        return name, [s for s in Counter(self.surface(m, entity.type) for m in names) if s != name]

    def surface(self, mention: Mention, kind: str) -> str:
        """A name as the article spells it, without titles, possessive, or (except outlets) "the"."""
        tokens = list(self.found.offsets.span(mention.start, mention.end) or ())
        while len(tokens) > 1 and tokens[0].lower_.rstrip(".") in TITLE_WORDS and kind == "PERSON":
            tokens = tokens[1:]
        if len(tokens) > 1 and tokens[0].lower_ == "the" and kind != "MEDIA":
            tokens = tokens[1:]
        while len(tokens) > 1 and tokens[0].is_lower and tokens[0].is_alpha and kind != "PERSON":
            tokens = tokens[1:]  # "federal Securities and Exchange Commission"
        if not tokens:
            return mention.text
        return self.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1].text)]


def _capitalised_noun_phrase_head(token: Token) -> bool:
    """A capitalised common noun heading a phrase of its own (subject or object), not opening a
    sentence: a name the tagger misread ("— Gaines addressed supporters"), not "Rice prices rose"."""
    return (
        token.pos_ == "NOUN"
        and token.text[:1].isupper()
        and not token.text.isupper()
        and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj")
        and not (token.is_sent_start or token.i > 0 and token.nbor(-1).text in ".?!\"“")
    )


def _short_form(short: list[str], full: list[str]) -> bool:
    """Head-final short form, not the object of an "of" ("Israel" is no short form of "Times of Israel")."""
    if not is_short_form(short, full):
        return False
    before = full[-len(short) - 1]
    return before not in {"of", "for", "on", "in", "de", "and"}


def _proper(token: Token, head: Token) -> bool:
    """A proper noun, or a capitalised word the tagger missed that modifies ``head`` ("Leeds police")."""
    return token.pos_ == "PROPN" or (token.text[:1].isupper() and token.head.i == head.i and token.dep_ in ("amod", "compound", "nmod"))


def _under_preposition(token: Token, root: Token) -> bool:
    """Whether a prepositional phrase lies between a word and the phrase's head ("polls in Ohio")."""
    while token.i != root.i and token.head.i != token.i:
        if token.dep_ in ("prep", "pobj", "agent"):
            return True
        token = token.head
    return False


def _party(word: str) -> str:
    return PARTY_SYNONYMS.get(word, word)


def _first_name_fits(given: list[str], entity: _Entity) -> bool:
    """"Hillary" fits an entity known as "Clinton", "Hillary Clinton" or "H. Clinton", not "Bill Clinton"
    (any given name counts, so a stray word the NER glued on, "Crooked Hillary Clinton", does not split)."""
    known = {name[0] for name in entity.person_names if len(name) > 1}
    return not known or any(
        is_given_name_form(g, k) or is_given_name_form(k, g) or (k[0] == g[0] and min(len(k), len(g)) == 1)
        for k in known
        for g in given
    )


def _bound(candidate: Token, pronoun: Token) -> bool:
    """A plain pronoun object cannot be the subject of its own verb ("Smith praised him"), nor the
    subject of a relative clause its antecedent ("praised Foden, who he said was …": he is not Foden)."""
    if pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.dep_ == "relcl":
        return pronoun.head.head.i == candidate.i
    if pronoun.dep_ not in ("dobj", "iobj", "dative"):
        return False
    return candidate.dep_ in ("nsubj", "nsubjpass") and candidate.head.i == pronoun.head.i


def _record_kind(mention: Mention) -> str:
    return "nominal" if mention.kind == "nominal" else "pronoun"


def resolve_entities(doc: Doc, wanted: list[Span]) -> EntityTable:
    """All entities of the article, and the entity of every wanted span that refers to one.

    Generic sources ("sources", "a source", "officials") get no entity and stay out of ``by_span``.
    """
    found = find_mentions(doc, hints=list(wanted))
    resolver = _Resolver(doc, found, wanted)
    resolver.run()
    return resolver.table(wanted)

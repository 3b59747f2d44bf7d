"""Attribution finding: rules over quote structure and the dependency parse, merged with the trained model.

``find_attributions(doc, mode="rules")`` runs the rules; ``mode="full"`` adds the trained tagger's
attributions where the rules found nothing (rules are best at quote structure, the model at the long
tail of indirect speech). Everything is read off the one spaCy parse of the article.

Rule passes, in order (a later pass never reuses a cue an earlier one consumed):
1. quotations (quotes.py) with their cue after, before or inside them; split quotations
   (“A,” he said, “B.”) become one statement with several content spans; a quotation signed with a
   dash and a name ("“…” ― Maria Lopez") is that person's; a cue-less quote that opens the next
   paragraph continues the previous speaker (``continues``), one that opens the next sentence after a
   content-first report ("A, X said. “B.”") goes on with its content;
1b. speaker labels opening a paragraph ("Obama: …", transcripts "WALLACE: …");
2. verb cues (cues.py) with a clause, infinitive or object complement: indirect and mixed speech,
   beliefs and intentions, participial cues ("…, claiming …") and relative clauses ("who warned …");
   an active cue with no speaker in the parse is a description and is left out;
3. "according to X" (unless X is a named outlet relaying a report in the sentence) and "in a poll";
4. cue nouns with a that-clause ("the claim that …").
Last, an attribution whose cue lies inside another's content is part of that one and is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from functools import cached_property

from spacy.tokens import Doc, Span as SpacySpan, Token

from saidwhat.cues import AUDIENCE_NOUNS, CUE_NOUNS, CUE_SETTING_NOUNS, DOCUMENT_NOUNS, SETTING_NOUNS, CueFrame, verb_frame
from saidwhat.errors import InputError
from saidwhat.model.boundaries import REFINED_KINDS, blocked_tokens, candidates, packaged_boundary_model
from saidwhat.models import part_text
from saidwhat.names import MEDIA_NOUNS, PERSON_ROLES
from saidwhat.quotes import QUOTE_CHARS, Quote, QuoteIndex, find_quotes, paragraph_spans
from saidwhat.records import FoundAttribution, Span
from saidwhat.spans import apposed_name

MODES = ("full", "rules")

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CUE_LEFT_DEPS = ("aux", "auxpass", "neg", "advmod")
_OBJECT_COMPLEMENT_PREPS = frozenset({"of", "for", "as", "over", "about", "on"})
# Phrases the parser hangs on an object cue that belong with the object ("described it to party
# elites", "defended the plan against attacks") unless they give the setting or the date. PolNeAR train
# includes them 14 times of 14; "in" and "with" phrases it splits about evenly, so they stay out.
_OBJECT_MODIFIER_PREPS = frozenset({"to", "against"})
# A wire dateline opening a paragraph: "NAIROBI, June 26 (AP) — ", "RENO, Nev. (AP) — ",
# "LONDON (Reuters) - ", "WASHINGTON ― ". It is the outlet's, never part of what anyone said.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*){0,2}"  # the place, in capitals, up to three words
    r"(?:,\s*[A-Z][A-Za-z.]*\.?(?:\s+\d{1,2})?)*"  # a state or a date: ", Nev.", ", June 26"
    r"(?:\s*\([A-Za-z&. ]+\))?"  # the agency: "(AP)"
    r"\s*(?:—|–|―|--|-)\s+"
)
# A sentence-opening conjunction (and the comma after it) before a content.
_OPENING_CONJUNCTION = re.compile(r"(?:But|And|Yet|So|Or)\b,?\s+")
# Verbs of feeling whose object is who feels it ("That worries environmentalists").
_EXPERIENCER_LEMMAS = frozenset("worry concern alarm trouble bother frustrate anger infuriate upset dismay puzzle".split())
_PEOPLE_NOUNS = frozenset(PERSON_ROLES) | frozenset(
    "people voter resident investor environmentalist critic parent worker supporter conservative liberal "
    "democrat republican citizen family patient consumer customer observer fan".split()
)
# Entity types that are never the one who acts in a narrative sentence.
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "NORP"})
# Interviews printed as questions and answers: how many answered questions make one, how long a
# question may be, how many paragraphs an answer may run to.
_INTERVIEW_MIN_QUESTIONS = 2
_QUESTION_MAX_WORDS = 40
_ANSWER_PARAGRAPHS = 4
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|we|We|our|Our|us)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|You|your|Your)\b")
# "Q: …" / "A: …", "Question: …" / "Answer: …": an interview's labelled turns.
_QA_LABEL = re.compile(r"\s*[\"“]?(Q|A|Question|Answer)\s*[:.]\s+")
_INTERVIEW_WORDS = re.compile(r"\b(?:interview\w*|Q ?& ?A|spoke (?:to|with)|talked (?:to|with)|conversation|edited for)", re.I)
# A first line longer than this is no headline.
_HEADLINE_MAX_WORDS = 20
# At most this many tokens between a cue and the colon that opens its content.
_COLON_LEAD_MAX = 6
# A speaker label before a colon at a paragraph start is at most this many tokens long.
_NAME_COLON_MAX = 6
_NOT_SPEAKER_LABELS = frozenset(
    {"q", "a", "update", "updated", "watch", "related", "photo", "video", "source", "sources", "note", "editor's note",
     "read more", "caption", "credit", "name", "age", "city", "job", "pay", "correction", "listen", "see also"}
)
# Object cues whose object may be a gerund clause ("recommends seeking care", "suggested delaying the vote").
_GERUND_OBJECT_LEMMAS = frozenset({"recommend", "propose", "suggest", "advise"})
# Nouns that make "take … at/with" a criticism ("took aim at", "took a swipe at", "took issue with").
_LIGHT_CRITICISM = frozenset({"aim", "swipe", "jab", "dig", "issue"})  # not "shot" ("took a shot at goal")
# Participles that set the scene of a statement ("while speaking with journalists").
_SCENE_LEMMAS = frozenset({"speak", "talk", "address", "brief", "appear", "interact", "react", "respond"})
# Passive verbs whose subject is the speaker ("X was quoted as saying").
_QUOTED_LEMMAS = frozenset({"quote", "hear", "overhear", "record"})
_QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
# Cues that open a sentence with the speaker after them ("Said Ellis: …", "Added the senator, …").
_INVERTED_CUES = {
    "said": "say", "says": "say", "added": "add", "adds": "add", "asked": "ask", "asks": "ask",
    "wrote": "write", "writes": "write", "explained": "explain", "recalled": "recall",
}
# Cues that answer words only when their object is words ("rejected claims that …", "rejected the accusation").
_CLAIM_OBJECT_LEMMAS = frozenset({"reject"})
# What one calls by convening it, not by naming it.
_CALLED_EVENTS = frozenset(
    "meeting session summit election vote referendum strike halt timeout recess conference hearing inquiry".split()
)
_SOURCE_OPENERS = frozenset({"even", "but", "and", "yet", "so", "now", "still"})
_TIME_MARKS = frozenset({"after", "before", "when", "while", "since"})
_PARTICLES = frozenset({"back", "out", "on", "in", "up"})
_LABEL_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_CONDITIONS = frozenset({"unless", "if", "until", "because", "once"})
# Words of the reason a source is unnamed ("not authorized to speak", "the talks were private").
_SOURCING_REASONS = frozenset(
    {"authorize", "authorise", "authorized", "authorised", "permit", "allow", "anonymity", "private", "confidential", "publicly"}
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Adverbs that open the cue's clause rather than modify the cue: "when asked" has the cue "asked"
# (PolNeAR train: "when" before a cue 45 times, inside one never).
_CLAUSE_ADVERBS = frozenset({"when", "whenever", "where", "why", "how"})
# Verbs of reporting speech: "X said …, according to <outlet>" makes the outlet a via, not a source.
_REPORT_LEMMAS = frozenset(
    {"say", "tell", "state", "write", "add", "announce", "claim", "confirm", "tweet", "post", "explain", "note",
     "report", "quote", "declare", "reply", "respond", "insist", "argue", "warn"}
)
_FOLLOW_ON_LEMMAS = frozenset({"add", "continue", "go on"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i"})
# Documents whose findings a clause reports when it sits "in" one ("In a new poll, Clinton leads …").
_EVIDENCE_NOUNS = frozenset({"poll", "survey"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# How far (in tokens) a cue may sit from the quotation it introduces.
_AFTER_WINDOW = 30
_BEFORE_WINDOW = 10
_EDGE_PUNCT = frozenset(",.;:!?—–-()[]") | {"--"}
_OPENERS = frozenset("“‘«\"'")
_BRACKET_PARTNERS = {"(": ")", ")": "(", "[": "]", "]": "["}
_CLOSERS = frozenset("”’»\"'")
# Adverbials: a phrase of one of these hung on a verb before a quotation is that verb's, not the quotation's.
_VERB_MODIFIER_DEPS = frozenset({"prep", "npadvmod", "advmod", "advcl", "mark"})


def find_attributions(doc: Doc, *, mode: str = "full", refine: bool = True) -> list[FoundAttribution]:
    """Every attribution in the document, in text order of content.

    mode "full": rules + trained model, contents re-cut by the boundary model (``refine=False``
    leaves them as proposed: the boundary model's training data); "rules": rules only (the baseline
    the eval reports).
    """
    if mode not in MODES:
        raise InputError(f"unknown attribution mode {mode!r}; use one of {', '.join(MODES)}")
    finder = _RuleFinder(doc)
    found = finder.run()
    if mode == "full":
        # A content of marks only ('' in archive text) or a lone conjunction ("as") says nothing.
        predicted = [a for a in _model_attributions(doc) if finder.says_something(a.content)]
        # The passive subject of a verb that reports nothing is not what was said ("Not all scientists
        # are convinced", "She was booed"; "A curfew was announced" is).
        predicted = [a for a in predicted if not (finder.is_passive_subject(a, role="content") and not finder.cue_frame(a))]
        for attribution in predicted:
            if finder.is_passive_subject(attribution):
                attribution.source = None  # "Passengers have been advised to …": advised, not advising
            if attribution.source is None and attribution.cue:
                attribution.source = finder.cue_subject(attribution.cue)
        # A content that is its own source says nothing ("X was quoted by TASS …" read as about X).
        predicted = [a for a in predicted if not (a.source and _chars(a.content) <= _chars(a.source))]
        # Nor is a date a speaker ("a decision is expected by the end of June"), nor a meeting called a report.
        # "has argued for decades": a time phrase is no content either.
        predicted = [a for a in predicted if not finder.is_time(a.source) and not finder.only_time(a.content)]
        predicted = [a for a in predicted if not finder.convenes(a)]
        # A cue the rules read as closing the clause before it does not also report the writer's "which"
        # clause after it ("…, Nandakumar said, which is why …").
        rule_cues = _chars(span for a in found for span in a.cue or [])
        predicted = [
            a
            for a in predicted
            if not (finder.text[a.content[0][0] : a.content[0][0] + 6].lower() == "which " and _chars(a.cue) & rule_cues)
        ]
        # Nor is an interview's "Q:" or a caption's "Photo:" anyone.
        predicted = [a for a in predicted if not (a.source and part_text(finder.text, a.source).lower() in _NOT_SPEAKER_LABELS)]
        found = merge_model(found, predicted)
        if refine:
            _refine_contents(finder, found)
    for attribution in found:
        if finder.is_audience(attribution):
            attribution.source = None  # "the court heard", "…, jury told": who spoke is not named
        finder.cut_source_time(attribution)
        finder.cut_source_opening(attribution)
        finder.cut_dateline(attribution)
        finder.cut_opening_conjunction(attribution)
        finder.cut_trailing_participle(attribution)
    return _in_text_order(found, finder.continues)


def _refine_contents(finder: _RuleFinder, found: list[FoundAttribution]) -> None:
    """Move the end of reported contents where the trained boundary model expects it (model/boundaries.py)."""
    model = packaged_boundary_model()
    if model is None:
        return
    doc = finder.doc
    blocked = blocked_tokens(doc, found)
    for attribution in found:
        options = candidates(doc, attribution, blocked) if attribution.kind in REFINED_KINDS else None
        if options is None:
            continue
        end = model.choose(options)
        if end == options.ends[0]:
            continue
        content = finder.balance(_token_spans(doc[options.start : end]))
        if content:
            attribution.content = content
            attribution.kind = finder.kind_of(content)


def _model_attributions(doc: Doc) -> list[FoundAttribution]:
    try:
        from saidwhat.model.tagger import predict_attributions
    except ImportError:  # the trained tagger is optional: rules alone still work
        return []
    return predict_attributions(doc)


def _chars(spans: Iterable[Span] | None) -> set[int]:
    return {i for start, end in spans or () for i in range(start, end)}


def _overlap_share(a: list[Span] | None, b: list[Span] | None) -> float:
    """Overlap of two contents as a share of the shorter one."""
    if not a or not b or a[0][0] >= b[-1][1] or b[0][0] >= a[-1][1]:
        return 0.0  # disjoint extents: the common case, decided without building character sets
    chars_a, chars_b = _chars(a), _chars(b)
    if not chars_a or not chars_b:
        return 0.0
    return len(chars_a & chars_b) / min(len(chars_a), len(chars_b))


def merge_model(rules: list[FoundAttribution], model: list[FoundAttribution]) -> list[FoundAttribution]:
    """Rules win where a model attribution overlaps one of theirs; model attributions fill the rest.

    Where they agree on the content, the model may supply a source the rules could not find.
    """
    merged = list(rules)
    for predicted in model:
        overlapping = [r for r in rules if _overlap_share(r.content, predicted.content) >= 0.5]
        if not overlapping:
            # The rules read this cue with the roles the other way round ("That worries environmentalists").
            swapped = any(
                _chars(r.cue) & _chars(predicted.cue) and _chars(r.source) & _chars(predicted.content) for r in rules
            )
            if not swapped and not any(_is_nested(predicted, rule) for rule in rules):
                merged.append(predicted)
            continue
        for rule in overlapping:
            if rule.source is None and rule.origin != "continuation" and predicted.source:
                rule.source = predicted.source
    return merged


def _is_speech_cue(lemma: str | None) -> bool:
    """A verb of saying ("call on", "urge", "deny"), not a belief or a plan."""
    words = (lemma or "").split()
    frame = verb_frame(words[0], words[1] if len(words) > 1 else None) if words else None
    return frame is not None and frame.category == "speech"


def _cue_inside(inner: FoundAttribution, outer: FoundAttribution) -> bool:
    return bool(inner.cue) and any(start <= inner.cue[0][0] < end for start, end in outer.content)


def _is_nested(inner: FoundAttribution, outer: FoundAttribution) -> bool:
    """"Smith said Jones believes the plan will fail": Jones's belief is part of what Smith said, not a
    statement of its own (news annotation, PolNeAR included, attributes the outer report only)."""
    return outer is not inner and _cue_inside(inner, outer) and not _cue_inside(outer, inner)


def _in_text_order(found: list[FoundAttribution], continues: dict[int, FoundAttribution]) -> list[FoundAttribution]:
    """Sort by content; turn continuation links (by object) into indices of earlier attributions."""
    ordered = sorted(found, key=lambda a: (a.content[0][0], a.content[-1][1]))
    position = {id(a): i for i, a in enumerate(ordered)}
    for i, attribution in enumerate(ordered):
        previous = continues.get(id(attribution))
        index = position.get(id(previous)) if previous is not None else None
        attribution.continues = index if index is not None and index < i else None
    return ordered


def _extent_end(attribution: FoundAttribution) -> int:
    """Where an attribution's text ends (content, cue or source, whichever is last)."""
    return max(end for spans in (attribution.content, attribution.cue or [], attribution.source or []) for _, end in spans)


def _token_spans(tokens: Iterable[Token]) -> list[Span]:
    """Character spans of runs of consecutive tokens, trimmed of edge punctuation and spaces.

    A quotation mark at an edge stays when its partner is inside the span (it was “fine”).
    """
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    runs: list[list[Token]] = []
    for token in ordered:
        if runs and token.i == runs[-1][-1].i + 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    spans = []
    for run in runs:
        start, end = 0, len(run)
        while start < end and _is_edge(run[start], run[start + 1 : end], opening=True):
            start += 1
        while end > start and _is_edge(run[end - 1], run[start : end - 1], opening=False):
            end -= 1
        if end > start:
            spans.append((run[start].idx, run[end - 1].idx + len(run[end - 1].text)))
    return spans


def _is_edge(token: Token, rest: list[Token], *, opening: bool) -> bool:
    """Whether an edge token is trimmed: spaces and punctuation, but not a balanced quotation mark; at the
    end, a coordinating conjunction whose conjunct the parse hung elsewhere ("… were not complete, and")."""
    if token.is_space or not opening and token.dep_ == "cc":
        return True
    if token.text in QUOTE_CHARS:
        partners = _CLOSERS if opening else _OPENERS
        return not any(t.text in partners for t in rest)
    # A bracket stays when it closes one inside the span: "the British Medical Association (BMA)".
    partner = _BRACKET_PARTNERS.get(token.text)
    if partner is not None and (token.text in ")]") != opening:
        return not any(t.text == partner for t in rest)
    return token.text in _EDGE_PUNCT


def _is_people(token: Token) -> bool:
    """A person, a people or a group of people: a name, a personal pronoun, a role or group noun."""
    if token.ent_type_ in ("PERSON", "NORP") or token.lower_ in ("me", "us", "him", "her", "them", "many", "some"):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in _PEOPLE_NOUNS


def _is_verbal(token: Token) -> bool:
    """A verb heading a clause (not an auxiliary, nor a name the tagger took for a verb: "Trump")."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", *_SUBJECTS, "compound", "dobj", "pobj")


class _RuleFinder:
    """The rule passes over one parsed document (state: consumed cues and quotes)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text
        self.quotes = QuoteIndex(find_quotes(self.text))
        self.paragraphs = paragraph_spans(self.text)
        self._paragraph_starts = [p[0] for p in self.paragraphs]
        self._token_starts = [t.idx for t in doc]
        self.found: list[FoundAttribution] = []
        self.used_cues: set[int] = set()  # token indices of cue heads already attributed
        self.continues: dict[int, FoundAttribution] = {}
        self.orphans: list[Quote] = []  # quotations no cue claimed (scare quotes, follow-ons)
        self.labels = self.speaker_labels()

    # --- helpers -----------------------------------------------------------------------------
    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def token_at(self, offset: int) -> int:
        """Index of the token starting at or covering ``offset``."""
        return max(0, bisect.bisect_right(self._token_starts, offset) - 1)

    def frame_of(self, token: Token) -> CueFrame | None:
        if self.verb_read_as_noun(token):
            return verb_frame(token.lower_[:-1])
        if not _is_verbal(token):
            return None
        particle = next((c.text for c in token.children if c.dep_ in ("prt", "prep") and c.i == token.i + 1), None)
        frame = verb_frame(token.lemma_, particle)
        if frame is None and token.lower_.endswith("s") and token.tag_ == "VBZ":
            frame = verb_frame(token.lower_[:-1], particle)  # the lemmatizer turns "hopes" into "hop"
        if frame is None and token.lower_.startswith(token.lemma_.lower() + "e"):
            frame = verb_frame(token.lemma_ + "e", particle)  # and "hoped" into "hop"
        return frame

    def cue_span(self, verb: Token, frame: CueFrame) -> list[Span]:
        """The cue with its auxiliaries, negation and adverbs ("has also said"), particle and setting."""
        left = self.cue_left(verb)
        head = verb.head
        if verb.dep_ == "xcomp" and head.i < verb.i and verb.i - head.i <= 3 and _is_verbal(head):
            left = self.cue_left(head)  # "seemed to blame", "used to support": the raising verb is cue
        elif verb.dep_ == "pcomp" and head.head.lemma_ in _QUOTED_LEMMAS and head.head.i < head.i:
            quoted = head.head
            if verb.i - quoted.i == 2:
                left = self.cue_left(quoted)  # "was quoted as saying"
            else:  # "was quoted by state news agency TASS as saying": the agent is no part of the cue
                first = self.doc[self.cue_left(quoted)]
                return [(first.idx, quoted.idx + len(quoted.text)), (head.idx, verb.idx + len(verb.text))]
        children = {c.i: c for c in verb.children}
        right = verb.i
        if " " in frame.lemma and right + 1 in children:  # phrasal: "point out", "call for"
            right += 1
            target = self.phrasal_target(verb, frame)
            if target is not None:
                right = target.i  # "lashed out at"
        nxt = children.get(right + 1)
        if nxt is not None and nxt.dep_ == "prep" and nxt.lower_ == "in":
            objects = [c for c in nxt.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in CUE_SETTING_NOUNS:
                right = objects[0].i  # "said in a statement"
        return [(self.doc[left].idx, self.doc[right].idx + len(self.doc[right].text))]

    @staticmethod
    def phrasal_target(verb: Token, frame: CueFrame) -> Token | None:
        """The "at" of "lashed out at X", "hit out at X": a preposition right after a phrasal cue's particle."""
        if " " not in frame.lemma or not frame.obj:
            return None
        return next(
            (c for c in verb.children if c.i == verb.i + 2 and c.dep_ == "prep" and c.lower_ in ("at", "against")), None
        )

    @staticmethod
    def cue_left(verb: Token) -> int:
        """Where the verb group starts: auxiliaries, negation and adverbs right before the verb."""
        left = verb.i
        children = {c.i: c for c in verb.children}
        while (
            left - 1 in children
            and children[left - 1].dep_ in _CUE_LEFT_DEPS
            and children[left - 1].lower_ not in _CLAUSE_ADVERBS
        ):
            left -= 1
        return left

    def source_tokens(self, verb: Token) -> list[Token] | None:
        """The cue's subject phrase; for participles and coordinated verbs, the governing subject."""
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
            c.dep_ in (*_SUBJECTS, "aux") for c in verb.children
        ):
            return None  # "When asked whether …, Jones declined": whoever asked is not named
        if self.verb_read_as_noun(verb):
            modifiers = [c for c in verb.children if c.dep_ in ("compound", "poss", "amod", "det", "nmod") and c.i < verb.i]
            return list(self.doc[min(c.left_edge.i for c in modifiers) : verb.i]) if modifiers else None
        subject = self.subject_read_as_head(verb)
        if subject is not None:
            return subject
        current = verb
        for _ in range(4):
            subjects = [c for c in current.children if c.dep_ in _SUBJECTS]
            agents = [
                p
                for c in current.children
                if c.dep_ == "agent"
                for p in c.children
                if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
            ]
            quoted = current.lemma_.lower() in _QUOTED_LEMMAS and any(c.dep_ == "nsubjpass" for c in current.children)
            if agents and not quoted:  # "X was quoted by TASS as saying": X speaks, TASS reports it
                asides = self.source_asides(agents[0])  # "by her son, Chidi Okonjo, who said …"
                return [t for t in agents[0].subtree if t.i not in asides]
            if not subjects and current is verb:
                first = self.first_of_coordinated_cues(verb)
                if first is not None:  # "Pope calls for ceasefire, urges pilgrims to pray": the Pope urges
                    subject = next(c for c in first.children if c.dep_ in _SUBJECTS)
                    return [t for t in subject.subtree if t.i not in self.source_asides(subject)]
                inverted = self.inverted_subject(verb)
                if inverted is not None:
                    return self.same_paragraph(inverted.subtree, verb.idx)
            if subjects:
                # Two subjects mean a parse error ("LONDON (Reuters) - Trump said"): the nearer one speaks.
                subject = min(subjects, key=lambda c: abs(c.i - current.i))
                if subject.dep_ == "nsubjpass" and current is verb and current.lemma_ not in _QUOTED_LEMMAS:
                    return None  # "it was reported that": no speaker named
                if subject.lower_ in _RELATIVE_PRONOUNS:
                    return [subject]  # entities.py resolves "who" to its antecedent
                phrase = [t for t in subject.subtree if t.i not in self.source_asides(subject)]
                # "Dr Zareh Ghazarian said", "Feargal Sharkey, the former singer, said": the parser split
                # one subject phrase (a name, a name and its apposition) into two side by side.
                split = [s for s in subjects if s is not subject and s.pos_ == "PROPN" and self.joined(s, subject)]
                if split:
                    phrase = [*self.doc[split[0].left_edge.i : subject.left_edge.i], *phrase]
                phrase = [*self.name_opening(min(t.i for t in phrase)), *phrase]
                return self.without_dateline(subject, self.same_paragraph(phrase, verb.idx))
            if current.dep_ in ("advcl", "conj", "xcomp", "pcomp", "prep") and current.head.i != current.i:
                current = self.follow_on_of(current) or current.head
                continue
            return None
        return None

    def first_of_coordinated_cues(self, verb: Token) -> Token | None:
        """"Govt denies plan to sack teachers, says verification ongoing": a headline of two reports by one
        speaker, which the parser read as the first clause reported by the second verb. The first
        clause, when it has a subject and a cue verb of its own and a comma hands over to this verb."""
        if verb.i < 1 or self.doc[verb.i - 1].text != ",":
            return None
        return next(
            (
                c
                for c in verb.children
                if c.dep_ == "ccomp"
                and c.i < verb.i
                and self.frame_of(c) is not None
                and any(s.dep_ in _SUBJECTS for s in c.children)
                and c.right_edge.i in (verb.i - 2, verb.i - 1)
            ),
            None,
        )

    @staticmethod
    def inverted_subject(verb: Token) -> Token | None:
        """"Water firms 'failing on every measure', says regulator": a headline's inverted speaker the
        parser did not take for a subject (the noun right after a cue whose reported clause comes first)."""
        if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None
        return next(
            (
                c
                for c in verb.children
                if c.i == verb.i + 1 and c.dep_ in ("dep", "dobj", "attr", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
            ),
            None,
        )

    def joined(self, first: Token, second: Token) -> bool:
        """Whether phrase ``first`` runs into phrase ``second``: adjacent names, or a name and its
        apposition after a comma."""
        # A phrase of punctuation only (the tagger's PROPN "-" of "Harakat al-Fajr") ends at its head.
        last = max((t.i for t in first.subtree if not t.is_punct), default=first.i)
        if last >= second.left_edge.i:
            return False
        gap = self.text[self.doc[last].idx + len(self.doc[last].text) : second.left_edge.idx].strip()
        if not gap:
            return second.pos_ == "PROPN"
        return gap == "," and second.pos_ in ("NOUN", "PROPN")

    def subject_read_as_head(self, verb: Token) -> list[Token] | None:
        """"Japan's foreign minister, Keiko Arimura, called on both sides …": a finite cue the parser hung
        on its subject as a relative clause (the noun became the sentence's root); the noun phrase
        before the comma, apposition included, speaks."""
        head = verb.head
        if not (verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")):
            return None
        if verb.i < 1 or self.doc[verb.i - 1].text != ",":
            return None
        modifiers = [c for c in head.children if c.i < head.i and c.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod")]
        start = min([c.left_edge.i for c in modifiers] + [head.i])
        return [t for t in self.doc[start : verb.i - 1]]

    def name_opening(self, first: int) -> list[Token]:
        """The words of a name the parser cut off before the phrase starting at token ``first``
        ("Harakat al-Fajr said": three subjects, the nearest one "Fajr")."""
        start = first
        # Within the name's words only: not across a comma the NER ran over ("According to The Times
        # of Jerusalem, Gilad told …").
        while start > 0 and self.doc[start].ent_iob_ == "I" and not (self.doc[start - 1].is_punct and self.doc[start - 1].whitespace_):
            start -= 1
        return list(self.doc[start:first])

    def source_asides(self, subject: Token) -> set[int]:
        """What the subject phrase says about the source rather than naming it: a relative clause with
        a cue of its own ("Mr. Kamin, who emphasized that …"), a participle set off by a comma
        ("Trump, speaking to veterans"), a date ("A group of doctors in 2015")."""
        dropped: set[int] = set()
        for child in subject.children:
            if child.i < subject.i:
                continue
            tokens = list(child.subtree)
            if child.dep_ == "relcl" and any(self.frame_of(t) is not None for t in tokens):
                dropped.update(t.i for t in tokens)
            elif child.dep_ == "acl" and child.tag_ in ("VBG", "VBN") and self.doc[tokens[0].i - 1].text == ",":
                dropped.update(t.i for t in tokens)
            elif child.dep_ == "prep" and tokens[-1].i == subject.right_edge.i and any(
                t.ent_type_ == "DATE" for t in child.children if t.dep_ == "pobj"
            ):
                dropped.update(t.i for t in tokens)
        return dropped

    def same_paragraph(self, tokens: Iterable[Token], anchor: int) -> list[Token]:
        """The tokens in the paragraph of ``anchor`` (the parser joins a headline to the next line)."""
        start, end = self.paragraphs[self.paragraph_of(anchor)] if self.paragraphs else (0, len(self.text))
        return [t for t in tokens if start <= t.idx < end]

    def clip_to_paragraph(self, spans: list[Span], anchor: int) -> list[Span]:
        start, end = self.paragraphs[self.paragraph_of(anchor)] if self.paragraphs else (0, len(self.text))
        return [(max(s, start), min(e, end)) for s, e in spans if s < end and e > start]

    @staticmethod
    def without_dateline(head: Token, tokens: list[Token]) -> list[Token]:
        """Drop a dateline the parser hung on the subject ("RENO, Nev. (AP) — Donald Trump")."""
        dashes = [t.i for t in tokens if t.text in ("—", "–", "--", "-") and t.whitespace_]
        if not dashes:
            return tokens
        before = " ".join(t.text for t in tokens if t.i < dashes[0])
        if dashes[0] > head.i and not ("(" in before or before.split(",")[0].isupper()):
            return tokens  # a dash inside the subject phrase ("Mr. X — a former aide —")
        return [t for t in tokens if t.i > dashes[-1]]

    @staticmethod
    def convening(verb: Token, obj: Token) -> bool:
        """"The U.N. called an emergency meeting": the cue convenes its object and reports nothing;
        "called her vote a mistake" names the vote, "ruled out calling an early election" reports the
        ruling out."""
        return (
            verb.lemma_.lower() == "call"
            and verb.dep_ not in ("xcomp", "pcomp")
            and obj.lemma_.lower() in _CALLED_EVENTS
            and not any(c.dep_ == "oprd" for c in verb.children)
        )

    def convenes(self, attribution: FoundAttribution) -> bool:
        """A model attribution whose cue ends in "called" and whose content is one convened noun phrase
        (not "called for a new election": the cue ends in "for")."""
        if not attribution.cue:
            return False
        tokens = self.extent_tokens(attribution.content)
        inside = {t.i for t in tokens}
        objects = [t for t in tokens if (t.head.i not in inside or t.head.i == t.i) and t.pos_ in ("NOUN", "PROPN")]
        return len(objects) == 1 and self.convening(self.extent_tokens(attribution.cue)[-1], objects[0])

    def says_something(self, content: list[Span]) -> bool:
        words = [t for t in self.extent_tokens(content) if t.is_alpha or t.like_num]
        return bool(words) and not (len(words) == 1 and words[0].pos_ in ("SCONJ", "CCONJ", "ADP", "DET", "PART"))

    def extent_tokens(self, spans: list[Span]) -> list[Token]:
        """The tokens from the first span's start to the last span's end."""
        return list(self.doc[self.token_at(spans[0][0]) : self.token_at(spans[-1][1] - 1) + 1])

    def is_time(self, spans: list[Span] | None) -> bool:
        """Whether a span is a date or time phrase (its head words all DATE or TIME entities)."""
        if not spans:
            return False
        tokens = self.extent_tokens(spans)
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        return bool(heads) and all(t.ent_type_ in ("DATE", "TIME") for t in heads)

    def only_time(self, spans: list[Span]) -> bool:
        """Whether every word of a span is part of a date or time ("decades", "last week")."""
        words = [t for t in self.extent_tokens(spans) if not t.is_punct]
        return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)

    def is_audience(self, attribution: FoundAttribution) -> bool:
        """A court, jury or inquiry that heard or was told something, named where the speaker would be."""
        if not attribution.source or not attribution.cue:
            return False
        cue = self.extent_tokens(attribution.cue)
        # Heard, or told with nothing after it ("…, jury told"; "The White House told reporters" speaks).
        audience_verb = any(
            t.lemma_.lower() == "hear"
            or t.lemma_.lower() == "tell" and all(n.is_punct or n.is_space for n in self.doc[t.i + 1 : t.sent.end])
            for t in cue
        )
        if not audience_verb:
            return False
        heads = [t for t in self.extent_tokens(attribution.source) if t.head.i in {c.i for c in cue}]
        return bool(heads) and all(t.lemma_.lower() in AUDIENCE_NOUNS for t in heads)

    def cue_frame(self, attribution: FoundAttribution) -> CueFrame | None:
        """The lexicon frame of the attribution's cue verb, if it has one."""
        verbs = [t for t in self.extent_tokens(attribution.cue or []) if _is_verbal(t)]
        return next((f for f in map(self.frame_of, verbs) if f is not None), None)

    def is_passive_subject(self, attribution: FoundAttribution, role: str = "source") -> bool:
        """The source (or the whole content) is the passive subject of the cue ("X was quoted as saying"
        excepted)."""
        part = attribution.source if role == "source" else attribution.content
        if not part or not attribution.cue:
            return False
        cue = {t.i for t in self.extent_tokens(attribution.cue)}
        tokens = self.extent_tokens(part)
        subjects = [
            t for t in tokens if t.dep_ == "nsubjpass" and t.head.i in cue and t.head.lemma_.lower() not in _QUOTED_LEMMAS
        ]
        if role == "source":
            return bool(subjects)
        covered = {t.i for s in subjects for t in s.subtree}
        return bool(subjects) and all(t.i in covered or t.is_punct for t in tokens)

    def cue_subject(self, cue: list[Span]) -> list[Span] | None:
        """The source the parse gives a cue found elsewhere (the model): "…, calling for X" → the
        subject of the clause the participle hangs on."""
        tokens = self.extent_tokens(cue)
        heads = [t for t in tokens if _is_verbal(t) and not any(a in tokens for a in t.ancestors)]
        return self.source_spans(heads[0]) if heads else None

    def source_spans(self, verb: Token) -> list[Span] | None:
        tokens = self.source_tokens(verb)
        spans = _token_spans(tokens) if tokens else []
        return spans or None

    def whole_quotation(self, verb: Token, content: list[Span]) -> list[Span]:
        """said “anti-Semitic images, they’ve got no place …”: a quotation right after the cue, whose
        clause the parser split, is the content as a whole."""
        quote = self.quotes.containing(content[0][0])
        verb_end = verb.idx + len(verb.text)
        if quote is None or quote.start < verb_end or self.text[verb_end : quote.start].strip(" ,:"):
            return content
        if content[-1][1] > quote.end:
            return content
        return [(quote.start, quote.end)]

    def kind_of(self, content: list[Span]) -> str:
        """"direct" when the content is one whole quotation, "mixed" when it has quoted words in it."""
        start, end = content[0][0], content[-1][1]
        quote = self.quotes.containing(start)
        if quote is not None and quote.start == start and quote.end == end:
            return "direct"
        return "mixed" if self.quotes.overlapping(start, end) else "indirect"

    def cut_source_time(self, attribution: FoundAttribution) -> None:
        """"Congress leader Jairam Ramesh on Sunday lashed out …": a date the tagger took into the
        source is when it was said, not who said it."""
        if not attribution.source:
            return
        start, end = attribution.source[-1]
        tokens = self.extent_tokens([(start, end)])
        inside = {t.i for t in tokens}
        for token in tokens[1:]:
            is_date = token.ent_type_ in ("DATE", "TIME")
            phrase = token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)
            if (phrase or is_date and token.dep_ == "npadvmod") and token.left_edge.i == token.i and token.right_edge.i == tokens[-1].i:
                # Only a phrase that hangs outside the source (on the cue) was taken in by mistake.
                if token.i - 1 in inside and token.head.i not in inside:
                    last = self.doc[token.i - 1]
                    attribution.source = [*attribution.source[:-1], (start, last.idx + len(last.text))]
                return

    def cut_source_opening(self, attribution: FoundAttribution) -> None:
        """"Even China, Pyongyang's only ally, …" / "But some note …": a focus adverb or a conjunction
        opening the source is the sentence's, not the speaker's (PolNeAR train leaves "even" out 29
        times of 37, "But" 267 of 271, "And" and "Yet" always; "both" stays: "both men")."""
        if not attribution.source:
            return
        start, end = attribution.source[0]
        first = self.doc[self.token_at(start)]
        if first.idx != start or first.i + 2 >= len(self.doc):
            return
        if first.lower_ in _SOURCE_OPENERS:
            following = self.doc[first.i + 1]
        elif first.tag_ == "VBG" and self.doc[first.i + 1].text == ",":
            following = self.doc[first.i + 2]  # "Reacting, the Executive Chairman …": the participle is the scene's
        else:
            return
        if following.idx < end:
            attribution.source = [(following.idx, end), *attribution.source[1:]]

    def cut_dateline(self, attribution: FoundAttribution) -> None:
        """Drop a wire dateline that opens a paragraph from the content or source that starts with it."""
        for role in ("content", "source"):
            spans = getattr(attribution, role)
            if not spans:
                continue
            start, end = spans[0]
            dateline = _DATELINE.match(self.text, self.text.rfind("\n", 0, start) + 1, end)
            if dateline and start < dateline.end() < end:  # the span starts inside the dateline
                setattr(attribution, role, [(dateline.end(), end), *spans[1:]])

    def cut_trailing_participle(self, attribution: FoundAttribution) -> None:
        """"…that Crutcher had his hands in the air, contradicting the police's earlier claim": a
        participle clause set off by a comma that closes a reported content is the reporter's (PolNeAR
        train leaves it out 500 times of 673). Quotations keep their words."""
        if attribution.kind not in ("indirect", "mixed"):
            return
        start, end = attribution.content[-1]
        tokens = self.extent_tokens([(start, end)])
        inside = {t.i for t in tokens}
        for token in tokens:
            left = token.left_edge.i
            if (
                token.tag_ == "VBG"
                and token.dep_ in ("advcl", "acl", "xcomp", "conj")
                and token.i == left
                and left - 1 in inside
                and left - 2 in inside
                and self.doc[left - 1].text == ","
                and token.right_edge.i >= tokens[-1].i - 1
                and not self.quotes.inside(token.idx)
            ):
                last = self.doc[left - 2]
                attribution.content = [*attribution.content[:-1], (start, last.idx + len(last.text))]
                attribution.kind = self.kind_of(attribution.content)
                return

    def cut_opening_conjunction(self, attribution: FoundAttribution) -> None:
        """"But to prevent problems, he said, officials should be vigilant": the conjunction that
        opens the sentence joins it to the article, not to what was said (PolNeAR train leaves it out
        72 times of 118). Inside a quotation or after a colon lead-in it is the speaker's word and stays."""
        start, end = attribution.content[0]
        opening = _OPENING_CONJUNCTION.match(self.text, start, end)
        if opening is None or self.text[start - 1 : start] in QUOTE_CHARS:
            return
        cue = attribution.cue
        if cue and cue[-1][1] <= start and ":" in self.text[cue[-1][0] : start]:
            return  # "Limbaugh added: And from …", "WALLACE: But …": the speaker's own words
        token = self.doc[self.token_at(start)]
        if token.is_sent_start and (token.pos_ == "CCONJ" or token.dep_ == "cc") and opening.end() < end:
            attribution.content = [(opening.end(), end), *attribution.content[1:]]

    def balance(self, spans: list[Span] | None) -> list[Span] | None:
        """Take in the quotation mark a span stops short of (that the pitch was “a disgrace,”).

        Double marks only: a closing single mark is also an apostrophe (he’s).
        """
        if not spans:
            return spans
        balanced = []
        for start, end in spans:
            piece = self.text[start:end]
            opened = sum(piece.count(c) for c in "“«") - sum(piece.count(c) for c in "”»")
            straight_odd = piece.count('"') % 2 == 1
            if opened > 0 or straight_odd:
                follow = self.text[end : end + 2]
                for width, tail in ((1, follow[:1]), (2, follow)):
                    if tail and tail[-1] in '”»"' and tail[:-1] in ("", ",", "."):
                        end += width
                        break
            elif piece.count("''") % 2 == 1:  # archive text's doubled apostrophes: ''political theatre''
                for tail in ("''", ",''", ".''"):
                    if self.text.startswith(tail, end):
                        end += len(tail)
                        break
            if (opened < 0 or straight_odd and self.text[start:end].count('"') % 2) and self.text[
                start - 1 : start
            ] in ("“", "«", '"'):
                start -= 1  # said “we are not going anywhere”: the opening mark hung on the cue
            balanced.append((start, end))
        return balanced

    def add(self, attribution: FoundAttribution, cue_head: Token | None) -> FoundAttribution:
        attribution.content = self.balance(attribution.content) or attribution.content
        quote = self.quotes.containing(attribution.content[0][0])
        if attribution.kind == "direct" and quote is not None and quote.start == attribution.content[0][0]:
            attribution.content = self.quote_content(quote)  # the marks are not part of a direct quote
        attribution.source = self.balance(attribution.source)
        self.found.append(attribution)
        if cue_head is not None:
            self.used_cues.add(cue_head.i)
        return attribution

    # --- the passes ---------------------------------------------------------------------------
    def run(self) -> list[FoundAttribution]:
        self.quote_pass()
        self.name_colon_pass()
        self.verb_pass()
        self.light_verb_pass()
        self.according_to_pass()
        self.noun_pass()
        self.experiencer_pass()
        self.interview_pass()
        self.link_orphan_quotes()
        self.link_follow_ons()
        self.drop_nested()
        return self.found

    def drop_nested(self) -> None:
        """Leave out attributions nested in another's content (``_is_nested``)."""
        self.found = [a for a in self.found if not any(_is_nested(a, outer) for outer in self.found)]

    def link_follow_ons(self) -> None:
        """“…,” he added: the statement goes on from the nearest earlier attribution with a source."""
        ordered = sorted(self.found, key=lambda a: a.content[0][0])
        for i, attribution in enumerate(ordered):
            if attribution.cue_lemma not in _FOLLOW_ON_LEMMAS or id(attribution) in self.continues:
                continue
            if attribution.source and part_text(self.text, attribution.source).lower() not in _PRONOUNS:
                continue  # "a spokesperson added": a speaker of its own
            paragraph = self.paragraph_of(attribution.content[0][0])
            earlier = [
                a for a in ordered[:i] if a.source and paragraph - self.paragraph_of(a.content[0][0]) <= 2
            ]
            if earlier:
                self.continues[id(attribution)] = earlier[-1]

    # 1. quotations
    def quote_pass(self) -> None:
        quotes = self.quotes.quotes
        consumed: set[int] = set()
        for qi, quote in enumerate(quotes):
            if qi in consumed or self.labelled(quote):
                continue
            cue = self.cue_after(quote) or self.cue_before(quote)
            if cue is None:
                signed = self.sign_off(quote)
                if signed is None:
                    self.orphans.append(quote)
                    continue
                self.add(
                    FoundAttribution(
                        content=self.quote_content(quote), kind="direct", source=signed, confidence=0.7, origin="quote"
                    ),
                    None,
                )
                continue
            verb, frame, mixed_from = cue
            content = self.quote_content(quote)
            if mixed_from is not None:  # said that “…”: the complementizer belongs to the content
                content = [(mixed_from, quote.inner_end)]
            opening: list[Span] = []
            if mixed_from is None and verb.idx < quote.start:
                opening = self.interrupted_opening(verb, quote)
                content = opening + content
            clause_end = self.clause_end(verb, quote)
            for later in range(qi + 1, len(quotes)):
                nxt = quotes[later]
                if self.paragraph_of(nxt.start) != self.paragraph_of(quote.end - 1):
                    break  # a quotation opening the next paragraph is a follow-on (``continues``)
                gap = self.text[clause_end:nxt.start]
                if gap.strip(" \t\n,.;:—–-") or self.cue_after(nxt) is not None:
                    break
                if self.introduced_apart(verb, quote, nxt):
                    break
                content.extend(self.quote_content(nxt))
                consumed.add(later)
                clause_end = nxt.end
            self.add(
                FoundAttribution(
                    content=content,
                    kind="mixed" if mixed_from is not None or opening else "direct",
                    cue=self.cue_span(verb, frame),
                    source=self.source_spans(verb)
                    or self.source_between(quote, verb)
                    or self.name_read_as_clause(verb)
                    or self.lead_speaker(verb, quote),
                    cue_lemma=frame.lemma,
                    confidence=0.9 if mixed_from is None else 0.8,
                    origin="quote",
                ),
                verb,
            )

    def source_between(self, quote: Quote, verb: Token) -> list[Span] | None:
        """"“…,” the report's lead author, Dr Priya Nair, told the Guardian": when the parser hung the
        speaker inside the quotation's clause, the noun phrase between the closing mark and the cue is
        the source."""
        if verb.idx < quote.end:
            return None
        words = [t for t in self.doc[self.token_at(quote.end) : verb.i] if t.idx >= quote.end]
        nominal = any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words)
        if not nominal or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        return _token_spans(words) or None  # trimmed of the commas and marks around the phrase

    def interrupted_opening(self, verb: Token, quote: Quote) -> list[Span]:
        """In other words, he said, “the era is over”: a cue set off by commas inside a sentence whose quotation
        goes on in lower case has the sentence's opening words as the first piece of the content."""
        if not self.text[quote.inner_start : quote.inner_end].lstrip()[:1].islower():
            return []
        if verb.i + 1 >= len(self.doc) or self.char_before(quote.start) != ",":
            return []  # not set off: "Speaking on CNBC, Ubben called him “driven”"
        subjects = [c.left_edge.i for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
        if not subjects:
            return []
        cue_start = min(*subjects, self.cue_left(verb))
        sentence_start = max(verb.sent.start_char, self.paragraphs[self.paragraph_of(verb.idx)][0])
        opening = [t for t in self.doc[verb.sent.start : cue_start] if t.idx >= sentence_start]
        if not opening or opening[-1].text != ",":
            return []
        if any(self.quotes.inside(t.idx) or self.frame_of(t) is not None for t in opening):
            return []  # "He argued the pipeline, he said, …": a report of its own comes first
        return _token_spans(opening)

    def introduced_apart(self, verb: Token, quote: Quote, nxt: Quote) -> bool:
        """“A,” he said, adding that it would take “more hours.”: the next quotation is the content of
        another cue between the two, not the statement's next piece (“A,” he said, speaking of X. “B.”)."""
        first = self.doc[self.token_at(nxt.inner_start)]
        between = self.doc[self.token_at(quote.end) : first.i]
        return any(
            t.i != verb.i and not self.quotes.inside(t.idx) and t in first.ancestors and self.frame_of(t) is not None
            for t in between
        )

    def labelled(self, quote: Quote) -> bool:
        """A transcript quoted over paragraphs ("WALLACE: …): the speaker labels attribute each one."""
        return any(self.paragraphs[self.paragraph_of(start)][0] in self.labels for start, _ in quote.pieces)

    def sign_off(self, quote: Quote) -> list[Span] | None:
        """“We are not going anywhere.” ― Maria Lopez: a name after a dash closing the paragraph signs
        the quotation (reader responses, pull quotes, epigraphs)."""
        para_end = self.paragraphs[self.paragraph_of(quote.end - 1)][1]
        tail = self.text[quote.end : para_end]
        stripped = tail.lstrip(" \u00a0\t")
        if quote.close_at is None or stripped[:1] not in ("―", "—", "–", "-"):
            return None
        name_start = quote.end + len(tail) - len(stripped) + 1
        stretch = self.doc[self.token_at(name_start) : self.token_at(para_end - 1) + 1]
        tokens = [t for t in stretch if name_start <= t.idx < para_end and not t.is_space]
        if not tokens or len(tokens) > _NAME_COLON_MAX or not tokens[0].text[:1].isupper():
            return None
        if not self.is_speaker_label(self.doc[tokens[0].i : tokens[-1].i + 1]):
            return None
        return _token_spans(tokens) or None

    def char_before(self, offset: int) -> str:
        """The last non-space character before ``offset`` ("" at the start of the text)."""
        i = offset - 1
        while i >= 0 and self.text[i].isspace():
            i -= 1
        return self.text[i] if i >= 0 else ""

    def quote_content(self, quote: Quote) -> list[Span]:
        """The quotation's pieces without the comma that hands over to the cue (“…,” he said)."""
        pieces = []
        for start, end in quote.pieces:
            while end > start and (self.text[end - 1].isspace() or self.text[end - 1] == ","):
                end -= 1
            if end > start:
                pieces.append((start, end))
        return pieces or list(quote.pieces)

    def link_orphan_quotes(self) -> None:
        """A cue-less quotation that starts a sentence or paragraph right after an attribution goes on
        with that speaker: “…,” she said.¶“More.” / Smith said the plan was dead. “We won’t revive it.”"""
        for quote in self.orphans:
            if any(_overlap_share(a.content, [(quote.inner_start, quote.inner_end)]) >= 0.5 for a in self.found):
                continue  # a later pass gave it a cue ("…,” a diplomat involved in the talks told AP)
            words = len(self.text[quote.inner_start : quote.inner_end].split())
            before = self.char_before(quote.start)
            if words < 3 or (before and before not in ".?!”\"'’"):
                continue
            previous = max(
                (a for a in self.found if _extent_end(a) <= quote.start), key=_extent_end, default=None
            )
            if previous is None or self.paragraph_of(quote.start) - self.paragraph_of(_extent_end(previous) - 1) > 1:
                continue
            if previous.source is None and previous.origin != "continuation":
                continue
            if self.quotes.overlapping(_extent_end(previous), quote.start):
                continue  # another (unattributed) quotation stands in between
            lead = self.narrative_lead(quote, _extent_end(previous))
            if lead is not None:
                # "Critics call it a vanity project. Hildebrandt shrugs. “They said the same …”"
                self.add(
                    FoundAttribution(
                        content=self.quote_content(quote), kind="direct", source=lead, confidence=0.6, origin="quote"
                    ),
                    None,
                )
                continue
            if self.closes_with_cue(previous, quote):
                previous.content = [*previous.content, *self.quote_content(quote)]
                previous.kind = "direct" if previous.kind == "direct" else "mixed"
                continue
            follow = self.add(
                FoundAttribution(
                    content=self.quote_content(quote), kind="direct", confidence=0.7, origin="continuation"
                ),
                None,
            )
            self.continues[id(follow)] = previous

    def narrative_lead(self, quote: Quote, after: int) -> list[Span] | None:
        """The person a short narrative sentence right before the quotation is about, when it names
        someone by name (its subject, after the previous attribution, in the quotation's paragraph)."""
        start = self.token_at(quote.start)
        if start == 0:
            return None
        sentence = self.doc[start - 1].sent
        if sentence.start_char < after or self.paragraph_of(sentence.start_char) != self.paragraph_of(quote.start):
            return None
        root = sentence.root
        subjects = [c for c in root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if not subjects and root.pos_ == "NOUN" and len(sentence) <= 5:
            # "Hildebrandt shrugs." read as a noun phrase: its leading name is the one who acts.
            subjects = [c for c in root.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == sentence.start]
        if not subjects or subjects[0].ent_type_ in _PLACE_TYPES or any(self.quotes.inside(t.idx) for t in sentence):
            return None
        return _token_spans(subjects[0].subtree) or None

    def closes_with_cue(self, previous: FoundAttribution, quote: Quote) -> bool:
        """The quotation goes on with the same statement: "“A,” says X. “B.”" / "A, X said. “B.”", where the
        content came before its cue and the quotation opens the next sentence of the same paragraph."""
        if not previous.cue or previous.content[-1][1] > previous.cue[0][0]:
            return False
        end = _extent_end(previous)
        if self.paragraph_of(end - 1) != self.paragraph_of(quote.start):
            return False
        gap = self.text[end : quote.start]
        return sum(gap.count(mark) for mark in ".!?") <= 1 and not gap.rstrip()[-1:].isalnum()

    def clause_end(self, verb: Token, quote: Quote) -> int:
        """End offset of the cue clause outside the quotation ("Hamdan said Tuesday in Algeria")."""
        end = quote.end
        for token in verb.subtree:
            if token.idx >= quote.end and not token.is_space and not self.quotes.inside(token.idx):
                if token.text in (".", "!", "?"):
                    continue
                end = max(end, token.idx + len(token.text))
        return end

    def cue_after(self, quote: Quote) -> tuple[Token, CueFrame, None] | None:
        """“…,” Hamdan said. / “…,” said Hamdan. / “…,” he told reporters."""
        para_end = self.paragraphs[self.paragraph_of(quote.end - 1)][1]
        if quote.close_at is None or quote.end >= para_end:
            return None
        if self.is_fragment(quote):
            return None
        start = self.token_at(quote.end)
        if self.doc[start].idx < quote.end:
            start += 1
        for token in self.doc[start : start + _AFTER_WINDOW]:
            if token.idx >= para_end or (self.quotes.inside(token.idx) and token.text not in "“”\"'"):
                return None
            if not _is_verbal(token):
                continue
            frame = self.frame_of(token) or self.quote_handover_frame(quote, token)
            if frame is None and token.dep_ in ("acl", "relcl", "amod") and token.head.i > token.i - _AFTER_WINDOW:
                continue  # "a senior diplomat involved in the talks told …": a participle in the speaker's phrase
            if frame is None or token.i in self.used_cues:
                return None
            if self.clause_after(token, token.i):
                return None  # "“…” Smith said on Tuesday that …"
            between = self.doc[start : token.i]
            if not all(t.is_punct or t.is_space or token in t.ancestors for t in between):
                return None
            return token, frame, None
        return None

    def clause_after(self, verb: Token, position: int) -> bool:
        """Whether the verb introduces a clause of its own, outside quotation marks, after ``position``:
        then a quotation beside the verb is not what it reports."""
        para_end = self.paragraphs[self.paragraph_of(verb.idx)][1]
        return any(
            c.dep_ == "ccomp" and c.i > position and c.idx < para_end and not self.quotes.inside(c.idx)
            and c.pos_ != "PROPN"  # "said Maya Ortiz of Riders United": a name misread as a clause
            for c in verb.children
        )

    def name_read_as_clause(self, verb: Token) -> list[Span] | None:
        """"…,” said Maya Ortiz of Riders United: the parser took the name for a clause the cue
        introduces ("Ortiz … United"); the whole phrase is the speaker."""
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.pos_ == "PROPN" and clause.i > verb.i:
                return _token_spans(self.same_paragraph(clause.subtree, verb.idx)) or None
        return None

    def quote_handover_frame(self, quote: Quote, verb: Token) -> CueFrame | None:
        """“…,” Trump shot back. / “…!” he demanded: after a quotation that hands over with , ? or !,
        any verb with its subject and no object of its own is the way it was said."""
        handover = self.text[quote.inner_start : quote.inner_end].rstrip()[-1:]
        if handover not in (",", "?", "!") or verb.pos_ != "VERB":
            return None
        if not any(c.dep_ in _SUBJECTS for c in verb.children):
            return None
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") and c.i > verb.i for c in verb.children):
            return None
        particle = next(
            (c.lower_ for c in verb.children if c.dep_ == "prt" or c.i == verb.i + 1 and c.lower_ in _PARTICLES), None
        )
        lemma = f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()
        return CueFrame(lemma, "speech", weight=0.7)

    def is_fragment(self, quote: Quote) -> bool:
        """Quoted words inside a sentence (as “a partner in …” in Gaza), not a quotation of its own."""
        before = self.char_before(quote.start)
        opens_clause = not before or not before.isalnum()
        inner = self.text[quote.inner_start : quote.inner_end]
        after = self.text[quote.end : quote.end + 1]
        # “… those 5,000 people,’” Merkley said: a quotation nested at the end hands over with its comma.
        last = inner.rstrip().rstrip("’'\"”")[-1:]
        closes_clause = last in (",", ".", "!", "?", "—", "–", "-", "…") or after in (",", ".", ":")
        return not closes_clause or not (opens_clause or inner.lstrip()[:1].isupper())

    def sentence_goes_on(self, quote: Quote) -> bool:
        """said the native nicknamed “King James” is an advocate; said that “we need more information”
        about how …: the quotation is a piece of the cue's clause, which goes on after the closing mark
        (no end mark inside, a word right after). A phrase after it that the parser hangs on a verb
        before the quotation ("posted “Thank you” minutes after the final") is no part of it."""
        if quote.close_at is None:
            return False
        inner = self.text[quote.inner_start : quote.inner_end].rstrip().rstrip("’'\"”")
        if inner[-1:] in (".", "!", "?", "…", ",", ";", ":"):
            return False
        after = self.token_at(quote.end)
        if self.doc[after].idx < quote.end:
            after += 1
        if after >= len(self.doc) or not self.doc[after].text[:1].isalnum():
            return False
        phrase = self.doc[after]
        while after < phrase.head.i != phrase.i:  # up to the top of the phrase that opens after the quotation
            phrase = phrase.head
        return not (phrase.dep_ in _VERB_MODIFIER_DEPS and phrase.head.idx < quote.start)

    def cue_before(self, quote: Quote) -> tuple[Token, CueFrame, int | None] | None:
        """Hamdan said, “…” / He said: “…” / Blinken said:¶“…” / said that “…” (mixed)."""
        first = self.token_at(quote.start)
        i = first - 1
        while i >= 0 and (self.doc[i].is_space or self.doc[i].text in (",", ":", "—", "–", "-")):
            i -= 1
        if i < 0:
            return None
        gap = self.text[self.doc[i].idx + len(self.doc[i].text) : quote.start]
        lead = self.inverted_lead(i)
        if lead is not None and gap.strip()[:1] in (":", ","):
            return lead, verb_frame(_INVERTED_CUES[lead.lower_]), None
        mixed_from = None
        mark = None
        if self.doc[i].lower_ == "that" and self.doc[i].dep_ == "mark":
            mark = self.doc[i]
            mixed_from = mark.idx
            i -= 1
        elif ":" not in gap and "," not in gap:
            inner = self.text[quote.inner_start : quote.inner_end].lstrip()
            if not inner[:1].isupper():
                return None  # an inline fragment (called it “a disgrace”): verb pass, as mixed
        if "\n" in gap and ":" not in gap:
            return None
        for j in range(i, max(-1, i - _BEFORE_WINDOW), -1):
            token = self.doc[j]
            if self.quotes.inside(token.idx) or token.text in (".", "!", "?"):
                break
            frame = self.frame_of(token)
            if frame is None or token.i in self.used_cues:
                continue
            between = self.doc[token.i + 1 : i + 1]
            if all(t.is_punct or t.is_space or token in t.ancestors for t in between):
                if mixed_from is None:
                    mixed_from = self.clause_lead_in(token, quote)
                if (mixed_from is not None or not gap.strip()) and self.sentence_goes_on(quote):
                    return None  # the quotation is part of the cue's clause: the verb pass reports it (mixed)
                if self.clause_after(token, self.token_at(quote.end - 1)):
                    return None  # "told MSNBC’s “Morning Joe” on Friday that …"
                if mark is not None:
                    mixed_from = self.first_conjunct_start(token, mark) or mixed_from
                return token, frame, mixed_from
            break
        return self.colon_lead_in(self.doc[i]) if ":" in gap and mixed_from is None else None

    @staticmethod
    def first_conjunct_start(verb: Token, mark: Token) -> int | None:
        """"said that he remained hopeful but that “…”": where the first of the coordinated clauses the
        cue reports starts, when the quotation's "that" opens a later one."""
        clause = mark.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "ccomp" and clause.head.i == verb.i and clause.left_edge.i < mark.i:
            return clause.left_edge.idx
        return None

    def inverted_lead(self, last_index: int) -> Token | None:
        """Said Ellis: “…” / Added the senator, “…”: a sentence that opens with the cue and names the
        speaker after it (up to the token at ``last_index``) hands over to the quotation (the parser
        reads the cue as part of the name)."""
        last = self.doc[last_index]
        first = last.sent[0]
        while first.i < last.i and first.is_punct:
            first = self.doc[first.i + 1]
        if (
            first.text[:1].isupper()
            and first.lower_ in _INVERTED_CUES
            and 0 < last.i - first.i <= _NAME_COLON_MAX
            and not any(t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in (".", "-") for t in self.doc[first.i + 1 : last.i + 1])
        ):
            return first
        return None

    def lead_speaker(self, verb: Token, quote: Quote) -> list[Span] | None:
        """The speaker named between an opening cue and its quotation ("Said Ellis: …")."""
        end = self.token_at(quote.start)
        while end > verb.i + 1 and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        lead = self.inverted_lead(end - 1)
        if lead is None or lead.i != verb.i:
            return None
        return _token_spans(self.doc[verb.i + 1 : end]) or None

    def clause_lead_in(self, verb: Token, quote: Quote) -> int | None:
        """He adds that the club has two options: “…” / said that in the end, “…”: where the cue's clause
        opens before the quotation it runs into, the clause's start (the content is mixed)."""
        first = self.doc[self.token_at(quote.inner_start)]
        for clause in verb.children:
            if clause.dep_ != "ccomp" or clause not in (first, *first.ancestors):
                continue
            lead_in = clause.left_edge
            while lead_in.is_punct and lead_in.i < first.i:
                lead_in = self.doc[lead_in.i + 1]
            if verb.i < lead_in.i and lead_in.idx < quote.start:
                return lead_in.idx
        return None

    def colon_lead_in(self, last: Token) -> tuple[Token, CueFrame, None] | None:
        """"President Clinton released the following statement: “…”": a clause with a subject that
        hands over to a quotation with a colon introduces it, whatever its verb."""
        root = last
        while root.head.i != root.i and root.head.i < last.i + 1:
            root = root.head
        if not _is_verbal(root) or root.i in self.used_cues or self.quotes.inside(root.idx):
            return None
        if not any(c.dep_ in _SUBJECTS for c in root.children):
            return None
        frame = self.frame_of(root)
        return root, frame or CueFrame(root.lemma_.lower(), "speech", weight=0.6), None

    # 1b. "Obama: It’s Going To Be OK" (headlines, quote boxes, transcripts)
    def speaker_labels(self) -> dict[int, tuple[SpacySpan, Token]]:
        """Paragraphs opening with a short speaker name and a colon: paragraph start -> (name, colon).

        A quotation mark before the name is skipped (a transcript quoted over several paragraphs:
        "WALLACE: … ¶"PENCE: …); an all-capitals name, or a capitalised word the tagger did not take for a
        name, counts when it labels two paragraphs or more.
        """
        labels: dict[int, tuple[SpacySpan, Token]] = {}
        for para_start, para_end in self.paragraphs:
            first = self.token_at(para_start)
            while first < len(self.doc) and self.doc[first].text in QUOTE_CHARS | {"''", "``"}:
                first += 1
            window = [t for t in self.doc[first : first + _NAME_COLON_MAX + 1] if t.idx < para_end]
            colon = next((t for t in window if t.text == ":"), None)
            if colon is not None and colon.i > first:
                labels[para_start] = (self.doc[first : colon.i], colon)
        repeated = Counter(name.text for name, _ in labels.values())
        return {
            start: (name, colon)
            for start, (name, colon) in labels.items()
            if self.is_speaker_label(name, transcript=repeated[name.text] > 1)
        }

    def name_colon_pass(self) -> None:
        """A paragraph opening with a short name and a colon attributes the rest of it to that name."""
        for para_start, para_end in self.paragraphs:
            if para_start not in self.labels:
                continue
            name, colon = self.labels[para_start]
            content_start = colon.idx + 1
            content = _token_spans(t for t in self.doc[colon.i + 1 :] if t.idx < para_end)
            if not content or len(self.text[content_start:para_end].split()) < 3 or self.overlaps_found(content):
                continue
            self.add(
                FoundAttribution(
                    content=content,
                    kind="direct" if self.quotes.inside(content[0][0]) else "indirect",
                    cue=[(colon.idx, colon.idx + 1)],
                    source=_token_spans(name),
                    cue_lemma="say",
                    confidence=0.55,
                    origin="rule",
                ),
                None,
            )

    @staticmethod
    def is_speaker_label(name: SpacySpan, *, transcript: bool = False) -> bool:
        """"Obama", "NY Daily News", "Clinton camp"; not "UPDATE", "Q", "Photo" or "7:00 p.m.".

        All-capitals labels ("WATCH", "BREAKING") are speakers only in a ``transcript``.
        """
        words = [t for t in name if not t.is_punct]
        label = name.text.lower().replace("’", "'")
        if not words or not name.text[:1].isupper() or label in _NOT_SPEAKER_LABELS or label.endswith(" note"):
            return False
        if any(t.like_num or t.pos_ == "VERB" or t.is_space for t in name):
            return False
        if name.text.isupper():
            return transcript and all(t.is_alpha or t.is_punct for t in name)
        # The tagger calls a lone surname before a colon a common noun now and then ("Whitfield: They …").
        return any(t.pos_ == "PROPN" or t.ent_type_ in _LABEL_ENTITIES for t in words) or (
            transcript and all(t.is_title and t.is_alpha for t in words)
        )

    # 2. verb cues with clause / infinitive / object complements
    def verb_pass(self) -> None:
        for token in self.doc:
            # A cue inside a quotation is part of what the quoted speaker said, not an attribution.
            if token.i in self.used_cues or self.quotes.inside(token.idx):
                continue
            frame = self.frame_of(token)
            if frame is None:
                continue
            content = self.verb_content(token, frame)
            if not content:
                continue
            content = self.clip_to_paragraph(content, token.idx)
            if not content:
                continue
            content = self.whole_quotation(token, content)
            source = self.source_spans(token)
            cue = self.cue_span(token, frame)
            if _chars(content) & _chars(cue) or (source and _chars(content) & _chars(source) == _chars(content)):
                continue
            if source is None and token.tag_ != "VBN":
                # "a letter opposing the plan", "candidates seeking office": with no speaker in the
                # parse, an active cue is a description, not a report (passives are: "When asked …").
                continue
            confidence = frame.weight * (1.0 if source else 0.85)
            self.add(
                FoundAttribution(
                    content=content,
                    kind=self.kind_of(content),
                    cue=cue,
                    source=source,
                    cue_lemma=frame.lemma,
                    confidence=confidence,
                    origin="rule",
                ),
                token,
            )

    def light_verb_pass(self) -> None:
        """"took aim at the referee for …", "took a swipe at Trump over …", "took issue with the plan": a
        criticism said with "take" and a noun; the content is whom or what it aims at and why."""
        for verb in self.doc:
            if verb.lemma_.lower() != "take" or verb.i in self.used_cues or self.quotes.inside(verb.idx):
                continue
            noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _LIGHT_CRITICISM), None)
            if noun is None:
                continue
            aimed = [c for c in (*noun.children, *verb.children) if c.dep_ == "prep" and c.lower_ in ("at", "with") and c.i > noun.i]
            source = self.source_spans(verb)
            if not aimed or source is None:
                continue
            preposition = min(aimed, key=lambda c: c.i)
            # Whom it aims at, without what a relative clause says of them ("Trump, who had warned …").
            aimed_at = [c for c in preposition.children if c.dep_ == "pobj"]
            clauses = {t.i for c in aimed_at for a in c.subtree if a.dep_ in ("relcl", "acl") for t in a.subtree}
            tokens = [t for c in aimed_at for t in c.subtree if t.i not in clauses]
            # "…, Stephen Blakeway," the parser left on the verb; "for …"/"over …": why.
            tokens += [
                t
                for c in verb.children
                if c.i > preposition.i and (c.dep_ == "npadvmod" and c.pos_ == "PROPN" or c.dep_ == "prep" and c.lower_ in ("for", "over"))
                for t in c.subtree
            ]
            content = _token_spans(self.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]) if tokens else None
            if not content:
                continue
            cue = [(self.doc[self.cue_left(verb)].idx, preposition.idx + len(preposition.text))]
            self.add(
                FoundAttribution(
                    content=content, kind=self.kind_of(content), cue=cue, source=source,
                    cue_lemma=" ".join(["take", *(t.lower_ for t in noun.subtree if t.i < preposition.i), preposition.lower_]),
                    confidence=0.6,
                    origin="rule",
                ),
                verb,
            )

    def verb_content(self, verb: Token, frame: CueFrame) -> list[Span] | None:
        children = list(verb.children)
        colon = self.colon_content(verb)
        if colon:
            return colon
        excluded = self.cue_side_tokens(verb)
        if frame.category == "report" and self.document_subject(verb):
            # "A study found 31 incidents …", "Video shows him with his hands in the air": what follows.
            parts = [c for c in verb.children if c.i > verb.i and c.dep_ not in ("conj", "cc", "punct")]
            tokens = sorted((t for c in parts for t in c.subtree if t.i not in excluded), key=lambda t: t.i)
            if tokens and tokens[0].i == verb.i + 1 and tokens[0].dep_ in ("dobj", "nummod", "det", "amod", "compound", "poss"):
                return _token_spans(tokens) or None
        if frame.clause:
            clauses = [c for c in children if c.dep_ == "ccomp" or self.is_question_clause(c)]
            # "Writing for a panel that agreed Pence won, Barabak noted that …": a "that" clause after
            # the cue is what it reports, whatever the parser hung on it before.
            clauses = [c for c in clauses if not self.displaced_clause(verb, c)] or clauses[:1]
            # The first of two coordinated reports is its own, not this one's ("denies X, says Y").
            first = self.first_of_coordinated_cues(verb)
            clauses = [c for c in clauses if first is None or c.i != first.i] or ([] if first is not None else clauses)
            # "X, Nandakumar said, which is why …": after a parenthetical cue, a "which" clause is the writer's.
            clauses = [c for c in clauses if not (verb.dep_ == "parataxis" and c.i > verb.i and c.left_edge.lower_ == "which")]
            clause = clauses[0] if clauses else None
            if clause is None:
                clause = self.misparsed_complement(verb)
                if clause is not None and clause.dep_ == "advcl":
                    # "said after the convention he would …": the phrase before the subject is the cue's.
                    subject = min(c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass"))
                    excluded |= set(range(verb.i + 1, subject))
            if clause is not None and clause.i < verb.i and any(
                t.text == ";" for t in self.doc[max(t.i for t in clause.subtree) : verb.i]
            ):
                clause = None  # "A happened; he said that …": the parser hung the earlier sentence on the cue
            if clause is None:
                fronted = self.line_before_cue(verb) or self.headline_rest(verb) or self.fragment_before(verb)
                if fronted:
                    return fronted
            if clause is None and (verb.dep_ == "parataxis" or self.is_as_clause(verb)) and verb.head.i != verb.i:
                # "The economy, he said, is growing": the cue interrupts the clause it reports;
                # "As Schor points out, the question is …": the clause it vouches for.
                return _token_spans(self.interrupted_clause(verb)) or None
            if clause is not None:
                excluded |= self.reported_events(clause) | self.according_to_phrases(clause)
                excluded |= self.speaker_follow_ons(verb, clause) | self.concessive_reports(clause)
                tokens = [t for t in clause.subtree if t.i not in excluded]
                if clause.i < verb.i:
                    tokens += self.fronted_content(verb, excluded)
                tokens += self.gapped_antecedent(verb, clause)
                tokens += self.coordinated_clause(verb, clause)
                tokens += self.condition_clauses(verb, clause)
                return _token_spans(self.without_person_aside(tokens)) or None
        if frame.infinitive:
            infinitive = next(
                (c for c in children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None
            )
            if infinitive is not None:
                # "declined to say whether …": the outer verb is the cue, the inner one is content.
                self.used_cues.add(infinitive.i)
                # "urged the league to review …": the addressee belongs to the content.
                tokens = [t for c in children if c.dep_ == "dobj" and c.i < infinitive.i for t in c.subtree]
                excluded |= self.reported_events(infinitive) | self.speaker_follow_ons(verb, infinitive)
                tokens += list(infinitive.subtree) + self.coordinated_infinitives(verb, infinitive)
                tokens += self.condition_clauses(verb, infinitive)
                return _token_spans(self.without_person_aside([t for t in tokens if t.i not in excluded])) or None
        if frame.obj:
            obj = next((c for c in children if c.dep_ in ("dobj", "pobj") and c.i > verb.i), None)
            if obj is None:  # "slammed Blinken after …": the parser took the name for an adverbial
                obj = next(
                    (
                        c
                        for c in children
                        if c.dep_ == "npadvmod" and c.i == verb.i + 1 and c.pos_ == "PROPN"
                        and c.ent_type_ not in ("DATE", "TIME")
                    ),
                    None,
                )
            if obj is None and " " in frame.lemma:  # "call for X": the object hangs off the particle
                particle = next((c for c in children if c.i == verb.i + 1), None)
                if particle is not None:
                    obj = next((c for c in particle.children if c.dep_ == "pobj"), None)
                target = self.phrasal_target(verb, frame)
                if obj is None and target is not None:  # "hit out at X": off the preposition after it
                    obj = next((c for c in target.children if c.dep_ == "pobj"), None)
            if obj is None and frame.lemma in _GERUND_OBJECT_LEMMAS:
                # "recommends seeking care if …", "proposed raising taxes": the gerund clause is the object.
                gerund = next((c for c in children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)
                if gerund is not None:
                    self.used_cues.add(gerund.i)
                    tokens = [t for t in gerund.subtree if t.i not in excluded]
                    tokens += [t for c in children if c.dep_ == "advcl" and c.i > gerund.i for t in c.subtree]
                    return _token_spans(tokens) or None
            if frame.lemma in _CLAIM_OBJECT_LEMMAS and obj is not None and obj.lemma_.lower() not in CUE_NOUNS:
                return None  # "rejected the ceasefire proposal" is an act; "rejected claims that …" answers words
            if frame.lemma == "call" and obj is not None and self.convening(verb, obj):
                return None
            named = [c for c in children if c.dep_ == "dobj" and c.i < verb.i and c.lower_ in ("what", "which")]
            if obj is None and named:  # "what she called a “rant”": the name given is the complement
                obj = next((c for c in children if c.dep_ == "oprd" and c.i > verb.i), None)
            if obj is not None and obj.lower_ not in _RELATIVE_PRONOUNS:
                complements = [
                    t
                    for c in children
                    if c.i > obj.i
                    and (
                        c.dep_ in ("oprd", "xcomp", "ccomp")
                        or c.dep_ == "prep"
                        and (
                            c.lower_ in _OBJECT_COMPLEMENT_PREPS and not self.is_time_phrase(c)
                            or self.object_modifier(c)
                            or frame.infinitive and self.carries_request(c, obj)
                        )
                    )
                    for t in c.subtree
                ]
                # "…, a claim the Department of Health denied": the writer's note on what was said.
                aside = {t.i for c in obj.rights if c.dep_ == "appos" and c.lemma_.lower() in CUE_NOUNS for t in c.subtree}
                tokens = [t for t in obj.subtree if t.i not in aside]
                tokens += complements + self.stranded_conjuncts(verb, obj)
                named_object = apposed_name(verb, obj)  # "accused the armed group Harakat al-Fajr of …"
                if named_object is not None:
                    tokens += list(named_object.subtree)
                tokens += named  # "which Tim Cook called ''total political crap''": the pronoun for what was named
                excluded |= self.speaker_follow_ons(verb, obj)
                return _token_spans(self.without_person_aside([t for t in tokens if t.i not in excluded])) or None
        return None

    def line_before_cue(self, verb: Token) -> list[Span] | None:
        """"Daily walk cuts dementia risk, study suggests": a line (a headline, most often) that ends
        with ", <subject> <cue>" reports everything before the comma, however the parser read it."""
        after = verb.i + 1
        while after < len(self.doc) and self.doc[after].is_punct and "\n" not in self.doc[after].text:
            after += 1  # "… study suggests." / "… study suggests"¶
        if after < len(self.doc) and "\n" not in self.doc[after].text:
            return None
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is None:
            return None
        comma = subject.left_edge.i - 1
        between = self.doc[subject.right_edge.i + 1 : verb.i]  # "study suggests", "experts have warned"
        if comma <= 0 or self.doc[comma].text != "," or any(t.dep_ not in ("aux", "neg", "advmod") for t in between):
            return None
        tokens = list(self.doc[self.token_at(self.paragraphs[self.paragraph_of(verb.idx)][0]) : comma])
        if len(tokens) < 3 or self.quotes.inside(tokens[0].idx):
            return None
        return _token_spans(tokens) or None

    def fragment_before(self, verb: Token) -> list[Span] | None:
        """"People like Scott, he said.": a sentence closed by its source and cue reports what comes
        before them even when that is no clause (the parser made the fragment a second subject)."""
        sentence = verb.sent
        if any(not t.is_punct for t in self.doc[verb.i + 1 : sentence.end]):
            return None
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i]
        if not subjects:
            return None
        comma = max(subjects, key=lambda c: c.i).left_edge.i - 1
        if comma <= sentence.start or self.doc[comma].text != ",":
            return None
        return _token_spans(self.doc[sentence.start : comma]) or None

    @cached_property
    def headline(self) -> int | None:
        """The index of the article's first paragraph when it reads as a headline: short, followed by
        more text, ending without a full stop (even inside a closing quotation mark), not a question."""
        first = next((i for i, (s, e) in enumerate(self.paragraphs) if self.text[s:e].strip()), None)
        if first is None or first + 1 >= len(self.paragraphs):
            return None
        start, end = self.paragraphs[first]
        words = self.text[start:end].split(maxsplit=_HEADLINE_MAX_WORDS)
        if len(words) > _HEADLINE_MAX_WORDS or " ".join(words).rstrip("”’\"'")[-1:] in ".?!":
            return None
        return first

    def headline_rest(self, verb: Token) -> list[Span] | None:
        """"Kremlin says talks with Washington 'constructive'": a headline drops the verb of what was
        said, and the parser takes its subject for the cue's object; the rest of the line is the content."""
        if self.headline is None or self.paragraph_of(verb.idx) != self.headline:
            return None
        end = self.paragraphs[self.headline][1]
        if not any(c.dep_ in _SUBJECTS and c.i < verb.i for c in verb.children):
            return None
        tokens = [t for t in self.doc[verb.i + 1 : self.token_at(end - 1) + 1] if t.idx < end and not t.is_space]
        # "… split confirmed as friends say …": a clause joined by a conjunction is no dropped report.
        if sum(t.is_alpha for t in tokens) < 2 or tokens[0].dep_ in ("prep", "agent", "mark") or tokens[0].pos_ == "SCONJ":
            return None
        return _token_spans(tokens) or None

    @staticmethod
    def is_as_clause(verb: Token) -> bool:
        """"as X points out", "as economists predicted": a cue in an "as" clause with a subject and no
        object of its own reports the clause it hangs on ("as he spoke, …" has no clause frame; "as
        she said goodbye" has an object)."""
        children = list(verb.children)
        return (
            verb.dep_ == "advcl"
            # "As the economist Miriam Cordell has argued": the parser may read "As" as a preposition.
            and any(
                c.lower_ == "as" and c.i < verb.i and (c.dep_ == "mark" or c.dep_ == "prep" and c.i == verb.left_edge.i)
                for c in children
            )
            and any(c.dep_ == "nsubj" for c in children)  # "as shown in …", "as promised" name no one
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp") for c in children)
        )

    @staticmethod
    def interrupted_clause(verb: Token) -> list[Token]:
        """The clause a parenthetical cue interrupts, without the cue's own phrase. A phrase the parser
        hung on the cue before its subject is the clause's ("If this argument fails, Mr. Castañeda
        argues, there are …"); a noun the cue hangs on is the subject of the clause ("The difference
        now, he told me, is that …")."""
        clause = verb.head
        while clause.pos_ in ("NOUN", "PROPN", "PRON") and clause.dep_ in _SUBJECTS and clause.head.i != clause.i:
            clause = clause.head
        subjects = [c.left_edge.i for c in verb.children if c.dep_ in _SUBJECTS]
        fronted = {
            t.i
            for c in verb.children
            if subjects and c.i < min(subjects) and c.dep_ in ("advcl", "prep", "npadvmod")
            and not (c.lower_ == "as" and c.i == verb.left_edge.i)  # "As the economist X has argued"
            for t in c.subtree
        }
        inside = {t.i for t in verb.subtree} - fronted
        return [t for t in clause.subtree if t.i not in inside]

    @staticmethod
    def document_subject(verb: Token) -> bool:
        """"A 2014 study found 31 incidents", "Video of the incident shows him with his hands up": a
        document or data that finds or shows something reports it (a person who finds keys does not)."""
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENT_NOUNS for c in verb.children)

    @staticmethod
    def verb_read_as_noun(token: Token) -> bool:
        """"…, the candidate's former doctor maintains.": a present-tense cue closing its sentence that
        the tagger read as a plural noun heading the speaker's phrase (the clause before hangs on it)."""
        if token.pos_ != "NOUN" or token.dep_ != "ROOT" or not token.lower_.endswith("s"):
            return False
        frame = verb_frame(token.lower_[:-1])
        return (
            frame is not None
            and frame.category == "speech"
            and any(c.dep_ == "ccomp" and c.i < token.i for c in token.children)
            and all(t.is_punct for t in token.doc[token.i + 1 : token.sent.end])
        )

    @staticmethod
    def displaced_clause(verb: Token, clause: Token) -> bool:
        return clause.i < verb.i and any(
            c.dep_ == "ccomp" and c.i > verb.i and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"
            for c in verb.children
        )

    @staticmethod
    def misparsed_complement(verb: Token) -> Token | None:
        """The reported clause the parser hung elsewhere: "said after the convention he would not
        accept" (an adverbial clause with a subject of its own and no conjunction after the cue) and
        "told a meeting of leaders that few people understood …" (a "that" clause on the addressee
        whose "that" is a conjunction, not a relative pronoun)."""
        for child in verb.children:
            if (
                child.dep_ == "advcl"
                and child.i > verb.i
                and (child.tag_ in _FINITE_TAGS or any(c.tag_ in _FINITE_TAGS | {"MD"} for c in child.children if c.dep_ == "aux"))
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < child.i for c in child.children)
                and not any(c.dep_ in ("mark", "advmod") and c.i < child.i and c.lower_ != "that" for c in child.children)
            ):
                return child
        # "disclosed this while speaking with journalists on Thursday that …": the clause went to the
        # scene-setting participle.
        for child in verb.children:
            if child.dep_ == "advcl" and child.i > verb.i and child.tag_ == "VBG" and child.lemma_ in _SCENE_LEMMAS:
                clause = next(
                    (c for c in child.children if c.dep_ == "ccomp" and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark"),
                    None,
                )
                if clause is not None:
                    return clause
        # Not a phrase that completes the object ("hailed the ruling as “a recognition that …”").
        hosts = [
            c
            for c in verb.children
            if c.i > verb.i
            and (c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ not in ("as", "of", "for", "about") and not _RuleFinder.is_time_phrase(c))
        ]
        for host in hosts:
            for token in host.subtree:
                # "the claim that …" is the noun's own clause, not one the parser took from the cue; but
                # "said in a statement that …" is the cue's, whatever the parser made of the statement.
                setting = token.dep_ == "acl" and token.head.lemma_.lower() in SETTING_NOUNS
                own = token.dep_ == "relcl" and token.head.lemma_.lower() not in CUE_NOUNS
                if (own or setting) and _RuleFinder.conjunction_that(token):
                    return token
        return None

    @staticmethod
    def conjunction_that(clause: Token) -> bool:
        """A "that" opening a relative clause that is the conjunction of a reported clause: tagged as one,
        or taken for the relative pronoun object of a verb that has a subject and a complement of its
        own ("told analysts on a call that the bank expected income to decline": no gap to fill). Only asked
        of a cue with no reported clause of its own, where the conjunction reading is the likely one."""
        that = next((c for c in clause.children if c.lower_ == "that" and c.i == clause.left_edge.i), None)
        if that is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children):
            return False
        if that.dep_ in ("mark", "advmod"):  # advmod: "saying at the time that he wanted …"
            return True
        return that.dep_ == "dobj" and any(
            c.dep_ in ("ccomp", "xcomp", "dobj", "attr") and c.i != that.i for c in clause.children
        )

    def stranded_conjuncts(self, verb: Token, obj: Token) -> list[Token]:
        """"blamed the pitch, the referee and, eventually, her own defenders": the parser hung the last
        noun of the object's list on the verb; it is still the object's (everything from the list's
        end to that noun, commas and adverbs included)."""
        end = obj.right_edge.i
        for child in verb.children:
            if child.dep_ != "conj" or child.i <= end or child.pos_ not in ("NOUN", "PROPN"):
                continue
            between = self.doc[end + 1 : child.left_edge.i]
            if any(t.dep_ == "cc" for t in between) and all(t.dep_ in ("cc", "punct", "advmod") for t in between):
                return list(self.doc[end + 1 : child.right_edge.i + 1])
        return []

    def without_person_aside(self, tokens: list[Token]) -> list[Token]:
        """"praised Jeb Bush, who dropped out on Saturday": a relative clause set off by a comma that
        describes a named person and closes the content is the article's aside (PolNeAR train leaves
        it out 27 times of 41)."""
        if not tokens:
            return tokens
        last = max(t.i for t in tokens)
        while last > 0 and self.doc[last].is_punct:
            last -= 1
        for token in tokens:
            left = token.left_edge.i
            if (
                token.dep_ == "relcl"
                and token.head.ent_type_ == "PERSON"
                and token.right_edge.i == last
                and left > 0
                and self.doc[left - 1].text == ","
            ):
                return [t for t in tokens if t.i < left - 1]
        return tokens

    @staticmethod
    def is_time_phrase(prep: Token) -> bool:
        """"on Sunday", "over the weekend": when, not what about."""
        return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)

    @staticmethod
    def object_modifier(prep: Token) -> bool:
        """"to party elites" goes with the object; "to a tweet" or "to December" would not."""
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return (
            prep.lower_ in _OBJECT_MODIFIER_PREPS
            and bool(objects)
            and objects[0].lemma_.lower() not in SETTING_NOUNS
            and objects[0].ent_type_ not in ("DATE", "TIME")
        )

    @staticmethod
    def carries_request(prep: Token, obj: Token) -> bool:
        """"urged anyone with dashcam footage to come forward": the parser hung the infinitive on the
        phrase that follows the object; the phrase and the request go with the object."""
        return prep.i == obj.right_edge.i + 1 and any(
            t.dep_ == "acl" and t.head.head.i == prep.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
            for t in prep.subtree
        )

    def gapped_antecedent(self, verb: Token, clause: Token) -> list[Token]:
        """"a move he said was modeled on …", "meddling the congressman said is designed to …": a cue in
        a relative clause without a relative pronoun reports what the noun it hangs on is (the noun is
        the reported clause's missing subject)."""
        head = verb.head
        if (
            verb.dep_ != "relcl"
            or head.i > verb.i
            or clause.i < verb.i
            or any(c.dep_ in _SUBJECTS for c in clause.children)
            or any(t.lower_ in _RELATIVE_PRONOUNS | {"what"} for t in self.doc[head.i + 1 : verb.i])
        ):
            return []
        return list(self.doc[head.left_edge.i : head.i + 1])

    def fronted_content(self, verb: Token, excluded: set[int]) -> list[Token]:
        """"A happened, but B followed, the source said": a report that closes its sentence has the
        whole sentence before its source for content, not just the clause the parser hung on the cue."""
        subjects = [t.i for c in verb.children if c.dep_ in _SUBJECTS and c.i < verb.i for t in c.subtree]
        if self.verb_read_as_noun(verb):
            subjects += [t.i for t in self.source_tokens(verb) or []]
        end = min([self.cue_left(verb), *subjects])
        tokens = [t for t in self.doc[verb.sent.start : end] if t.i not in excluded]
        return tokens + self.resumed_clause(verb)

    def resumed_clause(self, verb: Token) -> list[Token]:
        """"A paid 8.9 percent, the agency said, and B paid 0.8": a clause with its own (non-pronoun)
        subject coordinated right after the interrupting cue goes on with the report (without the "and")."""
        conj = next((c for c in verb.children if c.dep_ == "conj" and c.i > verb.i), None)
        if conj is None or self.frame_of(conj) is not None:
            return []
        subjects = [c for c in conj.children if c.dep_ in _SUBJECTS]
        if not subjects or subjects[0].lower_ in _PRONOUNS:
            return []
        inside = {t.i for t in conj.subtree}
        cue_end = max(
            t.i for t in verb.subtree if t.i not in inside and t.i < conj.left_edge.i and t.dep_ not in ("cc", "punct")
        )
        gap = list(self.doc[cue_end + 1 : conj.left_edge.i])
        if not all(t.dep_ in ("cc", "punct") for t in gap) or not any(t.dep_ == "cc" for t in gap):
            return []
        return list(conj.subtree)

    def according_to_phrases(self, content: Token) -> set[int]:
        """"said the city would wait, according to the Gazette": the phrase is a source of its own."""
        phrases = (self.according_to(t) for t in content.subtree if t.lower_ == "according")
        return {i for match in phrases if match is not None for i in match[2]}

    def reported_events(self, content: Token) -> set[int]:
        """"threatened to prosecute him … after the official blamed the group": the time clause is the
        article's narration and another speaker's attribution, not part of the threat."""
        dropped: set[int] = set()
        for token in content.subtree:
            if token.dep_ != "advcl" or self.frame_of(token) is None:
                continue
            marks = [m for m in token.children if m.dep_ == "mark" and m.lower_ in _TIME_MARKS]
            if marks and any(c.dep_ == "nsubj" for c in token.children):
                dropped.update(t.i for t in token.subtree)
        return dropped

    def speaker_follow_ons(self, verb: Token, content: Token) -> set[int]:
        """The speaker's next reports the parser coordinated inside this content (``follow_on_of``)."""
        dropped: set[int] = set()
        for token in content.children:
            cue = self.follow_on_of(token)
            if cue is not None and cue.i == verb.i:
                start = token.left_edge.i
                while start > content.i and self.doc[start - 1].dep_ in ("cc", "punct"):
                    start -= 1  # ", and" before it
                dropped.update(range(start, max(t.i for t in token.subtree) + 1))
        return dropped

    def concessive_reports(self, clause: Token) -> set[int]:
        """"estimated that savings could reach £180mn, though they warned that …": a concessive clause
        with a subject and a verb of saying of its own is a report of its own, not part of this one
        (from its comma on)."""
        dropped: set[int] = set()
        for child in clause.children:
            if child.dep_ != "advcl" or child.i < clause.i:
                continue
            marks = [c for c in child.children if c.dep_ == "mark" and c.lower_ in ("though", "although", "while", "whereas")]
            frame = self.frame_of(child)
            if marks and frame is not None and frame.category == "speech" and any(c.dep_ in _SUBJECTS for c in child.children):
                start = child.left_edge.i
                while start > clause.i and self.doc[start - 1].is_punct:
                    start -= 1
                dropped.update(range(start, child.right_edge.i + 1))
        return dropped

    def follow_on_of(self, token: Token) -> Token | None:
        """"said his attacks have given him momentum and predicted that …": a subjectless verb of saying
        in the cue's tense, coordinated with the cue's content, or a participle closing it after a comma
        ("…, adding that …"), is the speaker's next report (not part of this one); returns that cue."""
        content = token.head
        if content.dep_ not in ("ccomp", "xcomp", "dobj") or content.head.i == content.i:
            return None
        cue = content.head
        if any(c.dep_ in _SUBJECTS for c in token.children) or self.frame_of(cue) is None:
            return None
        # "said the council had not discussed cuts, adding that …": a participle set off at the end.
        participle = (
            token.tag_ == "VBG"
            and token.dep_ in ("advcl", "xcomp", "conj")
            and token.i > content.i
            and self.doc[token.left_edge.i - 1].text == ","
        )
        if not participle and (token.dep_ != "conj" or token.tag_ != cue.tag_):
            return None
        frame = self.frame_of(token)
        return cue if frame is not None and frame.category == "speech" else None

    @staticmethod
    def is_question_clause(token: Token) -> bool:
        """"asked the candidate if he …": the parser hangs an indirect question on the cue as advcl."""
        return (
            token.dep_ == "advcl"
            and token.head.lemma_ in _QUESTION_LEMMAS
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in token.children)
        )

    def condition_clauses(self, verb: Token, content: Token) -> list[Token]:
        """"threatened not to show up … unless he is paid": a condition hung on the cue is content.

        Not the reporter's reason for the sourcing: "…, an official said on condition of anonymity
        because he was not authorised to speak" (a "because" after a cue that follows its content)."""
        end = max(t.i for t in content.subtree)
        clauses = []
        for c in verb.children:
            marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
            if c.dep_ != "advcl" or c.i <= end or not marks & _CONDITIONS:
                continue
            if "because" in marks and (content.i < verb.i or self.explains_sourcing(c)):
                continue
            clauses += list(c.subtree)
        return clauses

    @staticmethod
    def explains_sourcing(clause: Token) -> bool:
        """"because he was not authorized to speak publicly": why the source goes unnamed."""
        return any(t.lemma_.lower() in _SOURCING_REASONS for t in clause.subtree)

    def cue_side_tokens(self, verb: Token) -> set[int]:
        """The cue, its auxiliaries and its subject: never part of the content (relative clauses);
        nor how the source was heard (", speaking on condition of anonymity because …")."""
        excluded = {verb.i} | self.anonymity_asides | self.absolute_reports(verb)
        for c in verb.children:
            if c.dep_ in (*_SUBJECTS, *_CUE_LEFT_DEPS, "prt") and c.i < verb.i or c.dep_ == "prt":
                excluded.update(t.i for t in c.subtree)
        return excluded

    def absolute_reports(self, verb: Token) -> set[int]:
        """"expressed doubts about the laws, with Justice Kavanaugh suggesting they …": a with-clause
        whose own speaker reports something is another attribution, not part of this content."""
        dropped: set[int] = set()
        for prep in verb.subtree:
            if prep.lower_ != "with" or prep.dep_ != "prep" or prep.i < verb.i:
                continue
            for clause in prep.children:
                speaker = any(c.dep_ in _SUBJECTS for c in clause.children)
                if clause.tag_ == "VBG" and speaker and self.frame_of(clause) is not None:
                    start = prep.i - 1 if prep.i > 0 and self.doc[prep.i - 1].text == "," else prep.i
                    dropped.update(range(start, max(t.i for t in prep.subtree) + 1))
        return dropped

    @cached_property
    def anonymity_asides(self) -> set[int]:
        """", speaking on condition of anonymity because the talks were private": wherever the parser
        hangs it, the participle (with its comma) tells how the reporter got the words."""
        asides: set[int] = set()
        if "anonymity" not in self.text:
            return asides
        for token in self.doc:
            # ", speaking on condition of anonymity …" / ", who spoke on condition of anonymity …"
            if token.tag_ == "VBG" and token.dep_ in ("advcl", "acl", "conj", "xcomp") or token.dep_ == "relcl":
                subtree = list(token.subtree)
                if any(t.lower_ == "anonymity" for t in subtree):
                    first = subtree[0].i
                    if first > 0 and self.doc[first - 1].text == ",":
                        first -= 1
                    asides.update(range(first, subtree[-1].i + 1))
        return asides

    def coordinated_clause(self, verb: Token, clause: Token) -> list[Token]:
        """"maintained that A and B is dismantled": the parser hangs B off the cue; B is content."""
        extra: list[Token] = []
        clause_end = max(t.i for t in clause.subtree)
        for conj in verb.children:
            if conj.dep_ != "conj" or conj.i <= clause_end:
                continue
            if self.is_backshifted(verb, conj):
                # "said it was aware of the lawsuit and would defend itself": the reported future goes on
                self.used_cues.add(conj.i)
                extra += [t for t in self.doc[clause_end + 1 : conj.i] if t.dep_ == "cc"]
                extra += list(conj.subtree)
                continue
            if self.frame_of(conj) is not None:
                continue
            if conj.tag_ == verb.tag_ and verb.tag_ in _FINITE_TAGS:
                continue  # "claimed that A, but that wasn't true": a clause in the cue's tense is the narrator's
            if not any(c.dep_ in _SUBJECTS for c in conj.children):
                continue
            if self.doc[clause_end + 1 : conj.i].text.strip(" ,") not in ("and", "or", "but"):
                gap_tokens = self.doc[clause_end + 1 : conj.i]
                if not all(t.dep_ in ("cc", "punct") or t.head.i == conj.i for t in gap_tokens):
                    continue
            extra += [t for t in self.doc[clause_end + 1 : conj.i] if t.dep_ == "cc"]
            extra += list(conj.subtree)
        return extra

    def is_backshifted(self, verb: Token, conj: Token) -> bool:
        """A subjectless "would/could/might" verb coordinated with a past-tense cue right after its
        clause is more of what was said, not a second thing the speaker did."""
        return (
            verb.tag_ == "VBD"
            and not any(c.dep_ in _SUBJECTS for c in conj.children)
            and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "should") for c in conj.children)
            and self.doc[conj.left_edge.i - 1].dep_ == "cc"
        )

    def coordinated_infinitives(self, verb: Token, infinitive: Token) -> list[Token]:
        """"promised to triple X, grow Y and create Z": bare verbs the parser hung on the cue go on
        with the infinitive."""
        extra: list[Token] = []
        end = max(t.i for t in infinitive.subtree)
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.i > end and c.tag_ == "VB"):
            if any(c.dep_ in _SUBJECTS for c in conj.children):
                continue
            if not all(t.dep_ in ("cc", "punct") for t in self.doc[end + 1 : conj.left_edge.i]):
                break
            extra += list(self.doc[end + 1 : conj.left_edge.i]) + list(conj.subtree)
            end = max(t.i for t in conj.subtree)
        return extra

    def colon_content(self, verb: Token) -> list[Span] | None:
        """UK style "He said: the talks had failed." (an unquoted colon lead-in): the rest of the paragraph."""
        after = verb.i + 1
        # Up to the colon, only the cue's own words: "said on Monday:", "told me the same thing:".
        while after < len(self.doc) and after - verb.i <= _COLON_LEAD_MAX and self.doc[after].text != ":":
            token = self.doc[after]
            own = token.head.i == verb.i or token.head.head.i == verb.i and token.head.dep_ in ("dobj", "dative")
            if not own or token.pos_ == "VERB":
                return None
            after += 1
        if after >= len(self.doc) or self.doc[after].text != ":":
            return None
        start = self.doc[after].idx + 1
        para_end = self.paragraphs[self.paragraph_of(start)][1]
        while start < para_end and self.text[start].isspace():
            start += 1
        if start >= para_end or self.quotes.inside(start):
            return None
        spans = _token_spans(t for t in self.doc[after + 1 :] if t.idx < para_end)
        return spans or None

    def interview_pass(self) -> None:
        """An interview printed as questions and answers without speaker labels: "How bad was it?" ¶
        "The worst I have seen. …". Each answer paragraph is the interviewee's, the person the
        introduction names. Only when it reads as an interview: at least two answered questions, an
        introduction that says so ("spoke to", "interview", "Q&A"), and questions put to "you" or
        answers in the first person."""
        paragraphs = [(s, e) for s, e in self.paragraphs if self.text[s:e].strip()]
        labels = [_QA_LABEL.match(self.text, s, e) for s, e in paragraphs]
        labelled = sum(1 for m in labels if m and m.group(1)[0] == "Q") >= _INTERVIEW_MIN_QUESTIONS
        asked = [
            i
            for i, (s, e) in enumerate(paragraphs)
            if i > 0 and (labels[i].group(1)[0] == "Q" if labelled and labels[i] else self.is_interview_question(s, e))
        ]
        answers = [
            [j for j in range(i + 1, min(next((q for q in asked if q > i), len(paragraphs)), i + 1 + _ANSWER_PARAGRAPHS))]
            for i in asked
        ]
        answered = [block for block in answers if block]
        if len(answered) < _INTERVIEW_MIN_QUESTIONS:
            return
        # Questions put to "you", or answers in the first person: an explainer's "What happens next?"
        # headings do neither.
        first_person = sum(
            any(_FIRST_PERSON.search(self.text[paragraphs[j][0] : paragraphs[j][1]]) for j in block) for block in answered
        )
        addressed = sum(bool(_SECOND_PERSON.search(self.text[slice(*paragraphs[i])])) for i in asked)
        if 2 * max(first_person, addressed) < len(answered):
            return
        intro = self.text[paragraphs[0][0] : paragraphs[asked[0]][0]]
        guest = self.interviewee(paragraphs[0][0], paragraphs[asked[0]][0]) if _INTERVIEW_WORDS.search(intro) else None
        if guest is None:
            return  # questions without an introduction that says who answers them
        for block in answered:
            for j in block:
                start, end = paragraphs[j]
                if labels[j]:  # "A: …": the label is no part of the answer
                    start = labels[j].end()
                content = self.unattributed_sentences(start, end)
                if not content or self.quotes.inside(content[0][0]):
                    continue
                self.add(
                    FoundAttribution(
                        content=content, kind="direct", source=guest, cue_lemma="say", confidence=0.55, origin="rule"
                    ),
                    None,
                )

    def unattributed_sentences(self, start: int, end: int) -> list[Span]:
        """The text from ``start`` to ``end`` without the sentences another attribution reports or is
        told in ("A: Absolutely. Our own engineers estimated that …": the estimate is the engineers')."""
        taken = [span for a in self.found for part in (a.content, a.cue or [], a.source or []) for span in part]
        pieces: list[Span] = []
        skipped = False
        for sentence in self.doc.sents:
            if sentence.end_char <= start or sentence.start_char >= end:
                continue
            spans = _token_spans(t for t in sentence if start <= t.idx < end)
            if not spans or any(a < spans[-1][1] and spans[0][0] < b for a, b in taken):
                skipped = True
                continue
            if pieces and not skipped:
                pieces[-1:] = [(pieces[-1][0], spans[0][1]), *spans[1:]]  # the next sentence of one run
            else:
                pieces.extend(spans)
            skipped = False
        return pieces

    def is_interview_question(self, start: int, end: int) -> bool:
        text = self.text[start:end].strip()
        return text.endswith("?") and len(text.split()) <= _QUESTION_MAX_WORDS and not any(c in QUOTE_CHARS for c in text)

    def interviewee(self, start: int, end: int) -> list[Span] | None:
        """The first person named in full in the introduction (not a byline)."""
        for ent in self.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and start <= ent.start_char < end:
                before = self.text[max(start, ent.start_char - 4) : ent.start_char].strip().lower()
                if before != "by":
                    return [(ent.start_char, ent.end_char)]
        return None

    def experiencer_pass(self) -> None:
        """"That worries environmentalists": a verb of feeling whose subject is what is thought about
        and whose object is who thinks it (PolNeAR: the object is the source, the subject the content).
        Only people count as the object ("the rule concerns exports" is no attribution)."""
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in _EXPERIENCER_LEMMAS or self.quotes.inside(verb.idx):
                continue
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            if not subjects or not objects or not _is_people(objects[0]) or verb.dep_ == "relcl":
                continue  # "something that concerns X": the relative pronoun says nothing of its own
            content = _token_spans(subjects[0].subtree)
            source = _token_spans(objects[0].subtree)
            if not content or not source or self.overlaps_found(content):
                continue
            cue = _token_spans(self.doc[self.cue_left(verb) : verb.i + 1])  # "has long troubled"
            self.add(
                FoundAttribution(
                    content=content,
                    kind=self.kind_of(content),
                    cue=cue,
                    source=source,
                    cue_lemma=verb.lemma_.lower(),
                    confidence=0.6,
                    origin="rule",
                ),
                verb,
            )

    # 3. according to X / in a poll
    def according_to_pass(self) -> None:
        for token in self.doc:
            if self.quotes.inside(token.idx):
                continue
            match = self.according_to(token) or self.in_poll(token)
            if match is None:
                continue
            cue_end, source, phrase = match
            # "Hamdan said …, according to The Times of Israel": a named outlet is a via, not the source
            # ("Police have said …, according to attorneys for the family" is the attorneys' account).
            if self.is_outlet_phrase(source) and self.found_with_source_around(token):
                continue
            clause = token.head
            # "Police have said they will …, according to lawyers": the phrase the parser hung on the
            # reported clause vouches for the whole sentence.
            while clause.dep_ in ("prep", "pobj", "ccomp") and clause.head.i != clause.i:
                clause = clause.head
            tokens = [t for t in clause.subtree if t.i not in phrase]
            content = _token_spans(self.same_paragraph(tokens, token.idx))
            if not content:
                continue
            # "according to two officials, who spoke on condition of anonymity": how, not who.
            asides = self.source_asides(source) | self.anonymity_asides
            self.add(
                FoundAttribution(
                    content=content,
                    kind=self.kind_of(content),
                    cue=[(token.idx, cue_end.idx + len(cue_end.text))],
                    source=_token_spans(t for t in source.subtree if t.i in phrase and t.i not in asides) or None,
                    # "in a poll" types like "according to a poll": a source of information, not a speaker.
                    cue_lemma="according to",
                    confidence=0.75 if token.lower_ == "according" else 0.6,
                    origin="rule",
                ),
                None,
            )

    def according_to(self, token: Token) -> tuple[Token, Token, set[int]] | None:
        """"according to X": (last cue token, source head, the phrase's token indices)."""
        if token.lower_ != "according" or token.i + 1 >= len(self.doc) or self.doc[token.i + 1].lower_ != "to":
            return None
        to = self.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            return None
        phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        return to, objects[0], phrase - self.stray_subject(token, objects[0])

    def stray_subject(self, according: Token, source: Token) -> set[int]:
        """"According to Madhusudhan, a further 16 hours could settle it": with a subjectless clause the
        parser took the clause's subject for an apposition of the source; it goes back to the clause."""
        clause = according.head
        if any(c.dep_ in _SUBJECTS for c in clause.children):
            return set()
        for child in source.children:
            if child.dep_ == "appos" and child.i > source.i and self.doc[child.left_edge.i - 1].text == ",":
                return {t.i for t in child.subtree} | {child.left_edge.i - 1}
        return set()

    def in_poll(self, token: Token) -> tuple[Token, Token, set[int]] | None:
        """"In a CBS News poll released Monday, Clinton led by 5 points": the poll is the source of the
        clause it modifies (PolNeAR marks the preposition as the cue)."""
        if token.lower_ != "in" or token.dep_ != "prep" or not _is_verbal(token.head):
            return None
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in _EVIDENCE_NOUNS]
        if not objects:
            return None
        if not any(c.dep_ in _SUBJECTS for c in token.head.children):
            return None
        return token, objects[0], {t.i for t in token.subtree}

    @staticmethod
    def is_outlet_phrase(source: Token) -> bool:
        """A name ("The Times of Israel") or a news-medium noun ("the Interfax news agency")."""
        return source.pos_ == "PROPN" or (
            source.lemma_.lower() in (*MEDIA_NOUNS, "agency") and any(t.pos_ == "PROPN" for t in source.subtree)
        )

    def found_with_source_around(self, token: Token) -> bool:
        """Whether a speaker's report ("Hamdan said …") has its cue in this sentence (and paragraph).

        Only reports make the "according to" outlet a via; a belief or plan in the sentence ("Clinton
        plans to visit …, according to an aide") is itself what the named source says.
        """
        sentence: SpacySpan = token.sent
        paragraph = self.paragraphs[self.paragraph_of(token.idx)]
        start, end = max(sentence.start_char, paragraph[0]), min(sentence.end_char, paragraph[1])
        return any(
            attribution.source and attribution.cue and start <= attribution.cue[0][0] < end
            and (attribution.cue_lemma in _REPORT_LEMMAS or _is_speech_cue(attribution.cue_lemma))
            for attribution in self.found
        )

    # 4. cue nouns with a that-clause
    def noun_pass(self) -> None:
        for token in self.doc:
            frame = CUE_NOUNS.get(token.lemma_.lower())
            if frame is None or token.pos_ != "NOUN" or self.quotes.inside(token.idx):
                continue
            clause = next(
                (
                    c
                    for c in token.children
                    if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
                ),
                None,
            )
            if clause is None:
                continue
            content = _token_spans(self.same_paragraph(clause.subtree, token.idx))
            if not content or self.overlaps_found(content):
                continue
            owners = [c for c in token.children if c.dep_ == "poss"]
            agents = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
            source_token = (owners or agents or [None])[0]
            self.add(
                FoundAttribution(
                    content=content,
                    kind=self.kind_of(content),
                    cue=[(token.idx, token.idx + len(token.text))],
                    source=_token_spans(source_token.subtree) if source_token is not None else None,
                    cue_lemma=frame.lemma,
                    confidence=frame.weight,
                    origin="rule",
                ),
                None,
            )

    def overlaps_found(self, content: list[Span]) -> bool:
        return any(_overlap_share(a.content, content) >= 0.5 for a in self.found)

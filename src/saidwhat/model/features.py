"""Per-token features for the CRF, computed from the one spaCy parse the engine already has.

Cheap by design (one pass over the tokens, a walk up the dependency tree per token, no second
model): lexical identity and context, the parse (dep, head, path to the nearest cue-like word),
quote state, named entities, and where the token sits in its sentence and paragraph.

``CueLexicon`` holds how often each lemma was a cue in the training data; it is learned from the
training split only and shipped with the model, so the features at prediction time match training.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

OPEN_QUOTES = frozenset("“«")
CLOSE_QUOTES = frozenset("”»")
AMBIGUOUS_QUOTES = frozenset('"')
# Words that introduce reported speech or thought in news even when the training data is thin on them.
SPEECH_LEMMAS = frozenset(
    """say tell add note explain claim insist argue maintain assert accuse blame allege charge criticize
    slam blast condemn deny dispute reject refuse dismiss threaten warn caution ask urge demand appeal
    agree accept admit acknowledge concede confirm promise pledge vow praise hail thank endorse question
    wonder predict forecast expect believe think feel know fear hope want plan intend seek report write
    announce declare state suggest recall describe call tweet post reveal estimate worry contend counter
    respond reply complain joke quip emphasize stress accord""".split()
)
_MAX_PATH = 12


# Levels whose words count as cues when the parse is walked up to the nearest cue.
_CUE_LIKE_LEVELS = frozenset({"high", "mid", "speech"})


@dataclass(frozen=True)
class CueLexicon:
    """lemma -> share of its training occurrences tagged as (part of) a cue."""

    rates: Mapping[str, float]

    def level(self, lemma: str) -> str:
        rate = self.rates.get(lemma)
        if rate is None:
            return "speech" if lemma in SPEECH_LEMMAS else "none"
        if rate >= 0.5:
            return "high"
        if rate >= 0.2:
            return "mid"
        if rate >= 0.05:
            return "low"
        return "speech" if lemma in SPEECH_LEMMAS else "none"


def _bucket(value: int, edges: Sequence[int]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _quote_states(tokens: Sequence[Token]) -> list[int]:
    """1 inside a quotation, 0 outside; state resets at paragraph breaks (a new paragraph reopens quotes)."""
    states = []
    inside = False
    previous_end = 0
    text = tokens[0].doc.text if tokens else ""
    for token in tokens:
        if "\n" in text[previous_end : token.idx]:
            inside = False
        char = token.text
        if char in OPEN_QUOTES:
            inside = True
            states.append(1)
        elif char in CLOSE_QUOTES:
            states.append(1)
            inside = False
        elif char in AMBIGUOUS_QUOTES:
            states.append(1)
            inside = not inside
        else:
            states.append(int(inside))
        previous_end = token.idx + len(token)
    return states


def _quote_distances(tokens: Sequence[Token]) -> tuple[list[int], list[int]]:
    """Token distance to the nearest quote mark before and after each token (large when none)."""
    far = 10_000
    before, after = [far] * len(tokens), [far] * len(tokens)
    last = -far
    for i, token in enumerate(tokens):
        before[i] = i - last
        if _is_quote(token.text):
            last = i
    nxt = far * 2
    for i in range(len(tokens) - 1, -1, -1):
        after[i] = nxt - i
        if _is_quote(tokens[i].text):
            nxt = i
    return before, after


def _is_quote(text: str) -> bool:
    return text in OPEN_QUOTES or text in CLOSE_QUOTES or text in AMBIGUOUS_QUOTES


def _path_to_cue(i: int, head: Sequence[int], dep: Sequence[str], level: Sequence[str]) -> tuple[str, str, str, int] | None:
    """Walk up from doc token ``i`` to the nearest cue-like ancestor: (its lemma level, the dep under it,
    the dep path's last two steps, depth). None when no ancestor is cue-like. The root counts as its
    own head, so a cue-like root verb gets the path (level, "ROOT", "ROOT", 1)."""
    deps: list[str] = []
    current = i
    for depth in range(1, _MAX_PATH + 1):
        up = head[current]
        deps.append(dep[current])
        if level[up] in _CUE_LIKE_LEVELS:
            return level[up], dep[current], ">".join(deps[-2:]), depth
        if up == current:
            return None
        current = up
    return None


def doc_features(doc: Doc, tokens: Sequence[Token], lexicon: CueLexicon) -> list[list[str]]:
    """One list of feature strings per sequence token."""
    if not tokens:
        return []
    text = doc.text
    quoted = _quote_states(tokens)
    before_quote, after_quote = _quote_distances(tokens)
    # Per doc token (indexed by token.i): read each spaCy attribute once.
    d_lemma = [t.lemma_.lower() for t in doc]
    levels = {lm: lexicon.level(lm) for lm in set(d_lemma)}
    d_level = [levels[lm] for lm in d_lemma]
    d_dep = [t.dep_ for t in doc]
    d_pos = [t.pos_ for t in doc]
    d_head = [t.head.i for t in doc]
    d_kids: list[set[str]] = [set() for _ in doc]
    d_subject = ["none"] * len(doc)
    for j, up in enumerate(d_head):
        if up != j and d_dep[j] in _CUE_CHILD_DEPS:
            d_kids[up].add(d_dep[j])
        if up != j and d_dep[j] in ("nsubj", "nsubjpass"):
            d_subject[up] = _subject_kind(doc[j])
    governor = _governing_verbs(d_head, d_pos)
    lower = [t.lower_ for t in tokens]
    tag = [t.tag_ for t in tokens]
    lemma = [d_lemma[t.i] for t in tokens]
    level = [d_level[t.i] for t in tokens]

    sentence_facts: dict[int, tuple[str, str, int, bool]] = {}
    sentence_start = [0] * len(doc)
    for sent in doc.sents:
        sentence_start[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
        has_quote = any(_is_quote(t.text) for t in sent)
        best = max(
            (lexicon.rates.get(d_lemma[j], 0.0) for j in range(sent.start, sent.end) if d_pos[j] in _SENTENCE_CUE_POS),
            default=0.0,
        )
        opens_paragraph = sent.start == 0 or "\n" in text[doc[sent.start - 1].idx : sent[0].idx]
        sentence_facts[sent.start] = (
            "q" if has_quote else "nq",
            "cue" if best >= 0.5 else ("weak" if best >= 0.2 else "none"),
            sent.end,
            opens_paragraph,
        )

    nearest_cue = _nearest_cue_offsets(d_level, sentence_start)
    features: list[list[str]] = []
    n = len(tokens)
    for i, token in enumerate(tokens):
        ti = token.i
        start = sentence_start[ti]
        sent_quote, sent_cue, sent_end, opens_paragraph = sentence_facts[start]
        in_sent = ti - start
        up = d_head[ti]
        dep, head_lemma, head_level = d_dep[ti], d_lemma[up], d_level[up]
        f = [
            "bias",
            "w=" + lower[i],
            "lm=" + lemma[i],
            "t=" + tag[i],
            "p=" + d_pos[ti],
            "d=" + dep,
            "sh=" + token.shape_[:4],
            "cl=" + level[i],
            "q=" + str(quoted[i]),
            "qb=" + _bucket(before_quote[i], (1, 2, 4, 8, 20)),
            "qa=" + _bucket(after_quote[i], (1, 2, 4, 8, 20)),
            "sq=" + sent_quote,
            "sc=" + sent_cue,
            "hl=" + head_lemma,
            "hd=" + d_dep[up],
            "hp=" + d_pos[up],
            "hcl=" + head_level,
            "d|hcl=" + dep + "|" + head_level,
            "d|hl=" + dep + "|" + head_lemma,
            "ss=" + ("1" if in_sent == 0 else "0"),
            "se=" + ("1" if ti == sent_end - 1 else "0"),
            "sp=" + _bucket(in_sent, (0, 1, 3, 6, 12, 25)),
            "ps=" + ("1" if opens_paragraph else "0"),
            "e=" + (token.ent_iob_ + token.ent_type_ if token.ent_type_ else "O"),
        ]
        offset = nearest_cue[ti]
        if offset is None:
            f.append("nc=none")
        else:
            f.append("nc=" + ("-" if offset < 0 else "+") + _bucket(abs(offset), (0, 1, 2, 4, 8, 16)))
        if d_pos[ti] in ("VERB", "AUX"):
            f.append("vkids=" + "+".join(sorted(d_kids[ti])))
            f.append("subj=" + d_subject[ti])
            f.append("cl|subj=" + level[i] + "|" + d_subject[ti])
        # The verb this token's clause hangs from: content of indirect speech sits under a cue verb.
        verb = governor[ti]
        if verb is None:
            f.append("gv=none")
        else:
            verb_at, verb_depth = verb
            f += [
                "gv=" + d_lemma[verb_at],
                "gvl=" + d_level[verb_at],
                "gvl|gvn=" + d_level[verb_at] + "|" + _bucket(verb_depth, (1, 2, 4, 8)),
                "gvl|q=" + d_level[verb_at] + "|" + str(quoted[i]),
            ]
        path = _path_to_cue(ti, d_head, d_dep, d_level)
        if path is None:
            f.append("path=none")
        else:
            cue_level, dep_under, tail, depth = path
            f += [
                "pd=" + dep_under,
                "pt=" + tail,
                "pl=" + cue_level,
                "pn=" + _bucket(depth, (1, 2, 3, 5, 8)),
                "pd|q=" + dep_under + "|" + str(quoted[i]),
            ]
        if level[i] != "none":
            f.append("kids=" + "+".join(sorted(d_kids[ti])))
            f.append("cl|d=" + level[i] + "|" + dep)
            # A cue-like word that takes a clause ("said [that ...]", "wants [to ...]") is a cue.
            takes_clause = bool(d_kids[ti] & {"ccomp", "xcomp"})
            f.append("cl|comp=" + level[i] + "|" + ("1" if takes_clause else "0"))
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                f.append(f"{offset}w={lower[j]}")
                f.append(f"{offset}t={tag[j]}")
                f.append(f"{offset}cl={level[j]}")
        if i > 0:
            f.append(f"-1lm|lm={lemma[i - 1]}|{lemma[i]}")
            f.append(f"-1q|q={quoted[i - 1]}|{quoted[i]}")
        if i + 1 < n:
            f.append(f"lm|+1lm={lemma[i]}|{lemma[i + 1]}")
        features.append(f)
    return features


def _subject_kind(subject: Token) -> str:
    """What a verb's subject is: a person/organisation name, a pronoun, another entity, or a common noun."""
    entity = subject.ent_type_ or ""
    if entity in ("PERSON", "ORG", "NORP", "GPE"):
        return entity
    if subject.pos_ == "PRON":
        return "PRON"
    return "ENT" if entity else subject.pos_


def _governing_verbs(head: Sequence[int], pos: Sequence[str]) -> list[tuple[int, int] | None]:
    """For each doc token: (index, depth) of its nearest verb ancestor (not itself), None at the root."""
    found: list[tuple[int, int] | None] = []
    for i in range(len(head)):
        current, result = i, None
        for depth in range(1, _MAX_PATH + 1):
            up = head[current]
            if up == current:
                break
            if pos[up] == "VERB":
                result = (up, depth)
                break
            current = up
        found.append(result)
    return found


def _nearest_cue_offsets(level: Sequence[str], sentence_start: list[int]) -> list[int | None]:
    """Signed token offset from each doc token to the nearest cue-like word of its sentence (None if none)."""
    cue_like = [lv in ("high", "mid") for lv in level]
    size = len(level)
    offsets: list[int | None] = [None] * size
    last: int | None = None
    for i in range(size):
        if sentence_start[i] == i:
            last = None
        if cue_like[i]:
            last = i
        if last is not None:
            offsets[i] = last - i
    following: int | None = None
    for i in range(size - 1, -1, -1):
        if cue_like[i]:
            following = i
        if following is not None and sentence_start[following] == sentence_start[i]:
            if offsets[i] is None or following - i < -offsets[i]:
                offsets[i] = following - i
        if sentence_start[i] == i:
            following = None
    return offsets


_SENTENCE_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP"})
_CUE_CHILD_DEPS = frozenset({"nsubj", "nsubjpass", "ccomp", "dobj", "xcomp", "dative", "prep", "agent", "advcl"})

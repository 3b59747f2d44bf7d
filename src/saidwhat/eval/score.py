"""Metric definitions for scoring attributions against gold annotations.

These definitions are fixed so that numbers are comparable with other tools (docs/benchmarks.md):

* **Span normal form.** Each piece of a (possibly discontinuous) span is trimmed of surrounding
  whitespace, quotation marks and punctuation (Unicode categories ``P*``). Pieces that trim to
  nothing are dropped. Pieces are sorted, and pieces that overlap, touch, or are separated only by
  whitespace are merged: trimming already treats whitespace as carrying no text, so ``"a b"`` as one
  piece and as two pieces ``"a"``, ``"b"`` are the same span. A span is the tuple of its pieces; a
  span whose every piece trims to nothing counts as no span.
* **Exact role F1** (cue, source, content): per article, the set of predicted spans of the role
  against the set of gold spans; a span is correct only if every piece is equal. Counts are summed
  over the corpus (micro-average).
* **Linked F1**: a predicted statement matches a gold attribution when their contents (normal
  form) overlap by at least half of the shorter content's characters and their sources (normal
  form) overlap by at least one character (or both have none). Pairs are assigned one to one by maximum bipartite
  matching (augmenting paths, trying larger content overlaps first). Gold attributions without a
  content cannot be linked and are left out of linked F1 (their count is reported).
* **Speaker accuracy**: over the linked gold attributions whose canonical referent is a PERSON,
  ORG or GPE, the share whose predicted speaker name agrees: the same last name token for PERSON
  (case, accents, titles, suffixes like "Jr.", stop words and parenthesised notes ignored), any shared word
  otherwise, ignoring ``NAME_STOP_WORDS``.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Span = tuple[int, int]
NormalSpan = tuple[Span, ...]

ROLES = ("cue", "source", "content")
SPEAKER_TYPES = frozenset({"PERSON", "ORG", "GPE"})

# Words that never decide whether two organisation/place names agree: function words and legal-form
# suffixes ("The New York Times" and "The Washington Post" must not agree on "the").
NAME_STOP_WORDS = frozenset(
    "the a an of and for in on at to by with de la le du der von van & co corp corporation inc "
    "incorporated llc ltd plc".split()
)
# Titles and name suffixes ignored when taking a person's last name.
PERSON_TITLES = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev fr sen senator rep representative gov governor "
    "pres president vp vice secretary sec gen general col lt capt judge justice mayor chairman "
    "chairwoman chair speaker minister prime king queen prince princess pope sheikh"
    .split()
)
PERSON_SUFFIXES = frozenset("jr sr ii iii iv v phd md esq".split())

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_PARENTHESISED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_POSSESSIVE = re.compile(r"['’]s?$")


def _is_trimmable(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def trim_piece(text: str, span: Span) -> Span | None:
    """The piece without surrounding whitespace, quotation marks and punctuation; None if nothing is left."""
    start, end = max(0, span[0]), min(len(text), span[1])
    while start < end and _is_trimmable(text[start]):
        start += 1
    while end > start and _is_trimmable(text[end - 1]):
        end -= 1
    return (start, end) if start < end else None


def normalise_span(text: str, spans: Iterable[Span] | None) -> NormalSpan:
    """The normal form of a (possibly discontinuous) span; ``()`` when it has no text."""
    pieces = sorted(p for p in (trim_piece(text, s) for s in spans or ()) if p is not None)
    merged: list[Span] = []
    for start, end in pieces:
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def span_length(span: NormalSpan) -> int:
    return sum(end - start for start, end in span)


def overlap(a: NormalSpan, b: NormalSpan) -> int:
    """Characters two normal spans share (their pieces are sorted and disjoint)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


@dataclass
class Counts:
    """True positives, false positives and false negatives, summed for a micro-average."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class GoldItem:
    """One gold attribution: raw spans (None when the role is absent) and its canonical referent."""

    id: str
    cue: list[Span] | None
    source: list[Span] | None
    content: list[Span] | None
    speaker: str | None = None  # canonical referent, e.g. "Hillary Clinton"
    speaker_type: str | None = None  # PERSON, ORG, GPE, GENERIC, UNRESOLVABLE


@dataclass
class PredictedItem:
    """One predicted statement, as any system reports it."""

    cue: list[Span] | None
    source: list[Span] | None
    content: list[Span] | None
    speaker_name: str | None = None  # the resolved entity's name (or source text for systems without entities)


def role_sets(text: str, items: Sequence[GoldItem | PredictedItem], role: str) -> set[NormalSpan]:
    return {s for s in (normalise_span(text, getattr(item, role)) for item in items) if s}


def role_counts(text: str, gold: Sequence[GoldItem], predicted: Sequence[PredictedItem], role: str) -> Counts:
    """Exact-match counts of one role in one article."""
    gold_set, predicted_set = role_sets(text, gold, role), role_sets(text, predicted, role)
    hits = len(gold_set & predicted_set)
    return Counts(tp=hits, fp=len(predicted_set) - hits, fn=len(gold_set) - hits)


DOUBLE_QUOTES = frozenset('"“”„‟«»')
GOLD_KINDS = ("direct", "mixed", "indirect")


def content_kind(text: str, spans: Sequence[Span] | None) -> str:
    """How a content is quoted: "direct" (every piece is a quotation), "mixed" (has a quotation
    mark), else "indirect". Only double quotation marks count: single ones are also apostrophes."""
    pieces = [text[s:e].strip() for s, e in spans or ()]
    pieces = [p for p in pieces if p]
    if pieces and all(p[0] in DOUBLE_QUOTES and p.rstrip(",.;:!?")[-1:] in DOUBLE_QUOTES for p in pieces):
        return "direct"
    return "mixed" if any(c in DOUBLE_QUOTES for p in pieces for c in p) else "indirect"


def link_score(text: str, gold: GoldItem, predicted: PredictedItem) -> int:
    """The content overlap if the pair may be linked, else 0."""
    gold_content = normalise_span(text, gold.content)
    predicted_content = normalise_span(text, predicted.content)
    if not gold_content or not predicted_content:
        return 0
    shared = overlap(gold_content, predicted_content)
    if shared == 0 or 2 * shared < min(span_length(gold_content), span_length(predicted_content)):
        return 0
    gold_source = normalise_span(text, gold.source)
    predicted_source = normalise_span(text, predicted.source)
    if not gold_source and not predicted_source:
        return shared
    if gold_source and predicted_source and overlap(gold_source, predicted_source) > 0:
        return shared
    return 0


def maximum_matching(weights: dict[tuple[int, int], int], n_left: int) -> dict[int, int]:
    """Maximum bipartite matching ``left -> right`` over the edges in ``weights``.

    Kuhn's augmenting paths; each left node tries its heavier edges first, so among maximum
    matchings the found one tends to pair the largest overlaps (what the error listing shows).
    """
    edges: dict[int, list[int]] = {i: [] for i in range(n_left)}
    for (left, right), weight in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0])):
        edges[left].append(right)
    owner: dict[int, int] = {}  # right -> left

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(n_left):
        augment(left, set())
    return {left: right for right, left in owner.items()}


def link(text: str, gold: Sequence[GoldItem], predicted: Sequence[PredictedItem]) -> dict[int, int]:
    """One-to-one links ``gold index -> predicted index``."""
    weights = {}
    for g, gold_item in enumerate(gold):
        for p, predicted_item in enumerate(predicted):
            score = link_score(text, gold_item, predicted_item)
            if score:
                weights[(g, p)] = score
    return maximum_matching(weights, len(gold))


def linkable(gold: Sequence[GoldItem], text: str) -> list[int]:
    """Indices of gold attributions that have a content, the only ones linked F1 counts."""
    return [i for i, item in enumerate(gold) if normalise_span(text, item.content)]


def linked_counts(n_linkable_gold: int, n_predicted: int, n_links: int) -> Counts:
    return Counts(tp=n_links, fp=n_predicted - n_links, fn=n_linkable_gold - n_links)


def _words(name: str) -> list[str]:
    """Lower-case, accent-free words of a name, with parenthesised notes and possessives removed."""
    name = _PARENTHESISED.sub(" ", name)
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [_POSSESSIVE.sub("", w) for w in _WORD.findall(plain.casefold())]


def last_name(name: str) -> str | None:
    """The last name token of a person's name, ignoring titles, suffixes like "Jr." and stop words.

    Stop words and titles matter for appositions such as "Obama, the president".
    """
    ignored = PERSON_TITLES | PERSON_SUFFIXES | NAME_STOP_WORDS
    words = [w for w in _words(name) if w not in ignored]
    return words[-1] if words else None


def name_words(name: str) -> set[str]:
    return {w for w in _words(name) if w not in NAME_STOP_WORDS}


def speaker_agrees(gold_name: str, gold_type: str, predicted_name: str | None) -> bool:
    """Whether a predicted speaker name agrees with the gold referent (see module docstring)."""
    if not predicted_name:
        return False
    if gold_type == "PERSON":
        gold_last = last_name(gold_name)
        return gold_last is not None and gold_last == last_name(predicted_name)
    return bool(name_words(gold_name) & name_words(predicted_name))


@dataclass
class SpeakerCounts:
    correct: int = 0
    scored: int = 0  # linked gold attributions with a PERSON/ORG/GPE referent
    gold_total: int = 0  # all gold attributions with a PERSON/ORG/GPE referent (linked or not)

    def add(self, other: SpeakerCounts) -> None:
        self.correct += other.correct
        self.scored += other.scored
        self.gold_total += other.gold_total

    @property
    def accuracy(self) -> float:
        return self.correct / self.scored if self.scored else 0.0

    def as_dict(self) -> dict:
        return {
            "accuracy": round(self.accuracy, 4),
            "correct": self.correct,
            "scored": self.scored,
            "gold_total": self.gold_total,
        }


def has_referent(item: GoldItem) -> bool:
    return bool(item.speaker) and item.speaker_type in SPEAKER_TYPES


@dataclass
class ArticleScore:
    """Everything scored for one system on one article (also what the error listing reads)."""

    roles: dict[str, Counts]
    linked: Counts
    links: dict[int, int]  # gold index -> predicted index
    unlinkable_gold: int
    speaker: SpeakerCounts | None
    wrong_speakers: list[int] = field(default_factory=list)  # gold indices
    # Gold kind -> [linked, linkable gold]: which kinds of attribution a system misses.
    by_kind: dict[str, list[int]] = field(default_factory=dict)


def score_article(
    text: str, gold: Sequence[GoldItem], predicted: Sequence[PredictedItem], *, with_speakers: bool
) -> ArticleScore:
    links = link(text, gold, predicted)
    linkable_gold = linkable(gold, text)
    n_linkable = len(linkable_gold)
    by_kind = {kind: [0, 0] for kind in GOLD_KINDS}
    for g in linkable_gold:
        counts = by_kind[content_kind(text, gold[g].content)]
        counts[0] += g in links
        counts[1] += 1
    speaker = None
    wrong: list[int] = []
    if with_speakers:
        speaker = SpeakerCounts()
        for g, item in enumerate(gold):
            if not has_referent(item):
                continue
            speaker.gold_total += 1
            if g not in links:
                continue
            speaker.scored += 1
            if speaker_agrees(item.speaker, item.speaker_type, predicted[links[g]].speaker_name):
                speaker.correct += 1
            else:
                wrong.append(g)
    return ArticleScore(
        roles={role: role_counts(text, gold, predicted, role) for role in ROLES},
        linked=linked_counts(n_linkable, len(predicted), len(links)),
        links=links,
        unlinkable_gold=len(gold) - n_linkable,
        speaker=speaker,
        wrong_speakers=wrong,
        by_kind=by_kind,
    )


@dataclass
class SystemTotals:
    """Corpus totals of one system: micro-averaged counts."""

    roles: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    linked: Counts = field(default_factory=Counts)
    speaker: SpeakerCounts | None = None
    unlinkable_gold: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=lambda: {kind: [0, 0] for kind in GOLD_KINDS})

    def add(self, article: ArticleScore) -> None:
        for role in ROLES:
            self.roles[role].add(article.roles[role])
        self.linked.add(article.linked)
        self.unlinkable_gold += article.unlinkable_gold
        for kind, (linked, total) in article.by_kind.items():
            self.by_kind[kind][0] += linked
            self.by_kind[kind][1] += total
        if article.speaker is not None:
            if self.speaker is None:
                self.speaker = SpeakerCounts()
            self.speaker.add(article.speaker)

    def as_dict(self) -> dict:
        return {
            **{role: self.roles[role].as_dict() for role in ROLES},
            "linked": self.linked.as_dict(),
            "unlinkable_gold": self.unlinkable_gold,
            "speaker": self.speaker.as_dict() if self.speaker is not None else None,
            "linked_recall_by_gold_kind": {
                kind: {"recall": round(linked / total, 4) if total else 0.0, "linked": linked, "gold": total}
                for kind, (linked, total) in self.by_kind.items()
            },
        }

    def statistics(self) -> dict[str, float]:
        """The headline numbers: F1 of each role and of linking, and speaker accuracy."""
        values = {role: self.roles[role].f1 for role in ROLES}
        values["linked"] = self.linked.f1
        if self.speaker is not None:
            values["speaker"] = self.speaker.accuracy
        return values


def bootstrap_intervals(
    articles: Sequence[ArticleScore], *, samples: int = 1000, level: float = 0.95, seed: int = 0
) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap intervals of the headline numbers, resampling articles with replacement.

    Articles, not attributions, are the unit: attributions of one article are not independent. The
    seed is fixed so a report is reproducible.
    """
    if not articles:
        return {}
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(samples):
        totals = SystemTotals()
        for _ in range(len(articles)):
            totals.add(articles[rng.randrange(len(articles))])
        for name, value in totals.statistics().items():
            draws.setdefault(name, []).append(value)
    tail = (1.0 - level) / 2
    intervals = {}
    for name, values in draws.items():
        values.sort()
        low = values[int(tail * (len(values) - 1))]
        high = values[int(round((1.0 - tail) * (len(values) - 1)))]
        intervals[name] = (round(low, 4), round(high, 4))
    return intervals

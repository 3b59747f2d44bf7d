"""Tag chunks -> attributions: group each cue with its source and content pieces.

The CRF says which tokens are cue, source or content; it does not say which belong together.
Each source and content chunk joins the cue it is linked to in the parse (the cue is its ancestor,
or it is the cue's), else the nearest cue, preferring the same sentence. This covers the
"“…,” he said" pattern (content before the cue, same or previous sentence), split quotes
("“A,” she said, “B.”": two content pieces, one cue) and contents running over several sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from saidwhat.model.features import AMBIGUOUS_QUOTES, CLOSE_QUOTES, OPEN_QUOTES
from saidwhat.model.tags import Chunk, chunks
from saidwhat.records import FoundAttribution, Span

# How far (in sentence boundaries) a piece may sit from its cue.
MAX_SENTENCES_AWAY = {"SOURCE": 1, "CONTENT": 1}
_SENTENCE_COST = 40
_LINK_BONUS = 60
# Larger than in-paragraph costs (pieces sit at most a sentence from their cue): a cue of the piece's own paragraph wins.
_PARAGRAPH_COST = 300
# Dependents of a cue that stand in for a role the CRF left empty (see _untagged_dependent).
_FALLBACK_DEPS = {"CONTENT": frozenset({"ccomp"}), "SOURCE": frozenset({"nsubj"})}
_SKIPPED_CUE_DEPS = frozenset({"aux", "auxpass", "neg"})
_QUOTES = OPEN_QUOTES | CLOSE_QUOTES | AMBIGUOUS_QUOTES | frozenset("‘’")


@dataclass
class _Group:
    cue: Chunk
    sources: list[tuple[float, Chunk]] = field(default_factory=list)
    contents: list[Chunk] = field(default_factory=list)


def decode(tokens: Sequence[Token], tags: Sequence[str], confidences: Sequence[float]) -> list[FoundAttribution]:
    """Attributions from one tagged sequence; ``confidences[i]`` is the marginal of token i's tag."""
    found_chunks = chunks(tags)
    cues = [c for c in found_chunks if c.role == "CUE"]
    if not cues:
        return []
    sentence_of = _sentence_indexes(tokens)
    paragraph_of = _paragraph_indexes(tokens)
    groups = [_Group(cue) for cue in cues]
    for chunk in found_chunks:
        if chunk.role == "CUE":
            continue
        best = _best_cue(chunk, groups, tokens, sentence_of, paragraph_of)
        if best is None:
            continue
        cost, group = best
        if chunk.role == "SOURCE":
            group.sources.append((cost, chunk))
        else:
            group.contents.append(chunk)
    text = tokens[0].doc.text
    position = {token.i: n for n, token in enumerate(tokens)}
    found = []
    for group in groups:
        if group.contents:
            group.contents = _complete_complement(group.cue, group.contents, tokens, tags, position)
        else:
            complement = _untagged_dependent(group.cue, "CONTENT", tokens, tags, position)
            if complement is None:
                continue
            group.contents.append(complement)
        parts = [group.cue, *group.contents]
        source = min(group.sources, key=lambda pair: pair[0])[1] if group.sources else None
        if source is None:
            source = _untagged_dependent(group.cue, "SOURCE", tokens, tags, position)
        if source is not None:
            parts.append(source)
        content_spans = sorted(_span(tokens, c) for c in group.contents)
        found.append(
            FoundAttribution(
                content=content_spans,
                kind=_kind(text, content_spans),
                cue=[_span(tokens, group.cue, trim=True)],
                source=[_span(tokens, source, trim=True)] if source is not None else None,
                cue_lemma=_cue_lemma(tokens[group.cue.start : group.cue.end]),
                confidence=_mean(confidences[i] for part in parts for i in range(part.start, part.end)),
                origin="model",
            )
        )
    found.sort(key=lambda a: a.content[0])
    return found


def _untagged_dependent(
    cue: Chunk, role: str, tokens: Sequence[Token], tags: Sequence[str], position: dict[int, int]
) -> Chunk | None:
    """A role the CRF left empty, read off the parse: the cue's clausal complement as content ("said
    [that …]", "[prices will rise], analysts warned") or its subject as source, when none of those
    tokens is tagged. Short texts without a headline gain most: PolNeAR articles open with a headline,
    so the CRF is shy of tagging an article's first tokens."""
    for piece in _dependent_chunks(cue, role, tokens, position):
        if all(tags[k] == "O" for k in range(piece.start, piece.end)):
            return piece
    return None


def _complete_complement(
    cue: Chunk, contents: list[Chunk], tokens: Sequence[Token], tags: Sequence[str], position: dict[int, int]
) -> list[Chunk]:
    """Content pieces inside the cue's clausal complement, grown to the whole complement when the CRF
    stopped short ("said [the road] would reopen" -> "said [the road would reopen]"). Only untagged
    tokens are absorbed: a piece never swallows another role."""
    for complement in _dependent_chunks(cue, "CONTENT", tokens, position):
        inside = [c for c in contents if complement.start <= c.start and c.end <= complement.end]
        if not inside:
            continue
        covered = {i for c in inside for i in range(c.start, c.end)}
        rest = range(complement.start, complement.end)
        if all(i in covered or tags[i] == "O" for i in rest):
            return sorted([c for c in contents if c not in inside] + [complement], key=lambda c: c.start)
    return contents


def _dependent_chunks(cue: Chunk, role: str, tokens: Sequence[Token], position: dict[int, int]) -> list[Chunk]:
    """The subtrees of the cue's dependents that can fill ``role`` (ccomp for content, nsubj for source),
    as chunks of sequence positions; subtrees that contain the cue are skipped."""
    found = []
    deps = _FALLBACK_DEPS[role]
    cue_ids = {tokens[i].i for i in range(cue.start, cue.end)}
    for i in range(cue.start, cue.end):
        for child in tokens[i].children:
            if child.dep_ not in deps or child.i in cue_ids:
                continue
            start, end = position.get(child.left_edge.i), position.get(child.right_edge.i)
            if start is None or end is None or start <= cue.start <= end:
                continue
            found.append(Chunk(role, start, end + 1))
    return found


def _sentence_indexes(tokens: Sequence[Token]) -> list[int]:
    """The sentence number of each sequence token."""
    if not tokens:
        return []
    doc = tokens[0].doc
    number_at = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        number_at[sent.start : sent.end] = [number] * (sent.end - sent.start)
    return [number_at[token.i] for token in tokens]


def _paragraph_indexes(tokens: Sequence[Token]) -> list[int]:
    """The paragraph number of each sequence token (a line break between two tokens starts a paragraph)."""
    text = tokens[0].doc.text if tokens else ""
    indexes, current, previous_end = [], 0, None
    for token in tokens:
        if previous_end is not None and "\n" in text[previous_end : token.idx]:
            current += 1
        indexes.append(current)
        previous_end = token.idx + len(token)
    return indexes


def _best_cue(
    chunk: Chunk, groups: list[_Group], tokens: Sequence[Token], sentence_of: list[int], paragraph_of: list[int]
) -> tuple[float, _Group] | None:
    first_sentence, last_sentence = sentence_of[chunk.start], sentence_of[chunk.end - 1]
    limit = MAX_SENTENCES_AWAY[chunk.role]
    governors, members = _governors(chunk, tokens)
    best: tuple[float, _Group] | None = None
    for group in groups:
        cue = group.cue
        cue_sentence = sentence_of[cue.start]
        if first_sentence <= cue_sentence <= last_sentence:
            sentences_away = 0
        else:
            sentences_away = min(abs(cue_sentence - first_sentence), abs(cue_sentence - last_sentence))
        if sentences_away > limit:
            continue
        gap = cue.start - chunk.end if cue.start >= chunk.end else chunk.start - cue.end
        cost = sentences_away * _SENTENCE_COST + max(gap, 0)
        if not paragraph_of[chunk.start] <= paragraph_of[cue.start] <= paragraph_of[chunk.end - 1]:
            cost += _PARAGRAPH_COST  # a follow-on quote belongs to the speaker of its own paragraph
        cue_tokens = [tokens[i] for i in range(cue.start, cue.end)]
        if any(t.i in governors or t.head.i in members for t in cue_tokens):
            cost -= _LINK_BONUS  # linked in the parse: the cue governs the chunk, or the chunk the cue
        if best is None or cost < best[0]:
            best = (cost, group)
    return best


def _governors(chunk: Chunk, tokens: Sequence[Token]) -> tuple[set[int], set[int]]:
    """(doc indexes of the ancestors of the chunk's top tokens, doc indexes of the chunk's tokens)."""
    members = {tokens[i].i for i in range(chunk.start, chunk.end)}
    governors: set[int] = set()
    for i in range(chunk.start, chunk.end):
        token = tokens[i]
        if token.head.i not in members or token.head.i == token.i:
            governors.update(ancestor.i for ancestor in token.ancestors)
    return governors, members


# Edge punctuation a tagged source or cue may carry that is never part of it ("Dr X, the
# company's chief medical officer," rejected …); quotation marks and brackets stay for balance.
_LOOSE_EDGES = frozenset(",;:—–-")


def _span(tokens: Sequence[Token], chunk: Chunk, *, trim: bool = False) -> Span:
    start, end = chunk.start, chunk.end
    while trim and end - start > 1 and tokens[end - 1].text in _LOOSE_EDGES:
        end -= 1
    while trim and end - start > 1 and tokens[start].text in _LOOSE_EDGES:
        start += 1
    last = tokens[end - 1]
    return tokens[start].idx, last.idx + len(last)


def _cue_lemma(cue_tokens: Sequence[Token]) -> str:
    """The cue's lemma phrase, without auxiliaries and negation ("has not denied" -> "deny")."""
    kept = [t for t in cue_tokens if t.dep_ not in _SKIPPED_CUE_DEPS] or list(cue_tokens)
    return " ".join(t.lemma_.lower() for t in kept)


def _kind(text: str, spans: list[Span]) -> str:
    """direct: every piece is a whole quotation; mixed: some quoted words; indirect: none."""
    kinds = set()
    for start, end in spans:
        piece = text[start:end].strip().rstrip(".,;:!?")
        if not any(ch in _QUOTES for ch in piece):
            kinds.add("indirect")
        elif piece[:1] in _QUOTES and piece[-1:] in _QUOTES:
            kinds.add("direct")
        else:
            kinds.add("mixed")
    if kinds == {"direct"}:
        return "direct"
    if kinds == {"indirect"}:
        return "indirect"
    return "mixed"


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0

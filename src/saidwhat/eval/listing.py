"""The per-error listing: what a person reads to see what to fix.

Grouped by article, then by system: missed gold attributions (with the nearest prediction, when
one overlaps the content but could not be linked), spurious predictions, boundary errors (linked,
but a role's span differs) and wrong speakers. Each shows the sentence(s) with
the scored (trimmed) spans marked: ``⟦S:…⟧`` source, ``⟦C:…⟧`` cue, ``⟦Q:…⟧`` content.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from saidwhat.eval.harness import ArticleResult, EvalRun, SystemResult
from saidwhat.eval.score import ROLES, GoldItem, NormalSpan, PredictedItem, has_referent, normalise_span, overlap

Span = tuple[int, int]

ROLE_MARK = {"source": "S", "cue": "C", "content": "Q"}
# Marked or unmarked stretches longer than this are shortened around an ellipsis.
LONG_STRETCH = 220
_SPACE = re.compile(r"\s+")


@dataclass
class ErrorCounts:
    missed: int = 0
    spurious: int = 0
    boundary: int = 0
    wrong_speaker: int = 0
    failed: int = 0
    # Of the wrong speakers, those whose source was not resolved to any entity (a resolution gap,
    # not a wrong resolution).
    speaker_without_entity: int = 0

    def add(self, other: ErrorCounts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def summary(self) -> str:
        shown = {k: v for k, v in vars(self).items() if k != "speaker_without_entity"}
        return ", ".join(f"{value} {name.replace('_', ' ')}" for name, value in shown.items() if value)


def _roles(text: str, item: GoldItem | PredictedItem) -> dict[str, NormalSpan]:
    return {role: normalise_span(text, getattr(item, role)) for role in ROLES}


def _shorten(stretch: str, keep: str) -> str:
    """Shorten a long stretch, keeping its start ("head"), end ("tail") or both ("both")."""
    if len(stretch) <= LONG_STRETCH:
        return stretch
    half = LONG_STRETCH // 2
    if keep == "head":
        return stretch[:LONG_STRETCH] + " …"
    if keep == "tail":
        return "… " + stretch[-LONG_STRETCH:]
    return stretch[:half] + " … " + stretch[-half:]


def window(sentences: list[Span], start: int, end: int, text_length: int) -> Span:
    """From the start of the sentence holding ``start`` to the end of the one holding ``end - 1``."""
    starts = [s for s, _ in sentences]
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    begin = sentences[first][0] if first >= 0 else 0
    finish = sentences[last][1] if last >= 0 else text_length
    return min(begin, start), max(finish, end)


def render(text: str, sentences: list[Span], roles: dict[str, NormalSpan]) -> str:
    """The sentence(s) around the spans, one line, spans marked and long stretches shortened."""
    pieces = [(s, e, ROLE_MARK[role]) for role, span in roles.items() for s, e in span]
    if not pieces:
        return "(no span)"
    begin, finish = window(sentences, min(p[0] for p in pieces), max(p[1] for p in pieces), len(text))
    cuts = sorted({begin, finish, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    out: list[str] = []
    open_marks = 0
    for i, position in enumerate(cuts):
        closing = sum(1 for p in pieces if p[1] == position)
        out.append("⟧" * closing)
        open_marks -= closing
        for _, _, mark in sorted(p for p in pieces if p[0] == position):
            out.append(f"⟦{mark}:")
            open_marks += 1
        if i + 1 < len(cuts):
            stretch = _SPACE.sub(" ", text[position : cuts[i + 1]])
            keep = "both" if open_marks else "tail" if i == 0 else "head" if i + 2 == len(cuts) else "both"
            out.append(_shorten(stretch, keep))
    return "".join(out).strip()


def _quote(label: str, line: str) -> str:
    return f"  > {label}: {line}"


def nearest(text: str, content: NormalSpan, predicted: list[PredictedItem]) -> int | None:
    """The prediction whose content overlaps ``content`` most (a near miss: wrong source, too short…)."""
    overlaps = [(overlap(content, normalise_span(text, item.content)), -p) for p, item in enumerate(predicted)]
    best = max(overlaps, default=(0, 0))
    return -best[1] if best[0] > 0 else None


def _article_errors(article: ArticleResult, result: SystemResult) -> tuple[list[str], ErrorCounts]:
    text, gold, predicted, score = article.text, article.gold, result.predicted, result.score
    lines: list[str] = []
    counts = ErrorCounts()
    if result.failure:
        counts.failed = 1
        lines.append(f"- **failed**: `{result.failure}`")
    linked_predictions = set(score.links.values())
    for g, item in enumerate(gold):
        roles = _roles(text, item)
        if not roles["content"]:
            continue
        if g not in score.links:
            counts.missed += 1
            lines += [f"- **missed** {item.id}", _quote("gold", render(text, article.sentences, roles))]
            near = nearest(text, roles["content"], predicted)
            if near is not None:
                lines.append(_quote("nearest pred", render(text, article.sentences, _roles(text, predicted[near]))))
            continue
        predicted_roles = _roles(text, predicted[score.links[g]])
        differing = [role for role in ROLES if roles[role] != predicted_roles[role]]
        if differing:
            counts.boundary += 1
            lines += [
                f"- **boundary** {item.id} ({', '.join(differing)})",
                _quote("gold", render(text, article.sentences, roles)),
                _quote("pred", render(text, article.sentences, predicted_roles)),
            ]
        if g in score.wrong_speakers:
            counts.wrong_speaker += 1
            counts.speaker_without_entity += not predicted[score.links[g]].speaker_name
            name = predicted[score.links[g]].speaker_name
            lines += [
                f"- **wrong speaker** {item.id}: gold «{item.speaker}» ({item.speaker_type}), "
                f"predicted «{name or 'no entity'}»",
                _quote("pred", render(text, article.sentences, predicted_roles)),
            ]
    for p, item in enumerate(predicted):
        if p not in linked_predictions:
            counts.spurious += 1
            lines += [f"- **spurious** prediction {p + 1}", _quote("pred", render(text, article.sentences, _roles(text, item)))]
    return lines, counts


def write_listing(run: EvalRun, path) -> dict[str, ErrorCounts]:
    """Write the markdown error listing; returns the error counts per system."""
    totals = {name: ErrorCounts() for name in run.systems}
    body: list[str] = []
    for article in run.articles:
        section: list[str] = []
        for name in run.systems:
            lines, counts = _article_errors(article, article.systems[name])
            totals[name].add(counts)
            if lines:
                section += [f"### {name}: {counts.summary()}", "", *lines, ""]
        if section:
            referents = sum(1 for item in article.gold if has_referent(item))
            body += [
                f"## {article.stem}",
                "",
                f"gold: `{article.annotation_file}`, {len(article.gold)} attributions, "
                f"{referents} with a PERSON/ORG/GPE referent",
                "",
                *section,
            ]
    header = [
        f"# Errors: `saidwhat eval` on {run.split} ({len(run.articles)} articles)",
        "",
        "Marked spans are the scored (trimmed) spans: ⟦S:…⟧ source, ⟦C:…⟧ cue, ⟦Q:…⟧ content.",
        "Boundary errors are linked pairs whose listed roles differ; wrong speakers are linked pairs "
        "whose predicted speaker name does not agree with the gold referent.",
        "",
        "| system | missed | spurious | boundary | wrong speaker (of which no entity) | failed articles |",
        "|---|---|---|---|---|---|",
        *(
            f"| {name} | {c.missed} | {c.spurious} | {c.boundary} | {c.wrong_speaker} ({c.speaker_without_entity}) "
            f"| {c.failed} |"
            for name, c in totals.items()
        ),
        "",
    ]
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(header + body) + "\n")
    return totals

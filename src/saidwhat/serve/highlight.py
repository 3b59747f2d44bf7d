"""Article text marked up with its statements, built from character offsets on the server.

Spans of different statements may overlap or nest, and a content part may be several
discontinuous pieces. Rather than nesting tags (which cannot express partial overlap), the text
is cut at every span boundary into flat segments; each segment carries the set of statements and
roles (cue, source, content) covering it. Every piece of article text is escaped on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from saidwhat.models import Article, Span

ROLES = ("cue", "source", "content")


@dataclass(frozen=True)
class Mark:
    """One span of one statement in one role."""

    start: int
    end: int
    statement_id: str
    role: str


@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same statements in the same roles (none for plain text)."""

    start: int
    end: int
    statement_ids: tuple[str, ...]
    roles: tuple[str, ...]


def statement_marks(article: Article) -> list[Mark]:
    marks: list[Mark] = []
    for statement in article.statements:
        for role in ROLES:
            part = getattr(statement, role)
            if part is None:
                continue
            marks.extend(_marks_for(part.spans, statement.id, role, len(article.text)))
    return marks


def _marks_for(spans: list[Span], statement_id: str, role: str, text_length: int) -> list[Mark]:
    # Clamp defensively: a store written by an older engine must not break the page.
    marks = []
    for start, end in spans:
        start, end = max(0, start), min(end, text_length)
        if start < end:
            marks.append(Mark(start, end, statement_id, role))
    return marks


def segments(text_length: int, marks: list[Mark]) -> list[Segment]:
    """Cut ``[0, text_length)`` at every mark boundary; each piece knows what covers it."""
    cuts = {0, text_length}
    for mark in marks:
        cuts.update((mark.start, mark.end))
    bounds = sorted(cut for cut in cuts if 0 <= cut <= text_length)
    result: list[Segment] = []
    for start, end in zip(bounds, bounds[1:]):
        covering = [m for m in marks if m.start <= start and end <= m.end]
        statement_ids = tuple(dict.fromkeys(m.statement_id for m in covering))
        roles = tuple(role for role in ROLES if any(m.role == role for m in covering))
        result.append(Segment(start, end, statement_ids, roles))
    return result


def highlight(article: Article) -> Markup:
    """The article text as HTML: plain runs escaped, statement runs wrapped in marked-up spans."""
    text = article.text
    html: list[str] = []
    for segment in segments(len(text), statement_marks(article)):
        piece = escape(text[segment.start : segment.end])
        if not segment.statement_ids:
            html.append(piece)
            continue
        classes = " ".join(["hl", *(f"role-{role}" for role in segment.roles)])
        html.append(
            Markup('<span class="{}" data-statements="{}" data-roles="{}">{}</span>').format(
                classes, " ".join(segment.statement_ids), " ".join(segment.roles), piece
            )
        )
    return Markup("").join(html)

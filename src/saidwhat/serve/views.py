"""What the pages show, computed from contract records (templates only lay it out)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup

from saidwhat.models import Article, EntityPart, Statement
from saidwhat.serve.highlight import highlight


def entity_href(entity_id: str | None) -> str | None:
    return f"/ui/entities/{entity_id}" if entity_id else None


def safe_http_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a stored ``javascript:`` URL must never be clickable."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


@dataclass
class EntityView:
    text: str  # as written in the article
    name: str | None = None  # the resolved entity's name
    href: str | None = None  # its speaker page, when it is in the store


@dataclass
class StatementView:
    id: str
    kind: str
    speech_act: str
    confidence: float
    cue: str | None
    content: str
    speaker: EntityView | None
    target: EntityView | None
    place: EntityView | None
    time_text: str | None
    time_value: str | None
    venue: str | None
    # Who passed the words on: the statement's "according to ..." sources, then the article's outlet.
    chain: list[EntityView] = field(default_factory=list)


@dataclass
class ArticleView:
    article: Article
    body: Markup
    statements: list[StatementView]
    url: str | None
    stored: bool


def article_view(article: Article, global_ids: dict[str, str] | None = None) -> ArticleView:
    """``global_ids`` maps the article's local entity ids to store ids (None: not stored, no links)."""
    ids = global_ids or {}

    def entity(part: EntityPart | None) -> EntityView | None:
        if part is None:
            return None
        resolved = article.entity(part.entity)
        return EntityView(
            text=part.text,
            name=resolved.name if resolved else None,
            href=entity_href(ids.get(part.entity)) if part.entity else None,
        )

    def view(statement: Statement) -> StatementView:
        chain = [entity(via) for via in statement.via]
        if chain and article.outlet:  # "according to X" in outlet Y: the words reached us via X, then Y
            chain.append(EntityView(text=article.outlet))
        return StatementView(
            id=statement.id,
            kind=statement.kind,
            speech_act=statement.speech_act.value,
            confidence=statement.confidence,
            cue=statement.cue.text if statement.cue else None,
            content=statement.content.text,
            speaker=entity(statement.source),
            target=entity(statement.target),
            place=entity(statement.place),
            time_text=statement.time.text if statement.time else None,
            time_value=statement.time.value if statement.time else None,
            venue=statement.venue.text if statement.venue else None,
            chain=[link for link in chain if link is not None],
        )

    return ArticleView(
        article=article,
        body=highlight(article),
        statements=[view(statement) for statement in article.statements],
        url=safe_http_url(article.url),
        stored=global_ids is not None,
    )


@dataclass
class GraphLayout:
    """Nodes on a circle, edges as arrows; coordinates in the SVG's own units."""

    width: int
    height: int
    nodes: list[dict]
    edges: list[dict]


# Room left and right of the circle for the names of the nodes on its sides.
_LABEL_ROOM = 150


def graph_layout(graph: dict, size: int = 640) -> GraphLayout:
    """Place nodes on a circle (ordered by how much they are involved) and scale edges by count."""
    degree: dict[str, int] = {}
    for edge in graph["edges"]:
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + edge["count"]
    nodes = sorted(graph["nodes"], key=lambda n: (-degree.get(n["id"], 0), n["name"]))
    centre_x, centre_y, radius = size / 2 + _LABEL_ROOM, size / 2, size / 2 - 60
    placed: dict[str, dict] = {}
    for index, node in enumerate(nodes):
        angle = 2 * math.pi * index / max(1, len(nodes)) - math.pi / 2
        placed[node["id"]] = {
            **node,
            "x": round(centre_x + radius * math.cos(angle), 1),
            "y": round(centre_y + radius * math.sin(angle), 1),
            "r": round(6 + 3 * math.sqrt(degree.get(node["id"], 1)), 1),
            "href": entity_href(node["id"]),
            "anchor": "start" if math.cos(angle) > 0.1 else "end" if math.cos(angle) < -0.1 else "middle",
            "below": math.sin(angle) > 0,  # labels of the lower half go under their node
        }
    heaviest = max((edge["count"] for edge in graph["edges"]), default=1)
    edges = []
    for edge in graph["edges"]:
        source, target = placed.get(edge["source"]), placed.get(edge["target"])
        if source is None or target is None:
            continue
        edges.append({
            **edge,
            "path": _curved_path(source, target),
            "width": round(1 + 4 * edge["count"] / heaviest, 1),
            "source_name": source["name"], "target_name": target["name"],
            "label": f"{source['name']} → {target['name']}: {edge['count']}",
        })
    return GraphLayout(width=size + 2 * _LABEL_ROOM, height=size, nodes=list(placed.values()), edges=edges)


def _curved_path(source: dict, target: dict) -> str:
    """A quadratic curve bending to the right of its direction, so A→B and B→A do not overlap.

    It ends at the target circle's rim (not its centre) so the arrow head stays visible.
    """
    dx, dy = target["x"] - source["x"], target["y"] - source["y"]
    length = math.hypot(dx, dy) or 1.0
    bend = 0.15 * length
    control_x = (source["x"] + target["x"]) / 2 - dy / length * bend
    control_y = (source["y"] + target["y"]) / 2 + dx / length * bend
    to_x, to_y = target["x"] - control_x, target["y"] - control_y
    to_length = math.hypot(to_x, to_y) or 1.0
    shorten = target["r"] + 4
    end_x, end_y = target["x"] - to_x / to_length * shorten, target["y"] - to_y / to_length * shorten
    return (f"M {source['x']:.1f} {source['y']:.1f} Q {control_x:.1f} {control_y:.1f} "
            f"{end_x:.1f} {end_y:.1f}")

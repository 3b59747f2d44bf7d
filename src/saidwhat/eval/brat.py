"""Read PolNeAR's BRAT standoff layout: ``text/<stem>.txt`` and ``attributions/<stem>_<annotator>.ann``.

For an article with several annotators, the first ``.ann`` file in sorted order is gold.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from saidwhat.errors import InputError

Span = tuple[int, int]


@dataclass
class GoldAttribution:
    id: str  # the E id in the .ann file
    cue: list[Span] | None
    source: list[Span] | None
    content: list[Span] | None


@dataclass
class GoldArticle:
    stem: str
    text: str
    annotation_file: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    published: str | None = None  # ISO date from the corpus metadata.tsv, when present


def parse_spans(field_text: str) -> list[Span]:
    """``"10 20;25 30"`` -> ``[(10, 20), (25, 30)]``."""
    spans = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        spans.append((int(start), int(end)))
    return spans


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    textbounds: dict[str, list[Span]] = {}
    events: list[tuple[str, dict[str, list[str]]]] = []
    for line in ann_text.splitlines():
        if not line.strip():
            continue
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            textbounds[fields[0]] = parse_spans(offsets)
        elif line.startswith("E") and len(fields) >= 2:
            roles: dict[str, list[str]] = {}
            for argument in fields[1].split():
                role, _, ref = argument.partition(":")
                # BRAT numbers repeated roles ("Content2"): they are further pieces of the same role.
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append((fields[0], roles))
    attributions = []
    for event_id, roles in events:
        def spans_of(role: str) -> list[Span] | None:
            pieces = sorted(span for ref in roles.get(role, []) for span in textbounds.get(ref, []))
            return pieces or None

        attributions.append(
            GoldAttribution(
                id=event_id, cue=spans_of("Cue"), source=spans_of("Source"), content=spans_of("Content")
            )
        )
    return attributions


def split_dir(root: str | Path, split: str | None) -> Path:
    """The folder holding ``text/`` and ``attributions/``: ``root/split`` or ``root`` itself."""
    root = Path(root)
    if split and (root / split / "text").is_dir():
        return root / split
    if (root / "text").is_dir():
        return root
    raise FileNotFoundError(
        f"{root}: expected text/ and attributions/ folders (PolNeAR layout), or a {split!r} split under it"
    )


def read_publication_dates(root: str | Path) -> dict[str, str]:
    """``filename -> YYYY-MM-DD`` from PolNeAR's ``metadata.tsv`` (empty when the file is absent)."""
    metadata = Path(root) / "metadata.tsv"
    if not metadata.is_file():
        return {}
    dates = {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            date = (row.get("publication_date") or "").strip()
            if row.get("filename") and len(date) == 10 and date[4] == "-":
                dates[row["filename"]] = date
    return dates


def annotation_files(folder: Path) -> dict[str, list[Path]]:
    """``stem -> its .ann files`` (one per annotator, sorted: the first is gold), for stems with a text."""
    annotations: dict[str, list[Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        if (folder / "text" / f"{stem}.txt").is_file():
            annotations.setdefault(stem, []).append(ann)
    return dict(sorted(annotations.items()))


def read_annotated(text_path: Path, ann_path: Path) -> tuple[str, list[GoldAttribution]]:
    """An article's text and one annotator's attributions, with a clear error for a broken file."""
    try:
        return text_path.read_text(encoding="utf-8"), parse_ann(ann_path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise InputError(
            f"{ann_path.name} or {text_path.name} is not valid UTF-8 BRAT standoff ({exc}); fix or remove it"
        ) from exc


def read_split(root: str | Path, split: str | None = None) -> list[GoldArticle]:
    """All annotated articles of a split, in sorted order of their stems."""
    folder = split_dir(root, split)
    dates = read_publication_dates(root)
    articles = []
    for stem, files in annotation_files(folder).items():
        gold = files[0]
        text, attributions = read_annotated(folder / "text" / f"{stem}.txt", gold)
        articles.append(
            GoldArticle(
                stem=stem, text=text, annotation_file=gold.name, attributions=attributions, published=dates.get(stem)
            )
        )
    return articles

"""How well entity resolution names the speakers of gold attributions (PolNeAR dev).

Resolution is measured apart from attribution finding: the gold ``Source`` spans are handed to
``resolve_entities`` as the wanted spans, and the resolved entity's name is compared with the
canonical referent in ``speakers-<split>/<stem>.json`` by the project's one speaker-agreement rule
(``eval.score.speaker_agrees``: same last name for PERSON, a shared word otherwise).

* accuracy: over gold sources whose referent is PERSON, ORG or GPE, the share resolved to an
  entity whose name agrees (no entity counts as wrong);
* generic_with_entity: over GENERIC sources ("sources", "officials", "critics"), the share that was
  wrongly given an entity. UNRESOLVABLE sources are counted but not scored.

Usage: ``python -m saidwhat.eval.resolution [POLNEAR_ROOT] [--split dev] [--errors 20]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import track

from saidwhat.entities import resolve_entities
from saidwhat.eval.brat import read_split
from saidwhat.eval.harness import read_speakers, speakers_folder
from saidwhat.eval.score import SPEAKER_TYPES, speaker_agrees
from saidwhat.nlp import load_model

DEFAULT_ROOT = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "polnear"


@dataclass
class ResolutionMiss:
    stem: str
    source: str  # the gold source text (shown locally, never stored in the repo)
    gold: str  # the canonical referent ("" for a generic source that was given an entity)
    gold_type: str
    predicted: str | None


@dataclass
class ResolutionReport:
    articles: int = 0
    scored: int = 0
    correct: int = 0
    generic: int = 0
    generic_with_entity: int = 0
    unresolvable: int = 0
    scored_by_type: Counter = field(default_factory=Counter)
    correct_by_type: Counter = field(default_factory=Counter)
    misses: list[ResolutionMiss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.scored if self.scored else 0.0

    @property
    def generic_rate(self) -> float:
        return self.generic_with_entity / self.generic if self.generic else 0.0

    def summary(self) -> dict:
        return {
            "articles": self.articles,
            "scored": self.scored,
            "accuracy": round(self.accuracy, 4),
            "by_type": {
                t: round(self.correct_by_type[t] / n, 4) for t, n in sorted(self.scored_by_type.items()) if n
            },
            "generic": self.generic,
            "generic_with_entity": round(self.generic_rate, 4),
            "unresolvable": self.unresolvable,
        }


def evaluate_resolution(
    root: str | Path, split: str = "dev", *, limit: int | None = None, progress: bool = False
) -> ResolutionReport:
    """Resolve every gold source span of a split and score the entities against the speaker files."""
    root = Path(root)
    folder = speakers_folder(root, split)
    if folder is None:
        raise FileNotFoundError(f"{root}: no speakers-{split}/ folder with the canonical speaker of each attribution")
    articles = read_split(root, split)[:limit]
    nlp = load_model()
    report = ResolutionReport()
    for article in track(articles, description="resolving", disable=not progress):
        speakers = read_speakers(folder, article)
        if speakers is None:
            continue
        report.articles += 1
        doc = nlp(article.text)
        wanted = [span for a in article.attributions if a.source for span in a.source]
        table = resolve_entities(doc, wanted)
        for attribution in article.attributions:
            referent = speakers.get(attribution.id)
            if not attribution.source or not referent:
                continue
            entity = table.get(table.entity_for(attribution.source))
            predicted = entity.name if entity is not None else None
            gold_type = referent.get("type")
            source = " … ".join(article.text[s:e] for s, e in attribution.source)
            if gold_type == "GENERIC":
                report.generic += 1
                if entity is not None:
                    report.generic_with_entity += 1
                    report.misses.append(ResolutionMiss(article.stem, source, "", gold_type, predicted))
            elif gold_type in SPEAKER_TYPES and referent.get("speaker"):
                report.scored += 1
                report.scored_by_type[gold_type] += 1
                if speaker_agrees(referent["speaker"], gold_type, predicted):
                    report.correct += 1
                    report.correct_by_type[gold_type] += 1
                else:
                    report.misses.append(ResolutionMiss(article.stem, source, referent["speaker"], gold_type, predicted))
            else:
                report.unresolvable += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m saidwhat.eval.resolution", description=__doc__.split("\n")[0])
    parser.add_argument("root", nargs="?", default=str(DEFAULT_ROOT), help="PolNeAR folder (with dev/ and speakers-dev/)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="list this many misses")
    args = parser.parse_args(argv)
    console = Console()
    try:
        report = evaluate_resolution(args.root, args.split, limit=args.limit, progress=True)
    except FileNotFoundError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    for miss in report.misses[: args.errors]:
        console.print(f"{miss.stem}: {miss.source!r} gold={miss.gold!r} ({miss.gold_type}) predicted={miss.predicted!r}")
    summary = report.summary()
    console.print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())

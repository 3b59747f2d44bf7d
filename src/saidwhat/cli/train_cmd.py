"""``saidwhat train POLNEAR_ROOT`` (the span CRF) and ``saidwhat train-boundaries POLNEAR_ROOT`` (content edges)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from saidwhat.cli import app
from saidwhat.model.boundaries import ARTIFACT_NAME as BOUNDARIES_ARTIFACT
from saidwhat.model.tagger import ARTIFACT_STEM

DEFAULT_OUTPUT = Path("src/saidwhat/data") / ARTIFACT_STEM
BOUNDARIES_OUTPUT = Path("src/saidwhat/data") / BOUNDARIES_ARTIFACT


@app.command("train")
def train_command(
    polnear_root: Path = typer.Argument(..., help="PolNeAR folder with train/ and dev/ (BRAT text/ + attributions/)."),
    output: Path = typer.Option(DEFAULT_OUTPUT, help="Artifact path stem: writes STEM.crfsuite and STEM.json."),
    seed: int = typer.Option(13, help="Seed for the article order (and the subset taken by --limit)."),
    limit: Optional[int] = typer.Option(None, help="Train on this many articles only (quick checks)."),
    no_dev: bool = typer.Option(False, "--no-dev", help="Skip scoring on the dev split."),
    c1: Optional[float] = typer.Option(None, min=0.0, help="L1 penalty (default 2.0; larger: fewer features, a smaller artifact)."),
    c2: Optional[float] = typer.Option(None, min=0.0, help="L2 penalty (default 0.01)."),
) -> None:
    """Train the cue/source/content CRF on PolNeAR train and score it on dev."""
    from saidwhat.model.train import TrainingParams, train

    console = Console(stderr=True)
    params = TrainingParams(**{name: value for name, value in (("c1", c1), ("c2", c2)) if value is not None})
    try:
        card = train(polnear_root, output, seed=seed, limit=limit, score_dev=not no_dev, params=params)
    except FileNotFoundError as exc:
        console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from exc
    console.print(
        f"trained on {card['data']['articles']} articles ({card['data']['tokens']:,} tokens) "
        f"in {card['train_seconds']} s; {card['feature_count']:,} features -> {output}.crfsuite"
    )
    if card["dev"]:
        dev = card["dev"]
        console.print(
            "dev F1: "
            + ", ".join(f"{role} {dev[role]['f1']:.3f}" for role in ("cue", "source", "content", "linked"))
        )


@app.command("train-boundaries")
def train_boundaries_command(
    polnear_root: Path = typer.Argument(..., help="PolNeAR folder with train/ and dev/ (BRAT text/ + attributions/)."),
    output: Path = typer.Option(BOUNDARIES_OUTPUT, help="Where to write the weights (JSON with its card)."),
    limit: Optional[int] = typer.Option(None, help="Train on the first N articles only (quick checks)."),
    no_dev: bool = typer.Option(False, "--no-dev", help="Skip scoring on the dev split."),
) -> None:
    """Train the content-boundary model on the engine's proposals over PolNeAR train (run after `train`)."""
    from saidwhat.model.train_boundaries import train_boundaries

    console = Console(stderr=True)
    try:
        card = train_boundaries(polnear_root, output, limit=limit, score_dev=not no_dev)
    except FileNotFoundError as exc:
        console.print(f"[red]error[/red] {exc}")
        raise typer.Exit(code=2) from exc
    except ImportError as exc:
        console.print(f"[red]error[/red] {exc}: training needs scikit-learn; install with pip install -e '.[eval]'")
        raise typer.Exit(code=2) from exc
    console.print(f"trained on {card['data']['examples']:,} proposals of {card['data']['articles']} articles -> {output}")
    if card["dev_exact_ends"]:
        before, after = card["dev_exact_ends"]["proposed"], card["dev_exact_ends"]["refined"]
        console.print(
            f"dev, {before['proposals']:,} linked reported contents: exact ends {before['exact']} -> {after['exact']}"
        )

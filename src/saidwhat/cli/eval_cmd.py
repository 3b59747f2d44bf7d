"""``saidwhat eval GOLD_DIR``: score systems against BRAT attribution annotations (PolNeAR layout)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from saidwhat.cli import app
from saidwhat.errors import SaidwhatError
from saidwhat.eval.agreement import annotator_agreement
from saidwhat.eval.baselines import systems_named
from saidwhat.eval.harness import EvalRun, run_eval
from saidwhat.eval.listing import write_listing


def errors_path_for(output: Path) -> Path:
    """``build/eval-dev.json`` -> ``build/eval-dev-errors.md``."""
    return output.with_name(f"{output.stem}-errors.md")


def _cell(block: dict | None, key: str = "f1") -> str:
    return "—" if block is None else f"{block[key]:.3f}"


def render_report(report: dict, console: Console) -> None:
    table = Table(
        title=f"saidwhat eval: {report['split']}, {report['articles']} articles, "
        f"{report['gold_attributions']} gold attributions (F1 unless noted)",
        box=box.SIMPLE_HEAD,
    )
    # Linked precision/recall and the raw counts are in the JSON report; the table stays 80 columns wide.
    for column in ("system", "cue", "source", "content", "linked", "speaker", "spk n", "×parse"):
        table.add_column(column, justify="left" if column == "system" else "right", no_wrap=True)
    for name, scores in report["systems"].items():
        speaker = scores["speaker"]
        ratio = scores["timing"]["ratio_to_parse"]
        table.add_row(
            name,
            _cell(scores["cue"]),
            _cell(scores["source"]),
            _cell(scores["content"]),
            _cell(scores["linked"]),
            _cell(speaker, "accuracy"),
            "—" if speaker is None else f"{speaker['scored']}/{speaker['gold_total']}",
            "—" if ratio is None else f"{ratio:.2f}",
        )
    console.print(table)
    if report["speakers"] is None:
        console.print("[yellow]speaker accuracy skipped[/yellow]: no speakers-<split>/ folder in GOLD_DIR")
    for name, scores in report["systems"].items():
        if scores["failures"]:
            first = scores["failures"][0]
            console.print(
                f"[yellow]{name} failed on {len(scores['failures'])} articles[/yellow] "
                f"(first: {first['article']}: {first['error']})"
            )
    for mutation in report["doc_mutations"][:5]:
        console.print(f"[yellow]warning[/yellow]: {mutation['system']} changed the shared Doc of {mutation['article']}")


def markdown_table(report: dict) -> str:
    """The systems side by side as a markdown table (what docs/benchmarks.md shows)."""
    lines = [
        "| system | cue F1 | source F1 | content F1 | linked P / R / F1 | linked F1 95% CI "
        "| speaker acc (scored / gold) | time × parse | failed articles |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, scores in report["systems"].items():
        linked, speaker, ratio = scores["linked"], scores["speaker"], scores["timing"]["ratio_to_parse"]
        speaker_cell = "—" if speaker is None else (
            f"{speaker['accuracy']:.3f} ({speaker['scored']} / {speaker['gold_total']})"
        )
        ratio_cell = "—" if ratio is None else f"{ratio:.2f}"
        low, high = scores["ci95"].get("linked", (0.0, 0.0))
        lines.append(
            f"| {name} | {scores['cue']['f1']:.3f} | {scores['source']['f1']:.3f} | {scores['content']['f1']:.3f} "
            f"| {linked['precision']:.3f} / {linked['recall']:.3f} / {linked['f1']:.3f} | {low:.3f}–{high:.3f} "
            f"| {speaker_cell} | {ratio_cell} | {len(scores['failures'])} |"
        )
    return "\n".join(lines) + "\n"


def _run_with_progress(
    gold_dir: Path, names: list[str], split: str, limit: int | None, timeout: float | None, console: Console
) -> EvalRun:
    systems = systems_named(names)
    with Progress(
        TextColumn("[bold]eval[/bold]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("loading", total=None)

        def on_article(stem: str, index: int, total: int) -> None:
            progress.update(task, completed=index, total=total, description=stem[:48])
            if not console.is_terminal and index % 10 == 0:
                # A bar cannot redraw in a log file (make eval > log): print a line now and then.
                console.print(f"eval: article {index + 1}/{total} {stem}")

        run = run_eval(gold_dir, systems, split=split, limit=limit, on_article=on_article, timeout=timeout)
        progress.update(task, completed=len(run.articles))
    return run


@app.command("eval")
def eval_command(
    gold_dir: Path = typer.Argument(..., help="Folder in PolNeAR layout: <split>/text/*.txt, <split>/attributions/*.ann."),
    split: str = typer.Option("dev", help="Split folder under GOLD_DIR (GOLD_DIR itself if it has text/)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the JSON report here (and the error listing next to it)."),
    systems: str = typer.Option("saidwhat,rules,textacy", help="Comma-separated systems: saidwhat, rules, textacy."),
    limit: Optional[int] = typer.Option(None, min=1, help="Score only the first N articles (sorted by name)."),
    errors: Optional[Path] = typer.Option(None, help="Where to write the error listing (default: <output>-errors.md)."),
    timeout: float = typer.Option(120.0, min=0.0, help="Seconds a system may spend on one article before it counts as failed (0: no limit)."),
) -> None:
    """Score systems against gold attributions: exact role F1, linked F1, speaker accuracy."""
    console = Console()
    try:
        run = _run_with_progress(gold_dir, systems.split(","), split, limit, timeout or None, console)
    except SaidwhatError as exc:
        Console(stderr=True).print(f"[red]error[/red]: {exc}")
        raise typer.Exit(code=2) from exc
    report = run.report()
    render_report(report, console)
    errors_file = errors or (errors_path_for(output) if output else None)
    if errors_file is not None:
        errors_file.parent.mkdir(parents=True, exist_ok=True)
        write_listing(run, errors_file)
        report["errors_file"] = str(errors_file)
        console.print(f"error listing: {errors_file}")
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        table_file = output.with_name(f"{output.stem}-table.md")
        table_file.write_text(markdown_table(report), encoding="utf-8")
        report["table_file"] = str(table_file)
        output.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        console.print(f"report: {output}")


@app.command("agreement")
def agreement_command(
    gold_dir: Path = typer.Argument(..., help="Folder in PolNeAR layout (as for `saidwhat eval`)."),
    splits: str = typer.Option("train,dev", help="Comma-separated split folders to read multi-annotated articles from."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the JSON report here."),
) -> None:
    """Annotator agreement: each further annotator of an article scored against the first (the eval's gold)."""
    console = Console()
    try:
        report = annotator_agreement(gold_dir, [s for s in splits.split(",") if s])
    except (SaidwhatError, FileNotFoundError) as exc:
        Console(stderr=True).print(f"[red]error[/red]: {exc}")
        raise typer.Exit(code=2) from exc
    if not report["pairs"]:
        Console(stderr=True).print(f"[red]error[/red]: no article in {gold_dir} ({splits}) has two or more annotators")
        raise typer.Exit(code=2)
    console.print(f"annotator agreement ({splits}): {report['articles']} articles, {report['pairs']} annotator pairs")
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("role", "precision", "recall", "F1"):
        table.add_column(column, justify="left" if column == "role" else "right")
    for role in ("cue", "source", "content", "linked"):
        block = report[role]
        table.add_row(role, _cell(block, "precision"), _cell(block, "recall"), _cell(block))
    console.print(table)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        console.print(f"report: {output}")

"""Score PLOVER event derivation on the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt).

Each gold record is one sentence coded with one event (older labels mapped: DEMAND -> REQUEST,
DISAPPROVE and INVESTIGATE -> ACCUSE). The sentence runs through the whole engine
(``extract`` -> ``events_for_article``); per sentence the predicted event types are a set.
Per event type: TP = gold type predicted, FN = gold type not predicted, FP = a predicted type the
gold does not code. Coded sentences contain other events the gold leaves out, so FPs here are an
upper bound. For matched events, the actor (recipient) is right when a predicted actor
(recipient) shares a content word with a gold one; a recipient is also right when both are empty.

    python -m saidwhat.events.evaluate [--gsr PATH] [--output build/eval-plover.json]

The GSR is CC BY-SA and is read at evaluation time only; nothing from it is stored in the repo.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.progress import track
from rich.table import Table

from saidwhat import extract
from saidwhat.errors import InputError
from saidwhat.events.plover import events_for_article

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_GSR = Path(
    os.environ.get("SAIDWHAT_PLOVER", ROOT.parent / "shared" / "data" / "plover")
) / "PLOVER_GSR_CAMEO.txt"
LABEL_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE"}
VERBAL = ("ACCUSE", "THREATEN", "REJECT", "REQUEST", "AGREE", "CONSULT", "SUPPORT")
_STOP = {"the", "of", "a", "an", "and", "in", "on", "for", "to", "'s", "’s", "s", "its", "their", "his", "her"}


@dataclass
class GoldSentence:
    id: str
    text: str
    date: str | None
    event: str
    actors: list[str]
    recipients: list[str]


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    actor_right: Counter = field(default_factory=Counter)
    recipient_right: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)


def load_gsr(path: Path) -> list[GoldSentence]:
    records = json.loads(path.read_text(encoding="utf-8"))
    gold = []
    for record in records:
        if not record.get("text") or record.get("event") == "DOCUMENT":
            continue
        gold.append(
            GoldSentence(
                id=record["id"],
                text=record["text"].strip("{} "),
                date=record.get("date"),
                event=LABEL_MAP.get(record["event"], record["event"]),
                actors=_names(record.get("source")),
                recipients=_names(record.get("target")),
            )
        )
    return gold


def _names(value) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    # One record codes its target as a bare string, which json turns into a list of characters.
    if all(isinstance(item, str) and len(item) == 1 for item in items):
        return ["".join(items)]
    return [item["actorText"] if isinstance(item, dict) else str(item) for item in items]


def _words(text: str) -> set[str]:
    words = (re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w'’.-]+", text.lower()))
    return {w for w in words if w not in _STOP and len(w) > 1}


def names_agree(gold: list[str], predicted: list[str]) -> bool:
    if not gold and not predicted:
        return True
    return any(_words(g) & _words(p) for g in gold for p in predicted)


def evaluate(gold: list[GoldSentence], progress: bool = True) -> Scores:
    scores = Scores()
    items = track(gold, description="PLOVER GSR") if progress else gold
    for sentence in items:
        try:
            article = extract(sentence.text, published=sentence.date, article_id=sentence.id)
        except InputError as exc:
            scores.errors.append({"id": sentence.id, "error": str(exc)})
            scores.fn[sentence.event] += 1
            continue
        events = events_for_article(article)
        predicted = {event["event"][0] for event in events}
        if sentence.event in predicted:
            scores.tp[sentence.event] += 1
            matched = [e for e in events if e["event"][0] == sentence.event]
            actors = [a["entityText"] for e in matched for a in e["actor"]]
            recipients = [r["entityText"] for e in matched for r in e["recipient"]]
            scores.actor_right[sentence.event] += names_agree(sentence.actors, actors)
            scores.recipient_right[sentence.event] += names_agree(sentence.recipients, recipients)
        else:
            scores.fn[sentence.event] += 1
        for wrong in predicted - {sentence.event}:
            scores.fp[wrong] += 1
    return scores


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "tp": tp, "fp": fp, "fn": fn}


def summarize(scores: Scores) -> dict:
    types = sorted(set(scores.tp) | set(scores.fp) | set(scores.fn))
    per_type = {t: _prf(scores.tp[t], scores.fp[t], scores.fn[t]) for t in types}
    verbal_counts = [sum(c[t] for t in VERBAL) for c in (scores.tp, scores.fp, scores.fn)]
    matched = sum(scores.tp[t] for t in VERBAL)
    return {
        "per_type": per_type,
        "verbal_micro": _prf(*verbal_counts),
        "verbal_macro_f1": round(sum(per_type.get(t, _prf(0, 0, 0))["f1"] for t in VERBAL) / len(VERBAL), 3),
        "verbal_actor_agreement": round(sum(scores.actor_right[t] for t in VERBAL) / matched, 3) if matched else 0.0,
        "verbal_recipient_agreement": round(sum(scores.recipient_right[t] for t in VERBAL) / matched, 3)
        if matched
        else 0.0,
        "matched_verbal_events": matched,
        "errors": scores.errors,
    }


def print_summary(summary: dict, console: Console) -> None:
    table = Table(title="PLOVER GSR: event type per sentence")
    for column in ("type", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, row in summary["per_type"].items():
        style = "bold" if name in VERBAL else "dim"
        table.add_row(
            name, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
            str(row["tp"]), str(row["fp"]), str(row["fn"]), style=style,
        )
    console.print(table)
    micro = summary["verbal_micro"]
    console.print(
        f"verbal categories: micro P {micro['precision']:.3f} R {micro['recall']:.3f} F1 {micro['f1']:.3f}, "
        f"macro F1 {summary['verbal_macro_f1']:.3f}; of {summary['matched_verbal_events']} matched events "
        f"actor right {summary['verbal_actor_agreement']:.3f}, recipient right {summary['verbal_recipient_agreement']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gsr", type=Path, default=DEFAULT_GSR, help="PLOVER_GSR_CAMEO.txt")
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "eval-plover.json")
    args = parser.parse_args(argv)
    console = Console()
    if not args.gsr.is_file():
        console.print(f"[red]PLOVER GSR not found at {args.gsr}; pass --gsr or set SAIDWHAT_PLOVER[/red]")
        return 2
    summary = summarize(evaluate(load_gsr(args.gsr)))
    print_summary(summary, console)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    console.print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

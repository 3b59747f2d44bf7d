"""Run systems over a gold split: parse each article once, score every system on the same Doc.

The harness owns the loop, the per-article failure records, the timing (as a ratio over bare
parsing) and the JSON report; ``eval/score.py`` owns the metric definitions and
``eval/listing.py`` the error listing people read.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from saidwhat.errors import InputError
from saidwhat.eval.baselines import System
from saidwhat.eval.brat import GoldArticle, read_split
from saidwhat.eval.score import (
    ROLES,
    ArticleScore,
    Counts,
    GoldItem,
    PredictedItem,
    SystemTotals,
    bootstrap_intervals,
    score_article,
)

Span = tuple[int, int]

_FINGERPRINT_ATTRS = [ORTH, LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, MORPH]


@dataclass
class SystemResult:
    """One system's predictions and scores on one article."""

    predicted: list[PredictedItem]
    score: ArticleScore
    seconds: float
    failure: str | None = None


@dataclass
class ArticleResult:
    stem: str
    text: str
    annotation_file: str
    gold: list[GoldItem]
    sentences: list[Span]
    has_speakers: bool
    systems: dict[str, SystemResult] = field(default_factory=dict)


@dataclass
class EvalRun:
    gold_dir: str
    split: str
    systems: list[str]
    articles: list[ArticleResult] = field(default_factory=list)
    parse_seconds: float = 0.0
    speakers_folder: str | None = None
    doc_mutations: list[dict] = field(default_factory=list)

    def totals(self, system: str) -> SystemTotals:
        totals = SystemTotals()
        for article in self.articles:
            totals.add(article.systems[system].score)
        return totals

    def linked_by_outlet(self, system: str) -> dict[str, dict]:
        """Linked P/R/F1 per outlet (PolNeAR stems start with it: ``nyt_2016-09-24_…``)."""
        by_outlet: dict[str, Counts] = {}
        for article in self.articles:
            by_outlet.setdefault(article.stem.split("_", 1)[0], Counts()).add(article.systems[system].score.linked)
        return {outlet: counts.as_dict() for outlet, counts in sorted(by_outlet.items())}

    def failures(self, system: str) -> list[dict]:
        return [
            {"article": a.stem, "error": a.systems[system].failure}
            for a in self.articles
            if a.systems[system].failure is not None
        ]

    def seconds(self, system: str) -> float:
        return sum(a.systems[system].seconds for a in self.articles)

    def report(self) -> dict:
        """The JSON report: per-system micro-averaged scores, timing ratios and failures."""
        systems = {}
        for name in self.systems:
            seconds = self.seconds(name)
            systems[name] = {
                **self.totals(name).as_dict(),
                "timing": {
                    "seconds": round(seconds, 3),
                    "ratio_to_parse": round(seconds / self.parse_seconds, 3) if self.parse_seconds else None,
                },
                "failures": self.failures(name),
                "ci95": bootstrap_intervals([a.systems[name].score for a in self.articles]),
                "linked_by_outlet": self.linked_by_outlet(name),
            }
        return {
            "gold_dir": self.gold_dir,
            "split": self.split,
            "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "code": code_version(),
            "articles": len(self.articles),
            "gold_attributions": sum(len(a.gold) for a in self.articles),
            "speakers": self.speakers_folder,
            "definitions": DEFINITIONS,
            "parse_seconds": round(self.parse_seconds, 3),
            "systems": systems,
            "doc_mutations": self.doc_mutations,
            "per_article": {
                a.stem: {
                    name: {
                        **{role: vars(result.score.roles[role]) for role in ROLES},
                        "linked": vars(result.score.linked),
                        "speaker": vars(result.score.speaker) if result.score.speaker is not None else None,
                        "failed": result.failure is not None,
                    }
                    for name, result in a.systems.items()
                }
                for a in self.articles
            },
        }


DEFINITIONS = {
    "exact_role": (
        "per article, set of predicted spans of the role vs gold; pieces trimmed of whitespace, quotes and "
        "punctuation, empty pieces dropped, touching/whitespace-separated pieces merged; equal only if every "
        "piece is equal; micro-averaged"
    ),
    "linked": (
        "one-to-one maximum bipartite matching; a pair may link when contents overlap by >= half of the "
        "shorter content's characters and sources overlap (or both have none); gold without content excluded"
    ),
    "speaker": (
        "over linked gold attributions with a PERSON/ORG/GPE referent: same last name token for PERSON, "
        "any shared non-stop word otherwise"
    ),
    "timing": "ratio_to_parse = a system's seconds over the seconds spent parsing the same articles",
    "ci95": "95% percentile bootstrap over articles (1000 resamples, seed 0) of each F1 and speaker accuracy",
    "linked_recall_by_gold_kind": (
        "linked recall of gold contents that are quotations (direct), contain a double quotation mark (mixed), "
        "or neither (indirect)"
    ),
}


def code_version() -> dict:
    """The git commit the evaluated code comes from, and whether the tree had uncommitted changes."""
    source = Path(__file__).resolve().parent

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=source, capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "--short", "HEAD")
    changes = git("status", "--porcelain", "--untracked-files=no", "--", "..")
    return {"commit": commit, "uncommitted_changes": bool(changes) if commit else None}


def read_speakers(folder: Path | None, article: GoldArticle) -> dict[str, dict] | None:
    """``E id -> {"speaker", "type"}`` for an article, or None when absent or made for another .ann file."""
    if folder is None:
        return None
    path = folder / f"{article.stem}.json"
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None  # an unreadable speakers file: the article is left out of speaker accuracy
    if not isinstance(data, dict) or data.get("annotation") not in (None, article.annotation_file):
        return None
    speakers = data.get("speakers")
    return speakers if isinstance(speakers, dict) else {}


def gold_items(article: GoldArticle, speakers: dict[str, dict] | None) -> list[GoldItem]:
    items = []
    for attribution in article.attributions:
        referent = (speakers or {}).get(attribution.id) or {}
        items.append(
            GoldItem(
                id=attribution.id,
                cue=attribution.cue,
                source=attribution.source,
                content=attribution.content,
                speaker=referent.get("speaker"),
                speaker_type=referent.get("type"),
            )
        )
    return items


def speakers_folder(gold_dir: Path, split: str) -> Path | None:
    folder = gold_dir / f"speakers-{split}"
    return folder if folder.is_dir() else None


def doc_fingerprint(doc: Doc) -> tuple:
    """What a system could change on a shared Doc: token annotations, entities, span groups, user data."""
    array = doc.to_array(_FINGERPRINT_ATTRS)
    return (
        doc.text,
        numpy.ascontiguousarray(array).tobytes(),
        tuple((e.start, e.end, e.label_) for e in doc.ents),
        tuple(sorted((key, len(group)) for key, group in doc.spans.items())),
        tuple(sorted(map(repr, doc.user_data))),
    )


def _describe(exc: BaseException) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    location = f" ({Path(where.filename).name}:{where.lineno})" if where else ""
    return f"{type(exc).__name__}: {exc}{location}"


def run_eval(
    gold_dir: str | Path,
    systems: Sequence[System],
    *,
    split: str = "dev",
    limit: int | None = None,
    nlp: Callable[[str], Doc] | None = None,
    on_article: Callable[[str, int, int], None] | None = None,
    timeout: float | None = 120.0,
) -> EvalRun:
    """Score every system on every article of the split (the first ``limit`` articles if given).

    A system that raises on an article, or runs over ``timeout`` seconds there, is recorded as a
    failure (its predictions count as empty); a system that changes the shared Doc is recorded and
    the Doc restored for the others.
    """
    gold_dir = Path(gold_dir)
    try:
        articles = read_split(gold_dir, split)
    except FileNotFoundError as exc:
        raise InputError(str(exc)) from exc
    if not articles:
        raise InputError(f"{gold_dir}: no article has both text/<stem>.txt and attributions/<stem>_*.ann")
    if limit is not None:
        articles = articles[: max(0, limit)]
    if nlp is None:
        from saidwhat.nlp import load_model

        nlp = load_model()
    warm_up(systems, nlp, timeout)
    folder = speakers_folder(gold_dir, split)
    run = EvalRun(
        gold_dir=str(gold_dir),
        split=split,
        systems=[s.name for s in systems],
        speakers_folder=str(folder) if folder else None,
    )
    for index, article in enumerate(articles):
        if on_article is not None:
            on_article(article.stem, index, len(articles))
        started = time.perf_counter()
        doc = nlp(article.text)
        run.parse_seconds += time.perf_counter() - started
        speakers = read_speakers(folder, article)
        result = ArticleResult(
            stem=article.stem,
            text=article.text,
            annotation_file=article.annotation_file,
            gold=gold_items(article, speakers),
            sentences=[(s.start_char, s.end_char) for s in doc.sents],
            has_speakers=speakers is not None,
        )
        published = dt.date.fromisoformat(article.published) if article.published else None
        doc = _run_systems(run, result, doc, systems, published, timeout)
        run.articles.append(result)
    return run


def warm_up(systems: Sequence[System], nlp: Callable[[str], Doc], timeout: float | None) -> None:
    """Run each system once on a tiny article so imports and lazy model loads stay out of the timing."""
    doc = nlp("“It is a warm-up,” the spokeswoman said on Monday.")
    for system in systems:
        try:
            with time_limit(timeout):
                system.predict(doc, None)
        except Exception:  # noqa: BLE001 - a broken system fails per article, where it is recorded
            pass


class SystemTimeout(Exception):
    """A system ran over its time limit on one article."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise SystemTimeout in the body after ``seconds`` (POSIX main thread only; else no limit).

    A hung system must cost one article, not the whole run. The alarm interrupts Python code and
    sleeps, not a single long C call (which then finishes before the timeout is raised).
    """
    usable = seconds and hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise SystemTimeout(f"no result after {seconds:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _run_systems(
    run: EvalRun, result: ArticleResult, doc: Doc, systems: Sequence[System], published, timeout: float | None
) -> Doc:
    fingerprint = doc_fingerprint(doc)
    pristine = doc.to_bytes()
    for system in systems:
        failure = None
        started = time.perf_counter()
        try:
            with time_limit(timeout):
                predicted = system.predict(doc, published)
        except Exception as exc:  # noqa: BLE001 - any system bug is one article's recorded failure
            predicted, failure = [], _describe(exc)
        seconds = time.perf_counter() - started
        result.systems[system.name] = SystemResult(
            predicted=predicted,
            score=score_article(result.text, result.gold, predicted, with_speakers=result.has_speakers),
            seconds=seconds,
            failure=failure,
        )
        if doc_fingerprint(doc) != fingerprint:
            run.doc_mutations.append({"article": result.stem, "system": system.name})
            doc = Doc(doc.vocab).from_bytes(pristine)
    return doc

"""How well PolNeAR's annotators agree with each other, by the eval's own definitions.

Some articles were annotated by several people. Scoring every later annotator's file against the
first one (the file ``saidwhat eval`` takes as gold), exactly as if it were a system, gives the
agreement a system can be expected to reach at best: a figure to read the eval table against.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from saidwhat.eval.brat import annotation_files, read_annotated, split_dir
from saidwhat.eval.score import GoldItem, PredictedItem, SystemTotals, score_article


def annotator_agreement(root: str | Path, splits: Sequence[str]) -> dict:
    """Micro-averaged role and linked F1 of each further annotator against the first, over the
    articles of ``splits`` that have two or more annotators."""
    totals = SystemTotals()
    articles, pairs = [], 0
    for split in splits:
        folder = split_dir(root, split)
        for stem, files in annotation_files(folder).items():
            if len(files) < 2:
                continue
            text_path = folder / "text" / f"{stem}.txt"
            text, first = read_annotated(text_path, files[0])
            gold = [GoldItem(id=g.id, cue=g.cue, source=g.source, content=g.content) for g in first]
            for other in files[1:]:
                _, theirs = read_annotated(text_path, other)
                # A system always reports a content; an annotation without one cannot be matched either way.
                predicted = [PredictedItem(cue=a.cue, source=a.source, content=a.content) for a in theirs if a.content]
                totals.add(score_article(text, gold, predicted, with_speakers=False))
                pairs += 1
            articles.append(f"{split}/{stem}")
    scores = totals.as_dict()
    scores.pop("speaker")
    return {"splits": list(splits), "articles": len(articles), "pairs": pairs, "article_names": articles, **scores}

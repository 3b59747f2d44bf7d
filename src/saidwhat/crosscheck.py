"""Cross-article checks over a store: numeric claims that disagree, and how outlets describe entities.

Both read the store's tables with SQL (schema in ``store/schema.sql``) and never write.

Conflicts: two claims are about the same thing when their unit and normalised ``counts`` agree
("97 hostages" / "96 hostages" -> count of "hostage"); they are in the same period when their
articles were published within ``window_days``; they disagree when the ranges their qualifiers
allow do not overlap ("more than 1,200" allows 1,200-∞, "about 1,100" allows 990-1,210: these agree;
"97" and "96" do not). Dates (value null) and claims without a counted noun are not compared: without
a noun, "45,000" in one article and "45,000" in another may count different things.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

import duckdb

# How far each qualifier lets the true value be from the stated one: (low factor, high factor).
_APPROXIMATE = (0.9, 1.1)
QUALIFIER_RANGES: dict[str, tuple[float, float]] = {
    **{q: _APPROXIMATE for q in ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "close to")},
    **{q: (1.0, math.inf) for q in ("more than", "over", "at least", "upwards of", "in excess of", "above", "well over", "no fewer than")},
    **{q: (1.0, 1.1) for q in ("just over",)},
    **{q: (0.9, 1.0) for q in ("nearly", "almost", "just under")},
    **{q: (0.0, 1.0) for q in ("up to", "at most", "no more than", "not more than", "as many as", "as much as", "fewer than", "less than", "under", "below")},
}
# Fractions are rounded when written ("two-thirds" = 66.67 percent): a point either side.
_PERCENT_SLACK = 1.0


@dataclass
class ClaimSide:
    article_id: str
    claim_id: str
    outlet: str | None
    title: str | None
    published: dt.date | None
    voice: str  # the speaker's name, or "article" for the article's own voice
    text: str
    value: float
    qualifier: str | None


@dataclass
class Conflict:
    counts: str
    unit: str
    first: ClaimSide
    second: ClaimSide


def counts_key(counts: str) -> str:
    """ "Hostages" and "hostage", "people killed" and "people killed": one key per counted thing."""
    words = counts.lower().split()
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


_BETWEEN = re.compile(r"^between ([\d.e+-]+) and ([\d.e+-]+)$")


def value_range(value: float, qualifier: str | None, unit: str) -> tuple[float, float]:
    between = _BETWEEN.match(qualifier or "")
    if between:  # a stated range ("between 200 and 300", see claims.py) keeps its bounds
        lower, upper = float(between.group(1)), float(between.group(2))
    else:
        low, high = QUALIFIER_RANGES.get(qualifier or "", (1.0, 1.0))
        lower, upper = value * low, value * high
    if unit == "percent":
        lower, upper = lower - _PERCENT_SLACK, upper + _PERCENT_SLACK
    return lower, upper


def disagree(a: ClaimSide, b: ClaimSide, unit: str) -> bool:
    a_low, a_high = value_range(a.value, a.qualifier, unit)
    b_low, b_high = value_range(b.value, b.qualifier, unit)
    return a_high < b_low or b_high < a_low


_CLAIMS_SQL = """
SELECT c.article_id, c.claim_id, c.counts, c.unit, c.value, c.qualifier, c.text,
       a.outlet, a.title, a.published,
       coalesce(s.speaker_name, s.source_text, CASE WHEN c.asserted_by = 'article' THEN 'article' ELSE c.asserted_by END)
FROM claims c
JOIN articles a ON a.id = c.article_id
LEFT JOIN statements s ON s.article_id = c.article_id AND s.statement_id = c.asserted_by
WHERE c.value IS NOT NULL AND c.unit IS NOT NULL AND c.unit <> 'date' AND c.counts IS NOT NULL
ORDER BY a.published NULLS LAST, c.article_id, c.claim_id
"""


def find_conflicts(con: duckdb.DuckDBPyConnection, window_days: int = 7) -> list[Conflict]:
    """Pairs of claims from different articles, about the same thing in the same period, that disagree."""
    groups: dict[tuple[str, str], list[ClaimSide]] = {}
    for article_id, claim_id, counts, unit, value, qualifier, text, outlet, title, published, voice in con.execute(
        _CLAIMS_SQL
    ).fetchall():
        side = ClaimSide(article_id, claim_id, outlet, title, published, voice, text, value, qualifier)
        groups.setdefault((counts_key(counts), unit), []).append(side)
    conflicts: list[Conflict] = []
    for (counts, unit), sides in groups.items():
        for i, first in enumerate(sides):
            for second in sides[i + 1 :]:
                if first.article_id == second.article_id or not _same_period(first, second, window_days):
                    continue
                if disagree(first, second, unit):
                    conflicts.append(Conflict(counts, unit, first, second))
    return conflicts


def _same_period(a: ClaimSide, b: ClaimSide, window_days: int) -> bool:
    if a.published is None or b.published is None:
        return False  # an undated article cannot be placed in a period; it would match everything
    return abs((a.published - b.published).days) <= window_days


@dataclass
class DescriptorCount:
    outlet: str
    entity: str
    entity_id: str | None
    descriptor: str
    mentions: int  # how many article-entities carry the descriptor
    articles: int


_DESCRIPTORS_SQL = """
WITH described AS (
    SELECT coalesce(a.outlet, '(unknown outlet)') AS outlet,
           coalesce(root.id, m.entity_id) AS entity_id,
           coalesce(root.name, m.name) AS entity,
           lower(trim(d.descriptor)) AS descriptor,
           m.article_id
    FROM mentions m
    JOIN articles a ON a.id = m.article_id
    LEFT JOIN entities e ON e.id = m.entity_id
    LEFT JOIN entities root ON root.id = e.canonical_id
    CROSS JOIN UNNEST(m.descriptors) AS d(descriptor)
)
SELECT outlet, entity, entity_id, descriptor, count(*) AS mentions, count(DISTINCT article_id) AS articles
FROM described
WHERE descriptor <> ''
GROUP BY outlet, entity, entity_id, descriptor
ORDER BY outlet, entity, mentions DESC, descriptor
"""


def descriptor_counts(con: duckdb.DuckDBPyConnection) -> list[DescriptorCount]:
    """Per outlet, each entity's descriptors ("the terror group", "Secretary of State") with counts."""
    return [DescriptorCount(*row) for row in con.execute(_DESCRIPTORS_SQL).fetchall()]

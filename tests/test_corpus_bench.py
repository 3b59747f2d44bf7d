"""The benchmark report: its section of docs/benchmarks.md is replaced in place, other sections kept."""

from __future__ import annotations

from saidwhat.bench import SECTION_END, SECTION_START, Rate, Results, render, write_section


def _results(scaling: float, load: float) -> Results:
    results = Results(articles=100, words=50_000, cores=2, peak_worker_mb=400, store_mb_per_1000=20, store_articles=100,
                      query_statements=100_000, query_ms_median=20, query_ms_p95=30, query_speakers=20)
    one = 10.0
    results.rates = [
        Rate("bare spaCy", 0, 100, 50_000, 5.0, load),
        Rate("engine", 0, 100, 50_000, 8.0, load),
        Rate("bare spaCy", 1, 100, 50_000, 6.0, load),
        Rate("extract", 1, 100, 50_000, one, load),
        Rate("bare spaCy", 2, 100, 50_000, 3.2, load),
        Rate("extract", 2, 100, 50_000, one / scaling, load),
        Rate("extract+rows", 2, 100, 50_000, one / scaling * 1.02, load),
        Rate("ingest", 2, 100, 50_000, one / scaling * 1.3, load),
    ]
    return results


def test_render_judges_the_bars_and_flags_a_busy_machine():
    idle = render(_results(scaling=1.9, load=0.5), "cmd")
    assert "2 workers give 1.90 × one worker (bar ≥ 1.8: **met**)" in idle
    assert "+30.0% (bar ≤ +15%: **not met**)" in idle
    assert "Caveat" not in idle
    busy = render(_results(scaling=1.2, load=7.5), "cmd")
    assert "**not met**" in busy.split("Scaling:")[1].split("\n")[0]
    assert "Caveat" in busy and "7.5" in busy


def test_write_section_replaces_only_its_own_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Attribution quality\n\nscores\n", encoding="utf-8")
    write_section(f"{SECTION_START}\nfirst\n{SECTION_END}\n", doc)
    doc.write_text(doc.read_text(encoding="utf-8") + "\n## Events\n\nplover\n", encoding="utf-8")
    write_section(f"{SECTION_START}\nsecond\n{SECTION_END}\n", doc)
    text = doc.read_text(encoding="utf-8")
    assert "first" not in text and text.count(SECTION_START) == 1 and "second" in text
    assert text.index("## Attribution quality") < text.index("second") < text.index("## Events")

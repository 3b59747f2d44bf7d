"""`saidwhat extract`: the CLI is a thin shell over saidwhat.extract."""

from __future__ import annotations

import json
import subprocess
import sys

from saidwhat import extract
from tests.conftest import SEED

WIRE = (
    "LONDON (Reuters) - Britain's finance minister said on Tuesday that inflation would fall.\n\n"
    "“We have turned the corner,” Rachel Reeves told reporters in London.\n"
)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "saidwhat", "extract", *args], capture_output=True, text=True, input=stdin
    )


def test_json_of_a_txt_file_is_the_library_result(tmp_path):
    result = run_cli(str(SEED), "--published", "2025-01-08")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    text = SEED.read_text(encoding="utf-8")
    assert data["id"] == "hamas-blinken"
    assert data["text"] == text, "a .txt file's content is kept unchanged"
    assert data["published"] == "2025-01-08"
    library = extract(text, published="2025-01-08", article_id="hamas-blinken")
    assert data == json.loads(library.model_dump_json())


def test_stdin_and_jsonl(tmp_path):
    result = run_cli("-", "--format", "jsonl", stdin=WIRE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["id"] == "stdin" and record["text"] == WIRE


def test_html_goes_through_trafilatura(tmp_path):
    page = tmp_path / "story.html"
    body = "".join(f"<p>{line}</p>" for line in WIRE.split("\n") if line)
    page.write_text(
        "<html><head><title>Reeves on inflation</title></head><body>"
        "<nav>Home | World | Business</nav><article>" + body + "</article>"
        "<footer>Copyright 2025</footer></body></html>",
        encoding="utf-8",
    )
    result = run_cli(str(page))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "inflation would fall" in data["text"]
    assert "Copyright" not in data["text"] and "Home | World" not in data["text"]
    assert data["id"] == "story"


def test_table_is_for_people():
    result = run_cli(str(SEED), "--published", "2025-01-08", "--format", "table")
    assert result.returncode == 0, result.stderr
    for header in ("speaker", "cue", "content", "target", "time"):
        assert header in result.stdout
    assert "Hamdan" in result.stdout


def test_missing_file_is_a_clear_error(tmp_path):
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert "no such file" in result.stderr and "Traceback" not in result.stderr

"""Test articles and helpers for the web app's tests (API, fuzzing, browser).

The articles are written for these tests (not taken from any corpus): wire style, UK style
``said:``, a present-tense feature on another topic, a long feature with a quote running over
several paragraphs, and one whose quotes carry HTML/script injection attempts that every page must
show as literal text.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.conftest import ROOT, SEED

SAIDWHAT = str(Path(sys.executable).parent / "saidwhat")

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(2)>'

WIRE_ARTICLE = {
    "id": "port-strike",
    "title": "Dockworkers extend strike as talks stall",
    "outlet": "Harbour Wire",
    "published": "2025-03-04",
    "url": "https://news.example.org/port-strike",
    "text": (
        "ROTTERDAM, March 4 (Harbour Wire) - Dockworkers at the port of Rotterdam extended their strike "
        "on Tuesday after talks with terminal operators broke down for a second time.\n"
        "\"We will not go back to work until the operators put a fair offer on the table,\" union leader "
        "Marieke Janssen told reporters outside the port authority building.\n"
        "Janssen accused the operators of stalling the negotiations to wait out the workers.\n"
        "The operators' association denied the claim. Its chairman, Pieter de Vries, said the union's "
        "demands would make the port uncompetitive.\n"
        "\"Nobody wants this strike to last a day longer,\" de Vries said on Monday.\n"
    ),
}

UK_ARTICLE = {
    "id": "flood-defences",
    "title": "Minister defends flood spending",
    "outlet": "The Northern Ledger",
    "published": "2025-02-11",
    "url": "https://ledger.example.co.uk/flood-defences",
    "text": (
        "The environment minister has defended the government's record on flood defences after a week "
        "of heavy rain left hundreds of homes under water in Yorkshire.\n"
        "Speaking in York on Monday, Helen Marsh said: \"We have spent more on flood defences in the "
        "last five years than in the decade before.\"\n"
        "But local councillor Tom Beckett criticised the minister, saying the money had not reached "
        "the towns that needed it most.\n"
        "Beckett said: \"People here were promised new barriers in 2019. They are still waiting.\"\n"
    ),
}

FEATURE_ARTICLE = {
    "id": "reef-survey",
    "title": "Scientists count the cost of a hot summer on the reef",
    "outlet": "Coastal Science Weekly",
    "published": "2025-01-20",
    "url": "https://science.example.com/reef-survey",
    "text": (
        "On a calm morning off Lizard Island, marine biologist Ana Ruiz slips over the side of the boat "
        "with a clipboard and a camera.\n"
        "\"Every year we hope the numbers will be better,\" says Ruiz, who has surveyed the reef for "
        "twelve years. \"This year they are worse.\"\n"
        "Her colleague, the ecologist Ben Okafor, says the bleaching reached reefs that had never "
        "bleached before.\n"
        "Ruiz warns that another hot summer could kill a third of the coral in the northern section.\n"
        "\"We are running out of time,\" Okafor says.\n"
    ),
}

LONG_FEATURE = {
    "id": "grid-battery",
    "title": "The town that bet its future on a battery",
    "outlet": "Energy Review",
    "published": "2024-11-15",
    "url": "https://energy.example.net/grid-battery",
    "text": (
        "When the coal plant above Kelderby closed in 2021, the town lost four hundred jobs and, "
        "some residents feared, its reason to exist.\n"
        "Three years later, the site hums again. A battery the size of two football pitches now stores "
        "power from the wind farms along the coast and sells it back to the grid at night.\n"
        "\"People told us it was a fantasy,\" says Mayor Linda Carrow, who pushed the project through "
        "the council against fierce opposition. \"They said a town like ours could not run a project "
        "like this.\n"
        "\"We proved them wrong, and we did it without a penny from the national government.\"\n"
        "Not everyone is convinced. Councillor Raymond Pike, who led the campaign against the battery, "
        "accused Carrow of hiding the true cost of the project from residents.\n"
        "\"The numbers she gives are the numbers that suit her,\" Pike said in an interview last week.\n"
        "Carrow rejected the accusation. She said every contract had been published on the council's "
        "website since the start.\n"
        "The battery's operator, Northgrid, said the site had earned the town 2.4 million pounds in "
        "its first year, according to figures released on Monday.\n"
        "Energy analyst Priya Natarajan, who has studied similar projects in Germany and Australia, "
        "warned that battery prices could fall faster than the town expects, cutting its income.\n"
        "\"Kelderby got in early, and that helped,\" Natarajan said. \"The next town will find the "
        "market much more crowded.\"\n"
        "For now, Carrow is unmoved. \"Ask me again in ten years,\" she says.\n"
    ),
}

XSS_ARTICLE = {
    "id": "xss-probe",
    "title": "Council row over website <b>hack</b>",
    "outlet": "Town Crier",
    "published": "2025-04-01",
    "url": "javascript:alert(3)",
    "text": (
        "A row broke out at the town council on Wednesday over a defaced council website.\n"
        f"\"Somebody typed {XSS_SCRIPT} into our contact form and it ran,\" council leader Priya Shah said.\n"
        f"The opposition leader, Mark Dunn, said: \"The page showed {XSS_IMG} to every visitor for a week.\"\n"
        "Shah said the council had since fixed the form.\n"
    ),
}

TEST_ARTICLES = [WIRE_ARTICLE, UK_ARTICLE, FEATURE_ARTICLE, LONG_FEATURE, XSS_ARTICLE]

SEED_RECORD = {
    "id": "hamas-blinken",
    "title": "Hamas threatens to prosecute Blinken",
    "outlet": "New York Post",
    "published": "2025-01-08",
    "text": SEED.read_text(encoding="utf-8"),
}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records), encoding="utf-8")
    return path


def ingest_with_cli(jsonl: Path, db: Path) -> subprocess.CompletedProcess:
    """Fill ``db`` with a real ``saidwhat ingest`` run (raises with its output when it fails)."""
    result = subprocess.run(
        [SAIDWHAT, "ingest", str(jsonl), "--db", str(db), "--workers", "0", "--no-progress"],
        capture_output=True, text=True, timeout=600, cwd=ROOT,
    )
    if result.returncode != 0:
        raise AssertionError(f"saidwhat ingest failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_server(db: Path, *extra: str, env: dict | None = None) -> Iterator[str]:
    """A real ``saidwhat serve`` subprocess on a free local port; yields its base URL."""
    port = free_port()
    log = db.with_suffix(".serve.log")
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [SAIDWHAT, "serve", "--db", str(db), "--port", str(port), *extra],
            stdout=log_file, stderr=subprocess.STDOUT, cwd=ROOT, env={**os.environ, **(env or {})},
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_up(base: str, process: subprocess.Popen, log: Path, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"saidwhat serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{base}/openapi.json", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"saidwhat serve did not answer within {timeout:.0f} s:\n{log.read_text()}")

"""Bad input gives a clear error or an empty result, never a traceback."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from saidwhat import InputError, extract
from saidwhat.errors import MAX_ARTICLE_CHARS
from tests.conftest import assert_spans_valid

QUOTE_MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„"]


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\n\n\n"])
def test_empty_input_is_a_clear_error(text):
    with pytest.raises(InputError, match="empty"):
        extract(text)


def test_binary_input_is_a_clear_error():
    binary = bytes(range(256)).decode("latin-1") * 10
    with pytest.raises(InputError, match="binary"):
        extract(binary)


def test_non_string_input_is_a_clear_error():
    with pytest.raises(InputError, match="str"):
        extract(b"bytes are not text")  # type: ignore[arg-type]


def test_gigantic_input_is_refused_with_what_to_do():
    huge = ("The minister said the plan would work. " * 1_400_000)[: 50 * 1024 * 1024]
    assert len(huge) > MAX_ARTICLE_CHARS
    with pytest.raises(InputError, match="split it"):
        extract(huge)


@pytest.mark.parametrize(
    "text",
    [
        "„Wir schaffen das“, sagte die Bundeskanzlerin am Montag in Berlin.",
        "« Nous ne céderons pas », a déclaré le ministre mardi à Paris.",
        "习近平周二表示，中国将继续扩大开放。",
        "Путин заявил, что переговоры продолжатся.",
        "مرحبا بالعالم، قال الوزير يوم الثلاثاء.",
    ],
)
def test_non_english_input_gives_a_valid_result(text):
    article = extract(text)
    assert article.text == text
    assert_spans_valid(article)


def test_quote_mark_chaos_never_crashes():
    rng = random.Random(7)
    words = "the minister said that he would he added officials warned according to Reuters".split()
    for _ in range(60):
        pieces = []
        for _ in range(rng.randint(5, 80)):
            pieces.append(rng.choice(words + QUOTE_MARKS + [",", ".", "\n", ":"]))
        text = " ".join(pieces)
        if not text.strip():
            continue
        article = extract(text)
        assert_spans_valid(article)


@pytest.mark.parametrize(
    "text",
    [
        "“This quote never closes, the senator said.\n\nAnd the next paragraph has no marks at all.",
        "He said: ”backwards marks“ are common in scraped text.",
        "''Double single quotes,'' said the coach. 'Single quotes,' she added.",
        '"Straight quotes," said the coach, "on both sides."',
        "““Doubled openers”” confuse parsers, an editor said.",
        "”",
        "“",
    ],
)
def test_unbalanced_and_odd_quote_marks(text):
    article = extract(text)
    assert_spans_valid(article)


def test_cli_reports_bad_files_and_keeps_going(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("“We will win,” the coach said on Sunday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Café owners said prices would rise.".encode("latin-1"))
    result = subprocess.run(
        [sys.executable, "-m", "saidwhat", "extract", str(empty), str(binary), str(latin), str(good), "--format", "jsonl"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "empty" in result.stderr and "binary" in result.stderr and "UTF-8" in result.stderr
    assert result.stdout.count("\n") == 1 and '"id":"good"' in result.stdout

"""Quote-mark structure: pieces, multi-paragraph quotations, apostrophes and mark chaos."""

from __future__ import annotations

import random

import pytest

from saidwhat.quotes import QuoteIndex, find_quotes, paragraph_spans


def texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.pieces] for q in find_quotes(text)]


def test_curly_and_straight_double_quotes():
    text = "“Curly one,” she said. He said \"straight one\" too."
    assert texts(text) == [["Curly one,"], ["straight one"]]


def test_marks_are_excluded_and_offsets_point_at_them():
    text = "He said “yes” twice."
    (quote,) = find_quotes(text)
    assert text[quote.open_at] == "“" and text[quote.close_at] == "”"
    assert text[quote.start : quote.end] == "“yes”"


def test_quotation_over_three_paragraphs_is_one_quote_with_a_piece_each():
    text = "“First part of it.\n\n“Second part.\n“Third and last,” she said.\nNext paragraph."
    assert texts(text) == [["First part of it.", "Second part.", "Third and last,"]]


def test_quote_opened_mid_paragraph_continues_when_next_paragraph_reopens():
    text = "“Done,” he said. “Then more\n“and the end.” Blinken said."
    assert texts(text) == [["Done,"], ["Then more", "and the end."]]


def test_apostrophes_are_not_single_quotes():
    text = "Hamas’ leaders and the group’s chief don’t agree; the ‘peace plan’ is dead. It's 'fine' now."
    assert texts(text) == [["peace plan"], ["fine"]]


def test_single_quotes_inside_double_quotes_belong_to_the_outer_quote():
    text = "“He called it ‘a farce’ yesterday,” she said."
    assert texts(text) == [["He called it ‘a farce’ yesterday,"]]


def test_unclosed_quote_mid_paragraph_is_dropped_but_one_opening_a_paragraph_runs_to_its_end():
    text = "He said “never closed and\nthe next line is plain.\n“A paragraph quote left open\nPlain again."
    assert texts(text) == [["A paragraph quote left open"]]


def test_paragraph_spans_skip_blank_lines_and_trim():
    text = "  One. \n\n\tTwo\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two"]


def test_index_finds_the_quote_around_an_offset():
    text = "a “b c” d “e”"
    index = QuoteIndex(find_quotes(text))
    assert index.containing(text.index("b")).pieces == ((3, 6),)
    assert index.inside(text.index("“"))
    assert not index.inside(text.index("d"))
    assert index.overlapping(text.index("d"), len(text))
    assert not index.overlapping(text.index("d"), text.index("d") + 1)


@pytest.mark.parametrize("seed", range(20))
def test_random_mark_chaos_never_fails_and_stays_in_bounds(seed):
    rng = random.Random(seed)
    alphabet = list("ab  \n,.“”‘’\"'«»„") + ["word ", "said ", "\n\n"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
    quotes = find_quotes(text)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        for start, end in quote.pieces:
            assert quote.start < start < end <= quote.end
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_doubled_apostrophes_are_double_quotes_in_archive_text():
    text = "''Not a line item,'' she said. ''We won't 'trim' people.''\n\n''First part\n\n''and the end.'' It's over."
    assert texts(text) == [["Not a line item,"], ["We won't 'trim' people."], ["First part", "and the end."]]
    first = find_quotes(text)[0]
    assert text[first.start : first.end] == "''Not a line item,''"

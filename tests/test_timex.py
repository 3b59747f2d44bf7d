"""Time expressions: finding them in text and resolving them with news conventions."""

from __future__ import annotations

import datetime as dt

import pytest

from saidwhat.timex import find_timexes, resolve_expression, week_value

WED = dt.date(2025, 1, 8)  # the seed article's publication date, a Wednesday
SAT = dt.date(2025, 1, 11)
SUN = dt.date(2025, 1, 12)


@pytest.mark.parametrize(
    "expression, published, value, granularity",
    [
        # Weekdays: the most recent such day on or before publication.
        ("Tuesday", WED, "2025-01-07", "day"),
        ("on Saturday", WED, "2025-01-04", "day"),
        ("Wednesday", WED, "2025-01-08", "day"),
        ("Thursday", WED, "2025-01-02", "day"),
        ("Monday night", WED, "2025-01-06", "day"),
        ("Sunday morning", WED, "2025-01-05", "day"),
        ("Tues.", WED, "2025-01-07", "day"),
        ("last Tuesday", WED, "2025-01-07", "day"),
        ("last Wednesday", WED, "2025-01-01", "day"),
        ("next Monday", WED, "2025-01-13", "day"),
        ("this Friday", WED, "2025-01-10", "day"),
        # Deictic days.
        ("yesterday", WED, "2025-01-07", "day"),
        ("today", WED, "2025-01-08", "day"),
        ("tonight", WED, "2025-01-08", "day"),
        ("last night", WED, "2025-01-07", "day"),
        ("this morning", WED, "2025-01-08", "day"),
        ("two days ago", WED, "2025-01-06", "day"),
        ("a year ago", WED, "2024", "year"),
        ("three weeks ago", WED, "2024-W51", "week"),
        ("six months ago", WED, "2024-07", "month"),
        # Weeks, weekends, months, years relative to publication.
        ("last week", WED, "2025-W01", "week"),
        ("this week", WED, "2025-W02", "week"),
        ("earlier this week", WED, "2025-W02", "week"),
        ("next week", WED, "2025-W03", "week"),
        ("weekend", WED, "2025-W01", "week"),
        ("over the weekend", WED, "2025-W01", "week"),
        ("the weekend", SUN, "2025-W02", "week"),
        ("last weekend", SUN, "2025-W01", "week"),
        ("this weekend", WED, "2025-W02", "week"),
        ("this weekend", SAT, "2025-W02", "week"),
        ("next weekend", SAT, "2025-W03", "week"),
        ("next weekend", SUN, "2025-W03", "week"),
        ("last month", WED, "2024-12", "month"),
        ("earlier this month", WED, "2025-01", "month"),
        ("next month", WED, "2025-02", "month"),
        ("last year", WED, "2024", "year"),
        ("earlier this year", dt.date(2024, 6, 1), "2024", "year"),
        ("next year", WED, "2026", "year"),
        # Months and month-days without a year: the nearest plausible year.
        ("Jan. 20", WED, "2025-01-20", "day"),
        ("January 20", WED, "2025-01-20", "day"),
        ("Dec. 28", WED, "2024-12-28", "day"),
        ("20 January", WED, "2025-01-20", "day"),
        ("the 3rd of March", WED, None, None),  # "the" in front: not a bare expression
        ("in March", WED, "2025-03", "month"),
        ("in November", WED, "2024-11", "month"),
        ("last March", WED, "2024-03", "month"),
        ("next March", WED, "2025-03", "month"),
        ("mid-March", dt.date(2024, 6, 1), "2024-03", "month"),
        ("Feb. 29", WED, "2024-02-29", "day"),
        # Absolute expressions.
        ("on Sept. 12, 2016", WED, "2016-09-12", "day"),
        ("September 12, 2016", WED, "2016-09-12", "day"),
        ("12 September 2016", WED, "2016-09-12", "day"),
        ("Monday, Sept. 12, 2016", WED, "2016-09-12", "day"),
        ("March 2019", WED, "2019-03", "month"),
        ("Jan 20", WED, "2025-01-20", "day"),  # UK and online style: no abbreviation dot
        ("20 Sep 2016", WED, "2016-09-20", "day"),
        ("Wednesday 8 January 2025", WED, "2025-01-08", "day"),
        ("Jan", WED, None, None),
        ("in 2019", WED, "2019", "year"),
        ("since 1998", WED, "1998", "year"),
        ("2025-01-03", WED, "2025-01-03", "day"),
        # Clock times, alone and with a day.
        ("Tuesday at 3 p.m.", WED, "2025-01-07T15:00", "time"),
        ("3 p.m. Tuesday", WED, "2025-01-07T15:00", "time"),
        ("Monday, Sept. 12, 2016 at noon", WED, "2016-09-12T12:00", "time"),
        ("at 9:30 a.m.", WED, "2025-01-08T09:30", "time"),
        # Not dates.
        ("Feb. 30", WED, None, None),
        ("may", WED, None, None),
        ("the Sun", WED, None, None),
        ("2,000 people", WED, None, None),
        ("13 p.m.", WED, None, None),
    ],
)
def test_resolution_with_publication_date(expression, published, value, granularity):
    resolved = resolve_expression(expression, published)
    if granularity is None:
        assert resolved is None
    else:
        assert resolved == (value, granularity)


@pytest.mark.parametrize(
    "expression, value, granularity",
    [
        ("Tuesday", None, "unresolved"),
        ("last week", None, "unresolved"),
        ("yesterday", None, "unresolved"),
        ("Jan. 20", None, "unresolved"),
        ("in March", None, "unresolved"),
        ("weekend", None, "unresolved"),
        ("on Sept. 12, 2016", "2016-09-12", "day"),
        ("March 2019", "2019-03", "month"),
        ("in 2019", "2019", "year"),
        ("12 September 2016", "2016-09-12", "day"),
    ],
)
def test_without_publication_date_only_absolute_expressions_resolve(expression, value, granularity):
    assert resolve_expression(expression, None) == (value, granularity)


@pytest.mark.parametrize(
    "expression, nearest, past",
    [("Jan. 20", "2025-01-20", "2024-01-20"), ("in March", "2025-03", "2024-03"), ("Jan. 8", "2025-01-08", "2025-01-08")],
)
def test_prefer_past_picks_the_latest_date_on_or_before_publication(expression, nearest, past):
    assert resolve_expression(expression, WED)[0] == nearest
    assert resolve_expression(expression, WED, prefer_past=True)[0] == past


def test_every_weekday_resolves_within_the_week_before_publication():
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for offset in range(7):
        published = WED + dt.timedelta(days=offset)
        for name in names:
            value, granularity = resolve_expression(name, published)
            day = dt.date.fromisoformat(value)
            assert granularity == "day"
            assert 0 <= (published - day).days < 7
            assert day.strftime("%A") == name


def test_spans_index_the_text_and_skip_prepositions():
    text = "Hamadan said Tuesday at a news conference, before the inauguration on Jan. 20, and in 2019."
    found = find_timexes(text, WED)
    assert [text[s:e] for s, e in (ref.span for ref in found)] == ["Tuesday", "Jan. 20", "2019"]
    assert [ref.value for ref in found] == ["2025-01-07", "2025-01-20", "2019"]


def test_search_can_be_limited_to_a_range():
    text = "On Monday he left. He said Friday that he was back."
    start = text.index("He said")
    found = find_timexes(text, WED, start=start)
    assert [text[s:e] for s, e in (ref.span for ref in found)] == ["Friday"]


def test_capitalization_separates_names_from_words():
    text = "Officials may march on the capital; the Sun reported it. In May 2,000 people marched."
    found = find_timexes(text, WED)
    assert [text[s:e] for s, e in (ref.span for ref in found)] == ["May"]


def test_longest_expression_wins_over_its_parts():
    text = "The deal was signed on Monday, Sept. 12, 2016, in Geneva."
    (ref,) = find_timexes(text, WED)
    assert text[ref.span[0] : ref.span[1]] == "Monday, Sept. 12, 2016"
    assert ref.value == "2016-09-12"


def test_week_value_uses_iso_weeks_across_year_ends():
    assert week_value(dt.date(2024, 12, 30)) == "2025-W01"
    assert week_value(dt.date(2021, 1, 3)) == "2020-W53"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He told CBS This Morning that it was over.", []),
        ("He spoke on NPR's Weekend Edition about it.", []),
        ("She appeared on NBC's Today show.", []),
        ("He said Last Week Tonight was unfair.", []),
        ("This morning he said it was over.", ["This morning"]),
        ("Last week, he said it was over.", ["Last week"]),
        ("It rained. Yesterday he said it was over.", ["Yesterday"]),
        ("“Yesterday was bad,” he said.", ["Yesterday"]),
    ],
)
def test_capitalized_ordinary_words_inside_a_sentence_are_names_not_times(text, expected):
    assert [text[s:e] for s, e in (ref.span for ref in find_timexes(text, WED))] == expected


def test_random_text_never_raises_and_spans_stay_inside():
    import random

    rng = random.Random(11)
    pieces = ["Jan.", "Jan", "20", "31", "Feb. 30", "Tuesday", "last", "week", "ago", "2019", "in", "on", "at",
              "3 p.m.", "13:00", "noon", "weekend", "May", "may", ",", "—", "“", "9999", "0", "Sept. 31, 2016"]
    for _ in range(500):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        for published in (None, WED, dt.date(2024, 2, 29)):
            for ref in find_timexes(text, published):
                assert 0 <= ref.span[0] < ref.span[1] <= len(text)
                assert ref.granularity in {"time", "day", "week", "month", "year", "unresolved"}
                assert (ref.value is None) == (ref.granularity == "unresolved")

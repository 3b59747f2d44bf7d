"""Time expressions in news text and their resolution against the publication date.

News conventions (see docs/speech-acts.md, "Time"):

- a bare weekday ("Tuesday", "on Saturday", "Monday night") is the most recent such day on or
  before the publication date ("Wednesday" in a Wednesday paper is that day); "last <weekday>" is
  strictly before it, "next <weekday>" strictly after, "this <weekday>" on or after;
- "yesterday"/"last night" are the day before publication, "today"/"tonight"/"this morning" the day;
- "last week"/"this week"/"next week" are ISO weeks ("2025-W01");
- "the weekend"/"over the weekend"/"weekend" is the most recent Saturday-Sunday on or before
  publication, given as the ISO week that ends with it (granularity "week");
- a month and day without a year ("Jan. 20") takes the nearest plausible year; with
  ``prefer_past`` (used for when something was said) the latest one on or before publication;
- a month alone ("in March") likewise; a year ("in 2019") and full dates are absolute.

Without a publication date absolute expressions still resolve; relative ones keep their span with
value ``None`` and granularity ``"unresolved"``. Values are ISO 8601 strings as ``models.TimePart``
documents. No third-party date parser: they are slow to import and ignore these conventions.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from saidwhat.records import Span, TimeRef

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

# Abbreviations need their dot ("Sun" is a newspaper, "Mar" a surname); full names need a capital.
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
# Before a day number an abbreviation may drop its dot ("Jan 20", "20 Sep 2016").
_MONTH_BY_DAY = rf"(?:{_MONTH}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b)"
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)"
)
_DAY_PART = r"(?:morning|afternoon|evening|night|overnight)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d,]*\d)"
_CLOCK = r"(?i:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|noon\b|midnight\b)"
_NUMBER = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"

_PREP = r"(?i:in|since|during|until|by|from|of|early|late|mid-?)\s+"

# (name, regex). The group "core" (when present) is the expression's span, so "in March" gives
# "March". Names of months and weekdays are case-sensitive; function words are matched either case.
_PATTERNS: list[tuple[str, str]] = [
    ("full_date", rf"(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH_BY_DAY})\s+(?P<day>{_DAYNUM})\b(?:,?\s+(?P<year>{_YEAR})\b)?"),
    ("uk_date", rf"\b(?:{_WEEKDAY},?\s+)?(?P<day>{_DAYNUM})\s+(?:of\s+)?(?P<month>{_MONTH_BY_DAY})(?:,?\s+(?P<year>{_YEAR})\b)?"),
    ("iso_date", r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ("month_year", rf"(?P<month>{_MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
    ("shifted_month", rf"\b(?P<shift>(?i:last|this|next|early|late|mid-?))\s*(?P<month>{_MONTH})(?![\w-])"),
    ("bare_month", rf"\b{_PREP}(?P<core>(?P<month>{_MONTH}))(?![\w-])"),
    ("ago", rf"\b(?i:(?P<count>{_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago)\b"),
    ("relative_unit", r"\b(?i:(?P<shift>last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+last|earlier\s+last)\s+(?P<unit>week|month|year))\b"),
    ("weekend", r"\b(?i:(?:(?P<shift>last|this|next|over\s+the|the)\s+)?weekend)\b"),
    ("shifted_weekday", rf"\b(?P<shift>(?i:last|this|next))\s+(?P<weekday>{_WEEKDAY})(?:\s+{_DAY_PART})?"),
    ("weekday", rf"(?<![\w-])(?P<weekday>{_WEEKDAY})(?:\s+{_DAY_PART}\b)?"),
    ("deictic_day", r"\b(?i:(?P<word>yesterday|today|tonight|last\s+night|this\s+(?:morning|afternoon|evening)))\b"),
    ("year", rf"\b{_PREP}(?P<core>(?P<year>{_YEAR}))\b(?![-\d])"),
    ("clock", rf"\b(?P<clock>{_CLOCK})"),
]
_COMPILED = [(name, re.compile(regex)) for name, regex in _PATTERNS]
_PRIORITY = {name: rank for rank, (name, _) in enumerate(_PATTERNS)}


def week_value(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def _weekday_on_or_before(published: dt.date, weekday: int) -> dt.date:
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_on_or_after(published: dt.date, weekday: int) -> dt.date:
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def _nearest_year(published: dt.date, month: int, day: int, prefer_past: bool) -> dt.date | None:
    """The year that puts month/day nearest publication (or latest on or before it)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if prefer_past:
        past = [c for c in candidates if c <= published]
        return max(past) if past else None
    return min(candidates, key=lambda c: (abs((c - published).days), c > published)) if candidates else None


def _nearest_month(published: dt.date, month: int, prefer_past: bool) -> tuple[int, int]:
    options = [(published.year + offset, month) for offset in (-1, 0, 1)]
    here = published.year * 12 + published.month
    if prefer_past:
        return max(o for o in options if o[0] * 12 + o[1] <= here)
    return min(options, key=lambda o: (abs(o[0] * 12 + o[1] - here), o[0] * 12 + o[1] > here))


Resolution = tuple[str | None, str] | None  # (value, granularity); None: not a date after all


def _unresolved() -> Resolution:
    return None, "unresolved"


def _month_of(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_of(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _resolve_dated(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    month, day = _month_of(m["month"]), _day_of(m["day"])
    if m["year"]:
        try:
            return dt.date(int(m["year"]), month, day).isoformat(), "day"
        except ValueError:
            return None
    try:
        dt.date(2000, month, day)  # a leap year: Feb. 29 is a real date
    except ValueError:
        return None
    if published is None:
        return _unresolved()
    date = _nearest_year(published, month, day, prefer_past)
    return (date.isoformat(), "day") if date else None


def _resolve_iso(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    try:
        return dt.date(int(m["year"]), int(m["month"]), int(m["day"])).isoformat(), "day"
    except ValueError:
        return None


def _resolve_month_year(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    return _month_value(int(m["year"]), _month_of(m["month"])), "month"


def _resolve_shifted_month(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    month, shift = _month_of(m["month"]), m["shift"].lower()
    if shift == "last":
        year = published.year if month < published.month else published.year - 1
    elif shift == "next":
        year = published.year if month > published.month else published.year + 1
    elif shift == "this":
        year = published.year
    else:  # early/late/mid: the nearest such month
        year, month = _nearest_month(published, month, prefer_past)
    return _month_value(year, month), "month"


def _resolve_bare_month(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    year, month = _nearest_month(published, _month_of(m["month"]), prefer_past)
    return _month_value(year, month), "month"


def _resolve_ago(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    count_text, unit = m["count"].lower(), m["unit"].lower().rstrip("s")
    count = NUMBER_WORDS.get(count_text) or int(count_text)
    if published is None:
        return _unresolved()
    if unit == "day":
        return (published - dt.timedelta(days=count)).isoformat(), "day"
    if unit == "week":
        return week_value(published - dt.timedelta(weeks=count)), "week"
    if unit == "month":
        return _month_value(*_shift_month(published.year, published.month, -count)), "month"
    return f"{published.year - count:04d}", "year"


def _shift_of(m: re.Match) -> int:
    words = m["shift"].lower().split()
    return {"last": -1, "next": 1}.get(words[-1], 0)


def _resolve_relative_unit(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    unit, shift = m["unit"].lower(), _shift_of(m)
    if unit == "week":
        return week_value(published + dt.timedelta(weeks=shift)), "week"
    if unit == "month":
        return _month_value(*_shift_month(published.year, published.month, shift)), "month"
    return f"{published.year + shift:04d}", "year"


def _resolve_weekend(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    shift = (m["shift"] or "").lower().split()
    in_weekend = published.weekday() >= 5
    saturday = _weekday_on_or_before(published, 5)
    if shift[-1:] == ["last"] and in_weekend:
        saturday -= dt.timedelta(weeks=1)
    elif shift[-1:] == ["next"]:
        saturday = _weekday_on_or_after(published + dt.timedelta(days=1), 5)
    elif shift == ["this"] and not in_weekend:
        saturday = _weekday_on_or_after(published, 5)
    return week_value(saturday), "week"


def _resolve_shifted_weekday(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    weekday, shift = WEEKDAYS[m["weekday"].lower().rstrip(".")], m["shift"].lower()
    if shift == "last":
        day = _weekday_on_or_before(published - dt.timedelta(days=1), weekday)
    elif shift == "next":
        day = _weekday_on_or_after(published + dt.timedelta(days=1), weekday)
    else:
        day = _weekday_on_or_after(published, weekday)
    return day.isoformat(), "day"


def _resolve_weekday(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    day = _weekday_on_or_before(published, WEEKDAYS[m["weekday"].lower().rstrip(".")])
    return day.isoformat(), "day"


def _resolve_deictic_day(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    if published is None:
        return _unresolved()
    word = " ".join(m["word"].lower().split())
    offset = -1 if word in ("yesterday", "last night") else 0
    return (published + dt.timedelta(days=offset)).isoformat(), "day"


def _resolve_year(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    return m["year"], "year"


def _clock_time(text: str) -> str | None:
    text = text.lower().replace(" ", "")
    if text == "noon":
        return "12:00"
    if text == "midnight":
        return "00:00"
    m = re.match(r"(\d{1,2})(?::(\d\d))?(a\.m\.|p\.m\.|am|pm)", text)
    hour, minute = int(m[1]), int(m[2] or 0)
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m[3].startswith("p") else 0)
    return f"{hour:02d}:{minute:02d}"


def _resolve_clock(m: re.Match, published: dt.date | None, prefer_past: bool) -> Resolution:
    clock = _clock_time(m["clock"])
    if clock is None:
        return None
    if published is None:
        return _unresolved()
    return f"{published.isoformat()}T{clock}", "time"


_RESOLVERS: dict[str, Callable[[re.Match, dt.date | None, bool], Resolution]] = {
    "full_date": _resolve_dated,
    "uk_date": _resolve_dated,
    "iso_date": _resolve_iso,
    "month_year": _resolve_month_year,
    "shifted_month": _resolve_shifted_month,
    "bare_month": _resolve_bare_month,
    "ago": _resolve_ago,
    "relative_unit": _resolve_relative_unit,
    "weekend": _resolve_weekend,
    "shifted_weekday": _resolve_shifted_weekday,
    "weekday": _resolve_weekday,
    "deictic_day": _resolve_deictic_day,
    "year": _resolve_year,
    "clock": _resolve_clock,
}


# Patterns of ordinary words: capitalized inside a sentence they are names ("CBS This Morning",
# NPR's "Weekend Edition", NBC's "Today"), not times.
_WORD_PATTERNS = frozenset({"ago", "relative_unit", "weekend", "deictic_day"})
_SENTENCE_START = re.compile(r"(?:^|[.!?:;—–-]\s*|[“\"(\n]\s*)$")


def _is_title_case_name(text: str, m: re.Match) -> bool:
    if not m.group()[:1].isupper():
        return False
    return not _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]) or any(
        word[:1].isupper() for word in m.group().split()[1:]
    )


def _candidates(text: str, start: int, end: int, published: dt.date | None, prefer_past: bool):
    for name, pattern in _COMPILED:
        for m in pattern.finditer(text, start, end):
            if name in _WORD_PATTERNS and _is_title_case_name(text, m):
                continue
            resolution = _RESOLVERS[name](m, published, prefer_past)
            if resolution is None:
                continue
            span = m.span("core") if "core" in pattern.groupindex else m.span()
            yield name, span, resolution


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


# A clock time and a day expression this close together are one moment ("Tuesday at 3 p.m.").
_CLOCK_JOINER = re.compile(r"(?:,?\s+(?i:at|on|about|around)\s+|,?\s+)")
_DAY_PATTERNS = {"full_date", "uk_date", "iso_date", "shifted_weekday", "weekday", "deictic_day"}


def _merge_clock_times(text: str, found: list[tuple[str, TimeRef]]) -> list[TimeRef]:
    merged: list[tuple[str, TimeRef]] = []
    for name, ref in found:
        if merged and _CLOCK_JOINER.fullmatch(text, merged[-1][1].span[1], ref.span[0]):
            previous_name, previous = merged[-1]
            if {name, previous_name} in ({"clock", day} for day in _DAY_PATTERNS):
                clock, day = (ref, previous) if name == "clock" else (previous, ref)
                value = f"{day.value}T{clock.value[-5:]}" if day.value and clock.value else None
                span = (previous.span[0], ref.span[1])
                merged[-1] = ("clock", TimeRef(span, value, "time" if value else "unresolved"))
                continue
        merged.append((name, ref))
    return [ref for _, ref in merged]


def find_timexes(
    text: str,
    published: dt.date | None,
    *,
    start: int = 0,
    end: int | None = None,
    prefer_past: bool = False,
) -> list[TimeRef]:
    """Every time expression in ``text[start:end]``, resolved; spans index ``text``, in order."""
    end = len(text) if end is None else end
    ranked = sorted(
        _candidates(text, start, end, published, prefer_past),
        key=lambda c: (-(c[1][1] - c[1][0]), _PRIORITY[c[0]], c[1][0]),
    )
    taken: list[Span] = []
    found: list[tuple[str, TimeRef]] = []
    for name, span, (value, granularity) in ranked:
        if not _overlaps(span, taken):
            taken.append(span)
            found.append((name, TimeRef(span, value, granularity)))
    found.sort(key=lambda item: item[1].span)
    return _merge_clock_times(text, found)


# Prepositions left outside an expression's span ("on Saturday" -> "Saturday").
_LEADING_WORDS = {"", "on", "in", "at", "since", "during", "until", "by", "from", "of"}


def resolve_expression(
    expression: str, published: dt.date | None, *, prefer_past: bool = False
) -> tuple[str | None, str] | None:
    """(value, granularity) when ``expression`` is one time expression (after a preposition), else None."""
    found = find_timexes(expression, published, prefer_past=prefer_past)
    if len(found) != 1:
        return None
    start, end = found[0].span
    if expression[:start].strip().lower() not in _LEADING_WORDS or expression[end:].strip():
        return None
    return found[0].value, found[0].granularity

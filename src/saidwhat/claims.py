"""Numeric claims: every number an article states as a fact, normalised, and who asserts it.

A claim is a number with its qualifier and what it counts ("more than 1,200 people" killed,
"97 hostages", "$3 billion in aid", "40% of voters", "for three years", "on Oct. 7"). Numbers are
found with one ordered set of patterns over the raw text (so spans are exact character offsets);
the dependency parse then says what the number counts and which verb acts on it.

Decisions (what is *not* a claim, and why):
- Times of day ("3 p.m."), page/section/chapter numbers ("page 5"), numbers glued to names or
  codes ("Covid-19", "G7", "F-16", "Apollo 11"), ordinals ("3rd", "first") and phone-like digit
  runs are identifiers, not facts.
- A bare "one" is left out: in news it is almost always a pronoun or determiner ("one of them").
- Numbers inside a statement's *source* that count the sources ("two senior officials said") describe
  the sourcing, not the story, so they are skipped ("40% of voters backed the plan" is kept).
- Background a writer attaches to reported speech with an object relative clause ("accused Hamas of
  … the war that Hamas started when it … killed more than 1,200 people") is the article's own voice
  even inside an indirect statement's content; a subject relative ("the war that has … kept 97
  hostages") stays the speaker's. A heuristic: the parse cannot tell whose words a clause is.
- Dates of events ("Oct. 7", "7 October 2023", "January 2024", "in 2016") are claims with unit
  "date", value null (the contract's value is a quantity) and ``counts`` the verb of the event.
  Weekday names ("on Tuesday") carry no number and are the context stage's business.
- Fractions ("two-thirds", "a quarter of") and ratios ("one in five") are normalised to percent so
  they compare with "67%".
- A range ("between 200 and 300 people", "20-30 per cent") is one claim: value the midpoint, qualifier
  "between 200 and 300" (the bounds). Year ranges ("2019-2021") are dates; a falling pair ("3-1") is
  a score, not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from saidwhat.models import Claim, Statement, part_text
from saidwhat.records import Span

ARTICLE_VOICE = "article"

_UNITS_WORDS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "one": 1,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "dozen": 12,
}
_FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
_CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "C$": "CAD", "A$": "AUD"}
_CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "shekels": "ILS", "shekel": "ILS", "rupees": "INR", "yuan": "CNY",
}
_DURATIONS = {
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
    "month": "month", "months": "month", "year": "year", "years": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century",
}
_MONTHS = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Longest first so "more than" wins over "more"; "an estimated" etc. mark estimates.
QUALIFIERS = (
    "no more than", "no fewer than", "not more than", "more than", "fewer than", "less than",
    "at least", "at most", "up to", "as many as", "as much as", "as few as", "upwards of",
    "in excess of", "close to", "just over", "just under", "well over", "nearly", "almost",
    "about", "around", "approximately", "roughly", "some", "an estimated", "estimated", "over",
    "under", "below", "above", "another", "an additional", "a further", "only", "just", "exactly",
)

_WORD_NUMBER = "|".join(sorted([*_UNITS_WORDS, *_TENS_WORDS], key=len, reverse=True))
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMBER = (
    rf"(?:(?:{_DIGITS})(?:[ -]{_SCALE_WORD})*(?:\s?(?:bn|mn|tn|[kmb])\b)?"
    rf"|(?:(?:{_WORD_NUMBER})(?:[ -](?:and[ -])?(?:{_WORD_NUMBER}|{_SCALE_WORD}))*)"
    rf"|(?:a|one)\s(?:dozen|{_SCALE_WORD}))"
)
_FRACTION = (
    rf"(?:(?:{_WORD_NUMBER}|a|one)[ -](?:half|thirds?|quarters?|fifths?|tenths?)|half)"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("date", re.compile(rf"\b{_MONTHS}\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:1[89]|20)\d\d)?\b(?!-)")),
    ("date", re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTHS}(?:,?\s(?:1[89]|20)\d\d)?\b")),
    ("date", re.compile(rf"\b{_MONTHS}\s(?:1[89]|20)\d\d\b")),
    ("date", re.compile(r"\b(?:1[89]|20)\d\d\s?[-–]\s?(?:(?:1[89]|20)\d\d|\d\d)\b")),
    ("date", re.compile(r"\b(?:[Ii]n|[Ss]ince|until|by|from|of) (?P<n>(?:1[89]|20)\d\d)\b(?![-\d%])")),
    (
        "range",
        re.compile(
            rf"(?<![\w-])(?:(?:[Bb]etween\s(?P<low>{_NUMBER})\s(?:and|to)\s)|(?P<low2>{_NUMBER})\s?(?:[-–]|\sto\s)\s?)"
            rf"(?P<high>{_NUMBER})(?P<pct>\s?(?:%|per\s?cent\b))?(?![\w-])"
        ),
    ),
    ("ratio", re.compile(rf"\b(?:[Oo]ne|1) in (?P<of>{_WORD_NUMBER}|\d+)\b")),
    (
        "money",
        re.compile(rf"(?<![\w$£€¥])(?:US\$|C\$|A\$|[$£€¥])\s?(?:{_NUMBER})(?:\s(?:dollars|pounds|euros))?"),
    ),
    ("money", re.compile(rf"(?<![\w-])(?:{_NUMBER})\s(?:dollars?|pounds?|euros?|yen|shekels?|rupees|yuan)\b")),
    ("percent", re.compile(rf"(?<![\w-])(?:{_NUMBER})\s?(?:%|per\s?cent\b|percentage points?\b)")),
    ("age", re.compile(rf"(?<![\w-])(?:{_NUMBER})-years?-old\b")),
    ("fraction", re.compile(rf"(?<![\w-])(?:{_FRACTION})\b(?=\s(?:of|the)\b)", re.IGNORECASE)),
    ("number", re.compile(rf"(?<![\w$£€¥.#/,-])(?:a\s)?(?:{_NUMBER})(?![\w/]|-(?!strong)\w|\.\d|:\d|,\d)", re.IGNORECASE)),
]

_EXCLUDE_BEFORE = re.compile(
    r"(?:\b(?:page|pages|p\.|pp\.|section|chapter|article|paragraph|no\.|number|vol\.|room|route|"
    r"flight|line|channel|episode|season|version|apollo|level|grade|tier|phase|year|class)|#)\s*$",
    re.IGNORECASE,
)
_EXCLUDE_AFTER = re.compile(r"^\s*(?:a\.?m\.?|p\.?m\.?|o'clock|GMT|UTC|ET|BST)\b", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(
    r"\b(" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$", re.IGNORECASE
)
_APPROXIMATE_WORDS = {"nearly", "almost", "about", "around", "approximately", "roughly", "some", "estimated"}

# Nouns that say nothing by themselves: what they count is read off the verb ("people killed").
_SOURCE_NOUNS = {
    "officials", "official", "sources", "source", "diplomats", "aides", "witnesses", "analysts", "experts",
    "people", "lawmakers", "officers", "spokespeople", "spokesmen", "advisers", "advisors", "members", "staff",
}
# Verbs that report a level ("the death toll reached 45,000"): the count is of their subject.
_LEVEL_VERBS = {"reach", "rise", "climb", "fall", "drop", "hit", "stand", "total", "top", "exceed", "be",
                "increase", "decrease", "grow", "jump", "surge", "soar", "plunge", "double", "near"}
_GENERIC_NOUNS = {"people", "others", "persons", "individuals", "ones", "more", "person", "other"}


@dataclass
class _Number:
    kind: str
    start: int
    end: int
    value: float | None
    unit: str | None
    bounds: tuple[float, float] | None = None


def find_claims(doc: Doc, statements: list[Statement]) -> list[Claim]:
    """Every numeric fact in the article, in text order, with who asserts it."""
    text = doc.text
    source_spans = [span for s in statements if s.source for span in s.source.spans]
    claims: list[Claim] = []
    for number in _find_numbers(text):
        claim = _claim_for(doc, text, number, statements, len(claims) + 1)
        if claim is None:
            continue
        in_source = any(start <= number.start < end for start, end in source_spans)
        if in_source and claim.unit == "count" and (claim.counts or "").split()[-1:] and (
            claim.counts.split()[-1] in _SOURCE_NOUNS
        ):
            continue
        claims.append(claim)
    return claims


def _find_numbers(text: str) -> list[_Number]:
    taken: list[tuple[int, int]] = []
    found: list[_Number] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            # A pattern may need context it does not claim ("in 2016"): group "n" is the claim.
            group = "n" if "n" in pattern.groupindex else 0
            start, end = match.span(group)
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            number = _interpret(kind, match.group(group), start, end, text, match)
            if number is None:
                continue
            taken.append((start, end))
            found.append(number)
    return sorted(found, key=lambda n: n.start)


def _interpret(
    kind: str, matched: str, start: int, end: int, text: str, match: re.Match[str]
) -> _Number | None:
    if kind == "date":
        return _Number("date", start, end, None, "date")
    if _EXCLUDE_BEFORE.search(text[max(0, start - 12) : start]) or _EXCLUDE_AFTER.match(text[end : end + 8]):
        return None
    if kind == "range":
        return _range(match, start, end)
    if kind == "ratio":
        of = parse_number(match.group("of"))
        return _Number("ratio", start, end, round(100 / of, 2), "percent") if of else None
    if kind == "money":
        return _money(matched, start, end)
    if kind == "percent":
        value = parse_number(re.sub(r"\s?(%|per\s?cent|percentage points?)$", "", matched))
        unit = "percentage point" if "point" in matched else "percent"
        return _Number("percent", start, end, value, unit) if value is not None else None
    if kind == "age":
        value = parse_number(matched.split("-year")[0])
        return _Number("age", start, end, value, "year") if value is not None else None
    if kind == "fraction":
        value = parse_fraction(matched)
        return _Number("fraction", start, end, round(value * 100, 2), "percent") if value is not None else None
    lowered = matched.lower()
    if lowered in {"one", "a", "a one"} or re.fullmatch(r"(?:1[89]|20)\d\d", matched):
        # Bare "one" is a pronoun; a bare year with no preposition before it is a name or a label.
        return None
    if lowered.startswith("a ") and not re.match(rf"a\s(?:dozen|{_SCALE_WORD})", lowered):
        start += 2
        matched = matched[2:]
    value = parse_number(matched)
    if value is None:
        return None
    return _Number("number", start, end, value, None)


def _range(match: re.Match[str], start: int, end: int) -> _Number | None:
    """ "between 200 and 300", "20-30 per cent": the midpoint, with the bounds kept in the qualifier.
    A falling pair ("3-1") is a score or a label, not a range."""
    low = parse_number(match.group("low") or match.group("low2"))
    high = parse_number(match.group("high"))
    if low is None or high is None or high <= low:
        return None
    unit = "percent" if match.group("pct") else None
    return _Number("range", start, end, (low + high) / 2, unit, bounds=(low, high))


def _money(matched: str, start: int, end: int) -> _Number | None:
    unit = None
    amount = matched
    for symbol in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True):
        if matched.startswith(symbol):
            unit, amount = _CURRENCY_SYMBOLS[symbol], matched[len(symbol) :].strip()
            break
    words = amount.split()
    if words and words[-1].lower() in _CURRENCY_WORDS:
        unit = unit or _CURRENCY_WORDS[words[-1].lower()]
        amount = " ".join(words[:-1])
    value = parse_number(amount)
    return _Number("money", start, end, value, unit) if value is not None else None


def parse_number(phrase: str) -> float | None:
    """The value of a written number: "1,200", "1.5 million", "£20m"'s "20m", "twenty-five", "a dozen"."""
    cleaned = phrase.strip().lower().replace(",", "")
    cleaned = re.sub(r"(\d)\s?(bn|mn|tn|[kmb])$", r"\1 \2", cleaned)
    tokens = [t for t in re.split(r"[\s-]+", cleaned) if t and t != "and"]
    if not tokens:
        return None
    total = 0.0
    current: float | None = None
    for token in tokens:
        if re.fullmatch(r"\d+(?:\.\d+)?", token):
            current = (current or 0) + float(token)
        elif token in _UNITS_WORDS:
            current = (current or 0) + _UNITS_WORDS[token]
        elif token in _TENS_WORDS:
            current = (current or 0) + _TENS_WORDS[token]
        elif token in {"a", "one"} and current is None:
            current = 1.0
        elif token in _SCALES:
            scale = _SCALES[token]
            current = (current if current is not None else 1.0) * scale
            if scale >= 1e3:
                total += current
                current = None
        else:
            return None
    return total + (current or 0.0)


def parse_fraction(phrase: str) -> float | None:
    words = re.split(r"[\s-]+", phrase.strip().lower())
    if words == ["half"]:
        return 0.5
    numerator = 1.0 if words[0] in {"a", "one"} else _UNITS_WORDS.get(words[0])
    denominator = _FRACTIONS.get(words[-1])
    if numerator is None or denominator is None:
        return None
    return numerator * denominator


def _claim_for(doc: Doc, text: str, number: _Number, statements: list[Statement], index: int) -> Claim | None:
    start, end = number.start, number.end
    qualifier = None
    before = _QUALIFIER_BEFORE.search(text[max(0, start - 20) : start])
    if before and number.kind != "date":
        qualifier = before.group(1).lower()
        start -= len(text[max(0, start - 20) : start]) - before.start(1)
    tokens = _tokens_in(doc, number.start, number.end)
    if not tokens:
        return None
    counts, counted = _what_it_counts(tokens, number)
    if number.kind == "ratio":
        # "one in five adults": the parse hangs "adults" anywhere; the share is of the noun that follows.
        following = doc.char_span(number.end, len(text), alignment_mode="expand")
        counted = next((t for t in following[:3] if t.pos_ == "NOUN"), None) if following else None
        counts = counted.lower_ if counted is not None else None
    unit = number.unit
    if number.kind in {"number", "range"} and unit is None and counted is not None and counted.lower_ in _DURATIONS:
        unit = _DURATIONS[counted.lower_]
        counts = None
    elif number.kind in {"number", "range"} and unit is None:
        unit = "count"
    if number.bounds is not None:
        qualifier = "between {:g} and {:g}".format(*number.bounds)
    if counted is not None and counted.idx >= end and _adjacent(text, end, counted):
        end = counted.idx + len(counted.text)
    if number.kind == "age":
        counts = "age"
    spans: list[Span] = [(start, end)]
    return Claim(
        id=f"c{index}",
        text=part_text(text, spans),
        spans=spans,
        value=number.value,
        unit=unit,
        qualifier=qualifier,
        counts=counts,
        asserted_by=_voice(tokens, (start, end), statements),
    )


def _has_own_subject(clause: Token) -> bool:
    """An object relative ("the war that Hamas started") narrates; a subject relative ("the war that
    has kept 97 hostages") characterises the noun as part of what the speaker says."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"that", "which", "who"} for c in clause.children)


def _voice(tokens: list[Token], span: Span, statements: list[Statement]) -> str:
    """``asserted_by``, except that background in a relative clause of indirect speech is the article's."""
    owner = asserted_by(span, statements)
    statement = next((s for s in statements if s.id == owner), None)
    if statement is None or statement.kind != "indirect":
        return owner
    content_start = min(start for start, _ in statement.content.spans)
    node = _head_token(tokens)
    for _ in range(12):
        if node.dep_ == "relcl" and node.head.idx >= content_start and _has_own_subject(node):
            return ARTICLE_VOICE
        if node.head.i == node.i:
            break
        node = node.head
    return owner


def asserted_by(span: Span, statements: list[Statement]) -> str:
    """The innermost statement whose content holds the span, else the article's own voice."""
    best: tuple[int, str] | None = None
    for statement in statements:
        for c_start, c_end in statement.content.spans:
            if c_start <= span[0] and span[1] <= c_end:
                size = c_end - c_start
                if best is None or size < best[0]:
                    best = (size, statement.id)
    return best[1] if best else ARTICLE_VOICE


def _tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span: SpacySpan | None = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def _head_token(tokens: list[Token]) -> Token:
    """The token of the number whose head lies outside it (the syntactic top of the phrase)."""
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[-1]


def _what_it_counts(tokens: list[Token], number: _Number) -> tuple[str | None, Token | None]:
    """The counted noun ("hostages"), with the verb when the noun is generic ("people killed")."""
    top = _head_token(tokens)
    if number.kind == "date":
        return _event_of(top), None
    modifies_head = top.dep_ in {"nummod", "compound", "quantmod", "amod", "nmod"}
    noun = top.head if modifies_head and top.head.pos_ in {"NOUN", "PROPN"} and not _is_unit(top.head) else None
    if noun is None:
        noun = _of_or_in_object(top.head if modifies_head and _is_unit(top.head) else top)
    if noun is None:
        if number.kind in {"percent", "fraction"}:
            subject = _subject_of(top)
            return (subject.lower_ if subject is not None else None), None
        verb = _governing_verb(top)
        if verb is None or top.dep_ not in {"dobj", "nsubjpass", "nsubj", "pobj", "attr"}:
            return None, None
        subject = _subject_of(top)
        if verb.lemma_ in _LEVEL_VERBS and subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return _noun_phrase(subject), None
        return verb.lower_, None
    if noun.lower_ in _DURATIONS:
        return noun.lower_, noun
    phrase = _noun_phrase(noun)
    if noun.lower_ in _GENERIC_NOUNS:
        verb = noun.head if noun.dep_ in {"dobj", "nsubjpass", "nsubj"} and noun.head.pos_ in {"VERB", "AUX"} else None
        return (f"people {verb.lower_}" if verb is not None else "people"), noun
    return phrase, noun


def _event_of(date: Token) -> str | None:
    """What happened on a date: the noun it dates ("inauguration on Jan. 20") or the verb ("invaded … on Oct. 7")."""
    node = date
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            break
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower()
        if head.pos_ == "NOUN" and node.dep_ == "pobj" or (head.pos_ == "NOUN" and node.dep_ == "prep"):
            return head.lemma_.lower()
        node = head
    return None


def _of_or_in_object(token: Token) -> Token | None:
    """ "40% of voters", "$3 billion in aid": the object of the number's of/in/for."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "for"}:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN", "PRON"}]
            if objects:
                return objects[0]
    return None


def _is_unit(token: Token) -> bool:
    return token.like_num or token.lower_ in {"%", "m", "bn", "mn", "k", "percent", "cent"}


def _noun_phrase(noun: Token) -> str:
    modifiers = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and not c.like_num and c.pos_ != "SYM"]
    words = [*(m.lower_ for m in modifiers), noun.lower_]
    return " ".join(words)


def _subject_of(token: Token) -> Token | None:
    verb = _governing_verb(token)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not c.like_num), None)


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"} and node.i != token.i:
            return node
        if node.head.i == node.i:
            return node if node.pos_ in {"VERB", "AUX"} else None
        node = node.head
    return None


def _adjacent(text: str, end: int, counted: Token) -> bool:
    """The counted noun follows the number closely (modifiers, "of the") so the span may take it in."""
    between = text[end : counted.idx]
    return len(between) <= 40 and not re.search(r"[,;:.!?\"“”()]", between)

"""Numbers written in words, as a 1st AD types them: "two", "twenty-one", "an hour and a half".

`digits` rewrites them as digits ("lost two hours" -> "lost 2 hours", "one and a half hours"
-> "1.5 hours", "half an hour" -> "0.5 hours") so the report grammar reads digits only. Small
and English-only: production reports count hours, heads and scene numbers, not thousands.
"""

from __future__ import annotations

import re

__all__ = ["digits"]

_UNITS = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_WORD = {word: n for n, word in enumerate(_UNITS)} | _TENS
_NUMBER = re.compile(
    rf"\b({'|'.join(_TENS)})(?:[- ]({'|'.join(_UNITS[1:10])}))?\b|\b({'|'.join(_UNITS)})\b", re.I
)
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:an?|1) hours? and a half\b", re.I), "1.5 hours"),
    (re.compile(r"\bhalf an hour\b", re.I), "0.5 hours"),
    (re.compile(r"\b(?:a|1) quarter of an hour\b", re.I), "0.25 hours"),
    (re.compile(r"\ban hour\b", re.I), "1 hour"),
    (re.compile(r"\ba couple(?: of)?\b", re.I), "2"),
    (re.compile(r"\ba dozen\b", re.I), "12"),
    (re.compile(r"\b(\d+) and a half\b(?=\s+(?:hours?|hrs?|pages?)\b)", re.I), r"\1.5"),
    (re.compile(r"\b(\d+) and a quarter\b(?=\s+(?:hours?|hrs?|pages?)\b)", re.I), r"\1.25"),
    (re.compile(r"\b(\d+) and 3 quarters\b(?=\s+(?:hours?|hrs?|pages?)\b)", re.I), r"\1.75"),
)


def _number(match: re.Match[str]) -> str:
    if match.group(3):
        return str(_WORD[match.group(3).lower()])
    value = _WORD[match.group(1).lower()]
    if match.group(2):
        value += _WORD[match.group(2).lower()]
    return str(value)


def digits(text: str) -> str:
    """`text` with number words as digits (see the module docstring)."""
    out = _NUMBER.sub(_number, text)
    for pattern, replacement in _PHRASES:
        out = pattern.sub(replacement, out)
    return out

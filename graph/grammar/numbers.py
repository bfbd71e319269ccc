"""Numbers written in words, read as digits: "two fewer days" -> "2 fewer days".

`normalize_numbers` rewrites cardinals ("eighteen", "twenty-five", "a dozen", "a couple of",
"half a", "one and a half") and leaves ordinals alone; `ORDINALS` maps ordinal words and
"1st"-style forms to 1-based positions for the patterns that need them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["ORDINALS", "normalize_numbers", "ordinal"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_WORD = "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True))
_CARDINAL = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_UNITS)}))?"
    rf"|(?P<word>{_WORD}))(?:\s+hundred\b(?:\s+(?:and\s+)?(?P<rest>\d+))?)?\b",
    re.I,
)
# "one" as a pronoun, not a count.
_NOT_ONE = re.compile(
    r"\b(no|any|the|which|this|that|each|every|some|last|next|first|other|another)\s+one\b"
    r"|\bone\s+(of|another|more time)\b",
    re.I,
)
_PHRASES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\b(\d+) and a half\b", re.I), r"\1.5"),
    (re.compile(r"\ba (day|page|week|hour) and a half\b", re.I), r"1.5 \1s"),
    (re.compile(r"\bhalf an? (day|page|week|hour)\b", re.I), r"0.5 \1"),
    (re.compile(r"\ba half\b", re.I), "0.5"),
    (re.compile(r"\b(?:a|one) dozen\b", re.I), "12"),
    (re.compile(r"\b(\d+) dozen\b", re.I), lambda m: str(int(m.group(1)) * 12)),
    (re.compile(r"\bdozen\b", re.I), "12"),
    (re.compile(r"\ba couple(?: of)?\b", re.I), "2"),
    (re.compile(r"\ba (?:hundred)\b", re.I), "100"),
    (re.compile(r"\ba single\b", re.I), "1"),
    (
        re.compile(r"\b(for|in|by|over|take|takes) (?:a|one) (week|day)\b(?!\s+and)", re.I),
        r"\1 1 \2",
    ),
)


def _cardinal(match: re.Match[str]) -> str:
    if match.group("tens"):
        value = _TENS[match.group("tens").lower()] + _UNITS.get(
            (match.group("unit") or "").lower(), 0
        )
    else:
        value = _UNITS[match.group("word").lower()]
    if "hundred" in match.group(0).lower():
        value = value * 100 + int(match.group("rest") or 0)
    return str(value)


def normalize_numbers(text: str) -> str:
    """The text with cardinal number words as digits (ordinals untouched)."""
    protected = _NOT_ONE.sub(lambda m: m.group(0).replace("one", "\x00ne"), text)
    out = _CARDINAL.sub(_cardinal, protected)
    for pattern, replacement in _PHRASES:
        out = pattern.sub(replacement, out)
    return out.replace("\x00ne", "one")


def ordinal(word: str) -> int | None:
    """A 1-based position from "third", "3rd" or "3" (None when it is not one)."""
    lower = word.lower()
    if lower in ORDINALS:
        return ORDINALS[lower]
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", lower)
    return int(match.group(1)) if match else None

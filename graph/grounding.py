"""The grounding check: every figure in a model's answer must come from the tool facts.

Names count too: a capitalised word that neither the facts nor the user's message contain
(an invented character, place or "AI-powered chatbot") fails the check.

Figures are money amounts, percentages, day counts and day numbers, scene numbers, and any
other number. A figure is grounded when a fact rounds to it at the precision it was written
with ("$1.2M" accepts 1,150,000 to 1,250,000; "$1,234,567" only that amount) or when the
user's own message contains it. A money figure needs an amount: a fractional fact (the tools
give money as floats; counts, days and versions are integers) or a money figure written in
a fact's text, so "$1" is not grounded by "version 1". Numbered-list markers are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "FactValues",
    "Figure",
    "GroundingReport",
    "check_grounding",
    "extract_figures",
    "fact_values",
    "unknown_names",
]

FigureKind = Literal["money", "percent", "day", "scene", "number"]

_MULTIPLIERS = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "bn": 1e9,
    "billion": 1e9,
}
_FIGURE = re.compile(
    r"(?P<cur>[$€£]|\b(?:USD|EUR|GBP)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<mult>k|K|m|M|MM|million|thousand|bn|billion)\b)?"
    r"(?P<pct>\s?%|\s?percent\b)?",
)
_SCENE_LIST = re.compile(r"\bscenes?\s+((?:#?\d+[A-Z]?\b(?:\s*(?:,|and|&|or)\s*)?)+)", re.I)
_DAY_BEFORE = re.compile(r"\bday\s*$", re.I)
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s", re.M)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure read from a text."""

    text: str
    value: float
    kind: FigureKind
    tolerance: float
    """Half a unit of the last digit written, scaled by k/M."""


@dataclass
class GroundingReport:
    """The verdict on one answer."""

    ok: bool
    checked: list[Figure] = field(default_factory=list)
    unsupported: list[Figure] = field(default_factory=list)
    unknown_names: list[str] = field(default_factory=list)
    """Names (cast, scenes, places, anything capitalised) that neither the facts nor the
    user's message contain."""

    def reason(self) -> str:
        """A sentence naming the figures or names the facts do not support."""
        if not self.unsupported:
            # Not quoted: repeating an invented name would show it to the user after all.
            return "the model's answer named things the plan does not contain"
        shown = ", ".join(f"“{f.text}”" for f in self.unsupported[:4])
        return f"the model's answer contained figures the plan does not support ({shown})"


def _kind(match: re.Match[str], text: str) -> FigureKind:
    if match.group("pct"):
        return "percent"
    if match.group("cur") or match.group("mult"):
        return "money"
    if _DAY_BEFORE.search(text[: match.start()]):
        return "day"
    return "number"


def extract_figures(text: str) -> list[Figure]:
    """Every figure in a text, scene numbers included (as kind "scene", value = numeric part)."""
    clean = _LIST_MARKER.sub(" ", text)
    scene_spans: list[tuple[int, int]] = []
    figures: list[Figure] = []
    for match in _SCENE_LIST.finditer(clean):
        scene_spans.append(match.span(1))
        for token in re.findall(r"\d+[A-Z]?", match.group(1), re.I):
            figures.append(Figure(token.upper(), float(re.sub(r"\D", "", token)), "scene", 0.0))
    for match in _FIGURE.finditer(clean):
        if any(start <= match.start() < end for start, end in scene_spans):
            continue
        number = match.group("num")
        decimals = len(number.split(".")[1]) if "." in number else 0
        scale = _MULTIPLIERS.get((match.group("mult") or "").lower(), 1.0)
        value = float(number.replace(",", "")) * scale
        figures.append(
            Figure(match.group(0).strip(), value, _kind(match, clean), 0.5 * 10**-decimals * scale)
        )
    return figures


def _walk(value: Any) -> Iterable[Any]:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _walk(item)
    else:
        yield value


@dataclass
class FactValues:
    """What the facts say, as the check reads it."""

    numbers: list[float] = field(default_factory=list)
    """Every number, amounts and counts alike."""
    amounts: list[float] = field(default_factory=list)
    """The numbers that can be money: fractional facts and money figures in fact text."""
    tokens: set[str] = field(default_factory=set)
    """Scene-like tokens ("12A") written in fact text."""


def fact_values(facts: Mapping[str, Any]) -> FactValues:
    """The numbers the facts contain (also inside strings) and their scene-like tokens."""
    found = FactValues()
    for value in _walk(facts):
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            found.numbers.append(float(value))
            if isinstance(value, float):
                found.amounts.append(value)
        elif isinstance(value, str):
            found.tokens.update(t.upper() for t in re.findall(r"\b\d+[A-Z]?\b", value, re.I))
            for figure in extract_figures(value):
                if figure.kind != "scene":
                    found.numbers.append(figure.value)
                if figure.kind == "money":
                    found.amounts.append(figure.value)
    return found


def _supported(figure: Figure, facts: FactValues) -> bool:
    if figure.kind == "scene":
        return figure.text in facts.tokens or figure.value in facts.numbers
    tolerance = max(figure.tolerance, 0.5 if figure.kind == "money" else 0.0)
    for fact in facts.amounts if figure.kind == "money" else facts.numbers:
        if abs(fact - figure.value) <= tolerance + 1e-9:
            return True
        if figure.kind == "percent" and abs(fact * 100 - figure.value) <= tolerance + 1e-9:
            return True
    return False


def check_grounding(
    answer: str, facts: Mapping[str, Any], *, user_text: str = ""
) -> GroundingReport:
    """Check every figure of an answer against the facts (and the user's own message)."""
    found = fact_values(facts)
    user = extract_figures(user_text)
    found.numbers.extend(f.value for f in user)
    found.amounts.extend(f.value for f in user)
    found.tokens.update(f.text for f in user if f.kind == "scene")
    checked = extract_figures(answer)
    unsupported = [f for f in checked if not _supported(f, found)]
    unknown = unknown_names(answer, facts, user_text=user_text)
    return GroundingReport(
        ok=not unsupported and not unknown,
        checked=checked,
        unsupported=unsupported,
        unknown_names=unknown,
    )


# Words a sound answer capitalises without naming anything from the script.
_ALLOWED = {
    "I", "A", "AN", "THE", "THIS", "THAT", "THESE", "IT", "DAY", "DAYS", "SCENE", "SCENES",
    "VERSION", "GREENLIGHT", "INT", "EXT", "DOOD", "USD", "EUR", "GBP", "ATL", "OK", "NOTE",
    "BUDGET", "CAST", "CREW", "PAGE", "PAGES", "PLAN", "TOTAL", "YES", "NO", "SO", "AND",
    "BUT", "ALSO", "HERE", "THERE", "WE", "YOU", "SHE", "HE", "THEY", "MONDAY", "TUESDAY",
    "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "SW", "WF", "SWF", "H", "W", "D",
    "NIGHT", "FOUNTAIN", "FINAL", "DRAFT", "PDF", "CSV", "XLSX", "JSON", "THEN", "AGAINST",
    "SAVINGS", "ACCOUNT", "ACCOUNTS", "SCHEDULE", "STRIPBOARD",
}  # fmt: skip
_CAPS = re.compile(r"\b[A-Z][A-Za-z'.-]*[A-Za-z]\b|\b[A-Z]\b")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*(?:[-*]\s+)?|\(\s*)$")


def _words(value: Any) -> set[str]:
    words = {w.upper().strip("'.-") for w in re.findall(r"[A-Za-z][A-Za-z'.-]*", str(value))}
    return words | {part for w in words for part in re.split(r"[-.]", w) if part}


def unknown_names(answer: str, facts: Mapping[str, Any], *, user_text: str = "") -> list[str]:
    """Capitalised words of `answer` (not opening a sentence) or words in capitals that no
    fact and not the user's message contain: invented people, places and things."""
    known = set(_ALLOWED) | _words(user_text)
    for value in _walk(facts):
        if isinstance(value, str):
            known |= _words(value)
    for key in _walk_keys(facts):
        known |= _words(key.replace("_", " "))
    unknown: list[str] = []
    for match in _CAPS.finditer(answer):
        word = match.group(0)
        opens = _SENTENCE_START.search(answer[: match.start()])
        if opens and not (word.isupper() and len(word) > 1):
            continue
        for part in re.split(r"[-.]", word):
            if (
                part
                and part.upper().strip("'") not in known
                and part.upper().removesuffix("'S") not in known
            ):
                unknown.append(word)
                break
    return list(dict.fromkeys(unknown))


def _walk_keys(value: Any) -> Iterable[str]:
    if isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _walk_keys(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _walk_keys(item)

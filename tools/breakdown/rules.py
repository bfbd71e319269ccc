"""Rule-based breakdown: lexicon matches and ages in action lines become elements.

Each element is listed once per scene with the first line that named it; rule findings are
marked `explicit=False` (inferred), Final Draft tags and cues are explicit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from functools import cache

from tools.breakdown.lexicon import LEXICON, MINOR_AGE
from tools.script import CATEGORIES, Element

__all__ = ["find_elements", "merge_elements", "minor_ages"]

#: `JOHN, 15,` / `and 15,` / `(12)` / `aged 9` / `9-year-old`: the conventions for ages.
_AGE = re.compile(
    r"(?:,\s*|\band\s+|\(\s*|\baged?\s+)(?P<age>\d{1,2})(?=\s*[,.)]|\s*$)"
    r"|\b(?P<years>\d{1,2})[- ]years?[- ]old\b",
    re.IGNORECASE,
)


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], dict[str, str]]]:
    """One pattern per category, one named group per element name."""
    compiled = []
    for category, names in LEXICON.items():
        groups = {f"g{i}": name for i, name in enumerate(names)}
        body = "|".join(f"(?P<{group}>{'|'.join(names[name])})" for group, name in groups.items())
        # Lexicon entries are lower case and the text is lowered once: much faster than re.I.
        compiled.append((category, re.compile(rf"(?<![\w-])(?:{body})(?![\w-])"), groups))
    return compiled


def minor_ages(line: str) -> list[int]:
    """Ages under MINOR_AGE written in a line the way scripts introduce characters."""
    ages = []
    for match in _AGE.finditer(line):
        age = int(match.group("age") or match.group("years"))
        if 0 < age < MINOR_AGE:
            ages.append(age)
    return ages


def find_elements(rows: Iterable[tuple[int | None, str]]) -> dict[str, list[Element]]:
    """Elements named in action lines, given as (line number or None, line text).

    The lines are searched as one text so a phrase hard-wrapped across two lines is found;
    the element cites the line where the phrase starts.
    """
    lines = [(line_no, line.strip()) for line_no, line in rows]
    starts, offset = [], 0
    for _, text in lines:
        starts.append(offset)
        offset += len(text) + 1
    joined = " ".join(text for _, text in lines).lower()
    found: dict[str, dict[str, Element]] = {}

    def add(category: str, name: str, position: int) -> None:
        bucket = found.setdefault(category, {})
        if name not in bucket:
            line_no, text = lines[bisect_right(starts, position) - 1]
            bucket[name] = Element(name=name, line=text, line_no=line_no, explicit=False)

    for category, pattern, groups in _patterns():
        for match in pattern.finditer(joined):
            add(category, groups[match.lastgroup or ""], match.start())
    for index, (_, text) in enumerate(lines):
        for age in minor_ages(text):
            add("minors", f"minor, age {age}", starts[index])
    return {cat: list(found[cat].values()) for cat in CATEGORIES if cat in found}


def merge_elements(*sources: Mapping[str, list[Element]]) -> dict[str, list[Element]]:
    """Merge element maps in category order; the first source naming an element wins."""
    merged: dict[str, dict[str, Element]] = {}
    for source in sources:
        for category, elements in source.items():
            bucket = merged.setdefault(category, {})
            for element in elements:
                bucket.setdefault(element.name.casefold(), element)
    order = [*CATEGORIES, *sorted(set(merged) - set(CATEGORIES))]
    return {cat: list(merged[cat].values()) for cat in order if merged.get(cat)}

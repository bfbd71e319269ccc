"""Runs of scene numbers said as a range: "scenes 5 to 8", "scenes 12-14", "scenes 3 through 6".

`spelled_out` writes a run as the list it means ("scenes 5, 6, 7 and 8"), so the grammars that
read lists of scenes (questions, cuts and restores) read runs too. Days' runs are spans
(`spans`), not lists. A lettered scene (6A) is not in a run: its number is not counted."""

from __future__ import annotations

import re

__all__ = ["MAX_RANGE", "spelled_out"]

_SCENE_RUN = re.compile(
    r"\b(scenes)\s+(?:from\s+)?(\d+)\s*(?:-|–|to|through|thru|till|until)\s*(?:scene\s+)?(\d+)\b",
    re.I,
)
MAX_RANGE = 12
"""Most scenes a run may name to be read as a list (a longer or backward one is left as said)."""


def _listed(match: re.Match[str]) -> str:
    first, last = int(match.group(2)), int(match.group(3))
    if not first < last or last - first >= MAX_RANGE:
        return match.group(0)
    numbers = [str(n) for n in range(first, last + 1)]
    return f"{match.group(1)} {', '.join(numbers[:-1])} and {numbers[-1]}"


def spelled_out(text: str) -> str:
    """`text` with each run of scene numbers written as the list of its scenes."""
    return _SCENE_RUN.sub(_listed, text)

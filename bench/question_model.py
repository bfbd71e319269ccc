"""A question of `python -m bench questions`: its message, what its answer must contain."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

__all__ = ["Question", "Record", "pick"]

Record = dict[str, Any]


@dataclass
class Question:
    """A message, what the answer must contain, and whether it re-plans."""

    text: str
    expect: list[str]
    kind: str
    replans: bool = False
    follows: bool = False
    """Asked right after the question before it (a follow-up)."""


def pick(rng: random.Random, phrasings: list[str], **values: Any) -> str:
    return rng.choice(phrasings).format(**values)

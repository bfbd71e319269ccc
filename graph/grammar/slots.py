"""The pieces of a question: its subject (a day, scene, cast member, category, location,
account) and what is asked of it (cost, cast, start day ...), read from one clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from graph.grammar.lexicon import Lexicon
from graph.grammar.numbers import ORDINALS
from graph.intent_patterns import CATEGORY_WORDS
from tools.queries.money import ACCOUNT_WORDS

__all__ = ["Slots", "read_slots"]

_ORD = "|".join(ORDINALS)
_DAY = re.compile(
    rf"\bday\s*(?:#|number\s*)?(\d+)\b|\b(?:the\s+)?({_ORD}|\d+(?:st|nd|rd|"
    rf"th))\s+(?:shooting\s+)?day\b",
    re.I,
)
_LAST_DAY = re.compile(r"\b(?:the\s+)?(last|final)\s+(?:shooting\s+)?day\b(?!\s+of\b)", re.I)
_SCENE = re.compile(r"\b(?:scene|sc\.?)\s*#?\s*(\d+[A-Z]{0,2})\b", re.I)
_PRONOUN = re.compile(
    r"\b(it|that|this|them|him|her|he|she|they|there|that scene|that day)\b", re.I
)
_ASPECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "free",
        re.compile(
            r"\b(?:free|days? off|off days?|not working|not needed|isn'?t needed)\b|"
            r"\boff\s*(?:\?|$)|\b(?:is|are|'s)\s+off\s+on\b",
            re.I,
        ),
    ),
    ("holds", re.compile(r"\bhold(?:s|ing)?\b|\bheld\b|\bon hold\b", re.I)),
    (
        "start",
        re.compile(
            r"\b(start|starts|starting|begin|begins|first (?:work )?day|first day|come in|"
            r"comes in|start date)\b",
            re.I,
        ),
    ),
    (
        "finish",
        re.compile(
            r"\b(finish|finishes|finishing|wrap|wraps|wrapped|last (?:work )?day|done|end|ends|"
            r"release[ds]?)\b",
            re.I,
        ),
    ),
    (
        "cost",
        re.compile(
            r"\b(cost|costs|costing|expensive|how much|price|spend|spent|pay|paid|money|"
            r"dollars?|rates?)\b",
            re.I,
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:what|which) date\b|\bdate of\b|\bwhat day of the week\b|\bwhich weekday\b|"
            r"\bon what date\b|\bdated\b|'s date\b|\b(?:its|the) date\b",
            re.I,
        ),
    ),
    ("minutes", re.compile(r"\b(minutes|hours|how long|length|long|longer)\b", re.I)),
    ("moves", re.compile(r"\bcompany moves?\b|\bmoves\b|\bhow many moves?\b", re.I)),
    ("pages", re.compile(r"\bpages?\b|\beighths\b", re.I)),
    (
        "cast",
        re.compile(
            r"\b(who|whom|cast|actors?|talent|working|works|called|call sheet|in it|characters?|"
            r"people)\b",
            re.I,
        ),
    ),
    ("locations", re.compile(r"\b(where|locations?|sites?|places?|sets?)\b", re.I)),
    (
        "elements",
        re.compile(r"\b(need|needs|props?|elements?|breakdown|wardrobe|requirements?)\b", re.I),
    ),
    (
        "scenes",
        re.compile(
            r"\b(scenes?|what(?:'s| is| are)? (?:being )?(?:on|shooting|shot)|"
            r"what do we shoot|shooting on|"
            r"on the board|strips?)\b",
            re.I,
        ),
    ),
    (
        "days",
        re.compile(
            r"\b(when|what day|which days?|how many days|days?|schedule[ds]?|shot|shoot|"
            r"shooting)\b",
            re.I,
        ),
    ),
)
_NIGHT = re.compile(r"\bnights?\b", re.I)
_DAYTIME = re.compile(
    r"\b(day(?:time)?|daylight)\s+(?:scenes?|exteriors?|interiors?|ext|int)\b", re.I
)
_EXT = re.compile(r"\b(exteriors?|ext\.?|outside|outdoors?)\b", re.I)
_INT = re.compile(r"\b(interiors?|int\.?|inside|indoors?)\b", re.I)
_AT_PLACE = re.compile(
    r"\b(?:at|in|to)\s+(?:the\s+)?([a-z][a-z' -]{2,40}?)(?:\?|$|,|\s+(?:on|and|with|for)\b)", re.I
)


_NOT_PLACE = (
    r"(?:day|days|night|scene|scenes|the|all|total|once|a|an|most|least|first|last|script|plan|"
    r"budget|schedule|film|movie|show|it|week|weeks|order|each|every|one|this|that|there|which|"
    r"what|my|our|your|this|version|common|general|cast|crew|shoot|shooting|story|row)\b"
)


@dataclass
class Slots:
    """What one clause names and asks."""

    text: str
    day: int | None = None
    last_day: bool = False
    scene: str | None = None
    cast: list[str] = field(default_factory=list)
    category: str | None = None
    location: str | None = None
    account: str | None = None
    lighting: str | None = None
    int_ext: str | None = None
    aspects: list[str] = field(default_factory=list)
    pronoun: bool = False
    when: Literal["today", "tomorrow"] | None = None
    """A day said relative to today ("tomorrow"), read from the board's dates when asked."""

    @property
    def subject(self) -> bool:
        """True when the clause names what it is about."""
        return any(
            (
                self.day is not None,
                self.last_day,
                self.when,
                self.scene,
                self.cast,
                self.category,
                self.location,
            )
        )


def _account(text: str) -> str | None:
    lower = text.lower()
    for code, words in ACCOUNT_WORDS.items():
        for word in sorted(words, key=len, reverse=True):
            if re.search(rf"\b{re.escape(word)}\b", lower):
                return (
                    word
                    if code != "1300" or "cast" in lower or "actor" in lower or "talent" in lower
                    else None
                )
    return None


def read_slots(text: str, lexicon: Lexicon) -> Slots:
    """The slots of one clause (numbers already written as digits)."""
    slots = Slots(text=text)
    day_match = _DAY.search(text)
    if match := day_match:
        number = match.group(1) or match.group(2)
        slots.day = (
            int(number)
            if number.isdigit()
            else ORDINALS.get(number.lower()) or int(re.sub(r"\D", "", number))
        ) - 1
    slots.last_day = bool(_LAST_DAY.search(text)) and slots.day is None
    if match := _SCENE.search(text):
        slots.scene = match.group(1).upper()
    slots.cast = lexicon.cast_in(text)
    ordinal_day = day_match is not None and not day_match.group(1)
    if (
        slots.cast
        and (ordinal_day or slots.last_day)
        and re.search(r"\b(first|last|final)\b", text, re.I)
    ):
        slots.day, slots.last_day = None, False  # "MAYA's first day" is her start
    if not slots.cast:
        slots.cast = [
            w
            for w in re.findall(r"\b[A-Z][A-Z'-]{2,}\b", text)
            if w
            not in {
                "INT",
                "EXT",
                "DOOD",
                "USD",
                "VFX",
                "SFX",
                "CGI",
                "ATL",
                "AI",
                "OK",
                "CSV",
                "PDF",
                "AD",
            }
        ]
    for category, pattern in CATEGORY_WORDS:
        if pattern.search(text):
            slots.category = category
            break
    slots.location = lexicon.location_in(text)
    if slots.location is None and (match := _AT_PLACE.search(text)):
        words = match.group(1).strip()
        if not re.match(_NOT_PLACE, words, re.I) and not re.search(r"\d", words):
            slots.location = words
    slots.account = _account(text)
    if _NIGHT.search(text):
        slots.lighting = "NIGHT"
    elif _DAYTIME.search(text):
        slots.lighting = "DAY"
    slots.int_ext = "EXT" if _EXT.search(text) else "INT" if _INT.search(text) else None
    slots.aspects = [name for name, pattern in _ASPECTS if pattern.search(text)]
    slots.pronoun = bool(_PRONOUN.search(text))
    if slots.day is None and not slots.last_day and (when := _WHEN.search(text)):
        slots.when = "today" if when.group(1).lower() == "today" else "tomorrow"
    return slots


_WHEN = re.compile(r"\b(today|tomm?orr?ow)\b", re.I)
"""'today', 'tomorrow' (and its usual misspellings)."""

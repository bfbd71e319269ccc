"""The words of one script the grammar listens for: its cast names and its locations.

Built from the script record in state, so "when does maya start?" finds MAYA even in lower
case; without a script the grammar falls back to names written in capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.grammar.numbers import normalize_numbers

__all__ = ["Lexicon"]

# Words that name people or places in screenplays but mostly mean something else in a
# question; they count as a name only when capitalised.
_COMMON = {
    "all", "day", "night", "scene", "the", "man", "woman", "boy", "girl", "guard", "voice",
    "crowd", "cast", "crew", "budget", "who", "what", "when", "where", "schedule", "stage",
}  # fmt: skip

_LEAD = re.compile(
    r"\b(?:the|our|my|your)\s+(?:lead(?:\s+(?:actor|actress|role))?|star|leading\s+(?:man|lady|"
    r"actor|actress)|protagonist)(?!\w)(?!\s+(?:actors|actresses|roles|cast))",
    re.I,
)
"""'the lead', 'our star', 'the leading lady': the one cast member in the most scenes
(the plural, 'the leads', is the rate card's tier, read elsewhere)."""


@dataclass(frozen=True)
class Lexicon:
    """Cast names and location names of one script (upper case, as the script writes them)."""

    cast: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    lead: str | None = None
    """The cast member in the most scenes (the first to appear, on a tie)."""
    _patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list, compare=False)

    @classmethod
    def from_script(cls, script: dict[str, Any] | None) -> Lexicon:
        """The lexicon of a script record (an empty one for None)."""
        cast: dict[str, int] = {}
        places: dict[str, None] = {}
        for scene in (script or {}).get("scenes") or []:
            for name in dict.fromkeys(scene.get("speakers", []) + scene.get("non_speaking", [])):
                cast[name] = cast.get(name, 0) + 1
            for key in ("site", "main_location", "location"):
                if scene.get(key):
                    places[str(scene[key]).upper()] = None
        lead = max(cast, key=lambda name: cast[name]) if cast else None  # first on a tie
        lexicon = cls(tuple(cast), tuple(places), lead)
        lexicon._patterns.extend(lexicon._build())
        return lexicon

    def _build(self) -> list[tuple[str, re.Pattern[str]]]:
        forms: list[tuple[str, str]] = [(name, name) for name in self.cast]
        # Questions are read with numbers as digits: "PATRON TWO" is asked as "patron 2".
        forms += [(n, normalize_numbers(n)) for n in self.cast if normalize_numbers(n) != n]
        firsts: dict[str, list[str]] = {}
        for name in self.cast:
            parts = name.replace(".", "").split()
            if len(parts) > 1:
                for part in (parts[0], parts[-1]):
                    if len(part) > 2:
                        firsts.setdefault(part, []).append(name)
        forms += [(names[0], part) for part, names in firsts.items() if len(names) == 1]
        forms.sort(key=lambda f: len(f[1]), reverse=True)
        return [
            (name, re.compile(rf"(?<![\w']){re.escape(form)}(?:'s)?(?![\w'])", re.I))
            for name, form in forms
        ]

    def cast_in(self, text: str) -> list[str]:
        """Cast names a text mentions, in order of mention (longest form wins)."""
        found: list[tuple[int, str]] = []
        # A location named in full is not a cast member ("the TV news studio" is no STUDIO
        # PRESENTER); a cast name that is a whole location's name stays a name.
        taken: list[tuple[int, int]] = [
            match.span()
            for place in self.locations
            if place not in self.cast and len(place.split()) > 1
            for match in re.finditer(rf"(?<![\w']){re.escape(place)}(?![\w'])", text, re.I)
        ]
        for name, pattern in self._patterns:
            for match in pattern.finditer(text):
                span = match.span()
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                word = match.group(0)
                if word.lower().removesuffix("'s") in _COMMON and word.islower():
                    continue
                taken.append(span)
                found.append((span[0], name))
        if self.lead is not None:
            found += [(m.start(), self.lead) for m in _LEAD.finditer(text)]
        return list(dict.fromkeys(name for _, name in sorted(found)))

    def location_in(self, text: str) -> str | None:
        """The location a text names (whole name, or a distinctive word of one)."""
        upper = text.upper()
        for place in sorted(self.locations, key=len, reverse=True):
            if re.search(rf"\b{re.escape(place)}\b", upper):
                return place
        for place in self.locations:
            for word in re.findall(r"[A-Z]{4,}", place):
                if word not in {
                    "HOUSE",
                    "ROOM",
                    "OFFICE",
                    "STREET",
                    "NIGHT",
                    "INT",
                    "EXT",
                } and re.search(rf"\b{word}\b", upper):
                    return place
        return None

    def misspelt(self, text: str) -> str:
        """The text with a word one slip away from a cast name (a letter wrong, missing,
        extra or two swapped: "orsen", "hellen") written as that name, where a name stands;
        words of fewer than five letters, and those close to several names, are left alone."""
        names = {
            w: n
            for n in self.cast
            for w in n.replace(".", "").split()
            if len(w) >= 5 and w.lower() not in _WORDS
        }

        def name_for(word: str) -> str:
            if word.upper() in names or word.lower() in _COMMON | _WORDS:
                return word
            close = {n for w, n in names.items() if _one_slip(word.upper(), w)}
            return next(iter(close)) if len(close) == 1 else word

        # Only where a name stands in a question ("does orsen", "about hellen", "kovak's"),
        # so a word like "water" is not read as WALTER.
        text = _AFTER.sub(lambda m: m.group(1) + name_for(m.group(2)), text)
        return _POSSESSIVE.sub(lambda m: name_for(m.group(1)), text)


_WORDS = {
    "there", "their", "these", "those", "where", "which", "about", "would", "could", "should",
    "other", "every", "after", "before", "first", "second", "third", "three", "seven", "eight",
    "night", "nights", "scene", "scenes", "shoot", "start", "total", "today", "still", "being",
    "going", "doing", "having", "working", "shooting", "anyone", "anything", "everyone",
    "nobody", "someone", "water", "trace", "grade", "money", "stage", "board", "worth",
}  # fmt: skip
"""Words of questions a slip from a name would be mistaken for ("is there" for THREE)."""
_AFTER = re.compile(
    r"(\b(?:does|did|is|was|has|about|and|when|where)\s+)([A-Za-z]{5,})(?![\w'])", re.I
)
_POSSESSIVE = re.compile(r"(?<![\w'])([A-Za-z]{5,})(?='s\b)")


def _one_slip(a: str, b: str) -> bool:
    """a and b differ by one letter changed, added or dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))

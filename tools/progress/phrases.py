"""Read a production report from the chat: "Day 3 wrapped: shot 14, 15 and half of 18; ..."

`parse_report` returns a `DayReport` (0-based day), or None when the message is not a
report. The grammar is a table of patterns, each picking one fact out of the message and
blanking what it used, so later patterns (scene numbers in clauses) never read an hour count
or a head count as a scene. Clauses split on ";", "." and "but"; a clause with a negative
("didn't", "not shot", "ran out of time for") names scenes not shot, any other clause scenes
finished. Numbers may be words ("two hours", "day four"): see `numbers.digits`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields

from pydantic import ValidationError

from tools.progress.model import DayReport, PartialScene, PickUp
from tools.progress.numbers import digits

__all__ = ["parse_report"]

_NUM = r"(\d+(?:\.\d+)?)"
_SCENE = r"(?:scenes?|sc\.?)?\s*#?(\d+[a-z]{0,2})\b"
_LIST = rf"{_SCENE}(?:\s*(?:,|and|&|\+)\s*{_SCENE})*"
_DAY = re.compile(r"\bday\s*#?\s*(\d+)\b", re.I)
_SIGNAL = re.compile(
    r"\b(wrap(?:ped)?|shot|finish(?:ed)?|complet(?:e|ed)|done|got|overtime|over\b|"
    r"pick[- ]?ups?|background|extras|lost|rain(?:ed)?|weather|didn'?t|not|ot|half|most|"
    r"quarter|thirds?|part(?:ially|ly)?|eighths?|missed|slipped)\b",
    re.I,
)
_OVERTIME = (
    re.compile(
        rf"\b(?:went|ran|go|going)?\s*over by {_NUM}\s*(hours?|hrs?|h|minutes?|mins?)\b", re.I
    ),
    re.compile(
        rf"{_NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s*(?:of\s+)?(?:over(?:time)?|ot)\b", re.I
    ),
    re.compile(rf"\bovertime(?: of)?:?\s*{_NUM}\s*(hours?|hrs?|h|minutes?|mins?)\b", re.I),
)
_WEATHER = (
    re.compile(
        rf"\blost\s+{_NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s+to\s+(?:the\s+)?"
        r"(?:rain|weather|snow|wind|storms?|fog|hail|heat|lightning)\b",
        re.I,
    ),
    re.compile(
        rf"{_NUM}\s*(hours?|hrs?|h|minutes?|mins?)\s+(?:lost\s+to|of)\s+(?:the\s+)?"
        r"(?:rain|weather|snow|wind|storms?|fog|hail|lightning)(?:\s+delay)?\b",
        re.I,
    ),
)
_RAINED_OUT = re.compile(r"\b(?:rained|snowed|weathered) out\b", re.I)
_BACKGROUND = re.compile(
    r"(\d+)\s+(?:extra|additional|more|added)\s+(?:background|bg|extras)(?:\s+performers)?\b"
    r"|(\d+)\s+extras\b",
    re.I,
)
_PICKUP = re.compile(
    rf"\b(?:(\d+)\s*/\s*8\s+)?pick[- ]?ups?\s+(?:shot\s+)?(?:of|on|for)?\s*{_LIST}", re.I
)
_FRACTIONS: tuple[tuple[str, float], ...] = (
    (r"half(?:\s+of)?", 0.5),
    (r"(?:a|1)\s+third\s+of", 1 / 3),
    (r"2\s+thirds\s+of", 2 / 3),
    (r"(?:a|1)\s+quarter\s+of", 0.25),
    (r"3\s+quarters\s+of", 0.75),
    (r"most\s+of", 0.75),
    (r"(?:part|some)\s+of", 0.5),
)
_EIGHTHS = re.compile(rf"\b(\d+)\s*(?:/\s*8|eighths?)\s+of\s+{_SCENE}", re.I)
_PAGES = re.compile(rf"\b{_NUM}\s+pages?\s+of\s+{_SCENE}", re.I)
_PARTLY = re.compile(rf"{_SCENE}\s+(?:partially|partly|in part|half done|half shot)\b", re.I)
_ALL = re.compile(
    r"\b(?:all (?:done|shot|scenes|planned|of it|of them|finished|complete(?:d)?)|"
    r"everything (?:shot|done|planned|finished)|got (?:it all|everything)|all good|"
    r"made (?:our|the) day|on schedule)\b",
    re.I,
)
_NEGATIVE = re.compile(
    r"\b(didn'?t|did not|not (?:shot|done|get|made|finished|shoot)|wasn'?t|weren'?t|never|"
    r"missed|dropped|skipped|couldn'?t|could not|slipped|push(?:ed)?|no time for|"
    r"ran out of (?:time|light) (?:for|on|before)|failed|lost)\b",
    re.I,
)
_QUESTION = re.compile(
    r"\?\s*$|^\s*(what|which|how|why|when|where|who|show|are|is|can|could|should|would|do|does|"
    r"will|pin|move|what'?s)\b",
    re.I,
)
_POSITIVE = re.compile(
    r"\b(shot|finish(?:ed)?|complet(?:e|ed)|got|did|done|wrap(?:ped)?|made|all)\b", re.I
)
_SEGMENTS = re.compile(r",")
_CLAUSES = re.compile(r"[;.!\n]|\bbut\b|\bhowever\b", re.I)
_RANGE = re.compile(r"\b(\d+)\s*(?:-|to|through|thru)\s*(\d+)\b", re.I)


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _hours(value: str, unit: str) -> float:
    return float(value) / 60 if unit.lower().startswith("m") else float(value)


def _scenes_in(fragment: str) -> list[str]:
    return [m.group(1).upper() for m in re.finditer(_SCENE, fragment, re.I)]


def _expand_ranges(text: str) -> str:
    def spell(m: re.Match[str]) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        return ", ".join(str(n) for n in range(a, b + 1)) if 0 < b - a <= 30 else m.group(0)

    return _RANGE.sub(spell, text)


@dataclass
class _Found:
    """What the grammar has read so far (the fields of a `DayReport`)."""

    complete: list[str] = field(default_factory=list)
    partial: list[PartialScene] = field(default_factory=list)
    not_shot: list[str] = field(default_factory=list)
    all_planned: bool = False
    pickups: list[PickUp] = field(default_factory=list)
    overtime_hours: float = 0.0
    extra_background: int = 0
    weather_hours: float = 0.0

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


Extract = Callable[[str, _Found], str]


def _take_hours(patterns: tuple[re.Pattern[str], ...], key: str) -> Extract:
    def take(text: str, out: _Found) -> str:
        for pattern in patterns:
            while match := pattern.search(text):
                hours = getattr(out, key) + _hours(match.group(1), match.group(2))
                setattr(out, key, hours)
                text = _blank(text, match)
        return text

    return take


def _take_background(text: str, out: _Found) -> str:
    while match := _BACKGROUND.search(text):
        out.extra_background += int(match.group(1) or match.group(2))
        text = _blank(text, match)
    return text


def _take_pickups(text: str, out: _Found) -> str:
    while match := _PICKUP.search(text):
        eighths = int(match.group(1)) if match.group(1) else 1
        listed = match.group(0)[match.start(2) - match.start() :]
        out.pickups += [PickUp(scene=s, eighths=eighths) for s in _scenes_in(listed)]
        text = _blank(text, match)
    return text


def _in_eighths(match: re.Match[str]) -> int:
    said = match.group(1)
    return max(1, int(said) if match.re is _EIGHTHS else round(float(said) * 8))


def _take_partials(text: str, out: _Found) -> str:
    found: list[tuple[int, PartialScene]] = []
    for words, share in _FRACTIONS:
        pattern = re.compile(rf"\b{words}\s+{_SCENE}", re.I)
        while match := pattern.search(text):
            found.append(
                (match.start(), PartialScene(scene=match.group(1).upper(), fraction=share))
            )
            text = _blank(text, match)
    for pattern in (_EIGHTHS, _PAGES):
        while match := pattern.search(text):
            part = PartialScene(scene=match.group(2).upper(), eighths=_in_eighths(match))
            found.append((match.start(), part))
            text = _blank(text, match)
    while match := _PARTLY.search(text):
        found.append((match.start(), PartialScene(scene=match.group(1).upper(), fraction=0.5)))
        text = _blank(text, match)
    out.partial += [part for _, part in sorted(found, key=lambda pair: pair[0])]
    return text


def _take_clauses(text: str, out: _Found) -> str:
    if _ALL.search(text):
        out.all_planned = True
        text = _ALL.sub(" ", text)
    for clause in _CLAUSES.split(text):
        for negative, scenes in _polarity(_SEGMENTS.split(clause)):
            (out.not_shot if negative else out.complete).extend(scenes)
    return text


def _polarity(segments: list[str]) -> list[tuple[bool, list[str]]]:
    """Per comma segment, (not shot?, scenes); a segment without a verb takes its neighbour's."""
    said: list[bool | None] = [
        True if _NEGATIVE.search(seg) else False if _POSITIVE.search(seg) else None
        for seg in segments
    ]
    out = []
    for i, seg in enumerate(segments):
        before = next((v for v in reversed(said[:i]) if v is not None), None)
        after = next((v for v in said[i:] if v is not None), None)
        mood = said[i] if said[i] is not None else before if before is not None else after
        out.append((bool(mood), _scenes_in(seg)))
    return out


_GRAMMAR: tuple[Extract, ...] = (
    _take_hours(_OVERTIME, "overtime_hours"),
    _take_hours(_WEATHER, "weather_hours"),
    _take_background,
    _take_pickups,
    _take_partials,
    _take_clauses,
)


def parse_report(text: str, *, next_day: int | None = None) -> DayReport | None:
    """The production report a message gives, or None when it is not one.

    A message names its day ("day 3", "day four"); without one it is a report only when
    `next_day` (0-based, the first unreported day) is given and the message says it wrapped.
    ValueError when a report's numbers are out of range (a 30-hour overtime).
    """
    message = _expand_ranges(digits(text))
    if _QUESTION.search(message):
        return None
    day = _DAY.search(message)
    if day is None and not (next_day is not None and re.search(r"\bwrap", message, re.I)):
        return None
    if not _SIGNAL.search(message[day.end() :] if day else message):
        return None
    index = int(day.group(1)) - 1 if day else next_day
    if index is None or index < 0:
        raise ValueError("shooting days count from day 1")
    rest = _DAY.sub(lambda m: " " * len(m.group(0)), message)
    out = _Found()
    for extract in _GRAMMAR:
        rest = extract(rest, out)
    if _RAINED_OUT.search(message) and not out.weather_hours:
        out.weather_hours = 12.0
    if not out.any():
        return None
    found = {**asdict(out), "partial": out.partial, "pickups": out.pickups}
    try:
        return DayReport(day=index, note=text.strip()[:500], **found)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise ValueError(f"that report does not add up: {where}: {problem['msg']}") from None

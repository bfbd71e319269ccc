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

from tools.progress import phrase_patterns as pt
from tools.progress.model import DayReport, PartialScene, PickUp
from tools.progress.numbers import digits

__all__ = ["parse_report"]


def _blank(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]


def _hours(value: str, unit: str) -> float:
    return float(value) / 60 if unit.lower().startswith("m") else float(value)


def _scenes_in(fragment: str) -> list[str]:
    return [m.group(1).upper() for m in re.finditer(pt.SCENE, fragment, re.I)]


def _expand_ranges(text: str) -> str:
    def spell(m: re.Match[str]) -> str:
        a, b = int(m.group(1)), int(m.group(2))
        return ", ".join(str(n) for n in range(a, b + 1)) if 0 < b - a <= 30 else m.group(0)

    return pt.RANGE.sub(spell, text)


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
    while match := pt.BACKGROUND.search(text):
        out.extra_background += int(match.group(1) or match.group(2))
        text = _blank(text, match)
    return text


def _take_pickups(text: str, out: _Found) -> str:
    while match := pt.PICKUP.search(text):
        eighths = int(match.group(1)) if match.group(1) else 1
        listed = match.group(0)[match.start(2) - match.start() :]
        out.pickups += [PickUp(scene=s, eighths=eighths) for s in _scenes_in(listed)]
        text = _blank(text, match)
    return text


def _in_eighths(match: re.Match[str]) -> int:
    said = match.group(1)
    return max(1, int(said) if match.re is pt.EIGHTHS else round(float(said) * 8))


def _left_eighths(eighths: str | None, pages: str | None) -> int:
    """'2/8', 'a page', 'half a page', '1.5 pages' in eighths."""
    if eighths is not None:
        return int(eighths)
    said = (pages or "").lower()
    return 8 if said == "a" else 4 if said == "half a" else max(1, round(float(said) * 8))


def _take_left(text: str, out: _Found) -> str:
    """'most of 18, about 2/8 left', '2/8 left on 18': a scene part shot, by what it still
    needs (the plan knows its size); read before the shares, which it overrides."""
    found: list[tuple[int, PartialScene]] = []
    while match := pt.LEFT.search(text):
        left = _left_eighths(match.group(2), match.group(3))
        found.append((match.start(), PartialScene(scene=match.group(1).upper(), left=left)))
        text = _blank(text, match)
    while match := pt.LEFT_OF.search(text):
        groups = match.groups()
        left = _left_eighths(*(groups[0:2] if match.group(1) or match.group(2) else groups[2:4]))
        found.append((match.start(), PartialScene(scene=match.group(5).upper(), left=left)))
        text = _blank(text, match)
    out.partial += [part for _, part in sorted(found, key=lambda pair: pair[0])]
    return text


def _take_partials(text: str, out: _Found) -> str:
    found: list[tuple[int, PartialScene]] = []
    while match := pt.EIGHTHS_SHOT.search(text):
        part = PartialScene(scene=match.group(1).upper(), eighths=max(1, int(match.group(2))))
        found.append((match.start(), part))
        text = _blank(text, match)
    for words, share in pt.FRACTIONS:
        pattern = re.compile(rf"\b{words}\s+{pt.SCENE}", re.I)
        while match := pattern.search(text):
            found.append(
                (match.start(), PartialScene(scene=match.group(1).upper(), fraction=share))
            )
            text = _blank(text, match)
    for pattern in (pt.EIGHTHS, pt.PAGES):
        while match := pattern.search(text):
            part = PartialScene(scene=match.group(2).upper(), eighths=_in_eighths(match))
            found.append((match.start(), part))
            text = _blank(text, match)
    while match := pt.PARTLY.search(text):
        found.append((match.start(), PartialScene(scene=match.group(1).upper(), fraction=0.5)))
        text = _blank(text, match)
    out.partial += [part for _, part in sorted(found, key=lambda pair: pair[0])]
    return text


def _take_clauses(text: str, out: _Found) -> str:
    text = pt.OVER_EIGHTHS.sub(lambda m: " " * len(m.group(0)), text)  # '2/8' is no scene
    while match := pt.EXCEPT.search(text):
        # "Everything except 22": the day's board is shot, less the scenes named.
        out.all_planned = True
        out.not_shot += _scenes_in(match.group(0))
        text = _blank(text, match)
    if pt.ALL.search(text):
        out.all_planned = True
        text = pt.ALL.sub(" ", text)
    for clause in pt.CLAUSES.split(text):
        for negative, scenes in _polarity(pt.SEGMENTS.split(clause)):
            (out.not_shot if negative else out.complete).extend(scenes)
    return text


def _polarity(segments: list[str]) -> list[tuple[bool, list[str]]]:
    """Per comma segment, (not shot?, scenes); a segment without a verb takes its neighbour's."""
    said: list[bool | None] = [
        True if pt.NEGATIVE.search(seg) else False if pt.POSITIVE.search(seg) else None
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
    _take_hours(pt.OVERTIME, "overtime_hours"),
    _take_hours(pt.WEATHER, "weather_hours"),
    _take_background,
    _take_pickups,
    _take_left,
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
    if pt.QUESTION.search(message):
        return None
    day = pt.DAY.search(message)
    if day is None and not (next_day is not None and re.search(r"\bwrap", message, re.I)):
        return None
    said = message[day.end() :] if day else message
    if not (pt.SIGNAL.search(said) or pt.EXCEPT.search(said)):
        return None
    index = int(day.group(1)) - 1 if day else next_day
    if index is None or index < 0:
        raise ValueError("shooting days count from day 1")
    rest = pt.DAY.sub(lambda m: " " * len(m.group(0)), message)
    out = _Found()
    for extract in _GRAMMAR:
        rest = extract(rest, out)
    parted = {p.scene for p in out.partial}
    # "shot 20, 21, 22 - 1 page left on 22": 22 is part shot, not finished.
    out.complete = [scene for scene in out.complete if scene not in parted]
    if pt.RAINED_OUT.search(message) and not out.weather_hours:
        out.weather_hours = 12.0
    if not out.any():
        return None
    found = {**asdict(out), "partial": out.partial, "pickups": out.pickups}
    try:
        amend = bool(pt.AMEND.search(message))
        return DayReport(day=index, note=text.strip()[:500], amend=amend, **found)
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(part) for part in problem["loc"])
        raise ValueError(f"that report does not add up: {where}: {problem['msg']}") from None

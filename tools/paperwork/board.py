"""The documents' one view of a plan: days, scenes and cast as a 1st AD reads them.

Built from a plan record (`tools.plan.Plan`) and, when it is the script the plan was made from,
the script (`tools.script.Script`) for headings, synopses and breakdown elements. A plan whose
script changed since (a later revision) is drawn from its own strips only, so an old version's
documents never show a newer draft's words.

Sites and sets: scenes and days gain `site`/`set` and `sites` fields in a later schema; the
accessors below read them when present and fall back to the main location and the location.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from tools.paperwork.pdf import has_rtl, lacks_glyphs
from tools.plan.model import Plan
from tools.schedule.model import MINUTES_PER_EIGHTH, ShootDay, Strip
from tools.script import CATEGORIES, Scene, Script

__all__ = ["Board", "BoardDay", "BoardScene", "build_board", "day_sites", "pages", "site_of"]


def pages(eighths: int) -> str:
    """Eighths as a 1st AD writes them: "2 3/8", "7/8", "1"."""
    whole, part = divmod(max(0, int(eighths)), 8)
    if not part:
        return str(whole)
    return f"{whole} {part}/8" if whole else f"{part}/8"


def site_of(record: Any) -> tuple[str, str]:
    """(site, set) of a scene or strip: its own fields when it has them, else its locations."""
    location = str(getattr(record, "location", "") or "")
    site = getattr(record, "site", None) or getattr(record, "main_location", "") or location
    where = getattr(record, "set", None) or location or site
    return str(site), str(where)


def day_sites(day: ShootDay) -> list[str]:
    """The sites a day visits, in order (its `sites` field when it has one, else locations)."""
    return [str(s) for s in (getattr(day, "sites", None) or day.locations)]


@dataclass(frozen=True)
class BoardScene:
    """One scene as every document prints it."""

    number: str
    heading: str
    int_ext: str
    lighting: str
    site: str
    set: str
    eighths: int
    minutes: float
    cast_ids: list[int]
    synopsis: str = ""
    elements: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def colour_key(self) -> str:
        """The strip colour's name: "int-day", "ext-day", "int-night" or "ext-night"."""
        ext = self.int_ext.startswith("EXT") or self.int_ext == "INT/EXT"
        return f"{'ext' if ext else 'int'}-{'night' if self.lighting == 'NIGHT' else 'day'}"


@dataclass(frozen=True)
class BoardDay:
    """One shooting day: its scenes in shooting order."""

    index: int
    date: str | None
    scenes: list[BoardScene]
    sites: list[str]
    company_moves: int
    lighting: str

    @property
    def eighths(self) -> int:
        """Pages of the day, in eighths."""
        return sum(scene.eighths for scene in self.scenes)

    @property
    def number(self) -> int:
        """The 1-based day number printed on paper."""
        return self.index + 1


@dataclass(frozen=True)
class Board:
    """A plan version as paper: title, version stamp, days, cast legend."""

    title: str
    version: int
    version_date: str
    days: list[BoardDay]
    cast: list[tuple[int, str]]
    """(ID, name) in ID order: most scenes first, ties in order of first appearance."""
    dood: list[dict[str, Any]]
    """DOOD rows in cast-ID order: {"id", "name", "codes", "work", "hold", "drop", ...}."""
    detailed: bool
    """False when the script's words were not available (drawn from strips only)."""
    shooting_days: int = 0
    """The plan's days when `days` is a stretch of them (a week's one-liner); 0: all here."""

    @functools.cached_property
    def texts(self) -> list[str]:
        """Every name and phrase the documents print (for the font choices below)."""
        texts = [self.title, *(name for _, name in self.cast)]
        for scene in self.scenes:
            texts += [scene.heading, scene.site, scene.set, scene.synopsis, *scene.notes]
            texts += [name for names in scene.elements.values() for name in names]
        return texts

    @functools.cached_property
    def rtl(self) -> bool:
        """Whether any printed text is written right to left (Hebrew, Arabic)."""
        return has_rtl(*self.texts)

    @functools.cached_property
    def fallback(self) -> bool:
        """Whether any printed text needs the emoji fallback font."""
        return lacks_glyphs(*self.texts)

    @property
    def day_count(self) -> int:
        """The plan's shooting days ("day 6 of 38"), also when `days` is a stretch."""
        return self.shooting_days or len(self.days)

    def stretch(self, first: int, last: int) -> Board:
        """The board's days `first`..`last` (1-based, inclusive), counted against the whole."""
        kept = [day for day in self.days if first <= day.number <= last]
        return replace(self, days=kept, shooting_days=self.day_count)

    @property
    def stamp(self) -> str:
        """The version line every page carries."""
        return f"Plan version {self.version} of {self.version_date}"

    @property
    def scenes(self) -> list[BoardScene]:
        """Every scheduled scene in board order."""
        return [scene for day in self.days for scene in day.scenes]

    def cast_name(self, cast_id: int) -> str:
        """The name behind a cast ID."""
        return dict(self.cast).get(cast_id, "?")


def _cast_ids(strips: list[Strip]) -> dict[str, int]:
    counts = Counter(name for strip in strips for name in strip.cast)
    first = {name: i for i, name in enumerate(dict.fromkeys(n for s in strips for n in s.cast))}
    ordered = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return {name: i + 1 for i, name in enumerate(ordered)}


def _scene(strip: Strip, scene: Scene | None, ids: dict[str, int], pace: float) -> BoardScene:
    int_ext = strip.int_ext or (scene.int_ext if scene else None) or "INT"
    heading = scene.heading if scene else f"{int_ext}. {strip.location} - {strip.lighting}"
    site, where = site_of(scene if scene is not None else strip)
    elements: dict[str, list[str]] = {}
    if scene is not None:
        for category in CATEGORIES:
            names = [e.name for e in scene.elements.get(category, [])]
            if names:
                elements[category] = list(dict.fromkeys(names))
    return BoardScene(
        number=strip.id,
        heading=heading,
        int_ext=int_ext,
        lighting=strip.lighting,
        site=site,
        set=where,
        eighths=strip.eighths,
        minutes=strip.minutes if strip.minutes is not None else strip.eighths * pace,
        cast_ids=sorted(ids[name] for name in dict.fromkeys(strip.cast) if name in ids),
        synopsis=(scene.synopsis or "") if scene else "",
        elements=elements,
        notes=list(scene.notes) if scene else [],
    )


def _dood_rows(plan: Plan, ids: dict[str, int]) -> list[dict[str, Any]]:
    rows = []
    for row in plan.dood.rows if plan.dood else []:
        if row.name in ids:
            rows.append({"id": ids[row.name], **row.model_dump(mode="json")})
    return sorted(rows, key=lambda r: r["id"])


def build_board(
    plan: Plan, script: Script | None, *, version: int, version_date: str | date
) -> Board:
    """The board of `plan` (version `version`, saved on `version_date`).

    `script` is used for words only when its content hash is the plan's; otherwise (or when
    None) headings are composed from the strips. Raises ValueError for a plan with no days.
    """
    if not plan.schedule.days:
        raise ValueError(f"plan version {version} has no shooting days to print")
    strips = plan.problem.strips
    detailed = script is not None and script.content_hash == plan.content_hash
    by_number = {s.number: s for s in script.scenes} if script is not None and detailed else {}
    ids = _cast_ids(strips)
    pace = plan.problem.options.minutes_per_eighth or MINUTES_PER_EIGHTH
    strip_of = {strip.id: strip for strip in strips}
    days = []
    for day in plan.schedule.days:
        scenes = [
            _scene(strip_of[sid], by_number.get(sid), ids, pace)
            for sid in day.strips
            if sid in strip_of
        ]
        days.append(
            BoardDay(day.index, day.date, scenes, day_sites(day), day.company_moves, day.lighting)
        )
    stamp_date = version_date.isoformat() if isinstance(version_date, date) else version_date
    return Board(
        title=plan.title,
        version=version,
        version_date=stamp_date,
        days=days,
        cast=sorted(((i, n) for n, i in ids.items())),
        dood=_dood_rows(plan, ids),
        detailed=detailed,
    )

"""Realistic site structure for generated scripts: sites with several sets, written many ways.

A feature's headings name sets, not sites: `INT. MILLER HOUSE - KITCHEN`, `INT. MILLER
KITCHEN`, `INT. MILLER'S BEDROOM`, a bare `INT. KITCHEN` in a run of scenes at the house,
`INT. WARD, ST JUDES HOSPITAL`, `EXT. THE GRAND THEATER`. Scenes come in story runs of one to
four scenes at one site (cutting between its rooms, often CONTINUOUS). `SitePlanner` picks the
next scene's site, set and written location, and knows the truth (the canonical site and set).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from tools.sites.names import is_area, tokens

__all__ = ["SITES", "SiteHeading", "SitePlanner", "SiteSpec"]


@dataclass(frozen=True)
class SiteSpec:
    """A site of the generated feature: its name, sets, other spellings and its owner."""

    name: str
    sets: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    owner: str = ""
    """For a home: the family or person ("MILLER"), so "MILLER KITCHEN" can be written."""
    weight: float = 1.0


SITES: tuple[SiteSpec, ...] = (
    SiteSpec("MILLER HOUSE", ("KITCHEN", "LIVING ROOM", "BEDROOM", "BACKYARD", "FRONT PORCH"),
             ("MILLERS' HOUSE", "MILLER HOME"), "MILLER", 3.0),
    SiteSpec("BELL HOUSE", ("KITCHEN", "BASEMENT", "HALLWAY", "DRIVEWAY"), ("BELLS' HOUSE",),
             "BELL", 2.0),
    SiteSpec("MAYA'S APARTMENT", ("KITCHEN", "BEDROOM", "BATHROOM"), ("MAYAS APARTMENT",),
             "MAYA'S", 2.0),
    SiteSpec("ST. JUDE'S HOSPITAL", ("CORRIDOR", "WARD", "WAITING ROOM", "LOBBY"),
             ("ST JUDES HOSPITAL", "SAINT JUDE'S HOSPITAL"), "", 2.0),
    SiteSpec("POLICE STATION", ("BULLPEN", "INTERROGATION ROOM", "LOBBY", "HOLDING CELL"),
             ("POLICE STATIONS",), "", 2.5),
    SiteSpec("GRAND THEATRE", ("BACKSTAGE", "LOBBY", "BALCONY"), ("GRAND THEATER",), "", 1.5),
    SiteSpec("COURTHOUSE", ("LOBBY", "CORRIDOR", "COURTROOM 3")),
    SiteSpec("WAREHOUSE", ("LOADING DOCK", "OFFICE")),
    SiteSpec("SCHOOL", ("GYM", "CLASSROOM", "HALLWAY")),
    SiteSpec("RADIO STATION", ("CONTROL ROOM", "BOOTH")),
    SiteSpec("LIGHTHOUSE", ("STAIRCASE", "LAMP ROOM")),
    SiteSpec("RIVERSIDE MOTEL", ("PARKING LOT", "ROOM 12")),
    SiteSpec("DINER", weight=2.0),
    SiteSpec("HARBOR"),
    SiteSpec("ORSON'S CAR", weight=1.5),
    SiteSpec("HIGHWAY 9"),
    SiteSpec("CITY PARK"),
    SiteSpec("CHURCH"),
    SiteSpec("AIRFIELD"),
    SiteSpec("JUNKYARD"),
    SiteSpec("MARKET SQUARE"),
    SiteSpec("BUS DEPOT"),
    SiteSpec("RANGER STATION"),
    SiteSpec("FOREST ROAD"),
)  # fmt: skip

_OUTSIDE = {"BACKYARD", "FRONT PORCH", "DRIVEWAY", "PARKING LOT", "LOADING DOCK"}


@dataclass(frozen=True)
class SiteHeading:
    """One scene's place: as written, INT/EXT, and the truth."""

    location: str
    int_ext: str
    site: str
    set: str


class SitePlanner:
    """Chooses each scene's site in story runs and writes its location a realistic way."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.site: SiteSpec | None = None
        self.left = 0
        self.last_set = ""

    def _next_site(self) -> SiteSpec:
        if self.site is None or self.left <= 0:
            weights = [s.weight for s in SITES]
            self.site = self.rng.choices(SITES, weights=weights)[0]
            self.left = self.rng.randint(1, 4) if self.site.sets else 1
            self.last_set = ""
        self.left -= 1
        return self.site

    def _written(self, site: SiteSpec, room: str, running: bool) -> str:
        rng = self.rng
        name = rng.choice((site.name,) * 3 + site.aliases)
        if not room:
            return rng.choice((name, name, f"THE {name}")) if " " in name else name
        forms = [f"{name} - {room}", f"{name} - {room}", f"{name} -- {room}"]
        if is_area(tokens(room)):
            forms.append(f"{room}, {name}")
            if site.owner:
                forms.append(f"{site.owner} {room}")
                if not site.owner.endswith("'S"):
                    forms.append(f"{site.owner}S' {room}")
            if running and self.last_set and self.last_set != room:
                forms += [room, room]
        return rng.choice(forms)

    def next(self) -> SiteHeading:
        """The next scene's place (a new story run starts when the current one is spent)."""
        running = self.site is not None and self.left > 0
        site = self._next_site()
        room = self.rng.choice(site.sets) if site.sets else ""
        location = self._written(site, room, running)
        self.last_set = room
        outside = room in _OUTSIDE or (not room and self.rng.random() < 0.5)
        return SiteHeading(location, "EXT" if outside else "INT", site.name, room or site.name)

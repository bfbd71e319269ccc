"""Site kinds: practical, stage, backlot, street or vehicle, read from the site's name.

The kind prices a site (fees, set-up, permits) and says how it is shot; the user corrects it
("the hospital is a stage"). A vehicle is named by its head word (ORSON'S CAR, POLICE CAR),
not by a word inside a place's name (CAR WASH, BUS DEPOT).
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from tools.sites.names import tokens
from tools.sites.words import VEHICLE_WORDS

__all__ = ["KINDS", "SiteKind", "location_kind", "site_kind"]

SiteKind = Literal["practical", "stage", "backlot", "street", "vehicle"]
KINDS: tuple[str, ...] = get_args(SiteKind)

_STAGE = re.compile(r"\b(STAGE|STUDIO|SOUNDSTAGE)\b")
_BACKLOT = re.compile(r"\bBACKLOT\b")
# Public or hard-to-permit places: permits, police, closures, crowds.
_PUBLIC = re.compile(
    r"\b(STREETS?|ROADS?|HIGHWAY|FREEWAY|INTERSTATE|BRIDGE|TUNNEL|ALLEY|AVENUE|BOULEVARD|"
    r"SIDEWALK|PARK|SQUARE|PLAZA|MARKET|BUS|AIRPORT|STADIUM|MALL|BEACH|PIER|HARBOR|"
    r"DOWNTOWN|CITY|TOWN|PARKING|CROSSWALK|SUBWAY|TRAIN|RAILWAY|CROWD|FESTIVAL|PARADE)\b"
)


def location_kind(name: str) -> str:
    """`stage`, `backlot`, `street` (public, hard to permit) or `practical`, from the name."""
    upper = name.upper()
    if _STAGE.search(upper):
        return "stage"
    if _BACKLOT.search(upper):
        return "backlot"
    if _PUBLIC.search(upper):
        return "street"
    return "practical"


def site_kind(name: str) -> SiteKind:
    """The kind of a site from its name: a vehicle by its head word, else `location_kind`."""
    words = tokens(name)
    if words and words[-1] in VEHICLE_WORDS:
        return "vehicle"
    return location_kind(name)  # type: ignore[return-value]

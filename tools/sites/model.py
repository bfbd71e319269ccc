"""The records of site inference: one assignment per scene, and the user's corrections."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.sites.kinds import SiteKind

__all__ = ["SceneRange", "SiteAssignment", "SiteCorrections"]


class SiteAssignment(BaseModel):
    """Where one scene is shot: the site the company parks at and the set within it."""

    index: int
    """0-based position of the scene in script order."""
    scene: str
    """The scene number."""
    site: str
    """Where the company parks and bases ("MILLER HOUSE", "ST. JUDE'S HOSPITAL")."""
    set: str
    """The room or area within the site ("KITCHEN"); the site's name when the heading has none."""
    kind: SiteKind = "practical"
    site_reason: str = ""
    """Why the scene is at this site, in words a person can check."""
    confidence: float = Field(default=1.0, ge=0, le=1)
    """1.0 for a user's correction; lower the more the grouping is guessed."""


class SceneRange(BaseModel):
    """Scenes `first` to `last` (scene numbers, inclusive, in script order) are at `site`."""

    first: str
    last: str
    site: str
    set: str | None = None


class SiteCorrections(BaseModel):
    """What the user said about sites; corrections always win over inference."""

    scenes: list[SceneRange] = Field(default_factory=list)
    locations: dict[str, str] = Field(default_factory=dict)
    """Heading location or set (upper case) -> site ("KITCHEN" -> "MILLER HOUSE")."""
    kinds: dict[str, SiteKind] = Field(default_factory=dict)
    """Site (upper case) -> kind ("ST. JUDE'S HOSPITAL" -> "stage")."""

    def merged(self, other: SiteCorrections) -> SiteCorrections:
        """These corrections with `other`'s added on top (later ones win)."""
        return SiteCorrections(
            scenes=[*self.scenes, *other.scenes],
            locations={**self.locations, **other.locations},
            kinds={**self.kinds, **other.kinds},
        )

    @property
    def empty(self) -> bool:
        """True when there is nothing to apply."""
        return not (self.scenes or self.locations or self.kinds)

"""The breakdown's records: a parsed script, its scenes and their production elements.

These are the contract between the parsers, the scheduler, the budget and the chat graph.
They are pydantic models so they serialize to JSON (and into graph checkpoints) unchanged.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CATEGORIES",
    "Element",
    "IntExt",
    "Lighting",
    "Scene",
    "Script",
    "ScriptError",
    "ScriptFormat",
]

IntExt = Literal["INT", "EXT", "INT/EXT"]
Lighting = Literal["DAY", "NIGHT"]
ScriptFormat = Literal["fountain", "text", "fdx", "pdf"]

#: Breakdown categories, in the order a breakdown sheet lists them.
CATEGORIES: tuple[str, ...] = (
    "cast",
    "extras",
    "stunts",
    "vehicles",
    "animals",
    "weapons",
    "sfx",
    "vfx",
    "props",
    "wardrobe",
    "makeup",
    "minors",
)


class ScriptError(ValueError):
    """A file that cannot be read as a screenplay; the message says what is wrong and what to do."""


class Element(BaseModel):
    """One breakdown element in one scene, with the evidence for it."""

    model_config = ConfigDict(frozen=True)

    name: str
    """What it is, as a 1st AD would write it on the sheet ("UNICORN", "fire", "POLICE CAR")."""
    line: str = ""
    """The text of the line it was read from, so a person can check it."""
    line_no: int | None = None
    """1-based line number in the source file (page-relative for PDF), when known."""
    explicit: bool = True
    """True when the script states it (a cue, a Final Draft tag); False when a rule inferred it."""


class Scene(BaseModel):
    """One scene of the script as the schedule and budget need it."""

    index: int
    """0-based position in script order."""
    number: str
    """The scene number: from the file when it has one ("12A"), else sequential from 1."""
    heading: str
    """The heading as written, without a trailing scene number."""
    int_ext: IntExt | None = None
    """INT, EXT, INT/EXT, or None for a secondary heading ("BACK IN THE APARTMENT")."""
    location: str = ""
    """The full location, upper case, sub-locations kept ("SUTTER HOUSE - FRONT DOOR")."""
    main_location: str = ""
    """The location used for grouping, moves and clustering ("SUTTER HOUSE")."""
    time_of_day: str | None = None
    """The time-of-day word from the heading (DAY, NIGHT, DUSK, CONTINUOUS, ...), if any."""
    lighting: Lighting = "DAY"
    """Day or night for scheduling; inherited or assumed when the heading does not say."""
    time_of_day_inferred: bool = False
    """True when `lighting` was inherited (CONTINUOUS/LATER/SAME) or assumed (no time given)."""
    eighths: int = Field(default=1, ge=1)
    """Length in eighths of a page (8 = one page)."""
    eighths_stored: bool = False
    """True when the length is Final Draft's stored `Length`, False when measured."""
    page: str | None = None
    """Page the scene starts on, when the file says."""
    speakers: list[str] = Field(default_factory=list)
    """Speaking characters, upper case, extensions removed, in order of first line."""
    extensions: dict[str, list[str]] = Field(default_factory=dict)
    """Per speaker, the cue extensions seen (V.O., O.S., CONT'D, ...)."""
    raw_cues: list[str] = Field(default_factory=list)
    """Cues exactly as written (group cues such as "EDWARD AND WILL" are kept here)."""
    non_speaking: list[str] = Field(default_factory=list)
    """Named characters who appear without a line (from action or tags)."""
    elements: dict[str, list[Element]] = Field(default_factory=dict)
    """Breakdown elements by category (see CATEGORIES)."""
    notes: list[str] = Field(default_factory=list)
    """Writer's or production notes ([[...]], ScriptNote)."""
    synopsis: str | None = None
    """Scene summary or synopsis, when the file has one."""
    text: str = ""
    """The scene's body (action, cues, dialogue) as plain text, for questions and revisions."""
    source_line: int | None = None
    """1-based line of the heading in the source file, when known."""

    @property
    def cast(self) -> list[str]:
        """Everyone the scene needs on set: speakers then named non-speaking characters."""
        seen = dict.fromkeys(self.speakers)
        seen.update(dict.fromkeys(self.non_speaking))
        return list(seen)


class Script(BaseModel):
    """A parsed screenplay: title page facts and scenes in script order."""

    title: str = "Untitled"
    format: ScriptFormat
    source_name: str = ""
    """The file name it was read from (no directories)."""
    title_page: dict[str, str] = Field(default_factory=dict)
    scenes: list[Scene] = Field(default_factory=list)
    content_hash: str = ""
    """SHA-256 of the source bytes: the cache key for every analysis of this script."""
    warnings: list[str] = Field(default_factory=list)
    """Things a person should check (unknown paragraph types, guessed encodings, ...)."""

    @property
    def speakers(self) -> list[str]:
        """Every speaking character in the script, in order of first appearance."""
        seen: dict[str, None] = {}
        for scene in self.scenes:
            seen.update(dict.fromkeys(scene.speakers))
        return list(seen)

    @property
    def total_eighths(self) -> int:
        """The script's length in eighths of a page."""
        return sum(scene.eighths for scene in self.scenes)

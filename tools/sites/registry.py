"""The sites a script names, with their aliases: one key per place however it is spelled.

Named readings give sites. Two names are one site when their words fold to the same key
(possessives, THE, plurals, hyphens, spelling), when both are homes of one owner ("MILLER
HOUSE", "MILLERS' HOME"), or when they are near-identical spellings ("MACGREGOR FARM",
"MCGREGOR FARM"). An owner ("MILLER" of "MILLER KITCHEN") resolves to that owner's site.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field

from tools.sites.names import joined
from tools.sites.readings import Reading
from tools.sites.words import DWELLINGS

__all__ = ["Registry", "build_registry"]

_NEAR = 0.92
"""Similarity of two keys above which they are one place spelled two ways."""


@dataclass
class Registry:
    """Site keys -> display name, and every alias key -> (site key, why)."""

    names: dict[str, str] = field(default_factory=dict)
    alias: dict[str, tuple[str, str]] = field(default_factory=dict)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Site key -> its normalised words."""
    owners: dict[str, str] = field(default_factory=dict)
    """Owner key ("MILLER") -> site key of their home ("MILLERHOUSE")."""

    def site_of(self, key: str) -> tuple[str, str] | None:
        """(site key, reason) for a named key, following aliases."""
        return self.alias.get(key)

    def owner_site(self, words: tuple[str, ...]) -> tuple[str, str] | None:
        """The site an owner's room belongs to: their home, or a site named by those words."""
        key = joined(list(words))
        if key in self.owners:
            return self.owners[key], "the owner's home"
        if key in self.alias:
            return self.alias[key][0], "shares its leading words"
        longer = [k for k in self.names if k.startswith(key) and len(key) >= 4]
        if len(longer) == 1:
            return longer[0], "shares its leading words"
        # "HOSPITAL CORRIDOR" in a script with one hospital: the only site with those words.
        within = [k for k, w in self.words.items() if set(words) <= set(w)]
        if len(within) == 1:
            return within[0], "the only site with those words"
        return None


def _owner(words: tuple[str, ...]) -> str | None:
    if len(words) > 1 and words[-1] in DWELLINGS:
        return joined(list(words[:-1]))
    return None


def build_registry(readings: list[Reading]) -> Registry:
    """Every named site of the script, merged by owner and spelling (see the module docstring)."""
    reg = Registry()
    spelled: dict[str, Counter[str]] = {}
    for r in readings:
        if r.form == "named" and r.key:
            spelled.setdefault(r.key, Counter())[r.site_text] += 1
    # The most frequent keys name the site; rarer spellings become its aliases.
    keys = sorted(spelled, key=lambda k: (-sum(spelled[k].values()), k))
    for key in keys:
        owner = _owner(_words(readings, key))
        if owner is not None and owner in reg.owners:
            reg.alias[key] = (reg.owners[owner], "another name for the same home")
            continue
        near = difflib.get_close_matches(key, list(reg.names), n=1, cutoff=_NEAR)
        if near and len(key) >= 8:
            reg.alias[key] = (near[0], "a spelling variant")
            continue
        # The commonest spelling names it; on a tie, the first one written without THE.
        order = list(spelled[key])
        name = min(order, key=lambda t: (-spelled[key][t], _ornate(t), order.index(t)))
        reg.names[key] = name[4:] if name.startswith("THE ") else name
        reg.words[key] = _words(readings, key)
        reg.alias[key] = (key, "named in the heading")
        if owner is not None:
            reg.owners[owner] = key
    return reg


def _ornate(text: str) -> bool:
    """A spelling with THE or a plural possessive ("THE MILLERS' HOUSE")."""
    return text.startswith("THE ") or "S' " in f"{text} "


def _words(readings: list[Reading], key: str) -> tuple[str, ...]:
    return next(r.words for r in readings if r.key == key)

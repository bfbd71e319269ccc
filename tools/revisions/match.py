"""Pair a new draft's scenes with the old draft's: by scene number, then heading and content.

Similarity is `difflib.SequenceMatcher` (standard library; rapidfuzz is not installed) on the
normalized heading and on the scene's words. Three passes, each over what the last left:

1. same strip id (scene number), accepted when the pair is still recognisably the same scene
   and neither scene appears unchanged elsewhere (a parser numbering from 1, or a writer who
   renumbers, shifts every later number);
2. scenes identical in heading and text, aligned in script order;
3. the most similar remaining pairs, greedily, above a threshold.

Strip ids are the scheduler's (`problem_from_script`: the number, "12 (2)" for a repeat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from tools.schedule import problem_from_script
from tools.script import Scene, Script

__all__ = ["CONTENT_MIN", "NUMBER_MIN", "Match", "match_scenes", "scene_ids", "similarity"]

NUMBER_MIN = 0.5
"""Least similarity for two scenes with the same number to count as one scene."""
CONTENT_MIN = 0.6
"""Least similarity for two scenes with different numbers to count as one scene."""
_HEADING_WEIGHT = 0.4
"""Share of the heading in a pair's similarity; the scene's words carry the rest."""


@dataclass(frozen=True)
class Match:
    """One old scene paired with one new scene (positions in each script's `scenes`)."""

    old: int
    new: int
    by: str
    """"number" or "content"."""
    score: float


@dataclass(frozen=True)
class _Sig:
    heading: str
    words: tuple[str, ...]

    @property
    def key(self) -> tuple[str, tuple[str, ...]]:
        return (self.heading, self.words)


def _sig(scene: Scene) -> _Sig:
    heading = re.sub(r"\s+", " ", scene.heading).strip().upper()
    return _Sig(heading, tuple(scene.text.split()))


def scene_ids(script: Script) -> list[str]:
    """The strip id of each scene, in script order (what schedules and plans refer to)."""
    return [strip.id for strip in problem_from_script(script).strips]


def _ratio(a: str | tuple[str, ...], b: str | tuple[str, ...], floor: float = 0.0) -> float:
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def _score(a: _Sig, b: _Sig, floor: float = 0.0) -> float:
    heading = _ratio(a.heading, b.heading)
    rest = 1 - _HEADING_WEIGHT
    # The words must reach what is left of the floor after the heading's share.
    need = max(0.0, (floor - _HEADING_WEIGHT * heading) / rest)
    if need > 1.0:
        return 0.0
    return _HEADING_WEIGHT * heading + rest * _ratio(a.words, b.words, need)


def similarity(old: Scene, new: Scene) -> float:
    """How alike two scenes are, 0..1 (heading and words; 1 means identical)."""
    return _score(_sig(old), _sig(new))


def _by_number(
    old: list[_Sig], new: list[_Sig], old_ids: list[str], new_ids: list[str]
) -> list[Match]:
    where = {sid: i for i, sid in enumerate(new_ids)}
    old_keys, new_keys = {s.key for s in old}, {s.key for s in new}
    found = []
    for i, sid in enumerate(old_ids):
        j = where.get(sid)
        if j is None:
            continue
        if old[i].key != new[j].key and (old[i].key in new_keys or new[j].key in old_keys):
            continue  # one of them is unchanged elsewhere: the numbers shifted
        score = _score(old[i], new[j], NUMBER_MIN)
        if score >= NUMBER_MIN:
            found.append(Match(i, j, "number", score))
    return found


def _identical(old: list[_Sig], new: list[_Sig], left: list[int], right: list[int]) -> list[Match]:
    matcher = SequenceMatcher(
        None, [old[i].key for i in left], [new[j].key for j in right], autojunk=False
    )
    return [
        Match(left[block.a + k], right[block.b + k], "content", 1.0)
        for block in matcher.get_matching_blocks()
        for k in range(block.size)
    ]


def _greedy(old: list[_Sig], new: list[_Sig], left: list[int], right: list[int]) -> list[Match]:
    pairs = []
    for i in left:
        for j in right:
            score = _score(old[i], new[j], CONTENT_MIN)
            if score >= CONTENT_MIN:
                pairs.append((-score, abs(i - j), i, j))
    pairs.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    found = []
    for negative, _, i, j in pairs:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            found.append(Match(i, j, "content", -negative))
    return found


def match_scenes(old: Script, new: Script) -> list[Match]:
    """Pairs of (old, new) scene positions that are the same scene, in new-script order."""
    a, b = [_sig(s) for s in old.scenes], [_sig(s) for s in new.scenes]
    found = _by_number(a, b, scene_ids(old), scene_ids(new))
    for step in (_identical, _greedy):
        taken_old = {m.old for m in found}
        taken_new = {m.new for m in found}
        left = [i for i in range(len(a)) if i not in taken_old]
        right = [j for j in range(len(b)) if j not in taken_new]
        if left and right:
            found += step(a, b, left, right)
    return sorted(found, key=lambda m: m.new)

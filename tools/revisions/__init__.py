"""Script revisions: match a new draft to the old one, say what changed, re-plan with stability.

`diff_scripts` (added, removed, changed and unchanged scenes, and which analyses that
reaches), `match_scenes` (the pairing behind it) and `replan_revision` (the new draft's plan,
moving as few strips as it can, with the strips that moved and the budget change by account).
"""

from tools.revisions.diff import ANALYSES, SceneChange, ScriptDiff, diff_scripts
from tools.revisions.match import Match, match_scenes, scene_ids, similarity
from tools.revisions.replan import (
    RevisionReport,
    map_schedule,
    previous_for_revision,
    replan_revision,
    translate_inputs,
)
from tools.revisions.text import revision_text

__all__ = [
    "ANALYSES",
    "Match",
    "RevisionReport",
    "SceneChange",
    "ScriptDiff",
    "diff_scripts",
    "map_schedule",
    "match_scenes",
    "previous_for_revision",
    "replan_revision",
    "revision_text",
    "scene_ids",
    "similarity",
    "translate_inputs",
]

"""Breakdown elements: rules over action lines, with the evidence for each element.

The rules run inside `tools.parsing.build.build_script`, so every Script a reader returns is
already broken down with source line numbers. `annotate` re-runs them on a Script (after an
edit, or on a Script built elsewhere) from each scene's text; those elements carry no line
number.
"""

from __future__ import annotations

from tools.breakdown.rules import find_elements, merge_elements, minor_ages
from tools.script import Script

__all__ = ["annotate", "find_elements", "merge_elements", "minor_ages"]


def annotate(script: Script) -> Script:
    """A copy of `script` with rule findings merged into every scene's elements.

    Elements already present (cues, Final Draft tags, earlier findings) are kept as they are.
    """
    scenes = []
    for scene in script.scenes:
        rows = [(None, line) for line in scene.text.split("\n")]
        elements = merge_elements(scene.elements, find_elements(rows))
        scenes.append(scene.model_copy(update={"elements": elements}))
    return script.model_copy(update={"scenes": scenes})

"""Plans the paperwork tests print: the shared script, a generated feature, hostile names.

Each is planned once per process (the solver is the slow part); tests treat them as read-only.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path

from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate
from tests.builders import scene
from tools.parsing import read_script
from tools.plan import Plan, PlanInputs, make_plan
from tools.script import Element, Script

__all__ = [
    "ARTIFACTS",
    "HOSTILE_NAMES",
    "feature_plan",
    "hostile_plan",
    "pdf_rows",
    "pdf_text",
    "shared_plan",
]

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "paperwork"
SHARED_SCRIPT = ROOT.parent / "shared" / "data" / "screenplays" / "national-stupidity.fdx"
START = "2026-12-07"
HOSTILE_NAMES = [
    "<script>alert('x')</script>",
    "LONG" + "O" * 296,
    "דוד הַמֶּלֶךְ",
    "مريم",
    "ZOË 🎬🔥",
    "**BOLD** [link](http://x)",
]


@functools.cache
def shared_plan() -> tuple[Script, Plan]:
    """The shared Final Draft script, planned from a start date."""
    script = read_script(SHARED_SCRIPT.read_bytes(), filename=SHARED_SCRIPT.name)
    return script, make_plan(script, PlanInputs(start_date=START, time_limit_s=5))


@functools.cache
def feature_plan(scenes: int = 40) -> tuple[Script, Plan]:
    """A generated feature (bench.scriptgen) read back from Fountain and planned."""
    made = generate(GenOptions(seed=5, scenes=scenes, pages=scenes * 3 // 4, speaking_parts=18))
    text = to_fountain(made.title_page, made.blocks())
    script = read_script(text.encode("utf-8"), filename="generated.fountain")
    return script, make_plan(script, PlanInputs(start_date=START, time_limit_s=5))


@functools.cache
def hostile_plan() -> tuple[Script, Plan]:
    """Scenes whose names, places and elements are markup, 300 characters, RTL and emoji."""
    scenes = []
    for i in range(12):
        cast = [HOSTILE_NAMES[i % len(HOSTILE_NAMES)], HOSTILE_NAMES[(i + 2) % len(HOSTILE_NAMES)]]
        where = ["<b>HOUSE</b> & CO", "בית החולים", "CAFÉ 🍕", "X" * 300][i % 4]
        made = scene(i, where, cast, 6 + i % 5, night=i % 3 == 0, ext=i % 2 == 0)
        props = [Element(name=HOSTILE_NAMES[(i + 1) % len(HOSTILE_NAMES)])]
        scenes.append(made.model_copy(update={"elements": {"props": props, "stunts": props}}))
    script = Script(
        title="<i>Hostile</i> ✂ " + "T" * 200,
        format="fountain",
        scenes=scenes,
        content_hash="hostile-1",
    )
    return script, make_plan(script, PlanInputs(start_date=START, time_limit_s=5))


def pdf_text(pdf: bytes) -> str:
    """All text of a PDF as a text extractor reads it (pdfminer)."""
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(pdf))


def pdf_rows(pdf: bytes) -> list[str]:
    """The PDF's text as printed rows: text lines at one height, joined left to right."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    rows: list[str] = []
    for page in extract_pages(io.BytesIO(pdf)):
        lines: dict[int, list[tuple[float, str]]] = {}
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if isinstance(line, LTTextLine):
                    key = round(line.y0)
                    lines.setdefault(key, []).append((line.x0, line.get_text().strip()))
        for key in sorted(lines, reverse=True):
            rows.append(" ".join(text for _, text in sorted(lines[key])))
    return rows

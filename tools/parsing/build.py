"""The scene builder: a reader's ParsedDocument -> a Script with scenes and breakdown.

Decisions made here, once, for every format:

- Scene numbers come from the file (`#12A#`, FDX `Number`, PDF margins), else sequential.
- A cue's speaker is its upper-case name without extensions; `X'S VOICE` is X.
- Group cues (`EDWARD AND WILL`, `GIDEON, TEX & SCOBIE`) are split into their members only
  when every member also speaks alone somewhere in the script; otherwise the group is one
  speaking part (`PATRONS THREE AND FOUR` is a group of extras with a line). The raw cue is
  always kept in `Scene.raw_cues`.
- Named non-speaking characters: script speakers named in a scene's action where they do not
  speak, plus Final Draft cast tags.
- Length: Final Draft's stored length when present, else measured (`eighths.py`).
- Breakdown rules (`tools.breakdown`) run here on each scene's action lines, so every
  element keeps its source line number; `tools.breakdown.annotate` re-runs them on a Script.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath

from tools.breakdown import find_elements, merge_elements
from tools.parsing.blocks import Block, ParsedDocument
from tools.parsing.cues import Cue, group_members, parse_cue
from tools.parsing.eighths import eighths_from_lines, scene_lines
from tools.parsing.headings import assign_lighting, parse_heading
from tools.script import Element, Scene, Script, ScriptError

__all__ = ["build_script", "split_scenes"]

_MEASURED = {"heading", "action", "cue", "dialogue", "parenthetical", "transition", "centered",
             "lyrics"}  # fmt: skip
_TEXT_KINDS = _MEASURED - {"heading"}


@dataclass(slots=True)
class _RawScene:
    heading: Block
    body: list[Block] = field(default_factory=list)
    measured: list[Block] = field(default_factory=list)


def split_scenes(blocks: Iterable[Block]) -> list[_RawScene]:
    """Group blocks by heading; blocks after an `end` block are not measured."""
    scenes: list[_RawScene] = []
    ended = False
    for block in blocks:
        if block.kind == "heading":
            scenes.append(_RawScene(block, measured=[block]))
            ended = False
        elif scenes:
            scenes[-1].body.append(block)
            ended = ended or block.kind == "end"
            if not ended and block.kind in _MEASURED:
                scenes[-1].measured.append(block)
    return scenes


def _speakers(cues: list[Cue], solo: set[str]) -> list[tuple[str, Cue]]:
    """(speaker, cue) pairs with group cues resolved as the module docstring says."""
    pairs: list[tuple[str, Cue]] = []
    for cue in cues:
        members = group_members(cue.name)
        if len(members) > 1 and all(m in solo for m in members):
            pairs.extend((member, cue) for member in members)
        elif cue.name:
            pairs.append((cue.name, cue))
    return pairs


def _cast(raw: _RawScene, solo: set[str], mentions: re.Pattern[str] | None) -> dict:
    cues = [parse_cue(b.text) for b in raw.body if b.kind == "cue"]
    speakers: dict[str, None] = {}
    extensions: dict[str, list[str]] = {}
    for name, cue in _speakers(cues, solo):
        speakers[name] = None
        seen = extensions.setdefault(name, [])
        seen.extend(e for e in cue.extensions if e not in seen)
    action = " ".join(b.text for b in raw.body if b.kind == "action")
    tagged = [name.upper() for cat, name in raw.heading.tags if cat == "cast"]
    mentioned = sorted({m.upper() for m in mentions.findall(action)}) if mentions else []
    non_speaking = list(dict.fromkeys(n for n in [*mentioned, *tagged] if n not in speakers))
    return {
        "speakers": list(speakers),
        "extensions": {k: v for k, v in extensions.items() if v},
        "raw_cues": list(dict.fromkeys(c.raw for c in cues)),
        "non_speaking": non_speaking,
    }


def _mention_pattern(names: set[str]) -> re.Pattern[str] | None:
    """Speakers' names in action, as whole words: capitalised, or upper case and not part of a
    longer upper-case phrase (`LUNCH HALL` does not name HALL)."""
    if not names:
        return None
    ordered = sorted(names, key=len, reverse=True)
    upper = "|".join(re.escape(n) for n in ordered)
    title = "|".join(re.escape(" ".join(w.capitalize() for w in n.split())) for n in ordered)
    return re.compile(rf"(?<![\w'])(?:(?<![A-Z] )(?:{upper})(?! [A-Z]{{2}})|(?:{title}))(?![\w'])")


def _synopsis(raw: _RawScene) -> str | None:
    if raw.heading.synopsis:
        return raw.heading.synopsis
    first = next((b for b in raw.body if b.kind != "note"), None)
    return first.text if first is not None and first.kind == "synopsis" else None


def _rows(raw: _RawScene) -> list[tuple[int | None, str]]:
    """Action lines with their source line numbers, for the breakdown rules."""
    rows: list[tuple[int | None, str]] = []
    for block in raw.body:
        if block.kind == "action":
            for offset, line in enumerate(block.text.split("\n")):
                line_no = block.line_no + offset if block.line_no is not None else None
                rows.append((line_no, line))
    return rows


def _elements(raw: _RawScene, cast: dict) -> dict[str, list[Element]]:
    found = find_elements(_rows(raw))
    tags: dict[str, list[Element]] = {}
    for category, name in raw.heading.tags:
        tags.setdefault(category, []).append(
            Element(name=name, line=f"Final Draft tag: {name}", explicit=True)
        )
    cast_elements = [
        Element(name=name, line=raw_cue, explicit=True)
        for name, raw_cue in _first_cues(raw, cast["speakers"])
    ] + [
        Element(name=name, line="named in action", explicit=False) for name in cast["non_speaking"]
    ]
    return merge_elements({"cast": cast_elements} if cast_elements else {}, tags, found)


def _first_cues(raw: _RawScene, speakers: list[str]) -> list[tuple[str, str]]:
    cues = [b.text.strip() for b in raw.body if b.kind == "cue"]
    return [(name, next((c for c in cues if name in c.upper()), name)) for name in speakers]


def build_script(doc: ParsedDocument, *, source: bytes, filename: str) -> Script:
    """Turn a reader's blocks into scenes; raise ScriptError when there is no scene heading."""
    raws = split_scenes(doc.blocks)
    if not raws:
        raise ScriptError(
            "no scene headings found (lines starting INT. or EXT.): "
            "this does not look like a screenplay; check the file is the script"
        )
    solo = {c.name for r in raws for b in r.body if b.kind == "cue"
            for c in [parse_cue(b.text)] if len(group_members(c.name)) == 1}  # fmt: skip
    mentions = _mention_pattern(solo)
    casts = [_cast(raw, solo, mentions) for raw in raws]
    headings = [parse_heading(raw.heading.text) for raw in raws]
    lighting = assign_lighting(headings)
    rejoin = doc.format == "text"
    scenes = []
    for index, (raw, heading, cast) in enumerate(zip(raws, headings, casts, strict=True)):
        stored = raw.heading.stored_eighths
        scenes.append(
            Scene(
                index=index,
                number=raw.heading.scene_number or str(index + 1),
                heading=raw.heading.text,
                int_ext=heading.int_ext,
                location=heading.location,
                main_location=heading.main_location,
                time_of_day=heading.time_of_day,
                lighting=lighting[index][0],
                time_of_day_inferred=lighting[index][1],
                eighths=stored or eighths_from_lines(scene_lines(raw.measured, rejoin=rejoin)),
                eighths_stored=bool(stored),
                page=raw.heading.page,
                notes=[b.text for b in raw.body if b.kind == "note"],
                synopsis=_synopsis(raw),
                text="\n".join(b.text for b in raw.body if b.kind in _TEXT_KINDS),
                source_line=raw.heading.line_no,
                elements=_elements(raw, cast),
                **cast,
            )
        )
    return Script(
        title=doc.title_page.get("Title") or PurePath(filename).stem or "Untitled",
        format=doc.format,
        source_name=PurePath(filename).name,
        title_page=doc.title_page,
        scenes=scenes,
        content_hash=hashlib.sha256(source).hexdigest(),
        warnings=list(doc.warnings),
    )

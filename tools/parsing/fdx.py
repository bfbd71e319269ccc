"""Final Draft (.fdx) reader, safe against hostile XML.

defusedxml parses with DTDs, entity declarations and external references forbidden, so a
billion-laughs or external-entity file is refused instead of expanded. Paragraph text comes
only from direct `<Text>` children (scene summaries, script notes and arc beats live in
nested paragraphs); dual dialogue is nested, so `DualDialogue` is walked too. Final Draft's
breakdown tags (`TagData`) become heading tags in our categories.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from tools.parsing.blocks import Block, BlockKind, ParsedDocument
from tools.parsing.eighths import parse_length
from tools.parsing.limits import ReadLimits
from tools.script import ScriptError

__all__ = ["TAG_CATEGORIES", "read_fdx"]

_KINDS: dict[str, BlockKind] = {
    "Scene Heading": "heading",
    "Action": "action",
    "Character": "cue",
    "Dialogue": "dialogue",
    "Parenthetical": "parenthetical",
    "Transition": "transition",
    "Shot": "action",
    "General": "action",
    "Cast List": "action",
    "Lyrics": "lyrics",
    "End of Act": "end",
    "New Act": "section",
    "Outline": "section",
    "Outline Body": "section",
}
#: Final Draft's tag categories -> breakdown categories (others, e.g. Music, are not imported).
TAG_CATEGORIES: dict[str, str] = {
    "cast": "cast",
    "cast members": "cast",
    "background actors": "extras",
    "extras": "extras",
    "stunts": "stunts",
    "vehicles": "vehicles",
    "props": "props",
    "special effects": "sfx",
    "mechanical effects": "sfx",
    "wardrobe": "wardrobe",
    "costumes": "wardrobe",
    "makeup/hair": "makeup",
    "makeup": "makeup",
    "animals": "animals",
    "animal handler": "animals",
    "livestock": "animals",
    "visual effects": "vfx",
    "weapons": "weapons",
    "minors": "minors",
}
_DAMAGED = "re-export it from Final Draft (File > Save As .fdx) or send a PDF"


def _parse(text: str, limits: ReadLimits) -> Element:
    if len(text) > limits.max_xml_bytes:
        raise ScriptError(
            f"the Final Draft file is {len(text) / 1_048_576:.0f} MB of XML, over the limit: "
            "check it is a single script"
        )
    start = text.find("<FinalDraft")
    if re.search(r"<!(?:DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise ScriptError(
            "the Final Draft file declares a DTD or entities, which Final Draft never writes "
            f"(a known XML attack), so it was not read: {_DAMAGED}"
        )
    try:
        return fromstring(text[start:], forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ScriptError(f"the Final Draft file uses forbidden XML features: {_DAMAGED}") from None
    except ParseError as exc:
        line = getattr(exc, "position", (0, 0))[0]
        raise ScriptError(
            f"the Final Draft file is damaged or truncated (XML error near line {line}): {_DAMAGED}"
        ) from None


def _text(paragraph: Element) -> str:
    """Concatenated direct <Text> runs, whitespace collapsed per line."""
    raw = "".join(run.text or "" for run in paragraph.findall("Text"))
    return "\n".join(" ".join(line.split()) for line in raw.split("\n")).strip()


def _paragraphs(parent: Element, dual: bool = False) -> Iterator[tuple[Element, bool]]:
    """Script paragraphs in order, descending into DualDialogue and nothing else."""
    for child in parent:
        if child.tag == "Paragraph":
            yield child, dual
            for nested in child.findall("DualDialogue"):
                yield from _paragraphs(nested, True)
        elif child.tag == "DualDialogue":
            yield from _paragraphs(child, True)


def _tag_index(root: Element) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Tag number -> definition id, and definition id -> (category, label)."""
    data = root.find("TagData")
    if data is None:
        return {}, {}
    categories = {
        c.get("Id", ""): TAG_CATEGORIES.get((c.get("Name") or "").strip().lower(), "")
        for c in data.iter("TagCategory")
    }
    definitions = {
        d.get("Id", ""): (categories.get(d.get("CatId", ""), ""), (d.get("Label") or "").strip())
        for d in data.iter("TagDefinition")
    }
    tags = {t.get("Number", ""): (t.findtext("DefId") or "").strip() for t in data.iter("Tag")}
    return tags, definitions


def _heading(paragraph: Element, text: str) -> Block:
    props = paragraph.find("SceneProperties")
    length = page = synopsis = None
    if props is not None:
        length = parse_length(props.get("Length", ""))
        page = props.get("Page") or None
        summary = props.find("Summary")
        if summary is not None:
            parts = [_text(p) for p in summary.iter("Paragraph")]
            synopsis = " ".join(p for p in parts if p) or None
    return Block(
        "heading",
        text,
        scene_number=paragraph.get("Number") or None,
        stored_eighths=length or None,
        page=page,
        synopsis=synopsis,
    )


def _title_page(root: Element) -> dict[str, str]:
    content = root.find("TitlePage/Content")
    if content is None:
        return {}
    lines = [_text(p) for p in content.iter("Paragraph")]
    lines = [line for line in lines if re.search(r"[^\W\d_]", line)]
    return {"Title": lines[0]} if lines else {}


def read_fdx(text: str, *, limits: ReadLimits) -> ParsedDocument:
    """Parse decoded FDX text (junk before `<FinalDraft` is skipped) into blocks."""
    root = _parse(text, limits)
    content = root.find("Content")
    if root.tag != "FinalDraft" or content is None:
        raise ScriptError(f"the Final Draft file has no script content: {_DAMAGED}")
    tag_numbers, definitions = _tag_index(root)
    doc = ParsedDocument(format="fdx", title_page=_title_page(root))
    heading_at: int | None = None
    scene_tags: list[tuple[str, str]] = []
    unknown: set[str] = set()

    def close_scene() -> None:
        if heading_at is not None and scene_tags:
            tags = tuple(dict.fromkeys(scene_tags))
            doc.blocks[heading_at] = replace(doc.blocks[heading_at], tags=tags)

    for paragraph, dual in _paragraphs(content):
        kind_name = paragraph.get("Type") or "Action"
        kind = _KINDS.get(kind_name)
        if kind is None:
            unknown.add(kind_name)
            kind = "action"
        text_value = _text(paragraph)
        if kind == "heading":
            close_scene()
            heading_at, scene_tags = len(doc.blocks), []
            doc.blocks.append(_heading(paragraph, text_value))
        elif text_value:
            doc.blocks.append(Block(kind, text_value, dual=dual and kind == "cue"))
        for run in paragraph.findall("Text"):
            definition = definitions.get(tag_numbers.get(run.get("TagNumber", ""), ""))
            if definition and definition[0] and definition[1]:
                scene_tags.append(definition)
        for note in paragraph.iter("ScriptNote"):
            note_text = " ".join(_text(p) for p in note.iter("Paragraph")).strip()
            if note_text:
                doc.blocks.append(Block("note", note_text))
    close_scene()
    if unknown:
        doc.warnings.append(
            f"unknown Final Draft paragraph types read as action: {sorted(unknown)}"
        )
    return doc

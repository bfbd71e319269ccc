"""Write a generated screenplay as Fountain, Final Draft XML (.fdx) or typewriter plain text.

Every writer takes the title page and the format-neutral blocks (`GeneratedScript.blocks()`),
so the same script comes out in every format and the parsers can be checked against each other.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from tools.parsing.blocks import Block

__all__ = ["WIDTHS", "to_fdx", "to_fountain", "to_text", "wrap"]

#: Wrap widths in characters per element, as PARSING.md measures them.
WIDTHS = {"heading": 60, "action": 60, "dialogue": 35, "parenthetical": 25, "cue": 35}
#: Typewriter columns (characters from the left edge) for plain text.
_TEXT_INDENT = {"dialogue": 10, "parenthetical": 15, "cue": 22}
_FDX_TYPES = {
    "heading": "Scene Heading",
    "action": "Action",
    "cue": "Character",
    "dialogue": "Dialogue",
    "parenthetical": "Parenthetical",
    "transition": "Transition",
}


def wrap(text: str, kind: str) -> list[str]:
    """Hard-wrap one element's text at its width (a transition or cue stays one line)."""
    width = WIDTHS.get(kind)
    if width is None:
        return [text]
    return textwrap.wrap(text, width=width, break_long_words=True) or [""]


def to_fountain(title_page: dict[str, str], blocks: Sequence[Block]) -> str:
    """Fountain text: a title page, headings with `#N#` numbers, forced secondary headings."""
    out = [f"{key}: {value}" for key, value in title_page.items()]
    for block in blocks:
        if block.kind == "heading":
            number = f" #{block.scene_number}#" if block.scene_number else ""
            dot = "." if block.forced else ""
            out += ["", "", f"{dot}{block.text}{number}"]
        elif block.kind == "cue":
            out += ["", block.text]
        elif block.kind in ("dialogue", "parenthetical"):
            out.append(block.text)
        elif block.kind == "transition":
            forced = "" if block.text.endswith(("TO:", "FADE OUT.")) else "> "
            out += ["", f"{forced}{block.text}"]
        else:
            out += ["", block.text]
    return "\n".join(out) + "\n"


def to_fdx(title_page: dict[str, str], blocks: Sequence[Block]) -> str:
    """Final Draft XML: numbered Scene Heading paragraphs and a centred title page."""
    root = ET.Element("FinalDraft", DocumentType="Script", Template="No", Version="5")
    content = ET.SubElement(root, "Content")
    for block in blocks:
        paragraph = ET.SubElement(content, "Paragraph", Type=_FDX_TYPES.get(block.kind, "Action"))
        if block.kind == "heading" and block.scene_number:
            paragraph.set("Number", block.scene_number)
        ET.SubElement(paragraph, "Text").text = block.text
    title = ET.SubElement(ET.SubElement(root, "TitlePage"), "Content")
    for value in (
        title_page.get("Title", ""),
        title_page.get("Credit", ""),
        title_page.get("Author", ""),
    ):
        paragraph = ET.SubElement(title, "Paragraph", Alignment="Center", Type="Title")
        ET.SubElement(paragraph, "Text").text = value
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8" standalone="no" ?>\n{body}\n'


def to_text(title_page: dict[str, str], blocks: Sequence[Block]) -> str:
    """Typewriter plain text: indented cues and dialogue, hard-wrapped at the element widths."""
    head = [
        title_page.get("Title", ""),
        "",
        title_page.get("Credit", ""),
        title_page.get("Author", ""),
    ]
    out = [line.center(60).rstrip() for line in head] + ["", "", ""]
    for block in blocks:
        lines = wrap(block.text if block.kind != "heading" else block.text.upper(), block.kind)
        if block.kind == "transition":
            out += ["", block.text.rjust(60)]
            continue
        if block.kind in ("heading", "action", "cue"):
            out.append("")
            if block.kind == "heading":
                out.append("")
        indent = " " * _TEXT_INDENT.get(block.kind, 0)
        out += [indent + line for line in lines]
    return "\n".join(out) + "\n"

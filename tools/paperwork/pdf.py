"""The page every document is printed on: paper size, embedded fonts, the version stamp.

fpdf2 writes the PDF; DejaVu Sans (Debian's fonts-dejavu-core, installed by
scripts/system-deps.sh) is embedded as a subset, so text is selectable and prints the same
everywhere, with Latin, Greek, Cyrillic, Hebrew and Arabic glyphs. Symbola, when installed,
is the fallback for emoji; a glyph no font has prints as a blank, never breaks the file.
"""

from __future__ import annotations

import functools
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

from fpdf import FPDF

__all__ = ["FONT", "FONT_DIRS", "Paper", "Sheet", "font_path", "has_rtl", "lacks_glyphs"]

Paper = Literal["letter", "a4"]
FONT = "DejaVu"
FONT_DIRS = (
    Path(os.environ.get("GREENLIGHT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")),
    Path("/usr/share/fonts/truetype/dejavu"),
)
_EMOJI_FONTS = (
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf"),
    Path("/usr/share/fonts/truetype/ancient-scripts/Symbola.ttf"),
)
ELLIPSIS = "…"


def font_path(name: str) -> Path:
    """Where a DejaVu font file is; ValueError saying what to install when it is missing."""
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise ValueError(
        f"font {name} not found in {', '.join(str(d) for d in FONT_DIRS)}: "
        "install Debian's fonts-dejavu-core (scripts/system-deps.sh)"
    )


_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


@functools.cache
def _dejavu_codepoints() -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(font_path("DejaVuSans.ttf")), lazy=True) as font:
        return frozenset(font.getBestCmap())


def lacks_glyphs(*texts: str) -> bool:
    """Whether any character of the texts is missing from DejaVu Sans (emoji, mostly)."""
    known = _dejavu_codepoints()
    return any(ord(c) not in known for text in texts for c in text if not c.isspace())


def has_rtl(*texts: str) -> bool:
    """Whether any text has Hebrew or Arabic letters (written right to left)."""
    return any(_RTL.search(text) for text in texts)


def _version_datetime(stamp: str) -> datetime:
    """The date at the end of a version stamp ("... of 2026-12-01") as a UTC datetime."""
    try:
        day = date.fromisoformat(stamp.rsplit(" ", 1)[-1][:10])
    except ValueError:
        day = date(2000, 1, 1)
    return datetime.combine(day, datetime.min.time(), UTC)


class Sheet(FPDF):
    """A page with the production's title, the document's name and the plan version."""

    def __init__(
        self,
        *,
        title: str,
        document: str,
        stamp: str,
        paper: Paper,
        landscape: bool = False,
        rtl: bool = False,
        fallback: bool = False,
    ) -> None:
        if paper not in ("letter", "a4"):
            raise ValueError(f"unknown paper size {paper!r}: use letter or a4")
        super().__init__(orientation="L" if landscape else "P", unit="mm", format=paper)
        self.doc_title = title
        self.document = document
        self.stamp = stamp
        self.set_margins(10, 16, 10)
        self.set_auto_page_break(True, margin=14)
        self.add_font(FONT, "", str(font_path("DejaVuSans.ttf")))
        self.add_font(FONT, "B", str(font_path("DejaVuSans-Bold.ttf")))
        # Symbola is large to load: only documents with glyphs DejaVu lacks load it.
        emoji = next((p for p in _EMOJI_FONTS if p.is_file()), None) if fallback else None
        if emoji is not None:
            self.add_font("Fallback", "", str(emoji))
            self.set_fallback_fonts(["Fallback"], exact_match=False)
        self.rtl = rtl
        if rtl:
            # Right-to-left text needs the bidi algorithm and shaping (uharfbuzz); it costs
            # time, so only documents that contain such text pay for it.
            self.set_text_shaping(True)
        self.set_title(f"{document}: {title}"[:200])
        self.set_creator("Greenlight")
        self.set_subject(stamp)
        self.alias_nb_pages()
        # The version's date, not the clock: one version always prints the same bytes.
        self.set_creation_date(_version_datetime(stamp))

    def header(self) -> None:
        """Title left, document name right, a rule under them."""
        self.set_font(FONT, "B", 11)
        width = self.epw * 0.62
        self.cell(width, 6, self.fit(self.doc_title, width), new_x="RIGHT", new_y="TOP")
        self.set_font(FONT, "", 9)
        self.cell(self.epw - width, 6, self.document, align="R", new_x="LMARGIN", new_y="NEXT")
        self.set_draw_color(0, 0, 0)
        self.line(self.l_margin, self.get_y() + 0.5, self.w - self.r_margin, self.get_y() + 0.5)
        self.ln(2.5)

    def footer(self) -> None:
        """The version stamp and the page number on every page."""
        self.set_y(-11)
        self.set_font(FONT, "", 7.5)
        self.set_text_color(60, 60, 60)
        self.cell(self.epw / 2, 5, self.stamp, new_x="RIGHT", new_y="TOP")
        self.cell(self.epw / 2, 5, f"Page {self.page_no()} of {{nb}}", align="R")
        self.set_text_color(0, 0, 0)

    def fit(self, text: str, width: float) -> str:
        """`text` on one line, shortened with an ellipsis to fit a `width` mm cell."""
        clean = " ".join(str(text).split())
        # A cell pads its text on both sides; keep a further 0.5 mm so text never meets a border.
        room = width - 2 * self.c_margin - 0.5
        if self.get_string_width(clean) <= room:
            return clean
        low, high = 0, len(clean)
        while low < high:
            mid = (low + high + 1) // 2
            if self.get_string_width(clean[:mid] + ELLIPSIS) <= room:
                low = mid
            else:
                high = mid - 1
        return clean[:low].rstrip() + ELLIPSIS

    def heading(self, text: str, size: float = 10) -> None:
        """A bold section heading on its own line."""
        self.set_font(FONT, "B", size)
        self.cell(0, size * 0.55, self.fit(text, self.epw), new_x="LMARGIN", new_y="NEXT")
        self.set_font(FONT, "", 8)

    def paragraph(self, text: str, size: float = 8, height: float = 4) -> None:
        """Wrapped text across the page (long words broken, never overflowing)."""
        self.set_font(FONT, "", size)
        self.multi_cell(0, height, " ".join(str(text).split()), new_x="LMARGIN", new_y="NEXT")

    def output_bytes(self) -> bytes:
        """The finished PDF."""
        return bytes(self.output())

"""A lean pdfminer device: each drawn character as a plain tuple, in page coordinates.

pdfminer's own aggregator builds an `LTChar` object per character (bounding boxes in four
matrix products, colour spaces, graphic state); on a 120-page script that is most of the
extraction time. Only upright text matters for a screenplay, so this device keeps what the
layout needs: top, x0, x1, bottom, size and text, with the page's height and image count.
"""

from __future__ import annotations

from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.utils import apply_matrix_rect

__all__ = ["Char", "CharDevice"]

Char = tuple[float, float, float, float, float, str]
"""(top, x0, x1, bottom, size, text), y measured down from the top of the page."""


class CharDevice(PDFTextDevice):
    """Collects upright characters per page; `chars`, `width`, `height`, `images` after each."""

    def __init__(self, manager: Any) -> None:
        super().__init__(manager)
        self.chars: list[Char] = []
        self.width = self.height = self.top_offset = 0.0
        self.images = 0

    def begin_page(self, page: Any, ctm: Any) -> None:
        """Reset for a new page and take its height."""
        x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
        self.width, self.height = abs(x1 - x0), abs(y1 - y0)
        self.top_offset = max(y0, y1)
        self.chars, self.images = [], 0

    def render_image(self, name: str, stream: Any) -> None:
        """Count images: a page of images and no text is a scan."""
        self.images += 1

    def render_char(
        self,
        matrix: Any,
        font: Any,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        ncs: Any,
        graphicstate: Any,
    ) -> float:
        """Record one character when upright; return its advance as pdfminer expects."""
        advance: float = font.char_width(cid) * fontsize * scaling
        a, b, c, d, e, f = matrix
        if b == 0 and c == 0 and a > 0 and d > 0:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = "?"
            low = f + d * (font.get_descent() * fontsize + rise)
            high = low + d * fontsize
            top = self.top_offset - high
            self.chars.append((top, e, e + a * advance, self.top_offset - low, d * fontsize, text))
        return advance

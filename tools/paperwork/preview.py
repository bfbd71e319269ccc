"""PDF pages to PNG previews, in-process with pypdfium2 (PDFium, shipped in its wheel)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

__all__ = ["page_count", "preview_png"]


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has."""
    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def preview_png(pdf: bytes, *, page: int = 0, dpi: float = 100.0) -> bytes:
    """One page of `pdf` as PNG bytes; ValueError when the page does not exist."""
    document = pdfium.PdfDocument(pdf)
    try:
        if not 0 <= page < len(document):
            raise ValueError(f"page {page + 1} does not exist: the PDF has {len(document)}")
        bitmap = document[page].render(scale=dpi / 72.0)
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        document.close()

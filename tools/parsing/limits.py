"""Bounds on what a reader will accept, so hostile files fail fast with a clear message."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReadLimits"]


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Size, time and memory bounds for reading one script."""

    max_bytes: int = 20 * 1024 * 1024
    """Largest file accepted (20 MB: a 300-page PDF export is well under 2 MB)."""
    max_scenes: int = 10_000
    """More scenes than any feature or series episode has."""
    max_heading_chars: int = 1_000
    """Longest scene heading: real ones are a line, a deliberate edge case a few hundred
    characters; longer means the file lost its line breaks."""
    max_xml_bytes: int = 20 * 1024 * 1024
    """Largest FDX document after decoding."""
    pdf_timeout_s: float = 30.0
    """Wall-clock bound on PDF text extraction (it runs in a child process)."""
    pdf_memory_mb: int = 1024
    """Address-space bound on the PDF child process."""
    pdf_max_pages: int = 600
    """More pages than any shooting script."""

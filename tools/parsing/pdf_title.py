"""Recognise a screenplay PDF's title page and read its title and author."""

from __future__ import annotations

import re
from typing import Any

__all__ = ["is_title_page", "title_fields"]

_HEADING_RE = re.compile(r"^(\S+\s+)?(INT|EXT|EST|I/E)[./\s]", re.IGNORECASE)
_BY_RE = re.compile(r"^((original )?(screenplay|story|written|teleplay)\s+)?by\b", re.IGNORECASE)


def _texts(page: dict[str, Any]) -> list[str]:
    return [" ".join(word[2] for word in line[3]) for line in page["lines"]]


def is_title_page(page: dict[str, Any]) -> bool:
    """A first page with a little text and no scene heading is the title page."""
    texts = _texts(page)
    return 0 < len(texts) <= 25 and not any(_HEADING_RE.match(text) for text in texts)


def title_fields(page: dict[str, Any]) -> dict[str, str]:
    """Title (the first line(s) before a "Written by"), credit and author (the line after)."""
    texts = _texts(page)
    fields: dict[str, str] = {}
    credit = next((i for i, text in enumerate(texts) if _BY_RE.match(text)), None)
    title_lines = texts[:credit] if credit else texts[:1]
    if title_lines:
        fields["Title"] = " ".join(title_lines).strip()
    if credit is not None:
        fields["Credit"] = texts[credit]
        rest = _BY_RE.sub("", texts[credit]).strip()
        author = rest or (texts[credit + 1] if credit + 1 < len(texts) else "")
        if author:
            fields["Author"] = author
    return fields

"""A sites CSV dropped into the chat: recognised by its header, read within bounds.

An upload whose first line is a `scene,site[,set]` or `location,site` header is a corrections
CSV, not a script, whatever its name. Reading it is bounded (size, rows, field length) and
strict (UTF-8 text, no NUL bytes), and every failure is a ValueError saying what to fix.
"""

from __future__ import annotations

import csv
import io

from tools.sites.corrections import read_corrections_csv
from tools.sites.model import SiteCorrections

__all__ = ["MAX_CSV_BYTES", "MAX_CSV_ROWS", "looks_like_corrections", "read_corrections_upload"]

MAX_CSV_BYTES = 1_048_576
"""Largest sites CSV read: a 300-scene feature's corrections are about 10 KB."""
MAX_CSV_ROWS = 5_000
"""Most rows read: more than any script has scenes and locations together."""
_MAX_FIELD = 200
"""Longest cell: a site or a location is a few words."""
_HEADER_WORDS = {"scene", "site", "set", "location", "kind"}


def _header(data: bytes) -> list[str]:
    head = data[:4096].decode("utf-8-sig", errors="replace")
    line = next((ln for ln in head.splitlines() if ln.strip()), "")
    try:
        cells = next(csv.reader([line]), [])
    except csv.Error:
        return []
    return [c.strip().lower() for c in cells]


def looks_like_corrections(data: bytes) -> bool:
    """True when the upload's first line is a sites CSV header (then it is not a script)."""
    header = _header(data)
    return (
        "site" in header
        and bool({"scene", "location"} & set(header))
        and set(header) <= _HEADER_WORDS | {""}
    )


def read_corrections_upload(data: bytes) -> SiteCorrections:
    """The corrections in an uploaded sites CSV; ValueError says what is wrong with it."""
    if len(data) > MAX_CSV_BYTES:
        raise ValueError(
            f"it is {len(data) / 1024:,.0f} KB, over the {MAX_CSV_BYTES // 1024:,} KB a sites "
            "CSV may be: send one row per scene or location"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text: save it as 'CSV UTF-8' and send it again") from None
    if "\x00" in text:
        raise ValueError("it is not a text CSV (it holds NUL bytes)")
    rows = _rows(text)
    if len(rows) < 2:
        raise ValueError("it has a header but no corrections under it")
    corrections = read_corrections_csv(text)
    if corrections.empty:
        raise ValueError("it holds no correction")
    return corrections


def _rows(text: str) -> list[list[str]]:
    """The CSV's rows, bounded in number and cell length."""
    out: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text), strict=True):
            if len(out) >= MAX_CSV_ROWS + 1:
                raise ValueError(f"it has more than {MAX_CSV_ROWS:,} rows")
            if any(len(cell) > _MAX_FIELD for cell in row):
                raise ValueError(f"line {len(out) + 1}: a cell is over {_MAX_FIELD} characters")
            if any(cell.strip() for cell in row):
                out.append(row)
    except csv.Error as exc:
        raise ValueError(f"it is not a readable CSV: {exc}") from None
    return out

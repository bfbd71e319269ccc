"""A stripboard in miniature as inline SVG: one thin coloured bar per scene, black day breaks.

Made from a plan record's days and strips only (colours and counts, no names), so the SVG
carries no user text at all and can be written into a page as it is.
"""

from __future__ import annotations

from typing import Any

from tools.paperwork.stripboard import COLOURS, DAY_BREAK

__all__ = ["board_keys", "thumbnail_svg"]

_BAR, _BREAK, _HEIGHT = 3, 2, 28


def board_keys(plan: dict[str, Any]) -> list[list[str]]:
    """Per shooting day, each strip's colour key ("int-day", "ext-night", ...)."""
    strips = {s.get("id"): s for s in (plan.get("problem") or {}).get("strips") or []}
    out = []
    for day in (plan.get("schedule") or {}).get("days") or []:
        keys = []
        for sid in day.get("strips") or []:
            strip = strips.get(sid) or {}
            int_ext = str(strip.get("int_ext") or "INT")
            ext = int_ext.startswith("EXT") or int_ext == "INT/EXT"
            night = strip.get("lighting") == "NIGHT"
            keys.append(f"{'ext' if ext else 'int'}-{'night' if night else 'day'}")
        out.append(keys)
    return out


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def thumbnail_svg(days: list[list[str]], *, min_width: int = 90, max_width: int = 360) -> str:
    """The miniature as an `<svg>` element, stretched to fit the widths ("" with no days)."""
    if not days:
        return ""
    bars = []
    x = 0
    for day in days:
        for key in day:
            fill = _hex(COLOURS.get(key, COLOURS["int-day"]))
            bars.append(
                f'<rect x="{x}" y="0" width="{_BAR}" height="{_HEIGHT}" fill="{fill}" '
                f'stroke="#888" stroke-width="0.3"/>'
            )
            x += _BAR
        bars.append(
            f'<rect x="{x}" y="0" width="{_BREAK}" height="{_HEIGHT}" fill="{_hex(DAY_BREAK)}"/>'
        )
        x += _BREAK
    scenes = sum(len(d) for d in days)
    width = max(min_width, min(max_width, x))
    return (
        f'<svg class="thumb" xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
        f'height="{_HEIGHT}" viewBox="0 0 {x} {_HEIGHT}" preserveAspectRatio="none">'
        f"<title>Stripboard: {scenes} scenes over {len(days)} days</title>{''.join(bars)}</svg>"
    )

"""Small scripts built in code for planning tests (no parsing involved)."""

from __future__ import annotations

from tools.script import Element, Scene

__all__ = ["scene"]


def scene(
    i: int,
    where: str,
    cast: list[str],
    eighths: int = 8,
    *,
    night: bool = False,
    ext: bool = False,
    flags: tuple[str, ...] = (),
) -> Scene:
    """Scene number i + 1 at `where`, with an element named after each flagged category."""
    return Scene(
        index=i,
        number=str(i + 1),
        heading=f"{'EXT' if ext else 'INT'}. {where} - {'NIGHT' if night else 'DAY'}",
        int_ext="EXT" if ext else "INT",
        location=where,
        main_location=where,
        lighting="NIGHT" if night else "DAY",
        eighths=eighths,
        speakers=cast,
        elements={flag: [Element(name=flag.upper())] for flag in flags},
    )

"""A long solve's improving boards in words, for the Schedule step while it runs.

Every figure comes from the board records the tools priced (`tools.plan.Board` as JSON):
days, the likely budget, the gap to the proven bound, the seconds since planning began.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tools.budget import format_money

__all__ = ["board_line", "boards_shown", "boards_summary"]

Record = dict[str, Any]


def board_line(board: Record) -> str:
    """One improving board in words, every figure from the board record the tools priced.

    The board's budget is on the flat crew: the final plan's also scales the departments, so
    the words say which one it is."""
    gap = board.get("gap")
    if gap is None:
        said = "no bound yet"
    elif float(gap) <= 0:
        said = "proven optimal"
    else:
        said = f"gap {float(gap):.0%} to the bound"
    likely = format_money(float(board.get("likely") or 0), str(board.get("currency") or "USD"))
    return (
        f"Board {board.get('number', '?')}: {board.get('days', '?')} days, likely {likely} "
        f"(flat crew), {said} ({float(board.get('seconds') or 0):.1f} s)"
    )


def boards_shown(boards: Sequence[Record]) -> str:
    """What the running step shows: the newest board, and the first one it started from."""
    lines = [board_line(boards[-1])]
    if len(boards) > 1:
        lines.append(f"started from {board_line(boards[0])}")
    return "\n".join(lines)


def boards_summary(boards: Sequence[Record]) -> str:
    """The line the finished step keeps about the boards ("" when none came)."""
    if not boards:
        return ""
    first, last = boards[0], boards[-1]
    return (
        f"\n{len(boards)} improving boards while solving: the first after "
        f"{float(first.get('seconds') or 0):.1f} s, the last after "
        f"{float(last.get('seconds') or 0):.1f} s"
    )

"""Runs of days: the nights as the board strings them together, and a span of days (a week).

A 1st AD asks "how many nights in a row?", "when do nights start?" and "what are we shooting
next week?"; the answers are the board's own days, grouped into runs of consecutive shooting
days (a night day is one with night work: NIGHT or SPLIT lighting).
"""

from __future__ import annotations

from tools.queries.board import Board, days_words, pages_text, plural
from tools.queries.model import Answer, Query

__all__ = ["night_days", "night_runs", "nights_answer", "span_answer"]


def night_days(board: Board) -> list[int]:
    """The 0-based days with night work."""
    return [i for i, d in enumerate(board.days) if d.get("lighting") in {"NIGHT", "SPLIT"}]


def night_runs(board: Board) -> list[list[int]]:
    """The night days as runs of consecutive shooting days, in board order."""
    runs: list[list[int]] = []
    for day in night_days(board):
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _run_words(run: list[int]) -> str:
    return f"{days_words(run)} ({plural(len(run), 'night')})"


def nights_answer(board: Board, query: Query) -> Answer:
    """Where the board's nights fall: when they start, their runs and the longest run.

    `measure` "night_block" answers a request to move or group the nights, which the planner
    has no rule for: what the board already does with them."""
    runs = night_runs(board)
    total = len(board.days)
    if not runs:
        return Answer(kind="total", text="The plan has no night work.", facts={"nights": 0})
    longest = max(runs, key=len)
    nights = sum(len(r) for r in runs)
    first, last = runs[0][0], runs[-1][-1]
    if len(runs) == 1:
        shape = f"all {plural(nights, 'night')} in one run: {days_words(longest)}"
    else:
        shape = (
            f"{plural(nights, 'night')} in {len(runs)} runs: "
            + _joined([_run_words(r) for r in runs[:6]])
            + (f" and {len(runs) - 6} more runs" if len(runs) > 6 else "")
        )
    text = (
        f"Nights start on day {first + 1} of {total}. The board has {shape}. "
        f"The longest run is {plural(len(longest), 'night')} in a row ({days_words(longest)}); "
        f"the last night is day {last + 1}."
    )
    if query.measure == "night_block":
        end = "the nights end the shoot" if last == total - 1 else f"the shoot ends on day {total}"
        text = (
            "I can't re-plan to a rule for where the nights go: the planner has no such rule "
            f"(it orders the board for cost). What it already does: {text[0].lower()}{text[1:]} "
            f"{'One block' if len(runs) == 1 else 'Not one block'}; {end}."
        )
    facts = {
        "nights": nights,
        "runs": [[d + 1 for d in r] for r in runs],
        "longest": len(longest),
        "first_night": first + 1,
        "last_night": last + 1,
        "shooting_days": total,
    }
    rows = [
        {"run": days_words(r), "nights": len(r), "first": r[0] + 1, "last": r[-1] + 1} for r in runs
    ]
    return Answer(kind="total", text=text, rows=rows if len(runs) > 1 else [], facts=facts)


def week_length(board: Board) -> int:
    """Shooting days in the board's week (its option; five by default)."""
    options = (board.plan.get("problem") or {}).get("options") or {}
    return int(options.get("work_days_per_week") or 5)


def _span_label(days: list[int], week: int | None, cut: str) -> str:
    label = days_words(days) + cut
    return f"Week {week} ({label})" if week else label[0].upper() + label[1:]


def _span_nights(board: Board, days: list[int], week: int | None, short: bool) -> Answer:
    """'is there a night shoot in the first week?': the span's nights, else where they are."""
    lit = {d: str(board.days[d].get("lighting") or "DAY") for d in range(len(board.days))}
    nights = [d for d in days if lit[d] in {"NIGHT", "SPLIT"}]
    label = f"week {week} ({days_words(days)})" if week else days_words(days)
    has = "has" if week or len(days) == 1 else "have"
    end = f" (the plan ends on day {len(board.days)})" if short else ""
    if nights:
        parts = []
        for d in nights:
            strips = board.day_strips(d)
            night = [s for s in strips if s.get("lighting", "DAY") != "DAY"] or strips
            sites = list(dict.fromkeys(board.site(s) for s in night))
            split = " (a split day)" if lit[d] == "SPLIT" else ""
            parts.append(
                f"day {d + 1}{split}: {', '.join(str(s.get('id')) for s in night)} at "
                f"{', '.join(sites)}"
            )
        text = f"Yes: {label}{end} {has} {plural(len(nights), 'night')}; " + "; ".join(parts) + "."
    else:
        elsewhere = [d for d in range(len(board.days)) if lit[d] in {"NIGHT", "SPLIT"}]
        where = (
            f"the board's nights are {days_words(elsewhere)}" if elsewhere else "the board has none"
        )
        text = f"No: {label}{end} {has} no night work; {where}."
    facts = {"days": [d + 1 for d in days], "week": week, "nights": [d + 1 for d in nights]}
    return Answer(kind="span", text=text, facts=facts)


def span_answer(board: Board, query: Query) -> Answer:
    """A span of days ("week 2", "days 6 to 10"): each day's scenes, sites, pages and cost."""
    total = len(board.days)
    asked = query.days
    week = query.week
    if week:
        # A week is the board's own week, whatever length the grammar assumed; -1 is the last.
        size = week_length(board)
        week = week if week > 0 else max(1, -(-total // size))
        asked = list(range((week - 1) * size, week * size))
    asked = [d + total if d < 0 else d for d in asked]  # "the last 3 days"
    days = [d for d in asked if 0 <= d < total]
    if not days:
        named = days_words(asked) if asked else "those days"
        said = f"week {week} ({named})" if week else named
        return Answer(
            kind="span",
            text=f"The plan has {plural(total, 'shooting day')}; {said} is past the end.",
            facts={"shooting_days": total},
            found=False,
        )
    if query.lighting == "NIGHT":
        return _span_nights(board, days, week, len(days) < len(asked))
    costs = board.day_costs()
    rows: list[dict[str, object]] = []
    parts: list[str] = []
    for day in days:
        strips = board.day_strips(day)
        sites = list(dict.fromkeys(board.site(s) for s in strips))
        scenes = [str(s.get("id")) for s in strips]
        lighting = str(board.days[day].get("lighting") or "DAY")
        eighths = board.day_eighths(day)
        night = (
            " (nights)" if lighting == "NIGHT" else " (day/night)" if lighting == "SPLIT" else ""
        )
        parts.append(
            f"Day {day + 1}{board.date_words(day)}{night}: {', '.join(scenes)} at "
            f"{', '.join(sites)}"
        )
        rows.append(
            {
                "day": day + 1,
                "scenes": ", ".join(scenes),
                "locations": ", ".join(sites),
                "lighting": lighting,
                "pages": pages_text(eighths),
                "cost": board.money(costs[day]),
            }
        )
    all_eighths = sum(board.day_eighths(d) for d in days)
    scene_count = sum(len(board.day_strips(d)) for d in days)
    cut = f"; the plan ends on day {total}" if len(days) < len(asked) else ""
    text = (
        f"{_span_label(days, week, cut)}: {plural(scene_count, 'scene')}, "
        f"{pages_text(all_eighths)} pages, {board.money(sum(costs[d] for d in days))}. "
        + "; ".join(parts)
        + "."
    )
    facts = {
        "days": [d + 1 for d in days],
        "week": week,
        "scenes": scene_count,
        "pages": round(all_eighths / 8, 3),
        "cost": round(sum(costs[d] for d in days), 2),
    }
    return Answer(kind="span", text=text, rows=rows, facts=facts)

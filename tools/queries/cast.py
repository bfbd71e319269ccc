"""Questions about a cast member: scenes, work, hold and drop days, start, finish and cost."""

from __future__ import annotations

from tools.queries.board import Board, days_words, plural
from tools.queries.model import Answer, Query

__all__ = ["cast_answer", "cast_cost", "cast_list_answer"]


def cast_cost(board: Board, name: str) -> float:
    """What the budget pays a cast member: their cast line(s), before fringes."""
    return round(
        sum(
            float(line.get("amount") or 0)
            for line in board.lines()
            if line.get("account") == "1300"
            and str(line.get("description", "")).split(" (")[0] == name
        ),
        2,
    )


def _unknown(board: Board, name: str) -> Answer:
    names = board.cast_names()
    return Answer(
        kind="cast",
        text=f"Nobody called {name} is in the cast. The cast: {', '.join(names[:15])}"
        + ("..." if len(names) > 15 else "")
        + ".",
        facts={"cast": names},
        found=False,
    )


def cast_answer(board: Board, query: Query) -> Answer:
    """One cast member's days out of days, scenes and cost."""
    name = board.find_cast(query.cast or "")
    row = board.dood_row(name) if name else None
    if name is None or row is None:
        return _unknown(board, (query.cast or "").upper())
    codes = list(row.get("codes") or [])
    work = [d for d, c in enumerate(codes) if c in {"SW", "W", "WF", "SWF"}]
    holds = [d for d, c in enumerate(codes) if c == "H"]
    drops = [d for d, c in enumerate(codes) if c == "D"]
    scenes = [sid for sid, s in board.strips.items() if name in (s.get("cast") or [])]
    scenes.sort(key=lambda sid: (board.day_of.get(sid, 10_000), sid))
    cost = cast_cost(board, name)
    start = work[0] + 1 if work else None
    finish = work[-1] + 1 if work else None
    texts = {
        "scenes": f"{name} is in {plural(len(scenes), 'scene')}: {', '.join(scenes)}.",
        "days": f"{name} works {plural(len(work), 'day')}: {days_words(work)}.",
        "holds": f"{name} has {plural(len(holds), 'hold day')}"
        + (f": {days_words(holds)}." if holds else "."),
        "start": f"{name} starts on day {start}{board.date_words(work[0]) if work else ''}.",
        "finish": f"{name} finishes on day {finish}{board.date_words(work[-1]) if work else ''}.",
        "cost": f"{name} costs {board.money(cost)} ({plural(len(work) + len(holds), 'paid day')}).",
        "free": _free(name, work, holds, len(board.days)),
        "on_day": _on_day(board, name, codes, query.day, "work"),
        "held_on_day": _on_day(board, name, codes, query.day, "hold"),
        "free_on_day": _on_day(board, name, codes, query.day, "free"),
    }
    text = texts.get(query.aspect) or (
        f"{name}: {plural(len(work), 'work day')} ({days_words(work)}), "
        f"{plural(len(holds), 'hold day')}, {plural(len(drops), 'drop day')}; "
        f"starts day {start}, finishes day {finish}; {plural(len(scenes), 'scene')}; "
        f"{board.money(cost)}."
    )
    facts = {
        "name": name,
        "scenes": scenes,
        "work_days": len(work),
        "hold_days": len(holds),
        "drop_days": len(drops),
        "work": [d + 1 for d in work],
        "holds": [d + 1 for d in holds],
        "start_day": start,
        "finish_day": finish,
        "cost": cost,
    }
    return Answer(kind="cast", text=text, facts=facts)


def _on_day(board: Board, name: str, codes: list[str], day: int | None, asked: str) -> str:
    """'is MAYA working on day 10?' (`asked` "work"; "hold": 'is MAYA on hold on day 10?';
    "free": 'is MAYA free on day 10?'): yes or no, with the scenes they work or what the day
    is to them."""
    if day is None or not 0 <= day < len(board.days):
        return f"The plan has {plural(len(board.days), 'shooting day')}."
    code = codes[day] if day < len(codes) else ""
    said = f"day {day + 1}{board.date_words(day)}"
    if code in {"SW", "W", "WF", "SWF"}:
        scenes = [s["id"] for s in board.day_strips(day) if name in (s.get("cast") or [])]
        first = {"SW": ", their first day", "WF": ", their last day", "SWF": ", their only day"}
        answer = "Yes" if asked == "work" else "No"
        listed = f"{plural(len(scenes), 'scene')}: {', '.join(scenes)}{first.get(code, '')}"
        return f"{answer}: {name} works {said} ({listed})."
    if code == "H":
        answer = "No" if asked == "work" else "Yes"
        return f"{answer}: {name} is on hold on {said} (paid, not called)."
    if code == "D":
        answer = "Yes" if asked == "free" else "No"
        return f"{answer}: {name} is dropped on {said} (off the payroll between two work periods)."
    worked = [d for d, c in enumerate(codes) if c in {"SW", "W", "WF", "SWF"}]
    when = (
        f"they start on day {worked[0] + 1}"
        if worked and day < worked[0]
        else f"they finish on day {worked[-1] + 1}"
        if worked
        else "they are not on the board"
    )
    return f"{'Yes' if asked == 'free' else 'No'}: {name} is not called on {said}; {when}."


def _free(name: str, work: list[int], holds: list[int], days: int) -> str:
    """The days a cast member is not needed on set (held days are paid, so said apart)."""
    free = [d for d in range(days) if d not in work]
    if not free:
        return f"{name} works every shooting day."
    held = [d for d in free if d in holds]
    return f"{name} is not working on {days_words(free)}" + (
        f" (held, and paid, on {days_words(held)})." if held else "."
    )


def _night_cast(board: Board) -> Answer:
    """Who works the nights: each cast member in night work, with their nights."""
    nights = [d for d, r in enumerate(board.days) if r.get("lighting") in {"NIGHT", "SPLIT"}]
    worked: dict[str, list[int]] = {}
    for d in nights:
        for strip in board.day_strips(d):
            if strip.get("lighting") == "NIGHT":
                for name in strip.get("cast") or []:
                    worked.setdefault(name, [])
                    if d not in worked[name]:
                        worked[name].append(d)
    if not worked:
        return Answer(kind="cast", text="Nobody works nights: the plan has no night work.")
    ranked = sorted(worked.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = [{"name": n, "nights": len(ds), "days": days_words(ds)} for n, ds in ranked]
    named = ", ".join(f"{n} ({len(ds)})" for n, ds in ranked[:8])
    more = f" and {len(ranked) - 8} more" if len(ranked) > 8 else ""
    text = f"{plural(len(ranked), 'cast member')} work nights: {named}{more}."
    return Answer(kind="cast", text=text, rows=rows, facts={"names": [n for n, _ in ranked]})


_TIER_WORDS = {
    "lead": ("lead", "The leads"),
    "supporting": ("supporting actor", "The supporting cast"),
    "day_player": ("day player", "The day players"),
}


def cast_list_answer(board: Board, query: Query) -> Answer:
    """The whole cast (or one tier of it) with tier, work, hold days and cost (the DOOD in a
    table); with `lighting` NIGHT, who works the nights."""
    if query.lighting == "NIGHT":
        return _night_cast(board)
    tiers = board.plan.get("tiers") or {}
    names = [n for n in board.cast_names() if query.tier in (None, tiers.get(n, "day_player"))]
    rows: list[dict[str, object]] = []
    costs: list[float] = []
    for name in names:
        row = board.dood_row(name) or {}
        rows.append(
            {
                "name": name,
                "tier": str(tiers.get(name, "day_player")).replace("_", " "),
                "work_days": int(row.get("work_days") or 0),
                "hold_days": int(row.get("hold_days") or 0),
                "start_day": (row["start_day"] + 1) if row.get("start_day") is not None else None,
                "finish_day": (row["finish_day"] + 1)
                if row.get("finish_day") is not None
                else None,
                "cost": cast_cost(board, name),
            }
        )
        costs.append(cast_cost(board, name))
    total = round(sum(costs), 2)
    if query.tier and not names:
        # "who are the leads?" on a script where no part is in enough scenes to be one: say
        # so, and list the first tier below that has anyone.
        text = (
            f"No one in the cast is paid as a {_TIER_WORDS[query.tier][0]}: no part is in "
            "enough of the scenes for that tier."
        )
        tiers_in_order = list(_TIER_WORDS)
        for lower in tiers_in_order[tiers_in_order.index(query.tier) + 1 :]:
            below = cast_list_answer(board, query.model_copy(update={"tier": lower}))
            if below.facts["cast"]:
                return below.model_copy(update={"text": f"{text} {below.text}"})
    else:
        who = _TIER_WORDS[query.tier][1] if query.tier else "The cast"
        text = (
            f"{who}: {plural(len(rows), 'member')}, {board.money(total)} in cast day rates "
            "before fringes: " + ", ".join(names[:20]) + ("..." if len(names) > 20 else "") + "."
        )
    return Answer(
        kind="cast",
        text=text,
        rows=rows,
        facts={"cast": names, "count": len(rows), "cost": total, "tier": query.tier},
    )

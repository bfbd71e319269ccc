"""Counts, totals and rankings over the whole plan."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from tools.queries.board import Board, days_words, pages_text, plural
from tools.queries.cast import cast_cost
from tools.queries.model import Answer, Query
from tools.queries.producer import PRODUCER_MEASURES, producer_answer
from tools.queries.rest import rest_text
from tools.queries.runs import nights_answer
from tools.queries.weekends import weekend_answer

__all__ = ["MEASURES", "RANKINGS", "RANK_SUBJECTS", "rank_answer", "total_answer"]


def _count(board: Board, measure: str) -> tuple[float, str]:
    """The value of a measure and its sentence."""
    strips = list(board.strips.values())
    days = board.days
    if measure == "scenes":
        n = len(strips)
        return n, f"The plan schedules {plural(n, 'scene')}."
    if measure == "pages":
        eighths = sum(int(s.get("eighths") or 0) for s in strips)
        return round(eighths / 8, 3), f"The script runs {pages_text(eighths)} pages."
    if measure == "nights":
        # "How many nights, and which?" is one question: the days are named with the count.
        nights = [i for i, d in enumerate(days) if d.get("lighting") in {"NIGHT", "SPLIT"}]
        scenes = sum(1 for s in strips if s.get("lighting") == "NIGHT")
        n = len(nights)
        return n, (
            f"{plural(n, 'shooting day')} {'has' if n == 1 else 'have'} night work "
            f"({plural(scenes, 'night scene')})" + (f": {days_words(nights)}." if n else ".")
        )
    if measure == "moves":
        n = sum(int(d.get("company_moves") or 0) for d in days)
        moving = [i for i, d in enumerate(days) if int(d.get("company_moves") or 0)]
        return n, f"The plan has {plural(n, 'company move')}" + (
            f", on {days_words(moving)}." if n else "."
        )
    if measure == "exteriors":
        n = sum(1 for s in strips if "EXT" in str(s.get("int_ext") or "").upper())
        return n, f"{plural(n, 'scene')} {'is an exterior' if n == 1 else 'are exteriors'}."
    if measure == "cast":
        n = len(board.cast_names())
        return n, f"The cast has {plural(n, 'speaking or named part')}."
    if measure == "cast_days":
        rows = (board.plan.get("dood") or {}).get("rows") or []
        n = sum(int(r.get("work_days") or 0) for r in rows)
        held = sum(int(r.get("hold_days") or 0) for r in rows)
        return n, (
            f"The cast has {plural(n, 'work day')} in all across {plural(len(rows), 'part')}, "
            f"plus {plural(held, 'hold day')}."
        )
    if measure in {"locations", "sets"}:
        sites = {board.site(s) for s in strips}
        sets = {(board.site(s), str(s.get("set") or s.get("location") or "")) for s in strips}
        n = len(sets if measure == "sets" else sites)
        return n, (
            f"The plan uses {plural(len(sites), 'location')} (sites where the company parks), "
            f"with {plural(len(sets), 'set')} among them."
            if measure == "locations"
            else f"The plan shoots on {plural(len(sets), 'set')} at {plural(len(sites), 'site')}."
        )
    if measure == "holds":
        n = sum(
            int(r.get("hold_days") or 0) for r in (board.plan.get("dood") or {}).get("rows") or []
        )
        return n, f"The cast has {plural(n, 'hold day')} in all."
    if measure == "revisits":
        return _revisits(board)
    if measure == "turnaround":
        return rest_text(board)
    if measure == "budget":
        total = round(float((board.plan.get("budget") or {}).get("likely") or 0), 2)
        return total, f"The budget is {board.money(total)} likely."
    n = len(days)
    return n, f"The plan shoots in {plural(n, 'day')}{_weeks(board, n)}."


def _weeks(board: Board, days: int) -> str:
    """': 7 weeks and 3 days of 5-day weeks' (nothing under a week)."""
    options = (board.plan.get("problem") or {}).get("options") or {}
    week = int(options.get("work_days_per_week") or 5)
    whole, rest = divmod(days, week)
    if not whole:
        return ""
    extra = f" and {plural(rest, 'day')}" if rest else ""
    return f": {plural(whole, 'week')}{extra} of {week}-day weeks"


def _revisits(board: Board) -> tuple[float, str]:
    """Sites the company comes back to after leaving (their days are not one run)."""
    days_at: dict[str, list[int]] = {}
    for day in range(len(board.days)):
        for site in dict.fromkeys(board.site(s) for s in board.day_strips(day)):
            days_at.setdefault(site, []).append(day)
    back = {
        site: days for site, days in days_at.items() if any(b - a > 1 for a, b in pairwise(days))
    }
    if not back:
        return 0, "No site is revisited: each site's days run together."
    named = "; ".join(
        f"{site} ({days_words(days)})"
        for site, days in sorted(back.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:8]
    )
    more = f"; and {len(back) - 8} more" if len(back) > 8 else ""
    return len(back), (
        f"{plural(len(back), 'site')} {'is' if len(back) == 1 else 'are'} visited again after "
        f"the company has left: {named}{more}."
    )


MEASURES = (
    "days",
    "scenes",
    "pages",
    "moves",
    "nights",
    "exteriors",
    "cast",
    "locations",
    "sets",
    "holds",
    "budget",
    "revisits",
    "turnaround",
    "cast_days",
    "night_runs",
    "night_block",
    "weekends",
    *PRODUCER_MEASURES,
)


def total_answer(board: Board, query: Query) -> Answer:
    """A count or total (days, scenes, pages, moves, nights, cast, locations, budget)."""
    measure = query.measure if query.measure in MEASURES else "days"
    if measure in {"night_runs", "night_block"}:
        return nights_answer(board, query)
    if measure == "weekends":
        return weekend_answer(board)
    if measure in PRODUCER_MEASURES:
        return producer_answer(board, query)
    value, text = _count(board, measure)
    return Answer(kind="total", text=text, facts={"measure": measure, "value": value})


def _rank_days_cost(board: Board) -> list[tuple[str, float, str]]:
    return [(f"day {i + 1}", c, board.money(c)) for i, c in enumerate(board.day_costs())]


def _rank_days_pages(board: Board) -> list[tuple[str, float, str]]:
    out = []
    for i in range(len(board.days)):
        eighths = sum(int(s.get("eighths") or 0) for s in board.day_strips(i))
        out.append((f"day {i + 1}", eighths / 8, f"{pages_text(eighths)} pages"))
    return out


def _rank_days_moves(board: Board) -> list[tuple[str, float, str]]:
    return [
        (f"day {i + 1}", n, plural(n, "company move"))
        for i, n in enumerate(int(d.get("company_moves") or 0) for d in board.days)
    ]


def _rank_days_minutes(board: Board) -> list[tuple[str, float, str]]:
    out: list[tuple[str, float, str]] = []
    for i in range(len(board.days)):
        minutes = round(board.day_minutes(i))
        out.append((f"day {i + 1}", minutes, f"{minutes // 60} h {minutes % 60:02d} min"))
    return out


def _rank_accounts(board: Board) -> list[tuple[str, float, str]]:
    accounts = (board.plan.get("budget") or {}).get("accounts") or []
    return [
        (str(a.get("name")), float(a.get("total") or 0), board.money(float(a.get("total") or 0)))
        for a in accounts
    ]


def _rank_dood(field: str, word: str) -> Callable[[Board], list[tuple[str, float, str]]]:
    def rank(board: Board) -> list[tuple[str, float, str]]:
        rows = (board.plan.get("dood") or {}).get("rows") or []
        return [
            (str(r.get("name")), int(r.get(field) or 0), plural(int(r.get(field) or 0), word))
            for r in rows
        ]

    return rank


def _rank_dood_day(field: str) -> Callable[[Board], list[tuple[str, float, str]]]:
    """Cast by their first or last work day (0-based in the DOOD, 1-based in words)."""

    def rank(board: Board) -> list[tuple[str, float, str]]:
        rows = (board.plan.get("dood") or {}).get("rows") or []
        return [
            (str(r.get("name")), int(r[field]), f"day {int(r[field]) + 1}")
            for r in rows
            if r.get(field) is not None
        ]

    return rank


def _rank_cast_cost(board: Board) -> list[tuple[str, float, str]]:
    return [(n, cast_cost(board, n), board.money(cast_cost(board, n))) for n in board.cast_names()]


def _rank_cast_scenes(board: Board) -> list[tuple[str, float, str]]:
    count = dict.fromkeys(board.cast_names(), 0)
    for strip in board.strips.values():
        for name in dict.fromkeys(strip.get("cast") or []):
            count[name] = count.get(name, 0) + 1
    return [(n, v, plural(v, "scene")) for n, v in count.items()]


def _rank_locations(board: Board) -> list[tuple[str, float, str]]:
    count: dict[str, int] = {}
    for s in board.strips.values():
        count[board.site(s)] = count.get(board.site(s), 0) + 1
    return [(k, v, plural(v, "scene")) for k, v in count.items()]


_RANK_HEADS = {
    "day_cost": ("day", "cost"),
    "pages": ("day", "pages"),
    "moves": ("day", "company moves"),
    "minutes": ("day", "shooting and moves"),
    "account": ("account", "amount"),
    "hold": ("cast", "holds"),
    "work": ("cast", "work days"),
    "cast_cost": ("cast", "cost"),
    "cast_scenes": ("cast", "scenes"),
    "location": ("location", "scenes"),
    "start": ("cast", "first day"),
    "finish": ("cast", "last day"),
}
"""The columns of a ranking's table."""

RANK_SUBJECTS: dict[str, str] = {measure: head[0] for measure, head in _RANK_HEADS.items()}
"""What each ranking ranks: "day", "cast", "account" or "location"."""

RANKINGS: dict[str, tuple[str, Callable[[Board], list[tuple[str, float, str]]]]] = {
    "day_cost": ("expensive day", _rank_days_cost),
    "pages": ("day by pages", _rank_days_pages),
    "moves": ("day by company moves", _rank_days_moves),
    "minutes": ("day by hours", _rank_days_minutes),
    "account": ("account", _rank_accounts),
    "hold": ("hold", _rank_dood("hold_days", "hold day")),
    "work": ("cast member by work days", _rank_dood("work_days", "work day")),
    "cast_cost": ("cast member by cost", _rank_cast_cost),
    "cast_scenes": ("cast member by scenes", _rank_cast_scenes),
    "location": ("location by scenes", _rank_locations),
    "start": ("start", _rank_dood_day("start_day")),
    "finish": ("finish", _rank_dood_day("finish_day")),
}


_TOP_LABELS: dict[str, tuple[str, str]] = {
    "day_cost": ("most expensive days", "cheapest days"),
    "pages": ("biggest days by pages", "smallest days by pages"),
    "moves": ("days with the most company moves", "days with the fewest company moves"),
    "minutes": ("longest days", "shortest days"),
    "account": ("largest accounts", "smallest accounts"),
    "hold": ("longest holds", "shortest holds"),
    "work": ("cast members with the most work days", "cast members with the fewest work days"),
    "cast_cost": ("dearest cast members", "cheapest cast members"),
    "cast_scenes": ("cast members in the most scenes", "cast members in the fewest scenes"),
    "location": ("locations with the most scenes", "locations with the fewest scenes"),
    "start": ("last to start", "first to start"),
    "finish": ("last to finish", "first to finish"),
}
"""How a ranking of several reads ("the 3 most expensive days")."""


def _top(measure: str, items: list[tuple[str, float, str]], query: Query) -> Answer:
    """The first `query.top` of a ranking, in order, each with its figure."""
    count = min(query.top or 1, len(items))
    first = items[:count]
    label = _TOP_LABELS.get(measure, ("largest", "smallest"))[int(query.least)]
    listed = [f"{n} ({s})" for n, _, s in first]
    named = ", ".join(listed[:-1]) + f" and {listed[-1]}" if len(listed) > 1 else listed[0]
    short = f" (the plan has only {len(items)})" if count < (query.top or 1) else ""
    text = f"The {count} {label}{short}: {named}."
    heads = _RANK_HEADS.get(measure, ("name", "figure"))
    rows = [{heads[0]: n, heads[1]: s} for n, _, s in first]
    facts = {"names": [n for n, _, _ in first], "values": [round(v, 2) for _, v, _ in first]}
    return Answer(kind="rank", text=text, rows=rows, facts=facts)


def _over(measure: str, items: list[tuple[str, float, str]], over: int) -> Answer:
    """Everyone held (or working) more than `over` days, most first."""
    verb = "held" if measure == "hold" else "working"
    above = [(n, v, s) for n, v, s in items if v > over]
    heads = _RANK_HEADS[measure]
    if not above:
        name, value, shown = items[0]
        text = f"No one is {verb} more than {plural(over, 'day')}" + (
            f"; the most is {name}: {shown}." if value else ": the cast has no hold days."
        )
    else:
        named = ", ".join(f"{n} ({s})" for n, _, s in above[:8])
        more = f" and {len(above) - 8} more" if len(above) > 8 else ""
        who = plural(len(above), "cast member")
        text = f"{who} {'is' if len(above) == 1 else 'are'} {verb} more than "
        text += f"{plural(over, 'day')}: {named}{more}."
    rows = [{heads[0]: n, heads[1]: s} for n, _, s in above]
    facts = {"over": over, "names": [n for n, _, _ in above], "count": len(above)}
    return Answer(kind="rank", text=text, rows=rows, facts=facts)


def rank_answer(board: Board, query: Query) -> Answer:
    """The largest (or smallest) of a measure, with the top five as a table."""
    measure = query.measure if query.measure in RANKINGS else "day_cost"
    word, rank = RANKINGS[measure]
    items = sorted(rank(board), key=lambda t: t[1], reverse=not query.least)
    if not items:
        return Answer(kind="rank", text="The plan has nothing to rank there.", found=False)
    if query.over is not None and measure in {"hold", "work"}:
        return _over(measure, items, query.over)
    name, value, shown = items[0]
    if not value and not query.least and measure not in {"start", "finish"}:
        return Answer(
            kind="rank",
            text="Nobody is held: the cast has no hold days."
            if measure == "hold"
            else "No day has a company move."
            if measure == "moves"
            else f"Every one is at {shown}.",
            rows=[],
            facts={"value": 0},
        )
    if query.top is not None:
        return _top(measure, items, query)
    ties = [n for n, v, _ in items if v == value]
    which = "smallest" if query.least else "largest"
    label = {
        "day_cost": "cheapest day" if query.least else "most expensive day",
        "hold": "shortest hold" if query.least else "longest hold",
        "start": "first to start" if query.least else "last to start",
        "finish": "first to finish" if query.least else "last to finish",
    }.get(measure, f"{which} {word}")
    if len(ties) == 1:
        text = f"The {label} is {name}: {shown}."
    elif len(ties) > 3 and all(t.startswith("day ") for t in ties):
        # Many days tie ("which day has the most moves?"): their count, then the days.
        days = [int(t.split()[-1]) - 1 for t in ties]
        text = f"The {label}: {len(ties)} days at {shown} each ({days_words(days)})."
    else:
        text = f"The {label}: {', '.join(ties[:6])}{'...' if len(ties) > 6 else ''}, {shown} each."
    if measure == "day_cost":
        # Why a day costs what it does: its biggest accounts ("and why?"); of the first of
        # days that tie.
        parts = board.day_cost_parts(int(name.split()[-1]) - 1)[:3]
        whose = "it" if len(ties) == 1 else f"{name}'s"
        text += f" Most of {whose}: " + ", ".join(f"{n} {board.money(v)}" for n, v in parts) + "."
    # The table shows what the sentence says, once: the raw figure is in the facts.
    heads = _RANK_HEADS.get(measure, ("name", "figure"))
    rows = [{heads[0]: n, heads[1]: s} for n, _, s in items[:5]]
    return Answer(
        kind="rank",
        text=text,
        rows=rows,
        facts={"name": name, "value": round(value, 2), "ties": ties},
    )

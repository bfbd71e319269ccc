"""Questions about one shooting day: its scenes, sites, cast, pages, minutes and cost."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta

from tools.queries.board import Board, day_label, days_words, pages_text, plural
from tools.queries.model import Answer, Query

__all__ = ["DayInfo", "day_answer", "day_info", "day_of", "no_day"]


@dataclass(frozen=True)
class DayInfo:
    """One day's figures, 1-based."""

    day: int
    date: str | None
    scenes: list[str]
    locations: list[str]
    cast: list[str]
    pages: float
    pages_text: str
    minutes: int
    company_moves: int
    lighting: str
    cost: float


def no_day(board: Board, day: int) -> Answer:
    """The answer for a day the plan does not have."""
    return Answer(
        kind="day",
        text=f"The plan has {plural(len(board.days), 'shooting day')}; there is no "
        f"{day_label(day)}.",
        facts={"shooting_days": len(board.days), "day": day + 1},
        found=False,
    )


def day_info(board: Board, day: int) -> DayInfo:
    """The figures of a 0-based day."""
    record = board.days[day]
    strips = board.day_strips(day)
    eighths = board.day_eighths(day)
    return DayInfo(
        day=day + 1,
        date=record.get("date"),
        scenes=[str(s.get("id")) for s in strips],
        locations=list(dict.fromkeys(board.site(s) for s in strips)),
        cast=list(dict.fromkeys(c for s in strips for c in s.get("cast") or [])),
        pages=round(eighths / 8, 3),
        pages_text=pages_text(eighths),
        minutes=round(board.day_minutes(day)),
        company_moves=int(record.get("company_moves") or 0),
        lighting=str(record.get("lighting", "DAY")),
        cost=board.day_costs()[day],
    )


def _nth(n: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{'th' if 10 <= n % 100 <= 20 else suffix}"


def _date_sentence(board: Board, f: DayInfo, label: str) -> str:
    """When a day is: its date and place on the board, or how to give the board dates."""
    last = f.day == len(board.days)
    if f.date:
        place = "last" if last else _nth(f.day)
        return f"{label} is the {place} shooting day" + (": we wrap then." if last else ".")
    where = f"We wrap on day {f.day}" if last else f"Day {f.day} has no date yet"
    return (
        f'{where}: the plan has no start date (say "we start shooting on March 1" and I will '
        "date the board)."
    )


def _free_sentence(board: Board, day: int, label: str) -> str:
    """Who is not working a day: the cast held (paid, not called) and those off the board."""
    held, off = [], []
    for row in (board.plan.get("dood") or {}).get("rows") or []:
        codes = list(row.get("codes") or [])
        code = codes[day] if day < len(codes) else ""
        if code == "H":
            held.append(str(row.get("name")))
        elif code not in {"SW", "W", "WF", "SWF"}:
            off.append(str(row.get("name")))
    if not held and not off:
        return f"{label} works the whole cast."
    parts = [f"held (paid, not called): {', '.join(held)}" if held else "",
             f"not on the payroll that day: {', '.join(off)}" if off else ""]  # fmt: skip
    count = plural(len(held) + len(off), "cast member")
    return f"{label} does not work {count}; " + "; ".join(p for p in parts if p) + "."


def _moves_sentence(f: DayInfo, label: str) -> str:
    """A day's company moves, between the sites it is at in the order it shoots them."""
    if not f.company_moves:
        return f"{label} has no company move: it stays at {', '.join(f.locations)}."
    return (
        f"{label} has {plural(f.company_moves, 'company move')}: " + " to ".join(f.locations) + "."
    )


def _sentence(board: Board, f: DayInfo, aspect: str) -> str:
    label = f"Day {f.day}{board.date_words(f.day - 1)}"
    scenes, where = ", ".join(f.scenes), ", ".join(f.locations)
    who = ", ".join(f.cast) or "no named cast"
    cost = board.money(f.cost)
    parts = {
        "scenes": f"{label} shoots {plural(len(f.scenes), 'scene')}: {scenes}.",
        "locations": f"{label} is at {where}.",
        "cast": f"{label} works {who}.",
        "pages": f"{label} shoots {f.pages_text} pages.",
        "minutes": f"{label} takes {f.minutes} minutes of shooting and moves "
        f"({f.minutes // 60} h {f.minutes % 60:02d} min).",
        "cost": f"{label} costs {cost} (its share of the day-based budget lines).",
        "date": _date_sentence(board, f, label),
        "moves": _moves_sentence(f, label),
        "free": _free_sentence(board, f.day - 1, label),
    }
    if aspect in parts:
        return parts[aspect]
    moves = f", {plural(f.company_moves, 'company move')}" if f.company_moves else ""
    return (
        f"{label}: scenes {scenes} at {where}; {f.pages_text} pages, {f.minutes} minutes"
        f"{moves}; cast {who}; {cost}."
    )


def day_answer(board: Board, query: Query) -> Answer:
    """Everything about one day, or the one aspect asked for; with `lighting` NIGHT, `day`
    counts the days with night work ("the first night": 0, "the last night": -1)."""
    day = query.day if query.day is not None else 0
    if query.lighting == "NIGHT":
        nights = [d for d, r in enumerate(board.days) if r.get("lighting") in {"NIGHT", "SPLIT"}]
        if not -len(nights) <= day < len(nights):
            text = (
                "The plan has no night work."
                if not nights
                else (f"The plan has {plural(len(nights), 'night')}: {days_words(nights)}.")
            )
            return Answer(kind="day", text=text, found=False)
        day = nights[day]
    if day < 0:  # counted from the end: -1 is the last day
        day += len(board.days)
    if not 0 <= day < len(board.days):
        return no_day(board, day)
    info = day_info(board, day)
    rows = [
        {
            "scene": str(s.get("id")),
            "location": board.site(s),
            "int_ext": s.get("int_ext") or "",
            "lighting": s.get("lighting", "DAY"),
            "pages": pages_text(int(s.get("eighths") or 0)),
            "cast": ", ".join(s.get("cast") or []),
        }
        for s in board.day_strips(day)
    ]
    return Answer(
        kind="day",
        text=_sentence(board, info, query.aspect),
        rows=rows if query.aspect in {"all", "scenes"} else [],
        facts=asdict(info),
    )


def day_of(board: Board, when: str, today: date) -> int | Answer:
    """The 0-based day "today" or "tomorrow" is on the board's dates, or the answer saying
    why it is none (no dates yet, or not a shooting day: then the next one)."""
    wanted = today + timedelta(days=1 if when == "tomorrow" else 0)
    dates = [str(d.get("date") or "") for d in board.days]
    if not any(dates):
        text = (
            f"The plan has no calendar dates, so I cannot tell which day is {when}: say when "
            'shooting starts ("we start shooting on March 1") or ask for a day by number.'
        )
        return Answer(kind="day", text=text, found=False)
    if wanted.isoformat() in dates:
        return dates.index(wanted.isoformat())
    later = [i for i, d in enumerate(dates) if d and d > wanted.isoformat()]
    said = f"{when.capitalize()} ({wanted:%A} {wanted.day} {wanted:%B %Y}) is not a shooting day"
    if later:
        text = f"{said}; the next one is day {later[0] + 1}{board.date_words(later[0])}."
    else:
        text = f"{said}; the shoot wraps on day {len(dates)}{board.date_words(len(dates) - 1)}."
    facts = {"date": wanted.isoformat(), "next_day": later[0] + 1 if later else None}
    return Answer(kind="day", text=text, facts=facts, found=False)

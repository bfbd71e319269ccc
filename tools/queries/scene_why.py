"""Why a scene is on its day ("why is scene 12 on day 10?"): what holds it there, from the board.

The reasons are the board's own facts: a pin or an order in force, its site's days (the
company is there then, and a scene elsewhere is a trip back), its lighting against the day's,
and its cast's work days. When another day is named, what putting it there would break or add
is read from that day's record: a company move and the day's cap, day against night, the
minutes left in the day, cast not called that day. Nothing is priced here: moving it is a
what-if, re-planned and priced by the solver when asked.
"""

from __future__ import annotations

from tools.queries.board import Board, Record, day_label, days_words, pages_text, plural
from tools.queries.model import Answer

__all__ = ["scene_pair_why", "scene_why"]

_WORK = frozenset({"SW", "W", "WF", "SWF"})


def _minutes(board: Board, strip: Record) -> float:
    if strip.get("minutes") is not None:
        return float(strip["minutes"])
    return int(strip.get("eighths") or 0) * board.pace


def _work_days(board: Board, name: str) -> list[int]:
    row = board.dood_row(name) or {}
    return [d for d, code in enumerate(row.get("codes") or []) if code in _WORK]


def _options(board: Board) -> Record:
    return dict((board.plan.get("problem") or {}).get("options") or {})


def _held_by_rules(board: Board, sid: str) -> list[str]:
    """A pin or an order in force that names the scene."""
    options = _options(board)
    reasons = []
    pinned = (options.get("pinned") or {}).get(sid)
    if pinned is not None:
        reasons.append(f"it is pinned to {day_label(int(pinned))}")
    for first, then in options.get("precedences") or []:
        other, word = (then, "before") if str(first) == sid else (first, "after")
        if sid not in {str(first), str(then)}:
            continue
        where = board.day_of.get(str(other))
        on = f" ({day_label(where)})" if where is not None else ""
        reasons.append(f"it must be shot {word} scene {other}{on}")
    return reasons


def _site_reason(board: Board, strip: Record, day: int) -> tuple[str, list[int]]:
    site = board.site(strip)
    site_days = [d for d in range(len(board.days)) if site in _day_sites(board, d)]
    there = [
        str(s.get("id"))
        for s in board.day_strips(day)
        if board.site(s) == site and str(s.get("id")) != str(strip.get("id"))
    ]
    company = f" with {plural(len(there), 'other scene')} there" if there else ""
    if len(site_days) == 1:
        text = f"{site} is shot on {day_label(day)} alone{company}, so the company goes there once"
    else:
        text = f"the company is at {site} on {days_words(site_days)}{company}"
    return text, site_days


def _day_sites(board: Board, day: int) -> set[str]:
    record = board.days[day]
    named = record.get("sites") or record.get("locations")
    if named:
        return {str(s) for s in named}
    return {board.site(s) for s in board.day_strips(day)}


def _lighting_reason(board: Board, strip: Record, day: int) -> str | None:
    if strip.get("lighting") != "NIGHT":
        return None
    return f"it is a night scene and {_nights(board)}"


def _cast_reason(board: Board, strip: Record, day: int) -> str | None:
    cast = [str(c) for c in strip.get("cast") or []]
    if not cast:
        return None
    also = [
        name
        for name in cast
        if any(
            name in (s.get("cast") or []) and str(s.get("id")) != str(strip.get("id"))
            for s in board.day_strips(day)
        )
    ]
    if also:
        return f"{', '.join(also)} {'is' if len(also) == 1 else 'are'} called that day anyway"
    worked = [f"{name} {days_words(_work_days(board, name))}" for name in cast[:3]]
    return "its cast work " + ", ".join(worked)


def _elsewhere(board: Board, strip: Record, day: int, asked: int) -> list[str]:
    """What putting the scene on `asked` would break or add, from that day's record."""
    record = board.days[asked]
    options = _options(board)
    said = []
    site = board.site(strip)
    sites = _day_sites(board, asked)
    if site not in sites:
        moves = int(record.get("company_moves") or 0)
        raw = options.get("max_company_moves")
        cap = None if raw is None else int(raw)
        over = cap is not None and moves + 1 > cap
        said.append(
            f"{day_label(asked)} is at {', '.join(sorted(sites))}: scene {strip.get('id')} "
            f"there adds a company move to {site}"
            + (f", over the cap of {plural(cap, 'move')} a day" if cap is not None and over else "")
        )
    lighting = str(record.get("lighting") or "DAY")
    if lighting in {"DAY", "NIGHT"} and strip.get("lighting", "DAY") != lighting:
        split = "" if options.get("allow_split_days") else ", which the board does not allow"
        said.append(f"{day_label(asked)} is shot by {lighting.lower()}: a split day{split}")
    length = options.get("day_minutes")
    if length:
        free = float(length) - board.day_minutes(asked)
        need = _minutes(board, strip)
        fits = "it fits" if need <= free + 1e-6 else "it does not fit"
        said.append(
            f"{day_label(asked)} has {free:.0f} minutes of its {float(length) / 60:g}-hour day "
            f"left and the scene needs {need:.0f}: {fits}"
        )
    called = set(record.get("cast") or [])
    absent = [str(c) for c in strip.get("cast") or [] if c not in called]
    if absent:
        said.append(
            f"{', '.join(absent)} {'is' if len(absent) == 1 else 'are'} not called that day"
        )
    return said


def scene_why(board: Board, number: str, asked: int | None = None) -> Answer:
    """Why scene `number` is on its day; with `asked` (a 0-based day, negative from the end),
    what putting it on that day would change."""
    strip = board.strip(number)
    if strip is None:
        text = f"The script has no scene {number.upper()}."
        return Answer(kind="why", text=text, facts={"scene": number}, found=False)
    sid = str(strip.get("id"))
    day = board.day_of.get(sid)
    if day is None:
        text = f"Scene {sid} is not on the schedule."
        return Answer(kind="why", text=text, facts={"scene": sid}, found=False)
    if asked is not None and asked < 0:
        asked += len(board.days)
    if asked is not None and not 0 <= asked < len(board.days):
        asked = None
    site_text, site_days = _site_reason(board, strip, day)
    reasons = [*_held_by_rules(board, sid), site_text]
    reasons += [
        r for r in (_lighting_reason(board, strip, day), _cast_reason(board, strip, day)) if r
    ]
    opening = (
        f"Scene {sid} ({board.site(strip)}, {pages_text(int(strip.get('eighths') or 0))} pages)"
    )
    if asked is not None and asked != day:
        opening += f" is on {day_label(day)}, not {day_label(asked)}"
    else:
        opening += f" is on {day_label(day)}"
    text = f"{opening}: " + "; ".join(reasons) + "."
    changes: list[str] = []
    if asked is not None and asked != day:
        changes = _elsewhere(board, strip, day, asked)
        if changes:
            text += f" On {day_label(asked)}: " + "; ".join(changes) + "."
        text += (
            f' Say "move scene {sid} to {day_label(asked)}" and I will re-plan it and price the '
            "difference."
        )
    facts = {
        "scene": sid,
        "day": day + 1,
        "asked_day": asked + 1 if asked is not None else None,
        "site": board.site(strip),
        "site_days": [d + 1 for d in site_days],
        "lighting": strip.get("lighting", "DAY"),
        "cast": list(strip.get("cast") or []),
        "reasons": reasons,
        "changes": changes,
    }
    return Answer(kind="why", text=text, facts=facts)


def _order_rule(board: Board, first: str, then: str) -> str | None:
    """An order in force between the two scenes, as said."""
    for a, b in _options(board).get("precedences") or []:
        if {str(a), str(b)} == {first, then}:
            return f"an order is in force: scene {a} must be shot before scene {b}"
    return None


def _apart(board: Board, one: Record, two: Record) -> list[str]:
    """What keeps two scenes on different days: their sites' days, day against night."""
    said = []
    site_one, site_two = board.site(one), board.site(two)
    if site_one != site_two:
        for strip, site in ((one, site_one), (two, site_two)):
            days = [d for d in range(len(board.days)) if site in _day_sites(board, d)]
            said.append(f"scene {strip.get('id')} is at {site} ({days_words(days)})")
    lights = (one.get("lighting", "DAY"), two.get("lighting", "DAY"))
    if lights[0] != lights[1]:
        night = one if lights[0] == "NIGHT" else two
        said.append(f"scene {night.get('id')} is a night scene ({_nights(board)})")
    return said


def _nights(board: Board) -> str:
    nights = [d for d, r in enumerate(board.days) if r.get("lighting") in {"NIGHT", "SPLIT"}]
    return f"the board's nights are {days_words(nights)}"


def scene_pair_why(board: Board, number: str, other: str) -> Answer:
    """Why scene `number` comes where it does against scene `other` ("why does scene 4 come
    before scene 7?"): their days, an order in force, or what keeps them apart; on one day,
    the order the day shoots them in (its strips run by site, then set)."""
    strips = [board.strip(number), board.strip(other)]
    missing = [n for n, s in zip((number, other), strips, strict=True) if s is None]
    if missing:
        text = f"The script has no scene {missing[0].upper()}."
        return Answer(kind="why", text=text, facts={"scene": missing[0]}, found=False)
    one, two = strips[0] or {}, strips[1] or {}
    a, b = str(one.get("id")), str(two.get("id"))
    day_a, day_b = board.day_of.get(a), board.day_of.get(b)
    if day_a is None or day_b is None:
        text = f"Scene {a if day_a is None else b} is not on the schedule."
        return Answer(
            kind="why", text=text, facts={"scene": a if day_a is None else b}, found=False
        )
    reasons = [r for r in (_order_rule(board, a, b),) if r]
    if day_a == day_b:
        ids = [str(s.get("id")) for s in board.day_strips(day_a)]
        first, then = (a, b) if ids.index(a) < ids.index(b) else (b, a)
        text = (
            f"Scenes {a} and {b} are both on {day_label(day_a)}; scene {first} is shot first "
            "(the day's scenes run by site, then set)"
        )
    else:
        first, then = (a, b) if day_a < day_b else (b, a)
        text = (
            f"Scene {a} is on {day_label(day_a)} and scene {b} on {day_label(day_b)}, so scene "
            f"{first} comes first"
        )
        site = board.site(one)
        visits = [d for d in range(len(board.days)) if site in _day_sites(board, d)]
        reasons += _apart(board, one, two) or [
            f"both are at {site}, where the company is on {days_words(visits)}"
        ]
    text += ": " + "; ".join(reasons) + "." if reasons else "."
    text += (
        f' Say "scene {then} must be shot before scene {first}" and I will re-plan it and price '
        "the difference."
    )
    facts = {
        "scene": a,
        "other": b,
        "day": day_a + 1,
        "other_day": day_b + 1,
        "first": first,
        "sites": [board.site(one), board.site(two)],
        "reasons": reasons,
    }
    return Answer(kind="why", text=text, facts=facts)

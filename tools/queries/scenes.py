"""Questions about scenes: one scene's day, cast, elements and site; scenes by category,
by lighting and interior/exterior, or by location."""

from __future__ import annotations

from typing import Any

from tools.queries.board import Board, Record, day_label, days_words, pages_text, plural
from tools.queries.model import Answer, Query

__all__ = ["category_answer", "location_answer", "scene_answer", "scenes_answer"]


def _elements(board: Board, number: str) -> dict[str, list[str]]:
    scene = board.scene_record(number) or {}
    found = {
        category: [str(e.get("name", e) if isinstance(e, dict) else e) for e in items]
        for category, items in (scene.get("elements") or {}).items()
        if items
    }
    return found


def _row(board: Board, strip: Record) -> dict[str, Any]:
    sid = str(strip.get("id"))
    day = board.day_of.get(sid)
    return {
        "scene": sid,
        "day": day + 1 if day is not None else None,
        "days": [d + 1 for d in board.days_of.get(sid, [])],
        "location": board.site(strip),
        "int_ext": strip.get("int_ext") or "",
        "lighting": strip.get("lighting", "DAY"),
        "pages": pages_text(int(strip.get("eighths") or 0)),
    }


def scene_answer(board: Board, query: Query) -> Answer:
    """When a scene is shot, where, who is in it and what it needs."""
    number = (query.scene or "").upper()
    strip = board.strip(number)
    if strip is None:
        return Answer(
            kind="scene",
            text=f"The script has no scene {number}.",
            facts={"scene": number, "scenes": len(board.strips)},
            found=False,
        )
    sid = str(strip.get("id"))
    day = board.day_of.get(sid)
    cast = list(strip.get("cast") or [])
    elements = _elements(board, sid)
    heading = (board.scene_record(sid) or {}).get("heading") or board.site(strip)
    spread = board.days_of.get(sid, [])
    when = (
        "is not on the schedule"
        if day is None
        else f"is shot on {day_label(day)}{board.date_words(day)}"
        if len(spread) == 1
        else f"is shot over {days_words(spread)}"
    )
    who = ", ".join(cast) or "no named cast"
    texts = {
        "days": f"Scene {sid} {when}.",
        "cast": f"Scene {sid} ({heading}): {who}.",
        "locations": f"Scene {sid} is at {board.site(strip)}.",
        "elements": f"Scene {sid} needs "
        + ("; ".join(f"{k}: {', '.join(v)}" for k, v in elements.items()) or "nothing special")
        + ".",
    }
    text = texts.get(query.aspect) or (
        f"Scene {sid} ({heading}) {when}, at {board.site(strip)}; "
        f"{pages_text(int(strip.get('eighths') or 0))} pages; cast {who}."
    )
    facts = {**_row(board, strip), "heading": heading, "cast": cast, "elements": elements}
    return Answer(kind="scene", text=text, facts=facts)


def _listing(board: Board, kind: str, strips: list[Record], what: str) -> Answer:
    rows = sorted(
        (_row(board, s) for s in strips), key=lambda r: (r["day"] or 10_000, str(r["scene"]))
    )
    if not rows:
        plain = what.startswith(("in ", "at ", "with "))
        return Answer(
            kind=kind, text=f"No scene {what if plain else 'is a ' + what}.", facts={"count": 0}
        )
    numbers = [str(r["scene"]) for r in rows]
    days = sorted({r["day"] for r in rows if r["day"] is not None})
    shown = ", ".join(numbers[:30]) + (", ..." if len(numbers) > 30 else "")
    if not what.startswith(("in ", "at ", "with ")):
        what = f"is {what}" if len(rows) == 1 else f"are {what}s"
    # "When are we at the warehouse?" is answered by its days: they are named, not counted.
    text = f"{plural(len(rows), 'scene')} {what}: {shown}" + (
        f" (on {plural(len(days), 'day')}: {days_words([d - 1 for d in days])})." if days else "."
    )
    # The table has one day column: a scene shot over several days lists them ("3, 4").
    shown_rows = [
        {**{k: v for k, v in r.items() if k != "days"}, "day": ", ".join(map(str, r["days"]))}
        for r in rows
    ]
    return Answer(
        kind=kind,
        text=text,
        rows=shown_rows,
        facts={"count": len(rows), "scenes": numbers, "days": days},
    )


def category_answer(board: Board, query: Query) -> Answer:
    """The scenes whose breakdown has a category (stunts, animals, vehicles, ...)."""
    category = (query.category or "").lower()
    day = query.day
    if day is not None and not 0 <= day < len(board.days):
        return Answer(
            kind="category",
            text=f"The plan has {plural(len(board.days), 'shooting day')}: there is no day "
            f"{day + 1}.",
            found=False,
        )
    on_day = set(board.days[day].get("strips") or []) if day is not None else None
    strips = [
        s
        for sid, s in board.strips.items()
        if (on_day is None or sid in on_day)
        and (category in (s.get("flags") or []) or _elements(board, sid).get(category))
    ]
    listing = _listing(board, "category", strips, f"with {category}")
    where = f" on day {day + 1}" if day is not None else ""
    if not listing.rows:
        text = f"No scene{where} has {category} in the breakdown."
        return listing.model_copy(update={"text": text, "facts": {**listing.facts, "day": day}})
    shown = []
    for row in listing.rows[:12]:
        items = _elements(board, str(row["scene"])).get(category, [])[:4]
        shown.append(f"scene {row['scene']}" + (f" ({', '.join(items)})" if items else ""))
        row["items"] = ", ".join(items)
    more = ", ..." if len(listing.rows) > 12 else ""
    text = f"{plural(len(listing.rows), 'scene')}{where} "
    text += f"{'has' if len(listing.rows) == 1 else 'have'} {category}"
    return listing.model_copy(update={"text": f"{text}: {'; '.join(shown)}{more}."})


def scenes_answer(board: Board, query: Query) -> Answer:
    """Scenes by lighting and interior/exterior ("night exteriors"), or all of them."""

    def keep(s: Record) -> bool:
        if query.lighting and s.get("lighting") != query.lighting:
            return False
        return not query.int_ext or query.int_ext in str(s.get("int_ext") or "").upper()

    words = " ".join(
        w
        for w in (
            {"DAY": "day", "NIGHT": "night"}.get(query.lighting or "", ""),
            {"INT": "interior", "EXT": "exterior"}.get(query.int_ext or "", ""),
        )
        if w
    )
    return _listing(
        board,
        "scenes",
        [s for s in board.strips.values() if keep(s)],
        f"{words}" if words else "in the plan",
    )


def location_answer(board: Board, query: Query) -> Answer:
    """Which scenes and days are at a location (words of its name)."""
    wanted = (query.location or "").upper()
    strips = [
        s
        for s in board.strips.values()
        if wanted
        and (wanted in board.site(s).upper() or wanted in str(s.get("location", "")).upper())
    ]
    if not strips:
        sites = sorted({board.site(s) for s in board.strips.values()})
        return Answer(
            kind="location",
            text=f"No location in the plan matches {query.location!r}. Locations: "
            + ", ".join(sites[:12])
            + ("..." if len(sites) > 12 else "")
            + ".",
            facts={"locations": sites},
            found=False,
        )
    if query.aspect == "cost":
        return _site_cost(board, board.site(strips[0]))
    return _listing(board, "location", strips, f"at {board.site(strips[0])}")


def _site_cost(board: Board, site: str) -> Answer:
    """A site's own budget lines (its fee by the day, its set-up by the visit block)."""
    lines = [
        ln
        for ln in (board.plan.get("budget") or {}).get("lines") or []
        if str(ln.get("description", "")).startswith(f"{site}:")
    ]
    total = round(sum(float(ln.get("amount") or 0) for ln in lines), 2)
    parts = [
        f"{str(ln['description']).split(': ', 1)[1]} {board.money(float(ln.get('amount') or 0))}"
        f" ({ln.get('source') or ln.get('quantity')})"
        for ln in lines
    ]
    text = f"{site} costs {board.money(total)} in the budget" + (
        ": " + "; ".join(parts) + "." if parts else "."
    )
    rows = [{"line": ln["description"], "amount": board.money(float(ln["amount"]))} for ln in lines]
    return Answer(kind="location", text=text, facts={"site": site, "cost": total}, rows=rows)

"""The deterministic answer: a complete, readable reply written from the facts alone.

Used when no model is reachable, when a model's answer fails the grounding check, and as
the reference a model's answer is judged against. Every figure it prints comes from the
facts, so it always passes the grounding check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.facts import say_date
from graph.sites_upload import site_csv_line

__all__ = ["format_money", "moved_text", "write_summary"]

Record = dict[str, Any]


def format_money(value: float, currency: str = "USD") -> str:
    """Money as people write it in a budget: "$1,234,567" (other currencies by code)."""
    sign = "-" if value < 0 else ""
    amount = f"{abs(value):,.0f}"
    return f"{sign}${amount}" if currency == "USD" else f"{sign}{currency} {amount}"


def _signed(value: float, currency: str) -> str:
    return ("+" if value > 0 else "") + format_money(value, currency)


def _overview(facts: Record) -> list[str]:
    o = facts.get("overview") or {}
    if not o:
        return []
    cur = o.get("currency", "USD")
    lines = [
        f"**{o.get('title', 'The script')}**: {_n(o.get('scenes', 0), 'scene')} shot in "
        f"{_n(o.get('shooting_days', 0), 'day')} with "
        f"{_n(o.get('company_moves', 0), 'company move')}.",
        f"Budget: {format_money(o.get('budget_likely', 0.0), cur)} likely "
        f"(range {format_money(o.get('budget_low', 0.0), cur)} to "
        f"{format_money(o.get('budget_high', 0.0), cur)}).",
    ]
    if o.get("first_date") and o.get("last_date"):
        lines.append(
            f"Day 1 is {say_date(o['first_date'])}; the last day, day "
            f"{o.get('shooting_days', 0)}, is {say_date(o['last_date'])}."
        )
    if o.get("baseline_days") and o.get("baseline_budget"):
        saving = o.get("total_saving", 0.0)
        against = (
            f"Against the script-order baseline ({_n(o['baseline_days'], 'day')}, "
            f"{format_money(o['baseline_budget'], cur)}) this plan "
        )
        if saving >= 0:
            lines.append(
                against
                + f"saves {format_money(saving, cur)}"
                + (f" ({o['saving_pct']}%)." if o.get("saving_pct") is not None else ".")
            )
        else:
            lines.append(against + f"costs {format_money(-saving, cur)} more, {_why(facts)}.")
    if o.get("sorted_days") and o.get("sorted_budget"):
        # Script order flatters an optimizer: the AD's own first board is the fairer mark.
        gain = o.get("saving_vs_sorted", 0.0)
        mark = (
            f"Against the sorted board an AD makes first ({_n(o['sorted_days'], 'day')}, "
            f"{format_money(o['sorted_budget'], cur)}) it "
        )
        lines.append(
            mark
            + (
                f"saves {format_money(gain, cur)}."
                if gain >= 0
                else f"costs {format_money(-gain, cur)} more, {_why(facts)}."
            )
            + " The savings by analysis below are measured from script order."
        )
    return lines


def _why(facts: Record) -> str:
    """Why a plan is dearer than its unconstrained script-order baseline."""
    in_force = [c for c in facts.get("in_force") or [] if c]
    if in_force:
        return "because of the changes in force (" + "; ".join(in_force) + ")"
    return "because of the plan's constraints (the baseline ignores pins and availability)"


def _in_force(facts: Record) -> list[str]:
    in_force = [c for c in facts.get("in_force") or [] if c]
    if not in_force or in_force == [facts.get("changed")]:
        return []
    return [
        "Changes in force: " + "; ".join(in_force) + ' (say "instead" to replace the last '
        'one, or "start over" to drop them all).'
    ]


def _savings(facts: Record) -> list[str]:
    o = facts.get("overview") or {}
    cur = o.get("currency", "USD")
    rows = o.get("savings") or []
    if not rows:
        return ["No savings were found against the baseline."]
    return ["Savings by analysis:"] + [
        f"- {row['analysis'].replace('_', ' ').capitalize()}: {format_money(row['amount'], cur)}"
        for row in rows
    ]


def _schedule(facts: Record) -> list[str]:
    days = facts.get("schedule") or []
    # With a start date each day has its date: the board is read by dates then.
    dated = any(day.get("date") for day in days)
    head = (
        "| Day | Date | Scenes | Locations | Pages |"
        if dated
        else "| Day | Scenes | Locations | Pages |"
    )
    lines = [head, "|---" * (5 if dated else 4) + "|"]
    for day in days:
        when = f" {day.get('date') or ''} |" if dated else ""
        lines.append(
            f"| {day['day']} |{when} {', '.join(day['scenes'])} | {', '.join(day['locations'])} "
            f"| {day['pages']:g} |"
        )
    return lines


def _dood(facts: Record) -> list[str]:
    lines = ["| Cast | Work | Hold | First day | Last day |", "|---|---|---|---|---|"]
    for row in facts.get("dood") or []:
        lines.append(
            f"| {row['name']} | {row['work_days']} | {row['hold_days']} "
            f"| {row['first_day']} | {row['last_day']} |"
        )
    return lines


def _accounts(facts: Record) -> list[str]:
    cur = (facts.get("overview") or {}).get("currency", "USD")
    lines = ["| Account | Total |", "|---|---|"]
    lines += [f"| {a['account']} | {format_money(a['total'], cur)} |" for a in facts["accounts"]]
    return lines


_LISTED = 12
"""Moved scenes named in a diff; the rest are counted."""


def moved_text(moved: list[Record]) -> str:
    """The scenes a re-plan moved: all of them when few; when many, how many only shifted by
    the same few days (days added or taken out ahead of them push the board on), and the
    biggest moves by name. Scenes cut from the shoot (or put back) are said apart."""
    cut = [m for m in moved if m.get("to_day") is None]
    back = [m for m in moved if m.get("from_day") is None and m.get("to_day") is not None]
    moved = [m for m in moved if m.get("to_day") is not None and m.get("from_day") is not None]
    said = []
    if cut:
        said.append(
            "Cut: " + ", ".join(f"scene {m['scene']} (was day {m['from_day']})" for m in cut) + "."
        )
    if back:
        said.append(
            "Back on the board: "
            + ", ".join(f"scene {m['scene']} (day {m['to_day']})" for m in back)
            + "."
        )
    if not moved:
        return " ".join(
            [*said, "No other scene changed day."] if said else ["No scene changed day."]
        )
    return " ".join([*said, _moved_only(moved)])


def _moved_only(moved: list[Record]) -> str:
    if len(moved) <= _LISTED:
        named = moved
        head = f"{len(moved)} {'scene' if len(moved) == 1 else 'scenes'} moved: "
    else:
        shifts = [abs(int(m["to_day"]) - int(m["from_day"])) for m in moved]
        common = max(sorted(set(shifts)), key=shifts.count)
        same = shifts.count(common)
        head = (
            f"{len(moved)} scenes moved, {same} of them by {common} "
            f"day{'s' if common != 1 else ''} only; the biggest moves: "
        )
        named = sorted(moved, key=lambda m: -abs(int(m["to_day"]) - int(m["from_day"])))
        named = named[:_LISTED]
    listed = ", ".join(f"scene {m['scene']} (day {m['from_day']} -> {m['to_day']})" for m in named)
    return head + listed + ("..." if len(moved) > len(named) else ".")


def _diff(facts: Record) -> list[str]:
    diff = facts.get("diff") or {}
    cur = (facts.get("overview") or {}).get("currency", "USD")
    moved = diff.get("moved") or []
    lines = []
    if label := facts.get("compared"):
        lines.append(f"Version {label[0]} against version {label[1]}:")
    days = f"Shooting days: {diff.get('days_before')} -> {diff.get('days_after')}. "
    lines.append(days + moved_text(moved))
    lines.append(
        f"Budget: {format_money(diff.get('total_before', 0.0), cur)} -> "
        f"{format_money(diff.get('total_after', 0.0), cur)} "
        f"({_signed(diff.get('total_change', 0.0), cur)})."
    )
    changed = diff.get("accounts") or []
    lines += [f"- {a['account']}: {_signed(a['change'], cur)}" for a in changed] or [
        "No account changed."
    ]
    return lines


def _cuts(facts: Record) -> list[str]:
    cuts = facts.get("cuts") or {}
    cur = (facts.get("overview") or {}).get("currency", "USD")
    cap = cuts.get("cap", 0.0)
    # Mid-shoot the cap is held against the forecast at completion, and only what is ahead
    # can be cut.
    midshoot = cuts.get("basis") == "forecast"
    at = "the forecast at completion is" if midshoot else "the plan is at"
    lines = [
        f"Budget cap {format_money(cap, cur)}; {at} {format_money(cuts.get('likely', 0.0), cur)}."
    ]
    if cuts.get("gap", 0.0) <= 0:
        return [*lines, "The plan already fits under the cap; nothing needs cutting."]
    if midshoot:
        lines.append("Only what is still ahead can be cut (no scene already shot).")
    lines.append(f"To close the gap of {format_money(cuts['gap'], cur)}, in order:")
    lines += [
        f"- {c['what']}: saves {format_money(c['amount'], cur)}" for c in cuts.get("items", [])
    ]
    if not cuts.get("fits"):
        lines.append(
            "Even all of these do not reach the cap: the gap left is "
            f"{format_money(cuts.get('remaining', 0.0), cur)}."
        )
    return lines


def _table(rows: list[Record], limit: int = 15) -> list[str]:
    """A Markdown table of answer rows (the first `limit`)."""
    if not rows:
        return []
    heads = list(rows[0])
    lines = ["| " + " | ".join(h.replace("_", " ").capitalize() for h in heads) + " |"]
    lines.append("|" + "---|" * len(heads))
    for row in rows[:limit]:
        cells = [_cell(row.get(h)) for h in heads]
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > limit:
        lines.append(f"({len(rows) - limit} more rows)")
    return lines


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    if isinstance(value, bool):
        return "yes" if value else ""
    return "" if value is None else str(value).replace("|", "/")


def _answers(facts: Record) -> list[str]:
    lines: list[str] = []
    answers = facts.get("answers") or []
    for answer in answers:
        lines.append(str(answer.get("text", "")))
        if len(answers) == 1 and answer.get("kind") not in {"total"}:
            lines += _table(list(answer.get("rows") or []))
    return lines


def _question(facts: Record) -> list[str]:
    if facts.get("answers"):
        return _answers(facts)
    q = facts.get("question") or {}
    if "cast" in q:
        who = ", ".join(q["cast"]) or "no named characters"
        return [f"Scene {q['scene']} ({q.get('heading', '')}): {who}."]
    if "scenes" in q:
        if not q["scenes"]:
            return [f"No scene has {q['category']} in the breakdown."]
        shown = "; ".join(f"scene {s['scene']} ({', '.join(s['items'])})" for s in q["scenes"])
        return [f"{len(q['scenes'])} scenes have {q['category']}: {shown}."]
    return [q.get("answer", "")]


def _n(count: Any, word: str) -> str:
    """ "1 day", "12 days"."""
    return f"{count} {word}{'' if count == 1 else 's'}"


def _versions(facts: Record) -> list[str]:
    rows = facts.get("versions") or []
    cur = (facts.get("overview") or {}).get("currency", "USD")
    return ["Plan versions:"] + [
        f"- v{v['version']}: {v['label'] or 'plan'} ({_n(v['days'], 'day')}, "
        f"{format_money(v['budget'], cur)})" + (" (current)" if v.get("current") else "")
        for v in rows
    ]


def _unread(facts: Record) -> list[str]:
    """Parts of the message no change was read from: said, so none is dropped silently."""
    parts = [str(p) for p in facts.get("unread") or []]
    if not parts:
        return []
    quoted = " and ".join(f'"{p}"' for p in parts)
    return [
        f"I could not read {quoted}, so {'it is' if len(parts) == 1 else 'they are'} not in "
        'this plan. Say it as a change I know, for example "the lead can\'t work days 6 to 10", '
        '"pin scene 12 to day 3" or "two fewer days".'
    ]


def _revisits(facts: Record) -> list[str]:
    """The sites the board keeps coming back to, and how to price keeping one together."""
    sites = (facts.get("overview") or {}).get("revisited") or []
    if not sites:
        return []
    first, *more = sites
    named = f"{first['site']} in {first['visits']} separate blocks of days" + "".join(
        f" and {s['site']} in {s['visits']}" for s in more
    )
    return [
        f'The board visits {named}: say "shoot {first["site"]} in one block" to see what '
        "keeping it together costs."
    ]


def _render(facts: Record) -> list[str]:
    r = facts.get("render_cost") or {}
    lines = [r.get("headline", "AI-shot estimate:")]
    lines += [f"- {step}" for step in r.get("steps", [])]
    return lines


_BY_KIND: dict[str, Callable[[Record], list[str]]] = {
    "plan": lambda f: site_csv_line(f) + _overview(f) + _savings(f) + _revisits(f),
    "what_if": lambda f: (
        [f"Re-planned as version {f.get('version')} ({f.get('changed', '')})."]
        + _unread(f)
        + list(f.get("notes") or [])
        + site_csv_line(f)
        + _in_force(f)
        + _diff(f)
        + _overview(f)[2:]
        + (_cuts(f) if f.get("cuts") else [])
        + _answers(f)
    ),
    "compare": _diff,
    "revert": lambda f: [f"Version {f.get('version')} is current again.", *_overview(f)],
    "question": _question,
    "render_cost": _render,
    "export": lambda f: [f"Exported the {f['export']['view']} as {f['export']['name']}."],
    "document": lambda f: [f["document"]["sentence"]],
    "progress": lambda f: (
        list((f.get("progress") or {}).get("text") or []) + (_cuts(f) if f.get("cuts") else [])
    ),
}
_VIEWS: dict[str, Callable[[Record], list[str]]] = {
    "schedule": _schedule,
    "stripboard": _schedule,
    "dood": _dood,
    "budget": lambda f: _overview(f)[1:2] + _accounts(f),
    "savings": _savings,
    "summary": lambda f: _overview(f) + _savings(f),
}


def write_summary(facts: Record) -> str:
    """The full deterministic answer for a turn's facts (notices first)."""
    lines = list(facts.get("notices") or [])
    kind = facts.get("kind", "chat")
    if kind == "show":
        lines += _VIEWS.get(facts.get("view") or "summary", _VIEWS["summary"])(facts)
    elif kind in _BY_KIND and not facts.get("failed"):
        lines += _BY_KIND[kind](facts)
    elif not lines:
        lines += _overview(facts) or [
            "Attach a screenplay (Fountain, Final Draft, PDF or plain text) and I will break it "
            "down, schedule it and budget it. Then ask for the schedule, the DOOD, the budget or "
            'savings, or try a what-if such as "two fewer days".'
        ]
    if facts.get("versions") and kind in {"compare", "revert"}:
        lines += _versions(facts)
    if not facts.get("failed"):
        # Written from the user's stored figures by templates: grounded, never missing.
        lines += list(facts.get("insights") or [])[:1]
    return "\n".join(line for line in lines if line)

"""Facts: the figures a turn's answer may use, taken from the plan records and nothing else.

Built from the JSON records in state (a `Plan`, a plan diff, a script); the respond node
hands them to the model and the grounding check compares the answer against them. Days are
shown 1-based here ("day 3"), as people say them; money is a float in the plan's currency.
"""

from __future__ import annotations

from datetime import date
from typing import Any

__all__ = [
    "budget_facts",
    "diff_facts",
    "dood_facts",
    "money",
    "overview_facts",
    "say_date",
    "schedule_facts",
]

Record = dict[str, Any]


def money(value: Any) -> float:
    """A money value from a record (Decimal strings, numbers or None) as a rounded float."""
    try:
        return round(float(value), 2)
    except (TypeError, ValueError):
        return 0.0


def say_date(iso: str) -> str:
    """'Monday 1 March 2027' for '2027-03-01' (the text as it came, if it is no ISO date)."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day:%A} {day.day} {day:%B %Y}"


def _days(schedule: Record | None) -> list[Record]:
    return list((schedule or {}).get("days") or [])


def overview_facts(plan: Record, script: Record | None = None) -> Record:
    """The headline figures of a plan: days, moves, budget range, savings."""
    budget = plan.get("budget") or {}
    baseline = plan.get("baseline") or {}
    days = _days(plan.get("schedule"))
    base_budget = baseline.get("budget") or {}
    savings: list[Record] = [
        {"analysis": str(s.get("analysis", "")), "amount": money(s.get("amount"))}
        for s in plan.get("savings") or []
    ]
    summary = plan.get("summary") or {}
    likely = money(budget.get("likely") or budget.get("total"))
    base_total = money(base_budget.get("likely") or base_budget.get("total"))
    total_saving = money(summary.get("total_saving")) or round(sum(s["amount"] for s in savings), 2)
    scenes = (script or {}).get("scenes") or []
    facts: Record = {
        "title": plan.get("title") or (script or {}).get("title", "Untitled"),
        "currency": budget.get("currency", "USD"),
        "scenes": len(scenes) or sum(len(d.get("strips") or []) for d in days),
        "pages": round(sum(int(s.get("eighths", 1)) for s in scenes) / 8, 2) if scenes else None,
        "shooting_days": len(days),
        "first_date": days[0].get("date") if days else None,
        "last_date": days[-1].get("date") if days else None,
        "baseline_days": len(_days(baseline.get("schedule"))) or None,
        "company_moves": summary.get("moves", sum(int(d.get("company_moves") or 0) for d in days)),
        "baseline_company_moves": summary.get("baseline_moves"),
        "budget_low": money(budget.get("low")),
        "budget_likely": likely,
        "budget_high": money(budget.get("high")),
        "baseline_budget": base_total or None,
        "total_saving": total_saving,
        "saving_pct": round(100 * total_saving / base_total, 1) if base_total else None,
        "sorted_days": len(_days((plan.get("sorted_board") or {}).get("schedule"))) or None,
        "sorted_budget": money(summary.get("sorted_likely")) or None,
        "saving_vs_sorted": money(summary.get("saving_vs_sorted"))
        if summary.get("sorted_likely")
        else None,
        "savings": savings,
        "solver_status": (plan.get("schedule") or {}).get("status"),
        "revisited": _revisited(days) or None,
    }
    return {key: value for key, value in facts.items() if value is not None}


_REVISITED = 3
"""Visit blocks from which a site is named in the plan's answer, with how to keep it together."""


def _revisited(days: list[Record]) -> list[Record]:
    """The two sites the board comes back to most (at least `_REVISITED` visit blocks: runs of
    consecutive shooting days there, as the budget's set-up lines count them)."""
    blocks: dict[str, int] = {}
    for d, day in enumerate(days):
        before = set(days[d - 1].get("sites") or []) if d else set()
        for site in day.get("sites") or []:
            if site not in before:
                blocks[site] = blocks.get(site, 0) + 1
    ranked = sorted(blocks.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"site": site, "visits": n} for site, n in ranked[:2] if n >= _REVISITED]


def schedule_facts(plan: Record) -> list[Record]:
    """The stripboard, one row per shooting day."""
    return [
        {
            "day": int(day.get("index", i)) + 1,
            "date": day.get("date"),
            "scenes": list(day.get("strips") or []),
            "locations": list(day.get("locations") or []),
            "pages": round(int(day.get("eighths") or 0) / 8, 3),
            "lighting": day.get("lighting", "DAY"),
        }
        for i, day in enumerate(_days(plan.get("schedule")))
    ]


def dood_facts(plan: Record) -> list[Record]:
    """The day-out-of-days per cast member: work, hold and drop days, first and last day."""
    rows = []
    for row in (plan.get("dood") or {}).get("rows") or []:
        start, finish = row.get("start_day"), row.get("finish_day")
        rows.append(
            {
                "name": row.get("name", ""),
                "work_days": int(row.get("work_days") or 0),
                "hold_days": int(row.get("hold_days") or 0),
                "drop_days": int(row.get("drop_days") or 0),
                "first_day": start + 1 if start is not None else None,
                "last_day": finish + 1 if finish is not None else None,
            }
        )
    return rows


def budget_facts(plan: Record) -> list[Record]:
    """The top sheet: one row per account with its total."""
    return [
        {"account": a.get("name") or a.get("code", ""), "total": money(a.get("total"))}
        for a in (plan.get("budget") or {}).get("accounts") or []
    ]


def _day(value: Any) -> int | None:
    return int(value) + 1 if value is not None else None


def diff_facts(diff: Record) -> Record:
    """A plan diff (`tools.plan.PlanDiff` as JSON) as facts: moved scenes, days, accounts."""
    return {
        "moved": [
            {
                "scene": m["scene"],
                "from_day": _day(m.get("old_day")),
                "to_day": _day(m.get("new_day")),
            }
            for m in diff.get("moved") or []
        ],
        "days_before": diff.get("days_before"),
        "days_after": diff.get("days_after"),
        "days_delta": diff.get("days_delta"),
        "cast": [
            {
                "name": d["name"],
                "work_days": f"{d['old_work']} -> {d['new_work']}",
                "hold_days": f"{d['old_hold']} -> {d['new_hold']}",
            }
            for d in diff.get("dood") or []
        ][:12],
        "accounts": [
            {
                "account": a.get("name") or a.get("code"),
                "change": money(a.get("delta")),
                "total": money(a.get("new")),
            }
            for a in diff.get("accounts") or []
            if money(a.get("delta"))
        ],
        "total_before": money(diff.get("total_before")),
        "total_after": money(diff.get("total_after")),
        "total_change": money(diff.get("total_delta")),
    }

"""What a progress plan version records, and what the next evening reads back from it.

A re-plan's version carries under "progress" the cost report, the days as resolved, the
(day, revision) pairs of the reports it was made from, the rates each shot day had, and the
answer's sentences. The next evening, what-if or going back keeps the shot days' recorded
costs while their reports are unchanged, and plans the rest under the rules in force.
"""

from __future__ import annotations

from typing import Any

from graph.state import State
from store.progress import StoredReport
from tools import progress as shoot
from tools.plan import Plan
from tools.script import Script

__all__ = [
    "filed_after",
    "progress_facts",
    "progress_record",
    "recorded_costs",
    "replanned_reports",
    "rules_in_force",
]

Record = dict[str, Any]


def replanned_reports(stored: list[StoredReport]) -> list[list[int]]:
    """The (day, revision) pairs a re-plan was made from, as its progress record keeps them."""
    return [[s.day, s.revision] for s in stored]


def progress_record(
    result: shoot.Progress, approved_version: int, reports: list[list[int]]
) -> Record:
    """What a progress plan version carries: the cost report, the days as resolved, the
    reports it was made from and the rates each shot day was shot at."""
    return {
        "approved_version": approved_version,
        "forecast": result.forecast.model_dump(mode="json"),
        "days": [day.model_dump(mode="json") for day in result.days],
        "reports": reports,
        "rates": [r.model_dump(mode="json") for r in result.rates],
        "text": result.text,
    }


def progress_facts(
    state: State, ask: str, text: list[str], progress: Record, **extra: Any
) -> Record:
    """The facts of a progress answer: its sentences and the charts' figures."""
    chart = {k: progress["forecast"][k] for k in _CHART_KEYS}
    facts = {**state.facts, "kind": "progress", **extra}
    return {**facts, "progress": {"ask": ask, "text": text, "chart": chart}}


_CHART_KEYS = (
    "currency",
    "planned_pages",
    "actual_pages",
    "forecast_pages",
    "approved_cumulative",
    "forecast_cumulative",
    "approved",
)


def recorded_costs(plan: Record | None, filed: list[list[int]]) -> list[Record]:
    """What the shot days cost as `plan`'s evening recorded it, for the first days whose
    report (day, revision) is still the one filed; an edited day and those after it are
    costed again."""
    record = (plan or {}).get("progress") or {}
    costs, made_from = record.get("forecast", {}).get("day_costs", []), record.get("reports", [])
    kept = []
    for cost, was, now in zip(costs, made_from, filed, strict=False):
        if list(was) != list(now):
            break
        kept.append(cost)
    return kept


def rules_in_force(state: State, current: Plan, reported: int) -> dict[str, Any]:
    """The current version's day rules and rates for the rest, and the rates shot days had."""
    history = [
        shoot.RatesFrom.model_validate(r)
        for r in (state.plan or {}).get("progress", {}).get("rates", [])
    ]
    rules = (
        shoot.day_rules(Script.model_validate(state.script), current.inputs)
        if state.script
        else None
    )
    rates = shoot.rate_history(history, current.inputs, current.inputs, reported)
    return {"inputs": current.inputs, "rules": rules, "rates": rates}


def filed_after(stored: list[StoredReport], report: shoot.DayReport) -> list[list[int]]:
    """The (day, revision) pairs once `report` is saved as the next revision of its day."""
    revisions = {s.day: s.revision for s in stored}
    revisions[report.day] = revisions.get(report.day, 0) + 1
    return [[d, r] for d, r in sorted(revisions.items())]

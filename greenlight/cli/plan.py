"""`greenlight plan FILE`: breakdown -> schedule -> savings -> budget -> summary.

Prints readable tables (summary, stripboard, top sheet, savings, cuts) or one JSON object.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from greenlight.cli.common import UserError, print_json
from greenlight.settings import Settings
from tools.budget import format_money

__all__ = ["plan_json", "print_plan", "register"]


def register(subparsers: Any) -> None:
    """Add the `plan` subcommand."""
    parser = subparsers.add_parser(
        "plan",
        help="plan a screenplay: schedule, budget, savings",
        description="Break a screenplay down, schedule it, budget it and find savings.",
    )
    parser.add_argument("file", type=Path, help="screenplay (.fountain, .fdx, .pdf, .txt)")
    parser.add_argument("--days", type=int, help="exact number of shooting days")
    parser.add_argument("--pages-per-day", type=float, help="pages shot per day (default 4)")
    parser.add_argument("--rate-card", type=Path, help="CSV rate card (default: data/)")
    parser.add_argument("--currency", help="currency of the rate card (default USD)")
    parser.add_argument("--time-limit", type=float, help="solver time limit in seconds")
    parser.add_argument(
        "--stage",
        action="append",
        default=[],
        metavar="SCENE",
        help="move this stunt scene to a stage (repeatable)",
    )
    parser.add_argument("--budget-cap", type=float, help="a budget cap: what to cut to meet it")
    parser.add_argument("--no-cache", action="store_true", help="plan again even if cached")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=handle)


def _read(path: Path) -> Any:
    from tools import parsing

    if not path.is_file():
        raise UserError(f"{path} does not exist or is not a file")
    if hasattr(parsing, "read_path"):
        return parsing.read_path(path)
    return parsing.read_script(path.read_bytes(), filename=path.name)


def _breakdown(script: Any, tiers: dict[str, str], sites: list[Any]) -> dict[str, Any]:
    placed = {a.index: a for a in sites}
    scenes = [
        {
            "number": s.number,
            "heading": s.heading,
            "int_ext": s.int_ext,
            "location": s.location,
            "main_location": s.main_location,
            **_site(placed.get(i)),
            "lighting": s.lighting,
            "eighths": s.eighths,
            "cast": s.cast,
            "elements": {
                cat: [e.name for e in found] for cat, found in s.elements.items() if found
            },
        }
        for i, s in enumerate(script.scenes)
    ]
    return {"title": script.title, "format": script.format, "scenes": scenes, "cast": tiers}


def _site(a: Any) -> dict[str, Any]:
    if a is None:
        return {"site": None, "set": None, "site_kind": None, "site_reason": None}
    return {
        "site": a.site,
        "set": a.set,
        "site_kind": a.kind,
        "site_reason": a.site_reason,
        "site_confidence": a.confidence,
    }


def _baselines(plan: Any) -> dict[str, Any]:
    out = {}
    for name, base in (("script_order", plan.baseline), ("sorted_board", plan.sorted_board)):
        if base is not None:
            out[name] = {
                "days": len(base.schedule.days),
                "company_moves": sum(d.company_moves for d in base.schedule.days),
                "likely": float(base.budget.likely),
            }
    return out


def plan_json(script: Any, plan: Any, cuts: Any = None) -> dict[str, Any]:
    """The plan as one JSON-ready object (the `--json` output)."""
    out = {
        "breakdown": _breakdown(script, plan.tiers, plan.sites),
        "schedule": {**plan.schedule.model_dump(mode="json"), "gap": plan.schedule.gap},
        "baselines": _baselines(plan),
        "dood": plan.dood.model_dump(mode="json") if plan.dood else None,
        "budget": plan.budget.model_dump(mode="json") if plan.budget else None,
        "baseline": plan.baseline.model_dump(mode="json"),
        "savings": [
            {"analysis": s.analysis, "amount": float(s.amount), "detail": s.detail}
            for s in plan.savings
        ],
        "stunt_candidates": [c.model_dump(mode="json") for c in plan.stunt_candidates],
        "summary": plan.summary.model_dump(mode="json"),
    }
    if cuts is not None:
        out["cuts"] = cuts.model_dump(mode="json")
    return out


def _stripboard(plan: Any) -> None:
    by_id = {strip.id: strip for strip in plan.problem.strips}
    print(f"\n{'Day':>4}  {'Scenes':<28}{'Pages':>7}  {'D/N':<6}{'Moves':>6}{'Min':>6}  Sites")
    for day in plan.schedule.days:
        scenes = ", ".join(day.strips)
        if len(scenes) > 26:
            scenes = scenes[:23] + "..."
        eighths = sum(by_id[s].eighths for s in dict.fromkeys(day.strips))
        pages = f"{eighths // 8} {eighths % 8}/8" if eighths % 8 else f"{eighths // 8}"
        where = " -> ".join(day.sites or day.locations)
        moves = f"{day.company_moves}+{day.set_moves}"
        print(
            f"{day.index + 1:>4}  {scenes:<28}{pages:>7}  {day.lighting:<6}{moves:>6}"
            f"{round(day.day_minutes):>6}  {where}"
        )


def _topsheet(plan: Any) -> None:
    budget, cur = plan.budget, plan.currency
    print(f"\n{'Acct':<6}{'Account':<32}{'Subtotal':>16}{'Fringes':>14}{'Total':>16}")
    for a in budget.accounts:
        print(
            f"{a.code:<6}{a.name:<32}{format_money(a.subtotal, cur):>16}"
            f"{format_money(a.fringes, cur):>14}{format_money(a.total, cur):>16}"
        )
    print(f"{'':<6}{'Total (likely)':<32}{'':>30}{format_money(budget.likely, cur):>16}")
    print(f"Range: low {format_money(budget.low, cur)}, high {format_money(budget.high, cur)}")


def _savings(plan: Any) -> None:
    print(f"\n{'Analysis':<24}{'Saving':>16}  Detail")
    for s in plan.savings:
        print(f"{s.analysis:<24}{format_money(s.amount, plan.currency):>16}  {s.detail}")


def print_plan(plan: Any, cuts: Any = None) -> None:
    """Print the plan as tables (the command's default output)."""
    print(f"{plan.title}\n")
    for line in plan.summary.text:
        print(line)
    if plan.budget is None:
        for sentence in plan.schedule.diagnosis:
            print(f"- {sentence}")
        return
    _stripboard(plan)
    _topsheet(plan)
    _savings(plan)
    if cuts is not None:
        print(f"\nBudget cap {format_money(cuts.cap, plan.currency)}: {cuts.message}")
        for cut in cuts.cuts:
            mark = "*" if cut.selected else " "
            print(
                f" {mark} {format_money(cut.saving, plan.currency):>14}  {cut.action} "
                f"(trades away {cut.traded_away})"
            )


def handle(args: argparse.Namespace) -> int:
    """Run the pipeline and print the plan."""
    from tools.plan import PlanCache, PlanInputs, cuts_for_cap, make_plan

    settings = Settings()
    rate_card = args.rate_card or settings.rate_card
    inputs = PlanInputs(
        days=args.days,
        pages_per_day=args.pages_per_day or settings.pages_per_day,
        rate_card=str(rate_card) if rate_card else None,
        currency=args.currency or settings.currency,
        stage_moves=args.stage,
        budget_cap=args.budget_cap,
        time_limit_s=args.time_limit or settings.solver_time_limit_s,
        seed=settings.solver_seed,
    )
    script = _read(args.file)
    cache = None if args.no_cache else PlanCache(settings.data_dir / "cache")
    plan = make_plan(script, inputs, cache=cache)
    cuts = cuts_for_cap(plan, args.budget_cap) if args.budget_cap and plan.budget else None
    if args.json:
        print_json(plan_json(script, plan, cuts))
    else:
        print_plan(plan, cuts)
    return 0 if plan.budget is not None else 2

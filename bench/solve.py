"""Schedule optimizer benchmarks: the published instances against their optima, and a feature.

Prints one table: instance, optimum, our cost, gap to the optimum, status, seconds, and for
the large instances the baseline's cost and the solver's bound.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.schedule_feature import feature_problem
from tools.schedule import baseline, optimize
from tools.schedule.benchmarks import benchmark_cost, read_benchmark

__all__ = ["run"]

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "benchmarks"
SECTIONS = {
    "talent_scheduling": ("talent", "optimal_total_cost", 10.0),
    "movie_shoot_scheduling": ("mssp", "optimal_cost", 60.0),
    "scene_allocation": ("scene-allocation", "optimal_cost", 30.0),
}


def _row(
    name: str, optimum: object, cost: float | None, status: str, seconds: float, extra: str = ""
) -> str:
    gap = (
        "-"
        if cost is None or not isinstance(optimum, (int, float))
        else (f"{(cost - optimum) / optimum:+.1%}")
    )
    shown = "-" if cost is None else f"{cost:,.0f}"
    return f"{name:<34} {optimum!s:>9} {shown:>12} {gap:>7} {status:>10} {seconds:7.2f}  {extra}"


def run(args: argparse.Namespace) -> None:
    """Solve every catalogued instance and the generated feature; print the table."""
    catalog = json.loads((DATA / "catalog.json").read_text(encoding="utf-8"))
    quick = getattr(args, "quick", False)
    print(f"{'instance':<34} {'optimum':>9} {'ours':>12} {'gap':>7} {'status':>10} {'seconds':>7}")
    for section, (kind, key, limit) in SECTIONS.items():
        for entry in catalog[section]:
            problem = read_benchmark(DATA / entry["file"], kind)  # type: ignore[arg-type]
            options = problem.options.model_copy(update={"time_limit_s": 5.0 if quick else limit})
            problem = problem.model_copy(update={"options": options})
            result = optimize(problem)
            found = result.status in ("optimal", "feasible")
            cost = benchmark_cost(kind, result) if found else None  # type: ignore[arg-type]
            extra = ""
            if entry[key] is None:
                base = benchmark_cost(kind, baseline(problem))  # type: ignore[arg-type]
                offset = result.cost.cast_work if kind == "mssp" else 0.0
                bound = None if result.bound is None else result.bound - offset
                extra = f"baseline {base:,.0f}, bound {bound if bound is None else round(bound)}"
            print(
                _row(entry["file"], entry[key], cost, result.status, result.seconds, extra),
                flush=True,
            )
    for label, rules in (("", False), (", day in minutes", True)):
        problem = feature_problem(time_limit_s=10.0 if quick else 30.0, day_rules=rules)
        base = baseline(problem).cost.total
        result = optimize(problem)
        gap = "-" if result.gap is None else f"{result.gap:.1%}"
        shown = "-" if result.bound is None else f"{result.bound:,.0f}"
        print(
            _row(
                f"generated feature (150 scenes{label})",
                "-",
                result.cost.total,
                result.status,
                result.seconds,
                f"baseline {base:,.0f}, bound {shown}, gap {gap}",
            )
        )

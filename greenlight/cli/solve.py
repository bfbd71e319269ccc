"""`greenlight solve FILE --format talent|mssp|scene-allocation`: solve a published benchmark.

The benchmark is converted to a scheduling problem and solved by the product's optimizer;
the cost printed is the benchmark's own (TOTAL for talent scheduling, idle plus location
cost for movie shoot scheduling, total pay for scene allocation).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from greenlight.cli.common import UserError, print_json
from tools.schedule import optimize
from tools.schedule.benchmarks import benchmark_cost, read_benchmark, scene_order
from tools.schedule.model import ScheduleResult

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `solve` subcommand."""
    parser = subparsers.add_parser("solve", help="solve a published scheduling benchmark")
    parser.add_argument("file", help="benchmark file")
    parser.add_argument(
        "--format", required=True, choices=["talent", "mssp", "scene-allocation"], dest="kind"
    )
    parser.add_argument("--time-limit", type=float, default=None, help="seconds (default 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Solve the file and print the answer; exit 1 when no schedule exists."""
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"no such file: {args.file}")
    problem = read_benchmark(path, args.kind)
    if args.time_limit is not None:
        if args.time_limit <= 0:
            raise UserError(f"--time-limit must be positive, got {args.time_limit}")
        problem = problem.model_copy(
            update={"options": problem.options.model_copy(update={"time_limit_s": args.time_limit})}
        )
    result = optimize(problem)
    found = result.status in ("optimal", "feasible")
    answer: dict[str, object] = {
        "cost": benchmark_cost(args.kind, result) if found else None,
        "status": result.status,
        "bound": _benchmark_bound(args.kind, result) if found else None,
        "seconds": round(result.seconds, 3),
    }
    if args.kind == "scene-allocation":
        answer["days"] = [[int(sid) for sid in day.strips] for day in result.days]
    else:
        answer["order"] = scene_order(result)
    if args.json:
        print_json(answer)
    elif found:
        print(
            f"{path.name}: cost {answer['cost']:g} ({result.status}, bound {answer['bound']:g}) "
            f"in {result.seconds:.2f} s"
        )
    else:
        print(f"{path.name}: {result.status}: {' '.join(result.diagnosis)}")
    return 0 if found else 1


def _benchmark_bound(kind: str, result: ScheduleResult) -> float | None:
    if result.bound is None:
        return None
    # The acting cost is the same in every order, so the bound shifts by the same amount.
    return result.bound - (result.cost.cast_work if kind == "mssp" else 0.0)

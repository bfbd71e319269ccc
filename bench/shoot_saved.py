"""The halfway forecast judged again on saved shoots, without shooting them again.

`python -m bench.shoot_floor --save DIR` pickles, per seed, the plan, the halfway evening
(its re-plan and reports), the last evening's forecast and the floor (the finals of the
branches shot from halfway). `python -m bench.shoot_saved DIR` prices each halfway evening
again with the forecast as the code now has it (`tools.progress.evening.price`: hot costs,
rollouts, forecast; the re-plan is the saved one) and prints the table of `bench.shoot` and
`bench.shoot_floor`: per seed the error against the seed's own final, its split into days,
hot costs and the rest (`bench.shoot_estimators.sources`), the floor and the error above it,
and the forecast against the mean of the finals (the seed's own and its branches').
The simulated shoot never depends on the forecast, so two versions of the forecast judged on
the same saved shoots differ by the forecast alone (the re-plans' solver noise kept out).
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import time
from pathlib import Path
from typing import Any

from bench import shoot_estimators as estimators
from bench.shoot import _parts
from tools.progress.evening import price

__all__ = ["judge", "load"]


class _Unpickler(pickle.Unpickler):
    """`bench.shoot_floor` run as a script pickles its classes as `__main__`'s."""

    def find_class(self, module: str, name: str) -> Any:
        return super().find_class("bench.shoot_floor" if module == "__main__" else module, name)


def load(path: Path) -> tuple[Any, ...]:
    """One saved seed: the plan, the halfway evening, the last forecast, the floor."""
    with path.open("rb") as file:
        return tuple(_Unpickler(file).load())


def judge(path: Path) -> dict[str, float]:
    """One saved seed: the halfway forecast priced now against its final and its floor."""
    approved, half, final, floor = load(path)
    result = half.result
    k = len(result.days)
    tick = time.perf_counter()
    again = price(approved, result.plan, result.rest, result.days, recorded=half.recorded[: k - 1])
    seconds = time.perf_counter() - tick
    f = again.forecast
    own = floor.finals[0]
    parts = estimators.sources(_parts(f), _parts(final))
    error = (float(f.at_completion) - own) / own * 100
    return {
        "seed": floor.seed,
        "days": floor.days,
        "final": own,
        "halfway": float(f.at_completion),
        "error": error,
        "by_days": parts["by_days"],
        "by_hot": parts["by_hot"],
        "by_rest": parts["by_rest"],
        "floor": floor.floor,
        "above": abs(error) - floor.floor,
        "bias": (float(f.at_completion) - statistics.fmean(floor.finals))
        / statistics.fmean(floor.finals)
        * 100,
        "extra_days": float(f.extra_days),
        "sample_spread": f.extra_sample_spread,
        "seconds": seconds,
        "replan_median": statistics.median(floor.seconds) if floor.seconds else 0.0,
        "replan_max": max(floor.seconds) if floor.seconds else 0.0,
    }


def main() -> None:
    """Print the table over the saved seeds in DIR (or the seeds given)."""
    parser = argparse.ArgumentParser(prog="python -m bench.shoot_saved")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seeds", help="comma-separated (default: every saved seed)")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("seed-*.pickle"))
    if args.seeds:
        paths = [args.folder / f"seed-{s}.pickle" for s in args.seeds.split(",")]
    rows = [judge(p) for p in paths]
    for r in rows:
        print(
            f"{r['seed']:.0f}: {r['days']:.0f} days, error {r['error']:+.2f}% "
            f"({r['by_days']:+.2f}/{r['by_hot']:+.2f}/{r['by_rest']:+.2f}) floor "
            f"{r['floor']:.2f}% above {r['above']:+.2f}; against the finals' mean "
            f"{r['bias']:+.2f}%; extra days {r['extra_days']:.2f} "
            f"(sd {r['sample_spread']:.2f}); re-plan median / max {r['replan_median']:.2f} / "
            f"{r['replan_max']:.2f} s; priced again in {r['seconds']:.2f} s",
            flush=True,
        )
    if rows:
        errors = [r["error"] for r in rows]
        print(
            f"mean / max / signed {statistics.fmean(abs(e) for e in errors):.2f} / "
            f"{max(abs(e) for e in errors):.2f} / {statistics.fmean(errors):+.2f}%; floor "
            f"mean {statistics.fmean(r['floor'] for r in rows):.2f}%; above the floor mean "
            f"{statistics.fmean(r['above'] for r in rows):+.2f}; against the finals' mean "
            f"|bias| {statistics.fmean(abs(r['bias']) for r in rows):.2f}%, signed "
            f"{statistics.fmean(r['bias'] for r in rows):+.2f}%",
            flush=True,
        )


if __name__ == "__main__":
    main()

"""The halfway forecast of `bench.shoot` judged against other estimators and a hindsight floor.

Each evening records the forecast's parts; from them the same shoots price three estimators
of the extra days the slips add to the board:

- board: none (the re-plan's days as booked, hot costs at the run rate);
- pace: the days left stretched by the pace so far (planned / shot pages - 1), the earlier
  forecast;
- rollouts: the mean of the seeded rollouts (`tools.progress.rollout`), the forecast now.

`sources` splits the halfway forecast's error into its parts: the days (the board's and the
allowance's extra days against the days shot, at the cost of a remaining day), the hot costs
(overtime and background at the run rate against what the reports came to), and the rest
(what the final board's days cost beyond that average day: return days, cast carried longer,
moves).

The hindsight floor is the board forecast times the one constant that fits these seeds best
(it knows every final cost): what a single correction factor could at best achieve. The
rollouts' spread in percent is their own estimate of the remaining half's randomness, the
part no forecast made at halfway can remove.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence

__all__ = ["ESTIMATORS", "estimate", "floor", "sources", "summary"]

ESTIMATORS = ("board", "pace", "rollouts")

Evening = Mapping[str, float]


def estimate(name: str, e: Evening) -> float:
    """The forecast at completion `name` makes on evening `e` (parts from `bench.shoot`)."""
    left = e["board_days"] - e["reported"]
    hot_rate = e["hot"] / e["reported"] if e["reported"] else 0.0
    board = e["at_completion"] - e["allowance"] + hot_rate * left
    if name == "board":
        return board
    extra = e["pace"] * left if name == "pace" else e["extra_days"]
    hot_extra = 0.0 if name == "pace" else hot_rate * extra
    return board + e["day_cost"] * extra + hot_extra


def _errors(pairs: Sequence[tuple[float, float]]) -> list[float]:
    return [(guess - final) / final * 100 for guess, final in pairs]


def summary(pairs: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """Mean absolute, max absolute and mean signed error (percent) of (forecast, final)."""
    errors = _errors(pairs)
    absolute = [abs(x) for x in errors]
    return statistics.mean(absolute), max(absolute), statistics.mean(errors)


def floor(pairs: Sequence[tuple[float, float]]) -> tuple[float, tuple[float, float, float]]:
    """The constant factor on the forecasts that fits the finals best (least mean absolute
    error, searched in 0.01% steps), and the errors it leaves."""
    best = min(
        (1 + step / 10000 for step in range(-1500, 1501)),
        key=lambda c: sum(abs(c * g - f) / f for g, f in pairs),
    )
    return best, summary([(best * g, f) for g, f in pairs])


def sources(halfway: Evening, final: Evening) -> dict[str, float]:
    """The halfway forecast's error against the final cost split into days, hot costs and
    the rest (each in percent of the final cost; they add up to the error)."""
    left = halfway["board_days"] - halfway["reported"]
    hot_rate = halfway["hot"] / halfway["reported"] if halfway["reported"] else 0.0
    days = halfway["board_days"] + halfway["extra_days"]
    hot = halfway["hot"] + hot_rate * (left + halfway["extra_days"])
    total = final["at_completion"]
    error = halfway["at_completion"] - total
    by_days = (days - final["board_days"]) * halfway["day_cost"]
    by_hot = hot - final["hot"]
    return {
        "days": days,
        "days_shot": final["board_days"],
        "error": error / total * 100,
        "by_days": by_days / total * 100,
        "by_hot": by_hot / total * 100,
        "by_rest": (error - by_days - by_hot) / total * 100,
    }

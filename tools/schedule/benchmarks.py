"""The published benchmarks as scheduling problems, and their own cost definitions.

Only the input is converted: a talent-scheduling scene of d days is a strip filling d whole
days, the number of days is fixed at the sum of durations, and cast are paid from first to
last day. Movie shoot scheduling adds location re-setup costs and precedences; scene
allocation packs scenes five a day into at most five days, cast paid per day worked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from tools.schedule.model import (
    CastMember,
    ScheduleCosts,
    ScheduleOptions,
    ScheduleProblem,
    ScheduleResult,
    Strip,
)

__all__ = [
    "BenchmarkKind",
    "benchmark_cost",
    "read_benchmark",
    "read_mssp",
    "read_scene_allocation",
    "read_talent",
    "scene_order",
]

BenchmarkKind = Literal["talent", "mssp", "scene-allocation"]


def _ints(text: str, *, skip_first_line: bool) -> list[int]:
    body = text.split("\n", 1)[1] if skip_first_line else text
    try:
        return [int(token) for token in body.split()]
    except ValueError as exc:
        raise ValueError(f"not a benchmark of integers: {exc}") from None


def _take(values: list[int], at: int, count: int, what: str) -> list[int]:
    if at + count > len(values):
        raise ValueError(f"benchmark file ends early while reading {what}")
    return values[at : at + count]


def _options(**kwargs: object) -> ScheduleOptions:
    return ScheduleOptions(time_limit_s=10.0, **kwargs)  # type: ignore[arg-type]


def read_talent(text: str) -> ScheduleProblem:
    """A talent-scheduling instance (name line, n, m, m rows of n flags + cost, n durations)."""
    v = _ints(text, skip_first_line=True)
    n, m = _take(v, 0, 2, "the sizes")
    rows = [_take(v, 2 + a * (n + 1), n + 1, f"actor {a}") for a in range(m)]
    durations = _take(v, 2 + m * (n + 1), n, "the durations")
    strips = [
        Strip(
            id=str(s),
            days=durations[s],
            whole_day=True,
            cast=[f"A{a}" for a in range(m) if rows[a][s]],
        )
        for s in range(n)
    ]
    cast = [CastMember(name=f"A{a}", day_rate=rows[a][n]) for a in range(m)]
    return ScheduleProblem(strips=strips, cast=cast, options=_options(fixed_days=sum(durations)))


def read_mssp(text: str) -> ScheduleProblem:
    """A movie-shoot-scheduling instance (sizes, costs, durations, locations, matrix, pairs)."""
    v = _ints(text, skip_first_line=False)
    n_actors, n_scenes, n_locations, n_pairs = _take(v, 0, 4, "the sizes")
    at = 4
    actor_cost = _take(v, at, n_actors, "actor costs")
    location_cost = _take(v, at := at + n_actors, n_locations, "location costs")
    durations = _take(v, at := at + n_locations, n_scenes, "durations")
    locations = _take(v, at := at + n_scenes, n_scenes, "scene locations")
    matrix = _take(v, at := at + n_scenes, n_actors * n_scenes, "the actor matrix")
    pairs = _take(v, at + n_actors * n_scenes, 2 * n_pairs, "precedences")
    strips = [
        Strip(
            id=str(s),
            days=durations[s],
            whole_day=True,
            main_location=f"L{locations[s]}",
            cast=[f"A{a}" for a in range(n_actors) if matrix[a * n_scenes + s]],
        )
        for s in range(n_scenes)
    ]
    costs = ScheduleCosts(location_setup={f"L{i}": float(c) for i, c in enumerate(location_cost)})
    precedences = [(str(pairs[2 * k]), str(pairs[2 * k + 1])) for k in range(n_pairs)]
    return ScheduleProblem(
        strips=strips,
        cast=[CastMember(name=f"A{a}", day_rate=c) for a, c in enumerate(actor_cost)],
        costs=costs,
        options=_options(fixed_days=sum(durations), precedences=precedences),
    )


def read_scene_allocation(text: str) -> ScheduleProblem:
    """The scene-allocation instance (JSON: maxDay, maxScenesPerDay, actors, pay, scenes)."""
    data = json.loads(text)
    names = data["actors"]
    strips = [
        Strip(id=str(s), eighths=0, cast=[names[a - 1] for a in actors])
        for s, actors in enumerate(data["scene_actors_1based"])
    ]
    cast = [CastMember(name=n, day_rate=p) for n, p in zip(names, data["pay_per_day"], strict=True)]
    return ScheduleProblem(
        strips=strips,
        cast=cast,
        costs=ScheduleCosts(cast_pay="worked"),
        options=_options(max_days=data["maxDay"], max_scenes_per_day=data["maxScenesPerDay"]),
    )


def read_benchmark(path: str | Path, kind: BenchmarkKind) -> ScheduleProblem:
    """Read a benchmark file of the given kind; raises ValueError for a malformed file."""
    text = Path(path).read_text(encoding="utf-8")
    readers = {"talent": read_talent, "mssp": read_mssp, "scene-allocation": read_scene_allocation}
    if kind not in readers:
        raise ValueError(f"unknown benchmark kind {kind!r}; use talent, mssp or scene-allocation")
    try:
        return readers[kind](text)
    except (KeyError, IndexError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{Path(path).name} is not a {kind} benchmark: {exc}") from None


def benchmark_cost(kind: BenchmarkKind, result: ScheduleResult) -> float:
    """The benchmark's own cost: TOTAL (talent), idle + location (mssp), pay (allocation)."""
    if kind == "mssp":
        return result.cost.total - result.cost.cast_work
    return result.cost.total


def scene_order(result: ScheduleResult) -> list[int]:
    """0-based scene ids in shooting order (each multi-day scene once)."""
    order: list[int] = []
    for day in result.days:
        for sid in day.strips:
            if int(sid) not in order:
                order.append(int(sid))
    return order

"""How many days the slips still to come add: the rest of the shoot played out in rollouts.

The board after an evening assumes every day left goes as booked. The shot days say how they
really went: per day, which booked scenes were left unfinished and what share of their booked
eighths stayed undone. A rollout shoots the days left one by one, each going as the shot days
went, in turn (a day's unfinished shares applied to the last scenes of that day's board, no
more than the shot day's undone share of what the day holds: a full day slips as the shot day
did, a day of a few leftovers gathered at the end finishes instead of slipping to the cap); one
rollout starts from each shot day, so every shot day weighs the same and the answer is the
same every time it is asked. The work left goes back on the board as a 1st AD would put
it: on a later day at its site with room, else on a later day with room for one more
company move, else on a day of its own at the end (a site already left behind costs a
return day). The mean over the rollouts, less the board's own days, is the slips' extra
days; their spread says how the rest could go if it slips as the shot days did.

That spread takes the shot days as they came: after half the shoot they are a sample of a
dozen or two days, and a shoot whose first half slipped on 8 days of 18 (or 4 of 17) may go
on at another rate (measured in `bench.shoot_floor` on the 30-day feature, 5 seeds: the
halfway forecast sits 3.5% from the mean of the finals on average, 1.5% when its rollouts
play the simulator's own rates instead). So a second spread is drawn from rollouts of the
shot days resampled with replacement (seeded: the same answer every time it is asked).

Pick-ups are taken as shot within their days (they add no day); the rollout knows nothing
but the reports and the board.
"""

from __future__ import annotations

import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tools.progress.board import rest_id, strip_portion
from tools.progress.dayfit import DayFit
from tools.progress.ledger import ResolvedDay, scene_of
from tools.schedule.model import ScheduleProblem, ScheduleResult, Strip

__all__ = ["DayGone", "Outlook", "Pattern", "days_gone", "outlook", "replay", "slip_patterns"]


@dataclass(frozen=True)
class Outlook:
    """The extra days the slips still to come add to the board, over the rollouts."""

    extra_days: float
    """Mean days the rollouts needed beyond the board's (at least 0, at most the days left)."""
    spread: float
    """Standard deviation of the rollouts' days."""
    slip_days: int
    """Shot days that left booked work unfinished."""
    shot_days: int
    """Shot days the patterns come from."""
    rollouts: int
    """Rollouts played (one from each shot day; 0 when nothing slipped)."""
    sample_spread: float = 0.0
    """Standard deviation of the days over rollouts of the shot days resampled (with
    replacement): with the shot days' own uncertainty as a sample of the shoot."""


LEAST_RESAMPLES = 20
"""Rollouts of resampled shot days behind `Outlook.sample_spread`: one for each shot day, at
least this many. (100 of them took up to 5 s an evening on the 150-scene feature under load,
against 0.02 s for the in-turn rollouts: a rollout of many slips runs to twice the board.)"""

Pattern = tuple[float, ...]
"""Shares of booked eighths left undone by one shot day, its unfinished scenes in board order."""


@dataclass(frozen=True)
class DayGone:
    """How one shot day went: its pattern, and the share of its booked eighths left undone."""

    shares: Pattern
    undone: float | None = None
    """The share of its booked eighths the day left undone (None: not known). A day played
    by it leaves at most that share of what it holds, so a day of a few leftovers finishes
    where a full day slips as the shot day did."""


def days_gone(days: Sequence[ResolvedDay], scenes: Mapping[str, int]) -> list[DayGone]:
    """Per shot day its `slip_patterns` pattern and the share of its booked eighths undone."""
    return [DayGone(p, undone) for p, undone in _slips(days, scenes)]


def slip_patterns(days: Sequence[ResolvedDay], scenes: Mapping[str, int]) -> list[Pattern]:
    """Per shot day the share of each booked scene's eighths it left undone (finished: none)."""
    return [p for p, _ in _slips(days, scenes)]


def _slips(days: Sequence[ResolvedDay], scenes: Mapping[str, int]) -> list[tuple[Pattern, float]]:
    done: dict[str, int] = {}
    out: list[tuple[Pattern, float]] = []
    for day in days:
        shot: dict[str, int] = {}
        for p in day.shot:
            shot[p.scene] = shot.get(p.scene, 0) + p.eighths
        shares, undone, total = [], 0, 0
        for scene in day.planned:
            booked = scenes.get(scene, 0) - done.get(scene, 0)
            total += max(0, booked)
            if booked > 0 and shot.get(scene, 0) < booked:
                shares.append((booked - shot.get(scene, 0)) / booked)
                undone += booked - shot.get(scene, 0)
        # Work pulled forward from later days offsets what was left: a day that shot scenes
        # 1 and 2 instead of its booked 3 is ahead, not a day that left all its work undone.
        ahead = sum(e for scene, e in shot.items() if scene not in day.planned)
        net = max(0, undone - ahead)
        pattern = tuple(x * net / undone for x in shares) if net else ()
        out.append((pattern, net / total if total else 0.0))
        for scene, eighths in shot.items():
            done[scene] = done.get(scene, 0) + eighths
    return out


def _place(board: list[list[Strip]], strip: Strip, start: int, rules: DayFit) -> None:
    """`strip` onto the board whose first day is shot on `start`: the first day at its site
    with room, else the first with room for a company move, else a day of its own at the end."""
    for move in (False, True):
        for i, day in enumerate(board):
            same = bool(day) and strip.main_location in {s.main_location for s in day}
            if (same or move) and rules.fits(day, strip, start + i):
                day.append(strip)
                return
    board.append([strip])


def _shoot_day(day: list[Strip], gone: DayGone) -> list[Strip]:
    """The work `day` leaves undone when it goes like `gone`, as strips back on the board: its
    pattern's shares of its last scenes, but no more than the shot day's undone share of what
    `day` holds (a day of a few leftovers finishes; a full day slips as the shot day did)."""
    movable = [s for s in day if s.eighths > 0 and s.days == 1 and not s.whole_day]
    room = None if gone.undone is None else round(sum(s.eighths for s in day) * gone.undone)
    out = []
    for strip, share in zip(reversed(movable), reversed(gone.shares), strict=False):
        if room is not None and room <= 0:
            break
        left = strip.eighths  # not shot, or too short to part-shoot
        if share < 1 and strip.eighths >= 2:
            left = min(strip.eighths - 1, max(1, round(strip.eighths * share)))
        if room is not None:
            left = min(left, room)
            room -= left
        out.append(strip_portion(strip, rest_id(scene_of(strip.id)), left))
    return out[::-1]


def _rollout(
    board: list[list[Strip]], patterns: Sequence[DayGone], first: int, rules: DayFit
) -> int:
    """Days the board takes when its days go like `patterns` in turn (at most twice its own)."""
    board = [list(day) for day in board]
    cap, used = 2 * len(board), 0
    while board and used < cap:
        day = board.pop(0)
        for strip in _shoot_day(day, patterns[used % len(patterns)]):
            _place(board, strip, first + used + 1, rules)
        used += 1
    return used


def replay(
    problem: ScheduleProblem,
    schedule: ScheduleResult,
    shot_days: int,
    sequences: Sequence[Sequence[Pattern | DayGone]],
) -> tuple[int, list[int]]:
    """The days left on `schedule` after `shot_days`, and the days each sequence of patterns
    (one a day, in turn; a bare pattern shoots what any day holds) takes them."""
    by_id = {s.id: s for s in problem.strips}
    board = [[by_id[sid] for sid in d.strips if sid in by_id] for d in schedule.days[shot_days:]]
    if not board:
        return 0, []
    rules = DayFit(problem)
    played = [[g if isinstance(g, DayGone) else DayGone(g) for g in seq] for seq in sequences]
    return len(board), [_rollout(board, seq, shot_days, rules) for seq in played]


def outlook(
    problem: ScheduleProblem,
    schedule: ScheduleResult,
    days: Sequence[ResolvedDay],
    scenes: Mapping[str, int],
) -> Outlook:
    """The slips' extra days beyond `schedule` (the evening's re-plan of `problem`, shot
    days 0..len(days)-1 frozen): one rollout starting from each shot day's pattern."""
    k = len(days)
    patterns = days_gone(days, scenes)
    slipped = sum(1 for p in patterns if p.shares)
    if len(schedule.days) <= k or not slipped:
        return Outlook(0.0, 0.0, slipped, k, 0)
    rng = random.Random(k)  # seeded by the evening: the same answer every time
    turns = [[*patterns[r:], *patterns[:r]] for r in range(k)]
    drawn = [rng.choices(patterns, k=k) for _ in range(max(k, LEAST_RESAMPLES))]
    left, totals = replay(problem, schedule, k, [*turns, *drawn])
    if not left:
        return Outlook(0.0, 0.0, slipped, k, 0)
    totals, resampled = totals[:k], totals[k:]
    extra = min(float(left), statistics.fmean(totals) - left)
    spread, sample = statistics.pstdev(totals), statistics.pstdev(resampled)
    return Outlook(round(extra, 3), round(spread, 3), slipped, k, len(totals), round(sample, 3))

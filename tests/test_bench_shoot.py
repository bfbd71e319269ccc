"""The shoot benchmark's error split: days, hot costs and the rest, on a hand-computed case."""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest

from bench.shoot_estimators import sources


def test_the_halfway_error_splits_into_days_hot_costs_and_the_rest() -> None:
    # Halfway: 10 of 20 board days shot, 2 extra days allowed at 1,000 a day, 500 of hot
    # costs so far (50 a day, so 50 x 12 more); forecast 25,100. Final: 23 days, 1,400 hot,
    # 26,000 in all.
    halfway = {
        "reported": 10,
        "board_days": 20,
        "extra_days": 2.0,
        "day_cost": 1_000.0,
        "hot": 500.0,
        "at_completion": 25_100.0,
    }
    final = {"board_days": 23, "hot": 1_400.0, "at_completion": 26_000.0}
    parts = sources(halfway, final)
    assert parts["days"] == 22 and parts["days_shot"] == 23
    assert parts["by_days"] == pytest.approx(-1_000 / 26_000 * 100)  # a day short
    assert parts["by_hot"] == pytest.approx((1_100 - 1_400) / 26_000 * 100)
    assert parts["error"] == pytest.approx(-900 / 26_000 * 100)
    assert parts["by_days"] + parts["by_hot"] + parts["by_rest"] == pytest.approx(parts["error"])
    assert parts["by_rest"] == pytest.approx(400 / 26_000 * 100)


def test_the_oracles_patterns_slip_a_days_last_scene_at_the_models_rates() -> None:
    from bench.shoot import ShootModel
    from bench.shoot_floor import model_patterns

    rng = random.Random(3)
    assert model_patterns(ShootModel(not_shot=1.0, part_shot=0.0), 5, rng) == [(1.0,)] * 5
    assert model_patterns(ShootModel(not_shot=0.0, part_shot=0.0), 5, rng) == [()] * 5
    parts = model_patterns(ShootModel(not_shot=0.0, part_shot=1.0), 50, rng)
    assert {share for (share,) in parts} == {0.25, 0.5, 0.75}  # 1 - the part shot
    mixed = model_patterns(ShootModel(), 4000, rng)
    assert sum(1 for p in mixed if p) / 4000 == pytest.approx(0.35, abs=0.03)


def test_a_floor_saved_by_the_script_loads_and_keeps_its_figures(tmp_path: Path) -> None:
    from bench.shoot_floor import Floor
    from bench.shoot_saved import load

    floor = Floor(2026, 35, 102.0, [100.0, 98.0, 102.0], 101.0, [1.0, 3.0])
    # Run as a script, bench.shoot_floor pickles its classes as __main__'s.
    data = pickle.dumps(("plan", floor), protocol=2).replace(b"bench.shoot_floor\n", b"__main__\n")
    assert b"__main__" in data
    (tmp_path / "seed-2026.pickle").write_bytes(data)
    plan, again = load(tmp_path / "seed-2026.pickle")
    assert plan == "plan" and again == floor
    assert again.error == pytest.approx(2.0)  # 102 against its own final of 100
    assert again.floor == pytest.approx(4 / 3)  # (0 + 2 + 2) / 3 percent of the mean, 100

"""The AI-shot estimator: PLANNING.md's multipliers, fallback, backends and the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from tools.render_cost import (
    DEFAULT_RENDER_COST,
    AuditLog,
    ShotSpec,
    estimate_shot,
    load_render_rates,
    plan_shot,
    recommend_backend,
)


@pytest.fixture(scope="module")
def rates():
    return load_render_rates()


def _raw(rates, **spec) -> Decimal:
    return estimate_shot(ShotSpec(duration_s=10, **spec), rates=rates).raw


@pytest.mark.parametrize(
    ("change", "reference", "ratio"),
    [
        ({"quantization": "Q4"}, {"quantization": "FP16"}, "0.4"),
        ({"quantization": "Q8"}, {"quantization": "FP16"}, "0.65"),
        ({"quantization": "FP32"}, {"quantization": "FP16"}, "1.5"),
        ({"batch_size": 32}, {"batch_size": 1}, "0.19"),
        ({"gpus": 4}, {"gpus": 1}, "1.15"),
        ({"gpu": "H100"}, {"gpu": "T4"}, "6"),
        ({"framework": "vllm"}, {"framework": "native"}, "0.8"),
        ({"spot": True}, {"spot": False}, "0.3"),
    ],
)
def test_planning_examples(rates, change: dict, reference: dict, ratio: str) -> None:
    assert _raw(rates, **change) / _raw(rates, **reference) == Decimal(ratio)


def test_steps_explain_the_cost(rates) -> None:
    est = estimate_shot(ShotSpec(duration_s=4, complexity="complex", gpus=2), rates=rates)
    running = Decimal(1)
    for step in est.steps:
        running *= step.factor
        assert step.running == running
    assert est.raw == running == Decimal("2.00") * 4 * 2 * Decimal("1.05")
    assert est.cost == Decimal("16.80")
    assert est.limit is None


def test_floor_and_cap_apply(rates) -> None:
    tiny = estimate_shot(ShotSpec(duration_s=0.1, quantization="Q4", spot=True), rates=rates)
    assert tiny.raw < rates.floor and tiny.cost == rates.floor and tiny.limit == "floor"
    huge = estimate_shot(ShotSpec(duration_s=600, complexity="hero", gpu="H100"), rates=rates)
    assert huge.raw > rates.cap and huge.cost == rates.cap and huge.limit == "cap"


def test_unknown_option_is_named(rates) -> None:
    with pytest.raises(ValueError, match="'B200'"):
        estimate_shot(ShotSpec(duration_s=1, gpu="B200"), rates=rates)
    with pytest.raises(ValueError, match="batch size 3"):
        estimate_shot(ShotSpec(duration_s=1, batch_size=3), rates=rates)


def test_quantization_steps_down_until_within_budget(rates, tmp_path: Path) -> None:
    spec = ShotSpec(duration_s=10, complexity="complex")  # FP16: 40.00, Q8: 26.00, Q4: 16.00
    check = plan_shot(spec, rates=rates, budget=30, job="shot-1", audit=AuditLog(tmp_path))
    assert [a.spec.quantization for a in check.attempts] == ["FP16", "Q8"]
    assert check.within_budget and check.estimate.cost == Decimal("26.00")
    low = plan_shot(spec, rates=rates, budget=20)
    assert [a.spec.quantization for a in low.attempts] == ["FP16", "Q8", "Q4"]
    assert low.estimate.cost == Decimal("16.00")


def test_gives_up_with_a_clear_message(rates) -> None:
    check = plan_shot(ShotSpec(duration_s=10, complexity="hero"), rates=rates, budget=10)
    assert not check.within_budget and check.backend is None
    assert check.estimate.spec.quantization == "Q4"
    assert "even at Q4" in check.message and "raise the budget" in check.message


@pytest.mark.parametrize(
    ("use", "backend"),
    [
        ("0", "premium"),
        ("0.4999", "premium"),
        ("0.5", "balanced"),
        ("0.6", "balanced"),
        ("0.8", "balanced"),
        ("0.8001", "cost_optimised"),
        ("1", "cost_optimised"),
    ],
)
def test_backend_boundaries(use: str, backend: str) -> None:
    assert recommend_backend(Decimal(use)) == backend


@pytest.mark.parametrize(
    ("budget", "backend"),
    [("20.01", "premium"), ("20", "balanced"), ("12.5", "balanced"), ("12.49", "cost_optimised")],
)
def test_backend_from_budget_use(rates, budget: str, backend: str) -> None:
    # 5 s at moderate, FP16: 10.00; exactly 50% of 20 and 80% of 12.50 are balanced.
    check = plan_shot(ShotSpec(duration_s=5), rates=rates, budget=Decimal(budget))
    assert check.estimate.cost == Decimal("10.00")
    assert check.backend == backend
    assert check.backend_detail == rates.backends[backend]


def test_audit_trail_lists_each_decision_per_job(rates, tmp_path: Path) -> None:
    clock = iter(datetime(2026, 1, 1, 12, 0, s, tzinfo=UTC) for s in range(60))
    log = AuditLog(tmp_path, now=lambda: next(clock))
    plan_shot(
        ShotSpec(duration_s=10, complexity="complex"), rates=rates, budget=20, job="A", audit=log
    )
    plan_shot(ShotSpec(duration_s=1), rates=rates, budget=100, job="B", audit=log)
    decisions = [e.decision for e in log.entries("A")]
    assert decisions == ["estimate", "quantization_fallback", "quantization_fallback", "backend"]
    assert [e.decision for e in log.entries("B")] == ["estimate", "backend"]
    first = log.entries("A")[0]
    assert first.time == "2026-01-01T12:00:00+00:00"
    assert first.inputs["complexity"] == "complex" and first.result["cost"] == "40.00"
    assert "Q8" in log.entries("A")[2].rationale
    # Append-only JSON lines: a second log on the same directory sees the same history.
    assert len(AuditLog(tmp_path).entries()) == 6
    lines = (tmp_path / "render_cost_audit.jsonl").read_text().splitlines()
    assert [json.loads(line)["job"] for line in lines] == ["A"] * 4 + ["B"] * 2


def test_multipliers_file_is_editable_and_validated(tmp_path: Path) -> None:
    data = json.loads(DEFAULT_RENDER_COST.read_text())
    data["quantization"]["Q4"] = 0.5
    mine = tmp_path / "rc.json"
    mine.write_text(json.dumps(data))
    assert load_render_rates(mine).quantization["Q4"] == Decimal("0.5")
    data["gpu"]["T4"] = -1
    mine.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="gpu"):
        load_render_rates(mine)
    mine.write_text("{not json")
    with pytest.raises(ValueError, match="not valid JSON"):
        load_render_rates(mine)


def test_cli_estimates_and_lists_the_audit(tmp_path: Path, monkeypatch, capsys) -> None:
    from greenlight.cli import main

    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    args = ["render-cost", "--duration", "10", "--complexity", "complex", "--budget", "30"]
    assert main([*args, "--job", "s1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["estimate"]["cost"] == 26.0 and out["backend"] == "cost_optimised"
    assert (
        main(
            [
                "render-cost",
                "--duration",
                "10",
                "--complexity",
                "hero",
                "--budget",
                "5",
                "--job",
                "s2",
            ]
        )
        == 3
    )
    assert "even at Q4" in capsys.readouterr().out
    assert main(["render-cost", "--audit", "--job", "s1", "--json"]) == 0
    trail = json.loads(capsys.readouterr().out)
    assert [e["decision"] for e in trail] == ["estimate", "quantization_fallback", "backend"]
    assert main(["render-cost", "--gpu", "B200", "--duration", "1"]) == 1
    assert "'B200'" in capsys.readouterr().err

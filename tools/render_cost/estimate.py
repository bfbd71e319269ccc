"""The AI-shot cost estimator: a product of multipliers, a floor and a cap, explained step by step.

    cost = base_per_second x seconds x complexity x quantization x gpu x batch
           x (1 + overhead x (gpus - 1)) x framework x (spot if spot)

then raised to the per-job floor or lowered to the cap. `plan_shot` checks a budget, steps
quantization down (FP16 -> Q8 -> Q4) while over it, and recommends a backend by budget use:
premium below 50%, balanced from 50% to 80% inclusive, cost-optimised above 80%.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from tools.budget.money import Money, Number, to_money
from tools.render_cost.audit import AuditLog
from tools.render_cost.rates import RenderRates

__all__ = [
    "Backend",
    "BudgetCheck",
    "Estimate",
    "ShotSpec",
    "Step",
    "estimate_shot",
    "plan_shot",
    "recommend_backend",
]

Backend = Literal["premium", "balanced", "cost_optimised"]
PREMIUM_BELOW = Decimal("0.5")
BALANCED_UP_TO = Decimal("0.8")


class ShotSpec(BaseModel):
    """One generation job."""

    duration_s: float = Field(gt=0)
    complexity: str = "moderate"
    quantization: str = "FP16"
    gpu: str = "A10G"
    batch_size: int = Field(default=1, ge=1)
    gpus: int = Field(default=1, ge=1)
    framework: str = "native"
    spot: bool = False


class Step(BaseModel):
    """One factor of the estimate and the running cost after it."""

    name: str
    factor: Number
    running: Number


class Estimate(BaseModel):
    """The cost of one job with the steps that produce it."""

    spec: ShotSpec
    currency: str
    steps: list[Step]
    raw: Number
    cost: Money
    limit: Literal["floor", "cap"] | None = None
    """Which per-job bound replaced the raw cost, if any."""


def _lookup(table: dict, key: object, what: str) -> Decimal:
    if key not in table:
        raise ValueError(f"{what} {key!r} is not one of {', '.join(map(str, table))}")
    return table[key]


def estimate_shot(spec: ShotSpec, *, rates: RenderRates) -> Estimate:
    """The cost of `spec`, each multiplier a step; ValueError names an unknown option."""
    factors = [
        ("base per second", rates.base_per_second),
        (f"duration {spec.duration_s:g} s", Decimal(str(spec.duration_s))),
        (f"complexity {spec.complexity}", _lookup(rates.complexity, spec.complexity, "complexity")),
        (
            f"quantization {spec.quantization}",
            _lookup(rates.quantization, spec.quantization, "quantization"),
        ),
        (f"GPU {spec.gpu}", _lookup(rates.gpu, spec.gpu, "GPU")),
        (f"batch {spec.batch_size}", _lookup(rates.batch, spec.batch_size, "batch size")),
        (f"{spec.gpus} GPU(s)", 1 + rates.extra_gpu_overhead * (spec.gpus - 1)),
        (f"framework {spec.framework}", _lookup(rates.framework, spec.framework, "framework")),
        ("spot instance" if spec.spot else "on demand", rates.spot if spec.spot else Decimal(1)),
    ]
    running = Decimal(1)
    steps = []
    for name, factor in factors:
        running *= factor
        steps.append(Step(name=name, factor=factor, running=running))
    limit: Literal["floor", "cap"] | None = None
    cost = running
    if running < rates.floor:
        cost, limit = rates.floor, "floor"
    elif running > rates.cap:
        cost, limit = rates.cap, "cap"
    return Estimate(
        spec=spec,
        currency=rates.currency,
        steps=steps,
        raw=running,
        cost=to_money(cost),
        limit=limit,
    )


def recommend_backend(use: Decimal) -> Backend:
    """premium below 50% of the budget, balanced from 50% to 80% inclusive, else cost-optimised."""
    if use < PREMIUM_BELOW:
        return "premium"
    if use <= BALANCED_UP_TO:
        return "balanced"
    return "cost_optimised"


class BudgetCheck(BaseModel):
    """The estimate that fits the budget (or the lightest tried), and what was decided."""

    job: str
    budget: Money | None
    estimate: Estimate
    attempts: list[Estimate]
    """Every quantization tried, in order."""
    within_budget: bool
    use: Number | None = None
    """Cost divided by budget."""
    backend: Backend | None = None
    backend_detail: str = ""
    message: str


def _fallbacks(spec: ShotSpec, rates: RenderRates) -> list[str]:
    """The requested quantization, then each lighter one in the fallback order."""
    if spec.quantization not in rates.fallback:
        return [spec.quantization]
    return rates.fallback[rates.fallback.index(spec.quantization) :]


def _audit(audit: AuditLog | None, job: str, decision: str, est: Estimate, why: str) -> None:
    if audit is not None:
        audit.record(
            job,
            decision,
            inputs=est.spec.model_dump(),
            result={"cost": str(est.cost), "currency": est.currency},
            rationale=why,
        )


def plan_shot(
    spec: ShotSpec,
    *,
    rates: RenderRates,
    budget: float | Decimal | None = None,
    job: str = "job",
    audit: AuditLog | None = None,
) -> BudgetCheck:
    """Estimate `spec`; over `budget`, step quantization down before giving up; recommend."""
    first = estimate_shot(spec, rates=rates)
    _audit(audit, job, "estimate", first, f"requested settings cost {first.cost}")
    if budget is None:
        return BudgetCheck(
            job=job,
            budget=None,
            estimate=first,
            attempts=[first],
            within_budget=True,
            message=f"{first.currency} {first.cost}; no budget given",
        )
    cap = to_money(budget)
    if cap <= 0:
        raise ValueError(f"budget {budget} must be positive")
    attempts, chosen = [first], first
    for quant in _fallbacks(spec, rates)[1:]:
        if chosen.cost <= cap:
            break
        chosen = estimate_shot(spec.model_copy(update={"quantization": quant}), rates=rates)
        attempts.append(chosen)
        _audit(
            audit,
            job,
            "quantization_fallback",
            chosen,
            f"{attempts[-2].spec.quantization} cost {attempts[-2].cost} > budget {cap}; "
            f"trying {quant}",
        )
    if chosen.cost > cap:
        message = (
            f"over budget: even at {chosen.spec.quantization} the shot costs "
            f"{chosen.currency} {chosen.cost}, {chosen.cost - cap} more than {cap}; "
            "raise the budget, shorten the shot, lower its complexity or use spot GPUs"
        )
        _audit(audit, job, "over_budget", chosen, message)
        return BudgetCheck(
            job=job,
            budget=cap,
            estimate=chosen,
            attempts=attempts,
            within_budget=False,
            use=chosen.cost / cap,
            message=message,
        )
    use = chosen.cost / cap
    backend = recommend_backend(use)
    message = (
        f"{chosen.currency} {chosen.cost} at {chosen.spec.quantization} uses "
        f"{use * 100:.1f}% of {cap}: {backend.replace('_', '-')} backend"
    )
    _audit(audit, job, "backend", chosen, message)
    return BudgetCheck(
        job=job,
        budget=cap,
        estimate=chosen,
        attempts=attempts,
        within_budget=True,
        use=use,
        backend=backend,
        backend_detail=rates.backends[backend],
        message=message,
    )

"""The AI-generated shot cost estimator (VFX and previs shots made with video-generation models).

Multipliers live in `data/render_cost.json` (editable); `estimate_shot` explains a cost step by
step; `plan_shot` validates a budget, steps quantization down, recommends a backend and writes
each decision to an `AuditLog` the caller provides.
"""

from __future__ import annotations

from tools.render_cost.audit import AuditEntry, AuditLog
from tools.render_cost.estimate import (
    Backend,
    BudgetCheck,
    Estimate,
    ShotSpec,
    Step,
    estimate_shot,
    plan_shot,
    recommend_backend,
)
from tools.render_cost.rates import DEFAULT_RENDER_COST, RenderRates, load_render_rates

__all__ = [
    "DEFAULT_RENDER_COST",
    "AuditEntry",
    "AuditLog",
    "Backend",
    "BudgetCheck",
    "Estimate",
    "RenderRates",
    "ShotSpec",
    "Step",
    "estimate_shot",
    "load_render_rates",
    "plan_shot",
    "recommend_backend",
]

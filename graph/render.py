"""An AI-generated shot's cost from a chat message: read the spec, call the estimator.

The words map onto `tools.render_cost.ShotSpec` (duration, complexity, quantization, GPU,
batch, GPU count, serving framework, spot) and an optional budget; anything not said keeps
the estimator's defaults. Decisions are written to the audit log under the data directory.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tools import render_cost

__all__ = ["parse_shot", "render_estimate"]

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(?:s\b|sec\w*|seconds?)", re.I)
_MINUTES = re.compile(r"(\d+(?:\.\d+)?)\s*(?:min\w*)", re.I)
_BATCH = re.compile(r"\bbatch(?:\s+size)?(?:\s+of)?\s+(\d+)", re.I)
_GPUS = re.compile(r"\b(\d+)\s*(?:x\s*)?gpus?\b", re.I)
_BUDGET = re.compile(
    r"(?:budget|under|max(?:imum)?|up to)\D{0,12}?\$?\s*(\d[\d,]*(?:\.\d+)?)", re.I
)


def parse_shot(text: str, rates: render_cost.RenderRates) -> tuple[Any, float | None]:
    """The shot spec and budget a message describes; ValueError when it gives no duration."""
    seconds = _DURATION.search(text)
    minutes = _MINUTES.search(text)
    if not seconds and not minutes:
        raise ValueError('say how long the shot is, e.g. "a 10-second AI shot"')
    duration = float(seconds.group(1)) if seconds else float(minutes.group(1)) * 60  # type: ignore[union-attr]
    words = text.lower()
    spec: dict[str, Any] = {"duration_s": duration}
    tables = {
        "complexity": rates.complexity,
        "framework": rates.framework,
        "quantization": rates.quantization,
        "gpu": rates.gpu,
    }
    for name, table in tables.items():
        for key in table:
            if re.search(rf"\b{re.escape(key.lower())}\b", words):
                spec[name] = key
    if match := _BATCH.search(text):
        spec["batch_size"] = int(match.group(1))
    if match := _GPUS.search(text):
        spec["gpus"] = int(match.group(1))
    spec["spot"] = "spot" in words
    budget = _BUDGET.search(text)
    return render_cost.ShotSpec(**spec), float(budget.group(1).replace(",", "")) if budget else None


def render_estimate(text: str, *, audit_dir: Path | None = None) -> dict[str, Any]:
    """The estimate as facts: cost, steps, the budget verdict and the recommended backend."""
    rates = render_cost.load_render_rates()
    spec, budget = parse_shot(text, rates)
    audit = render_cost.AuditLog(audit_dir) if audit_dir is not None else None
    check = render_cost.plan_shot(spec, rates=rates, budget=budget, job="chat", audit=audit)
    est = check.estimate
    steps = [f"{s.name}: x{float(s.factor):g} -> {float(s.running):.2f}" for s in est.steps]
    return {
        "headline": f"Estimated cost of the {spec.duration_s:g}-second AI shot: "
        f"{est.currency} {float(est.cost):.2f}.",
        "cost": float(est.cost),
        "currency": est.currency,
        "budget": budget,
        "within_budget": check.within_budget,
        "backend": check.backend,
        "steps": [*steps, check.message],
    }

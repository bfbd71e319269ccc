"""The AI-shot estimator's multipliers, read from an editable JSON file (`data/render_cost.json`).

Keys: `currency`; `base_per_second` (cost of one generated second at complexity 1.0, FP16,
reference GPU 1.0x, batch 1, one GPU, native serving, on demand); the multiplier tables
`complexity`, `quantization`, `gpu`, `batch`, `framework`; `fallback` (quantizations from
heaviest to lightest, the order budget validation steps down); `extra_gpu_overhead` (added
per GPU beyond the first); `spot` (multiplier for spot instances); per-job `floor` and `cap`;
`backends` (what each recommendation means).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

__all__ = ["DEFAULT_RENDER_COST", "RenderRates", "load_render_rates"]

DEFAULT_RENDER_COST = Path(__file__).resolve().parents[2] / "data" / "render_cost.json"


class RenderRates(BaseModel):
    """Validated multipliers; every factor is a positive decimal."""

    currency: str = Field(default="USD", min_length=3, max_length=3)
    base_per_second: Decimal = Field(gt=0)
    complexity: dict[str, Decimal]
    quantization: dict[str, Decimal]
    fallback: list[str]
    gpu: dict[str, Decimal]
    batch: dict[int, Decimal]
    extra_gpu_overhead: Decimal = Field(ge=0)
    framework: dict[str, Decimal]
    spot: Decimal = Field(gt=0)
    floor: Decimal = Field(ge=0)
    cap: Decimal = Field(gt=0)
    backends: dict[str, str]

    @field_validator("complexity", "quantization", "gpu", "batch", "framework")
    @classmethod
    def _positive(cls, table: dict) -> dict:
        for key, value in table.items():
            if value <= 0:
                raise ValueError(f"multiplier {key!r} must be positive, not {value}")
        if not table:
            raise ValueError("table is empty")
        return table

    @model_validator(mode="after")
    def _consistent(self) -> RenderRates:
        unknown = [q for q in self.fallback if q not in self.quantization]
        if unknown:
            raise ValueError(f"fallback names {unknown[0]!r}, not in the quantization table")
        if self.floor > self.cap:
            raise ValueError(f"floor {self.floor} is above cap {self.cap}")
        missing = {"premium", "balanced", "cost_optimised"} - set(self.backends)
        if missing:
            raise ValueError(f"backends lacks {sorted(missing)[0]!r}")
        return self


def load_render_rates(path: str | Path | None = None) -> RenderRates:
    """Read and validate the multipliers file (default: the one shipped in `data/`)."""
    file = Path(path) if path is not None else DEFAULT_RENDER_COST
    try:
        data = json.loads(file.read_text(encoding="utf-8"), parse_float=Decimal)
    except FileNotFoundError:
        raise ValueError(f"render-cost file {str(file)!r} does not exist") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{file.name}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
    try:
        return RenderRates.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{file.name}: {where}: {first['msg']}") from None

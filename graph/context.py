"""The graph's runtime context: the dependencies a run needs, injected, never global.

The edge (CLI, app) builds one `Context` from the Settings; tests build one with fakes.
Nothing in `graph/` reads the environment or constructs a model itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.config import GraphSettings
from graph.planner import Planner, ToolPlanner
from graph.providers import ModelSet
from store.insights import InsightStore
from store.plans import PlanStore
from store.progress import ProgressStore
from store.usage import UsageStore

__all__ = ["Context"]


@dataclass
class Context:
    """What every node may use during a run."""

    settings: GraphSettings
    """Configuration: policy, prices, timeouts, solver limits, data directory."""
    plans: PlanStore
    """Where plan versions are saved (per thread)."""
    usage: UsageStore
    """Where model usage and router decisions are recorded."""
    models: ModelSet = field(default_factory=ModelSet)
    """The model providers; an empty set means deterministic answers only."""
    planner: Planner = field(default_factory=ToolPlanner)
    """The planning tools (the real ones unless a test injects a fake)."""
    insights: InsightStore | None = None
    """Where each user's project figures are kept current; None leaves insights out."""
    progress: ProgressStore | None = None
    """Where production reports are kept; None leaves progress reporting off."""
    understand_timeout_s: float = 20.0
    """Bound on the structured-output call that reads a message the rules could not."""

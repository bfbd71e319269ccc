"""What operators see of each turn: one JSON log line and Prometheus metrics.

`run_turn` opens a `TurnTelemetry` per turn, passes node starts and ends through it, and calls
`finish` (or `fail`). The log line carries the thread, the route and its reason, the provider,
tokens, cost and each node's latency; never the user's text or the answer. Metrics live in
their own registry (`METRICS`) so the app exposes exactly these and tests can read them.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram

__all__ = ["METRICS", "TurnTelemetry", "turn_record"]

logger = logging.getLogger("greenlight.turns")

METRICS = CollectorRegistry(auto_describe=True)
"""The registry the /metrics route serves."""

_SECONDS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
TURNS = Counter("greenlight_turns", "Turns finished, by outcome.", ["outcome"], registry=METRICS)
TURN_SECONDS = Histogram(
    "greenlight_turn_seconds", "Wall-clock time of a turn.", buckets=_SECONDS, registry=METRICS
)
NODE_SECONDS = Histogram(
    "greenlight_node_seconds",
    "Wall-clock time of a graph node.",
    ["node"],
    buckets=_SECONDS,
    registry=METRICS,
)
FALLBACKS = Counter(
    "greenlight_provider_fallbacks",
    "Providers that failed before their first token, so the next one was tried.",
    ["provider"],
    registry=METRICS,
)
SOLVER_SECONDS = Histogram(
    "greenlight_solver_seconds",
    "Time of the planning node (parse, schedule, budget) when it ran.",
    buckets=_SECONDS,
    registry=METRICS,
)

#: Nodes whose time is the solver's (schedule and budget through the planner, off the loop).
SOLVER_NODES = frozenset({"plan_script"})

NodeSink = Callable[[str, "dict[str, Any] | None"], Awaitable[None] | None]


def turn_record(
    *,
    thread_id: str,
    seconds: float,
    nodes: dict[str, float],
    route: dict[str, Any] | None,
    answer: dict[str, Any] | None,
    error: str | None = None,
) -> dict[str, Any]:
    """The structured log line of one turn, as a JSON-able dict (no user text, no secrets)."""
    answer = answer or {}
    return {
        "event": "turn",
        "thread": thread_id,
        "outcome": "error" if error else str(answer.get("outcome", "ok")),
        "seconds": round(seconds, 4),
        "route": (route or {}).get("target"),
        "reason": (route or {}).get("reason"),
        "provider": answer.get("provider"),
        "model": answer.get("model"),
        "tokens_in": int(answer.get("tokens_in") or 0),
        "tokens_out": int(answer.get("tokens_out") or 0),
        "cost": float(answer.get("cost") or 0.0),
        "fallbacks": list(answer.get("failures") or []),
        "nodes": {name: round(s, 4) for name, s in nodes.items()},
        "error": error,
    }


class TurnTelemetry:
    """Times one turn's nodes and reports the turn when it ends."""

    def __init__(self, thread_id: str) -> None:
        self.thread_id = thread_id
        self.started = time.perf_counter()
        self.nodes: dict[str, float] = {}
        self._open: dict[str, float] = {}

    def wrap(self, sink: NodeSink | None) -> NodeSink:
        """A node sink that times each node, then passes the event on to `sink`."""

        def timed(name: str, update: dict[str, Any] | None) -> Awaitable[None] | None:
            now = time.perf_counter()
            if update is None:
                self._open[name] = now
            elif name in self._open:
                # A node may run twice in a turn (show after plan): its times add up.
                self.nodes[name] = self.nodes.get(name, 0.0) + now - self._open.pop(name)
            return sink(name, update) if sink is not None else None

        return timed

    def finish(self, state: dict[str, Any]) -> dict[str, Any]:
        """Log and count a finished turn from its final state; returns the log record."""
        answer = state.get("answer")
        record = self._report(route=state.get("route"), answer=answer, error=None)
        for failure in (answer or {}).get("failures") or []:
            FALLBACKS.labels(provider=str(failure).split(":", 1)[0]).inc()
        return record

    def fail(self, exc: BaseException) -> dict[str, Any]:
        """Log and count a turn that raised; returns the log record."""
        return self._report(route=None, answer=None, error=type(exc).__name__)

    def _report(
        self, *, route: dict[str, Any] | None, answer: dict[str, Any] | None, error: str | None
    ) -> dict[str, Any]:
        seconds = time.perf_counter() - self.started
        record = turn_record(
            thread_id=self.thread_id,
            seconds=seconds,
            nodes=self.nodes,
            route=route,
            answer=answer,
            error=error,
        )
        TURNS.labels(outcome="error" if error else "ok").inc()
        TURN_SECONDS.observe(seconds)
        for name, spent in self.nodes.items():
            NODE_SECONDS.labels(node=name).observe(spent)
            if name in SOLVER_NODES:
                SOLVER_SECONDS.observe(spent)
        level = logging.ERROR if error else logging.INFO
        logger.log(level, json.dumps(record, sort_keys=True, default=str))
        return record

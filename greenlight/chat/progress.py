"""Progress while the graph works: each tool node as a step with its key result, and the line
that says which model answered and why.

`Progress.node` is the graph's `on_node` callback: a node's start opens its step, its end
closes it with the figures the tool produced (scenes read; days, status and gap; savings;
the likely budget). Nodes that only route or write are not shown as steps. `Progress.board`
is the graph's `on_board` callback: a feature-length solve's improving boards update the
open Schedule step as they come ("Board 3: 41 days, likely USD 1,234,567, gap 31% ...").
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any

from greenlight.chat.boards import boards_shown, boards_summary
from greenlight.chat.outputs import ChatOutput, StepHandle
from tools.budget import format_money

__all__ = ["STEP_NAMES", "Progress", "model_line", "plan_results"]

Record = dict[str, Any]

#: Node name -> step name; nodes not listed are not shown.
STEP_NAMES = {
    "ingest_files": "Breakdown",
    "plan_script": "Schedule",
    "switch_version": "Plan versions",
    "compare_versions": "Compare versions",
    "answer_question": "Script lookup",
    "estimate_render": "AI shot cost",
    "export_plan": "Export",
    "record_progress": "Production report",
    "route_model": "Model choice",
}
_PROVIDERS = {
    "embedded": "the embedded model",
    "ollama": "the local model (Ollama)",
    "openai": "the cloud model",
    "deterministic": "the deterministic summary",
}


def _gap(schedule: Record) -> str:
    if schedule.get("status") == "optimal":
        return "gap 0% (proven optimal)"
    bound, total = schedule.get("bound"), float((schedule.get("cost") or {}).get("total") or 0)
    if bound is None or total <= 0:
        return "no bound"
    return f"gap {max(0.0, (total - float(bound)) / total):.1%}"


def plan_results(plan: Record) -> dict[str, str]:
    """Step name -> key result, for a plan the schedule node just made."""
    schedule = plan.get("schedule") or {}
    budget = plan.get("budget") or {}
    summary = plan.get("summary") or {}
    currency = str(budget.get("currency") or plan.get("currency") or "USD")
    days = len(schedule.get("days") or [])
    out = {
        "Schedule": f"{days} shoot days, {schedule.get('status', '?')}, {_gap(schedule)}, "
        f"{summary.get('moves', 0)} company moves ({schedule.get('method', 'cp-sat')})"
    }
    savings = [
        (str(s.get("analysis")), float(s.get("amount") or 0)) for s in plan.get("savings") or []
    ]
    total = float(summary.get("total_saving") or sum(a for _, a in savings))
    parts = ", ".join(f"{name} {format_money(amount, currency)}" for name, amount in savings)
    headline = (
        f"{format_money(total, currency)} saved against script order"
        if total >= 0
        else f"{format_money(-total, currency)} more than script order"
    )
    out["Savings"] = headline + (f": {parts}" if parts else "")
    if budget:
        low, likely, high = (
            format_money(float(budget.get(key) or budget.get("total") or 0), currency)
            for key in ("low", "likely", "high")
        )
        out["Budget"] = f"likely {likely} (range {low} to {high})"
    return out


def _ingest_result(update: Record) -> str:
    script = update.get("script")
    if not script:
        return ""
    scenes = script.get("scenes") or []
    pages = sum(int(s.get("eighths") or 0) for s in scenes) / 8
    return f"{script.get('title', 'Untitled')}: {len(scenes)} scenes, {pages:g} pages"


def _simple_result(name: str, update: Record) -> str:
    facts = update.get("facts") or {}
    if name == "route_model":
        route = update.get("route") or {}
        target, level = route.get("target", "?"), route.get("complexity", "?")
        return f"{target} ({level}): {route.get('reason', '')}"
    if name in {"switch_version", "compare_versions"}:
        rows = facts.get("versions") or []
        return f"version {facts.get('version', '?')} of {len(rows)}" if rows else ""
    if name == "estimate_render":
        return str((facts.get("render_cost") or {}).get("headline", ""))
    if name == "record_progress" and facts.get("revision"):
        day, version = facts.get("day"), facts.get("version")
        return f"day {day} filed (revision {facts['revision']}), version {version}"
    if name == "export_plan":
        export = facts.get("export") or {}
        return f"{export.get('view', '')} as {export.get('format', '')}".strip()
    return ""


class Progress:
    """Turns node events into steps on a `ChatOutput`."""

    def __init__(self, out: ChatOutput, *, reading: bool = True) -> None:
        self.out = out
        self.reading = reading
        """Whether the turn brought files (the breakdown step is shown only then)."""
        self.open: dict[str, tuple[AbstractAsyncContextManager[StepHandle], StepHandle]] = {}
        self.script: Record | None = None
        """The script the breakdown node read this turn, if any."""
        self.notices: list[str] = []
        """Files the breakdown node could not read, with the reader's reason."""
        self.boards: list[Record] = []
        """The improving boards the solve reported this turn, in order."""

    async def node(self, name: str, update: Record | None) -> None:
        """The graph's `on_node`: open a step when a node starts, fill and close it at its end."""
        step_name = STEP_NAMES.get(name)
        if step_name is None or (name == "ingest_files" and not self.reading):
            return
        if update is None:
            manager = self.out.step(step_name)
            self.open[name] = (manager, await manager.__aenter__())
            return
        if name not in self.open:
            return
        manager, handle = self.open.pop(name)
        extra = await self._fill(name, update, handle)
        await manager.__aexit__(None, None, None)
        if name == "ingest_files":
            for notice in self.notices:
                await self.out.say(notice)
        for title, text in extra.items():
            async with self.out.step(title) as step:
                step.output = text

    async def board(self, board: Record) -> None:
        """The graph's `on_board`: show the newest board in the open Schedule step."""
        self.boards.append(board)
        opened = self.open.get("plan_script")
        if opened is not None:
            await opened[1].show(boards_shown(self.boards))

    async def _fill(self, name: str, update: Record, handle: StepHandle) -> dict[str, str]:
        facts = update.get("facts") or {}
        notices = [str(n) for n in facts.get("notices") or []]
        if update.get("error"):
            handle.output, handle.error = str(update["error"]), True
            return {}
        if name == "ingest_files":
            self.script = update.get("script")
            self.notices = [n for n in notices if n.startswith("I could not read")]
            handle.output = "\n".join([_ingest_result(update), *self.notices]).strip()
            handle.error = bool(self.notices) and self.script is None
            return {}
        if facts.get("failed"):
            handle.output, handle.error = "\n".join(notices[-3:]), True
            return {}
        if name == "plan_script":
            plan = update.get("plan")
            results = plan_results(plan) if plan else {}
            handle.output = results.pop("Schedule", "the current plan still holds")
            handle.output += boards_summary(self.boards)
            return results
        handle.output = _simple_result(name, update)
        return {}

    async def close(self) -> None:
        """Close steps left open (the turn failed midway)."""
        for manager, handle in self.open.values():
            handle.output, handle.error = handle.output or "stopped", True
            await manager.__aexit__(None, None, None)
        self.open.clear()


def model_line(route: Record | None, usage: Record | None) -> str:
    """Which model answered and why, as one italic line."""
    usage = usage or {}
    provider = str(usage.get("provider") or "deterministic")
    outcome = usage.get("outcome")
    failures = "; ".join(usage.get("failures") or [])
    who = _PROVIDERS.get(provider, f"the {provider} model")
    if usage.get("model") and provider != "deterministic":
        who += f" ({usage['model']})"
    if outcome == "replaced":
        who = _PROVIDERS["deterministic"]
        model = _PROVIDERS.get(provider, f"the {provider} model")
        why = f"the answer of {model} used a figure the tools did not give"
    elif provider == "deterministic":
        why = (
            f"no model answered ({failures})"
            if failures
            else "no model was needed, the tools said it all"
        )
    else:
        why = (
            f"routed {route.get('target')}: {route.get('reason')}" if route else "no routing needed"
        )
        if failures:
            why += f"; fell back after {failures}"
    return f"_Answered by {who}: {why}._"

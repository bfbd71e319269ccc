"""Print a document of a plan version for the chat: PDF (with a preview image), .ics or JSON."""

from __future__ import annotations

import asyncio
import re
from datetime import date
from typing import Any

from langgraph.runtime import Runtime

from graph.context import Context
from graph.documents import print_saved, resolve_day, resolve_days
from graph.intents import Request
from graph.nodes.planning import thread_id
from graph.state import State
from tools.paperwork import CallOptions
from tools.plan import Plan

__all__ = ["print_document"]

_NAMES = {
    "stripboard": "stripboard",
    "oneliner": "one-liner",
    "schedule": "shooting schedule",
    "dood": "day out of days",
    "breakdown": "breakdown sheets",
    "callsheet": "call sheet",
    "ics": "shooting-day calendar",
    "json": "JSON schedule",
}


def _fail(state: State, message: str) -> dict[str, Any]:
    notices = [*state.facts.get("notices", []), message]
    return {"facts": {**state.facts, "notices": notices, "failed": True}}


def _options(settings: Any) -> CallOptions:
    return CallOptions(
        crew_call=getattr(settings, "crew_call", "07:00"),
        shooting_call=getattr(settings, "shooting_call", "08:00"),
        makeup_lead_minutes=getattr(settings, "makeup_lead_minutes", 90),
    )


async def print_document(state: State, runtime: Runtime[Context]) -> dict[str, Any]:
    """Render the requested document of the named (else current) saved version."""
    request = Request.model_validate(state.request)
    wanted = request.versions[0] if request.versions else state.version
    stored = await runtime.context.plans.get(thread_id(), wanted) if wanted else None
    if stored is None:
        return _fail(state, f"There is no saved plan version {wanted} to print yet.")
    settings = runtime.context.settings
    doc = request.document or "stripboard"
    try:
        plan = Plan.model_validate(stored.plan)
        day = resolve_day(request, plan, today=date.today())
        days = resolve_days(request, plan)
        saved = stored.created_at.date() if stored.created_at else date.today()
        folder = settings.data_dir / "documents" / re.sub(r"\W", "_", thread_id())
        record = await asyncio.to_thread(
            print_saved,
            stored.plan,
            state.script,
            version=stored.version,
            saved=saved,
            doc=doc,
            day=day,
            paper=request.paper or str(getattr(settings, "paper_size", "letter")),
            options=_options(settings),
            folder=folder,
            days=days,
        )
    except ValueError as exc:
        return _fail(state, f"I could not print that: {exc}.")
    what = _NAMES.get(doc, doc) + (f" for day {day}" if doc == "callsheet" else "")
    if days is not None:
        what += f" for day {days[0]}" if days[0] == days[1] else f" for days {days[0]}-{days[1]}"
    pages = f", {record['pages']} page(s)" if record.get("pages") else ""
    record["sentence"] = (
        f"Here is the {what} of plan version {stored.version} ({saved.isoformat()}){pages}."
    )
    facts = {**state.facts, "kind": "document", "document": record, "version": stored.version}
    return {"facts": facts, "artifacts": [record]}

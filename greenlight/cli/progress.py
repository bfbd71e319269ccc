"""`greenlight progress FILE --day N --report REPORT.json` and `greenlight forecast FILE`.

Both work over a saved session: FILE is the screenplay the session is about, and the
session is the thread `greenlight ask FILE` used (`cli-<file stem>`), or the one `--thread`
names (a chat thread's id). `progress` files day N's production report (1-based) and
re-plans the rest, exactly as the chat does, saving a new plan version; `forecast` prints the
cost report of the session's current version. REPORT.json holds the report's fields:
`complete`, `partial` ([{"scene", "eighths"}]), `not_shot`, `all_planned`, `pickups`
([{"scene", "eighths"}]), `overtime_hours`, `extra_background`, `weather_hours`, `note`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greenlight.cli.common import UserError, print_json
from greenlight.settings import Settings

if TYPE_CHECKING:
    from langchain_core.runnables import RunnableConfig

__all__ = ["forecast", "load_report", "register", "report_progress"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `progress` and `forecast` subcommands."""
    parser = subparsers.add_parser("progress", help="file a shooting day's production report")
    parser.add_argument("file", help="the screenplay of the saved session")
    parser.add_argument("--day", type=int, required=True, help="the shooting day (1-based)")
    parser.add_argument("--report", required=True, help="the report as a JSON file")
    _common(parser)
    parser.set_defaults(handler=run_progress)
    parser = subparsers.add_parser("forecast", help="the cost report of a saved session")
    parser.add_argument("file", help="the screenplay of the saved session")
    _common(parser)
    parser.set_defaults(handler=run_forecast)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--thread", help="session id (default: the one `greenlight ask` used)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def load_report(path: Path, day: int) -> dict[str, Any]:
    """The report record of REPORT.json for 1-based `day`; UserError saying what is wrong."""
    if day < 1:
        raise UserError(f"--day {day}: shooting days count from 1")
    try:
        fields = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserError(f"{path}: not a JSON report ({exc})") from None
    if not isinstance(fields, dict):
        raise UserError(f"{path}: the report must be a JSON object of fields")
    if "day" in fields:
        raise UserError(f"{path}: give the day with --day, not in the file")
    from pydantic import ValidationError

    from tools.progress import DayReport

    try:
        return DayReport.model_validate({**fields, "day": day - 1}).model_dump(mode="json")
    except ValidationError as exc:
        problem = exc.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise UserError(f"{path}: {where}: {problem['msg']}") from None


async def _saved_state(assistant: Any, thread: str) -> Any:
    from graph.state import State

    snapshot = await assistant.graph.aget_state({"configurable": {"thread_id": thread}})
    values = dict(snapshot.values or {})
    if not values.get("plan"):
        raise UserError(f"session {thread!r} has no plan: run `greenlight ask FILE` first")
    known = {"messages", "script", "inputs", "plan", "version", "cloud_cost", "turns"}
    return State(**{k: v for k, v in values.items() if k in known})


async def report_progress(
    settings: Settings, thread: str, report: dict[str, Any]
) -> dict[str, Any]:
    """File the report in the saved session and re-plan; the turn's facts."""
    from graph.nodes.progress import file_report
    from graph.providers import ModelSet
    from graph.session import open_assistant
    from tools.progress import DayReport

    async with open_assistant(settings, models=ModelSet()) as assistant:
        state = await _saved_state(assistant, thread)
        update = await file_report(
            state, assistant.context, DayReport.model_validate(report), thread=thread
        )
        facts = update["facts"]
        if facts.get("failed"):
            raise UserError(" ".join(facts.get("notices") or ["the report was refused"]))
        kept = {k: update[k] for k in ("plan", "inputs", "version")}
        config: RunnableConfig = {"configurable": {"thread_id": thread}}
        await assistant.graph.aupdate_state(config, {**kept, "facts": facts}, as_node="respond")
    return dict(facts)


async def forecast(settings: Settings, thread: str) -> dict[str, Any]:
    """The cost report of the session's current version (UserError before any report)."""
    from graph.providers import ModelSet
    from graph.session import open_assistant

    async with open_assistant(settings, models=ModelSet()) as assistant:
        state = await _saved_state(assistant, thread)
    record = (state.plan or {}).get("progress")
    if not record:
        raise UserError(f"session {thread!r} has no production report yet")
    return {"version": state.version, **record}


def _thread(args: argparse.Namespace) -> str:
    path = Path(args.file)
    return args.thread or f"cli-{path.resolve().stem}"


def run_progress(args: argparse.Namespace) -> int:
    """Handle `greenlight progress`."""
    report = load_report(Path(args.report), args.day)
    facts = asyncio.run(report_progress(Settings(), _thread(args), report))
    if args.json:
        print_json({"thread": _thread(args), **facts})
    else:
        print("\n".join(facts["progress"]["text"]))
    return 0


def run_forecast(args: argparse.Namespace) -> int:
    """Handle `greenlight forecast`."""
    from tools.progress import Forecast, cost_text, schedule_text

    record = asyncio.run(forecast(Settings(), _thread(args)))
    if args.json:
        print_json({"thread": _thread(args), **record})
        return 0
    report = Forecast.model_validate(record["forecast"])
    print(schedule_text(report))
    print("\n".join(cost_text(report, accounts=len(report.accounts))))
    return 0

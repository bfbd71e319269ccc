"""`greenlight ask FILE "message" [--thread ID] [--json] [--no-model]`: one chat turn, no UI.

Runs the same graph as the chat with memory per thread in the configured database, so a
second `ask` on the same thread knows the script, the plan and its versions. Without
`--json` the answer streams to stdout as it is written; with it, one JSON object gives the
answer, the route decision and its reason, the provider, tokens, cost and the facts used.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from greenlight.cli.common import UserError, print_json
from greenlight.settings import Settings

if TYPE_CHECKING:
    from graph.session import TurnResult

__all__ = ["ask", "register", "result_record", "run"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `ask` subcommand."""
    parser = subparsers.add_parser("ask", help="ask the assistant one question about a script")
    parser.add_argument("file", help="the screenplay the conversation is about")
    parser.add_argument("message", nargs="?", default="", help="what to ask (default: plan it)")
    parser.add_argument("--thread", help="conversation id (default: one per script file)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--no-model", action="store_true", help="answer with the deterministic summary only"
    )
    parser.set_defaults(handler=run)


def result_record(result: TurnResult, thread: str) -> dict[str, Any]:
    """The --json object for one turn."""
    usage = result.usage or {}
    return {
        "thread": thread,
        "answer": result.answer,
        "request": result.request,
        "route": result.route,
        "provider": usage.get("provider"),
        "model": usage.get("model"),
        "outcome": usage.get("outcome"),
        "tokens_in": usage.get("tokens_in", 0),
        "tokens_out": usage.get("tokens_out", 0),
        "cost": usage.get("cost", 0.0),
        "version": result.version,
        "facts": result.facts,
        "artifacts": result.artifacts,
        "seconds": round(result.seconds, 3),
    }


async def ask(
    settings: Settings, path: Path, message: str, *, thread: str, stream: bool, no_model: bool
) -> TurnResult:
    """Run one turn with the file attached; tokens printed as they come when `stream`."""
    printed: list[str] = []

    def token(text: str) -> None:
        printed.append(text)
        sys.stdout.write(text)
        sys.stdout.flush()

    def replace(text: str) -> None:
        sys.stdout.write(("\n\n---\n" if printed else "") + text)
        sys.stdout.flush()

    upload = {"name": path.name, "path": str(path)}
    # The graph pulls in langgraph and the model clients: import it only when asked.
    from graph.providers import ModelSet
    from graph.session import LOCAL_USER, open_assistant, run_turn

    models = ModelSet() if no_model else None
    async with open_assistant(settings, models=models) as assistant:
        result = await run_turn(
            assistant,
            thread_id=thread,
            text=message,
            uploads=[upload],
            on_token=token if stream else None,
            on_replace=replace if stream else None,
            user_id=LOCAL_USER,
        )
    if stream:
        sys.stdout.write("\n")
    return result


def run(args: argparse.Namespace) -> int:
    """Handle `greenlight ask`."""
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"{args.file}: no such file")
    thread = args.thread or f"cli-{path.resolve().stem}"
    result = asyncio.run(
        ask(
            Settings(),
            path,
            args.message,
            thread=thread,
            stream=not args.json,
            no_model=args.no_model,
        )
    )
    if args.json:
        print_json(result_record(result, thread))
    return 0

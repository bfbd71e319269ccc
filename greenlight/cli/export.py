"""`greenlight export FILE --doc NAME --out PATH`: one printed document of a screenplay's plan.

Plans the script as `greenlight plan` does (cached), then renders the stripboard, one-liner,
shooting schedule, DOOD, breakdown sheets, a call sheet, the calendar (.ics) or the JSON
schedule. The plan is unsaved, so documents carry "plan version 0" and today's date.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from greenlight.cli.common import UserError
from greenlight.settings import Settings

__all__ = ["call_options", "register"]

_DOCS = ("stripboard", "oneliner", "schedule", "dood", "breakdown", "callsheet", "ics", "json")


def register(subparsers: Any) -> None:
    """Add the `export` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help="print a document of a screenplay's plan (PDF, .ics or JSON)",
        description="Plan a screenplay and write one document: stripboard, one-liner, "
        "shooting schedule, day out of days, breakdown sheets, a call sheet, iCalendar or JSON.",
    )
    parser.add_argument("file", type=Path, help="screenplay (.fountain, .fdx, .pdf, .txt)")
    parser.add_argument("--doc", required=True, choices=_DOCS, help="which document")
    parser.add_argument("--day", type=int, default=1, help="shooting day of a call sheet (1-)")
    parser.add_argument("--paper", choices=("letter", "a4"), help="paper size (default: setting)")
    parser.add_argument("--start-date", help="ISO date of the first shooting day (for dates)")
    parser.add_argument("--days", type=int, help="exact number of shooting days")
    parser.add_argument("--time-limit", type=float, help="solver time limit in seconds")
    parser.add_argument("--out", type=Path, required=True, help="where to write the document")
    parser.set_defaults(handler=handle)


def call_options(settings: Settings) -> Any:
    """The call sheet's options from the settings (crew call, shooting call, make-up lead)."""
    from tools.paperwork import CallOptions

    return CallOptions(
        crew_call=settings.crew_call,
        shooting_call=settings.shooting_call,
        makeup_lead_minutes=settings.makeup_lead_minutes,
    )


def handle(args: argparse.Namespace) -> int:
    """Plan the file and write the document."""
    from tools import parsing
    from tools.paperwork import build_board, render_document
    from tools.plan import PlanCache, PlanInputs, make_plan

    settings = Settings()
    if not args.file.is_file():
        raise UserError(f"{args.file} does not exist or is not a file")
    if args.start_date:
        date.fromisoformat(args.start_date)
    script = parsing.read_script(args.file.read_bytes(), filename=args.file.name)
    inputs = PlanInputs(
        days=args.days,
        pages_per_day=settings.pages_per_day,
        rate_card=str(settings.rate_card) if settings.rate_card else None,
        currency=settings.currency,
        start_date=args.start_date,
        time_limit_s=args.time_limit or settings.solver_time_limit_s,
        seed=settings.solver_seed,
    )
    plan = make_plan(script, inputs, cache=PlanCache(settings.data_dir / "cache"))
    if not plan.schedule.days:
        raise UserError("no schedule could be made: " + " ".join(plan.schedule.diagnosis))
    board = build_board(plan, script, version=0, version_date=date.today())
    rendered = render_document(
        board,
        args.doc,
        paper=args.paper or settings.paper_size,
        day=args.day,
        options=call_options(settings),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(rendered.data)
    print(f"wrote {args.out} ({rendered.mime}, {len(rendered.data):,} bytes)")
    return 0

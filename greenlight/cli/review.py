"""`greenlight review NAME`: one user's saved sessions, as the /review page lists them.

For the person running the server (like `greenlight users`): it reads the configured
database directly. The list comes from `store.review.load_review`, the page's own query.
"""

from __future__ import annotations

import argparse
from typing import Any

from greenlight.cli.common import UserError, print_json
from greenlight.settings import Settings

__all__ = ["register"]


def _handle(args: argparse.Namespace) -> int:
    from greenlight.chat.review import review_frame
    from greenlight.cli.users import run_with_engine
    from store import users
    from store.review import load_review

    async def load(engine: Any) -> Any:
        if args.name not in {u.identifier for u in await users.list_users(engine)}:
            raise UserError(f"no user {args.name!r}: see greenlight users list")
        return await load_review(engine, args.name, sort=args.sort, search=args.search)

    review = run_with_engine(Settings(), load)
    if args.json:
        print_json(review.model_dump(mode="json"))
        return 0
    if not review.sessions:
        print(f"{args.name} has no saved sessions" + (" matching that" if args.search else ""))
        return 0
    frame = review_frame(review).drop(columns=["Link"])
    print(frame.to_string(index=False))
    return 0


def register(subparsers: Any) -> None:
    """Add the `review` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help="list a user's saved sessions (scripts, versions, days, budget, model use)",
        description="List one user's saved sessions as the chat's /review page does.",
    )
    parser.add_argument("name", help="the user (see greenlight users list)")
    parser.add_argument("--sort", default="activity", help="activity (default), title or budget")
    parser.add_argument("--search", default="", help="only sessions whose title contains this")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=_handle)

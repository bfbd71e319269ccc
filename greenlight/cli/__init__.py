"""The `greenlight` command: one module per subcommand, each exposing `register(subparsers)`.

A subcommand's handler returns an exit status. Errors a user can fix (a bad file, a bad
option) raise `UserError` or `ValueError` and are printed as one `error: ...` line on
stderr with exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from greenlight.cli.common import UserError

__all__ = ["UserError", "build_parser", "main", "subcommand_modules"]


def subcommand_modules() -> list[ModuleType]:
    """Every module of this package that defines `register(subparsers)`, by name."""
    modules = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "register"):
            modules.append(module)
    return modules


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser, with every registered subcommand."""
    parser = argparse.ArgumentParser(
        prog="greenlight",
        description="Production planning from a screenplay: breakdown, schedule, budget.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in subcommand_modules():
        module.register(sub)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line's arguments (exits with usage on bad ones)."""
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    # argparse takes a command's positionals in one run, so `ask FILE --thread T "question"`
    # would leave the question over: a trailing message is the message.
    if extra and getattr(args, "message", None) == "" and not extra[0].startswith("-"):
        args.message, extra = extra[0], extra[1:]
    if extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = parse(argv)
    try:
        return int(args.handler(args))
    except (UserError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

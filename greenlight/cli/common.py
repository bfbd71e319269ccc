"""Helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from typing import Any

__all__ = ["UserError", "print_json"]


class UserError(Exception):
    """A problem the user can fix; printed as `error: <message>`."""


def print_json(obj: Any) -> None:
    """Print one JSON object on stdout."""
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")

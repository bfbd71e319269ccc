"""`greenlight serve`: prepare the data directory and database, then run the chat.

On the first run it creates the first user and shows the password once, on the terminal
only (never on stdout or in a log, which often end up in a service's journal). The
token-signing secret is generated on first run and kept in the data directory, so sign-ins
survive restarts. The data directory is the owner's only (0700, files 0600).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from greenlight.chat.secret import ensure_auth_secret
from greenlight.chat.security_files import restrict_umask, secure_data_dir, show_once
from greenlight.cli.users import run_with_engine
from greenlight.settings import PROJECT_ROOT, Settings

# store/ (SQLAlchemy, Chainlit) is imported in the handlers: `greenlight --help` imports
# every subcommand module and must stay fast.

__all__ = [
    "FirstUser",
    "announce_first_user",
    "chainlit_command",
    "prepare",
    "register",
    "server_env",
]

FIRST_USER = "producer"


@dataclass(frozen=True)
class FirstUser:
    """The user created on first run, with the password to print once."""

    name: str
    password: str


async def _prepare_db(engine: Any, first_user: str) -> FirstUser | None:
    from store import users
    from store.chat_schema import create_chat_tables
    from store.db import create_tables

    await create_chat_tables(engine)
    await create_tables(engine)
    if await users.list_users(engine):
        return None
    password = users.generate_password()
    await users.create_user(engine, first_user, password)
    return FirstUser(first_user, password)


def prepare(settings: Settings, *, first_user: str = FIRST_USER) -> FirstUser | None:
    """Create the data directory (0700), the tables and (on first run) the first user."""
    secure_data_dir(settings.data_dir)
    first = run_with_engine(settings, lambda engine: _prepare_db(engine, first_user))
    database = None if settings.database_url else settings.sqlite_path()
    secure_data_dir(settings.data_dir, database=database)
    return first


def server_env(settings: Settings, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for the Chainlit process: the settings it must see, and the secret."""
    env = dict(os.environ if base is None else base)
    env.update(
        GREENLIGHT_DATA_DIR=str(settings.data_dir),
        GREENLIGHT_HOST=settings.host,
        GREENLIGHT_PORT=str(settings.port),
    )
    if settings.database_url:
        env["GREENLIGHT_DATABASE_URL"] = settings.database_url
    if settings.public_url:
        env["GREENLIGHT_PUBLIC_URL"] = settings.public_url
    ensure_auth_secret(settings.data_dir, environ=env)
    return env


def chainlit_command(settings: Settings, *, app: Path = PROJECT_ROOT / "app.py") -> list[str]:
    """The command that runs the app headless on the configured host and port."""
    return [
        sys.executable,
        "-m",
        "chainlit",
        "run",
        str(app),
        "--headless",
        "--host",
        settings.host,
        "--port",
        str(settings.port),
    ]


def announce_first_user(first: FirstUser) -> bool:
    """Show the first user's password on the terminal once; True when it was shown."""
    change = f"greenlight users passwd {first.name}"
    return show_once(
        f"Created the first user. Sign in as {first.name!r} with password: {first.password}\n"
        f"(shown once, on this terminal only; change it with `{change}`)",
        fallback=f"Created the first user {first.name!r}. No terminal to show its password "
        f"on (it is never written to the log): set one with `{change}`.",
    )


def _serve(args: argparse.Namespace) -> int:
    overrides = {k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    settings = Settings(**overrides)
    # Before anything is created: the database, secret and uploads are the owner's only.
    restrict_umask()
    first = prepare(settings)
    address = f"http://{settings.host}:{settings.port}"
    if first is not None:
        announce_first_user(first)
    # The Redis URL may carry a password: say where, not how.
    jobs = (
        "child processes" if settings.jobs == "local" else "Celery workers (GREENLIGHT_REDIS_URL)"
    )
    print(f"Greenlight is starting at {address}, solving in {jobs}  (Ctrl-C stops it)", flush=True)
    try:
        return subprocess.call(
            chainlit_command(settings), cwd=PROJECT_ROOT, env=server_env(settings)
        )
    except KeyboardInterrupt:
        return 0


def register(subparsers: Any) -> None:
    """Add `serve` to the `greenlight` parser."""
    parser = subparsers.add_parser("serve", help="run the chat app (what `make run` does)")
    parser.add_argument("--host", help="address to listen on (default: settings)")
    parser.add_argument("--port", type=int, help="port (default: settings)")
    parser.set_defaults(handler=_serve)

"""`greenlight users`: add, list, delete and re-password the people who can sign in.

Changing a password or deleting a user ends that user's open sessions (their sign-in tokens
stop working); `greenlight users signout NAME` ends them without changing anything else.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from greenlight.cli.common import UserError, print_json
from greenlight.settings import Settings

# store/ pulls in SQLAlchemy and Chainlit (seconds): imported in the handlers, so that
# `greenlight --help`, which imports every subcommand module, stays fast.

__all__ = ["read_password", "register", "run_with_engine"]

T = TypeVar("T")


def run_with_engine(settings: Settings, action: Callable[[Any], Awaitable[T]]) -> T:
    """Run `action(engine)` on the configured database, its chat tables created first."""

    from greenlight.chat.security_files import restrict_umask
    from store.chat_schema import create_chat_tables
    from store.db import make_engine

    # A database this command creates is readable by its owner only.
    restrict_umask()

    async def go() -> T:
        engine = make_engine(settings.resolved_database_url())
        try:
            await create_chat_tables(engine)
            return await action(engine)
        finally:
            await engine.dispose()

    return asyncio.run(go())


def read_password(args: argparse.Namespace) -> tuple[str, bool]:
    """The new password and whether it was generated (from stdin, a prompt, or generated)."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n"), False
    if args.generate or not sys.stdin.isatty():
        from store.users import generate_password

        return generate_password(), True
    first = getpass.getpass("New password: ")
    if first != getpass.getpass("Repeat it: "):
        raise UserError("the two passwords differ")
    return first, False


def _add(args: argparse.Namespace) -> int:
    from store import users

    password, generated = read_password(args)
    run_with_engine(Settings(), lambda e: users.create_user(e, args.name, password))
    print(f"user {args.name} added")
    if generated:
        print(f"password (shown once): {password}")
    return 0


def _passwd(args: argparse.Namespace) -> int:
    from store import users

    password, generated = read_password(args)
    run_with_engine(Settings(), lambda e: users.set_password(e, args.name, password))
    print(f"password of {args.name} changed")
    if generated:
        print(f"password (shown once): {password}")
    return 0


def _signout(args: argparse.Namespace) -> int:
    from store import users

    if not run_with_engine(Settings(), lambda e: users.revoke_tokens(e, args.name)):
        raise UserError(f"no user {args.name!r}")
    print(f"every session of {args.name} is signed out")
    return 0


def _list(args: argparse.Namespace) -> int:
    from store import users

    found = run_with_engine(Settings(), users.list_users)
    if args.json:
        print_json([{"name": u.identifier, "created": u.created_at} for u in found])
    else:
        for user in found:
            print(f"{user.identifier}\t{user.created_at}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    from store import users

    settings = Settings()
    keys = run_with_engine(settings, lambda e: users.delete_user(e, args.name))
    from store.storage import LocalStorageClient

    storage = LocalStorageClient(settings.data_dir / "files")
    for key in keys:
        asyncio.run(storage.delete_file(key))
    print(f"user {args.name} deleted, with their sessions and {len(keys)} files")
    return 0


def _password_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--password-stdin", action="store_true", help="read it from stdin")
    group.add_argument("--generate", action="store_true", help="generate one and print it once")


def register(subparsers: Any) -> None:
    """Add `users` and its subcommands to the `greenlight` parser."""
    parser = subparsers.add_parser("users", help="manage who can sign in to the chat")
    sub = parser.add_subparsers(dest="users_command", required=True, metavar="ACTION")
    add = sub.add_parser("add", help="add a user (prompts for a password, or --generate)")
    add.add_argument("name")
    _password_options(add)
    add.set_defaults(handler=_add)
    passwd = sub.add_parser("passwd", help="set a user's password")
    passwd.add_argument("name")
    _password_options(passwd)
    passwd.set_defaults(handler=_passwd)
    signout = sub.add_parser("signout", help="end every session of a user")
    signout.add_argument("name")
    signout.set_defaults(handler=_signout)
    listing = sub.add_parser("list", help="list users")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)
    delete = sub.add_parser("delete", help="delete a user with their saved sessions")
    delete.add_argument("name")
    delete.set_defaults(handler=_delete)

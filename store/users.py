"""Password users: scrypt hashes with a per-user salt in the `credentials` table.

Only the hash, its salt and the scrypt parameters are stored. Verification compares in
constant time and does the same work for an unknown name as for a known one, so a login
attempt cannot tell which user names exist by timing; the hash runs in a worker thread, so
a burst of sign-ins does not stall the server's event loop.

Each user also has a token version, signed into every sign-in token: a token is honoured
only while it carries the current version, so changing the password or `revoke_tokens`
(sign-out) ends every earlier session, and deleting the user ends them all. A new user's
version starts at a random value, so a re-created name never revives an old token.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "UserRecord",
    "authenticate",
    "create_user",
    "delete_user",
    "generate_password",
    "hash_password",
    "list_users",
    "revoke_tokens",
    "set_password",
    "token_version",
    "verify_password",
]

MIN_PASSWORD_LENGTH = 8
# scrypt at n=2**14, r=8 costs 16 MB and tens of milliseconds: slow for a guesser, fine for a login.
_N, _R, _P = 2**14, 8, 1
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
_DUMMY_SALT = "00" * 16


@dataclass(frozen=True, slots=True)
class UserRecord:
    """A password user as listed: the sign-in name and when it was created."""

    identifier: str
    created_at: str


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _check_name(identifier: str) -> str:
    if not _NAME.match(identifier):
        raise ValueError(
            f"user name {identifier!r} is not valid: use 1-64 letters, digits, '.', '_', '@' or '-'"
        )
    return identifier


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"password is too short: use at least {MIN_PASSWORD_LENGTH} characters")
    return password


def _scrypt(password: str, salt_hex: str, params: str) -> str:
    kind, n, r, p = params.split(":")
    if kind != "scrypt":
        raise ValueError(f"unknown password hash {kind!r}")
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=bytes.fromhex(salt_hex),
        n=int(n),
        r=int(r),
        p=int(p),
        maxmem=64 * 1024 * 1024,
        dklen=32,
    )
    return digest.hex()


def hash_password(password: str, *, salt_hex: str | None = None) -> tuple[str, str, str]:
    """`(salt, hash, params)` for a password; a fresh random salt unless one is given."""
    salt_hex = salt_hex or secrets.token_hex(16)
    params = f"scrypt:{_N}:{_R}:{_P}"
    return salt_hex, _scrypt(password, salt_hex, params), params


def verify_password(password: str, *, salt_hex: str, hash_hex: str, params: str) -> bool:
    """True when the password matches the stored hash (constant-time comparison)."""
    return hmac.compare_digest(_scrypt(password, salt_hex, params), hash_hex)


def _first_version() -> int:
    # Random, so a deleted and re-created name does not accept the old user's tokens.
    return secrets.randbelow(2**31)


def generate_password() -> str:
    """A random password a person can type (about 100 bits)."""
    return secrets.token_urlsafe(15)


async def create_user(engine: AsyncEngine, identifier: str, password: str) -> UserRecord:
    """Add a password user; ValueError when the name is taken or invalid."""
    _check_name(identifier)
    salt, digest, params = await asyncio.to_thread(hash_password, _check_password(password))
    now = _now()
    async with engine.begin() as conn:
        taken = await conn.execute(
            text('SELECT 1 FROM credentials WHERE "identifier" = :i'), {"i": identifier}
        )
        if taken.first() is not None:
            raise ValueError(f"user {identifier!r} already exists")
        await conn.execute(
            text(
                'INSERT INTO credentials ("identifier", "salt", "hash", "params", '
                '"tokenVersion", "createdAt", "updatedAt") VALUES (:i, :s, :h, :p, :v, :c, :c)'
            ),
            {"i": identifier, "s": salt, "h": digest, "p": params, "v": _first_version(), "c": now},
        )
    return UserRecord(identifier, now)


async def set_password(engine: AsyncEngine, identifier: str, password: str) -> None:
    """Replace a user's password (new salt) and end their sessions; ValueError when unknown."""
    salt, digest, params = await asyncio.to_thread(hash_password, _check_password(password))
    async with engine.begin() as conn:
        result = await conn.execute(
            text(
                'UPDATE credentials SET "salt" = :s, "hash" = :h, "params" = :p, '
                '"tokenVersion" = "tokenVersion" + 1, "updatedAt" = :u WHERE "identifier" = :i'
            ),
            {"i": identifier, "s": salt, "h": digest, "p": params, "u": _now()},
        )
        if result.rowcount == 0:
            raise ValueError(f"no user {identifier!r}")


async def token_version(engine: AsyncEngine, identifier: str) -> int | None:
    """The version a sign-in token of this user must carry, or None for no such user."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text('SELECT "tokenVersion" FROM credentials WHERE "identifier" = :i'),
                {"i": identifier},
            )
        ).first()
    return None if row is None else int(row[0])


async def revoke_tokens(engine: AsyncEngine, identifier: str) -> bool:
    """End every session of the user (their tokens stop working); False for no such user."""
    async with engine.begin() as conn:
        result = await conn.execute(
            text(
                'UPDATE credentials SET "tokenVersion" = "tokenVersion" + 1, "updatedAt" = :u '
                'WHERE "identifier" = :i'
            ),
            {"i": identifier, "u": _now()},
        )
    return bool(result.rowcount)


async def list_users(engine: AsyncEngine) -> list[UserRecord]:
    """Every password user, by name."""
    async with engine.connect() as conn:
        rows = await conn.execute(
            text('SELECT "identifier", "createdAt" FROM credentials ORDER BY "identifier"')
        )
        return [UserRecord(row[0], row[1]) for row in rows]


async def delete_user(engine: AsyncEngine, identifier: str) -> list[str]:
    """Remove a user, their saved sessions and their chat rows; ValueError when unknown.

    Returns the storage keys of the deleted sessions' files, for the caller to delete from
    the storage client (the database cannot reach the disk).
    """
    owned = 'SELECT "id" FROM threads WHERE "userIdentifier" = :i'
    async with engine.begin() as conn:
        result = await conn.execute(
            text('DELETE FROM credentials WHERE "identifier" = :i'), {"i": identifier}
        )
        if result.rowcount == 0:
            raise ValueError(f"no user {identifier!r}")
        keys = await conn.execute(
            text(f'SELECT "objectKey" FROM elements WHERE "threadId" IN ({owned})'),
            {"i": identifier},
        )
        object_keys = [row[0] for row in keys if row[0]]
        for table, column in (
            ("feedbacks", "threadId"),
            ("elements", "threadId"),
            ("steps", "threadId"),
        ):
            await conn.execute(
                text(f'DELETE FROM {table} WHERE "{column}" IN ({owned})'), {"i": identifier}
            )
        await conn.execute(
            text('DELETE FROM threads WHERE "userIdentifier" = :i'), {"i": identifier}
        )
        await conn.execute(text('DELETE FROM users WHERE "identifier" = :i'), {"i": identifier})
    return object_keys


async def authenticate(engine: AsyncEngine, identifier: str, password: str) -> bool:
    """True when the name exists and the password matches it."""
    async with engine.connect() as conn:
        row = (
            await conn.execute(
                text('SELECT "salt", "hash", "params" FROM credentials WHERE "identifier" = :i'),
                {"i": identifier},
            )
        ).first()
    # An unknown name costs the same as a real check, so timing does not reveal names.
    salt, digest, params = (
        tuple(row) if row is not None else (_DUMMY_SALT, "", f"scrypt:{_N}:{_R}:{_P}")
    )
    # scrypt takes tens of milliseconds of CPU: in a thread, the event loop serves others.
    matched = await asyncio.to_thread(
        verify_password, password, salt_hex=salt, hash_hex=digest, params=params
    )
    return matched and row is not None

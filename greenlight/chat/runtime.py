"""Wiring the Chainlit app to Greenlight: database, storage, sign-in, page and routes.

`app.py` builds one `Runtime` at import (Chainlit imports the app before serving) and its
handlers call into it. Tests build their own with their own `Settings`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import ModuleType
from urllib.parse import urlsplit

import chainlit as cl
from chainlit.config import config as chainlit_config
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.datalayer import GreenlightDataLayer, ThreadHook
from greenlight.chat.files import files_router, install_first
from greenlight.chat.ops import ModelsOf, ops_router
from greenlight.chat.page import install_offline_page
from greenlight.chat.review_page import review_router
from greenlight.chat.secret import ensure_auth_secret
from greenlight.chat.security_tokens import TOKEN_VERSION
from greenlight.chat.session_wait import WaitForSession
from greenlight.settings import Settings
from store import users
from store.chat_schema import create_chat_tables
from store.db import make_engine
from store.storage import LocalStorageClient

__all__ = ["STARTERS", "Runtime", "allowed_origins", "build_runtime"]

STARTERS: tuple[cl.Starter, ...] = (
    cl.Starter(label="How do I start?", message="How do I start a plan from my screenplay?"),
    cl.Starter(label="What's on day 1?", message="What's on day 1, and who works?"),
    cl.Starter(label="Days and budget", message="How many days, and what's the budget?"),
    cl.Starter(label="Two fewer days", message="What if we shoot in two fewer days?"),
)


def allowed_origins(settings: Settings) -> list[str]:
    """The origins the page is served from: the bound address (loopback under both of its
    names; any-address binds are reached through loopback) and the public URL, if set."""
    hosts = {settings.host}
    if settings.host in ("127.0.0.1", "localhost", "0.0.0.0", "::"):
        hosts = {"127.0.0.1", "localhost"}
    origins = {f"http://{host}:{settings.port}" for host in hosts}
    if settings.public_url:
        parts = urlsplit(settings.public_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"public_url {settings.public_url!r} is not an http(s) address")
        origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


@dataclass
class Runtime:
    """The app's long-lived parts, built once per process."""

    settings: Settings
    engine: AsyncEngine
    storage: LocalStorageClient
    data_layer: GreenlightDataLayer

    async def create_tables(self) -> None:
        """Create the chat tables when missing (idempotent)."""
        await create_chat_tables(self.engine)

    async def sign_in(self, username: str, password: str) -> cl.User | None:
        """The Chainlit user for a correct name and password, else None.

        The user's token version goes into the metadata Chainlit signs into the token, so
        the token stops working when the version changes (see greenlight.chat.security).
        """
        if not await users.authenticate(self.engine, username, password):
            return None
        version = await users.token_version(self.engine, username)
        metadata = {"provider": "password", TOKEN_VERSION: version}
        return cl.User(identifier=username, metadata=metadata)

    def install(self, server: ModuleType, *, models: ModelsOf | None = None) -> None:
        """Hook the runtime into Chainlit's server: files, metrics and health routes, offline
        page, origins. `models` gives the open assistant's models for the health check."""
        install_first(server.app, files_router(self.storage, self.data_layer.file_owner))
        install_first(server.app, review_router(self.engine))
        install_first(server.app, ops_router(self.settings, self.engine, models=models))
        install_offline_page(server)
        # A file attached in the first second after sign-in reaches the upload route before
        # the websocket session exists ("Session not found"): it waits for the session.
        server.app.add_middleware(WaitForSession)
        origins = allowed_origins(self.settings)
        # Chainlit's CORS middleware holds this very list; it is built on the first request.
        chainlit_config.project.allow_origins[:] = origins
        # Chainlit turns the websocket's origin check off ([]); a page on another site could
        # otherwise open a socket to this app. Browsers send Origin on every websocket.
        server.sio.eio.cors_allowed_origins = origins


def build_runtime(settings: Settings, *, on_thread_deleted: Iterable[ThreadHook] = ()) -> Runtime:
    """Engine, storage and data layer for the configured database and data directory.

    `on_thread_deleted` runs after a session is deleted (e.g. the planner dropping the
    thread's checkpoints); more can be appended to `runtime.data_layer.thread_deleted_hooks`.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    ensure_auth_secret(settings.data_dir)
    url = settings.resolved_database_url()
    storage = LocalStorageClient(settings.data_dir / "files")
    return Runtime(
        settings=settings,
        engine=make_engine(url),
        storage=storage,
        data_layer=GreenlightDataLayer(url, storage=storage, on_thread_deleted=on_thread_deleted),
    )

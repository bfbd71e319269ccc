"""The app's security layer, installed into Chainlit's server in one call.

What it enforces (README "Security" lists it for operators):
- request bodies limited before any parsing or sign-in check (`security_http.BodyLimit`);
- sign-in tokens revocable by a per-user token version (`security_tokens`), anonymous
  uploads refused before their body is read;
- sign-in attempts limited per name and per address with backoff (`security_login`);
- feedback only on the user's own steps (`security_feedback`), steps only into the
  session's own thread (`datalayer`);
- security headers on every response, no generated API docs;
- the data directory 0700 and its files 0600 (`security_files`).
"""

from __future__ import annotations

from functools import partial
from types import ModuleType

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.datalayer import GreenlightDataLayer
from greenlight.chat.files import install_first
from greenlight.chat.security_feedback import feedback_router
from greenlight.chat.security_files import restrict_umask, secure_data_dir
from greenlight.chat.security_http import (
    BodyLimit,
    Limits,
    SecurityHeaders,
    docs_router,
    remove_api_docs,
)
from greenlight.chat.security_login import login_router
from greenlight.chat.security_tokens import (
    TokenGate,
    current_identifier,
    refresh_router,
    request_token,
)
from greenlight.settings import Settings
from store import users

__all__ = ["UPLOAD_PATHS", "install_security", "sign_out"]

#: Routes that receive files.
UPLOAD_PATHS = ("/project/file",)
#: Room for the multipart framing around an upload of the largest accepted size.
_MULTIPART_SLACK = 64 * 1024


def upload_limit(settings: Settings) -> int:
    """The largest upload request body accepted, in bytes."""
    return int(settings.max_upload_mb * 1024 * 1024) + _MULTIPART_SLACK


def install_security(
    server: ModuleType, settings: Settings, engine: AsyncEngine, layer: GreenlightDataLayer
) -> None:
    """Harden Chainlit's server module before it starts serving (call once, at import)."""
    restrict_umask()
    database = None if settings.database_url else settings.sqlite_path()
    secure_data_dir(settings.data_dir, database=database)
    version_of = partial(users.token_version, engine)
    app = server.app
    remove_api_docs(app)
    install_first(app, docs_router())
    install_first(app, feedback_router(layer))
    install_first(app, refresh_router(version_of))
    install_first(app, login_router(engine, server.login))
    # add_middleware puts each outside the ones before: headers, then limits, then tokens.
    app.add_middleware(TokenGate, version_of=version_of, signed_in_paths=UPLOAD_PATHS)
    limits = Limits(upload=upload_limit(settings), upload_paths=UPLOAD_PATHS)
    app.add_middleware(BodyLimit, limits=limits)
    app.add_middleware(SecurityHeaders)


async def sign_out(engine: AsyncEngine, request: Request) -> dict[str, bool]:
    """Chainlit's on_logout: end every session of the signed-out user (all their tokens)."""
    token = request_token(request)
    identifier = (
        await current_identifier(token, partial(users.token_version, engine)) if token else None
    )
    if identifier is not None:
        await users.revoke_tokens(engine, identifier)
    return {"success": True}

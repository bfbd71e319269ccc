"""Serving stored chat files behind the app's own sign-in, to their owner only.

The storage client's read URLs name a digest; this route answers them only for the signed-in
user who owns the session the file belongs to, as the database says (not the object key's
prefix: Chainlit writes "unknown" there when a file is saved before its thread has an owner),
and 404 for everyone else, the same answer as for a missing file, so ids cannot be probed.
Types a browser could run (HTML, SVG, ...) are sent as attachments with a sandboxing policy.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from chainlit.auth import get_current_user
from fastapi import APIRouter, Depends, FastAPI, HTTPException
from fastapi.responses import FileResponse

from store.storage import FILES_ROUTE, LocalStorageClient

__all__ = ["INLINE_TYPES", "OwnerOf", "files_router", "install_first"]

#: Types shown in the page (charts, tables, images); everything else downloads.
INLINE_TYPES = frozenset(
    {"application/json", "text/plain", "text/csv", "image/png", "image/jpeg", "application/pdf"}
)


OwnerOf = Callable[[str], Awaitable[str | None]]


def files_router(storage: LocalStorageClient, owner_of: OwnerOf) -> APIRouter:
    """Routes serving `storage`'s files at FILES_ROUTE.

    `owner_of(object_key)` gives the identifier of the user whose session holds the file.
    """
    router = APIRouter()

    @router.get(FILES_ROUTE + "/{digest}")
    async def serve_file(
        digest: str, user: Annotated[Any, Depends(get_current_user)]
    ) -> FileResponse:
        if user is None:
            raise HTTPException(status_code=401, detail="Sign in first")
        stored = storage.lookup(digest)
        owner = await owner_of(stored.object_key) if stored is not None else None
        if stored is None or owner is None or owner != getattr(user, "identifier", None):
            raise HTTPException(status_code=404, detail="File not found")
        mime = stored.mime.split(";")[0].strip().lower()
        disposition = "inline" if mime in INLINE_TYPES else "attachment"
        return FileResponse(
            stored.path,
            media_type=mime if mime in INLINE_TYPES else "application/octet-stream",
            filename=stored.name or "download",
            content_disposition_type=disposition,
            headers={
                "X-Content-Type-Options": "nosniff",
                "Content-Security-Policy": "sandbox; default-src 'none'",
                "Cache-Control": "private, no-store",
            },
        )

    return router


def install_first(app: FastAPI, router: APIRouter) -> None:
    """Add the router's routes ahead of the app's existing ones.

    Chainlit ends its routes with a catch-all that serves the page for any GET path; routes
    added after it would never be reached.
    """
    before = len(app.router.routes)
    app.include_router(router)
    added = app.router.routes[before:]
    del app.router.routes[before:]
    app.router.routes[0:0] = added

"""A local-disk storage client for Chainlit's data layer: the files a chat shows.

Chainlit builds an object key as `<user id>/<element id>/<element name>`, and the element
name can come from the user (an uploaded file's name). No path is ever built from the key:
a file lives at `<root>/<first two hex>/<sha256 of the key>`, with a JSON sidecar holding the
key, its MIME type and the key's owner segment. The URL handed to the browser names only the
digest, and the app serves it after checking in the database that the signed-in user owns the
session holding it (greenlight/chat/files.py).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chainlit.data.storage_clients.base import BaseStorageClient

__all__ = ["FILES_ROUTE", "LocalStorageClient", "StoredFile"]

#: Where the app serves stored files; the client's read URLs point here.
FILES_ROUTE = "/greenlight/files"
_DIGEST = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class StoredFile:
    """A stored file's location on disk and what the sidecar says about it."""

    path: Path
    object_key: str
    mime: str
    owner: str
    name: str


def _digest(object_key: str) -> str:
    if not object_key or "\x00" in object_key:
        raise ValueError(f"invalid object key {object_key!r}")
    return hashlib.sha256(object_key.encode("utf-8")).hexdigest()


class LocalStorageClient(BaseStorageClient):
    """Chainlit storage on the local disk under one root folder."""

    def __init__(self, root: Path, *, url_prefix: str = FILES_ROUTE) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.url_prefix = url_prefix.rstrip("/")

    def _paths(self, digest: str) -> tuple[Path, Path]:
        if not _DIGEST.match(digest):
            raise ValueError(f"invalid file id {digest!r}")
        folder = self.root / digest[:2]
        return folder / digest, folder / f"{digest}.json"

    def _write(self, object_key: str, data: bytes, mime: str, overwrite: bool) -> str:
        digest = _digest(object_key)
        blob, meta = self._paths(digest)
        if blob.exists() and not overwrite:
            raise FileExistsError(f"object {object_key!r} exists")
        blob.parent.mkdir(parents=True, exist_ok=True)
        owner, _, rest = object_key.partition("/")
        sidecar = {
            "object_key": object_key,
            "mime": mime,
            "owner": owner,
            "name": rest.rpartition("/")[2],
        }
        # Write to a temporary name then rename, so a reader never sees half a file.
        for path, content in ((blob, data), (meta, json.dumps(sidecar).encode("utf-8"))):
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_bytes(content)
            os.chmod(tmp, 0o600)  # chat files are the server's only, whatever the umask
            os.replace(tmp, path)
        return digest

    async def upload_file(
        self,
        object_key: str,
        data: bytes | str,
        mime: str = "application/octet-stream",
        overwrite: bool = True,
        content_disposition: str | None = None,
    ) -> dict[str, Any]:
        """Store bytes (or text, as UTF-8) under the key; returns its key and read URL."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        digest = await asyncio.to_thread(self._write, object_key, raw, mime, overwrite)
        return {"object_key": object_key, "url": f"{self.url_prefix}/{digest}"}

    async def delete_file(self, object_key: str) -> bool:
        """Remove the file and its sidecar; False when it was not there."""
        blob, meta = self._paths(_digest(object_key))
        existed = blob.exists()
        blob.unlink(missing_ok=True)
        meta.unlink(missing_ok=True)
        return existed

    async def get_read_url(self, object_key: str) -> str:
        """The app-relative URL the browser fetches (served behind the app's auth)."""
        return f"{self.url_prefix}/{_digest(object_key)}"

    async def close(self) -> None:
        """Nothing to release: files are opened per request."""

    def lookup(self, digest: str) -> StoredFile | None:
        """The stored file a read URL names, or None (also for malformed ids)."""
        try:
            blob, meta = self._paths(digest)
        except ValueError:
            return None
        if not (blob.is_file() and meta.is_file()):
            return None
        info = json.loads(meta.read_text(encoding="utf-8"))
        return StoredFile(blob, info["object_key"], info["mime"], info["owner"], info["name"])

    def exists(self, object_key: str) -> bool:
        """True when a file is stored under the key."""
        return self._paths(_digest(object_key))[0].is_file()

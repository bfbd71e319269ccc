"""The local storage client and the route that serves its files to their owner only."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from chainlit.auth import get_current_user
from fastapi import FastAPI
from fastapi.testclient import TestClient

from greenlight.chat.files import files_router, install_first
from store.storage import FILES_ROUTE, LocalStorageClient


def _all_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    "key",
    [
        "user-1/element/../../../../etc/passwd",
        "user-1/element//absolute/path",
        "user-1/e/" + "é" * 300,
        "/etc/shadow",
        "user-1/e/name with spaces.csv",
    ],
)
async def test_keys_never_become_paths(tmp_path: Path, key: str) -> None:
    storage = LocalStorageClient(tmp_path / "files")
    result = await storage.upload_file(key, b"data", mime="text/csv")
    assert result["object_key"] == key
    files = _all_files(tmp_path)
    assert files and all(p.is_relative_to((tmp_path / "files").resolve()) for p in files)
    assert all(p.parent.parent == (tmp_path / "files").resolve() for p in files)
    assert storage.exists(key)
    assert await storage.delete_file(key)
    assert not _all_files(tmp_path)
    assert not await storage.delete_file(key)


async def test_upload_text_overwrite_and_lookup(tmp_path: Path) -> None:
    storage = LocalStorageClient(tmp_path)
    await storage.upload_file("u1/e1/plan.json", "{}", mime="application/json")
    url = await storage.get_read_url("u1/e1/plan.json")
    digest = url.removeprefix(FILES_ROUTE + "/")
    stored = storage.lookup(digest)
    assert stored is not None
    assert (stored.owner, stored.name, stored.mime) == ("u1", "plan.json", "application/json")
    assert stored.path.read_bytes() == b"{}"
    await storage.upload_file("u1/e1/plan.json", b"[1]", mime="application/json")
    assert stored.path.read_bytes() == b"[1]"
    with pytest.raises(FileExistsError):
        await storage.upload_file("u1/e1/plan.json", b"x", overwrite=False)


@pytest.mark.parametrize("digest", ["..", "../../etc/passwd", "ABC", "0" * 63, "g" * 64, ""])
def test_lookup_refuses_malformed_ids(tmp_path: Path, digest: str) -> None:
    assert LocalStorageClient(tmp_path).lookup(digest) is None


@pytest.mark.parametrize("key", ["", "a\x00b"])
async def test_invalid_keys_raise(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValueError, match="invalid object key"):
        await LocalStorageClient(tmp_path).upload_file(key, b"x")


def _client(
    storage: LocalStorageClient, user: Any, owners: dict[str, str] | None = None
) -> TestClient:
    app = FastAPI()
    owners = owners or {}

    async def owner_of(object_key: str) -> str | None:
        return owners.get(object_key)

    @app.get("/{full_path:path}")
    async def catch_all(full_path: str) -> dict[str, str]:
        return {"page": full_path}

    install_first(app, files_router(storage, owner_of))
    app.dependency_overrides[get_current_user] = lambda: user
    return TestClient(app)


async def _stored(storage: LocalStorageClient, key: str, data: bytes, mime: str) -> str:
    return (await storage.upload_file(key, data, mime=mime))["url"]


async def test_owner_gets_the_file_others_get_404(tmp_path: Path) -> None:
    storage = LocalStorageClient(tmp_path)
    # The key's prefix is not trusted: Chainlit writes "unknown" when the thread had no owner yet.
    key = "unknown/e1/schedule.csv"
    url = await _stored(storage, key, b"day,scene\n1,3\n", "text/csv")
    owners = {key: "maya"}
    owner = _client(storage, SimpleNamespace(identifier="maya"), owners)
    response = owner.get(url)
    assert response.status_code == 200 and response.content == b"day,scene\n1,3\n"
    assert response.headers["x-content-type-options"] == "nosniff"
    for other in ("ben", "unknown"):
        assert (
            _client(storage, SimpleNamespace(identifier=other), owners).get(url).status_code == 404
        )
    assert _client(storage, SimpleNamespace(identifier="maya"), {}).get(url).status_code == 404
    assert _client(storage, None, owners).get(url).status_code == 401
    assert owner.get(FILES_ROUTE + "/" + "0" * 64).status_code == 404


async def test_active_content_is_downloaded_not_rendered(tmp_path: Path) -> None:
    storage = LocalStorageClient(tmp_path)
    url = await _stored(storage, "u/e/x.html", b"<script>alert(1)</script>", "text/html")
    response = _client(storage, SimpleNamespace(identifier="u"), {"u/e/x.html": "u"}).get(url)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in response.headers["content-security-policy"]


def test_routes_go_ahead_of_a_catch_all(tmp_path: Path) -> None:
    client = _client(LocalStorageClient(tmp_path), SimpleNamespace(identifier="u"))
    assert client.get("/some/page").json() == {"page": "some/page"}
    assert client.get(FILES_ROUTE + "/" + "a" * 64).status_code == 404

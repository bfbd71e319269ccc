"""Helpers for the browser tests: the offline guard, sign-in, timings."""

from __future__ import annotations

import json
import time
from pathlib import Path
from urllib.parse import urlsplit

from greenlight.settings import PROJECT_ROOT

__all__ = ["ARTIFACTS", "FAKE_REPLY", "OfflineGuard", "record_timing", "sign_in"]

ARTIFACTS = PROJECT_ROOT / "test-artifacts" / "browser"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
TIMEOUT_MS = 45_000
#: What the server's fake model answers (no figures, so the grounding check keeps it).
FAKE_REPLY = "Here is what the planning tools found for you."


class OfflineGuard:
    """Aborts every request that leaves loopback, and remembers it."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    def __call__(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        host = urlsplit(url).hostname or ""
        if url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")  # type: ignore[attr-defined]


def record_timing(name: str, seconds: float) -> None:
    """Add a measured time to test-artifacts/browser/timings.json."""
    path = ARTIFACTS / "timings.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = round(seconds, 3)
    path.write_text(json.dumps(data, indent=2, sort_keys=True))


def sign_in(
    page: object, url: str, name: str, password: str, shots: Path, prefix: str
) -> dict[str, float]:
    """Open the app, sign in, wait until the chat session is live; returns the timings."""
    start = time.perf_counter()
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_selector("#email", timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    login_ready = time.perf_counter() - start
    page.screenshot(path=shots / f"{prefix}-login.png")  # type: ignore[attr-defined]
    page.fill("#email", name)  # type: ignore[attr-defined]
    page.fill("#password", password)  # type: ignore[attr-defined]
    start = time.perf_counter()
    page.click("button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_selector("#chat-input", timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    # The composer's command button arrives over the websocket: the session is live.
    page.get_by_text("Rate card").first.wait_for(timeout=TIMEOUT_MS)  # type: ignore[attr-defined]
    chat_ready = time.perf_counter() - start
    page.screenshot(path=shots / f"{prefix}-signed-in.png")  # type: ignore[attr-defined]
    return {"login_page_ready_s": login_ready, "chat_ready_after_sign_in_s": chat_ready}


def fresh_database(cluster_url: str, name: str) -> str:
    """A new empty database in the shared cluster: another module's server already owns the
    default one, and a server needs a fresh database to get its first user."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(cluster_url)
    with psycopg.connect(
        host=url.host, port=url.port, user=url.username, dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)

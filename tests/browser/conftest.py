"""Fixtures for browser tests: Debian's chromium, the real server per backend, artifacts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.helpers import ARTIFACTS, FAKE_REPLY, fresh_database
from tests.browser.server import AppServer, running_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    """Chromium from Debian (Playwright's own browser download does not work here).

    Package scope, not session: Playwright's sync API keeps an event loop running in this
    thread while it is open, which would break every later test that calls asyncio.run().
    """
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed: run scripts/system-deps.sh")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Each launch gets a fresh temporary profile (user-data-dir) from Playwright.
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """The real app on SQLite, then on PostgreSQL (one server each per module)."""
    url = None
    if request.param == "postgres":
        # Each module's server gets its own database, so each gets its first user.
        name = "gl_" + request.module.__name__.rsplit(".", 1)[-1]
        url = fresh_database(request.getfixturevalue("postgres_url"), name)
    workdir = tmp_path_factory.mktemp(request.param)
    with running_app(workdir, database_url=url, fake_model=FAKE_REPLY) as app:
        app.backend = request.param  # type: ignore[attr-defined]
        yield app


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """A clean folder for this test's screenshots and downloads."""
    folder = ARTIFACTS / request.node.name.replace("/", "_").replace("[", "-").rstrip("]")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder

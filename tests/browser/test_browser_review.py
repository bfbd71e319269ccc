"""The session review in a real browser: find a session on /review, open it, compare two plan
versions, go back to one; a second user sees none of it, whatever they put in the address.

Runs against the real server (tests/browser/server.py) with the fake model. Screenshots go to
test-artifacts/browser/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.helpers import FAKE_REPLY, TIMEOUT_MS, OfflineGuard, fresh_database, sign_in
from tests.browser.server import AppServer, running_app
from tests.browser.test_browser_chat import SCRIPT, _send, _upload

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppServer]:
    """The real app on SQLite, then on its own PostgreSQL database."""
    url = None
    if request.param == "postgres":
        url = fresh_database(request.getfixturevalue("postgres_url"), "gl_review")
    with running_app(
        tmp_path_factory.mktemp(f"review-{request.param}"), database_url=url, fake_model=FAKE_REPLY
    ) as app:
        app.backend = request.param  # type: ignore[attr-defined]
        yield app


def _plan_two_versions(page: Any, screenplays_dir: Path, artifacts: Path) -> None:
    _upload(page, screenplays_dir / SCRIPT)
    page.get_by_text(FAKE_REPLY[:20]).first.wait_for(timeout=90_000)
    page.get_by_text("Current plan: version 1").first.wait_for(timeout=TIMEOUT_MS)
    _send(page, "what if we shoot it in 13 days")
    page.get_by_text("Re-planned as version 2").first.wait_for(timeout=90_000)
    page.get_by_text("Current plan: version 2").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "r01-two-versions.png", full_page=True)


def _find_on_review(page: Any, base: str, artifacts: Path) -> str:
    page.goto(f"{base}/review")
    page.locator("#sessions").wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "r02-review.png", full_page=True)
    page.fill("input[name=q]", "stupid")
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r"/review\?.*q=stupid"), timeout=TIMEOUT_MS)
    rows = page.locator("#sessions tr")
    assert rows.count() == 2  # the header and the one session found
    assert "v2 current" in rows.nth(1).inner_text()
    page.screenshot(path=artifacts / "r03-search.png", full_page=True)
    link = page.locator("#sessions a").first
    href = str(link.get_attribute("href"))
    assert re.fullmatch(r"/thread/[0-9a-f-]{36}", href)
    link.click()
    page.wait_for_url(re.compile(r"/thread/[0-9a-f-]{36}"), timeout=TIMEOUT_MS)
    return href.rsplit("/", 1)[1]


def _compare_and_go_back(page: Any, artifacts: Path) -> None:
    page.get_by_text("Re-planned as version 2").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Rate card").first.wait_for(timeout=TIMEOUT_MS)  # the session is live
    _send(page, "compare version 1 and 2")
    page.get_by_text("compare-v1-v2.xlsx").first.wait_for(timeout=90_000)
    page.get_by_text("compare-v1-v2.csv").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("label", exact=True).first.wait_for(timeout=TIMEOUT_MS)  # versions table
    page.screenshot(path=artifacts / "r04-compare.png", full_page=True)
    _send(page, "go back to version 1")
    page.get_by_text("Version 1 is current again").first.wait_for(timeout=90_000)
    page.get_by_text("Current plan: version 1").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "r05-back-to-v1.png", full_page=True)


def test_review_find_open_compare_go_back(
    server: AppServer, browser: Any, artifacts: Path, screenplays_dir: Path
) -> None:
    guard = OfflineGuard()
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", guard)
    page = context.new_page()
    backend = server.backend  # type: ignore[attr-defined]
    name, password = f"reviewer-{backend}", "reviewer-password"
    server.add_user(name, password)
    sign_in(page, server.url, name, password, artifacts, "r00")
    _plan_two_versions(page, screenplays_dir, artifacts)
    thread = _find_on_review(page, server.url, artifacts)
    _compare_and_go_back(page, artifacts)
    page.goto(f"{server.url}/review?sort=title")
    assert "v1 current" in page.locator("#sessions").inner_text()
    context.close()

    other = browser.new_context()
    other.route("**/*", guard)
    page2 = other.new_page()
    server.add_user(f"nosy-{backend}", "nosy-password")
    sign_in(page2, server.url, f"nosy-{backend}", "nosy-password", artifacts, "r06")
    for query in ("", "?q=stupid", f"?q={quote(thread)}", "?sort=budget&q=NATIONAL"):
        page2.goto(f"{server.url}/review{query}")
        page2.get_by_text("No sessions match").first.wait_for(timeout=TIMEOUT_MS)
        body = page2.content()
        # The query is echoed in the form and sort links; no session row or link is shown.
        assert page2.locator("#sessions").count() == 0
        assert "/thread/" not in body and "STUPIDITY" not in body.upper()
    page2.screenshot(path=artifacts / "r07-second-user-review.png", full_page=True)
    other.close()
    assert guard.blocked == [], f"the page tried to reach other hosts: {guard.blocked}"

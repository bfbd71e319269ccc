"""Paperwork in a real browser: "print the one-liner" and "call sheet for day 2" in the chat
give a PDF download and a preview picture; the session's review page shows its versions, charts
and board, and a version's document downloads from it.

Runs against the real server (tests/browser/server.py) with the fake model; screenshots go to
test-artifacts/browser/.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import FAKE_REPLY, TIMEOUT_MS, OfflineGuard, sign_in
from tests.browser.server import AppServer
from tests.browser.test_browser_chat import SCRIPT, _download, _send, _upload
from tests.paperwork_plans import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _document_in_chat(page: Any, ask: str, name: str, artifacts: Path, shot: str) -> str:
    _send(page, ask)
    page.get_by_text(name).first.wait_for(timeout=90_000)
    preview = page.locator(f'img[alt="{name.rsplit(".", 1)[0]}-page1.png"], img').last
    preview.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / shot, full_page=True)
    pdf = _download(page, name, artifacts)
    return " ".join(pdf_text(pdf.read_bytes()).split())


def test_documents_in_the_chat_and_on_the_review_page(
    server: AppServer, browser: Any, artifacts: Path, screenplays_dir: Path
) -> None:
    guard = OfflineGuard()
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", guard)
    page = context.new_page()
    name, password = f"printer-{server.backend}", "printer-password"  # type: ignore[attr-defined]
    server.add_user(name, password)
    sign_in(page, server.url, name, password, artifacts, "p00")
    _upload(page, screenplays_dir / SCRIPT)
    page.get_by_text(FAKE_REPLY[:20]).first.wait_for(timeout=90_000)

    text = _document_in_chat(
        page, "print the one-liner", "oneliner-v1-letter.pdf", artifacts, "p01-oneliner.png"
    )
    assert "One-line schedule" in text and "Plan version 1 of" in text
    text = _document_in_chat(
        page, "call sheet for day 2", "callsheet-day2-v1-letter.pdf", artifacts, "p02-callsheet.png"
    )
    assert "CALL SHEET · Day 2 of" in text

    page.goto(f"{server.url}/review")
    page.locator("#sessions svg.thumb").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("versions and documents").first.click()
    page.wait_for_url(re.compile(r"/review/session/"), timeout=TIMEOUT_MS)
    assert page.locator("svg.chart").count() == 2
    assert page.locator("ol.timeline li").count() == 1
    page.screenshot(path=artifacts / "p03-session-page.png", full_page=True)
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_text("stripboard", exact=True).first.click()
    target = artifacts / "review-stripboard-v1.pdf"
    info.value.save_as(target)
    assert "Stripboard" in pdf_text(target.read_bytes())
    context.close()
    assert guard.blocked == [], f"the page tried to reach other hosts: {guard.blocked}"

"""A new user's session in a real browser, on SQLite and on PostgreSQL.

Signs in, uploads a real screenplay and reads the answer, downloads the XLSX and checks it,
sends a bad file and gets the reader's message, reloads and finds the session in the sidebar
under the script's title, resumes it and gets an answer that knows the script; then a second
user signs in and sees none of it. Every request that leaves loopback is aborted and must not
happen at all (the page must not need CDNs). Screenshots go to test-artifacts/browser/.
"""

from __future__ import annotations

import io
import json
import re
import time
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from greenlight.settings import PROJECT_ROOT
from tests.browser.helpers import TIMEOUT_MS, OfflineGuard, record_timing, sign_in
from tests.browser.server import AppServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCRIPT = "national-stupidity.fdx"


def _upload(page: Any, path: Path) -> None:
    page.set_input_files("#upload-button-input", str(path))
    page.get_by_text(path.name[:12]).first.wait_for(timeout=TIMEOUT_MS)
    submit = page.locator("#chat-submit")
    submit.wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(
        "() => !document.querySelector('#chat-submit').disabled", timeout=TIMEOUT_MS
    )
    submit.click()


def _send(page: Any, text: str) -> None:
    page.fill("#chat-input", text)
    page.click("#chat-submit")


def _check_xlsx(page: Any, shots: Path, scenes: int) -> None:
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_text("breakdown.xlsx").first.click()
    target = shots / "breakdown.xlsx"
    info.value.save_as(target)
    book = openpyxl.load_workbook(io.BytesIO(target.read_bytes()))
    rows = list(book["Scenes"].iter_rows(values_only=True))
    assert rows[0][:3] == ("scene", "int_ext", "location")
    assert len(rows) == scenes + 1


def test_a_new_users_session(
    server: AppServer, browser: Any, artifacts: Path, screenplays_dir: Path, tmp_path: Path
) -> None:
    truth = json.loads((screenplays_dir / "ground_truth.json").read_text())[SCRIPT]
    guard = OfflineGuard()
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", guard)
    page = context.new_page()
    backend = server.backend  # type: ignore[attr-defined]
    first = server.first_user
    timings = sign_in(page, server.url, first.name, first.password, artifacts, "01")

    page.get_by_text("How do I start?").first.wait_for(timeout=TIMEOUT_MS)  # a starter
    page.click("#chat-settings-open-modal")
    page.get_by_text("Pages per day").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "01b-settings.png")
    page.keyboard.press("Escape")

    start = time.perf_counter()
    _upload(page, screenplays_dir / SCRIPT)
    page.get_by_text(f"{truth['scenes']} scenes").first.wait_for(timeout=TIMEOUT_MS)
    timings["upload_to_answer_s"] = time.perf_counter() - start
    page.get_by_text(f"{truth['distinct_speakers']} speaking parts").first.wait_for()
    page.get_by_text(f"Read {SCRIPT}").first.wait_for()  # the tool step
    page.screenshot(path=artifacts / "02-answer.png")
    _check_xlsx(page, artifacts, truth["scenes"])

    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list: eggs, milk, gaffer tape.\n")
    _upload(page, bad)
    page.get_by_text("I could not read notes.txt").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("no scene headings").first.wait_for()
    page.screenshot(path=artifacts / "03-bad-file.png")
    _send(page, "what now?")
    page.get_by_text("This session holds").first.wait_for(timeout=TIMEOUT_MS)

    page.locator("#message-composer").get_by_text("Rate card").first.click()
    _send(page, "here is my rate card")
    page.get_by_text("Send your rate card as a CSV file").first.wait_for(timeout=TIMEOUT_MS)
    page.set_input_files("#ask-button-input", str(PROJECT_ROOT / "data" / "rate_card.csv"))
    page.get_by_text("Rate card rate_card.csv is in use").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "03b-rate-card.png")

    page.reload()
    history = page.locator("#thread-history")
    history.get_by_text("NATIONAL STUPIDITY").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "04-sidebar.png")
    history.get_by_text("NATIONAL STUPIDITY").first.click()
    page.wait_for_url(re.compile(r"/thread/[0-9a-f-]{36}"), timeout=TIMEOUT_MS)
    thread_url = page.url
    page.get_by_text(f"{truth['scenes']} scenes").first.wait_for(timeout=TIMEOUT_MS)
    # Elements come back from storage, through the app's own authenticated file route.
    page.get_by_text("breakdown.xlsx").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("TV NEWS STUDIO").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "05a-resumed-elements.png")
    page.get_by_text("Rate card").first.wait_for(timeout=TIMEOUT_MS)
    _send(page, "remind me what we have")
    page.locator("text=This session holds").nth(1).wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "05b-resumed-answer.png")
    context.close()

    other = browser.new_context()
    other.route("**/*", guard)
    page2 = other.new_page()
    server.add_user(f"second-{backend}", "second-password")
    sign_in(page2, server.url, f"second-{backend}", "second-password", artifacts, "06")
    page2.get_by_text("No threads found").first.wait_for(timeout=TIMEOUT_MS)
    assert page2.get_by_text("NATIONAL STUPIDITY").count() == 0
    page2.goto(thread_url)
    page2.wait_for_timeout(3000)
    page2.screenshot(path=artifacts / "07-second-user-direct-link.png")
    assert page2.get_by_text(f"{truth['scenes']} scenes").count() == 0
    assert page2.get_by_text("NATIONAL STUPIDITY").count() == 0
    other.close()

    assert guard.blocked == [], f"the page tried to reach other hosts: {guard.blocked}"
    for name, seconds in timings.items():
        record_timing(f"{backend}.{name}", seconds)

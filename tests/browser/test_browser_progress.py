"""One evening of a shoot in a real browser: the day's report typed into the chat, the
production-report step, the re-plan (shot day frozen, the rest of a part-shot scene back on
the board), the two progress charts, "are we on schedule?" answered from it, and the same
pictures on the review page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import FAKE_REPLY, TIMEOUT_MS, OfflineGuard, sign_in
from tests.browser.server import AppServer
from tests.browser.test_browser_chat import SCRIPT, _download, _send, _upload

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _report(plan: dict[str, Any]) -> tuple[str, str]:
    """The evening's message and the scene it leaves part shot."""
    day1 = plan["schedule"]["days"][0]["strips"]
    eighths = {s["id"]: s["eighths"] for s in plan["problem"]["strips"]}
    part = next(s for s in reversed(day1) if eighths[s] >= 2)
    rest = [s for s in day1 if s != part]
    shot = f"shot {', '.join(rest)} and " if rest else ""
    return f"Day 1 wrapped: {shot}half of {part}; we went 1.5 hours over", part


def test_one_evenings_report_and_its_replan(
    server: AppServer, browser: Any, artifacts: Path, screenplays_dir: Path
) -> None:
    guard = OfflineGuard()
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", guard)
    page = context.new_page()
    first = server.first_user
    sign_in(page, server.url, first.name, first.password, artifacts, "01")
    _upload(page, screenplays_dir / SCRIPT)
    page.get_by_text(FAKE_REPLY[:20]).first.wait_for(timeout=90_000)
    plan = json.loads(_download(page, "plan-v1.json", artifacts).read_text(encoding="utf-8"))
    message, part = _report(plan)

    _send(page, message)
    page.get_by_text(re.compile(r"^(Used|Using) Production report$")).first.wait_for(timeout=90_000)
    page.get_by_text(f"{part} (rest) to day").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("1.5 hours of overtime").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("forecast at completion").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Pages per day: planned against shot").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Cumulative cost against the approved budget").first.wait_for(
        timeout=TIMEOUT_MS
    )
    page.get_by_text("new_day", exact=True).first.wait_for(timeout=TIMEOUT_MS)  # strips moved
    page.get_by_text(re.compile(r"^(Used|Using) Production report$")).first.click()
    page.get_by_text("day 1 filed (revision 1), version 2").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "02-evening-report.png", full_page=True)

    _send(page, "are we on schedule?")
    page.get_by_text(re.compile(r"After 1 of \d+ days")).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "03-on-schedule.png", full_page=True)

    page.goto(f"{server.url}/review")
    page.get_by_text("Shoot progress").first.wait_for(timeout=TIMEOUT_MS)
    assert page.locator("#progress svg").count() == 2
    page.screenshot(path=artifacts / "04-review-progress.png", full_page=True)
    context.close()
    assert guard.blocked == [], f"the page tried to reach other hosts: {guard.blocked}"

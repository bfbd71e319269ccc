"""A new user's session in a real browser, on SQLite and on PostgreSQL, with the real graph
and planner behind a fake model (`GREENLIGHT_FAKE_MODEL`).

Signs in, uploads a real screenplay, sees the tool steps, the streamed answer naming its model,
the charts and tables; downloads the plan's XLSX and JSON and checks one against the other;
asks a what-if and sees what moved; sends a bad file and gets the reader's message; sets a
rate card; reloads, finds the session in the sidebar under the script's title, resumes it
with its elements and asks a follow-up the plan answers, corrects the sites in words and
asks where a scene is; then a second user signs in and sees
none of it. Every request that leaves loopback is aborted and must not happen at all (the
page must not need CDNs). Screenshots and timings go to test-artifacts/browser/.
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
from tests.browser.helpers import (
    FAKE_REPLY,
    TIMEOUT_MS,
    OfflineGuard,
    record_timing,
    sign_in,
)
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


def _download(page: Any, name: str, folder: Path) -> Path:
    with page.expect_download(timeout=TIMEOUT_MS) as info:
        page.get_by_text(name).first.click()
    target = folder / name
    info.value.save_as(target)
    return target


def _check_plan_files(page: Any, folder: Path, scenes: int) -> dict[str, Any]:
    """The XLSX holds the plan the JSON holds: scenes, days, DOOD rows, account totals."""
    plan = json.loads(_download(page, "plan-v1.json", folder).read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(io.BytesIO(_download(page, "plan-v1.xlsx", folder).read_bytes()))
    assert book.sheetnames == ["Schedule", "Days", "DOOD", "Budget"]
    schedule = list(book["Schedule"].iter_rows(values_only=True))
    assert schedule[0][:3] == ("day", "date", "scene") and len(schedule) == scenes + 1
    assert max(row[0] for row in schedule[1:]) == len(plan["schedule"]["days"])
    first_day = plan["schedule"]["days"][0]["strips"]
    assert [row[2] for row in schedule[1 : 1 + len(first_day)]] == first_day
    assert book["DOOD"].max_row == len(plan["dood"]["rows"]) + 1
    budget = {row[1]: row[5] for row in book["Budget"].iter_rows(min_row=2, values_only=True)}
    for account in plan["budget"]["accounts"]:
        assert budget[account["name"]] == pytest.approx(float(account["total"]), abs=0.01)
    return plan


def _step(page: Any, name: str) -> None:
    page.get_by_text(re.compile(rf"^(Used|Using) {name}$")).first.wait_for(timeout=TIMEOUT_MS)


def _new_session(page: Any, artifacts: Path, screenplays_dir: Path, scenes: int) -> dict[str, Any]:
    """Upload, watch the steps and the streamed answer, check charts, tables and files."""
    timings: dict[str, Any] = {}
    start = time.perf_counter()
    _upload(page, screenplays_dir / SCRIPT)
    page.get_by_text(FAKE_REPLY[:20]).first.wait_for(timeout=90_000)
    timings["upload_to_first_token_s"] = time.perf_counter() - start
    page.get_by_text("Answered by the fake model").first.wait_for(timeout=TIMEOUT_MS)
    timings["upload_to_answer_s"] = time.perf_counter() - start
    for name in ("Breakdown", "Schedule", "Savings", "Budget", "Model choice"):
        _step(page, name)
    page.locator(".js-plotly-plot").nth(1).wait_for(timeout=TIMEOUT_MS)  # both charts
    page.get_by_text("Stripboard: pages per shoot day").first.wait_for(timeout=TIMEOUT_MS)
    for header in ("int_ext", "fringes", "work"):  # schedule, budget and DOOD tables
        page.get_by_text(header, exact=True).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "02-plan.png", full_page=True)
    _step(page, "Schedule")
    page.get_by_text(re.compile(r"^(Used|Using) Schedule$")).first.click()
    page.get_by_text(
        re.compile(r"\d+ shoot days, optimal|\d+ shoot days, feasible")
    ).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "02b-schedule-step.png")
    timings["plan"] = _check_plan_files(page, artifacts, scenes)
    return timings


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
    timings: dict[str, Any] = sign_in(page, server.url, first.name, first.password, artifacts, "01")

    page.get_by_text("How do I start?").first.wait_for(timeout=TIMEOUT_MS)  # a starter
    page.click("#chat-settings-open-modal")
    page.get_by_text("Pages per day").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "01b-settings.png")
    page.keyboard.press("Escape")

    timings.update(_new_session(page, artifacts, screenplays_dir, truth["scenes"]))
    plan = timings.pop("plan")

    _send(page, "what if we shoot it in 13 days")
    page.get_by_text("Re-planned as version 2").first.wait_for(timeout=90_000)
    page.get_by_text("13 shooting days").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("plan-v2.xlsx").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("to_day", exact=True).first.wait_for(timeout=TIMEOUT_MS)  # what moved
    page.get_by_text("change", exact=True).first.wait_for(timeout=TIMEOUT_MS)  # by account
    page.screenshot(path=artifacts / "03-what-if.png", full_page=True)
    v2 = json.loads(_download(page, "plan-v2.json", artifacts).read_text(encoding="utf-8"))
    assert len(v2["schedule"]["days"]) == 13 and v2["inputs"]["days"] == 13
    assert v2["budget"]["likely"] != plan["budget"]["likely"]

    # A question answered from the plan, then a follow-up that leans on it (issue 13).
    first_day = ", ".join(v2["schedule"]["days"][0]["strips"])
    second_day = ", ".join(v2["schedule"]["days"][1]["strips"])
    _send(page, "What's on day 1?")
    page.get_by_text(
        re.compile(rf"Day 1 shoots \d+ scenes?: {re.escape(first_day)}\.")
    ).first.wait_for(timeout=TIMEOUT_MS)
    _send(page, "and day 2?")
    page.get_by_text(
        re.compile(rf"Day 2 shoots \d+ scenes?: {re.escape(second_day)}\.")
    ).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "03b-follow-up.png", full_page=True)

    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list: eggs, milk, gaffer tape.\n")
    _upload(page, bad)
    page.get_by_text("I could not read notes.txt").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("no scene headings").first.wait_for()
    page.screenshot(path=artifacts / "04-bad-file.png")

    page.locator("#message-composer").get_by_text("Rate card").first.click()
    _send(page, "here is my rate card")
    page.get_by_text("Send your rate card as a CSV file").first.wait_for(timeout=TIMEOUT_MS)
    page.set_input_files("#ask-button-input", str(PROJECT_ROOT / "data" / "rate_card.csv"))
    page.get_by_text("Rate card rate_card.csv is in use").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "04b-rate-card.png")

    page.reload()
    history = page.locator("#thread-history")
    history.get_by_text("NATIONAL STUPIDITY").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "05-sidebar.png")
    history.get_by_text("NATIONAL STUPIDITY").first.click()
    page.wait_for_url(re.compile(r"/thread/[0-9a-f-]{36}"), timeout=TIMEOUT_MS)
    thread_url = page.url
    # Elements come back from storage, through the app's own authenticated file route.
    page.get_by_text("plan-v2.xlsx").first.wait_for(timeout=TIMEOUT_MS)
    page.get_by_text("Re-planned as version 2").first.wait_for(timeout=TIMEOUT_MS)
    page.locator(".js-plotly-plot").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "06a-resumed-elements.png", full_page=True)
    page.get_by_text("Rate card").first.wait_for(timeout=TIMEOUT_MS)
    _send(page, "show the budget")
    likely = f"Budget: ${float(v2['budget']['likely']):,.0f} likely"
    page.get_by_text(likely).first.wait_for(timeout=TIMEOUT_MS)  # the current plan: v2
    page.screenshot(path=artifacts / "06b-resumed-answer.png", full_page=True)
    # A correction of the sites in the user's words re-plans, and the plan then answers by it.
    _send(page, "scenes 1 to 3 are all at the lighthouse")
    page.get_by_text("Re-planned as version 3").first.wait_for(timeout=90_000)
    page.get_by_text(re.compile(r"sites corrected: scenes 1-3 at LIGHTHOUSE")).first.wait_for(
        timeout=TIMEOUT_MS
    )
    _send(page, "where is scene 2 shot?")
    page.get_by_text("Scene 2 is at LIGHTHOUSE.").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "06c-site-correction.png", full_page=True)
    context.close()

    other = browser.new_context()
    other.route("**/*", guard)
    page2 = other.new_page()
    server.add_user(f"second-{backend}", "second-password")
    sign_in(page2, server.url, f"second-{backend}", "second-password", artifacts, "07")
    page2.get_by_text("No threads found").first.wait_for(timeout=TIMEOUT_MS)
    assert page2.get_by_text("NATIONAL STUPIDITY").count() == 0
    page2.goto(thread_url)
    page2.wait_for_timeout(3000)
    page2.screenshot(path=artifacts / "08-second-user-direct-link.png")
    assert page2.get_by_text("Re-planned as version 2").count() == 0
    assert page2.get_by_text("NATIONAL STUPIDITY").count() == 0
    other.close()

    assert guard.blocked == [], f"the page tried to reach other hosts: {guard.blocked}"
    for name, seconds in timings.items():
        record_timing(f"{backend}.{name}", seconds)

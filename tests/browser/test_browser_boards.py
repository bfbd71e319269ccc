"""A feature-length upload in a real browser (real Chainlit server, Debian chromium): the
Schedule step shows improving boards (days, likely budget, gap) while the solve runs, before
the final answer; then a sites CSV dropped into the chat re-plans and says how many scenes
changed site, and a bad CSV gets a clear message while the session goes on.

The server solves for 12 s (GREENLIGHT_SOLVER_TIME_LIMIT_S) on SQLite only: the progress
path is the job runner's and the graph's, the same on either database.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import TIMEOUT_MS, OfflineGuard, record_timing, sign_in
from tests.browser.server import AppServer, running_app
from tests.browser.test_browser_chat import _upload
from tests.test_jobs_progress import feature_fountain
from tools.parsing import read_script

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BOARD = re.compile(
    r"Board \d+: \d+ days, likely USD [\d,]+ \(flat crew\), (gap \d+% to the bound|proven)"
)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """The real app with a 12 s solve, so a feature's boards have time to show."""
    from tests.browser.helpers import FAKE_REPLY

    workdir = tmp_path_factory.mktemp("boards")
    env = {"GREENLIGHT_SOLVER_TIME_LIMIT_S": "12"}
    with running_app(workdir, fake_model=FAKE_REPLY, env=env) as app:
        yield app


def _feature(folder: Path) -> tuple[Path, list[str]]:
    """A generated 150-scene feature as a Fountain file, and its heading locations."""
    data = feature_fountain(scenes=150, seed=11)
    path = folder / "long-feature.fountain"
    path.write_bytes(data)
    script = read_script(data, filename=path.name)
    return path, list(dict.fromkeys(s.location for s in script.scenes if s.location))


def test_a_feature_shows_its_boards_before_the_answer_and_takes_a_sites_csv(
    server: AppServer, browser: Any, artifacts: Path
) -> None:
    guard = OfflineGuard()
    context = browser.new_context()
    context.route("**/*", guard)
    page = context.new_page()
    first = server.first_user
    sign_in(page, server.url, first.name, first.password, artifacts, "01")
    feature, places = _feature(artifacts)

    started = time.perf_counter()
    _upload(page, feature)
    page.get_by_text(re.compile(r"^Using Schedule$")).first.wait_for(timeout=90_000)
    # The running step is open by itself: its output is the newest board.
    page.get_by_text(BOARD).first.wait_for(timeout=60_000)
    board_s = time.perf_counter() - started
    # The board is on the page while the answer is not: progress came first.
    assert page.get_by_text("Answered by").count() == 0
    page.screenshot(path=artifacts / "02-board-while-solving.png")
    page.get_by_text("Answered by the fake model").first.wait_for(timeout=120_000)
    answer_s = time.perf_counter() - started
    page.get_by_text(re.compile(r"^Used Schedule$")).first.click()  # folded when it ended
    page.get_by_text(re.compile(r"\d+ improving boards while solving")).first.wait_for(
        timeout=TIMEOUT_MS
    )
    page.screenshot(path=artifacts / "03-answer.png", full_page=True)
    record_timing("feature_upload_to_first_board_s", board_s)
    record_timing("feature_upload_to_answer_s", answer_s)

    # Two of the feature's places put together: a sites CSV re-plans and counts the changes.
    sites = artifacts / "sites.csv"
    sites.write_text(f"location,site\n{places[1]},{places[0]}\n", encoding="utf-8")
    _upload(page, sites)
    page.get_by_text(re.compile(r"Re-planned as version 2")).first.wait_for(timeout=120_000)
    page.get_by_text(
        re.compile(r"sites\.csv: 1 site correction applied; (\d+ scenes?|no scene) changed site")
    ).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "04-sites-csv.png", full_page=True)

    bad = artifacts / "bad-sites.csv"
    bad.write_text("scene,site\n9999,LIGHTHOUSE\n", encoding="utf-8")
    _upload(page, bad)
    page.get_by_text(re.compile(r"the script has no scene 9999")).first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "05-bad-csv.png", full_page=True)
    assert not guard.blocked, guard.blocked

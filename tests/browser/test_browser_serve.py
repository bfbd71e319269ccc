"""`greenlight serve` (what `make run` runs) on a fresh data directory: no API keys, no network,
the embedded model. Sign in with the password it prints, upload a script, get an answer."""

from __future__ import annotations

import os
import pty
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from greenlight.settings import PROJECT_ROOT
from tests.browser.helpers import TIMEOUT_MS, OfflineGuard, record_timing, sign_in
from tests.browser.server import _free_port, _stop, _wait_ready
from tests.test_security_serve import _read_terminal

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCRIPT = "radio-studio.fountain"
PASSWORD = re.compile(r"Sign in as '(?P<name>[^']+)' with password: (?P<password>\S+)")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, str, str]]:
    """`greenlight serve` as a user runs it; yields its address, user and printed password."""
    port = _free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("GREENLIGHT_") and not k.startswith("OPENAI_")
    }
    # Chainlit keeps uploads under its app root and the project's may be in use by `make run`.
    app_root = tmp_path / "app"
    (app_root / ".chainlit").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / ".chainlit" / "config.toml", app_root / ".chainlit")
    shutil.copy(PROJECT_ROOT / "chainlit.md", app_root)
    env.update(
        GREENLIGHT_DATA_DIR=str(tmp_path / "data"),
        GREENLIGHT_PORT=str(port),
        CHAINLIT_APP_ROOT=str(app_root),
    )
    log = tmp_path / "serve.log"
    # The password is shown on the terminal only (never in the log): stderr is a pty here.
    master, slave = pty.openpty()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [str(PROJECT_ROOT / ".venv" / "bin" / "greenlight"), "serve"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=sink,
            stderr=slave,
            start_new_session=True,
        )
    os.close(slave)
    url = f"http://127.0.0.1:{port}"
    try:
        terminal = _read_terminal(master, until=PASSWORD)
        _wait_ready(url, process, log)
        found = PASSWORD.search(terminal)
        assert found, f"no first-user password shown:\n{terminal}"
        yield url, found["name"], found["password"]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
        _stop(process)
        os.close(master)


def test_serve_on_a_fresh_machine_answers_with_the_embedded_model(
    served: tuple[str, str, str], browser: Any, artifacts: Path, screenplays_dir: Path
) -> None:
    url, name, password = served
    guard = OfflineGuard()
    context = browser.new_context()
    context.route("**/*", guard)
    page = context.new_page()
    sign_in(page, url, name, password, artifacts, "01")
    start = time.perf_counter()
    page.set_input_files("#upload-button-input", str(screenplays_dir / SCRIPT))
    page.wait_for_function(
        "() => !document.querySelector('#chat-submit').disabled", timeout=TIMEOUT_MS
    )
    page.click("#chat-submit")
    page.get_by_text(
        re.compile(r"^Answered by the (embedded model|deterministic summary)")
    ).first.wait_for(timeout=240_000)
    record_timing("serve_embedded.upload_to_answer_s", time.perf_counter() - start)
    page.get_by_text("Used Schedule").first.wait_for(timeout=TIMEOUT_MS)
    page.screenshot(path=artifacts / "02-embedded-answer.png", full_page=True)
    context.close()
    assert guard.blocked == []

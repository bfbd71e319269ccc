"""`greenlight serve` on a fresh data directory: the first password on the terminal only, never
in the log; the data directory 0700, the database, secret and uploads 0600.

stdout goes to a log file (as under a service manager) and stderr to a pseudo-terminal.
Both checks failed before: the password was printed to stdout and files were 0644.
"""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from bench.chatdriver import ChatClient
from greenlight.settings import PROJECT_ROOT
from store.storage import LocalStorageClient
from tests.browser.server import _free_port, _stop, _wait_ready

pytestmark = pytest.mark.slow

PASSWORD = re.compile(r"Sign in as '(?P<name>[^']+)' with password: (?P<password>\S+)")


@dataclass
class Served:
    url: str
    data_dir: Path
    app_root: Path
    log: Path
    terminal: str


def _read_terminal(fd: int, *, until: re.Pattern[str], timeout_s: float = 60) -> str:
    seen = ""
    while not until.search(seen):
        readable, _, _ = select.select([fd], [], [], timeout_s)
        if not readable:
            break
        try:
            seen += os.read(fd, 4096).decode(errors="replace")
        except OSError:
            break
    return seen


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("serve")
    app_root, data_dir, log = root / "app", root / "data", root / "serve.log"
    (app_root / ".chainlit").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / ".chainlit" / "config.toml", app_root / ".chainlit")
    shutil.copy(PROJECT_ROOT / "chainlit.md", app_root)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GREENLIGHT_", "CHAINLIT_"))}
    env |= {
        "GREENLIGHT_DATA_DIR": str(data_dir),
        "GREENLIGHT_PORT": str(port),
        "GREENLIGHT_FAKE_MODEL": "ok",
        "CHAINLIT_APP_ROOT": str(app_root),
    }
    master, slave = pty.openpty()
    command = [sys.executable, "-c", "from greenlight.cli import main; raise SystemExit(main())"]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*command, "serve"],
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
        yield Served(url, data_dir, app_root, log, terminal)
    finally:
        _stop(process)
        os.close(master)


def test_the_first_password_is_on_the_terminal_and_not_in_the_log(served: Served) -> None:
    found = PASSWORD.search(served.terminal)
    assert found, f"no password on the terminal: {served.terminal!r}"
    log = served.log.read_text(errors="replace")
    assert found["password"] not in log and "Greenlight is starting" in log
    login = {"username": found["name"], "password": found["password"]}
    assert httpx.post(served.url + "/login", data=login, timeout=30).status_code == 200


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_the_data_is_the_owners_only(served: Served) -> None:
    found = PASSWORD.search(served.terminal)
    assert found
    client = ChatClient(served.url, found["name"], found["password"])
    try:
        await client.connect()
        await client.upload("a.fountain", b"INT. ROOM - DAY\n\nA line.\n")
    finally:
        await client.close()
    assert _mode(served.data_dir) == 0o700
    for name in ("greenlight.db", "auth-secret"):
        assert _mode(served.data_dir / name) == 0o600, name
    uploads = [p for p in (served.app_root / ".files").rglob("*") if p.is_file()]
    assert uploads and all(_mode(p) & 0o077 == 0 for p in uploads), uploads


async def test_stored_chat_files_are_the_owners_only(tmp_path: Path) -> None:
    storage = LocalStorageClient(tmp_path / "files")
    old = os.umask(0o022)  # even under a permissive umask
    try:
        await storage.upload_file("user/thread/plan.csv", b"a,b\n", "text/csv")
    finally:
        os.umask(old)
    blobs = [p for p in (tmp_path / "files").rglob("*") if p.is_file()]
    assert len(blobs) == 2 and all(_mode(p) == 0o600 for p in blobs), blobs

"""`greenlight users` and the preparation `greenlight serve` does before starting the app."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from greenlight.cli import main
from greenlight.cli.serve import chainlit_command, prepare, server_env
from greenlight.cli.users import run_with_engine
from greenlight.settings import Settings
from store import users


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GREENLIGHT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("GREENLIGHT_DATABASE_URL", raising=False)
    return tmp_path


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def _can_sign_in(name: str, password: str) -> bool:
    return run_with_engine(Settings(), lambda e: users.authenticate(e, name, password))


def test_add_list_passwd_delete(data_dir: Path, monkeypatch, capsys) -> None:
    _stdin(monkeypatch, "first-password\n")
    assert main(["users", "add", "maya", "--password-stdin"]) == 0
    assert _can_sign_in("maya", "first-password")
    assert main(["users", "add", "ben", "--generate"]) == 0
    out = capsys.readouterr().out
    generated = out.split("password (shown once): ")[1].split()[0]
    assert _can_sign_in("ben", generated)
    assert main(["users", "list"]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == ["ben", "maya"]
    _stdin(monkeypatch, "second-password\n")
    assert main(["users", "passwd", "maya", "--password-stdin"]) == 0
    assert _can_sign_in("maya", "second-password") and not _can_sign_in("maya", "first-password")
    assert main(["users", "delete", "ben"]) == 0
    assert not _can_sign_in("ben", generated)


def test_signout_and_passwd_end_the_users_sessions(data_dir: Path, monkeypatch) -> None:
    _stdin(monkeypatch, "first-password\n")
    assert main(["users", "add", "maya", "--password-stdin"]) == 0
    seen = [run_with_engine(Settings(), lambda e: users.token_version(e, "maya"))]
    assert main(["users", "signout", "maya"]) == 0
    seen.append(run_with_engine(Settings(), lambda e: users.token_version(e, "maya")))
    _stdin(monkeypatch, "second-password\n")
    assert main(["users", "passwd", "maya", "--password-stdin"]) == 0
    seen.append(run_with_engine(Settings(), lambda e: users.token_version(e, "maya")))
    assert len(set(seen)) == 3 and None not in seen
    assert _can_sign_in("maya", "second-password")


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["users", "add", "maya", "--password-stdin"], "short\n", "too short"),
        (["users", "delete", "ghost"], "", "no user 'ghost'"),
        (["users", "passwd", "ghost", "--password-stdin"], "long-enough-1\n", "no user"),
        (["users", "add", "bad name", "--password-stdin"], "long-enough-1\n", "not valid"),
        (["users", "signout", "ghost"], "", "no user 'ghost'"),
    ],
)
def test_errors_are_one_line(data_dir: Path, monkeypatch, capsys, argv, stdin, message) -> None:
    _stdin(monkeypatch, stdin)
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and message in err and "Traceback" not in err


def test_prepare_creates_the_first_user_once(data_dir: Path) -> None:
    settings = Settings()
    first = prepare(settings)
    assert first is not None and first.name == "producer"
    assert (data_dir / "greenlight.db").is_file()
    assert _can_sign_in(first.name, first.password)
    assert prepare(settings) is None


def test_server_env_and_command(data_dir: Path) -> None:
    settings = Settings(port=8123, database_url="postgresql+asyncpg://u@h/db")
    env = server_env(settings, base={"PATH": "/bin"})
    assert env["GREENLIGHT_PORT"] == "8123" and env["GREENLIGHT_DATA_DIR"] == str(data_dir)
    assert env["GREENLIGHT_DATABASE_URL"] == "postgresql+asyncpg://u@h/db"
    assert env["CHAINLIT_AUTH_SECRET"] == server_env(settings, base={})["CHAINLIT_AUTH_SECRET"]
    cmd = chainlit_command(settings)
    assert cmd[1:4] == ["-m", "chainlit", "run"] and cmd[4].endswith("app.py")
    assert cmd[5:] == ["--headless", "--host", "127.0.0.1", "--port", "8123"]

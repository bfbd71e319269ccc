"""The Chainlit configuration keeps the hardening ARCHITECTURE.md asks for."""

from __future__ import annotations

import ast
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from greenlight.chat.uploads import ALLOWED_SUFFIXES
from greenlight.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".chainlit" / "config.toml").read_text(encoding="utf-8"))


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def test_chainlit_has_the_session_and_file_fixes() -> None:
    assert _version(version("chainlit")) >= (2, 10, 1)


@pytest.mark.parametrize(
    ("feature", "value"),
    [
        ("unsafe_allow_html", False),
        ("edit_message", False),
        ("latex", False),
        ("allow_thread_sharing", False),
    ],
)
def test_features(feature: str, value: bool) -> None:
    assert CONFIG["features"][feature] is value


def test_origins_are_not_open() -> None:
    origins = CONFIG["project"]["allow_origins"]
    assert origins and "*" not in origins
    assert all(
        o.startswith("http://127.0.0.1:") or o.startswith("http://localhost:") for o in origins
    )


def test_uploads_accept_only_screenplays_within_the_limit() -> None:
    upload = CONFIG["features"]["spontaneous_file_upload"]
    extensions = {ext for exts in upload["accept"].values() for ext in exts}
    assert extensions == set(ALLOWED_SUFFIXES)
    assert all(exts for exts in upload["accept"].values()), "a MIME type without extensions"
    assert "*/*" not in upload["accept"]
    assert upload["max_size_mb"] == Settings.model_fields["max_upload_mb"].default


def test_app_py_is_only_handlers() -> None:
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    assert functions and all(n.decorator_list for n in functions)
    assert all(len(n.body) <= 5 for n in functions)
    assert not any(isinstance(n, ast.ClassDef) for n in tree.body)

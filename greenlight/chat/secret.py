"""The secret that signs sign-in tokens, generated once and kept in the data directory."""

from __future__ import annotations

import os
import secrets
from collections.abc import MutableMapping
from pathlib import Path

__all__ = ["SECRET_ENV", "ensure_auth_secret"]

SECRET_ENV = "CHAINLIT_AUTH_SECRET"
_FILE = "auth-secret"


def ensure_auth_secret(data_dir: Path, *, environ: MutableMapping[str, str] | None = None) -> str:
    """The secret from the environment, else from `data_dir`, else a new one saved there.

    The file is created readable by its owner only. The value is also put in `environ`
    (default: this process's environment), where Chainlit reads it.
    """
    env: MutableMapping[str, str] = os.environ if environ is None else environ
    if value := env.get(SECRET_ENV):
        return value
    path = Path(data_dir) / _FILE
    if path.is_file():
        value = path.read_text(encoding="utf-8").strip()
    if not value:
        data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(value + "\n")
    env[SECRET_ENV] = value
    return value

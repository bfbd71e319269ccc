"""The page loads nothing from other hosts; the auth secret and origins are set up right."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from types import ModuleType

import chainlit
import pytest

from greenlight.chat.page import install_offline_page, offline_html
from greenlight.chat.runtime import allowed_origins
from greenlight.chat.secret import SECRET_ENV, ensure_auth_secret
from greenlight.settings import Settings

STOCK_PAGE = Path(chainlit.__file__).parent / "frontend" / "dist" / "index.html"
EXTERNAL = re.compile(r"""(?:href|src)\s*=\s*["'](?:https?:)?//""", re.I)


def test_stock_page_has_external_links_and_offline_page_has_none() -> None:
    html = STOCK_PAGE.read_text(encoding="utf-8")
    assert EXTERNAL.search(html), "Chainlit's page changed: re-check what it loads"
    cleaned = offline_html(html)
    assert not EXTERNAL.search(cleaned)
    for local in ('<script type="module" crossorigin src="/assets/', 'href="/assets/'):
        assert local in cleaned


@pytest.mark.parametrize(
    "tag",
    [
        '<link rel="stylesheet" href="https://cdn.example.com/x.css" />',
        "<link href='//fonts.example.com/css' rel=stylesheet>",
        '<link\n  rel="preconnect"\n  href="https://fonts.gstatic.com" crossorigin />',
        '<script src="https://cdn.example.com/x.js"></script>',
    ],
)
def test_external_tags_are_removed(tag: str) -> None:
    assert offline_html(f'<head>{tag}<link href="/local.css"></head>') == (
        '<head><link href="/local.css"></head>'
    )


def test_install_wraps_the_template_once() -> None:
    server = ModuleType("fake_server")
    server.get_html_template = lambda root: f'<link href="https://x/y.css">{root}'  # type: ignore[attr-defined]
    install_offline_page(server)
    install_offline_page(server)
    assert server.get_html_template("/root") == "/root"  # type: ignore[attr-defined]


def test_secret_is_generated_once_and_private(tmp_path: Path) -> None:
    env: dict[str, str] = {}
    first = ensure_auth_secret(tmp_path / "data", environ=env)
    assert env[SECRET_ENV] == first and len(first) >= 40
    path = tmp_path / "data" / "auth-secret"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert ensure_auth_secret(tmp_path / "data", environ={}) == first
    assert ensure_auth_secret(tmp_path / "other", environ={SECRET_ENV: "given"}) == "given"
    assert not (tmp_path / "other").exists()


@pytest.mark.parametrize(
    ("host", "port", "origins"),
    [
        ("127.0.0.1", 8000, ["http://127.0.0.1:8000", "http://localhost:8000"]),
        ("localhost", 9000, ["http://127.0.0.1:9000", "http://localhost:9000"]),
        ("plan.example.org", 443, ["http://plan.example.org:443"]),
    ],
)
def test_allowed_origins_are_the_apps_own(host: str, port: int, origins: list[str]) -> None:
    assert allowed_origins(Settings(host=host, port=port)) == origins


def test_public_url_adds_its_origin() -> None:
    settings = Settings(host="0.0.0.0", port=8000, public_url="https://plan.example.com/app/")
    assert allowed_origins(settings) == [
        "http://127.0.0.1:8000",
        "http://localhost:8000",
        "https://plan.example.com",
    ]
    with pytest.raises(ValueError, match="public_url"):
        allowed_origins(Settings(public_url="plan.example.com"))


def test_the_page_is_greenlights_and_stays_on_this_host() -> None:
    """Logo, favicon and colours are Greenlight's own files, served from public/."""
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    config = tomllib.loads((root / ".chainlit" / "config.toml").read_text())
    assert config["UI"]["name"] == "Greenlight"
    assert config["UI"]["custom_css"] == "/public/greenlight.css"
    for name in ("logo_light.svg", "logo_dark.svg", "favicon.svg", "greenlight.css"):
        text = (root / "public" / name).read_text()
        assert "http" not in text.replace("http://www.w3.org/2000/svg", "")
    assert "Greenlight" in (root / "public" / "logo_light.svg").read_text()

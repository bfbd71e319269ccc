"""The chat page without third-party hosts: no fonts or KaTeX from CDNs.

Chainlit's page links Google Fonts and KaTeX's stylesheet from jsDelivr. Stylesheets block
rendering, so on a machine whose network silently drops those hosts the page stays blank
until the browser gives up (about a minute). The page keeps the system font and renders no
LaTeX (`latex = false` in .chainlit/config.toml), so those links are simply removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import ModuleType

__all__ = ["install_offline_page", "offline_html"]

_EXTERNAL = re.compile(
    r"<link\b[^>]*\bhref\s*=\s*[\"'](?:https?:)?//[^\"']*[\"'][^>]*>"
    r"|<script\b[^>]*\bsrc\s*=\s*[\"'](?:https?:)?//[^\"']*[\"'][^>]*>\s*</script>",
    re.IGNORECASE | re.DOTALL,
)


def offline_html(html: str) -> str:
    """The page with every stylesheet, preconnect and script from another host removed."""
    return _EXTERNAL.sub("", html)


def install_offline_page(server: ModuleType) -> None:
    """Make Chainlit's server module render its page through `offline_html` (idempotent)."""
    original: Callable[[str], str] = server.get_html_template
    if getattr(original, "greenlight_offline", False):
        return

    def offline_template(root_path: str) -> str:
        return offline_html(original(root_path))

    offline_template.greenlight_offline = True  # type: ignore[attr-defined]
    server.get_html_template = offline_template  # type: ignore[attr-defined]

"""A session's own review page: its versions as a timeline, days and likely budget per version
as charts, the current board, each version's documents to download, and model use and cost.

Server-rendered like /review: every value escaped, charts as inline SVG, nothing loaded from
elsewhere, behind the sign-in and scoped to the signed-in user's own sessions.
"""

from __future__ import annotations

import asyncio
from datetime import date
from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from chainlit.auth import get_current_user
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.review import REVIEW_PATH, money
from store.review_versions import SessionDetail, VersionPoint, load_session, load_version_plan
from tools.paperwork.thumbnail import thumbnail_svg

__all__ = ["DOWNLOADS", "bar_chart", "render_session_page", "session_router"]

DOWNLOADS = ("stripboard", "oneliner", "schedule", "dood", "breakdown", "json")
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
}


def bar_chart(title: str, bars: list[tuple[str, float, str]]) -> str:
    """A small bar chart as inline SVG: (label, value, value as text) per bar, all escaped."""
    if not bars:
        return ""
    top = max(value for _, value, _ in bars) or 1.0
    width, height, step = 40 * len(bars) + 20, 150, 40
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'width="{width}" height="{height + 40}"><title>{escape(title)}</title>'
    ]
    for i, (label, value, shown) in enumerate(bars):
        h = max(1.0, value / top * height)
        x = 10 + i * step
        parts.append(
            f'<rect x="{x}" y="{height - h + 15:.1f}" width="28" height="{h:.1f}" rx="3" '
            f'fill="#f80061"/><text x="{x + 14}" y="{height + 32}" text-anchor="middle" '
            f'font-size="11" fill="currentColor">{escape(label)}</text>'
            f'<text x="{x + 14}" y="{height - h + 11:.1f}" text-anchor="middle" font-size="9" '
            f'fill="currentColor">{escape(shown)}</text>'
        )
    return "".join(parts) + "</svg>"


def _timeline(detail: SessionDetail) -> str:
    tid = quote(detail.summary.thread_id, safe="")
    items = []
    for v in detail.versions:
        links = " · ".join(
            f'<a href="{REVIEW_PATH}/session/{tid}/v{v.version}/{doc}">{doc}</a>'
            for doc in DOWNLOADS
        )
        parent = f" from v{v.parent}" if v.parent else ""
        budget = money(v.likely, detail.summary.currency) if v.likely is not None else "no budget"
        items.append(
            f"<li><b>v{v.version}</b>{escape(parent)} · {escape(v.label or 'plan')} · "
            f"{escape(v.created_at)} · {v.days} days · {escape(budget)}"
            f'<div class="docs">Documents: {links}</div></li>'
        )
    return f'<ol class="timeline">{"".join(items)}</ol>'


def _short(amount: float) -> str:
    """A bar's label: 1.41M, 820k (the full figure is in the timeline)."""
    if amount >= 1e6:
        return f"{amount / 1e6:.2f}M"
    return f"{amount / 1e3:.0f}k" if amount >= 1e3 else f"{amount:.0f}"


def _charts(versions: list[VersionPoint], currency: str) -> str:
    days = bar_chart(
        "Shooting days per version",
        [(f"v{v.version}", float(v.days), str(v.days)) for v in versions],
    )
    budget = bar_chart(
        "Likely budget per version",
        [(f"v{v.version}", v.likely, _short(v.likely)) for v in versions if v.likely is not None],
    )
    return (
        f'<div class="charts"><figure>{days}<figcaption>Shooting days</figcaption></figure>'
        f"<figure>{budget}<figcaption>Likely budget ({escape(currency)})</figcaption>"
        "</figure></div>"
    )


def render_session_page(detail: SessionDetail, *, style: str) -> str:
    """The session's page as HTML text."""
    s = detail.summary
    use = s.use()
    rows = "".join(
        f"<tr><td>{escape(p)}</td><td>{u.messages}</td><td>{u.tokens_in + u.tokens_out}</td>"
        f"<td>{u.cost:.4f}</td></tr>"
        for p, u in sorted(s.by_provider.items())
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(s.title)} - Greenlight</title><style>{style}"
        ".timeline li{margin:.5em 0}.docs{font-size:.85em;color:var(--muted)}"
        ".charts{display:flex;gap:2em;flex-wrap:wrap}figure{margin:0}</style></head><body>"
        f'<p><a href="{REVIEW_PATH}">All sessions</a></p><h1>{escape(s.title)}</h1>'
        f"<h2>Current board (v{s.current_version or '-'})</h2>"
        f"{thumbnail_svg(s.board, min_width=720, max_width=900)}"
        f"<h2>Versions</h2>{_timeline(detail)}{_charts(detail.versions, s.currency)}"
        f'<h2>Model use and cost</h2><table id="session-usage"><tr><th>Provider</th>'
        f"<th>Messages</th><th>Tokens</th><th>Cost</th></tr>{rows}</table>"
        f"<p>Total: {use.messages} messages, {use.tokens_in + use.tokens_out} tokens, "
        f"cost {use.cost:.4f}</p></body></html>"
    )


def _document(plan: dict[str, Any], saved: date, version: int, doc: str) -> tuple[bytes, str, str]:
    from tools.paperwork import build_board, render_document
    from tools.plan import Plan

    board = build_board(Plan.model_validate(plan), None, version=version, version_date=saved)
    rendered = render_document(board, doc)
    return rendered.data, rendered.mime, rendered.name


def session_router(engine: AsyncEngine, style: str) -> APIRouter:
    """The session page and its version documents, for the signed-in user's own sessions."""
    router = APIRouter()

    def _who(user: Any) -> str:
        identifier = getattr(user, "identifier", None)
        if not identifier:
            raise HTTPException(status_code=401, detail="Sign in first")
        return str(identifier)

    @router.get(REVIEW_PATH + "/session/{thread_id}")
    async def session_page(
        thread_id: str, user: Annotated[Any, Depends(get_current_user)]
    ) -> HTMLResponse:
        detail = await load_session(engine, _who(user), thread_id)
        if detail is None:
            raise HTTPException(status_code=404, detail="No such session")
        return HTMLResponse(render_session_page(detail, style=style), headers=HEADERS)

    @router.get(REVIEW_PATH + "/session/{thread_id}/v{version}/{doc}")
    async def version_document(
        thread_id: str, version: int, doc: str, user: Annotated[Any, Depends(get_current_user)]
    ) -> Response:
        if doc not in DOWNLOADS:
            raise HTTPException(status_code=404, detail="No such document")
        found = await load_version_plan(engine, _who(user), thread_id, version)
        if found is None:
            raise HTTPException(status_code=404, detail="No such version")
        plan, created = found
        saved = created.date() if created else date.today()
        try:
            data, mime, name = await asyncio.to_thread(_document, plan, saved, version, doc)
        except ValueError as exc:
            raise HTTPException(status_code=409, detail=str(exc)) from exc
        headers = {**HEADERS, "Content-Disposition": f'attachment; filename="{name}"'}
        return Response(data, media_type=mime, headers=headers)

    return router

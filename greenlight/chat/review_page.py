"""The session review page at /review: the signed-in user's sessions, rendered on the server.

Every value written into the page goes through `html.escape` (titles come from uploaded
scripts); links carry URL-quoted ids. The page loads nothing from elsewhere: no script, no
CDN, inline styles only. Signed-out requests get 401; a user only ever sees their own
sessions, because the query is scoped to the signed-in identifier, whatever the parameters.
"""

from __future__ import annotations

from html import escape
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from chainlit.auth import get_current_user
from fastapi import APIRouter, Depends, HTTPException
from fastapi.responses import HTMLResponse
from sqlalchemy.ext.asyncio import AsyncEngine

from greenlight.chat.progress_svg import cost_svg, pages_svg
from greenlight.chat.review import REVIEW_PATH, money
from greenlight.chat.review_session import session_router
from store.progress import progress_charts
from store.review import SORTS, ProviderUse, Review, SessionSummary, load_review
from tools.paperwork.thumbnail import thumbnail_svg

__all__ = ["render_review_page", "review_router"]

# The chat's look: its system font, its light and dark palettes (chosen by the browser's
# colour-scheme preference), rounded cards; inline only, so the strict CSP holds.
_STYLE = (
    ":root{color-scheme:light dark;--bg:#fafafa;--card:#fff;--text:#1f1f1f;--muted:#6b6b6b;"
    "--line:#e4e4e7;--accent:#f80061;--head:#f4f4f5}"
    "@media (prefers-color-scheme:dark){:root{--bg:#171717;--card:#212121;--text:#ececec;"
    "--muted:#a1a1aa;--line:#333;--accent:#ff4d8d;--head:#2a2a2a}}"
    "body{font-family:Inter,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
    "padding:2em;background:var(--bg);color:var(--text);line-height:1.45}"
    "h1{font-size:1.5em;margin:.4em 0}h2{font-size:1.15em;margin-top:1.6em}"
    "a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}"
    "table{border-collapse:separate;border-spacing:0;margin:1em 0;background:var(--card);"
    "border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:.9em}"
    "td,th{border-bottom:1px solid var(--line);padding:7px 10px;text-align:left;"
    "vertical-align:middle}th{background:var(--head);color:var(--muted);font-weight:600}"
    "tr:last-child td{border-bottom:none}"
    "input,button{font:inherit;padding:6px 10px;border-radius:8px;border:1px solid var(--line);"
    "background:var(--card);color:var(--text)}button{background:var(--accent);color:#fff;"
    "border:none;margin-left:.4em}.thumb{display:block;border-radius:3px}"
    ".more{font-size:.8em;display:block;color:var(--muted)}"
)
_HEAD = (
    "Script",
    "Board",
    "Draft",
    "Scenes",
    "Versions",
    "Days",
    "Likely budget",
    "Savings",
    "Local / cloud msgs",
    "Tokens",
    "Cost",
    "By provider",
    "Router",
    "Last activity",
)


def _cells(values: Any, tag: str = "td") -> str:
    return "".join(f"<{tag}>{escape(str(v))}</{tag}>" for v in values)


def _pairs(values: dict[str, Any]) -> str:
    return ", ".join(f"{k}: {v}" for k, v in sorted(values.items()))


def _session_row(s: SessionSummary) -> str:
    use = s.use()
    tid = quote(s.thread_id, safe="")
    link = (
        f'<a href="/thread/{tid}">{escape(s.title)}</a> '
        f'<a class="more" href="{REVIEW_PATH}/session/{tid}">versions and documents</a>'
    )
    current = f" (v{s.current_version} current)" if s.current_version else ""
    rest = (
        s.draft,
        "" if s.scenes is None else s.scenes,
        f"{s.versions}{current}",
        "" if s.days is None else s.days,
        money(s.budget, s.currency),
        money(s.savings, s.currency),
        f"{s.messages('local')} / {s.messages('cloud')}",
        use.tokens_in + use.tokens_out,
        f"{use.cost:.4f}",
        _pairs({p: f"{u.cost:.4f}" for p, u in s.by_provider.items()}),
        _pairs(s.routes),
        s.last_activity.replace("T", " "),
    )
    # The thumbnail is built from colours and counts only (no user text): safe as it is.
    thumb = thumbnail_svg(s.board)
    return f"<tr><td>{link}</td><td>{thumb}</td>{_cells(rest)}</tr>"


def _usage_table(by_provider: dict[str, ProviderUse], routes: dict[str, int]) -> str:
    rows = "".join(
        f"<tr>{_cells((p, u.messages, u.tokens_in, u.tokens_out, f'{u.cost:.4f}'))}</tr>"
        for p, u in sorted(by_provider.items())
    )
    route_rows = "".join(f"<tr>{_cells((r, n))}</tr>" for r, n in sorted(routes.items()))
    head = _cells(("Provider", "Messages", "Tokens in", "Tokens out", "Cost"), "th")
    return (
        f'<table id="usage"><tr>{head}</tr>{rows}</table>'
        f'<table id="routes"><tr>{_cells(("Route", "Decisions"), "th")}</tr>{route_rows}</table>'
    )


def _controls(sort: str, search: str) -> str:
    links = " · ".join(
        f'<a href="{REVIEW_PATH}?{escape(urlencode({"sort": key, "q": search}))}">{key}</a>'
        if key != sort
        else f"<b>{key}</b>"
        for key in SORTS
    )
    return (
        f'<form method="get" action="{REVIEW_PATH}"><input type="search" name="q" '
        f'value="{escape(search)}" placeholder="Search by title" aria-label="Search by title">'
        f'<input type="hidden" name="sort" value="{escape(sort)}">'
        f'<button type="submit">Search</button></form><p>Sort by: {links}</p>'
    )


def _progress(review: Review, charts: dict[str, dict[str, Any]]) -> str:
    """One block per session in production: its two progress pictures."""
    blocks = [
        f'<div class="shoot"><h3>{escape(s.title)}</h3>'
        f"{pages_svg(charts[s.thread_id])}{cost_svg(charts[s.thread_id])}</div>"
        for s in review.sessions
        if s.thread_id in charts
    ]
    return f'<h2>Shoot progress</h2><div id="progress">{"".join(blocks)}</div>' if blocks else ""


def render_review_page(
    review: Review,
    *,
    user: str,
    sort: str,
    search: str,
    charts: dict[str, dict[str, Any]] | None = None,
) -> str:
    """The whole page as HTML text, every value escaped; `charts` from store.progress."""
    rows = "".join(_session_row(s) for s in review.sessions)
    body = (
        f'<table id="sessions"><tr>{_cells(_HEAD, "th")}</tr>{rows}</table>'
        if review.sessions
        else "<p>No sessions match.</p>"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Your sessions - Greenlight</title><style>{_STYLE}</style></head><body>"
        f'<p><a href="/">Back to the chat</a></p><h1>Sessions of {escape(user)}</h1>'
        f"{_controls(sort, search)}{body}{_progress(review, charts or {})}"
        f"<h2>Model use over these sessions</h2>{_usage_table(review.by_provider, review.routes)}"
        "</body></html>"
    )


def review_router(engine: AsyncEngine) -> APIRouter:
    """The GET route of the review page, reading sessions from `engine`."""
    router = APIRouter()
    router.include_router(session_router(engine, _STYLE))

    @router.get(REVIEW_PATH)
    async def review_page(
        user: Annotated[Any, Depends(get_current_user)], sort: str = "activity", q: str = ""
    ) -> HTMLResponse:
        identifier = getattr(user, "identifier", None)
        if not identifier:
            raise HTTPException(status_code=401, detail="Sign in first")
        try:
            review = await load_review(engine, identifier, sort=sort, search=q[:200])
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc
        charts = await progress_charts(engine, [s.thread_id for s in review.sessions])
        page = render_review_page(review, user=identifier, sort=sort, search=q[:200], charts=charts)
        return HTMLResponse(
            page,
            headers={
                "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                "form-action 'self'",
                "Cache-Control": "private, no-store",
                "X-Content-Type-Options": "nosniff",
            },
        )

    return router

"""Routes for operating the app: Prometheus metrics and a health check.

`/metrics` serves `graph.telemetry.METRICS` to loopback clients, or to anyone presenting the
bearer token in `Settings.metrics_token`; a request that came through a proxy (it carries
X-Forwarded-For) is not treated as loopback, since the proxy itself connects from there.
`/healthz` runs `SELECT 1` on the database within a timeout and says which of the
assistant's models answer; it names providers and models only, never keys or addresses.
"""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from graph.telemetry import METRICS
from greenlight.settings import Settings

if TYPE_CHECKING:
    from graph.providers import ModelSet, Provider

__all__ = ["DB_TIMEOUT_S", "ModelsOf", "check_database", "check_models", "ops_router"]

DB_TIMEOUT_S = 3.0
PROBE_TIMEOUT_S = 2.0
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

ModelsOf = Callable[[], "ModelSet"]
"""Gives the open assistant's models; raises RuntimeError while it is not open yet."""


def _may_read_metrics(request: Request, settings: Settings) -> bool:
    token = settings.metrics_token
    header = request.headers.get("authorization", "")
    if token is not None and header.startswith("Bearer "):
        given = header.removeprefix("Bearer ").encode()
        return hmac.compare_digest(given, token.get_secret_value().encode())
    host = request.client.host if request.client else ""
    return host in LOOPBACK and "x-forwarded-for" not in request.headers


async def check_database(engine: AsyncEngine, *, timeout_s: float = DB_TIMEOUT_S) -> str:
    """ "ok", or why the database did not answer `SELECT 1` within `timeout_s`."""
    try:
        async with asyncio.timeout(timeout_s):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
    except TimeoutError:
        return f"no answer within {timeout_s:g} s"
    except Exception as exc:  # any driver error means "not healthy", reported by type only
        return f"error: {type(exc).__name__}"
    return "ok"


async def _reachable(provider: Provider, settings: Settings) -> bool:
    from graph.providers import probe_ollama

    if provider.name == "ollama":
        return await probe_ollama(settings.ollama_url, timeout_s=PROBE_TIMEOUT_S)
    # The embedded model is in-process, a cloud answer costs money to probe, a fake is a fake:
    # having been built is what is known about them.
    return True


async def check_models(models: ModelSet, settings: Settings) -> list[dict[str, Any]]:
    """Each configured provider: its slot, name, model and whether it answers now."""
    slots = {"local": models.local, "cloud": models.cloud, "embedded": models.embedded}
    found = [(slot, p) for slot, p in slots.items() if p is not None]
    answers = await asyncio.gather(*(_reachable(p, settings) for _, p in found))
    return [
        {"slot": slot, "provider": p.name, "model": p.model_name, "reachable": ok}
        for (slot, p), ok in zip(found, answers, strict=True)
    ]


def ops_router(settings: Settings, engine: AsyncEngine, *, models: ModelsOf | None) -> APIRouter:
    """The /metrics and /healthz routes for this app's settings, database and models."""
    router = APIRouter()

    @router.get("/metrics")
    async def metrics(request: Request) -> Response:
        if not _may_read_metrics(request, settings):
            # The same answer as for a missing page: the route's existence is not advertised.
            raise HTTPException(status_code=404, detail="Not found")
        return Response(generate_latest(METRICS), media_type=CONTENT_TYPE_LATEST)

    @router.get("/healthz")
    async def healthz() -> JSONResponse:
        database = await check_database(engine)
        try:
            found = await check_models(models(), settings) if models is not None else []
            assistant = "ok" if models is not None else "not attached"
        except RuntimeError:
            found, assistant = [], "starting"
        healthy = database == "ok" and assistant == "ok"
        body: dict[str, Any] = {"status": "ok" if healthy else "degraded", "database": database}
        body |= {"assistant": assistant, "models": found}
        return JSONResponse(body, status_code=200 if healthy else 503)

    return router

"""Greenlight's Chainlit app: handlers only. The work lives in `greenlight.chat`.

Run it with `greenlight serve` (or `make run`), which prepares the database and first user.
"""

from __future__ import annotations

from typing import Any

import chainlit as cl
import chainlit.server
from fastapi import Request, Response

from greenlight.chat import session
from greenlight.chat.assistant import AssistantHost
from greenlight.chat.chainlit_output import ChainlitOutput
from greenlight.chat.datalayer import GreenlightDataLayer
from greenlight.chat.runtime import STARTERS, build_runtime
from greenlight.chat.security import install_security, sign_out
from greenlight.chat.turn import run_turn
from greenlight.settings import Settings

SETTINGS = Settings()
# One assistant (graph, checkpointer, models) per server process, opened at start-up.
HOST = AssistantHost(SETTINGS)
# Deleting a session also deletes its graph memory and plan versions.
RUNTIME = build_runtime(SETTINGS, on_thread_deleted=[HOST.delete_thread])
RUNTIME.install(chainlit.server, models=lambda: HOST.assistant.context.models)
install_security(chainlit.server, SETTINGS, RUNTIME.engine, RUNTIME.data_layer)


@cl.on_app_startup
async def startup() -> None:
    await RUNTIME.create_tables()
    await HOST.start()


@cl.on_app_shutdown
async def shutdown() -> None:
    await HOST.close()


@cl.data_layer
def data_layer() -> GreenlightDataLayer:
    return RUNTIME.data_layer


@cl.password_auth_callback
async def password_auth(username: str, password: str) -> cl.User | None:
    return await RUNTIME.sign_in(username, password)


@cl.on_logout
async def logout(request: Request, response: Response) -> dict[str, bool]:
    return await sign_out(RUNTIME.engine, request)


@cl.set_starters
async def starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    return list(STARTERS)


@cl.on_chat_start
async def chat_start() -> None:
    await session.open_session(SETTINGS)


@cl.on_chat_resume
async def chat_resume(thread: cl.types.ThreadDict) -> None:
    await session.resume_session(thread, SETTINGS)


@cl.on_settings_update
async def settings_update(values: dict[str, Any]) -> None:
    await session.update_preferences(values, SETTINGS)


@cl.on_message
async def message(msg: cl.Message) -> None:
    # Chainlit saves the user's message from a task a crash can outrun; saved here first
    # (an idempotent upsert), it survives the server being killed mid-turn.
    await RUNTIME.data_layer.create_step(msg.to_dict())
    if msg.command == session.RATE_CARD_COMMAND:
        await session.ask_rate_card(SETTINGS)
    else:
        turn = await session.turn_input(msg, SETTINGS)
        await run_turn(turn, ChainlitOutput(msg.thread_id), assistant=await HOST.start())
    await session.save_session(msg.thread_id)


@cl.on_chat_end
async def chat_end() -> None:
    await session.save_session(cl.context.session.thread_id)

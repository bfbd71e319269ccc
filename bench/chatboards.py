"""Benchmark: a 150-scene feature uploaded in the chat, as the page would (bench/chatdriver.py).

The real server with its default solver settings and the local job runner, a fake model for
the words. Measured from the message carrying the file: the first improving board shown in
the Schedule step (target under 10 s), how many boards the step showed, and the final answer
(target under 60 s). `--quick` plans a 64-scene feature instead.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import tempfile
from pathlib import Path

from bench.chatdriver import ChatClient, Server
from bench.scriptfmt import to_fountain
from bench.scriptgen import GenOptions, generate

__all__ = ["measure", "run"]

FAKE_REPLY = "Here is what the planning tools found for you."
BOARD = re.compile(r"^Board (\d+): ")


def _feature(scenes: int, seed: int) -> bytes:
    gen = generate(GenOptions(seed=seed, scenes=scenes, pages=scenes * 4 // 5, sites=True))
    return to_fountain(gen.title_page, gen.blocks()).encode()


async def _drive(server: Server, data: bytes) -> dict[str, float]:
    user = server.first_user
    client = ChatClient(server.url, user.name, user.password)
    await client.connect()
    try:
        ref = await client.upload("feature.fountain", data)
        turn = await client.ask("", files=[ref], timeout_s=300)
    finally:
        await client.close()
    sent = client.sent_at
    boards = [(t, int(m.group(1))) for t, _, out in client.timeline if (m := BOARD.match(out))]
    return {
        "first_board_s": boards[0][0] - sent if boards else float("nan"),
        "boards_shown": float(len({n for _, n in boards})),
        "answer_s": turn.seconds,
    }


def measure(scenes: int) -> list[dict[str, float]]:
    """Start a server, upload two generated features of `scenes` scenes (one session each,
    one after the other); the timings of each."""
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp), fake_model=FAKE_REPLY)
        server.start()
        try:
            return [asyncio.run(_drive(server, _feature(scenes, seed))) for seed in (11, 12)]
        finally:
            server.stop()


def run(args: argparse.Namespace) -> None:
    """Print the chat's time to the first board and to the answer for a feature upload."""
    scenes = 64 if getattr(args, "quick", False) else 150
    print(f"features: {scenes} scenes (scriptgen, Fountain), default solver settings")
    print(f"{'measure':<44}{'value':>10}{'target':>10}")
    for label, got in zip(("first upload", "later upload"), measure(scenes), strict=True):
        first, shown, answer = got["first_board_s"], got["boards_shown"], got["answer_s"]
        print(f"{label + ': upload -> first board (s)':<44}{first:>10.2f}{'< 10':>10}")
        print(f"{label + ': boards shown while solving':<44}{shown:>10.0f}{'>= 1':>10}")
        print(f"{label + ': upload -> final answer (s)':<44}{answer:>10.2f}{'< 60':>10}")

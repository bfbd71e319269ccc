"""The reduced scale-out load (bench/scaleout.py is the full one, in `make bench`): sessions
over two instances and two Celery workers behind HAProxy, each planning a screenplay of its
own, while a worker's busy child is SIGKILLed mid-plan beside them: 0 errors."""

from __future__ import annotations

import asyncio
import os
import signal
from pathlib import Path

import psutil
import pytest

from bench.load import QUESTIONS
from bench.scaleout import Cluster, cluster, drive

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


async def _kill_one_busy_child(layout: Cluster) -> int:
    """SIGKILL the first worker child seen solving; its pid (0 if none was seen in 120 s)."""
    for _ in range(400):
        for worker in layout.workers:
            for child in psutil.Process(worker.pid).children():
                if child.cpu_percent(interval=0.1) > 30:
                    os.kill(child.pid, signal.SIGKILL)
                    return child.pid
        await asyncio.sleep(0.2)
    return 0


async def test_sessions_through_two_instances_survive_a_killed_worker(tmp_path: Path) -> None:
    with cluster(tmp_path, instances=2, workers=2) as layout:
        load = asyncio.ensure_future(drive(layout, sessions=6, users=2, questions=QUESTIONS[:2]))
        killed = await _kill_one_busy_child(layout)
        result = await load
    assert killed, "no worker child was seen solving"
    assert result.errors == []
    assert len(result.latencies) == 12
    assert all(worker.poll() is not None for worker in layout.workers)  # stopped at the end

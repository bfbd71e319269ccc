"""The embedded job runner: one child process per solve job, no servers to start.

Why one process per job rather than a `ProcessPoolExecutor`: a pool whose worker dies is
broken for every job queued on it (`BrokenProcessPool`), and one job cannot be killed or
memory-bounded on its own. A process per job can: its address space is capped (RLIMIT_AS,
set by the child before solving), it is killed at the wall-time bound, and its death touches
no other job. The children fork from a forkserver that has the planning tools imported, so a
job starts in milliseconds without the server's threads or event loop, and at most
`workers` run at once.

Progress: the child sends each improving board on its pipe before the outcome; the reader
hands it to every caller waiting on that job (an identical request joining a job in flight
first gets the latest board). The reader waits on the pipe only until the job's deadline, and
the pipe's end of file wakes it when the child dies, so no board can hang it.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobs import work
from jobs.errors import JobFailed

__all__ = ["LocalRunner"]

Record = dict[str, Any]
_PRELOAD = ["jobs.work", "graph.planner", "tools.plan", "tools.revisions"]


class _Crashed(Exception):
    """The child died before answering (a signal or an exit without a message)."""


_OUT_OF_MEMORY = "out of memory"


def _describe(exitcode: int | None) -> str:
    if exitcode == work.EXIT_MEMORY:
        return _OUT_OF_MEMORY
    if exitcode is not None and exitcode < 0:
        try:
            return f"the solver process was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"the solver process was killed by signal {-exitcode}"
    return f"the solver process exited with status {exitcode} without an answer"


@dataclass
class _Flight:
    """One job in flight: its result to come and everyone following its boards."""

    result: Future[Record] = field(default_factory=Future)
    listeners: list[work.BoardSink] = field(default_factory=list)
    last: Record | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def follow(self, sink: work.BoardSink | None) -> None:
        """Add a listener; it hears the latest board at once, when there is one."""
        if sink is None:
            return
        with self.lock:
            self.listeners.append(sink)
            last = self.last
        if last is not None:
            work.tell(sink, last)

    def publish(self, board: Record) -> None:
        """Hand a board to every listener (one listener's failure is not the job's)."""
        with self.lock:
            self.last = board
            listeners = list(self.listeners)
        for sink in listeners:
            work.tell(sink, board)


class LocalRunner:
    """Run solve jobs in bounded child processes; identical jobs in flight run once."""

    def __init__(
        self,
        *,
        cache_dir: Path | None,
        timeout_s: float,
        memory_mb: int,
        workers: int = 2,
        retries: int = 1,
    ) -> None:
        self.cache_dir = str(cache_dir) if cache_dir else None
        self.timeout_s, self.memory_mb, self.retries = timeout_s, memory_mb, retries
        self._ctx = multiprocessing.get_context("forkserver")
        self._ctx.set_forkserver_preload(_PRELOAD)
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._inflight: dict[str, _Flight] = {}
        self.running: dict[str, int] = {}
        """Job key -> pid of its child while it runs (for operators and the fault tests)."""

    def warm(self) -> threading.Thread:
        """Bring the forkserver up now, in the background: it imports the planning tools once
        (about 4 s here), which the first upload would otherwise wait for."""

        def start() -> None:
            child = self._ctx.Process(target=work.ready, daemon=True)
            child.start()
            child.join(120)

        thread = threading.Thread(target=start, name="jobs-warm", daemon=True)
        thread.start()
        return thread

    def run(self, kind: str, payload: Record, *, progress: work.BoardSink | None = None) -> Record:
        """The job's result; ValueError for a request the user can fix, JobFailed otherwise.

        `progress` hears the job's improving boards, on the thread that reads the job."""
        key = work.job_key(kind, payload)
        with self._lock:
            shared = self._inflight.get(key)
            if shared is None:
                mine = self._inflight[key] = _Flight()
        if shared is not None:
            shared.follow(progress)
            return shared.result.result()
        mine.follow(progress)
        try:
            result = self._attempts(key, kind, payload, mine)
        except BaseException as exc:
            mine.result.set_exception(exc)
            raise
        else:
            mine.result.set_result(result)
            return result
        finally:
            with self._lock:
                self._inflight.pop(key, None)

    def _attempts(self, key: str, kind: str, payload: Record, flight: _Flight) -> Record:
        # A crash may be the machine's (a killed worker) rather than the request's: one retry.
        # The retried plan comes from the plan cache when the first attempt got that far.
        for attempt in range(self.retries + 1):
            try:
                answer = self._once(key, kind, payload, flight)
            except _Crashed as exc:
                if exc.args[0] == _OUT_OF_MEMORY:
                    raise JobFailed(
                        f"it needed more than {self.memory_mb:,} MB of memory"
                    ) from None
                if attempt < self.retries:
                    continue
                raise JobFailed(f"{exc} (tried {attempt + 1} times)") from None
            if answer["status"] == "value":
                raise ValueError(answer["error"])
            if answer["status"] != "ok":
                raise JobFailed(answer["error"])
            return dict(answer["result"])
        raise AssertionError("unreachable")

    def _once(self, key: str, kind: str, payload: Record, flight: _Flight) -> Record:
        receiver, sender = self._ctx.Pipe(duplex=False)
        args = (sender, kind, payload, self.cache_dir, self.memory_mb)
        child = self._ctx.Process(target=work.child_main, args=args, daemon=True)
        with self._slots:
            child.start()
            sender.close()
            self.running[key] = child.pid or 0
            try:
                return self._answer(child, receiver, flight)
            finally:
                self.running.pop(key, None)
                receiver.close()
                if child.is_alive():
                    child.kill()
                child.join(5)

    def _answer(self, child: Any, receiver: Any, flight: _Flight) -> Record:
        deadline = time.monotonic() + self.timeout_s
        while True:
            # poll() also wakes when the child dies (end of file on the pipe); a child that
            # keeps sending boards is still stopped at the deadline.
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not receiver.poll(remaining):
                child.kill()
                raise JobFailed(f"it took longer than {self.timeout_s:g} s and was stopped")
            try:
                message = dict(receiver.recv())
            except (EOFError, OSError):
                child.join(5)
                raise _Crashed(_describe(child.exitcode)) from None
            if "board" not in message:
                return message
            flight.publish(dict(message["board"]))

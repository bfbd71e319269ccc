"""The numba warm-up (`tools.schedule.warm`): idempotent in a process, and a disk cache it
fills in one process is what a later process's plan loads (the strip search then runs)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tools.schedule.warm import Family, drop_stale, families, warm

_ROOT = Path(__file__).resolve().parents[1]

_PLAN_AFTER_WARM = """
import json
from bench.schedule_feature import feature_problem
from tools.schedule import optimize
from tools.schedule.warm import _dispatchers, families, warm

found = [w.status for w in warm()]
result = optimize(feature_problem(scenes=70, day_rules=True, time_limit_s=8.0))
missed = sum(
    sum(k.stats.cache_misses.values()) for f in families() for k in _dispatchers(f.modules)
)
print(json.dumps({"warm": found, "method": result.method, "steps": result.steps,
                  "missed": missed}))
"""


def _run(code: str, cache: Path) -> dict:
    env = {**os.environ, "NUMBA_CACHE_DIR": str(cache), "PYTHONPATH": str(_ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_changed_source_drops_its_familys_cached_kernels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # numba keys a cache on the kernel's own file: a changed callee in another file would
    # leave its callers' machine code stale, so the family's cache goes when any source does.
    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)
    sources = [tmp_path / "kern_a.py", tmp_path / "kern_b.py"]
    for path in sources:
        path.write_text("X = 1\n")
    modules = []
    for path in sources:
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        modules.append(module)
    family = Family("fake kernels", tuple(modules), (), lambda: None)
    cache = tmp_path / "__pycache__"
    cache.mkdir()

    def cached() -> Path:
        path = cache / "kern_a.run-3.py311.nbi"
        path.write_text("machine code")
        return path

    first = cached()
    assert drop_stale(family) and not first.exists()  # no stamp yet: nothing vouched for
    kept = cached()
    assert not drop_stale(family) and kept.exists()  # same sources: the cache stays
    sources[1].write_text("X = 2\n")  # the callee's file changed, the caller's did not
    assert drop_stale(family) and not kept.exists()


def test_a_second_warm_in_a_process_does_nothing() -> None:
    first = warm()
    assert [w.name for w in first] == [f.name for f in families()]
    assert {w.status for w in first} <= {"loaded", "cached", "compiled"}
    again = warm()
    assert [(w.status, w.seconds) for w in again] == [("loaded", 0.0)] * len(first)


@pytest.mark.slow
def test_the_cache_the_warm_step_fills_is_what_the_next_process_plans_with(
    tmp_path: Path,
) -> None:
    cold = _run(
        "import json; from tools.schedule.warm import warm; "
        "print(json.dumps({'warm': [w.status for w in warm()]}))",
        tmp_path,
    )
    assert cold["warm"] == ["compiled"] * len(families())
    assert any(tmp_path.rglob("*.nbi"))  # the index files went where NUMBA_CACHE_DIR says
    # A new process (as the server's job worker is): everything is read, nothing compiled,
    # and an 8 s plan, too short for a first compile, runs the strip search.
    after = _run(_PLAN_AFTER_WARM, tmp_path)
    assert after["warm"] == ["cached"] * len(families())
    assert after["method"] == "lns"
    assert after["steps"][-2:] == ["strip-search", "neighbourhoods"]
    assert after["missed"] == 0

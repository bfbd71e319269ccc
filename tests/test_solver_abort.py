"""The CP-SAT abort on too few fixed days (issue 12), run where a regression cannot kill pytest.

`greenlight plan national-stupidity.fdx --days 5` (and 3, 4, 6) aborted the process with exit
134 (`Check failed: heuristics.fixed_search != nullptr`): interleaved CP-SAT workers met a
model their own loading proved infeasible. Each case runs the real command in a subprocess,
so an abort shows here as a failed test with the solver's last words, not a dead test run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SCREENPLAYS

SCRIPT = SCREENPLAYS / "national-stupidity.fdx"


def _plan(days: int, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "GREENLIGHT_DATA_DIR": str(tmp_path),
    }
    entry = "import sys; from greenlight.cli import main; sys.exit(main(sys.argv[1:]))"
    command = [sys.executable, "-c", entry, "plan", str(SCRIPT), "--days", str(days)]
    return subprocess.run(
        [*command, "--no-cache", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("days", [3, 4, 5, 6])
def test_too_few_days_is_diagnosed_not_aborted(days: int, tmp_path: Path) -> None:
    run = _plan(days, tmp_path)
    # 2 is `greenlight plan`'s "no schedule satisfies the constraints"; the abort was 134.
    assert run.returncode == 2, f"exit {run.returncode}: {run.stderr[-800:]}"
    schedule = json.loads(run.stdout)["schedule"]
    assert schedule["status"] == "infeasible"
    assert any(f"only {days} are allowed" in line for line in schedule["diagnosis"])


def test_enough_days_still_solves(tmp_path: Path) -> None:
    run = _plan(12, tmp_path)  # the fewest days the day's minutes allow
    assert run.returncode == 0, f"exit {run.returncode}: {run.stderr[-800:]}"
    schedule = json.loads(run.stdout)["schedule"]
    assert schedule["status"] in ("optimal", "feasible")
    assert len(schedule["days"]) == 12

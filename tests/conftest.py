"""Shared fixtures: where the shared screenplays and benchmarks live."""

from __future__ import annotations

from pathlib import Path

import pytest

# The throwaway PostgreSQL cluster (`postgres_url`, `postgres_db_url`) and Redis server
# (`redis_url`, `redis_db_url`) for every test that needs a real server; pytest only honours
# plugin lists in the top-level conftest.
pytest_plugins = ["tests.pgserver", "tests.redisserver"]

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCREENPLAYS = SHARED / "data" / "screenplays"
BENCHMARKS = SHARED / "data" / "benchmarks"


@pytest.fixture(scope="session")
def screenplays_dir() -> Path:
    """`../shared/data/screenplays`, the real scripts with ground truth."""
    assert SCREENPLAYS.is_dir(), f"shared data missing at {SCREENPLAYS}"
    return SCREENPLAYS


@pytest.fixture(scope="session")
def benchmarks_dir() -> Path:
    """`../shared/data/benchmarks`, the published scheduling instances."""
    assert BENCHMARKS.is_dir(), f"shared data missing at {BENCHMARKS}"
    return BENCHMARKS


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh database per test: an SQLite file, then a database on the real PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db' / 'greenlight.db'}"
    return str(request.getfixturevalue("postgres_db_url"))

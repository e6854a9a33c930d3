"""Shared fixtures: the seeds built once per session into a temporary warehouse.

Hermetic: tests read the copies of the five seeds and their gold in ``tests/fixtures/`` (never the live
``seeds/`` folder users drop articles into), and what needs ``../shared`` (the dev sets, score.py) is
marked ``needs_shared`` and skips with the reason when it is absent. ``HEALTHWORK_SHARED_DIR`` points
the tests at another shared folder (a missing one: to check the skips)."""
from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"  # a copy of the bundled seeds as they were when the tests were written
SEED_GOLD = FIXTURES / "gold"  # the hand-made gold of those five seeds (data, copied from ../shared/gold)
SHARED = Path(os.environ.get("HEALTHWORK_SHARED_DIR") or PROJECT.parent / "shared")
SHARED_REASON = (f"needs the shared dev sets and tools at {SHARED} (../shared beside the project, "
                 "or HEALTHWORK_SHARED_DIR); absent here")
needs_shared = pytest.mark.skipif(not (SHARED / "tools").is_dir(), reason=SHARED_REASON)


def run_pipeline(seeds_dir: Path, warehouse: Path, full: bool = False, instance=None):  # noqa: ANN001
    """Materialise the real Definitions' job in-process against the given paths, through the same
    ``pipelines.run.run_job`` as the CLI (an ephemeral Dagster instance unless one is given)."""
    from dagster import DagsterInstance

    from healthwork.config import get_settings
    from pipelines.run import run_job

    settings = get_settings(str(warehouse), str(seeds_dir))
    return run_job(settings, full_rebuild=full, instance=instance or DagsterInstance.ephemeral())


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """(seeds dir, warehouse path): a fresh copy of the seeds and an empty warehouse location, set in
    the environment as a user would (``HEALTHWORK_SEEDS_DIR`` / ``HEALTHWORK_WAREHOUSE``)."""
    from healthwork.config import ENV_SEEDS_DIR, ENV_WAREHOUSE

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copyfile(f, seeds / f.name)
    warehouse = tmp_path / "wh" / "healthwork.duckdb"
    monkeypatch.setenv(ENV_SEEDS_DIR, str(seeds))
    monkeypatch.setenv(ENV_WAREHOUSE, str(warehouse))
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    return seeds, warehouse


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory):
    """(result, warehouse path, seeds dir) of one run over a copy of the bundled seeds."""
    root = tmp_path_factory.mktemp("seeds_build")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    warehouse = root / "warehouse" / "healthwork.duckdb"
    result = run_pipeline(seeds, warehouse)
    return result, warehouse, seeds


@pytest.fixture()
def seeds_db(seeds_build) -> Iterator[duckdb.DuckDBPyConnection]:
    """Read-only connection to the published seeds warehouse."""
    con = duckdb.connect(str(seeds_build[1]), read_only=True)
    try:
        yield con
    finally:
        con.close()

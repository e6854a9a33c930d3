"""Shared fixtures: the seeds built once per session into a temporary warehouse."""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT / "seeds"
SHARED = PROJECT.parent / "shared"


def run_pipeline(seeds_dir: Path, warehouse: Path, full: bool = False):
    """Materialise the real Definitions' job in-process against the given paths."""
    import os

    from pipelines.definitions import defs
    from pipelines.jobs import ALL_JOB_NAME

    old = {k: os.environ.get(k) for k in ("HEALTHWORK_SEEDS_DIR", "HEALTHWORK_WAREHOUSE")}
    os.environ["HEALTHWORK_SEEDS_DIR"], os.environ["HEALTHWORK_WAREHOUSE"] = str(seeds_dir), str(warehouse)
    try:
        return defs.resolve_job_def(ALL_JOB_NAME).execute_in_process(
            run_config={"ops": {"raw__files": {"config": {"full_rebuild": full}}}}, raise_on_error=False)
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


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

"""Settings, read from the environment every time they are needed (CLI, UI, sensors, schedules)."""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_WAREHOUSE = "HEALTHWORK_WAREHOUSE"
ENV_SEEDS_DIR = "HEALTHWORK_SEEDS_DIR"
ENV_MAX_FILE_BYTES = "HEALTHWORK_MAX_FILE_BYTES"
ENV_ALLOW_MASS_DELETE = "HEALTHWORK_ALLOW_MASS_DELETE"  # 1/true/yes: a run may remove most articles
ENV_MAX_DELETE_SHARE = "HEALTHWORK_MAX_DELETE_SHARE"  # share of articles a run may remove (default 0.5)
ENV_DAGSTER_HOME = "DAGSTER_HOME"
ENV_DATA_DOCS_RUNS = "HEALTHWORK_DATA_DOCS_RUNS"
ENV_DOCS_PORT = "HEALTHWORK_DOCS_PORT"

DEFAULT_WAREHOUSE = "warehouse/healthwork.duckdb"
DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DELETE_SHARE = 0.5
DAGSTER_HOME_NAME = ".dagster"  # the Dagster home's folder beside the warehouse file
DEFAULT_DATA_DOCS_RUNS = 10
DEFAULT_DOCS_PORT = 3001


@dataclass(frozen=True)
class Settings:
    warehouse: Path  # the published warehouse analysts open (read-only)
    seeds_dir: Path  # the input folder of article files
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    allow_mass_delete: bool = False  # a run may remove all or most of the published articles
    max_delete_share: float = DEFAULT_MAX_DELETE_SHARE
    dagster_home_dir: Path | None = None  # DAGSTER_HOME when set; None: beside the warehouse
    data_docs_runs: int = DEFAULT_DATA_DOCS_RUNS  # Data Docs keep the validation pages of this many runs
    docs_port: int = DEFAULT_DOCS_PORT  # `healthwork ui` serves the Data Docs on http://127.0.0.1:<docs_port>/

    @property
    def data_docs_dir(self) -> Path:
        """The Great Expectations Data Docs site beside the warehouse: ``<warehouse dir>/data_docs``."""
        return self.warehouse.parent / "data_docs"

    @property
    def dagster_home(self) -> Path:
        """The one Dagster home (run history, materialisations, check results, sensor cursors) of this
        warehouse, shared by `healthwork run`, `healthwork ui` and its daemon: ``<warehouse dir>/.dagster``."""
        return self.dagster_home_dir or self.warehouse.parent / DAGSTER_HOME_NAME

    @property
    def staging(self) -> Path:
        """The working copy runs write to; published atomically to ``warehouse``."""
        return self.warehouse.with_name(f".{self.warehouse.stem}.staging{self.warehouse.suffix}")


def _path(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else Path.cwd() / p


def _env_int(name: str, default: int, what: str, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw) if raw else default
    except ValueError as exc:
        raise ValueError(f"{name} must be {what}, got {raw!r}") from exc
    if value < minimum:
        raise ValueError(f"{name} must be {what} of at least {minimum}, got {raw!r}")
    return value


def get_settings(warehouse: str | None = None, seeds_dir: str | None = None) -> Settings:
    """Explicit arguments win, then the environment, then the contract's defaults."""
    max_bytes = _env_int(ENV_MAX_FILE_BYTES, DEFAULT_MAX_FILE_BYTES, "a whole number of bytes")
    raw_share = os.environ.get(ENV_MAX_DELETE_SHARE, "")
    try:
        share = float(raw_share) if raw_share else DEFAULT_MAX_DELETE_SHARE
    except ValueError as exc:
        raise ValueError(f"{ENV_MAX_DELETE_SHARE} must be a share between 0 and 1, got {raw_share!r}") from exc
    if not 0 <= share <= 1:
        raise ValueError(f"{ENV_MAX_DELETE_SHARE} must be a share between 0 and 1, got {raw_share!r}")
    return Settings(
        warehouse=_path(warehouse or os.environ.get(ENV_WAREHOUSE) or DEFAULT_WAREHOUSE),
        seeds_dir=_path(seeds_dir or os.environ.get(ENV_SEEDS_DIR) or DEFAULT_SEEDS_DIR),
        max_file_bytes=max_bytes,
        allow_mass_delete=os.environ.get(ENV_ALLOW_MASS_DELETE, "").strip().lower() in ("1", "true", "yes"),
        max_delete_share=share,
        dagster_home_dir=_path(home) if (home := os.environ.get(ENV_DAGSTER_HOME, "").strip()) else None,
        data_docs_runs=_env_int(ENV_DATA_DOCS_RUNS, DEFAULT_DATA_DOCS_RUNS, "a whole number of runs", minimum=1),
        docs_port=_env_int(ENV_DOCS_PORT, DEFAULT_DOCS_PORT, "a port number", minimum=1),
    )


INSTANCE_TEMPLATE = PROJECT_ROOT / "pipelines" / "dagster.yaml"  # one run at a time, no telemetry


def prepare_dagster_home(home: Path) -> Path:
    """Create the Dagster home with the project's ``dagster.yaml`` unless it already has one."""
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        shutil.copyfile(INSTANCE_TEMPLATE, cfg)
    return home

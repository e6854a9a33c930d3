"""Settings, read from the environment every time they are needed (CLI, UI, sensors, schedules)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_WAREHOUSE = "HEALTHWORK_WAREHOUSE"
ENV_SEEDS_DIR = "HEALTHWORK_SEEDS_DIR"
ENV_MAX_FILE_BYTES = "HEALTHWORK_MAX_FILE_BYTES"
ENV_ALLOW_MASS_DELETE = "HEALTHWORK_ALLOW_MASS_DELETE"  # 1/true/yes: a run may remove most articles
ENV_MAX_DELETE_SHARE = "HEALTHWORK_MAX_DELETE_SHARE"  # share of articles a run may remove (default 0.5)

DEFAULT_WAREHOUSE = "warehouse/healthwork.duckdb"
DEFAULT_SEEDS_DIR = "seeds"
DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024
DEFAULT_MAX_DELETE_SHARE = 0.5


@dataclass(frozen=True)
class Settings:
    warehouse: Path  # the published warehouse analysts open (read-only)
    seeds_dir: Path  # the input folder of article files
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    allow_mass_delete: bool = False  # a run may remove all or most of the published articles
    max_delete_share: float = DEFAULT_MAX_DELETE_SHARE

    @property
    def staging(self) -> Path:
        """The working copy runs write to; published atomically to ``warehouse``."""
        return self.warehouse.with_name(f".{self.warehouse.stem}.staging{self.warehouse.suffix}")


def _path(value: str) -> Path:
    p = Path(value).expanduser()
    return p if p.is_absolute() else Path.cwd() / p


def get_settings(warehouse: str | None = None, seeds_dir: str | None = None) -> Settings:
    """Explicit arguments win, then the environment, then the contract's defaults."""
    raw_max = os.environ.get(ENV_MAX_FILE_BYTES, "")
    try:
        max_bytes = int(raw_max) if raw_max else DEFAULT_MAX_FILE_BYTES
    except ValueError as exc:
        raise ValueError(f"{ENV_MAX_FILE_BYTES} must be a whole number of bytes, got {raw_max!r}") from exc
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
    )

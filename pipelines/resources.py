"""Dagster resources: where the warehouse and the input folder are (from the environment)."""
from __future__ import annotations

from dagster import ConfigurableResource

from healthwork.config import Settings, get_settings
from healthwork.store import Warehouse


class WarehouseResource(ConfigurableResource):
    """The DuckDB warehouse and input folder. Empty values mean: read HEALTHWORK_WAREHOUSE /
    HEALTHWORK_SEEDS_DIR at run time (so the CLI, the UI, sensors and schedules agree)."""

    warehouse: str = ""
    seeds_dir: str = ""

    def settings(self) -> Settings:
        return get_settings(self.warehouse or None, self.seeds_dir or None)

    def store(self) -> Warehouse:
        return Warehouse(self.settings().warehouse)

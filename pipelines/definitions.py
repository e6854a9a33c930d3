"""The one ``Definitions`` object: the UI (`dagster dev`), `healthwork run` and the tests all load it."""
from __future__ import annotations

from dagster import (
    Definitions,
    colored_console_logger,
    in_process_executor,
    load_asset_checks_from_modules,
    load_assets_from_modules,
)

import assets.clean
import assets.entities
import assets.metrics
import assets.publish
import assets.raw
import assets.report
import expectations.checks
from expectations.checks import GxWorkerResource
from pipelines.automation import with_automation
from pipelines.console import LOGGER_NAME, healthwork_console
from pipelines.instance_storage import tune_dagster_sqlite
from pipelines.jobs import JOBS
from resources.warehouse import WarehouseResource
from pipelines.schedules import SCHEDULES
from pipelines.sensors import SENSORS

tune_dagster_sqlite()  # the run history's SQLite commits do not wait for an fsync (WAL mode); one engine per database

ASSET_MODULES = [assets.raw, assets.clean, assets.entities, assets.metrics, assets.publish, assets.report]

defs = Definitions(
    assets=with_automation(load_assets_from_modules(ASSET_MODULES)),  # eager metrics, marts, publish
    asset_checks=load_asset_checks_from_modules([expectations.checks]),
    jobs=JOBS,
    sensors=SENSORS,
    schedules=SCHEDULES,
    resources={"warehouse": WarehouseResource(), "gx_worker": GxWorkerResource()},
    executor=in_process_executor,
    loggers={"console": colored_console_logger, LOGGER_NAME: healthwork_console},  # the CLI picks its own
)

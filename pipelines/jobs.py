"""Jobs: the whole pipeline, run in-process (about 4x faster than multiprocess on 2 cores here)."""
from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

ALL_JOB_NAME = "healthwork_job"

healthwork_job = define_asset_job(
    ALL_JOB_NAME,
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    description="Input folder -> raw -> clean -> entities -> metrics -> published warehouse.",
    tags={"dagster/concurrency_key": "healthwork_warehouse"},
)

JOBS = [healthwork_job]

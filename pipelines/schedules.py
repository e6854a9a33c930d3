"""Schedules: a daily run of the whole (incremental) job, which re-materialises the corpus-level assets.

Cron from HEALTHWORK_SCHEDULE_CRON (default every day at 06:00 Europe/London). The job is the
whole pipeline, not only metrics + publish: with no folder change raw, clean and entities do
nothing (they diff by content hash), metrics are recomputed over the corpus and the warehouse
is published; and a run that failed half-way earlier is completed first, so the schedule never
publishes a half-updated staging copy. It also catches changes the folder sensor missed (e.g.
while it was switched off).
"""
from __future__ import annotations

import os

from dagster import DagsterInvalidDefinitionError, DefaultScheduleStatus, ScheduleDefinition

from pipelines.jobs import healthwork_job

SCHEDULE_NAME = "healthwork_daily"
ENV_SCHEDULE_CRON = "HEALTHWORK_SCHEDULE_CRON"
DEFAULT_CRON = "0 6 * * *"
TIMEZONE = "Europe/London"


def build_schedule(cron: str | None = None) -> ScheduleDefinition:
    """The corpus schedule; ``cron`` defaults to $HEALTHWORK_SCHEDULE_CRON, then daily at 06:00."""
    cron = (cron or os.environ.get(ENV_SCHEDULE_CRON, "")).strip() or DEFAULT_CRON
    try:
        return ScheduleDefinition(
            name=SCHEDULE_NAME,
            cron_schedule=cron,
            job=healthwork_job,
            execution_timezone=TIMEZONE,
            default_status=DefaultScheduleStatus.RUNNING,
            tags={"healthwork/trigger": SCHEDULE_NAME},
            description=f"Whole job (incremental) on '{cron}' ({TIMEZONE}): recomputes metrics, publishes.",
        )
    except DagsterInvalidDefinitionError as exc:
        raise ValueError(f"{ENV_SCHEDULE_CRON}={cron!r} is not a valid cron expression: {exc}") from exc


SCHEDULES = [build_schedule()]

"""Sensors: the input-folder sensor, and the evaluator of the corpus-level automation conditions.

``seeds_folder_sensor`` watches the input folder (HEALTHWORK_SEEDS_DIR). When files are new,
changed (same name, new bytes) or deleted compared with ``raw.files`` of the published
warehouse, it requests one run of the whole job, which is incremental: only those files'
rows are (re)computed or removed, then metrics and publish run over the corpus. Links leaving the
input folder are never read (``healthwork.ingest``); a folder that lost all or most of the published
articles (unmounted, emptied by mistake) requests no run (``healthwork.stages.guard``). The cheap
comparison and the compact cursor live in ``healthwork.folder_state``. The run key is derived
from the changes and the warehouse state, so the daemon never queues the same work twice.
"""
from __future__ import annotations

import time

from dagster import DefaultSensorStatus, RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from healthwork import folder_state, stages
from healthwork.config import get_settings
from pipelines.automation import corpus_automation_sensor
from pipelines.jobs import healthwork_job

FOLDER_SENSOR_NAME = "seeds_folder_sensor"
ENV_SENSOR_INTERVAL = "HEALTHWORK_SENSOR_INTERVAL_S"
TRIGGER_TAG = "healthwork/trigger"
_MAX_TAG_CHARS = 1000


@sensor(
    name=FOLDER_SENSOR_NAME,
    job=healthwork_job,
    minimum_interval_seconds=folder_state.env_seconds(ENV_SENSOR_INTERVAL, 30),
    default_status=DefaultSensorStatus.RUNNING,
    description="New, changed or deleted files in the input folder -> one incremental run of the whole job.",
)
def seeds_folder_sensor(context: SensorEvaluationContext) -> SensorResult | SkipReason:
    settings = get_settings()
    t0 = time.perf_counter()
    try:
        ev = folder_state.evaluate(settings.seeds_dir, settings.warehouse, folder_state.Cursor.loads(context.cursor))
    except FileNotFoundError as exc:
        return SkipReason(f"{exc} (set HEALTHWORK_SEEDS_DIR)")
    ms = (time.perf_counter() - t0) * 1000
    if ev.run_key is None or ev.pending is None:
        return SensorResult(skip_reason=f"{ev.reason} [{ms:.0f} ms]", cursor=ev.cursor.dumps())
    p = ev.pending
    if p.deleted:  # an empty or unmounted folder: do not request a run that would wipe the warehouse
        try:
            stages.guard_mass_deletion(settings)
        except stages.MassDeletionRefused as exc:
            return SensorResult(skip_reason=str(exc), cursor=context.cursor)  # look again next time
    context.log.info(f"{settings.seeds_dir}: {ev.files} files, {p.hashed} hashed in {ms:.0f} ms; "
                     f"requesting run {ev.run_key} for {p.describe()}")
    for name in p.deleted:
        context.log.info(f"{name} was deleted from the input folder: the run removes its rows")
    tags = {
        TRIGGER_TAG: FOLDER_SENSOR_NAME,
        "healthwork/new": str(len(p.new)),
        "healthwork/changed": str(len(p.changed)),
        "healthwork/deleted": str(len(p.deleted)),
        "healthwork/files": p.describe(limit=10)[:_MAX_TAG_CHARS],
    }
    return SensorResult(run_requests=[RunRequest(run_key=ev.run_key, tags=tags)], cursor=ev.cursor.dumps())


SENSORS = [seeds_folder_sensor, corpus_automation_sensor]

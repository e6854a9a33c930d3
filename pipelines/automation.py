"""Declarative automation of the corpus-level assets, applied here rather than in assets/*.py.

The assets of the corpus-level groups - ``metrics`` (e.g. ``metrics.programme_funding``), ``marts``
and ``publish`` (``warehouse.published`` and what is built from it) - get
``AutomationCondition.eager()``: whenever an upstream asset is materialised by a run that did not
also plan them (e.g. someone materialises ``clean`` or ``entities`` alone from the UI), the daemon
materialises the metrics and publishes, so they follow new articles without a manual run. Runs of
the whole job (the folder sensor's, the schedule's, ``healthwork run``) already include them and do
not re-trigger them. Each also waits while one of its direct upstream assets' latest execution,
or one of their blocking checks, failed: automation never computes metrics from, nor publishes,
a half-updated or blocked staging copy.

Groups, not keys, so that metrics or marts added later are automated too. The conditions are
evaluated by ``corpus_automation_sensor`` (RUNNING by default, in the daemon).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from dagster import (
    AssetsDefinition,
    AssetSelection,
    AssetSpec,
    AutomationCondition,
    AutomationConditionSensorDefinition,
    DefaultSensorStatus,
    map_asset_specs,
)

from healthwork.folder_state import env_seconds

AUTOMATION_SENSOR_NAME = "corpus_automation_sensor"
ENV_AUTOMATION_INTERVAL = "HEALTHWORK_AUTOMATION_INTERVAL_S"

UPSTREAM_FAILED = AutomationCondition.any_deps_match(
    AutomationCondition.execution_failed()
    | AutomationCondition.any_checks_match(AutomationCondition.check_failed(), blocking_only=True)
).with_label("an upstream asset's latest execution or blocking check failed")
EAGER_UNLESS_UPSTREAM_FAILED = (AutomationCondition.eager() & ~UPSTREAM_FAILED).with_label(
    "eager, unless upstream failed")

# asset group -> its automation condition (other groups: none, they run with the job)
CONDITIONS: dict[str, AutomationCondition] = {
    "metrics": EAGER_UNLESS_UPSTREAM_FAILED,
    "marts": EAGER_UNLESS_UPSTREAM_FAILED,
    "publish": EAGER_UNLESS_UPSTREAM_FAILED,
}

A = TypeVar("A", AssetsDefinition, AssetSpec)


def with_automation(assets: Iterable[A]) -> Sequence[A]:
    """The same assets, with the corpus-level ones carrying their automation condition."""
    def apply(spec: AssetSpec) -> AssetSpec:
        cond = CONDITIONS.get(spec.group_name or "")
        return spec.replace_attributes(automation_condition=cond) if cond is not None else spec

    return map_asset_specs(apply, list(assets))


corpus_automation_sensor = AutomationConditionSensorDefinition(
    AUTOMATION_SENSOR_NAME,
    target=AssetSelection.groups(*CONDITIONS),
    default_status=DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=env_seconds(ENV_AUTOMATION_INTERVAL, 30),
    description="Evaluates the eager conditions of the metrics, marts and publish groups (pipelines/automation.py).",
)

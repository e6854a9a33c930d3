"""The one function that runs the whole job for a settings object: used by `healthwork run`, the tests
and the benchmark, so they all run what the UI and the daemon run.

The settings travel as run config of the warehouse resource (never through ``os.environ``), and the
run is recorded on the Dagster instance of ``settings.dagster_home`` (``<warehouse dir>/.dagster`` or
``DAGSTER_HOME``), the same one ``healthwork ui`` serves: CLI runs, their materialisations and check
results show in the UI."""
from __future__ import annotations

from dagster import DagsterInstance, ExecuteInProcessResult

from expectations.runner import wait_for_docs
from healthwork.config import Settings, prepare_dagster_home
from pipelines.console import LOGGER_NAME
from pipelines.definitions import defs
from pipelines.jobs import ALL_JOB_NAME


def instance_for(settings: Settings) -> DagsterInstance:
    """The persistent Dagster instance of these settings' home (caller closes it, or uses ``with``)."""
    return DagsterInstance.from_config(str(prepare_dagster_home(settings.dagster_home)))


def run_config(settings: Settings, *, full_rebuild: bool = False, allow_mass_delete: bool = False,
               log_level: str = "INFO",
               step_lines: bool = False, progress_bar: bool = False, verbose: bool = False) -> dict[str, object]:
    """Run config of the whole job: the settings as the warehouse resource's config; Dagster's console
    log at ``log_level``, or with ``step_lines`` the CLI's one line per step (``pipelines.console``)."""
    loggers = ({LOGGER_NAME: {"config": {"progress": progress_bar, "verbose": verbose}}} if step_lines
               else {"console": {"config": {"log_level": log_level}}})
    return {
        "ops": {"raw__files": {"config": {"full_rebuild": full_rebuild, "allow_mass_delete": allow_mass_delete}}},
        "resources": {"warehouse": {"config": {"warehouse": str(settings.warehouse),
                                                "seeds_dir": str(settings.seeds_dir),
                                                "max_file_bytes": settings.max_file_bytes,
                                                "data_docs_runs": settings.data_docs_runs,
                                                "docs_port": settings.docs_port}}},
        "loggers": loggers,
    }


def run_job(settings: Settings, *, full_rebuild: bool = False, allow_mass_delete: bool = False,
            instance: DagsterInstance | None = None,
            log_level: str = "INFO", step_lines: bool = False, progress_bar: bool = False, verbose: bool = False,
            tags: dict[str, str] | None = None) -> ExecuteInProcessResult:
    """Materialise every asset in-process for ``settings``. Without ``instance`` the run is recorded
    on the settings' Dagster home; pass ``DagsterInstance.ephemeral()`` to keep no history."""
    try:
        return _execute(settings, full_rebuild=full_rebuild, allow_mass_delete=allow_mass_delete,
                        instance=instance, log_level=log_level, step_lines=step_lines,
                        progress_bar=progress_bar, verbose=verbose, tags=tags)
    finally:
        wait_for_docs()  # the checks' Data Docs pages, written by the GX worker while the run went on


def _execute(settings: Settings, *, full_rebuild: bool, allow_mass_delete: bool, instance: DagsterInstance | None,
             log_level: str, step_lines: bool, progress_bar: bool, verbose: bool,
             tags: dict[str, str] | None) -> ExecuteInProcessResult:
    job = defs.resolve_job_def(ALL_JOB_NAME)
    config = run_config(settings, full_rebuild=full_rebuild, allow_mass_delete=allow_mass_delete,
                        log_level=log_level, step_lines=step_lines,
                        progress_bar=progress_bar, verbose=verbose)
    if instance is not None:
        return job.execute_in_process(run_config=config, instance=instance, raise_on_error=False, tags=tags)
    with instance_for(settings) as home_instance:
        return job.execute_in_process(run_config=config, instance=home_instance, raise_on_error=False, tags=tags)

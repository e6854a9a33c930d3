"""Dagster resources: where the warehouse and the input folder are (from the environment)."""
from __future__ import annotations

import contextlib
import dataclasses

from dagster import ConfigurableResource, InitResourceContext
from pydantic import PrivateAttr

from healthwork.config import Settings, get_settings
from healthwork.store import StagingSession, Warehouse


class WarehouseResource(ConfigurableResource):
    """The DuckDB warehouse and input folder. Empty values mean: read HEALTHWORK_WAREHOUSE /
    HEALTHWORK_SEEDS_DIR at run time (so the CLI, the UI, sensors and schedules agree).

    A run holds the warehouse's run lock from its first step to its last (the in-process executor
    sets resources up once per run): a second run on the same warehouse, e.g. ``healthwork run``
    started by hand while the daemon runs one, waits for the first to finish instead of
    interleaving its stages with it."""

    warehouse: str = ""
    seeds_dir: str = ""
    max_file_bytes: int = 0  # 0: HEALTHWORK_MAX_FILE_BYTES or its default
    data_docs_runs: int = 0  # 0: HEALTHWORK_DATA_DOCS_RUNS or its default
    docs_port: int = 0  # 0: HEALTHWORK_DOCS_PORT or its default
    _run_lock: contextlib.ExitStack | None = PrivateAttr(default=None)
    _session: StagingSession | None = PrivateAttr(default=None)  # the run's one connection to the staging file

    def settings(self) -> Settings:
        settings = get_settings(self.warehouse or None, self.seeds_dir or None)
        explicit = {name: value for name, value in (("max_file_bytes", self.max_file_bytes),
                                                    ("data_docs_runs", self.data_docs_runs),
                                                    ("docs_port", self.docs_port)) if value}
        return dataclasses.replace(settings, **explicit)

    def store(self) -> Warehouse:
        return Warehouse(self.settings().warehouse, session=self._session)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        stack = contextlib.ExitStack()
        stack.enter_context(self.store().hold_run(waiting=context.log.info if context.log else None))
        self._session = StagingSession()
        stack.callback(self._close_session)  # before the run lock is released
        self._run_lock = stack

    def _close_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._run_lock is not None:
            self._run_lock.close()
            self._run_lock = None

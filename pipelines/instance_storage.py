"""The Dagster instance's SQLite storage commits without waiting for the disk.

Dagster's default storage (run history, event log, schedules) is SQLite in WAL mode, and a run stores
~150 events, each through a new connection that is closed after its commit. Two things made each event
wait for the disk (cProfile of a +1 run at load 5: ~4.3 of the ~8 s spent storing events):
- closing the *last* connection to a WAL database checkpoints the log into the database file and deletes
  it (fsyncs, then a new log for the next event): this process keeps one idle connection open to each
  such file it touches (``_keep_open``), so a closing connection is never the last one; the log is
  checkpointed as SQLite does by itself (every 1,000 pages) and when the process exits;
- ``synchronous=FULL`` (the default) fsyncs the log at every commit: in WAL mode ``synchronous=NORMAL``
  keeps the database consistent after a crash of the process or of the machine; what a power loss can
  cost is the last few events of the run history, never the warehouse (DuckDB, published by an atomic
  rename). See https://sqlite.org/pragma.html#pragma_synchronous and https://sqlite.org/wal.html.

A third cost was Dagster's own: its SQLite storages create a new SQLAlchemy engine for every connection
(``create_engine(..., poolclass=NullPool)`` then ``dispose()``), so SQLAlchemy's compiled-statement cache,
which lives on the engine, never hits: each of the ~470 statements of a +1 run was compiled again
(~2 s of its cProfile at load 6). ``_shared_engine`` hands the storages one engine per database URL and
options for the life of the process; with ``NullPool`` an engine holds no connection, so each
``connect()`` still opens and closes its own SQLite connection exactly as before, and ``dispose()``
only renews the (empty) pool.

Registered once per process when the project's definitions are loaded (CLI runs, the UI's code server,
the daemon's runs), for SQLite connections already in WAL mode only: nothing else here uses SQLite.
"""
from __future__ import annotations

import importlib
import sqlite3
import threading
from typing import Any

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.pool import NullPool, Pool

_registered = False
_lock = threading.Lock()
_kept_open: dict[str, sqlite3.Connection] = {}  # database file -> an idle connection held for the process
_engines: dict[tuple[str, str], Engine] = {}  # (url, options) -> the engine Dagster's SQLite storages share
# Dagster's SQLite storages, each calling ``create_engine`` per connection (dagster 1.13)
_DAGSTER_SQLITE_MODULES = (
    "dagster._core.storage.event_log.sqlite.sqlite_event_log",
    "dagster._core.storage.runs.sqlite.sqlite_run_storage",
    "dagster._core.storage.schedules.sqlite.sqlite_schedule_storage",
)


def _commit_without_fsync(dbapi_connection: Any, _connection_record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    try:
        (mode,) = cursor.execute("PRAGMA journal_mode").fetchone()
        if str(mode).lower() != "wal":
            return
        cursor.execute("PRAGMA synchronous=NORMAL")
        path = next((str(file) for _, name, file in cursor.execute("PRAGMA database_list").fetchall()
                     if name == "main" and file), None)
    finally:
        cursor.close()
    if path is not None:
        _keep_open(path)


def _keep_open(path: str) -> None:
    with _lock:
        if path not in _kept_open:
            keeper = sqlite3.connect(path, check_same_thread=False)
            # A connection that has never read has not opened the WAL: the closing connection would still be
            # the last one holding it, checkpoint and delete it (two fdatasyncs and a directory fsync per event:
            # ~1,100 per +1 run, seen with strace). One read makes this connection hold the WAL until it closes.
            keeper.execute("SELECT count(*) FROM sqlite_master").fetchall()
            _kept_open[path] = keeper


def _shared_engine(url: str | URL, **options: Any) -> Engine:
    """``create_engine`` for Dagster's SQLite storages: the same engine for the same SQLite URL and options
    when it pools nothing (``NullPool``), so compiled statements are cached; anything else as asked."""
    if options.get("poolclass") is not NullPool or not str(url).startswith("sqlite"):
        return sqlalchemy.create_engine(url, **options)
    key = (str(url), repr(sorted(options.items(), key=lambda kv: kv[0])))
    with _lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _engines[key] = sqlalchemy.create_engine(url, **options)
    return engine


def tune_dagster_sqlite() -> None:
    """Every new SQLite connection in WAL mode of this process uses ``synchronous=NORMAL``, and Dagster's SQLite
    storages share one engine per database (idempotent)."""
    global _registered
    if not _registered:
        event.listen(Pool, "connect", _commit_without_fsync)
        for name in _DAGSTER_SQLITE_MODULES:
            module = importlib.import_module(name)
            if getattr(module, "create_engine", None) is sqlalchemy.create_engine:
                module.create_engine = _shared_engine  # type: ignore[attr-defined]
        _registered = True

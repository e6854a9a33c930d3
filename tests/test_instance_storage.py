"""The run history's SQLite files: a connection closing after each event must not checkpoint and delete the WAL
(``pipelines.instance_storage``), or every Dagster event costs fsyncs."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from pipelines import instance_storage


def test_closing_an_event_connection_keeps_the_wal(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    first = sqlite3.connect(db)
    first.execute("PRAGMA journal_mode=WAL")
    first.execute("CREATE TABLE event_logs (id INTEGER PRIMARY KEY, body TEXT)")
    first.commit()
    first.close()
    assert not Path(f"{db}-wal").exists()  # the last connection closed: WAL checkpointed and deleted

    instance_storage.tune_dagster_sqlite()
    engine = create_engine(f"sqlite:///{db}", poolclass=NullPool)  # as Dagster opens its storage: one per event
    for n in range(3):
        with engine.connect() as conn, conn.begin():
            assert conn.exec_driver_sql("PRAGMA synchronous").fetchall() == [(1,)]  # NORMAL: no fsync per commit
            conn.execute(text("INSERT INTO event_logs (body) VALUES (:b)"), {"b": f"event {n}"})
    engine.dispose()

    # the process's kept connection holds the WAL: the event connections' closes did not checkpoint it away
    assert Path(f"{db}-wal").exists()
    assert str(db) in instance_storage._kept_open
    check = sqlite3.connect(db)
    assert check.execute("SELECT count(*) FROM event_logs").fetchone() == (3,)
    check.close()


def test_dagster_storages_share_one_engine_per_database(tmp_path: Path) -> None:
    from dagster import AssetKey, AssetMaterialization, DagsterInstance

    instance_storage.tune_dagster_sqlite()
    with DagsterInstance.from_config(str(tmp_path)) as instance:
        storage = instance.event_log_storage
        with storage.index_connection() as first:
            engine = first.engine
        for n in range(3):  # each stores through a new connection, as every Dagster event does
            instance.report_runless_asset_event(AssetMaterialization(asset_key=AssetKey(["made_up", f"table_{n}"])))
        with storage.index_connection() as later:
            assert later.engine is engine  # one engine: SQLAlchemy's compiled statements are reused
        with instance.run_storage.connect() as run_conn:  # type: ignore[attr-defined]
            with instance.run_storage.connect() as again:  # type: ignore[attr-defined]
                assert run_conn.engine is again.engine
        assert {k.to_user_string() for k in instance.get_asset_keys()} == {
            "made_up/table_0", "made_up/table_1", "made_up/table_2"}

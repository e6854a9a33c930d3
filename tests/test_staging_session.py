"""One connection to the staging file for a whole run (``healthwork.store.StagingSession``): the steps share it,
a failed write drops it, ``--full`` closes it before deleting the file, and what is published is the same."""
from __future__ import annotations

from pathlib import Path

import pytest

from healthwork.store import StagingSession, Warehouse, connect_published


def _stages(con) -> list[tuple[str, str]]:  # noqa: ANN001
    return con.execute("SELECT stage, code_version FROM meta.stage_state ORDER BY stage").fetchall()


def test_a_run_session_shares_one_connection_and_publishes_the_same(tmp_path: Path) -> None:
    session = StagingSession()
    store = Warehouse(tmp_path / "hw.duckdb", session=session)
    with store.write() as con:
        first = con
        con.execute("INSERT INTO meta.stage_state VALUES ('raw', 'v1')")
    with store.write() as con:
        assert con is first  # the same open connection: no second open and schema comparison
        con.execute("INSERT INTO meta.stage_state VALUES ('clean', 'v2')")
    with store.read_staging() as con:
        assert con is first
        assert _stages(con) == [("clean", "v2"), ("raw", "v1")]
    store.publish()
    published = connect_published(store.published)
    try:
        assert _stages(published) == [("clean", "v2"), ("raw", "v1")]
    finally:
        published.close()
    session.close()
    assert session.con is None


def test_a_failed_write_drops_the_session_connection_and_keeps_committed_rows(tmp_path: Path) -> None:
    session = StagingSession()
    store = Warehouse(tmp_path / "hw.duckdb", session=session)
    with store.write() as con:
        con.execute("INSERT INTO meta.stage_state VALUES ('raw', 'v1')")
    with pytest.raises(RuntimeError, match="made-up failure"):
        with store.write() as con:
            con.execute("INSERT INTO meta.stage_state VALUES ('clean', 'half written')")
            raise RuntimeError("made-up failure in a stage")
    assert session.con is None  # dropped: the next write opens the file afresh
    with store.write() as con:
        assert _stages(con) == [("raw", "v1")]  # the failed stage's row was rolled back
    session.close()


def test_full_rebuild_closes_the_session_before_deleting_staging(tmp_path: Path) -> None:
    session = StagingSession()
    store = Warehouse(tmp_path / "hw.duckdb", session=session)
    with store.write() as con:
        con.execute("INSERT INTO meta.stage_state VALUES ('raw', 'v1')")
    store.reset_staging()
    assert session.con is None
    with store.write() as con:
        assert _stages(con) == []  # a new, empty staging file
    session.close()


def test_without_a_session_every_write_opens_and_closes(tmp_path: Path) -> None:
    store = Warehouse(tmp_path / "hw.duckdb")
    with store.write() as con:
        con.execute("INSERT INTO meta.stage_state VALUES ('raw', 'v1')")
    with pytest.raises(Exception, match="[Cc]losed"):
        con.execute("SELECT 1")

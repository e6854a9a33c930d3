"""One run at a time per warehouse: a run started while another holds the warehouse waits for it
(instead of interleaving its stages with it), and a run that cannot get the warehouse in time fails clearly."""
from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path

import duckdb
import pytest

from healthwork.store import Warehouse, WarehouseLocked
from tests.conftest import run_pipeline


def test_a_second_run_waits_for_the_first(env: tuple[Path, Path]) -> None:
    seeds, warehouse = env
    held, release = threading.Event(), threading.Event()
    released_at: list[float] = []

    def other_run() -> None:  # stands for a run of another process holding the warehouse
        with Warehouse(warehouse).hold_run():
            held.set()
            release.wait(30)
            released_at.append(time.time())

    t = threading.Thread(target=other_run)
    t.start()
    assert held.wait(10)
    threading.Timer(6.0, release.set).start()  # longer than a seeds run takes to reach its first write
    result = run_pipeline(seeds, warehouse)
    t.join()
    assert result.success
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM clean.articles").fetchone() == (5,)
        seen = con.execute("SELECT min(seen_at) FROM raw.files").fetchone()[0]  # written by the run's first step
    finally:
        con.close()
    first_step = seen.replace(tzinfo=dt.timezone.utc).timestamp()
    assert first_step >= released_at[0] - 0.01  # nothing of the run happened while the other held the warehouse


def test_waiting_is_said_once_and_a_timeout_fails_clearly(tmp_path: Path) -> None:
    wh = Warehouse(tmp_path / "hw.duckdb", lock_timeout_s=0.6)
    said: list[str] = []
    with wh.hold_run():
        with pytest.raises(WarehouseLocked, match="another run of this warehouse is in progress"):
            with Warehouse(wh.published, lock_timeout_s=0.6).hold_run(waiting=said.append):
                pass
    assert len(said) == 1 and "waiting for" in said[0]
    with wh.hold_run():  # released: free again
        pass

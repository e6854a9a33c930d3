"""Analysts are never blocked: a reader opening the published warehouse read-only every 50 ms while a
full run writes never gets an error (no "Could not set lock") and only ever sees whole runs."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from healthwork.store import Warehouse, connect_published
from tests.conftest import PROJECT, SEEDS
from tests.test_bad_input import build_bad_corpus

# One snapshot per connection: row counts of tables written by different stages of a run.
COUNTS_SQL = ("SELECT (SELECT count(*) FROM raw.files), (SELECT count(*) FROM clean.articles), "
              "(SELECT count(*) FROM entities.funding), (SELECT count(*) FROM dq.quarantine), "
              "(SELECT count(*) FROM metrics.programme_funding)")

READER = f"""
import json, os, sys, time
import duckdb
path, stop, out = sys.argv[1:4]
seen, errors = [], []
while not os.path.exists(stop):
    t0 = time.monotonic()
    try:
        con = duckdb.connect(path, read_only=True)  # exactly what the README tells analysts to do
        try:
            seen.append(list(con.execute({COUNTS_SQL!r}).fetchone()))
        finally:
            con.close()
    except Exception as exc:
        errors.append(f"{{type(exc).__name__}}: {{exc}}")
    time.sleep(max(0.0, 0.05 - (time.monotonic() - t0)))
json.dump({{"seen": seen, "errors": errors}}, open(out, "w"))
"""


def _counts(path: Path) -> list[int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return list(con.execute(COUNTS_SQL).fetchone())
    finally:
        con.close()


@pytest.mark.slow
def test_reader_is_never_blocked_and_sees_whole_runs(tmp_path, seeds_build):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(seeds_build[1].parent, tmp_path / "wh")  # a published warehouse of the seeds
    wh = tmp_path / "wh" / seeds_build[1].name
    before = _counts(wh)
    build_bad_corpus(seeds, heavy=False)  # the next run has more to write, and quarantines
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    (tmp_path / "reader.py").write_text(READER)
    reader = subprocess.Popen([sys.executable, str(tmp_path / "reader.py"), str(wh), str(stop), str(out)])
    try:
        time.sleep(0.5)
        env = {**os.environ, "HEALTHWORK_SEEDS_DIR": str(seeds), "HEALTHWORK_WAREHOUSE": str(wh)}
        env.pop("DAGSTER_HOME", None)
        run = subprocess.run([sys.executable, "-m", "healthwork.cli", "run", "--full"], cwd=PROJECT, env=env,
                             capture_output=True, text=True, timeout=300)
        time.sleep(0.5)
    finally:
        stop.touch()
        reader.wait(timeout=30)
    # bad files are reported, and do not fail the run
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "quarantined empty.txt: empty_file" in run.stdout and "quarantined image.png: binary" in run.stdout
    after = _counts(wh)
    assert after != before
    got = json.loads(out.read_text())
    errors, seen = got["errors"], got["seen"]
    print(f"reader: {len(seen)} reads, {len(errors)} errors; before={before} after={after}")
    assert errors == [], errors[:5]
    assert len(seen) >= 20
    assert all(s in (before, after) for s in seen), [s for s in seen if s not in (before, after)][:5]
    assert seen[0] == before and seen[-1] == after  # it read through the whole run, and saw the publish


def test_a_new_connection_sees_the_new_publish(tmp_path):
    wh = Warehouse(tmp_path / "healthwork.duckdb")
    with wh.write() as con:
        con.execute("INSERT INTO raw.files (source_file) VALUES ('a.txt')")
    wh.publish()
    old = connect_published(wh.published)
    plain_old = duckdb.connect(str(wh.published), read_only=True)
    with wh.write() as con:
        con.execute("INSERT INTO raw.files (source_file) VALUES ('b.txt')")
    wh.publish()
    # an open connection keeps its run, whole
    assert old.execute("SELECT count(*) FROM raw.files").fetchone() == (1,)
    assert plain_old.execute("SELECT count(*) FROM raw.files").fetchone() == (1,)
    # connect_published sees the new run even while older connections are open in this process
    new = connect_published(wh.published)
    assert new.execute("SELECT count(*) FROM raw.files").fetchone() == (2,)
    assert new.execute("SELECT current_database()").fetchone() == ("healthwork",)
    for c in (old, plain_old, new):
        c.close()
    # and a plain read-only connect does too, once the process holds no connection to the file
    again = duckdb.connect(str(wh.published), read_only=True)
    assert again.execute("SELECT count(*) FROM raw.files").fetchone() == (2,)
    again.close()


def test_connect_published_explains_a_missing_warehouse(tmp_path):
    with pytest.raises(FileNotFoundError, match="run `healthwork run` first"):
        connect_published(tmp_path / "nothing.duckdb")


def test_readers_do_not_block_a_run(tmp_path):
    """A reader holding the published file open for the whole run does not stop it publishing."""
    wh = Warehouse(tmp_path / "healthwork.duckdb", lock_timeout_s=5)
    with wh.write() as con:
        con.execute("INSERT INTO raw.files (source_file) VALUES ('a.txt')")
    wh.publish()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time\n"
        f"c = duckdb.connect({str(wh.published)!r}, read_only=True)\n"
        "print(c.execute('SELECT count(*) FROM raw.files').fetchone()[0], flush=True)\n"
        "time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "1"
        with wh.write() as con:
            con.execute("INSERT INTO raw.files (source_file) VALUES ('b.txt')")
        wh.publish()
        con = connect_published(wh.published)
        assert con.execute("SELECT count(*) FROM raw.files").fetchone() == (2,)
        con.close()
    finally:
        holder.kill()
        holder.wait()

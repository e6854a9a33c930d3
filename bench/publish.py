"""Time the publish of a warehouse (``store.Warehouse.publish``: checkpoint, copy beside, fsync, rename).

    uv run python -m bench.publish WAREHOUSE [--scale N] [--repeat 3]

WAREHOUSE is a built warehouse (e.g. one of bench/run.py's). ``--scale N`` first makes a copy whose
every table holds N times the rows (ids suffixed ``-1``..``-N``): a file of the size an N-times-larger
corpus gives, without running the pipeline over one; its contents are for timing only.
Prints the file size and each publish's wall time, with the load average.
"""
from __future__ import annotations

import argparse
import os
import shutil
import time
from pathlib import Path

import duckdb

from healthwork.store import Warehouse


def scaled_copy(src: Path, dst: Path, times: int) -> None:
    """``dst``: every table of ``src`` with its rows repeated ``times`` times (VARCHAR id columns suffixed)."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    for p in (dst, Path(str(dst) + ".wal")):
        p.unlink(missing_ok=True)
    shutil.copyfile(src, dst)
    con = duckdb.connect(str(dst))
    try:
        tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                             "WHERE database_name = current_database()").fetchall()
        for schema, name in tables:
            cols = con.execute("SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = "
                               "current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
                               [schema, name]).fetchall()
            select = ", ".join(f"{c} || '-' || k" if c.endswith("_id") and ty == "VARCHAR" else c for c, ty in cols)
            con.execute(f"CREATE TEMP TABLE _orig AS SELECT * FROM {schema}.{name}")
            con.execute(f"INSERT INTO {schema}.{name} SELECT {select} FROM _orig, range(1, {times}) r(k)")
            con.execute("DROP TABLE _orig")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("warehouse", type=Path)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    src = a.warehouse.resolve()
    work = src.parent / f"publish_x{a.scale}"
    wh = Warehouse(work / "healthwork.duckdb")
    if a.scale > 1:
        scaled_copy(src, wh.staging, a.scale)
    else:
        work.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, wh.staging)
    size = wh.staging.stat().st_size / 2**20
    for i in range(a.repeat):
        load = os.getloadavg()[0]
        t0 = time.perf_counter()
        wh.publish()
        print(f"publish {i + 1}: {size:,.0f} MiB in {time.perf_counter() - t0:.2f} s (load average {load:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Two runs on the same inputs give identical table contents, whatever the order the files were
created in, the time zone, the locale and Python's hash seed.

Compared: every table, every row, under ORDER BY ALL, except ``healthwork.store.VOLATILE_COLUMNS``
(raw.files.seen_at is the load time and raw.files.mtime_ns the files' modification time;
dq.check_results.run_id / checked_at name the run): those record when a run happened, not what its
input said. Ids (article_id = first 16 hex digits of the content's sha256) are compared with the rest.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from healthwork.store import VOLATILE_COLUMNS, table_contents
from tests.conftest import PROJECT, SEEDS
from tests.test_bad_input import build_bad_corpus

ENVIRONMENTS = [
    {"TZ": "Pacific/Kiritimati", "LC_ALL": "C", "LANG": "C", "PYTHONHASHSEED": "1"},
    {"TZ": "America/Los_Angeles", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONHASHSEED": "4242"},
]


def _fill(folder: Path, order_seed: int, seeds_first: bool) -> None:
    """The same files, created in a different order (so scan order, inode order and mtimes differ)."""
    folder.mkdir(parents=True)
    seeds = sorted(SEEDS.iterdir(), reverse=not seeds_first)
    if seeds_first:
        for p in seeds:
            shutil.copyfile(p, folder / p.name)
        build_bad_corpus(folder, order_seed=order_seed, heavy=False)
    else:
        build_bad_corpus(folder, order_seed=order_seed, heavy=False)
        for p in seeds:
            shutil.copyfile(p, folder / p.name)


def _contents(path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return table_contents(con)
    finally:
        con.close()


@pytest.mark.slow
def test_two_runs_in_different_environments_give_identical_contents(tmp_path):
    procs = []
    for i, extra in enumerate(ENVIRONMENTS):
        folder, wh = tmp_path / f"in{i}", tmp_path / f"wh{i}" / "healthwork.duckdb"
        _fill(folder, order_seed=i + 1, seeds_first=i == 0)
        env = {**os.environ, **extra, "HEALTHWORK_SEEDS_DIR": str(folder), "HEALTHWORK_WAREHOUSE": str(wh)}
        env.pop("DAGSTER_HOME", None)
        procs.append((wh, subprocess.Popen([sys.executable, "-m", "healthwork.cli", "run"], cwd=PROJECT, env=env,
                                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
    outs = [(wh, p.communicate(timeout=300)[0], p.returncode) for wh, p in procs]  # both run at once
    for wh, out, rc in outs:
        assert rc == 0, out[-3000:]
    a, b = (_contents(wh) for wh, _, _ in outs)
    assert a.keys() == b.keys()
    differ = [t for t in a if a[t] != b[t]]
    assert not differ, {t: (len(a[t]), len(b[t]), _first_difference(a[t], b[t])) for t in differ}
    # the comparison is not vacuous: the runs hold the seeds and the corpus, and the volatile columns do differ
    assert len(a["clean.articles"]) >= 15 and len(a["dq.quarantine"]) >= 15
    assert a["raw.files"] and all(len(r) == len(a["raw.files"][0]) for r in a["raw.files"])
    files_with = [_contents_with_volatile(wh, "raw.files") for wh, _, _ in outs]
    assert files_with[0] != files_with[1]


def _contents_with_volatile(path: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return table_contents(con, with_volatile=True)[table]
    finally:
        con.close()


def _first_difference(x: list[tuple], y: list[tuple]) -> tuple:
    for r, s in zip(x, y):
        if r != s:
            return (r, s)
    return (x[len(y):][:1], y[len(x):][:1])


def test_volatile_columns_exist_in_the_schema():
    """VOLATILE_COLUMNS names real columns (a rename would silently widen the comparison)."""
    from healthwork.store import TABLE_BY_NAME

    for table, cols in VOLATILE_COLUMNS.items():
        assert cols <= set(TABLE_BY_NAME[table].column_names), table

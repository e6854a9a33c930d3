"""An incremental run leaves the warehouse a full rebuild of the same input folder would build: every table,
every row (except the columns that record when a run happened, ``store.VOLATILE_COLUMNS``), through adds,
a syndicated copy, a changed file and deletes. Stage functions only (no Dagster, no checks): the corpus
steps' incremental state (duplicate signatures, the metrics fingerprint) is what is under test.

The new article is written for the tests (tests/articles.py); the copy and the changed file are derived
from a seed at run time (same-length word swaps, a republishing line), so no page text is copied here."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from healthwork import stages
from healthwork.config import get_settings
from healthwork.stages.metrics import run_duplicates, run_marts
from healthwork.store import Warehouse, table_contents
from tests.articles import NEW_ARTICLE, NEW_NAME
from tests.conftest import SEEDS


def _run(warehouse: Path, folder: Path, full: bool) -> dict[str, int]:
    settings = get_settings(str(warehouse), str(folder))
    store = Warehouse(settings.warehouse)
    if full:
        store.reset_staging()
    with store.write() as con:
        stages.run_raw(con, settings, full=full)
        stages.run_clean(con, full=full)
        stages.run_entities(con, full=full)
        d = run_duplicates(con)
        m = stages.run_metrics(con)
        run_marts(con)
    return {"signed": d.n_hashed, "pairs": len(d.pairs), "metrics_recomputed": int(m.recomputed)}


def _contents(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(Warehouse(warehouse).staging), read_only=True)
    try:
        return table_contents(con)
    finally:
        con.close()


def test_incremental_runs_equal_a_full_rebuild_after_adds_changes_and_deletes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for f in seeds:
        shutil.copyfile(f, folder / f.name)
    incremental = tmp_path / "incremental" / "healthwork.duckdb"
    original = seeds[0].read_text(encoding="utf-8")

    def step(name: str) -> dict[str, int]:
        done = _run(incremental, folder, full=False)
        fresh = tmp_path / f"full_{name}" / "healthwork.duckdb"
        _run(fresh, folder, full=True)
        got, want = _contents(incremental), _contents(fresh)
        assert got.keys() == want.keys(), name
        for table in want:
            assert got[table] == want[table], (name, table)
        return done

    first = step("start")
    assert first["signed"] == len(seeds) and first["metrics_recomputed"] == 1

    # a new article and a syndicated copy of a seed (light edits, a closing line)
    (folder / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")
    copy = original.replace(" said", " says").replace(" has ", " had ") + "\nThis story was republished with permission.\n"
    assert copy != original
    (folder / "copy_of_first_seed.txt").write_text(copy, encoding="utf-8")
    added = step("add")
    assert added["signed"] == 2 and added["pairs"] >= 1 and added["metrics_recomputed"] == 1

    # nothing new: nothing signed, metrics kept
    same = step("nothing new")
    assert (same["signed"], same["metrics_recomputed"]) == (0, 0)

    # a changed file (a paragraph added to a seed) and a deleted original (the copy stays)
    second = seeds[1].read_text(encoding="utf-8")
    (folder / seeds[1].name).write_text(second + "\nA spokesperson said further details would follow next month.\n",
                                        encoding="utf-8")
    (folder / seeds[0].name).unlink()
    changed = step("change and delete")
    assert changed["signed"] >= 1 and changed["metrics_recomputed"] == 1

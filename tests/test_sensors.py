"""The input-folder sensor, its cursor, the schedule and the automation of the corpus-level assets.

The sensor is evaluated with Dagster's testing API (``build_sensor_context`` + ``evaluate_tick``)
against a copy of the seeds in tmp_path, and the runs it asks for are executed in process, so
each step checks what the sensor requests *and* what the run then does to the warehouse.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest
from dagster import (
    AssetKey,
    AssetMaterialization,
    DagsterInstance,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    build_sensor_context,
    evaluate_automation_conditions,
)

from healthwork import folder_state
from healthwork.config import ENV_SEEDS_DIR, ENV_WAREHOUSE
from healthwork.ingest import Known, article_id_for, scan_folder, sha256_hex
from pipelines.definitions import defs
from pipelines.jobs import ALL_JOB_NAME
from pipelines.schedules import DEFAULT_CRON, ENV_SCHEDULE_CRON, build_schedule
from pipelines.sensors import seeds_folder_sensor
from tests.articles import NEW_ARTICLE, NEW_NAME


# the same page after the publisher corrected the amount
CHANGED_ARTICLE = NEW_ARTICLE.replace("£18 million", "£21 million")


# ---------------------------------------------------------------- helpers


def tick(cursor: str | None):
    """One sensor evaluation as the daemon does it: run requests, skip message, next cursor."""
    data = seeds_folder_sensor.evaluate_tick(build_sensor_context(cursor=cursor))
    return data.run_requests or [], data.skip_message, data.cursor


def run_job(instance: DagsterInstance | None = None):
    """The whole job as the sensor requests it, minus the GX asset checks (the data-quality work's,
    tested there; they would triple the time of these many runs and change nothing here)."""
    job = defs.resolve_job_def(ALL_JOB_NAME)
    job = job.get_subset(asset_selection=set(defs.get_repository_def().asset_graph.get_all_asset_keys()),
                         asset_check_selection=set())
    result = job.execute_in_process(instance=instance or DagsterInstance.ephemeral(), raise_on_error=True)
    assert result.success
    return result


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def rows_of(warehouse: Path, article_id: str) -> dict[str, int]:
    tables = ["raw.files", "clean.articles", "clean.dropped_lines", "clean.file_lines", "meta.processed",
              "entities.funding", "entities.programme_mentions", "entities.organisation_mentions"]
    return {t: query(warehouse, f"SELECT count(*) FROM {t} WHERE article_id = ?", [article_id])[0][0] for t in tables}


def write(path: Path, text: str, mtime_ns: int | None = None) -> None:
    path.write_text(text, encoding="utf-8")
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))


# ---------------------------------------------------------------- the sensor, step by step with runs

def test_sensor_requests_one_run_per_change_and_runs_apply_it(env: tuple[Path, Path]) -> None:
    seeds, warehouse = env

    # empty warehouse: one request covering the five seeds; the same evaluation again gives none
    reqs, _, cursor = tick(None)
    assert len(reqs) == 1 and reqs[0].tags["healthwork/new"] == "5"
    first_key = reqs[0].run_key
    reqs2, skip, _ = tick(cursor)
    assert reqs2 == [] and "no change" in (skip or "")
    assert tick(None)[0][0].run_key == first_key  # same state, same run key: the daemon dedupes it
    run_job()

    # after the run: nothing to do (warehouse changed, folder matches it), then the fast path
    reqs, skip, cursor = tick(cursor)
    assert reqs == [] and "up to date" in (skip or "")
    reqs, skip, cursor = tick(cursor)
    assert reqs == [] and "no change" in (skip or "")

    # a new file: exactly one request, covering it and only it
    write(seeds / NEW_NAME, NEW_ARTICLE)
    reqs, _, cursor = tick(cursor)
    assert len(reqs) == 1
    req = reqs[0]
    assert (req.tags["healthwork/new"], req.tags["healthwork/changed"], req.tags["healthwork/deleted"]) == ("1", "0", "0")
    assert NEW_NAME in req.tags["healthwork/files"]
    assert req.run_key and req.run_key.startswith("folder-")
    assert tick(cursor)[0] == []  # not yet run: not requested again
    run_job()
    new_id = article_id_for(sha256_hex(NEW_ARTICLE.encode()))
    assert rows_of(warehouse, new_id)["clean.articles"] == 1
    assert tick(cursor)[0] == []

    # the same name with new content: one request; the run replaces its rows
    old_mtime = (seeds / NEW_NAME).stat().st_mtime_ns
    write(seeds / NEW_NAME, CHANGED_ARTICLE, old_mtime + 1_000_000_000)
    reqs, _, cursor = tick(cursor)
    assert len(reqs) == 1 and reqs[0].tags["healthwork/changed"] == "1" and reqs[0].tags["healthwork/new"] == "0"
    run_job()
    changed_id = article_id_for(sha256_hex(CHANGED_ARTICLE.encode()))
    assert all(n == 0 for n in rows_of(warehouse, new_id).values()), rows_of(warehouse, new_id)
    after = rows_of(warehouse, changed_id)
    assert after["clean.articles"] == 1 and after["entities.funding"] >= 1
    assert query(warehouse, "SELECT amount FROM entities.funding WHERE article_id = ?", [changed_id]) == [(21_000_000.0,)]
    assert query(warehouse, "SELECT count(*) FROM raw.files WHERE source_file = ?", [NEW_NAME]) == [(1,)]

    # a touch without a content change is not a change
    os.utime(seeds / NEW_NAME, ns=(old_mtime + 5_000_000_000,) * 2)
    reqs, skip, cursor = tick(cursor)
    assert reqs == [] and "up to date" in (skip or "")

    # a deleted file: one request; after the run its rows are gone and the run log says so
    (seeds / NEW_NAME).unlink()
    reqs, _, cursor = tick(cursor)
    assert len(reqs) == 1 and reqs[0].tags["healthwork/deleted"] == "1" and NEW_NAME in reqs[0].tags["healthwork/files"]
    instance = DagsterInstance.ephemeral()
    result = run_job(instance)
    assert all(n == 0 for n in rows_of(warehouse, changed_id).values()), rows_of(warehouse, changed_id)
    assert query(warehouse, "SELECT count(*) FROM raw.files WHERE source_file = ?", [NEW_NAME]) == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM metrics.programme_funding WHERE list_contains(article_ids, ?)",
                 [changed_id]) == [(0,)]
    logs = [e.user_message for e in instance.all_logs(result.run_id)]
    assert any(NEW_NAME in m and "deleted" in m for m in logs), logs
    assert tick(cursor)[0] == []

    # the first version re-added after its deletion is new work again: a new run key, not a duplicate
    write(seeds / NEW_NAME, NEW_ARTICLE)
    reqs, _, cursor = tick(cursor)
    assert len(reqs) == 1 and reqs[0].tags["healthwork/new"] == "1"
    assert reqs[0].run_key != req.run_key


def test_sensor_skips_clearly_when_the_folder_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_SEEDS_DIR, str(tmp_path / "nope"))
    monkeypatch.setenv(ENV_WAREHOUSE, str(tmp_path / "wh.duckdb"))
    reqs, skip, _ = tick(None)
    assert reqs == [] and "does not exist" in (skip or "")


# ---------------------------------------------------------------- folder_state: cheap and compact

def _folder(tmp_path: Path, n: int) -> tuple[Path, dict[str, Known]]:
    """n small files, and what a warehouse that processed all of them would remember."""
    folder = tmp_path / "many"
    folder.mkdir()
    known = {}
    for i in range(n):
        data = f"article {i}\nSome words about work and health number {i}.\n".encode()
        p = folder / f"{i:05d}.txt"
        p.write_bytes(data)
        os.utime(p, ns=(1_700_000_000_000_000_000 + i, 1_700_000_000_000_000_000 + i))
        known[p.name] = Known(len(data), 1_700_000_000_000_000_000 + i, sha256_hex(data))
    return folder, known


def test_pending_changes_hashes_only_new_and_touched_files(tmp_path: Path) -> None:
    folder, known = _folder(tmp_path, 300)
    hashed: list[str] = []

    def counting(path: Path) -> str:
        hashed.append(path.name)
        return folder_state.file_sha256(path)

    files, skipped = scan_folder(folder)
    p = folder_state.pending_changes(files, skipped, known, counting)
    assert p.empty and hashed == []

    write(folder / "00007.txt", "a corrected article 7\n", 1_800_000_000_000_000_000)  # changed
    os.utime(folder / "00008.txt", ns=(1_800_000_000_000_000_000,) * 2)  # touched, same bytes
    (folder / "00009.txt").unlink()  # deleted
    write(folder / "new.txt", "a brand new article\n")  # new
    (folder / ".new.txt.swp").write_text("editor swap file")  # never input
    files, skipped = scan_folder(folder)
    p = folder_state.pending_changes(files, skipped, known, counting)
    assert sorted(hashed) == ["00007.txt", "00008.txt", "new.txt"]
    assert [n for n, _ in p.new] == ["new.txt"] and [n for n, _ in p.changed] == ["00007.txt"]
    assert p.deleted == ("00009.txt",) and p.touched_same == ("00008.txt",)
    assert dict(p.changed)["00007.txt"] == sha256_hex(b"a corrected article 7\n")


def test_cursor_is_small_and_fast_path_reads_no_file(tmp_path: Path) -> None:
    folder, _ = _folder(tmp_path, 2000)
    wh = tmp_path / "absent.duckdb"
    ev = folder_state.evaluate(folder, wh, folder_state.Cursor())
    assert ev.run_key and ev.pending and len(ev.pending.new) == 2000
    raw = ev.cursor.dumps()
    assert len(raw) < 200, raw  # digests only, whatever the folder size
    assert folder_state.Cursor.loads(raw) == ev.cursor

    def forbidden(path: Path) -> str:
        raise AssertionError(f"fast path read {path}")

    again = folder_state.evaluate(folder, wh, folder_state.Cursor.loads(raw), forbidden)
    assert again.run_key is None and again.pending is None and again.cursor == ev.cursor
    # a size change of one file is seen without reading the others
    write(folder / "00003.txt", "longer text than before for article three\n")
    seen: list[str] = []
    third = folder_state.evaluate(folder, wh, ev.cursor, lambda p: seen.append(p.name) or folder_state.file_sha256(p))
    assert third.run_key is not None and third.run_key != ev.run_key
    assert len(seen) == 2000  # no warehouse yet: every file is new and is hashed once
    assert folder_state.Cursor.loads("not json") == folder_state.Cursor()
    assert folder_state.Cursor.loads('{"v": 99}') == folder_state.Cursor()


def test_a_quiet_folder_is_answered_by_one_stat_per_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path: the quick fingerprint (a stat per entry) equals the cursor's, so ``scan_folder`` (and its
    checks per entry) does not run; a file rewritten in place, even to the same size, is still seen."""
    folder, _ = _folder(tmp_path, 500)
    wh = tmp_path / "absent.duckdb"
    first = folder_state.evaluate(folder, wh, folder_state.Cursor())
    assert first.cursor.quick and first.cursor.folder and first.run_key

    def no_scan(path: Path) -> None:
        raise AssertionError("scan_folder ran on a folder that did not change")

    monkeypatch.setattr(folder_state, "scan_folder", no_scan)
    again = folder_state.evaluate(folder, wh, first.cursor)
    assert again.run_key is None and again.pending is None and again.files == 500
    assert again.cursor == first.cursor
    monkeypatch.undo()
    target = folder / "00007.txt"
    before = target.stat()
    target.write_bytes(b"X" * before.st_size)  # same size, in place: the folder's own mtime does not change
    os.utime(target, ns=(before.st_mtime_ns + 1, before.st_mtime_ns + 1))
    changed = folder_state.evaluate(folder, wh, first.cursor)
    assert changed.pending is not None and changed.cursor.quick != first.cursor.quick


def test_run_key_depends_on_changes_and_base() -> None:
    p1 = folder_state.Pending(new=(("a.txt", "1" * 64),))
    p2 = folder_state.Pending(new=(("a.txt", "2" * 64),))
    p3 = folder_state.Pending(deleted=("a.txt",))
    keys = {folder_state.run_key(p, "base") for p in (p1, p2, p3)} | {folder_state.run_key(p1, "other")}
    assert len(keys) == 4
    assert folder_state.run_key(p1, "base") == folder_state.run_key(folder_state.Pending(new=(("a.txt", "1" * 64),)), "base")


def test_sensor_evaluation_is_cheap_on_a_large_folder(tmp_path: Path) -> None:
    folder, known = _folder(tmp_path, 5000)
    files, skipped = scan_folder(folder)
    def forbidden(path: Path) -> str:
        raise AssertionError(f"read {path}")

    # no file is read (the hasher raises): unchanged files are known by size and mtime alone; its time on
    # 10,000 files is measured by the benchmark, not asserted here
    ev = folder_state.evaluate(folder, tmp_path / "absent.duckdb",
                               folder_state.Cursor(folder_state.fingerprint(files), "missing", "", len(files)), forbidden)
    assert ev.pending is None and ev.run_key is None


# ---------------------------------------------------------------- schedule and automation

def test_schedule_and_sensors_are_on_by_default_and_cron_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    repo = defs.get_repository_def()
    sensors = {s.name: s for s in repo.sensor_defs}
    assert set(sensors) == {"seeds_folder_sensor", "corpus_automation_sensor"}
    assert all(s.default_status == DefaultSensorStatus.RUNNING for s in sensors.values())
    assert sensors["seeds_folder_sensor"].job_name == ALL_JOB_NAME
    (sched,) = repo.schedule_defs
    assert sched.default_status == DefaultScheduleStatus.RUNNING and sched.job_name == ALL_JOB_NAME
    monkeypatch.delenv(ENV_SCHEDULE_CRON, raising=False)
    assert build_schedule().cron_schedule == DEFAULT_CRON == "0 6 * * *"
    monkeypatch.setenv(ENV_SCHEDULE_CRON, "15 2 * * 1-5")
    assert build_schedule().cron_schedule == "15 2 * * 1-5"
    monkeypatch.setenv(ENV_SCHEDULE_CRON, "every day")
    with pytest.raises(ValueError, match=ENV_SCHEDULE_CRON):
        build_schedule()


METRICS = AssetKey(["metrics", "programme_funding"])
PUBLISHED = AssetKey(["warehouse", "published"])
CORPUS_GROUPS = {"metrics", "marts", "publish"}


def test_metrics_and_publish_follow_upstream_updates_automatically(env: tuple[Path, Path]) -> None:
    graph = defs.get_repository_def().asset_graph
    keys = graph.get_all_asset_keys()
    automated = {k for k in keys if graph.get(k).automation_condition is not None}
    assert automated == {k for k in keys if graph.get(k).group_name in CORPUS_GROUPS}
    assert {METRICS, PUBLISHED} <= automated
    assert not any(graph.get(k).group_name in {"raw", "clean", "entities"} for k in automated)

    instance = DagsterInstance.ephemeral()
    res = evaluate_automation_conditions(defs=defs, instance=instance)
    assert res.total_requested == 0  # nothing materialised yet: upstream missing, nothing to do
    run_job(instance)  # the whole job (as the sensor and the schedule run it)
    res = evaluate_automation_conditions(defs=defs, instance=instance, cursor=res.cursor)
    assert res.total_requested == 0  # the run already covered metrics and publish: no second run
    # entity rows updated without metrics (e.g. materialised alone from the UI): metrics and publish follow
    instance.report_runless_asset_event(AssetMaterialization(AssetKey(["entities", "funding"])))
    res = evaluate_automation_conditions(defs=defs, instance=instance, cursor=res.cursor)
    assert res.get_num_requested(METRICS) == 1 and res.get_num_requested(PUBLISHED) == 1
    assert res.get_num_requested(AssetKey(["raw", "files"])) == 0


def test_publish_waits_when_an_upstream_stage_failed(env: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import healthwork.stages

    instance = DagsterInstance.ephemeral()
    run_job(instance)
    res = evaluate_automation_conditions(defs=defs, instance=instance)

    def boom(*args, **kwargs):
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(healthwork.stages, "run_entities", boom)
    graph = defs.get_repository_def().asset_graph
    upstream = [k for k in graph.get_all_asset_keys() if graph.get(k).group_name in {"raw", "clean", "entities"}]
    result = defs.resolve_job_def(ALL_JOB_NAME).get_subset(
        asset_selection=set(upstream), asset_check_selection=set()).execute_in_process(
        instance=instance, raise_on_error=False)
    assert not result.success  # raw and clean materialised, entities failed
    res = evaluate_automation_conditions(defs=defs, instance=instance, cursor=res.cursor)
    assert res.get_num_requested(PUBLISHED) == 0  # a half-updated staging copy is not published
    assert res.get_num_requested(METRICS) == 0

"""`healthwork run` with nothing new says so without starting Dagster (healthwork.folder_state.published_is_current);
any new, changed or deleted file, a code change, a missing report or rows awaiting their checks make it run."""
from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest

import pipelines.run
from healthwork import cli, folder_state
from healthwork.report import REPORT_NAME, report_path
from tests.articles import NEW_ARTICLE, NEW_NAME


def _project(tmp_path: Path) -> Path:
    """A stand-in project tree whose code is older than any warehouse published from now on."""
    project = tmp_path / "project"
    (project / "healthwork").mkdir(parents=True)
    code = project / "healthwork" / "stage.py"
    code.write_text("RULE = 1\n")
    old = time.time() - 3600
    os.utime(code, (old, old))
    return project


def test_run_with_nothing_new_starts_no_dagster_and_force_runs(env: tuple[Path, Path], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    seeds, warehouse = env
    assert cli.main(["run"]) == 0
    capsys.readouterr()
    real_run_job = pipelines.run.run_job
    calls: list[bool] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(True)
        return real_run_job(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipelines.run, "run_job", counted)
    assert cli.main(["run"]) == 0
    out = capsys.readouterr().out
    assert "nothing new: the 5 input files are those of the published warehouse" in out
    assert calls == []
    assert cli.main(["run", "--force"]) == 0
    assert "input files:    0 new, 0 changed, 0 deleted, 5 unchanged" in capsys.readouterr().out
    assert calls == [True]

    # the pure comparison, with a stand-in project whose code is older than the publish
    project = _project(tmp_path)
    report = report_path(warehouse)
    assert report.name == folder_state.REPORT_BESIDE == REPORT_NAME
    assert folder_state.published_is_current(seeds, warehouse, project, report).current
    (seeds / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")
    fresh = folder_state.published_is_current(seeds, warehouse, project, report)
    assert not fresh.current and fresh.reason == f"1 new: {NEW_NAME}"
    (seeds / NEW_NAME).unlink()
    victim = sorted(seeds.glob("*.txt"))[0]
    victim.write_text("A different story altogether, written over the first file.\n", encoding="utf-8")
    assert folder_state.published_is_current(seeds, warehouse, project, report).reason == f"1 changed: {victim.name}"
    victim.unlink()
    assert folder_state.published_is_current(seeds, warehouse, project, report).reason == f"1 deleted: {victim.name}"


def test_code_changes_missing_report_and_unchecked_rows_make_a_run(env: tuple[Path, Path], tmp_path: Path) -> None:
    seeds, warehouse = env
    assert cli.main(["run"]) == 0
    project, report = _project(tmp_path), report_path(warehouse)
    assert folder_state.published_is_current(seeds, warehouse, project, report).current
    (project / "healthwork" / "stage.py").write_text("RULE = 2\n")  # modified now: after the publish
    assert folder_state.published_is_current(seeds, warehouse, project, report).reason == \
        "code changed since the last publish (healthwork/stage.py)"
    os.utime(project / "healthwork" / "stage.py", (0, 0))
    assert not folder_state.published_is_current(seeds, warehouse, project, tmp_path / "no-report.html").current
    con = duckdb.connect(str(warehouse))
    try:
        con.execute("INSERT INTO meta.unchecked VALUES ('clean', 'some-article')")
    finally:
        con.close()
    os.utime(project / "healthwork" / "stage.py", (0, 0))
    assert folder_state.published_is_current(seeds, warehouse, project, report).reason == \
        "rows of the published warehouse await their checks"


def test_the_run_takes_the_folder_scan_of_its_nothing_new_answer(env: tuple[Path, Path],
                                                                 capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """`healthwork run` scans the folder for its nothing-new answer; the raw step of the run it starts takes that
    scan instead of making a second one (a second of each run at 100,000 files), and only that run."""
    import assets.raw

    seeds, _ = env
    assert cli.main(["run"]) == 0
    (seeds / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")

    def second_scan(folder: Path) -> object:
        raise AssertionError(f"the raw step scanned {folder} again")

    monkeypatch.setattr(assets.raw, "scan_folder", second_scan)
    capsys.readouterr()
    assert cli.main(["run"]) == 0
    assert "input files:    1 new, 0 changed, 0 deleted, 5 unchanged" in capsys.readouterr().out
    assert folder_state.take_scan(seeds) is None  # handed over for that run only
    # --force gives no nothing-new answer, so nothing is handed over: the raw step scans (here: fails)
    (seeds / NEW_NAME).unlink()
    assert cli.main(["run", "--force"]) == 1

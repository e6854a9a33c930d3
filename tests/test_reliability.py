"""Issue 16: a bad article never blocks the warehouse; nothing outside the input folder is read;
an empty folder never wipes it; expected failures print one line.

Every page here is made up for the test. One end-to-end build (module fixture) holds the bundled
seeds plus: a file with many U+FFFD replacement characters, a bare two-sentence file without a
headline, and symbolic links leaving the input folder. The other cases run the CLI on copies of it.
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from healthwork import cli
from healthwork.failures import Cause, describe_exception, one_line
from healthwork.folder_state import pending_changes
from healthwork.ingest import OUTSIDE_INPUT, OutsideInputError, read_file, scan_folder
from healthwork.stages.guard import Deletion, planned_deletion

PROJECT = Path(__file__).resolve().parents[1]
from tests.conftest import SEEDS  # noqa: E402 (fixture copies of the seeds, never the live folder)
N_SEEDS = len(list(SEEDS.glob("*.txt")))

LOST_BYTES = ("Council backs \ufffd\ufffd return-to-work scheme\n\n"
              "The council said it would spend \ufffd2m helping people back into work over two years.\n"
              "Officials said the \ufffd\ufffd\ufffd pilot would open to residents in the spring.\n")
BARE = ("A town charity has opened an advice centre for people who are out of work through illness.\n"
        "Staff at the centre will help visitors with job applications and health support every weekday.\n")
SECRET = "TOP-SECRET-OUTSIDE-LINE: this text lives outside the input folder and must never be read.\n"


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [f"{s}.{t}" for s, t in con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database()").fetchall()]


def _run_cli(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "healthwork.cli", "run", *argv], cwd=PROJECT, text=True,
                          capture_output=True, timeout=600,
                          env={**{k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}, **(env or {})})


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, subprocess.CompletedProcess[str]]:
    """(input folder, warehouse, outside folder, the CLI run) of the seeds + the bad files."""
    root = tmp_path_factory.mktemp("reliability")
    folder, outside = root / "in", root / "outside"
    shutil.copytree(SEEDS, folder)
    outside.mkdir()
    (folder / "lost_bytes.txt").write_text(LOST_BYTES, encoding="utf-8")
    (folder / "bare.txt").write_text(BARE, encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "secret_link.txt").symlink_to(outside / "secret.txt")
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    (folder / "escape.txt").symlink_to(Path("..") / "outside" / "secret.txt")  # relative link, same escape
    warehouse = root / "wh" / "healthwork.duckdb"
    run = _run_cli("--seeds", str(folder), "--warehouse", str(warehouse))
    return folder, warehouse, outside, run


# ---------------------------------------------------------------- 1. one bad file never blocks the others

def test_bad_files_are_quarantined_and_the_rest_is_published(built) -> None:  # noqa: ANN001
    _, warehouse, _, run = built
    assert run.returncode == 0, run.stdout + run.stderr
    assert "quarantined by checks this run: 2" in run.stdout
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        q = {r[0]: r[1:] for r in con.execute(
            "SELECT source_file, stage, reason, rule FROM dq.quarantine WHERE reason <> 'outside_input'").fetchall()}
        articles = {r[0] for r in con.execute("SELECT source_file FROM clean.articles").fetchall()}
    finally:
        con.close()
    assert q == {
        "lost_bytes.txt": ("raw", "decoded", "expect_column_values_to_be_in_set(decoded)"),
        "bare.txt": ("clean", "body_is_raw_text", "expect_column_values_to_be_in_set(body_is_raw_text)"),
    }
    assert articles == {p.name for p in SEEDS.glob("*.txt")}  # every seed published, neither bad file


def test_a_few_lost_characters_in_a_long_article_are_tolerated() -> None:
    from expectations.suites.raw import readable_text

    sentence = "The board agreed to fund the local employment support service for another year. "
    long_text = sentence * 8  # ~650 characters
    assert readable_text(long_text.replace("fund", "f\ufffdnd", 1))  # one lost character: kept
    assert not readable_text(long_text.replace("u", "\ufffd"))  # many: set aside
    assert not readable_text(LOST_BYTES)


# ---------------------------------------------------------------- 2. nothing outside the input folder is read

def test_links_out_of_the_folder_are_listed_and_never_read(built) -> None:  # noqa: ANN001
    _, warehouse, _, _ = built
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        outside = con.execute("SELECT source_file, sha256 FROM dq.quarantine WHERE reason = ? ORDER BY 1",
                              [OUTSIDE_INPUT]).fetchall()
        assert outside == [("escape.txt", None), ("passwd.txt", None), ("secret_link.txt", None)]
        for table in _tables(con):  # their content is in no table, not even raw.files.text
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE schema_name || '.' || table_name = ? "
                "AND data_type = 'VARCHAR'", [table]).fetchall()]
            for c in cols:
                hits = con.execute(f"SELECT count(*) FROM {table} WHERE {c} LIKE '%TOP-SECRET%' "
                                   f"OR {c} LIKE '%root:x:0:0%'").fetchone()[0]
                assert hits == 0, f"{table}.{c}"
    finally:
        con.close()


def test_scan_keeps_links_inside_the_folder_and_refuses_links_out(tmp_path: Path) -> None:
    folder, outside = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    outside.mkdir()
    (folder / "a.txt").write_text("An article inside the folder.\n")
    (outside / "b.txt").write_text(SECRET)
    (folder / "same.txt").symlink_to(folder / "a.txt")
    (folder / "out.txt").symlink_to(outside / "b.txt")
    files, skipped = scan_folder(folder)
    assert [f.name for f in files] == ["a.txt", "same.txt"]
    assert [(s.name, s.code) for s in skipped] == [("out.txt", OUTSIDE_INPUT)]
    with pytest.raises(OutsideInputError):  # a link swapped in after the scan is refused when read
        read_file(folder / "out.txt", root=folder)
    assert read_file(folder / "same.txt", root=folder).data == b"An article inside the folder.\n"
    # the sensor hashes with the same confinement: a file that became a link out is unreadable, not read
    (folder / "a.txt").unlink()
    (folder / "a.txt").symlink_to(outside / "b.txt")
    pending = pending_changes(files, skipped, {})
    assert pending.unreadable == ("a.txt", "same.txt") and pending.new == ()


# ---------------------------------------------------------------- 3. an empty folder never wipes the warehouse

def test_an_empty_folder_leaves_the_warehouse_as_it_was(built, tmp_path: Path) -> None:  # noqa: ANN001
    _, warehouse, _, _ = built
    copy = tmp_path / "wh" / "healthwork.duckdb"
    copy.parent.mkdir()
    shutil.copyfile(warehouse, copy)
    before = copy.read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()

    run = _run_cli("--seeds", str(empty), "--warehouse", str(copy))
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "refusing to remove" in errors[0] and str(empty) in errors[0]
    assert "Traceback" not in run.stderr + run.stdout and "Stack Trace" not in run.stderr + run.stdout
    assert "files read" not in run.stdout  # no numbers of an earlier run
    assert copy.read_bytes() == before

    meant = _run_cli("--seeds", str(empty), "--warehouse", str(copy), "--allow-mass-delete")
    assert meant.returncode == 0, meant.stderr
    con = duckdb.connect(str(copy), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM clean.articles").fetchone()[0] == 0
    finally:
        con.close()


@pytest.mark.parametrize(("published", "left", "refused"), [
    (5, 0, True),  # every article would go
    (5, 1, False),  # a small corpus may lose most of its files
    (10, 4, True),  # more than half of at least 10
    (10, 5, False),  # exactly half
    (0, 0, False),  # nothing published yet
])
def test_mass_deletion_policy(published: int, left: int, refused: bool) -> None:
    names = [f"{i}.txt" for i in range(published)]
    d = planned_deletion(names, names[:left])
    assert d == Deletion(published, tuple(sorted(names[left:])))
    assert d.too_many(0.5) is refused


# ---------------------------------------------------------------- 4. expected failures: one line

def _unprivileged() -> list[str] | None:
    """A command prefix that runs without the power to ignore file permissions (None: cannot)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    # root without CAP_DAC_OVERRIDE obeys permissions like any user (the interpreter under /root stays reachable,
    # which `--reuid=nobody` would not guarantee)
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def test_a_read_only_warehouse_folder_gives_one_line(built, tmp_path: Path) -> None:  # noqa: ANN001
    prefix = _unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot drop the power to write a read-only folder")
    folder, warehouse, _, _ = built
    ro = tmp_path / "ro"
    ro.mkdir()
    shutil.copyfile(warehouse, ro / "healthwork.duckdb")
    before = (ro / "healthwork.duckdb").read_bytes()
    ro.chmod(0o555)
    try:
        run = subprocess.run([*prefix, sys.executable, "-m", "healthwork.cli", "run", "--seeds", str(folder),
                              "--warehouse", str(ro / "healthwork.duckdb")], cwd=PROJECT, text=True,
                             capture_output=True, timeout=600,
                             env={k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"})
    finally:
        ro.chmod(0o755)
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: permission denied: ") and str(ro) in errors[0]
    assert "Traceback" not in run.stderr and "Stack Trace" not in run.stderr
    assert "files read" not in run.stdout
    assert (ro / "healthwork.duckdb").read_bytes() == before


def test_an_input_path_that_is_a_file_is_named_as_such(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "notes.txt"
    f.write_text("not a folder")
    assert cli.main(["run", "--seeds", str(f), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert capsys.readouterr().err.startswith(f"error: input folder {f} is a file, not a folder")
    assert cli.main(["run", "--seeds", str(tmp_path / "missing"), "--warehouse", str(tmp_path / "w.duckdb")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize(("cause", "line"), [
    (Cause("PermissionError", "[Errno 13] Permission denied: '/data/wh/.healthwork.run.lock'"),
     "permission denied: /data/wh/.healthwork.run.lock"),
    (Cause("OSError", "[Errno 28] No space left on device: '/data/wh/.healthwork.staging.duckdb'"),
     "disk full: /data/wh/.healthwork.staging.duckdb"),
    (Cause("IOException", 'IO Error: Could not set lock on file "/data/wh/healthwork.duckdb": Conflicting lock '
                          'is held in /usr/bin/python3 (PID 4242)'),
     "the warehouse is locked by another process: /data/wh/healthwork.duckdb"),
    (Cause("MassDeletionRefused", "refusing to remove 5 of the 5 published article files"),
     "refusing to remove 5 of the 5 published article files"),
])
def test_failures_read_as_one_line(cause: Cause, line: str) -> None:
    assert one_line(cause) == line


def test_a_wrapped_exception_is_described_by_its_cause() -> None:
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", "/data/wh/x.duckdb")
        except OSError as inner:
            raise RuntimeError("step failed") from inner
    except RuntimeError as exc:
        assert describe_exception(exc) == "disk full: /data/wh/x.duckdb"


def test_the_sensor_requests_no_run_for_an_emptied_folder(built, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from dagster import build_sensor_context

    from healthwork.config import ENV_SEEDS_DIR, ENV_WAREHOUSE
    from pipelines.sensors import seeds_folder_sensor

    _, warehouse, _, _ = built
    empty = tmp_path / "unmounted"
    empty.mkdir()
    monkeypatch.setenv(ENV_SEEDS_DIR, str(empty))
    monkeypatch.setenv(ENV_WAREHOUSE, str(warehouse))
    data = seeds_folder_sensor.evaluate_tick(build_sensor_context(cursor=None))
    assert list(data.run_requests or []) == []
    assert "refusing to remove" in (data.skip_message or "")


def test_a_warehouse_path_that_is_a_folder_is_named_as_such() -> None:
    cause = Cause("IOException", 'IO Error: Could not read from file "/data/hw.duckdb": Is a directory')
    assert one_line(cause) == "is a folder, not a file: /data/hw.duckdb"


def test_dagster_error_records_and_traces_stay_off_the_terminal() -> None:
    import io

    out = io.StringIO()
    stream = cli._NoTraces(out)
    stream.write("2026-01-01 10:00:00 +0000 - dagster - INFO - job - run - raw__files - cleaned 5/5 articles\n")
    stream.write("2026-01-01 10:00:01 +0000 - dagster - ERROR - job - run - raw__files - STEP_FAILURE - failed.\n\n"
                 "PermissionError: [Errno 13] Permission denied: '/x'\n\nStack Trace:\n  File \"a.py\", line 1\n")
    stream.write("2026-01-01 10:00:02 +0000 - dagster - WARNING - job - run - clean - a warning\n")
    stream.flush()
    assert out.getvalue().splitlines() == [
        "2026-01-01 10:00:00 +0000 - dagster - INFO - job - run - raw__files - cleaned 5/5 articles",
        "2026-01-01 10:00:02 +0000 - dagster - WARNING - job - run - clean - a warning",
    ]

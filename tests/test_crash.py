"""SIGKILL at any moment leaves the last published warehouse intact and readable; the next run completes.

Two levels:
- the store alone, killed at many random moments of write / checkpoint / publish (cheap: no Dagster);
- ``healthwork run`` itself, killed during raw, clean and entity extraction, then run again.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from healthwork.store import Warehouse, table_contents
from tests.conftest import PROJECT, SEEDS, run_pipeline
from tests.test_bad_input import build_bad_corpus

pytestmark = pytest.mark.slow

# Each cycle: stage 1 rewrites raw.files, stage 2 (another transaction, like another asset) fills
# clean.articles to match, then publish. A published file is whole iff both tables hold the same
# cycle's rows.
WRITER = """
import sys
from pathlib import Path
from healthwork.store import Warehouse
wh = Warehouse(Path(sys.argv[1]))
k = int(sys.argv[2])
print("ready", flush=True)
while True:
    k += 1
    n = 1000 * (k % 4 + 1)
    with wh.write() as con:
        con.execute("DELETE FROM raw.files")
        con.execute("DELETE FROM clean.articles")
        con.execute(f"INSERT INTO raw.files (source_file, sha256, text) "
                    f"SELECT 'f' || i, 'v{k}', repeat(md5(i::VARCHAR), 60) FROM range({n}) t(i)")
    with wh.write() as con:
        con.execute(f"INSERT INTO clean.articles (article_id, source_file, body) "
                    f"SELECT 'a' || i, 'f' || i, 'v{k}' FROM range({n}) t(i)")
    wh.publish()
    print(k, flush=True)
"""


def _published_cycle(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        raw = con.execute("SELECT count(*), min(sha256), max(sha256) FROM raw.files").fetchone()
        clean = con.execute("SELECT count(*), min(body), max(body) FROM clean.articles").fetchone()
    finally:
        con.close()
    assert raw[1] == raw[2] == clean[1] == clean[2], (raw, clean)  # one cycle, never a mix
    k = int(raw[1][1:])
    assert raw[0] == clean[0] == 1000 * (k % 4 + 1), (k, raw, clean)
    return k


def _start_writer(script: Path, wh: Path, k: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(script), str(wh), str(k)], cwd=PROJECT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_line(proc: subprocess.Popen, timeout: float = 60) -> str:
    out: list[str] = []
    t = threading.Thread(target=lambda: out.append(proc.stdout.readline()), daemon=True)
    t.start()
    t.join(timeout)
    assert out and out[0], f"writer printed nothing: {proc.stderr.read() if proc.poll() is not None else ''}"
    return out[0]


def test_store_survives_sigkill_at_random_moments(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    wh = tmp_path / "wh" / "h.duckdb"
    proc = _start_writer(script, wh, 0)
    assert _wait_line(proc).strip() == "ready"
    last = int(_wait_line(proc))  # one whole cycle published
    proc.kill()
    proc.wait()
    rnd = random.Random(20240601)
    seen_after_kill = []
    for i in range(6):
        before = _published_cycle(wh)
        proc = _start_writer(script, wh, before + 100 * (i + 1))  # new cycles get new numbers
        assert _wait_line(proc).strip() == "ready"
        time.sleep(rnd.uniform(0.0, 2.0))  # lands in a write, a checkpoint, a publish, between them
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = _published_cycle(wh)  # opens read-only, whole
        assert after == before or after > before + 100 * (i + 1), (before, after)
        seen_after_kill.append(after)
        last = after
    # the next run after all those kills completes normally and publishes
    proc = _start_writer(script, wh, 10_000)
    assert _wait_line(proc).strip() == "ready"
    k = int(_wait_line(proc))
    proc.kill()
    proc.wait()
    assert k == 10_001 and _published_cycle(wh) >= 10_001 > last
    assert len(set(seen_after_kill)) > 1, "no kill ever let a publish through: the test did not exercise the writer"


def test_unreadable_staging_is_rebuilt_from_the_published_file(tmp_path):
    wh = Warehouse(tmp_path / "h.duckdb")
    with wh.write() as con:
        con.execute("INSERT INTO raw.files (source_file, sha256) VALUES ('a.txt', 'x')")
    wh.publish()
    wh.staging.write_bytes(b"half a file" * 100)  # e.g. a disk-full or a foreign file
    Path(str(wh.staging) + ".wal").write_bytes(b"junk")
    (tmp_path / ".h.duckdb.999.tmp").write_bytes(b"a killed publish's copy")
    with wh.write() as con:
        assert con.execute("SELECT source_file FROM raw.files").fetchall() == [("a.txt",)]
        con.execute("INSERT INTO raw.files (source_file, sha256) VALUES ('b.txt', 'y')")
    wh.publish()
    con = duckdb.connect(str(wh.published), read_only=True)
    assert con.execute("SELECT source_file FROM raw.files ORDER BY 1").fetchall() == [("a.txt",), ("b.txt",)]
    con.close()
    assert not list(tmp_path.glob("*.tmp")), "leftover copies of killed runs are removed"


def test_lock_dies_with_a_killed_process(tmp_path):
    wh = Warehouse(tmp_path / "h.duckdb", lock_timeout_s=5)
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom pathlib import Path\nfrom healthwork.store import Warehouse\n"
        f"w = Warehouse(Path({str(wh.published)!r}))\n"
        "with w.write() as con:\n    print('locked', flush=True)\n    time.sleep(600)\n")],
        cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    t0 = time.monotonic()
    with wh.write() as con:  # neither the fcntl lock nor DuckDB's own file lock outlive the process
        con.execute("INSERT INTO raw.files (source_file) VALUES ('x')")
    assert time.monotonic() - t0 < 3


# ---------------------------------------------------------------- the real command

KILL_AT = [  # (label, a line of the run's output (`healthwork run -v`) after which it is killed)
    ("after raw committed", "  ok     raw/files "),
    ("during cleaning", " clean_articles: cleaned "),
    ("during entity extraction", " entity_tables: extracted entities from "),
]


def _cli(seeds: Path, wh: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "HEALTHWORK_SEEDS_DIR": str(seeds), "HEALTHWORK_WAREHOUSE": str(wh),
           "PYTHONUNBUFFERED": "1"}
    env.pop("DAGSTER_HOME", None)
    return subprocess.Popen([sys.executable, "-m", "healthwork.cli", "run", "--verbose", *args], cwd=PROJECT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _kill_when(proc: subprocess.Popen, marker: str, timeout: float = 90) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    for line in proc.stdout:  # type: ignore[union-attr]
        lines.append(line)
        if marker in line:
            proc.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "".join(lines[-20:])
    proc.wait()
    return lines


def _snapshot(path: Path, with_volatile: bool = True) -> dict:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return table_contents(con, with_volatile=with_volatile)
    finally:
        con.close()


def test_killed_runs_leave_the_published_warehouse_and_the_next_run_completes(tmp_path, seeds_build):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(seeds_build[1].parent, tmp_path / "base")  # the previous run: the seeds, published
    base = tmp_path / "base" / seeds_build[1].name
    previous = _snapshot(base)
    previous_bytes = base.read_bytes()
    build_bad_corpus(seeds, heavy=False)  # new work for the runs we kill
    # one copy of the warehouse folder per kill point, the runs killed side by side
    whs = []
    for i in range(len(KILL_AT)):
        shutil.copytree(base.parent, tmp_path / f"wh{i}")
        whs.append(tmp_path / f"wh{i}" / base.name)
    procs = [_cli(seeds, wh) for wh in whs]
    logs: list[list[str]] = [[] for _ in KILL_AT]
    threads = [threading.Thread(target=lambda i=i: logs[i].extend(_kill_when(procs[i], KILL_AT[i][1])))
               for i in range(len(KILL_AT))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=240)
    for (label, marker), wh, lines, proc in zip(KILL_AT, whs, logs, procs):
        assert proc.returncode == -signal.SIGKILL, f"{label}: not killed:\n{''.join(lines[-30:])}"
        assert any(marker in ln for ln in lines), f"{label}: marker never seen:\n{''.join(lines[-30:])}"
        assert wh.read_bytes() == previous_bytes, f"killed {label}: the published file changed"
        assert _snapshot(wh) == previous, label
    # the next run completes, from each killed state, and gives what one uninterrupted run on the same
    # folder gives in a fresh warehouse (in this process: the same code for all of them, even while the
    # tree is being edited; `healthwork run` exiting 0 with quarantined files: test_concurrency)
    for wh in whs:
        assert run_pipeline(seeds, wh).success
    reference = tmp_path / "ref" / "healthwork.duckdb"
    assert run_pipeline(seeds, reference).success
    # dq.check_results is a log of every check run (the killed runs' checks on staging included): left out
    want = _snapshot(reference, with_volatile=False)
    assert want.pop("dq.check_results")
    assert {r[0] for r in want["dq.quarantine"] if r[3] == "empty_file"} == {"empty.txt", "blank.txt", "utf16_blank.txt"}
    for (label, _), wh in zip(KILL_AT, whs):
        got = _snapshot(wh, with_volatile=False)
        assert got.pop("dq.check_results")
        assert got == want, label

"""The GX worker process (expectations.runner.start_worker): validations there equal validations in
process, each page is where its path was announced, and the worker ends when the run's process is killed."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from expectations import rules, runner

PROJECT = Path(__file__).resolve().parents[1]


def _suite() -> rules.Suite:
    return rules.suite("raw.files", rules.in_set("status", ["article", "empty"], "status is one of the known ones"),
                       show=["source_file"])


def _frame() -> pd.DataFrame:
    return pd.DataFrame({"status": ["article", "odd", "empty"], "source_file": ["a.txt", "b.txt", "c.txt"]})


def test_the_worker_validates_as_this_process_does_and_writes_the_announced_page(tmp_path: Path) -> None:
    here = runner.validate(_suite(), _frame())
    runner.start_worker()
    try:
        there = runner.validate(_suite(), _frame(), docs_dir=tmp_path, run_id="run-w")
        queued = runner.build_docs_soon(tmp_path, "run-w", ["raw.files"])
        runner.wait_for_docs()
    finally:
        runner.stop_worker()
    assert [(o.label, o.success, o.observed, o.examples) for o in there.outcomes] == \
        [(o.label, o.success, o.observed, o.examples) for o in here.outcomes]
    assert not there.success and there.outcomes[0].observed["unexpected_count"] == 1
    assert queued == (str(tmp_path / "index.html"), {})
    assert there.docs_page is not None and Path(there.docs_page).is_file()  # the page GX wrote is the announced one
    assert (tmp_path / "index.html").is_file()


def test_the_worker_ends_when_the_run_process_is_killed() -> None:
    script = ("from expectations import runner; runner.start_worker(); "
              "print(*runner._worker._processes, flush=True); import time; time.sleep(60)")
    run = subprocess.Popen([sys.executable, "-c", script], cwd=PROJECT, stdout=subprocess.PIPE, text=True)
    try:
        worker_pid = int(run.stdout.readline())
        os.kill(run.pid, signal.SIGKILL)  # no atexit, no shutdown: only the worker's own watch can end it
        run.wait()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _alive(worker_pid):
            time.sleep(0.2)
        assert not _alive(worker_pid)
    finally:
        if run.poll() is None:
            run.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended (init reaps it)
    except FileNotFoundError:
        return False


def test_the_gx_worker_starts_before_the_cleaning_and_extraction_code_is_imported() -> None:
    """``healthwork run`` starts the GX worker first thing so that GX's import overlaps Dagster's start-up: starting
    it must not import ``healthwork.parallel`` (the cleaning and extraction modules, ~1.4 s at load 6) first."""
    import subprocess
    import sys

    probe = ("import sys\nfrom expectations import runner\nrunner.start_worker()\n"
             "print(sorted(m for m in ('healthwork.parallel', 'healthwork.clean', 'healthwork.extract') "
             "if m in sys.modules))\nrunner.stop_worker()\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300)
    assert out.stdout.strip().splitlines()[-1] == "[]"

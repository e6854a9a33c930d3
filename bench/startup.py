"""Start-up of ``healthwork run``: the time from a fresh interpreter to the point where the first step can
start (what ``cli.cmd_run`` does before ``execute_in_process``: imports, Definitions, job, Dagster instance).

    uv run python -m bench.startup [--tree DIR] [--repeat 5]

Each measurement is a new ``python`` process (bytecode cached, as after install); ``--tree`` measures another
checkout of the project (e.g. an exported older commit) with this environment. Prints the median of each phase,
the load average, and which optional heavy packages the run path imported.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

PROBE = r"""
import json, sys, time
t0 = time.perf_counter()
import duckdb, numpy, pandas  # noqa: F401
t1 = time.perf_counter()
import dagster  # noqa: F401
t2 = time.perf_counter()
from pipelines.definitions import defs
from pipelines.jobs import ALL_JOB_NAME
t3 = time.perf_counter()
defs.resolve_job_def(ALL_JOB_NAME)
t4 = time.perf_counter()
from dagster import DagsterInstance
DagsterInstance.ephemeral()
t5 = time.perf_counter()
heavy = ["great_expectations", "datasketch", "scipy", "plotly", "ftfy", "sklearn", "sqlalchemy"]
print(json.dumps({"pandas, numpy, duckdb": t1 - t0, "dagster": t2 - t1, "project definitions": t3 - t2,
                  "resolve job": t4 - t3, "dagster instance": t5 - t4, "total": t5 - t0,
                  "imported": [m for m in heavy if m in sys.modules]}))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tree", type=Path, default=Path(__file__).resolve().parents[1])
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(a.tree.resolve())}
    runs = []
    for _ in range(a.repeat):
        out = subprocess.run([sys.executable, "-c", PROBE], cwd=a.tree, env=env, capture_output=True, text=True,
                             check=True)
        runs.append(json.loads(out.stdout))
    load = os.getloadavg()[0]
    print(f"tree {a.tree}: median of {a.repeat} (load average {load:.1f})")
    for phase in [k for k in runs[0] if k != "imported"]:
        print(f"  {phase:24} {statistics.median(r[phase] for r in runs):.2f} s")
    print(f"  heavy packages imported: {', '.join(runs[0]['imported']) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

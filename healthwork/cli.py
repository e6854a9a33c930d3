"""`healthwork run | check | ui | report`: the command line. Runs go through the same Definitions as the UI."""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from healthwork.config import (
    ENV_ALLOW_MASS_DELETE,
    ENV_DAGSTER_HOME,
    ENV_DATA_DOCS_RUNS,
    ENV_DOCS_PORT,
    ENV_SEEDS_DIR,
    ENV_WAREHOUSE,
    PROJECT_ROOT,
    Settings,
    get_settings,
    prepare_dagster_home,
)
from healthwork.failures import describe_exception, one_line, root_cause
from healthwork.output import expectation_summary
from healthwork.single_instance import AlreadyRunning, hold_ui, port_in_use


def _settings(args: argparse.Namespace) -> Settings:
    """--seeds/--warehouse win over the environment; the result travels as one object."""
    return get_settings(getattr(args, "warehouse", None), getattr(args, "seeds", None))


def _summary(warehouse: Path) -> list[str]:
    from healthwork.store import connect_published

    con = connect_published(warehouse)
    try:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        lines = [
            f"published:      {q('SELECT count(*) FROM raw.files')} files read, "
            f"{q('SELECT count(*) FROM clean.articles')} articles, {q('SELECT count(*) FROM dq.quarantine')} quarantined, "
            f"{q('SELECT count(*) FROM metrics.programme_funding')} funding commitments",
        ]
        for name, reason, detail in con.execute(
                "SELECT source_file, reason, detail FROM dq.quarantine ORDER BY stage, source_file").fetchall():
            lines.append(f"  quarantined {name}: {reason} ({detail})")
        return lines
    finally:
        con.close()


def _what_changed(result) -> list[str]:  # noqa: ANN001 (a Dagster ExecuteInProcessResult)
    """What this run did, from the stages' materialisation metadata: input files and articles (re)processed."""
    meta: dict[str, dict] = {}
    for ev in result.get_asset_materialization_events():
        m = ev.materialization
        meta[m.asset_key.to_user_string()] = {k: getattr(v, "value", v) for k, v in m.metadata.items()}
    lines = []
    raw, clean, ents = meta.get("raw/files"), meta.get("clean/articles"), meta.get("entities/funding")
    if raw:
        lines.append(f"input files:    {raw.get('new', 0)} new, {raw.get('changed', 0)} changed, "
                     f"{raw.get('deleted', 0)} deleted, {raw.get('unchanged', 0)} unchanged")
    if clean:
        lines.append(f"cleaned:        {clean.get('cleaned_this_run', 0)} articles "
                     f"({clean.get('recleaned_for_template_change', 0)} re-cleaned for a template change), "
                     f"{clean.get('removed_this_run', 0)} removed")
    if ents:
        lines.append(f"entities:       extracted from {ents.get('articles_extracted_this_run', 0)} articles")
    return lines


def input_folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be the input folder (None when it can)."""
    if not folder.exists():
        return f"input folder {folder} does not exist"
    if not folder.is_dir():
        return f"input folder {folder} is a file, not a folder"
    if not os.access(folder, os.R_OK | os.X_OK):
        return f"permission denied: cannot list the input folder {folder}"
    return None


def _run_failure(result) -> str | None:  # noqa: ANN001 (a Dagster ExecuteInProcessResult)
    """One line naming the cause of the first failure of a run that raised (None when nothing raised)."""
    for ev in result.all_events:
        error = getattr(ev.event_specific_data, "error", None) if ev.event_specific_data else None
        if error is not None and (ev.is_failure or ev.event_type_value in ("RUN_FAILURE", "RESOURCE_INIT_FAILURE")):
            return one_line(root_cause(error))
    return None


def _quarantined_by_checks(checks) -> int:  # noqa: ANN001 (Dagster AssetCheckEvaluations)
    """Files the checks of this run set aside (each stage's list is on each of its checks)."""
    seen: set[tuple[str, str]] = set()
    for c in checks:
        for item in getattr(c.metadata.get("quarantined_at_stage"), "value", None) or []:
            seen.add((c.asset_key.path[0], str(item.get("file"))))
    return len(seen)


@contextlib.contextmanager
def _traces_to_logs_only(verbose: bool) -> Iterator[None]:
    """Dagster's console logger prints a stack trace under every failure event: keep them out of the
    terminal (they stay in the run's Dagster logs) unless --verbose."""
    if verbose:
        yield
        return
    real = sys.stderr
    sys.stderr = _NoTraces(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stderr = real


class _NoTraces(io.TextIOBase):
    """A text stream that drops Dagster's ERROR records and every stack trace (the CLI prints the cause in
    one line; the records stay in the run's Dagster event log)."""

    _RECORD = re.compile(r"^\S*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")

    def __init__(self, out: TextIO) -> None:
        self._out, self._skip, self._partial = out, False, ""

    def write(self, text: str) -> int:
        lines = (self._partial + text).split("\n")
        self._partial = lines.pop()
        for line in lines:
            if self._RECORD.match(line):  # a record starts: ERROR records (error, trace) are the CLI's one line
                self._skip = " - ERROR - " in line
            elif line.strip().startswith(("Stack Trace:", "The above exception")):
                self._skip = True
            if not self._skip:
                self._out.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        if self._partial and not self._skip:
            self._out.write(self._partial)
        self._partial = ""
        self._out.flush()

    def isatty(self) -> bool:  # colours, encoding and the descriptor are the real stream's
        return self._out.isatty()

    def fileno(self) -> int:
        return self._out.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._out.encoding


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    problem = input_folder_problem(settings.seeds_dir)
    if problem:
        print(f"error: {problem} (set {ENV_SEEDS_DIR} or --seeds)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    print(f"healthwork run ({'full rebuild' if args.full else 'incremental'}): {settings.seeds_dir} -> "
          f"{settings.warehouse}", flush=True)
    scanned = None  # the folder's scan made for the nothing-new answer: the raw step takes it instead of scanning
    if not (args.full or args.force):  # nothing new: say so without starting Dagster
        from healthwork.folder_state import REPORT_BESIDE, published_is_current

        fresh = published_is_current(settings.seeds_dir, settings.warehouse, PROJECT_ROOT,
                                     settings.warehouse.with_name(REPORT_BESIDE))
        if fresh.current:
            print(f"nothing new: {fresh.reason}; nothing to run, {settings.warehouse} is as published "
                  f"({time.perf_counter() - t0:.1f} s; --force runs every step anyway)")
            return 0
        print(f"  to do: {fresh.reason}", flush=True)
        scanned = fresh.scanned
    print("  loading the pipeline (Dagster) ...", flush=True)
    from expectations.runner import start_worker

    start_worker()  # GX's import (~3 s) on the other core while Dagster loads and the raw stage runs
    import duckdb
    from dagster import AssetCheckSeverity

    from healthwork.folder_state import handed_over_scan
    from healthwork.store import WarehouseLocked
    from pipelines.console import check_outcome
    from pipelines.run import run_job

    try:
        with _traces_to_logs_only(args.verbose), handed_over_scan(settings.seeds_dir, scanned):
            result = run_job(settings, full_rebuild=bool(args.full), allow_mass_delete=bool(args.allow_mass_delete),
                             step_lines=True, progress_bar=sys.stdout.isatty(), verbose=bool(args.verbose))
    except (OSError, WarehouseLocked, duckdb.IOException) as exc:  # the instance or the run could not even start
        print(f"error: {describe_exception(exc)}; nothing was published", file=sys.stderr)
        return 1
    cause = _run_failure(result)
    if cause is not None:  # an expected failure: one line, the published warehouse is untouched
        print(f"error: {cause}", file=sys.stderr)
        kept = ("is as the last successful run left it" if settings.warehouse.is_file()
                else "was left untouched" if settings.warehouse.exists() else "was not created")
        print(f"nothing published: {settings.warehouse} {kept} (full trace: the Dagster logs of run "
              f"{result.run_id[:8]} in {settings.dagster_home}, or run again with -v)", file=sys.stderr)
        print(f"run FAILED in {time.perf_counter() - t0:.1f} s")
        return 1
    checks = result.get_asset_check_evaluations()
    failed = [c for c in checks if not c.passed and c.severity == AssetCheckSeverity.ERROR]
    warned = [c for c in checks if not c.passed and c.severity != AssetCheckSeverity.ERROR]
    elapsed = time.perf_counter() - t0
    for line in _what_changed(result):
        print(line)
    published = any(e.asset_key is not None and e.asset_key.to_user_string() == "warehouse/published"
                    for e in result.get_asset_materialization_events())
    if published and settings.warehouse.exists():  # never an earlier run's numbers
        for line in _summary(settings.warehouse):
            print(line)
    else:
        print(f"nothing published: {settings.warehouse} is as the last successful run left it")
    print(f"quarantined by checks this run: {_quarantined_by_checks(checks)}")
    print(expectation_summary([check_outcome(c) for c in checks]))
    for c in warned:
        print(f"  WARN   {c.asset_key.to_user_string()}: {c.description or ''}")
    for c in failed:
        print(f"  FAILED {c.asset_key.to_user_string()}: {c.description or ''}")
    for docs in sorted({str(c.metadata["data_docs"].value) for c in checks if "data_docs" in c.metadata}):
        print(f"data docs:      {docs}")
    ok = result.success and not failed
    print(f"run {'succeeded' if ok else 'FAILED'} in {elapsed:.1f} s (run {result.run_id[:8]}; history in "
          f"{settings.dagster_home}, shown by `healthwork ui`)")
    return 0 if ok else 1


def cmd_ui(args: argparse.Namespace) -> int:
    settings = _settings(args)  # pinned as absolute paths: the daemon's runs see the same folder and warehouse
    if args.docs_port:
        settings = dataclasses.replace(settings, docs_port=int(args.docs_port))
    home = prepare_dagster_home(settings.dagster_home)
    host, port = "127.0.0.1", int(args.port)
    with contextlib.ExitStack() as held:
        try:
            held.enter_context(hold_ui(home, host, port))
            if port_in_use(host, settings.docs_port) or settings.docs_port == port:
                raise AlreadyRunning(f"the Data Docs port {settings.docs_port} on {host} is already in use; "
                                     f"pass --docs-port or set {ENV_DOCS_PORT}")
        except AlreadyRunning as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        from healthwork.docs_server import serve_docs

        docs = serve_docs(settings.data_docs_dir, host, settings.docs_port)
        held.callback(docs.shutdown)
        return _serve_ui(settings, home, host, port)


def _serve_ui(settings: Settings, home: Path, host: str, port: int) -> int:
    env = {**os.environ, ENV_DAGSTER_HOME: str(home), ENV_SEEDS_DIR: str(settings.seeds_dir),
           ENV_WAREHOUSE: str(settings.warehouse), ENV_DOCS_PORT: str(settings.docs_port),
           ENV_DATA_DOCS_RUNS: str(settings.data_docs_runs)}
    # no -m: `dagster dev` reads [tool.dagster] in pyproject.toml, so the code location is named "healthwork"
    cmd = [sys.executable, "-m", "dagster", "dev", "-h", host, "-p", str(port)]
    print(f"Dagster UI on http://{host}:{port} (webserver + daemon; Dagster home {home}, shared with "
          "`healthwork run`); Ctrl-C stops it")
    print(f"Data Docs on http://{host}:{settings.docs_port}/ (the checks in the UI link their pages there)")
    print(f"the daemon runs seeds_folder_sensor on {settings.seeds_dir} (new/changed/deleted files -> one incremental "
          f"run into {settings.warehouse}), the daily schedule and the metrics/publish automation: all on by default")
    proc = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, start_new_session=True)

    def _stop(signum: int, frame: object) -> None:  # SIGTERM stops the UI and daemon like Ctrl-C
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            return proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            return 130


def cmd_report(args: argparse.Namespace) -> int:
    """Write the static HTML report of the published warehouse (beside it unless --out)."""
    from healthwork.report import write_report

    settings = _settings(args)
    if not settings.warehouse.exists():
        print(f"error: no warehouse at {settings.warehouse}: run `healthwork run` first", file=sys.stderr)
        return 2
    path = write_report(settings.warehouse, args.out)
    print(f"report written to {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the published warehouse read-only: the whole-table invariants, and with --all every rule on
    every row (a run checks only the rows it wrote). Writes nothing; exit 1 when a blocking rule fails."""
    from expectations.stage import STAGES, evaluate, scope_of
    from expectations.triage import judge
    from healthwork.store import connect_published

    settings = _settings(args)
    if not settings.warehouse.exists():
        print(f"error: no warehouse at {settings.warehouse}: run `healthwork run` first", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    blocking = 0
    con = connect_published(settings.warehouse)
    try:
        has_unchecked = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'meta' "
                                    "AND table_name = 'unchecked'").fetchall()[0][0] > 0  # older warehouses lack it
        for stage in STAGES:
            scope = None if args.all else scope_of(con, stage)[0] if has_unchecked else frozenset()
            for result, check in evaluate(con, settings, stage, scope):
                verdict = judge(check, result)
                blocking += len(verdict.blocking)
                looked = (f"every rule on all {result.n_rows:,} rows" if scope is None else
                          f"invariants on the whole table, rules about rows on {result.n_rows:,} unchecked rows")
                if result.success:
                    print(f"ok      {result.suite}: {len(result.outcomes)} expectations passed ({looked})")
                    continue
                kind = "FAILED" if verdict.blocks else "WARN  "
                print(f"{kind}  {result.suite}: {len(result.failed)} of {len(result.outcomes)} failed ({looked})")
                for o in result.failed:
                    what = ("blocks" if o.label in verdict.blocking else
                            "quarantines its articles" if o.rule.scope == "row" and o.rule.blocking else "warning")
                    print(f"          {o.label} [{what}]: {o.observed}; e.g. {list(o.examples[:2])}")
    finally:
        con.close()
    print(f"checked {settings.warehouse} in {time.perf_counter() - t0:.1f} s"
          f"{'' if args.all else ' (whole-table invariants; --all validates every row)'}: "
          f"{blocking} blocking failure(s)")
    return 1 if blocking else 0


def main(argv: list[str] | None = None) -> int:
    # Dagster and GX are thousands of modules: compile them to __pycache__ once, not on every run, even
    # where PYTHONDONTWRITEBYTECODE is set (CI images, sandboxes); about 5 s of each run otherwise
    sys.dont_write_bytecode = False
    ap = argparse.ArgumentParser(prog="healthwork", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    run = sub.add_parser("run", help="materialise every asset in-process and publish the warehouse")
    run.add_argument("--full", action="store_true", help="rebuild everything instead of only new/changed files")
    run.add_argument("--seeds", help=f"input folder (default: ${ENV_SEEDS_DIR} or seeds/)")
    run.add_argument("--warehouse", help=f"warehouse file (default: ${ENV_WAREHOUSE} or warehouse/healthwork.duckdb)")
    run.add_argument("--force", action="store_true",
                     help="run every step even when the folder and the code are those of the published warehouse")
    run.add_argument("-v", "--verbose", action="store_true", help="show Dagster's debug events too")
    run.add_argument("--allow-mass-delete", action="store_true",
                     help=f"let this run remove all or most published articles whose files are gone from the input "
                          f"folder (otherwise it stops; also {ENV_ALLOW_MASS_DELETE}=1)")
    run.set_defaults(func=cmd_run)
    chk = sub.add_parser("check", help="validate the published warehouse (read-only): invariants, or every row "
                                       "with --all")
    chk.add_argument("--all", action="store_true", help="every rule on every row, as a full rebuild's checks do")
    chk.add_argument("--warehouse", help=f"warehouse file (default: ${ENV_WAREHOUSE} or warehouse/healthwork.duckdb)")
    chk.set_defaults(func=cmd_check)
    ui = sub.add_parser("ui", help="start the Dagster UI and daemon on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--docs-port", type=int, default=0,
                    help=f"port of the Data Docs server (default: ${ENV_DOCS_PORT} or 3001)")
    ui.add_argument("--seeds")
    ui.add_argument("--warehouse")
    ui.set_defaults(func=cmd_ui)
    rep = sub.add_parser("report", help="write the static HTML report (charts) of the published warehouse")
    rep.add_argument("--warehouse", help=f"warehouse file (default: ${ENV_WAREHOUSE} or warehouse/healthwork.duckdb)")
    rep.add_argument("--out", help="HTML file to write (default: report.html beside the warehouse)")
    rep.set_defaults(func=cmd_report)
    args = ap.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())

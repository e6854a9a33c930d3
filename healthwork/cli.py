"""`healthwork run | ui | report`: the command line. Runs go through the same Definitions as the UI."""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from healthwork.config import (
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


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if not settings.seeds_dir.is_dir():
        print(f"error: input folder {settings.seeds_dir} does not exist (set {ENV_SEEDS_DIR} or --seeds)",
              file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    print(f"healthwork run ({'full rebuild' if args.full else 'incremental'}): {settings.seeds_dir} -> "
          f"{settings.warehouse}", flush=True)
    print("  loading the pipeline (Dagster, Great Expectations) ...", flush=True)
    from dagster import AssetCheckSeverity

    from pipelines.console import check_outcome
    from pipelines.run import run_job

    result = run_job(settings, full_rebuild=bool(args.full), step_lines=True,
                     progress_bar=sys.stdout.isatty(), verbose=bool(args.verbose))
    checks = result.get_asset_check_evaluations()
    failed = [c for c in checks if not c.passed and c.severity == AssetCheckSeverity.ERROR]
    warned = [c for c in checks if not c.passed and c.severity != AssetCheckSeverity.ERROR]
    elapsed = time.perf_counter() - t0
    for line in _what_changed(result):
        print(line)
    if settings.warehouse.exists():
        for line in _summary(settings.warehouse):
            print(line)
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
    run.add_argument("-v", "--verbose", action="store_true", help="show Dagster's debug events too")
    run.set_defaults(func=cmd_run)
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

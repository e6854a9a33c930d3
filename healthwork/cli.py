"""`healthwork run | ui | report`: the command line. Runs go through the same Definitions as the UI."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from healthwork.config import ENV_SEEDS_DIR, ENV_WAREHOUSE, PROJECT_ROOT, get_settings


def _apply_paths(args: argparse.Namespace) -> None:
    """--seeds/--warehouse become the environment, so every Dagster component sees the same paths."""
    if getattr(args, "seeds", None):
        os.environ[ENV_SEEDS_DIR] = str(Path(args.seeds).resolve())
    if getattr(args, "warehouse", None):
        os.environ[ENV_WAREHOUSE] = str(Path(args.warehouse).resolve())


def _summary(warehouse: Path) -> list[str]:
    from healthwork.store import connect_published

    con = connect_published(warehouse)
    try:
        q = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
        lines = [
            f"files read:     {q('SELECT count(*) FROM raw.files')}",
            f"articles:       {q('SELECT count(*) FROM clean.articles')}",
            f"quarantined:    {q('SELECT count(*) FROM dq.quarantine')}",
        ]
        for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'entities' "
                                "ORDER BY 1").fetchall():
            lines.append(f"entities.{t + ':':22} {q(f'SELECT count(*) FROM entities.{t}')} rows")
        lines.append(f"metrics.programme_funding: {q('SELECT count(*) FROM metrics.programme_funding')} commitments")
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
    _apply_paths(args)
    settings = get_settings()
    if not settings.seeds_dir.is_dir():
        print(f"error: input folder {settings.seeds_dir} does not exist (set {ENV_SEEDS_DIR} or --seeds)",
              file=sys.stderr)
        return 2
    from dagster import AssetCheckSeverity, DagsterInstance

    from pipelines.definitions import defs
    from pipelines.jobs import ALL_JOB_NAME

    t0 = time.perf_counter()
    print(f"healthwork run ({'full rebuild' if args.full else 'incremental'}): {settings.seeds_dir} -> {settings.warehouse}")
    job = defs.resolve_job_def(ALL_JOB_NAME)
    run_config = {
        "ops": {"raw__files": {"config": {"full_rebuild": bool(args.full)}}},
        "loggers": {"console": {"config": {"log_level": "DEBUG" if args.verbose else "INFO"}}},
    }
    instance = DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else DagsterInstance.ephemeral()
    result = job.execute_in_process(run_config=run_config, instance=instance, raise_on_error=False)
    checks = result.get_asset_check_evaluations()
    failed = [c for c in checks if not c.passed and c.severity == AssetCheckSeverity.ERROR]
    warned = [c for c in checks if not c.passed and c.severity != AssetCheckSeverity.ERROR]
    elapsed = time.perf_counter() - t0
    for line in _what_changed(result):
        print(line)
    if settings.warehouse.exists():
        for line in _summary(settings.warehouse):
            print(line)
    print(f"checks:         {len(checks) - len(failed) - len(warned)} passed, {len(warned)} warned, "
          f"{len(failed)} failed")
    for c in warned:
        print(f"  WARN   {c.asset_key.to_user_string()} / {c.check_name}: {c.description or ''}")
    for c in failed:
        print(f"  FAILED {c.asset_key.to_user_string()} / {c.check_name}: {c.description or ''}")
    for docs in sorted({str(c.metadata["data_docs"].value) for c in checks if "data_docs" in c.metadata}):
        print(f"data docs:      {docs}")
    for ev in result.all_events:
        if ev.is_step_failure:
            print(f"  step failed: {ev.step_key}: {ev.event_specific_data.error.message.strip()}")  # type: ignore[union-attr]
    print(f"run {result.run_id} {'succeeded' if result.success and not failed else 'FAILED'} in {elapsed:.1f} s")
    return 0 if result.success and not failed else 1


def cmd_ui(args: argparse.Namespace) -> int:
    _apply_paths(args)
    home = Path(os.environ.get("DAGSTER_HOME") or PROJECT_ROOT / ".dagster_home")
    home.mkdir(parents=True, exist_ok=True)
    cfg = home / "dagster.yaml"
    if not cfg.exists():
        cfg.write_text((PROJECT_ROOT / "pipelines" / "dagster.yaml").read_text())
    settings = get_settings()  # pinned as absolute paths: the daemon's runs see the same folder and warehouse
    env = {**os.environ, "DAGSTER_HOME": str(home), ENV_SEEDS_DIR: str(settings.seeds_dir),
           ENV_WAREHOUSE: str(settings.warehouse)}
    cmd = [sys.executable, "-m", "dagster", "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(args.port)]
    print(f"Dagster UI on http://127.0.0.1:{args.port} (webserver + daemon; DAGSTER_HOME={home}); Ctrl-C stops it")
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
    _apply_paths(args)
    from healthwork.report import write_report

    settings = get_settings()
    if not settings.warehouse.exists():
        print(f"error: no warehouse at {settings.warehouse}: run `healthwork run` first", file=sys.stderr)
        return 2
    path = write_report(settings.warehouse, args.out)
    print(f"report written to {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
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

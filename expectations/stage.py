"""Run a stage's suites on what the run just wrote, record the results, build Data Docs. No Dagster.

    checked = check_and_quarantine(store, settings, "clean", run_id)  # validates the staging copy,
    record_results(store, run_id, CHECK_NAME, checked.results)       # sets row faults aside; dq.check_results

A suite's name is its table (``entities.funding``); the asset it checks is the same path
(``entities/funding``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import duckdb

from expectations import runner
from expectations.runner import SuiteResult
from expectations.suites import Check
from expectations.triage import Verdict, faults_by_key, judge
from expectations.suites import clean as clean_suite
from expectations.suites import entities as entities_suite
from expectations.suites import metrics as metrics_suite
from expectations.suites import raw as raw_suite
from healthwork.config import Settings
from healthwork.stages.quarantine import STAGES as QUARANTINE_STAGES
from healthwork.stages.quarantine import SetAside, set_aside
from healthwork.store import Warehouse, replace_rows

Loader = Callable[[duckdb.DuckDBPyConnection, Settings], list[Check]]
STAGES: dict[str, Loader] = {
    "raw": raw_suite.load,
    "clean": clean_suite.load,
    "entities": entities_suite.load,
    "metrics": metrics_suite.load,
}
DATA_DOCS = "data_docs"


def data_docs_dir(warehouse: Path) -> Path:
    """Data Docs live beside the warehouse file: ``<warehouse dir>/data_docs/``."""
    return warehouse.parent / DATA_DOCS


def asset_path(suite_name: str) -> str:
    """``entities.funding`` -> ``entities/funding`` (the asset key the suite checks)."""
    return suite_name.replace(".", "/")


def _validate(store: Warehouse, settings: Settings, stage: str, run_id: str | None,
              docs: bool) -> list[tuple[SuiteResult, Check]]:
    """Validate every suite of ``stage`` against the staging copy; rebuild Data Docs once."""
    with store.read_staging() as con:
        checks = STAGES[stage](con, settings)
    docs_dir = data_docs_dir(settings.warehouse) if docs else None
    results = [runner.validate(c.suite, c.frame, c.params, docs_dir=docs_dir, run_id=run_id) for c in checks]
    if docs_dir is not None:
        index, pages = runner.build_docs(docs_dir, run_id, [r.suite for r in results], settings.data_docs_runs)
        results = [dataclasses.replace(r, docs_index=index, docs_page=pages.get(r.suite)) for r in results]
    return list(zip(results, checks))


@dataclasses.dataclass(frozen=True)
class StageCheck:
    """A stage's suite results, what each means for the run, and the files set aside because of them."""

    results: list[SuiteResult]
    verdicts: list[Verdict]
    quarantined: list[tuple[str, str]]  # (source_file, reason) set aside by this check

    def verdict(self, suite: str) -> Verdict:
        return next(v for v in self.verdicts if v.suite == suite)

    @property
    def blocks(self) -> bool:
        return any(v.blocks for v in self.verdicts)


def check_and_quarantine(store: Warehouse, settings: Settings, stage: str, run_id: str | None = None,
                         docs: bool = True) -> StageCheck:
    """Validate ``stage``; set aside (in the staging copy) the articles that break a rule about one article.

    Nothing is set aside when a rule about the whole table blocks the run anyway (the staging copy is
    then not published, and the next run judges afresh)."""
    pairs = _validate(store, settings, stage, run_id, docs)
    verdicts = [judge(c, r) for r, c in pairs]
    quarantined: list[tuple[str, str]] = []
    faults = faults_by_key(verdicts)
    if faults and stage in QUARANTINE_STAGES and not any(v.blocks for v in verdicts):
        with store.write() as con:
            quarantined = set_aside(con, stage, [SetAside(f.key, f.reason, f.rule, f.detail)
                                                 for f in faults.values()])
    return StageCheck([r for r, _ in pairs], verdicts, quarantined)


def result_rows(run_id: str | None, check_name: str, results: Sequence[SuiteResult],
                when: dt.datetime | None = None) -> list[dict[str, object]]:
    """One dq.check_results row per expectation."""
    when = when or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = []
    for r in results:
        for o in r.outcomes:
            observed = {"error": o.error} if o.error else o.observed
            rows.append({
                "run_id": run_id or "adhoc", "asset": asset_path(r.suite), "check_name": check_name,
                "expectation": o.label, "success": o.success,
                "observed_value": json.dumps(observed, ensure_ascii=False, default=str),
                "unexpected_examples": json.dumps(list(o.examples), ensure_ascii=False, default=str),
                "checked_at": when,
            })
    return rows


def record_results(store: Warehouse, run_id: str | None, check_name: str, results: Sequence[SuiteResult]) -> int:
    """Write the results to dq.check_results (replacing this run's earlier rows for the same check)."""
    rows = result_rows(run_id, check_name, results)
    with store.write() as con:
        for asset in sorted({asset_path(r.suite) for r in results}):
            con.execute("DELETE FROM dq.check_results WHERE run_id = ? AND asset = ? AND check_name = ?",
                        [run_id or "adhoc", asset, check_name])
        replace_rows(con, "dq.check_results", rows, article_ids=[])
    return len(rows)

"""Run a stage's suites on what the run just wrote, record the results, build Data Docs. No Dagster.

    checked = check_and_quarantine(store, settings, "clean", run_id)  # validates the staging copy,
    record_results(store, run_id, CHECK_NAME, checked.results)       # sets row faults aside; dq.check_results

Checks cost what changed: each stage records the rows it (re)wrote in ``meta.unchecked``; the rules about
each row run in GX on those rows only (every row after a full rebuild, a code change or ``all_rows``),
the whole-table invariants (``Rule.sql``) run in DuckDB on every row, and a check with no row to look at
does not import GX. The rows stay in ``meta.unchecked`` until the check passes without blocking.

A suite's name is its table (``entities.funding``); the asset it checks is the same path
(``entities/funding``).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from expectations import runner
from expectations.rules import Rule, Suite
from expectations.runner import Outcome, SuiteResult
from expectations.suites import Check, Scope
from expectations.triage import Verdict, faults_by_key, judge
from expectations.suites import clean as clean_suite
from expectations.suites import entities as entities_suite
from expectations.suites import metrics as metrics_suite
from expectations.suites import raw as raw_suite
from healthwork.config import Settings
from healthwork.stages.common import STAGE_STATE, WHOLE_TABLE, record, stored
from healthwork.stages.quarantine import STAGES as QUARANTINE_STAGES
from healthwork.stages.quarantine import SetAside, set_aside
from healthwork.store import Warehouse, replace_rows

Loader = Callable[[duckdb.DuckDBPyConnection, Settings, Scope], list[Check]]
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


_EXPECTATIONS = Path(__file__).resolve().parent


def rules_version(stage: str) -> str:
    """A hash of the code that decides a stage's checks (its suite module, the rules, vocabularies, triage):
    when it changes, the next check looks at every row, so a new or stricter rule reaches the old rows."""
    h = hashlib.sha256()
    for f in (f"suites/{stage}.py", "suites/__init__.py", "rules.py", "vocab.py", "triage.py", "stage.py"):
        h.update((_EXPECTATIONS / f).read_bytes())
    return h.hexdigest()[:12]


def scope_of(con: duckdb.DuckDBPyConnection, stage: str) -> tuple[Scope, list[str]]:
    """(the keys of the rows the stage wrote since its check last passed, or None for every row; the
    ``meta.unchecked`` keys read, to clear once the check passed)."""
    keys = [k for (k,) in con.execute("SELECT key FROM meta.unchecked WHERE stage = ? ORDER BY key",
                                      [stage]).fetchall()]
    every = WHOLE_TABLE in keys or stored(con, STAGE_STATE, f"check:{stage}") != rules_version(stage)
    return (None if every else frozenset(keys)), keys


def mark_checked(con: duckdb.DuckDBPyConnection, stage: str, keys: Sequence[str]) -> None:
    """The check of ``stage`` passed (or set its faulty rows aside) on these rows, with these rules: the next
    looks elsewhere."""
    record(con, STAGE_STATE, f"check:{stage}", rules_version(stage))
    if not keys:
        return
    con.register("_checked", pd.DataFrame({"key": list(keys)}, dtype="object"))
    try:
        con.execute("DELETE FROM meta.unchecked WHERE stage = ? AND key IN (SELECT key FROM _checked)", [stage])
    finally:
        con.unregister("_checked")


def invariant_outcome(con: duckdb.DuckDBPyConnection, rule: Rule, params: Mapping[str, Any] | None,
                      table_rows: int) -> Outcome:
    """A whole-table invariant (``Rule.sql``) evaluated in DuckDB, with GX's kind of observed value."""
    assert rule.sql is not None
    k = rule.resolved(params)
    if rule.expectation == "ExpectTableRowCountToEqual":
        n = int(con.execute(rule.sql).fetchall()[0][0])
        return Outcome(rule, n == k["value"], n, (), rows_checked=table_rows)
    if rule.expectation == "ExpectColumnSumToBeBetween":
        total = float(con.execute(rule.sql).fetchall()[0][0] or 0)
        lo, hi = k.get("min_value"), k.get("max_value")
        ok = (lo is None or total >= lo) and (hi is None or total <= hi)
        return Outcome(rule, ok, total, (), rows_checked=table_rows)
    cur = con.execute(f"SELECT count(*) OVER () AS _n_failing, * FROM ({rule.sql}) LIMIT {runner.N_EXAMPLES}")
    rows = cur.fetchall()
    columns = [d[0] for d in cur.description][1:]
    n_bad = int(rows[0][0]) if rows else 0
    observed = {"element_count": table_rows, "unexpected_count": n_bad,
                "unexpected_percent": 100.0 * n_bad / table_rows if table_rows else None}
    examples = tuple(runner.jsonable(dict(zip(columns, r[1:]))) for r in rows)
    return Outcome(rule, n_bad == 0, observed, examples, rows_checked=table_rows)


ENV_GX_MIN_ROWS = "HEALTHWORK_GX_MIN_ROWS"


def gx_min_rows() -> int:
    """Rows in scope from which a stage's rules about rows run in GX (``HEALTHWORK_GX_MIN_ROWS``; 0, the default:
    always GX). Below it they are judged in process (``in_process_outcomes``): no GX import, no Data Docs page."""
    raw = os.environ.get(ENV_GX_MIN_ROWS, "")
    try:
        value = int(raw) if raw else 0
    except ValueError as exc:
        raise ValueError(f"{ENV_GX_MIN_ROWS} must be a whole number of rows, got {raw!r}") from exc
    return max(value, 0)


def in_process_outcomes(suite: Suite, frame: pd.DataFrame, params: Mapping[str, Any] | None) -> tuple[Outcome, ...]:
    """The suite's column-map rules judged value by value in Python (``Rule.failing_values``, GX's semantics),
    with GX's kind of observed value and the suite's ``show`` columns in the examples."""
    show = [c for c in suite.show if c in frame.columns]
    out = []
    for r in suite.rules:
        failing = r.failing_values(frame, params)
        rows = [i for i, bad in enumerate(failing) if bad]
        columns = [c for c in dict.fromkeys([r.column, *show]) if c in frame.columns]
        examples = tuple(runner.jsonable({c: frame[c].iloc[i] for c in columns}) for i in rows[:runner.N_EXAMPLES])
        observed = {"element_count": len(frame), "unexpected_count": len(rows),
                    "unexpected_percent": 100.0 * len(rows) / len(frame) if len(frame) else None}
        out.append(Outcome(r, not rows, observed, examples, rows_checked=len(frame)))
    return tuple(out)


def _unchecked_outcomes(suite: Suite) -> tuple[Outcome, ...]:
    """No row to look at: every rule about rows holds (as GX says of an empty frame), GX not imported."""
    return tuple(Outcome(r, True, {"element_count": 0, "unexpected_count": 0, "unexpected_percent": None}, (),
                         rows_checked=0) for r in suite.rules)


def evaluate(con: duckdb.DuckDBPyConnection, settings: Settings, stage: str, scope: Scope, *,
             docs_dir: Path | None = None, run_id: str | None = None,
             min_gx_rows: int | None = None) -> list[tuple[SuiteResult, Check]]:
    """Validate every suite of ``stage``: the rules about rows with GX on the rows in ``scope`` (every row
    when None; nothing, and no GX import, when no suite has a row in scope; in process when fewer rows than
    ``min_gx_rows``, default ``gx_min_rows()``), the invariants in DuckDB over the whole table. With
    ``docs_dir``, the Data Docs of what GX validated are rebuilt there."""
    if scope is not None:
        con.register("_scope", pd.DataFrame({"key": sorted(scope)}, dtype="object"))
    try:
        checks = STAGES[stage](con, settings, scope)
        invariants = {}
        for c in checks:
            n = int(con.execute(f"SELECT count(*) FROM {c.suite.name}").fetchall()[0][0])
            invariants[c.suite.name] = {r.label: invariant_outcome(con, r, c.params, n) for r in c.suite.invariants}
    finally:
        if scope is not None:
            con.unregister("_scope")
    results = []
    validated = []
    n_rows = sum(len(c.frame) for c in checks)
    in_process = (scope is not None and n_rows < (gx_min_rows() if min_gx_rows is None else min_gx_rows)
                  and all(r.judged_per_value for c in checks for r in c.suite.for_gx().rules))
    for c in checks:
        gx_suite = c.suite.for_gx()
        if scope is not None and c.frame.empty:
            by_label = {o.label: o for o in _unchecked_outcomes(gx_suite)}
        elif in_process:
            by_label = {o.label: o for o in in_process_outcomes(gx_suite, c.frame, c.params)}
        else:
            r = runner.validate(gx_suite, c.frame, c.params, docs_dir=docs_dir, run_id=run_id)
            by_label = {o.label: dataclasses.replace(o, rows_checked=len(c.frame)) for o in r.outcomes}
            validated.append((c.suite.name, r.docs_page))
        by_label.update(invariants[c.suite.name])
        results.append(SuiteResult(c.suite.name, tuple(by_label[rule.label] for rule in c.suite.rules),
                                    len(c.frame)))
    if docs_dir is not None and validated:
        names = [name for name, _ in validated]
        # with a GX worker the pages are written there while the run goes on (the run waits for them at its end)
        queued = runner.build_docs_soon(docs_dir, run_id, names, settings.data_docs_runs)
        index, pages = queued or runner.build_docs(docs_dir, run_id, names, settings.data_docs_runs)
        if queued is not None:
            pages = {name: page for name, page in validated if page}
        results = [dataclasses.replace(r, docs_index=index, docs_page=pages.get(r.suite)) for r in results]
    return list(zip(results, checks))


@dataclasses.dataclass(frozen=True)
class StageCheck:
    """A stage's suite results, what each means for the run, and the files set aside because of them."""

    results: list[SuiteResult]
    verdicts: list[Verdict]
    quarantined: list[tuple[str, str]]  # (source_file, reason) set aside by this check
    every_row: bool = True  # the rules about rows looked at every row (else: the rows written since the last pass)

    def verdict(self, suite: str) -> Verdict:
        return next(v for v in self.verdicts if v.suite == suite)

    @property
    def blocks(self) -> bool:
        return any(v.blocks for v in self.verdicts)


def check_and_quarantine(store: Warehouse, settings: Settings, stage: str, run_id: str | None = None,
                         docs: bool = True, all_rows: bool = False) -> StageCheck:
    """Validate ``stage`` on the rows it wrote since its check last passed (every row with ``all_rows``);
    set aside (in the staging copy) the articles that break a rule about one article.

    Nothing is set aside when a rule about the whole table blocks the run anyway (the staging copy is
    then not published, and the next run judges afresh: the rows stay in ``meta.unchecked``)."""
    docs_dir = data_docs_dir(settings.warehouse) if docs else None
    with store.read_staging() as con:
        scope, keys = scope_of(con, stage)
        pairs = evaluate(con, settings, stage, None if all_rows else scope, docs_dir=docs_dir, run_id=run_id)
    verdicts = [judge(c, r) for r, c in pairs]
    quarantined: list[tuple[str, str]] = []
    faults = faults_by_key(verdicts)
    blocks = any(v.blocks for v in verdicts)
    if not blocks:
        with store.write() as con:
            if faults and stage in QUARANTINE_STAGES:
                quarantined = set_aside(con, stage, [SetAside(f.key, f.reason, f.rule, f.detail)
                                                     for f in faults.values()])
            mark_checked(con, stage, keys)
    return StageCheck([r for r, _ in pairs], verdicts, quarantined, scope is None or all_rows)


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
                "rows_checked": o.rows_checked if o.rows_checked is not None else r.n_rows,
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

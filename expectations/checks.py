"""Asset checks: each stage's Great Expectations suites, blocking, on the asset they validate.

Thin wrappers: read the staging copy, validate (``expectations.stage``), record every expectation
in ``dq.check_results``, turn the result into an ``AssetCheckResult``. A failed *blocking* rule
gives severity ERROR, so Dagster skips everything downstream in that run, ``warehouse/published``
included: bad data is never published. A failed rule about one article (``expectations.triage``)
sets that article aside in ``dq.quarantine`` and gives WARN, as does a warning-only rule: the run
goes on with the other articles.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    AssetKey,
    ConfigurableResource,
    InitResourceContext,
    MetadataValue,
    asset_check,
    multi_asset_check,
)

from expectations import runner
from expectations.runner import SuiteResult
from expectations.stage import StageCheck, check_and_quarantine, data_docs_dir, record_results
from expectations.triage import Verdict
from healthwork.config import Settings
from resources.keys import CLEAN_ARTICLES, ENTITY_KEYS, PROGRAMME_FUNDING, RAW_FILES
from resources.warehouse import WarehouseResource

CHECK_NAME = "gx_expectations"


class GxWorkerResource(ConfigurableResource):
    """The process the checks validate in (``expectations.runner.start_worker``): set up when a run starts
    (the in-process executor sets resources up once per run, before the first step), so GX is imported on
    the other core while the raw stage runs; at the end of the run it waits for the Data Docs it writes."""

    def setup_for_execution(self, context: InitResourceContext) -> None:
        runner.start_worker()  # a no-op when `healthwork run` started it already

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        runner.wait_for_docs()


def _run(context: AssetCheckExecutionContext, warehouse: WarehouseResource, stage: str) -> StageCheck:
    store = warehouse.store()
    checked = check_and_quarantine(store, warehouse.settings(), stage, context.run.run_id)
    n = record_results(store, context.run.run_id, CHECK_NAME, checked.results)
    context.log.info(f"{stage}: {n} expectations recorded in dq.check_results")
    for name, reason in checked.quarantined:
        context.log.warning(f"{stage}: quarantined {name}: {reason}")
    return checked


def _results(checked: StageCheck, settings: Settings) -> list[AssetCheckResult]:
    return [_result(r, checked.verdict(r.suite), checked.quarantined, settings, checked.every_row)
            for r in checked.results]


def _rows_looked_at(r: SuiteResult, every_row: bool) -> str:
    """``on 3 changed rows (invariants on all 10,000)``: what the check looked at."""
    table = max((o.rows_checked or 0 for o in r.outcomes if o.rule.sql is not None), default=r.n_rows)
    rows = f"{r.n_rows:,} rows" if every_row else f"{r.n_rows:,} new or changed rows"
    return rows if every_row else f"{rows} (whole-table invariants on all {table:,})"


def _result(r: SuiteResult, verdict: Verdict, quarantined: list[tuple[str, str]],
            settings: Settings, every_row: bool = True) -> AssetCheckResult:
    failed = r.failed
    if failed:
        description = f"{len(failed)} of {len(r.outcomes)} expectations failed: " + ", ".join(o.label for o in failed)
    else:
        description = f"all {len(r.outcomes)} expectations passed on {_rows_looked_at(r, every_row)}"
    if verdict.faults:
        description += f"; {len(verdict.quarantined_keys)} article(s) quarantined, the rest go on"
    if verdict.broken:
        description += f"; too many articles fail {', '.join(verdict.broken)}: the stage is broken"
    rows = ["| expectation | blocking | observed | unexpected examples |", "|---|---|---|---|"]
    for o in failed:
        kind = "yes" if o.rule.label in verdict.blocking else "quarantine" if o.rule.scope == "row" and o.rule.blocking \
            else "warn"
        cells = [o.label, kind, json.dumps(o.observed if not o.error else o.error),
                 json.dumps(list(o.examples[:3]), ensure_ascii=False)]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ")[:300] for c in cells) + " |")
    metadata = {
        "suite": MetadataValue.text(r.suite),
        "blocking_failed": MetadataValue.int(len(r.blocking_failed)),
        "rows_checked": MetadataValue.int(r.n_rows),  # rows the rules about rows looked at
        "scope": MetadataValue.text("every row" if every_row else "rows written since the last passed check"),
        "rows_checked_by_expectation": MetadataValue.json(
            {o.label: o.rows_checked if o.rows_checked is not None else r.n_rows for o in r.outcomes}),
        "expectations": MetadataValue.int(len(r.outcomes)),
        "failed": MetadataValue.int(len(failed)),
        "failed_expectations": MetadataValue.md("\n".join(rows) if failed else "_none_"),
        "unexpected_examples": MetadataValue.json({o.label: list(o.examples) for o in failed}),
        "quarantined": MetadataValue.int(len(verdict.quarantined_keys)),  # articles this suite set aside
        "quarantined_at_stage": MetadataValue.json([{"file": f, "reason": why} for f, why in quarantined]),
    }
    if r.docs_index:
        metadata["data_docs"] = MetadataValue.path(r.docs_index)
    if r.docs_page:
        # served over http by `healthwork ui` (a browser does not open file:// links from the UI's page)
        docs_root = data_docs_dir(settings.warehouse)
        relative = Path(r.docs_page).relative_to(docs_root).as_posix()
        metadata["data_docs_page"] = MetadataValue.url(f"http://127.0.0.1:{settings.docs_port}/{quote(relative)}")
        metadata["data_docs_file"] = MetadataValue.path(r.docs_page)
    return AssetCheckResult(
        asset_key=AssetKey(r.suite.split(".")), check_name=CHECK_NAME, passed=r.success,
        severity=AssetCheckSeverity.ERROR if verdict.blocks else AssetCheckSeverity.WARN,
        description=description, metadata=metadata,
    )


@asset_check(asset=RAW_FILES, name=CHECK_NAME, blocking=True,
             description="raw suite: every file decoded, non-empty, within the size limit, sha256 unique per content")
def raw_files_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource,
                           gx_worker: GxWorkerResource) -> AssetCheckResult:
    (r,) = _results(_run(context, warehouse, "raw"), warehouse.settings())
    return r


@asset_check(asset=CLEAN_ARTICLES, name=CHECK_NAME, blocking=True,
             description="clean suite: one row per article file, real body, no boilerplate left, valid dates/urls")
def clean_articles_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource,
                           gx_worker: GxWorkerResource) -> AssetCheckResult:
    (r,) = _results(_run(context, warehouse, "clean"), warehouse.settings())
    return r


@multi_asset_check(
    specs=[AssetCheckSpec(CHECK_NAME, asset=key, blocking=True,
                          description=f"entities suite for {key.to_user_string()}: spans inside the body and "
                                      "equal to the text, parsed and well-formed values")
           for key in ENTITY_KEYS.values()],
)
def entity_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource,
                        gx_worker: GxWorkerResource) -> Iterator[AssetCheckResult]:
    yield from _results(_run(context, warehouse, "entities"), warehouse.settings())


@asset_check(asset=PROGRAMME_FUNDING, name=CHECK_NAME, blocking=True,
             description="metrics suite: every eligible funding row is in one commitment, no duplicate commitments, "
                         "shares point at larger commitments")
def programme_funding_expectations(context: AssetCheckExecutionContext,
                                   warehouse: WarehouseResource,
                           gx_worker: GxWorkerResource) -> AssetCheckResult:
    (r,) = _results(_run(context, warehouse, "metrics"), warehouse.settings())
    return r

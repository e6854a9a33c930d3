"""Asset checks: each stage's Great Expectations suites, blocking, on the asset they validate.

Thin wrappers: read the staging copy, validate (``expectations.stage``), record every expectation
in ``dq.check_results``, turn the result into an ``AssetCheckResult``. A failed *blocking* rule
gives severity ERROR, so Dagster skips everything downstream in that run, ``warehouse/published``
included: bad data is never published. A failed warning-only rule gives WARN (the run goes on).
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
    MetadataValue,
    asset_check,
    multi_asset_check,
)

from expectations.runner import SuiteResult
from expectations.stage import check_stage, data_docs_dir, record_results
from healthwork.config import Settings
from resources.keys import CLEAN_ARTICLES, ENTITY_KEYS, PROGRAMME_FUNDING, RAW_FILES
from resources.warehouse import WarehouseResource

CHECK_NAME = "gx_expectations"


def _run(context: AssetCheckExecutionContext, warehouse: WarehouseResource, stage: str) -> list[SuiteResult]:
    store = warehouse.store()
    results = check_stage(store, warehouse.settings(), stage, context.run.run_id)
    n = record_results(store, context.run.run_id, CHECK_NAME, results)
    context.log.info(f"{stage}: {n} expectations recorded in dq.check_results")
    return results


def _result(r: SuiteResult, settings: Settings) -> AssetCheckResult:
    failed = r.failed
    if failed:
        description = f"{len(failed)} of {len(r.outcomes)} expectations failed: " + ", ".join(o.label for o in failed)
    else:
        description = f"all {len(r.outcomes)} expectations passed on {r.n_rows} rows"
    rows = ["| expectation | blocking | observed | unexpected examples |", "|---|---|---|---|"]
    for o in failed:
        cells = [o.label, "yes" if o.rule.blocking else "warn", json.dumps(o.observed if not o.error else o.error),
                 json.dumps(list(o.examples[:3]), ensure_ascii=False)]
        rows.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ")[:300] for c in cells) + " |")
    metadata = {
        "suite": MetadataValue.text(r.suite),
        "blocking_failed": MetadataValue.int(len(r.blocking_failed)),
        "rows_checked": MetadataValue.int(r.n_rows),
        "expectations": MetadataValue.int(len(r.outcomes)),
        "failed": MetadataValue.int(len(failed)),
        "failed_expectations": MetadataValue.md("\n".join(rows) if failed else "_none_"),
        "unexpected_examples": MetadataValue.json({o.label: list(o.examples) for o in failed}),
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
        severity=AssetCheckSeverity.ERROR if r.blocking_failed else AssetCheckSeverity.WARN,
        description=description, metadata=metadata,
    )


@asset_check(asset=RAW_FILES, name=CHECK_NAME, blocking=True,
             description="raw suite: every file decoded, non-empty, within the size limit, sha256 unique per content")
def raw_files_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    (r,) = _run(context, warehouse, "raw")
    return _result(r, warehouse.settings())


@asset_check(asset=CLEAN_ARTICLES, name=CHECK_NAME, blocking=True,
             description="clean suite: one row per article file, real body, no boilerplate left, valid dates/urls")
def clean_articles_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> AssetCheckResult:
    (r,) = _run(context, warehouse, "clean")
    return _result(r, warehouse.settings())


@multi_asset_check(
    specs=[AssetCheckSpec(CHECK_NAME, asset=key, blocking=True,
                          description=f"entities suite for {key.to_user_string()}: spans inside the body and "
                                      "equal to the text, parsed and well-formed values")
           for key in ENTITY_KEYS.values()],
)
def entity_expectations(context: AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[AssetCheckResult]:
    for r in _run(context, warehouse, "entities"):
        yield _result(r, warehouse.settings())


@asset_check(asset=PROGRAMME_FUNDING, name=CHECK_NAME, blocking=True,
             description="metrics suite: totals reconcile with entities.funding, no duplicate commitments")
def programme_funding_expectations(context: AssetCheckExecutionContext,
                                   warehouse: WarehouseResource) -> AssetCheckResult:
    (r,) = _run(context, warehouse, "metrics")
    return _result(r, warehouse.settings())

"""The checks inside the real job: seeds pass everything; a blocking failure stops the run before publishing."""
from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pytest
from dagster import AssetKey, DagsterInstance, ExecuteInProcessResult

from expectations.checks import CHECK_NAME
from expectations.stage import data_docs_dir
from expectations.suites import clean as clean_suite
from expectations.suites import entities as entity_suites
from expectations.suites import metrics as metrics_suite
from expectations.suites import raw as raw_suite
from healthwork import stages
from healthwork.store import Warehouse, connect_published

from tests.conftest import SEEDS  # noqa: E402
PUBLISHED = AssetKey(["warehouse", "published"])
N_RULES = {s.name.replace(".", "/"): len(s.rules)
           for s in (raw_suite.SUITE, clean_suite.SUITE, metrics_suite.SUITE, *entity_suites.SUITES.values())}


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    warehouse = tmp_path / "wh" / "healthwork.duckdb"
    monkeypatch.setenv("HEALTHWORK_SEEDS_DIR", str(seeds))
    monkeypatch.setenv("HEALTHWORK_WAREHOUSE", str(warehouse))
    return warehouse


def run_job() -> ExecuteInProcessResult:
    from pipelines.definitions import defs

    return defs.resolve_job_def("healthwork_job").execute_in_process(
        instance=DagsterInstance.ephemeral(), raise_on_error=False)


def materialized(result: ExecuteInProcessResult) -> set[AssetKey]:
    return {e.asset_key for e in result.get_asset_materialization_events() if e.asset_key}


def test_seeds_pass_every_check_end_to_end(seeds_build: tuple[ExecuteInProcessResult, Path, Path]) -> None:
    """The shared seeds run (tests/conftest.py: the real job over a copy of the seeds, tmp warehouse)."""
    result, paths, _ = seeds_build
    evals = result.get_asset_check_evaluations()
    assert result.success
    assert {e.asset_key.to_user_string() for e in evals} == set(N_RULES)  # every stage's suite ran
    assert [(e.asset_key.to_user_string(), e.description) for e in evals if not e.passed] == []
    assert PUBLISHED in materialized(result)
    con = connect_published(paths)
    try:
        rows = con.execute("SELECT asset, count(*), count(*) FILTER (WHERE success) FROM dq.check_results "
                           "WHERE run_id = ? AND check_name = ? GROUP BY asset", [result.run_id, CHECK_NAME]).fetchall()
    finally:
        con.close()
    assert {a: (n, ok) for a, n, ok in rows} == {a: (n, n) for a, n in N_RULES.items()}
    index = data_docs_dir(paths) / "index.html"
    assert index.is_file()
    docs = {str(e.metadata["data_docs"].value) for e in evals}
    assert docs == {str(index)}
    pages = [Path(str(e.metadata["data_docs_file"].value)) for e in evals]
    assert all(p.is_file() for p in pages) and len(set(pages)) == len(N_RULES)
    # the UI links each page over http (served by `healthwork ui`), never as a file:// URL
    for e, page in zip(evals, pages):
        url = str(e.metadata["data_docs_page"].value)
        assert url == f"http://127.0.0.1:3001/{page.relative_to(data_docs_dir(paths)).as_posix()}"


# ---------------------------------------------------------------- blocking failures stop the run

def _first(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    return con.execute(sql).fetchone()[0]


def _spoil_raw(con: duckdb.DuckDBPyConnection) -> None:  # a file "decoded" to nothing
    name = _first(con, "SELECT min(source_file) FROM raw.files WHERE status = 'article'")
    con.execute("UPDATE raw.files SET text = '   ' WHERE source_file = ?", [name])


def _spoil_clean(con: duckdb.DuckDBPyConnection) -> None:  # a 1899 date and a boilerplate line left in a body
    aid = _first(con, "SELECT min(article_id) FROM clean.articles")
    con.execute("UPDATE clean.articles SET published_date = DATE '1899-06-01', "
                "body = body || chr(10) || 'Sign up to our newsletter' WHERE article_id = ?", [aid])


def _spoil_entities(con: duckdb.DuckDBPyConnection) -> None:  # an amount not parsed from raw_text; a span outside the body
    con.execute("UPDATE entities.funding SET amount = amount * 10 "
                "WHERE article_id = (SELECT min(article_id) FROM entities.funding)")
    con.execute("""UPDATE entities.programme_mentions SET span_start = span_start + 100000, span_end = span_end + 100000
                   WHERE article_id = (SELECT min(article_id) FROM entities.programme_mentions)""")


CASES: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection], None], dict[str, set[str]], set[AssetKey]]] = {
    "raw": ("run_raw", _spoil_raw,
            {"raw/files": {"expect_column_values_to_be_in_set(non_empty)"}},
            {AssetKey(["clean", "articles"])}),
    "clean": ("run_clean", _spoil_clean,
              {"clean/articles": {"expect_column_values_to_be_between(published_date)",
                                  "expect_column_values_to_be_null(boilerplate_line)",
                                  "expect_column_values_to_be_null(boilerplate_article)"}},
              {AssetKey(["entities", "funding"])}),
    "entities": ("run_entities", _spoil_entities,
                 {"entities/funding": {"expect_column_values_to_be_in_set(reparsed_amount_equal)"},
                  "entities/programme_mentions": {"expect_column_values_to_be_in_set(span_in_body)",
                                                  "expect_column_values_to_be_in_set(span_matches_text)"}},
                 {AssetKey(["metrics", "programme_funding"])}),
}


def test_every_stage_check_is_blocking() -> None:
    """The metrics check is not run end to end here (a near-full run): its wiring is checked instead."""
    from dagster import load_asset_checks_from_modules

    import expectations.checks

    specs = [s for cd in load_asset_checks_from_modules([expectations.checks]) for s in cd.check_specs]
    assert {s.asset_key.to_user_string() for s in specs} == set(N_RULES)
    assert all(s.blocking for s in specs)


def _holders(fn: Callable[..., Any]) -> list[ModuleType]:
    """The stages package and the asset modules that hold ``fn`` under its name."""
    import assets.clean
    import assets.entities
    import assets.metrics
    import assets.raw

    return [m for m in (stages, assets.raw, assets.clean, assets.entities, assets.metrics)
            if getattr(m, fn.__name__, None) is fn]


@pytest.mark.parametrize("stage", list(CASES))
def test_blocking_failure_stops_downstream_and_is_recorded(stage: str, paths: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    fn_name, spoil, expected, downstream = CASES[stage]
    real = getattr(stages, fn_name)
    assert _holders(real), f"no asset module calls {fn_name}"

    def bad_stage(con: duckdb.DuckDBPyConnection, *args: Any, **kwargs: Any) -> Any:
        out = real(con, *args, **kwargs)
        spoil(con)
        return out

    for module in _holders(real):  # wherever the asset looks the stage function up
        monkeypatch.setattr(module, fn_name, bad_stage)
    result = run_job()

    failed = {e.asset_key.to_user_string(): e for e in result.get_asset_check_evaluations() if not e.passed}
    assert set(failed) == set(expected)
    for asset, labels in expected.items():
        assert failed[asset].metadata["failed"].value == len(labels)
        assert set(failed[asset].metadata["unexpected_examples"].value) == labels
    done = materialized(result)
    assert not result.success
    assert PUBLISHED not in done and not (downstream & done)  # nothing downstream ran in this run
    assert not paths.exists()  # bad data never published

    with Warehouse(paths).read_staging() as con:  # the run's results are in the staging copy
        rows = con.execute("SELECT asset, expectation, unexpected_examples FROM dq.check_results "
                           "WHERE run_id = ? AND NOT success", [result.run_id]).fetchall()
    assert {(a, e) for a, e, _ in rows} == {(a, e) for a, labels in expected.items() for e in labels}
    assert all(json.loads(x) for _, e, x in rows if not e.startswith(("expect_table", "expect_column_sum")))

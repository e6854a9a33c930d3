"""The checks inside the real job: seeds pass everything; a row fault quarantines its article and the rest
is published; a table fault stops the run before publishing."""
from __future__ import annotations

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


# ---------------------------------------------------------------- row faults quarantine, table faults block

def _first(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    return con.execute(sql).fetchone()[0]


FIRST_ARTICLE = "SELECT min(source_file) FROM raw.files WHERE status = 'article'"


def _spoil_raw(con: duckdb.DuckDBPyConnection) -> None:  # a file "decoded" to nothing
    con.execute(f"UPDATE raw.files SET text = '   ' WHERE source_file = ({FIRST_ARTICLE})")


def _spoil_clean(con: duckdb.DuckDBPyConnection) -> None:  # an 1899 date in one article
    con.execute(f"UPDATE clean.articles SET published_date = DATE '1899-06-01' WHERE source_file = ({FIRST_ARTICLE})")


def _spoil_entities(con: duckdb.DuckDBPyConnection) -> None:  # an amount not parsed from raw_text, in one article
    con.execute("UPDATE entities.funding SET amount = amount * 10 "
                "WHERE article_id = (SELECT min(article_id) FROM entities.funding)")


def _break_raw(con: duckdb.DuckDBPyConnection) -> None:  # an article id not derived from the file's bytes
    con.execute(f"UPDATE raw.files SET article_id = '0000000000000000' WHERE source_file = ({FIRST_ARTICLE})")


def _break_clean(con: duckdb.DuckDBPyConnection) -> None:  # one article twice
    con.execute("INSERT INTO clean.articles SELECT * FROM clean.articles "
                "WHERE article_id = (SELECT min(article_id) FROM clean.articles)")


def _break_entities(con: duckdb.DuckDBPyConnection) -> None:  # entity rows of an article that does not exist
    con.execute("UPDATE entities.programme_mentions SET article_id = 'no-such-article' "
                "WHERE article_id = (SELECT min(article_id) FROM entities.programme_mentions)")


# stage -> (stage function, spoil, asset, failed rule, dq.quarantine reason)
ROW_FAULTS: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection], None], str, str, str]] = {
    "raw": ("run_raw", _spoil_raw, "raw/files", "expect_column_values_to_be_in_set(non_empty)", "non_empty"),
    "clean": ("run_clean", _spoil_clean, "clean/articles", "expect_column_values_to_be_between(published_date)",
              "published_date_out_of_range"),
    "entities": ("run_entities", _spoil_entities, "entities/funding",
                 "expect_column_values_to_be_in_set(reparsed_amount_equal)", "reparsed_amount_equal"),
}
TABLE_FAULTS: dict[str, tuple[str, Callable[[duckdb.DuckDBPyConnection], None], dict[str, set[str]], set[AssetKey]]] = {
    "raw": ("run_raw", _break_raw, {"raw/files": {"expect_column_values_to_be_in_set(article_id_from_content)"}},
            {AssetKey(["clean", "articles"])}),
    "clean": ("run_clean", _break_clean, {"clean/articles": {"expect_table_row_count_to_equal",
                                                             "expect_column_values_to_be_unique(article_id)",
                                                             "expect_column_values_to_be_unique(source_file)"}},
              {AssetKey(["entities", "funding"])}),
    "entities": ("run_entities", _break_entities,
                 {"entities/programme_mentions": {"expect_column_values_to_be_in_set(article_exists)",
                                                  "expect_column_values_to_be_in_set(span_in_body)",
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


def _spoil_stage(monkeypatch: pytest.MonkeyPatch, fn_name: str,
                 spoil: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
    real = getattr(stages, fn_name)
    assert _holders(real), f"no asset module calls {fn_name}"

    def bad_stage(con: duckdb.DuckDBPyConnection, *args: Any, **kwargs: Any) -> Any:
        out = real(con, *args, **kwargs)
        spoil(con)
        return out

    for module in _holders(real):  # wherever the asset looks the stage function up
        monkeypatch.setattr(module, fn_name, bad_stage)


@pytest.mark.parametrize("stage", list(ROW_FAULTS))
def test_a_row_fault_quarantines_the_article_and_the_rest_is_published(stage: str, paths: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    fn_name, spoil, asset, rule, reason = ROW_FAULTS[stage]
    _spoil_stage(monkeypatch, fn_name, spoil)
    result = run_job()

    assert result.success
    assert PUBLISHED in materialized(result)
    failed = {e.asset_key.to_user_string(): e for e in result.get_asset_check_evaluations() if not e.passed}
    assert set(failed) == {asset}
    assert failed[asset].severity.value == "WARN"
    assert set(failed[asset].metadata["unexpected_examples"].value) == {rule}
    assert failed[asset].metadata["quarantined"].value == 1
    con = connect_published(paths)
    try:
        q = con.execute("SELECT source_file, stage, reason, rule FROM dq.quarantine WHERE rule IS NOT NULL").fetchall()
        assert len(q) == 1 and q[0][1:] == (stage, reason, rule)
        name = q[0][0]
        n_articles = _first(con, "SELECT count(*) FROM clean.articles")
        if stage == "entities":  # the article stays, its entities are gone
            assert _first(con, "SELECT count(*) FROM entities.funding f JOIN clean.articles a USING (article_id) "
                               f"WHERE a.source_file = '{name}'") == 0
            assert n_articles == 5
        else:  # the article is gone from clean and entities, the four others are published
            assert _first(con, f"SELECT count(*) FROM clean.articles WHERE source_file = '{name}'") == 0
            assert n_articles == 4
        assert _first(con, "SELECT count(*) FROM entities.quotes") > 0
    finally:
        con.close()


@pytest.mark.parametrize("stage", list(TABLE_FAULTS))
def test_a_table_fault_blocks_downstream_and_is_recorded(stage: str, paths: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    fn_name, spoil, expected, downstream = TABLE_FAULTS[stage]
    _spoil_stage(monkeypatch, fn_name, spoil)
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
        rows = con.execute("SELECT asset, expectation FROM dq.check_results "
                           "WHERE run_id = ? AND NOT success", [result.run_id]).fetchall()
        assert _first(con, "SELECT count(*) FROM dq.quarantine WHERE rule IS NOT NULL") == 0  # none set aside
    assert set(rows) == {(a, e) for a, labels in expected.items() for e in labels}

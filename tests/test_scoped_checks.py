"""Checks scoped to what changed (expectations/stage.py): the rules about rows look at the rows a stage wrote
since its check last passed, the whole-table invariants run in DuckDB on every row, and both ways give the
same failures as validating every row in GX, on a warehouse seeded with faults."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from expectations import runner
from expectations.stage import STAGES, check_and_quarantine, evaluate, scope_of
from expectations.suites import raw as raw_suite
from expectations.triage import judge
from healthwork import stages
from healthwork.config import Settings, get_settings
from healthwork.ingest import article_id_for
from healthwork.stages.common import mark_unchecked
from healthwork.stages.metrics import run_duplicates
from healthwork.store import Warehouse
from tests.conftest import SEEDS


def _build(tmp_path: Path) -> tuple[Warehouse, Settings]:
    """The bundled test seeds through every stage (no Dagster), each stage's check passed once."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    settings = get_settings(str(tmp_path / "wh" / "healthwork.duckdb"), str(seeds))
    store = Warehouse(settings.warehouse)
    with store.write() as con:
        stages.run_raw(con, settings)
        stages.run_clean(con)
        stages.run_entities(con)
        run_duplicates(con)
        stages.run_metrics(con)
    for stage in STAGES:
        checked = check_and_quarantine(store, settings, stage, docs=False)
        assert not [r.failed for r in checked.results if r.failed], stage
    return store, settings


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    return con.execute(sql).fetchone()[0]


def _seed_faults(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Faults of every kind, each marked unchecked by the stage that "wrote" it (as a stage marks its rows)."""
    ids = [a for (a,) in con.execute("SELECT article_id FROM clean.articles ORDER BY article_id").fetchall()]
    funded = _one(con, "SELECT min(article_id) FROM entities.funding")
    named = _one(con, f"SELECT min(article_id) FROM entities.person_mentions WHERE article_id <> '{funded}'")
    dated, twice = [a for a in ids if a not in (funded, named)][:2]
    empty_file = _one(con, f"SELECT source_file FROM raw.files WHERE article_id = '{ids[-1]}'")
    con.execute(f"UPDATE clean.articles SET published_date = DATE '1899-06-01' WHERE article_id = '{dated}'")
    con.execute(f"INSERT INTO clean.articles SELECT * FROM clean.articles WHERE article_id = '{twice}'")
    mark_unchecked(con, "clean", [dated, twice])
    con.execute("UPDATE entities.person_mentions SET span_end = 1000000 WHERE article_id = ? AND span_start = "
                "(SELECT min(span_start) FROM entities.person_mentions WHERE article_id = ?)", [named, named])
    con.execute(f"UPDATE entities.funding SET amount = -5 WHERE article_id = '{funded}'")
    mark_unchecked(con, "entities", [named, funded])
    con.execute(f"UPDATE raw.files SET text = '  ' WHERE source_file = '{empty_file}'")
    mark_unchecked(con, "raw", [empty_file])
    return {"dated": dated, "twice": twice, "named": named, "funded": funded, "empty_file": empty_file}


def _failures(con: duckdb.DuckDBPyConnection, settings: Settings, stage: str, scoped: bool):
    scope = scope_of(con, stage)[0] if scoped else None
    pairs = evaluate(con, settings, stage, scope)
    verdicts = [judge(c, r) for r, c in pairs]
    failed = {r.suite: sorted(o.label for o in r.failed) for r, _ in pairs if r.failed}
    return failed, {v.suite: (v.blocking, v.quarantined_keys) for v in verdicts}, pairs


def test_scoped_and_full_checks_find_the_same_faults(tmp_path: Path) -> None:
    store, settings = _build(tmp_path)
    with store.write() as con:
        k = _seed_faults(con)
    with store.read_staging() as con:
        for stage in ("raw", "clean", "entities"):  # metrics: below (a changed input recomputes every row)
            scoped, scoped_verdicts, pairs = _failures(con, settings, stage, scoped=True)
            full, full_verdicts, full_pairs = _failures(con, settings, stage, scoped=False)
            assert scoped == full, stage
            assert scoped_verdicts == full_verdicts, stage
            # validating every row in GX with every rule (as before the invariants moved to SQL) agrees
            whole = {c.suite.name: sorted(o.label for o in runner.validate(c.suite, c.frame, c.params).failed)
                     for _, c in full_pairs}
            assert {s: f for s, f in whole.items() if f} == full, stage
            # the rules about rows looked at the marked rows only
            assert sum(r.n_rows for r, _ in pairs) < sum(r.n_rows for r, _ in full_pairs), stage
            if stage == "raw":
                assert scoped == {"raw.files": ["expect_column_values_to_be_in_set(non_empty)"]}
                assert scoped_verdicts["raw.files"] == ((), [k["empty_file"]])
                assert [r.n_rows for r, _ in pairs] == [1]
            if stage == "clean":
                assert scoped == {"clean.articles": ["expect_column_values_to_be_between(published_date)",
                                                     "expect_column_values_to_be_unique(article_id)",
                                                     "expect_column_values_to_be_unique(source_file)",
                                                     "expect_table_row_count_to_equal"]}
            if stage == "entities":
                assert scoped["entities.person_mentions"] == ["expect_column_values_to_be_in_set(span_in_body)",
                                                              "expect_column_values_to_be_in_set(span_matches_text)"]
                assert scoped["entities.funding"] == ["expect_column_values_to_be_between(amount)",
                                                      "expect_column_values_to_be_in_set(reparsed_amount_equal)"]
                assert scoped_verdicts["entities.funding"] == ((), [k["funded"]])
                assert scoped_verdicts["entities.person_mentions"] == ((), [k["named"]])


def test_an_invariant_finds_a_fault_in_rows_no_stage_marked(tmp_path: Path) -> None:
    """A copied commitment no stage recorded as written: the metrics rules about rows look at no row,
    the whole-table invariants still fail, as a full check does."""
    store, settings = _build(tmp_path)
    with store.write() as con:
        con.execute("INSERT INTO metrics.programme_funding SELECT * FROM metrics.programme_funding LIMIT 1")
    with store.read_staging() as con:
        scoped, scoped_verdicts, pairs = _failures(con, settings, "metrics", scoped=True)
        full, full_verdicts, _ = _failures(con, settings, "metrics", scoped=False)
    assert [r.n_rows for r, _ in pairs] == [0]
    assert scoped == full == {"metrics.programme_funding": ["expect_column_sum_to_be_between(n_mentions)",
                                                            "expect_column_values_to_be_unique(commitment_id)",
                                                            "expect_table_row_count_to_equal"]}
    assert scoped_verdicts == full_verdicts
    assert scoped_verdicts["metrics.programme_funding"][0]  # it blocks


def test_a_check_with_no_row_to_look_at_does_not_import_gx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store, settings = _build(tmp_path)  # every check passed once: nothing left unchecked

    def no_gx() -> None:
        raise AssertionError("GX imported by a check with no row to look at")

    monkeypatch.setattr(runner, "_gx", no_gx)
    for stage in STAGES:
        checked = check_and_quarantine(store, settings, stage, docs=False)
        assert not checked.every_row and not checked.blocks
        for r in checked.results:
            assert r.success and r.n_rows == 0
            for o in r.outcomes:  # the invariants looked at the whole table, the rules about rows at nothing
                assert o.rows_checked == (0 if o.rule.sql is None else _count(store, r.suite)), (r.suite, o.label)


def _count(store: Warehouse, table: str) -> int:
    with store.read_staging() as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_row_fault_is_quarantined_and_a_blocked_check_looks_again(tmp_path: Path) -> None:
    store, settings = _build(tmp_path)
    with store.write() as con:
        dated = _one(con, "SELECT min(article_id) FROM clean.articles")
        con.execute(f"UPDATE clean.articles SET published_date = DATE '1899-06-01' WHERE article_id = '{dated}'")
        mark_unchecked(con, "clean", [dated])
    checked = check_and_quarantine(store, settings, "clean", docs=False)
    assert not checked.blocks and [r.n_rows for r in checked.results] == [1]
    assert checked.verdict("clean.articles").quarantined_keys == [dated]
    with store.read_staging() as con:
        assert con.execute("SELECT count(*) FROM meta.unchecked WHERE stage = 'clean'").fetchone()[0] == 0
        assert con.execute("SELECT reason FROM dq.quarantine WHERE stage = 'clean'").fetchall() == [
            ("published_date_out_of_range",)]
    # a table fault blocks: the rows it was asked to look at stay unchecked for the next run
    with store.write() as con:
        other = _one(con, "SELECT min(article_id) FROM clean.articles")
        con.execute(f"INSERT INTO clean.articles SELECT * FROM clean.articles WHERE article_id = '{other}'")
        mark_unchecked(con, "clean", [other])
    checked = check_and_quarantine(store, settings, "clean", docs=False)
    assert checked.blocks
    with store.read_staging() as con:
        assert scope_of(con, "clean")[0] == frozenset({other})


def test_article_id_sql_is_article_id_for() -> None:
    sha = "0123456789abcdef" * 4
    sql = raw_suite.ARTICLE_ID_SQL.replace("sha256", f"'{sha}'")
    assert duckdb.connect().execute(f"SELECT {sql}").fetchall()[0][0] == article_id_for(sha) == "0123456789abcdef"


def test_check_command_validates_the_published_warehouse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from healthwork import cli

    store, settings = _build(tmp_path)
    published = store.publish()
    assert cli.main(["check", "--all", "--warehouse", str(published)]) == 0
    out = capsys.readouterr().out
    assert "ok      clean.articles: 11 expectations passed (every rule on all 5 rows)" in out
    con = duckdb.connect(str(published))
    try:  # a copied article row in the published file: the invariants see it without --all
        con.execute("INSERT INTO clean.articles SELECT * FROM clean.articles LIMIT 1")
    finally:
        con.close()
    assert cli.main(["check", "--warehouse", str(published)]) == 1
    out = capsys.readouterr().out
    assert "FAILED  clean.articles: 3 of 11 failed (invariants on the whole table, rules about rows on 0 " \
           "unchecked rows)" in out
    assert "expect_column_values_to_be_unique(article_id) [blocks]" in out
    assert "3 blocking failure(s)" in out


def test_few_rows_judged_in_process_agree_with_gx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """HEALTHWORK_GX_MIN_ROWS: below it a stage's rules about rows are judged value by value in Python (GX's
    semantics, no GX import); on the seeded faults they fail, block and quarantine exactly as in GX."""
    store, settings = _build(tmp_path)
    with store.write() as con:
        _seed_faults(con)
    with store.read_staging() as con:
        for stage in ("raw", "clean", "entities"):
            scope = scope_of(con, stage)[0]
            in_gx = evaluate(con, settings, stage, scope, min_gx_rows=0)
            with monkeypatch.context() as m:
                m.setattr(runner, "_gx", lambda: (_ for _ in ()).throw(AssertionError("GX imported")))
                in_python = evaluate(con, settings, stage, scope, min_gx_rows=1_000_000)
            for (gx_result, check), (py_result, _) in zip(in_gx, in_python):
                assert [(o.label, o.success, o.rows_checked) for o in py_result.outcomes] == \
                       [(o.label, o.success, o.rows_checked) for o in gx_result.outcomes], stage
                for g, p in zip(gx_result.outcomes, py_result.outcomes):
                    if isinstance(g.observed, dict) and "unexpected_count" in g.observed:
                        assert p.observed["unexpected_count"] == g.observed["unexpected_count"], (stage, g.label)
                assert judge(check, py_result) == judge(check, gx_result), stage
    assert any(not r.success for r, _ in in_python)  # the entities faults were found in process too


def test_metrics_check_looks_at_the_commitments_whose_inputs_changed(tmp_path: Path) -> None:
    store, settings = _build(tmp_path)
    with store.write() as con:
        total = con.execute("SELECT count(*) FROM metrics.programme_funding").fetchall()[0][0]
        article = _one(con, "SELECT min(article_id) FROM metrics.commitment_mentions")
        touched = {c for (c,) in con.execute("SELECT DISTINCT commitment_id FROM metrics.commitment_mentions "
                                             "WHERE article_id = ?", [article]).fetchall()}
        con.execute("UPDATE clean.articles SET published_date = published_date + INTERVAL 1 DAY "
                    "WHERE article_id = ?", [article])
        assert stages.run_metrics(con).recomputed
        scope = scope_of(con, "metrics")[0]
    assert scope is not None and touched <= scope and len(scope) < total, (touched, scope, total)
    checked = check_and_quarantine(store, settings, "metrics", docs=False)
    assert not checked.blocks and [r.n_rows for r in checked.results] == [len(scope)]
    with store.write() as con:  # recomputed from the same inputs: nothing to look at
        assert stages.run_metrics(con, force=True).recomputed
        assert scope_of(con, "metrics")[0] == frozenset()


def test_a_change_of_the_rules_makes_the_next_check_look_at_every_row(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from expectations import stage as stage_module

    store, settings = _build(tmp_path)
    with store.read_staging() as con:
        assert scope_of(con, "clean")[0] == frozenset()
    monkeypatch.setattr(stage_module, "rules_version", lambda stage: "a-new-rule")
    with store.read_staging() as con:
        assert scope_of(con, "clean")[0] is None
    checked = check_and_quarantine(store, settings, "clean", docs=False)
    assert checked.every_row and [r.n_rows for r in checked.results] == [5]
    with store.read_staging() as con:
        assert scope_of(con, "clean")[0] == frozenset()  # checked with the new rules: back to what changed

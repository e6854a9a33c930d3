"""Corpus-level steps cost what changed: metrics are kept when their inputs are those of the last run.

Built on a copy of the seeds warehouse; the rows changed here are made up for the test."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from healthwork.stages.metrics import METRIC_TABLES, metrics_fingerprint, run_metrics
from healthwork.store import table_contents


@pytest.fixture()
def seeds_copy(seeds_build, tmp_path):
    path = tmp_path / "healthwork.duckdb"
    shutil.copyfile(seeds_build[1], path)
    con = duckdb.connect(str(path))
    try:
        yield con
    finally:
        con.close()


def _metric_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {t: rows for t, rows in table_contents(con).items() if t in METRIC_TABLES}


def test_metrics_are_kept_when_inputs_are_unchanged_and_recomputed_when_a_row_changes(seeds_copy):
    con = seeds_copy
    before = _metric_rows(con)
    first = run_metrics(con, force=True)
    assert first.recomputed and before["metrics.programme_funding"]
    assert _metric_rows(con) == before  # recomputed: what the pipeline's run wrote

    again = run_metrics(con)  # the pipeline's run and the forced one recorded these inputs
    assert not again.recomputed
    assert _metric_rows(con) == before
    assert again.rows == first.rows

    # one funding amount restated: the fingerprint changes, the tables follow the new row
    cid, amount = con.execute("SELECT article_id, amount FROM entities.funding WHERE programme = 'WorkWell' "
                              "ORDER BY amount DESC LIMIT 1").fetchone()
    fp = metrics_fingerprint(con)
    con.execute("UPDATE entities.funding SET amount = 123456789 WHERE article_id = ? AND amount = ?", [cid, amount])
    assert metrics_fingerprint(con) != fp
    changed = run_metrics(con)
    assert changed.recomputed
    assert con.execute("SELECT count(*) FROM metrics.programme_funding WHERE amount = 123456789").fetchone()[0] == 1

    # back to the original row: same fingerprint as the first run, same tables as a forced recomputation
    con.execute("UPDATE entities.funding SET amount = ? WHERE article_id = ? AND amount = 123456789", [amount, cid])
    assert metrics_fingerprint(con) == fp
    assert run_metrics(con).recomputed  # the stored fingerprint is the changed run's
    assert not run_metrics(con).recomputed
    assert _metric_rows(con) == before
    assert run_metrics(con, force=True).recomputed and _metric_rows(con) == before


def test_a_changed_article_date_or_a_dropped_metric_table_recomputes(seeds_copy):
    con = seeds_copy
    run_metrics(con)
    con.execute("UPDATE clean.articles SET published_date = DATE '2001-02-03' WHERE article_id = "
                "(SELECT min(article_id) FROM entities.funding WHERE programme IS NOT NULL)")
    assert run_metrics(con).recomputed
    assert not run_metrics(con).recomputed
    con.execute("DROP TABLE metrics.place_coverage")
    assert run_metrics(con).recomputed
    assert con.execute("SELECT count(*) FROM metrics.place_coverage").fetchone()[0] > 0


def test_report_is_rewritten_only_when_the_data_it_shows_changed(seeds_build, tmp_path):
    from healthwork import report

    path = tmp_path / "healthwork.duckdb"
    shutil.copyfile(seeds_build[1], path)
    page, written = report.write_report_if_changed(path)
    assert written and page == report.report_path(path)
    first = page.read_bytes()
    assert f"<meta name='{report.DATA_META}' content='".encode() in first[:500]

    page, written = report.write_report_if_changed(path)
    assert not written and page.read_bytes() == first  # same data: the page (and its "generated" time) kept

    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE metrics.programme_funding SET n_articles = n_articles + 7 "
                    "WHERE commitment_id = (SELECT min(commitment_id) FROM metrics.programme_funding)")
    finally:
        con.close()
    page, written = report.write_report_if_changed(path)
    assert written and page.read_bytes() != first
    assert report.write_report(path) == page  # the CLI's `healthwork report` always writes

"""Metric tables updated for what changed equal a full computation, through adds, nothing new, changed
bodies and dates, a changed funding row, a changed syndication group and deletes.

Two copies of the seeds warehouse get the same changes: one is updated (``run_metrics``, with the full
computation made to fail, so only the update can run), the other recomputed in full (``force=True``);
every metric table must be the same. The rows added here are made up for the test."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator

import duckdb
import pytest

from healthwork import metrics
from healthwork.stages import metrics_update
from healthwork.stages.metrics import METRIC_TABLES, run_duplicates, run_metrics
from healthwork.store import table_contents

COPY = "copy000000000000"


@pytest.fixture()
def pair(seeds_build, tmp_path) -> Iterator[tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]]:
    cons = []
    for name in ("updated", "full"):
        path = tmp_path / f"{name}.duckdb"
        shutil.copyfile(seeds_build[1], path)
        cons.append(duckdb.connect(str(path)))
    try:
        yield cons[0], cons[1]
    finally:
        for con in cons:
            con.close()


def _metric_rows(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    return {t: rows for t, rows in table_contents(con).items() if t in METRIC_TABLES}


def _no_full_computation(c: metrics.Corpus) -> metrics.Metrics:
    raise AssertionError("the update should not compute the whole corpus")


def test_updated_metric_tables_equal_a_full_computation(pair, monkeypatch):
    updated, full = pair
    run_metrics(updated, force=True)  # records what the tables were computed from

    def step(change: Callable[[duckdb.DuckDBPyConnection], None]) -> None:
        change(updated)
        change(full)
        run_duplicates(updated)
        run_duplicates(full)
        with monkeypatch.context() as m:
            m.setattr(metrics, "compute", _no_full_computation)
            m.setattr(metrics_update, "MAX_UPDATE_SHARE", 1.0)  # five articles: every change touches most of them
            assert run_metrics(updated).recomputed
        run_metrics(full, force=True)
        assert _metric_rows(updated) == _metric_rows(full)

    orig, body = updated.execute(
        "SELECT a.article_id, a.body FROM clean.articles a JOIN entities.funding f USING (article_id) "
        "WHERE f.programme = 'WorkWell' AND f.amount = 57e6").fetchone()

    def add_copy(con: duckdb.DuckDBPyConnection) -> None:
        """A syndicated copy of a WorkWell article three days later (same-length edits keep the spans)."""
        con.execute("INSERT INTO clean.articles (article_id, source_file, title, published_date, body) "
                    "SELECT ?, 'copy.txt', title, published_date + 3, ? FROM clean.articles WHERE article_id = ?",
                    [COPY, body.replace(" said", " says") + "\nRepublished with permission.", orig])
        for t in ("funding", "programme_mentions", "place_mentions", "people_counts"):
            con.execute(f"INSERT INTO entities.{t} BY NAME SELECT * REPLACE (? AS article_id) "
                        f"FROM entities.{t} WHERE article_id = ?", [COPY, orig])

    step(add_copy)
    assert updated.execute("SELECT n_articles FROM metrics.programme_funding "
                           "WHERE programme = 'WorkWell' AND amount = 57e6").fetchone() == (1,)

    # nothing new: the tables are kept
    before = _metric_rows(updated)
    assert not run_metrics(updated).recomputed and _metric_rows(updated) == before

    added = "\nA further £12m will go to Northshire for WorkWell next year."

    def change_body(con: duckdb.DuckDBPyConnection) -> None:
        """New money and a new place in a sentence appended to the copy."""
        start = len(con.execute("SELECT body FROM clean.articles WHERE article_id = ?", [COPY]).fetchone()[0])
        amount = start + added.index("£12m")
        place = start + added.index("Northshire")
        con.execute("UPDATE clean.articles SET body = body || ? WHERE article_id = ?", [added, COPY])
        con.execute("INSERT INTO entities.funding (article_id, amount, currency, qualifier, per_year, programme, "
                    "kind, raw_text, span_start, span_end, text) VALUES (?, 12e6, 'GBP', 'exact', false, "
                    "'WorkWell', 'funding', '£12m', ?, ?, '£12m')", [COPY, amount, amount + 4])
        con.execute("INSERT INTO entities.place_mentions (article_id, name, place_type, span_start, span_end, text) "
                    "VALUES (?, 'Northshire', 'county', ?, ?, 'Northshire')", [COPY, place, place + 10])

    step(change_body)
    assert updated.execute("SELECT scope, n_articles FROM metrics.programme_funding "
                           "WHERE programme = 'WorkWell' AND amount = 12e6").fetchone() == ("Northshire", 1)
    assert updated.execute("SELECT funding_mentioned_gbp FROM metrics.place_coverage "
                           "WHERE place = 'Northshire'").fetchone() == (12e6,)

    def delete_article(con: duckdb.DuckDBPyConnection, article_id: str) -> None:
        for t in ("clean.articles", "entities.funding", "entities.programme_mentions", "entities.place_mentions",
                  "entities.people_counts"):
            con.execute(f"DELETE FROM {t} WHERE article_id = ?", [article_id])

    restated = "WorkWell pilots will share £12.04m next spring, the minister said."

    def restate_elsewhere(con: duckdb.DuckDBPyConnection) -> None:
        """Another article, naming no place, states the Northshire money more precisely: the commitment's
        amount changes, and so does the row of Northshire, which no changed article names."""
        start = restated.index("£12.04m")
        con.execute("INSERT INTO clean.articles (article_id, source_file, title, published_date, body) "
                    "VALUES ('restated00000000', 'restated.txt', 'Pilots', DATE '2025-06-02', ?)", [restated])
        con.execute("INSERT INTO entities.funding (article_id, amount, currency, qualifier, per_year, programme, "
                    "kind, raw_text, span_start, span_end, text) VALUES ('restated00000000', 12.04e6, 'GBP', "
                    "'exact', false, 'WorkWell', 'funding', '£12.04m', ?, ?, '£12.04m')", [start, start + 7])
        con.execute("INSERT INTO entities.programme_mentions (article_id, programme, span_start, span_end, text) "
                    "VALUES ('restated00000000', 'WorkWell', 0, 8, 'WorkWell')")

    northshire = updated.execute("SELECT * FROM metrics.place_coverage WHERE place = 'Northshire'").fetchall()
    step(restate_elsewhere)
    assert updated.execute("SELECT * FROM metrics.place_coverage WHERE place = 'Northshire'").fetchall() != northshire
    step(lambda con: delete_article(con, "restated00000000"))
    assert updated.execute("SELECT * FROM metrics.place_coverage WHERE place = 'Northshire'").fetchall() == northshire

    def later_original(con: duckdb.DuckDBPyConnection) -> None:
        """The original now dated after its copy: the copy becomes the canonical one."""
        con.execute("UPDATE clean.articles SET published_date = published_date + 10 WHERE article_id = ?", [orig])

    step(later_original)
    assert updated.execute("SELECT canonical_article_id FROM metrics.article_groups WHERE article_id = ?",
                           [orig]).fetchone() == (COPY,)

    def restated_amount(con: duckdb.DuckDBPyConnection) -> None:
        con.execute("UPDATE entities.funding SET amount = 123456789 WHERE programme = 'WorkWell' AND amount = "
                    "(SELECT max(amount) FROM entities.funding WHERE programme = 'WorkWell' AND article_id <> ?)",
                    [COPY])

    step(restated_amount)
    assert updated.execute("SELECT count(*) FROM metrics.programme_funding WHERE amount = 123456789").fetchone() == (1,)

    step(lambda con: delete_article(con, COPY))
    assert updated.execute("SELECT count(*) FROM metrics.place_coverage WHERE place = 'Northshire'").fetchone() == (0,)
    other = updated.execute("SELECT min(article_id) FROM entities.funding WHERE programme <> 'WorkWell'").fetchone()[0]
    step(lambda con: delete_article(con, other))


def test_a_new_country_or_no_record_recomputes_everything(pair):
    updated, _ = pair
    assert metrics_update.update(updated) == {t: 0 for t in METRIC_TABLES}  # the pipeline's run recorded its inputs
    updated.execute("INSERT INTO entities.place_mentions (article_id, name, place_type, span_start, span_end) "
                    "SELECT min(article_id), 'Northland', 'country', 0, 1 FROM clean.articles")
    assert metrics_update.update(updated) is None  # which places scope money changed for every article
    run_metrics(updated)
    assert metrics_update.update(updated) == {t: 0 for t in METRIC_TABLES}
    updated.execute("DELETE FROM meta.stage_inputs WHERE stage = ?", [metrics_update.BASIS_STAGE])
    assert metrics_update.update(updated) is None  # nothing recorded: nothing to update from

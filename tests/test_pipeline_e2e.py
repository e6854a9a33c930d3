"""End to end: the real Definitions materialised over a copy of the seeds, real values asserted."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from tests.conftest import run_pipeline

CONTRACT_TABLES = {
    "clean.articles": {"article_id", "source_file", "title", "author", "published_date", "url", "body"},
    "entities.funding": {"article_id", "amount", "currency", "qualifier", "period_years", "programme", "raw_text",
                         "kind", "span_start", "span_end"},
    "entities.person_mentions": {"article_id", "name", "role", "span_start", "span_end"},
    "entities.quotes": {"article_id", "speaker", "text", "span_start", "span_end"},
    "entities.organisation_mentions": {"article_id", "name", "span_start", "span_end"},
    "entities.place_mentions": {"article_id", "name", "ons_code", "span_start", "span_end"},
    "entities.programme_mentions": {"article_id", "programme", "span_start", "span_end"},
    "entities.people_counts": {"article_id", "value", "qualifier", "raw_text", "span_start", "span_end"},
    "metrics.programme_funding": {"programme", "amount", "currency", "qualifier", "period_years", "n_articles",
                                  "first_reported", "last_reported", "article_ids"},
}


def test_run_succeeds_and_publishes(seeds_build):
    result, warehouse, _ = seeds_build
    assert result.success
    assert warehouse.exists()
    assert not warehouse.with_name(".healthwork.staging.duckdb").samefile(warehouse)


def test_contract_tables_and_columns(seeds_db):
    for table, cols in CONTRACT_TABLES.items():
        schema, name = table.split(".")
        got = {r[0] for r in seeds_db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, name]).fetchall()}
        assert cols <= got, f"{table} lacks {cols - got}"
    types = dict(seeds_db.execute("SELECT column_name, data_type FROM information_schema.columns "
                                  "WHERE table_schema = 'clean' AND table_name = 'articles'").fetchall())
    assert types["published_date"] == "DATE"
    assert seeds_db.execute("SELECT data_type FROM information_schema.columns WHERE table_schema = 'metrics' "
                            "AND column_name = 'article_ids'").fetchone()[0] == "VARCHAR[]"


def test_every_seed_is_one_article(seeds_db):
    files = [r[0] for r in seeds_db.execute("SELECT source_file FROM clean.articles ORDER BY 1").fetchall()]
    assert files == sorted(p.name for p in __import__("tests.conftest").conftest.SEEDS.glob("*.txt"))
    ids = seeds_db.execute("SELECT article_id FROM clean.articles").fetchall()
    assert all(len(i[0]) == 16 for i in ids) and len(set(ids)) == 5


def _article(con: duckdb.DuckDBPyConnection, prefix: str) -> dict:
    cur = con.execute("SELECT * FROM clean.articles WHERE source_file LIKE ?", [prefix + "%"])
    cols = [d[0] for d in cur.description]
    return dict(zip(cols, cur.fetchone()))


def test_metadata_of_the_rehab_pilot_article(seeds_db):
    a = _article(seeds_db, "002_")
    assert a["author"] == "Nic Paton"
    assert a["published_date"] == dt.date(2024, 1, 2)
    assert a["title"] == "Government rehab pilots set to tackle long-term sick leave"


def test_bodies_keep_article_and_drop_chrome(seeds_db):
    body3 = _article(seeds_db, "003_")["body"]
    assert "WorkWell brings together health and employment support" in body3
    assert "Backed by up to £259m over three years" in body3
    assert "Trust fined £40k" not in body3  # an appended other article
    body1 = _article(seeds_db, "001_")["body"]
    assert "The £45m trial by NHS England" in body1
    for chrome in ("You may also like", "Privacy policy", "Sign up to our weekly round-up", "Nic Paton is consultant"):
        assert chrome not in body1


def test_accelerator_funding_is_45m_gbp_exact(seeds_db):
    rows = seeds_db.execute("""
        SELECT f.amount, f.currency, f.qualifier, f.programme, f.kind, f.raw_text
        FROM entities.funding f JOIN clean.articles a USING (article_id)
        WHERE a.source_file LIKE '001_%'""").fetchall()
    assert (45_000_000.0, "GBP", "exact", "Health and Growth Accelerators", "funding") in [r[:5] for r in rows]


def test_workwell_commitments_are_deduplicated(seeds_db):
    rows = seeds_db.execute("""
        SELECT amount, qualifier, period_years, n_articles FROM metrics.programme_funding
        WHERE programme = 'WorkWell' ORDER BY amount""").fetchall()
    assert (57_000_000.0, "exact", None, 1) in rows
    assert (259_000_000.0, "up_to", 3.0, 2) in rows  # two articles, one commitment
    assert len([r for r in rows if r[0] == 259_000_000.0]) == 1


def test_every_entity_span_is_its_evidence(seeds_db):
    for table in [t for t in CONTRACT_TABLES if t.startswith("entities.")]:
        bad = seeds_db.execute(f"""
            SELECT count(*) FROM {table} e JOIN clean.articles a USING (article_id)
            WHERE e.span_start < 0 OR e.span_end > length(a.body) OR e.span_end <= e.span_start
               OR substr(a.body, e.span_start + 1, e.span_end - e.span_start) <> e.text""").fetchone()[0]
        assert bad == 0, f"{table}: {bad} rows whose span is not their evidence"


def test_rerun_is_incremental_and_ids_are_stable(seeds_build, tmp_path):
    _, warehouse, seeds = seeds_build
    con = duckdb.connect(str(warehouse), read_only=True)
    before = con.execute("SELECT article_id, source_file, body FROM clean.articles ORDER BY 1").fetchall()
    con.close()
    other = tmp_path / "again.duckdb"
    result = run_pipeline(seeds, other)  # a fresh warehouse elsewhere: same ids
    assert result.success
    con = duckdb.connect(str(other), read_only=True)
    after = con.execute("SELECT article_id, source_file, body FROM clean.articles ORDER BY 1").fetchall()
    con.close()
    assert before == after


@pytest.mark.parametrize("missing", ["does-not-exist"])
def test_cli_fails_clearly_on_a_missing_input_folder(tmp_path, capsys, monkeypatch, missing):
    from healthwork.cli import main

    monkeypatch.setenv("HEALTHWORK_SEEDS_DIR", "unused")  # restored after the test: main() sets the env
    monkeypatch.setenv("HEALTHWORK_WAREHOUSE", "unused")

    code = main(["run", "--seeds", str(tmp_path / missing), "--warehouse", str(tmp_path / "w.duckdb")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err

"""Stages over the whole corpus, every run: syndication links, metrics, analyst views.

- ``run_duplicates``: near-duplicate article pairs -> ``clean.article_duplicates``.
- ``run_metrics``: entity rows + syndication groups -> every ``metrics.*`` table.
- ``run_marts``: (re)creates the documented ``marts.*`` views.

Metric tables are derived wholesale on every run, so they are dropped and recreated from the schema
registry each time: a warehouse built by an older version gets the current columns and comments.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from healthwork import dedup, marts, metrics
from healthwork.stages import common
from healthwork.store import TABLE_BY_NAME, ddl, replace_rows

METRIC_TABLES = tuple(t for t in TABLE_BY_NAME if t.startswith("metrics."))


@dataclass
class DuplicatesSummary:
    pairs: pd.DataFrame
    n_articles: int = 0
    n_copies: int = 0  # articles counted as a copy of another


@dataclass
class MetricsSummary:
    rows: dict[str, int] = field(default_factory=dict)
    headline: pd.DataFrame | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def _articles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    df = con.execute("SELECT article_id, published_date, body FROM clean.articles ORDER BY article_id").df()
    df["published_date"] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in df["published_date"]]
    return df


def _dedup_articles(df: pd.DataFrame) -> list[dedup.Article]:
    return [dedup.Article(a, b or "", d) for a, b, d in zip(df["article_id"], df["body"], df["published_date"])]


def run_duplicates(con: duckdb.DuckDBPyConnection) -> DuplicatesSummary:
    """Link near-duplicate articles over the whole corpus (replaces ``clean.article_duplicates``)."""
    arts = _dedup_articles(_articles(con))
    pairs = dedup.find_duplicates(arts)
    replace_rows(con, "clean.article_duplicates", pairs)
    canon = dedup.canonical_map(pairs, arts)
    return DuplicatesSummary(pairs=pairs, n_articles=len(arts), n_copies=sum(a != c for a, c in canon.items()))


def load_corpus(con: duckdb.DuckDBPyConnection) -> metrics.Corpus:
    articles = _articles(con)
    pairs = con.execute("SELECT * FROM clean.article_duplicates").df()
    q = lambda t: con.execute(f"SELECT * FROM {t} ORDER BY article_id, span_start, span_end").df()  # noqa: E731
    return metrics.Corpus(articles=articles, funding=q("entities.funding"),
                          programme_mentions=q("entities.programme_mentions"),
                          place_mentions=q("entities.place_mentions"), people_counts=q("entities.people_counts"),
                          canonical=dedup.canonical_map(pairs, _dedup_articles(articles)))


def recreate_metric_tables(con: duckdb.DuckDBPyConnection) -> None:
    for t in METRIC_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {t}")
    for stmt in ddl():  # idempotent for every other table
        con.execute(stmt)


def run_metrics(con: duckdb.DuckDBPyConnection) -> MetricsSummary:
    """Recompute every corpus-level metric from the entity tables (always over the whole corpus)."""
    m = metrics.compute(load_corpus(con))
    recreate_metric_tables(con)
    rows = {}
    for table, df in m.tables().items():
        rows[table] = replace_rows(con, table, df[TABLE_BY_NAME[table].column_names])
    common.record_stage_version(con, "metrics")
    return MetricsSummary(rows=rows, headline=m.programme_summary, tables=m.tables())


def run_marts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """(Re)create the analyst views; returns each view's row count."""
    marts.create_views(con)
    return {v.qualified: con.execute(f"SELECT count(*) FROM {v.qualified}").fetchone()[0] for v in marts.VIEWS}

"""Stage metrics: corpus-level aggregates, recomputed over the whole corpus every run."""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from healthwork import metrics
from healthwork.stages import common
from healthwork.store import replace_rows


@dataclass
class MetricsSummary:
    rows: dict[str, int] = field(default_factory=dict)
    headline: pd.DataFrame | None = None


def run_metrics(con: duckdb.DuckDBPyConnection) -> MetricsSummary:
    """Recompute the corpus-level metrics from the entity tables (always over the whole corpus)."""
    funding = con.execute("SELECT * FROM entities.funding").df()
    articles = con.execute("SELECT article_id, published_date FROM clean.articles").df()
    articles["published_date"] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in articles["published_date"]]
    dup = dict(con.execute("SELECT article_id_b, article_id_a FROM clean.article_duplicates").fetchall())
    pf = metrics.programme_funding(funding, articles, dup)
    replace_rows(con, "metrics.programme_funding", pf)
    common.record_stage_version(con, "metrics")
    return MetricsSummary(rows={"metrics.programme_funding": len(pf)}, headline=pf)

"""Entity rows -> analyst metrics (pure pandas, no I/O)."""
from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

COMMITMENT_KEY = ["programme", "amount", "currency", "qualifier", "period_years"]


def canonical_article(article_id: str, duplicate_of: Mapping[str, str]) -> str:
    """Follow near-duplicate links to the canonical copy (syndicated copies count once)."""
    seen = set()
    while article_id in duplicate_of and article_id not in seen:
        seen.add(article_id)
        article_id = duplicate_of[article_id]
    return article_id


def programme_funding(funding: pd.DataFrame, articles: pd.DataFrame,
                      duplicate_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per distinct funding commitment: same programme, amount, currency, qualifier and
    period reported by several articles is one row. Only money of kind ``funding`` with a programme."""
    cols = [*COMMITMENT_KEY, "n_articles", "first_reported", "last_reported", "article_ids"]
    f = funding[(funding["kind"] == "funding") & funding["programme"].notna()].copy()
    if f.empty:
        return pd.DataFrame(columns=cols)
    dup = duplicate_of or {}
    dates = dict(zip(articles["article_id"], articles["published_date"]))
    f["period_key"] = f["period_years"].map(lambda p: -1.0 if p is None or (isinstance(p, float) and math.isnan(p)) else float(p))
    out = []
    for key, g in f.groupby(["programme", "amount", "currency", "qualifier", "period_key"], sort=True, dropna=False):
        programme, amount, currency, qualifier, period_key = key
        ids = sorted(set(g["article_id"]))
        ds = [d for d in (dates.get(a) for a in ids) if d is not None and not (isinstance(d, float) and math.isnan(d))]
        out.append({
            "programme": programme,
            "amount": float(amount),
            "currency": currency,
            "qualifier": qualifier,
            "period_years": None if period_key == -1.0 else period_key,
            "n_articles": len({canonical_article(a, dup) for a in ids}),
            "first_reported": min(ds) if ds else None,
            "last_reported": max(ds) if ds else None,
            "article_ids": ids,
        })
    return pd.DataFrame(out, columns=cols)

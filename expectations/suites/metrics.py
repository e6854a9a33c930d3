"""metrics.programme_funding: totals reconcile with entities.funding; one row per commitment."""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

import duckdb
import numpy as np
import pandas as pd

from expectations.rules import between, column_sum, holds, in_set, not_null, param, row_count, suite, unique
from expectations.suites import Check
from expectations.vocab import ISO_CURRENCIES, QUALIFIERS
from healthwork.config import Settings
from healthwork.extract import programmes
from healthwork.metrics import COMMITMENT_KEY

SUITE = suite(
    "metrics.programme_funding",
    unique("commitment_key", "no duplicate commitments: one row per programme, amount, currency, qualifier, period"),
    row_count(param("n_commitments"),
              "as many rows as distinct commitments among entities.funding rows of kind 'funding' with a programme"),
    column_sum("amount", param("total_min"), param("total_max"),
               "the total of the commitments equals the total of the distinct commitments in entities.funding"),
    holds("article_ids_reconcile", "article_ids are exactly the articles whose funding rows state this commitment"),
    holds("n_articles_reconcile", "1 <= n_articles <= number of article_ids (syndicated copies counted once)"),
    holds("dates_reconcile", "first/last_reported are the earliest/latest publication dates of those articles"),
    not_null("programme", "a commitment belongs to a programme"),
    in_set("programme", programmes.canonical_names(), "programmes use their canonical name"),
    between("amount", "amount > 0", min_value=0, strict_min=True),
    in_set("currency", ISO_CURRENCIES, "currency is an ISO 4217 code"),
    in_set("qualifier", QUALIFIERS, "qualifier is exact, up_to, more_than or about"),
    show=("programme", "amount", "commitment_key"),
)


def _none(v: object) -> object:
    """A plain Python value: lists for DuckDB lists, None for NULL/NaN/NaT, no numpy scalars."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return list(v)
    if v is None or pd.isna(v):  # type: ignore[arg-type]
        return None
    return v.item() if isinstance(v, np.generic) else v


def commitment_key(row: Mapping[str, object]) -> str:
    """Programme | amount | currency | qualifier | period (NULL period is empty)."""
    parts = []
    for c in COMMITMENT_KEY:
        v = _none(row.get(c))
        parts.append("" if v is None else (repr(float(v)) if isinstance(v, (int, float)) else str(v)))  # type: ignore[arg-type]
    return "|".join(parts)


def eligible(funding: pd.DataFrame) -> pd.DataFrame:
    """The entity rows metrics.programme_funding counts: money of kind 'funding' tied to a programme."""
    return funding[(funding["kind"] == "funding") & funding["programme"].notna()]


def _date(v: object) -> dt.date | None:
    v = _none(v)
    return v.date() if isinstance(v, dt.datetime) else v  # type: ignore[return-value]


def derive(pf: pd.DataFrame, funding: pd.DataFrame, published: Mapping[str, object]) -> tuple[pd.DataFrame, dict[str, float]]:
    """metrics rows + entities.funding rows + {article_id: published_date} -> derived frame and suite parameters."""
    df = pf.copy()
    src = eligible(funding)
    backing: dict[str, set[str]] = {}
    amount_of: dict[str, float] = {}
    for rec in src.to_dict("records"):
        k = commitment_key(rec)
        backing.setdefault(k, set()).add(str(rec["article_id"]))
        amount_of[k] = float(rec["amount"])  # type: ignore[arg-type]
    recs = df.to_dict("records")
    keys = [commitment_key(r) for r in recs]
    ids = [[str(a) for a in (_none(r["article_ids"]) or [])] for r in recs]  # type: ignore[union-attr]
    df["commitment_key"] = keys
    df["article_ids_reconcile"] = [sorted(set(i)) == sorted(i) and set(i) == backing.get(k, set()) for k, i in zip(keys, ids)]
    df["n_articles_reconcile"] = [_none(r["n_articles"]) is not None and 1 <= int(r["n_articles"]) <= len(i)  # type: ignore[call-overload]
                                  for r, i in zip(recs, ids)]
    dates_ok = []
    for r, i in zip(recs, ids):
        ds = [d for d in (_date(published.get(a)) for a in i) if d is not None]
        dates_ok.append(_date(r["first_reported"]) == (min(ds) if ds else None)
                        and _date(r["last_reported"]) == (max(ds) if ds else None))
    df["dates_reconcile"] = dates_ok
    df = df.drop(columns=["article_ids"])
    total = math.fsum(amount_of.values())
    tol = max(1e-6, abs(total) * 1e-9)
    return df, {"n_commitments": len(backing), "total_min": total - tol, "total_max": total + tol}


def load(con: duckdb.DuckDBPyConnection, settings: Settings) -> list[Check]:
    pf = con.execute("SELECT * FROM metrics.programme_funding").df()
    funding = con.execute("SELECT * FROM entities.funding").df()
    published = dict(con.execute("SELECT article_id, published_date FROM clean.articles").fetchall())
    df, params = derive(pf, funding, published)
    return [Check(SUITE, df, params)]

"""metrics.programme_funding: every eligible funding row is a mention of exactly one commitment; one row per
commitment; shares point at a larger commitment of the same programme."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb
import numpy as np
import pandas as pd

from expectations.rules import (
    between,
    column_sum,
    holds,
    in_set,
    invariant,
    matches,
    not_null,
    param,
    row_count,
    suite,
    unique,
)
from expectations.suites import Check, Scope
from expectations.vocab import ISO_CURRENCIES, QUALIFIERS
from healthwork.config import Settings
from healthwork.extract import programmes

SUITE = suite(
    "metrics.programme_funding",
    # (whole-table invariants: evaluated in DuckDB over every row on every run)
    invariant(unique("commitment_id", "one row per commitment"),
              """SELECT commitment_id, programme, amount FROM metrics.programme_funding WHERE commitment_id IN
                 (SELECT commitment_id FROM metrics.programme_funding GROUP BY 1 HAVING count(*) > 1) ORDER BY 1"""),
    invariant(row_count(param("n_commitments"), "as many rows as distinct commitments in metrics.commitment_mentions"),
              "SELECT count(*) FROM metrics.programme_funding"),
    invariant(column_sum("n_mentions", param("n_eligible"), param("n_eligible"),
                         "every entities.funding row of kind 'funding' with a programme is a mention of exactly one "
                         "commitment"),
              "SELECT coalesce(sum(n_mentions), 0) FROM metrics.programme_funding"),
    holds("article_ids_reconcile", "article_ids are exactly the articles of the commitment's mentions"),
    holds("amount_is_stated", "the commitment's amount is the amount of one of its mentions"),
    holds("part_of_is_larger", "part_of is NULL or a larger commitment of the same programme and currency"),
    holds("n_articles_reconcile", "1 <= n_articles <= number of article_ids (syndicated copies counted once)"),
    holds("dates_reconcile", "first/last_reported are the earliest/latest publication dates of those articles"),
    not_null("programme", "a commitment belongs to a programme"),
    matches("programme", programmes.name_regex(), "programmes use their canonical name or a named local scheme's name"),
    between("amount", "amount > 0", min_value=0, strict_min=True),
    in_set("currency", ISO_CURRENCIES, "currency is an ISO 4217 code"),
    in_set("qualifier", QUALIFIERS, "qualifier is exact, up_to, more_than or about"),
    show=("programme", "amount", "commitment_id"),
)


def _none(v: object) -> object:
    """A plain Python value: lists for DuckDB lists, None for NULL/NaN/NaT, no numpy scalars."""
    if isinstance(v, (list, tuple, np.ndarray)):
        return list(v)
    if v is None or pd.isna(v):  # type: ignore[arg-type]
        return None
    return v.item() if isinstance(v, np.generic) else v


def eligible(funding: pd.DataFrame) -> pd.DataFrame:
    """The entity rows metrics.programme_funding counts: money of kind 'funding' tied to a programme."""
    return funding[(funding["kind"] == "funding") & funding["programme"].notna()]


def _date(v: object) -> dt.date | None:
    v = _none(v)
    return v.date() if isinstance(v, dt.datetime) else v  # type: ignore[return-value]


def derive(pf: pd.DataFrame, mentions: pd.DataFrame, funding: pd.DataFrame,
           published: Mapping[str, object]) -> tuple[pd.DataFrame, dict[str, float]]:
    """metrics rows + their mentions + entities.funding rows + {article_id: published_date} -> derived frame
    and suite parameters."""
    df = pf.copy()
    articles: dict[str, set[str]] = {}
    amounts: dict[str, set[float]] = {}
    for cid, article, amount in zip(mentions["commitment_id"], mentions["article_id"], mentions["amount"]):
        articles.setdefault(str(cid), set()).add(str(article))
        amounts.setdefault(str(cid), set()).add(float(amount))
    recs = df.to_dict("records")
    by_id = {str(r["commitment_id"]): r for r in recs}
    ids = [[str(a) for a in (_none(r["article_ids"]) or [])] for r in recs]  # type: ignore[union-attr]
    df["article_ids_reconcile"] = [sorted(set(i)) == sorted(i) and set(i) == articles.get(str(r["commitment_id"]), set())
                                   for r, i in zip(recs, ids)]
    df["amount_is_stated"] = [float(r["amount"]) in amounts.get(str(r["commitment_id"]), set()) for r in recs]
    part_ok = []
    for r in recs:
        parent = by_id.get(str(_none(r["part_of"]))) if _none(r["part_of"]) is not None else None
        part_ok.append(_none(r["part_of"]) is None or (
            parent is not None and parent["programme"] == r["programme"] and parent["currency"] == r["currency"]
            and float(parent["amount"]) > float(r["amount"])))  # type: ignore[arg-type]
    df["part_of_is_larger"] = part_ok
    df["n_articles_reconcile"] = [_none(r["n_articles"]) is not None and 1 <= int(r["n_articles"]) <= len(i)  # type: ignore[call-overload]
                                  for r, i in zip(recs, ids)]
    dates_ok = []
    for r, i in zip(recs, ids):
        ds = [d for d in (_date(published.get(a)) for a in i) if d is not None]
        dates_ok.append(_date(r["first_reported"]) == (min(ds) if ds else None)
                        and _date(r["last_reported"]) == (max(ds) if ds else None))
    df["dates_reconcile"] = dates_ok
    df = df.drop(columns=["article_ids"])
    n_eligible = float(len(eligible(funding)))
    return df, {"n_commitments": float(len(articles)), "n_eligible": n_eligible}


def load(con: duckdb.DuckDBPyConnection, settings: Settings, scope: Scope = None) -> list[Check]:
    """The commitments in scope (those whose row, larger commitment, mentions or their articles' dates changed
    since the last passed check: ``healthwork.stages.metrics.changed_commitments``), derived against the whole
    table; the invariants' parameters always."""
    where = " WHERE false" if scope is not None and not scope else ""  # nothing to look at: read nothing
    pf = con.execute(f"SELECT * FROM metrics.programme_funding{where}").df()
    mentions = con.execute(f"SELECT commitment_id, article_id, amount FROM metrics.commitment_mentions{where}").df()
    published = dict(con.execute(f"SELECT article_id, published_date FROM clean.articles{where}").fetchall())
    df, _ = derive(pf, mentions, pd.DataFrame({"kind": [], "programme": []}), published)
    if scope is not None:  # a share's rule reads its larger commitment's row: derived first, then the scope kept
        df = df[df["commitment_id"].isin(scope)].reset_index(drop=True)
    n_commitments, n_eligible = con.execute(
        "SELECT (SELECT count(DISTINCT commitment_id) FROM metrics.commitment_mentions), "
        "(SELECT count(*) FROM entities.funding WHERE kind = 'funding' AND programme IS NOT NULL)").fetchone()
    return [Check(SUITE, df, {"n_commitments": float(n_commitments), "n_eligible": float(n_eligible)})]

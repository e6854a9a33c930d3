"""Metric tables updated for what changed, equal to recomputing them over the whole corpus.

Every merge and share rule of ``healthwork.metrics`` compares money of one programme (and currency), so a
programme's rows depend only on the articles that name it. A run:

1. hashes what the metrics read of each article (its id, date and body, its entity rows), and compares
   the hashes with those of the last computation (``meta.metric_inputs``); the articles whose hash
   changed, and those whose syndication group changed (``metrics.article_groups``), are *changed*;
2. recomputes the programmes named (before or now) in a changed article from the articles that name them
   (``metrics.compute_part``: resolution compares money of one programme only), and replaces their rows;
3. keeps each place mention's links (the programmes of its paragraph, the money of its sentence:
   ``meta.place_links``) for unchanged articles, derives those of changed ones, and recomputes the
   ``place_coverage`` rows of the places named in a changed article or stated in a sentence with money whose
   commitment changed (``_moved_money``) from the stored links (``metrics.place_rows``): no article text is
   read for them;
4. replaces the rows of ``metrics.article_groups`` that differ.
When the programmes to recompute are named in more than half of the articles, a full computation is
cheaper: ``update`` returns None, as it does when the basis changed.

Anything else that every row depends on (the metrics code, the tables' schema, which places are
countries) is hashed into a basis fingerprint (``meta.stage_inputs``, stage ``metrics.basis``): when it
changed, or nothing was recorded yet, ``update`` returns None and the caller recomputes everything.
tests/test_metrics_incremental.py checks that updates give the tables of a full computation.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd

from healthwork import dedup, metrics
from healthwork.stages import common
from healthwork.store import TABLE_BY_NAME, replace_rows
from healthwork.versioning import code_version

BASIS_STAGE = "metrics.basis"
# An update reading more than this share of the articles costs more than a full computation (at 10,000
# generated articles, an update over all of them took 1.5 times as long)
MAX_UPDATE_SHARE = 0.5
METRIC_TABLES = tuple(t for t in TABLE_BY_NAME if t.startswith("metrics."))
# one hash per row an article contributes; the table name keeps equal rows of two tables apart
_ARTICLE_HASHES = """
SELECT article_id, CAST(sum(h) AS VARCHAR) AS fingerprint FROM (
    SELECT article_id, hash('articles', article_id, published_date, body) AS h FROM clean.articles
    UNION ALL SELECT article_id, hash('funding', t) FROM entities.funding t
    UNION ALL SELECT article_id, hash('programme_mentions', t) FROM entities.programme_mentions t
    UNION ALL SELECT article_id, hash('place_mentions', t) FROM entities.place_mentions t
    UNION ALL SELECT article_id, hash('people_counts', t) FROM entities.people_counts t
) GROUP BY article_id
"""


def article_fingerprints(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """(article_id, fingerprint) of every article with a row the metrics read."""
    return con.execute(_ARTICLE_HASHES).df()


def countries(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """The corpus's place names that never scope money (``metrics.broad_places``)."""
    return metrics.broad_places(con.execute("SELECT DISTINCT name, place_type FROM entities.place_mentions").df())


def basis_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What every metric row depends on besides its articles: the code, the tables' schema, the countries."""
    here = Path(__file__).parent
    parts = [code_version("metrics"), *(hashlib.sha256((here / f).read_bytes()).hexdigest()
                                        for f in ("metrics.py", "metrics_update.py")),
             repr([TABLE_BY_NAME[t] for t in METRIC_TABLES]), repr(sorted(countries(con)))]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def record(con: duckdb.DuckDBPyConnection, place_links: pd.DataFrame) -> None:
    """Remember what the metric tables now in the warehouse were computed from (a full computation), and
    its ``place_links`` (``metrics.Corpus.place_links``)."""
    replace_rows(con, "meta.place_links", place_links[metrics.LINK_COLUMNS])
    replace_rows(con, "meta.metric_inputs", article_fingerprints(con))
    common.record(con, common.STAGE_INPUTS, BASIS_STAGE, basis_fingerprint(con))


def _changed(con: duckdb.DuckDBPyConnection, current: pd.DataFrame) -> set[str]:
    con.register("_current", current)
    try:
        return {a for (a,) in con.execute(
            "SELECT coalesce(c.article_id, s.article_id) FROM _current c "
            "FULL OUTER JOIN meta.metric_inputs s ON s.article_id = c.article_id "
            "WHERE c.fingerprint IS DISTINCT FROM s.fingerprint").fetchall()}
    finally:
        con.unregister("_current")


def canonical_map(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Syndicated copy -> canonical copy, over the whole corpus (only linked articles' dates are read)."""
    pairs = con.execute("SELECT * FROM clean.article_duplicates").df()
    linked = con.execute(
        "SELECT article_id, published_date FROM clean.articles WHERE article_id IN "
        "(SELECT article_id_a FROM clean.article_duplicates UNION SELECT article_id_b FROM clean.article_duplicates)"
    ).fetchall()
    return dedup.canonical_map(pairs, [dedup.Article(a, "", None if pd.isna(d) else pd.Timestamp(d).date())
                                       for a, d in linked])


@contextmanager
def _registered(con: duckdb.DuckDBPyConnection, name: str, column: str, values: set[str]) -> Iterator[None]:
    """``values`` as the registered one-column table ``name(column)`` while the block runs."""
    con.register(name, pd.DataFrame({column: sorted(values)}, dtype="object"))
    try:
        yield
    finally:
        con.unregister(name)


def _strings(con: duckdb.DuckDBPyConnection, sql: str, keys: set[str]) -> set[str]:
    """The first column of ``sql``, which reads ``keys`` as the registered table ``_keys(key)``, as a set."""
    with _registered(con, "_keys", "key", keys):
        return {v for (v,) in con.execute(sql).fetchall() if v is not None}


def _rows(con: duckdb.DuckDBPyConnection, table: str, ids: set[str]) -> pd.DataFrame:
    with _registered(con, "_ids", "article_id", ids):
        return con.execute(f"SELECT * FROM {table} WHERE article_id IN (SELECT article_id FROM _ids) "
                           "ORDER BY article_id, span_start, span_end").df()


def _articles(con: duckdb.DuckDBPyConnection, ids: set[str]) -> pd.DataFrame:
    with _registered(con, "_ids", "article_id", ids):
        df = con.execute("SELECT article_id, published_date, body FROM clean.articles "
                         "WHERE article_id IN (SELECT article_id FROM _ids) ORDER BY article_id").df()
    df["published_date"] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in df["published_date"]]
    return df


def _delete_where(con: duckdb.DuckDBPyConnection, table: str, column: str, values: set[str]) -> None:
    if values:
        with _registered(con, "_values", "v", values):
            con.execute(f"DELETE FROM {table} WHERE {column} IN (SELECT v FROM _values)")


def _links(con: duckdb.DuckDBPyConnection, column: str, values: set[str]) -> pd.DataFrame:
    """The stored ``meta.place_links`` rows whose ``column`` (name or article_id) is one of ``values``."""
    with _registered(con, "_values", column, values):
        return con.execute(f"SELECT {', '.join(metrics.LINK_COLUMNS)} FROM meta.place_links "
                           f"JOIN _values USING ({column})").df()


def _money_and_dates(con: duckdb.DuckDBPyConnection,
                     ids: set[str]) -> tuple[pd.DataFrame, dict[str, date | None]]:
    """The stored commitment mentions (article_id, span_start, commitment_id) and the dates of these articles."""
    with _registered(con, "_ids", "article_id", ids):
        money = con.execute("SELECT article_id, span_start, commitment_id FROM metrics.commitment_mentions "
                            "JOIN _ids USING (article_id)").df()
        dates = {a: None if pd.isna(d) else pd.Timestamp(d).date() for a, d in con.execute(
            "SELECT article_id, published_date FROM clean.articles JOIN _ids USING (article_id)").fetchall()}
    return money, dates


@dataclass(frozen=True)
class MoneyState:
    """What ``place_coverage`` reads of some commitments: the money of each mention and the commitments' terms."""

    mentions: frozenset[tuple[str, int, str]]  # (article_id, span_start, commitment_id)
    terms: dict[str, tuple[object, ...]]  # commitment_id -> (amount, currency, part_of)


def _money_of(con: duckdb.DuckDBPyConnection, commitment_ids: set[str]) -> MoneyState:
    with _registered(con, "_cids", "commitment_id", commitment_ids):
        mentions = frozenset((a, int(s), c) for a, s, c in con.execute(
            "SELECT article_id, span_start, commitment_id FROM metrics.commitment_mentions JOIN _cids "
            "USING (commitment_id) WHERE span_start IS NOT NULL").fetchall())
        terms = {c: (amount, currency, part_of) for c, amount, currency, part_of in con.execute(
            "SELECT commitment_id, amount, currency, part_of FROM metrics.programme_funding "
            "JOIN _cids USING (commitment_id)").fetchall()}
    return MoneyState(mentions, terms)


def _moved_money(was: MoneyState, now: MoneyState) -> set[tuple[str, int]]:
    """(article_id, span_start) of the money whose commitment differs between ``was`` and ``now``: another
    commitment, or one whose amount, currency or larger commitment changed (or that appeared or went)."""
    changed_terms = {c for c in was.terms.keys() | now.terms.keys() if was.terms.get(c) != now.terms.get(c)}
    return ({(a, s) for a, s, _ in was.mentions ^ now.mentions}
            | {(a, s) for a, s, c in was.mentions | now.mentions if c in changed_terms})


def update(con: duckdb.DuckDBPyConnection) -> dict[str, int] | None:
    """Bring the metric tables up to date by recomputing the programmes and places of changed articles.
    Returns the number of rows written per table, or None when only a full computation can (see above)."""
    if common.stored(con, common.STAGE_INPUTS, BASIS_STAGE) != basis_fingerprint(con):
        return None
    current = article_fingerprints(con)
    changed = _changed(con, current)
    canonical = canonical_map(con)
    all_ids = [a for (a,) in con.execute("SELECT article_id FROM clean.articles ORDER BY article_id").fetchall()]
    groups = metrics.article_groups(all_ids, canonical)
    stored_groups = con.execute(f"SELECT {', '.join(metrics.GROUP_COLUMNS)} FROM metrics.article_groups").df()
    merged = groups.merge(stored_groups, how="outer", on="article_id", suffixes=("", "_was"), indicator=True)
    regrouped = merged[(merged["_merge"] != "both") | (merged["canonical_article_id"] != merged["canonical_article_id_was"])
                       | (merged["group_size"] != merged["group_size_was"])]
    changed |= set(regrouped["article_id"])
    written = {t: 0 for t in METRIC_TABLES}
    if changed:
        programmes = _strings(con, "SELECT programme FROM metrics.programme_summary "
                                   "WHERE list_has_any(article_ids, (SELECT list(key) FROM _keys)) "
                                   "UNION SELECT programme FROM entities.funding JOIN _keys ON article_id = key "
                                   "UNION SELECT programme FROM entities.programme_mentions JOIN _keys ON article_id = key",
                              changed)
        of_programmes = _strings(con, "SELECT article_id FROM entities.funding WHERE programme IN "
                                      "(SELECT key FROM _keys) UNION SELECT article_id FROM "
                                      "entities.programme_mentions WHERE programme IN (SELECT key FROM _keys)",
                                 programmes)
        ids = of_programmes | changed
        if len(ids) > MAX_UPDATE_SHARE * len(all_ids):
            return None  # most of the corpus to read again: a full computation costs less
        corpus = metrics.Corpus(
            articles=_articles(con, ids), funding=_rows(con, "entities.funding", ids),
            programme_mentions=_rows(con, "entities.programme_mentions", ids),
            place_mentions=_rows(con, "entities.place_mentions", ids),
            people_counts=_rows(con, "entities.people_counts", ids),
            canonical=canonical, programmes=frozenset(programmes), broad_places=countries(con))
        fresh_links = metrics.place_links(corpus, changed)
        kept_links = _links(con, "article_id", ids - changed)
        links = pd.concat([x for x in (kept_links, fresh_links) if len(x)] or [fresh_links], ignore_index=True)
        part = metrics.compute_part(corpus, links)
        old_ids = _strings(con, "SELECT commitment_id FROM metrics.programme_funding WHERE programme IN "
                                "(SELECT key FROM _keys)", programmes)
        was = _money_of(con, old_ids)
        _delete_where(con, "metrics.commitment_mentions", "commitment_id", old_ids)
        for table in ("metrics.programme_funding", "metrics.programme_reach", "metrics.programme_summary",
                      "metrics.funding_timeline"):
            _delete_where(con, table, "programme", programmes)
        for table, df in part.tables().items():
            if table not in ("metrics.place_coverage", "metrics.article_groups"):
                written[table] = replace_rows(con, table, df[TABLE_BY_NAME[table].column_names], article_ids=[])
        # places: those named in a changed article (before or now), and those whose sentences hold money whose
        # commitment changed (another commitment, or its amount, currency or larger commitment): what a
        # place's row reads of an unchanged article (its paragraph's programmes, its date) is as it was
        moved = _moved_money(was, _money_of(con, set(part.programme_funding["commitment_id"])))
        touched = [a in changed or any((a, int(s)) in moved for s in starts)
                   for a, starts in zip(links["article_id"], links["money_starts"])]
        places = set(links.loc[touched, "name"].dropna()) | _strings(
            con, "SELECT name FROM meta.place_links JOIN _keys ON article_id = key", changed)
        replace_rows(con, "meta.place_links", fresh_links, article_ids=sorted(changed))
        place_links = _links(con, "name", places)
        money_rows, dates = _money_and_dates(con, set(place_links["article_id"]))
        commitments = con.execute("SELECT commitment_id, amount, currency, part_of FROM metrics.programme_funding").df()
        _delete_where(con, "metrics.place_coverage", "place", places)
        rows = metrics.place_rows(place_links, money_rows, commitments, dates, canonical)
        written["metrics.place_coverage"] = replace_rows(
            con, "metrics.place_coverage", rows[TABLE_BY_NAME["metrics.place_coverage"].column_names], article_ids=[])
    if len(regrouped):
        _delete_where(con, "metrics.article_groups", "article_id", set(regrouped["article_id"]))
        fresh = groups[groups["article_id"].isin(set(regrouped["article_id"]))]
        written["metrics.article_groups"] = replace_rows(con, "metrics.article_groups", fresh, article_ids=[])
    replace_rows(con, "meta.metric_inputs", current[current["article_id"].isin(changed)], article_ids=sorted(changed))
    return written

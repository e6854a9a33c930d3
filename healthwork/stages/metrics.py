"""Corpus-level stages: syndication links, metrics, analyst views.

- ``run_duplicates``: near-duplicate article pairs -> ``clean.article_duplicates`` (incremental: only
  new and changed bodies are hashed; their signatures are kept in ``clean.article_signatures``).
- ``run_metrics``: entity rows + syndication groups -> every ``metrics.*`` table.
- ``run_marts``: (re)creates the documented ``marts.*`` views.

When nothing the metric tables read changed (``metrics_fingerprint``) they are kept as they are; when
some articles changed, the rows of their programmes and places are recomputed (``metrics_update``);
otherwise (new code or schema, most of the corpus touched, ``force``) they are derived wholesale, dropped
and recreated from the schema registry: a warehouse built by an older version gets the current columns.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from healthwork import dedup, marts, metrics
from healthwork.stages import common, metrics_update
from healthwork.store import TABLE_BY_NAME, ddl, replace_rows, rows_fingerprint
from healthwork.versioning import code_version

METRIC_TABLES = tuple(t for t in TABLE_BY_NAME if t.startswith("metrics."))


@dataclass
class DuplicatesSummary:
    pairs: pd.DataFrame
    n_articles: int = 0
    n_copies: int = 0  # articles counted as a copy of another
    n_hashed: int = 0  # bodies whose signature was computed this run (new or changed)
    n_forgotten: int = 0  # signatures removed: deleted or changed articles
    n_candidates: int = 0  # candidate pairs scored this run


@dataclass
class MetricsSummary:
    rows: dict[str, int] = field(default_factory=dict)
    headline: pd.DataFrame | None = None
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    recomputed: bool = True  # False: the inputs were those of the last run, the tables were kept


def _articles(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    df = con.execute("SELECT article_id, published_date, body FROM clean.articles ORDER BY article_id").df()
    df["published_date"] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in df["published_date"]]
    return df


def _dedup_articles(df: pd.DataFrame) -> list[dedup.Article]:
    return [dedup.Article(a, b or "", d) for a, b, d in zip(df["article_id"], df["body"], df["published_date"])]


SIGNATURE_TABLES = ("clean.article_signatures", "clean.article_lsh_bands")


def _published(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, date | None]:
    """Publication dates of these articles (None: undated)."""
    common.ids_frame(con, ids)
    try:
        return {a: None if pd.isna(d) else pd.Timestamp(d).date() for a, d in con.execute(
            "SELECT article_id, published_date FROM clean.articles JOIN _todo USING (article_id)").fetchall()}
    finally:
        con.unregister("_todo")


def _changed_bodies(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None, str | None]]:
    """(article_id, current body_sha, signed body_sha) of every article whose body differs from the one its
    stored signature was computed from: new (no signature), changed, or deleted (no article). One join in
    DuckDB, so a run with nothing new reads no row of an unchanged article."""
    return con.execute(
        "WITH cur AS (SELECT article_id, CASE WHEN body_sha IS NULL THEN sha256(coalesce(body, '')) "
        "ELSE body_sha END AS sha FROM clean.articles) "
        "SELECT coalesce(cur.article_id, s.article_id), cur.sha, s.body_sha FROM cur "
        "FULL OUTER JOIN clean.article_signatures s ON s.article_id = cur.article_id "
        "WHERE cur.sha IS DISTINCT FROM s.body_sha ORDER BY 1").fetchall()


def _bodies(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    common.ids_frame(con, ids)
    try:
        return dict(con.execute("SELECT article_id, coalesce(body, '') FROM clean.articles "
                                "JOIN _todo USING (article_id)").fetchall())
    finally:
        con.unregister("_todo")


def _signature_rows(ids: list[str], shas: list[str], sets: list[np.ndarray],
                    sigs: np.ndarray) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``clean.article_signatures`` and ``clean.article_lsh_bands`` rows of signed articles."""
    keys = dedup.band_keys(sigs)
    signatures = pd.DataFrame({"article_id": ids, "body_sha": shas, "n_shingles": [len(x) for x in sets],
                               "signature": [row.astype("<u4").tobytes() for row in sigs]})
    bands = pd.DataFrame({"article_id": [a for a in ids for _ in range(dedup.LSH_BANDS)],
                          "band": list(range(dedup.LSH_BANDS)) * len(ids), "bucket": keys.ravel()})
    return signatures, bands.astype({"band": "int16", "bucket": "uint64"})


NEW_PER_QUERY = 2000  # new articles whose candidates are looked up at once (bounds memory at 100k articles)


def _stored_signatures(con: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(signatures, shingle counts) of stored articles, in the order of ``ids``."""
    common.ids_frame(con, ids)
    try:
        rows = dict((a, (n, sig)) for a, n, sig in con.execute(
            "SELECT article_id, n_shingles, signature FROM clean.article_signatures "
            "JOIN _todo USING (article_id)").fetchall())
    finally:
        con.unregister("_todo")
    sigs = np.frombuffer(b"".join(rows[a][1] for a in ids), dtype="<u4").reshape(len(ids), dedup.NUM_PERM)
    return sigs.astype(np.uint32), np.array([rows[a][0] for a in ids], dtype=np.int64)


def _link_new(con: duckdb.DuckDBPyConnection, new_ids: list[str], new_sets: list[np.ndarray], new_sigs: np.ndarray,
              new_bands: pd.DataFrame) -> tuple[list[dedup.Linked], int]:
    """Linked pairs that involve a new article (``new_ids``, sorted, already in the band table), and how many
    candidates were found. Per block of new articles: their candidates by joining their band keys with the
    stored ones (integer keys, so only numbers leave DuckDB), a new-new pair kept once (from its smaller id),
    ``dedup.plausible`` on the signatures, then the exact score, with stored articles' bodies read only for the
    few pairs that remain."""
    if not new_ids:
        return [], 0
    all_ids = [a for (a,) in con.execute("SELECT article_id FROM clean.article_signatures "
                                          "WHERE signature IS NOT NULL ORDER BY article_id").fetchall()]
    key = {a: k for k, a in enumerate(all_ids)}
    new_keys = np.array([key[a] for a in new_ids], dtype=np.int64)
    new_row = np.full(len(all_ids), -1, dtype=np.int64)  # key -> row of new_sets / new_sigs (-1: stored)
    new_row[new_keys] = np.arange(len(new_keys))
    new_lens = np.array([len(x) for x in new_sets], dtype=np.int64)
    bands_of = new_bands.assign(k=np.repeat(new_keys, dedup.LSH_BANDS))
    con.register("_keys", pd.DataFrame({"article_id": all_ids, "k": np.arange(len(all_ids), dtype=np.int64)}))
    links: list[dedup.Linked] = []
    n_candidates = 0
    try:
        for lo in range(0, len(new_ids), NEW_PER_QUERY):
            con.register("_block", bands_of.iloc[lo * dedup.LSH_BANDS:(lo + NEW_PER_QUERY) * dedup.LSH_BANDS])
            found = con.execute(
                "SELECT DISTINCT n.k AS x, o.k AS y FROM _block n JOIN clean.article_lsh_bands b "
                "ON b.band = n.band AND b.bucket = n.bucket JOIN _keys o ON o.article_id = b.article_id "
                "WHERE o.k <> n.k").fetchnumpy()
            con.unregister("_block")
            x, y = np.asarray(found["x"], dtype=np.int64), np.asarray(found["y"], dtype=np.int64)
            keep = (new_row[y] < 0) | (y > x)
            x, y = x[keep], y[keep]
            n_candidates += len(x)
            if not len(x):
                continue
            # signatures and sizes of every article in the block's pairs: new ones in memory, stored ones read
            ks, inverse = np.unique(np.concatenate([x, y]), return_inverse=True)
            left, right = inverse[:len(x)], inverse[len(x):]
            stored = ks[new_row[ks] < 0]
            stored_sigs, stored_lens = _stored_signatures(con, [all_ids[k] for k in stored.tolist()])
            sigs = np.empty((len(ks), dedup.NUM_PERM), dtype=np.uint32)
            lens = np.empty(len(ks), dtype=np.int64)
            fresh = new_row[ks] >= 0
            sigs[fresh], lens[fresh] = new_sigs[new_row[ks[fresh]]], new_lens[new_row[ks[fresh]]]
            sigs[~fresh], lens[~fresh] = stored_sigs, stored_lens  # ks and stored are both in key order
            keep = dedup.plausible(sigs, lens, left, right)
            left, right = left[keep], right[keep]
            if not len(left):
                continue
            used = np.unique(np.concatenate([left, right]))
            bodies = _bodies(con, [all_ids[k] for k in ks[used].tolist() if new_row[k] < 0])
            sets = {int(i): new_sets[new_row[ks[i]]] if new_row[ks[i]] >= 0 else dedup.shingles(bodies[all_ids[ks[i]]])
                    for i in used.tolist()}
            rows = sorted(sets)
            pos = np.full(len(ks), -1, dtype=np.int64)
            pos[rows] = np.arange(len(rows))
            links += dedup.link_candidates([all_ids[ks[i]] for i in rows], [sets[i] for i in rows],
                                           pos[left], pos[right])
    finally:
        con.unregister("_keys")
    return links, n_candidates


def run_duplicates(con: duckdb.DuckDBPyConnection) -> DuplicatesSummary:
    """Link near-duplicate articles, hashing only new and changed bodies (``clean.article_duplicates``).

    Each body's MinHash signature and LSH band keys are stored (``clean.article_signatures``,
    ``clean.article_lsh_bands``); a run removes those of deleted and changed articles with their pairs,
    signs the new bodies, and scores exactly only the candidate pairs that involve a new body (found by
    joining its band keys with the stored ones). The pairs between unchanged articles stay as scored,
    so the table equals ``dedup.find_duplicates`` over the whole corpus (tests/test_dedup.py)."""
    if common.stage_version_changed(con, "dedup"):  # other shingling or banding: sign everything again
        for t in (*SIGNATURE_TABLES, "clean.article_duplicates"):
            con.execute(f"DELETE FROM {t}")
    changes = _changed_bodies(con)
    current = {a: sha for a, sha, _ in changes if sha is not None}
    stale = [a for a, _, signed_sha in changes if signed_sha is not None]
    todo = sorted(current)
    if stale:
        common.ids_frame(con, stale)
        for t in SIGNATURE_TABLES:
            con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT article_id FROM _todo)")
        con.execute("DELETE FROM clean.article_duplicates WHERE article_id_a IN (SELECT article_id FROM _todo) "
                    "OR article_id_b IN (SELECT article_id FROM _todo)")
        con.unregister("_todo")
    blank, signed, sets = dedup.shingle_batches(todo, lambda ids: _bodies(con, ids))  # never every body at once
    new_sigs = dedup.signatures(sets)
    signatures, bands = _signature_rows(signed, [current[a] for a in signed], sets, new_sigs)
    signatures = pd.concat([signatures, pd.DataFrame({"article_id": blank, "body_sha": [current[a] for a in blank],
                                                      "n_shingles": 0, "signature": None})], ignore_index=True)
    replace_rows(con, "clean.article_signatures", signatures, article_ids=[])
    replace_rows(con, "clean.article_lsh_bands", bands, article_ids=[])
    links, n_candidates = _link_new(con, signed, sets, new_sigs, bands)
    # every pair is (re)oriented by the current dates: a changed date can swap which copy came first
    kept = [dedup.Linked(*row) for row in con.execute(
        "SELECT article_id_a, article_id_b, similarity, method FROM clean.article_duplicates").fetchall()]
    published = _published(con, sorted({a for p in (*kept, *links) for a in (p.article_id_x, p.article_id_y)}))
    pairs = dedup.pairs_frame([*kept, *links], published)
    replace_rows(con, "clean.article_duplicates", pairs)
    common.record_stage_version(con, "dedup")
    canon = dedup.canonical_map(pairs, [dedup.Article(a, "", d) for a, d in published.items()])
    n_articles = con.execute("SELECT count(*) FROM clean.articles").fetchone()[0]
    return DuplicatesSummary(pairs=pairs, n_articles=n_articles, n_copies=sum(a != c for a, c in canon.items()),
                             n_hashed=len(todo), n_forgotten=len(stale), n_candidates=n_candidates)


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


# what ``load_corpus`` reads besides clean.articles (whose id, date and body it reads)
METRIC_INPUTS = ("clean.article_duplicates", "entities.funding", "entities.programme_mentions",
                 "entities.place_mentions", "entities.people_counts")


def metrics_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A hash of everything the metric tables are computed from: the metrics code (and this module's, which
    loads their inputs), the metric tables' schema, and every row of the inputs (an order-free sum of row
    hashes per table, one scan each: milliseconds at 10,000 articles, 0.16 s at 100,000). Equal
    fingerprints mean equal metric tables."""
    parts = [code_version("metrics"), hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),  # how inputs load
             repr([TABLE_BY_NAME[t] for t in METRIC_TABLES])]
    parts.append(repr(con.execute("SELECT count(*), sum(hash(article_id, published_date, body)) "
                                  "FROM clean.articles").fetchone()))
    parts += [rows_fingerprint(con, table) for table in METRIC_INPUTS]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _metric_tables_present(con: duckdb.DuckDBPyConnection) -> bool:
    have = {f"{s}.{n}" for s, n in con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                                                 "WHERE database_name = current_database()").fetchall()}
    return set(METRIC_TABLES) <= have


# columns read back of the large metric tables after an update (their headlines count rows and syndicated copies):
# the sentences of 124,000 commitment mentions at 100,000 articles are most of reading the tables back
_READ_BACK_COLUMNS = {"metrics.commitment_mentions": "commitment_id, article_id"}


def _read_back(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The metric tables as kept or updated in the file, for the asset's headlines (in the order written)."""
    return {t: con.execute(f"SELECT {_READ_BACK_COLUMNS.get(t, '*')} FROM {t}").df() for t in METRIC_TABLES}


def run_metrics(con: duckdb.DuckDBPyConnection, force: bool = False) -> MetricsSummary:
    """Bring every corpus-level metric up to date with the entity tables: kept when the inputs are exactly
    those of the last run (``metrics_fingerprint``), else updated for the changed articles' programmes and
    places (``metrics_update.update``), else (or with ``force``) recomputed over the whole corpus."""
    fingerprint = metrics_fingerprint(con)
    if not force and fingerprint == common.stored(con, common.STAGE_INPUTS, "metrics") and _metric_tables_present(con):
        tables = _read_back(con)
        return MetricsSummary(rows={t: len(df) for t, df in tables.items()},
                              headline=tables["metrics.programme_summary"], tables=tables, recomputed=False)
    if not force and _metric_tables_present(con) and metrics_update.update(con) is not None:
        common.record(con, common.STAGE_INPUTS, "metrics", fingerprint)  # only the programmes and places that changed were redone
        common.mark_unchecked(con, "metrics", changed_commitments(con))
        tables = _read_back(con)
        return MetricsSummary(rows={t: len(df) for t, df in tables.items()},
                              headline=tables["metrics.programme_summary"], tables=tables)
    corpus = load_corpus(con)
    m = metrics.compute(corpus)
    recreate_metric_tables(con)
    rows = {}
    for table, df in m.tables().items():
        rows[table] = replace_rows(con, table, df[TABLE_BY_NAME[table].column_names])
    common.record_stage_version(con, "metrics")
    common.record(con, common.STAGE_INPUTS, "metrics", fingerprint)
    metrics_update.record(con, corpus.place_links)
    common.mark_unchecked(con, "metrics", changed_commitments(con))
    return MetricsSummary(rows=rows, headline=m.programme_summary, tables=m.tables())


# per commitment: what the metrics check reads of it (its row, the row of the commitment it is part of, its
# mentions with their articles' publication dates), hashed
COMMITMENT_FINGERPRINTS = """
    SELECT pf.commitment_id, CAST(hash(hash(pf), hash(parent), coalesce(m.h, 0)) AS VARCHAR)
    FROM metrics.programme_funding pf
    LEFT JOIN metrics.programme_funding parent ON parent.commitment_id = pf.part_of
    LEFT JOIN (SELECT cm.commitment_id, sum(hash(cm, a.published_date)) AS h
               FROM metrics.commitment_mentions cm LEFT JOIN clean.articles a USING (article_id)
               GROUP BY cm.commitment_id) m ON m.commitment_id = pf.commitment_id"""


def changed_commitments(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The commitments whose checked inputs differ from the last computation's (``meta.commitment_state``),
    for the metrics check to look at; the state is then replaced by the current one."""
    current = {c: f for c, f in con.execute(COMMITMENT_FINGERPRINTS).fetchall() if c is not None}
    stored = dict(con.execute("SELECT commitment_id, fingerprint FROM meta.commitment_state").fetchall())
    replace_rows(con, "meta.commitment_state", [{"commitment_id": c, "fingerprint": f}
                                                for c, f in sorted(current.items())])
    return sorted(c for c, f in current.items() if stored.get(c) != f)


MARTS_STATE = "marts"  # meta.stage_state key: the version of the view definitions in the file


def marts_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Every analyst view is in the file as ``healthwork.marts`` defines it now (views hold no rows: they
    need no refresh when their tables change)."""
    present = {n for (n,) in con.execute("SELECT view_name FROM duckdb_views() WHERE schema_name = ? "
                                         "AND database_name = current_database()", [marts.SCHEMA]).fetchall()}
    return (common.stored(con, common.STAGE_STATE, MARTS_STATE) == marts.definitions_version()
            and all(v.name in present for v in marts.VIEWS))


def run_marts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """(Re)create the analyst views unless they are current; returns each view's row count."""
    if not marts_current(con):
        marts.create_views(con)
        common.record(con, common.STAGE_STATE, MARTS_STATE, marts.definitions_version())
    return {v.qualified: con.execute(f"SELECT count(*) FROM {v.qualified}").fetchone()[0] for v in marts.VIEWS}

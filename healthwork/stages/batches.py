"""Per-article stages in batches: bounded memory at any corpus size, one bulk insert per table per batch.

A stage deletes the rows of every article it is about to (re)write with one statement per table, then
streams its articles through the process pool ``BATCH`` at a time (``healthwork.parallel.map_batches``)
and appends each batch's rows. The main process never holds more than a few batches of texts, results
and rows, whether the run has 10 articles or 100,000 (the 100k rebuild held every text, line key and
dropped line at once: 4.5 GiB).

The clean and entities stages also ``commit`` after each batch: DuckDB keeps a transaction's new rows in
memory until it commits (~100 MiB per 10,000 cleaned articles, ~1 GiB at 100,000). Each batch commits its
rows together with their ``meta.processed`` rows and quarantine rows, so a run killed between batches
leaves whole articles, and the next run does what is left (an article is redone unless its processed row
says it was done); the stage's code version is recorded last, so a killed full rebuild is redone whole.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import duckdb
import pandas as pd
import pyarrow as pa

from healthwork.stages import common
from healthwork.store import replace_rows

BATCH = 2_000  # articles per batch: large enough that per-batch statements cost nothing, small enough for memory

T = TypeVar("T")


def chunks(items: Sequence[T], size: int | None = None) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size`` (default ``BATCH``, read at each call)."""
    size = size or BATCH
    for i in range(0, len(items), size):
        yield items[i:i + size]


def append(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` with one statement."""
    if not rows:
        return 0
    return append_columns(con, table, dict(zip(columns, (list(v) for v in zip(*rows)))))


def append_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, list[Any]]) -> int:
    """Insert rows given column by column (equal-length lists) into ``table`` with one statement.

    The columns go to DuckDB as an Arrow table: strings are copied once in C, where a pandas object
    column is read back one Python object at a time (2-3x slower for a batch of dropped lines). None is
    NULL either way (DuckDB reads a pandas NaN as NULL too). A column Arrow cannot type (mixed kinds of
    values) is sent through pandas, as before."""
    n = len(next(iter(columns.values()), []))
    if not n:
        return 0
    try:
        data: Any = pa.table({c: pa.array(v) for c, v in columns.items()})
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        data = pd.DataFrame(columns)
    con.register("_batch_rows", data)
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch_rows")
    finally:
        con.unregister("_batch_rows")
    return n


def commit(con: duckdb.DuckDBPyConnection) -> None:
    """Commit what the stage wrote so far and open the next transaction (the caller's ``Warehouse.write``
    commits or rolls back that one). Outside a transaction every statement has committed already."""
    try:
        con.execute("COMMIT")
    except duckdb.TransactionException:
        return
    con.execute("BEGIN TRANSACTION")


PROCESSED_COLUMNS = ("stage", "article_id", "version", "outcome")


def commit_batch(
    con: duckdb.DuckDBPyConnection, stage: str, done_rows: Sequence[tuple[Any, ...]],
    failures: Sequence[tuple[str, str, str]],
) -> list[dict[str, str | None]]:
    """Close a batch of a per-article stage: its ``meta.processed`` rows (``PROCESSED_COLUMNS`` tuples) and the
    quarantine rows of its failures ((article_id, reason, detail)) go in with the batch's own rows in one commit,
    so a run killed after it keeps whole articles. Returns the quarantine rows written."""
    append(con, "meta.processed", PROCESSED_COLUMNS, done_rows)
    quarantined = common.quarantine_rows(con, stage, failures)
    if quarantined:
        replace_rows(con, "dq.quarantine", quarantined, article_ids=[])
    commit(con)
    return quarantined


def delete_articles(con: duckdb.DuckDBPyConnection, tables: Sequence[str], ids: Sequence[str]) -> None:
    """Remove the rows of these articles from each table (one statement per table)."""
    if not ids or not tables:
        return
    con.register("_batch_ids", pd.DataFrame({"article_id": list(ids)}, dtype="object"))
    try:
        for table in tables:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _batch_ids)")
    finally:
        con.unregister("_batch_ids")

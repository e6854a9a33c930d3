"""Per-article stages in batches: bounded memory at any corpus size, one bulk insert per table per batch.

A stage deletes the rows of every article it is about to (re)write with one statement per table, then
streams its articles through the process pool ``BATCH`` at a time (``healthwork.parallel.map_batches``)
and appends each batch's rows. The main process never holds more than a few batches of texts, results
and rows, whether the run has 10 articles or 100,000 (the 100k rebuild held every text, line key and
dropped line at once: 4.5 GiB).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

import duckdb
import pandas as pd

BATCH = 2_000  # articles per batch: large enough that per-batch statements cost nothing, small enough for memory

T = TypeVar("T")


def chunks(items: Sequence[T], size: int = BATCH) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def columns_frame(columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    """Tuples in ``columns`` order -> a DataFrame built column by column from lists (the dtypes
    ``store.frame`` gives the same values as dicts)."""
    if not rows:
        return pd.DataFrame(columns=list(columns))
    return pd.DataFrame({c: list(values) for c, values in zip(columns, zip(*rows))}, columns=list(columns))


def append(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table`` with one statement."""
    if not rows:
        return 0
    con.register("_batch_rows", columns_frame(columns, rows))
    try:
        cols = ", ".join(columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch_rows")
    finally:
        con.unregister("_batch_rows")
    return len(rows)


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

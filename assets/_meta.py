"""Dagster metadata helpers shared by the asset modules (row counts, markdown previews)."""
from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd
from dagster import MetadataValue


def markdown_table(df: pd.DataFrame, max_rows: int = 5, max_chars: int = 60) -> str:
    """A small markdown table of the first rows (cells shortened, pipes escaped)."""
    if df.empty:
        return "_no rows_"

    def cell(v: Any) -> str:
        missing = v is None or (pd.api.types.is_scalar(v) and bool(pd.isna(v)))  # None, NaN, NaT, pd.NA
        s = "" if missing else str(v)
        s = s.replace("\n", " ").replace("|", "\\|")
        return s if len(s) <= max_chars else s[: max_chars - 1] + "…"

    head = df.head(max_rows)
    lines = ["| " + " | ".join(map(str, head.columns)) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in head.itertuples(index=False)]
    return "\n".join(lines)


def table_metadata(con: duckdb.DuckDBPyConnection, table: str, preview_sql: str | None = None,
                   rows: int | None = None) -> dict[str, Any]:
    """Row count (``rows`` when the caller counted them) and a markdown preview (``preview_sql`` or the
    table's first rows)."""
    n = rows if rows is not None else con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    preview = con.execute(preview_sql or f"SELECT * FROM {table} LIMIT 5").df()
    return {
        "dagster/row_count": MetadataValue.int(int(n)),
        "table": MetadataValue.text(table),
        "preview": MetadataValue.md(markdown_table(preview)),
    }

"""Shared bookkeeping of the stages: code versions, processed-article diffs, id lists."""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import duckdb
import pandas as pd

from healthwork import limits
from healthwork.versioning import code_version

log = logging.getLogger("healthwork")
Progress = Callable[[int, int], None]

def noop(done: int, total: int) -> None:
    return None


# per-stage bookkeeping tables (stage, value): the code a stage last ran with; the inputs a corpus stage last ran on
STAGE_STATE = "meta.stage_state"
STAGE_INPUTS = "meta.stage_inputs"
_VALUE_COLUMN = {STAGE_STATE: "code_version", STAGE_INPUTS: "fingerprint"}


def stored(con: duckdb.DuckDBPyConnection, table: str, stage: str) -> str | None:
    """The value ``table`` (``STAGE_STATE`` or ``STAGE_INPUTS``) holds for ``stage``, else None."""
    rows = con.execute(f"SELECT {_VALUE_COLUMN[table]} FROM {table} WHERE stage = ?", [stage]).fetchall()
    return rows[0][0] if rows else None  # fetchall: no unfinished result is left on the connection


def record(con: duckdb.DuckDBPyConnection, table: str, stage: str, value: str) -> None:
    """Set ``stage``'s value in ``table`` (``STAGE_STATE`` or ``STAGE_INPUTS``)."""
    con.execute(f"DELETE FROM {table} WHERE stage = ?", [stage])
    con.execute(f"INSERT INTO {table} VALUES (?, ?)", [stage, value])


def stage_version_changed(con: duckdb.DuckDBPyConnection, stage: str) -> bool:
    return stored(con, STAGE_STATE, stage) != code_version(stage)


def record_stage_version(con: duckdb.DuckDBPyConnection, stage: str) -> None:
    record(con, STAGE_STATE, stage, code_version(stage))


WHOLE_TABLE = "*"  # meta.unchecked key: the check looks at every row of the stage's tables


def mark_unchecked(con: duckdb.DuckDBPyConnection, stage: str, keys: Sequence[str] | None) -> None:
    """Rows this stage (re)wrote, for its check to look at (``None``: every row of its tables). They stay
    in ``meta.unchecked`` until a check of the stage passes without blocking, so a blocked run's rows are
    looked at again by the next run."""
    wanted = [WHOLE_TABLE] if keys is None else sorted(set(keys))
    if not wanted:
        return
    con.register("_unchecked", pd.DataFrame({"stage": stage, "key": wanted}, dtype="object"))
    try:
        con.execute("INSERT INTO meta.unchecked SELECT stage, key FROM _unchecked "
                    "EXCEPT SELECT stage, key FROM meta.unchecked")
    finally:
        con.unregister("_unchecked")


def ids_frame(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> None:
    con.register("_todo", pd.DataFrame({"article_id": list(ids)}, dtype="object"))


def processed(con: duckdb.DuckDBPyConnection, stage: str) -> dict[str, str]:
    return dict(con.execute("SELECT article_id, version FROM meta.processed WHERE stage = ?", [stage]).fetchall())


def forget(con: duckdb.DuckDBPyConnection, stage: str, tables: Sequence[str], ids: Sequence[str]) -> None:
    if not ids:
        return
    ids_frame(con, ids)
    for t in tables:
        con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT article_id FROM _todo)")
    con.execute("DELETE FROM meta.processed WHERE stage = ? AND article_id IN (SELECT article_id FROM _todo)", [stage])
    con.unregister("_todo")


def _article_files(con: duckdb.DuckDBPyConnection, ids: Sequence[str], columns: str) -> list[tuple[Any, ...]]:
    """(article_id, *columns) of the raw.files article rows of these articles."""
    ids_frame(con, ids)
    try:
        return con.execute(f"SELECT f.article_id, {columns} FROM raw.files f JOIN _todo USING (article_id) "
                           "WHERE f.status = 'article'").fetchall()
    finally:
        con.unregister("_todo")


def texts(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> dict[str, str]:
    """Decoded text of each article, cut to ``limits.MAX_ARTICLE_CHARS`` (raw.files.truncated says which)."""
    if not ids:
        return {}
    return {a: limits.cap_text(t) for a, t in _article_files(con, ids, "f.text")}


def quarantine_rows(con: duckdb.DuckDBPyConnection, stage: str,
                    items: Sequence[tuple[str, str, str]]) -> list[dict[str, str | None]]:
    """dq.quarantine rows for (article_id, reason, detail) items: with the file's name and sha256."""
    if not items:
        return []
    files = {a: (n, sha) for a, n, sha in _article_files(con, [a for a, _, _ in items], "f.source_file, f.sha256")}
    return [{"source_file": files[a][0], "sha256": files[a][1], "stage": stage, "reason": why, "detail": det}
            for a, why, det in items]


def drop_quarantine(con: duckdb.DuckDBPyConnection, stage: str, ids: Sequence[str]) -> None:
    """Quarantine rows of a stage are keyed by file: remove those of the given articles."""
    if not ids:
        return
    ids_frame(con, ids)
    con.execute("""DELETE FROM dq.quarantine WHERE stage = ? AND source_file NOT IN
                   (SELECT source_file FROM raw.files WHERE status = 'article'
                    AND article_id NOT IN (SELECT article_id FROM _todo))""", [stage])
    con.unregister("_todo")

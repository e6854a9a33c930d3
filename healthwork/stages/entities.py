"""Stage entities: extract entities from every article whose body is new or changed."""
from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterator, Sequence
from typing import Any

import duckdb

from healthwork import parallel
from healthwork.extract import TABLES as ENTITY_TABLES
from healthwork.stages import batches, common
from healthwork.store import TABLE_BY_NAME

EXTRACT_ERROR = "extract_error"


@dataclass
class EntitySummary:
    extracted: int = 0
    removed: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str, str]] = field(default_factory=list)


ENTITY_QUALIFIED = tuple(f"entities.{t}" for t in ENTITY_TABLES)


def run_entities(con: duckdb.DuckDBPyConnection, full: bool = False, progress: common.Progress = common.noop) -> EntitySummary:
    """Extract entities from every article whose body is new or changed since last extraction."""
    s = EntitySummary()
    whole = full or common.stage_version_changed(con, "entities")
    if whole:
        for t in ENTITY_QUALIFIED:
            con.execute(f"DELETE FROM {t}")
        con.execute("DELETE FROM meta.processed WHERE stage = 'entities'")
        con.execute("DELETE FROM dq.quarantine WHERE stage = 'entities'")
    bodies = dict(con.execute("SELECT article_id, body_sha FROM clean.articles").fetchall())
    done = common.processed(con, "entities")
    stale = sorted(a for a, v in done.items() if bodies.get(a) != v)
    common.forget(con, "entities", ENTITY_QUALIFIED, stale)
    s.removed = sum(1 for a in stale if a not in bodies)
    todo = sorted(a for a in bodies if done.get(a) != bodies[a])
    batches.delete_articles(con, ENTITY_QUALIFIED, todo)
    common.forget(con, "entities", (), todo)
    common.drop_quarantine(con, "entities", [*stale, *todo])
    common.mark_unchecked(con, "entities", None if whole else todo)  # before the first batch commits
    columns = {t: tuple(TABLE_BY_NAME[f"entities.{t}"].column_names) for t in ENTITY_TABLES}
    n_done = 0
    results = parallel.map_batches(parallel.extract_task, _body_batches(con, todo), len(todo),
                                   init=parallel.set_entity_columns, init_args=(columns,))
    for batch, outcomes in results:
        out: dict[str, list[tuple[Any, ...]]] = {t: [] for t in ENTITY_TABLES}
        done_rows = []
        failed: list[tuple[str, str, str]] = []
        for (aid, name), got in zip(batch, outcomes):
            if got.error is not None:
                common.log.error("entity extraction failed for %s\n%s", name, got.trace)
                failed.append((aid, EXTRACT_ERROR, got.error))
            for t, rows in (got.value or {}).items():
                out[t] += rows
            done_rows.append(("entities", aid, bodies[aid], "ok" if got.error is None else "quarantined"))
        for t in ENTITY_TABLES:
            batches.append(con, f"entities.{t}", columns[t], out[t])
        q_rows = batches.commit_batch(con, "entities", done_rows, failed)
        s.failed += [(r["source_file"], r["detail"]) for r in q_rows]
        n_done += len(batch)
        progress(n_done, len(todo))
    if not todo:
        progress(0, 0)
    s.extracted = len(todo)
    s.rows = {t: con.execute(f"SELECT count(*) FROM entities.{t}").fetchone()[0] for t in ENTITY_TABLES}
    common.record_stage_version(con, "entities")
    return s


def _body_batches(con: duckdb.DuckDBPyConnection,
                  ids: list[str]) -> Iterator[tuple[Sequence[tuple[str, str]], list[tuple[str, str]]]]:
    """((article_id, source_file) of each article, [(article_id, body)]) a batch at a time."""
    for batch in batches.chunks(ids):
        common.ids_frame(con, batch)
        try:
            rows = con.execute("SELECT a.article_id, a.body, a.source_file FROM clean.articles a "
                               "JOIN _todo USING (article_id) ORDER BY a.article_id").fetchall()
        finally:
            con.unregister("_todo")
        yield [(aid, name) for aid, _, name in rows], [(aid, body) for aid, body, _ in rows]

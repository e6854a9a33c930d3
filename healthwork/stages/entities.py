"""Stage entities: extract entities from every article whose body is new or changed."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from healthwork import parallel
from healthwork.extract import TABLES as ENTITY_TABLES
from healthwork.stages import common
from healthwork.store import replace_rows

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
    common.ids_frame(con, todo)
    articles = con.execute("SELECT a.article_id, a.body, a.source_file FROM clean.articles a JOIN _todo USING (article_id) "
                           "ORDER BY a.article_id").fetchall()
    con.unregister("_todo")
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in ENTITY_TABLES}
    done_rows, failed = [], []
    results = parallel.ordered_map(parallel.safe_extract, [body for _, body, _ in articles])
    for i, ((aid, _, name), got) in enumerate(zip(articles, results), 1):
        found = got.value or {}
        if got.error is not None:
            common.log.error("entity extraction failed for %s\n%s", name, got.trace)
            failed.append((aid, EXTRACT_ERROR, got.error))
        for t, rows in found.items():
            out[t] += [{**r, "article_id": aid} for r in rows]
        done_rows.append({"stage": "entities", "article_id": aid, "version": bodies[aid],
                          "outcome": "ok" if got.error is None else "quarantined"})
        if i % 500 == 0:
            progress(i, len(articles))
    progress(len(articles), len(articles))
    for t in ENTITY_TABLES:
        replace_rows(con, f"entities.{t}", out[t], article_ids=todo)
    common.forget(con, "entities", (), todo)
    replace_rows(con, "meta.processed", done_rows, article_ids=[])
    common.drop_quarantine(con, "entities", [*stale, *todo])
    q_rows = common.quarantine_rows(con, "entities", failed)
    replace_rows(con, "dq.quarantine", q_rows, article_ids=[])
    s.failed = [(r["source_file"], r["detail"]) for r in q_rows]
    common.mark_unchecked(con, "entities", None if whole else todo)
    s.extracted = len(articles)
    s.rows = {t: con.execute(f"SELECT count(*) FROM entities.{t}").fetchone()[0] for t in ENTITY_TABLES}
    common.record_stage_version(con, "entities")
    return s

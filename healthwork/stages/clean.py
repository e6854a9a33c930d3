"""Stage clean: clean every article not yet cleaned; re-clean those whose template lines changed."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from healthwork import clean as cleaning
from healthwork import parallel
from healthwork.parallel import has_article
from healthwork.stages import batches, common
from healthwork.store import replace_rows

NO_ARTICLE = "no_article"
CLEAN_ERROR = "clean_error"
__all__ = ["run_clean", "has_article", "CleanSummary", "NO_ARTICLE", "CLEAN_ERROR"]


@dataclass
class CleanSummary:
    cleaned: int = 0
    removed: int = 0
    recleaned_for_template: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    common_lines: int = 0


CLEAN_TABLES = ("clean.articles", "clean.dropped_lines", "clean.file_lines")


def run_clean(con: duckdb.DuckDBPyConnection, full: bool = False, progress: common.Progress = common.noop) -> CleanSummary:
    """Clean every article not yet cleaned; re-clean articles whose template lines changed status."""
    s = CleanSummary()
    whole = full or common.stage_version_changed(con, "clean")
    if whole:
        for t in (*CLEAN_TABLES, "clean.common_lines"):
            con.execute(f"DELETE FROM {t}")
        con.execute("DELETE FROM meta.processed WHERE stage = 'clean'")
        con.execute("DELETE FROM dq.quarantine WHERE stage = 'clean'")
    active = dict(con.execute("SELECT article_id, source_file FROM raw.files WHERE status = 'article'").fetchall())
    done = common.processed(con, "clean")
    gone = sorted(set(done) - set(active))
    common.forget(con, "clean", CLEAN_TABLES, gone)
    common.drop_quarantine(con, "clean", gone)
    s.removed = len(gone)
    todo = sorted(set(active) - set(done))
    # cross-file line statistics: add the new files' lines (batch by batch), then see which template lines changed
    batches.delete_articles(con, ("clean.file_lines",), todo)
    for ids, keys in parallel.map_batches(parallel.sorted_line_keys, _text_batches(con, todo), len(todo)):
        batches.append_columns(con, "clean.file_lines", {"article_id": [a for a, ks in zip(ids, keys) for _ in ks],
                                                         "line_key": [k for ks in keys for k in ks]})
        batches.commit(con)  # a killed run redoes these files' lines: they are not processed yet
    n_files = con.execute("SELECT count(DISTINCT article_id) FROM clean.file_lines").fetchone()[0]
    counts = dict(con.execute(
        "SELECT line_key, count(*) FROM clean.file_lines GROUP BY 1 HAVING count(*) >= 2").fetchall())
    template = cleaning.common_line_keys(counts, n_files)
    old_common = {r[0] for r in con.execute("SELECT line_key FROM clean.common_lines").fetchall()}
    flipped = sorted(template ^ old_common)
    if flipped:
        con.register("_flip", pd.DataFrame({"line_key": flipped}))
        affected = {r[0] for r in con.execute(
            "SELECT DISTINCT article_id FROM clean.file_lines WHERE line_key IN (SELECT line_key FROM _flip)").fetchall()}
        con.unregister("_flip")
        again = sorted(affected - set(todo))
        s.recleaned_for_template = len(again)
        todo = sorted(set(todo) | set(again))
    replace_rows(con, "clean.common_lines",
                 [{"line_key": k, "n_files": counts[k]} for k in sorted(template)])
    s.common_lines = len(template)

    batches.delete_articles(con, ("clean.articles", "clean.dropped_lines"), todo)
    common.forget(con, "clean", (), todo)
    common.drop_quarantine(con, "clean", todo)
    common.mark_unchecked(con, "clean", None if whole else todo)  # before the first batch commits
    n_done = 0
    results = parallel.map_batches(parallel.clean_task, _clean_batches(con, todo, active), len(todo),
                                   init=parallel.set_template, init_args=(frozenset(template),))
    for ids, outcomes in results:
        art_rows, drop_rows, done_rows = [], [], []
        quarantine: list[tuple[str, str, str]] = []
        for aid, got in zip(ids, outcomes):
            if got.error is not None:  # one bad file never fails the run for the good ones
                common.log.error("cleaning %s failed\n%s", active[aid], got.trace)
                quarantine.append((aid, CLEAN_ERROR, got.error))
                continue
            r = got.value
            drop_rows += r.dropped
            if r.article is None:
                quarantine.append((aid, NO_ARTICLE, "no sentence-like lines left after cleaning"))
                done_rows.append(("clean", aid, aid, "quarantined"))
                continue
            art_rows.append(r.article)
            done_rows.append(("clean", aid, aid, "ok"))
        s.cleaned += batches.append(con, "clean.articles", parallel.CLEAN_ARTICLE_COLUMNS, art_rows)
        batches.append(con, "clean.dropped_lines", parallel.DROPPED_LINE_COLUMNS, drop_rows)
        q_rows = batches.commit_batch(con, "clean", done_rows, quarantine)
        s.quarantined += [(r["source_file"], r["reason"]) for r in q_rows]
        n_done += len(ids)
        progress(n_done, len(todo))
    if not todo:
        progress(0, 0)
    s.articles = con.execute("SELECT count(*) FROM clean.articles").fetchone()[0]
    common.record_stage_version(con, "clean")
    return s


def _text_batches(con: duckdb.DuckDBPyConnection, ids: list[str]) -> Iterator[tuple[Sequence[str], list[str]]]:
    """(ids, their texts) a batch at a time, read when the pool asks for the batch."""
    for batch in batches.chunks(ids):
        texts = common.texts(con, batch)
        yield batch, [texts[a] for a in batch]


def _clean_batches(con: duckdb.DuckDBPyConnection, ids: list[str],
                   files: dict[str, str]) -> Iterator[tuple[Sequence[str], list[tuple[str, str, str]]]]:
    for batch, texts in _text_batches(con, ids):
        yield batch, [(aid, files[aid], text) for aid, text in zip(batch, texts)]

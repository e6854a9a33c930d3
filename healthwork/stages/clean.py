"""Stage clean: clean every article not yet cleaned; re-clean those whose template lines changed."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from healthwork import clean as cleaning
from healthwork import parallel
from healthwork.stages import common
from healthwork.store import replace_rows

NO_ARTICLE = "no_article"
CLEAN_ERROR = "clean_error"


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
    texts = common.texts(con, todo)
    # cross-file line statistics: add the new files' lines, then see which template lines changed
    keys = list(parallel.ordered_map(parallel.sorted_line_keys, [texts[a] for a in todo]))
    line_rows = pd.DataFrame({"article_id": [a for a, ks in zip(todo, keys) for _ in ks],
                              "line_key": [k for ks in keys for k in ks]}, dtype="object")
    replace_rows(con, "clean.file_lines", line_rows, article_ids=todo)
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
        texts.update(common.texts(con, again))
        todo = sorted(set(todo) | set(again))
    replace_rows(con, "clean.common_lines",
                 [{"line_key": k, "n_files": counts[k]} for k in sorted(template)])
    s.common_lines = len(template)

    art_rows, drop_rows, done_rows, quarantine = [], [], [], []
    results = parallel.ordered_map(parallel.safe_clean, [texts[a] for a in todo],
                                   init=parallel.set_template, init_args=(frozenset(template),))
    for i, (aid, got) in enumerate(zip(todo, results), 1):
        text = texts[aid]
        if got.error is not None:  # one bad file never fails the run for the good ones
            common.log.error("cleaning %s failed\n%s", active[aid], got.trace)
            quarantine.append((aid, CLEAN_ERROR, got.error))
            continue
        r = got.value
        drop_rows += [{"article_id": aid, "line_no": d.line_no, "text": d.text, "rule": d.rule} for d in r.dropped]
        if not has_article(r.body):
            quarantine.append((aid, NO_ARTICLE, "no sentence-like lines left after cleaning"))
            done_rows.append({"stage": "clean", "article_id": aid, "version": aid, "outcome": "quarantined"})
            continue
        art_rows.append({
            "article_id": aid, "source_file": active[aid], "title": r.title, "author": r.author,
            "published_date": r.published_date, "url": r.url, "body": r.body,
            "n_lines": sum(1 for x in text.split("\n") if x.strip()), "n_body_lines": len(r.kept_line_nos),
            "body_sha": hashlib.sha256(r.body.encode()).hexdigest(),
        })
        done_rows.append({"stage": "clean", "article_id": aid, "version": aid, "outcome": "ok"})
        if i % 500 == 0:
            progress(i, len(todo))
    progress(len(todo), len(todo))
    replace_rows(con, "clean.articles", art_rows, article_ids=todo)
    replace_rows(con, "clean.dropped_lines", drop_rows, article_ids=todo)
    common.forget(con, "clean", (), todo)
    replace_rows(con, "meta.processed", done_rows, article_ids=[])
    common.drop_quarantine(con, "clean", todo)
    if quarantine:
        q_rows = common.quarantine_rows(con, "clean", quarantine)
        replace_rows(con, "dq.quarantine", q_rows, article_ids=[])
        s.quarantined = [(r["source_file"], r["reason"]) for r in q_rows]
    common.mark_unchecked(con, "clean", None if whole else todo)
    s.cleaned = len(art_rows)
    s.articles = con.execute("SELECT count(*) FROM clean.articles").fetchone()[0]
    common.record_stage_version(con, "clean")
    return s


def has_article(body: str) -> bool:
    """At least one sentence-like line: several words ending in sentence punctuation."""
    for line in body.split("\n"):
        words = line.split()
        if len(words) >= 6 and line.rstrip()[-1:] in ".!?\"'”’)":
            return True
    return False
